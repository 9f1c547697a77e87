// SPDX-License-Identifier: MIT
// tests/bench_clean.js PAGE...: Mozilla Readability (with jsdom) over the
// pages in one Node process, start-up excluded: pages/s and MB/s.
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");
const files = process.argv.slice(2);
const pages = files.map((f) => fs.readFileSync(f, "utf8"));
const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
const vc = new VirtualConsole();
const t0 = process.hrtime.bigint();
for (const html of pages) {
    try {
        const dom = new JSDOM(html, { url: "http://example.org/", virtualConsole: vc });
        new Readability(dom.window.document).parse();
        dom.window.close();
    } catch (e) {
        /* a page it cannot handle still counts its time */
    }
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(
    `bench-clean: Readability.js  ${files.length} pages, ${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(3)} s: ` +
        `${(files.length / secs).toFixed(1)} pages/s, ${(bytes / 1e6 / secs).toFixed(2)} MB/s (jsdom, one Node process)`
);

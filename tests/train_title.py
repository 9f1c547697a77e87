#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Learns the weights of the scrape headline's score (tools/clean/clean.c,
guess_title and title_features) and writes them as tools/clean/title_w.h.

usage: tests/train_title.py DEBUG_INKPRESS SHARED [OUT.h]

DEBUG_INKPRESS is inkpress built with -DINK_CLEAN_DEBUG, which prints each
candidate line's features ("TF<tab>line<tab>f0<tab>f1...") on stderr:
  make B=build-dbg CFLAGS="-O1 -g -DINK_CLEAN_DEBUG" build-dbg/inkpress

The pages: the text scrapes (SHARED/tools/html2scrape) of trafilatura's
evaluation pages (SHARED/data/traf-dev). The line to pick on each is the one
that is the headline the same inkpress takes from the page's HTML (its
title, og:title or h1, the site's name taken off); pages whose candidates
have no such line teach nothing. The model is a softmax over each page's
candidates (a linear score, L2 weight 1e-3, Adam). It is checked three
ways: trained on one half of the pages and scored on the other, both ways,
and trained on all and scored on the Readability test pages' scrapes
(SHARED/data/readability), held back, against their expected titles.
"""
import concurrent.futures
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from importlib.machinery import SourceFileLoader


def fold(s):
    tr = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u00ad": None})
    return " ".join((s or "").translate(tr).split()).lower()


def same_title(line, title):
    a, b = fold(line), fold(title)
    if not a or not b:
        return False
    return a == b or ((a in b or b in a) and min(len(a), len(b)) >= 0.6 * max(len(a), len(b)))


def run(binary, path):
    p = subprocess.run([binary, "clean", "--json", path], capture_output=True, timeout=30)
    rows = []
    for line in p.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith("TF\t"):
            parts = line[3:].rsplit("\t", N)
            rows.append((parts[0], [float(x) for x in parts[1:]]))
    try:
        title = json.loads(p.stdout.decode("utf-8")).get("title")
    except ValueError:
        title = None
    return rows, title


def pages(binary, shared, tmp):
    h2s = SourceFileLoader("html2scrape", os.path.join(shared, "tools", "html2scrape")).load_module()
    jobs = []
    tf = os.path.join(shared, "data", "traf-dev")
    for url, item in sorted(json.load(open(os.path.join(tf, "evaldata.json"), encoding="utf-8")).items()):
        jobs.append(("traf", os.path.join(tf, item["file"]), None))
    rd = os.path.join(shared, "data", "readability")
    for d in sorted(os.listdir(rd)):
        if os.path.isfile(os.path.join(rd, d, "source.html")):
            meta = json.load(open(os.path.join(rd, d, "expected-metadata.json"), encoding="utf-8"))
            jobs.append(("rd", os.path.join(rd, d, "source.html"), meta.get("title")))

    def one(job):
        kind, html, gold = job
        raw = open(html, "rb").read().decode("utf-8", "replace")
        txt = os.path.join(tmp, "%s-%x.txt" % (kind, abs(hash(html))))
        with open(txt, "w", encoding="utf-8") as f:
            f.write("\n".join(h2s.scrape(raw)) + "\n")
        rows, _ = run(binary, txt)
        if gold is None:
            gold = run(binary, html)[1]
        y = [1 if same_title(t, gold) else 0 for t, _ in rows]
        return kind, [x for _, x in rows], y

    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        return [r for r in ex.map(one, jobs) if r[1] and any(r[2])]


def score(w, x):
    return sum(a * b for a, b in zip(w, x))


def train(data, epochs=200, lr=0.05, l2=1e-3):
    w, m, v = [0.0] * N, [0.0] * N, [0.0] * N
    for ep in range(1, epochs + 1):
        g = [0.0] * N
        for _, X, y in data:
            s = [score(w, x) for x in X]
            top = max(s)
            e = [math.exp(a - top) for a in s]
            z, zp = sum(e), sum(ei for ei, yi in zip(e, y) if yi)
            for x, ei, yi in zip(X, e, y):
                c = ei / z - (ei / zp if yi else 0.0)
                if c:
                    for k in range(N):
                        g[k] += c * x[k]
        for k in range(N):
            gk = g[k] / len(data) + l2 * w[k]
            m[k] = 0.9 * m[k] + 0.1 * gk
            v[k] = 0.999 * v[k] + 0.001 * gk * gk
            w[k] -= lr * (m[k] / (1 - 0.9 ** ep)) / (math.sqrt(v[k] / (1 - 0.999 ** ep)) + 1e-8)
    return w


def right(w, data):
    """Pages on which the first line of the highest score is one to pick."""
    ok = 0
    for _, X, y in data:
        best = 0
        for k in range(1, len(X)):
            if score(w, X[k]) > score(w, X[best]):
                best = k
        ok += y[best]
    return ok


def main():
    global N
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, shared = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    N = 31
    with tempfile.TemporaryDirectory() as tmp:
        data = pages(binary, shared, tmp)
    traf = [d for d in data if d[0] == "traf"]
    rd = [d for d in data if d[0] == "rd"]
    random.seed(1)
    order = list(range(len(traf)))
    random.shuffle(order)
    a = [traf[i] for i in order[: len(order) // 2]]
    b = [traf[i] for i in order[len(order) // 2:]]
    wa, wb = train(a), train(b)
    print("trained on half A (%d pages): %d of %d right on half B" % (len(a), right(wa, b), len(b)))
    print("trained on half B (%d pages): %d of %d right on half A" % (len(b), right(wb, a), len(a)))
    w = train(traf)
    print("trained on all %d: %d right of them; Readability scrapes, held back: %d of %d"
          % (len(traf), right(w, traf), right(w, rd), len(rd)))
    text = "".join("    %.4f,\n" % x for x in w)
    if out:
        with open(out, "w") as f:
            f.write("/* Written by tests/train_title.py: the weights of title_features' features, in order. */\n" + text)
    else:
        sys.stdout.write(text)


N = 31
if __name__ == "__main__":
    main()

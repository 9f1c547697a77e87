/* SPDX-License-Identifier: MIT */
/* inkpress.c: the host command: clean, pack, inspect, extract, preview. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "article.h"
#include "bundle_write.h"
#include "dedup.h"
#include "cmd.h"
#include "fontsub.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "sim_io.h"
#include "ink_profile.h"
#include "input.h"
#include "json.h"
#include "uf2.h"
#include "progress.h"

#ifndef INKPRESS_VERSION
#define INKPRESS_VERSION "0.1.0"
#endif

static void main_usage(FILE *f)
{
    fprintf(f,
            "usage: inkpress [-q | -v] COMMAND [options] ...\n"
            "       inkpress --version\n"
            "\n"
            "  clean [--json] FILE...                 cleaned article(s): title, date, section, source, body\n"
            "  pack -o EDITION.ink [options] INPUT... files and folders -> edition bundle\n"
            "  inspect EDITION.ink                    header, sections, articles, sizes, checks\n"
            "  extract EDITION.ink [N]                cleaned text back out (article N, 1-based)\n"
            "  preview EDITION.ink -o DIR [options]   every page as PNG, through the device code\n"
            "  profiles                               the panels: size, dpi, text sizes\n"
            "  help [COMMAND]                         this text, or one command's options and an example\n"
            "\n"
            "  -q, --quiet     errors only (no progress bar, no summary)\n"
            "  -v, --verbose   say more (pack: one line per input)\n"
            "  -               (as a file) standard input; '-o -' writes to standard output\n"
            "\n"
            "exit status: 0 ok, 1 some inputs skipped or characters no font draws, 2 usage, 3 damaged edition, 4 cannot write output\n"
            "example: inkpress pack -o news.ink samples/ && inkpress preview news.ink -o pages\n"
            "'man inkpress' has it all.\n");
}

static int cmd_clean(int argc, char **argv)
{
    int json = 0, nfiles = 0, bad = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("usage: inkpress clean [--json] FILE...\n"
                   "Cleans text scrapes: keeps title, date, section, source, byline and body.\n"
                   "  --json   one JSON object per file: {title, date, section, source, byline, body[]}\n"
                   "  FILE     a file, or - for standard input\n"
                   "example: inkpress clean --json samples/01-world-harbour-strike.txt\n");
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "inkpress clean: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            continue;
        article_list_t list = { 0 };
        const char *why;
        if (input_load(argv[i], &list, &why) < 0) {
            fprintf(stderr, "inkpress clean: %s: %s\n", argv[i], why);
            bad++;
            continue;
        }
        for (size_t k = 0; k < list.n; k++) {
            if (json) {
                json_article(stdout, &list.v[k]);
            } else {
                if (nfiles)
                    fputs("\f\n", stdout);
                article_print(stdout, &list.v[k]);
            }
            nfiles++;
        }
        article_list_free(&list);
    }
    if (nfiles + bad == 0) {
        fprintf(stderr, "usage: inkpress clean [--json] FILE...\n");
        return 2;
    }
    if (fflush(stdout) != 0)
        return 4;
    return bad ? 1 : 0;
}

static int write_file(const char *path, const uint8_t *data, size_t len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdout : fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    int rc = (f == stdout) ? fflush(f) : fclose(f);
    return (w == len && rc == 0) ? 0 : -1;
}

/* pack's report of the characters no face of the edition draws. */
static void pack_missing(void *ctx, size_t article, const char *title, const uint32_t *cps, size_t n)
{
    (void)ctx;
    if (article == SIZE_MAX)
        fprintf(stderr, "inkpress pack: the edition's name or sections:");
    else {
        size_t tl = strlen(title);
        if (tl > 60) /* cut on a character boundary */
            for (tl = 60; tl && ((unsigned char)title[tl] & 0xC0) == 0x80; tl--)
                ;
        fprintf(stderr, "inkpress pack: article %zu \"%.*s%s\":", article + 1, (int)tl, title,
                tl < strlen(title) ? "..." : "");
    }
    for (size_t i = 0; i < n && i < 24; i++) {
        char u[5] = { 0 };
        uint32_t c = cps[i];
        if (c < 0x80) u[0] = (char)c;
        else if (c < 0x800) { u[0] = (char)(0xC0 | c >> 6); u[1] = (char)(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { u[0] = (char)(0xE0 | c >> 12); u[1] = (char)(0x80 | (c >> 6 & 0x3F)); u[2] = (char)(0x80 | (c & 0x3F)); }
        else { u[0] = (char)(0xF0 | c >> 18); u[1] = (char)(0x80 | (c >> 12 & 0x3F)); u[2] = (char)(0x80 | (c >> 6 & 0x3F)); u[3] = (char)(0x80 | (c & 0x3F)); }
        fprintf(stderr, " U+%04X %s", (unsigned)c, (c >= 0xE000 && c < 0xF900) ? "" : u);
    }
    fprintf(stderr, "%s\n", n > 24 ? " ..." : "");
}

static int cmd_pack(int argc, char **argv)
{
    const char *outp = NULL;
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    bundle_stats_t stats;
    int bad = 0, uf2 = 0, no_fonts = 0;
    uint32_t uf2_base = 0, uf2_family = 0;
    const char *fonts_dir = NULL;
    opts.stats = &stats;
    input_list_t inputs = { 0 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = !strcmp(a, "-o") || !strcmp(a, "--name") || !strcmp(a, "--date") || !strcmp(a, "--level") ||
                    !strcmp(a, "--zopfli") || !strcmp(a, "--group-bytes") || !strcmp(a, "--align") ||
                    !strcmp(a, "--uf2-base") || !strcmp(a, "--uf2-family") || !strcmp(a, "--fonts") ||
                    !strcmp(a, "--script-fonts");
        if (takes && !v) {
            fprintf(stderr, "inkpress pack: %s needs a value\n", a);
            return 2;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            printf("usage: inkpress pack -o EDITION.ink [options] INPUT...\n"
                   "Cleans every input and packs the articles into one edition bundle.\n"
                   "  -o FILE        the bundle to write (- for standard output)\n"
                   "  --name NAME    edition name (default: \"inkpress edition\")\n"
                   "  --date DATE    edition date (default: the newest article's date)\n"
                   "  --zopfli N     zopfli iterations: smaller bundle, slower pack (default 5)\n"
                   "  --fast         zlib instead of zopfli (about 5%% larger, many times faster)\n"
                   "  --level N      zlib's deflate level 0-9 with --fast (default 9)\n"
                   "  --no-dict      no preset dictionary trained on the edition\n"
                   "  --no-patterns  every soft hyphen written out, no hyphenation patterns for\n"
                   "                 the reader to find most of them itself (by default the\n"
                   "                 bundle has them when they make it smaller)\n"
                   "  --patterns     hyphenation patterns even when they do not pay\n"
                   "  --group-bytes N  text per stream of grouped short articles (default 32768;\n"
                   "                 at most 262144; 1 = every article its own stream)\n"
                   "  --align N      start every section on an N-byte boundary (flash erase block)\n"
                   "  --fonts DIR    regular.ttf, bold.ttf, italic.ttf to subset into the bundle\n"
                   "                 (default: $INKPRESS_FONTS, else the fonts beside the program)\n"
                   "  --no-fonts     leave the fonts and kerning pairs out (the reader has its own)\n"
                   "  --script-fonts DIRS  where the Noto faces for other scripts are (':' between folders;\n"
                   "                 default: $INKPRESS_SCRIPT_FONTS, else Debian's fonts-noto-core and -cjk)\n"
                   "  --no-script-fonts  only the three faces: characters they lack are drawn as boxes\n"
                   "  --font-hints   keep the TrueType hinting instructions in the subset fonts\n"
                   "  --uf2          write a UF2 file for drag-and-drop flashing instead of .ink\n"
                   "  --uf2-base A   flash address of the bundle in the UF2 (e.g. 0x10100000)\n"
                   "  --uf2-family F UF2 family ID (e.g. 0xe48bff56 for the RP2040)\n"
                   "  -q, --quiet    no progress bar, no summary line (errors only)\n"
                   "  -v, --verbose  one line per input: how many articles it gave\n"
                   "  INPUT          a file, a folder (walked for .txt .html .htm .xml .rss .atom),\n"
                   "                 or - for one file on standard input\n"
                   "On a terminal a progress bar on stderr shows the count, the rate and the\n"
                   "input it is on; at the end one line says how many articles were packed,\n"
                   "how many inputs were skipped and why, the bundle's size and the ratio.\n"
                   "A file that cannot be read or cleaned is named on stderr and skipped; the\n"
                   "rest is packed and the exit status is 1. So is it when a character has no glyph\n"
                   "in any face (each is named with its articles; the reader draws a box).\n"
                   "example: inkpress pack -o build/sample.ink --name \"Sample\" samples/*.txt\n"
                   "         inkpress pack -o news.ink - <feed.xml\n");
            input_list_free(&inputs);
            return 0;
        } else if (!strcmp(a, "-o")) {
            outp = v;
            i++;
        } else if (!strcmp(a, "--fonts")) {
            fonts_dir = v;
            i++;
        } else if (!strcmp(a, "--script-fonts")) {
            opts.script_fonts = v;
            i++;
        } else if (!strcmp(a, "--no-script-fonts")) {
            opts.no_script_fonts = 1;
        } else if (!strcmp(a, "--no-fonts")) {
            no_fonts = 1;
        } else if (!strcmp(a, "--font-hints")) {
            opts.font_flags |= FS_KEEP_HINTS;
        } else if (!strcmp(a, "--name")) {
            if (!ink_utf8_valid((const uint8_t *)v, strlen(v))) {
                fprintf(stderr, "inkpress pack: --name must be UTF-8 (strings in a bundle are)\n");
                input_list_free(&inputs);
                return 2;
            }
            opts.name = v;
            i++;
        } else if (!strcmp(a, "--date")) {
            if (!ink_date_valid(v, strlen(v))) {
                fprintf(stderr, "inkpress pack: --date takes YYYY-MM-DD, not '%s'\n", v);
                input_list_free(&inputs);
                return 2;
            }
            opts.date = v;
            i++;
        } else if (!strcmp(a, "--level")) {
            opts.level = atoi(v);
            if (opts.level < 0 || opts.level > 9) {
                fprintf(stderr, "inkpress pack: --level takes 0 to 9\n");
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--zopfli") || !strcmp(a, "--group-bytes") || !strcmp(a, "--align") ||
                   !strcmp(a, "--uf2-base") || !strcmp(a, "--uf2-family")) {
            char *end;
            unsigned long long x = strtoull(v, &end, 0);
            if (*end || !*v || x > 0xFFFFFFFFull) {
                fprintf(stderr, "inkpress pack: %s takes a number (decimal or 0x hex)\n", a);
                input_list_free(&inputs);
                return 2;
            }
            if (!strcmp(a, "--zopfli"))
                opts.zopfli = x > 1000 ? 1000 : (int)x;
            else if (!strcmp(a, "--group-bytes")) {
                /* a stream's text may not exceed INK_GROUP_MAX_BYTES (docs/FORMAT.md, GRPS) */
                if (x > INK_GROUP_MAX_BYTES) {
                    fprintf(stderr, "inkpress pack: --group-bytes takes 0 to %u (a stream's text is at most %u bytes)\n",
                            (unsigned)INK_GROUP_MAX_BYTES, (unsigned)INK_GROUP_MAX_BYTES);
                    input_list_free(&inputs);
                    return 2;
                }
                opts.group_bytes = x ? (size_t)x : 1;
            }
            else if (!strcmp(a, "--align")) {
                if (x == 0 || (x & (x - 1)) || x > (1u << 20)) {
                    fprintf(stderr, "inkpress pack: --align takes a power of two up to 1 MiB\n");
                    input_list_free(&inputs);
                    return 2;
                }
                opts.align = (size_t)x;
            } else if (!strcmp(a, "--uf2-base"))
                uf2_base = (uint32_t)x;
            else
                uf2_family = (uint32_t)x;
            i++;
        } else if (!strcmp(a, "--fast")) {
            opts.zopfli = 0;
        } else if (!strcmp(a, "--no-dict")) {
            opts.dict = 0;
        } else if (!strcmp(a, "--no-patterns")) {
            opts.hyph = 0;
        } else if (!strcmp(a, "--patterns")) {
            opts.hyph = 2;
        } else if (!strcmp(a, "--uf2")) {
            uf2 = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            progress_level = PROGRESS_QUIET;
        } else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            progress_level = PROGRESS_VERBOSE;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "inkpress pack: unknown option %s\n", a);
            input_list_free(&inputs);
            return 2;
        } else if (input_add(&inputs, a, &bad) != 0) {
            fprintf(stderr, "inkpress pack: out of memory\n");
            input_list_free(&inputs);
            return 1;
        }
    }
    if (!outp || (inputs.n == 0 && bad == 0)) {
        fprintf(stderr, "usage: inkpress pack -o EDITION.ink [options] INPUT...\n");
        input_list_free(&inputs);
        return 2;
    }
    sim_file_t font_files[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (!no_fonts) {
        if (sim_fonts_load(fonts_dir, font_files, fonts) != 0) { /* it says what is missing */
            fprintf(stderr, "inkpress pack: give --fonts DIR, or --no-fonts to pack without them\n");
            input_list_free(&inputs);
            return 2;
        }
        opts.fonts = fonts;
    }
    article_list_t arts = { 0 };
    size_t in_bytes = 0;
    progress_t pr;
    progress_start(&pr, stderr, -1, "pack", inputs.n);
    for (int k = 0; k < bad; k++) /* named on stderr by input_add */
        progress_skip(&pr, NULL, NULL, "cannot be listed");
    for (size_t i = 0; i < inputs.n; i++) {
        const char *why;
        size_t before = arts.n;
        progress_item(&pr, inputs.paths[i]);
        if (input_load(inputs.paths[i], &arts, &why) < 0) {
            progress_skip(&pr, "inkpress pack", inputs.paths[i], why);
            bad++;
            continue;
        }
        if (progress_level >= PROGRESS_VERBOSE)
            progress_say(&pr, "inkpress pack: %s: %zu article%s", inputs.paths[i], arts.n - before,
                         arts.n - before == 1 ? "" : "s");
        for (size_t k = before; k < arts.n; k++)
            for (size_t b = 0; b < arts.v[k].nblocks; b++)
                in_bytes += strlen(arts.v[k].blocks[b].text) + 1;
    }
    progress_end(&pr);
    int rc = bad ? 1 : 0;
    uint8_t *bundle = NULL;
    size_t blen = 0;
    const char *why = "out of memory";
    /* the same article from two inputs (a page and its feed item) is packed once */
    dedup_articles(&arts);
    size_t n = arts.n;
    opts.on_missing = pack_missing;
    int wrote = bundle_write(arts.v, n, &opts, &bundle, &blen, &why);
    if (wrote == 0 && stats.missing_chars) {
        /* drawn as boxes on the device: not lost silently, but not right */
        fprintf(stderr, "inkpress pack: %zu character%s no font of the edition draws, in %zu article%s "
                        "(the reader shows a box for each)\n",
                stats.missing_chars, stats.missing_chars == 1 ? "" : "s", stats.missing_articles,
                stats.missing_articles == 1 ? "" : "s");
        rc = 1;
    }
    if (wrote == 0 && uf2) {
        uint8_t *u;
        size_t ulen;
        wrote = uf2_wrap(bundle, blen, uf2_base, uf2_family, &u, &ulen, &why);
        if (wrote == 0) {
            free(bundle);
            bundle = u;
            blen = ulen;
        }
    }
    if (wrote != 0) {
        fprintf(stderr, "inkpress pack: %s: %s\n", outp, why);
        rc = n ? 4 : 1;
        if (uf2 && bundle && uf2_base)
            rc = 2; /* --uf2-base too high for the bundle: a usage error */
    } else if (write_file(outp, bundle, blen) != 0) {
        fprintf(stderr, "inkpress pack: cannot write %s: %s\n", outp, strerror(errno));
        rc = 4;
    } else if (progress_level > PROGRESS_QUIET) {
        char skipped[600];
        progress_skipped_text(&pr, skipped, sizeof skipped);
        fprintf(stderr, "inkpress pack: %zu article%s packed, %s; %s: %zu bytes (body text %zu bytes, %.2f:1) in %.2f s\n",
                n, n == 1 ? "" : "s", skipped, outp, blen, in_bytes, blen ? (double)in_bytes / (double)blen : 0.0,
                progress_elapsed(&pr));
        if (progress_level >= PROGRESS_VERBOSE)
            fprintf(stderr,
                    "inkpress pack: sections: header %zu, META %zu, STRS %zu, SECS %zu, ARTS %zu, GRPS %zu, TITL %zu, "
                    "DICT %zu, TEXT %zu, HYPH %zu, FONT %zu, KERN %zu; %zu streams, %zu title chunks\n",
                    stats.header, stats.meta, stats.strs, stats.secs, stats.arts, stats.grps, stats.titl, stats.dict,
                    stats.text, stats.hyph, stats.font, stats.kern, stats.groups, stats.chunks);
        if (progress_level >= PROGRESS_VERBOSE && stats.hyph)
            fprintf(stderr,
                    "inkpress pack: hyphenation: %zu patterns for %zu articles; soft hyphens written %zu of %zu, "
                    "%zu words marked off\n",
                    stats.hyph_patterns, stats.hyph_articles, stats.shy_after, stats.shy_before, stats.hyph_marked);
        if (progress_level >= PROGRESS_VERBOSE && opts.fonts)
            fprintf(stderr,
                    "inkpress pack: fonts: %zu characters; regular %zu, bold %zu, italic %zu bytes; "
                    "%zu faces for other scripts, %zu bytes; "
                    "kerning pairs: regular %zu, bold %zu, italic %zu\n",
                    stats.chars, stats.face[0], stats.face[1], stats.face[2], stats.fallbacks, stats.fallback_bytes,
                    stats.kern_pairs[0], stats.kern_pairs[1], stats.kern_pairs[2]);
        if (progress_level >= PROGRESS_VERBOSE && stats.shaped_runs)
            fprintf(stderr, "inkpress pack: shaped: %zu runs of %zu glyphs in the texts, %zu titles\n",
                    stats.shaped_runs, stats.shaped_glyphs, stats.shaped_titles);
    }
    article_list_free(&arts);
    free(bundle);
    input_list_free(&inputs);
    if (opts.fonts)
        sim_fonts_close(font_files);
    return rc;
}

static int cmd_profiles(int argc, char **argv)
{
    if (argc > 1) {
        int help = !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help");
        fprintf(help ? stdout : stderr,
                "usage: inkpress profiles\n"
                "Lists the panels inkpress knows: name, width and height in pixels, dpi, and\n"
                "the three text sizes of the menu in points (* the default). The first is\n"
                "the default profile of preview and inkpress-sim.\n"
                "example: inkpress profiles\n");
        return help ? 0 : 2;
    }
    printf("%-16s %6s %6s %5s  %s\n", "profile", "width", "height", "dpi", "text sizes (pt), default *");
    for (const ink_profile_t *p = ink_profiles; p->name; p++) {
        printf("%-16s %6d %6d %5d  ", p->name, p->w, p->h, p->dpi);
        for (int i = 0; i < INK_SIZE_COUNT; i++)
            printf("%s%d.%d%s", i ? " " : "", p->size_pt10[i] / 10, p->size_pt10[i] % 10,
                   i == p->default_size ? "*" : "");
        printf("%s\n", p == ink_profiles ? "   (default)" : "");
    }
    return 0;
}

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* A batch tool that builds and frees a DOM a page: keep freed memory for
     * the next page instead of handing it back to the system and mapping it
     * again (big input buffers included). About 5% of `clean` on the
     * Readability pages; memory goes back at exit. */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
    /* Options before the command apply to all of it, as in git. */
    while (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
        if (!strcmp(argv[1], "-q") || !strcmp(argv[1], "--quiet"))
            progress_level = PROGRESS_QUIET;
        else if (!strcmp(argv[1], "-v") || !strcmp(argv[1], "--verbose"))
            progress_level = PROGRESS_VERBOSE;
        else
            break;
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    if (argc < 2) {
        main_usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "help") && argc > 2 && strcmp(argv[2], "help") != 0) {
        /* "inkpress help pack" is "inkpress pack --help". */
        char *sub[] = { argv[0], argv[2], (char *)"--help", NULL };
        return main(3, sub);
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
        main_usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("inkpress %s\n", INKPRESS_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "clean"))
        return cmd_clean(argc - 1, argv + 1);
    if (!strcmp(cmd, "pack"))
        return cmd_pack(argc - 1, argv + 1);
    if (!strcmp(cmd, "inspect"))
        return cmd_inspect(argc - 1, argv + 1);
    if (!strcmp(cmd, "extract"))
        return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "preview"))
        return cmd_preview(argc - 1, argv + 1);
    if (!strcmp(cmd, "profiles"))
        return cmd_profiles(argc - 1, argv + 1);
    fprintf(stderr, "inkpress: '%s' is not a command; see 'inkpress help'\n", cmd);
    return 2;
}

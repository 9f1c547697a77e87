/* SPDX-License-Identifier: MIT */
/* inkpress.c: the host command: clean, pack, inspect, extract, preview. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "bundle_write.h"
#include "cmd.h"
#include "ink_profile.h"
#include "input.h"
#include "json.h"

#ifndef INKPRESS_VERSION
#define INKPRESS_VERSION "0.1.0"
#endif

static void main_usage(FILE *f)
{
    fprintf(f,
            "usage: inkpress COMMAND [options] ...\n"
            "\n"
            "  clean [--json] FILE...                 cleaned article(s): title, date, section, source, body\n"
            "  pack -o EDITION.ink [options] INPUT... files and folders -> edition bundle\n"
            "  inspect EDITION.ink                    header, sections, articles, sizes, checks\n"
            "  extract EDITION.ink [N]                cleaned text back out (article N, 1-based)\n"
            "  preview EDITION.ink -o DIR [options]   every page as PNG, through the device code\n"
            "  profiles                               the panels and their sizes\n"
            "  help                                   this text; 'inkpress COMMAND --help' for one command\n"
            "\n"
            "exit status: 0 ok, 1 some inputs skipped, 2 usage, 3 damaged edition, 4 cannot write output\n");
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
        art_list_t list = { 0 };
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
        art_list_free(&list);
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

static int cmd_pack(int argc, char **argv)
{
    const char *outp = NULL;
    bundle_opts_t opts = { "inkpress edition", NULL, 9 };
    int quiet = 0, bad = 0;
    input_list_t inputs = { 0 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = !strcmp(a, "-o") || !strcmp(a, "--name") || !strcmp(a, "--date") || !strcmp(a, "--level");
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
                   "  --level N      deflate level 0-9 (default 9)\n"
                   "  -q, --quiet    no summary line\n"
                   "  INPUT          a file, or a folder (walked for .txt .html .htm .xml .rss .atom)\n"
                   "A file that cannot be read or cleaned is named on stderr and skipped; the\n"
                   "rest is packed and the exit status is 1.\n"
                   "example: inkpress pack -o build/sample.ink --name \"Sample\" samples/\n");
            input_list_free(&inputs);
            return 0;
        } else if (!strcmp(a, "-o")) {
            outp = v;
            i++;
        } else if (!strcmp(a, "--name")) {
            opts.name = v;
            i++;
        } else if (!strcmp(a, "--date")) {
            opts.date = v;
            i++;
        } else if (!strcmp(a, "--level")) {
            opts.level = atoi(v);
            if (opts.level < 0 || opts.level > 9) {
                fprintf(stderr, "inkpress pack: --level takes 0 to 9\n");
                return 2;
            }
            i++;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            quiet = 1;
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
    art_list_t arts = { 0 };
    size_t in_bytes = 0;
    clock_t t0 = clock();
    for (size_t i = 0; i < inputs.n; i++) {
        const char *why;
        size_t before = arts.n;
        if (input_load(inputs.paths[i], &arts, &why) < 0) {
            fprintf(stderr, "inkpress pack: %s: %s (skipped)\n", inputs.paths[i], why);
            bad++;
            continue;
        }
        for (size_t k = before; k < arts.n; k++)
            for (size_t b = 0; b < arts.v[k].nblocks; b++)
                in_bytes += strlen(arts.v[k].blocks[b].text) + 1;
    }
    int rc = bad ? 1 : 0;
    uint8_t *bundle = NULL;
    size_t blen = 0;
    const char *why = "out of memory";
    size_t n = arts.n;
    if (bundle_write(arts.v, n, &opts, &bundle, &blen, &why) != 0) {
        fprintf(stderr, "inkpress pack: %s: %s\n", outp, why);
        rc = n ? 4 : 1;
    } else if (write_file(outp, bundle, blen) != 0) {
        fprintf(stderr, "inkpress pack: cannot write %s: %s\n", outp, strerror(errno));
        rc = 4;
    } else if (!quiet) {
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        fprintf(stderr, "inkpress pack: %zu article%s packed, %d skipped; %s: %zu bytes (body text %zu bytes, %.2f:1) in %.2f s\n",
                n, n == 1 ? "" : "s", bad, outp, blen, in_bytes, blen ? (double)in_bytes / (double)blen : 0.0,
                secs);
    }
    art_list_free(&arts);
    free(bundle);
    input_list_free(&inputs);
    return rc;
}

static int cmd_profiles(void)
{
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
    if (argc < 2) {
        main_usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
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
        return cmd_profiles();
    fprintf(stderr, "inkpress: '%s' is not a command; see 'inkpress help'\n", cmd);
    return 2;
}

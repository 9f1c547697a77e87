/* SPDX-License-Identifier: MIT */
/* inkpress.c: the host command: clean, pack, inspect, extract, preview. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __GLIBC__
#include <malloc.h>
#include <libxml/parser.h>
#endif

#include "article.h"
#include "cliopt.h"
#include "bundle_write.h"
#include "dedup.h"
#include "cmd.h"
#include "fontsub.h"
#include "html_arena.h"
#include "sim_io.h"
#include "ink_profile.h"
#include "input.h"
#include "json.h"
#include "uf2.h"
#include "packcli.h"
#include "par.h"
#include "progress.h"


static int cmd_clean(int argc, char **argv);
static int cmd_pack(int argc, char **argv);
static int cmd_profiles(int argc, char **argv);

/* The commands: name, what runs it, and its line in 'inkpress help'. */
typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *synopsis, *summary;
} command_t;

static const command_t commands[] = {
    {"clean", cmd_clean, "clean [--json] FILE...", "cleaned article(s): title, date, section, source, body"},
    {"pack", cmd_pack, "pack -o EDITION.ink [options] INPUT...", "files and folders -> edition bundle"},
    {"fetch", cmd_fetch, "fetch FEEDS -o EDITION.ink [options]",
     "feeds (and their pages) from the web -> edition bundle"},
    {"inspect", cmd_inspect, "inspect EDITION.ink", "header, sections, articles, sizes, checks"},
    {"extract", cmd_extract, "extract EDITION.ink [N] [--pictures DIR]",
     "cleaned text back out (article N, 1-based), pictures as PNG"},
    {"preview", cmd_preview, "preview EDITION.ink -o DIR [options]", "every page as PNG, through the device code"},
    {"profiles", cmd_profiles, "profiles", "the panels: size, dpi, text sizes"},
    {NULL, NULL, "help [COMMAND]", "this text, or one command's options and an example"},
};

/* Options before the command, for all of it. */
static int show_version;
static const cliopt_t main_opts[] = {
    {"--version", NULL, CLIOPT_FLAG, &show_version, 1, .help = "the version of inkpress"},
    {"-q|--quiet", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_QUIET,
     .help = "errors only (no progress bar, no summary)"},
    {"-v|--verbose", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_VERBOSE,
     .help = "say more (pack: one line per input)"},
    {"-", NULL, CLIOPT_NOTE, .help = "(as a file) standard input; '-o -' writes to standard output"},
    {0},
};

static void main_usage(FILE *f)
{
    fprintf(f, "usage: inkpress [-q | -v] COMMAND [options] ...\n"
               "       inkpress --version\n"
               "\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-38s %s\n", commands[i].synopsis, commands[i].summary);
    fputc('\n', f);
    cliopt_help(f, (const cliopt_t *const[]){main_opts, NULL});
    fprintf(f, "\n"
               "exit status: 0 ok, 1 some inputs skipped or characters no font draws, 2 usage, 3 damaged edition, 4 "
               "cannot write output\n"
               "example: inkpress pack -o news.ink samples/ && inkpress preview news.ink -o pages\n"
               "'man inkpress' has it all.\n");
}

static int cmd_clean(int argc, char **argv)
{
    int json = 0, bad = 0;
    const cliopt_t opts[] = {
        {"--json", NULL, CLIOPT_FLAG, &json, 1,
         .help = "one JSON object per file: {title, date, section, source, byline, body[]}"},
        {"FILE", NULL, CLIOPT_NOTE, .help = "a file, or - for standard input"},
        {0},
    };
    const cliopt_t *const tables[] = {opts, NULL};
    int nfiles = cliopt_parse("inkpress clean", tables, argc, argv);
    if (nfiles == CLIOPT_HELP) {
        printf("usage: inkpress clean [--json] FILE...\n"
               "Cleans text scrapes: keeps title, date, section, source, byline and body.\n");
        cliopt_help(stdout, tables);
        printf("example: inkpress clean --json samples/01-world-harbour-strike.txt\n");
        return 0;
    }
    if (nfiles == CLIOPT_USAGE)
        return 2;
    if (nfiles == 0) {
        fprintf(stderr, "usage: inkpress clean [--json] FILE...\n");
        return 2;
    }
    size_t shown = 0;
    for (int i = 1; i <= nfiles; i++) {
        article_list_t list = {0};
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
                if (shown)
                    fputs("\f\n", stdout);
                article_print(stdout, &list.v[k]);
            }
            shown++;
        }
        article_list_free(&list);
    }
    if (fflush(stdout) != 0)
        return 4;
    return bad ? 1 : 0;
}

/* pack's inputs, cleaned a batch at a time on every core. */
#define LOAD_BATCH 64

typedef struct load {
    article_list_t list;
    const char *why;
    int rc;
} load_t;

typedef struct loads {
    char **paths;
    load_t *v; /* the batch's: v[j] is paths[first + j] */
    size_t first;
} loads_t;

static void load_one(void *ctx, size_t j, size_t t)
{
    loads_t *ld = ctx;
    load_t *l = &ld->v[j];
    (void)t;
    memset(l, 0, sizeof *l);
    l->rc = input_load(ld->paths[ld->first + j], &l->list, &l->why);
}

static int cmd_pack(int argc, char **argv)
{
    pack_cli_t pc;
    int bad = 0;
    pack_cli_init(&pc);
    const cliopt_t own[] = {
        {"-q|--quiet", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_QUIET,
         .help = "no progress bar, no summary line (errors only)"},
        {"-v|--verbose", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_VERBOSE,
         .help = "one line per input: how many articles it gave"},
        {"INPUT", NULL, CLIOPT_NOTE,
         .help = "a file, a folder (walked for .txt .html .htm .xml .rss .atom), or - for one file on standard "
                 "input"},
        {0},
    };
    const cliopt_t *const tables[] = {pc.table, own, NULL};
    int n = cliopt_parse("inkpress pack", tables, argc, argv);
    if (n == CLIOPT_HELP) {
        printf("usage: inkpress pack -o EDITION.ink [options] INPUT...\n"
               "Cleans every input and packs the articles into one edition bundle.\n");
        cliopt_help(stdout, tables);
        printf("On a terminal a progress bar on stderr shows the count, the rate and the\n"
               "input it is on; at the end one line says how many articles were packed,\n"
               "how many inputs were skipped and why, the bundle's size and the ratio.\n"
               "A file that cannot be read or cleaned is named on stderr and skipped; the\n"
               "rest is packed and the exit status is 1. So is it when a character has no glyph\n"
               "in any face (each is named with its articles; the reader draws a box).\n"
               "example: inkpress pack -o build/sample.ink --name \"Sample\" samples/*.txt\n"
               "         inkpress pack -o news.ink - <feed.xml\n");
        return 0;
    }
    if (n == CLIOPT_USAGE)
        return 2;
    if (!pc.outp || n == 0) {
        fprintf(stderr, "usage: inkpress pack -o EDITION.ink [options] INPUT...\n");
        return 2;
    }
    input_list_t inputs = {0};
    for (int i = 1; i <= n; i++)
        if (input_add(&inputs, argv[i], &bad) != 0) {
            fprintf(stderr, "inkpress pack: out of memory\n");
            input_list_free(&inputs);
            return 1;
        }
    article_list_t arts = {0};
    size_t in_bytes = 0;
    progress_t pr;
    progress_start(&pr, stderr, -1, "pack", inputs.n);
    for (int k = 0; k < bad; k++) /* named on stderr by input_add */
        progress_skip(&pr, NULL, NULL, "cannot be listed");
    /* Inputs are cleaned on every core, a batch at a time; each batch's
     * articles join the edition in input order, and the progress moves. */
    loads_t ld = {inputs.paths, NULL, 0};
    size_t nt = par_threads(pc.opts.threads);
    xmlInitParser(); /* once, before threads parse */
    if (!(ld.v = calloc(LOAD_BATCH, sizeof *ld.v))) {
        fprintf(stderr, "inkpress pack: out of memory\n");
        input_list_free(&inputs);
        return 1;
    }
    struct timespec tl0, tl1, tc0, tc1;
    clock_gettime(CLOCK_MONOTONIC, &tl0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &tc0);
    for (size_t i0 = 0; i0 < inputs.n; i0 += LOAD_BATCH) {
        size_t nb = inputs.n - i0 < LOAD_BATCH ? inputs.n - i0 : LOAD_BATCH;
        ld.first = i0;
        par_for(nt, nb, load_one, &ld);
        for (size_t j = 0; j < nb; j++) {
            size_t i = i0 + j, before = arts.n;
            load_t *l = &ld.v[j];
            progress_item(&pr, inputs.paths[i]);
            for (size_t k = 0; l->rc >= 0 && k < l->list.n; k++)
                if (article_list_take(&arts, &l->list.v[k]))
                    l->rc = -1, l->why = "out of memory";
            article_list_free(&l->list);
            if (l->rc < 0) {
                progress_skip(&pr, "inkpress pack", inputs.paths[i], l->why);
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
    }
    free(ld.v);
    clock_gettime(CLOCK_MONOTONIC, &tl1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &tc1);
    pc.secs_inputs = (double)(tl1.tv_sec - tl0.tv_sec) + (double)(tl1.tv_nsec - tl0.tv_nsec) * 1e-9;
    pc.cpu_inputs = (double)(tc1.tv_sec - tc0.tv_sec) + (double)(tc1.tv_nsec - tc0.tv_nsec) * 1e-9;
    progress_end(&pr);
    int rc = pack_cli_write(&pc, "inkpress pack", &arts, in_bytes, &pr, bad ? 1 : 0);
    input_list_free(&inputs);
    return rc;
}

static int cmd_profiles(int argc, char **argv)
{
    const cliopt_t none[] = {{0}};
    const cliopt_t *const tables[] = {none, NULL};
    int n = cliopt_parse("inkpress profiles", tables, argc, argv);
    if (n != 0) {
        fprintf(n == CLIOPT_HELP ? stdout : stderr,
                "usage: inkpress profiles\n"
                "Lists the panels inkpress knows: name, width and height in pixels, dpi, and\n"
                "the three text sizes of the menu in points (* the default). The first is\n"
                "the default profile of preview and inkpress-sim.\n"
                "example: inkpress profiles\n");
        return n == CLIOPT_HELP ? 0 : 2;
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
    /* libxml2's allocator hooks (a page's parse from an arena), before any
     * thread parses */
    html_arena_setup();
    /* Options before the command apply to all of it, as in git. */
    const cliopt_t *const tables[] = {main_opts, NULL};
    int at = cliopt_parse_head("inkpress", tables, argc, argv);
    if (at == CLIOPT_HELP) {
        main_usage(stdout);
        return 0;
    }
    if (at == CLIOPT_USAGE)
        return 2;
    if (show_version) {
        printf("inkpress %s\n", INKPRESS_VERSION);
        return 0;
    }
    argv[at - 1] = argv[0];
    argv += at - 1;
    argc -= at - 1;
    if (argc < 2) {
        main_usage(stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "help") && argc > 2 && strcmp(argv[2], "help") != 0) {
        /* "inkpress help pack" is "inkpress pack --help". */
        char *sub[] = {argv[0], argv[2], (char *)"--help", NULL};
        return main(3, sub);
    }
    if (!strcmp(cmd, "help")) {
        main_usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "version")) {
        printf("inkpress %s\n", INKPRESS_VERSION);
        return 0;
    }
    for (const command_t *c = commands; c->name; c++)
        if (!strcmp(cmd, c->name))
            return c->run(argc - 1, argv + 1);
    fprintf(stderr, "inkpress: '%s' is not a command; see 'inkpress help'\n", cmd);
    return 2;
}

/* SPDX-License-Identifier: MIT */
/* test_cliopt.c: firmware/ports/sim/cliopt, the command line read from
 * tables: operands kept in order, values stored where the row says, numbers
 * and choices refused out of range, "--", the options before a subcommand,
 * and the help's lines within 80 columns, aligned. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "cliopt.h"

typedef struct got {
    const char *out, *name;
    int flag, level, choice, odd;
    long items;
    size_t bytes;
    uint32_t base;
    double delay;
} got_t;

/* a CLIOPT_FUNC: takes only odd numbers */
static int set_odd(void *dest, const char *v)
{
    unsigned long long x;
    if (cliopt_number(v, 0, 99, &x) != 0 || !(x & 1))
        return -1;
    *(int *)dest = (int)x;
    return 0;
}

static got_t g;
static const cliopt_t rows[] = {
    {"-o|--out", "FILE", CLIOPT_STR, &g.out, .help = "where it goes"},
    {"--name", "NAME", CLIOPT_STR, &g.name, .help = "a name"},
    {"-f|--flag", NULL, CLIOPT_FLAG, &g.flag, 7, .help = "sets 7"},
    {"--level", "N", CLIOPT_INT, &g.level, 0, 12, .bad = "--level takes 0 to 12"},
    {"--items", "N", CLIOPT_LONG, &g.items, 1, 1e6, .help = "a long"},
    {"--bytes", "N", CLIOPT_SIZE, &g.bytes, 0, 4294967295.0, .help = "a size"},
    {"--base", "A", CLIOPT_U32, &g.base, 0, 4294967295.0, .help = "32 bits"},
    {"--delay", "S", CLIOPT_DOUBLE, &g.delay, 0.5, 60, .help = "seconds"},
    {"--mode", "MODE", CLIOPT_CHOICE, &g.choice, .choices = "none|lead|all"},
    {"--odd", "N", CLIOPT_FUNC, &g.odd, .fn = set_odd, .bad = "--odd takes an odd number, not '%s'"},
    {"INPUT", NULL, CLIOPT_NOTE,
     .help = "a file: a long line of help that has to be wrapped at eighty columns "
             "to be read on a terminal, twice over, so that it takes three lines"},
    {0},
};
static const cliopt_t *const tables[] = {rows, NULL};

/* argv from a string of words; parses it. */
static char *words[32];
static int parse(const char *line, int head)
{
    static char buf[512];
    memset(&g, 0, sizeof g);
    snprintf(buf, sizeof buf, "cmd %s", line);
    int argc = 0;
    for (char *t = strtok(buf, " "); t && argc < 31; t = strtok(NULL, " "))
        words[argc++] = t;
    words[argc] = NULL;
    return head ? cliopt_parse_head("test", tables, argc, words) : cliopt_parse("test", tables, argc, words);
}

static void test_cliopt_operands_keep_their_order(void **state)
{
    (void)state;
    assert_int_equal(parse("a -o x b --flag c - d", 0), 5);
    assert_string_equal(words[1], "a");
    assert_string_equal(words[2], "b");
    assert_string_equal(words[3], "c");
    assert_string_equal(words[4], "-"); /* standard input is an operand */
    assert_string_equal(words[5], "d");
    assert_string_equal(g.out, "x");
    assert_int_equal(g.flag, 7);
    /* after "--" every argument is an operand */
    assert_int_equal(parse("-o x -- -f --out", 0), 2);
    assert_string_equal(words[1], "-f");
    assert_string_equal(words[2], "--out");
    assert_int_equal(g.flag, 0);
    assert_int_equal(parse("", 0), 0);
}

static void test_cliopt_values_go_where_the_row_says(void **state)
{
    (void)state;
    assert_int_equal(parse("--level 12 --items 1000000 --bytes 0x10 --base 0xFFFFFFFF --delay 0.5 --mode all "
                           "--odd 7 --name N",
                           0),
                     0);
    assert_int_equal(g.level, 12);
    assert_int_equal(g.items, 1000000);
    assert_int_equal(g.bytes, 16);
    assert_int_equal(g.base, 0xFFFFFFFFu);
    assert_true(g.delay == 0.5);
    assert_int_equal(g.choice, 2);
    assert_int_equal(g.odd, 7);
    assert_string_equal(g.name, "N");
    /* the last one given wins; short and long names are one option */
    assert_int_equal(parse("-o a --out b --level 3 --level 4", 0), 0);
    assert_string_equal(g.out, "b");
    assert_int_equal(g.level, 4);
}

static void test_cliopt_refuses_what_it_cannot_take(void **state)
{
    (void)state;
    static const char *const refused[] = {
        "--level 13",  "--level -1", "--level x", "--level 1x",
        "--level ''",  "--level 0x", "--items 0", "--bytes 0x1FFFFFFFF",
        "--delay 0.4", "--delay 61", "--delay x", "--mode some",
        "--mode ALL",  "--odd 4",    "--odd x",   "--frob",
        "-x",          "--out",      "a --level", "--outs x",
        "--o x",
    };
    /* each is said on stderr: not here */
    fflush(stderr);
    int err = dup(2), null = open("/dev/null", O_WRONLY);
    assert_true(err >= 0 && null >= 0);
    dup2(null, 2);
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        int rc = parse(refused[i], 0);
        if (rc != CLIOPT_USAGE) {
            dup2(err, 2);
            fail_msg("'%s' was taken (%d)", refused[i], rc);
        }
    }
    fflush(stderr);
    dup2(err, 2);
    close(err);
    close(null);
    /* a value may start with '-': it is the value */
    assert_int_equal(parse("--name -f", 0), 0);
    assert_string_equal(g.name, "-f");
    assert_int_equal(g.flag, 0);
}

static void test_cliopt_help_stops_the_reading(void **state)
{
    (void)state;
    assert_int_equal(parse("--level 3 -h --frob", 0), CLIOPT_HELP);
    assert_int_equal(parse("--help", 0), CLIOPT_HELP);
    assert_int_equal(parse("--frob --help", 0), CLIOPT_USAGE); /* read in order */
}

static void test_cliopt_head_stops_at_the_subcommand(void **state)
{
    (void)state;
    assert_int_equal(parse("-f pack -o x", 1), 2);
    assert_string_equal(words[2], "pack");
    assert_int_equal(g.flag, 7);
    assert_null(g.out);                  /* the subcommand's options are its own */
    assert_int_equal(parse("-f", 1), 2); /* no subcommand: argc */
    assert_int_equal(parse("--frob pack", 1), CLIOPT_USAGE);
}

static void test_cliopt_help_lines_fit_and_align(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    cliopt_help(f, tables);
    fclose(f);
    /* every row once, in order; long-only names aligned after "-o, " */
    const char *at = text;
    for (const cliopt_t *o = rows; o->names; o++) {
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)strcspn(o->names, "|"), o->names);
        const char *p = strstr(at, name);
        if (!p)
            fail_msg("%s is not in the help, or out of order:\n%s", name, text);
        at = p;
    }
    assert_true(!strncmp(text, "  -o, --out FILE ", 17));
    assert_non_null(strstr(text, "\n      --name NAME "));
    assert_non_null(strstr(text, "\n      --mode MODE\n")); /* no help: no blanks after */
    /* the help column: where "where it goes" starts, every help line starts */
    const char *first = strstr(text, "where it goes");
    assert_non_null(first);
    size_t col = (size_t)(first - text);
    int lines = 0, wrapped = 0;
    for (const char *line = text; *line; lines++) {
        size_t n = strcspn(line, "\n");
        if (n > 80)
            fail_msg("a help line of %zu columns: %.*s", n, (int)n, line);
        if (line[0] == ' ' && line[2] == ' ' && n > col && line[col - 1] == ' ' && line[col] != ' ' &&
            strspn(line, " ") == col)
            wrapped++;
        line += n + (line[n] == '\n');
    }
    assert_int_equal(lines, 11 + 2); /* the long INPUT line wraps onto three */
    assert_int_equal(wrapped, 2);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cliopt_operands_keep_their_order),
        cmocka_unit_test(test_cliopt_values_go_where_the_row_says),
        cmocka_unit_test(test_cliopt_refuses_what_it_cannot_take),
        cmocka_unit_test(test_cliopt_help_stops_the_reading),
        cmocka_unit_test(test_cliopt_head_stops_at_the_subcommand),
        cmocka_unit_test(test_cliopt_help_lines_fit_and_align),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

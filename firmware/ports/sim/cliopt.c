/* SPDX-License-Identifier: MIT */
/* cliopt.c: the command line read from tables (see cliopt.h). */
#include "cliopt.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define HELP_WIDTH 80
/* Longest "  -p, --profile NAME" that still has its help beside it in the
 * column; a longer one has it two spaces after. */
#define HELP_COLUMN_MAX 24

/* 1 when arg is one of names ("-p|--profile"). */
static int named(const char *names, const char *arg)
{
    size_t n = strlen(arg);
    for (const char *p = names; *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && !memcmp(p, arg, n))
            return 1;
        p += len + (bar ? 1 : 0);
    }
    return 0;
}

static const cliopt_t *find(const cliopt_t *const *tables, const char *arg)
{
    for (; *tables; tables++)
        for (const cliopt_t *o = *tables; o->names; o++)
            if (o->kind != CLIOPT_NOTE && named(o->names, arg))
                return o;
    return NULL;
}

int cliopt_number(const char *s, double lo, double hi, unsigned long long *out)
{
    int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    const char *digits = hex ? s + 2 : s;
    if (!(hex ? strchr("0123456789abcdefABCDEF", *digits) : strchr("0123456789", *digits)) || !*digits)
        return -1;
    char *end;
    unsigned long long x = strtoull(digits, &end, hex ? 16 : 10);
    if (*end || (double)x < lo || (double)x > hi)
        return -1;
    *out = x;
    return 0;
}

/* "CMD: " and the row's word on a refused value. */
static void refuse(const char *cmd, const cliopt_t *o, const char *arg, const char *value)
{
    fprintf(stderr, "%s: ", cmd);
    if (o->bad) {
        const char *at = strstr(o->bad, "%s");
        if (at)
            fprintf(stderr, "%.*s%s%s\n", (int)(at - o->bad), o->bad, value, at + 2);
        else
            fprintf(stderr, "%s\n", o->bad);
    } else if (o->kind == CLIOPT_CHOICE) {
        /* "--images takes none, lead or all, not 'x'" */
        fprintf(stderr, "%s takes ", arg);
        for (const char *p = o->choices; *p;) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            fprintf(stderr, "%s%.*s", p == o->choices ? "" : bar ? ", " : " or ", (int)len, p);
            p += len + (bar ? 1 : 0);
        }
        fprintf(stderr, ", not '%s'\n", value);
    } else if (o->kind == CLIOPT_FUNC) {
        fprintf(stderr, "%s: '%s' is not taken\n", arg, value);
    } else {
        fprintf(stderr, "%s takes a number from %g to %g\n", arg, o->lo, o->hi);
    }
}

/* Stores value (NULL for an option that takes none) where o says. */
static int store(const cliopt_t *o, const char *value)
{
    unsigned long long x;
    switch (o->kind) {
    case CLIOPT_FLAG: *(int *)o->dest = (int)o->lo; return 0;
    case CLIOPT_STR: *(const char **)o->dest = value; return 0;
    case CLIOPT_FUNC: return o->fn(o->dest, value);
    case CLIOPT_NOTE: return -1;
    case CLIOPT_DOUBLE: {
        char *end;
        double d = strtod(value, &end);
        if (end == value || *end || !(d >= o->lo && d <= o->hi))
            return -1;
        *(double *)o->dest = d;
        return 0;
    }
    case CLIOPT_CHOICE: {
        int i = 0;
        for (const char *p = o->choices; *p; i++) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            if (strlen(value) == len && !memcmp(p, value, len)) {
                *(int *)o->dest = i;
                return 0;
            }
            p += len + (bar ? 1 : 0);
        }
        return -1;
    }
    case CLIOPT_INT:
    case CLIOPT_LONG:
    case CLIOPT_SIZE:
    case CLIOPT_U32:
        if (cliopt_number(value, o->lo, o->hi, &x) != 0)
            return -1;
        if (o->kind == CLIOPT_INT)
            *(int *)o->dest = (int)x;
        else if (o->kind == CLIOPT_LONG)
            *(long *)o->dest = (long)x;
        else if (o->kind == CLIOPT_SIZE)
            *(size_t *)o->dest = (size_t)x;
        else
            *(uint32_t *)o->dest = (uint32_t)x;
        return 0;
    }
    return -1;
}

static int parse(const char *cmd, const cliopt_t *const *tables, int argc, char **argv, int head)
{
    int nops = 0, options = 1;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (!options || a[0] != '-' || !a[1]) {
            if (head)
                return i;
            argv[1 + nops++] = a; /* never ahead of i: the order is kept */
            continue;
        }
        if (!strcmp(a, "--")) {
            options = 0;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            return CLIOPT_HELP;
        const cliopt_t *o = find(tables, a);
        if (!o) {
            fprintf(stderr, "%s: unknown option %s\n", cmd, a);
            return CLIOPT_USAGE;
        }
        const char *value = NULL;
        if (o->arg) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: %s needs a value\n", cmd, a);
                return CLIOPT_USAGE;
            }
            value = argv[++i];
        }
        if (store(o, value) != 0) {
            refuse(cmd, o, a, value ? value : "");
            return CLIOPT_USAGE;
        }
    }
    return head ? argc : nops;
}

int cliopt_parse(const char *cmd, const cliopt_t *const *tables, int argc, char **argv)
{
    return parse(cmd, tables, argc, argv, 0);
}

int cliopt_parse_head(const char *cmd, const cliopt_t *const *tables, int argc, char **argv)
{
    return parse(cmd, tables, argc, argv, 1);
}

/* "-p, --profile NAME" into buf; indent: room for a short name before a
 * long-only one, as GNU tools align them. */
static size_t option_text(const cliopt_t *o, int indent, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    if (o->kind != CLIOPT_NOTE && indent && o->names[1] == '-')
        n += (size_t)snprintf(buf + n, size - n, "    ");
    for (const char *p = o->names; *p && n < size;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        n += (size_t)snprintf(buf + n, size - n, "%s%.*s", p == o->names ? "" : ", ", (int)len, p);
        p += len + (bar ? 1 : 0);
    }
    if (o->arg && n < size)
        n += (size_t)snprintf(buf + n, size - n, " %s", o->arg);
    return n < size ? n : size - 1;
}

void cliopt_help(FILE *f, const cliopt_t *const *tables)
{
    /* a short name with a long one anywhere: long-only names move over */
    int indent = 0;
    for (const cliopt_t *const *t = tables; *t; t++)
        for (const cliopt_t *o = *t; o->names; o++)
            if (o->kind != CLIOPT_NOTE && o->names[1] != '-' && strchr(o->names, '|'))
                indent = 1;
    char opt[160];
    size_t col = 0;
    for (const cliopt_t *const *t = tables; *t; t++)
        for (const cliopt_t *o = *t; o->names; o++) {
            size_t w = 2 + option_text(o, indent, opt, sizeof opt) + 2;
            if (w <= HELP_COLUMN_MAX + 2 && w > col)
                col = w;
        }
    for (const cliopt_t *const *t = tables; *t; t++)
        for (const cliopt_t *o = *t; o->names; o++) {
            size_t at = 2 + option_text(o, indent, opt, sizeof opt);
            fprintf(f, "  %s", opt);
            if (!o->help) {
                fputc('\n', f);
                continue;
            }
            /* the help's words, filling lines up to HELP_WIDTH from col */
            const char *h = o->help;
            if (at + 2 > col) {
                fputs("  ", f);
                at += 2;
            } else {
                fprintf(f, "%*s", (int)(col - at), "");
                at = col;
            }
            size_t line_start = 1;
            while (*h) {
                while (*h == ' ')
                    h++;
                size_t wl = strcspn(h, " ");
                if (!wl)
                    break;
                if (!line_start && at + 1 + wl > HELP_WIDTH) {
                    fprintf(f, "\n%*s", (int)col, "");
                    at = col;
                    line_start = 1;
                }
                fprintf(f, "%s%.*s", line_start ? "" : " ", (int)wl, h);
                at += wl + (line_start ? 0 : 1);
                line_start = 0;
                h += wl;
            }
            fputc('\n', f);
        }
}

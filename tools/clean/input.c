/* SPDX-License-Identifier: MIT */
/* input.c: walking folders, reading files, cleaning them. */
#define _DEFAULT_SOURCE
#include "input.h"

#include "clean.h"
#include "feed.h"
#include "html.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Largest input file read: far above any real page, low enough that one
 * odd file cannot take the machine's memory. */
#define INPUT_MAX_BYTES (64u * 1024u * 1024u)

void input_list_free(input_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
    memset(l, 0, sizeof *l);
}

static int push(input_list_t *l, const char *path)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (!p)
            return -1;
        l->paths = p;
        l->cap = cap;
    }
    l->paths[l->n] = strdup(path);
    return l->paths[l->n++] ? 0 : -1;
}

static int wanted(const char *name)
{
    /* A folder's own notes are not news. */
    static const char *const notes[] = { "readme", "license", "licence", "copying", "changelog" };
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++)
        if (strncasecmp(name, notes[i], strlen(notes[i])) == 0)
            return 0;
    static const char *const ext[] = { ".txt", ".html", ".htm", ".xml", ".rss", ".atom" };
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && strcasecmp(name + n - e, ext[i]) == 0)
            return 1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(input_list_t *l, const char *dir, int *bad, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "inkpress: %s: %s\n", dir, strerror(errno));
        (*bad)++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn)
                break;
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(len);
        if (!p) {
            rc = -1;
            break;
        }
        snprintf(p, len, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(p, &st) != 0) {
            fprintf(stderr, "inkpress: %s: %s\n", p, strerror(errno));
            (*bad)++;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth < 16)
                rc = walk(l, p, bad, depth + 1);
        } else if (wanted(names[i]) && !S_ISREG(st.st_mode)) {
            /* A FIFO in a folder would block the batch forever, a device
             * may never end: only regular files are read from folders. */
            fprintf(stderr, "inkpress: %s: not a regular file\n", p);
            (*bad)++;
        } else if (wanted(names[i])) {
            rc = push(l, p);
        }
        free(p);
        if (rc)
            break;
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}

int input_add(input_list_t *l, const char *path, int *bad)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        char *p = strdup(path);
        if (!p)
            return -1;
        while (n > 1 && p[n - 1] == '/')
            p[--n] = '\0';
        int rc = walk(l, p, bad, 0);
        free(p);
        return rc;
    }
    return push(l, path); /* a missing file is reported when it is loaded */
}

char *input_read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    /* a file's size known: the buffer the loop would grow to, at once
     * (realloc copies a large page more than once), as long as the loop
     * would not have stopped at a smaller one (max) */
    struct stat st;
    if (f != stdin && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        size_t c = cap;
        while ((size_t)st.st_size + 1 >= c && c <= max)
            c *= 2;
        if (c <= max)
            cap = c;
    }
    char *buf = malloc(cap);
    while (buf) {
        if (n + 1 >= cap) {
            if (cap > max) {
                free(buf);
                buf = NULL;
                errno = EFBIG;
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (r == 0) {
            if (ferror(f)) {
                int e = errno ? errno : EIO;
                free(buf);
                buf = NULL;
                errno = e;
            }
            break;
        }
    }
    if (f != stdin)
        fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* The folder part of path, capitalised: "data/bbc/sport/1.txt" -> "Sport". */
static char *folder_section(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return NULL;
    const char *start = slash - 1;
    while (start > path && start[-1] != '/')
        start--;
    size_t n = (size_t)(slash - start);
    if (n == 0 || (n == 1 && *start == '.') || (n == 2 && start[0] == '.' && start[1] == '.'))
        return NULL;
    char *s = article_strndup(start, n);
    if (s && (unsigned char)s[0] < 0x80)
        s[0] = (char)toupper((unsigned char)s[0]);
    return s;
}

int input_load(const char *path, article_list_t *list, const char **why)
{
    size_t len;
    char *buf = input_read_file(path, INPUT_MAX_BYTES, &len);
    if (!buf) {
        *why = errno == EFBIG ? "file too large (over 64 MiB)" : strerror(errno);
        return -1;
    }
    int rc = input_load_mem(buf, len, list, why);
    free(buf);
    if (rc > 0) {
        char *sec = NULL;
        /* pictures next to a saved page: found from the page's own folder */
        for (size_t i = list->n - (size_t)rc; i < list->n; i++)
            if (article_resolve_pics(&list->v[i], path)) {
                *why = "out of memory";
                return -1;
            }
        for (size_t i = list->n - (size_t)rc; i < list->n; i++)
            if (!list->v[i].section && (sec || (sec = folder_section(path))))
                list->v[i].section = article_strndup(sec, strlen(sec));
        free(sec);
    }
    return rc;
}

/* What the bytes are, from their first non-blank characters. */
static input_kind_t sniff(const char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        i = 3;
    if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF)))
        return INPUT_HTML; /* UTF-16: only the HTML path reads it */
    while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r'))
        i++;
    if (i < len && buf[i] == '<') {
        int f = feed_sniff(buf + i, len - i);
        if (f)
            return INPUT_FEED;
        if (html_sniff(buf + i, len - i))
            return INPUT_HTML;
    }
    /* A page starts with markup; text that merely quotes tags is text. */
    return INPUT_TEXT;
}

input_kind_t input_sniff(const char *buf, size_t len)
{
    return sniff(buf, len);
}

int input_load_mem(const char *buf, size_t len, article_list_t *list, const char **why)
{
    if (len == 0) {
        *why = "empty file";
        return -1;
    }
    /* A binary file is named as one before any parser sees it. */
    {
        size_t nul = 0, lim = len < 65536 ? len : 65536;
        for (const char *p = buf; (p = memchr(p, 0, (size_t)(buf + lim - p))) != NULL; p++)
            nul++;
        int utf16 = len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                                 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF));
        /* binaries are full of NULs; a stray one in a page is read past */
        if (!utf16 && nul * 100 > lim) {
            *why = "binary data (NUL bytes)";
            return -1;
        }
    }
    input_kind_t kind = sniff(buf, len);
    if (kind == INPUT_FEED)
        return feed_parse(buf, len, list, why);
    article_t a;
    if ((kind == INPUT_HTML ? html_clean(buf, len, &a, why) : clean_scrape(buf, len, &a, why)) != 0)
        return -1;
    if (article_list_take(list, &a)) {
        *why = "out of memory";
        return -1;
    }
    return 1;
}

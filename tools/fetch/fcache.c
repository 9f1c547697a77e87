/* SPDX-License-Identifier: MIT */
/* fcache.c: the fetcher's cache folder and its list of packed items (see fcache.h). */
#define _DEFAULT_SOURCE
#include "fcache.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "input.h"

#define FCACHE_MAX_BODY (256u << 20)

void fcache_meta_free(fcache_meta_t *m)
{
    if (!m)
        return;
    free(m->url);
    free(m->etag);
    free(m->last_modified);
    free(m->content_type);
    memset(m, 0, sizeof *m);
}

int fcache_default_dir(char *out, size_t n)
{
    const char *x = getenv("XDG_CACHE_HOME");
    if (x && *x == '/') {
        snprintf(out, n, "%s/inkpress", x);
        return 0;
    }
    const char *h = getenv("HOME");
    if (h && *h) {
        snprintf(out, n, "%s/.cache/inkpress", h);
        return 0;
    }
    return -1;
}

int fcache_mkdir(const char *dir)
{
    char p[4096];
    if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            return -1;
        *s = '/';
    }
    if (mkdir(p, 0700) != 0 && errno != EEXIST)
        return -1;
    struct stat st;
    if (stat(p, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* FNV-1a, 64 bits: the entry's file name. Collisions are caught by the URL
 * stored inside. */
static void key_path(const char *dir, const char *url, const char *ext, char *out, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ull;
    }
    snprintf(out, n, "%s/%016llx.%s", dir, (unsigned long long)h, ext);
}

static int write_whole(const char *path, const char *a, size_t alen, const char *b, size_t blen)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return -1;
    int ok = fwrite(a, 1, alen, f) == alen && (!blen || fwrite(b, 1, blen, f) == blen);
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        errno = e ? e : EIO;
        return -1;
    }
    return 0;
}

/* A meta line's value ("key value\n"), malloc'd. */
static char *meta_value(const char *buf, const char *key)
{
    size_t k = strlen(key);
    for (const char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (!strncmp(p, key, k) && p[k] == ' ') {
            const char *v = p + k + 1;
            const char *e = strchr(v, '\n');
            return article_strndup(v, e ? (size_t)(e - v) : strlen(v));
        }
    }
    return NULL;
}

int fcache_load(const char *dir, const char *url, fcache_meta_t *m, char **body, size_t *len)
{
    memset(m, 0, sizeof *m);
    char path[4200];
    key_path(dir, url, "meta", path, sizeof path);
    size_t mlen;
    char *mb = input_read_file(path, 1u << 16, &mlen);
    if (!mb)
        return -1;
    m->url = meta_value(mb, "url");
    m->etag = meta_value(mb, "etag");
    m->last_modified = meta_value(mb, "last-modified");
    m->content_type = meta_value(mb, "content-type");
    char *t = meta_value(mb, "fetched");
    m->fetched = t ? atoll(t) : 0;
    free(t);
    char *blen = meta_value(mb, "length");
    size_t want = blen ? (size_t)strtoull(blen, NULL, 10) : (size_t)-1;
    free(blen);
    free(mb);
    if (!m->url || strcmp(m->url, url) != 0) {
        fcache_meta_free(m);
        return -1;
    }
    if (body) {
        key_path(dir, url, "body", path, sizeof path);
        *body = input_read_file(path, FCACHE_MAX_BODY, len);
        if (!*body || *len != want) { /* a body from another run than its meta */
            free(*body);
            *body = NULL;
            fcache_meta_free(m);
            return -1;
        }
    }
    return 0;
}

/* Header values go on one line each: a CR or LF in one would forge a line. */
static const char *one_line(const char *s)
{
    return s && !strpbrk(s, "\r\n") ? s : NULL;
}

int fcache_store(const char *dir, const fcache_meta_t *m, const char *body, size_t len)
{
    char path[4200];
    if (!one_line(m->url)) {
        errno = EINVAL;
        return -1;
    }
    key_path(dir, m->url, "body", path, sizeof path);
    if (write_whole(path, body, len, NULL, 0) != 0)
        return -1;
    char meta[8192];
    int n = snprintf(meta, sizeof meta, "url %s\nfetched %lld\nlength %zu\n", m->url, m->fetched, len);
    const char *keys[] = { "etag", "last-modified", "content-type" };
    const char *vals[] = { one_line(m->etag), one_line(m->last_modified), one_line(m->content_type) };
    for (int i = 0; i < 3 && n > 0 && (size_t)n < sizeof meta; i++)
        if (vals[i])
            n += snprintf(meta + n, sizeof meta - (size_t)n, "%s %s\n", keys[i], vals[i]);
    if (n <= 0 || (size_t)n >= sizeof meta) {
        errno = ENAMETOOLONG;
        return -1;
    }
    key_path(dir, m->url, "meta", path, sizeof path);
    return write_whole(path, meta, (size_t)n, NULL, 0);
}

static int ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), e = strlen(end);
    return n > e && !strcmp(s + n - e, end);
}

size_t fcache_prune(const char *dir, long long max_age)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t removed = 0;
    time_t limit = time(NULL) - (time_t)max_age;
    struct dirent *e;
    while ((e = readdir(d))) {
        /* only the cache's own files: 16 hex digits and .meta, .body or .tmp */
        if (strlen(e->d_name) < 21 || !(ends_with(e->d_name, ".meta") || ends_with(e->d_name, ".body") ||
                                         ends_with(e->d_name, ".tmp")))
            continue;
        int hex = 1;
        for (int i = 0; i < 16; i++)
            hex &= isxdigit((unsigned char)e->d_name[i]) != 0;
        if (!hex || e->d_name[16] != '.')
            continue;
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_mtime < limit && unlink(path) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

/* ---- packed items ------------------------------------------------------------ */

void fstate_free(fstate_t *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].id);
    free(s->v);
    memset(s, 0, sizeof *s);
}

int fstate_add(fstate_t *s, const char *id, long long now)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 256;
        fstate_entry_t *v = realloc(s->v, cap * sizeof *v);
        if (!v)
            return -1;
        s->v = v;
        s->cap = cap;
    }
    /* ids are kept on one line */
    char *c = strdup(id);
    if (!c)
        return -1;
    for (char *p = c; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    s->v[s->n].id = c;
    s->v[s->n].when = now;
    s->n++;
    s->sorted = 0;
    return 0;
}

int fstate_load(const char *dir, fstate_t *s)
{
    memset(s, 0, sizeof *s);
    char path[4200];
    snprintf(path, sizeof path, "%s/packed", dir);
    size_t len;
    char *buf = input_read_file(path, 64u << 20, &len);
    if (!buf)
        return 0;
    int rc = 0;
    for (char *p = buf; *p && !rc;) {
        char *e = strchr(p, '\n');
        if (e)
            *e = '\0';
        char *tab = strchr(p, '\t');
        if (tab && tab[1])
            rc = fstate_add(s, tab + 1, atoll(p));
        p = e ? e + 1 : p + strlen(p);
    }
    free(buf);
    return rc;
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const fstate_entry_t *)a)->id, ((const fstate_entry_t *)b)->id);
}

int fstate_has(fstate_t *s, const char *id)
{
    if (s->n == 0)
        return 0;
    if (!s->sorted) {
        qsort(s->v, s->n, sizeof *s->v, cmp_entry);
        s->sorted = 1;
    }
    fstate_entry_t key = { (char *)id, 0 };
    return bsearch(&key, s->v, s->n, sizeof *s->v, cmp_entry) != NULL;
}

int fstate_save(const char *dir, fstate_t *s, long long now, long long keep)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/packed", dir);
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return -1;
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].when < now - keep)
            continue;
        size_t need = strlen(s->v[i].id) + 32;
        if (n + need > cap) {
            while (n + need > cap)
                cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                return -1;
            }
            buf = nb;
        }
        n += (size_t)snprintf(buf + n, cap - n, "%lld\t%s\n", s->v[i].when, s->v[i].id);
    }
    int rc = write_whole(path, buf, n, NULL, 0);
    free(buf);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* fcache.h: the fetcher's cache folder: each URL's last body with the
 * validators it came with (ETag, Last-Modified), for conditional GETs; and
 * the list of feed items already packed into an edition. Files are written
 * whole to a temporary name and renamed, so a run cut short leaves the old
 * entry or the new one. Host code. */
#ifndef INK_FCACHE_H
#define INK_FCACHE_H

#include <stddef.h>

/** What the cache keeps beside a body. Strings are malloc'd or NULL. */
typedef struct fcache_meta {
    char *url;
    char *etag;
    char *last_modified;
    char *content_type;   /**< the whole header value, charset included */
    long long fetched;    /**< when it was stored, seconds since 1970 */
} fcache_meta_t;

void fcache_meta_free(fcache_meta_t *m);

/** The folder to use when none is given: $XDG_CACHE_HOME/inkpress, else
 * $HOME/.cache/inkpress. Writes it into out (size n); returns 0, or -1 when
 * neither variable is set. */
int fcache_default_dir(char *out, size_t n);

/** Creates dir and its parents (mode 0700 for new ones). Returns 0 or -1
 * with errno set. */
int fcache_mkdir(const char *dir);

/** Reads the entry for url: *m filled, and *body (malloc'd, NUL-terminated,
 * *len bytes) when body is not NULL. Returns 0, or -1 when there is none
 * (or it is damaged, or stored for another URL). */
int fcache_load(const char *dir, const char *url, fcache_meta_t *m, char **body, size_t *len);

/** Stores body[0..len) and m for m->url. Returns 0, or -1 with errno set. */
int fcache_store(const char *dir, const fcache_meta_t *m, const char *body, size_t len);

/** Removes the entries (and temporary files a run cut short left) not
 * written for max_age seconds; their URLs will simply be fetched whole
 * again. Returns the number of files removed. */
size_t fcache_prune(const char *dir, long long max_age);

/** Items already packed: ids with the time they were packed. */
typedef struct fstate_entry {
    char *id;
    long long when;
} fstate_entry_t;

typedef struct fstate {
    fstate_entry_t *v;
    size_t n, cap;
    int sorted;
} fstate_t;

/** Reads dir/packed (absent: empty). Returns 0, or -1 when out of memory. */
int fstate_load(const char *dir, fstate_t *s);

/** 1 when id was packed before, else 0. */
int fstate_has(fstate_t *s, const char *id);

/** Adds id packed at time now. Returns 0 or -1 (out of memory). */
int fstate_add(fstate_t *s, const char *id, long long now);

/** Writes dir/packed, leaving out entries older than keep seconds before
 * now. Returns 0, or -1 with errno set. */
int fstate_save(const char *dir, fstate_t *s, long long now, long long keep);

void fstate_free(fstate_t *s);

#endif

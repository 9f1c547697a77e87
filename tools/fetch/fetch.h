/* SPDX-License-Identifier: MIT */
/* fetch.h: HTTP(S) GETs for `inkpress fetch`, as a good citizen of the web:
 * libcurl's multi interface with a few hosts at once but one request at a
 * time per host and a delay between two; robots.txt read first and obeyed;
 * conditional GETs against a cache folder (ETag, Last-Modified); timeouts,
 * a few retries with backoff (5xx, 429, a connection dropped), a cap on
 * each response's size (after decompression: gzip, deflate, brotli), a
 * limit on redirects, http and https only. Every failure has a reason in
 * words. Host code. */
#ifndef INK_FETCH_H
#define INK_FETCH_H

#include <stddef.h>

typedef struct fetch_opts {
    const char *cache_dir;   /**< conditional GETs against it; NULL: none */
    const char *user_agent;  /**< the User-Agent header */
    const char *cacert;      /**< CA bundle for https, or NULL: the system's */
    double timeout;          /**< seconds for one request, all of it */
    double connect_timeout;  /**< seconds to connect */
    double delay;            /**< seconds between two requests to one host (robots.txt's Crawl-delay, up to 60 s, if longer) */
    int retries;             /**< more tries after a 5xx, a 429 or a dropped connection */
    double backoff;          /**< seconds before the first retry; doubles each time */
    size_t max_bytes;        /**< largest response body, decompressed */
    long max_redirects;      /**< redirects followed */
    int hosts;               /**< hosts fetched from at once */
    int robots;              /**< 1: obey robots.txt */
} fetch_opts_t;

#define FETCH_OPTS_DEFAULT                                                                                   \
    { NULL, "inkpress", NULL, 30.0, 10.0, 1.0, 2, 1.0, 8u << 20, 5, 4, 1 }

/** What one GET gave; valid only during the callback. */
typedef struct fetch_result {
    const char *url;          /**< as asked */
    const char *final_url;    /**< after redirects */
    int ok;                   /**< 1: body is there */
    long status;              /**< the last HTTP status, 0 when none came */
    int from_cache;           /**< 1: the server said 304, body is the cached copy */
    const char *body;         /**< NUL-terminated; len bytes */
    size_t len;
    const char *content_type; /**< media type, lower case, without parameters; "" when none */
    const char *charset;      /**< the Content-Type's charset, lower case, or NULL */
    const char *why;          /**< when !ok: the reason, in words */
    double secs;              /**< from the first try's start to the end */
} fetch_result_t;

typedef struct fetch_stats {
    size_t requests;          /**< GETs sent, retries and robots.txt included */
    size_t not_modified;      /**< 304s */
    size_t retried;
    size_t failed;            /**< results with !ok */
    size_t robots_denied;
    unsigned long long bytes; /**< bytes received: headers and bodies as they came (compressed) */
} fetch_stats_t;

typedef struct fetch fetch_t;

/** Called once per fetch_add, in the order results come; may call
 * fetch_add. */
typedef void (*fetch_done_fn)(void *ctx, void *user, const fetch_result_t *r);

/** A fetcher with options o (copied; strings kept by pointer). Returns NULL
 * when libcurl cannot start or out of memory. */
fetch_t *fetch_new(const fetch_opts_t *o, fetch_done_fn done, void *ctx);

/** Queues a GET of url; done gets user back. A URL that is not http(s) is
 * answered at once with a failure. Returns 0, or -1 when out of memory. */
int fetch_add(fetch_t *f, const char *url, void *user);

/** Runs until every queued GET has its answer. Returns 0, or -1 when
 * libcurl itself failed (then the rest are answered with failures). */
int fetch_run(fetch_t *f);

void fetch_get_stats(const fetch_t *f, fetch_stats_t *s);

void fetch_free(fetch_t *f);

/** "12.3 MB", "512 bytes": n in words, into buf. */
const char *fetch_bytes_text(unsigned long long n, char *buf, size_t size);

#endif

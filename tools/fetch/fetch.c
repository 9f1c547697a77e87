/* SPDX-License-Identifier: MIT */
/* fetch.c: polite HTTP(S) GETs over libcurl's multi interface (see fetch.h). */
#define _DEFAULT_SOURCE
#include "fetch.h"

#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "fcache.h"
#include "robots.h"

#define ROBOTS_AGENT "inkpress"
#define MAX_CRAWL_DELAY 60.0
#define MAX_RETRY_AFTER 60.0

typedef struct req {
    struct req *next;
    char *url;
    void *user;
    size_t host;
    int is_robots;
    int attempt;
    int no_cond;             /* the cached copy went missing: ask without validators */
    double t0;
    CURL *e;
    struct curl_slist *hdrs;
    char *buf;
    size_t len, cap;
    int too_big;
    int started;
    size_t max;              /* the body cap */
    char etag[256], lastmod[64], ctype[128], cenc[32], retry_after[32], clen[32];
    fcache_meta_t cached;
    int have_cached;
    char errbuf[CURL_ERROR_SIZE];
    char why[320];
} req_t;

typedef struct host {
    char *key;               /* scheme://host:port */
    int busy;
    double next;             /* no request before this time */
    int robots_state;        /* 0 not asked, 1 asking, 2 known */
    robots_t *robots;
    char robots_why[160];    /* why it denies all, when it does */
    req_t *head, *tail;
} host_t;

struct fetch {
    fetch_opts_t o;
    fetch_done_fn done;
    void *ctx;
    CURLM *multi;
    host_t *hosts;
    size_t nhosts, capo;
    int active;
    fetch_stats_t st;
    req_t *instant;          /* answered without the network, reported in the loop */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *fetch_bytes_text(unsigned long long n, char *buf, size_t size)
{
    if (n < 10240)
        snprintf(buf, size, "%llu bytes", n);
    else if (n < (1ull << 20))
        snprintf(buf, size, "%.1f KiB", (double)n / 1024);
    else if (n < (1ull << 30))
        snprintf(buf, size, "%.1f MiB", (double)n / (1 << 20));
    else
        snprintf(buf, size, "%.1f GiB", (double)n / (1 << 30));
    return buf;
}

fetch_t *fetch_new(const fetch_opts_t *o, fetch_done_fn done, void *ctx)
{
    static int inited;
    if (!inited) {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            return NULL;
        inited = 1;
    }
    fetch_t *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->o = *o;
    if (f->o.hosts < 1)
        f->o.hosts = 1;
    f->done = done;
    f->ctx = ctx;
    f->multi = curl_multi_init();
    if (!f->multi) {
        free(f);
        return NULL;
    }
    return f;
}

static void req_free(req_t *r)
{
    if (!r)
        return;
    free(r->url);
    free(r->buf);
    if (r->hdrs)
        curl_slist_free_all(r->hdrs);
    fcache_meta_free(&r->cached);
    free(r);
}

void fetch_free(fetch_t *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->nhosts; i++) {
        for (req_t *r = f->hosts[i].head, *n; r; r = n) {
            n = r->next;
            req_free(r);
        }
        robots_free(f->hosts[i].robots);
        free(f->hosts[i].key);
    }
    for (req_t *r = f->instant, *n; r; r = n) {
        n = r->next;
        req_free(r);
    }
    free(f->hosts);
    curl_multi_cleanup(f->multi);
    free(f);
}

void fetch_get_stats(const fetch_t *f, fetch_stats_t *s)
{
    *s = f->st;
}

/* scheme://host:port of url, or -1 when url is not an http(s) URL. */
static int host_key(const char *url, char *key, size_t n)
{
    CURLU *u = curl_url();
    if (!u)
        return -1;
    char *scheme = NULL, *host = NULL, *port = NULL;
    int rc = -1;
    if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
        (!strcasecmp(scheme, "http") || !strcasecmp(scheme, "https"))) {
        for (char *p = host; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        snprintf(key, n, "%s://%s:%s", scheme, host, port);
        rc = 0;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(u);
    return rc;
}

/* The path and query of url ("/" at least), malloc'd. */
static char *url_path(const char *url)
{
    CURLU *u = curl_url();
    char *path = NULL, *query = NULL, *out = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK) {
        curl_url_get(u, CURLUPART_PATH, &path, 0);
        curl_url_get(u, CURLUPART_QUERY, &query, 0);
        size_t n = (path ? strlen(path) : 1) + (query ? strlen(query) + 1 : 0) + 1;
        out = malloc(n);
        if (out)
            snprintf(out, n, "%s%s%s", path && *path ? path : "/", query ? "?" : "", query ? query : "");
    }
    curl_free(path);
    curl_free(query);
    curl_url_cleanup(u);
    return out;
}

static req_t *new_req(const char *url, void *user)
{
    req_t *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->url = strdup(url);
    if (!r->url) {
        free(r);
        return NULL;
    }
    r->user = user;
    return r;
}

static long find_host(fetch_t *f, const char *key)
{
    for (size_t i = 0; i < f->nhosts; i++)
        if (!strcmp(f->hosts[i].key, key))
            return (long)i;
    if (f->nhosts == f->capo) {
        size_t cap = f->capo ? f->capo * 2 : 16;
        host_t *h = realloc(f->hosts, cap * sizeof *h);
        if (!h)
            return -1;
        f->hosts = h;
        f->capo = cap;
    }
    host_t *h = &f->hosts[f->nhosts];
    memset(h, 0, sizeof *h);
    h->key = strdup(key);
    if (!h->key)
        return -1;
    if (!f->o.robots)
        h->robots_state = 2;
    return (long)f->nhosts++;
}

int fetch_add(fetch_t *f, const char *url, void *user)
{
    req_t *r = new_req(url, user);
    if (!r)
        return -1;
    r->t0 = now();
    char key[512];
    if (host_key(url, key, sizeof key) != 0) {
        snprintf(r->why, sizeof r->why, "not an http:// or https:// URL");
        r->next = f->instant;
        f->instant = r;
        return 0;
    }
    long h = find_host(f, key);
    if (h < 0) {
        req_free(r);
        return -1;
    }
    r->host = (size_t)h;
    host_t *ho = &f->hosts[h];
    if (ho->tail)
        ho->tail->next = r;
    else
        ho->head = r;
    ho->tail = r;
    return 0;
}

/* ---- one transfer ----------------------------------------------------------- */

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    req_t *r = ud;
    size_t n = size * nmemb;
    if (r->len + n + 1 > r->cap) {
        size_t cap = r->cap ? r->cap : 16384;
        while (cap < r->len + n + 1)
            cap *= 2;
        char *b = realloc(r->buf, cap);
        if (!b)
            return 0;
        r->buf = b;
        r->cap = cap;
    }
    memcpy(r->buf + r->len, p, n);
    r->len += n;
    return n;
}

/* The cap on the body counts decompressed bytes: a small gzip that opens
 * into gigabytes stops at the cap. */
static size_t on_body_capped(char *p, size_t size, size_t nmemb, void *ud)
{
    req_t *r = ud;
    if (r->len + size * nmemb > r->max) {
        r->too_big = 1;
        return 0;
    }
    return on_body(p, size, nmemb, ud);
}

static void copy_value(char *dst, size_t n, const char *v, size_t vn)
{
    while (vn && isspace((unsigned char)*v)) {
        v++;
        vn--;
    }
    while (vn && isspace((unsigned char)v[vn - 1]))
        vn--;
    if (vn >= n)
        vn = n - 1;
    memcpy(dst, v, vn);
    dst[vn] = '\0';
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud)
{
    req_t *r = ud;
    size_t n = size * nmemb;
    if (n >= 5 && !strncmp(p, "HTTP/", 5)) {
        /* a new response (after a redirect): its headers only */
        r->etag[0] = r->lastmod[0] = r->ctype[0] = r->cenc[0] = r->retry_after[0] = r->clen[0] = '\0';
        return n;
    }
    const char *c = memchr(p, ':', n);
    if (!c)
        return n;
    size_t kn = (size_t)(c - p);
    const char *v = c + 1;
    size_t vn = n - kn - 1;
    static const struct {
        const char *name;
        size_t off, size;
    } want[] = {
        { "etag", offsetof(req_t, etag), sizeof((req_t *)0)->etag },
        { "last-modified", offsetof(req_t, lastmod), sizeof((req_t *)0)->lastmod },
        { "content-type", offsetof(req_t, ctype), sizeof((req_t *)0)->ctype },
        { "content-encoding", offsetof(req_t, cenc), sizeof((req_t *)0)->cenc },
        { "retry-after", offsetof(req_t, retry_after), sizeof((req_t *)0)->retry_after },
        { "content-length", offsetof(req_t, clen), sizeof((req_t *)0)->clen },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (kn == strlen(want[i].name) && !strncasecmp(p, want[i].name, kn))
            copy_value((char *)r + want[i].off, want[i].size, v, vn);
    return n;
}

static int start(fetch_t *f, req_t *r)
{
    if (!r->started) { /* times count from the first try, not from the queue */
        r->t0 = now();
        r->started = 1;
    }
    r->len = 0;
    r->too_big = 0;
    r->max = f->o.max_bytes;
    r->errbuf[0] = '\0';
    r->etag[0] = r->lastmod[0] = r->ctype[0] = r->cenc[0] = r->retry_after[0] = r->clen[0] = '\0';
    if (r->hdrs) {
        curl_slist_free_all(r->hdrs);
        r->hdrs = NULL;
    }
    CURL *e = curl_easy_init();
    if (!e)
        return -1;
    r->e = e;
    const fetch_opts_t *o = &f->o;
    curl_easy_setopt(e, CURLOPT_URL, r->url);
    curl_easy_setopt(e, CURLOPT_PRIVATE, r);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body_capped);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, r);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
    curl_easy_setopt(e, CURLOPT_USERAGENT, o->user_agent);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, o->max_redirects);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding this libcurl decodes */
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(o->timeout * 1000));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(o->connect_timeout * 1000));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_FAILONERROR, 0L);
    if (o->cacert)
        curl_easy_setopt(e, CURLOPT_CAINFO, o->cacert);
    r->hdrs = curl_slist_append(NULL, r->is_robots ? "Accept: text/plain"
                                                   : "Accept: application/rss+xml, application/atom+xml, "
                                                     "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, "
                                                     "*/*;q=0.5");
    fcache_meta_free(&r->cached);
    r->have_cached = 0;
    if (o->cache_dir && !r->no_cond && fcache_load(o->cache_dir, r->url, &r->cached, NULL, NULL) == 0) {
        char h[400];
        r->have_cached = 1;
        if (r->cached.etag) {
            snprintf(h, sizeof h, "If-None-Match: %s", r->cached.etag);
            r->hdrs = curl_slist_append(r->hdrs, h);
        }
        if (r->cached.last_modified) {
            snprintf(h, sizeof h, "If-Modified-Since: %s", r->cached.last_modified);
            r->hdrs = curl_slist_append(r->hdrs, h);
        }
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->hdrs);
    if (curl_multi_add_handle(f->multi, e) != CURLM_OK) {
        curl_easy_cleanup(e);
        r->e = NULL;
        return -1;
    }
    f->hosts[r->host].busy = 1;
    f->active++;
    f->st.requests++;
    return 0;
}

/* ---- answers ---------------------------------------------------------------- */

static void parse_ctype(const char *ct, char *media, size_t mn, char *cs, size_t cn)
{
    size_t k = 0;
    while (*ct && *ct != ';' && k + 1 < mn) {
        if (!isspace((unsigned char)*ct))
            media[k++] = (char)tolower((unsigned char)*ct);
        ct++;
    }
    media[k] = '\0';
    cs[0] = '\0';
    const char *c = NULL;
    for (const char *p = ct; *p && !c; p++)
        if (!strncasecmp(p, "charset=", 8))
            c = p;
    if (c) {
        c += 8;
        while (*c == '"' || *c == '\'' || *c == ' ')
            c++;
        k = 0;
        while (*c && *c != '"' && *c != '\'' && *c != ';' && !isspace((unsigned char)*c) && k + 1 < cn)
            cs[k++] = (char)tolower((unsigned char)*c++);
        cs[k] = '\0';
    }
}

static void deliver(fetch_t *f, req_t *r, int ok, long status, int from_cache, const char *body, size_t len,
                    const char *ctype_header, const char *final_url)
{
    char media[96], cs[48];
    parse_ctype(ctype_header ? ctype_header : "", media, sizeof media, cs, sizeof cs);
    fetch_result_t res = {
        .url = r->url,
        .final_url = final_url ? final_url : r->url,
        .ok = ok,
        .status = status,
        .from_cache = from_cache,
        .body = ok ? body : NULL,
        .len = ok ? len : 0,
        .content_type = media,
        .charset = cs[0] ? cs : NULL,
        .why = ok ? NULL : r->why,
        .secs = now() - r->t0,
    };
    if (!ok)
        f->st.failed++;
    f->done(f->ctx, r->user, &res);
}

/* robots.txt for host h came back (ok: body in r). */
static void robots_done(fetch_t *f, req_t *r, int ok, long status)
{
    host_t *h = &f->hosts[r->host];
    robots_free(h->robots);
    if (ok && status >= 200 && status < 300)
        h->robots = robots_parse(r->buf ? r->buf : "", r->len, ROBOTS_AGENT);
    else if (ok && status >= 400 && status < 500)
        h->robots = robots_allow_all(); /* no robots.txt: anything goes */
    else {
        /* RFC 9309: unreachable is a full disallow. A failure before any
         * answer (no connection, TLS) would be every request's: say it so. */
        if (status == 0)
            snprintf(h->robots_why, sizeof h->robots_why, "%.120s (asking for robots.txt)",
                     r->why[0] ? r->why : "no answer");
        else
            snprintf(h->robots_why, sizeof h->robots_why, "robots.txt unreachable (%.100s): taken as disallowing all",
                     r->why[0] ? r->why : "no answer");
        h->robots = robots_deny_all();
    }
    if (!h->robots)
        h->robots = robots_deny_all();
    h->robots_state = 2;
    double cd = robots_crawl_delay(h->robots);
    if (cd > MAX_CRAWL_DELAY)
        cd = MAX_CRAWL_DELAY;
    if (cd > f->o.delay)
        h->next = now() + cd;
}

static double host_delay(const fetch_t *f, const host_t *h)
{
    double cd = h->robots ? robots_crawl_delay(h->robots) : 0;
    if (cd > MAX_CRAWL_DELAY)
        cd = MAX_CRAWL_DELAY;
    return cd > f->o.delay ? cd : f->o.delay;
}

static void requeue_front(host_t *h, req_t *r)
{
    r->next = h->head;
    h->head = r;
    if (!h->tail)
        h->tail = r;
}

/* A transfer ended with code: deliver it, or try again later. */
static void finish(fetch_t *f, req_t *r, CURLcode code)
{
    host_t *h = &f->hosts[r->host];
    long status = 0;
    curl_off_t down = 0, clen = -1;
    long hsize = 0;
    char *eff = NULL;
    double t = now();
    curl_easy_getinfo(r->e, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(r->e, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(r->e, CURLINFO_HEADER_SIZE, &hsize);
    curl_easy_getinfo(r->e, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &clen);
    curl_easy_getinfo(r->e, CURLINFO_EFFECTIVE_URL, &eff);
    char final_url[2048];
    snprintf(final_url, sizeof final_url, "%s", eff ? eff : r->url);
    f->st.bytes += (unsigned long long)down + (unsigned long long)hsize;
    curl_multi_remove_handle(f->multi, r->e);
    curl_easy_cleanup(r->e);
    r->e = NULL;
    f->active--;
    h->busy = 0;
    h->next = t + host_delay(f, h);

    int retry = 0, ok = 0;
    double wait = f->o.backoff * pow(2.0, r->attempt);
    char a[32], b[32];
    r->why[0] = '\0';
    switch (code) {
    case CURLE_OK:
        if (status == 304 && r->have_cached) {
            char *body = NULL;
            size_t len = 0;
            fcache_meta_t m;
            if (fcache_load(f->o.cache_dir, r->url, &m, &body, &len) != 0) {
                /* the cached body is gone: ask again, unconditionally */
                r->no_cond = 1;
                requeue_front(h, r);
                h->next = t;
                return;
            }
            f->st.not_modified++;
            if (r->is_robots) {
                free(r->buf);
                r->buf = body;
                r->len = len;
                robots_done(f, r, 1, 200);
            } else {
                deliver(f, r, 1, 304, 1, body, len, m.content_type, final_url);
                free(body);
            }
            fcache_meta_free(&m);
            req_free(r);
            return;
        }
        if (status >= 200 && status < 300) {
            ok = 1;
            if (f->o.cache_dir && (r->etag[0] || r->lastmod[0])) {
                fcache_meta_t m = { .url = r->url,
                                    .etag = r->etag[0] ? r->etag : NULL,
                                    .last_modified = r->lastmod[0] ? r->lastmod : NULL,
                                    .content_type = r->ctype[0] ? r->ctype : NULL,
                                    .fetched = (long long)time(NULL) };
                fcache_store(f->o.cache_dir, &m, r->buf ? r->buf : "", r->len); /* a cache that cannot be written only costs bandwidth */
            }
        } else if (status == 429 || status >= 500) {
            snprintf(r->why, sizeof r->why, "HTTP %ld%s", status, status == 429 ? " (too many requests)" : " (server error)");
            retry = 1;
            double ra = r->retry_after[0] ? atof(r->retry_after) : 0;
            if (ra > MAX_RETRY_AFTER) {
                snprintf(r->why, sizeof r->why, "HTTP %ld, and the server asks to wait %.0f s", status, ra);
                retry = 0;
            } else if (ra > wait)
                wait = ra;
        } else if (status >= 300 && status < 400) {
            snprintf(r->why, sizeof r->why, "HTTP %ld: a redirect without a usable Location", status);
        } else {
            snprintf(r->why, sizeof r->why, "HTTP %ld%s", status,
                     status == 404 ? " (not found)" : status == 403 ? " (forbidden)" : status == 410 ? " (gone)" : "");
        }
        break;
    case CURLE_WRITE_ERROR:
        if (r->too_big) {
            if (r->cenc[0] && strcasecmp(r->cenc, "identity"))
                snprintf(r->why, sizeof r->why,
                         "body over the %s cap once decompressed (%s encoded, %s of it read): a compression bomb?",
                         fetch_bytes_text(f->o.max_bytes, a, sizeof a), r->cenc,
                         fetch_bytes_text((unsigned long long)down, b, sizeof b));
            else
                snprintf(r->why, sizeof r->why, "body over the %s cap (cut off there)",
                         fetch_bytes_text(f->o.max_bytes, a, sizeof a));
        } else
            snprintf(r->why, sizeof r->why, "out of memory");
        break;
    case CURLE_FILESIZE_EXCEEDED:
        if (clen < 0 && r->clen[0])
            clen = (curl_off_t)strtoll(r->clen, NULL, 10);
        snprintf(r->why, sizeof r->why, "body of %s declared, over the %s cap (not read)",
                 clen >= 0 ? fetch_bytes_text((unsigned long long)clen, b, sizeof b) : "unknown size",
                 fetch_bytes_text(f->o.max_bytes, a, sizeof a));
        break;
    case CURLE_OPERATION_TIMEDOUT:
        if (status == 0 && strstr(r->errbuf, "onnect"))
            snprintf(r->why, sizeof r->why, "no connection within %g s", f->o.connect_timeout);
        else
            snprintf(r->why, sizeof r->why, "timed out: no whole answer within %g s (%s of body read)", f->o.timeout,
                     fetch_bytes_text((unsigned long long)down, b, sizeof b));
        break;
    case CURLE_PARTIAL_FILE:
        if (clen >= 0)
            snprintf(r->why, sizeof r->why, "response cut short: %lld of %lld bytes came", (long long)down,
                     (long long)clen);
        else
            snprintf(r->why, sizeof r->why, "response cut short (%lld bytes came)", (long long)down);
        retry = 1;
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        snprintf(r->why, sizeof r->why, "more than %ld redirects (a redirect loop?), last at %.200s", f->o.max_redirects,
                 final_url);
        break;
    case CURLE_BAD_CONTENT_ENCODING:
        snprintf(r->why, sizeof r->why, "damaged compressed body (Content-Encoding %.31s): %.200s", r->cenc[0] ? r->cenc : "?",
                 r->errbuf);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        snprintf(r->why, sizeof r->why, "redirected to a URL that is not http(s): %s", r->errbuf);
        break;
    case CURLE_COULDNT_RESOLVE_HOST:
        snprintf(r->why, sizeof r->why, "unknown host (%s)", r->errbuf);
        break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
        snprintf(r->why, sizeof r->why, "%s: %s",
                 code == CURLE_COULDNT_CONNECT ? "cannot connect" : code == CURLE_GOT_NOTHING ? "empty answer" : "connection failed",
                 r->errbuf[0] ? r->errbuf : curl_easy_strerror(code));
        retry = 1;
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        snprintf(r->why, sizeof r->why, "TLS: %s", r->errbuf[0] ? r->errbuf : curl_easy_strerror(code));
        break;
    default:
        snprintf(r->why, sizeof r->why, "%s", r->errbuf[0] ? r->errbuf : curl_easy_strerror(code));
        break;
    }
    if (!ok && retry && r->attempt < f->o.retries) {
        r->attempt++;
        f->st.retried++;
        requeue_front(h, r);
        if (t + wait > h->next)
            h->next = t + wait;
        return;
    }
    if (r->is_robots)
        robots_done(f, r, ok, status);
    else
        deliver(f, r, ok, status, 0, r->buf ? r->buf : "", r->len, r->ctype, final_url);
    req_free(r);
}

/* ---- the loop --------------------------------------------------------------- */

static void deliver_instant(fetch_t *f)
{
    while (f->instant) {
        req_t *r = f->instant;
        f->instant = r->next;
        deliver(f, r, 0, 0, 0, NULL, 0, NULL, NULL);
        req_free(r);
    }
}

/* Starts what may start now; returns the earliest time something queued
 * may start (or a large value), and sets *queued when anything waits. */
static double start_ready(fetch_t *f, int *queued, int *failed)
{
    double t = now(), wake = t + 3600;
    *queued = 0;
    for (size_t i = 0; i < f->nhosts; i++) {
        host_t *h = &f->hosts[i];
        while (h->head || h->robots_state == 1) {
            *queued = 1;
            if (h->busy || h->robots_state == 1 || f->active >= f->o.hosts)
                break;
            if (t < h->next) {
                if (h->next < wake)
                    wake = h->next;
                break;
            }
            if (h->robots_state == 0) {
                size_t n = strlen(h->key) + 16;
                char *u = malloc(n);
                req_t *r = u ? new_req("", NULL) : NULL;
                if (!r) {
                    free(u);
                    *failed = 1;
                    return t;
                }
                snprintf(u, n, "%s/robots.txt", h->key);
                free(r->url);
                r->url = u;
                r->is_robots = 1;
                r->host = i;
                r->t0 = t;
                h->robots_state = 1;
                if (start(f, r) != 0) {
                    req_free(r);
                    h->robots = robots_allow_all();
                    h->robots_state = 2;
                }
                break;
            }
            req_t *r = h->head;
            h->head = r->next;
            if (!h->head)
                h->tail = NULL;
            r->next = NULL;
            if (f->o.robots && h->robots) {
                char *path = url_path(r->url);
                int allowed = path && robots_allowed(h->robots, path);
                free(path);
                if (!allowed) {
                    f->st.robots_denied++;
                    r->t0 = now();
                    if (h->robots_why[0])
                        snprintf(r->why, sizeof r->why, "%.159s", h->robots_why);
                    else
                        snprintf(r->why, sizeof r->why, "disallowed by robots.txt (--ignore-robots to fetch it anyway)");
                    deliver(f, r, 0, 0, 0, NULL, 0, NULL, NULL);
                    req_free(r);
                    continue;
                }
            }
            if (start(f, r) != 0) {
                snprintf(r->why, sizeof r->why, "libcurl could not start the request");
                deliver(f, r, 0, 0, 0, NULL, 0, NULL, NULL);
                req_free(r);
                continue;
            }
            break;
        }
    }
    return wake;
}

int fetch_run(fetch_t *f)
{
    for (;;) {
        deliver_instant(f);
        int queued, failed = 0;
        double wake = start_ready(f, &queued, &failed);
        if (failed)
            return -1;
        deliver_instant(f);
        if (!queued && f->active == 0 && !f->instant)
            break;
        double t = now();
        int ms = (int)((wake - t) * 1000.0) + 1;
        if (ms < 0)
            ms = 0;
        if (f->active && ms > 200)
            ms = 200;
        if (!f->active && ms > 1000)
            ms = 1000;
        if (f->active) {
            int running;
            if (curl_multi_poll(f->multi, NULL, 0, ms, NULL) != CURLM_OK ||
                curl_multi_perform(f->multi, &running) != CURLM_OK)
                return -1;
            CURLMsg *m;
            int left;
            while ((m = curl_multi_info_read(f->multi, &left))) {
                if (m->msg != CURLMSG_DONE)
                    continue;
                req_t *r = NULL;
                CURLcode code = m->data.result;
                curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
                finish(f, r, code);
            }
        } else if (ms > 0) {
            struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
            nanosleep(&ts, NULL);
        }
    }
    return 0;
}

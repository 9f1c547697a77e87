/* SPDX-License-Identifier: MIT */
/* cmd_fetch.c: `inkpress fetch FEEDS -o EDITION.ink`: every feed of a list,
 * then the page of each new item the feed gives only a summary of, cleaned
 * by the cleaners `clean` and `pack` use and packed by pack's own path
 * (packcli.c). The web is reached through tools/fetch (fetch.h). */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "article.h"
#include "clean.h"
#include "cliopt.h"
#include "cmd.h"

#include <libxml/uri.h>
#include <zlib.h>
#include "fcache.h"
#include "feed.h"
#include "feedlist.h"
#include "fetch.h"
#include "html.h"
#include "input.h"
#include "packcli.h"
#include "progress.h"

#define CMD "inkpress fetch"
/* Items packed before are remembered this long. */
#define STATE_KEEP_SECS (90ll * 86400)
/* A cached answer not asked for again this long is dropped. */
#define CACHE_KEEP_SECS (30ll * 86400)

typedef struct slot {
    size_t feed, item; /* where it came from: the edition keeps this order */
    feed_item_t fi;    /* what the feed said */
    article_t page;    /* the cleaned page, when fetched */
    int use_page;
    char *key; /* the state's key: feed URL, space, item id */
} slot_t;

typedef struct feedrun {
    const feedlist_entry_t *e;
    char *title;
    int failed;
} feedrun_t;

typedef struct run {
    fetch_t *f;
    feedlist_t list;
    feedrun_t *feeds;
    slot_t **slots;
    size_t nslots, capslots;
    fstate_t state;
    int have_state, again;
    long long max_age; /* seconds, 0: any age */
    long max_items;    /* per feed, 0: all */
    long long t_now;
    progress_t pr;
    char what_text[80];
    char item_text[600]; /* the bar keeps its item by pointer: a copy of the URL */
    size_t feeds_done, feeds_failed, pages, pages_done, pages_failed, pages_cached, old, seen, robots;
    int bad;
    const char *why; /* the first error that stops the run (a static string); NULL: none */
    /* pictures of the pages, fetched into pic_dir (the cache's pictures/) */
    struct picreq {
        size_t slot, block;
        int in_page; /* the block is in the slot's page, else in its feed item */
    } * picreq;
    size_t npics, cappics, pics_done, pics_failed;
    const char *pic_dir;
} run_t;

#define TAG_FEED 0u
#define TAG_PAGE 1u
#define TAG_PIC 2u
static void *tag(unsigned kind, size_t i)
{
    return (void *)(uintptr_t)((i << 2) | kind);
}

static void show(run_t *r, const char *url)
{
    /* the bar: "fetch: feeds 3/5, pages 10/24 [####....] 13/29 4/s URL" */
    r->pr.total = r->list.n + r->pages;
    snprintf(r->what_text, sizeof r->what_text, "fetch: feeds %zu/%zu, pages %zu/%zu", r->feeds_done, r->list.n,
             r->pages_done, r->pages);
    r->pr.what = r->what_text;
    snprintf(r->item_text, sizeof r->item_text, "%s", url);
    progress_item(&r->pr, r->item_text);
}

/* A failure, named with its reason; the tally gets a short kind. */
static void failed(run_t *r, const char *what, const char *url, const char *why, const char *after, double secs)
{
    char kind[64];
    snprintf(kind, sizeof kind, "%s", why);
    /* the tally counts kinds: cut at the first digit-free colon or paren */
    for (char *p = kind; *p; p++)
        if (*p == ':' || *p == '(' || *p == ',') {
            *p = '\0';
            break;
        }
    size_t n = strlen(kind);
    while (n && kind[n - 1] == ' ')
        kind[--n] = '\0';
    progress_say(&r->pr, "%s: %s %s: %s [%.1f s]%s", CMD, what, url, why, secs, after ? after : "");
    progress_skip(&r->pr, NULL, NULL, kind);
    r->bad = 1;
}

static int add_slot(run_t *r, slot_t *s)
{
    if (r->nslots == r->capslots) {
        size_t cap = r->capslots ? r->capslots * 2 : 64;
        slot_t **v = realloc(r->slots, cap * sizeof *v);
        if (!v)
            return -1;
        r->slots = v;
        r->capslots = cap;
    }
    r->slots[r->nslots++] = s;
    return 0;
}

static void slot_free(slot_t *s)
{
    if (!s)
        return;
    feed_item_free(&s->fi);
    article_free(&s->page);
    free(s->key);
    free(s);
}

static int http_url(const char *u)
{
    return u && feedlist_url_ok(u);
}

static void want_pics(run_t *r, size_t si, const char *base, int in_page);

static void on_feed(run_t *r, size_t fi, const fetch_result_t *res)
{
    feedrun_t *fr = &r->feeds[fi];
    r->feeds_done++;
    show(r, res->url);
    if (!res->ok) {
        fr->failed = 1;
        r->feeds_failed++;
        failed(r, "feed", res->url, res->why, NULL, res->secs);
        return;
    }
    const char *media = res->content_type;
    input_kind_t kind = input_sniff(res->body, res->len);
    int xmlish = strstr(media, "xml") || strstr(media, "rss") || strstr(media, "atom");
    if (media[0] && !xmlish && (strncmp(media, "text/", 5) != 0 || kind != INPUT_FEED)) {
        char why[200];
        snprintf(why, sizeof why, "wrong content type %.80s (%s)", media,
                 kind == INPUT_HTML ? "a web page, not a feed" : "not a feed");
        fr->failed = 1;
        r->feeds_failed++;
        failed(r, "feed", res->url, why, NULL, res->secs);
        return;
    }
    feed_items_t items;
    const char *why;
    if (feed_read(res->body, res->len, res->charset, &items, &why) < 0) {
        char w[300];
        snprintf(w, sizeof w, "%s%s%s", why, items.xml_error[0] ? ": " : "", items.xml_error);
        fr->failed = 1;
        r->feeds_failed++;
        failed(r, "feed", res->url, w, NULL, res->secs);
        return;
    }
    if (items.xml_error[0]) {
        char after[80];
        snprintf(after, sizeof after, " (the %zu item%s before it kept)", items.n, items.n == 1 ? "" : "s");
        failed(r, "feed", res->url, items.xml_error, after, res->secs);
        fr->failed = 1;
        r->feeds_failed++;
    }
    fr->title = items.title ? strdup(items.title) : NULL;
    size_t taken = 0, pages = 0, fresh = 0;
    for (size_t i = 0; i < items.n && !r->why; i++) {
        feed_item_t *it = &items.v[i];
        if (r->max_items && taken >= (size_t)r->max_items)
            break;
        if (r->max_age && it->when >= 0 && it->when < r->t_now - r->max_age) {
            r->old++;
            continue;
        }
        taken++;
        size_t kl = strlen(res->url) + strlen(it->id) + 2;
        char *key = malloc(kl);
        if (!key) {
            r->why = "out of memory";
            break;
        }
        snprintf(key, kl, "%s %s", res->url, it->id);
        if (r->have_state && !r->again && fstate_has(&r->state, key)) {
            free(key);
            r->seen++;
            continue;
        }
        slot_t *s = calloc(1, sizeof *s);
        if (!s) {
            free(key);
            r->why = "out of memory";
            break;
        }
        s->feed = fi;
        s->item = i;
        s->key = key;
        s->fi = *it;
        memset(it, 0, sizeof *it);
        /* the section: the list's name for the feed, else the feed's title */
        const char *sec = fr->e->section ? fr->e->section : fr->title;
        if (sec) {
            free(s->fi.art.section);
            s->fi.art.section = strdup(sec);
        }
        if (add_slot(r, s) < 0) {
            slot_free(s);
            r->why = "out of memory";
            break;
        }
        fresh++;
        if (s->fi.full || !http_url(s->fi.link)) /* the feed's text is packed: its picture with it */
            want_pics(r, r->nslots - 1, res->final_url && *res->final_url ? res->final_url : res->url, 0);
        else /* the page's URL makes the feed's picture's absolute too, for on_page */
            want_pics(r, r->nslots - 1, res->final_url && *res->final_url ? res->final_url : res->url, -1);
        if (!s->fi.full && http_url(s->fi.link)) {
            if (fetch_add(r->f, s->fi.link, tag(TAG_PAGE, r->nslots - 1)) < 0) {
                r->why = "out of memory";
                break;
            }
            r->pages++;
            pages++;
        }
    }
    if (progress_level >= PROGRESS_VERBOSE)
        progress_say(&r->pr, "%s: feed %s: %zu items, %zu new, %zu pages to fetch%s", CMD, res->url, items.n, fresh,
                     pages, res->from_cache ? " (not modified: the cached copy)" : "");
    feed_items_free(&items);
}

/* a and b say the same, but for case, blanks, punctuation and style codes. */
static int same_words(const char *a, const char *b)
{
    for (;;) {
        while (*a && !isalnum((unsigned char)*a) && (unsigned char)*a < 0x80)
            a++;
        while (*b && !isalnum((unsigned char)*b) && (unsigned char)*b < 0x80)
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        a++;
        b++;
    }
}

static void drop_block(article_t *a, size_t i)
{
    article_block_clear(&a->blocks[i]);
    memmove(a->blocks + i, a->blocks + i + 1, (a->nblocks - i - 1) * sizeof *a->blocks);
    a->nblocks--;
}

static void on_page(run_t *r, size_t si, const fetch_result_t *res)
{
    slot_t *s = r->slots[si];
    r->pages_done++;
    show(r, res->url);
    const char *fallback = s->fi.art.nblocks && s->fi.art.title ? "; the feed's summary packed instead" : "; skipped";
    if (!res->ok) {
        r->pages_failed++;
        if (strstr(res->why, "robots.txt"))
            r->robots++;
        failed(r, "page", res->url, res->why, fallback, res->secs);
        return;
    }
    if (res->from_cache)
        r->pages_cached++;
    const char *media = res->content_type;
    if (media[0] && strcmp(media, "text/html") && strcmp(media, "application/xhtml+xml") &&
        strcmp(media, "text/plain")) {
        char why[160];
        snprintf(why, sizeof why, "wrong content type %.80s (not a web page)", media);
        r->pages_failed++;
        failed(r, "page", res->url, why, fallback, res->secs);
        return;
    }
    input_kind_t kind = input_sniff(res->body, res->len);
    const char *why = NULL;
    article_t a = {0};
    int rc;
    if (kind == INPUT_FEED) {
        why = "a feed, not a web page";
        rc = -1;
    } else if (kind == INPUT_HTML || !strcmp(media, "text/html") || !strcmp(media, "application/xhtml+xml")) {
        rc = html_clean_cs(res->body, res->len, res->charset, &a, &why);
    } else {
        rc = clean_scrape(res->body, res->len, &a, &why);
    }
    if (rc == 0 && a.nblocks == 0) {
        article_free(&a);
        why = "no text found on the page";
        rc = -1;
    }
    if (rc != 0) {
        r->pages_failed++;
        failed(r, "page", res->url, why ? why : "cannot be cleaned", fallback, res->secs);
        return;
    }
    /* The feed's headline is the one its editors wrote for a list of
     * stories; the page's <title> often carries the site's name. What else
     * the feed knows fills what the page does not say. */
    article_t *f = &s->fi.art;
    if (f->title) {
        char *t = strdup(f->title);
        if (t) {
            free(a.title);
            a.title = t;
        }
        /* the page's own headline, kept in the body when it differed from
         * its <title>, would now say the headline twice */
        if (a.nblocks > 1 && same_words(a.blocks[0].text, a.title))
            drop_block(&a, 0);
    }
    if (!a.date && f->date)
        a.date = strdup(f->date);
    if (!a.byline && f->byline)
        a.byline = strdup(f->byline);
    if (!a.source && f->source)
        a.source = strdup(f->source);
    free(a.section);
    a.section = f->section ? strdup(f->section) : NULL;
    /* the feed's picture for the story leads a page that shows none */
    int page_pic = 0;
    for (size_t i = 0; i < a.nblocks && !page_pic; i++)
        page_pic = a.blocks[i].kind == ARTICLE_BLOCK_PIC;
    if (!page_pic && f->nblocks && f->blocks[0].kind == ARTICLE_BLOCK_PIC &&
        article_add_pic(&a, f->blocks[0].src, f->blocks[0].text, f->blocks[0].credit, 1) == 0) {
        article_block_t b = a.blocks[a.nblocks - 1];
        memmove(a.blocks + 1, a.blocks, (a.nblocks - 1) * sizeof *a.blocks);
        a.blocks[0] = b;
    }
    s->page = a;
    s->use_page = 1;
    want_pics(r, si, res->final_url && *res->final_url ? res->final_url : res->url, 1);
}

/* A picture of a page came: its bytes go into the pictures folder, named
 * by its URL, and the picture block points at that file for pack. A
 * picture that did not come keeps its URL: pack names it and leaves it out. */
static void on_pic(run_t *r, size_t k, const fetch_result_t *res)
{
    r->pics_done++;
    slot_t *sl = r->slots[r->picreq[k].slot];
    article_block_t *b = &(r->picreq[k].in_page ? &sl->page : &sl->fi.art)->blocks[r->picreq[k].block];
    if (!res->ok || (res->content_type[0] && strncmp(res->content_type, "image/", 6))) {
        r->pics_failed++;
        progress_say(&r->pr, "%s: picture %s: %s; left out", CMD, res->url,
                     res->ok ? "not an image (its content type)" : res->why);
        return;
    }
    char path[4200];
    unsigned long h = crc32(0, (const unsigned char *)res->url, (unsigned)strlen(res->url));
    snprintf(path, sizeof path, "%s/%08lx-%zu.img", r->pic_dir, h, strlen(res->url));
    FILE *f = fopen(path, "wb");
    int ok = f && fwrite(res->body, 1, res->len, f) == res->len;
    if (f && fclose(f) != 0)
        ok = 0;
    char *np = ok ? strdup(path) : NULL;
    if (!np) {
        r->pics_failed++;
        progress_say(&r->pr, "%s: picture %s: cannot write %s; left out", CMD, res->url, path);
        return;
    }
    free(b->src);
    b->src = np;
}

/* Asks for the pictures of the page just cleaned into slot si: each src
 * made absolute against the page's address (the block keeps that URL, so
 * pack names it if it does not come). */
static void want_pics(run_t *r, size_t si, const char *base, int in_page)
{
    article_t *a = in_page > 0 ? &r->slots[si]->page : &r->slots[si]->fi.art;
    for (size_t i = 0; i < a->nblocks; i++) {
        article_block_t *b = &a->blocks[i];
        if (b->kind != ARTICLE_BLOCK_PIC || !b->src)
            continue;
        xmlChar *u = xmlBuildURI((const xmlChar *)b->src, (const xmlChar *)base);
        if (!u)
            continue;
        char *abs = strdup((const char *)u);
        xmlFree(u);
        if (!abs)
            continue;
        free(b->src);
        b->src = abs;
        if (!r->pic_dir || !http_url(abs) || in_page < 0)
            continue;
        if (r->npics == r->cappics) {
            size_t cap = r->cappics ? r->cappics * 2 : 32;
            struct picreq *v = realloc(r->picreq, cap * sizeof *v);
            if (!v) {
                r->why = "out of memory";
                return;
            }
            r->picreq = v;
            r->cappics = cap;
        }
        r->picreq[r->npics].slot = si;
        r->picreq[r->npics].block = i;
        r->picreq[r->npics].in_page = in_page;
        if (fetch_add(r->f, abs, tag(TAG_PIC, r->npics)) < 0)
            r->why = "out of memory";
        else
            r->npics++;
    }
}

static void on_done(void *ctx, void *user, const fetch_result_t *res)
{
    run_t *r = ctx;
    uintptr_t t = (uintptr_t)user;
    if ((t & 3) == TAG_FEED)
        on_feed(r, (size_t)(t >> 2), res);
    else if ((t & 3) == TAG_PAGE)
        on_page(r, (size_t)(t >> 2), res);
    else
        on_pic(r, (size_t)(t >> 2), res);
}

static int cmp_slot(const void *a, const void *b)
{
    const slot_t *x = *(slot_t *const *)a, *y = *(slot_t *const *)b;
    if (x->feed != y->feed)
        return x->feed < y->feed ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

/* "36h", "2d", "90m", "600s"; a bare number is days. Returns seconds or -1. */
static long long parse_age(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v < 0)
        return -1;
    double mul = 86400;
    if (*end == 's')
        mul = 1;
    else if (*end == 'm')
        mul = 60;
    else if (*end == 'h')
        mul = 3600;
    else if (*end == 'd' || *end == '\0')
        mul = 86400;
    else if (*end == 'w')
        mul = 7 * 86400;
    else
        return -1;
    if (*end && end[1])
        return -1;
    return (long long)(v * mul);
}

/* "8M", "512k", "1000000"; returns bytes or 0. */
static size_t parse_size(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || v <= 0)
        return 0;
    double mul = 1;
    if (*end == 'k' || *end == 'K')
        mul = 1024;
    else if (*end == 'M')
        mul = 1024.0 * 1024;
    else if (*end == 'G')
        mul = 1024.0 * 1024 * 1024;
    else if (*end)
        return 0;
    if (*end && end[1])
        return 0;
    return (size_t)(v * mul);
}

static int set_age(void *dest, const char *v)
{
    long long age = parse_age(v);
    if (age < 0)
        return -1;
    *(long long *)dest = age;
    return 0;
}

static int set_size(void *dest, const char *v)
{
    size_t n = parse_size(v);
    if (!n)
        return -1;
    *(size_t *)dest = n;
    return 0;
}

static void help(const cliopt_t *const *tables)
{
    printf("usage: inkpress fetch FEEDS -o EDITION.ink [options]\n"
           "Fetches every feed of FEEDS, then the page of each new item the feed gives only\n"
           "a summary of, cleans them as 'clean' does and packs one edition as 'pack' does.\n");
    cliopt_help(stdout, tables);
    printf("On a terminal a progress bar on stderr shows the feeds and pages done. A feed\n"
           "or page that fails is named on stderr with the reason, and the rest is packed\n"
           "(exit status 1); a page that fails leaves the feed's summary in its place.\n"
           "Nothing new since the last edition writes no edition (exit status 1).\n"
           "The requests name inkpress in their User-Agent; a second run within the hour\n"
           "downloads little more than the servers' 'not modified' answers.\n"
           "example: inkpress fetch feeds.txt -o news.ink --max-age 1d --max-items 10\n"
           "         (feeds.txt: 'https://example.org/news.rss  World')\n");
}

int cmd_fetch(int argc, char **argv)
{
    pack_cli_t pc;
    pack_cli_init(&pc);
    fetch_opts_t fo = FETCH_OPTS_DEFAULT;
    const char *feeds_path = NULL, *cache_opt = NULL;
    int no_cache = 0, ignore_robots = 0;
    run_t r;
    memset(&r, 0, sizeof r);
    const cliopt_t own[] = {
        {"FEEDS", NULL, CLIOPT_NOTE,
         .help = "a list, one feed a line: its URL, then its section's name ('#' starts a comment); or an OPML "
                 "file as feed readers export it (an outline holding feeds names their section)"},
        {"--max-items", "N", CLIOPT_LONG, &r.max_items, 0, 1e6,
         .help = "items per feed, the first N the feed lists (default: all)"},
        {"--max-age", "AGE", CLIOPT_FUNC, &r.max_age, .fn = set_age, .bad = "--max-age takes an age: 36h, 2d, 90m",
         .help = "leave out items older than AGE: 36h, 2d, 90m (a bare number is days; default: any age)"},
        {"--again", NULL, CLIOPT_FLAG, &r.again, 1,
         .help = "pack items already packed into an earlier edition (by default they are left out: the cache "
                 "folder lists them)"},
        {"--cache", "DIR", CLIOPT_STR, &cache_opt,
         .help = "the cache folder (default $XDG_CACHE_HOME/inkpress, else ~/.cache/inkpress): each response "
                 "with its ETag and Last-Modified for conditional GETs, and the items packed"},
        {"--no-cache", NULL, CLIOPT_FLAG, &no_cache, 1,
         .help = "no cache folder: everything downloaded, nothing remembered"},
        {"--ignore-robots", NULL, CLIOPT_FLAG, &ignore_robots, 1,
         .help = "fetch what robots.txt disallows (by default it is obeyed)"},
        {"--delay", "S", CLIOPT_DOUBLE, &fo.delay, 0, 600,
         .help = "seconds between two requests to one host (default 1; robots.txt's Crawl-delay when longer, "
                 "up to 60)"},
        {"--hosts", "N", CLIOPT_INT, &fo.hosts, 1, 64,
         .help = "hosts fetched from at once, one request each (default 4)"},
        {"--timeout", "S", CLIOPT_DOUBLE, &fo.timeout, 0.1, 3600,
         .help = "seconds for one request, all of it (default 30)"},
        {"--retries", "N", CLIOPT_INT, &fo.retries, 0, 10,
         .help = "more tries after a 5xx, a 429 or a dropped connection, with backoff 1 s, 2 s, 4 s... "
                 "(default 2)"},
        {"--max-bytes", "N", CLIOPT_FUNC, &fo.max_bytes, .fn = set_size,
         .bad = "--max-bytes takes a size: 8M, 512k, 1000000",
         .help = "largest response once decompressed: 8M, 512k (default 8M)"},
        {"--max-redirects", "N", CLIOPT_LONG, &fo.max_redirects, 0, 50, .help = "redirects followed (default 5)"},
        {"--cacert", "FILE", CLIOPT_STR, &fo.cacert, .help = "CA certificates for https (default: the system's)"},
        {0},
    };
    const cliopt_t tail[] = {
        {"-q|--quiet", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_QUIET, .help = "errors only"},
        {"-v|--verbose", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_VERBOSE,
         .help = "a line per feed: items, new ones, pages to fetch"},
        {0},
    };
    const cliopt_t *const tables[] = {own, pc.table, tail, NULL};
    int n = cliopt_parse(CMD, tables, argc, argv);
    if (n == CLIOPT_HELP) {
        help(tables);
        return 0;
    }
    if (n == CLIOPT_USAGE)
        return 2;
    if (n > 1) {
        fprintf(stderr, "%s: one FEEDS file only (%s and %s given)\n", CMD, argv[1], argv[2]);
        return 2;
    }
    feeds_path = n ? argv[1] : NULL;
    if (!feeds_path || !pc.outp) {
        fprintf(stderr, "usage: inkpress fetch FEEDS -o EDITION.ink [options]\n");
        return 2;
    }
    if (ignore_robots)
        fo.robots = 0;
    if (fo.connect_timeout > fo.timeout)
        fo.connect_timeout = fo.timeout;
    size_t flen;
    char *fbuf = input_read_file(feeds_path, 16u << 20, &flen);
    if (!fbuf) {
        fprintf(stderr, "%s: %s: %s\n", CMD, feeds_path, strerror(errno));
        return 2;
    }
    char why[300];
    if (feedlist_parse(fbuf, flen, &r.list, why, sizeof why) < 0) {
        fprintf(stderr, "%s: %s: %s\n", CMD, feeds_path, why);
        free(fbuf);
        return 2;
    }
    free(fbuf);

    char cache_dir[4096];
    const char *cache = NULL;
    if (!no_cache) {
        if (cache_opt)
            snprintf(cache_dir, sizeof cache_dir, "%s", cache_opt);
        if (cache_opt || fcache_default_dir(cache_dir, sizeof cache_dir) == 0) {
            if (fcache_mkdir(cache_dir) == 0)
                cache = cache_dir;
            else
                fprintf(stderr, "%s: cache folder %s: %s; fetching without one\n", CMD, cache_dir, strerror(errno));
        }
    }
    char pic_dir[4200];
    if (cache) {
        if (fstate_load(cache, &r.state) == 0)
            r.have_state = 1;
        /* the pages' pictures are kept beside the cache, where pack reads them */
        snprintf(pic_dir, sizeof pic_dir, "%s/pictures", cache);
        if (fcache_mkdir(pic_dir) == 0)
            r.pic_dir = pic_dir;
    }
    char ua[160];
    const curl_version_info_data *cv = curl_version_info(CURLVERSION_NOW);
    snprintf(ua, sizeof ua, "inkpress/%s (offline news for e-ink readers) libcurl/%s", INKPRESS_VERSION,
             cv && cv->version ? cv->version : "?");
    fo.user_agent = ua;
    fo.cache_dir = cache;
    r.t_now = (long long)time(NULL);
    r.feeds = calloc(r.list.n, sizeof *r.feeds);
    r.f = r.feeds ? fetch_new(&fo, on_done, &r) : NULL;
    if (!r.f) {
        fprintf(stderr, "%s: cannot start libcurl (or out of memory)\n", CMD);
        free(r.feeds);
        feedlist_free(&r.list);
        fstate_free(&r.state);
        return 1;
    }
    progress_start(&r.pr, stderr, -1, "fetch", r.list.n);
    for (size_t i = 0; i < r.list.n; i++) {
        r.feeds[i].e = &r.list.v[i];
        if (fetch_add(r.f, r.list.v[i].url, tag(TAG_FEED, i)) < 0)
            r.why = "out of memory";
    }
    if (!r.why && fetch_run(r.f) < 0)
        r.why = "libcurl failed";
    if (cache)
        fcache_prune(cache, CACHE_KEEP_SECS);
    progress_end(&r.pr);
    fetch_stats_t st;
    fetch_get_stats(r.f, &st);
    fetch_free(r.f);
    int rc = r.bad ? 1 : 0;
    if (r.why) {
        fprintf(stderr, "%s: %s\n", CMD, r.why);
        rc = 1;
    }

    /* the edition in the order of the list and of each feed */
    if (r.nslots)
        qsort(r.slots, r.nslots, sizeof *r.slots, cmp_slot);
    article_list_t arts = {0};
    size_t in_bytes = 0;
    for (size_t i = 0; i < r.nslots; i++) {
        slot_t *s = r.slots[i];
        article_t *a = s->use_page ? &s->page : &s->fi.art;
        if (!a->title || a->nblocks == 0)
            continue;
        for (size_t b = 0; b < a->nblocks; b++)
            in_bytes += strlen(a->blocks[b].text) + 1;
        if (article_list_take(&arts, a) != 0) {
            fprintf(stderr, "%s: out of memory\n", CMD);
            rc = 1;
            break;
        }
        if (r.have_state && fstate_add(&r.state, s->key, r.t_now) != 0)
            r.have_state = 0;
    }
    if (progress_level > PROGRESS_QUIET) {
        char b[32];
        fprintf(stderr,
                "%s: %zu feed%s (%zu failed), %zu page%s (%zu failed, %zu unchanged); %zu item%s packed before, "
                "%zu too old; %zu requests (%zu not modified, %zu retried, %zu refused by robots.txt), %s "
                "downloaded in %.2f s\n",
                CMD, r.list.n, r.list.n == 1 ? "" : "s", r.feeds_failed, r.pages, r.pages == 1 ? "" : "s",
                r.pages_failed, r.pages_cached, r.seen, r.seen == 1 ? "" : "s", r.old, st.requests, st.not_modified,
                st.retried, st.robots_denied, fetch_bytes_text(st.bytes, b, sizeof b), progress_elapsed(&r.pr));
    }
    if (arts.n == 0) {
        if (r.seen && !r.bad)
            fprintf(stderr, "%s: nothing new since the last edition (--again packs it anyway); %s not written\n", CMD,
                    pc.outp);
        else
            fprintf(stderr, "%s: no articles to pack; %s not written\n", CMD, pc.outp);
        article_list_free(&arts);
        rc = 1;
    } else {
        int prc = pack_cli_write(&pc, CMD, &arts, in_bytes, &r.pr, rc);
        /* the items are packed once the edition is written, even when it
         * holds a character no face draws (exit status 1 then) */
        if (pc.wrote && r.have_state && fstate_save(cache, &r.state, r.t_now, STATE_KEEP_SECS) != 0)
            fprintf(stderr, "%s: cannot write %s/packed: %s (these items may be packed again)\n", CMD, cache,
                    strerror(errno));
        rc = prc;
    }
    for (size_t i = 0; i < r.nslots; i++)
        slot_free(r.slots[i]);
    free(r.slots);
    free(r.picreq);
    for (size_t i = 0; i < r.list.n; i++)
        free(r.feeds[i].title);
    free(r.feeds);
    feedlist_free(&r.list);
    fstate_free(&r.state);
    return rc;
}

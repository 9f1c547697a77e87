/* SPDX-License-Identifier: MIT */
/* bundle_write.c: the packer's back end. Groups articles into small
 * streams, trains a preset dictionary on the edition, compresses with
 * zopfli (or zlib), and lays the sections out (docs/FORMAT.md). */
#include "bundle_write.h"

#include "dict.h"
#include "fontsub.h"
#include "hyphpat.h"
#include "order.h"
#include "scriptfont.h"
#include "shape.h"
#include "bidi.h"
#include "par.h"
#include "typeset.h"
#include "zdict.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>
#include <zopfli/zopfli.h>

/* zopfli.h declares the whole-buffer API only; the part-compressing call
 * (which lets preceding bytes serve as history, our preset dictionary) is
 * in its deflate.h, not installed on every system the same way. */
void ZopfliDeflatePart(const ZopfliOptions *options, int btype, int final, const unsigned char *in, size_t instart,
                       size_t inend, unsigned char *bp, unsigned char **out, size_t *outsize);

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
    int oom;
} buf_t;

static void reserve(buf_t *b, size_t more)
{
    if (b->oom || b->n + more <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + more)
        cap *= 2;
    uint8_t *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->p = p;
    b->cap = cap;
}

static void put(buf_t *b, const void *data, size_t n)
{
    if (n == 0)
        return;
    reserve(b, n);
    if (b->oom)
        return;
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put32(buf_t *b, uint32_t v)
{
    uint8_t t[4];
    ink_wr32(t, v);
    put(b, t, 4);
}

static void put16(buf_t *b, uint16_t v)
{
    uint8_t t[2];
    ink_wr16(t, v);
    put(b, t, 2);
}

static void pad_to(buf_t *b, size_t align)
{
    static const uint8_t z[64] = {0};
    size_t n = (align - b->n % align) % align;
    while (n) {
        size_t k = n < sizeof z ? n : sizeof z;
        put(b, z, k);
        n -= k;
    }
}

/* String pool with de-duplication by linear probing over offsets. */
typedef struct strpool {
    buf_t data;
    uint32_t *slots;
    size_t nslots, used;
} strpool_t;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static uint32_t intern(strpool_t *sp, const char *s)
{
    if (!s)
        return INK_STR_NONE;
    if (sp->used * 2 >= sp->nslots) {
        size_t n = sp->nslots ? sp->nslots * 2 : 64;
        uint32_t *slots = malloc(n * sizeof *slots);
        if (!slots) {
            sp->data.oom = 1;
            return INK_STR_NONE;
        }
        memset(slots, 0xFF, n * sizeof *slots);
        for (size_t i = 0; i < sp->nslots; i++) {
            uint32_t off = sp->slots[i];
            if (off == INK_STR_NONE)
                continue;
            size_t j = hash_str((char *)sp->data.p + off) & (n - 1);
            while (slots[j] != INK_STR_NONE)
                j = (j + 1) & (n - 1);
            slots[j] = off;
        }
        free(sp->slots);
        sp->slots = slots;
        sp->nslots = n;
    }
    size_t j = hash_str(s) & (sp->nslots - 1);
    while (sp->slots[j] != INK_STR_NONE) {
        if (strcmp((char *)sp->data.p + sp->slots[j], s) == 0)
            return sp->slots[j];
        j = (j + 1) & (sp->nslots - 1);
    }
    uint32_t off = (uint32_t)sp->data.n;
    put(&sp->data, s, strlen(s) + 1);
    if (sp->data.oom)
        return INK_STR_NONE;
    sp->slots[j] = off;
    sp->used++;
    return off;
}

/* Deflates in[0..n) with zlib at level (0-9) as raw deflate after
 * dict[0..dlen) as history, appending to out: with Z_FINISH a whole stream,
 * with Z_SYNC_FLUSH one that stops unfinished after an empty stored block. */
static int zlib_raw(int level, const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int flush, buf_t *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    if (dlen && deflateSetDictionary(&z, dict, (uInt)dlen) != Z_OK) {
        deflateEnd(&z);
        return -1;
    }
    uLong bound = deflateBound(&z, (uLong)n) + 16; /* the sync flush's stored block */
    reserve(out, bound);
    if (out->oom) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = out->p + out->n;
    z.avail_out = (uInt)bound;
    int zr = deflate(&z, flush);
    out->n += z.total_out;
    deflateEnd(&z);
    return zr == (flush == Z_FINISH ? Z_STREAM_END : Z_OK) && !z.avail_in ? 0 : -1;
}

/* Compresses in[0..n) as one raw deflate stream with dict as its preset
 * dictionary, appending to out; zd is the thread's compressor and zdd the
 * dictionary's trees (levels 10-12, zdict.h). */
static int pack_stream(const bundle_opts_t *o, zdict_t *zd, const zdict_dict_t *zdd, const uint8_t *dict, size_t dlen,
                       const uint8_t *in, size_t n, buf_t *out)
{
    if (o->zopfli <= 0 && o->level > 9) {
        uint8_t *z;
        size_t zn;
        if (!zd || zdict_deflate(zd, zdd, in, n, 1, &z, &zn))
            return -1;
        put(out, z, zn);
        free(z);
        return out->oom ? -1 : 0;
    }
    if (o->zopfli > 0) {
        /* zopfli sees the dictionary as history before the text. */
        uint8_t *all = malloc(dlen + n + 1);
        if (!all)
            return -1;
        if (dlen)
            memcpy(all, dict, dlen);
        if (n)
            memcpy(all + dlen, in, n);
        ZopfliOptions zo;
        ZopfliInitOptions(&zo);
        zo.numiterations = o->zopfli;
        unsigned char bp = 0, *z = NULL;
        size_t zn = 0;
        ZopfliDeflatePart(&zo, 2, 1, all, dlen, dlen + n, &bp, &z, &zn);
        free(all);
        if (!z && zn)
            return -1;
        put(out, z, zn);
        free(z);
        return out->oom ? -1 : 0;
    }
    return zlib_raw(o->level, dict, dlen, in, n, Z_FINISH, out);
}

/* The DICT section: the dictionary's length, then the dictionary as a raw
 * deflate stream that stops on a byte boundary without a final block (an
 * empty stored block ends it), so the device runs it through the same
 * inflater just before an article's stream (docs/FORMAT.md). */
static int pack_dict(const bundle_opts_t *o, zdict_t *zd, const uint8_t *dict, size_t dlen, buf_t *out)
{
    put32(out, (uint32_t)dlen);
    if (o->zopfli <= 0 && o->level > 9) {
        uint8_t *z;
        size_t zn;
        if (!zd || zdict_deflate(zd, NULL, dict, dlen, 0, &z, &zn))
            return -1;
        put(out, z, zn);
        free(z);
        return out->oom ? -1 : 0;
    }
    if (o->zopfli > 0) {
        ZopfliOptions zo;
        ZopfliInitOptions(&zo);
        zo.numiterations = o->zopfli;
        unsigned char bp = 0, *z = NULL;
        size_t zn = 0;
        ZopfliDeflatePart(&zo, 2, 0, dict, 0, dlen, &bp, &z, &zn);
        if (!z && zn)
            return -1;
        put(out, z, zn);
        free(z);
        /* The stored block's three header bits (all 0) fit in the last
         * byte when it has three free; the block then starts on a byte
         * boundary with LEN 0 and NLEN 0xFFFF. */
        static const uint8_t stored[5] = {0, 0, 0, 0xFF, 0xFF};
        int fits = bp != 0 && bp <= 5;
        put(out, stored + fits, sizeof stored - (size_t)fits);
        return out->oom ? -1 : 0;
    }
    return zlib_raw(o->level, NULL, 0, dict, dlen, Z_SYNC_FLUSH, out); /* ends in an empty stored block */
}

/* The most of an article's body that can reach the bundle: its text is cut
 * at INK_ARTICLE_MAX_BYTES once typeset and encoded, and no pass before the
 * cut shrinks text to less than a quarter (a break mark takes the place of
 * U+200B's three bytes at most), so the blocks past this many bytes of it
 * are never kept. Left out before typesetting, a 50 MB page is not copied
 * three times over on the way to its first 96 KiB. */
#define KEEP_RAW_BYTES (4u * INK_ARTICLE_MAX_BYTES)

/* *v: a with only the blocks that start in its first KEEP_RAW_BYTES (as
 * article_encode_text lays them out), the last cut there on a character
 * boundary. v shares a's strings; what it owns of its own (*blocks, *cut)
 * the caller frees. Returns 0, or -1 when out of memory. */
static int article_view(const article_t *a, article_t *v, article_block_t **blocks, char **cut)
{
    const char *head[3] = {a->source, a->date, a->byline};
    size_t pos = 0, i = 0, tail = SIZE_MAX;
    *v = *a;
    *blocks = NULL;
    *cut = NULL;
    for (int h = 0; h < 3; h++)
        pos += head[h] ? 1 + strlen(head[h]) : 0;
    for (; i < a->nblocks && pos < KEEP_RAW_BYTES; i++) {
        size_t l = strlen(a->blocks[i].text);
        if (pos + 1 + l > KEEP_RAW_BYTES) {
            tail = KEEP_RAW_BYTES - pos - 1;
            i++;
            break;
        }
        pos += 1 + l;
    }
    if (i == a->nblocks && tail == SIZE_MAX)
        return 0;
    if (!(*blocks = malloc((i ? i : 1) * sizeof **blocks)))
        return -1;
    memcpy(*blocks, a->blocks, i * sizeof **blocks);
    if (tail != SIZE_MAX) {
        const char *t = a->blocks[i - 1].text;
        while (tail && ((uint8_t)t[tail] & 0xC0) == 0x80)
            tail--;
        if (!(*cut = article_strndup(t, tail)))
            return -1;
        (*blocks)[i - 1].text = *cut;
    }
    v->blocks = *blocks;
    v->nblocks = i;
    return 0;
}

/* The streams of TEXT, compressed apart. */
typedef struct job {
    const uint8_t *in;
    size_t n;
    buf_t out;
    int rc;
} job_t;

typedef struct jobs {
    const bundle_opts_t *o;
    const uint8_t *dict;
    size_t dlen;
    zdict_dict_t *zdd; /* the dictionary's trees, shared */
    job_t *v;
    zdict_t *zd[PAR_MAX_THREADS]; /* a compressor a thread */
    buf_t *dictb;                 /* DICT, job 0 when not NULL */
    int dict_rc;
} jobs_t;

static void one_job(void *ctx, size_t i, size_t t)
{
    jobs_t *js = ctx;
    if (js->dictb && i-- == 0) {
        js->dict_rc = pack_dict(js->o, js->zd[t], js->dict, js->dlen, js->dictb);
        return;
    }
    job_t *j = &js->v[i];
    j->rc = pack_stream(js->o, js->zd[t], js->zdd, js->dict, js->dlen, j->in, j->n, &j->out);
}

/* The streams v[0..n) compressed on every thread, and DICT into dictb
 * unless it is NULL (first: it is the longest). */
static int run_jobs(const bundle_opts_t *o, const uint8_t *dict, size_t dlen, job_t *v, size_t n, buf_t *dictb)
{
    jobs_t js = {o, dict, dlen, NULL, v, {NULL}, dictb, 0};
    size_t nt = par_threads(o->threads);
    int rc = 0;
    if (o->zopfli <= 0 && o->level > 9 && dlen && !(js.zdd = zdict_dict_new(dict, dlen, o->level)))
        rc = -1;
    for (size_t t = 0; t < nt && o->zopfli <= 0 && o->level > 9; t++)
        if (!(js.zd[t] = zdict_new(o->level)))
            rc = -1;
    if (!rc)
        par_for(nt, n + (dictb != NULL), one_job, &js);
    for (size_t t = 0; t < nt; t++)
        zdict_free(js.zd[t]);
    zdict_dict_free(js.zdd);
    for (size_t i = 0; i < n && !rc; i++)
        if (v[i].rc || v[i].out.oom)
            rc = -1;
    return rc || js.dict_rc ? -1 : 0;
}

typedef struct enc {
    uint8_t *text;
    size_t len;
} enc_t;

/* An article's text as the bundle holds it (see prep_one). */
typedef struct prep {
    article_t view, ta;  /* the part that can reach the bundle; it typeset */
    article_block_t *vb; /* the view's own (article_view) */
    char *vc;
    size_t bidi; /* its text and title with bidi levels (0 to 2) */
    int err;
} prep_t;

typedef struct preps {
    const article_t *arts;
    const size_t *order;
    typeset_t *ts[PAR_MAX_THREADS];      /* a typesetter a thread (NULL: no typesetting) */
    fontsub_use_t *use[PAR_MAX_THREADS]; /* the characters and pairs a thread's articles use (NULL: no fonts) */
    enc_t *enc;
    char **ttl;
    prep_t *p;
    size_t first; /* the batch's first article: job j is article first + j */
} preps_t;

#define PREP_BATCH 256 /* articles typeset at once */

static int use_article(fontsub_use_t *u, const article_t *a);

/* Article order[m]: its part that can reach the bundle typeset, encoded,
 * given its bidi levels and cut to what a reader takes (enc[m]); its title
 * likewise (ttl[m]). The characters and pairs it uses join thread t's
 * use (when there are fonts). */
static void prep_one(void *ctx, size_t j, size_t t)
{
    preps_t *c = ctx;
    size_t m = c->first + j;
    prep_t *p = &c->p[m];
    enc_t *enc = &c->enc[m];
    p->err = 1;
    if (article_view(&c->arts[c->order[m]], &p->view, &p->vb, &p->vc))
        return;
    if (c->ts[t] && typeset_article(c->ts[t], &p->view, &p->ta))
        return;
    const article_t *e = c->ts[t] ? &p->ta : &p->view;
    if ((c->use[t] && use_article(c->use[t], e)) || article_encode_text(e, &enc->text, &enc->len))
        return;
    if (!(c->ttl[m] = article_strndup(e->title ? e->title : "", e->title ? strlen(e->title) : 0)))
        return;
    /* right-to-left text gets its bidi levels (bidi.h) */
    uint8_t *bt = NULL;
    size_t bl = 0;
    if (bidi_text(enc->text, enc->len, 0, &bt, &bl))
        return;
    p->bidi += bl != enc->len;
    free(enc->text);
    enc->text = bt;
    enc->len = bl;
    if (bidi_text((const uint8_t *)c->ttl[m], strlen(c->ttl[m]), 1, &bt, &bl))
        return;
    char *nt = realloc(bt, bl + 1);
    if (!nt) {
        free(bt);
        return;
    }
    nt[bl] = '\0';
    p->bidi += bl != strlen(c->ttl[m]);
    free(c->ttl[m]);
    c->ttl[m] = nt;
    if (enc->len > INK_ARTICLE_MAX_BYTES) {
        size_t cut = 0;
        for (size_t i = 0; i < enc->len && i <= INK_ARTICLE_MAX_BYTES; i++)
            if (INK_TX_IS_BLOCK(enc->text[i]))
                cut = i;
        /* One block longer than that: cut inside it, between characters
         * (never an empty article: its text starts with a block code) */
        if (cut == 0)
            for (cut = INK_ARTICLE_MAX_BYTES; (enc->text[cut] & 0xC0) == 0x80; cut--)
                ;
        enc->len = cut;
    }
    if (enc->len == 0) { /* nothing at all: one empty paragraph */
        uint8_t *x = realloc(enc->text, 1);
        if (!x)
            return;
        x[0] = 0x02;
        enc->text = x;
        enc->len = 1;
    }
    p->err = 0;
}

static void prep_free(prep_t *p)
{
    article_free(&p->ta);
    free(p->vb);
    free(p->vc);
    memset(p, 0, sizeof *p);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* CPU seconds of the whole process, every thread. */
static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static const char *section_of(const article_t *a)
{
    return a->section ? a->section : "News";
}

/* Whether two pattern paths name one file ("en" finds hyph_en.dic, a link
 * to the hyph_en_US.dic "en-US" finds). */
static int same_patterns(const char *a, const char *b)
{
    struct stat sa, sb;
    if (a == b)
        return 1;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return 0;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* HYPH for the language most articles have patterns for; those articles'
 * texts are rewritten (hyphpat.h). *sec stays empty when it does not pay. */
static int hyph_section(typeset_t *ts, const article_t *arts, const size_t *order, enc_t *enc, size_t n, int always,
                        int threads, buf_t *sec, bundle_stats_t *st)
{
    int rc = -1;
    const char **path = calloc(n, sizeof *path);
    size_t *grp = calloc(n, sizeof *grp);
    uint8_t *elig = calloc(n, 1);
    uint8_t **texts = calloc(n, sizeof *texts);
    size_t *lens = calloc(n, sizeof *lens);
    if (!path || !grp || !elig || !texts || !lens)
        goto out;
    /* Pattern files by the number of articles they hyphenate (languages
     * whose paths lead to one file count together); the first seen wins a
     * tie. */
    const char *seen[16];
    size_t count[16], first[16], nseen = 0, best = n, best_count = 0;
    for (size_t m = 0; m < n; m++) {
        path[m] = typeset_patterns(ts, typeset_lang(&arts[order[m]]));
        grp[m] = SIZE_MAX;
        size_t j = 0;
        while (j < nseen && seen[j] != path[m])
            j++;
        for (size_t k = 0; j == nseen && k < nseen; k++)
            if (same_patterns(seen[k], path[m]))
                j = k;
        if (!path[m] || (j == nseen && nseen == 16))
            continue;
        grp[m] = j;
        if (j == nseen) {
            seen[nseen] = path[m];
            count[nseen] = 0;
            first[nseen++] = m;
        }
        count[j]++;
    }
    for (size_t j = 0; j < nseen; j++)
        if (count[j] > best_count) {
            best = first[j];
            best_count = count[j];
        }
    rc = 0;
    if (best == n)
        goto out;
    for (size_t m = 0; m < n; m++) {
        elig[m] = grp[m] != SIZE_MAX && grp[m] == grp[best];
        texts[m] = enc[m].text;
        lens[m] = enc[m].len;
    }
    const char *lang = typeset_lang(&arts[order[best]]) ? typeset_lang(&arts[order[best]]) : TS_LANG_DEFAULT;
    uint8_t *data = NULL;
    size_t len = 0;
    hyphpat_stats_t hs;
    rc = hyphpat_pack(path[best], lang, TS_HYPHEN_LEFT, typeset_right(ts, lang), always, texts, lens, elig, n, threads,
                      &data, &len, &hs);
    for (size_t m = 0; m < n; m++) {
        enc[m].text = texts[m];
        enc[m].len = lens[m];
    }
    if (!rc && len) {
        put(sec, data, len);
        rc = sec->oom ? -1 : 0;
    }
    free(data);
    st->hyph_patterns = hs.patterns;
    st->hyph_articles = hs.articles;
    st->shy_before = hs.shy_before;
    st->shy_after = hs.shy_after;
    st->hyph_marked = hs.marked;
out:
    free(path);
    free(grp);
    free(elig);
    free(texts);
    free(lens);
    return rc;
}

/* The characters and pairs of an article, in the faces the device sets
 * them in: the title in the library (regular) and as headline (bold),
 * the meta line in italic, body text by block kind and inline style. */
static int use_article(fontsub_use_t *u, const article_t *a)
{
    const char *meta[] = {a->title, a->source, a->date, a->byline, a->section};
    const unsigned mf[] = {FS_REGULAR | FS_BOLD, FS_REGULAR | FS_ITALIC, FS_REGULAR | FS_ITALIC, FS_REGULAR | FS_ITALIC,
                           FS_REGULAR | FS_ITALIC | FS_BOLD};
    for (int i = 0; i < 5; i++)
        if (meta[i] && fontsub_use_text(u, meta[i], strlen(meta[i]), mf[i]))
            return -1;
    for (size_t i = 0; i < a->nblocks; i++) {
        unsigned f = a->blocks[i].kind == ARTICLE_BLOCK_SUBHEAD ? FS_BOLD
                     : a->blocks[i].kind == ARTICLE_BLOCK_QUOTE ? FS_ITALIC | FS_INVERT
                     : a->blocks[i].kind == ARTICLE_BLOCK_PIC   ? FS_ITALIC | FS_INVERT
                                                                : FS_REGULAR;
        if (a->blocks[i].kind == ARTICLE_BLOCK_PIC && a->blocks[i].pic < 0)
            continue; /* left out */
        if (fontsub_use_text(u, a->blocks[i].text, strlen(a->blocks[i].text), f | FS_STYLED))
            return -1;
        if (a->blocks[i].credit && fontsub_use_text(u, a->blocks[i].credit, strlen(a->blocks[i].credit), f | FS_STYLED))
            return -1;
    }
    return 0;
}

/* The face of Noto Serif CJK the edition's languages ask for: the CJK
 * language most of its articles are in (their own, else the one their
 * script suggests: typeset_lang); -1 (by the characters) for none. */
static int cjk_of(const article_t *arts, size_t n)
{
    size_t votes[5] = {0};
    int best = -1;
    for (size_t i = 0; i < n; i++) {
        int k = scriptfont_cjk_index(typeset_lang(&arts[i]));
        if (k >= 0 && ++votes[k] > (best < 0 ? 0 : votes[best]))
            best = k;
    }
    return best;
}

/* Adds the characters of t[0..len) that are in of to to. */
static void chars_in(hb_set_t *to, const hb_set_t *of, const uint8_t *t, size_t len)
{
    for (size_t i = 0, k; t && i < len; i += k) {
        uint32_t c = ink_utf8_next(t + i, len - i, &k);
        if (hb_set_has(of, c))
            hb_set_add(to, c);
    }
}

/* An edition with articles in more than one CJK language gets a face of
 * Noto Serif CJK for each (Han unification: 直, 骨, 誤 have a Japanese and
 * a Chinese form under one code point), each subset to the CJK characters
 * of its own articles (text, title, section name); the face scriptfont
 * chose keeps those of its language's articles and of the edition's own
 * strings. art_face[m] is then the FONT face article m's CJK characters
 * are in (0: none), which the AFNT section carries; *split is 0 (and
 * art_face untouched) when one face does. */
static int split_cjk(scriptfont_t *sf, const article_t *arts, const size_t *order, const enc_t *enc, char *const *ttl,
                     size_t n, const char *const *extra, size_t nextra, uint8_t *art_face, int *split)
{
    *split = 0;
    int c = scriptfont_cjk_face(sf);
    if (c < 0)
        return 0;
    int rc = -1, def = (int)sf->face[c].index, face_of[5] = {0};
    hb_set_t *cov = hb_set_copy(fontsub_use_cps(sf->face[c].use)), *one = hb_set_create(), *per[5];
    signed char *k = malloc(n ? n : 1);
    for (int i = 0; i < 5; i++)
        per[i] = hb_set_create();
    if (!k)
        goto out;
    for (size_t m = 0; m < n; m++) {
        const article_t *a = &arts[order[m]];
        const char *sec = section_of(a);
        hb_set_clear(one);
        chars_in(one, cov, enc[m].text, enc[m].len);
        chars_in(one, cov, (const uint8_t *)ttl[m], strlen(ttl[m]));
        chars_in(one, cov, (const uint8_t *)sec, strlen(sec));
        int l = scriptfont_cjk_index(typeset_lang(a));
        k[m] = (signed char)(hb_set_is_empty(one) ? -1 : l >= 0 ? l : def);
        if (k[m] >= 0)
            hb_set_union(per[k[m]], one);
    }
    int langs = 0;
    for (int i = 0; i < 5; i++)
        langs += !hb_set_is_empty(per[i]);
    if (langs < 2 || hb_set_is_empty(per[def])) {
        rc = hb_set_allocation_successful(one) ? 0 : -1;
        goto out;
    }
    /* the chosen face: its language's articles and the edition's strings */
    hb_set_t *dset = fontsub_use_cps(sf->face[c].use);
    hb_set_clear(dset);
    hb_set_union(dset, per[def]);
    for (size_t i = 0; i < nextra; i++)
        chars_in(dset, cov, (const uint8_t *)extra[i], extra[i] ? strlen(extra[i]) : 0);
    face_of[def] = INK_FACE_COUNT + c;
    for (int i = 0; i < 5; i++) {
        if (i == def || hb_set_is_empty(per[i]))
            continue;
        /* sf is re-read: adding a face may not move the chosen one's set */
        int pos = scriptfont_add_cjk(sf, i, per[i], fontsub_use_cps(sf->face[c].use));
        if (pos < 0) { /* no room for another face: drawn in the chosen one's forms */
            hb_set_union(fontsub_use_cps(sf->face[c].use), per[i]);
            face_of[i] = INK_FACE_COUNT + c;
        } else {
            face_of[i] = INK_FACE_COUNT + pos;
        }
    }
    for (size_t m = 0; m < n; m++)
        art_face[m] = (uint8_t)(k[m] >= 0 ? face_of[k[m]] : 0);
    *split = 1;
    rc = hb_set_allocation_successful(fontsub_use_cps(sf->face[c].use)) ? 0 : -1;
out:
    free(k);
    hb_set_destroy(cov);
    hb_set_destroy(one);
    for (int i = 0; i < 5; i++)
        hb_set_destroy(per[i]);
    return rc;
}

/* Reports, through o->on_missing, the articles (and the edition's own
 * strings) that hold characters of miss, and counts them. */
static int report_missing(const bundle_opts_t *o, hb_set_t *miss, const enc_t *enc, char *const *ttl, size_t n,
                          const char *const *extra, size_t nextra, bundle_stats_t *st)
{
    hb_set_t *got = hb_set_create();
    uint32_t *cps = malloc((hb_set_get_population(miss) + 1) * sizeof *cps);
    int rc = -1;
    if (!cps || !hb_set_allocation_successful(got))
        goto out;
    st->missing_chars = hb_set_get_population(miss);
    for (size_t m = 0; m <= n && st->missing_chars; m++) { /* nothing to name: no pass over the texts */
        hb_set_clear(got);
        for (size_t part = 0; part < (m < n ? 2 : nextra); part++) {
            const uint8_t *t = m < n ? (part ? (const uint8_t *)ttl[m] : enc[m].text) : (const uint8_t *)extra[part];
            size_t len = m < n ? (part ? strlen(ttl[m]) : enc[m].len) : (t ? strlen((const char *)t) : 0);
            for (size_t i = 0, k; i < len; i += k) {
                uint32_t c = ink_utf8_next(t + i, len - i, &k);
                if (hb_set_has(miss, c))
                    hb_set_add(got, c);
            }
        }
        size_t nc = 0;
        for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(got, &c);)
            cps[nc++] = c;
        if (!nc)
            continue;
        if (m < n)
            st->missing_articles++;
        if (o->on_missing)
            o->on_missing(o->missing_ctx, m < n ? m : SIZE_MAX, m < n ? ttl[m] : NULL, cps, nc);
    }
    rc = 0;
out:
    free(cps);
    hb_set_destroy(got);
    return rc;
}

/* The fallback faces for the characters of u the caller's regular face
 * lacks (scriptfont.h), subset into fb[0..*nfb) (malloc'd; complex scripts
 * keep their layout tables, which shaping needs and the reader ignores);
 * what no face has is reported; then the texts and titles are shaped
 * (shape.h) where a complex-script face draws them. */
static int script_fonts(const bundle_opts_t *o, fontsub_use_t *u, const article_t *arts, const size_t *order,
                        enc_t *enc, char **ttl, const uint8_t **samples, size_t *sample_len, size_t n,
                        const char *const *extra, size_t nextra, const char *const *secn, char **sec_shown, size_t nsec,
                        ink_font_data_t *fb, size_t *nfb, uint8_t *art_face, int *split, bundle_stats_t *st,
                        const char **why)
{
    scriptfont_t sf = {0};
    shaper_t *sh = NULL;
    hb_map_t *maps[SCRIPTFONT_MAX] = {NULL};
    int rc = -1;
    *nfb = 0;
    if (scriptfont_choose(&sf, &o->fonts[INK_FACE_REGULAR], u, o->script_fonts, cjk_of(arts, n), why))
        goto out;
    hb_set_subtract(fontsub_use_cps(u), sf.taken); /* the reader finds them in the fallback */
    *why = "out of memory";
    if (report_missing(o, fontsub_use_cps(sf.missing), enc, ttl, n, extra, nextra, st))
        goto out;
    if (split_cjk(&sf, arts, order, enc, ttl, n, extra, nextra, art_face, split))
        goto out;
    /* Shape with the whole faces, to learn which glyphs the text takes... */
    for (size_t i = 0; i < sf.n; i++)
        if (sf.face[i].complex &&
            ((!sh && !(sh = shaper_new())) || shaper_add_face(sh, INK_FACE_COUNT + (int)i, sf.face[i].data,
                                                              sf.face[i].len, fontsub_use_cps(sf.face[i].use))))
            goto out;
    for (size_t m = 0; sh && m < n; m++) {
        uint8_t *t;
        size_t tl;
        if (shaper_text(sh, enc[m].text, enc[m].len, &t, &tl, NULL, NULL))
            goto out;
        free(t);
        if (shaper_text(sh, (const uint8_t *)ttl[m], strlen(ttl[m]), &t, &tl, NULL, NULL))
            goto out;
        free(t);
    }
    for (size_t j = 0; sh && j < nsec; j++) { /* the section names' joining forms too */
        uint8_t *t;
        size_t tl;
        if (shaper_text(sh, (const uint8_t *)secn[j], strlen(secn[j]), &t, &tl, NULL, NULL))
            goto out;
        free(t);
    }
    /* ...keep those and the characters' own in each subset, and write the
     * runs with the subsets' ids. */
    for (size_t i = 0; i < sf.n; i++) {
        uint8_t *p;
        size_t len;
        const hb_set_t *gids = sh ? shaper_gids(sh, INK_FACE_COUNT + (int)i) : NULL;
        if (gids && !(maps[i] = hb_map_create()))
            goto out;
        if (fontsub_subset_glyphs(sf.face[i].data, sf.face[i].len, sf.face[i].index, sf.face[i].use, gids,
                                  o->font_flags, maps[i], &p, &len, why))
            goto out;
        fb[*nfb].data = p;
        fb[(*nfb)++].len = len;
        st->fallback_file[i] = sf.face[i].file;
        st->fallbacks++;
        st->fallback_bytes += len;
        if (gids)
            shaper_set_map(sh, INK_FACE_COUNT + (int)i, maps[i]);
    }
    *why = "out of memory";
    for (size_t m = 0; sh && m < n; m++) {
        uint8_t *t;
        size_t tl;
        if (shaper_text(sh, enc[m].text, enc[m].len, &t, &tl, &st->shaped_runs, &st->shaped_glyphs))
            goto out;
        free(enc[m].text);
        enc[m].text = t;
        enc[m].len = tl;
        if (enc[m].len > INK_ARTICLE_MAX_BYTES) { /* runs grew it: cut at a block again */
            size_t cut = 0;
            for (size_t i = 0; i < enc[m].len && i <= INK_ARTICLE_MAX_BYTES; i++)
                if (INK_TX_IS_BLOCK(enc[m].text[i]))
                    cut = i;
            enc[m].len = cut;
        }
        size_t ol = strlen(ttl[m]);
        if (shaper_text(sh, (const uint8_t *)ttl[m], ol, &t, &tl, NULL, NULL))
            goto out;
        if (tl > ol && tl <= INK_TITLE_MAX) { /* a title a chunk cannot hold whole stays unshaped */
            char *nt = malloc(tl + 1);
            if (!nt) {
                free(t);
                goto out;
            }
            memcpy(nt, t, tl);
            nt[tl] = '\0';
            free(ttl[m]);
            ttl[m] = nt;
            samples[n + m] = (const uint8_t *)nt;
            sample_len[n + m] = tl;
            st->shaped_titles++;
        }
        free(t);
    }
    /* the section names, as the library and the footer show them */
    for (size_t j = 0; sh && j < nsec; j++) {
        uint8_t *bt, *t;
        size_t bl, tl;
        if (bidi_text((const uint8_t *)secn[j], strlen(secn[j]), 1, &bt, &bl))
            goto out;
        int e = shaper_text(sh, bt, bl, &t, &tl, NULL, NULL);
        free(bt);
        if (e)
            goto out;
        if (tl != strlen(secn[j]) || memcmp(t, secn[j], tl)) {
            char *nt = realloc(t, tl + 1);
            if (!nt) {
                free(t);
                goto out;
            }
            nt[tl] = '\0';
            sec_shown[j] = nt;
            st->bidi_texts++;
        } else {
            free(t);
        }
    }
    rc = 0;
out:
    if (rc) {
        for (size_t i = 0; i < *nfb; i++)
            free((void *)(uintptr_t)fb[i].data);
        *nfb = 0;
    }
    shaper_free(sh);
    for (size_t i = 0; i < SCRIPTFONT_MAX; i++)
        hb_map_destroy(maps[i]);
    scriptfont_free(&sf);
    return rc;
}

/* FONT and KERN for the characters of u, from the caller's faces and the
 * fallback faces other scripts need (scriptfont.h); what no face draws is
 * reported. */
static int build_fonts(const bundle_opts_t *o, fontsub_use_t *u, const ink_font_data_t *fb, size_t nfb, buf_t *font,
                       buf_t *kern, bundle_stats_t *st, const char **why)
{
    ink_font_data_t sub[INK_FONT_MAX_FACES] = {{NULL, 0}};
    uint8_t *fs = NULL, *ks = NULL;
    size_t fl = 0, kl = 0, np[INK_FACE_COUNT], nf = INK_FACE_COUNT;
    int rc = -1;
    for (unsigned f = 0; f < INK_FACE_COUNT; f++) {
        uint8_t *p;
        size_t len;
        if (!o->fonts[f].len)
            continue;
        if (fontsub_subset(o->fonts[f].data, o->fonts[f].len, u, o->font_flags, &p, &len, why))
            goto out;
        sub[f].data = p;
        sub[f].len = len;
        st->face[f] = len;
    }
    for (size_t i = 0; i < nfb; i++)
        sub[nf++] = fb[i];
    *why = "out of memory";
    if (fontsub_font_section_n(sub, nf, &fs, &fl))
        goto out;
    if (fontsub_kern(o->fonts, u, &ks, &kl, np, why))
        goto out;
    put(font, fs, fl);
    put(kern, ks, kl);
    for (unsigned f = 0; f < INK_FACE_COUNT; f++)
        st->kern_pairs[f] = np[f];
    st->chars = fontsub_use_count(u);
    rc = font->oom || kern->oom ? -1 : 0;
out:
    for (size_t f = 0; f < INK_FACE_COUNT; f++)
        free((void *)(uintptr_t)sub[f].data);
    free(fs);
    free(ks);
    return rc;
}

/* What the steps of bundle_write share: the articles in their order in
 * the bundle, their texts and titles on the way in, and each section's
 * bytes on the way out. */
typedef struct wctx {
    const article_t *arts;
    size_t n;
    const bundle_opts_t *opts;
    const char **why;
    const char **sec_names; /* in order of first appearance */
    char **sec_shown;       /* as STRS holds them: shaped, with levels */
    size_t *sec_first, *sec_count, nsec;
    size_t *order;    /* order[m]: the index in arts of the bundle's article m */
    const char *date; /* the edition's: opts->date, or its articles' latest */
    enc_t *enc;
    const uint8_t **samples; /* the dictionary's training text: texts, then titles */
    size_t *sample_len;
    uint8_t *dict;
    size_t dlen, ngroups, nchunks;
    char **ttl; /* titles as packed (with break marks) */
    typeset_t *ts;
    fontsub_use_t *use;
    prep_t *preps; /* each article's text on its way to enc */
    job_t *jobs;   /* TEXT's streams: groups, then title chunks */
    size_t *gfirst, njobs_all;
    size_t njobs;                        /* jobs filled (of njobs_all) */
    ink_font_data_t fbf[SCRIPTFONT_MAX]; /* fallback faces, subset */
    size_t nfb;
    uint8_t *art_face; /* AFNT: each article's CJK face, when the edition has several */
    int split;
    bundle_stats_t fst;
    strpool_t sp;
    buf_t meta, secs, index, grps, titl, text, dictb, hyphb, fontb, kernb, afnt, ordr;
    buf_t picsb; /* opts->pics, not owned: never freed here */
    buf_t file;
    size_t nsect; /* the file's sections */
} wctx_t;

/* The context's arrays, one slot an article. Returns 0, or -1 when one
 * could not be had (the others are still freed by ctx_free). */
static int ctx_alloc(wctx_t *c)
{
    size_t n = c->n;
    c->sec_names = calloc(n ? n : 1, sizeof *c->sec_names);
    c->sec_shown = calloc(n ? n : 1, sizeof *c->sec_shown);
    c->sec_first = calloc(n ? n : 1, sizeof *c->sec_first);
    c->sec_count = calloc(n ? n : 1, sizeof *c->sec_count);
    c->order = calloc(n ? n : 1, sizeof *c->order);
    c->enc = calloc(n ? n : 1, sizeof *c->enc);
    c->samples = calloc(2 * n + 1, sizeof *c->samples);
    c->sample_len = calloc(2 * n + 1, sizeof *c->sample_len);
    c->ttl = calloc(n ? n : 1, sizeof *c->ttl);
    if (!c->sec_names || !c->order || !c->enc || !c->samples || !c->sample_len || !c->ttl || !c->sec_shown ||
        !c->sec_first || !c->sec_count)
        return -1;
    return 0;
}

static void ctx_free(wctx_t *c)
{
    size_t n = c->n;
    if (c->preps)
        for (size_t m = 0; m < n; m++)
            prep_free(&c->preps[m]);
    free(c->preps);
    if (c->jobs)
        for (size_t i = 0; i < c->njobs_all; i++) {
            free((void *)(uintptr_t)c->jobs[i].in);
            free(c->jobs[i].out.p);
        }
    free(c->jobs);
    free(c->gfirst);
    if (c->enc)
        for (size_t m = 0; m < n; m++)
            free(c->enc[m].text);
    free(c->enc);
    free(c->samples);
    free(c->sample_len);
    free(c->dict);
    free(c->sp.data.p);
    free(c->sp.slots);
    free(c->meta.p);
    free(c->secs.p);
    free(c->index.p);
    free(c->grps.p);
    free(c->titl.p);
    free(c->text.p);
    free(c->file.p);
    if (c->sec_shown)
        for (size_t j = 0; j < n; j++)
            free(c->sec_shown[j]);
    free(c->sec_shown);
    free(c->sec_first);
    free(c->sec_count);
    free(c->sec_names);
    free(c->order);
    if (c->ttl)
        for (size_t m = 0; m < n; m++)
            free(c->ttl[m]);
    free(c->ttl);
    free(c->fontb.p);
    free(c->afnt.p);
    free(c->ordr.p);
    free(c->art_face);
    free(c->kernb.p);
    free(c->dictb.p);
    free(c->hyphb.p);
    typeset_free(c->ts);
    fontsub_use_free(c->use);
    for (size_t i = 0; i < c->nfb; i++)
        free((void *)(uintptr_t)c->fbf[i].data);
}

/* Sections in order of first appearance; articles grouped under them. */
static void order_sections(wctx_t *c)
{
    const article_t *arts = c->arts;
    size_t n = c->n, k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < c->nsec && strcmp(c->sec_names[j], section_of(&arts[i])) != 0)
            j++;
        if (j == c->nsec)
            c->sec_names[c->nsec++] = section_of(&arts[i]);
    }
    for (size_t j = 0; j < c->nsec; j++) {
        size_t first = k;
        for (size_t i = 0; i < n; i++)
            if (strcmp(section_of(&arts[i]), c->sec_names[j]) == 0)
                c->order[k++] = i;
        c->sec_first[j] = first;
        c->sec_count[j] = k - first;
    }
}

/* Encode every article's text, cut at a block boundary when it is
 * longer than a reader accepts, and gather the characters each uses: on
 * every thread; then in order the edition's date. */
static int prep_texts(wctx_t *c)
{
    const bundle_opts_t *opts = c->opts;
    size_t n = c->n;
    c->preps = calloc(n, sizeof *c->preps);
    if (!c->preps)
        return -1;
    /* a batch at a time, so that a long edition is not held typeset
     * whole beside its encoded text */
    preps_t pc = {c->arts, c->order, {NULL}, {NULL}, c->enc, c->ttl, c->preps, 0};
    size_t nt = par_threads(opts->threads);
    int bad = 0;
    pc.ts[0] = c->ts;
    pc.use[0] = c->use;
    for (size_t t = 1; t < nt && c->ts; t++)
        if (!(pc.ts[t] = typeset_new(NULL)))
            bad = 1;
    for (size_t t = 1; t < nt && c->use; t++)
        if (!(pc.use[t] = fontsub_use_new()))
            bad = 1;
    for (size_t m0 = 0; m0 < n && !bad; m0 += PREP_BATCH) {
        size_t nb = n - m0 < PREP_BATCH ? n - m0 : PREP_BATCH;
        pc.first = m0;
        par_for(nt, nb, prep_one, &pc);
        for (size_t m = m0; m < m0 + nb && !bad; m++) {
            prep_t *p = &c->preps[m];
            const article_t *a = &p->view;
            if (p->err) {
                bad = 1;
                break;
            }
            c->fst.bidi_texts += p->bidi;
            if (!opts->date && a->date && ink_bundle_date_valid(a->date, strlen(a->date)) &&
                strcmp(a->date, c->date ? c->date : "") > 0)
                c->date = a->date;
            c->samples[n + m] = (const uint8_t *)c->ttl[m];
            c->sample_len[n + m] = strlen((const char *)c->samples[n + m]);
            prep_free(p);
        }
    }
    for (size_t t = 1; t < nt; t++) {
        typeset_free(pc.ts[t]);
        if (pc.use[t] && !bad && fontsub_use_merge(c->use, pc.use[t]))
            bad = 1;
        fontsub_use_free(pc.use[t]);
    }
    return bad ? -1 : 0;
}

/* Hyphenation patterns for the edition's main language (HYPH): the
 * text then keeps only the soft hyphens they do not find. */
static int write_hyph(wctx_t *c)
{
    const bundle_opts_t *opts = c->opts;
    if (c->ts && opts->hyph &&
        hyph_section(c->ts, c->arts, c->order, c->enc, c->n, opts->hyph > 1, opts->threads, &c->hyphb, &c->fst))
        return -1;
    return 0;
}

/* The edition's own strings join the characters; the faces for other
 * scripts are chosen, and their text shaped, before anything is
 * compressed. */
static int choose_fonts(wctx_t *c)
{
    const bundle_opts_t *opts = c->opts;
    const char *en = opts->name ? opts->name : "inkpress edition";
    fontsub_use_t *use = c->use;
    if (!use)
        return 0;
    if (fontsub_use_text(use, en, strlen(en), FS_BOLD) ||
        (c->date && fontsub_use_text(use, c->date, strlen(c->date), FS_ITALIC)) || fontsub_use_ui(use))
        return -1;
    for (size_t j = 0; j < c->nsec; j++)
        if (fontsub_use_text(use, c->sec_names[j], strlen(c->sec_names[j]), FS_REGULAR | FS_BOLD))
            return -1;
    if (!opts->no_script_fonts) {
        /* the edition's own strings, for the report: name, date, sections */
        const char **extra = calloc(c->nsec + 2, sizeof *extra);
        if (!extra)
            return -1;
        extra[0] = en;
        extra[1] = c->date;
        for (size_t j = 0; j < c->nsec; j++)
            extra[2 + j] = c->sec_names[j];
        if (!(c->art_face = calloc(c->n, 1))) {
            free(extra);
            return -1;
        }
        int fr = script_fonts(opts, use, c->arts, c->order, c->enc, c->ttl, c->samples, c->sample_len, c->n, extra,
                              c->nsec + 2, c->sec_names, c->sec_shown, c->nsec, c->fbf, &c->nfb, c->art_face, &c->split,
                              &c->fst, c->why);
        free(extra);
        if (fr)
            return -1;
    }
    return 0;
}

/* Titles join the dictionary's training text: they are compressed too. */
static void train_dict(wctx_t *c)
{
    size_t n = c->n;
    for (size_t m = 0; m < n; m++) {
        c->samples[m] = c->enc[m].text;
        c->sample_len[m] = c->enc[m].len;
    }
    if (c->opts->dict) {
        c->dlen = dict_build_threads(c->samples, c->sample_len, 2 * n, INK_DICT_MAX, c->opts->threads, &c->dict);
        if (c->dlen > INK_DICT_MAX)
            c->dlen = INK_DICT_MAX;
    }
}

/* The order the texts are stored in (order.h): st[k] is the article
 * stored k-th; ORDR, each article's place in it, when that is not
 * reading order. */
static int store_order(wctx_t *c, size_t gcap, size_t *st)
{
    size_t n = c->n;
    for (size_t m = 0; m < n; m++)
        st[m] = m;
    if (c->opts->no_order)
        return 0;
    const uint8_t **t = malloc(n * sizeof *t);
    size_t *len = malloc(n * sizeof *len), *sec = malloc(n * sizeof *sec);
    int rc = -1;
    if (!t || !len || !sec)
        goto out;
    for (size_t j = 0; j < c->nsec; j++)
        for (size_t m = c->sec_first[j]; m < c->sec_first[j] + c->sec_count[j]; m++)
            sec[m] = j;
    for (size_t m = 0; m < n; m++) {
        t[m] = c->enc[m].text;
        len[m] = c->enc[m].len;
    }
    if (order_texts(t, len, sec, n, gcap, c->opts->threads, st))
        goto out;
    size_t w = ink_ordr_width((uint32_t)n);
    uint8_t *pos = calloc(n, w);
    if (!pos)
        goto out;
    for (size_t k = 0; k < n; k++) {
        c->fst.moved += st[k] != k;
        for (size_t b = 0; b < w; b++)
            pos[st[k] * w + b] = (uint8_t)(k >> (8 * b));
    }
    if (c->fst.moved)
        put(&c->ordr, pos, n * w);
    free(pos);
    rc = c->ordr.oom ? -1 : 0;
out:
    free(t);
    free(len);
    free(sec);
    return rc;
}

/* Groups: runs of articles of one section, consecutive in storage order,
 * up to group_bytes of text; an article of more than half that stands
 * alone. Then the titles, in chunks of INK_TITLES_PER_CHUNK. Each is one
 * stream of TEXT, in that order; they are compressed together
 * (run_jobs). ARTS, each stored text's length and CRC, is written on the
 * way. */
static int write_arts(wctx_t *c)
{
    const article_t *arts = c->arts;
    const enc_t *enc = c->enc;
    size_t n = c->n;
    size_t gcap = c->opts->group_bytes ? c->opts->group_bytes : 1;
    size_t njobs = 0, nchunk_jobs = (n + INK_TITLES_PER_CHUNK - 1) / INK_TITLES_PER_CHUNK;
    c->jobs = calloc(n + nchunk_jobs, sizeof *c->jobs);
    c->njobs_all = c->jobs ? n + nchunk_jobs : 0;
    c->gfirst = calloc(n + 1, sizeof *c->gfirst);
    size_t *st = malloc(n * sizeof *st);
    double t0 = now();
    if (!c->jobs || !c->gfirst || !st || store_order(c, gcap, st)) {
        free(st);
        return -1;
    }
    c->fst.secs_order = now() - t0;
    job_t *jobs = c->jobs;
    for (size_t k = 0; k < n;) {
        size_t end = k + 1, raw = enc[st[k]].len;
        const char *s = section_of(&arts[c->order[st[k]]]);
        while (end < n && raw + enc[st[end]].len <= gcap && enc[st[k]].len * 2 <= gcap &&
               enc[st[end]].len * 2 <= gcap && strcmp(section_of(&arts[c->order[st[end]]]), s) == 0)
            raw += enc[st[end++]].len;
        buf_t *g = &jobs[njobs].out; /* the group's text first, its stream in its place later */
        for (size_t i = k; i < end; i++) {
            const enc_t *e = &enc[st[i]];
            put(g, e->text, e->len);
            put32(&c->index, (uint32_t)e->len);
            put32(&c->index, (uint32_t)crc32(0, e->text, (uInt)e->len));
        }
        if (g->oom) {
            free(st);
            return -1;
        }
        c->gfirst[njobs++] = k;
        c->ngroups++;
        k = end;
    }
    free(st);
    for (size_t k = 0; k < nchunk_jobs; k++) {
        buf_t *ch = &jobs[njobs++].out;
        for (size_t m = k * INK_TITLES_PER_CHUNK; m < n && m < (k + 1) * INK_TITLES_PER_CHUNK; m++) {
            const char *t = c->ttl[m];
            size_t tl = strlen(t);
            if (tl > INK_TITLE_MAX)
                tl = INK_TITLE_MAX;
            while (tl && ((uint8_t)t[tl] & 0xC0) == 0x80 && t[tl]) /* cut on a character boundary */
                tl--;
            put(ch, t, tl);
            put(ch, "", 1);
        }
        if (ch->oom)
            return -1;
    }
    for (size_t i = 0; i < njobs; i++) { /* the inputs move out of the way of the streams */
        jobs[i].in = jobs[i].out.p;
        jobs[i].n = jobs[i].out.n;
        memset(&jobs[i].out, 0, sizeof jobs[i].out);
    }
    c->njobs = njobs;
    return 0;
}

/* TEXT: the streams compressed, in order; GRPS and TITL point into it. */
static int write_text(wctx_t *c)
{
    size_t njobs = c->njobs;
    job_t *jobs = c->jobs;
    if (run_jobs(c->opts, c->dict, c->dlen, jobs, njobs, c->dlen ? &c->dictb : NULL)) {
        *c->why = "compression failed";
        return -1;
    }
    for (size_t i = 0; i < njobs; i++) {
        uint32_t off = (uint32_t)c->text.n;
        put(&c->text, jobs[i].out.p, jobs[i].out.n);
        if (i < c->ngroups) {
            put32(&c->grps, (uint32_t)c->gfirst[i]);
            put32(&c->grps, off);
            put32(&c->grps, (uint32_t)(c->text.n - off));
        } else {
            put32(&c->titl, off);
            put32(&c->titl, (uint32_t)(c->text.n - off));
            put32(&c->titl, (uint32_t)jobs[i].n);
            put32(&c->titl, (uint32_t)crc32(0, jobs[i].in, (uInt)jobs[i].n));
            c->nchunks++;
        }
    }
    return 0;
}

/* FONT and KERN, only with fonts. */
static int write_fonts(wctx_t *c)
{
    if (c->use && build_fonts(c->opts, c->use, c->fbf, c->nfb, &c->fontb, &c->kernb, &c->fst, c->why))
        return -1;
    return 0;
}

/* Sections (their names first in STRS, as always), shaped and with
 * their bidi levels where their script asks for it. */
static void write_secs(wctx_t *c)
{
    for (size_t j = 0; j < c->nsec; j++) {
        put32(&c->secs, intern(&c->sp, c->sec_shown[j] ? c->sec_shown[j] : c->sec_names[j]));
        put32(&c->secs, (uint32_t)c->sec_first[j]);
        put32(&c->secs, (uint32_t)c->sec_count[j]);
    }
}

static void write_meta(wctx_t *c)
{
    const bundle_opts_t *opts = c->opts;
    put32(&c->meta, intern(&c->sp, opts->name ? opts->name : "inkpress edition"));
    put32(&c->meta, intern(&c->sp, c->date));
    put32(&c->meta, (uint32_t)c->n);
    put32(&c->meta, (uint32_t)c->nsec);
    put32(&c->meta, (uint32_t)c->ngroups);
    put32(&c->meta, (uint32_t)c->nchunks);
    put16(&c->meta, INK_TITLES_PER_CHUNK);
    put16(&c->meta, 0);
}


/* AFNT: only an edition with more than one CJK face. */
static int write_afnt(wctx_t *c)
{
    if (!c->split)
        return 0;
    put(&c->afnt, c->art_face, c->n);
    return c->afnt.oom ? -1 : 0;
}

/* File: header, section table, then each section on a boundary of
 * opts->align bytes (4 at least). */
static int write_bundle(wctx_t *c)
{
    const bundle_opts_t *opts = c->opts;
    typedef struct part {
        uint32_t tag;
        buf_t *b;
    } part_t;
    part_t parts[14] = {
        {INK_TAG_META, &c->meta}, {INK_TAG_STRS, &c->sp.data}, {INK_TAG_SECS, &c->secs},  {INK_TAG_ARTS, &c->index},
        {INK_TAG_GRPS, &c->grps}, {INK_TAG_TITL, &c->titl},    {INK_TAG_DICT, &c->dictb}, {INK_TAG_TEXT, &c->text},
    };
    size_t np = 8;
    if (c->hyphb.n) /* HYPH when patterns pay, FONT and KERN only with fonts */
        parts[np++] = (part_t){INK_TAG_HYPH, &c->hyphb};
    if (c->use) {
        parts[np++] = (part_t){INK_TAG_FONT, &c->fontb};
        parts[np++] = (part_t){INK_TAG_KERN, &c->kernb};
    }
    if (c->split) /* only an edition with more than one CJK face */
        parts[np++] = (part_t){INK_TAG_AFNT, &c->afnt};
    if (c->ordr.n) /* only when texts are stored in an order of their own */
        parts[np++] = (part_t){INK_TAG_ORDR, &c->ordr};
    if (opts->pics && opts->pics_len) {
        c->picsb.p = (uint8_t *)(uintptr_t)opts->pics; /* not owned: never freed here */
        c->picsb.n = opts->pics_len;
        parts[np++] = (part_t){INK_TAG_PICS, &c->picsb};
    }
    size_t align = opts->align > 4 ? opts->align : 4;
    uint8_t hdr[INK_HDR_SIZE + 14 * INK_SECT_ENTRY_SIZE];
    memset(hdr, 0, sizeof hdr);
    buf_t *file = &c->file;
    put(file, hdr, INK_HDR_SIZE + np * INK_SECT_ENTRY_SIZE);
    uint32_t offs[14];
    for (size_t i = 0; i < np; i++) {
        pad_to(file, align);
        offs[i] = (uint32_t)file->n;
        put(file, parts[i].b->p, parts[i].b->n);
    }
    if (file->oom)
        return -1;
    if (file->n > 0xFFFFFFF0u) {
        *c->why = "edition larger than 4 GiB";
        return -1;
    }
    uint8_t *h = file->p;
    memcpy(h, INK_MAGIC, INK_MAGIC_LEN);
    /* 3 when a text holds shaped runs, which a 2.0 reader would show as
     * stray bytes; otherwise 2, as before */
    const bundle_stats_t *fst = &c->fst;
    ink_wr16(h + INK_HDR_OFF_MAJOR, c->ordr.n                                                   ? INK_VERSION_MAJOR_ORDR
                                    : c->picsb.n                                                ? INK_VERSION_MAJOR_PICS
                                    : fst->shaped_runs || fst->shaped_titles || fst->bidi_texts ? INK_VERSION_MAJOR_RUNS
                                                                                                : INK_VERSION_MAJOR);
    ink_wr16(h + INK_HDR_OFF_MINOR, INK_VERSION_MINOR);
    ink_wr32(h + INK_HDR_OFF_SIZE, (uint32_t)file->n);
    ink_wr16(h + INK_HDR_OFF_NSECT, (uint16_t)np);
    ink_wr16(h + INK_HDR_OFF_FLAGS, 0);
    for (size_t i = 0; i < np; i++) {
        uint8_t *e = h + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_wr32(e, parts[i].tag);
        ink_wr32(e + 4, offs[i]);
        ink_wr32(e + 8, (uint32_t)parts[i].b->n);
        ink_wr32(e + 12, (uint32_t)crc32(0, parts[i].b->p, (uInt)parts[i].b->n));
    }
    ink_wr32(h + INK_HDR_OFF_CRC, (uint32_t)crc32(0, h, INK_HDR_SIZE + (uInt)np * INK_SECT_ENTRY_SIZE));
    c->nsect = np;
    return 0;
}

/* opts->stats: the timings and counts gathered on the way, and each
 * section's size. */
static void fill_stats(const wctx_t *c)
{
    bundle_stats_t *st = c->opts->stats;
    if (!st)
        return;
    *st = c->fst;
    st->header = INK_HDR_SIZE + c->nsect * INK_SECT_ENTRY_SIZE;
    st->meta = c->meta.n;
    st->strs = c->sp.data.n;
    st->secs = c->secs.n;
    st->arts = c->index.n;
    st->grps = c->grps.n;
    st->titl = c->titl.n;
    st->dict = c->dictb.n;
    st->text = c->text.n;
    st->font = c->fontb.n;
    st->kern = c->kernb.n;
    st->hyph = c->hyphb.n;
    st->pics = c->picsb.n;
    st->ordr = c->ordr.n;
    st->npics = c->picsb.n >= 4 ? ink_rd32(c->picsb.p) : 0;
    st->groups = c->ngroups;
    st->chunks = c->nchunks;
    for (size_t m = 0; m < c->n; m++)
        st->raw_text += c->enc[m].len;
}

int bundle_write(const article_t *arts, size_t n, const bundle_opts_t *opts, uint8_t **out, size_t *len,
                 const char **why)
{
    int rc = -1;
    wctx_t c;
    memset(&c, 0, sizeof c);
    c.arts = arts;
    c.n = n;
    c.opts = opts;
    c.why = why;
    c.date = opts->date;
    int no_mem = ctx_alloc(&c);
    *why = "out of memory";
    if (n == 0) {
        *why = "no articles to pack";
        goto out;
    }
    if (n > 0xFFFFFFu) {
        *why = "too many articles";
        goto out;
    }
    if (no_mem)
        goto out;
    if ((opts->typeset && !(c.ts = typeset_new(NULL))) || (opts->fonts && !(c.use = fontsub_use_new())))
        goto out;
    order_sections(&c);
    double t0 = now(), u0 = cpu_now();
    if (prep_texts(&c))
        goto out;
    double t1 = now(), u1 = cpu_now();
    if (write_hyph(&c))
        goto out;
    double t2 = now(), u2 = cpu_now();
    if (choose_fonts(&c))
        goto out;
    double t3 = now(), u3 = cpu_now();
    train_dict(&c);
    double t4 = now(), u4 = cpu_now();
    if (write_arts(&c) || write_text(&c))
        goto out;
    double t5 = now(), u5 = cpu_now();
    if (write_fonts(&c))
        goto out;
    double t6 = now(), u6 = cpu_now();
    write_secs(&c);
    write_meta(&c);
    c.fst.secs_texts = t1 - t0;
    c.fst.secs_patterns = t2 - t1;
    c.fst.secs_fonts = (t3 - t2) + (t6 - t5);
    c.fst.secs_dict = t4 - t3;
    c.fst.secs_streams = (t5 - t4) + (now() - t6);
    c.fst.cpu_texts = u1 - u0;
    c.fst.cpu_patterns = u2 - u1;
    c.fst.cpu_fonts = (u3 - u2) + (u6 - u5);
    c.fst.cpu_dict = u4 - u3;
    c.fst.cpu_streams = (u5 - u4) + (cpu_now() - u6);
    if (c.sp.data.oom || c.meta.oom || c.secs.oom || c.index.oom || c.grps.oom || c.titl.oom || c.text.oom)
        goto out;
    if (write_afnt(&c) || write_bundle(&c))
        goto out;
    fill_stats(&c);
    *out = c.file.p;
    *len = c.file.n;
    c.file.p = NULL;
    rc = 0;
out:
    ctx_free(&c);
    return rc;
}

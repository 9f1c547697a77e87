/* SPDX-License-Identifier: MIT */
/* hyphpat.c: picks the hyphenation patterns an edition carries (HYPH).
 *
 * The host hyphenates with libhyphen and the whole of a language's patterns
 * (typeset.c); written out, those soft hyphens cost an edition about 3% of
 * its compressed text. The device can find most of them itself from a few
 * thousand of the same patterns, so the packer keeps the patterns that
 * decide the most words of this edition, drops the soft hyphens they find,
 * keeps those they miss, and marks off (INK_TX_HYPH_OFF) the few words where
 * they would find one too many. How many patterns: as many as make text and
 * table smallest together, measured by compressing the rewritten text.
 * Every rewritten article is then read back with the device's own code
 * (render/ink_hyph.c) and must give exactly the soft hyphens it had. */
#include "hyphpat.h"
#include "par.h"

#include "ink_hyph.h"
#include "ink_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define PAT_LEN 17u             /* letters: the bucket's two and up to 15 more */
#define TABLE (INK_HYPH_HEAD + 2u * (INK_HYPH_BUCKETS + 1u))
#define CHUNK 32768u            /* text per stream when estimating the size */
#ifndef HYPH_SAMPLE_BYTES
#define HYPH_SAMPLE_BYTES (512u * 1024u) /* text a share of patterns is judged on, at least */
#endif

typedef struct pat {
    char l[PAT_LEN + 1];
    uint8_t nl, nv;
    uint8_t v[PAT_LEN + 1];     /* v[j]: the value before letter j */
    double need;                /* weight of the words that need it */
} pat_t;

typedef struct word {
    char w[INK_HYPH_WORD_MAX + 1];
    uint8_t n;
    uint32_t truth;             /* the host's points, first time seen */
    uint32_t weight;            /* articles it occurs in */
    size_t last;                /* the last article counted */
} word_t;

typedef struct match {
    uint32_t pat;
    uint8_t at;                 /* position in ".word." */
} match_t;

typedef struct hp {
    pat_t *pat;
    size_t npat, patcap;
    int32_t *ph;                /* pattern hash: index or -1 */
    size_t phcap;
    word_t *word;
    size_t nword, wordcap;
    int32_t *wh;
    size_t whcap;
    int oom;
} hp_t;

static uint32_t hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static int alpha(char c)
{
    return c == '.' ? 0 : c - 'a' + 1;
}

/* ---- the dictionary ------------------------------------------------------ */

static int32_t pat_find(const hp_t *hp, const char *s, size_t n)
{
    for (size_t i = hash(s, n) & (hp->phcap - 1);; i = (i + 1) & (hp->phcap - 1)) {
        int32_t k = hp->ph[i];
        if (k < 0)
            return -1;
        if (hp->pat[k].nl == n && !memcmp(hp->pat[k].l, s, n))
            return k;
    }
}

/* The patterns of a libhyphen file the device alphabet can hold: '.' and
 * a to z, at most PAT_LEN letters and 15 values. The first line names the
 * character set; keyword lines (LEFTHYPHENMIN, ...) are skipped, and only
 * the first level of a compound dictionary (NEXTLEVEL) is read. */
static int load_dic(hp_t *hp, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512];
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        if (first) {
            first = 0;
            continue;
        }
        size_t n = strcspn(line, "\r\n \t");
        line[n] = '\0';
        if (!n || line[0] == '%' || line[0] == '#')
            continue;
        if (line[0] >= 'A' && line[0] <= 'Z') {
            if (!strcmp(line, "NEXTLEVEL"))
                break;
            continue;
        }
        pat_t q;
        memset(&q, 0, sizeof q);
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++) {
            char c = line[i];
            if (c >= '0' && c <= '9')
                q.v[q.nl] = (uint8_t)(c - '0');
            else if ((c == '.' || (c >= 'a' && c <= 'z')) && q.nl < PAT_LEN)
                q.l[q.nl++] = c;
            else
                ok = 0;
        }
        for (unsigned j = 0; j <= q.nl; j++)
            q.nv += q.v[j] != 0;
        if (!ok || !q.nl || !q.nv || q.nv > 15)
            continue;
        if (hp->npat == hp->patcap) {
            size_t cap = hp->patcap ? 2 * hp->patcap : 4096;
            pat_t *p = realloc(hp->pat, cap * sizeof *p);
            if (!p) {
                hp->oom = 1;
                break;
            }
            hp->pat = p;
            hp->patcap = cap;
        }
        hp->pat[hp->npat++] = q;
    }
    fclose(f);
    if (hp->oom)
        return -1;
    hp->phcap = 1;
    while (hp->phcap < 2 * hp->npat + 2)
        hp->phcap *= 2;
    hp->ph = malloc(hp->phcap * sizeof *hp->ph);
    if (!hp->ph)
        return -1;
    memset(hp->ph, 0xFF, hp->phcap * sizeof *hp->ph);
    for (size_t k = 0; k < hp->npat; k++) {
        if (pat_find(hp, hp->pat[k].l, hp->pat[k].nl) >= 0)
            continue; /* the same letters twice: the first counts */
        size_t i = hash(hp->pat[k].l, hp->pat[k].nl) & (hp->phcap - 1);
        while (hp->ph[i] >= 0)
            i = (i + 1) & (hp->phcap - 1);
        hp->ph[i] = (int32_t)k;
    }
    return 0;
}

/* ---- the section --------------------------------------------------------- */

static int by_letters(const void *a, const void *b)
{
    const pat_t *p = a, *q = b;
    return strcmp(p->l, q->l);
}

/* The bucket of p: its first two letters (one: the bucket of one-letter
 * patterns after its letter). */
static uint32_t bucket_of(const pat_t *p)
{
    return (uint32_t)alpha(p->l[0]) * (INK_HYPH_ALPHA + 1) + (p->nl > 1 ? (uint32_t)alpha(p->l[1]) : INK_HYPH_ALPHA);
}

/* HYPH for the patterns keep[0..k) and the articles bits says (NULL: none). */
static uint8_t *build(const hp_t *hp, const uint32_t *keep, size_t k, unsigned left, unsigned right,
                      const char *lang, size_t narticles, const uint8_t *bits, size_t *len)
{
    pat_t *sel = malloc((k ? k : 1) * sizeof *sel);
    if (!sel)
        return NULL;
    for (size_t i = 0; i < k; i++)
        sel[i] = hp->pat[keep[i]];
    qsort(sel, k, sizeof *sel, by_letters);
    size_t rlen = 0;
    for (size_t i = 0; i < k; i++)
        rlen += 1u + (sel[i].nl > 2 ? sel[i].nl - 2u : 0u) + sel[i].nv;
    size_t nbytes = (narticles + 7) / 8;
    uint8_t *s = rlen <= 0xFFFF ? calloc(1, TABLE + rlen + nbytes) : NULL;
    if (!s) {
        free(sel);
        return NULL;
    }
    s[0] = (uint8_t)left;
    s[1] = (uint8_t)right;
    s[2] = (uint8_t)(k & 0xFF);
    s[3] = (uint8_t)(k >> 8 & 0xFF);
    s[4] = (uint8_t)(rlen & 0xFF);
    s[5] = (uint8_t)(rlen >> 8);
    for (size_t i = 0; i < 8 && lang && lang[i]; i++)
        s[8 + i] = (uint8_t)(lang[i] > 0x20 && lang[i] < 0x7F ? lang[i] : '?');
    /* Records bucket by bucket, each bucket's in the order of their letters. */
    uint8_t *rec = s + TABLE;
    size_t at = 0;
    /* each bucket's patterns, in their sorted order: by[first[b]..first[b + 1]) */
    uint32_t *by = malloc((k ? k : 1) * sizeof *by), first[INK_HYPH_BUCKETS + 1] = { 0 };
    if (!by) {
        free(sel);
        free(s);
        return NULL;
    }
    for (size_t i = 0; i < k; i++)
        first[bucket_of(&sel[i]) + 1]++;
    for (uint32_t b = 0; b < INK_HYPH_BUCKETS; b++)
        first[b + 1] += first[b];
    uint32_t fill[INK_HYPH_BUCKETS] = { 0 };
    for (size_t i = 0; i < k; i++) {
        uint32_t b = bucket_of(&sel[i]);
        by[first[b] + fill[b]++] = (uint32_t)i;
    }
    for (uint32_t b = 0; b < INK_HYPH_BUCKETS; b++) {
        s[INK_HYPH_HEAD + 2 * b] = (uint8_t)(at & 0xFF);
        s[INK_HYPH_HEAD + 2 * b + 1] = (uint8_t)(at >> 8);
        for (size_t q = first[b]; q < first[b + 1]; q++) {
            const pat_t *p = &sel[by[q]];
            unsigned nrest = p->nl > 2 ? p->nl - 2u : 0u;
            rec[at++] = (uint8_t)(nrest << 4 | p->nv);
            for (unsigned j = 2; j < p->nl; j++)
                rec[at++] = (uint8_t)p->l[j];
            for (unsigned j = 0; j <= p->nl; j++)
                if (p->v[j])
                    rec[at++] = (uint8_t)(j << 4 | p->v[j]);
        }
    }
    s[INK_HYPH_HEAD + 2 * INK_HYPH_BUCKETS] = (uint8_t)(at & 0xFF);
    s[INK_HYPH_HEAD + 2 * INK_HYPH_BUCKETS + 1] = (uint8_t)(at >> 8);
    if (bits)
        memcpy(rec + rlen, bits, nbytes);
    free(by);
    free(sel);
    *len = TABLE + rlen + nbytes;
    return s;
}

/* ---- rewriting the text -------------------------------------------------- */

static int body(uint8_t block)
{
    return block >= INK_TX_PARA && block <= INK_TX_LIST;
}

/* The host's points of the run [s, e): bit k when a soft hyphen follows
 * letter k. -1 when the run is not letters with single soft hyphens
 * between them. */
static int64_t truth_of(const uint8_t *t, uint32_t s, uint32_t e)
{
    uint32_t mask = 0;
    unsigned k = 0;
    for (uint32_t i = s; i < e; i++) {
        if (t[i] != INK_TX_SHY) {
            k++;
            continue;
        }
        if (!k || i + 1 >= e || t[i + 1] == INK_TX_SHY || k > INK_HYPH_WORD_MAX)
            return -1;
        mask |= (uint32_t)1 << (k - 1);
    }
    return mask;
}

/* The points of words already seen with one table: the texts say the
 * same few thousand words over and over, and each is read twice (rewritten,
 * then read back). Open addressing; when it is half full, new words are
 * looked up without being kept. */
#define MEMO_SLOTS (1u << 16)
typedef struct memo_slot {
    uint32_t points;
    uint8_t n; /* 0: empty */
    uint8_t w[INK_HYPH_WORD_MAX];
} memo_slot_t;

typedef struct memo {
    memo_slot_t *s; /* MEMO_SLOTS, or NULL: no memo */
    size_t used;
} memo_t;

static void memo_init(memo_t *mo)
{
    mo->s = calloc(MEMO_SLOTS, sizeof *mo->s);
    mo->used = 0;
}

static void memo_free(memo_t *mo)
{
    free(mo->s);
    mo->s = NULL;
}

/* ink_hyph_run, through the memo. */
static void run_memo(const ink_hyph_t *h, memo_t *mo, const uint8_t *text, uint32_t len, uint32_t p,
                     ink_hyph_run_t *r)
{
    uint8_t w[INK_HYPH_RUN_MAX];
    unsigned n;
    if (!ink_hyph_run_letters(h, text, len, p, r, w, &n))
        return;
    if (!mo || !mo->s || !n) {
        ink_hyph_run_points(r, text, ink_hyph_word(h, w, n));
        return;
    }
    uint32_t x = 2166136261u;
    for (unsigned k = 0; k < n; k++)
        x = (x ^ w[k]) * 16777619u;
    size_t i = x & (MEMO_SLOTS - 1);
    for (; mo->s[i].n; i = (i + 1) & (MEMO_SLOTS - 1))
        if (mo->s[i].n == n && !memcmp(mo->s[i].w, w, n)) {
            ink_hyph_run_points(r, text, mo->s[i].points);
            return;
        }
    uint32_t points = ink_hyph_word(h, w, n);
    if (mo->used < MEMO_SLOTS / 2) {
        mo->s[i].n = (uint8_t)n;
        memcpy(mo->s[i].w, w, n);
        mo->s[i].points = points;
        mo->used++;
    }
    ink_hyph_run_points(r, text, points);
}

/* Writes in[0..len) as the device is to read it with h into out (at least
 * 2 * len bytes); returns its length. */
static size_t rewrite(const ink_hyph_t *h, memo_t *mo, const uint8_t *in, size_t len, uint8_t *out)
{
    size_t o = 0;
    uint8_t block = 0;
    for (uint32_t i = 0; i < len;) {
        uint8_t c = in[i];
        if (INK_TX_IS_BLOCK(c))
            block = c;
        if (!body(block) || !ink_hyph_in_run(c)) {
            out[o++] = c;
            i++;
            continue;
        }
        ink_hyph_run_t r;
        run_memo(h, mo, in, (uint32_t)len, i, &r);
        int64_t truth = r.applies ? truth_of(in, r.start, r.end) : -1;
        if (!r.applies) {
            memcpy(out + o, in + r.start, r.end - r.start);
            o += r.end - r.start;
        } else if (truth < 0 || (r.points & ~(uint32_t)truth)) {
            out[o++] = INK_TX_HYPH_OFF; /* the patterns would break it wrongly */
            memcpy(out + o, in + r.start, r.end - r.start);
            o += r.end - r.start;
        } else {
            unsigned k = 0;
            for (uint32_t j = r.start; j < r.end; j++) {
                if (in[j] == INK_TX_SHY) {
                    if (!(r.points >> (k - 1) & 1))
                        out[o++] = INK_TX_SHY;
                    continue;
                }
                out[o++] = in[j];
                k++;
            }
        }
        i = r.end;
    }
    return o;
}

/* What the device makes of in[0..len) with h, soft hyphens written out:
 * the text before rewrite(). Returns its length (out: 2 * len bytes). */
static size_t read_back(const ink_hyph_t *h, memo_t *mo, const uint8_t *in, size_t len, uint8_t *out)
{
    size_t o = 0;
    uint8_t block = 0;
    for (uint32_t i = 0; i < len;) {
        uint8_t c = in[i];
        if (INK_TX_IS_BLOCK(c))
            block = c;
        if (body(block) && c == INK_TX_HYPH_OFF) {
            i++;
            continue;
        }
        if (!body(block) || !ink_hyph_in_run(c)) {
            out[o++] = c;
            i++;
            continue;
        }
        ink_hyph_run_t r;
        run_memo(h, mo, in, (uint32_t)len, i, &r);
        for (uint32_t j = r.start; j < r.end; j++) {
            if (j - r.start < INK_HYPH_RUN_MAX && (r.breaks >> (j - r.start) & 1))
                out[o++] = INK_TX_SHY;
            out[o++] = in[j];
        }
        i = r.end;
    }
    return o;
}

/* Bytes the eligible texts take rewritten with h and deflated in streams of
 * CHUNK bytes (zlib level 1: a fair guess at the real packer's ranking; on
 * the BBC corpus levels 1 and 6 rank the shares alike, with the same
 * margins between them, and 1 is several times faster). */
static size_t estimate(const ink_hyph_t *h, uint8_t *const *texts, const size_t *lens, const uint8_t *eligible,
                       size_t n, uint8_t *scratch)
{
    memo_t mo;
    memo_init(&mo);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        memo_free(&mo);
        return (size_t)-1;
    }
    uint8_t sink[16384];
    size_t total = 0, fill = 0;
    for (size_t m = 0; m <= n; m++) {
        size_t l = 0;
        if (m < n && eligible[m])
            l = h ? rewrite(h, &mo, texts[m], lens[m], scratch + fill) : (memcpy(scratch + fill, texts[m], lens[m]), lens[m]);
        fill += l;
        if (fill < CHUNK && m < n)
            continue;
        z.next_in = scratch;
        z.avail_in = (uInt)fill;
        int zr;
        do {
            z.next_out = sink;
            z.avail_out = sizeof sink;
            zr = deflate(&z, Z_FINISH);
            total += sizeof sink - z.avail_out;
        } while (zr == Z_OK);
        deflateReset(&z);
        fill = 0;
    }
    deflateEnd(&z);
    memo_free(&mo);
    return total;
}

/* ---- choosing ------------------------------------------------------------ */

static int32_t word_find(hp_t *hp, const char *w, size_t n, int add)
{
    if (hp->nword * 2 + 2 > hp->whcap) {
        size_t cap = hp->whcap ? 2 * hp->whcap : 4096;
        int32_t *t = malloc(cap * sizeof *t);
        if (!t) {
            hp->oom = 1;
            return -1;
        }
        memset(t, 0xFF, cap * sizeof *t);
        for (size_t k = 0; k < hp->nword; k++) {
            size_t i = hash(hp->word[k].w, hp->word[k].n) & (cap - 1);
            while (t[i] >= 0)
                i = (i + 1) & (cap - 1);
            t[i] = (int32_t)k;
        }
        free(hp->wh);
        hp->wh = t;
        hp->whcap = cap;
    }
    size_t i = hash(w, n) & (hp->whcap - 1);
    for (; hp->wh[i] >= 0; i = (i + 1) & (hp->whcap - 1))
        if (hp->word[hp->wh[i]].n == n && !memcmp(hp->word[hp->wh[i]].w, w, n))
            return hp->wh[i];
    if (!add)
        return -1;
    if (hp->nword == hp->wordcap) {
        size_t cap = hp->wordcap ? 2 * hp->wordcap : 4096;
        word_t *p = realloc(hp->word, cap * sizeof *p);
        if (!p) {
            hp->oom = 1;
            return -1;
        }
        hp->word = p;
        hp->wordcap = cap;
    }
    word_t *wd = &hp->word[hp->nword];
    memset(wd, 0, sizeof *wd);
    memcpy(wd->w, w, n);
    wd->n = (uint8_t)n;
    wd->last = (size_t)-1;
    hp->wh[i] = (int32_t)hp->nword;
    return (int32_t)hp->nword++;
}

/* The words of one article the patterns may hyphenate, in text order:
 * records of a length byte, the host's points (4 bytes, little-endian)
 * and the letters, folded (words_of, on every thread). */
typedef struct words {
    const ink_hyph_t *h;
    uint8_t *const *texts;
    const size_t *lens;
    const uint8_t *eligible;
    uint8_t **rec;   /* rec[m]: article m's records (malloc'd), or NULL */
    size_t *rec_len; /* their bytes */
    size_t *nshy, *noff; /* article m's soft hyphens and marked-off words (INK_TX_HYPH_OFF) */
    int oom;
} words_t;

static void words_of(void *ctx, size_t m, size_t thread)
{
    words_t *ws = ctx;
    (void)thread;
    if (!ws->eligible[m])
        return;
    const ink_hyph_t *h = ws->h;
    const uint8_t *t = ws->texts[m];
    size_t len = ws->lens[m], n = 0, cap = 0;
    for (size_t i = 0; i < len; i++) {
        ws->nshy[m] += t[i] == INK_TX_SHY;
        ws->noff[m] += t[i] == INK_TX_HYPH_OFF;
    }
    uint8_t *rec = NULL;
    uint8_t block = 0;
    for (uint32_t i = 0; i < len;) {
        if (INK_TX_IS_BLOCK(t[i]))
            block = t[i];
        if (!body(block) || !ink_hyph_in_run(t[i])) {
            i++;
            continue;
        }
        ink_hyph_run_t r;
        ink_hyph_run(h, t, (uint32_t)len, i, &r);
        int64_t truth = r.applies ? truth_of(t, r.start, r.end) : -1;
        if (truth >= 0) {
            uint8_t w[5 + INK_HYPH_RUN_MAX];
            size_t k = 0;
            for (uint32_t j = r.start; j < r.end; j++)
                if (t[j] != INK_TX_SHY)
                    w[5 + k++] = (uint8_t)(t[j] | 0x20);
            if (k >= (size_t)h->left + h->right) {
                w[0] = (uint8_t)k;
                for (int b = 0; b < 4; b++)
                    w[1 + b] = (uint8_t)((uint64_t)truth >> (8 * b));
                if (n + 5 + k > cap) {
                    size_t nc = cap ? 2 * cap : 4096;
                    while (nc < n + 5 + k)
                        nc *= 2;
                    uint8_t *p = realloc(rec, nc);
                    if (!p) {
                        free(rec);
                        ws->oom = 1;
                        return;
                    }
                    rec = p;
                    cap = nc;
                }
                memcpy(rec + n, w, 5 + k);
                n += 5 + k;
            }
        }
        i = r.end;
    }
    ws->rec[m] = rec;
    ws->rec_len[m] = n;
}

/* The words the patterns may hyphenate (rule: h, a table without patterns),
 * each with the host's points (the first seen) and the number of articles
 * it is in: found on every thread, then counted in article order. */
static void collect(hp_t *hp, const ink_hyph_t *h, uint8_t *const *texts, const size_t *lens,
                    const uint8_t *eligible, size_t n, int threads, size_t *nshy, size_t *noff)
{
    words_t ws = { h, texts, lens, eligible, calloc(n ? n : 1, sizeof(uint8_t *)), calloc(n ? n : 1, sizeof(size_t)),
                   nshy, noff, 0 };
    if (!ws.rec || !ws.rec_len) {
        hp->oom = 1;
    } else {
        par_for(par_threads(threads), n, words_of, &ws);
        hp->oom |= ws.oom;
    }
    for (size_t m = 0; m < n && !hp->oom; m++) {
        const uint8_t *rec = ws.rec[m];
        for (size_t at = 0; at < ws.rec_len[m] && !hp->oom;) {
            size_t k = rec[at];
            uint32_t truth = (uint32_t)rec[at + 1] | (uint32_t)rec[at + 2] << 8 | (uint32_t)rec[at + 3] << 16 |
                             (uint32_t)rec[at + 4] << 24;
            int32_t id = word_find(hp, (const char *)rec + at + 5, k, 1);
            if (id >= 0 && hp->word[id].last != m) {
                if (hp->word[id].last == (size_t)-1)
                    hp->word[id].truth = truth;
                hp->word[id].last = m;
                hp->word[id].weight++;
            }
            at += 5 + k;
        }
    }
    for (size_t m = 0; ws.rec && m < n; m++)
        free(ws.rec[m]);
    free(ws.rec);
    free(ws.rec_len);
}

/* Points of w from its matches ms[0..nm), leaving out pattern skip. */
static uint32_t eval(const hp_t *hp, const word_t *w, const match_t *ms, size_t nm, int64_t skip, unsigned left,
                     unsigned right)
{
    uint8_t vals[INK_HYPH_WORD_MAX + 3];
    memset(vals, 0, sizeof vals);
    for (size_t i = 0; i < nm; i++) {
        if ((int64_t)ms[i].pat == skip)
            continue;
        const pat_t *p = &hp->pat[ms[i].pat];
        for (unsigned j = 0; j <= p->nl; j++)
            if (p->v[j] > vals[ms[i].at + j])
                vals[ms[i].at + j] = p->v[j];
    }
    uint32_t points = 0;
    for (unsigned k = left - 1; k + right < w->n; k++)
        if (vals[k + 2] & 1)
            points |= (uint32_t)1 << k;
    return points;
}

/* Adds w's weight to need[p] of every pattern p whose leaving out changes
 * w's points (when all of them give the host's). */
static void score_word(const hp_t *hp, const word_t *w, unsigned left, unsigned right, double *need)
{
    match_t ms[1024];
    char d[INK_HYPH_WORD_MAX + 2];
    size_t m = (size_t)w->n + 2, nm = 0;
    d[0] = d[m - 1] = '.';
    memcpy(d + 1, w->w, w->n);
    for (size_t i = 0; i < m; i++)
        for (size_t j = i + 1; j <= m && j - i <= PAT_LEN && nm < 1024; j++) {
            int32_t p = pat_find(hp, d + i, j - i);
            if (p >= 0)
                ms[nm++] = (match_t){ (uint32_t)p, (uint8_t)i };
        }
    uint32_t all = eval(hp, w, ms, nm, -1, left, right);
    if (all != w->truth)
        return; /* the patterns alone do not give the host's points */
    for (size_t i = 0; i < nm; i++) {
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            dup |= ms[j].pat == ms[i].pat;
        if (!dup && eval(hp, w, ms, nm, ms[i].pat, left, right) != all)
            need[ms[i].pat] += w->weight;
    }
}

/* The words in parts, scored on every thread, each thread's needs apart
 * (sums of whole numbers: the same in any order). */
#define SCORE_PARTS 64u
typedef struct scoring {
    const hp_t *hp;
    unsigned left, right;
    double *need; /* thread t's: need[t * hp->npat ...] */
} scoring_t;

static void score_part(void *ctx, size_t part, size_t t)
{
    scoring_t *sc = ctx;
    const hp_t *hp = sc->hp;
    for (size_t k = hp->nword * part / SCORE_PARTS; k < hp->nword * (part + 1) / SCORE_PARTS; k++)
        score_word(hp, &hp->word[k], sc->left, sc->right, sc->need + t * hp->npat);
}

/* need of every pattern: the weight of the words whose points (right with
 * all patterns) change without it. Returns -1 when out of memory. */
static int score(hp_t *hp, unsigned left, unsigned right, int threads)
{
    size_t nt = par_threads(threads);
    scoring_t sc = { hp, left, right, calloc(nt * hp->npat + 1, sizeof(double)) };
    if (!sc.need)
        return -1;
    par_for(nt, SCORE_PARTS, score_part, &sc);
    for (size_t t = 0; t < nt; t++)
        for (size_t p = 0; p < hp->npat; p++)
            hp->pat[p].need += sc.need[t * hp->npat + p];
    free(sc.need);
    return 0;
}

static const hp_t *rank_hp;
static int by_need(const void *a, const void *b)
{
    const pat_t *p = &rank_hp->pat[*(const uint32_t *)a], *q = &rank_hp->pat[*(const uint32_t *)b];
    if (p->need != q->need)
        return p->need < q->need ? 1 : -1;
    return strcmp(p->l, q->l);
}

/* The shares of patterns tried, each judged apart (par_for): share i keeps
 * the k[i] most needed patterns (k[0] = 0: none) and costs cost[i] bytes
 * of the sample deflated (SIZE_MAX when it cannot be built) and blen[i]
 * of table. */
typedef struct shares {
    const hp_t *hp;
    const uint32_t *rank;
    unsigned left, right;
    const char *lang;
    size_t n;
    const uint8_t *bits;
    uint8_t *const *texts;
    const size_t *lens;
    const uint8_t *samp;
    size_t scratch;
    size_t k[8], cost[8], blen[8];
} shares_t;

static void share_cost(void *ctx, size_t i, size_t t)
{
    shares_t *sh = ctx;
    (void)t;
    sh->cost[i] = SIZE_MAX;
    sh->blen[i] = 0;
    uint8_t *scratch = malloc(sh->scratch);
    if (!scratch)
        return;
    if (!sh->k[i]) {
        sh->cost[i] = estimate(NULL, sh->texts, sh->lens, sh->samp, sh->n, scratch);
    } else {
        size_t blen;
        uint8_t *tab = build(sh->hp, sh->rank, sh->k[i], sh->left, sh->right, sh->lang, sh->n, sh->bits, &blen);
        ink_hyph_t h;
        if (tab && !ink_hyph_bind(&h, tab, blen, (uint32_t)sh->n)) { /* records past 64 KiB: no more patterns */
            sh->cost[i] = estimate(&h, sh->texts, sh->lens, sh->samp, sh->n, scratch);
            sh->blen[i] = blen;
        }
        free(tab);
    }
    free(scratch);
}

/* Every eligible article rewritten with the patterns chosen (par_for):
 * nt[m] (malloc'd, nl[m] bytes) when the device's reading gives back
 * exactly the text; else refused[m] is 1 (or 2: out of memory). */
typedef struct rewrites {
    const ink_hyph_t *h;
    uint8_t *const *texts;
    const size_t *lens;
    const uint8_t *eligible;
    uint8_t **nt;
    size_t *nl;
    size_t *nshy, *noff; /* for nt[m], when it is kept */
    uint8_t *refused;
    memo_t memo[PAR_MAX_THREADS]; /* a thread's */
} rewrites_t;

static void rewrite_one(void *ctx, size_t m, size_t t)
{
    rewrites_t *rw = ctx;
    if (!rw->eligible[m])
        return;
    size_t len = rw->lens[m];
    uint8_t *out = malloc(2 * len + 1), *back = malloc(4 * len + 1); /* a wrong read-back may double it */
    if (!out || !back) {
        rw->refused[m] = 2;
        free(out);
        free(back);
        return;
    }
    size_t l = rewrite(rw->h, &rw->memo[t], rw->texts[m], len, out);
    size_t b = read_back(rw->h, &rw->memo[t], out, l, back);
    int same = b == len && !memcmp(back, rw->texts[m], b);
    free(back);
    if (!same) {
        rw->refused[m] = 1;
        free(out);
        return;
    }
    uint8_t *fit = realloc(out, l + 1);
    if (fit)
        out = fit;
    out[l] = '\0';
    rw->nt[m] = out;
    rw->nl[m] = l;
    rw->nshy[m] = rw->noff[m] = 0;
    for (size_t i = 0; i < l; i++) {
        rw->nshy[m] += out[i] == INK_TX_SHY;
        rw->noff[m] += out[i] == INK_TX_HYPH_OFF;
    }
}

int hyphpat_pack(const char *dic_path, const char *lang, unsigned left, unsigned right, int always, uint8_t **texts,
                 size_t *lens, const uint8_t *eligible, size_t n, int threads, uint8_t **sec, size_t *sec_len,
                 hyphpat_stats_t *st)
{
    int rc = -1;
    hp_t hp;
    memset(&hp, 0, sizeof hp);
    hyphpat_stats_t s;
    memset(&s, 0, sizeof s);
    *sec = NULL;
    *sec_len = 0;
    uint32_t *rank = NULL;
    uint8_t *best = NULL, *bits = NULL, *samp = NULL;
    size_t *nshy = NULL, *noff = NULL;
    size_t maxlen = 0, total = 0, nelig = 0;
    for (size_t m = 0; m < n; m++)
        if (eligible[m]) {
            nelig++;
            total += lens[m];
            maxlen = lens[m] > maxlen ? lens[m] : maxlen;
        }
    if (!nelig || left < 1 || right < 1 || left + right > INK_HYPH_WORD_MAX) {
        rc = 0;
        goto out;
    }
    if (load_dic(&hp, dic_path)) {
        rc = hp.oom ? -1 : 0; /* no patterns to use: nothing to do */
        goto out;
    }
    s.dic_patterns = hp.npat;
    /* The rule alone: a table without patterns. */
    size_t elen;
    uint8_t *empty = build(&hp, NULL, 0, left, right, lang, n, NULL, &elen);
    ink_hyph_t rule;
    if (!empty)
        goto out;
    int bad = ink_hyph_bind(&rule, empty, elen, (uint32_t)n);
    nshy = calloc(n, sizeof *nshy);
    noff = calloc(n, sizeof *noff);
    bad |= !nshy || !noff;
    if (!bad)
        collect(&hp, &rule, texts, lens, eligible, n, threads, nshy, noff);
    free(empty);
    if (bad || hp.oom)
        goto out;
    if (score(&hp, left, right, threads))
        goto out;
    rank = malloc((hp.npat ? hp.npat : 1) * sizeof *rank);
    bits = calloc(1, (n + 7) / 8 + 1);
    if (!rank || !bits)
        goto out;
    size_t kmax = 0;
    for (size_t k = 0; k < hp.npat; k++)
        if (hp.pat[k].need > 0)
            rank[kmax++] = (uint32_t)k;
    rank_hp = &hp;
    qsort(rank, kmax, sizeof *rank, by_need);
    /* Try shares of the useful patterns; keep what is smallest in all.
     * Each share is judged on an even sample of the articles (every s-th
     * eligible one, about HYPH_SAMPLE_BYTES of text), its size scaled up
     * to the whole, rather than on every text rewritten and deflated. */
    size_t every = total / HYPH_SAMPLE_BYTES + 1, sampled = 0, seen = 0;
    samp = calloc(n ? n : 1, 1);
    if (!samp)
        goto out;
    for (size_t m = 0; m < n; m++)
        if (eligible[m] && seen++ % every == 0) {
            samp[m] = 1;
            sampled += lens[m];
        }
    static const unsigned share[] = { 2, 4, 8, 12, 16, 24, 32 }; /* 32nds */
    shares_t sh = { &hp, rank, left, right, lang, n, bits, texts, lens, samp, 2 * (sampled + CHUNK) + 1,
                    { 0 }, { 0 }, { 0 } };
    size_t nsh = 1; /* share 0: no patterns */
    for (size_t i = 0; i < sizeof share / sizeof *share; i++) {
        size_t k = kmax * share[i] / 32;
        if (k && (!i || k != kmax * share[i - 1] / 32))
            sh.k[nsh++] = k;
    }
    par_for(par_threads(threads), nsh, share_cost, &sh);
    size_t best_cost = SIZE_MAX, best_k = 0;
    for (size_t i = 0; i < nsh; i++) {
        size_t cost = sh.cost[i] == SIZE_MAX ? SIZE_MAX : (size_t)((uint64_t)sh.cost[i] * total / (sampled ? sampled : 1)) + sh.blen[i];
        if (i == 0 && cost == SIZE_MAX)
            goto out; /* out of memory */
        if (cost < best_cost) {
            best_cost = cost;
            best_k = sh.k[i];
        }
    }
    if (always && !best_k)
        best_k = kmax; /* all the useful ones: the device then does most */
    for (size_t m = 0; m < n; m++)
        s.shy_before += nshy[m];
    if (!best_k) {
        rc = 0;
        goto out;
    }
    /* Rewrite every eligible article; keep it only when the device's
     * reading gives back exactly what it was. */
    size_t blen;
    best = build(&hp, rank, best_k, left, right, lang, n, NULL, &blen);
    ink_hyph_t h;
    if (!best || ink_hyph_bind(&h, best, blen, (uint32_t)n))
        goto out;
    uint8_t **nt = calloc(n, sizeof *nt);
    size_t *nl = calloc(n, sizeof *nl);
    if (!nt || !nl) {
        free(nt);
        free(nl);
        goto out;
    }
    int oom = 0;
    uint8_t *refused = calloc(n ? n : 1, 1);
    if (!refused) {
        free(nt);
        free(nl);
        goto out;
    }
    rewrites_t rw = { &h, texts, lens, eligible, nt, nl, nshy, noff, refused, { { NULL, 0 } } };
    for (size_t t = 0; t < par_threads(threads); t++)
        memo_init(&rw.memo[t]); /* none when out of memory: the points are found each time */
    par_for(par_threads(threads), n, rewrite_one, &rw);
    for (size_t t = 0; t < par_threads(threads); t++)
        memo_free(&rw.memo[t]);
    for (size_t m = 0; m < n; m++) {
        if (!eligible[m])
            continue;
        if (refused[m] == 2)
            oom = 1;
        else if (refused[m])
            s.refused++;
        else
            bits[m / 8] |= (uint8_t)(1u << (m % 8));
    }
    free(refused);
    if (!oom) {
        free(best);
        best = build(&hp, rank, best_k, left, right, lang, n, bits, &blen);
        oom = !best;
    }
    if (oom) {
        for (size_t m = 0; m < n; m++)
            free(nt[m]);
        free(nt);
        free(nl);
        goto out;
    }
    for (size_t m = 0; m < n; m++)
        if (nt[m]) {
            free(texts[m]);
            texts[m] = nt[m];
            lens[m] = nl[m];
            s.articles++;
        }
    free(nt);
    free(nl);
    s.patterns = best_k;
    for (size_t m = 0; m < n; m++) { /* the texts rewritten, and those refused as they were */
        s.shy_after += nshy[m];
        s.marked += noff[m];
    }
    *sec = best;
    *sec_len = blen;
    best = NULL;
    rc = 0;
out:
    if (st)
        *st = s;
    free(best);
    free(bits);
    free(samp);
    free(rank);
    free(nshy);
    free(noff);
    free(hp.pat);
    free(hp.ph);
    free(hp.word);
    free(hp.wh);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* dict.c: a cover-style dictionary builder for preset deflate dictionaries.
 *
 * The text's 8-byte strings are counted bucket by bucket (a bucket: the
 * strings whose hash starts alike, a few thousand positions), so that each
 * bucket's table stays in the cache; one table of all of them (64 MB on the
 * BBC corpus) missed the cache at nearly every position, once counting and
 * once choosing. Counted, each position points to its string's first
 * position, which holds the string's count: choosing the segments then
 * reads the positions in text order, and a string seen for the first time
 * (a third of them) has its count right there. */
#include "dict.h"
#include "par.h"

#include <stdlib.h>
#include <string.h>

#define DMER 8u              /* strings this long are what the dictionary should cover */
#define SEG 64u              /* segment length; measured best of 32..256 on the BBC text */
#define BUCKET_STRINGS 4096u /* positions a bucket gets, about: its table stays in the cache */
#define AHEAD 16u            /* positions whose data is fetched ahead */

/* at[p], once counted: the first position of p's string, or, at that first
 * position, REC and the string's count: in how many samples it occurs (0
 * once a chosen segment covers it; FREQ bits) and how often it is in the
 * current window (WIN bits). */
#define REC 0x80000000u
#define FREQ 0x01FFFFFFu
#define WIN_SHIFT 25
#define WIN (0x3Fu << WIN_SHIFT)
_Static_assert(SEG - DMER + 1 < 64, "a window's strings are counted in 6 bits");
_Static_assert(2u * 0xFFFFFFu <= FREQ, "a string's samples (texts and titles of an edition) fit its count");

/* A bucket's table slot while it is counted. */
typedef struct slot {
    uint64_t key;
    uint32_t first; /* first position + 1 (0: empty slot) */
    uint32_t last;  /* last sample counted, + 1 */
    uint32_t freq;  /* samples it occurs in */
} slot_t;

static uint64_t key_at(const uint8_t *p)
{
    uint64_t k;
    memcpy(&k, p, sizeof k);
    return k;
}

static uint64_t hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

/* Worth of a string to the dictionary: only strings in two or more samples
 * help more than one stream. */
static uint32_t worth(uint32_t rec)
{
    uint32_t f = rec & FREQ;
    return f >= 2 ? f - 1 : 0;
}

typedef struct seg {
    size_t at;
    uint64_t score;
} seg_t;

static int by_score(const void *a, const void *b)
{
    const seg_t *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

typedef struct build {
    const uint8_t *all;
    size_t n, npos;  /* samples; positions a whole string starts at (npos + DMER - 1 bytes) */
    unsigned shift;  /* a string's bucket: its hash >> shift */
    size_t nbuckets, nchunks;
    size_t *start;   /* sample i: all[start[i] .. start[i + 1]) */
    size_t chunk[PAR_MAX_THREADS + 1]; /* chunk c: samples chunk[c] to chunk[c + 1] - 1 */
    size_t *hist;    /* hist[c * nbuckets + k]: chunk c's positions in bucket k, then where they go */
    size_t *bstart;  /* bucket k's positions: pos[bstart[k] .. bstart[k + 1]) */
    uint32_t *pos;   /* positions bucket by bucket, in text order in each */
    uint32_t *at;    /* npos: see REC */
    slot_t *tab[PAR_MAX_THREADS];
    size_t tabcap[PAR_MAX_THREADS];
    int err[PAR_MAX_THREADS];
} build_t;

/* Chunk c's positions (the strings that start in its samples, some of
 * which run on into the next). Without to, how many fall in each bucket
 * (hist); with it, they go to their buckets. */
static void chunk_walk(build_t *b, size_t c, uint32_t *to)
{
    size_t *h = b->hist + c * b->nbuckets;
    size_t lo = b->start[b->chunk[c]], hi = b->start[b->chunk[c + 1]];
    if (hi > b->npos)
        hi = b->npos;
    for (size_t p = lo; p < hi; p++) {
        size_t k = (size_t)(hash(key_at(b->all + p)) >> b->shift);
        if (to)
            to[h[k]++] = (uint32_t)p;
        else
            h[k]++;
    }
}

static void histogram(void *ctx, size_t c, size_t thread)
{
    (void)thread;
    chunk_walk(ctx, c, NULL);
}

static void scatter(void *ctx, size_t c, size_t thread)
{
    build_t *b = ctx;
    (void)thread;
    chunk_walk(b, c, b->pos);
}

/* Bucket k's strings: each counted once per sample it occurs in (one that
 * runs from one sample into the next is not counted there), each position
 * pointed to its string's first, which gets the count. */
static void count_bucket(void *ctx, size_t k, size_t thread)
{
    build_t *b = ctx;
    size_t lo = b->bstart[k], hi = b->bstart[k + 1], cap = 64;
    while (cap * 7 < (hi - lo) * 10) /* room for every position's own string, at most 70% full */
        cap *= 2;
    if (cap > b->tabcap[thread]) {
        free(b->tab[thread]);
        b->tabcap[thread] = 0;
        if (!(b->tab[thread] = malloc(cap * sizeof(slot_t)))) {
            b->err[thread] = 1;
            return;
        }
        b->tabcap[thread] = cap;
    }
    slot_t *t = b->tab[thread];
    memset(t, 0, cap * sizeof *t);
    const uint32_t *pos = b->pos;
    size_t i = 0; /* the sample of the position at hand: positions only grow */
    for (size_t e = lo; e < hi; e++) {
        if (e + AHEAD < hi) {
            __builtin_prefetch(b->all + pos[e + AHEAD]);
            __builtin_prefetch(&b->at[pos[e + AHEAD]], 1);
        }
        size_t p = pos[e];
        uint64_t key = key_at(b->all + p);
        size_t j = (size_t)hash(key) & (cap - 1);
        while (t[j].first && t[j].key != key)
            j = (j + 1) & (cap - 1);
        slot_t *s = &t[j];
        if (!s->first) {
            s->key = key;
            s->first = (uint32_t)p + 1;
        }
        while (b->start[i + 1] <= p)
            i++;
        if (p + DMER <= b->start[i + 1] && s->last != i + 1) {
            s->last = (uint32_t)i + 1;
            s->freq++;
        }
        b->at[p] = s->first - 1;
    }
    for (size_t j = 0; j < cap; j++)
        if (t[j].first)
            b->at[t[j].first - 1] = REC | t[j].freq;
}

size_t dict_build(const uint8_t *const *samples, const size_t *lens, size_t n, size_t cap, uint8_t **out)
{
    return dict_build_threads(samples, lens, n, cap, 1, out);
}

size_t dict_build_threads(const uint8_t *const *samples, const size_t *lens, size_t n, size_t cap, int threads,
                          uint8_t **out)
{
    *out = NULL;
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += lens[i];
    if (total < 4 * cap || cap < SEG)
        return 0; /* a dictionary as big as a quarter of the text does not pay */
    if (total >= REC)
        return 0; /* positions are kept in 31 bits: 2 GiB of text */
    size_t nt = par_threads(threads);
    build_t b;
    memset(&b, 0, sizeof b);
    b.n = n;
    b.npos = total - DMER + 1;
    size_t nseg = cap / SEG, got = 0, len = 0;
    uint8_t *all = NULL;
    seg_t *segs = calloc(nseg, sizeof *segs);
    /* Buckets: a power of two of them, about BUCKET_STRINGS positions each. */
    unsigned bits = 1;
    while (bits < 24 && ((size_t)1 << bits) * BUCKET_STRINGS < b.npos)
        bits++;
    b.nbuckets = (size_t)1 << bits;
    b.shift = 64 - bits;
    b.start = malloc((n + 1) * sizeof *b.start);
    b.all = all = malloc(total);
    b.hist = calloc(nt * b.nbuckets, sizeof *b.hist);
    b.bstart = malloc((b.nbuckets + 1) * sizeof *b.bstart);
    b.pos = malloc(b.npos * sizeof *b.pos);
    b.at = malloc(b.npos * sizeof *b.at);
    if (!segs || !b.start || !all || !b.hist || !b.bstart || !b.pos || !b.at)
        goto out;
    b.start[0] = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(all + b.start[i], samples[i], lens[i]);
        b.start[i + 1] = b.start[i] + lens[i];
    }
    /* Chunks: runs of whole samples about as long as each other, one a
     * thread. */
    b.chunk[0] = 0;
    for (size_t i = 0; i < n; i++)
        if (b.start[i + 1] >= total * (b.nchunks + 1) / nt && b.nchunks + 1 < nt)
            b.chunk[++b.nchunks] = i + 1;
    b.chunk[++b.nchunks] = n;
    /* The positions into buckets (chunk by chunk in each: text order)... */
    par_for(nt, b.nchunks, histogram, &b);
    size_t to = 0;
    for (size_t k = 0; k < b.nbuckets; k++) {
        b.bstart[k] = to;
        for (size_t c = 0; c < b.nchunks; c++) {
            size_t h = b.hist[c * b.nbuckets + k];
            b.hist[c * b.nbuckets + k] = to;
            to += h;
        }
    }
    b.bstart[b.nbuckets] = to;
    par_for(nt, b.nchunks, scatter, &b);
    /* ...and each bucket counted apart. */
    par_for(nt, b.nbuckets, count_bucket, &b);
    for (size_t t = 0; t < nt; t++)
        if (b.err[t])
            goto out;
    free(b.pos);
    b.pos = NULL;
    /* One segment from each stretch ("epoch") of the text. */
    uint32_t *at = b.at;
#define REC_OF(p) (at[p] & REC ? &at[p] : &at[at[p]])
    size_t epoch = total / nseg;
    for (size_t e = 0; e < nseg && epoch >= SEG; e++) {
        size_t lo = e * epoch, hi = lo + epoch;
        uint64_t score = 0, best = 0;
        size_t best_at = lo;
        for (size_t p = lo; p + DMER <= hi; p++) {
            if (p + AHEAD + DMER <= hi && !(at[p + AHEAD] & REC))
                __builtin_prefetch(&at[at[p + AHEAD]], 1);
            uint32_t *s = REC_OF(p);
            if ((*s & WIN) == 0)
                score += worth(*s);
            *s += 1u << WIN_SHIFT;
            if (p >= lo + SEG - DMER + 1) { /* the window holds SEG - DMER + 1 strings */
                uint32_t *o = REC_OF(p - (SEG - DMER + 1));
                *o -= 1u << WIN_SHIFT;
                if ((*o & WIN) == 0)
                    score -= worth(*o);
            }
            if (p + 1 >= lo + SEG - DMER + 1 && score > best) {
                best = score;
                best_at = p + 1 - (SEG - DMER + 1);
            }
        }
        /* the window's counts back to 0: those of the last window, the
         * others left as they came in */
        for (size_t p = hi - lo >= SEG ? hi - SEG : lo; p + DMER <= hi; p++)
            *REC_OF(p) &= ~WIN;
        if (!best)
            continue;
        for (size_t p = best_at; p + DMER <= best_at + SEG; p++)
            *REC_OF(p) &= ~FREQ; /* covered now */
        segs[got].at = best_at;
        segs[got].score = best;
        got++;
    }
#undef REC_OF
    /* Least valuable first: deflate reaches the end of the window cheapest. */
    qsort(segs, got, sizeof *segs, by_score);
    len = got * SEG;
    *out = malloc(len ? len : 1);
    if (!*out) {
        len = 0;
        goto out;
    }
    for (size_t i = 0; i < got; i++)
        memcpy(*out + i * SEG, all + segs[i].at, SEG);
out:
    if (!len) {
        free(*out);
        *out = NULL;
    }
    free(all);
    free(b.start);
    free(b.hist);
    free(b.bstart);
    free(b.pos);
    free(b.at);
    for (size_t t = 0; t < nt; t++)
        free(b.tab[t]);
    free(segs);
    return len;
}

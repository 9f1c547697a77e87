/* SPDX-License-Identifier: MIT */
/* dict.c: a cover-style dictionary builder for preset deflate dictionaries. */
#include "dict.h"
#include "par.h"

#include <stdlib.h>
#include <string.h>

#define DMER 8u    /* strings this long are what the dictionary should cover */
#define SEG 64u    /* segment length; measured best of 32..256 on the BBC text */

typedef struct slot {
    uint64_t key;
    uint32_t last;       /* last sample counted, + 1 (0 = empty slot) */
    uint32_t freq : 26;  /* samples it occurs in; 0 once a chosen segment covers it */
    uint32_t in_win : 6; /* occurrences in the current window (SEG - DMER + 1 at most) */
} slot_t;
_Static_assert(SEG - DMER + 1 < 64, "in_win counts a window's strings in 6 bits");

typedef struct table {
    slot_t *s;
    size_t mask, used;
} table_t;

static uint64_t key_at(const uint8_t *p)
{
    uint64_t k;
    memcpy(&k, p, sizeof k);
    return k;
}

static size_t hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return (size_t)k;
}

/* The strings are counted in parts, one a thread: a string belongs to the
 * part its hash's top bits name (the table index takes the low ones). */
static size_t part_of(size_t h, size_t nparts)
{
    return (size_t)((uint64_t)h >> 56) % nparts;
}

/* The slot of key k (hash h) in t. */
static slot_t *find_h(table_t *t, uint64_t k, size_t h)
{
    size_t i = h & t->mask;
    while (t->s[i].last && t->s[i].key != k)
        i = (i + 1) & t->mask;
    return &t->s[i];
}

static slot_t *find(table_t *t, uint64_t k)
{
    return find_h(t, k, hash(k));
}

static int grow(table_t *t)
{
    size_t n = (t->mask + 1) * 2;
    slot_t *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    table_t nt = { s, n - 1, t->used };
    for (size_t i = 0; i <= t->mask; i++)
        if (t->s[i].last)
            *find(&nt, t->s[i].key) = t->s[i];
    free(t->s);
    *t = nt;
    return 0;
}

/* Worth of a string to the dictionary: only strings in two or more samples
 * help more than one stream. */
static uint32_t worth(const slot_t *s)
{
    return s->freq >= 2 ? s->freq - 1 : 0;
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
    const size_t *lens;
    size_t n, total, nparts;
    table_t t[PAR_MAX_THREADS];
    int err[PAR_MAX_THREADS];
} build_t;

/* The tables are far larger than the caches: the slot of a string a few
 * positions on is fetched while this one is counted. Returns the string's
 * hash. */
#define AHEAD 16u
static size_t fetch(const table_t *t, const uint8_t *p, size_t part, size_t nparts)
{
    size_t h = hash(key_at(p));
    if (part_of(h, nparts) == part)
        __builtin_prefetch(&t->s[h & t->mask]);
    return h;
}

/* fetch, whichever part the string is in. */
static size_t fetch_any(const table_t *t, size_t nparts, const uint8_t *p)
{
    size_t h = hash(key_at(p)), part = part_of(h, nparts);
    __builtin_prefetch(&t[part].s[h & t[part].mask]);
    return h;
}

/* Counts in how many samples each string of part `part` occurs. */
static void count_part(void *ctx, size_t part, size_t thread)
{
    build_t *b = ctx;
    table_t *t = &b->t[part];
    (void)thread;
    size_t at = 0;
    size_t ahead[AHEAD]; /* the hashes of the next AHEAD strings, their slots fetched */
    for (size_t i = 0; i < b->n && !b->err[part]; i++) {
        size_t len = b->lens[i];
        for (size_t p = 0; p < AHEAD && p + DMER <= len; p++)
            ahead[p] = fetch(t, b->all + at + p, part, b->nparts);
        for (size_t p = 0; p + DMER <= len; p++) {
            uint64_t k = key_at(b->all + at + p);
            size_t h = ahead[p % AHEAD];
            if (p + AHEAD + DMER <= len)
                ahead[p % AHEAD] = fetch(t, b->all + at + p + AHEAD, part, b->nparts);
            if (part_of(h, b->nparts) != part)
                continue;
            if (t->used * 10 >= (t->mask + 1) * 7 && grow(t)) {
                b->err[part] = 1;
                break;
            }
            slot_t *s = find_h(t, k, h);
            if (!s->last) {
                s->key = k;
                t->used++;
            }
            if (s->last != i + 1) {
                s->last = (uint32_t)i + 1;
                s->freq++;
            }
        }
        at += b->lens[i];
    }
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
    size_t nt = par_threads(threads);
    build_t b;
    memset(&b, 0, sizeof b);
    b.all = malloc(total);
    b.lens = lens;
    b.n = n;
    b.total = total;
    b.nparts = nt;
    size_t nseg = cap / SEG;
    seg_t *segs = calloc(nseg, sizeof *segs);
    slot_t **slot_at = NULL;
    size_t got = 0, len = 0;
    /* Each part's table starts near the size it ends at: a third of the
     * strings of the BBC text are distinct, held at most 70% full. */
    size_t slots = 1u << 16;
    while (slots < total / nt / 2)
        slots *= 2;
    int bad = !b.all || !segs;
    for (size_t t = 0; t < nt && !bad; t++) {
        b.t[t].s = calloc(slots, sizeof(slot_t));
        b.t[t].mask = slots - 1;
        bad = !b.t[t].s;
    }
    if (bad)
        goto out;
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy((uint8_t *)b.all + at, samples[i], lens[i]);
        at += lens[i];
    }
    /* Count in how many samples each string occurs. */
    par_for(nt, nt, count_part, &b);
    for (size_t t = 0; t < nt; t++)
        if (b.err[t])
            goto out;
    /* One segment from each stretch ("epoch") of the text. Where each of
     * its positions' strings is in the tables (which no longer change) is
     * looked up once, not four times below. */
    size_t epoch = total / nseg;
    if (epoch >= SEG && !(slot_at = malloc(epoch * sizeof *slot_at)))
        goto out;
    for (size_t e = 0; e < nseg && epoch >= SEG; e++) {
        size_t lo = e * epoch, hi = lo + epoch;
        size_t ahead[AHEAD];
        for (size_t p = lo; p < lo + AHEAD && p + DMER <= hi; p++)
            ahead[p % AHEAD] = fetch_any(b.t, nt, b.all + p);
        for (size_t p = lo; p + DMER <= hi; p++) {
            uint64_t k = key_at(b.all + p);
            size_t h = ahead[p % AHEAD];
            if (p + AHEAD + DMER <= hi)
                ahead[p % AHEAD] = fetch_any(b.t, nt, b.all + p + AHEAD);
            slot_at[p - lo] = find_h(&b.t[part_of(h, nt)], k, h);
        }
#define SLOT(p) (slot_at[(p) - lo])
        uint64_t score = 0, best = 0;
        size_t best_at = lo;
        for (size_t p = lo; p + DMER <= hi; p++) {
            slot_t *s = SLOT(p);
            if (s->in_win++ == 0)
                score += worth(s);
            if (p >= lo + SEG - DMER + 1) { /* the window holds SEG - DMER + 1 strings */
                slot_t *o = SLOT(p - (SEG - DMER + 1));
                if (--o->in_win == 0)
                    score -= worth(o);
            }
            if (p + 1 >= lo + SEG - DMER + 1 && score > best) {
                best = score;
                best_at = p + 1 - (SEG - DMER + 1);
            }
        }
        for (size_t p = lo; p + DMER <= hi; p++) /* clear the window counts */
            SLOT(p)->in_win = 0;
        if (!best)
            continue;
        for (size_t p = best_at; p + DMER <= best_at + SEG; p++)
            SLOT(p)->freq = 0; /* covered now */
        segs[got].at = best_at;
        segs[got].score = best;
        got++;
    }
#undef SLOT
    /* Least valuable first: deflate reaches the end of the window cheapest. */
    qsort(segs, got, sizeof *segs, by_score);
    len = got * SEG;
    *out = malloc(len ? len : 1);
    if (!*out) {
        len = 0;
        goto out;
    }
    for (size_t i = 0; i < got; i++)
        memcpy(*out + i * SEG, b.all + segs[i].at, SEG);
out:
    if (!len) {
        free(*out);
        *out = NULL;
    }
    free((uint8_t *)b.all);
    for (size_t t = 0; t < nt; t++)
        free(b.t[t].s);
    free(segs);
    free(slot_at);
    return len;
}

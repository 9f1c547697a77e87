/* SPDX-License-Identifier: MIT */
/* dict.c: a cover-style dictionary builder for preset deflate dictionaries. */
#include "dict.h"

#include <stdlib.h>
#include <string.h>

#define DMER 8u    /* strings this long are what the dictionary should cover */
#define SEG 64u    /* segment length; measured best of 32..256 on the BBC text */

typedef struct slot {
    uint64_t key;
    uint32_t freq;      /* samples it occurs in; 0 once a chosen segment covers it */
    uint32_t last;      /* last sample counted, + 1 (0 = empty slot) */
    uint32_t in_win;    /* occurrences in the current window */
} slot_t;

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

static slot_t *find(table_t *t, uint64_t k)
{
    size_t i = hash(k) & t->mask;
    while (t->s[i].last && t->s[i].key != k)
        i = (i + 1) & t->mask;
    return &t->s[i];
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

size_t dict_build(const uint8_t *const *samples, const size_t *lens, size_t n, size_t cap, uint8_t **out)
{
    *out = NULL;
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += lens[i];
    if (total < 4 * cap || cap < SEG)
        return 0; /* a dictionary as big as a quarter of the text does not pay */
    uint8_t *all = malloc(total);
    table_t t = { calloc(1u << 16, sizeof(slot_t)), (1u << 16) - 1, 0 };
    size_t nseg = cap / SEG;
    seg_t *segs = calloc(nseg, sizeof *segs);
    uint32_t *slot_at = NULL;
    size_t got = 0, len = 0;
    if (!all || !t.s || !segs)
        goto out;
    /* Count in how many samples each string occurs. */
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(all + at, samples[i], lens[i]);
        for (size_t p = 0; p + DMER <= lens[i]; p++) {
            if (t.used * 10 >= (t.mask + 1) * 7 && grow(&t))
                goto out;
            slot_t *s = find(&t, key_at(all + at + p));
            if (!s->last) {
                s->key = key_at(all + at + p);
                t.used++;
            }
            if (s->last != i + 1) {
                s->last = (uint32_t)i + 1;
                s->freq++;
            }
        }
        at += lens[i];
    }
    /* One segment from each stretch ("epoch") of the text. Where each of
     * its positions' strings is in the table (which no longer changes) is
     * looked up once, not four times below. */
    size_t epoch = total / nseg;
    if (epoch >= SEG && !(slot_at = malloc(epoch * sizeof *slot_at)))
        goto out;
#define SLOT(p) (&t.s[slot_at[(p) - lo]])
    for (size_t e = 0; e < nseg && epoch >= SEG; e++) {
        size_t lo = e * epoch, hi = lo + epoch;
        for (size_t p = lo; p + DMER <= hi; p++)
            slot_at[p - lo] = (uint32_t)(find(&t, key_at(all + p)) - t.s);
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
    free(t.s);
    free(segs);
    free(slot_at);
    return len;
}

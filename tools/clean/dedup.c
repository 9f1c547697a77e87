/* SPDX-License-Identifier: MIT */
/* dedup.c: near-duplicate articles out of a batch (see dedup.h).
 * Each article gets up to DEDUP_WORDS word shingles, hashed; an open-
 * addressing table maps a shingle to the first article that had it, so a
 * batch costs one pass and no pairwise comparison. */
#include "dedup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define DEDUP_WORDS 400
#define SHINGLE 6
/* share of the shorter article's shingles found in an earlier article */
#define SAME_PERCENT 80

static uint64_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h | 1; /* 0 marks an empty slot */
}

/* Hashes of the first DEDUP_WORDS folded words of a's body into w[]. */
static size_t words_of(const article_t *a, uint64_t *w)
{
    size_t n = 0;
    for (size_t b = 0; b < a->nblocks && n < DEDUP_WORDS; b++) {
        const unsigned char *p = (const unsigned char *)a->blocks[b].text;
        uint64_t h = 1469598103934665603ull;
        int in = 0;
        for (;; p++) {
            unsigned c = *p;
            /* ASCII letters and digits fold to lower case; any non-ASCII
             * byte counts as part of a word; the rest separates words */
            int wc = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
            if (wc) {
                if (c >= 'A' && c <= 'Z')
                    c += 32;
                h = (h ^ c) * 1099511628211ull;
                in = 1;
            } else if (c >= 0x10 && c <= 0x13 && c) {
                continue;
            } else {
                if (in && n < DEDUP_WORDS)
                    w[n++] = h;
                h = 1469598103934665603ull;
                in = 0;
                if (!c)
                    break;
            }
        }
    }
    return n;
}

static uint64_t title_key(const article_t *a)
{
    uint64_t h = 1469598103934665603ull;
    for (const unsigned char *p = (const unsigned char *)(a->title ? a->title : ""); *p; p++) {
        unsigned c = *p;
        if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            continue;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        h = (h ^ c) * 1099511628211ull;
    }
    return mix(h);
}

size_t dedup_articles(article_list_t *l)
{
    if (l->n < 2)
        return 0;
    size_t cap = 1024;
    while (cap < l->n * (DEDUP_WORDS + 1) * 2)
        cap <<= 1;
    uint64_t *key = calloc(cap, sizeof *key);
    uint32_t *owner = malloc(cap * sizeof *owner);
    uint32_t *hits = calloc(l->n, sizeof *hits);
    uint32_t *touched = malloc((DEDUP_WORDS + 1) * sizeof *touched);
    uint64_t *w = malloc(DEDUP_WORDS * sizeof *w);
    uint64_t *sh = malloc((DEDUP_WORDS + 1) * sizeof *sh);
    unsigned char *drop = calloc(l->n, 1);
    size_t removed = 0;
    if (!key || !owner || !hits || !touched || !w || !sh || !drop)
        goto out;
    for (size_t i = 0; i < l->n; i++) {
        size_t nw = words_of(&l->v[i], w), ns = 0;
        if (nw >= SHINGLE) {
            for (size_t k = 0; k + SHINGLE <= nw; k++) {
                uint64_t h = 0;
                for (size_t j = 0; j < SHINGLE; j++)
                    h = h * 0x9E3779B97F4A7C15ull + w[k + j];
                sh[ns++] = mix(h);
            }
        } else {
            /* no text to compare: the title stands for the article */
            sh[ns++] = title_key(&l->v[i]) ^ 0x5bd1e995u;
        }
        /* count shingles shared with each earlier article */
        size_t nt = 0, dup_of = SIZE_MAX;
        for (size_t k = 0; k < ns; k++) {
            size_t at = (size_t)sh[k] & (cap - 1);
            while (key[at] && key[at] != sh[k])
                at = (at + 1) & (cap - 1);
            if (key[at]) {
                uint32_t o = owner[at];
                if (o != i) {
                    if (!hits[o]++)
                        touched[nt++] = o;
                }
            } else {
                key[at] = sh[k];
                owner[at] = (uint32_t)i;
            }
        }
        for (size_t t = 0; t < nt; t++) {
            uint32_t o = touched[t];
            if (!drop[o] && dup_of == SIZE_MAX && (size_t)hits[o] * 100 >= ns * SAME_PERCENT)
                dup_of = o;
            hits[o] = 0;
        }
        if (dup_of != SIZE_MAX) {
            drop[i] = 1;
            removed++;
        }
    }
    if (removed) {
        size_t k = 0;
        for (size_t i = 0; i < l->n; i++) {
            if (drop[i])
                article_free(&l->v[i]);
            else
                l->v[k++] = l->v[i];
        }
        l->n = k;
    }
out:
    free(key);
    free(owner);
    free(hits);
    free(touched);
    free(w);
    free(sh);
    free(drop);
    return removed;
}

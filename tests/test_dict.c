/* SPDX-License-Identifier: MIT */
/* test_dict.c: tools/pack/dict: when a dictionary is not worth building,
 * what one is made of (whole 64-byte segments of the text, the phrases the
 * samples share), that it is the same every time, and that deflate streams
 * started from it are smaller than without it. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "dict.h"

#define NS 300
#define CAP 4096

static uint8_t *samples[NS];
static size_t lens[NS];
static uint8_t *all;
static size_t total;

static const char *const words[] = {
    "harbour",  "council",   "minister", "railway",  "budget", "weather", "market",  "school",
    "hospital", "river",     "festival", "election", "museum", "bridge",  "factory", "farmers",
    "tonight",  "yesterday", "workers",  "prices",   "record", "storm",   "bank",    "court",
};
static const char shared[] = "Reporting by the Inkpress Wire desk; editing by the night staff.";

/* NS short articles: words in an order of their own, each closing with the
 * same credit line, as a wire service's stories do. */
static int setup(void **state)
{
    (void)state;
    uint32_t r = 12345;
    for (size_t i = 0; i < NS; i++) {
        char buf[2048];
        size_t n = 0;
        for (int w = 0; w < 120; w++) {
            r = r * 1103515245u + 12345u;
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s ", words[(r >> 16) % 24]);
        }
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", shared);
        samples[i] = malloc(n);
        memcpy(samples[i], buf, n);
        lens[i] = n;
        total += n;
    }
    all = malloc(total);
    for (size_t i = 0, at = 0; i < NS; at += lens[i], i++)
        memcpy(all + at, samples[i], lens[i]);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (size_t i = 0; i < NS; i++)
        free(samples[i]);
    free(all);
    return 0;
}

static void test_dict_not_worth_it(void **state)
{
    (void)state;
    uint8_t *d = (uint8_t *)"x";
    /* the text must be four times the dictionary */
    assert_int_equal(dict_build((const uint8_t *const *)samples, lens, NS, total / 4 + 1, &d), 0);
    assert_null(d);
    d = (uint8_t *)"x";
    assert_int_equal(dict_build((const uint8_t *const *)samples, lens, NS, 63, &d), 0); /* under one segment */
    assert_null(d);
    d = (uint8_t *)"x";
    assert_int_equal(dict_build(NULL, NULL, 0, CAP, &d), 0);
    assert_null(d);
}

static void test_dict_made_of_shared_segments(void **state)
{
    (void)state;
    uint8_t *d, *d2;
    size_t len = dict_build((const uint8_t *const *)samples, lens, NS, CAP, &d);
    assert_true(len >= 64 && len <= CAP);
    assert_int_equal(len % 64, 0);
    /* every segment is a stretch of the text */
    for (size_t s = 0; s < len; s += 64) {
        int found = 0;
        for (size_t p = 0; p + 64 <= total && !found; p++)
            found = !memcmp(all + p, d + s, 64);
        assert_true(found);
    }
    /* the credit every sample ends with is in it, in part at least */
    assert_non_null(memmem(d, len, "Inkpress Wire", 13));
    /* deterministic */
    assert_int_equal(dict_build((const uint8_t *const *)samples, lens, NS, CAP, &d2), len);
    assert_memory_equal(d, d2, len);
    free(d2);
    /* the same on any number of threads (the strings counted in that many parts) */
    for (int th = 2; th <= 5; th++) {
        assert_int_equal(dict_build_threads((const uint8_t *const *)samples, lens, NS, CAP, th, &d2), len);
        assert_memory_equal(d, d2, len);
        free(d2);
    }
    free(d);
}

/* The builder as first written, from dict.h's description alone: one
 * table of every 8-byte string (in how many samples it occurs), then for
 * each stretch of the text the 64-byte window whose strings, each counted
 * once, are worth most (a string in f >= 2 samples is worth f - 1, and 0
 * once a chosen window covers it), the windows least worth first. A string
 * that runs from one sample into the next is not counted, but it is worth
 * what the same bytes inside a sample are. */
#define REF_SLOTS (1u << 16)
typedef struct ref_slot {
    uint64_t key;
    uint32_t freq, last, in_win, used;
} ref_slot_t;

static ref_slot_t *ref_find(ref_slot_t *t, const uint8_t *p, int add)
{
    static ref_slot_t none; /* strings never counted: worth nothing */
    uint64_t k;
    memcpy(&k, p, 8);
    size_t i = (size_t)((k * 0x9E3779B97F4A7C15ull) >> 48);
    while (t[i].used && t[i].key != k)
        i = (i + 1) % REF_SLOTS;
    if (!t[i].used && !add) {
        memset(&none, 0, sizeof none);
        return &none;
    }
    t[i].used = 1;
    t[i].key = k;
    return &t[i];
}

static uint32_t ref_worth(const ref_slot_t *s)
{
    return s->freq >= 2 ? s->freq - 1 : 0;
}

typedef struct ref_seg {
    size_t at;
    uint64_t score;
} ref_seg_t;

static int ref_by_score(const void *a, const void *b)
{
    const ref_seg_t *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

static size_t ref_build(uint8_t *const *s, const size_t *l, size_t n, size_t cap, uint8_t *out)
{
    size_t tot = 0;
    for (size_t i = 0; i < n; i++)
        tot += l[i];
    if (tot < 4 * cap || cap < 64)
        return 0;
    uint8_t *a = malloc(tot);
    ref_slot_t *t = calloc(REF_SLOTS, sizeof *t);
    ref_seg_t *segs = calloc(cap / 64, sizeof *segs);
    assert_non_null(a);
    assert_non_null(t);
    assert_non_null(segs);
    for (size_t i = 0, at = 0; i < n; at += l[i++]) {
        memcpy(a + at, s[i], l[i]);
        for (size_t p = 0; p + 8 <= l[i]; p++) {
            ref_slot_t *r = ref_find(t, a + at + p, 1);
            if (r->last != i + 1) {
                r->last = (uint32_t)i + 1;
                r->freq++;
            }
        }
    }
    size_t nseg = cap / 64, epoch = tot / nseg, got = 0;
    for (size_t e = 0; e < nseg; e++) {
        size_t lo = e * epoch, hi = lo + epoch, best_at = lo;
        uint64_t score = 0, best = 0;
        for (size_t p = lo; p + 8 <= hi; p++) {
            ref_slot_t *r = ref_find(t, a + p, 0);
            if (r->in_win++ == 0)
                score += ref_worth(r);
            if (p >= lo + 57) {
                ref_slot_t *o = ref_find(t, a + p - 57, 0);
                if (--o->in_win == 0)
                    score -= ref_worth(o);
            }
            if (p + 1 >= lo + 57 && score > best) {
                best = score;
                best_at = p + 1 - 57;
            }
        }
        for (size_t p = lo; p + 8 <= hi; p++)
            ref_find(t, a + p, 0)->in_win = 0;
        if (!best)
            continue;
        for (size_t p = best_at; p + 8 <= best_at + 64; p++)
            ref_find(t, a + p, 0)->freq = 0;
        segs[got].at = best_at;
        segs[got++].score = best;
    }
    qsort(segs, got, sizeof *segs, ref_by_score);
    for (size_t i = 0; i < got; i++)
        memcpy(out + 64 * i, a + segs[i].at, 64);
    free(a);
    free(t);
    free(segs);
    return 64 * got;
}

/* Samples of every length, from none to a few hundred bytes (titles and
 * texts), of a few words: their strings recur within and across samples
 * and run from one sample into the next. The builder gives what the
 * reference does, on any number of threads. */
static void test_dict_same_as_reference(void **state)
{
    (void)state;
    enum { N = 1500 };
    static const char *const w[] = {"storm", "the ", "council ", "rail", "way ", "budget. ", "\x01", "Minister ", "s "};
    uint8_t *s[N];
    size_t l[N];
    uint32_t r = 99;
    for (size_t i = 0; i < N; i++) {
        char buf[600];
        size_t n = 0;
        r = r * 1103515245u + 12345u;
        size_t want = (r >> 16) % 7 == 0 ? (r >> 8) % 9 : (r >> 12) % 500; /* a seventh shorter than a string */
        while (n < want) {
            r = r * 1103515245u + 12345u;
            const char *x = w[(r >> 16) % 9];
            size_t k = strlen(x) < want - n ? strlen(x) : want - n;
            memcpy(buf + n, x, k);
            n += k;
        }
        s[i] = malloc(n + 1);
        memcpy(s[i], buf, n);
        l[i] = n;
    }
    for (size_t cap = 512; cap <= 8192; cap *= 4) {
        uint8_t *want = malloc(cap), *d;
        size_t wl = ref_build(s, l, N, cap, want);
        assert_true(wl >= cap / 2);
        for (int th = 1; th <= 4; th++) {
            assert_int_equal(dict_build_threads((const uint8_t *const *)s, l, N, cap, th, &d), wl);
            assert_memory_equal(d, want, wl);
            free(d);
        }
        free(want);
    }
    for (size_t i = 0; i < N; i++)
        free(s[i]);
}

/* Raw deflate of s, from dictionary d (or none); the compressed size. */
static size_t deflated(const uint8_t *s, size_t n, const uint8_t *d, size_t dlen)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
    if (d)
        assert_int_equal(deflateSetDictionary(&z, d, (uInt)dlen), Z_OK);
    uint8_t out[4096];
    z.next_in = (Bytef *)s;
    z.avail_in = (uInt)n;
    z.next_out = out;
    z.avail_out = sizeof out;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t got = sizeof out - z.avail_out;
    deflateEnd(&z);
    return got;
}

static void test_dict_makes_streams_smaller(void **state)
{
    (void)state;
    uint8_t *d;
    size_t len = dict_build((const uint8_t *const *)samples, lens, NS, CAP, &d);
    assert_true(len > 0);
    size_t plain = 0, with = 0;
    for (size_t i = 0; i < NS; i++) {
        plain += deflated(samples[i], lens[i], NULL, 0);
        with += deflated(samples[i], lens[i], d, len);
    }
    printf("dict: %zu samples, %zu bytes deflated alone, %zu from a %zu-byte dictionary\n", (size_t)NS, plain, with,
           len);
    assert_true(with * 10 < plain * 9); /* at least 10% smaller */
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dict_not_worth_it),
        cmocka_unit_test(test_dict_made_of_shared_segments),
        cmocka_unit_test(test_dict_makes_streams_smaller),
        cmocka_unit_test(test_dict_same_as_reference),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

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
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

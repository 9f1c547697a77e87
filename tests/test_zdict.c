/* SPDX-License-Identifier: MIT */
/* test_zdict.c: tools/pack/zdict: streams that inflate after their
 * dictionary to the text, whole or stopped on a byte boundary (DICT's
 * form), the same every time, and smaller than zlib's best. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "zdict.h"

static const char *const words[] = { "harbour", "council", "minister", "railway", "budget", "weather", "market",
                                     "school",  "river",   "festival", "election", "museum", "bridge", "ferry" };

/* n bytes of sentences, varied by seed. */
static uint8_t *text_of(size_t n, unsigned seed)
{
    uint8_t *t = malloc(n + 64);
    assert_non_null(t);
    size_t k = 0;
    unsigned x = seed * 2654435761u + 1;
    while (k < n) {
        x = x * 1103515245u + 12345u;
        k += (size_t)snprintf((char *)t + k, 64, "The %s %s %u. ", words[(x >> 8) % 14], words[(x >> 16) % 14],
                              (x >> 20) % 300);
    }
    return t;
}

/* Inflates p[0..len) after dict; the text's bytes in *out (malloc'd). */
static size_t inflate_after(const uint8_t *dict, size_t dlen, const uint8_t *p, size_t len, int final,
                            uint8_t **out)
{
    z_stream s;
    memset(&s, 0, sizeof s);
    assert_int_equal(inflateInit2(&s, -15), Z_OK);
    if (dlen)
        assert_int_equal(inflateSetDictionary(&s, dict, (uInt)dlen), Z_OK);
    size_t cap = 1u << 20;
    *out = malloc(cap);
    assert_non_null(*out);
    s.next_in = (Bytef *)(uintptr_t)p;
    s.avail_in = (uInt)len;
    s.next_out = *out;
    s.avail_out = (uInt)cap;
    int r = inflate(&s, Z_SYNC_FLUSH);
    assert_int_equal(r, final ? Z_STREAM_END : Z_OK);
    assert_int_equal(s.avail_in, 0);
    size_t n = s.total_out;
    inflateEnd(&s);
    return n;
}

static size_t zlib9(const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
    if (dlen)
        deflateSetDictionary(&z, dict, (uInt)dlen);
    size_t cap = deflateBound(&z, (uLong)n);
    uint8_t *o = malloc(cap);
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = o;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t r = z.total_out;
    deflateEnd(&z);
    free(o);
    return r;
}

static void test_zdict_streams_give_the_text_back_after_the_dictionary(void **st)
{
    (void)st;
    zdict_t *z = zdict_new(12);
    assert_non_null(z);
    uint8_t *dict = text_of(32768, 1);
    static const size_t sizes[] = { 0, 1, 2, 3, 100, 4000, 32768, 200000 };
    size_t with = 0, without = 0, zl = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        uint8_t *in = text_of(sizes[i], 7 + (unsigned)i), *p, *q, *back;
        size_t pl, ql;
        for (int d = 0; d < 2; d++) {
            size_t dlen = d ? 32768 : 0;
            assert_int_equal(zdict_deflate(z, dict, dlen, in, sizes[i], 1, &p, &pl), 0);
            assert_int_equal(zdict_deflate(z, dict, dlen, in, sizes[i], 1, &q, &ql), 0);
            assert_int_equal(pl, ql); /* the same every time */
            assert_memory_equal(p, q, pl);
            assert_int_equal(inflate_after(dict, dlen, p, pl, 1, &back), sizes[i]);
            assert_memory_equal(back, in, sizes[i]);
            if (sizes[i] >= 4000) {
                *(d ? &with : &without) += pl;
                if (d)
                    zl += zlib9(dict, dlen, in, sizes[i]);
            }
            free(p);
            free(q);
            free(back);
        }
        free(in);
    }
    /* the dictionary is used, and the parse beats zlib's best */
    assert_true(with < without);
    assert_true(with < zl);
    free(dict);
    zdict_free(z);
}

/* DICT's form: no final block, an empty stored block ending on a byte
 * boundary (00 00 FF FF its last four bytes). */
static void test_zdict_unfinished_stream_stops_on_a_byte_boundary(void **st)
{
    (void)st;
    zdict_t *z = zdict_new(12);
    uint8_t *in = text_of(20000, 3), *p, *back;
    size_t pl;
    assert_int_equal(zdict_deflate(z, NULL, 0, in, 20000, 0, &p, &pl), 0);
    assert_true(pl > 4);
    static const uint8_t tail[4] = { 0, 0, 0xFF, 0xFF };
    assert_memory_equal(p + pl - 4, tail, 4);
    assert_int_equal(inflate_after(NULL, 0, p, pl, 0, &back), 20000);
    assert_memory_equal(back, in, 20000);
    free(p);
    free(back);
    free(in);
    zdict_free(z);
}

static void test_zdict_refuses_a_dictionary_past_the_window(void **st)
{
    (void)st;
    zdict_t *z = zdict_new(12);
    uint8_t *dict = text_of(40000, 2), *p = NULL;
    size_t pl = 0;
    assert_int_equal(zdict_deflate(z, dict, 32769, dict, 10, 1, &p, &pl), -1);
    assert_null(p);
    free(dict);
    zdict_free(z);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zdict_streams_give_the_text_back_after_the_dictionary),
        cmocka_unit_test(test_zdict_unfinished_stream_stops_on_a_byte_boundary),
        cmocka_unit_test(test_zdict_refuses_a_dictionary_past_the_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

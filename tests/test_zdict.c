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

static const char *const words[] = {"harbour", "council", "minister", "railway",  "budget", "weather", "market",
                                    "school",  "river",   "festival", "election", "museum", "bridge",  "ferry"};

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
static size_t inflate_after(const uint8_t *dict, size_t dlen, const uint8_t *p, size_t len, int final, uint8_t **out)
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

/* Compresses in[0..n) after d's dictionary (dict[0..dlen)) twice, on two
 * compressors (the second fresh), checks the bytes are the same and that
 * zlib's inflate gives the text back; returns the stream's length. */
static size_t round_trip(zdict_t *z, const zdict_dict_t *d, const uint8_t *dict, size_t dlen, const uint8_t *in,
                         size_t n)
{
    uint8_t *p, *q, *back;
    size_t pl, ql;
    zdict_t *fresh = zdict_new(12);
    assert_non_null(fresh);
    assert_int_equal(zdict_deflate(z, d, in, n, 1, &p, &pl), 0);
    assert_int_equal(zdict_deflate(fresh, d, in, n, 1, &q, &ql), 0);
    assert_int_equal(pl, ql); /* the same whatever the compressor has done before */
    assert_memory_equal(p, q, pl);
    assert_int_equal(inflate_after(dict, dlen, p, pl, 1, &back), n);
    assert_memory_equal(back, in, n);
    free(p);
    free(q);
    free(back);
    zdict_free(fresh);
    return pl;
}

static void test_zdict_streams_give_the_text_back_after_the_dictionary(void **st)
{
    (void)st;
    zdict_t *z = zdict_new(12);
    assert_non_null(z);
    uint8_t *dict = text_of(32768, 1);
    zdict_dict_t *d = zdict_dict_new(dict, 32768, 12);
    assert_non_null(d);
    static const size_t sizes[] = {0, 1, 2, 3, 4, 5, 100, 4000, 32768, 200000};
    size_t with = 0, without = 0, zl = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        uint8_t *in = text_of(sizes[i], 7 + (unsigned)i);
        for (int k = 0; k < 2; k++) {
            size_t pl = round_trip(z, k ? d : NULL, dict, k ? 32768 : 0, in, sizes[i]);
            if (sizes[i] >= 4000 && sizes[i] <= 32768) { /* a stream's size in the packer */
                *(k ? &with : &without) += pl;
                if (k)
                    zl += zlib9(dict, 32768, in, sizes[i]);
            }
        }
        free(in);
    }
    /* the dictionary is used, and the parse beats zlib's best */
    assert_true(with < without);
    assert_true(with < zl);
    zdict_dict_free(d);
    free(dict);
    zdict_free(z);
}

/* Input made to catch a matchfinder out: runs, matches of 258 bytes that
 * end at the text's end, reach exactly 32768 bytes back (to the
 * dictionary's first byte) or one byte too far, dictionaries shorter than
 * a match's first bytes, bytes that do not repeat. */
static void test_zdict_hard_inputs_give_the_text_back(void **st)
{
    (void)st;
    zdict_t *z = zdict_new(12);
    assert_non_null(z);
    enum { N = 70000 };
    uint8_t *dict = malloc(32768), *in = malloc(N);
    assert_non_null(dict);
    assert_non_null(in);
    unsigned x = 12345;
    for (size_t i = 0; i < 32768; i++) {
        x = x * 1103515245u + 12345u;
        dict[i] = (uint8_t)(x >> 16);
    }
    for (int c = 0; c < 9; c++) {
        size_t n = N, dlen = 32768;
        switch (c) {
        case 0: /* one byte over and over, and the dictionary the same */
            memset(in, 'a', n);
            memset(dict, 'a', dlen);
            break;
        case 1: /* a run after unrelated bytes, ending the text */
            for (size_t i = 0; i < n; i++)
                in[i] = i < 1000 ? (uint8_t)(i * 7) : 'b';
            break;
        case 2: /* the dictionary's start, exactly a window back, then its end */
            for (size_t i = 0; i < 32768; i++) {
                x = x * 1103515245u + 12345u;
                dict[i] = (uint8_t)(x >> 16);
            }
            n = 600;
            memcpy(in, dict, 558); /* 32768 back: 258 bytes twice, then 42 */
            memcpy(in + 558, dict + 32768 - 42, 42);
            break;
        case 3: /* a text whose 258-byte repeats sit 32768 and 32769 bytes apart */
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                in[i] = (uint8_t)(x >> 16);
            }
            memcpy(in + 32768 + 100, in + 100, 258);
            memcpy(in + 32769 + 1000, in + 1000, 258);
            memcpy(in + n - 258, in + n - 258 - 32768, 258);
            break;
        case 4: /* bytes that never repeat (a stored-like stream) */
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                in[i] = (uint8_t)(x >> 16);
            }
            break;
        case 5: /* a dictionary of 1, 2, 3 and 4 bytes the text starts by repeating */
        case 6:
        case 7:
        case 8:
            dlen = (size_t)(c - 4);
            memset(dict, 'q', dlen);
            memset(in, 'q', 5);
            n = 5;
            break;
        }
        zdict_dict_t *d = zdict_dict_new(dict, dlen, 12);
        assert_non_null(d);
        size_t pl = round_trip(z, d, dict, dlen, in, n);
        if (c == 0)
            assert_true(pl < n / 100); /* runs are matches, 258 bytes a time */
        if (c == 2)
            assert_true(pl < 40); /* three matches, the first 32768 back */
        zdict_dict_free(d);
    }
    free(in);
    free(dict);
    zdict_free(z);
}

/* Many small random cases: texts and dictionaries of 2, 4 or 256 byte
 * values, of every length up to a few thousand bytes, the text often a
 * copy of part of the dictionary. */
static void test_zdict_random_inputs_give_the_text_back(void **st)
{
    (void)st;
    zdict_t *z = zdict_new(12);
    assert_non_null(z);
    uint8_t *dict = malloc(32768), *in = malloc(5000);
    assert_non_null(dict);
    assert_non_null(in);
    unsigned x = 777;
#define RND() (x = x * 1103515245u + 12345u, x >> 16)
    for (int round = 0; round < 150; round++) {
        unsigned vals = round % 3 == 0 ? 2 : round % 3 == 1 ? 4 : 256;
        size_t dlen = round % 5 == 0 ? 0 : RND() % 32769, n = RND() % 5000;
        for (size_t i = 0; i < dlen; i++)
            dict[i] = (uint8_t)('a' + RND() % vals);
        for (size_t i = 0; i < n; i++)
            in[i] = (uint8_t)('a' + RND() % vals);
        if (dlen > 600 && n > 600 && RND() % 2) { /* a piece of the dictionary again */
            size_t to = RND() % (n - 500), from = RND() % (dlen - 500);
            memcpy(in + to, dict + from, 500);
        }
        zdict_dict_t *d = zdict_dict_new(dict, dlen, 10 + round % 3);
        assert_non_null(d);
        round_trip(z, d, dict, dlen, in, n);
        zdict_dict_free(d);
    }
#undef RND
    free(in);
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
    assert_int_equal(zdict_deflate(z, NULL, in, 20000, 0, &p, &pl), 0);
    assert_true(pl > 4);
    static const uint8_t tail[4] = {0, 0, 0xFF, 0xFF};
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
    uint8_t *dict = text_of(40000, 2);
    assert_null(zdict_dict_new(dict, 32769, 12));
    assert_null(zdict_dict_new(dict, 100, 9)); /* and levels it has not */
    assert_null(zdict_new(13));
    free(dict);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zdict_streams_give_the_text_back_after_the_dictionary),
        cmocka_unit_test(test_zdict_hard_inputs_give_the_text_back),
        cmocka_unit_test(test_zdict_random_inputs_give_the_text_back),
        cmocka_unit_test(test_zdict_unfinished_stream_stops_on_a_byte_boundary),
        cmocka_unit_test(test_zdict_refuses_a_dictionary_past_the_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

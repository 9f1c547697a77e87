/* SPDX-License-Identifier: MIT */
/* test_utf8.c: render/ink_utf8, the one UTF-8 decoder and encoder of the
 * device and the host: well-formed sequences, each kind of malformed one,
 * truncation, and every code point there and back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ink_utf8.h"

/* Decodes s (len bytes) and checks the code point and the length. */
static void expect(const char *s, size_t len, uint32_t cp, size_t n)
{
    size_t got;
    assert_int_equal(ink_utf8_next((const uint8_t *)s, len, &got), cp);
    assert_int_equal(got, n);
    assert_int_equal(ink_utf8_len((const uint8_t *)s, len), cp == INK_UTF8_BAD && n == 1 ? 0 : n);
}

static void test_utf8_well_formed(void **state)
{
    (void)state;
    expect("A", 1, 'A', 1);
    expect("\x00", 1, 0, 1);
    expect("\xc3\xa9", 2, 0xE9, 2);            /* é */
    expect("\xe2\x80\x9c", 3, 0x201C, 3);      /* left double quote */
    expect("\xf0\x9f\x98\x80", 4, 0x1F600, 4); /* emoji */
    expect("\xef\xbf\xbd", 3, 0xFFFD, 3);      /* U+FFFD itself is three bytes */
    expect("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
    expect("\xc3\xa9xyz", 5, 0xE9, 2); /* stops after the sequence */
}

static void test_utf8_malformed_one_byte_at_a_time(void **state)
{
    (void)state;
    expect("\x80", 1, INK_UTF8_BAD, 1);             /* lone continuation */
    expect("\xc0\xaf", 2, INK_UTF8_BAD, 1);         /* overlong '/' */
    expect("\xe0\x80\xaf", 3, INK_UTF8_BAD, 1);     /* overlong, three bytes */
    expect("\xed\xa0\x80", 3, INK_UTF8_BAD, 1);     /* surrogate U+D800 */
    expect("\xf4\x90\x80\x80", 4, INK_UTF8_BAD, 1); /* above U+10FFFF */
    expect("\xf5\x80\x80\x80", 4, INK_UTF8_BAD, 1);
    expect("\xff", 1, INK_UTF8_BAD, 1);
    expect("\xc3\x28", 2, INK_UTF8_BAD, 1); /* second byte not a continuation */
    expect("\xe2\x82(", 3, INK_UTF8_BAD, 1);
    /* truncated by the length, though the bytes go on */
    expect("\xe2\x80\x9c", 2, INK_UTF8_BAD, 1);
    expect("\xf0\x9f\x98\x80", 3, INK_UTF8_BAD, 1);
}

static void test_utf8_walk_resumes_after_a_bad_byte(void **state)
{
    (void)state;
    const uint8_t s[] = "a\xe2\x82"
                        "b\xc3\xa9";
    uint32_t want[] = {'a', INK_UTF8_BAD, INK_UTF8_BAD, 'b', 0xE9};
    size_t i = 0, k = 0, n;
    while (i < sizeof s - 1) {
        assert_true(k < 5);
        assert_int_equal(ink_utf8_next(s + i, sizeof s - 1 - i, &n), want[k++]);
        i += n;
    }
    assert_int_equal(k, 5);
}

static void test_utf8_every_code_point_round_trips(void **state)
{
    (void)state;
    size_t count = 0;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char o[4];
        size_t k = ink_utf8_put(o, cp), n;
        assert_int_equal(k, cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
        assert_int_equal(ink_utf8_len((const uint8_t *)o, k), k);
        assert_int_equal(ink_utf8_next((const uint8_t *)o, k, &n), cp);
        assert_int_equal(n, k);
        count++;
    }
    assert_int_equal(count, 0x110000 - 0x800);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_well_formed),
        cmocka_unit_test(test_utf8_malformed_one_byte_at_a_time),
        cmocka_unit_test(test_utf8_walk_resumes_after_a_bad_byte),
        cmocka_unit_test(test_utf8_every_code_point_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_utf8.c: render/ink_utf8, the one UTF-8 decoder and encoder of the
 * device and the host: well-formed sequences, each kind of malformed one,
 * truncation, every code point there and back, and whole strings checked
 * (ink_utf8_valid, what the bundle's strings and texts must be). */
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

static void test_utf8_valid_strings(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t n;
        int valid;
    } rows[] = {
        {"", 0, 1},
        {"plain ASCII, with a NUL\x00 and controls \x01\x1f", 40, 1},
        {"caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80", 23, 1},
        {"\xf4\x8f\xbf\xbf", 4, 1}, /* U+10FFFF, the last */
        {"\xc0\xaf", 2, 0},         /* overlong '/' */
        {"\xe0\x80\xaf", 3, 0},     /* overlong, three bytes */
        {"\xed\xa0\x80", 3, 0},     /* a surrogate */
        {"\xf4\x90\x80\x80", 4, 0}, /* past U+10FFFF */
        {"ok \xe2\x80", 5, 0},      /* cut short at the end */
        {"\xe2\x80\x9c", 2, 0},     /* cut short by n */
        {"\x80 lone continuation", 20, 0},
        {"\xff", 1, 0},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        if (ink_utf8_valid((const uint8_t *)rows[i].s, rows[i].n) != rows[i].valid)
            fail_msg("row %zu: ink_utf8_valid gives %d", i, !rows[i].valid);
    /* whole strings agree with the decoder, byte by byte, on every 2-byte
     * string and on 3-byte strings led by E0, ED, F0 and F4 */
    for (unsigned a = 0; a < 256; a++)
        for (unsigned b = 0; b < 256; b++) {
            uint8_t s2[3] = {(uint8_t)a, (uint8_t)b, 0x80};
            size_t k = ink_utf8_len(s2, 2);
            int want = k == 2 || (k == 1 && ink_utf8_len(s2 + 1, 1) == 1);
            assert_int_equal(ink_utf8_valid(s2, 2), want);
            if (a == 0xE0 || a == 0xED || a == 0xF0 || a == 0xF4)
                assert_int_equal(ink_utf8_valid(s2, 3), ink_utf8_len(s2, 3) == 3);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_well_formed),
        cmocka_unit_test(test_utf8_malformed_one_byte_at_a_time),
        cmocka_unit_test(test_utf8_walk_resumes_after_a_bad_byte),
        cmocka_unit_test(test_utf8_every_code_point_round_trips),
        cmocka_unit_test(test_utf8_valid_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

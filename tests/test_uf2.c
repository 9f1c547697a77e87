/* SPDX-License-Identifier: MIT */
/* test_uf2.c: tools/pack/uf2: the blocks a wrap writes (every field where
 * the UF2 spec puts it), unwrap giving the bytes back with gaps erased, and
 * a table of broken files, one row each, every one refused with its reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "ink_format.h"
#include "uf2.h"

#define BASE 0x10100000u
#define FAMILY 0xe48bff56u /* RP2040 */

static uint8_t *sample(size_t len)
{
    uint8_t *d = malloc(len);
    for (size_t i = 0; i < len; i++)
        d[i] = (uint8_t)(i * 7 + 3);
    return d;
}

static void test_uf2_blocks_follow_the_spec(void **state)
{
    (void)state;
    size_t len = 1000;
    uint8_t *d = sample(len), *u;
    size_t ulen;
    const char *why = NULL;
    assert_int_equal(uf2_wrap(d, len, BASE, FAMILY, &u, &ulen, &why), 0);
    assert_int_equal(ulen, 4 * UF2_BLOCK); /* 1000 bytes: four 256-byte payloads */
    for (uint32_t i = 0; i < 4; i++) {
        const uint8_t *b = u + i * UF2_BLOCK;
        assert_int_equal(ink_rd32(b), 0x0A324655u);
        assert_int_equal(ink_rd32(b + 4), 0x9E5D5157u);
        assert_int_equal(ink_rd32(b + 8), 0x00002000u); /* familyID present */
        assert_int_equal(ink_rd32(b + 12), BASE + i * 256);
        assert_int_equal(ink_rd32(b + 16), 256);
        assert_int_equal(ink_rd32(b + 20), i);
        assert_int_equal(ink_rd32(b + 24), 4);
        assert_int_equal(ink_rd32(b + 28), FAMILY);
        assert_int_equal(ink_rd32(b + 508), 0x0AB16F30u);
        size_t n = i < 3 ? 256 : len - 768;
        assert_memory_equal(b + 32, d + i * 256, n);
        for (size_t k = n; k < 256; k++) /* a short last payload: erased flash */
            assert_int_equal(b[32 + k], 0xFF);
    }
    assert_true(uf2_is(u, ulen));
    assert_false(uf2_is(u, UF2_BLOCK - 1));
    assert_false(uf2_is(d, len));
    free(u);
    free(d);
}

static void test_uf2_round_trip(void **state)
{
    (void)state;
    static const size_t lens[] = {1, 255, 256, 257, 4096, 100000};
    for (size_t t = 0; t < sizeof lens / sizeof lens[0]; t++) {
        for (int fam = 0; fam < 2; fam++) {
            uint8_t *d = sample(lens[t]), *u, *back;
            size_t ulen, blen;
            uint32_t base = 0, family = 7;
            const char *why = NULL;
            assert_int_equal(uf2_wrap(d, lens[t], BASE, fam ? FAMILY : 0, &u, &ulen, &why), 0);
            assert_int_equal(uf2_unwrap(u, ulen, &back, &blen, &base, &family, &why), 0);
            assert_int_equal(base, BASE);
            assert_int_equal(family, fam ? FAMILY : 0);
            assert_int_equal(blen, (lens[t] + 255) / 256 * 256);
            assert_memory_equal(back, d, lens[t]);
            free(back);
            free(u);
            free(d);
        }
    }
}

static void test_uf2_wrap_refuses_past_4_gib(void **state)
{
    (void)state;
    uint8_t *d = sample(512), *u = NULL;
    size_t ulen;
    const char *why = NULL;
    assert_int_equal(uf2_wrap(d, 512, 0xFFFFFF00u, 0, &u, &ulen, &why), -1);
    assert_non_null(strstr(why, "4 GiB"));
    assert_int_equal(uf2_wrap(d, 256, 0xFFFFFF00u, 0, &u, &ulen, &why), 0); /* just fits */
    free(u);
    free(d);
}

static void test_uf2_unwrap_fills_gaps_with_erased_flash(void **state)
{
    (void)state;
    uint8_t *d = sample(512), *u, *back;
    size_t ulen, blen;
    uint32_t base, family;
    const char *why = NULL;
    assert_int_equal(uf2_wrap(d, 512, 0x1000, 0, &u, &ulen, &why), 0);
    ink_wr32(u + UF2_BLOCK + 12, 0x1000 + 1024); /* the second block two blocks on */
    assert_int_equal(uf2_unwrap(u, ulen, &back, &blen, &base, &family, &why), 0);
    assert_int_equal(base, 0x1000);
    assert_int_equal(blen, 1024 + 256);
    assert_memory_equal(back, d, 256);
    for (size_t k = 256; k < 1024; k++)
        assert_int_equal(back[k], 0xFF);
    assert_memory_equal(back + 1024, d + 256, 256);
    free(back);
    free(u);
    free(d);
}

/* A broken file: a good three-block wrap, one field changed (or the length
 * cut), and the words the reason must hold. */
typedef struct {
    const char *name;
    size_t block, off; /* which field of which block to overwrite */
    uint32_t value;
    size_t len; /* the file's length, 0: whole */
    const char *why;
} bad_row_t;

static const bad_row_t bad_rows[] = {
    {"empty", 0, 0, 0x0A324655u, SIZE_MAX, "whole number"},
    {"cut inside a block", 0, 0, 0x0A324655u, 2 * UF2_BLOCK + 100, "whole number"},
    {"first magic", 1, 0, 0x12345678u, 0, "magic"},
    {"second magic", 2, 4, 0, 0, "magic"},
    {"end magic", 0, 508, 0x0AB16F31u, 0, "magic"},
    {"payload over 476", 1, 16, 477, 0, "impossible size"},
    {"block number", 1, 20, 5, 0, "impossible size, number"},
    {"block count", 2, 24, 4, 0, "impossible size, number"},
    {"address past 4 GiB", 2, 12, 0xFFFFFF80u, 0, "impossible"},
    {"range over 256 MiB", 2, 12, BASE + 0x10000000u, 0, "address range"},
    {"zero payload, zero range", 0, 16, 0, UF2_BLOCK, "address range"},
};

static void test_uf2_unwrap_refuses_each_broken_file(void **state)
{
    (void)state;
    uint8_t *d = sample(3 * 256), *good;
    size_t glen;
    const char *why = NULL;
    assert_int_equal(uf2_wrap(d, 3 * 256, BASE, FAMILY, &good, &glen, &why), 0);
    for (size_t r = 0; r < sizeof bad_rows / sizeof bad_rows[0]; r++) {
        const bad_row_t *row = &bad_rows[r];
        uint8_t *u = malloc(glen);
        memcpy(u, good, glen);
        size_t len = row->len == SIZE_MAX ? 0 : row->len ? row->len : glen;
        if (row->len == UF2_BLOCK)
            ink_wr32(u + 24, 1); /* a one-block file */
        ink_wr32(u + row->block * UF2_BLOCK + row->off, row->value);
        uint8_t *back = (uint8_t *)"untouched";
        size_t blen;
        uint32_t base, family;
        why = NULL;
        if (uf2_unwrap(u, len, &back, &blen, &base, &family, &why) != -1)
            fail_msg("row '%s' was accepted", row->name);
        if (!why || !strstr(why, row->why))
            fail_msg("row '%s': reason '%s', wanted '%s'", row->name, why ? why : "(none)", row->why);
        assert_null(back);
        free(u);
    }
    free(good);
    free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uf2_blocks_follow_the_spec),
        cmocka_unit_test(test_uf2_round_trip),
        cmocka_unit_test(test_uf2_wrap_refuses_past_4_gib),
        cmocka_unit_test(test_uf2_unwrap_fills_gaps_with_erased_flash),
        cmocka_unit_test(test_uf2_unwrap_refuses_each_broken_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

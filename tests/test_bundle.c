/* SPDX-License-Identifier: MIT */
/* test_bundle.c: writer and reader agree; damage is refused, never trusted. */
#include "testutil.h"

#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_text.h"

static uint8_t poolmem[96 * 1024];

static void test_bundle_roundtrip_gives_back_every_article(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(5, &len);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
    assert_int_equal(b.narticles, 5);
    assert_int_equal(b.nsections, 2);
    assert_string_equal(ink_bundle_name(&b), "Test Edition");
    assert_string_equal(ink_bundle_date(&b), "2026-11-29");
    ink_section_info_t s0, s1;
    ink_bundle_section(&b, 0, &s0);
    ink_bundle_section(&b, 1, &s1);
    assert_string_equal(s0.name, "World");
    assert_int_equal(s0.count, 3); /* articles 1, 3, 5 */
    assert_string_equal(s1.name, "Business");
    assert_int_equal(s1.first, 3);
    ink_article_info_t a;
    assert_int_equal(ink_bundle_article(&b, 1, &a), INK_OK);
    assert_string_equal(a.title, "Test article number 3");
    assert_string_equal(a.source, "Test Wire");
    assert_null(a.byline);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    uint8_t *text = malloc(a.text_len);
    assert_int_equal(ink_bundle_inflate(&b, 1, &pool, text, a.text_len), INK_OK);
    assert_int_equal(text[0], INK_TX_PARA);
    assert_memory_equal(text + 1, "The council met", 15);
    assert_int_equal(ink_pool_used(&pool), 0); /* zlib gave its memory back */
    assert_int_equal(ink_bundle_check_text(&b), INK_OK);
    assert_int_equal(ink_bundle_article(&b, 5, &a), INK_ERR_NOT_FOUND);
    free(text);
    free(data);
}

static void test_bundle_same_input_same_bytes(void **st)
{
    (void)st;
    size_t l1, l2;
    uint8_t *a = tu_bundle(4, &l1), *b = tu_bundle(4, &l2);
    assert_int_equal(l1, l2);
    assert_memory_equal(a, b, l1);
    free(a);
    free(b);
}

static void test_bundle_refuses_bad_headers(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(3, &len);
    ink_bundle_t b;
    uint8_t *copy = malloc(len);
    memcpy(copy, data, len);
    copy[0] = 'X';
    assert_int_equal(ink_bundle_open(&b, copy, len), INK_ERR_MAGIC);
    memcpy(copy, data, len);
    ink_wr16(copy + INK_HDR_OFF_MAJOR, 2);
    assert_int_equal(ink_bundle_open(&b, copy, len), INK_ERR_VERSION);
    assert_int_equal(ink_bundle_open(&b, data, len - 1), INK_ERR_TRUNCATED);
    assert_int_equal(ink_bundle_open(&b, data, 12), INK_ERR_TRUNCATED);
    assert_int_equal(ink_bundle_open(&b, NULL, 0), INK_ERR_MAGIC);
    free(copy);
    free(data);
}

/* Every single-byte change and every truncation either opens and inflates
 * exactly the original text, or is refused with an error: never trusted
 * garbage, never a crash. */
static void test_bundle_every_flip_and_cut_is_caught(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(3, &len);
    uint8_t *copy = malloc(len);
    uint8_t *ref[3], *got = malloc(INK_ARTICLE_MAX_BYTES);
    uint32_t ref_len[3];
    ink_bundle_t b;
    ink_pool_t pool;
    assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
    for (uint32_t i = 0; i < 3; i++) {
        ink_article_info_t a;
        ink_bundle_article(&b, i, &a);
        ref_len[i] = a.text_len;
        ref[i] = malloc(a.text_len);
        ink_pool_init(&pool, poolmem, sizeof poolmem);
        assert_int_equal(ink_bundle_inflate(&b, i, &pool, ref[i], a.text_len), INK_OK);
    }
    int refused = 0;
    for (size_t pos = 0; pos <= len; pos++) {
        for (int cut = 0; cut < 2; cut++) {
            memcpy(copy, data, len);
            size_t n = len;
            if (cut)
                n = pos;
            else if (pos < len)
                copy[pos] ^= 0x5A;
            else
                continue;
            if (ink_bundle_open(&b, copy, n) != INK_OK) {
                refused++;
                continue;
            }
            for (uint32_t i = 0; i < b.narticles; i++) {
                ink_article_info_t a;
                assert_int_equal(ink_bundle_article(&b, i, &a), INK_OK);
                ink_pool_init(&pool, poolmem, sizeof poolmem);
                ink_err_t err = ink_bundle_inflate(&b, i, &pool, got, INK_ARTICLE_MAX_BYTES);
                if (err == INK_OK) {
                    assert_true(i < 3);
                    assert_int_equal(a.text_len, ref_len[i]);
                    assert_memory_equal(got, ref[i], ref_len[i]);
                }
                assert_int_equal(ink_pool_used(&pool), 0);
            }
        }
    }
    assert_true(refused > 0);
    for (int i = 0; i < 3; i++)
        free(ref[i]);
    free(got);
    free(copy);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundle_roundtrip_gives_back_every_article),
        cmocka_unit_test(test_bundle_same_input_same_bytes),
        cmocka_unit_test(test_bundle_refuses_bad_headers),
        cmocka_unit_test(test_bundle_every_flip_and_cut_is_caught),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_state.c: reading state survives a power cut at any byte of a save. */
#include "testutil.h"

#include "ink_state.h"

/* Storage in RAM that "loses power" after a given number of bytes written. */
typedef struct ram {
    uint8_t bytes[2 * INK_STATE_SLOT];
    long budget; /* bytes that still reach storage; -1 = unlimited */
} ram_t;

static ink_err_t ram_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
    ram_t *r = ctx;
    memcpy(buf, r->bytes + off, len);
    return INK_OK;
}

static ink_err_t ram_write(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
    ram_t *r = ctx;
    for (uint32_t i = 0; i < len; i++) {
        if (r->budget == 0)
            return INK_ERR_IO;
        if (r->budget > 0)
            r->budget--;
        r->bytes[off + i] = ((const uint8_t *)buf)[i];
    }
    return INK_OK;
}

static const ink_storage_ops_t ram_ops = { ram_read, ram_write, 2 * INK_STATE_SLOT };

static void test_state_fresh_storage_has_no_state(void **st)
{
    (void)st;
    ram_t r;
    memset(r.bytes, 0xFF, sizeof r.bytes);
    r.budget = -1;
    ink_state_t s;
    assert_int_equal(ink_state_load(&ram_ops, &r, &s), INK_ERR_NOT_FOUND);
}

static void test_state_save_then_load_roundtrips(void **st)
{
    (void)st;
    ram_t r;
    memset(r.bytes, 0xFF, sizeof r.bytes);
    r.budget = -1;
    ink_state_t s;
    memset(&s, 0, sizeof s);
    s.edition = 0xABCD1234u;
    s.article = 7;
    s.offset = 1234;
    s.size = 2;
    ink_state_mark(&s, 3);
    ink_state_mark(&s, 100000); /* past the bitmap: ignored */
    for (int i = 0; i < 5; i++) {
        s.offset++;
        assert_int_equal(ink_state_save(&ram_ops, &r, &s), INK_OK);
    }
    ink_state_t got;
    assert_int_equal(ink_state_load(&ram_ops, &r, &got), INK_OK);
    assert_int_equal(got.seq, 5);
    assert_int_equal(got.offset, 1239);
    assert_int_equal(got.article, 7);
    assert_int_equal(got.edition, 0xABCD1234u);
    assert_true(ink_state_is_marked(&got, 3));
    assert_false(ink_state_is_marked(&got, 4));
}

static void test_state_power_cut_at_every_byte_keeps_old_or_new(void **st)
{
    (void)st;
    for (long cut = 0; cut <= (long)INK_STATE_SLOT; cut++) {
        ram_t r;
        memset(r.bytes, 0xFF, sizeof r.bytes);
        r.budget = -1;
        ink_state_t s;
        memset(&s, 0, sizeof s);
        s.offset = 111;
        assert_int_equal(ink_state_save(&ram_ops, &r, &s), INK_OK);
        s.offset = 222;
        assert_int_equal(ink_state_save(&ram_ops, &r, &s), INK_OK);
        /* The third save loses power after `cut` bytes. */
        s.offset = 333;
        r.budget = cut;
        ink_err_t err = ink_state_save(&ram_ops, &r, &s);
        ink_state_t got;
        assert_int_equal(ink_state_load(&ram_ops, &r, &got), INK_OK);
        if (err == INK_OK)
            assert_int_equal(got.offset, 333);
        else
            assert_true(got.offset == 222 || got.offset == 333);
        if (cut < (long)INK_STATE_SLOT)
            assert_int_equal(got.offset, 222);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_fresh_storage_has_no_state),
        cmocka_unit_test(test_state_save_then_load_roundtrips),
        cmocka_unit_test(test_state_power_cut_at_every_byte_keeps_old_or_new),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_state.c: reading state survives a power cut at any byte of a save. */
#include "testutil.h"

#include "ink_conf.h"
#include "ink_app.h"
#include "ink_state.h"

/* Storage in RAM that "loses power" after a given number of bytes written. */
typedef struct ram {
    uint8_t bytes[2 * INK_STATE_SLOT];
    long budget; /* bytes that still reach storage; -1 = unlimited */
    int erase;   /* a write first erases its range to 0xFF, as flash does */
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
    if (r->erase)
        memset(r->bytes + off, 0xFF, len);
    for (uint32_t i = 0; i < len; i++) {
        if (r->budget == 0)
            return INK_ERR_IO;
        if (r->budget > 0)
            r->budget--;
        r->bytes[off + i] = ((const uint8_t *)buf)[i];
    }
    return INK_OK;
}

static const ink_storage_ops_t ram_ops = {ram_read, ram_write, 2 * INK_STATE_SLOT};

static void test_state_fresh_storage_has_no_state(void **st)
{
    (void)st;
    ram_t r = {.budget = -1};
    memset(r.bytes, 0xFF, sizeof r.bytes);
    ink_state_t s;
    assert_int_equal(ink_state_load(&ram_ops, &r, &s), INK_ERR_NOT_FOUND);
}

static void test_state_save_then_load_roundtrips(void **st)
{
    (void)st;
    ram_t r = {.budget = -1};
    memset(r.bytes, 0xFF, sizeof r.bytes);
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
        ram_t r = {.budget = -1};
        memset(r.bytes, 0xFF, sizeof r.bytes);
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

static void test_state_positions_per_article_most_recent_kept(void **st)
{
    (void)st;
    ink_state_t s;
    ink_state_init(&s, 1, 6);
    assert_int_equal(ink_state_offset(&s, 0), 0);
    ink_state_set_offset(&s, 5, 500);
    ink_state_set_offset(&s, 7, 700);
    ink_state_set_offset(&s, 5, 555); /* updated in place, becomes the newest */
    assert_int_equal(ink_state_offset(&s, 5), 555);
    assert_int_equal(ink_state_offset(&s, 7), 700);
    assert_int_equal(s.pos[0].article, 5);
    assert_int_equal(s.pos[1].article, 7);
    /* Fill the table: the oldest (7) is the one that goes. */
    for (uint32_t a = 100; a < 100 + INK_STATE_POSITIONS - 1; a++)
        ink_state_set_offset(&s, a, a * 10);
    assert_int_equal(ink_state_offset(&s, 5), 555);
    assert_int_equal(ink_state_offset(&s, 7), 0);
    assert_int_equal(ink_state_offset(&s, 100), 1000);
    /* And they survive a save and a load. */
    ram_t r = {.budget = -1};
    memset(r.bytes, 0xFF, sizeof r.bytes);
    assert_int_equal(ink_state_save(&ram_ops, &r, &s), INK_OK);
    ink_state_t got;
    assert_int_equal(ink_state_load(&ram_ops, &r, &got), INK_OK);
    assert_int_equal(ink_state_offset(&got, 5), 555);
    assert_int_equal(ink_state_offset(&got, 100 + INK_STATE_POSITIONS - 2), (100 + INK_STATE_POSITIONS - 2) * 10);
    assert_int_equal(got.size, 1);
    assert_int_equal(got.refresh_every, 6);
}

/* --- a power cut at every byte of a save, then a restart of the reader --- */

static uint8_t poolmem[INK_POOL_BYTES];
static uint8_t fbmem[(800 / 8) * 600];

static void press(ink_app_t *app, const char *keys)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s", keys);
    for (char *k = strtok(buf, " "); k; k = strtok(NULL, " "))
        ink_app_key(app, ink_key_parse(k));
}

static void test_state_power_cut_at_every_byte_then_restart(void **st)
{
    (void)st;
    tu_load_fonts();
    size_t len;
    uint8_t *data = tu_bundle(4, &len);
    static ink_app_t app;
    ink_pool_t pool;
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, 800, 600);
    for (int erase = 0; erase <= 1; erase++) {
        for (long cut = 0; cut <= (long)INK_STATE_SLOT; cut++) {
            ram_t r = {.budget = -1, .erase = erase};
            memset(r.bytes, 0xFF, sizeof r.bytes);
            ink_hal_t hal = {tu_no_display(), NULL, &ram_ops, &r};
            ink_pool_init(&pool, poolmem, sizeof poolmem);
            assert_int_equal(ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, len, tu_fonts), INK_OK);
            press(&app, "next select next"); /* old state: article 2, read */
            uint32_t old_article = app.state.article, old_off = app.state.offset;
            r.budget = cut;        /* the next save loses power after `cut` bytes */
            press(&app, "select"); /* new state: article 3 */
            uint32_t new_article = app.state.article;
            assert_int_not_equal(old_article, new_article);
            ink_app_stop(&app);
            assert_int_equal(ink_pool_used(&pool), 0);

            /* Power back: the reader starts on the old state or the new. */
            r.budget = -1;
            ink_pool_init(&pool, poolmem, sizeof poolmem);
            assert_int_equal(ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, len, tu_fonts), INK_OK);
            assert_int_equal(app.screen, INK_SCREEN_ARTICLE);
            if (cut < (long)INK_STATE_SLOT) {
                assert_int_equal(app.article, old_article);
                assert_int_equal(app.state.offset, old_off);
            } else {
                assert_int_equal(app.article, new_article);
            }
            assert_true(ink_state_is_marked(&app.state, old_article));
            /* And reading and saving go on. */
            press(&app, "back next select");
            assert_int_equal(app.screen, INK_SCREEN_ARTICLE);
            ink_state_t got;
            assert_int_equal(ink_state_load(&ram_ops, &r, &got), INK_OK);
            assert_int_equal(got.article, app.article);
            ink_app_stop(&app);
            assert_int_equal(ink_pool_used(&pool), 0);
        }
    }
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_fresh_storage_has_no_state),
        cmocka_unit_test(test_state_save_then_load_roundtrips),
        cmocka_unit_test(test_state_power_cut_at_every_byte_keeps_old_or_new),
        cmocka_unit_test(test_state_positions_per_article_most_recent_kept),
        cmocka_unit_test(test_state_power_cut_at_every_byte_then_restart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

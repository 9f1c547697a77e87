/* SPDX-License-Identifier: MIT */
/* test_refresh.c: the changed band, and the full-refresh policy. */
#include "testutil.h"

#include "ink_refresh.h"

static uint8_t poolmem[16384];
static uint8_t fbmem[(64 / 8) * 48];

static void test_refresh_first_frame_is_full_then_band(void **st)
{
    (void)st;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, 64, 48);
    ink_refresh_t r;
    assert_int_equal(ink_refresh_init(&r, &pool, 48, fb.stride, 6), INK_OK);
    ink_rect_t area;
    ink_wave_t mode;
    assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 1);
    assert_int_equal(mode, INK_WAVE_FULL);
    assert_int_equal(area.h, 48);
    /* Nothing changed: nothing to do. */
    assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 0);
    ink_fb_set(&fb, 5, 10, 1);
    ink_fb_set(&fb, 60, 20, 1);
    assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 1);
    assert_int_equal(mode, INK_WAVE_FAST);
    assert_int_equal(area.y, 10);
    assert_int_equal(area.h, 11);
    /* x 5 and 60: byte columns 0 to 7, the whole 64-pixel width. */
    assert_int_equal(area.x, 0);
    assert_int_equal(area.w, 64);
    ink_refresh_free(&r);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void test_refresh_full_every_n(void **st)
{
    (void)st;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, 64, 48);
    ink_refresh_t r;
    ink_refresh_init(&r, &pool, 48, fb.stride, 3);
    ink_rect_t area;
    ink_wave_t mode;
    ink_refresh_plan(&r, &fb, 0, &area, &mode);
    int modes[7];
    for (int i = 0; i < 7; i++) {
        ink_fb_set(&fb, i, i, 1);
        assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 1);
        modes[i] = mode;
    }
    /* every 3: fast, fast, full, fast, fast, full, fast */
    assert_int_equal(modes[0], INK_WAVE_FAST);
    assert_int_equal(modes[1], INK_WAVE_FAST);
    assert_int_equal(modes[2], INK_WAVE_FULL);
    assert_int_equal(modes[3], INK_WAVE_FAST);
    assert_int_equal(modes[5], INK_WAVE_FULL);
    /* A forced full refresh happens even without changes. */
    assert_int_equal(ink_refresh_plan(&r, &fb, 1, &area, &mode), 1);
    assert_int_equal(mode, INK_WAVE_FULL);
    /* 0 = never a full one on its own. */
    r.every = 0;
    for (int i = 0; i < 20; i++) {
        ink_fb_set(&fb, 30, i, 1);
        ink_refresh_plan(&r, &fb, 0, &area, &mode);
        assert_int_equal(mode, INK_WAVE_FAST);
    }
    ink_refresh_free(&r);
}

static void test_refresh_changed_rectangle_is_tight_to_8_pixels(void **st)
{
    (void)st;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    memset(fbmem, 0, sizeof fbmem);
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, 64, 48);
    ink_refresh_t r;
    assert_int_equal(ink_refresh_init(&r, &pool, 48, fb.stride, 0), INK_OK);
    ink_rect_t area;
    ink_wave_t mode;
    ink_refresh_plan(&r, &fb, 0, &area, &mode);
    /* Pixels (20,30) and (35,33): columns 16..39, rows 30..33. */
    ink_fb_set(&fb, 20, 30, 1);
    ink_fb_set(&fb, 35, 33, 1);
    assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 1);
    assert_int_equal(mode, INK_WAVE_FAST);
    assert_int_equal(area.x, 16);
    assert_int_equal(area.w, 24);
    assert_int_equal(area.y, 30);
    assert_int_equal(area.h, 4);
    /* Taking one back out: only its 8x1 cell changed. */
    ink_fb_set(&fb, 35, 33, 0);
    assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 1);
    assert_int_equal(area.x, 32);
    assert_int_equal(area.w, 8);
    assert_int_equal(area.y, 33);
    assert_int_equal(area.h, 1);
    /* A panel width that is not a multiple of 8: the rectangle stays inside. */
    static uint8_t odd[(61 + 7) / 8 * 10];
    ink_fb_t fo;
    ink_fb_init(&fo, odd, 61, 10);
    ink_refresh_t ro;
    assert_int_equal(ink_refresh_init(&ro, &pool, 10, fo.stride, 0), INK_OK);
    ink_refresh_plan(&ro, &fo, 0, &area, &mode);
    ink_fb_set(&fo, 60, 9, 1);
    assert_int_equal(ink_refresh_plan(&ro, &fo, 0, &area, &mode), 1);
    assert_int_equal(area.x, 56);
    assert_int_equal(area.w, 5);
    ink_refresh_free(&ro);
    ink_refresh_free(&r);
    assert_int_equal(ink_pool_used(&pool), 0);
}

/* Against a copy of the last frame: random frames of text-like ink, each
 * changed in a few random places (pixels, a byte moved along its row or down
 * its column, two bytes swapped), on a panel whose rows are not 4-byte
 * aligned. Every rectangle must be the exact bounding box of the change,
 * in 8-pixel columns. */
static void test_refresh_rectangle_equals_a_full_compare(void **st)
{
    (void)st;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    enum { W = 84, H = 40, S = (W + 7) / 8 };
    static uint8_t cur[S * H + 1], last[S * H];
    ink_fb_t fb;
    ink_fb_init(&fb, cur + 1, W, H); /* rows start at every alignment */
    ink_refresh_t r;
    assert_int_equal(ink_refresh_init(&r, &pool, H, fb.stride, 0), INK_OK);
    ink_rect_t area;
    ink_wave_t mode;
    uint32_t seed = 12345;
#define RND() (seed = seed * 1103515245u + 12345u, seed >> 16)
    for (int i = 0; i < S * H; i++)
        fb.bits[i] = RND() % 3 ? 0 : (uint8_t)RND();
    ink_refresh_plan(&r, &fb, 0, &area, &mode);
    int checked = 0;
    for (int round = 0; round < 3000; round++) {
        memcpy(last, fb.bits, sizeof last);
        int kind = (int)(RND() % 4), n = 1 + (int)(RND() % 3);
        for (int k = 0; k < n; k++) {
            int x = (int)(RND() % S), y = (int)(RND() % H);
            uint8_t *b = &fb.bits[y * S + x];
            if (kind == 0) {
                *b ^= (uint8_t)(0x80u >> (RND() % 8)); /* one pixel */
            } else if (kind == 1 && y + 1 < H) {
                b[S] = *b; /* down its column */
                *b = 0;
            } else if (kind == 2 && x + 1 < S) {
                uint8_t t = b[1]; /* two neighbours swapped */
                b[1] = *b;
                *b = t;
            } else {
                *b ^= 0x80; /* the high bit only: the hardest change for a column's sum */
            }
        }
        int x0 = S, x1 = -1, y0 = H, y1 = -1;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < S; x++)
                if (fb.bits[y * S + x] != last[y * S + x]) {
                    x0 = x < x0 ? x : x0;
                    x1 = x > x1 ? x : x1;
                    y0 = y < y0 ? y : y0;
                    y1 = y > y1 ? y : y1;
                }
        int changed = ink_refresh_plan(&r, &fb, 0, &area, &mode);
        if (x1 < 0) {
            assert_int_equal(changed, 0);
            continue;
        }
        assert_int_equal(changed, 1);
        assert_int_equal(area.x, x0 * 8);
        assert_int_equal(area.x + area.w, x1 + 1 == S ? W : (x1 + 1) * 8);
        assert_int_equal(area.y, y0);
        assert_int_equal(area.h, y1 - y0 + 1);
        checked++;
    }
#undef RND
    assert_true(checked > 2000);
    ink_refresh_free(&r);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void test_refresh_without_memory_is_always_full(void **st)
{
    (void)st;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    pool.fail_after = 1; /* the row table comes, the column tables do not */
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, 64, 48);
    ink_refresh_t r;
    assert_int_equal(ink_refresh_init(&r, &pool, 48, fb.stride, 6), INK_ERR_NOMEM);
    assert_int_equal(ink_pool_used(&pool), 0);
    ink_rect_t area;
    ink_wave_t mode;
    for (int i = 0; i < 3; i++) {
        assert_int_equal(ink_refresh_plan(&r, &fb, 0, &area, &mode), 1);
        assert_int_equal(mode, INK_WAVE_FULL);
        assert_int_equal(area.w, 64);
        assert_int_equal(area.h, 48);
    }
    ink_refresh_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refresh_first_frame_is_full_then_band),
        cmocka_unit_test(test_refresh_full_every_n),
        cmocka_unit_test(test_refresh_changed_rectangle_is_tight_to_8_pixels),
        cmocka_unit_test(test_refresh_rectangle_equals_a_full_compare),
        cmocka_unit_test(test_refresh_without_memory_is_always_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

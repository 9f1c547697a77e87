/* SPDX-License-Identifier: MIT */
/* test_fb.c: 1-bit framebuffer: bit order, clipping, blits. */
#include "testutil.h"

#include "ink_fb.h"

static uint8_t buf[(37 + 7) / 8 * 20];

static void test_fb_msb_is_leftmost_and_one_is_ink(void **st)
{
    (void)st;
    ink_fb_t fb;
    ink_fb_init(&fb, buf, 37, 20);
    assert_int_equal(fb.stride, 5);
    ink_fb_set(&fb, 0, 0, 1);
    ink_fb_set(&fb, 9, 1, 1);
    assert_int_equal(buf[0], 0x80);
    assert_int_equal(buf[5 + 1], 0x40);
    ink_fb_set(&fb, 9, 1, 0);
    assert_int_equal(buf[6], 0);
    ink_fb_set(&fb, -1, 0, 1); /* outside: ignored */
    ink_fb_set(&fb, 37, 0, 1);
    assert_int_equal(tu_count_ink(&fb), 1);
}

static void test_fb_fill_rect_is_clipped_and_exact(void **st)
{
    (void)st;
    ink_fb_t fb;
    ink_fb_init(&fb, buf, 37, 20);
    ink_rect_t r = { 3, 2, 13, 4 };
    ink_fb_fill_rect(&fb, r, 1);
    assert_int_equal(tu_count_ink(&fb), 13 * 4);
    assert_int_equal(ink_fb_get(&fb, 2, 2), 0);
    assert_int_equal(ink_fb_get(&fb, 3, 2), 1);
    assert_int_equal(ink_fb_get(&fb, 15, 5), 1);
    assert_int_equal(ink_fb_get(&fb, 16, 5), 0);
    ink_fb_clear(&fb);
    ink_rect_t big = { -10, -10, 100, 100 };
    ink_fb_fill_rect(&fb, big, 1);
    assert_int_equal(tu_count_ink(&fb), 37 * 20);
    ink_fb_invert_rect(&fb, r);
    assert_int_equal(tu_count_ink(&fb), 37 * 20 - 13 * 4);
}

static void test_fb_blit_clips_at_every_edge(void **st)
{
    (void)st;
    ink_fb_t fb;
    ink_fb_init(&fb, buf, 37, 20);
    static const uint8_t glyph[] = { 0xFF, 0xC0, 0xFF, 0xC0, 0xFF, 0xC0 }; /* 10 x 3, pitch 2 */
    ink_fb_blit1(&fb, -5, -1, glyph, 10, 3, 2, 0);
    assert_int_equal(tu_count_ink(&fb), 5 * 2);
    ink_fb_blit1(&fb, 32, 18, glyph, 10, 3, 2, 0);
    assert_int_equal(tu_count_ink(&fb), 10 + 5 * 2);
    ink_fb_blit1(&fb, 32, 18, glyph, 10, 3, 2, 1); /* invert clears */
    assert_int_equal(tu_count_ink(&fb), 10);
}

/* The blit against ink_fb_set pixel by pixel: bitmaps 1 to 30 pixels wide
 * with stray bits past their width, at every shift, across the top and
 * bottom edges and against the right one, onto a frame already inked. */
static void test_fb_blit_equals_pixel_by_pixel(void **st)
{
    (void)st;
    enum { W = 61, H = 24, S = (W + 7) / 8 };
    static uint8_t a[S * H + 1], b[S * H + 1], src[5 * 40];
    ink_fb_t fa, fb;
    ink_fb_init(&fa, a, W, H);
    ink_fb_init(&fb, b, W, H);
    uint32_t seed = 7;
#define RND() (seed = seed * 1103515245u + 12345u, seed >> 16)
    int blits = 0;
    for (int round = 0; round < 4000; round++) {
        int w = 1 + (int)(RND() % 30), h = 1 + (int)(RND() % 40), pitch = (w + 7) / 8 + (int)(RND() % 2);
        for (int i = 0; i < pitch * h; i++)
            src[i] = (uint8_t)RND();
        int x = (int)(RND() % (unsigned)(W - w + 1)), y = (int)(RND() % (H + 20)) - 10 - h / 2;
        if (round % 50 == 0) {
            ink_fb_clear(&fa);
            for (int i = 0; i < S * H; i++)
                a[i] = RND() % 4 ? 0 : (uint8_t)RND();
            memcpy(b, a, sizeof a);
        }
        a[S * H] = b[S * H] = 0; /* the byte after the frame stays untouched */
        ink_fb_blit1(&fa, x, y, src, w, h, pitch, 0);
        for (int j = 0; j < h; j++)
            for (int i = 0; i < w; i++)
                if (src[j * pitch + i / 8] >> (7 - i % 8) & 1)
                    ink_fb_set(&fb, x + i, y + j, 1);
        assert_memory_equal(a, b, sizeof a);
        blits++;
    }
#undef RND
    assert_int_equal(blits, 4000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fb_msb_is_leftmost_and_one_is_ink),
        cmocka_unit_test(test_fb_fill_rect_is_clipped_and_exact),
        cmocka_unit_test(test_fb_blit_clips_at_every_edge),
        cmocka_unit_test(test_fb_blit_equals_pixel_by_pixel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

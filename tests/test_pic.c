/* SPDX-License-Identifier: MIT */
/* test_pic.c: render/ink_pic, pictures on the device, from a source in
 * memory: flat grays dithered to their share of ink whatever the scale and
 * the dither, black and white kept pure, ink only inside the box (clipped
 * at the panel's edges), a source's error passed on, and the pool given
 * back on every path, failures included. */
#include "testutil.h"

#include "ink_pic.h"
#include "ink_pool.h"
#include "ink_profile.h"

/* A picture in memory: w x h pixels of 4-bit gray, level(x, y). */
typedef struct mem_pic {
    int w, h;
    int fail_at; /* the row whose read fails (-1: none) */
    int opens, closes;
    int (*level)(int x, int y);
} mem_pic_t;

typedef struct mem_rd {
    int y;
} mem_rd_t;

static ink_err_t mem_size(void *ctx, uint32_t idx, int *w, int *h)
{
    mem_pic_t *p = ctx;
    if (idx != 0)
        return INK_ERR_NOT_FOUND;
    *w = p->w;
    *h = p->h;
    return INK_OK;
}

static ink_err_t mem_open(void *ctx, uint32_t idx, ink_pool_t *pool, void **rd)
{
    mem_pic_t *p = ctx;
    if (idx != 0)
        return INK_ERR_NOT_FOUND;
    mem_rd_t *r = ink_pool_alloc(pool, sizeof *r);
    if (!r)
        return INK_ERR_NOMEM;
    r->y = 0;
    *rd = r;
    p->opens++;
    return INK_OK;
}

static ink_err_t mem_row(void *ctx, void *rd, uint8_t *row)
{
    mem_pic_t *p = ctx;
    mem_rd_t *r = rd;
    if (r->y == p->fail_at)
        return INK_ERR_INFLATE;
    memset(row, 0, ((size_t)p->w + 1) / 2);
    for (int x = 0; x < p->w; x++) {
        unsigned v = (unsigned)p->level(x, r->y) & 15u;
        row[x / 2] |= (uint8_t)(x & 1 ? v : v << 4);
    }
    r->y++;
    return INK_OK;
}

static void mem_close(void *ctx, void *rd, ink_pool_t *pool)
{
    mem_pic_t *p = ctx;
    if (rd) {
        ink_pool_free(pool, rd);
        p->closes++;
    }
}

static int flat_level;
static int flat(int x, int y)
{
    (void)x;
    (void)y;
    return flat_level;
}

static int left_black(int x, int y)
{
    (void)y;
    return x < 20 ? 0 : 15;
}

static uint8_t poolmem[64 * 1024];
static uint8_t fbmem[(200 / 8) * 120];

/* Ink inside the rectangle (x, y, w, h) of fb. */
static int ink_in(const ink_fb_t *fb, int x0, int y0, int w, int h)
{
    int n = 0;
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            n += ink_fb_get(fb, x, y);
    return n;
}

static const ink_pic_look_t plain_fs = {INK_DITHER_FS, 0, 0};
static const ink_pic_look_t plain_atkinson = {INK_DITHER_ATKINSON, 0, 0};

static void test_pic_flat_grays_get_their_share_of_ink(void **state)
{
    (void)state;
    ink_fb_t fb;
    ink_pool_t pool;
    ink_fb_init(&fb, fbmem, 200, 120);
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    mem_pic_t p = {40, 30, -1, 0, 0, flat};
    ink_pic_src_t src = {mem_size, mem_open, mem_row, mem_close, &p};
    /* shrunk, kept, enlarged; both dithers */
    static const int sizes[][2] = {{20, 15}, {40, 30}, {100, 75}};
    for (int look = 0; look < 2; look++)
        for (size_t s = 0; s < 3; s++)
            for (flat_level = 0; flat_level <= 15; flat_level += 5) {
                int w = sizes[s][0], h = sizes[s][1];
                ink_fb_clear(&fb);
                assert_int_equal(ink_pic_draw(&fb, &pool, &src, 0, 10, 10, w, h, look ? plain_atkinson : plain_fs),
                                 INK_OK);
                assert_int_equal(ink_pool_used(&pool), 0);
                double share = (double)ink_in(&fb, 10, 10, w, h) / (w * h), want = 1.0 - flat_level / 15.0;
                if (flat_level == 0 || flat_level == 15) { /* black and white stay pure */
                    if (share != want)
                        fail_msg("level %d at %dx%d (%s): %.3f of the box is ink", flat_level, w, h,
                                 look ? "Atkinson" : "Floyd-Steinberg", share);
                } else if (share < want - 0.08 || share > want + 0.08) {
                    fail_msg("level %d at %dx%d (%s): %.3f of the box is ink, want about %.3f", flat_level, w, h,
                             look ? "Atkinson" : "Floyd-Steinberg", share, want);
                }
                /* nothing outside the box */
                assert_int_equal(tu_count_ink(&fb), ink_in(&fb, 10, 10, w, h));
            }
    assert_int_equal(p.opens, p.closes);
}

static void test_pic_scaled_edges_land_where_they_should(void **state)
{
    (void)state;
    ink_fb_t fb;
    ink_pool_t pool;
    ink_fb_init(&fb, fbmem, 200, 120);
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    mem_pic_t p = {40, 30, -1, 0, 0, left_black};
    ink_pic_src_t src = {mem_size, mem_open, mem_row, mem_close, &p};
    /* the left half black: drawn at 80 wide, the first 40 columns are ink,
     * the rest paper */
    ink_fb_clear(&fb);
    assert_int_equal(ink_pic_draw(&fb, &pool, &src, 0, 0, 0, 80, 60, plain_fs), INK_OK);
    assert_int_equal(ink_in(&fb, 0, 0, 40, 60), 40 * 60);
    assert_int_equal(ink_in(&fb, 40, 0, 40, 60), 0);
    /* clipped at the panel's edges: only what is on it is drawn */
    ink_fb_clear(&fb);
    assert_int_equal(ink_pic_draw(&fb, &pool, &src, 0, -20, 100, 80, 60, plain_fs), INK_OK);
    assert_int_equal(tu_count_ink(&fb), 20 * 20);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void test_pic_errors_are_passed_on_and_the_pool_given_back(void **state)
{
    (void)state;
    ink_fb_t fb;
    ink_pool_t pool;
    ink_fb_init(&fb, fbmem, 200, 120);
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    flat_level = 0;
    mem_pic_t p = {40, 30, 12, 0, 0, flat};
    ink_pic_src_t src = {mem_size, mem_open, mem_row, mem_close, &p};
    /* a row that cannot be read: its error, the rows before it drawn */
    ink_fb_clear(&fb);
    assert_int_equal(ink_pic_draw(&fb, &pool, &src, 0, 0, 0, 40, 30, plain_fs), INK_ERR_INFLATE);
    assert_int_equal(ink_pool_used(&pool), 0);
    assert_true(ink_in(&fb, 0, 0, 40, 12) > 0);
    assert_int_equal(ink_in(&fb, 0, 13, 40, 17), 0);
    /* no such picture */
    assert_int_equal(ink_pic_draw(&fb, &pool, &src, 0 + 1, 0, 0, 40, 30, plain_fs), INK_ERR_NOT_FOUND);
    assert_int_equal(ink_pool_used(&pool), 0);
    /* a pool too small, at every size below what it needs */
    p.fail_at = -1;
    size_t enough = 0;
    for (size_t size = 64; size <= sizeof poolmem && !enough; size += 64) {
        ink_pool_init(&pool, poolmem, size);
        ink_err_t err = ink_pic_draw(&fb, &pool, &src, 0, 0, 0, 100, 75, plain_fs);
        assert_int_equal(ink_pool_used(&pool), 0);
        if (err == INK_OK)
            enough = size;
        else
            assert_int_equal(err, INK_ERR_NOMEM);
    }
    assert_true(enough > 0);
    assert_int_equal(p.opens, p.closes);
    /* the empty frame of a picture that cannot be shown: its outline only */
    ink_fb_clear(&fb);
    ink_pic_frame(&fb, 10, 10, 50, 40);
    assert_true(ink_fb_get(&fb, 10, 10) && ink_fb_get(&fb, 59, 49));
    assert_int_equal(ink_in(&fb, 14, 14, 42, 32), 0);
    assert_int_equal(tu_count_ink(&fb), ink_in(&fb, 10, 10, 50, 40));
}

static void test_pic_look_follows_the_dpi(void **state)
{
    (void)state;
    /* a look for every panel; each one draws */
    ink_fb_t fb;
    ink_pool_t pool;
    ink_fb_init(&fb, fbmem, 200, 120);
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    flat_level = 7;
    mem_pic_t p = {40, 30, -1, 0, 0, flat};
    ink_pic_src_t src = {mem_size, mem_open, mem_row, mem_close, &p};
    for (const ink_profile_t *pr = ink_profiles; pr->name; pr++) {
        ink_pic_look_t look = ink_pic_look_for_dpi(pr->dpi);
        assert_true(look.dither == INK_DITHER_FS || look.dither == INK_DITHER_ATKINSON);
        ink_fb_clear(&fb);
        assert_int_equal(ink_pic_draw(&fb, &pool, &src, 0, 0, 0, 80, 60, look), INK_OK);
        int n = ink_in(&fb, 0, 0, 80, 60);
        assert_true(n > 80 * 60 / 4 && n < 80 * 60 * 3 / 4); /* a mid gray stays a mid gray */
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pic_flat_grays_get_their_share_of_ink),
        cmocka_unit_test(test_pic_scaled_edges_land_where_they_should),
        cmocka_unit_test(test_pic_errors_are_passed_on_and_the_pool_given_back),
        cmocka_unit_test(test_pic_look_follows_the_dpi),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

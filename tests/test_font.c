/* SPDX-License-Identifier: MIT */
/* test_font.c: render/ink_font with the faces the build ships: glyphs with
 * sensible shapes, styles that differ, the cache (hits, flush, eviction
 * under many glyphs), drawing clipped at the frame's edges, damaged font
 * bytes and a small pool refused, and the pool given back whole. */
#include "testutil.h"

#include "ink_conf.h"
#include "ink_err.h"
#include "ink_fb.h"
#include "ink_font.h"
#include "ink_pool.h"
#include "ink_profile.h"

static uint8_t poolmem[INK_POOL_BYTES];

static void open_font(ink_font_t *f, ink_pool_t *pool)
{
    tu_load_fonts();
    ink_pool_init(pool, poolmem, sizeof poolmem);
    assert_int_equal(ink_font_open(f, pool, tu_fonts, INK_RENDER_GRAY, 128), INK_OK);
}

/* Ink pixels of g's bitmap. */
static int ink_of(const ink_glyph_t *g)
{
    int n = 0;
    for (int y = 0; y < g->h; y++)
        for (int x = 0; x < g->w; x++)
            n += (g->bits[y * g->pitch + x / 8] >> (7 - x % 8)) & 1;
    return n;
}

static void test_font_glyph_shapes_and_metrics(void **state)
{
    (void)state;
    ink_font_t f;
    ink_pool_t pool;
    open_font(&f, &pool);
    const int px = 32;
    const ink_glyph_t *H = ink_font_glyph(&f, INK_FACE_REGULAR, px, 'H');
    assert_non_null(H);
    assert_int_equal(H->cp, 'H');
    assert_int_equal(H->px, px);
    assert_true(H->adv > 0 && H->adv < 2 * px * 64); /* 26.6 */
    assert_true(H->h > px / 3 && H->h <= px);        /* a capital: most of the size */
    assert_true(H->top > 0);                         /* above the baseline */
    assert_true(H->pitch >= (H->w + 7) / 8);
    assert_true(ink_of(H) > 0);
    const ink_glyph_t *p = ink_font_glyph(&f, INK_FACE_REGULAR, px, 'p');
    assert_true(p->top - p->h < 0); /* a descender below the baseline */
    const ink_glyph_t *sp = ink_font_glyph(&f, INK_FACE_REGULAR, px, ' ');
    assert_non_null(sp);
    assert_true(sp->adv > 0);
    assert_true(sp->bits == NULL || ink_of(sp) == 0); /* a space draws nothing */
    const ink_glyph_t *e = ink_font_glyph(&f, INK_FACE_REGULAR, px, 0xE9);
    assert_true(e->h > ink_font_glyph(&f, INK_FACE_REGULAR, px, 'e')->h); /* é has its accent */
    ink_vmetrics_t m;
    assert_int_equal(ink_font_vmetrics(&f, INK_FACE_REGULAR, px, &m), INK_OK);
    assert_true(m.ascent > 0 && m.descent > 0);
    assert_true(m.line + 3 >= m.ascent + m.descent); /* each rounded up on its own */
    assert_true(m.line > px && m.line < 2 * px);
    assert_int_equal(f.failures, 0);
    ink_font_close(&f);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void test_font_styles_differ(void **state)
{
    (void)state;
    ink_font_t f;
    ink_pool_t pool;
    open_font(&f, &pool);
    int ink[INK_FACE_COUNT];
    for (int face = 0; face < INK_FACE_COUNT; face++) {
        const ink_glyph_t *g = ink_font_glyph(&f, (ink_face_id_t)face, 40, 'a');
        assert_non_null(g);
        assert_int_equal(g->face, face);
        ink[face] = ink_of(g);
    }
    assert_true(ink[INK_FACE_BOLD] > ink[INK_FACE_REGULAR] * 11 / 10); /* bold is heavier */
    assert_true(ink[INK_FACE_ITALIC] != ink[INK_FACE_REGULAR]);
    ink_font_close(&f);
}

static void test_font_cache_hits_flush_and_eviction(void **state)
{
    (void)state;
    ink_font_t f;
    ink_pool_t pool;
    open_font(&f, &pool);
    const ink_glyph_t *a = ink_font_glyph(&f, INK_FACE_REGULAR, 24, 'a');
    unsigned long hits = f.hits, misses = f.misses;
    assert_ptr_equal(ink_font_glyph(&f, INK_FACE_REGULAR, 24, 'a'), a);
    assert_int_equal(f.hits, hits + 1);
    ink_font_glyph(&f, INK_FACE_REGULAR, 25, 'a'); /* another size is another glyph */
    assert_int_equal(f.misses, misses + 1);
    ink_font_flush(&f);
    misses = f.misses;
    assert_non_null(ink_font_glyph(&f, INK_FACE_REGULAR, 24, 'a'));
    assert_int_equal(f.misses, misses + 1);
    /* far more glyphs than the cache holds, at sizes that fill its bytes:
     * every one is had, the pool does not grow past what the cache owns */
    size_t used = ink_pool_used(&pool);
    for (int round = 0; round < 2; round++)
        for (uint32_t cp = 0x21; cp < 0x17F; cp++) {
            if (cp >= 0x7F && cp < 0xA1)
                continue;
            const ink_glyph_t *g = ink_font_glyph(&f, (ink_face_id_t)(cp % 3), 48 + (int)(cp % 5), cp);
            assert_non_null(g);
            if (ink_cp_ignorable(cp)) /* U+00AD: draws nothing, takes no slot */
                assert_ptr_equal(g, &f.blank);
            else
                assert_int_equal(g->cp, cp);
        }
    assert_true(ink_pool_used(&pool) <= used + 16 * 1024); /* FreeType's own scratch aside */
    assert_true(f.misses > INK_GLYPH_CACHE_SLOTS);
    assert_int_equal(f.failures, 0);
    assert_int_equal(ink_pool_check(&pool), 0);
    ink_font_close(&f);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void test_font_draw_clips_at_the_edges(void **state)
{
    (void)state;
    ink_font_t f;
    ink_pool_t pool;
    open_font(&f, &pool);
    static uint8_t buf[64 * 64 / 8];
    ink_fb_t fb;
    ink_fb_init(&fb, buf, 64, 64);
    const ink_glyph_t *W = ink_font_glyph(&f, INK_FACE_BOLD, 48, 'W');
    ink_font_draw(&fb, W, 8, 48);
    int inside = 0;
    for (int y = 0; y < 64; y++)
        for (int x = 0; x < 64; x++)
            inside += ink_fb_get(&fb, x, y);
    assert_int_equal(inside, ink_of(W)); /* all of it fits: every pixel drawn */
    /* half off every edge, and far off: only what lies inside is drawn */
    static const int at[][2] = {{-20, 48}, {40, 48}, {8, 10}, {8, 90}, {-500, 48}, {8, -500}};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        ink_fb_clear(&fb);
        ink_font_draw(&fb, W, at[i][0], at[i][1]);
        int n = 0;
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 64; x++)
                n += ink_fb_get(&fb, x, y);
        assert_true(n < inside);
    }
    ink_font_close(&f);
}

static void test_font_refuses_bad_faces_and_small_pools(void **state)
{
    (void)state;
    tu_load_fonts();
    ink_font_t f;
    ink_pool_t pool;
    /* not a font: every byte of the first 4 KiB of regular, shifted */
    static uint8_t junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (uint8_t)(tu_fonts[0].data[i] + 1);
    ink_font_data_t bad[INK_FACE_COUNT] = {{junk, sizeof junk}, {NULL, 0}, {NULL, 0}};
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    assert_int_equal(ink_font_open(&f, &pool, bad, INK_RENDER_GRAY, 128), INK_ERR_FONT);
    assert_int_equal(ink_pool_used(&pool), 0);
    /* the real face cut short */
    ink_font_data_t cut[INK_FACE_COUNT] = {{tu_fonts[0].data, 2000}, {NULL, 0}, {NULL, 0}};
    assert_true(ink_font_open(&f, &pool, cut, INK_RENDER_GRAY, 128) < 0);
    assert_int_equal(ink_pool_used(&pool), 0);
    /* pools too small to open in: refused, never a crash, all given back */
    for (size_t bytes = 1024; bytes <= 32 * 1024; bytes *= 2) {
        ink_pool_init(&pool, poolmem, bytes);
        ink_err_t e = ink_font_open(&f, &pool, tu_fonts, INK_RENDER_GRAY, 128);
        if (e == INK_OK) {
            ink_font_close(&f);
        } else {
            assert_true(e == INK_ERR_NOMEM || e == INK_ERR_FONT);
        }
        assert_int_equal(ink_pool_used(&pool), 0);
    }
    /* regular alone: bold and italic fall back to it */
    ink_font_data_t one[INK_FACE_COUNT] = {tu_fonts[0], {NULL, 0}, {NULL, 0}};
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    assert_int_equal(ink_font_open(&f, &pool, one, INK_RENDER_GRAY, 128), INK_OK);
    int r = ink_of(ink_font_glyph(&f, INK_FACE_REGULAR, 40, 'a'));
    assert_int_equal(ink_of(ink_font_glyph(&f, INK_FACE_BOLD, 40, 'a')), r);
    ink_font_close(&f);
    assert_int_equal(ink_pool_used(&pool), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_font_glyph_shapes_and_metrics),
        cmocka_unit_test(test_font_styles_differ),
        cmocka_unit_test(test_font_cache_hits_flush_and_eviction),
        cmocka_unit_test(test_font_draw_clips_at_the_edges),
        cmocka_unit_test(test_font_refuses_bad_faces_and_small_pools),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

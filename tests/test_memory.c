/* SPDX-License-Identifier: MIT */
/* test_memory.c: every BBC article (../shared/data/bbc) opened, paginated
 * and drawn page by page by the device code at every profile and every
 * text size, each in the default pool (INK_POOL_BYTES) and the profile's
 * own framebuffer. Fails when an article cannot be opened, a page cannot be
 * drawn, the library cannot be drawn, the pool's structure breaks or
 * anything is left in the pool after ink_app_stop. Prints the pool's
 * high-water mark per profile and size, and the article that needed most.
 *
 * Every page of every article is drawn at each profile's default size; at
 * the other two sizes every article is opened and paginated and every page
 * of every fourth article is drawn (drawing is what takes the time; the
 * pool high-water comes almost all from opening and paginating, and the
 * heaviest article of each size is drawn in full whatever its number).
 * --all draws every page at every size.
 *
 * usage: test_memory BBC_DIR [--all]
 * Without arguments (as `make test` runs every tests/test_*), it says so and
 * passes: `make memory-test` gives it the folder. */
#define _DEFAULT_SOURCE
#include "testutil.h"

#include <time.h>

#include "ink_conf.h"
#include "ink_app.h"
#include "input.h"
#include "picture.h"

static const char *bbc_dir;
static int draw_all;
static int world; /* bbc_dir is a folder of articles in other scripts, packed with the fonts */
static int pics;  /* bbc_dir is a folder of saved pages (*.html) with their pictures */


/* The BBC articles (NNN.txt under the section folders, not README.TXT),
 * sorted, packed into one bundle with zlib (fast; the reader does the same
 * work for a zopfli bundle). */
static uint8_t *bbc_bundle(size_t *len, size_t *count)
{
    input_list_t files;
    article_list_t arts;
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.name = "BBC News 2004-05";
    opts.zopfli = 0;
    if (pics) {
        /* the saved pages, their pictures packed as pack does (the largest
         * the packer stores: 1306 pixels wide, remarkable2's column) */
        int bad = 0;
        memset(&files, 0, sizeof files);
        memset(&arts, 0, sizeof arts);
        assert_int_equal(input_add(&files, bbc_dir, &bad), 0);
        qsort(files.paths, files.n, sizeof *files.paths, tu_cmp_str);
        size_t pages = 0;
        for (size_t i = 0; i < files.n; i++) {
            const char *why = NULL, *dot = strrchr(files.paths[i], '.');
            if (!dot || strcmp(dot, ".html"))
                continue;
            pages++;
            if (input_load(files.paths[i], &arts, &why) != 1)
                fail_msg("%s: %s", files.paths[i], why ? why : "not one article");
        }
        files.n = pages;
        pics_t ps;
        assert_int_equal(pics_prepare(arts.v, arts.n, PICS_ALL, 0, &ps, stderr), 0);
        assert_true(ps.n >= 3);
        uint8_t *sec;
        size_t slen;
        assert_int_equal(pics_section(&ps, &sec, &slen), 0);
        print_message("memory: %zu pictures, the widest %u pixels\n", ps.n, (unsigned)picture_max_width());
        pics_free(&ps);
        tu_load_fonts();
        opts.fonts = tu_fonts;
        opts.pics = sec;
        opts.pics_len = slen;
        opts.name = "Pictures";
    } else if (world) {
        /* every file of the folder; the edition carries its faces, the
         * fallbacks for its scripts among them */
        int bad = 0;
        memset(&files, 0, sizeof files);
        memset(&arts, 0, sizeof arts);
        assert_int_equal(input_add(&files, bbc_dir, &bad), 0);
        qsort(files.paths, files.n, sizeof *files.paths, tu_cmp_str);
        for (size_t i = 0; i < files.n; i++) {
            const char *why = NULL;
            if (input_load(files.paths[i], &arts, &why) != 1)
                fail_msg("%s: %s", files.paths[i], why ? why : "not one article");
        }
        assert_true(files.n >= 6);
        tu_load_fonts();
        opts.fonts = tu_fonts;
        opts.name = "Inkpress World";
    } else {
        tu_bbc_articles(bbc_dir, &files, &arts);
    }
    uint8_t *data;
    const char *why;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &data, len, &why), 0);
    free((void *)(uintptr_t)opts.pics);
    *count = files.n;
    article_list_free(&arts);
    input_list_free(&files);
    return data;
}

/* Draws the current screen; fails the test when it became the error screen. */
static void draw_or_fail(ink_app_t *app, const char *what, uint32_t article, int page)
{
    ink_app_draw(app);
    if (app->screen == INK_SCREEN_ERROR)
        fail_msg("%s at %s, size %d: article %u page %d: %s (%s)", what, app->profile->name, app->state.size,
                 (unsigned)article + 1, page + 1, ink_err_str(app->error), app->error_where);
}

/* Opens article i at the app's current size, and draws every page of it
 * when draw is set. Returns its page count. */
static int read_article(ink_app_t *app, uint32_t i, int draw)
{
    ink_err_t err = ink_app_open_article(app, i);
    if (err) {
        ink_article_info_t a = {0};
        const char *title = "?";
        if (ink_bundle_article(&app->bundle, i, &a) == INK_OK)
            (void)ink_bundle_title(&app->bundle, i, app->pool, &app->titles, &title);
        fail_msg("opening article %u (%s, %u bytes) at %s, size %d: %s (pool: %zu bytes in %zu blocks in use, "
                 "largest free block %zu)",
                 (unsigned)i + 1, title, (unsigned)a.text_len, app->profile->name, app->state.size, ink_err_str(err),
                 ink_pool_used(app->pool), app->pool->allocs, ink_pool_largest_free(app->pool));
    }
    app->screen = INK_SCREEN_ARTICLE;
    int n = app->layout.npages;
    for (int p = 0; draw && p < n; p++) {
        app->page = p;
        draw_or_fail(app, "drawing", i, p);
    }
    return n;
}

typedef struct figure {
    size_t high, worst;
    long pages;
    size_t refused; /* allocations the pool refused (total fit falls back to greedy) */
} figure_t;

static void test_memory_every_article_every_profile_every_size(void **st)
{
    (void)st;
    size_t len, count;
    clock_t t0 = clock();
    uint8_t *data = bbc_bundle(&len, &count);
    print_message("memory: %zu %s articles packed into %zu bytes in %.1f s; pool %u bytes\n", count,
                  pics    ? "picture"
                  : world ? "world"
                          : "BBC",
                  len, (double)(clock() - t0) / CLOCKS_PER_SEC, (unsigned)INK_POOL_BYTES);
    tu_load_fonts();
    static uint8_t poolmem[INK_POOL_BYTES];
    static ink_app_t app;
    figure_t worst_all = {0, 0, 0, 0};
    const ink_profile_t *worst_prof = NULL;
    int worst_size = 0;
    for (const ink_profile_t *prof = ink_profiles; prof->name; prof++) {
        clock_t tp = clock();
        uint8_t *fbmem = calloc(ink_fb_bytes(prof->w, prof->h), 1);
        assert_non_null(fbmem);
        ink_fb_t fb;
        ink_pool_t pool;
        ink_hal_t hal = {tu_no_display(), NULL, NULL, NULL};
        ink_fb_init(&fb, fbmem, prof->w, prof->h);
        assert_int_equal(ink_pool_init(&pool, poolmem, sizeof poolmem), 0);
        assert_int_equal(ink_app_start(&app, &hal, &pool, &fb, prof, data, len, tu_fonts), INK_OK);
        assert_int_equal(app.bundle.narticles, count);
        size_t base = ink_pool_used(&pool), refused0 = pool.refused;
        figure_t fig[INK_SIZE_COUNT];
        for (int s = 0; s < INK_SIZE_COUNT; s++) {
            app.state.size = (uint8_t)s;
            ink_font_flush(&app.font);
            ink_pool_reset_high_water(&pool);
            /* The library, at its first and its last page. */
            app.screen = INK_SCREEN_LIBRARY;
            app.article = 0;
            draw_or_fail(&app, "drawing the library", 0, 0);
            app.article = app.bundle.narticles - 1;
            draw_or_fail(&app, "drawing the library", app.article, 0);
            figure_t f = {ink_pool_high_water(&pool), 0, 0, 0};
            for (uint32_t i = 0; i < app.bundle.narticles; i++) {
                ink_pool_reset_high_water(&pool);
                int draw = draw_all || s == prof->default_size || i % 4 == 0;
                int n = read_article(&app, i, draw);
                f.pages += n;
                if (ink_pool_high_water(&pool) > f.high) {
                    f.high = ink_pool_high_water(&pool);
                    f.worst = i;
                    if (!draw) { /* the heaviest so far is drawn whatever its number */
                        ink_pool_reset_high_water(&pool);
                        read_article(&app, i, 1);
                        if (ink_pool_high_water(&pool) > f.high)
                            f.high = ink_pool_high_water(&pool);
                    }
                }
                assert_int_equal(ink_pool_check(&pool), 0);
            }
            /* Not one glyph missing from a screen for want of memory. */
            if (app.font.failures)
                fail_msg("%s, size %d: %lu glyphs could not be had", prof->name, s, app.font.failures);
            f.refused = pool.refused - refused0;
            refused0 = pool.refused;
            fig[s] = f;
            if (f.high > worst_all.high) {
                worst_all = f;
                worst_prof = prof;
                worst_size = s;
            }
        }
        ink_app_stop(&app);
        assert_int_equal(ink_pool_used(&pool), 0);
        assert_int_equal(ink_pool_check(&pool), 0);
        free(fbmem);
        for (int s = 0; s < INK_SIZE_COUNT; s++) {
            /* The worst article's title, from a fresh look at the bundle. */
            ink_pool_init(&pool, poolmem, sizeof poolmem);
            ink_bundle_t b;
            ink_titles_t titles = {.chunk = -1};
            const char *title = "?";
            assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
            (void)ink_bundle_title(&b, (uint32_t)fig[s].worst, &pool, &titles, &title);
            print_message("memory: %-15s %4.1f pt %6ld pages  pool high-water %6zu of %u bytes (base %zu), "
                          "%zu refused  worst article %zu \"%s\"\n",
                          prof->name, prof->size_pt10[s] / 10.0, fig[s].pages, fig[s].high, (unsigned)INK_POOL_BYTES,
                          base, fig[s].refused, fig[s].worst + 1, title);
            ink_bundle_titles_free(&titles);
        }
        print_message("memory: %-15s %.1f s\n", prof->name, (double)(clock() - tp) / CLOCKS_PER_SEC);
    }
    assert_non_null(worst_prof);
    print_message("memory: worst of all: %zu bytes (%.1f%% of the pool), article %zu at %s %.1f pt\n", worst_all.high,
                  100.0 * (double)worst_all.high / INK_POOL_BYTES, worst_all.worst + 1, worst_prof->name,
                  worst_prof->size_pt10[worst_size] / 10.0);
    free(data);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        printf("test_memory: needs the BBC folder (make memory-test gives it); skipped\n");
        return 0;
    }
    world = strcmp(argv[1], "--world") == 0;
    pics = strcmp(argv[1], "--pics") == 0;
    if ((world || pics) && argc < 3) {
        printf("test_memory: %s wants a folder\n", argv[1]);
        return 1;
    }
    world |= pics;
    bbc_dir = argv[1 + world];
    draw_all = argc > 2 + world && strcmp(argv[2 + world], "--all") == 0;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memory_every_article_every_profile_every_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

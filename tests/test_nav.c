/* SPDX-License-Identifier: MIT */
/* test_nav.c: the reader's screens and buttons, on a bundle made in memory. */
#include "testutil.h"

#include "ink_conf.h"
#include "ink_format.h"
#include "ink_app.h"

static uint8_t poolmem[INK_POOL_BYTES];
static uint8_t fbmem[(800 / 8) * 600];

typedef struct display_log {
    int frames, full;
    int refuse; /* the next refreshes to refuse, as a panel whose bus failed */
} display_log_t;

static ink_err_t log_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    display_log_t *d = ctx;
    (void)fb;
    (void)area;
    if (d->refuse) {
        d->refuse--;
        return INK_ERR_IO;
    }
    d->frames++;
    d->full += mode == INK_WAVE_FULL;
    return INK_OK;
}

static const ink_display_ops_t log_display = {log_refresh, NULL};


static ink_app_t app;
static ink_pool_t pool;
static ink_fb_t fb;
static display_log_t dlog;
static tu_ram_t ram;
static ink_hal_t hal;

static ink_err_t start(const uint8_t *data, size_t len)
{
    tu_load_fonts();
    memset(&dlog, 0, sizeof dlog);
    hal.display = &log_display;
    hal.display_ctx = &dlog;
    hal.storage = tu_ram_ops();
    hal.storage_ctx = &ram;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_fb_init(&fb, fbmem, 800, 600);
    return ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, len, tu_fonts);
}

static void stop(void)
{
    ink_app_stop(&app);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void press(const char *keys)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", keys);
    for (char *k = strtok(buf, " "); k; k = strtok(NULL, " "))
        ink_app_key(&app, ink_key_parse(k));
}

static void test_nav_library_cursor_and_open(void **st)
{
    (void)st;
    memset(ram.bytes, 0xFF, sizeof ram.bytes);
    size_t len;
    uint8_t *data = tu_bundle(4, &len);
    assert_int_equal(start(data, len), INK_OK);
    assert_int_equal(app.screen, INK_SCREEN_LIBRARY);
    assert_int_equal(dlog.frames, 1);
    press("next next");
    assert_int_equal(app.article, 2);
    press("prev prev prev"); /* wraps to the last */
    assert_int_equal(app.article, 3);
    int full = dlog.full;
    press("select");
    assert_int_equal(app.screen, INK_SCREEN_ARTICLE);
    assert_int_equal(app.page, 0);
    assert_int_equal(dlog.full, full + 1); /* opening an article flashes */
    press("back");
    assert_int_equal(app.screen, INK_SCREEN_LIBRARY);
    stop();
    free(data);
}

static void test_nav_pages_run_on_into_the_next_article(void **st)
{
    (void)st;
    memset(ram.bytes, 0xFF, sizeof ram.bytes);
    size_t len;
    uint8_t *data = tu_bundle(3, &len);
    assert_int_equal(start(data, len), INK_OK);
    press("select");
    int pages = ink_app_pages(&app);
    assert_true(pages >= 1);
    for (int i = 0; i < pages; i++)
        press("next");
    assert_int_equal(app.article, 1);
    assert_int_equal(app.page, 0);
    press("prev"); /* back to the last page of the first */
    assert_int_equal(app.article, 0);
    assert_int_equal(app.page, pages - 1);
    press("select"); /* select jumps to the next article */
    assert_int_equal(app.article, 1);
    stop();
    free(data);
}

static void test_nav_menu_changes_size_and_keeps_the_place(void **st)
{
    (void)st;
    memset(ram.bytes, 0xFF, sizeof ram.bytes);
    /* One long article, so there are pages to keep a place in. */
    static char para[40][400];
    const char *paras[41];
    for (int i = 0; i < 40; i++) {
        snprintf(para[i], sizeof para[i],
                 "Paragraph %d of a long report on the state of the harbour, its budget and the ferries that "
                 "leave it each morning for the islands, whose people depend on them for almost everything.",
                 i);
        paras[i] = para[i];
    }
    paras[40] = NULL;
    article_t a;
    tu_article(&a, "A long report", "World", paras);
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.name = "Long";
    uint8_t *data;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(&a, 1, &opts, &data, &len, &why), 0);
    article_free(&a);
    assert_int_equal(start(data, len), INK_OK);
    press("select next next next");
    uint32_t off = ink_layout_page_offset(&app.layout, app.page);
    int before = ink_app_pages(&app);
    press("menu select"); /* size: medium -> large */
    assert_int_equal(app.state.size, 2);
    assert_true(ink_app_pages(&app) > before);
    press("back");
    assert_int_equal(app.screen, INK_SCREEN_ARTICLE);
    /* The page shown holds the offset that was at the top before. */
    assert_true(ink_layout_page_offset(&app.layout, app.page) <= off);
    assert_true(app.page + 1 == ink_app_pages(&app) || ink_layout_page_offset(&app.layout, app.page + 1) > off);
    press("menu next next select"); /* back to library */
    assert_int_equal(app.screen, INK_SCREEN_LIBRARY);
    stop();
    /* Restart on the same storage: the reader resumes in the article. */
    assert_int_equal(start(data, len), INK_OK);
    assert_int_equal(app.state.size, 2);
    press("select");
    assert_true(app.page > 0);
    stop();
    free(data);
}

static void test_nav_damaged_bundle_shows_the_error_screen(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(2, &len);
    data[3] ^= 0xFF;
    assert_int_equal(start(data, len), INK_ERR_MAGIC);
    assert_int_equal(app.screen, INK_SCREEN_ERROR);
    assert_int_equal(dlog.frames, 1);
    press("select back"); /* nothing to go back to; must not crash */
    assert_int_equal(app.screen, INK_SCREEN_ERROR);
    stop();
    data[3] ^= 0xFF;
    /* Damage one article's text: its page is an error, the rest reads. */
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
    data[b.text.off + 5] ^= 0x55;
    assert_int_equal(start(data, len), INK_OK);
    press("select");
    assert_int_equal(app.screen, INK_SCREEN_ERROR);
    press("back");
    assert_int_equal(app.screen, INK_SCREEN_LIBRARY);
    press("next select");
    assert_int_equal(app.screen, INK_SCREEN_ARTICLE);
    stop();
    free(data);
}

static void test_nav_a_refused_refresh_is_reported_and_redrawn_whole(void **st)
{
    (void)st;
    memset(ram.bytes, 0xFF, sizeof ram.bytes);
    size_t len;
    uint8_t *data = tu_bundle(4, &len);
    assert_int_equal(start(data, len), INK_OK);
    assert_int_equal(app.display_error, INK_OK);
    /* the library's cursor moves with fast refreshes */
    int frames = dlog.frames, full = dlog.full;
    assert_int_equal(ink_app_key(&app, INK_KEY_NEXT), INK_OK);
    assert_int_equal(dlog.frames, frames + 1);
    assert_int_equal(dlog.full, full);
    dlog.refuse = 1;
    assert_int_equal(ink_app_key(&app, INK_KEY_NEXT), INK_ERR_IO); /* said, not dropped */
    assert_int_equal(app.display_error, INK_ERR_IO);
    assert_int_equal(app.screen, INK_SCREEN_LIBRARY); /* the reader goes on */
    assert_int_equal(app.article, 2);
    assert_int_equal(dlog.frames, frames + 1);
    /* the panel shows an older screen than the plan thought: the next
     * refresh, which would be fast, is a full one */
    assert_int_equal(ink_app_key(&app, INK_KEY_NEXT), INK_OK);
    assert_int_equal(app.display_error, INK_OK);
    assert_int_equal(dlog.frames, frames + 2);
    assert_int_equal(dlog.full, full + 1);
    assert_int_equal(ink_app_key(&app, INK_KEY_PREV), INK_OK);
    assert_int_equal(dlog.full, full + 1); /* and then fast again */
    stop();
    free(data);
}

static void test_nav_allocation_failures_never_crash_or_leak(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(3, &len);
    for (long k = 0; k < 400; k += 3) {
        memset(ram.bytes, 0xFF, sizeof ram.bytes);
        tu_load_fonts();
        hal.display = &log_display;
        hal.display_ctx = &dlog;
        hal.storage = tu_ram_ops();
        hal.storage_ctx = &ram;
        ink_pool_init(&pool, poolmem, sizeof poolmem);
        pool.fail_after = k;
        ink_fb_init(&fb, fbmem, 800, 600);
        ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, len, tu_fonts);
        press("select next next menu select back next back next select");
        assert_true(app.screen <= INK_SCREEN_ERROR);
        stop();
    }
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nav_library_cursor_and_open),
        cmocka_unit_test(test_nav_pages_run_on_into_the_next_article),
        cmocka_unit_test(test_nav_menu_changes_size_and_keeps_the_place),
        cmocka_unit_test(test_nav_damaged_bundle_shows_the_error_screen),
        cmocka_unit_test(test_nav_a_refused_refresh_is_reported_and_redrawn_whole),
        cmocka_unit_test(test_nav_allocation_failures_never_crash_or_leak),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

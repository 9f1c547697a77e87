/* SPDX-License-Identifier: MIT */
/* test_failinject.c: allocation failure at every allocation of a whole
 * reading session (open the edition, the library, articles, every page,
 * a size change, the menu, back). Run k makes the pool's k-th allocation
 * (FreeType's, zlib's, the reader's own) fail once; k goes 0, 1, 2, ...
 * until a run ends with no failure injected.
 *
 * Every run must never crash, keep the pool consistent after every key,
 * and leave it empty after ink_app_stop; and it must either show the error
 * screen, from which "back back select" returns to the library and opens
 * an article (when the fonts and the edition opened at all; else the error
 * screen stays), or recover by itself: come back to the very frame the run
 * without failures shows after the same key, at the latest by the end of
 * the session. A failure may cost a redraw, never a wrong screen that stays.
 *
 * The runs are many (one per allocation), so a run does not replay the
 * session up to its failure: the run without failures keeps a snapshot of
 * everything the device owns (pool, app, framebuffer, storage) before each
 * key, and run k starts from the snapshot before the key that makes its
 * allocation. The device code has no other state, so this is the same as
 * replaying. A run stops once it is back on the reference frames (or a few
 * keys after its error screen). */
#include "ink_crc32.h"
#include "testutil.h"

#include "ink_conf.h"
#include "ink_app.h"
#include "ink_text.h"

static uint8_t poolmem[INK_POOL_BYTES];
static uint8_t fbmem[(800 / 8) * 600];


static int frames;

static ink_err_t count_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)ctx;
    (void)fb;
    (void)area;
    (void)mode;
    frames++;
    return INK_OK;
}

static const ink_display_ops_t count_display = {count_refresh, NULL};

static ink_app_t app;
static ink_pool_t pool;
static ink_fb_t fb;
static tu_ram_t ram;
static ink_hal_t hal = {&count_display, NULL, NULL, &ram}; /* storage set in main */

/* The session: the library (cursor both ways, into the second title chunk
 * and back), the menu from the library (refresh interval), the first
 * article, then page by page through the next two, with a change of text
 * size in the middle of the long one and a page back across an article's
 * start, the menu's way back to the library and one more article. */
static const char *const script = "prev prev next next "
                                  "menu next select back "
                                  "select next next next "
                                  "menu select back "
                                  "next next next next next next prev "
                                  "menu next next select "
                                  "next next select back";

#define MAX_KEYS 64

static int nkeys;
static ink_key_t keys[MAX_KEYS];

static void parse_script(void)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", script);
    nkeys = 0;
    for (char *k = strtok(buf, " "); k; k = strtok(NULL, " ")) {
        assert_true(nkeys < MAX_KEYS);
        keys[nkeys] = ink_key_parse(k);
        assert_int_not_equal(keys[nkeys], INK_KEY_NONE);
        nkeys++;
    }
}

static uint32_t fb_crc(void)
{
    return ink_crc32(0, fb.bits, (size_t)fb.stride * (size_t)fb.h);
}

/* Allocations made so far in a run started with fail_after = FAR. */
#define FAR 1000000000L
static long made(void)
{
    return FAR - pool.fail_after;
}

/* Everything the device owns: restoring it puts the device back where it was. */
typedef struct snap {
    long allocs; /* allocations made before this point */
    ink_pool_t pool;
    ink_app_t app;
    tu_ram_t ram;
    int frames;
    uint8_t fbmem[sizeof fbmem];
    uint8_t poolmem[sizeof poolmem];
} snap_t;

static void snap_take(snap_t *s, long allocs)
{
    s->allocs = allocs;
    s->pool = pool;
    s->app = app;
    s->ram = ram;
    s->frames = frames;
    memcpy(s->fbmem, fbmem, sizeof fbmem);
    memcpy(s->poolmem, poolmem, sizeof poolmem);
}

static void snap_restore(const snap_t *s)
{
    pool = s->pool;
    app = s->app;
    ram = s->ram;
    frames = s->frames;
    memcpy(fbmem, s->fbmem, sizeof fbmem);
    memcpy(poolmem, s->poolmem, sizeof poolmem);
}

/* The reference: the session without failures, and its snapshots. */
static snap_t *snaps[MAX_KEYS + 1]; /* snaps[j]: before key j; snaps[nkeys]: after the last */
static uint32_t ref_crc[MAX_KEYS];
static int ref_screen[MAX_KEYS];
static uint32_t ref_start_crc;
static long start_allocs;

static void begin(const uint8_t *data, size_t len, long fail)
{
    memset(&ram, 0xFF, sizeof ram);
    frames = 0;
    assert_int_equal(ink_pool_init(&pool, poolmem, sizeof poolmem), 0);
    pool.fail_after = fail;
    ink_fb_init(&fb, fbmem, 800, 600);
    ink_err_t err = ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, len, tu_fonts);
    assert_true(err == INK_OK || app.screen == INK_SCREEN_ERROR);
}

static void reference(const uint8_t *data, size_t len)
{
    begin(data, len, FAR);
    assert_int_equal(app.screen, INK_SCREEN_LIBRARY);
    start_allocs = made();
    ref_start_crc = fb_crc();
    int max_pages = 0, sizes = 0, articles = 0;
    uint8_t size = app.state.size;
    for (int j = 0; j < nkeys; j++) {
        snaps[j] = malloc(sizeof *snaps[j]);
        assert_non_null(snaps[j]);
        snap_take(snaps[j], made());
        ink_app_key(&app, keys[j]);
        assert_int_not_equal(app.screen, INK_SCREEN_ERROR);
        ref_crc[j] = fb_crc();
        ref_screen[j] = (int)app.screen;
        if (app.screen == INK_SCREEN_ARTICLE && ink_app_pages(&app) > max_pages)
            max_pages = ink_app_pages(&app);
        sizes += app.state.size != size;
        size = app.state.size;
        articles += keys[j] == INK_KEY_NEXT && app.screen == INK_SCREEN_ARTICLE && app.page == 0;
    }
    snaps[nkeys] = malloc(sizeof *snaps[nkeys]);
    assert_non_null(snaps[nkeys]);
    snap_take(snaps[nkeys], made());
    /* The session does what it says: a long article, a size change, pages
     * turned on into other articles. */
    assert_true(max_pages >= 3);
    assert_int_equal(sizes, 1);
    assert_true(articles >= 2);
    assert_int_equal(app.font.failures, 0);
    ink_app_stop(&app);
    assert_int_equal(ink_pool_used(&pool), 0);
}

typedef struct tally {
    long runs, errors, recovered, late; /* late: recovered after more than one key */
} tally_t;

/* Run k: allocation k fails. */
static int run(const uint8_t *data, size_t len, long k, tally_t *t)
{
    int j;
    int error_shown = 0, converged = 0, after_error = 0, keys_after = 0;
    if (k < start_allocs) {
        begin(data, len, k);
        j = 0;
        if (app.screen == INK_SCREEN_ERROR)
            error_shown = 1;
        else
            converged = fb_crc() == ref_start_crc;
    } else {
        j = 0;
        while (j < nkeys && snaps[j + 1]->allocs <= k)
            j++;
        snap_restore(snaps[j]);
        pool.fail_after = k - snaps[j]->allocs;
    }
    for (; j < nkeys && !converged; j++) {
        ink_app_key(&app, keys[j]);
        assert_true(app.screen >= INK_SCREEN_LIBRARY && app.screen <= INK_SCREEN_ERROR);
        if (ink_pool_check(&pool))
            fail_msg("run %ld: the pool is damaged after key %d", k, j + 1);
        if (app.screen == INK_SCREEN_ERROR)
            error_shown = 1;
        if (pool.fail_after >= 0)
            continue; /* not failed yet */
        keys_after++;
        if (error_shown) {
            if (++after_error > 3)
                break;
        } else if ((int)app.screen == ref_screen[j] && fb_crc() == ref_crc[j]) {
            converged = 1;
        }
    }
    int injected = pool.fail_after < 0;
    if (injected) {
        t->runs++;
        if (error_shown) {
            t->errors++;
            if (app.bundle_ok && app.font_ok) {
                ink_app_key(&app, INK_KEY_BACK);
                ink_app_key(&app, INK_KEY_BACK);
                if (app.screen != INK_SCREEN_LIBRARY)
                    fail_msg("run %ld: not back in the library after the error screen (screen %d)", k, (int)app.screen);
                ink_app_key(&app, INK_KEY_SELECT);
                if (app.screen != INK_SCREEN_ARTICLE)
                    fail_msg("run %ld: no article opens after the failure: %s (%s)", k, ink_err_str(app.error),
                             app.error_where);
            } else {
                /* Without fonts or edition the error screen is all there is. */
                ink_app_key(&app, INK_KEY_SELECT);
                ink_app_key(&app, INK_KEY_BACK);
                assert_int_equal(app.screen, INK_SCREEN_ERROR);
            }
        } else if (!converged) {
            fail_msg("run %ld: a failure left a wrong screen without an error, to the end of the session", k);
        } else {
            t->recovered++;
            t->late += keys_after > 1;
        }
    }
    ink_app_stop(&app);
    if (ink_pool_used(&pool) != 0 || pool.allocs != 0)
        fail_msg("run %ld: %zu bytes in %zu allocations left after ink_app_stop", k, ink_pool_used(&pool), pool.allocs);
    assert_int_equal(ink_pool_check(&pool), 0);
    return injected;
}

/* Forty articles in two sections (two title chunks): most two short
 * paragraphs; the second a few pages long, with italic, bold, a quote, a
 * list item and a subheading, so every face and block kind is drawn. */
static uint8_t *session_bundle(size_t *len)
{
    static const char *const short_paras[] = {
        "The council met on Tuesday to discuss the harbour budget, which has grown by a third in two years.",
        "Residents said the new ferry timetable had made their commutes \x10longer\x11, not shorter.",
        NULL,
    };
    article_t arts[40];
    char title[64];
    for (int i = 0; i < 40; i++) {
        snprintf(title, sizeof title, "Article %d: the harbour, the ferries and the budget", i + 1);
        tu_article(&arts[i], title, i < 20 ? "World" : "Business", short_paras);
        if (i == 1) {
            for (int p = 0; p < 10; p++) {
                char para[400];
                snprintf(para, sizeof para,
                         "Paragraph %d of a long report on the \x12state of the harbour\x13, its budget and the "
                         "ferries that leave it each morning for the islands, whose people depend on them for "
                         "\x10"
                         "almost everything\x11: food, post, doctors and school.",
                         p + 1);
                article_block_kind_t kind = p == 3   ? ARTICLE_BLOCK_QUOTE
                                            : p == 5 ? ARTICLE_BLOCK_LIST
                                            : p == 6 ? ARTICLE_BLOCK_SUBHEAD
                                                     : ARTICLE_BLOCK_PARA;
                assert_int_equal(article_add_block(&arts[i], kind, para, strlen(para)), 0);
            }
        }
    }
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.name = "Failure Edition";
    opts.date = "2026-11-29";
    opts.zopfli = 0;
    uint8_t *out;
    const char *why;
    assert_int_equal(bundle_write(arts, 40, &opts, &out, len, &why), 0);
    for (int i = 0; i < 40; i++)
        article_free(&arts[i]);
    return out;
}

static void test_failinject_every_allocation_of_a_session(void **st)
{
    (void)st;
    tu_load_fonts();
    parse_script();
    size_t len;
    uint8_t *data = session_bundle(&len);
    reference(data, len);
    long total = snaps[nkeys]->allocs;
    tally_t t = {0, 0, 0, 0};
    /* INK_FAILINJECT_FROM=k starts at run k (to look at one in a debugger). */
    const char *from = getenv("INK_FAILINJECT_FROM");
    long k = from ? atol(from) : 0;
    while (run(data, len, k, &t))
        k++;
    assert_int_equal(k, total); /* the first run without a failure is the one past the last allocation */
    print_message("failinject: %ld keys, %ld allocations (%ld to start), each failed once: %ld runs showed the "
                  "error screen and came back from it, %ld recovered by themselves (%ld after more than one "
                  "key); no crash, no leak\n",
                  (long)nkeys, total, start_allocs, t.errors, t.recovered, t.late);
    for (int j = 0; j <= nkeys; j++)
        free(snaps[j]);
    free(data);
}

int main(void)
{
    hal.storage = tu_ram_ops();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_failinject_every_allocation_of_a_session),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

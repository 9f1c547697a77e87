/* SPDX-License-Identifier: MIT */
/* test_scripts.c: text in every script. Every character of every test
 * article is drawn by a glyph of the edition's faces or reported by the
 * packer, and a reported one is drawn as a box, never as nothing. */
#include "testutil.h"

#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_pool.h"
#include "ink_profile.h"
#include "input.h"

#include <dirent.h>

/* What the packer reported, per article. */
typedef struct reported {
    uint32_t cps[256];
    size_t n;
    size_t calls;
} reported_t;

static void on_missing(void *ctx, size_t article, const char *title, const uint32_t *cps, size_t n)
{
    (void)article;
    (void)title;
    reported_t *r = ctx;
    r->calls++;
    for (size_t i = 0; i < n && r->n < 256; i++)
        r->cps[r->n++] = cps[i];
}

static int was_reported(const reported_t *r, uint32_t c)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->cps[i] == c)
            return 1;
    return 0;
}

static uint8_t *pack(const article_list_t *arts, reported_t *rep, bundle_stats_t *st, size_t *len)
{
    tu_load_fonts();
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.fonts = tu_fonts;
    opts.zopfli = 0;
    opts.stats = st;
    opts.on_missing = on_missing;
    opts.missing_ctx = rep;
    uint8_t *b = NULL;
    const char *why = NULL;
    assert_int_equal(bundle_write(arts->v, arts->n, &opts, &b, len, &why), 0);
    return b;
}

static void load_dir(const char *dir, article_list_t *arts)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt"))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        const char *why;
        assert_true(input_load(path, arts, &why) > 0);
    }
    closedir(d);
}

static uint8_t pool_mem[INK_POOL_BYTES * 2];
static uint8_t text[INK_ARTICLE_MAX_BYTES];

/* Every character of every article (and title) is drawn by a glyph of the
 * bundle's faces, or was reported: returns how many were checked. */
static size_t check_all(const uint8_t *bundle, size_t len, const reported_t *rep, size_t *boxes)
{
    ink_bundle_t b;
    ink_pool_t pool;
    ink_font_t font;
    ink_font_data_t faces[INK_FONT_MAX_FACES];
    int nf;
    assert_int_equal(ink_bundle_open(&b, bundle, len), INK_OK);
    assert_int_equal(ink_bundle_faces(&b, faces, &nf), INK_OK);
    ink_pool_init(&pool, pool_mem, sizeof pool_mem);
    assert_int_equal(ink_font_open_n(&font, &pool, faces, nf, INK_RENDER_GRAY, 112), INK_OK);
    size_t checked = 0;
    *boxes = 0;
    ink_titles_t titles = { 0 };
    for (uint32_t i = 0; i < b.narticles; i++) {
        ink_article_info_t ai;
        assert_int_equal(ink_bundle_article(&b, i, &ai), INK_OK);
        assert_int_equal(ink_bundle_inflate(&b, i, &pool, text, sizeof text), INK_OK);
        const char *title;
        assert_int_equal(ink_bundle_title(&b, i, &pool, &titles, &title), INK_OK);
        for (int part = 0; part < 2; part++) {
            const uint8_t *s = part ? (const uint8_t *)title : text;
            size_t n = part ? strlen(title) : ai.text_len;
            for (size_t k = 0, step; k < n; k += step) {
                uint32_t c = ink_utf8_next(s + k, n - k, &step);
                if (c < 0x20 || ink_cp_ignorable(c))
                    continue;
                checked++;
                int has = ink_font_has(&font, INK_FACE_REGULAR, c);
                if (!has && !was_reported(rep, c))
                    fail_msg("article %u: U+%04X is neither drawn nor reported", (unsigned)i, (unsigned)c);
                if (!has) {
                    /* a reported character is a box with ink, not nothing */
                    const ink_glyph_t *g = ink_font_glyph(&font, INK_FACE_REGULAR, 30, c);
                    assert_non_null(g);
                    assert_non_null(g->bits);
                    assert_true(g->adv > 0);
                    (*boxes)++;
                }
            }
        }
    }
    ink_titles_free(&titles);
    ink_font_close(&font);
    return checked;
}

/* The sample edition and the world edition: everything drawn, nothing
 * reported, with a fallback face per script. */
static void test_scripts_samples_all_drawn(void **state)
{
    (void)state;
    const char *dirs[] = { "samples", "samples/world" };
    for (int d = 0; d < 2; d++) {
        article_list_t arts = { 0 };
        load_dir(dirs[d], &arts);
        assert_true(arts.n > 0); /* an empty set checks nothing */
        reported_t rep = { 0 };
        bundle_stats_t st;
        size_t len, boxes;
        uint8_t *b = pack(&arts, &rep, &st, &len);
        size_t checked = check_all(b, len, &rep, &boxes);
        assert_true(checked > 1000);
        assert_int_equal(st.missing_chars, 0);
        assert_int_equal(rep.calls, 0);
        assert_int_equal(boxes, 0);
        if (d == 0)
            assert_int_equal(st.fallbacks, 0); /* Latin only: the three faces, as before */
        else
            assert_true(st.fallbacks >= 5); /* Devanagari, Bengali, Tamil, Arabic, Hebrew at least */
        free(b);
        article_list_free(&arts);
    }
}

/* Characters no face has are reported with their article, and drawn as
 * boxes. */
static void test_scripts_missing_reported_and_boxed(void **state)
{
    (void)state;
    article_list_t arts = { 0 };
    article_t *a = article_list_add(&arts);
    assert_non_null(a);
    const char *paras[] = { "A private sign \xEE\x80\x80 and \xEE\x80\x81, then \xE0\xA4\xA8\xE0\xA4\xAE (Devanagari).",
                            NULL };
    tu_article(a, "Boxes", "World", paras);
    a = article_list_add(&arts);
    const char *clean[] = { "Nothing missing here.", NULL };
    tu_article(a, "Clean", "World", clean);
    reported_t rep = { 0 };
    bundle_stats_t st;
    size_t len, boxes;
    uint8_t *b = pack(&arts, &rep, &st, &len);
    assert_int_equal(st.missing_chars, 2);
    assert_int_equal(st.missing_articles, 1);
    assert_int_equal(rep.calls, 1);
    assert_int_equal(rep.n, 2);
    assert_int_equal(rep.cps[0], 0xE000);
    assert_int_equal(rep.cps[1], 0xE001);
    assert_int_equal(st.fallbacks, 1);
    check_all(b, len, &rep, &boxes);
    assert_int_equal(boxes, 2);
    free(b);
    article_list_free(&arts);
}

/* Without the fallback faces the Devanagari is reported, and the bundle is
 * as it was before fallbacks existed (three faces). */
static void test_scripts_no_script_fonts(void **state)
{
    (void)state;
    article_list_t arts = { 0 };
    article_t *a = article_list_add(&arts);
    const char *paras[] = { "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87", NULL };
    tu_article(a, "Namaste", "World", paras);
    tu_load_fonts();
    reported_t rep = { 0 };
    bundle_stats_t st;
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.fonts = tu_fonts;
    opts.zopfli = 0;
    opts.stats = &st;
    opts.on_missing = on_missing;
    opts.missing_ctx = &rep;
    opts.script_fonts = "no-such-folder";
    uint8_t *b = NULL;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &b, &len, &why), 0);
    assert_int_equal(st.fallbacks, 0);
    assert_int_equal(st.missing_chars, 6); /* न म स ् त े */
    ink_bundle_t bb;
    assert_int_equal(ink_bundle_open(&bb, b, len), INK_OK);
    assert_int_equal(ink_rd32(bb.data + bb.font.off), 3);
    free(b);
    article_list_free(&arts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scripts_samples_all_drawn),
        cmocka_unit_test(test_scripts_missing_reported_and_boxed),
        cmocka_unit_test(test_scripts_no_script_fonts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

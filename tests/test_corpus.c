/* SPDX-License-Identifier: MIT */
/* test_corpus.c: every BBC article (../shared/data/bbc) is cleaned, packed
 * into one bundle, opened by the device code and laid out at the default
 * profile; the text on the pages must be the article's text exactly: its
 * title in the headline, then every line of the body, none lost, repeated
 * or changed but for the typography every input gets (textnorm: curly
 * quotes, dashes, ellipses). Prints what it measured.
 *
 * usage: test_corpus BBC_DIR */
#define _DEFAULT_SOURCE
#include "ink_crc32.h"
#include "testutil.h"

#include <dirent.h>
#include <time.h>

#include "ink_conf.h"
#include "ink_app.h"
#include "input.h"
#include "textnorm.h"

static const char *bbc_dir;

/* Collapses white space runs to one space and trims. In place. */
static void squeeze(char *s)
{
    char *w = s;
    int space = 1;
    for (char *r = s; *r; r++) {
        if (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n') {
            if (!space)
                *w++ = ' ';
            space = 1;
        } else {
            *w++ = *r;
            space = 0;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

/* Latin-1 bytes (a file that is not UTF-8) become UTF-8. */
static char *to_utf8(char *raw, size_t len)
{
    int ok = 1;
    for (size_t i = 0; i < len && ok;) {
        size_t n;
        uint32_t c = ink_utf8_next((const uint8_t *)raw + i, len - i, &n);
        ok = c != 0xFFFD || (n == 3 && (uint8_t)raw[i] == 0xEF);
        i += n;
    }
    if (ok)
        return raw;
    char *out = malloc(len * 2 + 1), *w = out;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)raw[i];
        if (c < 0x80) {
            *w++ = (char)c;
        } else {
            *w++ = (char)(0xC0 | c >> 6);
            *w++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *w = '\0';
    free(raw);
    return out;
}

/* s as the cleaner sets it: English typography. Frees s. */
static char *typeset_like_clean(char *s)
{
    char *t = textnorm_lang(s, strlen(s), TN_TYPO | TN_DASH, "en", NULL);
    assert_non_null(t);
    free(s);
    return t;
}

/* The expected text of a BBC file: title, and the body lines (each a block,
 * a leading "- " list marker dropped, with the cleaner's typography) joined
 * by '\n'. */
static void expected(const char *path, char **title, char **body)
{
    size_t len;
    char *raw = input_read_file(path, 1 << 24, &len);
    assert_non_null(raw);
    raw = to_utf8(raw, len);
    char *nl = strchr(raw, '\n');
    if (nl)
        *nl = '\0';
    *title = strdup(raw);
    squeeze(*title);
    *title = typeset_like_clean(*title);
    tu_text_t t = {0};
    tu_put(&t, "", 0);
    for (char *line = nl ? nl + 1 : NULL; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next = '\0';
        squeeze(line);
        char *s = line;
        if (s[0] == '-' && s[1] == ' ')
            s += 2;
        if (*s) {
            char *ty = typeset_like_clean(strdup(s));
            if (t.n)
                tu_put(&t, "\n", 1);
            tu_put(&t, ty, strlen(ty));
            free(ty);
        }
        line = next ? next + 1 : NULL;
    }
    *body = t.s;
    free(raw);
}


/* The device side at the default profile, with no display: one reader at a
 * time, in static memory. */
static struct {
    uint8_t poolmem[INK_POOL_BYTES];
    uint8_t fbmem[(800 / 8) * 600];
    ink_app_t app;
    ink_pool_t pool;
    ink_fb_t fb;
} reader;

static ink_app_t *reader_start(const uint8_t *data, size_t len)
{
    ink_hal_t hal = {tu_no_display(), NULL, NULL, NULL};
    ink_pool_init(&reader.pool, reader.poolmem, sizeof reader.poolmem);
    ink_fb_init(&reader.fb, reader.fbmem, 800, 600);
    assert_int_equal(ink_app_start(&reader.app, &hal, &reader.pool, &reader.fb, &ink_profiles[0], data, len, tu_fonts),
                     INK_OK);
    return &reader.app;
}

static void test_corpus_every_bbc_article_lays_out_its_own_text(void **st)
{
    (void)st;
    input_list_t files;
    article_list_t arts;
    size_t text_bytes = 0;
    clock_t t0 = clock();
    tu_bbc_articles(bbc_dir, &files, &arts);
    for (size_t i = 0; i < arts.n; i++)
        for (size_t b = 0; b < arts.v[i].nblocks; b++)
            text_bytes += strlen(arts.v[i].blocks[b].text) + 1;
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.name = "BBC News 2004-05";
    opts.zopfli = 0; /* zlib: the test is about layout, and fast */
    uint8_t *data;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &data, &len, &why), 0);
    double pack_s = (double)(clock() - t0) / CLOCKS_PER_SEC;

    /* The device side: one app, every article opened and laid out. */
    tu_load_fonts();
    ink_app_t *app = reader_start(data, len);
    ink_pool_t *pool = &reader.pool;
    assert_int_equal(app->bundle.narticles, files.n);
    size_t pages = 0, lines = 0, mismatches = 0, overfull = 0, worst_hw = 0, worst_i = 0;
    t0 = clock();
    for (uint32_t i = 0; i < app->bundle.narticles; i++) {
        ink_pool_reset_high_water(pool);
        ink_err_t err = ink_app_open_article(app, i);
        if (err)
            fail_msg("article %u (%s): %s", i + 1, ink_bundle_str(&app->bundle, 0), ink_err_str(err));
        /* Articles are grouped by section in first-seen order; the files
         * were sorted, so section folders come in order and the index
         * matches the file list. */
        tu_text_t body = {0}, head = {0};
        head.want = INK_TX_HEADLINE;
        tu_layout_text(&app->layout, &body);
        tu_layout_text(&app->layout, &head);
        char *want_title, *want_body;
        expected(files.paths[i], &want_title, &want_body);
        if (strcmp(head.s, want_title) != 0 || strcmp(body.s, want_body) != 0) {
            if (mismatches < 5) {
                size_t k = 0;
                while (body.s[k] && body.s[k] == want_body[k])
                    k++;
                print_message("mismatch: %s\n  title: '%s' vs '%s'\n  body differs at byte %zu: '%.60s' vs '%.60s'\n",
                              files.paths[i], head.s, want_title, k, body.s + k, want_body + k);
            }
            mismatches++;
        }
        pages += (size_t)app->layout.npages;
        lines += (size_t)body.lines;
        overfull += (size_t)body.overfull;
        if (ink_pool_high_water(pool) > worst_hw) {
            worst_hw = ink_pool_high_water(pool);
            worst_i = i;
        }
        free(want_title);
        free(want_body);
        free(body.s);
        free(head.s);
    }
    double layout_s = (double)(clock() - t0) / CLOCKS_PER_SEC;
    print_message("corpus: %zu articles, %zu bytes of text, bundle %zu bytes; clean+pack %.2f s\n", files.n, text_bytes,
                  len, pack_s);
    print_message("corpus: %zu pages, %zu lines at %s; layout of all %.2f s; overfull lines %zu; "
                  "pool high-water %zu bytes (article %zu)\n",
                  pages, lines, ink_profiles[0].name, layout_s, overfull, worst_hw, worst_i + 1);
    assert_int_equal(mismatches, 0);
    assert_int_equal(overfull, 0);
    ink_app_stop(app);
    assert_int_equal(ink_pool_used(pool), 0);
    article_list_free(&arts);
    free(data);
    input_list_free(&files);
}

/* Every page of every BBC article, drawn from a bundle whose soft hyphens
 * are written out in full and from one whose reader finds most of them
 * with the edition's patterns (HYPH), hashed frame by frame: the same
 * pages, pixel for pixel. */
static uint32_t page_hash(const uint8_t *data, size_t len, size_t *pages)
{
    ink_app_t *app = reader_start(data, len);
    ink_fb_t *fb = &reader.fb;
    uint32_t h = 0;
    *pages = 0;
    for (uint32_t i = 0; i < app->bundle.narticles; i++) {
        assert_int_equal(ink_app_open_article(app, i), INK_OK);
        app->screen = INK_SCREEN_ARTICLE;
        for (int p = 0; p < app->layout.npages; p++) {
            app->page = p;
            ink_app_draw(app);
            assert_int_equal(app->screen, INK_SCREEN_ARTICLE);
            h = ink_crc32(h, fb->bits, ink_fb_bytes(fb->w, fb->h));
            (*pages)++;
        }
    }
    ink_app_stop(app);
    assert_int_equal(ink_pool_used(&reader.pool), 0);
    return h;
}

static void test_corpus_patterns_change_no_pixel(void **st)
{
    (void)st;
    input_list_t files;
    article_list_t arts;
    tu_bbc_articles(bbc_dir, &files, &arts);
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.zopfli = 0;
    bundle_stats_t with_st, without_st;
    uint8_t *with, *without;
    size_t lw, lwo;
    const char *why;
    opts.stats = &with_st;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &with, &lw, &why), 0);
    opts.hyph = 0;
    opts.stats = &without_st;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &without, &lwo, &why), 0);
    /* The patterns pay here, and the text then holds few soft hyphens. */
    assert_true(with_st.hyph > 0 && without_st.hyph == 0);
    assert_true(lw < lwo);
    assert_true(with_st.hyph_articles == arts.n);
    assert_true(with_st.shy_after * 10 < with_st.shy_before);
    tu_load_fonts();
    size_t pw, pwo;
    uint32_t hw = page_hash(with, lw, &pw), hwo = page_hash(without, lwo, &pwo);
    print_message("corpus: patterns (HYPH %zu bytes, %zu patterns) make the bundle %zu bytes instead of %zu; "
                  "soft hyphens written %zu of %zu; %zu pages the same\n",
                  with_st.hyph, with_st.hyph_patterns, lw, lwo, with_st.shy_after, with_st.shy_before, pw);
    assert_int_equal(pw, pwo);
    assert_int_equal(hw, hwo);
    article_list_free(&arts);
    free(with);
    free(without);
    input_list_free(&files);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_corpus BBC_DIR\n");
        return 2;
    }
    bbc_dir = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_every_bbc_article_lays_out_its_own_text),
        cmocka_unit_test(test_corpus_patterns_change_no_pixel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

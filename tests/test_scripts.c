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
#include "scriptfont.h"

#include <ft2build.h>
#include FT_FREETYPE_H

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

/* Opens a packed edition as the device does: the bundle, its faces, the
 * pool, the fonts (the faces' records are copied by ink_font_open_n). */
static void open_edition(const uint8_t *bundle, size_t len, ink_bundle_t *b, ink_pool_t *pool, ink_font_t *font)
{
    ink_font_data_t faces[INK_FONT_MAX_FACES];
    int nf;
    assert_int_equal(ink_bundle_open(b, bundle, len), INK_OK);
    assert_int_equal(ink_bundle_faces(b, faces, &nf), INK_OK);
    ink_pool_init(pool, pool_mem, sizeof pool_mem);
    assert_int_equal(ink_font_open_n(font, pool, faces, nf, INK_RENDER_GRAY, 112), INK_OK);
}

/* Every character of every article (and title) is drawn by a glyph of the
 * bundle's faces, or was reported: returns how many were checked. */
static size_t check_all(const uint8_t *bundle, size_t len, const reported_t *rep, size_t *boxes)
{
    ink_bundle_t b;
    ink_pool_t pool;
    ink_font_t font;
    open_edition(bundle, len, &b, &pool, &font);
    size_t checked = 0;
    *boxes = 0;
    ink_titles_t titles = {0};
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
    ink_bundle_titles_free(&titles);
    ink_font_close(&font);
    return checked;
}

/* The sample edition and the two world editions: everything drawn,
 * nothing reported, with a fallback face per script. */
static void test_scripts_samples_all_drawn(void **state)
{
    (void)state;
    const char *dirs[] = {"samples", "samples/world", "samples/world2"};
    for (int d = 0; d < 3; d++) {
        article_list_t arts = {0};
        load_dir(dirs[d], &arts);
        assert_true(arts.n > 0); /* an empty set checks nothing */
        reported_t rep = {0};
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
    article_list_t arts = {0};
    article_t *a = article_list_add(&arts);
    assert_non_null(a);
    const char *paras[] = {"A private sign \xEE\x80\x80 and \xEE\x80\x81, then \xE0\xA4\xA8\xE0\xA4\xAE (Devanagari).",
                           NULL};
    tu_article(a, "Boxes", "World", paras);
    a = article_list_add(&arts);
    const char *clean[] = {"Nothing missing here.", NULL};
    tu_article(a, "Clean", "World", clean);
    reported_t rep = {0};
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
    article_list_t arts = {0};
    article_t *a = article_list_add(&arts);
    const char *paras[] = {"\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87", NULL};
    tu_article(a, "Namaste", "World", paras);
    tu_load_fonts();
    reported_t rep = {0};
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

/* The ink of glyph g: how many pixels it sets. */
static size_t ink_of(const ink_glyph_t *g)
{
    size_t n = 0;
    for (size_t i = 0; g->bits && i < (size_t)g->pitch * g->h; i++)
        for (uint8_t b = g->bits[i]; b; b &= (uint8_t)(b - 1))
            n++;
    return n;
}

/* Headlines and bold text in another script: the fallback face's glyph
 * is drawn emboldened (it has no bold), by character and in a shaped run,
 * with the regular's advance; Latin keeps the bold face's own glyphs. */
static void test_scripts_bold_fallback_emboldened(void **state)
{
    (void)state;
    article_list_t arts = {0};
    article_t *a = article_list_add(&arts);
    const char *paras[] = {"\x12\xE0\xA4\xA8\xE0\xA4\xA6\xE0\xA5\x80\x13 \xE0\xA4\xAA\xE0\xA5\x81\xE0\xA4\xB2", NULL};
    tu_article(a, "\xE0\xA4\xA8\xE0\xA4\xAF\xE0\xA4\xBE \xE0\xA4\xAA\xE0\xA5\x81\xE0\xA4\xB2", "World", paras);
    reported_t rep = {0};
    bundle_stats_t st;
    size_t len;
    uint8_t *bundle = pack(&arts, &rep, &st, &len);
    assert_int_equal(st.fallbacks, 1);
    ink_bundle_t b;
    ink_pool_t pool;
    ink_font_t font;
    open_edition(bundle, len, &b, &pool, &font);
    /* by character: न (U+0928) */
    const ink_glyph_t *g = ink_font_glyph(&font, INK_FACE_REGULAR, 40, 0x0928);
    assert_non_null(g);
    size_t reg = ink_of(g);
    int32_t adv = g->adv;
    g = ink_font_glyph(&font, INK_FACE_BOLD, 40, 0x0928);
    assert_non_null(g);
    assert_int_equal(g->adv, adv);
    assert_true(ink_of(g) > reg + reg / 10); /* visibly heavier */
    /* by glyph id, as a shaped run draws: the first glyph with ink */
    size_t done = 0;
    for (uint32_t gid = 1; gid < 40 && !done; gid++) {
        g = ink_font_glyph_id(&font, 3, 40, gid, 0);
        assert_non_null(g);
        if (!(reg = ink_of(g)))
            continue;
        g = ink_font_glyph_id(&font, 3, 40, gid, 1);
        assert_non_null(g);
        assert_true(ink_of(g) > reg + reg / 10);
        /* asked for again, unbolded: the cache keeps the two apart */
        assert_int_equal(ink_of(ink_font_glyph_id(&font, 3, 40, gid, 0)), reg);
        done = 1;
    }
    assert_true(done);
    /* the styled faces draw their own weight: Latin bold is Charis Bold's */
    const ink_glyph_t *lr = ink_font_glyph_id(&font, INK_FACE_BOLD, 40, 20, 1);
    assert_non_null(lr);
    size_t lb = ink_of(lr);
    assert_int_equal(ink_of(ink_font_glyph_id(&font, INK_FACE_BOLD, 40, 20, 0)), lb);
    ink_font_close(&font);
    free(bundle);
    article_list_free(&arts);
}

/* Where a glyph's ink sits across, in its top and bottom thirds: the mean
 * column of each, times the count (so the caller compares sums). */
static void lean_of(const ink_glyph_t *g, double *top, double *bottom)
{
    size_t nt = 0, nb = 0;
    double st = 0, sb = 0;
    for (int y = 0; y < g->h; y++)
        for (int x = 0; x < g->w; x++)
            if (g->bits[(size_t)y * g->pitch + (size_t)x / 8] & (0x80 >> (x % 8))) {
                if (y < g->h / 3)
                    st += x, nt++;
                else if (y >= g->h - g->h / 3)
                    sb += x, nb++;
            }
    assert_true(nt > 0 && nb > 0);
    *top = st / (double)nt;
    *bottom = sb / (double)nb;
}

/* Italic in another script: Cyrillic has Charis Italic's own forms; Greek
 * (which Charis lacks but for phonetic letters, so the fallback Noto Serif
 * draws it) and Armenian lean as an oblique, with the regular's advance
 * (they were upright: Ελλάδα in an italic run looked like roman); Hebrew
 * and Arabic have no italic and stay upright. */
static void test_scripts_italic_fallback_slanted(void **state)
{
    (void)state;
    article_list_t arts = {0};
    article_t *a = article_list_add(&arts);
    const char *paras[] = {"\x10λιμάνι Երևան שלום "
                           "مكتبة лиман\x11 λιμάνι",
                           NULL};
    tu_article(a, "Italic", "World", paras);
    reported_t rep = {0};
    bundle_stats_t st;
    size_t len;
    uint8_t *bundle = pack(&arts, &rep, &st, &len);
    ink_bundle_t b;
    ink_pool_t pool;
    ink_font_t font;
    open_edition(bundle, len, &b, &pool, &font);
    /* λ (U+03BB, Noto Serif) and Ե (U+0535, Noto Serif Armenian) lean right;
     * ש (U+05E9) and ك (U+0643) do not move; и (U+0438) is Charis Italic's */
    static const struct {
        uint32_t cp;
        int leans;
    } cases[] = {
        {0x03BB, 1},
        {0x0535, 1},
        {0x05E9, 0},
        {0x0643, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const ink_glyph_t *g = ink_font_glyph(&font, INK_FACE_REGULAR, 60, cases[i].cp);
        assert_non_null(g);
        int32_t adv = g->adv;
        double rt, rb, it, ib;
        lean_of(g, &rt, &rb);
        g = ink_font_glyph(&font, INK_FACE_ITALIC, 60, cases[i].cp);
        assert_non_null(g);
        assert_int_equal(g->adv, adv);
        lean_of(g, &it, &ib);
        /* the top moves right of the bottom by some pixels more than in roman */
        double lean = (it - ib) - (rt - rb);
        if (cases[i].leans && lean < 3)
            fail_msg("U+%04X in italic leans %.1f px more than roman, not slanted", (unsigned)cases[i].cp, lean);
        if (!cases[i].leans && (lean > 0.5 || lean < -0.5))
            fail_msg("U+%04X in italic leans %.1f px, slanted", (unsigned)cases[i].cp, lean);
    }
    /* Cyrillic comes from Charis Italic itself: another glyph, not a slant */
    assert_true(ink_font_has(&font, INK_FACE_ITALIC, 0x0438));
    ink_font_close(&font);
    free(bundle);
    article_list_free(&arts);
}

/* The whole of a Noto face file from the folders scriptfont looks in. */
static uint8_t *noto_file(const char *file, size_t *len)
{
    char dirs[] = SCRIPTFONT_DIRS_DEFAULT;
    for (char *d = strtok(dirs, ":"); d; d = strtok(NULL, ":")) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", d, file);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        uint8_t *p = malloc((size_t)n);
        assert_non_null(p);
        assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
        fclose(f);
        *len = (size_t)n;
        return p;
    }
    fail_msg("%s is not installed (make deps: fonts-noto-cjk)", file);
    return NULL;
}

/* 1 when cp has the same outline (unscaled points, contours, advance) in
 * face index fa of a and face index fb of b. */
static int same_outline(FT_Library lib, const uint8_t *a, size_t alen, int fa, const uint8_t *b, size_t blen, int fb,
                        uint32_t cp)
{
    FT_Face x, y;
    assert_int_equal(FT_New_Memory_Face(lib, a, (FT_Long)alen, fa, &x), 0);
    assert_int_equal(FT_New_Memory_Face(lib, b, (FT_Long)blen, fb, &y), 0);
    FT_UInt gx = FT_Get_Char_Index(x, cp), gy = FT_Get_Char_Index(y, cp);
    assert_true(gx && gy);
    assert_int_equal(FT_Load_Glyph(x, gx, FT_LOAD_NO_SCALE), 0);
    assert_int_equal(FT_Load_Glyph(y, gy, FT_LOAD_NO_SCALE), 0);
    FT_Outline *ox = &x->glyph->outline, *oy = &y->glyph->outline;
    int same = ox->n_points == oy->n_points && ox->n_contours == oy->n_contours &&
               x->glyph->advance.x == y->glyph->advance.x &&
               !memcmp(ox->points, oy->points, (size_t)ox->n_points * sizeof *ox->points) &&
               !memcmp(ox->contours, oy->contours, (size_t)ox->n_contours * sizeof *ox->contours);
    FT_Done_Face(x);
    FT_Done_Face(y);
    return same;
}

/* A Chinese, a Japanese and a Traditional Chinese article side by side:
 * each has its own face of Noto Serif CJK (AFNT), and 直, 骨 and 誤 are
 * drawn in its language's forms -- the outlines of the face hb-view would
 * draw them with for that language -- not all in one language's. */
static void test_scripts_cjk_face_per_article(void **state)
{
    (void)state;
    article_list_t arts = {0};
    const char *zh[] = {"\xE7\x9B\xB4\xE9\x80\x9A\xE9\xAA\xA8\xE7\xA7\x91\xE5\x8C\xBB\xE9\x99\xA2\xEF\xBC\x8C"
                        "\xE6\xB2\xA1\xE6\x9C\x89\xE8\xAA\xA4\xE7\x82\xB9\xE3\x80\x82",
                        NULL}; /* 直通骨科医院，没有誤点。 */
    const char *ja[] = {
        "\xE9\xAA\xA8\xE3\x81\xAE\xE7\x97\x85\xE9\x99\xA2\xE3\x81\xB8\xE7\x9B\xB4\xE9\x80\x9A"
        "\xE3\x81\xA7\xE3\x80\x81\xE8\xAA\xA4\xE3\x82\x8A\xE3\x81\xAF\xE3\x81\xAA\xE3\x81\x84\xE3\x80\x82",
        NULL}; /* 骨の病院へ直通で、誤りはない。 */
    const char *tw[] = {"\xE7\x9B\xB4\xE9\x80\x9A\xE9\xAA\xA8\xE7\xA7\x91\xE9\x86\xAB\xE9\x99\xA2\xEF\xBC\x8C"
                        "\xE6\xB2\x92\xE6\x9C\x89\xE8\xAA\xA4\xE9\xBB\x9E\xE3\x80\x82",
                        NULL}; /* 直通骨科醫院，沒有誤點。 */
    tu_article(article_list_add(&arts), "\xE7\x9B\xB4\xE9\x80\x9A", "\xE5\x9B\xBD\xE9\x99\x85", zh);
    tu_article(article_list_add(&arts), "\xE7\x9B\xB4\xE9\x80\x9A\xE3\x83\x90\xE3\x82\xB9", "\xE7\xA4\xBE\xE4\xBC\x9A",
               ja);
    article_t *a = article_list_add(&arts);
    tu_article(a, "\xE7\x9B\xB4\xE9\x80\x9A", "\xE5\x9C\x8B\xE9\x9A\x9B", tw);
    a->lang = strdup("zh-TW");
    reported_t rep = {0};
    bundle_stats_t st;
    size_t len, boxes;
    uint8_t *bundle = pack(&arts, &rep, &st, &len);
    assert_int_equal(st.missing_chars, 0);
    assert_true(check_all(bundle, len, &rep, &boxes) > 30);
    assert_int_equal(boxes, 0);
    ink_bundle_t b;
    ink_font_data_t faces[INK_FONT_MAX_FACES];
    int nf;
    assert_int_equal(ink_bundle_open(&b, bundle, len), INK_OK);
    assert_int_equal(ink_bundle_faces(&b, faces, &nf), INK_OK);
    assert_true(b.afnt.len == 3);
    size_t tlen = 0;
    uint8_t *ttc = noto_file("NotoSerifCJK-Regular.ttc", &tlen);
    FT_Library lib;
    assert_int_equal(FT_Init_FreeType(&lib), 0);
    /* the test means something: the forms differ between the languages */
    assert_false(same_outline(lib, ttc, tlen, 0, ttc, tlen, 2, 0x76F4)); /* 直: Japanese, Chinese */
    assert_false(same_outline(lib, ttc, tlen, 0, ttc, tlen, 2, 0x9AA8)); /* 骨 */
    assert_false(same_outline(lib, ttc, tlen, 2, ttc, tlen, 3, 0x8AA4)); /* 誤: Simplified, Traditional forms */
    /* articles in edition order: the sections as they came, zh, ja, zh-TW */
    static const int want[3] = {2, 0, 3}; /* Noto Serif CJK's SC, JP, TC */
    static const uint32_t cps[3] = {0x76F4, 0x9AA8, 0x8AA4};
    int seen[3];
    for (uint32_t i = 0; i < 3; i++) {
        int k = ink_bundle_article_face(&b, i);
        assert_true(k >= INK_FACE_COUNT && k < nf);
        seen[i] = k;
        for (int c = 0; c < 3; c++)
            if (!same_outline(lib, faces[k].data, faces[k].len, 0, ttc, tlen, want[i], cps[c]))
                fail_msg("article %u: U+%04X is not Noto Serif CJK face %d's", (unsigned)i, (unsigned)cps[c], want[i]);
    }
    assert_true(seen[0] != seen[1] && seen[1] != seen[2] && seen[0] != seen[2]);
    /* and the device draws each article's character from its face: what a
     * font with that face as its only fallback draws, pixel for pixel */
    ink_pool_t pool;
    ink_font_t font, only;
    static uint8_t only_mem[INK_POOL_BYTES];
    uint8_t bits[3][4096];
    size_t nbits[3];
    ink_pool_init(&pool, pool_mem, sizeof pool_mem);
    assert_int_equal(ink_font_open_n(&font, &pool, faces, nf, INK_RENDER_GRAY, 112), INK_OK);
    for (uint32_t i = 0; i < 3; i++) {
        ink_font_prefer(&font, ink_bundle_article_face(&b, i));
        const ink_glyph_t *g = ink_font_glyph(&font, INK_FACE_REGULAR, 40, 0x76F4);
        assert_non_null(g);
        nbits[i] = (size_t)g->pitch * g->h;
        assert_true(nbits[i] <= sizeof bits[i]);
        memcpy(bits[i], g->bits, nbits[i]);
        ink_font_data_t sub[4] = {faces[0], faces[1], faces[2], faces[seen[i]]};
        ink_pool_t op;
        ink_pool_init(&op, only_mem, sizeof only_mem);
        assert_int_equal(ink_font_open_n(&only, &op, sub, 4, INK_RENDER_GRAY, 112), INK_OK);
        const ink_glyph_t *o = ink_font_glyph(&only, INK_FACE_REGULAR, 40, 0x76F4);
        assert_non_null(o);
        assert_int_equal((size_t)o->pitch * o->h, nbits[i]);
        assert_memory_equal(o->bits, bits[i], nbits[i]);
        ink_font_close(&only);
    }
    assert_true(nbits[0] != nbits[1] || memcmp(bits[0], bits[1], nbits[0])); /* 直 in Chinese and Japanese */
    ink_font_close(&font);
    FT_Done_FreeType(lib);
    free(ttc);
    free(bundle);
    article_list_free(&arts);
}

/* One CJK language, or none: no AFNT, the edition as it was. */
static void test_scripts_one_cjk_no_afnt(void **state)
{
    (void)state;
    article_list_t arts = {0};
    const char *zh[] = {"\xE7\x9B\xB4\xE9\x80\x9A\xE9\xAA\xA8\xE7\xA7\x91\xE3\x80\x82", NULL};
    const char *en[] = {"A ferry and a bridge.", NULL};
    tu_article(article_list_add(&arts), "\xE7\x9B\xB4\xE9\x80\x9A", "World", zh);
    tu_article(article_list_add(&arts), "Bridge", "World", en);
    reported_t rep = {0};
    bundle_stats_t st;
    size_t len;
    uint8_t *bundle = pack(&arts, &rep, &st, &len);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, bundle, len), INK_OK);
    assert_int_equal(b.afnt.len, 0);
    assert_int_equal(ink_bundle_article_face(&b, 0), 0);
    assert_int_equal(st.fallbacks, 1);
    free(bundle);
    article_list_free(&arts);
}

/* Greek letters the edition's regular face lacks (Charis has 23, for
 * phonetics: alpha, not alpha with tonos) bring the whole script to the
 * fallback face, so that no Greek word mixes two designs; an edition whose
 * Greek the regular has whole keeps it there and takes no fallback. */
static int face_has(const ink_font_data_t *fd, uint32_t cp)
{
    FT_Library lib;
    FT_Face face;
    assert_int_equal(FT_Init_FreeType(&lib), 0);
    assert_int_equal(FT_New_Memory_Face(lib, fd->data, (FT_Long)fd->len, 0, &face), 0);
    int has = FT_Get_Char_Index(face, cp) != 0;
    FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return has;
}

static void test_scripts_greek_whole_from_one_face(void **state)
{
    (void)state;
    for (int partial = 0; partial < 2; partial++) {
        article_list_t arts = {0};
        /* "Το λιμάνι άνοιξε." (iota and alpha with tonos), or "The β factor." */
        const char *el[] = {"\xCE\xA4\xCE\xBF \xCE\xBB\xCE\xB9\xCE\xBC\xCE\xAC\xCE\xBD\xCE\xB9 "
                            "\xCE\xAC\xCE\xBD\xCE\xBF\xCE\xB9\xCE\xBE\xCE\xB5.",
                            NULL};
        const char *en[] = {"The \xCE\xB2 factor of the harbour.", NULL};
        if (partial)
            tu_article(article_list_add(&arts), "Harbour", "World", el);
        tu_article(article_list_add(&arts), "Factor", "World", en);
        reported_t rep = {0};
        bundle_stats_t st;
        size_t len;
        uint8_t *bundle = pack(&arts, &rep, &st, &len);
        ink_bundle_t b;
        ink_font_data_t faces[INK_FONT_MAX_FACES];
        int nf;
        assert_int_equal(ink_bundle_open(&b, bundle, len), INK_OK);
        assert_int_equal(ink_bundle_faces(&b, faces, &nf), INK_OK);
        assert_int_equal(rep.n, 0);
        /* beta: in the regular's subsets alone, or in the fallback alone */
        for (int f = 0; f < INK_FACE_COUNT; f++)
            assert_int_equal(face_has(&faces[f], 0x3B2), !partial);
        assert_int_equal(nf, partial ? INK_FACE_COUNT + 1 : INK_FACE_COUNT);
        if (partial) {
            assert_true(face_has(&faces[INK_FACE_COUNT], 0x3B2));
            assert_true(face_has(&faces[INK_FACE_COUNT], 0x3BB)); /* lambda, which Charis has */
            assert_true(face_has(&faces[INK_FACE_COUNT], 0x3AC)); /* alpha with tonos, which it lacks */
        }
        size_t boxes;
        assert_true(check_all(bundle, len, &rep, &boxes) > 0);
        assert_int_equal(boxes, 0);
        free(bundle);
        article_list_free(&arts);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scripts_bold_fallback_emboldened),
        cmocka_unit_test(test_scripts_italic_fallback_slanted),
        cmocka_unit_test(test_scripts_cjk_face_per_article),
        cmocka_unit_test(test_scripts_one_cjk_no_afnt),
        cmocka_unit_test(test_scripts_greek_whole_from_one_face),
        cmocka_unit_test(test_scripts_samples_all_drawn),
        cmocka_unit_test(test_scripts_missing_reported_and_boxed),
        cmocka_unit_test(test_scripts_no_script_fonts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

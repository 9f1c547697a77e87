/* SPDX-License-Identifier: MIT */
/* test_shape.c: complex scripts shaped on the host, drawn by glyph id on
 * the device. For every shaped run (every word of Devanagari, Bengali,
 * Tamil, Arabic, Persian, Hebrew) of the world edition, the glyphs the
 * device draws and where (ink_run.h read from the bundle, scaled by the
 * device's code) are what hb-shape (Debian's libharfbuzz-bin) gives for the
 * same text with the same Noto face: the same glyphs (by name: the bundle
 * was packed keeping the names), clusters, advances and offsets in font
 * units exactly, and in pixels at a body size within the rounding of one
 * pixel. */
#include "testutil.h"

#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_pool.h"
#include "ink_profile.h"
#include "ink_run.h"
#include "ink_text.h"
#include "input.h"
#include "ink_app.h"
#include "scriptfont.h"
#include "shape.h"

#include <dirent.h>
#include <hb.h>

#define MAX_RUNS 4096
#define PX 28 /* a body size (10 pt at 200 dpi) */

typedef struct hbg {
    char name[64];
    int cl, dx, dy, ax;
} hbg_t;

typedef struct run_ref {
    ink_run_t r;
} run_ref_t;

static run_ref_t runs[MAX_RUNS];
static size_t nruns;
static uint8_t pool_mem[INK_POOL_BYTES * 2];
static uint8_t text[INK_ARTICLE_MAX_BYTES];
static uint8_t *texts[64];

static void collect(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != INK_TX_GLYPHS)
            continue;
        assert_true(nruns < MAX_RUNS);
        assert_int_equal(ink_run_parse(s + i, n - i, &runs[nruns].r), INK_OK);
        i += runs[nruns].r.len - 1;
        nruns++;
    }
}

/* hb-shape's glyphs for each line of the texts, at size (0: font units). */
static hbg_t (*hb_shape_lines(const char *font, const char *txtfile, size_t nlines, int size, size_t **counts))[64]
{
    char cmd[1024], sz[32] = "";
    if (size)
        snprintf(sz, sizeof sz, "--font-size=%d", size);
    snprintf(cmd, sizeof cmd, "LC_ALL=C hb-shape --output-format=json --utf8-clusters %s --text-file=%s %s", sz,
             txtfile, font);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    hbg_t(*out)[64] = calloc(nlines, sizeof *out);
    *counts = calloc(nlines, sizeof **counts);
    assert_non_null(out);
    static char line[1 << 16];
    size_t k = 0;
    while (k < nlines && fgets(line, sizeof line, p)) {
        const char *q = line;
        size_t g = 0;
        while ((q = strstr(q, "{\"g\":\"")) && g < 64) {
            q += 6;
            const char *e = strchr(q, '"');
            assert_non_null(e);
            size_t l = (size_t)(e - q) < 63 ? (size_t)(e - q) : 63;
            memcpy(out[k][g].name, q, l);
            out[k][g].name[l] = '\0';
            int ay;
            assert_int_equal(sscanf(e, "\",\"cl\":%d,\"dx\":%d,\"dy\":%d,\"ax\":%d,\"ay\":%d", &out[k][g].cl,
                                    &out[k][g].dx, &out[k][g].dy, &out[k][g].ax, &ay),
                             5);
            g++;
            q = e;
        }
        (*counts)[k++] = g;
    }
    assert_int_equal(pclose(p), 0);
    assert_int_equal(k, nlines);
    return out;
}

/* The runs of the edition of the articles in dir, against hb-shape: at
 * least min_runs of them. */
static void check_runs(const char *dir, size_t min_runs)
{
    article_list_t arts = {0};
    input_list_t files = {0};
    int bad = 0;
    assert_int_equal(input_add(&files, dir, &bad), 0);
    for (size_t i = 0; i < files.n; i++) {
        const char *why;
        assert_true(input_load(files.paths[i], &arts, &why) > 0);
    }
    assert_true(arts.n >= 6);
    bundle_stats_t st;
    bundle_opts_t opts = tu_opts_with_fonts();
    opts.stats = &st;
    opts.font_flags = FS_GLYPH_NAMES;
    uint8_t *b;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &b, &len, &why), 0);
    assert_true(st.shaped_runs > min_runs);

    ink_bundle_t bb;
    ink_pool_t pool;
    ink_font_t font;
    ink_font_data_t faces[INK_FONT_MAX_FACES];
    int nf;
    assert_int_equal(ink_bundle_open(&bb, b, len), INK_OK);
    assert_int_equal(ink_bundle_faces(&bb, faces, &nf), INK_OK);
    ink_pool_init(&pool, pool_mem, sizeof pool_mem);
    assert_int_equal(ink_font_open_n(&font, &pool, faces, nf, INK_RENDER_GRAY, 112), INK_OK);
    ink_titles_t titles = {.chunk = -1};
    nruns = 0;
    for (uint32_t i = 0; i < bb.narticles && i < 32; i++) { /* texts[32 + i]: its title */
        ink_article_info_t ai;
        assert_int_equal(ink_bundle_article(&bb, i, &ai), INK_OK);
        assert_int_equal(ink_bundle_inflate(&bb, i, &pool, text, sizeof text), INK_OK);
        texts[i] = malloc(ai.text_len + 1);
        memcpy(texts[i], text, ai.text_len);
        collect(texts[i], ai.text_len);
        const char *title;
        assert_int_equal(ink_bundle_title(&bb, i, &pool, &titles, &title), INK_OK);
        texts[32 + i] = (uint8_t *)strdup(title);
        collect(texts[32 + i], strlen(title));
    }
    assert_true(nruns >= st.shaped_runs); /* the texts' runs, and the titles' */
    size_t checked = 0, glyphs = 0;
    for (int f = INK_FACE_COUNT; f < nf; f++) {
        /* this face's runs, one a line, through hb-shape with the Noto file */
        char txt[] = "build/tests/shape-runs.txt", path[512];
        FILE *t = fopen(txt, "w");
        assert_non_null(t);
        size_t nl = 0, idx[MAX_RUNS];
        for (size_t r = 0; r < nruns; r++)
            if (runs[r].r.face == f) {
                fwrite(runs[r].r.text, 1, runs[r].r.ulen, t);
                fputc('\n', t);
                idx[nl++] = r;
            }
        fclose(t);
        if (!nl)
            continue;
        tu_noto_path(st.fallback_file[f - INK_FACE_COUNT], path, sizeof path);
        size_t *cu, *cp;
        hbg_t(*units)[64] = hb_shape_lines(path, txt, nl, 0, &cu);
        hbg_t(*pix)[64] = hb_shape_lines(path, txt, nl, PX, &cp);
        hb_blob_t *blob = hb_blob_create((const char *)faces[f].data, (unsigned)faces[f].len, HB_MEMORY_MODE_READONLY,
                                         NULL, NULL);
        hb_face_t *hf = hb_face_create(blob, 0);
        hb_font_t *hfont = hb_font_create(hf);
        int upem = ink_font_upem(&font, f);
        assert_int_equal(upem, (int)hb_face_get_upem(hf));
        for (size_t l = 0; l < nl; l++) {
            const ink_run_t *r = &runs[idx[l]].r;
            if (cu[l] != r->n)
                fail_msg("face %d, \"%.*s\": the device draws %u glyphs, hb-shape gives %zu", f, (int)r->ulen,
                         (const char *)r->text, r->n, cu[l]);
            assert_int_equal(cp[l], r->n);
            for (unsigned g = 0; g < r->n; g++) {
                ink_run_glyph_t rg;
                ink_run_glyph(r, g, &rg);
                char name[64];
                assert_true(hb_font_get_glyph_name(hfont, rg.gid, name, sizeof name));
                /* the glyph the device draws exists in the bundle's face */
                assert_non_null(ink_font_glyph_id(&font, f, PX, rg.gid, 0));
                if (strcmp(name, units[l][g].name) || (int)rg.cluster != units[l][g].cl || rg.adv != units[l][g].ax ||
                    rg.dx != units[l][g].dx || rg.dy != units[l][g].dy)
                    fail_msg("face %d, \"%.*s\" glyph %u: device %s cl %u ax %d dx %d dy %d, hb-shape %s cl %d "
                             "ax %d dx %d dy %d",
                             f, (int)r->ulen, (const char *)r->text, g, name, rg.cluster, rg.adv, rg.dx, rg.dy,
                             units[l][g].name, units[l][g].cl, units[l][g].ax, units[l][g].dx, units[l][g].dy);
                /* in pixels at PX, as run_draw scales them */
                int ax = (ink_run_scale(rg.adv, PX, upem) + 32) >> 6;
                int dx = (ink_run_scale(rg.dx, PX, upem) + 32) >> 6;
                int dy = (ink_run_scale(rg.dy, PX, upem) + 32) >> 6;
                if (abs(ax - pix[l][g].ax) > 1 || abs(dx - pix[l][g].dx) > 1 || abs(dy - pix[l][g].dy) > 1)
                    fail_msg("face %d, \"%.*s\" glyph %u at %d px: device ax %d dx %d dy %d, hb-shape %d %d %d", f,
                             (int)r->ulen, (const char *)r->text, g, PX, ax, dx, dy, pix[l][g].ax, pix[l][g].dx,
                             pix[l][g].dy);
                glyphs++;
            }
            checked++;
        }
        hb_font_destroy(hfont);
        hb_face_destroy(hf);
        hb_blob_destroy(blob);
        free(units);
        free(pix);
        free(cu);
        free(cp);
    }
    print_message("shape: %zu runs, %zu glyphs, all as hb-shape gives them\n", checked, glyphs);
    assert_int_equal(checked, nruns);
    assert_true(checked > min_runs);
    ink_bundle_titles_free(&titles);
    ink_font_close(&font);
    for (int i = 0; i < 64; i++) {
        free(texts[i]);
        texts[i] = NULL;
    }
    free(b);
    article_list_free(&arts);
    input_list_free(&files);
}

static void test_shape_world_runs_match_hb_shape(void **state)
{
    (void)state;
    check_runs("samples/world", 300);
}

/* Gujarati, Gurmukhi, Kannada, Malayalam, Sinhala, Telugu (conjuncts,
 * reordered vowel signs, reph, chillus, the Sinhala rakaransaya after a
 * ZWJ) and Urdu in Naskh: the second world edition (samples/world2). */
static void test_shape_world2_runs_match_hb_shape(void **state)
{
    (void)state;
    check_runs("samples/world2", 200);
}

/* A damaged run is refused, never read past: every cut and every byte
 * changed to a code the format forbids. */
static void test_shape_damaged_runs_refused(void **state)
{
    (void)state;
    static const uint8_t word[] = "\xE0\xA4\x95\xE0\xA4\xBF"; /* कि */
    ink_run_glyph_t g[2] = {{7, 246, 0, 0, 0}, {9, 711, -3, 12, 0}};
    uint8_t buf[64];
    size_t n = ink_run_write(buf, 4, g, 2, word, 6);
    assert_int_equal(n, INK_RUN_HEAD + 2 * INK_RUN_REC + 6);
    ink_run_t r;
    assert_int_equal(ink_run_parse(buf, n, &r), INK_OK);
    ink_run_glyph_t back;
    ink_run_glyph(&r, 1, &back);
    assert_int_equal(back.gid, 9);
    assert_int_equal(back.adv, 711);
    assert_int_equal(back.dx, -3);
    assert_int_equal(back.dy, 12);
    for (size_t cut = 0; cut < n; cut++)
        assert_int_equal(ink_run_parse(buf, cut, &r), INK_ERR_FORMAT);
    for (size_t i = 1; i < INK_RUN_HEAD + 2 * INK_RUN_REC; i++) {
        uint8_t keep = buf[i];
        buf[i] = 0x05; /* a block code inside a run */
        assert_int_equal(ink_run_parse(buf, n, &r), INK_ERR_FORMAT);
        buf[i] = keep;
    }
    /* values a run cannot hold are not written */
    g[0].adv = 5000;
    assert_int_equal(ink_run_write(buf, 4, g, 2, word, 6), 0);
}

/* A damaged run inside an article's text (as a damaged or hostile packer
 * could write it; the CRCs are right): opening the article shows the error
 * screen, never reads past the run. */
static void test_shape_damaged_run_in_a_bundle(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "Before \x18\x84\x81\x80 after.",                                                  /* cut short: no records */
        "Before \x18\x84\x81\x80\x81\x05 after.",                                          /* a block code inside */
        "Before \x18\x8F\xBF\xBF\xBF after.",                                              /* lengths past the text */
        "Before \x18\x82\x81\x80\x81\x80\x80\x81\x80\x81\x80\x80\x80\x80\x80\x80x after.", /* face 2 */
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        article_list_t arts = {0};
        article_t *a = article_list_add(&arts);
        const char *paras[] = {bad[k], NULL};
        tu_article(a, "Damaged", "World", paras);
        bundle_opts_t opts = tu_opts_with_fonts();
        opts.typeset = 0;
        uint8_t *b;
        size_t len;
        const char *why;
        assert_int_equal(bundle_write(arts.v, arts.n, &opts, &b, &len, &why), 0);
        const ink_profile_t *prof = &ink_profiles[0];
        uint8_t *fbmem = calloc(ink_fb_bytes(prof->w, prof->h), 1);
        ink_fb_t fb;
        ink_pool_t pool;
        static ink_app_t app;
        ink_hal_t hal = {tu_no_display(), NULL, NULL, NULL};
        ink_fb_init(&fb, fbmem, prof->w, prof->h);
        ink_pool_init(&pool, pool_mem, sizeof pool_mem);
        assert_int_equal(ink_app_start(&app, &hal, &pool, &fb, prof, b, len, NULL), INK_OK);
        ink_err_t err = ink_app_open_article(&app, 0);
        if (err == INK_OK) {
            app.screen = INK_SCREEN_ARTICLE;
            app.page = 0;
            ink_app_draw(&app);
            assert_int_equal(app.screen, INK_SCREEN_ERROR);
        } else {
            assert_int_equal(err, INK_ERR_FORMAT);
        }
        ink_app_stop(&app);
        free(fbmem);
        free(b);
        article_list_free(&arts);
    }
}

/* Khmer, Lao and Myanmar are written without spaces: a sentence is one run
 * of the shaper, past the 63 glyphs a run holds. It is cut where HarfBuzz
 * says a break is safe, into runs that together give the text back, and
 * each part draws what hb-shape gives for it (the world runs' test above
 * holds every run to that); before, such a sentence was left unshaped. */
static void test_shape_long_run_cut_into_runs(void **state)
{
    (void)state;
    /* Noto Serif Lao, from fonts-noto-core, where the packer looks */
    size_t flen = 0;
    uint8_t *font = tu_noto_face("NotoSerifLao-Regular.ttf", &flen);
    /* "ສະບາຍດີ ປະເທດລາວ" without the space, twelve times: 180 characters */
    static const char unit[] =
        "\xe0\xba\xaa\xe0\xba\xb0\xe0\xba\x9a\xe0\xba\xb2\xe0\xba\x8d\xe0\xba\x94\xe0\xba\xb5"
        "\xe0\xba\x9b\xe0\xba\xb0\xe0\xbb\x80\xe0\xba\x97\xe0\xba\x94\xe0\xba\xa5\xe0\xba\xb2\xe0\xba\xa7";
    char sentence[1024] = "";
    for (int i = 0; i < 12; i++)
        strcat(sentence, unit);
    fontsub_use_t *u = fontsub_use_new();
    assert_non_null(u);
    size_t k;
    for (size_t i = 0; sentence[i]; i += k)
        hb_set_add(fontsub_use_cps(u), ink_utf8_next((const uint8_t *)sentence + i, strlen(sentence) - i, &k));
    shaper_t *sh = shaper_new();
    assert_non_null(sh);
    assert_int_equal(shaper_add_face(sh, 3, font, flen, fontsub_use_cps(u)), 0);
    uint8_t *out;
    size_t olen, nr = 0, ng = 0;
    assert_int_equal(shaper_text(sh, (const uint8_t *)sentence, strlen(sentence), &out, &olen, &nr, &ng), 0);
    /* only runs, whose texts in order are the sentence */
    char back[1024];
    size_t bn = 0, got = 0;
    for (size_t p = 0; p < olen;) {
        ink_run_t r;
        assert_int_equal(out[p], INK_TX_GLYPHS);
        assert_int_equal(ink_run_parse(out + p, olen - p, &r), INK_OK);
        assert_true(r.n <= INK_RUN_MAX_GLYPHS);
        memcpy(back + bn, r.text, r.ulen);
        bn += r.ulen;
        p += r.len;
        got++;
    }
    assert_int_equal(bn, strlen(sentence));
    assert_memory_equal(back, sentence, bn);
    assert_true(got >= 3); /* 180 characters need three runs at least */
    assert_int_equal(got, nr);
    print_message("lao: %zu characters, %zu runs of %zu glyphs\n", strlen(sentence) / 3, got, ng);
    free(out);
    shaper_free(sh);
    fontsub_use_free(u);
    free(font);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape_world_runs_match_hb_shape), cmocka_unit_test(test_shape_world2_runs_match_hb_shape),
        cmocka_unit_test(test_shape_damaged_runs_refused),      cmocka_unit_test(test_shape_damaged_run_in_a_bundle),
        cmocka_unit_test(test_shape_long_run_cut_into_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

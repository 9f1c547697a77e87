/* SPDX-License-Identifier: MIT */
/* test_fontsub.c: subset faces, kerning pairs read from a font into a KERN
 * section and back through ink_kern, and the FONT and KERN sections of a
 * bundle through the reader (with damage). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <hb.h>

#include "bundle_write.h"
#include "fontsub.h"
#include "ink_bundle.h"
#include "ink_crc32.h"
#include "ink_format.h"
#include "ink_kern.h"
#include "sim_io.h"

/* The build's faces (Charis SIL unless FONT= says otherwise) and a face
 * with kerning (Charis SIL 6 has none: its GPOS holds marks only). */
#define BUILD_FONTS "build/fonts"
#define KERNED_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

static uint8_t poolmem[256 * 1024];

static int has_glyph(const uint8_t *ttf, size_t len, uint32_t cp)
{
    hb_blob_t *b = hb_blob_create((const char *)ttf, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *f = hb_face_create(b, 0);
    hb_font_t *font = hb_font_create(f);
    hb_codepoint_t g = 0;
    int ok = hb_font_get_nominal_glyph(font, cp, &g);
    hb_font_destroy(font);
    hb_face_destroy(f);
    hb_blob_destroy(b);
    return ok && g;
}

static void test_fontsub_subset_keeps_the_characters_used(void **st)
{
    (void)st;
    sim_file_t files[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (sim_fonts_load(BUILD_FONTS, files, fonts) != 0)
        skip();
    fontsub_use_t *u = fontsub_use_new();
    assert_non_null(u);
    const char *text = "\xC5\x81\xC3\xB3"
                       "d\xC5\xBA and Dvo\xC5\x99\xC3\xA1k";
    assert_int_equal(fontsub_use_text(u, text, strlen(text), FS_REGULAR), 0);
    assert_int_equal(fontsub_use_ui(u), 0);
    uint8_t *sub;
    size_t n;
    const char *why;
    assert_int_equal(fontsub_subset(fonts[0].data, fonts[0].len, u, 0, &sub, &n, &why), 0);
    assert_true(n < fonts[0].len / 4);
    assert_true(has_glyph(sub, n, 0x141));  /* Ł from the text */
    assert_true(has_glyph(sub, n, 0x2026)); /* … from the firmware's screens */
    assert_true(has_glyph(sub, n, 'Q'));    /* ASCII for the firmware's screens */
    assert_false(has_glyph(sub, n, 0x416)); /* Ж: not used */
    assert_true(has_glyph(fonts[0].data, fonts[0].len, 0x416));
    /* FreeType opens the subset and draws from it, as the device will */
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_font_data_t d[INK_FACE_COUNT] = {{sub, n}, {NULL, 0}, {NULL, 0}};
    ink_font_t font;
    assert_int_equal(ink_font_open(&font, &pool, d, 1, 128), INK_OK);
    const ink_glyph_t *g = ink_font_glyph(&font, INK_FACE_REGULAR, 30, 0x141);
    assert_non_null(g);
    assert_true(g->w > 0 && g->h > 0);
    ink_font_close(&font);
    /* the same input gives the same bytes */
    uint8_t *again;
    size_t n2;
    assert_int_equal(fontsub_subset(fonts[0].data, fonts[0].len, u, 0, &again, &n2, &why), 0);
    assert_int_equal(n, n2);
    assert_memory_equal(sub, again, n);
    free(again);
    free(sub);
    fontsub_use_free(u);
    sim_fonts_close(files);
}

/* "AV" and "To" kern in DejaVu Serif; the KERN section built from them
 * reads back through ink_kern_get. */
static void test_fontsub_kern_pairs_read_back_with_ink_kern_get(void **st)
{
    (void)st;
    sim_file_t f;
    if (sim_file_open(&f, KERNED_FONT) != 0)
        skip();
    fontsub_use_t *u = fontsub_use_new();
    assert_non_null(u);
    assert_int_equal(fontsub_use_text(u, "AV To, xx", 9, FS_REGULAR | FS_ITALIC), 0);
    assert_int_equal(fontsub_use_pairs(u, INK_FACE_REGULAR), 4); /* AV To o, xx */
    assert_int_equal(fontsub_use_pairs(u, INK_FACE_BOLD), 0);
    /* regular and italic from the same face; bold has none */
    ink_font_data_t faces[INK_FACE_COUNT] = {{f.data, f.len}, {NULL, 0}, {f.data, f.len}};
    uint8_t *sec;
    size_t len, np[INK_FACE_COUNT];
    const char *why;
    assert_int_equal(fontsub_kern(faces, u, &sec, &len, np, &why), 0);
    assert_int_equal(np[INK_FACE_BOLD], 0);
    assert_true(np[INK_FACE_REGULAR] >= 2 && np[INK_FACE_REGULAR] == np[INK_FACE_ITALIC]);
    ink_kern_t k;
    assert_int_equal(ink_kern_bind(&k, sec, len), 0);
    /* DejaVu Serif, 2048 units an em: A-V -102 units, T-o -159 */
    assert_int_equal(ink_kern_get(&k, INK_FACE_REGULAR, 'A', 'V'), -13);
    assert_int_equal(ink_kern_get(&k, INK_FACE_REGULAR, 'T', 'o'), -20);
    assert_int_equal(ink_kern_get(&k, INK_FACE_ITALIC, 'T', 'o'), -20);
    assert_int_equal(ink_kern_get(&k, INK_FACE_BOLD, 'T', 'o'), 0);
    assert_int_equal(ink_kern_get(&k, INK_FACE_REGULAR, 'V', 'A'), 0); /* not in the text */
    assert_int_equal(ink_kern_get(&k, INK_FACE_REGULAR, 'x', 'x'), 0); /* no adjustment: not stored */
    assert_int_equal(len, 16 + 4 * k.ncps + 4 * (np[0] + np[1] + np[2]));
    free(sec);
    fontsub_use_free(u);
    sim_file_close(&f);
}

/* Two uses filled apart (the packer's threads) and merged hold what one
 * use given both texts holds, in either order: the same characters, the
 * same pairs, the same KERN section. */
static void test_fontsub_merged_uses_equal_one(void **st)
{
    (void)st;
    sim_file_t f;
    if (sim_file_open(&f, KERNED_FONT) != 0)
        skip();
    static const char a[] = "AV To, xx", b[] = "To Wa \xc3\xa9t\xc3\xa9 AV";
    fontsub_use_t *one = fontsub_use_new(), *x[2], *y[2];
    assert_non_null(one);
    assert_int_equal(fontsub_use_text(one, a, strlen(a), FS_REGULAR | FS_ITALIC), 0);
    assert_int_equal(fontsub_use_text(one, b, strlen(b), FS_BOLD), 0);
    ink_font_data_t faces[INK_FACE_COUNT] = {{f.data, f.len}, {f.data, f.len}, {f.data, f.len}};
    uint8_t *want, *got;
    size_t wlen, glen, np[INK_FACE_COUNT];
    const char *why;
    assert_int_equal(fontsub_kern(faces, one, &want, &wlen, np, &why), 0);
    for (int order = 0; order < 2; order++) {
        for (int i = 0; i < 2; i++) {
            x[i] = fontsub_use_new();
            assert_non_null(x[i]);
        }
        assert_int_equal(fontsub_use_text(x[0], a, strlen(a), FS_REGULAR | FS_ITALIC), 0);
        assert_int_equal(fontsub_use_text(x[1], b, strlen(b), FS_BOLD), 0);
        y[0] = x[order];
        y[1] = x[1 - order];
        assert_int_equal(fontsub_use_merge(y[0], y[1]), 0);
        assert_int_equal(fontsub_use_count(y[0]), fontsub_use_count(one));
        assert_true(hb_set_is_equal(fontsub_use_cps(y[0]), fontsub_use_cps(one)));
        for (unsigned face = 0; face < INK_FACE_COUNT; face++)
            assert_int_equal(fontsub_use_pairs(y[0], face), fontsub_use_pairs(one, face));
        assert_true(fontsub_use_pairs(y[0], INK_FACE_BOLD) > 0 && fontsub_use_pairs(y[0], INK_FACE_REGULAR) > 0);
        assert_int_equal(fontsub_kern(faces, y[0], &got, &glen, np, &why), 0);
        assert_int_equal(glen, wlen);
        assert_memory_equal(got, want, wlen);
        free(got);
        fontsub_use_free(x[0]);
        fontsub_use_free(x[1]);
    }
    free(want);
    fontsub_use_free(one);
    sim_file_close(&f);
}

static void test_fontsub_font_section_layout(void **st)
{
    (void)st;
    const uint8_t a[5] = {1, 2, 3, 4, 5}, c[2] = {7, 8};
    ink_font_data_t faces[INK_FACE_COUNT] = {{a, 5}, {NULL, 0}, {c, 2}};
    uint8_t *sec;
    size_t len;
    assert_int_equal(fontsub_font_section(faces, &sec, &len), 0);
    assert_int_equal(ink_rd32(sec), 3);
    assert_int_equal(ink_rd32(sec + 4), 28); /* first face right after the table */
    assert_int_equal(ink_rd32(sec + 8), 5);
    assert_int_equal(ink_rd32(sec + 16), 0);
    assert_int_equal(ink_rd32(sec + 20) % 4, 0);
    assert_int_equal(ink_rd32(sec + 20), 36);
    assert_int_equal(ink_rd32(sec + 24), 2);
    assert_memory_equal(sec + 36, c, 2);
    assert_int_equal(len, 38);
    free(sec);
}

/* Rewrites the CRCs of section i and of the header after a change. */
static void fix_crcs(uint8_t *b, uint32_t i)
{
    uint8_t *e = b + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
    ink_wr32(e + 12, ink_crc32(0, b + ink_rd32(e + 4), ink_rd32(e + 8)));
    uint32_t nsect = ink_rd16(b + INK_HDR_OFF_NSECT);
    ink_wr32(b + INK_HDR_OFF_CRC, 0);
    ink_wr32(b + INK_HDR_OFF_CRC, ink_crc32(0, b, INK_HDR_SIZE + nsect * INK_SECT_ENTRY_SIZE));
}

static int find_section(const uint8_t *b, uint32_t tag)
{
    uint32_t nsect = ink_rd16(b + INK_HDR_OFF_NSECT);
    for (uint32_t i = 0; i < nsect; i++)
        if (ink_rd32(b + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE) == tag)
            return (int)i;
    return -1;
}

static void test_fontsub_bundle_carries_fonts_and_kerning(void **st)
{
    (void)st;
    sim_file_t files[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (sim_fonts_load(BUILD_FONTS, files, fonts) != 0)
        skip();
    article_t a = {0};
    a.title = article_strndup("Typesetting on the device", 25);
    const char *p = "To Avon, Wales and \x10"
                    "Yverdon\x11: the typesetting community.";
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, p, strlen(p)), 0);
    bundle_stats_t stats;
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.zopfli = 0;
    opts.stats = &stats;
    uint8_t *with, *without;
    size_t lw, lo;
    const char *why;
    assert_int_equal(bundle_write(&a, 1, &opts, &without, &lo, &why), 0);
    opts.fonts = fonts;
    assert_int_equal(bundle_write(&a, 1, &opts, &with, &lw, &why), 0);
    ink_bundle_t b;
    ink_font_data_t got[INK_FACE_COUNT];
    ink_kern_t k;
    /* without fonts: neither section, and the accessors say so */
    assert_int_equal(ink_bundle_open(&b, without, lo), INK_OK);
    assert_int_equal(ink_bundle_fonts(&b, got), INK_ERR_NOT_FOUND);
    assert_int_equal(ink_bundle_kern(&b, &k), -1);
    assert_int_equal(ink_kern_get(&k, 0, 'T', 'o'), 0);
    /* with them: three faces, the sizes pack reported */
    assert_int_equal(ink_bundle_open(&b, with, lw), INK_OK);
    assert_int_equal(b.major, INK_VERSION_MAJOR);
    assert_int_equal(ink_bundle_fonts(&b, got), INK_OK);
    for (unsigned f = 0; f < INK_FACE_COUNT; f++) {
        assert_int_equal(got[f].len, stats.face[f]);
        assert_true(got[f].len > 1000 && got[f].len < fonts[f].len);
        assert_true(got[f].data >= with && got[f].data + got[f].len <= with + lw);
        assert_true(has_glyph(got[f].data, got[f].len, 'Y'));
    }
    assert_int_equal(ink_bundle_kern(&b, &k), 0);
    assert_int_equal(b.kern.len, stats.kern);
    /* damage: a face past the section's end, a face inside the table, a
     * KERN count too large; each CRC made right so the range checks speak */
    int fi = find_section(with, INK_TAG_FONT), ki = find_section(with, INK_TAG_KERN);
    assert_true(fi >= 0 && ki >= 0);
    const uint8_t *fsec = with + b.font.off;
    uint32_t font_off = b.font.off, kern_off = b.kern.off;
    uint8_t *copy = malloc(lw);
    memcpy(copy, with, lw);
    ink_wr32(copy + font_off + 12, b.font.len); /* bold's length */
    fix_crcs(copy, (uint32_t)fi);
    assert_int_equal(ink_bundle_open(&b, copy, lw), INK_ERR_RANGE);
    memcpy(copy, with, lw);
    ink_wr32(copy + (fsec - with) + 4, 8); /* regular inside the table */
    fix_crcs(copy, (uint32_t)fi);
    assert_int_equal(ink_bundle_open(&b, copy, lw), INK_ERR_RANGE);
    memcpy(copy, with, lw);
    ink_wr32(copy + (fsec - with), 0); /* no faces */
    fix_crcs(copy, (uint32_t)fi);
    assert_int_equal(ink_bundle_open(&b, copy, lw), INK_ERR_FORMAT);
    memcpy(copy, with, lw);
    ink_wr32(copy + kern_off + 4, 0x40000000u); /* regular pairs */
    fix_crcs(copy, (uint32_t)ki);
    assert_int_equal(ink_bundle_open(&b, copy, lw), INK_ERR_FORMAT);
    memcpy(copy, with, lw);
    copy[font_off + 100] ^= 1; /* a flipped bit in a face: the CRC */
    assert_int_equal(ink_bundle_open(&b, copy, lw), INK_ERR_CRC);
    free(copy);
    free(with);
    free(without);
    article_free(&a);
    sim_fonts_close(files);
}


/* The spaces and quotes typography puts in the text reach the device: the
 * subset keeps U+202F, U+00A0, „ « » and the primes, and the reader sets
 * U+202F narrower than a space, U+00A0 as wide as one, neither with ink. */
static void test_fontsub_keeps_typographic_spaces_and_quotes(void **st)
{
    (void)st;
    sim_file_t files[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (sim_fonts_load(BUILD_FONTS, files, fonts) != 0)
        skip();
    fontsub_use_t *u = fontsub_use_new();
    assert_non_null(u);
    const char *text = "\xc2\xab\xe2\x80\xaf"
                       "oui\xe2\x80\xaf\xc2\xbb \xe2\x80\x9e"
                       "ja\xe2\x80\x9c 5\xe2\x80\xb2"
                       "11\xe2\x80\xb3 Mr\xc2\xa0Smith";
    assert_int_equal(fontsub_use_text(u, text, strlen(text), FS_REGULAR), 0);
    uint8_t *sub;
    size_t n;
    const char *why;
    assert_int_equal(fontsub_subset(fonts[0].data, fonts[0].len, u, 0, &sub, &n, &why), 0);
    static const uint32_t want[] = {0x202F, 0xA0, 0xAB, 0xBB, 0x201E, 0x201C, 0x2032, 0x2033};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_true(has_glyph(sub, n, want[i]));
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_font_data_t d[INK_FACE_COUNT] = {{sub, n}, {NULL, 0}, {NULL, 0}};
    ink_font_t font;
    assert_int_equal(ink_font_open(&font, &pool, d, 1, 128), INK_OK);
    int32_t space = ink_font_glyph(&font, INK_FACE_REGULAR, 30, ' ')->adv;
    const ink_glyph_t *g = ink_font_glyph(&font, INK_FACE_REGULAR, 30, 0x202F);
    assert_non_null(g);
    assert_true(g->adv > 0 && g->adv < space);
    assert_true(g->w == 0 || g->h == 0);
    g = ink_font_glyph(&font, INK_FACE_REGULAR, 30, 0xA0);
    assert_non_null(g);
    assert_int_equal(g->adv, space);
    ink_font_close(&font);
    free(sub);
    fontsub_use_free(u);
    sim_fonts_close(files);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fontsub_subset_keeps_the_characters_used),
        cmocka_unit_test(test_fontsub_keeps_typographic_spaces_and_quotes),
        cmocka_unit_test(test_fontsub_kern_pairs_read_back_with_ink_kern_get),
        cmocka_unit_test(test_fontsub_merged_uses_equal_one),
        cmocka_unit_test(test_fontsub_font_section_layout),
        cmocka_unit_test(test_fontsub_bundle_carries_fonts_and_kerning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

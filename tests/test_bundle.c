/* SPDX-License-Identifier: MIT */
/* test_bundle.c: writer and reader agree; damage is refused, never trusted. */
#include "testutil.h"

#include "ink_bundle.h"
#include "ink_crc32.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_app.h"
#include "ink_text.h"
#include "uf2.h"

#include <unistd.h>

static uint8_t poolmem[INK_POOL_BYTES];

static const char *title_of(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, ink_titles_t *tc)
{
    const char *t;
    assert_int_equal(ink_bundle_title(b, i, pool, tc, &t), INK_OK);
    return t;
}

static void test_bundle_roundtrip_gives_back_every_article(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(5, &len);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
    assert_int_equal(b.narticles, 5);
    assert_int_equal(b.nsections, 2);
    assert_string_equal(ink_bundle_name(&b), "Test Edition");
    assert_string_equal(ink_bundle_date(&b), "2026-11-29");
    ink_section_info_t s0, s1;
    ink_bundle_section(&b, 0, &s0);
    ink_bundle_section(&b, 1, &s1);
    assert_string_equal(s0.name, "World");
    assert_int_equal(s0.count, 3); /* articles 1, 3, 5 */
    assert_string_equal(s1.name, "Business");
    assert_int_equal(s1.first, 3);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_titles_t tc = {NULL, -1, NULL, 0};
    assert_string_equal(title_of(&b, 1, &pool, &tc), "Test article number 3");
    assert_string_equal(title_of(&b, 3, &pool, &tc), "Test article number 2");
    ink_article_info_t a;
    assert_int_equal(ink_bundle_article(&b, 1, &a), INK_OK);
    assert_int_equal(a.section, 0);
    assert_int_equal(ink_bundle_article(&b, 4, &a), INK_OK);
    assert_int_equal(a.section, 1);
    assert_int_equal(ink_bundle_article(&b, 1, &a), INK_OK);
    uint8_t *text = malloc(a.text_len);
    assert_int_equal(ink_bundle_inflate(&b, 1, &pool, text, a.text_len), INK_OK);
    ink_text_head_t th;
    ink_text_head(text, a.text_len, &th);
    assert_int_equal(th.source_len, 9);
    assert_memory_equal(th.source, "Test Wire", 9);
    assert_memory_equal(th.date, "2026-11-29", 10);
    assert_null(th.byline);
    assert_int_equal(text[th.body], INK_TX_PARA);
    /* the packer marks hyphenation points with one-byte soft hyphens */
    assert_memory_equal(text + th.body + 1,
                        "The coun\x15"
                        "cil met",
                        16);
    ink_bundle_titles_free(&tc);
    assert_int_equal(ink_pool_used(&pool), 0); /* zlib gave its memory back */
    assert_int_equal(ink_bundle_check_text(&b), INK_OK);
    assert_int_equal(ink_bundle_article(&b, 5, &a), INK_ERR_NOT_FOUND);
    free(text);
    free(data);
}

/* Enough similar text to train a dictionary on: 60 articles of varied
 * sentences, about 200 KB. */
static int big_threads; /* big_bundle's opts.threads */

static uint8_t *big_bundle(size_t *len, size_t group_bytes, int dict, bundle_stats_t *stats)
{
    static const char *const words[] = {"council", "harbour", "budget",  "ferry",   "minister",  "residents",
                                        "percent", "report",  "islands", "morning", "statement", "election"};
    enum { N = 60, P = 12 };
    article_t arts[N];
    for (int i = 0; i < N; i++)
        tu_story(&arts[i], i, P, words, 12, i < 30 ? "World" : "Business");
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.zopfli = 0;
    opts.group_bytes = group_bytes;
    opts.dict = dict;
    opts.stats = stats;
    opts.threads = big_threads;
    uint8_t *out;
    const char *why;
    assert_int_equal(bundle_write(arts, N, &opts, &out, len, &why), 0);
    for (int i = 0; i < N; i++)
        article_free(&arts[i]);
    return out;
}

/* Every article of b inflates (and its title reads) to the same bytes as in ref. */
static void assert_same_articles(const ink_bundle_t *b, const ink_bundle_t *ref)
{
    assert_int_equal(b->narticles, ref->narticles);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_titles_t t1 = {NULL, -1, NULL, 0}, t2 = {NULL, -1, NULL, 0};
    static uint8_t x[INK_ARTICLE_MAX_BYTES], y[INK_ARTICLE_MAX_BYTES];
    for (uint32_t i = 0; i < b->narticles; i++) {
        ink_article_info_t a, r;
        ink_bundle_article(b, i, &a);
        ink_bundle_article(ref, i, &r);
        assert_int_equal(a.text_len, r.text_len);
        assert_int_equal(ink_bundle_inflate(b, i, &pool, x, sizeof x), INK_OK);
        assert_int_equal(ink_bundle_inflate(ref, i, &pool, y, sizeof y), INK_OK);
        assert_memory_equal(x, y, a.text_len);
        const char *s1 = title_of(b, i, &pool, &t1);
        assert_string_equal(s1, title_of(ref, i, &pool, &t2));
    }
    ink_bundle_titles_free(&t1);
    ink_bundle_titles_free(&t2);
    assert_int_equal(ink_pool_used(&pool), 0);
}

static void test_bundle_groups_and_dictionary_keep_every_article(void **st)
{
    (void)st;
    size_t l1, l2, l3, l4;
    bundle_stats_t s1, s2, s3, s4;
    uint8_t *alone = big_bundle(&l1, 1, 0, &s1);
    uint8_t *grouped = big_bundle(&l2, 32768, 0, &s2);
    uint8_t *dict = big_bundle(&l3, 1, 1, &s3);
    uint8_t *both = big_bundle(&l4, 32768, 1, &s4);
    ink_bundle_t a, g, d, gd;
    assert_int_equal(ink_bundle_open(&a, alone, l1), INK_OK);
    assert_int_equal(ink_bundle_open(&g, grouped, l2), INK_OK);
    assert_int_equal(ink_bundle_open(&d, dict, l3), INK_OK);
    assert_int_equal(ink_bundle_open(&gd, both, l4), INK_OK);
    assert_int_equal(a.ngroups, 60);
    assert_true(g.ngroups < 20);
    assert_true(d.dict_len > 0 && d.dict_len <= INK_DICT_MAX && d.dict.len < d.dict_len);
    /* Grouping and the dictionary each make it smaller, and lose nothing. */
    assert_true(s2.text < s1.text);
    assert_true(s3.text + s3.dict < s1.text);
    assert_same_articles(&g, &a);
    assert_same_articles(&d, &a);
    assert_same_articles(&gd, &a);
    free(alone);
    free(grouped);
    free(dict);
    free(both);
}

static void test_bundle_same_input_same_bytes(void **st)
{
    (void)st;
    size_t l1, l2;
    uint8_t *a = big_bundle(&l1, 32768, 1, NULL), *b = big_bundle(&l2, 32768, 1, NULL);
    assert_int_equal(l1, l2);
    assert_memory_equal(a, b, l1);
    free(a);
    free(b);
}

/* Streams are compressed on several threads; the bytes do not depend on
 * how many, nor on which finished first. */
static void test_bundle_same_bytes_on_any_number_of_threads(void **st)
{
    (void)st;
    size_t l1, l3;
    big_threads = 1;
    uint8_t *a = big_bundle(&l1, 4096, 1, NULL);
    big_threads = 3;
    uint8_t *b = big_bundle(&l3, 4096, 1, NULL);
    big_threads = 0;
    assert_int_equal(l1, l3);
    assert_memory_equal(a, b, l1);
    ink_bundle_t x;
    assert_int_equal(ink_bundle_open(&x, b, l3), INK_OK);
    assert_true(x.ngroups > 3);
    free(a);
    free(b);
}

static void test_bundle_refuses_bad_headers(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(3, &len);
    ink_bundle_t b;
    uint8_t *copy = malloc(len);
    memcpy(copy, data, len);
    copy[0] = 'X';
    assert_int_equal(ink_bundle_open(&b, copy, len), INK_ERR_MAGIC);
    memcpy(copy, data, len);
    ink_wr16(copy + INK_HDR_OFF_MAJOR, INK_VERSION_MAJOR_ORDR + 1);
    assert_int_equal(ink_bundle_open(&b, copy, len), INK_ERR_VERSION);
    assert_int_equal(ink_bundle_open(&b, data, len - 1), INK_ERR_TRUNCATED);
    assert_int_equal(ink_bundle_open(&b, data, 12), INK_ERR_TRUNCATED);
    assert_int_equal(ink_bundle_open(&b, NULL, 0), INK_ERR_MAGIC);
    free(copy);
    free(data);
}

/* Sets every section's CRC and the header's to what the bytes now are, so
 * that only the damage itself can tell. */
static void mend_crcs(uint8_t *data)
{
    uint32_t nsect = ink_rd16(data + INK_HDR_OFF_NSECT);
    for (uint32_t i = 0; i < nsect; i++) {
        uint8_t *s = data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_wr32(s + 12, ink_crc32(0, data + ink_rd32(s + 4), ink_rd32(s + 8)));
    }
    ink_wr32(data + INK_HDR_OFF_CRC, 0);
    ink_wr32(data + INK_HDR_OFF_CRC, ink_crc32(0, data, INK_HDR_SIZE + nsect * INK_SECT_ENTRY_SIZE));
}

/* A dictionary whose stream breaks, ends, or inflates to another length
 * than DICT says: every article is refused, nothing is shown, no leak. */
static void test_bundle_refuses_a_damaged_dictionary(void **st)
{
    (void)st;
    size_t len;
    uint8_t *good = big_bundle(&len, 32768, 1, NULL);
    uint8_t *data = malloc(len);
    assert_non_null(data);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, good, len), INK_OK);
    uint32_t off = b.dict.off, dl = b.dict.len;
    static uint8_t out[INK_ARTICLE_MAX_BYTES];
    ink_pool_t pool;
    for (int kind = 0; kind < 5; kind++) {
        memcpy(data, good, len);
        uint8_t *d = data + off;
        switch (kind) {
        case 0: ink_wr32(d, ink_rd32(d) - 1); break; /* a length one short */
        case 1: ink_wr32(d, ink_rd32(d) + 1); break; /* one long */
        case 2: ink_wr32(d + dl - 4, 0); break;      /* stored block's NLEN wrong */
        case 3: d[INK_DICT_HEAD] |= 1; break;        /* the first block made final */
        case 4: ink_wr32(d, 0); break;               /* no length at all */
        }
        mend_crcs(data);
        ink_err_t e = ink_bundle_open(&b, data, len);
        if (kind == 4) {
            assert_int_equal(e, INK_ERR_FORMAT);
            continue;
        }
        assert_int_equal(e, INK_OK);
        ink_pool_init(&pool, poolmem, sizeof poolmem);
        for (uint32_t i = 0; i < b.narticles; i += 7)
            assert_int_not_equal(ink_bundle_inflate(&b, i, &pool, out, sizeof out), INK_OK);
        assert_int_equal(ink_pool_used(&pool), 0);
    }
    free(data);
    free(good);
}

/* A stream that inflates to more than the index says (a deflate bomb, or
 * simply a wrong length) is refused, and costs no more than the claim. */
static void test_bundle_refuses_a_stream_longer_than_claimed(void **st)
{
    (void)st;
    size_t len;
    uint8_t *data = tu_bundle(1, &len);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
    /* Claim 10 bytes fewer, then mend the ARTS and header CRCs so that only
     * the stream itself can tell. */
    uint8_t *e = data + b.arts.off;
    ink_wr32(e, ink_rd32(e) - 10);
    mend_crcs(data);
    assert_int_equal(ink_bundle_open(&b, data, len), INK_OK);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    static uint8_t out[INK_ARTICLE_MAX_BYTES];
    assert_int_equal(ink_bundle_inflate(&b, 0, &pool, out, sizeof out), INK_ERR_INFLATE);
    assert_int_equal(ink_pool_used(&pool), 0);
    free(data);
}


/* Renders the library and page 1 of every article of data[0..len) and
 * returns a hash of all frames, or 0 when the reader refuses the bundle. */
static uint32_t render_hash(const uint8_t *data, size_t len)
{
    static uint8_t fbmem[(800 / 8) * 600];
    static ink_app_t app;
    ink_pool_t pool;
    ink_fb_t fb;
    ink_hal_t hal = {tu_no_display(), NULL, NULL, NULL};
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_fb_init(&fb, fbmem, 800, 600);
    uint32_t h = 0;
    if (ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, len, tu_fonts) == INK_OK) {
        h = ink_crc32(0, fb.bits, ink_fb_bytes(fb.w, fb.h));
        for (uint32_t i = 0; i < app.bundle.narticles; i++) {
            if (ink_app_open_article(&app, i) != INK_OK) {
                h = 0;
                break;
            }
            app.screen = INK_SCREEN_ARTICLE;
            ink_app_draw(&app);
            h = ink_crc32(h, fb.bits, ink_fb_bytes(fb.w, fb.h));
        }
    }
    ink_app_stop(&app);
    assert_int_equal(ink_pool_used(&pool), 0);
    return h;
}

/* Every single-byte change and every truncation either renders exactly as
 * the sound bundle does or is refused with an error: never trusted
 * garbage, never a crash. */
static void test_bundle_every_flip_and_cut_renders_right_or_is_refused(void **st)
{
    (void)st;
    tu_load_fonts();
    size_t len;
    uint8_t *data = tu_bundle(2, &len);
    uint8_t *copy = malloc(len);
    uint32_t want = render_hash(data, len);
    assert_true(want != 0);
    int refused = 0, same = 0;
    for (size_t pos = 0; pos < len; pos++) {
        for (int cut = 0; cut < 2; cut++) {
            memcpy(copy, data, len);
            size_t n = len;
            if (cut)
                n = pos;
            else
                copy[pos] ^= 0x5A;
            uint32_t got = render_hash(copy, n);
            if (got == 0) {
                refused++;
                continue;
            }
            if (got != want)
                fail_msg("byte %zu %s: rendered differently from the sound bundle", pos, cut ? "cut" : "flipped");
            same++;
        }
    }
    print_message("bundle of %zu bytes: %d damaged copies refused, %d rendered as the original\n", len, refused, same);
    assert_true(refused > (int)len);
    free(copy);
    free(data);
}

static void test_bundle_uf2_carries_the_bundle(void **st)
{
    (void)st;
    size_t len, ulen, back_len;
    uint8_t *data = tu_bundle(3, &len), *u, *back;
    const char *why;
    assert_int_equal(uf2_wrap(data, len, 0x10100000u, 0xe48bff56u, &u, &ulen, &why), 0);
    assert_int_equal(ulen % 512, 0);
    assert_int_equal(ulen / 512, (len + 255) / 256);
    assert_true(uf2_is(u, ulen));
    uint32_t base, family;
    assert_int_equal(uf2_unwrap(u, ulen, &back, &back_len, &base, &family, &why), 0);
    assert_int_equal(base, 0x10100000u);
    assert_int_equal(family, 0xe48bff56u);
    assert_true(back_len >= len);
    assert_memory_equal(back, data, len);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, back, back_len), INK_OK); /* padding past the end is fine */
    u[512 + 20] ^= 1;                                              /* a block out of order */
    free(back);
    assert_int_equal(uf2_unwrap(u, ulen, &back, &back_len, &base, &family, &why), -1);
    free(u);
    free(data);
}

static void test_bundle_align_puts_sections_on_boundaries(void **st)
{
    (void)st;
    article_t a;
    const char *const paras[] = {"One paragraph is enough here.", NULL};
    tu_article(&a, "Aligned", "World", paras);
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.align = 4096;
    uint8_t *out;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(&a, 1, &opts, &out, &len, &why), 0);
    article_free(&a);
    uint32_t nsect = ink_rd16(out + INK_HDR_OFF_NSECT);
    for (uint32_t i = 0; i < nsect; i++)
        assert_int_equal(ink_rd32(out + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE + 4) % 4096, 0);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, out, len), INK_OK);
    free(out);
}

/* "en" (hyph_en.dic, a link) and "en-US" (hyph_en_US.dic) are one pattern
 * file: the HYPH patterns serve the articles of both. */
static void test_bundle_one_pattern_file_under_two_language_tags(void **st)
{
    (void)st;
    if (access("/usr/share/hyphen/hyph_en.dic", R_OK) != 0)
        skip();
    const char *const paras[] = {"The international community considered the extraordinary circumstances "
                                 "surrounding the negotiations, and the representatives acknowledged "
                                 "considerable disagreements concerning responsibilities.",
                                 NULL};
    article_t a[3];
    const char *const langs[3] = {"en", "en-US", NULL};
    for (int i = 0; i < 3; i++) {
        tu_article(&a[i], "Talks", "World", paras);
        a[i].lang = langs[i] ? strdup(langs[i]) : NULL;
    }
    bundle_stats_t stats;
    memset(&stats, 0, sizeof stats);
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.zopfli = 0;
    opts.hyph = 2; /* patterns even when they do not pay */
    opts.stats = &stats;
    uint8_t *out;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(a, 3, &opts, &out, &len, &why), 0);
    assert_int_equal(stats.hyph_articles, 3);
    for (int i = 0; i < 3; i++)
        article_free(&a[i]);
    free(out);
}

/* A title longer than INK_TITLE_MAX comes back cut to it, on a character
 * boundary: 'x' and 750 two-byte letters would be cut inside a letter at
 * byte 1000, so 999 bytes come back. */
static void test_bundle_long_title_cut_at_the_shared_cap(void **st)
{
    (void)st;
    char title[1 + 750 * 2 + 1];
    title[0] = 'x';
    for (int k = 0; k < 750; k++)
        memcpy(title + 1 + 2 * k, "\xc3\xa9", 2);
    title[sizeof title - 1] = '\0';
    article_t a;
    const char *const paras[] = {"One paragraph is enough here.", NULL};
    tu_article(&a, title, "World", paras);
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    uint8_t *out;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(&a, 1, &opts, &out, &len, &why), 0);
    article_free(&a);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, out, len), INK_OK);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_titles_t tc = {NULL, -1, NULL, 0};
    const char *back = title_of(&b, 0, &pool, &tc);
    assert_int_equal(strlen(back), INK_TITLE_MAX - 1);
    assert_memory_equal(back, title, INK_TITLE_MAX - 1);
    ink_bundle_titles_free(&tc);
    free(out);
}

/* One article's text as packed (the only article of a bundle of
 * paragraphs paras[0..n), zlib). */
static size_t packed_text(const char *const *paras, size_t n, uint8_t *dst)
{
    const char **v = calloc(n + 1, sizeof *v);
    assert_non_null(v);
    memcpy(v, paras, n * sizeof *v);
    article_t a;
    tu_article(&a, "A long page", "World", v);
    free(v);
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.zopfli = 0;
    opts.dict = 0;
    uint8_t *out;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(&a, 1, &opts, &out, &len, &why), 0);
    article_free(&a);
    ink_bundle_t b;
    assert_int_equal(ink_bundle_open(&b, out, len), INK_OK);
    ink_article_info_t ai;
    ink_bundle_article(&b, 0, &ai);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    assert_int_equal(ink_bundle_inflate(&b, 0, &pool, dst, INK_ARTICLE_MAX_BYTES), INK_OK);
    free(out);
    return ai.text_len;
}

/* A page far longer than a reader takes is cut to INK_ARTICLE_MAX_BYTES;
 * the packer leaves out what cannot reach the cut before typesetting it,
 * and the text is the same as when the page ends soon after the cut: in
 * many paragraphs (cut between two) and in one. */
static void test_bundle_long_page_cut_as_if_it_ended_there(void **st)
{
    (void)st;
    static uint8_t whole[INK_ARTICLE_MAX_BYTES], part[INK_ARTICLE_MAX_BYTES];
    enum { NPARA = 700, PARA = 1000 };
    char *para = malloc(PARA + 1), *giant = malloc(NPARA * (size_t)PARA + 1);
    assert_true(para && giant);
    static const char words[] = "The harbour council discussed the extraordinary budget again. ";
    for (size_t i = 0; i < PARA; i++)
        para[i] = words[i % (sizeof words - 1)];
    para[PARA] = '\0';
    for (size_t i = 0; i < NPARA * (size_t)PARA; i++)
        giant[i] = words[i % (sizeof words - 1)];
    giant[NPARA * (size_t)PARA] = '\0';
    const char *paras[NPARA];
    for (size_t i = 0; i < NPARA; i++)
        paras[i] = para;
    size_t lw = packed_text(paras, NPARA, whole), lp = packed_text(paras, 130, part);
    assert_true(lw <= INK_ARTICLE_MAX_BYTES && lw > INK_ARTICLE_MAX_BYTES - 2 * PARA);
    assert_int_equal(lw, lp);
    assert_memory_equal(whole, part, lw);
    const char *one[1] = {giant};
    lw = packed_text(one, 1, whole);
    giant[200 * 1000] = '\0';
    lp = packed_text(one, 1, part);
    assert_true(lw <= INK_ARTICLE_MAX_BYTES);
    assert_int_equal(lw, lp);
    assert_memory_equal(whole, part, lw);
    free(para);
    free(giant);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundle_roundtrip_gives_back_every_article),
        cmocka_unit_test(test_bundle_groups_and_dictionary_keep_every_article),
        cmocka_unit_test(test_bundle_refuses_a_damaged_dictionary),
        cmocka_unit_test(test_bundle_same_input_same_bytes),
        cmocka_unit_test(test_bundle_same_bytes_on_any_number_of_threads),
        cmocka_unit_test(test_bundle_refuses_bad_headers),
        cmocka_unit_test(test_bundle_refuses_a_stream_longer_than_claimed),
        cmocka_unit_test(test_bundle_every_flip_and_cut_renders_right_or_is_refused),
        cmocka_unit_test(test_bundle_uf2_carries_the_bundle),
        cmocka_unit_test(test_bundle_align_puts_sections_on_boundaries),
        cmocka_unit_test(test_bundle_one_pattern_file_under_two_language_tags),
        cmocka_unit_test(test_bundle_long_title_cut_at_the_shared_cap),
        cmocka_unit_test(test_bundle_long_page_cut_as_if_it_ended_there),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

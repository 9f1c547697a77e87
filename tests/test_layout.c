/* SPDX-License-Identifier: MIT */
/* test_layout.c: lines fit their measure, pages lose and repeat nothing. */
#include "testutil.h"

#include "ink_brk.h"
#include "ink_conf.h"
#include "ink_layout.h"
#include "ink_profile.h"

static uint8_t poolmem[INK_POOL_BYTES];
static ink_pool_t pool;
static ink_font_t font;

static int setup(void **st)
{
    (void)st;
    tu_load_fonts();
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    return ink_font_open(&font, &pool, tu_fonts, INK_RENDER_GRAY, 112) == INK_OK ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    ink_font_close(&font);
    return ink_pool_used(&pool) == 0 ? 0 : -1;
}

static const ink_layout_cfg_t cfg = { 30, 30, 500, 300, 20, 32, 17, 10, 1, INK_BREAK_TOTAL_FIT, 167 };

/* Builds a flow: headline, then each paragraph as a PARA block. */
static size_t flow(uint8_t *out, const char *head, const char *const *paras)
{
    size_t n = 0;
    out[n++] = INK_TX_HEADLINE;
    memcpy(out + n, head, strlen(head));
    n += strlen(head);
    for (size_t i = 0; paras[i]; i++) {
        out[n++] = INK_TX_PARA;
        memcpy(out + n, paras[i], strlen(paras[i]));
        n += strlen(paras[i]);
    }
    return n;
}

static void test_layout_keeps_every_word_once_across_pages(void **st)
{
    (void)st;
    static char para[3][2400];
    for (int k = 0; k < 3; k++) {
        para[k][0] = '\0';
        for (int i = 0; i < 60; i++) {
            char w[40];
            snprintf(w, sizeof w, "%sword%d-%d", i ? " " : "", k, i);
            strcat(para[k], w);
        }
    }
    const char *const paras[] = { para[0], para[1], para[2], NULL };
    static uint8_t text[8000];
    size_t n = flow(text, "A headline that is long enough to need two lines on this measure", paras);
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    assert_true(L.npages >= 3);
    tu_text_t t = { 0 };
    tu_layout_text(&L, &t);
    char want[8000];
    snprintf(want, sizeof want, "%s\n%s\n%s", para[0], para[1], para[2]);
    assert_string_equal(t.s, want);
    assert_int_equal(t.overfull, 0);
    /* Page starts strictly increase and the page of an offset is found. */
    for (int p = 1; p < L.npages; p++) {
        assert_true(ink_layout_page_offset(&L, p) > ink_layout_page_offset(&L, p - 1));
        assert_int_equal(ink_layout_page_of(&L, ink_layout_page_offset(&L, p)), p);
    }
    free(t.s);
    ink_layout_clear(&L);
}

static void test_layout_cuts_a_word_longer_than_the_line(void **st)
{
    (void)st;
    const char *const paras[] = {
        "See https://data.example.org/reports/2026/an-extremely-long-path-that-cannot-fit-on-one-line-of-this-measure/"
        "and-keeps-going-for-a-while.pdf for details.",
        NULL,
    };
    static uint8_t text[1000];
    size_t n = flow(text, "URL", paras);
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    tu_text_t t = { 0 };
    tu_layout_text(&L, &t);
    assert_string_equal(t.s, paras[0]);
    assert_int_equal(t.overfull, 0);
    assert_true(t.lines >= 3);
    free(t.s);
    ink_layout_clear(&L);
}

static void test_layout_draws_inside_the_text_area(void **st)
{
    (void)st;
    const char *const paras[] = { "Justified text, with a last line that stays ragged as it should.", NULL };
    static uint8_t text[400];
    size_t n = flow(text, "Headline", paras);
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    static uint8_t fbmem[(600 / 8) * 400];
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, 600, 400);
    assert_int_equal(ink_layout_draw_page(&L, &fb, 0), INK_OK);
    assert_true(tu_count_ink(&fb) > 500);
    /* No ink in the margins (a few pixels of slack for overhanging glyphs). */
    for (int y = 0; y < fb.h; y++)
        for (int x = 0; x < 24; x++)
            assert_int_equal(ink_fb_get(&fb, x, y), 0);
    for (int y = 0; y < fb.h; y++)
        for (int x = cfg.x + cfg.w + 6; x < fb.w; x++)
            assert_int_equal(ink_fb_get(&fb, x, y), 0);
    ink_layout_clear(&L);
}

/* Follows the lines page by page: widows, orphans, and how many lines of
 * text follow the last subheading on each page. */
typedef struct split_ctx {
    int orphans, widows;
    int first_on_page;
    int after_head;      /* lines since the page's last subheading; -1 none */
    int next_nlines;     /* lines of the block after that subheading */
    int stranded;        /* pages whose last subheading has too few lines after it */
} split_ctx_t;

static int split_line(void *ctx, const ink_line_t *ln)
{
    split_ctx_t *c = ctx;
    if (c->first_on_page && !ln->first && ln->nlines >= 4) {
        c->orphans += ln->index == 1;
        c->widows += ln->index + 1u == ln->nlines;
    }
    c->first_on_page = 0;
    if (ln->kind == INK_TX_SUBHEAD) {
        c->after_head = 0;
        c->next_nlines = -1;
    } else if (c->after_head >= 0) {
        if (c->next_nlines < 0)
            c->next_nlines = ln->nlines;
        c->after_head++;
    }
    return 0;
}

static void test_layout_no_widows_orphans_or_stranded_headings(void **st)
{
    (void)st;
    /* Paragraphs of many lengths and subheadings over many pages: every page
     * break keeps two lines of a paragraph of four or more on each side, and
     * a subheading with two lines of what follows it. */
    static uint8_t text[60000];
    size_t n = 0;
    text[n++] = INK_TX_HEADLINE;
    n += (size_t)sprintf((char *)text + n, "Breaking pages");
    for (int b = 0; b < 60; b++) {
        if (b % 3 == 1) {
            text[n++] = INK_TX_SUBHEAD;
            n += (size_t)sprintf((char *)text + n, "Subheading %d", b);
        }
        text[n++] = INK_TX_PARA;
        int words = 8 + (b * 37) % 90;
        for (int w = 0; w < words; w++)
            n += (size_t)sprintf((char *)text + n, "%sword%d", w ? " " : "", (b * 13 + w * 7) % 1000);
    }
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    assert_true(L.npages > 10);
    split_ctx_t c = { 0, 0, 0, -1, -1, 0 };
    for (int p = 0; p < L.npages; p++) {
        c.first_on_page = p > 0;
        c.after_head = -1;
        assert_int_equal(ink_layout_each_line(&L, p, split_line, &c), INK_OK);
        int want = c.next_nlines < 0 ? 2 : (c.next_nlines < 2 ? c.next_nlines : 2);
        if (p + 1 < L.npages && c.after_head >= 0 && c.after_head < want)
            c.stranded++;
    }
    assert_int_equal(c.orphans, 0);
    assert_int_equal(c.widows, 0);
    assert_int_equal(c.stranded, 0);
    ink_layout_stats_t stt;
    memset(&stt, 0, sizeof stt);
    assert_int_equal(ink_layout_stats(&L, &stt), INK_OK);
    assert_int_equal(stt.widows, 0);
    assert_int_equal(stt.orphans, 0);
    assert_int_equal(stt.overfull, 0);
    ink_layout_clear(&L);
}

/* Total fit sets a paragraph with fewer loose lines than greedy does, and
 * breaks at soft hyphens, drawing the hyphen. */
static void test_layout_total_fit_beats_greedy_and_hyphenates(void **st)
{
    (void)st;
    static uint8_t text[20000];
    size_t n = 0;
    text[n++] = INK_TX_HEADLINE;
    n += (size_t)sprintf((char *)text + n, "Spacing");
    static const char *const words[] = { "the", "com\xc2\xad" "mit\xc2\xad" "tee", "con\xc2\xad" "sid\xc2\xad" "er\xc2\xad" "ed",
                                         "a", "pro\xc2\xad" "pos\xc2\xad" "al", "to", "ex\xc2\xad" "tend",
                                         "har\xc2\xad" "bour", "op\xc2\xad" "er\xc2\xad" "a\xc2\xad" "tions", "at", "night" };
    for (int b = 0; b < 12; b++) {
        text[n++] = INK_TX_PARA;
        for (int w = 0; w < 70; w++)
            n += (size_t)sprintf((char *)text + n, "%s%s", w ? " " : "", words[(b * 5 + w * 3) % 11]);
    }
    ink_layout_stats_t kp, gr;
    memset(&kp, 0, sizeof kp);
    memset(&gr, 0, sizeof gr);
    ink_layout_t L;
    ink_layout_cfg_t c2 = cfg;
    ink_layout_init(&L, &font, &pool, &c2);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    assert_int_equal(ink_layout_stats(&L, &kp), INK_OK);
    ink_layout_clear(&L);
    c2.breaker = INK_BREAK_GREEDY;
    ink_layout_init(&L, &font, &pool, &c2);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    assert_int_equal(ink_layout_stats(&L, &gr), INK_OK);
    ink_layout_clear(&L);
    print_message("total fit: %ld of %ld lines loose, %ld hyphenated; greedy: %ld of %ld loose\n", kp.loose15,
                  kp.justified, kp.hyphenated, gr.loose15, gr.justified);
    assert_true(kp.hyphenated > 0);
    assert_true(kp.loose15 < gr.loose15);
    assert_int_equal(kp.overfull, 0);
    assert_int_equal(kp.greedy_blocks, 0);
}


/* Lines of one block, for the break tests. */
typedef struct brk_lines {
    const uint8_t *text;
    int n, justified, kgaps_lines, bad_start, bad_end, cluster_splits;
    uint32_t first_cp[64], last_cp[64];
} brk_lines_t;

static uint32_t cp_at_off(const uint8_t *t, uint32_t p, uint32_t end)
{
    while (p < end && t[p] < 0x20)
        p++;
    size_t k;
    return p < end ? ink_utf8_next(t + p, end - p, &k) : 0;
}

static int brk_line(void *ctx, const ink_line_t *ln)
{
    brk_lines_t *b = ctx;
    if (ln->kind != INK_TX_PARA)
        return 0;
    /* the last character: step back over continuation bytes to its lead byte */
    uint32_t q = ln->end;
    while (q > ln->start && (b->text[q - 1] < 0x20 || (b->text[q - 1] & 0xC0) == 0x80))
        q--;
    uint32_t lead = q > ln->start ? q - 1 : q;
    uint32_t first = cp_at_off(b->text, ln->start, ln->end), last = cp_at_off(b->text, lead, ln->end);
    if (b->n < 64) {
        b->first_cp[b->n] = first;
        b->last_cp[b->n] = last;
    }
    if (!ln->first && ink_brk_no_start(first))
        b->bad_start++;
    if (!ln->last && ink_brk_no_end(last))
        b->bad_end++;
    if (!ln->first && ink_brk_extend(first))
        b->cluster_splits++;
    if (!ln->last && ln->kgaps > 0)
        b->kgaps_lines++;
    b->n++;
    return 0;
}

/* Chinese and Japanese break between characters, with no line starting
 * with closing punctuation or ending with an opening bracket, and their
 * lines are justified by the gaps between characters: no mark in the text. */
static void test_layout_breaks_cjk_between_characters_with_kinsoku(void **st)
{
    (void)st;
    static const char *const bits[] = {
        "\xe6\xb2\xb3\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5",       /* 河口大桥 */
        "\xe3\x80\x81",                                           /* 、 */
        "\xe3\x80\x8c\xe5\xa4\x9c\xe3\x81\xae\xe5\x9b\xb3\xe6\x9b\xb8\xe9\xa4\xa8\xe3\x80\x8d", /* 「夜の図書館」 */
        "\xe9\x96\x8b\xe9\xa4\xa8\xe3\x81\x97\xe3\x81\x9f",       /* 開館した */
        "\xe3\x80\x82",                                           /* 。 */
        "\xef\xbc\x88\xe4\xb8\x89\xe5\x8d\x81\xe5\x9b\x9b\xef\xbc\x89", /* （三十四） */
        "\xe3\x81\xa3\xe3\x81\x9f\xe3\x83\xbc",                   /* ったー */
    };
    static uint8_t text[12000];
    size_t n = 0;
    text[n++] = INK_TX_HEADLINE;
    n += (size_t)sprintf((char *)text + n, "CJK");
    text[n++] = INK_TX_PARA;
    size_t body = n;
    for (int i = 0; i < 160; i++) {
        const char *b = bits[(i * 5 + i / 7) % 7];
        memcpy(text + n, b, strlen(b));
        n += strlen(b);
    }
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    brk_lines_t b = { .text = text };
    for (int p = 0; p < L.npages; p++)
        assert_int_equal(ink_layout_each_line(&L, p, brk_line, &b), INK_OK);
    tu_text_t t = { 0 };
    tu_layout_text(&L, &t);
    assert_int_equal(strlen(t.s), n - body);
    assert_memory_equal(t.s, text + body, n - body); /* nothing lost, no space added at a break */
    ink_layout_stats_t ls;
    memset(&ls, 0, sizeof ls);
    assert_int_equal(ink_layout_stats(&L, &ls), INK_OK);
    print_message("cjk: %d lines, %ld justified, %ld loose, %ld flush\n", b.n, ls.justified, ls.loose15, ls.flush);
    assert_true(b.n > 10);
    assert_int_equal(b.bad_start, 0);
    assert_int_equal(b.bad_end, 0);
    assert_int_equal(b.kgaps_lines, b.n - 1); /* every line but the last justified at its character gaps */
    assert_int_equal(ls.overfull, 0);
    assert_int_equal(ls.loose20, 0);
    free(t.s);
    ink_layout_clear(&L);
}


/* A block with bidi levels is drawn piece by piece in the order of its
 * levels; its justified CJK lines open at their character gaps as the same
 * block without levels does (a left-to-right paragraph at level 0 draws
 * the same pixels either way). */
static void test_layout_cjk_gaps_justify_in_a_block_with_levels(void **st)
{
    (void)st;
    static const char *const bits[] = {
        "\xe6\xb2\xb3\xe5\x8f\xa3\xe5\xa4\xa7\xe6\xa1\xa5", "\xe3\x80\x81", "\xe9\x96\x8b\xe9\xa4\xa8\xe3\x81\x97\xe3\x81\x9f",
        "\xe3\x80\x82",
    };
    static uint8_t plain[2000], lev[2000];
    size_t n = 0, m = 0;
    plain[n++] = INK_TX_HEADLINE;
    lev[m++] = INK_TX_HEADLINE;
    plain[n++] = lev[m++] = 'H';
    plain[n++] = INK_TX_PARA;
    lev[m++] = INK_TX_PARA;
    lev[m++] = INK_TX_LEVEL;
    lev[m++] = 0x80 | INK_LEVEL_PARA_LTR;
    for (int i = 0; i < 40; i++) {
        const char *b = bits[i % 4];
        memcpy(plain + n, b, strlen(b));
        memcpy(lev + m, b, strlen(b));
        n += strlen(b);
        m += strlen(b);
    }
    static uint8_t fb1[(600 / 8) * 400], fb2[(600 / 8) * 400];
    ink_fb_t a, b;
    ink_fb_init(&a, fb1, 600, 400);
    ink_fb_init(&b, fb2, 600, 400);
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, plain, (uint32_t)n), INK_OK);
    assert_int_equal(ink_layout_draw_page(&L, &a, 0), INK_OK);
    ink_layout_clear(&L);
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, lev, (uint32_t)m), INK_OK);
    assert_int_equal(ink_layout_draw_page(&L, &b, 0), INK_OK);
    ink_layout_clear(&L);
    assert_true(tu_count_ink(&a) > 500);
    assert_memory_equal(fb1, fb2, sizeof fb1);
}


/* A JOIN mark takes away the CJK rule's break between two characters. */
static void test_layout_join_mark_keeps_characters_together(void **st)
{
    (void)st;
    static const uint8_t text[] = "\x02\xe5\xa4\xa7\x1a\xe5\xb0\x8f\xe5\xa4\xa7"; /* 大<JOIN>小大 */
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)sizeof text - 1), INK_OK);
    ink_line_t ln;
    ink_cursor_t c = { 1, INK_TX_PARA, 0 };
    assert_int_equal(ink_layout_line(&L, c, &ln), INK_OK);
    assert_int_equal(ln.kgaps, 1); /* 小|大 only */
    assert_int_equal(ln.gaps, 0);
    ink_layout_clear(&L);
}

/* A word too long for any line is cut between clusters, never between a
 * letter and its combining mark; CJK breaks never come before one either. */
static void test_layout_never_breaks_inside_a_cluster(void **st)
{
    (void)st;
    static uint8_t text[4000];
    size_t n = 0;
    text[n++] = INK_TX_HEADLINE;
    text[n++] = 'C';
    text[n++] = INK_TX_PARA;
    for (int i = 0; i < 150; i++) {
        /* क + U+093F (a spacing vowel sign: it has an advance of its own) */
        memcpy(text + n, "\xe0\xa4\x95\xe0\xa4\xbf", 6);
        n += 6;
    }
    text[n++] = INK_TX_PARA;
    for (int i = 0; i < 200; i++) {
        memcpy(text + n, "\xe3\x81\x8b\xe3\x82\x99", 6); /* か + U+3099 */
        n += 6;
    }
    ink_layout_t L;
    ink_layout_init(&L, &font, &pool, &cfg);
    assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)n), INK_OK);
    brk_lines_t b = { .text = text };
    for (int p = 0; p < L.npages; p++)
        assert_int_equal(ink_layout_each_line(&L, p, brk_line, &b), INK_OK);
    assert_true(b.n >= 6);
    assert_int_equal(b.cluster_splits, 0);
    ink_layout_clear(&L);
}

/* A paragraph of any length sets within the pool: 36 KB of emoji with no
 * break point, 36 KB of CJK without marks, and 60 KB of words (far past
 * total fit's items) are cut where they must be, in pieces of bounded
 * memory, and lose, repeat or change nothing. Before pieces, the block's
 * line table alone asked for five times the paragraph's bytes. */
static void test_layout_sets_any_paragraph_within_the_pool(void **st)
{
    (void)st;
    static uint8_t text[70000];
    static char para[65000];
    for (int kind = 0; kind < 3; kind++) {
        size_t n = 0;
        if (kind == 0) /* U+1F600 9,000 times */
            for (int i = 0; i < 9000; i++)
                n += (size_t)sprintf(para + n, "\xf0\x9f\x98\x80");
        else if (kind == 1) /* 12,000 ideographs, three bytes each */
            for (int i = 0; i < 12000; i++) {
                uint32_t cp = 0x4E00 + (uint32_t)(i * 7) % 2000;
                para[n++] = (char)(0xE0 | cp >> 12);
                para[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
                para[n++] = (char)(0x80 | (cp & 0x3F));
            }
        else
            for (int i = 0; n < 60000; i++)
                n += (size_t)sprintf(para + n, "%sword%d", i ? " " : "", i);
        para[n] = '\0';
        const char *const paras[] = { para, "After it.", NULL };
        size_t len = flow(text, "Long", paras);
        size_t before = ink_pool_high_water(&pool);
        ink_layout_t L;
        ink_layout_init(&L, &font, &pool, &cfg);
        assert_int_equal(ink_layout_set_text(&L, text, (uint32_t)len), INK_OK);
        assert_true(L.npages > 10);
        assert_false(L.truncated);
        tu_text_t t = { 0 };
        tu_layout_text(&L, &t);
        assert_int_equal(t.n, n + strlen("\nAfter it."));
        assert_memory_equal(t.s, para, n);
        assert_string_equal(t.s + n, "\nAfter it.");
        assert_int_equal(t.overfull, 0);
        /* every page draws, the last one first (the pieces are found again) */
        static uint8_t fbmem[(600 / 8) * 400];
        ink_fb_t fb;
        ink_fb_init(&fb, fbmem, 600, 400);
        for (int p = L.npages; p-- > 0;)
            assert_int_equal(ink_layout_draw_page(&L, &fb, p), INK_OK);
        print_message("paragraph %d: %zu bytes, %d pages, pool high-water %zu (was %zu)\n", kind, n, L.npages,
                      ink_pool_high_water(&pool), before);
        free(t.s);
        ink_layout_clear(&L);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_keeps_every_word_once_across_pages),
        cmocka_unit_test(test_layout_cuts_a_word_longer_than_the_line),
        cmocka_unit_test(test_layout_draws_inside_the_text_area),
        cmocka_unit_test(test_layout_no_widows_orphans_or_stranded_headings),
        cmocka_unit_test(test_layout_total_fit_beats_greedy_and_hyphenates),
        cmocka_unit_test(test_layout_breaks_cjk_between_characters_with_kinsoku),
        cmocka_unit_test(test_layout_join_mark_keeps_characters_together),
        cmocka_unit_test(test_layout_cjk_gaps_justify_in_a_block_with_levels),
        cmocka_unit_test(test_layout_never_breaks_inside_a_cluster),
        cmocka_unit_test(test_layout_sets_any_paragraph_within_the_pool),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

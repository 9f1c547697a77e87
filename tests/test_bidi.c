/* SPDX-License-Identifier: MIT */
/* test_bidi.c: right-to-left text. The host writes UAX #9 levels (fribidi)
 * into the text; the device orders each line's pieces by them (rule L2):
 * Arabic and Hebrew read right to left, with numbers and Latin words inside
 * them left to right, also on a line the device broke. */
#include "testutil.h"

#include "bidi.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_app.h"
#include "ink_pool.h"
#include "ink_profile.h"
#include "ink_run.h"
#include "ink_text.h"

/* L2 on levels alone: the examples of the rule. */
static void test_bidi_order_l2(void **state)
{
    (void)state;
    uint16_t o[8];
    const uint8_t a[] = {0, 0, 1, 1, 1, 0}; /* an RTL phrase in an LTR line */
    ink_bidi_order(a, 6, o);
    const uint16_t wa[] = {0, 1, 4, 3, 2, 5};
    for (int i = 0; i < 6; i++)
        assert_int_equal(o[i], wa[i]);
    const uint8_t b[] = {1, 1, 2, 2, 1}; /* a number (level 2) in an RTL line */
    ink_bidi_order(b, 5, o);
    const uint16_t wb[] = {4, 2, 3, 1, 0}; /* reversed, but the number keeps its order */
    for (int i = 0; i < 5; i++)
        assert_int_equal(o[i], wb[i]);
    const uint8_t c[] = {0, 0, 0};
    ink_bidi_order(c, 3, o);
    assert_int_equal(o[0], 0);
    assert_int_equal(o[2], 2);
}

/* The level of each character as bidi_text writes it. */
static void levels_of(const uint8_t *t, size_t n, int *para, uint8_t *lv, size_t *nl)
{
    int cur = 0;
    *nl = 0;
    *para = -1;
    for (size_t i = 0; i < n;) {
        if (t[i] == INK_TX_LEVEL) {
            unsigned v = t[i + 1] & 0x3Fu;
            if (v >= INK_LEVEL_PARA_LTR)
                *para = v == INK_LEVEL_PARA_RTL;
            else
                cur = (int)v;
            i += 2;
            continue;
        }
        size_t k;
        if (t[i] < 0x20) {
            i++;
            continue;
        }
        ink_utf8_next(t + i, n - i, &k);
        lv[(*nl)++] = (uint8_t)cur;
        i += k;
    }
}

/* fribidi's levels: Arabic 1, a number and a Latin word 2, in an RTL
 * paragraph; an LTR paragraph with an Arabic word gets it at 1. Latin-only
 * text is left alone. */
static void test_bidi_levels(void **state)
{
    (void)state;
    const char *ar =
        "\x02"
        "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8 120 Inkpress \xD9\x86\xD8\xB9\xD9\x85"; /* كتاب 120 Inkpress نعم */
    uint8_t *o;
    size_t ol, nl;
    uint8_t lv[64];
    int para;
    assert_int_equal(bidi_text((const uint8_t *)ar, strlen(ar), 0, &o, &ol), 0);
    assert_int_equal(o[0], INK_TX_PARA);
    levels_of(o + 1, ol - 1, &para, lv, &nl);
    assert_int_equal(para, 1);
    /* كتاب ␠ 1 2 0 ␠ I n k p r e s s ␠ ن ع م */
    const uint8_t want[] = {1, 1, 1, 1, 1, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1};
    assert_int_equal(nl, sizeof want);
    for (size_t i = 0; i < nl; i++)
        assert_int_equal(lv[i], want[i]);
    free(o);
    const char *en = "\x02The word \xD9\x86\xD8\xB9\xD9\x85 means yes.";
    assert_int_equal(bidi_text((const uint8_t *)en, strlen(en), 0, &o, &ol), 0);
    levels_of(o + 1, ol - 1, &para, lv, &nl);
    assert_int_equal(para, 0);
    assert_int_equal(lv[0], 0);
    assert_int_equal(lv[9], 1); /* ن */
    free(o);
    const char *latin = "\x02Only Latin here, 2026.";
    assert_int_equal(bidi_text((const uint8_t *)latin, strlen(latin), 0, &o, &ol), 0);
    assert_int_equal(ol, strlen(latin));
    assert_memory_equal(o, latin, ol);
    free(o);
}

/* Columns of the first body line that hold ink, as stretches [x0, x1). */
static int ink_spans(const ink_fb_t *fb, int y0, int y1, int *x0, int *x1, int max, int gap)
{
    int n = 0, in = 0, last = -1000;
    for (int x = 0; x < fb->w; x++) {
        int ink = 0;
        for (int y = y0; y < y1 && !ink; y++)
            ink = ink_fb_get(fb, x, y);
        if (ink) {
            if (!in && (n == 0 || x - last > gap)) {
                if (n == max)
                    break;
                x0[n++] = x;
            }
            in = 1;
            last = x;
            x1[n - 1] = x + 1;
        } else {
            in = 0;
        }
    }
    return n;
}

/* On the device: an RTL paragraph's first line, drawn, has its words from
 * right to left: the long word first in the text sits at the right edge,
 * the short one after it to its left, and the number and the Latin word
 * (level 2) keep their own left-to-right order between them. */
static void test_bidi_page_right_to_left(void **state)
{
    (void)state;
    article_list_t arts = {0};
    article_t *a = article_list_add(&arts);
    /* كككككككككك ب 2026 ب ... : a wide word, then narrow ones */
    const char *paras[] = {"\xD9\x83\xD9\x83\xD9\x83\xD9\x83\xD9\x83\xD9\x83\xD9\x83\xD9\x83\xD9\x83\xD9\x83 "
                           "\xD8\xA8 2026 \xD8\xA8",
                           NULL};
    tu_article(a, "Bidi", "World", paras);
    bundle_opts_t opts = tu_opts_with_fonts();
    uint8_t *b;
    size_t len;
    const char *why;
    assert_int_equal(bundle_write(arts.v, arts.n, &opts, &b, &len, &why), 0);
    const ink_profile_t *prof = &ink_profiles[0];
    static uint8_t poolmem[INK_POOL_BYTES];
    uint8_t *fbmem = calloc(ink_fb_bytes(prof->w, prof->h), 1);
    ink_fb_t fb;
    ink_pool_t pool;
    static ink_app_t app;
    ink_hal_t hal = {tu_no_display(), NULL, NULL, NULL};
    ink_fb_init(&fb, fbmem, prof->w, prof->h);
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    assert_int_equal(ink_app_start(&app, &hal, &pool, &fb, prof, b, len, NULL), INK_OK);
    assert_int_equal(ink_app_open_article(&app, 0), INK_OK);
    app.screen = INK_SCREEN_ARTICLE;
    app.page = 0;
    ink_app_draw(&app);
    assert_int_not_equal(app.screen, INK_SCREEN_ERROR);
    /* the body's first line: the line whose block is the paragraph */
    int top = -1;
    ink_line_t first = {0};
    ink_cursor_t cur = {0, 0, 0};
    int y = app.layout.cfg.y;
    for (int i = 0; i < 8; i++) {
        ink_line_t ln;
        assert_int_equal(ink_layout_line(&app.layout, cur, &ln), INK_OK);
        if (ln.kind == INK_TX_PARA) {
            top = y + ln.gap_before;
            first = ln;
            break;
        }
        y += ln.height + (ln.first && i ? ln.gap_before : 0);
        cur = ln.next;
    }
    assert_true(top >= 0);
    int x0[8], x1[8];
    int n = ink_spans(&fb, top, top + first.height, x0, x1, 8, app.layout.cfg.body_px / 5);
    assert_int_equal(n, 4); /* four words */
    /* right to left: the wide word is the rightmost, and ends at the
     * measure's right edge (the last line of an RTL paragraph sits right) */
    assert_true(x1[3] - x0[3] > 3 * (x1[0] - x0[0]));
    assert_true(x1[3] >= app.layout.cfg.x + app.layout.cfg.w - 3);
    /* the number is third in the text, second from the left */
    assert_true(x1[1] - x0[1] > x1[0] - x0[0]);
    assert_true(x1[1] - x0[1] > x1[2] - x0[2]);
    ink_app_stop(&app);
    free(fbmem);
    free(b);
    article_list_free(&arts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bidi_order_l2),
        cmocka_unit_test(test_bidi_levels),
        cmocka_unit_test(test_bidi_page_right_to_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

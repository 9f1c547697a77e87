/* SPDX-License-Identifier: MIT */
/* test_profile.c: render/ink_profile: the panels DESIGN.md names, found by
 * name, each with sizes that grow and set text the same physical size on
 * every panel; points to pixels rounded to the nearest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "ink_profile.h"

static void test_profile_the_known_panels(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        int w, h, dpi;
    } want[] = {
        {"inkplate6", 800, 600, 167},    {"waveshare-7in5", 800, 480, 125}, {"lilygo-t5", 960, 540, 235},
        {"kobo-clara", 1072, 1448, 300}, {"remarkable2", 1404, 1872, 226},
    };
    size_t n = 0;
    while (ink_profiles[n].name)
        n++;
    assert_int_equal(n, sizeof want / sizeof want[0]);
    assert_string_equal(ink_profiles[0].name, "inkplate6"); /* the default */
    for (size_t i = 0; i < n; i++) {
        const ink_profile_t *p = ink_profile_find(want[i].name);
        assert_non_null(p);
        assert_string_equal(p->name, want[i].name);
        assert_int_equal(p->w, want[i].w);
        assert_int_equal(p->h, want[i].h);
        assert_int_equal(p->dpi, want[i].dpi);
    }
    assert_null(ink_profile_find("inkplate")); /* whole names only */
    assert_null(ink_profile_find("Inkplate6"));
    assert_null(ink_profile_find(""));
}

static void test_profile_sizes_grow_and_match_in_size(void **state)
{
    (void)state;
    for (const ink_profile_t *p = ink_profiles; p->name; p++) {
        assert_true(p->default_size < INK_SIZE_COUNT);
        assert_true(p->render_mode == INK_RENDER_GRAY || p->render_mode == INK_RENDER_MONO);
        assert_true(p->threshold > 0);
        for (int s = 0; s < INK_SIZE_COUNT; s++) {
            /* body text between 7 and 13 points */
            assert_true(p->size_pt10[s] >= 70 && p->size_pt10[s] <= 130);
            if (s)
                assert_true(p->size_pt10[s] > p->size_pt10[s - 1]);
            /* and between 15 and 50 pixels on every panel */
            int px = ink_pt10_to_px(p->size_pt10[s], p->dpi);
            assert_true(px >= 15 && px <= 50);
        }
        for (const ink_profile_t *q = p + 1; q->name; q++)
            assert_true(strcmp(p->name, q->name) != 0);
    }
}

static void test_profile_points_to_pixels_rounds(void **state)
{
    (void)state;
    assert_int_equal(ink_pt10_to_px(720, 100), 100); /* 72 pt is an inch */
    assert_int_equal(ink_pt10_to_px(100, 167), 23);  /* 23.19 */
    assert_int_equal(ink_pt10_to_px(100, 300), 42);  /* 41.67 */
    assert_int_equal(ink_pt10_to_px(120, 167), 28);  /* 27.83 */
    assert_int_equal(ink_pt10_to_px(36, 100), 5);    /* 5.0 */
    assert_int_equal(ink_pt10_to_px(87, 120), 15);   /* 14.5: a half rounds up */
    assert_int_equal(ink_pt10_to_px(0, 300), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_profile_the_known_panels),
        cmocka_unit_test(test_profile_sizes_grow_and_match_in_size),
        cmocka_unit_test(test_profile_points_to_pixels_rounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

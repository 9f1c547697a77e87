/* SPDX-License-Identifier: MIT */
/* test_progress.c: the progress bar of pack: silent off a terminal, count
 * and item on it, long names cut at the front, skipped inputs tallied. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "progress.h"

/* Everything written to f, as a string (malloc'd). */
static char *contents(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    assert_true(n >= 0);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    rewind(f);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    return s;
}

static void test_progress_silent_off_a_terminal(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    progress_t p;
    progress_start(&p, f, -1, "pack", 3); /* a file is not a terminal */
    assert_false(p.on);
    progress_item(&p, "a.txt");
    progress_item(&p, "b.txt");
    progress_end(&p);
    char *s = contents(f);
    assert_string_equal(s, "");
    assert_int_equal(p.done, 2);
    free(s);
    fclose(f);
}

static void test_progress_bar_shows_count_rate_and_item(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    progress_t p;
    progress_start(&p, f, 1, "pack", 4);
    p.interval = 0; /* draw every item */
    p.cols = 100;
    progress_item(&p, "samples/a.txt");
    progress_item(&p, "samples/b.txt");
    progress_item(&p, "samples/c.txt");
    char *s = contents(f);
    const char *last = strrchr(s, '\r');
    assert_non_null(last);
    assert_non_null(strstr(last, "pack ["));
    assert_non_null(strstr(last, "] 2/4 "));
    assert_non_null(strstr(last, "/s "));
    assert_non_null(strstr(last, "samples/c.txt"));
    assert_null(strchr(s, '\n')); /* the bar stays on one line */
    free(s);
    progress_end(&p);
    s = contents(f);
    size_t n = strlen(s);
    assert_true(n > 4);
    assert_string_equal(s + n - 4, "\r\033[K"); /* the line is left clean */
    free(s);
    fclose(f);
}

static void test_progress_long_item_keeps_its_end(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    progress_t p;
    progress_start(&p, f, 1, "pack", 10);
    p.interval = 0;
    p.cols = 60;
    progress_item(&p, "a/very/long/folder/name/that/goes/on/and/on/sport/article-0123.txt");
    char *s = contents(f);
    assert_true(s[0] == '\r');
    char *esc = strstr(s, "\033[K");
    assert_non_null(esc);
    assert_true(esc - (s + 1) <= 59); /* fits the terminal, less one column */
    assert_non_null(strstr(s, "..."));
    assert_non_null(strstr(s, "sport/article-0123.txt\033[K"));
    free(s);
    fclose(f);
}

static void test_progress_skip_tallies_reasons(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    progress_t p;
    progress_start(&p, f, 0, "pack", 5);
    char buf[200];
    progress_skipped_text(&p, buf, sizeof buf);
    assert_string_equal(buf, "0 skipped");
    progress_skip(&p, "inkpress pack", "x/empty.txt", "empty file");
    progress_skip(&p, "inkpress pack", "x/b.bin", "binary data");
    progress_skip(&p, "inkpress pack", "x/e2.txt", "empty file");
    progress_skip(&p, NULL, NULL, "cannot be listed"); /* counted, not said again */
    progress_skipped_text(&p, buf, sizeof buf);
    assert_string_equal(buf, "4 skipped (empty file: 2, binary data: 1, cannot be listed: 1)");
    char *s = contents(f);
    assert_string_equal(s, "inkpress pack: x/empty.txt: empty file (skipped)\n"
                           "inkpress pack: x/b.bin: binary data (skipped)\n"
                           "inkpress pack: x/e2.txt: empty file (skipped)\n");
    free(s);
    /* A small buffer is cut, never overrun. */
    char small[12];
    progress_skipped_text(&p, small, sizeof small);
    assert_int_equal(strlen(small), sizeof small - 1);
    fclose(f);
}

static void test_progress_message_does_not_tear_the_bar(void **state)
{
    (void)state;
    FILE *f = tmpfile();
    progress_t p;
    progress_start(&p, f, 1, "pack", 3);
    p.interval = 0;
    progress_item(&p, "one.txt");
    progress_skip(&p, "inkpress pack", "one.txt", "empty file");
    char *s = contents(f);
    /* The bar is cleared, the message stands on its own line, the bar comes back. */
    char *msg = strstr(s, "\r\033[Kinkpress pack: one.txt: empty file (skipped)\n\rpack [");
    assert_non_null(msg);
    free(s);
    fclose(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_progress_silent_off_a_terminal),
        cmocka_unit_test(test_progress_bar_shows_count_rate_and_item),
        cmocka_unit_test(test_progress_long_item_keeps_its_end),
        cmocka_unit_test(test_progress_skip_tallies_reasons),
        cmocka_unit_test(test_progress_message_does_not_tear_the_bar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

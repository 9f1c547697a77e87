/* SPDX-License-Identifier: MIT */
/* test_charset.c: tools/clean/charset: UTF-8 validation, Windows-1252 for
 * the bytes that are not UTF-8, and the two ways its five undefined bytes
 * go (a page keeps U+FFFD, a scrape drops them), held end to end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "charset.h"
#include "clean.h"
#include "html.h"

static const unsigned char holes[5] = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

#define VALID(lit) charset_utf8_valid(lit, sizeof lit - 1)

static void test_charset_utf8_valid(void **state)
{
    (void)state;
    assert_true(VALID(""));
    assert_true(VALID("plain ASCII, longer than eight bytes"));
    assert_true(VALID("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80"));
    assert_false(VALID("caf\xe9"));                      /* Latin-1 */
    assert_false(VALID("abcdefghijklmnop\xed\xa0\x80")); /* surrogate after a fast run */
    assert_false(VALID("abcdefghijklmnop\xc3"));         /* cut at the end */
    assert_true(VALID("a\0b"));                          /* the length counts, not a NUL */
    assert_false(charset_utf8_valid("\xc3\xa9", 1));
}

static void test_charset_cp1252_table_and_holes(void **state)
{
    (void)state;
    assert_int_equal(charset_cp1252('A', CHARSET_HOLES_FFFD), 'A');
    assert_int_equal(charset_cp1252(0x80, CHARSET_HOLES_FFFD), 0x20AC); /* euro */
    assert_int_equal(charset_cp1252(0x93, CHARSET_HOLES_C1), 0x201C);
    assert_int_equal(charset_cp1252(0x9F, CHARSET_HOLES_C1), 0x0178);
    assert_int_equal(charset_cp1252(0xA0, CHARSET_HOLES_FFFD), 0xA0); /* Latin-1 from here */
    assert_int_equal(charset_cp1252(0xE9, CHARSET_HOLES_FFFD), 0xE9);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(charset_cp1252(holes[i], CHARSET_HOLES_FFFD), 0xFFFD);
        assert_int_equal(charset_cp1252(holes[i], CHARSET_HOLES_C1), holes[i]);
    }
    /* every other byte of 0x80..0x9F is a character of its own, the same
     * either way, and none is a control */
    int defined = 0;
    for (unsigned b = 0x80; b < 0xA0; b++) {
        uint32_t a = charset_cp1252((unsigned char)b, CHARSET_HOLES_FFFD);
        if (a == 0xFFFD)
            continue;
        defined++;
        assert_int_equal(a, charset_cp1252((unsigned char)b, CHARSET_HOLES_C1));
        assert_true(a >= 0x100);
    }
    assert_int_equal(defined, 27);
}

static void test_charset_mixed_and_whole(void **state)
{
    (void)state;
    /* well-formed sequences kept, the other bytes read as 1252 */
    const char in[] = "\xc3\xa9 \xe9 \x93q\x94 \x81";
    size_t n;
    char *o = charset_to_utf8(in, sizeof in - 1, CHARSET_HOLES_FFFD, &n);
    assert_non_null(o);
    assert_string_equal(o, "\xc3\xa9 \xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xef\xbf\xbd");
    assert_int_equal(n, strlen(o));
    free(o);
    /* whole: the first two bytes are two characters, not one */
    o = charset_cp1252_to_utf8(in, sizeof in - 1, CHARSET_HOLES_C1, &n);
    assert_non_null(o);
    assert_string_equal(o, "\xc3\x83\xc2\xa9 \xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xc2\x81");
    free(o);
    assert_true(charset_utf8_valid(o = charset_to_utf8("\xff\xfe\xc0", 3, CHARSET_HOLES_FFFD, NULL), 6));
    free(o);
}

/* A Latin-1 text with the five undefined bytes inside its body, as a
 * scrape and as a page. */
static const char body_1252[] = "The harbour workers\x81 voted on Tuesday to end the strike that had closed the "
                                "port for nine days\x8d\x8f, after the city offered a new contract. Caf\xe9 owners "
                                "near the quay said trade\x90 would pick up again by the weekend\x9d.";

static int has(const article_t *a, const char *needle)
{
    for (size_t i = 0; i < a->nblocks; i++)
        if (strstr(a->blocks[i].text, needle))
            return 1;
    return 0;
}

static void test_charset_holes_scrape_drops_page_keeps(void **state)
{
    (void)state;
    char txt[1024];
    snprintf(txt, sizeof txt, "Harbour strike ends\n\n%s\n", body_1252);
    article_t a = {0};
    const char *why = NULL;
    assert_int_equal(clean_scrape(txt, strlen(txt), &a, &why), 0);
    assert_true(has(&a, "Caf\xc3\xa9 owners"));
    assert_true(has(&a, "workers voted"));
    assert_true(has(&a, "nine days, after"));
    assert_false(has(&a, "\xef\xbf\xbd"));
    article_free(&a);

    char page[2048];
    snprintf(page, sizeof page,
             "<html><head><meta charset=\"windows-1252\"><title>Harbour strike ends</title></head>"
             "<body><article><p>%s</p></article></body></html>",
             body_1252);
    assert_int_equal(html_clean(page, strlen(page), &a, &why), 0);
    assert_true(has(&a, "Caf\xc3\xa9 owners"));
    assert_true(has(&a, "workers\xef\xbf\xbd voted"));
    assert_true(has(&a, "days\xef\xbf\xbd\xef\xbf\xbd, after"));
    article_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_charset_utf8_valid),
        cmocka_unit_test(test_charset_cp1252_table_and_holes),
        cmocka_unit_test(test_charset_mixed_and_whole),
        cmocka_unit_test(test_charset_holes_scrape_drops_page_keeps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

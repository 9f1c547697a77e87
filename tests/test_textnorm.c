/* SPDX-License-Identifier: MIT */
/* test_textnorm.c: text normalisation (NFC, typography, white space,
 * invisible characters, inline style codes) and article dedup. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "dedup.h"
#include "textnorm.h"

static void expect(const char *in, unsigned flags, const char *want)
{
    char *o = textnorm(in, strlen(in), flags, NULL);
    assert_non_null(o);
    assert_string_equal(o, want);
    free(o);
}

static void test_textnorm_nfc_composes_latin_greek_cyrillic(void **state)
{
    (void)state;
    expect("Jose\xcc\x81 Mu\xcc\x88ller", 0, "Jos\xc3\xa9 M\xc3\xbcller");
    expect("\xce\xb1\xcc\x81", 0, "\xce\xac");          /* alpha + acute -> U+03AC */
    expect("\xd0\xb8\xcc\x86", 0, "\xd0\xb9");          /* i + breve -> short i */
    expect("x\xcc\x81", 0, "x\xcc\x81");                /* nothing to compose */
    assert_int_equal(textnorm_compose('A', 0x30A), 0xC5);
}

static void test_textnorm_typography(void **state)
{
    (void)state;
    expect("\"Yes,\" she said - 'it's done'...", TN_TYPO | TN_DASH,
           "\xe2\x80\x9cYes,\xe2\x80\x9d she said \xe2\x80\x93 \xe2\x80\x98it\xe2\x80\x99s done\xe2\x80\x99\xe2\x80\xa6");
    expect("well--known", TN_DASH, "well\xe2\x80\x94known");
    expect("a - b", 0, "a - b"); /* without flags nothing typographic happens */
}

static void test_textnorm_space_and_invisibles(void **state)
{
    (void)state;
    expect("  a\t\n b\xe2\x80\x8b c\xc2\xad d\x01 \xe2\x80\x83 e  ", 0, "a b c d e");
    expect("x\xc2\xa0y", 0, "x\xc2\xa0y"); /* no-break space kept */
    /* invalid UTF-8 read as Windows-1252 */
    expect("caf\xe9 \x93q\x94", 0, "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d");
}

static void test_textnorm_style_codes(void **state)
{
    (void)state;
    expect("a \x10" "b\x11 c", TN_STYLE, "a \x10" "b\x11 c");
    expect("a \x10\x11 c", TN_STYLE, "a c");            /* empty pair dropped */
    expect("a\x10 b\x11", TN_STYLE, "a \x10" "b\x11");  /* space moves outside */
    expect("a \x10" "b\x11", 0, "a b");                 /* without the flag: dropped */
}

static void add(article_list_t *l, const char *title, const char *body)
{
    article_t *a = article_list_add(l);
    assert_non_null(a);
    a->title = strdup(title);
    assert_int_equal(article_add_block(a, ARTICLE_BLOCK_PARA, body, strlen(body)), 0);
}

static void test_dedup_same_article_packed_once(void **state)
{
    (void)state;
    article_list_t l = { 0 };
    const char *body = "The council voted on Tuesday to close the old market hall for repairs that will take "
                       "at least two years, and traders will move to a temporary site by the river.";
    add(&l, "Market hall to close | City News", body);
    add(&l, "Something else entirely", "Rain is expected over the weekend across the north of the country, "
                                        "with strong winds on the coast and snow on high ground.");
    /* the same story from a feed: other title, style codes, other case */
    add(&l, "Market hall to close", "THE council voted on \x10Tuesday\x11 to close the old market hall for repairs "
                                    "that will take at least two years, and traders will move to a temporary "
                                    "site by the river.");
    add(&l, "Short", "Too short");
    add(&l, "Short", "Too short.");
    assert_int_equal(dedup_articles(&l), 2);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0].title, "Market hall to close | City News");
    assert_string_equal(l.v[1].title, "Something else entirely");
    assert_string_equal(l.v[2].title, "Short");
    article_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textnorm_nfc_composes_latin_greek_cyrillic),
        cmocka_unit_test(test_textnorm_typography),
        cmocka_unit_test(test_textnorm_space_and_invisibles),
        cmocka_unit_test(test_textnorm_style_codes),
        cmocka_unit_test(test_dedup_same_article_packed_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

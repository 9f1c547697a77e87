/* SPDX-License-Identifier: MIT */
/* test_article.c: the article model's own operations (tools/clean/article.c)
 * that no cleaner test reaches: splitting a long article into parts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"

/* The body of a, blocks joined by '\n', and each block's kind. malloc'd. */
static char *body_of(const article_t *a)
{
    size_t n = 1;
    for (size_t b = 0; b < a->nblocks; b++)
        n += strlen(a->blocks[b].text) + 1;
    char *s = malloc(n);
    assert_non_null(s);
    s[0] = '\0';
    for (size_t b = 0; b < a->nblocks; b++) {
        strcat(s, a->blocks[b].text);
        strcat(s, "\n");
    }
    return s;
}

static void add(article_t *a, article_block_kind_t k, const char *s)
{
    assert_int_equal(article_add_block(a, k, s, strlen(s)), 0);
}

/* A 100 KB article goes in three parts of about a third each, in order,
 * titled "(1/3)"..., every part with the article's fields; nothing is lost
 * or repeated, and a short one beside it is left as it was. */
static void test_article_split_long_in_parts(void **st)
{
    (void)st;
    article_list_t l = { 0 };
    article_t *s = article_list_add(&l);
    s->title = strdup("Short");
    add(s, ARTICLE_BLOCK_PARA, "One paragraph.");
    article_t *a = article_list_add(&l);
    a->title = strdup("Long");
    a->date = strdup("2026-12-03");
    a->section = strdup("World");
    a->lang = strdup("de");
    char para[1001];
    for (int i = 0; i < 100; i++) {
        if (i % 10 == 0)
            add(a, ARTICLE_BLOCK_SUBHEAD, "A heading");
        snprintf(para, sizeof para, "Paragraph %d. ", i);
        size_t k = strlen(para);
        for (; k < 990; k++)
            para[k] = (char)('a' + k % 26);
        para[k] = '\0';
        add(a, ARTICLE_BLOCK_PARA, para);
    }
    char *whole = body_of(a);
    assert_int_equal(article_split_long(&l, 40 * 1024, 32), 1);
    assert_int_equal(l.n, 4);
    assert_string_equal(l.v[0].title, "Short");
    assert_int_equal(l.v[0].nblocks, 1);
    size_t got = 0;
    for (size_t p = 1; p < 4; p++) {
        article_t *q = &l.v[p];
        char t[32];
        snprintf(t, sizeof t, "Long (%zu/3)", p);
        assert_string_equal(q->title, t);
        assert_string_equal(q->date, "2026-12-03");
        assert_string_equal(q->section, "World");
        assert_string_equal(q->lang, "de");
        assert_null(q->byline);
        char *b = body_of(q);
        assert_true(strlen(b) < 40 * 1024);
        assert_true(strlen(b) > 30 * 1024); /* about a third each */
        assert_memory_equal(b, whole + got, strlen(b));
        got += strlen(b);
        /* no part ends on a heading */
        assert_int_not_equal(q->blocks[q->nblocks - 1].kind, ARTICLE_BLOCK_SUBHEAD);
        free(b);
    }
    assert_int_equal(got, strlen(whole));
    free(whole);
    article_list_free(&l);
}

/* One paragraph longer than a part is cut between sentences, and the
 * pieces, joined with a space, give it back. */
static void test_article_split_cuts_a_long_paragraph_between_sentences(void **st)
{
    (void)st;
    article_list_t l = { 0 };
    article_t *a = article_list_add(&l);
    a->title = strdup("Wall of text");
    size_t cap = 12000, n = 0;
    char *p = malloc(cap);
    assert_non_null(p);
    for (int i = 0; n < 10000; i++)
        n += (size_t)snprintf(p + n, cap - n, "%sSentence number %d is here.", i ? " " : "", i);
    add(a, ARTICLE_BLOCK_PARA, p);
    assert_int_equal(article_split_long(&l, 4096, 32), 1);
    assert_in_range(l.n, 3, 4); /* a third each, less where a sentence ends */
    size_t k = 0;
    for (size_t i = 0; i < l.n; i++) {
        assert_int_equal(l.v[i].nblocks, 1);
        const char *t = l.v[i].blocks[0].text;
        assert_true(strlen(t) < 4096);
        assert_memory_equal(t, p + k, strlen(t));
        if (i + 1 < l.n)
            assert_int_equal(t[strlen(t) - 1], '.'); /* a sentence's end */
        k += strlen(t) + (i + 1 < l.n);                /* and the space after it */
    }
    assert_int_equal(k, n);
    free(p);
    article_list_free(&l);
}

/* Nothing to split: the list is left alone. */
static void test_article_split_leaves_short_articles(void **st)
{
    (void)st;
    article_list_t l = { 0 };
    article_t *a = article_list_add(&l);
    a->title = strdup("T");
    add(a, ARTICLE_BLOCK_PARA, "Short.");
    article_t *v = l.v;
    assert_int_equal(article_split_long(&l, 4096, 32), 0);
    assert_ptr_equal(l.v, v);
    assert_string_equal(l.v[0].title, "T");
    article_list_free(&l);
}

/* Past the most parts, the rest is left out: 10 parts of a 100-part page. */
static void test_article_split_stops_at_the_most_parts(void **st)
{
    (void)st;
    article_list_t l = { 0 };
    article_t *a = article_list_add(&l);
    a->title = strdup("Endless");
    char para[1000];
    memset(para, 'x', sizeof para - 1);
    para[sizeof para - 1] = '\0';
    for (int i = 0; i < 400; i++)
        add(a, ARTICLE_BLOCK_PARA, para);
    assert_int_equal(article_split_long(&l, 4096, 10), 1);
    assert_int_equal(l.n, 10);
    assert_string_equal(l.v[0].title, "Endless (1/10)");
    assert_string_equal(l.v[9].title, "Endless (10/10)");
    for (size_t i = 0; i < l.n; i++)
        assert_true(article_body_weight(&l.v[i]) < 4096);
    article_list_free(&l);
}

static void trimmed(const char *title, const char *source, const char *want)
{
    char buf[200];
    strcpy(buf, title);
    article_trim_site_name(buf, source);
    assert_string_equal(buf, want);
}

static void test_article_title_without_the_site_name(void **st)
{
    (void)st;
    trimmed("Mandarin cake with cream | Chefkoch", "Chefkoch.de", "Mandarin cake with cream");
    trimmed("Heat pumps in old houses \xe2\x80\x93 when they pay | heizung.de", NULL,
            "Heat pumps in old houses \xe2\x80\x93 when they pay");
    trimmed("Berlin renames three streets | DW | 19.01.2020", "DW.COM", "Berlin renames three streets");
    trimmed("A dance in the depot | St.Galler Tagblatt", "St.Galler Tagblatt AG", "A dance in the depot");
    trimmed("gipfelbuch.ch - Snow maps in high resolution", NULL, "Snow maps in high resolution");
    /* not the site: a part of the headline, a name the source does not
     * give, a title that would be left with one word */
    trimmed("Dortmund - Gladbach live", "computerbild.de", "Dortmund - Gladbach live");
    trimmed("Lorem ipsum dolor - My website", NULL, "Lorem ipsum dolor - My website");
    trimmed("News | heise.de", NULL, "News | heise.de");
    trimmed("No separator here", "here", "No separator here");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_article_split_long_in_parts),
        cmocka_unit_test(test_article_split_cuts_a_long_paragraph_between_sentences),
        cmocka_unit_test(test_article_split_leaves_short_articles),
        cmocka_unit_test(test_article_split_stops_at_the_most_parts),
        cmocka_unit_test(test_article_title_without_the_site_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_json.c: tools/cmd/json: the writer behind `clean --json` (escapes,
 * null fields, style codes out of the body) and the JSON-LD reader (escapes
 * and surrogate pairs to UTF-8, nesting limit, a table of broken inputs). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "json.h"

/* What json_str writes for s. */
static char *str_out(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    json_str(f, s);
    fclose(f);
    return buf;
}

static void expect_str(const char *in, const char *want)
{
    char *o = str_out(in);
    assert_string_equal(o, want);
    free(o);
}

static void test_json_str_escapes(void **state)
{
    (void)state;
    expect_str("plain", "\"plain\"");
    expect_str("say \"hi\" \\ now", "\"say \\\"hi\\\" \\\\ now\"");
    expect_str("a\nb\tc\rd\be\ff", "\"a\\nb\\tc\\rd\\be\\ff\"");
    expect_str("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
    expect_str("caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d", "\"caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d\"");
    expect_str("\x10kept\x11", "\"\\u0010kept\\u0011\""); /* a field keeps the codes, escaped */
    expect_str(NULL, "null");
}

static void test_json_article_one_line(void **state)
{
    (void)state;
    article_t a = {0};
    a.title = strdup("Harbour \"strike\" ends");
    a.date = strdup("2026-11-29");
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_PARA, "First \x10words\x11 here.", 20), 0);
    assert_int_equal(article_add_block(&a, ARTICLE_BLOCK_LIST, "Second", 6), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    json_article(f, &a);
    fclose(f);
    assert_string_equal(buf, "{\"title\": \"Harbour \\\"strike\\\" ends\", \"date\": \"2026-11-29\", "
                             "\"section\": null, \"source\": null, \"byline\": null, "
                             "\"body\": [\"First words here.\", \"Second\"]}\n");
    free(buf);
    article_free(&a);
}

static jv_t *parse(const char *s)
{
    return json_parse(s, strlen(s));
}

static void test_json_parse_ld_shapes(void **state)
{
    (void)state;
    jv_t *v = parse(" {\"@context\": \"https://schema.org\", \"@type\": [\"NewsArticle\"],"
                    " \"headline\": \"Caf\\u00e9 \\\"news\\\"\\n\", \"wordCount\": -12.5e1,"
                    " \"isFree\": true, \"paywall\": false, \"image\": null,"
                    " \"author\": [{\"name\": \"A. Writer\"}, {\"name\": \"B\"}]} ");
    assert_non_null(v);
    assert_int_equal(v->type, JV_OBJ);
    assert_string_equal(json_get_str(v, "@context"), "https://schema.org");
    assert_string_equal(json_get_str(v, "headline"), "Caf\xc3\xa9 \"news\"\n");
    const jv_t *t = json_get(v, "@type");
    assert_non_null(t);
    assert_int_equal(t->type, JV_ARR);
    assert_int_equal(t->n, 1);
    assert_string_equal(t->kids[0].str, "NewsArticle");
    assert_true(json_get(v, "wordCount")->num == -125.0);
    assert_int_equal(json_get(v, "isFree")->type, JV_BOOL);
    assert_true(json_get(v, "isFree")->num == 1);
    assert_true(json_get(v, "paywall")->num == 0);
    assert_int_equal(json_get(v, "image")->type, JV_NULL);
    const jv_t *au = json_get(v, "author");
    assert_int_equal(au->n, 2);
    assert_string_equal(json_get_str(&au->kids[1], "name"), "B");
    assert_null(json_get(v, "missing"));
    assert_null(json_get_str(v, "isFree"));              /* not a string */
    assert_null(json_get(&au->kids[0].kids[0], "name")); /* not an object */
    json_free(v);
    /* a trailing ';' (a script's statement end) is allowed, as are [] and {} */
    v = parse("[[], {}];");
    assert_non_null(v);
    assert_int_equal(v->n, 2);
    json_free(v);
}

static void test_json_parse_unicode_escapes(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } rows[] = {
        {"\"\\u0041\\u00e9\\u20ac\"", "A\xc3\xa9\xe2\x82\xac"},
        {"\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80"}, /* a surrogate pair */
        {"\"\\ud83d x\"", "\xef\xbf\xbd x"},        /* lone high surrogate */
        {"\"\\ude00\"", "\xef\xbf\xbd"},            /* lone low surrogate */
        {"\"\\ud83d\\u0041\"", "\xef\xbf\xbd"
                               "A"}, /* high, then no low */
        {"\"a\\u0000b\"", "a"},      /* NUL ends the string */
        {"\"\\/\\q\"", "/q"},        /* unknown escapes keep the char */
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        jv_t *v = parse(rows[i].in);
        assert_non_null(v);
        assert_int_equal(v->type, JV_STR);
        assert_string_equal(v->str, rows[i].want);
        json_free(v);
    }
}

static void test_json_parse_depth_limit(void **state)
{
    (void)state;
    char s[2 * 70 + 1];
    for (int depth = 64; depth <= 66; depth++) {
        /* depth + 1 nested arrays: the innermost is at depth `depth` */
        int k = 0;
        for (int i = 0; i <= depth; i++)
            s[k++] = '[';
        for (int i = 0; i <= depth; i++)
            s[k++] = ']';
        s[k] = '\0';
        jv_t *v = parse(s);
        if (depth <= 64)
            assert_non_null(v);
        else
            assert_null(v);
        json_free(v);
    }
}

/* Broken inputs, one a row: each must fail, never crash or read past n. */
static void test_json_parse_refuses_broken_inputs(void **state)
{
    (void)state;
    static const char *const rows[] = {
        "",
        "   ",
        "{",
        "[",
        "[1,",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":}",
        "{a: 1}",
        "{\"a\": 1,}x",
        "\"open",
        "\"bad \\u12\"",
        "\"bad \\uZZZZ\"",
        "\"\\ud83d\\uZZZZ\"",
        "nul",
        "tru",
        "fals",
        "@",
        "[1] 2",
        "{\"a\": 1} {",
        "]",
        "}",
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        size_t n = strlen(rows[i]);
        char *copy = malloc(n ? n : 1); /* no NUL after it: ASan sees any overread */
        memcpy(copy, rows[i], n);
        jv_t *v = json_parse(copy, n);
        if (v)
            fail_msg("row %zu (%s) parsed", i, rows[i]);
        free(copy);
    }
    /* the length is what counts: the same text cut short fails */
    assert_null(json_parse("{\"a\": 1}", 7));
    jv_t *v = json_parse("{\"a\": 1}", 8);
    assert_non_null(v);
    json_free(v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_str_escapes),       cmocka_unit_test(test_json_article_one_line),
        cmocka_unit_test(test_json_parse_ld_shapes),   cmocka_unit_test(test_json_parse_unicode_escapes),
        cmocka_unit_test(test_json_parse_depth_limit), cmocka_unit_test(test_json_parse_refuses_broken_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

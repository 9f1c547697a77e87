/* SPDX-License-Identifier: MIT */
/* test_html_undo.c: the main-text search's attempts share one parse: after
 * an attempt, dom_undo takes its edits back (tools/clean/html_dom.c). The
 * tree must then be the page as parsed, node for node, and the next
 * attempt must find what it finds on a fresh parse. Checked on pages
 * written here that make every kind of edit (removals, <br> runs into
 * paragraphs, renames, divs into paragraphs, the top candidate's siblings
 * gathered, leads copied in, <noscript> content shown), and on the Readability test pages in
 * ../shared/data (or $INK_SHARED_DATA) when they are there. */
#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "html_priv.h"

#define PARA1 "The ferry company said on Monday that the new timetable, agreed with the island councils after months of talks, would add two crossings a day from the first of June."
#define PARA2 "Residents, who had complained for years about cancelled sailings in winter, said the change was welcome but came late, a spokesman for the council told the local paper."
#define PARA3 "The company will also lease a second vessel for the summer season, when visitors outnumber the people who live on the islands by three to one, its chief executive added."

static const char *const pages[] = {
    /* a plain article with chrome around it, a lead outside its box and a
     * byline */
    "<html><head><title>Ferries</title></head><body><nav class=\"menu\"><a href=\"/\">Home</a></nav>"
    "<header><p class=\"standfirst\">More crossings to the islands from June, the ferry company says, after talks.</p></header>"
    "<div class=\"share-bar\"><a href=\"#\">Share</a></div>"
    "<article class=\"story\"><h1>Ferries</h1><p class=\"byline\">By Jo Smith</p><p>" PARA1 "</p><p>" PARA2 "</p>"
    "<font>" PARA3 "</font><!-- a comment --><script>var a = 1;</script>"
    "<div>loose text<br><br>after two breaks<br><br><br>and three</div>"
    "<div><p>" PARA1 "</p></div><span>" PARA2 "</span></article>"
    "<aside class=\"related\"><ul><li><a href=\"/a\">Another story</a></li></ul></aside>"
    "<footer class=\"footer\">Copyright</footer></body></html>",
    /* the text in a "sidebar": the first attempt strips it, the next ones
     * start again from the page as parsed */
    "<html><body><div class=\"sidebar comment\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
    "<div class=\"content\"><p>Short.</p></div></body></html>",
    /* siblings of the top candidate gathered (and renamed), a table, a list,
     * text straight in the body */
    "<html><body>text in the body<div id=\"main\"><section><p>" PARA1 "</p><p>" PARA2 "</p></section>"
    "<ul><li>" PARA3 "</li><li>two</li></ul><table><tr><td>" PARA1 "</td></tr></table>"
    "<h2>A heading</h2><p>" PARA3 "</p></div><div class=\"comments\"><p>" PARA2 "</p></div></body></html>",
    /* the post only in <noscript> */
    "<html><body><div id=\"app\"><noscript><div class=\"post\"><p>" PARA1 "</p><p>" PARA2 "</p></div></noscript>"
    "<p>Loading.</p></div></body></html>",
    /* nothing much anywhere: every attempt runs */
    "<html><body><div class=\"footer\"><p>A few words.</p></div><br><br><div>More words<br><br>here</div></body></html>",
};

/* Every node of the tree, one a line: type, name, every attribute, text. */
static void dump(FILE *f, const xmlNode *x, int depth)
{
    for (; x; x = x->next) {
        fprintf(f, "%d %d %s", depth, (int)x->type, x->name ? (const char *)x->name : "");
        if (x->type == XML_ELEMENT_NODE) {
            for (const xmlAttr *a = x->properties; a; a = a->next)
                fprintf(f, " %s=[%s]", a->name,
                        a->children && a->children->content ? (const char *)a->children->content : "");
            fputc('\n', f);
            dump(f, x->children, depth + 1);
        } else {
            fprintf(f, " [%s]\n", x->content ? (const char *)x->content : "");
        }
    }
}

static char *tree_of(const xmlDoc *d)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    dump(f, d->children, 0);
    fclose(f);
    return out;
}

static xmlDoc *parse(const char *s, size_t n)
{
    return htmlReadMemory(s, (int)n, NULL, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                              HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
}

static const unsigned attempts[] = {
    F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_COND,
    F_WEIGHT_CLASSES | F_CLEAN_COND,
    F_CLEAN_COND,
    0,
    F_NOSCRIPT | F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_COND,
};

/* One attempt of the search on doc: its blocks as text, one a line. With
 * edits set, the attempt's edits are noted there (*noted says how many)
 * and taken back after. */
static char *attempt(xmlDoc *doc, unsigned flags, edits_t *edits, size_t *noted)
{
    ctx_t c = {0};
    c.doc = doc;
    c.flags = flags;
    c.title = "Ferries";
    doc->_private = edits;
    xmlNode *r = xmlDocGetRootElement(doc);
    html_prep_document(&c, r);
    xmlNode *art = html_grab_article(&c, r);
    article_t a = {0};
    if (art)
        assert_true(html_emit_blocks(art, &a) >= 0);
    assert_false(c.oom);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    fprintf(f, "byline [%s]\n", c.byline ? c.byline : "");
    for (size_t i = 0; i < a.nblocks; i++)
        fprintf(f, "%d %s\n", (int)a.blocks[i].kind, a.blocks[i].text);
    fclose(f);
    article_free(&a);
    if (edits) {
        assert_false(edits->oom);
        *noted = edits->n;
        dom_undo(doc, edits);
        assert_null(doc->_private);
    }
    if (art)
        xmlFreeNode(art);
    html_ctx_free(&c, edits != NULL);
    return out;
}

/* Each attempt in turn on one parse, undone after each: the tree is the
 * page as parsed again, and each attempt finds what it finds on a fresh
 * parse. Returns the number of edits the attempts made. */
static size_t check_page(const char *name, const char *s, size_t n)
{
    xmlDoc *doc = parse(s, n);
    assert_non_null(doc);
    char *parsed = tree_of(doc);
    size_t edits_made = 0;
    for (size_t ai = 0; ai < sizeof attempts / sizeof attempts[0]; ai++) {
        edits_t e = {0};
        size_t noted = 0;
        char *got = attempt(doc, attempts[ai], &e, &noted);
        xmlDoc *fresh = parse(s, n);
        assert_non_null(fresh);
        char *want = attempt(fresh, attempts[ai], NULL, NULL);
        xmlFreeDoc(fresh);
        char *now = tree_of(doc);
        if (strcmp(now, parsed) || strcmp(got, want))
            fprintf(stderr, "%s, attempt %zu: %s\n", name, ai,
                    strcmp(now, parsed) ? "the tree is not the page as parsed" : "not what a fresh parse gives");
        assert_string_equal(now, parsed);
        assert_string_equal(got, want);
        free(now);
        free(got);
        free(want);
        edits_made += noted;
    }
    free(parsed);
    xmlFreeDoc(doc);
    return edits_made;
}

static void test_html_undo_pages_written_here(void **state)
{
    (void)state;
    size_t with_edits = 0;
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "page %zu", i);
        with_edits += check_page(name, pages[i], strlen(pages[i]));
    }
    /* the pages make edits to take back */
    assert_true(with_edits > 0);
}

static void test_html_undo_readability_pages(void **state)
{
    (void)state;
    const char *data = getenv("INK_SHARED_DATA");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/readability", data && *data ? data : "../shared/data");
    DIR *d = opendir(dir);
    if (!d) {
        print_message("%s not found (set INK_SHARED_DATA); skipping\n", dir);
        skip();
    }
    size_t pages_read = 0;
    for (struct dirent *de; (de = readdir(d)) != NULL;) {
        if (de->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s/source.html", dir, de->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        rewind(f);
        char *s = malloc((size_t)n + 1);
        assert_non_null(s);
        assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
        fclose(f);
        s[n] = '\0';
        check_page(de->d_name, s, (size_t)n);
        free(s);
        pages_read++;
    }
    closedir(d);
    print_message("%zu pages, every attempt undone\n", pages_read);
    assert_true(pages_read > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_undo_pages_written_here),
        cmocka_unit_test(test_html_undo_readability_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

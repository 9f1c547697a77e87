/* SPDX-License-Identifier: MIT */
/* test_html.c: the HTML page cleaner and the input sniffer: metadata
 * sources, main-text choice, block kinds and inline styles, charsets, and
 * hostile pages (deep nesting, huge, binary, NUL, invalid UTF-8). Inputs are
 * written inline; run from the repo root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#include <pthread.h>
#include <libxml/tree.h>
#include <strings.h>

#include "article.h"
#include "html.h"
#include "html_arena.h"
#include "input.h"

/* A long paragraph so that the page passes the main-text threshold. */
#define PARA1 "The harbour authority said on Tuesday that the strike, now in its third week, had cost the port more than forty million euros, and that talks would resume on Friday."
#define PARA2 "Dock workers, who walked out over pay and night shifts, said they were ready to return if the offer matched inflation, a union spokeswoman told reporters outside the gates."
#define PARA3 "Shipping lines have diverted vessels to other ports along the coast, and exporters of fruit and machinery warned of lost contracts if the dispute dragged on into the winter."

static const char page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
    "<title>Harbour strike enters third week | The Coast Herald</title>"
    "<meta property=\"og:site_name\" content=\"The Coast Herald\">"
    "<meta property=\"article:published_time\" content=\"2024-03-05T09:30:00Z\">"
    "<meta property=\"article:section\" content=\"World\">"
    "<meta name=\"author\" content=\"Ana Ferreira\">"
    "</head><body>"
    "<nav class=\"menu\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>"
    "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a></div>"
    "<article class=\"story\"><h1>Harbour strike enters third week</h1>"
    "<p>" PARA1 "</p>"
    "<h2>Talks on Friday</h2>"
    "<p>" PARA2 " <em>We are ready</em>, she said, <strong>firmly</strong>.</p>"
    "<blockquote><p>Nobody wins a strike that runs into the winter, said one exporter.</p></blockquote>"
    "<ul><li>Fruit exporters hit hardest by the diversions</li><li>Machinery orders delayed by weeks</li></ul>"
    "<p>" PARA3 "</p></article>"
    "<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Another story about ports</a></li>"
    "<li><a href=\"/b\">Yet another story about ships</a></li></ul></aside>"
    "<footer class=\"footer\">Copyright 2024 The Coast Herald. All rights reserved.</footer>"
    "</body></html>";

static int body_has(const article_t *a, const char *s)
{
    for (size_t i = 0; i < a->nblocks; i++)
        if (strstr(a->blocks[i].text, s))
            return 1;
    return 0;
}

static const article_block_t *block_with(const article_t *a, const char *s)
{
    for (size_t i = 0; i < a->nblocks; i++)
        if (strstr(a->blocks[i].text, s))
            return &a->blocks[i];
    return NULL;
}

static void test_html_metadata_from_meta_and_title(void **state)
{
    (void)state;
    article_t a;
    const char *why = NULL;
    assert_int_equal(html_clean(page, strlen(page), &a, &why), 0);
    /* <title> cut at the site separator */
    assert_string_equal(a.title, "Harbour strike enters third week");
    assert_string_equal(a.date, "2024-03-05");
    assert_string_equal(a.source, "The Coast Herald");
    assert_string_equal(a.section, "World");
    assert_string_equal(a.byline, "Ana Ferreira");
    article_free(&a);
}


/* The page's language: <html lang> or a Content-Language meta, else JSON-LD
 * inLanguage, else og:locale;
 * a page with none that is a tag gets the language textnorm guesses from
 * its text. */
static void test_html_language_of_the_page(void **state)
{
    (void)state;
    static const char *const pages[][2] = {
        { "<html lang=\"ru\"><head><meta property=\"og:locale\" content=\"en_US\"></head>", "ru" },
        { "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
          "\"@type\":\"NewsArticle\",\"headline\":\"Bridge\",\"inLanguage\":\"pt-br\"}</script><meta property=\"og:locale\" content=\"en_US\"></head>", "pt-BR" },
        { "<html><head><meta property=\"og:locale\" content=\"de_DE\"></head>", "de-DE" },
        { "<html><head><meta http-equiv=\"Content-Language\" content=\"el\"></head>", "el" },
        { "<html lang=\"x-default\"><head></head>", "en" }, /* not a tag: guessed from the text */
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char buf[4000];
        snprintf(buf, sizeof buf, "%s<body><article><h1>Bridge</h1><p>%s</p><p>%s</p></article></body></html>",
                 pages[i][0], PARA1, PARA2);
        article_t a;
        const char *why = NULL;
        assert_int_equal(html_clean(buf, strlen(buf), &a, &why), 0);
        if (pages[i][1])
            assert_string_equal(a.lang, pages[i][1]);
        else
            assert_null(a.lang);
        article_free(&a);
    }
}

static void test_html_main_text_without_chrome(void **state)
{
    (void)state;
    article_t a;
    assert_int_equal(html_clean(page, strlen(page), &a, NULL), 0);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "inflation"));
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Share on Facebook"));
    assert_false(body_has(&a, "Another story about ports"));
    assert_false(body_has(&a, "All rights reserved"));
    assert_false(body_has(&a, "Sport"));
    /* the headline is not repeated in the body */
    assert_false(body_has(&a, "Harbour strike enters third week"));
    /* paragraph order is kept */
    assert_true(block_with(&a, "forty million") < block_with(&a, "inflation"));
    article_free(&a);
}

static void test_html_teasers_and_tail_in_the_article_markup(void **state)
{
    (void)state;
    /* Teasers, a picture's credit, a share button and a comment section
     * inside the article's own markup, which no class name gives away: the
     * scrape cleaner's words find them. */
    const char pg[] =
        "<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Puerto</title></head><body>"
        "<div id=\"content\"><h1>Huelga en el puerto</h1>"
        "<p>Los estibadores del puerto cumplieron el martes su tercera semana de huelga, y los barcos esperan "
        "frente a la costa sin poder descargar su carga, dijeron las autoridades portuarias.</p>"
        "<p>Lea también: El precio de la fruta sube por la huelga del puerto</p>"
        "<p>(Foto: Archivo del puerto)</p><p>Compartir en Facebook</p>"
        "<p>El sindicato pide un aumento de salario que compense la inflaci\xc3\xb3n de los dos \xc3\xbaltimos "
        "a\xc3\xb1os, y la empresa ofrece la mitad, seg\xc3\xban fuentes de la negociaci\xc3\xb3n.</p>"
        "<p>Las conversaciones se reanudar\xc3\xa1n el viernes con un mediador nombrado por el gobierno, que "
        "espera un acuerdo antes de fin de mes para evitar p\xc3\xa9rdidas mayores en las exportaciones.</p>"
        "<p>Los exportadores de fruta son los m\xc3\xa1s afectados: sus contenedores llevan d\xc3\xad" "as en los "
        "muelles y parte de la carga ya se ha perdido, seg\xc3\xban la asociaci\xc3\xb3n del sector.</p>"
        "<h3>Comentarios</h3><p>Muy buen art\xc3\xad" "culo, gracias.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(pg, strlen(pg), &a, NULL), 0);
    assert_true(body_has(&a, "tercera semana"));
    assert_true(body_has(&a, "fin de mes"));
    assert_false(body_has(&a, "Lea también"));
    assert_false(body_has(&a, "Archivo del puerto"));
    assert_false(body_has(&a, "Compartir"));
    assert_false(body_has(&a, "Comentarios"));
    assert_false(body_has(&a, "Muy buen"));
    article_free(&a);
}

static void test_html_lead_outside_the_article_body(void **state)
{
    (void)state;
    /* The standfirst sits in the article's header, beside the container the
     * search picks; it comes first. A teaser of another story after the
     * article, and a lead the body repeats, do not come in. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><main><article>"
        "<header class=\"entry-header\"><h1>Harbour strike</h1>"
        "<p class=\"article-lead\">Talks between the port and the dock workers broke down again on Monday, "
        "and the strike enters its fourth week.</p>"
        "<div class=\"byline\">By Ana Ferreira</div></header>"
        "<div class=\"article-body\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
        "</article><div class=\"more\"><div class=\"teaser\"><h3>Fishing</h3><p class=\"teaser-text\">"
        "Fishermen in the north count the cost of a long winter.</p></div></div></main></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(a.nblocks >= 4);
    assert_non_null(strstr(a.blocks[0].text, "broke down again on Monday"));
    assert_true(body_has(&a, "forty million euros"));
    assert_false(body_has(&a, "Fishermen"));
    article_free(&a);
    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><main><article>"
        "<header class=\"entry-header\"><h1>Harbour strike</h1>"
        "<p class=\"teaser-text\">" PARA1 "</p></header>"
        "<div class=\"article-body\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
        "</article></main></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_int_equal(a.nblocks, 3);
    article_free(&a);
    /* a lead whose class is on a div around its one paragraph: the search
     * turns that div into the paragraph, and the lead is still found */
    static const char r[] =
        "<html><head><title>Harbour strike</title></head><body><main><header class=\"wrapper\">"
        "<div class=\"artikel-teaser\"><p>Talks between the port and the dock workers broke down again on "
        "Monday, and the strike enters its fourth week.</p></div></header>"
        "<article class=\"wrapper\"><div class=\"artikel-inhalt\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
        "</p></div></article></main></body></html>";
    assert_int_equal(html_clean(r, strlen(r), &a, NULL), 0);
    assert_int_equal(a.nblocks, 4);
    assert_non_null(strstr(a.blocks[0].text, "broke down again on Monday"));
    article_free(&a);
    /* the page's header ends in the lead, the text's container comes next
     * (siblings under <body>, the header stripped by the search) */
    static const char t[] =
        "<html><head><title>Harbour strike</title></head><body><header class=\"site-header\"><div class=\"grid\">"
        "<div class=\"text-lead\"><p>Talks between the port and the dock workers broke down again on "
        "Monday, and the strike enters its fourth week.</p></div></div></header>"
        "<main class=\"main\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></main></body></html>";
    assert_int_equal(html_clean(t, strlen(t), &a, NULL), 0);
    assert_int_equal(a.nblocks, 4);
    assert_non_null(strstr(a.blocks[0].text, "broke down again on Monday"));
    article_free(&a);
    /* "leader" and "subheadline" name a lead too (pronats.de, orsted.de) */
    static const char *const cls[] = {"leader", "article-subheadline"};
    for (int i = 0; i < 2; i++) {
        char u[2048];
        snprintf(u, sizeof u,
                 "<html><head><title>Harbour strike</title></head><body><main><article>"
                 "<div class=\"head\"><h1>Harbour strike</h1><div class=\"%s\"><p>Talks between the port and "
                 "the dock workers broke down again on Monday, and the strike enters its fourth week.</p></div>"
                 "</div><div class=\"sidebar\"><p>Subscribe</p></div><div class=\"article-body\"><p>" PARA1
                 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></article></main></body></html>",
                 cls[i]);
        assert_int_equal(html_clean(u, strlen(u), &a, NULL), 0);
        assert_true(body_has(&a, "broke down again on Monday"));
        article_free(&a);
    }
}

static void test_html_one_paragraph_text_over_its_header(void **state)
{
    (void)state;
    /* A text of one paragraph, mostly bold and links, with a box of related
     * headlines set in it, against the header above it holding the
     * headline and its subtitle: the subtitle is the lead, added anyway,
     * and scores no box; the aside's links are not the text's. The
     * paragraph comes out after the subtitle. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"wrap\">"
        "<div class=\"article-header\"><h1>Harbour strike</h1><h2>The union's leader, who will step down next "
        "month, said the port had tried to silence her over the talks</h2>"
        "<div class=\"toolbar\"><p>Tuesday, 5 March 2024</p></div></div>"
        "<div class=\"row\"><div class=\"article-body\"><div class=\"content-block article-body-block\">"
        "<p><b>Ana Ferreira</b>, leader of the <a href=\"/t/union\"><b>dock workers' union</b></a>, said on "
        "Tuesday that <b>the port had tried to silence her, after</b> <a href=\"/t/mayor\"><b>the mayor</b></a>"
        "<b> called the strikers \"saboteurs\" in a speech to the council</b>.</p>"
        "<aside class=\"related-stories article-body-drop\"><h3>Related:</h3>"
        "<article><h3><a href=\"/a\">Mayor calls the strikers saboteurs in a speech to the council</a></h3>"
        "</article><article><h3><a href=\"/b\">Port loses forty million euros in three weeks of the strike</a>"
        "</h3></article><article><h3><a href=\"/c\">Exporters of fruit warn of lost contracts in the winter</a>"
        "</h3></article></aside></div></div></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(a.nblocks >= 2);
    assert_non_null(strstr(a.blocks[0].text, "step down next month"));
    assert_true(body_has(&a, "called the strikers"));
    assert_false(body_has(&a, "Exporters of fruit"));
    article_free(&a);
}

static void test_html_header_paragraph_the_text_says_again(void **state)
{
    (void)state;
    /* The story's header holds its first paragraph as a teaser, and the
     * text opens with it again: it is said once. A summary of the header
     * that the text does not repeat stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><main><article class=\"story\">"
        "<header class=\"top\"><h1>Harbour strike</h1><p>" PARA1 "</p></header>"
        "<p>" PARA1 " " PARA2 "</p><p>" PARA3 "</p></article></main></body></html>";
    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><main><article class=\"story\">"
        "<header class=\"top\"><h1>Harbour strike</h1><p>Three weeks in, the port counts its losses and "
        "the union its members, and neither side will say when the talks end.</p></header>"
        "<p>" PARA1 " " PARA2 "</p><p>" PARA3 "</p></article></main></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    size_t n = 0;
    for (size_t i = 0; i < a.nblocks; i++)
        n += strstr(a.blocks[i].text, "forty million euros") != NULL;
    assert_int_equal(n, 1);
    assert_true(body_has(&a, "matched inflation"));
    assert_true(body_has(&a, "Shipping lines"));
    article_free(&a);
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "the port counts its losses"));
    assert_true(body_has(&a, "forty million euros"));
    article_free(&a);
}

static void test_html_text_set_in_an_aside(void **state)
{
    (void)state;
    /* A portal sets its story in an <aside> ("direct-content"), and the
     * box the search picks holds it: that aside holds most of the text,
     * with few links, and stays (the page had no text before); the aside
     * of tools inside it still goes. The teaser in the story's header is
     * its first paragraph again, said once. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"page\"><div class=\"wrap\">"
        "<main class=\"content\"><aside class=\"story direct-content\"><section class=\"detail\">"
        "<header class=\"functions\"><aside class=\"tools\"><a href=\"mailto:x\">Send this story</a> "
        "<a href=\"/print\">Print this story</a></aside><div class=\"summary\"><p>" PARA1 "</p></div></header>"
        "<article><div class=\"text\"><p>" PARA1 " " PARA2 "</p></div></article></section></aside></main>"
        "<div class=\"more\"><p>Sign up to our newsletter, read the <a href=\"/a\">morning briefing</a> and "
        "the <a href=\"/b\">evening briefing</a>.</p></div></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    size_t n = 0;
    for (size_t i = 0; i < a.nblocks; i++)
        n += strstr(a.blocks[i].text, "forty million euros") != NULL;
    assert_int_equal(n, 1);
    assert_true(body_has(&a, "matched inflation"));
    assert_false(body_has(&a, "Print this story"));
    article_free(&a);
}

static void test_html_label_of_the_box_after_it_stays(void **state)
{
    (void)state;
    /* An accordion's question in a box whose class names a header
     * ("card-header"), which the search drops as a page's header: the box
     * after it names it as its label (aria-labelledby), so it is the
     * answer's title and stays. A header that labels nothing still goes. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><main><div class=\"text\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<div class=\"page-header\" id=\"top\"><div>Harbour strike: all the stories of the week</div></div>"
        "<div class=\"accordion\"><div class=\"card\"><div class=\"card-header\" id=\"q-1\">"
        "<div class=\"collapseTitle\">How long has the strike lasted?</div></div>"
        "<div class=\"collapse\" aria-labelledby=\"q-1\"><div class=\"card-body\"><p>Three weeks, since the "
        "workers walked out on the first Monday of the month, over pay and night shifts.</p></div></div>"
        "</div></div></div></main></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    const article_block_t *q = block_with(&a, "How long has the strike lasted?");
    assert_non_null(q);
    assert_true(body_has(&a, "Three weeks, since the workers"));
    assert_false(body_has(&a, "all the stories of the week"));
    article_free(&a);
}

static void test_html_edges_left_without_their_content(void **state)
{
    (void)state;
    /* A date alone before the text; after it a label whose list of links
     * went, and a heading with nothing under it. A heading that a
     * subheading follows inside the text stays. */
    static const char p[] =
        "<html lang=\"de\"><head><title>Hafen</title></head><body><div class=\"article\">"
        "<p>23.10.2018</p><p>" PARA1 "</p><h2>Die Gespr\xc3\xa4" "che</h2><h3>Am Freitag</h3><p>" PARA2 "</p>"
        "<p>" PARA3 "</p><p>Mehr Themen:</p><h3>Kontakt</h3></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "Die Gespr"));
    assert_true(body_has(&a, "Am Freitag"));
    assert_false(body_has(&a, "23.10.2018"));
    assert_false(body_has(&a, "Mehr Themen"));
    assert_false(body_has(&a, "Kontakt"));
    article_free(&a);
}

static void test_html_credit_ending_a_caption(void **state)
{
    (void)state;
    /* Credits glued to the end of a caption or a paragraph go, the caption
     * stays; an aside in brackets stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>The ferry leaves the harbour at dawn. (Ana Ferreira / Coast Images)</p>"
        "<p>" PARA1 " Bild: Jahr Media</p><p>" PARA2 " (This was about 1/3 of the crews.)</p>"
        "<p>Dock workers at the gate on Monday\xc2\xa9 Port Authority/Lena Marx</p>"
        "<p>" PARA3 "</p><p>\xc2\xa9 Foto: Werk/Hafen</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_non_null(block_with(&a, "The ferry leaves the harbour at dawn."));
    assert_false(body_has(&a, "Coast Images"));
    assert_true(body_has(&a, "resume on Friday."));
    assert_false(body_has(&a, "Jahr Media"));
    assert_true(body_has(&a, "(This was about 1/3 of the crews.)"));
    assert_true(body_has(&a, "Dock workers at the gate on Monday"));
    assert_false(body_has(&a, "Lena Marx"));
    assert_false(body_has(&a, "Werk/Hafen"));
    assert_string_equal(block_with(&a, "The ferry")->text, "The ferry leaves the harbour at dawn.");
    article_free(&a);
}

static void test_html_lone_link_paragraph(void **state)
{
    (void)state;
    /* A paragraph that is one short link leads away from the article; a
     * link inside a sentence, a linked heading and a list of links stay. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 " The <a href=\"/port\">port authority</a> said so.</p>"
        "<p><a href=\"/more\">Weitere Artikel</a></p><h3><a href=\"/talks\">The talks</a></h3>"
        "<p>" PARA2 "</p><ul><li><a href=\"/a\">Dock workers</a></li><li><a href=\"/b\">Exporters</a></li></ul>"
        "<p>" PARA3 "</p><p><a href=\"mailto:port@example.org\">port@example.org</a></p>"
        "<p><a href=\"/list\">zur\xc3\xbc" "ck zur Listenansicht</a></p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "port authority"));
    assert_true(body_has(&a, "The talks"));
    assert_true(body_has(&a, "Exporters"));
    assert_false(body_has(&a, "Weitere Artikel"));
    assert_false(body_has(&a, "Listenansicht"));
    assert_true(body_has(&a, "port@example.org"));
    article_free(&a);
}

static void test_html_lone_link_that_reads_as_a_sentence(void **state)
{
    (void)state;
    /* A lone link of seven words or more is a sentence of the text that
     * points on ("Read the full transcript of the interview"): it stays;
     * one of six words, a way out of the article, goes. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p><a href=\"/transcript\">Read the full transcript of the interview</a></p>"
        "<p>" PARA2 "</p><p><a href=\"/board\">Hier geht es zum neuen Vorstand</a></p>"
        "<p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "Read the full transcript of the interview"));
    assert_false(body_has(&a, "neuen Vorstand"));
    article_free(&a);
}

static void test_html_headline_list_before_the_text(void **state)
{
    (void)state;
    /* A box of headlines that lead to other stories (each item one link of
     * four words or more), with its title, before the text: the site's way
     * elsewhere, it goes; so does one headline alone in a list between the
     * paragraphs. A list of short names that are links stays, and so does
     * a list of headlines after the text (Readability keeps those, and its
     * pages' gold with them). */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<h3>Most read</h3><ol><li><a href=\"/a\">Ferry fares to rise again in the spring</a></li>"
        "<li><a href=\"/b\">New crane arrives at the container terminal</a></li>"
        "<li><a href=\"/c\">Fishermen protest the harbour's new quota rules</a></li></ol>"
        "<ul><li><a href=\"/d\">Rotterdam</a></li><li><a href=\"/e\">Antwerp</a></li><li><a href=\"/f\">Hamburg</a></li></ul>"
        "<p>" PARA1 "</p><ul><li><a href=\"/live\"><b>The latest news about the strike (free to read)</b></a></li></ul>"
        "<p>" PARA2 "</p><ul><li><a href=\"/v\">Vesper</a></li></ul><p>" PARA3 "</p>"
        "<ul><li><a href=\"/g\">The strike in pictures, day by day</a></li>"
        "<li><a href=\"/h\">What the union asks for, and why</a></li>"
        "<li><a href=\"/i\">How the port lost its biggest client</a></li></ul></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_false(body_has(&a, "Most read"));
    assert_false(body_has(&a, "Ferry fares"));
    assert_false(body_has(&a, "new quota rules"));
    assert_true(body_has(&a, "Antwerp"));
    assert_true(body_has(&a, "biggest client"));
    assert_false(body_has(&a, "free to read"));
    assert_true(body_has(&a, "Vesper"));
    article_free(&a);
}

static void test_html_link_between_pointer_marks(void **state)
{
    (void)state;
    /* A link between pointer marks (">> ... <<") is a teaser of another
     * page, however long, in a paragraph or a heading; a link after one
     * mark only ("» Zum Angebot: ...") and marks in the text stay. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p><a href=\"/ferry\">&gt;&gt; Ferry operators expect the busiest summer since the strike of "
        "2019 &lt;&lt;</a></p><p>" PARA2 "</p>"
        "<h3>&gt;&gt;&gt; <a href=\"/shop\">Order the new issue now!</a> &lt;&lt;&lt;</h3>"
        "<p>\xc2\xbb <a href=\"/offer\">Zum Angebot: the harbour tour by boat</a></p>"
        "<p>" PARA3 " The clerks wrote &gt;&gt; on every crate &lt;&lt; as before.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_false(body_has(&a, "busiest summer"));
    assert_false(body_has(&a, "new issue"));
    assert_true(body_has(&a, "harbour tour by boat"));
    assert_true(body_has(&a, "on every crate"));
    article_free(&a);
}

static void test_html_links_in_a_promo_paragraph(void **state)
{
    (void)state;
    /* A paragraph of links alone whose class says promotion is a call to
     * sign up, however long; the same links in a paragraph without such a
     * class read as a sentence and stay. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p class=\"newsletter-promo\"> <a href=\"/signup\">Get the Harbour Daily by email and never miss "
        "our top stories</a> <a href=\"/signup\">Free Sign Up</a> </p><p>" PARA2 "</p>"
        "<p> <a href=\"/ferries\">Ferries keep running on the northern routes all week</a> <a href=\"/map\">(map)</a> </p>"
        "<p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_false(body_has(&a, "Harbour Daily"));
    assert_false(body_has(&a, "Free Sign Up"));
    assert_true(body_has(&a, "northern routes"));
    article_free(&a);
}

static void test_html_teaser_of_another_page(void **state)
{
    (void)state;
    /* A small box whose links all lead to one other page (its picture, its
     * "more") is a teaser of that page and goes, and its "teaser"
     * paragraph, which ends in its link, comes back as no lead of this
     * one; a box with links to two pages stays. A page that is mostly
     * teasers (a front page) keeps them. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<div class=\"box\"><a href=\"https://example.org/news/2024/ferry-fares-rise\"><img src=\"f.jpg\"></a>"
        "<h3>Ferry fares</h3><p class=\"teaser\">Fares for the ferries to the islands rise again in the spring, the "
        "operators said&#8230; <a href=\"https://example.org/news/2024/ferry-fares-rise\">more</a></p></div>"
        "<div class=\"box\"><p>The union posted its demands on the fences by the gates, with a "
        "<a href=\"https://example.org/news/2024/strike-map\">map</a> and a "
        "<a href=\"https://example.org/news/2024/strike-timeline\">timeline</a>.</p></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_false(body_has(&a, "Ferry fares"));
    assert_false(body_has(&a, "Fares for the ferries"));
    assert_true(body_has(&a, "on the fences"));
    article_free(&a);
    static const char front[] =
        "<html><head><title>Harbour news</title></head><body><div class=\"article\"><p>" PARA1 "</p>"
        "<div><h3><a href=\"https://example.org/news/2024/ferry-fares-rise\">Ferry fares</a></h3><p>" PARA2
        " <a href=\"https://example.org/news/2024/ferry-fares-rise\">more</a></p></div>"
        "<div><h3><a href=\"https://example.org/news/2024/strike-goes-on\">The strike</a></h3><p>" PARA3
        " <a href=\"https://example.org/news/2024/strike-goes-on\">more</a></p></div></div></body></html>";
    assert_int_equal(html_clean(front, strlen(front), &a, NULL), 0);
    assert_true(body_has(&a, "union spokeswoman"));
    assert_true(body_has(&a, "into the winter"));
    article_free(&a);
}

static void test_html_long_heading_over_nothing_at_the_end(void **state)
{
    (void)state;
    /* A subheading that ends the text is the title of a box that went,
     * however long; a long subheading with its text under it stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><h2>What the dock workers ask for in the new contract</h2><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<h3>NEW AND EXCITING HARBOUR STORIES FOR YOU TO READ NEXT</h3></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "in the new contract"));
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "READ NEXT"));
    article_free(&a);
}

static void test_html_bar_of_links(void **state)
{
    (void)state;
    /* Links to other pages with separators alone between them are a bar of
     * ways out of the article and go; two links side by side, or links
     * with words between them, stay. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p><a href=\"/press/harbour-ag\">Press kit - all releases of <em>Hafen AG</em></a> <span>|</span> "
        "<a href=\"/rss?firm=hafen\">Subscribe to the feed</a></p>"
        "<p><a href=\"/try\">Try the ferry timetable now</a> <a href=\"/learn\">Learn more</a></p>"
        "<p><a href=\"/union\">The union</a> and <a href=\"/port\">the port</a></p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_false(body_has(&a, "Press kit"));
    assert_false(body_has(&a, "Subscribe to the feed"));
    assert_true(body_has(&a, "ferry timetable"));
    assert_true(body_has(&a, "The union and the port"));
    article_free(&a);
}

static void test_html_list_of_tags(void **state)
{
    (void)state;
    /* A list of links to the page's tags (rel="tag") goes wherever it
     * stands; a list of short links without it stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><ul><li><a href=\"/d\">Rotterdam</a></li><li><a href=\"/e\">Antwerp</a></li></ul>"
        "<p>" PARA3 "</p><section class=\"tags\"><ul><li><a href=\"/tag/strikes\" rel=\"tag\">Strikes</a></li>"
        "<li><a href=\"/tag/ports\" rel=\"tag\">Ports</a></li><li><a href=\"/tag/review\" rel=\"category tag\">Review</a>"
        "</li></ul></section></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "Antwerp"));
    assert_false(body_has(&a, "Strikes"));
    assert_false(body_has(&a, "Review"));
    article_free(&a);
}

static void test_html_ten_headlines_after_the_text(void **state)
{
    (void)state;
    /* Ten headlines or more, each a link, are a box of the site's most
     * read even under the text: they go with their title; fewer there
     * stay (test_html_headline_list_before_the_text). */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<h3>Most read this week</h3><ol>"
        "<li><a href=\"/1\">Ferry fares to rise again in spring</a></li><li><a href=\"/2\">New crane arrives at the terminal</a></li>"
        "<li><a href=\"/3\">Fishermen protest the new quota rules</a></li><li><a href=\"/4\">Lighthouse to reopen for the summer</a></li>"
        "<li><a href=\"/5\">Dredging of the channel starts in May</a></li><li><a href=\"/6\">Harbour master retires after forty years</a></li>"
        "<li><a href=\"/7\">Cruise ships bring record crowds this year</a></li><li><a href=\"/8\">Storm damages the old pier again</a></li>"
        "<li><a href=\"/9\">Council votes on the new marina plans</a></li><li><a href=\"/10\">Sailing school opens a second site</a></li>"
        "</ol></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Most read this week"));
    assert_false(body_has(&a, "Lighthouse to reopen"));
    assert_false(body_has(&a, "second site"));
    article_free(&a);
}

static void test_html_teaser_list_after_the_text(void **state)
{
    (void)state;
    /* A list under the text whose items are each a teaser of another post
     * under its headline, one link, goes with its heading, excerpts and
     * all; the same list before the text (a front page's) stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<h2>Related posts</h2><ul>"
        "<li><a href=\"/ferry\"><img src=\"/f.jpg\"></a><h3><a href=\"/ferry\">Ferry fares to rise again</a></h3>"
        "<p>The operator blames the price of fuel, and the council has asked for a meeting before the new fares "
        "take effect in the spring.</p><div>By <a href=\"/author/ana\">Ana Ferreira</a></div></li>"
        "<li><h3><a href=\"/crane\">New crane arrives at the terminal</a></h3>"
        "<p>Towed across the bay on a barge, the crane will double what the terminal can load in a day.</p></li>"
        "</ul></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Related posts"));
    assert_false(body_has(&a, "Ferry fares"));
    assert_false(body_has(&a, "price of fuel"));
    assert_false(body_has(&a, "double what the terminal"));
    article_free(&a);

    static const char before[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\"><ul>"
        "<li><h3><a href=\"/ferry\">Ferry fares to rise again</a></h3>"
        "<p>The operator blames the price of fuel, and the council has asked for a meeting before the new fares "
        "take effect in the spring.</p></li>"
        "<li><h3><a href=\"/crane\">New crane arrives at the terminal</a></h3>"
        "<p>Towed across the bay on a barge, the crane will double what the terminal can load in a day.</p></li>"
        "</ul><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(before, strlen(before), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "price of fuel"));
    article_free(&a);
}

static void test_html_labelled_headlines_after_the_text(void **state)
{
    (void)state;
    /* A short label ending in ':' and under it, to the end of the text,
     * paragraphs that are each one link to another story: headlines of
     * other pages, which go with their label. The same label over links
     * that spell out their addresses cites the writer's sources: it stays.
     * Label and links may share a paragraph, each link on its own line. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p><strong>Read more on this:</strong></p>"
        "<p><a href=\"/ferry\">Ferry fares to rise again as the operator blames the price of fuel</a></p>"
        "<p><a href=\"/crane\">New crane arrives at the terminal, towed across the bay</a></p>"
        "<p><a href=\"/market\">The fish market will not come back to the quay, the council says</a></p>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Read more on this"));
    assert_false(body_has(&a, "Ferry fares"));
    assert_false(body_has(&a, "New crane"));
    assert_false(body_has(&a, "fish market will not"));
    article_free(&a);

    static const char cited[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>The two reports I mentioned:</p>"
        "<p><a href=\"https://example.org/2023/01/harbour/ferry-fares-report-for-the-council.html\">https://example.org/2023/01/harbour/ferry-fares-report-for-the-council.html</a></p>"
        "<p><a href=\"https://example.org/2023/01/harbour/crane-terminal-report-for-the-port.html\">https://example.org/2023/01/harbour/crane-terminal-report-for-the-port.html</a></p>"
        "</div></body></html>";
    assert_int_equal(html_clean(cited, strlen(cited), &a, NULL), 0);
    assert_true(body_has(&a, "The two reports I mentioned"));
    assert_true(body_has(&a, "example.org/2023/01/harbour/crane-terminal-report-for-the-port.html"));
    article_free(&a);

    /* the label and its headlines in one paragraph, a line each */
    static const char lines[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>See also<br><a href=\"/ferry\">Ferry fares to rise again</a><br><a href=\"/crane\">New crane "
        "arrives</a><br><a href=\"/market\">The fish market stays inland</a></p>"
        "</div></body></html>";
    assert_int_equal(html_clean(lines, strlen(lines), &a, NULL), 0);
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "See also"));
    assert_false(body_has(&a, "Ferry fares"));
    assert_false(body_has(&a, "fish market stays"));
    article_free(&a);
}

static void test_html_credit_word_ending_its_box_dropped(void **state)
{
    (void)state;
    /* A paragraph that ends its box and is one word of capitals or a bare
     * domain name, after the text, credits the story's source or writer:
     * it goes. An address to visit (www.) stays, and so does a short word
     * that is not all capitals. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<div><p>" PARA1 "</p><p>" PARA2 "</p><p><strong>HARBOURNEWS.COM</strong></p></div>"
        "<p>" PARA3 "</p><p><strong>AFP</strong></p>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "HARBOURNEWS.COM"));
    assert_false(body_has(&a, "AFP"));
    article_free(&a);

    static const char kept[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<div><p>" PARA1 "</p><p>" PARA2 "</p><p>www.harbour-board.org</p></div>"
        "<p>" PARA3 "</p><p>Thanks</p>"
        "</div></body></html>";
    assert_int_equal(html_clean(kept, strlen(kept), &a, NULL), 0);
    assert_true(body_has(&a, "www.harbour-board.org"));
    assert_true(body_has(&a, "Thanks"));
    article_free(&a);
}

static void test_html_bracketed_more_link_dropped(void **state)
{
    (void)state;
    /* A paragraph that ends in a link in brackets to the whole story loses
     * the link and its brackets and keeps its words; a footnote in brackets
     * ("[2]") stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 " [<a href=\"/strike-talks\">read more</a>]</p>"
        "<p>" PARA2 " <b>[<a href=\"/union\">more</a>]</b></p>"
        "<p>" PARA3 " [<a href=\"/notes\">2</a>]</p>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume on Friday."));
    assert_true(body_has(&a, "outside the gates."));
    assert_false(body_has(&a, "read more"));
    assert_false(body_has(&a, "[more]"));
    assert_true(body_has(&a, "[2]"));
    article_free(&a);
}

static void test_html_site_name_heading_dropped(void **state)
{
    (void)state;
    /* A heading that is the site's name (og:site_name) over the site's
     * address at the end of the text is its contact box: both go. A
     * heading of other words stays. */
    static const char p[] =
        "<html><head><title>Harbour</title><meta property=\"og:site_name\" content=\"HARBOUR WATCH\">"
        "</head><body><div class=\"article\">"
        "<p>" PARA1 "</p><h2>Talks on Friday</h2><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<h2>Harbour  Watch</h2><p>Quay Street 4, 1010 Portville</p>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "Talks on Friday"));
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Harbour  Watch"));
    assert_false(body_has(&a, "Harbour Watch"));
    assert_false(body_has(&a, "Quay Street"));
    article_free(&a);
}

static void test_html_sources_tail_dropped(void **state)
{
    (void)state;
    /* The text's last label ending in ':' over works it cites (a year in
     * brackets, an address, a DOI) goes with them. A label over a list of
     * the text's own words stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<h3>Sources:</h3>"
        "<p>Port Authority (2022): Annual report on cargo and fees, https://example.org/port/annual-report.pdf</p>"
        "<p>Meyer, L.: Strikes in northern ports. In: Maritime Review, Vol. 12, DOI 10.1000/mr.2021.12</p>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Sources:"));
    assert_false(body_has(&a, "Annual report"));
    assert_false(body_has(&a, "Maritime Review"));
    article_free(&a);

    static const char kept[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p><strong>What the union asks for:</strong></p>"
        "<p>Pay that keeps up with prices, which rose by a tenth in a year at the port's shops.</p>"
        "<p>No more night shifts for workers over fifty, and a second crane driver at night.</p>"
        "</div></body></html>";
    assert_int_equal(html_clean(kept, strlen(kept), &a, NULL), 0);
    assert_true(body_has(&a, "What the union asks for:"));
    assert_true(body_has(&a, "No more night shifts"));
    article_free(&a);
}

static void test_html_box_ending_in_a_button_dropped(void **state)
{
    (void)state;
    /* A box whose last words are a link styled as a button, after words of
     * its own, is an offer: it goes, with the box around it that holds
     * nothing else to read (its picture). A box that ends in a plain link
     * stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<div class=\"note\"><h3>The council's plans</h3><p>The plans for the quay are on show at the town hall "
        "until the end of the month, <a href=\"/plans\">and online</a>.</p></div>"
        "<p>" PARA3 "</p>"
        "<div class=\"member\"><div class=\"pic\"><img src=\"/m.jpg\"></div><div class=\"words\"><h2>An informed public "
        "decides better</h2><p>We have reported from the harbour for a hundred years. Become a member and enjoy "
        "exclusive benefits.</p><div class=\"actions\"><a class=\"member_button\" href=\"/join\">Join now</a></div>"
        "</div></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_true(body_has(&a, "on show at the town hall"));
    assert_false(body_has(&a, "An informed public"));
    assert_false(body_has(&a, "hundred years"));
    assert_false(body_has(&a, "Join now"));
    for (size_t i = 0; i < a.nblocks; i++)
        assert_false(a.blocks[i].src && strstr(a.blocks[i].src, "m.jpg"));
    article_free(&a);
}

static void test_html_author_box_and_disclaimer_dropped(void **state)
{
    (void)state;
    /* The author's portrait and a notice about affiliate links sit inside
     * the article's container; their class names them, and they go (the
     * author's at the end only). A class that wraps most of the text ("author-info" on the whole post) is the
     * page's, not a box's: that text stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<p class=\"aawp-disclaimer\">Last updated on 2 March / the links are affiliate links.</p>"
        "<p>" PARA3 "</p>"
        "<div class=\"TestReport__AuthorBox\"><h4>The author</h4><p>Ana Ferreira covers ports and shipping, and in her spare time "
        "she sails.</p></div>"
        "<div id=\"entry-author-info\"><div id=\"author-description\">Teacher and coach, blogs now and then."
        "</div></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "affiliate links"));
    assert_false(body_has(&a, "she sails"));
    assert_false(body_has(&a, "Teacher and coach"));
    article_free(&a);

    /* an author's box of advice in the middle of the text is part of it */
    static const char mid[] = "<html><head><title>Harbour</title></head><body><div class=\"article\">"
                              "<p>" PARA1 "</p><div class=\"author-box\"><h4>Tested</h4><p>Tested and loved: my children "
                              "still play with the wooden harbour crane, years after the toy boats and "
                              "the singing lighthouse.</p></div>"
                              "<p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(mid, strlen(mid), &a, NULL), 0);
    assert_true(body_has(&a, "wooden harbour crane"));
    article_free(&a);

    static const char whole[] = "<html><head><title>Harbour</title></head><body><div class=\"author-info\">"
                                "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(whole, strlen(whole), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_link_box_dropped(void **state)
{
    (void)state;
    /* A box its class or id calls a box of links goes, wherever it stands,
     * its words with its link ("Einfach hier klicken ..."). */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<p><span class=\"linkbox_large\"><strong>The Harbour Weekly, now online!</strong>"
        "<a href=\"https://example.org/register\">Just click here and register for the digital edition!</a></span></p>"
        "<p>" PARA3 "</p><div id=\"LinkBoxBottom\"><p>PORT STATISTICS</p><div>Cargo handled in the first quarter, "
        "port by port</div><a href=\"https://example.org/stats\">More...</a></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "now online"));
    assert_false(body_has(&a, "Just click here"));
    assert_false(body_has(&a, "PORT STATISTICS"));
    assert_false(body_has(&a, "port by port"));
    article_free(&a);
}

static void test_html_calendar_dropped(void **state)
{
    (void)state;
    /* A blog's calendar of its posts goes, its month and its days'
     * numbers, wherever it stands. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<div id=\"calendar_wrap\" class=\"calendar_wrap\"><table id=\"wp-calendar\">"
        "<caption>December 2008</caption><thead><tr><th>M</th><th>T</th><th>W</th><th>T</th><th>F</th>"
        "<th>S</th><th>S</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td>"
        "<td>6</td><td>7</td></tr><tr><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td><td>13</td>"
        "<td>14</td></tr><tr><td>15</td><td>16</td><td>17</td><td>18</td><td>19</td><td>20</td><td>21</td>"
        "</tr><tr><td>22</td><td>23</td><td>24</td><td>25</td><td>26</td><td>27</td><td>28</td></tr>"
        "<tr><td>29</td><td>30</td><td><a href=\"https://example.org/2008/12/31/\">31</a></td></tr></tbody>"
        "</table></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "December 2008"));
    article_free(&a);
}

static void test_html_wiki_nav_frame_dropped(void **state)
{
    (void)state;
    /* A wiki's folding box of links to its other pages goes, in a table
     * beside the text or not; the text's own list stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<table class=\"vertical-navbox\"><tr><th>Harbours and shipping</th></tr><tr><td>"
        "<div class=\"NavFrame collapsed\"><div class=\"NavHead\">Trades</div><div class=\"NavContent\"><ul>"
        "<li><a href=\"/wiki/Stevedore\">Stevedore</a></li><li><a href=\"/wiki/Pilot\">Harbour pilot</a></li>"
        "<li><a href=\"/wiki/Tug\">Tugboat crew</a></li></ul></div></div></td></tr></table>"
        "<p>" PARA1 "</p><p>" PARA2 "</p><ul><li>The night shifts stay until the end of the season.</li>"
        "<li>The dockers went back to work on Thursday.</li></ul><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_true(body_has(&a, "The night shifts stay"));
    assert_false(body_has(&a, "Harbour pilot"));
    assert_false(body_has(&a, "Tugboat crew"));
    article_free(&a);
}

static void test_html_credits_box_dropped(void **state)
{
    (void)state;
    /* A box of who made the piece, a label over each name, goes; a
     * picture's credit of that class stays with its caption. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><figure><img src=\"https://example.org/bay.jpg\" alt=\"\"><figcaption>Ships in the bay "
        "<span class=\"image-credits\">Photo: Port Press</span></figcaption></figure><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<section class=\"single-credits\"><div class=\"credits\"><div class=\"credits-credit\">"
        "<div class=\"credits-credit-label\">Interview</div><div class=\"credits-credit-text\">ALEXANDRA WEISSENBERGER</div></div>"
        "<div class=\"credits-credit\"><div class=\"credits-credit-label\">CREATIVE DIRECTOR &amp; STYLING</div>"
        "<div class=\"credits-credit-text\">THOMAS BRANDENBURGER</div></div></div></section></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    const article_block_t *pic = block_with(&a, "Ships in the bay");
    assert_non_null(pic);
    assert_non_null(pic->credit);
    assert_non_null(strstr(pic->credit, "Port Press"));
    assert_false(body_has(&a, "ALEXANDRA WEISSENBERGER"));
    assert_false(body_has(&a, "CREATIVE DIRECTOR"));
    article_free(&a);
}

static void test_html_widget_heading_goes_with_its_box(void **state)
{
    (void)state;
    /* A gallery the conditional cleaning takes takes its label with it;
     * the text's own subheading, over paragraphs, stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><div><div class=\"series\"><hr><h2>Pictures of the new cranes</h2><div class=\"gallery\">"
        "<div class=\"imagebox\"><a href=\"https://example.org/gallery/cranes\"><img "
        "src=\"https://example.org/crane1.jpg\" alt=\"\"></a><p><a href=\"https://example.org/gallery/cranes\">Gallery</a>"
        "</p></div></div></div></div><h2>Ships in the bay</h2><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    const article_block_t *h = block_with(&a, "Ships in the bay");
    assert_non_null(h);
    assert_int_equal(h->kind, ARTICLE_BLOCK_SUBHEAD);
    assert_false(body_has(&a, "Pictures of the new cranes"));
    article_free(&a);
}

static void test_html_affiliate_box_dropped(void **state)
{
    (void)state;
    /* A box its class calls an affiliate one (the page's note on how its
     * starred links pay) goes; a link of that class in a sentence is the
     * sentence's and stays, words and all. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<p>The strikers sleep in <a class=\"affiliate-link\" href=\"https://shop.example.org/tent\">a blue tent</a> "
        "by the gates, and neighbours bring them soup every evening.</p><p>" PARA3 "</p>"
        "<div class=\"affiliate-text\"><h3>* What the star means:</h3><p>When you buy through a starred link, "
        "the shop pays us a small fee.</p></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "sleep in a blue tent by the gates"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "What the star means"));
    assert_false(body_has(&a, "small fee"));
    article_free(&a);
}

static void test_html_address_dropped(void **state)
{
    (void)state;
    /* An <address> in the text's container, the page's contact and the
     * date it changed, goes. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<small><address>strike.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm</address></small>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Last Modified"));
    assert_int_equal(a.nblocks, 3);
    article_free(&a);
}

static void test_html_post_author_box_dropped(void **state)
{
    (void)state;
    /* A theme's "post-author" box after the text is the writer's portrait
     * and goes (swim.de's); a "post-author" line over the text is the
     * byline, kept as such, and the text under it stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article class=\"post\">"
        "<p class=\"post-author-line\">By Ana Ferreira</p>"
        "<div class=\"entry-content\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
        "<section class=\"post-author clearfix\"><span class=\"post-author-name\">Ana Ferreira</span>"
        "<p class=\"post-author-bio\">Ana Ferreira studied law before she moved to the coast to write about ships."
        "</p></section></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_false(body_has(&a, "studied law"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "exporters of fruit"));
    article_free(&a);
}

static void test_html_no_lead_from_a_caption_or_an_author_box(void **state)
{
    (void)state;
    /* A "summary" with a picture's credit in it is the lead picture's
     * caption, and a "description" in an author's box is the writer's:
     * neither comes in as the article's lead. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><main><article>"
        "<header class=\"entry-header\"><h1>Harbour strike</h1><div class=\"summary-credit\">"
        "<p class=\"summary\">Cranes stand idle at the container terminal on the third day of the strike. "
        "<span class=\"credit\">By HARBOUR BOARD</span></p></div></header>"
        "<div class=\"article-body\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
        "</article></main></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Cranes stand idle"));
    assert_int_equal(a.nblocks, 3);
    article_free(&a);
    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><main><article>"
        "<header class=\"entry-header\"><h1>Harbour strike</h1><div class=\"abh_box\"><div class=\"abh_text\">"
        "<div class=\"abh_description\">I am Ana and I am so glad you stopped by! I write about ports, ships "
        "and the people who work there.</div></div></div></header>"
        "<div class=\"article-body\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
        "</article></main></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_false(body_has(&a, "glad you stopped by"));
    assert_int_equal(a.nblocks, 3);
    article_free(&a);
}

static void test_html_lead_that_opens_as_the_text_does(void **state)
{
    (void)state;
    /* A standfirst that opens with the text's first sentence and then says
     * something of its own is no copy of the text: it comes first. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><main><article>"
        "<header class=\"entry-header\"><h1>Harbour strike</h1>"
        "<p class=\"article-lead\">The harbour authority said on Tuesday that the strike, now in its third week, "
        "had cost the port dearly. Dock workers say they will not give in before the winter.</p></header>"
        "<div class=\"article-body\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div>"
        "</article></main></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_int_equal(a.nblocks, 4);
    assert_non_null(strstr(a.blocks[0].text, "will not give in before the winter"));
    assert_true(body_has(&a, "forty million euros"));
    article_free(&a);
}

static void test_html_rating_prompt_goes_with_its_widget(void **state)
{
    (void)state;
    /* A prompt to rate the article goes with the widget's short lines
     * under it (its stars, its count, "Loading..."); a short line after
     * the text with no prompt over it stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p><p><strong>War der Artikel nützlich?</strong></p>"
        "<p><img src=\"on.gif\" alt=\"1 Stern\"><img src=\"on.gif\" alt=\"2 Sterne\"></p>"
        "<p>(95 Stimmen: 4,73 von 5)</p><p>Loading…</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "nützlich"));
    assert_false(body_has(&a, "Stimmen"));
    assert_false(body_has(&a, "Loading"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "exporters of fruit"));
    article_free(&a);
    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p><p>Hamburg, im Mai</p></div></article></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "Hamburg, im Mai"));
    article_free(&a);
}

static void test_html_gallery_pages_shown(void **state)
{
    (void)state;
    /* A list article one item per page: the first item's box shown, the
     * others hidden until the reader turns the page, their ids the first's
     * but for the number. They are the text; a hidden box of another id
     * (a dialog) stays out. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"gallery\">"
        "<div id=\"item-0\" class=\"gallery-item\" style=\"display: block\"><h2>1. The strike</h2><p>" PARA1
        "</p></div>"
        "<div id=\"item-1\" class=\"gallery-item hidden\" style=\"display: none\"><h2>2. The workers</h2><p>" PARA2
        "</p></div>"
        "<div id=\"item-2\" class=\"gallery-item hidden\" style=\"display: none\"><h2>3. The ships</h2><p>" PARA3
        "</p></div>"
        "<div id=\"dialog\" style=\"display: none\"><p>Sign up for our newsletter, and get the week's stories "
        "in your inbox every Friday, free of charge, with no advertising at all.</p></div>"
        "</div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "union spokeswoman"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "newsletter"));
    article_free(&a);
}

static void test_html_permalink_line_dropped(void **state)
{
    (void)state;
    /* A line of a permalink label and the page's address alone goes, in a
     * paragraph or a list; a sentence that gives an address stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>The union's offer is at https://example.org/offer for anyone to read.</p>"
        "<ul><li><strong>Permalink</strong> https://example.org/p/RPYx</li></ul>"
        "<p>Kurzlink: https://example.org/k/42</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Permalink"));
    assert_false(body_has(&a, "RPYx"));
    assert_false(body_has(&a, "Kurzlink"));
    assert_true(body_has(&a, "for anyone to read"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_signed_meta_line_anywhere(void **state)
{
    (void)state;
    /* A line of fields parted by '|' with a date and the writer's name
     * after "von" or "by" is a post's date and author line, and goes
     * wherever it stands (a blog lists its posts' lines after its menu);
     * a line of a date and a place further down is the text's. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>Freitag | 14. Juni 2019 | 15:49 VON Ana Ferreira IN Ports | 0 COMMENTS</p>"
        "<p>Next meeting: 12. Juli 2019 | Town hall</p>"
        "<p>Verfasst von: ana | 31. Dezember 2008</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Ana Ferreira"));
    assert_false(body_has(&a, "Verfasst von"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "Town hall"));
    article_free(&a);
}

static void test_html_facts_list_in_meta_box(void **state)
{
    (void)state;
    /* A box whose class says 'meta' goes, but one that holds a definition
     * list of three facts or more is data: an event's start, end and
     * address. */
    static const char p[] =
        "<html><head><title>Harbour fair</title></head><body><article><div class=\"post\">"
        "<div class=\"meta\"><dl><dt>Filed in:</dt><dd>Ports</dd></dl><p>Print this page</p></div><div class=\"event-meta\"><dl><dt>Start:</dt>"
        "<dd>13 May 2012 11:00</dd><dt>End:</dt><dd>13 May 2012 18:00</dd><dt>Address:</dt><dd>Harbour Street "
        "45</dd></dl></div><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "Harbour Street 45"));
    assert_true(body_has(&a, "13 May 2012 18:00"));
    assert_false(body_has(&a, "Print this page"));
    article_free(&a);
}

static void test_html_date_line_among_facts(void **state)
{
    (void)state;
    /* A date line over another line of a label and its value is one of an
     * item's facts (a podcast episode's date, length and licence): it
     * stays. The page's date line over a permalink still goes. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p><p>Ver\xc3\xb6"
        "ffentlicht am 16.08.2019<br>Dauer: 1 Stunde 4 Minuten<br>Lizenz: CC-BY 4.0</p>"
        "<p>Aktualisiert am 17.01.2021.</p><p>Permalink: https://example.org/p/1</p></div></article></body>"
        "</html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "ffentlicht am 16.08.2019"));
    assert_true(body_has(&a, "Dauer: 1 Stunde"));
    assert_false(body_has(&a, "Aktualisiert"));
    assert_false(body_has(&a, "Permalink"));
    article_free(&a);
}

static void test_html_date_lines_in_the_text(void **state)
{
    (void)state;
    /* A page's date line inside the text, its label with its date ("Stand:
     * 05. Februar 2020", "Aktualisiert am 17.01.2021." in bold) or its label
     * alone above the date, goes: the date is the article's metadata. A
     * sentence that names a date, and a label with no date, stay. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>Release Date:</p><p>Thursday, 28 April 2022 \xe2\x80\x93 3:55pm</p>"
        "<p>" PARA1 "</p><p>Stand: 05. Februar 2020</p><p>" PARA2 "</p>"
        "<p>Updated: the offer was raised on 28 April 2022.</p>"
        "<p>Date of the next talks: Friday</p>"
        "<p>" PARA3 "</p><p><b>Aktualisiert am</b> 17.01.2021.</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Release Date"));
    assert_false(body_has(&a, "3:55pm"));
    assert_false(body_has(&a, "Stand:"));
    assert_false(body_has(&a, "Aktualisiert"));
    assert_true(body_has(&a, "the offer was raised on 28 April 2022"));
    assert_true(body_has(&a, "Date of the next talks"));
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
    /* and so do its category and tag lines */
    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>Kategorie: News</p><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>Tags:</p><p>Ports</p><p>Strikes</p><p>Dock labour</p></div></article></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_false(body_has(&a, "Kategorie"));
    assert_false(body_has(&a, "Tags"));
    assert_false(body_has(&a, "Dock labour"));
    assert_int_equal(a.nblocks, 3);
    article_free(&a);
    /* a date alone near the top (under the standfirst), its time with it,
     * goes too, and so does a date and a name parted by '|'; a date alone
     * further down (the next meeting's) is the text's */
    static const char r[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>The port stands still.</p><p>23.10.2018, 14:05 Uhr</p><p>24. Oktober 2018 | Ana Ferreira</p><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p><p>Next meeting:</p>"
        "<p>28 April 2022</p></div></article></body></html>";
    assert_int_equal(html_clean(r, strlen(r), &a, NULL), 0);
    assert_false(body_has(&a, "23.10.2018"));
    assert_false(body_has(&a, "Ana Ferreira"));
    assert_true(body_has(&a, "28 April 2022"));
    assert_int_equal(a.nblocks, 6);
    article_free(&a);
}

static void test_html_contact_block_dropped(void **state)
{
    (void)state;
    /* A press release's contact block (its label, the person, the
     * telephone, the address) goes, up to the next sentence or heading; a
     * sentence about a contact stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>Contact with the union was broken off on Monday.</p>"
        "<p>Pressekontakt:</p><p>Hafen AG</p><p>Ana Ferreira</p><p>Tel: +49 (0)40-30030-1000</p>"
        "<p>E-Mail: presse@hafen.example</p><h2>Next steps</h2><p>" PARA3 "</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Pressekontakt"));
    assert_false(body_has(&a, "Ana Ferreira"));
    assert_false(body_has(&a, "30030"));
    assert_false(body_has(&a, "presse@hafen"));
    assert_true(body_has(&a, "Contact with the union"));
    assert_true(body_has(&a, "Next steps"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_contact_label_without_colon(void **state)
{
    (void)state;
    /* The bare label ("Kontakt") over a name and a way to reach it (an
     * address to write to, a telephone) is a contact block too; over lines
     * with neither it is the text's own, and stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>Contact</p><p>Pier Seven</p><p>Open from nine</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p><b>Kontakt</b></p><p>Ana Ferreira</p><p>Hafen AG | Communications</p>"
        "<p>tel +49 40 3003 1000 | presse@hafen.example</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "Pier Seven"));
    assert_false(body_has(&a, "Kontakt"));
    assert_false(body_has(&a, "Ana Ferreira"));
    assert_false(body_has(&a, "presse@hafen"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_legal_notice_ends_no_text(void **state)
{
    (void)state;
    /* The copyright line and the publisher's disclaimer under the text go;
     * a sentence about rights in the text stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>The union said all rights reserved to the workers would be kept.</p>"
        "<p>" PARA3 "</p><p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der "
        "Redaktion.</p><p>Copyright 2024 The Coast Herald. All rights reserved.</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Copyright 2024"));
    assert_false(body_has(&a, "Meinung des Autors"));
    assert_true(body_has(&a, "all rights reserved to the workers"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "exporters of fruit"));
    article_free(&a);
}

static void test_html_affiliate_disclosure_dropped(void **state)
{
    (void)state;
    /* The site's note on what it earns from its links goes on the HTML
     * path as in a scrape (outdoor-magazin.com's after its tour tips). */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>Affiliate links on this page earn us a commission when you buy, at no cost to you.</p>"
        "</div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "commission"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "exporters of fruit"));
    article_free(&a);
}

static void test_html_ad_labels_dropped(void **state)
{
    (void)state;
    /* An advertisement's label alone ("ANZEIGE") or with the few words
     * that say so ("*Werbung. Dieser Beitrag enthält Werbung für ...")
     * goes; a sentence that opens with the word stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p><em>*Werbung. Dieser Beitrag enthält Werbung für Hafenkräne.</em></p>"
        "<p>" PARA1 "</p><p>ANZEIGE</p><p>" PARA2 "</p>"
        "<p>Werbung nervt, sagen die Hafenarbeiter, und die Plakate am Tor nerven am meisten.</p>"
        "<p>" PARA3 "</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Hafenkräne"));
    assert_false(body_has(&a, "ANZEIGE"));
    assert_true(body_has(&a, "Werbung nervt"));
    assert_int_equal(a.nblocks, 4);
    article_free(&a);
}

static void test_html_download_calls_dropped(void **state)
{
    (void)state;
    /* A line of a few words that calls to download ("Dieses Skript als PDF
     * herunterladen", "Télécharger") goes, as "Download" does; a sentence
     * that says where to download something stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>Dieses Skript als PDF herunterladen</p><p>" PARA2 "</p><p>Télécharger</p>"
        "<p>Den Tarifvertrag können Sie auf der Seite der Gewerkschaft als PDF herunterladen.</p>"
        "<p>" PARA3 "</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Dieses Skript"));
    assert_false(body_has(&a, "Télécharger"));
    assert_true(body_has(&a, "Den Tarifvertrag"));
    assert_int_equal(a.nblocks, 4);
    article_free(&a);
}

static void test_html_follow_prompt_ends_no_text(void **state)
{
    (void)state;
    /* A sentence that calls to follow the site or get its app, closing the
     * text, goes (two at most); a line of the site's links and the
     * author's note that says where to follow its writer stay. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>Get the latest news from the harbour straight to your phone with our app.</p>"
        "<p>Follow the Harbour Post on Twitter and Instagram and on Facebook for every update.</p>"
        "</div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "straight to your phone"));
    assert_false(body_has(&a, "Follow the Harbour Post"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "exporters of fruit"));
    article_free(&a);

    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>Ana Ruiz is a reporter for the Harbour Post. Follow her on Twitter at anaruiz.</p>"
        "<p>Follow the Post: Twitter | Facebook</p></div></article></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "Ana Ruiz is a reporter"));
    assert_true(body_has(&a, "Follow the Post: Twitter"));
    article_free(&a);
}

static void test_html_reader_prompt_ends_no_text(void **state)
{
    (void)state;
    /* A prompt to comment on or rate the article under it goes; the
     * author's closing sentence that mentions comments stays. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><div class=\"article-body\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>We read every one of your comments on the strike and will answer them.</p>"
        "<p>Verraten Sie gerne in den Kommentaren: Waren Sie schon einmal im Hafen?</p>"
        "<p>War dieser Artikel hilfreich?</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Verraten Sie"));
    assert_false(body_has(&a, "hilfreich"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "We read every one of your comments"));
    article_free(&a);
}

static void test_html_link_cards_dropped(void **state)
{
    (void)state;
    /* A link around a heading or a box is a card leading to another story
     * and goes; a link in a sentence (even one whose <br>s turn into
     * paragraphs), an accordion's title (no address) and a picture's link
     * to its larger size stay. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><article class=\"article\">"
        "<section id=\"article-body\" class=\"body\"><p>" PARA1 "</p>"
        "<figure class=\"teaserable-layout\"><a class=\"sz-teaser\" href=\"/rail\"><figcaption><h3>Rail freight "
        "doubles in a month</h3></figcaption></a></figure>"
        "<p>" PARA2 "</p>"
        "<section class=\"box teaser\"><a href=\"/ships\"><div class=\"teaser__content\"><span>Ships wait off the "
        "coast for a berth</span></div></a></section>"
        "<section><a class=\"accordion-title\" role=\"tab\"><h3>Night shifts</h3></a></section>"
        "<p>The full offer is one you can <a href=\"/offer.pdf\">download from the port's site<br><br></a></p>"
        "<figure><a href=\"/pics/gates-large.jpg\"><div class=\"wrap\"><img src=\"/pics/gates.jpg\" alt=\"\">"
        "</div><div class=\"cap\">Pickets at the gates on Monday</div></a></figure>"
        "<p>" PARA3 "</p></section></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "Rail freight doubles"));
    assert_false(body_has(&a, "Ships wait off the coast"));
    assert_true(body_has(&a, "Night shifts"));
    assert_true(body_has(&a, "download from the port"));
    assert_true(body_has(&a, "Pickets at the gates"));
    article_free(&a);
}

static void test_html_names_under_a_letter(void **state)
{
    (void)state;
    /* An open letter and the 150 names that signed it, one a line, many
     * with a place or a trade after a comma: the commas of a list of short
     * lines are no sign of prose, so the letter is not lost to its
     * signatures (a table of two rows, the second empty, as harpers.org
     * has it). */
    static const char *const trades[] = {"historian", "dockers' union", "", "University of Porto", "author", ""};
    char *p = malloc(16384);
    assert_non_null(p);
    size_t n = (size_t)sprintf(p, "<html><head><title>A letter on the harbour</title></head><body><article><div>"
                                  "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p><table><tr><td><span>");
    for (int i = 0; i < 150; i++) {
        const char *t = trades[i % 6];
        n += (size_t)sprintf(p + n, "<strong>Signer %d</strong>%s%s<br>", i + 1, *t ? ", " : "", t);
    }
    n += (size_t)sprintf(p + n, "</span></td></tr><tr><td></td></tr></table></div></article></body></html>");
    article_t a;
    assert_int_equal(html_clean(p, n, &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "walked out over pay"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
    free(p);
}

static void test_html_short_lines_in_paragraph_wrappers(void **state)
{
    (void)state;
    /* Every paragraph in a div of its own, as some story sites write them:
     * a short line of dialogue is a paragraph like the others; a wrapped
     * button label and a "load more" are not. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"chapter\">"
        "<div><div><span>" PARA1 "</span></div></div>"
        "<div><div><span>They both took one.</span></div></div>"
        "<div><div><span>\xe2\x80\x9cGotcha.\xe2\x80\x9d</span></div></div>"
        "<div><div><span>" PARA2 "</span></div></div>"
        "<div><div><span>Play Video</span></div></div>"
        "<div><div><span>" PARA3 "</span></div></div>"
        "<div><div><span>Mehr laden \xe2\x80\xa6</span></div></div>"
        "<div><div><span>He stood.</span></div></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_non_null(block_with(&a, "They both took one."));
    assert_true(body_has(&a, "Gotcha."));
    assert_non_null(block_with(&a, "He stood."));
    assert_false(body_has(&a, "Play Video"));
    assert_false(body_has(&a, "Mehr laden"));
    article_free(&a);
}

static void test_html_text_in_negative_wrappers_kept(void **state)
{
    (void)state;
    /* A page builder wraps each block of a post in a box whose class has
     * a word of furniture in it ("widget"): boxes of one class holding
     * most of the text are the text's own wrappers and stay; a box of
     * another class so named goes. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"page\"><main class=\"single\">"
        "<section class=\"row\"><div class=\"col\"><div class=\"widget-container\"><div class=\"editor\">"
        "<p>" PARA1 "</p><p>Quays stood empty, the cranes idle, the gates shut.</p></div></div></div></section>"
        "<section class=\"row\"><div class=\"col\"><div class=\"widget-container\"><div class=\"editor\">"
        "<p>" PARA2 "</p></div></div></div></section>"
        "<section class=\"row\"><div class=\"col\"><div class=\"widget-container\"><div class=\"editor\">"
        "<p>" PARA3 "</p></div></div></div></section>"
        "<section class=\"row\"><div class=\"col\"><div class=\"promo-widget\"><p>Sign up, for our letter, "
        "with the week's news.</p><p>No spam, ever.</p></div></div></section>"
        "</main></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "union spokeswoman"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "Sign up"));
    article_free(&a);
}

static void test_html_standfirst_under_headline(void **state)
{
    (void)state;
    /* The paragraph after the headline in the page's <header> is the
     * standfirst whatever its class; a line with the date is not. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><header class=\"top\"><h1>Harbour strike</h1>"
        "<p class=\"sub\"><time datetime=\"2022-05-03\">3 May 2022</time>, by the harbour desk staff of the paper</p>"
        "<p class=\"font-brand\">Talks resume on Friday, and the port counts the cost of three weeks</p></header>"
        "<div class=\"story\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_non_null(strstr(a.blocks[0].text, "Talks resume on Friday, and the port"));
    assert_false(body_has(&a, "harbour desk"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);

    /* its place says what it is: a short line will do */
    static const char q[] = "<html><head><title>Harbour strike</title></head><body><header class=\"top\">"
                            "<h1>Harbour strike</h1><p>The longest strike the port has known!</p></header>"
                            "<div class=\"story\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_string_equal(a.blocks[0].text, "The longest strike the port has known!");
    article_free(&a);

    /* a standfirst of points after an empty paragraph; a list of buttons
     * is none */
    static const char r[] = "<html><head><title>Harbour strike</title></head><body><div class=\"head__content\">"
                            "<h1>Harbour strike</h1><p></p><ul><li>Dock workers want their pay to follow prices</li>"
                            "<li>The port has lost forty million euros in three weeks</li></ul></div>"
                            "<div class=\"story\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(r, strlen(r), &a, NULL), 0);
    assert_string_equal(a.blocks[0].text, "Dock workers want their pay to follow prices");
    article_free(&a);
    static const char t[] = "<html><head><title>Harbour strike</title></head><body><header><h1>Harbour strike</h1>"
                            "<ul><li>Pin</li><li>Share</li><li>Tweet</li><li>Email</li><li>Print</li><li>Save</li>"
                            "</ul></header><div class=\"story\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
                            "</p></div></body></html>";
    assert_int_equal(html_clean(t, strlen(t), &a, NULL), 0);
    assert_false(body_has(&a, "Tweet"));
    article_free(&a);

    /* a site's name linking home is no headline, its motto no standfirst */
    static const char u[] = "<html><head><title>Harbour strike - Port News</title></head><body><div id=\"page\">"
                            "<header class=\"site-header\"><div class=\"branding\"><h1 class=\"site-title\"><a "
                            "href=\"/\">Port News</a></h1><p class=\"site-description\">All the news of the port "
                            "since 1921, every day.</p></div></header><div id=\"content\"><main><article>"
                            "<h2>Harbour strike</h2><div class=\"entry\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
                            "</p></div></article></main></div></div></body></html>";
    assert_int_equal(html_clean(u, strlen(u), &a, NULL), 0);
    assert_false(body_has(&a, "since 1921"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_subheading_like_title_kept(void **state)
{
    (void)state;
    /* A subheading in the middle of the text that repeats most of the
     * title's words ("Talking to the harbour master") is the text's, not
     * the headline again. */
    static const char p[] =
        "<html><head><title>Harbour strike: talking to the harbour master</title></head><body><div class=\"post\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><h2>Talking to the harbour master</h2><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "Talking to the harbour master"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_sections_of_one_kind_together(void **state)
{
    (void)state;
    /* A text in sections of one kind, each under its heading (a paper's
     * abstract and its references): the section that scores best brings
     * its siblings of the kind, not the box between them. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"paper\">"
        "<section><div class=\"sect\"><h2>Abstract</h2><div class=\"sect-body\"><p>" PARA1 "</p></div></div></section>"
        "<div class=\"offer\"><div class=\"box\"><p>Buy this article for 30 euros, VAT included, today.</p>"
        "<p>Subscribe to the journal, all issues, renewed every year.</p></div></div>"
        "<section><div class=\"sect\"><h2>References</h2><div class=\"sect-body\">"
        "<p>Smith J, Jones K, Brown L, et al. Strikes in ports, wages, and shifts. J Lab Econ. 2019;12(3):1-22.</p>"
        "<p>Meyer A, Klein B, Wolf C, et al. Dock work, unions, and inflation. Ind Rel. 2020;44(1):3-19.</p>"
        "<p>Rossi M, Bianchi N, Verdi O, et al. Diverted ships, lost contracts, and fruit. Trade Q. 2021;8(2):5-9.</p>"
        "</div></div></section></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "talks would resume"));
    assert_true(body_has(&a, "Rossi M"));
    assert_false(body_has(&a, "Buy this article"));
    article_free(&a);
}

static void test_html_standfirst_deep_in_a_head_box(void **state)
{
    (void)state;
    /* The headline's box may be a div named for a head, deep in a header
     * module that the search strips; its paragraph is still the lead of
     * the text several levels up. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"wrap\">"
        "<div class=\"page-header-module\"><div class=\"c\"><div class=\"r\"><div class=\"col\"><div class=\"form-head\">"
        "<div class=\"tw\"><h1>Harbour strike</h1><div class=\"t\"><p>How much the strike costs the port, and why "
        "talks resume on Friday, is told here.</p></div></div></div></div></div></div></div>"
        "<div class=\"a\"><p>" PARA1 "</p></div><div class=\"a\"><p>" PARA2 "</p></div><div class=\"a\"><p>" PARA3
        "</p></div></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_non_null(strstr(a.blocks[0].text, "is told here"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_paragraph_beside_the_text_box(void **state)
{
    (void)state;
    /* A press release's closing paragraph on its sender stands beside the
     * box that holds the release, two levels above its text: it is the
     * text's; a short line there is not. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"main\"><div id=\"c1\">"
        "<div class=\"item\"><div class=\"when\">3 May 2022</div><div class=\"body\"><p>" PARA1 "</p><p>" PARA2
        "</p><p>" PARA3 "</p></div></div></div>"
        "<p>The Harbour Workers' Union speaks for eleven thousand dock workers in the ports of the coast since 1921.</p>"
        "<p>Share this page</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "exporters of fruit"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "eleven thousand dock workers"));
    assert_false(body_has(&a, "Share this page"));
    article_free(&a);

    /* and before it, in the page's order */
    static const char q[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"main\">"
        "<p>First: the union called the strike three weeks ago, after the talks on night shifts had failed.</p>"
        "<div id=\"c1\"><p>Second: the port's board met on Monday and asked the ministry to step in at once.</p>"
        "<p>Third: the ministry said on Tuesday that it would send a mediator to the port this week.</p>"
        "<div class=\"item\"><div class=\"when\">3 May 2022</div><div class=\"body\"><p>" PARA1 "</p><p>" PARA2
        "</p><p>" PARA3 "</p></div></div></div></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(a.nblocks >= 6);
    assert_true(strstr(a.blocks[0].text, "First:") == a.blocks[0].text);
    assert_true(strstr(a.blocks[1].text, "Second:") == a.blocks[1].text);
    assert_true(strstr(a.blocks[2].text, "Third:") == a.blocks[2].text);
    article_free(&a);
}

static void test_html_recipe_line_blank_before_comma(void **state)
{
    (void)state;
    /* A JSON-LD ingredient joined from its name and its note with a blank
     * before the comma ("750 g plums , stoned") reads as the page shows it. */
    static const char p[] =
        "<html><head><title>Plum cake</title><script type=\"application/ld+json\">{\"@type\": \"Recipe\", "
        "\"name\": \"Plum cake\", \"recipeIngredient\": [\"250 g flour\", \"125 g butter , soft\", \"1 egg\", "
        "\"750 g plums , stoned\"]}</script></head><body><div class=\"method\"><p>Rub the butter into the flour, add "
        "the egg and knead a smooth dough. Let it rest in a cool place for half an hour, covered, while you wash the "
        "plums.</p><p>Press the dough into the tin and cover it with the halved plums, cut side up, in rows that "
        "overlap a little. Bake for forty minutes at 180 degrees, until the edge is golden.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "125 g butter, soft"));
    assert_true(body_has(&a, "750 g plums, stoned"));
    article_free(&a);
}

static void test_html_caption_that_is_the_description(void **state)
{
    (void)state;
    /* The lead picture's caption that says the page's description is its
     * standfirst: it opens the text, though the picture's box is not the
     * text's. A caption of its own words is not. */
    static const char p[] =
        "<html><head><title>Harbour strike</title><meta property=\"og:description\" content=\"Three weeks into "
        "the strike, the port counts its losses and the union waits for an offer that follows prices.\">"
        "</head><body><article><figure><img src=\"port.jpg\"><figcaption>Three weeks into the strike, the port "
        "counts its losses and the union waits for an offer that follows prices.</figcaption></figure>"
        "<figure><img src=\"gate.jpg\"><figcaption>The gates of the port on Tuesday, closed since the first "
        "week of the strike.</figcaption></figure><div class=\"text\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
        "</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    const article_block_t *lead = block_with(&a, "union waits for an offer"), *text = block_with(&a, "forty million");
    assert_non_null(lead);
    assert_non_null(text);
    assert_true(lead < text);
    assert_false(body_has(&a, "closed since the first week"));
    article_free(&a);
}

static void test_html_subtitle_under_headline(void **state)
{
    (void)state;
    /* A heading right after the headline, a sentence long, is the
     * article's subtitle and opens its text, wherever the text's box is. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><article><ul class=\"deck\"><li>Ports</li></ul>"
        "<h1>No money left for the rent</h1><h2>Dock workers on strike want their pay to follow prices, and the "
        "port counts its losses</h2><ul class=\"info\"><li>By the harbour desk</li></ul><div class=\"content\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_non_null(strstr(a.blocks[0].text, "want their pay to follow prices"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);

    /* the headline under a site's name is no subtitle */
    static const char q[] = "<html><head><title>Harbour strike: the port counts the cost of three weeks</title>"
                            "</head><body><h1>Port News</h1><h2>Harbour strike: the port counts the cost of three "
                            "weeks</h2><div class=\"content\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
                            "</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_false(body_has(&a, "counts the cost"));
    article_free(&a);
}

static void test_html_responsive_hidden_is_shown(void **state)
{
    (void)state;
    /* "hidden-xs" hides a list on a phone and shows it on a screen: no
     * sign of furniture; a box plainly "hidden" is. */
    static const char p[] =
        "<html><head><title>Harbour strike</title></head><body><div class=\"post\"><p>" PARA1 "</p>"
        "<ul class=\"hidden-xs\"><li>Quays stood empty</li><li>Cranes stood idle</li><li>Gates stayed shut</li></ul>"
        "<p>" PARA2 "</p><ul class=\"promo-hidden\"><li>Offer one</li><li>Offer two</li></ul><p>" PARA3
        "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "Cranes stood idle"));
    assert_false(body_has(&a, "Offer one"));
    article_free(&a);
}

static void test_html_short_code_in_a_wrapper(void **state)
{
    (void)state;
    /* A short command in its own div is part of the text, as a long one is. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"doc\">"
        "<p>" PARA1 "</p><div class=\"highlight\"><div><pre>$ hg init public\n</pre></div></div>"
        "<p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "hg init public"));
    article_free(&a);
}

static void test_html_teaser_page_from_its_description(void **state)
{
    (void)state;
    /* A news ticker's item: the search finds no text, the page's
     * description holds its one paragraph; a cut-off description ("...")
     * is no text. */
    static const char p[] =
        "<html><head><title>Book prize</title><meta property=\"og:description\" content=\"Frankfurt (dpa) - "
        "For a novel about the old Federal Republic, the author has won this year's book prize, the "
        "trade's highest award.\"></head><body><nav><a href=\"/\">Home</a></nav><h1>Book prize</h1>"
        "</body></html>";
    article_t a;
    const char *why = NULL;
    assert_int_equal(html_clean(p, strlen(p), &a, &why), 0);
    assert_int_equal(a.nblocks, 1);
    assert_true(body_has(&a, "highest award."));
    article_free(&a);
    static const char q[] =
        "<html><head><title>Book prize</title><meta property=\"og:description\" content=\"Frankfurt (dpa) - "
        "For a novel about the old Federal Republic, the author has won this year's book prize, the ...\">"
        "</head><body><nav><a href=\"/\">Home</a></nav><h1>Book prize</h1></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, &why), -1);
    /* cut off after a whole sentence: the sentence */
    static const char r[] =
        "<html><head><title>Book prize</title><meta name=\"description\" content=\"Frankfurt (dpa) - "
        "For a novel about the old Federal Republic, the author has won this year's book prize. The book, "
        "titled ...\"></head><body><nav><a href=\"/\">Home</a></nav><h1>Book prize</h1></body></html>";
    assert_int_equal(html_clean(r, strlen(r), &a, &why), 0);
    assert_int_equal(a.nblocks, 1);
    assert_true(body_has(&a, "book prize."));
    assert_false(body_has(&a, "titled"));
    article_free(&a);
}

static void test_html_short_post_not_traded_for_chrome(void **state)
{
    (void)state;
    /* A post of two short paragraphs, under the length at which the search
     * stops; looser attempts find the newsletter box beside it as well, a
     * little more text in all. More chrome is no better text: the post
     * alone is the article. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"post\"><p>The harbour authority said on "
        "Tuesday that the strike, now in its third week, had cost the port more than forty million euros.</p>"
        "<p>Dock workers, who walked out over pay and night shifts, said they were ready to return if the offer "
        "matched inflation.</p><p>Shipping lines have diverted vessels to other ports, and exporters warned of "
        "lost contracts.</p></div><div class=\"sidebar newsletter\"><p>Stay up to date with our newsletter, "
        "every Friday, free of charge, straight to your inbox.</p><p>I agree that the Coast Herald may send me "
        "news about its work, and I can withdraw this at any time.</p><p>Something went wrong. Please try again "
        "later, or write to us.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_int_equal(a.nblocks, 3);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "lost contracts"));
    assert_false(body_has(&a, "newsletter"));
    article_free(&a);
    /* a looser attempt that finds much more text than the strict one's
     * scrap is the article (the scrap was a caption or a teaser) */
    static const char q[] =
        "<html><head><title>Harbour</title></head><body><div class=\"comment-wrap\"><p>" PARA1 "</p><p>" PARA2
        "</p><p>" PARA3 "</p></div><div class=\"teaser\"><p>The port is closed, and the strike goes on for a "
        "third week.</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "exporters of fruit"));
    article_free(&a);
}

static void test_html_text_only_without_scripts(void **state)
{
    (void)state;
    /* A blog whose script writes the post in: the post is in a script
     * template and again in <noscript>, for browsers without scripts. With
     * nothing else found, the page is read as such a browser shows it. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"blog-header\"><p>News and views from the "
        "harbour</p></div><div class=\"post-body\"><script type=\"text/template\"><p>" PARA1 "</p></script>"
        "<noscript><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></noscript></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "News and views"));
    article_free(&a);
    /* a page whose text is found keeps its <noscript> notice out */
    static const char q[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\"><noscript><p>Please turn on "
        "JavaScript to see all of this page, and to leave a comment below the article.</p></noscript><p>" PARA1
        "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "exporters of fruit"));
    assert_false(body_has(&a, "JavaScript"));
    article_free(&a);
}

static void test_html_recipe_ingredients_from_json_ld(void **state)
{
    (void)state;
    /* A recipe's ingredients stand in a table of their own, which the
     * search leaves out; its JSON-LD Recipe lists them, and they go in as a
     * list before the first step. */
    static const char p[] =
        "<html><head><title>Plum cake</title><script type=\"application/ld+json\">{\"@context\": "
        "\"https://schema.org\", \"@graph\": [{\"@type\": \"WebSite\", \"name\": \"Baking\"}, {\"@type\": "
        "\"Recipe\", \"name\": \"Plum cake\", \"recipeIngredient\": [\"250\u00a0g flour\", \"125 g "
        "butter\\u2063\", \"1 egg\", \"750 g plums\"], \"recipeInstructions\": [{\"@type\": \"HowToStep\", "
        "\"text\": \"Rub the butter into the flour, add the egg and knead a smooth dough.\"}, {\"@type\": "
        "\"HowToStep\", \"text\": \"Press the dough into the tin and cover it with the halved plums.\"}]}]}"
        "</script></head><body><div class=\"ingredients\"><table><tr><td>250 g</td><td><a href=\"/flour\">flour"
        "</a></td></tr><tr><td>125 g</td><td><a href=\"/butter\">butter</a></td></tr></table></div>"
        "<div class=\"method\"><p>Rub the butter into the flour, add the egg and knead a smooth dough. Let it "
        "rest in a cool place for half an hour, covered, while you wash the plums.</p><p>Press the dough into "
        "the tin and cover it with the halved plums, cut side up, in rows that overlap a little. Bake for forty "
        "minutes at 180 degrees, until the edge is golden.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_int_equal(a.nblocks, 6);
    assert_int_equal(a.blocks[0].kind, ARTICLE_BLOCK_LIST);
    assert_string_equal(a.blocks[0].text, "250\xc2\xa0g flour");
    assert_string_equal(a.blocks[1].text, "125 g butter");
    assert_string_equal(a.blocks[3].text, "750 g plums");
    assert_true(strstr(a.blocks[4].text, "Rub the butter") == a.blocks[4].text);
    article_free(&a);

    /* ingredients the text has already (in its own words) are not given
     * twice; steps it lacks follow the text */
    static const char q[] =
        "<html><head><title>Plum cake</title><script type=\"application/ld+json\">{\"@context\": "
        "\"https://schema.org\", \"@type\": \"Recipe\", \"name\": \"Plum cake\", \"recipeIngredient\": "
        "[\"250 g flour\", \"125 g cold butter\", \"750 g plums\"], \"recipeInstructions\": \"Knead a smooth "
        "dough.\\nBake for forty minutes.\"}</script></head><body><div class=\"post\"><p>This is the plum cake of "
        "my grandmother, and it needs no more than flour, butter and plums, the dark ones that come at the end "
        "of the summer. Nobody in the family has ever baked it quite as well as she did.</p><ul><li>250 g (two "
        "cups) flour</li><li>125 g cold butter</li><li>750 g plums, halved</li></ul></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_int_equal(a.nblocks, 6);
    assert_true(body_has(&a, "two cups"));
    assert_string_equal(a.blocks[4].text, "Knead a smooth dough.");
    assert_int_equal(a.blocks[5].kind, ARTICLE_BLOCK_LIST);
    article_free(&a);
}

static void test_html_recipe_own_boxes(void **state)
{
    (void)state;
    /* The ingredients the text lacks come from the page's own box when it
     * holds four in five of the JSON-LD's lines: its groups and headings
     * stay ("For the dough:"), an item's amount and name, each in a cell of
     * its own, are one line. */
    static const char p[] =
        "<html><head><title>Plum cake</title><script type=\"application/ld+json\">{\"@type\": \"Recipe\", "
        "\"name\": \"Plum cake\", \"recipeIngredient\": [\"250 g flour\", \"125 g butter\", \"1 egg\", "
        "\"750 g plums\", \"2 tbsp sugar\"], \"recipeInstructions\": \"Rub the butter into the flour, add the "
        "egg and knead a smooth dough.\\nPress the dough into the tin.\"}</script></head><body>"
        "<div class=\"ingredients-box\">"
        "<h2>Ingredients</h2><table class=\"table-header\"><thead><tr><th><h3>For the dough:</h3></th></tr>"
        "</thead><tbody><tr><td>250 g</td><td>flour</td></tr><tr><td>125 g</td><td>butter</td></tr><tr><td>1"
        "</td><td>egg</td></tr></tbody></table><table class=\"table-header\"><thead><tr><th><h3>For the "
        "topping:</h3></th></tr></thead><tbody><tr><td>750 g</td><td>plums</td></tr><tr><td>2 tbsp</td><td>"
        "sugar</td></tr></tbody></table></div><div class=\"method\"><p>Rub the butter into the flour, add the "
        "egg and knead a smooth dough. Let it rest in a cool place for half an hour, covered, while you wash "
        "the plums.</p><p>Press the dough into the tin and cover it with the halved plums, cut side up, in rows "
        "that overlap a little. Bake for forty minutes at 180 degrees, until the edge is golden.</p></div>"
        "</body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    const article_block_t *dough = block_with(&a, "For the dough:"), *step = block_with(&a, "Rub the butter");
    assert_non_null(dough);
    assert_non_null(step);
    assert_true(dough < step);
    assert_non_null(block_with(&a, "For the topping:"));
    assert_string_equal(dough[1].text, "250 g flour");
    assert_string_equal(block_with(&a, "sugar")->text, "2 tbsp sugar");
    article_free(&a);
}

static void test_html_tail_heading_before_more_text(void **state)
{
    (void)state;
    /* A "related" heading whose list went, with a paragraph of the text
     * after it: the heading goes, the text after it stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 " " PARA2 "</p><p>" PARA2 " " PARA3 "</p><p>" PARA3 " " PARA1 "</p>"
        "<h3>Other People Are Reading</h3>"
        "<p>Exporters of fruit said on Wednesday that the losses would be made good only if the port reopened "
        "before the harvest, which begins in the first week of November.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "first week of November"));
    assert_false(body_has(&a, "Other People"));
    article_free(&a);
    /* the same in the middle of the text, a subheading after it */
    static const char q[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>Other People Are Reading</p><h3>What the workers want</h3><p>" PARA2 "</p>"
        "<p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "What the workers want"));
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Other People"));
    article_free(&a);
}

static void test_html_further_links_and_reading_tips_headings(void **state)
{
    (void)state;
    /* "Weiterführende Links" over the site's links ends the text, as
     * "Further reading" does; "Lesetipp" over a paragraph of the text
     * goes alone. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 " " PARA2 "</p><p>" PARA2 " " PARA3 "</p>"
        "<h3>Lesetipp</h3><p>" PARA3 " " PARA1 "</p>"
        "<h3>Weiterführende Links</h3><ul><li>Dossier zum Hafen</li><li>Streik-Ticker</li></ul>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Lesetipp"));
    assert_false(body_has(&a, "Weiterf"));
    assert_false(body_has(&a, "Dossier zum Hafen"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "resume on Friday"));
    article_free(&a);
}

static void test_html_discover_more_heading_ends_the_text(void **state)
{
    (void)state;
    /* "Entdecke weitere ..." over the site's other stories ends the text;
     * in the middle of it, over a paragraph of the text, it goes alone. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 " " PARA2 "</p><h2>Entdecken Sie jetzt</h2><p>" PARA2 " " PARA3 "</p>"
        "<h3>Entdecke weitere Hafengeschichten</h3><p>Wie wohnen die Hafenarbeiter? Klicke dich durch.</p>"
        "<p>Mehr Hafengeschichten</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "Entdecke"));
    assert_false(body_has(&a, "Klicke dich"));
    assert_true(body_has(&a, "forty million euros"));
    assert_non_null(strstr(a.blocks[a.nblocks - 1].text, "into the winter"));
    article_free(&a);
}

static void test_html_figure_keeps_its_caption_not_its_credit(void **state)
{
    (void)state;
    /* a figure's "Photo" label and its credit stay out (itemprop or class),
     * its caption stays, also when caption and credit share one box */
    static const char fig[] =
        "<html><head><title>Harbour strike enters third week</title></head><body><article>"
        "<h1>Harbour strike enters third week</h1>"
        "<figure><span>Photo</span><img src=\"a.jpg\" alt=\"\">"
        "<figcaption>Dockers outside the port gates on Monday. "
        "<span itemprop=\"copyrightHolder\"><span>Credit</span> Ana Ferreira</span></figcaption></figure>"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<figure><img src=\"b.jpg\" alt=\"\"><figcaption class=\"lead-image__credit\">"
        "<span class=\"lead-image__caption\">Cranes idle at the container terminal</span> "
        "<span class=\"lead-image__attribution\">Reuters</span></figcaption></figure>"
        "<p>" PARA3 "</p></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(fig, strlen(fig), &a, NULL), 0);
    assert_true(body_has(&a, "Dockers outside the port gates on Monday."));
    assert_true(body_has(&a, "Cranes idle at the container terminal"));
    assert_false(body_has(&a, "Ana Ferreira"));
    assert_false(body_has(&a, "Reuters"));
    for (size_t i = 0; i < a.nblocks; i++)
        assert_string_not_equal(a.blocks[i].text, "Photo");
    assert_true(body_has(&a, "forty million euros"));
    article_free(&a);
}

static void test_html_call_to_action_picture_says_nothing(void **state)
{
    (void)state;
    /* an advertisement's button drawn as a picture ("New call-to-action",
     * a marketing tool's default description) gives neither a picture nor
     * a line; a picture's description in the text stays a line */
    static const char p[] =
        "<html><head><title>Harbour strike enters third week</title></head><body><article>"
        "<h1>Harbour strike enters third week</h1><p>" PARA1 "</p>"
        "<p><span class=\"hs-cta-wrapper\"><a href=\"https://cta.example.com/r/1\">"
        "<img class=\"hs-cta-img\" src=\"https://cdn.example.com/cta/default/1.png\" alt=\"New call-to-action\"></a>"
        "</span></p><p>" PARA2 "</p><p><img src=\"data:,\" alt=\"Cranes idle at the container terminal\"></p>"
        "<p>" PARA3 "</p></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_false(body_has(&a, "call-to-action"));
    for (size_t i = 0; i < a.nblocks; i++)
        assert_true(a.blocks[i].kind != ARTICLE_BLOCK_PIC || !strstr(a.blocks[i].src, "/cta/"));
    assert_true(body_has(&a, "Cranes idle at the container terminal"));
    assert_true(body_has(&a, "forty million euros"));
    article_free(&a);
}

static void test_html_hint_to_enlarge_a_picture(void **state)
{
    (void)state;
    /* a caption's hint to click for a larger picture goes, the caption
     * stays; a button's "click to enlarge" is no line; a caption that
     * speaks of enlarging something stays whole */
    static const char p[] =
        "<html><head><title>Harbour strike enters third week</title></head><body><article>"
        "<h1>Harbour strike enters third week</h1><p>" PARA1 "</p>"
        "<figure><img src=\"owners.png\" alt=\"\"><figcaption>Who owns the terminal operators. Click on the "
        "picture to enlarge. (As of March)</figcaption></figure><p>" PARA2 "</p>"
        "<div class=\"photo\"><a href=\"cranes-big.jpg\"><span class=\"button-enlarge\">click to enlarge</span>"
        "<img src=\"cranes.jpg\" alt=\"\"></a></div>"
        "<figure><img src=\"basin.jpg\" alt=\"\"><figcaption>Crews enlarge the harbour basin.</figcaption></figure>"
        "<p>" PARA3 "</p></article></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    const article_block_t *b = block_with(&a, "Who owns the terminal operators.");
    assert_non_null(b);
    assert_string_equal(b->text, "Who owns the terminal operators. (As of March)");
    assert_false(body_has(&a, "enlarge."));
    assert_false(body_has(&a, "click to enlarge"));
    assert_true(body_has(&a, "Crews enlarge the harbour basin."));
    assert_true(body_has(&a, "forty million euros"));
    article_free(&a);
}

static void test_html_block_kinds_and_inline_styles(void **state)
{
    (void)state;
    article_t a;
    assert_int_equal(html_clean(page, strlen(page), &a, NULL), 0);
    const article_block_t *b = block_with(&a, "Talks on Friday");
    assert_non_null(b);
    assert_int_equal(b->kind, ARTICLE_BLOCK_SUBHEAD);
    b = block_with(&a, "Nobody wins");
    assert_non_null(b);
    assert_int_equal(b->kind, ARTICLE_BLOCK_QUOTE);
    b = block_with(&a, "Machinery orders");
    assert_non_null(b);
    assert_int_equal(b->kind, ARTICLE_BLOCK_LIST);
    b = block_with(&a, "We are ready");
    assert_non_null(b);
    assert_int_equal(b->kind, ARTICLE_BLOCK_PARA);
    assert_non_null(strstr(b->text, "\x10We are ready\x11, she said, \x12" "firmly\x13."));
    article_free(&a);
}

static void test_html_json_ld_and_time(void **state)
{
    (void)state;
    static const char p[] =
        "<html><head><title>x</title><script type=\"application/ld+json\">"
        "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Comet capsule lands "
        "in the desert\",\"datePublished\":\"2023-09-24\",\"author\":[{\"@type\":\"Person\",\"name\":\"Ida Berg\"},"
        "{\"name\":\"Tom Lund\"}],\"publisher\":{\"name\":\"Science Daily News\"}}</script></head><body>"
        "<div><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_string_equal(a.title, "Comet capsule lands in the desert");
    assert_string_equal(a.date, "2023-09-24");
    assert_string_equal(a.byline, "Ida Berg, Tom Lund");
    assert_string_equal(a.source, "Science Daily News");
    article_free(&a);
    static const char q[] = "<html><body><h1>A night at the library</h1><time datetime=\"2022-11-02T20:00\">2 Nov</time>"
                            "<div><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_string_equal(a.date, "2022-11-02");
    assert_string_equal(a.title, "A night at the library");
    article_free(&a);
}

static void test_html_references_left_in_fields(void **state)
{
    (void)state;
    /* a meta element escaped twice: the parse leaves "&#8217;" and "&#x20;" */
    static const char p[] = "<html><head><meta property=\"og:title\" content=\"Arnault&amp;#8217;s Louvre&amp;#x20;gift &amp;amp; more\">"
                            "<title>T</title></head><body><div><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
                            "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_string_equal(a.title, "Arnault\xe2\x80\x99s Louvre gift & more");
    article_free(&a);
}

static void test_html_article_only_in_json_ld(void **state)
{
    (void)state;
    /* The page's markup has a teaser; its JSON-LD has the whole text, as
     * plain lines or as markup, and the markup is cleaned as a text the
     * search found is */
    static const char p[] = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                            "\"@type\": \"NewsArticle\", \"headline\": \"Harbour strike\", \"articleBody\": \""
                            PARA1 "\\n" PARA2 "\\n" PARA3 "\"}</script><title>T</title></head><body>"
                            "<div><p>Dock workers walked out over pay and night shifts.</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_int_equal(a.nblocks, 3);
    assert_true(body_has(&a, "forty million euros"));
    assert_true(body_has(&a, "into the winter"));
    article_free(&a);
    static const char q[] = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                            "\"@type\": \"Article\", \"headline\": \"Harbour strike\", \"articleBody\": \"<p>"
                            PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>\"}</script><title>T</title></head><body>"
                            "<div><p>Subscribe to read the full story.</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_int_equal(a.nblocks, 3);
    assert_false(body_has(&a, "Subscribe"));
    assert_true(body_has(&a, "a union spokeswoman"));
    article_free(&a);
    /* markup cleaned as the page's text is: a teaser of another page in it
     * (its picture and its headline, two links to one page) goes */
    static const char t[] = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                            "\"@type\": \"Article\", \"headline\": \"Harbour strike\", \"articleBody\": \"<p>"
                            PARA1 "</p><div class='read-also'><a href='/ferry'><img src='/f.jpg'></a><a href='/ferry'>"
                            "Ferry fares to rise again in spring</a></div><p>" PARA2 "</p><p>" PARA3
                            "</p>\"}</script><title>T</title></head><body>"
                            "<div><p>Subscribe to read the full story.</p></div></body></html>";
    assert_int_equal(html_clean(t, strlen(t), &a, NULL), 0);
    assert_int_equal(a.nblocks, 3);
    assert_false(body_has(&a, "Ferry fares"));
    assert_true(body_has(&a, "a union spokeswoman"));
    article_free(&a);
    /* the markup's own text, when it has most of it, wins */
    static const char r[] = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
                            "\"@type\": \"Article\", \"headline\": \"Harbour strike\", \"articleBody\": \""
                            PARA1 " " PARA2 "\"}</script><title>T</title></head><body>"
                            "<div><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(r, strlen(r), &a, NULL), 0);
    assert_int_equal(a.nblocks, 3);
    article_free(&a);
}

static void test_html_charset_latin1_and_meta(void **state)
{
    (void)state;
    /* declared Latin-1: bytes E9 and 92 (Windows-1252 right quote) */
    static const char p[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                            "<title>Caf\xe9 owners\x92 row</title></head><body><div><p>" PARA1 " Caf\xe9.</p><p>" PARA2
                            "</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_string_equal(a.title, "Caf\xc3\xa9 owners\xe2\x80\x99 row");
    assert_true(body_has(&a, "Caf\xc3\xa9."));
    article_free(&a);
    /* a script's charset attribute says how the script is encoded, not the
     * page: the <meta> after it does (GB2312 D6D0 CEC4 is U+4E2D U+6587) */
    static const char g[] = "<html><head><script src=\"a.js\" charset=\"utf-8\"></script>"
                            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                            "<title>T</title></head><body><div><p>" PARA1 " \xd6\xd0\xce\xc4.</p><p>" PARA2
                            "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(g, strlen(g), &a, NULL), 0);
    assert_true(body_has(&a, "\xe4\xb8\xad\xe6\x96\x87."));
    article_free(&a);
    /* undeclared and not UTF-8: Windows-1252 */
    static const char q[] = "<html><body><div><p>" PARA1 " Na\xefve.</p><p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(q, strlen(q), &a, NULL), 0);
    assert_true(body_has(&a, "Na\xc3\xafve."));
    article_free(&a);
}

static void test_html_text_normalised(void **state)
{
    (void)state;
    /* straight quotes, a spaced hyphen, three dots, a zero-width space, a
     * decomposed e + acute, runs of white space */
    static const char p[] = "<html><body><div><p>" PARA1 "</p><p>" PARA2 "</p><p>He said \"wait\" - and then...   "
                            "it was Jos\x65\xcc\x81's turn\xe2\x80\x8b.</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    const article_block_t *b = block_with(&a, "He said");
    assert_non_null(b);
    assert_string_equal(b->text, "He said \xe2\x80\x9cwait\xe2\x80\x9d \xe2\x80\x93 and then\xe2\x80\xa6 it was "
                                 "Jos\xc3\xa9\xe2\x80\x99s turn.");
    article_free(&a);
}

static void test_html_deep_nesting_bounded(void **state)
{
    (void)state;
    size_t depth = 100000;
    size_t cap = depth * 5 + 4096;
    char *p = malloc(cap);
    assert_non_null(p);
    size_t k = (size_t)sprintf(p, "<html><body>");
    for (size_t i = 0; i < depth; i++)
        k += (size_t)sprintf(p + k, "<div>");
    k += (size_t)sprintf(p + k, "<p>%s</p>", PARA1);
    article_t a;
    const char *why = "";
    int rc = html_clean(p, k, &a, &why);
    /* best effort or a reason; never a crash (no bound in seconds: times
     * are make bench's, and a bound fails on a loaded machine or under the
     * sanitizers) */
    if (rc == 0)
        article_free(&a);
    else
        assert_true(strlen(why) > 0);
    free(p);
}

static void test_html_huge_page_bounded(void **state)
{
    (void)state;
    /* 50 MB of paragraphs: cut at HTML_MAX_BYTES and cleaned */
    size_t n = 50u * 1024u * 1024u;
    char *p = malloc(n + 1);
    assert_non_null(p);
    const char *unit = "<p>" PARA1 "</p>\n";
    size_t ul = strlen(unit), k = (size_t)sprintf(p, "<html><body><div>");
    while (k + ul < n) {
        memcpy(p + k, unit, ul);
        k += ul;
    }
    article_t a;
    const char *why = "";
    int rc = html_clean(p, k, &a, &why);
    assert_int_equal(rc, 0);
    assert_true(a.nblocks > 1000);
    article_free(&a);
    free(p);
}

static void test_html_input_refuses_binary_and_names_reason(void **state)
{
    (void)state;
    article_list_t l = { 0 };
    const char *why = NULL;
    static const char bin[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    assert_int_equal(input_load_mem(bin, sizeof bin - 1, &l, &why), -1);
    assert_non_null(why);
    assert_non_null(strstr(why, "binary"));
    assert_int_equal(l.n, 0);
    why = NULL;
    assert_int_equal(input_load_mem("", 0, &l, &why), -1);
    assert_non_null(why);
    /* a page with a stray NUL and invalid UTF-8 is cleaned as best it can be */
    static const char odd[] = "<html><body><div><p>" PARA1 " \xff\xfe bad bytes</p><p>" PARA2 "</p><p>" PARA3
                              "</p></div></body></html>";
    char buf[sizeof odd + 2];
    memcpy(buf, odd, sizeof odd);
    buf[40] = '\0';
    assert_int_equal(input_load_mem(odd, sizeof odd - 1, &l, &why), 1);
    assert_int_equal(input_load_mem(buf, sizeof odd - 1, &l, &why), 1);
    for (size_t i = 0; i < l.n; i++)
        for (size_t b = 0; b < l.v[i].nblocks; b++)
            for (const unsigned char *c = (const unsigned char *)l.v[i].blocks[b].text; *c; c++)
                assert_true(*c >= 0x20 || (*c >= 0x10 && *c <= 0x13));
    article_list_free(&l);
}

static void test_html_input_sniffs_kind(void **state)
{
    (void)state;
    assert_int_equal(input_sniff(page, strlen(page)), INPUT_HTML);
    static const char rss[] = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>";
    assert_int_equal(input_sniff(rss, strlen(rss)), INPUT_FEED);
    static const char atom[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
    assert_int_equal(input_sniff(atom, strlen(atom)), INPUT_FEED);
    static const char txt[] = "date 2024-01-01 World / Title\nSome text < 3 lines.\n";
    assert_int_equal(input_sniff(txt, strlen(txt)), INPUT_TEXT);
}

static void test_html_retries_when_heuristics_remove_everything(void **state)
{
    (void)state;
    /* the whole text sits in a "sidebar" container: the first pass strips it,
     * a later pass without the unlikely-candidate rule finds it */
    static const char p[] = "<html><body><div class=\"sidebar comment\"><p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3
                            "</p><p>" PARA1 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "forty million"));
    article_free(&a);
}


/* ---- html_trim_unread: what the parser need not see ---------------------- */

static char *trimmed(const char *in)
{
    char *s = strdup(in);
    assert_non_null(s);
    size_t n = html_trim_unread(s, strlen(s));
    s[n] = '\0';
    return s;
}

static void test_html_trim_script_strings_with_markup(void **state)
{
    (void)state;
    /* "</div>" and "<p>" inside a script are script text, not markup */
    char *t = trimmed("<div><p>a</p><script>var s = \"</div><p>x</p>\"; if (a<b) f();</script>"
                      "<style>p > b { color: red }</style><p>b</p></div>");
    assert_string_equal(t, "<div><p>a</p><script></script><style></style><p>b</p></div>");
    free(t);
}

static void test_html_trim_keeps_json_ld_and_cdata(void **state)
{
    (void)state;
    static const char ld[] = "<script type=\"application/ld+json\"><![CDATA[{\"@context\":\"https://schema.org\","
                             "\"@type\":\"NewsArticle\",\"headline\":\"A </p> <b> C\"}]]></script>";
    char *t = trimmed(ld);
    assert_string_equal(t, ld);
    free(t);
    static const char up[] = "<SCRIPT TYPE='Application/LD+JSON'>{\"name\":\"x\"}</SCRIPT>";
    t = trimmed(up);
    assert_string_equal(t, up);
    free(t);
}

static void test_html_trim_uppercase_and_attributes(void **state)
{
    (void)state;
    char *t = trimmed("<SCRIPT SRC=\"a.js\">x<y</SCRIPT >z<P CLASS=\"k\" data-x=\"1\" onclick='f(\">\")' "
                      "ID=q>t</P><img src=\"a.jpg\" srcset=\"a 1x, b 2x\" alt=\"A cat\"/>");
    /* a picture's src and srcset stay (html_emit.c reads them) */
    assert_string_equal(t, "<SCRIPT ></SCRIPT >z<P CLASS=\"k\" ID=q>t</P>"
                           "<img src=\"a.jpg\" srcset=\"a 1x, b 2x\" alt=\"A cat\"/>");
    free(t);
}

/* An attribute read on one kind of element only goes from the others (a
 * script's src, a stylesheet link's href, a frame's name); a style stays
 * only when it hides its element (the first: libxml2 keeps no other), and
 * a long link address is cut to what is read of it: its first bytes, a
 * hash of the whole (two links to one page stay alike, two to others
 * differ) and whether it names a picture file. */
static void test_html_trim_attributes_by_element(void **state)
{
    (void)state;
    char *t = trimmed("<script src=\"https://cdn.example.org/app.js\" type=\"module\"></script>"
                      "<link rel=\"stylesheet\" href=\"https://cdn.example.org/site.css\">"
                      "<meta name=\"author\" content=\"Ann Lee\"><iframe name=\"ad-frame\" src=\"x.html\"></iframe>"
                      "<div style=\"color: red\"><p style=\"Display : None\" style=\"color:red\">a</p></div>"
                      "<span style=\"margin:0\" style=\"display:none\">b</span>"
                      "<a href=\"https://news.example.org/2024/05/storm-hits-the-coast?utm=x&amp;y=2\">c</a>"
                      "<a href=\"https://img.example.org/photos/storm-large.JPG\">d</a>"
                      "<a href=\"#section-two-of-the-story\">e</a><a href=\"/short\">f</a>"
                      "<a href=\"https://a.example.org/?q=1&amp;r=2\">g</a><a href=\"https://a&amp;b.example.org/x\">h</a>");
    assert_string_equal(t, "<script type=\"module\"></script><link rel=\"stylesheet\" >"
                           "<meta name=\"author\" content=\"Ann Lee\"><iframe ></iframe>"
                           "<div ><p style=\"Display : None\" >a</p></div><span >b</span>"
                           "<a href=\"https://newdmOS\">c</a><a href=\"https://imgk7Aa.jpg\">d</a>"
                           "<a href=\"#section-twoMcg\">e</a><a href=\"/short\">f</a>"
                           "<a href=\"https://a.eMSAb\">g</a><a href=\"https://a&amp;b.example.org/x\">h</a>");
    free(t);
    t = trimmed("<a href=\"https://news.example.org/2024/05/storm\">a</a><a href=\"https://news.example.org/2024/05/storm\">b</a>"
                "<a href=\"https://news.example.org/2024/05/flood\">c</a>");
    assert_string_equal(t, "<a href=\"https://newgNEu\">a</a><a href=\"https://newgNEu\">b</a>"
                           "<a href=\"https://new_Opw\">c</a>");
    free(t);
}

/* A byte no attribute name starts with (a quote a broken value left, a
 * '/' not before '>'): libxml2 skips to the next blank, '>' or "/>"; the
 * trim drops those bytes and reads on (it stopped there, and the rest of
 * the page went to the parser whole). */
static void test_html_trim_bogus_attribute_bytes(void **state)
{
    (void)state;
    char *t = trimmed("<meta name=\"description\" content=\"Storm \" hits=\"\" coast.\"=\"\"/>"
                      "<p\"x\" class=\"a\" data-y=\"1\">t</p><span / x=1 role=main>v</span>");
    assert_string_equal(t, "<meta name=\"description\" content=\"Storm \" /><p class=\"a\" >t</p>"
                           "<span  role=main>v</span>");
    free(t);
}

/* Pictures: a figure's picture with its caption and credit, the srcset
 * candidate nearest the widest column, no logo, avatar or tracking pixel;
 * og:image opens a body that has no picture of its own. */
static void test_html_pictures(void **state)
{
    (void)state;
    static const char fox_page[] =
        "<html><head><title>Foxes in town</title><meta property=\"og:image\" content=\"lead.jpg\"></head><body>"
        "<img class=\"site-logo\" src=\"logo.png\" alt=\"Site logo\">"
        "<article><h1>Foxes in town</h1>"
        "<figure><img src=\"fox-480.jpg\" srcset=\"fox-480.jpg 480w, fox-1200.jpg 1200w, fox-3000.jpg 3000w\" alt=\"x\">"
        "<figcaption>A fox crosses the square at dawn. <span class=\"credit\">Photo: A. Reader</span></figcaption></figure>"
        "<p>Foxes have moved into the old town in numbers nobody expected, and the people who live there have "
        "mixed feelings about their new neighbours, who sleep all day and are loud all night long.</p>"
        "<img class=\"avatar\" src=\"me.jpg\" alt=\"The author\"><img src=\"t.gif\" width=\"1\" height=\"1\">"
        "<p>The council has counted more than forty dens within the walls, most of them under sheds and in the "
        "gardens of empty houses, and it says it will not move them while they harm no one at all.</p>"
        "</article></body></html>";
    article_t a;
    const char *why;
    assert_int_equal(html_clean(fox_page, sizeof fox_page - 1, &a, &why), 0);
    size_t pics = 0;
    for (size_t i = 0; i < a.nblocks; i++)
        if (a.blocks[i].kind == ARTICLE_BLOCK_PIC) {
            pics++;
            assert_string_equal(a.blocks[i].src, "fox-1200.jpg");
            assert_string_equal(a.blocks[i].text, "A fox crosses the square at dawn.");
            assert_string_equal(a.blocks[i].credit, "Photo: A. Reader");
        } else {
            assert_null(strstr(a.blocks[i].text, "Photo:"));
            assert_null(strstr(a.blocks[i].text, "The author"));
        }
    assert_int_equal(pics, 1);
    article_free(&a);
    /* a figcaption that is only a credit (its label hidden, glued to the
     * name): the credit, and the picture's description the caption */
    static const char credit_page[] =
        "<html><head><title>Winter games</title></head><body><article><h1>Winter games</h1>"
        "<figure><img src=\"xi.jpg\" alt=\"The leader staked his prestige on the games.\">"
        "<figcaption><span><span class=\"visually-hidden\">Credit</span>Kevin Frayer/Getty Images</span>"
        "</figcaption></figure>"
        "<p>Foxes have moved into the old town in numbers nobody expected, and the people who live there have "
        "mixed feelings about their new neighbours, who sleep all day and are loud all night long.</p>"
        "</article></body></html>";
    assert_int_equal(html_clean(credit_page, sizeof credit_page - 1, &a, &why), 0);
    pics = 0;
    for (size_t i = 0; i < a.nblocks; i++)
        if (a.blocks[i].kind == ARTICLE_BLOCK_PIC) {
            pics++;
            assert_string_equal(a.blocks[i].text, "The leader staked his prestige on the games.");
            assert_string_equal(a.blocks[i].credit, "Kevin Frayer/Getty Images");
        }
    assert_int_equal(pics, 1);
    article_free(&a);
    /* without the figure, the lead picture opens the body */
    static const char bare[] =
        "<html><head><title>Foxes</title><meta property=\"og:image\" content=\"lead.jpg\"></head><body><article>"
        "<p>Foxes have moved into the old town in numbers nobody expected, and the people who live there have "
        "mixed feelings about their new neighbours, who sleep all day and are loud all night long.</p>"
        "</article></body></html>";
    assert_int_equal(html_clean(bare, sizeof bare - 1, &a, &why), 0);
    assert_true(a.nblocks >= 2);
    assert_int_equal(a.blocks[0].kind, ARTICLE_BLOCK_PIC);
    assert_string_equal(a.blocks[0].src, "lead.jpg");
    assert_true(a.blocks[0].lead);
    /* relative to the page's folder; file: URLs too */
    assert_int_equal(article_resolve_pics(&a, "saved/foxes.html"), 0);
    assert_string_equal(a.blocks[0].src, "saved/lead.jpg");
    article_free(&a);
}

static void test_html_trim_stops_where_unsure(void **state)
{
    (void)state;
    /* an unterminated script, a comment that never ends, a control byte
     * in a tag, "</scripts>", an end tag at the very start of a script:
     * the rest is left alone */
    static const char *const keep[] = {
        "<p data-a=1>a</p><script>if (a < b) { <p data-b=2>",
        "<!-- <script>x</script> <p data-b=2>",
        "<div \"a\x01b\" data-b=2>",
    };
    char *t = trimmed(keep[0]);
    assert_string_equal(t, "<p >a</p><script>if (a < b) { <p data-b=2>");
    free(t);
    t = trimmed(keep[1]);
    assert_string_equal(t, keep[1]);
    free(t);
    t = trimmed(keep[2]);
    assert_string_equal(t, keep[2]);
    free(t);
    t = trimmed("<script>a</scripts>b</script><p data-b=2>");
    assert_string_equal(t, "<script></scripts>b</script><p data-b=2>");
    free(t);
    t = trimmed("<div><script></div>x</script><p data-b=2>");
    assert_string_equal(t, "<div><script></div>x</script><p data-b=2>");
    free(t);
    /* markup inside a comment is the comment's */
    t = trimmed("<!-- <script>x</script> --><p data-q=1>t</p>");
    assert_string_equal(t, "<!-- <script>x</script> --><p >t</p>");
    free(t);
}

static void test_html_trim_blank_runs_between_tags(void **state)
{
    (void)state;
    /* indentation between tags: its line ends, or one blank; not before
     * text ("<3") nor from a <pre> on */
    char *t = trimmed("<div>\n    <p>a</p>  \t <p>b </p> <3\r\n  <!-- c -->  \n\n  <pre>\n  <b>x</b>\n  </pre>\n  <p>");
    assert_string_equal(t, "<div>\n<p>a</p> <p>b </p> <3\r\n  <!-- c -->\n\n<pre>\n  <b>x</b>\n  </pre>\n  <p>");
    free(t);
}

/* The attributes the cleaner reads, and on which elements (NULL: any), as
 * html_trim.c's read_attrs lists them. */
static const struct {
    const char *name, *tags;
} read_attrs[] = {
    {"alt", " img "},       {"aria-hidden", NULL},   {"aria-modal", NULL},      {"class", NULL},
    {"colspan", NULL},      {"content", " meta "},   {"datatable", NULL},       {"datetime", " time "},
    {"data-src", " img "},  {"height", " img "},     {"hidden", NULL},          {"href", " a "},
    {"id", NULL},           {"itemprop", NULL},      {"name", " meta "},        {"property", " meta "},
    {"rel", NULL},          {"role", NULL},          {"rowspan", NULL},         {"src", " img "},
    {"srcset", " img source "}, {"style", NULL},     {"summary", NULL},         {"type", " script "},
    {"width", " img "},     {"lang", " html "},      {"xml:lang", " html "},    {"http-equiv", " meta "},
    {NULL, NULL},
};

/* What the cleaner reads of attribute a (named name) on element x: its
 * value, or only what html_score.c's visible() and the link checks read
 * of a style and an address; NULL when nothing. */
static const char *read_of(const xmlNode *x, const char *name, const char *v, char *buf, size_t cap)
{
    const char *tags = NULL;
    int read = 0;
    for (size_t r = 0; read_attrs[r].name && !read; r++)
        if (!strcasecmp(read_attrs[r].name, name)) {
            read = 1;
            tags = read_attrs[r].tags;
        }
    if (read && tags) {
        char t[64];
        snprintf(t, sizeof t, " %s ", (const char *)x->name);
        read = strstr(tags, t) != NULL;
    }
    if (!read)
        return NULL;
    if (!strcasecmp(name, "style")) {
        char low[256];
        size_t k = 0;
        for (const char *p = v; *p && k + 1 < sizeof low; p++)
            if (!strchr(" \t\n\r\f\v", *p))
                low[k++] = (char)tolower((unsigned char)*p);
        low[k] = '\0';
        return strstr(low, "display:none") || strstr(low, "visibility:hidden") ? "hides" : NULL;
    }
    if (!strcasecmp(name, "href")) {
        snprintf(buf, cap, "%.11s %d", v, html_picture_url(v, strcspn(v, "?#")));
        return buf;
    }
    return v;
}

static xmlDoc *parse_as_cleaner(const char *s, size_t n)
{
    return htmlReadMemory(s, (int)n, NULL, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
}

/* The tree as the cleaner sees it, one node a line: script and style
 * bodies (but JSON-LD) and unread attributes left out. */
static void dump_tree(FILE *f, const xmlNode *x, int depth)
{
    for (; x; x = x->next) {
        fprintf(f, "%d %d %s", depth, (int)x->type, x->name ? (const char *)x->name : "");
        if (x->type != XML_ELEMENT_NODE) {
            /* a run of blanks as html_trim_unread may cut it: its line
             * ends, or one space */
            fputs(" [", f);
            for (const char *p = x->content ? (const char *)x->content : ""; *p;) {
                size_t b = strspn(p, " \t\r\n");
                if (!b) {
                    fputc(*p++, f);
                    continue;
                }
                size_t lines = 0;
                for (size_t k = 0; k < b; k++)
                    if (p[k] == '\n' || p[k] == '\r')
                        fputc(p[k], f), lines++;
                if (!lines)
                    fputc(' ', f);
                p += b;
            }
            fputs("]\n", f);
            continue;
        }
        const char *type = "";
        for (const xmlAttr *a = x->properties; a; a = a->next) {
            const char *v = a->children && a->children->content ? (const char *)a->children->content : "";
            v = html_trim_value(x, v);
            char buf[64];
            const char *r = read_of(x, (const char *)a->name, v, buf, sizeof buf);
            if (r)
                fprintf(f, " %s=[%s]", a->name, r);
            if (!strcasecmp((const char *)a->name, "type"))
                type = v;
        }
        fputc('\n', f);
        int raw = !strcasecmp((const char *)x->name, "style") ||
                  (!strcasecmp((const char *)x->name, "script") && strcasecmp(type, "application/ld+json"));
        if (!raw)
            dump_tree(f, x->children, depth + 1);
    }
}

static char *tree_of(const char *s, size_t n, char *vals)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    xmlDoc *d = parse_as_cleaner(s, n);
    html_trim_unpack(d, vals);
    if (d)
        dump_tree(f, xmlDocGetRootElement(d), 0);
    xmlFreeDoc(d);
    fclose(f);
    return out;
}

static void test_html_trim_same_tree(void **state)
{
    (void)state;
    /* libxml2's tree of each page, before and after, as the cleaner reads it */
    static const char *const pages[] = {
        page,
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x.dtd\"><?xml-stylesheet x?>"
        "<html><head><title>T</title><style>b{}</style><script>a=\"<!--\";</script></head><body>"
        "<div class=\"a\" data-x=\"1\"><p>x < y <3 <.z> <!x> </ p> &amp; </p><script/>after</div>",
        "<div><script><!--\ndocument.write('<div class=\"x\">');\n//--></script>t</div>",
        "<p>a<!-- c --!>b</p><p>c<!-- d -->e</p><!---->f<!--->g-->h",
        "<div><style><body>x</style>y</div><div><script><noscript>z</script>w</div>",
        "<div><script>a</div>b</script>c</div><style>d</stylex>e</style>f",
        "<table><tr><td data-x=a rowspan=2 colspan='3'>t</td></tr></table><a href=#x data-y>l</a>",
        "<div a=\"1\"data-b=\"2\"class=\"c\">x</div><br data-x=y/>z<div hidden data-x role=main>w</div>",
        "<div><SCRIPT type=\"text/template\"><p>{{x}}</p></SCRIPT><StYlE>p{}</sTyLe>v</div>",
        "<title>Storm <script>x()</script> coast</title><h1>A<style>b{}</style>B</h1>",
        "<p>unterminated <script>var a = '<p>x</p>';",
        "<p>unterminated <!-- comment <p>x</p>",
        "<svg><style>.a{}</style><path d=\"M0 0\"/><title>Share</title></svg><p>t</p>",
        "<html>\n  <head>\n    <title> T </title>\n  </head>\n  <body>\n <!-- c -->\n\t<div>\n\n    <p>a <b>b</b>  \n"
        "  <i>c</i></p>   <span>x</span> \t <3 \n </q>   <ul>\n  <li>1</li>\r\n  <li>2</li>  </ul>\n"
        "    <pre>\n  <b>code</b>\n    <i>more</i>\n  </pre>\n    <p>after</p>\n  </div>\n  </body>\n</html>\n",
        "<table>\n  <tr>\n    <td>a</td>\n    <td>b</td>\n  </tr>\n</table>\n<div>\n  <textarea>\n  <b>x</b>  </textarea>  <p>y</p></div>",
        "<html lang=\"en\"><head><script src=\"a.js\" type=\"text/javascript\"></script><link rel=\"icon\" href=\"/favicon-32x32.png\">"
        "<meta property=\"og:title\" content=\"T\"></head><body><div style=\"margin: 0 auto; padding: 4px\" name=\"x\">"
        "<p STYLE=\"visibility: hidden\" style=\"color: red\">h</p><p style=\"color:red\" Style=\"display:none\">v</p>"
        "<a href=\"https://example.org/a/long/path/to/a/story.html?from=home&amp;pos=3#comments\">s</a>"
        "<a href='https://example.org/images/a-long-name.webp'>p</a><a href=\"#footnote-number-one\">n</a>"
        "<a href=\"mailto:someone@example.org?subject=hello\">m</a><a href=\"https://example.org/caf\xc3\xa9s/\">u</a>"
        "<img src=\"https://example.org/p.jpg\" alt=\"a\" width=\"300\"><iframe src=\"v.html\" width=\"300\"></iframe>"
        "<time datetime=\"2024-05-01\">May</time><span datetime=\"x\" content=\"y\">z</span></div></body></html>",
        "<meta name=\"description\" content=\"Storm \" hits=\"\" the=\"\" coast.\"=\"\"/><p\"x\" class=\"a\">t</p>"
        "<div class=\"b\"\"q\" id=c>u</div><p class=d \"e\"/><span / x=1 role=main>v</span><i class=f/g>w</i>"
        "<b ==x id=h>y</b><em \"a b\" title='t' class=\"k\">z</em><img/src=\"p.jpg\" alt=\"A\"><p>after</p>",
        /* an attribute dropped close after the last bytes dropped: the
         * tag's name is still known for the ones read on an <img> */
        "<div>\n <img data-x=\"1\" alt=\"hello\" src=\"a.jpg\"></div><div>\n <a data-y=\"2\" href=\"/a/long/path/to/a/story.html\">s</a></div>",
        /* texts libxml2 joins: across an end tag it ignores, a '<' that is
         * text, an entity */
        "<html><head><title>A long title of a page</title></head><body class=\"article-body\">"
        "<p>one two three</foo>four five six<3 seven eight nine</p><b>bold text here</b>tail text &amp; more"
        "<div id=\"story-main\">stray text in a div</div>\f form feed text here<p>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        size_t n = strlen(pages[i]);
        char *s = strdup(pages[i]);
        assert_non_null(s);
        size_t tn = html_trim_unread(s, n);
        assert_true(tn <= n);
        char *a = tree_of(pages[i], n, NULL), *b = tree_of(s, tn, NULL);
        if (strcmp(a, b))
            fprintf(stderr, "page %zu:\n%s\n---- trimmed:\n%s\n", i, a, b);
        assert_string_equal(a, b);
        /* the values moved out read the same through the tokens */
        char *vals = NULL;
        memcpy(s, pages[i], n + 1);
        size_t pn = html_trim_pack(s, n, &vals);
        assert_true(pn <= tn);
        char *c = tree_of(s, pn, vals);
        if (strcmp(a, c))
            fprintf(stderr, "page %zu:\n%s\n---- packed:\n%s\n", i, a, c);
        assert_string_equal(a, c);
        free(vals);
        free(a);
        free(b);
        free(c);
        free(s);
    }
}

static void test_html_trim_pack_moves_values(void **state)
{
    (void)state;
    /* a long class name leaves a token; a value with an entity, a
     * <meta>'s content and a short value stay as written */
    char s[] = "<meta name=\"description\" content=\"A storm hits the coast\"><div class=\"story-body__inner\">"
               "<a href=\"/x?a=1&amp;b=2\" rel=\"nofollow\">l</a><p class=\"a\">t</p></div>";
    char *vals = NULL;
    size_t n = html_trim_pack(s, strlen(s), &vals);
    assert_non_null(vals);
    assert_string_equal(vals, "story-body__inner");
    assert_string_equal(vals + strlen(vals) + 1, "nofollow");
    assert_int_equal(n, strlen(s));
    assert_non_null(strstr(s, "<div class=\"\xef\xb7\x90" "0\">"));
    assert_non_null(strstr(s, "content=\"A storm hits the coast\""));
    assert_non_null(strstr(s, "href=\"/x?a=1&amp;b=2\""));
    assert_non_null(strstr(s, "<p class=\"a\">"));
    free(vals);
    /* a page with the token's mark in it keeps all its values */
    char m[] = "<div class=\"story-body__inner\">\xef\xb7\x90</div>";
    vals = NULL;
    html_trim_pack(m, strlen(m), &vals);
    assert_null(vals);
    assert_non_null(strstr(m, "story-body__inner"));
    /* and one with a reference to it */
    char r[] = "<div class=\"story-body__inner\">&#x0fDd0;</div>";
    vals = NULL;
    html_trim_pack(r, strlen(r), &vals);
    assert_null(vals);
    char d[] = "<div class=\"story-body__inner\">&#64979;</div>";
    html_trim_pack(d, strlen(d), &vals);
    assert_null(vals);
    /* U+FDD4 is no mark */
    char e[] = "<div class=\"story-body__inner\">&#xFDD4;</div>";
    html_trim_pack(e, strlen(e), &vals);
    assert_non_null(vals);
    free(vals);
    /* a text between tags moves too, but one with an entity */
    char x[] = "<p>The harbour strike goes on</p><p>Fish &amp; chips</p>";
    size_t xn = html_trim_pack(x, strlen(x), &vals);
    assert_non_null(vals);
    assert_string_equal(vals, "The harbour strike goes on");
    assert_int_equal(xn, strlen(x));
    assert_non_null(strstr(x, "<p>Fish &amp; chips</p>"));
    free(vals);
}

static void test_html_title_with_script_inside(void **state)
{
    (void)state;
    /* doc_title reads the <title> with all it holds, scripts too: such a
     * page is parsed untrimmed */
    static const char p[] = "<html><head><title>Storm <script>document.write(\"hits\")</script> coast</title>"
                            "</head><body><div><p>" PARA1 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    /* a call's string is code: its quotes stay straight */
    assert_string_equal(a.title, "Storm document.write(\"hits\") coast");
    article_free(&a);
}

/* ---- html_arena: a page's libxml2 memory ------------------------------------ */

/* markup errors: libxml2 notes the last one for the thread */
static const char arena_page[] = "<html><head><title>Port strike</title></head><body><div><p>" PARA1
                                 "</b></p><p>" PARA1 "</span></div></i></body></html>";

static void *clean_arena_page(void *arg)
{
    const char *why;
    return (void *)(intptr_t)html_clean(arena_page, sizeof arena_page - 1, arg, &why);
}

static void test_html_arena_per_thread(void **state)
{
    (void)state;
    article_t one;
    assert_null(clean_arena_page(&one));
    assert_true(one.nblocks >= 2);
    /* what libxml2 kept of the page (its last error's strings, from the
     * arena) went with the arena */
    assert_null(xmlGetLastError());
    assert_int_equal(html_arena_live(), 0);
    /* four threads at once, an arena each: the same article */
    pthread_t t[4];
    article_t a[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, clean_arena_page, &a[i]), 0);
    for (int i = 0; i < 4; i++) {
        void *rc;
        assert_int_equal(pthread_join(t[i], &rc), 0);
        assert_null(rc);
        assert_int_equal(a[i].nblocks, one.nblocks);
        for (size_t k = 0; k < one.nblocks; k++)
            assert_string_equal(a[i].blocks[k].text, one.blocks[k].text);
        article_free(&a[i]);
    }
    article_free(&one);
}

static void test_html_download_file_note_dropped(void **state)
{
    (void)state;
    /* The type and size a site notes after a download link go; the link,
     * which names the document, and a sentence about the file stay. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p>"
        "<p>The council has published its findings: <a href=\"/report.pdf\">Harbour report 2023</a> "
        "<span class=\"info\">PDF | 38 KB | not accessible</span></p>"
        "<p>Or read the summary: <a href=\"/summary.pdf\">Summary</a><small>(PDF, 1,2 MB)</small></p>"
        "<p>The plans: <a href=\"/plans.pdf\">Plans</a> <span>PDF files of 40 pages, one per quay.</span></p>"
        "</div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "Harbour report 2023"));
    assert_false(body_has(&a, "38 KB"));
    assert_true(body_has(&a, "Summary"));
    assert_false(body_has(&a, "1,2 MB"));
    assert_true(body_has(&a, "PDF files of 40 pages"));
    article_free(&a);
}

static void test_html_lines_above_the_headline_dropped(void **state)
{
    (void)state;
    /* The text's own copy of the headline near its top: the short lines
     * above it (the section, the issue, the price) are the page's header
     * and go; a picture alone above it stays. A paragraph of text above
     * it keeps everything. */
    static const char p[] =
        "<html><head><title>Ferry fares will rise again in the spring</title></head><body>"
        "<div class=\"article\"><table><tr><td><div><b>Harbour affairs</b><br><img src=\"/issue.jpg\" "
        "alt=\"Cover of the issue\"><b>Issue 72, spring 2023</b><br><b>6,90 euros</b></div></td>"
        "<td><p><img src=\"/ferry.jpg\" alt=\"The ferry at the quay at dawn\"></p><p><strong>Ferry fares will rise again in the spring</strong></p>"
        "<p>" PARA1 "</p><p>" PARA2 "</p><p>" PARA3 "</p></td></tr></table></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_true(body_has(&a, "The ferry at the quay at dawn"));
    assert_false(body_has(&a, "Harbour affairs"));
    assert_false(body_has(&a, "Issue 72"));
    assert_false(body_has(&a, "6,90 euros"));
    article_free(&a);

    static const char text_first[] =
        "<html><head><title>Ferry fares will rise again in the spring</title></head><body>"
        "<div class=\"article\"><p><b>Harbour affairs</b></p><p>" PARA1 "</p>"
        "<p><strong>Ferry fares will rise again in the spring</strong></p>"
        "<p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    assert_int_equal(html_clean(text_first, strlen(text_first), &a, NULL), 0);
    assert_true(body_has(&a, "Harbour affairs"));
    article_free(&a);
}

static void test_html_heading_over_an_embed_dropped(void **state)
{
    (void)state;
    /* A heading over a box with nothing we can show (a live ticker's, a
     * player's) up to the next heading of its rank goes; a heading over a
     * picture stays, and so does one the next heading follows directly. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<p>" PARA1 "</p><h2>Strike talks, live: minute by minute</h2>"
        "<div class=\"ticker-widget\"><live-ticker match=\"12\"></live-ticker></div>"
        "<h2>The dock at dawn</h2><img src=\"/dock.jpg\" alt=\"The dock at dawn, empty\">"
        "<h2>What the union wants</h2><h2>Pay</h2>"
        "<p>" PARA2 "</p><p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "minute by minute"));
    assert_true(body_has(&a, "The dock at dawn"));
    assert_true(body_has(&a, "What the union wants"));
    article_free(&a);
}

static void test_html_file_name_caption_dropped(void **state)
{
    (void)state;
    /* The text under a picture that only spells its file name goes; a
     * caption that says more stays. */
    static const char p[] =
        "<html><head><title>Harbour</title></head><body><div class=\"article\">"
        "<div class=\"lead\"><a href=\"/up/Harbour-Strike-at-the-Gates.jpg\"><img "
        "src=\"/up/Harbour-Strike-at-the-Gates-300x225.jpg\"></a><br>Harbour Strike at the Gates</div>"
        "<p>" PARA1 "</p><p>" PARA2 "</p>"
        "<div><img src=\"/up/dock_workers.jpg\"><br>Dock workers outside the gates on Tuesday</div>"
        "<p>" PARA3 "</p></div></body></html>";
    article_t a;
    assert_int_equal(html_clean(p, strlen(p), &a, NULL), 0);
    assert_true(body_has(&a, "into the winter"));
    assert_false(body_has(&a, "Harbour Strike at the Gates"));
    assert_true(body_has(&a, "Dock workers outside the gates on Tuesday"));
    article_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_metadata_from_meta_and_title),
        cmocka_unit_test(test_html_language_of_the_page),
        cmocka_unit_test(test_html_main_text_without_chrome),
        cmocka_unit_test(test_html_teasers_and_tail_in_the_article_markup),
        cmocka_unit_test(test_html_lead_outside_the_article_body),
        cmocka_unit_test(test_html_one_paragraph_text_over_its_header),
        cmocka_unit_test(test_html_header_paragraph_the_text_says_again),
        cmocka_unit_test(test_html_text_set_in_an_aside),
        cmocka_unit_test(test_html_label_of_the_box_after_it_stays),
        cmocka_unit_test(test_html_edges_left_without_their_content),
        cmocka_unit_test(test_html_credit_ending_a_caption),
        cmocka_unit_test(test_html_lone_link_paragraph),
        cmocka_unit_test(test_html_lone_link_that_reads_as_a_sentence),
        cmocka_unit_test(test_html_headline_list_before_the_text),
        cmocka_unit_test(test_html_link_between_pointer_marks),
        cmocka_unit_test(test_html_links_in_a_promo_paragraph),
        cmocka_unit_test(test_html_bar_of_links),
        cmocka_unit_test(test_html_list_of_tags),
        cmocka_unit_test(test_html_ten_headlines_after_the_text),
        cmocka_unit_test(test_html_teaser_list_after_the_text),
        cmocka_unit_test(test_html_labelled_headlines_after_the_text),
        cmocka_unit_test(test_html_box_ending_in_a_button_dropped),
        cmocka_unit_test(test_html_credit_word_ending_its_box_dropped),
        cmocka_unit_test(test_html_bracketed_more_link_dropped),
        cmocka_unit_test(test_html_site_name_heading_dropped),
        cmocka_unit_test(test_html_sources_tail_dropped),
        cmocka_unit_test(test_html_teaser_of_another_page),
        cmocka_unit_test(test_html_long_heading_over_nothing_at_the_end),
        cmocka_unit_test(test_html_author_box_and_disclaimer_dropped),
        cmocka_unit_test(test_html_post_author_box_dropped),
        cmocka_unit_test(test_html_link_box_dropped),
        cmocka_unit_test(test_html_affiliate_box_dropped),
        cmocka_unit_test(test_html_calendar_dropped),
        cmocka_unit_test(test_html_wiki_nav_frame_dropped),
        cmocka_unit_test(test_html_credits_box_dropped),
        cmocka_unit_test(test_html_widget_heading_goes_with_its_box),
        cmocka_unit_test(test_html_address_dropped),
        cmocka_unit_test(test_html_no_lead_from_a_caption_or_an_author_box),
        cmocka_unit_test(test_html_lead_that_opens_as_the_text_does),
        cmocka_unit_test(test_html_date_lines_in_the_text),
        cmocka_unit_test(test_html_date_line_among_facts),
        cmocka_unit_test(test_html_facts_list_in_meta_box),
        cmocka_unit_test(test_html_signed_meta_line_anywhere),
        cmocka_unit_test(test_html_permalink_line_dropped),
        cmocka_unit_test(test_html_contact_block_dropped),
        cmocka_unit_test(test_html_contact_label_without_colon),
        cmocka_unit_test(test_html_legal_notice_ends_no_text),
        cmocka_unit_test(test_html_affiliate_disclosure_dropped),
        cmocka_unit_test(test_html_ad_labels_dropped),
        cmocka_unit_test(test_html_download_calls_dropped),
        cmocka_unit_test(test_html_follow_prompt_ends_no_text),
        cmocka_unit_test(test_html_reader_prompt_ends_no_text),
        cmocka_unit_test(test_html_rating_prompt_goes_with_its_widget),
        cmocka_unit_test(test_html_gallery_pages_shown),
        cmocka_unit_test(test_html_link_cards_dropped),
        cmocka_unit_test(test_html_names_under_a_letter),
        cmocka_unit_test(test_html_short_lines_in_paragraph_wrappers),
        cmocka_unit_test(test_html_tail_heading_before_more_text),
        cmocka_unit_test(test_html_further_links_and_reading_tips_headings),
        cmocka_unit_test(test_html_discover_more_heading_ends_the_text),
        cmocka_unit_test(test_html_teaser_page_from_its_description),
        cmocka_unit_test(test_html_short_post_not_traded_for_chrome),
        cmocka_unit_test(test_html_text_only_without_scripts),
        cmocka_unit_test(test_html_recipe_ingredients_from_json_ld),
        cmocka_unit_test(test_html_recipe_own_boxes),
        cmocka_unit_test(test_html_short_code_in_a_wrapper),
        cmocka_unit_test(test_html_responsive_hidden_is_shown),
        cmocka_unit_test(test_html_subtitle_under_headline),
        cmocka_unit_test(test_html_caption_that_is_the_description),
        cmocka_unit_test(test_html_recipe_line_blank_before_comma),
        cmocka_unit_test(test_html_paragraph_beside_the_text_box),
        cmocka_unit_test(test_html_standfirst_deep_in_a_head_box),
        cmocka_unit_test(test_html_sections_of_one_kind_together),
        cmocka_unit_test(test_html_subheading_like_title_kept),
        cmocka_unit_test(test_html_standfirst_under_headline),
        cmocka_unit_test(test_html_text_in_negative_wrappers_kept),
        cmocka_unit_test(test_html_figure_keeps_its_caption_not_its_credit),
        cmocka_unit_test(test_html_call_to_action_picture_says_nothing),
        cmocka_unit_test(test_html_hint_to_enlarge_a_picture),
        cmocka_unit_test(test_html_block_kinds_and_inline_styles),
        cmocka_unit_test(test_html_json_ld_and_time),
        cmocka_unit_test(test_html_references_left_in_fields),
        cmocka_unit_test(test_html_article_only_in_json_ld),
        cmocka_unit_test(test_html_charset_latin1_and_meta),
        cmocka_unit_test(test_html_text_normalised),
        cmocka_unit_test(test_html_deep_nesting_bounded),
        cmocka_unit_test(test_html_huge_page_bounded),
        cmocka_unit_test(test_html_input_refuses_binary_and_names_reason),
        cmocka_unit_test(test_html_input_sniffs_kind),
        cmocka_unit_test(test_html_retries_when_heuristics_remove_everything),
        cmocka_unit_test(test_html_trim_script_strings_with_markup),
        cmocka_unit_test(test_html_trim_keeps_json_ld_and_cdata),
        cmocka_unit_test(test_html_trim_uppercase_and_attributes),
        cmocka_unit_test(test_html_trim_attributes_by_element),
        cmocka_unit_test(test_html_trim_bogus_attribute_bytes),
        cmocka_unit_test(test_html_trim_stops_where_unsure),
        cmocka_unit_test(test_html_trim_blank_runs_between_tags),
        cmocka_unit_test(test_html_arena_per_thread),
        cmocka_unit_test(test_html_pictures),
        cmocka_unit_test(test_html_trim_same_tree),
        cmocka_unit_test(test_html_trim_pack_moves_values),
        cmocka_unit_test(test_html_title_with_script_inside),
        cmocka_unit_test(test_html_download_file_note_dropped),
        cmocka_unit_test(test_html_lines_above_the_headline_dropped),
        cmocka_unit_test(test_html_heading_over_an_embed_dropped),
        cmocka_unit_test(test_html_file_name_caption_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

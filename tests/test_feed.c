/* SPDX-License-Identifier: MIT */
/* test_feed.c: RSS 2.0 and Atom feeds: one article per item with the feed's
 * title, date, author and category; HTML content cleaned; truncated and
 * broken feeds. Inputs inline; run from the repo root. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "feed.h"
#include "input.h"

static const char rss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Valley Gazette</title><language>en-gb</language>"
    "<item><title>Bridge reopens after repairs</title><link>https://example.org/bridge</link>"
    "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><dc:creator>Mia Holt</dc:creator>"
    "<category>Local</category><description>Short teaser only.</description>"
    "<content:encoded><![CDATA[<p>The old bridge <em>reopened</em> on Monday after two years of repairs.</p>"
    "<div class=\"share\"><a href=\"#\">Share</a></div><h2>Traffic</h2><p>Drivers queued from dawn.</p>"
    "<script>track()</script>]]></content:encoded></item>"
    "<item><title>Library extends hours</title><pubDate>Wed, 11 Jun 2003 08:00:00 +0200</pubDate>"
    "<description>&lt;p&gt;The library will open until ten at night from July.&lt;/p&gt;</description></item>"
    "</channel></rss>";

static void test_feed_rss_items_become_articles(void **state)
{
    (void)state;
    article_list_t l = { 0 };
    const char *why = NULL;
    assert_int_equal(feed_parse(rss, strlen(rss), &l, &why), 2);
    article_t *a = &l.v[0];
    assert_string_equal(a->title, "Bridge reopens after repairs");
    assert_string_equal(a->date, "2003-06-10");
    assert_string_equal(a->byline, "Mia Holt");
    assert_string_equal(a->section, "Local");
    assert_string_equal(a->source, "Valley Gazette");
    assert_string_equal(a->lang, "en-GB"); /* the channel's <language> */
    /* content:encoded wins over description; scripts and share widgets go */
    assert_int_equal(a->nblocks, 3);
    assert_string_equal(a->blocks[0].text, "The old bridge \x10reopened\x11 on Monday after two years of repairs.");
    assert_int_equal(a->blocks[1].kind, ARTICLE_BLOCK_SUBHEAD);
    assert_string_equal(a->blocks[2].text, "Drivers queued from dawn.");
    /* escaped HTML in description */
    assert_string_equal(l.v[1].blocks[0].text, "The library will open until ten at night from July.");
    assert_string_equal(l.v[1].date, "2003-06-11");
    article_list_free(&l);
}

static void test_feed_atom_entries(void **state)
{
    (void)state;
    static const char atom[] =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\"><title>Night Desk</title>"
        "<entry><title type=\"html\">Storm &lt;b&gt;warning&lt;/b&gt;</title>"
        "<link rel=\"alternate\" href=\"https://example.org/storm\"/><published>2021-02-03T10:00:00Z</published>"
        "<author><name>Lea Roux</name></author><category term=\"Weather\"/>"
        "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Winds of 120 km/h are expected.</p>"
        "<blockquote><p>Stay indoors.</p></blockquote></div></content></entry>"
        "<entry xml:lang=\"de\"><title>Plain</title><updated>2021-02-04T00:00:00Z</updated>"
        "<content type=\"text\">First paragraph.\n\nSecond paragraph.</content></entry></feed>";
    article_list_t l = { 0 };
    const char *why = NULL;
    assert_int_equal(feed_parse(atom, strlen(atom), &l, &why), 2);
    assert_string_equal(l.v[0].title, "Storm warning");
    assert_string_equal(l.v[0].date, "2021-02-03");
    assert_string_equal(l.v[0].byline, "Lea Roux");
    assert_string_equal(l.v[0].section, "Weather");
    assert_string_equal(l.v[0].lang, "fr"); /* xml:lang of the feed, inherited */
    assert_string_equal(l.v[1].lang, "de"); /* its own */
    assert_string_equal(l.v[0].blocks[0].text, "Winds of 120 km/h are expected.");
    assert_int_equal(l.v[0].blocks[1].kind, ARTICLE_BLOCK_QUOTE);
    assert_int_equal(l.v[1].nblocks, 2);
    assert_string_equal(l.v[1].blocks[1].text, "Second paragraph.");
    article_list_free(&l);
}

/* An item's picture: media:content (the widest of a media:group) with its
 * description and credit, or an image enclosure; not a thumbnail, not an
 * audio enclosure, not Atom's own <content>. */
static void test_feed_pictures(void **state)
{
    (void)state;
    const char *mrss =
        "<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Desk</title>"
        "<item><title>One</title><guid>1</guid><description>The first story, told at some length so that it "
        "stands as a paragraph of its own.</description><media:group>"
        "<media:content url=\"small.jpg\" medium=\"image\" width=\"320\"/>"
        "<media:content url=\"big.jpg\" medium=\"image\" width=\"1600\"/>"
        "<media:description>Fog on the river</media:description><media:credit>A. Reader</media:credit>"
        "</media:group><media:thumbnail url=\"thumb.jpg\"/></item>"
        "<item><title>Two</title><guid>2</guid><description>The second story.</description>"
        "<enclosure url=\"talk.mp3\" type=\"audio/mpeg\" length=\"1\"/>"
        "<enclosure url=\"photo.webp\" type=\"image/webp\" length=\"1\"/></item>"
        "<item><title>Three</title><guid>3</guid><description>No picture here.</description></item>"
        "</channel></rss>";
    article_list_t l = { 0 };
    const char *why;
    assert_int_equal(feed_parse(mrss, strlen(mrss), &l, &why), 3);
    assert_int_equal(l.v[0].blocks[0].kind, ARTICLE_BLOCK_PIC);
    assert_string_equal(l.v[0].blocks[0].src, "big.jpg");
    assert_string_equal(l.v[0].blocks[0].text, "Fog on the river");
    assert_string_equal(l.v[0].blocks[0].credit, "A. Reader");
    assert_true(l.v[0].blocks[0].lead);
    assert_int_equal(l.v[1].blocks[0].kind, ARTICLE_BLOCK_PIC);
    assert_string_equal(l.v[1].blocks[0].src, "photo.webp");
    for (size_t i = 0; i < l.v[2].nblocks; i++)
        assert_int_not_equal(l.v[2].blocks[i].kind, ARTICLE_BLOCK_PIC);
    article_list_free(&l);
    const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>E</title><id>e</id>"
                       "<content type=\"html\" url=\"x.jpg\">&lt;p&gt;Text of the entry.&lt;/p&gt;</content></entry></feed>";
    assert_int_equal(feed_parse(atom, strlen(atom), &l, &why), 1);
    for (size_t i = 0; i < l.v[0].nblocks; i++)
        assert_int_not_equal(l.v[0].blocks[i].kind, ARTICLE_BLOCK_PIC);
    article_list_free(&l);
}

static void test_feed_truncated_gives_whole_items(void **state)
{
    (void)state;
    /* cut in the middle of the second item */
    size_t cut = (size_t)(strstr(rss, "Library extends") - rss);
    article_list_t l = { 0 };
    const char *why = NULL;
    int n = feed_parse(rss, cut, &l, &why);
    assert_true(n >= 1);
    assert_string_equal(l.v[0].title, "Bridge reopens after repairs");
    article_list_free(&l);
}

static void test_feed_broken_named_with_reason(void **state)
{
    (void)state;
    article_list_t l = { 0 };
    const char *why = NULL;
    static const char empty[] = "<rss version=\"2.0\"><channel><title>x</title></channel></rss>";
    assert_int_equal(feed_parse(empty, strlen(empty), &l, &why), -1);
    assert_non_null(why);
    assert_int_equal(l.n, 0);
    why = NULL;
    static const char junk[] = "<rss \x01\x02\x03";
    assert_int_equal(feed_parse(junk, strlen(junk), &l, &why), -1);
    assert_non_null(why);
    /* through input: sniffed as a feed */
    assert_int_equal(input_load_mem(rss, strlen(rss), &l, &why), 2);
    article_list_free(&l);
}

static void test_feed_dates(void **state)
{
    (void)state;
    char *d = feed_date("Sun, 1 Jan 2023 00:00:00 GMT");
    assert_string_equal(d, "2023-01-01");
    free(d);
    d = feed_date("2020-12-31T23:59:59+01:00");
    assert_string_equal(d, "2020-12-31");
    free(d);
    assert_null(feed_date("yesterday"));
    assert_null(feed_date("2020-13-01"));
}


/* Every input kind gets the same typography, in the language its input
 * says or its text shows: headline, byline and body. */
static void test_input_every_kind_same_typography(void **state)
{
    (void)state;
    static const char txt[] =
        "Minister's \"last\" word\n\n"
        "\"It's over,\" the minister said on Tuesday - and the crowd that had waited since the '90s went home.\n\n"
        "The decision was taken after a long night of talks with the unions and the employers of the port.\n";
    static const char page[] =
        "<html lang=\"de\"><head><title>Der \"letzte\" Satz</title><meta name=\"author\" content=\"Jo O'Neil\">"
        "</head><body><article><p>Der Minister sagte am Dienstag \"es ist vorbei\" und die Menge ging nach "
        "Hause, nachdem sie seit dem Morgen vor dem Hafen gewartet hatte.</p></article></body></html>";
    static const char feed[] =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Le Journal</title><language>fr-FR</language>"
        "<item><title>Le \"dernier\" mot</title><description>Le ministre a dit \"c'est fini\" mardi, et la foule "
        "est partie.</description></item></channel></rss>";
    article_list_t l = { 0 };
    const char *why = NULL;
    assert_int_equal(input_load_mem(txt, strlen(txt), &l, &why), 1);
    assert_int_equal(input_load_mem(page, strlen(page), &l, &why), 1);
    assert_int_equal(input_load_mem(feed, strlen(feed), &l, &why), 1);
    assert_string_equal(l.v[0].title, "Minister\u2019s \u201clast\u201d word");
    assert_string_equal(l.v[0].lang, "en");
    assert_string_equal(l.v[0].blocks[0].text, "\u201cIt\u2019s over,\u201d the minister said on Tuesday \u2013 and the "
                                               "crowd that had waited since the \u201990s went home.");
    assert_string_equal(l.v[1].title, "Der \u201eletzte\u201c Satz");
    assert_string_equal(l.v[1].byline, "Jo O\u2019Neil");
    assert_string_equal(l.v[1].blocks[0].text, "Der Minister sagte am Dienstag \u201ees ist vorbei\u201c und die Menge "
                                               "ging nach Hause, nachdem sie seit dem Morgen vor dem Hafen gewartet hatte.");
    assert_string_equal(l.v[2].lang, "fr-FR");
    assert_string_equal(l.v[2].title, "Le \u00ab\u202fdernier\u202f\u00bb mot");
    assert_string_equal(l.v[2].blocks[0].text, "Le ministre a dit \u00ab\u202fc\u2019est fini\u202f\u00bb mardi, et la foule "
                                               "est partie.");
    article_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_feed_rss_items_become_articles),
        cmocka_unit_test(test_input_every_kind_same_typography),
        cmocka_unit_test(test_feed_atom_entries),
        cmocka_unit_test(test_feed_truncated_gives_whole_items),
        cmocka_unit_test(test_feed_pictures),
        cmocka_unit_test(test_feed_broken_named_with_reason),
        cmocka_unit_test(test_feed_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_fetch.c: the parts of `inkpress fetch` that need no network:
 * robots.txt rules, the FEEDS list (plain and OPML), a feed's items as the
 * fetcher sees them (full text or summary, ids, times, the transport's
 * charset), the cache folder and the list of packed items. The network half
 * is tests/fetch.sh, against local servers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fcache.h"
#include "feed.h"
#include "feedlist.h"
#include "robots.h"

static robots_t *rob(const char *txt)
{
    robots_t *r = robots_parse(txt, strlen(txt), "inkpress");
    assert_non_null(r);
    return r;
}

static void test_robots_star_group_and_longest_match(void **state)
{
    (void)state;
    robots_t *r = rob("# a comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\n"
                      "Disallow: /*.pdf$\nCrawl-delay: 2.5\n\nUser-agent: OtherBot\nDisallow: /\n");
    assert_int_equal(robots_allowed(r, "/news/1.html"), 1);
    assert_int_equal(robots_allowed(r, "/private/memo.html"), 0);
    assert_int_equal(robots_allowed(r, "/private/open/x.html"), 1); /* longer Allow wins */
    assert_int_equal(robots_allowed(r, "/files/a.pdf"), 0);
    assert_int_equal(robots_allowed(r, "/files/a.pdf?x=1"), 1);      /* '$' anchors */
    assert_int_equal(robots_allowed(r, "/robots.txt"), 1);
    assert_true(robots_crawl_delay(r) > 2.4 && robots_crawl_delay(r) < 2.6);
    robots_free(r);
}

static void test_robots_own_group_wins_over_star(void **state)
{
    (void)state;
    /* a group naming inkpress (any case, with a version) replaces "*" */
    robots_t *r = rob("User-agent: *\nDisallow: /\n\nUser-agent: SomeBot\nUser-agent: InkPress/1.0\n"
                      "Disallow: /secret\n");
    assert_int_equal(robots_allowed(r, "/news"), 1);
    assert_int_equal(robots_allowed(r, "/secret/x"), 0);
    robots_free(r);
    r = rob("User-agent: *\nDisallow:\n");
    assert_int_equal(robots_allowed(r, "/anything"), 1); /* an empty Disallow allows all */
    robots_free(r);
    r = rob("User-agent: *\nDisallow: /a*b\n");
    assert_int_equal(robots_allowed(r, "/a/x/b/c"), 0);
    assert_int_equal(robots_allowed(r, "/a/x/c"), 1);
    robots_free(r);
    robots_t *all = robots_allow_all(), *none = robots_deny_all();
    assert_int_equal(robots_allowed(all, "/x"), 1);
    assert_int_equal(robots_allowed(none, "/x"), 0);
    robots_free(all);
    robots_free(none);
}

static void test_feedlist_plain(void **state)
{
    (void)state;
    const char *txt = "# my feeds\n\n  https://example.org/a.rss   World news  \r\n"
                      "http://example.net/b.xml\n\thttps://example.com/c?x=1\tTech\n";
    feedlist_t l;
    char why[200];
    assert_int_equal(feedlist_parse(txt, strlen(txt), &l, why, sizeof why), 3);
    assert_string_equal(l.v[0].url, "https://example.org/a.rss");
    assert_string_equal(l.v[0].section, "World news");
    assert_int_equal(l.v[0].line, 3);
    assert_null(l.v[1].section);
    assert_string_equal(l.v[2].url, "https://example.com/c?x=1");
    assert_string_equal(l.v[2].section, "Tech");
    feedlist_free(&l);
}

static void test_feedlist_refuses_other_schemes_and_empty(void **state)
{
    (void)state;
    feedlist_t l;
    char why[200];
    const char *bad = "https://ok.example/feed\nfile:///etc/passwd Secrets\n";
    assert_int_equal(feedlist_parse(bad, strlen(bad), &l, why, sizeof why), -1);
    assert_non_null(strstr(why, "line 2"));
    assert_int_equal(l.n, 0);
    const char *empty = "# nothing here\n\n";
    assert_int_equal(feedlist_parse(empty, strlen(empty), &l, why, sizeof why), -1);
    assert_non_null(strstr(why, "no feeds"));
    assert_int_equal(feedlist_url_ok("http://"), 0);
    assert_int_equal(feedlist_url_ok("ftp://x/y"), 0);
    assert_int_equal(feedlist_url_ok("HTTPS://x/y"), 1);
}

static void test_feedlist_opml_sections(void **state)
{
    (void)state;
    const char *x = "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>t</title></head><body>\n"
                    "<outline text=\"News\"><outline text=\"A\" xmlUrl=\"https://a.example/rss\"/>\n"
                    "<outline text=\"deeper\"><outline text=\"B\" xmlUrl=\"https://b.example/atom\"/></outline>"
                    "</outline>\n<outline text=\"Solo feed\" title=\"Solo\" xmlUrl=\"http://c.example/f\"/>\n"
                    "<outline text=\"no url, no children\"/></body></opml>\n";
    feedlist_t l;
    char why[200];
    assert_int_equal(feedlist_parse(x, strlen(x), &l, why, sizeof why), 3);
    assert_string_equal(l.v[0].section, "News");
    assert_string_equal(l.v[1].url, "https://b.example/atom");
    assert_string_equal(l.v[1].section, "News"); /* the outermost folder names it */
    assert_string_equal(l.v[2].section, "Solo");
    feedlist_free(&l);
    const char *broken = "<opml><body><outline xmlUrl=\"https://a\"";
    assert_int_equal(feedlist_parse(broken, strlen(broken), &l, why, sizeof why), -1);
    assert_non_null(strstr(why, "OPML"));
}

static void test_feed_time(void **state)
{
    (void)state;
    assert_int_equal(feed_time("Tue, 10 Jun 2003 04:00:00 GMT"), 1055217600LL);
    assert_int_equal(feed_time("Tue, 10 Jun 2003 06:00:00 +0200"), 1055217600LL);
    assert_int_equal(feed_time("Mon, 09 Jun 2003 23:00:00 EST"), 1055217600LL);
    assert_int_equal(feed_time("2003-06-10T04:00:00Z"), 1055217600LL);
    assert_int_equal(feed_time("2003-06-10T09:30:00.123+05:30"), 1055217600LL);
    assert_int_equal(feed_time("2003-06-10"), 1055203200LL);
    assert_int_equal(feed_time("yesterday"), -1);
    assert_int_equal(feed_time(NULL), -1);
}

static void test_feed_read_summary_or_full(void **state)
{
    (void)state;
    char body[4096] = "";
    for (int i = 0; i < 40; i++)
        strcat(body, "Five more words of text. ");
    char feed[8192];
    snprintf(feed, sizeof feed,
             "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
             "<title>Gazette</title>"
             "<item><title>Long</title><link>https://g.example/long</link><guid>id-long</guid>"
             "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
             "<content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>"
             "<item><title>Teaser</title><link>https://g.example/teaser</link>"
             "<description>Just a line.</description></item>"
             "<item><link>https://g.example/untitled</link></item>"
             "</channel></rss>",
             body);
    feed_items_t it;
    const char *why = NULL;
    assert_int_equal(feed_read(feed, strlen(feed), NULL, &it, &why), 3);
    assert_string_equal(it.title, "Gazette");
    assert_int_equal(it.v[0].full, 1);
    assert_string_equal(it.v[0].id, "id-long");
    assert_int_equal(it.v[0].when, 1055217600LL);
    assert_int_equal(it.v[1].full, 0);
    assert_string_equal(it.v[1].link, "https://g.example/teaser");
    assert_string_equal(it.v[1].id, "https://g.example/teaser"); /* no guid: the link */
    assert_int_equal(it.v[1].when, -1);
    assert_string_equal(it.v[1].art.source, "Gazette");
    assert_int_equal(it.v[2].art.nblocks, 0); /* nothing but a link: the page will say */
    assert_string_equal(it.xml_error, "");
    feed_items_free(&it);
}

static void test_feed_read_charset_and_errors(void **state)
{
    (void)state;
    /* Latin-1 bytes, no encoding declared: the HTTP charset says what they are */
    const char *f = "<?xml version=\"1.0\"?><rss><channel><title>Caf\xe9</title>"
                    "<item><title>Cr\xe8me br\xfbl\xe9\x65</title><description>x</description></item></channel></rss>";
    feed_items_t it;
    const char *why = NULL;
    assert_int_equal(feed_read(f, strlen(f), "iso-8859-1", &it, &why), 1);
    assert_string_equal(it.title, "Caf\xc3\xa9");
    assert_string_equal(it.v[0].art.title, "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9\x65");
    feed_items_free(&it);
    const char *cut = "<rss><channel><title>T</title><item><title>Whole</title><description>ok</description>"
                      "</item><item><title>Cut</title><description>&bogus; <b>";
    assert_int_equal(feed_read(cut, strlen(cut), NULL, &it, &why), 2);
    assert_non_null(strstr(it.xml_error, "invalid XML at line 1"));
    feed_items_free(&it);
    const char *html = "<html><body><p>not a feed</p></body></html>";
    assert_int_equal(feed_read(html, strlen(html), NULL, &it, &why), -1);
    assert_non_null(strstr(why, "not an RSS or Atom feed"));
    assert_int_equal(feed_read("just words", 10, NULL, &it, &why), -1);
    assert_non_null(strstr(why, "XML"));
}

static void test_feed_read_language(void **state)
{
    (void)state;
    /* RSS: the channel's <language>; its quotes set as German ones */
    const char *rss = "<rss><channel><title>Zeitung</title><language>de-DE</language>"
                      "<item><title>Der \"Hafen\" ruht</title><description>Sie sagten \"nein\".</description>"
                      "</item></channel></rss>";
    feed_items_t it;
    const char *why = NULL;
    assert_int_equal(feed_read(rss, strlen(rss), NULL, &it, &why), 1);
    assert_string_equal(it.v[0].art.lang, "de-DE");
    assert_string_equal(it.v[0].art.title, "Der \xe2\x80\x9eHafen\xe2\x80\x9c ruht");
    assert_non_null(strstr(it.v[0].art.blocks[0].text, "\xe2\x80\x9enein\xe2\x80\x9c"));
    feed_items_free(&it);
    /* Atom: xml:lang of the entry, else of the feed */
    const char *atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><title>T</title>"
                       "<entry><title>It's \"here\"</title><summary>Words.</summary></entry>"
                       "<entry xml:lang=\"de\"><title>\"Da\"</title><summary>Worte.</summary></entry></feed>";
    assert_int_equal(feed_read(atom, strlen(atom), NULL, &it, &why), 2);
    assert_string_equal(it.v[0].art.lang, "en");
    assert_string_equal(it.v[0].art.title, "It\xe2\x80\x99s \xe2\x80\x9chere\xe2\x80\x9d");
    assert_string_equal(it.v[1].art.lang, "de");
    assert_string_equal(it.v[1].art.title, "\xe2\x80\x9e" "Da\xe2\x80\x9c");
    feed_items_free(&it);
}

static char tmpdir[64];

static void test_fcache_round_trip(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "build/tests/fetch-cache/a/b");
    assert_int_equal(fcache_mkdir(tmpdir), 0);
    fcache_meta_t m = { .url = (char *)"https://x.example/feed",
                        .etag = (char *)"\"abc\"",
                        .last_modified = (char *)"Tue, 10 Jun 2003 04:00:00 GMT",
                        .content_type = (char *)"application/rss+xml; charset=utf-8",
                        .fetched = 1234 };
    const char body[] = "<rss>\0binary\xff</rss>";
    assert_int_equal(fcache_store(tmpdir, &m, body, sizeof body), 0);
    fcache_meta_t got;
    char *b = NULL;
    size_t len = 0;
    assert_int_equal(fcache_load(tmpdir, "https://x.example/feed", &got, &b, &len), 0);
    assert_int_equal(len, sizeof body);
    assert_memory_equal(b, body, sizeof body);
    assert_string_equal(got.etag, "\"abc\"");
    assert_string_equal(got.last_modified, "Tue, 10 Jun 2003 04:00:00 GMT");
    assert_string_equal(got.content_type, "application/rss+xml; charset=utf-8");
    assert_int_equal(got.fetched, 1234);
    fcache_meta_free(&got);
    free(b);
    assert_int_equal(fcache_load(tmpdir, "https://x.example/other", &got, NULL, NULL), -1);
    /* a header value with a line break would forge a line: left out */
    fcache_meta_t evil = { .url = (char *)"https://x.example/e", .etag = (char *)"a\nurl https://x.example/feed" };
    assert_int_equal(fcache_store(tmpdir, &evil, "x", 1), 0);
    assert_int_equal(fcache_load(tmpdir, "https://x.example/e", &got, NULL, NULL), 0);
    assert_null(got.etag);
    fcache_meta_free(&got);
    /* pruning: fresh entries stay, old ones (and only the cache's own files) go */
    assert_int_equal(fcache_prune(tmpdir, 3600), 0);
    FILE *f = fopen("build/tests/fetch-cache/a/b/notes.txt", "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(fcache_prune(tmpdir, -3600), 4); /* everything is "older" than an hour from now */
    assert_int_equal(fcache_load(tmpdir, "https://x.example/feed", &got, NULL, NULL), -1);
    assert_int_equal(access("build/tests/fetch-cache/a/b/notes.txt", F_OK), 0);
}

static void test_fstate_remembers_and_forgets(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "build/tests/fetch-state");
    assert_int_equal(fcache_mkdir(tmpdir), 0);
    unlink("build/tests/fetch-state/packed"); /* a run before left its list */
    fstate_t s;
    assert_int_equal(fstate_load(tmpdir, &s), 0);
    assert_int_equal(s.n, 0);
    assert_int_equal(fstate_add(&s, "https://f.example/rss id-1", 1000), 0);
    assert_int_equal(fstate_add(&s, "https://f.example/rss id\twith\ttabs", 5000), 0);
    assert_int_equal(fstate_add(&s, "https://f.example/rss old", 10), 0);
    assert_int_equal(fstate_has(&s, "https://f.example/rss id-1"), 1);
    assert_int_equal(fstate_has(&s, "https://f.example/rss id-2"), 0);
    assert_int_equal(fstate_save(tmpdir, &s, 5000, 4500), 0); /* "old" is past keeping */
    fstate_free(&s);
    assert_int_equal(fstate_load(tmpdir, &s), 0);
    assert_int_equal(s.n, 2);
    assert_int_equal(fstate_has(&s, "https://f.example/rss id-1"), 1);
    assert_int_equal(fstate_has(&s, "https://f.example/rss id with tabs"), 1);
    assert_int_equal(fstate_has(&s, "https://f.example/rss old"), 0);
    fstate_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_robots_star_group_and_longest_match),
        cmocka_unit_test(test_robots_own_group_wins_over_star),
        cmocka_unit_test(test_feedlist_plain),
        cmocka_unit_test(test_feedlist_refuses_other_schemes_and_empty),
        cmocka_unit_test(test_feedlist_opml_sections),
        cmocka_unit_test(test_feed_time),
        cmocka_unit_test(test_feed_read_summary_or_full),
        cmocka_unit_test(test_feed_read_charset_and_errors),
        cmocka_unit_test(test_feed_read_language),
        cmocka_unit_test(test_fcache_round_trip),
        cmocka_unit_test(test_fstate_remembers_and_forgets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* feed.h: RSS 2.0, RSS 1.0 (RDF) and Atom feeds with full content: every
 * item becomes an article, its HTML cleaned like a page's, its title, date,
 * link, author and category taken from the feed. Host only; libxml2's XML
 * parser (no network, no entity expansion, recover mode for truncated feeds). */
#ifndef INK_FEED_H
#define INK_FEED_H

#include <stddef.h>

#include "article.h"

/** 1 when buf[0..len) starts like an RSS, RDF or Atom document, else 0. */
int feed_sniff(const char *buf, size_t len);

/**
 * Parses a feed and appends one article per item that has text (from
 * content:encoded, Atom content, or else description / summary). A
 * truncated feed gives the items that arrived whole. Returns the number of
 * articles added, or -1 with a static reason in *why (nothing added).
 */
int feed_parse(const char *buf, size_t len, article_list_t *list, const char **why);

/** "Tue, 10 Jun 2003 04:00:00 GMT" or "2003-06-10T04:00:00Z" -> malloc'd
 * "2003-06-10", or NULL when s holds no recognisable date. */
char *feed_date(const char *s);

/** The fewest words of content:encoded / Atom content that count as the
 * whole article (a description or summary needs twice as many); an item
 * with less is a summary, and the fetcher reads its page. */
#define FEED_FULL_WORDS 150

/** One item of a feed, as the fetcher needs it. */
typedef struct feed_item {
    article_t art;   /**< title, date, byline, section (its category), source
                          (the feed's title), language (xml:lang, else the
                          feed's <language>, else a guess) and the body the
                          feed gives (content, else summary; may have no
                          blocks), typography set as textnorm_article does */
    char *link;      /**< the item's page, or NULL */
    char *id;        /**< guid / Atom id / RSS 1.0 about, else the link, else the title; never NULL */
    long long when;  /**< when it was published, seconds since 1970 UTC, or -1 */
    int full;        /**< 1: the body is the whole article; 0: a summary */
} feed_item_t;

typedef struct feed_items {
    feed_item_t *v;
    size_t n, cap;
    char *title;          /**< the feed's title, or NULL */
    char xml_error[160];  /**< "" or "invalid XML at line N: ..." when the
                               document was not well-formed (the items that
                               could be read are there all the same) */
} feed_items_t;

/**
 * Reads every item of a feed in document order, keeping those with a title
 * or a link. charset: the one the HTTP headers gave, or NULL (then the XML
 * declaration, a BOM or UTF-8). Returns the number of items (0 is an empty
 * feed), or -1 with a static reason in *why (not XML, not RSS or Atom, out
 * of memory); *out is then empty. Free with feed_items_free.
 */
int feed_read(const char *buf, size_t len, const char *charset, feed_items_t *out, const char **why);

void feed_items_free(feed_items_t *f);
void feed_item_free(feed_item_t *fi);

/** A feed's date and time (RFC 822 with a zone or an abbreviation, or ISO
 * 8601 with an offset) in seconds since 1970 UTC, or -1. A date alone is
 * its midnight UTC. */
long long feed_time(const char *s);

#endif

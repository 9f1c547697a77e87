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

#endif

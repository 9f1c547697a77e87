/* SPDX-License-Identifier: MIT */
/* feedlist.h: the FEEDS file of `inkpress fetch`: a plain list (one feed a
 * line: its URL, then optionally its section's name) or an OPML file as
 * feed readers export it (outlines with xmlUrl; an outline holding others
 * names their section). Host code; libxml2 for OPML. */
#ifndef INK_FEEDLIST_H
#define INK_FEEDLIST_H

#include <stddef.h>

typedef struct feedlist_entry {
    char *url;      /**< http:// or https:// */
    char *section;  /**< the section its items go to, or NULL (then the feed's title) */
    int line;       /**< where it was given (1-based; OPML: the outline's line) */
} feedlist_entry_t;

typedef struct feedlist {
    feedlist_entry_t *v;
    size_t n, cap;
} feedlist_t;

/**
 * Reads buf[0..len): OPML when it starts with an <opml> document, else the
 * plain form: blank lines and lines starting with '#' are skipped; a line
 * is a URL, then blanks, then the section's name (the rest of the line).
 * A URL that is not http(s) is refused (a file: URL would read this
 * machine's files). Returns the number of feeds, or -1 with a reason
 * naming the line in why (size whylen); *out is then empty.
 */
int feedlist_parse(const char *buf, size_t len, feedlist_t *out, char *why, size_t whylen);

void feedlist_free(feedlist_t *l);

/** 1 when url starts with http:// or https:// and has a host, else 0. */
int feedlist_url_ok(const char *url);

#endif

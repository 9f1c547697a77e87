/* SPDX-License-Identifier: MIT */
/* robots.h: robots.txt (RFC 9309) as inkpress reads it: the group for its
 * product token ("inkpress"), else the "*" group; Allow and Disallow with
 * '*' and '$'; the longest match wins, Allow on a tie; Crawl-delay. Host code. */
#ifndef INK_ROBOTS_H
#define INK_ROBOTS_H

#include <stddef.h>

typedef struct robots robots_t;

/** The rules of buf[0..len) that apply to agent (a product token, matched
 * without regard to case). Only the first 512 KiB are read, as the RFC
 * allows. Returns NULL only when out of memory; an empty or unreadable
 * file allows everything. */
robots_t *robots_parse(const char *buf, size_t len, const char *agent);

/** A robots_t that allows everything (no robots.txt, or a 4xx for it). */
robots_t *robots_allow_all(void);

/** A robots_t that allows nothing (robots.txt unreachable: a 5xx or no
 * answer, which the RFC says to take as a full disallow). */
robots_t *robots_deny_all(void);

/** 1 when path (the URL's path and query, "/" at least) may be fetched. */
int robots_allowed(const robots_t *r, const char *path);

/** The group's Crawl-delay in seconds, or 0 when it gives none. */
double robots_crawl_delay(const robots_t *r);

void robots_free(robots_t *r);

#endif

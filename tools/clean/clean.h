/* SPDX-License-Identifier: MIT */
/* clean.h: turns a plain-text page scrape (one block per line, site chrome
 * and all) into an article: title, date, section, source, byline and body
 * paragraphs. Host only; allocates with malloc. */
#ifndef INK_CLEAN_H
#define INK_CLEAN_H

#include <stddef.h>

#include "article.h"

/**
 * Cleans one text scrape.
 *
 * buf[0..len) is untrusted bytes: UTF-8 (a BOM is dropped) or, when it is
 * not valid UTF-8, Windows-1252/Latin-1; line ends LF, CRLF or CR. It need
 * not be NUL-terminated. A first line " date YYYY-MM-DD Section / ... / Title"
 * supplies date, section and title; without it the title is guessed from the
 * page. Input with blank lines between all paragraphs is read one paragraph
 * per blank-line-separated group, anything else one block per line (a
 * long line that a line in lower case follows was wrapped: joined).
 *
 * out must be zeroed (or freshly article_free()d) by the caller. On success
 * returns 0 and fills *out: title never NULL, body blocks ARTICLE_BLOCK_PARA in
 * reading order; the caller frees it with article_free(). On failure returns
 * -1, leaves *out zeroed and, when why is not NULL, points *why at a short
 * static English reason ("empty file", "binary data (NUL bytes)",
 * "no article text found", "out of memory", ...).
 */
int clean_scrape(const char *buf, size_t len, article_t *out, const char **why);

/**
 * The scrape cleaner's words on a body found some other way (a page's DOM),
 * and its last pass over a scrape's own: drops teaser lines ("Read more:
 * ...", "Lesen Sie auch: ...") and cookie banners, and ends the body at a
 * heading that opens the page's tail ("Related stories", "Kommentare") when
 * an article's worth of text lies before it and less than a quarter of that
 * after it; cuts a picture's credit off the end of a block, and drops what
 * is left at the edges without its content (a closing heading or label, a
 * date line before the text).
 */
void clean_prune_blocks(article_t *a);

#endif

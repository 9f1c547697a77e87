/* SPDX-License-Identifier: MIT */
/* input.h: turning the paths a user names into cleaned articles. */
#ifndef INK_INPUT_H
#define INK_INPUT_H

#include <stddef.h>

#include "article.h"

/** A list of file paths, malloc'd. */
typedef struct input_list {
    char **paths;
    size_t n, cap;
} input_list_t;

/** Adds path: a file as it is, a folder by walking it (sorted by name,
 * hidden entries skipped) for files ending in .txt, .html, .htm, .xml, .rss
 * or .atom, leaving out README, LICENSE and the like. A path that cannot be read is reported on stderr, counted in
 * *bad and skipped. Returns 0, or -1 when out of memory. */
int input_add(input_list_t *l, const char *path, int *bad);

void input_list_free(input_list_t *l);

/** Reads and cleans one file ("-": standard input), appending its articles
 * to *list (a page gives one; a feed may give many). An article without a
 * section takes its folder's name (capitalised), so a tree of section
 * folders packs into those sections. Returns the number of articles added,
 * or -1 with a reason in *why (static text, or the text of errno); on
 * failure nothing is added. */
int input_load(const char *path, article_list_t *list, const char **why);

typedef enum { INPUT_TEXT, INPUT_HTML, INPUT_FEED } input_kind_t;

/** What buf[0..len) holds: an RSS/Atom feed, an HTML page, or a text scrape
 * (anything else). Decided by content, not by the file name. */
input_kind_t input_sniff(const char *buf, size_t len);

/** input_load() on bytes in memory (no folder section). Returns the number
 * of articles added or -1 with a static reason in *why. */
int input_load_mem(const char *buf, size_t len, article_list_t *list, const char **why);

/** Reads a whole file into malloc'd memory (NUL-terminated, *len without the
 * NUL). Returns NULL with errno set on failure. Files over max bytes fail
 * with EFBIG. */
char *input_read_file(const char *path, size_t max, size_t *len);

#endif

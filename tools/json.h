/* SPDX-License-Identifier: MIT */
/* json.h: the little JSON writer behind `inkpress clean --json`. */
#ifndef INK_JSON_H
#define INK_JSON_H

#include <stdio.h>

#include "article.h"

/** Writes s as a JSON string literal: quotes, backslash and control
 * characters escaped (\uXXXX for the rare ones), UTF-8 passed through
 * unchanged. s == NULL writes null. */
void json_str(FILE *f, const char *s);

/** Writes a on one line, then a newline:
 * {"title": ..., "date": ..., "section": ..., "source": ..., "byline": ...,
 *  "body": [block texts]}; NULL fields are written as null. */
void json_article(FILE *f, const article_t *a);

#endif

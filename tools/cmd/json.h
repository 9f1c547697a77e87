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

/* ---- reading (JSON-LD in web pages) ------------------------------------ */

typedef enum { JV_NULL, JV_BOOL, JV_NUM, JV_STR, JV_ARR, JV_OBJ } jv_type_t;

/** One parsed JSON value. Arrays and objects hold their members in kids[0..n);
 * an object's members carry their name in key. Strings are UTF-8, NUL-terminated
 * (a \u0000 escape ends the string early). */
typedef struct jv {
    jv_type_t type;
    char *key;               /**< member name inside an object, else NULL */
    char *str;               /**< JV_STR: the value */
    double num;              /**< JV_NUM / JV_BOOL */
    struct jv *kids;
    size_t n;
} jv_t;

/** Parses s[0..n) (untrusted; need not be NUL-terminated). Nesting deeper
 * than 64 levels, bad syntax or trailing garbage fail. Returns a malloc'd
 * tree to free with json_free(), or NULL. */
jv_t *json_parse(const char *s, size_t n);

/** Frees a tree from json_parse(); NULL is fine. */
void json_free(jv_t *v);

/** The member named key of object o, or NULL (also when o is not an object). */
const jv_t *json_get(const jv_t *o, const char *key);

/** The string of member key of o, or NULL when absent or not a string. */
const char *json_get_str(const jv_t *o, const char *key);

#endif

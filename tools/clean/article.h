/* SPDX-License-Identifier: MIT */
/* article.h: the host's model of one cleaned article, shared by the cleaner,
 * the packer and the extractor. Host only: allocates with malloc. */
#ifndef INK_ARTICLE_H
#define INK_ARTICLE_H

#include <stddef.h>

#include "ink_text.h"

/** Kind of a body block; the values are the bundle's block codes
 * (render/ink_text.h, docs/FORMAT.md). */
typedef enum {
    ARTICLE_BLOCK_PARA = INK_TX_PARA,       /**< ordinary paragraph */
    ARTICLE_BLOCK_SUBHEAD = INK_TX_SUBHEAD, /**< subheading inside the body */
    ARTICLE_BLOCK_QUOTE = INK_TX_QUOTE,     /**< block quote */
    ARTICLE_BLOCK_LIST = INK_TX_LIST,       /**< one list item */
    ARTICLE_BLOCK_PIC = INK_TX_PIC,         /**< a picture; text is its caption */
} article_block_kind_t;

typedef struct article_block {
    article_block_kind_t kind;
    char *text;              /**< UTF-8, NUL-terminated, owned; a picture's caption (may be "") */
    char *src;               /**< pictures: where it is (a path, file: or http(s) URL), owned, or NULL */
    char *credit;            /**< pictures: its credit, owned, or NULL */
    int pic;                 /**< pictures: its number in the edition's PICS once packed, else -1 */
    int lead;                /**< pictures: the page's lead picture (og:image, JSON-LD image) */
} article_block_t;

typedef struct article {
    char *title;             /**< never NULL after a successful clean */
    char *date;              /**< "YYYY-MM-DD" or NULL */
    char *section;           /**< or NULL */
    char *source;            /**< or NULL */
    char *byline;            /**< or NULL */
    article_block_t *blocks; /**< body, in reading order */
    size_t nblocks, cap;
    char *lang;              /**< BCP 47 language ("en-US", "de"), or NULL: en-US */
} article_t;

/** A growing list of articles. */
typedef struct article_list {
    article_t *v;
    size_t n, cap;
} article_list_t;

/** Appends a zeroed article and returns it, or NULL when out of memory. */
article_t *article_list_add(article_list_t *l);

/** What an article's body weighs for article_split_long: its bytes and a
 * code a block, each block at least a line's worth. */
size_t article_body_weight(const article_t *a);

/** Splits every article of l whose body weighs more than max bytes into
 * parts of about equal size, in order, each under max: cut between blocks
 * (never right after a subheading), a block longer than a part between
 * sentences or words. The parts keep the article's date, section, source,
 * byline and language and are titled "Title (1/3)"...; past max_parts parts
 * the rest of the article is left out (the caller says so). Returns how
 * many articles were split, or -1 when out of memory (l is then as it was). */
int article_split_long(article_list_t *l, size_t max, size_t max_parts);

/** Moves *a to the end of l (a is then empty). Returns 0, or -1 when out
 * of memory: a is then freed. */
int article_list_take(article_list_t *l, article_t *a);

/** Frees every article and the list. */
void article_list_free(article_list_t *l);

/** Frees every string and the block array; leaves *a zeroed. NULL is fine. */
void article_free(article_t *a);

/** Appends a block; takes a copy of text[0..len). Returns 0, or -1 when out of memory. */
int article_add_block(article_t *a, article_block_kind_t kind, const char *text, size_t len);

/** Frees one block's strings (text, src, credit). */
void article_block_clear(article_block_t *b);

/** Appends a picture block: caption (may be NULL), where the picture is
 * (src, required) and its credit (may be NULL); copies all three. pic is
 * -1 until the packer numbers it. Returns 0, or -1 when out of memory. */
int article_add_pic(article_t *a, const char *src, const char *caption, const char *credit, int lead);

/** Resolves every picture's src of a against the folder of the page at
 * path (a "Save Page As, complete" folder): a relative path or a file: URL
 * becomes a path; http(s) URLs and absolute paths stay. Returns 0 or -1. */
int article_resolve_pics(article_t *a, const char *path);

/** Returns a malloc'd NUL-terminated copy of s[0..len), or NULL. */
char *article_strndup(const char *s, size_t len);

/** A language tag as a page or feed gives it ("ru", "pt-BR", "de_DE",
 * " en-us ") as BCP 47's language and region ("ru", "pt-BR", "de-DE",
 * "en-US"), malloc'd; NULL when s is NULL or not such a tag ("x-default",
 * "", "12"). */
char *article_lang_tag(const char *s);

/** Takes the site's name off a page's title, in place: a last part after
 * " | ", " - ", " – ", " — ", " · ", " :: ", " » " or " / " (or a first
 * part before one) that is the source's name ("... | Chefkoch" of
 * Chefkoch.de) or a domain ("... | heizung.de"), and a date after it
 * ("... | DW | 23.05.2011"). What is left keeps two words at least. */
void article_trim_site_name(char *title, const char *source);


#include <stdio.h>

/** Header block codes at the start of bundle article text (ink_text.h). */
#define ARTICLE_HEAD_SOURCE INK_TX_SOURCE
#define ARTICLE_HEAD_DATE INK_TX_DATE
#define ARTICLE_HEAD_BYLINE INK_TX_BYLINE

/** Encodes a as bundle article text (docs/FORMAT.md, "Article text"): the
 * source, date and byline as header blocks, then each body block as its
 * block code and its UTF-8. *out is malloc'd. Returns 0 or -1 (out of
 * memory). */
int article_encode_text(const article_t *a, unsigned char **out, size_t *len);

/** Decodes bundle article text into a: header blocks set source, date and
 * byline; body blocks are appended. Inline style codes stay in the block
 * text; the packer's layout hints go (article_unhint). Returns 0 or -1. */
int article_decode_text(article_t *a, const unsigned char *text, size_t len);

/** Takes the packer's layout hints out of s[0..len) in place (docs/FORMAT.md,
 * "Article text"): soft hyphens U+00AD and zero-width spaces U+200B are
 * dropped, and a no-break space marked as the packer's (INK_TX_NOBREAK
 * before U+00A0) becomes the space it was. s must have room for len + 1
 * bytes; it is NUL-terminated at the new length, which is returned. */
size_t article_unhint(char *s, size_t len);

/** Prints a as plain text, the form `inkpress clean` and `inkpress extract`
 * share: "title: ", "date: ", "section: ", "source: ", "byline: " lines (the
 * absent ones left out), a blank line, then the blocks separated by blank
 * lines, subheadings as "## ", quotes as "> ", list items as "- ", italic
 * as _text_ and bold as **text**. */
void article_print(FILE *f, const article_t *a);

#endif

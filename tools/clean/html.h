/* SPDX-License-Identifier: MIT */
/* html.h: turns an HTML news page into an article: metadata from the page's
 * <title>, h1, Open Graph / article: / Dublin Core meta, JSON-LD and <time>,
 * and the main text found by DOM scoring (in the manner of Mozilla's
 * Readability: paragraph scores propagated to ancestors, class and id hints,
 * link density, sibling gathering, conditional cleaning of the result).
 * Host only; uses libxml2's HTML parser; allocates with malloc. */
#ifndef INK_HTML_H
#define INK_HTML_H

#include <stddef.h>

#include "article.h"

/** Largest HTML input looked at; the rest of a bigger page is ignored. */
#define HTML_MAX_BYTES (16u * 1024u * 1024u)

/** 1 when buf[0..len) looks like an HTML document (a doctype, <html>,
 * <head> or <body> near the start, or several common tags), else 0. */
int html_sniff(const char *buf, size_t len);

/**
 * Cleans one HTML page. buf[0..len) is untrusted bytes in any charset: the
 * charset comes from a BOM, a <meta charset> / http-equiv declaration, or
 * sniffing (valid UTF-8, else Windows-1252). out must be zeroed. On success
 * returns 0 and fills *out (title never NULL; blocks PARA, SUBHEAD, QUOTE or
 * LIST with inline style codes 0x10..0x13; text normalised with textnorm).
 * On failure returns -1, leaves *out zeroed and points *why (when not NULL)
 * at a static reason.
 */
int html_clean(const char *buf, size_t len, article_t *out, const char **why);

/** html_clean() with the charset the transport gave (an HTTP Content-Type's
 * charset parameter), which wins over the page's own declaration; NULL or ""
 * is html_clean(). */
int html_clean_cs(const char *buf, size_t len, const char *charset, article_t *out, const char **why);

/**
 * Appends the blocks of an HTML fragment that is already the article (a
 * feed item's content): scripts, forms, share and ad widgets are dropped,
 * nothing is scored away. Returns the number of blocks added, or -1 when
 * out of memory.
 */
int html_fragment_blocks(const char *buf, size_t len, article_t *out);

/**
 * Removes in place from s[0..n) (UTF-8, no NUL bytes, s[n] a NUL) the
 * bodies of <script> (but JSON-LD) and <style>, and the attributes no step
 * of the cleaner reads (on that element, or of that value: a style that
 * does not hide, the rest of a long link address), and cuts the runs of
 * blanks between tags to their line ends, reading the markup as libxml2's
 * HTML parser does and stopping, the rest left as it is, at anything it
 * cannot read exactly that way.
 * libxml2 then builds the same tree but for what was removed, in far less
 * time. Returns the new length (s[len] is set to NUL when len < n).
 */
size_t html_trim_unread(char *s, size_t n);

/**
 * html_trim_unread, and then the values of the attributes kept (but a
 * <meta>'s) and the texts between tags move to *vals (malloc'd, NULL when
 * none moved), but for those with an entity or a character XML does not
 * allow: the page keeps a short token for each, which libxml2 reads in a
 * fraction of the time it takes over the bytes. html_trim_unpack puts them
 * back into the document parsed from s.
 */
size_t html_trim_pack(char *s, size_t n, char **vals);

struct _xmlDoc;
struct _xmlNode;

/** The texts html_trim_pack moved to vals back into doc's, which keeps
 * vals for the values, read through html_trim_value (free vals after doc):
 * the tree then reads as the one of html_trim_unread's page. vals NULL:
 * nothing moved. */
void html_trim_unpack(struct _xmlDoc *doc, const char *vals);

/** The value v of an attribute of x's, or what v's token stands for
 * (html_priv.h's attr() reads values through it). */
const char *html_trim_value(const struct _xmlNode *x, const char *v);

/** 1 when the address url[0..n) ends as a picture file's does (.jpg,
 * .jpeg, .png, .gif, .webp; any case). */
int html_picture_url(const char *url, size_t n);

#endif

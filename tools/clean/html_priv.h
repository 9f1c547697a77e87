/* SPDX-License-Identifier: MIT */
/* html_priv.h: what the parts of the HTML cleaner share, private to
 * tools/clean/html*.c (html.h is the public face):
 *
 *   html.c        the page: charset, parse, the attempts, the fields
 *   html_trim.c   what the parser need not see (html_trim_unread)
 *   html_meta.c   metadata: JSON-LD, Open Graph and other meta, <title>, dates
 *   html_score.c  the main-text search (Readability's method): prep, scoring,
 *                 the top candidate and its siblings, conditional cleaning
 *   html_emit.c   the walk that turns the article's subtree into blocks
 *   html_dom.c    tree edits that keep the text sums right, text sums, lists
 *
 * The small helpers that every pass calls in its inner loops are inline
 * here. Host only; allocates with malloc. */
#ifndef INK_HTML_PRIV_H
#define INK_HTML_PRIV_H

#include "article.h"
#include "html.h"

#include <libxml/tree.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A result of fewer characters than this makes the search run again with
 * fewer heuristics; a share widget is one with fewer. */
#define CHAR_THRESHOLD 500

/* The heuristics of one attempt of the main-text search (ctx_t.flags). */
enum {
    F_STRIP_UNLIKELY = 1,
    F_WEIGHT_CLASSES = 2,
    F_CLEAN_COND = 4,
    F_NOSCRIPT = 8, /* the page as a browser without scripts shows it: <noscript> kept */
};

/* ---- small buffers ----------------------------------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
    int oom;
} sbuf_t;

static inline void sb_add(sbuf_t *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static inline void sb_addc(sbuf_t *b, char c)
{
    sb_add(b, &c, 1);
}

typedef struct {
    xmlNode **v;
    size_t n, cap;
} nodes_t;

static inline int nodes_push(nodes_t *l, xmlNode *x)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        xmlNode **v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = x;
    return 0;
}

/* ---- per-node data (in xmlNode._private) -------------------------------- */

typedef struct nd {
    double score;
    int scored;
    int datatable; /* 1 data table, 0 layout, -1 not a table */
    /* What dom_inner_len and link_density need of the subtree, kept until the
     * subtree changes (see dom_text_sum): */
    int sum_ok;         /* the fields below are up to date */
    int lead, trail;    /* white space before the first / after the last
                            * counted character (for an empty subtree: any) */
    size_t len, commas; /* dom_inner_len(x) and its commas */
    size_t links;       /* dom_inner_len of the <a> below x, href not "#..." */
    size_t hash_links;  /* how many <a href="#..."> are below x */
    size_t order;       /* position in the page as parsed (1 the root), 0 for a node made later */
} nd_t;

typedef struct chunk {
    struct chunk *next;
    size_t used;
    nd_t v[256];
} chunk_t;

/* A lead (standfirst, teaser, intro) the page marks as such, noted before
 * the search edits the tree: it often sits in the article's header, outside
 * the container the search picks. */
typedef struct {
    xmlNode *x;
    xmlNode *up[10]; /* its ancestors as parsed, nearest first; NULL past the root */
} lead_t;

#define N_LEADS 4

typedef struct {
    xmlDoc *doc;
    lead_t leads[N_LEADS];
    int nleads;
    size_t lead_len; /* characters the leads added to the article */
    chunk_t *chunks;
    nodes_t trash; /* unlinked nodes, freed with the attempt */
    nodes_t candidates;
    unsigned flags;
    const char *title;   /* the article title as found by metadata */
    const char *desc;    /* the page's description (og:description), or NULL */
    const char *site;    /* the site's name (og:site_name ...), or NULL */
    char *byline;        /* byline element found in the body */
    size_t noscript_len; /* characters inside the page's <noscript> elements */
    int oom;
} ctx_t;

static inline nd_t *nd(ctx_t *c, xmlNode *x)
{
    if (x->_private)
        return x->_private;
    if (!c->chunks || c->chunks->used == 256) {
        chunk_t *k = calloc(1, sizeof *k);
        if (!k) {
            c->oom = 1;
            static nd_t dummy;
            memset(&dummy, 0, sizeof dummy);
            return &dummy;
        }
        k->next = c->chunks;
        c->chunks = k;
    }
    nd_t *d = &c->chunks->v[c->chunks->used++];
    d->datatable = -1;
    x->_private = d;
    return d;
}

/* ---- DOM helpers --------------------------------------------------------- */

static inline int is_el(const xmlNode *x)
{
    return x && x->type == XML_ELEMENT_NODE;
}

static inline int is_text(const xmlNode *x)
{
    return x && (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE);
}

static inline const char *tag(const xmlNode *x)
{
    return is_el(x) && x->name ? (const char *)x->name : "";
}

/* strcasecmp(name, t) == 0; the first bytes, when they differ by more than
 * case, settle most comparisons without the call. */
static inline int name_is(const char *name, const char *t)
{
    return !((name[0] ^ t[0]) & ~0x20) && strcasecmp(name, t) == 0;
}

/* strcasestr(s, pat) for pat in lower-case ASCII, as the C locale folds
 * (ASCII letters only), without the call's set-up, which costs more than
 * the search over a class name or an address. */
static inline char *ascii_casestr(const char *s, const char *pat)
{
    for (; *s; s++) {
        size_t k = 0;
        while (pat[k]) {
            unsigned char c = (unsigned char)s[k];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)pat[k])
                break;
            k++;
        }
        if (!pat[k])
            return (char *)s;
    }
    return pat[0] ? NULL : (char *)s;
}

static inline int tag_is(const xmlNode *x, const char *t)
{
    return is_el(x) && name_is(tag(x), t);
}

static inline int tag_in(const xmlNode *x, const char *const *set)
{
    if (!is_el(x))
        return 0;
    for (; *set; set++)
        if (name_is(tag(x), *set))
            return 1;
    return 0;
}

static inline const char *attr(const xmlNode *x, const char *name)
{
    if (!is_el(x))
        return NULL;
    for (const xmlAttr *a = x->properties; a; a = a->next) {
        if (a->name && name_is((const char *)a->name, name)) {
            if (a->children && a->children->type == XML_TEXT_NODE && a->children->content) {
                const char *v = (const char *)a->children->content;
                /* 0xEF: maybe html_trim_pack's token (a value moved out) */
                return (unsigned char)v[0] == 0xEF ? html_trim_value(x, v) : v;
            }
            return "";
        }
    }
    return NULL;
}

static inline xmlNode *first_el(const xmlNode *x)
{
    for (xmlNode *k = x ? x->children : NULL; k; k = k->next)
        if (is_el(k))
            return k;
    return NULL;
}

static inline xmlNode *next_el(const xmlNode *x)
{
    for (xmlNode *k = x->next; k; k = k->next)
        if (is_el(k))
            return k;
    return NULL;
}

static inline size_t el_count(const xmlNode *x)
{
    size_t n = 0;
    for (xmlNode *k = x->children; k; k = k->next)
        n += is_el(k);
    return n;
}

/* Next node of x's subtree below root in document order, or NULL. */
static inline xmlNode *walk_next(xmlNode *x, const xmlNode *root, int skip_kids)
{
    if (!skip_kids && x->type == XML_ELEMENT_NODE && x->children)
        return x->children;
    while (x && x != root) {
        if (x->next)
            return x->next;
        x = x->parent;
    }
    return NULL;
}

/* Readability's getNextNode: elements only, within the whole document. */
static inline xmlNode *next_node(xmlNode *x, int skip_kids)
{
    if (!skip_kids) {
        xmlNode *c = first_el(x);
        if (c)
            return c;
    }
    while (x && is_el(x)) {
        xmlNode *s = next_el(x);
        if (s)
            return s;
        x = x->parent;
    }
    return NULL;
}

static inline int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}


static inline int only_space(const char *s)
{
    for (; s && *s; s++)
        if (!is_space_byte((unsigned char)*s))
            return 0;
    return 1;
}

/* ---- html_dom.c: an attempt's edits, taken back ------------------------------ */

/* One edit of the tree: x moved (parent and next say where it stood
 * before: parent NULL when it stood nowhere, a node made by the attempt)
 * or renamed (name: a copy of its name before, the edit's own, or the
 * document dictionary's when it has one). */
typedef struct {
    xmlNode *x;
    xmlNode *parent, *next;
    xmlChar *name;
} edit_t;

/* While a document's _private points to an edits_t, the edits below note
 * in it every change they make to that document's tree, so that the next
 * attempt of the search can start from the page as parsed without parsing
 * it again (dom_undo). */
typedef struct {
    edit_t *v;
    size_t n, cap;
    int oom; /* an edit could not be noted: the tree cannot be taken back */
} edits_t;

/* Takes back the edits e notes on doc's tree, newest first, frees the
 * nodes the attempt made, clears every node's _private and stops the
 * noting. The attempt's trash then holds nothing to free (html_ctx_free with
 * undone set); its article container, empty of the page's nodes, is the
 * caller's to free. e->v is freed too. */
void dom_undo(xmlDoc *doc, edits_t *e);

/* Stops the noting and frees e's notes, the tree as it is. */
void dom_edits_drop(xmlDoc *doc, edits_t *e);

/* ---- html_dom.c: tree edits, text sums, node lists ------------------------ */

/* Unlinks x and keeps it until the attempt ends (html_ctx_free). */
void dom_remove(ctx_t *c, xmlNode *x);

/* Appends x (unlinked first) as parent's last child; no text merging. */
void dom_append(xmlNode *parent, xmlNode *x);

/* Puts x (unlinked first) just before ref. */
void dom_insert_before(xmlNode *ref, xmlNode *x);

/* Puts x (unlinked first) where old is, and unlinks old. */
void dom_replace(xmlNode *old, xmlNode *x);

/* Renames element x to t. */
void dom_set_tag(xmlNode *x, const char *t);

/* 1 when an ancestor of x within max_depth levels (0: any) is a t. */
int dom_has_ancestor(const xmlNode *x, const char *t, int max_depth);

/* Text of x's subtree with white space runs collapsed and the ends trimmed,
 * appended to b. */
void dom_inner_text(const xmlNode *x, sbuf_t *b);

/* The text sum of element root's subtree, brought up to date. */
const nd_t *dom_text_sum(ctx_t *c, xmlNode *root);

/* Length in characters of dom_inner_text(x) (white space collapsed, ends
 * trimmed), and its commas (',', U+FF0C, U+060C) when commas is not NULL. */
size_t dom_inner_len(ctx_t *c, xmlNode *x, size_t *commas);

/* How many elements named t are below root. */
size_t dom_count_tag(const xmlNode *root, const char *t);

/* Appends to out every element below root named in set (NULL-terminated),
 * in document order. Returns 0, or -1 when out of memory, with out freed
 * and empty (its nodes before the call too). */
int dom_get_all(const xmlNode *root, const char *const *set, nodes_t *out);

/* The <body> below root, else root. */
xmlNode *dom_find_body(xmlNode *root);

/* Readability's text similarity: share of b's ASCII word tokens found in a. */
double dom_text_similarity(const char *a, const char *b);

/* ---- html.c ---------------------------------------------------------------- */

/* Frees what the attempt c kept; the nodes it unlinked too unless its
 * edits were undone (dom_undo put them back or freed them). */
void html_ctx_free(ctx_t *c, int undone);

/* ---- html_score.c: the main-text search ----------------------------------- */

/* Drops scripts, styles and comments (and <noscript>, but for its content
 * under F_NOSCRIPT; its characters go into c->noscript_len under
 * F_STRIP_UNLIKELY), turns runs of <br> into paragraphs and <font> into
 * <span>. */
void html_prep_document(ctx_t *c, xmlNode *root);

/* The article container (a new detached div holding the top candidate and
 * the siblings that belong to the text, cleaned), or NULL. */
xmlNode *html_grab_article(ctx_t *c, xmlNode *root);

/* Drops what a feed item carries along with its text: hidden nodes, forms,
 * asides, footers, navigation and short share widgets. */
void html_drop_widgets(ctx_t *c, xmlNode *root);

/* Cleans x's text as html_grab_article cleans the article it found: the
 * ways out, the teasers and the boxes in it go (for a page's JSON-LD
 * articleBody, which is the text with the boxes its page shows in it). */
void html_prep_text(ctx_t *c, xmlNode *x);

/* ---- html_emit.c: blocks out ---------------------------------------------- */

/* Appends the blocks of root's subtree to a; returns blocks added or -1. */
int html_emit_blocks(const xmlNode *root, article_t *a);

/* ---- html_meta.c: metadata ------------------------------------------------ */

typedef struct {
    char *k, *v;
} kv_t;

typedef struct {
    kv_t kv[32];
    size_t n;
    char *title, *byline, *site, *date, *section, *lang; /* from JSON-LD */
    char *image;                                         /* JSON-LD's image (its url) */
    char *body;                                          /* JSON-LD articleBody, as given */
    /* A JSON-LD Recipe's ingredients and steps, one a line ('\n' between
     * them), or NULL */
    char *ingredients, *steps;
} meta_t;

/* Reads the page's JSON-LD article and its meta elements into m (zeroed). */
void html_meta_read(meta_t *m, xmlNode *root);

/* The title: JSON-LD's, else a meta element's, else <title> as Readability
 * reads it. malloc'd, or NULL when out of memory. */
char *html_meta_title(const meta_t *m, xmlNode *root);

/* The publication date "YYYY-MM-DD" (malloc'd) from JSON-LD, a meta element
 * or a <time datetime>, or NULL. */
char *html_meta_date(const meta_t *m, xmlNode *root);

/* The page's language: <html lang> or xml:lang, else a Content-Language
 * meta; a BCP 47 tag ("en-GB", "de") or "" when none or malformed. */
void html_meta_lang(xmlNode *root, char out[16]);

/* The byline, site name and section the metadata gives, or NULL. */
const char *html_meta_byline(const meta_t *m);
const char *html_meta_source(const meta_t *m);
const char *html_meta_section(const meta_t *m);
/* The language JSON-LD's inLanguage or og:locale gives (unchecked), or NULL. */
const char *html_meta_language(const meta_t *m);
/* The page's lead picture: JSON-LD's image, else og:image, else
 * twitter:image; NULL when none. */
const char *html_meta_image(const meta_t *m);

/* The page's own summary of itself (og:description, description,
 * twitter:description, dc:description), or NULL. */
const char *html_meta_description(const meta_t *m);

void html_meta_free(meta_t *m);

/* ---- html_trim.c ---------------------------------------------------------- */

/* 1 when this libxml2 reads markup the way html_trim_unread assumes. */
int html_trim_known(void);

#endif

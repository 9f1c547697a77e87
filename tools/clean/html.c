/* SPDX-License-Identifier: MIT */
/* html.c: HTML page -> article (see html.h).
 *
 * Pipeline: charset -> UTF-8; script and style bodies and unread attributes
 * cut out (html_trim_unread: most of a page's bytes, and libxml2 reads them a
 * character at a time); libxml2 HTML parser (recover, no network, no errors
 * printed; the parser itself stops nesting at 256 levels); metadata;
 * then the main-text search, which follows the method Mozilla's Readability
 * made the reference for this kind of page: strip unlikely and hidden nodes,
 * turn text-only divs into paragraphs, score paragraphs by length and commas
 * and hand the score to five levels of ancestors, weigh candidates by class
 * and id and by link density, climb to the best container, gather its
 * siblings, then clean the result conditionally. When the result is short
 * the search runs again with fewer heuristics (unlikely stripping, class
 * weights, conditional cleaning) and the longest result wins.
 * Text lengths, commas and link lengths are summed once per node and kept
 * until the subtree changes (nd_t), so the scoring passes do not rescan.
 * Every tree walk is iterative or bounded by the parser's depth limit. */
#define _GNU_SOURCE
#include "html.h"
#include "clean.h"

#include "json.h"
#include "textnorm.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHAR_THRESHOLD 500
#define N_TOP 5

enum {
    F_STRIP_UNLIKELY = 1,
    F_WEIGHT_CLASSES = 2,
    F_CLEAN_COND = 4,
};

/* ---- small buffers ----------------------------------------------------- */

typedef struct {
    char *s;
    size_t n, cap;
    int oom;
} sbuf_t;

static void sb_add(sbuf_t *b, const char *s, size_t n)
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

static void sb_addc(sbuf_t *b, char c)
{
    sb_add(b, &c, 1);
}

typedef struct {
    xmlNode **v;
    size_t n, cap;
} nodes_t;

static int nodes_push(nodes_t *l, xmlNode *x)
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
    int datatable;  /* 1 data table, 0 layout, -1 not a table */
    /* What inner_len and link_density need of the subtree, kept until the
     * subtree changes (see text_sum): */
    int sum_ok;            /* the fields below are up to date */
    int lead, trail;       /* white space before the first / after the last
                            * counted character (for an empty subtree: any) */
    size_t len, commas;    /* inner_len(x) and its commas */
    size_t links;          /* inner_len of the <a> below x, href not "#..." */
    size_t hash_links;     /* how many <a href="#..."> are below x */
} nd_t;

typedef struct chunk {
    struct chunk *next;
    size_t used;
    nd_t v[256];
} chunk_t;

typedef struct {
    xmlDoc *doc;
    chunk_t *chunks;
    nodes_t trash;      /* unlinked nodes, freed with the attempt */
    nodes_t candidates;
    unsigned flags;
    char *title;        /* the article title as found by metadata */
    char *byline;       /* byline element found in the body */
    int oom;
} ctx_t;

static nd_t *nd(ctx_t *c, xmlNode *x)
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

static int is_el(const xmlNode *x)
{
    return x && x->type == XML_ELEMENT_NODE;
}

static int is_text(const xmlNode *x)
{
    return x && (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE);
}

static const char *tag(const xmlNode *x)
{
    return is_el(x) && x->name ? (const char *)x->name : "";
}

/* strcasecmp(name, t) == 0; the first bytes, when they differ by more than
 * case, settle most comparisons without the call. */
static int name_is(const char *name, const char *t)
{
    return !((name[0] ^ t[0]) & ~0x20) && strcasecmp(name, t) == 0;
}

static int tag_is(const xmlNode *x, const char *t)
{
    return is_el(x) && name_is(tag(x), t);
}

static int tag_in(const xmlNode *x, const char *const *set)
{
    if (!is_el(x))
        return 0;
    for (; *set; set++)
        if (name_is(tag(x), *set))
            return 1;
    return 0;
}

static const char *attr(const xmlNode *x, const char *name)
{
    if (!is_el(x))
        return NULL;
    for (const xmlAttr *a = x->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

static xmlNode *first_el(const xmlNode *x)
{
    for (xmlNode *k = x ? x->children : NULL; k; k = k->next)
        if (is_el(k))
            return k;
    return NULL;
}

static xmlNode *next_el(const xmlNode *x)
{
    for (xmlNode *k = x->next; k; k = k->next)
        if (is_el(k))
            return k;
    return NULL;
}

static size_t el_count(const xmlNode *x)
{
    size_t n = 0;
    for (xmlNode *k = x->children; k; k = k->next)
        n += is_el(k);
    return n;
}

/* Next node of x's subtree below root in document order, or NULL. */
static xmlNode *walk_next(xmlNode *x, const xmlNode *root, int skip_kids)
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
static xmlNode *next_node(xmlNode *x, int skip_kids)
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

/* x's subtree changed: the text sums of x and its ancestors are stale. A
 * node whose sum is stale has stale ancestors too, so the walk stops at the
 * first one already marked. */
static void sum_stale(xmlNode *x)
{
    for (; x && x->type == XML_ELEMENT_NODE; x = x->parent) {
        nd_t *d = x->_private;
        if (!d || !d->sum_ok)
            break;
        d->sum_ok = 0;
    }
}

static void dom_unlink(xmlNode *x)
{
    sum_stale(x->parent);
    xmlUnlinkNode(x);
}

static void dom_remove(ctx_t *c, xmlNode *x)
{
    dom_unlink(x);
    if (nodes_push(&c->trash, x) < 0) {
        c->oom = 1;
        xmlFreeNode(x); /* nothing else points into it */
    }
}

/* Appends x (unlinked first) as parent's last child; no text merging. */
static void dom_append(xmlNode *parent, xmlNode *x)
{
    dom_unlink(x);
    sum_stale(parent);
    x->parent = parent;
    x->prev = parent->last;
    x->next = NULL;
    if (parent->last)
        parent->last->next = x;
    else
        parent->children = x;
    parent->last = x;
}

/* Puts x (unlinked first) just before ref. */
static void dom_insert_before(xmlNode *ref, xmlNode *x)
{
    dom_unlink(x);
    xmlNode *p = ref->parent;
    sum_stale(p);
    x->parent = p;
    x->next = ref;
    x->prev = ref->prev;
    if (ref->prev)
        ref->prev->next = x;
    else if (p)
        p->children = x;
    ref->prev = x;
}

static void dom_replace(xmlNode *old, xmlNode *x)
{
    dom_insert_before(old, x);
    dom_unlink(old);
}

static void set_tag(xmlNode *x, const char *t)
{
    sum_stale(x->parent); /* an <a> counts in its ancestors' link sums */
    xmlNodeSetName(x, (const xmlChar *)t);
}

static int has_ancestor(const xmlNode *x, const char *t, int max_depth)
{
    int d = 0;
    for (const xmlNode *p = x->parent; is_el(p); p = p->parent) {
        if (max_depth > 0 && d >= max_depth)
            return 0;
        if (tag_is(p, t))
            return 1;
        d++;
    }
    return 0;
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Text of x's subtree with white space runs collapsed and the ends trimmed,
 * appended to b. */
static void inner_text(const xmlNode *x, sbuf_t *b)
{
    int space = 0;
    size_t start = b->n;
    if (is_text(x)) {
        const char *s = (const char *)x->content;
        for (; s && *s; s++) {
            if (is_space_byte((unsigned char)*s)) {
                space = 1;
                continue;
            }
            if (space && b->n > start)
                sb_addc(b, ' ');
            space = 0;
            sb_addc(b, *s);
        }
        return;
    }
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
        if (!is_text(k))
            continue;
        for (const char *s = (const char *)k->content; s && *s; s++) {
            if (is_space_byte((unsigned char)*s)) {
                space = 1;
                continue;
            }
            if (space && b->n > start)
                sb_addc(b, ' ');
            space = 0;
            sb_addc(b, *s);
        }
    }
}

/* One text node's share of inner_len: characters counted (white space runs
 * collapsed to one, the ends trimmed, UTF-8 continuation bytes not counted),
 * commas, and whether white space comes before the first or after the last
 * counted character (for a node with none counted: whether it has any). */
static void text_node_sum(const xmlNode *t, nd_t *o)
{
    size_t n = 0, cm = 0;
    int space = 0, lead = 0;
    for (const unsigned char *s = (const unsigned char *)t->content; s && *s; s++) {
        if (is_space_byte(*s)) {
            space = 1;
            continue;
        }
        if ((*s & 0xC0) == 0x80)
            continue;
        if (!n)
            lead = space;
        else if (space)
            n++;
        space = 0;
        n++;
        if (*s == ',')
            cm++;
        else if (s[0] == 0xEF && s[1] == 0xBC && s[2] == 0x8C) /* U+FF0C */
            cm++;
        else if (s[0] == 0xD8 && s[1] == 0x8C) /* U+060C */
            cm++;
    }
    o->len = n;
    o->commas = cm;
    o->lead = n ? lead : space;
    o->trail = space;
}

/* Appends b's text to a's, as inner_len would read them one after the
 * other: one space between them when either side has white space there. */
static void sum_join(nd_t *a, const nd_t *b)
{
    if (a->len && b->len) {
        a->len += b->len + (size_t)(a->trail || b->lead);
        a->trail = b->trail;
    } else if (b->len) {
        a->lead = a->trail || b->lead;
        a->len = b->len;
        a->trail = b->trail;
    } else {
        a->trail = a->trail || b->trail;
        if (!a->len)
            a->lead = a->trail;
    }
    a->commas += b->commas;
}

/* x's sum from its children's (element children must be up to date). */
static void sum_children(ctx_t *c, xmlNode *x)
{
    nd_t *d = nd(c, x);
    d->len = d->commas = d->links = d->hash_links = 0;
    d->lead = d->trail = 0;
    for (xmlNode *k = x->children; k; k = k->next) {
        if (is_text(k)) {
            nd_t t;
            text_node_sum(k, &t);
            sum_join(d, &t);
        } else if (k->type == XML_ELEMENT_NODE) {
            const nd_t *e = nd(c, k);
            sum_join(d, e);
            d->links += e->links;
            d->hash_links += e->hash_links;
            if (tag_is(k, "a")) {
                const char *href = attr(k, "href");
                if (href && href[0] == '#' && href[1])
                    d->hash_links++;
                else
                    d->links += e->len;
            }
        }
    }
    d->sum_ok = 1;
}

static xmlNode *stale_el(ctx_t *c, xmlNode *x)
{
    for (; x && !c->oom; x = x->next)
        if (x->type == XML_ELEMENT_NODE && !nd(c, x)->sum_ok)
            return x;
    return NULL;
}

/* The text sum of element root's subtree, brought up to date in one
 * post-order walk over the stale elements only. */
static const nd_t *text_sum(ctx_t *c, xmlNode *root)
{
    static const nd_t none;
    nd_t *rd = nd(c, root);
    if (rd->sum_ok)
        return rd;
    xmlNode *k = root;
    while (!c->oom) {
        xmlNode *kid = stale_el(c, k->children);
        if (kid) {
            k = kid;
            continue;
        }
        sum_children(c, k);
        if (k == root)
            return rd;
        kid = stale_el(c, k->next);
        k = kid ? kid : k->parent;
    }
    return &none;
}

/* Length in characters of inner_text(x) (white space collapsed, ends
 * trimmed), and its commas (',', U+FF0C, U+060C) when commas is not NULL. */
static size_t inner_len(ctx_t *c, xmlNode *x, size_t *commas)
{
    nd_t t;
    const nd_t *d = &t;
    if (x->type == XML_ELEMENT_NODE)
        d = text_sum(c, x);
    else if (is_text(x))
        text_node_sum(x, &t);
    else
        memset(&t, 0, sizeof t);
    if (commas)
        *commas = d->commas;
    return d->len;
}

static int only_space(const char *s)
{
    for (; s && *s; s++)
        if (!is_space_byte((unsigned char)*s))
            return 0;
    return 1;
}

static int is_whitespace_node(const xmlNode *x)
{
    return (is_text(x) && only_space((const char *)x->content)) || tag_is(x, "br");
}

static size_t count_tag(const xmlNode *root, const char *t)
{
    size_t n = 0;
    for (xmlNode *k = root->children; k; k = walk_next(k, root, 0))
        n += tag_is(k, t);
    return n;
}

static int get_all(const xmlNode *root, const char *const *set, nodes_t *out)
{
    for (xmlNode *k = root->children; k; k = walk_next(k, root, 0))
        if (tag_in(k, set) && nodes_push(out, k) < 0)
            return -1;
    return 0;
}

/* ---- class / id patterns ------------------------------------------------- */

static const char *const re_unlikely[] = {
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote", NULL,
};
static const char *const re_maybe[] = {
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow", NULL,
};
static const char *const re_positive[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story", NULL,
};
static const char *const re_negative[] = {
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget", NULL,
};
static const char *const re_byline[] = {
    "byline", "author", "dateline", "writtenby", "p-author", NULL,
};

/* strcasestr(s, pat) for any of pats (lower-case ASCII, no white space). */
static int contains_any(const char *s, const char *const *pats)
{
    if (!s || !*s)
        return 0;
    char low[512];
    size_t n = 0;
    int word = 0;
    for (; s[n] && n + 1 < sizeof low; n++) {
        unsigned char ch = (unsigned char)s[n];
        low[n] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        word |= !is_space_byte(ch);
    }
    low[n] = '\0';
    if (s[n]) {
        for (; *pats; pats++)
            if (strcasestr(s, *pats))
                return 1;
        return 0;
    }
    if (!word) /* no class, no id: nothing to find */
        return 0;
    for (; *pats; pats++)
        if (strstr(low, *pats))
            return 1;
    return 0;
}

/* Readability's "hid" as a whole class token. */
static int has_hid_token(const char *s)
{
    for (const char *p = s; p && (p = strcasestr(p, "hid")) != NULL; p++)
        if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
            return 1;
    return 0;
}

static int negative(const char *s)
{
    return contains_any(s, re_negative) || has_hid_token(s);
}

static int class_weight(const ctx_t *c, const xmlNode *x)
{
    if (!(c->flags & F_WEIGHT_CLASSES))
        return 0;
    int w = 0;
    const char *cl = attr(x, "class"), *id = attr(x, "id");
    if (cl && *cl) {
        if (negative(cl))
            w -= 25;
        if (contains_any(cl, re_positive))
            w += 25;
    }
    if (id && *id) {
        if (negative(id))
            w -= 25;
        if (contains_any(id, re_positive))
            w += 25;
    }
    return w;
}

/* "class id" of x into buf. */
static const char *match_string(const xmlNode *x, char *buf, size_t cap)
{
    const char *cl = attr(x, "class"), *id = attr(x, "id");
    const char *part[3] = { cl ? cl : "", " ", id ? id : "" };
    size_t k = 0;
    for (int i = 0; i < 3; i++)
        for (const char *p = part[i]; *p && k + 1 < cap; p++)
            buf[k++] = *p;
    buf[k] = '\0';
    return buf;
}

/* ---- measures ------------------------------------------------------------ */

static double link_density(ctx_t *c, xmlNode *x)
{
    const nd_t *d = text_sum(c, x);
    size_t total = d->len;
    if (!total)
        return 0;
    if (!d->hash_links) /* a sum of whole numbers: exact in any order */
        return (double)d->links / (double)total;
    double links = 0;
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
        if (!tag_is(k, "a"))
            continue;
        const char *href = attr(k, "href");
        double coef = href && href[0] == '#' && href[1] ? 0.3 : 1.0;
        links += (double)inner_len(c, k, NULL) * coef;
    }
    return links / (double)total;
}

static int init_node(ctx_t *c, xmlNode *x)
{
    nd_t *d = nd(c, x);
    if (d->scored)
        return 0;
    d->scored = 1;
    const char *t = tag(x);
    double s = 0;
    if (!strcasecmp(t, "div"))
        s = 5;
    else if (!strcasecmp(t, "pre") || !strcasecmp(t, "td") || !strcasecmp(t, "blockquote"))
        s = 3;
    else if (!strcasecmp(t, "address") || !strcasecmp(t, "ol") || !strcasecmp(t, "ul") ||
             !strcasecmp(t, "dl") || !strcasecmp(t, "dd") || !strcasecmp(t, "dt") ||
             !strcasecmp(t, "li") || !strcasecmp(t, "form"))
        s = -3;
    else if ((t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2])
        s = -5;
    else if (!strcasecmp(t, "th"))
        s = -5;
    d->score = s + class_weight(c, x);
    return 1;
}

static const char *const phrasing[] = {
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr", NULL,
};

static int is_phrasing(const xmlNode *x, int depth)
{
    if (is_text(x))
        return 1;
    if (!is_el(x))
        return x->type == XML_COMMENT_NODE;
    if (tag_in(x, phrasing))
        return 1;
    if ((tag_is(x, "a") || tag_is(x, "del") || tag_is(x, "ins")) && depth < 64) {
        for (xmlNode *k = x->children; k; k = k->next)
            if (!is_phrasing(k, depth + 1))
                return 0;
        return 1;
    }
    return 0;
}

static const char *const div_to_p[] = {
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", NULL,
};

static int has_child_block(const xmlNode *x)
{
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0))
        if (tag_in(k, div_to_p))
            return 1;
    return 0;
}

static int single_tag_inside(const xmlNode *x, const char *t)
{
    if (el_count(x) != 1 || !tag_is(first_el(x), t))
        return 0;
    for (xmlNode *k = x->children; k; k = k->next)
        if (is_text(k) && !only_space((const char *)k->content))
            return 0;
    return 1;
}

static int without_content(ctx_t *c, xmlNode *x)
{
    if (inner_len(c, x, NULL) != 0)
        return 0;
    size_t n = el_count(x);
    return n == 0 || n == count_tag(x, "br") + count_tag(x, "hr");
}

static int visible(const xmlNode *x)
{
    const char *st = attr(x, "style");
    if (st) {
        char buf[256];
        size_t k = 0;
        for (const char *p = st; *p && k + 1 < sizeof buf; p++)
            if (!is_space_byte((unsigned char)*p))
                buf[k++] = (char)tolower((unsigned char)*p);
        buf[k] = '\0';
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden"))
            return 0;
    }
    if (attr(x, "hidden"))
        return 0;
    const char *ah = attr(x, "aria-hidden");
    if (ah && !strcmp(ah, "true")) {
        const char *cl = attr(x, "class");
        if (!cl || !strstr(cl, "fallback-image"))
            return 0;
    }
    return 1;
}

/* Readability's text similarity: share of b's ASCII word tokens found in a. */
static double text_similarity(const char *a, const char *b)
{
    /* tokens of a, lower-cased, separated by single spaces */
    sbuf_t ta = { 0 }, tb = { 0 }, ub = { 0 };
    const char *srcs[2] = { a, b };
    sbuf_t *dst[2] = { &ta, &tb };
    for (int w = 0; w < 2; w++) {
        int in = 0;
        for (const char *p = srcs[w]; p && *p; p++) {
            int wc = isalnum((unsigned char)*p) || *p == '_';
            if (wc) {
                if (!in && dst[w]->n)
                    sb_addc(dst[w], ' ');
                sb_addc(dst[w], (char)tolower((unsigned char)*p));
            }
            in = wc;
        }
    }
    double r = 0;
    if (tb.n && ta.s) {
        /* unique tokens of b not in a */
        const char *p = tb.s;
        while (*p) {
            const char *e = strchr(p, ' ');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            int found = 0;
            for (const char *q = ta.s; *q;) {
                const char *qe = strchr(q, ' ');
                size_t ql = qe ? (size_t)(qe - q) : strlen(q);
                if (ql == l && !memcmp(p, q, l)) {
                    found = 1;
                    break;
                }
                q += ql;
                if (*q)
                    q++;
            }
            if (!found) {
                if (ub.n)
                    sb_addc(&ub, ' ');
                sb_add(&ub, p, l);
            }
            p += l;
            if (*p)
                p++;
        }
        r = 1.0 - (double)ub.n / (double)tb.n;
    } else if (tb.n) {
        r = 0;
    }
    free(ta.s);
    free(tb.s);
    free(ub.s);
    return r;
}

static int header_dup_title(ctx_t *c, const xmlNode *x)
{
    if (!c->title || !(tag_is(x, "h1") || tag_is(x, "h2")))
        return 0;
    sbuf_t b = { 0 };
    inner_text(x, &b);
    double s = b.s ? text_similarity(c->title, b.s) : 0;
    free(b.s);
    return s > 0.75;
}

static int check_byline(ctx_t *c, const xmlNode *x, const char *ms)
{
    if (c->byline)
        return 0;
    const char *rel = attr(x, "rel"), *ip = attr(x, "itemprop");
    if (!((rel && !strcmp(rel, "author")) || (ip && strstr(ip, "author")) ||
          contains_any(ms, re_byline)))
        return 0;
    sbuf_t b = { 0 };
    inner_text(x, &b);
    if (b.n > 0 && b.n < 100) {
        c->byline = b.s;
        return 1;
    }
    free(b.s);
    return 0;
}

/* ---- data tables ------------------------------------------------------------ */

static void mark_data_tables(ctx_t *c, xmlNode *root)
{
    static const char *const tbl[] = { "table", NULL };
    nodes_t t = { 0 };
    if (get_all(root, tbl, &t) < 0) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < t.n; i++) {
        xmlNode *x = t.v[i];
        nd_t *d = nd(c, x);
        const char *role = attr(x, "role");
        d->datatable = 0;
        if (role && !strcmp(role, "presentation"))
            continue;
        const char *dt = attr(x, "datatable");
        if (dt && !strcmp(dt, "0"))
            continue;
        if (attr(x, "summary")) {
            d->datatable = 1;
            continue;
        }
        xmlNode *cap = NULL;
        for (xmlNode *k = x->children; k; k = k->next)
            if (tag_is(k, "caption"))
                cap = k;
        if (cap && cap->children) {
            d->datatable = 1;
            continue;
        }
        if (count_tag(x, "col") || count_tag(x, "colgroup") || count_tag(x, "tfoot") ||
            count_tag(x, "thead") || count_tag(x, "th")) {
            d->datatable = 1;
            continue;
        }
        if (count_tag(x, "table")) {
            continue;
        }
        size_t rows = 0, cols = 0;
        for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
            if (!tag_is(k, "tr"))
                continue;
            const char *rs = attr(k, "rowspan");
            rows += rs ? (size_t)(atoi(rs) > 0 ? atoi(rs) : 1) : 1;
            size_t cc = 0;
            for (xmlNode *cell = k->children; cell; cell = cell->next)
                if (tag_is(cell, "td") || tag_is(cell, "th")) {
                    const char *cs = attr(cell, "colspan");
                    cc += cs ? (size_t)(atoi(cs) > 0 ? atoi(cs) : 1) : 1;
                }
            if (cc > cols)
                cols = cc;
        }
        if (rows == 1 || cols == 1)
            continue;
        if (rows >= 10 || cols > 4) {
            d->datatable = 1;
            continue;
        }
        d->datatable = rows * cols > 10;
    }
    free(t.v);
}

static int in_data_table(const xmlNode *x)
{
    for (const xmlNode *p = x->parent; is_el(p); p = p->parent)
        if (tag_is(p, "table") && p->_private && ((nd_t *)p->_private)->datatable == 1)
            return 1;
    return 0;
}

/* ---- prepping the article -------------------------------------------------- */

static void clean_tag(ctx_t *c, xmlNode *root, const char *t)
{
    const char *set[] = { t, NULL };
    nodes_t l = { 0 };
    if (get_all(root, set, &l) < 0) {
        c->oom = 1;
        return;
    }
    for (size_t i = l.n; i-- > 0;)
        dom_remove(c, l.v[i]);
    free(l.v);
}

static double text_density(ctx_t *c, xmlNode *x, const char *const *set)
{
    size_t total = inner_len(c, x, NULL);
    if (!total)
        return 0;
    size_t sub = 0;
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0))
        if (tag_in(k, set))
            sub += inner_len(c, k, NULL);
    return (double)sub / (double)total;
}

static void clean_conditionally(ctx_t *c, xmlNode *root, const char *t)
{
    if (!(c->flags & F_CLEAN_COND))
        return;
    static const char *const lists[] = { "ul", "ol", NULL };
    static const char *const heads[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    const char *set[] = { t, NULL };
    nodes_t l = { 0 };
    if (get_all(root, set, &l) < 0) {
        c->oom = 1;
        return;
    }
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        int is_list = !strcmp(t, "ul") || !strcmp(t, "ol");
        size_t len = inner_len(c, x, NULL);
        if (!is_list) {
            size_t ll = 0;
            for (xmlNode *k = x->children; k; k = walk_next(k, x, 0))
                if (tag_in(k, lists))
                    ll += inner_len(c, k, NULL);
            is_list = len && (double)ll / (double)len > 0.9;
        }
        if (!strcmp(t, "table") && x->_private && ((nd_t *)x->_private)->datatable == 1)
            continue;
        if (in_data_table(x) || has_ancestor(x, "code", 3))
            continue;
        int w = class_weight(c, x);
        int remove = 0;
        size_t commas = 0;
        inner_len(c, x, &commas);
        if (w < 0) {
            remove = 1;
        } else if (commas < 10) {
            double p = (double)count_tag(x, "p");
            double img = (double)count_tag(x, "img");
            double li = (double)count_tag(x, "li") - 100;
            double input = (double)count_tag(x, "input");
            double hd = text_density(c, x, heads);
            size_t embeds = count_tag(x, "object") + count_tag(x, "embed") + count_tag(x, "iframe");
            double ld = link_density(c, x);
            int fig = has_ancestor(x, "figure", 3);
            remove = (img > 1 && p / img < 0.5 && !fig) || (!is_list && li > p) ||
                     (input > (double)(long)(p / 3)) ||
                     (!is_list && hd < 0.9 && len < 25 && (img == 0 || img > 2) && !fig) ||
                     (!is_list && w < 25 && ld > 0.2) || (w >= 25 && ld > 0.5) ||
                     (embeds == 1 && len < 75) || embeds > 1;
            if (is_list && remove) {
                int multi = 0;
                for (xmlNode *k = x->children; k; k = k->next)
                    if (is_el(k) && el_count(k) > 1)
                        multi = 1;
                if (!multi && (size_t)img == count_tag(x, "li"))
                    remove = 0;
            }
        }
        if (remove)
            dom_remove(c, x);
    }
    free(l.v);
}

/* "share" or "sharedaddy" as a word of a class or id ("share-bar", "post_share"). */
static int is_share(const char *ms)
{
    for (const char *p = ms; (p = strcasestr(p, "share")) != NULL; p++) {
        int a = p == ms || !isalnum((unsigned char)p[-1]);
        const char *e = p + 5;
        if (!strncasecmp(e, "daddy", 5))
            e += 5;
        if (a && !isalnum((unsigned char)*e))
            return 1;
    }
    return 0;
}

static void clean_share(ctx_t *c, xmlNode *root)
{
    for (xmlNode *top = first_el(root); top; top = next_el(top)) {
        xmlNode *end = next_node(top, 1);
        xmlNode *x = next_node(top, 0);
        while (x && x != end) {
            char ms[512];
            match_string(x, ms, sizeof ms);
            if (is_share(ms) && inner_len(c, x, NULL) < CHAR_THRESHOLD) {
                xmlNode *n = next_node(x, 1);
                dom_remove(c, x);
                x = n;
            } else {
                x = next_node(x, 0);
            }
        }
    }
}

static void prep_article(ctx_t *c, xmlNode *art)
{
    mark_data_tables(c, art);
    clean_conditionally(c, art, "form");
    clean_conditionally(c, art, "fieldset");
    static const char *const junk[] = {
        "object", "embed", "footer", "link", "aside", NULL,
    };
    for (const char *const *j = junk; *j; j++)
        clean_tag(c, art, *j);
    clean_share(c, art);
    static const char *const junk2[] = {
        "iframe", "input", "textarea", "select", "button", NULL,
    };
    for (const char *const *j = junk2; *j; j++)
        clean_tag(c, art, *j);
    /* headers with a negative class weight */
    {
        static const char *const h12[] = { "h1", "h2", NULL };
        nodes_t l = { 0 };
        if (get_all(art, h12, &l) == 0)
            for (size_t i = l.n; i-- > 0;)
                if (class_weight(c, l.v[i]) < 0)
                    dom_remove(c, l.v[i]);
        free(l.v);
    }
    clean_conditionally(c, art, "table");
    clean_conditionally(c, art, "ul");
    clean_conditionally(c, art, "div");
    /* empty paragraphs */
    {
        static const char *const ps[] = { "p", NULL };
        nodes_t l = { 0 };
        if (get_all(art, ps, &l) == 0)
            for (size_t i = l.n; i-- > 0;) {
                xmlNode *p = l.v[i];
                if (!count_tag(p, "img") && !count_tag(p, "embed") && !count_tag(p, "object") &&
                    !count_tag(p, "iframe") && inner_len(c, p, NULL) == 0)
                    dom_remove(c, p);
            }
        free(l.v);
    }
}

/* ---- preparing the document ------------------------------------------------- */

static xmlNode *next_significant(xmlNode *x)
{
    while (x && !is_el(x) && is_text(x) && only_space((const char *)x->content))
        x = x->next;
    while (x && x->type == XML_COMMENT_NODE)
        x = x->next;
    return x;
}

static void replace_brs(ctx_t *c, xmlNode *root)
{
    static const char *const brs[] = { "br", NULL };
    nodes_t l = { 0 };
    if (get_all(root, brs, &l) < 0) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < l.n; i++) {
        xmlNode *br = l.v[i];
        if (!br->parent)
            continue;
        xmlNode *next = br->next;
        int replaced = 0;
        while ((next = next_significant(next)) && tag_is(next, "br")) {
            replaced = 1;
            xmlNode *sib = next->next;
            dom_remove(c, next);
            next = sib;
        }
        if (!replaced)
            continue;
        xmlNode *p = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"p", NULL);
        if (!p) {
            c->oom = 1;
            break;
        }
        dom_replace(br, p);
        dom_remove(c, br);
        next = p->next;
        while (next) {
            if (tag_is(next, "br")) {
                xmlNode *ne = next_significant(next->next);
                if (ne && tag_is(ne, "br"))
                    break;
            }
            if (!is_phrasing(next, 0))
                break;
            xmlNode *sib = next->next;
            dom_append(p, next);
            next = sib;
        }
        while (p->last && is_whitespace_node(p->last))
            dom_remove(c, p->last);
        if (tag_is(p->parent, "p"))
            set_tag(p->parent, "div");
    }
    free(l.v);
}

static void prep_document(ctx_t *c, xmlNode *root)
{
    static const char *const gone[] = { "script", "noscript", "style", "template", NULL };
    nodes_t l = { 0 };
    if (get_all(root, gone, &l) < 0) {
        c->oom = 1;
        return;
    }
    for (size_t i = l.n; i-- > 0;)
        dom_remove(c, l.v[i]);
    free(l.v);
    /* comments carry no text; dropping them keeps "whitespace" checks simple */
    for (xmlNode *k = root->children; k;) {
        xmlNode *n = walk_next(k, root, 1);
        if (k->type == XML_COMMENT_NODE)
            dom_remove(c, k);
        else
            n = walk_next(k, root, 0);
        k = n;
    }
    replace_brs(c, root);
    static const char *const fonts[] = { "font", NULL };
    nodes_t f = { 0 };
    if (get_all(root, fonts, &f) == 0)
        for (size_t i = 0; i < f.n; i++)
            set_tag(f.v[i], "span");
    free(f.v);
}

/* ---- the main-text search --------------------------------------------------- */

static xmlNode *find_body(xmlNode *root)
{
    for (xmlNode *k = root; k; k = walk_next(k, root, 0))
        if (tag_is(k, "body"))
            return k;
    return root;
}

/* Returns the article container (a new detached div), or NULL. */
static xmlNode *grab_article(ctx_t *c, xmlNode *root)
{
    xmlNode *body = find_body(root);
    static const char *const to_score[] = {
        "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL,
    };
    static const char *const unlikely_roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL,
    };
    nodes_t score = { 0 };
    int strip = c->flags & F_STRIP_UNLIKELY;
    int remove_title = 1;
    xmlNode *x = root;
    while (x && !c->oom) {
        char ms[512];
        match_string(x, ms, sizeof ms);
        if (!tag_is(x, "html") && !tag_is(x, "body") && !visible(x)) {
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
            continue;
        }
        {
            const char *am = attr(x, "aria-modal"), *role = attr(x, "role");
            if (am && !strcmp(am, "true") && role && !strcmp(role, "dialog")) {
                xmlNode *n = next_node(x, 1);
                dom_remove(c, x);
                x = n;
                continue;
            }
        }
        if (check_byline(c, x, ms)) {
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
            continue;
        }
        if (remove_title && header_dup_title(c, x)) {
            remove_title = 0;
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
            continue;
        }
        if (strip) {
            if (contains_any(ms, re_unlikely) && !contains_any(ms, re_maybe) &&
                !has_ancestor(x, "table", 3) && !has_ancestor(x, "code", 3) &&
                !tag_is(x, "body") && !tag_is(x, "a")) {
                xmlNode *n = next_node(x, 1);
                dom_remove(c, x);
                x = n;
                continue;
            }
            const char *role = attr(x, "role");
            int bad_role = 0;
            for (const char *const *r = unlikely_roles; role && *r; r++)
                bad_role |= !strcmp(role, *r);
            if (bad_role) {
                xmlNode *n = next_node(x, 1);
                dom_remove(c, x);
                x = n;
                continue;
            }
        }
        const char *t = tag(x);
        int hx = (t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2];
        if ((tag_is(x, "div") || tag_is(x, "section") || tag_is(x, "header") || hx) &&
            without_content(c, x)) {
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
            continue;
        }
        if (tag_in(x, to_score) && nodes_push(&score, x) < 0)
            c->oom = 1;
        if (tag_is(x, "div")) {
            /* phrasing content into paragraphs */
            xmlNode *p = NULL;
            for (xmlNode *k = x->children; k;) {
                xmlNode *nx = k->next;
                if (is_phrasing(k, 0)) {
                    if (p) {
                        dom_append(p, k);
                    } else if (!is_whitespace_node(k)) {
                        p = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"p", NULL);
                        if (!p) {
                            c->oom = 1;
                            break;
                        }
                        dom_replace(k, p);
                        dom_append(p, k);
                    }
                } else if (p) {
                    while (p->last && is_whitespace_node(p->last))
                        dom_remove(c, p->last);
                    p = NULL;
                }
                k = nx;
            }
            if (single_tag_inside(x, "p") && link_density(c, x) < 0.25) {
                xmlNode *child = first_el(x);
                dom_replace(x, child);
                dom_remove(c, x);
                x = child;
                if (nodes_push(&score, x) < 0)
                    c->oom = 1;
            } else if (!has_child_block(x)) {
                set_tag(x, "p");
                if (nodes_push(&score, x) < 0)
                    c->oom = 1;
            }
        }
        x = next_node(x, 0);
    }

    /* score paragraphs into their ancestors */
    for (size_t i = 0; i < score.n && !c->oom; i++) {
        xmlNode *e = score.v[i];
        if (!is_el(e->parent))
            continue;
        /* a node that was removed after it was listed has no way to the root */
        xmlNode *r = e;
        while (r->parent && is_el(r->parent))
            r = r->parent;
        if (r != root)
            continue;
        size_t commas;
        size_t len = inner_len(c, e, &commas);
        if (len < 25)
            continue;
        double cs = 1 + (double)(commas + 1) + (double)(len / 100 < 3 ? len / 100 : 3);
        xmlNode *a = e->parent;
        for (int level = 0; level < 5 && is_el(a); level++, a = a->parent) {
            if (!is_el(a->parent))
                break;
            if (init_node(c, a) && nodes_push(&c->candidates, a) < 0)
                c->oom = 1;
            double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            nd(c, a)->score += cs / div;
        }
    }
    free(score.v);

    xmlNode *top[N_TOP] = { 0 };
    for (size_t i = 0; i < c->candidates.n; i++) {
        xmlNode *cand = c->candidates.v[i];
        nd_t *d = nd(c, cand);
        d->score *= 1 - link_density(c, cand);
        for (int t = 0; t < N_TOP; t++) {
            if (!top[t] || d->score > nd(c, top[t])->score) {
                memmove(&top[t + 1], &top[t], (size_t)(N_TOP - 1 - t) * sizeof top[0]);
                top[t] = cand;
                break;
            }
        }
    }
    xmlNode *tc = top[0];
    int created = 0;
    if (!tc || tag_is(tc, "body")) {
        tc = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"div", NULL);
        if (!tc) {
            c->oom = 1;
            return NULL;
        }
        created = 1;
        while (body->children)
            dom_append(tc, body->children);
        dom_append(body, tc);
        init_node(c, tc);
    } else {
        /* several near-equal candidates under one ancestor: take it */
        xmlNode *alt[N_TOP];
        int nalt = 0;
        for (int t = 1; t < N_TOP; t++)
            if (top[t] && nd(c, top[t])->score / nd(c, tc)->score >= 0.75)
                alt[nalt++] = top[t];
        if (nalt >= 3) {
            for (xmlNode *p = tc->parent; is_el(p) && !tag_is(p, "body"); p = p->parent) {
                int lists = 0;
                for (int k = 0; k < nalt && lists < 3; k++) {
                    for (xmlNode *q = alt[k]->parent; is_el(q); q = q->parent)
                        if (q == p) {
                            lists++;
                            break;
                        }
                }
                if (lists >= 3) {
                    tc = p;
                    break;
                }
            }
        }
        init_node(c, tc);
        xmlNode *p = tc->parent;
        double last = nd(c, tc)->score, thr = last / 3;
        while (is_el(p) && !tag_is(p, "body")) {
            if (!p->_private || !nd(c, p)->scored) {
                p = p->parent;
                continue;
            }
            double ps = nd(c, p)->score;
            if (ps < thr)
                break;
            if (ps > last) {
                tc = p;
                break;
            }
            last = ps;
            p = p->parent;
        }
        p = tc->parent;
        while (is_el(p) && !tag_is(p, "body") && el_count(p) == 1) {
            tc = p;
            p = tc->parent;
        }
        init_node(c, tc);
    }

    /* gather the top candidate's siblings that belong to the text */
    xmlNode *art = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"div", NULL);
    if (!art) {
        c->oom = 1;
        return NULL;
    }
    double tscore = nd(c, tc)->score;
    double sthr = tscore * 0.2 > 10 ? tscore * 0.2 : 10;
    xmlNode *parent = tc->parent;
    const char *tcl = attr(tc, "class");
    if (!is_el(parent)) {
        dom_append(art, tc);
    } else {
        for (xmlNode *s = first_el(parent); s;) {
            xmlNode *nx = next_el(s);
            int append = 0;
            if (s == tc) {
                append = 1;
            } else {
                double bonus = 0;
                const char *scl = attr(s, "class");
                if (tcl && *tcl && scl && !strcmp(scl, tcl))
                    bonus += tscore * 0.2;
                if (s->_private && nd(c, s)->scored && nd(c, s)->score + bonus >= sthr) {
                    append = 1;
                } else if (tag_is(s, "p")) {
                    double ld = link_density(c, s);
                    sbuf_t b = { 0 };
                    inner_text(s, &b);
                    size_t len = inner_len(c, s, NULL);
                    int sentence = 0;
                    for (size_t k = 0; b.s && k < b.n; k++)
                        if (b.s[k] == '.' && (b.s[k + 1] == ' ' || b.s[k + 1] == '\0'))
                            sentence = 1;
                    free(b.s);
                    if (len > 80 && ld < 0.25)
                        append = 1;
                    else if (len < 80 && len > 0 && ld == 0 && sentence)
                        append = 1;
                }
            }
            if (append) {
                if (!tag_is(s, "div") && !tag_is(s, "article") && !tag_is(s, "section") &&
                    !tag_is(s, "p"))
                    set_tag(s, "div");
                dom_append(art, s);
            }
            s = nx;
        }
    }
    (void)created;
    prep_article(c, art);
    return art;
}

/* ---- blocks out --------------------------------------------------------------- */

static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "center", NULL,
};
static const char *const skip_tags[] = {
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "select",
    "button", "input", "textarea", "title", NULL,
};

typedef struct {
    article_t *a;
    sbuf_t cur;
    art_block_kind_t kind;
    int ital, bold;        /* nesting depth of italic / bold elements */
    int e_ital, e_bold;    /* state written into cur */
    int oom;
    size_t added;
    int fig;               /* inside a figure: credits and "Photo" labels stay out */
} emit_t;

static int names_caption(const xmlNode *x)
{
    const char *ip = attr(x, "itemprop"), *cl = attr(x, "class");
    return (ip && strcasestr(ip, "caption")) || (cl && strcasestr(cl, "caption"));
}

static int holds_caption(const xmlNode *x, int depth)
{
    for (const xmlNode *k = x->children; k && depth < 8; k = k->next)
        if (is_el(k) && (names_caption(k) || holds_caption(k, depth + 1)))
            return 1;
    return 0;
}

/* A picture's credit: itemprop="copyrightHolder" or "creator", or a class
 * naming a credit or an attribution, unless it holds the caption too (a
 * figcaption "credit" box with a caption span and a credit span). */
static int is_credit(const xmlNode *x)
{
    const char *ip = attr(x, "itemprop"), *cl = attr(x, "class");
    int credit = (ip && (!strcasecmp(ip, "copyrightHolder") || !strcasecmp(ip, "creator"))) ||
                 (cl && (strcasestr(cl, "credit") || strcasestr(cl, "attribution")));
    return credit && !names_caption(x) && !holds_caption(x, 0);
}

/* A figure's label alone on its line: "Photo", "Image", "Video"... */
static int media_label(const char *t, size_t n)
{
    static const char *const labels[] = { "photo", "image", "video", "photograph", "picture", "graphic", NULL };
    while (n && (t[n - 1] == ' ' || t[n - 1] == ':'))
        n--;
    for (const char *const *l = labels; *l; l++)
        if (strlen(*l) == n && !strncasecmp(t, *l, n))
            return 1;
    return 0;
}

static void em_flush(emit_t *e)
{
    if (e->e_ital)
        sb_addc(&e->cur, 0x11);
    if (e->e_bold)
        sb_addc(&e->cur, 0x13);
    e->e_ital = e->e_bold = 0;
    if (e->cur.oom)
        e->oom = 1;
    if (e->cur.n) {
        size_t n;
        char *t = textnorm(e->cur.s, e->cur.n, TN_STYLE, &n);
        if (!t) {
            e->oom = 1;
        } else {
            /* a block of only style codes or nothing is no block */
            int any = 0;
            for (size_t i = 0; i < n && !any; i++)
                any = !((unsigned char)t[i] >= 0x10 && (unsigned char)t[i] <= 0x13) && t[i] != ' ';
            if (any && e->fig && media_label(t, n))
                any = 0;
            if (any) {
                if (article_add_block(e->a, e->kind, t, n) < 0)
                    e->oom = 1;
                else
                    e->added++;
            }
            free(t);
        }
    }
    e->cur.n = 0;
    if (e->cur.s)
        e->cur.s[0] = '\0';
}

static void em_text(emit_t *e, const char *s)
{
    if (!s || !*s)
        return;
    if (only_space(s)) {
        if (e->cur.n)
            sb_addc(&e->cur, ' ');
        return;
    }
    int wi = e->ital > 0, wb = e->bold > 0;
    if (wi != e->e_ital)
        sb_addc(&e->cur, wi ? 0x10 : 0x11);
    if (wb != e->e_bold)
        sb_addc(&e->cur, wb ? 0x12 : 0x13);
    e->e_ital = wi;
    e->e_bold = wb;
    /* the text itself must not carry our codes: control bytes but tab and
     * line ends become spaces; the runs between them go in whole */
    for (const char *p = s;;) {
        const char *q = p;
        while (*q && ((unsigned char)*q >= 0x20 || *q == '\t' || *q == '\n' || *q == '\r'))
            q++;
        sb_add(&e->cur, p, (size_t)(q - p));
        if (!*q)
            break;
        sb_addc(&e->cur, ' ');
        p = q + 1;
    }
}

static void em_node(emit_t *e, const xmlNode *x, int depth)
{
    for (const xmlNode *k = x->children; k && !e->oom; k = k->next) {
        if (is_text(k)) {
            em_text(e, (const char *)k->content);
            continue;
        }
        if (!is_el(k) || tag_in(k, skip_tags) || depth > 300)
            continue;
        if (e->fig && is_credit(k))
            continue;
        if (tag_is(k, "img")) {
            /* an image's description stands as a line of its own, as a
             * reader would hear it; file names are no description */
            const char *alt = attr(k, "alt");
            if (alt) {
                int fname = !strchr(alt, ' ') && strchr(alt, '.');
                if (!fname && !only_space(alt)) {
                    em_flush(e);
                    em_text(e, alt);
                    em_flush(e);
                }
            }
            continue;
        }
        int block = tag_in(k, block_tags);
        if (block) {
            em_flush(e);
            if (tag_is(k, "br") || tag_is(k, "hr"))
                continue;
        }
        art_block_kind_t saved = e->kind;
        const char *t = tag(k);
        if ((t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2])
            e->kind = ART_BLOCK_SUBHEAD;
        else if (tag_is(k, "li") || tag_is(k, "dd") || tag_is(k, "dt"))
            e->kind = ART_BLOCK_LIST;
        else if (tag_is(k, "blockquote"))
            e->kind = ART_BLOCK_QUOTE;
        int it = tag_is(k, "i") || tag_is(k, "em") || tag_is(k, "cite") || tag_is(k, "dfn");
        int bd = tag_is(k, "b") || tag_is(k, "strong");
        int fg = tag_is(k, "figure");
        e->ital += it;
        e->bold += bd;
        e->fig += fg;
        em_node(e, k, depth + 1);
        e->ital -= it;
        e->bold -= bd;
        e->fig -= fg;
        if (block)
            em_flush(e);
        e->kind = saved;
    }
}

/* Appends the blocks of root's subtree to a; returns blocks added or -1. */
static int emit_blocks(const xmlNode *root, article_t *a)
{
    emit_t e = { 0 };
    e.a = a;
    e.kind = ART_BLOCK_PARA;
    em_node(&e, root, 0);
    em_flush(&e);
    free(e.cur.s);
    return e.oom ? -1 : (int)e.added;
}

/* ---- charset -------------------------------------------------------------------- */

static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            /* runs of ASCII eight bytes at a time */
            for (i++; i + 8 <= n; i += 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080u)
                    break;
            }
            continue;
        }
        size_t k = textnorm_utf8_len(s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

static void nul_to_space(char *s, size_t n)
{
    for (char *p = s; (p = memchr(p, 0, (size_t)(s + n - p))) != NULL;)
        *p++ = ' ';
}

/* The charset a page declares in its first bytes, lower-cased, or "". */
static void declared_charset(const char *s, size_t n, char out[40])
{
    out[0] = '\0';
    size_t lim = n < 8192 ? n : 8192;
    for (size_t i = 0; i + 8 < lim; i++) {
        unsigned char c0 = (unsigned char)s[i] | 0x20;
        if (c0 != 'c' && c0 != 'e')
            continue;
        if (strncasecmp(s + i, "charset", 7) != 0 && strncasecmp(s + i, "encoding", 8) != 0)
            continue;
        size_t j = i + (tolower((unsigned char)s[i]) == 'c' ? 7 : 8);
        while (j < lim && is_space_byte((unsigned char)s[j]))
            j++;
        if (j >= lim || s[j] != '=')
            continue;
        j++;
        while (j < lim && (is_space_byte((unsigned char)s[j]) || s[j] == '"' || s[j] == '\''))
            j++;
        size_t k = 0;
        while (j < lim && k + 1 < 40 && (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_' ||
                                         s[j] == ':' || s[j] == '.'))
            out[k++] = (char)tolower((unsigned char)s[j++]);
        out[k] = '\0';
        if (k)
            return;
    }
}

static int is_latin1_name(const char *cs)
{
    static const char *const names[] = {
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
        "windows-1252", "cp1252", "x-cp1252", "iso_8859-1", "iso-ir-100", NULL,
    };
    for (const char *const *p = names; *p; p++)
        if (!strcmp(cs, *p))
            return 1;
    return 0;
}

/* Picks how to parse: returns a malloc'd UTF-8 copy in *u8 (then *enc is
 * "UTF-8"), or leaves *u8 NULL and names in enc the charset libxml2 should
 * convert from. */
static int prepare_bytes(const char *buf, size_t len, char **u8, size_t *u8len, char enc[40])
{
    const unsigned char *s = (const unsigned char *)buf;
    *u8 = NULL;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        strcpy(enc, s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
        return 0;
    }
    int bom = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
    if (bom) {
        buf += 3;
        len -= 3;
    }
    char cs[40];
    declared_charset(buf, len, cs);
    int utf = valid_utf8((const unsigned char *)buf, len);
    if (utf && cs[0] && !is_latin1_name(cs)) {
        /* bytes that are valid UTF-8 with multi-byte sequences are UTF-8
         * whatever the page says (a saved page keeps its old declaration) */
        int multi = 0;
        for (size_t i = 0; i < len && !multi; i++)
            multi = (unsigned char)buf[i] >= 0x80;
        if (multi)
            strcpy(cs, "utf-8");
    }
    if (bom || !cs[0] || !strcmp(cs, "utf-8") || !strcmp(cs, "utf8") || is_latin1_name(cs) ||
        !strncmp(cs, "utf-16", 6) /* a page read as bytes is not UTF-16 */) {
        /* Declared Latin-1 pages are Windows-1252 (the HTML standard says so);
         * valid UTF-8 is taken as UTF-8 whatever is declared but a Latin-1
         * name, and bad bytes fall back to Windows-1252 one by one. */
        if (utf && !(is_latin1_name(cs) && !bom)) {
            *u8 = art_strndup(buf, len);
            *u8len = len;
        } else {
            *u8 = textnorm_bytes_to_utf8(buf, len, u8len);
        }
        strcpy(enc, "UTF-8");
        return *u8 ? 0 : -1;
    }
    strcpy(enc, cs);
    return 0;
}

/* ---- metadata ------------------------------------------------------------------- */

typedef struct {
    char *k, *v;
} kv_t;

typedef struct {
    kv_t kv[32];
    size_t n;
    char *title, *byline, *site, *date, *section, *lang; /* from JSON-LD */
    char *page_lang;                                     /* the page's language, as a tag */
} meta_t;

static void meta_set(meta_t *m, const char *k, const char *v)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->kv[i].k, k)) {
            char *nv = strdup(v);
            if (nv) {
                free(m->kv[i].v);
                m->kv[i].v = nv;
            }
            return;
        }
    if (m->n < sizeof m->kv / sizeof m->kv[0]) {
        m->kv[m->n].k = strdup(k);
        m->kv[m->n].v = strdup(v);
        if (m->kv[m->n].k && m->kv[m->n].v)
            m->n++;
        else {
            free(m->kv[m->n].k);
            free(m->kv[m->n].v);
        }
    }
}

static const char *meta_get(const meta_t *m, const char *k)
{
    for (size_t i = 0; i < m->n; i++)
        if (!strcmp(m->kv[i].k, k))
            return m->kv[i].v[0] ? m->kv[i].v : NULL;
    return NULL;
}

static void meta_free(meta_t *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->kv[i].k);
        free(m->kv[i].v);
    }
    free(m->title);
    free(m->byline);
    free(m->site);
    free(m->date);
    free(m->section);
    free(m->lang);
    free(m->page_lang);
    memset(m, 0, sizeof *m);
}

/* Trimmed, space-collapsed copy. */
static char *squash(const char *s)
{
    sbuf_t b = { 0 };
    int space = 0;
    for (; s && *s; s++) {
        if (is_space_byte((unsigned char)*s)) {
            space = 1;
            continue;
        }
        if (space && b.n)
            sb_addc(&b, ' ');
        space = 0;
        sb_addc(&b, *s);
    }
    if (!b.s)
        return strdup("");
    return b.s;
}

static int in_list(const char *s, size_t n, const char *const *set)
{
    for (; *set; set++)
        if (strlen(*set) == n && !strncmp(s, *set, n))
            return 1;
    return 0;
}

/* The page's language: <html lang> or xml:lang, else a Content-Language
 * meta; a BCP 47 tag ("en-GB", "de") or "" when none or malformed. */
static void page_lang(xmlNode *root, char out[16])
{
    const char *v = NULL;
    if (root && tag_is(root, "html"))
        v = attr(root, "lang") ? attr(root, "lang") : attr(root, "xml:lang");
    for (xmlNode *x = root; x && !v; x = walk_next(x, root, 0)) {
        const char *he = tag_is(x, "meta") ? attr(x, "http-equiv") : NULL;
        if (he && !strcasecmp(he, "content-language"))
            v = attr(x, "content");
    }
    out[0] = '\0';
    if (!v)
        return;
    while (*v == ' ')
        v++;
    size_t k = 0;
    while (k < 15 && (isalnum((unsigned char)v[k]) || v[k] == '-' || v[k] == '_'))
        k++;
    if (k < 2 || !isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) ||
        (v[k] && v[k] != ' ' && v[k] != ','))
        return;
    memcpy(out, v, k);
    out[k] = '\0';
}

static void collect_meta(meta_t *m, xmlNode *root)
{
    static const char *const pre_p[] = { "article", "dc", "dcterm", "og", "twitter", NULL };
    static const char *const suf_p[] = { "author", "creator", "description", "published_time",
                                         "title", "site_name", "section", "modified_time", "locale", NULL };
    static const char *const pre_n[] = { "dc", "dcterm", "og", "twitter", "weibo:article",
                                         "weibo:webpage", NULL };
    static const char *const suf_n[] = { "author", "creator", "description", "title",
                                         "site_name", "date", NULL };
    for (xmlNode *x = root; x; x = walk_next(x, root, 0)) {
        if (!tag_is(x, "meta"))
            continue;
        const char *content = attr(x, "content");
        if (!content)
            continue;
        char *val = squash(content);
        if (!val)
            continue;
        const char *prop = attr(x, "property");
        int matched = 0;
        if (prop) {
            /* space-separated tokens "og:title article:published_time" */
            for (const char *p = prop; *p;) {
                while (*p && is_space_byte((unsigned char)*p))
                    p++;
                const char *e = p;
                while (*e && !is_space_byte((unsigned char)*e))
                    e++;
                char tok[64];
                size_t tl = (size_t)(e - p) < sizeof tok - 1 ? (size_t)(e - p) : sizeof tok - 1;
                for (size_t i = 0; i < tl; i++)
                    tok[i] = (char)tolower((unsigned char)p[i]);
                tok[tl] = '\0';
                char *colon = strchr(tok, ':');
                if (colon && in_list(tok, (size_t)(colon - tok), pre_p) &&
                    in_list(colon + 1, strlen(colon + 1), suf_p)) {
                    meta_set(m, tok, val);
                    matched = 1;
                }
                p = e;
            }
        }
        const char *name = attr(x, "name");
        if (!matched && name) {
            char tok[64];
            size_t tl = 0;
            for (const char *p = name; *p && tl + 1 < sizeof tok; p++) {
                if (is_space_byte((unsigned char)*p))
                    continue;
                tok[tl++] = *p == '.' ? ':' : (char)tolower((unsigned char)*p);
            }
            tok[tl] = '\0';
            char *colon = strrchr(tok, ':');
            int ok;
            if (colon)
                ok = in_list(tok, (size_t)(colon - tok), pre_n) &&
                     in_list(colon + 1, strlen(colon + 1), suf_n);
            else
                ok = in_list(tok, tl, suf_n) || !strcmp(tok, "pubdate") ||
                     !strcmp(tok, "publishdate") || !strcmp(tok, "publish-date") ||
                     !strcmp(tok, "parsely-pub-date") || !strcmp(tok, "sailthru:date");
            if (ok)
                meta_set(m, tok, val);
        }
        const char *ip = attr(x, "itemprop");
        if (ip && !strcmp(ip, "datePublished"))
            meta_set(m, "itemprop:datepublished", val);
        free(val);
    }
}

static const char *const ld_types[] = {
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference", NULL,
};

static int ld_is_article(const jv_t *o)
{
    const jv_t *t = json_get(o, "@type");
    if (!t)
        return 0;
    if (t->type == JV_STR)
        return in_list(t->str, strlen(t->str), ld_types);
    if (t->type == JV_ARR)
        for (size_t i = 0; i < t->n; i++)
            if (t->kids[i].type == JV_STR && in_list(t->kids[i].str, strlen(t->kids[i].str), ld_types))
                return 1;
    return 0;
}

static char *doc_title(xmlNode *root);

static void take_ld(meta_t *m, const jv_t *o, xmlNode *root)
{
    const char *name = json_get_str(o, "name"), *head = json_get_str(o, "headline");
    if (name && head && strcmp(name, head)) {
        char *t = doc_title(root);
        int nm = t && text_similarity(name, t) > 0.75;
        int hm = t && text_similarity(head, t) > 0.75;
        m->title = squash(hm && !nm ? head : name);
        free(t);
    } else if (name) {
        m->title = squash(name);
    } else if (head) {
        m->title = squash(head);
    }
    const jv_t *au = json_get(o, "author");
    if (au) {
        if (au->type == JV_OBJ && json_get_str(au, "name")) {
            m->byline = squash(json_get_str(au, "name"));
        } else if (au->type == JV_ARR) {
            sbuf_t b = { 0 };
            for (size_t i = 0; i < au->n; i++) {
                const char *nm = json_get_str(&au->kids[i], "name");
                if (!nm)
                    continue;
                if (b.n)
                    sb_add(&b, ", ", 2);
                sb_add(&b, nm, strlen(nm));
            }
            if (b.s) {
                m->byline = squash(b.s);
                free(b.s);
            }
        }
    }
    const jv_t *pub = json_get(o, "publisher");
    if (pub && json_get_str(pub, "name"))
        m->site = squash(json_get_str(pub, "name"));
    if (json_get_str(o, "datePublished"))
        m->date = squash(json_get_str(o, "datePublished"));
    const char *il = json_get_str(o, "inLanguage");
    if (il && !m->lang)
        m->lang = art_lang_tag(il);
    const jv_t *sec = json_get(o, "articleSection");
    if (sec && sec->type == JV_STR)
        m->section = squash(sec->str);
    else if (sec && sec->type == JV_ARR && sec->n && sec->kids[0].type == JV_STR)
        m->section = squash(sec->kids[0].str);
}

static void collect_ld(meta_t *m, xmlNode *root)
{
    for (xmlNode *x = root; x && !m->title; x = walk_next(x, root, 0)) {
        if (!tag_is(x, "script"))
            continue;
        const char *ty = attr(x, "type");
        if (!ty || strcasecmp(ty, "application/ld+json"))
            continue;
        sbuf_t b = { 0 };
        for (xmlNode *k = x->children; k; k = k->next)
            if (is_text(k) && k->content)
                sb_add(&b, (const char *)k->content, strlen((const char *)k->content));
        if (!b.s)
            continue;
        /* CDATA wrappers some sites leave in */
        char *s = b.s;
        size_t n = b.n;
        char *cd = strstr(s, "<![CDATA[");
        if (cd) {
            memset(cd, ' ', 9);
            char *ce = strstr(s, "]]>");
            if (ce)
                memset(ce, ' ', 3);
        }
        jv_t *v = json_parse(s, n);
        free(b.s);
        if (!v)
            continue;
        const jv_t *items = v;
        size_t ni = 1;
        if (v->type == JV_ARR) {
            items = v->kids;
            ni = v->n;
        }
        for (size_t i = 0; i < ni && !m->title; i++) {
            const jv_t *o = &items[i];
            const jv_t *ctx = json_get(o, "@context");
            if (!ctx || ctx->type != JV_STR || !strstr(ctx->str, "schema.org"))
                continue;
            if (!json_get(o, "@type")) {
                const jv_t *g = json_get(o, "@graph");
                for (size_t k = 0; g && g->type == JV_ARR && k < g->n; k++)
                    if (ld_is_article(&g->kids[k])) {
                        o = &g->kids[k];
                        break;
                    }
            }
            if (!ld_is_article(o))
                continue;
            take_ld(m, o, root);
            if (!m->title)
                m->title = strdup("");
        }
        json_free(v);
    }
    if (m->title && !m->title[0]) {
        free(m->title);
        m->title = NULL;
    }
}

static size_t word_count(const char *s)
{
    /* JavaScript's str.split(/\s+/).length */
    size_t n = 1;
    int sp = 0;
    for (; *s; s++) {
        if (is_space_byte((unsigned char)*s)) {
            if (!sp)
                n++;
            sp = 1;
        } else {
            sp = 0;
        }
    }
    return n;
}

static int is_sep(const char *p, size_t *len)
{
    /* separators: | - \ / > » (the last is two bytes in UTF-8) */
    if (*p == '|' || *p == '-' || *p == '\\' || *p == '/' || *p == '>') {
        *len = 1;
        return 1;
    }
    if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xBB) {
        *len = 2;
        return 1;
    }
    return 0;
}

static char *trimmed_dup(const char *s, size_t n)
{
    while (n && is_space_byte((unsigned char)*s))
        s++, n--;
    while (n && is_space_byte((unsigned char)s[n - 1]))
        n--;
    char *t = art_strndup(s, n);
    if (!t)
        return NULL;
    char *q = squash(t);
    free(t);
    return q;
}

/* Readability's title from <title>: cut at a site-name separator, or take
 * the lone h1 when the title is odd. */
static char *doc_title(xmlNode *root)
{
    xmlNode *t = NULL;
    for (xmlNode *x = root; x && !t; x = walk_next(x, root, 0))
        if (tag_is(x, "title"))
            t = x;
    sbuf_t b = { 0 };
    if (t)
        inner_text(t, &b);
    char *orig = b.s ? b.s : strdup("");
    if (!orig)
        return NULL;
    char *cur = strdup(orig);
    if (!cur) {
        free(orig);
        return NULL;
    }
    int hier = 0;
    /* " X " with X a separator */
    const char *last_sep = NULL, *first_sep = NULL;
    size_t last_len = 0, first_len = 0;
    for (const char *p = orig; *p; p++) {
        size_t sl;
        if (p > orig && p[-1] == ' ' && is_sep(p, &sl) && p[sl] == ' ') {
            if (!first_sep) {
                first_sep = p;
                first_len = sl;
            }
            last_sep = p;
            last_len = sl;
            if (*p != '|' && *p != '-')
                hier = 1;
        }
    }
    (void)last_len;
    if (last_sep) {
        free(cur);
        cur = trimmed_dup(orig, (size_t)(last_sep - orig));
        if (cur && word_count(cur) < 3) {
            /* the part after the first separator (Readability's second
             * regex: first separator character, not necessarily spaced) */
            const char *q = orig;
            size_t sl = 0;
            while (*q && !is_sep(q, &sl))
                q++;
            free(cur);
            cur = trimmed_dup(q + sl, strlen(q + sl));
        }
        (void)first_len;
    } else if (strstr(orig, ": ")) {
        int match = 0;
        for (xmlNode *x = root; x && !match; x = walk_next(x, root, 0)) {
            if (!tag_is(x, "h1") && !tag_is(x, "h2"))
                continue;
            sbuf_t hb = { 0 };
            inner_text(x, &hb);
            char *tt = trimmed_dup(orig, strlen(orig));
            match = hb.s && tt && !strcmp(hb.s, tt);
            free(tt);
            free(hb.s);
        }
        if (!match) {
            const char *lc = strrchr(orig, ':');
            free(cur);
            cur = trimmed_dup(lc + 1, strlen(lc + 1));
            if (cur && word_count(cur) < 3) {
                const char *fc = strchr(orig, ':');
                free(cur);
                cur = trimmed_dup(fc + 1, strlen(fc + 1));
            } else {
                const char *fc = strchr(orig, ':');
                char *head = art_strndup(orig, (size_t)(fc - orig));
                if (head && word_count(head) > 5) {
                    free(cur);
                    cur = strdup(orig);
                }
                free(head);
            }
        }
    } else {
        size_t ulen = 0;
        for (const char *p = orig; *p; p++)
            ulen += ((unsigned char)*p & 0xC0) != 0x80;
        if (ulen > 150 || ulen < 15) {
            xmlNode *h1 = NULL;
            int nh = 0;
            for (xmlNode *x = root; x; x = walk_next(x, root, 0))
                if (tag_is(x, "h1")) {
                    nh++;
                    h1 = x;
                }
            if (nh == 1) {
                sbuf_t hb = { 0 };
                inner_text(h1, &hb);
                if (hb.s) {
                    free(cur);
                    cur = hb.s;
                }
            }
        }
    }
    if (!cur) {
        return orig;
    }
    char *sq = squash(cur);
    free(cur);
    cur = sq;
    if (cur) {
        size_t wc = word_count(cur);
        /* origTitle with the separators removed, in words, minus one */
        sbuf_t nb = { 0 };
        for (const char *p = orig; *p; p++) {
            size_t sl;
            if (is_sep(p, &sl)) {
                p += sl - 1;
                continue;
            }
            sb_addc(&nb, *p);
        }
        size_t owc = nb.s ? word_count(nb.s) : 1;
        free(nb.s);
        if (wc <= 4 && (!hier || wc != owc - 1)) {
            free(cur);
            cur = strdup(orig);
        }
    }
    free(orig);
    return cur;
}

/* "2023-08-26T..." -> "2023-08-26" when it is a plausible date. */
static char *iso_date(const char *s)
{
    if (!s)
        return NULL;
    while (is_space_byte((unsigned char)*s))
        s++;
    for (int i = 0; i < 10; i++) {
        int ok = i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i]);
        if (!ok)
            return NULL;
    }
    int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
    if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31)
        return NULL;
    return art_strndup(s, 10);
}

static char *find_date(const meta_t *m, xmlNode *root)
{
    const char *cands[] = {
        m->date, meta_get(m, "article:published_time"), meta_get(m, "itemprop:datepublished"),
        meta_get(m, "date"), meta_get(m, "dc:date"), meta_get(m, "pubdate"),
        meta_get(m, "publishdate"), meta_get(m, "publish-date"), meta_get(m, "parsely-pub-date"),
        meta_get(m, "sailthru:date"), meta_get(m, "article:modified_time"),
    };
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++) {
        char *d = iso_date(cands[i]);
        if (d)
            return d;
    }
    for (xmlNode *x = root; x; x = walk_next(x, root, 0)) {
        if (!tag_is(x, "time"))
            continue;
        char *d = iso_date(attr(x, "datetime"));
        if (d)
            return d;
    }
    return NULL;
}

/* ---- what the parser need not see ---------------------------------------------- */

/* Attributes some step reads through attr(); html_trim_unread drops every
 * other one before parsing, so a name asked of attr() must be listed here. */
static const char *const read_attrs[] = {
    "alt", "aria-hidden", "aria-modal", "class", "colspan", "content", "datatable", "datetime",
    "hidden", "href", "id", "itemprop", "name", "property", "rel", "role", "rowspan", "style",
    "summary", "type", "lang", "xml:lang", "http-equiv", NULL,
};

static int blank_ch(unsigned char c)
{
    /* libxml2's IS_BLANK_CH: what separates attributes */
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int alpha_ch(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int name_ch(unsigned char c)
{
    return alpha_ch(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

static int attr_start_ch(unsigned char c)
{
    return alpha_ch(c) || c == '_' || c == ':' || c == '.';
}

/* memmem(s, n, "ab", 2), by memchr (faster on these two-byte needles). */
static const char *find2(const char *s, size_t n, char a, char b)
{
    const char *end = s + n;
    for (const char *p; (p = memchr(s, a, (size_t)(end - s))) != NULL; s = p + 1)
        if (p + 1 < end && p[1] == b)
            return p;
    return NULL;
}

static const char *find_ci(const char *s, size_t n, const char *pat)
{
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++)
        if (!strncasecmp(s + i, pat, m))
            return s + i;
    return NULL;
}

/*
 * The bodies of <script> (but JSON-LD) and <style> and the attributes no
 * step reads are most of a modern page's bytes, and libxml2 copies them one
 * character at a time. This removes them in place before the parse, reading
 * the markup the way libxml2 2.9's HTML parser does (in recover mode):
 * start tags, attributes (quoted or not), end tags, comments ending at "-->"
 * or "--!>", doctype, processing instructions, and script and style bodies
 * that end at the first "</script" or "</style". At anything it does not
 * know to read exactly that way it stops and leaves the rest as it is, so the
 * tree libxml2 builds is the same but for the bodies and attributes removed
 * (tests/test_html.c compares the two trees). Returns the new length.
 */
size_t html_trim_unread(char *s, size_t n)
{
    size_t r = 0, w = 0; /* read and write positions; w <= r */
#define KEEP_TO(pos)                                                                               \
    do {                                                                                           \
        if (w != r)                                                                                \
            memmove(s + w, s + r, (pos) - r);                                                      \
        w += (pos) - r;                                                                            \
        r = (pos);                                                                                 \
    } while (0)
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 2 >= n)
            break;
        unsigned char c1 = (unsigned char)s[i + 1];
        if (c1 == '!') {
            if (s[i + 2] == '-' && i + 3 < n && s[i + 3] == '-') {
                /* the first "-->" or "--!>" after "<!--" ends it */
                const char *e = find2(s + i + 4, n - i - 4, '-', '-');
                while (e && (size_t)(e - s) + 2 < n && e[2] != '>' &&
                       !(e[2] == '!' && (size_t)(e - s) + 3 < n && e[3] == '>'))
                    e = find2(e + 1, n - (size_t)(e + 1 - s), '-', '-');
                if (!e || (size_t)(e - s) + 2 >= n)
                    break; /* not terminated */
                i = (size_t)(e - s) + (e[2] == '>' ? 3 : 4);
            } else if (n - i >= 9 && !strncasecmp(s + i + 2, "doctype", 7)) {
                const char *gt = memchr(s + i, '>', n - i);
                if (!gt)
                    break;
                size_t dq = 0, sq = 0;
                for (const char *p = s + i; p < gt; p++) {
                    dq += *p == '"';
                    sq += *p == '\'';
                }
                if (dq % 2 || sq % 2)
                    break; /* a quoted literal may hide the real end */
                i = (size_t)(gt - s) + 1;
            } else {
                i++; /* "<!x": the '<' is text */
            }
            continue;
        }
        if (c1 == '?') {
            const char *gt = memchr(s + i, '>', n - i);
            if (!alpha_ch((unsigned char)s[i + 2]) || !gt)
                break;
            i = (size_t)(gt - s) + 1;
            continue;
        }
        if (c1 == '/') {
            const char *gt = memchr(s + i, '>', n - i);
            if (!alpha_ch((unsigned char)s[i + 2]) || !gt)
                break;
            i = (size_t)(gt - s) + 1;
            continue;
        }
        if (!alpha_ch(c1)) {
            i++; /* "<3", "< b": the '<' is text */
            continue;
        }
        /* a start tag: name, then attributes up to '>' or "/>" */
        size_t k = i + 1;
        while (k < n && name_ch((unsigned char)s[k]))
            k++;
        if (k - i - 1 >= 99) /* libxml2 cuts names at 100 bytes */
            break;
        int script = k - i - 1 == 6 && !strncasecmp(s + i + 1, "script", 6);
        int style = k - i - 1 == 5 && !strncasecmp(s + i + 1, "style", 5);
        int json = 0, ok = 0, empty = 0;
        for (;;) {
            while (k < n && blank_ch((unsigned char)s[k]))
                k++;
            if (k >= n)
                break;
            if (s[k] == '>') {
                ok = 1;
                break;
            }
            if (s[k] == '/') {
                ok = empty = k + 1 < n && s[k + 1] == '>';
                k++;
                break;
            }
            if (!attr_start_ch((unsigned char)s[k]))
                break;
            size_t an = k;
            while (k < n && name_ch((unsigned char)s[k]))
                k++;
            size_t anlen = k - an;
            if (anlen >= 99)
                break;
            size_t end = k, v = k, vend = k;
            while (v < n && blank_ch((unsigned char)s[v]))
                v++;
            if (v < n && s[v] == '=') {
                v++;
                while (v < n && blank_ch((unsigned char)s[v]))
                    v++;
                if (v >= n)
                    break;
                if (s[v] == '"' || s[v] == '\'') {
                    const char *q = memchr(s + v + 1, s[v], n - v - 1);
                    if (!q)
                        break;
                    vend = (size_t)(q - s) + 1;
                } else {
                    vend = v;
                    while (vend < n && !blank_ch((unsigned char)s[vend]) && s[vend] != '>')
                        vend++;
                    if (vend >= n)
                        break;
                }
                end = vend;
            }
            int keep = 0;
            for (const char *const *a = read_attrs; *a && !keep; a++)
                keep = strlen(*a) == anlen && !strncasecmp(s + an, *a, anlen);
            if (keep && script && anlen == 4 && !strncasecmp(s + an, "type", 4) &&
                (find_ci(s + v, vend - v, "ld+json") || memchr(s + v, '&', vend - v)))
                json = 1;
            if (!keep) {
                /* from the name to the next attribute: the blanks before it
                 * still part it from what comes before */
                KEEP_TO(an);
                while (end < n && blank_ch((unsigned char)s[end]))
                    end++;
                r = end;
            }
            k = end;
        }
        if (!ok)
            break;
        i = k + 1; /* past '>' */
        if ((script || style) && !empty) {
            /* the body runs to the first "</script" or "</style", whatever
             * follows: libxml2 ends it there. But at its very start libxml2
             * still reads any end tag, and a start tag that closes the
             * element (<noscript> a script, <body> or <frameset> a style). */
            const char *nm = script ? "script" : "style";
            size_t nl = script ? 6 : 5;
            if (i + 1 < n && s[i] == '<' && s[i + 1] == '/' &&
                !(i + 2 + nl < n && !strncasecmp(s + i + 2, nm, nl) &&
                  !name_ch((unsigned char)s[i + 2 + nl])))
                break;
            if (i + 1 < n && s[i] == '<' && attr_start_ch((unsigned char)s[i + 1])) {
                size_t e = i + 1;
                while (e < n && name_ch((unsigned char)s[e]))
                    e++;
                static const char *const closers[] = { "noscript", "body", "frameset", NULL };
                int closes = 0;
                for (const char *const *c = closers; *c; c++)
                    closes |= e - i - 1 == strlen(*c) && !strncasecmp(s + i + 1, *c, e - i - 1);
                if (closes)
                    break;
            }
            const char *e = find2(s + i, n - i, '<', '/');
            while (e && !((size_t)(e - s) + 2 + nl <= n && !strncasecmp(e + 2, nm, nl)))
                e = find2(e + 1, n - (size_t)(e + 1 - s), '<', '/');
            if (!e)
                break; /* unterminated: left as it is */
            size_t at = (size_t)(e - s);
            if (!json) {
                KEEP_TO(i);
                r = at;
            }
            i = at;
            if (at + 2 + nl >= n || name_ch((unsigned char)s[at + 2 + nl]))
                break; /* "</scripts>" closes nothing; the rest as it is */
        }
    }
    KEEP_TO(n);
#undef KEEP_TO
    if (w < n)
        s[w] = '\0';
    return w;
}

/* ---- the page ------------------------------------------------------------------ */

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static xmlDoc *parse(const char *s, size_t n, const char *enc)
{
    /* libxml2 reports encoding trouble through the generic handler even
     * with HTML_PARSE_NOERROR; the page is best effort either way */
    xmlSetGenericErrorFunc(NULL, quiet);
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    if (!strcmp(enc, "UTF-8"))
        opts |= HTML_PARSE_IGNORE_ENC;
    if (n > INT32_MAX)
        n = INT32_MAX;
    return htmlReadMemory(s, (int)n, NULL, enc, opts);
}

/* html_trim_unread reads markup as libxml2 2.9.14 to 2.13 do (2.14 reads
 * HTML5's way: more raw-text elements, other comment ends). */
static int trim_known(void)
{
    int v = atoi(xmlParserVersion);
    return v >= 20914 && v < 21400;
}

/* A script or style inside a title, h1 or h2, whose text doc_title reads
 * with everything in it (a trimmed body would change the title). */
static int script_in_title(xmlNode *root)
{
    static const char *const raw[] = { "script", "style", NULL };
    for (xmlNode *x = root; x; x = walk_next(x, root, 0)) {
        if (!tag_in(x, raw))
            continue;
        for (xmlNode *p = x->parent; is_el(p); p = p->parent)
            if (tag_is(p, "title") || tag_is(p, "h1") || tag_is(p, "h2"))
                return 1;
    }
    return 0;
}

static void ctx_free(ctx_t *c)
{
    for (size_t i = 0; i < c->trash.n; i++)
        xmlFreeNode(c->trash.v[i]);
    free(c->trash.v);
    free(c->candidates.v);
    while (c->chunks) {
        chunk_t *k = c->chunks->next;
        free(c->chunks);
        c->chunks = k;
    }
    free(c->byline);
    c->byline = NULL;
    c->trash.v = NULL;
    c->trash.n = c->trash.cap = 0;
    c->candidates.v = NULL;
    c->candidates.n = c->candidates.cap = 0;
}

static size_t body_chars(const article_t *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        for (const unsigned char *p = (const unsigned char *)a->blocks[i].text; *p; p++)
            n += (*p & 0xC0) != 0x80 && !(*p >= 0x10 && *p <= 0x13);
    return n;
}

static char *norm_field(const char *s)
{
    if (!s || !*s)
        return NULL;
    char *t = textnorm(s, strlen(s), 0, NULL);
    if (t && !*t) {
        free(t);
        return NULL;
    }
    return t;
}

int html_sniff(const char *buf, size_t len)
{
    size_t lim = len < 4096 ? len : 4096;
    static const char *const strong[] = { "<!doctype html", "<html", "<head", "<body", NULL };
    static const char *const weak[] = { "<p>", "<div", "<a href", "<span", "<br", "<table",
                                        "<meta", "<title", "<p ", "<li", NULL };
    int w = 0;
    for (size_t i = 0; i < lim; i++) {
        if (buf[i] != '<')
            continue;
        for (const char *const *p = strong; *p; p++)
            if (lim - i >= strlen(*p) && !strncasecmp(buf + i, *p, strlen(*p)))
                return 1;
        for (const char *const *p = weak; *p; p++)
            if (lim - i >= strlen(*p) && !strncasecmp(buf + i, *p, strlen(*p)))
                w++;
    }
    return w >= 3;
}

int html_clean(const char *buf, size_t len, article_t *out, const char **why)
{
    const char *dummy;
    if (!why)
        why = &dummy;
    memset(out, 0, sizeof *out);
    if (!buf || !len) {
        *why = "empty file";
        return -1;
    }
    if (len > HTML_MAX_BYTES)
        len = HTML_MAX_BYTES;
    char *u8 = NULL, enc[40];
    size_t u8len = 0;
    if (prepare_bytes(buf, len, &u8, &u8len, enc) < 0) {
        *why = "out of memory";
        return -1;
    }
    const char *src = u8 ? u8 : buf;
    size_t srclen = u8 ? u8len : len;
    int trimmed = 0;
    if (u8) {
        nul_to_space(u8, u8len);
        if (trim_known()) {
            srclen = html_trim_unread(u8, u8len);
            trimmed = 1;
        }
    }
    xmlDoc *doc = parse(src, srclen, enc);
    if (doc && trimmed && xmlDocGetRootElement(doc) &&
        script_in_title(xmlDocGetRootElement(doc))) {
        /* rare: parse the page as it is */
        xmlFreeDoc(doc);
        doc = NULL;
        free(u8);
        if (prepare_bytes(buf, len, &u8, &u8len, enc) < 0 || !u8) {
            free(u8);
            *why = "out of memory";
            return -1;
        }
        nul_to_space(u8, u8len);
        src = u8;
        srclen = u8len;
        doc = parse(src, srclen, enc);
    }
    if (!doc && !u8) {
        /* an encoding iconv does not know: read the bytes as UTF-8/1252 */
        u8 = textnorm_bytes_to_utf8(buf, len, &u8len);
        if (u8) {
            nul_to_space(u8, u8len);
            src = u8;
            srclen = u8len;
            strcpy(enc, "UTF-8");
            doc = parse(src, srclen, enc);
        }
    }
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        free(u8);
        *why = "not an HTML page (nothing parsed)";
        return -1;
    }
    meta_t m = { 0 };
    xmlNode *root = xmlDocGetRootElement(doc);
    collect_ld(&m, root);
    collect_meta(&m, root);
    /* The page's language: <html lang> or xml:lang, else a Content-Language
     * meta, else JSON-LD inLanguage, else og:locale. */
    char lang[16];
    page_lang(root, lang);
    m.page_lang = art_lang_tag(lang[0] ? lang : NULL);
    if (!m.page_lang && m.lang)
        m.page_lang = art_lang_tag(m.lang);
    if (!m.page_lang)
        m.page_lang = art_lang_tag(meta_get(&m, "og:locale"));
    char *title = NULL;
    const char *tsrc[] = {
        m.title, meta_get(&m, "dc:title"), meta_get(&m, "dcterm:title"), meta_get(&m, "og:title"),
        meta_get(&m, "weibo:article:title"), meta_get(&m, "weibo:webpage:title"),
        meta_get(&m, "title"), meta_get(&m, "twitter:title"),
    };
    for (size_t i = 0; i < sizeof tsrc / sizeof tsrc[0] && !title; i++)
        if (tsrc[i] && *tsrc[i])
            title = strdup(tsrc[i]);
    if (!title)
        title = doc_title(root);
    char *date = find_date(&m, root);

    static const unsigned attempts[] = {
        F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_COND,
        F_WEIGHT_CLASSES | F_CLEAN_COND,
        F_CLEAN_COND,
        0,
    };
    article_t best = { 0 };
    size_t best_len = 0;
    char *best_byline = NULL;
    int oom = 0;
    for (size_t ai = 0; ai < sizeof attempts / sizeof attempts[0]; ai++) {
        if (!doc)
            doc = parse(src, srclen, enc);
        if (!doc || !xmlDocGetRootElement(doc)) {
            oom = 1;
            break;
        }
        ctx_t c = { 0 };
        c.doc = doc;
        c.flags = attempts[ai];
        c.title = title;
        xmlNode *r = xmlDocGetRootElement(doc);
        prep_document(&c, r);
        xmlNode *art = grab_article(&c, r);
        article_t a = { 0 };
        if (art && !c.oom && emit_blocks(art, &a) < 0)
            c.oom = 1;
        oom |= c.oom;
        size_t n = body_chars(&a);
        if (n > best_len || !best.nblocks) {
            article_free(&best);
            best = a;
            best_len = n;
            free(best_byline);
            best_byline = c.byline;
            c.byline = NULL;
        } else {
            article_free(&a);
        }
        if (art)
            xmlFreeNode(art);
        ctx_free(&c);
        xmlFreeDoc(doc);
        doc = NULL;
        if (oom || best_len >= CHAR_THRESHOLD)
            break;
    }
    xmlFreeDoc(doc);
    free(u8);
    if (oom || !best.nblocks) {
        article_free(&best);
        free(best_byline);
        free(title);
        free(date);
        meta_free(&m);
        *why = oom ? "out of memory" : "no article text found";
        return -1;
    }
    *out = best;
    clean_prune_blocks(out);
    out->title = norm_field(title);
    if (!out->title) {
        /* a page without any title: the first words of the text */
        const char *t = out->blocks[0].text;
        size_t k = 0, words = 0;
        while (t[k] && words < 10) {
            if (t[k] == ' ')
                words++;
            k++;
        }
        char *tt = art_strndup(t, k);
        out->title = tt ? textnorm(tt, strlen(tt), 0, NULL) : NULL;
        free(tt);
    }
    out->date = date;
    const char *byl = m.byline ? m.byline : meta_get(&m, "dc:creator");
    if (!byl)
        byl = meta_get(&m, "dcterm:creator");
    if (!byl)
        byl = meta_get(&m, "author");
    if (!byl)
        byl = best_byline;
    out->byline = norm_field(byl);
    out->source = norm_field(m.site ? m.site : meta_get(&m, "og:site_name"));
    out->section = norm_field(m.section ? m.section : meta_get(&m, "article:section"));
    out->lang = m.page_lang;
    m.page_lang = NULL;
    free(best_byline);
    free(title);
    meta_free(&m);
    if (!out->title || textnorm_article(out) < 0) {
        article_free(out);
        *why = "out of memory";
        return -1;
    }
    return 0;
}

int html_fragment_blocks(const char *buf, size_t len, article_t *out)
{
    if (!buf || !len)
        return 0;
    if (len > HTML_MAX_BYTES)
        len = HTML_MAX_BYTES;
    size_t u8len;
    char *u8 = textnorm_bytes_to_utf8(buf, len, &u8len);
    if (!u8)
        return -1;
    nul_to_space(u8, u8len);
    if (trim_known())
        u8len = html_trim_unread(u8, u8len);
    xmlDoc *doc = parse(u8, u8len, "UTF-8");
    free(u8);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return 0;
    }
    ctx_t c = { 0 };
    c.doc = doc;
    c.flags = F_WEIGHT_CLASSES;
    xmlNode *r = xmlDocGetRootElement(doc);
    prep_document(&c, r);
    /* widgets a feed item carries along: share bars, hidden nodes, forms */
    for (xmlNode *x = r; x;) {
        char ms[512];
        match_string(x, ms, sizeof ms);
        if (!tag_is(x, "html") && !tag_is(x, "body") &&
            (!visible(x) || tag_is(x, "form") || tag_is(x, "aside") || tag_is(x, "footer") ||
             tag_is(x, "nav") || (is_share(ms) && inner_len(&c, x, NULL) < CHAR_THRESHOLD))) {
            xmlNode *n = next_node(x, 1);
            dom_remove(&c, x);
            x = n;
            continue;
        }
        x = next_node(x, 0);
    }
    int rc = c.oom ? -1 : emit_blocks(find_body(r), out);
    ctx_free(&c);
    xmlFreeDoc(doc);
    return rc;
}

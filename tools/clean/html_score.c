/* SPDX-License-Identifier: MIT */
/* html_score.c: the main-text search of the HTML cleaner, following the
 * method Mozilla's Readability made the reference for this kind of page:
 * strip unlikely and hidden nodes, turn text-only divs into paragraphs,
 * score paragraphs by length and commas and hand the score to five levels
 * of ancestors, weigh candidates by class and id and by link density, climb
 * to the best container, gather its siblings, then clean the result
 * conditionally. ctx_t.flags says which heuristics an attempt uses. */
#define _GNU_SOURCE
#include "html_priv.h"

#include <ctype.h>
#include <stdint.h>

#define N_TOP 5

/* White space text or a <br>. */
static int is_whitespace_node(const xmlNode *x)
{
    return (is_text(x) && only_space((const char *)x->content)) || tag_is(x, "br");
}

/* ---- class / id patterns ------------------------------------------------- */

static const char *const re_unlikely[] = {
    "-ad-",         "ai2html",  "banner",  "breadcrumbs", "combx",   "comment",    "community",  "cover-wrap",
    "disqus",       "extra",    "footer",  "gdpr",        "header",  "legends",    "menu",       "related",
    "remark",       "replies",  "rss",     "shoutbox",    "sidebar", "skyscraper", "social",     "sponsor",
    "supplemental", "ad-break", "agegate", "pagination",  "pager",   "popup",      "yom-remote", NULL,
};
static const char *const re_maybe[] = {
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow", NULL,
};
static const char *const re_positive[] = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story",   NULL,
};
/* Readability's negative words but "hidden", which lowered_negative() weighs */
static const char *const re_negative[] = {
    "-ad-",     "banner",  "combx",      "comment",  "com-",     "contact", "footer", "gdpr",
    "masthead", "media",   "meta",       "outbrain", "promo",    "related", "scroll", "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor",  "shopping", "tags",    "widget", NULL,
};
static const char *const re_byline[] = {
    "byline", "author", "dateline", "writtenby", "p-author", NULL,
};

/* A class or id string lower-cased (ASCII, as strcasestr folds in the C
 * locale) with the set of its adjacent byte pairs: a pattern with a pair
 * the string lacks is not in it, and most patterns of a list are turned
 * away so, without a search. */
typedef struct {
    char low[512];
    uint64_t pairs[4];
} lowered_t;

static inline unsigned pair_bit(unsigned char a, unsigned char b)
{
    return (a * 7u + b) & 255u;
}

/* 0 when s is too long for l (the caller searches s itself). */
static int lower_pairs(const char *s, lowered_t *l)
{
    memset(l->pairs, 0, sizeof l->pairs);
    unsigned char prev = 0;
    size_t n = 0;
    for (; s[n] && n + 1 < sizeof l->low; n++) {
        unsigned char ch = (unsigned char)s[n];
        if (ch >= 'A' && ch <= 'Z')
            ch += 32;
        l->low[n] = (char)ch;
        if (n) {
            unsigned b = pair_bit(prev, ch);
            l->pairs[b >> 6] |= 1ull << (b & 63);
        }
        prev = ch;
    }
    l->low[n] = '\0';
    return s[n] == '\0';
}

/* 1 when l has no byte pair: one byte at most (" ", the match string of an
 * element with neither class nor id, most of a page's), where no pattern
 * of the lists (two bytes or more each) occurs. */
static int no_pairs(const lowered_t *l)
{
    return !(l->pairs[0] | l->pairs[1] | l->pairs[2] | l->pairs[3]);
}

/* 0 when pat (lower-case) cannot occur in l. */
static int may_hold(const lowered_t *l, const char *pat)
{
    for (; pat[0] && pat[1]; pat++) {
        unsigned b = pair_bit((unsigned char)pat[0], (unsigned char)pat[1]);
        if (!(l->pairs[b >> 6] >> (b & 63) & 1))
            return 0;
    }
    return 1;
}

/* contains_any with s lowered already (l, fits: what lower_pairs gave),
 * for a string tried against several lists. */
static int lowered_any(const char *s, const lowered_t *l, int fits, const char *const *pats)
{
    if (!fits) {
        for (; *pats; pats++)
            if (ascii_casestr(s, *pats))
                return 1;
        return 0;
    }
    if (no_pairs(l))
        return 0;
    for (; *pats; pats++)
        if (may_hold(l, *pats) && strstr(l->low, *pats))
            return 1;
    return 0;
}

/* ascii_casestr(s, pat) for any of pats (lower-case ASCII, no white space). */
static int contains_any(const char *s, const char *const *pats)
{
    if (!s || !*s)
        return 0;
    lowered_t l;
    int fits = lower_pairs(s, &l);
    return lowered_any(s, &l, fits, pats);
}

static int slide(const xmlNode *x);

/* Whether a link's address leads anywhere: not empty, not a place on the
 * page ('#'). */
static int href_leads_on(const char *href)
{
    return href && *href && *href != '#';
}

/* Whether href leads to another page: somewhere (href_leads_on), not a
 * script ("javascript:"), not a picture that opens larger. */
static int leads_to_page(const char *href)
{
    return href_leads_on(href) && strncasecmp(href, "javascript:", 11) && !html_picture_url(href, strcspn(href, "?#"));
}

/* Readability's "hid" as a whole class token. */
static int has_hid_token(const char *s)
{
    for (const char *p = s; p && (p = ascii_casestr(p, "hid")) != NULL; p++)
        if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
            return 1;
    return 0;
}

/* 1 when each "hidden" in s is a responsive one ("hidden-xs", "hidden-print":
 * hidden on a phone or on paper, shown on a screen). */
static int only_responsive_hidden(const char *s)
{
    static const char *const sizes[] = {"xs", "sm", "md", "lg", "xl", "print", NULL};
    int any = 0;
    for (const char *p = s; (p = ascii_casestr(p, "hidden")) != NULL; p += 6) {
        int ok = 0;
        for (const char *const *z = sizes; *z && !ok; z++) {
            size_t n = strlen(*z);
            ok = p[6] == '-' && !strncasecmp(p + 7, *z, n) && !isalnum((unsigned char)p[7 + n]);
        }
        if (!ok)
            return 0;
        any = 1;
    }
    return any;
}

/* Whether a class or id string names what is not the text (re_negative,
 * Readability's "hid", hidden but for a screen size), s lowered already
 * (l, fits: what lower_pairs gave). */
static int lowered_negative(const char *s, const lowered_t *l, int fits)
{
    return lowered_any(s, l, fits, re_negative) || has_hid_token(s) ||
           (ascii_casestr(s, "hidden") && !only_responsive_hidden(s));
}

/* The weight of one class or id string (not empty), lowered once for both
 * lists. */
static int name_weight(const xmlNode *x, const char *s)
{
    lowered_t l;
    int fits = lower_pairs(s, &l), w = 0;
    if (lowered_negative(s, &l, fits) && !slide(x))
        w -= 25;
    if (lowered_any(s, &l, fits, re_positive))
        w += 25;
    return w;
}

static int class_weight(const ctx_t *c, const xmlNode *x)
{
    if (!(c->flags & F_WEIGHT_CLASSES))
        return 0;
    int w = 0;
    const char *cl = attr(x, "class"), *id = attr(x, "id");
    if (cl && *cl)
        w += name_weight(x, cl);
    if (id && *id)
        w += name_weight(x, id);
    return w;
}

/* "class id" of x into buf. */
static const char *match_string(const xmlNode *x, char *buf, size_t cap)
{
    const char *cl = attr(x, "class"), *id = attr(x, "id");
    const char *part[3] = {cl ? cl : "", " ", id ? id : ""};
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
    const nd_t *d = dom_text_sum(c, x);
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
        links += (double)dom_inner_len(c, k, NULL) * coef;
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
    else if (!strcasecmp(t, "address") || !strcasecmp(t, "ol") || !strcasecmp(t, "ul") || !strcasecmp(t, "dl") ||
             !strcasecmp(t, "dd") || !strcasecmp(t, "dt") || !strcasecmp(t, "li") || !strcasecmp(t, "form"))
        s = -3;
    else if ((t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2])
        s = -5;
    else if (!strcasecmp(t, "th"))
        s = -5;
    d->score = s + class_weight(c, x);
    return 1;
}

static const char *const phrasing[] = {
    "abbr",  "audio",    "b",      "bdo",    "br",       "button",   "cite", "code",  "data",   "datalist",
    "dfn",   "em",       "embed",  "i",      "img",      "input",    "kbd",  "label", "mark",   "math",
    "meter", "noscript", "object", "output", "progress", "q",        "ruby", "samp",  "script", "select",
    "small", "span",     "strong", "sub",    "sup",      "textarea", "time", "var",   "wbr",    NULL,
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

/* A div that only wraps one paragraph, however short, is that paragraph
 * when it is a sentence (a line of dialogue: "They both took one."), not
 * when it is a label ("Play Video") or ends in an ellipsis ("Lade weitere
 * Inhalte ..."). */
static int wraps_one_p(const xmlNode *x)
{
    if (!tag_is(x, "div") || !single_tag_inside(x, "p"))
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    const char *s = b.s ? b.s : "";
    size_t n = b.s ? b.n : 0;
    for (;;) { /* closing quotes and brackets after the mark */
        if (n && strchr("\"')]", s[n - 1]))
            n--;
        else if (n >= 3 && !memcmp(s + n - 3, "\xe2\x80", 2) &&
                 (s[n - 1] == '\x9d' || s[n - 1] == '\x99' || s[n - 1] == '\xba'))
            n -= 3; /* U+201D, U+2019, U+203A */
        else
            break;
    }
    int sentence = n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?') &&
                   !(n >= 3 && s[n - 2] == '.' && s[n - 3] == '.');
    free(b.s);
    return sentence;
}

static int without_content(ctx_t *c, xmlNode *x)
{
    if (dom_inner_len(c, x, NULL) != 0)
        return 0;
    size_t n = el_count(x);
    return n == 0 || n == dom_count_tag(x, "br") + dom_count_tag(x, "hr");
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

/* Length of id's stem: id less its closing digits ("section-3" -> 8), 0
 * when it ends in none. */
static size_t id_stem(const char *id)
{
    size_t n = id ? strlen(id) : 0, k = n;
    while (k && isdigit((unsigned char)id[k - 1]))
        k--;
    return k < n ? k : 0;
}

/* 1 when hidden x is a page of a gallery the page's script turns: an
 * earlier sibling of its tag, shown, has its id but for the number
 * ("section-0" shown, "section-1" to "section-29" hidden: a list article
 * one item per page, theperspective.com). */
static int gallery_page(const xmlNode *x)
{
    const char *id = attr(x, "id");
    size_t k = id_stem(id);
    if (!k)
        return 0;
    int steps = 0;
    for (const xmlNode *s = x->prev; s; s = s->prev) {
        if (!is_el(s) || strcmp(tag(s), tag(x)))
            continue;
        const char *sid = attr(s, "id");
        if (id_stem(sid) == k && !strncmp(sid, id, k) && visible(s))
            return 1;
        if (++steps == 64)
            break;
    }
    return 0;
}

/* x is hidden but a page of a gallery (gallery_page): its "hidden" class is
 * no sign of furniture either. */
static int slide(const xmlNode *x)
{
    return !visible(x) && gallery_page(x);
}

/* 1 when paragraphs of text (two of 100 characters or more) come before
 * x in its parent: x is a subheading in the middle of the text, not its
 * headline. */
static int after_text(ctx_t *c, const xmlNode *x)
{
    int n = 0;
    for (xmlNode *s = x->prev; s && n < 2; s = s->prev)
        n += tag_is(s, "p") && dom_inner_len(c, s, NULL) >= 100;
    return n == 2;
}

static int header_dup_title(ctx_t *c, const xmlNode *x)
{
    if (!c->title || !(tag_is(x, "h1") || tag_is(x, "h2")) || after_text(c, x))
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    double s = b.s ? dom_text_similarity(c->title, b.s) : 0;
    free(b.s);
    return s > 0.75;
}

static int check_byline(ctx_t *c, const xmlNode *x, const char *ms, const lowered_t *ml, int mfits)
{
    if (c->byline)
        return 0;
    const char *rel = attr(x, "rel"), *ip = attr(x, "itemprop");
    if (!((rel && !strcmp(rel, "author")) || (ip && strstr(ip, "author")) || lowered_any(ms, ml, mfits, re_byline)))
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    if (b.n > 0 && b.n < 100) {
        c->byline = b.s;
        return 1;
    }
    free(b.s);
    return 0;
}

/* ---- data tables ------------------------------------------------------------ */

/* Whether an element below root is one of set's tags: one walk, which
 * ends at the first (dom_count_tag a tag at a time walks all of root). */
static int holds_tag(const xmlNode *root, const char *const *set)
{
    for (xmlNode *k = root->children; k; k = walk_next(k, root, 0))
        if (tag_in(k, set))
            return 1;
    return 0;
}

/* dom_get_all for a step of the cleaning: out of memory it sets c->oom
 * (the page's cleaning then ends as out of memory) and returns -1. */
static int get_all(ctx_t *c, const xmlNode *root, const char *const *set, nodes_t *out)
{
    if (dom_get_all(root, set, out) < 0) {
        c->oom = 1;
        return -1;
    }
    return 0;
}

static void mark_data_tables(ctx_t *c, xmlNode *root)
{
    static const char *const tbl[] = {"table", NULL};
    nodes_t t = {0};
    if (get_all(c, root, tbl, &t) < 0)
        return;
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
        if (holds_tag(x, (const char *const[]){"col", "colgroup", "tfoot", "thead", "th", NULL})) {
            d->datatable = 1;
            continue;
        }
        if (dom_count_tag(x, "table")) {
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

/* Removes every element below root whose tag is in set, in one walk (last
 * first: a nested one before the one around it). */
static void clean_tags(ctx_t *c, xmlNode *root, const char *const *set)
{
    nodes_t l = {0};
    if (get_all(c, root, set, &l) < 0)
        return;
    for (size_t i = l.n; i-- > 0;)
        dom_remove(c, l.v[i]);
    free(l.v);
}

static double text_density(ctx_t *c, xmlNode *x, const char *const *set)
{
    size_t total = dom_inner_len(c, x, NULL);
    if (!total)
        return 0;
    size_t sub = 0;
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0))
        if (tag_in(k, set))
            sub += dom_inner_len(c, k, NULL);
    return (double)sub / (double)total;
}

/* Whether x (len characters; is_list: a list, or mostly lists) goes: a
 * negative class weight (but a wrapper's, or a box holding a definition
 * list of facts), or fewer than ten commas and too many pictures,
 * list items, inputs, headings, links or embeds for its text. */
static int cond_remove(ctx_t *c, xmlNode *x, int is_list, size_t len, int wrapper)
{
    static const char *const heads[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    int w = class_weight(c, x);
    size_t commas = 0;
    dom_inner_len(c, x, &commas);
    if (w < 0 && wrapper)
        w = 0;
    /* a definition list of three facts or more is data, as a data table
     * is: an event's 'event-meta' box with its start, end and address */
    if (w < 0 && dom_count_tag(x, "dt") >= 3 && dom_count_tag(x, "dd") >= 3)
        w = 0;
    if (w < 0)
        return 1;
    if (commas >= 10)
        return 0;
    double p = (double)dom_count_tag(x, "p");
    double img = (double)dom_count_tag(x, "img");
    double li = (double)dom_count_tag(x, "li") - 100;
    double input = (double)dom_count_tag(x, "input");
    double hd = text_density(c, x, heads);
    size_t embeds = dom_count_tag(x, "object") + dom_count_tag(x, "embed") + dom_count_tag(x, "iframe");
    double ld = link_density(c, x);
    int fig = dom_has_ancestor(x, "figure", 3);
    int remove = (img > 1 && p / img < 0.5 && !fig) || (!is_list && li > p) || (input > (double)(long)(p / 3)) ||
                 (!is_list && hd < 0.9 && len < 25 && (img == 0 || img > 2) && !fig && !wraps_one_p(x) &&
                  !dom_count_tag(x, "pre")) ||
                 (!is_list && w < 25 && ld > 0.2) || (w >= 25 && ld > 0.5) || (embeds == 1 && len < 75) || embeds > 1;
    if (is_list && remove) {
        /* a list of pictures, one to an item, stays */
        int multi = 0;
        for (xmlNode *k = x->children; k; k = k->next)
            if (is_el(k) && el_count(k) > 1)
                multi = 1;
        if (!multi && (size_t)img == dom_count_tag(x, "li"))
            remove = 0;
    }
    return remove;
}

/* 1 when l->v[i] and the elements of l with its class (none of them
 * inside another) hold half of total characters or more: the class is
 * the wrapper of the article's text, split in parts ("elementor-widget-
 * container" around each block of a post, "field--label-hidden" around a
 * post's body), and its negative word no sign of furniture. */
static int wrapper_class(ctx_t *c, const nodes_t *l, size_t i, size_t total)
{
    const char *cl = attr(l->v[i], "class");
    if (!cl || !*cl || !total)
        return 0;
    size_t sum = 0;
    for (size_t j = 0; j < l->n && sum * 2 < total; j++) {
        xmlNode *y = l->v[j];
        const char *yc = attr(y, "class");
        if (!yc || strcmp(yc, cl))
            continue;
        int nested = 0;
        for (xmlNode *p = y->parent; is_el(p) && !nested; p = p->parent)
            nested = tag_is(p, tag(y)) && attr(p, "class") && !strcmp(attr(p, "class"), cl);
        if (!nested)
            sum += dom_inner_len(c, y, NULL);
    }
    return sum * 2 >= total;
}

/* Characters of text in the siblings of x from k on (k itself included),
 * up to x (excluded) or the end: 0 when they are blank or empty boxes. */
static size_t siblings_text(ctx_t *c, xmlNode *k, const xmlNode *x)
{
    size_t n = 0;
    for (; k && k != x; k = k->next)
        n += is_el(k) ? dom_inner_len(c, k, NULL) : is_text(k) && !only_space((const char *)k->content);
    return n;
}

/* Words of x's text. */
static size_t words_of(xmlNode *x)
{
    xmlChar *t = xmlNodeGetContent(x);
    size_t w = 0;
    for (const xmlChar *p = t; p && *p; p++)
        w += !isspace(*p) && (p == t || isspace(p[-1]));
    xmlFree(t);
    return w;
}

/* The heading over x when x is the rest of its box (nothing but the
 * heading before x in its parent, nothing after it) and the heading is a
 * label of eight words at most: when x goes, the heading of that widget
 * says nothing ("Aktuelle Farbdesigns auf dem Formel-1-Auto für 2022" over
 * a gallery that went, "Headlines Delivered to Your Inbox" over a form,
 * "In diesem Ratgeber" over the contents). A longer heading is a statement
 * of its own and stays (parallels' "#1 choice of Mac Users to Run Windows
 * On Mac" over the tweets that went). NULL when there is none. */
static xmlNode *box_heading(ctx_t *c, xmlNode *x, const char *t)
{
    static const char *const heads[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    xmlNode *h = x->prev;
    while (h && !is_el(h) && (h->type == XML_COMMENT_NODE || (is_text(h) && only_space((const char *)h->content))))
        h = h->prev;
    if (!tag_in(h, heads) || !x->parent || siblings_text(c, x->next, NULL) ||
        siblings_text(c, x->parent->children, h) || words_of(h) > 8 || dom_count_tag(h, t))
        return NULL; /* (a heading holding a t is one clean_conditionally still weighs) */
    return h;
}

/* Readability's _cleanConditionally: the elements t below root that look
 * like no part of the text go, last first, each with the heading over it
 * when it was the rest of that heading's box (box_heading); data tables and
 * code stay. */
static void clean_conditionally(ctx_t *c, xmlNode *root, const char *t)
{
    if (!(c->flags & F_CLEAN_COND))
        return;
    static const char *const lists[] = {"ul", "ol", NULL};
    const char *set[] = {t, NULL};
    nodes_t l = {0};
    if (get_all(c, root, set, &l) < 0)
        return;
    /* which nodes are wrappers, on the tree as it is before any goes */
    unsigned char *wrap = NULL;
    if (c->flags & F_STRIP_UNLIKELY) {
        size_t total = dom_inner_len(c, root, NULL);
        wrap = calloc(l.n ? l.n : 1, 1);
        if (!wrap) {
            c->oom = 1;
            free(l.v);
            return;
        }
        for (size_t i = 0; i < l.n; i++) {
            if (class_weight(c, l.v[i]) >= 0)
                continue;
            size_t j = 0; /* an earlier node of its class decided it */
            const char *cl = attr(l.v[i], "class");
            while (j < i && !(cl && attr(l.v[j], "class") && !strcmp(attr(l.v[j], "class"), cl)))
                j++;
            wrap[i] = j < i ? wrap[j] : (unsigned char)wrapper_class(c, &l, i, total);
        }
    }
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        int is_list = !strcmp(t, "ul") || !strcmp(t, "ol");
        size_t len = dom_inner_len(c, x, NULL);
        if (!is_list) {
            size_t ll = 0;
            for (xmlNode *k = x->children; k; k = walk_next(k, x, 0))
                if (tag_in(k, lists))
                    ll += dom_inner_len(c, k, NULL);
            is_list = len && (double)ll / (double)len > 0.9;
        }
        if (!strcmp(t, "table") && x->_private && ((nd_t *)x->_private)->datatable == 1)
            continue;
        if (in_data_table(x) || dom_has_ancestor(x, "code", 3))
            continue;
        if (cond_remove(c, x, is_list, len, wrap && wrap[i])) {
            xmlNode *h = box_heading(c, x, t);
            dom_remove(c, x);
            if (h)
                dom_remove(c, h);
        }
    }
    free(wrap);
    free(l.v);
}

/* "share" or "sharedaddy" as a word of a class or id ("share-bar", "post_share"). */
static int is_share(const char *ms)
{
    for (const char *p = ms; (p = ascii_casestr(p, "share")) != NULL; p++) {
        int a = p == ms || !isalnum((unsigned char)p[-1]);
        const char *e = p + 5;
        if (!strncasecmp(e, "daddy", 5))
            e += 5;
        if (a && !isalnum((unsigned char)*e))
            return 1;
    }
    return 0;
}

static const char *const re_button[] = {"button", "btn", NULL};
static int has_word(const char *s, const char *const *pats);

/* Whether link a's class word says it is styled as a button ("button",
 * "btn"). */
static int button_link(const xmlNode *a)
{
    const char *cl = tag_is(a, "a") ? attr(a, "class") : NULL;
    return cl && (ascii_casestr(cl, "btn") || ascii_casestr(cl, "button")) && has_word(cl, re_button);
}

/* Whether x is a download link's file note: a span or small right after
 * a link whose whole text is the file's type and size and what follows
 * ("PDF | 38 KB | Datei ist nicht barrierefrei", "(PDF, 1,2 MB)"): the
 * link names the document, the note is the site's. */
static int file_note(const xmlNode *x)
{
    static const char *const types[] = {"pdf", "docx", "doc", "xlsx", "xls",  "pptx", "ppt", "odt",
                                        "ods", "zip",  "rtf", "csv",  "epub", "mp3",  NULL};
    static const char *const units[] = {"kb", "mb", "gb", "kib", "mib", "byte", NULL};
    if (!tag_is(x, "span") && !tag_is(x, "small"))
        return 0;
    const xmlNode *t = x->children, *p = x->prev;
    while (p && is_text(p) && is_whitespace_node(p))
        p = p->prev;
    if (!p || !tag_is(p, "a") || !t || !is_text(t) || t->next || !t->content)
        return 0;
    const char *s = (const char *)t->content;
    while (is_space_byte((unsigned char)*s) || *s == '(' || *s == '[')
        s++;
    size_t k = 0;
    const char *const *ty = types;
    for (; *ty; ty++)
        if (!strncasecmp(s, *ty, k = strlen(*ty)) && !isalnum((unsigned char)s[k]))
            break;
    if (!*ty || strlen(s) > 80)
        return 0;
    s += k;
    while (*s == ' ' || *s == ',' || *s == '|' || *s == ';' || *s == ':' || is_space_byte((unsigned char)*s))
        s++;
    if (!isdigit((unsigned char)*s))
        return 0;
    while (isdigit((unsigned char)*s) || *s == '.' || *s == ',')
        s++;
    while (is_space_byte((unsigned char)*s))
        s++;
    for (const char *const *u = units; *u; u++)
        if (!strncasecmp(s, *u, k = strlen(*u)) && !isalpha((unsigned char)s[k]))
            return 1;
    return 0;
}

/* Drops the share bars below root's children and the file notes of
 * download links (file_note); the links styled as buttons it walks by go
 * into buttons (drop_button_boxes). */
static void clean_share(ctx_t *c, xmlNode *root, nodes_t *buttons)
{
    for (xmlNode *top = first_el(root); top; top = next_el(top)) {
        xmlNode *end = next_node(top, 1);
        xmlNode *x = next_node(top, 0);
        while (x && x != end) {
            if (button_link(x) && nodes_push(buttons, x) < 0)
                c->oom = 1;
            char ms[512];
            match_string(x, ms, sizeof ms);
            if ((is_share(ms) && dom_inner_len(c, x, NULL) < CHAR_THRESHOLD) || file_note(x)) {
                xmlNode *n = next_node(x, 1);
                dom_remove(c, x);
                x = n;
            } else {
                x = next_node(x, 0);
            }
        }
    }
}

/* A lone link of seven words or more reads as a sentence of the text that
 * points on from it ("Read the full transcript of his interview", "See what
 * it can do for you"), not as a way out ("Weitere Artikel"); six words
 * still go ("Hier geht es zur neuen Vorstandsstruktur"). */
static int link_reads_as_sentence(xmlNode *x)
{
    xmlChar *t = xmlNodeGetContent(x);
    if (!t)
        return 0;
    size_t w = 0;
    for (const xmlChar *p = t; *p; p++)
        w += !isspace(*p) && (p == t || isspace(p[-1]));
    xmlFree(t);
    return w >= 7;
}

/* Length of the run of pointer marks and blanks (">>", "<<", "»", "«",
 * "→") at the start of s[0..n) (back: at its end). */
static size_t pointer_marks(const char *s, size_t n, int back)
{
    static const char *const marks[] = {">", "<", "\xc2\xbb", "\xc2\xab", "\xe2\x86\x92", " ", "\xc2\xa0", NULL};
    size_t k = 0;
    for (;;) {
        size_t m = 0;
        for (const char *const *p = marks; *p && !m; p++) {
            size_t pl = strlen(*p);
            if (n - k >= pl && !memcmp(back ? s + n - k - pl : s + k, *p, pl))
                m = pl;
        }
        if (!m)
            return k;
        k += m;
    }
}

/* A block that is one link between pointer marks (">> Wegen Corona: ...
 * <<", ">>> Jetzt die aktuelle Ausgabe bestellen! <<<", "» Mehr zum Thema
 * «"): a teaser of another page, however long. */
static int pointer_link(xmlNode *x)
{
    /* most blocks are turned away by their first character */
    xmlNode *k = x->children;
    while (k && !(is_text(k) && !only_space((const char *)k->content)))
        k = walk_next(k, x, 0);
    const unsigned char *f = k ? (const unsigned char *)k->content : NULL;
    while (f && is_space_byte(*f))
        f++;
    if (!f || !(*f == '>' || *f == 0xc2 || *f == 0xe2) || has_child_block(x) || dom_count_tag(x, "a") != 1)
        return 0;
    static const char *const as[] = {"a", NULL};
    nodes_t la = {0};
    if (dom_get_all(x, as, &la) < 0 || la.n != 1) {
        free(la.v);
        return 0;
    }
    xmlNode *a = la.v[0];
    free(la.v);
    if (!href_leads_on(attr(a, "href")))
        return 0;
    sbuf_t b = {0}, lb = {0};
    dom_inner_text(x, &b);
    dom_inner_text(a, &lb);
    int yes = 0;
    if (b.s && lb.s && b.n >= 2) {
        size_t h = pointer_marks(b.s, b.n, 0);
        size_t t = h < b.n ? pointer_marks(b.s, b.n, 1) : 0;
        size_t lh = pointer_marks(lb.s, lb.n, 0);
        size_t lt = lh < lb.n ? pointer_marks(lb.s, lb.n, 1) : 0;
        /* marks on both sides ("» Zum Angebot: ..." alone is an offer
         * the text makes), and all but the marks is the link's */
        int wrapped = h >= 2 && strchr(">\xc2\xe2", b.s[0]) && !is_space_byte((unsigned char)b.s[b.n - 1]) &&
                      (unsigned char)b.s[b.n - 1] != 0xa0 && t >= 2;
        yes = wrapped && h < b.n && lh < lb.n && b.n - h - t == lb.n - lh - lt;
    }
    free(b.s);
    free(lb.s);
    return yes;
}

/* Whether x is two links or more to other pages and, between them,
 * separators alone, one between each two ("Online-Pressemappe - alle
 * Pressemitteilungen der Nordex SE | RSS-Feed abonnieren"): a bar of ways
 * out of the article. Not two links side by side ("Try it now Learn
 * more", mozilla-1's, which Readability keeps). */
static int link_bar(ctx_t *c, xmlNode *x)
{
    if (link_density(c, x) < 0.8)
        return 0;
    size_t links = 0, bars = 0;
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
        if (tag_is(k, "a")) {
            if (!href_leads_on(attr(k, "href")))
                return 0;
            links++;
            continue;
        }
        if (!is_text(k) || dom_has_ancestor(k, "a", 0))
            continue;
        /* between the links: blanks and "|", "•" or "·" alone */
        for (const unsigned char *p = (const unsigned char *)k->content; p && *p; p++) {
            if (*p == '|') {
                bars++;
            } else if (p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xa2) {
                bars++;
                p += 2;
            } else if (p[0] == 0xc2 && (p[1] == 0xb7 || p[1] == 0xa0)) {
                bars += p[1] == 0xb7;
                p++;
            } else if (!is_space_byte(*p)) {
                return 0;
            }
        }
    }
    return links >= 2 && bars + 1 >= links;
}

/* A paragraph that is one short link and nothing else ("Weitere Artikel",
 * "zurück zur Listenansicht", "New Call-to-action") is a way out of the
 * article, not a part of it, and so is one of links alone that a negative
 * class names, a link_bar, and a paragraph or a heading that is a
 * pointer_link; a heading otherwise, or an entry of a list or a table, may
 * be a link and stays. */
static void drop_lone_links(ctx_t *c, xmlNode *art)
{
    static const char *const set[] = {"p", "div", "h2", "h3", "h4", "h5", "h6", NULL};
    nodes_t l = {0};
    if (get_all(c, art, set, &l) < 0)
        return;
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        if (has_child_block(x) || dom_has_ancestor(x, "li", 0) || dom_has_ancestor(x, "table", 0))
            continue;
        if (pointer_link(x)) {
            dom_remove(c, x);
            continue;
        }
        if (!tag_is(x, "p") && !tag_is(x, "div"))
            continue;
        size_t len = dom_inner_len(c, x, NULL);
        if (len && len < 300 && link_bar(c, x)) {
            dom_remove(c, x);
            continue;
        }
        /* links and nothing else (but the blanks between them) in a box
         * its class calls a promotion, a widget, a share bar: a call to
         * sign up ("Get The Times of Israel's Daily Edition by email ...
         * Free Sign Up"), however long */
        if (len && len < 300 && link_density(c, x) >= 0.9 && class_weight(c, x) < 0) {
            dom_remove(c, x);
            continue;
        }
        if (len == 0 || len > 60 || dom_count_tag(x, "a") != 1 || link_density(c, x) < 0.99)
            continue;
        static const char *const as[] = {"a", NULL};
        nodes_t la = {0};
        int contact = 0;
        if (dom_get_all(x, as, &la) == 0 && la.n == 1) {
            const char *href = attr(la.v[0], "href");
            contact = href && (!strncasecmp(href, "mailto:", 7) || !strncasecmp(href, "tel:", 4));
        }
        free(la.v);
        if (contact) /* an address to write to is the article's */
            continue;
        if (link_reads_as_sentence(x))
            continue;
        dom_remove(c, x);
    }
    free(l.v);
}

static size_t text_after(ctx_t *c, xmlNode *x, xmlNode *art);

/* Whether li is one link to another page and nothing else: a headline
 * that leads away. */
static int link_item(ctx_t *c, xmlNode *li)
{
    size_t len = dom_inner_len(c, li, NULL);
    if (!len || dom_count_tag(li, "a") != 1 || dom_count_tag(li, "img"))
        return 0;
    return dom_text_sum(c, li)->links >= len;
}


/* rel words of a link to the page's tag (WordPress's rel="tag", "category tag") */
static const char *const tag_rels[] = {"tag", NULL};

/* A list whose items are each one link to the page's tags goes, wherever
 * it stands (telemedicus's "Handbuch", "Internetrecht", "Rezension"). A
 * list of three items or more, each one link to another page, before
 * the text (half of it or more comes after): a box of "most read"
 * headlines that a page's layout put in the article's container, the
 * site's way elsewhere, not the article; the heading right over it, the
 * box's title, goes with it. Not a list that holds a third of the text or
 * more; not one after the text (related headlines: Readability keeps
 * those, yahoo-1's gold with them), nor one in it (firefox-nightly-blog's
 * bugs, each a link). A list of one such headline, wherever it stands, is
 * a teaser between the paragraphs ("The latest news about the
 * coronavirus outbreak in Sweden (paywall-free)"); a list of two may be
 * the text's own (wikipedia-2's). Ten headlines or more are a box of the
 * site's most read wherever they stand (kath.net's "meist-gelesen" under
 * the text; yahoo-1's five related ones stay). */
static void drop_link_lists(ctx_t *c, xmlNode *art)
{
    static const char *const set[] = {"ul", "ol", NULL};
    static const char *const heads[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    nodes_t l = {0};
    if (get_all(c, art, set, &l) < 0)
        return;
    size_t total = dom_inner_len(c, art, NULL);
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        size_t items = 0, links = 0;
        for (xmlNode *k = first_el(x); k; k = next_el(k)) {
            if (!tag_is(k, "li"))
                continue;
            items++;
            links += link_item(c, k);
        }
        size_t len = dom_inner_len(c, x, NULL);
        if (!items || links < items || len * 3 >= total)
            continue;
        /* the page's tags, each link rel="tag", wherever they stand */
        int tags = 1;
        for (xmlNode *k = x->children; k && tags; k = walk_next(k, x, 0))
            if (tag_is(k, "a"))
                tags = has_word(attr(k, "rel"), tag_rels);
        if (tags) {
            dom_remove(c, x);
            continue;
        }
        /* headlines, four words or more on average; not a list of names
         * (apps, places, the terms of a field) */
        sbuf_t b = {0};
        dom_inner_text(x, &b);
        size_t words = 0;
        for (size_t k = 0; k < b.n; k++)
            words += !is_space_byte((unsigned char)b.s[k]) && (k == 0 || is_space_byte((unsigned char)b.s[k - 1]));
        free(b.s);
        if (words < 4 * items)
            continue;
        /* one headline alone in a list, wherever it stands, is a teaser
         * between paragraphs; ten or more, a "most read" box's top ten */
        if (items == 2 || (items > 2 && items < 10 && text_after(c, x, art) * 2 < total))
            continue;
        xmlNode *h = x->prev;
        while (h && !is_el(h) && (h->type == XML_COMMENT_NODE || (is_text(h) && only_space((const char *)h->content))))
            h = h->prev;
        if (tag_in(h, heads))
            dom_remove(c, h);
        dom_remove(c, x);
    }
    free(l.v);
}

static int lowered_word(const char *s, const lowered_t *l, int fits, const char *const *pats);

/* Class and id words of an author's portrait ("About the author"), which
 * ends a post: one in the middle of the text is the author's own box of
 * advice and stays. */
static const char *const re_author_box[] = {
    "author-bio",   "authorbio",   "author_bio", "author-box", "authorbox",   "author-info", "author-description",
    "about-author", "saboxplugin", "m-a-box",    "abh_box",    "post-author", NULL,
};

/* Class and id words of a notice about advertising or affiliate links,
 * of a box of links to elsewhere ("linkbox_large": handwerksblatt's "DHB
 * jetzt auch digital! Einfach hier klicken ...", baumev's "LinkBoxUnten")
 * and of a blog's calendar of its posts (WordPress's "widget_calendar",
 * "wp-calendar": a month's name over its days' numbers) and of a wiki's
 * folding box of links to its other pages (MediaWiki's "NavFrame": the
 * topics of a field in a box beside the text), wherever it stands. (Not a
 * call to subscribe in the text's own words: Readability keeps those, and
 * its pages' gold with them. Not a wiki's "navbox" under the text:
 * Readability keeps those tables, wikipedia-2's gold with them.) */
static const char *const re_notice[] = {"disclaimer", "disclosure", "linkbox", "link-box",
                                        "calendar",   "navframe",   NULL};

/* Class and id words of a box (a div, section or aside) that goes
 * wherever it stands, though on a link, a span or a paragraph the same
 * word marks something that stays: the box that explains the page's
 * affiliate links (finanztip's "affiliate-text": "* Was der Stern bedeutet:
 * ..."; on a link or a word in a sentence the word marks the link itself)
 * and the box of who made the piece, a label over each name
 * (iconmagazine's "single-credits": "Interview / SVEN MICHAELSEN /
 * FOTOGRAF / ERIC MICHAEL ROY ..."; a span or a paragraph of that class is
 * a picture's credit, with its caption). */
static const char *const re_box_only[] = {"affiliate", "credits", NULL};

/* Characters of art's text after x's subtree. */
static size_t text_after(ctx_t *c, xmlNode *x, xmlNode *art)
{
    size_t n = 0;
    for (xmlNode *u = x; u && u != art; u = u->parent)
        for (xmlNode *k = u->next; k; k = k->next)
            n += is_el(k) ? dom_inner_len(c, k, NULL) : is_text(k) && !only_space((const char *)k->content);
    return n;
}

/* Whether li holds a heading that is one link to another page and nothing
 * else: the headline of a teaser of that page (bondyblog's "Articles liés",
 * each with its picture, its excerpt and its writer's name). */
static int headline_item(ctx_t *c, xmlNode *li)
{
    static const char *const heads[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    for (xmlNode *k = li->children; k; k = walk_next(k, li, 0)) {
        if (!tag_in(k, heads) || dom_count_tag(k, "a") != 1)
            continue;
        size_t len = dom_inner_len(c, k, NULL);
        xmlNode *a = k->children;
        while (a && !tag_is(a, "a"))
            a = walk_next(a, k, 0);
        const char *href = attr(a, "href");
        if (len && href_leads_on(href) && strncasecmp(href, "javascript:", 11) && dom_inner_len(c, a, NULL) >= len)
            return 1;
    }
    return 0;
}

/* A list of two items or more, each the teaser of another page under its
 * headline (headline_item), at the end of the text (no more text after it
 * than its own) goes with the heading right over it: the site's other
 * posts, however long their excerpts (interscenar.io's fifteen). Not one
 * before the text: a front page of teasers (nytimes-5's) is what
 * Readability keeps. */
static void drop_teaser_lists(ctx_t *c, xmlNode *art)
{
    static const char *const set[] = {"ul", "ol", NULL};
    static const char *const heads[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    nodes_t l = {0};
    if (get_all(c, art, set, &l) < 0)
        return;
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        size_t items = 0, teasers = 0;
        for (xmlNode *k = first_el(x); k; k = next_el(k)) {
            if (!tag_is(k, "li"))
                continue;
            items++;
            teasers += headline_item(c, k);
        }
        if (items < 2 || teasers < items || text_after(c, x, art) > dom_inner_len(c, x, NULL))
            continue;
        xmlNode *h = x->prev;
        while (h && !is_el(h) && (h->type == XML_COMMENT_NODE || (is_text(h) && only_space((const char *)h->content))))
            h = h->prev;
        if (tag_in(h, heads))
            dom_remove(c, h);
        dom_remove(c, x);
    }
    free(l.v);
}

/* Drops, by their class or id, the author's portrait at the end of art
 * (re_author_box), the notices and boxes of links anywhere in it
 * (re_notice) and its affiliate and credits boxes (re_box_only), unless
 * one holds a third of the text or more (then the class is the page's
 * wrapper, not a box's). */
static void drop_boxes(ctx_t *c, xmlNode *art)
{
    size_t total = dom_inner_len(c, art, NULL);
    xmlNode *end = next_node(art, 1);
    for (xmlNode *x = next_node(art, 0); x && x != end;) {
        char ms[512];
        match_string(x, ms, sizeof ms);
        lowered_t ml;
        int mfits = lower_pairs(ms, &ml);
        static const char *const boxes[] = {"div", "section", "aside", NULL};
        int notice = lowered_word(ms, &ml, mfits, re_notice) ||
                     (tag_in(x, boxes) && lowered_word(ms, &ml, mfits, re_box_only));
        int author = !notice && lowered_word(ms, &ml, mfits, re_author_box);
        size_t len = notice || author ? dom_inner_len(c, x, NULL) : 0;
        if ((notice || (author && text_after(c, x, art) < len)) && len * 3 < total) {
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
        } else {
            x = next_node(x, 0);
        }
    }
}

int html_picture_url(const char *url, size_t n)
{
    static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", NULL};
    for (const char *const *e = ext; *e; e++) {
        size_t k = strlen(*e);
        if (n >= k && !strncasecmp(url + n - k, *e, k))
            return 1;
    }
    return 0;
}

/* The last text node with words in x, found from x's end. */
static xmlNode *last_words(xmlNode *x)
{
    xmlNode *k = x->last;
    while (k) {
        if (is_text(k) && !only_space((const char *)k->content))
            return k;
        if (is_el(k) && k->last) {
            k = k->last;
            continue;
        }
        while (!k->prev) {
            k = k->parent;
            if (k == x)
                return NULL;
        }
        k = k->prev;
    }
    return NULL;
}

/* Length of s with the white space at its end left off. */
static size_t trimmed_len(const char *s)
{
    size_t n = strlen(s);
    while (n && is_space_byte((unsigned char)s[n - 1]))
        n--;
    return n;
}

/* Whether x's last words (last_words) end in ':', white space after it
 * aside: x is a label ("Lue aiheesta lisää:", "Quellenangaben:"). */
static int ends_in_colon(xmlNode *x)
{
    xmlNode *w = last_words(x);
    const char *e = w ? (const char *)w->content : "";
    size_t n = trimmed_len(e);
    return n && e[n - 1] == ':';
}

/* Whether link a's text is an address written out: a source the writer
 * cites, no headline. */
static int spells_address(const xmlNode *a)
{
    sbuf_t b = {0};
    dom_inner_text(a, &b);
    const char *t = b.s ? b.s : "";
    while (is_space_byte((unsigned char)*t))
        t++;
    int address = !strncasecmp(t, "http", 4) || !strncasecmp(t, "www.", 4);
    free(b.s);
    return address;
}

/* Whether x is a paragraph that is one link to another page and nothing
 * else, however long (a headline of another story). */
static int lone_link_par(ctx_t *c, xmlNode *x)
{
    if (!tag_is(x, "p") || has_child_block(x) || dom_count_tag(x, "a") != 1 || link_density(c, x) < 0.99)
        return 0;
    xmlNode *a = x->children;
    while (a && !tag_is(a, "a"))
        a = walk_next(a, x, 0);
    const char *href = a ? attr(a, "href") : NULL;
    if (!leads_to_page(href))
        return 0;
    return !spells_address(a);
}

/* Whether x is a short label (40 bytes at most, no link) and after it,
 * each on a line of its own (a <br> after the label), two links or more to
 * other pages and nothing else: nesselsetzer's "Siehe auch" over eight of
 * the blog's other posts. */
static int br_link_lines(xmlNode *x)
{
    xmlNode *k = x->children;
    while (k && is_text(k) && only_space((const char *)k->content))
        k = k->next;
    if (!k || !is_text(k) || strlen((const char *)k->content) > 40)
        return 0;
    size_t links = 0;
    int br = 0;
    for (k = k->next; k; k = k->next) {
        if (is_text(k) && only_space((const char *)k->content))
            continue;
        if (tag_is(k, "br")) {
            br = 1;
            continue;
        }
        if (!tag_is(k, "a") || (!links && !br))
            return 0;
        const char *href = attr(k, "href");
        if (!leads_to_page(href) || spells_address(k))
            return 0;
        links++;
    }
    return links >= 2;
}

/* A short paragraph ending in ':' without a link, and under it two
 * paragraphs or more that are each one link to another page
 * (lone_link_par), up to the end of the text: the headlines of other
 * stories under their label ("Lue aiheesta lisää:", "Diese Artikel könnten
 * dich ebenfalls interessieren:"). The label and the headlines go; so does
 * a paragraph that holds both, its links on lines of their own
 * (br_link_lines), when no text comes after it. */
static void drop_labelled_links(ctx_t *c, xmlNode *art)
{
    /* from the paragraph that holds the text's last words: nothing comes
     * after it; again while one goes */
    for (;;) {
        xmlNode *w = last_words(art), *p = w ? w->parent : NULL;
        while (p && p != art && !tag_is(p, "p"))
            p = p->parent;
        if (!p || p == art)
            return;
        if (br_link_lines(p)) {
            dom_remove(c, p);
            continue;
        }
        if (next_el(p) || !lone_link_par(c, p))
            return;
        size_t run = 1;
        xmlNode *x = p->prev;
        for (;; x = x->prev) {
            while (x && !is_el(x))
                x = x->prev;
            if (!x || !lone_link_par(c, x))
                break;
            run++;
        }
        if (run < 2 || !tag_is(x, "p") || dom_count_tag(x, "a") || dom_inner_len(c, x, NULL) > 100)
            return;
        if (!ends_in_colon(x))
            return;
        while (next_el(x))
            dom_remove(c, next_el(x));
        dom_remove(c, x);
    }
}

/* Whether x's text is one word that credits, not says: a writer's or an
 * agency's initials in capitals ("RIRM", "DS", 2 to 8 letters) or a bare
 * domain name ("BVINEWS.COM", one case throughout), and no link. */
static int credit_word(ctx_t *c, xmlNode *x)
{
    size_t len = dom_inner_len(c, x, NULL);
    if (len < 2 || len > 40 || dom_count_tag(x, "a"))
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    const char *t = b.s ? b.s : "";
    while (is_space_byte((unsigned char)*t))
        t++;
    size_t n = strlen(t);
    while (n && is_space_byte((unsigned char)t[n - 1]))
        n--;
    size_t up = 0, low = 0, dots = 0, last = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch >= 'A' && ch <= 'Z')
            up++, last++;
        else if (ch >= 'a' && ch <= 'z')
            low++, last++;
        else if (ch == '.' && i && i + 1 < n && t[i - 1] != '.')
            dots++, last = 0;
        else if ((ch == '-' || (ch >= '0' && ch <= '9')) && dots)
            last = 0, other += ch != '-';
        else
            other = n; /* anything else: no credit */
    }
    int www = !strncasecmp(t, "www.", 4);
    free(b.s);
    if (other >= n || (up && low))
        return 0;
    if (!dots) /* initials: capitals only */
        return !low && up >= 2 && up <= 8;
    /* a domain: its last label letters only, 2 to 6; no "www." (an address
     * to visit, not a credit) */
    return last >= 2 && last <= 6 && !www;
}

/* Whether x's text is the site's name, white space and case aside. */
static int says_site(ctx_t *c, const xmlNode *x)
{
    if (!c->site)
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    const char *t = b.s ? b.s : "", *q = c->site;
    for (;;) {
        while (is_space_byte((unsigned char)*t))
            t++;
        while (is_space_byte((unsigned char)*q))
            q++;
        if (!*t || !*q || tolower((unsigned char)*t) != tolower((unsigned char)*q))
            break;
        t++, q++;
    }
    int same = !*t && !*q && b.s && *b.s;
    free(b.s);
    return same;
}

/* A heading in the text that is the site's name (its og:site_name) is the
 * site's masthead, or the head of its contact box; it goes, and when less
 * than 300 characters of text come after it, what follows it in its box
 * goes too: rent-a-salesman's "RENT A SALESMAN®" over its address. */
static void drop_site_headings(ctx_t *c, xmlNode *art)
{
    static const char *const hs[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
    if (!c->site || !*c->site)
        return;
    nodes_t l = {0};
    if (get_all(c, art, hs, &l) < 0)
        return;
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *h = l.v[i];
        if (dom_inner_len(c, h, NULL) > 100 || !says_site(c, h))
            continue;
        if (text_after(c, h, art) < 300)
            while (next_el(h))
                dom_remove(c, next_el(h));
        dom_remove(c, h);
    }
    free(l.v);
}

/* A paragraph that ends in a link in brackets, "[czytaj więcej]", "[more]",
 * after 40 characters or more of its own: the link to the whole story under
 * its summary goes with its brackets and the paragraph stays. The link's text
 * is words (30 bytes at most, no digit: "[1]" is a footnote) and leads to
 * another page. */
static void drop_bracketed_more(ctx_t *c, xmlNode *p)
{
    xmlNode *w = last_words(p), *a = w ? w->prev : NULL;
    if (!a || !tag_is(a, "a") || trimmed_len((const char *)w->content) != 1 || w->content[0] != ']')
        return;
    xmlNode *o = a->prev;
    const char *os = o && is_text(o) ? (const char *)o->content : "";
    size_t on = trimmed_len(os);
    if (!on || os[on - 1] != '[' || !href_leads_on(attr(a, "href")))
        return;
    size_t al = dom_inner_len(c, a, NULL);
    if (!al || al > 30 || dom_inner_len(c, p, NULL) < al + 40)
        return;
    sbuf_t b = {0};
    dom_inner_text(a, &b);
    int digit = 0;
    for (const char *t = b.s ? b.s : ""; *t; t++)
        digit |= *t >= '0' && *t <= '9';
    free(b.s);
    if (digit)
        return;
    if (on > 1) { /* "[" closes a text node of words: they stay */
        xmlNode *keep = xmlNewDocTextLen(c->doc, (const xmlChar *)os, (int)(on - 1));
        if (!keep) {
            c->oom = 1;
            return;
        }
        dom_insert_before(o, keep);
    }
    dom_remove(c, o);
    dom_remove(c, a);
    dom_remove(c, w);
}

/* Whether x's text cites a source: an address ("http", "www."), a DOI, an
 * ISBN or a year in brackets ("(2020)"). */
static int cites_source(const xmlNode *x)
{
    static const char *const marks[] = {"http", "www.", "doi", "isbn", NULL};
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    const char *t = b.s ? b.s : "";
    int yes = contains_any(t, marks);
    for (const char *k = t; !yes && (k = strchr(k, '(')); k++)
        yes = (k[1] == '1' || k[1] == '2') && isdigit((unsigned char)k[2]) && isdigit((unsigned char)k[3]) &&
              isdigit((unsigned char)k[4]) && !isdigit((unsigned char)k[5]);
    free(b.s);
    return yes;
}

/* The text's last label (a heading, or a paragraph of one bold run, 60
 * characters at most, ending in ':') goes with all after it when half of
 * that or more is blocks that cite sources (cites_source): the list of
 * works the text drew on, under "Quellenangaben:", "Zusatzinformationen:"
 * (internetchemie's two papers in Science, careelite's nine references). */
static void drop_sources_tail(ctx_t *c, xmlNode *art)
{
    static const char *const set[] = {"h2", "h3", "h4", "h5", "h6", "p", NULL};
    nodes_t l = {0};
    if (get_all(c, art, set, &l) < 0)
        return;
    xmlNode *h = NULL;
    for (size_t i = l.n; i-- > 0 && !h;) {
        xmlNode *x = l.v[i];
        size_t len = dom_inner_len(c, x, NULL);
        if (!len || len > 60)
            continue;
        if (!ends_in_colon(x))
            continue;
        if (tag_is(x, "p")) {
            xmlNode *k = first_el(x);
            if (!k || !tag_in(k, (const char *const[]){"b", "strong", NULL}) || dom_inner_len(c, k, NULL) != len)
                break; /* a label in running text: the last one, no list's */
        }
        h = x;
    }
    free(l.v);
    static const char *const blocks[] = {"p", "li", "dd", "h2", "h3", "h4", "h5", "h6", "blockquote", NULL};
    size_t total = h ? text_after(c, h, art) : 0, cited = 0;
    if (total < 100)
        return;
    for (xmlNode *k = walk_next(h, art, 1); k;) {
        if (is_el(k) && (tag_in(k, blocks) || (tag_is(k, "div") && !has_child_block(k)))) {
            if (cites_source(k))
                cited += dom_inner_len(c, k, NULL);
            k = walk_next(k, art, 1);
        } else
            k = walk_next(k, art, 0);
    }
    if (cited * 2 < total)
        return;
    for (xmlNode *u = h; u && u != art; u = u->parent)
        while (next_el(u))
            dom_remove(c, next_el(u));
    dom_remove(c, h);
}

/* A paragraph that ends its box and is one credit word (credit_word) after
 * words of the text (40 characters or more, empty boxes passed) is the story's source or its
 * writer's initials: RadioMaryja's closing "RIRM", the Observer's
 * "BVINEWS.COM" under the story it took. */
static void drop_credit_lines(ctx_t *c, xmlNode *art)
{
    static const char *const ps[] = {"p", NULL};
    nodes_t l = {0};
    if (get_all(c, art, ps, &l) < 0)
        return;
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *p = l.v[i], *q = p->prev, *n = next_el(p);
        drop_bracketed_more(c, p);
        while (n && !dom_inner_len(c, n, NULL) && !dom_count_tag(n, "img"))
            n = next_el(n);
        if (n || has_child_block(p))
            continue;
        /* past empty ones (a paragraph that held a script) */
        while (q && (!is_el(q) || !dom_inner_len(c, q, NULL)))
            q = q->prev;
        if (q && dom_inner_len(c, q, NULL) >= 40 && credit_word(c, p))
            dom_remove(c, p);
    }
    free(l.v);
}

/* The boxes (div, section) under 500 characters that end in a link styled
 * as a button (button_link: "Hágase miembro ahora", "mehr erfahren",
 * "Jetzt starten") after words of their own, twenty characters or more, go:
 * an offer, a call to join or to buy, with its button. The innermost goes,
 * with the boxes around it that hold nothing else to read (its picture),
 * unless it holds a third of the text or more: laprensagrafica's "UN
 * PÚBLICO INFORMADO DECIDE MEJOR ... HAZTE MIEMBRO", management-circle's
 * seminar ("In unserem Seminar ... erarbeiten Sie ... mehr erfahren"), a
 * shop's price and "Kaufen". Looked for before the divs are cleaned, which
 * takes a button's own box for its links and leaves its words. A text's own
 * paragraphs do not end in a button: a link in a sentence is no button (the
 * class says how it looks, "btn", not what it is). buttons: the links
 * clean_share found, some gone since. */
static void drop_button_boxes(ctx_t *c, xmlNode *art, const nodes_t *buttons)
{
    static const char *const set[] = {"div", "section", NULL};
    size_t total = buttons->n ? dom_inner_len(c, art, NULL) : 0;
    /* not once out of memory: dom_remove then frees a box, and the
     * buttons in it with it */
    for (size_t i = 0; i < buttons->n && !c->oom; i++) {
        xmlNode *a = buttons->v[i], *u = a;
        while (u && u != art) /* still in art: not in a box gone already */
            u = u->parent;
        xmlNode *w = u ? last_words(a) : NULL;
        if (!w)
            continue;
        size_t al = dom_inner_len(c, a, NULL);
        /* the innermost box that ends in it with words of its own */
        xmlNode *x = a->parent;
        for (; x && x != art; x = x->parent) {
            if (!tag_in(x, set))
                continue;
            size_t len = last_words(x) == w ? dom_inner_len(c, x, NULL) : 500;
            if (len >= 500)
                x = NULL;
            if (!x || len >= al + 20)
                break;
        }
        if (!x || x == art)
            continue;
        size_t len = dom_inner_len(c, x, NULL);
        while (x->parent != art && tag_in(x->parent, set) && dom_inner_len(c, x->parent, NULL) == len)
            x = x->parent;
        if (len * 3 < total)
            dom_remove(c, x);
    }
}

/* Whether x has words of its own beside it in its parent: then it is part
 * of a sentence, not a block of its own. */
static int in_running_text(const xmlNode *x)
{
    for (const xmlNode *k = x->parent ? x->parent->children : NULL; k; k = k->next)
        if (k != x && is_text(k) && !only_space((const char *)k->content))
            return 1;
    return 0;
}

/* Whether x (a box of under 400 characters) holds two links or more and
 * all of them lead to the same page: a teaser of that page, its picture,
 * its headline and its "mehr" each a way there. (html_trim_unread keeps
 * what tells two addresses apart.) */
static int teaser_box(ctx_t *c, xmlNode *x)
{
    size_t len = dom_inner_len(c, x, NULL);
    if (!len || len >= 400)
        return 0;
    const char *h0 = NULL;
    size_t n = 0;
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
        if (!tag_is(k, "a"))
            continue;
        const char *href = attr(k, "href");
        if (!leads_to_page(href) || (h0 && strcmp(h0, href)))
            return 0; /* nowhere, a picture that opens larger, another page */
        h0 = href;
        n++;
    }
    return n >= 2;
}

/* The teasers of other pages in art (teaser_box: "2023 nichts mehr
 * versäumen! ... Jetzt keine Termine mehr verpassen!", "Sommerzeit ist
 * Urlaubszeit, ... Weiterlesen", "Wettergutachten / Auskunft über
 * vergangenes Wetter… mehr •••") go, the outermost box of each; unless
 * together they hold a third of the text or more: a page of teasers (a
 * front page, nytimes-5's) is what Readability keeps. */
static void drop_teasers(ctx_t *c, xmlNode *art)
{
    static const char *const set[] = {"div", "dl", "li", "article", "section", NULL};
    nodes_t l = {0}, t = {0};
    if (get_all(c, art, set, &l) < 0)
        return;
    size_t total = dom_inner_len(c, art, NULL), sum = 0;
    for (size_t i = 0; i < l.n && !c->oom; i++) {
        xmlNode *x = l.v[i];
        /* in document order: a box inside the last teaser is part of it */
        int inside = 0;
        for (xmlNode *u = x->parent; t.n && u && !inside; u = u->parent)
            inside = u == t.v[t.n - 1];
        if (inside || !teaser_box(c, x))
            continue;
        if (nodes_push(&t, x) < 0)
            c->oom = 1;
        sum += dom_inner_len(c, x, NULL);
    }
    if (!c->oom && sum * 3 < total)
        for (size_t i = 0; i < t.n; i++)
            dom_remove(c, t.v[i]);
    free(t.v);
    free(l.v);
}

/* A link around a heading, a paragraph or a box is a card that leads to
 * another page (a related story, a teaser of the next one): the text of an
 * article links words, not blocks. The card goes, unless it holds a third
 * of the text or more, opens a picture, leads nowhere (an accordion's
 * title) or stands in a sentence (a link whose <br>s became paragraphs). */
static void drop_link_cards(ctx_t *c, xmlNode *art)
{
    static const char *const as[] = {"a", NULL};
    static const char *const blocks[] = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "figcaption", NULL};
    nodes_t l = {0};
    if (get_all(c, art, as, &l) < 0)
        return;
    size_t total = dom_inner_len(c, art, NULL);
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        const char *href = attr(x, "href");
        if (!leads_to_page(href) || in_running_text(x))
            continue;
        int card = 0;
        for (xmlNode *k = x->children; k && !card; k = walk_next(k, x, 0))
            card = tag_in(k, blocks);
        size_t len = card ? dom_inner_len(c, x, NULL) : 0;
        if (card && len && len * 3 < total)
            dom_remove(c, x);
    }
    free(l.v);
}

/* The <aside>s below art go, but one that holds most of art's text, with
 * few links: that is the text itself, set in an aside by its page (a news
 * portal's story in its "direct content" box), not a box beside the text
 * (a list of links is no text, however long). */
static void drop_asides(ctx_t *c, xmlNode *art)
{
    static const char *const set[] = {"aside", NULL};
    nodes_t l = {0};
    if (get_all(c, art, set, &l) < 0)
        return;
    size_t total = l.n ? dom_inner_len(c, art, NULL) : 0;
    for (size_t i = l.n; i-- > 0;)
        if (dom_inner_len(c, l.v[i], NULL) * 2 <= total || link_density(c, l.v[i]) >= 0.25)
            dom_remove(c, l.v[i]);
    free(l.v);
}

/* Drops a heading over an embed we cannot show: between it and the next
 * heading of its rank only boxes with no text and no picture (a live
 * ticker's, a map's). */
static void drop_embed_headings(ctx_t *c, xmlNode *art)
{
    static const char *const hs[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    static const char *const pics[] = {"img", "picture", "svg", "figure", NULL};
    static const char *const shown[] = {"img", "picture", "svg", NULL}; /* below a box */
    nodes_t l = {0};
    if (get_all(c, art, hs, &l) < 0)
        return;
    for (size_t i = 0; i < l.n; i++) {
        xmlNode *x = l.v[i], *k = x->next;
        int boxes = 0;
        for (; k; k = k->next) {
            if (is_text(k) && is_whitespace_node(k))
                continue;
            if (!is_el(k) || tag_in(k, hs) || tag_in(k, pics) || dom_inner_len(c, k, NULL) || holds_tag(k, shown))
                break;
            boxes++;
        }
        if (boxes && k && is_el(k) && !strcmp(tag(k), tag(x)))
            dom_remove(c, x);
    }
    free(l.v);
}

/* Whether text t (n bytes) spells the file name at the end of url u (its
 * words split by '-' or '_', without the extension and a "-300x225" size):
 * the name a site's software put under the picture, not a caption. */
static int spells_file_name(const char *t, size_t n, const char *u)
{
    size_t e = strcspn(u, "?#");
    size_t b = e;
    while (b > 0 && u[b - 1] != '/')
        b--;
    size_t d = e;
    while (d > b && u[d - 1] != '.')
        d--;
    if (d > b)
        e = d - 1;
    size_t x = e; /* a size suffix "-300x225" */
    while (x > b && isdigit((unsigned char)u[x - 1]))
        x--;
    if (x < e && x > b && u[x - 1] == 'x') {
        size_t y = x - 1;
        while (y > b && isdigit((unsigned char)u[y - 1]))
            y--;
        if (y < x - 1 && y > b && u[y - 1] == '-')
            e = y - 1;
    }
    while (n && is_space_byte((unsigned char)*t))
        t++, n--;
    while (n && is_space_byte((unsigned char)t[n - 1]))
        n--;
    if (n < 12 || n != e - b || !memchr(t, ' ', n))
        return 0;
    for (size_t i = 0; i < n; i++) {
        char a = t[i], f = u[b + i];
        if (a == ' ' ? f != '-' && f != '_' : tolower((unsigned char)a) != tolower((unsigned char)f))
            return 0;
    }
    return 1;
}

/* Drops the text right after a picture (after a <br> or blanks) that only
 * spells the picture's file name (spells_file_name). */
static void drop_file_name_captions(ctx_t *c, xmlNode *art)
{
    static const char *const imgs[] = {"img", NULL};
    nodes_t l = {0};
    if (get_all(c, art, imgs, &l) < 0)
        return;
    for (size_t i = 0; i < l.n; i++) {
        xmlNode *x = l.v[i];
        const char *src = attr(x, "src");
        if (tag_is(x->parent, "a") && !x->next && !x->prev)
            x = x->parent;
        xmlNode *k = x->next;
        while (k && ((is_text(k) && is_whitespace_node(k)) || tag_is(k, "br")))
            k = k->next;
        if (!k || !is_text(k) || !k->content || !src)
            continue;
        const char *t = (const char *)k->content;
        if (spells_file_name(t, strlen(t), src))
            dom_remove(c, k);
    }
    free(l.v);
}

static void prep_article(ctx_t *c, xmlNode *art)
{
    mark_data_tables(c, art);
    clean_conditionally(c, art, "form");
    clean_conditionally(c, art, "fieldset");
    /* an <address> is the page's or its writer's contact, the date it
     * changed ("Created ... Last Modified: ..."): Readability drops it too */
    static const char *const junk[] = {
        "object", "embed", "footer", "link", "address", NULL,
    };
    clean_tags(c, art, junk);
    drop_asides(c, art);
    nodes_t buttons = {0};
    clean_share(c, art, &buttons);
    static const char *const junk2[] = {
        "iframe", "input", "textarea", "select", "button", NULL,
    };
    clean_tags(c, art, junk2);
    /* headers with a negative class weight */
    {
        static const char *const h12[] = {"h1", "h2", NULL};
        nodes_t l = {0};
        if (dom_get_all(art, h12, &l) == 0)
            for (size_t i = l.n; i-- > 0;)
                if (class_weight(c, l.v[i]) < 0)
                    dom_remove(c, l.v[i]);
        free(l.v);
    }
    drop_button_boxes(c, art, &buttons);
    free(buttons.v);
    drop_embed_headings(c, art);
    drop_file_name_captions(c, art);
    clean_conditionally(c, art, "table");
    clean_conditionally(c, art, "ul");
    clean_conditionally(c, art, "div");
    drop_lone_links(c, art);
    drop_link_lists(c, art);
    drop_teaser_lists(c, art);
    drop_boxes(c, art);
    drop_labelled_links(c, art);
    drop_credit_lines(c, art);
    drop_site_headings(c, art);
    drop_sources_tail(c, art);
    drop_teasers(c, art);
    drop_link_cards(c, art);
    /* empty paragraphs */
    {
        static const char *const ps[] = {"p", NULL};
        nodes_t l = {0};
        if (dom_get_all(art, ps, &l) == 0)
            for (size_t i = l.n; i-- > 0;) {
                xmlNode *p = l.v[i];
                if (!dom_count_tag(p, "img") && !dom_count_tag(p, "embed") && !dom_count_tag(p, "object") &&
                    !dom_count_tag(p, "iframe") && dom_inner_len(c, p, NULL) == 0)
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
    static const char *const brs[] = {"br", NULL};
    nodes_t l = {0};
    if (get_all(c, root, brs, &l) < 0)
        return;
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
            dom_set_tag(p->parent, "div");
    }
    free(l.v);
}

void html_prep_document(ctx_t *c, xmlNode *root)
{
    static const char *const gone[] = {"script", "noscript", "style", "template", NULL};
    nodes_t l = {0};
    if (get_all(c, root, gone, &l) < 0)
        return;
    for (size_t i = l.n; i-- > 0;) {
        xmlNode *x = l.v[i];
        if (tag_is(x, "noscript") && (c->flags & F_STRIP_UNLIKELY)) {
            /* measured in the first attempt (the only one search_text asks) */
            c->noscript_len += dom_inner_len(c, x, NULL);
            if (c->flags & F_NOSCRIPT)
                while (x->children)
                    dom_insert_before(x, x->children);
        }
        dom_remove(c, x);
    }
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
    static const char *const fonts[] = {"font", NULL};
    nodes_t f = {0};
    if (dom_get_all(root, fonts, &f) == 0)
        for (size_t i = 0; i < f.n; i++)
            dom_set_tag(f.v[i], "span");
    free(f.v);
}

/* ---- the main-text search --------------------------------------------------- */

/* 1 when x is the label of the box after it (that box's aria-labelledby
 * names x's id): the title of a question in an accordion, of a tab or a
 * card, whatever its class ("card-header"), not a page's header. */
static int labels_next_box(const xmlNode *x)
{
    const char *id = attr(x, "id");
    xmlNode *n = id && *id ? next_el(x) : NULL;
    const char *by = n ? attr(n, "aria-labelledby") : NULL;
    size_t k = id ? strlen(id) : 0;
    for (const char *p = by; p && (p = strstr(p, id)) != NULL; p += k)
        if ((p == by || p[-1] == ' ') && (!p[k] || p[k] == ' '))
            return 1;
    return 0;
}

/* One step of the first walk: 1 when x goes (hidden, a modal dialog, the
 * byline, which is kept in c->byline, the first heading that repeats the
 * title, an unlikely candidate unless it labels the box after it, a node
 * with no content). */
static int walk_drops(ctx_t *c, xmlNode *x, int *remove_title)
{
    static const char *const unlikely_roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL,
    };
    char ms[512];
    match_string(x, ms, sizeof ms);
    if (!tag_is(x, "html") && !tag_is(x, "body") && !visible(x) && !gallery_page(x))
        return 1;
    const char *am = attr(x, "aria-modal"), *role = attr(x, "role");
    if (am && !strcmp(am, "true") && role && !strcmp(role, "dialog"))
        return 1;
    lowered_t ml; /* ms lowered once for the lists below */
    int mfits = lower_pairs(ms, &ml);
    if (check_byline(c, x, ms, &ml, mfits))
        return 1;
    if (*remove_title && header_dup_title(c, x)) {
        *remove_title = 0;
        return 1;
    }
    if (c->flags & F_STRIP_UNLIKELY) {
        if (lowered_any(ms, &ml, mfits, re_unlikely) && !lowered_any(ms, &ml, mfits, re_maybe) &&
            !dom_has_ancestor(x, "table", 3) && !dom_has_ancestor(x, "code", 3) && !tag_is(x, "body") &&
            !tag_is(x, "a") && !labels_next_box(x))
            return 1;
        int bad_role = 0;
        for (const char *const *r = unlikely_roles; role && *r; r++)
            bad_role |= !strcmp(role, *r);
        if (bad_role)
            return 1;
    }
    const char *t = tag(x);
    int hx = (t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2];
    return (tag_is(x, "div") || tag_is(x, "section") || tag_is(x, "header") || hx) && without_content(c, x);
}

/* A div's runs of phrasing content into paragraphs; then a div holding one
 * paragraph becomes that paragraph, and a div with no block inside becomes
 * one. Returns what now stands where x stood; what is to be scored goes
 * into score. */
static xmlNode *div_to_paragraphs(ctx_t *c, xmlNode *x, nodes_t *score)
{
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
        /* a lead that was this div is now its paragraph */
        for (int i = 0; i < c->nleads; i++)
            if (c->leads[i].x == x)
                c->leads[i].x = child;
        x = child;
        if (nodes_push(score, x) < 0)
            c->oom = 1;
    } else if (!has_child_block(x)) {
        dom_set_tag(x, "p");
        if (nodes_push(score, x) < 0)
            c->oom = 1;
    }
    return x;
}

/* The first walk over the document: drops what walk_drops says, lists the
 * elements to score, and the outermost <aside>s kept, turns divs into
 * paragraphs. */
static void walk_document(ctx_t *c, xmlNode *root, nodes_t *score, nodes_t *asides)
{
    static const char *const to_score[] = {
        "section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre", NULL,
    };
    int remove_title = 1;
    xmlNode *x = root;
    while (x && !c->oom) {
        if (walk_drops(c, x, &remove_title)) {
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
            continue;
        }
        if (tag_in(x, to_score) && nodes_push(score, x) < 0)
            c->oom = 1;
        if (tag_is(x, "aside") && !dom_has_ancestor(x, "aside", 100) && nodes_push(asides, x) < 0)
            c->oom = 1;
        if (tag_is(x, "div"))
            x = div_to_paragraphs(c, x, score);
        x = next_node(x, 0);
    }
}

static int in_lead(const ctx_t *c, const xmlNode *x);

/* Each listed element still in the tree with 25 characters or more scores
 * by its commas and length, the score shared by five levels of ancestors
 * (full, half, then a third of the level). A heading found as the lead
 * (the subtitle under the headline) scores nothing: it comes before the
 * text whichever box is picked, and would make its header the text. */
static void score_paragraphs(ctx_t *c, xmlNode *root, const nodes_t *score)
{
    for (size_t i = 0; i < score->n && !c->oom; i++) {
        xmlNode *e = score->v[i];
        if (!is_el(e->parent))
            continue;
        /* a node that was removed after it was listed has no way to the root */
        xmlNode *r = e;
        while (r->parent && is_el(r->parent))
            r = r->parent;
        if (r != root)
            continue;
        size_t commas;
        size_t len = dom_inner_len(c, e, &commas);
        if (len < 25 || (tag(e)[0] == 'h' && in_lead(c, e)))
            continue;
        /* lines of a few words parted by <br> are a list (of names and
         * places, "Saladin Ambar, Rutgers University"), not sentences:
         * their commas are no sign of prose */
        size_t brs = commas ? dom_count_tag(e, "br") : 0;
        if (brs >= 5 && len < (brs + 1) * 40)
            commas = 0;
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
}

/* From the best candidate up: to a common ancestor of three near-equal
 * others, up while the parents' scores do not fall below a third, then
 * through parents with one child. */
static xmlNode *climb(ctx_t *c, xmlNode *top[N_TOP])
{
    xmlNode *tc = top[0];
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
    return tc;
}

/* 1 when x opens with a heading (h2 to h6, itself or in its first
 * element, not a link) and holds a paragraph's worth of text with few
 * links: a section of a text, not a teaser. */
static int headed_section(ctx_t *c, xmlNode *x)
{
    static const char *const heads[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    xmlNode *h = first_el(x);
    if (h && !tag_in(h, heads) && first_el(h) && tag_in(first_el(h), heads))
        h = first_el(h);
    if (!h || !tag_in(h, heads) || dom_count_tag(h, "a"))
        return 0;
    return dom_inner_len(c, x, NULL) >= 100 && link_density(c, x) < 0.3;
}

/* 1 when x and its element sibling y have one tag and one class. */
static int same_kind(const xmlNode *x, const xmlNode *y)
{
    const char *a = attr(x, "class"), *b = attr(y, "class");
    return !strcmp(tag(x), tag(y)) && !strcmp(a ? a : "", b ? b : "");
}

/* A text in sections of one kind, each with its heading (an abstract and
 * its references, the chapters of an exported document): when tc is, or
 * lies within three levels of, one such section with a sibling of its
 * kind, the text is that section with its siblings of the kind (see
 * html_grab_article). Returns the section, or tc. */
static xmlNode *section_series(ctx_t *c, xmlNode *tc)
{
    xmlNode *u = tc;
    for (int k = 0; k < 3 && is_el(u->parent) && !tag_is(u->parent, "body"); k++, u = u->parent) {
        if (!headed_section(c, u))
            continue;
        for (xmlNode *s = first_el(u->parent); s; s = next_el(s))
            if (s != u && same_kind(s, u) && headed_section(c, s)) {
                init_node(c, u);
                if (nd(c, u)->score < nd(c, tc)->score)
                    nd(c, u)->score = nd(c, tc)->score;
                return u;
            }
    }
    return tc;
}

/* The top candidate: the best scored after link density (the links of
 * an <aside> inside it not counted, nor its text), climbed; when
 * there is none, or it is the body, a new div holding all of the body.
 * NULL when out of memory. */
static xmlNode *top_candidate(ctx_t *c, xmlNode *body, const nodes_t *as)
{
    xmlNode *top[N_TOP] = {0};
    for (size_t i = 0; i < c->candidates.n; i++) {
        xmlNode *cand = c->candidates.v[i];
        nd_t *d = nd(c, cand);
        double ld = link_density(c, cand);
        /* the boxes set aside in a text (related stories, a fact box):
         * their links are not the text's */
        if (ld > 0 && as->n) {
            const nd_t *cs = dom_text_sum(c, cand);
            size_t len = cs->len, links = cs->links;
            for (size_t k = 0; k < as->n; k++) {
                xmlNode *q = as->v[k]->parent;
                while (is_el(q) && q != cand)
                    q = q->parent;
                if (q != cand)
                    continue;
                const nd_t *ad = dom_text_sum(c, as->v[k]);
                len -= ad->len < len ? ad->len : len;
                links -= ad->links < links ? ad->links : links;
            }
            if (!cs->hash_links && len)
                ld = (double)links / (double)len;
        }
        d->score *= 1 - ld;
        for (int t = 0; t < N_TOP; t++) {
            if (!top[t] || d->score > nd(c, top[t])->score) {
                memmove(&top[t + 1], &top[t], (size_t)(N_TOP - 1 - t) * sizeof top[0]);
                top[t] = cand;
                break;
            }
        }
    }
    if (top[0] && !tag_is(top[0], "body"))
        return climb(c, top);
    xmlNode *tc = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"div", NULL);
    if (!tc) {
        c->oom = 1;
        return NULL;
    }
    while (body->children)
        dom_append(tc, body->children);
    dom_append(body, tc);
    init_node(c, tc);
    return tc;
}

/* 1 when s, a sibling of the top candidate, belongs to the text: its score
 * (with a bonus for the candidate's class) reaches sthr, or it is a
 * paragraph long and with few links, or short, linkless and a sentence. */
static int sibling_belongs(ctx_t *c, xmlNode *s, const char *tcl, double tscore, double sthr)
{
    double bonus = 0;
    const char *scl = attr(s, "class");
    if (tcl && *tcl && scl && !strcmp(scl, tcl))
        bonus += tscore * 0.2;
    if (s->_private && nd(c, s)->scored && nd(c, s)->score + bonus >= sthr)
        return 1;
    if (!tag_is(s, "p"))
        return 0;
    double ld = link_density(c, s);
    sbuf_t b = {0};
    dom_inner_text(s, &b);
    size_t len = dom_inner_len(c, s, NULL);
    int sentence = 0;
    for (size_t k = 0; b.s && k < b.n; k++)
        if (b.s[k] == '.' && (b.s[k + 1] == ' ' || b.s[k + 1] == '\0'))
            sentence = 1;
    free(b.s);
    if (len > 80 && ld < 0.25)
        return 1;
    return len < 80 && len > 0 && ld == 0 && sentence;
}

/* ---- the lead -------------------------------------------------------------- */

/* Class and id words of a standfirst, teaser or intro paragraph. */
static const char *const re_lead[] = {
    "lead",       "intro",       "teaser", "excerpt", "standfirst", "subtitle",    "sub-title", "subhead",
    "summary",    "abstract",    "chapo",  "chapeau", "sapo",       "bajada",      "deck",      "entradilla",
    "einleitung", "description", "dek",    "lede",    "leader",     "subheadline", NULL,
};

/* A lead's box that holds a picture or names a person instead. */
static const char *const re_not_lead[] = {
    "asset", "image", "img", "photo", "picture", "video", "caption", "figure", "credit", "byline", "author", NULL,
};

/* One of pats in s as a word of a class or id: no letter before it, no
 * lower-case letter after it ("lead", "a-lead", "teaserText"; not
 * "leading-110" or "misleading"). l and fits: s as lower_pairs gave it. */
static int lowered_word(const char *s, const lowered_t *l, int fits, const char *const *pats)
{
    if (fits && no_pairs(l))
        return 0;
    for (; *pats; pats++) {
        if (fits && !may_hold(l, *pats))
            continue;
        size_t n = strlen(*pats);
        for (const char *p = fits ? l->low : s; (p = fits ? strstr(p, *pats) : ascii_casestr(p, *pats)) != NULL; p++) {
            size_t at = (size_t)(p - (fits ? l->low : s));
            unsigned char a = at == 0 ? ' ' : (unsigned char)s[at - 1], z = (unsigned char)s[at + n];
            if (!isalpha(a) && !(z >= 'a' && z <= 'z'))
                return 1;
        }
    }
    return 0;
}

/* lowered_word, s lowered here. */
static int has_word(const char *s, const char *const *pats)
{
    if (!s)
        return 0;
    lowered_t l;
    int fits = lower_pairs(s, &l);
    return lowered_word(s, &l, fits, pats);
}

/* Where nothing of the article's own text is: a lead is not looked for below. */
static const char *const no_lead_below[] = {
    "nav", "aside", "footer", "form", "a", "li", "figure", "script", "style", "noscript", "template", NULL,
};

/* Notes x as a lead with its ancestors. */
static void add_lead(ctx_t *c, xmlNode *x)
{
    if (c->nleads >= N_LEADS)
        return;
    lead_t *l = &c->leads[c->nleads++];
    l->x = x;
    xmlNode *p = x->parent;
    for (int i = 0; i < 10; i++, p = is_el(p) ? p->parent : NULL)
        l->up[i] = is_el(p) ? p : NULL;
}

/* 1 when x holds a <time> or a byline (a header's line of facts) or a
 * picture's credit (a class or id naming one: a caption): no lead. One
 * walk over x's elements for both. */
static int dated_or_credited(xmlNode *x)
{
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
        char km[512];
        if (!is_el(k))
            continue;
        if (tag_is(k, "time"))
            return 1;
        const char *ms = match_string(k, km, sizeof km);
        if (contains_any(ms, re_byline) || ascii_casestr(ms, "credit"))
            return 1;
    }
    return 0;
}

/* 1 when x's text is the title again (the headline under a site's name). */
static int like_title(ctx_t *c, const xmlNode *x)
{
    if (!c->title)
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    int like = b.s && dom_text_similarity(c->title, b.s) >= 0.75;
    free(b.s);
    return like;
}

/* 1 when x is inside one of the leads found. */
static int in_lead(const ctx_t *c, const xmlNode *x)
{
    for (const xmlNode *p = x; is_el(p); p = p->parent)
        for (int i = 0; i < c->nleads; i++)
            if (c->leads[i].x == p)
                return 1;
    return 0;
}

/* The standfirst under the headline: the heading right after the page's
 * first <h1> (not a site's name, a link home) when it is a sentence long
 * (a subtitle); else the first
 * paragraph, or list of points, after the <h1> in the box that holds it
 * (a <header>, or within three levels a box whose class or id names a
 * head: "loan-form-head"), empty ones and a date line skipped, of 30
 * characters or more (its place says what it is: "der cremigste Kuchen
 * den ich kenne!"). Either, with few links, is a lead whatever its class
 * ("heading", "font-brand"). */
static void find_standfirst(ctx_t *c, xmlNode *root)
{
    if (c->nleads >= N_LEADS)
        return;
    xmlNode *h1 = NULL;
    for (xmlNode *x = root; x && !h1;) {
        if (is_el(x) && (tag_in(x, no_lead_below) || !visible(x))) {
            x = walk_next(x, root, 1);
            continue;
        }
        if (tag_is(x, "h1"))
            h1 = x;
        x = walk_next(x, root, 0);
    }
    /* a site's name linking home is no headline */
    if (!h1 || !is_el(h1->parent) || link_density(c, h1) >= 0.5)
        return;
    /* a subtitle: the heading right after the headline, of a sentence */
    static const char *const subs[] = {"h2", "h3", "h4", NULL};
    xmlNode *sub = next_el(h1);
    if (sub && tag_in(sub, subs) && visible(sub)) {
        size_t len = dom_inner_len(c, sub, NULL);
        if (len >= 50 && len <= 1500 && link_density(c, sub) < 0.25 && !in_lead(c, sub) && !like_title(c, sub)) {
            add_lead(c, sub);
            return;
        }
    }
    xmlNode *box = NULL;
    int up = 0;
    for (xmlNode *p = h1->parent; is_el(p) && p != root && !box; p = p->parent, up++) {
        char pm[512];
        if (tag_is(p, "header") || (up < 3 && ascii_casestr(match_string(p, pm, sizeof pm), "head")))
            box = p;
        else if (tag_is(p, "body") || tag_is(p, "article") || tag_is(p, "main"))
            break;
    }
    if (!box)
        return;
    for (xmlNode *x = walk_next(h1, box, 1); x;) {
        if (!is_el(x)) {
            x = walk_next(x, box, 0);
            continue;
        }
        if (tag_in(x, no_lead_below) || !visible(x)) {
            x = walk_next(x, box, 1);
            continue;
        }
        if (!tag_is(x, "p") && !tag_is(x, "ul")) {
            x = walk_next(x, box, 0);
            continue;
        }
        size_t len = dom_inner_len(c, x, NULL);
        if (!len || dated_or_credited(x)) { /* an empty one, the date line under the headline, a picture's caption */
            x = walk_next(x, box, 1);
            continue;
        }
        if (tag_is(x, "ul") && len < 30 * dom_count_tag(x, "li"))
            return; /* a list of buttons or tags, not of points */
        if (len >= 30 && len <= 1500 && link_density(c, x) < 0.25 && !in_lead(c, x) && !like_title(c, x))
            add_lead(c, x);
        return; /* the first paragraph only */
    }
}

/* Whether x's text ends in a link to another page: its last words ("...
 * mehr", "Weiterlesen") are a way there. */
static int ends_in_link(const xmlNode *x)
{
    for (int depth = 0; x && depth < 16; depth++) {
        const xmlNode *k = x->last;
        while (k && !is_el(k) && !(is_text(k) && !only_space((const char *)k->content)))
            k = k->prev;
        if (!k || is_text(k))
            return 0;
        if (tag_is(k, "a"))
            return href_leads_on(attr(k, "href"));
        x = k;
    }
    return 0;
}

/* 1 when x's text is the page's description (80 characters or more,
 * its opening 60 bytes the same, white space aside). */
static int says_description(ctx_t *c, const xmlNode *x)
{
    if (!c->desc || strlen(c->desc) < 80)
        return 0;
    sbuf_t b = {0};
    dom_inner_text(x, &b);
    const char *p = b.s, *q = c->desc;
    while (p && isspace((unsigned char)*p))
        p++;
    while (isspace((unsigned char)*q))
        q++;
    size_t n = 0;
    while (p && *p && *q && n < 60) {
        if (isspace((unsigned char)*p) && isspace((unsigned char)*q)) {
            while (isspace((unsigned char)*p))
                p++;
            while (isspace((unsigned char)*q))
                q++;
            n++;
            continue;
        }
        if (*p != *q)
            break;
        p++, q++, n++;
    }
    free(b.s);
    return n >= 60;
}

/* Numbers the page's elements in document order (nd_t.order) and notes up
 * to N_LEADS leads: a figure's caption that says the page's description
 * (says_description), and elements whose class or id names a lead,
 * visible, with a sentence's worth of text, few links, and not the
 * headline again; none
 * in an author's box (its "description" is the writer's). */
static void find_leads(ctx_t *c, xmlNode *root)
{
    size_t order = 0;
    for (xmlNode *x = root; x && !c->oom; x = walk_next(x, root, 0))
        if (is_el(x))
            nd(c, x)->order = ++order;
    c->nleads = 0;
    for (xmlNode *x = root; x && !c->oom && c->nleads < N_LEADS;) {
        if (!is_el(x)) {
            x = walk_next(x, root, 0);
            continue;
        }
        /* a picture's caption that is the page's description: the standfirst
         * under the lead picture */
        if (tag_is(x, "figure") && c->desc) {
            xmlNode *fc = first_el(x);
            while (fc && !tag_is(fc, "figcaption"))
                fc = next_el(fc);
            if (fc && says_description(c, fc) && visible(x))
                add_lead(c, fc);
        }
        if (tag_in(x, no_lead_below) || !visible(x)) {
            x = walk_next(x, root, 1);
            continue;
        }
        char ms[512];
        match_string(x, ms, sizeof ms);
        lowered_t ml; /* ms lowered once for all the lists */
        int mfits = lower_pairs(ms, &ml);
        if (lowered_word(ms, &ml, mfits, re_author_box)) {
            x = walk_next(x, root, 1);
            continue;
        }
        if (!lowered_word(ms, &ml, mfits, re_lead) || lowered_negative(ms, &ml, mfits) ||
            lowered_any(ms, &ml, mfits, re_unlikely) || lowered_any(ms, &ml, mfits, re_not_lead)) {
            x = walk_next(x, root, 0);
            continue;
        }
        size_t len = dom_inner_len(c, x, NULL);
        int ok = len >= 50 && len <= 1500 && link_density(c, x) < 0.25;
        /* a header box with the byline or the date in it is more than the lead:
         * look inside; one with a credit in it is a picture's caption */
        if (ok && dated_or_credited(x))
            ok = 0;
        if (ok && like_title(c, x))
            ok = 0;
        /* a teaser that ends in its link ("Auskunft über vergangenes
         * Wetter… mehr •••") leads to another page: that page's lead */
        if (ok && ends_in_link(x))
            ok = 0;
        if (ok)
            add_lead(c, x);
        /* a lead's parts are no leads of their own; a box that is no lead
         * may hold one */
        x = walk_next(x, root, ok || len < 50);
    }
    find_standfirst(c, root);
}

static size_t order_of(const xmlNode *x)
{
    for (; is_el(x); x = x->parent)
        if (x->_private && ((nd_t *)x->_private)->order)
            return ((nd_t *)x->_private)->order;
    return 0;
}

/* 1 when lead l belongs before the top candidate tc: tc held it (the
 * search may have dropped the header it was in; add_leads skips a lead the
 * article still has), or it comes earlier in the page and they meet within
 * a few levels (the header and the body of one article, not a teaser
 * elsewhere), or it starts at most a dozen elements before tc (the page's
 * header, ending in the lead, then the text). */
static int lead_fits(const lead_t *l, xmlNode *tc)
{
    for (int i = 0; i < 10; i++)
        if (l->up[i] == tc)
            return 1;
    size_t lo = order_of(l->x), to = order_of(tc);
    if (!lo || !to || lo >= to)
        return 0;
    if (to - lo <= 12) /* right before it: the page's header ends there */
        return 1;
    xmlNode *t = tc->parent;
    for (int j = 0; j < 4 && is_el(t) && !tag_is(t, "body") && !tag_is(t, "html"); j++, t = t->parent)
        for (int i = 0; i < 6 && l->up[i]; i++)
            if (l->up[i] == t)
                return 1;
    return 0;
}

/* Keeps in c->leads only the leads that fit tc (before tc leaves the page). */
static void fit_leads(ctx_t *c, xmlNode *tc)
{
    int n = 0;
    for (int i = 0; i < c->nleads; i++)
        if (lead_fits(&c->leads[i], tc))
            c->leads[n++] = c->leads[i];
    c->nleads = n;
}

/* Puts before the article's text (cleaned) a copy of each lead kept by
 * fit_leads whose words the article does not already have, cleaned the
 * same way; their length goes into c->lead_len. */
static void add_leads(ctx_t *c, xmlNode *art)
{
    if (!c->nleads || !art->children)
        return;
    sbuf_t have = {0};
    dom_inner_text(art, &have);
    xmlNode *first = art->children;
    for (int i = 0; i < c->nleads && !c->oom; i++) {
        const lead_t *l = &c->leads[i];
        sbuf_t b = {0};
        dom_inner_text(l->x, &b);
        /* the opening words of the lead, whole characters, in the text
         * already, and its closing words too: a lead that opens as the text
         * does and goes on to say more of its own stays */
        size_t n = b.n < 60 ? b.n : 60;
        while (n < b.n && ((unsigned char)b.s[n] & 0xC0) == 0x80)
            n++;
        int dup = !b.s || (have.s && memmem(have.s, have.n, b.s, n));
        size_t e = b.s ? b.n : 0;
        while (e && strchr(" \t\r\n", b.s[e - 1]))
            e--;
        size_t t0 = e > 40 ? e - 40 : 0;
        while (t0 < e && ((unsigned char)b.s[t0] & 0xC0) == 0x80)
            t0++;
        if (dup && e > n && !memmem(have.s, have.n, b.s + t0, e - t0))
            dup = 0;
        free(b.s);
        if (dup)
            continue;
        xmlNode *cp = xmlDocCopyNode(l->x, c->doc, 1);
        if (!cp) {
            c->oom = 1;
            break;
        }
        for (xmlNode *k = cp; k; k = walk_next(k, cp, 0))
            k->_private = NULL;
        prep_article(c, cp);
        c->lead_len += dom_inner_len(c, cp, NULL);
        dom_insert_before(first, cp);
    }
    free(have.s);
}

/* Whether the n bytes at s (n > 0) occur twice or more in h[0..hn), not
 * overlapping: the search ends at the second. */
static int twice_in(const char *h, size_t hn, const char *s, size_t n)
{
    size_t k = 0;
    for (const char *p = h; n && k < 2 && (p = memmem(p, hn - (size_t)(p - h), s, n)) != NULL; p += n)
        k++;
    return k >= 2;
}

/* A paragraph of a <header> in the article (80 characters or more) that
 * the text says again word for word (a story's teaser over the story's
 * first paragraph) goes: the text says it once. Its opening 60 bytes and
 * closing 40 each found twice in the article's text. */
static void drop_header_repeats(ctx_t *c, xmlNode *art)
{
    static const char *const ps[] = {"p", NULL};
    nodes_t l = {0};
    if (get_all(c, art, ps, &l) < 0)
        return;
    sbuf_t have = {0};
    for (size_t i = 0; i < l.n; i++) {
        if (!dom_has_ancestor(l.v[i], "header", 4) || dom_inner_len(c, l.v[i], NULL) < 80)
            continue;
        if (!have.s)
            dom_inner_text(art, &have);
        sbuf_t b = {0};
        dom_inner_text(l.v[i], &b);
        if (have.oom || b.oom) { /* a text cut short would say otherwise */
            c->oom = 1;
            free(b.s);
            break;
        }
        size_t s = 0, e = b.n;
        while (s < e && strchr(" \t\r\n", b.s[s]))
            s++;
        while (e > s && strchr(" \t\r\n", b.s[e - 1]))
            e--;
        size_t n = e - s < 60 ? e - s : 60, t = e - s < 40 ? e - s : 40;
        if (have.s && twice_in(have.s, have.n, b.s + s, n) && twice_in(have.s, have.n, b.s + e - t, t)) {
            dom_remove(c, l.v[i]);
            free(have.s); /* a second copy in the header is no longer one */
            have = (sbuf_t){0};
        }
        free(b.s);
    }
    free(have.s);
    free(l.v);
}

/* Whether x's text holds a web address ("The Wayback Machine - https://..."):
 * an address line, not a paragraph of text. */
static int web_address_in(xmlNode *x)
{
    xmlChar *t = xmlNodeGetContent(x);
    int r = t && strstr((const char *)t, "://");
    xmlFree(t);
    return r;
}

/* The short lines above the text's own copy of the headline (a bold line
 * or heading that says the title again, similarity over 0.9, before any
 * paragraph of text) are the page's header: the section's name, the issue,
 * the price. They go, and pictures among them: each box of under 200
 * characters before the copy and before each of its ancestors in art; a
 * picture alone or a figure stays. The copy is looked for in the first 500
 * bytes of text, above any paragraph of text (100 characters, no web
 * address), among elements of 20 characters to twice the title's length
 * (and ten more); a title under 20 bytes is too short to tell. */
static void drop_above_headline(ctx_t *c, xmlNode *art)
{
    size_t tl = c->title ? strlen(c->title) : 0; /* once: a page's title may be long */
    if (tl < 20)
        return;
    xmlNode *h = NULL;
    size_t seen = 0; /* bytes of text above x: the headline is near the top */
    for (xmlNode *x = first_el(art); x && seen < 500; x = walk_next(x, art, 0)) {
        if (is_text(x) && x->content)
            seen += strlen((const char *)x->content);
        if (!is_el(x))
            continue;
        size_t len = dom_inner_len(c, x, NULL);
        if (tag_is(x, "p") && len >= 100 && !web_address_in(x))
            return;
        if (len < 20 || len > 2 * tl + 10)
            continue;
        sbuf_t b = {0};
        dom_inner_text(x, &b);
        double sim = b.s ? dom_text_similarity(c->title, b.s) : 0;
        free(b.s);
        if (sim > 0.9) {
            h = x;
            break;
        }
    }
    if (!h)
        return;
    for (xmlNode *k = h; k && k != art; k = k->parent)
        for (xmlNode *s = k->prev; s;) {
            xmlNode *p = s->prev;
            size_t n = is_el(s) ? dom_inner_len(c, s, NULL) : 200;
            if (n < 200 && (n > 0 || !dom_count_tag(s, "img")) && !tag_is(s, "figure") && !dom_count_tag(s, "figure"))
                dom_remove(c, s);
            s = p;
        }
}

/* Pushes on out, in document order, a's element siblings before it
 * (after: after it) that are paragraphs of text: more than 80 characters,
 * few links, no negative class. Returns 0, or -1 when out of memory. */
static int beside(ctx_t *c, xmlNode *a, int after, nodes_t *out)
{
    int past = 0;
    for (xmlNode *s = first_el(a->parent); s; s = next_el(s)) {
        if (s == a) {
            past = 1;
            continue;
        }
        if (past != after || !tag_is(s, "p") || dom_inner_len(c, s, NULL) <= 80 || link_density(c, s) >= 0.25 ||
            class_weight(c, s) < 0)
            continue;
        if (nodes_push(out, s) < 0)
            return -1;
    }
    return 0;
}

/* Returns the article container (a new detached div), or NULL. */
xmlNode *html_grab_article(ctx_t *c, xmlNode *root)
{
    xmlNode *body = dom_find_body(root);
    nodes_t score = {0}, asides = {0};
    find_leads(c, root);
    walk_document(c, root, &score, &asides);
    score_paragraphs(c, root, &score);
    free(score.v);

    xmlNode *tc = top_candidate(c, body, &asides);
    free(asides.v);
    if (!tc)
        return NULL;

    /* gather the top candidate's siblings that belong to the text */
    xmlNode *art = xmlNewDocNode(c->doc, NULL, (const xmlChar *)"div", NULL);
    if (!art) {
        c->oom = 1;
        return NULL;
    }
    xmlNode *unit = section_series(c, tc);
    int series = unit != tc;
    tc = unit;
    fit_leads(c, tc);
    double tscore = nd(c, tc)->score;
    double sthr = tscore * 0.2 > 10 ? tscore * 0.2 : 10;
    xmlNode *parent = tc->parent;
    const char *tcl = attr(tc, "class");
    /* paragraphs beside tc's parent and the box above it: the text's
     * opening or closing words outside the box that holds the rest */
    nodes_t pre = {0}, post = {0};
    xmlNode *up1 = !series && is_el(parent) && !tag_is(parent, "body") && is_el(parent->parent) ? parent : NULL;
    xmlNode *up2 = up1 && !tag_is(up1->parent, "body") && is_el(up1->parent->parent) ? up1->parent : NULL;
    if ((up2 && beside(c, up2, 0, &pre) < 0) || (up1 && beside(c, up1, 0, &pre) < 0) ||
        (up1 && beside(c, up1, 1, &post) < 0) || (up2 && beside(c, up2, 1, &post) < 0))
        c->oom = 1;
    for (size_t i = 0; i < pre.n; i++)
        dom_append(art, pre.v[i]);
    if (!is_el(parent)) {
        dom_append(art, tc);
    } else {
        for (xmlNode *s = first_el(parent); s;) {
            xmlNode *nx = next_el(s);
            /* a series' own sections, not the boxes between them */
            int in = series ? same_kind(s, tc) && headed_section(c, s) : sibling_belongs(c, s, tcl, tscore, sthr);
            if (s == tc || in) {
                if (!tag_is(s, "div") && !tag_is(s, "article") && !tag_is(s, "section") && !tag_is(s, "p"))
                    dom_set_tag(s, "div");
                dom_append(art, s);
            }
            s = nx;
        }
    }
    for (size_t i = 0; i < post.n; i++)
        dom_append(art, post.v[i]);
    free(pre.v);
    free(post.v);
    prep_article(c, art);
    drop_header_repeats(c, art);
    drop_above_headline(c, art);
    add_leads(c, art);
    return art;
}

/* ---- a feed item's widgets ------------------------------------------------- */

void html_prep_text(ctx_t *c, xmlNode *x)
{
    prep_article(c, x);
}

void html_drop_widgets(ctx_t *c, xmlNode *root)
{
    for (xmlNode *x = root; x;) {
        char ms[512];
        match_string(x, ms, sizeof ms);
        if (!tag_is(x, "html") && !tag_is(x, "body") &&
            (!visible(x) || tag_is(x, "form") || tag_is(x, "aside") || tag_is(x, "footer") || tag_is(x, "nav") ||
             (is_share(ms) && dom_inner_len(c, x, NULL) < CHAR_THRESHOLD))) {
            xmlNode *n = next_node(x, 1);
            dom_remove(c, x);
            x = n;
            continue;
        }
        x = next_node(x, 0);
    }
}

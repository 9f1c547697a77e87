/* SPDX-License-Identifier: MIT */
/* html_emit.c: the HTML cleaner's last step: the article's subtree as
 * blocks (paragraphs, subheadings, quotes, list items) with the inline
 * style codes for italic and bold, normalised with textnorm. */
#define _GNU_SOURCE
#include "html_priv.h"
#include "textnorm.h"

static const char *const block_tags[] = {
    "address",  "article",    "aside",  "blockquote", "br",   "dd", "details", "dialog",  "div",     "dl",      "dt",
    "fieldset", "figcaption", "figure", "footer",     "form", "h1", "h2",      "h3",      "h4",      "h5",      "h6",
    "header",   "hr",         "li",     "main",       "nav",  "ol", "p",       "pre",     "section", "summary", "table",
    "tbody",    "thead",      "tfoot",  "tr",         "td",   "th", "ul",      "caption", "center",  NULL,
};
static const char *const skip_tags[] = {
    "script", "style",  "noscript", "template", "svg",      "head",  "iframe",
    "object", "select", "button",   "input",    "textarea", "title", NULL,
};

typedef struct {
    article_t *a;
    sbuf_t cur;
    article_block_kind_t kind;
    int ital, bold;     /* nesting depth of italic / bold elements */
    int e_ital, e_bold; /* state written into cur */
    int oom;
    size_t added;
    int fig; /* inside a figure: credits and "Photo" labels stay out */
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
    static const char *const labels[] = {"photo", "image", "video", "photograph", "picture", "graphic", NULL};
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
        article_block_kind_t saved = e->kind;
        const char *t = tag(k);
        if ((t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2])
            e->kind = ARTICLE_BLOCK_SUBHEAD;
        else if (tag_is(k, "li") || tag_is(k, "dd") || tag_is(k, "dt"))
            e->kind = ARTICLE_BLOCK_LIST;
        else if (tag_is(k, "blockquote"))
            e->kind = ARTICLE_BLOCK_QUOTE;
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
int html_emit_blocks(const xmlNode *root, article_t *a)
{
    emit_t e = {0};
    e.a = a;
    e.kind = ARTICLE_BLOCK_PARA;
    em_node(&e, root, 0);
    em_flush(&e);
    free(e.cur.s);
    return e.oom ? -1 : (int)e.added;
}

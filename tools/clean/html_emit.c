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
    return (ip && ascii_casestr(ip, "caption")) || (cl && ascii_casestr(cl, "caption"));
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
                 (cl && (ascii_casestr(cl, "credit") || ascii_casestr(cl, "attribution")));
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

/* 1 when one of words (lower case) stands in the n bytes at t. One pass
 * over t, a comparison only where a word's first letter stands. */
static int has_word(const char *t, size_t n, const char *const *words)
{
    for (size_t i = 0; i < n; i++) {
        char c = (char)(t[i] | 0x20); /* a letter in lower case */
        for (const char *const *w = words; *w; w++)
            if (c == **w) {
                size_t k = strlen(*w);
                if (k <= n - i && !strncasecmp(t + i, *w, k))
                    return 1;
            }
    }
    return 0;
}

/* A sentence (n bytes at t) that tells the reader to click for a larger
 * picture: "Click to enlarge", "Zum Vergrößern auf das Bild klicken.", or
 * the button's one word ("Vergrößern"). */
static int enlarge_hint(const char *t, size_t n)
{
    static const char *const enlarge[] = {"enlarge", "vergrößer", "vergroesser", "agrandir", "ampliar", NULL};
    static const char *const click[] = {"click", "klick", "clic", "tap ", "pulsa", NULL};
    if (n > 60 || !has_word(t, n, enlarge))
        return 0;
    return has_word(t, n, click) || !memchr(t, ' ', n);
}

/* A line (n bytes at t) that is an enlarge hint and ends on its verb
 * ("click to enlarge", "Vergrößern"): its last word read first, so that
 * most lines cost a look at a few bytes. */
static int enlarge_line(const char *t, size_t n)
{
    static const char *const verbs[] = {"enlarge", "vergrößern", "vergroessern", "agrandir", "ampliar", NULL};
    while (n && (t[n - 1] == '.' || t[n - 1] == '!' || t[n - 1] == ' '))
        n--;
    if (n > 60)
        return 0;
    size_t w = n;
    while (w && t[w - 1] != ' ')
        w--;
    for (const char *const *v = verbs; *v; v++)
        if (strlen(*v) == n - w && !strncasecmp(t + w, *v, n - w))
            return enlarge_hint(t, n);
    return 0;
}

/* Cuts the sentences of t (*n bytes, NUL-terminated; *n updated) that are
 * enlarge hints. The kept ones move down once each (w: where the next
 * goes), so a caption of many hints costs its length, not its length
 * times theirs. */
static void cut_enlarge_hints(char *t, size_t *n)
{
    size_t a = 0, w = 0;
    while (a < *n) {
        size_t b = a;
        while (b < *n && !((t[b] == '.' || t[b] == '!' || t[b] == '?') && (b + 1 == *n || t[b + 1] == ' ')))
            b++;
        if (b < *n)
            b++; /* the stop */
        size_t end = b < *n && t[b] == ' ' ? b + 1 : b;
        int plain = 1; /* a sentence with a style code in it stays whole */
        for (size_t i = a; i < b && plain; i++)
            plain = !((unsigned char)t[i] >= 0x10 && (unsigned char)t[i] <= 0x13);
        if (!plain || !enlarge_hint(t + a, b - a)) {
            memmove(t + w, t + a, end - a);
            w += end - a;
        }
        a = end;
    }
    *n = w;
    t[w] = '\0';
    while (*n && t[*n - 1] == ' ')
        t[--*n] = '\0';
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
            /* a hint to click for a larger picture is no part of a caption,
             * nor a line of its own */
            if (any && e->fig)
                cut_enlarge_hints(t, &n);
            else if (any && enlarge_line(t, n))
                any = 0;
            if (any && !n)
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

/* ---- pictures ------------------------------------------------------------ */

/* The widest text column a panel has (picture.c's picture_max_width): a
 * srcset's candidate nearest to it is the one to take. */
#define PIC_WANT_W 1306

/* Words in a picture's address or class that say it is no picture of the
 * story: site furniture, people's faces beside comments, advertising. */
static int furniture(const char *s)
{
    static const char *const words[] = {"logo",     "avatar",   "icon",           "sprite", "spacer",
                                        "pixel",    "tracking", "badge",          "banner", "advert",
                                        "/ads/",    "emoji",    "blank.gif",      "1x1",    "placeholder",
                                        "gravatar", "button",   "call-to-action", NULL};
    if (!s)
        return 0;
    /* one pass over s (an address may be a long data: URL), the words
     * that start with the byte tried there (first: the words' first
     * bytes) */
    unsigned char first[256] = {0};
    for (const char *const *w = words; *w; w++)
        first[(unsigned char)(*w)[0]] = 1;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (!first[c])
            continue;
        for (const char *const *w = words; *w; w++) {
            if ((unsigned char)(*w)[0] != c)
                continue;
            size_t k = 1;
            while ((*w)[k] && (unsigned char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]) == (unsigned char)(*w)[k])
                k++;
            if (!(*w)[k])
                return 1;
        }
    }
    return 0;
}

/* The candidate of a srcset ("a.jpg 480w, b.jpg 1200w" or "a.jpg 1x, b.jpg
 * 2x") whose width is nearest the column; malloc'd, or NULL. */
static char *srcset_pick(const char *set)
{
    char *best = NULL;
    long best_d = -1;
    const char *p = set;
    while (p && *p) {
        while (*p == ' ' || *p == ',' || *p == '\n' || *p == '\t')
            p++;
        const char *u = p;
        while (*p && *p != ' ' && *p != '\n' && *p != '\t' && !(*p == ',' && (p[1] == ' ' || !p[1])))
            p++;
        size_t ul = (size_t)(p - u);
        while (*p == ' ')
            p++;
        long w = 0;
        if (*p >= '0' && *p <= '9') {
            double v = strtod(p, (char **)&p);
            w = *p == 'x' ? (long)(v * 650) : (long)v; /* 1x: about half the column */
        }
        while (*p && *p != ',')
            p++;
        if (!ul)
            continue;
        long d = w ? labs(w - PIC_WANT_W) : 100000;
        if (best_d < 0 || d < best_d) {
            free(best);
            best = article_strndup(u, ul);
            best_d = d;
        }
    }
    return best;
}

/* The address of the picture img shows (or a <picture>'s <source> before
 * it), or NULL when it is no picture of the story; malloc'd. */
static char *img_src(const xmlNode *img)
{
    const char *cl = attr(img, "class"), *alt = attr(img, "alt");
    if (furniture(cl) || (alt && furniture(alt) && strlen(alt) < 40))
        return NULL;
    const char *w = attr(img, "width"), *h = attr(img, "height");
    if ((w && atoi(w) > 0 && atoi(w) < 100) || (h && atoi(h) > 0 && atoi(h) < 60))
        return NULL; /* an icon or a tracking pixel by its own measure */
    char *src = NULL;
    /* a <picture>'s sources stand before its img (the parser may have
     * moved them out of an element it does not know) */
    for (const xmlNode *k = img->prev; k && !src; k = k->prev)
        if (tag_is(k, "source") && attr(k, "srcset"))
            src = srcset_pick(attr(k, "srcset"));
    /* or around it, when the parser took <source> for a container */
    for (const xmlNode *k = img->parent; k && !src && tag_is(k, "source"); k = k->parent)
        if (attr(k, "srcset"))
            src = srcset_pick(attr(k, "srcset"));
    if (!src && attr(img, "srcset"))
        src = srcset_pick(attr(img, "srcset"));
    const char *one = attr(img, "data-src") ? attr(img, "data-src") : attr(img, "src");
    if (!src && one && *one && strncmp(one, "data:", 5))
        src = article_strndup(one, strlen(one));
    if (src && furniture(src)) {
        free(src);
        src = NULL;
    }
    return src;
}

static const xmlNode *find_tag(const xmlNode *x, const char *name, int depth)
{
    for (const xmlNode *k = x->children; k && depth < 12; k = k->next) {
        if (tag_is(k, name))
            return k;
        const xmlNode *f = is_el(k) ? find_tag(k, name, depth + 1) : NULL;
        if (f)
            return f;
    }
    return NULL;
}

static void em_node(emit_t *e, const xmlNode *x, int depth);

/* The text of x's subtree as one line, inline styles kept, credits left
 * out; malloc'd or NULL. */
static char *flat_text(const xmlNode *x)
{
    article_t t = {0};
    emit_t s = {0};
    s.a = &t;
    s.kind = ARTICLE_BLOCK_PARA;
    s.fig = 1;
    em_node(&s, x, 0);
    em_flush(&s);
    free(s.cur.s);
    sbuf_t b = {0};
    for (size_t i = 0; i < t.nblocks; i++) {
        if (i)
            sb_addc(&b, ' ');
        sb_add(&b, t.blocks[i].text, strlen(t.blocks[i].text));
    }
    article_free(&t);
    if (b.oom || s.oom) {
        free(b.s);
        return NULL;
    }
    return b.s ? b.s : article_strndup("", 0);
}

/* The credits inside a figure, joined. */
static void credits(const xmlNode *x, sbuf_t *b, int depth)
{
    for (const xmlNode *k = x->children; k && depth < 12; k = k->next) {
        if (!is_el(k))
            continue;
        if (is_credit(k)) {
            xmlChar *c = xmlNodeGetContent(k);
            if (c) {
                char *n = textnorm((const char *)c, strlen((const char *)c), 0, NULL);
                if (n && !only_space(n)) {
                    if (b->n)
                        sb_add(b, "; ", 2);
                    sb_add(b, n, strlen(n));
                }
                free(n);
                xmlFree(c);
            }
        } else {
            credits(k, b, depth + 1);
        }
    }
}

/* When line is only a credit ("Credit Kevin Frayer/Getty Images", "Photo:
 * ...", "© ..."), where its name starts; else NULL. A figcaption holding
 * nothing else leaves the caption to the picture's description. */
static const char *credit_only(const char *line)
{
    static const char *const label[] = {
        "credit", "photo:", "photograph:", "photo by", "foto:", "bild:", "image:", "picture:", "\xc2\xa9", "(c)", NULL};
    size_t n = strlen(line);
    if (n > 120 || (strchr(line, '.') && line[n - 1] == '.'))
        return NULL;
    for (size_t i = 0; label[i]; i++) {
        size_t k = strlen(label[i]);
        if (!strncasecmp(line, label[i], k)) {
            const char *p = line + k;
            if (!strncasecmp(label[i], "credit", 6) && (*p == 's' || *p == 'S'))
                p++;
            while (*p == ':' || *p == ' ')
                p++;
            return *p ? p : NULL;
        }
    }
    return NULL;
}

/* A picture block for img with caption cap (may be NULL), figure fig's
 * credits (fig may be NULL) and credit more (may be NULL). Returns 1 when a
 * picture was added. */
static int em_pic(emit_t *e, const xmlNode *img, const char *cap, const xmlNode *fig, const char *more)
{
    char *src = img_src(img);
    if (!src)
        return 0;
    sbuf_t cr = {0};
    if (fig)
        credits(fig, &cr, 0);
    if (more) {
        if (cr.n)
            sb_add(&cr, "; ", 2);
        sb_add(&cr, more, strlen(more));
    }
    em_flush(e);
    if (article_add_pic(e->a, src, cap, cr.s, 0) < 0)
        e->oom = 1;
    else
        e->added++;
    free(src);
    free(cr.s);
    return 1;
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
        if (tag_is(k, "figure") && !e->fig) {
            /* a figure with a picture: the picture, its caption and credit */
            const xmlNode *img = find_tag(k, "img", 0), *fc = find_tag(k, "figcaption", 0);
            /* the figcaption, else the picture's description when it is a
             * sentence, else whatever text the figure holds (a caption in a
             * div of its own) */
            const char *alt = img ? attr(img, "alt") : NULL;
            int alt_ok = alt && strchr(alt, ' ') && !only_space(alt);
            char *cap = img && (fc || !alt_ok) ? flat_text(fc ? fc : k) : NULL;
            if (cap && !*cap) {
                free(cap);
                cap = NULL;
            }
            /* a figcaption that is only a credit: it is the credit, and the
             * description (when a sentence) the caption */
            const char *who = fc && cap ? credit_only(cap) : NULL;
            int done = img && em_pic(e, img, who ? (alt_ok ? alt : NULL) : cap ? cap : alt_ok ? alt : NULL, k, who);
            free(cap);
            if (done)
                continue;
        }
        const char *ialt = tag_is(k, "img") ? attr(k, "alt") : NULL;
        if (ialt && (only_space(ialt) || (!strchr(ialt, ' ') && strchr(ialt, '.'))))
            ialt = NULL; /* a file name is no caption */
        if (tag_is(k, "img") && !e->fig && em_pic(e, k, ialt, NULL, NULL))
            continue; /* a picture in the text: its alt is for those who cannot see it */
        if (tag_is(k, "img") && (furniture(attr(k, "class")) || (ialt && ascii_casestr(ialt, "call-to-action"))))
            continue; /* a logo, an avatar or an advertisement's button ("New
                       * call-to-action"): its alt names no part of the story */
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

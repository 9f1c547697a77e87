/* SPDX-License-Identifier: MIT */
/* feed.c: RSS / Atom feeds -> articles (see feed.h). */
#include "feed.h"

#include "html.h"
#include "textnorm.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int feed_sniff(const char *buf, size_t len)
{
    size_t lim = len < 2048 ? len : 2048;
    for (size_t i = 0; i + 5 < lim; i++) {
        if (buf[i] != '<')
            continue;
        const char *p = buf + i + 1;
        size_t rest = lim - i - 1;
        if (*p == '?' || *p == '!')
            continue; /* declaration, comment, doctype */
        if ((rest > 4 && !strncmp(p, "rss", 3) && (p[3] == ' ' || p[3] == '>' || p[3] == '\n')) ||
            (rest > 5 && !strncmp(p, "feed", 4) && (p[4] == ' ' || p[4] == '>' || p[4] == '\n')) ||
            (rest > 8 && !strncmp(p, "rdf:RDF", 7)))
            return 1;
        return 0; /* the first element is something else */
    }
    return 0;
}

static const char *const months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

char *feed_date(const char *s)
{
    if (!s)
        return NULL;
    while (isspace((unsigned char)*s))
        s++;
    char out[11];
    int y = 0, m = 0, d = 0;
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
        isdigit((unsigned char)s[3]) && s[4] == '-') {
        y = atoi(s);
        m = atoi(s + 5);
        d = s[7] == '-' ? atoi(s + 8) : 1;
    } else {
        /* RFC 822: [Day, ]DD Mon YYYY ... */
        const char *p = s;
        while (*p && !isdigit((unsigned char)*p))
            p++;
        d = atoi(p);
        while (isdigit((unsigned char)*p))
            p++;
        while (*p == ' ')
            p++;
        for (int i = 0; i < 12; i++)
            if (!strncasecmp(p, months[i], 3))
                m = i + 1;
        while (*p && *p != ' ')
            p++;
        y = atoi(p);
        if (y > 0 && y < 100)
            y += y < 70 ? 2000 : 1900;
    }
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
        return NULL;
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return art_strndup(out, 10);
}

static int is_named(const xmlNode *x, const char *name)
{
    return x && x->type == XML_ELEMENT_NODE && x->name && !strcmp((const char *)x->name, name);
}

static const char *ns_prefix(const xmlNode *x)
{
    return x->ns && x->ns->prefix ? (const char *)x->ns->prefix : "";
}

static const char *ns_href(const xmlNode *x)
{
    return x->ns && x->ns->href ? (const char *)x->ns->href : "";
}

static xmlNode *child(const xmlNode *x, const char *name)
{
    for (xmlNode *k = x->children; k; k = k->next)
        if (is_named(k, name))
            return k;
    return NULL;
}

/* Text content (malloc'd) or NULL. */
static char *text_of(const xmlNode *x)
{
    if (!x)
        return NULL;
    xmlChar *c = xmlNodeGetContent(x);
    if (!c)
        return NULL;
    char *s = strdup((const char *)c);
    xmlFree(c);
    return s;
}

/* Normalised single-line text; tags in escaped-HTML titles are dropped. */
static char *clean_line(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    size_t k = 0;
    int in_tag = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<' && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/')) {
            in_tag = 1;
            continue;
        }
        if (in_tag) {
            in_tag = s[i] != '>';
            continue;
        }
        t[k++] = s[i];
    }
    char *r = textnorm(t, k, 0, NULL);
    free(t);
    if (r && !*r) {
        free(r);
        return NULL;
    }
    return r;
}

static int add_plain(article_t *a, const char *s)
{
    /* plain text: paragraphs are separated by blank lines */
    const char *p = s;
    int n = 0;
    while (*p) {
        const char *e = strstr(p, "\n\n");
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *t = textnorm(p, l, 0, NULL);
        if (!t)
            return -1;
        if (*t) {
            if (article_add_block(a, ART_BLOCK_PARA, t, strlen(t)) < 0) {
                free(t);
                return -1;
            }
            n++;
        }
        free(t);
        p += l;
        while (*p == '\n')
            p++;
    }
    return n;
}

/* The body of an item: returns blocks added or -1. */
static int item_body(xmlDoc *doc, const xmlNode *it, article_t *a)
{
    const xmlNode *best = NULL;
    int atom_type = 0; /* 0 html, 1 text, 2 xhtml */
    for (xmlNode *k = it->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (is_named(k, "encoded") && (!strcmp(ns_prefix(k), "content") || strstr(ns_href(k), "content"))) {
            best = k;
            atom_type = 0;
            break;
        }
        if (is_named(k, "content") && !strstr(ns_href(k), "search.yahoo")) {
            xmlChar *t = xmlGetProp(k, (const xmlChar *)"type");
            atom_type = !t ? 1 : !strcmp((const char *)t, "xhtml") ? 2 : !strcmp((const char *)t, "text") ? 1 : 0;
            if (t && strstr((const char *)t, "html") && strcmp((const char *)t, "xhtml"))
                atom_type = 0;
            xmlFree(t);
            if (xmlHasProp(k, (const xmlChar *)"src") && !k->children)
                continue;
            best = k;
        }
    }
    if (!best) {
        for (xmlNode *k = it->children; k && !best; k = k->next)
            if (is_named(k, "description") || is_named(k, "summary")) {
                best = k;
                atom_type = 0;
                xmlChar *t = xmlGetProp(k, (const xmlChar *)"type");
                if (t && !strcmp((const char *)t, "text"))
                    atom_type = 1;
                else if (t && !strcmp((const char *)t, "xhtml"))
                    atom_type = 2;
                xmlFree(t);
            }
    }
    if (!best)
        return 0;
    if (atom_type == 2) {
        xmlBuffer *b = xmlBufferCreate();
        if (!b)
            return -1;
        for (xmlNode *k = best->children; k; k = k->next)
            xmlNodeDump(b, doc, k, 0, 0);
        int rc = html_fragment_blocks((const char *)xmlBufferContent(b), (size_t)xmlBufferLength(b), a);
        xmlBufferFree(b);
        return rc;
    }
    char *s = text_of(best);
    if (!s)
        return 0;
    int rc;
    /* "text" bodies that are really markup are common; trust the markup */
    if (atom_type == 1 && !strchr(s, '<'))
        rc = add_plain(a, s);
    else
        rc = html_fragment_blocks(s, strlen(s), a);
    free(s);
    return rc;
}

static char *item_link(const xmlNode *it)
{
    for (xmlNode *k = it->children; k; k = k->next) {
        if (!is_named(k, "link"))
            continue;
        xmlChar *href = xmlGetProp(k, (const xmlChar *)"href");
        if (href) {
            xmlChar *rel = xmlGetProp(k, (const xmlChar *)"rel");
            int alt = !rel || !strcmp((const char *)rel, "alternate");
            xmlFree(rel);
            if (alt) {
                char *s = strdup((const char *)href);
                xmlFree(href);
                return s;
            }
            xmlFree(href);
            continue;
        }
        char *s = text_of(k);
        if (s && *s)
            return s;
        free(s);
    }
    return NULL;
}

static int add_item(xmlDoc *doc, const xmlNode *it, const char *feed_title, const char *feed_lang,
                    art_list_t *list)
{
    article_t a = { 0 };
    int nb = item_body(doc, it, &a);
    if (nb < 0) {
        article_free(&a);
        return -1;
    }
    if (nb == 0) {
        article_free(&a);
        return 0;
    }
    char *t = text_of(child(it, "title"));
    a.title = clean_line(t);
    free(t);
    if (!a.title) {
        const char *b = a.blocks[0].text;
        size_t k = 0, w = 0;
        while (b[k] && w < 10)
            w += b[k++] == ' ';
        char *h = art_strndup(b, k);
        a.title = clean_line(h);
        free(h);
    }
    const char *dates[] = { "pubDate", "published", "date", "updated", "issued", "modified", NULL };
    for (size_t i = 0; dates[i] && !a.date; i++) {
        char *d = text_of(child(it, dates[i]));
        a.date = feed_date(d);
        free(d);
    }
    xmlNode *au = child(it, "creator");
    if (!au)
        au = child(it, "author");
    if (au) {
        xmlNode *nm = child(au, "name");
        char *s = text_of(nm ? nm : au);
        a.byline = clean_line(s);
        free(s);
    }
    xmlNode *cat = child(it, "category");
    if (cat) {
        xmlChar *term = xmlGetProp(cat, (const xmlChar *)"term");
        char *s = term ? strdup((const char *)term) : text_of(cat);
        xmlFree(term);
        a.section = clean_line(s);
        free(s);
    }
    if (feed_title)
        a.source = strdup(feed_title);
    /* An entry's xml:lang (Atom, inherited from the feed), else the feed's <language>. */
    xmlChar *xl = xmlNodeGetLang(it);
    a.lang = art_lang_tag(xl ? (const char *)xl : feed_lang);
    xmlFree(xl);
    char *link = item_link(it);
    free(link); /* kept for dedup keys in a later version of the model */
    if (!a.title || textnorm_article(&a) < 0) {
        article_free(&a);
        return -1;
    }
    return art_list_take(list, &a) ? -1 : 1;
}

int feed_parse(const char *buf, size_t len, art_list_t *list, const char **why)
{
    if (len > INT32_MAX) {
        *why = "feed too large";
        return -1;
    }
    xmlDoc *doc = xmlReadMemory(buf, (int)len, NULL, NULL,
                                XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) {
        xmlFreeDoc(doc);
        *why = "not a readable feed (XML parse failed)";
        return -1;
    }
    size_t before = list->n;
    xmlNode *chan = is_named(root, "rss") ? child(root, "channel") : root;
    char *ft = NULL, *fl = NULL;
    if (chan) {
        xmlNode *ch = is_named(root, "RDF") && child(root, "channel") ? child(root, "channel") : chan;
        char *t = text_of(child(ch, "title"));
        ft = clean_line(t);
        free(t);
        fl = text_of(child(ch, "language")); /* RSS <language>, RSS 1.0 <dc:language> */
    }
    int err = 0, items = 0;
    const xmlNode *scopes[2] = { chan, is_named(root, "RDF") ? root : NULL };
    for (int s = 0; s < 2 && !err; s++) {
        if (!scopes[s] || (s == 1 && scopes[1] == scopes[0]))
            continue;
        for (xmlNode *k = scopes[s]->children; k && !err; k = k->next) {
            if (!is_named(k, "item") && !is_named(k, "entry"))
                continue;
            items++;
            if (add_item(doc, k, ft, fl, list) < 0)
                err = 1;
        }
    }
    free(ft);
    free(fl);
    xmlFreeDoc(doc);
    if (err) {
        for (size_t i = before; i < list->n; i++)
            article_free(&list->v[i]);
        list->n = before;
        *why = "out of memory";
        return -1;
    }
    if (list->n == before) {
        *why = items ? "feed items have no text" : "feed has no items";
        return -1;
    }
    return (int)(list->n - before);
}

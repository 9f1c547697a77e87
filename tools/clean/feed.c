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
    return article_strndup(out, 10);
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
            if (article_add_block(a, ARTICLE_BLOCK_PARA, t, strlen(t)) < 0) {
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
static int item_body(xmlDoc *doc, const xmlNode *it, article_t *a, int *from_content)
{
    const xmlNode *best = NULL;
    *from_content = 0;
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
    *from_content = is_named(best, "encoded") || is_named(best, "content");
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

/* Media RSS's namespace (media:content, media:group, media:credit...). */
static int is_media(const xmlNode *x, const char *name)
{
    return is_named(x, name) && strstr(ns_href(x), "search.yahoo.com/mrss");
}

/* An image by its attributes: medium="image", or a type image/..., or,
 * with neither, an address ending as a picture file does. */
static int image_attrs(const xmlNode *x, const char *url)
{
    xmlChar *medium = xmlGetProp(x, (const xmlChar *)"medium"), *type = xmlGetProp(x, (const xmlChar *)"type");
    int img = (medium && !strcmp((const char *)medium, "image")) ||
              (type && !strncmp((const char *)type, "image/", 6));
    if (!medium && !type)
        img = html_picture_url(url, strlen(url));
    xmlFree(medium);
    xmlFree(type);
    return img;
}

/* The item's picture (media:content, inside a media:group too, or an
 * enclosure of an image type; the widest media:content when it says its
 * width), with media:description as its caption and media:credit as its
 * credit, as the lead picture at the top of the body. Returns 1 when one
 * was added, 0 when none, -1 when out of memory. */
static int item_picture(const xmlNode *it, article_t *a)
{
    const xmlNode *best = NULL;
    long best_w = -1;
    for (const xmlNode *k = it->children; k; k = k->next) {
        const xmlNode *group = is_media(k, "group") ? k : NULL;
        for (const xmlNode *m = group ? group->children : k; m; m = group ? m->next : NULL) {
            int cand = is_media(m, "content") || is_named(m, "enclosure");
            xmlChar *url = cand ? xmlGetProp(m, (const xmlChar *)"url") : NULL;
            if (url && image_attrs(m, (const char *)url)) {
                xmlChar *w = xmlGetProp(m, (const xmlChar *)"width");
                long wv = w ? atol((const char *)w) : 0;
                xmlFree(w);
                if (!best || wv > best_w) {
                    best = m;
                    best_w = wv;
                }
            }
            xmlFree(url);
            if (!group)
                break;
        }
    }
    if (!best)
        return 0;
    xmlChar *url = xmlGetProp(best, (const xmlChar *)"url");
    const xmlNode *scope = best->parent && is_media(best->parent, "group") ? best->parent : it;
    char *cap = NULL, *credit = NULL;
    for (const xmlNode *where = best; where && !cap; where = where == best ? scope : NULL)
        for (const xmlNode *k = where->children; k; k = k->next) {
            char **dst = !cap && (is_media(k, "description") || is_media(k, "title")) ? &cap
                       : !credit && is_media(k, "credit")                                 ? &credit
                                                                                          : NULL;
            if (dst) {
                char *raw = text_of(k);
                *dst = clean_line(raw);
                free(raw);
            }
        }
    int rc = article_add_pic(a, (const char *)url, cap, credit, 1);
    xmlFree(url);
    free(cap);
    free(credit);
    if (rc < 0)
        return -1;
    /* the lead goes first */
    article_block_t b = a->blocks[a->nblocks - 1];
    memmove(a->blocks + 1, a->blocks, (a->nblocks - 1) * sizeof *a->blocks);
    a->blocks[0] = b;
    return 1;
}

/* A language tag as BCP 47 has it ("en-US", "de"), else NULL. Owned. */
static char *lang_tag(const char *v)
{
    return article_lang_tag(v);
}

/* xml:lang of x or the nearest element above it that has one. */
static char *xml_lang(const xmlNode *x)
{
    for (; x && x->type == XML_ELEMENT_NODE; x = x->parent) {
        xmlChar *l = xmlNodeGetLang(x);
        if (l) {
            char *t = lang_tag((const char *)l);
            xmlFree(l);
            return t;
        }
    }
    return NULL;
}

/* Everything the feed says of one item; fi->art may have no blocks. Its
 * language is the item's xml:lang, else the feed's (feed_lang, may be NULL),
 * else a guess; its headline, byline, source and body are set in it
 * (textnorm_article). Returns 0, or -1 when out of memory (fi then freed). */
static int read_item(xmlDoc *doc, const xmlNode *it, const char *feed_title, const char *feed_lang,
                     feed_item_t *fi)
{
    memset(fi, 0, sizeof *fi);
    fi->when = -1;
    article_t *a = &fi->art;
    int from_content;
    int nb = item_body(doc, it, a, &from_content);
    if (nb < 0)
        goto oom;
    char *t = text_of(child(it, "title"));
    a->title = clean_line(t);
    free(t);
    if (!a->title && nb > 0) {
        const char *b = a->blocks[0].text;
        size_t k = 0, w = 0;
        while (b[k] && w < 10)
            w += b[k++] == ' ';
        char *h = article_strndup(b, k);
        a->title = clean_line(h);
        free(h);
    }
    const char *dates[] = { "pubDate", "published", "date", "updated", "issued", "modified", NULL };
    for (size_t i = 0; dates[i] && (!a->date || fi->when < 0); i++) {
        char *d = text_of(child(it, dates[i]));
        if (!a->date)
            a->date = feed_date(d);
        if (fi->when < 0 && d)
            fi->when = feed_time(d);
        free(d);
    }
    xmlNode *au = child(it, "creator");
    if (!au)
        au = child(it, "author");
    if (au) {
        xmlNode *nm = child(au, "name");
        char *s = text_of(nm ? nm : au);
        a->byline = clean_line(s);
        free(s);
    }
    xmlNode *cat = child(it, "category");
    if (cat) {
        xmlChar *term = xmlGetProp(cat, (const xmlChar *)"term");
        char *s = term ? strdup((const char *)term) : text_of(cat);
        xmlFree(term);
        a->section = clean_line(s);
        free(s);
    }
    if (feed_title && !(a->source = strdup(feed_title)))
        goto oom;
    if (item_picture(it, a) < 0)
        goto oom;
    fi->link = item_link(it);
    char *id = text_of(child(it, "guid"));
    if (!id)
        id = text_of(child(it, "id"));
    if (!id) {
        xmlChar *about = xmlGetProp(it, (const xmlChar *)"about"); /* RSS 1.0 */
        if (about) {
            id = strdup((const char *)about);
            xmlFree(about);
        }
    }
    if (id && !*id) {
        free(id);
        id = NULL;
    }
    fi->id = id ? id : fi->link ? strdup(fi->link) : a->title ? strdup(a->title) : strdup("");
    if (!fi->id)
        goto oom;
    /* The feed carries the article itself when its content runs long;
     * a summary, or content of a paragraph or two, sends the reader to
     * the page. */
    size_t words = 0;
    for (size_t b = 0; b < a->nblocks; b++)
        for (const char *p = a->blocks[b].text; *p; p++)
            words += *p == ' ';
    fi->full = words >= (from_content ? FEED_FULL_WORDS : 2 * FEED_FULL_WORDS);
    /* Atom says the language in xml:lang, RSS in the channel's <language> */
    a->lang = xml_lang(it);
    if (!a->lang && feed_lang && !(a->lang = strdup(feed_lang)))
        goto oom;
    if (textnorm_article(a) < 0)
        goto oom;
    return 0;
oom:
    feed_item_free(fi);
    return -1;
}

void feed_item_free(feed_item_t *fi)
{
    if (!fi)
        return;
    article_free(&fi->art);
    free(fi->link);
    free(fi->id);
    memset(fi, 0, sizeof *fi);
}

static int add_item(xmlDoc *doc, const xmlNode *it, const char *feed_title, const char *feed_lang,
                    article_list_t *list)
{
    feed_item_t fi;
    if (read_item(doc, it, feed_title, feed_lang, &fi) < 0)
        return -1;
    if (fi.art.nblocks == 0) {
        feed_item_free(&fi);
        return 0;
    }
    if (!fi.art.title) {
        feed_item_free(&fi);
        return -1;
    }
    int rc = article_list_take(list, &fi.art) ? -1 : 1;
    feed_item_free(&fi);
    return rc;
}

int feed_parse(const char *buf, size_t len, article_list_t *list, const char **why)
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
        t = text_of(child(ch, "language")); /* RSS <language>, RSS 1.0 <dc:language> */
        fl = lang_tag(t);
        free(t);
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

/* ---- items for the fetcher ----------------------------------------------------- */

void feed_items_free(feed_items_t *f)
{
    for (size_t i = 0; i < f->n; i++)
        feed_item_free(&f->v[i]);
    free(f->v);
    free(f->title);
    memset(f, 0, sizeof *f);
}

int feed_read(const char *buf, size_t len, const char *charset, feed_items_t *out, const char **why)
{
    memset(out, 0, sizeof *out);
    if (len > INT32_MAX) {
        *why = "feed too large";
        return -1;
    }
    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        *why = "out of memory";
        return -1;
    }
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, buf, (int)len, NULL, charset && *charset ? charset : NULL,
                                    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                        XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
    if (!ctxt->wellFormed) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        char msg[120] = "";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t n = strlen(msg);
            while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
                msg[--n] = '\0';
        }
        snprintf(out->xml_error, sizeof out->xml_error, "invalid XML at line %d: %s", e ? e->line : 0,
                 msg[0] ? msg : "not well-formed");
    }
    xmlFreeParserCtxt(ctxt);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || !(is_named(root, "rss") || is_named(root, "feed") || is_named(root, "RDF"))) {
        xmlFreeDoc(doc);
        *why = out->xml_error[0] ? "invalid XML: not a readable feed"
               : root          ? "not an RSS or Atom feed (another XML document)"
                               : "not a readable feed (XML parse failed)";
        return -1;
    }
    xmlNode *chan = is_named(root, "rss") ? child(root, "channel") : root;
    if (chan) {
        xmlNode *ch = is_named(root, "RDF") && child(root, "channel") ? child(root, "channel") : chan;
        char *t = text_of(child(ch, "title"));
        out->title = clean_line(t);
        free(t);
    }
    /* RSS says the language in <language>, Atom in xml:lang */
    char *lang = NULL;
    if (chan) {
        char *t = text_of(child(chan, "language"));
        lang = lang_tag(t);
        free(t);
    }
    int err = 0;
    const xmlNode *scopes[2] = { chan, is_named(root, "RDF") ? root : NULL };
    for (int s = 0; s < 2 && !err; s++) {
        if (!scopes[s] || (s == 1 && scopes[1] == scopes[0]))
            continue;
        for (xmlNode *k = scopes[s]->children; k && !err; k = k->next) {
            if (!is_named(k, "item") && !is_named(k, "entry"))
                continue;
            if (out->n == out->cap) {
                size_t cap = out->cap ? out->cap * 2 : 16;
                feed_item_t *v = realloc(out->v, cap * sizeof *v);
                if (!v) {
                    err = 1;
                    break;
                }
                out->v = v;
                out->cap = cap;
            }
            if (read_item(doc, k, out->title, lang, &out->v[out->n]) < 0)
                err = 1;
            else if (!out->v[out->n].art.title && !out->v[out->n].link)
                feed_item_free(&out->v[out->n]); /* nothing to show and nowhere to look */
            else
                out->n++;
        }
    }
    free(lang);
    xmlFreeDoc(doc);
    if (err) {
        feed_items_free(out);
        *why = "out of memory";
        return -1;
    }
    return (int)out->n;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* "+0200", "-05:30", "Z", "GMT", "EST"... -> seconds east of UTC. */
static long zone_offset(const char *p)
{
    while (*p == ' ')
        p++;
    if ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2])) {
        int h = (p[1] - '0') * 10 + (p[2] - '0');
        const char *q = p + 3;
        if (*q == ':')
            q++;
        int mi = isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) ? (q[0] - '0') * 10 + (q[1] - '0') : 0;
        long off = (long)h * 3600 + (long)mi * 60;
        return *p == '-' ? -off : off;
    }
    static const struct {
        const char *name;
        int hours;
    } zones[] = { { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
                  { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 } };
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (!strncmp(p, zones[i].name, 3))
            return (long)zones[i].hours * 3600;
    return 0; /* Z, GMT, UT, or none given */
}

long long feed_time(const char *s)
{
    char *day = feed_date(s);
    if (!day)
        return -1;
    int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);
    free(day);
    int hh = 0, mm = 0, ss = 0;
    const char *p = s;
    /* the time is the first hh:mm after the date */
    const char *c = strchr(p, ':');
    long off = 0;
    if (c && c - p >= 2 && isdigit((unsigned char)c[-1]) && isdigit((unsigned char)c[-2])) {
        hh = atoi(c - 2);
        mm = atoi(c + 1);
        const char *q = c + 1;
        while (isdigit((unsigned char)*q))
            q++;
        if (*q == ':') {
            ss = atoi(q + 1);
            q++;
            while (isdigit((unsigned char)*q))
                q++;
        }
        if (*q == '.' || *q == ',')
            for (q++; isdigit((unsigned char)*q); q++)
                ;
        off = zone_offset(q);
    }
    if (hh > 23 || mm > 59 || ss > 60)
        return -1;
    return days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss - off;
}

/* SPDX-License-Identifier: MIT */
/* feedlist.c: the FEEDS file, plain or OPML (see feedlist.h). */
#include "feedlist.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "article.h"

void feedlist_free(feedlist_t *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].url);
        free(l->v[i].section);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

int feedlist_url_ok(const char *url)
{
    const char *h = NULL;
    if (!strncasecmp(url, "http://", 7))
        h = url + 7;
    else if (!strncasecmp(url, "https://", 8))
        h = url + 8;
    if (!h || !*h || *h == '/' || *h == ':')
        return 0;
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f)
            return 0;
    return 1;
}

static int push(feedlist_t *l, const char *url, size_t ulen, const char *sec, size_t slen, int line)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        feedlist_entry_t *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    feedlist_entry_t *e = &l->v[l->n];
    e->url = article_strndup(url, ulen);
    e->section = sec && slen ? article_strndup(sec, slen) : NULL;
    e->line = line;
    if (!e->url || (sec && slen && !e->section)) {
        free(e->url);
        free(e->section);
        return -1;
    }
    l->n++;
    return 0;
}

static int is_opml(const char *buf, size_t len)
{
    size_t lim = len < 1024 ? len : 1024;
    for (size_t i = 0; i + 5 <= lim; i++)
        if (buf[i] == '<' && !strncasecmp(buf + i + 1, "opml", 4))
            return 1;
    return 0;
}

static int plain(const char *buf, size_t len, feedlist_t *out, char *why, size_t whylen)
{
    size_t i = 0;
    int line = 0;
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        i = 3;
    while (i < len) {
        line++;
        const char *s = buf + i;
        const char *nl = memchr(s, '\n', len - i);
        size_t n = nl ? (size_t)(nl - s) : len - i;
        i += n + 1;
        while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        while (n && (*s == ' ' || *s == '\t')) {
            s++;
            n--;
        }
        if (!n || *s == '#')
            continue;
        size_t u = 0;
        while (u < n && s[u] != ' ' && s[u] != '\t')
            u++;
        size_t j = u;
        while (j < n && (s[j] == ' ' || s[j] == '\t'))
            j++;
        char url[2048];
        if (u >= sizeof url) {
            snprintf(why, whylen, "line %d: URL too long", line);
            return -1;
        }
        memcpy(url, s, u);
        url[u] = '\0';
        if (!feedlist_url_ok(url)) {
            snprintf(why, whylen, "line %d: '%.60s' is not an http:// or https:// URL", line, url);
            return -1;
        }
        if (push(out, s, u, s + j, n - j, line) < 0) {
            snprintf(why, whylen, "out of memory");
            return -1;
        }
    }
    return 0;
}

static char *prop(const xmlNode *x, const char *name)
{
    xmlChar *v = xmlGetProp(x, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = strdup((const char *)v);
    xmlFree(v);
    if (s) { /* trim */
        size_t n = strlen(s), k = 0;
        while (n && isspace((unsigned char)s[n - 1]))
            s[--n] = '\0';
        while (isspace((unsigned char)s[k]))
            k++;
        memmove(s, s + k, n - k + 1);
        if (!*s) {
            free(s);
            s = NULL;
        }
    }
    return s;
}

static char *outline_name(const xmlNode *x)
{
    char *t = prop(x, "title");
    return t ? t : prop(x, "text");
}

static int opml_walk(const xmlNode *x, const char *section, feedlist_t *out, char *why, size_t whylen, int depth)
{
    for (const xmlNode *k = x->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || strcmp((const char *)k->name, "outline") != 0)
            continue;
        char *url = prop(k, "xmlUrl");
        char *name = outline_name(k);
        int rc = 0;
        if (url) {
            if (!feedlist_url_ok(url)) {
                snprintf(why, whylen, "line %d: '%.60s' is not an http:// or https:// URL", (int)k->line, url);
                rc = -1;
            } else {
                const char *sec = section ? section : name;
                rc = push(out, url, strlen(url), sec, sec ? strlen(sec) : 0, (int)k->line);
                if (rc < 0)
                    snprintf(why, whylen, "out of memory");
            }
        } else if (depth < 16) {
            /* a folder: the outermost names the section */
            rc = opml_walk(k, section ? section : name, out, why, whylen, depth + 1);
        }
        free(url);
        free(name);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int opml(const char *buf, size_t len, feedlist_t *out, char *why, size_t whylen)
{
    if (len > 64u << 20) {
        snprintf(why, whylen, "OPML file too large");
        return -1;
    }
    xmlDoc *doc = xmlReadMemory(buf, (int)len, NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || strcmp((const char *)root->name, "opml") != 0) {
        const xmlError *e = xmlGetLastError();
        snprintf(why, whylen, "not a readable OPML file (line %d: %s)", e ? e->line : 0,
                 e && e->message ? e->message : "no <opml> root\n");
        size_t n = strlen(why);
        if (n && why[n - 1] == '\n')
            why[n - 1] = '\0';
        xmlFreeDoc(doc);
        return -1;
    }
    int rc = 0;
    for (xmlNode *k = root->children; k && !rc; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, "body"))
            rc = opml_walk(k, NULL, out, why, whylen, 0);
    xmlFreeDoc(doc);
    return rc;
}

int feedlist_parse(const char *buf, size_t len, feedlist_t *out, char *why, size_t whylen)
{
    memset(out, 0, sizeof *out);
    int rc = is_opml(buf, len) ? opml(buf, len, out, why, whylen) : plain(buf, len, out, why, whylen);
    if (rc < 0) {
        feedlist_free(out);
        return -1;
    }
    if (out->n == 0) {
        snprintf(why, whylen, "no feeds in it (a line is a URL, then the section's name)");
        return -1;
    }
    return (int)out->n;
}

/* SPDX-License-Identifier: MIT */
/* html_dom.c: the HTML cleaner's tree edits, which keep each element's text
 * sum (nd_t: characters, commas, link text) right, and the sums themselves,
 * brought up to date in one walk over what changed (see html_priv.h). */
#include "html_priv.h"

#include <ctype.h>

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

/* The edits log of x's document, or NULL when its edits are not noted. */
static edits_t *edits_of(const xmlNode *x)
{
    return x->doc ? x->doc->_private : NULL;
}

static void note(edits_t *e, xmlNode *x, xmlChar *name)
{
    if (e->oom)
        return;
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 256;
        edit_t *v = realloc(e->v, cap * sizeof *v);
        if (!v) {
            e->oom = 1;
            return;
        }
        e->v = v;
        e->cap = cap;
    }
    e->v[e->n++] = (edit_t){x, x->parent, x->next, name};
}

static void dom_unlink(xmlNode *x)
{
    edits_t *e = edits_of(x);
    if (e)
        note(e, x, NULL);
    sum_stale(x->parent);
    xmlUnlinkNode(x);
}

void dom_remove(ctx_t *c, xmlNode *x)
{
    dom_unlink(x);
    if (nodes_push(&c->trash, x) < 0) {
        c->oom = 1;     /* no attempt follows: nothing is undone */
        xmlFreeNode(x); /* nothing else points into it */
    }
}

/* Appends x (unlinked first) as parent's last child; no text merging. */
void dom_append(xmlNode *parent, xmlNode *x)
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

void dom_insert_before(xmlNode *ref, xmlNode *x)
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

void dom_replace(xmlNode *old, xmlNode *x)
{
    dom_insert_before(old, x);
    dom_unlink(old);
}

void dom_set_tag(xmlNode *x, const char *t)
{
    edits_t *e = edits_of(x);
    if (e) {
        /* xmlNodeSetName frees the old name unless the dictionary has it */
        xmlDict *dict = x->doc->dict;
        xmlChar *was = dict ? (xmlChar *)xmlDictLookup(dict, x->name, -1) : xmlStrdup(x->name);
        if (was)
            note(e, x, was);
        if (!was || e->oom) {
            if (!dict)
                xmlFree(was);
            e->oom = 1;
        }
    }
    sum_stale(x->parent); /* an <a> counts in its ancestors' link sums */
    xmlNodeSetName(x, (const xmlChar *)t);
}

void dom_undo(xmlDoc *doc, edits_t *e)
{
    for (size_t i = e->n; i-- > 0;) {
        edit_t *u = &e->v[i];
        xmlNode *x = u->x;
        if (u->name) {
            if (!doc->dict || !xmlDictOwns(doc->dict, x->name))
                xmlFree((xmlChar *)x->name);
            x->name = u->name; /* the node's own now */
            continue;
        }
        xmlUnlinkNode(x);
        xmlNode *p = u->parent, *nx = u->next;
        if (!p)
            continue;
        x->parent = p;
        x->next = nx;
        if (nx) {
            x->prev = nx->prev;
            if (nx->prev)
                nx->prev->next = x;
            else
                p->children = x;
            nx->prev = x;
        } else {
            x->prev = p->last;
            if (p->last)
                p->last->next = x;
            else
                p->children = x;
            p->last = x;
        }
    }
    /* What stands nowhere now was made by the attempt (every node of the
     * page is back in its place): each such node once, then freed. Its
     * _private, pointing into the attempt's freed node data, marks it. */
    static char made;
    for (size_t i = 0; i < e->n; i++)
        if (!e->v[i].name && !e->v[i].x->parent)
            e->v[i].x->_private = &made;
    size_t k = 0;
    for (size_t i = 0; i < e->n; i++) {
        xmlNode *x = e->v[i].x;
        if (!e->v[i].name && x->_private == &made) {
            x->_private = NULL;
            e->v[k++].x = x;
        }
    }
    for (size_t i = 0; i < k; i++)
        xmlFreeNode(e->v[i].x);
    for (xmlNode *top = doc->children; top; top = top->next)
        for (xmlNode *x = top; x; x = walk_next(x, top, 0))
            x->_private = NULL;
    free(e->v);
    e->v = NULL;
    e->n = e->cap = 0;
    doc->_private = NULL;
}

void dom_edits_drop(xmlDoc *doc, edits_t *e)
{
    for (size_t i = 0; !doc->dict && i < e->n; i++)
        xmlFree(e->v[i].name);
    free(e->v);
    e->v = NULL;
    e->n = e->cap = 0;
    doc->_private = NULL;
}

int dom_has_ancestor(const xmlNode *x, const char *t, int max_depth)
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

/* Text of x's subtree with white space runs collapsed and the ends trimmed,
 * appended to b. */
void dom_inner_text(const xmlNode *x, sbuf_t *b)
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

/* One text node's share of dom_inner_len: characters counted (white space runs
 * collapsed to one, the ends trimmed, UTF-8 continuation bytes not counted),
 * commas, and whether white space comes before the first or after the last
 * counted character (for a node with none counted: whether it has any). */
static void text_node_sum(const xmlNode *t, nd_t *o)
{
    size_t n = 0, cm = 0;
    int space = 0, lead = 0;
    for (const unsigned char *s = (const unsigned char *)t->content; s && *s; s++) {
        if (*s > ' ' && *s < 0x80 && *s != ',') {
            /* most text: a run of ASCII that is no space and no comma,
             * each byte a character, as below but at one test a byte */
            if (!n)
                lead = space;
            else if (space)
                n++;
            space = 0;
            while (s[1] > ' ' && s[1] < 0x80 && s[1] != ',')
                n++, s++;
            n++;
            continue;
        }
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

/* Appends b's text to a's, as dom_inner_len would read them one after the
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
const nd_t *dom_text_sum(ctx_t *c, xmlNode *root)
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

/* Length in characters of dom_inner_text(x) (white space collapsed, ends
 * trimmed), and its commas (',', U+FF0C, U+060C) when commas is not NULL. */
size_t dom_inner_len(ctx_t *c, xmlNode *x, size_t *commas)
{
    nd_t t;
    const nd_t *d = &t;
    if (x->type == XML_ELEMENT_NODE)
        d = dom_text_sum(c, x);
    else if (is_text(x))
        text_node_sum(x, &t);
    else
        memset(&t, 0, sizeof t);
    if (commas)
        *commas = d->commas;
    return d->len;
}

size_t dom_count_tag(const xmlNode *root, const char *t)
{
    size_t n = 0;
    for (xmlNode *k = root->children; k; k = walk_next(k, root, 0))
        n += tag_is(k, t);
    return n;
}

int dom_get_all(const xmlNode *root, const char *const *set, nodes_t *out)
{
    for (xmlNode *k = root->children; k; k = walk_next(k, root, 0))
        if (tag_in(k, set) && nodes_push(out, k) < 0) {
            /* the callers' "oom: return" then leaks nothing */
            free(out->v);
            *out = (nodes_t){0};
            return -1;
        }
    return 0;
}

xmlNode *dom_find_body(xmlNode *root)
{
    for (xmlNode *k = root; k; k = walk_next(k, root, 0))
        if (tag_is(k, "body"))
            return k;
    return root;
}


/* Readability's text similarity: share of b's ASCII word tokens found in a. */
double dom_text_similarity(const char *a, const char *b)
{
    /* tokens of a, lower-cased, separated by single spaces */
    sbuf_t ta = {0}, tb = {0}, ub = {0};
    const char *srcs[2] = {a, b};
    sbuf_t *dst[2] = {&ta, &tb};
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

/* SPDX-License-Identifier: MIT */
/* article.c: owning helpers for the host's article model. */
#include "article.h"

#include "ink_run.h"
#include "ink_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *article_strndup(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

int article_add_block(article_t *a, article_block_kind_t kind, const char *text, size_t len)
{
    if (a->nblocks == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 16;
        article_block_t *b = realloc(a->blocks, cap * sizeof *b);
        if (!b)
            return -1;
        a->blocks = b;
        a->cap = cap;
    }
    char *t = article_strndup(text, len);
    if (!t)
        return -1;
    memset(&a->blocks[a->nblocks], 0, sizeof a->blocks[0]);
    a->blocks[a->nblocks].kind = kind;
    a->blocks[a->nblocks].text = t;
    a->blocks[a->nblocks].pic = -1;
    a->nblocks++;
    return 0;
}

void article_block_clear(article_block_t *b)
{
    free(b->text);
    free(b->src);
    free(b->credit);
    b->text = b->src = b->credit = NULL;
}

int article_add_pic(article_t *a, const char *src, const char *caption, const char *credit, int lead)
{
    if (!src)
        return -1;
    if (article_add_block(a, ARTICLE_BLOCK_PIC, caption ? caption : "", caption ? strlen(caption) : 0))
        return -1;
    article_block_t *b = &a->blocks[a->nblocks - 1];
    b->src = article_strndup(src, strlen(src));
    b->credit = credit && *credit ? article_strndup(credit, strlen(credit)) : NULL;
    b->lead = lead;
    if (!b->src || (credit && *credit && !b->credit))
        return -1;
    return 0;
}

/* Decodes %XX escapes of a URL path in place. */
static void unescape(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        int hi, lo;
        if (r[0] == '%' && r[1] && r[2] && (hi = hexval(r[1])) >= 0 && (lo = hexval(r[2])) >= 0) {
            *w++ = (char)(hi << 4 | lo);
            r += 2;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

int article_resolve_pics(article_t *a, const char *path)
{
    size_t dl = 0;
    if (path) {
        const char *sl = strrchr(path, '/');
        dl = sl ? (size_t)(sl - path) + 1 : 0;
    }
    for (size_t i = 0; i < a->nblocks; i++) {
        article_block_t *b = &a->blocks[i];
        if (b->kind != ARTICLE_BLOCK_PIC || !b->src)
            continue;
        const char *s = b->src;
        if (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8))
            continue;
        char *p;
        if (!strncasecmp(s, "file://", 7)) {
            p = article_strndup(s + 7, strlen(s + 7));
        } else if (!strncasecmp(s, "file:", 5)) {
            p = article_strndup(s + 5, strlen(s + 5));
        } else if (s[0] == '/' || !path) {
            p = article_strndup(s, strlen(s));
        } else if (strstr(s, "://") || !strncasecmp(s, "data:", 5)) {
            continue; /* another scheme: left for pack to refuse */
        } else {
            p = malloc(dl + strlen(s) + 1);
            if (p) {
                memcpy(p, path, dl);
                strcpy(p + dl, s);
            }
        }
        if (!p)
            return -1;
        char *q = strpbrk(p, "?#"); /* a saved page's file has no query */
        if (q)
            *q = '\0';
        unescape(p);
        free(b->src);
        b->src = p;
    }
    return 0;
}

void article_free(article_t *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->date);
    free(a->section);
    free(a->source);
    free(a->byline);
    free(a->lang);
    for (size_t i = 0; i < a->nblocks; i++) {
        free(a->blocks[i].text);
        free(a->blocks[i].src);
        free(a->blocks[i].credit);
    }
    free(a->blocks);
    memset(a, 0, sizeof *a);
}

article_t *article_list_add(article_list_t *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        article_t *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return NULL;
        l->v = v;
        l->cap = cap;
    }
    memset(&l->v[l->n], 0, sizeof l->v[0]);
    return &l->v[l->n++];
}

int article_list_take(article_list_t *l, article_t *a)
{
    article_t *slot = article_list_add(l);
    if (!slot) {
        article_free(a);
        return -1;
    }
    *slot = *a;
    memset(a, 0, sizeof *a);
    return 0;
}

/* What a block of n bytes weighs in a part: its bytes and code, and at
 * least a line's worth, so that a part of many one-word list items stays
 * within the pages the reader lays out for an article (a 103 KB page of
 * 5,000 links took more than 512 pages at lilygo-t5). */
#define LINE_BYTES 40u
static size_t weight(size_t n)
{
    return n + 1 < LINE_BYTES ? LINE_BYTES : n + 1;
}

size_t article_body_weight(const article_t *a)
{
    size_t n = 0;
    for (size_t b = 0; b < a->nblocks; b++)
        n += weight(strlen(a->blocks[b].text));
    return n;
}

/* Where to cut s (n bytes, more than want) to leave at most want bytes
 * before the cut: after the last sentence end before want, else the last
 * space, else the last character boundary. */
static size_t cut_point(const char *s, size_t want)
{
    size_t space = 0, sentence = 0;
    for (size_t i = 1; i < want; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            space = i;
            if (strchr(".!?", s[i - 1]))
                sentence = i;
        } else if (i >= 3 && (!memcmp(s + i - 3, "\xE3\x80\x82", 3) || !memcmp(s + i - 3, "\xEF\xBC\x81", 3) ||
                              !memcmp(s + i - 3, "\xEF\xBC\x9F", 3))) {
            sentence = i; /* after 。！？ */
        }
    }
    size_t at = sentence > want / 2 ? sentence : space > want / 2 ? space : 0;
    if (!at)
        for (at = want; at > 1 && ((unsigned char)s[at] & 0xC0) == 0x80; at--)
            ;
    return at;
}

/* Appends the part being filled to out, or frees it when it is empty. */
static int close_part(article_list_t *out, article_t *part, const article_t *a)
{
    if (!part->nblocks) {
        article_free(part);
        return 0;
    }
    char **f[] = { &part->date, &part->section, &part->source, &part->byline, &part->lang };
    const char *g[] = { a->date, a->section, a->source, a->byline, a->lang };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (g[i] && !(*f[i] = strdup(g[i]))) {
            article_free(part);
            return -1;
        }
    return article_list_take(out, part);
}

/* A picture block keeps its picture in its part: the last block of part
 * becomes a copy of from's picture, credit and lead mark. */
static int copy_pic(article_t *part, const article_block_t *from)
{
    article_block_t *b = &part->blocks[part->nblocks - 1];
    if (from->kind != ARTICLE_BLOCK_PIC)
        return 0;
    b->pic = from->pic;
    b->lead = from->lead;
    b->src = from->src ? strdup(from->src) : NULL;
    b->credit = from->credit ? strdup(from->credit) : NULL;
    return (from->src && !b->src) || (from->credit && !b->credit) ? -1 : 0;
}

/* The parts of a into out, their titles still unset: k parts of about
 * total / k bytes, the last of them taking up to max; max_parts at most. */
static int split_one(const article_t *a, size_t max, size_t max_parts, article_list_t *out)
{
    size_t total = article_body_weight(a), k = (total + max - 1) / max, even = (total + k - 1) / k;
    if (k > max_parts) {
        k = max_parts;
        even = max - 1;
    }
    size_t parts = 0, fill = 0;
    article_t part = { 0 };
    for (size_t b = 0; b < a->nblocks; b++) {
        const char *s = a->blocks[b].text;
        size_t n = strlen(s);
        article_block_kind_t kind = a->blocks[b].kind;
        for (;;) {
            size_t target = parts + 1 >= k ? max - 1 : even;
            if (fill && fill + weight(n) > target) { /* the part is full: a heading goes on with its text */
                article_block_t *last = &part.blocks[part.nblocks - 1];
                char *carry = NULL;
                if (last->kind == ARTICLE_BLOCK_SUBHEAD && part.nblocks > 1) {
                    carry = last->text;
                    part.nblocks--;
                }
                if (close_part(out, &part, a) < 0) {
                    free(carry);
                    return -1;
                }
                memset(&part, 0, sizeof part);
                if (++parts == max_parts) {
                    free(carry);
                    return 0; /* the rest is left out */
                }
                fill = 0;
                if (carry) {
                    int e = article_add_block(&part, ARTICLE_BLOCK_SUBHEAD, carry, strlen(carry));
                    fill = weight(strlen(carry));
                    free(carry);
                    if (e < 0)
                        goto oom;
                }
                continue;
            }
            if (fill + weight(n) <= target) {
                if (article_add_block(&part, kind, s, n) < 0 || copy_pic(&part, &a->blocks[b]) < 0)
                    goto oom;
                fill += weight(n);
                break;
            }
            /* a block longer than what is left of the part: its first piece
             * fills it */
            size_t c = cut_point(s, target - fill - 1);
            size_t l = c;
            while (l && s[l - 1] == ' ')
                l--;
            if (article_add_block(&part, kind, s, l) < 0 ||
                (s == a->blocks[b].text && copy_pic(&part, &a->blocks[b]) < 0))
                goto oom;
            fill = target; /* closes the part at the next turn */
            s += c;
            n -= c;
            while (*s == ' ') {
                s++;
                n--;
            }
            if (!n)
                break;
        }
    }
    return close_part(out, &part, a);
oom:
    article_free(&part);
    return -1;
}

int article_split_long(article_list_t *l, size_t max, size_t max_parts)
{
    if (max < 64)
        max = 64;
    if (!max_parts)
        max_parts = 1;
    size_t split = 0;
    for (size_t i = 0; i < l->n; i++)
        split += article_body_weight(&l->v[i]) > max;
    if (!split)
        return 0;
    article_list_t out = { 0 };
    for (size_t i = 0; i < l->n; i++) {
        const article_t *a = &l->v[i];
        if (article_body_weight(a) <= max) {
            article_t *slot = article_list_add(&out);
            if (!slot)
                goto oom;
            *slot = *a; /* moved at the end, once nothing can fail */
            continue;
        }
        size_t first = out.n;
        if (split_one(a, max, max_parts, &out) < 0)
            goto oom;
        size_t parts = out.n - first;
        for (size_t p = 0; p < parts; p++) {
            size_t tl = strlen(a->title) + 32;
            char *t = malloc(tl);
            if (!t)
                goto oom;
            snprintf(t, tl, "%s (%zu/%zu)", a->title, p + 1, parts);
            out.v[first + p].title = t;
        }
    }
    /* out owns the articles kept whole and the parts; the split ones go */
    for (size_t i = 0; i < l->n; i++)
        if (article_body_weight(&l->v[i]) > max)
            article_free(&l->v[i]);
    free(l->v);
    *l = out;
    return (int)split;
oom:
    /* the ones kept whole are still l's: out only borrowed them */
    for (size_t j = 0; j < out.n; j++)
        for (size_t i = 0; i < l->n; i++)
            if (out.v[j].title && out.v[j].title == l->v[i].title) {
                memset(&out.v[j], 0, sizeof out.v[j]);
                break;
            }
    article_list_free(&out);
    return -1;
}

void article_list_free(article_list_t *l)
{
    for (size_t i = 0; i < l->n; i++)
        article_free(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Appends code + s to buf at *k (buf is big enough: see article_encode_text). */
static void put_block(unsigned char *buf, size_t *k, unsigned char code, const char *s)
{
    size_t n = strlen(s);
    buf[(*k)++] = code;
    memcpy(buf + *k, s, n);
    *k += n;
}

int article_encode_text(const article_t *a, unsigned char **out, size_t *len)
{
    const char *head[3] = { a->source, a->date, a->byline };
    size_t n = 0;
    for (int h = 0; h < 3; h++)
        if (head[h])
            n += 1 + strlen(head[h]);
    for (size_t i = 0; i < a->nblocks; i++) {
        const article_block_t *b = &a->blocks[i];
        if (b->kind == ARTICLE_BLOCK_PIC)
            n += b->pic < 0 ? 0 : 1 + 11 + 1 + strlen(b->text) + (b->credit ? 2 + strlen(b->credit) : 0);
        else
            n += 1 + strlen(b->text);
    }
    unsigned char *buf = malloc(n ? n : 1);
    if (!buf)
        return -1;
    size_t k = 0;
    for (int h = 0; h < 3; h++)
        if (head[h])
            put_block(buf, &k, (unsigned char)(ARTICLE_HEAD_SOURCE + h), head[h]);
    for (size_t i = 0; i < a->nblocks; i++) {
        const article_block_t *b = &a->blocks[i];
        if (b->kind != ARTICLE_BLOCK_PIC) {
            put_block(buf, &k, (unsigned char)b->kind, b->text);
            continue;
        }
        if (b->pic < 0) /* a picture the packer left out */
            continue;
        char num[16];
        snprintf(num, sizeof num, "%d ", b->pic);
        put_block(buf, &k, INK_TX_PIC, num);
        memcpy(buf + k, b->text, strlen(b->text));
        k += strlen(b->text);
        if (b->credit) {
            if (*b->text)
                buf[k++] = ' ';
            buf[k++] = INK_TX_CREDIT;
            memcpy(buf + k, b->credit, strlen(b->credit));
            k += strlen(b->credit);
        }
    }
    *out = buf;
    *len = k;
    return 0;
}

/* Length of the separator " X " at s (s[0] is the space), or 0. */
static size_t title_sep(const char *s)
{
    static const char *const seps[] = {
        " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xc2\xb7 ", " :: ", " \xc2\xbb ", " / ", " // ",
    };
    for (size_t i = 0; i < sizeof seps / sizeof *seps; i++)
        if (!strncmp(s, seps[i], strlen(seps[i])))
            return strlen(seps[i]);
    return 0;
}

/* A domain: no space, a dot, two to six letters after the last one. */
static int is_domain(const char *s, size_t n)
{
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            return 0;
        if (s[i] == '.')
            dot = s + i;
    }
    if (!dot || dot == s)
        return 0;
    size_t tl = (size_t)(s + n - dot - 1);
    for (const char *q = dot + 1; q < s + n; q++)
        if (!((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')))
            return 0;
    return tl >= 2 && tl <= 6;
}

/* s[0..n) folded for comparing site names: ASCII letters and digits in
 * lower case, other bytes above ASCII as they are, the rest left out; a
 * domain ("Chefkoch.de", "DW.COM") without its top-level part. */
static size_t site_fold(const char *s, size_t n, char *out, size_t max)
{
    if (is_domain(s, n)) {
        while (s[n - 1] != '.')
            n--;
        n--; /* the last dot */
    }
    size_t k = 0;
    for (size_t i = 0; i < n && k < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[k++] = (char)c;
    }
    return k;
}

/* Is s[0..n) the site: a domain, or the source's name (the source may go
 * on after it: "St.Galler Tagblatt" of "St.Galler Tagblatt AG")? */
static int site_part(const char *s, size_t n, const char *source)
{
    if (is_domain(s, n))
        return 1;
    if (!source)
        return 0;
    char a[128], b[128];
    size_t an = site_fold(s, n, a, sizeof a), sn = strlen(source);
    /* the source's first part, up to its own separator */
    for (size_t i = 0; i < sn; i++)
        if (source[i] == ' ' && title_sep(source + i)) {
            sn = i;
            break;
        }
    size_t bn = site_fold(source, sn, b, sizeof b);
    if (an < 2 || bn < 2)
        return 0;
    if (an == bn && !memcmp(a, b, an))
        return 1;
    /* a prefix of whole words of the source */
    size_t pn = n < sn ? n : sn;
    return an >= 4 && n < sn && source[n] == ' ' && !strncasecmp(s, source, pn);
}

/* A date alone: digits and . / - only, six characters at least. */
static int date_part(const char *s, size_t n)
{
    size_t digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != '.' && s[i] != '/' && s[i] != '-')
            return 0;
    }
    return n >= 6 && digits >= 4;
}

static size_t words_in(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    return w;
}

void article_trim_site_name(char *title, const char *source)
{
    if (!title)
        return;
    size_t n = strlen(title);
    for (int round = 0; round < 2; round++) {
        size_t first = 0, flen = 0, last = 0, llen = 0;
        for (size_t i = 1; i + 1 < n; i++) {
            size_t l = title[i] == ' ' ? title_sep(title + i) : 0;
            if (!l)
                continue;
            if (!flen)
                first = i, flen = l;
            last = i, llen = l;
        }
        if (!llen)
            return;
        const char *tail = title + last + llen;
        size_t tn = n - last - llen;
        if (round == 0 && first != last && date_part(tail, tn)) {
            title[n = last] = '\0';
            continue;
        }
        if (site_part(tail, tn, source) && words_in(title, last) >= 2 && tn < last) {
            title[n = last] = '\0';
            return;
        }
        if (site_part(title, first, source) && words_in(title + first + flen, n - first - flen) >= 2 &&
            first < n - first - flen) {
            size_t from = first + flen;
            /* "site // » Title": what is left of the separator goes too */
            while (from < n && (title[from] == ' ' || title[from] == '|' || title[from] == '/' ||
                                ((unsigned char)title[from] == 0xC2 && (unsigned char)title[from + 1] == 0xBB)))
                from += (unsigned char)title[from] == 0xC2 ? 2 : 1;
            memmove(title, title + from, n - from + 1);
            return;
        }
        return;
    }
}

char *article_lang_tag(const char *s)
{
    if (!s)
        return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    char t[8];
    size_t n = 0;
    while (n < 3 && ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z')) {
        t[n] = (char)(s[n] | 0x20);
        n++;
    }
    if (n < 2 || ((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z'))
        return NULL;
    size_t k = n;
    if ((s[n] == '-' || s[n] == '_') && ((s[n + 1] | 0x20) >= 'a' && (s[n + 1] | 0x20) <= 'z') &&
        ((s[n + 2] | 0x20) >= 'a' && (s[n + 2] | 0x20) <= 'z') &&
        !((s[n + 3] | 0x20) >= 'a' && (s[n + 3] | 0x20) <= 'z')) {
        t[k++] = '-';
        t[k++] = (char)(s[n + 1] & ~0x20);
        t[k++] = (char)(s[n + 2] & ~0x20);
    }
    return article_strndup(t, k);
}

size_t article_unhint(char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        const unsigned char *u = (const unsigned char *)s + i;
        if (len - i >= 2 && u[0] == 0xC2 && u[1] == 0xAD) { /* U+00AD */
            i += 2;
        } else if (len - i >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B) { /* U+200B */
            i += 3;
        } else if (u[0] == INK_TX_SHY || u[0] == INK_TX_ZWSP || u[0] == INK_TX_HYPH_OFF || u[0] == INK_TX_JOIN) {
            i++;
        } else if (u[0] == INK_TX_NOBREAK) {
            s[k++] = ' ';
            i++;
        } else if (u[0] == INK_TX_LEVEL) {
            i += len - i >= 2 && u[1] >= 0x80 && u[1] <= 0xBF ? 2 : 1;
        } else if (u[0] == INK_TX_GLYPHS) {
            /* a shaped run: its glyphs go, its text stays */
            ink_run_t r;
            i += ink_run_parse(u, len - i, &r) == INK_OK ? INK_RUN_HEAD + (size_t)r.n * INK_RUN_REC : 1;
        } else {
            s[k++] = s[i++];
        }
    }
    s[k] = '\0';
    return k;
}

int article_decode_text(article_t *a, const unsigned char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char kind = text[i++];
        size_t start = i;
        while (i < len && !INK_TX_IS_BLOCK(text[i]))
            i++;
        char **head = kind == ARTICLE_HEAD_SOURCE ? &a->source : kind == ARTICLE_HEAD_DATE ? &a->date
                    : kind == ARTICLE_HEAD_BYLINE ? &a->byline : NULL;
        if (head) {
            free(*head);
            *head = article_strndup((const char *)text + start, i - start);
            if (!*head)
                return -1;
            article_unhint(*head, i - start);
            continue;
        }
        if (kind == INK_TX_PIC) {
            /* "N caption[ 0x1C credit]" */
            size_t d = start;
            int num = 0;
            while (d < i && text[d] >= '0' && text[d] <= '9' && num < 100000000)
                num = num * 10 + (text[d++] - '0');
            if (d < i && text[d] == ' ')
                d++;
            size_t ce = d;
            while (ce < i && text[ce] != INK_TX_CREDIT)
                ce++;
            char *cap = article_strndup((const char *)text + d, ce - d);
            char *cr = ce < i ? article_strndup((const char *)text + ce + 1, i - ce - 1) : NULL;
            if (!cap || (ce < i && !cr)) {
                free(cap);
                free(cr);
                return -1;
            }
            size_t cl = article_unhint(cap, ce - d);
            while (cl && cap[cl - 1] == ' ')
                cap[--cl] = '\0';
            if (cr)
                article_unhint(cr, i - ce - 1);
            char ref[24];
            snprintf(ref, sizeof ref, "picture %d", num);
            int r = article_add_pic(a, ref, cap, cr, 0);
            free(cap);
            free(cr);
            if (r)
                return -1;
            a->blocks[a->nblocks - 1].pic = num;
            continue;
        }
        if (kind < ARTICLE_BLOCK_PARA || kind > ARTICLE_BLOCK_LIST)
            kind = ARTICLE_BLOCK_PARA;
        if (article_add_block(a, (article_block_kind_t)kind, (const char *)text + start, i - start))
            return -1;
        char *t = a->blocks[a->nblocks - 1].text;
        article_unhint(t, i - start);
    }
    return 0;
}

/* A line of the text form (docs/FORMAT.md): bytes below 0x20 are left
 * out (cleaned text has none; a bundle's header blocks might). */
static void print_field(FILE *f, const char *label, const char *s)
{
    fputs(label, f);
    for (; *s; s++)
        if ((unsigned char)*s >= 0x20)
            putc(*s, f);
    putc('\n', f);
}

void article_print(FILE *f, const article_t *a)
{
    print_field(f, "title: ", a->title ? a->title : "");
    if (a->date)
        print_field(f, "date: ", a->date);
    if (a->section)
        print_field(f, "section: ", a->section);
    if (a->source)
        print_field(f, "source: ", a->source);
    if (a->byline)
        print_field(f, "byline: ", a->byline);
    for (size_t i = 0; i < a->nblocks; i++) {
        const char *pre = "";
        switch (a->blocks[i].kind) {
        case ARTICLE_BLOCK_SUBHEAD: pre = "## "; break;
        case ARTICLE_BLOCK_QUOTE: pre = "> "; break;
        case ARTICLE_BLOCK_LIST: pre = "- "; break;
        default: break;
        }
        if (a->blocks[i].kind == ARTICLE_BLOCK_PIC) {
            /* a picture as Markdown's image, its credit after it */
            const article_block_t *b = &a->blocks[i];
            fputs("\n![", f);
            for (const char *p = b->text; *p; p++) {
                if (*p == 0x10 || *p == 0x11)
                    putc('_', f);
                else if (*p == 0x12 || *p == 0x13)
                    fputs("**", f);
                else if ((unsigned char)*p >= 0x20)
                    putc(*p, f);
            }
            fprintf(f, "](%s)", b->src ? b->src : "");
            if (b->credit) {
                fputs(" ", f);
                for (const char *p = b->credit; *p; p++)
                    if ((unsigned char)*p >= 0x20)
                        putc(*p, f);
            }
            putc('\n', f);
            continue;
        }
        fprintf(f, "\n%s", pre);
        /* inline styles as the plain-text convention: _italic_, **bold** */
        for (const char *p = a->blocks[i].text; *p; p++) {
            if (*p == 0x10 || *p == 0x11)
                putc('_', f);
            else if (*p == 0x12 || *p == 0x13)
                fputs("**", f);
            else if ((unsigned char)*p >= 0x20)
                putc(*p, f);
        }
        putc('\n', f);
    }
}

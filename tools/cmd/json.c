/* SPDX-License-Identifier: MIT */
/* json.c: minimal JSON output for cleaned articles, and a small reader for
 * the JSON-LD in web pages. */
#include "json.h"

#include "ink_utf8.h"

#include <stdlib.h>
#include <string.h>

/* s as a JSON string; with plain, without the inline style codes
 * (0x10..0x13), which are for the renderer: JSON readers get the words. */
static void put_string(FILE *f, const char *s, int plain)
{
    putc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* a run that needs no escape goes out in one write */
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != '"' && *q != '\\' && *q != 0x7f)
            q++;
        if (q > p) {
            fwrite(p, 1, (size_t)(q - p), f);
            p = q - 1;
            continue;
        }
        unsigned c = *p;
        if (plain && c >= 0x10 && c <= 0x13)
            continue;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        case '\b': fputs("\\b", f); break;
        case '\f': fputs("\\f", f); break;
        default:
            /* DEL is legal JSON but escaping it keeps output printable. */
            if (c < 0x20 || c == 0x7f)
                fprintf(f, "\\u%04x", c);
            else
                putc((int)c, f);
        }
    }
    putc('"', f);
}

void json_str(FILE *f, const char *s)
{
    if (!s)
        fputs("null", f);
    else
        put_string(f, s, 0);
}

void json_article(FILE *f, const article_t *a)
{
    fputs("{\"title\": ", f);
    json_str(f, a->title);
    fputs(", \"date\": ", f);
    json_str(f, a->date);
    fputs(", \"section\": ", f);
    json_str(f, a->section);
    fputs(", \"source\": ", f);
    json_str(f, a->source);
    fputs(", \"byline\": ", f);
    json_str(f, a->byline);
    fputs(", \"body\": [", f);
    /* a picture's caption stands as a paragraph, as it reads on the page */
    for (size_t i = 0, k = 0; i < a->nblocks; i++) {
        if (a->blocks[i].kind == ARTICLE_BLOCK_PIC && !*a->blocks[i].text)
            continue;
        if (k++)
            fputs(", ", f);
        put_string(f, a->blocks[i].text, 1);
    }
    fputs("]}\n", f);
}

/* ---- reading ------------------------------------------------------------ */

#define JSON_MAX_DEPTH 64

typedef struct {
    const char *s;
    size_t n, i;
} jp_t;

static void jp_ws(jp_t *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
                           p->s[p->i] == '\r'))
        p->i++;
}

static void jv_clear(jv_t *v)
{
    for (size_t i = 0; i < v->n; i++)
        jv_clear(&v->kids[i]);
    free(v->kids);
    free(v->str);
    free(v->key);
    memset(v, 0, sizeof *v);
}

static int hexv(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int hex4(jp_t *p, unsigned *out)
{
    if (p->n - p->i < 4)
        return -1;
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexv((unsigned char)p->s[p->i + (size_t)k]);
        if (h < 0)
            return -1;
        v = v * 16 + (unsigned)h;
    }
    p->i += 4;
    *out = v;
    return 0;
}

/* Parses a string at p->i (on the opening quote) into a malloc'd copy. */
static char *jp_string(jp_t *p)
{
    p->i++;
    size_t start = p->i;
    while (p->i < p->n && p->s[p->i] != '"') {
        if (p->s[p->i] == '\\')
            p->i++;
        p->i++;
    }
    if (p->i >= p->n)
        return NULL;
    /* escapes never expand: \uXXXX (6 bytes) gives at most 4 */
    char *o = malloc(p->i - start + 1);
    if (!o)
        return NULL;
    size_t end = p->i, k = 0;
    jp_t q = { p->s, end, start };
    while (q.i < end) {
        char c = q.s[q.i++];
        if (c != '\\') {
            o[k++] = c;
            continue;
        }
        if (q.i >= end)
            break;
        c = q.s[q.i++];
        switch (c) {
        case 'n': o[k++] = '\n'; break;
        case 't': o[k++] = '\t'; break;
        case 'r': o[k++] = '\r'; break;
        case 'b': o[k++] = '\b'; break;
        case 'f': o[k++] = '\f'; break;
        case 'u': {
            unsigned cp;
            if (hex4(&q, &cp) < 0) {
                free(o);
                return NULL;
            }
            if (cp >= 0xD800 && cp < 0xDC00 && q.i + 6 <= end && q.s[q.i] == '\\' &&
                q.s[q.i + 1] == 'u') {
                unsigned lo;
                size_t at = q.i;
                q.i += 2;
                if (hex4(&q, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else {
                    cp = 0xFFFD;
                    q.i = at; /* not a low surrogate: the next escape stands alone */
                }
            } else if (cp >= 0xD800 && cp < 0xE000) {
                cp = 0xFFFD;
            }
            k += ink_utf8_put(o + k, cp);
            break;
        }
        default: o[k++] = c; break;
        }
    }
    o[k] = '\0';
    p->i++;
    return o;
}

static int jp_value(jp_t *p, jv_t *v, int depth);

static int jp_push(jv_t *v, size_t *cap)
{
    if (v->n == *cap) {
        size_t c = *cap ? *cap * 2 : 4;
        jv_t *k = realloc(v->kids, c * sizeof *k);
        if (!k)
            return -1;
        v->kids = k;
        *cap = c;
    }
    memset(&v->kids[v->n], 0, sizeof v->kids[0]);
    v->n++;
    return 0;
}

static int jp_value(jp_t *p, jv_t *v, int depth)
{
    if (depth > JSON_MAX_DEPTH)
        return -1;
    jp_ws(p);
    if (p->i >= p->n)
        return -1;
    char c = p->s[p->i];
    if (c == '"') {
        v->type = JV_STR;
        v->str = jp_string(p);
        return v->str ? 0 : -1;
    }
    if (c == '{' || c == '[') {
        int obj = c == '{';
        size_t cap = 0;
        v->type = obj ? JV_OBJ : JV_ARR;
        p->i++;
        jp_ws(p);
        if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) {
            p->i++;
            return 0;
        }
        for (;;) {
            if (jp_push(v, &cap) < 0)
                return -1;
            jv_t *k = &v->kids[v->n - 1];
            if (obj) {
                jp_ws(p);
                if (p->i >= p->n || p->s[p->i] != '"')
                    return -1;
                k->key = jp_string(p);
                if (!k->key)
                    return -1;
                jp_ws(p);
                if (p->i >= p->n || p->s[p->i] != ':')
                    return -1;
                p->i++;
            }
            if (jp_value(p, k, depth + 1) < 0)
                return -1;
            jp_ws(p);
            if (p->i >= p->n)
                return -1;
            if (p->s[p->i] == ',') {
                p->i++;
                continue;
            }
            if (p->s[p->i] == (obj ? '}' : ']')) {
                p->i++;
                return 0;
            }
            return -1;
        }
    }
    if (p->n - p->i >= 4 && memcmp(p->s + p->i, "null", 4) == 0) {
        p->i += 4;
        v->type = JV_NULL;
        return 0;
    }
    if (p->n - p->i >= 4 && memcmp(p->s + p->i, "true", 4) == 0) {
        p->i += 4;
        v->type = JV_BOOL;
        v->num = 1;
        return 0;
    }
    if (p->n - p->i >= 5 && memcmp(p->s + p->i, "false", 5) == 0) {
        p->i += 5;
        v->type = JV_BOOL;
        return 0;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        char tmp[64];
        size_t k = 0;
        while (p->i < p->n && k + 1 < sizeof tmp &&
               strchr("+-0123456789.eE", p->s[p->i]) != NULL)
            tmp[k++] = p->s[p->i++];
        tmp[k] = '\0';
        v->type = JV_NUM;
        v->num = strtod(tmp, NULL);
        return 0;
    }
    return -1;
}

jv_t *json_parse(const char *s, size_t n)
{
    jp_t p = { s, n, 0 };
    jv_t *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    if (jp_value(&p, v, 0) < 0) {
        json_free(v);
        return NULL;
    }
    jp_ws(&p);
    if (p.i < p.n && p.s[p.i] != ';') {
        json_free(v);
        return NULL;
    }
    return v;
}

void json_free(jv_t *v)
{
    if (!v)
        return;
    jv_clear(v);
    free(v);
}

const jv_t *json_get(const jv_t *o, const char *key)
{
    if (!o || o->type != JV_OBJ)
        return NULL;
    for (size_t i = 0; i < o->n; i++)
        if (o->kids[i].key && strcmp(o->kids[i].key, key) == 0)
            return &o->kids[i];
    return NULL;
}

const char *json_get_str(const jv_t *o, const char *key)
{
    const jv_t *v = json_get(o, key);
    return v && v->type == JV_STR ? v->str : NULL;
}

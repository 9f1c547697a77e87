/* SPDX-License-Identifier: MIT */
/* html.c: HTML page -> article (see html.h): the page's charset, the parse,
 * the attempts of the main-text search, the fields.
 *
 * Pipeline: charset -> UTF-8; script and style bodies and unread attributes
 * cut out (html_trim.c: most of a page's bytes, and libxml2 reads them a
 * character at a time); libxml2 HTML parser (recover, no network, no errors
 * printed; the parser itself stops nesting at 256 levels); metadata
 * (html_meta.c); then the main-text search (html_score.c), the method
 * Mozilla's Readability made the reference for this kind of page. When the
 * result is short the search runs again with fewer heuristics (unlikely
 * stripping, class weights, conditional cleaning) and the longest result
 * wins; html_emit.c turns it into blocks.
 * Text lengths, commas and link lengths are summed once per node and kept
 * until the subtree changes (nd_t, html_dom.c), so the scoring passes do not
 * rescan. Every tree walk is iterative or bounded by the parser's depth
 * limit. */
#include "html.h"
#include "html_arena.h"
#include "charset.h"
#include "clean.h"
#include "html_priv.h"
#include "ink_utf8.h"
#include "textnorm.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- charset -------------------------------------------------------------------- */

static void nul_to_space(char *s, size_t n)
{
    for (char *p = s; (p = memchr(p, 0, (size_t)(s + n - p))) != NULL;)
        *p++ = ' ';
}

/* 1 when s[i] lies inside a <meta ...> tag or the <?xml ...?> declaration:
 * a charset attribute elsewhere (<script charset="utf-8">, a link's) says
 * how that resource is encoded, not the page. */
static int in_meta_tag(const char *s, size_t i)
{
    size_t k = i;
    while (k > 0 && i - k < 1024 && s[k - 1] != '<' && s[k - 1] != '>')
        k--;
    if (k == 0 || s[k - 1] != '<')
        return 0;
    return !strncasecmp(s + k, "meta", 4) || !strncmp(s + k, "?xml", 4);
}

/* The charset a page declares in its first bytes (a <meta> or the XML
 * declaration), lower-cased, or "". */
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
        if (!in_meta_tag(s, i))
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
        while (j < lim && k + 1 < 40 &&
               (isalnum((unsigned char)s[j]) || s[j] == '-' || s[j] == '_' || s[j] == ':' || s[j] == '.'))
            out[k++] = (char)tolower((unsigned char)s[j++]);
        out[k] = '\0';
        if (k)
            return;
    }
}

static int is_latin1_name(const char *cs)
{
    static const char *const names[] = {
        "iso-8859-1",   "iso8859-1", "latin1",   "latin-1",    "l1",         "us-ascii", "ascii",
        "windows-1252", "cp1252",    "x-cp1252", "iso_8859-1", "iso-ir-100", NULL,
    };
    for (const char *const *p = names; *p; p++)
        if (!strcmp(cs, *p))
            return 1;
    return 0;
}

/* Picks how to parse: returns a malloc'd UTF-8 copy in *u8 (then *enc is
 * "UTF-8"), or leaves *u8 NULL and names in enc the charset libxml2 should
 * convert from. */
static int prepare_bytes(const char *buf, size_t len, const char *given, char **u8, size_t *u8len, char enc[40])
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
    if (given && *given) {
        /* the transport's charset (HTTP Content-Type) wins over the page's */
        size_t k = 0;
        for (; given[k] && k + 1 < sizeof cs; k++)
            cs[k] = (char)tolower((unsigned char)given[k]);
        cs[k] = '\0';
    } else {
        declared_charset(buf, len, cs);
    }
    int utf = charset_utf8_valid(buf, len);
    if (utf && cs[0] && !is_latin1_name(cs) && strcmp(cs, "utf-8") != 0) {
        /* bytes that are valid UTF-8 with multi-byte sequences are UTF-8
         * whatever the page says (a saved page keeps its old declaration);
         * a page that says utf-8, most, needs no look */
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
            *u8 = article_strndup(buf, len);
            *u8len = len;
        } else {
            *u8 = charset_to_utf8(buf, len, CHARSET_HOLES_FFFD, u8len);
        }
        strcpy(enc, "UTF-8");
        return *u8 ? 0 : -1;
    }
    strcpy(enc, cs);
    return 0;
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
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    if (!strcmp(enc, "UTF-8"))
        opts |= HTML_PARSE_IGNORE_ENC;
    if (n > INT32_MAX)
        n = INT32_MAX;
    /* htmlReadMemory's parse, without the table of ids (XML_SKIP_IDS):
     * libxml2 checks every attribute for one and hashes each id, and no
     * step looks an element up by its id */
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return NULL;
    ctxt->loadsubset |= XML_SKIP_IDS;
    xmlDoc *doc = htmlCtxtReadMemory(ctxt, s, (int)n, NULL, enc, opts);
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* A script or style inside a title, h1 or h2, whose text doc_title reads
 * with everything in it (a trimmed body would change the title). */
static int script_in_title(xmlNode *root)
{
    static const char *const raw[] = {"script", "style", NULL};
    for (xmlNode *x = root; x; x = walk_next(x, root, 0)) {
        if (!tag_in(x, raw))
            continue;
        for (xmlNode *p = x->parent; is_el(p); p = p->parent)
            if (tag_is(p, "title") || tag_is(p, "h1") || tag_is(p, "h2"))
                return 1;
    }
    return 0;
}

void html_ctx_free(ctx_t *c, int undone)
{
    for (size_t i = 0; !undone && i < c->trash.n; i++)
        html_free_node(c->trash.v[i]);
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
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    size_t n = 0;
    for (size_t i = 0; i < a->nblocks; i++) {
        const unsigned char *p = (const unsigned char *)a->blocks[i].text;
        size_t len = strlen((const char *)p), k = 0;
        /* eight bytes at a time while none is below 0x20 (a style code
         * is): each counts but one that goes on a UTF-8 sequence
         * (10xxxxxx: bit 7 and not bit 6) */
        for (uint64_t w; k + 8 <= len; k += 8) {
            memcpy(&w, p + k, 8);
            if ((w - ones * 0x20) & ~w & high)
                break;
            n += 8 - (size_t)__builtin_popcountll(w & ~(w << 1) & high);
        }
        for (; k < len; k++)
            n += (p[k] & 0xC0) != 0x80 && !(p[k] >= 0x10 && p[k] <= 0x13);
    }
    return n;
}

/* Character references left in a field after the parse, in place: a
 * meta element or JSON-LD escaped twice ("Arnault&amp;#8217;s" reads
 * "Arnault&#8217;s"). Numeric ones and the five of XML, and &nbsp;; each is
 * longer than what it stands for. */
static void decode_refs(char *s)
{
    static const struct {
        const char *name;
        const char *out;
    } named[] = {{"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"lt;", "<"}, {"gt;", ">"}, {"nbsp;", "\xc2\xa0"}};
    char *w = s;
    for (const char *r = s; *r;) {
        if (*r != '&') {
            *w++ = *r++;
            continue;
        }
        if (r[1] == '#') {
            int hex = r[2] == 'x' || r[2] == 'X';
            const char *q = r + 2 + hex;
            uint32_t cp = 0;
            int nd = 0;
            while (nd < 8 && (isdigit((unsigned char)*q) || (hex && isxdigit((unsigned char)*q)))) {
                cp = cp * (hex ? 16 : 10) + (uint32_t)(isdigit((unsigned char)*q) ? *q - '0' : (*q | 0x20) - 'a' + 10);
                q++, nd++;
            }
            if (nd && nd < 8 && *q == ';' && cp >= 0x20 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                w += ink_utf8_put(w, cp);
                r = q + 1;
                continue;
            }
        } else {
            size_t i = 0;
            for (; i < sizeof named / sizeof named[0]; i++)
                if (!strncmp(r + 1, named[i].name, strlen(named[i].name)))
                    break;
            if (i < sizeof named / sizeof named[0]) {
                size_t k = strlen(named[i].out);
                memcpy(w, named[i].out, k);
                w += k;
                r += 1 + strlen(named[i].name);
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

static char *norm_field(const char *s)
{
    if (!s || !*s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        return NULL;
    decode_refs(d);
    decode_refs(d); /* "&amp;#8217;" */
    char *t = textnorm(d, strlen(d), 0, NULL);
    free(d);
    if (t && !*t) {
        free(t);
        return NULL;
    }
    return t;
}

int html_sniff(const char *buf, size_t len)
{
    size_t lim = len < 4096 ? len : 4096;
    static const char *const strong[] = {"<!doctype html", "<html", "<head", "<body", NULL};
    static const char *const weak[] = {"<p>",   "<div",   "<a href", "<span", "<br", "<table",
                                       "<meta", "<title", "<p ",     "<li",   NULL};
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

/* A page's bytes as the parser reads them: a UTF-8 copy (u8, trimmed when
 * the trim knows this libxml2), or the original bytes and the charset
 * libxml2 is to convert from. */
typedef struct {
    char *u8;   /* malloc'd, or NULL */
    char *vals; /* the attribute values html_trim_pack moved, or NULL */
    const char *src;
    size_t srclen;
    char enc[40];
} page_t;

/* The document of the page's bytes, the values moved out put back. */
static xmlDoc *parse_page(const page_t *pg)
{
    xmlDoc *doc = parse(pg->src, pg->srclen, pg->enc);
    html_trim_unpack(doc, pg->vals);
    return doc;
}

/* Parses buf[0..len), read in charset when the transport named one (NULL:
 * the page's own declaration): the document, or NULL with *why set (pg->u8
 * freed). On success pg holds the bytes parsed, for the attempts' fresh
 * parses. */
static xmlDoc *read_page(const char *buf, size_t len, const char *charset, page_t *pg, const char **why)
{
    size_t u8len = 0;
    if (prepare_bytes(buf, len, charset, &pg->u8, &u8len, pg->enc) < 0) {
        *why = "out of memory";
        return NULL;
    }
    pg->src = pg->u8 ? pg->u8 : buf;
    pg->srclen = pg->u8 ? u8len : len;
    int trimmed = 0;
    if (pg->u8) {
        nul_to_space(pg->u8, u8len);
        if (html_trim_known()) {
            pg->srclen = html_trim_pack(pg->u8, u8len, &pg->vals);
            trimmed = 1;
        }
    }
    xmlDoc *doc = parse_page(pg);
    if (doc && trimmed && xmlDocGetRootElement(doc) && script_in_title(xmlDocGetRootElement(doc))) {
        /* rare: parse the page as it is */
        xmlFreeDoc(doc);
        doc = NULL;
        free(pg->u8);
        free(pg->vals);
        pg->vals = NULL;
        if (prepare_bytes(buf, len, charset, &pg->u8, &u8len, pg->enc) < 0 || !pg->u8) {
            free(pg->u8);
            pg->u8 = NULL;
            *why = "out of memory";
            return NULL;
        }
        nul_to_space(pg->u8, u8len);
        pg->src = pg->u8;
        pg->srclen = u8len;
        doc = parse(pg->src, pg->srclen, pg->enc);
    }
    if (!doc && !pg->u8) {
        /* an encoding iconv does not know: read the bytes as UTF-8/1252 */
        pg->u8 = charset_to_utf8(buf, len, CHARSET_HOLES_FFFD, &u8len);
        if (pg->u8) {
            nul_to_space(pg->u8, u8len);
            pg->src = pg->u8;
            pg->srclen = u8len;
            strcpy(pg->enc, "UTF-8");
            doc = parse(pg->src, pg->srclen, pg->enc);
        }
    }
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        free(pg->u8);
        pg->u8 = NULL;
        free(pg->vals);
        pg->vals = NULL;
        *why = "not an HTML page (nothing parsed)";
        return NULL;
    }
    return doc;
}

/* The main-text search, with fewer heuristics each attempt until one finds
 * CHAR_THRESHOLD characters, then once more with the page's <noscript>
 * content shown when that holds more text than the best result; the
 * longest result goes into *best, the byline
 * element its attempt found into *byline. An attempt with fewer heuristics
 * takes the place of an earlier one only when it finds half as much text
 * again: what the heuristics held back and a looser search finds is
 * mostly the page's chrome (a newsletter form, the footer's links, the
 * author's bio beside a short post), and a little more of it is no better
 * text. Each attempt scores the page as parsed: doc (freed here) with the
 * edits of the attempt before taken back (dom_undo), or a fresh parse when
 * they could not be noted. Returns 0, or -1 when out of memory. */
static int search_text(const page_t *pg, xmlDoc *doc, const char *title, const char *desc, const char *site,
                       article_t *best, char **byline)
{
    static const unsigned attempts[] = {
        F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_COND,
        F_WEIGHT_CLASSES | F_CLEAN_COND,
        F_CLEAN_COND,
        0,
        /* last, when none found enough and the page's <noscript> holds
         * more than the best: the page as it shows without scripts (a
         * blog whose script writes the post in) */
        F_NOSCRIPT | F_STRIP_UNLIKELY | F_WEIGHT_CLASSES | F_CLEAN_COND,
    };
    size_t best_len = 0, best_own = 0, noscript_len = 0;
    int oom = 0;
    for (size_t ai = 0; ai < sizeof attempts / sizeof attempts[0]; ai++) {
        if ((attempts[ai] & F_NOSCRIPT) && noscript_len <= best_len)
            break;
        if (!doc)
            doc = parse_page(pg);
        if (!doc || !xmlDocGetRootElement(doc)) {
            oom = 1;
            break;
        }
        ctx_t c = {0};
        c.doc = doc;
        c.flags = attempts[ai];
        c.title = title;
        c.desc = desc;
        c.site = site;
        /* a later attempt may need the page as parsed */
        edits_t edits = {0};
        int last = ai + 1 == sizeof attempts / sizeof attempts[0];
        if (!last)
            doc->_private = &edits;
        xmlNode *r = xmlDocGetRootElement(doc);
        html_prep_document(&c, r);
        if (!ai)
            noscript_len = c.noscript_len;
        xmlNode *art = html_grab_article(&c, r);
        article_t a = {0};
        if (art && !c.oom && html_emit_blocks(art, &a) < 0)
            c.oom = 1;
        oom |= c.oom;
        size_t n = body_chars(&a);
        /* the leads alone do not make an attempt good enough to stop at */
        size_t own = n > c.lead_len ? n - c.lead_len : 0;
        if (own > best_own)
            best_own = own;
        if (n > best_len * 2 || !best->nblocks) {
            article_free(best);
            *best = a;
            best_len = n;
            free(*byline);
            *byline = c.byline;
            c.byline = NULL;
        } else {
            article_free(&a);
        }
        int again = !oom && best_own < CHAR_THRESHOLD && !last;
        if (again && doc->_private && !edits.oom) {
            dom_undo(doc, &edits);
            if (art)
                html_free_node(art);
            html_ctx_free(&c, 1);
            continue;
        }
        dom_edits_drop(doc, &edits);
        if (art)
            html_free_node(art);
        html_ctx_free(&c, 0);
        html_free_doc(doc);
        doc = NULL;
        if (!again)
            break;
    }
    html_free_doc(doc);
    return oom ? -1 : 0;
}

/* 1 when the page's JSON-LD articleBody (body) holds the article and the
 * search found little of it (have characters): less than half, the search
 * having picked a teaser, a caption or nothing. */
static int ld_body_better(const char *body, size_t have)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)body; *p; p++)
        n += (*p & 0xC0) != 0x80 && !is_space_byte(*p);
    return n >= 200 && have * 2 < n;
}

static int fragment_blocks(const char *buf, size_t len, article_t *out, int text);

/* The blocks of an articleBody: markup read as a fragment and cleaned as
 * the page's text is (its teasers, ways out and boxes go), plain text one
 * block a line. Returns 0 or -1 when out of memory. */
static int ld_body_blocks(const char *body, article_t *out)
{
    size_t len = strlen(body);
    for (const char *p = body; (p = strchr(p, '<')) != NULL; p++)
        if (isalpha((unsigned char)p[1]) || p[1] == '/')
            return fragment_blocks(body, len, out, 1) < 0 ? -1 : 0;
    for (const char *p = body; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *t = textnorm(p, n, 0, NULL);
        if (!t)
            return -1;
        int rc = *t ? article_add_block(out, ARTICLE_BLOCK_PARA, t, strlen(t)) : 0;
        free(t);
        if (rc < 0)
            return -1;
        p += n + (e != NULL);
    }
    return 0;
}

/* Bytes of a space or an invisible mark at s: no-break and thin spaces,
 * U+2000-200F, U+2060-2064; else 0. */
static size_t blank_mark(const unsigned char *s)
{
    if (s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (s[0] == 0xE2 && s[1] == 0x80 && s[2] && ((s[2] >= 0x80 && s[2] <= 0x8F) || s[2] == 0xAF))
        return 3;
    if (s[0] == 0xE2 && s[1] == 0x81 && s[2] >= 0xA0 && s[2] <= 0xA4)
        return 3;
    return 0;
}

/* A line of a JSON-LD list as the text has it: references decoded
 * (JSON-LD holds "&nbsp;" and "&amp;#8217;" at times), normalised.
 * malloc'd, or NULL when out of memory. */
static char *ld_line(const char *s, size_t n)
{
    char *d = article_strndup(s, n);
    if (!d)
        return NULL;
    decode_refs(d);
    decode_refs(d);
    /* a blank before a comma: fields joined with ", " after a blank
     * ("Mandarine(n) , je ca. 300 g": an ingredient and its note) */
    size_t k = 0;
    for (size_t i = 0; d[i]; i++) {
        if (d[i] == ' ' && d[i + 1] == ',')
            continue;
        d[k++] = d[i];
    }
    d[k] = '\0';
    char *t = textnorm(d, k, 0, NULL);
    free(d);
    return t;
}

/* The words of t (a block's text or an ld_line) for finding one text in
 * another: ASCII lower-cased, of three bytes or more, not numbers, each
 * with a space before and after (" plum cake "); max: at most the words
 * of its first max bytes (0: all), a word cut there left out. *nw: how
 * many. malloc'd, or NULL when out of memory. */
static char *word_key(const char *t, size_t max, size_t *nw)
{
    size_t tl = strlen(t);
    int cut = max && tl > max;
    if (cut)
        tl = max;
    char *k = malloc(tl + 3), *w = k; /* a space, each word with one after it, NUL */
    *nw = 0;
    if (!k)
        return NULL;
    *w++ = ' ';
    for (size_t i = 0; i < tl;) {
        size_t b = blank_mark((const unsigned char *)t + i);
        unsigned char c = (unsigned char)t[i];
        if (b || !(c >= 0x80 || isalnum(c))) {
            i += b ? b : 1;
            continue;
        }
        size_t e = i, digits = 1;
        while (e < tl && !blank_mark((const unsigned char *)t + e) &&
               ((unsigned char)t[e] >= 0x80 || isalnum((unsigned char)t[e]))) {
            digits &= isdigit((unsigned char)t[e]) != 0;
            e++;
        }
        if (e - i >= 3 && !digits && !(cut && e == tl)) {
            for (size_t j = i; j < e; j++)
                *w++ = (char)tolower((unsigned char)t[j]);
            *w++ = ' ';
            (*nw)++;
        }
        i = e;
    }
    *w = '\0';
    return k;
}

/* Moves a's blocks from index before on (the ones just added) to index
 * at, the blocks from at on moved up after them. Returns 0, or -1 when out
 * of memory (a's blocks as they were). */
static int move_to(article_t *a, size_t before, size_t at)
{
    size_t added = a->nblocks - before;
    if (added && at < before) {
        article_block_t *tmp = malloc(added * sizeof *tmp);
        if (!tmp)
            return -1;
        memcpy(tmp, a->blocks + before, added * sizeof *tmp);
        memmove(a->blocks + at + added, a->blocks + at, (before - at) * sizeof *tmp);
        memcpy(a->blocks + at, tmp, added * sizeof *tmp);
        free(tmp);
    }
    return 0;
}

/* Adds each line of list to a as a block of kind, at block index at
 * (moved up). Returns the blocks added, or -1 when out of memory. */
static long insert_lines(article_t *a, const char *list, article_block_kind_t kind, size_t at)
{
    size_t before = a->nblocks;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, "\n");
        char *t = ld_line(p, len);
        if (!t || (*t && article_add_block(a, kind, t, strlen(t)) < 0)) {
            free(t);
            return -1;
        }
        free(t);
        p += len + (p[len] == '\n');
    }
    size_t added = a->nblocks - before;
    return move_to(a, before, at) < 0 ? -1 : (long)added;
}

/* The block of keys bk (nb of them, their word counts bw) that holds the
 * words k (nw of them): any block, or (line) a short one, an item of a
 * list and not a mention in a sentence. nb when none. */
static size_t block_holding(char *const *bk, const size_t *bw, size_t nb, const char *k, size_t nw, int line)
{
    for (size_t i = 0; i < nb; i++)
        if (bk[i] && strstr(bk[i], k) && (!line || bw[i] <= nw + 4))
            return i;
    return nb;
}

/* How many lines of list (one a line) are in the text (block keys bk, nb
 * of them), into *found: an ingredient (line) as an item of its own, a
 * step's opening words anywhere. *n: the lines with words to look for.
 * Returns 0, or -1 when out of memory. */
static int lines_found(const char *list, char *const *bk, const size_t *bw, size_t nb, int line, size_t *n,
                       size_t *found)
{
    *n = *found = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, "\n"), nw = 0;
        char *t = ld_line(p, len);
        char *k = t ? word_key(t, line ? 0 : 60, &nw) : NULL;
        free(t);
        if (!k)
            return -1;
        if (nw) {
            (*n)++;
            *found += block_holding(bk, bw, nb, k, nw, line) < nb;
        }
        free(k);
        p += len + (p[len] == '\n');
    }
    return 0;
}

/* A node and how many lines of a recipe's list lie below it. */
typedef struct {
    const xmlNode *x;
    size_t n, depth;
} box_count_t;

/* Counts one line found in x for x and each of its ancestors (cnt, *nc
 * of cap used). */
static void count_up(const xmlNode *x, box_count_t *cnt, size_t *nc, size_t cap)
{
    size_t depth = 0;
    for (const xmlNode *p = x; is_el(p); p = p->parent)
        depth++;
    for (const xmlNode *p = x; is_el(p); p = p->parent, depth--) {
        size_t i = 0;
        while (i < *nc && cnt[i].x != p)
            i++;
        if (i == *nc) {
            if (*nc == cap)
                return;
            cnt[(*nc)++] = (box_count_t){p, 0, depth};
        }
        cnt[i].n++;
    }
}

/* 1 when x is a or below it. */
static int below(const xmlNode *x, const xmlNode *a)
{
    for (; is_el(x); x = x->parent)
        if (x == a)
            return 1;
    return 0;
}

/* 1 when x is, holds or lies in one of the elements l->v[at[0..n)]
 * (the lines found so far): one element holds one line. */
static int near_any(const xmlNode *x, const nodes_t *l, const size_t *at, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (below(x, l->v[at[i]]) || below(l->v[at[i]], x))
            return 1;
    return 0;
}

/* 1 when a child of q other than the one holding x is a label of a
 * group ("ciasto:", "For the dough:"): its text ends in a colon. */
static int holds_label(xmlNode *q, const xmlNode *x)
{
    for (xmlNode *k = first_el(q); k; k = next_el(k)) {
        if (below(x, k))
            continue;
        sbuf_t b = {0};
        dom_inner_text(k, &b);
        size_t e = b.n;
        while (e && strchr(" \t\r\n", b.s[e - 1]))
            e--;
        int label = e && b.s[e - 1] == ':';
        free(b.s);
        if (label)
            return 1;
    }
    return 0;
}

/* The parts of x (cells, paragraphs) as words of one line: each element
 * below it a span, a space before each; its icons (a tick's picture) go. */
static void flatten(ctx_t *c, xmlNode *x)
{
    for (xmlNode *k = first_el(x) ? x->children : NULL; k;) {
        if (tag_is(k, "img")) {
            xmlNode *n = walk_next(k, x, 1);
            dom_remove(c, k);
            k = n;
            continue;
        }
        if (!is_el(k)) {
            k = walk_next(k, x, 0);
            continue;
        }
        xmlNode *sp = xmlNewDocText(c->doc, (const xmlChar *)" ");
        if (!sp) {
            c->oom = 1;
            return;
        }
        dom_insert_before(k, sp);
        dom_set_tag(k, "span");
        k = walk_next(k, x, 0);
    }
}

/* x's text into b, a space between the text of one element and the next
 * ("250 g</td><td>flour": two words, not "gflour"). */
static void spaced_text(xmlNode *x, sbuf_t *b)
{
    for (xmlNode *k = x->children; k; k = walk_next(k, x, 0)) {
        if (is_text(k))
            sb_add(b, (const char *)k->content, strlen((const char *)k->content));
        else if (is_el(k))
            sb_addc(b, ' ');
    }
}

/* x, an ingredient's item in box, as one line of a list (flatten); the
 * divs around it in the box are the list's groups, not boxes the cleaning
 * weighs (a group's label and one short item, "ciasto: mąka 500 g"). */
static void item_line(ctx_t *c, xmlNode *x, const xmlNode *box)
{
    for (xmlNode *q = x->parent; is_el(q) && q != box; q = q->parent)
        if (tag_is(q, "div"))
            dom_set_tag(q, "section");
    if (tag_is(x, "li") && !first_el(x))
        return;
    flatten(c, x);
    dom_set_tag(x, "li");
}

/* The heading over box: the heading (h2 to h4) that is, or is all the text
 * of, the element right before it, or before the parent it opens (three
 * levels up at most). NULL when none. */
static xmlNode *heading_over(ctx_t *c, xmlNode *box)
{
    static const char *const heads[] = {"h2", "h3", "h4", NULL};
    xmlNode *u = box;
    for (int up = 0; up < 3 && is_el(u); up++, u = u->parent) {
        xmlNode *s = u->prev;
        while (s && !is_el(s) && !(is_text(s) && !only_space((const char *)s->content)))
            s = s->prev;
        if (!s)
            continue;
        if (!is_el(s))
            return NULL;
        xmlNode *h = s;
        while (h && !tag_in(h, heads) && first_el(h) && !first_el(h)->next)
            h = first_el(h);
        if (!h || !tag_in(h, heads) || dom_inner_len(c, h, NULL) != dom_inner_len(c, s, NULL))
            return NULL;
        return h;
    }
    return NULL;
}

/* The page's own box of a recipe's list (its ingredients, line: each an
 * item of its own, or its steps), read from a fresh parse of the page:
 * each line's tightest element (fewest words) that holds it, one element
 * a line, then the element nearest them that holds four in five of those
 * found (four in five of the list found), with the heading over it,
 * cleaned as the text is, into out; an ingredient's parts on one line.
 * Its headings and groups stay ("Für den Mürbeteig:", "Przygotowanie krok
 * po kroku"): JSON-LD lists the lines alone. out stays empty when no box
 * is found. Returns 0, or -1 when out of memory. */
static int recipe_box(const page_t *pg, const char *list, int line, article_t *out)
{
    size_t n = 0;
    for (const char *p = list; *p; p += strcspn(p, "\n"), p += *p == '\n')
        n++;
    if (n < 2)
        return 0;
    xmlDoc *doc = parse_page(pg);
    xmlNode *r = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!r) {
        html_free_doc(doc);
        return 0;
    }
    ctx_t c = {0};
    c.doc = doc;
    c.flags = F_WEIGHT_CLASSES | F_CLEAN_COND;
    html_prep_document(&c, r);
    html_drop_widgets(&c, r);
    xmlNode *body = dom_find_body(r);
    /* the word key of each element's text, in document order */
    nodes_t els = {0};
    char **keys = NULL;
    size_t *kw = NULL, cap = n * 40, nc = 0, found = 0, nk = 0; /* nk: lines with words to look for */
    box_count_t *cnt = malloc(cap * sizeof *cnt);
    size_t *at = malloc(n * sizeof *at), *aw = malloc(n * sizeof *aw); /* each line found: its element, its words */
    int oom = c.oom || !cnt || !at || !aw;
    for (xmlNode *x = body; x && !oom; x = walk_next(x, body, 0))
        if (is_el(x) && nodes_push(&els, x) < 0)
            oom = 1;
    if (!oom && els.n) {
        keys = calloc(els.n, sizeof *keys);
        kw = calloc(els.n, sizeof *kw);
        oom = !keys || !kw;
    }
    for (size_t i = 0; i < els.n && !oom; i++) {
        sbuf_t b = {0};
        spaced_text(els.v[i], &b);
        keys[i] = word_key(b.s ? b.s : "", 0, &kw[i]);
        free(b.s);
        oom = !keys[i] || b.oom;
    }
    for (const char *p = list; *p && !oom;) {
        size_t len = strcspn(p, "\n"), nw = 0;
        char *t = ld_line(p, len);
        char *k = t ? word_key(t, line ? 0 : 60, &nw) : NULL;
        oom = !t || !k;
        free(t);
        size_t best = els.n;
        nk += k && nw;
        for (size_t i = 0; k && nw && i < els.n; i++)
            if (kw[i] >= nw && (!line || kw[i] <= nw + 4) && (best == els.n || kw[i] < kw[best]) &&
                strstr(keys[i], k) && !near_any(els.v[i], &els, at, found))
                best = i;
        if (best < els.n) {
            count_up(els.v[best], cnt, &nc, cap);
            at[found] = best;
            aw[found++] = nw;
        }
        free(k);
        p += len + (p[len] == '\n');
    }
    xmlNode *box = NULL;
    size_t bdepth = 0;
    for (size_t i = 0; !oom && found * 5 >= nk * 4 && found >= 2 && i < nc; i++)
        if (cnt[i].n * 5 >= found * 4 && cnt[i].depth > bdepth)
            box = (xmlNode *)cnt[i].x, bdepth = cnt[i].depth;
    /* an ingredient's item, its amount and its name in cells or
     * paragraphs of their own, on one line ("125 g Mehl"): the element
     * around its line of a few more words (at[f] becomes its index) */
    for (size_t f = 0; line && box && f < found; f++) {
        for (xmlNode *q = els.v[at[f]]->parent; is_el(q) && q != box; q = q->parent) {
            size_t j = 0;
            while (j < els.n && els.v[j] != q)
                j++;
            int other = 0; /* another line's element below q */
            for (size_t g = 0; g < found && !other; g++)
                other = g != f && below(els.v[at[g]], q);
            if (j == els.n || kw[j] > aw[f] + 6 || other || holds_label(q, els.v[at[f]]))
                break;
            at[f] = j;
        }
    }
    /* and the items of their kind beside them whose line has no word to
     * look for ("1 Ei(er)"), of a few words */
    for (size_t f = 0; line && box && f < found; f++) {
        xmlNode *u = els.v[at[f]];
        const char *uc = attr(u, "class");
        for (size_t j = 0; j < els.n; j++) {
            xmlNode *s = els.v[j];
            const char *sc = attr(s, "class");
            if (s->parent != u->parent || s == u || strcmp(tag(s), tag(u)) || strcmp(uc ? uc : "", sc ? sc : "") ||
                kw[j] > 8)
                continue;
            size_t g = 0;
            while (g < found && at[g] != j)
                g++;
            if (g == found && found < n)
                at[found] = j, aw[found++] = 0;
        }
    }
    for (size_t f = 0; line && box && f < found; f++)
        item_line(&c, els.v[at[f]], box);
    for (size_t i = 0; keys && i < els.n; i++)
        free(keys[i]);
    free(keys);
    free(kw);
    free(els.v);
    free(at);
    free(aw);
    free(cnt);
    int rc = oom || c.oom ? -1 : 0;
    if (box && box != body && below(box, body) && rc == 0) {
        xmlNode *h = heading_over(&c, box);
        if (h && html_emit_blocks(h, out) < 0)
            rc = -1;
        for (size_t i = 0; i < out->nblocks; i++)
            out->blocks[i].kind = ARTICLE_BLOCK_SUBHEAD;
        html_prep_text(&c, box);
        if (c.oom || (rc == 0 && html_emit_blocks(box, out) < 0))
            rc = -1;
    }
    html_ctx_free(&c, 0);
    html_free_doc(doc);
    return rc;
}

/* Copies the blocks of from but its pictures into a at block index at
 * (the blocks from at on moved up); from is left as it was, the caller's
 * to free. Returns 0, or -1 when out of memory. */
static int insert_blocks(article_t *a, const article_t *from, size_t at)
{
    size_t before = a->nblocks;
    for (size_t i = 0; i < from->nblocks; i++) {
        const article_block_t *b = &from->blocks[i];
        if (b->kind == ARTICLE_BLOCK_PIC)
            continue;
        if (article_add_block(a, b->kind, b->text, strlen(b->text)) < 0)
            return -1;
    }
    return move_to(a, before, at);
}

/* A recipe's page shows its ingredients in a box of their own, a table or
 * a list the search leaves out for a list of links, and at times its
 * steps too; its JSON-LD Recipe has both. The ingredients the text lacks
 * (fewer than half of them found in it as items of their own) go in before
 * the first step, the steps it lacks (fewer than half of them found) after
 * the text: the page's own box of them (recipe_box), else the JSON-LD's
 * lines as a list. Returns 0, or -1 when out of memory. */
static int add_recipe(article_t *a, const meta_t *m, const page_t *pg)
{
    size_t nb = a->nblocks, ni = 0, ns = 0, fi = 0, fs = 0;
    char **bk = calloc(nb ? nb : 1, sizeof *bk);
    size_t *bw = calloc(nb ? nb : 1, sizeof *bw);
    int oom = !bk || !bw;
    for (size_t i = 0; i < nb && !oom; i++)
        oom = !(bk[i] = word_key(a->blocks[i].text, 0, &bw[i]));
    if (!oom)
        oom = lines_found(m->ingredients, bk, bw, nb, 1, &ni, &fi) < 0 ||
              (m->steps && lines_found(m->steps, bk, bw, nb, 0, &ns, &fs) < 0);
    /* where the steps begin in the text: the block holding the first one */
    size_t at = nb;
    if (!oom && m->steps && ns && fs * 2 >= ns) {
        size_t nw = 0;
        char *t = ld_line(m->steps, strcspn(m->steps, "\n"));
        char *k = t ? word_key(t, 40, &nw) : NULL;
        free(t);
        oom = !k;
        if (k && nw)
            at = block_holding(bk, bw, nb, k, nw, 0);
        free(k);
    }
    for (size_t i = 0; bk && i < nb; i++)
        free(bk[i]);
    free(bk);
    free(bw);
    long rc = oom ? -1 : 0;
    if (rc == 0 && fi * 2 < ni) {
        article_t own = {0};
        rc = recipe_box(pg, m->ingredients, 1, &own);
        if (rc == 0)
            rc = own.nblocks ? insert_blocks(a, &own, at) : insert_lines(a, m->ingredients, ARTICLE_BLOCK_LIST, at);
        article_free(&own);
    }
    if (rc >= 0 && m->steps && fs * 2 < ns) {
        article_t own = {0};
        rc = recipe_box(pg, m->steps, 0, &own);
        if (rc == 0)
            rc = own.nblocks ? insert_blocks(a, &own, a->nblocks)
                             : insert_lines(a, m->steps, ARTICLE_BLOCK_LIST, a->nblocks);
        article_free(&own);
    }
    return rc < 0 ? -1 : 0;
}

/* ---- a date's label and its date ------------------------------------------ */

/* Bytes of white space at s: blanks, a no-break space. */
static size_t space_len(const char *s)
{
    if (*s == ' ' || *s == '\t')
        return 1;
    return (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0 ? 2 : 0;
}

static const char *skip_spaces(const char *s)
{
    for (size_t k; (k = space_len(s)) != 0;)
        s += k;
    return s;
}

/* Past label (lower case) at the opening of s, matched in any case, or
 * NULL. */
static const char *label_end(const char *s, const char *label)
{
    size_t i = 0;
    for (unsigned char c; label[i] && (c = (unsigned char)s[i]) != 0; i++)
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)label[i]) /* tolower, C locale */
            break;
    return label[i] ? NULL : s + i;
}

/* Month names by their first three letters (lower case, as UTF-8) in
 * English, German, French and Spanish. */
static const char *const month_stems[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mär",
    "mai", "okt", "dez", "fév", "avr", "aoû", "déc", "ene", "abr", "ago", "dic", NULL,
};

/* Past a month's name at s (a word of letters opening with a stem, and a
 * full stop after it), or NULL. */
static const char *month_name(const char *s)
{
    char lc[8];
    size_t n = 0;
    while (n < sizeof lc - 1 && s[n] && (isalpha((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80))
        lc[n] = (char)tolower((unsigned char)s[n]), n++;
    lc[n] = '\0';
    for (const char *const *m = month_stems; *m; m++) {
        size_t k = strlen(*m);
        if (n >= k && !memcmp(lc, *m, k)) {
            const char *e = s;
            while (*e && (isalpha((unsigned char)*e) || (unsigned char)*e >= 0x80) && !space_len(e))
                e++;
            return *e == '.' ? e + 1 : e;
        }
    }
    return NULL;
}

static const char *digits(const char *s, int min, int max)
{
    int n = 0;
    while (isdigit((unsigned char)s[n]))
        n++;
    return n >= min && n <= max ? s + n : NULL;
}

/* Past a date at s ("17.01.2021", "2021-01-17", "28 April 2022", "5. Feb.
 * 2020", "April 28, 2022"), or NULL. */
static const char *date_at(const char *s)
{
    const char *q;
    if ((q = digits(s, 4, 4)) && *q == '-' && (q = digits(q + 1, 2, 2)) && *q == '-' && (q = digits(q + 1, 2, 2)))
        return q;
    if ((q = digits(s, 1, 2))) {
        if (strchr("./-", *q) && *q) {
            const char *r = skip_spaces(q + 1);
            if ((r = digits(r, 1, 2)) && *r && strchr("./-", *r) && (r = digits(skip_spaces(r + 1), 2, 4)))
                return r;
        }
        const char *r = skip_spaces(q + (*q == '.'));
        if (r != q + (*q == '.') && !strncasecmp(r, "de ", 3))
            r += 3;
        if (r != q && (r = month_name(r)))
            return r;
        return NULL;
    }
    if ((q = month_name(s)) && (q = digits(skip_spaces(q), 1, 2)))
        return q;
    return NULL;
}

/* Labels of a page's date line: "Release Date:", "Aktualisiert am",
 * "Stand:", "Publié le" (lower case; longer first where one opens another). */
static const char *const date_labels[] = {
    "release date",
    "last modified",
    "last updated",
    "updated",
    "published",
    "date",
    "zuletzt aktualisiert am",
    "zuletzt aktualisiert",
    "zuletzt geändert am",
    "zuletzt geändert",
    "aktualisiert am",
    "aktualisiert",
    "veröffentlicht am",
    "veröffentlicht",
    "erstellt am",
    "stand",
    "datum",
    "fecha",
    "publicado",
    "actualizado",
    "mis à jour le",
    "mis à jour",
    "publié le",
    "publié",
    NULL,
};

/* Past a date label at s and the colon after it (*colon set when there is
 * one), or NULL. */
static const char *date_label(const char *s, int *colon)
{
    for (const char *const *l = date_labels; *l; l++) {
        const char *e = label_end(s, *l);
        if (!e || isalpha((unsigned char)*e))
            continue;
        const char *q = skip_spaces(e);
        *colon = *q == ':';
        return skip_spaces(q + *colon);
    }
    return NULL;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    for (int in = 0; *s; s++) {
        int sp = *s == ' ' || *s == '\t';
        n += !sp && !in;
        in = !sp;
    }
    return n;
}

/* The end of the date that t opens with, after a weekday's name perhaps
 * ("Thursday, 28 April 2022 ..."), or NULL. t starts at a word. */
static const char *date_opening(const char *t)
{
    const char *q = date_at(t);
    if (!q) {
        const char *w = t;
        while (isalpha((unsigned char)*w))
            w++;
        if (w == t || *w != ',')
            return NULL;
        q = date_at(skip_spaces(w + 1));
    }
    return q;
}

/* A block of a few words that is a date, after a weekday's name perhaps
 * ("Thursday, 28 April 2022 – 3:55pm"). */
static int date_block(const char *t)
{
    t = skip_spaces(t);
    return count_words(t) <= 8 && date_opening(t);
}

/* A block that is a date and nothing else but its time ("23.10.2018",
 * "Thursday, 28 April 2022 - 3:55pm", "12. März 2021, 14:05 Uhr"). */
static int bare_date(const char *t)
{
    const char *q = date_opening(skip_spaces(t));
    if (!q)
        return 0;
    for (; *q; q++) {
        if (isdigit((unsigned char)*q) || strchr(" .,:|-", *q))
            continue;
        if (!strncmp(q, "\xe2\x80\x93", 3) || !strncmp(q, "\xc2\xa0", 2)) {
            q += (unsigned char)*q == 0xe2 ? 2 : 1;
            continue;
        }
        if (!strncasecmp(q, "uhr", 3) || !strncasecmp(q, "am", 2) || !strncasecmp(q, "pm", 2)) {
            q += (*q == 'u' || *q == 'U') ? 2 : 1;
            continue;
        }
        return 0;
    }
    return 1;
}

/* A line of a few words parted by '|' with a date among them ("24. März
 * 2004, 19:49 | Genesis"): a post's date and author. */
static int meta_line(const char *t)
{
    if (!strchr(t, '|') || count_words(t) > 12)
        return 0;
    for (const char *p = t; *p; p++)
        if ((p == t || p[-1] == ' ' || p[-1] == '|') && date_at(p))
            return 1;
    return 0;
}

/* A line of a few words parted by '|' with a date and its writer's name
 * after "von", "by" or "verfasst von" ("Freitag | 14. Juni 2019 | 15:49
 * VON Sina Giebel IN Fashion | 0 COMMENTS"): a post's date and author,
 * wherever it stands (a blog's page lists them over each post). */
static int signed_meta_line(const char *t)
{
    static const char *const by[] = {"von", "by", "par", "por", "posted", "verfasst", NULL};
    if (!strchr(t, '|') || count_words(t) > 16)
        return 0;
    int date = 0, name = 0;
    for (const char *p = t; *p; p++) {
        if (p != t && p[-1] != ' ' && p[-1] != '|')
            continue;
        date |= date_at(p) != NULL;
        for (const char *const *w = by; *w && !name; w++) {
            const char *e = label_end(p, *w);
            name = e && (*e == ' ' || *e == ':');
        }
    }
    return date && name;
}

/* A short block's text without its style codes into out (200 bytes at
 * most); "" for a picture or a longer block. */
static const char *plain_short(const article_block_t *b, char out[201])
{
    size_t n = 0;
    out[0] = '\0';
    if (b->kind == ARTICLE_BLOCK_PIC)
        return out;
    for (const char *t = b->text; *t; t++) {
        if (INK_TX_IS_INLINE((unsigned char)*t))
            continue;
        if (n == 200) {
            n = 0;
            break;
        }
        out[n++] = *t;
    }
    out[n] = '\0';
    return out;
}

/* Labels of a page's category and tag line: "Kategorie: News", "Tags:"
 * over its tags (lower case). */
static const char *const filing_labels[] = {
    "kategorie", "kategorien",   "category",    "categories", "rubrik",         "tags",
    "tag",       "schlagwörter", "schlagworte", "themen",     "abgelegt unter", "filed under",
    "posted in", "etiquetas",    "categoría",   "catégorie",  "mots-clés",      NULL,
};

/* Past a filing label at s and its colon, or NULL. */
static const char *filing_label(const char *s)
{
    for (const char *const *l = filing_labels; *l; l++) {
        const char *e = label_end(s, *l);
        if (!e)
            continue;
        const char *q = skip_spaces(e);
        if (*q == ':')
            return skip_spaces(q + 1);
    }
    return NULL;
}

/* Labels of a post's permanent address (lower case). */
static const char *const permalink_labels[] = {
    "permalink", "permalien", "kurzlink", "kurz-url", "shortlink", "short link", "short url", NULL,
};

/* A line of a permalink_labels label, a colon perhaps, and an address alone
 * ("Permalien https://p.dw.com/p/RPYx"): the page's way to cite itself. */
static int permalink_line(const char *t)
{
    for (const char *const *l = permalink_labels; *l; l++) {
        const char *e = label_end(t, *l);
        if (!e || (*e != ':' && !space_len(e)))
            continue;
        e = skip_spaces(*e == ':' ? e + 1 : e);
        if (strncasecmp(e, "http://", 7) && strncasecmp(e, "https://", 8) && strncasecmp(e, "www.", 4))
            continue;
        while (*e && *e != ' ')
            e++;
        return !*skip_spaces(e);
    }
    return 0;
}

/* A line of a label of a word or two, its colon and a value ("Dauer: 1
 * Stunde 4 Minuten", "DOI: https://..."), of a few words, that is no date,
 * category or permalink line. */
static int fact_line(const char *t)
{
    t = skip_spaces(t);
    const char *c = strchr(t, ':');
    int colon = 0;
    if (!c || c == t || count_words(t) > 12 || date_label(t, &colon) || filing_label(t) || permalink_line(t))
        return 0;
    size_t words = 1;
    for (const char *p = t; p < c; p++) {
        if (*p == ' ')
            words++;
        else if (!isalpha((unsigned char)*p) && (unsigned char)*p < 0x80 && *p != '-' && *p != '/')
            return 0;
    }
    return words <= 2 && *skip_spaces(c + 1);
}

/* A page's date line in the text: a label and its date ("Aktualisiert am
 * 17.01.2021.", "Stand: 05. Februar 2020"), but one over another fact_line
 * (an episode's "Veröffentlicht am 16.08.2019" over its "Dauer: 1 Stunde":
 * one of the item's facts), or a label alone on its line
 * ("Release Date:") above a date, which go with it; and its category and
 * tag lines, and its permalink_line. The article's date is the page's
 * metadata; in the text it is furniture, as its category, its tags and its
 * own address are. */
static void drop_date_lines(article_t *a)
{
    size_t keep = 0;
    char t[201], u[201];
    for (size_t i = 0; i < a->nblocks; i++) {
        article_block_t *b = &a->blocks[i];
        const char *filed = filing_label(skip_spaces(plain_short(b, t)));
        if (filed && count_words(t) <= 12) {
            /* a category or tag line; a label alone takes the tags under it */
            article_block_clear(b);
            while (!*filed && i + 1 < a->nblocks && *plain_short(&a->blocks[i + 1], u) && count_words(u) <= 3 &&
                   !strchr(".!?", u[strlen(u) - 1]))
                article_block_clear(&a->blocks[++i]);
            continue;
        }
        int colon = 0, drop = 0;
        const char *rest = date_label(skip_spaces(t), &colon);
        if (rest && !*rest && colon && i + 1 < a->nblocks && date_block(plain_short(&a->blocks[i + 1], u))) {
            article_block_clear(b);
            article_block_clear(&a->blocks[++i]);
            continue;
        }
        /* and a date alone, with its time perhaps, or a line of a date and a
         * name parted by '|', among the first blocks (the header's:
         * "23.10.2018", adac.de); one further down is the text's (a
         * letter's date, a date in a list of events) */
        drop = (rest && *rest && count_words(t) <= 8 && date_at(rest) &&
                !(i + 1 < a->nblocks && fact_line(plain_short(&a->blocks[i + 1], u)))) ||
               (keep < 3 && b->kind == ARTICLE_BLOCK_PARA && (bare_date(t) || meta_line(t))) ||
               (b->kind == ARTICLE_BLOCK_PARA && signed_meta_line(t)) || permalink_line(skip_spaces(t));
        if (drop)
            article_block_clear(b);
        else
            a->blocks[keep++] = *b;
    }
    a->nblocks = keep;
}

/* Labels of a contact block under a press release or a post: "Kontakt:",
 * "Pressekontakt:", "Media contact:", "Von:" (lower case). */
static const char *const contact_labels[] = {
    "kontakt",
    "pressekontakt",
    "kontakt für die presse",
    "medienkontakt",
    "ansprechpartner",
    "ansprechpartnerin",
    "ansprechpartner zum thema",
    "ansprechpartnerin zum thema",
    "quelle und kontaktadresse",
    "von",
    "contact",
    "press contact",
    "media contact",
    "media contacts",
    "media inquiries",
    "contacto",
    "contacto de prensa",
    NULL,
};

/* 1 when t is one of contact_labels and a colon, alone on its line; 2
 * when it is the label alone, without the colon. */
static int contact_label(const char *t)
{
    t = skip_spaces(t);
    for (const char *const *l = contact_labels; *l; l++) {
        const char *e = label_end(t, *l);
        if (!e)
            continue;
        const char *q = skip_spaces(e);
        if (*q == ':' && !*skip_spaces(q + 1))
            return 1;
        if (!*q)
            return 2;
    }
    return 0;
}

/* Whether t holds an address to write to or a telephone number: an '@',
 * or six digits. */
static int reach_line(const char *t)
{
    size_t digits = 0;
    for (; *t; t++) {
        if (*t == '@')
            return 1;
        digits += *t >= '0' && *t <= '9';
    }
    return digits >= 6;
}

/* A line of a few words that ends no sentence: a name, a telephone number,
 * an address. */
static int contact_line(const char *t)
{
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || (n >= 2 && (unsigned char)t[n - 2] == 0xc2 && (unsigned char)t[n - 1] == 0xa0)))
        n -= t[n - 1] == ' ' ? 1 : 2;
    return n && count_words(t) <= 8 && !strchr(".!?", t[n - 1]);
}

/* A contact block: its label and the short lines under it (the person, the
 * telephone, the address), up to the next sentence or heading. Whom the press office
 * asks to be called is no part of the article. */
static void drop_contact_blocks(article_t *a)
{
    size_t keep = 0;
    char t[201];
    for (size_t i = 0; i < a->nblocks; i++) {
        int label = contact_label(plain_short(&a->blocks[i], t));
        /* the bare label ("Kontakt") over a name and how to reach it: the
         * lines under it say it is a contact */
        if (label == 2) {
            int reach = 0;
            for (size_t j = i + 1; j < a->nblocks && j <= i + 6 && !reach &&
                                   a->blocks[j].kind != ARTICLE_BLOCK_SUBHEAD && *plain_short(&a->blocks[j], t);
                 j++) {
                reach = reach_line(t);
                if (!contact_line(t))
                    break;
            }
            label = reach;
        }
        if (!label) {
            a->blocks[keep++] = a->blocks[i];
            continue;
        }
        article_block_clear(&a->blocks[i]);
        while (i + 1 < a->nblocks && a->blocks[i + 1].kind != ARTICLE_BLOCK_SUBHEAD &&
               *plain_short(&a->blocks[i + 1], t) && contact_line(t))
            article_block_clear(&a->blocks[++i]);
    }
    a->nblocks = keep;
}

/* Words of a legal notice under a text: its copyright, its licence, the
 * publisher's disclaimer (lower case). */
static const char *const legal_marks[] = {
    "all rights reserved",       "alle rechte vorbehalten",
    "tous droits réservés",      "todos los derechos reservados",
    "chroniony prawem",          "ohne gewähr",
    "meinung des autors",        "nicht notwendigerweise die",
    "nicht unbedingt die",       "not necessarily reflect",
    "not necessarily represent", "sofern nicht anders",
    "creative commons",          "licensed under",
    "lizenziert unter",          NULL,
};

/* Words of a prompt to the reader under a text: to comment, to rate it
 * (lower case). */
static const char *const prompt_marks[] = {
    "kommentar",        "comments",
    "leave a comment",  "comentarios",
    "commentaires",     "artikel hilfreich",
    "artikel nützlich", "beitrag hilfreich",
    "beitrag bewerte",  "artikel bewerte",
    "article helpful",  "post helpful",
    "rate this",        NULL,
};

/* A prompt to the reader (15 words at most, no full stop at the end) in
 * lower-case t. */
static int reader_prompt(const char *t)
{
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        n--;
    /* a prompt asks or points on; the author's closing sentence ("We
     * hope you found this article helpful.") stays */
    if (!n || t[n - 1] == '.' || count_words(t) > 15)
        return 0;
    for (const char *const *m = prompt_marks; *m; m++)
        if (strstr(t, *m))
            return 1;
    return 0;
}

/* The legal notices (40 words at most) and the prompts to the reader that
 * end the text: the page's footer, not the article's. A prompt to rate
 * goes with the widget's short lines under it ("1 Stern" ... "5 Sterne",
 * "(95 Stimmen: 4,73 von 5)"). */
static void drop_legal_tail(article_t *a)
{
    char t[201];
    for (size_t w = a->nblocks; w > 1 && a->nblocks - w < 12; w--) {
        /* a short line, or a picture (a star) with a short caption */
        const article_block_t *b = &a->blocks[w - 1];
        const char *s = b->kind == ARTICLE_BLOCK_PIC ? b->text : plain_short(b, t);
        size_t n = strlen(s);
        if (s == t) {
            for (char *q = t; *q; q++)
                *q = (char)tolower((unsigned char)*q);
            if (w < a->nblocks && reader_prompt(t)) {
                while (a->nblocks >= w)
                    article_block_clear(&a->blocks[--a->nblocks]);
                break;
            }
        }
        /* a full stop ends a sentence; an ellipsis a widget's "Loading..." */
        int stop = n && s[n - 1] == '.' && !(n >= 3 && !strcmp(s + n - 3, "..."));
        if (count_words(s) > 6 || (b->kind != ARTICLE_BLOCK_PIC && !n) || stop)
            break;
    }
    while (a->nblocks > 1) {
        article_block_t *b = &a->blocks[a->nblocks - 1];
        plain_short(b, t);
        if (!*t || count_words(t) > 40)
            break;
        for (char *q = t; *q; q++)
            *q = (char)tolower((unsigned char)*q);
        int legal = 0;
        for (const char *const *m = legal_marks; *m && !legal; m++)
            legal = strstr(t, *m) != NULL;
        if (!legal && !reader_prompt(t))
            break;
        article_block_clear(b);
        a->nblocks--;
    }
}

/* A page without any title: the first ten words of the text, or NULL. */
static char *title_from_text(const article_t *a)
{
    const char *t = a->blocks[0].text;
    size_t k = 0, words = 0;
    while (t[k] && words < 10) {
        if (t[k] == ' ')
            words++;
        k++;
    }
    char *tt = article_strndup(t, k);
    char *title = tt ? textnorm(tt, strlen(tt), 0, NULL) : NULL;
    free(tt);
    return title;
}

int html_clean(const char *buf, size_t len, article_t *out, const char **why)
{
    return html_clean_cs(buf, len, NULL, out, why);
}

static int clean_page(const char *buf, size_t len, const char *charset, article_t *out, const char **why);

int html_clean_cs(const char *buf, size_t len, const char *charset, article_t *out, const char **why)
{
    /* libxml2's allocations for the page: its trees (every attempt's) live
     * no longer than this */
    html_arena_t *ar = html_arena_open(len * 4);
    int rc = clean_page(buf, len, charset, out, why);
    html_arena_close(ar);
    return rc;
}

static int clean_page(const char *buf, size_t len, const char *charset, article_t *out, const char **why)
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
    page_t pg = {0};
    xmlDoc *doc = read_page(buf, len, charset, &pg, why);
    if (!doc)
        return -1;
    meta_t m = {0};
    xmlNode *root = xmlDocGetRootElement(doc);
    html_meta_read(&m, root);
    /* The page's language: <html lang> or xml:lang, else a Content-Language
     * meta, else JSON-LD inLanguage, else og:locale. */
    char lang[16];
    html_meta_lang(root, lang);
    char *page_lang = lang[0] ? article_lang_tag(lang) : NULL;
    if (!page_lang)
        page_lang = article_lang_tag(html_meta_language(&m));
    char *title = html_meta_title(&m, root);
    char *date = html_meta_date(&m, root);

    article_t best = {0};
    char *best_byline = NULL;
    int oom = search_text(&pg, doc, title, html_meta_description(&m), html_meta_source(&m), &best, &best_byline) < 0;
    if (!oom && m.body && ld_body_better(m.body, body_chars(&best))) {
        article_t ld = {0};
        if (ld_body_blocks(m.body, &ld) < 0) {
            oom = 1;
        } else if (ld.nblocks) {
            article_free(&best);
            best = ld;
        }
    }
    /* No text found: a page of one teaser paragraph (a news ticker's item)
     * says it in its description; a description of a sentence or more,
     * 80 characters at least, is the text rather than nothing. */
    const char *desc = html_meta_description(&m);
    size_t dn = desc ? strlen(desc) : 0;
    /* a description cut off ("Das Buch mit dem Titel ...") keeps its
     * whole sentences */
    if (dn >= 3 && (!strcmp(desc + dn - 3, "...") || !strcmp(desc + dn - 3, "\xe2\x80\xa6"))) {
        dn -= 3;
        while (dn && !(strchr(".!?", desc[dn - 1]) && desc[dn] == ' '))
            dn--;
    }
    if (!oom && !best.nblocks && dn >= 80 && strchr(".!?", desc[dn - 1])) {
        char *t = textnorm(desc, dn, 0, NULL);
        if (!t || (*t && article_add_block(&best, ARTICLE_BLOCK_PARA, t, strlen(t)) < 0))
            oom = 1;
        free(t);
    }
    if (oom || !best.nblocks) {
        free(pg.u8);
        free(pg.vals);
        article_free(&best);
        free(best_byline);
        free(title);
        free(date);
        html_meta_free(&m);
        free(page_lang);
        *why = oom ? "out of memory" : "no article text found";
        return -1;
    }
    *out = best;
    clean_prune_blocks(out);
    drop_date_lines(out);
    drop_contact_blocks(out);
    drop_legal_tail(out);
    /* the page's bytes, for a recipe's own boxes (add_recipe) */
    if (m.ingredients && add_recipe(out, &m, &pg) < 0)
        oom = 1;
    free(pg.u8);
    free(pg.vals);
    out->title = norm_field(title);
    if (!out->title)
        out->title = title_from_text(out);
    out->date = date;
    const char *byl = html_meta_byline(&m);
    out->byline = norm_field(byl ? byl : best_byline);
    out->source = norm_field(html_meta_source(&m));
    out->section = norm_field(html_meta_section(&m));
    article_trim_site_name(out->title, out->source);
    /* The page's lead picture opens the body when the text has none of its
     * own (one that has its pictures shows the lead among them already). */
    const char *lead = html_meta_image(&m);
    int has_pic = 0;
    for (size_t i = 0; i < out->nblocks && !has_pic; i++)
        has_pic = out->blocks[i].kind == ARTICLE_BLOCK_PIC;
    if (lead && !has_pic && !oom) {
        if (article_add_pic(out, lead, NULL, NULL, 1) < 0) {
            oom = 1;
        } else {
            article_block_t b = out->blocks[out->nblocks - 1];
            memmove(out->blocks + 1, out->blocks, (out->nblocks - 1) * sizeof *out->blocks);
            out->blocks[0] = b;
        }
    }
    free(best_byline);
    free(title);
    html_meta_free(&m);
    out->lang = page_lang;
    if (oom || !out->title || textnorm_article(out) < 0) {
        article_free(out);
        *why = "out of memory";
        return -1;
    }
    return 0;
}

/* html_fragment_blocks; text: the fragment is an article's text (a page's
 * articleBody), cleaned as the search cleans the text it finds
 * (html_prep_text). */
static int fragment_blocks(const char *buf, size_t len, article_t *out, int text)
{
    if (!buf || !len)
        return 0;
    if (len > HTML_MAX_BYTES)
        len = HTML_MAX_BYTES;
    size_t u8len;
    char *u8 = charset_to_utf8(buf, len, CHARSET_HOLES_FFFD, &u8len);
    if (!u8)
        return -1;
    nul_to_space(u8, u8len);
    if (html_trim_known())
        u8len = html_trim_unread(u8, u8len);
    xmlDoc *doc = parse(u8, u8len, "UTF-8");
    free(u8);
    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return 0;
    }
    ctx_t c = {0};
    c.doc = doc;
    c.flags = F_WEIGHT_CLASSES;
    xmlNode *r = xmlDocGetRootElement(doc);
    html_prep_document(&c, r);
    html_drop_widgets(&c, r);
    xmlNode *body = dom_find_body(r);
    if (text && body)
        html_prep_text(&c, body);
    int rc = c.oom ? -1 : html_emit_blocks(body, out);
    html_ctx_free(&c, 0);
    xmlFreeDoc(doc);
    return rc;
}

int html_fragment_blocks(const char *buf, size_t len, article_t *out)
{
    return fragment_blocks(buf, len, out, 0);
}

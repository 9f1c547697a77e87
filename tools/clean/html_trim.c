/* SPDX-License-Identifier: MIT */
/* html_trim.c: html_trim_unread (see html.h): what the HTML parser need
 * not see, cut out of the page before the parse. */
#include "html.h"
#include "html_priv.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Attributes some step reads through attr(), and on which elements (NULL:
 * any); html_trim_unread drops every other one before parsing, so a name
 * asked of attr() must be listed here. Some are read on one kind of element
 * only (a picture's in html_emit.c, a link's in html_score.c and
 * html_dom.c, <meta>, <time>, JSON-LD's <script> and <html> in
 * html_meta.c): on any other they go too (a <script>'s src, a <link>'s
 * href, an <iframe>'s name). An element renamed (dom_set_tag) becomes a
 * div, p or span, none of these. */
static const struct {
    const char *name, *tags; /* tags: " name name " */
} read_attrs[] = {
    {"alt", " img "},
    {"aria-hidden", NULL},
    {"aria-labelledby", NULL},
    {"aria-modal", NULL},
    {"class", NULL},
    {"colspan", NULL},
    {"content", " meta "},
    {"datatable", NULL},
    {"datetime", " time "},
    {"data-src", " img "},
    {"height", " img "},
    {"hidden", NULL},
    {"href", " a "},
    {"id", NULL},
    {"itemprop", NULL},
    {"name", " meta "},
    {"property", " meta "},
    {"rel", NULL},
    {"role", NULL},
    {"rowspan", NULL},
    {"src", " img "},
    {"srcset", " img source "},
    {"style", NULL},
    {"summary", NULL},
    {"type", " script "},
    {"width", " img "},
    {"lang", " html "},
    {"xml:lang", " html "},
    {"http-equiv", " meta "},
    {NULL, NULL},
};

static int blank_ch(unsigned char c)
{
    /* libxml2's IS_BLANK_CH: what separates attributes */
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int alpha_ch(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int name_ch(unsigned char c)
{
    /* letters, digits, ':', '-', '_', '.': bit c of the 128 */
    static const uint64_t bits[2] = {0x07ff600000000000u, 0x07fffffe87fffffeu};
    return c < 128 && (bits[c >> 6] >> (c & 63) & 1);
}

static int attr_start_ch(unsigned char c)
{
    return alpha_ch(c) || c == '_' || c == ':' || c == '.';
}

/* Whether s[0..n) (name_ch bytes) is name (lower-case letters, '-', ':'),
 * in any case: c | 0x20 turns no other name byte into one of those. */
static int is_name(const char *s, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] | 0x20) != (unsigned char)name[i])
            return 0; /* name's NUL too */
    return !name[n];
}

/* memmem(s, n, "ab", 2), by memchr (faster on these two-byte needles). */
static const char *find2(const char *s, size_t n, char a, char b)
{
    const char *end = s + n;
    for (const char *p; (p = memchr(s, a, (size_t)(end - s))) != NULL; s = p + 1)
        if (p + 1 < end && p[1] == b)
            return p;
    return NULL;
}

static const char *find_ci(const char *s, size_t n, const char *pat)
{
    size_t m = strlen(pat);
    for (size_t i = 0; i + m <= n; i++)
        if (!strncasecmp(s + i, pat, m))
            return s + i;
    return NULL;
}

/* Where reading stops: the rest of the page is left as it is. */
#define STOP ((size_t)-1)

/* Bytes html_trim_pack moves out of the trimmed page: at s[at..at+len)
 * once placed (keep_to), read at s[at..] before. */
typedef struct {
    size_t at, len;
} span_t;

/* The page being trimmed: s[0..w) is written, s[r..n) still to be written,
 * s[w..r) dropped; w <= r. */
typedef struct {
    char *s;
    size_t n, r, w;
    int keep_blanks;   /* from a <pre> (or like it) on: blank runs stay whole */
    uint32_t lens[26]; /* bit k of [c - 'a']: a read attribute of k bytes starts with c */
    /* read_attrs[first[c - 'a'] - 1] is the first that starts with c, and
     * read_attrs[same[a] - 1] the next after a (0: none) */
    unsigned char first[26], same[64];
    int pack;      /* note what html_trim_pack moves out */
    span_t *spans; /* the values and texts to move, in page order */
    size_t nspans, capspans;
    size_t placed; /* spans[0..placed) are at their place in s[0..w) */
} trim_t;

/* Everything up to pos (from r) stays. */
static void keep_to(trim_t *t, size_t pos)
{
    for (; t->placed < t->nspans && t->spans[t->placed].at < pos; t->placed++)
        t->spans[t->placed].at -= t->r - t->w;
    if (t->w != t->r)
        memmove(t->s + t->w, t->s + t->r, pos - t->r);
    t->w += pos - t->r;
    t->r = pos;
}

/* s[i] is "<!": a comment, a doctype, or a '<' that is text. Returns where
 * reading goes on, or STOP. */
static size_t skip_bang(const char *s, size_t n, size_t i)
{
    if (s[i + 2] == '-' && i + 3 < n && s[i + 3] == '-') {
        /* the first "-->" or "--!>" after "<!--" ends it */
        const char *e = find2(s + i + 4, n - i - 4, '-', '-');
        while (e && (size_t)(e - s) + 2 < n && e[2] != '>' && !(e[2] == '!' && (size_t)(e - s) + 3 < n && e[3] == '>'))
            e = find2(e + 1, n - (size_t)(e + 1 - s), '-', '-');
        if (!e || (size_t)(e - s) + 2 >= n)
            return STOP; /* not terminated */
        return (size_t)(e - s) + (e[2] == '>' ? 3 : 4);
    }
    if (n - i >= 9 && !strncasecmp(s + i + 2, "doctype", 7)) {
        const char *gt = memchr(s + i, '>', n - i);
        if (!gt)
            return STOP;
        size_t dq = 0, sq = 0;
        for (const char *p = s + i; p < gt; p++) {
            dq += *p == '"';
            sq += *p == '\'';
        }
        if (dq % 2 || sq % 2)
            return STOP; /* a quoted literal may hide the real end */
        return (size_t)(gt - s) + 1;
    }
    return i + 1; /* "<!x": the '<' is text */
}

/* The start tag being read: its name, and whether it had a style. The
 * name is a copy: an attribute dropped moves the bytes before it down over
 * where the name was read. */
typedef struct {
    char name[100];
    size_t len;
    int styled;
    int meta; /* a <meta>: libxml2 reads its values (a charset) */
} tag_t;

/* Whether tags (" name name ") lists the tag's name, in any case. */
static int tag_listed(const char *tags, const tag_t *tg)
{
    for (const char *p = tags; p[1]; p = strchr(p + 1, ' '))
        if (!strncasecmp(p + 1, tg->name, tg->len) && p[1 + tg->len] == ' ')
            return 1;
    return 0;
}

/* Whether html_score.c's visible() finds a style of value v[0..n) hidden:
 * its first 255 bytes but blanks, in lower case, hold "display:none" or
 * "visibility:hidden". -1 when libxml2 may read the value otherwise (an
 * entity, a control character). */
static int style_hides(const char *v, size_t n)
{
    char buf[256];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c == '&' || (c < 0x20 && !is_space_byte(c)))
            return -1;
        if (!is_space_byte(c) && k + 1 < sizeof buf)
            buf[k++] = (char)tolower(c);
    }
    buf[k] = '\0';
    return strstr(buf, "display:none") || strstr(buf, "visibility:hidden");
}

/* A link's address is read for its first bytes ("#x", "mailto:", "tel:",
 * "javascript:"), whether the part before '?' or '#' names a picture file
 * (html_score.c, html_dom.c), and whether two links lead to the same page
 * (html_score.c's teasers): a long one, quoted at v[0..n) (the quotes
 * outside), is written as its first 11 bytes, four letters or digits of a
 * hash of the whole address, and ".jpg" when it names a picture. Most of a
 * page's links are long addresses. Returns the new value's length, written
 * at t->w, or 0 when the address stays as it is (short, an entity before
 * its query, a byte not ASCII in its first bytes). */
static size_t short_href(trim_t *t, size_t v, size_t n)
{
    enum { HEAD = 11, HASH = 4 };
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    const char *s = t->s;
    if (n <= HEAD + HASH + 4)
        return 0;
    for (size_t i = 0; i <= HEAD; i++)
        if ((unsigned char)s[v + i] < 0x20 || (unsigned char)s[v + i] >= 0x80)
            return 0;
    size_t cut = 0;
    while (cut < n && s[v + cut] != '?' && s[v + cut] != '#')
        cut++;
    /* an entity (&amp; in a query) changes nothing read when it comes
     * after the first bytes and the '?' */
    const char *amp = memchr(s + v, '&', n);
    if (amp && (size_t)(amp - s - v) < (cut > HEAD ? cut : HEAD))
        return 0;
    /* after the hash (no '.' in it) no address but a picture's names one */
    const char *tail = cut > HEAD && html_picture_url(s + v, cut) ? ".jpg" : "";
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[v + i]) * 16777619u;
    keep_to(t, v);
    memmove(t->s + t->w, s + v, HEAD); /* w <= v */
    for (int i = 0; i < HASH; i++)
        t->s[t->w + HEAD + i] = digits[(h >> (6 * i)) & 63];
    memcpy(t->s + t->w + HEAD + HASH, tail, strlen(tail));
    t->w += HEAD + HASH + strlen(tail);
    t->r = v + n;
    return HEAD + HASH + strlen(tail);
}

/* A token in a page html_trim_pack wrote: U+FDD0 + d - 1 (noncharacters,
 * which libxml2 reads as text and in values as any other), then d digits
 * (1 to 4) of the offset of the bytes it stands for in the moved bytes, six
 * bits each ('0'..'9', 'A'..'Z', 'a'..'z', '-', '_'), the highest first: no
 * byte of it ends a text or a value, and libxml2 reads the mark as one
 * character. */
static const char MARK[] = "\xef\xb7\x90";
enum { MARK_LEN = 3, MAX_DIGITS = 4 };

/* Whether p (MARK_LEN bytes at least) is a mark: its digits' count, or 0. */
static size_t mark_digits(const char *p)
{
    unsigned char c = (unsigned char)p[2];
    return p[0] == MARK[0] && p[1] == MARK[1] && c >= 0x90 && c < 0x90 + MAX_DIGITS ? (size_t)(c - 0x90 + 1) : 0;
}

/* The first mark in s[0..n), or NULL (memchr: the mark's first byte is
 * rare in text). */
static const char *find_mark(const char *s, size_t n)
{
    const char *end = s + n;
    for (const char *p; (p = memchr(s, MARK[0], (size_t)(end - s))) != NULL; s = p + 1)
        if (end - p >= MARK_LEN && mark_digits(p))
            return p;
    return NULL;
}

/* Whether s[0..n) holds the mark, or a character reference to it (which
 * libxml2 would turn into one). */
static int holds_mark(const char *s, size_t n)
{
    if (find_mark(s, n))
        return 1;
    const char *end = s + n;
    for (const char *p = s; (p = memchr(p, '&', (size_t)(end - p))) != NULL; p++) {
        if (end - p < 3 || p[1] != '#')
            continue;
        const char *q = p + 2;
        int hex = q < end && (*q | 0x20) == 'x';
        q += hex;
        while (q < end && *q == '0')
            q++;
        /* U+FDD0..U+FDD3 */
        const char *want = hex ? "fdd" : "6497";
        size_t k = 0;
        while (want[k] && q + k < end && (q[k] | 0x20) == want[k])
            k++;
        if (want[k] || q + k >= end)
            continue;
        char last = hex ? q[k] : (char)(q[k] - 6);
        if (last >= '0' && last <= '3' &&
            !(q + k + 1 < end && (hex ? isxdigit((unsigned char)q[k + 1]) : isdigit((unsigned char)q[k + 1]))))
            return 1;
    }
    return 0;
}

/* Notes s[at..at+len) (or, placed, the written bytes there) for
 * html_trim_pack, when it holds no entity (libxml2 reads those) and its
 * token is shorter. */
static void note_span(trim_t *t, size_t at, size_t len, int placed)
{
    const char *b = t->s + at;
    if (len <= MARK_LEN + 2 || memchr(b, '&', len))
        return;
    if (t->nspans == t->capspans) {
        size_t cap = t->capspans ? t->capspans * 2 : 1024;
        span_t *v = realloc(t->spans, cap * sizeof *v);
        if (!v) {
            t->pack = 0; /* the rest stays in place */
            return;
        }
        t->spans = v;
        t->capspans = cap;
    }
    t->spans[t->nspans++] = (span_t){at, len};
    if (placed)
        t->placed = t->nspans;
}

/* One attribute of a start tag at s[k] (its name's first byte): dropped
 * when no step reads it (on this element, or of this value: a style that
 * does not hide); *json set when it is a script's JSON-LD type. Returns the
 * position after it (and the blanks after a dropped one), or STOP. */
static size_t attribute(trim_t *t, size_t k, tag_t *tg, int script, int *json)
{
    const char *s = t->s;
    size_t n = t->n;
    size_t an = k;
    while (k < n && name_ch((unsigned char)s[k]))
        k++;
    size_t anlen = k - an;
    if (anlen >= 99)
        return STOP;
    size_t end = k, v = k, vend = k;
    int quoted = 0;
    while (v < n && blank_ch((unsigned char)s[v]))
        v++;
    if (v < n && s[v] == '=') {
        v++;
        while (v < n && blank_ch((unsigned char)s[v]))
            v++;
        if (v >= n)
            return STOP;
        if (s[v] == '"' || s[v] == '\'') {
            const char *q = memchr(s + v + 1, s[v], n - v - 1);
            if (!q)
                return STOP;
            vend = (size_t)(q - s) + 1;
            quoted = 1;
        } else {
            vend = v;
            while (vend < n && !blank_ch((unsigned char)s[vend]) && s[vend] != '>')
                vend++;
            if (vend >= n)
                return STOP;
        }
        end = vend;
    }
    int keep = 0;
    const char *tags = NULL;
    unsigned char a0 = (unsigned char)s[an] | 0x20;
    /* a name of another first byte or length cannot be one (a long one:
     * the list) */
    if (a0 >= 'a' && a0 <= 'z' && (anlen >= 32 || (t->lens[a0 - 'a'] >> anlen & 1)))
        for (size_t a = t->first[a0 - 'a']; a && !keep; a = t->same[a - 1])
            if (is_name(s + an, anlen, read_attrs[a - 1].name)) {
                keep = 1;
                tags = read_attrs[a - 1].tags;
            }
    if (keep && tags)
        keep = tag_listed(tags, tg);
    if (keep && script && anlen == 4 && !strncasecmp(s + an, "type", 4) &&
        (find_ci(s + v, vend - v, "ld+json") || memchr(s + v, '&', vend - v)))
        *json = 1;
    if (keep && anlen == 5 && is_name(s + an, 5, "style")) {
        /* libxml2 keeps an element's first style and no other: that one
         * stays only when it hides the element */
        size_t vb = v + quoted, ve = vend - quoted;
        keep = !tg->styled && style_hides(s + vb, v < vend ? ve - vb : 0) != 0;
        tg->styled = 1;
    }
    size_t written = 0;
    if (keep && quoted && anlen == 4 && is_name(s + an, 4, "href"))
        written = short_href(t, v + 1, vend - v - 2);
    /* libxml2 keeps a value as written but for entities; a <meta>'s it
     * reads (a charset) */
    if (keep && quoted && t->pack && !tg->meta) {
        if (written)
            note_span(t, t->w - written, written, 1);
        else
            note_span(t, v + 1, vend - v - 2, 0);
    }
    if (!keep) {
        /* from the name to the next attribute: the blanks before it
         * still part it from what comes before */
        keep_to(t, an);
        while (end < n && blank_ch((unsigned char)s[end]))
            end++;
        t->r = end;
    }
    return end;
}

/* At s[k] in a start tag, a byte no attribute name starts with (a quote
 * left over from a broken value: bbc-1's `content="... pass " common=""
 * sense="" ... presidency."=""/>`, '/' not before '>'): libxml2 reads no
 * attribute and skips to the next blank, '>' or "/>". Those bytes are
 * dropped (the blanks after stay: they may part the tag's name from the
 * next attribute). Returns where reading goes on, or STOP (a control byte,
 * where some libxml2 versions end the skip and others do not). */
static size_t bogus_attribute(trim_t *t, size_t k)
{
    const char *s = t->s;
    size_t n = t->n, e = k;
    while (e < n && !blank_ch((unsigned char)s[e]) && s[e] != '>' && !(s[e] == '/' && e + 1 < n && s[e + 1] == '>')) {
        if ((unsigned char)s[e] < 0x20)
            return STOP;
        e++;
    }
    if (e >= n)
        return STOP;
    keep_to(t, k);
    t->r = e;
    return e;
}

/* A start tag at s[i] ('<' and a letter): the name, then attributes up to
 * '>' or "/>". Returns the position past the tag, or STOP; says whether it
 * opens a script or style body (not "<script/>") and whether that is
 * JSON-LD. */
static size_t start_tag(trim_t *t, size_t i, int *script, int *style, int *json)
{
    const char *s = t->s;
    size_t n = t->n;
    size_t k = i + 1;
    while (k < n && name_ch((unsigned char)s[k]))
        k++;
    if (k - i - 1 >= 99) /* libxml2 cuts names at 100 bytes */
        return STOP;
    int is_script = k - i - 1 == 6 && !strncasecmp(s + i + 1, "script", 6);
    int is_style = k - i - 1 == 5 && !strncasecmp(s + i + 1, "style", 5);
    static const char *const as_written[] = {"pre", "listing", "plaintext", "xmp", "textarea", NULL};
    unsigned char c0 = (unsigned char)s[i + 1] | 0x20;
    if (c0 == 'p' || c0 == 'l' || c0 == 'x' || c0 == 't')
        for (const char *const *w = as_written; *w && !t->keep_blanks; w++)
            t->keep_blanks = !strncasecmp(s + i + 1, *w, k - i - 1) && !(*w)[k - i - 1];
    int ok = 0, empty = 0;
    tag_t tg = {{0}, k - i - 1, 0, k - i - 1 == 4 && !strncasecmp(s + i + 1, "meta", 4)};
    memcpy(tg.name, s + i + 1, tg.len); /* under 99 bytes (above) */
    *json = 0;
    for (;;) {
        while (k < n && blank_ch((unsigned char)s[k]))
            k++;
        if (k >= n)
            break;
        if (s[k] == '>') {
            ok = 1;
            break;
        }
        if (s[k] == '/' && k + 1 < n && s[k + 1] == '>') {
            ok = empty = 1;
            k++;
            break;
        }
        if (!attr_start_ch((unsigned char)s[k]))
            k = bogus_attribute(t, k);
        else
            k = attribute(t, k, &tg, is_script, json);
        if (k == STOP)
            break;
    }
    if (!ok)
        return STOP;
    *script = is_script && !empty;
    *style = is_style && !empty;
    return k + 1; /* past '>' */
}

/* The body of a script or style from s[i], dropped (but JSON-LD). Returns
 * where reading goes on (its end tag), or STOP. */
static size_t raw_body(trim_t *t, size_t i, int script, int json)
{
    const char *s = t->s;
    size_t n = t->n;
    /* the body runs to the first "</script" or "</style", whatever
     * follows: libxml2 ends it there. But at its very start libxml2
     * still reads any end tag, and a start tag that closes the
     * element (<noscript> a script, <body> or <frameset> a style). */
    const char *nm = script ? "script" : "style";
    size_t nl = script ? 6 : 5;
    if (i + 1 < n && s[i] == '<' && s[i + 1] == '/' &&
        !(i + 2 + nl < n && !strncasecmp(s + i + 2, nm, nl) && !name_ch((unsigned char)s[i + 2 + nl])))
        return STOP;
    if (i + 1 < n && s[i] == '<' && attr_start_ch((unsigned char)s[i + 1])) {
        size_t e = i + 1;
        while (e < n && name_ch((unsigned char)s[e]))
            e++;
        static const char *const closers[] = {"noscript", "body", "frameset", NULL};
        int closes = 0;
        for (const char *const *c = closers; *c; c++)
            closes |= e - i - 1 == strlen(*c) && !strncasecmp(s + i + 1, *c, e - i - 1);
        if (closes)
            return STOP;
    }
    const char *e = find2(s + i, n - i, '<', '/');
    while (e && !((size_t)(e - s) + 2 + nl <= n && !strncasecmp(e + 2, nm, nl)))
        e = find2(e + 1, n - (size_t)(e + 1 - s), '<', '/');
    if (!e)
        return STOP; /* unterminated: left as it is */
    size_t at = (size_t)(e - s);
    if (!json) {
        keep_to(t, i);
        t->r = at;
    }
    if (at + 2 + nl >= n || name_ch((unsigned char)s[at + 2 + nl]))
        return STOP; /* "</scripts>" closes nothing; the rest as it is */
    return at;
}

/* How many of s[0..n)'s first bytes are blanks (space, tab, line ends).
 * Not strspn: that call reads on to the string's end, once per text of
 * the page under the sanitizers (their strspn takes the whole length
 * first), and the page is one string. */
static size_t blank_run(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r'))
        k++;
    return k;
}

/* Markup ended at s[i]: a run of blanks from there to the next tag (the
 * indentation between tags, which libxml2 reads one character at a time
 * into a text node of its own) is cut to its line ends, or to its first
 * blank when it has none. Whether a text is blank, and where its lines
 * end, is all any step reads of such a run (html_emit.c writes it as one
 * space). Not from a <pre>, <textarea>, <listing>, <plaintext> or <xmp>
 * on: libxml2 may still be inside one (an end tag it ignores). */
static void squeeze_blanks(trim_t *t, size_t i)
{
    /* 1: a blank, 2: a line end */
    static const unsigned char kind[256] = {[' '] = 1, ['\t'] = 1, ['\n'] = 2, ['\r'] = 2};
    char *s = t->s;
    size_t n = t->n, j;
    if (t->keep_blanks)
        return;
    if (i + 1 >= n || !kind[(unsigned char)s[i]] || !kind[(unsigned char)s[i + 1]])
        return;
    j = i + blank_run(s + i, n - i);
    if (j > n || j + 1 >= n || s[j] != '<' ||
        !(alpha_ch((unsigned char)s[j + 1]) || s[j + 1] == '/' || s[j + 1] == '!'))
        return; /* "<3" and the like would join the run to text */
    keep_to(t, i);
    const char *cr = memchr(s + i, '\r', j - i);
    if (cr) {
        for (size_t k = i; k < j; k++)
            if (kind[(unsigned char)s[k]] == 2)
                s[t->w++] = s[k]; /* w <= k */
    } else {
        const char *lf = memchr(s + i, '\n', j - i);
        if (!lf)
            s[t->w++] = s[i];
        for (; lf; lf = memchr(lf + 1, '\n', (size_t)(s + j - lf - 1)))
            s[t->w++] = '\n';
    }
    t->r = j;
}

/* The text from s[i] (markup ended there) to the next '<', for
 * html_trim_pack: libxml2 copies it one character at a time, and writes it
 * as it is but for entities and the characters XML does not allow (which
 * it drops), so a text with those stays. Its first bytes must hold more
 * than blanks: libxml2 reads a text in chunks of 1000 bytes, and a first
 * one of blanks alone may go before a paragraph it opens for the rest. Not
 * from a <pre> (or like it) on. */
static void note_text(trim_t *t, size_t i)
{
    const unsigned char *s = (const unsigned char *)t->s;
    if (t->keep_blanks)
        return;
    const unsigned char *lt = memchr(s + i, '<', t->n - i);
    if (!lt)
        return;
    size_t len = (size_t)(lt - s) - i;
    size_t lead = blank_run((const char *)s + i, len);
    if (lead >= len || lead > 900)
        return;
    /* 1: a byte that keeps the text in place; 2: the first of U+FFFE or
     * U+FFFF, maybe */
    static const unsigned char stays[256] = {
        [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1,
        [0x0B] = 1, [0x0C] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
        [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1,
        [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, ['&'] = 1,  [0xEF] = 2,
    };
    for (const unsigned char *p = s + i, *e = lt; p < e; p++)
        if (stays[*p] && (stays[*p] == 1 || (p + 2 < e && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))))
            return;
    note_span(t, i, len, 0);
}

/*
 * The bodies of <script> (but JSON-LD) and <style> and the attributes no
 * step reads are most of a modern page's bytes, and libxml2 copies them one
 * character at a time. This removes them in place before the parse, reading
 * the markup the way libxml2 2.9's HTML parser does (in recover mode):
 * start tags, attributes (quoted or not, and the stray bytes libxml2 skips),
 * end tags, comments ending at "-->" or "--!>", doctype, processing
 * instructions, and script and style bodies that end at the first
 * "</script" or "</style". At anything it does not know to read exactly
 * that way it stops and leaves the rest as it is, so the tree libxml2 builds
 * is the same but for the bodies and attributes removed, styles that do not
 * hide and long link addresses cut to what is read of them
 * (tests/test_html.c compares what the cleaner reads of the two trees).
 * Returns the new length.
 */
static size_t trim(char *s, size_t n, trim_t *tp)
{
    trim_t t = *tp;
    size_t na = 0;
    while (read_attrs[na].name)
        na++;
    for (size_t a = na; a-- > 0;) {
        const char *nm = read_attrs[a].name;
        if (*nm < 'a' || *nm > 'z')
            continue; /* a name read is a lower-case one */
        if (strlen(nm) < 32)
            t.lens[*nm - 'a'] |= (uint32_t)1 << strlen(nm);
        t.same[a] = t.first[*nm - 'a'];
        t.first[*nm - 'a'] = (unsigned char)(a + 1);
    }
    size_t i = 0;
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 2 >= n)
            break;
        unsigned char c1 = (unsigned char)s[i + 1];
        if (c1 == '!') {
            i = skip_bang(s, n, i);
        } else if (c1 == '?' || c1 == '/') {
            /* a processing instruction or an end tag, to its '>' */
            const char *gt = memchr(s + i, '>', n - i);
            i = alpha_ch((unsigned char)s[i + 2]) && gt ? (size_t)(gt - s) + 1 : STOP;
        } else if (!alpha_ch(c1)) {
            i++; /* "<3", "< b": the '<' is text */
        } else {
            int script, style, json;
            size_t ns = t.nspans;
            i = start_tag(&t, i, &script, &style, &json);
            if (i == STOP && t.nspans > ns) {
                /* the values of a tag not read to its end stay */
                t.nspans = ns;
                if (t.placed > ns)
                    t.placed = ns;
            }
            if (i != STOP && (script || style)) {
                i = raw_body(&t, i, script, json);
                continue; /* at the body's end tag */
            }
        }
        if (i == STOP)
            break;
        if (i > 0 && s[i - 1] == '>') {
            squeeze_blanks(&t, i);
            if (t.pack && t.r <= i)
                note_text(&t, i);
        }
    }
    keep_to(&t, n);
    if (t.w < n)
        s[t.w] = '\0';
    *tp = t;
    return t.w;
}

size_t html_trim_unread(char *s, size_t n)
{
    trim_t t = {s, n, 0, 0, 0, {0}, {0}, {0}, 0, NULL, 0, 0, 0};
    return trim(s, n, &t);
}

static const char DIGITS[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/* Writes at o the token for offset off in the moved bytes; returns its
 * length, or 0 when off is too large for one. */
static size_t token(char *o, size_t off)
{
    size_t digits = 1;
    for (size_t v = off; v >= 64; v /= 64)
        digits++;
    if (digits > MAX_DIGITS)
        return 0;
    memcpy(o, MARK, MARK_LEN);
    o[MARK_LEN - 1] = (char)(0x90 + digits - 1);
    for (size_t d = 0; d < digits; d++)
        o[MARK_LEN + d] = DIGITS[off >> (6 * (digits - 1 - d)) & 63];
    return MARK_LEN + digits;
}

/* The offset a token's digits p[0..digits) give. */
static size_t token_off(const char *p, size_t digits)
{
    size_t off = 0;
    for (size_t d = 0; d < digits; d++) {
        unsigned char c = (unsigned char)p[d];
        unsigned v = c <= '9'   ? c - (c == '-' ? '-' - 62 : '0')
                     : c <= 'Z' ? c - 'A' + 10
                     : c == '_' ? 63
                                : c - 'a' + 36;
        off = off * 64 + v;
    }
    return off;
}

size_t html_trim_pack(char *s, size_t n, char **vals)
{
    trim_t t = {s, n, 0, 0, 0, {0}, {0}, {0}, 1, NULL, 0, 0, 0};
    size_t len = trim(s, n, &t);
    *vals = NULL;
    /* a page that holds the mark anywhere keeps its bytes: one there would
     * read as a token (one libxml2 makes of a reference too) */
    size_t total = 0;
    for (size_t k = 0; k < t.nspans; k++)
        total += t.spans[k].len + 1;
    char *v = t.nspans && !holds_mark(s, len) ? malloc(total) : NULL;
    if (!v) {
        free(t.spans);
        return len;
    }
    size_t w = 0, r = 0, nv = 0;
    char tok[16];
    for (size_t k = 0; k < t.nspans; k++) {
        const span_t *sp = &t.spans[k];
        size_t tl = token(tok, nv);
        if (!tl || tl >= sp->len)
            continue; /* stays, with the bytes around it */
        memmove(s + w, s + r, sp->at - r);
        w += sp->at - r;
        memcpy(v + nv, s + sp->at, sp->len);
        v[nv + sp->len] = '\0';
        nv += sp->len + 1;
        memcpy(s + w, tok, tl); /* w + tl < at + len: the bytes are read */
        w += tl;
        r = sp->at + sp->len;
    }
    memmove(s + w, s + r, len - r);
    w += len - r;
    if (w < n)
        s[w] = '\0';
    free(t.spans);
    *vals = v;
    return w;
}

/* x's content with each token put back, set anew when it held one. */
static void unpack_node(xmlNode *x, const char *vals)
{
    const char *c = (const char *)x->content;
    if (!c)
        return;
    size_t cl = strlen(c);
    if (!find_mark(c, cl))
        return;
    size_t d = mark_digits(c);
    if (d && cl == MARK_LEN + d) {
        /* most: one token alone */
        xmlNodeSetContent(x, (const xmlChar *)vals + token_off(c + MARK_LEN, d));
        return;
    }
    size_t cap = 0;
    for (const char *p = c; *p;) {
        /* the bytes a token stands for, and the token's length */
        if ((d = p[0] == MARK[0] && p[1] && p[2] ? mark_digits(p) : 0) != 0) {
            cap += strlen(vals + token_off(p + MARK_LEN, d));
            p += MARK_LEN + d;
        } else {
            cap++;
            p++;
        }
    }
    char *out = malloc(cap + 1), *o = out;
    if (!out)
        return; /* the token stays: the page reads less well, no worse */
    for (const char *p = c; *p;) {
        if ((d = p[0] == MARK[0] && p[1] && p[2] ? mark_digits(p) : 0) != 0) {
            const char *v = vals + token_off(p + MARK_LEN, d);
            size_t l = strlen(v);
            memcpy(o, v, l);
            o += l;
            p += MARK_LEN + d;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    xmlNodeSetContent(x, (const xmlChar *)out);
    free(out);
}

const char *html_trim_value(const xmlNode *x, const char *v)
{
    const char *vals = x->doc ? x->doc->psvi : NULL;
    size_t d = vals && v[0] == MARK[0] && v[1] && v[2] ? mark_digits(v) : 0;
    return d ? vals + token_off(v + MARK_LEN, d) : v;
}

void html_trim_unpack(xmlDoc *doc, const char *vals)
{
    if (!doc || !vals)
        return;
    doc->psvi = (void *)vals; /* the values, read through html_trim_value */
    xmlNode *x = doc->children;
    while (x) {
        if (x->type == XML_TEXT_NODE) {
            unpack_node(x, vals);
        } else if (x->type == XML_ELEMENT_NODE) {
            if (x->children) {
                x = x->children;
                continue;
            }
        }
        while (x && !x->next)
            x = x->parent && x->parent->type != XML_DOCUMENT_NODE && x->parent->type != XML_HTML_DOCUMENT_NODE
                    ? x->parent
                    : NULL;
        if (x)
            x = x->next;
    }
}

/* html_trim_unread reads markup as libxml2 2.9.14 to 2.13 do (2.14 reads
 * HTML5's way: more raw-text elements, other comment ends). */
int html_trim_known(void)
{
    int v = atoi(xmlParserVersion);
    return v >= 20914 && v < 21400;
}

/* SPDX-License-Identifier: MIT */
/* clean.c: text-scrape cleaner behind `inkpress clean`.
 *
 * Pipeline: decode (UTF-8, else Windows-1252) -> normalise lines (controls,
 * zero-width and repeated white space out) -> blocks (one per line, or one
 * per blank-line-separated paragraph) -> per-block features -> labels
 * (chrome patterns, repeats, menu-like, body-like) -> the densest contiguous
 * run of body text (maximum-sum subarray), searched again before a list of
 * dated items (comments, a live feed) or after one (a site's dated teasers
 * over the article), or an earlier run half as heavy (a short post before
 * its comments), joined by dense text before it that a contents list
 * or a menu split off and after it that a list of short lines split off,
 * without a lone paragraph that chrome sets apart after it nor light text
 * after a wide gap of chrome (a site's words on itself) -> article.
 * Every pass is linear in the input; repeats are found with a hash table. */
#include "clean.h"
#include "charset.h"
#include "ink_text.h"
#include "ink_utf8.h"
#include "textnorm.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#ifdef INK_CLEAN_DEBUG
#include <stdio.h>
#endif
#include <stdlib.h>
#include <string.h>

/* A news page has hundreds of lines; this only bounds memory on hostile
 * input (a file of newlines would otherwise cost ~24 bytes per byte). */
#define MAX_BLOCKS (1u << 20)
/* Pattern checks look at the start of a block only; chrome is short. */
#define LC_MAX 480
/* join_before: the least weight of text that joins the main run from
 * before it, how dense it must be, and how long the lines between may be
 * (times its weight) and still be kept. */
#define JOIN_MIN 25
#define JOIN_DENSE 8
#define JOIN_GAP 3
/* cut_at_boundary: a paragraph of BIG_PARA words or more after a box of
 * links is the text going on, not a teaser's summary. */
#define BIG_PARA 40
/* trim_tail: a lone paragraph ends the run no longer when lines weighing
 * TAIL_GAP or more set it apart and the text before weighs TAIL_SHARE
 * times as much. */
#define TAIL_GAP 8
#define TAIL_SHARE 4
/* drop_signup: how far from the run's end a newsletter's box may start,
 * and the words of a paragraph that is more than its pitch. */
#define SIGNUP_SPAN 6
#define SIGNUP_WORDS 25
/* cut_far_tail: a gap that weighs GAP_MIN or more, GAP_CHROME of it
 * chrome and repeats, ends the run when the text after it weighs less than
 * a GAP_SHARE-th of the text before. */
#define GAP_MIN 18
#define GAP_CHROME 12
#define GAP_SHARE 8
/* earlier_text: text before the main run that weighs at least
 * EARLIER_SHARE tenths of it is the article, when its own short lines weigh
 * at most 1/EARLIER_DENSE of it (a recipe's "Ingredients:" and "Method:"
 * between its lines; JOIN_DENSE would call that a list of teasers). */
#define EARLIER_SHARE 5
#define EARLIER_DENSE 5
/* build_blocks: in a scrape of one block a line, a line of WRAP_MIN bytes
 * or more that a line in lower case follows was wrapped by its author. */
#define WRAP_MIN 50

enum label {
    L_GOOD,   /* body paragraph */
    L_MEDIUM, /* some text, not clearly body */
    L_SHORT,  /* menu-like: few words, no sentence */
    L_CHROME, /* matched a chrome pattern (share, caption, dateline...) */
    L_DUP,    /* repeated in the page and not body text */
    L_TITLE,  /* the headline again */
};

typedef struct {
    const char *text;  /* NUL-terminated, inside the block buffer */
    size_t len;
    uint64_t hash;     /* of the folded text (see fold_hash) */
    unsigned words, stops, caps, alpha_words, cjk, marks, commas;
    unsigned eff;      /* words, counting two CJK characters as one */
    int ends_sentence;
    int titlecase;     /* short and Most Words Capitalised: a menu or headline */
    int blank_before;  /* a blank line came before it in the input */
    int hard;          /* chrome no article text looks like (credits, (c), slugs) */
    int list;          /* starts with a list marker: authored text, not a menu */
    int kept;          /* went into the article body */
    int gap;           /* between two stretches of the text: left out */
    int dated;         /* a short line with a date or clock time: a dateline, an item's stamp */
    int byline;        /* "By A. Writer", "Posted by ...", "by: ..." */
    long w;            /* weight in the search for the main text */
    unsigned count;    /* occurrences of the same folded text */
    size_t first;      /* index of the first occurrence */
    enum label label;
} block_t;

typedef struct {
    size_t off, len;
    int blank_before;
} line_t;

/* ---- decoding ---------------------------------------------------------- */

/* One code point of the well-formed UTF-8 s[0..n) at s[*i]. */
static inline uint32_t next_cp(const unsigned char *s, size_t n, size_t *i)
{
    if (s[*i] < 0x80) /* most text: no call */
        return s[(*i)++];
    size_t k;
    uint32_t c = ink_utf8_next(s + *i, n - *i, &k);
    *i += k;
    return c;
}

/* Returns malloc'd well-formed UTF-8 (BOM stripped) in *out, length *outlen. */
static int decode(const unsigned char *s, size_t n, char **out, size_t *outlen)
{
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        n -= 3;
    }
    if (charset_utf8_valid((const char *)s, n)) {
        char *o = malloc(n + 1);
        if (!o)
            return -1;
        memcpy(o, s, n);
        o[n] = '\0';
        *out = o;
        *outlen = n;
        return 0;
    }
    /* Not UTF-8: every byte one Windows-1252 character; the five bytes it
     * leaves undefined become C1 controls, which split_lines drops. */
    *out = charset_cp1252_to_utf8((const char *)s, n, CHARSET_HOLES_C1, outlen);
    return *out ? 0 : -1;
}

/* ---- line normalisation ------------------------------------------------ */

static int is_space_cp(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Invisible characters that only get in the way of matching and layout:
 * controls, zero-width and bidi marks, the BOM, soft hyphens (the packer
 * places its own hyphenation points). Not the zero-width joiner and
 * non-joiner: Persian and the Indic scripts spell with them. */
static int is_dropped_cp(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0x200B || (c >= 0x200E && c <= 0x200F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
           (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

typedef struct {
    line_t *v;
    size_t n, cap;
} lines_t;

static int lines_push(lines_t *l, size_t off, size_t len, int blank_before)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        line_t *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return -1;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n].off = off;
    l->v[l->n].len = len;
    l->v[l->n].blank_before = blank_before;
    l->n++;
    return 0;
}

/* Rewrites t[0..n) in place (output never grows) as NUL-terminated,
 * trimmed, space-collapsed lines; empty lines are not stored, only noted on
 * the next line. Returns 0, -1 (out of memory) or -2 (too many lines). */
static int split_lines(char *t, size_t n, lines_t *l)
{
    const unsigned char *s = (const unsigned char *)t;
    size_t i = 0, w = 0, start = 0;
    int space = 0, blank = 0, first = 1;
    while (i <= n) {
        uint32_t c;
        int eol;
        if (i == n) {
            eol = 1;
            c = '\n';
            i++;
        } else {
            c = next_cp(s, n, &i);
            eol = c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
            if (c == '\r' && i < n && s[i] == '\n')
                i++;
        }
        if (eol) {
            if (w > start) {
                if (l->n >= MAX_BLOCKS)
                    return -2;
                if (lines_push(l, start, w - start, blank && !first) < 0)
                    return -1;
                t[w++] = '\0';
                start = w;
                blank = 0;
                first = 0;
            } else {
                blank = 1;
            }
            space = 0;
            continue;
        }
        if (is_space_cp(c)) {
            space = w > start;
            continue;
        }
        if (is_dropped_cp(c))
            continue;
        if (space) {
            t[w++] = ' ';
            space = 0;
        }
        /* Writing never overtakes reading: every character read is at least
         * as long as what it becomes, and a pending space was read earlier. */
        w += ink_utf8_put(t + w, c);
    }
    return 0;
}

/* ---- block features ---------------------------------------------------- */

static const char *const stopwords[] = {
    /* English */
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if",
    "in", "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "out",
    "over", "said", "says", "she", "so", "than", "that", "the", "their", "them", "there",
    "they", "this", "to", "was", "we", "were", "what", "when", "which", "who", "will", "with",
    "would", "you",
    /* a few of the commonest in other Latin-script languages */
    "de", "la", "le", "les", "et", "des", "du", "en", "un", "une", "est", "que", "qui", "der",
    "die", "das", "und", "ist", "zu", "den", "von", "mit", "el", "los", "y", "se", "del",
    "las", "por", "con", "para", "na", "je", "v", "z", "do", "o", "e", "da", "il", "di", "che",
    /* German, French, Spanish, Italian, Portuguese, Dutch and Polish: a
     * line of a few words there has one or two of these too, and ten
     * articles and conjunctions alone left short sentences looking like
     * menus ("Backofen auf 200 °C vorheizen.") */
    "auf", "ein", "eine", "einen", "einem", "einer", "nicht", "sich", "es", "ich", "auch", "für",
    "im", "dem", "bei", "nach", "wie", "wird", "sind", "oder", "aus", "noch", "nur", "wir", "sie",
    "er", "hat", "kann", "wenn", "dass", "am", "um", "über", "vor", "zum", "zur", "als",
    "man", "durch", "pour", "dans", "sur", "pas", "au", "aux", "elle", "ce", "ces", "son", "sa",
    "ses", "sont", "ont", "avec", "plus", "nous", "vous", "ne", "lo", "al", "su", "sus", "como",
    "pero", "una", "fue", "ha", "este", "esta", "sobre", "per", "sono", "della", "nel",
    "gli", "si", "anche", "os", "uma", "não", "com", "em", "no", "ao", "dos", "het",
    "een", "van", "op", "te", "dat", "niet", "zijn", "voor", "met", "w", "się", "nie", "że",
    "jest", "od", "po", "za", "jak",
};

/* The stopwords in an open-addressed hash table, built once (the pack
 * cleans on several threads): a word costs a hash and a compare or two, not
 * a pass over the list. */
#define N_STOPWORDS (sizeof stopwords / sizeof *stopwords)
#define STOP_SLOTS 512
_Static_assert(N_STOPWORDS * 2 <= STOP_SLOTS, "the stopword table is at most half full");
static const char *stop_tab[STOP_SLOTS];
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static unsigned stop_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h & (STOP_SLOTS - 1);
}

static void stop_build(void)
{
    for (size_t i = 0; i < N_STOPWORDS; i++) {
        unsigned h = stop_hash(stopwords[i], strlen(stopwords[i]));
        while (stop_tab[h] && strcmp(stop_tab[h], stopwords[i]))
            h = (h + 1) & (STOP_SLOTS - 1);
        stop_tab[h] = stopwords[i];
    }
}

static int is_stopword(const char *w, size_t n)
{
    char lc[8];
    if (n == 0 || n >= sizeof lc)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        lc[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    lc[n] = '\0';
    pthread_once(&stop_once, stop_build);
    for (unsigned h = stop_hash(lc, n); stop_tab[h]; h = (h + 1) & (STOP_SLOTS - 1))
        if (!strcmp(stop_tab[h], lc))
            return 1;
    return 0;
}

static int is_alnum_ascii(unsigned c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_closer(uint32_t c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D ||
           c == 0xBB || c == 0x300D || c == 0x300F;
}

/* A word's last character that ends a sentence: . ! ? and the ellipsis,
 * the danda and double danda (Devanagari, Bengali and the other Indic
 * scripts share them), the Arabic question mark and the Urdu full stop, the
 * Armenian, Ethiopic and Myanmar full stops. (The ideographic full stop and
 * full-width ! ? are counted wherever they stand: CJK text has no spaces.) */
static int is_sentence_end(uint32_t c)
{
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x0964 || c == 0x0965 || c == 0x061F ||
           c == 0x06D4 || c == 0x0589 || c == 0x1362 || c == 0x104B;
}

/* A word that closes a sentence the way a chat does: a face drawn in
 * signs (":)", ";-)", "=)", ":D", "xD", "^^", "<3"), whole or after the
 * word's letters ("Arbeit^^"), or a pictograph (smiley_cp). */
static int smiley(const char *w, size_t n)
{
    static const char *const faces[] = {":)", ";)", ":-)", ";-)", "=)", ":=)", ":D", ";D", ":-D", "xD", "XD",
                                        "^^", "<3", ":P", ";P", ":-P", ";-P"};
    /* every face is two signs or more and ends in one of these: most
     * words are turned away here, without a look at the list */
    char z = n >= 2 ? w[n - 1] : 0;
    if (z != ')' && z != 'D' && z != 'P' && z != '^' && z != '3')
        return 0;
    for (size_t k = 0; k < sizeof faces / sizeof *faces; k++) {
        size_t fl = strlen(faces[k]);
        if (n >= fl && memcmp(w + n - fl, faces[k], fl) == 0 &&
            (n == fl || !is_alnum_ascii((unsigned char)faces[k][0])))
            return 1;
    }
    return 0;
}

/* Faces and hearts among the pictographs (U+1F300..U+1FAFF, U+263A,
 * U+2665, U+2764); arrows and dingbats (a menu's "❯") are not. */
static int smiley_cp(uint32_t c)
{
    return (c >= 0x1F300 && c <= 0x1FAFF) || c == 0x263A || c == 0x2665 || c == 0x2764;
}

static int is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

/* Hash of the text with case, punctuation and spacing folded away, so the
 * same line with a different dash or trailing space still counts as a repeat. */
static uint64_t fold_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (c < 0x80 && !is_alnum_ascii(c))
            continue;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        h = (h ^ c) * 1099511628211ull;
        any = 1;
    }
    return any ? h : 0;
}

static void measure(block_t *b)
{
    const unsigned char *s = (const unsigned char *)b->text;
    size_t i = 0, n = b->len, wstart = 0;
    uint32_t last = 0, wlast = 0;
    int inword = 0, wend = 0;
    while (i <= n) {
        if (i < n && is_alnum_ascii(s[i])) {
            /* most text: a run of ASCII letters and digits, which do no
             * more below than open a word and be its last character */
            if (!inword) {
                inword = 1;
                wstart = i;
            }
            while (i < n && is_alnum_ascii(s[i]))
                i++;
            last = wlast = s[i - 1];
            continue;
        }
        size_t at = i;
        uint32_t c = ' ';
        if (i < n)
            c = next_cp(s, n, &i);
        else
            i++;
        if (c == ' ') {
            if (inword) {
                const char *w = b->text + wstart;
                size_t wl = at - wstart;
                /* strip ASCII punctuation around the word for the stopword test */
                while (wl && (unsigned char)w[0] < 0x80 && !is_alnum_ascii((unsigned char)w[0]))
                    w++, wl--;
                while (wl && (unsigned char)w[wl - 1] < 0x80 &&
                       !is_alnum_ascii((unsigned char)w[wl - 1]))
                    wl--;
                b->words++;
                b->stops += (unsigned)is_stopword(w, wl);
                if (wl && ((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z'))) {
                    b->alpha_words++;
                    b->caps += w[0] >= 'A' && w[0] <= 'Z';
                }
                /* a sentence ends where a word ends in a full stop, ! ? or
                 * an ellipsis (is_sentence_end), closing quotes and
                 * brackets aside */
                int end = is_sentence_end(wlast) ||
                          (b->words > 1 && (smiley_cp(wlast) || smiley(b->text + wstart, at - wstart)));
                b->marks += (unsigned)end;
                wend = end;
            }
            inword = 0;
            continue;
        }
        if (!inword) {
            inword = 1;
            wstart = at;
        }
        if (is_cjk(c))
            b->cjk++;
        if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F)
            b->marks++;
        if (c == ',' || c == 0xFF0C || c == 0x3001)
            b->commas++;
        if (!is_closer(c) && c != 0xFE0F) /* a pictograph's variation selector aside */
            last = wlast = c;
    }
    b->ends_sentence = is_sentence_end(last) || last == 0x3002 || last == 0xFF01 || last == 0xFF1F || wend ||
                       (b->words > 1 && smiley_cp(last));
    b->eff = b->words + b->cjk / 2;
    /* html2scrape and copy-paste keep authored bullets ("+ ", "* ", "- ",
     * "• ") but menus come out bare */
    b->list = b->len > 2 && b->text[1] == ' ' &&
              (b->text[0] == '+' || b->text[0] == '*' || b->text[0] == '-');
    if (b->len > 4 && memcmp(b->text, "\xe2\x80\xa2 ", 4) == 0)
        b->list = 1;
    b->titlecase = b->alpha_words >= 3 && b->words <= 15 && b->caps * 10 >= b->alpha_words * 7;
}

/* ---- chrome patterns --------------------------------------------------- */

/* Lower-cased copy of the first LC_MAX bytes of s, for pattern tests. */
static void lower_prefix(const char *s, size_t n, char *lc)
{
    if (n > LC_MAX)
        n = LC_MAX;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        lc[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        /* Latin-1's capitals (U+00C0..U+00DE but U+00D7) as well, so that
         * the word lists below can hold "ähnliche" or "à lire aussi":
         * C3 80..9E becomes C3 A0..BE, the same length. */
        if ((unsigned char)c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)s[i + 1];
            lc[++i] = (char)(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
        }
    }
    lc[n] = '\0';
}

/* pat occurs in lc starting a word; with a trailing '*' it may continue
 * ("subscri*" matches "subscribe"), without it must end a word too. */
static int has_word(const char *lc, const char *pat)
{
    char pb[64];
    size_t pl = strlen(pat);
    int open = pl && pat[pl - 1] == '*';
    if (open)
        pl--;
    if (pl == 0 || pl >= sizeof pb)
        return 0;
    memcpy(pb, pat, pl);
    pb[pl] = '\0';
    int edge_a = is_alnum_ascii((unsigned char)pb[0]);
    int edge_z = is_alnum_ascii((unsigned char)pb[pl - 1]);
    for (const char *p = lc; (p = strstr(p, pb)) != NULL; p++) {
        if (edge_a && p > lc && is_alnum_ascii((unsigned char)p[-1]))
            continue;
        if (!open && edge_z && is_alnum_ascii((unsigned char)p[pl]))
            continue;
        return 1;
    }
    return 0;
}

/* A word ending in .com, .org or .net: a site's address. */
static int has_domain(const char *lc)
{
    static const char *const tlds[] = { ".com", ".org", ".net" };
    for (size_t t = 0; t < 3; t++)
        for (const char *p = lc; (p = strstr(p, tlds[t])) != NULL; p++)
            if (p > lc && is_alnum_ascii((unsigned char)p[-1]) && !is_alnum_ascii((unsigned char)p[4]))
                return 1;
    return 0;
}

static int has_any(const char *lc, const char *const *pats, size_t n)
{
    if (n < 16) {
        for (size_t i = 0; i < n; i++)
            if (has_word(lc, pats[i]))
                return 1;
        return 0;
    }
    /* a long list: the bytes lc holds first; a pattern with a byte lc
     * lacks is not in it, and most are turned away so, without a search */
    uint64_t in[4] = {0, 0, 0, 0};
    for (const unsigned char *p = (const unsigned char *)lc; *p; p++)
        in[*p >> 6] |= 1ull << (*p & 63);
    for (size_t i = 0; i < n; i++) {
        const unsigned char *q = (const unsigned char *)pats[i];
        while (*q && (*q == '*' || in[*q >> 6] >> (*q & 63) & 1))
            q++;
        if (!*q && has_word(lc, pats[i]))
            return 1;
    }
    return 0;
}

/* Calls to action and navigation: tested on short blocks only. */
static const char *const action_words[] = {
    "share", "sign in", "sign up", "sign out", "log in", "login", "log out", "logout",
    "subscri*", "newsletter*", "register*", "download*", "follow us", "bookmark*", "advertis*",
    "sponsored", "cookie*", "privacy", "terms of", "read more", "click here", "comment*",
    "recommended", "trending", "most read", "most popular", "also read", "skip to",
    "my account", "free trial", "back to top", "see all",
    "view all", "more from", "next article", "previous article", "live score", "my reads",
    "my offers", "copy link", "tweet", "notifications", "sitemap", "contact us", "about us",
    "jump to", "toggle", "upgrade", "donate", "support us", "edit profile",
    /* the same calls in the commonest other languages of the web */
    "teilen", "anmelden", "abmelden", "einloggen", "registrieren", "abonnieren", "datenschutz*",
    "impressum", "nutzungsbedingungen", "drucken", "nach oben", "zum seitenanfang", "weiterlesen",
    "mehr erfahren", "kommentar*", "zur startseite", "herunterladen",
    "compartir", "comparte", "iniciar sesión", "regístrate", "suscríbe*", "política de privacidad",
    "aviso legal", "leer más", "comentario*", "descargar",
    "partager", "se connecter", "s'abonner", "abonnez-vous", "mentions légales", "commentaire*", "télécharger",
    "condividi", "accedi", "registrati", "commenti", "compartilhar", "partilhar", "comentários",
    "podziel się", "udostępnij", "twittern", "drukuj", "imprimer", "imprimir",
};

/* Where to share or follow: a call to action on a line of a few words
 * ("Share on Facebook", "Follow us on Twitter"), a subject in a longer one
 * ("Zuckerberg offers peek at Facebook's acquisitions"). */
static const char *const platform_words[] = {
    "email", "e-mail", "facebook", "twitter", "whatsapp", "linkedin", "reddit", "pinterest", "instagram",
    "youtube", "rss",
};

/* Teasers and calls to action that lead a line ("Also Read | ...", "Get
 * Latest World News along with ..."): chrome however long the line runs. */
static const char *const lead_words[] = {
    "also read", "read also", "read more", "more from", "get latest", "continue reading",
    "story continues", "listen to this article", "create free account", "create an account",
    "create a free account", "click here", "download the", "advertisement", "recommended for you",
    "related:", "related stories", "related articles", "watch:", "watch now", "sign up for",
    "subscribe to", "follow us", "join our", "you may also like", "don't miss", "powered by",
    /* the same teasers in the commonest other languages of the web */
    "lesen sie auch", "lesen sie mehr", "lies auch", "mehr zum thema", "auch interessant",
    "das könnte sie auch interessieren", "das könnte dich auch interessieren", "weiterlesen",
    "zum artikel", "jetzt abonnieren", "folgen sie uns", "hier klicken",
    "lea también", "lea más", "lea:", "lee también", "lee más", "leer más", "vea también",
    "ver también", "te puede interesar", "le puede interesar", "también te puede interesar",
    "noticias relacionadas", "síguenos",
    "lire aussi", "à lire aussi", "lire la suite", "voir aussi", "à voir aussi", "sur le même sujet",
    "suivez-nous", "leggi anche", "leggi tutto", "potrebbe interessarti", "leia também", "leia mais",
    "veja também", "saiba mais", "lees ook", "lees meer", "czytaj też", "czytaj także",
    "zobacz też", "zobacz także", "czytaj więcej",
    /* a teaser's label, a player's offer to read the article aloud */
    "mira:", "ver:", "lee:", "read:", "see also", "siehe auch", "hier geht es zu", "hier geht's zu",
    "escucha esta nota", "escuchar esta nota", "artikel anhören", "artikel vorlesen", "écouter l'article",
    "écouter cet article",
    /* the way to the story before or after, before its headline */
    "previous article", "next article", "vorheriger artikel", "nächster artikel", "vorschau auf den nächsten artikel",
    "article suivant", "article précédent", "artículo anterior", "artículo siguiente", "siguiente artículo",
    "articolo precedente", "articolo successivo",
};

/* lc starts with one of pats (followed by a non-letter). */
static int starts_with_any(const char *lc, const char *const *pats, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (pats[i][0] && pats[i][0] != lc[0])
            continue; /* most differ in their first letter: no strlen or strncmp */
        size_t k = strlen(pats[i]);
        if (strncmp(lc, pats[i], k) == 0 && !(lc[k] >= 'a' && lc[k] <= 'z'))
            return 1;
    }
    return 0;
}

/* lc starts with one of lead_words, or with one glued to a capital that
 * follows in the text s ("Nächster ArtikelFDP-Landes..."). */
static int starts_with_lead(const char *lc, const char *s)
{
    /* lc is s lower-cased byte for byte: a word lc opens with s has too */
    for (size_t i = 0; i < sizeof lead_words / sizeof *lead_words; i++) {
        if (lead_words[i][0] && lead_words[i][0] != lc[0])
            continue; /* as in starts_with_any */
        size_t k = strlen(lead_words[i]);
        if (strncmp(lc, lead_words[i], k) == 0 && (!(lc[k] >= 'a' && lc[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
            return 1;
    }
    return 0;
}

/* Navigation words that are also ordinary English: only on lines of a few
 * words ("Home", "Open app", "More"), never on a subheading like "Coming home
 * to a new job". */
static const char *const nav_words[] = {
    "home", "open", "close", "more", "next", "previous", "prev", "following", "follow",
    "watch", "listen", "search", "print", "saved", "related", "deals", "offers", "trial",
    "menu", "loading", "app", "apps", "premium", "profile", "top",
    "startseite", "suche", "zurück", "weiter", "mehr", "wird geladen", "inicio", "buscar", "más",
    "accueil", "rechercher",
    /* a media player's and a form's buttons */
    "play", "pause", "replay", "mute", "unmute", "autoplay", "fullscreen", "full screen",
    "skip ad", "cancel", "copy", "copied", "remove",
};

/* Photo captions and credits; tested on blocks of up to 60 words. */
static const char *const caption_words[] = {
    "(pic source*", "pic source:", "photo:", "photo by", "photos:", "photo credit*",
    "photograph:", "photograph by", "image:", "image source*", "image caption*",
    "media caption", "getty images", "reuters/", "afp/", "ap/", "ap photo*", "credit:", "illustration:",
    "illustration by", "(file photo)", "file photo", "shutterstock", "via getty",
    "(photo*", "(image*", "(credit*", "caption:", "image illustrative", "photo d'illustration",
    "photo d’illustration",
};

/* Who wrote or checked the text, leading a line */
static const char *const credit_words[] = {
    "posted by", "written by", "reviewed by", "edited by", "reported by", "story by", "words by",
};

static const char *const month_names[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static const char *const wires[] = {
    "reuters", "ap", "associated press", "afp", "agence france-presse", "pti", "ani", "ians",
    "bloomberg", "upi", "dpa", "efe", "xinhua", "press association", "pa", "anadolu",
};

/* Month (1..12) named by the word at lc (3-letter prefix of the name), else 0. */
static int month_at(const char *lc)
{
    for (int m = 0; m < 12; m++) {
        if (strncmp(lc, month_names[m], 3) != 0)
            continue;
        size_t k = 3;
        while (lc[k] >= 'a' && lc[k] <= 'z')
            k++;
        /* "mar" must not match "market": accept the abbreviation, a dotted
         * abbreviation or a word of month length (Sept, March, ...). */
        if (k == 3 || k <= 9) {
            static const char *const full[] = {"january", "february", "march", "april", "may",
                                               "june", "july", "august", "september",
                                               "october", "november", "december"};
            if (k == 3 || strncmp(lc, full[m], k) == 0 || (m == 8 && k == 4))
                return m + 1;
        }
    }
    return 0;
}

/* Finds a date in a short dateline-like text: "Aug 26, 2023", "26 August
 * 2023", "2023-08-26". Writes "YYYY-MM-DD" to out[11]. Returns 1 if found. */
static int find_date(const char *lc, char out[11])
{
    int y = 0, m = 0, d = 0;
    for (const char *p = lc; *p; p++) {
        int boundary = p == lc || !is_alnum_ascii((unsigned char)p[-1]);
        if (!boundary)
            continue;
        if (p[0] >= '0' && p[0] <= '9') {
            const char *q = p;
            int v = 0, nd = 0;
            while (*q >= '0' && *q <= '9' && nd < 5)
                v = v * 10 + (*q++ - '0'), nd++;
            if (nd == 4 && q[0] == '-' && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' &&
                q[2] <= '9' && q[3] == '-' && q[4] >= '0' && q[4] <= '9' && q[5] >= '0' &&
                q[5] <= '9' && !(q[6] >= '0' && q[6] <= '9')) {
                y = v;
                m = (q[1] - '0') * 10 + (q[2] - '0');
                d = (q[4] - '0') * 10 + (q[5] - '0');
                break;
            }
            if (nd == 4 && v >= 1900 && v <= 2099 && !y)
                y = v;
            else if (nd <= 2 && v >= 1 && v <= 31 && !d && *q != ':')
                d = v;
            p = q - 1;
            continue;
        }
        if (!m && p[0] >= 'a' && p[0] <= 'z')
            m = month_at(p);
    }
    if (!y || !m || !d || m > 12 || d > 31)
        return 0;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
    return 1;
}

/* A clock time "7:17", "19:05". */
static int has_time(const char *lc)
{
    for (const char *p = lc; *p; p++)
        if (p[0] == ':' && p > lc && p[-1] >= '0' && p[-1] <= '9' && p[1] >= '0' &&
            p[1] <= '5' && p[2] >= '0' && p[2] <= '9' && !(p[3] >= '0' && p[3] <= '9'))
            return 1;
    return 0;
}

/* A decimal digit of any of the scripts a page may count in. */
static int is_digit_cp(uint32_t c)
{
    static const uint32_t zero[] = {'0',    0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66,
                                    0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x1040, 0xFF10};
    for (size_t i = 0; i < sizeof zero / sizeof *zero; i++)
        if (c >= zero[i] && c <= zero[i] + 9)
            return 1;
    return 0;
}

/* A clock time in any script's digits ("০৫:৪০", "٠٥:٤٠"): a dateline. */
static int has_clock(const char *s, size_t n)
{
    uint32_t before = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = next_cp((const unsigned char *)s, n, &i);
        if (c == ':' && is_digit_cp(before) && i < n) {
            size_t j = i;
            if (is_digit_cp(next_cp((const unsigned char *)s, n, &j)))
                return 1;
        }
        before = c;
    }
    return 0;
}

static int has_month_word(const char *lc)
{
    for (const char *p = lc; *p; p++)
        if ((p == lc || !is_alnum_ascii((unsigned char)p[-1])) && *p >= 'a' && *p <= 'z' &&
            month_at(p))
            return 1;
    return 0;
}

static int has_digit(const char *s)
{
    for (; *s; s++)
        if (*s >= '0' && *s <= '9')
            return 1;
    return 0;
}

/* "UKRAINE-CRISIS-RUSSIA-IRAN:" at the start: an agency's story slug. */
static int is_wire_slug(const char *s)
{
    size_t i = 0, seg = 0, hyph = 0;
    for (;; i++) {
        char c = s[i];
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            seg++;
            continue;
        }
        if (c == '-' && seg) {
            hyph++;
            seg = 0;
            continue;
        }
        break;
    }
    return hyph >= 1 && seg >= 2 && s[i] == ':';
}

/* "New Delhi 0C", "London 12°C": a weather widget. */
static int is_weather(const block_t *b)
{
    if (b->words > 6 || b->len < 2)
        return 0;
    const char *s = b->text;
    size_t n = b->len;
    if (s[n - 1] != 'C' && s[n - 1] != 'F')
        return 0;
    n--;
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xB0)
        n -= 2;
    size_t d = n;
    while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d == n)
        return 0;
    if (d > 0 && s[d - 1] == '-')
        d--;
    return d == 0 || s[d - 1] == ' ';
}

/* A file's size set apart as a download's link gives it: "(123 KB)",
 * "PDF | 38 KB", "(PDF, 7MB, ...)". An article's sizes ("reduced to
 * 3MB") and a table's cells ("71.1 MB") follow no bracket, bar or comma. */
static int has_file_size(const char *lc)
{
    for (const char *p = lc; *p; p++) {
        if (!(*p >= '0' && *p <= '9') || p == lc || is_alnum_ascii((unsigned char)p[-1]) ||
            ((p[-1] == ',' || p[-1] == '.') && p - 1 > lc && p[-2] >= '0' && p[-2] <= '9'))
            continue; /* not where a number starts ("3,5": the 5) */
        const char *o = p - 1;
        while (o > lc && *o == ' ')
            o--;
        if (*o != '(' && *o != '|' && *o != ',')
            continue;
        const char *q = p;
        while ((*q >= '0' && *q <= '9') || ((*q == ',' || *q == '.') && q[1] >= '0' && q[1] <= '9'))
            q++;
        if (*q == ' ')
            q++;
        if ((q[0] == 'k' || q[0] == 'm' || q[0] == 'g') && q[1] == 'b' && !is_alnum_ascii((unsigned char)q[2]))
            return 1;
        p = q - 1;
    }
    return 0;
}

/* A bar of links or a breadcrumb: three parts or more between bars, each
 * of a few words ("Start|Magazin|Coole Tipps", "Impressum | Datenschutz |
 * AGB"), or between dashes, dots or arrows on a line that is no sentence
 * ("Archive – RSS – Impressum – Datenschutz", "Branding · Terms · Privacy",
 * "Home » Vegan Desserts » Peanut Butter Truffles"); a sentence does not
 * come in such parts. Dashes also set out a list's lines in the text
 * ("Drama - Featherboy", "Schools' Factual (primary) - Thinking Skills:
 * Think About It - Hiding Places"): between dashes, a bar has four parts
 * or more and each of 20 bytes at most. */
static int bar_of_links(const block_t *b)
{
    static const char *const seps[] = {"|",       " - ",     " \xe2\x80\x93 ", " \xc2\xb7 ", " \xe2\x80\xa2 ",
                                       " \xc2\xbb ", " \xe2\x80\xba ", " > "};
    const char *sep = NULL;
    size_t sl = 0;
    unsigned bars = 0;
    size_t part = 0;
    int dash = 0;
    for (size_t i = 0; i < b->len;) {
        size_t k = 0;
        if (!sep) {
            for (size_t s = 0; s < sizeof seps / sizeof *seps && !sep; s++)
                if (!strncmp(b->text + i, seps[s], strlen(seps[s])))
                    sep = seps[s], sl = strlen(sep);
            if (sep && sep[0] != '|' && b->ends_sentence)
                return 0;
            dash = sep && (!strcmp(sep, " - ") || !strcmp(sep, " \xe2\x80\x93 "));
            /* French quotes are no breadcrumb's arrows: « 1 » */
            if (sep && !strcmp(sep, " \xc2\xbb "))
                for (size_t j = 0; j + 1 < b->len; j++)
                    if ((unsigned char)b->text[j] == 0xc2 && (unsigned char)b->text[j + 1] == 0xab)
                        return 0;
        }
        if (sep && !strncmp(b->text + i, sep, sl))
            k = sl;
        if (k) {
            if (part == 0 || part > (dash ? 20 : 40))
                return 0;
            bars++;
            part = 0;
            i += k;
            continue;
        }
        if (b->text[i] != ' ' || part)
            part++;
        i++;
    }
    return bars >= (dash ? 3u : 2u) && part > 0 && part <= (dash ? 20 : 40);
}

/* ---- the cleaner ------------------------------------------------------- */

typedef struct {
    block_t *b;
    size_t n;
    char *title;        /* malloc'd */
    char *source, *byline, *date, *section;
    int foreign;        /* page is not mostly English: ignore stopwords */
} page_t;

static int stop_ok(const page_t *pg, const block_t *b)
{
    return pg->foreign || b->cjk > b->words || b->stops * 100 >= b->words * 10;
}

/* A cookie or consent banner, however long: it names cookies or consent
 * and at least two more of what such banners are made of (storage, data,
 * partners, tracking, preferences, the data law's name: DSGVO, GDPR,
 * RGPD, "by continuing to use this website, you agree"...), in the
 * languages of the web. An
 * article about cookie law is rarely written in the banner's vocabulary. */
static int is_consent_banner(const char *lc)
{
    static const char *const core[] = {
        "cookie*", "consent*", "einwillig*", "zustimm*", "consentement*", "consentimiento*",
        "consenso*", "toestemming*",
    };
    static const char *const more[] = {
        "privacy*", "datenschutz*", "personal data", "personenbezogen*", "third part*", "dritte*",
        "partner*", "tracking", "track*", "personalis*", "personaliz*", "preferences", "präferenzen",
        "speicher*", "store*", "storage", "technolog*", "withdraw*", "widerruf*", "accept*",
        "akzeptier*", "opt-out", "opt out", "marketing", "analytics", "statisti*", "advertis*",
        "werbung", "données", "datos", "navigation*", "navegación", "browsing", "browser*",
        "device*", "gerät*", "dienste*", "services", "verarbeit*", "processing", "dsgvo", "gdpr", "rgpd", "agree*", "continuing to use",
    };
    if (!has_any(lc, core, sizeof core / sizeof *core))
        return 0;
    int n = 0;
    for (size_t i = 0; i < sizeof more / sizeof *more && n < 3; i++)
        n += has_word(lc, more[i]);
    return n >= 3;
}

/* "All rights reserved" as sites print it under the text, in the
 * languages of the samples and the web's commonest (matched in the
 * lower-cased prefix, where Cyrillic and Greek capitals stay capitals: the
 * phrases start after the first word). */
static const char *const reserved[] = {
    "all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
    "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden",
    "wszelkie prawa zastrzeżone", "tüm hakları saklıdır",
    "права защищены", "права захищені", /* Russian, Ukrainian */
    "επιφύλαξη παντός δικαιώματος", /* Greek */
    "כל הזכויות שמורות", /* Hebrew */
    "الحقوق محفوظة", "کلیه حقوق", /* Arabic, Persian */
    "सर्वाधिकार सुरक्षित", "সর্বস্বত্ব সংরক্ষিত", /* Hindi, Bengali */
    "สงวนลิขสิทธิ์", /* Thai */
    "版权所有", "版權所有", "無断転載", "무단 전재", "무단전재", /* Chinese, Japanese, Korean */
};

/* A share button's label as a line of its own, in scripts whose words the
 * action list's "share" cannot reach (a whole line only: Thai runs a
 * paragraph's words together, so a part of a line may be text). */
static const char *const share_labels[] = {
    "แชร์", "แชร์ข่าวนี้", "แชร์บทความนี้", "分享", "分享到", "分享到：", "シェア", "シェアする", "공유", "공유하기",
    "Поделиться", "поделиться", "Поділитися", "поділитися", "مشاركة", "شارك", "اشتراک گذاری", "शेयर करें", "शेयर",
};

/* Labels one block from its own features and patterns. Also picks up the
 * source, byline and date lines it recognises. */
static enum label label_block(page_t *pg, block_t *b, size_t idx)
{
    char lc[LC_MAX + 1];
    lower_prefix(b->text, b->len, lc);
    int top = idx * 3 < pg->n + 6; /* metadata lines sit near the top */

    b->hard = 1;
    if (b->words <= 60 && (has_any(lc, caption_words, sizeof caption_words / sizeof *caption_words) ||
                           strstr(lc, "\xc2\xa9") || is_wire_slug(b->text)))
        return L_CHROME;
    if (b->words <= 25 && has_any(lc, reserved, sizeof reserved / sizeof *reserved))
        return L_CHROME;
    if (is_weather(b))
        return L_CHROME;
    if (b->words <= 12 && (strstr(lc, "http://") || strstr(lc, "https://") || strstr(lc, "www.")))
        return L_CHROME;
    if (b->words <= 25 && has_file_size(lc))
        return L_CHROME;
    if (b->words <= 20 && bar_of_links(b))
        return L_CHROME;
    /* a site's name as its address in a line of a few words: "Disclosures
     * Example.com", "Source: example.org" */
    if (b->words <= 4 && !b->ends_sentence &&
        has_domain(lc))
        return L_CHROME;
    if (b->words <= 6 && b->len >= 2 && b->text[b->len - 1] == '|') {
        if (top && !pg->source && b->len > 2) {
            size_t k = b->len - 1;
            while (k && b->text[k - 1] == ' ')
                k--;
            pg->source = article_strndup(b->text, k);
        }
        return L_CHROME;
    }
    if (b->words <= 3) {
        for (size_t i = 0; i < sizeof share_labels / sizeof *share_labels; i++)
            if (strcmp(lc, share_labels[i]) == 0)
                return L_CHROME;
        for (size_t i = 0; i < sizeof wires / sizeof *wires; i++)
            if (strcmp(lc, wires[i]) == 0) {
                if (top && !pg->source)
                    pg->source = article_strndup(b->text, b->len);
                return L_CHROME;
            }
    }
    b->hard = 0;
    if (b->words <= 25 && has_word(lc, "copyright"))
        return L_CHROME;
    if (is_consent_banner(lc))
        return L_CHROME;
    /* "By ...", "by: ...", "Posted by ...", "Reviewed by ...": who wrote or
     * checked it, whatever else the line then says */
    if (b->words <= 14 && (strncmp(lc, "by ", 3) == 0 || strncmp(lc, "by: ", 4) == 0 ||
                           starts_with_any(lc, credit_words, sizeof credit_words / sizeof *credit_words)))
        b->byline = 1;
    if (b->words >= 2 && b->words <= 8 && strncmp(lc, "by ", 3) == 0 && b->text[3] >= 'A' &&
        b->text[3] <= 'Z' && !b->ends_sentence) {
        if (top && !pg->byline)
            pg->byline = article_strndup(b->text + 3, b->len - 3);
        return L_CHROME;
    }
    if (b->words <= 14 && !b->ends_sentence &&
        (has_time(lc) || (has_month_word(lc) && has_digit(lc)) || has_word(lc, "ago") ||
         has_word(lc, "updated") || has_word(lc, "published"))) {
        char d[11];
        b->dated = 1;
        if (top && !pg->date && find_date(lc, d))
            pg->date = article_strndup(d, 10);
        return L_CHROME;
    }
    if (b->words <= 12 && b->marks <= 1 &&
        has_any(lc, action_words, sizeof action_words / sizeof *action_words))
        return L_CHROME;
    if (b->words <= 5 && b->marks <= 1 &&
        has_any(lc, platform_words, sizeof platform_words / sizeof *platform_words))
        return L_CHROME;
    if (b->words <= 30 && b->marks <= 1 && starts_with_lead(lc, b->text))
        return L_CHROME;
    /* "Join The Daily Post", "12 min read" */
    if (b->words <= 6 && !b->ends_sentence &&
        (strncmp(lc, "join ", 5) == 0 || has_word(lc, "min read") || has_word(lc, "minute read") ||
         has_word(lc, "mins read")))
        return L_CHROME;
    if (b->words <= 3 && !b->ends_sentence &&
        has_any(lc, nav_words, sizeof nav_words / sizeof *nav_words))
        return L_CHROME;

    int titlecase = b->titlecase;
    int cjk = b->cjk > b->words;
    if (cjk && b->eff >= 12)
        return L_GOOD; /* CJK prose often runs on without full stops */
    if (b->list && b->eff >= 3)
        return L_MEDIUM;
    if (b->eff >= 12 && b->marks >= 1 && stop_ok(pg, b) && !titlecase)
        return L_GOOD;
    if (b->eff >= 30 && stop_ok(pg, b))
        return L_GOOD;
    if (titlecase && !b->ends_sentence)
        return L_SHORT;
    if (b->eff < 6 && !b->marks)
        return L_SHORT;
    if (b->eff < 10 && !b->marks && !b->commas)
        return L_SHORT;
    return L_MEDIUM;
}

static int body_like(const page_t *pg, const block_t *b)
{
    return b->label == L_GOOD ||
           (b->label == L_MEDIUM && b->marks && b->eff >= 8 && stop_ok(pg, b) && !b->titlecase);
}

/* A line of a few words led by a number ("200 g Zucker", "1957-1959
 * Erster Bauabschnitt", "3. Klasse"): an ingredient, a step, a result or a
 * row of a table; menus and teasers lead with words. The number is a word
 * of its own (not "1Password"), and a line with a clock time is a dateline
 * ("25 พฤศจิกายน 2569 09:30 น."). */
static int counted(const block_t *b)
{
    if (b->eff < 2 || b->dated || !(b->text[0] >= '0' && b->text[0] <= '9') || has_clock(b->text, b->len))
        return 0;
    for (const char *p = b->text; *p && *p != ' '; p++)
        if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == ',' || *p == '/' || *p == '-' || *p == ')' ||
              (unsigned char)*p >= 0x80))
            return 0;
    return 1;
}

/* A line that is only a live ticker's stamp: a clock time ("18:05") or a
 * match's minute ("7'", "45+2'"). Each entry of a ticker has one, the same
 * minute often twice: neither chrome nor a repeat, the stamps weigh
 * nothing, so that the ticker's entries hold together. */
static int ticker_stamp(const block_t *b)
{
    const char *p = b->text, *z = b->text + b->len;
    size_t d = 0;
    while (p < z && *p >= '0' && *p <= '9')
        p++, d++;
    if (d == 0 || d > 3)
        return 0;
    if (p < z && *p == ':')
        return d <= 2 && z - p == 3 && p[1] >= '0' && p[1] <= '5' && p[2] >= '0' && p[2] <= '9';
    if (p < z && *p == '+') {
        p++;
        while (p < z && *p >= '0' && *p <= '9')
            p++;
    }
    return (z - p == 1 && *p == '\'') || (z - p == 3 && (!strncmp(p, "\xe2\x80\x99", 3) || !strncmp(p, "\xe2\x80\xb2", 3)));
}

/* Weight of a block in the search for the main text: body text pulls the
 * region over itself, chrome and menus push it away. */
static long weight(const page_t *pg, const block_t *b)
{
    if (b->label != L_TITLE && ticker_stamp(b))
        return 0;
    switch (b->label) {
    case L_GOOD: return b->eff < 10 ? 10 : (long)b->eff;
    case L_MEDIUM:
        return body_like(pg, b) || (b->marks && b->eff >= 4 && stop_ok(pg, b) && !b->titlecase) ||
                       b->list || (b->cjk > b->words && b->eff >= 8)
                   ? (long)b->eff / 2
                   : counted(b) ? 1 : -2;
    case L_SHORT:
        return counted(b) ? 1 : -4;
    case L_CHROME: return -7;
    case L_DUP: return -6;
    case L_TITLE: return 0;
    }
    return 0;
}

/* Headings that open what follows an article: related stories, comments,
 * promoted links. */
static const char *const after_words[] = {
    "related", "recommended", "more from", "more stories", "more like this", "more on this",
    "you may like", "you may also like", "you might also like", "you might like",
    "what to read next", "read next", "most popular", "most read", "most viewed", "popular",
    "trending", "top stories", "comments", "comment", "join the conversation",
    "leave a comment", "leave a reply", "other people are reading", "sponsored links",
    "promoted links", "promoted stories", "around the web", "from around the web",
    "from the web", "next story", "next article", "editors' picks", "editor's picks",
    "don't miss", "latest news", "latest stories", "further reading", "share",
    /* the same headings in the commonest other languages of the web */
    "weitere artikel", "weitere beiträge", "ähnliche artikel", "ähnliche beiträge",
    "verwandte artikel", "verwandte beiträge", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren", "auch interessant", "mehr zum thema", "beliebte beiträge",
    "neueste beiträge", "letzte beiträge", "kommentare", "kommentar", "ihre meinung",
    "schreibe einen kommentar", "hinterlasse einen kommentar", "top themen", "meistgelesen",
    "meist gelesen", "teilen",
    "noticias relacionadas", "artículos relacionados", "te puede interesar",
    "también te puede interesar", "lo más leído", "más leídas", "comentarios", "deja un comentario",
    "más noticias", "relacionado", "relacionados", "articles similaires", "sur le même sujet",
    "à lire aussi", "lire aussi", "commentaires", "laisser un commentaire", "les plus lus",
    "articoli correlati", "potrebbe interessarti", "commenti", "lascia un commento", "i più letti",
    "notícias relacionadas", "artigos relacionados", "comentários", "mais lidas",
    "gerelateerde artikelen", "reacties", "meest gelezen", "komentarze", "podobne artykuły",
    "najczęściej czytane", "otras noticias", "artikel zum thema", "über den autor", "zum autor",
    "about the author", "weitere tipps", "weitere informationen zum thema", "autres articles",
    "altre notizie", "outras notícias", "verwandte themen", "weitere themen", "latest articles",
    "explore further", "polecamy", "das könnte sie interessieren", "weiterführende links", "lesetipp",
    "lesetipps", "entdecke weitere", "entdecken sie jetzt", "entdecken sie mehr", "mehr entdecken",
    "discover more", "explore more", "über uns", "wir über uns", "über mich", "about us", "about me", "à propos",
    "sobre nosotros", "chi siamo",
    /* the article's keywords, listed under it */
    "tags", "schlagworte", "schlagwörter", "stichworte", "stichwörter", "etiquetas", "mots-clés", "tagi",
    /* Chinese: related reading, related news, recommended reading, popular picks */
    "相关阅读", "相关新闻", "相关文章", "推荐阅读", "热门推荐", "相關閱讀", "相關新聞",
};

/* The words that label the article's keywords (tags_label, tag_line). */
static const char *const tag_words[] = {
    "tags", "schlagworte", "schlagwörter", "stichworte", "stichwörter", "etiquetas", "mots-clés", "tagi",
};

/* The label of the article's keywords ("Tags", "Schlagworte:"): in a
 * scrape it opens the page's tail (after_words); a page's DOM leaves its
 * tag line to drop_date_lines, which takes the tags under it as well. */
static int tags_label(const char *lc)
{
    return starts_with_any(lc, tag_words, sizeof tag_words / sizeof *tag_words);
}

/* A comment thread's heading names the article after it ("3 thoughts on
 * “...”", "Ein Gedanke zu „...“"), however long its title. It ends a
 * scrape's text (prune_blocks); a page's DOM has set its thread apart
 * already, and Readability keeps what follows such a heading there. */
static int is_thread_heading(const block_t *b)
{
    static const char *const thread_words[] = {
        "thoughts on", "thought on", "responses to", "response to", "replies to", "comments on",
        "one thought on", "one response to", "one reply to", "one comment on",
        "gedanken zu", "gedanke zu", "antworten zu", "antwort zu", "kommentare zu", "kommentar zu",
        "ein gedanke zu", "eine antwort zu", "ein kommentar zu", "réponses à", "réponse à",
        "commentaires sur", "respuestas a", "comentarios en", "risposte a", "commenti su",
    };
    if (b->words > 40 || b->ends_sentence)
        return 0;
    char lc[LC_MAX + 1];
    lower_prefix(b->text, b->len, lc);
    const char *p = lc;
    while ((*p >= '0' && *p <= '9') || *p == ' ' || *p == ',')
        p++;
    if (starts_with_any(p, thread_words, sizeof thread_words / sizeof *thread_words))
        return 1;
    /* in any language: a count, a word or two and the quoted title that
     * ends the line ("5 Kommentare on “...”", "12 reacties op „...“"; not
     * a list's "26. A “Beware!” Door Sign") */
    const char *z = b->text + b->len;
    if (p == lc || p[-1] != ' ' ||
        !(z[-1] == '"' || (b->len >= 2 && strncmp(z - 2, "\xc2\xbb", 2) == 0) ||
          (b->len >= 3 && (strncmp(z - 3, "\xe2\x80\x9d", 3) == 0 || strncmp(z - 3, "\xe2\x80\x9c", 3) == 0))))
        return 0;
    for (int w = 0; w < 3 && *p; w++) {
        while (*p && *p != ' ')
            p++;
        while (*p == ' ')
            p++;
        if (strncmp(p, "\xe2\x80\x9c", 3) == 0 || strncmp(p, "\xe2\x80\x9e", 3) == 0 ||
            strncmp(p, "\xc2\xab", 2) == 0 || *p == '"')
            return w >= 1;
    }
    return 0;
}

/* The article's keywords as a line of their own: "TAGS: drama, eighties,
 * Music", "Schlagworte: Wein, Frankreich", however many. */
static int tag_line(const block_t *b)
{
    if (b->len < 6 || !memchr(b->text, ':', b->len < 16 ? b->len : 16))
        return 0;
    char lc[LC_MAX + 1];
    lower_prefix(b->text, b->len < 32 ? b->len : 32, lc);
    /* the label (tags_label's words) and its colon, a space before it at most */
    for (size_t i = 0; i < sizeof tag_words / sizeof *tag_words; i++) {
        size_t k = strlen(tag_words[i]);
        if (!strncmp(lc, tag_words[i], k) && (lc[k] == ':' || (lc[k] == ' ' && lc[k + 1] == ':')))
            return 1;
    }
    return 0;
}

static int is_after_heading(const block_t *b)
{
    if (b->words > 6 && !b->ends_sentence && b->words <= 40 && tag_line(b))
        return 1;
    if (b->words > 6 || b->ends_sentence)
        return 0;
    char lc[LC_MAX + 1];
    lower_prefix(b->text, b->len, lc);
    const char *p = lc;
    while ((*p >= '0' && *p <= '9') || *p == ' ' || *p == ',')
        p++; /* "12 Comments" */
    /* "Über Creeny", "About Jane": a blog's box on its writer */
    if (b->words == 2 && p == lc && (strncmp(lc, "\xc3\xbc" "ber ", 6) == 0 || strncmp(lc, "about ", 6) == 0)) {
        unsigned char c = (unsigned char)b->text[6]; /* the name's first letter */
        if ((c >= 'A' && c <= 'Z') || c >= 0x80)
            return 1;
    }
    return starts_with_any(p, after_words, sizeof after_words / sizeof *after_words);
}

/* The maximum-sum run [*rs, *re) of block weights within [from, to);
 * empty (*rs == *re == from) when no block weighs more than zero. */
static void best_run(const page_t *pg, size_t from, size_t to, size_t *rs, size_t *re)
{
    long best = 0, cur = 0;
    size_t cs = from;
    *rs = *re = from;
    for (size_t i = from; i < to; i++) {
        if (cur <= 0) {
            cur = 0;
            cs = i;
        }
        cur += pg->b[i].w;
        if (cur > best) {
            best = cur;
            *rs = cs;
            *re = i + 1;
        }
    }
}

/* A box of links inside the text ("Related" and three headlines) at the
 * heading i: a few short lines after it, then a paragraph of BIG_PARA or
 * more (a teaser's summary is shorter) and text up to the next heading
 * that opens the page's tail ("Further reading"), before end. */
static int inline_box(const page_t *pg, size_t i, size_t end)
{
    size_t j = i + 1;
    while (j < end && j <= i + 8 && pg->b[j].w <= 0 && pg->b[j].label != L_CHROME && !is_after_heading(&pg->b[j]))
        j++;
    if (j >= end || pg->b[j].w < BIG_PARA)
        return 0;
    while (j < end && pg->b[j].w > 0)
        j++;
    return j < end && is_after_heading(&pg->b[j]);
}

/* Stops the main text at a heading that opens the page's tail ("Related
 * stories", "Comments") once an article's worth of text lies before it and
 * the article does not go on after it: after it come teasers. When the
 * text does go on, the heading was a box's inside it, and the box's short
 * lines under it (eight at most, up to the next such heading) are left
 * out: its headlines. */
static size_t cut_at_boundary(page_t *pg, size_t rs, size_t re)
{
    /* From a backward pass: tail[k], the weight of the best stretch of
     * blocks inside [rs + k, re); runs[k], whether three blocks of text in
     * a row start there or later. Both linear, however many headings. */
    size_t n = re - rs;
    long *tail = malloc(2 * (n + 1) * sizeof *tail);
    if (!tail)
        return re;
    long *runs = tail + n + 1;
    long from = 0, seq = 0;
    tail[n] = runs[n] = 0;
    for (size_t k = n; k-- > 0;) {
        long w = pg->b[rs + k].w;
        from = w + (from > 0 ? from : 0);
        tail[k] = from > tail[k + 1] ? from : tail[k + 1];
        seq = w > 0 ? seq + 1 : 0;
        runs[k] = seq >= 3 || runs[k + 1];
    }
    long before = 0;
    size_t cut = re;
    for (size_t i = rs; i < re; i++) {
        const block_t *b = &pg->b[i];
        if (b->w > 0) {
            before += b->w;
            continue;
        }
        if (before < 50 || !is_after_heading(b))
            continue;
        /* The article goes on after the heading only if a run of
         * paragraphs follows and the best stretch of text after it weighs
         * at least a quarter of the text before: three teasers with a
         * summary each make a run too, but a short one. Nor does a box of
         * links inside the text end it (inline_box). */
        if ((!runs[i - rs + 1] || tail[i - rs + 1] * 4 < before) && !inline_box(pg, i, pg->n)) {
            cut = i;
            break;
        }
        /* the text goes on after the heading: the box's links under it go,
         * up to a label that opens a list of the text ("What You'll Need:") */
        for (size_t j = i + 1; j < re && j <= i + 8 && pg->b[j].w <= 0 && !is_after_heading(&pg->b[j]) &&
                               !(pg->b[j].len && pg->b[j].text[pg->b[j].len - 1] == ':');
             j++)
            pg->b[j].gap = 1;
    }
    free(tail);
    return cut;
}

/* A dated line that can stamp an item of a list: not one that holds a
 * sentence before its date ("Preis kann jetzt höher sein. Preis vom
 * 02.01.2023 10:40 Uhr", a shop box's notice under each product). A
 * sentence ends in a word of three letters or more, in lower case, and the
 * next begins with a capital; "26. Mai 2008" and "Jan. 5" do not. */
static int stamp_of_list(const block_t *b)
{
    if (!b->dated)
        return 0;
    for (size_t i = 3; i + 2 < b->len; i++) {
        const unsigned char *p = (const unsigned char *)b->text + i;
        if ((p[0] == '.' || p[0] == '!' || p[0] == '?') && p[1] == ' ' && p[2] >= 'A' && p[2] <= 'Z' &&
            p[-1] >= 'a' && p[-1] <= 'z' && p[-2] >= 'a' && p[-2] <= 'z' && p[-3] >= 'a' && p[-3] <= 'z')
            return 0;
    }
    return 1;
}

/* Comments, a live feed, a list of dated teasers: items of text, each with
 * its own date or time stamp, a few blocks apart. An article has a dateline
 * or two. Returns where such a list starts inside [rs, re) once an
 * article's worth of text lies before it (at its heading if one opens it
 * shortly before: "12 Comments", "View comments"), else re. *end is
 * set past the list's last stamp: the list goes on while a stamp follows
 * the one before within eight blocks. */
static size_t dated_list(const page_t *pg, size_t rs, size_t re, size_t *end)
{
    *end = re;
    long before = 0;
    for (size_t i = rs; i < re; i++) {
        const block_t *b = &pg->b[i];
        if (b->w > 0)
            before += b->w;
        if (!stamp_of_list(b) || before < 100)
            continue;
        size_t last = i;
        unsigned items = 0, miss = 0, glued = 0;
        int text = 0;
        for (size_t j = i + 1; j < re && j <= last + 8 && items < 3 && miss < 2 && glued < 3; j++) {
            const block_t *c = &pg->b[j];
            if (!stamp_of_list(c)) {
                text |= c->eff >= 4;
                continue;
            }
            if (j > last + 1) {
                items += text;
                miss += !text;
            } else {
                glued++; /* a stamp over two lines counts once */
            }
            text = 0;
            last = j;
        }
        if (items < 3)
            continue;
        for (size_t j = last + 1; j < re && j <= last + 8; j++)
            if (stamp_of_list(&pg->b[j]))
                last = j;
        *end = last + 1;
        size_t cut = i;
        for (size_t k = i; k > rs && k + 25 > i; k--)
            if (is_after_heading(&pg->b[k - 1])) {
                cut = k - 1;
                break;
            }
        if (cut == i)
            while (cut > rs && pg->b[cut - 1].w <= 0)
                cut--;
        return cut;
    }
    return re;
}

static long run_sum(const page_t *pg, size_t from, size_t to)
{
    long s = 0;
    for (size_t i = from; i < to; i++)
        s += pg->b[i].w;
    return s;
}

/* The text's first paragraphs may stand apart from the rest, behind a
 * contents list, a gallery or an embed whose lines weigh more than they
 * do. The best run before the main one [rs, re) joins it when it weighs
 * JOIN_MIN or more (and a fiftieth of the main run), is dense text (its own
 * short lines weigh at most 1/JOIN_DENSE of it: not teasers between
 * headlines) and no heading that opens a page's tail lies between. The
 * lines between stay when they weigh less than JOIN_GAP times the part
 * joined (a list, a table, captions), else they are marked left out (a
 * menu). Returns the new start; a few joins at most, so that the pass
 * stays linear. */
static size_t join_before(page_t *pg, size_t begin, size_t rs, size_t re)
{
    long main = run_sum(pg, rs, re);
    for (int k = 0; k < 8; k++) {
        size_t ps, pe;
        best_run(pg, begin, rs, &ps, &pe);
        if (ps == pe)
            break;
        long w = run_sum(pg, ps, pe), neg = 0;
        for (size_t i = ps; i < pe; i++)
            neg -= pg->b[i].w < 0 ? pg->b[i].w : 0;
        if (w < JOIN_MIN || w * 50 < main || neg * JOIN_DENSE > w + neg)
            break;
        size_t i = pe;
        while (i < rs && !is_after_heading(&pg->b[i]))
            i++;
        if (i < rs)
            break;
        if (-run_sum(pg, pe, rs) > JOIN_GAP * w)
            for (i = pe; i < rs; i++)
                pg->b[i].gap = 1;
        main += w;
        rs = ps;
    }
    return rs;
}

/* The article comes before what follows it: a short post before its
 * comments, a page's text before the site's words on itself, its legal
 * notes and its newsletter's offer, which may together weigh more. The best
 * run before the main one [*rs, *re) is taken instead when it weighs at
 * least EARLIER_SHARE tenths of it, holds two blocks of text or more and is
 * dense (as in join_before, with EARLIER_DENSE). */
static void earlier_text(const page_t *pg, size_t begin, size_t *rs, size_t *re)
{
    size_t ps, pe, to = *rs;
    /* the article comes before its comments */
    for (size_t i = begin; i < *rs; i++)
        if (is_thread_heading(&pg->b[i])) {
            to = i;
            break;
        }
    best_run(pg, begin, to, &ps, &pe);
    long w = run_sum(pg, ps, pe), neg = 0;
    unsigned paras = 0;
    for (size_t i = ps; i < pe; i++) {
        neg -= pg->b[i].w < 0 ? pg->b[i].w : 0;
        paras += pg->b[i].w > 0;
    }
    if (paras >= 2 && w * 10 >= run_sum(pg, *rs, *re) * EARLIER_SHARE && neg * EARLIER_DENSE <= w + neg) {
        *rs = ps;
        *re = pe;
    }
}

/* The text goes on after a list or a table of short lines (a list of
 * principles, the rows of a table) that weighs more than the text before
 * or after it: the best run after the main one [rs, re), up to lim, joins
 * it when it holds two blocks of text or more, is dense (as in
 * join_before) and only short lines and sentences lie between: no chrome,
 * no repeated line, no heading that opens a page's tail. */
static size_t join_after(page_t *pg, size_t rs, size_t re, size_t lim)
{
    long main = run_sum(pg, rs, re);
    for (int k = 0; k < 8; k++) {
        size_t stop = re, ns, ne;
        while (stop < lim && pg->b[stop].label != L_CHROME && pg->b[stop].label != L_DUP &&
               pg->b[stop].label != L_TITLE && !is_after_heading(&pg->b[stop]))
            stop++;
        best_run(pg, re, stop, &ns, &ne);
        if (ns == ne)
            break;
        long w = run_sum(pg, ns, ne), neg = 0;
        unsigned paras = 0;
        for (size_t i = ns; i < ne; i++) {
            neg -= pg->b[i].w < 0 ? pg->b[i].w : 0;
            paras += pg->b[i].w > 0;
        }
        if (w < JOIN_MIN || w * 50 < main || neg * JOIN_DENSE > w + neg || paras < 2)
            break;
        main += w;
        re = ne;
    }
    return re;
}

/* Who wrote it, in a line or two after the text: "Perry Bacon Jr. is a
 * senior writer for ...", "Jake is the co-founder of ...", "Inga Buller
 * ist Head of Social ...". */
static int author_note(const block_t *b)
{
    static const char *const roles[] = {
        "writer", "editor", "reporter", "journalist*", "correspondent", "columnist", "founder",
        "co-founder", "professor", "author", "contributor", "expert", "redakteur*", "autor*",
        "journalistin", "korrespondent*", "gründer*", "professorin", "expertin", "head of",
        "rédact*", "periodista", "redactor*", "escritor*",
    };
    static const char *const verbs[] = {"is", "was", "ist", "war", "est", "es", "lehrt", "writes", "schreibt", "teaches"};
    /* who teaches at a university has a role of its own: "Philipp Sarasin
     * lehrt Geschichte der Neuzeit an der Universität Zürich", "... teaches
     * history at the University of ..." */
    static const char *const schools[] = {"universit*", "hochschul*", "fachhochschul*"};
    /* what a writer covers is a role of its own: "Evan Halper writes about
     * policy", "schreibt über Politik" */
    static const char *const beats[] = {"about", "über", "sur"};
    if (b->words > 80 || b->words < 5)
        return 0;
    char lc[LC_MAX + 1];
    lower_prefix(b->text, b->len, lc);
    /* the verb among the first six words, the role after it */
    const char *p = lc;
    for (int w = 0; w < 6 && *p; w++) {
        for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
            size_t k = strlen(verbs[v]);
            if (strncmp(p, verbs[v], k) == 0 && p[k] == ' ' && w >= 1)
                return has_any(p + k, roles, sizeof roles / sizeof *roles) ||
                       ((v == 7 || v == 8) && starts_with_any(p + k + 1, beats, sizeof beats / sizeof *beats)) ||
                       ((v == 6 || v == 9) && has_any(p + k, schools, sizeof schools / sizeof *schools));
        }
        while (*p && *p != ' ')
            p++;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* The channels a site calls its readers to (tail_prompt; prune_blocks:
 * a heading of the page's tail, "Unsere Newsletter"). */
static const char *const channels[] = {
    "app", "apps", "newsletter*", "inbox", "postfach", "telegram", "whatsapp", "twitter", "instagram",
    "facebook", "youtube", "e-mail", "email", "podcast*", "rss", "feed", "canal", "kanal",
};

/* A call to follow the site, get its app or its newsletter, closing the
 * text: "Follow The Gleaner on Twitter...", "For the latest stories
 * download the apps", "Get regular updates straight to your inbox", "Únete
 * a nuestro canal de Telegram". A channel and a call, in a paragraph of a
 * few sentences at most. */
static int tail_prompt(const block_t *b)
{
    static const char *const calls[] = {
        "follow", "download*", "subscribe*", "get the latest", "get regular",
        "straight to", "directly to", "direkt in", "folge*", "folgen", "abonnier*", "melde dich",
        "melden sie sich", "lade*", "únete", "síguenos", "suscríbe*", "descarga*", "suivez*",
        "abonnez*", "téléchargez*", "inscrivez*",
    };
    if (b->words > 45 || b->words < 3)
        return 0;
    char lc[LC_MAX + 1];
    lower_prefix(b->text, b->len, lc);
    return has_any(lc, channels, sizeof channels / sizeof *channels) &&
           has_any(lc, calls, sizeof calls / sizeof *calls);
}

/* A short line, six words at most, that asks the reader on or leads into
 * what comes next ("Sie wollen mehr von uns?", "Was denkst du?", "Mehr
 * dazu:"): as the run's last line, it belongs to what follows the
 * text, a form, a box of links or the comments. */
static int asks_on(const block_t *b)
{
    char z = b->len ? b->text[b->len - 1] : 0;
    return b->words <= 6 && !b->list && (z == '?' || z == ':');
}

/* The run's end without the author's notes and calls to follow that close
 * it (two at most, with the short lines around them). */
static size_t drop_notes(const page_t *pg, size_t rs, size_t re)
{
    for (int k = 0; k < 2; k++) {
        size_t j = re;
        while (j > rs + 1 && pg->b[j - 1].w <= 0 && !author_note(&pg->b[j - 1]))
            j--;
        if (j <= rs + 1 || !(author_note(&pg->b[j - 1]) || tail_prompt(&pg->b[j - 1])))
            break;
        re = j - 1;
    }
    return re;
}

/* The run's start without the author's note that opens it (a bio over
 * the text: "Jacob Wade is a personal finance expert who ...") when the
 * text goes on after it with two paragraphs or more; it is marked as a
 * byline, which the standfirst is not. */
static size_t drop_head_notes(page_t *pg, size_t rs, size_t re)
{
    if (rs >= re || !author_note(&pg->b[rs]))
        return rs;
    unsigned paras = 0;
    for (size_t i = rs + 1; i < re && paras < 2; i++)
        paras += pg->b[i].w > 0;
    if (paras < 2)
        return rs;
    pg->b[rs].byline = 1; /* not the standfirst either */
    for (size_t i = rs + 1; i < re; i++)
        if (pg->b[i].hash == pg->b[rs].hash)
            pg->b[i].gap = 1; /* nor its copy in the author's box under the text */
    return rs + 1;
}

/* The line just before the run when it leads into the text: a short line
 * that ends in a colon or a comma ("Leitsätze des Gerichts:", "Dear
 * readers,"), not chrome nor a repeat, nor a list of tags. */
static size_t lead_in(const page_t *pg, size_t begin, size_t rs)
{
    if (rs <= begin)
        return rs;
    const block_t *b = &pg->b[rs - 1];
    char z = b->len ? b->text[b->len - 1] : 0;
    if ((b->label != L_SHORT && b->label != L_MEDIUM) || b->commas > 1 || b->words < 2 || (z != ':' && z != ','))
        return rs;
    return rs - 1;
}

/* A newsletter's sign-up box that closes the run: a line of chrome that
 * names the newsletter ("Newsletter", "Subscribe to my free statistics
 * newsletter") among the run's last SIGNUP_SPAN blocks, with only short
 * lines and paragraphs of fewer than SIGNUP_WORDS words after it (its
 * pitch, its note on consent) and more text before it than after. */
static size_t drop_signup(const page_t *pg, size_t rs, size_t re)
{
    long after = 0;
    int box = 0; /* a line of chrome after it: the box's button or its note */
    for (size_t i = re; i-- > rs + 1 && re - i <= SIGNUP_SPAN;) {
        const block_t *b = &pg->b[i];
        if (b->words >= SIGNUP_WORDS)
            return re;
        if (b->label == L_CHROME) {
            char lc[LC_MAX + 1];
            lower_prefix(b->text, b->len, lc);
            if ((has_word(lc, "newsletter*") || tail_prompt(b)) && run_sum(pg, rs, i) > 2 * after && (box || !after))
                return i;
            box = 1;
        }
        after += b->w > 0 ? b->w : 0;
    }
    return re;
}

/* The run's end without the author's notes and calls that close it (before and
 * after), nor a lone
 * paragraph that lines of chrome or menus set apart from the text: the
 * site's word on itself, a newsletter's offer, a bio; nor a newsletter's
 * sign-up box (drop_signup). */
static size_t trim_tail(const page_t *pg, size_t rs, size_t re)
{
    re = drop_notes(pg, rs, re);
    while (re > rs + 1 && asks_on(&pg->b[re - 1]))
        re--;
    size_t i = re;
    unsigned paras = 0;
    long lone = 0;
    while (i > rs && pg->b[i - 1].w > 0)
        paras++, lone += pg->b[--i].w;
    size_t g = i;
    long gap = 0;
    while (g > rs && pg->b[g - 1].w <= 0)
        gap += pg->b[--g].w;
    /* a picture between the paragraphs (its description and its caption,
     * the same line twice in a row: "Jan Hamáček, photo: Archives du
     * Gouvernement tchèque"), with a subheading at most, does not set the
     * text's last paragraph apart */
    size_t twins = 0;
    for (size_t k = g; k + 1 < i; k++)
        if (pg->b[k].hash && pg->b[k].hash == pg->b[k + 1].hash)
            twins++, k++;
    int picture = twins && i - g <= 2 * twins + 1;
    if (!picture && paras == 1 && g > rs && i - g >= 2 && gap <= -TAIL_GAP &&
        lone * TAIL_SHARE < run_sum(pg, rs, g))
        re = drop_notes(pg, rs, g); /* and what then closes the text */
    return drop_signup(pg, rs, re);
}

/* The text after the run's last wide gap of chrome (GAP_MIN, GAP_CHROME)
 * when it weighs less than a GAP_SHARE-th of the text before: a site's
 * words on itself, its newsletter's offer, its ad-blocker plea, a bio after
 * the share buttons and the links to other stories. Not when half of the
 * gap's lines stood in the text before: the pictures and advertisements an
 * article has between its paragraphs (lazy-image-2). Up to four such tails. */
static size_t cut_far_tail(const page_t *pg, size_t rs, size_t re)
{
    for (int round = 0; round < 4; round++) {
        /* from the end, the stretches of text and the gaps between them,
         * back to the last wide gap [g, i) that text follows */
        size_t i = re, g = re;
        while (i > rs) {
            while (i > rs && pg->b[i - 1].w > 0)
                i--;
            long gap = 0, chrome = 0;
            for (g = i; g > rs && pg->b[g - 1].w <= 0; g--) {
                const block_t *b = &pg->b[g - 1];
                gap += b->w;
                chrome += b->label == L_CHROME || b->label == L_DUP ? b->w : 0;
            }
            if (g > rs && i < re && gap <= -GAP_MIN && chrome <= -GAP_CHROME)
                break;
            i = g;
        }
        if (i <= rs || g <= rs)
            return re;
        size_t lines = i - g, seen = 0;
        for (size_t k = g; k < i; k++)
            seen += pg->b[k].first >= rs && pg->b[k].first < g;
        if (seen * 2 >= lines || run_sum(pg, i, re) * GAP_SHARE >= run_sum(pg, rs, g))
            return re;
        re = g;
    }
    return re;
}

/* The page's own end inside the run: its notice of copyright ("All rights
 * reserved", "Copyright 2020 ...") in the page's last quarter, in a wide
 * gap of chrome (GAP_MIN) after an article's worth of text. What comes
 * after the page's footer, a dialog or a page kept hidden, is not the
 * article: the run ends before the gap. */
static size_t cut_at_footer(const page_t *pg, size_t rs, size_t re)
{
    long before = 0;
    for (size_t i = rs; i < re; i++) {
        const block_t *b = &pg->b[i];
        if (b->w > 0) {
            before += b->w;
            continue;
        }
        if (before < 50 || b->label != L_CHROME || b->words > 25 || i * 4 < pg->n * 3)
            continue;
        char lc[LC_MAX + 1];
        lower_prefix(b->text, b->len, lc);
        if (!has_word(lc, "copyright") && !has_any(lc, reserved, sizeof reserved / sizeof *reserved))
            continue;
        size_t g = i, h = i + 1;
        long gap = b->w;
        while (g > rs && pg->b[g - 1].w <= 0)
            gap += pg->b[--g].w;
        while (h < re && pg->b[h].w <= 0)
            gap += pg->b[h++].w;
        if (gap <= -GAP_MIN && h < re)
            return g;
    }
    return re;
}

/* Marks repeats: count and first occurrence of each folded text. */
static int find_repeats(page_t *pg)
{
    size_t cap = 64;
    while (cap < pg->n * 2)
        cap <<= 1;
    size_t *tab = malloc(cap * sizeof *tab);
    if (!tab)
        return -1;
    for (size_t i = 0; i < cap; i++)
        tab[i] = SIZE_MAX;
    for (size_t i = 0; i < pg->n; i++) {
        block_t *b = &pg->b[i];
        b->count = 1;
        b->first = i;
        if (!b->hash)
            continue;
        size_t h = (size_t)(b->hash ^ (b->hash >> 29)) & (cap - 1);
        while (tab[h] != SIZE_MAX && pg->b[tab[h]].hash != b->hash)
            h = (h + 1) & (cap - 1);
        if (tab[h] == SIZE_MAX) {
            tab[h] = i;
        } else {
            block_t *f = &pg->b[tab[h]];
            f->count++;
            b->first = tab[h];
        }
    }
    for (size_t i = 0; i < pg->n; i++)
        pg->b[i].count = pg->b[pg->b[i].first].count;
    free(tab);
    return 0;
}

/* Header " date YYYY-MM-DD Section / Sub / Title". The title is the last
 * " / " component, unless a longer tail (a title containing " / ") appears
 * as a line of its own. Returns 1 when the header was taken. */
static int parse_header(page_t *pg, const char *s)
{
    if (strncmp(s, "date ", 5) != 0)
        return 0;
    const char *d = s + 5;
    for (int i = 0; i < 10; i++) {
        int dig = i == 4 || i == 7 ? d[i] == '-' : d[i] >= '0' && d[i] <= '9';
        if (!dig)
            return 0;
    }
    if (d[10] != ' ' && d[10] != '\0')
        return 0;
    pg->date = article_strndup(d, 10);
    const char *r = d[10] ? d + 11 : d + 10;
    /* component starts */
    const char *starts[64];
    size_t nc = 0;
    starts[nc++] = r;
    for (const char *p = r; (p = strstr(p, " / ")) != NULL && nc < 64; p += 3)
        starts[nc++] = p + 3;
    size_t k = nc - 1;
    for (size_t j = 1; j + 1 < nc; j++) {
        uint64_t h = fold_hash(starts[j], strlen(starts[j]));
        int seen = 0;
        for (size_t i = 1; i < pg->n && !seen; i++)
            seen = pg->b[i].hash == h;
        if (seen) {
            k = j;
            break;
        }
    }
    if (*starts[k])
        pg->title = article_strndup(starts[k], strlen(starts[k]));
    if (k > 0) {
        const char *a = starts[k - 1];
        size_t n = (size_t)(starts[k] - 3 - a);
        if (n)
            pg->section = article_strndup(a, n);
    }
    return 1;
}

/* Lines that name something else than the article: navigation between
 * items or a gallery's count ("Gallery: X | 14 Photos", "Previous | Next"),
 * and attributions ("From the section ...", "From Wikipedia, the free
 * encyclopedia"). A headline has none of these. */
static int not_headline(const block_t *b)
{
    if (memchr(b->text, '|', b->len))
        return 1;
    /* a breadcrumb ("Home > News > ..."), a link to the next or previous
     * item ("← Older post"), a footnote ("* ab 75 € ...") */
    if (memchr(b->text, '>', b->len) || b->text[0] == '*')
        return 1;
    static const char *const arrows[] = {"\xe2\x86\x90", "\xe2\x86\x92", "\xc2\xab", "\xc2\xbb"};
    for (size_t k = 0; k < sizeof arrows / sizeof arrows[0]; k++) {
        size_t al = strlen(arrows[k]);
        if (b->len >= al && (!memcmp(b->text, arrows[k], al) || !memcmp(b->text + b->len - al, arrows[k], al)))
            return 1;
    }
    return b->eff <= 8 && !strncmp(b->text, "From ", 5);
}

/* A set of words (see each_word): open addressing over TITLE_SET slots, 0
 * marks an empty one; it holds the text's first TITLE_WORDS words. */
#define TITLE_SET 1024
#define TITLE_WORDS 600

/* The hashes of s[0..n)'s words of four bytes or more into out[], max of
 * them; returns how many. ASCII letters and digits fold to lower case, any
 * non-ASCII byte is part of a word, the rest parts words. */
static size_t each_word(const char *s, size_t n, uint64_t *out, size_t max)
{
    size_t k = 0, wl = 0;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i <= n && k < max; i++) {
        unsigned c = i < n ? (unsigned char)s[i] : ' ';
        if (c >= 0x80 || is_alnum_ascii(c)) {
            if (c >= 'A' && c <= 'Z')
                c += 32;
            h = (h ^ c) * 1099511628211ull;
            wl++;
            continue;
        }
        if (wl >= 4)
            out[k++] = h | 1;
        wl = 0;
        h = 1469598103934665603ull;
    }
    return k;
}

static void set_add(uint64_t *set, uint64_t h)
{
    size_t at = (size_t)(h >> 17) & (TITLE_SET - 1);
    while (set[at] && set[at] != h)
        at = (at + 1) & (TITLE_SET - 1);
    set[at] = h;
}

static int set_has(const uint64_t *set, uint64_t h)
{
    size_t at = (size_t)(h >> 17) & (TITLE_SET - 1);
    while (set[at]) {
        if (set[at] == h)
            return 1;
        at = (at + 1) & (TITLE_SET - 1);
    }
    return 0;
}

/* The main text's first TITLE_WORDS words into set. */
static void text_words(const page_t *pg, size_t rs, size_t re, uint64_t *set)
{
    uint64_t w[TITLE_WORDS];
    size_t have = 0;
    for (size_t i = rs; i < re && have < TITLE_WORDS; i++) {
        if (pg->b[i].label != L_GOOD)
            continue;
        size_t k = each_word(pg->b[i].text, pg->b[i].len, w, TITLE_WORDS - have);
        for (size_t j = 0; j < k; j++)
            set_add(set, w[j]);
        have += k;
    }
}

/* How many of b's longer words the text has: a headline names what the
 * text is about ("1Password für Mac generiert Einmal-Passwörter" over a
 * text on 1Password), a menu item or the next story's headline does not
 * ("Mac & i für das iPhone", "The priest saving LA's gang members"). */
static void shared_words(const block_t *b, const uint64_t *set, unsigned *hits, unsigned *all)
{
    uint64_t w[64];
    size_t k = each_word(b->text, b->len, w, 64);
    *hits = 0;
    for (size_t j = 0; j < k; j++)
        *hits += set_has(set, w[j]);
    *all = (unsigned)k;
}

/* Whether b has a letter at all: a line of figures ("4.3182 330 5 1", a
 * rating's widget) is no headline. Any non-ASCII character counts. */
static int has_letter(const block_t *b)
{
    for (size_t i = 0; i < b->len; i++) {
        unsigned char c = (unsigned char)b->text[i];
        if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return 1;
    }
    return 0;
}

/* Whether line i may be the headline at all: a line of a few words that
 * is not chrome, a byline, a dateline, a label, a line of navigation or of figures,
 * and not the text's own paragraph. */
static size_t credit_tail(const char *p, size_t n);

static int title_candidate(const page_t *pg, size_t i, size_t rs)
{
    const block_t *b = &pg->b[i];
    if (b->label == L_CHROME || b->eff < 2 || b->eff > 30 || b->len > 300 || b->len < 8)
        return 0;
    if (b->text[b->len - 1] == ':' || b->text[b->len - 1] == '|' || b->text[b->len - 1] == ',')
        return 0;
    if (i >= rs && b->label == L_GOOD)
        return 0;
    /* a picture's caption with its credit ("... (Foto Prensa Libre: Esbin
     * García)") */
    return !(b->byline || b->dated || not_headline(b) || !has_letter(b) || credit_tail(b->text, b->len) < b->len);
}

/* What guess_title weighs of a candidate line (see title_w). */
enum {
    TF_IN_TEXT,     /* at or after the text's first line */
    TF_DIST,        /* log(1 + lines before the text) / 4 */
    TF_BYLINE,      /* a byline or a dateline within four lines after it */
    TF_BYLINE_NEXT, /* ... right after it */
    TF_REPEATED,    /* the page has it twice or more */
    TF_COPY_AT_TEXT, /* a later copy within three lines of the text's start, */
    TF_COPY_SHARING, /* ... and the text has one of its longer words */
    TF_SHORT,       /* fewer than four words */
    TF_MIDDLE,      /* four to twenty words */
    TF_LOG_WORDS,   /* log(1 + words) / 3 */
    TF_SENTENCE,    /* ends as a sentence does */
    TF_TITLECASE,
    TF_SHARED,      /* share of its longer words the text has */
    TF_SHARES_ONE,  /* the text has one of them at least */
    TF_SHARES_HALF, /* two or more, half of them in the text */
    TF_GOOD,        /* the line's label (chrome is no candidate) */
    TF_MEDIUM,
    TF_SHORTLINE,
    TF_DUP,
    TF_TITLE,
    TF_COMMAS,      /* has a comma */
    TF_CAPS,        /* share of its words capitalised */
    TF_BLANK,       /* a blank line before it */
    TF_FIRST,       /* the first of its copies */
    TF_ASKS,        /* ends with '?' or '!' */
    TF_DASH,        /* " - " or " \xe2\x80\x93 " in it: a site's name after a headline */
    TF_COLON,       /* a ':' in it */
    TF_RANK,        /* among the candidates before the text, its place from the text's start (0, 0.1, ... 1) */
    TF_NEAREST,     /* the nearest candidate before the text */
    TF_TOP,         /* among the page's first three lines */
    TF_STOPS,       /* share of its words that are stop words */
    TF_N
};

/* The weights of guess_title's linear score, learned by
 * tests/train_title.py from the text scrapes of trafilatura's evaluation
 * pages (../shared/data/traf-dev), on each the line that is the headline
 * inkpress takes from the page's HTML being the one to pick (352 pages
 * have such a line among their candidates). Trained on one half of them,
 * it picks right on 120 and 122 of the 176 pages of the other half (69%;
 * the hand-set score it replaces: 62% of the 352); on the Readability
 * test pages' scrapes, held back, on 58 of the 71 that have their
 * expected title among the candidates (the hand-set score: 56). */
static const double title_w[TF_N] = {
#include "title_w.h"
};

static void title_features(const page_t *pg, size_t i, size_t rs, const uint64_t *set, size_t rank, double *f)
{
    const block_t *b = &pg->b[i];
    memset(f, 0, TF_N * sizeof *f);
    size_t dist = i < rs ? rs - i : 0;
    f[TF_IN_TEXT] = i >= rs;
    f[TF_DIST] = log1p((double)dist) / 4;
    for (size_t j = i + 1; j < pg->n && j <= i + 4; j++)
        if (pg->b[j].byline || pg->b[j].dated) {
            f[TF_BYLINE] = 1;
            f[TF_BYLINE_NEXT] = j == i + 1;
            break;
        }
    unsigned hits, all;
    shared_words(b, set, &hits, &all);
    f[TF_REPEATED] = b->count >= 2;
    if (b->count >= 2)
        for (size_t j = (rs > i + 3 ? rs - 3 : i + 1); j < pg->n && j <= rs + 3; j++)
            if (pg->b[j].hash == b->hash) {
                f[TF_COPY_AT_TEXT] = 1;
                f[TF_COPY_SHARING] = hits >= 1;
                break;
            }
    f[TF_SHORT] = b->eff < 4;
    f[TF_MIDDLE] = b->eff >= 4 && b->eff <= 20;
    f[TF_LOG_WORDS] = log1p((double)b->eff) / 3;
    f[TF_SENTENCE] = b->ends_sentence != 0;
    f[TF_TITLECASE] = b->titlecase != 0;
    f[TF_SHARED] = all ? (double)hits / all : 0;
    f[TF_SHARES_ONE] = hits >= 1;
    f[TF_SHARES_HALF] = all >= 2 && hits * 2 >= all;
    f[TF_GOOD] = b->label == L_GOOD;
    f[TF_MEDIUM] = b->label == L_MEDIUM;
    f[TF_SHORTLINE] = b->label == L_SHORT;
    f[TF_DUP] = b->label == L_DUP;
    f[TF_TITLE] = b->label == L_TITLE;
    f[TF_COMMAS] = b->commas > 0;
    f[TF_CAPS] = (double)b->caps / (b->words ? b->words : 1);
    f[TF_BLANK] = b->blank_before != 0;
    f[TF_FIRST] = b->first == i;
    char last = b->text[b->len - 1];
    f[TF_ASKS] = last == '?' || last == '!';
    f[TF_DASH] = strstr(b->text, " - ") || strstr(b->text, " \xe2\x80\x93 ");
    f[TF_COLON] = memchr(b->text, ':', b->len) != NULL;
    if (i < rs) {
        f[TF_RANK] = (double)(rank < 10 ? rank : 10) / 10;
        f[TF_NEAREST] = rank == 0;
    }
    f[TF_TOP] = i < 3;
    f[TF_STOPS] = (double)b->stops / (b->words ? b->words : 1);
}

/* Picks a headline when the scrape has no header: of the lines that may
 * be one, up to two lines into the text, the one of the highest score
 * (title_w), the first of equal ones. */
static size_t guess_title(const page_t *pg, size_t rs, const uint64_t *set)
{
    size_t lim = rs + 2 < pg->n ? rs + 2 : pg->n;
    size_t before = 0; /* candidates before the text */
    for (size_t i = 0; i < lim && i < rs; i++)
        before += title_candidate(pg, i, rs);
    size_t best = SIZE_MAX, seen = 0;
    double best_score = 0;
    for (size_t i = 0; i < lim; i++) {
        if (!title_candidate(pg, i, rs))
            continue;
        size_t rank = i < rs ? before - 1 - seen++ : 0;
        double f[TF_N], sc = 0;
        title_features(pg, i, rs, set, rank, f);
        for (size_t k = 0; k < TF_N; k++)
            sc += title_w[k] * f[k];
#ifdef INK_CLEAN_DEBUG
        fprintf(stderr, "TF\t%s", pg->b[i].text);
        for (size_t k = 0; k < TF_N; k++)
            fprintf(stderr, "\t%.6g", f[k]);
        fprintf(stderr, "\n");
#endif
        if (best == SIZE_MAX || sc > best_score) {
            best_score = sc;
            best = i;
        }
    }
    return best;
}

/* A title from the first sentence of the body when nothing else fits. */
static char *title_from_text(const char *s, size_t n)
{
    size_t k = 0, words = 0;
    while (k < n && words < 12) {
        if (s[k] == ' ')
            words++;
        if ((s[k] == '.' || s[k] == '!' || s[k] == '?') && (k + 1 == n || s[k + 1] == ' '))
            break;
        k++;
    }
    while (k > 0 && s[k - 1] == ' ')
        k--;
    if (k < n && k && (unsigned char)s[k] >= 0x80) {
        /* don't cut a UTF-8 sequence */
        while (k && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
    }
    return article_strndup(s, k);
}

/* A repeated line inside the main text that belongs to it: a section
 * heading the contents list gave before, a caption that repeats the
 * picture's description. A line said three times or more is a widget
 * ("Read in English", "Getty"); one given twice in a row is a teaser. */
/* A sentence of a page's header that may be its standfirst: body text,
 * not the headline th, a byline, a date or a headline-like line. */
/* The headline again in other words: a line holding the title's first
 * thirty bytes ("FOOD-COCOA/BRANNOCK:Chocolate maker Brannock raises ...
 * -company", "Headline - Section - Site"), or held in the title. */
static int restates(const char *title, const block_t *b)
{
    size_t n = strlen(title);
    if (n > 30)
        n = 30;
    while (n && ((unsigned char)title[n] & 0xC0) == 0x80)
        n--; /* whole characters */
    if (strstr(title, b->text))
        return 1;
    if (n < 12)
        return strstr(b->text, title) != NULL;
    for (const char *p = b->text; (p = strchr(p, title[0])) != NULL; p++)
        if (strncmp(p, title, n) == 0)
            return 1;
    return 0;
}

static int standfirst_like(const block_t *b, uint64_t th, const char *title, int edge, const uint64_t *set)
{
    int sentence = (b->label == L_GOOD || (b->label == L_MEDIUM && b->eff >= 6)) && b->ends_sentence;
    /* a subtitle: a line of words once on the page, just under the
     * headline or just over the text, that is not the headline again in
     * other words nor a dateline */
    int subtitle = edge && (b->label == L_MEDIUM || b->label == L_SHORT) && b->eff >= 6 && b->eff <= 40 &&
                   b->count == 1 && !restates(title, b) && !has_clock(b->text, b->len);
    if (subtitle && !sentence) {
        /* ... and that shares a word with the text (not the headline of
         * another story's video) */
        unsigned hits, all;
        shared_words(b, set, &hits, &all);
        subtitle = all < 2 || hits > 0;
    }
    if (!(sentence || subtitle) || b->byline || b->dated || b->hash == th || not_headline(b))
        return 0;
    char lc[LC_MAX + 1], ymd[11];
    lower_prefix(b->text, b->len, lc);
    return !find_date(lc, ymd) && !has_time(lc);
}

/* A short line inside the run [rs, re) beside a line of chrome, with no
 * text on either side ("Entdecken Sie jetzt" under a share bar, "Release
 * Date:" over a dateline, a widget's label): it goes with the chrome. A
 * subheading has text after it, a list's items are bulleted or stand
 * among each other; a line of a hundred bytes or more is no label (a Thai
 * paragraph has few spaces, so few words). */
static void beside_chrome(page_t *pg, size_t rs, size_t re)
{
    for (size_t k = rs + 1; k + 1 < re; k++) {
        const block_t *p = &pg->b[k - 1], *b = &pg->b[k], *n = &pg->b[k + 1];
        if (b->label != L_SHORT || b->list || b->len > 100 || p->w > 0 || n->w > 0)
            continue;
        if (p->label == L_CHROME || n->label == L_CHROME)
            pg->b[k].gap = 1;
    }
}

static int echo(const page_t *pg, size_t i)
{
    const block_t *b = &pg->b[i];
    return b->count == 2 && (i == 0 || pg->b[i - 1].hash != b->hash) &&
           (i + 1 == pg->n || pg->b[i + 1].hash != b->hash);
}

/* A line that starts with an authored bullet: "- ", "* ", "+ " or "• ". */
static int bullet_len(const char *s, size_t len)
{
    if (len > 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return 2;
    if (len > 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0)
        return 4;
    return 0;
}

/* Adds text to the body the way the HTML path does: NFC and white space.
 * Quotes, dashes and ellipses come after, for every input kind alike, in
 * the article's language (textnorm_article). */
static int add_norm(article_t *out, article_block_kind_t kind, const char *s, size_t n)
{
    size_t k;
    char *t = textnorm(s, n, 0, &k);
    if (!t)
        return -1;
    int rc = k ? article_add_block(out, kind, t, k) : 0;
    free(t);
    return rc;
}

static int build_blocks(page_t *pg, char *t, const lines_t *l, size_t from, int para)
{
    pg->b = calloc(l->n ? l->n : 1, sizeof *pg->b);
    if (!pg->b)
        return -1;
    for (size_t i = from; i < l->n; i++) {
        const line_t *ln = &l->v[i];
        char *s = t + ln->off;
        size_t len = ln->len;
        /* A line continues the one before only when it reads as wrapped
         * prose: the line before is long and the line goes on in lower case
         * (or after a comma or hyphen). A short line ("Reuters |", a caption)
         * or a run of capitalised chrome lines ("Already have an account?
         * Sign In") stands alone even without a blank line after it. In a
         * scrape of one block a line, where a line is a page's block, only
         * text its author wrapped (a <pre>, lines ended by <br>) goes on in
         * lower case after a long line that ends no sentence or label. */
        const block_t *pb = pg->n ? &pg->b[pg->n - 1] : NULL;
        char pend = pb && pb->len ? pb->text[pb->len - 1] : 0;
        int lower_next = len && ((s[0] >= 'a' && s[0] <= 'z') || pend == ',' || pend == '-');
        int wrapped = para ? pb && pb->len >= 40 && lower_next
                           : pb && pb->len >= WRAP_MIN && s[0] >= 'a' && s[0] <= 'z' && pend != '.' && pend != ':';
        if (pg->n && !ln->blank_before && i > from && !bullet_len(s, len) && pend != '|' && wrapped) {
            /* join this line to the paragraph before: lines are stored one
             * after another, so moving the text back over the NUL works. */
            block_t *p = &pg->b[pg->n - 1];
            char *dst = (char *)p->text + p->len;
            *dst++ = ' ';
            memmove(dst, s, len);
            dst[len] = '\0';
            p->len += 1 + len;
            continue;
        }
        block_t *b = &pg->b[pg->n++];
        b->text = s;
        b->len = len;
        b->blank_before = ln->blank_before;
    }
    return 0;
}

static void prune_blocks(article_t *a, int scrape);

/* 1 when s[0..n), what a line adds to the one before it, reads as more of
 * the text: it goes on with the same sentence (its first letter small:
 * "Jesse Tyler Ferguson" over "Jesse Tyler Ferguson entschied sich ...")
 * or ends a sentence before its last word (a full stop, question or
 * exclamation mark with a space after it). */
static int more_of_the_text(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] == ' ')
        k++;
    const unsigned char *u = (const unsigned char *)s + k;
    if (k < n && ((*u >= 'a' && *u <= 'z') || (*u == 0xC3 && k + 1 < n && u[1] >= 0x9F)))
        return 1;
    for (size_t i = 0; i + 1 < n; i++)
        if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ')
            return 1;
    return 0;
}

int clean_scrape(const char *buf, size_t len, article_t *out, const char **why)
{
    const char *reason = NULL;
    char *t = NULL;
    size_t tn = 0;
    lines_t l = {0};
    page_t pg = {0};
    int rc = -1;
    const char *dummy;
    if (!why)
        why = &dummy;
    memset(out, 0, sizeof *out);

    if (!buf || len == 0) {
        reason = "empty file";
        goto out;
    }
    {
        /* Text has no NULs and hardly any other C0 controls; a few stray ones
         * are tolerated and dropped. */
        size_t nul = 0, ctl = 0;
        const unsigned char *s = (const unsigned char *)buf;
        for (size_t i = 0; i < len; i++) {
            nul += s[i] == 0;
            ctl += s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f';
        }
        if (nul > len / 1000 || (nul && len < 1000)) {
            reason = "binary data (NUL bytes)";
            goto out;
        }
        if (ctl > len / 50 + 1) {
            reason = "binary data (control bytes)";
            goto out;
        }
    }
    if (decode((const unsigned char *)buf, len, &t, &tn) < 0) {
        reason = "out of memory";
        goto out;
    }
    int sr = split_lines(t, tn, &l);
    if (sr < 0) {
        reason = sr == -2 ? "too many lines" : "out of memory";
        goto out;
    }
    if (l.n == 0) {
        reason = "no text (only white space)";
        goto out;
    }

    /* Paragraph layout: blank lines between (nearly) all paragraphs, as in a
     * plain-text article; lines of one paragraph are then joined. A scrape
     * puts one block per line with few or no blank lines. */
    size_t groups = 0, nl = 0;
    for (size_t i = 1; i < l.n; i++) {
        const char *s = t + l.v[i].off;
        groups += l.v[i].blank_before;
        /* items of a list belong to the paragraph that holds them */
        nl += l.v[i].blank_before || !((s[0] == '-' || s[0] == '*') && s[1] == ' ');
    }
    int para = l.n >= 3 && groups >= 2 && groups * 10 >= nl * 6;

    if (build_blocks(&pg, t, &l, 0, para) < 0) {
        reason = "out of memory";
        goto out;
    }
    size_t tot_w = 0, tot_s = 0;
    for (size_t i = 0; i < pg.n; i++) {
        block_t *b = &pg.b[i];
        b->hash = fold_hash(b->text, b->len);
        measure(b);
        if (b->words >= 8) {
            tot_w += b->words;
            tot_s += b->stops;
        }
    }
    pg.foreign = tot_w >= 20 && tot_s * 100 < tot_w * 12;
    if (find_repeats(&pg) < 0) {
        reason = "out of memory";
        goto out;
    }

    size_t begin = 0;
    if (parse_header(&pg, pg.b[0].text)) {
        begin = 1;
        pg.b[0].label = L_CHROME;
    }
    if (!pg.title && para && !begin && pg.b[0].eff <= 40) {
        /* plain-text article: the first paragraph is the headline */
        pg.title = article_strndup(pg.b[0].text, pg.b[0].len);
        pg.b[0].label = L_TITLE;
        begin = 1;
    }

    size_t nchrome = 0;
    for (size_t i = begin; i < pg.n; i++) {
        block_t *b = &pg.b[i];
        b->label = label_block(&pg, b, i);
        nchrome += b->label == L_CHROME && b->hard;
    }
    /* A plain-text article without unmistakable chrome is kept whole: short
     * lines and repeats there are the author's (fixture lists, refrains). */
    int whole = para && nchrome == 0;

    if (!whole) {
        for (size_t i = begin; i < pg.n; i++) {
            block_t *b = &pg.b[i];
            if (b->count < 2 || b->label == L_CHROME)
                continue;
            /* Repeated text: body text keeps its first occurrence; repeated
             * menus, captions and teasers go entirely. */
            /* ... unless the copy follows at once: a teaser's picture link
             * and its headline link */
            int twin = i + 1 < pg.n && pg.b[i + 1].hash == b->hash && b->eff < 20;
            if (body_like(&pg, b) && b->first == i && !twin)
                continue;
            /* a long paragraph said twice is the author's */
            if (b->label == L_GOOD && b->eff >= 20)
                continue;
            b->label = L_DUP;
        }
    }

    /* A line of three words or more and, right after it, a longer one that
     * starts with it and adds a sentence of its own at most: a picture's description
     * and its caption with the credit ("Lee Elder war beim Masters 1975 der
     * Zuschauermagnet. | © ..."), a teaser's headline and the headline with
     * its summary. Neither is the text's, wherever the run goes. A heading
     * over a paragraph that opens with its words and goes on with them, or
     * says more than a sentence, is the text. */
    for (size_t i = begin; i + 1 < pg.n && !whole; i++) {
        const block_t *b = &pg.b[i], *c = &pg.b[i + 1];
        if (b->words >= 3 && b->words <= 20 && c->words <= 50 && c->len > b->len + 20 &&
            !memcmp(c->text, b->text, b->len) && !more_of_the_text(c->text + b->len, c->len - b->len))
            pg.b[i].gap = pg.b[i + 1].gap = 1;
    }

    /* Main text: the maximum-sum run of block weights. */
    size_t rs = begin, re = begin; /* [rs, re) */
    size_t head = begin;           /* where the run started before join_before */
    int loose = 0;
    if (whole) {
        re = pg.n;
    } else {
        for (size_t i = begin; i < pg.n; i++)
            pg.b[i].w = weight(&pg, &pg.b[i]);
        best_run(&pg, begin, pg.n, &rs, &re);
#ifdef INK_CLEAN_DEBUG
        fprintf(stderr, "run %zu..%zu (%ld)\n", rs, re, run_sum(&pg, rs, re));
#endif
        /* comments or a feed after the article: search again before them */
        size_t lend, tail = dated_list(&pg, rs, re, &lend), lim = pg.n;
        if (tail < re) {
            lim = tail;
            /* ... or after them, when the list was of dated teasers over
             * the article and the text after it weighs more than twice
             * what came before */
            size_t bs, be, as, ae;
            best_run(&pg, rs, tail, &bs, &be);
            best_run(&pg, lend, re, &as, &ae);
            if (run_sum(&pg, as, ae) > 2 * run_sum(&pg, bs, be))
                bs = as, be = ae;
            rs = bs;
            re = be;
        }
#ifdef INK_CLEAN_DEBUG
        fprintf(stderr, "dated list at %zu: run %zu..%zu\n", tail, rs, re);
#endif
        earlier_text(&pg, begin, &rs, &re);
        size_t cut = cut_at_boundary(&pg, rs, re);
        re = cut < re ? cut : join_after(&pg, rs, re, lim);
        head = rs;
        rs = join_before(&pg, begin, rs, re);
        re = trim_tail(&pg, rs, re);
        rs = drop_head_notes(&pg, rs, re);
        rs = lead_in(&pg, begin, rs);
        re = cut_far_tail(&pg, rs, re);
        re = cut_at_footer(&pg, rs, re);
#ifdef INK_CLEAN_DEBUG
        fprintf(stderr, "final %zu..%zu\n", rs, re);
#endif
    }

    long most = 0; /* the run's heaviest block: counted lines weigh 1 */
    for (size_t i = rs; i < re && !whole; i++)
        most = pg.b[i].w > most ? pg.b[i].w : most;
    if (most <= 1 && !whole) {
        /* No run of body text: a page of a few short lines and no chrome is
         * a note, taken as it is. */
        size_t keep = 0, words = 0;
        for (size_t i = begin; i < pg.n; i++)
            if (pg.b[i].label != L_CHROME && pg.b[i].label != L_DUP)
                keep++, words += pg.b[i].eff;
        if (keep && keep <= 12 && words <= 80) {
            rs = begin;
            re = pg.n;
            loose = 1;
        }
    }
    uint64_t words[TITLE_SET] = {0}; /* the text's words, see text_words */
    if (!pg.title || (!whole && rs < re)) /* read by guess_title or standfirst_like */
        text_words(&pg, head > rs ? head : rs, re, words);
    if (!pg.title) {
        /* the headline stands over the main run, not over what joined it */
        size_t ti = guess_title(&pg, head > rs ? head : rs, words);
        if (ti != SIZE_MAX)
            pg.title = article_strndup(pg.b[ti].text, pg.b[ti].len);
    }
    uint64_t th = pg.title ? fold_hash(pg.title, strlen(pg.title)) : 0;
    if (th && !whole && rs < re) {
        /* The standfirst stands between the headline and the text, with the
         * byline, the date and the share buttons around it, whose weights
         * keep it out of the run: text of the header after the headline's
         * last line before the run comes first. The headline may be there
         * twice, in the header and over the text (pcmag): when nothing
         * follows its last line, what follows the one before is looked at,
         * thirty blocks before the run at most. */
        size_t end = rs, found = 0;
        for (size_t ti = rs; ti-- > begin && rs - ti <= 30 && !found;) {
            if (pg.b[ti].hash != th)
                continue;
            int first = 1; /* no line of text yet between the headline and b */
            for (size_t i = ti + 1; i < end; i++) {
                block_t *b = &pg.b[i];
                int edge = first || i + 1 == rs;
                first &= b->eff < 6 || b->label == L_CHROME || b->label == L_DUP;
                if (!standfirst_like(b, th, pg.title, edge, words))
                    continue;
                b->kept = 1;
                found++;
                if (add_norm(out, ARTICLE_BLOCK_PARA, b->text, b->len) < 0) {
                    reason = "out of memory";
                    goto out;
                }
            }
            end = ti;
        }
    }
    if (!whole)
        beside_chrome(&pg, rs, re);
    size_t as_title = SIZE_MAX; /* first block left out as the headline */
    for (size_t i = rs; i < re; i++) {
        block_t *b = &pg.b[i];
        if (whole) {
            if (b->label == L_TITLE)
                continue;
        } else {
            if (th && b->hash == th) {
                if (as_title == SIZE_MAX)
                    as_title = i;
                continue;
            }
            if (b->label == L_CHROME || b->label == L_TITLE || b->gap)
                continue;
            if (b->label == L_DUP && !loose && !echo(&pg, i))
                continue;
            /* Short lines inside the main text stay: list items, table
             * cells and subheadings, which a scrape gives a line each */
        }
        /* Bulleted lines are list items; the renderer draws the bullet. */
        int bl = b->list ? bullet_len(b->text, b->len) : 0;
        b->kept = 1;
        if (add_norm(out, bl ? ARTICLE_BLOCK_LIST : ARTICLE_BLOCK_PARA, b->text + bl, b->len - (size_t)bl) < 0) {
            reason = "out of memory";
            goto out;
        }
    }
#ifdef INK_CLEAN_DEBUG
    /* cc -DINK_CLEAN_DEBUG: every block, its label, weight and whether it
     * was kept ('>') or dropped inside the main-text run ('-'), on stderr */
    for (size_t i = 0; i < pg.n; i++)
        fprintf(stderr, "%c%4zu %c %4ld %.100s\n", pg.b[i].kept ? '>' : i >= rs && i < re ? '-' : ' ',
                i, "GMSCDT"[pg.b[i].label], pg.b[i].w, pg.b[i].text);
#endif
    if (out->nblocks == 0 && as_title != SIZE_MAX) {
        /* a page of one sentence: it is both headline and text */
        const block_t *b = &pg.b[as_title];
        if (add_norm(out, ARTICLE_BLOCK_PARA, b->text, b->len) < 0) {
            reason = "out of memory";
            goto out;
        }
    }
    if (out->nblocks == 0) {
        reason = "no article text found";
        goto out;
    }
    if (!pg.title) {
        pg.title = title_from_text(out->blocks[0].text, strlen(out->blocks[0].text));
        if (!pg.title) {
            reason = "out of memory";
            goto out;
        }
    }
    {
        /* NFC and white space, as the HTML path does with titles */
        char *tt = textnorm(pg.title, strlen(pg.title), 0, NULL);
        if (!tt) {
            reason = "out of memory";
            goto out;
        }
        free(pg.title);
        pg.title = tt;
    }
    out->title = pg.title;
    out->date = pg.date;
    out->section = pg.section;
    out->source = pg.source;
    out->byline = pg.byline;
    pg.title = pg.date = pg.section = pg.source = pg.byline = NULL;
    if (!whole) /* a plain-text article is the author's, line by line */
        prune_blocks(out, 1);
    if (textnorm_article(out) < 0) {
        reason = "out of memory";
        goto out;
    }
    rc = 0;
out:
    if (rc != 0) {
        article_free(out);
        *why = reason ? reason : "out of memory";
    }
    free(pg.title);
    free(pg.date);
    free(pg.section);
    free(pg.source);
    free(pg.byline);
    free(pg.b);
    free(l.v);
    free(t);
    return rc;
}

/* ---- the same words on a page cleaned from its HTML --------------------- */

/* A picture's credit or a source line, leading a short block: "Bild: Jahr
 * Media", "(Quelle: DJV)", "Photograph by ...". */
static const char *const credit_labels[] = {
    "photo:", "photos:", "photo by", "photograph by", "photograph:", "image:", "images:", "credit:",
    "credits:", "source:", "bild:", "bilder:", "foto:", "fotos:", "quelle:", "abbildung:",
    "imagen:", "fuente:", "crédito:", "crédits:", "crédit photo", "photo :", "source :",
    "crédits photos", "credits:", "foto :", "bild :", "bildrechte:", "bildquelle:", "bildnachweis:", "bildcredit:",
    "beitragsbild:", "titelbild:", "symbolbild:", "symbolfoto:", "fotoquelle:", "fotonachweis:", "kuva:", "zdjęcie:",
    "immagine:", "afbeelding:", "fotó:", "foto di", "photo credit", "image credit", "image source:",
};

/* A heading or label (b measured from ab's text) with nothing of its own
 * after it: a subheading that ends the text (at_end), or a short line of
 * six words at most ending in a colon that ends it or that a heading
 * follows. */
static int dangling_label(const article_block_t *ab, const block_t *b, int at_end, int head_next)
{
    if (!(at_end || head_next) || b->ends_sentence || ab->kind == ARTICLE_BLOCK_LIST)
        return 0;
    /* a subheading over nothing at the end, however long ("NEW AND
     * EXCITING SIMILAR DISHES FOR YOU TO TRY OUT": its box went) */
    if (b->words > 6 && !(at_end && ab->kind == ARTICLE_BLOCK_SUBHEAD))
        return 0;
    size_t n = b->len;
    while (n && b->text[n - 1] == ' ')
        n--;
    return (at_end && ab->kind == ARTICLE_BLOCK_SUBHEAD) || (n && b->text[n - 1] == ':');
}

/* A day, a month's name in a script other than Latin and a year, at the
 * start of s[0..n): "17 វិច្ឆិកា 2026", "16 နိုဝင်ဘာ 2026", "25 พฤศจิกายน
 * 2569 09:30 น." (the Buddhist era's years too). */
static int day_month_year(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, nd = 0;
    while (i < n && u[i] >= '0' && u[i] <= '9')
        i++, nd++;
    if (nd < 1 || nd > 2 || i >= n || u[i] != ' ')
        return 0;
    i++;
    size_t m = i, letters = 0;
    while (i < n && u[i] != ' ') {
        uint32_t c = next_cp(u, n, &i);
        if (c < 0x370) /* ASCII and Latin months are find_date's */
            return 0;
        letters++;
    }
    if (!letters || i >= n || i == m)
        return 0;
    i++;
    int y = 0;
    size_t ny = 0;
    while (i < n && u[i] >= '0' && u[i] <= '9' && ny < 5)
        y = y * 10 + (u[i++] - '0'), ny++;
    return ny == 4 && (i == n || u[i] == ' ') && ((y >= 1900 && y <= 2099) || (y >= 2443 && y <= 2642));
}

/* A line of a few words that is a date ("23.10.2018", "2021-10-16 |
 * Botschaft", "16 marca 2021", "Veröffentlichung: 2. Februar 2022",
 * "17 វិច្ឆិកា 2026"). */
static int date_line(const block_t *b)
{
    if (b->words <= 5 && day_month_year(b->text, b->len))
        return 1; /* "... 09:30 น." ends in a full stop of an abbreviation */
    if (b->words > 5 || b->ends_sentence)
        return 0;
    char lc[LC_MAX + 1], ymd[11];
    lower_prefix(b->text, b->len, lc);
    if (find_date(lc, ymd))
        return 1;
    /* dd.mm.yyyy, and a day, a month's name in any language, a year */
    for (const char *p = lc; *p; p++) {
        if (p > lc && is_alnum_ascii((unsigned char)p[-1]))
            continue;
        const char *q = p;
        int nd = 0;
        while (*q >= '0' && *q <= '9')
            q++, nd++;
        if (nd < 1 || nd > 2 || *q != '.')
            continue;
        q++;
        if (*q == ' ')
            q++;
        int nm = 0;
        while (*q >= '0' && *q <= '9')
            q++, nm++;
        if (nm == 0) {
            while (*q && *q != ' ')
                q++; /* a month's name */
            if (*q == ' ')
                q++;
        } else if (nm <= 2 && *q == '.') {
            q++;
        } else {
            continue;
        }
        int ny = 0;
        while (q[ny] >= '0' && q[ny] <= '9')
            ny++;
        if (ny == 4)
            return 1;
    }
    return 0;
}

/* Who took or gave a picture: a credit names one of these, or a
 * "Photographer/Agency" pair. */
static const char *const credit_marks[] = {
    "getty*", "istock*", "shutterstock", "unsplash", "imago", "dpa", "afp", "reuters", "wenn*", "bestimage",
    "picture alliance", "picture-alliance", "ap photo", "foto*", "photo*", "bild", "bilder", "image*",
    "quelle", "source", "credit*", "crédit*", "thinkstock", "adobe stock", "pixabay", "keystone", "epa",
};

/* Where a picture's credit that ends the text p[0..n) (no style codes)
 * begins, or n: "... festlegt© Bundesregierung/Steffen Kugler", "...
 * getarnt. (mlharing / iStock.com)", "... 2022. Bild: Jahr Media",
 * "... / (C) Kab Niang". At most six words and 160 bytes. */
static size_t credit_tail(const char *p, size_t n)
{
    while (n && p[n - 1] == ' ')
        n--;
    size_t words = 0, at = n;
    for (size_t k = n; k-- > 0;) {
        if (p[k] == ' ')
            words++;
        if (words > 6 || n - k > 160)
            break;
        size_t rest = n - k;
        char lc[LC_MAX + 1];
        int copyright = !strncmp(p + k, "\xc2\xa9", 2) ||
                        ((k == 0 || p[k - 1] == ' ' || p[k - 1] == '/') && rest >= 3 &&
                         (!strncmp(p + k, "(c)", 3) || !strncmp(p + k, "(C)", 3)));
        int paren = p[k] == '(' && p[n - 1] == ')' && (k == 0 || !is_alnum_ascii((unsigned char)p[k - 1]));
        int label = (k == 0 || (k >= 2 && p[k - 1] == ' ' && (p[k - 2] == '.' || p[k - 2] == ')' || p[k - 2] == '|'))) &&
                    (lower_prefix(p + k, rest, lc),
                     starts_with_any(lc, credit_labels, sizeof credit_labels / sizeof *credit_labels));
        if (paren && !copyright) {
            /* a name over an agency, or a credit's word; not an aside
             * ("(This was about 1/3 of the replies.)") */
            int slash = 0;
            for (size_t j = k + 1; j + 1 < n && !slash; j++)
                slash = p[j] == '/' && !(p[j - 1] >= '0' && p[j - 1] <= '9') && !(p[j + 1] >= '0' && p[j + 1] <= '9');
            lower_prefix(p + k, rest, lc);
            /* a list of titles ("(Life Begins/ Von Trapped, ITV1)") has commas */
            if (memchr(p + k, ',', rest))
                slash = 0;
            paren = !(n >= 2 && (p[n - 2] == '.' || p[n - 2] == '!' || p[n - 2] == '?')) &&
                    (slash || has_any(lc, credit_marks, sizeof credit_marks / sizeof *credit_marks));
        }
        if (copyright || paren || label)
            at = k;
    }
    if (at == n)
        return n;
    /* the separator before it goes too */
    while (at && (p[at - 1] == ' ' || p[at - 1] == '/' || p[at - 1] == '|' || p[at - 1] == '-'))
        at--;
    return at;
}

/* Cuts block text t (with style codes) after its plain character count
 * keep, closing a style the cut leaves open. */
static void cut_block(char *t, size_t keep)
{
    int ital = 0, bold = 0;
    char *q = t;
    for (size_t seen = 0; *q && seen < keep; q++) {
        unsigned char c = (unsigned char)*q;
        if (INK_TX_IS_INLINE(c)) {
            ital = c == 0x10 ? 1 : c == 0x11 ? 0 : ital;
            bold = c == 0x12 ? 1 : c == 0x13 ? 0 : bold;
        } else {
            seen++;
        }
    }
    while (q > t && q[-1] == ' ')
        q--;
    /* a cut takes at least a character, so the closers fit */
    if (ital)
        *q++ = 0x11;
    if (bold)
        *q++ = 0x13;
    *q = '\0';
}

/* The site's note on how it earns from the page: an affiliate or
 * advertising disclosure ("We may receive compensation for some of the
 * links", "Für Links auf dieser Seite erhält CHIP ggf. eine Provision"), a
 * plea to turn the ad blocker off. What it earns from and how, in a
 * paragraph of a few sentences. */
static int disclosure(const char *lc, const block_t *b)
{
    static const char *const earn[] = {
        "disclosure", "disclaimer", "provision", "commission", "compensation", "ad-blocker", "ad blocker",
        "adblock*", "werbeblocker",
    };
    static const char *const from[] = {"link", "links", "advertis*", "affiliate*", "werbung", "anzeige*", "partnerlink*"};
    return b->words <= 60 && has_any(lc, earn, sizeof earn / sizeof *earn) &&
           has_any(lc, from, sizeof from / sizeof *from);
}

/* An advertisement's label on its own ("ANZEIGE", "Advertorial"), or
 * ending in a full stop or a colon before a few words that say so
 * ("*Werbung. Dieser Beitrag enthält Werbung für ..."): the page marks
 * what it was paid for; the label is not the text. */
static int ad_label(const char *lc, const block_t *b)
{
    static const char *const labels[] = {
        "werbung", "anzeige", "advertisement", "advertorial", "sponsored", "publicidad", "publicité", "reklama",
    };
    if (b->words > 12)
        return 0;
    const char *p = lc;
    while (*p == '*' || *p == '[' || *p == '(' || *p == ' ')
        p++;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t k = strlen(labels[i]);
        if (strncmp(p, labels[i], k) == 0) {
            const char *q = p + k;
            while (*q == ']' || *q == ')' || *q == ' ')
                q++;
            return *q == '\0' || ((*q == '.' || *q == ':') && has_word(q, labels[i]));
        }
    }
    return 0;
}

/* clean_prune_blocks; in a scrape (scrape set) a comment thread's
 * heading ends the text as a tail heading does. */
static void prune_blocks(article_t *a, int scrape)
{
    if (!a || a->nblocks < 2)
        return;
    char lc[LC_MAX + 1];
    block_t *bs = calloc(a->nblocks, sizeof *bs);
    if (!bs)
        return;
    /* The blocks' text without its inline style codes ("**Lea también:**
     * ..." is a teaser all the same), one buffer for all. */
    size_t all = 0;
    for (size_t i = 0; i < a->nblocks; i++)
        all += strlen(a->blocks[i].text) + 1;
    char *plain = malloc(all ? all : 1);
    if (!plain) {
        free(bs);
        return;
    }
    long total = 0;
    char *o = plain;
    for (size_t i = 0; i < a->nblocks; i++) {
        bs[i].text = o;
        for (const char *t = a->blocks[i].text; *t; t++)
            if (!INK_TX_IS_INLINE((unsigned char)*t))
                *o++ = *t;
        bs[i].len = (size_t)(o - bs[i].text);
        *o++ = '\0';
        measure(&bs[i]);
        total += bs[i].eff;
    }
    size_t keep = 0, cut = a->nblocks;
    long before = 0;
    for (size_t i = 0; i < a->nblocks; i++) {
        block_t *b = &bs[i];
        lower_prefix(b->text, b->len, lc);
        /* a heading that opens the page's tail, once an article's worth of
         * text lies before it and little comes after, ends the text; when a
         * paragraph of the text follows it, or more text than a tail, its
         * list went and the heading alone goes (ehow's "Other People Are
         * Reading" before the last step; see drop below) */
        int text_next = i + 1 < a->nblocks && a->blocks[i + 1].kind == ARTICLE_BLOCK_PARA &&
                        bs[i + 1].words >= 25 && bs[i + 1].ends_sentence;
        int tail_head = (is_after_heading(b) && (scrape || !tags_label(lc))) || (scrape && is_thread_heading(b));
        if (before >= 100 && tail_head && (total - before - (long)b->eff) * 4 < before && !text_next) {
            /* a page's DOM keeps its sections apart: the box goes up to the
             * next subheading, where the text goes on (uepo.de's "Mehr zum
             * Thema" and its two headlines over the article's own
             * "Weiterführender Link"), unless that heading names a channel
             * of the site ("Unsere Newsletter"), more of the tail; a
             * scrape's lines have no such bounds */
            size_t j = i + 1;
            while (!scrape && j < a->nblocks && a->blocks[j].kind != ARTICLE_BLOCK_SUBHEAD)
                j++;
            char jl[LC_MAX + 1] = "";
            if (j < a->nblocks)
                lower_prefix(bs[j].text, bs[j].len, jl);
            if (scrape || j == a->nblocks || has_any(jl, channels, sizeof channels / sizeof *channels)) {
                cut = i;
                break;
            }
            i = j - 1; /* the box's blocks stay unkept (bs is zeroed) */
            continue;
        }
        /* a picture's credit ending a caption or a paragraph goes; so does a
         * block that is nothing else */
        size_t ct = credit_tail(b->text, b->len);
        if (ct < b->len) {
            cut_block(a->blocks[i].text, ct);
            ((char *)b->text)[ct] = '\0';
            block_t nb = {0};
            nb.text = b->text;
            nb.len = ct;
            measure(&nb);
            *b = nb;
            lower_prefix(b->text, b->len, lc);
        }
        const char *lp = lc + (lc[0] == '(');
        int drop = ct == 0 || (b->words <= 30 && b->marks <= 1 &&
                    starts_with_lead(lc, b->text)) ||
                   is_consent_banner(lc) || disclosure(lc, b) || ad_label(lc, b) ||
                   (before >= 30 && ((is_after_heading(b) && (scrape || !tags_label(lc))) ||
                                     (scrape && is_thread_heading(b)))) ||
                   (b->words <= 8 && starts_with_any(lp, credit_labels, sizeof credit_labels / sizeof *credit_labels)) ||
                   (b->words <= 5 && a->blocks[i].kind != ARTICLE_BLOCK_LIST &&
                    has_any(lc, action_words, sizeof action_words / sizeof *action_words));
        if (!drop)
            before += b->eff;
        bs[i].kept = !drop;
    }
    /* A sentence (eight words or more) that calls to follow the site, get
     * its app or its newsletter, closing the text, goes, two at most (in a
     * scrape, drop_notes saw to them); not the author's note that ends on
     * where to follow its writer, nor the site's line of links ("Follow
     * Backchannel: Twitter | Facebook"), which Readability keeps */
    for (size_t k = 0, j = cut; !scrape && k < 2; k++) {
        while (j > 0 && !bs[j - 1].kept)
            j--;
        if (j < 2 || !tail_prompt(&bs[j - 1]) || bs[j - 1].words < 8 || author_note(&bs[j - 1]))
            break;
        bs[--j].kept = 0;
    }
    /* A subheading said three times or more, each time right over another
     * one, is a gallery's or a box's title over each of its items (dw.com's
     * "Racist, ruthless, cruel: Germany's colonial history" over eleven
     * slides' own headings): the first stays. A heading over its own text
     * may come again ("Setting up" in each chapter). */
    for (size_t i = 0; i < cut; i++)
        if (a->blocks[i].kind == ARTICLE_BLOCK_SUBHEAD)
            bs[i].hash = fold_hash(bs[i].text, bs[i].len);
    for (size_t i = 0; i + 1 < cut; i++) {
        if (a->blocks[i].kind != ARTICLE_BLOCK_SUBHEAD || a->blocks[i + 1].kind != ARTICLE_BLOCK_SUBHEAD || !bs[i].hash)
            continue;
        size_t same = 0, first = i;
        for (size_t j = 0; j < cut; j++)
            if (a->blocks[j].kind == ARTICLE_BLOCK_SUBHEAD && bs[j].hash == bs[i].hash) {
                first = j < first ? j : first;
                same++;
            }
        if (same >= 3 && first != i)
            bs[i].kept = 0;
    }
    /* What is left at the edges once its content is gone: a heading or a
     * label ("Mehr Themen:", "Related:") that ends the text, or one that
     * only a heading follows; a date alone on its line before the text. */
    size_t last = cut;
    for (size_t i = cut; i-- > 0;) {
        if (!bs[i].kept)
            continue;
        if (dangling_label(&a->blocks[i], &bs[i], last == cut, last < cut && a->blocks[last].kind == ARTICLE_BLOCK_SUBHEAD))
            bs[i].kept = 0;
        else
            last = i;
    }
    for (size_t i = 0; i < cut; i++) {
        if (!bs[i].kept)
            continue;
        if (!date_line(&bs[i]))
            break;
        bs[i].kept = 0;
    }
    size_t left = 0;
    for (size_t i = 0; i < cut; i++)
        left += bs[i].kept;
    if (left == 0) { /* never empty a page: that is not for these words to judge */
        free(plain);
        free(bs);
        return;
    }
    for (size_t i = 0; i < a->nblocks; i++) {
        if (i < cut && bs[i].kept)
            a->blocks[keep++] = a->blocks[i];
        else
            article_block_clear(&a->blocks[i]);
    }
    a->nblocks = keep;
    free(plain);
    free(bs);
}

void clean_prune_blocks(article_t *a)
{
    prune_blocks(a, 0);
}

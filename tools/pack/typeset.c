/* SPDX-License-Identifier: MIT */
/* typeset.c: soft hyphens (libhyphen) and UAX #14 break marks (libunibreak)
 * in article text, for the device's one-line break rule. */
#include "typeset.h"

#include "ink_brk.h"
#include "ink_font.h"
#include "ink_text.h"
#include "textnorm.h"

#include <hyphen.h>
#include <linebreak.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <unicode/ubrk.h>
#include <dirent.h>
#include <iconv.h>
#include <wchar.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

#define TS_MAX_LANGS 64
#define TS_MAX_DIRS 8
#define TS_WORD_MAX 64 /* letters; longer runs are not words worth hyphenating */

typedef struct ts_dict {
    char key[16];      /* normalised language: "en_US", "de" */
    HyphenDict *dict;  /* NULL when no pattern file was found */
    int bytes;         /* the patterns are in a one-byte charset (hi[] maps it), not UTF-8 */
    uint32_t hi[128];  /* the charset's bytes 0x80 to 0xFF as code points; 0 for none */
    size_t right;      /* letters kept after a break when not TS_HYPHEN_RIGHT; 0: that */
    int compounds;     /* the parts of a hyphenated compound are hyphenated too */
    int apostrophe;    /* an apostrophe between two letters is inside the word (м'ясо) */
    HyphenDict *whole; /* dict's level of patterns, for words with an apostrophe; NULL: dict */
    char path[600];    /* the file they came from */
} ts_dict_t;

/* A word hyphenated before: its dictionary, its letters as written
 * (words[at..at + n)) and the breaks found (bit i: after letter i). */
typedef struct ts_word {
    const ts_dict_t *d; /* NULL: an empty slot */
    uint32_t hash, at, n;
    uint64_t breaks;
} ts_word_t;
_Static_assert(TS_WORD_MAX <= 64, "a word's breaks fit in 64 bits");

#define TS_MEMO_MAX (1u << 20) /* slots at most; past half that, words are no longer kept */

struct typeset {
    char dirs[TS_MAX_DIRS][512]; /* where pattern files are looked for, in this order */
    size_t ndirs;
    locale_t loc;      /* C.UTF-8 for towlower_l; (locale_t)0 when missing */
    ThBrk *thai;       /* libthai's word breaker, made on first use; NULL when it cannot be */
    int thai_tried;
    UBreakIterator *icu; /* ICU's line breaker (Khmer, Lao, Myanmar words), made on first use */
    int icu_tried;
    ts_dict_t langs[TS_MAX_LANGS];
    size_t nlangs;
    /* The words hyphenated so far: news text says the same few thousand
     * words over and over, and libhyphen takes a while over each. */
    ts_word_t *memo; /* open addressing, at most half full */
    size_t memo_cap, memo_used;
    uint32_t *letters; /* the memo's words' letters */
    size_t letters_n, letters_cap;
};

static void add_dir(typeset_t *ts, const char *dir, size_t len)
{
    if (ts->ndirs < TS_MAX_DIRS && len && len < sizeof ts->dirs[0]) {
        memcpy(ts->dirs[ts->ndirs], dir, len);
        ts->dirs[ts->ndirs++][len] = '\0';
    }
}

/* The build's own patterns (mk/texhyph.py: TeX's, for the languages whose
 * Debian patterns are thin) come first: beside the program (build/hyphen),
 * one folder up (the test programs in build/tests) and where `make
 * install` puts them; Debian's hyphen-* packages after them. */
static void default_dirs(typeset_t *ts)
{
    char exe[512];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = NULL;
    if (n > 0) {
        exe[n] = '\0';
        slash = strrchr(exe, '/');
    }
    if (slash) {
        *slash = '\0';
        static const char *const rel[] = { "/hyphen", "/../hyphen", "/../share/inkpress/hyphen" };
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            char d[sizeof ts->dirs[0]];
            int k = snprintf(d, sizeof d, "%s%s", exe, rel[i]);
            if (k > 0 && (size_t)k < sizeof d)
                add_dir(ts, d, (size_t)k);
        }
    }
    add_dir(ts, "/usr/share/hyphen", strlen("/usr/share/hyphen"));
}

typeset_t *typeset_new(const char *dir)
{
    typeset_t *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    if (!dir) {
        dir = getenv("INKPRESS_HYPHEN_DIR");
        if (!dir || !*dir)
            dir = NULL;
    }
    if (dir) {
        for (const char *p = dir; *p;) {
            size_t k = strcspn(p, ":");
            add_dir(ts, p, k);
            p += k + (p[k] == ':');
        }
    } else {
        default_dirs(ts);
    }
    ts->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    static int lb_ready;
    if (!lb_ready) {
        init_linebreak();
        lb_ready = 1;
    }
    return ts;
}

void typeset_free(typeset_t *ts)
{
    if (!ts)
        return;
    for (size_t i = 0; i < ts->nlangs; i++)
        if (ts->langs[i].dict)
            hnj_hyphen_free(ts->langs[i].dict);
    if (ts->loc)
        freelocale(ts->loc);
    if (ts->thai)
        th_brk_delete(ts->thai);
    if (ts->icu)
        ubrk_close(ts->icu);
    free(ts->memo);
    free(ts->letters);
    free(ts);
}

/* "en-us" -> "en_US"; "DE" -> "de"; anything odd is cut at 15 bytes. */
static void norm_lang(const char *lang, char key[16])
{
    size_t k = 0;
    int region = 0;
    for (const char *p = lang; *p && k < 15; p++) {
        char c = *p;
        if (c == '-' || c == '_') {
            region = 1;
            c = '_';
        } else if (region && c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        } else if (!region && c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        key[k++] = c;
    }
    key[k] = '\0';
}

static HyphenDict *try_load(const char *dir, ts_dict_t *d, const char *name)
{
    char path[sizeof d->path];
    snprintf(path, sizeof path, "%s/hyph_%s.dic", dir, name);
    memcpy(d->path, path, sizeof path);
    FILE *f = fopen(d->path, "r");
    if (!f)
        return NULL;
    fclose(f);
    return hnj_hyphen_load(d->path);
}

/* Debian's patterns come in UTF-8 or a one-byte charset named on their
 * first line (ISO8859-1 for German and Dutch, ISO8859-2 Polish, ISO8859-7
 * Greek, KOI8-R Russian): hi[b - 0x80] gets the code point of byte b.
 * Returns 0 when iconv does not know the charset. */
static int one_byte_charset(const char *cset, uint32_t hi[128])
{
    char name[64];
    size_t n = 0;
    while (cset[n] && cset[n] != ' ' && cset[n] != '\r' && cset[n] != '\n' && n + 1 < sizeof name) {
        name[n] = cset[n];
        n++;
    }
    name[n] = '\0';
    iconv_t cd = iconv_open("UTF-32LE", name);
    if (cd == (iconv_t)-1)
        return 0;
    for (unsigned b = 0x80; b <= 0xFF; b++) {
        char in[1] = { (char)b }, out[8];
        char *ip = in, *op = out;
        size_t il = 1, ol = sizeof out;
        iconv(cd, NULL, NULL, NULL, NULL);
        hi[b - 0x80] = 0;
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && ol == sizeof out - 4) {
            const unsigned char *u = (const unsigned char *)out;
            hi[b - 0x80] = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
        }
    }
    iconv_close(cd);
    return 1;
}

static ts_dict_t *dict_for(typeset_t *ts, const char *lang)
{
    char key[16];
    norm_lang(lang ? lang : TS_LANG_DEFAULT, key);
    for (size_t i = 0; i < ts->nlangs; i++)
        if (!strcmp(ts->langs[i].key, key))
            return &ts->langs[i];
    if (ts->nlangs == TS_MAX_LANGS)
        return NULL;
    ts_dict_t *d = &ts->langs[ts->nlangs++];
    memcpy(d->key, key, sizeof key);
    /* hyph_ll_RR.dic, then hyph_ll.dic, then hyph_ll_LL.dic (es_ES, de_DE). */
    char ll[16], alt[40];
    size_t n = strcspn(key, "_");
    memcpy(ll, key, n);
    ll[n] = '\0';
    alt[0] = '\0';
    if (n < 8) {
        snprintf(alt, sizeof alt, "%s_", ll);
        for (size_t i = 0; i < n; i++)
            alt[n + 1 + i] = (char)(ll[i] >= 'a' && ll[i] <= 'z' ? ll[i] - 'a' + 'A' : ll[i]);
        alt[2 * n + 1] = '\0';
    }
    /* Bengali (and Assamese) and Kannada are not hyphenated: a word's
     * parts are shaped as runs of their own, and there that changes them
     * (Noto Serif Bengali gives a vowel sign its initial or final form by
     * its place in the run, চে-য়ে; a Kannada consonant below the base
     * takes its room from the next syllable, ಉದ್ಘಾ-ಟನೆ). The other Indic
     * scripts' parts shape as the whole word, their kerning across the
     * break aside (under a pixel). */
    static const char *const unsplit[] = { "bn", "as", "kn", NULL };
    for (size_t i = 0; unsplit[i]; i++)
        if (!strcmp(ll, unsplit[i]))
            return d;
    /* Folder by folder, so that the build's own patterns win over Debian's
     * whatever their file is called (hyph_ru.dic over hyph_ru_RU.dic). */
    for (size_t k = 0; k < ts->ndirs && !d->dict; k++) {
        d->dict = try_load(ts->dirs[k], d, key);
        if (!d->dict && key[n])
            d->dict = try_load(ts->dirs[k], d, ll);
        if (!d->dict && alt[0])
            d->dict = try_load(ts->dirs[k], d, alt);
    }
    /* then any hyph_ll_RR.dic, the first by name (hyph_ml_IN.dic) */
    for (size_t k = 0; k < ts->ndirs && !d->dict && n < 8; k++) {
        DIR *dir = opendir(ts->dirs[k]);
        if (!dir)
            continue;
        char best[64] = "", pre[32];
        snprintf(pre, sizeof pre, "hyph_%s_", ll);
        for (struct dirent *de; (de = readdir(dir));) {
            size_t nl = strlen(de->d_name);
            if (nl < sizeof best && nl > strlen(pre) + 4 && !strncmp(de->d_name, pre, strlen(pre)) &&
                !strcmp(de->d_name + nl - 4, ".dic") && (!best[0] || strcmp(de->d_name, best) < 0))
                memcpy(best, de->d_name, nl + 1);
        }
        closedir(dir);
        if (best[0]) {
            best[strlen(best) - 4] = '\0';
            d->dict = try_load(ts->dirs[k], d, best + 5);
        }
    }
    if (d->dict && !d->dict->utf8 && !one_byte_charset(d->dict->cset, d->hi)) {
        hnj_hyphen_free(d->dict);
        d->dict = NULL;
    }
    d->bytes = d->dict && !d->dict->utf8;
    /* Russian and Ukrainian carry two letters over (за-кро-ет-ся): their
     * words are long, and with three a Russian page has twice the loose lines. */
    if (!strcmp(ll, "ru") || !strcmp(ll, "uk") || !strcmp(ll, "de"))
        d->right = 2;
    /* Languages that build long compounds, often with hyphens between
     * their parts (Robert-Koch-Instituts): each part long enough is
     * hyphenated as a word of its own. */
    static const char *const compounding[] = { "de", "nl", "ru", "uk", "pl", "sv", "da", "no", "nb", "fi", "hu", NULL };
    for (size_t i = 0; compounding[i]; i++)
        d->compounds |= !strcmp(ll, compounding[i]);
    /* Ukrainian and Belarusian write an apostrophe inside a word, where it
     * marks a sound (п'ять, сім'я, м'ясо); elsewhere it ends a word (l'eau,
     * dell'anno) or starts a suffix (NATO's), and what stands either side
     * is hyphenated on its own. */
    d->apostrophe = !strcmp(ll, "uk") || !strcmp(ll, "be");
    /* libhyphen reads an apostrophe as the edge of a compound's part (a
     * file without levels of its own gets a first level that breaks at '
     * and ’, for elisions: l'amour) and hyphenates each part alone, with
     * its minima: сім'я as сім and я, м'ясо with no break. These words go
     * to the patterns' level whole, and the minima are counted here, in
     * letters (word_breaks). */
    if (d->apostrophe && d->dict && d->dict->nextlevel) {
        d->dict->nextlevel->lhmin = d->dict->nextlevel->rhmin = 1;
        d->whole = d->dict->nextlevel;
    }
    return d;
}

int typeset_has_lang(typeset_t *ts, const char *lang)
{
    ts_dict_t *d = dict_for(ts, lang);
    return d && d->dict;
}

unsigned typeset_right(typeset_t *ts, const char *lang)
{
    ts_dict_t *d = dict_for(ts, lang);
    return d && d->right ? (unsigned)d->right : TS_HYPHEN_RIGHT;
}

const char *typeset_patterns(typeset_t *ts, const char *lang)
{
    ts_dict_t *d = dict_for(ts, lang);
    return d && d->dict ? d->path : NULL;
}

/* An Indic digit (Devanagari to Sinhala: each block's 0x66 to 0x6F). */
static int is_indic_digit(uint32_t c)
{
    return c >= 0x900 && c <= 0xDFF && (c & 0x7F) >= 0x66 && (c & 0x7F) <= 0x6F;
}

/* Letters and signs of the Indic scripts (Devanagari to Sinhala), whose
 * words Debian's hyphen-hi, -bn, -pa, -gu, -ta, -te, -kn and -ml patterns
 * break between syllables: everything in their blocks but digits and the
 * dandas. */
static int is_indic(uint32_t c)
{
    return c >= 0x900 && c <= 0xDFF && c != 0x964 && c != 0x965 && !is_indic_digit(c);
}

/* A virama (halant, pulli, chandrakkala, al-lakuna): the consonant before
 * it joins the one after, so no break follows it. */
static int is_virama(uint32_t c)
{
    return c >= 0x900 && c <= 0xDFF && ((c & 0x7F) == 0x4D || c == 0xDCA);
}

/* Letters of the scripts the patterns cover: Latin, Greek, Cyrillic, and
 * the Indic scripts. */
static int is_letter(uint32_t c)
{
    if (c >= 0x900 && c <= 0xDFF)
        return is_indic(c);
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (c < 0xC0)
        return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c <= 0x24F)
        return c != 0xD7 && c != 0xF7;
    if (c <= 0x2AF)
        return 1;
    if (c >= 0x370 && c <= 0x3FF)
        return c != 0x375 && c != 0x37E && c != 0x387;
    if (c >= 0x400 && c <= 0x52F)
        return c < 0x482 || c > 0x489;
    return c >= 0x1E00 && c <= 0x1FFF;
}

/* The three apostrophes texts use: typed, typographic, the letter U+02BC. */
static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2BC;
}

static int is_digit(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0xFF10 && c <= 0xFF19) || is_indic_digit(c);
}

static int is_gap(uint32_t c)
{
    return c == ' ' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x3000;
}

/* Characters that make a token something other than a word to hyphenate:
 * hyphens (it has its break), URL and address punctuation. */
static int spoils_word(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011 || c == 0xAD || c == '/' || c == '\\' || c == '@' ||
           c == '_' || c == '=' || c == '#' || c == '~' || c == '|' || c == '<' || c == '>' || c == '&' ||
           c == '+' || c == '%';
}

/* Where the device rule already gives a break after c (or none is needed). */
static int rule_breaks_after(uint32_t c)
{
    return c == ' ' || c == 0xAD || c == 0x200B || c == '-' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}

static int is_thai(uint32_t c)
{
    return c >= 0x0E01 && c <= 0x0E5B;
}

static int is_hangul(uint32_t c)
{
    return (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F) ||
           (c >= 0xA960 && c <= 0xA97F) || (c >= 0xD7B0 && c <= 0xD7FF);
}

/* Korean keeps its words whole, as CSS's word-break: keep-all: no break
 * between a Hangul syllable and a letter, digit or syllable next to it
 * ("26일", "시장이"). */
static int keep_all(uint32_t a, uint32_t b)
{
    if (!is_hangul(a) && !is_hangul(b))
        return 0;
    return (is_hangul(a) || is_letter(a) || is_digit(a)) && (is_hangul(b) || is_letter(b) || is_digit(b));
}

static int ascii_letter(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* libunibreak 1.1 finds each character's class by a linear search of its
 * tables, about 200 instructions a character (a quarter of typesetting);
 * a run of ASCII letters (class AL) breaks nowhere inside (LB28) and as
 * one letter would at its ends (the rules see the classes next to a
 * break, and AL after AL leaves the state as it was), so it is given each
 * run as its first letter. */
void typeset_linebreaks(const uint32_t *cps, size_t n, const char *lang, char *brks, uint32_t *tmp, char *tb)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!(i && ascii_letter(cps[i]) && ascii_letter(cps[i - 1])))
            tmp[m++] = cps[i];
    set_linebreaks_utf32(tmp, m, lang, tb);
    for (size_t i = 0, j = 0; i < n; i++) {
        if (i && !(ascii_letter(cps[i]) && ascii_letter(cps[i - 1])))
            j++;
        brks[i] = i + 1 < n && ascii_letter(cps[i]) && ascii_letter(cps[i + 1]) ? LINEBREAK_NOBREAK : tb[j];
    }
}

/* Thai has no spaces between words: libthai's dictionary breaker finds
 * them. Every run of Thai characters in cps[0..n) gets brks[i] =
 * LINEBREAK_ALLOWBREAK where a word ends after cps[i]. */
static void thai_breaks(typeset_t *ts, const uint32_t *cps, size_t n, char *brks)
{
    for (size_t i = 0; i < n;) {
        if (!is_thai(cps[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && is_thai(cps[j]))
            j++;
        if (!ts->thai_tried) {
            ts->thai = th_brk_new(NULL);
            ts->thai_tried = 1;
        }
        size_t m = j - i;
        wchar_t *w = malloc((m + 1) * sizeof *w);
        int *pos = malloc((m + 1) * sizeof *pos);
        if (ts->thai && w && pos) {
            for (size_t k = 0; k < m; k++)
                w[k] = (wchar_t)cps[i + k];
            w[m] = 0;
            int np = th_brk_wc_find_breaks(ts->thai, w, pos, m + 1);
            for (int k = 0; k < np; k++)
                if (pos[k] > 0 && (size_t)pos[k] < m && !ink_brk_extend(cps[i + (size_t)pos[k]]))
                    brks[i + (size_t)pos[k] - 1] = LINEBREAK_ALLOWBREAK;
        }
        free(w);
        free(pos);
        i = j;
    }
}

/* Scripts written without spaces between words that libunibreak leaves
 * whole (UAX #14's class SA without a dictionary): Khmer, Lao, Myanmar. */
static int is_sa_dict(uint32_t c)
{
    return (c >= 0x1780 && c <= 0x17FF) || (c >= 0x19E0 && c <= 0x19FF) || (c >= 0x0E80 && c <= 0x0EFF) ||
           (c >= 0x1000 && c <= 0x109F) || (c >= 0xA9E0 && c <= 0xA9FF) || (c >= 0xAA60 && c <= 0xAA7F);
}

/* Khmer, Lao and Myanmar have no spaces between words either (a space
 * ends a phrase or a sentence): ICU's line breaker finds the words with
 * its dictionaries. Every run of them in cps[0..n) gets brks[i] =
 * LINEBREAK_ALLOWBREAK where ICU allows a break after cps[i]. */
static void sa_breaks(typeset_t *ts, const uint32_t *cps, size_t n, char *brks)
{
    for (size_t i = 0; i < n;) {
        if (!is_sa_dict(cps[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (is_sa_dict(cps[j]) || cps[j] == 0x200C || cps[j] == 0x200D))
            j++;
        if (!ts->icu_tried) {
            UErrorCode err = U_ZERO_ERROR;
            ts->icu = ubrk_open(UBRK_LINE, "", NULL, 0, &err);
            if (U_FAILURE(err))
                ts->icu = NULL;
            ts->icu_tried = 1;
        }
        /* the run in UTF-16 (all of it in the BMP), one unit a character */
        size_t m = j - i;
        UChar *u = ts->icu && m <= INT32_MAX ? malloc(m * sizeof *u) : NULL;
        if (u) {
            for (size_t k = 0; k < m; k++)
                u[k] = (UChar)cps[i + k];
            UErrorCode err = U_ZERO_ERROR;
            ubrk_setText(ts->icu, u, (int32_t)m, &err);
            for (int32_t p = U_SUCCESS(err) ? ubrk_first(ts->icu) : UBRK_DONE; p != UBRK_DONE;
                 p = ubrk_next(ts->icu))
                if (p > 0 && (size_t)p < m && !ink_brk_extend(cps[i + (size_t)p]) && cps[i + (size_t)p - 1] != 0x200D)
                    brks[i + (size_t)p - 1] = LINEBREAK_ALLOWBREAK;
            err = U_ZERO_ERROR;
            ubrk_setText(ts->icu, NULL, 0, &err); /* u is freed below */
        }
        free(u);
        i = j;
    }
}

static int is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010;
}

static uint32_t lower(const typeset_t *ts, uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (ts->loc)
        return (uint32_t)towlower_l((wint_t)c, ts->loc);
    return c >= 0xC0 && c <= 0xDE && c != 0xD7 ? c + 32 : c;
}

static int upper(const typeset_t *ts, uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    if (ts->loc)
        return iswupper_l((wint_t)c, ts->loc) != 0;
    return c >= 0xC0 && c <= 0xDE && c != 0xD7;
}

/* The breaks libhyphen finds in the n letters w[0..n) (bit i: after w[i]),
 * TS_HYPHEN_LEFT before and d's right after every one; none in an acronym
 * or a word with a letter d's charset lacks. */
static uint64_t word_breaks(typeset_t *ts, const ts_dict_t *d, const uint32_t *w, size_t n)
{
    size_t right = d->right ? d->right : TS_HYPHEN_RIGHT;
    int caps = 1;
    for (size_t i = 0; i < n; i++)
        caps &= upper(ts, w[i]) || is_apostrophe(w[i]);
    if (caps)
        return 0; /* an acronym */
    char word[TS_WORD_MAX * 4 + 1];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = lower(ts, w[i]);
        if (c == 0x2BC)
            c = 0x2019; /* TeX's Ukrainian patterns know ' and ’ */
        if (d->bytes) {
            unsigned byte = 0;
            if (c < 0x80)
                byte = c;
            else
                for (unsigned j = 0; j < 128 && !byte; j++)
                    if (d->hi[j] == c)
                        byte = 0x80 + j;
            if (!byte)
                return 0; /* a letter the patterns' charset lacks */
            word[k++] = (char)byte;
        } else {
            k += textnorm_put_utf8(word + k, c);
        }
    }
    word[k] = '\0';
    char hy[TS_WORD_MAX * 4 + 5];
    memset(hy, 0, sizeof hy);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    uint64_t breaks = 0;
    if (hnj_hyphen_hyphenate2(d->whole ? d->whole : d->dict, word, (int)k, hy, NULL, &rep, &pos, &cut) == 0) {
        /* hy is indexed by character (UTF-8 patterns count characters). */
        for (size_t i = TS_HYPHEN_LEFT - 1; i + right < n; i++)
            if ((hy[i] & 1) && !(rep && rep[i]))
                breaks |= (uint64_t)1 << i;
    }
    /* Indic words: never a break before a sign that belongs to the
     * syllable before it, nor after a virama or a joiner (the patterns
     * should not give one; a wrong one would show a broken conjunct). */
    for (size_t i = 0; i + 1 < n; i++)
        if (ink_brk_extend(w[i + 1]) || is_virama(w[i]) || w[i] == 0x200C || w[i] == 0x200D ||
            w[i + 1] == 0x200C || w[i + 1] == 0x200D)
            breaks &= ~((uint64_t)1 << i);
    /* An apostrophe inside the word: never a break beside it (the line
     * would end or start with it), and the letters either side of a break
     * are counted without it. */
    size_t apos = 0;
    for (size_t i = 0; i < n; i++)
        apos += is_apostrophe(w[i]);
    for (size_t i = 0, before = 0; apos && i + 1 < n; i++) {
        before += !is_apostrophe(w[i]);
        if (is_apostrophe(w[i]) || is_apostrophe(w[i + 1]) || before < TS_HYPHEN_LEFT ||
            n - apos - before < right)
            breaks &= ~((uint64_t)1 << i);
    }
    if (rep) {
        for (size_t i = 0; i < k; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return breaks;
}

/* The memo's slot for word w[0..n) of d (hash h): its own, or the empty
 * one where it would go. */
static ts_word_t *memo_slot(const typeset_t *ts, const ts_dict_t *d, const uint32_t *w, size_t n, uint32_t h)
{
    size_t mask = ts->memo_cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        ts_word_t *e = &ts->memo[i];
        if (!e->d || (e->hash == h && e->d == d && e->n == n && !memcmp(ts->letters + e->at, w, n * sizeof *w)))
            return e;
    }
}

/* Keeps the breaks of w[0..n) of d; when memory runs short, or the memo
 * is full, it is simply not kept. */
static void memo_put(typeset_t *ts, const ts_dict_t *d, const uint32_t *w, size_t n, uint32_t h, uint64_t breaks)
{
    if ((ts->memo_used + 1) * 2 > ts->memo_cap) {
        size_t cap = ts->memo_cap ? 2 * ts->memo_cap : 4096;
        ts_word_t *m = cap <= TS_MEMO_MAX ? calloc(cap, sizeof *m) : NULL;
        if (!m)
            return;
        ts_word_t *old = ts->memo;
        size_t oldcap = ts->memo_cap;
        ts->memo = m;
        ts->memo_cap = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].d)
                *memo_slot(ts, old[i].d, ts->letters + old[i].at, old[i].n, old[i].hash) = old[i];
        free(old);
    }
    if (ts->letters_n + n > ts->letters_cap) {
        size_t cap = ts->letters_cap ? 2 * ts->letters_cap : 65536;
        while (cap < ts->letters_n + n)
            cap *= 2;
        uint32_t *l = realloc(ts->letters, cap * sizeof *l);
        if (!l)
            return;
        ts->letters = l;
        ts->letters_cap = cap;
    }
    ts_word_t *e = memo_slot(ts, d, w, n, h);
    memcpy(ts->letters + ts->letters_n, w, n * sizeof *w);
    *e = (ts_word_t){ d, h, (uint32_t)ts->letters_n, (uint32_t)n, breaks };
    ts->letters_n += n;
    ts->memo_used++;
}

/* Soft hyphens for the letters cps[a..b): shy[i] = 1 means a break after
 * cps[i]. */
static void hyphenate_run(typeset_t *ts, const ts_dict_t *d, const uint32_t *cps, size_t a, size_t b, char *shy)
{
    size_t n = b - a;
    size_t right = d->right ? d->right : TS_HYPHEN_RIGHT;
    if (n < TS_HYPHEN_LEFT + right || n > TS_WORD_MAX)
        return;
    uint32_t h = 2166136261u;
    for (size_t i = a; i < b; i++)
        h = (h ^ cps[i]) * 16777619u;
    ts_word_t *e = ts->memo_cap ? memo_slot(ts, d, cps + a, n, h) : NULL;
    uint64_t breaks;
    if (e && e->d) {
        breaks = e->breaks;
    } else {
        breaks = word_breaks(ts, d, cps + a, n);
        memo_put(ts, d, cps + a, n, h, breaks);
    }
    for (size_t i = 0; i < n; i++)
        if (breaks >> i & 1)
            shy[a + i] = 1;
}

int typeset_text(typeset_t *ts, const char *text, size_t len, const char *lang, unsigned flags, char **out,
                 size_t *outlen)
{
    int rc = -1;
    const uint8_t *s = (const uint8_t *)text;
    /* The characters without the control codes, where each starts, and
     * whether a control code (a style switch) comes right before it. */
    uint32_t *cps = malloc((len + 1) * sizeof *cps), *lb = malloc((len + 1) * sizeof *lb);
    size_t *at = malloc((len + 1) * sizeof *at);
    char *brks = malloc(len + 1), *shy = calloc(len + 1, 1), *ctl = calloc(len + 1, 1), *tb = malloc(len + 1);
    char *o = malloc(4 * len + 1);
    if (!cps || !lb || !at || !brks || !shy || !ctl || !tb || !o)
        goto out;
    size_t n = 0;
    int after_ctl = 0;
    for (size_t i = 0, k; i < len; i += k) {
        uint32_t c = s[i] < 0x80 ? (k = 1, s[i]) : ink_utf8_next(s + i, len - i, &k);
        if (c < 0x20) {
            after_ctl = 1;
            continue;
        }
        ctl[n] = (char)after_ctl;
        after_ctl = 0;
        at[n] = i;
        cps[n++] = c;
    }
    at[n] = len;
    if (!lang)
        lang = TS_LANG_DEFAULT;
    if (n) {
        /* libunibreak's tables differ by language only for CJK's ambiguous
         * characters; its German one trips an assertion in libunibreak 1.1
         * on some pages, so every other language is set as English. */
        const char *lb_lang = (!strncmp(lang, "zh", 2) || !strncmp(lang, "ja", 2) || !strncmp(lang, "ko", 2)) ? lang : "en";
        /* libunibreak 1.1 asserts on regional indicators (a flag 🇬🇷 in a
         * caption): it reads them as ideographs, which break alike, except
         * inside a pair, which the packer keeps together itself. */
        int ri = 0;
        for (size_t i = 0; i < n && !ri; i++)
            ri = cps[i] >= 0x1F1E6 && cps[i] <= 0x1F1FF;
        if (ri) {
            uint32_t *fl = malloc(n * sizeof *fl);
            if (!fl)
                goto out;
            for (size_t i = 0; i < n; i++)
                fl[i] = cps[i] >= 0x1F1E6 && cps[i] <= 0x1F1FF ? 0x2600 : cps[i];
            typeset_linebreaks(fl, n, lb_lang, brks, lb, tb);
            free(fl);
            for (size_t i = 0; i + 1 < n; i++)
                if (cps[i] >= 0x1F1E6 && cps[i] <= 0x1F1FF && cps[i + 1] >= 0x1F1E6 && cps[i + 1] <= 0x1F1FF) {
                    brks[i] = LINEBREAK_NOBREAK; /* the two halves of a flag */
                    i++;
                }
        } else {
            typeset_linebreaks(cps, n, lb_lang, brks, lb, tb);
        }
        if (flags & TS_BREAKS) {
            thai_breaks(ts, cps, n, brks);
            sa_breaks(ts, cps, n, brks);
        }
    }
    ts_dict_t *d = (flags & TS_HYPHENATE) ? dict_for(ts, lang) : NULL;
    if (d && d->dict) {
        for (size_t t = 0; t < n;) {
            if (is_gap(cps[t])) {
                t++;
                continue;
            }
            /* A token: up to the next gap. Words inside it are hyphenated
             * unless it looks like a number, an address or a compound. */
            size_t e = t;
            int skip = 0;
            while (e < n && !is_gap(cps[e])) {
                if (is_digit(cps[e]) || (spoils_word(cps[e]) && !(d->compounds && is_hyphen(cps[e]))) ||
                    (cps[e] == '.' && e + 1 < n && is_letter(cps[e + 1])))
                    skip = 1;
                e++;
            }
            for (size_t i = t; !skip && i < e;) {
                if (!is_letter(cps[i])) {
                    i++;
                    continue;
                }
                size_t j = i + 1;
                while (j < e && !ctl[j] &&
                       (is_letter(cps[j]) ||
                        (d->apostrophe && is_apostrophe(cps[j]) && j + 1 < e && is_letter(cps[j + 1]) && !ctl[j + 1]) ||
                        ((cps[j] == 0x200C || cps[j] == 0x200D) && is_indic(cps[j - 1]))))
                    j++;
                hyphenate_run(ts, d, cps, i, j, shy);
                i = j;
            }
            t = e;
        }
    }
    size_t k = 0, from = 0;
    for (size_t i = 0; i < n; i++) {
        if (at[i] > from) { /* control codes before it */
            memcpy(o + k, s + from, at[i] - from);
            k += at[i] - from;
        }
        size_t clen = 1; /* an ASCII character's */
        if (s[at[i]] >= 0x80) {
            clen = (i + 1 < n ? at[i + 1] : len) - at[i];
            /* its own bytes only: the controls after it go out before the next */
            for (size_t q = at[i]; q < at[i] + clen; q++)
                if (s[q] < 0x20) {
                    clen = q - at[i];
                    break;
                }
        }
        from = at[i] + clen;
        int last = i + 1 == n;
        if ((flags & TS_BREAKS) && cps[i] == ' ' && !last &&
            (brks[i] == LINEBREAK_NOBREAK || textnorm_glued(cps, n, i))) {
            /* UAX #14 forbids the break the rule would take, or the space
             * joins a number and its unit, a day and its month */
            o[k++] = INK_TX_NOBREAK;
            continue;
        }
        if (clen == 1)
            o[k++] = (char)s[at[i]];
        else {
            memcpy(o + k, s + at[i], clen);
            k += clen;
        }
        if (last)
            continue;
        /* The device breaks after a space, a hyphen or a dash, and between
         * two characters where its CJK rule says so (ink_brk.h): marks go
         * only where UAX #14 says otherwise. Korean keeps its words whole
         * (breaks at spaces, as CSS's keep-all). */
        int dev, cjk, uax;
        if (cps[i] < 0x1100 && cps[i + 1] < 0x1100) { /* neither CJK nor Hangul: what the rules come to */
            dev = rule_breaks_after(cps[i]);
            cjk = 0;
            uax = brks[i] == LINEBREAK_ALLOWBREAK;
        } else {
            dev = rule_breaks_after(cps[i]) || ink_brk_between(cps[i], cps[i + 1]);
            cjk = ink_brk_cjk(cps[i]) || ink_brk_cjk(cps[i + 1]);
            uax = brks[i] == LINEBREAK_ALLOWBREAK && !keep_all(cps[i], cps[i + 1]);
        }
        if (shy[i])
            o[k++] = INK_TX_SHY;
        else if ((flags & TS_BREAKS) && uax && !dev && !cjk) /* next to CJK, the device's kinsoku rules */
            o[k++] = INK_TX_ZWSP;
        else if ((flags & TS_BREAKS) && brks[i] == LINEBREAK_NOBREAK && dev && !rule_breaks_after(cps[i]))
            o[k++] = INK_TX_JOIN;
    }
    memcpy(o + k, s + from, len - from);
    k += len - from;
    o[k] = '\0';
    *out = o;
    *outlen = k;
    o = NULL;
    rc = 0;
out:
    free(cps);
    free(lb);
    free(tb);
    free(at);
    free(brks);
    free(shy);
    free(ctl);
    free(o);
    return rc;
}

/* Letters by script, to guess an article's language from its text. */
enum { SC_LATIN, SC_VIET, SC_CYRL, SC_GREEK, SC_HAN, SC_KANA, SC_HANGUL, SC_THAI, SC_INDIC, SC_N = SC_INDIC + 10 };

/* The language each Indic block (0x900 + 0x80 k) is most written in, for
 * its hyphenation patterns: Devanagari Hindi, Bengali, Gurmukhi Punjabi,
 * Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala. */
static const char *const indic_lang[10] = { "hi", "bn", "pa", "gu", "or", "ta", "te", "kn", "ml", "si" };

static int script_of(uint32_t c)
{
    if (c < 0x80)
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? SC_LATIN : -1;
    /* Letters only Vietnamese uses among the languages we hyphenate: ă ơ ư đ
     * and the Latin Extended Additional block's tone-marked vowels. */
    if (c == 0x103 || c == 0x102 || c == 0x1A0 || c == 0x1A1 || c == 0x1AF || c == 0x1B0 || c == 0x110 ||
        c == 0x111 || (c >= 0x1EA0 && c <= 0x1EF9))
        return SC_VIET;
    if (c <= 0x24F)
        return SC_LATIN;
    if (c >= 0x370 && c <= 0x3FF)
        return SC_GREEK;
    if (c >= 0x1F00 && c <= 0x1FFF)
        return SC_GREEK;
    if (c >= 0x400 && c <= 0x52F)
        return SC_CYRL;
    if (c >= 0x0E01 && c <= 0x0E5B)
        return SC_THAI;
    if (is_indic(c))
        return SC_INDIC + (int)((c - 0x900) >> 7);
    if ((c >= 0x3041 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF66 && c <= 0xFF9F))
        return SC_KANA;
    if (is_hangul(c))
        return SC_HANGUL;
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF))
        return SC_HAN;
    return -1;
}

/* n[script]++ for each letter of s; cyrl[textnorm_cyrillic_letter]++ for
 * each Cyrillic one. */
static void count_scripts(const char *s, size_t *n, size_t cyrl[5])
{
    if (!s)
        return;
    size_t len = strlen(s);
    for (size_t i = 0, k; i < len; i += k) {
        uint32_t c = ink_utf8_next((const uint8_t *)s + i, len - i, &k);
        int sc = script_of(c);
        if (sc >= 0)
            n[sc]++;
        if (sc == SC_CYRL)
            cyrl[textnorm_cyrillic_letter(c)]++;
    }
}

const char *typeset_lang(const article_t *a)
{
    if (a->lang && *a->lang)
        return a->lang;
    size_t n[SC_N] = { 0 }, cyrl[5] = { 0 };
    count_scripts(a->title, n, cyrl);
    for (size_t i = 0; i < a->nblocks; i++)
        count_scripts(a->blocks[i].text, n, cyrl);
    /* Japanese mixes kana with Han: a text with kana in it is Japanese. */
    if (n[SC_KANA] * 10 > n[SC_HAN] + n[SC_KANA] && n[SC_KANA] > 0)
        n[SC_HAN] += n[SC_KANA];
    else
        n[SC_KANA] = 0;
    n[SC_LATIN] += n[SC_VIET];
    int best = SC_LATIN;
    for (int sc = 0; sc < SC_N; sc++)
        if (sc != SC_VIET && n[sc] > n[best])
            best = sc;
    switch (best) {
    case SC_CYRL: return textnorm_cyrillic_lang(cyrl);
    case SC_GREEK: return "el";
    case SC_HAN: return n[SC_KANA] ? "ja" : "zh";
    case SC_KANA: return "ja";
    case SC_HANGUL: return "ko";
    case SC_THAI: return "th";
    default: break;
    }
    if (best >= SC_INDIC)
        return indic_lang[best - SC_INDIC];
    /* Latin: Vietnamese when its own letters are common, else unknown. */
    if (n[SC_LATIN] && n[SC_VIET] * 20 > n[SC_LATIN])
        return "vi";
    return NULL;
}

static int dup_field(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return 0;
    *dst = article_strndup(src, strlen(src));
    return *dst ? 0 : -1;
}

int typeset_article(typeset_t *ts, const article_t *a, article_t *out)
{
    memset(out, 0, sizeof *out);
    size_t tl;
    if (dup_field(&out->date, a->date) || dup_field(&out->section, a->section) ||
        dup_field(&out->source, a->source) || dup_field(&out->byline, a->byline) ||
        dup_field(&out->lang, typeset_lang(a)))
        goto fail;
    if (a->title && typeset_text(ts, a->title, strlen(a->title), out->lang, TS_BREAKS, &out->title, &tl))
        goto fail;
    for (size_t i = 0; i < a->nblocks; i++) {
        char *t;
        size_t n;
        if (typeset_text(ts, a->blocks[i].text, strlen(a->blocks[i].text), out->lang, TS_BREAKS | TS_HYPHENATE,
                         &t, &n))
            goto fail;
        int r = article_add_block(out, a->blocks[i].kind, t, n);
        free(t);
        if (r)
            goto fail;
        article_block_t *ob = &out->blocks[out->nblocks - 1];
        ob->pic = a->blocks[i].pic;
        ob->lead = a->blocks[i].lead;
        if (dup_field(&ob->src, a->blocks[i].src) || dup_field(&ob->credit, a->blocks[i].credit))
            goto fail;
    }
    return 0;
fail:
    article_free(out);
    return -1;
}

/* SPDX-License-Identifier: MIT */
/* textnorm.h: normalising cleaned text for the reader: well-formed UTF-8,
 * Unicode NFC (Latin, Greek, Cyrillic; the Indic letters with a nukta),
 * typographic quotes, dashes and ellipses, collapsed white space, no
 * zero-width or control characters.
 * Host only. */
#ifndef INK_TEXTNORM_H
#define INK_TEXTNORM_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "ink_utf8.h"

/** Flags for textnorm(). */
enum {
    TN_TYPO = 1u << 0,   /**< quotes of the language, apostrophes, primes, "..." -> U+2026,
                              French spacing; addresses and code left alone */
    TN_DASH = 1u << 1,   /**< " - " -> " – ", "--" -> "—", 2004-05 -> 2004–05 */
    TN_STYLE = 1u << 2,  /**< keep inline style codes 0x10..0x13 (dropping empty pairs) */
};

/**
 * Normalises s[0..n) (untrusted bytes; invalid UTF-8 bytes are read as
 * Windows-1252) into a malloc'd NUL-terminated string, length in *outlen
 * (may be NULL). White space runs become one space (U+00A0 is kept), the
 * ends are trimmed, control, zero-width, bidi and soft-hyphen characters are
 * dropped, a base letter followed by a combining mark is composed where
 * Unicode has a precomposed form, and a Devanagari, Bengali, Gurmukhi or
 * Oriya letter with a nukta that NFC excludes from composition is written
 * as the letter and the sign. Returns NULL when out of memory.
 */
char *textnorm(const char *s, size_t n, unsigned flags, size_t *outlen);

/**
 * textnorm() for text in language lang (BCP 47; NULL: English). With
 * TN_TYPO, straight quotes become the language's: “…” and ‘…’ (English and
 * the default), „…“ and ‚…‘ (German; «…» in de-CH), « … » with U+202F
 * inside and U+202F before ; : ! ? (French), «…» and „…“ (Russian), 「…」
 * and 『…』 (Japanese). An apostrophe inside or at the start of a word
 * ('90s, 'em, rock 'n' roll) is U+2019; after digits ' and " are the prime
 * marks U+2032 and U+2033 (5'11"). Quotes a text already has are kept;
 * addresses and code-like tokens (textnorm_straight_quotes) are left as
 * they are.
 */
char *textnorm_lang(const char *s, size_t n, unsigned flags, const char *lang, size_t *outlen);

/** The same typography for every field of a cleaned article, whatever its
 * input: title, byline and source (TN_TYPO | TN_DASH) and each block (with
 * TN_STYLE), in a->lang; a block left empty is dropped. When a->lang is
 * NULL it is first guessed from the body (textnorm_guess_lang). Returns 0,
 * or -1 when out of memory. */
int textnorm_article(article_t *a);

/** The language of s[0..n) from its function words and scripts: "en", "de",
 * "fr", "es", "ru", "uk" or "be" (Cyrillic: textnorm_cyrillic_lang), "ja"
 * (kana), "zh" (Han), or NULL when the
 * text is too short, no language stands out or the one that does is
 * another (Italian, Portuguese, Dutch, Latin). A static string. */
const char *textnorm_guess_lang(const char *s, size_t n);

/** What a Cyrillic letter says of its language (upper and lower case
 * alike): 1 і ї є ґ (Ukrainian; і Belarusian too), 2 ў (Belarusian), 3
 * ы э ё (Russian and Belarusian, not Ukrainian), 4 и щ ъ (Russian and
 * Ukrainian, not Belarusian), 0 any other. */
int textnorm_cyrillic_letter(uint32_t c);

/** The language of a Cyrillic text from the counts n[1..4] of its letters
 * by textnorm_cyrillic_letter (n[0] unused): "be" when it has ў and more
 * of ў і than of и щ ъ, else "uk" when і ї є ґ outnumber ы э ё, else
 * "ru". */
const char *textnorm_cyrillic_lang(const size_t n[5]);

/** Counts the straight quotes ' and " in s[0..n) (UTF-8, bundle control
 * codes allowed); *in_code (may be NULL) gets how many of them are inside
 * addresses or code-like tokens, which TN_TYPO leaves alone. */
size_t textnorm_straight_quotes(const char *s, size_t n, size_t *in_code);

/** Whether the space c[i] joins what must stay on one line: a number and
 * its unit or currency (£5 m, 10 %, € 5), a day and its month (26 Aug,
 * Aug 26, 26. August, 26 août), a month and its year. "72 hours" may
 * break. c holds code points without control codes. */
int textnorm_glued(const uint32_t *c, size_t n, size_t i);

/** ink_utf8_put (render/ink_utf8.h) by its old name, while the callers in
 * tools/pack/typeset.c and in textnorm.c's typography, edited elsewhere
 * now, still use it. */
static inline size_t textnorm_put_utf8(char *o, uint32_t cp)
{
    if (cp < 0x80) { /* most text: no call */
        o[0] = (char)cp;
        return 1;
    }
    return ink_utf8_put(o, cp);
}

/** The precomposed form of base + mark, or 0 when there is none. */
uint32_t textnorm_compose(uint32_t base, uint32_t mark);

#endif

/* SPDX-License-Identifier: MIT */
/* typeset.h: the host's typesetting preparation of article text: soft
 * hyphens at hyphenation points (libhyphen with Debian's patterns, per
 * language) and line-break marks after UAX #14 (libunibreak), encoded so
 * that the device needs one rule (docs/FORMAT.md, "Article text"): a line
 * may break at a space, at a soft hyphen (a hyphen is drawn), at a
 * zero-width space (nothing drawn) and after a hyphen or dash, never at a
 * no-break space. Host only: allocates with malloc. */
#ifndef INK_TYPESET_H
#define INK_TYPESET_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

/** Flags for typeset_text(). */
enum {
    TS_BREAKS = 1u << 0,    /**< ZWSP where UAX #14 allows a break the rule lacks; no-break spaces where it forbids one */
    TS_HYPHENATE = 1u << 1, /**< soft hyphens at the hyphenation points of the language */
};

/** Language used when an article has none. */
#define TS_LANG_DEFAULT "en-US"

/** Fewest letters a hyphenated word keeps before and after a break. */
#define TS_HYPHEN_LEFT 2
#define TS_HYPHEN_RIGHT 3

/** Hyphenation dictionaries by language, loaded on first use and kept. */
typedef struct typeset typeset_t;

/** A typesetter reading dictionaries from dir, a folder or a list of them
 * separated by ':' and tried in order (NULL: $INKPRESS_HYPHEN_DIR, else the
 * build's own, converted from TeX's patterns by mk/texhyph.py: hyphen/ and
 * ../hyphen/ beside the program, ../share/inkpress/hyphen/ when installed;
 * then /usr/share/hyphen). Returns NULL when out of memory. */
typeset_t *typeset_new(const char *dir);

/** Frees ts and its dictionaries. NULL is fine. */
void typeset_free(typeset_t *ts);

/** Whether ts has hyphenation patterns for lang (NULL: TS_LANG_DEFAULT):
 * "de-AT" finds hyph_de_AT.dic, else hyph_de.dic, else hyph_de_DE.dic. */
int typeset_has_lang(typeset_t *ts, const char *lang);

/** Fewest letters typeset_text keeps after a break in lang: TS_HYPHEN_RIGHT,
 * or 2 for German, Russian and Ukrainian. */
unsigned typeset_right(typeset_t *ts, const char *lang);

/** The pattern file typeset_text hyphenates lang with, or NULL when none. */
const char *typeset_patterns(typeset_t *ts, const char *lang);

/** Marks text[0..len) (well-formed UTF-8, may hold inline style codes) as
 * flags say, in language lang (NULL: TS_LANG_DEFAULT; a language without
 * patterns gets break marks only). Hyphenation skips words with digits,
 * URLs and addresses, all-capital words and words that already hold a
 * hyphen, and keeps TS_HYPHEN_LEFT letters before and TS_HYPHEN_RIGHT after
 * every break. *out is malloc'd and NUL-terminated, *outlen its length.
 * Returns 0, or -1 when out of memory. */
int typeset_text(typeset_t *ts, const char *text, size_t len, const char *lang, unsigned flags, char **out,
                 size_t *outlen);

/** The language a is set in: its own (from the page, the feed), else one
 * guessed from the script most of its letters are in (kana: "ja", Han:
 * "zh", Hangul: "ko", Thai: "th", Cyrillic: "ru", "uk" or "be"
 * (textnorm_cyrillic_lang), Greek: "el", Latin with
 * Vietnamese letters: "vi"), else NULL (TS_LANG_DEFAULT). */
const char *typeset_lang(const article_t *a);

/** UAX #14's break opportunities after each of cps[0..n) into brks[0..n),
 * exactly as libunibreak's set_linebreaks_utf32(cps, n, lang, brks) gives
 * them (LINEBREAK_*), in a fraction of its time on Latin text; tmp and tb
 * are the caller's scratch, n entries each. */
void typeset_linebreaks(const uint32_t *cps, size_t n, const char *lang, char *brks, uint32_t *tmp, char *tb);

/** A deep copy of a in *out with every body block's text marked with
 * TS_BREAKS | TS_HYPHENATE in typeset_lang(a) and the title with TS_BREAKS
 * only; the header fields are copied as they are, and out->lang is
 * typeset_lang(a). article_free(out) frees it.
 * Returns 0, or -1 when out of memory (*out is then empty). */
int typeset_article(typeset_t *ts, const article_t *a, article_t *out);

#endif

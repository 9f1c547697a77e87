/* SPDX-License-Identifier: MIT */
/* ink_hyph.h: hyphenation on the device from a small set of Liang patterns
 * the packer picked for the edition (HYPH section, docs/FORMAT.md), read in
 * place. The packer writes soft hyphens only where these patterns would not
 * find the same points, so the text carries most of its hyphenation for free;
 * the packer checks, with this same code, that the reader ends up with the
 * very points libhyphen gave.
 *
 * Layout: u8 lefthyphenmin, u8 righthyphenmin, u16 npatterns, u32
 * records_len, char lang[8]; u16 start[INK_HYPH_BUCKETS + 1] (offsets into
 * the records, the last one records_len); the records; then one bit per
 * article (bit i % 8 of byte i / 8: article i is hyphenated by the
 * patterns). A pattern's bucket is its first two letters (the second "none"
 * for one-letter patterns); a record is a byte nrest << 4 | nvals, the
 * letters after the first two, and nvals bytes pos << 4 | value. */
#ifndef INK_HYPH_H
#define INK_HYPH_H

#include <stddef.h>
#include <stdint.h>

#include "ink_text.h"

/** Letters of a pattern alphabet: '.' (the word's edge) and a to z. */
#define INK_HYPH_ALPHA 27u
/** Buckets: first letter by second letter, or by "none" (index 27). */
#define INK_HYPH_BUCKETS (INK_HYPH_ALPHA * (INK_HYPH_ALPHA + 1u))
/** Bytes before the bucket table. */
#define INK_HYPH_HEAD 16u
/** The longest word (in letters) the patterns hyphenate. */
#define INK_HYPH_WORD_MAX 32u
/** The longest run of letters and soft hyphens looked at, in bytes. */
#define INK_HYPH_RUN_MAX 64u

typedef struct ink_hyph {
    const uint8_t *start;     /**< INK_HYPH_BUCKETS + 1 little-endian u16 */
    const uint8_t *rec;       /**< records_len bytes */
    const uint8_t *bits;      /**< one bit per article */
    uint32_t nbits;
    uint8_t left, right;      /**< letters kept before and after a break */
    char lang[9];
} ink_hyph_t;

/** A run of letters the patterns may hyphenate, as ink_hyph_run finds it. */
typedef struct ink_hyph_run {
    uint32_t start, end;      /**< bytes [start, end): letters and soft hyphens */
    int applies;              /**< the patterns hyphenate it */
    uint32_t points;          /**< bit k: the patterns break after letter k */
    uint64_t breaks;          /**< bit j: a break they add before byte start + j */
} ink_hyph_run_t;

/** Binds h to a HYPH section at data[0..len) of a bundle of narticles
 * articles, after checking every offset and record. Returns 0, or -1 when
 * malformed (h is then empty: no patterns). */
int ink_hyph_bind(ink_hyph_t *h, const uint8_t *data, size_t len, uint32_t narticles);

/** Whether article i is hyphenated by h's patterns. */
int ink_hyph_article(const ink_hyph_t *h, uint32_t i);

/** The break points of word[0..n) (lowercase a to z): bit k set when a line
 * may break after letter k. Words outside [left + right, INK_HYPH_WORD_MAX]
 * letters have none. */
uint32_t ink_hyph_word(const ink_hyph_t *h, const uint8_t *word, unsigned n);

/** The run of ASCII letters and soft hyphens (0x15) around text[p] (which
 * must be one of them) in text[0..len), and where the patterns break it.
 * They apply unless the run is preceded by INK_TX_HYPH_OFF, touches a digit
 * or a byte of a multi-byte character, has all its letters in capitals, or
 * is longer than INK_HYPH_WORD_MAX letters or INK_HYPH_RUN_MAX bytes. */
void ink_hyph_run(const ink_hyph_t *h, const uint8_t *text, uint32_t len, uint32_t p, ink_hyph_run_t *r);

/** ink_hyph_run in two halves, for a caller that keeps the points of words
 * it has seen (the packer): the run around text[p] in *r, and when the
 * patterns apply to it (returns 1; r->applies set) its letters lowercased
 * in word[0..*n); then ink_hyph_run_points gives r the points of those
 * letters (ink_hyph_word's) and the breaks they add. */
int ink_hyph_run_letters(const ink_hyph_t *h, const uint8_t *text, uint32_t len, uint32_t p, ink_hyph_run_t *r,
                         uint8_t word[INK_HYPH_RUN_MAX], unsigned *n);
void ink_hyph_run_points(ink_hyph_run_t *r, const uint8_t *text, uint32_t points);

/** Whether c belongs in a run: an ASCII letter or a soft hyphen. */
static inline int ink_hyph_in_run(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0x15;
}

#endif

/* SPDX-License-Identifier: MIT */
/* hyphpat.h: the HYPH section (docs/FORMAT.md, render/ink_hyph.h). Picks
 * the Liang patterns of a libhyphen dictionary that pay for themselves in
 * an edition, and rewrites the articles' text so that it carries only the
 * soft hyphens those patterns do not find on the device. */
#ifndef INK_HYPHPAT_H
#define INK_HYPHPAT_H

#include <stddef.h>
#include <stdint.h>

typedef struct hyphpat_stats {
    size_t patterns;      /**< patterns kept in HYPH (0: no section) */
    size_t dic_patterns;  /**< patterns the dictionary has that the device can use */
    size_t articles;      /**< articles hyphenated by the patterns */
    size_t shy_before;    /**< soft hyphens in those articles before */
    size_t shy_after;     /**< soft hyphens left in them, and words marked off */
    size_t marked;
    size_t refused;       /**< articles whose rewrite did not give the same points back (kept whole) */
} hyphpat_stats_t;

/** For the articles texts[m] (encoded article text, docs/FORMAT.md) with
 * eligible[m] set, all in one language whose patterns are the libhyphen
 * file dic_path: picks patterns, rewrites those texts in place (realloc'd,
 * lens updated) and writes the HYPH section to *sec (malloc'd, *sec_len
 * bytes; lang names the language in it). When no choice of patterns makes
 * the edition smaller, leaves the texts alone and sets *sec_len to 0,
 * unless always is set: then every pattern that decides a word is kept.
 * left and right are the letters the host kept around every break.
 * The work is spread over threads (par_threads(threads)). Deterministic.
 * Returns 0, or -1 when out of memory (texts unchanged). */
int hyphpat_pack(const char *dic_path, const char *lang, unsigned left, unsigned right, int always, uint8_t **texts,
                 size_t *lens, const uint8_t *eligible, size_t n, int threads, uint8_t **sec, size_t *sec_len,
                 hyphpat_stats_t *st);

#endif

/* SPDX-License-Identifier: MIT */
/* order.h: the order article texts are stored in (ORDR, docs/FORMAT.md).
 * Deflate finds repeats within its 32 KiB window, that is within a group
 * of texts; follow-ups of one story (names, places, quotes) that sit far
 * apart in reading order land in different groups. This puts the texts
 * of each section in a chain of similar ones: each article's rarest
 * words by tf-idf, and the next text the one sharing the most weight with
 * the last few. Host only. */
#ifndef INK_ORDER_H
#define INK_ORDER_H

#include <stddef.h>
#include <stdint.h>

/** Words of an article that describe it (the most by tf-idf). */
#define ORDER_WORDS 64u
/** Articles of one section chained at once (bounds the time, which grows
 * with the square of this). */
#define ORDER_RUN 4096u

/** Fills st[0..n) with the storage order of the texts texts[0..n)
 * (lens[m] bytes each, in reading order): st[k] is the reading index of
 * the text stored k-th. Articles stay in their section (sec[m], the
 * section of article m, does not decrease with m); within a section the
 * texts of at most gcap / 2 bytes come first, in a chain of similar ones,
 * then the longer ones (which a stream of their own holds) in reading
 * order. A section whose texts fit one group of gcap bytes keeps its
 * reading order. The words are found on threads threads (par.h: 0 = one
 * a core). Deterministic: integer weights, ties to the lower index, the
 * same whatever the threads. Returns 0, or -1 when out of memory (st is
 * then reading order). */
int order_texts(const uint8_t *const *texts, const size_t *lens, const size_t *sec, size_t n, size_t gcap, int threads,
                size_t *st);

#endif

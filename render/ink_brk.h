/* SPDX-License-Identifier: MIT */
/* ink_brk.h: where a line may break between two characters without a mark
 * in the text, and where it never may. The device applies these rules
 * itself, so that Chinese and Japanese text, which may break between almost
 * any two characters, needs no byte per character to say so; the packer
 * (tools/pack/typeset.c) applies the same functions and marks only where
 * UAX #14 disagrees with them (docs/FORMAT.md, "Article text").
 *
 * - CJK: a line may break between two characters when either is a Han
 *   ideograph, kana, bopomofo, a CJK symbol or a full-width form, unless
 *   the second may not start a line (closing brackets, 。、，．・：；？！,
 *   small kana, ー, iteration marks...) or the first may not end one
 *   (opening brackets, opening quotes), or either is a no-break space, or
 *   the two are the same of — … ‥ (a doubled dash or ellipsis).
 * - Clusters: never before a character that extends the one before it (a
 *   combining mark, ZWJ, an emoji modifier), nor after a ZWJ. */
#ifndef INK_BRK_H
#define INK_BRK_H

#include <stdint.h>

/** Whether cp is a character of the CJK rule (Hangul is not: Korean breaks
 * at its spaces). */
int ink_brk_cjk(uint32_t cp);

/** Whether cp may not start a line (kinsoku: line-start prohibited). */
int ink_brk_no_start(uint32_t cp);

/** Whether cp may not end a line (kinsoku: line-end prohibited). */
int ink_brk_no_end(uint32_t cp);

/** Whether cp extends the grapheme cluster of the character before it. */
int ink_brk_extend(uint32_t cp);

/** Whether the CJK rule lets a line break between a and b, two characters
 * that stand next to each other (no space, no mark between them). */
int ink_brk_between(uint32_t a, uint32_t b);

/** Whether a line may never break between a and b: b extends a's cluster,
 * or a is a ZWJ. */
int ink_brk_inside_cluster(uint32_t a, uint32_t b);

#endif

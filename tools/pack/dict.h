/* SPDX-License-Identifier: MIT */
/* dict.h: builds a preset deflate dictionary from an edition's own text. */
#ifndef INK_DICT_H
#define INK_DICT_H

#include <stddef.h>
#include <stdint.h>

/** Builds a dictionary of at most cap bytes (deflate sees only the last
 * 32 KiB) from the samples, each a separately compressed piece of text.
 *
 * The method follows the "cover" idea: count in how many samples each
 * 8-byte string occurs; split the text into as many stretches as the
 * dictionary has segments; from each stretch take the k-byte segment whose
 * not yet covered 8-byte strings are worth most; then order the segments so
 * the most valuable come last, nearest to the text that refers to them.
 * Deterministic. Returns the dictionary's length (0 when the text is too
 * small to be worth one); *out is malloc'd (NULL when 0). */
size_t dict_build(const uint8_t *const *samples, const size_t *lens, size_t n, size_t cap, uint8_t **out);

/** dict_build on `threads` threads (0: one a core; par.h): the strings
 * are counted a bucket (strings of one hash prefix) a thread; the segments
 * are chosen on one. The same dictionary whatever the number. Needs about
 * 9 bytes a byte of text for the while; text past 2 GiB gets no
 * dictionary. */
size_t dict_build_threads(const uint8_t *const *samples, const size_t *lens, size_t n, size_t cap, int threads,
                          uint8_t **out);

#endif

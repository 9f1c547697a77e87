/* SPDX-License-Identifier: MIT */
/* zdict.h: raw deflate with a preset dictionary, by a near-optimal parser
 * of our own: binary trees find the matches (those into the dictionary
 * among them), a cheapest path through them under a cost model taken from
 * the pass before picks the literals and matches, blocks are cut where
 * the symbols' statistics change, each with Huffman codes of its own. The
 * dictionary's trees are built once (zdict_dict_new) and shared by every
 * stream and thread; a stream parses only its own text. The result
 * inflates after the dictionary as history (zlib's inflateSetDictionary,
 * the device's DICT); zdict checks that it does before handing it over.
 * Host only: allocates with malloc. */
#ifndef INK_ZDICT_H
#define INK_ZDICT_H

#include <stddef.h>
#include <stdint.h>

typedef struct zdict zdict_t;
typedef struct zdict_dict zdict_dict_t;

/** The trees of dict[0..dlen) (dlen <= 32768) at level (10 to 12), built
 * once and then only read: one may serve every thread. NULL when out of
 * memory or dlen or level is out of range. */
zdict_dict_t *zdict_dict_new(const uint8_t *dict, size_t dlen, int level);
void zdict_dict_free(zdict_dict_t *d);

/** A compressor at level 10 to 12 (12 searches deepest and parses most
 * often: smallest, slowest); one per thread. NULL when out of memory or the
 * level is out of range. */
zdict_t *zdict_new(int level);
void zdict_free(zdict_t *z);

/** Compresses in[0..n) as a raw deflate stream that may refer back into
 * d's dictionary (NULL for none), into *out (malloc'd, *outlen bytes).
 * With final set the stream ends in a final block; without, it stops
 * unfinished after an empty stored block on a byte boundary (the form of
 * DICT, docs/FORMAT.md). Deterministic: the same bytes whichever zdict_t
 * and thread. Returns 0, or -1 when out of memory or when the stream would
 * not give the text back. */
int zdict_deflate(zdict_t *z, const zdict_dict_t *d, const uint8_t *in, size_t n, int final, uint8_t **out,
                  size_t *outlen);

#endif

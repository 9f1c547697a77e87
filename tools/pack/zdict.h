/* SPDX-License-Identifier: MIT */
/* zdict.h: raw deflate with a preset dictionary through libdeflate's
 * near-optimal parser, which has no dictionary of its own. The dictionary
 * and the text are compressed as one buffer; the parse of the text's part
 * (its literals and matches, including those reaching back into the
 * dictionary, and libdeflate's block boundaries) is read back out of that
 * stream and written again as a stream of its own, each block with
 * Huffman codes for its own symbols. The result inflates after the
 * dictionary as history (zlib's inflateSetDictionary, the device's DICT);
 * zdict checks that it does before handing it over. Host only: allocates
 * with malloc. */
#ifndef INK_ZDICT_H
#define INK_ZDICT_H

#include <stddef.h>
#include <stdint.h>

typedef struct zdict zdict_t;

/** A compressor at libdeflate's level (1 to 12; 12 is its slowest and
 * smallest); one per thread. NULL when out of memory. */
zdict_t *zdict_new(int level);
void zdict_free(zdict_t *z);

/** Compresses in[0..n) as a raw deflate stream that may refer back into
 * dict[0..dlen) (dlen <= 32768; 0 for none), into *out (malloc'd, *outlen
 * bytes). With final set the stream ends in a final block; without, it
 * stops unfinished after an empty stored block on a byte boundary (the
 * form of DICT, docs/FORMAT.md). Deterministic. Returns 0, or -1 when out
 * of memory or when the stream would not give the text back. */
int zdict_deflate(zdict_t *z, const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int final,
                  uint8_t **out, size_t *outlen);

#endif

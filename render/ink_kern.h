/* SPDX-License-Identifier: MIT */
/* ink_kern.h: kerning pairs as the host stores them in a bundle (KERN
 * section, docs/FORMAT.md), read in place.
 *
 * Layout: u32 ncps, u32 npairs[3] (regular, bold, italic); u32 cps[ncps],
 * the code points the edition kerns, ascending; then per face npairs u32
 * entries, ascending: left index << 20 | right index << 8 | adjust, where
 * the indexes point into cps (12 bits each) and adjust is a signed byte in
 * 1/256 em, added to the left glyph's advance. */
#ifndef INK_KERN_H
#define INK_KERN_H

#include <stddef.h>
#include <stdint.h>

#define INK_KERN_FACES 3u
#define INK_KERN_MAX_CPS 4096u

typedef struct ink_kern {
    const uint8_t *cps;                     /**< ncps little-endian u32 */
    uint32_t ncps;
    const uint8_t *pairs[INK_KERN_FACES];   /**< npairs little-endian u32 each */
    uint32_t npairs[INK_KERN_FACES];
} ink_kern_t;

/** Checks a KERN section at data[0..len) as docs/FORMAT.md says: exactly
 * as long as its counts, at most INK_KERN_MAX_CPS code points strictly
 * ascending (Unicode scalar values), every pair's indexes below ncps and
 * each face's pairs strictly ascending by (left, right). Returns 0, or -1
 * with the failed check in *why (a constant sentence). */
int ink_kern_check(const uint8_t *data, size_t len, const char **why);

/** Binds k to a KERN section at data[0..len) after ink_kern_check.
 * Returns 0, or -1 when the section is malformed (k is then empty: no
 * kerning). */
int ink_kern_bind(ink_kern_t *k, const uint8_t *data, size_t len);

/** The adjustment for the pair (left, right) in face, in 1/256 em; 0 when
 * none. An empty k (all zero) kerns nothing. */
int ink_kern_get(const ink_kern_t *k, unsigned face, uint32_t left, uint32_t right);

#endif

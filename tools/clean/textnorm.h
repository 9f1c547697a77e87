/* SPDX-License-Identifier: MIT */
/* textnorm.h: normalising cleaned text for the reader: well-formed UTF-8,
 * Unicode NFC (Latin, Greek, Cyrillic), typographic quotes, dashes and
 * ellipses, collapsed white space, no zero-width or control characters.
 * Host only. */
#ifndef INK_TEXTNORM_H
#define INK_TEXTNORM_H

#include <stddef.h>
#include <stdint.h>

#include "ink_utf8.h"

/** Flags for textnorm(). */
enum {
    TN_TYPO = 1u << 0,   /**< curly quotes and apostrophes, "..." -> U+2026 */
    TN_DASH = 1u << 1,   /**< " - " -> " – ", "--" -> "—" */
    TN_STYLE = 1u << 2,  /**< keep inline style codes 0x10..0x13 (dropping empty pairs) */
};

/**
 * Normalises s[0..n) (untrusted bytes; invalid UTF-8 bytes are read as
 * Windows-1252) into a malloc'd NUL-terminated string, length in *outlen
 * (may be NULL). White space runs become one space (U+00A0 is kept), the
 * ends are trimmed, control, zero-width, bidi and soft-hyphen characters are
 * dropped, a base letter followed by a combining mark is composed where
 * Unicode has a precomposed form. Returns NULL when out of memory.
 */
char *textnorm(const char *s, size_t n, unsigned flags, size_t *outlen);

/** ink_utf8_put (render/ink_utf8.h) by its old name, while the callers in
 * tools/pack/typeset.c and in textnorm.c's typography, edited elsewhere
 * now, still use it. */
static inline size_t textnorm_put_utf8(char *o, uint32_t cp)
{
    return ink_utf8_put(o, cp);
}

/** The precomposed form of base + mark, or 0 when there is none. */
uint32_t textnorm_compose(uint32_t base, uint32_t mark);

#endif

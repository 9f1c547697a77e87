/* SPDX-License-Identifier: MIT */
/* textnorm.h: normalising cleaned text for the reader: well-formed UTF-8,
 * Unicode NFC (Latin, Greek, Cyrillic), typographic quotes, dashes and
 * ellipses, collapsed white space, no zero-width or control characters.
 * Host only. */
#ifndef INK_TEXTNORM_H
#define INK_TEXTNORM_H

#include <stddef.h>
#include <stdint.h>

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

/** Returns a malloc'd NUL-terminated well-formed UTF-8 copy of s[0..n):
 * valid sequences are kept, every other byte is read as Windows-1252.
 * Nothing else changes. *outlen gets the length. NULL when out of memory. */
char *textnorm_bytes_to_utf8(const char *s, size_t n, size_t *outlen);

/** Writes cp as UTF-8 to o (room for 4 bytes); returns the byte count. */
size_t textnorm_put_utf8(char *o, uint32_t cp);

/** Length of the well-formed UTF-8 sequence at s[0..n), or 0 when it is
 * not one (overlongs, surrogates and values above U+10FFFF are rejected). */
size_t textnorm_utf8_len(const unsigned char *s, size_t n);

/** The precomposed form of base + mark, or 0 when there is none. */
uint32_t textnorm_compose(uint32_t base, uint32_t mark);

#endif

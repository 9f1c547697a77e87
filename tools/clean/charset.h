/* SPDX-License-Identifier: MIT */
/* charset.h: untrusted bytes to UTF-8 on the host: whether bytes are
 * UTF-8, and Windows-1252 for the bytes that are not. UTF-8 itself is
 * render/ink_utf8.h's (the device's own decoder). Host only; allocates with
 * malloc. */
#ifndef INK_CHARSET_H
#define INK_CHARSET_H

#include <stddef.h>
#include <stdint.h>

/**
 * What the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
 * 0x90, 0x9D) become. The two inputs differ on purpose, and the tests hold
 * both: a page keeps a sign that a character was lost, a scrape loses the
 * byte without a trace.
 */
typedef enum {
    /** U+FFFD, which textnorm keeps: HTML pages and feed items. */
    CHARSET_HOLES_FFFD = 0,
    /** The C1 control of the same value (U+0081...), as the WHATWG
     * Encoding Standard and browsers decode them; the scrape cleaner's
     * line normaliser then drops them with the other control characters. */
    CHARSET_HOLES_C1 = 1,
} charset_holes_t;

/** 1 when s[0..n) is well-formed UTF-8 throughout (ink_utf8_len), else 0. */
int charset_utf8_valid(const char *s, size_t n);

/** The code point of byte b in Windows-1252: bytes below 0x80 and from
 * 0xA0 are themselves (Latin-1), 0x80..0x9F the 1252 table, the five
 * undefined bytes as holes says. */
uint32_t charset_cp1252(unsigned char b, charset_holes_t holes);

/** One code point at s[*i] (i < n), *i moved past it: a well-formed UTF-8
 * sequence, else the one byte read as Windows-1252. */
uint32_t charset_next(const unsigned char *s, size_t n, size_t *i, charset_holes_t holes);

/** A malloc'd NUL-terminated well-formed UTF-8 copy of s[0..n): well-formed
 * sequences are kept, every other byte is read as Windows-1252 (mixed files
 * come out whole). Nothing else changes. *outlen (may be NULL) gets the
 * length. NULL when out of memory. */
char *charset_to_utf8(const char *s, size_t n, charset_holes_t holes, size_t *outlen);

/** As charset_to_utf8, but every byte is read as Windows-1252 (a file that
 * is not UTF-8 as a whole). */
char *charset_cp1252_to_utf8(const char *s, size_t n, charset_holes_t holes, size_t *outlen);

#endif

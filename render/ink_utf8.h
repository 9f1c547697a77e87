/* SPDX-License-Identifier: MIT */
/* ink_utf8.h: UTF-8, the one decoder and encoder the device and the host
 * share. Well-formed means what Unicode says (Table 3-7): no overlong
 * forms, no surrogates, nothing above U+10FFFF. No allocation, no state. */
#ifndef INK_UTF8_H
#define INK_UTF8_H

#include <stddef.h>
#include <stdint.h>

/** The replacement character a malformed byte decodes as. */
#define INK_UTF8_BAD 0xFFFDu

/** Length (1 to 4) of the well-formed UTF-8 sequence at the start of
 * s[0..n) (n >= 1), or 0 when it does not start with one. */
size_t ink_utf8_len(const uint8_t *s, size_t n);

/** Decodes one UTF-8 sequence at s[0..len) (len >= 1); stores its length in
 * *n (at least 1). A byte that does not start a well-formed sequence decodes
 * as INK_UTF8_BAD with *n = 1, so a walk resumes at the next byte. */
uint32_t ink_utf8_next(const uint8_t *s, size_t len, size_t *n);

/** Writes cp (at most U+10FFFF) as UTF-8 to o, which has room for 4
 * bytes; returns the byte count (1 to 4). */
size_t ink_utf8_put(char *o, uint32_t cp);

/** 1 when s[0..n) is UTF-8 (RFC 3629: no overlong forms, surrogates or
 * code points past U+10FFFF), else 0. */
int ink_utf8_valid(const uint8_t *s, size_t n);

#endif

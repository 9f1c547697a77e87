/* SPDX-License-Identifier: MIT */
/* ink_utf8.c: see ink_utf8.h. */
#include "ink_utf8.h"

/* The length of the well-formed sequence at s, or 0: ink_utf8_len's, and
 * inlined where a whole string is checked. */
static inline size_t seq_len(const uint8_t *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4)
        return 0;
    size_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n < need)
        return 0;
    /* the second byte's range shuts out overlongs, surrogates and values
     * above U+10FFFF */
    unsigned lo = 0x80, hi = 0xBF;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < need; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return need;
}

size_t ink_utf8_len(const uint8_t *s, size_t n)
{
    return seq_len(s, n);
}

uint32_t ink_utf8_next(const uint8_t *s, size_t len, size_t *n)
{
    uint32_t c = s[0];
    *n = 1;
    if (c < 0x80)
        return c;
    size_t k = ink_utf8_len(s, len);
    if (!k)
        return INK_UTF8_BAD;
    c &= k == 2 ? 0x1F : k == 3 ? 0x0F : 0x07;
    for (size_t i = 1; i < k; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *n = k;
    return c;
}

size_t ink_utf8_put(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int ink_utf8_valid(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) { /* most of a text: one test a byte */
            i++;
            continue;
        }
        size_t k = seq_len(s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

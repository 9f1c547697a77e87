/* SPDX-License-Identifier: MIT */
/* charset.c: see charset.h. */
#include "charset.h"

#include "ink_utf8.h"

#include <stdlib.h>
#include <string.h>

/* Windows-1252 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t cp1252_hi[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

int charset_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            /* runs of ASCII eight bytes at a time */
            for (i++; i + 8 <= n; i += 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                if (w & 0x8080808080808080u)
                    break;
            }
            continue;
        }
        size_t k = ink_utf8_len(s + i, n - i);
        if (!k)
            return 0;
        i += k;
    }
    return 1;
}

uint32_t charset_cp1252(unsigned char b, charset_holes_t holes)
{
    if (b < 0x80 || b >= 0xA0)
        return b;
    uint32_t cp = cp1252_hi[b - 0x80];
    if (cp)
        return cp;
    return holes == CHARSET_HOLES_C1 ? b : 0xFFFD;
}

uint32_t charset_next(const unsigned char *s, size_t n, size_t *i, charset_holes_t holes)
{
    unsigned c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    size_t k;
    uint32_t cp = ink_utf8_next(s + *i, n - *i, &k);
    if (cp != INK_UTF8_BAD || k > 1) {
        *i += k;
        return cp;
    }
    (*i)++;
    return charset_cp1252((unsigned char)c, holes);
}

/* s[0..n) to UTF-8, each byte as Windows-1252 (every) or only those that
 * start no well-formed sequence. At most three bytes out for one in. */
static char *to_utf8(const char *str, size_t n, charset_holes_t holes, int every, size_t *outlen)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *o = malloc(3 * n + 1);
    if (!o)
        return NULL;
    size_t i = 0, k = 0;
    while (i < n) {
        uint32_t cp = every ? charset_cp1252(s[i++], holes) : charset_next(s, n, &i, holes);
        k += ink_utf8_put(o + k, cp);
    }
    o[k] = '\0';
    if (outlen)
        *outlen = k;
    return o;
}

char *charset_to_utf8(const char *s, size_t n, charset_holes_t holes, size_t *outlen)
{
    return to_utf8(s, n, holes, 0, outlen);
}

char *charset_cp1252_to_utf8(const char *s, size_t n, charset_holes_t holes, size_t *outlen)
{
    return to_utf8(s, n, holes, 1, outlen);
}

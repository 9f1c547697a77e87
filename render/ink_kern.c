/* SPDX-License-Identifier: MIT */
/* ink_kern.c: kerning lookups by binary search, in place. */
#include "ink_kern.h"

#include <string.h>

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int ink_kern_check(const uint8_t *data, size_t len, const char **why)
{
    if (!data || len < 16) {
        *why = "KERN: shorter than 16 bytes";
        return -1;
    }
    uint32_t ncps = rd32(data);
    uint64_t need = 16 + 4ull * ncps;
    for (unsigned f = 0; f < INK_KERN_FACES; f++)
        need += 4ull * rd32(data + 4 + 4 * f);
    if (ncps > INK_KERN_MAX_CPS) {
        *why = "KERN: ncps is over 4,096";
        return -1;
    }
    if (need != len) {
        *why = need > len ? "KERN: the tables run past the section" : "KERN: bytes after the pairs";
        return -1;
    }
    const uint8_t *cps = data + 16;
    for (uint32_t i = 0; i < ncps; i++)
        if (rd32(cps + 4 * i) > 0x10FFFFu || (i && rd32(cps + 4 * (i - 1)) >= rd32(cps + 4 * i))) {
            *why = "KERN: the code points are not strictly ascending Unicode";
            return -1;
        }
    /* Lookups search the pairs: indexes inside the table, keys ascending. */
    const uint8_t *p = cps + 4 * (size_t)ncps;
    for (unsigned f = 0; f < INK_KERN_FACES; f++) {
        uint32_t np = rd32(data + 4 + 4 * f), prev = 0;
        for (uint32_t i = 0; i < np; i++, p += 4) {
            uint32_t v = rd32(p), key = v >> 8;
            if ((v >> 20) >= ncps || (key & 0xFFFu) >= ncps) {
                *why = "KERN: a pair's index is past ncps";
                return -1;
            }
            if (i && key <= prev) {
                *why = "KERN: a face's pairs are not strictly ascending";
                return -1;
            }
            prev = key;
        }
    }
    return 0;
}

int ink_kern_bind(ink_kern_t *k, const uint8_t *data, size_t len)
{
    memset(k, 0, sizeof *k);
    const char *why;
    if (ink_kern_check(data, len, &why) != 0)
        return -1;
    uint32_t ncps = rd32(data);
    const uint8_t *cps = data + 16;
    const uint8_t *p = cps + 4 * (size_t)ncps;
    k->cps = cps;
    k->ncps = ncps;
    for (unsigned f = 0; f < INK_KERN_FACES; f++) {
        k->pairs[f] = p;
        k->npairs[f] = rd32(data + 4 + 4 * f);
        p += 4 * (size_t)k->npairs[f];
    }
    return 0;
}

static int index_of(const ink_kern_t *k, uint32_t cp)
{
    uint32_t lo = 0, hi = k->ncps;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t v = rd32(k->cps + 4 * (size_t)mid);
        if (v == cp)
            return (int)mid;
        if (v < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int ink_kern_get(const ink_kern_t *k, unsigned face, uint32_t left, uint32_t right)
{
    if (face >= INK_KERN_FACES || !k->npairs[face])
        return 0;
    int l = index_of(k, left), r = index_of(k, right);
    if (l < 0 || r < 0)
        return 0;
    uint32_t key = (uint32_t)l << 20 | (uint32_t)r << 8;
    const uint8_t *pairs = k->pairs[face];
    uint32_t lo = 0, hi = k->npairs[face];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t v = rd32(pairs + 4 * (size_t)mid) & 0xFFFFFF00u;
        if (v == key)
            return (int8_t)(rd32(pairs + 4 * (size_t)mid) & 0xFF);
        if (v < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

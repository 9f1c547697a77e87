/* SPDX-License-Identifier: MIT */
/* uf2.c: UF2 writer and reader. */
#include "uf2.h"

#include "ink_format.h"

#include <stdlib.h>
#include <string.h>

#define MAGIC0 0x0A324655u
#define MAGIC1 0x9E5D5157u
#define MAGIC_END 0x0AB16F30u
#define FLAG_FAMILY 0x00002000u
#define DATA_MAX 476u

int uf2_wrap(const uint8_t *data, size_t len, uint32_t base, uint32_t family, uint8_t **out, size_t *out_len,
             const char **why)
{
    size_t nblocks = (len + UF2_PAYLOAD - 1) / UF2_PAYLOAD;
    if ((uint64_t)base + nblocks * UF2_PAYLOAD > 0x100000000ULL) {
        *why = "the bundle does not fit below 4 GiB at that address";
        return -1;
    }
    uint8_t *u = calloc(nblocks ? nblocks : 1, UF2_BLOCK);
    if (!u) {
        *why = "out of memory";
        return -1;
    }
    for (size_t i = 0; i < nblocks; i++) {
        uint8_t *b = u + i * UF2_BLOCK;
        size_t n = len - i * UF2_PAYLOAD < UF2_PAYLOAD ? len - i * UF2_PAYLOAD : UF2_PAYLOAD;
        ink_wr32(b, MAGIC0);
        ink_wr32(b + 4, MAGIC1);
        ink_wr32(b + 8, family ? FLAG_FAMILY : 0);
        ink_wr32(b + 12, base + (uint32_t)(i * UF2_PAYLOAD));
        ink_wr32(b + 16, UF2_PAYLOAD);
        ink_wr32(b + 20, (uint32_t)i);
        ink_wr32(b + 24, (uint32_t)nblocks);
        ink_wr32(b + 28, family);
        memcpy(b + 32, data + i * UF2_PAYLOAD, n);
        /* a short last payload is padded with erased-flash bytes */
        memset(b + 32 + n, 0xFF, UF2_PAYLOAD - n);
        ink_wr32(b + UF2_BLOCK - 4, MAGIC_END);
    }
    *out = u;
    *out_len = nblocks * UF2_BLOCK;
    return 0;
}

int uf2_is(const uint8_t *data, size_t len)
{
    return len >= UF2_BLOCK && ink_rd32(data) == MAGIC0 && ink_rd32(data + 4) == MAGIC1;
}

int uf2_unwrap(const uint8_t *data, size_t len, uint8_t **out, size_t *out_len, uint32_t *base, uint32_t *family,
               const char **why)
{
    *out = NULL;
    if (len == 0 || len % UF2_BLOCK) {
        *why = "UF2 file is not a whole number of 512-byte blocks";
        return -1;
    }
    size_t n = len / UF2_BLOCK;
    uint32_t lo = 0xFFFFFFFFu, hi = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *b = data + i * UF2_BLOCK;
        uint32_t addr = ink_rd32(b + 12), size = ink_rd32(b + 16);
        if (ink_rd32(b) != MAGIC0 || ink_rd32(b + 4) != MAGIC1 || ink_rd32(b + UF2_BLOCK - 4) != MAGIC_END) {
            *why = "UF2 block with bad magic numbers";
            return -1;
        }
        if (size > DATA_MAX || ink_rd32(b + 20) != i || ink_rd32(b + 24) != n ||
            (uint64_t)addr + size > 0x100000000ULL) {
            *why = "UF2 block with impossible size, number or address";
            return -1;
        }
        if (addr < lo)
            lo = addr;
        if (addr + size > hi)
            hi = addr + size;
        if (i == 0)
            *family = (ink_rd32(b + 8) & FLAG_FAMILY) ? ink_rd32(b + 28) : 0;
    }
    if (hi <= lo || hi - lo > 256u * 1024u * 1024u) {
        *why = "UF2 file spans an impossible address range";
        return -1;
    }
    uint8_t *img = malloc(hi - lo);
    if (!img) {
        *why = "out of memory";
        return -1;
    }
    memset(img, 0xFF, hi - lo);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *b = data + i * UF2_BLOCK;
        memcpy(img + (ink_rd32(b + 12) - lo), b + 32, ink_rd32(b + 16));
    }
    *out = img;
    *out_len = hi - lo;
    *base = lo;
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* ink_crc32.c: CRC-32 through zlib (see ink_crc32.h). */
#include "ink_crc32.h"

#include <zlib.h>

uint32_t ink_crc32(uint32_t crc, const uint8_t *data, size_t len)
{
    /* zlib takes uInt lengths; feed it in pieces on 16-bit-int targets too. */
    while (len) {
        uInt n = len > 0x40000000u ? 0x40000000u : (uInt)len;
        crc = (uint32_t)crc32(crc, data, n);
        data += n;
        len -= n;
    }
    return crc;
}

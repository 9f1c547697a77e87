/* SPDX-License-Identifier: MIT */
/* ink_crc32.h: the CRC-32 of the bundle's sections, streams and titles, of
 * the reading state's slots, and of frames in the tests (zlib's, the
 * polynomial of docs/FORMAT.md). */
#ifndef INK_CRC32_H
#define INK_CRC32_H

#include <stddef.h>
#include <stdint.h>

/** CRC-32 (zlib's polynomial) of data[0..len), continuing from crc (start at 0). */
uint32_t ink_crc32(uint32_t crc, const uint8_t *data, size_t len);

#endif

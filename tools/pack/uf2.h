/* SPDX-License-Identifier: MIT */
/* uf2.h: the UF2 drag-and-drop flashing format (RP2040, nRF52, SAMD boot
 * loaders): 512-byte blocks, each carrying 256 bytes for a flash address. */
#ifndef INK_UF2_H
#define INK_UF2_H

#include <stddef.h>
#include <stdint.h>

#define UF2_BLOCK 512u
#define UF2_PAYLOAD 256u

/** Wraps data[0..len) to be written at flash address base, tagged with a
 * board family ID (0 = none). *out is malloc'd. Returns 0, or -1 with *why
 * (out of memory, or an address range past 4 GiB). */
int uf2_wrap(const uint8_t *data, size_t len, uint32_t base, uint32_t family, uint8_t **out, size_t *out_len,
             const char **why);

/** True when data starts like a UF2 file. */
int uf2_is(const uint8_t *data, size_t len);

/** Reassembles the bytes a UF2 file carries, from its lowest address up;
 * gaps are 0xFF (erased flash). *out is malloc'd. Checks every block's
 * magic numbers, sizes and numbering. Returns 0, or -1 with *why. */
int uf2_unwrap(const uint8_t *data, size_t len, uint8_t **out, size_t *out_len, uint32_t *base, uint32_t *family,
               const char **why);

#endif

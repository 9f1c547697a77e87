/* SPDX-License-Identifier: MIT */
/* bidi.h: the UAX #9 levels of right-to-left text, computed with fribidi on
 * the host and written into the text as INK_TX_LEVEL codes (ink_text.h), so
 * the device only reorders each line's pieces by them (rule L2). Host
 * only: allocates with malloc. */
#ifndef INK_BIDI_H
#define INK_BIDI_H

#include <stddef.h>
#include <stdint.h>

/** Copies text[0..len) (article text, or a title when title is set) into
 * *out (malloc'd, *outlen bytes), each body block (or the title) that holds
 * right-to-left characters (bidi types R, AL) preceded by its paragraph
 * direction and its characters by their levels wherever the level changes.
 * Text without such characters is copied as it is. Header blocks are left
 * alone. Returns 0, or -1 when out of memory. */
int bidi_text(const uint8_t *text, size_t len, int title, uint8_t **out, size_t *outlen);

#endif

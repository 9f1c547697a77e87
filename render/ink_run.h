/* SPDX-License-Identifier: MIT */
/* ink_run.h: shaped runs in article text (docs/FORMAT.md, "Shaped runs").
 *
 * The host shapes the words of complex scripts (Devanagari, Bengali, Tamil,
 * Arabic, Hebrew, Thai...) with HarfBuzz and stores, before each such run
 * of text, the glyphs to draw: ids in one of the bundle's fallback faces,
 * advances and offsets in that face's font units, and clusters. The device
 * draws them by id and runs no shaper. Layout:
 *
 *   0x18  face  n  ulen(2)  n records of 11 bytes  ulen bytes of UTF-8
 *
 * Every byte from face to the last record is 0x80 | six bits (numbers are
 * big-endian groups of six bits): face (3 to 15), n (1 to 63 glyphs), ulen
 * (1 to 4095 bytes); a record is gid (3 bytes, 18 bits), x advance (2,
 * unsigned 12 bits), x offset and y offset (2 each, signed 12 bits, y up)
 * and cluster (2: the byte offset in the run's text where the glyph's
 * characters start, below ulen). The text has no byte below 0x20. */
#ifndef INK_RUN_H
#define INK_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "ink_err.h"

#define INK_RUN_HEAD 5u      /**< 0x18, face, n, ulen */
#define INK_RUN_REC 11u      /**< bytes a glyph record takes */
#define INK_RUN_MAX_GLYPHS 63u
#define INK_RUN_MAX_TEXT 4095u
#define INK_RUN_MAX_GID 262143u
#define INK_RUN_MAX_ADV 4095
#define INK_RUN_MIN_OFF (-2048)
#define INK_RUN_MAX_OFF 2047

typedef struct ink_run {
    uint8_t face;          /**< FONT face index, 3 to 15 */
    uint8_t n;             /**< glyphs */
    uint16_t ulen;         /**< bytes of UTF-8 text */
    uint32_t len;          /**< bytes of the whole run, its code to the end of its text */
    const uint8_t *rec;    /**< n records */
    const uint8_t *text;   /**< ulen bytes */
} ink_run_t;

typedef struct ink_run_glyph {
    uint32_t gid;
    int32_t adv, dx, dy;   /**< font units; dy up */
    uint32_t cluster;      /**< byte offset in the run's text */
} ink_run_glyph_t;

/** Reads the run at s[0..avail) (s[0] is INK_TX_GLYPHS) into r, checking
 * every length against avail and every byte's range. Returns INK_OK or
 * INK_ERR_FORMAT (a damaged run). */
ink_err_t ink_run_parse(const uint8_t *s, size_t avail, ink_run_t *r);

/** Glyph i (below r->n) of a parsed run. */
void ink_run_glyph(const ink_run_t *r, unsigned i, ink_run_glyph_t *g);

/** Writes a run for text[0..ulen) and the n glyphs g into out, which must
 * hold INK_RUN_HEAD + n * INK_RUN_REC + ulen bytes. Returns the bytes
 * written, or 0 when a value is out of range (the text is then left
 * unshaped). */
size_t ink_run_write(uint8_t *out, uint8_t face, const ink_run_glyph_t *g, unsigned n, const uint8_t *text,
                     size_t ulen);

/** The longest prefix of s[0..len), at most cap bytes, that cuts no UTF-8
 * sequence, no bidi level code and no shaped run (a damaged run ends it). */
size_t ink_text_safe_cut(const uint8_t *s, size_t len, size_t cap);

/** UAX #9 rule L2 for the n pieces of a line with levels[0..n) (in the
 * order of the text): order[0..n) gets their indexes in the order they are
 * drawn, left to right (from the highest level down to the lowest odd one,
 * every stretch at that level or above is reversed). */
void ink_bidi_order(const uint8_t *levels, int n, uint16_t *order);

/** Font units to 26.6 pixels at px pixels per em of upem units, rounded
 * to nearest (half away from zero). */
int32_t ink_run_scale(int32_t units, int px, int upem);

#endif

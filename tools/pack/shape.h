/* SPDX-License-Identifier: MIT */
/* shape.h: complex scripts shaped on the host. Each run of characters that
 * one complex-script fallback face draws (a word of Devanagari, Arabic...,
 * never across a space or a break mark) is shaped with HarfBuzz on that
 * face's subset, and the glyphs go into the text before it as a shaped run
 * (render/ink_run.h), so the device draws them by id and runs no shaper.
 * Shaping is done with the whole face; the ids it gives are collected
 * (shaper_gids), the face is subset to keep them, and a second pass writes
 * each glyph by its id in the subset (shaper_set_map). Host only:
 * allocates with malloc. */
#ifndef INK_SHAPE_H
#define INK_SHAPE_H

#include <stddef.h>
#include <stdint.h>

#include <hb.h>

#include "ink_font.h"

typedef struct shaper shaper_t;

/** A shaper with no faces; NULL when out of memory. */
shaper_t *shaper_new(void);
void shaper_free(shaper_t *s);

/** Face index (3 to 15) of the bundle's FONT section shapes the characters
 * of cps with the font data[0..len) (a subset with its layout tables; it
 * must outlive s). Returns 0, or -1 when out of memory. */
int shaper_add_face(shaper_t *s, int index, const uint8_t *data, size_t len, const hb_set_t *cps);

/** The glyph ids (of the whole face) that shaping with face index gave so
 * far, while it had no map; owned by s. NULL when index shapes nothing. */
const hb_set_t *shaper_gids(const shaper_t *s, int index);

/** From now on face index writes each glyph by map's id for it (a glyph
 * map lacks leaves its run unshaped); map must outlive s. */
void shaper_set_map(shaper_t *s, int index, const hb_map_t *map);

/** Copies text[0..len) (article text or a title) into *out (malloc'd,
 * *outlen bytes), each run of characters a face of s draws preceded by its
 * glyphs. A run whose glyphs a run cannot hold (ink_run.h's limits, or a
 * glyph the face lacks) stays unshaped. Counts runs in *runs and glyphs in
 * *glyphs when not NULL (added to). Returns 0, or -1 when out of memory. */
int shaper_text(shaper_t *s, const uint8_t *text, size_t len, uint8_t **out, size_t *outlen, size_t *runs,
                size_t *glyphs);

#endif

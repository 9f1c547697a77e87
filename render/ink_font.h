/* SPDX-License-Identifier: MIT */
/* ink_font.h: FreeType faces opened from memory, sized in pixels, with a
 * cache of rendered 1-bit glyphs. All memory comes from an ink_pool. */
#ifndef INK_FONT_H
#define INK_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "ink_err.h"
#include "ink_fb.h"
#include "ink_pool.h"
#include "ink_utf8.h" /* ink_utf8_next, for the callers that draw text */

typedef enum ink_face_id {
    INK_FACE_REGULAR = 0,
    INK_FACE_BOLD = 1,
    INK_FACE_ITALIC = 2,
    INK_FACE_COUNT = 3,
} ink_face_id_t;

/** A rendered glyph: advance in 26.6 pixels, 1-bit bitmap MSB first. */
typedef struct ink_glyph {
    uint32_t cp;         /**< code point; 0 marks an empty slot */
    uint16_t px;         /**< pixel size it was rendered at */
    uint8_t face;        /**< ink_face_id_t */
    uint8_t pad;
    int32_t adv;         /**< advance, 26.6 */
    int16_t left, top;   /**< bitmap offset from the pen, y up */
    uint16_t w, h, pitch;
    uint8_t *bits;       /**< pool memory, pitch * h bytes; NULL when empty */
} ink_glyph_t;

/** Vertical metrics of a face at a pixel size, whole pixels. */
typedef struct ink_vmetrics {
    int ascent, descent, line; /**< descent is positive (below the baseline) */
} ink_vmetrics_t;

typedef struct ink_font_data {
    const uint8_t *data;  /**< a TrueType/OpenType file in memory; must outlive the font */
    size_t len;
} ink_font_data_t;

typedef struct ink_font {
    ink_pool_t *pool;
    void *ft_lib;                 /* FT_Library */
    void *ft_mem;                 /* FT_Memory (pool memory) */
    void *face[INK_FACE_COUNT];   /* FT_Face */
    int face_px[INK_FACE_COUNT];  /* size the face is set to now, 0 = none */
    ink_glyph_t *cache;           /* INK_GLYPH_CACHE_SLOTS entries */
    ink_pool_t bitmaps;           /* region for cached bitmaps (INK_GLYPH_CACHE_BYTES) */
    void *bitmaps_mem;
    int mode;                     /* ink_render_mode_t */
    int threshold;
    unsigned long hits, misses;
    unsigned long failures;       /* glyphs that could not be had (FreeType or the pool failed) */
} ink_font_t;

/** Opens the faces (regular must be given; bold or italic with len 0 fall
 * back to regular) with FreeType allocating from pool. mode and threshold
 * come from the profile. On failure everything taken is given back. */
ink_err_t ink_font_open(ink_font_t *f, ink_pool_t *pool, const ink_font_data_t data[INK_FACE_COUNT],
                        int mode, int threshold);

/** Releases the faces, the cache and FreeType; the pool gets everything back. */
void ink_font_close(ink_font_t *f);

/** The glyph for code point cp in face at px pixels, from the cache or
 * freshly rendered. A code point the face lacks gives its .notdef glyph.
 * Returns NULL only when FreeType fails or the pool is exhausted. */
const ink_glyph_t *ink_font_glyph(ink_font_t *f, ink_face_id_t face, int px, uint32_t cp);

/** Metrics of face at px pixels. */
ink_err_t ink_font_vmetrics(ink_font_t *f, ink_face_id_t face, int px, ink_vmetrics_t *out);

/** Draws glyph g with its pen at (x, baseline y). */
void ink_font_draw(ink_fb_t *fb, const ink_glyph_t *g, int x, int y);

/** Drops every cached bitmap (after a size change, or to free pool memory). */
void ink_font_flush(ink_font_t *f);

#endif

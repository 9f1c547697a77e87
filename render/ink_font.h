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

/** Most faces a font holds: the three styles, then fallback faces that
 * draw the characters the styled faces lack (other scripts). */
#define INK_FONT_MAX_FACES 16u

/** A rendered glyph: advance in 26.6 pixels, 1-bit bitmap MSB first. */
typedef struct ink_glyph {
    uint32_t cp;         /**< code point; 0 marks an empty slot */
    uint16_t px;         /**< pixel size it was rendered at */
    uint8_t face;        /**< ink_face_id_t */
    uint8_t used;        /**< 1 when drawn since its set of the cache last filled up */
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
    void *face[INK_FONT_MAX_FACES];   /* FT_Face: the three styles, then the fallbacks */
    int face_px[INK_FONT_MAX_FACES];  /* size the face is set to now, 0 = none */
    int nfaces;                       /* faces: 3 plus the fallbacks */
    ink_font_data_t data[INK_FONT_MAX_FACES]; /* every face's bytes (a fallback is opened when needed) */
    uint32_t lo[INK_FONT_MAX_FACES], hi[INK_FONT_MAX_FACES]; /* a fallback's lowest and highest code point */
    uint32_t used[INK_FONT_MAX_FACES];        /* when a fallback was last asked, for closing the oldest */
    uint16_t upem[INK_FONT_MAX_FACES];        /* units per em of each face */
    uint8_t thin[INK_FONT_MAX_FACES];         /* 1: a CFF face, whose thin strokes are kept */
    uint32_t tick;
    int prefer;                   /* the fallback tried first (ink_font_prefer), 0: none */
    ink_glyph_t *cache;           /* INK_GLYPH_CACHE_SLOTS entries, in sets of INK_GLYPH_CACHE_WAYS */
    unsigned hand;                /* the next entry to give up its bitmap when the region is full */
    ink_pool_t bitmaps;           /* region for cached bitmaps (INK_GLYPH_CACHE_BYTES) */
    void *bitmaps_mem;
    int mode;                     /* ink_render_mode_t */
    int threshold;
    unsigned long hits, misses;
    unsigned long failures;       /* glyphs that could not be had (FreeType or the pool failed) */
    unsigned long boxes;          /* replacement boxes drawn for characters no face has */
    ink_glyph_t blank;            /* what an ignorable character draws: nothing, no advance */
} ink_font_t;

/** Opens the faces (regular must be given; bold or italic with len 0 fall
 * back to regular) with FreeType allocating from pool. mode and threshold
 * come from the profile. On failure everything taken is given back. */
ink_err_t ink_font_open(ink_font_t *f, ink_pool_t *pool, const ink_font_data_t data[INK_FACE_COUNT],
                        int mode, int threshold);

/** As ink_font_open, with n faces (3 to INK_FONT_MAX_FACES): data[0..2]
 * regular, bold, italic as there, data[3..n) fallback faces. A character
 * the styled face lacks is drawn from regular, else from the first fallback
 * face that has it, else as a replacement box (an outlined rectangle).
 * Fallback faces may be TrueType or CFF-flavoured OpenType. */
ink_err_t ink_font_open_n(ink_font_t *f, ink_pool_t *pool, const ink_font_data_t *data, int n, int mode,
                          int threshold);

/** Releases the faces, the cache and FreeType; the pool gets everything back. */
void ink_font_close(ink_font_t *f);

/** The glyph for code point cp in face at px pixels, from the cache or
 * freshly rendered. In INK_FACE_BOLD, a character a fallback face draws
 * is emboldened (the fallbacks have one weight). A code point no face has gives a replacement box (an
 * outlined rectangle); a default-ignorable one (ink_cp_ignorable) gives
 * nothing with no advance.
 * Returns NULL only when FreeType fails or the pool is exhausted. */
const ink_glyph_t *ink_font_glyph(ink_font_t *f, ink_face_id_t face, int px, uint32_t cp);

/** 1 when a face of f has a glyph for cp (the styled face, regular or a
 * fallback), so that it is drawn as itself and not as a box. */
int ink_font_has(ink_font_t *f, ink_face_id_t face, uint32_t cp);

/** 1 for the default-ignorable code points (Unicode's
 * Default_Ignorable_Code_Point: joiners, variation selectors, bidi
 * controls, U+FEFF...): they draw nothing and need no glyph. */
int ink_cp_ignorable(uint32_t cp);

/** Glyph gid of FONT face index face (0 to nfaces - 1; a fallback is
 * opened when needed) at px pixels, for shaped runs (ink_run.h); bold
 * (a run set in bold: headline, subheading, bold text) draws a fallback
 * face's glyph emboldened (INK_FONT_EMBOLDEN), with the same advance. The
 * advance is FreeType's; a run's own advances are what it is set with.
 * Returns NULL when face is no face of f, gid is past its glyphs, or
 * FreeType or the pool fails. */
const ink_glyph_t *ink_font_glyph_id(ink_font_t *f, int face, int px, uint32_t gid, int bold);

/** Units per em of FONT face index face; 0 when there is no such face. */
int ink_font_upem(const ink_font_t *f, int face);

/** Metrics of face at px pixels. */
ink_err_t ink_font_vmetrics(ink_font_t *f, ink_face_id_t face, int px, ink_vmetrics_t *out);

/** Draws glyph g with its pen at (x, baseline y). */
void ink_font_draw(ink_fb_t *fb, const ink_glyph_t *g, int x, int y);

/** Drops every cached bitmap (after a size change, or to free pool memory). */
void ink_font_flush(ink_font_t *f);

/** Tries fallback face (3 to nfaces - 1) before the other fallbacks for
 * the characters the styled face and regular lack, until called again; 0
 * (or any other value): the fallbacks in their order. Article i's CJK
 * face (ink_bundle_article_face) for its text and title, so that each
 * CJK article is drawn in its own language's glyph forms. */
void ink_font_prefer(ink_font_t *f, int face);

/** Closes every open fallback face (they open again when a character asks
 * for one): between articles, so that the faces one article needed (a CJK
 * face takes about 40 KB) do not stay in the pool under the next one. */
void ink_font_close_fallbacks(ink_font_t *f);

/** Closes and opens the font again from the same bytes, as it was opened:
 * FreeType's long-lived blocks (the faces, their glyph loaders grown while
 * drawing) go back to the bottom of the pool, in one piece, where a long
 * session had scattered them. The cache starts empty; failures and boxes
 * keep counting. On failure the font is closed. */
ink_err_t ink_font_reopen(ink_font_t *f);

#endif

/* SPDX-License-Identifier: MIT */
/* ink_pic.h: pictures on the device: a stored gray picture (4-bit, read a
 * row at a time from its source) scaled to a box and dithered into the
 * 1-bit framebuffer as it is drawn. Only a few rows live in the pool at
 * once: the source row, one row of sums and the error rows of the dither;
 * never the whole picture. */
#ifndef INK_PIC_H
#define INK_PIC_H

#include <stdint.h>

#include "ink_err.h"
#include "ink_fb.h"
#include "ink_pool.h"

/** Where pictures come from (the bundle's PICS section on the device): a
 * typed ops struct with a context pointer, as the HAL's. */
typedef struct ink_pic_src {
    /** Size of picture idx in pixels; INK_ERR_NOT_FOUND when there is none. */
    ink_err_t (*size)(void *ctx, uint32_t idx, int *w, int *h);
    /** Starts reading picture idx from its first row; *rd is the reader's
     * state, from pool. */
    ink_err_t (*open)(void *ctx, uint32_t idx, ink_pool_t *pool, void **rd);
    /** Puts the next row, ceil(w / 2) bytes of 4-bit gray (left pixel in
     * the high nibble, 0 black, 15 white), in row. */
    ink_err_t (*row)(void *ctx, void *rd, uint8_t *row);
    /** Gives the reader back; rd may be NULL. */
    void (*close)(void *ctx, void *rd, ink_pool_t *pool);
    void *ctx;
} ink_pic_src_t;

/** How gray becomes ink. */
typedef enum ink_dither {
    INK_DITHER_FS = 0,       /**< Floyd–Steinberg, serpentine: all the error, finest tones */
    INK_DITHER_ATKINSON = 1, /**< Atkinson: 6/8 of the error, cleaner highlights and shadows */
} ink_dither_t;

typedef struct ink_pic_look {
    uint8_t dither;          /**< ink_dither_t */
    int8_t tone;             /**< -127..127: mid-tones darker (> 0) or lighter (< 0), a gamma-like curve v - tone * v(255-v)/255^2 */
    uint8_t contrast;        /**< 0..255: stretch around mid gray, in 1/256 beyond 1 */
} ink_pic_look_t;

/** The dither and tone curve for a panel of this dpi (docs/FORMAT.md and
 * README say why). */
ink_pic_look_t ink_pic_look_for_dpi(int dpi);

/** Draws picture idx of src scaled to w x h pixels with its top-left corner
 * at (x, y), dithered by look. Rows are read, summed into the box each
 * output pixel covers (or repeated, when enlarging) and diffused one at a
 * time. Needs about ceil(sw / 2) + sw + 10 * w bytes of pool beside the
 * source's reader. Returns INK_OK, INK_ERR_NOMEM, or the source's error
 * (the rows drawn stay; the caller may frame the box). */
ink_err_t ink_pic_draw(ink_fb_t *fb, ink_pool_t *pool, const ink_pic_src_t *src, uint32_t idx, int x, int y, int w,
                       int h, ink_pic_look_t look);

/** Draws the outline of an empty frame for a picture that cannot be shown. */
void ink_pic_frame(ink_fb_t *fb, int x, int y, int w, int h);

#endif

/* SPDX-License-Identifier: MIT */
/* ink_refresh.h: which part of the panel to refresh, and how.
 *
 * No copy of the last frame is kept: a hash of every row and a hash of
 * every byte column (8 pixels wide) of the frame last shown are enough.
 * The rows whose hash changed bound the change vertically, the columns
 * horizontally; the bounding box of a set of pixels is exactly the product
 * of those two ranges, so the rectangle is as tight as an 8-pixel grid
 * allows (4 bytes a row plus 8 a byte column: 3,200 bytes at 800x600,
 * against 60,000 for a second framebuffer).
 *
 * Both hashes are sums over the frame's ink: paper (a zero word or byte)
 * adds nothing, so a page of text costs the reading of its 32-bit words
 * and some work for each one holding ink, not a hash step for every byte
 * in two directions. */
#ifndef INK_REFRESH_H
#define INK_REFRESH_H

#include <stdint.h>

#include "hal/ink_hal.h"
#include "ink_err.h"
#include "ink_fb.h"
#include "ink_pool.h"

typedef struct ink_refresh {
    ink_pool_t *pool;
    uint32_t *rows;     /**< hash of each row as last shown; pool, h entries */
    uint32_t *cols;     /**< hash of each byte column as last shown; pool, stride entries */
    uint32_t *next;     /**< the columns' hashes being summed; pool, stride entries */
    int h, stride;
    int have_frame;     /**< rows and cols hold a shown frame */
    int fast_since_full;
    int every;          /**< full refresh after this many fast ones; 0 = never */
} ink_refresh_t;

/** Takes the hash tables for a panel h rows high and stride bytes wide
 * from pool. every: see ink_refresh_plan. INK_ERR_NOMEM leaves r usable:
 * every refresh is then a full one. */
ink_err_t ink_refresh_init(ink_refresh_t *r, ink_pool_t *pool, int h, int stride, int every);

/** Gives the tables back. */
void ink_refresh_free(ink_refresh_t *r);

/** Decides how to show fb. *mode is FULL (and *area the whole panel) when
 * want_full, on the first frame, or when `every` > 0 and every - 1 fast
 * refreshes have happened since the last full one; else FAST, with *area
 * the rectangle that changed, its x and width multiples of 8 pixels (cut
 * to the panel). Returns 0 when nothing changed and no full refresh is
 * due (nothing to do), else 1. */
int ink_refresh_plan(ink_refresh_t *r, const ink_fb_t *fb, int want_full, ink_rect_t *area, ink_wave_t *mode);

#endif

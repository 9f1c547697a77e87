/* SPDX-License-Identifier: MIT */
/* ink_refresh.h: which part of the panel to refresh, and how. Keeps a hash
 * of every row of the last frame (4 bytes a row, not a second framebuffer)
 * and refreshes the band of rows that changed. */
#ifndef INK_REFRESH_H
#define INK_REFRESH_H

#include <stdint.h>

#include "hal/ink_hal.h"
#include "ink_err.h"
#include "ink_fb.h"
#include "ink_pool.h"

typedef struct ink_refresh {
    ink_pool_t *pool;
    uint32_t *rows;     /**< hash of each row as last shown */
    int h;
    int have_frame;     /**< rows holds a shown frame */
    int fast_since_full;
    int every;          /**< full refresh after this many fast ones; 0 = never */
} ink_refresh_t;

ink_err_t ink_refresh_init(ink_refresh_t *r, ink_pool_t *pool, int h, int every);
void ink_refresh_free(ink_refresh_t *r);

/** Decides how to show fb: *area is the changed band (full width), *mode
 * FULL when want_full, on the first frame, or on every `every`-th refresh
 * (every - 1 fast ones, then a full one). Returns 0 when nothing changed
 * and no full refresh is due (no refresh needed), else 1. */
int ink_refresh_plan(ink_refresh_t *r, const ink_fb_t *fb, int want_full, ink_rect_t *area, ink_wave_t *mode);

#endif

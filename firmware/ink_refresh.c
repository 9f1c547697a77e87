/* SPDX-License-Identifier: MIT */
/* ink_refresh.c: frame diff by row hashes, and the full-refresh policy. */
#include "ink_refresh.h"

#include <string.h>

ink_err_t ink_refresh_init(ink_refresh_t *r, ink_pool_t *pool, int h, int every)
{
    memset(r, 0, sizeof *r);
    r->pool = pool;
    r->h = h;
    r->every = every;
    r->rows = ink_pool_calloc(pool, (size_t)h, sizeof *r->rows);
    return r->rows ? INK_OK : INK_ERR_NOMEM;
}

void ink_refresh_free(ink_refresh_t *r)
{
    ink_pool_free(r->pool, r->rows);
    r->rows = NULL;
}

static uint32_t row_hash(const uint8_t *p, int n)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (int i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

int ink_refresh_plan(ink_refresh_t *r, const ink_fb_t *fb, int want_full, ink_rect_t *area, ink_wave_t *mode)
{
    int y0 = -1, y1 = -1;
    int h = fb->h < r->h ? fb->h : r->h;
    if (!r->rows) { /* no memory for the row hashes: every refresh is full */
        *mode = INK_WAVE_FULL;
        area->x = area->y = 0;
        area->w = fb->w;
        area->h = fb->h;
        return 1;
    }
    for (int y = 0; y < h; y++) {
        uint32_t v = row_hash(fb->bits + (size_t)y * fb->stride, fb->stride);
        if (v != r->rows[y] || !r->have_frame) {
            if (y0 < 0)
                y0 = y;
            y1 = y;
        }
        r->rows[y] = v;
    }
    if (r->have_frame && !want_full && y0 < 0)
        return 0;
    int full = want_full || !r->have_frame || (r->every > 0 && r->fast_since_full >= r->every - 1);
    r->have_frame = 1;
    if (full) {
        r->fast_since_full = 0;
        *mode = INK_WAVE_FULL;
        area->x = 0;
        area->y = 0;
        area->w = fb->w;
        area->h = fb->h;
        return 1;
    }
    r->fast_since_full++;
    *mode = INK_WAVE_FAST;
    area->x = 0;
    area->y = y0;
    area->w = fb->w;
    area->h = y1 - y0 + 1;
    return 1;
}

/* SPDX-License-Identifier: MIT */
/* ink_refresh.c: frame diff by row and column hashes, and the full-refresh
 * policy. */
#include "ink_refresh.h"

#include <string.h>

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

ink_err_t ink_refresh_init(ink_refresh_t *r, ink_pool_t *pool, int h, int stride, int every)
{
    memset(r, 0, sizeof *r);
    r->pool = pool;
    r->h = h;
    r->stride = stride;
    r->every = every;
    r->rows = ink_pool_calloc(pool, (size_t)h, sizeof *r->rows);
    r->cols = ink_pool_calloc(pool, (size_t)stride, sizeof *r->cols);
    if (r->rows && r->cols)
        return INK_OK;
    ink_refresh_free(r);
    return INK_ERR_NOMEM;
}

void ink_refresh_free(ink_refresh_t *r)
{
    ink_pool_free(r->pool, r->rows);
    ink_pool_free(r->pool, r->cols);
    r->rows = NULL;
    r->cols = NULL;
}

static void whole(const ink_fb_t *fb, ink_rect_t *area)
{
    area->x = 0;
    area->y = 0;
    area->w = fb->w;
    area->h = fb->h;
}

int ink_refresh_plan(ink_refresh_t *r, const ink_fb_t *fb, int want_full, ink_rect_t *area, ink_wave_t *mode)
{
    if (!r->rows || !r->cols || fb->h != r->h || fb->stride != r->stride) {
        /* No tables (out of memory) or another panel: a full refresh always. */
        *mode = INK_WAVE_FULL;
        whole(fb, area);
        return 1;
    }
    /* One pass: each byte feeds its row's hash and its column's. Both are
     * FNV-1a, so a change moves a hash unless two differing frames collide
     * (1 in 2^32 per row or column). */
    int y0 = -1, y1 = -1, x0 = -1, x1 = -1;
    uint32_t *cols = r->cols;
    for (int y = 0; y < fb->h; y++) {
        const uint8_t *p = fb->bits + (size_t)y * (size_t)fb->stride;
        uint32_t h = FNV_OFFSET;
        for (int i = 0; i < fb->stride; i++)
            h = (h ^ p[i]) * FNV_PRIME;
        if (h != r->rows[y] || !r->have_frame) {
            if (y0 < 0)
                y0 = y;
            y1 = y;
        }
        r->rows[y] = h;
    }
    for (int i = 0; i < fb->stride; i++) {
        uint32_t h = FNV_OFFSET;
        const uint8_t *p = fb->bits + i;
        for (int y = 0; y < fb->h; y++, p += fb->stride)
            h = (h ^ *p) * FNV_PRIME;
        if (h != cols[i] || !r->have_frame) {
            if (x0 < 0)
                x0 = i;
            x1 = i;
        }
        cols[i] = h;
    }
    if (r->have_frame && !want_full && (y0 < 0 || x0 < 0))
        return 0;
    int full = want_full || !r->have_frame || (r->every > 0 && r->fast_since_full >= r->every - 1);
    r->have_frame = 1;
    if (full) {
        r->fast_since_full = 0;
        *mode = INK_WAVE_FULL;
        whole(fb, area);
        return 1;
    }
    r->fast_since_full++;
    *mode = INK_WAVE_FAST;
    area->x = x0 * 8;
    area->y = y0;
    area->w = (x1 + 1) * 8 > fb->w ? fb->w - x0 * 8 : (x1 - x0 + 1) * 8;
    area->h = y1 - y0 + 1;
    return 1;
}

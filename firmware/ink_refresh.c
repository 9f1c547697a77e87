/* SPDX-License-Identifier: MIT */
/* ink_refresh.c: frame diff by row and column hashes, and the full-refresh
 * policy. */
#include "ink_refresh.h"

#include <string.h>

ink_err_t ink_refresh_init(ink_refresh_t *r, ink_pool_t *pool, int h, int stride, int every)
{
    memset(r, 0, sizeof *r);
    r->pool = pool;
    r->h = h;
    r->stride = stride;
    r->every = every;
    r->rows = ink_pool_calloc(pool, (size_t)h, sizeof *r->rows);
    r->cols = ink_pool_calloc(pool, (size_t)stride, sizeof *r->cols);
    r->next = ink_pool_calloc(pool, (size_t)stride, sizeof *r->next);
    if (r->rows && r->cols && r->next)
        return INK_OK;
    ink_refresh_free(r);
    return INK_ERR_NOMEM;
}

void ink_refresh_free(ink_refresh_t *r)
{
    ink_pool_free(r->pool, r->rows);
    ink_pool_free(r->pool, r->cols);
    ink_pool_free(r->pool, r->next);
    r->rows = NULL;
    r->cols = NULL;
    r->next = NULL;
}

static void whole(const ink_fb_t *fb, ink_rect_t *area)
{
    area->x = 0;
    area->y = 0;
    area->w = fb->w;
    area->h = fb->h;
}

/* murmur3's finaliser: every input bit moves about half the output bits,
 * the high ones down as well as the low ones up; 0 stays 0. */
static uint32_t mix(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

/* Adds row y's ink to the column sums (cols, one a byte of the row) and
 * returns the row's hash. The row is read a 32-bit word at a time where it
 * is aligned; a word with no ink is passed over. A word adds mix(word)
 * times an odd number that differs from place to place in the row (a word
 * that moves along the row moves the sum); a byte b of it adds b times the
 * row's own number to its column's sum. Two frames that differ in a row
 * (a column) give it the same sum with a chance of about 1 in 2^32 (the
 * column: 2^25 at worst, when every change in it is of the byte's high
 * bit only). */
static uint32_t sum_row(const uint8_t *p, int stride, uint32_t ry, uint32_t *cols)
{
    uint32_t h = 0;
    int i = 0;
    for (; i < stride && ((uintptr_t)(p + i) & 3u); i++)
        if (p[i]) {
            h += mix(p[i]) * (2u * (uint32_t)i + 1u);
            cols[i] += p[i] * ry;
        }
    /* Two aligned words at a time: most pairs of a page are paper. */
    for (; i + 8 <= stride; i += 8) {
        uint32_t w[2];
        memcpy(w, p + i, 8);
        if (!(w[0] | w[1]))
            continue;
        for (int k = 0; k < 8; k += 4)
            if (w[k / 4]) {
                h += mix(w[k / 4]) * (2u * (uint32_t)(i + k) + 1u);
                cols[i + k] += p[i + k] * ry;
                cols[i + k + 1] += p[i + k + 1] * ry;
                cols[i + k + 2] += p[i + k + 2] * ry;
                cols[i + k + 3] += p[i + k + 3] * ry;
            }
    }
    for (; i < stride; i++)
        if (p[i]) {
            h += mix(p[i]) * (2u * (uint32_t)i + 1u);
            cols[i] += p[i] * ry;
        }
    return h;
}

int ink_refresh_plan(ink_refresh_t *r, const ink_fb_t *fb, int want_full, ink_rect_t *area, ink_wave_t *mode)
{
    if (!r->rows || !r->cols || !r->next || fb->h != r->h || fb->stride != r->stride) {
        /* No tables (out of memory) or another panel: a full refresh always. */
        *mode = INK_WAVE_FULL;
        whole(fb, area);
        return 1;
    }
    int y0 = -1, y1 = -1, x0 = -1, x1 = -1;
    uint32_t *cols = r->next;
    memset(cols, 0, (size_t)fb->stride * sizeof *cols);
    for (int y = 0; y < fb->h; y++) {
        uint32_t h = sum_row(fb->bits + (size_t)y * (size_t)fb->stride, fb->stride, mix((uint32_t)y + 1u), cols);
        if (h != r->rows[y] || !r->have_frame) {
            if (y0 < 0)
                y0 = y;
            y1 = y;
        }
        r->rows[y] = h;
    }
    for (int i = 0; i < fb->stride; i++)
        if (cols[i] != r->cols[i] || !r->have_frame) {
            if (x0 < 0)
                x0 = i;
            x1 = i;
        }
    r->next = r->cols;
    r->cols = cols;
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

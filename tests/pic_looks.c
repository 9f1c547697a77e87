/* SPDX-License-Identifier: MIT */
/* pic_looks.c: the evidence for ink_pic_look_for_dpi (make pic-looks): one
 * photo drawn two inches wide at 125, 167 and 300 dpi, four ways side by
 * side: Floyd–Steinberg as stored, Floyd–Steinberg with darker mid-tones,
 * Atkinson as stored, Atkinson with lighter mid-tones. One 1-bit PNG per
 * dpi: OUT-125.png, OUT-167.png, OUT-300.png.
 *
 * usage: pic_looks PHOTO OUT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ink_pic.h"
#include "picture.h"
#include "sim_io.h"

static picture_t photo;
static uint8_t *rows;
static int next_row;

static ink_err_t src_size(void *ctx, uint32_t idx, int *w, int *h)
{
    (void)ctx;
    (void)idx;
    *w = photo.w;
    *h = photo.h;
    return INK_OK;
}

static ink_err_t src_open(void *ctx, uint32_t idx, ink_pool_t *pool, void **rd)
{
    (void)ctx;
    (void)idx;
    (void)pool;
    *rd = NULL;
    next_row = 0;
    return INK_OK;
}

static ink_err_t src_row(void *ctx, void *rd, uint8_t *row)
{
    (void)ctx;
    (void)rd;
    size_t rb = ((size_t)photo.w + 1) / 2;
    memcpy(row, rows + rb * (size_t)next_row++, rb);
    return INK_OK;
}

int main(int argc, char **argv)
{
    const char *why;
    if (argc != 3) {
        fprintf(stderr, "usage: pic_looks PHOTO OUT\n");
        return 2;
    }
    if (picture_load(argv[1], &photo, &why) || picture_fit(&photo, picture_max_width(), 2400)) {
        fprintf(stderr, "pic_looks: %s: %s\n", argv[1], why);
        return 1;
    }
    /* the levels the bundle stores */
    size_t rb = ((size_t)photo.w + 1) / 2;
    rows = calloc(rb * (size_t)photo.h, 1);
    for (int y = 0; y < photo.h; y++)
        for (int x = 0; x < photo.w; x++) {
            unsigned v = (photo.px[(size_t)y * photo.w + x] * 15u + 127u) / 255u;
            rows[(size_t)y * rb + (size_t)x / 2] |= (uint8_t)(x & 1 ? v : v << 4);
        }
    static uint8_t poolmem[256 * 1024];
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_pic_src_t src = { src_size, src_open, src_row, NULL, NULL };
    static const int dpis[3] = { 125, 167, 300 };
    static const ink_pic_look_t looks[4] = {
        { INK_DITHER_FS, 0, 0 }, { INK_DITHER_FS, 40, 0 }, { INK_DITHER_ATKINSON, 0, 0 }, { INK_DITHER_ATKINSON, -60, 0 }
    };
    for (int d = 0; d < 3; d++) {
        int w = dpis[d] * 2, h = (int)((long)w * photo.h / photo.w);
        int W = 4 * w + 5 * 8, H = h + 16;
        uint8_t *bits = calloc(ink_fb_bytes(W, H), 1);
        ink_fb_t fb;
        ink_fb_init(&fb, bits, W, H);
        for (int k = 0; k < 4; k++)
            if (ink_pic_draw(&fb, &pool, &src, 0, 8 + k * (w + 8), 8, w, h, looks[k]) != INK_OK)
                return 1;
        char path[4096];
        snprintf(path, sizeof path, "%s-%d.png", argv[2], dpis[d]);
        if (sim_png_write(path, &fb, &why)) {
            fprintf(stderr, "pic_looks: %s: %s\n", path, why);
            return 4;
        }
        free(bits);
    }
    free(rows);
    picture_free(&photo);
    return 0;
}

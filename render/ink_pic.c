/* SPDX-License-Identifier: MIT */
/* ink_pic.c: scaling and dithering a 4-bit gray picture into the 1-bit
 * framebuffer, a row at a time, in the pool. */
#include "ink_pic.h"

#include <string.h>

ink_pic_look_t ink_pic_look_for_dpi(int dpi)
{
    /* Chosen by looking at the same photos (mate-backgrounds' Storm, Dune
     * and LadyBird) drawn 2 inches wide at 125, 167 and 300 dpi with each
     * dither and tone (make pic-looks writes the sheets):
     * - at 125 dpi a dot is 0.2 mm: Floyd–Steinberg's texture reads as
     *   grain over the whole picture and thin lines (grass, a stem) drown
     *   in it; Atkinson leaves flat areas and highlights clean and edges
     *   crisp, but it drops a quarter of the error, so shadows go solid
     *   black (Storm's field): mid-tones are lifted to win them back;
     * - at 167 dpi and finer Floyd–Steinberg keeps every gradient (sky,
     *   sand) with a texture below what the eye resolves, while Atkinson
     *   burns out highlights (LadyBird's petals and grass blade go paper
     *   white); darkening the mid-tones only made dark photos muddy, so the
     *   tone stays as stored. */
    ink_pic_look_t l;
    if (dpi < 150) {
        l.dither = INK_DITHER_ATKINSON;
        l.tone = -60;
        l.contrast = 0;
    } else {
        l.dither = INK_DITHER_FS;
        l.tone = 0;
        l.contrast = 0;
    }
    return l;
}

void ink_pic_frame(ink_fb_t *fb, int x, int y, int w, int h)
{
    if (w < 2 || h < 2)
        return;
    ink_fb_fill_rect(fb, (ink_rect_t){ x, y, w, 1 }, 1);
    ink_fb_fill_rect(fb, (ink_rect_t){ x, y + h - 1, w, 1 }, 1);
    ink_fb_fill_rect(fb, (ink_rect_t){ x, y, 1, h }, 1);
    ink_fb_fill_rect(fb, (ink_rect_t){ x + w - 1, y, 1, h }, 1);
}

/* The tone curve, as a table of 256 (computed once a picture). */
static void tone_table(uint8_t *t, ink_pic_look_t look)
{
    for (int v = 0; v < 256; v++) {
        int32_t u = v - (int32_t)look.tone * v * (255 - v) / (255 * 255);
        u = 128 + (u - 128) * (256 + look.contrast) / 256;
        t[v] = (uint8_t)(u < 0 ? 0 : u > 255 ? 255 : u);
    }
}

ink_err_t ink_pic_draw(ink_fb_t *fb, ink_pool_t *pool, const ink_pic_src_t *src, uint32_t idx, int x, int y, int w,
                       int h, ink_pic_look_t look)
{
    int sw, sh;
    if (!src || w <= 0 || h <= 0)
        return INK_ERR_ARG;
    ink_err_t err = src->size(src->ctx, idx, &sw, &sh);
    if (err)
        return err;
    if (sw <= 0 || sh <= 0)
        return INK_ERR_FORMAT;
    size_t packed = ((size_t)sw + 1) / 2;
    /* one block: packed row, the source columns each output pixel starts
     * at (w + 1 u16... as u32), the sums, three error rows of w + 4 */
    size_t need = ((packed + 3) & ~(size_t)3) + (size_t)(w + 1) * 4 + (size_t)w * 4 + 3 * (size_t)(w + 4) * 2 + 256;
    uint8_t *mem = ink_pool_alloc_top(pool, need);
    if (!mem)
        return INK_ERR_NOMEM;
    uint8_t *row = mem;
    uint32_t *col = (uint32_t *)(void *)(mem + ((packed + 3) & ~(size_t)3));
    uint32_t *sum = col + (w + 1);
    int16_t *e0 = (int16_t *)(void *)(sum + w);
    int16_t *e1 = e0 + (w + 4), *e2 = e1 + (w + 4);
    uint8_t *tone = (uint8_t *)(e2 + (w + 4));
    tone_table(tone, look);
    memset(e0, 0, 3 * (size_t)(w + 4) * 2);
    for (int i = 0; i <= w; i++)
        col[i] = (uint32_t)((uint64_t)i * (uint32_t)sw / (uint32_t)w);
    void *rd = NULL;
    err = src->open(src->ctx, idx, pool, &rd);
    int have = 0; /* source rows read so far */
    for (int j = 0; j < h && !err; j++) {
        int r0 = (int)((int64_t)j * sh / h), r1 = (int)((int64_t)(j + 1) * sh / h);
        if (r1 <= r0)
            r1 = r0 + 1;
        memset(sum, 0, (size_t)w * 4);
        int rows = 0;
        /* enlarging: the row read last is row r0 again */
        if (have == r0 + 1 && r1 == r0 + 1) {
            rows = -1;
        }
        if (rows < 0) {
            rows = 1;
            for (int i = 0; i < w; i++) {
                uint32_t c0 = col[i], c1 = col[i + 1] > c0 ? col[i + 1] : c0 + 1, s = 0;
                for (uint32_t c = c0; c < c1; c++)
                    s += (uint32_t)((c & 1) ? row[c >> 1] & 15 : row[c >> 1] >> 4);
                sum[i] = s * 17 / (c1 - c0);
            }
        } else {
            while (have < r1 && !err) {
                err = src->row(src->ctx, rd, row);
                if (err)
                    break;
                if (have++ < r0)
                    continue;
                rows++;
                for (int i = 0; i < w; i++) {
                    uint32_t c0 = col[i], c1 = col[i + 1] > c0 ? col[i + 1] : c0 + 1, s = 0;
                    for (uint32_t c = c0; c < c1; c++)
                        s += (uint32_t)((c & 1) ? row[c >> 1] & 15 : row[c >> 1] >> 4);
                    sum[i] += s * 17 / (c1 - c0);
                }
            }
            if (err)
                break;
        }
        if (rows < 1)
            rows = 1; /* cannot happen (r1 > r0 and have <= r0 here), but never a division by 0 */
        /* Diffuse this row: e0 holds the error for it, e1 and e2 the rows below. */
        int ltr = look.dither == INK_DITHER_ATKINSON || !(j & 1);
        for (int k = 0; k < w; k++) {
            int i = ltr ? k : w - 1 - k;
            int v = tone[sum[i] / (uint32_t)rows] + e0[i + 2];
            int ink = v < 128;
            int e = v - (ink ? 0 : 255);
            if (ink)
                ink_fb_set(fb, x + i, y + j, 1);
            int d = ltr ? 1 : -1;
            if (look.dither == INK_DITHER_ATKINSON) {
                int q = e / 8;
                e0[i + 2 + 1] += (int16_t)q;
                e0[i + 2 + 2] += (int16_t)q;
                e1[i + 2 - 1] += (int16_t)q;
                e1[i + 2] += (int16_t)q;
                e1[i + 2 + 1] += (int16_t)q;
                e2[i + 2] += (int16_t)q;
            } else {
                e0[i + 2 + d] += (int16_t)(e * 7 / 16);
                e1[i + 2 - d] += (int16_t)(e * 3 / 16);
                e1[i + 2] += (int16_t)(e * 5 / 16);
                e1[i + 2 + d] += (int16_t)(e / 16);
            }
        }
        int16_t *t = e0;
        e0 = e1;
        e1 = e2;
        e2 = t;
        memset(e2, 0, (size_t)(w + 4) * 2);
    }
    if (src->close)
        src->close(src->ctx, rd, pool);
    ink_pool_free(pool, mem);
    return err;
}

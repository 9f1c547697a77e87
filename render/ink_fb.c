/* SPDX-License-Identifier: MIT */
/* ink_fb.c: 1-bit framebuffer drawing. */
#include "ink_fb.h"

#include <string.h>

size_t ink_fb_bytes(int w, int h)
{
    return (size_t)((w + 7) / 8) * (size_t)h;
}

void ink_fb_init(ink_fb_t *fb, uint8_t *buf, int w, int h)
{
    fb->bits = buf;
    fb->w = w;
    fb->h = h;
    fb->stride = (w + 7) / 8;
    ink_fb_clear(fb);
}

void ink_fb_clear(ink_fb_t *fb)
{
    memset(fb->bits, 0, (size_t)fb->stride * (size_t)fb->h);
}

void ink_fb_set(ink_fb_t *fb, int x, int y, int ink)
{
    if (x < 0 || y < 0 || x >= fb->w || y >= fb->h)
        return;
    uint8_t *p = fb->bits + (size_t)y * fb->stride + (x >> 3);
    uint8_t m = (uint8_t)(0x80u >> (x & 7));
    *p = ink ? (uint8_t)(*p | m) : (uint8_t)(*p & ~m);
}

int ink_fb_get(const ink_fb_t *fb, int x, int y)
{
    if (x < 0 || y < 0 || x >= fb->w || y >= fb->h)
        return 0;
    return (fb->bits[(size_t)y * fb->stride + (x >> 3)] >> (7 - (x & 7))) & 1;
}

static int clip(const ink_fb_t *fb, ink_rect_t *r)
{
    if (r->x < 0) { r->w += r->x; r->x = 0; }
    if (r->y < 0) { r->h += r->y; r->y = 0; }
    if (r->x + r->w > fb->w) r->w = fb->w - r->x;
    if (r->y + r->h > fb->h) r->h = fb->h - r->y;
    return r->w > 0 && r->h > 0;
}

/* Applies op (0 clear, 1 set, 2 invert) to a clipped rectangle, a byte at a
 * time in the middle of each row. */
static void span_op(ink_fb_t *fb, ink_rect_t r, int op)
{
    if (!clip(fb, &r))
        return;
    int x0 = r.x, x1 = r.x + r.w; /* [x0, x1) */
    int b0 = x0 >> 3, b1 = (x1 - 1) >> 3;
    uint8_t m0 = (uint8_t)(0xFFu >> (x0 & 7));
    uint8_t m1 = (uint8_t)(0xFFu << (7 - ((x1 - 1) & 7)));
    for (int y = r.y; y < r.y + r.h; y++) {
        uint8_t *row = fb->bits + (size_t)y * fb->stride;
        for (int b = b0; b <= b1; b++) {
            uint8_t m = 0xFF;
            if (b == b0) m &= m0;
            if (b == b1) m &= m1;
            if (op == 0) row[b] &= (uint8_t)~m;
            else if (op == 1) row[b] |= m;
            else row[b] ^= m;
        }
    }
}

void ink_fb_fill_rect(ink_fb_t *fb, ink_rect_t r, int ink)
{
    span_op(fb, r, ink ? 1 : 0);
}

void ink_fb_invert_rect(ink_fb_t *fb, ink_rect_t r)
{
    span_op(fb, r, 2);
}

void ink_fb_blit1(ink_fb_t *fb, int x, int y, const uint8_t *src, int w, int h, int pitch, int invert)
{
    if (!invert && x >= 0 && w > 0 && x + w <= fb->w) {
        /* The common case, a glyph wholly inside the frame across: each
         * source row, shifted, ORed into the bytes it covers. Rows outside
         * the frame are cut off first. A byte past the glyph's last gets
         * only bits that are pixels of the glyph, so inside the row. */
        int j0 = y < 0 ? -y : 0, j1 = y + h > fb->h ? fb->h - y : h;
        if (j0 >= j1)
            return;
        unsigned shift = (unsigned)x & 7u, back = 8u - shift;
        int nbytes = (w + 7) / 8;
        uint8_t last = (uint8_t)(0xFFu << ((8 - (w & 7)) & 7));
        const uint8_t *s = src + (size_t)j0 * (size_t)pitch;
        uint8_t *d = fb->bits + (size_t)(y + j0) * (size_t)fb->stride + (x >> 3);
        if (nbytes == 1) {
            for (int j = j0; j < j1; j++, s += pitch, d += fb->stride) {
                unsigned v = (unsigned)(s[0] & last) << back; /* 16 bits: two frame bytes */
                d[0] |= (uint8_t)(v >> 8);
                if (v & 0xFFu)
                    d[1] |= (uint8_t)v;
            }
            return;
        }
        if (nbytes == 2) {
            for (int j = j0; j < j1; j++, s += pitch, d += fb->stride) {
                unsigned v = ((unsigned)s[0] << 8 | (unsigned)(s[1] & last)) << back; /* 24 bits */
                d[0] |= (uint8_t)(v >> 16);
                d[1] |= (uint8_t)(v >> 8);
                if (v & 0xFFu)
                    d[2] |= (uint8_t)v;
            }
            return;
        }
        for (int j = j0; j < j1; j++, s += pitch, d += fb->stride) {
            unsigned carry = 0;
            for (int i = 0; i < nbytes; i++) {
                unsigned v = (unsigned)(i == nbytes - 1 ? s[i] & last : s[i]) << back;
                d[i] |= (uint8_t)(v >> 8 | carry);
                carry = v & 0xFFu;
            }
            if (carry)
                d[nbytes] |= (uint8_t)carry;
        }
        return;
    }
    for (int j = 0; j < h; j++) {
        int yy = y + j;
        if (yy < 0 || yy >= fb->h)
            continue;
        const uint8_t *s = src + (size_t)j * pitch;
        uint8_t *row = fb->bits + (size_t)yy * fb->stride;
        for (int i = 0; i < w; i++) {
            if (!((s[i >> 3] >> (7 - (i & 7))) & 1))
                continue;
            int xx = x + i;
            if (xx < 0 || xx >= fb->w)
                continue;
            uint8_t m = (uint8_t)(0x80u >> (xx & 7));
            row[xx >> 3] = invert ? (uint8_t)(row[xx >> 3] & ~m) : (uint8_t)(row[xx >> 3] | m);
        }
    }
}

/* SPDX-License-Identifier: MIT */
/* ink_fb.h: 1-bit framebuffer. Row-major, MSB = leftmost pixel, 1 = ink. */
#ifndef INK_FB_H
#define INK_FB_H

#include <stddef.h>
#include <stdint.h>

typedef struct ink_rect {
    int x, y, w, h;
} ink_rect_t;

typedef struct ink_fb {
    uint8_t *bits;   /**< stride * h bytes, owned by the caller */
    int w, h;        /**< pixels */
    int stride;      /**< bytes per row: (w + 7) / 8 */
} ink_fb_t;

/** Bytes a w x h framebuffer needs. */
size_t ink_fb_bytes(int w, int h);

/** Binds fb to buf (at least ink_fb_bytes(w, h) bytes) and clears it to paper. */
void ink_fb_init(ink_fb_t *fb, uint8_t *buf, int w, int h);

void ink_fb_clear(ink_fb_t *fb);
void ink_fb_set(ink_fb_t *fb, int x, int y, int ink);
int ink_fb_get(const ink_fb_t *fb, int x, int y);

/** Fills r (clipped to the frame) with ink (1) or paper (0). */
void ink_fb_fill_rect(ink_fb_t *fb, ink_rect_t r, int ink);

/** Inverts r (clipped): the cursor bar of lists. */
void ink_fb_invert_rect(ink_fb_t *fb, ink_rect_t r);

/** ORs (or, with invert, clears) a 1-bit MSB-first bitmap of w x h pixels,
 * pitch bytes a row, with its top-left corner at (x, y). Clipped. */
void ink_fb_blit1(ink_fb_t *fb, int x, int y, const uint8_t *src, int w, int h, int pitch, int invert);

#endif

/* SPDX-License-Identifier: MIT */
/* pngcmp.c: compares two 1-bit PNGs pixel by pixel. On a difference writes
 * ERR (the differing pixels in ink) and says how many differ.
 * usage: pngcmp GOT.png WANT.png ERR.png   (exit 0 same, 1 different, 2 error) */
#include <stdio.h>
#include <stdlib.h>

#include "sim_io.h"

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: pngcmp GOT.png WANT.png ERR.png\n");
        return 2;
    }
    ink_fb_t a, b;
    uint8_t *abits, *bbits;
    if (sim_png_read(argv[1], &a, &abits) != 0) {
        fprintf(stderr, "pngcmp: cannot read %s\n", argv[1]);
        return 2;
    }
    if (sim_png_read(argv[2], &b, &bbits) != 0) {
        fprintf(stderr, "pngcmp: cannot read %s\n", argv[2]);
        free(abits);
        return 2;
    }
    if (a.w != b.w || a.h != b.h) {
        fprintf(stderr, "pngcmp: %s is %dx%d, %s is %dx%d\n", argv[1], a.w, a.h, argv[2], b.w, b.h);
        free(abits);
        free(bbits);
        return 1;
    }
    long diff = 0;
    for (int y = 0; y < a.h; y++)
        for (int x = 0; x < a.w; x++) {
            int d = ink_fb_get(&a, x, y) != ink_fb_get(&b, x, y);
            diff += d;
            ink_fb_set(&a, x, y, d);
        }
    if (diff) {
        const char *why;
        if (sim_png_write(argv[3], &a, &why) != 0)
            fprintf(stderr, "pngcmp: %s: %s\n", argv[3], why);
        fprintf(stderr, "pngcmp: %s differs from %s in %ld pixels; differences in %s\n", argv[1], argv[2], diff,
                argv[3]);
    }
    free(abits);
    free(bbits);
    return diff ? 1 : 0;
}

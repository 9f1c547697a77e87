/* SPDX-License-Identifier: MIT */
/* ink_profile.c: panel table. Sizes are points, turned into pixels through
 * each panel's dpi, so text is the same physical size on every panel. */
#include "ink_profile.h"

#include <string.h>

const ink_profile_t ink_profiles[] = {
    /* Glyphs are unhinted and thresholded everywhere: hinted monochrome looks
     * about as good at these sizes (fonts/README.md) but its bytecode
     * interpreter needs ~30 KB of pool per face. Lower thresholds embolden
     * the thin strokes that small pixel sizes would break up. */
    { "inkplate6", 800, 600, 167, { 85, 100, 120 }, 1, INK_RENDER_GRAY, 112 },
    { "waveshare-7in5", 800, 480, 125, { 90, 105, 125 }, 1, INK_RENDER_GRAY, 96 },
    { "lilygo-t5", 960, 540, 235, { 75, 90, 110 }, 1, INK_RENDER_GRAY, 128 },
    { "kobo-clara", 1072, 1448, 300, { 80, 95, 115 }, 1, INK_RENDER_GRAY, 128 },
    { "remarkable2", 1404, 1872, 226, { 90, 105, 125 }, 1, INK_RENDER_GRAY, 128 },
    { NULL, 0, 0, 0, { 0, 0, 0 }, 0, 0, 0 },
};

const ink_profile_t *ink_profile_find(const char *name)
{
    for (const ink_profile_t *p = ink_profiles; p->name; p++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

int ink_pt10_to_px(int pt10, int dpi)
{
    return (pt10 * dpi + 360) / 720;
}

/* SPDX-License-Identifier: MIT */
/* ink_profile.h: the panels inkpress knows, and the sizes it sets text at. */
#ifndef INK_PROFILE_H
#define INK_PROFILE_H

/** How glyphs become 1-bit pixels. */
typedef enum ink_render_mode {
    INK_RENDER_MONO = 0,   /**< TrueType hinting for monochrome, FreeType's mono rasteriser */
    INK_RENDER_GRAY = 1,   /**< unhinted, anti-aliased, then a threshold */
} ink_render_mode_t;

#define INK_SIZE_COUNT 3   /**< font sizes offered in the menu: small, medium, large */

typedef struct ink_profile {
    const char *name;
    int w, h, dpi;
    unsigned char size_pt10[INK_SIZE_COUNT]; /**< body sizes in tenths of a point */
    unsigned char default_size;              /**< index into size_pt10 */
    unsigned char render_mode;               /**< ink_render_mode_t */
    unsigned char threshold;                 /**< ink when coverage >= this (gray mode) */
} ink_profile_t;

/** The built-in panels; the first is the default. Ends with a NULL name. */
extern const ink_profile_t ink_profiles[];

/** The profile called name, or NULL. */
const ink_profile_t *ink_profile_find(const char *name);

/** Points (in tenths) to pixels at a dpi, rounded. */
int ink_pt10_to_px(int pt10, int dpi);

#endif

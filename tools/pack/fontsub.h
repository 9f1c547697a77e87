/* SPDX-License-Identifier: MIT */
/* fontsub.h: the fonts a bundle carries (FONT section) and its kerning
 * pairs (KERN section, render/ink_kern.h), both made with HarfBuzz from the
 * characters and the adjacent pairs an edition uses (docs/FORMAT.md). Host
 * only: allocates with malloc. */
#ifndef INK_FONTSUB_H
#define INK_FONTSUB_H

#include <stddef.h>
#include <stdint.h>

#include <hb.h>

#include "ink_font.h"

/** What an edition draws: its characters, and per face the pairs of
 * characters that stand next to each other. */
typedef struct fontsub_use fontsub_use_t;

/** Flags for fontsub_use_text(): the faces the text is set in. */
enum {
    FS_REGULAR = 1u << INK_FACE_REGULAR,
    FS_BOLD = 1u << INK_FACE_BOLD,
    FS_ITALIC = 1u << INK_FACE_ITALIC,
    FS_STYLED = 1u << 8, /**< inline style codes switch to bold and italic (body text) */
    FS_INVERT = 1u << 9, /**< with FS_STYLED: the block is italic, italic runs roman (quotes) */
};

/** Flags for fontsub_subset(). */
enum {
    FS_KEEP_HINTS = 1u << 0, /**< keep the TrueType instructions (the device renders unhinted) */
    FS_GLYPH_NAMES = 1u << 1, /**< keep the glyph names (tests compare shaped glyphs by name) */
};

/** Returns an empty use, or NULL when out of memory. */
fontsub_use_t *fontsub_use_new(void);
void fontsub_use_free(fontsub_use_t *u);

/** Adds the characters of text[0..len) (UTF-8; control codes skipped) and
 * its adjacent pairs in the faces flags name. A soft hyphen adds the pair
 * of the letter before it and '-', the hyphen drawn at a line end. Spaces
 * pair with nothing. Returns 0, or -1 when out of memory. */
int fontsub_use_text(fontsub_use_t *u, const char *text, size_t len, unsigned flags);

/** Adds every character the firmware's own screens draw: ASCII 0x20-0x7E,
 * the no-break space, the soft hyphen, · • … × – — ‘ ’ “ ” and U+FFFD. */
int fontsub_use_ui(fontsub_use_t *u);

/** Adds the characters and pairs of from to to (a use filled on each
 * thread joins one: the result does not depend on the order). Returns 0,
 * or -1 when out of memory. */
int fontsub_use_merge(fontsub_use_t *to, const fontsub_use_t *from);

/** The set of characters in u (owned by u), to read or add to. */
hb_set_t *fontsub_use_cps(const fontsub_use_t *u);

/** Characters in u, and pairs in face (INK_FACE_*). */
size_t fontsub_use_count(const fontsub_use_t *u);
size_t fontsub_use_pairs(const fontsub_use_t *u, unsigned face);

/** Subsets the TrueType/OpenType font ttf[0..len) to the characters in u
 * (glyph 0 always kept): outlines and metrics only, no layout tables (the
 * bundle carries the kerning), the family names dropped (the subset is a
 * modified version under the OFL's reserved-name clause; copyright and
 * licence are kept). *out is malloc'd. Returns 0, or -1 with a reason in
 * *why. Deterministic. */
int fontsub_subset(const uint8_t *ttf, size_t len, const fontsub_use_t *u, unsigned flags, uint8_t **out,
                   size_t *outlen, const char **why);

/** As fontsub_subset, for face index of a collection (.ttc; 0 for a
 * single font). CFF-flavoured faces stay CFF. */
int fontsub_subset_face(const uint8_t *ttf, size_t len, unsigned index, const fontsub_use_t *u, unsigned flags,
                        uint8_t **out, size_t *outlen, const char **why);

/** As fontsub_subset_face, keeping also the glyphs in gids (ids of the
 * whole face, as shaping gave them); map gets each of them mapped to its id
 * in the subset (hb_map_set; the caller creates and destroys map). */
int fontsub_subset_glyphs(const uint8_t *ttf, size_t len, unsigned index, const fontsub_use_t *u,
                          const hb_set_t *gids, unsigned flags, hb_map_t *map, uint8_t **out, size_t *outlen,
                          const char **why);

/** Builds the KERN section (render/ink_kern.h) for the pairs of u, with the
 * adjustments HarfBuzz reads from faces[f] (GPOS or kern: the pair shaped
 * with kerning on, against the glyphs' nominal advances), in 1/256 em,
 * rounded, clamped to a signed byte; zero adjustments are left out. A face
 * with len 0 kerns nothing. *out is malloc'd; npairs[f] gets the count per
 * face when not NULL. Returns 0, or -1 with a reason in *why. */
int fontsub_kern(const ink_font_data_t faces[INK_FACE_COUNT], const fontsub_use_t *u, uint8_t **out,
                 size_t *outlen, size_t npairs[INK_FACE_COUNT], const char **why);

/** Builds the FONT section: u32 nfaces (3), nfaces entries {u32 offset
 * from the section's start, u32 length}, then the faces in order regular,
 * bold, italic, each starting on a 4-byte boundary. Returns 0 or -1 (out of
 * memory). */
int fontsub_font_section(const ink_font_data_t faces[INK_FACE_COUNT], uint8_t **out, size_t *outlen);

/** As fontsub_font_section with n faces (3 to INK_FONT_MAX_FACES): the
 * three styles, then the fallback faces in the order the device tries them. */
int fontsub_font_section_n(const ink_font_data_t *faces, size_t n, uint8_t **out, size_t *outlen);

#endif

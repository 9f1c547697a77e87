/* SPDX-License-Identifier: MIT */
/* ink_layout.h: lines and pages of one article's flow.
 *
 * The flow is the article's text with block codes (ink_text.h): the caller
 * puts a HEADLINE and a META block in front of the body. Lines are broken
 * greedily and justified; pages are found once, when the text is set, and
 * only their start offsets are kept, so rendering a page re-breaks just the
 * lines on it. */
#ifndef INK_LAYOUT_H
#define INK_LAYOUT_H

#include <stdint.h>

#include "ink_err.h"
#include "ink_fb.h"
#include "ink_font.h"
#include "ink_pool.h"

/** Where text goes on the screen, and at what sizes; all in pixels. */
typedef struct ink_layout_cfg {
    int x, y, w, h;     /**< the text area */
    int body_px;        /**< body font size */
    int head_px;        /**< headline font size */
    int meta_px;        /**< meta line font size */
    int para_gap;       /**< extra space between blocks */
    int justify;        /**< justify all but the last line of a block */
} ink_layout_cfg_t;

/** Inline style bits, carried from line to line. */
#define INK_STYLE_ITALIC 1u
#define INK_STYLE_BOLD 2u

/** A place in the flow where a line may start: an offset with the block
 * kind and inline style in force there. */
typedef struct ink_cursor {
    uint32_t off;
    uint8_t kind;         /**< block code, 0 before the first block */
    uint8_t style;        /**< INK_STYLE_* bits */
} ink_cursor_t;

/** One broken line. Offsets are into the flow. */
typedef struct ink_line {
    uint32_t start, end;  /**< the line's text, no leading or trailing space */
    ink_cursor_t next;    /**< where the next line starts */
    uint8_t kind;         /**< block code of its block */
    uint8_t first, last;  /**< first / last line of its block */
    uint8_t split;        /**< ends inside a word that did not fit a line */
    uint8_t style;        /**< inline style at start */
    int indent;           /**< pixels from the area's left edge */
    int avail;            /**< pixels it may fill */
    int32_t width;        /**< natural width, 26.6 */
    int gaps;             /**< interword spaces */
    int ascent, height;   /**< baseline from the top, line box height */
    int gap_before;       /**< space above when it does not open a page */
} ink_line_t;

typedef struct ink_layout {
    ink_font_t *font;
    ink_pool_t *pool;
    ink_layout_cfg_t cfg;
    const uint8_t *text;
    uint32_t len;
    uint32_t *pages;      /**< page starts, packed cursors; pool memory */
    int npages;
    int truncated;        /**< more pages than INK_MAX_PAGES */
} ink_layout_t;

/** Binds a layout to a font and a configuration. Allocates nothing. */
void ink_layout_init(ink_layout_t *L, ink_font_t *font, ink_pool_t *pool, const ink_layout_cfg_t *cfg);

/** Sets the flow text (not copied; it must outlive the layout or the next
 * call) and paginates it. Flow offsets must stay below 2^24. */
ink_err_t ink_layout_set_text(ink_layout_t *L, const uint8_t *text, uint32_t len);

/** Frees the page table. */
void ink_layout_clear(ink_layout_t *L);

/** Breaks the line that starts at cursor at. */
ink_err_t ink_layout_line(ink_layout_t *L, ink_cursor_t at, ink_line_t *out);

/** Draws page p (0-based) into fb. */
ink_err_t ink_layout_draw_page(ink_layout_t *L, ink_fb_t *fb, int p);

/** Calls fn for every line of page p in order, as drawn; for tests and
 * statistics. fn returns nonzero to stop. */
ink_err_t ink_layout_each_line(ink_layout_t *L, int p, int (*fn)(void *ctx, const ink_line_t *line), void *ctx);

/** The page holding flow offset pos. */
int ink_layout_page_of(const ink_layout_t *L, uint32_t pos);

/** Flow offset where page p starts. */
uint32_t ink_layout_page_offset(const ink_layout_t *L, int p);

/** Width of UTF-8 text s[0..n) in face at px, 26.6; style codes skipped. */
int32_t ink_text_width(ink_font_t *font, ink_face_id_t face, int px, const char *s, size_t n);

/** Draws s[0..n) from pen (x, baseline y); when wider than maxw pixels
 * (maxw > 0) it is cut and ends with an ellipsis. Returns the pen's end x. */
int ink_text_draw(ink_fb_t *fb, ink_font_t *font, ink_face_id_t face, int px, int x, int y, const char *s,
                  size_t n, int maxw);

#endif

/* SPDX-License-Identifier: MIT */
/* ink_layout.h: lines and pages of one article's flow.
 *
 * The flow is the article's text with block codes (ink_text.h): the caller
 * puts a HEADLINE and a META block in front of the body. Each block is
 * broken into lines as a whole, by Knuth and Plass's total-fit method
 * (boxes, glue and penalties; hyphenation at the soft hyphens the packer
 * placed; fitness classes) or greedily, and justified; headlines are
 * balanced over their lines. Pages are found once, when the text is set,
 * keeping subheadings with what follows and leaving no single line of a
 * longer paragraph alone at the foot or the head of a page; only the page
 * start offsets are kept, so drawing a page re-breaks just the blocks on it.
 *
 * A picture block (INK_TX_PIC) is its picture, scaled to the column (at
 * most twice its own size, and to fit the page when taller), as one line
 * that never splits, followed by its caption in the meta size, italic,
 * ragged; the caption's first line stays with the picture.
 *
 * Break opportunities in the text: a space; a soft hyphen U+00AD (a hyphen
 * is drawn); a zero-width space U+200B; after a hyphen or a dash
 * (U+002D, U+2010, U+2013, U+2014); between two characters where the CJK
 * rule of ink_brk.h allows it (Chinese and Japanese text, with its line-start
 * and line-end prohibitions), unless INK_TX_JOIN stands between them. Never
 * at U+00A0, never inside a cluster (before a combining mark). Justified
 * lines stretch their spaces and those CJK gaps; a line that would show one
 * word spread across the measure is set flush. */
#ifndef INK_LAYOUT_H
#define INK_LAYOUT_H

#include <stdint.h>

#include "ink_err.h"
#include "ink_fb.h"
#include "ink_font.h"
#include "ink_hyph.h"
#include "ink_kern.h"
#include "ink_pic.h"
#include "ink_pool.h"

/** How blocks are broken into lines. */
typedef enum ink_breaker {
    INK_BREAK_TOTAL_FIT = 0, /**< Knuth–Plass; greedy where memory or items run out */
    INK_BREAK_GREEDY = 1,    /**< first fit, for comparison */
} ink_breaker_t;

/** Where text goes on the screen, and at what sizes; all in pixels. */
typedef struct ink_layout_cfg {
    int x, y, w, h;     /**< the text area */
    int body_px;        /**< body font size */
    int head_px;        /**< headline font size */
    int meta_px;        /**< meta line font size */
    int para_gap;       /**< extra space between blocks */
    int justify;        /**< justify all but the last line of a block */
    int breaker;        /**< ink_breaker_t */
    int dpi;            /**< the panel's, for the pictures' dither and tone (0: 167) */
} ink_layout_cfg_t;

/** Inline style bits, carried from line to line. */
#define INK_STYLE_ITALIC 1u
#define INK_STYLE_BOLD 2u

/** How a line ends. */
typedef enum ink_line_end {
    INK_END_SPACE = 0,  /**< at a space: the next line is a new word */
    INK_END_LAST = 1,   /**< the block's last line */
    INK_END_SHY = 2,    /**< at a soft hyphen: a hyphen is drawn */
    INK_END_HYPHEN = 3, /**< after a hyphen or dash in the text */
    INK_END_ZWSP = 4,   /**< at a zero-width break */
    INK_END_CUT = 5,    /**< inside a word too long for any line */
} ink_line_end_t;

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
    uint8_t split;        /**< no space between it and the next line (ends in a word) */
    uint8_t end_how;      /**< ink_line_end_t */
    uint8_t style;        /**< inline style at start */
    uint16_t index;       /**< line number within its block */
    uint16_t nlines;      /**< lines of its block */
    int indent;           /**< pixels from the area's left edge */
    int avail;            /**< pixels it may fill */
    int32_t width;        /**< natural width, 26.6, with the drawn hyphen */
    int32_t space;        /**< natural width of one interword space, 26.6 */
    int32_t shrink;       /**< how much its spaces may shrink in all (a third each), 26.6;
                               overfull means width - shrink > avail */
    int gaps;             /**< interword spaces */
    int kgaps;            /**< gaps between characters the CJK rule (ink_brk.h) may break at */
    int32_t kstretch;     /**< how much those may stretch in all, 26.6 (an eighth of an em each) */
    int ascent, height;   /**< baseline from the top, line box height */
    int gap_before;       /**< space above when it does not open a page */
    int pic_w, pic_h;     /**< a picture block's picture: its box (pic_h 0: a line of text) */
    uint32_t pic;         /**< its number in the source */
} ink_line_t;

/** Breaks of the piece of a block last broken (pool memory, replaced piece
 * by piece). A block of up to INK_LAYOUT_MAX_LINES lines is one piece; a
 * longer one is a chain of pieces, each starting where the previous one's
 * lines stopped. */
typedef struct ink_block_lines {
    uint32_t block;       /**< offset of the block code, or UINT32_MAX */
    uint32_t from;        /**< the piece holds the lines starting in [from, next) */
    uint32_t next;        /**< where the next piece starts (more), else the block's end */
    uint8_t next_style;   /**< inline style in force at next */
    uint8_t more;         /**< pieces follow this one */
    uint16_t index0;      /**< line number of the piece's first line in its block */
    uint16_t n;
    uint32_t *start;      /**< n line starts */
    uint32_t *end;        /**< n line ends */
    uint8_t *how;         /**< n ink_line_end_t */
    uint8_t *style;       /**< n styles at the line starts */
    int32_t width;        /**< measure the lines were broken at, 26.6 */
    int total_fit;        /**< 1 when Knuth–Plass broke it, 0 greedy */
} ink_block_lines_t;

/** Typesetting statistics over laid-out lines (ink_layout_stats). */
typedef struct ink_layout_stats {
    long lines, justified, loose15, loose20, hyphenated, hyphen_runs, overfull;
    long widows, orphans, pages, blocks, greedy_blocks;
    long flush;           /**< justified lines set flush: one word would be spread across the measure */
} ink_layout_stats_t;

typedef struct ink_layout {
    ink_font_t *font;
    ink_pool_t *pool;
    const ink_kern_t *kern; /**< may be NULL: no kerning */
    const ink_hyph_t *hyph; /**< the text's hyphenation patterns; NULL: its soft hyphens only */
    const ink_pic_src_t *pics; /**< where picture blocks' pictures come from; NULL: empty frames */
    ink_layout_cfg_t cfg;
    const uint8_t *text;
    uint32_t len;
    uint32_t *pages;      /**< page starts, packed cursors; pool memory */
    int npages;
    int truncated;        /**< more pages than INK_MAX_PAGES */
    ink_block_lines_t bl;
} ink_layout_t;

/** Binds a layout to a font, an optional kerning table and a configuration.
 * Allocates nothing. */
void ink_layout_init(ink_layout_t *L, ink_font_t *font, ink_pool_t *pool, const ink_layout_cfg_t *cfg);

/** Sets the flow text (not copied; it must outlive the layout or the next
 * call) and paginates it. Flow offsets must stay below 2^24. */
ink_err_t ink_layout_set_text(ink_layout_t *L, const uint8_t *text, uint32_t len);

/** Frees the page table and the block cache. */
void ink_layout_clear(ink_layout_t *L);

/** The line that starts at cursor at. */
ink_err_t ink_layout_line(ink_layout_t *L, ink_cursor_t at, ink_line_t *out);

/** Draws page p (0-based) into fb. */
ink_err_t ink_layout_draw_page(ink_layout_t *L, ink_fb_t *fb, int p);

/** Calls fn for every line of page p in order, as drawn; for tests and
 * statistics. fn returns nonzero to stop. */
ink_err_t ink_layout_each_line(ink_layout_t *L, int p, int (*fn)(void *ctx, const ink_line_t *line), void *ctx);

/** Adds the statistics of every page to *st (not zeroed first). */
ink_err_t ink_layout_stats(ink_layout_t *L, ink_layout_stats_t *st);

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

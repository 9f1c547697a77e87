/* SPDX-License-Identifier: MIT */
/* ink_text.h: the control codes inside article text. The host writes them,
 * the renderer reads them; docs/FORMAT.md ("Article text") is the spec.
 * All are C0 bytes, which never occur inside UTF-8 text the packer emits. */
#ifndef INK_TEXT_H
#define INK_TEXT_H

/* A block code starts a block; the block runs to the next block code. */
#define INK_TX_HEADLINE 0x01 /**< device-side only: the headline at the top of page 1 */
#define INK_TX_PARA 0x02     /**< paragraph */
#define INK_TX_SUBHEAD 0x03  /**< subheading */
#define INK_TX_QUOTE 0x04    /**< block quote */
#define INK_TX_LIST 0x05     /**< list item */
#define INK_TX_META 0x06     /**< device-side only: source · date · section line */

/* Article header blocks: optional, only at the start of an article's text,
 * in this order. The reader takes them out before laying out the body. */
#define INK_TX_SOURCE 0x07 /**< agency or publisher */
#define INK_TX_DATE 0x08   /**< YYYY-MM-DD */
#define INK_TX_BYLINE 0x09 /**< author(s) */

/* A picture block: the picture's number in PICS in ASCII decimal digits
 * (no leading zero), one space, then its caption; INK_TX_CREDIT in the
 * caption starts the picture's credit. Bundle version 4. */
#define INK_TX_PIC 0x0A
#define INK_TX_CREDIT 0x1C

/* Inline style codes, zero width, valid until the end of their block. */
#define INK_TX_ITALIC_ON 0x10
#define INK_TX_ITALIC_OFF 0x11
#define INK_TX_BOLD_ON 0x12
#define INK_TX_BOLD_OFF 0x13

/* Layout hints the packer places, one byte each (a UTF-8 U+00AD would take
 * two, U+200B three, and an edition holds hundreds of thousands):
 * - NOBREAK: a space a line must not break at (UAX #14 forbids it there);
 *   set as a space, never stretched into a line end.
 * - SHY: a soft hyphen; a line may break here and then ends with "-".
 * - ZWSP: a line may break here, with nothing drawn.
 * `inkpress extract` turns NOBREAK back into a space and drops the others. */
#define INK_TX_NOBREAK 0x14
#define INK_TX_SHY 0x15
#define INK_TX_ZWSP 0x16
/* Before a word: the edition's hyphenation patterns (HYPH, ink_hyph.h) must
 * leave it alone; its own soft hyphens are all it has. */
#define INK_TX_HYPH_OFF 0x17
/* A shaped run (ink_run.h): glyph ids and positions the host's shaper gave
 * for the UTF-8 text that ends the run. Its bytes after this code are all
 * 0x80 to 0xBF up to the text, so byte scans for the codes above pass over
 * it; readers of the text skip it by its lengths. */
#define INK_TX_GLYPHS 0x18
/* A bidi level (UAX #9), followed by one byte 0x80 | v: v 0 to 61 is the
 * level of the characters after it, up to the next such code; v 62 or 63,
 * right after a block code, says the block's paragraph is left to right
 * (62) or right to left (63). Only blocks with right-to-left text carry
 * them; a block without is left to right at level 0. The device orders
 * each line's pieces by their levels (UAX #9 rule L2). */
#define INK_TX_LEVEL 0x19
#define INK_LEVEL_PARA_LTR 62u
#define INK_LEVEL_PARA_RTL 63u
/* Between two characters: no line break here, where the device's own CJK
 * rule (ink_brk.h) would give one; nothing is drawn. */
#define INK_TX_JOIN 0x1A

#define INK_TX_IS_BLOCK(c) ((c) >= 0x01 && (c) <= 0x0A)
#define INK_TX_IS_INLINE(c) ((c) >= 0x10 && (c) <= 0x13)

/* --- reading article text (render/ink_text.c) --- */

#include <stddef.h>
#include <stdint.h>

#include "ink_err.h"

/** The header blocks at the start of an article's text, as pointers into it
 * (not NUL-terminated: use the lengths). */
typedef struct ink_text_head {
    const char *source, *date, *byline; /**< NULL when absent */
    uint32_t source_len, date_len, byline_len;
    uint32_t body; /**< offset of the first body block */
} ink_text_head_t;

/** Splits the header blocks off inflated article text. */
void ink_text_head(const uint8_t *text, uint32_t len, ink_text_head_t *out);

/** What ink_text_coded finds. */
enum { INK_TEXT_CODED_OK, INK_TEXT_CODED_UTF8, INK_TEXT_CODED_LEVEL, INK_TEXT_CODED_RUN };

/** Text that may hold shaped runs (0x18, read by ink_run_parse, then its
 * text) and bidi levels (0x19 and one byte 0x80 to 0xBF): UTF-8 between
 * and inside them (docs/FORMAT.md, "Shaped runs", "Bidi levels"). Article
 * text, titles and section names may hold both.
 * Returns INK_TEXT_CODED_OK, or what is wrong first. */
int ink_text_coded(const uint8_t *s, size_t n);

/** Checks article text t[0..len) as docs/FORMAT.md ("Article text") says:
 * it starts with a block code, holds no reserved code (0x01, 0x06), its
 * header blocks come first, each once and in order, and it is UTF-8.
 * Returns INK_OK or INK_ERR_FORMAT with the check in *why. */
ink_err_t ink_text_check(const uint8_t *t, uint32_t len, const char **why);

#endif

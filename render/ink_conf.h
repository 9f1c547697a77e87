/* SPDX-License-Identifier: MIT */
/* ink_conf.h: every build-time option of the device code, in one place.
 * A board overrides any of them with -D or by including its own header first. */
#ifndef INK_CONF_H
#define INK_CONF_H

/** Heap for FreeType, the glyph cache, one article's text and its layout. */
#ifndef INK_POOL_BYTES
#define INK_POOL_BYTES (160u * 1024u)
#endif

/** Alignment of every pool allocation; 8 covers pointers, longs and doubles
 * on the targets we build for (FreeType and zlib need no more). */
#ifndef INK_POOL_ALIGN
#define INK_POOL_ALIGN 8u
#endif

/** Debug: fill every block given back to the pool with 0xA5, so that a use
 * after free reads garbage and shows up in tests (0 = off). */
#ifndef INK_POOL_POISON
#define INK_POOL_POISON 0
#endif

/** Glyph cache slots (rendered bitmaps, kept in the pool). A power of two. */
#ifndef INK_GLYPH_CACHE_SLOTS
#define INK_GLYPH_CACHE_SLOTS 256u
#endif

/** Entries a glyph may take in the cache (its set); one of them not drawn
 * lately gives way. */
#ifndef INK_GLYPH_CACHE_WAYS
#define INK_GLYPH_CACHE_WAYS 4u
#endif

/** Bytes of pool kept for cached glyph bitmaps, as a region of their own so
 * that their churn cannot fragment the rest of the pool. When it is full,
 * cached glyphs give up their bitmaps, round the cache, until one fits. */
#ifndef INK_GLYPH_CACHE_BYTES
#define INK_GLYPH_CACHE_BYTES (24u * 1024u)
#endif

/** Fallback faces (other scripts, FONT faces past the third) open at a
 * time. Each open face costs some 4 KB of pool and 4 KB more once sized;
 * past this many, the one used longest ago is closed to open another. */
#ifndef INK_FONT_OPEN_FALLBACKS
#define INK_FONT_OPEN_FALLBACKS 2u
#endif

/** A fallback face (another script) has no bold: bold text and headlines
 * in it are drawn emboldened, each glyph's pixels spread to the right by
 * 1/INK_FONT_EMBOLDEN of the em (at least one pixel; FreeType's
 * FT_GlyphSlot_Embolden takes 1/24), and up by half as much from 48 px.
 * Costs no pool. */
#ifndef INK_FONT_EMBOLDEN
#define INK_FONT_EMBOLDEN 24
#endif

/** Italic text of Latin, Greek, Cyrillic or Armenian that a fallback face
 * draws (those faces are upright) is slanted by this much, 16.16: x moves
 * by this times y (0x366A, about 12 degrees, as FreeType's
 * FT_GlyphSlot_Oblique). Other scripts stay upright in italic runs. */
#ifndef INK_FONT_OBLIQUE
#define INK_FONT_OBLIQUE 0x366A
#endif
_Static_assert(INK_FONT_EMBOLDEN >= 8, "INK_FONT_EMBOLDEN: more than an eighth of the em fills the counters");

/** Full (flashing) refresh after this many fast page turns; 0 = never. */
#ifndef INK_REFRESH_FULL_EVERY
#define INK_REFRESH_FULL_EVERY 6u
#endif

/** Largest article text the device accepts, in bytes after inflating. A
 * bundle claiming more is refused (this also caps a deflate bomb). */
#ifndef INK_ARTICLE_MAX_BYTES
#define INK_ARTICLE_MAX_BYTES (96u * 1024u)
#endif

/** The packer splits an article whose body is longer than this into parts
 * (article_split_long): opening one takes its text, the inflater's 40 KB
 * and the layout beside the fonts, all in the pool, and a 72 KB article
 * found no room at inkplate6 (`inkpress preview --stats`, German pages of
 * traf-dev). */
#ifndef INK_ARTICLE_PART_BYTES
#define INK_ARTICLE_PART_BYTES (40u * 1024u)
#endif

/** Parts an article goes in at most (1.25 MB of text, a book's length); the
 * packer says so and leaves the rest of a longer page out. */
#ifndef INK_ARTICLE_MAX_PARTS
#define INK_ARTICLE_MAX_PARTS 32u
#endif

/** Largest group of articles compressed as one stream, in bytes of text.
 * Opening an article inflates (and skips) the group up to it, so this
 * bounds the work; a bundle with a larger group is refused. */
#ifndef INK_GROUP_MAX_BYTES
#define INK_GROUP_MAX_BYTES (256u * 1024u)
#endif

/** Largest title chunk (titles of 32 articles, NUL-separated) accepted. */
#ifndef INK_TITLE_CHUNK_MAX
#define INK_TITLE_CHUNK_MAX (48u * 1024u)
#endif

/** Total-fit line breaking keeps every item (word piece, space, break
 * point) of a block, 8 bytes each, and its feasible breaks, 28 bytes
 * each, in the pool while it breaks the block (a 600-word paragraph takes
 * about 45 KB); a block with more items or breaks than these, or a pool
 * without the room, is broken greedily instead. */
#ifndef INK_KP_MAX_ITEMS
#define INK_KP_MAX_ITEMS 3000u
#endif
#ifndef INK_KP_MAX_NODES
#define INK_KP_MAX_NODES 1200u
#endif
/** Lines of one block the layout keeps at a time (10 bytes each). A longer
 * block (a paragraph of tens of kilobytes, or one with no break point: a
 * run of emoji or CJK without marks) is broken greedily in pieces of this
 * many lines, each continuing where the last left off, so its memory stays
 * bounded whatever its length; a word wider than a line is cut. */
#ifndef INK_LAYOUT_MAX_LINES
#define INK_LAYOUT_MAX_LINES 512u
#endif
_Static_assert(INK_LAYOUT_MAX_LINES >= 2u && INK_LAYOUT_MAX_LINES < 65535u, "block lines are 16-bit counts");
_Static_assert(INK_KP_MAX_ITEMS < 65535u && INK_KP_MAX_NODES < 65535u, "total-fit indexes are 16 bits");

/** Page starts recorded per article; an article longer than this is cut
 * with a note on its last page. */
#ifndef INK_MAX_PAGES
#define INK_MAX_PAGES 512u
#endif

_Static_assert((INK_GLYPH_CACHE_SLOTS & (INK_GLYPH_CACHE_SLOTS - 1u)) == 0,
               "INK_GLYPH_CACHE_SLOTS must be a power of two");
_Static_assert((INK_POOL_ALIGN & (INK_POOL_ALIGN - 1u)) == 0 && INK_POOL_ALIGN >= 8u,
               "INK_POOL_ALIGN must be a power of two, at least 8");
_Static_assert(INK_ARTICLE_MAX_BYTES < INK_POOL_BYTES,
               "an article must fit in the pool");

#endif

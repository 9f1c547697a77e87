/* SPDX-License-Identifier: MIT */
/* ink_bundle.h: zero-copy reader of an edition bundle (docs/FORMAT.md).
 *
 * The bundle stays where it is (flash, an mmap); the reader keeps offsets
 * into it. ink_bundle_open checks the header, the section table, the CRC of
 * every index section and every offset, length and string reference in
 * them, so that afterwards nothing read through this API can point outside
 * the bundle. Article text and titles are checked (length, stream end, CRC)
 * when they are inflated. */
#ifndef INK_BUNDLE_H
#define INK_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

#include "ink_err.h"
#include "ink_font.h"
#include "ink_hyph.h"
#include "ink_kern.h"
#include "ink_pic.h"
#include "ink_pool.h"

typedef struct ink_span {
    uint32_t off, len;
} ink_span_t;

typedef struct ink_bundle {
    const uint8_t *data;
    uint32_t size; /**< the bundle's own size (from its header) */
    uint16_t major, minor;
    ink_span_t meta, strs, secs, arts, grps, titl, dict, text;
    ink_span_t font, kern, hyph; /**< optional: len 0 when absent */
    ink_span_t pics;             /**< optional (version 4): len 0 when absent */
    ink_span_t afnt;             /**< optional: each article's CJK face; len 0 when absent */
    ink_span_t ordr;             /**< optional (version 5): each article's place in storage; len 0: identity */
    uint32_t npics;              /**< pictures in PICS */
    uint32_t text_crc;           /**< TEXT's CRC, for a whole-section check */
    uint32_t pics_crc;           /**< PICS's CRC, checked lazily as TEXT's */
    uint32_t dict_len;           /**< bytes the DICT stream inflates to; 0: none */
    uint32_t narticles, nsections, ngroups, nchunks, per_chunk;
    uint32_t name, date; /**< string refs */
    uint32_t id;         /**< header CRC: tells editions apart */
    char why[80];        /**< when open fails: the check, "SECTION: what is wrong" */
} ink_bundle_t;

typedef struct ink_article_info {
    uint32_t section; /**< index of its section */
    uint32_t stored;  /**< its place in storage order (ORDR; the article's own index without it) */
    uint32_t group;   /**< index of the stream holding it */
    uint32_t skip;    /**< bytes of that stream's text before it */
    uint32_t text_len, text_crc;
    int last_in_group;
} ink_article_info_t;

typedef struct ink_section_info {
    const char *name;
    uint32_t first, count; /**< its articles: [first, first + count) */
} ink_section_info_t;

/** One inflated title chunk, kept between calls so a library screen costs
 * one inflate. Zero it before first use; ink_bundle_titles_free gives it back. */
typedef struct ink_titles {
    ink_pool_t *pool;
    int32_t chunk; /**< chunk in buf, -1 none */
    char *buf;
    uint32_t len;
} ink_titles_t;

/** Opens the bundle at data[0..len) (not copied; it must outlive b),
 * making every check of docs/FORMAT.md's "On open". Returns INK_OK, or the
 * first problem found: INK_ERR_MAGIC, _VERSION, _TRUNCATED, _RANGE, _CRC,
 * _FORMAT, _TOO_BIG; b->why then names the check ("GRPS: a group starts
 * past the last article") and the rest of b is zero. */
ink_err_t ink_bundle_open(ink_bundle_t *b, const uint8_t *data, size_t len);

/** The string at ref, or NULL for INK_STR_NONE. Refs read through this API
 * were checked by open. */
const char *ink_bundle_str(const ink_bundle_t *b, uint32_t ref);

const char *ink_bundle_name(const ink_bundle_t *b);
const char *ink_bundle_date(const ink_bundle_t *b);

ink_err_t ink_bundle_article(const ink_bundle_t *b, uint32_t i, ink_article_info_t *out);
ink_err_t ink_bundle_section(const ink_bundle_t *b, uint32_t i, ink_section_info_t *out);

/** Inflates article i's text into dst[0..dst_len), which must hold at least
 * its text_len bytes; zlib's state and window come from pool and are given
 * back before it returns. Checks the length, the end of the stream when the
 * article ends its group (in the stream's last byte), the CRC and the
 * text's structure. Returns INK_OK, INK_ERR_TOO_BIG (more than
 * INK_ARTICLE_MAX_BYTES or than dst_len), INK_ERR_INFLATE, INK_ERR_CRC,
 * INK_ERR_FORMAT or INK_ERR_NOMEM. */
ink_err_t ink_bundle_inflate(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len);

/** ink_bundle_inflate, saying in *why which check failed (a constant
 * sentence naming the section or "text:"; "" on success). Besides the
 * stream and the CRC it checks the text itself (ink_text_check). */
ink_err_t ink_bundle_inflate_why(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len,
                                 const char **why);

/** Points *title at article i's title (NUL-terminated, valid until the next
 * call with the same cache), inflating its chunk into cache when needed. */
ink_err_t ink_bundle_title(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, ink_titles_t *cache,
                           const char **title);

/** ink_bundle_title, saying in *why which check failed. The chunk must
 * hold exactly its titles (titles_per_chunk, fewer in the last), each
 * UTF-8 and ending in a NUL, and nothing after the last. */
ink_err_t ink_bundle_title_why(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, ink_titles_t *cache,
                               const char **title, const char **why);

/** Gives the title chunk cache holds back to its pool (cache may be empty). */
void ink_bundle_titles_free(ink_titles_t *cache);

/** The bundle's own faces (FONT section), regular, bold and italic, as
 * pointers into the bundle (open checked them against it); a face the
 * bundle lacks gets len 0 (ink_font_open falls back to regular). Returns
 * INK_OK, or INK_ERR_NOT_FOUND when the bundle carries no fonts (out is
 * then all zero). */
ink_err_t ink_bundle_fonts(const ink_bundle_t *b, ink_font_data_t out[INK_FACE_COUNT]);

/** As ink_bundle_fonts, with the fallback faces after the three styles:
 * out[0..*n), *n from 3 (fewer faces in the bundle are padded with len 0)
 * to INK_FONT_MAX_FACES, ready for ink_font_open_n. */
ink_err_t ink_bundle_faces(const ink_bundle_t *b, ink_font_data_t out[INK_FONT_MAX_FACES], int *n);

/** The FONT face (3 to nfaces - 1) that article i's CJK characters are
 * drawn from first, among the fallback faces (AFNT; ink_font_prefer), or
 * 0: the fallback faces in their order (no AFNT, or i out of range). */
int ink_bundle_article_face(const ink_bundle_t *b, uint32_t i);

/** Size of picture idx (PICS; open checked the table). Returns INK_OK or
 * INK_ERR_NOT_FOUND. */
ink_err_t ink_bundle_pic(const ink_bundle_t *b, uint32_t idx, int *w, int *h);

/** The bundle's pictures as a row source for ink_pic_draw (render/ink_pic.h):
 * each is inflated a row at a time with a 4 KiB window from pool; the last
 * row checks the stream's end and its raw_crc (INK_ERR_INFLATE, INK_ERR_CRC). */
void ink_bundle_pic_src(const ink_bundle_t *b, ink_pic_src_t *out);

/** Inflates every row of picture idx and checks it (for inspect); *bytes
 * gets its stored size. */
ink_err_t ink_bundle_pic_check(const ink_bundle_t *b, uint32_t idx, ink_pool_t *pool, uint32_t *bytes);

/** Binds out to the bundle's kerning pairs (KERN section, ink_kern.h;
 * open checked it). Returns 0, or -1 when the bundle has none: out is then
 * empty and kerns nothing. */
int ink_bundle_kern(const ink_bundle_t *b, ink_kern_t *out);

/** Binds out to the bundle's hyphenation patterns (HYPH section,
 * ink_hyph.h; open checked it). Returns 0, or -1 when the bundle has none:
 * out is then empty and finds no breaks. */
int ink_bundle_hyph(const ink_bundle_t *b, ink_hyph_t *out);

/** Checks the TEXT section's CRC (open does not read TEXT). */
ink_err_t ink_bundle_check_text(const ink_bundle_t *b);

/** 1 when s[0..n) is a date YYYY-MM-DD (month 01-12, day 01-31), else 0. */
int ink_bundle_date_valid(const char *s, size_t n);

#endif

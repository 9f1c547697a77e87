/* SPDX-License-Identifier: MIT */
/* ink_bundle.h: zero-copy reader of an edition bundle (docs/FORMAT.md).
 *
 * The bundle stays where it is (flash, an mmap); the reader keeps offsets
 * into it. ink_bundle_open checks the header, the section table, the CRC of
 * every index section and every offset, length and string reference in
 * them, so that afterwards nothing read through this API can point outside
 * the bundle. Article text is checked (length and CRC) when it is inflated. */
#ifndef INK_BUNDLE_H
#define INK_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

#include "ink_err.h"
#include "ink_pool.h"

typedef struct ink_span {
    uint32_t off, len;
} ink_span_t;

typedef struct ink_bundle {
    const uint8_t *data;
    uint32_t size;               /**< the bundle's own size (from its header) */
    uint16_t major, minor;
    ink_span_t meta, strs, secs, arts, text;
    ink_span_t text_crc_span;    /**< TEXT, for a lazy whole-section check */
    uint32_t text_crc;
    uint32_t narticles, nsections;
    uint32_t sect_entry, art_entry; /**< entry sizes (>= the v1 sizes) */
    uint32_t name, date;         /**< string refs */
    uint32_t id;                 /**< header CRC: tells editions apart */
} ink_bundle_t;

typedef struct ink_article_info {
    const char *title;           /**< never NULL ("" when absent) */
    const char *source, *date, *byline; /**< NULL when absent */
    uint32_t section;            /**< index of its section */
    uint32_t data_off, data_len; /**< its deflate stream, inside TEXT */
    uint32_t text_len, text_crc;
} ink_article_info_t;

typedef struct ink_section_info {
    const char *name;
    uint32_t first, count;       /**< its articles: [first, first + count) */
} ink_section_info_t;

/** Opens the bundle at data[0..len) (not copied; it must outlive b).
 * Returns INK_OK, or the first problem found: INK_ERR_MAGIC, _VERSION,
 * _TRUNCATED, _RANGE, _CRC, _FORMAT. */
ink_err_t ink_bundle_open(ink_bundle_t *b, const uint8_t *data, size_t len);

/** The string at ref, or NULL for INK_STR_NONE. Refs read through this API
 * were checked by open. */
const char *ink_bundle_str(const ink_bundle_t *b, uint32_t ref);

const char *ink_bundle_name(const ink_bundle_t *b);
const char *ink_bundle_date(const ink_bundle_t *b);

ink_err_t ink_bundle_article(const ink_bundle_t *b, uint32_t i, ink_article_info_t *out);
ink_err_t ink_bundle_section(const ink_bundle_t *b, uint32_t i, ink_section_info_t *out);

/** Inflates article i into dst[0..dst_len), which must be at least its
 * text_len; zlib's state and window come from pool and are given back
 * before it returns. Checks the stream ends exactly at text_len bytes and
 * the CRC. Returns INK_OK, INK_ERR_TOO_BIG (more than INK_ARTICLE_MAX_BYTES
 * or than dst_len), INK_ERR_INFLATE, INK_ERR_CRC or INK_ERR_NOMEM. */
ink_err_t ink_bundle_inflate(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len);

/** Checks the TEXT section's CRC (open does not read TEXT). */
ink_err_t ink_bundle_check_text(const ink_bundle_t *b);

/** CRC-32 (zlib's polynomial) of data[0..len), continuing from crc (start at 0). */
uint32_t ink_crc32(uint32_t crc, const uint8_t *data, size_t len);

#endif

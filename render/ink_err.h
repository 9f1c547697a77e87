/* SPDX-License-Identifier: MIT */
/* ink_err.h: the one error type of the device code. */
#ifndef INK_ERR_H
#define INK_ERR_H

typedef enum ink_err {
    INK_OK = 0,
    INK_ERR_NOMEM = -1,      /**< the pool is exhausted */
    INK_ERR_ARG = -2,        /**< a caller passed something invalid */
    INK_ERR_MAGIC = -3,      /**< not an inkpress bundle */
    INK_ERR_VERSION = -4,    /**< bundle of a newer major version */
    INK_ERR_TRUNCATED = -5,  /**< bundle shorter than it says */
    INK_ERR_RANGE = -6,      /**< an offset or length points outside its section */
    INK_ERR_CRC = -7,        /**< a checksum does not match */
    INK_ERR_INFLATE = -8,    /**< compressed text is damaged */
    INK_ERR_TOO_BIG = -9,    /**< an article exceeds INK_ARTICLE_MAX_BYTES */
    INK_ERR_FONT = -10,      /**< FreeType refused a face or a glyph */
    INK_ERR_IO = -11,        /**< a HAL read or write failed */
    INK_ERR_FORMAT = -12,    /**< a structure holds impossible values */
    INK_ERR_NOT_FOUND = -13, /**< no such article, section or record */
} ink_err_t;

/** A short plain sentence for an error code; never NULL. */
const char *ink_err_str(ink_err_t err);

#endif

/* SPDX-License-Identifier: MIT */
/* ink_err.c: words for error codes, as the error screen shows them. */
#include "ink_err.h"

const char *ink_err_str(ink_err_t err)
{
    switch (err) {
    case INK_OK: return "No error.";
    case INK_ERR_NOMEM: return "Out of memory.";
    case INK_ERR_ARG: return "Invalid argument.";
    case INK_ERR_MAGIC: return "This file is not an inkpress edition.";
    case INK_ERR_VERSION: return "This edition needs a newer reader.";
    case INK_ERR_TRUNCATED: return "The edition is truncated.";
    case INK_ERR_RANGE: return "The edition points outside itself.";
    case INK_ERR_CRC: return "The edition is damaged (checksum mismatch).";
    case INK_ERR_INFLATE: return "An article's compressed text is damaged.";
    case INK_ERR_TOO_BIG: return "An article is too large for this reader.";
    case INK_ERR_FONT: return "A font could not be loaded.";
    case INK_ERR_IO: return "Storage could not be read or written.";
    case INK_ERR_FORMAT: return "The edition holds impossible values.";
    case INK_ERR_NOT_FOUND: return "Not found.";
    }
    return "Unknown error.";
}

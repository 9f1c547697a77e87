/* SPDX-License-Identifier: MIT */
/* bundle_write.h: builds a bundle (docs/FORMAT.md) from cleaned articles. */
#ifndef INK_BUNDLE_WRITE_H
#define INK_BUNDLE_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"

typedef struct bundle_opts {
    const char *name;   /**< edition name */
    const char *date;   /**< edition date, or NULL for the newest article date */
    int level;          /**< deflate level, 0-9 */
} bundle_opts_t;

/** Writes the bundle for arts[0..n) into *out (malloc'd, *len bytes).
 * Articles are grouped by section in the order each section first appears,
 * keeping their order inside a section. Deterministic: the same articles and
 * options give the same bytes. Returns 0, or -1 with a reason in *why. */
int bundle_write(const article_t *arts, size_t n, const bundle_opts_t *opts, uint8_t **out, size_t *len,
                 const char **why);

#endif

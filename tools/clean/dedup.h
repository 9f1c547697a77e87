/* SPDX-License-Identifier: MIT */
/* dedup.h: the same article arriving twice (two feeds, a page and its feed
 * item, a file named twice) is packed once. Host only. */
#ifndef INK_DEDUP_H
#define INK_DEDUP_H

#include <stddef.h>

#include "article.h"

/**
 * Removes from l every article that repeats an earlier one, keeping the
 * first in order. Two articles are the same when most of the opening of the
 * shorter body (word 6-gram shingles of its first 400 words, case, style
 * codes and punctuation folded away) occurs in the other, or when both have
 * no body shingles and their folded titles are equal. Returns the number
 * removed (0 as well when out of memory: nothing is removed then).
 */
size_t dedup_articles(article_list_t *l);

#endif

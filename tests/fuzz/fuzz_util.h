/* SPDX-License-Identifier: MIT */
/* fuzz_util.h: checks shared by the cleaner fuzz targets (header-only). */
#ifndef INK_FUZZ_UTIL_H
#define INK_FUZZ_UTIL_H

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "article.h"

static void fuzz_no_errors(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* libxml2's messages about broken input would flood the fuzzer's output. */
static inline void fuzz_quiet_libxml(void)
{
    xmlSetGenericErrorFunc(NULL, fuzz_no_errors);
}

/* Block codes (0x01..0x09) inside text would split a block in the bundle. */
static inline void fuzz_check_text(const char *s)
{
    if (!s)
        return;
    for (; *s; s++)
        if (*s >= 0x01 && *s <= 0x09)
            abort();
}

/* What every cleaned article promises: a title, blocks with text free of
 * block codes, and text that encodes into bundle text and decodes back to
 * the same number of blocks. */
static inline void fuzz_check_article(const article_t *a)
{
    if (!a->title)
        abort();
    fuzz_check_text(a->source);
    fuzz_check_text(a->date);
    fuzz_check_text(a->byline);
    for (size_t i = 0; i < a->nblocks; i++) {
        if (!a->blocks[i].text)
            abort();
        fuzz_check_text(a->blocks[i].text);
    }
    unsigned char *text = NULL;
    size_t len = 0;
    if (article_encode_text(a, &text, &len) != 0)
        return; /* out of memory */
    article_t back;
    memset(&back, 0, sizeof back);
    if (article_decode_text(&back, text, len) == 0 && back.nblocks != a->nblocks)
        abort();
    article_free(&back);
    free(text);
}

#endif

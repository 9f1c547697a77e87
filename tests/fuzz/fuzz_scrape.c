/* SPDX-License-Identifier: MIT */
/* fuzz_scrape.c: libFuzzer target for the cleaner of plain-text page
 * scrapes (tools/clean.c, textnorm). A cleaned article is also encoded as
 * bundle text and decoded back, as pack and extract do. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "clean.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    article_t a;
    memset(&a, 0, sizeof a);
    const char *why = NULL;
    if (clean_scrape((const char *)data, size, &a, &why) == 0)
        fuzz_check_article(&a);
    else if (!why)
        abort(); /* a failure always has a reason */
    article_free(&a);
    return 0;
}

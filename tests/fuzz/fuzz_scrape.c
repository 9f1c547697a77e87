/* SPDX-License-Identifier: MIT */
/* fuzz_scrape.c: libFuzzer target for the cleaner of plain-text page
 * scrapes (tools/clean/clean.c, textnorm). A cleaned article is then typeset as
 * pack does (tools/pack/typeset.c: hyphenation with libhyphen, UAX #14 break
 * marks), and encoded as bundle text and decoded back, as pack and extract
 * do. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "clean.h"
#include "fuzz_util.h"
#include "typeset.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static typeset_t *ts; /* dictionaries load on first use and stay */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ts = typeset_new(NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    article_t a;
    memset(&a, 0, sizeof a);
    const char *why = NULL;
    if (clean_scrape((const char *)data, size, &a, &why) == 0) {
        fuzz_check_article(&a);
        article_t t;
        memset(&t, 0, sizeof t);
        if (ts && typeset_article(ts, &a, &t) == 0)
            fuzz_check_article(&t);
        article_free(&t);
    } else if (!why)
        abort(); /* a failure always has a reason */
    article_free(&a);
    return 0;
}

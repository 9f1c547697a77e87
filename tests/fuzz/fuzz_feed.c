/* SPDX-License-Identifier: MIT */
/* fuzz_feed.c: libFuzzer target for the RSS/RDF/Atom reader (tools/clean/feed.c),
 * including the HTML of item content it cleans, and for input_load_mem,
 * which dispatches bytes to the feed, HTML or text cleaner by content. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "feed.h"
#include "fuzz_util.h"
#include "input.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_quiet_libxml();
    return 0;
}

static void check_list(article_list_t *l, int n)
{
    if (n >= 0 && (size_t)n != l->n)
        abort(); /* the count returned is the count added */
    for (size_t i = 0; i < l->n; i++)
        fuzz_check_article(&l->v[i]);
    article_list_free(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    (void)feed_sniff(buf, size);
    article_list_t l = { 0 };
    const char *why = NULL;
    int n = feed_parse(buf, size, &l, &why);
    if (n < 0 && (!why || l.n))
        abort(); /* a failure has a reason and adds nothing */
    check_list(&l, n);
    if (size < 4096) { /* the dispatcher too, on small inputs */
        memset(&l, 0, sizeof l);
        n = input_load_mem(buf, size, &l, &why);
        check_list(&l, n);
    }
    char *s = malloc(size + 1);
    if (s) {
        memcpy(s, data, size);
        s[size] = '\0';
        free(feed_date(s));
        free(s);
    }
    return 0;
}

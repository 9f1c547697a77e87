/* SPDX-License-Identifier: MIT */
/* fuzz_html.c: libFuzzer target for the HTML page cleaner (tools/clean/html.c:
 * charset sniffing, metadata, DOM scoring) and the sniffers that route
 * input to it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "fuzz_util.h"
#include "html.h"
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    (void)html_sniff(buf, size);
    (void)input_sniff(buf, size);
    article_t a;
    memset(&a, 0, sizeof a);
    const char *why = NULL;
    if (html_clean(buf, size, &a, &why) == 0)
        fuzz_check_article(&a);
    else if (!why)
        abort();
    article_free(&a);
    return 0;
}

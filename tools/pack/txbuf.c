/* SPDX-License-Identifier: MIT */
/* txbuf.c: the output buffer of the text-rewriting passes (txbuf.h). */
#include "txbuf.h"

#include <stdlib.h>
#include <string.h>

void txbuf_init(txbuf_t *b, size_t hint)
{
    memset(b, 0, sizeof *b);
    if (hint && !txbuf_room(b, hint))
        b->oom = 1;
}

uint8_t *txbuf_room(txbuf_t *b, size_t k)
{
    if (b->oom)
        return NULL;
    if (k > b->cap - b->n) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->n < k) {
            if (cap > SIZE_MAX / 2) {
                b->oom = 1;
                return NULL;
            }
            cap *= 2;
        }
        uint8_t *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return NULL;
        }
        b->p = p;
        b->cap = cap;
    }
    return b->p + b->n;
}

void txbuf_put(txbuf_t *b, const void *data, size_t k)
{
    uint8_t *d = k ? txbuf_room(b, k) : NULL;
    if (d) {
        memcpy(d, data, k);
        b->n += k;
    }
}

int txbuf_finish(txbuf_t *b, uint8_t **out, size_t *outlen)
{
    if (b->oom) {
        free(b->p);
        memset(b, 0, sizeof *b);
        return -1;
    }
    uint8_t *p = realloc(b->p, b->n ? b->n : 1); /* shrinking: only fails when growing from NULL */
    if (!p) {
        free(b->p);
        memset(b, 0, sizeof *b);
        return -1;
    }
    *out = p;
    *outlen = b->n;
    memset(b, 0, sizeof *b);
    return 0;
}

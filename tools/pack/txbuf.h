/* SPDX-License-Identifier: MIT */
/* txbuf.h: the output of a pass that rewrites article text (bidi.c,
 * shape.c): a growing byte buffer that starts at the size of the text it
 * copies (most of it goes through unchanged) and gives back what it did
 * not use at the end. Host only: allocates with malloc. */
#ifndef INK_TXBUF_H
#define INK_TXBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct txbuf {
    uint8_t *p;
    size_t n, cap;
    int oom; /**< set when a request failed; later ones do nothing */
} txbuf_t;

/** An empty buffer with room for hint bytes (0: none yet); on failure the
 * buffer is marked oom. */
void txbuf_init(txbuf_t *b, size_t hint);

/** Room for k more bytes at b->p + b->n (the caller adds to b->n what it
 * wrote), or NULL when out of memory. */
uint8_t *txbuf_room(txbuf_t *b, size_t k);

/** Appends data[0..k). */
void txbuf_put(txbuf_t *b, const void *data, size_t k);

/** Hands the bytes over as *out (malloc'd, never NULL, exactly *outlen
 * bytes allocated, or one when empty) and leaves b empty. Returns 0, or -1
 * when a request failed (b is freed, *out untouched). */
int txbuf_finish(txbuf_t *b, uint8_t **out, size_t *outlen);

#endif

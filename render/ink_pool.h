/* SPDX-License-Identifier: MIT */
/* ink_pool.h: the fixed heap all device code allocates from.
 *
 * First fit over an address-ordered free list with boundary tags, so a free
 * coalesces with both neighbours at once; large long-lived buffers come from
 * the top (ink_pool_alloc_top), small ones from the bottom, so a long
 * reading session does not fragment the pool into uselessness. Not thread-safe (the device has one). */
#ifndef INK_POOL_H
#define INK_POOL_H

#include <stddef.h>
#include <stdint.h>

typedef struct ink_pool {
    uint8_t *base;          /**< aligned start of the managed memory */
    size_t size;            /**< managed bytes (multiple of INK_POOL_ALIGN) */
    void *free_head;        /**< first free block, lowest address first */
    size_t used;            /**< bytes in use, headers included */
    size_t high_water;      /**< most bytes ever in use since init or reset */
    size_t allocs;          /**< live allocations */
    size_t refused;         /**< allocations refused since init (no room, or fail_after) */
    long fail_after;        /**< test hook: fail the allocation after this many more; -1 = never */
} ink_pool_t;

/** Takes over mem[0..bytes) (caller owns it; it must outlive the pool).
 * Returns 0, or -1 when bytes is too small to hold one block. */
int ink_pool_init(ink_pool_t *pool, void *mem, size_t bytes);

/** Returns INK_POOL_ALIGN-aligned memory of at least n bytes, or NULL. n == 0 gives NULL. */
void *ink_pool_alloc(ink_pool_t *pool, size_t n);

/** Like ink_pool_alloc, but from the highest free block that fits, carved
 * from its end: for large buffers that live long (an article's text), so
 * they do not split the space that small allocations churn through. */
void *ink_pool_alloc_top(ink_pool_t *pool, size_t n);

/** Like ink_pool_alloc, zero-filled; NULL on overflow of count * n. */
void *ink_pool_calloc(ink_pool_t *pool, size_t count, size_t n);

/** Grows or shrinks p to n bytes, keeping its contents (in place when it can).
 * p == NULL allocates; n == 0 frees and returns NULL. On failure p is untouched. */
void *ink_pool_realloc(ink_pool_t *pool, void *p, size_t n);

/** Returns p to the pool; NULL is fine. p must come from this pool. */
void ink_pool_free(ink_pool_t *pool, void *p);

/** Bytes in use now, and the most since init (headers included). */
size_t ink_pool_used(const ink_pool_t *pool);
size_t ink_pool_high_water(const ink_pool_t *pool);
void ink_pool_reset_high_water(ink_pool_t *pool);

/** Largest single allocation that would succeed now. */
size_t ink_pool_largest_free(const ink_pool_t *pool);

/** Walks every block and checks the tags and the free list; returns 0 when
 * consistent. For tests and debug builds. */
int ink_pool_check(const ink_pool_t *pool);

#endif

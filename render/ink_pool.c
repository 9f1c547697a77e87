/* SPDX-License-Identifier: MIT */
/* ink_pool.c: fixed heap with boundary tags and a free list. */
#include "ink_pool.h"

#include "ink_conf.h"

#include <string.h>

/* Every block starts with this header; a free block also keeps its list
 * links in what would be its payload. The previous block's size lets free()
 * find its left neighbour without a search. */
typedef struct hdr {
    uint32_t size;      /* whole block, header included; bit 0 = in use */
    uint32_t prev_size; /* size of the block just below; 0 for the first */
} hdr_t;

typedef struct free_links {
    hdr_t *next, *prev;
} free_links_t;

#define HDR ((size_t)(sizeof(hdr_t) + INK_POOL_ALIGN - 1) / INK_POOL_ALIGN * INK_POOL_ALIGN)
#define USED 1u
#define ROUND(n) (((n) + INK_POOL_ALIGN - 1) & ~(size_t)(INK_POOL_ALIGN - 1))
#define MIN_BLOCK ROUND(HDR + sizeof(free_links_t))

static size_t bsize(const hdr_t *h) { return h->size & ~USED; }
static int bused(const hdr_t *h) { return (h->size & USED) != 0; }
static hdr_t *bnext(hdr_t *h) { return (hdr_t *)((uint8_t *)h + bsize(h)); }
static hdr_t *bprev(hdr_t *h) { return (hdr_t *)((uint8_t *)h - h->prev_size); }
static free_links_t *links(hdr_t *h) { return (free_links_t *)((uint8_t *)h + HDR); }

/* The free list is kept in address order: first fit then takes the lowest
 * block, which keeps small, short-lived blocks low and leaves the top of the
 * pool in one piece for ink_pool_alloc_top. */
static void list_insert(ink_pool_t *pool, hdr_t *h)
{
    hdr_t *prev = NULL, *next = pool->free_head;
    while (next && next < h) {
        prev = next;
        next = links(next)->next;
    }
    links(h)->prev = prev;
    links(h)->next = next;
    if (next)
        links(next)->prev = h;
    if (prev)
        links(prev)->next = h;
    else
        pool->free_head = h;
}

static void list_remove(ink_pool_t *pool, hdr_t *h)
{
    free_links_t *l = links(h);
    if (l->prev)
        links(l->prev)->next = l->next;
    else
        pool->free_head = l->next;
    if (l->next)
        links(l->next)->prev = l->prev;
}

int ink_pool_init(ink_pool_t *pool, void *mem, size_t bytes)
{
    memset(pool, 0, sizeof *pool);
    pool->fail_after = -1;
    uintptr_t a = (uintptr_t)mem;
    uintptr_t start = (a + INK_POOL_ALIGN - 1) & ~(uintptr_t)(INK_POOL_ALIGN - 1);
    if (!mem || bytes < (start - a) + MIN_BLOCK + HDR)
        return -1;
    size_t n = (bytes - (start - a)) & ~(size_t)(INK_POOL_ALIGN - 1);
    if (n > 0xFFFFFFF0u)
        n = 0xFFFFFFF0u & ~(size_t)(INK_POOL_ALIGN - 1);
    pool->base = (uint8_t *)start;
    pool->size = n;
    /* One free block, then a zero-sized used sentinel that stops bnext(). */
    hdr_t *first = (hdr_t *)pool->base;
    first->size = (uint32_t)(n - HDR);
    first->prev_size = 0;
    hdr_t *end = (hdr_t *)(pool->base + n - HDR);
    end->size = USED;
    end->prev_size = first->size;
    list_insert(pool, first);
    return 0;
}

/* Cuts h (in use, size >= need) down to need bytes when the rest can stand
 * as a block of its own, and frees the rest. */
static void split(ink_pool_t *pool, hdr_t *h, size_t need)
{
    size_t size = bsize(h);
    if (size - need < MIN_BLOCK)
        return;
    hdr_t *rest = (hdr_t *)((uint8_t *)h + need);
    rest->size = (uint32_t)(size - need);
    rest->prev_size = (uint32_t)need;
    h->size = (uint32_t)need | USED;
    hdr_t *after = bnext(rest);
    after->prev_size = rest->size;
    if (!bused(after)) { /* merge with a free right neighbour */
        list_remove(pool, after);
        rest->size += (uint32_t)bsize(after);
        bnext(rest)->prev_size = rest->size;
    }
    list_insert(pool, rest);
    pool->used -= size - need;
}

/* Every refused allocation is counted, so that a caller can tell that
 * something it did without an error to show (a screen drawn with a glyph
 * missing) ran short of memory. */
static void *refuse(ink_pool_t *pool)
{
    pool->refused++;
    return NULL;
}

static size_t need_for(size_t n)
{
    if (n > 0xFFFF0000u)
        return 0;
    size_t need = ROUND(n + HDR);
    return need < MIN_BLOCK ? MIN_BLOCK : need;
}

/* The block size an allocation of n bytes needs, or 0 after refusing it
 * (a failure injected by the test hook, or a size the pool cannot hold). */
static size_t admit(ink_pool_t *pool, size_t n)
{
    if (pool->fail_after >= 0 && pool->fail_after-- == 0) {
        refuse(pool);
        return 0;
    }
    size_t need = need_for(n);
    if (!need)
        refuse(pool);
    return need;
}

/* Marks h (off the free list) in use, gives back what it holds beyond
 * need bytes, and counts it. */
static void *take(ink_pool_t *pool, hdr_t *h, size_t need)
{
    h->size |= USED;
    pool->used += bsize(h);
    pool->allocs++;
    split(pool, h, need);
    if (pool->used > pool->high_water)
        pool->high_water = pool->used;
    return (uint8_t *)h + HDR;
}

void *ink_pool_alloc(ink_pool_t *pool, size_t n)
{
    if (n == 0 || !pool->base)
        return NULL;
    size_t need = admit(pool, n);
    if (!need)
        return NULL;
    for (hdr_t *h = pool->free_head; h; h = links(h)->next) {
        if (bsize(h) < need)
            continue;
        list_remove(pool, h);
        return take(pool, h, need);
    }
    return refuse(pool);
}

void *ink_pool_alloc_top(ink_pool_t *pool, size_t n)
{
    if (n == 0 || !pool->base)
        return NULL;
    size_t need = admit(pool, n);
    if (!need)
        return NULL;
    hdr_t *best = NULL;
    for (hdr_t *h = pool->free_head; h; h = links(h)->next)
        if (bsize(h) >= need)
            best = h; /* the list is in address order: the last fit is the highest */
    if (!best)
        return refuse(pool);
    size_t size = bsize(best);
    hdr_t *h = best;
    list_remove(pool, best);
    if (size - need >= MIN_BLOCK) {
        /* Carve from the block's end; its front stays free. */
        best->size = (uint32_t)(size - need);
        h = (hdr_t *)((uint8_t *)best + size - need);
        h->size = (uint32_t)need;
        h->prev_size = best->size;
        bnext(h)->prev_size = (uint32_t)need;
        list_insert(pool, best);
    }
    return take(pool, h, need);
}

void *ink_pool_calloc(ink_pool_t *pool, size_t count, size_t n)
{
    if (n && count > (size_t)-1 / n)
        return refuse(pool);
    void *p = ink_pool_alloc(pool, count * n);
    if (p)
        memset(p, 0, count * n);
    return p;
}

void ink_pool_free(ink_pool_t *pool, void *p)
{
    if (!p)
        return;
    hdr_t *h = (hdr_t *)((uint8_t *)p - HDR);
    if (INK_POOL_POISON)
        memset(p, 0xA5, bsize(h) - HDR);
    pool->used -= bsize(h);
    pool->allocs--;
    h->size &= ~USED;
    hdr_t *next = bnext(h);
    if (!bused(next)) {
        list_remove(pool, next);
        h->size += (uint32_t)bsize(next);
    }
    if (h->prev_size) {
        hdr_t *prev = bprev(h);
        if (!bused(prev)) {
            list_remove(pool, prev);
            prev->size += (uint32_t)bsize(h);
            h = prev;
        }
    }
    bnext(h)->prev_size = h->size;
    list_insert(pool, h);
}

void *ink_pool_realloc(ink_pool_t *pool, void *p, size_t n)
{
    if (!p)
        return ink_pool_alloc(pool, n);
    if (n == 0) {
        ink_pool_free(pool, p);
        return NULL;
    }
    size_t need = need_for(n);
    if (!need)
        return refuse(pool);
    hdr_t *h = (hdr_t *)((uint8_t *)p - HDR);
    size_t size = bsize(h);
    if (need <= size) {
        split(pool, h, need);
        return p;
    }
    hdr_t *next = bnext(h);
    if (!bused(next) && size + bsize(next) >= need) {
        list_remove(pool, next);
        pool->used += bsize(next);
        h->size += (uint32_t)bsize(next);
        bnext(h)->prev_size = (uint32_t)bsize(h);
        split(pool, h, need);
        if (pool->used > pool->high_water)
            pool->high_water = pool->used;
        return p;
    }
    void *q = ink_pool_alloc(pool, n);
    if (!q)
        return NULL;
    memcpy(q, p, size - HDR);
    ink_pool_free(pool, p);
    return q;
}

size_t ink_pool_used(const ink_pool_t *pool) { return pool->used; }
size_t ink_pool_high_water(const ink_pool_t *pool) { return pool->high_water; }
void ink_pool_reset_high_water(ink_pool_t *pool) { pool->high_water = pool->used; }

size_t ink_pool_largest_free(const ink_pool_t *pool)
{
    size_t best = 0;
    for (hdr_t *h = pool->free_head; h; h = links(h)->next)
        if (bsize(h) > best)
            best = bsize(h);
    return best > HDR ? best - HDR : 0;
}

int ink_pool_check(const ink_pool_t *pool)
{
    size_t used = 0, nfree = 0, prev = 0, allocs = 0;
    hdr_t *h = (hdr_t *)pool->base;
    const uint8_t *end = pool->base + pool->size - HDR;
    int prev_free = 0;
    while ((const uint8_t *)h < end) {
        size_t s = bsize(h);
        if (s < MIN_BLOCK || s % INK_POOL_ALIGN || (const uint8_t *)h + s > end || h->prev_size != prev)
            return -1;
        if (bused(h)) {
            used += s;
            allocs++;
            prev_free = 0;
        } else {
            if (prev_free) /* two free neighbours should have merged */
                return -2;
            nfree++;
            prev_free = 1;
        }
        prev = s;
        h = bnext(h);
    }
    if ((const uint8_t *)h != end || h->prev_size != prev || used != pool->used || allocs != pool->allocs)
        return -3;
    for (hdr_t *f = pool->free_head; f; f = links(f)->next) {
        if (bused(f) || nfree == 0)
            return -4;
        nfree--;
    }
    return nfree == 0 ? 0 : -5;
}

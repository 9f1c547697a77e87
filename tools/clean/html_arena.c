/* SPDX-License-Identifier: MIT */
/* html_arena.c: html_arena_open/close (see html_arena.h): one page's
 * libxml2 allocations from a per-thread bump arena. */
#include "html_arena.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A block is a 16-byte header (its size) and the bytes after it. */
#define HDR 16
#define ALIGN(n) (((n) + 15) & ~(size_t)15)

typedef struct chunk {
    struct chunk *next;
    char *p, *end, *last; /* free space [p, end); last block handed out */
    char data[];          /* 16-byte aligned: the four pointers before it */
} chunk_t;

struct html_arena {
    chunk_t *chunks; /* newest first */
    size_t next_size;
};

/* The arena open on this thread (one at most): its blocks are not
 * malloc's, and libxml2's new ones come from it. */
static _Thread_local html_arena_t *open_arenas;

static int in_open(const void *p)
{
    for (const chunk_t *k = open_arenas->chunks; k; k = k->next)
        if ((const char *)p >= k->data && (const char *)p < k->end)
            return 1;
    return 0;
}

static void *arena_alloc(html_arena_t *a, size_t n)
{
    size_t need = HDR + ALIGN(n ? n : 1);
    chunk_t *k = a->chunks;
    if (!k || (size_t)(k->end - k->p) < need) {
        size_t sz = a->next_size;
        while (sz < need)
            sz *= 2;
        k = malloc(sizeof *k + sz);
        if (!k)
            return NULL;
        k->p = k->data;
        k->end = k->data + sz;
        k->last = NULL;
        k->next = a->chunks;
        a->chunks = k;
        if (a->next_size < ((size_t)64 << 20))
            a->next_size *= 2;
    }
    char *b = k->p;
    *(size_t *)b = n;
    k->p += need;
    k->last = b;
    return b + HDR;
}

static void *hook_malloc(size_t n)
{
    html_arena_t *a = open_arenas;
    if (!a)
        return malloc(n);
    chunk_t *k = a->chunks;
    size_t need = HDR + ALIGN(n ? n : 1);
    if (k && (size_t)(k->end - k->p) >= need) { /* most blocks */
        char *b = k->p;
        *(size_t *)b = n;
        k->p += need;
        k->last = b;
        return b + HDR;
    }
    return arena_alloc(a, n);
}

static void hook_free(void *p)
{
    if (p && !(open_arenas && in_open(p)))
        free(p);
}

static void *hook_realloc(void *p, size_t n)
{
    if (!p)
        return hook_malloc(n);
    if (!(open_arenas && in_open(p)))
        return realloc(p, n);
    size_t *hdr = (size_t *)((char *)p - HDR);
    size_t old = *hdr;
    chunk_t *k = open_arenas->chunks;
    if (k && k->last == (char *)hdr && (size_t)(k->end - (char *)p) >= ALIGN(n ? n : 1)) {
        /* the newest block grows (or shrinks) where it is */
        k->p = (char *)p + ALIGN(n ? n : 1);
        *hdr = n;
        return p;
    }
    void *q = arena_alloc(open_arenas, n);
    if (q)
        memcpy(q, p, old < n ? old : n);
    return q;
}

static char *hook_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = hook_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int hooked;

static void install(void)
{
    xmlInitParser(); /* what it allocates for good comes from malloc */
    hooked = xmlMemSetup(hook_free, hook_malloc, hook_realloc, hook_strdup) == 0;
}

void html_arena_setup(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, install);
}

html_arena_t *html_arena_open(size_t hint)
{
    html_arena_setup();
    if (!hooked || open_arenas)
        return NULL; /* one open at a time: the outer one holds it all */
    html_arena_t *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    size_t sz = (size_t)64 << 10;
    while (sz < hint && sz < ((size_t)64 << 20))
        sz *= 2;
    a->next_size = sz;
    open_arenas = a;
    return a;
}

void html_arena_close(html_arena_t *a)
{
    if (!a)
        return;
    /* libxml2 keeps the thread's last error (its strings from the arena) */
    xmlResetLastError();
    open_arenas = NULL;
    while (a->chunks) {
        chunk_t *k = a->chunks->next;
        free(a->chunks);
        a->chunks = k;
    }
    free(a);
}

int html_arena_live(void)
{
    return open_arenas != NULL;
}

void html_free_doc(xmlDoc *doc)
{
    if (!open_arenas) /* else the close gives it back */
        xmlFreeDoc(doc);
}

void html_free_node(xmlNode *x)
{
    if (!open_arenas)
        xmlFreeNode(x);
}

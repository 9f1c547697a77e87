/* SPDX-License-Identifier: MIT */
/* html_arena.h: libxml2's allocations for one page from an arena. */
#ifndef INK_HTML_ARENA_H
#define INK_HTML_ARENA_H

#include <libxml/tree.h>
#include <stddef.h>

typedef struct html_arena html_arena_t;

/** Installs the allocator hooks that html_arena_open needs (once; call
 * before threads parse: it also runs xmlInitParser). */
void html_arena_setup(void);

/** From now until html_arena_close, what libxml2 allocates on this thread
 * comes from one arena (hint: the page's size, for the first chunk), and
 * what it frees of that is left in place: a parse and the tree's edits
 * cost no malloc and free, and the close gives it all back at once. Nothing
 * libxml2 allocates in between may be used after the close. NULL (and
 * plain malloc) when the hooks could not be installed or an arena is open
 * on this thread already. */
html_arena_t *html_arena_open(size_t hint);

/** Gives back a's memory (NULL: nothing). */
void html_arena_close(html_arena_t *a);

/** Whether an arena is open on this thread. */
int html_arena_live(void);

/** xmlFreeDoc and xmlFreeNode, but nothing while an arena is open on this
 * thread (what libxml2 allocated meanwhile goes back at its close): for a
 * tree parsed and edited inside it, not one from before. */
void html_free_doc(xmlDoc *doc);
void html_free_node(xmlNode *x);

#endif

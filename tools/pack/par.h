/* SPDX-License-Identifier: MIT */
/* par.h: the packer's work spread over threads (inputs cleaned, articles
 * typeset, streams compressed). Host only. */
#ifndef INK_PAR_H
#define INK_PAR_H

#include <stddef.h>

/** Threads par_for is given at most. */
#define PAR_MAX_THREADS 64

/** Threads to use: want when above 0, else one a core the machine has
 * online; at most PAR_MAX_THREADS. */
size_t par_threads(int want);

/** Calls fn(ctx, i, t) once for every i below n, on up to nt threads (this
 * one among them; t below nt says which, for per-thread state), in no set
 * order, and returns when all are done. When no thread can be started this
 * one does them all. fn must write only what belongs to i (or to t): the
 * result is then the same whatever the threads' timing. */
void par_for(size_t nt, size_t n, void (*fn)(void *ctx, size_t i, size_t t), void *ctx);

#endif

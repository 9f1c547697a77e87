/* SPDX-License-Identifier: MIT */
/* par.c: a shared counter hands out the indexes (par.h). */
#include "par.h"

#include <pthread.h>
#include <unistd.h>

typedef struct par {
    void (*fn)(void *ctx, size_t i, size_t t);
    void *ctx;
    size_t n, next;
    pthread_mutex_t lock;
} par_t;

typedef struct par_thread {
    par_t *par;
    size_t t;
} par_thread_t;

static void *worker(void *arg)
{
    par_thread_t *pt = arg;
    par_t *p = pt->par;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            break;
        p->fn(p->ctx, i, pt->t);
    }
    return NULL;
}

size_t par_threads(int want)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t nt = want > 0 ? (size_t)want : cores > 0 ? (size_t)cores : 1;
    return nt > PAR_MAX_THREADS ? PAR_MAX_THREADS : nt;
}

void par_for(size_t nt, size_t n, void (*fn)(void *ctx, size_t i, size_t t), void *ctx)
{
    par_t p = { fn, ctx, n, 0, PTHREAD_MUTEX_INITIALIZER };
    par_thread_t pt[PAR_MAX_THREADS];
    pthread_t th[PAR_MAX_THREADS];
    size_t started = 0;
    if (nt > PAR_MAX_THREADS)
        nt = PAR_MAX_THREADS;
    if (nt == 0)
        nt = 1;
    for (size_t t = 0; t < nt; t++)
        pt[t] = (par_thread_t){ &p, t };
    for (size_t t = 1; t < nt && t < n && pthread_create(&th[t], NULL, worker, &pt[t]) == 0; t++)
        started = t;
    worker(&pt[0]);
    for (size_t t = 1; t <= started; t++)
        pthread_join(th[t], NULL);
}

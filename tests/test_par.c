/* SPDX-License-Identifier: MIT */
/* test_par.c: tools/pack/par, the packer's work spread over threads: every
 * index done once, each on a thread number below the count asked for,
 * whatever the count; the count a machine gets, capped. */
#include "testutil.h"

#include "par.h"

typedef struct tally {
    unsigned char *done; /* per index: how many times */
    size_t *thread;      /* per index: the t it ran on */
} tally_t;

static void mark(void *ctx, size_t i, size_t t)
{
    tally_t *ty = ctx;
    ty->done[i]++;
    ty->thread[i] = t;
}

static void test_par_every_index_once_on_any_thread_count(void **state)
{
    (void)state;
    static const size_t counts[] = {0, 1, 2, 7, 1000};
    static const size_t threads[] = {1, 2, 3, 8, PAR_MAX_THREADS};
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++)
        for (size_t k = 0; k < sizeof threads / sizeof *threads; k++) {
            size_t n = counts[c], nt = threads[k];
            tally_t ty = {calloc(n + 1, 1), calloc(n + 1, sizeof(size_t))};
            assert_non_null(ty.done);
            assert_non_null(ty.thread);
            par_for(nt, n, mark, &ty);
            for (size_t i = 0; i < n; i++) {
                if (ty.done[i] != 1)
                    fail_msg("%zu items on %zu threads: item %zu done %d times", n, nt, i, ty.done[i]);
                assert_true(ty.thread[i] < nt);
            }
            assert_int_equal(ty.done[n], 0); /* nothing past the end */
            free(ty.done);
            free(ty.thread);
        }
}

/* Sums written per index come out the same on one thread and on many. */
static void square(void *ctx, size_t i, size_t t)
{
    (void)t;
    ((unsigned long long *)ctx)[i] = (unsigned long long)i * i;
}

static void test_par_same_result_on_one_thread_and_many(void **state)
{
    (void)state;
    enum { N = 5000 };
    static unsigned long long one[N], many[N];
    par_for(1, N, square, one);
    par_for(16, N, square, many);
    assert_memory_equal(one, many, sizeof one);
    assert_int_equal(one[N - 1], (unsigned long long)(N - 1) * (N - 1));
}

static void test_par_threads_follow_the_ask_and_the_cap(void **state)
{
    (void)state;
    assert_int_equal(par_threads(1), 1);
    assert_int_equal(par_threads(5), 5);
    assert_int_equal(par_threads(10000), PAR_MAX_THREADS);
    size_t cores = par_threads(0); /* one a core online */
    assert_true(cores >= 1 && cores <= PAR_MAX_THREADS);
    assert_int_equal(par_threads(-3), cores);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_par_every_index_once_on_any_thread_count),
        cmocka_unit_test(test_par_same_result_on_one_thread_and_many),
        cmocka_unit_test(test_par_threads_follow_the_ask_and_the_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_pool.c: the fixed allocator really frees, coalesces and counts. */
#include "testutil.h"

#include "ink_conf.h"
#include "ink_pool.h"

static uint8_t mem[64 * 1024];

static void test_pool_alloc_free_returns_everything(void **st)
{
    (void)st;
    ink_pool_t p;
    assert_int_equal(ink_pool_init(&p, mem, sizeof mem), 0);
    size_t empty_largest = ink_pool_largest_free(&p);
    void *a = ink_pool_alloc(&p, 100), *b = ink_pool_alloc(&p, 200), *c = ink_pool_alloc(&p, 300);
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(c);
    assert_true(((uintptr_t)a % INK_POOL_ALIGN) == 0);
    assert_true(ink_pool_used(&p) >= 600);
    memset(a, 1, 100);
    memset(b, 2, 200);
    memset(c, 3, 300);
    ink_pool_free(&p, b);
    assert_int_equal(ink_pool_check(&p), 0);
    ink_pool_free(&p, a);
    assert_int_equal(ink_pool_check(&p), 0);
    ink_pool_free(&p, c);
    assert_int_equal(ink_pool_check(&p), 0);
    assert_int_equal(ink_pool_used(&p), 0);
    /* Everything merged back into one block. */
    assert_int_equal(ink_pool_largest_free(&p), empty_largest);
}

static void test_pool_high_water_and_exhaustion(void **st)
{
    (void)st;
    ink_pool_t p;
    ink_pool_init(&p, mem, 4096);
    void *a = ink_pool_alloc(&p, 3000);
    assert_non_null(a);
    size_t hw = ink_pool_high_water(&p);
    assert_true(hw >= 3000);
    assert_null(ink_pool_alloc(&p, 3000)); /* no room: NULL, not a crash */
    ink_pool_free(&p, a);
    assert_int_equal(ink_pool_high_water(&p), hw);
    assert_null(ink_pool_alloc(&p, 0));
    assert_null(ink_pool_alloc(&p, (size_t)-1));
}

static void test_pool_realloc_keeps_contents(void **st)
{
    (void)st;
    ink_pool_t p;
    ink_pool_init(&p, mem, sizeof mem);
    uint8_t *a = ink_pool_alloc(&p, 16);
    for (int i = 0; i < 16; i++)
        a[i] = (uint8_t)i;
    void *block = ink_pool_alloc(&p, 32); /* forces a move on growth */
    uint8_t *b = ink_pool_realloc(&p, a, 5000);
    assert_non_null(b);
    for (int i = 0; i < 16; i++)
        assert_int_equal(b[i], i);
    b = ink_pool_realloc(&p, b, 8); /* shrink in place */
    assert_int_equal(b[7], 7);
    assert_int_equal(ink_pool_check(&p), 0);
    ink_pool_free(&p, block);
    assert_null(ink_pool_realloc(&p, b, 0));
    assert_int_equal(ink_pool_used(&p), 0);
}

static void test_pool_random_stress_stays_consistent(void **st)
{
    (void)st;
    ink_pool_t p;
    ink_pool_init(&p, mem, sizeof mem);
    void *live[64] = { 0 };
    size_t sz[64] = { 0 };
    uint32_t r = 12345;
    for (int step = 0; step < 20000; step++) {
        r = r * 1103515245u + 12345u;
        int k = (int)((r >> 8) % 64);
        size_t n = 1 + (r >> 16) % 1500;
        if (live[k] && (r & 1)) {
            for (size_t i = 0; i < sz[k]; i++)
                assert_int_equal(((uint8_t *)live[k])[i], (uint8_t)k);
            ink_pool_free(&p, live[k]);
            live[k] = NULL;
        } else if (live[k]) {
            void *q = ink_pool_realloc(&p, live[k], n);
            if (q) {
                live[k] = q;
                sz[k] = n;
                memset(q, k, n);
            }
        } else {
            live[k] = ink_pool_alloc(&p, n);
            if (live[k]) {
                sz[k] = n;
                memset(live[k], k, n);
            }
        }
        if (step % 97 == 0)
            assert_int_equal(ink_pool_check(&p), 0);
    }
    for (int k = 0; k < 64; k++)
        ink_pool_free(&p, live[k]);
    assert_int_equal(ink_pool_check(&p), 0);
    assert_int_equal(ink_pool_used(&p), 0);
}

static void test_pool_fail_injection_fails_once(void **st)
{
    (void)st;
    ink_pool_t p;
    ink_pool_init(&p, mem, sizeof mem);
    p.fail_after = 2;
    void *a = ink_pool_alloc(&p, 10), *b = ink_pool_alloc(&p, 10);
    assert_non_null(a);
    assert_non_null(b);
    assert_null(ink_pool_alloc(&p, 10));
    void *c = ink_pool_alloc(&p, 10);
    assert_non_null(c);
    ink_pool_free(&p, a);
    ink_pool_free(&p, b);
    ink_pool_free(&p, c);
    assert_int_equal(ink_pool_used(&p), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_alloc_free_returns_everything),
        cmocka_unit_test(test_pool_high_water_and_exhaustion),
        cmocka_unit_test(test_pool_realloc_keeps_contents),
        cmocka_unit_test(test_pool_random_stress_stays_consistent),
        cmocka_unit_test(test_pool_fail_injection_fails_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

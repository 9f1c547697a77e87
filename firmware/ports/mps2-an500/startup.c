/* SPDX-License-Identifier: MIT */
/* startup.c: reset and fault vectors of the Cortex-M7 port. Turns the FPU
 * on and goes on to board_start (.data, .bss, the stack's paint, main).
 * newlib's start-up files are not linked (-nostartfiles), so _init and
 * _fini are here too. */
#include <stdint.h>

#include "board.h"

void ink_reset(void);
void mps2_systick(void);

/* __libc_init_array calls these around the constructor tables. */
void _init(void) {}
void _fini(void) {}

#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)

/* A fault is a bug: say so through semihosting and stop QEMU. */
static void fault(void)
{
    board_fault("hard fault");
}

static void unexpected(void)
{
    board_fault("unexpected interrupt");
}

__attribute__((noreturn)) void ink_reset(void)
{
    /* CP10 and CP11 (the FPU) full access, before any FP instruction. */
    SCB_CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    board_start();
}

typedef void (*vector_t)(void);

__attribute__((section(".vectors"), used)) static const vector_t vectors[16 + 32] = {
    (vector_t)(uintptr_t)__stack_top__,
    ink_reset,
    unexpected, /* NMI */
    fault,      /* hard fault */
    fault,      /* memory management */
    fault,      /* bus fault */
    fault,      /* usage fault */
    [7 ... 14] = unexpected,
    mps2_systick, /* SysTick: the instruction counter's wraps (port.c) */
    [16 ... 47] = unexpected,
};

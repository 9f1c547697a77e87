/* SPDX-License-Identifier: MIT */
/* startup.c: reset and fault vectors of the Cortex-M7 port. Copies .data,
 * clears .bss, paints the stack (so main can measure how deep it went),
 * turns the FPU on and runs main. The C library's own start-up files are
 * not linked (-nostartfiles), so _init and _fini are here too. */
#include <stdint.h>
#include <stdlib.h>

#include "board.h"

extern uint32_t __data_start__[], __data_end__[], __data_load__[];
extern uint32_t __bss_start__[], __bss_end__[];

int main(void);
void __libc_init_array(void);
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
    for (uint32_t *s = __data_load__, *d = __data_start__; d < __data_end__;)
        *d++ = *s++;
    for (uint32_t *d = __bss_start__; d < __bss_end__;)
        *d++ = 0;
    /* Paint the stack below this frame; main finds the deepest word touched. */
    uint32_t *here = (uint32_t *)__builtin_frame_address(0) - 64;
    for (uint32_t *p = __stack_limit__; p < here; p++)
        *p = BOARD_STACK_PAINT;
    __libc_init_array();
    exit(main());
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

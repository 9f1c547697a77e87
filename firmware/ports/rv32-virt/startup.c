/* SPDX-License-Identifier: MIT */
/* startup.c: reset and trap entry of the RISC-V port (RV32IMC, machine
 * mode, no interrupts). Sets the global and thread pointers (picolibc keeps
 * errno in thread-local storage), copies .data and .tdata, clears .bss and
 * .tbss, paints the stack (so main can measure how deep it went) and runs
 * main. The C library's crt0 is not linked (-nostartfiles). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "board.h"

extern uint32_t __data_start__[], __data_end__[], __data_load__[];
extern uint32_t __bss_start__[], __bss_end__[];

int main(void);
void __libc_init_array(void);
void ink_start(void);
void ink_trap(void);

/* The entry: gp for the linker's relaxed accesses, sp, tp at the TLS block,
 * the trap vector (GCC 12's rv32imc leaves Zicsr out: asked for here);
 * then C. A trap takes the top of the stack again: it is
 * a bug, reported and fatal. */
__asm__(".section .text.reset, \"ax\", @progbits\n"
        ".globl ink_reset\n"
        "ink_reset:\n"
        ".option push\n"
        ".option norelax\n"
        "    la gp, __global_pointer$\n"
        ".option pop\n"
        "    la sp, __stack_top__\n"
        "    la tp, __tls_base__\n"
        "    la t0, ink_trap_entry\n"
        ".option arch, +zicsr\n"
        "    csrw mtvec, t0\n"
        "    j ink_start\n"
        ".balign 4\n"
        "ink_trap_entry:\n"
        "    la sp, __stack_top__\n"
        "    j ink_trap\n");

void ink_trap(void)
{
    uint32_t cause, pc, tval;
    __asm__ volatile(".option push\n\t.option arch, +zicsr\n\tcsrr %0, mcause\n\tcsrr %1, mepc\n\t"
                     "csrr %2, mtval\n\t.option pop"
                     : "=r"(cause), "=r"(pc), "=r"(tval));
    char msg[80];
    snprintf(msg, sizeof msg, "trap: mcause %lu at pc 0x%08lx (mtval 0x%08lx)", (unsigned long)cause,
             (unsigned long)pc, (unsigned long)tval);
    board_fault(msg);
}

__attribute__((noreturn)) void ink_start(void)
{
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

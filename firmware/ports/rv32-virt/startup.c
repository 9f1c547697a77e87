/* SPDX-License-Identifier: MIT */
/* startup.c: reset and trap entry of the RISC-V port (RV32IMC, machine
 * mode, no interrupts). Sets the global and thread pointers (picolibc keeps
 * errno in thread-local storage: the linker script puts .tdata and .tbss
 * with .data and .bss) and the trap vector, and goes on to board_start
 * (.data, .bss, the stack's paint, main). picolibc's crt0 is not linked
 * (-nostartfiles). */
#include <stdint.h>
#include <stdio.h>

#include "board.h"

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
        "    j board_start\n"
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

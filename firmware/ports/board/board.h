/* SPDX-License-Identifier: MIT */
/* board.h: what the semihosted board ports (mps2-an500, rv32-virt) share.
 * board_main.c is their common main: the edition and the fonts read from
 * host files into the XIP region, buttons from a key script, the panel a
 * folder of PBM frames. A port gives it start-up code, a linker script
 * with the symbols below, and the few functions declared here. */
#ifndef BOARD_H
#define BOARD_H

#include <stddef.h>
#include <stdint.h>

#ifndef INK_BOARD_NAME
#define INK_BOARD_NAME "board"
#endif

/** Word the start-up code fills the stack with before main. */
#define BOARD_STACK_PAINT 0xDEADBEEFu

/* From the port's linker script: the stack, the heap reserve of the C
 * library's sbrk, and the XIP region (memory-mapped flash). */
extern uint32_t __stack_limit__[], __stack_top__[];
extern uint8_t __xip_start__[], __xip_end__[];
extern char __heap_base__[], __heap_limit__[];

/** The common part of reset (board_start.c), called by the port's reset
 * code once the CPU is set up: .data, .bss, the stack's paint, main. */
__attribute__((noreturn)) void board_start(void);

/** Whatever the C library needs before the first file call. */
void board_init(void);

/** Writes len bytes of text to the host's standard output. */
void board_print(const char *text, size_t len);

/** The command line the emulator was given after the program's name
 * (QEMU's -append), NUL-terminated in buf; its length, or -1. */
int board_cmdline(char *buf, int size);

/** Instructions retired since reset, or 0 when the board cannot count
 * them. */
uint64_t board_instructions(void);

/** How board_instructions counts, and how a loop of a known number of
 * instructions came out on it at start-up. */
const char *board_counter_note(void);

/** Reports what went wrong on the host's stderr and stops the emulator
 * with a failure status. */
__attribute__((noreturn)) void board_fault(const char *what);

#endif

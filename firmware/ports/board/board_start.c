/* SPDX-License-Identifier: MIT */
/* board_start.c: what every board's reset code does once the CPU is set
 * up: copies .data (with .tdata where the C library keeps thread-local
 * variables), clears .bss (with .tbss), paints the stack so that main can
 * measure how deep it went, runs the constructors and main. The linker
 * scripts give the symbols; the C library's own start-up files are not
 * linked (-nostartfiles). */
#include <stdint.h>
#include <stdlib.h>

#include "board.h"

extern uint32_t __data_start__[], __data_end__[], __data_load__[];
extern uint32_t __bss_start__[], __bss_end__[];

int main(void);
void __libc_init_array(void);

void board_start(void)
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

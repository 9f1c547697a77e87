/* SPDX-License-Identifier: MIT */
/* port.c: what the MPS2 AN500 (Cortex-M7) gives board_main.c: newlib's
 * semihosting (rdimon) for files, the command line through ARM
 * semihosting's SYS_GET_CMDLINE. */
#include <unistd.h>

#include "board.h"

void initialise_monitor_handles(void);

const char *board_counter_note(void)
{
    return "no instruction counter on this board";
}

void board_init(void)
{
    initialise_monitor_handles();
}

void board_print(const char *text, size_t len)
{
    write(1, text, len); /* rdimon opened ":tt" as 1 */
}

static int semihost(int op, void *arg)
{
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

int board_cmdline(char *buf, int size)
{
    /* SYS_GET_CMDLINE (0x15): a buffer and its size in, the length out. */
    struct { char *buf; int len; } blk = { buf, size - 1 };
    if (size < 1 || semihost(0x15, &blk) != 0)
        return -1;
    int n = blk.len < size ? blk.len : size - 1;
    buf[n] = '\0';
    return n;
}

uint64_t board_instructions(void)
{
    return 0;
}

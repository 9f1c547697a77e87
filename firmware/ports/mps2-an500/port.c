/* SPDX-License-Identifier: MIT */
/* port.c: what the MPS2 AN500 (Cortex-M7) gives board_main.c: newlib's
 * semihosting (rdimon) for files, the command line through ARM
 * semihosting's SYS_GET_CMDLINE, and instructions counted on SysTick. */
#include <stdio.h>
#include <unistd.h>

#include "board.h"

void initialise_monitor_handles(void);

/* QEMU has no cycle counter for the M profile (DWT_CYCCNT reads 0), but
 * under -icount shift=0 its virtual clock advances one nanosecond per guest
 * instruction, and SysTick on the processor clock (MPS2_SYSCLK_HZ in
 * QEMU's mps2-an500) counts that clock: one tick every
 * 1e9 / MPS2_SYSCLK_HZ instructions. The 24-bit counter wraps into
 * `wraps` (the SysTick exception, startup.c). A loop of a known length
 * checks the rate at start-up; without -icount the ticks follow the
 * host's clock, the check fails and the port reports no count. */
#define MPS2_SYSCLK_HZ 25000000u
#define INSNS_PER_TICK (1000000000u / MPS2_SYSCLK_HZ)
#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define CHECK_ROUNDS 100000u

static volatile uint32_t wraps;
static char note[160];
static int counting;

void mps2_systick(void)
{
    wraps++;
}

static uint64_t ticks(void)
{
    uint32_t w, v;
    do {
        w = wraps;
        v = SYST_CVR;
    } while (w != wraps);
    return (uint64_t)w * 0x1000000u + (0xFFFFFFu - v);
}

const char *board_counter_note(void)
{
    return note;
}

uint64_t board_instructions(void)
{
    return counting ? ticks() * INSNS_PER_TICK : 0;
}

void board_init(void)
{
    initialise_monitor_handles();
    SYST_RVR = 0xFFFFFFu;
    SYST_CVR = 0;
    SYST_CSR = 7u; /* enable, exception on wrap, processor clock */
    while (SYST_CVR == 0) /* the first tick loads the reload value */
        ;
    uint32_t n = CHECK_ROUNDS;
    uint64_t t0 = ticks();
    __asm__ volatile("1: subs %0, %0, #1\n\tbne 1b" : "+r"(n) : : "cc");
    uint64_t spent = (ticks() - t0) * INSNS_PER_TICK;
    /* Within a tick of the loop and the reads around it. */
    counting = spent + INSNS_PER_TICK >= 2u * CHECK_ROUNDS && spent <= 2u * CHECK_ROUNDS + 2u * INSNS_PER_TICK + 32u;
    snprintf(note, sizeof note, "SysTick at %u MHz under QEMU -icount, %u instructions a tick; a loop of %u instructions counted as %lu",
             MPS2_SYSCLK_HZ / 1000000u, INSNS_PER_TICK, 2u * CHECK_ROUNDS, (unsigned long)spent);
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


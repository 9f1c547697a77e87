/* SPDX-License-Identifier: MIT */
/* port.c: what QEMU's RISC-V virt machine (RV32IMC, as on the ESP32-C3)
 * gives board_main.c: picolibc's semihosting library for files and the
 * command line, and the minstret counter for instructions. */
#include <fcntl.h>
#include <semihost.h>
#include <stdio.h>
#include <unistd.h>

#include "board.h"

static char note[160];

/* picolibc leaves the standard streams to the program; FreeType's
 * ftsystem.c brings in its stdio. They go to the host through semihosting
 * (board_main.c itself writes with write(1, ...)). */
static FILE semihost_io = FDEV_SETUP_STREAM(sys_semihost_putc, sys_semihost_getc, NULL, _FDEV_SETUP_RW);
FILE *const stdin = &semihost_io;
FILE *const stdout = &semihost_io;
FILE *const stderr = &semihost_io;

/* GCC 12's rv32imc leaves out Zicsr (the CSR instructions):
 * asked for where they are used. */
#define CSR_READ(csr, v) \
    __asm__ volatile(".option push\n\t.option arch, +zicsr\n\tcsrr %0, " #csr "\n\t.option pop" : "=r"(v))

static uint64_t instret(void)
{
    uint32_t hi, lo, hi2;
    do {
        CSR_READ(minstreth, hi);
        CSR_READ(minstret, lo);
        CSR_READ(minstreth, hi2);
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

/* minstret counts retired instructions only when QEMU runs with -icount
 * (it is the virtual instruction counter then; without it QEMU gives the
 * host's time stamp counter). A loop of a known length checks which: 2
 * instructions a round, the counter read being 1 more. */
#define CHECK_ROUNDS 10000u

static uint64_t counted;

/* The host's console: semihosting's ":tt", opened for writing. */
static int console = -1;

void board_print(const char *text, size_t len)
{
    if (console < 0)
        console = open(":tt", O_WRONLY);
    if (console >= 0)
        write(console, text, len);
}

void board_init(void)
{
    uint32_t n = CHECK_ROUNDS;
    uint64_t t0 = instret();
    __asm__ volatile("1: addi %0, %0, -1\n\tbnez %0, 1b" : "+r"(n));
    uint64_t spent = instret() - t0;
    counted = spent;
    snprintf(note, sizeof note, "minstret under QEMU -icount; a loop of %u instructions counted as %lu",
             2u * CHECK_ROUNDS, (unsigned long)spent);
}

const char *board_counter_note(void)
{
    return note;
}

uint64_t board_instructions(void)
{
    /* Off by more than the reads around the loop: not instructions. */
    if (counted < 2u * CHECK_ROUNDS || counted > 2u * CHECK_ROUNDS + 16u)
        return 0;
    return instret();
}

int board_cmdline(char *buf, int size)
{
    if (size < 1 || sys_semihost_get_cmdline(buf, size) != 0)
        return -1;
    buf[size - 1] = '\0';
    for (int i = 0; i < size; i++)
        if (buf[i] == '\0')
            return i;
    return size - 1;
}

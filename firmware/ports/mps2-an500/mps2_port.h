/* SPDX-License-Identifier: MIT */
/* mps2_port.h: what the start-up code and the port's main share. */
#ifndef MPS2_PORT_H
#define MPS2_PORT_H

#include <stdint.h>

/** Word the start-up code fills the stack with before main. */
#define MPS2_STACK_PAINT 0xDEADBEEFu

/** Reports what went wrong on the host's stderr and stops QEMU with a
 * failure status. */
__attribute__((noreturn)) void mps2_fault(const char *what);

#endif

# SPDX-License-Identifier: MIT
# mk/board-mps2-an500.mk: the Cortex-M7 board (firmware/ports/mps2-an500),
# cross-built with Debian's arm-none-eabi toolchain and newlib-nano, run in
# QEMU's mps2-an500 machine; files through newlib's semihosting (rdimon).
# QEMU runs with -icount shift=0 (one nanosecond of virtual time a guest
# instruction), so the port's SysTick counts instructions, 40 a tick
# (bench-firmware's instructions per page turn; port.c says how).
# mk/firmware.mk makes its rules.
DEB_PKGS += gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm

FW_BOARDS += mps2-an500
mps2-an500_CPU    = Cortex-M7
mps2-an500_CC     = arm-none-eabi-gcc
mps2-an500_ARCH   = -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard
mps2-an500_LIBC   = --specs=nano.specs
mps2-an500_LDLIBS = --specs=rdimon.specs -lm
# The C library's heap reserve: what newlib-nano was seen to take (rdimon's
# first file call sets up stdio, 436 B); the board fails a session that
# takes more.
mps2-an500_HEAP_BYTES = 440
mps2-an500_QEMU   = qemu-system-arm -M mps2-an500 -icount shift=0

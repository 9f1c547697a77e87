# SPDX-License-Identifier: MIT
# mk/board-rv32-virt.mk: the RISC-V board (firmware/ports/rv32-virt), RV32IMC
# like the ESP32-C3 in the CrossPoint reader, cross-built with Debian's
# riscv64-unknown-elf GCC (-march=rv32imc -mabi=ilp32) and picolibc, run in
# QEMU's virt machine with a CPU cut to RV32IMC (an F, D or A instruction
# would trap). QEMU runs with -icount shift=0, so the port's minstret counts
# the guest's instructions (bench-firmware's instructions per page turn).
# mk/firmware.mk makes its rules.
DEB_PKGS += gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-system-misc

FW_BOARDS += rv32-virt
rv32-virt_CPU    = RV32IMC
rv32-virt_CC     = riscv64-unknown-elf-gcc
rv32-virt_ARCH   = -march=rv32imc -mabi=ilp32 -mcmodel=medany
rv32-virt_LIBC   = --specs=picolibc.specs
rv32-virt_LDLIBS = -lsemihost -lm
# The C library's heap reserve: picolibc was seen to take none (its malloc
# would fail, never overrun); the board fails a session that takes any.
rv32-virt_HEAP_BYTES = 0
rv32-virt_QEMU   = qemu-system-riscv32 -M virt -cpu rv32,f=off,d=off,a=off -m 64M -bios none -icount shift=0

# SPDX-License-Identifier: MIT
# mk/firmware.mk: the board builds, run under QEMU: what every board port
# shares. Each board is declared in its own mk/board-<name>.mk (toolchain,
# CPU flags, C library, QEMU machine) and added to FW_BOARDS; the rules
# below are made once per board. Boards now: mps2-an500 (Cortex-M7, newlib)
# and rv32-virt (RV32IMC as on the ESP32-C3, picolibc).
DEB_PKGS += dpkg-dev

#   make firmware [PORT=board]      build/fw-<board>/inkpress.elf and its size
#                                   (every board when PORT is not given)
#   make qemu-test                  a reading session in QEMU on every board,
#                                   every frame compared byte for byte with
#                                   inkpress-sim's
#   make bench-firmware             flash, RAM all-in, stack depth, pool and
#                                   instructions per page turn, every board
#
# FreeType and zlib come from Debian's source packages, fetched by `make
# deps` (mk/debsrc.sh) into build/deb-src; FreeType is compiled with
# firmware/ports/board/freetype's ftoption.h and ftmodule.h (TrueType, CFF
# for Noto CJK with psaux, sfnt, two rasterisers), the same on every board, zlib with Z_SOLO (inflate and
# CRC only are linked). The boards' common main is
# firmware/ports/board/board_main.c; a port adds its start-up code, its
# linker script and port.c (board.h says what it gives).

.PHONY: firmware qemu-test bench-firmware firmware-sources

FW_OPT    ?= -O2 -g

DEBSRC     = $(B)/deb-src
FT_SRCDIR  = $(DEBSRC)/freetype
Z_SRCDIR   = $(DEBSRC)/zlib
DEBSRC_OK  = $(DEBSRC)/.ready

# FreeType and zlib in the same versions as the machine's own libfreetype6
# and zlib1g (so the board and the simulator rasterise with the same code),
# else the newest the mirror has: mk/debsrc.sh fetches them with the
# machine's own mirror, into a sources list of the build's own. `make deps`
# runs this; `make test` only finds what it left, with the network cut.
firmware-sources: $(DEBSRC_OK)
$(DEBSRC_OK):
	@command -v dpkg-source >/dev/null || { echo "firmware-sources: no dpkg-source: run 'make deps'"; exit 1; }
	sh mk/debsrc.sh $(B) freetype:libfreetype6 zlib:zlib1g
	@touch $@
DEPS_EXTRA += firmware-sources

# mk/debsrc.sh itself, without the network.
.PHONY: debsrc-test
debsrc-test:
	@B=$(B) sh tests/debsrc.sh
TEST_EXTRA += debsrc-test

# A FreeType or zlib source file is there once the sources are unpacked.
$(FT_SRCDIR)/src/%.c: $(DEBSRC_OK)
	@test -f $@ || { echo "firmware: $@ missing from the unpacked source"; exit 1; }
$(Z_SRCDIR)/%.c: $(DEBSRC_OK)
	@test -f $@ || { echo "firmware: $@ missing from the unpacked source"; exit 1; }

FT_CFG    = -DFT_CONFIG_OPTIONS_H='<ftoption.h>' -DFT_CONFIG_MODULES_H='<ftmodule.h>'
FW_COMMON = firmware/ports/board
FW_INC    = -I$(FW_COMMON)/freetype -I$(FT_SRCDIR)/include -I$(Z_SRCDIR) -Irender -Ifirmware -I$(FW_COMMON)
FT_FILES  = base/ftsystem.c base/ftinit.c base/ftdebug.c base/ftbase.c base/ftbitmap.c \
            truetype/truetype.c sfnt/sfnt.c smooth/smooth.c raster/raster.c \
            cff/cff.c psaux/psaux.c
Z_FILES   = inflate.c inftrees.c inffast.c crc32.c adler32.c zutil.c
FW_SRC    = $(wildcard render/*.c) $(wildcard firmware/*.c) $(wildcard $(FW_COMMON)/*.c)

# RAM all-in is the framebuffer, the pool and the firmware's other
# variables (.data, .bss), the C library's heap reserve and the stack; the
# linker scripts refuse a link past INK_RAM_BYTES, 256 KiB on every board.
#
# The stack is sized from the depth the ports measure (the start-up code
# paints it, main finds the deepest word touched). TrueType text goes 7,296 B
# deep on the Cortex-M7 and 7,684 B on RV32IMC (the tour of the sample with
# and without patterns, 900 pages of the BBC edition with patterns at all
# three text sizes: bench-firmware runs both). A CFF face (Noto CJK, for
# Chinese, Japanese and Korean) goes 20,648 B and 20,748 B deep: FreeType's
# CFF interpreter keeps three hint maps of 192 edges on the stack, whatever
# the glyph (the faces are subset without subroutines, so charstrings do not
# nest). 24 KiB leaves 3.8 KiB over the deepest CFF session and 16.5 KiB over
# everything else, and keeps RAM all-in under 256 KiB; tests/qemu.sh fails a
# session that leaves less than 3 KiB of it unused. Each board's heap reserve
# (mk/board-<name>.mk) is what its C library was seen to take.
FW_RAM_BYTES   ?= 256K
FW_STACK_BYTES ?= 24K

# --- one board's rules ------------------------------------------------------
# $(1): the board; mk/board-$(1).mk sets $(1)_CC, $(1)_ARCH (compile and
# link), $(1)_LIBC (the C library's flags, compile and link), $(1)_LDLIBS,
# $(1)_QEMU (the emulator and machine; semihosting, the kernel and the
# command line are added here), $(1)_CPU (a name for the reports).
define fw_board
FWB_$(1)    = $(B)/fw-$(1)
FW_ELF_$(1) = $(B)/fw-$(1)/inkpress.elf
FW_FLAGS_$(1) = $$($(1)_ARCH) $$(FW_OPT) -ffunction-sections -fdata-sections $$(FT_CFG) -DZ_SOLO $$(FW_INC) \
                -Ifirmware/ports/$(1) $$($(1)_LIBC) -DINK_BOARD_NAME='"$(1)"'
FW_OBJ_$(1) = $$(FW_SRC:%.c=$(B)/fw-$(1)/obj/%.o) $$(patsubst %.c,$(B)/fw-$(1)/obj/%.o,$$(wildcard firmware/ports/$(1)/*.c))
FW_LIB_$(1) = $$(FT_FILES:%.c=$(B)/fw-$(1)/ft/%.o) $$(Z_FILES:%.c=$(B)/fw-$(1)/z/%.o)

$$(FW_OBJ_$(1)) $$(FW_LIB_$(1)): $$(DEBSRC_OK) $$(wildcard $$(FW_COMMON)/freetype/*.h)

$(B)/fw-$(1)/ft/%.o: $$(FT_SRCDIR)/src/%.c
	@mkdir -p $$(dir $$@)
	$$($(1)_CC) $$(FW_FLAGS_$(1)) -DFT2_BUILD_LIBRARY -w -c $$< -o $$@

$(B)/fw-$(1)/z/%.o: $$(Z_SRCDIR)/%.c
	@mkdir -p $$(dir $$@)
	$$($(1)_CC) $$(FW_FLAGS_$(1)) -w -c $$< -o $$@

$(B)/fw-$(1)/obj/%.o: %.c
	@mkdir -p $$(dir $$@)
	$$($(1)_CC) -std=c11 $$(WARN) $$(FW_FLAGS_$(1)) -MMD -MP -c $$< -o $$@

$$(FW_ELF_$(1)): $$(FW_OBJ_$(1)) $$(FW_LIB_$(1)) firmware/ports/$(1)/$(1).ld mk/firmware.mk mk/board-$(1).mk
	$$($(1)_CC) $$($(1)_ARCH) $$($(1)_LIBC) -nostartfiles -Wl,--gc-sections -T firmware/ports/$(1)/$(1).ld \
	  -Wl,--defsym=INK_RAM_BYTES=$$(FW_RAM_BYTES) -Wl,--defsym=INK_STACK_BYTES=$$(FW_STACK_BYTES) \
	  -Wl,--defsym=INK_HEAP_BYTES=$$($(1)_HEAP_BYTES) \
	  -Wl,-Map=$(B)/fw-$(1)/inkpress.map -o $$@ $$(FW_OBJ_$(1)) $$(FW_LIB_$(1)) $$($(1)_LDLIBS)

-include $$(FW_OBJ_$(1):.o=.d)

FW_RUN_$(1) = timeout 600 $$($(1)_QEMU) -nographic -monitor none -serial none \
              -semihosting-config enable=on,target=native -kernel $$(FW_ELF_$(1))

.PHONY: firmware-$(1) qemu-test-$(1) bench-firmware-$(1)
firmware-$(1): $$(FW_ELF_$(1))
	@$$($(1)_CC:gcc=size) $$(FW_ELF_$(1))

qemu-test-$(1): $$(FW_ELF_$(1)) all $$(SAMPLE) $$$$(FW_TEST_EDITIONS)
	@$(B)/inkpress pack -q --patterns --group-bytes 8192 -o $(B)/fw-$(1)/patterns.ink --name "The Inkpress Sample" --date 2026-11-29 samples/*.txt
	@B=$(B) OUT=$(B)/fw-$(1) BOARD="$(1) ($$($(1)_CPU))" KEYS=$$(QEMU_KEYS) QEMU="$$(FW_RUN_$(1))" \
	  sh tests/qemu.sh "$$(SAMPLE)" "$(B)/fw-$(1)/patterns.ink" $$(FW_TEST_EDITIONS)

bench-firmware-$(1): $$(FW_ELF_$(1)) all $$(SAMPLE) $$(FW_STACK_EDITION)
	@B=$(B) OUT=$(B)/fw-$(1) BOARD="$(1) ($$($(1)_CPU), $$($(1)_CC) $$(FW_OPT))" KEYS=$$(QEMU_KEYS) \
	  QEMU="$$(FW_RUN_$(1))" SIZE="$$($(1)_CC:gcc=size)" NM="$$($(1)_CC:gcc=nm)" ELF=$$(FW_ELF_$(1)) \
	  STACK_EDITION=$$(FW_STACK_EDITION) sh tests/qemu.sh --bench "$$(SAMPLE)"

ifneq ($$(shell command -v $$($(1)_CC) 2>/dev/null),)
ifneq ($$(shell command -v $$(firstword $$($(1)_QEMU)) 2>/dev/null),)
FW_READY += $(1)
endif
endif
endef

QEMU_KEYS ?= tests/keys/tour.keys

# qemu-test reads the sample edition, the sample packed with hyphenation
# patterns in groups of 8 KiB, whose texts are then stored apart from
# reading order (so the target finds soft hyphens too, and follows ORDR;
# its frames must be the same) and whatever editions other mk/*.mk files add here (read when the
# rule runs, by then every mk file has added its own: .SECONDEXPANSION).
FW_TEST_EDITIONS ?=
.SECONDEXPANSION:

# The long session for the stack depth: the BBC corpus with patterns
# (--fast: the text is the same, only the compression differs).
FW_STACK_EDITION = $(if $(wildcard $(BBC)),$(B)/fw-stack/bbc.ink)
$(B)/fw-stack/bbc.ink: $(B)/inkpress
	@mkdir -p $(dir $@)
	$(B)/inkpress pack -q --fast --patterns -o $@ --name "BBC" --date 2026-11-29 $(BBC)

$(foreach b,$(FW_BOARDS),$(eval $(call fw_board,$(b))))

# `make firmware PORT=<board>` builds one board, `make firmware` all.
FW_PORTS = $(if $(filter-out sim,$(PORT)),$(PORT),$(FW_BOARDS))
firmware: $(addprefix firmware-,$(FW_PORTS))

# The tests and figures run on every board whose compiler and QEMU are
# installed (make deps installs them all).
qemu-test: $(addprefix qemu-test-,$(FW_READY))
bench-firmware: $(addprefix bench-firmware-,$(FW_READY))
ifneq ($(FW_READY),)
TEST_EXTRA  += qemu-test
BENCH_EXTRA += bench-firmware
endif

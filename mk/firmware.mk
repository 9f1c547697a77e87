# SPDX-License-Identifier: MIT
# mk/firmware.mk: the Cortex-M7 board port (PORT=mps2-an500), cross-built
# with Debian's arm-none-eabi toolchain and run under QEMU.
DEB_PKGS += gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm dpkg-dev

#   make firmware PORT=mps2-an500   build/fw-mps2-an500/inkpress.elf
#   make qemu-test                  a reading session in QEMU, every frame
#                                   compared byte for byte with inkpress-sim's
#   make bench-firmware             flash, RAM, stack depth, pool on target
#
# FreeType and zlib come from Debian's source packages, fetched by `make
# deps` (mk/debsrc.sh) into build/deb-src; FreeType is compiled
# with the port's ftoption.h and ftmodule.h (TrueType, sfnt, two
# rasterisers), zlib with Z_SOLO (inflate and CRC only are linked).

.PHONY: firmware qemu-test bench-firmware firmware-sources

FW_PORT   := $(if $(filter-out sim,$(PORT)),$(PORT),mps2-an500)
FW_DIR     = firmware/ports/$(FW_PORT)
FWB        = $(B)/fw-$(FW_PORT)
FW_ELF     = $(FWB)/inkpress.elf
ARM_PREFIX ?= arm-none-eabi-
ARM_CC     = $(ARM_PREFIX)gcc
ARM_SIZE   = $(ARM_PREFIX)size
QEMU_ARM  ?= qemu-system-arm
FW_ARCH    = -mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard
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
FW_INC    = -I$(FW_DIR)/freetype -I$(FT_SRCDIR)/include -I$(Z_SRCDIR) -Irender -Ifirmware -I$(FW_DIR)
FW_CFLAGS = $(FW_ARCH) $(FW_OPT) -ffunction-sections -fdata-sections $(FT_CFG) -DZ_SOLO $(FW_INC) --specs=nano.specs
FT_FILES  = base/ftsystem.c base/ftinit.c base/ftdebug.c base/ftbase.c base/ftbitmap.c \
            truetype/truetype.c sfnt/sfnt.c smooth/smooth.c raster/raster.c
Z_FILES   = inflate.c inftrees.c inffast.c crc32.c adler32.c zutil.c
FT_OBJ    = $(addprefix $(FWB)/ft/,$(notdir $(FT_FILES:.c=.o)))
Z_OBJ     = $(addprefix $(FWB)/z/,$(Z_FILES:.c=.o))
FW_DEV_SRC  = $(wildcard render/*.c) $(wildcard firmware/*.c)
FW_PORT_SRC = $(wildcard $(FW_DIR)/*.c)
FW_OBJ    = $(FW_DEV_SRC:%.c=$(FWB)/obj/%.o) $(FW_PORT_SRC:%.c=$(FWB)/obj/%.o)

$(FT_OBJ) $(Z_OBJ) $(FW_OBJ): $(DEBSRC_OK) $(wildcard $(FW_DIR)/freetype/*.h)

define ft_rule
$(FWB)/ft/$(notdir $(1:.c=.o)): $(FT_SRCDIR)/src/$(1)
	@mkdir -p $$(dir $$@)
	$$(ARM_CC) $$(FW_CFLAGS) -DFT2_BUILD_LIBRARY -w -c $$< -o $$@
endef
$(foreach f,$(FT_FILES),$(eval $(call ft_rule,$(f))))

$(FWB)/z/%.o: $(Z_SRCDIR)/%.c
	@mkdir -p $(dir $@)
	$(ARM_CC) $(FW_CFLAGS) -w -c $< -o $@

$(FWB)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(ARM_CC) -std=c11 $(WARN) $(FW_CFLAGS) -MMD -MP -c $< -o $@

$(FW_ELF): $(FW_OBJ) $(FT_OBJ) $(Z_OBJ) $(FW_DIR)/$(FW_PORT).ld
	$(ARM_CC) $(FW_ARCH) --specs=nano.specs --specs=rdimon.specs -nostartfiles -Wl,--gc-sections \
	  -T $(FW_DIR)/$(FW_PORT).ld -Wl,-Map=$(FWB)/inkpress.map -o $@ $(FW_OBJ) $(FT_OBJ) $(Z_OBJ) -lm

firmware: $(FW_ELF)
	@$(ARM_SIZE) $(FW_ELF)

-include $(FW_OBJ:.o=.d)

# --- running it ----------------------------------------------------------------

QEMU_RUN = timeout 300 $(QEMU_ARM) -M $(FW_PORT) -nographic -monitor none -serial none \
           -semihosting-config enable=on,target=native -kernel $(FW_ELF)
QEMU_KEYS ?= tests/keys/tour.keys

# The same edition and keys through inkpress-sim (raw frames with --pbm) and
# through the firmware in QEMU; every frame and the refresh log must be
# equal byte for byte. Twice: the sample edition, and the sample packed with
# hyphenation patterns (--patterns), so the target finds soft hyphens too.
qemu-test: $(FW_ELF) all $(SAMPLE)
	@rm -rf $(FWB)/host* $(FWB)/qemu* && mkdir -p $(FWB)/qemu $(FWB)/qemu-patterns
	@$(B)/inkpress pack -q --patterns -o $(FWB)/patterns.ink --name "The Inkpress Sample" --date 2026-11-29 samples/*.txt
	@for run in "$(SAMPLE) " "$(FWB)/patterns.ink -patterns"; do set -- $$run; ed=$$1; t=$$2; \
	  $(B)/inkpress-sim $$ed --keys-file $(QEMU_KEYS) -o $(FWB)/host$$t --pbm >$(FWB)/host$$t.out; \
	  $(QEMU_RUN) -append "$$ed $(QEMU_KEYS) $(FWB)/qemu$$t $(B)/fonts" >$(FWB)/qemu$$t.out 2>&1 || \
	    { cat $(FWB)/qemu$$t.out; echo "qemu-test: the firmware failed in QEMU ($$ed)"; exit 1; }; \
	  n=0; bad=0; for f in $(FWB)/host$$t/frame-*.pbm; do n=$$((n + 1)); \
	    cmp -s "$$f" "$(FWB)/qemu$$t/$${f##*/}" || { echo "qemu-test: $${f##*/} differs ($(FWB)/host$$t vs $(FWB)/qemu$$t)"; bad=$$((bad + 1)); }; \
	  done; \
	  [ "$$(ls $(FWB)/qemu$$t/frame-*.pbm | wc -l)" -eq $$n ] || { echo "qemu-test: frame counts differ"; bad=$$((bad + 1)); }; \
	  cmp -s $(FWB)/host$$t/refresh.log $(FWB)/qemu$$t/refresh.log || { echo "qemu-test: refresh.log differs"; bad=$$((bad + 1)); }; \
	  [ $$n -gt 0 ] && [ $$bad -eq 0 ] || exit 1; \
	  echo "qemu-test: $$ed: $$n frames and the refresh log identical (Cortex-M7 in QEMU vs inkpress-sim)"; \
	  sed 's/^/qemu-test: /' $(FWB)/qemu$$t.out; \
	done
	@for f in $(FWB)/host/frame-*.pbm; do cmp -s "$$f" "$(FWB)/host-patterns/$${f##*/}" || \
	  { echo "qemu-test: $${f##*/} differs with --patterns"; exit 1; }; done

# Flash: code, constants and .data's initial values; RAM: .data, .bss, the
# newlib heap reserve and the stack (the XIP region is the edition and the
# fonts in memory-mapped flash, counted apart).
bench-firmware: $(FW_ELF) all $(SAMPLE)
	@echo "== firmware ($(FW_PORT), Cortex-M7, $(ARM_CC) $(FW_OPT))"
	@$(ARM_SIZE) -A $(FW_ELF) | awk '$$1 ~ /^\.(text|ARM\.exidx|ARM\.extab|init_array)$$/ {fl += $$2} \
	  $$1 == ".data" {fl += $$2; ram += $$2} $$1 ~ /^\.(bss|heap|stack)$$/ {ram += $$2; r[$$1] = $$2} \
	  END {printf "flash:   %d bytes (code, constants, FreeType, zlib)\nRAM:     %d bytes (.data+.bss %d incl. framebuffer and pool, heap reserve %d, stack %d)\n", \
	       fl, ram, ram - r[".heap"] - r[".stack"], r[".heap"], r[".stack"]}'
	@mkdir -p $(FWB)/bench && $(QEMU_RUN) -append "$(SAMPLE) $(QEMU_KEYS) $(FWB)/bench $(B)/fonts" | sed 's/^/target:  /'

ifneq ($(shell command -v $(ARM_CC) 2>/dev/null),)
ifneq ($(shell command -v $(QEMU_ARM) 2>/dev/null),)
TEST_EXTRA  += qemu-test
BENCH_EXTRA += bench-firmware
endif
endif

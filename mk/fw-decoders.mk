# SPDX-License-Identifier: MIT
# mk/fw-decoders.mk: what another small decoder would cost on the boards
# (issue 19 item 4). Debian's zstd sources (libzstd) are fetched by
# `make deps` beside FreeType and zlib (mk/debsrc.sh; after
# mk/firmware.mk, whose variables the rules use); `make bench-decoders`
# builds a decode-only zstd for each board and a program (tests/decbench.c)
# that decodes the BBC edition's groups in QEMU with inflate (as the
# device does now) and with zstd (a trained 32 KiB dictionary,
# tests/decbench.py), and prints ratio, flash, RAM, stack and instructions
# per KiB and per article opened for both (tests/bench-decoders.sh).
# Figures, never part of `make test`, which needs none of this.
#
#   make bench-decoders    the table, every board (part of make bench)

DEBSRC_DEC  = $(DEBSRC)/.ready-decoders
ZSTD_SRCDIR = $(DEBSRC)/libzstd

.PHONY: decoder-sources bench-decoders
decoder-sources: $(DEBSRC_DEC)
$(DEBSRC_DEC):
	@command -v dpkg-source >/dev/null || { echo "decoder-sources: no dpkg-source: run 'make deps'"; exit 1; }
	sh mk/debsrc.sh $(B) libzstd:libzstd1
	@touch $@
DEPS_EXTRA += decoder-sources

# A decode-only zstd, three ways: "min" is the set lib/libzstd.mk's
# ZSTD_LIB_MINIFY picks (-Os, no legacy formats, the single-symbol Huffman
# decoder and the short-sequence decoder only, no inlining, no error
# strings); "os" the same with zstd's inlining left on; "fast" the
# library's speed build at the firmware's -O2 (both Huffman and both
# sequence decoders, inlined), without legacy formats or error strings.
# All with ZSTD_DECODER_INTERNAL_BUFFER cut from 64 KiB to 1 KiB: the
# literals go in the output buffer, which a one-call decode has whole.
# zlib's inflate is the firmware's own objects (build/fw-<board>/z/,
# FW_OPT).
ZSTD_DEC_BUF     ?= 1024
ZSTD_FILES        = common/entropy_common.c common/error_private.c common/fse_decompress.c common/xxhash.c \
                    common/zstd_common.c decompress/huf_decompress.c decompress/zstd_ddict.c \
                    decompress/zstd_decompress.c decompress/zstd_decompress_block.c
ZSTD_DEFS         = -DZSTD_LEGACY_SUPPORT=0 -DZSTD_STRIP_ERROR_STRINGS -DDYNAMIC_BMI2=0 -DZSTD_DISABLE_ASM -DNDEBUG \
                    -DZSTD_DECODER_INTERNAL_BUFFER=$(ZSTD_DEC_BUF)
ZSTD_FLAGS_min    = -Os $(ZSTD_DEFS) -DHUF_FORCE_DECOMPRESS_X1 -DZSTD_FORCE_DECOMPRESS_SEQUENCES_SHORT -DZSTD_NO_INLINE
ZSTD_FLAGS_os     = -Os $(ZSTD_DEFS) -DHUF_FORCE_DECOMPRESS_X1 -DZSTD_FORCE_DECOMPRESS_SEQUENCES_SHORT
ZSTD_FLAGS_fast   = -O2 $(ZSTD_DEFS)
DECB_VARIANTS     = min os fast
# The program is no firmware: RAM is left at 1 MiB (a 256 KiB output
# buffer, a 192 KiB arena for the decoders' state) and the heap at 4 KiB.
DECB_LD           = -Wl,--defsym=INK_RAM_BYTES=1M -Wl,--defsym=INK_STACK_BYTES=32K -Wl,--defsym=INK_HEAP_BYTES=4K

$(ZSTD_SRCDIR)/lib/%.c: $(DEBSRC_DEC)
	@test -f $@ || { echo "decoders: $@ missing from the unpacked source"; exit 1; }

# The BBC edition as `make bench` packs it, in groups of 32 KiB (the
# packer's default) and 64 KiB of text; each group size one bench file.
DECB_GROUP_BYTES ?= 32768 65536
$(B)/decbench/g%/bbc.ink: $(B)/inkpress
	@mkdir -p $(dir $@)
	$(B)/inkpress pack -q --group-bytes $* -o $@ --name BBC --date 2026-11-29 $(BBC)

$(B)/decbench/g%/decbench.bin: $(B)/decbench/g%/bbc.ink tests/decbench.py
	python3 tests/decbench.py $< $(B)/decbench/g$*/work >$(B)/decbench/g$*/sizes.txt
	mv $(B)/decbench/g$*/work/decbench.bin $@
DECB_BINS = $(DECB_GROUP_BYTES:%=$(B)/decbench/g%/decbench.bin)
.PRECIOUS: $(B)/decbench/g%/bbc.ink

# $(1): the board, $(2): the zstd build.
define decb_board
DECB_DIR_$(1)_$(2) = $(B)/decbench/$(1)-$(2)
DECB_ZOBJ_$(1)_$(2) = $$(ZSTD_FILES:%.c=$(B)/decbench/$(1)-$(2)/zstd/%.o)
DECB_FLAGS_$(1)_$(2) = $$($(1)_ARCH) -ffunction-sections -fdata-sections $$($(1)_LIBC) -DZ_SOLO \
                       -I$$(Z_SRCDIR) -I$$(ZSTD_SRCDIR)/lib -I$$(FW_COMMON) -DINK_BOARD_NAME='"$(1)"'

$(B)/decbench/$(1)-$(2)/zstd/%.o: $$(ZSTD_SRCDIR)/lib/%.c
	@mkdir -p $$(dir $$@)
	$$($(1)_CC) $$(DECB_FLAGS_$(1)_$(2)) $$(ZSTD_FLAGS_$(2)) -w -c $$< -o $$@

$(B)/decbench/$(1)-$(2)/decbench.o: tests/decbench.c $$(DEBSRC_DEC) $$(DEBSRC_OK)
	@mkdir -p $$(dir $$@)
	$$($(1)_CC) -std=c11 $$(WARN) $$(DECB_FLAGS_$(1)_$(2)) $$(FW_OPT) -c $$< -o $$@

$(B)/decbench/$(1)-$(2)/decbench.elf: $(B)/decbench/$(1)-$(2)/decbench.o $$(DECB_ZOBJ_$(1)_$(2)) \
    $$(Z_FILES:%.c=$(B)/fw-$(1)/z/%.o) $$(patsubst %.c,$(B)/fw-$(1)/obj/%.o,$$(wildcard firmware/ports/$(1)/*.c)) \
    $(B)/fw-$(1)/obj/firmware/ports/board/board_start.o mk/fw-decoders.mk
	$$($(1)_CC) $$($(1)_ARCH) $$($(1)_LIBC) -nostartfiles -Wl,--gc-sections -T firmware/ports/$(1)/$(1).ld \
	  $$(DECB_LD) -Wl,-Map=$$(@:.elf=.map) -o $$@ $$(filter %.o,$$^) $$($(1)_LDLIBS)

DECB_ELFS += $(B)/decbench/$(1)-$(2)/decbench.elf
DECB_RUNS += "$(1) $(2) $$($(1)_CPU) $(B)/decbench/$(1)-$(2) $(B)/fw-$(1)/z $$($(1)_CC:gcc=size) $$($(1)_QEMU)"
endef

$(foreach b,$(FW_READY),$(foreach v,$(DECB_VARIANTS),$(eval $(call decb_board,$(b),$(v)))))

ifneq ($(wildcard $(BBC)),)
bench-decoders: $(DEBSRC_DEC) $(DECB_BINS) $(DECB_ELFS) $(B)/inkpress
	@INKPRESS=$(B)/inkpress sh tests/bench-decoders.sh "$(DECB_BINS:/decbench.bin=)" $(DECB_RUNS)
else
bench-decoders:
	@echo "bench-decoders: $(BBC) not found, skipped"
endif
ifneq ($(FW_READY),)
BENCH_EXTRA += bench-decoders
endif

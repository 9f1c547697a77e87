# SPDX-License-Identifier: MIT
# mk/scripts.mk: text in every script (issue 13). The Noto faces the packer
# picks per script for the characters the edition's own faces lack
# (fonts-noto-core: Devanagari, Bengali, Tamil, Arabic, Hebrew, Thai...;
# fonts-noto-cjk: Chinese, Japanese, Korean, CFF-flavoured), hb-shape to
# check the device's glyphs against, fribidi for the bidi levels.
DEB_PKGS += fonts-noto-core fonts-noto-cjk libharfbuzz-bin libfribidi-dev

# The world edition: the articles in samples/world/ (one a language, named
# by its code), packed with a fallback face per script. qemu-test reads it
# on the board too; tests/e2e.sh compares a page of each with its golden.
$(WORLD): $(B)/inkpress $(FONTS) $(wildcard samples/world/*.txt)
	$(B)/inkpress pack -o $@ --name "Inkpress World" --date 2026-11-28 samples/world/

# fribidi: the UAX #9 levels of right-to-left text (tools/pack/bidi.c)
HOST_LIBS += $(shell pkg-config --libs fribidi 2>/dev/null)
CPPFLAGS += $(shell pkg-config --cflags fribidi 2>/dev/null)

# qemu-test reads it on every board (mk/firmware.mk).
FW_TEST_EDITIONS += $(WORLD)

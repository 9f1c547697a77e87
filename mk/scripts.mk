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

# An edition in two CJK languages (Japanese and Chinese): a face of Noto
# Serif CJK for each and AFNT, each article in its own glyph forms;
# qemu-test draws its library with both titles (tests/keys/cjk.keys).
CJK2 = $(B)/world-cjk.ink
$(CJK2): $(B)/inkpress $(FONTS) $(wildcard samples/world/ja-*.txt samples/world/zh-*.txt) tests/keys/cjk.keys
	$(B)/inkpress pack -q -o $@ --name "Inkpress CJK" --date 2026-11-28 samples/world/ja-*.txt samples/world/zh-*.txt
	cp tests/keys/cjk.keys $(@:.ink=.keys)

# qemu-test reads them on every board (mk/firmware.mk), the CJK edition
# with its own key script (tests/qemu.sh takes EDITION.keys beside it).
FW_TEST_EDITIONS += $(WORLD) $(CJK2)

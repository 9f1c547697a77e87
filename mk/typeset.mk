# SPDX-License-Identifier: MIT
# mk/typeset.mk: the host's typesetting preparation (tools/pack/typeset.c,
# tools/pack/fontsub.c): hyphenation points with libhyphen and Debian's
# patterns, UAX #14 break opportunities with libunibreak, font subsets and
# kerning pairs with HarfBuzz (hb-subset).
DEB_PKGS += libhyphen-dev hyphen-en-us hyphen-de hyphen-fr hyphen-es libunibreak-dev libharfbuzz-dev

HOST_LIBS += $(shell pkg-config --libs harfbuzz-subset harfbuzz libunibreak 2>/dev/null) -lhyphen
CPPFLAGS += $(shell pkg-config --cflags harfbuzz 2>/dev/null)
HOST_LIBS += -lm
DEB_PKGS += fonts-dejavu-core   # a face with kerning, for tests/test_fontsub.c (Charis SIL 6 has none)

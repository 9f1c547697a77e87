# SPDX-License-Identifier: MIT
# mk/typeset.mk: the host's typesetting preparation (tools/pack/typeset.c,
# tools/pack/fontsub.c): hyphenation points with libhyphen and Debian's
# patterns, UAX #14 break opportunities with libunibreak, font subsets and
# kerning pairs with HarfBuzz (hb-subset).
DEB_PKGS += libhyphen-dev hyphen-en-us hyphen-de hyphen-fr hyphen-es libunibreak-dev libharfbuzz-dev
# More languages an edition may use (samples/world, the multilingual pages of
# ../shared/data/traf-dev), and libthai's word breaker for Thai.
DEB_PKGS += hyphen-ru hyphen-uk hyphen-el hyphen-it hyphen-pt-pt hyphen-pt-br hyphen-nl hyphen-pl libthai-dev

HOST_LIBS += $(shell pkg-config --libs harfbuzz-subset harfbuzz libunibreak libthai 2>/dev/null) -lhyphen
CPPFLAGS += $(shell pkg-config --cflags harfbuzz libthai 2>/dev/null)
HOST_LIBS += -lm
DEB_PKGS += fonts-dejavu-core   # a face with kerning, for tests/test_fontsub.c (Charis SIL 6 has none)

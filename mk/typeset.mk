# SPDX-License-Identifier: MIT
# mk/typeset.mk: the host's typesetting preparation (tools/pack/typeset.c,
# tools/pack/fontsub.c): hyphenation points with libhyphen and Debian's
# patterns, UAX #14 break opportunities with libunibreak, font subsets and
# kerning pairs with HarfBuzz (hb-subset).
DEB_PKGS += libhyphen-dev hyphen-en-us hyphen-de hyphen-fr hyphen-es libunibreak-dev libharfbuzz-dev
# More languages an edition may use (samples/world, the multilingual pages of
# ../shared/data/traf-dev), and libthai's word breaker for Thai.
DEB_PKGS += hyphen-ru hyphen-uk hyphen-el hyphen-it hyphen-pt-pt hyphen-pt-br hyphen-nl hyphen-pl libthai-dev
# Indic scripts: their words are long (Malayalam, Kannada, Telugu), and a
# narrow column opens wide gaps without breaks inside them.
DEB_PKGS += hyphen-hi hyphen-ta hyphen-te hyphen-ml hyphen-gu hyphen-pa

# ICU's line breaker, for the words of Khmer, Lao and Myanmar (its
# dictionaries; libunibreak has none for them, libthai is Thai's).
DEB_PKGS += libicu-dev
HOST_LIBS += $(shell pkg-config --libs harfbuzz-subset harfbuzz libunibreak libthai icu-uc 2>/dev/null) -lhyphen
CPPFLAGS += $(shell pkg-config --cflags harfbuzz libthai 2>/dev/null)
HOST_LIBS += -lm
DEB_PKGS += fonts-dejavu-core   # a face with kerning, for tests/test_fontsub.c (Charis SIL 6 has none)

# Russian and Ukrainian: Debian's hyphen-ru (2003) and hyphen-uk give too few
# points to set a justified column (12% loose lines on the Russian sample),
# so the build hyphenates them with TeX's patterns (hyph-utf8), which Debian
# ships only inside texlive-lang-cyrillic. `make deps` downloads that .deb
# alone (mk/texhyph.sh: apt-get download, nothing installed) and takes the
# pattern files out into build/tex-hyph; the build turns them into libhyphen
# dictionaries in build/hyphen (mk/texhyph.py), which the packer prefers to
# /usr/share/hyphen (tools/pack/typeset.c). `make test` never downloads: with
# the files missing it says to run `make deps`.
TEX_HYPH_PKG   = texlive-lang-cyrillic
TEX_HYPH_LANGS = ru uk
# The build's own sub-builds (make asan: B=build/asan; the fuzz builds) read
# the top build's files: the folder is set once and handed down.
TEX_HYPH_DIR  ?= $(B)/tex-hyph
export TEX_HYPH_DIR
HYPH_DICS      = $(TEX_HYPH_LANGS:%=$(B)/hyphen/hyph_%.dic)
DEB_PKGS += dpkg

.PHONY: tex-hyphen
tex-hyphen: $(TEX_HYPH_DIR)/.ready
$(TEX_HYPH_DIR)/.ready: mk/texhyph.sh
	sh mk/texhyph.sh $(B)/deb $(TEX_HYPH_DIR) $(TEX_HYPH_PKG) $(TEX_HYPH_LANGS)
	@touch $@
DEPS_EXTRA += tex-hyphen

# Never made here: only `make deps` fetches them.
$(TEX_HYPH_DIR)/hyph-%.pat.txt $(TEX_HYPH_DIR)/hyph-%.tex:
	@echo "missing $@: TeX's hyphenation patterns come from Debian's $(TEX_HYPH_PKG); run 'make deps' (it downloads that package, about 20 MB, into $(B)/deb)"; exit 1

$(B)/hyphen/hyph_%.dic: $(TEX_HYPH_DIR)/hyph-%.tex $(TEX_HYPH_DIR)/hyph-%.pat.txt mk/texhyph.py
	@mkdir -p $(dir $@)
	h=$(TEX_HYPH_DIR)/hyph-$*.hyp.txt; [ -f $$h ] || h=; python3 mk/texhyph.py $(TEX_HYPH_DIR)/hyph-$*.tex $(TEX_HYPH_DIR)/hyph-$*.pat.txt $$h $@

all: $(HYPH_DICS)

# Installed beside the fonts, where an installed inkpress looks for them.
.PHONY: install-hyphen uninstall-hyphen
install: install-hyphen
install-hyphen: $(HYPH_DICS)
	$(INSTALL) -d "$(DESTDIR)$(PREFIX)/share/inkpress/hyphen"
	$(INSTALL) -m 644 $(HYPH_DICS) "$(DESTDIR)$(PREFIX)/share/inkpress/hyphen/"
uninstall: uninstall-hyphen
uninstall-hyphen:
	rm -f $(addprefix "$(DESTDIR)$(PREFIX)/share/inkpress/hyphen/",$(notdir $(HYPH_DICS)))
	-rmdir "$(DESTDIR)$(PREFIX)/share/inkpress/hyphen" 2>/dev/null

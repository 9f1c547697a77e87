# SPDX-License-Identifier: MIT
# mk/install.mk: make install / make uninstall, where Debian users look:
#
#   $(PREFIX)/bin/inkpress, inkpress-sim
#   $(PREFIX)/share/man/man1/inkpress.1 (inkpress-sim.1 points to it)
#   $(PREFIX)/share/inkpress/fonts/{regular,bold,italic}.ttf and README.md
#
# PREFIX defaults to /usr/local (packages use /usr); DESTDIR stages the tree
# elsewhere (make install DESTDIR=/tmp/root PREFIX=/usr). The programs find
# the fonts at ../share/inkpress/fonts beside themselves, so the installed
# tree needs no configuration.
#
#   make install-test   install into build/stage, use it, uninstall it
#   make cli-test       the command line as a user meets it (tests/cli.sh)
PREFIX  ?= /usr/local
DESTDIR ?=
INSTALL ?= install
I_BIN    = $(DESTDIR)$(PREFIX)/bin
I_MAN    = $(DESTDIR)$(PREFIX)/share/man/man1
I_FONTS  = $(DESTDIR)$(PREFIX)/share/inkpress/fonts
DEB_PKGS += man-db

.PHONY: install uninstall install-test cli-test
install: all
	$(INSTALL) -d "$(I_BIN)" "$(I_MAN)" "$(I_FONTS)"
	$(INSTALL) -m 755 $(B)/inkpress $(B)/inkpress-sim "$(I_BIN)/"
	$(INSTALL) -m 644 docs/inkpress.1 "$(I_MAN)/inkpress.1"
	printf '.so man1/inkpress.1\n' >"$(I_MAN)/inkpress-sim.1" && chmod 644 "$(I_MAN)/inkpress-sim.1"
	$(INSTALL) -m 644 $(FONTS) "$(I_FONTS)/"
	$(INSTALL) -m 644 fonts/README.md "$(I_FONTS)/README.md"

uninstall:
	rm -f "$(I_BIN)/inkpress" "$(I_BIN)/inkpress-sim" "$(I_MAN)/inkpress.1" "$(I_MAN)/inkpress-sim.1"
	rm -f $(addprefix "$(I_FONTS)/",$(notdir $(FONTS)) README.md)
	-rmdir "$(I_FONTS)" "$(DESTDIR)$(PREFIX)/share/inkpress" 2>/dev/null

install-test: all $(SAMPLE)
	sh tests/install.sh

cli-test: all $(SAMPLE)
	sh tests/cli.sh

TEST_EXTRA += cli-test install-test

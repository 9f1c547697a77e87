#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/install.sh: make install into a staging folder (DESTDIR), then use
# the installed tree as a user would, from elsewhere and with no font
# settings; then make uninstall must take every file away again.
set -u
B=${B:-build}
STAGE=$(pwd)/$B/stage
P=/usr
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
rm -rf "$STAGE"
make --no-print-directory -s install DESTDIR="$STAGE" PREFIX=$P >"$B/install.log" 2>&1 || bad "make install: $(cat "$B/install.log")"
for f in bin/inkpress bin/inkpress-sim share/man/man1/inkpress.1 share/man/man1/inkpress-sim.1 \
    share/inkpress/fonts/regular.ttf share/inkpress/fonts/bold.ttf share/inkpress/fonts/italic.ttf \
    share/inkpress/fonts/README.md share/inkpress/hyphen/hyph_ru.dic share/inkpress/hyphen/hyph_uk.dic; do
    if [ -f "$STAGE$P/$f" ]; then ok; else bad "make install did not put $P/$f"; fi
done
[ -x "$STAGE$P/bin/inkpress" ] && ok || bad "inkpress is not executable"

# The installed programs find their fonts beside themselves, from any folder.
ed=$(pwd)/$B/sample.ink
work=$B/stage-run
rm -rf "$work"
mkdir -p "$work"
if (cd "$work" && env -u INKPRESS_FONTS "$STAGE$P/bin/inkpress" preview "$ed" --article 1 --page 1 -o pages >/dev/null) &&
    [ -f "$work/pages/001-001.png" ]; then ok; else bad "installed inkpress preview did not find its fonts"; fi
if (cd "$work" && env -u INKPRESS_FONTS "$STAGE$P/bin/inkpress-sim" "$ed" --keys "select" -o sim >/dev/null) &&
    [ -f "$work/sim/frame-0002.png" ]; then ok; else bad "installed inkpress-sim did not run"; fi

# Both manual pages show (inkpress-sim's is a link to inkpress's).
if command -v man >/dev/null; then
    for m in inkpress inkpress-sim; do
        if MANPATH="$STAGE$P/share/man" man -P cat "$m" 2>/dev/null | grep -q "inkpress-sim edition.ink"; then ok; else
            bad "man $m from the staged tree"
        fi
    done
fi

make --no-print-directory -s uninstall DESTDIR="$STAGE" PREFIX=$P >"$B/uninstall.log" 2>&1 || bad "make uninstall"
left=$(find "$STAGE" -type f | sed "s|^$STAGE||")
if [ -z "$left" ]; then ok; else bad "make uninstall left: $left"; fi
[ -d "$STAGE$P/share/inkpress" ] && bad "make uninstall left share/inkpress" || ok
echo "install: $pass passed, $fail failed"
[ $fail -eq 0 ]

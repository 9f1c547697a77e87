#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/debsrc.sh: mk/debsrc.sh, without the network: the deb-src list it
# makes from a machine's apt sources (both styles, a mirror named twice, a
# disabled stanza, options in brackets) and the order it tries versions in.
B=${B:-build}
OUT=$B/debsrc-test
rm -rf "$OUT" && mkdir -p "$OUT/etc/sources.list.d"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "debsrc: FAIL: $*"; }

cat >"$OUT/etc/sources.list.d/debian.sources" <<'SRC'
Types: deb
# a comment line
URIs: http://mirror.example/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://mirror.example/debian-security/
Suites: bookworm-security
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://off.example/debian
Suites: sid
Components: main
Enabled: no
SRC
cat >"$OUT/etc/sources.list" <<'SRC'
# the same mirror again, as debootstrap writes it
deb http://mirror.example/debian bookworm main
deb [arch=amd64 signed-by=/usr/share/keyrings/other.gpg] http://other.example/debian bookworm main non-free
deb-src http://mirror.example/debian bookworm main
SRC
cat >"$OUT/want" <<'SRC'
Types: deb-src
URIs: http://mirror.example/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://mirror.example/debian
Suites: bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://mirror.example/debian-security
Suites: bookworm-security
Components: main contrib
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://other.example/debian
Suites: bookworm
Components: main non-free
Signed-By: /usr/share/keyrings/other.gpg

SRC
APT_ETC=$OUT/etc sh mk/debsrc.sh "$OUT" --sources-only >"$OUT/got" 2>"$OUT/err"
if cmp -s "$OUT/want" "$OUT/got"; then ok; else bad "the deb-src list differs:"; diff "$OUT/want" "$OUT/got"; fi

# No mirror at all: a clear error, not an empty list.
rm -rf "$OUT/none" && mkdir -p "$OUT/none/sources.list.d"
if APT_ETC=$OUT/none sh mk/debsrc.sh "$OUT" --sources-only >/dev/null 2>"$OUT/err"; then
    bad "no mirror: exit 0"
else
    grep -q "no Debian mirror" "$OUT/err" && ok || bad "no mirror: $(cat "$OUT/err")"
fi

# dpkg's order, newest first: an epoch wins, a security update beats its base, ~ sorts before.
got=$(sh mk/debsrc.sh "$OUT" --order 1:1.2.13.dfsg-1 1:1.2.13.dfsg-1+deb12u1 1.3.1-1 1:1.2.13~rc1-1)
want="1:1.2.13.dfsg-1+deb12u1 1:1.2.13.dfsg-1 1:1.2.13~rc1-1 1.3.1-1"
[ "$got" = "$want" ] && ok || bad "order: got '$got', want '$want'"

echo "debsrc: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -eq 3 ]

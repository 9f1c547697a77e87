#!/bin/sh
# SPDX-License-Identifier: MIT
# mk/texhyph.sh: TeX's hyphenation patterns (hyph-utf8) for languages whose
# Debian hyphen-* package is too thin to set a justified column (Russian,
# Ukrainian), taken from the TeX Live package that carries them, without
# installing it (it would pull in all of TeX). Run by `make deps` (through
# `make tex-hyphen`); the build converts what it leaves (mk/texhyph.py) and
# `make test` only reads it.
#
# usage: sh mk/texhyph.sh DEBS OUT PACKAGE LANG...
#   DEBS     where the .deb is kept (build/deb)
#   OUT      where the pattern files go (build/tex-hyph): hyph-LANG.tex,
#            hyph-LANG.pat.txt and hyph-LANG.hyp.txt when the package has one
#   PACKAGE  the binary package (texlive-lang-cyrillic)
#   LANG     hyph-utf8's language tags (ru uk)
#
# The download is `apt-get download` with the machine's own lists and
# mirror (nothing installed, the apt configuration left alone), bounded in
# time; the files come out with dpkg-deb and tar.
set -u
DEB=$1
OUT=$2
PKG=$3
shift 3
IN=./usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns

die() { echo "texhyph: $*" >&2; exit 1; }

command -v apt-get >/dev/null || die "no apt-get: the patterns come from Debian's $PKG (run on Debian, or copy hyph-LANG.pat.txt and hyph-LANG.tex into $OUT)"
command -v dpkg-deb >/dev/null || die "no dpkg-deb (package dpkg)"
mkdir -p "$DEB" "$OUT"

candidate() { apt-cache policy "$PKG" 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" { print $2 }'; }
ver=$(candidate)
if [ -z "$ver" ]; then
  # Lists cleaned away (a container image): fetched again as `make deps`
  # does before it installs.
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >/dev/null 2>&1
  ver=$(candidate)
fi
[ -n "$ver" ] ||
  die "the machine's apt lists know no package '$PKG' (run 'apt-get update' as root, then 'make deps' again)"
file=$(ls "$DEB/${PKG}_"*.deb 2>/dev/null | head -n 1)
if [ -z "$file" ] || ! dpkg-deb --info "$file" >/dev/null 2>&1; then
  rm -f "$DEB/${PKG}_"*.deb
  echo "texhyph: downloading $PKG $ver (about 20 MB) for its hyphenation patterns"
  (cd "$DEB" && timeout 600 apt-get -qq -o Acquire::Retries=1 -o Acquire::http::Timeout=30 \
      -o Acquire::https::Timeout=30 download "$PKG" >/dev/null 2>&1) ||
    die "apt-get download $PKG failed or timed out (no network? the mirror in /etc/apt/sources.list.d)"
  file=$(ls "$DEB/${PKG}_"*.deb 2>/dev/null | head -n 1)
  [ -n "$file" ] || die "apt-get download $PKG left no .deb in $DEB"
fi

# The paths wanted, those of them the package has.
list=$(dpkg-deb --contents "$file" | awk '{ print $NF }') || die "$file is not a readable .deb"
want=""
for l in "$@"; do
  for p in "$IN/tex/hyph-$l.tex" "$IN/txt/hyph-$l.pat.txt" "$IN/txt/hyph-$l.hyp.txt"; do
    if printf '%s\n' "$list" | grep -qxF "$p"; then
      want="$want $p"
    else
      case $p in *.hyp.txt) ;; *) die "$PKG has no $p";; esac
    fi
  done
done
rm -rf "$OUT.new" && mkdir -p "$OUT.new"
# shellcheck disable=SC2086
dpkg-deb --fsys-tarfile "$file" | tar -x -C "$OUT.new" $want || die "could not unpack the patterns from $file"
for p in $want; do mv "$OUT.new/$p" "$OUT/"; done
rm -rf "$OUT.new"
echo "$PKG $ver" >"$OUT/.version"
echo "texhyph: patterns for $* from $PKG $ver in $OUT"

#!/bin/sh
# SPDX-License-Identifier: MIT
# mk/debsrc.sh: Debian source packages for the board build, unpacked with
# Debian's patches applied. Run by `make deps` (through `make
# firmware-sources`); `make test` only reads what it left.
#
# usage: sh mk/debsrc.sh BUILD SOURCE:BINARY...
#        sh mk/debsrc.sh BUILD --sources-only   the sources list it would use
#        sh mk/debsrc.sh BUILD --order V...     versions, newest first
#   BUILD   the build folder (build): apt's lists and cache go to
#           BUILD/apt-lists and BUILD/apt-cache, the sources to
#           BUILD/deb-src/SOURCE
#   SOURCE  a source package (zlib), BINARY the installed binary package
#           whose version the source must match (zlib1g)
#
# The machine's apt configuration is left alone: apt gets a sources list of
# the build's own, BUILD/src.sources, made from the machine's own sources
# (/etc/apt/sources.list.d/*.sources and /etc/apt/sources.list, every "deb"
# entry turned into "deb-src"), so the build follows the mirror the machine
# uses. The version tried first is the installed binary's; then every other
# version the sources offer, newest first (a mirror that answers 404 for one
# suite's files leaves the others). Each download is bounded in time.
set -u
B=$1
shift
LIST=$B/src.sources
APT="-o Dir::Etc::sourcelist=$(pwd)/$LIST -o Dir::Etc::sourceparts=/nonexistent
     -o Dir::State::Lists=$(pwd)/$B/apt-lists -o Dir::Cache=$(pwd)/$B/apt-cache
     -o Acquire::Retries=1 -o Acquire::http::Timeout=30 -o Acquire::https::Timeout=30"

die() { echo "debsrc: $*" >&2; exit 1; }

# The versions given, newest first in dpkg's order (an insertion sort: a
# source package has a handful).
newest_first() {
  out=""
  for v in "$@"; do
    placed="" new=""
    for o in $out; do
      if [ -z "$placed" ] && dpkg --compare-versions "$v" gt "$o"; then new="$new $v"; placed=1; fi
      new="$new $o"
    done
    [ -n "$placed" ] || new="$new $v"
    out=$new
  done
  echo $out
}

# For tests/debsrc.sh: the dpkg ordering alone.
[ "${1:-}" = --order ] && { shift; newest_first "$@"; exit 0; }

# --- the machine's sources, as deb-src -----------------------------------------
# Every "deb" entry of the machine's sources (deb822 .sources files and
# one-line .list files alike) becomes one deb-src stanza per mirror and
# suite; a mirror and suite named twice (a debootstrapped root has both
# styles) is written once, with the first entry's key.
mkdir -p "$B/apt-lists/partial" "$B/apt-cache/archives/partial" "$B/deb-src"
APT_ETC=${APT_ETC:-/etc/apt}
for f in "$APT_ETC"/sources.list.d/*.sources; do [ -f "$f" ] && { cat "$f"; echo; }; done |
  awk 'BEGIN { RS = ""; FS = "\n" }
       {
         types = uris = suites = comps = signed = ""; enabled = 1
         for (i = 1; i <= NF; i++) {
           line = $i
           if (line ~ /^#/) continue
           key = line; sub(/:.*/, "", key); val = line; sub(/^[^:]*:[ \t]*/, "", val)
           if (key == "Types") types = val
           else if (key == "URIs") uris = val
           else if (key == "Suites") suites = val
           else if (key == "Components") comps = val
           else if (key == "Signed-By") signed = val
           else if (key == "Enabled" && val ~ /^no/) enabled = 0
         }
         if (!enabled || (" " types " ") !~ / deb /) next
         nu = split(uris, U, " "); ns = split(suites, S, " ")
         for (a = 1; a <= nu; a++) for (b = 1; b <= ns; b++) print U[a] "\t" S[b] "\t" comps "\t" signed
       }' >"$LIST.entries"
for f in "$APT_ETC"/sources.list "$APT_ETC"/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  awk '$1 == "deb" {
         signed = ""; i = 2
         if ($2 ~ /^\[/) {
           while (i <= NF) {
             if ($i ~ /signed-by=/) { s = $i; sub(/.*signed-by=/, "", s); sub(/\]$/, "", s); signed = s }
             if ($i ~ /\]$/) { i++; break }
             i++
           }
         }
         comps = ""
         for (j = i + 2; j <= NF; j++) comps = comps (comps == "" ? "" : " ") $j
         print $i "\t" $(i + 1) "\t" comps "\t" signed
       }' "$f"
done >>"$LIST.entries"
awk -F '\t' '{ u = $1; sub(/\/+$/, "", u) }
     !seen[u " " $2]++ {
       printf "Types: deb-src\nURIs: %s\nSuites: %s\n", u, $2
       if ($3 != "") printf "Components: %s\n", $3
       if ($4 != "") printf "Signed-By: %s\n", $4
       printf "\n"
     }' "$LIST.entries" >"$LIST.new"
rm -f "$LIST.entries"
grep -q '^URIs:' "$LIST.new" || die "no Debian mirror in the machine's apt sources (/etc/apt/sources.list.d/*.sources, /etc/apt/sources.list)"
[ "${1:-}" = --sources-only ] && { cat "$LIST.new"; rm -f "$LIST.new"; exit 0; }
if cmp -s "$LIST.new" "$LIST"; then rm -f "$LIST.new"; else mv "$LIST.new" "$LIST"; fi

# --- the lists: once a day is enough -------------------------------------------
stamp=$B/apt-lists/.updated
if [ -z "$(find "$stamp" -newer "$LIST" -mtime -1 2>/dev/null)" ]; then
  # shellcheck disable=SC2086
  apt-get -qq $APT update || die "apt-get update failed for the deb-src lists ($LIST)"
  touch "$stamp"
fi

# --- each source package ----------------------------------------------------------
for pair in "$@"; do
  src=${pair%%:*}
  bin=${pair#*:}
  dest=$B/deb-src/$src
  [ -f "$dest/.unpacked" ] && continue
  want=$(dpkg-query -W -f='${Version}' "$bin" 2>/dev/null)
  # shellcheck disable=SC2086
  offered=$(apt-cache $APT showsrc "$src" 2>/dev/null | awk '/^Version:/ { print $2 }' | sort -u)
  [ -n "$offered" ] || die "the mirror's sources list no source package '$src' (for $bin)"
  newest_first=$(newest_first $offered)
  order=""
  if [ -n "$want" ] && printf '%s\n' $offered | grep -qxF "$want"; then order=$want; fi
  for v in $newest_first; do [ "$v" = "$want" ] || order="$order $v"; done
  got=""
  for v in $order; do
    rm -rf "$B/deb-src/dl-$src" && mkdir -p "$B/deb-src/dl-$src"
    # shellcheck disable=SC2086
    if (cd "$B/deb-src/dl-$src" && timeout 600 apt-get -qq $APT source --download-only "$src=$v" >/dev/null 2>&1); then
      got=$v
      break
    fi
    echo "debsrc: $src $v could not be downloaded; trying the next version" >&2
  done
  [ -n "$got" ] || die "no version of the source package '$src' could be downloaded (tried:$order)"
  [ "$got" = "$want" ] || echo "debsrc: $src: the installed $bin is $want; using the source of $got" >&2
  rm -rf "$dest"
  dsc=$(ls "$B/deb-src/dl-$src"/*.dsc | head -n 1)
  dpkg-source --no-check -x "$dsc" "$dest" >/dev/null || die "dpkg-source could not unpack $dsc"
  echo "$got" >"$dest/.version"
  touch "$dest/.unpacked"
  echo "debsrc: $src $got unpacked in $dest"
done

#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench.sh BBC_DIR: the figures of `make bench`. Figures, not pass/fail.
set -eu
BBC=${1:-../shared/data/bbc}
B=build
O=$B/bench
rm -rf "$O"
mkdir -p "$O"
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l 2>/dev/null || awk "BEGIN{print $2 - $1}"; }
fig() { awk "BEGIN{printf \"%.${3:-2}f\", $1 / $2}"; }

edition() { # name input...
    name=$1
    shift
    t0=$(now)
    $B/inkpress pack -q -o "$O/$name.ink" --name "$name" "$@"
    t1=$(now)
    $B/inkpress extract "$O/$name.ink" >"$O/$name.txt"
    in=$(cat $(find "$@" -type f -name '[0-9]*.txt' -o -type f -name '*.txt' -path '*samples*' | sort -u) | wc -c)
    txt=$(wc -c <"$O/$name.txt")
    bundle=$(wc -c <"$O/$name.ink")
    textsec=$($B/inkpress inspect "$O/$name.ink" | awk '$1 == "TEXT" {print $3}')
    gz=$(gzip -9 -c "$O/$name.txt" | wc -c)
    xz=$(xz -9 -c "$O/$name.txt" | wc -c)
    dt=$(awk "BEGIN{print $t1 - $t0}")
    echo "== $name"
    echo "pack:    $in input bytes in $(fig $dt 1 3) s = $(fig "$in / 1048576" "$dt") MB/s (clean + deflate -9 + write)"
    echo "text:    $txt bytes as 'inkpress extract' prints it"
    echo "bundle:  $bundle bytes; TEXT section $textsec bytes (one raw deflate stream per article)"
    echo "ratio:   bundle $(fig "$txt" "$bundle"):1   gzip -9 $gz bytes $(fig "$txt" "$gz"):1   xz -9 $xz bytes $(fig "$txt" "$xz"):1"
    $B/inkpress preview "$O/$name.ink" -o "$O/$name-pv" --dry-run | sed 's/^/render:  /'
}

edition sample samples/
if [ -d "$BBC" ]; then
    edition bbc "$BBC"
    echo "== BBC corpus through the device code (test_corpus)"
    $B/tests/test_corpus "$BBC" 2>&1 | grep '^corpus:' | sed 's/^corpus: /layout:  /'
else
    echo "== BBC corpus: $BBC not found, skipped"
fi

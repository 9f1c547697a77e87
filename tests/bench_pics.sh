#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench_pics.sh: figures for pictures (make bench-pics, part of make
# bench): bytes per picture and per edition with and without pictures,
# instructions to draw a page with a picture (callgrind), pool high-water
# at every profile. The picture edition is samples/pics/ with its photos
# (mk/pics.mk builds the folder).
set -u
B=${B:-build}
P=${1:-$B/pics}
O=$B/bench-pics
mkdir -p "$O"
echo "== pictures (samples/pics/: mate-backgrounds' LadyBird and Storm, gnome's wood)"
for mode in all lead none; do
    $B/inkpress pack -v --images $mode -o "$O/p-$mode.ink" --name Pictures --date 2026-11-29 "$P"/*.html 2>"$O/p-$mode.err"
    n=$(grep -c ': picture [0-9]*: ' "$O/p-$mode.err")
    printf 'pics:    --images %-4s %8s bytes an edition, %s pictures\n' $mode "$(wc -c <"$O/p-$mode.ink")" "$n"
done
grep ': picture [0-9]*: ' "$O/p-all.err" | sed 's/^.*: picture /pics:    picture /'
if command -v valgrind >/dev/null; then
    # page 1 of the first article holds the lead photo, page 2 text only:
    # turning back and forth draws each N times; the same turns in the
    # edition without pictures give the text's share
    turns=6
    keys0="select next"
    keys1="$keys0$(i=0; while [ $i -lt $turns ]; do printf ' prev next'; i=$((i + 1)); done)"
    ir() { # edition profile keys
        valgrind --tool=callgrind --callgrind-out-file="$O/cg.out" $B/inkpress-sim "$1" --profile "$2" --keys "$3" \
            --no-frames >/dev/null 2>"$O/cg.err"
        grep -o 'Collected : [0-9]*' "$O/cg.err" | awk '{print $3}'
    }
    for pr in waveshare-7in5 inkplate6 kobo-clara; do
        a=$(ir "$O/p-all.ink" $pr "$keys0")
        b=$(ir "$O/p-all.ink" $pr "$keys1")
        c=$(ir "$O/p-none.ink" $pr "$keys0")
        d=$(ir "$O/p-none.ink" $pr "$keys1")
        printf 'pics:    %-15s %10s instructions to turn to a page with a picture and back (%s without it)\n' $pr \
            "$(awk "BEGIN{printf \"%d\", ($b - $a) / $turns}")" "$(awk "BEGIN{printf \"%d\", ($d - $c) / $turns}")"
    done
fi
for pr in waveshare-7in5 inkplate6 lilygo-t5 kobo-clara remarkable2; do
    $B/inkpress preview "$O/p-all.ink" -p $pr -o "$O/pv-$pr" | grep -o 'pool high-water.*' | sed "s/^/pics:    $pr /"
done

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
    /usr/bin/time -f '%U %S' -o "$O/$name.cpu" $B/inkpress pack -q -v -o "$O/$name.ink" --name "$name" "$@" 2>"$O/$name.pack"
    t1=$(now)
    $B/inkpress pack -q --fast -o "$O/$name-fast.ink" --name "$name" "$@"
    t2=$(now)
    $B/inkpress pack -q --fast --no-dict --group-bytes 1 -o "$O/$name-alone.ink" --name "$name" "$@"
    # the texts stored in reading order: what ORDR's storage order saves
    $B/inkpress pack -q --no-order -o "$O/$name-noorder.ink" --name "$name" "$@"
    $B/inkpress extract "$O/$name.ink" >"$O/$name.txt"
    in=$(cat $(find "$@" -type f -name '*.txt' ! -iname 'readme*' | sort) | wc -c)
    txt=$(wc -c <"$O/$name.txt")
    bundle=$(wc -c <"$O/$name.ink")
    fast=$(wc -c <"$O/$name-fast.ink")
    alone=$(wc -c <"$O/$name-alone.ink")
    noorder=$(wc -c <"$O/$name-noorder.ink")
    g0=$(now)
    gz=$(gzip -9 -c "$O/$name.txt" | wc -c)
    g1=$(now)
    xz=$(xz -9 -c "$O/$name.txt" | wc -c)
    g2=$(now)
    zs=$(if command -v zstd >/dev/null; then zstd -19 -q -c "$O/$name.txt" | wc -c; else echo 0; fi)
    dt=$(awk "BEGIN{print $t1 - $t0}")
    dtf=$(awk "BEGIN{print $t2 - $t1}")
    echo "== $name: $txt bytes of text (as 'inkpress extract' prints it), from $in input bytes"
    grep -o 'sections:.*' "$O/$name.pack" | sed 's/^/bundle:  /'
    grep -o 'hyphenation:.*' "$O/$name.pack" | sed 's/^/bundle:  /'
    grep -o 'seconds:.*' "$O/$name.pack" | sed 's/^seconds:/pack:    steps (s):/'
    grep -o 'CPU of the steps:.*' "$O/$name.pack" | sed 's/^CPU of the steps:/pack:    steps (s of CPU):/'
    fonts=$(grep -o 'FONT [0-9]*\|KERN [0-9]*' "$O/$name.pack" | awk '{s += $2} END {print s + 0}')
    payload=$((bundle - fonts))
    printf 'size:    %-34s %9s bytes  %5s:1\n' "bundle (zdict 12, dict, groups)" "$bundle" "$(fig "$txt" "$bundle")"
    printf 'size:    %-34s %9s bytes  %5s:1\n' "  its text payload (all but fonts)" "$payload" "$(fig "$txt" "$payload")"
    printf 'size:    %-34s %9s bytes  %5s:1\n' "bundle --no-order (reading order)" "$noorder" "$(fig "$txt" "$noorder")"
    grep -o 'order:.*' "$O/$name.pack" | sed "s/^order: /size:    storage order: /;s/\$/; $((noorder - bundle)) bytes saved/"
    printf 'size:    %-34s %9s bytes  %5s:1\n' "bundle --fast (zlib -9)" "$fast" "$(fig "$txt" "$fast")"
    printf 'size:    %-34s %9s bytes  %5s:1\n' "per-article deflate -9, no dict" "$alone" "$(fig "$txt" "$alone")"
    printf 'size:    %-34s %9s bytes  %5s:1  in %s s\n' "gzip -9, all text in one stream" "$gz" "$(fig "$txt" "$gz")" \
        "$(awk "BEGIN{printf \"%.2f\", $g1 - $g0}")"
    printf 'size:    %-34s %9s bytes  %5s:1  in %s s\n' "xz -9, all text in one stream" "$xz" "$(fig "$txt" "$xz")" \
        "$(awk "BEGIN{printf \"%.2f\", $g2 - $g1}")"
    [ "$zs" -gt 0 ] && printf 'size:    %-34s %9s bytes  %5s:1\n' "zstd -19, all text in one stream" "$zs" "$(fig "$txt" "$zs")"
    echo "pack:    $(fig $dt 1 2) s = $(fig "$in / 1048576" "$dt") MB/s wall on $(nproc 2>/dev/null || echo '?') cores, load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?') (clean, typeset, patterns, dictionary, zdict 12), $(awk '{printf "%.2f", $1 + $2}' "$O/$name.cpu") s of CPU; --fast $(fig $dtf 1 2) s = $(fig "$in / 1048576" "$dtf") MB/s"
    for l in 11 10; do # zdict's lighter levels: the streams step's seconds against bytes
        $B/inkpress pack -q -v --level $l -o "$O/$name-l$l.ink" --name "$name" "$@" 2>"$O/$name-l$l.pack"
        echo "pack:    --level $l: streams $(grep -o 'streams [0-9.]*' "$O/$name-l$l.pack" | cut -d' ' -f2) s (level 12: $(grep -o 'streams [0-9.]*' "$O/$name.pack" | cut -d' ' -f2) s), $(wc -c <"$O/$name-l$l.ink") bytes ($(($(wc -c <"$O/$name-l$l.ink") - bundle)) more)"
    done
    $B/inkpress inspect "$O/$name.ink" | grep -o 'opening an article took.*' | sed 's/^/memory:  /;s/$/ (zlib state and 32 KiB window included)/'
    $B/inkpress preview "$O/$name.ink" -o "$O/$name-pv" --dry-run | sed 's/^/render:  /'
}

edition sample samples/*.txt
if [ -d "$BBC" ]; then
    edition bbc "$BBC"
    echo "== BBC corpus through the device code (test_corpus)"
    $B/tests/test_corpus "$BBC" 2>&1 | grep '^corpus:' | sed 's/^corpus: /layout:  /'
else
    echo "== BBC corpus: $BBC not found, skipped"
fi

# Line breaking per language: loose lines (spaces drawn past 1.5 and 2 times
# natural) at the default profile, on real German and French pages (the
# traf-dev pages whose <html lang> says so) and the Russian samples; and the
# break marks CJK and Thai text carries (the device's own CJK rule needs none).
stats() { # name input...
    name=$1
    shift
    $B/inkpress pack -q --fast -o "$O/$name.ink" --name "$name" "$@" 2>/dev/null || true
    [ -f "$O/$name.ink" ] || return 0
    $B/inkpress preview "$O/$name.ink" --stats --dry-run | grep -E 'justified|hyphenated|line breaking' |
        sed "s/^ */breaking $name: /"
}
TRAF=$(dirname "$BBC")/traf-dev
if [ -d "$TRAF" ]; then
    for l in de fr; do
        mkdir -p "$O/traf-$l"
        for f in "$TRAF"/*.html; do
            head -c 3000 "$f" | grep -qi "<html[^>]*lang=\"$l[-\"_]" && ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$O/traf-$l/"
        done
        stats "$l-traf-dev-$(ls "$O/traf-$l" | wc -l)-pages" "$O/traf-$l"
    done
fi
stats ru-samples samples/world/ru-*.txt
$B/inkpress pack -q --fast -o "$O/world.ink" samples/world/zh-*.txt samples/world/ja-*.txt samples/world/th-*.txt
python3 - "$O/world.ink" <<'PY'
import io, sys
sys.path.insert(0, "tests")
import spec_parse
spec_parse.unhint = lambda b: b.decode("utf-8", "replace")  # keep the marks
out, sys.stdout = sys.stdout, io.StringIO()
sys.argv = ["spec_parse", sys.argv[1]]
spec_parse.main()
text, sys.stdout = sys.stdout.getvalue(), out
for art in text.split("\f\n"):
    body = art.split("\n\n", 1)[1]
    marks = sum(body.count(c) for c in "\x14\x15\x16\x17\x1a")
    print("marks:   %-28s %5d characters, %5d UTF-8 bytes, %4d break marks" % (art.split("\n")[0][7:27], len(body), len(body.encode()), marks))
PY

# Instructions per page turn on the device code, counted by callgrind (the
# same on any machine): a session that opens the long feature and turns N
# pages, minus one that only opens it, divided by N.
if command -v valgrind >/dev/null; then
    echo "== page turns (valgrind --tool=callgrind, instructions; sample edition, inkplate6)"
    turns=30
    keys0="next next next next next next select"
    keys1="$keys0$(i=0; while [ $i -lt $turns ]; do printf ' next'; i=$((i + 1)); done)"
    ed="$O/sample.ink"
    ir() { # keys extra-args...
        k=$1
        shift
        valgrind --tool=callgrind --callgrind-out-file="$O/cg.out" $B/inkpress-sim "$ed" --keys "$k" \
            --no-frames "$@" >/dev/null 2>"$O/cg.err"
        grep -o 'Collected : [0-9]*' "$O/cg.err" | awk '{print $3}'
    }
    for mode in total-fit greedy; do
        arg=""
        [ $mode = greedy ] && arg=--greedy
        for cache in warm cold; do
            carg=""
            [ $cache = cold ] && carg=--cold-glyphs
            a=$(ir "$keys0" $arg $carg)
            b=$(ir "$keys1" $arg $carg)
            printf 'turn:    %-9s %-4s glyph cache  %8s instructions a page turn (draw, diff, refresh)\n' $mode $cache \
                "$(awk "BEGIN{printf \"%d\", ($b - $a) / $turns}")"
        done
    done
    # The same with the hyphenation patterns forced into the sample: the
    # reader then finds the soft hyphens itself.
    $B/inkpress pack -q --patterns -o "$O/sample-patterns.ink" samples/*.txt
    ed="$O/sample-patterns.ink"
    a=$(ir "$keys0")
    b=$(ir "$keys1")
    printf 'turn:    %-9s %-4s glyph cache  %8s instructions a page turn, soft hyphens from HYPH patterns\n' total-fit warm \
        "$(awk "BEGIN{printf \"%d\", ($b - $a) / $turns}")"
    a=$(ir "$keys0" --cold-glyphs)
    b=$(ir "$keys1" --cold-glyphs)
    printf 'turn:    %-9s %-4s glyph cache  %8s instructions a page turn, soft hyphens from HYPH patterns\n' total-fit cold \
        "$(awk "BEGIN{printf \"%d\", ($b - $a) / $turns}")"
    $B/inkpress-sim "$O/sample.ink" --keys "$keys1" -o "$O/cg-frames" | sed 's/^/pool:    long feature, every page: /'
fi

# Other scripts (samples/world/): the bundle of each language alone (its
# text, its fallback face subset to it, the three faces), and instructions
# per page turn on a page of Devanagari, Arabic and Chinese next to the
# Latin one above (turning between the article's first two pages, so each
# turn draws a full page of that script).
echo "== other scripts (samples/world/)"
for f in samples/world/*.txt; do
    [ -f "$f" ] || continue
    l=$(basename "$f" | cut -d- -f1)
    $B/inkpress pack -q -v -o "$O/world-$l.ink" "$f" 2>"$O/world-$l.pack"
    printf 'size:    %-3s %8s bytes; other-script faces %s bytes; %s\n' "$l" "$(wc -c <"$O/world-$l.ink")" \
        "$(grep -o '[0-9]* faces for other scripts, [0-9]* bytes' "$O/world-$l.pack" | awk '{print $6}')" \
        "$(grep -o 'shaped: [0-9]* runs of [0-9]* glyphs' "$O/world-$l.pack" || echo 'not shaped')"
done
if command -v valgrind >/dev/null; then
    turns=10
    for l in hi ar zh; do
        f=$(ls samples/world/$l-*.txt 2>/dev/null | head -n 1)
        if [ -z "$f" ]; then
            echo "turn:    $l: no samples/world/$l-*.txt"
            continue
        fi
        ed="$O/world-$l.ink"
        [ -f "$ed" ] || $B/inkpress pack -q -o "$ed" "$f"
        pages=$($B/inkpress preview "$ed" -o "$O/world-$l-pv" | grep -o '^[0-9]* page' | awk '{print $1}')
        if [ "${pages:-0}" -lt 2 ]; then
            echo "turn:    $l: one page only, no turn to count"
            continue
        fi
        keys0="select next"
        keys1="$keys0$(i=0; while [ $i -lt $turns ]; do printf ' prev next'; i=$((i + 1)); done)"
        a=$(ir "$keys0")
        b=$(ir "$keys1")
        printf 'turn:    %-9s %-4s glyph cache  %8s instructions a page turn, %s\n' total-fit warm \
            "$(awk "BEGIN{printf \"%d\", ($b - $a) / (2 * $turns)}")" "$(basename "$f")"
    done
fi

#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench-decoders.sh: the figures of `make bench-decoders` (issue 19
# item 4): zlib's inflate as the device runs it against a decode-only zstd
# with a trained dictionary of the same size, on every board, over every
# article group of the BBC edition. Figures, not pass/fail (it fails only
# when a decoder does not give a group's text back).
#
# usage: [INKPRESS=build/inkpress] sh tests/bench-decoders.sh "GROUP-DIR..." RUN...
#   GROUP-DIR  build/decbench/g<bytes>: decbench.bin and sizes.txt
#              (tests/decbench.py) of the edition packed in groups of
#              <bytes> of text
#   RUN        "BOARD VARIANT CPU ELF-DIR ZLIB-DIR SIZE-COMMAND QEMU-COMMAND...",
#              one per board and zstd build (mk/fw-decoders.mk makes them)
#
# Columns: ratio is the groups' text over the compressed streams and the
# dictionary as the bundle would hold it. Flash is counted from each
# program's link map: the code, read-only and initialised data the linker
# kept (after --gc-sections) from zlib's inflate objects (inflate,
# inftrees, inffast, zutil, adler32; crc32 left out, the bench's own check)
# or from zstd's (the C library's memcpy and memset shared, left out).
# State is the decoder's working memory (zlib's state and window from the
# pool; zstd's static DCtx, and its DDict when one is kept); output the
# buffer a decode needs (inflate: the article, as firmware/ink_bundle.c
# decodes only up to it; zstd in one call: the whole group); peak their
# sum, over the largest article and group. Instructions per KiB of text
# out, every group decoded from the start with its dictionary; and per
# article opened (the mean over the edition's articles, in millions):
# inflate stops at the article's end, zstd in one call decodes the group.
set -eu
GROUPS=$1
shift
[ $# -gt 0 ] || { echo "bench-decoders: no board with its compiler and QEMU installed (make deps)"; exit 1; }
fig() { awk "BEGIN{printf \"%.${3:-3}f\", $1 / $2}"; }
val() { v=$(awk -v k="$1" '$1 == k { print $2 }' "$2"); echo "${v:-0}"; }

# Code and read-only data, initialised data and bss the link kept from the
# objects whose paths match $2, from the map $1.
kept() {
    awk -v pat="$2" '
      function hex(h,   i, n) {
        n = 0
        for (i = 3; i <= length(h); i++) n = n * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
        return n
      }
      /^Linker script and memory map/ { on = 1; next }
      !on { next }
      /^ \.[^ ]+$/ { sec = $1; next }
      /^ \.[^ ]+ +0x[0-9a-f]+ +0x[0-9a-f]+ / { sec = $1; size = $3; file = $4 }
      /^ +0x[0-9a-f]+ +0x[0-9a-f]+ / { size = $2; file = $3 }
      size != "" {
        if (file ~ pat && (sec ~ /^\.(text|rodata|srodata|data|sdata|tdata|bss|sbss|tbss)/ || sec == "COMMON")) {
          n = hex(size)
          if (sec ~ /^\.(s?bss|tbss)/ || sec == "COMMON") bss += n
          else if (sec ~ /^\.(s?data|tdata)/) data += n
          else code += n
        }
        size = ""
      }
      END { printf "%d %d %d\n", code + 0, data + 0, bss + 0 }' "$1"
}

echo "== decoders: the BBC edition's article groups, decoded in QEMU (issue 19 item 4)"
for g in $GROUPS; do
    S=$g/sizes.txt
    [ -s "$g/decbench.bin" ] && [ -s "$S" ] || { echo "bench-decoders: $g/decbench.bin missing"; exit 1; }
    raw=$(val raw "$S")
    gb=$(basename "$g" | tr -d g)
    defl=$(($(val deflate "$S") + $(val deflate_dict "$S")))
    deflraw=$(($(val deflate "$S") + 4 + $(val dict_raw "$S")))
    zst=$(($(val zstd "$S") + $(val zstd_dict "$S")))
    echo "text:    $raw B in $(val groups "$S") groups of up to $gb B ($(val articles "$S") articles; largest group $(val max_group "$S") B, largest article $(val max_article "$S") B)"
    printf 'ratio:   %-62s %8s B  %s:1\n' "inflate, DICT deflated (the bundle today)" "$defl" "$(fig "$raw" "$defl")"
    printf 'ratio:   %-62s %8s B  %s:1\n' "inflate, DICT stored raw (for inflateSetDictionary in place)" "$deflraw" "$(fig "$raw" "$deflraw")"
    printf 'ratio:   %-62s %8s B  %s:1\n' "zstd -19, $(val zstd_dict "$S") B trained dictionary stored raw (referenced in place)" \
        "$zst" "$(fig "$raw" "$zst")"
    if [ -n "${INKPRESS:-}" ]; then
        # As make bench counts it: `inkpress extract`'s text over the bundle
        # but its fonts, with the zstd frames and dictionary in place of
        # the deflate streams and DICT.
        txt=$($INKPRESS extract "$g/bbc.ink" | wc -c)
        pay=$(val payload "$S")
        echo "payload: the bundle but its fonts against 'inkpress extract' ($txt B, as make bench): $(fig "$txt" "$pay"):1 as packed, $(fig "$txt" "($pay - $defl + $zst)"):1 with zstd's"
    fi
done

# Rows gather in a file, keyed by board, group size and order, and are
# printed sorted, one table a board.
ROWS=$(mktemp)
trap 'rm -f "$ROWS"' EXIT
n=0
row() { # board groups decoder flash state output way stack
    n=$((n + 1))
    printf '%s\t%08d\t%04d\t%-6s %-42s %7s %7s %7s %7s %10s %8s %6s\n' "$1" "$2" "$n" "$(($2 / 1024))K" "$3" "$4" "$5" "$6" \
        "$(($5 + $6))" "$(per "$7")" "$(peropen "$7")" "$8" >>"$ROWS"
}

for run in "$@"; do
    set -- $run
    board=$1 variant=$2 cpu=$3 dir=$4 size=$6
    shift 6
    eval "cpu_$(echo "$board" | tr -c 'a-z0-9\n' _)=\$cpu"
    set -- $(kept "$dir/decbench.map" '/z/(inflate|inftrees|inffast|zutil|adler32)\.o$') "$@"
    zf=$(($1 + $2))
    shift 3
    set -- $(kept "$dir/decbench.map" '/zstd/.*\.o$') "$@"
    sf=$(($1 + $2))
    shift 3
    for g in $GROUPS; do
        gb=$(basename "$g" | tr -d g)
        out=$dir/run-$(basename "$g").out
        timeout 900 "$@" -nographic -monitor none -serial none -semihosting-config enable=on,target=native \
            -kernel "$dir/decbench.elf" -append "$g/decbench.bin" >"$out" 2>&1 ||
            { cat "$out"; echo "bench-decoders: the program failed in QEMU on $board"; exit 1; }
        grep -q '^done' "$out" || { cat "$out"; echo "bench-decoders: the program did not finish on $board"; exit 1; }
        S=$g/sizes.txt
        kib=$(fig "$(val raw "$S")" 1024 6)
        art=$(val max_article "$S") grp=$(val max_group "$S")
        per() { fig "$(val "$1.instructions" "$out")" "$kib" 0; }
        peropen() { fig "$(val "$1.open_instructions" "$out")" "($(val "$1.articles" "$out") * 1000000)" 2; }
        if ! grep -q "^$board	0*$gb	.*inflate" "$ROWS"; then
            row "$board" "$gb" "inflate, DICT's stream first (today)" "$zf" "$(val inflate.arena "$out")" "$art" \
                inflate-dictstream "$(val inflate-dictstream.stack "$out")"
            row "$board" "$gb" "inflate, inflateSetDictionary (raw dict)" "$zf" "$(val inflate-setdict.arena "$out")" \
                "$art" inflate-setdict "$(val inflate-setdict.stack "$out")"
        fi
        dctx=$(val zstd.dctx "$out")
        row "$board" "$gb" "zstd $variant, dictionary loaded per group" "$sf" "$dctx" "$grp" zstd-dict \
            "$(val zstd-dict.stack "$out")"
        row "$board" "$gb" "zstd $variant, DDict kept (by reference)" "$sf" "$((dctx + $(val zstd.ddict "$out")))" \
            "$grp" zstd-ddict "$(val zstd-ddict.stack "$out")"
        counter=$(grep '^counter' "$out" | cut -d' ' -f2-)
        ng=$(val groups "$S")
        [ "$gb" != "$(basename "$(echo $GROUPS | cut -d' ' -f1)" | tr -d g)" ] ||
            dicts="the dictionary, at every article opened: DICT's stream $(fig "$(val inflate-dictstream.dict_instructions "$out")" "($ng * 1000000)" 2) M, inflateSetDictionary $(fig "$(val inflate-setdict.dict_instructions "$out")" "($ng * 1000000)" 2) M; zstd's DDict made once in $(val zstd.ddict_instructions "$out") instructions"
    done
    eval "note_$(echo "$board" | tr -c 'a-z0-9\n' _)=\$counter"
    eval "dicts_$(echo "$board" | tr -c 'a-z0-9\n' _)=\$dicts"
done
for board in $(cut -f1 "$ROWS" | uniq); do
    key=$(echo "$board" | tr -c 'a-z0-9\n' _)
    eval "echo \"-- $board (\$cpu_$key; \$note_$key)\""
    printf '%-6s %-42s %7s %7s %7s %7s %10s %8s %6s\n' groups decoder flash state output peak "insns/KiB" "M/open" stack
    grep "^$board	" "$ROWS" | sort -t "$(printf '\t')" -k2,2 -k3,3 | cut -f4-
    eval "echo \"       \$dicts_$key\""
done

#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/qemu.sh: a board build in QEMU against the simulator (make qemu-test,
# make bench-firmware; mk/firmware.mk runs it once per board).
#
# usage: sh tests/qemu.sh EDITION...           every edition read with the
#                                              key script in inkpress-sim
#                                              (raw frames, --pbm) and in
#                                              QEMU: every frame and the
#                                              refresh log must be equal
#                                              byte for byte; the first
#                                              edition's frames must equal
#                                              every other's (the same text
#                                              packed another way)
#        sh tests/qemu.sh --bench EDITION...   flash, RAM all-in, stack,
#                                              pool and instructions for
#                                              each edition
# environment: B (build), OUT (the board's build folder), BOARD (its name
# for messages), KEYS (the key script), QEMU (the emulator's command, up to
# -kernel FILE), for --bench also SIZE, NM and ELF.
set -u
B=${B:-build}
bench=0
[ "${1:-}" = --bench ] && { bench=1; shift; }
[ $# -gt 0 ] || { echo "qemu-test: no edition given"; exit 1; }
FONTS=$B/fonts

# The board's run of one edition into $OUT/$2; its report in $OUT/$2.out.
run_board() {
  rm -rf "${OUT:?}/$2" && mkdir -p "$OUT/$2"
  # shellcheck disable=SC2086
  $QEMU -append "$1 $KEYS $OUT/$2 $FONTS" >"$OUT/$2.out" 2>&1
}

if [ $bench = 1 ]; then
  echo "== firmware: $BOARD"
  # Flash: code, constants and the initial values of .data (and .tdata);
  # RAM all-in: from the start of .data to the top of the stack (.data,
  # .bss with the framebuffer and the pool, the C library's heap reserve,
  # the stack), as the linker script lays it out.
  $SIZE -A "$ELF" | awk '$1 ~ /^\.(text|ARM\.exidx|ARM\.extab|init_array|data|tdata)$/ { fl += $2 }
    END { printf "flash:   %d bytes (code, constants, FreeType, zlib, C library)\n", fl }'
  $NM -t d "$ELF" | awk '{ a[$3] = $1 + 0 }
    END { ram = a["__stack_top__"] - a["__data_start__"]; st = a["__stack_top__"] - a["__stack_limit__"]
          hp = a["__heap_limit__"] - a["__heap_base__"]
          printf "RAM:     %d bytes all-in (%.1f KiB; .data+.bss %d incl. framebuffer and pool, heap reserve %d, stack %d)\n",
                 ram, ram / 1024, ram - st - hp, hp, st }'
  n=0
  for ed in "$@"; do
    n=$((n + 1))
    run_board "$ed" "bench-$n" || { cat "$OUT/bench-$n.out"; echo "bench-firmware: the firmware failed in QEMU ($ed)"; exit 1; }
    echo "target:  $ed"
    sed 's/^/target:  /' "$OUT/bench-$n.out"
  done
  exit 0
fi

n=0
for ed in "$@"; do
  n=$((n + 1))
  host=$OUT/host-$n
  rm -rf "$host"
  $B/inkpress-sim "$ed" --keys-file "$KEYS" -o "$host" --pbm >"$host.out" ||
    { cat "$host.out"; echo "qemu-test: inkpress-sim failed ($ed)"; exit 1; }
  run_board "$ed" "qemu-$n" ||
    { cat "$OUT/qemu-$n.out"; echo "qemu-test: the firmware failed in QEMU on $BOARD ($ed)"; exit 1; }
  frames=0 bad=0
  for f in "$host"/frame-*.pbm; do
    [ -f "$f" ] || continue
    frames=$((frames + 1))
    cmp -s "$f" "$OUT/qemu-$n/${f##*/}" || { echo "qemu-test: ${f##*/} differs ($host vs $OUT/qemu-$n)"; bad=$((bad + 1)); }
  done
  [ "$(ls "$OUT/qemu-$n" | grep -c '^frame-.*\.pbm$')" -eq $frames ] || { echo "qemu-test: frame counts differ"; bad=$((bad + 1)); }
  cmp -s "$host/refresh.log" "$OUT/qemu-$n/refresh.log" || { echo "qemu-test: refresh.log differs"; bad=$((bad + 1)); }
  [ $frames -gt 0 ] || { echo "qemu-test: inkpress-sim wrote no frame ($ed)"; bad=$((bad + 1)); }
  [ $bad -eq 0 ] || exit 1
  echo "qemu-test: $ed: $frames frames and the refresh log identical ($BOARD in QEMU vs inkpress-sim)"
  sed 's/^/qemu-test: /' "$OUT/qemu-$n.out"
  if [ $n -gt 1 ]; then
    for f in "$OUT"/host-1/frame-*.pbm; do
      cmp -s "$f" "$host/${f##*/}" || { echo "qemu-test: ${f##*/} of $ed differs from $1's"; exit 1; }
    done
  fi
done

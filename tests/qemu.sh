#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/qemu.sh: a board build in QEMU against the simulator (make qemu-test,
# make bench-firmware; mk/firmware.mk runs it once per board).
#
# usage: sh tests/qemu.sh EDITION...           every edition read with the
#                                              key script (KEYS, or the
#                                              edition's own: EDITION.keys
#                                              beside EDITION.ink) in inkpress-sim
#                                              (raw frames, --pbm) and in
#                                              QEMU: every frame and the
#                                              refresh log must be equal
#                                              byte for byte; the second
#                                              edition is the first packed
#                                              another way (with patterns):
#                                              their frames must be equal
#        sh tests/qemu.sh --bench EDITION...   flash, RAM all-in, stack,
#                                              pool and instructions for
#                                              each edition, then the
#                                              deepest stack over a long
#                                              session (STACK_EDITION)
# environment: B (build), OUT (the board's build folder), BOARD (its name
# for messages), KEYS (the key script), QEMU (the emulator's command, up to
# -kernel FILE), for --bench also SIZE, NM, ELF and STACK_EDITION (the BBC
# edition; empty: that run is skipped).
#
# The stack is sized from its measured depth (mk/firmware.mk says how); a
# session whose depth leaves less than 3 KiB of the stack unpainted fails
# here, so that the margin is never eaten silently.
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
  $QEMU -append "$1 ${3:-$KEYS} $OUT/$2 $FONTS" >"$OUT/$2.out" 2>&1 || return 1
  # "stack USED of SIZE bytes" from the board's report.
  used=$(sed -n 's/.*; stack \([0-9]*\) of \([0-9]*\) bytes.*/\1 \2/p' "$OUT/$2.out")
  [ -n "$used" ] || { echo "qemu: no stack figure in the report"; return 1; }
  set -- $used
  [ $(($2 - $1)) -ge 3072 ] ||
    { echo "qemu: the stack went $1 bytes deep, leaving less than 3 KiB of its $2 (mk/firmware.mk: FW_STACK_BYTES)"; return 1; }
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
  # The deepest stack: the BBC edition (packed with patterns) read at each
  # text size, 300 pages at each (over article ends into the next ones).
  if [ -n "${STACK_EDITION:-}" ]; then
    awk 'BEGIN { printf "select"; for (s = 0; s < 3; s++) { if (s) printf " menu select back"; for (i = 0; i < 300; i++) printf " next" } print "" }' \
      >"$OUT/stack.keys"
    run_board "$STACK_EDITION" stack "$OUT/stack.keys" ||
      { cat "$OUT/stack.out"; echo "bench-firmware: the firmware failed in QEMU ($STACK_EDITION)"; exit 1; }
    echo "target:  $STACK_EDITION, 900 pages at three text sizes"
    sed 's/^/target:  /' "$OUT/stack.out"
  else
    echo "target:  no BBC edition: the long session for the stack depth is skipped"
  fi
  exit 0
fi

n=0
for ed in "$@"; do
  n=$((n + 1))
  host=$OUT/host-$n
  rm -rf "$host"
  keys=$KEYS
  [ -f "${ed%.ink}.keys" ] && keys=${ed%.ink}.keys # an edition with a key script of its own
  $B/inkpress-sim "$ed" --keys-file "$keys" -o "$host" --pbm >"$host.out" ||
    { cat "$host.out"; echo "qemu-test: inkpress-sim failed ($ed)"; exit 1; }
  run_board "$ed" "qemu-$n" "$keys" ||
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
  if [ $n -eq 2 ]; then
    for f in "$OUT"/host-1/frame-*.pbm; do
      cmp -s "$f" "$host/${f##*/}" || { echo "qemu-test: ${f##*/} of $ed differs from $1's"; exit 1; }
    done
  fi
done

#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/badinput.sh: bad inputs for the packer. Each goes into a batch with
# a good sample; the packer must name it on stderr with the reason (or make
# a best-effort article of it), pack the good one, exit 0 or 1 (never a
# signal), and stay within a time and memory bound per input. The 50 MB page
# and the deep HTML are generated here, never committed.
#
# Unreadable files: the tests run as root, for whom chmod 000 stops nothing,
# so the folder case uses what no permission bit is needed for: a dangling
# symlink, a symlink loop, a FIFO (which would block a reader forever) and a
# symlink to /dev/zero (which never ends).
set -u
B=${B:-build}
OUT=$B/badinput
GOOD=samples/01-world-harbour-strike.txt
TIMEOUT=${BADINPUT_TIMEOUT:-120}
MAX_KB=${BADINPUT_MAX_KB:-1048576}   # peak RSS bound per pack: 1 GiB
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
rm -rf "$OUT"
mkdir -p "$OUT"

# articles N in bundle F
articles() { $B/inkpress inspect "$1" 2>/dev/null | sed -n 's/.*, \([0-9]*\) articles.*/\1/p' | head -n 1; }

# pack_case NAME EXPECT WORD: packs folder $OUT/NAME (the good sample and
# the bad input(s)). EXPECT: skip (each bad file named with WORD in its
# reason), pack (an article with WORD in its text), either (one or the other).
pack_case() {
    name=$1 expect=$2 word=$3
    dir=$OUT/$name
    cp $GOOD "$dir/00-good.txt"
    nbad=$(ls "$dir" | grep -vc '^00-good')
    /usr/bin/time -f '%e %M' -o "$OUT/$name.time" timeout "$TIMEOUT" \
        $B/inkpress pack -o "$OUT/$name.ink" "$dir" 2>"$OUT/$name.err" >/dev/null
    rc=$?
    read -r secs kb <<EOT
$(tail -n 1 "$OUT/$name.time")
EOT
    case $rc in
    0 | 1) ok ;;
    124) bad "$name: pack did not finish within ${TIMEOUT}s"; return ;;
    *) bad "$name: pack exited $rc: $(tail -n 3 "$OUT/$name.err")"; return ;;
    esac
    if [ "${kb:-0}" -le "$MAX_KB" ]; then ok; else bad "$name: pack took ${kb} KB (bound ${MAX_KB} KB)"; fi
    n=$(articles "$OUT/$name.ink")
    [ -n "$n" ] && [ "$n" -ge 1 ] && $B/inkpress extract "$OUT/$name.ink" 1 | grep -q "harbour" && ok ||
        bad "$name: the good article was not packed"
    named=0 named_why=0
    for f in $(ls "$dir" | grep -v '^00-good'); do
        if grep -q "$dir/$f: ." "$OUT/$name.err"; then named=$((named + 1)); fi
        if grep -q "$dir/$f: .*$word" "$OUT/$name.err"; then named_why=$((named_why + 1)); fi
    done
    packed=0
    if [ "${n:-0}" -gt 1 ] && $B/inkpress extract "$OUT/$name.ink" | grep -q -- "$word"; then packed=1; fi
    case $expect in
    skip) if [ $named_why -eq "$nbad" ] && [ $rc -eq 1 ]; then ok; else
        bad "$name: want every bad file named with '$word' and exit 1; exit $rc, stderr: $(cat "$OUT/$name.err")"; fi ;;
    pack) if [ $packed -eq 1 ]; then ok; else bad "$name: want a best-effort article with '$word'; stderr: $(cat "$OUT/$name.err")"; fi ;;
    either) if [ $packed -eq 1 ] || [ $named -eq "$nbad" ]; then ok; else
        bad "$name: neither named on stderr nor packed with '$word'"; fi ;;
    esac
    echo "badinput: $name: exit $rc, ${secs}s, ${kb} KB, $(head -c 300 "$OUT/$name.err" | grep -v '^inkpress pack: [0-9]* article' | tr '\n' ' ')"
}

mkdir -p "$OUT/empty" && : >"$OUT/empty/empty.txt"
pack_case empty skip "empty file"

# A picture saved under a text name.
mkdir -p "$OUT/binary" && cp tests/golden/tour-0001.png "$OUT/binary/photo.txt"
pack_case binary skip "binary data"

# Invalid UTF-8 is read as Windows-1252: best effort, the words survive.
mkdir -p "$OUT/utf8"
printf 'Caf\351 owners protest \377\376 rent rises\n\nThe caf\351 owners of the old town said on Monday that rents had risen \303\050 by a third in two years, and that several would close before spring.\n\nA council spokesperson said \342\202 the figures were being reviewed.\n' >"$OUT/utf8/latin.txt"
pack_case utf8 pack "owners of the old town"

# A NUL in the middle of a page is read past.
mkdir -p "$OUT/nul"
{ head -c 1500 samples/02-world-kessel-bridge.txt; printf '\000'; tail -c +1501 samples/02-world-kessel-bridge.txt; } >"$OUT/nul/nul.txt"
word=$(tail -n 2 samples/02-world-kessel-bridge.txt | head -c 40 | cut -d' ' -f1-4)
pack_case nul pack "$word"

# A 50 MB page: read, cleaned and cut to what a reader takes, in bounded time.
mkdir -p "$OUT/big"
python3 - "$OUT/big/big.txt" <<'PY'
import sys
para = ("The council met on Tuesday to discuss the harbour budget, which has grown by a third in two years. " * 10) + "\n\n"
with open(sys.argv[1], "w") as f:
    f.write(" date 2026-11-29 World / A page of fifty megabytes\n\n")
    f.write((para * (50 * 1024 * 1024 // len(para) + 1))[: 50 * 1024 * 1024])
PY
TIMEOUT=300 pack_case big either "fifty megabytes"

# HTML nested 100,000 levels deep.
mkdir -p "$OUT/deep"
python3 -c 'import sys; open(sys.argv[1], "w").write("<html><head><title>Deep nest</title></head><body>" + "<div>" * 100000 + "<p>Deep inside the nest there is a paragraph, long enough to be an article on its own.</p>" + "</div>" * 100000 + "</body></html>")' "$OUT/deep/deep.html"
pack_case deep either "Deep"

# An unterminated comment: the text before it is the article.
mkdir -p "$OUT/comment"
{ printf '<!DOCTYPE html><html><head><title>Ferry budget grows</title></head><body><article><h1>Ferry budget grows</h1>'
  printf '<p>The island council met on Tuesday to discuss the ferry budget, which has grown by a third in two years.</p>'
  printf '<p>Residents asked for a review of the timetable.</p><!-- a comment that never ends <p>hidden</p>'
  head -c 3000 samples/03-world-tamsin-runoff.txt; } >"$OUT/comment/comment.html"
pack_case comment pack "ferry budget"

# A feed cut in the middle of its second item: the first item is packed.
mkdir -p "$OUT/feed"
head -c 1000 tests/fuzz/seeds/feed/rss2.xml >"$OUT/feed/cut.xml"
pack_case feed pack "every forty minutes"

# A folder of files no one can read.
mkdir -p "$OUT/unreadable"
ln -s "$OUT/nowhere/gone" "$OUT/unreadable/dangling.txt"
ln -s loop.txt "$OUT/unreadable/loop.txt"
mkfifo "$OUT/unreadable/pipe.txt"
ln -s /dev/zero "$OUT/unreadable/zero.txt"
TIMEOUT=30 pack_case unreadable skip ""

# All of them in one batch with every sample: every sample is packed.
mkdir -p "$OUT/all"
for d in empty binary utf8 nul deep comment feed unreadable; do
    for f in "$OUT/$d"/*; do [ "$(basename "$f")" = 00-good.txt ] || mv "$f" "$OUT/all/$d-$(basename "$f")"; done
done
cp samples/*.txt "$OUT/all/"
timeout "$TIMEOUT" $B/inkpress pack -o "$OUT/all.ink" "$OUT/all" 2>"$OUT/all.err" >/dev/null
rc=$?
n=$(articles "$OUT/all.ink")
if [ $rc -eq 1 ] && [ "${n:-0}" -ge 14 ]; then ok; else bad "one batch of everything: exit $rc, ${n:-no} articles"; fi

# Options that would reach past the format's limits are refused (exit 2,
# the option named), never written into a bundle the reader then refuses.
# opt_case WORD ARGS...: pack with ARGS must exit 2 saying WORD.
opt_case() {
    word=$1
    shift
    $B/inkpress pack -q --fast -o "$OUT/opt.ink" "$@" "$GOOD" 2>"$OUT/opt.err"
    rc=$?
    if [ $rc -eq 2 ] && grep -q -- "$word" "$OUT/opt.err"; then ok; else bad "pack $*: exit $rc, stderr: $(cat "$OUT/opt.err")"; fi
}
opt_case --group-bytes --group-bytes 300000
opt_case --group-bytes --group-bytes 262145
opt_case --date --date 2026-13-01
opt_case --date --date yesterday
opt_case --name --name "$(printf 'Caf\351')"
opt_case "4 GiB" --uf2 --uf2-base 0xFFFFFF00
opt_case --align --align 3
# At the limit it packs, and the bundle checks out.
$B/inkpress pack -q --fast -o "$OUT/opt.ink" --group-bytes 262144 samples/*.txt samples/pics/ samples/world/ && $B/inkpress inspect --verify "$OUT/opt.ink" >/dev/null 2>&1 &&
    ok || bad "pack --group-bytes 262144 gave a bundle that does not check out"

echo "badinput: $pass passed, $fail failed"
[ $fail -eq 0 ]

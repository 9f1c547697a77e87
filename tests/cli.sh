#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/cli.sh: the command line as a new user meets it: help for every
# command with an example, --version, the exit codes, standard input and
# output, the progress bar only on a terminal, contact sheets, the manual.
set -u
B=${B:-build}
OUT=$B/cli
I=$B/inkpress
ED=$B/sample.ink
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
want_rc() { # expected-status description command...
    w=$1 d=$2
    shift 2
    "$@" >"$OUT/last.out" 2>"$OUT/last.err"
    r=$?
    if [ $r -eq "$w" ]; then ok; else bad "$d: exit $r, want $w ($(head -c 200 "$OUT/last.err"))"; fi
}
rm -rf "$OUT"
mkdir -p "$OUT"

# Help: every command lists its options and gives an example, three ways.
for c in clean pack fetch inspect extract preview profiles; do
    for form in "$c --help" "$c -h" "help $c"; do
        if $I $form >"$OUT/help.txt" 2>&1 && grep -q "^usage: inkpress $c" "$OUT/help.txt" &&
            grep -q "example" "$OUT/help.txt"; then ok; else bad "inkpress $form"; fi
    done
done
# pack and fetch share their packing options, those for other scripts too
for c in pack fetch; do
    $I $c --help | grep -q -- "--script-fonts DIRS" && $I $c --help | grep -q -- "--no-script-fonts" && ok ||
        bad "inkpress $c --help lacks --script-fonts"
done
$I help | grep -q "exit status: 0 ok, 1 some inputs skipped or characters no font draws, 2 usage, 3 damaged" && ok || bad "inkpress help lacks the exit codes"
$B/inkpress-sim --help | grep -q -- "--window" && ok || bad "inkpress-sim --help lacks --window"
$I --version | grep -Eq '^inkpress [0-9]+\.[0-9]+' && ok || bad "--version"

# Exit codes.
want_rc 2 "no command" $I
want_rc 2 "unknown command" $I frobnicate
want_rc 2 "unknown option" $I pack --frob -o "$OUT/x.ink" samples/*.txt
want_rc 2 "pack without -o" $I pack samples/*.txt
printf 'https://example.org/feed.rss  News\n' >"$OUT/feeds.txt"
want_rc 2 "fetch without -o" $I fetch "$OUT/feeds.txt"
want_rc 2 "fetch without FEEDS" $I fetch -o "$OUT/x.ink"
want_rc 2 "fetch: unknown option" $I fetch --frob "$OUT/feeds.txt" -o "$OUT/x.ink"
want_rc 2 "fetch: a bad --max-age" $I fetch --max-age soon "$OUT/feeds.txt" -o "$OUT/x.ink"
want_rc 2 "fetch: a list that is not there" $I fetch "$OUT/no-such-list.txt" -o "$OUT/x.ink"
want_rc 2 "no such article" $I preview "$ED" --article 99 -o "$OUT/p"
want_rc 2 "no such page" $I preview "$ED" --article 1 --page 99 -o "$OUT/p"
want_rc 2 "--page without --article" $I preview "$ED" --page 2 -o "$OUT/p"
# What the option tables refuse: a value that is no number or out of range,
# a choice not offered, a missing value, an option a command does not have;
# each named on stderr with the option, exit 2.
refused() { # description expected-text command...
    rd=$1 rw=$2
    shift 2
    want_rc 2 "$rd" "$@"
    grep -q -- "$rw" "$OUT/last.err" && ok || bad "$rd: stderr lacks '$rw': $(head -c 200 "$OUT/last.err")"
}
refused "preview: --size not a number" "--size takes 0 to 2" $I preview "$ED" --size x -o "$OUT/p"
refused "preview: --article 2x" "--article takes" $I preview "$ED" --article 2x -o "$OUT/p"
refused "preview: --threshold 0" "--threshold takes a number from 1 to 255" $I preview "$ED" --threshold 0 -o "$OUT/p"
refused "preview: --render blue" "--render takes mono or gray, not 'blue'" $I preview "$ED" --render blue -o "$OUT/p"
refused "preview: -o at the end" "-o needs a value" $I preview "$ED" -o
refused "pack: --level 13" "--level takes 0 to 12" $I pack --level 13 -o "$OUT/x.ink" samples/*.txt
refused "pack: --images some" "--images takes none, lead or all, not 'some'" $I pack --images some -o "$OUT/x.ink" samples/*.txt
refused "pack: --align 3" "--align takes a power of two" $I pack --align 3 -o "$OUT/x.ink" samples/*.txt
refused "pack: --date 2026-13-01" "--date takes YYYY-MM-DD, not '2026-13-01'" $I pack --date 2026-13-01 -o "$OUT/x.ink" samples/*.txt
refused "fetch: --hosts 0" "--hosts takes a number from 1 to 64" $I fetch --hosts 0 "$OUT/feeds.txt" -o "$OUT/x.ink"
refused "fetch: --delay x" "--delay takes a number" $I fetch --delay x "$OUT/feeds.txt" -o "$OUT/x.ink"
refused "inspect: --frob" "unknown option --frob" $I inspect --frob "$ED"
refused "extract: --pictures at the end" "--pictures needs a value" $I extract "$ED" --pictures
refused "clean: an option of pack" "unknown option --level" $I clean --level 3 samples/01-world-harbour-strike.txt
refused "a global option after a bad one" "unknown option -x" $I -x pack
refused "sim: --pool-bytes 12abc" "--pool-bytes wants a number of bytes" $B/inkpress-sim "$ED" --pool-bytes 12abc
refused "sim: --frob" "unknown option --frob" $B/inkpress-sim "$ED" --frob
refused "sim: two editions" "one edition at a time" $B/inkpress-sim "$ED" "$ED"
# Every option a command's help lists is one the command takes (the help
# comes from the same table), and "--" ends the options.
for c in clean pack fetch inspect extract preview; do
    for o in $($I $c --help | grep -o '^ *\(-[a-z], \)\?--[a-z0-9-]*' | grep -o -- '--[a-z0-9-]*'); do
        $I $c "$o" >/dev/null 2>"$OUT/opt.err" </dev/null
        if grep -q "unknown option" "$OUT/opt.err"; then bad "inkpress $c --help lists $o, which it refuses"; else ok; fi
    done
done
for o in $($B/inkpress-sim --help | grep -o '^ *\(-[a-z], \)\?--[a-z0-9-]*' | grep -o -- '--[a-z0-9-]*'); do
    $B/inkpress-sim "$o" >/dev/null 2>"$OUT/opt.err" </dev/null
    if grep -q "unknown option" "$OUT/opt.err"; then bad "inkpress-sim --help lists $o, which it refuses"; else ok; fi
done
cp samples/03-world-tamsin-runoff.txt "$OUT/-dash.txt"
ABS_I=$(cd "$B" && pwd)/inkpress
(cd "$OUT" && "$ABS_I" clean -- -dash.txt >dash.out 2>&1) && grep -q "Tamsin" "$OUT/dash.out" && ok ||
    bad "'--' does not end the options: $(head -c 200 "$OUT/dash.out")"
: >"$OUT/empty.txt"
want_rc 1 "a skipped input" $I pack -o "$OUT/x.ink" samples/01-world-harbour-strike.txt "$OUT/empty.txt"
grep -q "empty file: 1" "$OUT/last.err" && ok || bad "the summary does not give the reason for skipping"
head -c 2000 "$ED" >"$OUT/cut.ink"
want_rc 3 "preview of a damaged edition" $I preview "$OUT/cut.ink" -o "$OUT/p"
want_rc 3 "inspect of a damaged edition" $I inspect "$OUT/cut.ink"
want_rc 4 "pack to a folder that is not there" $I pack -o "$OUT/no/such/dir/x.ink" samples/*.txt

# Nothing lost silently: a character no face has is named with its article,
# exit 1, and the bundle is still written (the reader draws a box for it).
pua=$(printf '\356\200\200') # U+E000, a private-use character no face has
sed "s/^Thousands of dockworkers/Thousands $pua of dockworkers/" samples/01-world-harbour-strike.txt >"$OUT/pua.txt"
want_rc 1 "a character no font has" $I pack -o "$OUT/pua.ink" "$OUT/pua.txt"
grep -q 'article 1 "Dockworkers strike.*U+E000' "$OUT/last.err" && grep -q "1 character no font of the edition draws, in 1 article" "$OUT/last.err" &&
    [ -s "$OUT/pua.ink" ] && ok || bad "a missing character is not reported: $(cat "$OUT/last.err")"
want_rc 0 "Hindi, Bengali, Tamil, Arabic, Persian, Hebrew" $I pack -q -o "$OUT/world.ink" samples/world/

# Standard input and output: the same bundle either way.
$I pack -q -o "$OUT/file.ink" --name N --date 2026-01-01 samples/03-world-tamsin-runoff.txt
$I pack -q -o - --name N --date 2026-01-01 - <samples/03-world-tamsin-runoff.txt >"$OUT/pipe.ink"
cmp -s "$OUT/file.ink" "$OUT/pipe.ink" && ok || bad "pack from stdin to stdout differs from files"
$I clean - <samples/03-world-tamsin-runoff.txt >"$OUT/c1.txt"
$I clean samples/03-world-tamsin-runoff.txt >"$OUT/c2.txt"
cmp -s "$OUT/c1.txt" "$OUT/c2.txt" && ok || bad "clean - differs from clean FILE"

# Quiet is quiet; verbose names each input.
$I pack -q -o "$OUT/q.ink" samples/*.txt 2>"$OUT/q.err"
[ ! -s "$OUT/q.err" ] && ok || bad "pack -q said: $(cat "$OUT/q.err")"
$I -v pack -o "$OUT/v.ink" samples/*.txt 2>"$OUT/v.err"
[ "$(grep -c ': 1 article$' "$OUT/v.err")" -eq 10 ] && ok || bad "pack -v does not name each input"

# The progress bar: never in a file, on a terminal with count and item.
$I pack -o "$OUT/np.ink" samples/*.txt 2>"$OUT/np.err"
if grep -q "$(printf '\r')" "$OUT/np.err"; then bad "a progress bar went to a file"; else ok; fi
grep -q "10 articles packed, 0 skipped" "$OUT/np.err" && ok || bad "no summary line"
if command -v script >/dev/null; then
    script -qec "$I pack -o $OUT/tty.ink samples/*.txt" /dev/null >"$OUT/tty.txt" 2>&1
    if grep -q "pack \[.*\] [0-9]*/10 " "$OUT/tty.txt" && grep -q "10 articles packed" "$OUT/tty.txt"; then ok; else
        bad "no progress bar on a terminal: $(head -c 300 "$OUT/tty.txt")"
    fi
fi

# Contact sheets: a grid of the right size, deterministic, the same from stdin.
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
$I preview "$ED" --sheet "$OUT/sheet.png" >/dev/null || bad "preview --sheet"
$I preview "$ED" --sheet "$OUT/sheet2.png" >/dev/null
cmp -s "$OUT/sheet.png" "$OUT/sheet2.png" && ok || bad "two sheets of the same edition differ"
$I preview - --sheet - <"$ED" >"$OUT/sheet3.png" 2>/dev/null
cmp -s "$OUT/sheet.png" "$OUT/sheet3.png" && ok || bad "the sheet from stdin to stdout differs"
# 10 articles, 4 across: 3 rows of 200x150 pages (800x600 shrunk by 4), each
# with a 26-pixel label; margins 20, gaps 18, a 40-pixel title.
s=$(png_size "$OUT/sheet.png")
[ "$s" = "894x644" ] && ok || bad "edition sheet is $s, want 894x644"
pages=$(ls "$OUT" | grep -c '^00')
[ "$pages" -eq 0 ] && ok || bad "--sheet without -o wrote page files"
$I preview "$ED" --article 2 --sheet "$OUT/a2.png" --columns 2 -o "$OUT/a2" >/dev/null
n=$(ls "$OUT/a2" | grep -c '^002-')
rows=$(((n + 1) / 2))
s=$(png_size "$OUT/a2.png")
[ "$s" = "458x$((20 + 40 + rows * 176 + (rows - 1) * 18 + 20))" ] && ok || bad "article sheet of $n pages is $s"
[ "$(ls "$OUT/a2" | wc -l)" -eq "$n" ] && ok || bad "--article wrote the library too"

# The manual page shows, without warnings.
if command -v man >/dev/null; then
    MANWIDTH=80 man -l docs/inkpress.1 2>"$OUT/man.err" | grep -q "EXIT STATUS" && ok || bad "man -l docs/inkpress.1"
    [ ! -s "$OUT/man.err" ] && ok || bad "man page warnings: $(cat "$OUT/man.err")"
fi
if command -v groff >/dev/null; then
    groff -man -ww -z docs/inkpress.1 2>"$OUT/groff.err"
    [ ! -s "$OUT/groff.err" ] && ok || bad "groff warnings: $(cat "$OUT/groff.err")"
fi
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]

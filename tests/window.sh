#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/window.sh: inkpress-sim --window, as a person uses it, under Xvfb.
# Real X key presses (xdotool, through the X server's XTEST) go to the
# window; after each one a screenshot of the window taken from the X server
# (xwd) must equal the last frame that the headless simulator writes for the
# same buttons. Needs xvfb-run, xdotool, xwd and netpbm (mk/window.mk).
set -u
B=${B:-build}
OUT=$B/window
ED=$B/sample.ink

if [ "${1:-}" != "--inner" ]; then
    rm -rf "$OUT"
    mkdir -p "$OUT"
    exec xvfb-run -a -s "-screen 0 1280x1024x24" sh "$0" --inner
fi

pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# Each step: the X key a person presses, and the button it must be.
STEPS="Return:select Right:next Down:next Left:prev Up:prev m:menu BackSpace:back BackSpace:back Down:next"

shot() { # file: the window as the X server has it, as a grayscale PNG
    xwd -silent -id "$wid" | xwdtopnm 2>/dev/null | ppmtopgm | pnmtopng >"$1" 2>/dev/null
}
want_frame() { # n buttons...: the headless simulator's screen after them
    n=$1
    shift
    $B/inkpress-sim "$ED" --keys "$*" -o "$OUT/want-$n" >/dev/null || bad "headless run for step $n"
    ls "$OUT/want-$n"/frame-*.png | tail -n 1
}
check() { # n label buttons...: poll the window until it shows the frame, 5 s at most
    n=$1 label=$2
    shift 2
    want=$(want_frame "$n" "$@")
    i=0
    while [ $i -lt 50 ]; do
        shot "$OUT/shot-$n.png"
        if $B/tests/pngcmp "$OUT/shot-$n.png" "$want" "$OUT/shot-$n-err.png" >/dev/null 2>&1; then
            ok
            return
        fi
        sleep 0.1
        i=$((i + 1))
    done
    $B/tests/pngcmp "$OUT/shot-$n.png" "$want" "$OUT/shot-$n-err.png"
    bad "after $label the window is not the simulator's frame $want (see $OUT/shot-$n.png)"
}

$B/inkpress-sim "$ED" --window >"$OUT/sim.out" 2>&1 &
pid=$!
wid=$(timeout 10 xdotool search --sync --onlyvisible --name '^inkpress-sim' 2>/dev/null | head -n 1)
if [ -z "$wid" ]; then
    bad "no window appeared: $(cat "$OUT/sim.out")"
    kill "$pid" 2>/dev/null
    echo "window: $pass passed, $fail failed"
    exit 1
fi
geom=$(xdotool getwindowgeometry "$wid" | awk '/Geometry:/ { print $2 }')
if [ "$geom" = "800x600" ]; then ok; else bad "window is $geom, the panel is 800x600"; fi
xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"

check 0 "start"
buttons=""
n=0
for s in $STEPS; do
    n=$((n + 1))
    key=${s%%:*}
    buttons="$buttons ${s#*:}"
    xdotool key "$key"
    check $n "$key" $buttons
done

# Escape closes the window and the simulator ends cleanly.
xdotool key Escape
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do
    sleep 0.1
    i=$((i + 1))
done
if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    bad "Escape did not close the window"
else
    wait "$pid"
    rc=$?
    if [ $rc -eq 0 ]; then ok; else bad "inkpress-sim --window exited $rc: $(cat "$OUT/sim.out")"; fi
fi
echo "window: $pass passed, $fail failed"
[ $fail -eq 0 ]

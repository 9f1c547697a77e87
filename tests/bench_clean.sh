#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench_clean.sh BUILD READABILITY_DIR: throughput of the cleaner over
# every source.html, in one process pinned to one core, best of three runs;
# then Readability.js (jsdom) on the same pages when npm can install it.
set -u
B=$1
R=$2
if [ ! -d "$R" ]; then
    echo "bench-clean: $R not found, skipped"
    exit 0
fi
pages=$(ls "$R"/*/source.html | wc -l)
bytes=$(cat "$R"/*/source.html | wc -c)
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
best=""
for run in 1 2 3; do
    t0=$(date +%s.%N)
    $PIN "$B/inkpress" clean --json "$R"/*/source.html >/dev/null 2>&1
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
done
printf 'bench-clean: inkpress clean   %d pages, %.1f MB in %.3f s: %.0f pages/s, %.1f MB/s (one core)\n' \
    "$pages" "$(echo "$bytes / 1000000" | bc -l)" "$best" "$(echo "$pages / $best" | bc -l)" \
    "$(echo "$bytes / 1000000 / $best" | bc -l)"

NODE_DIR=$B/node
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    if [ ! -d "$NODE_DIR/node_modules/@mozilla/readability" ] || [ ! -d "$NODE_DIR/node_modules/jsdom" ]; then
        mkdir -p "$NODE_DIR"
        npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" @mozilla/readability jsdom >/dev/null 2>&1 ||
            echo "bench-clean: npm install of @mozilla/readability jsdom failed; Readability.js skipped"
    fi
    if [ -d "$NODE_DIR/node_modules/jsdom" ]; then
        NODE_PATH="$NODE_DIR/node_modules" $PIN node tests/bench_clean.js "$R"/*/source.html
    fi
else
    echo "bench-clean: node/npm not found; Readability.js skipped"
fi

#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/clean_same.sh OLD NEW [SHARED]: whether two builds of inkpress clean
# every page the same, for a change meant to keep behaviour (a split, a
# rename). Runs `OLD clean --json` and `NEW clean --json` on every page of
# SHARED/data/readability and SHARED/data/traf-dev, on their text scrapes
# (SHARED/tools/html2scrape), the seed scrape and the fuzz seeds, and
# compares output, messages and exit status. Exit 0 when all are the same.
set -u
OLD=$1
NEW=$2
SHARED=${3:-../shared}
D=$SHARED/data
for d in "$D/readability" "$D/traf-dev"; do
    [ -d "$d" ] || { echo "clean_same: $d not found"; exit 2; }
done
W=$(mktemp -d "${TMPDIR:-/tmp}/clean_same.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
mkdir "$W/in" "$W/old" "$W/new"
python3 - "$D" "$SHARED/tools/html2scrape" "$W/in" <<'PY'
import glob, os, shutil, sys
from importlib.machinery import SourceFileLoader
data, h2s_path, out = sys.argv[1:]
h2s = SourceFileLoader("html2scrape", h2s_path).load_module()
pages = [(f, "rd-" + os.path.basename(os.path.dirname(f))) for f in sorted(glob.glob(data + "/readability/*/source.html"))]
pages += [(f, "tf-" + os.path.basename(f)[:-5]) for f in sorted(glob.glob(data + "/traf-dev/*.html"))]
for f, name in pages:
    name = name.replace(" ", "_")
    shutil.copyfile(f, os.path.join(out, name + ".html"))
    raw = open(f, "rb").read().decode("utf-8", "replace")
    open(os.path.join(out, name + ".scrape.txt"), "w", encoding="utf-8").write("\n".join(h2s.scrape(raw)) + "\n")
for f in glob.glob(data + "/seed/*.txt") + glob.glob("tests/fuzz/seeds/*/*"):
    shutil.copyfile(f, os.path.join(out, os.path.basename(os.path.dirname(f)) + "-" + os.path.basename(f)))
PY
n=$(ls "$W/in" | wc -l)
[ "$n" -gt 0 ] || { echo "clean_same: no inputs"; exit 2; }
for b in old new; do
    bin=$OLD; [ $b = new ] && bin=$NEW
    ls "$W/in" | xargs -P2 -I{} sh -c '"$0" clean --json "$1/in/$2" >"$1/'$b'/$2.out" 2>"$1/'$b'/$2.err"; echo $? >"$1/'$b'/$2.rc"' "$bin" "$W" {}
done
# the messages name the input file, which is the same path for both
if diff -r "$W/old" "$W/new" >"$W/diff"; then
    echo "clean_same: $n inputs, output, messages and exit status identical"
    exit 0
fi
echo "clean_same: $(grep -c '^diff' "$W/diff") of $n inputs differ:"
grep '^diff' "$W/diff" | head -20
exit 1

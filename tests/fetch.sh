#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/fetch.sh: `inkpress fetch` against local servers only
# (tests/fetch_server.py on 127.0.0.1: two HTTP ports and an HTTPS one with
# a certificate openssl makes here): feeds with full text and with
# summaries (their pages fetched), Atom, OPML, a page in windows-1251 named
# only by its Content-Type, robots.txt, conditional GETs on a second run,
# the list of items already packed, and each fault: a slow server, a 500, a
# response cut short, a redirect loop, a body of gigabytes (declared or
# not), a wrong content type, a gzip bomb, invalid XML. Each must be named
# with its reason while the rest is packed. No address but 127.0.0.1 is used.
set -u
B=${B:-build}
I=$B/inkpress
T=$B/fetch-test
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
has() { grep -q -- "$2" "$1" && ok || bad "$3 (no '$2' in $1)"; }

rm -rf "$T"
mkdir -p "$T"
SERVER=
stop() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; SERVER=; }
trap stop EXIT INT TERM

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" -days 1 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1 ||
    { echo "FAIL: openssl could not make a certificate (make deps)"; exit 1; }
# page 1's picture, a real photo (Debian's mate-backgrounds), served as /img/quay.jpg
cp /usr/share/backgrounds/mate/nature/Storm.jpg "$T/quay.jpg" 2>/dev/null ||
    echo "FAIL: no test photo (make deps installs mate-backgrounds)"
# the server stops by itself after 110 s whatever happens here
python3 tests/fetch_server.py --dir "$T" --cert "$T/cert.pem" --key "$T/key.pem" --deadline 110 &
SERVER=$!
n=0
while [ ! -s "$T/ports" ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
[ -s "$T/ports" ] || { echo "FAIL: the test server did not start"; exit 1; }
read -r A F S <"$T/ports"
H=http://127.0.0.1:$A
X=http://127.0.0.1:$F
cat >"$T/feeds.txt" <<EOT
# the good ones
$H/full.rss      Full text
$H/summary.rss   World news
$H/atom.xml      Abroad
https://127.0.0.1:$S/tls.rss   Secure
$H/latin1.rss    Abroad

# each fault, on a host of its own
$X/slow.rss      Faults
$X/500.rss       Faults
$X/cut.rss       Faults
$X/loop.rss      Faults
$X/huge.rss      Faults
$X/endless.rss   Faults
$X/image.rss     Faults
$X/bomb.rss      Faults
$X/invalid.rss   Faults
EOT
FAST="--delay 0.05 --timeout 3 --retries 1 --cacert $T/cert.pem --fast -q"
CACHE=$T/cache

# ---- first run: everything downloaded -------------------------------------------
$I fetch "$T/feeds.txt" -o "$T/ed1.ink" --cache "$CACHE" --max-age 7d $FAST 2>"$T/run1.err"
rc=$?
[ $rc -eq 1 ] && ok || bad "first run: exit $rc, want 1 (faults skipped, the rest packed)"
E=$T/run1.err
has "$E" "slow.rss: timed out" "a slow server"
has "$E" "500.rss: HTTP 500" "a 500"
has "$E" "cut.rss: response cut short" "a response cut short"
has "$E" "loop.rss: more than 5 redirects" "a redirect loop"
has "$E" "huge.rss: body of 5.0 GiB declared, over the 8.0 MiB cap" "a declared 5 GiB body"
has "$E" "endless.rss: body over the 8.0 MiB cap" "an endless body"
has "$E" "image.rss: wrong content type image/png" "a wrong content type"
has "$E" "bomb.rss: body over the 8.0 MiB cap once decompressed (gzip" "a gzip bomb"
has "$E" "invalid.rss: invalid XML at line" "invalid XML"
has "$E" "memo.html: disallowed by robots.txt" "robots.txt obeyed"
has "$E" "missing.html: HTTP 404" "a page that is not there"
for u in slow 500 cut loop huge endless image bomb invalid; do
    s=$(sed -n "s|.*$u.rss: .*\[\([0-9.]*\) s\].*|\1|p" "$E")
    echo "fetch: $u.rss refused after ${s:-?} s"
done
$I extract "$T/ed1.ink" >"$T/ed1.txt" 2>/dev/null || bad "extract of the first edition"
for t in "Full story 1" "Full story 2" "Full story 3" "Quay repairs, part 1" "Quay repairs, part 3" \
    "Over TLS" "Fine item" "A private memo"; do
    has "$T/ed1.txt" "title: $t" "article '$t' packed"
done
grep -q "title: An old story" "$T/ed1.txt" && bad "--max-age 7d packed a month-old item" || ok
has "$T/ed1.txt" "section: World news" "the list's section name"
[ "$(grep -c 'Quay repairs, part 1' "$T/ed1.txt")" -eq 1 ] && ok || bad "the page's headline repeated in its body"
has "$T/ed1.txt" "Городской совет снова собрался" "windows-1251 page decoded by its Content-Type charset"
has "$T/ed1.txt" "title: Crème brûlée" "a Latin-1 feed decoded by its Content-Type charset"
awk '$7 == "br" || $7 == "gzip"' "$T/server.log" | grep -q . && ok || bad "no response came compressed"
has "$T/ed1.txt" "byline: By Ada Test\|byline: Ada Test" "the page's byline"
# the page's picture fetched with it (relative address, the same host's
# politeness) and packed with its caption and credit
grep -q " /img/quay.jpg 200 " "$T/server.log" && ok || bad "page 1's picture was not fetched"
has "$T/ed1.txt" "^!\[The quay at dawn.\](picture 0) Photo: Debian mate-backgrounds" "the fetched page's picture"
$I inspect "$T/ed1.ink" | grep -q '^1 pictures, ' && ok || bad "no picture in the fetched edition"
grep -q "What the robots file keeps out" "$T/ed1.txt" && ok || bad "the disallowed page's summary is packed instead"
grep -q "^/private/" "$T/server.log" && bad "robots.txt disallowed /private/ but it was fetched" || ok
[ "$(awk '{print $3}' "$T/server.log" | grep -c .)" -gt 20 ] && ok || bad "the server logged too few requests"
# one request at a time per host: no request came while another to its port
# was being answered (the server's thread ends a few ms after the client has
# its answer, as in a redirect chain: 20 ms of slack)
sort -k1,1n -k8,8n "$T/server.log" | awk '$1 == p && $8 < e - 0.02 { print; bad = 1 } { p = $1; e = $9 } END { exit bad }' \
    >"$T/overlap.txt" && ok || bad "more than one request at once to one host: $(cat "$T/overlap.txt")"
# and a few hosts at once: some request to one port came while another port answered
sort -k8,8n "$T/server.log" | awk '{ for (q in end) if (q != $1 && $8 < end[q] - 0.02) par = 1; end[$1] = $9 } END { exit !par }' &&
    ok || bad "never two hosts at once"
awk '$6 !~ /^inkpress\/[0-9]/ { exit 1 }' "$T/server.log" && ok || bad "a request without the inkpress User-Agent"
grep -q " /robots.txt " "$T/server.log" && ok || bad "robots.txt was never asked for"
bytes1=$(awk '{ s += $4 } END { print s + 0 }' "$T/server.log")

# ---- second run in the same hour: items already packed are left out -------------------
: >"$T/server.log"
$I fetch "$T/feeds.txt" -o "$T/ed2.ink" --cache "$CACHE" $FAST 2>"$T/run2.err"
rc=$?
[ $rc -eq 1 ] && ok || bad "second run: exit $rc, want 1 (faults again)"
$I extract "$T/ed2.ink" >"$T/ed2.txt" 2>/dev/null
grep -q "title: Full story 1" "$T/ed2.txt" && bad "an item packed before was packed again" || ok
has "$T/ed2.txt" "title: An old story" "without --max-age the old item is new"

# ---- third run, --again, only the good feeds: conditional GETs -------------------------
head -7 "$T/feeds.txt" >"$T/good.txt"
: >"$T/server.log"
$I fetch "$T/good.txt" -o "$T/ed3.ink" --cache "$CACHE" --again $FAST 2>"$T/run3.err"
rc=$?
[ $rc -eq 1 ] && ok || bad "--again run: exit $rc, want 1 (the 404 and the robots.txt page)"
$I extract "$T/ed3.ink" >"$T/ed3.txt" 2>/dev/null
has "$T/ed3.txt" "title: Full story 1" "--again packs items packed before"
has "$T/ed3.txt" "title: Quay repairs, part 2" "--again: a page from the cache after a 304"
n304=$(awk '$3 == 304' "$T/server.log" | wc -l)
n200=$(awk '$3 == 200' "$T/server.log" | wc -l)
[ "$n304" -ge 8 ] && [ "$n200" -eq 0 ] && ok || bad "conditional GETs: $n304 answers 304, $n200 answered 200 (want all 304)"
bytes3=$(awk '{ s += $4 } END { print s + 0 }' "$T/server.log")
: >"$T/server.log"
$I fetch "$T/good.txt" -o "$T/ed4.ink" --cache "$T/cache-fresh" $FAST 2>/dev/null
bytes_fresh=$(awk '{ s += $4 } END { print s + 0 }' "$T/server.log")
echo "fetch: the good feeds and their pages: $bytes_fresh body bytes sent with an empty cache, $bytes3 on a second run"
[ "$bytes_fresh" -gt 0 ] && [ $((bytes3 * 10)) -lt "$bytes_fresh" ] && ok ||
    bad "a second run downloaded $bytes3 bytes of $bytes_fresh"

# ---- nothing new: no edition ---------------------------------------------------------
$I fetch "$T/good.txt" -o "$T/ed5.ink" --cache "$CACHE" $FAST 2>"$T/run5.err"
rc=$?
[ $rc -eq 1 ] && [ ! -e "$T/ed5.ink" ] && ok || bad "nothing new: exit $rc and no file wanted"
has "$T/run5.err" "nothing new since the last edition" "nothing new is said"

# ---- robots.txt overridden; OPML with nested sections -------------------------------------
: >"$T/server.log"
cat >"$T/feeds.opml" <<EOT
<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Home and away" title="Home and away">
    <outline type="rss" text="Summary Herald" xmlUrl="$H/summary.rss"/>
    <outline text="inner folder"><outline type="rss" text="Atom" xmlUrl="$H/atom.xml"/></outline>
  </outline>
  <outline type="rss" text="Full Times" title="Long reads" xmlUrl="$H/full.rss"/>
</body></opml>
EOT
$I fetch "$T/feeds.opml" -o "$T/ed6.ink" --no-cache --ignore-robots --max-items 4 $FAST 2>"$T/run6.err"
$I extract "$T/ed6.ink" >"$T/ed6.txt" 2>/dev/null
grep -q "^$A /private/memo.html 200" "$T/server.log" && ok || bad "--ignore-robots did not fetch the disallowed page"
has "$T/ed6.txt" "section: Home and away" "OPML: a folder names its feeds' section"
has "$T/ed6.txt" "section: Long reads" "OPML: a feed outside folders is its own section"
grep -q "title: A missing page" "$T/ed6.txt" && bad "--max-items 4 took a fifth item" || ok
[ "$(grep -c '^section: Home and away' "$T/ed6.txt")" -eq 5 ] && ok || bad "OPML: 4 summary items and the Atom entry in one section"

# ---- on a terminal: a progress bar of feeds and pages ----------------------------------
if command -v script >/dev/null; then
    script -qec "$I fetch $T/good.txt -o $T/tty.ink --no-cache --delay 0.05 --cacert $T/cert.pem --fast" /dev/null \
        >"$T/tty.txt" 2>&1
    grep -q "fetch: feeds [0-9]/5, pages [0-9]*/[0-9]* \[[#.]*\] [0-9]*/[0-9]* .*http://127.0.0.1" "$T/tty.txt" && ok ||
        bad "no progress bar of feeds and pages on a terminal: $(head -c 300 "$T/tty.txt")"
    grep -q "articles packed" "$T/tty.txt" && ok || bad "no summary line on a terminal"
fi
$I fetch "$T/good.txt" -o "$T/notty.ink" --no-cache --delay 0.05 --cacert "$T/cert.pem" --fast 2>"$T/notty.err"
grep -q "$(printf '\r')" "$T/notty.err" && bad "a progress bar went to a file" || ok
has "$T/notty.err" "5 feeds (0 failed), 8 pages (2 failed" "the fetch summary line"

# ---- https without the test's certificate: refused, named, nothing packed ---------------
printf 'https://127.0.0.1:%s/tls.rss  Secure\n' "$S" >"$T/tls.txt"
$I fetch "$T/tls.txt" -o "$T/tls.ink" --no-cache -q 2>"$T/tls.err"
rc=$?
[ $rc -eq 1 ] && [ ! -e "$T/tls.ink" ] && ok || bad "an unknown certificate: exit $rc (want 1, no edition)"
has "$T/tls.err" "tls.rss: TLS: " "an unknown certificate named as a TLS failure"
has "$T/tls.err" "no articles to pack" "an edition of nothing is not written"

# ---- the list itself --------------------------------------------------------------
printf 'file:///etc/passwd  Secrets\n' >"$T/badlist.txt"
$I fetch "$T/badlist.txt" -o "$T/x.ink" -q 2>"$T/bad.err"
rc=$?
[ $rc -eq 2 ] && ok || bad "a file: URL in the list: exit $rc, want 2"
has "$T/bad.err" "line 1: 'file:///etc/passwd' is not an http" "the list's bad line named"
$I fetch "$T/nowhere.txt" -o "$T/x.ink" -q 2>/dev/null
[ $? -eq 2 ] && ok || bad "a missing list: want exit 2"

stop
echo "fetch: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mk/texhyph.py: a libhyphen dictionary from TeX's hyph-utf8 patterns.

usage: texhyph.py TEX PAT [HYP] OUT
  TEX  hyph-LANG.tex: its header says the hyphenmins (and whose the
       patterns are, copied into OUT's comments)
  PAT  hyph-LANG.pat.txt: one Liang pattern a line, UTF-8
  HYP  hyph-LANG.hyp.txt: the exceptions, one hyphenated word a line
  OUT  hyph_LANG.dic, UTF-8, for hnj_hyphen_load()

libhyphen matches patterns with a finite automaton that, on reaching a
state (a prefix of a pattern), applies only the pattern that state spells,
if any: the values of the shorter patterns that end there are lost unless
it carries them. So every prefix of a pattern that holds a pattern becomes
a pattern itself, with at each position the highest value any pattern found
in it has there (libhyphen's README calls this step substrings.pl). An exception ki-lo-gramm becomes the whole-word pattern
.k8i9l8o9g8r8a8m8m. : 9 (odd, above every pattern's value) where it
hyphenates, 8 (even, above every odd value the patterns use) where it does
not.
"""
import re
import sys


def parse(pat):
    """'.ab1r' -> ('.abr', [0, 0, 0, 1, 0]): the letters and the value
    before each letter and after the last."""
    letters, values = [], [0]
    for ch in pat:
        if ch.isdigit():
            values[-1] = max(values[-1], int(ch))
        else:
            letters.append(ch)
            values.append(0)
    return "".join(letters), values


def close_under_substrings(pats):
    """pats: letters -> values. The automaton's states are the patterns'
    prefixes; each prefix that holds a pattern becomes a pattern with, at
    each position, the highest value of every pattern found in it."""
    out = {}
    for word in pats:
        for end in range(1, len(word) + 1):
            prefix = word[:end]
            if prefix in out:
                continue
            v = [0] * (end + 1)
            found = False
            for i in range(end):
                for j in range(i + 1, end + 1):
                    sub = pats.get(prefix[i:j])
                    if sub is None:
                        continue
                    found = True
                    for k, x in enumerate(sub):
                        if x > v[i + k]:
                            v[i + k] = x
            if found:
                out[prefix] = v
    return out


def fmt(word, values):
    s = []
    for k, ch in enumerate(word):
        if values[k]:
            s.append(str(values[k]))
        s.append(ch)
    if values[len(word)]:
        s.append(str(values[len(word)]))
    return "".join(s)


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    tex, pat, out = argv[1], argv[2], argv[-1]
    hyp = argv[3] if len(argv) == 5 else None
    try:
        head = open(tex, encoding="utf-8").read().split("\\patterns", 1)[0]
        lines = open(pat, encoding="utf-8").read().split()
        exceptions = open(hyp, encoding="utf-8").read().split() if hyp else []
    except (OSError, UnicodeDecodeError) as e:
        sys.stderr.write("texhyph.py: %s\n" % e)
        return 1
    m = re.search(r"%\s*hyphenmins:\s*\n%\s*typesetting:\s*\n%\s*left:\s*(\d+)\s*\n%\s*right:\s*(\d+)", head)
    if not m:
        sys.stderr.write("texhyph.py: %s: no 'hyphenmins: typesetting: left/right' in its header\n" % tex)
        return 1
    left, right = int(m.group(1)), int(m.group(2))
    pats = {}
    for p in lines:
        if p.startswith("%"):
            continue
        word, values = parse(p)
        if not word:
            continue
        old = pats.get(word)
        pats[word] = [max(a, b) for a, b in zip(old, values)] if old else values
    if len(pats) < 100:
        sys.stderr.write("texhyph.py: %s: only %d patterns\n" % (pat, len(pats)))
        return 1
    top = max(max(v) for v in pats.values())
    if top > 8:
        sys.stderr.write("texhyph.py: %s: a pattern value of 9 leaves the exceptions no room\n" % pat)
        return 1
    for e in exceptions:
        if e.startswith("%"):
            continue
        letters = e.replace("-", "")
        values = [0]
        for k in range(1, len(letters)):
            values.append(8)
        values.append(0)
        pos = 0
        for part in e.split("-")[:-1]:
            pos += len(part)
            values[pos] = 9
        pats["." + letters + "."] = [0] + values + [0]
    closed = close_under_substrings(pats)
    credit = [l for l in head.split("\n") if re.match(r"%\s*(title|copyright|version|licence|name|url):", l)]
    with open(out + ".new", "w", encoding="utf-8") as f:
        f.write("UTF-8\n")
        f.write("LEFTHYPHENMIN %d\nRIGHTHYPHENMIN %d\n" % (left, right))
        f.write("%% Made by mk/texhyph.py from %s (hyph-utf8), closed under substrings for libhyphen;\n" % tex.split("/")[-1])
        f.write("%% %d patterns and %d exceptions. The header of the source:\n" % (len(pats), len(exceptions)))
        for l in credit:
            f.write(l.rstrip() + "\n")
        for word in sorted(closed):
            f.write(fmt(word, closed[word]) + "\n")
    import os
    os.replace(out + ".new", out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

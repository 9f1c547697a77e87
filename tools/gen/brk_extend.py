#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# tools/gen/brk_extend.py: writes render/ink_brk_extend.h, the code points a
# line must never break before (they extend the grapheme cluster of the
# character before them: combining marks Mn, Me, Mc, ZWNJ/ZWJ, emoji
# modifiers, tags), from Python's Unicode database. Ranges are merged
# across unassigned code points. Run: python3 tools/gen/brk_extend.py
import unicodedata as u

def ext(c):
    return (u.category(chr(c)) in ('Mn', 'Me', 'Mc') or c in (0x200C, 0x200D)
            or 0x1F3FB <= c <= 0x1F3FF or 0xE0020 <= c <= 0xE007F)

r = []
for c in range(0x300, 0xF0000):
    if not ext(c):
        continue
    if r and all(u.category(chr(k)) == 'Cn' for k in range(r[-1][1] + 1, c)):
        r[-1][1] = c
    else:
        r.append([c, c])
out = ['/* SPDX-License-Identifier: MIT */',
       '/* ink_brk_extend.h: written by tools/gen/brk_extend.py from Unicode %s;' % u.unidata_version,
       ' * do not edit. Ranges of code points that extend a grapheme cluster, as',
       ' * start << 11 | (last - start), ascending. */',
       'static const uint32_t ink_brk_extend_tab[%d] = {' % len(r)]
assert all(b - a < 2048 for a, b in r)
line = '   '
for a, b in r:
    item = ' 0x%08Xu,' % (a << 11 | (b - a))
    if len(line) + len(item) > 100:
        out.append(line)
        line = '   '
    line += item
out.append(line)
out.append('};')
open('render/ink_brk_extend.h', 'w').write('\n'.join(out) + '\n')

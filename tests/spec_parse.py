#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reads an inkpress bundle with nothing but docs/FORMAT.md, checks every
CRC and stream, and prints the articles in the form `inkpress extract`
prints them. tests/e2e.sh compares the two.

usage: spec_parse.py EDITION.ink
"""
import struct
import sys
import zlib


def fail(msg):
    sys.exit("spec_parse: " + msg)


def main():
    data = open(sys.argv[1], "rb").read()
    if data[:8] != b"INKB\r\n\x1a\n":
        fail("bad magic")
    major, minor, size, nsect, _flags, hcrc = struct.unpack_from("<HHIHHI", data, 8)
    if major not in (2, 3):
        fail("major version %d" % major)
    table = 24 + 16 * nsect
    head = bytearray(data[:table])
    head[20:24] = b"\0\0\0\0"
    if zlib.crc32(bytes(head)) != hcrc:
        fail("header CRC")
    sect = {}
    for i in range(nsect):
        tag, off, length, crc = struct.unpack_from("<4sIII", data, 24 + 16 * i)
        body = data[off:off + length]
        if off < table or off + length > size or zlib.crc32(body) != crc:
            fail("section %s out of place or damaged" % tag)
        sect[tag.decode()] = body
    meta = sect["META"]
    name, date, narticles, nsections, ngroups, nchunks, per_chunk, _ = struct.unpack_from("<IIIIIIHH", meta)
    strs = sect["STRS"]

    def string(ref):
        if ref == 0xFFFFFFFF:
            return None
        return unhint(strs[ref:strs.index(b"\0", ref)]).decode("utf-8")

    secs = [struct.unpack_from("<III", sect["SECS"], 12 * i) for i in range(nsections)]
    arts = [struct.unpack_from("<II", sect["ARTS"], 8 * i) for i in range(narticles)]
    grps = [struct.unpack_from("<III", sect["GRPS"], 12 * i) for i in range(ngroups)]
    titl = [struct.unpack_from("<IIII", sect["TITL"], 16 * i) for i in range(nchunks)]
    text = sect["TEXT"]
    zdict = b""
    if sect.get("DICT"):
        # The dictionary's own stream: it stops, unfinished, on a byte boundary.
        dlen, = struct.unpack_from("<I", sect["DICT"])
        d = zlib.decompressobj(-15)
        zdict = d.decompress(sect["DICT"][4:])
        if len(zdict) != dlen or d.eof or d.unconsumed_tail or not 0 < dlen <= 32768:
            fail("DICT does not inflate to its length, or ends")
    check_font_kern(sect)
    check_hyph(sect.get("HYPH"), narticles)

    def inflate(off, length):
        d = zlib.decompressobj(-15, zdict=zdict) if zdict else zlib.decompressobj(-15)
        out = d.decompress(text[off:off + length]) + d.flush()
        if not d.eof or d.unused_data:
            fail("a stream does not end where it should")
        return out

    texts = []
    for g, (first, off, length) in enumerate(grps):
        end = grps[g + 1][0] if g + 1 < ngroups else narticles
        raw = inflate(off, length)
        at = 0
        for i in range(first, end):
            tlen, tcrc = arts[i]
            piece = raw[at:at + tlen]
            if len(piece) != tlen or zlib.crc32(piece) != tcrc:
                fail("article %d damaged" % (i + 1))
            texts.append(piece)
            at += tlen
        if at != len(raw):
            fail("group %d longer than its articles" % g)
    titles = []
    for off, length, rawlen, crc in titl:
        raw = inflate(off, length)
        if len(raw) != rawlen or zlib.crc32(raw) != crc:
            fail("title chunk damaged")
        titles += [unhint(t).decode("utf-8") for t in raw.split(b"\0")[:-1]]
    if len(titles) != narticles:
        fail("%d titles for %d articles" % (len(titles), narticles))
    section_of = {}
    for s, (ref, first, count) in enumerate(secs):
        for i in range(first, first + count):
            section_of[i] = string(ref)
    out = []
    for i in range(narticles):
        head = {}
        blocks = []
        for part in split_blocks(texts[i]):
            code, body = part[0], unhint(part[1:]).decode("utf-8")
            if code in (7, 8, 9):
                head[code] = body
            else:
                prefix = {3: "## ", 4: "> ", 5: "- "}.get(code, "")
                blocks.append(prefix + body)
        lines = ["title: " + titles[i]]
        if 8 in head:
            lines.append("date: " + head[8])
        lines.append("section: " + section_of[i])
        if 7 in head:
            lines.append("source: " + head[7])
        if 9 in head:
            lines.append("byline: " + head[9])
        article = "\n".join(lines) + "\n" + "".join("\n" + b + "\n" for b in blocks)
        out.append(article)
    sys.stdout.write("\f\n".join(out))


def unhint(b):
    """The cleaned text without the packer's layout hints and no-break marks ("Article text")
    and without the glyphs of shaped runs ("Shaped runs"), which are checked."""
    b = drop_runs(drop_levels(b))
    return b.replace(b"\xc2\xad", b"").replace(b"\xe2\x80\x8b", b"").replace(b"\x15", b"").replace(
        b"\x16", b"").replace(b"\x17", b"").replace(b"\x1a", b"").replace(b"\x14", b" ")


def drop_levels(b):
    """Bidi levels: 0x19 and one byte 0x80 to 0xBF ("Article text")."""
    out, i = bytearray(), 0
    while True:
        j = b.find(b"\x19", i)
        if j < 0:
            return bytes(out + b[i:])
        if j + 1 >= len(b) or b[j + 1] & 0xC0 != 0x80:
            fail("bidi level code")
        out += b[i:j]
        i = j + 2


def six(b):
    v = 0
    for x in b:
        v = v << 6 | (x & 0x3F)
    return v


def drop_runs(b):
    """Each shaped run (0x18, face, n, ulen, n records of 11 bytes, ulen
    bytes of text) is checked and replaced by its text."""
    out, i = bytearray(), 0
    while True:
        j = b.find(b"\x18", i)
        if j < 0:
            return bytes(out + b[i:])
        out += b[i:j]
        head = b[j + 1:j + 5]
        if len(head) < 4 or any(x & 0xC0 != 0x80 for x in head):
            fail("shaped run header")
        face, n, ulen = six(head[0:1]), six(head[1:2]), six(head[2:4])
        recs = b[j + 5:j + 5 + 11 * n]
        text = b[j + 5 + 11 * n:j + 5 + 11 * n + ulen]
        if not 3 <= face <= 15 or not n or not ulen or len(recs) < 11 * n or len(text) < ulen:
            fail("shaped run lengths")
        if any(x & 0xC0 != 0x80 for x in recs) or any(x < 0x20 for x in text):
            fail("shaped run bytes")
        for g in range(n):
            if six(recs[11 * g + 9:11 * g + 11]) >= ulen:
                fail("shaped run cluster past its text")
        text.decode("utf-8")
        out += text
        i = j + 5 + 11 * n + ulen


def check_hyph(h, narticles):
    """HYPH: the table, its buckets and records, as the spec lays them out."""
    if h is None:
        return
    left, right, _npat, rlen = struct.unpack_from("<BBHI", h)
    table = 16 + 2 * 757
    if not (1 <= left <= 15 and 1 <= right <= 15) or len(h) != table + rlen + (narticles + 7) // 8:
        fail("HYPH header or length")
    starts = struct.unpack_from("<757H", h, 16)
    if starts[0] != 0 or starts[-1] != rlen or any(a > b for a, b in zip(starts, starts[1:])):
        fail("HYPH bucket starts")
    rec = h[table:table + rlen]
    alphabet = b".abcdefghijklmnopqrstuvwxyz"
    for b in range(756):
        p, end = starts[b], starts[b + 1]
        plen = 1 if b % 28 == 27 else 2
        prev = None
        while p < end:
            nrest, nvals = rec[p] >> 4, rec[p] & 15
            letters = rec[p + 1:p + 1 + nrest]
            vals = rec[p + 1 + nrest:p + 1 + nrest + nvals]
            if (not nvals or (plen == 1 and nrest) or p + 1 + nrest + nvals > end
                    or any(c not in alphabet for c in letters)
                    or any(v >> 4 > plen + nrest or not v & 15 for v in vals)):
                fail("HYPH record in bucket %d" % b)
            if prev is not None and not prev < letters:
                fail("HYPH records of bucket %d out of order" % b)
            prev = letters
            p += 1 + nrest + nvals


def check_font_kern(sect):
    """FONT: a table of faces inside the section; KERN: counts that fit, code points ascending."""
    font = sect.get("FONT")
    if font is not None:
        (nfaces,) = struct.unpack_from("<I", font, 0)
        table = 4 + 8 * nfaces
        if not 1 <= nfaces <= 16 or table > len(font):
            fail("FONT table")
        for i in range(nfaces):
            off, length = struct.unpack_from("<II", font, 4 + 8 * i)
            if length and (off < table or off % 4 or off + length > len(font)):
                fail("FONT face %d out of place" % i)
            if i == 0 and not length:
                fail("FONT without a regular face")
            if length and font[off:off + 4] not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
                fail("FONT face %d is no TrueType or OpenType font" % i)
            if length and i >= 3:
                cps = cmap_codepoints(font[off:off + length])
                if not cps:
                    fail("FONT fallback face %d maps no character" % i)
    kern = sect.get("KERN")
    if kern is not None:
        ncps, r, b, it = struct.unpack_from("<IIII", kern, 0)
        if ncps > 4096 or 16 + 4 * (ncps + r + b + it) > len(kern):
            fail("KERN counts")
        cps = struct.unpack_from("<%dI" % ncps, kern, 16)
        if any(x >= y for x, y in zip(cps, cps[1:])):
            fail("KERN code points out of order")


def cmap_codepoints(f):
    """The code points of a font's cmap (formats 4 and 12; what the packer's
    subsets hold), read from the table directory."""
    (ntables,) = struct.unpack_from(">H", f, 4)
    cmap = None
    for k in range(ntables):
        tag, _, off, length = struct.unpack_from(">4sIII", f, 12 + 16 * k)
        if tag == b"cmap":
            if off + length > len(f):
                fail("FONT cmap out of its face")
            cmap = f[off:off + length]
    if cmap is None:
        fail("FONT face without a cmap")
    cps = set()
    _, n = struct.unpack_from(">HH", cmap, 0)
    for k in range(n):
        _, _, sub = struct.unpack_from(">HHI", cmap, 4 + 8 * k)
        (fmt,) = struct.unpack_from(">H", cmap, sub)
        if fmt == 4:
            (segx2,) = struct.unpack_from(">H", cmap, sub + 6)
            seg = segx2 // 2
            ends = struct.unpack_from(">%dH" % seg, cmap, sub + 14)
            starts = struct.unpack_from(">%dH" % seg, cmap, sub + 16 + segx2)
            for a, b in zip(starts, ends):
                if a != 0xFFFF:
                    cps.update(range(a, b + 1))
        elif fmt == 12:
            (ng,) = struct.unpack_from(">I", cmap, sub + 12)
            for g in range(ng):
                a, b, _ = struct.unpack_from(">III", cmap, sub + 16 + 12 * g)
                cps.update(range(a, b + 1))
    return cps


def split_blocks(t):
    parts, start = [], None
    for k, c in enumerate(t):
        if 1 <= c <= 9:
            if start is not None:
                parts.append(t[start:k])
            start = k
    if start is not None:
        parts.append(t[start:])
    return parts


if __name__ == "__main__":
    main()

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
    if major != 2:
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
        return strs[ref:strs.index(b"\0", ref)].decode("utf-8")

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
    """The cleaned text without the packer's layout hints ("Article text")."""
    return b.replace(b"\xc2\xad", b"").replace(b"\xe2\x80\x8b", b"").replace(b"\x15", b"").replace(
        b"\x16", b"").replace(b"\x17", b"").replace(b"\x18", b"").replace(b"\x14", b" ")


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
    kern = sect.get("KERN")
    if kern is not None:
        ncps, r, b, it = struct.unpack_from("<IIII", kern, 0)
        if ncps > 4096 or 16 + 4 * (ncps + r + b + it) > len(kern):
            fail("KERN counts")
        cps = struct.unpack_from("<%dI" % ncps, kern, 16)
        if any(x >= y for x, y in zip(cps, cps[1:])):
            fail("KERN code points out of order")


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

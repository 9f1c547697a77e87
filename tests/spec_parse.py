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
    if major != 1:
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
    zdict = sect.get("DICT", b"")

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
        titles += [t.decode("utf-8") for t in raw.split(b"\0")[:-1]]
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
            code, body = part[0], part[1:].decode("utf-8")
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

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes damaged copies of a sound bundle, one per way a bundle can be
bad, each with every CRC mended except where the damage is the CRC, so
that the reader's other checks are what catches it. tests/badbundle.sh
shows each to inkpress-sim.

usage: badbundle.py GOOD.ink ONE.ink OUTDIR   (ONE.ink: a bundle of one article)
Prints one line per file written: NAME KEYS SENTENCE (KEYS: buttons to press
to reach the damage, joined by +, - for none; SENTENCE: what the reader must say, docs/FORMAT.md and
render/ink_err.c).
"""
import os
import struct
import sys
import zlib

NOT_INK = "This file is not an inkpress edition."
NEWER = "This edition needs a newer reader."
TRUNC = "The edition is truncated."
RANGE = "The edition points outside itself."
CRC = "The edition is damaged (checksum mismatch)."
INFLATE = "An article's compressed text is damaged."
TOO_BIG = "An article is too large for this reader."
FORMAT = "The edition holds impossible values."
FONT = "A font could not be loaded."


class Bundle:
    def __init__(self, data):
        self.d = bytearray(data)
        self.nsect = struct.unpack_from("<H", self.d, 16)[0]

    def entry(self, tag):
        for i in range(self.nsect):
            at = 24 + 16 * i
            if self.d[at:at + 4] == tag:
                return at
        raise KeyError(tag)

    def span(self, tag):
        at = self.entry(tag)
        return struct.unpack_from("<II", self.d, at + 4)

    def mend(self, tags=(b"META", b"STRS", b"SECS", b"ARTS", b"GRPS", b"TITL", b"DICT", b"TEXT", b"FONT", b"KERN")):
        for tag in tags:
            try:
                at = self.entry(tag)
            except KeyError:
                continue
            off, length = struct.unpack_from("<II", self.d, at + 4)
            struct.pack_into("<I", self.d, at + 12, zlib.crc32(bytes(self.d[off:off + length])))
        self.mend_header()

    def mend_header(self):
        table = 24 + 16 * self.nsect
        struct.pack_into("<I", self.d, 20, 0)
        struct.pack_into("<I", self.d, 20, zlib.crc32(bytes(self.d[:table])))


def main():
    good = open(sys.argv[1], "rb").read()
    one = open(sys.argv[2], "rb").read()
    out = sys.argv[3]
    os.makedirs(out, exist_ok=True)
    cases = []

    def write(name, data, keys, sentence):
        with open(os.path.join(out, name + ".ink"), "wb") as f:
            f.write(bytes(data))
        cases.append((name, keys, sentence))

    # Truncated: the last third gone, and cut inside the header.
    write("truncated", good[: len(good) * 2 // 3], "-", TRUNC)
    write("truncated-header", good[:20], "-", TRUNC)
    # Not a bundle at all, and one letter of the magic wrong.
    write("magic", b"PK\x03\x04" + good[4:], "-", NOT_INK)
    # A future major version (CRC mended: only the version is wrong); a
    # reader reads 2, 3 (3: shaped runs and bidi levels), 4 (pictures) and 5
    # (texts in an order of their own).
    b = Bundle(good)
    struct.pack_into("<H", b.d, 8, 6)
    b.mend_header()
    write("version", b.d, "-", NEWER)
    # Offsets past the end: a section starting past the bundle's end.
    b = Bundle(good)
    struct.pack_into("<I", b.d, b.entry(b"STRS") + 4, len(good) + 4096)
    b.mend_header()
    write("offset-past-end", b.d, "-", RANGE)
    # A group stream said to start past the end of TEXT.
    b = Bundle(good)
    goff, _ = b.span(b"GRPS")
    struct.pack_into("<I", b.d, goff + 4, 0xFFFFFF00)
    b.mend()
    write("stream-past-end", b.d, "-", RANGE)
    # Lengths that overflow: offset + length wraps around 2^32.
    b = Bundle(good)
    struct.pack_into("<I", b.d, b.entry(b"TEXT") + 8, 0xFFFFFFF0)
    b.mend_header()
    write("length-wraps", b.d, "-", RANGE)
    # An article length near 2^32: sums of lengths must not wrap either.
    b = Bundle(good)
    aoff, _ = b.span(b"ARTS")
    struct.pack_into("<I", b.d, aoff, 0xFFFFFFF8)
    b.mend()
    write("article-length-wraps", b.d, "-", TOO_BIG)
    # A count that overflows when multiplied by an entry size.
    b = Bundle(good)
    moff, _ = b.span(b"META")
    struct.pack_into("<I", b.d, moff + 16, 0x20000000)  # ngroups * 12 wraps 32 bits
    b.mend()
    write("count-wraps", b.d, "-", RANGE)
    # CRC mismatch: one byte of the index changed, CRCs left as they were.
    b = Bundle(good)
    soff, slen = b.span(b"SECS")
    b.d[soff + 4] ^= 0x01
    write("crc", b.d, "-", CRC)
    # An article's own text CRC wrong (index sound): seen when it opens.
    b = Bundle(good)
    struct.pack_into("<I", b.d, aoff + 4, struct.unpack_from("<I", b.d, aoff + 4)[0] ^ 1)
    b.mend()
    write("text-crc", b.d, "select", CRC)
    # An article longer than any reader accepts (98,305 bytes of text claimed
    # by the second article, after one that opens): refused as too large,
    # by the device and by inspect and extract (which once freed the first
    # article's buffer a second time here). BACK leaves the error screen:
    # the simulator still exits 3, having shown it.
    b = Bundle(good)
    struct.pack_into("<I", b.d, aoff + 8, 98305)
    b.mend()
    write("article-too-big", b.d, "next+select+back", TOO_BIG)
    # A deflate bomb: the one article's stream replaced by 64 MiB of zeros
    # (about 64 KiB compressed) while the index still claims its small
    # length. The reader inflates no more than the claim and one byte.
    b = Bundle(one)
    goff, _ = b.span(b"GRPS")
    toff, tlen = b.span(b"TEXT")
    # TEXT moves to the end of the file (whatever follows it stays where it
    # is), with the bomb after the old streams.
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    zero = bytes(1 << 20)
    bomb = b"".join(z.compress(zero) for _ in range(64)) + z.flush()
    b.d += bytes((-len(b.d)) % 4)
    new_off = len(b.d)
    b.d += b.d[toff:toff + tlen] + bytes((-tlen) % 4)
    struct.pack_into("<III", b.d, goff, 0, len(b.d) - new_off, len(bomb))
    b.d += bomb
    struct.pack_into("<II", b.d, b.entry(b"TEXT") + 4, new_off, len(b.d) - new_off)
    struct.pack_into("<I", b.d, 12, len(b.d))
    b.mend()
    write("deflate-bomb", b.d, "select", INFLATE)
    # The edition's own regular face (FONT, bundle 1.1) mangled where its
    # table directory is; the reader says so in its own faces.
    b = Bundle(good)
    try:
        foff, flen = b.span(b"FONT")
    except KeyError:
        foff = None
    if foff is not None:
        face0 = foff + struct.unpack_from("<I", b.d, foff + 4)[0]
        b.d[face0:face0 + 64] = bytes((0xA5 + i) & 0xFF for i in range(64))
        b.mend()
        write("font-in-bundle", b.d, "-", FONT)
    for name, keys, sentence in cases:
        print(name, keys, sentence)


if __name__ == "__main__":
    main()

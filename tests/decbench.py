#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The input of `make bench-decoders` (issue 19 item 4): an edition's
article groups, each as the bundle holds it (raw deflate against the
bundle's DICT) and as zstd would (`zstd -19` against a dictionary of the
same size trained on the edition's articles), in one file the board
program tests/decbench.c reads.

usage: decbench.py EDITION.ink WORKDIR
Writes WORKDIR/decbench.bin (layout below) and prints `key value` lines
(sizes in bytes) for tests/bench-decoders.sh.

decbench.bin, little-endian:
  0  8 bytes  "INKDECB\\n"
  8  u32      ngroups
 12  u32 u32  offset, length of DICT's deflate stream (as the device runs it)
 20  u32 u32  offset, length of the raw dictionary (for inflateSetDictionary)
 28  u32 u32  offset, length of the zstd dictionary
 36  u32      the largest article (the device's output buffer today)
 40  ngroups entries of 32 bytes: raw_length, raw_crc (CRC-32 of the group's
     text), deflate offset, deflate length, zstd offset, zstd length, and
     the offset and length of its articles' text lengths (u32 each)
then the blobs the offsets point at.
"""
import os
import struct
import subprocess
import sys
import zlib


def fail(msg):
    sys.exit("decbench.py: " + msg)


def sections(data):
    if data[:8] != b"INKB\r\n\x1a\n":
        fail("not an inkpress bundle")
    nentries, = struct.unpack_from("<H", data, 16)
    out = {}
    for i in range(nentries):
        tag, off, length, _ = struct.unpack_from("<4sIII", data, 24 + 16 * i)
        out[tag.decode("latin-1")] = data[off:off + length]
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: decbench.py EDITION.ink WORKDIR")
    bundle, work = sys.argv[1], sys.argv[2]
    data = open(bundle, "rb").read()
    sect = sections(data)
    for tag in ("META", "ARTS", "GRPS", "DICT", "TEXT"):
        if tag not in sect:
            fail("%s has no %s section" % (bundle, tag))
    narticles, _, ngroups = struct.unpack_from("<III", sect["META"], 8)
    arts = [struct.unpack_from("<II", sect["ARTS"], 8 * i) for i in range(narticles)]
    grps = [struct.unpack_from("<III", sect["GRPS"], 12 * i) for i in range(ngroups)]
    dict_len, = struct.unpack_from("<I", sect["DICT"])
    dict_stream = sect["DICT"][4:]
    z = zlib.decompressobj(-15)
    raw_dict = z.decompress(dict_stream)
    if len(raw_dict) != dict_len:
        fail("DICT does not inflate to its length")
    text = sect["TEXT"]

    # Each group's text, checked against its articles' CRCs.
    groups = []
    os.makedirs(os.path.join(work, "articles"), exist_ok=True)
    for g, (first, off, length) in enumerate(grps):
        end = grps[g + 1][0] if g + 1 < ngroups else narticles
        z = zlib.decompressobj(-15, zdict=raw_dict)
        raw = z.decompress(text[off:off + length]) + z.flush()
        if not z.eof or z.unused_data:
            fail("group %d: its stream does not end in its last byte" % g)
        at = 0
        for i in range(first, end):
            tlen, tcrc = arts[i]
            piece = raw[at:at + tlen]
            if len(piece) != tlen or zlib.crc32(piece) != tcrc:
                fail("article %d damaged" % (i + 1))
            with open(os.path.join(work, "articles", "%05d" % i), "wb") as f:
                f.write(piece)
            at += tlen
        if at != len(raw):
            fail("group %d longer than its articles" % g)
        groups.append((raw, text[off:off + length], [t for t, _ in arts[first:end]]))
    if not groups:
        fail("no groups in %s" % bundle)

    # A zstd dictionary of the DICT's size, trained on the articles; each
    # group compressed against it at zstd's strongest ordinary level, with
    # no checksum (the bundle has CRCs) and no dictionary id.
    zdict_path = os.path.join(work, "zstd.dict")
    arts_dir = os.path.join(work, "articles")
    subprocess.run(["zstd", "-q", "-f", "--train", "-19", "--maxdict=%d" % dict_len, "-o", zdict_path] +
                   [os.path.join(arts_dir, n) for n in sorted(os.listdir(arts_dir))], check=True)
    zdict = open(zdict_path, "rb").read()
    zframes = []
    for raw, _, _ in groups:
        r = subprocess.run(["zstd", "-q", "-19", "--no-check", "--no-dictID", "-D", zdict_path, "-c"], input=raw,
                           stdout=subprocess.PIPE, check=True)
        zframes.append(r.stdout)

    blobs = bytearray()
    base = 40 + 32 * len(groups)

    def put(b):
        at = base + len(blobs)
        blobs.extend(b)
        blobs.extend(b"\0" * (-len(blobs) % 8))
        return at

    head = bytearray(b"INKDECB\n")
    head += struct.pack("<I", len(groups))
    head += struct.pack("<II", put(dict_stream), len(dict_stream))
    head += struct.pack("<II", put(raw_dict), len(raw_dict))
    head += struct.pack("<II", put(zdict), len(zdict))
    head += struct.pack("<I", max(t for t, _ in arts))
    for (raw, defl, lens), zf in zip(groups, zframes):
        head += struct.pack("<IIIIIIII", len(raw), zlib.crc32(raw), put(defl), len(defl), put(zf), len(zf),
                            put(struct.pack("<%dI" % len(lens), *lens)), 4 * len(lens))
    with open(os.path.join(work, "decbench.bin"), "wb") as f:
        f.write(head + blobs)

    print("groups", len(groups))
    print("articles", narticles)
    print("raw", sum(len(g[0]) for g in groups))
    print("max_group", max(len(g[0]) for g in groups))
    print("max_article", max(t for t, _ in arts))
    print("deflate", sum(len(g[1]) for g in groups))
    print("deflate_dict", len(sect["DICT"]))
    print("dict_raw", len(raw_dict))
    print("zstd", sum(len(f) for f in zframes))
    print("zstd_dict", len(zdict))
    print("payload", len(data) - sum(len(sect.get(t, b"")) for t in ("FONT", "KERN")))


main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reads an inkpress bundle with nothing but docs/FORMAT.md, makes every
check its "Checks a reader makes" lists, and prints the articles in the
text form ("The text form"). tests/e2e.sh compares that with `inkpress
extract`; tests/badbundle.sh holds it to refuse every damaged bundle the C
reader refuses.

usage: spec_parse.py EDITION.ink
Exit status 0, or 1 with "spec_parse: WHAT" on stderr for a damaged bundle.
"""
import struct
import sys
import zlib

KNOWN = (b"META", b"STRS", b"SECS", b"ARTS", b"GRPS", b"TITL", b"DICT", b"TEXT", b"HYPH", b"FONT", b"KERN", b"PICS",
         b"AFNT", b"ORDR")


def fail(msg):
    sys.exit("spec_parse: " + msg)


def utf8(b, what):
    try:
        return b.decode("utf-8")  # Python's codec is RFC 3629's UTF-8
    except UnicodeDecodeError:
        fail(what + " is not UTF-8")


def main():
    data = open(sys.argv[1], "rb").read()
    if len(data) < 8 or data[:8] != b"INKB\r\n\x1a\n":
        fail("bad magic")
    if len(data) < 24:
        fail("shorter than the header")
    major, minor, size, nentries, _flags, hcrc = struct.unpack_from("<HHIHHI", data, 8)
    if major not in (2, 3, 4, 5):
        fail("major version %d" % major)
    if size > len(data):
        fail("file_size past the end")
    if not 1 <= nentries <= 32:
        fail("nentries %d" % nentries)
    table = 24 + 16 * nentries
    if table > size:
        fail("section table past file_size")
    head = bytearray(data[:table])
    head[20:24] = b"\0\0\0\0"
    if zlib.crc32(bytes(head)) != hcrc:
        fail("header CRC")
    sect = {}
    places = []
    for i in range(nentries):
        tag, off, length, crc = struct.unpack_from("<4sIII", data, 24 + 16 * i)
        if off < table or off + length > size:
            fail("section %s out of place" % tag)
        if tag in [t for t, _, _ in places]:
            fail("tag %s twice" % tag)
        for _, o, n in places:
            if length and n and off < o + n and o < off + length:
                fail("section %s overlaps another" % tag)
        places.append((tag, off, length))
        body = data[off:off + length]
        if tag in KNOWN and tag != b"TEXT" and zlib.crc32(body) != crc:
            fail("section %s damaged" % tag)
        sect[tag.decode("latin-1")] = body
    for tag in ("META", "STRS", "SECS", "ARTS", "GRPS", "TITL", "TEXT"):
        if tag not in sect:
            fail("no %s" % tag)
    meta, strs = sect["META"], sect["STRS"]
    if len(meta) < 28 or not strs:
        fail("META or STRS too short")
    name, date, narticles, nsections, ngroups, nchunks, per_chunk, _ = struct.unpack_from("<IIIIIIHH", meta)
    if not (1 <= narticles <= 0xFFFFFF and nsections and ngroups and per_chunk):
        fail("META counts")
    if nchunks != (narticles + per_chunk - 1) // per_chunk:
        fail("nchunks")
    for tag, count, size_ in (("SECS", nsections, 12), ("ARTS", narticles, 8), ("GRPS", ngroups, 12),
                              ("TITL", nchunks, 16)):
        if len(sect[tag]) != count * size_:
            fail("%s is not exactly its table" % tag)
    if strs[-1] != 0:
        fail("STRS does not end with a NUL")

    def string(ref):
        if ref == 0xFFFFFFFF:
            return None
        if ref >= len(strs):
            fail("string reference outside STRS")
        return utf8(drop_runs(drop_levels(strs[ref:strs.index(b"\0", ref)])), "a string")

    string(name)
    d = string(date)
    if d is not None and not (len(d) == 10 and d[4] == d[7] == "-" and (d[:4] + d[5:7] + d[8:]).isdigit()
                              and d[:10].isascii() and 1 <= int(d[5:7]) <= 12 and 1 <= int(d[8:10]) <= 31):
        fail("date %r" % d)
    secs = [struct.unpack_from("<III", sect["SECS"], 12 * i) for i in range(nsections)]
    arts = [struct.unpack_from("<II", sect["ARTS"], 8 * i) for i in range(narticles)]
    grps = [struct.unpack_from("<III", sect["GRPS"], 12 * i) for i in range(ngroups)]
    titl = [struct.unpack_from("<IIII", sect["TITL"], 16 * i) for i in range(nchunks)]
    text = sect["TEXT"]
    at = 0
    for ref, first, count in secs:
        string(ref)
        if first != at or count < 1 or first + count > narticles:
            fail("sections do not cover the articles in order")
        at += count
    if at != narticles:
        fail("sections do not cover the articles")
    if any(tlen == 0 for tlen, _ in arts):
        fail("an empty article")
    for g, (first, off, length) in enumerate(grps):
        end = grps[g + 1][0] if g + 1 < ngroups else narticles
        if (g == 0 and first != 0) or first >= narticles or first >= end:
            fail("groups out of order")
        if off + length > len(text):
            fail("a stream outside TEXT")
        if sum(tlen for tlen, _ in arts[first:end]) > 262144:
            fail("a group over 262,144 bytes")
    for off, length, rawlen, _ in titl:
        if off + length > len(text):
            fail("a title stream outside TEXT")
        if rawlen > 49152:
            fail("a title chunk over 49,152 bytes")
    place = check_ordr(sect.get("ORDR"), narticles, major)
    check_font_kern(sect)
    check_afnt(sect, narticles)
    check_hyph(sect.get("HYPH"), narticles)
    npics = check_pics(sect.get("PICS"), major)

    zdict = b""
    dsect = sect.get("DICT", b"")
    if dsect:
        if not 4 < len(dsect) <= 32836:
            fail("DICT length")
        dlen, = struct.unpack_from("<I", dsect)
        if not 0 < dlen <= 32768:
            fail("dict_length")
        # It stops, unfinished, between blocks on a byte boundary: an empty
        # final block after it (03 00) ends it right there.
        z = zlib.decompressobj(-15)
        zdict = z.decompress(dsect[4:])
        if len(zdict) != dlen or z.eof or z.unconsumed_tail:
            fail("DICT does not inflate to its length, or ends")
        z = zlib.decompressobj(-15)
        whole = z.decompress(dsect[4:] + b"\x03\x00")
        if whole != zdict or not z.eof or z.unused_data:
            fail("DICT does not stop between blocks on a byte boundary")

    def inflate(off, length):
        z = zlib.decompressobj(-15, zdict=zdict) if zdict else zlib.decompressobj(-15)
        try:
            out = z.decompress(text[off:off + length]) + z.flush()
        except zlib.error:
            fail("a stream is damaged")
        if not z.eof or z.unused_data:
            fail("a stream does not end in its last byte")
        return out

    stored = []  # the texts in storage order
    for g, (first, off, length) in enumerate(grps):
        end = grps[g + 1][0] if g + 1 < ngroups else narticles
        raw = inflate(off, length)
        at = 0
        for i in range(first, end):
            tlen, tcrc = arts[i]
            piece = raw[at:at + tlen]
            if len(piece) != tlen or zlib.crc32(piece) != tcrc:
                fail("the text at place %d damaged" % i)
            stored.append(piece)
            at += tlen
        if at != len(raw):
            fail("group %d longer than its articles" % g)
    texts = [stored[s] for s in place]
    for i, t in enumerate(texts):
        check_text(t, i, npics)
    titles = []
    for c, (off, length, rawlen, crc) in enumerate(titl):
        raw = inflate(off, length)
        if len(raw) != rawlen or zlib.crc32(raw) != crc:
            fail("title chunk damaged")
        want = min(per_chunk, narticles - c * per_chunk)
        if raw.count(b"\0") != want or not raw.endswith(b"\0"):
            fail("title chunk %d does not hold its %d titles" % (c, want))
        titles += [unhint(t) for t in raw.split(b"\0")[:-1]]
    section_of = {}
    for s, (ref, first, count) in enumerate(secs):
        for i in range(first, first + count):
            section_of[i] = string(ref)
    out = []
    for i in range(narticles):
        head = {}
        blocks = []
        for part in split_blocks(texts[i]):
            code, body = part[0], part[1:]
            if code in (7, 8, 9):
                head[code] = unhint(body)
            elif code == 10:
                num, _, cap = body.partition(b" ")
                cap, _, credit = cap.partition(b"\x1c")
                pic = "![" + unhint(styles(cap)).rstrip(" ") + "](picture %d)" % int(num)
                blocks.append(pic + (" " + unhint(credit) if credit else ""))
            else:
                prefix = {3: "## ", 4: "> ", 5: "- "}.get(code, "")
                blocks.append(prefix + unhint(styles(body)))
        lines = ["title: " + titles[i]]
        if 8 in head:
            lines.append("date: " + head[8])
        lines.append("section: " + unhint(section_of[i].encode("utf-8")))
        if 7 in head:
            lines.append("source: " + head[7])
        if 9 in head:
            lines.append("byline: " + head[9])
        article = "\n".join(lines) + "\n" + "".join("\n" + b + "\n" for b in blocks)
        out.append(article)
    sys.stdout.write("\f\n".join(out))


def check_ordr(o, narticles, major):
    """ORDR ("ORDR: storage order"): only in version 5; w bytes an article (1 up to 256 articles, 2 up to 65,536,
    else 3), a permutation of the places. Returns each article's place (its own index without ORDR)."""
    if o is None or not o:
        return list(range(narticles))
    if major < 5:
        fail("ORDR in a bundle of version %d" % major)
    w = 1 if narticles <= 256 else 2 if narticles <= 65536 else 3
    if len(o) != w * narticles:
        fail("ORDR is not exactly its table")
    place = [int.from_bytes(o[w * i:w * i + w], "little") for i in range(narticles)]
    if sorted(place) != list(range(narticles)):
        fail("ORDR is not a permutation of the places")
    return place


def check_pics(p, major):
    """PICS ("Pictures"): the table, and every picture inflating (4 KiB window) to exactly its rows, its CRC
    matching and its stream ending in its last byte. Returns the number of pictures (0 without PICS)."""
    if p is None or not p:
        return 0
    if major < 4:
        fail("PICS in a bundle of version %d" % major)
    if len(p) < 4:
        fail("PICS shorter than 4 bytes")
    n, = struct.unpack_from("<I", p)
    if not 1 <= n <= 4096 or 4 + 16 * n > len(p):
        fail("PICS: npics or its table")
    for i in range(n):
        w, h, off, length, crc = struct.unpack_from("<HHIII", p, 4 + 16 * i)
        if not (1 <= w <= 1600 and 1 <= h <= 2400) or length == 0 or off < 4 + 16 * n or off + length > len(p):
            fail("PICS: picture %d's size or place" % i)
        z = zlib.decompressobj(-12)
        try:
            raw = z.decompress(p[off:off + length]) + z.flush()
        except zlib.error:
            fail("PICS: picture %d damaged" % i)
        if not z.eof or z.unused_data or len(raw) != (w + 1) // 2 * h or zlib.crc32(raw) != crc:
            fail("PICS: picture %d is not its rows" % i)
    return n


def check_text(t, i, npics=0):
    """"Article text": a block code first, no 0x01 or 0x06, header blocks first, once each, in order; shaped
    runs (0x18) and bidi levels (0x19) well formed ("Shaped runs"); UTF-8 once they are taken out; a picture
    block (0x0A) starts with the number of a picture in PICS and a space."""
    for part in split_blocks(t):
        if part[0] == 10:
            num = part[1:].partition(b" ")[0]
            if (not num.isdigit() or len(num) > 4 or (num[:1] == b"0" and len(num) > 1) or b" " not in part
                    or int(num) >= npics):
                fail("article %d: a picture block without a picture of PICS" % (i + 1))
    if not t or not (2 <= t[0] <= 10) or t[0] == 6:
        fail("article %d does not start with a block code" % (i + 1))
    if 1 in t or 6 in t:
        fail("article %d holds a reserved code" % (i + 1))
    last, body = 0, False
    for c in t:
        if 7 <= c <= 9:
            if body or c <= last:
                fail("article %d: a header block after a body block or out of order" % (i + 1))
            last = c
        elif 2 <= c <= 5 or c == 10:
            body = True
    utf8(drop_runs(drop_levels(t)), "article %d" % (i + 1))


def styles(b):
    """Inline styles in the text form: italic on/off as _, bold on/off as **."""
    return b.replace(b"\x10", b"_").replace(b"\x11", b"_").replace(b"\x12", b"**").replace(b"\x13", b"**")


def unhint(b):
    """The text form of some text: the packer's layout hints out, shaped runs
    replaced by their text and bidi levels dropped (both checked: "Shaped
    runs"), other control bytes left out."""
    b = drop_runs(drop_levels(b))
    b = b.replace(b"\xc2\xad", b"").replace(b"\xe2\x80\x8b", b"").replace(b"\x14", b" ")
    return utf8(bytes(c for c in b if c >= 0x20), "text")


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
        utf8(text, "a shaped run's text")
        out += text
        i = j + 5 + 11 * n + ulen


def check_hyph(h, narticles):
    """HYPH: the table, its buckets and records, as the spec lays them out."""
    if h is None:
        return
    table = 16 + 2 * 757
    if len(h) < table:
        fail("HYPH shorter than its table")
    left, right, _npat, rlen = struct.unpack_from("<BBHI", h)
    if not (1 <= left <= 15 and 1 <= right <= 15) or len(h) != table + rlen + (narticles + 7) // 8:
        fail("HYPH header or length")
    lang = h[8:16].split(b"\0", 1)
    if not lang[0] or any(not 0x21 <= c <= 0x7E for c in lang[0]) or (len(lang) > 1 and lang[1].strip(b"\0")):
        fail("HYPH language")
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
    """FONT: a table of faces inside the section; KERN: exactly its tables, in order."""
    font = sect.get("FONT")
    if font:
        if len(font) < 4:
            fail("FONT shorter than its count")
        (nfaces,) = struct.unpack_from("<I", font, 0)
        table = 4 + 8 * nfaces
        if not 1 <= nfaces <= 16 or table > len(font):
            fail("FONT table")
        for i in range(nfaces):
            off, length = struct.unpack_from("<II", font, 4 + 8 * i)
            if not length and off:
                fail("FONT: empty face %d has an offset" % i)
            if length and (off < table or off + length > len(font)) or off % 4:
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
    if kern:
        if len(kern) < 16:
            fail("KERN shorter than 16 bytes")
        ncps, *npairs = struct.unpack_from("<IIII", kern, 0)
        if ncps > 4096 or 16 + 4 * (ncps + sum(npairs)) != len(kern):
            fail("KERN counts")
        cps = struct.unpack_from("<%dI" % ncps, kern, 16)
        if any(x >= y for x, y in zip(cps, cps[1:])) or any(c > 0x10FFFF for c in cps):
            fail("KERN code points out of order")
        at = 16 + 4 * ncps
        for n in npairs:
            pairs = struct.unpack_from("<%dI" % n, kern, at)
            at += 4 * n
            keys = [p >> 8 for p in pairs]
            if any(k >> 12 >= ncps or k & 0xFFF >= ncps for k in keys) or any(a >= b for a, b in zip(keys, keys[1:])):
                fail("KERN pairs out of range or order")


def check_afnt(sect, narticles):
    """AFNT: a byte per article, 0 or a fallback face of FONT (3 to nfaces - 1)."""
    afnt = sect.get("AFNT")
    if not afnt:
        return
    if len(afnt) != narticles:
        fail("AFNT is not a byte per article")
    font = sect.get("FONT")
    nfaces = struct.unpack_from("<I", font, 0)[0] if font else 0
    if any(b and not 3 <= b < nfaces for b in afnt):
        fail("AFNT names no fallback face")


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
        if 1 <= c <= 10:
            if start is not None:
                parts.append(t[start:k])
            start = k
    if start is not None:
        parts.append(t[start:])
    return parts


if __name__ == "__main__":
    main()

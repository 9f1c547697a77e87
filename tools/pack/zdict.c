/* SPDX-License-Identifier: MIT */
/* zdict.c: libdeflate's parse of a text after a preset dictionary, written
 * as a stream of its own (zdict.h; RFC 1951 for the bit layout). */
#include "zdict.h"

#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zopfli/katajainen.h>

#define NLL 286  /* literal/length symbols a stream may use */
#define NDIST 30 /* distance symbols */
#define NCL 19   /* code-length symbols */

static const uint16_t len_base[29] = { 3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                       31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1,    2,    3,    4,    5,    7,     9,     13,    17,  25,
                                        33,   49,   65,   97,   129,  193,   257,   385,   513, 769,
                                        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
static const uint8_t cl_order[NCL] = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

/* A literal (dist 0, len the byte) or a match. */
typedef struct tok {
    uint16_t len, dist;
} tok_t;

struct zdict {
    struct libdeflate_compressor *c;
    uint8_t len_sym[259]; /* length 3..258 -> symbol - 257 */
    uint8_t *all, *packed;
    size_t all_cap, packed_cap;
    tok_t *tok;
    size_t ntok, tok_cap;
    size_t *block; /* token index where each block of the text starts */
    size_t nblock, block_cap;
};

zdict_t *zdict_new(int level)
{
    zdict_t *z = calloc(1, sizeof *z);
    if (!z || !(z->c = libdeflate_alloc_compressor(level))) {
        free(z);
        return NULL;
    }
    for (unsigned s = 0; s < 29; s++)
        for (unsigned l = len_base[s]; l < len_base[s] + (1u << len_extra[s]) && l <= 258; l++)
            z->len_sym[l] = (uint8_t)s;
    z->len_sym[258] = 28;
    return z;
}

void zdict_free(zdict_t *z)
{
    if (!z)
        return;
    libdeflate_free_compressor(z->c);
    free(z->all);
    free(z->packed);
    free(z->tok);
    free(z->block);
    free(z);
}

static unsigned dist_sym(unsigned d)
{
    unsigned s = 29;
    while (dist_base[s] > d)
        s--;
    return s;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 1024;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

/* --- reading libdeflate's stream back as tokens -------------------------- */

typedef struct bitin {
    const uint8_t *p;
    size_t n, at;
    uint64_t acc;
    unsigned cnt;
    int err;
} bitin_t;

static unsigned bits(bitin_t *b, unsigned k)
{
    while (b->cnt < k) {
        if (b->at >= b->n) {
            b->err = 1;
            return 0;
        }
        b->acc |= (uint64_t)b->p[b->at++] << b->cnt;
        b->cnt += 8;
    }
    unsigned v = (unsigned)(b->acc & ((1u << k) - 1));
    b->acc >>= k;
    b->cnt -= k;
    return v;
}

/* A canonical code: how many codes of each length, symbols in code order,
 * and a table of the codes up to FAST bits long by the next FAST bits of
 * the stream: length << 9 | symbol, 0 for a longer code. */
#define FAST 10u
typedef struct code {
    uint16_t count[16];
    uint16_t sym[288];
    uint16_t fast[1u << FAST];
} code_t;

static int code_build(code_t *h, const uint8_t *len, unsigned n)
{
    uint16_t off[16];
    memset(h->count, 0, sizeof h->count);
    for (unsigned s = 0; s < n; s++)
        h->count[len[s]]++;
    h->count[0] = 0;
    off[1] = 0;
    for (unsigned l = 1; l < 15; l++)
        off[l + 1] = (uint16_t)(off[l] + h->count[l]);
    for (unsigned s = 0; s < n; s++)
        if (len[s])
            h->sym[off[len[s]]++] = (uint16_t)s;
    /* Codes in the stream come first bit first: the table is indexed by
     * each code's bits reversed, whatever follows it. */
    unsigned next[16], code = 0;
    for (unsigned l = 1; l < 16; l++) {
        code = (code + h->count[l - 1]) << 1;
        next[l] = code;
    }
    memset(h->fast, 0, sizeof h->fast);
    for (unsigned s = 0; s < n; s++) {
        unsigned l = len[s];
        if (!l)
            continue;
        unsigned c = next[l]++;
        if (l > FAST)
            continue;
        unsigned r = 0;
        for (unsigned i = 0; i < l; i++)
            r |= (c >> i & 1u) << (l - 1 - i);
        for (unsigned i = r; i < (1u << FAST); i += 1u << l)
            h->fast[i] = (uint16_t)(l << 9 | s);
    }
    return 0;
}

/* One symbol, a bit at a time: codes of each length follow those of the
 * length before, doubled. */
static int decode(bitin_t *b, const code_t *h)
{
    while (b->cnt < FAST && b->at < b->n) {
        b->acc |= (uint64_t)b->p[b->at++] << b->cnt;
        b->cnt += 8;
    }
    unsigned e = h->fast[b->acc & ((1u << FAST) - 1)];
    if (e && (e >> 9) <= b->cnt) {
        b->acc >>= e >> 9;
        b->cnt -= e >> 9;
        return (int)(e & 511u);
    }
    int code = 0, first = 0, index = 0;
    for (unsigned l = 1; l <= 15; l++) {
        code |= (int)bits(b, 1);
        int c = h->count[l];
        if (code - first < c)
            return h->sym[index + code - first];
        index += c;
        first = (first + c) << 1;
        code <<= 1;
    }
    b->err = 1;
    return -1;
}

static int push_tok(zdict_t *z, unsigned len, unsigned dist)
{
    if (grow((void **)&z->tok, &z->tok_cap, z->ntok + 1, sizeof *z->tok))
        return -1;
    z->tok[z->ntok].len = (uint16_t)len;
    z->tok[z->ntok++].dist = (uint16_t)dist;
    return 0;
}

/* Byte pos of all[] is coded as a literal (or the rest of a match from
 * pos on, dist back); what lies in the dictionary is not the text's. */
static int emit_match(zdict_t *z, size_t dlen, size_t pos, unsigned len, unsigned dist)
{
    if (pos + len <= dlen)
        return 0;
    if (pos < dlen) { /* reaches past the dictionary's end: keep its tail */
        len -= (unsigned)(dlen - pos);
        pos = dlen;
        if (len < 3) {
            for (unsigned i = 0; i < len; i++)
                if (push_tok(z, z->all[pos + i], 0))
                    return -1;
            return 0;
        }
    }
    return push_tok(z, len, dist);
}

static int read_tokens(zdict_t *z, const uint8_t *p, size_t n, size_t dlen, size_t total)
{
    bitin_t b = { p, n, 0, 0, 0, 0 };
    size_t pos = 0;
    int last = 0;
    code_t ll, dc;
    z->ntok = z->nblock = 0;
    while (!last && !b.err) {
        size_t start = z->ntok;
        last = (int)bits(&b, 1);
        unsigned type = bits(&b, 2);
        if (type == 0) {
            b.acc >>= b.cnt & 7;
            b.cnt -= b.cnt & 7;
            unsigned len = bits(&b, 16), nlen = bits(&b, 16);
            if (len != (~nlen & 0xFFFFu) || pos + len > total)
                return -1;
            for (unsigned i = 0; i < len; i++, pos++)
                if (pos >= dlen && push_tok(z, z->all[pos], 0))
                    return -1;
            /* the bytes were read through the bit buffer: skip them there */
            for (unsigned i = 0; i < len && !b.err; i++)
                bits(&b, 8);
        } else if (type == 3) {
            return -1;
        } else {
            uint8_t lens[288 + 32];
            unsigned hlit = 288, hdist = 30;
            if (type == 1) {
                for (unsigned s = 0; s < 288; s++)
                    lens[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
                memset(lens + 288, 5, 30);
            } else {
                hlit = bits(&b, 5) + 257;
                hdist = bits(&b, 5) + 1;
                unsigned hclen = bits(&b, 4) + 4;
                uint8_t cl[NCL] = { 0 };
                for (unsigned i = 0; i < hclen; i++)
                    cl[cl_order[i]] = (uint8_t)bits(&b, 3);
                code_t cc;
                code_build(&cc, cl, NCL);
                for (unsigned i = 0; i < hlit + hdist && !b.err;) {
                    int s = decode(&b, &cc);
                    unsigned rep = 0, v = 0;
                    if (s < 0)
                        return -1;
                    if (s < 16) {
                        lens[i++] = (uint8_t)s;
                        continue;
                    }
                    if (s == 16) {
                        if (i == 0)
                            return -1;
                        v = lens[i - 1];
                        rep = 3 + bits(&b, 2);
                    } else {
                        rep = s == 17 ? 3 + bits(&b, 3) : 11 + bits(&b, 7);
                    }
                    if (i + rep > hlit + hdist)
                        return -1;
                    while (rep--)
                        lens[i++] = (uint8_t)v;
                }
                memmove(lens + 288, lens + hlit, hdist);
            }
            code_build(&ll, lens, hlit);
            code_build(&dc, lens + 288, hdist);
            for (;;) {
                int s = decode(&b, &ll);
                if (s < 0 || b.err)
                    return -1;
                if (s < 256) {
                    if (pos >= total)
                        return -1;
                    if (pos >= dlen && push_tok(z, (unsigned)s, 0))
                        return -1;
                    pos++;
                    continue;
                }
                if (s == 256)
                    break;
                s -= 257;
                if (s >= 29)
                    return -1;
                unsigned len = len_base[s] + bits(&b, len_extra[s]);
                int d = decode(&b, &dc);
                if (d < 0 || d >= 30)
                    return -1;
                unsigned dist = dist_base[d] + bits(&b, dist_extra[d]);
                if (dist > pos || pos + len > total || emit_match(z, dlen, pos, len, dist))
                    return -1;
                pos += len;
            }
        }
        if (z->ntok > start) {
            if (grow((void **)&z->block, &z->block_cap, z->nblock + 1, sizeof *z->block))
                return -1;
            z->block[z->nblock++] = start;
        }
    }
    return b.err || pos != total ? -1 : 0;
}

/* --- writing them as a stream of their own -------------------------------- */

typedef struct bitout {
    uint8_t *p;
    size_t n, cap;
    uint64_t acc;
    unsigned cnt;
    int oom;
} bitout_t;

static void put_bits(bitout_t *o, unsigned v, unsigned k)
{
    o->acc |= (uint64_t)v << o->cnt;
    o->cnt += k;
    if (o->cnt >= 32) {
        if (grow((void **)&o->p, &o->cap, o->n + 4, 1)) {
            o->oom = 1;
            o->n = 0;
        } else {
            for (int i = 0; i < 4; i++)
                o->p[o->n++] = (uint8_t)(o->acc >> (8 * i));
        }
        o->acc >>= 32;
        o->cnt -= 32;
    }
}

static void flush_bytes(bitout_t *o)
{
    while (o->cnt > 0) {
        if (grow((void **)&o->p, &o->cap, o->n + 1, 1)) {
            o->oom = 1;
            return;
        }
        o->p[o->n++] = (uint8_t)o->acc;
        o->acc >>= 8;
        o->cnt = o->cnt > 8 ? o->cnt - 8 : 0;
    }
}

/* Canonical codes for lengths len[0..n), bit-reversed for LSB-first output. */
static void codes_of(const unsigned *len, unsigned n, uint16_t *code)
{
    unsigned count[16] = { 0 }, next[16];
    for (unsigned s = 0; s < n; s++)
        count[len[s]]++;
    count[0] = 0;
    unsigned c = 0;
    for (unsigned l = 1; l < 16; l++) {
        c = (c + count[l - 1]) << 1;
        next[l] = c;
    }
    for (unsigned s = 0; s < n; s++) {
        unsigned l = len[s], v = l ? next[l]++ : 0, r = 0;
        for (unsigned i = 0; i < l; i++)
            r |= ((v >> i) & 1u) << (l - 1 - i);
        code[s] = (uint16_t)r;
    }
}

/* Code lengths for freq[0..n) within maxbits; at least two symbols get
 * one (a code of one length-1 symbol is not complete, and zlib refuses
 * incomplete code-length codes). */
static int lengths_of(const size_t *freq, unsigned n, int maxbits, unsigned *len)
{
    if (ZopfliLengthLimitedCodeLengths(freq, (int)n, maxbits, len))
        return -1;
    unsigned used = 0;
    for (unsigned s = 0; s < n; s++)
        used += len[s] != 0;
    for (unsigned s = 0; used < 2 && s < n; s++)
        if (!len[s]) {
            len[s] = 1;
            used++;
        }
    return 0;
}

/* The run-length coded code lengths: symbols 0-18 with their extra bits,
 * using 16 (repeat), 17 and 18 (zeros) as use allows (bits 1, 2, 4). */
static size_t rle(const unsigned *len, unsigned n, unsigned use, uint8_t *sym, uint8_t *extra)
{
    size_t k = 0;
    for (unsigned i = 0; i < n;) {
        unsigned v = len[i], r = 1;
        while (i + r < n && len[i + r] == v)
            r++;
        i += r;
        if (v == 0) {
            while ((use & 4) && r >= 11) {
                unsigned t = r > 138 ? 138 : r;
                sym[k] = 18, extra[k++] = (uint8_t)(t - 11), r -= t;
            }
            while ((use & 2) && r >= 3) {
                unsigned t = r > 10 ? 10 : r;
                sym[k] = 17, extra[k++] = (uint8_t)(t - 3), r -= t;
            }
        }
        if (r) {
            sym[k] = (uint8_t)v, extra[k++] = 0, r--;
            while ((use & 1) && r >= 3) {
                unsigned t = r > 6 ? 6 : r;
                sym[k] = 16, extra[k++] = (uint8_t)(t - 3), r -= t;
            }
        }
        while (r--)
            sym[k] = (uint8_t)v, extra[k++] = 0;
    }
    return k;
}

/* zopfli's: counts nudged so that the code lengths run-length code better
 * (exported by libzopfli, declared in no header it installs). */
void OptimizeHuffmanForRle(int length, size_t *counts);

/* A block's codes, and its size in bits (extra bits included). */
typedef struct plan {
    size_t fl[NLL], fd[NDIST];
    unsigned ll[288], dl[NDIST], cl[NCL];
    unsigned hlit, hdist, hclen;
    uint8_t rs[NLL + NDIST], rx[NLL + NDIST];
    size_t nr, bits;
    int fixed;
} plan_t;

static int plan_block(zdict_t *z, plan_t *p, const tok_t *t, size_t nt)
{
    size_t *fl = p->fl, *fd = p->fd, extra = 0, best = SIZE_MAX;
    memset(fl, 0, sizeof p->fl);
    memset(fd, 0, sizeof p->fd);
    for (size_t i = 0; i < nt; i++) {
        if (t[i].dist) {
            unsigned ls = z->len_sym[t[i].len], ds = dist_sym(t[i].dist);
            fl[257 + ls]++;
            fd[ds]++;
            extra += len_extra[ls] + dist_extra[ds];
        } else {
            fl[t[i].len]++;
        }
    }
    fl[256] = 1;
    /* as zopfli does: the codes of the counts, and of the counts made to
     * run-length code well, each with every choice of repeat codes; the
     * fewest bits win */
    for (int v = 0; v < 2; v++) {
        size_t cl_[NLL], cd_[NDIST];
        unsigned ll[288], dl[NDIST];
        memcpy(cl_, fl, sizeof cl_);
        memcpy(cd_, fd, sizeof cd_);
        if (v) {
            OptimizeHuffmanForRle(NLL, cl_);
            OptimizeHuffmanForRle(NDIST, cd_);
        }
        if (lengths_of(cl_, NLL, 15, ll) || lengths_of(cd_, NDIST, 15, dl))
            return -1;
        ll[286] = ll[287] = 0;
        size_t data = 0;
        for (unsigned s = 0; s < NLL; s++)
            data += fl[s] * ll[s];
        for (unsigned s = 0; s < NDIST; s++)
            data += fd[s] * dl[s];
        unsigned hlit = NLL, hdist = NDIST;
        while (hlit > 257 && !ll[hlit - 1])
            hlit--;
        while (hdist > 1 && !dl[hdist - 1])
            hdist--;
        unsigned all[NLL + NDIST];
        memcpy(all, ll, hlit * sizeof *all);
        memcpy(all + hlit, dl, hdist * sizeof *all);
        for (unsigned use = 0; use < 8; use++) {
            uint8_t rs[NLL + NDIST], rx[NLL + NDIST];
            size_t fc[NCL] = { 0 };
            unsigned cl[NCL];
            size_t nr = rle(all, hlit + hdist, use, rs, rx);
            for (size_t i = 0; i < nr; i++)
                fc[rs[i]]++;
            if (lengths_of(fc, NCL, 7, cl))
                return -1;
            unsigned hclen = NCL;
            while (hclen > 4 && !cl[cl_order[hclen - 1]])
                hclen--;
            size_t bits = data + 14 + 3 * (size_t)hclen;
            for (size_t i = 0; i < nr; i++)
                bits += cl[rs[i]] + (rs[i] == 16 ? 2 : rs[i] == 17 ? 3 : rs[i] == 18 ? 7 : 0);
            if (bits >= best)
                continue;
            best = bits;
            memcpy(p->ll, ll, sizeof ll);
            memcpy(p->dl, dl, sizeof dl);
            memcpy(p->cl, cl, sizeof cl);
            memcpy(p->rs, rs, nr);
            memcpy(p->rx, rx, nr);
            p->nr = nr;
            p->hlit = hlit;
            p->hdist = hdist;
            p->hclen = hclen;
        }
    }
    /* the fixed code when it takes fewer bits (extra bits are the same) */
    size_t fix = 0;
    for (unsigned s = 0; s < NLL; s++)
        fix += fl[s] * (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
    for (unsigned s = 0; s < NDIST; s++)
        fix += fd[s] * 5;
    p->fixed = fix <= best;
    p->bits = 3 + (p->fixed ? fix : best) + extra;
    return 0;
}

static void write_block(zdict_t *z, bitout_t *o, plan_t *p, const tok_t *t, size_t nt, int last)
{
    unsigned *ll = p->ll, *dl = p->dl, *cl = p->cl, hlit = p->hlit, hdist = p->hdist, hclen = p->hclen;
    const uint8_t *rs = p->rs, *rx = p->rx;
    size_t nr = p->nr;
    uint16_t lc[288], dc[NDIST], cc[NCL];
    put_bits(o, last ? 1 : 0, 1);
    if (p->fixed) {
        put_bits(o, 1, 2);
        for (unsigned s = 0; s < 288; s++)
            ll[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        for (unsigned s = 0; s < NDIST; s++)
            dl[s] = 5;
    } else {
        put_bits(o, 2, 2);
        put_bits(o, hlit - 257, 5);
        put_bits(o, hdist - 1, 5);
        put_bits(o, hclen - 4, 4);
        for (unsigned i = 0; i < hclen; i++)
            put_bits(o, cl[cl_order[i]], 3);
        codes_of(cl, NCL, cc);
        for (size_t i = 0; i < nr; i++) {
            put_bits(o, cc[rs[i]], cl[rs[i]]);
            if (rs[i] >= 16)
                put_bits(o, rx[i], rs[i] == 16 ? 2 : rs[i] == 17 ? 3 : 7);
        }
    }
    codes_of(ll, 288, lc);
    codes_of(dl, NDIST, dc);
    for (size_t i = 0; i < nt; i++) {
        if (!t[i].dist) {
            put_bits(o, lc[t[i].len], ll[t[i].len]);
            continue;
        }
        unsigned ls = z->len_sym[t[i].len], ds = dist_sym(t[i].dist);
        put_bits(o, lc[257 + ls], ll[257 + ls]);
        put_bits(o, t[i].len - len_base[ls], len_extra[ls]);
        put_bits(o, dc[ds], dl[ds]);
        put_bits(o, t[i].dist - dist_base[ds], dist_extra[ds]);
    }
    put_bits(o, lc[256], ll[256]);
}

/* Whether p[0..len) inflates after dict to in[0..n) (ending where it
 * should: in a final block, or unfinished when final is 0). */
static int gives_back(const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int final, uint8_t *p,
                      size_t len)
{
    z_stream s;
    memset(&s, 0, sizeof s);
    if (inflateInit2(&s, -15) != Z_OK)
        return 0;
    uint8_t *back = malloc(n + 1);
    int ok = back && (!dlen || inflateSetDictionary(&s, dict, (uInt)dlen) == Z_OK);
    if (ok) {
        s.next_in = p;
        s.avail_in = (uInt)len;
        s.next_out = back;
        s.avail_out = (uInt)n + 1;
        int r = inflate(&s, Z_SYNC_FLUSH);
        ok = (final ? r == Z_STREAM_END : r == Z_OK || r == Z_BUF_ERROR) && s.avail_in == 0 && s.total_out == n &&
             (n == 0 || memcmp(back, in, n) == 0);
    }
    free(back);
    inflateEnd(&s);
    return ok;
}

int zdict_deflate(zdict_t *z, const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int final,
                  uint8_t **out, size_t *outlen)
{
    bitout_t o = { 0 };
    if (dlen > 32768 || grow((void **)&z->all, &z->all_cap, dlen + n + 1, 1))
        return -1;
    if (dlen)
        memcpy(z->all, dict, dlen);
    if (n)
        memcpy(z->all + dlen, in, n);
    size_t bound = libdeflate_deflate_compress_bound(z->c, dlen + n);
    if (grow((void **)&z->packed, &z->packed_cap, bound, 1))
        return -1;
    size_t plen = libdeflate_deflate_compress(z->c, z->all, dlen + n, z->packed, bound);
    if (!plen || read_tokens(z, z->packed, plen, dlen, dlen + n))
        return -1;
    if (z->nblock == 0) { /* no text: one empty block */
        if (grow((void **)&z->block, &z->block_cap, 1, sizeof *z->block))
            return -1;
        z->block[z->nblock++] = 0;
    }
    /* libdeflate split its blocks for the dictionary and the text together:
     * the text's part of the block that held the dictionary's end is often
     * small, and two blocks may now be smaller as one. Neighbours are
     * joined while that saves bits. */
    plan_t *p = malloc(3 * sizeof *p);
    if (!p)
        return -1;
    size_t nb = 0;
    for (size_t b = 0; b < z->nblock; b++) {
        size_t s0 = z->block[b], e0 = b + 1 < z->nblock ? z->block[b + 1] : z->ntok;
        if (nb) {
            size_t s1 = z->block[nb - 1];
            if (plan_block(z, &p[0], z->tok + s1, s0 - s1) || plan_block(z, &p[1], z->tok + s0, e0 - s0) ||
                plan_block(z, &p[2], z->tok + s1, e0 - s1)) {
                free(p);
                return -1;
            }
            if (p[2].bits <= p[0].bits + p[1].bits)
                continue; /* block nb - 1 takes this one's tokens */
        }
        z->block[nb++] = s0;
    }
    z->nblock = nb;
    for (size_t b = 0; b < z->nblock && !o.oom; b++) {
        size_t end = b + 1 < z->nblock ? z->block[b + 1] : z->ntok;
        if (plan_block(z, p, z->tok + z->block[b], end - z->block[b]))
            o.oom = 1;
        else
            write_block(z, &o, p, z->tok + z->block[b], end - z->block[b], final && b + 1 == z->nblock);
    }
    free(p);
    if (!final) { /* an empty stored block: three bits, then LEN 0 and NLEN 0xFFFF on a byte boundary */
        put_bits(&o, 0, 3);
        flush_bytes(&o);
        put_bits(&o, 0, 16);
        put_bits(&o, 0xFFFF, 16);
    }
    flush_bytes(&o);
    if (o.oom || !gives_back(dict, dlen, in, n, final, o.p, o.n)) {
        free(o.p);
        return -1;
    }
    *out = o.p;
    *outlen = o.n;
    return 0;
}

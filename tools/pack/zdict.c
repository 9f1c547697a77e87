/* SPDX-License-Identifier: MIT */
/* zdict.c: a near-optimal deflate parser whose preset dictionary is
 * searched once for every stream (zdict.h; RFC 1951 for the bit layout). */
#include "zdict.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zopfli/katajainen.h>

#define NLL 286  /* literal/length symbols a stream may use */
#define NDIST 30 /* distance symbols */
#define NCL 19   /* code-length symbols */

static const uint16_t len_base[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t len_extra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t dist_base[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                       33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                       1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t dist_extra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                       6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
static const uint8_t cl_order[NCL] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

typedef struct match {
    uint16_t len, dist;
} match_t;

/* A literal (dist 0, len the byte) or a match. */
typedef struct tok {
    uint16_t len, dist;
} tok_t;

struct zdict {
    unsigned depth, nice, passes; /* the level's search (bt_insert) and parse passes */
    uint8_t len_sym[259];         /* length 3..258 -> symbol - 257 */
    uint8_t *all;                 /* the dictionary, then the text */
    size_t all_cap;
    tok_t *tok;
    size_t ntok, tok_cap;
    size_t *block; /* token index where each block of the text starts */
    size_t nblock, block_cap;
    int32_t *head, *child; /* the trees: the dictionary's copied in, then the text's */
    size_t child_cap;
    uint32_t *mstart; /* a text position's first match in m (n + 1 of them) */
    match_t *m;
    uint8_t *mds; /* each match's distance symbol */
    size_t m_cap, mds_cap, pos_cap;
    uint32_t *cost;         /* from each text position to the end, in sixteenths of a bit */
    uint16_t *clen, *cdist; /* the choice at each text position (cdist 0: a literal) */
    size_t choice_cap[3];
};

static void dist_tables(void);
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* What each level searches: nodes looked at a position, the match length
 * that ends the search, passes of the parse. */
static const struct {
    unsigned depth, nice, passes;
} levels[3] = {{8, 32, 2}, {16, 64, 2}, {32, 128, 3}};

zdict_t *zdict_new(int level)
{
    if (level < 10 || level > 12)
        return NULL;
    zdict_t *z = calloc(1, sizeof *z);
    if (!z)
        return NULL;
    z->depth = levels[level - 10].depth;
    z->nice = levels[level - 10].nice;
    z->passes = levels[level - 10].passes;
    for (unsigned s = 0; s < 29; s++)
        for (unsigned l = len_base[s]; l < len_base[s] + (1u << len_extra[s]) && l <= 258; l++)
            z->len_sym[l] = (uint8_t)s;
    z->len_sym[258] = 28;
    pthread_once(&tables_once, dist_tables);
    return z;
}

void zdict_free(zdict_t *z)
{
    if (!z)
        return;
    free(z->all);
    free(z->tok);
    free(z->block);
    free(z->head);
    free(z->child);
    free(z->mstart);
    free(z->m);
    free(z->mds);
    free(z->cost);
    free(z->clen);
    free(z->cdist);
    free(z);
}

/* Distance symbols: of distances 1-256 by d - 1, of longer ones by
 * (d - 1) >> 7 (every symbol past 15 covers a multiple of 128). */
static uint8_t dsym_lo[256], dsym_hi[256];

static unsigned dist_sym(unsigned d)
{
    return d <= 256 ? dsym_lo[d - 1] : dsym_hi[(d - 1) >> 7];
}

static void dist_tables(void)
{
    for (unsigned s = 0; s < 30; s++)
        for (unsigned d = dist_base[s]; d < dist_base[s] + (1u << dist_extra[s]); d++) {
            if (d <= 256)
                dsym_lo[d - 1] = (uint8_t)s;
            else if (((d - 1) & 127) == 0)
                dsym_hi[(d - 1) >> 7] = (uint8_t)s;
        }
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

static int push_tok(zdict_t *z, unsigned len, unsigned dist)
{
    if (grow((void **)&z->tok, &z->tok_cap, z->ntok + 1, sizeof *z->tok))
        return -1;
    z->tok[z->ntok].len = (uint16_t)len;
    z->tok[z->ntok++].dist = (uint16_t)dist;
    return 0;
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
    unsigned count[16] = {0}, next[16];
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
            size_t fc[NCL] = {0};
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
static int gives_back(const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int final, uint8_t *p, size_t len)
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

/* The stream of z->tok in z->block's blocks, checked against the text. */
static int write_stream(zdict_t *z, const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int final,
                        uint8_t **out, size_t *outlen)
{
    bitout_t o = {0};
    if (z->nblock == 0) { /* no text: one empty block */
        if (grow((void **)&z->block, &z->block_cap, 1, sizeof *z->block))
            return -1;
        z->block[z->nblock++] = 0;
    }
    /* split_blocks judged by guessed sizes: neighbours are joined while
     * their real codes say that saves bits. */
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

/* --- a parser of our own, whose dictionary part is built once ------------- */

#define WINDOW 32768u
#define MAXLEN 258u
#define HBITS 16u
#define NIL INT32_MIN /* below every window's start */

/* The binary trees of a dictionary's positions (those whose four bytes lie
 * in it): built once, copied before each stream's own positions go in
 * (inserting re-roots a tree, which rewrites older nodes' links). */
struct zdict_dict {
    uint8_t *d;
    size_t dlen, done; /* positions 0..done-1 are in the trees */
    int32_t *head;     /* 1 << HBITS roots by four bytes, then as many latest places by three; NIL for none */
    int32_t *child;    /* 2 a position: the smaller and the larger subtree */
};

static uint32_t hash4(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return (v * 0x9E3779B1u) >> (32 - HBITS);
}

static uint32_t hash3(const uint8_t *p)
{
    uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
    return (v * 0x9E3779B1u) >> (32 - HBITS);
}

/* Puts pos into its tree (buf[pos..end) with at least 3 bytes) and, with
 * m, writes there the matches met on the way down, each longer than the
 * one before; returns how many. Looks at depth nodes at most; a match of
 * nice bytes (or to the end) ends the search, pos taking the place of the
 * node it matched, whose subtrees are then in order with pos only as far
 * as those bytes: no later search may count on more of the order (each
 * starts a comparison past the bytes the nodes it went left and right
 * from share with it). Every node's subtrees hold older places than it,
 * so the walk goes back in the text and stops at the window's start. */
static unsigned bt_insert(const uint8_t *buf, int32_t *head, int32_t *child, size_t pos, size_t end, unsigned depth,
                          unsigned nice, match_t *m)
{
    unsigned maxlen = end - pos < MAXLEN ? (unsigned)(end - pos) : MAXLEN, best = 2, nm = 0;
    int32_t lo = (int32_t)pos - (int32_t)WINDOW;
    const uint8_t *b = buf + pos;
    /* the latest place with the same three bytes: a match of 3 */
    uint32_t h3 = hash3(b);
    int32_t c3 = head[(1u << HBITS) + h3];
    head[(1u << HBITS) + h3] = (int32_t)pos;
    if (c3 >= lo && buf[c3] == b[0] && buf[c3 + 1] == b[1] && buf[c3 + 2] == b[2]) {
        best = 3;
        if (m)
            m[nm++] = (match_t){3, (uint16_t)(pos - (size_t)c3)};
    }
    if (maxlen < 4) {
        child[2 * pos] = child[2 * pos + 1] = NIL;
        return nm;
    }
    uint32_t h = hash4(b);
    int32_t cur = head[h];
    int32_t *lt = &child[2 * pos], *gt = &child[2 * pos + 1];
    unsigned lt_len = 0, gt_len = 0, stop = nice < maxlen ? nice : maxlen;
    head[h] = (int32_t)pos;
    while (cur >= lo && depth--) {
        const uint8_t *a = buf + cur;
        unsigned len = lt_len < gt_len ? lt_len : gt_len;
        while (len + 8 <= maxlen) { /* eight bytes at a time (little-endian: the first differing byte is the lowest) */
            uint64_t x, y;
            memcpy(&x, a + len, 8);
            memcpy(&y, b + len, 8);
            if (x != y) {
                len += (unsigned)__builtin_ctzll(x ^ y) >> 3;
                goto compared;
            }
            len += 8;
        }
        while (len < maxlen && a[len] == b[len])
            len++;
    compared:
        if (len > best) {
            best = len;
            if (m)
                m[nm++] = (match_t){(uint16_t)len, (uint16_t)(pos - (size_t)cur)};
        }
        if (len >= stop) { /* cur's place is pos's now */
            *lt = child[2 * cur];
            *gt = child[2 * cur + 1];
            return nm;
        }
        if (a[len] < b[len]) {
            *lt = cur;
            lt = &child[2 * cur + 1];
            cur = *lt;
            lt_len = len;
        } else {
            *gt = cur;
            gt = &child[2 * cur];
            cur = *gt;
            gt_len = len;
        }
    }
    *lt = *gt = NIL;
    return nm;
}


zdict_dict_t *zdict_dict_new(const uint8_t *dict, size_t dlen, int level)
{
    zdict_dict_t *d = calloc(1, sizeof *d);
    if (!d || dlen > WINDOW || level < 10 || level > 12)
        goto fail;
    d->dlen = dlen;
    d->d = malloc(dlen + 1);
    d->head = malloc(sizeof *d->head << (HBITS + 1));
    d->child = malloc(2 * (dlen + 1) * sizeof *d->child);
    if (!d->d || !d->head || !d->child)
        goto fail;
    if (dlen)
        memcpy(d->d, dict, dlen);
    for (size_t h = 0; h < (2u << HBITS); h++)
        d->head[h] = NIL;
    pthread_once(&tables_once, dist_tables);
    /* The trees are in order only as far as the searches that built them
     * compared (bt_insert), and a stream's searches compare up to its
     * level's nice length: here every place is put in with all MAXLEN
     * bytes compared, and the last MAXLEN places, whose bytes run on into
     * the text, go in with each stream. */
    d->done = dlen > MAXLEN ? dlen - MAXLEN : 0;
    for (size_t p = 0; p < d->done; p++)
        bt_insert(d->d, d->head, d->child, p, dlen, levels[level - 10].depth, MAXLEN, NULL);
    return d;
fail:
    zdict_dict_free(d);
    return NULL;
}

void zdict_dict_free(zdict_dict_t *d)
{
    if (!d)
        return;
    free(d->d);
    free(d->head);
    free(d->child);
    free(d);
}

/* Bit costs in sixteenths. */
#define CS 16u

typedef struct costs {
    uint32_t lit[256], len[MAXLEN + 1], dsym[NDIST];
} costs_t;

/* Costs from symbol counts: -log2 of each one's share (a symbol not seen
 * costs as one seen half a time). */
static void costs_from(costs_t *c, const size_t *fl, const size_t *fd)
{
    static const double half = 0.5;
    double tl = 0, td = 0;
    for (unsigned s = 0; s < NLL; s++)
        tl += (double)fl[s];
    for (unsigned s = 0; s < NDIST; s++)
        td += (double)fd[s];
    uint32_t sym[NLL];
    for (unsigned s = 0; s < NLL; s++)
        sym[s] = (uint32_t)(CS * log2((tl + 1) / (fl[s] ? (double)fl[s] : half)) + 0.5);
    for (unsigned s = 0; s < 256; s++)
        c->lit[s] = sym[s];
    for (unsigned l = 3; l <= MAXLEN; l++) {
        unsigned ls = l == 258 ? 28 : 0;
        if (l < 258)
            while (ls + 1 < 28 && len_base[ls + 1] <= l)
                ls++;
        c->len[l] = sym[257 + ls] + CS * len_extra[ls];
    }
    for (unsigned s = 0; s < NDIST; s++)
        c->dsym[s] = (uint32_t)(CS * log2((td + 1) / (fd[s] ? (double)fd[s] : half)) + 0.5) + CS * dist_extra[s];
}

/* The cheapest way to the end from each text position under c, back to
 * front; then the choices, front to back, as tokens. */
static int parse_pass(zdict_t *z, const costs_t *c, const uint8_t *t, size_t n)
{
    uint32_t *cost = z->cost;
    cost[n] = 0;
    for (size_t i = n; i-- > 0;) {
        uint32_t best = cost[i + 1] + c->lit[t[i]];
        unsigned bl = 1, bd = 0, prev = 2;
        for (uint32_t k = z->mstart[i]; k < z->mstart[i + 1]; k++) {
            unsigned len = z->m[k].len;
            uint32_t dc = c->dsym[z->mds[k]];
            for (unsigned l = prev + 1; l <= len; l++) {
                uint32_t v = cost[i + l] + c->len[l] + dc;
                if (v < best) {
                    best = v;
                    bl = l;
                    bd = z->m[k].dist;
                }
            }
            prev = len;
        }
        cost[i] = best;
        z->clen[i] = (uint16_t)bl;
        z->cdist[i] = (uint16_t)bd;
    }
    z->ntok = 0;
    for (size_t i = 0; i < n; i += z->clen[i])
        if (push_tok(z, z->cdist[i] ? z->clen[i] : t[i], z->cdist[i]))
            return -1;
    return 0;
}

static void count_tokens(const zdict_t *z, const tok_t *t, size_t nt, size_t *fl, size_t *fd)
{
    memset(fl, 0, NLL * sizeof *fl);
    memset(fd, 0, NDIST * sizeof *fd);
    for (size_t i = 0; i < nt; i++) {
        if (t[i].dist) {
            fl[257 + z->len_sym[t[i].len]]++;
            fd[dist_sym(t[i].dist)]++;
        } else {
            fl[t[i].len]++;
        }
    }
    fl[256]++;
}

/* A block's size in bits, guessed from its counts: each symbol at -log2
 * of its share, the extra bits, and a header of about 5 bits a symbol
 * used. */
typedef struct counts {
    uint32_t fl[NLL], fd[NDIST];
    size_t extra;
} counts_t;

static double guess_bits(const counts_t *c)
{
    double tl = 0, td = 0, bits = (double)c->extra + 17 + 57;
    for (unsigned s = 0; s < NLL; s++)
        tl += c->fl[s];
    for (unsigned s = 0; s < NDIST; s++)
        td += c->fd[s];
    for (unsigned s = 0; s < NLL; s++)
        if (c->fl[s])
            bits += c->fl[s] * log2(tl / c->fl[s]) + 5;
    for (unsigned s = 0; s < NDIST; s++)
        if (c->fd[s])
            bits += c->fd[s] * log2(td / c->fd[s]) + 5;
    return bits;
}

static void counts_add(counts_t *to, const counts_t *a, const counts_t *b)
{
    for (unsigned s = 0; s < NLL; s++)
        to->fl[s] = a->fl[s] + b->fl[s];
    for (unsigned s = 0; s < NDIST; s++)
        to->fd[s] = a->fd[s] + b->fd[s];
    to->extra = a->extra + b->extra;
    to->fl[256]--; /* one end of block */
}

/* Blocks: the tokens cut in pieces of CHUNK, neighbours joined while the
 * join that saves the most saves bits (by guess_bits; write_stream plans
 * the blocks for real). */
#define CHUNK 1024u
static int split_blocks(zdict_t *z)
{
    size_t k = (z->ntok + CHUNK - 1) / CHUNK;
    if (!k)
        k = 1;
    counts_t *c = calloc(k, sizeof *c), both;
    double *bits = malloc(k * sizeof *bits), *join = malloc(k * sizeof *join);
    if (!c || !bits || !join || grow((void **)&z->block, &z->block_cap, k, sizeof *z->block)) {
        free(c);
        free(bits);
        free(join);
        return -1;
    }
    for (size_t b = 0; b < k; b++) {
        z->block[b] = b * CHUNK;
        size_t e = (b + 1) * CHUNK < z->ntok ? (b + 1) * CHUNK : z->ntok;
        for (size_t i = b * CHUNK; i < e; i++) {
            const tok_t *t = &z->tok[i];
            if (t->dist) {
                unsigned ls = z->len_sym[t->len], ds = dist_sym(t->dist);
                c[b].fl[257 + ls]++;
                c[b].fd[ds]++;
                c[b].extra += len_extra[ls] + dist_extra[ds];
            } else {
                c[b].fl[t->len]++;
            }
        }
        c[b].fl[256] = 1;
        bits[b] = guess_bits(&c[b]);
    }
    z->nblock = k;
    for (size_t b = 0; b + 1 < k; b++) {
        counts_add(&both, &c[b], &c[b + 1]);
        join[b] = guess_bits(&both);
    }
    for (;;) {
        double best = 0;
        size_t at = 0;
        for (size_t b = 0; b + 1 < z->nblock; b++)
            if (bits[b] + bits[b + 1] - join[b] > best) {
                best = bits[b] + bits[b + 1] - join[b];
                at = b;
            }
        if (best <= 0)
            break;
        counts_add(&c[at], &c[at], &c[at + 1]);
        bits[at] = join[at];
        size_t rest = z->nblock - at - 2;
        memmove(z->block + at + 1, z->block + at + 2, rest * sizeof *z->block);
        memmove(c + at + 1, c + at + 2, rest * sizeof *c);
        memmove(bits + at + 1, bits + at + 2, rest * sizeof *bits);
        memmove(join + at + 1, join + at + 2, rest * sizeof *join);
        z->nblock--;
        for (size_t b = at ? at - 1 : 0; b <= at && b + 1 < z->nblock; b++) {
            counts_add(&both, &c[b], &c[b + 1]);
            join[b] = guess_bits(&both);
        }
    }
    free(c);
    free(bits);
    free(join);
    return 0;
}

int zdict_deflate(zdict_t *z, const zdict_dict_t *d, const uint8_t *in, size_t n, int final, uint8_t **out,
                  size_t *outlen)
{
    size_t dlen = d ? d->dlen : 0, total = dlen + n;
    if (grow((void **)&z->all, &z->all_cap, total + 1, 1) ||
        grow((void **)&z->child, &z->child_cap, 2 * total + 2, sizeof *z->child) ||
        grow((void **)&z->mstart, &z->pos_cap, n + 2, sizeof *z->mstart) ||
        grow((void **)&z->cost, &z->choice_cap[0], n + 1, sizeof *z->cost) ||
        grow((void **)&z->clen, &z->choice_cap[1], n + 1, sizeof *z->clen) ||
        grow((void **)&z->cdist, &z->choice_cap[2], n + 1, sizeof *z->cdist) ||
        (!z->head && !(z->head = malloc(sizeof *z->head << (HBITS + 1)))))
        return -1;
    if (dlen)
        memcpy(z->all, d->d, dlen);
    if (n)
        memcpy(z->all + dlen, in, n);
    size_t from = 0;
    if (d) {
        memcpy(z->head, d->head, sizeof *z->head << (HBITS + 1));
        memcpy(z->child, d->child, 2 * d->done * sizeof *z->child);
        from = d->done;
    } else {
        for (size_t h = 0; h < (2u << HBITS); h++)
            z->head[h] = NIL;
    }
    for (size_t p = from; p < dlen && p + 3 <= total; p++)
        bt_insert(z->all, z->head, z->child, p, total, z->depth, z->nice, NULL);
    size_t nm = 0, skip = 0;
    for (size_t i = 0; i < n; i++) {
        z->mstart[i] = (uint32_t)nm;
        size_t p = dlen + i;
        if (p + 3 > total)
            continue;
        if (grow((void **)&z->m, &z->m_cap, nm + MAXLEN, sizeof *z->m) ||
            grow((void **)&z->mds, &z->mds_cap, nm + MAXLEN, 1))
            return -1;
        if (skip) {
            skip--;
            bt_insert(z->all, z->head, z->child, p, total, z->depth, z->nice, NULL);
            continue;
        }
        unsigned k = bt_insert(z->all, z->head, z->child, p, total, z->depth, z->nice, z->m + nm);
        for (unsigned j = 0; j < k; j++)
            z->mds[nm + j] = (uint8_t)dist_sym(z->m[nm + j].dist);
        nm += k;
        if (k && z->m[nm - 1].len >= z->nice)
            skip = z->m[nm - 1].len - 1;
    }
    z->mstart[n] = (uint32_t)nm;
    /* first costs: of the longest match at each place taken */
    costs_t c;
    size_t fl[NLL] = {0}, fd[NDIST] = {0};
    for (size_t i = 0; i < n;) {
        uint32_t k = z->mstart[i + 1];
        if (k == z->mstart[i]) {
            fl[in[i++]]++;
            continue;
        }
        fl[257 + z->len_sym[z->m[k - 1].len]]++;
        fd[z->mds[k - 1]]++;
        i += z->m[k - 1].len;
    }
    fl[256]++;
    costs_from(&c, fl, fd);
    for (unsigned pass = 0; pass < z->passes; pass++) {
        if (pass) {
            count_tokens(z, z->tok, z->ntok, fl, fd);
            costs_from(&c, fl, fd);
        }
        if (parse_pass(z, &c, in, n))
            return -1;
    }
    if (split_blocks(z))
        return -1;
    return write_stream(z, d ? d->d : NULL, dlen, in, n, final, out, outlen);
}

/* SPDX-License-Identifier: MIT */
/* bundle_write.c: the packer's back end. Groups articles into small
 * streams, trains a preset dictionary on the edition, compresses with
 * zopfli (or zlib), and lays the sections out (docs/FORMAT.md). */
#include "bundle_write.h"

#include "dict.h"
#include "fontsub.h"
#include "hyphpat.h"
#include "typeset.h"
#include "ink_conf.h"
#include "ink_format.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zopfli/zopfli.h>

/* zopfli.h declares the whole-buffer API only; the part-compressing call
 * (which lets preceding bytes serve as history, our preset dictionary) is
 * in its deflate.h, not installed on every system the same way. */
void ZopfliDeflatePart(const ZopfliOptions *options, int btype, int final, const unsigned char *in,
                       size_t instart, size_t inend, unsigned char *bp, unsigned char **out, size_t *outsize);

typedef struct buf {
    uint8_t *p;
    size_t n, cap;
    int oom;
} buf_t;

static void reserve(buf_t *b, size_t more)
{
    if (b->oom || b->n + more <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + more)
        cap *= 2;
    uint8_t *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return;
    }
    b->p = p;
    b->cap = cap;
}

static void put(buf_t *b, const void *data, size_t n)
{
    if (n == 0)
        return;
    reserve(b, n);
    if (b->oom)
        return;
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

static void put32(buf_t *b, uint32_t v)
{
    uint8_t t[4];
    ink_wr32(t, v);
    put(b, t, 4);
}

static void put16(buf_t *b, uint16_t v)
{
    uint8_t t[2];
    ink_wr16(t, v);
    put(b, t, 2);
}

static void pad_to(buf_t *b, size_t align)
{
    static const uint8_t z[64] = { 0 };
    size_t n = (align - b->n % align) % align;
    while (n) {
        size_t k = n < sizeof z ? n : sizeof z;
        put(b, z, k);
        n -= k;
    }
}

/* String pool with de-duplication by linear probing over offsets. */
typedef struct strpool {
    buf_t data;
    uint32_t *slots;
    size_t nslots, used;
} strpool_t;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static uint32_t intern(strpool_t *sp, const char *s)
{
    if (!s)
        return INK_STR_NONE;
    if (sp->used * 2 >= sp->nslots) {
        size_t n = sp->nslots ? sp->nslots * 2 : 64;
        uint32_t *slots = malloc(n * sizeof *slots);
        if (!slots) {
            sp->data.oom = 1;
            return INK_STR_NONE;
        }
        memset(slots, 0xFF, n * sizeof *slots);
        for (size_t i = 0; i < sp->nslots; i++) {
            uint32_t off = sp->slots[i];
            if (off == INK_STR_NONE)
                continue;
            size_t j = hash_str((char *)sp->data.p + off) & (n - 1);
            while (slots[j] != INK_STR_NONE)
                j = (j + 1) & (n - 1);
            slots[j] = off;
        }
        free(sp->slots);
        sp->slots = slots;
        sp->nslots = n;
    }
    size_t j = hash_str(s) & (sp->nslots - 1);
    while (sp->slots[j] != INK_STR_NONE) {
        if (strcmp((char *)sp->data.p + sp->slots[j], s) == 0)
            return sp->slots[j];
        j = (j + 1) & (sp->nslots - 1);
    }
    uint32_t off = (uint32_t)sp->data.n;
    put(&sp->data, s, strlen(s) + 1);
    if (sp->data.oom)
        return INK_STR_NONE;
    sp->slots[j] = off;
    sp->used++;
    return off;
}

/* Deflates in[0..n) with zlib at o->level as raw deflate after dict[0..dlen)
 * as history, appending to out: with Z_FINISH a whole stream, with
 * Z_SYNC_FLUSH one that stops unfinished after an empty stored block. */
static int zlib_raw(const bundle_opts_t *o, const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n, int flush,
                    buf_t *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, o->level, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    if (dlen && deflateSetDictionary(&z, dict, (uInt)dlen) != Z_OK) {
        deflateEnd(&z);
        return -1;
    }
    uLong bound = deflateBound(&z, (uLong)n) + 16; /* the sync flush's stored block */
    reserve(out, bound);
    if (out->oom) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = out->p + out->n;
    z.avail_out = (uInt)bound;
    int zr = deflate(&z, flush);
    out->n += z.total_out;
    deflateEnd(&z);
    return zr == (flush == Z_FINISH ? Z_STREAM_END : Z_OK) && !z.avail_in ? 0 : -1;
}

/* Compresses in[0..n) as one raw deflate stream with dict as its preset
 * dictionary, appending to out. */
static int pack_stream(const bundle_opts_t *o, const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n,
                    buf_t *out)
{
    if (o->zopfli > 0) {
        /* zopfli sees the dictionary as history before the text. */
        uint8_t *all = malloc(dlen + n + 1);
        if (!all)
            return -1;
        if (dlen)
            memcpy(all, dict, dlen);
        if (n)
            memcpy(all + dlen, in, n);
        ZopfliOptions zo;
        ZopfliInitOptions(&zo);
        zo.numiterations = o->zopfli;
        unsigned char bp = 0, *z = NULL;
        size_t zn = 0;
        ZopfliDeflatePart(&zo, 2, 1, all, dlen, dlen + n, &bp, &z, &zn);
        free(all);
        if (!z && zn)
            return -1;
        put(out, z, zn);
        free(z);
        return out->oom ? -1 : 0;
    }
    return zlib_raw(o, dict, dlen, in, n, Z_FINISH, out);
}

/* The DICT section: the dictionary's length, then the dictionary as a raw
 * deflate stream that stops on a byte boundary without a final block (an
 * empty stored block ends it), so the device runs it through the same
 * inflater just before an article's stream (docs/FORMAT.md). */
static int pack_dict(const bundle_opts_t *o, const uint8_t *dict, size_t dlen, buf_t *out)
{
    put32(out, (uint32_t)dlen);
    if (o->zopfli > 0) {
        ZopfliOptions zo;
        ZopfliInitOptions(&zo);
        zo.numiterations = o->zopfli;
        unsigned char bp = 0, *z = NULL;
        size_t zn = 0;
        ZopfliDeflatePart(&zo, 2, 0, dict, 0, dlen, &bp, &z, &zn);
        if (!z && zn)
            return -1;
        put(out, z, zn);
        free(z);
        /* The stored block's three header bits (all 0) fit in the last
         * byte when it has three free; the block then starts on a byte
         * boundary with LEN 0 and NLEN 0xFFFF. */
        static const uint8_t stored[5] = { 0, 0, 0, 0xFF, 0xFF };
        int fits = bp != 0 && bp <= 5;
        put(out, stored + fits, sizeof stored - (size_t)fits);
        return out->oom ? -1 : 0;
    }
    return zlib_raw(o, NULL, 0, dict, dlen, Z_SYNC_FLUSH, out); /* ends in an empty stored block */
}

static const char *section_of(const article_t *a)
{
    return a->section ? a->section : "News";
}

typedef struct enc {
    uint8_t *text;
    size_t len;
} enc_t;

/* HYPH for the language most articles have patterns for; those articles'
 * texts are rewritten (hyphpat.h). *sec stays empty when it does not pay. */
static int hyph_section(typeset_t *ts, const article_t *arts, const size_t *order, enc_t *enc, size_t n, int always,
                        buf_t *sec, bundle_stats_t *st)
{
    int rc = -1;
    const char **path = calloc(n, sizeof *path);
    uint8_t *elig = calloc(n, 1);
    uint8_t **texts = calloc(n, sizeof *texts);
    size_t *lens = calloc(n, sizeof *lens);
    if (!path || !elig || !texts || !lens)
        goto out;
    /* Pattern files by the number of articles they hyphenate (the same
     * file, the same pointer); the first seen wins a tie. */
    const char *seen[16];
    size_t count[16], first[16], nseen = 0, best = n, best_count = 0;
    for (size_t m = 0; m < n; m++) {
        path[m] = typeset_patterns(ts, typeset_lang(&arts[order[m]]));
        size_t j = 0;
        while (j < nseen && seen[j] != path[m])
            j++;
        if (!path[m] || (j == nseen && nseen == 16))
            continue;
        if (j == nseen) {
            seen[nseen] = path[m];
            count[nseen] = 0;
            first[nseen++] = m;
        }
        count[j]++;
    }
    for (size_t j = 0; j < nseen; j++)
        if (count[j] > best_count) {
            best = first[j];
            best_count = count[j];
        }
    rc = 0;
    if (best == n)
        goto out;
    for (size_t m = 0; m < n; m++) {
        elig[m] = path[m] && path[m] == path[best];
        texts[m] = enc[m].text;
        lens[m] = enc[m].len;
    }
    const char *lang = typeset_lang(&arts[order[best]]) ? typeset_lang(&arts[order[best]]) : TS_LANG_DEFAULT;
    uint8_t *data = NULL;
    size_t len = 0;
    hyphpat_stats_t hs;
    rc = hyphpat_pack(path[best], lang, TS_HYPHEN_LEFT, typeset_right(ts, lang), always, texts, lens, elig, n, &data, &len,
                      &hs);
    for (size_t m = 0; m < n; m++) {
        enc[m].text = texts[m];
        enc[m].len = lens[m];
    }
    if (!rc && len) {
        put(sec, data, len);
        rc = sec->oom ? -1 : 0;
    }
    free(data);
    st->hyph_patterns = hs.patterns;
    st->hyph_articles = hs.articles;
    st->shy_before = hs.shy_before;
    st->shy_after = hs.shy_after;
    st->hyph_marked = hs.marked;
out:
    free(path);
    free(elig);
    free(texts);
    free(lens);
    return rc;
}

/* The characters and pairs of an article, in the faces the device sets
 * them in: the title in the library (regular) and as headline (bold),
 * the meta line in italic, body text by block kind and inline style. */
static int use_article(fontsub_use_t *u, const article_t *a)
{
    const char *meta[] = { a->title, a->source, a->date, a->byline, a->section };
    const unsigned mf[] = { FS_REGULAR | FS_BOLD, FS_REGULAR | FS_ITALIC, FS_REGULAR | FS_ITALIC,
                            FS_REGULAR | FS_ITALIC, FS_REGULAR | FS_ITALIC | FS_BOLD };
    for (int i = 0; i < 5; i++)
        if (meta[i] && fontsub_use_text(u, meta[i], strlen(meta[i]), mf[i]))
            return -1;
    for (size_t i = 0; i < a->nblocks; i++) {
        unsigned f = a->blocks[i].kind == ART_BLOCK_SUBHEAD ? FS_BOLD
                   : a->blocks[i].kind == ART_BLOCK_QUOTE  ? FS_ITALIC | FS_INVERT
                                                            : FS_REGULAR;
        if (fontsub_use_text(u, a->blocks[i].text, strlen(a->blocks[i].text), f | FS_STYLED))
            return -1;
    }
    return 0;
}

/* FONT and KERN for the characters of u, from the caller's faces. */
static int build_fonts(const bundle_opts_t *o, fontsub_use_t *u, buf_t *font, buf_t *kern, bundle_stats_t *st,
                       const char **why)
{
    ink_font_data_t sub[INK_FACE_COUNT] = { { NULL, 0 } };
    uint8_t *fs = NULL, *ks = NULL;
    size_t fl = 0, kl = 0, np[INK_FACE_COUNT];
    int rc = -1;
    if (fontsub_use_ui(u))
        goto out;
    for (unsigned f = 0; f < INK_FACE_COUNT; f++) {
        uint8_t *p;
        size_t n;
        if (!o->fonts[f].len)
            continue;
        if (fontsub_subset(o->fonts[f].data, o->fonts[f].len, u, o->font_flags, &p, &n, why))
            goto out;
        sub[f].data = p;
        sub[f].len = n;
        st->face[f] = n;
    }
    *why = "out of memory";
    if (fontsub_font_section(sub, &fs, &fl))
        goto out;
    if (fontsub_kern(o->fonts, u, &ks, &kl, np, why))
        goto out;
    put(font, fs, fl);
    put(kern, ks, kl);
    for (unsigned f = 0; f < INK_FACE_COUNT; f++)
        st->kern_pairs[f] = np[f];
    st->chars = fontsub_use_count(u);
    rc = font->oom || kern->oom ? -1 : 0;
out:
    for (unsigned f = 0; f < INK_FACE_COUNT; f++)
        free((void *)(uintptr_t)sub[f].data);
    free(fs);
    free(ks);
    return rc;
}

int bundle_write(const article_t *arts, size_t n, const bundle_opts_t *opts, uint8_t **out, size_t *len,
                 const char **why)
{
    int rc = -1;
    strpool_t sp = { 0 };
    buf_t meta = { 0 }, secs = { 0 }, index = { 0 }, grps = { 0 }, titl = { 0 }, text = { 0 }, file = { 0 };
    buf_t chunk = { 0 }, group = { 0 }, dictb = { 0 }, hyphb = { 0 };
    const char **sec_names = calloc(n ? n : 1, sizeof *sec_names);
    size_t nsec = 0, *order = calloc(n ? n : 1, sizeof *order), k = 0;
    enc_t *enc = calloc(n ? n : 1, sizeof *enc);
    const uint8_t **samples = calloc(2 * n + 1, sizeof *samples);
    size_t *sample_len = calloc(2 * n + 1, sizeof *sample_len);
    uint8_t *dict = NULL;
    size_t dlen = 0, ngroups = 0, nchunks = 0;
    char **ttl = calloc(n ? n : 1, sizeof *ttl); /* titles as packed (with break marks) */
    typeset_t *ts = NULL;
    fontsub_use_t *use = NULL;
    buf_t fontb = { 0 }, kernb = { 0 };
    bundle_stats_t fst;
    memset(&fst, 0, sizeof fst);
    *why = "out of memory";
    if (n == 0) {
        *why = "no articles to pack";
        goto out;
    }
    if (n > 0xFFFFFFu) {
        *why = "too many articles";
        goto out;
    }
    if (!sec_names || !order || !enc || !samples || !sample_len || !ttl)
        goto out;
    if ((opts->typeset && !(ts = typeset_new(NULL))) || (opts->fonts && !(use = fontsub_use_new())))
        goto out;
    /* Sections in order of first appearance; articles grouped under them. */
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < nsec && strcmp(sec_names[j], section_of(&arts[i])) != 0)
            j++;
        if (j == nsec)
            sec_names[nsec++] = section_of(&arts[i]);
    }
    const char *date = opts->date;
    for (size_t j = 0; j < nsec; j++) {
        size_t first = k;
        for (size_t i = 0; i < n; i++)
            if (strcmp(section_of(&arts[i]), sec_names[j]) == 0)
                order[k++] = i;
        put32(&secs, intern(&sp, sec_names[j]));
        put32(&secs, (uint32_t)first);
        put32(&secs, (uint32_t)(k - first));
    }
    /* Encode every article's text, cut at a block boundary when it is
     * longer than a reader accepts. */
    for (size_t m = 0; m < n; m++) {
        const article_t *a = &arts[order[m]];
        article_t ta = { 0 };
        if (ts && typeset_article(ts, a, &ta))
            goto out;
        const article_t *e = ts ? &ta : a;
        int er = article_encode_text(e, &enc[m].text, &enc[m].len);
        if (!er && use)
            er = use_article(use, e);
        ttl[m] = art_strndup(e->title ? e->title : "", e->title ? strlen(e->title) : 0);
        article_free(&ta);
        if (er || !ttl[m])
            goto out;
        if (enc[m].len > INK_ARTICLE_MAX_BYTES) {
            size_t cut = 0;
            for (size_t i = 0; i < enc[m].len && i <= INK_ARTICLE_MAX_BYTES; i++)
                if (enc[m].text[i] >= 0x01 && enc[m].text[i] <= 0x09)
                    cut = i;
            enc[m].len = cut;
        }
        if (!opts->date && a->date && strcmp(a->date, date ? date : "") > 0)
            date = a->date;
        samples[n + m] = (const uint8_t *)ttl[m];
        sample_len[n + m] = strlen((const char *)samples[n + m]);
    }
    /* Hyphenation patterns for the edition's main language (HYPH): the
     * text then keeps only the soft hyphens they do not find. */
    if (ts && opts->hyph && hyph_section(ts, arts, order, enc, n, opts->hyph > 1, &hyphb, &fst))
        goto out;
    for (size_t m = 0; m < n; m++) {
        samples[m] = enc[m].text;
        sample_len[m] = enc[m].len;
    }
    /* Titles join the dictionary's training text: they are compressed too. */
    if (opts->dict) {
        dlen = dict_build(samples, sample_len, 2 * n, INK_DICT_MAX, &dict);
        if (dlen > INK_DICT_MAX)
            dlen = INK_DICT_MAX;
    }
    /* Groups: runs of articles of one section, up to group_bytes of text;
     * an article of more than half that stands alone. */
    size_t gcap = opts->group_bytes ? opts->group_bytes : 1;
    for (size_t m = 0; m < n;) {
        size_t end = m + 1, raw = enc[m].len;
        const char *s = section_of(&arts[order[m]]);
        while (end < n && raw + enc[end].len <= gcap && enc[m].len * 2 <= gcap && enc[end].len * 2 <= gcap &&
               strcmp(section_of(&arts[order[end]]), s) == 0)
            raw += enc[end++].len;
        group.n = 0;
        for (size_t i = m; i < end; i++) {
            put(&group, enc[i].text, enc[i].len);
            put32(&index, (uint32_t)enc[i].len);
            put32(&index, (uint32_t)crc32(0, enc[i].text, (uInt)enc[i].len));
        }
        if (group.oom)
            goto out;
        uint32_t off = (uint32_t)text.n;
        if (pack_stream(opts, dict, dlen, group.p, group.n, &text)) {
            *why = "compression failed";
            goto out;
        }
        put32(&grps, (uint32_t)m);
        put32(&grps, off);
        put32(&grps, (uint32_t)(text.n - off));
        ngroups++;
        m = end;
    }
    /* Titles, in chunks of INK_TITLES_PER_CHUNK, each its own stream. */
    for (size_t c = 0; c * INK_TITLES_PER_CHUNK < n; c++) {
        chunk.n = 0;
        for (size_t m = c * INK_TITLES_PER_CHUNK; m < n && m < (c + 1) * INK_TITLES_PER_CHUNK; m++) {
            const char *t = ttl[m];
            size_t tl = strlen(t);
            if (tl > INK_TITLE_MAX)
                tl = INK_TITLE_MAX;
            while (tl && ((uint8_t)t[tl] & 0xC0) == 0x80 && t[tl]) /* cut on a character boundary */
                tl--;
            put(&chunk, t, tl);
            put(&chunk, "", 1);
        }
        if (chunk.oom)
            goto out;
        uint32_t off = (uint32_t)text.n;
        if (pack_stream(opts, dict, dlen, chunk.p, chunk.n, &text)) {
            *why = "compression failed";
            goto out;
        }
        put32(&titl, off);
        put32(&titl, (uint32_t)(text.n - off));
        put32(&titl, (uint32_t)chunk.n);
        put32(&titl, (uint32_t)crc32(0, chunk.p, (uInt)chunk.n));
        nchunks++;
    }
    if (use) {
        const char *en = opts->name ? opts->name : "inkpress edition";
        if (fontsub_use_text(use, en, strlen(en), FS_BOLD) ||
            (date && fontsub_use_text(use, date, strlen(date), FS_ITALIC)))
            goto out;
        for (size_t j = 0; j < nsec; j++)
            if (fontsub_use_text(use, sec_names[j], strlen(sec_names[j]), FS_REGULAR | FS_BOLD))
                goto out;
        if (build_fonts(opts, use, &fontb, &kernb, &fst, why))
            goto out;
    }
    put32(&meta, intern(&sp, opts->name ? opts->name : "inkpress edition"));
    put32(&meta, intern(&sp, date));
    put32(&meta, (uint32_t)n);
    put32(&meta, (uint32_t)nsec);
    put32(&meta, (uint32_t)ngroups);
    put32(&meta, (uint32_t)nchunks);
    put16(&meta, INK_TITLES_PER_CHUNK);
    put16(&meta, 0);
    if (dlen && pack_dict(opts, dict, dlen, &dictb))
        goto out;
    if (sp.data.oom || meta.oom || secs.oom || index.oom || grps.oom || titl.oom || text.oom)
        goto out;

    /* File: header, section table, then each section on a boundary of
     * opts->align bytes (4 at least). */
    typedef struct part {
        uint32_t tag;
        buf_t *b;
    } part_t;
    part_t parts[11] = {
        { INK_TAG_META, &meta }, { INK_TAG_STRS, &sp.data }, { INK_TAG_SECS, &secs }, { INK_TAG_ARTS, &index },
        { INK_TAG_GRPS, &grps }, { INK_TAG_TITL, &titl }, { INK_TAG_DICT, &dictb }, { INK_TAG_TEXT, &text },
    };
    size_t np = 8;
    if (hyphb.n) /* HYPH when patterns pay, FONT and KERN only with fonts */
        parts[np++] = (part_t){ INK_TAG_HYPH, &hyphb };
    if (use) {
        parts[np++] = (part_t){ INK_TAG_FONT, &fontb };
        parts[np++] = (part_t){ INK_TAG_KERN, &kernb };
    }
    size_t align = opts->align > 4 ? opts->align : 4;
    uint8_t hdr[INK_HDR_SIZE + 11 * INK_SECT_ENTRY_SIZE];
    memset(hdr, 0, sizeof hdr);
    put(&file, hdr, INK_HDR_SIZE + np * INK_SECT_ENTRY_SIZE);
    uint32_t offs[11];
    for (size_t i = 0; i < np; i++) {
        pad_to(&file, align);
        offs[i] = (uint32_t)file.n;
        put(&file, parts[i].b->p, parts[i].b->n);
    }
    if (file.oom)
        goto out;
    if (file.n > 0xFFFFFFF0u) {
        *why = "edition larger than 4 GiB";
        goto out;
    }
    uint8_t *h = file.p;
    memcpy(h, INK_MAGIC, INK_MAGIC_LEN);
    ink_wr16(h + INK_HDR_OFF_MAJOR, INK_VERSION_MAJOR);
    ink_wr16(h + INK_HDR_OFF_MINOR, INK_VERSION_MINOR);
    ink_wr32(h + INK_HDR_OFF_SIZE, (uint32_t)file.n);
    ink_wr16(h + INK_HDR_OFF_NSECT, (uint16_t)np);
    ink_wr16(h + INK_HDR_OFF_FLAGS, 0);
    for (size_t i = 0; i < np; i++) {
        uint8_t *e = h + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_wr32(e, parts[i].tag);
        ink_wr32(e + 4, offs[i]);
        ink_wr32(e + 8, (uint32_t)parts[i].b->n);
        ink_wr32(e + 12, (uint32_t)crc32(0, parts[i].b->p, (uInt)parts[i].b->n));
    }
    ink_wr32(h + INK_HDR_OFF_CRC, (uint32_t)crc32(0, h, INK_HDR_SIZE + (uInt)np * INK_SECT_ENTRY_SIZE));
    if (opts->stats) {
        bundle_stats_t *st = opts->stats;
        *st = fst;
        st->header = INK_HDR_SIZE + np * INK_SECT_ENTRY_SIZE;
        st->meta = meta.n;
        st->strs = sp.data.n;
        st->secs = secs.n;
        st->arts = index.n;
        st->grps = grps.n;
        st->titl = titl.n;
        st->dict = dictb.n;
        st->text = text.n;
        st->font = fontb.n;
        st->kern = kernb.n;
        st->hyph = hyphb.n;
        st->groups = ngroups;
        st->chunks = nchunks;
        for (size_t m = 0; m < n; m++)
            st->raw_text += enc[m].len;
    }
    *out = file.p;
    *len = file.n;
    file.p = NULL;
    rc = 0;
out:
    if (enc)
        for (size_t m = 0; m < n; m++)
            free(enc[m].text);
    free(enc);
    free(samples);
    free(sample_len);
    free(dict);
    free(sp.data.p);
    free(sp.slots);
    free(meta.p);
    free(secs.p);
    free(index.p);
    free(grps.p);
    free(titl.p);
    free(text.p);
    free(chunk.p);
    free(group.p);
    free(file.p);
    free(sec_names);
    free(order);
    if (ttl)
        for (size_t m = 0; m < n; m++)
            free(ttl[m]);
    free(ttl);
    free(fontb.p);
    free(kernb.p);
    free(dictb.p);
    free(hyphb.p);
    typeset_free(ts);
    fontsub_use_free(use);
    return rc;
}

/* SPDX-License-Identifier: MIT */
/* ink_bundle.c: bundle reader. Every number read from the bundle is checked
 * before it is used as an offset or a length. */
#include "ink_bundle.h"

#include "ink_conf.h"
#include "ink_format.h"
#include "ink_text.h"

#include <string.h>
#include <zlib.h>

uint32_t ink_crc32(uint32_t crc, const uint8_t *data, size_t len)
{
    /* zlib takes uInt lengths; feed it in pieces on 16-bit-int targets too. */
    while (len) {
        uInt n = len > 0x40000000u ? 0x40000000u : (uInt)len;
        crc = (uint32_t)crc32(crc, data, n);
        data += n;
        len -= n;
    }
    return crc;
}

/* True when [off, off + len) lies inside [0, size). */
static int inside(uint32_t off, uint32_t len, uint32_t size)
{
    return off <= size && len <= size - off;
}

static int str_ok(const ink_bundle_t *b, uint32_t ref)
{
    if (ref == INK_STR_NONE)
        return 1;
    if (ref >= b->strs.len)
        return 0;
    return memchr(b->data + b->strs.off + ref, 0, b->strs.len - ref) != NULL;
}

static const uint8_t *entry(const ink_bundle_t *b, ink_span_t s, uint32_t size, uint32_t i)
{
    return b->data + s.off + (size_t)i * size;
}

static uint32_t group_first(const ink_bundle_t *b, uint32_t g)
{
    return g < b->ngroups ? ink_rd32(entry(b, b->grps, INK_GRPS_ENTRY_SIZE, g)) : b->narticles;
}

static ink_err_t check_index(const ink_bundle_t *b)
{
    uint32_t next = 0;
    for (uint32_t i = 0; i < b->nsections; i++) {
        const uint8_t *e = entry(b, b->secs, INK_SECS_ENTRY_SIZE, i);
        uint32_t first = ink_rd32(e + 4), count = ink_rd32(e + 8);
        if (!str_ok(b, ink_rd32(e)))
            return INK_ERR_RANGE;
        if (first != next || count > b->narticles - first)
            return INK_ERR_FORMAT;
        next = first + count;
    }
    if (next != b->narticles)
        return INK_ERR_FORMAT;
    /* Groups start at article 0, in order, and stay within bounds. */
    for (uint32_t g = 0; g < b->ngroups; g++) {
        const uint8_t *e = entry(b, b->grps, INK_GRPS_ENTRY_SIZE, g);
        uint32_t first = ink_rd32(e), end = group_first(b, g + 1);
        if ((g == 0 && first != 0) || first >= end || end > b->narticles)
            return INK_ERR_FORMAT;
        if (!inside(ink_rd32(e + 4), ink_rd32(e + 8), b->text.len))
            return INK_ERR_RANGE;
        uint64_t raw = 0;
        for (uint32_t i = first; i < end; i++)
            raw += ink_rd32(entry(b, b->arts, INK_ARTS_ENTRY_SIZE, i));
        if (raw > INK_GROUP_MAX_BYTES)
            return INK_ERR_TOO_BIG;
    }
    for (uint32_t c = 0; c < b->nchunks; c++) {
        const uint8_t *e = entry(b, b->titl, INK_TITL_ENTRY_SIZE, c);
        if (!inside(ink_rd32(e), ink_rd32(e + 4), b->text.len))
            return INK_ERR_RANGE;
        if (ink_rd32(e + 8) > INK_TITLE_CHUNK_MAX)
            return INK_ERR_TOO_BIG;
    }
    return INK_OK;
}

/* FONT: a table of faces inside the section, each on a 4-byte boundary
 * past the table, the first (regular) not empty; KERN: what ink_kern_bind
 * accepts. Both are optional. */
static ink_err_t check_fonts(const ink_bundle_t *b)
{
    if (b->font.len) {
        const uint8_t *f = b->data + b->font.off;
        if (b->font.len < 4)
            return INK_ERR_FORMAT;
        uint32_t nfaces = ink_rd32(f);
        if (nfaces == 0 || nfaces > INK_FONT_MAX_FACES)
            return INK_ERR_FORMAT;
        uint32_t table = 4 + nfaces * INK_FONT_ENTRY_SIZE;
        if (table > b->font.len)
            return INK_ERR_RANGE;
        for (uint32_t i = 0; i < nfaces; i++) {
            uint32_t off = ink_rd32(f + 4 + i * INK_FONT_ENTRY_SIZE), len = ink_rd32(f + 8 + i * INK_FONT_ENTRY_SIZE);
            if (!inside(off, len, b->font.len) || (len && off < table))
                return INK_ERR_RANGE;
            if ((len && off % 4) || (i == 0 && !len))
                return INK_ERR_FORMAT;
        }
    }
    if (b->kern.len) {
        ink_kern_t k;
        if (ink_kern_bind(&k, b->data + b->kern.off, b->kern.len) != 0)
            return INK_ERR_FORMAT;
    }
    if (b->hyph.len) {
        ink_hyph_t h;
        if (ink_hyph_bind(&h, b->data + b->hyph.off, b->hyph.len, b->narticles) != 0)
            return INK_ERR_FORMAT;
    }
    return INK_OK;
}

ink_err_t ink_bundle_open(ink_bundle_t *b, const uint8_t *data, size_t len)
{
    memset(b, 0, sizeof *b);
    if (!data || len < INK_MAGIC_LEN || memcmp(data, INK_MAGIC, INK_MAGIC_LEN) != 0)
        return INK_ERR_MAGIC;
    if (len < INK_HDR_SIZE)
        return INK_ERR_TRUNCATED;
    b->data = data;
    b->major = ink_rd16(data + INK_HDR_OFF_MAJOR);
    b->minor = ink_rd16(data + INK_HDR_OFF_MINOR);
    if (b->major != INK_VERSION_MAJOR && b->major != INK_VERSION_MAJOR_RUNS)
        return INK_ERR_VERSION;
    uint32_t size = ink_rd32(data + INK_HDR_OFF_SIZE);
    uint32_t nsect = ink_rd16(data + INK_HDR_OFF_NSECT);
    if (size > len)
        return INK_ERR_TRUNCATED;
    if (nsect == 0 || nsect > INK_MAX_SECTIONS)
        return INK_ERR_FORMAT;
    uint32_t table_end = INK_HDR_SIZE + nsect * INK_SECT_ENTRY_SIZE;
    if (table_end > size)
        return INK_ERR_TRUNCATED;
    b->size = size;
    /* Header CRC: the header and table, with the CRC field itself as zeros. */
    static const uint8_t zero4[4] = { 0, 0, 0, 0 };
    uint32_t crc = ink_crc32(0, data, INK_HDR_OFF_CRC);
    crc = ink_crc32(crc, zero4, 4);
    crc = ink_crc32(crc, data + INK_HDR_SIZE, table_end - INK_HDR_SIZE);
    if (crc != ink_rd32(data + INK_HDR_OFF_CRC))
        return INK_ERR_CRC;
    b->id = crc;
    unsigned seen = 0;
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_span_t s = { ink_rd32(e + 4), ink_rd32(e + 8) };
        uint32_t tag = ink_rd32(e), scrc = ink_rd32(e + 12);
        if (!inside(s.off, s.len, size) || s.off < table_end)
            return INK_ERR_RANGE;
        ink_span_t *dst = NULL;
        unsigned bit = 0;
        switch (tag) {
        case INK_TAG_META: dst = &b->meta; bit = 1; break;
        case INK_TAG_STRS: dst = &b->strs; bit = 2; break;
        case INK_TAG_SECS: dst = &b->secs; bit = 4; break;
        case INK_TAG_ARTS: dst = &b->arts; bit = 8; break;
        case INK_TAG_GRPS: dst = &b->grps; bit = 16; break;
        case INK_TAG_TITL: dst = &b->titl; bit = 32; break;
        case INK_TAG_DICT: dst = &b->dict; bit = 64; break;
        case INK_TAG_FONT: dst = &b->font; bit = 256; break;
        case INK_TAG_KERN: dst = &b->kern; bit = 512; break;
        case INK_TAG_HYPH: dst = &b->hyph; bit = 1024; break;
        case INK_TAG_TEXT:
            b->text = s;
            b->text_crc = scrc;
            seen |= 128;
            continue; /* checked lazily: opening must not read every article */
        default: continue; /* a section a later minor version added */
        }
        if (seen & bit)
            return INK_ERR_FORMAT;
        seen |= bit;
        if (ink_crc32(0, data + s.off, s.len) != scrc)
            return INK_ERR_CRC;
        *dst = s;
    }
    if ((seen & (1 | 2 | 4 | 8 | 16 | 32 | 128)) != (1 | 2 | 4 | 8 | 16 | 32 | 128))
        return INK_ERR_FORMAT;
    if (b->meta.len < INK_META_SIZE || !b->strs.len)
        return INK_ERR_FORMAT;
    if (b->dict.len) {
        b->dict_len = ink_rd32(data + b->dict.off);
        if (b->dict.len <= INK_DICT_HEAD || b->dict.len > INK_DICT_SECTION_MAX || !b->dict_len ||
            b->dict_len > INK_DICT_MAX)
            return INK_ERR_FORMAT;
    }
    const uint8_t *m = data + b->meta.off;
    b->name = ink_rd32(m);
    b->date = ink_rd32(m + 4);
    b->narticles = ink_rd32(m + 8);
    b->nsections = ink_rd32(m + 12);
    b->ngroups = ink_rd32(m + 16);
    b->nchunks = ink_rd32(m + 20);
    b->per_chunk = ink_rd16(m + 24);
    if (!b->narticles || !b->nsections || !b->ngroups || !b->per_chunk || b->narticles > 0xFFFFFFu ||
        b->nchunks != (b->narticles + b->per_chunk - 1) / b->per_chunk)
        return INK_ERR_FORMAT;
    if ((uint64_t)b->nsections * INK_SECS_ENTRY_SIZE > b->secs.len ||
        (uint64_t)b->narticles * INK_ARTS_ENTRY_SIZE > b->arts.len ||
        (uint64_t)b->ngroups * INK_GRPS_ENTRY_SIZE > b->grps.len ||
        (uint64_t)b->nchunks * INK_TITL_ENTRY_SIZE > b->titl.len)
        return INK_ERR_RANGE;
    if (!str_ok(b, b->name) || !str_ok(b, b->date))
        return INK_ERR_RANGE;
    ink_err_t err = check_index(b);
    if (!err)
        err = check_fonts(b);
    if (err)
        memset(b, 0, sizeof *b);
    return err;
}

const char *ink_bundle_str(const ink_bundle_t *b, uint32_t ref)
{
    if (ref == INK_STR_NONE || ref >= b->strs.len)
        return NULL;
    return (const char *)b->data + b->strs.off + ref;
}

const char *ink_bundle_name(const ink_bundle_t *b)
{
    const char *s = ink_bundle_str(b, b->name);
    return s ? s : "";
}

const char *ink_bundle_date(const ink_bundle_t *b)
{
    return ink_bundle_str(b, b->date);
}

ink_err_t ink_bundle_section(const ink_bundle_t *b, uint32_t i, ink_section_info_t *out)
{
    if (i >= b->nsections)
        return INK_ERR_NOT_FOUND;
    const uint8_t *e = entry(b, b->secs, INK_SECS_ENTRY_SIZE, i);
    out->name = ink_bundle_str(b, ink_rd32(e));
    if (!out->name)
        out->name = "";
    out->first = ink_rd32(e + 4);
    out->count = ink_rd32(e + 8);
    return INK_OK;
}

ink_err_t ink_bundle_article(const ink_bundle_t *b, uint32_t i, ink_article_info_t *out)
{
    if (i >= b->narticles)
        return INK_ERR_NOT_FOUND;
    const uint8_t *e = entry(b, b->arts, INK_ARTS_ENTRY_SIZE, i);
    out->text_len = ink_rd32(e);
    out->text_crc = ink_rd32(e + 4);
    /* Binary searches: the section and the group whose first article is the
     * last one at or before i (open checked both tables are in order). */
    uint32_t lo = 0, hi = b->nsections - 1;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (ink_rd32(entry(b, b->secs, INK_SECS_ENTRY_SIZE, mid) + 4) <= i)
            lo = mid;
        else
            hi = mid - 1;
    }
    out->section = lo;
    lo = 0;
    hi = b->ngroups - 1;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (group_first(b, mid) <= i)
            lo = mid;
        else
            hi = mid - 1;
    }
    out->group = lo;
    out->skip = 0;
    for (uint32_t k = group_first(b, lo); k < i; k++)
        out->skip += ink_rd32(entry(b, b->arts, INK_ARTS_ENTRY_SIZE, k));
    out->last_in_group = i + 1 == group_first(b, lo + 1);
    return INK_OK;
}

/* zlib's state and window are big and short-lived: from the top of the
 * pool, beside the article buffer they fill, so they leave no hole among
 * the long-lived fonts and caches below. */
static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
    if (size && items > (uInt)-1 / size)
        return NULL;
    void *p = ink_pool_alloc_top(opaque, (size_t)items * size);
    if (p)
        memset(p, 0, (size_t)items * size);
    return p;
}

static void z_free(voidpf opaque, voidpf p)
{
    ink_pool_free(opaque, p);
}

/* Inflates the stream src[0..src_len) (with the bundle's dictionary),
 * throws away its first skip bytes, and puts the next want bytes in dst.
 * With must_end the stream must end right there. dst_len >= want. */
static ink_err_t inflate_part(const ink_bundle_t *b, const uint8_t *src, uint32_t src_len, ink_pool_t *pool,
                              uint32_t skip, uint8_t *dst, uint32_t dst_len, uint32_t want, int must_end)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = z_alloc;
    z.zfree = z_free;
    z.opaque = pool;
    int zr = inflateInit2(&z, -15);
    if (zr != Z_OK)
        return zr == Z_MEM_ERROR ? INK_ERR_NOMEM : INK_ERR_INFLATE;
    ink_err_t err = INK_OK;
    uLong base = 0;
    if (b->dict_len) {
        /* The dictionary's own stream goes through the inflater first: it
         * leaves the dictionary as history, and the inflater at a block
         * boundary where the article's stream takes over. Its bytes pass
         * through a small buffer (zlib keeps them in its window). */
        uint8_t scratch[256];
        z.next_in = (Bytef *)(uintptr_t)(b->data + b->dict.off + INK_DICT_HEAD);
        z.avail_in = b->dict.len - INK_DICT_HEAD;
        do {
            z.next_out = scratch;
            z.avail_out = sizeof scratch;
            zr = inflate(&z, Z_NO_FLUSH);
            if (zr == Z_MEM_ERROR) {
                err = INK_ERR_NOMEM;
                goto out;
            }
            if (zr != Z_OK && !(zr == Z_BUF_ERROR && !z.avail_in)) {
                err = INK_ERR_INFLATE; /* broken, or it ended: DICT is damaged */
                goto out;
            }
        } while (z.avail_in || !z.avail_out);
        if (z.total_out != b->dict_len) {
            err = INK_ERR_INFLATE;
            goto out;
        }
        base = z.total_out;
    }
    z.next_in = (Bytef *)(uintptr_t)src;
    z.avail_in = src_len;
    /* The text before the article goes through dst and is overwritten. */
    while (z.total_out - base < skip) {
        uint32_t left = skip - (uint32_t)(z.total_out - base);
        z.next_out = dst;
        z.avail_out = left < dst_len ? left : dst_len;
        zr = inflate(&z, Z_NO_FLUSH);
        if (zr == Z_MEM_ERROR) {
            err = INK_ERR_NOMEM;
            goto out;
        }
        if (zr != Z_OK) { /* the stream ended or broke before the article */
            err = INK_ERR_INFLATE;
            goto out;
        }
    }
    z.next_out = dst;
    z.avail_out = want;
    while (z.avail_out) {
        zr = inflate(&z, Z_NO_FLUSH);
        if (zr == Z_MEM_ERROR) {
            err = INK_ERR_NOMEM;
            goto out;
        }
        if (zr != Z_OK && !(zr == Z_STREAM_END && z.avail_out == 0)) {
            err = INK_ERR_INFLATE;
            goto out;
        }
    }
    if (must_end && zr != Z_STREAM_END) {
        /* Ask for one byte more: a sound stream ends here without it. */
        uint8_t extra;
        z.next_out = &extra;
        z.avail_out = 1;
        zr = inflate(&z, Z_FINISH);
        if (zr != Z_STREAM_END || z.avail_out != 1)
            err = zr == Z_MEM_ERROR ? INK_ERR_NOMEM : INK_ERR_INFLATE;
    }
out:
    inflateEnd(&z);
    return err;
}

ink_err_t ink_bundle_inflate(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len)
{
    ink_article_info_t a;
    ink_err_t err = ink_bundle_article(b, i, &a);
    if (err)
        return err;
    if (a.text_len > INK_ARTICLE_MAX_BYTES || a.text_len > dst_len)
        return INK_ERR_TOO_BIG;
    if (a.text_len == 0 && a.skip == 0 && !dst_len)
        return INK_ERR_TOO_BIG;
    const uint8_t *g = entry(b, b->grps, INK_GRPS_ENTRY_SIZE, a.group);
    uint8_t spare;
    err = inflate_part(b, b->data + b->text.off + ink_rd32(g + 4), ink_rd32(g + 8), pool, a.skip,
                       dst_len ? dst : &spare, dst_len ? dst_len : 1, a.text_len, a.last_in_group);
    if (!err && ink_crc32(0, dst, a.text_len) != a.text_crc)
        err = INK_ERR_CRC;
    return err;
}

void ink_titles_free(ink_titles_t *cache)
{
    if (cache->buf)
        ink_pool_free(cache->pool, cache->buf);
    cache->buf = NULL;
    cache->chunk = -1;
    cache->len = 0;
}

ink_err_t ink_bundle_title(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, ink_titles_t *cache,
                           const char **title)
{
    *title = "";
    if (i >= b->narticles)
        return INK_ERR_NOT_FOUND;
    uint32_t c = i / b->per_chunk;
    if (!cache->buf || cache->chunk != (int32_t)c || cache->pool != pool) {
        if (cache->buf && cache->pool)
            ink_pool_free(cache->pool, cache->buf);
        cache->buf = NULL;
        cache->chunk = -1;
        cache->pool = pool;
        const uint8_t *e = entry(b, b->titl, INK_TITL_ENTRY_SIZE, c);
        uint32_t raw = ink_rd32(e + 8);
        char *buf = ink_pool_alloc(pool, raw + 1u);
        if (!buf)
            return INK_ERR_NOMEM;
        ink_err_t err = inflate_part(b, b->data + b->text.off + ink_rd32(e), ink_rd32(e + 4), pool, 0,
                                     (uint8_t *)buf, raw + 1u, raw, 1);
        if (!err && ink_crc32(0, (const uint8_t *)buf, raw) != ink_rd32(e + 12))
            err = INK_ERR_CRC;
        if (err) {
            ink_pool_free(pool, buf);
            return err;
        }
        buf[raw] = '\0';
        cache->buf = buf;
        cache->len = raw;
        cache->chunk = (int32_t)c;
    }
    /* The (i mod per_chunk)-th NUL-terminated string of the chunk. */
    const char *p = cache->buf, *end = cache->buf + cache->len;
    for (uint32_t k = i % b->per_chunk; k; k--) {
        const char *nul = memchr(p, 0, (size_t)(end - p));
        if (!nul)
            return INK_ERR_FORMAT;
        p = nul + 1;
    }
    if (p >= end)
        return INK_ERR_FORMAT;
    *title = p;
    return INK_OK;
}

void ink_text_head(const uint8_t *text, uint32_t len, ink_text_head_t *out)
{
    memset(out, 0, sizeof *out);
    uint32_t i = 0;
    while (i < len && (text[i] == INK_TX_SOURCE || text[i] == INK_TX_DATE || text[i] == INK_TX_BYLINE)) {
        uint8_t code = text[i++];
        uint32_t start = i;
        while (i < len && !INK_TX_IS_BLOCK(text[i]))
            i++;
        const char *s = (const char *)text + start;
        uint32_t n = i - start;
        if (code == INK_TX_SOURCE) {
            out->source = s;
            out->source_len = n;
        } else if (code == INK_TX_DATE) {
            out->date = s;
            out->date_len = n;
        } else {
            out->byline = s;
            out->byline_len = n;
        }
    }
    out->body = i;
}

ink_err_t ink_bundle_fonts(const ink_bundle_t *b, ink_font_data_t out[INK_FACE_COUNT])
{
    memset(out, 0, sizeof(ink_font_data_t) * INK_FACE_COUNT);
    if (!b->font.len)
        return INK_ERR_NOT_FOUND;
    const uint8_t *f = b->data + b->font.off;
    uint32_t nfaces = ink_rd32(f);
    for (uint32_t i = 0; i < nfaces && i < INK_FACE_COUNT; i++) {
        uint32_t len = ink_rd32(f + 8 + i * INK_FONT_ENTRY_SIZE);
        out[i].data = len ? f + ink_rd32(f + 4 + i * INK_FONT_ENTRY_SIZE) : NULL;
        out[i].len = len;
    }
    return INK_OK;
}

ink_err_t ink_bundle_faces(const ink_bundle_t *b, ink_font_data_t out[INK_FONT_MAX_FACES], int *n)
{
    memset(out, 0, sizeof(ink_font_data_t) * INK_FONT_MAX_FACES);
    *n = INK_FACE_COUNT;
    if (!b->font.len)
        return INK_ERR_NOT_FOUND;
    const uint8_t *f = b->data + b->font.off;
    uint32_t nfaces = ink_rd32(f);
    for (uint32_t i = 0; i < nfaces && i < INK_FONT_MAX_FACES; i++) {
        uint32_t len = ink_rd32(f + 8 + i * INK_FONT_ENTRY_SIZE);
        out[i].data = len ? f + ink_rd32(f + 4 + i * INK_FONT_ENTRY_SIZE) : NULL;
        out[i].len = len;
    }
    if (nfaces > INK_FACE_COUNT)
        *n = (int)(nfaces > INK_FONT_MAX_FACES ? INK_FONT_MAX_FACES : nfaces);
    return INK_OK;
}

int ink_bundle_hyph(const ink_bundle_t *b, ink_hyph_t *out)
{
    if (!b->hyph.len) {
        memset(out, 0, sizeof *out);
        return -1;
    }
    return ink_hyph_bind(out, b->data + b->hyph.off, b->hyph.len, b->narticles);
}

int ink_bundle_kern(const ink_bundle_t *b, ink_kern_t *out)
{
    if (!b->kern.len) {
        memset(out, 0, sizeof *out);
        return -1;
    }
    return ink_kern_bind(out, b->data + b->kern.off, b->kern.len);
}

ink_err_t ink_bundle_check_text(const ink_bundle_t *b)
{
    return ink_crc32(0, b->data + b->text.off, b->text.len) == b->text_crc ? INK_OK : INK_ERR_CRC;
}

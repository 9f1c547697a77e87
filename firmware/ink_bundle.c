/* SPDX-License-Identifier: MIT */
/* ink_bundle.c: bundle reader. Every number read from the bundle is checked
 * before it is used as an offset or a length. */
#include "ink_bundle.h"

#include "ink_conf.h"
#include "ink_format.h"

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

static ink_err_t check_sections_and_articles(ink_bundle_t *b)
{
    uint32_t next = 0;
    for (uint32_t i = 0; i < b->nsections; i++) {
        const uint8_t *e = entry(b, b->secs, b->sect_entry, i);
        uint32_t first = ink_rd32(e + 4), count = ink_rd32(e + 8);
        if (!str_ok(b, ink_rd32(e)) || first != next || count > b->narticles - first)
            return INK_ERR_FORMAT;
        next = first + count;
    }
    if (next != b->narticles)
        return INK_ERR_FORMAT;
    for (uint32_t i = 0; i < b->narticles; i++) {
        const uint8_t *e = entry(b, b->arts, b->art_entry, i);
        if (!str_ok(b, ink_rd32(e + INK_ART_OFF_TITLE)) || !str_ok(b, ink_rd32(e + INK_ART_OFF_SOURCE)) ||
            !str_ok(b, ink_rd32(e + INK_ART_OFF_DATE)) || !str_ok(b, ink_rd32(e + INK_ART_OFF_BYLINE)))
            return INK_ERR_RANGE;
        if (ink_rd32(e + INK_ART_OFF_SECTION) >= b->nsections)
            return INK_ERR_FORMAT;
        if (!inside(ink_rd32(e + INK_ART_OFF_DATA), ink_rd32(e + INK_ART_OFF_DATA_LEN), b->text.len))
            return INK_ERR_RANGE;
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
    if (b->major != INK_VERSION_MAJOR)
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
    int have_text = 0;
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_span_t s = { ink_rd32(e + 4), ink_rd32(e + 8) };
        uint32_t tag = ink_rd32(e), scrc = ink_rd32(e + 12);
        if (!inside(s.off, s.len, size) || s.off < table_end)
            return INK_ERR_RANGE;
        ink_span_t *dst = NULL;
        switch (tag) {
        case INK_TAG_META: dst = &b->meta; break;
        case INK_TAG_STRS: dst = &b->strs; break;
        case INK_TAG_SECS: dst = &b->secs; break;
        case INK_TAG_ARTS: dst = &b->arts; break;
        case INK_TAG_TEXT:
            b->text = s;
            b->text_crc = scrc;
            have_text = 1;
            continue; /* checked lazily: opening must not read every article */
        default: continue; /* a section a later minor version added */
        }
        if (ink_crc32(0, data + s.off, s.len) != scrc)
            return INK_ERR_CRC;
        *dst = s;
    }
    if (b->meta.len < INK_META_SIZE || !b->strs.len || !have_text)
        return INK_ERR_FORMAT;
    const uint8_t *m = data + b->meta.off;
    b->name = ink_rd32(m);
    b->date = ink_rd32(m + 4);
    b->narticles = ink_rd32(m + 8);
    b->nsections = ink_rd32(m + 12);
    b->sect_entry = ink_rd16(m + 16);
    b->art_entry = ink_rd16(m + 18);
    if (b->sect_entry < INK_SECS_ENTRY_SIZE || b->art_entry < INK_ARTS_ENTRY_SIZE)
        return INK_ERR_FORMAT;
    if (b->narticles == 0 || b->nsections == 0)
        return INK_ERR_FORMAT;
    if ((uint64_t)b->nsections * b->sect_entry > b->secs.len ||
        (uint64_t)b->narticles * b->art_entry > b->arts.len)
        return INK_ERR_RANGE;
    if (!str_ok(b, b->name) || !str_ok(b, b->date))
        return INK_ERR_RANGE;
    ink_err_t err = check_sections_and_articles(b);
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

ink_err_t ink_bundle_article(const ink_bundle_t *b, uint32_t i, ink_article_info_t *out)
{
    if (i >= b->narticles)
        return INK_ERR_NOT_FOUND;
    const uint8_t *e = entry(b, b->arts, b->art_entry, i);
    out->title = ink_bundle_str(b, ink_rd32(e + INK_ART_OFF_TITLE));
    if (!out->title)
        out->title = "";
    out->source = ink_bundle_str(b, ink_rd32(e + INK_ART_OFF_SOURCE));
    out->date = ink_bundle_str(b, ink_rd32(e + INK_ART_OFF_DATE));
    out->byline = ink_bundle_str(b, ink_rd32(e + INK_ART_OFF_BYLINE));
    out->section = ink_rd32(e + INK_ART_OFF_SECTION);
    out->data_off = ink_rd32(e + INK_ART_OFF_DATA);
    out->data_len = ink_rd32(e + INK_ART_OFF_DATA_LEN);
    out->text_len = ink_rd32(e + INK_ART_OFF_TEXT_LEN);
    out->text_crc = ink_rd32(e + INK_ART_OFF_TEXT_CRC);
    return INK_OK;
}

ink_err_t ink_bundle_section(const ink_bundle_t *b, uint32_t i, ink_section_info_t *out)
{
    if (i >= b->nsections)
        return INK_ERR_NOT_FOUND;
    const uint8_t *e = entry(b, b->secs, b->sect_entry, i);
    out->name = ink_bundle_str(b, ink_rd32(e));
    if (!out->name)
        out->name = "";
    out->first = ink_rd32(e + 4);
    out->count = ink_rd32(e + 8);
    return INK_OK;
}

static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
    return ink_pool_calloc(opaque, items, size);
}

static void z_free(voidpf opaque, voidpf p)
{
    ink_pool_free(opaque, p);
}

ink_err_t ink_bundle_inflate(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len)
{
    ink_article_info_t a;
    ink_err_t err = ink_bundle_article(b, i, &a);
    if (err)
        return err;
    if (a.text_len > INK_ARTICLE_MAX_BYTES || a.text_len > dst_len)
        return INK_ERR_TOO_BIG;
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = z_alloc;
    z.zfree = z_free;
    z.opaque = pool;
    int zr = inflateInit2(&z, -15);
    if (zr != Z_OK)
        return zr == Z_MEM_ERROR ? INK_ERR_NOMEM : INK_ERR_INFLATE;
    z.next_in = (Bytef *)(uintptr_t)(b->data + b->text.off + a.data_off);
    z.avail_in = a.data_len;
    z.next_out = dst;
    /* One byte of room past text_len, so a stream that would inflate to more
     * than it claims is caught instead of stopping politely at the limit. */
    z.avail_out = a.text_len < dst_len ? a.text_len + 1 : a.text_len;
    zr = inflate(&z, Z_FINISH);
    if (zr == Z_MEM_ERROR)
        err = INK_ERR_NOMEM;
    else if (zr != Z_STREAM_END || z.total_out != a.text_len)
        err = INK_ERR_INFLATE;
    else if (ink_crc32(0, dst, a.text_len) != a.text_crc)
        err = INK_ERR_CRC;
    inflateEnd(&z);
    return err;
}

ink_err_t ink_bundle_check_text(const ink_bundle_t *b)
{
    return ink_crc32(0, b->data + b->text.off, b->text.len) == b->text_crc ? INK_OK : INK_ERR_CRC;
}

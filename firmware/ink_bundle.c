/* SPDX-License-Identifier: MIT */
/* ink_bundle.c: bundle reader. Every number read from the bundle is checked
 * before it is used as an offset or a length. */
#include "ink_bundle.h"
#include "ink_utf8.h"
#include "ink_crc32.h"

#include "ink_conf.h"
#include "ink_format.h"
#include "ink_run.h"
#include "ink_text.h"

#include <string.h>
#include <zlib.h>

/* True when [off, off + len) lies inside [0, size). */
static int inside(uint32_t off, uint32_t len, uint32_t size)
{
    return off <= size && len <= size - off;
}

int ink_bundle_date_valid(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* A string reference: none, or below the STRS length (STRS ends in a NUL,
 * so one follows) and UTF-8 up to that NUL (a section name may hold shaped
 * runs and bidi levels). 0 when sound, else the error. */
static ink_err_t str_check(const ink_bundle_t *b, uint32_t ref)
{
    if (ref == INK_STR_NONE)
        return INK_OK;
    if (ref >= b->strs.len)
        return INK_ERR_RANGE;
    const uint8_t *s = b->data + b->strs.off + ref;
    const uint8_t *nul = memchr(s, 0, b->strs.len - ref);
    if (!nul)
        return INK_ERR_RANGE;
    return ink_text_coded(s, (size_t)(nul - s)) == INK_TEXT_CODED_OK ? INK_OK : INK_ERR_FORMAT;
}

static const uint8_t *entry(const ink_bundle_t *b, ink_span_t s, uint32_t size, uint32_t i)
{
    return b->data + s.off + (size_t)i * size;
}

static uint32_t group_first(const ink_bundle_t *b, uint32_t g)
{
    return g < b->ngroups ? ink_rd32(entry(b, b->grps, INK_GRPS_ENTRY_SIZE, g)) : b->narticles;
}

/* Records why open failed: b->why reads "SECTION: what is wrong". */
static ink_err_t refuse(ink_bundle_t *b, ink_err_t err, const char *why)
{
    size_t n = strlen(why);
    if (n >= sizeof b->why)
        n = sizeof b->why - 1;
    memcpy(b->why, why, n);
    b->why[n] = '\0';
    return err;
}

static ink_err_t check_index(ink_bundle_t *b)
{
    ink_err_t e;
    if (b->data[b->strs.off + b->strs.len - 1] != 0)
        return refuse(b, INK_ERR_FORMAT, "STRS: does not end with a NUL byte");
    if ((e = str_check(b, b->name)) != INK_OK || (e = str_check(b, b->date)) != INK_OK)
        return refuse(
            b, e, e == INK_ERR_RANGE ? "META: a string reference points outside STRS" : "STRS: a string is not UTF-8");
    const char *date = ink_bundle_str(b, b->date);
    if (date && !ink_bundle_date_valid(date, strlen(date)))
        return refuse(b, INK_ERR_FORMAT, "META: the date is not YYYY-MM-DD");
    uint32_t next = 0;
    for (uint32_t i = 0; i < b->nsections; i++) {
        const uint8_t *e8 = entry(b, b->secs, INK_SECS_ENTRY_SIZE, i);
        uint32_t first = ink_rd32(e8 + 4), count = ink_rd32(e8 + 8);
        if ((e = str_check(b, ink_rd32(e8))) != INK_OK)
            return refuse(b, e,
                          e == INK_ERR_RANGE ? "SECS: a string reference points outside STRS"
                                             : "STRS: a string is not UTF-8");
        if (first != next || count == 0 || count > b->narticles - first)
            return refuse(b, INK_ERR_FORMAT, "SECS: the sections do not cover the articles in order");
        next = first + count;
    }
    if (next != b->narticles)
        return refuse(b, INK_ERR_FORMAT, "SECS: the sections do not cover the articles in order");
    for (uint32_t i = 0; i < b->narticles; i++)
        if (ink_rd32(entry(b, b->arts, INK_ARTS_ENTRY_SIZE, i)) == 0)
            return refuse(b, INK_ERR_FORMAT, "ARTS: an article's text is empty");
    /* Groups start at article 0, in order, and stay within bounds. */
    for (uint32_t g = 0; g < b->ngroups; g++) {
        const uint8_t *e8 = entry(b, b->grps, INK_GRPS_ENTRY_SIZE, g);
        uint32_t first = ink_rd32(e8), end = group_first(b, g + 1);
        if (g == 0 && first != 0)
            return refuse(b, INK_ERR_FORMAT, "GRPS: the first group does not start at article 0");
        if (first >= b->narticles || end > b->narticles) /* this group, or the next one */
            return refuse(b, INK_ERR_FORMAT, "GRPS: a group starts past the last article");
        if (first >= end)
            return refuse(b, INK_ERR_FORMAT, "GRPS: the groups' first articles do not increase");
        if (!inside(ink_rd32(e8 + 4), ink_rd32(e8 + 8), b->text.len))
            return refuse(b, INK_ERR_RANGE, "GRPS: a stream lies outside TEXT");
        uint64_t raw = 0;
        for (uint32_t i = first; i < end; i++)
            raw += ink_rd32(entry(b, b->arts, INK_ARTS_ENTRY_SIZE, i));
        if (raw > INK_GROUP_MAX_BYTES)
            return refuse(b, INK_ERR_TOO_BIG, "GRPS: a group's text is over 262,144 bytes");
    }
    for (uint32_t c = 0; c < b->nchunks; c++) {
        const uint8_t *e8 = entry(b, b->titl, INK_TITL_ENTRY_SIZE, c);
        if (!inside(ink_rd32(e8), ink_rd32(e8 + 4), b->text.len))
            return refuse(b, INK_ERR_RANGE, "TITL: a stream lies outside TEXT");
        if (ink_rd32(e8 + 8) > INK_TITLE_CHUNK_MAX)
            return refuse(b, INK_ERR_TOO_BIG, "TITL: a chunk's raw_length is over 49,152 bytes");
    }
    return INK_OK;
}

/* FONT: a table of faces inside the section, each on a 4-byte boundary
 * past the table, an empty one at offset 0, the first (regular) not empty;
 * KERN and HYPH: what ink_kern_bind and ink_hyph_bind accept. All three
 * are optional. */
static ink_err_t check_fonts(ink_bundle_t *b)
{
    if (b->font.len) {
        const uint8_t *f = b->data + b->font.off;
        if (b->font.len < 4)
            return refuse(b, INK_ERR_RANGE, "FONT: shorter than its face count");
        uint32_t nfaces = ink_rd32(f);
        if (nfaces == 0 || nfaces > INK_FONT_MAX_FACES)
            return refuse(b, INK_ERR_FORMAT, "FONT: nfaces is not 1 to 16");
        uint32_t table = 4 + nfaces * INK_FONT_ENTRY_SIZE;
        if (table > b->font.len)
            return refuse(b, INK_ERR_RANGE, "FONT: the face table runs past the section");
        for (uint32_t i = 0; i < nfaces; i++) {
            uint32_t off = ink_rd32(f + 4 + i * INK_FONT_ENTRY_SIZE), len = ink_rd32(f + 8 + i * INK_FONT_ENTRY_SIZE);
            if (!len && off)
                return refuse(b, INK_ERR_FORMAT, "FONT: an empty face has an offset other than 0");
            if (i == 0 && !len)
                return refuse(b, INK_ERR_FORMAT, "FONT: the regular face is empty");
            if (len && (!inside(off, len, b->font.len) || off < table))
                return refuse(b, INK_ERR_RANGE, "FONT: a face lies outside the section or in its table");
            if (off % 4)
                return refuse(b, INK_ERR_FORMAT, "FONT: a face is not on a 4-byte boundary");
        }
    }
    /* AFNT: a byte per article, 0 or a fallback face of FONT */
    if (b->afnt.len) {
        uint32_t nfaces = b->font.len ? ink_rd32(b->data + b->font.off) : 0;
        if (b->afnt.len < b->narticles)
            return refuse(b, INK_ERR_RANGE, "AFNT: shorter than a byte per article");
        if (b->afnt.len > b->narticles)
            return refuse(b, INK_ERR_FORMAT, "AFNT: bytes after its table");
        const uint8_t *a = b->data + b->afnt.off;
        for (uint32_t i = 0; i < b->narticles; i++)
            if (a[i] && (a[i] < INK_FACE_COUNT || a[i] >= nfaces))
                return refuse(b, INK_ERR_FORMAT, "AFNT: a face is not 0 or a fallback face of FONT");
    }
    if (b->kern.len) {
        const char *why = "KERN: malformed";
        if (ink_kern_check(b->data + b->kern.off, b->kern.len, &why) != 0)
            return refuse(b, INK_ERR_FORMAT, why);
    }
    if (b->hyph.len) {
        ink_hyph_t h;
        const uint8_t *lang = b->data + b->hyph.off + 8;
        int ended = b->hyph.len < 16 || lang[0] == 0;
        for (unsigned i = 1; i < 8 && !ended; i++)
            if (lang[i] == 0)
                while (i < 8 && !ended)
                    ended = lang[i++] != 0;
        if (ended)
            return refuse(b, INK_ERR_FORMAT, "HYPH: the language is empty or has bytes after its NUL");
        if (ink_hyph_bind(&h, b->data + b->hyph.off, b->hyph.len, b->narticles) != 0)
            return refuse(b, INK_ERR_FORMAT, "HYPH: the table or a record is malformed");
    }
    return INK_OK;
}

static const char *const tag_names[] = {"META", "STRS", "SECS", "ARTS", "GRPS", "TITL", "DICT",
                                        "TEXT", "FONT", "KERN", "HYPH", "PICS", "AFNT", "ORDR"};

static ink_err_t check_pics(ink_bundle_t *b);

/* Entry i of ORDR (open checked its length). */
static uint32_t ordr_at(const ink_bundle_t *b, uint32_t i)
{
    uint32_t w = ink_ordr_width(b->narticles), v = 0;
    const uint8_t *p = b->data + b->ordr.off + (size_t)i * w;
    for (uint32_t k = w; k--;)
        v = v << 8 | p[k];
    return v;
}

/* ORDR: only in version 5; exactly a table; a permutation of the articles.
 * That each place appears once is checked ORDR_WINDOW places at a time
 * with a bitmap on the stack (one pass over ORDR for an edition of up to
 * that many articles), since open has no memory of its own. */
#define ORDR_WINDOW 4096u
static ink_err_t check_ordr(ink_bundle_t *b)
{
    if (!b->ordr.len)
        return INK_OK;
    if (b->major < INK_VERSION_MAJOR_ORDR)
        return refuse(b, INK_ERR_FORMAT, "ORDR: in a bundle of version 2 to 4");
    uint64_t need = (uint64_t)b->narticles * ink_ordr_width(b->narticles);
    if (b->ordr.len < need)
        return refuse(b, INK_ERR_RANGE, "ORDR: shorter than its table");
    if (b->ordr.len > need)
        return refuse(b, INK_ERR_FORMAT, "ORDR: bytes after its table");
    uint8_t seen[ORDR_WINDOW / 8];
    for (uint32_t lo = 0; lo < b->narticles; lo += ORDR_WINDOW) {
        memset(seen, 0, sizeof seen);
        for (uint32_t i = 0; i < b->narticles; i++) {
            uint32_t s = ordr_at(b, i);
            if (s >= b->narticles)
                return refuse(b, INK_ERR_FORMAT, "ORDR: a place is past the last article");
            if (s < lo || s - lo >= ORDR_WINDOW)
                continue;
            if (seen[(s - lo) / 8] >> ((s - lo) % 8) & 1)
                return refuse(b, INK_ERR_FORMAT, "ORDR: a place is given twice");
            seen[(s - lo) / 8] |= (uint8_t)(1u << ((s - lo) % 8));
        }
    }
    return INK_OK;
}

static ink_err_t open_checked(ink_bundle_t *b, const uint8_t *data, size_t len)
{
    if (!data || len < INK_MAGIC_LEN || memcmp(data, INK_MAGIC, INK_MAGIC_LEN) != 0)
        return refuse(b, INK_ERR_MAGIC, "header: not an inkpress bundle (magic)");
    if (len < INK_HDR_SIZE)
        return refuse(b, INK_ERR_TRUNCATED, "header: shorter than 24 bytes");
    b->data = data;
    b->major = ink_rd16(data + INK_HDR_OFF_MAJOR);
    b->minor = ink_rd16(data + INK_HDR_OFF_MINOR);
    if (b->major < INK_VERSION_MAJOR || b->major > INK_VERSION_MAJOR_ORDR)
        return refuse(b, INK_ERR_VERSION, "header: major version is not 2 to 5");
    uint32_t size = ink_rd32(data + INK_HDR_OFF_SIZE);
    uint32_t nsect = ink_rd16(data + INK_HDR_OFF_NSECT);
    if (size > len)
        return refuse(b, INK_ERR_TRUNCATED, "header: file_size is larger than the bytes there are");
    if (nsect == 0 || nsect > INK_MAX_SECTIONS)
        return refuse(b, INK_ERR_FORMAT, "header: nentries is not 1 to 32");
    uint32_t table_end = INK_HDR_SIZE + nsect * INK_SECT_ENTRY_SIZE;
    if (table_end > size)
        return refuse(b, INK_ERR_TRUNCATED, "header: the section table runs past file_size");
    b->size = size;
    /* Header CRC: the header and table, with the CRC field itself as zeros. */
    static const uint8_t zero4[4] = {0, 0, 0, 0};
    uint32_t crc = ink_crc32(0, data, INK_HDR_OFF_CRC);
    crc = ink_crc32(crc, zero4, 4);
    crc = ink_crc32(crc, data + INK_HDR_SIZE, table_end - INK_HDR_SIZE);
    if (crc != ink_rd32(data + INK_HDR_OFF_CRC))
        return refuse(b, INK_ERR_CRC, "header: header_crc mismatch");
    b->id = crc;
    /* Every section inside the bundle past the table, no tag twice, no two
     * sections sharing a byte. */
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        uint32_t off = ink_rd32(e + 4), slen = ink_rd32(e + 8);
        if (!inside(off, slen, size) || off < table_end)
            return refuse(b, INK_ERR_RANGE, "section table: a section lies outside the bundle or in the table");
        for (uint32_t j = 0; j < i; j++) {
            const uint8_t *o = data + INK_HDR_SIZE + j * INK_SECT_ENTRY_SIZE;
            uint32_t ooff = ink_rd32(o + 4), olen = ink_rd32(o + 8);
            if (ink_rd32(o) == ink_rd32(e))
                return refuse(b, INK_ERR_FORMAT, "section table: a tag appears twice");
            if (slen && olen && off < ooff + olen && ooff < off + slen)
                return refuse(b, INK_ERR_RANGE, "section table: two sections overlap");
        }
    }
    unsigned seen = 0;
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        ink_span_t sp = {ink_rd32(e + 4), ink_rd32(e + 8)};
        uint32_t tag = ink_rd32(e), scrc = ink_rd32(e + 12);
        ink_span_t *dst = NULL;
        unsigned k;
        switch (tag) {
        case INK_TAG_META:
            dst = &b->meta;
            k = 0;
            break;
        case INK_TAG_STRS:
            dst = &b->strs;
            k = 1;
            break;
        case INK_TAG_SECS:
            dst = &b->secs;
            k = 2;
            break;
        case INK_TAG_ARTS:
            dst = &b->arts;
            k = 3;
            break;
        case INK_TAG_GRPS:
            dst = &b->grps;
            k = 4;
            break;
        case INK_TAG_TITL:
            dst = &b->titl;
            k = 5;
            break;
        case INK_TAG_DICT:
            dst = &b->dict;
            k = 6;
            break;
        case INK_TAG_TEXT:
            dst = &b->text;
            k = 7;
            break;
        case INK_TAG_FONT:
            dst = &b->font;
            k = 8;
            break;
        case INK_TAG_KERN:
            dst = &b->kern;
            k = 9;
            break;
        case INK_TAG_HYPH:
            dst = &b->hyph;
            k = 10;
            break;
        case INK_TAG_PICS:
            dst = &b->pics;
            k = 11;
            break;
        case INK_TAG_AFNT:
            dst = &b->afnt;
            k = 12;
            break;
        case INK_TAG_ORDR:
            dst = &b->ordr;
            k = 13;
            break;
        default: continue; /* a section a later minor version added */
        }
        seen |= 1u << k;
        *dst = sp;
        if (tag == INK_TAG_TEXT) {
            b->text_crc = scrc;
            continue; /* checked lazily: opening must not read every article */
        }
        if (tag == INK_TAG_PICS) {
            b->pics_crc = scrc;
            continue; /* lazily too: each picture has its own CRC */
        }
        if (ink_crc32(0, data + sp.off, sp.len) != scrc) {
            char why[48];
            memcpy(why, tag_names[k], 4);
            memcpy(why + 4, ": CRC mismatch", sizeof ": CRC mismatch");
            return refuse(b, INK_ERR_CRC, why);
        }
    }
    for (unsigned k = 0; k < 8; k++)
        if (k != 6 && !(seen >> k & 1)) {
            char why[48];
            memcpy(why, tag_names[k], 4);
            memcpy(why + 4, ": missing", sizeof ": missing");
            return refuse(b, INK_ERR_FORMAT, why);
        }
    if (b->meta.len < INK_META_SIZE)
        return refuse(b, INK_ERR_FORMAT, "META: shorter than 28 bytes");
    if (!b->strs.len)
        return refuse(b, INK_ERR_FORMAT, "STRS: empty");
    if (b->dict.len) {
        b->dict_len = ink_rd32(data + b->dict.off);
        if (b->dict.len <= INK_DICT_HEAD || b->dict.len > INK_DICT_SECTION_MAX || !b->dict_len ||
            b->dict_len > INK_DICT_MAX)
            return refuse(b, INK_ERR_FORMAT, "DICT: its length or dict_length is out of range");
    }
    const uint8_t *m = data + b->meta.off;
    b->name = ink_rd32(m);
    b->date = ink_rd32(m + 4);
    b->narticles = ink_rd32(m + 8);
    b->nsections = ink_rd32(m + 12);
    b->ngroups = ink_rd32(m + 16);
    b->nchunks = ink_rd32(m + 20);
    b->per_chunk = ink_rd16(m + 24);
    if (!b->narticles || b->narticles > 0xFFFFFFu)
        return refuse(b, INK_ERR_FORMAT, "META: narticles is not 1 to 16,777,215");
    if (!b->nsections || !b->ngroups || !b->per_chunk)
        return refuse(b, INK_ERR_FORMAT, "META: nsections, ngroups or titles_per_chunk is 0");
    if (b->nchunks != (b->narticles + b->per_chunk - 1) / b->per_chunk)
        return refuse(b, INK_ERR_FORMAT, "META: nchunks is not ceil(narticles / titles_per_chunk)");
    /* The tables fill their sections exactly. */
    static const struct {
        uint8_t k, size;
    } tables[] = {
        {2, INK_SECS_ENTRY_SIZE}, {3, INK_ARTS_ENTRY_SIZE}, {4, INK_GRPS_ENTRY_SIZE}, {5, INK_TITL_ENTRY_SIZE}};
    for (unsigned t = 0; t < 4; t++) {
        const ink_span_t *sp = tables[t].k == 2   ? &b->secs
                               : tables[t].k == 3 ? &b->arts
                               : tables[t].k == 4 ? &b->grps
                                                  : &b->titl;
        uint32_t count = tables[t].k == 2   ? b->nsections
                         : tables[t].k == 3 ? b->narticles
                         : tables[t].k == 4 ? b->ngroups
                                            : b->nchunks;
        uint64_t need = (uint64_t)count * tables[t].size;
        if (need != sp->len) {
            char why[64];
            memcpy(why, tag_names[tables[t].k], 4);
            if (need > sp->len)
                memcpy(why + 4, ": shorter than its table", sizeof ": shorter than its table");
            else
                memcpy(why + 4, ": bytes after its table", sizeof ": bytes after its table");
            return refuse(b, need > sp->len ? INK_ERR_RANGE : INK_ERR_FORMAT, why);
        }
    }
    ink_err_t err = check_index(b);
    if (!err)
        err = check_fonts(b);
    if (!err)
        err = check_pics(b);
    if (!err)
        err = check_ordr(b);
    return err;
}

/* PICS: the count, a table that fits, every picture's size within what a
 * reader draws and its stream within the section past the table. */
static ink_err_t check_pics(ink_bundle_t *b)
{
    if (!b->pics.len)
        return INK_OK;
    if (b->major < INK_VERSION_MAJOR_PICS)
        return refuse(b, INK_ERR_FORMAT, "PICS: in a bundle of version 2 or 3");
    if (b->pics.len < INK_PICS_HEAD)
        return refuse(b, INK_ERR_RANGE, "PICS: shorter than 4 bytes");
    const uint8_t *p = b->data + b->pics.off;
    uint32_t n = ink_rd32(p);
    if (n == 0 || n > INK_PICS_MAX)
        return refuse(b, INK_ERR_FORMAT, "PICS: npics is not 1 to 4,096");
    uint32_t table = INK_PICS_HEAD + n * INK_PICS_ENTRY_SIZE;
    if (table > b->pics.len)
        return refuse(b, INK_ERR_RANGE, "PICS: shorter than its table");
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *e = p + INK_PICS_HEAD + i * INK_PICS_ENTRY_SIZE;
        uint32_t w = ink_rd16(e), h = ink_rd16(e + 2), off = ink_rd32(e + 4), len = ink_rd32(e + 8);
        if (w == 0 || h == 0 || w > INK_PIC_MAX_W || h > INK_PIC_MAX_H)
            return refuse(b, INK_ERR_FORMAT, "PICS: a picture's size is 0 or over 1600 x 2400");
        if (len == 0 || off < table || !inside(off, len, b->pics.len))
            return refuse(b, INK_ERR_RANGE, "PICS: a picture's stream lies outside PICS or in its table");
    }
    b->npics = n;
    return INK_OK;
}

ink_err_t ink_bundle_pic(const ink_bundle_t *b, uint32_t idx, int *w, int *h)
{
    if (idx >= b->npics)
        return INK_ERR_NOT_FOUND;
    const uint8_t *e = b->data + b->pics.off + INK_PICS_HEAD + idx * INK_PICS_ENTRY_SIZE;
    *w = ink_rd16(e);
    *h = ink_rd16(e + 2);
    return INK_OK;
}

ink_err_t ink_bundle_open(ink_bundle_t *b, const uint8_t *data, size_t len)
{
    memset(b, 0, sizeof *b);
    ink_err_t err = open_checked(b, data, len);
    if (err) {
        char why[sizeof b->why];
        memcpy(why, b->why, sizeof why);
        memset(b, 0, sizeof *b);
        memcpy(b->why, why, sizeof why);
    }
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
    /* The section by the article's own index; ARTS and the groups by its
     * place in storage. */
    uint32_t s = b->ordr.len ? ordr_at(b, i) : i;
    out->stored = s;
    const uint8_t *e = entry(b, b->arts, INK_ARTS_ENTRY_SIZE, s);
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
        if (group_first(b, mid) <= s)
            lo = mid;
        else
            hi = mid - 1;
    }
    out->group = lo;
    out->skip = 0;
    for (uint32_t k = group_first(b, lo); k < s; k++)
        out->skip += ink_rd32(entry(b, b->arts, INK_ARTS_ENTRY_SIZE, k));
    out->last_in_group = s + 1 == group_first(b, lo + 1);
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
 * With must_end the stream must end right there, in its last byte.
 * dst_len >= want. On failure *why names the check. */
static ink_err_t inflate_part(const ink_bundle_t *b, const uint8_t *src, uint32_t src_len, ink_pool_t *pool,
                              uint32_t skip, uint8_t *dst, uint32_t dst_len, uint32_t want, int must_end,
                              const char **why)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    z.zalloc = z_alloc;
    z.zfree = z_free;
    z.opaque = pool;
    *why = "";
    int zr = inflateInit2(&z, -15);
    if (zr != Z_OK) {
        *why = "out of memory for the inflater";
        return zr == Z_MEM_ERROR ? INK_ERR_NOMEM : INK_ERR_INFLATE;
    }
    ink_err_t err = INK_OK;
    uLong base = 0;
    if (b->dict_len) {
        /* The dictionary's own stream goes through the inflater first: it
         * leaves the dictionary as history, and the inflater at a block
         * boundary where the article's stream takes over. Its bytes pass
         * through a small buffer (zlib keeps them in its window). Z_BLOCK
         * stops at each block's end, where data_type says whether the
         * inflater is between blocks with no bits left over: only then do
         * both ways of using DICT (this, or inflateSetDictionary) agree. */
        uint8_t scratch[256];
        z.next_in = (Bytef *)(uintptr_t)(b->data + b->dict.off + INK_DICT_HEAD);
        z.avail_in = b->dict.len - INK_DICT_HEAD;
        do {
            z.next_out = scratch;
            z.avail_out = sizeof scratch;
            zr = inflate(&z, Z_BLOCK);
            if (zr == Z_MEM_ERROR) {
                err = INK_ERR_NOMEM;
                *why = "out of memory for the inflater";
                goto out;
            }
            if (zr != Z_OK && !(zr == Z_BUF_ERROR && !z.avail_in)) {
                err = INK_ERR_INFLATE; /* broken, or it ended: DICT is damaged */
                *why = "DICT: its stream is damaged or ends";
                goto out;
            }
        } while (z.avail_in || !z.avail_out);
        /* The loop may stop with the last output byte given and the block's
         * end still in the inflater's bits (a dictionary of a whole number
         * of scratch buffers): one more call with room lets it see a final
         * block end there. */
        z.next_out = scratch;
        z.avail_out = sizeof scratch;
        zr = z.data_type == 128 ? Z_OK : inflate(&z, Z_BLOCK);
        if (zr == Z_STREAM_END || (zr != Z_OK && zr != Z_BUF_ERROR)) {
            err = zr == Z_MEM_ERROR ? INK_ERR_NOMEM : INK_ERR_INFLATE;
            *why = zr == Z_MEM_ERROR ? "out of memory for the inflater" : "DICT: its stream is damaged or ends";
            goto out;
        }
        if (z.total_out != b->dict_len) {
            err = INK_ERR_INFLATE;
            *why = "DICT: its stream does not give dict_length bytes";
            goto out;
        }
        if (z.data_type != 128) {
            err = INK_ERR_INFLATE;
            *why = "DICT: its stream does not stop between blocks on a byte boundary";
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
            *why = "out of memory for the inflater";
            goto out;
        }
        if (zr != Z_OK) { /* the stream ended or broke before the article */
            err = INK_ERR_INFLATE;
            *why = "TEXT: a stream is damaged or ends early";
            goto out;
        }
    }
    z.next_out = dst;
    z.avail_out = want;
    while (z.avail_out) {
        zr = inflate(&z, Z_NO_FLUSH);
        if (zr == Z_MEM_ERROR) {
            err = INK_ERR_NOMEM;
            *why = "out of memory for the inflater";
            goto out;
        }
        if (zr != Z_OK && !(zr == Z_STREAM_END && z.avail_out == 0)) {
            err = INK_ERR_INFLATE;
            *why = "TEXT: a stream is damaged or ends early";
            goto out;
        }
    }
    if (must_end && zr != Z_STREAM_END) {
        /* Ask for one byte more: a sound stream ends here without it. */
        uint8_t extra;
        z.next_out = &extra;
        z.avail_out = 1;
        zr = inflate(&z, Z_FINISH);
        if (zr == Z_MEM_ERROR) {
            err = INK_ERR_NOMEM;
            *why = "out of memory for the inflater";
        } else if (zr != Z_STREAM_END || z.avail_out != 1) {
            err = INK_ERR_INFLATE;
            *why = z.avail_out != 1 ? "TEXT: a stream goes on past its text"
                                    : "TEXT: a stream is damaged or ends early";
        }
    }
    if (!err && must_end && z.avail_in) {
        err = INK_ERR_INFLATE;
        *why = "TEXT: bytes after a stream's end";
    }
out:
    inflateEnd(&z);
    return err;
}

ink_err_t ink_bundle_inflate_why(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len,
                                 const char **why)
{
    ink_article_info_t a;
    *why = "";
    ink_err_t err = ink_bundle_article(b, i, &a);
    if (err) {
        *why = "no such article";
        return err;
    }
    if (a.text_len > INK_ARTICLE_MAX_BYTES || a.text_len > dst_len) {
        *why = "ARTS: text_length is more than this reader accepts";
        return INK_ERR_TOO_BIG;
    }
    const uint8_t *g = entry(b, b->grps, INK_GRPS_ENTRY_SIZE, a.group);
    err = inflate_part(b, b->data + b->text.off + ink_rd32(g + 4), ink_rd32(g + 8), pool, a.skip, dst, dst_len,
                       a.text_len, a.last_in_group, why);
    if (!err && ink_crc32(0, dst, a.text_len) != a.text_crc) {
        *why = "ARTS: text_crc mismatch";
        err = INK_ERR_CRC;
    }
    if (!err)
        err = ink_text_check(dst, a.text_len, why);
    for (uint32_t k = 0; !err && k < a.text_len; k++)
        if (dst[k] == INK_TX_PIC) {
            uint32_t num = 0;
            for (uint32_t d = k + 1; dst[d] != ' '; d++) /* ink_text_check saw the digits and the space */
                num = num * 10 + (uint32_t)(dst[d] - '0');
            if (num >= b->npics) {
                *why = "text: a picture block names a picture PICS does not have";
                err = INK_ERR_FORMAT;
            }
        }
    return err;
}

/* ---- pictures ------------------------------------------------------------ */

typedef struct pic_rd {
    z_stream z;
    uint32_t rows, left, row_bytes, crc, want_crc;
    uint8_t *prev; /* the row given last, to undo the Up filter; row_bytes */
} pic_rd_t;

static ink_err_t pic_size(void *ctx, uint32_t idx, int *w, int *h)
{
    return ink_bundle_pic(ctx, idx, w, h);
}

static ink_err_t pic_open(void *ctx, uint32_t idx, ink_pool_t *pool, void **out)
{
    const ink_bundle_t *b = ctx;
    *out = NULL;
    if (idx >= b->npics)
        return INK_ERR_NOT_FOUND;
    const uint8_t *e = b->data + b->pics.off + INK_PICS_HEAD + idx * INK_PICS_ENTRY_SIZE;
    uint32_t rb = ((uint32_t)ink_rd16(e) + 1) / 2;
    pic_rd_t *r = ink_pool_alloc_top(pool, sizeof *r + rb);
    if (!r)
        return INK_ERR_NOMEM;
    memset(r, 0, sizeof *r + rb);
    r->prev = (uint8_t *)(r + 1);
    r->z.zalloc = z_alloc;
    r->z.zfree = z_free;
    r->z.opaque = pool;
    if (inflateInit2(&r->z, -INK_PIC_WBITS) != Z_OK) {
        ink_pool_free(pool, r);
        return INK_ERR_NOMEM;
    }
    r->z.next_in = (Bytef *)(uintptr_t)(b->data + b->pics.off + ink_rd32(e + 4));
    r->z.avail_in = ink_rd32(e + 8);
    r->rows = r->left = ink_rd16(e + 2);
    r->row_bytes = ((uint32_t)ink_rd16(e) + 1) / 2;
    r->want_crc = ink_rd32(e + 12);
    *out = r;
    return INK_OK;
}

static ink_err_t pic_row(void *ctx, void *rd, uint8_t *row)
{
    (void)ctx;
    pic_rd_t *r = rd;
    if (!r || !r->left)
        return INK_ERR_ARG;
    r->z.next_out = row;
    r->z.avail_out = r->row_bytes;
    while (r->z.avail_out) {
        int zr = inflate(&r->z, Z_NO_FLUSH);
        if (zr == Z_MEM_ERROR)
            return INK_ERR_NOMEM;
        if (zr != Z_OK && !(zr == Z_STREAM_END && !r->z.avail_out))
            return INK_ERR_INFLATE;
    }
    r->crc = ink_crc32(r->crc, row, r->row_bytes);
    /* undo the Up filter: each nibble plus the one above it, modulo 16 */
    for (uint32_t i = 0; i < r->row_bytes; i++) {
        uint8_t c = row[i], a = r->prev[i];
        row[i] = (uint8_t)((((c >> 4) + (a >> 4)) & 15) << 4 | (((c & 15) + (a & 15)) & 15));
        r->prev[i] = row[i];
    }
    if (--r->left)
        return INK_OK;
    /* The last row: the stream ends right here, in its last byte. */
    uint8_t extra;
    r->z.next_out = &extra;
    r->z.avail_out = 1;
    int zr = inflate(&r->z, Z_FINISH);
    if (zr != Z_STREAM_END || r->z.avail_out != 1 || r->z.avail_in)
        return INK_ERR_INFLATE;
    return r->crc == r->want_crc ? INK_OK : INK_ERR_CRC;
}

static void pic_close(void *ctx, void *rd, ink_pool_t *pool)
{
    (void)ctx;
    pic_rd_t *r = rd;
    if (!r)
        return;
    inflateEnd(&r->z);
    ink_pool_free(pool, r);
}

void ink_bundle_pic_src(const ink_bundle_t *b, ink_pic_src_t *out)
{
    out->size = pic_size;
    out->open = pic_open;
    out->row = pic_row;
    out->close = pic_close;
    out->ctx = (void *)(uintptr_t)b;
}

ink_err_t ink_bundle_pic_check(const ink_bundle_t *b, uint32_t idx, ink_pool_t *pool, uint32_t *bytes)
{
    int w, h;
    ink_err_t err = ink_bundle_pic(b, idx, &w, &h);
    if (err)
        return err;
    const uint8_t *e = b->data + b->pics.off + INK_PICS_HEAD + idx * INK_PICS_ENTRY_SIZE;
    if (bytes)
        *bytes = ink_rd32(e + 8);
    uint8_t *row = ink_pool_alloc_top(pool, ((size_t)w + 1) / 2);
    if (!row)
        return INK_ERR_NOMEM;
    void *rd = NULL;
    err = pic_open((void *)(uintptr_t)b, idx, pool, &rd);
    for (int y = 0; y < h && !err; y++)
        err = pic_row(NULL, rd, row);
    pic_close(NULL, rd, pool);
    ink_pool_free(pool, row);
    return err;
}

ink_err_t ink_bundle_inflate(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, uint8_t *dst, uint32_t dst_len)
{
    const char *why;
    return ink_bundle_inflate_why(b, i, pool, dst, dst_len, &why);
}

void ink_bundle_titles_free(ink_titles_t *cache)
{
    if (cache->buf)
        ink_pool_free(cache->pool, cache->buf);
    cache->buf = NULL;
    cache->chunk = -1;
    cache->len = 0;
}

/* A title chunk holds exactly its titles, each UTF-8 (shaped runs and bidi
 * levels allowed) ending in a NUL. */
static ink_err_t chunk_check(const ink_bundle_t *b, uint32_t c, const char *buf, uint32_t raw, const char **why)
{
    uint32_t want = b->narticles - c * b->per_chunk;
    if (want > b->per_chunk)
        want = b->per_chunk;
    uint32_t n = 0, start = 0;
    for (uint32_t k = 0; k < raw; k++)
        if (!buf[k]) {
            if (ink_text_coded((const uint8_t *)buf + start, k - start) != INK_TEXT_CODED_OK) {
                *why = "TITL: a title is not UTF-8 (or a shaped run or bidi level in it is damaged)";
                return INK_ERR_FORMAT;
            }
            n++;
            start = k + 1;
        }
    if (n != want || start != raw) {
        *why = "TITL: a chunk does not hold its titles, each ending in a NUL";
        return INK_ERR_FORMAT;
    }
    return INK_OK;
}

ink_err_t ink_bundle_title_why(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, ink_titles_t *cache,
                               const char **title, const char **why)
{
    *title = "";
    *why = "";
    if (i >= b->narticles) {
        *why = "no such article";
        return INK_ERR_NOT_FOUND;
    }
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
        if (!buf) {
            *why = "out of memory for the titles";
            return INK_ERR_NOMEM;
        }
        ink_err_t err = inflate_part(b, b->data + b->text.off + ink_rd32(e), ink_rd32(e + 4), pool, 0, (uint8_t *)buf,
                                     raw + 1u, raw, 1, why);
        if (!err && ink_crc32(0, (const uint8_t *)buf, raw) != ink_rd32(e + 12)) {
            *why = "TITL: raw_crc mismatch";
            err = INK_ERR_CRC;
        }
        if (!err)
            err = chunk_check(b, c, buf, raw, why);
        if (err) {
            ink_pool_free(pool, buf);
            return err;
        }
        buf[raw] = '\0';
        cache->buf = buf;
        cache->len = raw;
        cache->chunk = (int32_t)c;
    }
    /* The (i mod per_chunk)-th NUL-terminated string of the chunk (the
     * chunk was checked to hold them all). */
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

ink_err_t ink_bundle_title(const ink_bundle_t *b, uint32_t i, ink_pool_t *pool, ink_titles_t *cache, const char **title)
{
    const char *why;
    return ink_bundle_title_why(b, i, pool, cache, title, &why);
}

/* The first max faces of FONT into out (the rest zeroed); how many FONT
 * holds in *nfaces. */
static ink_err_t read_faces(const ink_bundle_t *b, ink_font_data_t *out, uint32_t max, uint32_t *nfaces)
{
    memset(out, 0, sizeof(ink_font_data_t) * max);
    *nfaces = 0;
    if (!b->font.len)
        return INK_ERR_NOT_FOUND;
    const uint8_t *f = b->data + b->font.off;
    *nfaces = ink_rd32(f);
    for (uint32_t i = 0; i < *nfaces && i < max; i++) {
        uint32_t len = ink_rd32(f + 8 + i * INK_FONT_ENTRY_SIZE);
        out[i].data = len ? f + ink_rd32(f + 4 + i * INK_FONT_ENTRY_SIZE) : NULL;
        out[i].len = len;
    }
    return INK_OK;
}

ink_err_t ink_bundle_fonts(const ink_bundle_t *b, ink_font_data_t out[INK_FACE_COUNT])
{
    uint32_t nfaces;
    return read_faces(b, out, INK_FACE_COUNT, &nfaces);
}

ink_err_t ink_bundle_faces(const ink_bundle_t *b, ink_font_data_t out[INK_FONT_MAX_FACES], int *n)
{
    uint32_t nfaces;
    *n = INK_FACE_COUNT;
    ink_err_t err = read_faces(b, out, INK_FONT_MAX_FACES, &nfaces);
    if (err)
        return err;
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

int ink_bundle_article_face(const ink_bundle_t *b, uint32_t i)
{
    if (!b->afnt.len || i >= b->narticles || i >= b->afnt.len)
        return 0;
    return b->data[b->afnt.off + i];
}

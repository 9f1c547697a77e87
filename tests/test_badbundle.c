/* SPDX-License-Identifier: MIT */
/* test_badbundle.c: the reader's table of damaged bundles, one test a row,
 * after tinf's tables of broken streams. Each row starts from one sound
 * bundle (every section there: DICT, HYPH, FONT, KERN with pairs), changes
 * one thing, mends every CRC except the one it breaks, and names what
 * docs/FORMAT.md's checks make of it: the error and the check's exact words
 * (ink_bundle_t.why, ink_bundle_inflate_why, ink_bundle_title_why), or
 * INK_OK for what the spec allows. The reader is run as the device runs
 * it: open, every article, every title, then the fonts (fallback faces too).
 *
 * To add a row: write a static void edit_NAME(tb_t *t) that changes the
 * bundle through the tb_ helpers, and add ROW(NAME, error, "why", refusers)
 * to the table.
 *
 * usage: test_badbundle [DIR]   with DIR, also writes each row's bundle as
 * DIR/NAME.ink and DIR/rows.txt (NAME and the exit status inspect, extract
 * and tests/spec_parse.py must give it), for tests/badbundle.sh. */
#include "testutil.h"

#include <unistd.h>
#include <zlib.h>

#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_profile.h"
#include "ink_text.h"
#include "picture.h"

/* ---- a bundle taken apart ------------------------------------------------ */

#define TB_MAX 20
typedef struct tb {
    int n;
    uint32_t tag[TB_MAX];
    uint8_t *body[TB_MAX];
    size_t len[TB_MAX];
    uint8_t *file; /* after tb_build */
    size_t size;
    int built; /* the row edits the built file: tb_build is not run again */
    uint8_t dict[INK_DICT_MAX];
    size_t dict_len;
    uint16_t major; /* the sound bundle's: tb_build writes it back */
} tb_t;

static uint8_t *good;
static size_t good_len;

static int tb_find(tb_t *t, const char *tag)
{
    uint32_t v = INK_TAG(tag[0], tag[1], tag[2], tag[3]);
    for (int i = 0; i < t->n; i++)
        if (t->tag[i] == v)
            return i;
    fail_msg("no section %s", tag);
    return -1;
}

static uint8_t *tb_sec(tb_t *t, const char *tag, size_t *len)
{
    int k = tb_find(t, tag);
    if (len)
        *len = t->len[k];
    return t->body[k];
}

static void tb_resize(tb_t *t, const char *tag, size_t len)
{
    int k = tb_find(t, tag);
    t->body[k] = realloc(t->body[k], len ? len : 1);
    if (len > t->len[k])
        memset(t->body[k] + t->len[k], 0, len - t->len[k]);
    t->len[k] = len;
}

static void tb_put(tb_t *t, const char *tag, const void *p, size_t n)
{
    tb_resize(t, tag, n);
    memcpy(tb_sec(t, tag, NULL), p, n);
}

static void tb_split(tb_t *t, const uint8_t *d, size_t size)
{
    memset(t, 0, sizeof *t);
    t->n = ink_rd16(d + INK_HDR_OFF_NSECT);
    t->major = ink_rd16(d + INK_HDR_OFF_MAJOR);
    for (int i = 0; i < t->n; i++) {
        const uint8_t *e = d + INK_HDR_SIZE + (size_t)i * INK_SECT_ENTRY_SIZE;
        t->tag[i] = ink_rd32(e);
        t->len[i] = ink_rd32(e + 8);
        t->body[i] = malloc(t->len[i] ? t->len[i] : 1);
        memcpy(t->body[i], d + ink_rd32(e + 4), t->len[i]);
    }
    (void)size;
    size_t dl;
    uint8_t *ds = tb_sec(t, "DICT", &dl);
    if (dl) {
        z_stream z;
        memset(&z, 0, sizeof z);
        assert_int_equal(inflateInit2(&z, -15), Z_OK);
        z.next_in = ds + 4;
        z.avail_in = (uInt)(dl - 4);
        z.next_out = t->dict;
        z.avail_out = sizeof t->dict;
        inflate(&z, Z_SYNC_FLUSH);
        t->dict_len = z.total_out;
        inflateEnd(&z);
        assert_int_equal(t->dict_len, ink_rd32(ds));
    }
}

static void tb_fix_header(tb_t *t)
{
    size_t table = INK_HDR_SIZE + (size_t)ink_rd16(t->file + INK_HDR_OFF_NSECT) * INK_SECT_ENTRY_SIZE;
    if (table > t->size)
        return;
    ink_wr32(t->file + INK_HDR_OFF_CRC, 0);
    ink_wr32(t->file + INK_HDR_OFF_CRC, (uint32_t)crc32(0, t->file, (uInt)table));
}

/* Header, table, sections on 4-byte boundaries, every CRC right. */
static void tb_build(tb_t *t)
{
    size_t off = INK_HDR_SIZE + (size_t)t->n * INK_SECT_ENTRY_SIZE, total = off;
    for (int i = 0; i < t->n; i++)
        total = (total + 3) / 4 * 4 + t->len[i];
    free(t->file);
    t->file = calloc(1, total + 4);
    t->size = total;
    memcpy(t->file, INK_MAGIC, INK_MAGIC_LEN);
    ink_wr16(t->file + INK_HDR_OFF_MAJOR, t->major ? t->major : INK_VERSION_MAJOR);
    ink_wr16(t->file + INK_HDR_OFF_MINOR, INK_VERSION_MINOR);
    ink_wr32(t->file + INK_HDR_OFF_SIZE, (uint32_t)total);
    ink_wr16(t->file + INK_HDR_OFF_NSECT, (uint16_t)t->n);
    for (int i = 0; i < t->n; i++) {
        off = (off + 3) / 4 * 4;
        uint8_t *e = t->file + INK_HDR_SIZE + (size_t)i * INK_SECT_ENTRY_SIZE;
        ink_wr32(e, t->tag[i]);
        ink_wr32(e + 4, (uint32_t)off);
        ink_wr32(e + 8, (uint32_t)t->len[i]);
        ink_wr32(e + 12, (uint32_t)crc32(0, t->body[i], (uInt)t->len[i]));
        memcpy(t->file + off, t->body[i], t->len[i]);
        off += t->len[i];
    }
    tb_fix_header(t);
}

static void tb_free(tb_t *t)
{
    for (int i = 0; i < t->n; i++)
        free(t->body[i]);
    free(t->file);
}

/* The section-table entry of tag in the built file. */
static uint8_t *tb_entry(tb_t *t, const char *tag)
{
    return t->file + INK_HDR_SIZE + (size_t)tb_find(t, tag) * INK_SECT_ENTRY_SIZE;
}

static uint32_t rd(tb_t *t, const char *tag, size_t at)
{
    return ink_rd32(tb_sec(t, tag, NULL) + at);
}

static void wr(tb_t *t, const char *tag, size_t at, uint32_t v)
{
    ink_wr32(tb_sec(t, tag, NULL) + at, v);
}

/* ---- streams ------------------------------------------------------------- */

/* Raw deflate of raw[0..n) against the bundle's dictionary; flush is how
 * it ends (Z_FINISH for a stream). *out malloc'd. */
static size_t deflate_with(const tb_t *t, const uint8_t *raw, size_t n, int flush, int use_dict, uint8_t **out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY), Z_OK);
    if (use_dict && t->dict_len)
        assert_int_equal(deflateSetDictionary(&z, t->dict, (uInt)t->dict_len), Z_OK);
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    *out = malloc(cap);
    z.next_in = (Bytef *)(uintptr_t)raw;
    z.avail_in = (uInt)n;
    z.next_out = *out;
    z.avail_out = (uInt)cap;
    int zr = deflate(&z, flush);
    assert_true(zr == Z_STREAM_END || zr == Z_OK);
    size_t len = z.total_out;
    deflateEnd(&z);
    return len;
}

static size_t inflate_with(const tb_t *t, const uint8_t *src, size_t n, uint8_t **out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(inflateInit2(&z, -15), Z_OK);
    if (t->dict_len)
        assert_int_equal(inflateSetDictionary(&z, t->dict, (uInt)t->dict_len), Z_OK);
    size_t cap = 1 << 20;
    *out = malloc(cap);
    z.next_in = (Bytef *)(uintptr_t)src;
    z.avail_in = (uInt)n;
    z.next_out = *out;
    z.avail_out = (uInt)cap;
    assert_int_equal(inflate(&z, Z_FINISH), Z_STREAM_END);
    size_t len = z.total_out;
    inflateEnd(&z);
    return len;
}

/* Appends stream[0..n) to TEXT and returns where it starts. */
static uint32_t text_append(tb_t *t, const uint8_t *stream, size_t n)
{
    size_t tl;
    tb_sec(t, "TEXT", &tl);
    tb_resize(t, "TEXT", tl + n);
    memcpy(tb_sec(t, "TEXT", NULL) + tl, stream, n);
    return (uint32_t)tl;
}

/* Group g's stream becomes raw[0..n) deflated, then junk[0..nj). */
static void set_group_raw(tb_t *t, uint32_t g, const uint8_t *raw, size_t n, const uint8_t *junk, size_t nj)
{
    uint8_t *s;
    size_t sl = deflate_with(t, raw, n, Z_FINISH, 1, &s);
    s = realloc(s, sl + nj + 1);
    if (nj)
        memcpy(s + sl, junk, nj);
    uint32_t at = text_append(t, s, sl + nj);
    wr(t, "GRPS", 12 * g + 4, at);
    wr(t, "GRPS", 12 * g + 8, (uint32_t)(sl + nj));
    free(s);
}

static uint32_t ngroups(tb_t *t)
{
    return rd(t, "META", 16);
}

static uint32_t narticles(tb_t *t)
{
    return rd(t, "META", 8);
}

static uint32_t group_end(tb_t *t, uint32_t g)
{
    return g + 1 < ngroups(t) ? rd(t, "GRPS", 12 * (g + 1)) : narticles(t);
}

/* The group's raw text, inflated. */
static size_t group_raw(tb_t *t, uint32_t g, uint8_t **raw)
{
    uint8_t *text = tb_sec(t, "TEXT", NULL);
    return inflate_with(t, text + rd(t, "GRPS", 12 * g + 4), rd(t, "GRPS", 12 * g + 8), raw);
}

/* The first group of more than one article. */
static uint32_t multi_group(tb_t *t)
{
    for (uint32_t g = 0; g < ngroups(t); g++)
        if (group_end(t, g) - rd(t, "GRPS", 12 * g) > 1)
            return g;
    fail_msg("no group of several articles");
    return 0;
}

/* Article i's text becomes text[0..n), its length and CRC set to match. */
static void set_article(tb_t *t, uint32_t i, const void *text, size_t n)
{
    uint32_t g = 0;
    while (g + 1 < ngroups(t) && rd(t, "GRPS", 12 * (g + 1)) <= i)
        g++;
    uint8_t *raw;
    size_t rl = group_raw(t, g, &raw), at = 0;
    for (uint32_t k = rd(t, "GRPS", 12 * g); k < i; k++)
        at += rd(t, "ARTS", 8 * k);
    size_t old = rd(t, "ARTS", 8 * i);
    uint8_t *nr = malloc(rl - old + n + 1);
    memcpy(nr, raw, at);
    memcpy(nr + at, text, n);
    memcpy(nr + at + n, raw + at + old, rl - at - old);
    wr(t, "ARTS", 8 * i, (uint32_t)n);
    wr(t, "ARTS", 8 * i + 4, (uint32_t)crc32(0, text, (uInt)n));
    set_group_raw(t, g, nr, rl - old + n, NULL, 0);
    free(raw);
    free(nr);
}

/* Title chunk c becomes raw[0..n) deflated, then junk; raw_length and
 * raw_crc set to match. */
static void set_chunk(tb_t *t, uint32_t c, const void *raw, size_t n, const uint8_t *junk, size_t nj)
{
    uint8_t *s;
    size_t sl = deflate_with(t, raw, n, Z_FINISH, 1, &s);
    s = realloc(s, sl + nj + 1);
    if (nj)
        memcpy(s + sl, junk, nj);
    uint32_t at = text_append(t, s, sl + nj);
    wr(t, "TITL", 16 * c, at);
    wr(t, "TITL", 16 * c + 4, (uint32_t)(sl + nj));
    wr(t, "TITL", 16 * c + 8, (uint32_t)n);
    wr(t, "TITL", 16 * c + 12, (uint32_t)crc32(0, raw, (uInt)n));
    free(s);
}

static size_t chunk_raw(tb_t *t, uint32_t c, uint8_t **raw)
{
    uint8_t *text = tb_sec(t, "TEXT", NULL);
    return inflate_with(t, text + rd(t, "TITL", 16 * c), rd(t, "TITL", 16 * c + 4), raw);
}

/* DICT's stream deflated anew from the dictionary, ending with flush. */
static void set_dict(tb_t *t, int flush, uint32_t dict_len)
{
    uint8_t *s;
    size_t sl = deflate_with(t, t->dict, t->dict_len, flush, 0, &s);
    tb_resize(t, "DICT", 4 + sl);
    wr(t, "DICT", 0, dict_len);
    memcpy(tb_sec(t, "DICT", NULL) + 4, s, sl);
    free(s);
}

/* A string in STRS: the edition's name. */
static char *name_str(tb_t *t)
{
    return (char *)tb_sec(t, "STRS", NULL) + rd(t, "META", 0);
}

/* ---- the rows ------------------------------------------------------------ */

/* What refuses a row's bundle, for tests/badbundle.sh: bit 1 inspect, 2
 * extract, 4 tests/spec_parse.py (the spec alone: not this reader's own
 * limits, not FreeType). */
enum { R_NONE = 0, R_INSPECT = 1, R_EXTRACT = 2, R_SPEC = 4, R_ALL = 7, R_READER = 3 };

typedef struct row {
    const char *name;
    void (*edit)(tb_t *t);
    ink_err_t err;
    const char *why;
    int refused_by;
} row_t;

#define E(name) static void edit_##name(tb_t *t)

/* header */
E(sound)
{
    (void)t;
}
E(magic)
{
    t->built = 1, tb_build(t), t->file[0] = 'J';
}
E(short_header)
{
    t->built = 1, tb_build(t), t->size = 20;
}
E(major_3)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_MAJOR, 3), tb_fix_header(t);
}
E(major_4)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_MAJOR, 4), tb_fix_header(t);
}
E(major_5)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_MAJOR, 5), tb_fix_header(t);
}
E(major_6)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_MAJOR, 6), tb_fix_header(t);
}
E(minor_9)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_MINOR, 9), tb_fix_header(t);
}
E(file_size_past_end)
{
    t->built = 1, tb_build(t), ink_wr32(t->file + INK_HDR_OFF_SIZE, (uint32_t)t->size + 1), tb_fix_header(t);
}
E(nentries_0)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_NSECT, 0);
}
E(nentries_33)
{
    t->built = 1, tb_build(t), ink_wr16(t->file + INK_HDR_OFF_NSECT, 33);
}
E(table_past_file_size)
{
    t->built = 1, tb_build(t);
    ink_wr32(t->file + INK_HDR_OFF_SIZE, INK_HDR_SIZE + (uint32_t)t->n * INK_SECT_ENTRY_SIZE - 1);
}
E(header_crc)
{
    t->built = 1, tb_build(t), t->file[INK_HDR_SIZE + 5] ^= 1;
}
E(bytes_after_file_size)
{
    /* flash after the bundle: file_size says where it ends */
    t->built = 1, tb_build(t);
    t->file = realloc(t->file, t->size + 100);
    memset(t->file + t->size, 0xFF, 100);
    t->size += 100;
}

/* section table */
E(section_past_end)
{
    t->built = 1, tb_build(t), ink_wr32(tb_entry(t, "STRS") + 4, (uint32_t)t->size + 4096), tb_fix_header(t);
}
E(section_in_table)
{
    t->built = 1, tb_build(t), ink_wr32(tb_entry(t, "META") + 4, INK_HDR_SIZE), tb_fix_header(t);
}
E(section_length_wraps)
{
    t->built = 1, tb_build(t), ink_wr32(tb_entry(t, "TEXT") + 8, 0xFFFFFFF0u), tb_fix_header(t);
}
E(sections_overlap)
{
    t->built = 1, tb_build(t);
    ink_wr32(tb_entry(t, "TITL") + 4, ink_rd32(tb_entry(t, "GRPS") + 4));
    ink_wr32(tb_entry(t, "TITL") + 12,
             (uint32_t)crc32(0, t->file + ink_rd32(tb_entry(t, "GRPS") + 4), ink_rd32(tb_entry(t, "TITL") + 8)));
    tb_fix_header(t);
}
E(tag_twice)
{
    t->tag[tb_find(t, "TITL")] = INK_TAG_META;
}
E(unknown_tag_twice)
{
    assert_true(t->n + 2 <= TB_MAX);
    for (int k = 0; k < 2; k++) {
        t->tag[t->n] = INK_TAG('Z', 'Z', 'Z', 'Z');
        t->body[t->n] = calloc(1, 8);
        t->len[t->n++] = 8;
    }
}
E(unknown_section_ignored)
{
    t->tag[t->n] = INK_TAG('Z', 'Z', 'Z', '9');
    t->body[t->n] = calloc(1, 12);
    t->len[t->n++] = 12;
}
E(empty_section_at_the_end)
{
    t->tag[t->n] = INK_TAG('Z', 'Z', 'Z', '0');
    t->body[t->n] = calloc(1, 1);
    t->len[t->n++] = 0;
    t->built = 1, tb_build(t);
    ink_wr32(tb_entry(t, "ZZZ0") + 4, (uint32_t)t->size);
    tb_fix_header(t);
}
E(section_crc)
{
    t->built = 1, tb_build(t), t->file[ink_rd32(tb_entry(t, "SECS") + 4) + 4] ^= 1;
}
E(font_crc)
{
    t->built = 1, tb_build(t), t->file[ink_rd32(tb_entry(t, "FONT") + 4) + 200] ^= 1;
}
E(text_crc_is_lazy)
{
    t->built = 1, tb_build(t), ink_wr32(tb_entry(t, "TEXT") + 12, 0), tb_fix_header(t);
}
E(arts_missing)
{
    t->tag[tb_find(t, "ARTS")] = INK_TAG('A', 'R', 'T', 'Z');
}

/* META and the tables */
E(meta_27_bytes)
{
    tb_resize(t, "META", 27);
}
E(meta_longer_is_fine)
{
    tb_resize(t, "META", 40);
}
E(strs_empty)
{
    tb_resize(t, "STRS", 0);
}
E(dict_4_bytes)
{
    tb_resize(t, "DICT", 4);
}
E(dict_length_0)
{
    wr(t, "DICT", 0, 0);
}
E(dict_length_32769)
{
    wr(t, "DICT", 0, 32769);
}
E(narticles_0)
{
    wr(t, "META", 8, 0);
}
E(narticles_2_24)
{
    wr(t, "META", 8, 1u << 24);
}
E(ngroups_0)
{
    wr(t, "META", 16, 0);
}
E(titles_per_chunk_0)
{
    ink_wr16(tb_sec(t, "META", NULL) + 24, 0);
}
E(nchunks_off_by_one)
{
    wr(t, "META", 20, rd(t, "META", 20) + 1);
}
E(ngroups_wraps)
{
    wr(t, "META", 16, 0x20000000u);
}
E(secs_bytes_after_table)
{
    size_t n;
    tb_sec(t, "SECS", &n), tb_resize(t, "SECS", n + 4);
}
E(arts_shorter_than_table)
{
    uint32_t n = narticles(t) + 1, per = ink_rd16(tb_sec(t, "META", NULL) + 24);
    wr(t, "META", 8, n);
    wr(t, "META", 20, (n + per - 1) / per);
}

/* strings */
E(strs_without_final_nul)
{
    size_t n;
    tb_sec(t, "STRS", &n), tb_resize(t, "STRS", n + 1), tb_sec(t, "STRS", NULL)[n] = 'x';
}
E(name_ref_outside)
{
    size_t n;
    tb_sec(t, "STRS", &n), wr(t, "META", 0, (uint32_t)n);
}
E(name_latin1)
{
    name_str(t)[1] = (char)0xE9;
}
E(name_overlong)
{
    name_str(t)[1] = (char)0xC0, name_str(t)[2] = (char)0xAF;
}
E(name_surrogate)
{
    memcpy(name_str(t) + 1, "\xED\xA0\x80", 3);
}
E(name_none)
{
    wr(t, "META", 0, INK_STR_NONE);
}
E(date_month_13)
{
    char *d = (char *)tb_sec(t, "STRS", NULL) + rd(t, "META", 4);
    d[5] = '1', d[6] = '3';
}
E(date_none)
{
    wr(t, "META", 4, INK_STR_NONE);
}
E(section_name_outside)
{
    size_t n;
    tb_sec(t, "STRS", &n), wr(t, "SECS", 0, (uint32_t)n + 7);
}

/* sections, articles, groups, title chunks */
E(section_gap)
{
    wr(t, "SECS", 12 + 4, rd(t, "SECS", 12 + 4) + 1);
}
E(section_of_no_articles)
{
    size_t n;
    tb_sec(t, "SECS", &n);
    tb_resize(t, "SECS", n + 12);
    wr(t, "SECS", n, rd(t, "SECS", 0));
    wr(t, "SECS", n + 4, narticles(t));
    wr(t, "SECS", n + 8, 0);
    wr(t, "META", 12, rd(t, "META", 12) + 1);
}
E(article_empty)
{
    wr(t, "ARTS", 8 * 1, 0);
}
E(first_group_not_at_0)
{
    wr(t, "GRPS", 0, 1);
}
E(group_past_the_end)
{
    wr(t, "GRPS", 12 * (ngroups(t) - 1), narticles(t));
}
E(next_group_past_the_end)
{
    /* a middle group's successor starts past the articles: its own
     * articles then run past ARTS (the bundle fuzzer found the reader
     * summing their lengths there, past the section) */
    wr(t, "GRPS", 12 * 2, narticles(t) + 1000);
}
E(groups_not_increasing)
{
    wr(t, "GRPS", 12 * 2, rd(t, "GRPS", 12 * 1));
}
E(group_stream_outside_text)
{
    wr(t, "GRPS", 4, 0xFFFFFF00u);
}
E(group_text_wraps)
{
    wr(t, "ARTS", 0, 0xFFFFFFF8u);
}
E(group_text_262145)
{
    uint32_t g = multi_group(t), first = rd(t, "GRPS", 12 * g);
    wr(t, "ARTS", 8 * first, 262145 - rd(t, "ARTS", 8 * (first + 1)));
}
E(title_stream_outside_text)
{
    wr(t, "TITL", 4, 0x7FFFFFFFu);
}
E(title_raw_length_49153)
{
    wr(t, "TITL", 8, 49153);
}

/* FONT */
E(font_nfaces_0)
{
    wr(t, "FONT", 0, 0);
}
E(font_nfaces_17)
{
    wr(t, "FONT", 0, 17);
}
E(font_3_bytes)
{
    tb_resize(t, "FONT", 3);
}
E(font_table_past_section)
{
    tb_resize(t, "FONT", 12);
}
E(font_empty_face_with_offset)
{
    wr(t, "FONT", 4 + 8 * 2, 8), wr(t, "FONT", 8 + 8 * 2, 0);
}
E(font_empty_face_at_0)
{
    wr(t, "FONT", 4 + 8 * 2, 0), wr(t, "FONT", 8 + 8 * 2, 0);
}
E(font_regular_empty)
{
    wr(t, "FONT", 4, 0), wr(t, "FONT", 8, 0);
}
E(font_face_past_section)
{
    size_t n;
    tb_sec(t, "FONT", &n), wr(t, "FONT", 8 + 8, (uint32_t)n);
}
E(font_face_in_table)
{
    wr(t, "FONT", 4 + 8, 4);
}
E(font_face_unaligned)
{
    wr(t, "FONT", 4 + 8, rd(t, "FONT", 4 + 8) + 2), wr(t, "FONT", 8 + 8, rd(t, "FONT", 8 + 8) - 2);
}
/* A table entry more: the faces move 8 bytes on and face 3, a fallback
 * face, is face 0 again (garbage: its first 64 bytes spoilt). */
static void font_fourth_face(tb_t *t, int garbage)
{
    size_t n;
    uint8_t *f = tb_sec(t, "FONT", &n);
    uint8_t *nf = calloc(1, n + 8);
    uint32_t nfaces = ink_rd32(f);
    assert_int_equal(nfaces, 3);
    memcpy(nf + 4 + 8 * 4, f + 4 + 8 * 3, n - 4 - 8 * 3);
    ink_wr32(nf, 4);
    for (uint32_t i = 0; i < 4; i++) {
        uint32_t j = i < 3 ? i : 0, off = ink_rd32(f + 4 + 8 * j), len = ink_rd32(f + 8 + 8 * j);
        ink_wr32(nf + 4 + 8 * i, len ? off + 8 : 0);
        ink_wr32(nf + 8 + 8 * i, len);
    }
    if (garbage) {
        /* face 3 its own copy at the end, spoilt */
        uint32_t len = ink_rd32(f + 8), at = (uint32_t)(n + 8 + 3) / 4 * 4;
        nf = realloc(nf, at + len);
        memset(nf + n + 8, 0, at - (n + 8));
        memcpy(nf + at, nf + ink_rd32(nf + 4), len);
        for (int i = 0; i < 64; i++)
            nf[at + i] = (uint8_t)(0xA5 + i);
        ink_wr32(nf + 4 + 8 * 3, at);
        n = at + len - 8;
    }
    tb_put(t, "FONT", nf, n + 8);
    free(nf);
}
E(font_fourth_face_fallback)
{
    font_fourth_face(t, 0);
}
/* AFNT: each article's CJK face; the sound bundle has none (one script) */
static void afnt_with(tb_t *t, int fourth, size_t n, uint8_t face, uint8_t last)
{
    if (fourth)
        font_fourth_face(t, 0);
    assert_true(t->n < TB_MAX);
    t->tag[t->n] = INK_TAG('A', 'F', 'N', 'T');
    t->body[t->n] = malloc(n ? n : 1);
    t->len[t->n++] = n;
    uint8_t *a = tb_sec(t, "AFNT", NULL);
    memset(a, face, n);
    if (n)
        a[n - 1] = last;
}
E(afnt_sound)
{
    afnt_with(t, 1, narticles(t), 3, 0);
}
E(afnt_face_2)
{
    afnt_with(t, 1, narticles(t), 3, 2);
}
E(afnt_face_past_nfaces)
{
    afnt_with(t, 1, narticles(t), 0, 4);
}
E(afnt_without_fallbacks)
{
    afnt_with(t, 0, narticles(t), 0, 3);
}
E(afnt_short)
{
    afnt_with(t, 1, narticles(t) - 1, 3, 3);
}
E(afnt_one_byte_more)
{
    afnt_with(t, 1, narticles(t) + 1, 3, 0);
}
/* ORDR: each article's place in storage (the sound bundle has one: its
 * texts are stored apart from reading order). n entries of one byte (the
 * sound bundle has fewer than 256 articles): the identity but for places
 * a and b swapped, the last set to last when last is not -1. */
static void ordr_with(tb_t *t, uint16_t major, size_t n, uint32_t a, uint32_t b, int last)
{
    assert_true(narticles(t) < 256 && t->major == INK_VERSION_MAJOR_ORDR);
    t->major = major;
    tb_resize(t, "ORDR", n);
    uint8_t *o = tb_sec(t, "ORDR", NULL);
    for (size_t i = 0; i < n; i++)
        o[i] = (uint8_t)i;
    o[a] = (uint8_t)b;
    o[b] = (uint8_t)a;
    if (last >= 0)
        o[n - 1] = (uint8_t)last;
}
E(ordr_swap)
{
    ordr_with(t, 5, narticles(t), 0, narticles(t) - 1, -1);
}
E(ordr_short)
{
    ordr_with(t, 5, narticles(t) - 1, 0, 1, -1);
}
E(ordr_one_byte_more)
{
    ordr_with(t, 5, narticles(t) + 1, 0, 1, -1);
}
E(ordr_place_past_end)
{
    ordr_with(t, 5, narticles(t), 0, 1, (int)narticles(t));
}
E(ordr_place_twice)
{
    ordr_with(t, 5, narticles(t), 0, 1, 2);
}
E(font_fallback_freetype_refuses)
{
    font_fourth_face(t, 1);
}
E(font_freetype_refuses)
{
    uint8_t *f = tb_sec(t, "FONT", NULL);
    uint8_t *face = f + rd(t, "FONT", 4);
    for (int i = 0; i < 64; i++)
        face[i] = (uint8_t)(0xA5 + i);
}

/* KERN: a table of three code points with pairs in two faces */
static void kern_with(tb_t *t, uint32_t ncps, const uint32_t *cps, const uint32_t np[3], const uint32_t *pairs,
                      size_t extra)
{
    size_t npairs = np[0] + np[1] + np[2], n = 16 + 4 * (ncps + npairs) + extra;
    uint8_t *k = calloc(1, n);
    ink_wr32(k, ncps);
    for (int f = 0; f < 3; f++)
        ink_wr32(k + 4 + 4 * f, np[f]);
    for (uint32_t i = 0; i < ncps; i++)
        ink_wr32(k + 16 + 4 * i, cps[i]);
    for (size_t i = 0; i < npairs; i++)
        ink_wr32(k + 16 + 4 * ncps + 4 * i, pairs[i]);
    tb_put(t, "KERN", k, n);
    free(k);
}

#define PAIR(l, r, adj) ((uint32_t)(l) << 20 | (uint32_t)(r) << 8 | (uint8_t)(adj))
static const uint32_t kern_cps[] = {'A', 'V', 'W'};
static const uint32_t kern_np[3] = {2, 0, 1};
E(kern_pairs)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 2, -8), PAIR(1, 0, -5)}, 0);
}
E(kern_8_bytes)
{
    tb_resize(t, "KERN", 8);
}
E(kern_ncps_4097)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 2, -8), PAIR(1, 0, -5)}, 0),
        wr(t, "KERN", 0, 4097);
}
E(kern_short)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 2, -8), PAIR(1, 0, -5)}, 0),
        wr(t, "KERN", 4, 3);
}
E(kern_trailing_bytes)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 2, -8), PAIR(1, 0, -5)}, 4);
}
E(kern_cps_not_ascending)
{
    kern_with(t, 3, (const uint32_t[]){'A', 'W', 'V'}, kern_np,
              (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 2, -8), PAIR(1, 0, -5)}, 0);
}
E(kern_cp_past_unicode)
{
    kern_with(t, 3, (const uint32_t[]){'A', 'V', 0x110000}, kern_np,
              (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 2, -8), PAIR(1, 0, -5)}, 0);
}
E(kern_index_past_ncps)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 3, -8), PAIR(1, 0, -5)}, 0);
}
E(kern_pairs_out_of_order)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 2, -8), PAIR(0, 1, -10), PAIR(1, 0, -5)}, 0);
}
E(kern_pair_twice)
{
    kern_with(t, 3, kern_cps, kern_np, (const uint32_t[]){PAIR(0, 1, -10), PAIR(0, 1, -8), PAIR(1, 0, -5)}, 0);
}

/* HYPH */
E(hyph_language_bytes_after_nul)
{
    uint8_t *h = tb_sec(t, "HYPH", NULL);
    memcpy(h + 8, "en\0x\0\0\0\0", 8);
}
E(hyph_language_empty)
{
    memset(tb_sec(t, "HYPH", NULL) + 8, 0, 8);
}
E(hyph_language_space)
{
    memcpy(tb_sec(t, "HYPH", NULL) + 8, "en us\0\0\0", 8);
}
E(hyph_left_0)
{
    tb_sec(t, "HYPH", NULL)[0] = 0;
}
E(hyph_one_byte_more)
{
    size_t n;
    tb_sec(t, "HYPH", &n), tb_resize(t, "HYPH", n + 1);
}

/* DICT */
E(dict_ends_with_a_final_block)
{
    set_dict(t, Z_FINISH, (uint32_t)t->dict_len);
}
E(dict_not_on_a_byte_boundary)
{
    set_dict(t, Z_PARTIAL_FLUSH, (uint32_t)t->dict_len);
}
E(dict_full_flush_is_fine)
{
    set_dict(t, Z_FULL_FLUSH, (uint32_t)t->dict_len);
}
E(dict_length_one_short)
{
    wr(t, "DICT", 0, (uint32_t)t->dict_len - 1);
}

/* streams */
E(text_crc)
{
    wr(t, "ARTS", 4, rd(t, "ARTS", 4) ^ 1);
}
E(article_over_reader_limit)
{
    /* sound by the spec (a group holds up to 262,144 bytes), too long for
     * the device (INK_ARTICLE_MAX_BYTES) */
    static uint8_t text[INK_ARTICLE_MAX_BYTES + 1];
    text[0] = INK_TX_PARA;
    memset(text + 1, 'a', sizeof text - 1);
    set_article(t, 1, text, sizeof text);
}
E(bytes_after_stream_end)
{
    uint32_t g = multi_group(t);
    uint8_t *raw;
    size_t n = group_raw(t, g, &raw);
    set_group_raw(t, g, raw, n, (const uint8_t *)"\0\0\0", 3);
    free(raw);
}
E(stream_goes_on)
{
    uint32_t g = multi_group(t);
    uint8_t *raw;
    size_t n = group_raw(t, g, &raw);
    raw = realloc(raw, n + 5);
    memcpy(raw + n, "\x02more", 5);
    set_group_raw(t, g, raw, n + 5, NULL, 0);
    free(raw);
}
E(stream_ends_early)
{
    uint32_t g = multi_group(t);
    uint8_t *raw;
    size_t n = group_raw(t, g, &raw);
    set_group_raw(t, g, raw, n - 1, NULL, 0);
    free(raw);
}
E(stream_garbage)
{
    uint8_t *x = tb_sec(t, "TEXT", NULL) + rd(t, "GRPS", 4);
    memset(x, 0xFF, 8);
}
E(deflate_bomb)
{
    /* the group's text and then 64 MiB of zeros (about 64 KB deflated): the
     * reader inflates no more than the lengths claim and one byte */
    uint32_t g = multi_group(t);
    uint8_t *raw;
    size_t n = group_raw(t, g, &raw), big = n + (64u << 20);
    raw = realloc(raw, big);
    memset(raw + n, 0, big - n);
    set_group_raw(t, g, raw, big, NULL, 0);
    free(raw);
}

/* article text */
#define TEXT_ROW(name, lit)                                                                                            \
    E(name)                                                                                                            \
    {                                                                                                                  \
        set_article(t, 0, lit, sizeof lit - 1);                                                                        \
    }
TEXT_ROW(text_without_block_code, "Hello, no block code.")
TEXT_ROW(text_starts_with_headline, "\x01"
                                    "A headline is the reader's own")
TEXT_ROW(text_holds_meta_code, "\x02"
                               "Body\x06"
                               "meta")
TEXT_ROW(text_header_after_body, "\x02"
                                 "Body\x07"
                                 "Source")
TEXT_ROW(text_header_twice, "\x07"
                            "One\x07"
                            "Two\x02"
                            "Body")
TEXT_ROW(text_headers_out_of_order, "\x08"
                                    "2026-11-29\x07"
                                    "Source\x02"
                                    "Body")
TEXT_ROW(text_latin1, "\x02"
                      "caf\xe9")
TEXT_ROW(text_overlong, "\x02"
                        "\xc0\xaf")
TEXT_ROW(text_surrogate, "\x02"
                         "\xed\xa0\x80")
TEXT_ROW(text_cut_character, "\x02"
                             "euro \xe2\x82")
TEXT_ROW(text_one_header_block_only, "\x09"
                                     "A byline and nothing else")
TEXT_ROW(text_one_empty_paragraph, "\x02")
/* shaped runs (0x18) and bidi levels (0x19): a run of face 3, one glyph
 * (gid 0, no advance or offsets, cluster 0) for the one byte "a" */
#define RUN_HEAD(face)                                                                                                 \
    "\x18" face "\x81"                                                                                                 \
    "\x80\x81"
#define REC0                                                                                                           \
    "\x80\x80\x80"                                                                                                     \
    "\x80\x80"                                                                                                         \
    "\x80\x80"                                                                                                         \
    "\x80\x80"
TEXT_ROW(text_run_cut, "\x02"
                       "x" RUN_HEAD("\x83") "\x80\x80\x80\x80\x80")
TEXT_ROW(text_run_face_2, "\x02"
                          "x" RUN_HEAD("\x82") REC0 "\x80\x80"
                                                    "a")
TEXT_ROW(text_run_cluster_past_text, "\x02"
                                     "x" RUN_HEAD("\x83") REC0 "\x80\x81"
                                                               "a")
TEXT_ROW(text_run_control_byte, "\x02"
                                "x" RUN_HEAD("\x83") REC0 "\x80\x80"
                                                          "\x15")
TEXT_ROW(text_run_text_latin1, "\x02"
                               "x" RUN_HEAD("\x83") REC0 "\x80\x80"
                                                         "\xe9")
TEXT_ROW(text_level_at_end, "\x02"
                            "abc\x19")
TEXT_ROW(text_level_without_byte, "\x02"
                                  "\x19"
                                  "abc")
TEXT_ROW(text_levels_sound, "\x02"
                            "\x19\xbf"
                            "abc"
                            "\x19\x82"
                            " 12")
TEXT_ROW(text_other_control_bytes, "\x02"
                                   "Ignored \x0b\x1f"
                                   "bytes, \x12"
                                   "bold\x13"
                                   " and \x10"
                                   "italic\x11")

/* pictures (PICS, picture blocks): the sound bundle has two, shown in
 * articles 1 and 20 */
#define PIC_E(k) (INK_PICS_HEAD + INK_PICS_ENTRY_SIZE * (k))
static void pic_stream(tb_t *t, int k, uint8_t **p, uint32_t *len)
{
    uint8_t *s = tb_sec(t, "PICS", NULL);
    *p = s + ink_rd32(s + PIC_E(k) + 4);
    *len = ink_rd32(s + PIC_E(k) + 8);
}
E(pics_npics_0)
{
    wr(t, "PICS", 0, 0);
}
E(pics_npics_4097)
{
    wr(t, "PICS", 0, 4097);
}
E(pics_table_past_end)
{
    wr(t, "PICS", 0, 4096), tb_resize(t, "PICS", 60000);
}
E(pics_width_0)
{
    ink_wr16(tb_sec(t, "PICS", NULL) + PIC_E(1), 0);
}
E(pics_height_2401)
{
    ink_wr16(tb_sec(t, "PICS", NULL) + PIC_E(0) + 2, 2401);
}
E(pics_stream_in_table)
{
    wr(t, "PICS", PIC_E(1) + 4, 8);
}
E(pics_stream_past_end)
{
    wr(t, "PICS", PIC_E(0) + 8, 0x7FFFFFFF);
}
E(pics_stream_empty)
{
    wr(t, "PICS", PIC_E(0) + 8, 0);
}
E(pics_stream_garbage)
{
    uint8_t *p;
    uint32_t n;
    pic_stream(t, 1, &p, &n);
    memset(p + n / 2, 0xFF, 16);
}
E(pics_raw_crc)
{
    wr(t, "PICS", PIC_E(0) + 12, rd(t, "PICS", PIC_E(0) + 12) ^ 1);
}
E(pics_one_row_more)
{
    uint8_t *e = tb_sec(t, "PICS", NULL) + PIC_E(0);
    ink_wr16(e + 2, (uint16_t)(ink_rd16(e + 2) + 1));
}
E(pics_one_row_less)
{
    uint8_t *e = tb_sec(t, "PICS", NULL) + PIC_E(0);
    ink_wr16(e + 2, (uint16_t)(ink_rd16(e + 2) - 1));
}
E(pics_stream_cut)
{
    wr(t, "PICS", PIC_E(1) + 8, rd(t, "PICS", PIC_E(1) + 8) - 7);
}
TEXT_ROW(text_pic_sound, "\x02"
                         "Text\x0a"
                         "1 A caption, \x10"
                         "styled\x11"
                         " \x1c"
                         "Credit\x0a"
                         "0 ")
TEXT_ROW(text_pic_past_npics, "\x02"
                              "Text\x0a"
                              "2 A caption")
TEXT_ROW(text_pic_without_number, "\x02"
                                  "Text\x0a"
                                  "A caption")
TEXT_ROW(text_pic_without_space, "\x02"
                                 "Text\x0a"
                                 "1")
TEXT_ROW(text_pic_leading_zero, "\x02"
                                "Text\x0a"
                                "01 A caption")
TEXT_ROW(text_pic_five_digits, "\x02"
                               "Text\x0a"
                               "00001 A caption")

/* title chunks */
static void chunk_titles(tb_t *t, int drop, const char *add, int final_nul)
{
    uint8_t *raw;
    size_t n = chunk_raw(t, 0, &raw);
    if (drop) { /* the last title out */
        n--;
        while (n && raw[n - 1])
            n--;
    }
    if (add) {
        raw = realloc(raw, n + strlen(add) + 1);
        memcpy(raw + n, add, strlen(add) + 1);
        n += strlen(add) + 1;
    }
    if (!final_nul)
        n--;
    set_chunk(t, 0, raw, n, NULL, 0);
    free(raw);
}
E(chunk_one_title_short)
{
    chunk_titles(t, 1, NULL, 1);
}
E(chunk_one_title_more)
{
    chunk_titles(t, 0, "One title too many", 1);
}
E(chunk_without_final_nul)
{
    chunk_titles(t, 0, NULL, 0);
}
E(chunk_title_latin1)
{
    chunk_titles(t, 1, "Caf\xe9", 1);
}
E(chunk_title_run_cut)
{
    chunk_titles(t, 1, "x" RUN_HEAD("\x83") "\x80", 1);
}
E(chunk_empty_title_is_fine)
{
    chunk_titles(t, 1, "", 1);
}
E(chunk_raw_crc)
{
    wr(t, "TITL", 12, rd(t, "TITL", 12) ^ 1);
}
E(chunk_bytes_after_end)
{
    uint8_t *raw;
    size_t n = chunk_raw(t, 0, &raw);
    set_chunk(t, 0, raw, n, (const uint8_t *)"\0", 1);
    free(raw);
}
E(chunk_raw_length_one_more)
{
    wr(t, "TITL", 8, rd(t, "TITL", 8) + 1);
}
E(chunk_raw_length_one_less)
{
    wr(t, "TITL", 8, rd(t, "TITL", 8) - 1);
}

#define ROW(name, err, why, by)                                                                                        \
    {                                                                                                                  \
#name, edit_##name, err, why, by                                                                               \
    }
static const row_t rows[] = {
    ROW(sound, INK_OK, "", R_NONE),
    ROW(magic, INK_ERR_MAGIC, "header: not an inkpress bundle (magic)", R_ALL),
    ROW(short_header, INK_ERR_TRUNCATED, "header: shorter than 24 bytes", R_ALL),
    ROW(major_3, INK_ERR_FORMAT, "PICS: in a bundle of version 2 or 3", R_ALL), /* the sound bundle has pictures */
    ROW(major_4, INK_ERR_FORMAT, "ORDR: in a bundle of version 2 to 4", R_ALL), /* and has ORDR */
    ROW(major_5, INK_OK, "", R_NONE),
    ROW(major_6, INK_ERR_VERSION, "header: major version is not 2 to 5", R_ALL),
    ROW(minor_9, INK_OK, "", R_NONE),
    ROW(file_size_past_end, INK_ERR_TRUNCATED, "header: file_size is larger than the bytes there are", R_ALL),
    ROW(nentries_0, INK_ERR_FORMAT, "header: nentries is not 1 to 32", R_ALL),
    ROW(nentries_33, INK_ERR_FORMAT, "header: nentries is not 1 to 32", R_ALL),
    ROW(table_past_file_size, INK_ERR_TRUNCATED, "header: the section table runs past file_size", R_ALL),
    ROW(header_crc, INK_ERR_CRC, "header: header_crc mismatch", R_ALL),
    ROW(bytes_after_file_size, INK_OK, "", R_NONE),
    ROW(section_past_end, INK_ERR_RANGE, "section table: a section lies outside the bundle or in the table", R_ALL),
    ROW(section_in_table, INK_ERR_RANGE, "section table: a section lies outside the bundle or in the table", R_ALL),
    ROW(section_length_wraps, INK_ERR_RANGE, "section table: a section lies outside the bundle or in the table", R_ALL),
    ROW(sections_overlap, INK_ERR_RANGE, "section table: two sections overlap", R_ALL),
    ROW(tag_twice, INK_ERR_FORMAT, "section table: a tag appears twice", R_ALL),
    ROW(unknown_tag_twice, INK_ERR_FORMAT, "section table: a tag appears twice", R_ALL),
    ROW(unknown_section_ignored, INK_OK, "", R_NONE),
    ROW(empty_section_at_the_end, INK_OK, "", R_NONE),
    ROW(section_crc, INK_ERR_CRC, "SECS: CRC mismatch", R_ALL),
    ROW(font_crc, INK_ERR_CRC, "FONT: CRC mismatch", R_ALL),
    ROW(text_crc_is_lazy, INK_OK, "", R_INSPECT),
    ROW(arts_missing, INK_ERR_FORMAT, "ARTS: missing", R_ALL),
    ROW(meta_27_bytes, INK_ERR_FORMAT, "META: shorter than 28 bytes", R_ALL),
    ROW(meta_longer_is_fine, INK_OK, "", R_NONE),
    ROW(strs_empty, INK_ERR_FORMAT, "STRS: empty", R_ALL),
    ROW(dict_4_bytes, INK_ERR_FORMAT, "DICT: its length or dict_length is out of range", R_ALL),
    ROW(dict_length_0, INK_ERR_FORMAT, "DICT: its length or dict_length is out of range", R_ALL),
    ROW(dict_length_32769, INK_ERR_FORMAT, "DICT: its length or dict_length is out of range", R_ALL),
    ROW(narticles_0, INK_ERR_FORMAT, "META: narticles is not 1 to 16,777,215", R_ALL),
    ROW(narticles_2_24, INK_ERR_FORMAT, "META: narticles is not 1 to 16,777,215", R_ALL),
    ROW(ngroups_0, INK_ERR_FORMAT, "META: nsections, ngroups or titles_per_chunk is 0", R_ALL),
    ROW(titles_per_chunk_0, INK_ERR_FORMAT, "META: nsections, ngroups or titles_per_chunk is 0", R_ALL),
    ROW(nchunks_off_by_one, INK_ERR_FORMAT, "META: nchunks is not ceil(narticles / titles_per_chunk)", R_ALL),
    ROW(ngroups_wraps, INK_ERR_RANGE, "GRPS: shorter than its table", R_ALL),
    ROW(secs_bytes_after_table, INK_ERR_FORMAT, "SECS: bytes after its table", R_ALL),
    ROW(arts_shorter_than_table, INK_ERR_RANGE, "ARTS: shorter than its table", R_ALL),
    ROW(strs_without_final_nul, INK_ERR_FORMAT, "STRS: does not end with a NUL byte", R_ALL),
    ROW(name_ref_outside, INK_ERR_RANGE, "META: a string reference points outside STRS", R_ALL),
    ROW(name_latin1, INK_ERR_FORMAT, "STRS: a string is not UTF-8", R_ALL),
    ROW(name_overlong, INK_ERR_FORMAT, "STRS: a string is not UTF-8", R_ALL),
    ROW(name_surrogate, INK_ERR_FORMAT, "STRS: a string is not UTF-8", R_ALL),
    ROW(name_none, INK_OK, "", R_NONE),
    ROW(date_month_13, INK_ERR_FORMAT, "META: the date is not YYYY-MM-DD", R_ALL),
    ROW(date_none, INK_OK, "", R_NONE),
    ROW(section_name_outside, INK_ERR_RANGE, "SECS: a string reference points outside STRS", R_ALL),
    ROW(section_gap, INK_ERR_FORMAT, "SECS: the sections do not cover the articles in order", R_ALL),
    ROW(section_of_no_articles, INK_ERR_FORMAT, "SECS: the sections do not cover the articles in order", R_ALL),
    ROW(article_empty, INK_ERR_FORMAT, "ARTS: an article's text is empty", R_ALL),
    ROW(first_group_not_at_0, INK_ERR_FORMAT, "GRPS: the first group does not start at article 0", R_ALL),
    ROW(group_past_the_end, INK_ERR_FORMAT, "GRPS: a group starts past the last article", R_ALL),
    ROW(next_group_past_the_end, INK_ERR_FORMAT, "GRPS: a group starts past the last article", R_ALL),
    ROW(groups_not_increasing, INK_ERR_FORMAT, "GRPS: the groups' first articles do not increase", R_ALL),
    ROW(group_stream_outside_text, INK_ERR_RANGE, "GRPS: a stream lies outside TEXT", R_ALL),
    ROW(group_text_wraps, INK_ERR_TOO_BIG, "GRPS: a group's text is over 262,144 bytes", R_ALL),
    ROW(group_text_262145, INK_ERR_TOO_BIG, "GRPS: a group's text is over 262,144 bytes", R_ALL),
    ROW(title_stream_outside_text, INK_ERR_RANGE, "TITL: a stream lies outside TEXT", R_ALL),
    ROW(title_raw_length_49153, INK_ERR_TOO_BIG, "TITL: a chunk's raw_length is over 49,152 bytes", R_ALL),
    ROW(font_nfaces_0, INK_ERR_FORMAT, "FONT: nfaces is not 1 to 16", R_ALL),
    ROW(font_nfaces_17, INK_ERR_FORMAT, "FONT: nfaces is not 1 to 16", R_ALL),
    ROW(font_3_bytes, INK_ERR_RANGE, "FONT: shorter than its face count", R_ALL),
    ROW(font_table_past_section, INK_ERR_RANGE, "FONT: the face table runs past the section", R_ALL),
    ROW(font_empty_face_with_offset, INK_ERR_FORMAT, "FONT: an empty face has an offset other than 0", R_ALL),
    ROW(font_empty_face_at_0, INK_OK, "", R_NONE),
    ROW(font_regular_empty, INK_ERR_FORMAT, "FONT: the regular face is empty", R_ALL),
    ROW(font_face_past_section, INK_ERR_RANGE, "FONT: a face lies outside the section or in its table", R_ALL),
    ROW(font_face_in_table, INK_ERR_RANGE, "FONT: a face lies outside the section or in its table", R_ALL),
    ROW(font_face_unaligned, INK_ERR_FORMAT, "FONT: a face is not on a 4-byte boundary", R_ALL),
    ROW(font_fourth_face_fallback, INK_OK, "", R_NONE),
    ROW(font_freetype_refuses, INK_ERR_FONT, "fonts: FreeType refuses a face", R_INSPECT | R_SPEC),
    ROW(font_fallback_freetype_refuses, INK_ERR_FONT, "fonts: FreeType refuses a face", R_INSPECT | R_SPEC),
    ROW(kern_pairs, INK_OK, "", R_NONE),
    ROW(kern_8_bytes, INK_ERR_FORMAT, "KERN: shorter than 16 bytes", R_ALL),
    ROW(kern_ncps_4097, INK_ERR_FORMAT, "KERN: ncps is over 4,096", R_ALL),
    ROW(kern_short, INK_ERR_FORMAT, "KERN: the tables run past the section", R_ALL),
    ROW(kern_trailing_bytes, INK_ERR_FORMAT, "KERN: bytes after the pairs", R_ALL),
    ROW(kern_cps_not_ascending, INK_ERR_FORMAT, "KERN: the code points are not strictly ascending Unicode", R_ALL),
    ROW(kern_cp_past_unicode, INK_ERR_FORMAT, "KERN: the code points are not strictly ascending Unicode", R_ALL),
    ROW(kern_index_past_ncps, INK_ERR_FORMAT, "KERN: a pair's index is past ncps", R_ALL),
    ROW(kern_pairs_out_of_order, INK_ERR_FORMAT, "KERN: a face's pairs are not strictly ascending", R_ALL),
    ROW(kern_pair_twice, INK_ERR_FORMAT, "KERN: a face's pairs are not strictly ascending", R_ALL),
    ROW(hyph_language_bytes_after_nul, INK_ERR_FORMAT, "HYPH: the language is empty or has bytes after its NUL", R_ALL),
    ROW(hyph_language_empty, INK_ERR_FORMAT, "HYPH: the language is empty or has bytes after its NUL", R_ALL),
    ROW(hyph_language_space, INK_ERR_FORMAT, "HYPH: the table or a record is malformed", R_ALL),
    ROW(hyph_left_0, INK_ERR_FORMAT, "HYPH: the table or a record is malformed", R_ALL),
    ROW(hyph_one_byte_more, INK_ERR_FORMAT, "HYPH: the table or a record is malformed", R_ALL),
    ROW(dict_ends_with_a_final_block, INK_ERR_INFLATE, "DICT: its stream is damaged or ends", R_ALL),
    ROW(dict_not_on_a_byte_boundary, INK_ERR_INFLATE,
        "DICT: its stream does not stop between blocks on a byte boundary", R_ALL),
    ROW(dict_full_flush_is_fine, INK_OK, "", R_NONE),
    ROW(dict_length_one_short, INK_ERR_INFLATE, "DICT: its stream does not give dict_length bytes", R_ALL),
    ROW(text_crc, INK_ERR_CRC, "ARTS: text_crc mismatch", R_ALL),
    ROW(article_over_reader_limit, INK_ERR_TOO_BIG, "ARTS: text_length is more than this reader accepts", R_READER),
    ROW(bytes_after_stream_end, INK_ERR_INFLATE, "TEXT: bytes after a stream's end", R_ALL),
    ROW(stream_goes_on, INK_ERR_INFLATE, "TEXT: a stream goes on past its text", R_ALL),
    ROW(stream_ends_early, INK_ERR_INFLATE, "TEXT: a stream is damaged or ends early", R_ALL),
    ROW(stream_garbage, INK_ERR_INFLATE, "TEXT: a stream is damaged or ends early", R_ALL),
    ROW(deflate_bomb, INK_ERR_INFLATE, "TEXT: a stream goes on past its text", R_ALL),
    ROW(text_without_block_code, INK_ERR_FORMAT, "text: does not start with a block code", R_ALL),
    ROW(text_starts_with_headline, INK_ERR_FORMAT, "text: does not start with a block code", R_ALL),
    ROW(text_holds_meta_code, INK_ERR_FORMAT, "text: holds a reserved code (0x01 or 0x06)", R_ALL),
    ROW(text_header_after_body, INK_ERR_FORMAT, "text: a header block after a body block or out of order", R_ALL),
    ROW(text_header_twice, INK_ERR_FORMAT, "text: a header block after a body block or out of order", R_ALL),
    ROW(text_headers_out_of_order, INK_ERR_FORMAT, "text: a header block after a body block or out of order", R_ALL),
    ROW(text_latin1, INK_ERR_FORMAT, "text: not UTF-8", R_ALL),
    ROW(text_overlong, INK_ERR_FORMAT, "text: not UTF-8", R_ALL),
    ROW(text_surrogate, INK_ERR_FORMAT, "text: not UTF-8", R_ALL),
    ROW(text_cut_character, INK_ERR_FORMAT, "text: not UTF-8", R_ALL),
    ROW(text_one_header_block_only, INK_OK, "", R_NONE),
    ROW(text_one_empty_paragraph, INK_OK, "", R_NONE),
    ROW(text_other_control_bytes, INK_OK, "", R_NONE),
    ROW(text_run_cut, INK_ERR_FORMAT, "text: a shaped run (0x18) is damaged", R_ALL),
    ROW(text_run_face_2, INK_ERR_FORMAT, "text: a shaped run (0x18) is damaged", R_ALL),
    ROW(text_run_cluster_past_text, INK_ERR_FORMAT, "text: a shaped run (0x18) is damaged", R_ALL),
    ROW(text_run_control_byte, INK_ERR_FORMAT, "text: a shaped run (0x18) is damaged", R_ALL),
    ROW(text_run_text_latin1, INK_ERR_FORMAT, "text: not UTF-8", R_ALL),
    ROW(text_level_at_end, INK_ERR_FORMAT, "text: a bidi level code (0x19) without its level byte", R_ALL),
    ROW(text_level_without_byte, INK_ERR_FORMAT, "text: a bidi level code (0x19) without its level byte", R_ALL),
    ROW(text_levels_sound, INK_OK, "", R_NONE),
    ROW(chunk_one_title_short, INK_ERR_FORMAT, "TITL: a chunk does not hold its titles, each ending in a NUL", R_ALL),
    ROW(chunk_one_title_more, INK_ERR_FORMAT, "TITL: a chunk does not hold its titles, each ending in a NUL", R_ALL),
    ROW(chunk_without_final_nul, INK_ERR_FORMAT, "TITL: a chunk does not hold its titles, each ending in a NUL", R_ALL),
    ROW(chunk_title_latin1, INK_ERR_FORMAT,
        "TITL: a title is not UTF-8 (or a shaped run or bidi level in it is damaged)", R_ALL),
    ROW(chunk_title_run_cut, INK_ERR_FORMAT,
        "TITL: a title is not UTF-8 (or a shaped run or bidi level in it is damaged)", R_ALL),
    ROW(chunk_empty_title_is_fine, INK_OK, "", R_NONE),
    ROW(chunk_raw_crc, INK_ERR_CRC, "TITL: raw_crc mismatch", R_ALL),
    ROW(chunk_bytes_after_end, INK_ERR_INFLATE, "TEXT: bytes after a stream's end", R_ALL),
    ROW(chunk_raw_length_one_more, INK_ERR_INFLATE, "TEXT: a stream is damaged or ends early", R_ALL),
    ROW(chunk_raw_length_one_less, INK_ERR_INFLATE, "TEXT: a stream goes on past its text", R_ALL),
    ROW(afnt_sound, INK_OK, "", R_NONE),
    ROW(afnt_face_2, INK_ERR_FORMAT, "AFNT: a face is not 0 or a fallback face of FONT", R_ALL),
    ROW(afnt_face_past_nfaces, INK_ERR_FORMAT, "AFNT: a face is not 0 or a fallback face of FONT", R_ALL),
    ROW(afnt_without_fallbacks, INK_ERR_FORMAT, "AFNT: a face is not 0 or a fallback face of FONT", R_ALL),
    ROW(afnt_short, INK_ERR_RANGE, "AFNT: shorter than a byte per article", R_ALL),
    ROW(afnt_one_byte_more, INK_ERR_FORMAT, "AFNT: bytes after its table", R_ALL),
    ROW(ordr_swap, INK_OK, "", R_NONE),
    ROW(ordr_short, INK_ERR_RANGE, "ORDR: shorter than its table", R_ALL),
    ROW(ordr_one_byte_more, INK_ERR_FORMAT, "ORDR: bytes after its table", R_ALL),
    ROW(ordr_place_past_end, INK_ERR_FORMAT, "ORDR: a place is past the last article", R_ALL),
    ROW(ordr_place_twice, INK_ERR_FORMAT, "ORDR: a place is given twice", R_ALL),
    ROW(pics_npics_0, INK_ERR_FORMAT, "PICS: npics is not 1 to 4,096", R_ALL),
    ROW(pics_npics_4097, INK_ERR_FORMAT, "PICS: npics is not 1 to 4,096", R_ALL),
    ROW(pics_table_past_end, INK_ERR_RANGE, "PICS: shorter than its table", R_ALL),
    ROW(pics_width_0, INK_ERR_FORMAT, "PICS: a picture's size is 0 or over 1600 x 2400", R_ALL),
    ROW(pics_height_2401, INK_ERR_FORMAT, "PICS: a picture's size is 0 or over 1600 x 2400", R_ALL),
    ROW(pics_stream_in_table, INK_ERR_RANGE, "PICS: a picture's stream lies outside PICS or in its table", R_ALL),
    ROW(pics_stream_past_end, INK_ERR_RANGE, "PICS: a picture's stream lies outside PICS or in its table", R_ALL),
    ROW(pics_stream_empty, INK_ERR_RANGE, "PICS: a picture's stream lies outside PICS or in its table", R_ALL),
    /* a damaged picture: the edition opens, the page shows an empty frame
     * with the caption; inspect finds it (extract gives the text) */
    ROW(pics_stream_garbage, INK_ERR_INFLATE, "PICS: a picture's stream is damaged", R_INSPECT | R_SPEC),
    ROW(pics_raw_crc, INK_ERR_CRC, "PICS: raw_crc mismatch", R_INSPECT | R_SPEC),
    ROW(pics_one_row_more, INK_ERR_INFLATE, "PICS: a picture's stream is damaged", R_INSPECT | R_SPEC),
    ROW(pics_one_row_less, INK_ERR_INFLATE, "PICS: a picture's stream is damaged", R_INSPECT | R_SPEC),
    ROW(pics_stream_cut, INK_ERR_INFLATE, "PICS: a picture's stream is damaged", R_INSPECT | R_SPEC),
    ROW(text_pic_sound, INK_OK, "", R_NONE),
    ROW(text_pic_past_npics, INK_ERR_FORMAT, "text: a picture block names a picture PICS does not have", R_ALL),
    ROW(text_pic_without_number, INK_ERR_FORMAT, "text: a picture block does not start with its number and a space",
        R_ALL),
    ROW(text_pic_without_space, INK_ERR_FORMAT, "text: a picture block does not start with its number and a space",
        R_ALL),
    ROW(text_pic_leading_zero, INK_ERR_FORMAT, "text: a picture block does not start with its number and a space",
        R_ALL),
    ROW(text_pic_five_digits, INK_ERR_FORMAT, "text: a picture block does not start with its number and a space",
        R_ALL),
};
#define NROWS (sizeof rows / sizeof rows[0])

/* ---- running a row -------------------------------------------------------- */

static uint8_t poolmem[INK_POOL_BYTES];
static uint8_t textbuf[INK_ARTICLE_MAX_BYTES];
static const char *out_dir;

/* The reader as the device runs it: open, every article, every title, the
 * fonts. The first failure, with its words. */
static ink_err_t read_all(const uint8_t *d, size_t n, const char **why)
{
    static ink_bundle_t b;
    ink_err_t err = ink_bundle_open(&b, d, n);
    *why = b.why;
    if (err)
        return err;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    for (uint32_t i = 0; i < b.narticles; i++)
        if ((err = ink_bundle_inflate_why(&b, i, &pool, textbuf, sizeof textbuf, why)) != INK_OK)
            return err;
    ink_titles_t tc = {NULL, -1, NULL, 0};
    for (uint32_t i = 0; i < b.narticles && !err; i++) {
        const char *title;
        err = ink_bundle_title_why(&b, i, &pool, &tc, &title, why);
    }
    ink_bundle_titles_free(&tc);
    if (err)
        return err;
    for (uint32_t i = 0; i < b.npics; i++)
        if ((err = ink_bundle_pic_check(&b, i, &pool, NULL)) != INK_OK) {
            *why = err == INK_ERR_CRC ? "PICS: raw_crc mismatch" : "PICS: a picture's stream is damaged";
            return err;
        }
    ink_font_data_t faces[INK_FONT_MAX_FACES];
    int nfaces;
    if (ink_bundle_faces(&b, faces, &nfaces) == INK_OK) {
        static ink_font_t font;
        if ((err = ink_font_open_n(&font, &pool, faces, nfaces, INK_RENDER_GRAY, 112)) != INK_OK) {
            *why = "fonts: FreeType refuses a face";
            return err;
        }
        ink_font_close(&font);
    }
    assert_int_equal(ink_pool_used(&pool), 0);
    *why = "";
    return INK_OK;
}

static void test_badbundle_row(void **st)
{
    const row_t *r = *st;
    tb_t t;
    tb_split(&t, good, good_len);
    r->edit(&t);
    if (!t.built)
        tb_build(&t);
    const char *why;
    ink_err_t err = read_all(t.file, t.size, &why);
    if (err != r->err || strcmp(why, r->why) != 0)
        fail_msg("%s: got %s (%s), want %s (%s)", r->name, ink_err_str(err), why, ink_err_str(r->err), r->why);
    if (out_dir) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s.ink", out_dir, r->name);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        assert_int_equal(fwrite(t.file, 1, t.size, f), t.size);
        fclose(f);
        snprintf(path, sizeof path, "%s/rows.txt", out_dir);
        f = fopen(path, "a");
        assert_non_null(f);
        fprintf(f, "%s %d %d %d\n", r->name, r->refused_by & R_INSPECT ? 3 : 0, r->refused_by & R_EXTRACT ? 3 : 0,
                r->refused_by & R_SPEC ? 1 : 0);
        fclose(f);
    }
    tb_free(&t);
}

/* The sound bundle: 40 articles in 3 sections (2 title chunks, groups of
 * several articles, stored apart from reading order: ORDR), a dictionary, hyphenation patterns, fonts, and KERN
 * pairs put in by the kern_pairs row's edit. */
static int setup(void **st)
{
    (void)st;
    static const char *const words[] = {
        "council", "harbour", "budget",    "ferry",    "minister",   "residents",     "percent",     "report",
        "islands", "morning", "statement", "election", "government", "international", "development", "communities"};
    enum { N = 40, P = 16 };
    article_t arts[N];
    for (int i = 0; i < N; i++)
        tu_story(&arts[i], i, P, words, 16, i < 15 ? "World" : i < 30 ? "Business" : "Science");
    /* two real photos (Debian's mate-backgrounds), the first twice, made
     * small (240 pixels wide) so that the table's bundles stay seeds of the
     * bundle fuzzer (at most 128 KiB) */
    static const char *const photos[] = {"/usr/share/backgrounds/mate/nature/LadyBird.jpg",
                                         "/usr/share/backgrounds/mate/nature/Storm.jpg"};
    char small[2][32];
    for (int k = 0; k < 2; k++) {
        picture_t ph;
        const char *pwhy;
        snprintf(small[k], sizeof small[k], "badbundle-pic-XXXXXX");
        int fd = mkstemp(small[k]);
        if (fd < 0 || picture_load(photos[k], &ph, &pwhy) || picture_fit(&ph, 240, 240) ||
            picture_write_png(small[k], &ph)) {
            print_error("the test photos do not load (make deps installs mate-backgrounds)\n");
            return -1;
        }
        close(fd);
        picture_free(&ph);
    }
    if (article_add_pic(&arts[1], small[0], "A ladybird", "Photo: MATE", 0) ||
        article_add_pic(&arts[20], small[1], "A storm", NULL, 0) || article_add_pic(&arts[21], small[0], "", NULL, 0))
        return -1;
    pics_t pics;
    uint8_t *picsec = NULL;
    size_t picslen = 0;
    int pr = pics_prepare(arts, N, PICS_ALL, 0, &pics, stderr);
    unlink(small[0]);
    unlink(small[1]);
    if (pr || pics.n != 2 || pics_section(&pics, &picsec, &picslen))
        return -1;
    pics_free(&pics);
    bundle_opts_t opts = tu_opts_with_fonts();
    opts.pics = picsec;
    opts.pics_len = picslen;
    opts.name = "Test Edition";
    opts.date = "2026-11-29";
    opts.group_bytes = 8192;
    opts.hyph = 2;
    const char *why;
    int wr_rc = bundle_write(arts, N, &opts, &good, &good_len, &why);
    free(picsec);
    if (wr_rc != 0)
        return -1;
    for (int i = 0; i < N; i++)
        article_free(&arts[i]);
    /* the sound bundle has every section, and the reader takes it whole */
    ink_bundle_t b;
    if (ink_bundle_open(&b, good, good_len) != INK_OK || !b.dict_len || !b.hyph.len || !b.font.len || !b.kern.len ||
        b.nchunks < 2 || b.ngroups < 3 || b.npics != 2) {
        print_error(
            "the sound bundle lacks a section, a second title chunk or groups: dict %u hyph %u font %u kern %u chunks %u groups %u\n",
            b.dict_len, b.hyph.len, b.font.len, b.kern.len, b.nchunks, b.ngroups);
        return -1;
    }
    return 0;
}

static int teardown(void **st)
{
    (void)st;
    free(good);
    return 0;
}

int main(int argc, char **argv)
{
    static struct CMUnitTest tests[NROWS];
    if (argc > 1) {
        out_dir = argv[1];
        char path[512];
        snprintf(path, sizeof path, "%s/rows.txt", out_dir);
        remove(path);
    }
    assert_true(NROWS >= 100);
    for (size_t i = 0; i < NROWS; i++)
        tests[i] = (struct CMUnitTest){rows[i].name, test_badbundle_row, NULL, NULL, (void *)&rows[i]};
    return _cmocka_run_group_tests("badbundle", tests, NROWS, setup, teardown);
}

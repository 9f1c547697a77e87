/* SPDX-License-Identifier: MIT */
/* ink_format.h: the bundle's on-disk layout, included by the writer
 * (tools/pack) and the reader (firmware/ink_bundle). docs/FORMAT.md is the
 * prose spec; the numbers here and there must agree.
 *
 * All integers are little-endian and read byte by byte: a bundle may sit at
 * any address in flash, so nothing here is cast to a struct. */
#ifndef INK_FORMAT_H
#define INK_FORMAT_H

#include <stdint.h>

#define INK_MAGIC "INKB\r\n\x1a\n"   /**< 8 bytes; the \r\n catches text-mode transfers */
#define INK_MAGIC_LEN 8u
#define INK_VERSION_MAJOR 2u         /**< a reader refuses any other major (2: DICT deflated) */
#define INK_VERSION_MAJOR_RUNS 3u    /**< 3: as 2, and article text may hold shaped runs (ink_run.h) */
#define INK_VERSION_MAJOR_PICS 4u    /**< 4: as 3, and the bundle may hold pictures (PICS, picture blocks) */
#define INK_VERSION_MAJOR_ORDR 5u    /**< 5: as 4, and texts may be stored in an order of their own (ORDR) */
#define INK_VERSION_MINOR 0u         /**< additions a v2 reader may ignore */

/* Header: magic[8], major u16, minor u16, file_size u32, nsections u16,
 * flags u16, header_crc u32; then nsections entries of the section table. */
#define INK_HDR_SIZE 24u
#define INK_HDR_OFF_MAJOR 8u
#define INK_HDR_OFF_MINOR 10u
#define INK_HDR_OFF_SIZE 12u
#define INK_HDR_OFF_NSECT 16u
#define INK_HDR_OFF_FLAGS 18u
#define INK_HDR_OFF_CRC 20u
#define INK_MAX_SECTIONS 32u

/* Section table entry: tag u32, offset u32, length u32, crc32 u32. */
#define INK_SECT_ENTRY_SIZE 16u

#define INK_TAG(a, b, c, d) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16 | (uint32_t)(d) << 24)
#define INK_TAG_META INK_TAG('M', 'E', 'T', 'A')
#define INK_TAG_STRS INK_TAG('S', 'T', 'R', 'S')
#define INK_TAG_SECS INK_TAG('S', 'E', 'C', 'S')
#define INK_TAG_ARTS INK_TAG('A', 'R', 'T', 'S')
#define INK_TAG_TEXT INK_TAG('T', 'E', 'X', 'T')
#define INK_TAG_GRPS INK_TAG('G', 'R', 'P', 'S')
#define INK_TAG_TITL INK_TAG('T', 'I', 'T', 'L')
#define INK_TAG_DICT INK_TAG('D', 'I', 'C', 'T')
#define INK_TAG_FONT INK_TAG('F', 'O', 'N', 'T')
#define INK_TAG_KERN INK_TAG('K', 'E', 'R', 'N')
#define INK_TAG_HYPH INK_TAG('H', 'Y', 'P', 'H')
#define INK_TAG_PICS INK_TAG('P', 'I', 'C', 'S')
#define INK_TAG_AFNT INK_TAG('A', 'F', 'N', 'T') /* per article: the fallback face its CJK text is in */
#define INK_TAG_ORDR INK_TAG('O', 'R', 'D', 'R') /* per article: where its text is stored (ARTS, GRPS) */

/* META: name u32 (string), date u32 (string), narticles u32, nsections u32,
 * ngroups u32, nchunks u32, titles_per_chunk u16, flags u16. */
#define INK_META_SIZE 28u

/** A string reference that means "none". */
#define INK_STR_NONE 0xFFFFFFFFu

/* SECS entry: name u32 (string), first_article u32, narticles u32. */
#define INK_SECS_ENTRY_SIZE 12u

/* ARTS entry: text_len u32, text_crc u32 (CRC-32 of the article's text). */
#define INK_ARTS_ENTRY_SIZE 8u

/* GRPS entry: first_article u32, data_off u32 (in TEXT), data_len u32. A
 * group's stream inflates to its articles' texts, one after another. */
#define INK_GRPS_ENTRY_SIZE 12u

/* ORDR (version 5): per article, in reading order, its place in storage
 * order (the order of ARTS and of the texts in GRPS's streams), each
 * ink_ordr_width(narticles) bytes; absent: storage order is reading order. */
static inline uint32_t ink_ordr_width(uint32_t narticles)
{
    return narticles <= 0x100u ? 1u : narticles <= 0x10000u ? 2u : 3u;
}

/* TITL entry: data_off u32 (in TEXT), data_len u32, raw_len u32, raw_crc
 * u32. Chunk c inflates to the titles of articles [c * titles_per_chunk,
 * ...), each ending in a NUL byte. */
#define INK_TITL_ENTRY_SIZE 16u
/** Longest title in bytes: the writer cuts a longer one and the reader
 * shows no more, both on a character boundary. */
#define INK_TITLE_MAX 1000u

/* FONT: nfaces u32, then nfaces entries {offset u32 from the
 * section's start, length u32}; the faces (TrueType/OpenType files) follow
 * on 4-byte boundaries, in order regular, bold, italic. */
#define INK_FONT_ENTRY_SIZE 8u
#define INK_FONT_MAX_FACES 16u

/* KERN: the layout of render/ink_kern.h. */

/** Deflate's window: the most dictionary a stream can refer to. */
#define INK_DICT_MAX 32768u
/* DICT (v2): dict_len u32 (1 to INK_DICT_MAX), then a raw deflate stream
 * that inflates to those bytes and stops, without a final block, on a byte
 * boundary (an empty stored block, as zlib's Z_SYNC_FLUSH leaves it). */
#define INK_DICT_HEAD 4u
/** The most bytes DICT may take: deflate's stored blocks add 5 a 64 KiB. */
#define INK_DICT_SECTION_MAX (INK_DICT_HEAD + INK_DICT_MAX + 64u)

/* PICS: npics u32, then npics entries {width u16, height u16, offset u32
 * from the section's start, length u32, raw_crc u32}; each picture is a raw
 * deflate stream of height rows of ceil(width / 2) bytes, 4-bit gray, two
 * pixels a byte (the left one high; 0 black, 15 white), its back
 * references within INK_PIC_WINDOW bytes. */
#define INK_PICS_HEAD 4u
#define INK_PICS_ENTRY_SIZE 16u
#define INK_PICS_MAX 4096u           /**< pictures in one edition */
#define INK_PIC_MAX_W 1600u          /**< widest picture a reader must draw */
#define INK_PIC_MAX_H 2400u
#define INK_PIC_WBITS 12             /**< deflate window of a picture stream: 4 KiB */
#define INK_PIC_WINDOW (1u << INK_PIC_WBITS)

static inline uint16_t ink_rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t ink_rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void ink_wr16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static inline void ink_wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

#endif

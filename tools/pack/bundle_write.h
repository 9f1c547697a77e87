/* SPDX-License-Identifier: MIT */
/* bundle_write.h: builds a bundle (docs/FORMAT.md) from cleaned articles. */
#ifndef INK_BUNDLE_WRITE_H
#define INK_BUNDLE_WRITE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "ink_conf.h"
#include "ink_font.h"
#include "ink_format.h"

/** Titles a title chunk holds; the library inflates one chunk per screen. */
#define INK_TITLES_PER_CHUNK 32u
_Static_assert(INK_TITLES_PER_CHUNK * (INK_TITLE_MAX + 1u) <= INK_TITLE_CHUNK_MAX,
               "a chunk of the longest titles must fit the reader's title buffer");

/** Where the bytes went, for `pack -v` and `make bench`. */
typedef struct bundle_stats {
    size_t header, meta, strs, secs, arts, grps, titl, dict, text;
    size_t groups, chunks, raw_text;
    size_t font, kern;                     /**< FONT and KERN sections (0 when left out) */
    size_t face[INK_FACE_COUNT];           /**< bytes of each subset face */
    size_t kern_pairs[INK_FACE_COUNT];     /**< kerning pairs stored per face */
    size_t chars;                          /**< characters the subsets keep */
    size_t fallbacks;                      /**< fallback faces (other scripts) in FONT */
    const char *fallback_file[13];         /**< their Noto files, FONT faces 3 on (static strings) */
    size_t fallback_bytes;                 /**< their subset bytes together */
    size_t missing_chars;                  /**< distinct characters no face draws (drawn as boxes) */
    size_t missing_articles;               /**< articles holding one or more of them */
    size_t shaped_runs, shaped_glyphs;     /**< shaped runs in texts (ink_run.h) and their glyphs */
    size_t shaped_titles;                  /**< titles with shaped runs */
    size_t bidi_texts;                     /**< texts, titles and section names with bidi levels */
    size_t hyph;                           /**< HYPH section (0 when left out) */
    size_t hyph_patterns, hyph_articles;   /**< patterns in it, articles they hyphenate */
    size_t shy_before, shy_after, hyph_marked; /**< soft hyphens in those articles before and after; words marked off */
    size_t pics, npics;                    /**< PICS section bytes and its pictures (0 when none) */
    size_t ordr;                           /**< ORDR section (0 when texts are stored in reading order) */
    size_t moved;                          /**< articles stored elsewhere than their reading place */
    /** Wall seconds of each step: the texts (typeset, encoded, bidi
     * levels), the hyphenation patterns, fonts and shaping, the
     * dictionary, the streams (TEXT and DICT); of the streams' time, the
     * storage order (order.h). */
    double secs_texts, secs_patterns, secs_fonts, secs_dict, secs_streams, secs_order;
    /** CPU seconds of the same steps, all threads together: a step whose
     * CPU is near its wall time ran on one core. */
    double cpu_texts, cpu_patterns, cpu_fonts, cpu_dict, cpu_streams;
} bundle_stats_t;

typedef struct bundle_opts {
    const char *name;     /**< edition name */
    const char *date;     /**< edition date, or NULL for the newest article date */
    int level;            /**< when zopfli is 0: zlib's deflate level 0-9, or zdict's 10-12 (zdict.h) */
    int zopfli;           /**< zopfli iterations (smaller, much slower); 0 = level */
    int dict;             /**< train and use a preset dictionary */
    size_t group_bytes;   /**< text per compressed group of short articles; 1 = one article a stream */
    size_t align;         /**< section alignment in bytes (flash erase blocks); 0 = 4 */
    bundle_stats_t *stats;/**< filled when not NULL */
    const ink_font_data_t *fonts; /**< regular, bold, italic to subset into FONT and KERN; NULL: neither */
    int typeset;          /**< soft hyphens and break marks in the text (typeset.h) */
    unsigned font_flags;  /**< fontsub_subset() flags (FS_KEEP_HINTS) */
    int hyph;             /**< the device finds soft hyphens with patterns (HYPH): 0 never, 1 when that pays, 2 always */
    int no_script_fonts;  /**< 1: no fallback faces for other scripts (scriptfont.h) */
    const char *script_fonts; /**< folders of the fallback faces, ':' between; NULL: the default */
    /** Called, when not NULL, for each article (edition order, from 0)
     * that holds characters no face draws, with them (distinct,
     * ascending); article is SIZE_MAX for the edition's name and sections. */
    void (*on_missing)(void *ctx, size_t article, const char *title, const uint32_t *cps, size_t n);
    void *missing_ctx;
    /** The PICS section (picture.h: pics_section), or NULL: no pictures;
     * the articles' picture blocks must name pictures in it. */
    const uint8_t *pics;
    size_t pics_len;
    int threads;          /**< streams compressed at once; 0 = one a core the machine has online */
    int no_order;         /**< 1: texts stored in reading order (no ORDR); 0: similar texts together (order.h) */
} bundle_opts_t;

/** Defaults: zdict at level 12 on every core, a dictionary, 32 KiB
 * groups of similar texts, typesetting marks, hyphenation patterns, no
 * fonts (the caller loads them), no pictures. */
#define BUNDLE_OPTS_DEFAULT { "inkpress edition", NULL, 12, 0, 1, 32768, 4, NULL, NULL, 1, 0, 1, 0, NULL, NULL, NULL, NULL, 0, 0, 0 }

/** Writes the bundle for arts[0..n) into *out (malloc'd, *len bytes).
 * Articles are grouped by section in the order each section first appears,
 * keeping their order inside a section (their texts are stored in an order
 * of their own unless opts->no_order: ORDR). Deterministic: the same articles and
 * options give the same bytes, whatever the number of threads. Returns 0, or -1 with a reason in *why. */
int bundle_write(const article_t *arts, size_t n, const bundle_opts_t *opts, uint8_t **out, size_t *len,
                 const char **why);

#endif

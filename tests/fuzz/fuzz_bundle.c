/* SPDX-License-Identifier: MIT */
/* fuzz_bundle.c: libFuzzer target for the device side. The input is a
 * bundle; it is opened through the reader app (ink_app_start) with the
 * device's fixed pool (or a small one), and every page of every article is
 * laid out and drawn (ink_app_open_article, ink_app_draw), as preview and
 * the device do.
 *
 * Most mutations break a CRC and stop at the first check, so each input is
 * run twice: as it is, and with every CRC mended (header, every section
 * the reader checks: META to HYPH, FONT and KERN; article texts, title
 * chunks), which lets the fuzzer reach the index checks, inflate, the title
 * chunks, the fonts and the layout behind them.
 *
 * Beside "no crash, no leak", the reader must say why whenever it refuses
 * and only then (ink_bundle_t.why, ink_bundle_inflate_why).
 * tests/fuzz/bundle.dict is its dictionary (mk/fuzz.mk).
 *
 * The fonts come from build/fonts (or $INKPRESS_FONTS), loaded once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ink_bundle.h"
#include "ink_crc32.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_app.h"
#include "ink_profile.h"
#include "sim_io.h"

#define FB_W 800
#define FB_H 600
/* Enough pages to cover any real article without letting one input run
 * for seconds. (render/ink_fb.c is left out of the coverage
 * instrumentation, tests/fuzz/coverage-ignore.txt: its pixel loops were
 * most of the time and none of the interest.) */
#define MAX_PAGES_DRAWN 64

static sim_file_t font_files[INK_FACE_COUNT];
static ink_font_data_t fonts[INK_FACE_COUNT];
static uint8_t poolmem[INK_POOL_BYTES];
static uint8_t fbmem[FB_W / 8 * FB_H];
static ink_app_t app;

static ink_err_t no_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)ctx;
    (void)fb;
    (void)area;
    (void)mode;
    return INK_OK;
}

static const ink_display_ops_t no_display = {no_refresh, NULL};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("INKPRESS_FONTS");
    if (sim_fonts_load(dir && *dir ? dir : "build/fonts", font_files, fonts) != 0) {
        fprintf(stderr, "fuzz_bundle: no fonts (run from the repository, or set INKPRESS_FONTS)\n");
        exit(1);
    }
    return 0;
}

/* The device's pool, or for one input in four (by its last byte, so that a
 * mutation flips it) a pool of 48 KiB, where opening an article or a font
 * runs out of memory part way and the error paths are taken. */
#define SMALL_POOL_BYTES (48u * 1024u)

/* The reader's own words agree with its verdicts. */
static void check_why(const uint8_t *data, size_t size)
{
    static ink_bundle_t b;
    static uint8_t text[INK_ARTICLE_MAX_BYTES];
    ink_err_t err = ink_bundle_open(&b, data, size);
    if ((err != INK_OK) != (b.why[0] != 0)) {
        fprintf(stderr, "fuzz_bundle: open gave %d with why '%s'\n", err, b.why);
        abort();
    }
    if (err)
        return;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    for (uint32_t i = 0; i < b.narticles && i < 256; i++) {
        const char *why;
        err = ink_bundle_inflate_why(&b, i, &pool, text, sizeof text, &why);
        if ((err != INK_OK) != (why[0] != 0)) {
            fprintf(stderr, "fuzz_bundle: article %u gave %d with why '%s'\n", i, err, why);
            abort();
        }
    }
    if (ink_pool_used(&pool) != 0)
        abort();
}

static void run(const uint8_t *data, size_t size)
{
    check_why(data, size);
    ink_pool_t pool;
    ink_fb_t fb;
    ink_hal_t hal = {&no_display, NULL, NULL, NULL};
    size_t pool_bytes = size && (data[size - 1] & 3) == 3 ? SMALL_POOL_BYTES : sizeof poolmem;
    ink_pool_init(&pool, poolmem, pool_bytes);
    ink_fb_init(&fb, fbmem, FB_W, FB_H);
    if (ink_app_start(&app, &hal, &pool, &fb, &ink_profiles[0], data, size, fonts) == INK_OK) {
        for (uint32_t i = 0; i < app.bundle.narticles && i < 256; i++) {
            if (ink_app_open_article(&app, i) != INK_OK)
                continue;
            app.screen = INK_SCREEN_ARTICLE;
            for (int p = 0; p < ink_app_pages(&app) && p < MAX_PAGES_DRAWN; p++) {
                app.page = p;
                ink_app_draw(&app);
            }
        }
        /* The library and the menu too, and a few key presses. */
        app.screen = INK_SCREEN_LIBRARY;
        ink_app_draw(&app);
        static const ink_key_t keys[] = {INK_KEY_NEXT, INK_KEY_SELECT, INK_KEY_NEXT, INK_KEY_PREV, INK_KEY_PREV,
                                         INK_KEY_MENU, INK_KEY_SELECT, INK_KEY_BACK, INK_KEY_BACK};
        for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
            ink_app_key(&app, keys[k]);
    }
    ink_app_stop(&app);
    if (ink_pool_used(&pool) != 0 || ink_pool_check(&pool) != 0) {
        fprintf(stderr, "fuzz_bundle: pool not empty after stop (%zu bytes)\n", ink_pool_used(&pool));
        abort();
    }
}

/* --- mending the CRCs of a copy ---------------------------------------- */

static int inside(uint32_t off, uint32_t len, size_t size)
{
    return off <= size && len <= size - off;
}

/* Inflates src with the dictionary into out[0..cap); returns bytes made. */
static size_t inflate_raw(const uint8_t *src, uint32_t len, const uint8_t *dict, uint32_t dlen, uint8_t *out,
                          size_t cap)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -15) != Z_OK)
        return 0;
    if (dlen)
        inflateSetDictionary(&z, dict, dlen);
    z.next_in = (Bytef *)(uintptr_t)src;
    z.avail_in = len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    inflate(&z, Z_FINISH);
    size_t n = z.total_out;
    inflateEnd(&z);
    return n;
}

static void mend(uint8_t *d, size_t size)
{
    if (size < INK_HDR_SIZE || memcmp(d, INK_MAGIC, INK_MAGIC_LEN) != 0)
        return;
    uint32_t nsect = ink_rd16(d + INK_HDR_OFF_NSECT);
    if (nsect == 0 || nsect > INK_MAX_SECTIONS || INK_HDR_SIZE + nsect * INK_SECT_ENTRY_SIZE > size)
        return;
    enum { NTAGS = 11 };
    uint8_t *ent[NTAGS] = {0};
    static const uint32_t tags[NTAGS] = {INK_TAG_META, INK_TAG_STRS, INK_TAG_SECS, INK_TAG_ARTS,
                                         INK_TAG_GRPS, INK_TAG_TITL, INK_TAG_DICT, INK_TAG_TEXT,
                                         INK_TAG_FONT, INK_TAG_KERN, INK_TAG_HYPH};
    for (uint32_t i = 0; i < nsect; i++) {
        uint8_t *e = d + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        for (int t = 0; t < NTAGS; t++)
            if (ink_rd32(e) == tags[t] && !ent[t] && inside(ink_rd32(e + 4), ink_rd32(e + 8), size))
                ent[t] = e;
    }
#define SOFF(t) ink_rd32(ent[t] + 4)
#define SLEN(t) ink_rd32(ent[t] + 8)
    /* Article and title CRCs from what their streams really inflate to. */
    if (ent[0] && ent[3] && ent[4] && ent[5] && ent[7] && SLEN(0) >= INK_META_SIZE) {
        const uint8_t *m = d + SOFF(0);
        uint32_t narts = ink_rd32(m + 8), ngroups = ink_rd32(m + 16), nchunks = ink_rd32(m + 20);
        /* The dictionary: what DICT's stream (past its length) inflates to. */
        static uint8_t dict[INK_DICT_MAX];
        uint32_t dlen = 0;
        if (ent[6] && SLEN(6) > INK_DICT_HEAD)
            dlen = (uint32_t)inflate_raw(d + SOFF(6) + INK_DICT_HEAD, SLEN(6) - INK_DICT_HEAD, NULL, 0, dict,
                                         sizeof dict);
        const uint8_t *text = d + SOFF(7);
        uint32_t tlen = SLEN(7);
        static uint8_t buf[INK_GROUP_MAX_BYTES + 1];
        if ((uint64_t)narts * INK_ARTS_ENTRY_SIZE <= SLEN(3) && (uint64_t)ngroups * INK_GRPS_ENTRY_SIZE <= SLEN(4)) {
            for (uint32_t g = 0; g < ngroups && g < 4096; g++) {
                const uint8_t *ge = d + SOFF(4) + g * INK_GRPS_ENTRY_SIZE;
                uint32_t first = ink_rd32(ge), end = g + 1 < ngroups ? ink_rd32(ge + INK_GRPS_ENTRY_SIZE) : narts;
                if (!inside(ink_rd32(ge + 4), ink_rd32(ge + 8), tlen) || first >= end || end > narts)
                    continue;
                size_t n = inflate_raw(text + ink_rd32(ge + 4), ink_rd32(ge + 8), dict, dlen, buf, sizeof buf);
                size_t at = 0;
                for (uint32_t a = first; a < end; a++) {
                    uint8_t *ae = d + SOFF(3) + a * INK_ARTS_ENTRY_SIZE;
                    uint32_t al = ink_rd32(ae);
                    if (al > n - at)
                        break;
                    ink_wr32(ae + 4, ink_crc32(0, buf + at, al));
                    at += al;
                }
            }
        }
        if ((uint64_t)nchunks * INK_TITL_ENTRY_SIZE <= SLEN(5)) {
            for (uint32_t c = 0; c < nchunks && c < 4096; c++) {
                uint8_t *ce = d + SOFF(5) + c * INK_TITL_ENTRY_SIZE;
                uint32_t raw = ink_rd32(ce + 8);
                if (!inside(ink_rd32(ce), ink_rd32(ce + 4), tlen) || raw > INK_TITLE_CHUNK_MAX)
                    continue;
                size_t n = inflate_raw(text + ink_rd32(ce), ink_rd32(ce + 4), dict, dlen, buf, raw);
                if (n == raw)
                    ink_wr32(ce + 12, ink_crc32(0, buf, raw));
            }
        }
    }
    for (int t = 0; t < NTAGS; t++)
        if (ent[t])
            ink_wr32(ent[t] + 12, ink_crc32(0, d + SOFF(t), SLEN(t)));
#undef SOFF
#undef SLEN
    uint32_t table_end = INK_HDR_SIZE + nsect * INK_SECT_ENTRY_SIZE;
    ink_wr32(d + INK_HDR_OFF_CRC, 0);
    ink_wr32(d + INK_HDR_OFF_CRC, ink_crc32(0, d, table_end));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run(data, size);
    if (size < INK_HDR_SIZE || size > (1u << 22))
        return 0;
    uint8_t *copy = malloc(size);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    mend(copy, size);
    if (memcmp(copy, data, size) != 0)
        run(copy, size);
    free(copy);
    return 0;
}

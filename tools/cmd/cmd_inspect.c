/* SPDX-License-Identifier: MIT */
/* cmd_inspect.c: inspect and extract, through the device's own bundle
 * reader (firmware/ink_bundle). Both read .ink files and .uf2 files. */
#include "cmd.h"

#include "article.h"
#include "bundle_write.h"
#include "cliopt.h"
#include "hal/ink_hal.h"
#include "ink_bundle.h"
#include "ink_text.h"
#include "ink_crc32.h"
#include "picture.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_app.h"
#include "ink_profile.h"
#include "sim_io.h"
#include "uf2.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A bundle in memory: mapped from an .ink file, or unwrapped from a UF2. */
typedef struct loaded {
    sim_file_t file;
    uint8_t *unwrapped;
    const uint8_t *data;
    size_t len;
    int uf2;
    uint32_t base, family;
} loaded_t;

static void unload(loaded_t *l)
{
    sim_file_close(&l->file);
    free(l->unwrapped);
}

/* Opens path as a bundle; on failure says why and returns the exit status. */
static int load(const char *cmd, const char *path, loaded_t *l, ink_bundle_t *b)
{
    memset(l, 0, sizeof *l);
    if (sim_file_open(&l->file, path) != 0) {
        fprintf(stderr, "inkpress %s: %s: %s\n", cmd, path, strerror(errno));
        return 2;
    }
    l->data = l->file.data;
    l->len = l->file.len;
    if (uf2_is(l->data, l->len)) {
        const char *why;
        if (uf2_unwrap(l->data, l->len, &l->unwrapped, &l->len, &l->base, &l->family, &why) != 0) {
            fprintf(stderr, "inkpress %s: %s: %s\n", cmd, path, why);
            unload(l);
            return 3;
        }
        l->data = l->unwrapped;
        l->uf2 = 1;
    }
    ink_err_t err = ink_bundle_open(b, l->data, l->len);
    if (err) {
        fprintf(stderr, "inkpress %s: %s: %s (%s)\n", cmd, path, ink_err_str(err), b->why);
        unload(l);
        return 3;
    }
    return 0;
}

/* A host pool large enough for any article the device accepts. */
static uint8_t poolmem[INK_ARTICLE_MAX_BYTES + 128 * 1024];

static ink_err_t inflate_article(const ink_bundle_t *b, uint32_t i, uint8_t **text, uint32_t *len, size_t *hw,
                                 const char **why)
{
    /* *text is set on every path: the caller frees it, error or not. */
    *text = NULL;
    *len = 0;
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_article_info_t a;
    *why = "";
    ink_err_t err = ink_bundle_article(b, i, &a);
    if (err)
        return err;
    if (a.text_len > INK_ARTICLE_MAX_BYTES) {
        *why = "ARTS: text_length is more than this reader accepts";
        return INK_ERR_TOO_BIG;
    }
    *text = malloc(a.text_len ? a.text_len : 1);
    if (!*text)
        return INK_ERR_NOMEM;
    err = ink_bundle_inflate_why(b, i, &pool, *text, a.text_len, why);
    if (err) {
        free(*text);
        *text = NULL;
    }
    *len = a.text_len;
    if (hw)
        *hw = ink_pool_high_water(&pool);
    return err;
}

static ink_err_t no_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)ctx;
    (void)fb;
    (void)area;
    (void)mode;
    return INK_OK;
}

static const ink_display_ops_t no_display = {no_refresh, NULL};

/* The device itself on the edition: its fonts loaded (the edition's own, or
 * the port's when it has none), the library drawn, and with all_pages every
 * article laid out and every page drawn at every profile, in the device's
 * pool. Says each problem on stdout; returns how many there were. */
static int device_check(const char *path, const uint8_t *data, size_t len, int all_pages, long *pages, int *nprofiles)
{
    static ink_app_t app;
    static uint8_t devpool[INK_POOL_BYTES];
    sim_file_t ff[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT], *port = NULL;
    ink_bundle_t b;
    ink_font_data_t own[INK_FACE_COUNT];
    /* The port's fonts only for an edition without its own: with them, a
     * damaged face of the edition's would be covered up. */
    if (ink_bundle_open(&b, data, len) == INK_OK && ink_bundle_fonts(&b, own) != INK_OK) {
        if (sim_fonts_load(NULL, ff, fonts) != 0) {
            printf("%s: the edition has no fonts and none were found for the reader\n", path);
            return 1;
        }
        port = fonts;
    }
    int problems = 0;
    for (const ink_profile_t *pr = ink_profiles; pr->name && (all_pages || pr == ink_profiles); pr++) {
        uint8_t *fbmem = calloc(1, ink_fb_bytes(pr->w, pr->h));
        if (!fbmem) {
            printf("%s: out of memory\n", path);
            problems++;
            break;
        }
        ink_fb_t fb;
        ink_fb_init(&fb, fbmem, pr->w, pr->h);
        ++*nprofiles;
        ink_pool_t pool;
        ink_pool_init(&pool, devpool, sizeof devpool);
        ink_hal_t hal = {&no_display, NULL, NULL, NULL};
        ink_err_t err = ink_app_start(&app, &hal, &pool, &fb, pr, data, len, port);
        if (err || app.screen == INK_SCREEN_ERROR) {
            printf("%s: %s (%s): %s\n", path, app.error_where, pr->name, ink_err_str(err ? err : app.error));
            problems++;
        }
        for (uint32_t i = 0; all_pages && !err && i < app.bundle.narticles; i++) {
            ink_err_t e = ink_app_open_article(&app, i);
            if (e) {
                printf("%s: article %u (%s): %s\n", path, i + 1, pr->name, ink_err_str(e));
                problems++;
                continue;
            }
            app.screen = INK_SCREEN_ARTICLE;
            if (app.layout.truncated) {
                printf("%s: article %u (%s): more than %u pages\n", path, i + 1, pr->name, (unsigned)INK_MAX_PAGES);
                problems++;
            }
            unsigned long failed = app.font.failures;
            for (int p = 0; p < app.layout.npages; p++) {
                app.page = p;
                ink_app_draw(&app);
                if (app.screen == INK_SCREEN_ERROR) {
                    printf("%s: article %u page %d (%s): %s\n", path, i + 1, p + 1, pr->name, ink_err_str(app.error));
                    problems++;
                    app.screen = INK_SCREEN_ARTICLE;
                }
                ++*pages;
            }
            if (app.font.failures != failed) {
                printf("%s: article %u (%s): %lu glyphs could not be drawn\n", path, i + 1, pr->name,
                       app.font.failures - failed);
                problems++;
            }
        }
        ink_app_stop(&app);
        if (ink_pool_used(&pool) != 0) {
            printf("%s: %zu bytes of the pool still in use after the reader stopped\n", path, ink_pool_used(&pool));
            problems++;
        }
        free(fbmem);
    }
    if (port)
        sim_fonts_close(ff);
    return problems;
}

static const char *tag_name(uint32_t tag, char out[5])
{
    for (int i = 0; i < 4; i++) {
        char c = (char)(tag >> (8 * i));
        out[i] = (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    out[4] = '\0';
    return out;
}

int cmd_inspect(int argc, char **argv)
{
    int verify = 0, brief = 0;
    const cliopt_t opts[] = {
        {"--verify", NULL, CLIOPT_FLAG, &verify, 1,
         .help = "print only problems and a verdict, after laying out every article and drawing every page at "
                 "every panel profile in the device's pool: 'all checks passed' means the edition opens and "
                 "every page draws"},
        {"--brief", NULL, CLIOPT_FLAG, &brief, 1, .help = "leave out the article table"},
        {0},
    };
    const cliopt_t *const tables[] = {opts, NULL};
    int n = cliopt_parse("inkpress inspect", tables, argc, argv);
    if (n == CLIOPT_HELP) {
        printf("usage: inkpress inspect [--verify] [--brief] EDITION.ink|EDITION.uf2\n"
               "Prints the header, the sections with their sizes and CRCs, and the article\n"
               "table; inflates every article and title chunk and checks its CRC, and starts\n"
               "the device's reader on it (its fonts loaded, the library drawn).\n");
        cliopt_help(stdout, tables);
        printf("Exit status 0 when everything checks, 3 when anything is damaged.\n"
               "example: inkpress inspect --verify build/sample.ink\n");
        return 0;
    }
    if (n == CLIOPT_USAGE)
        return 2;
    if (n > 1) {
        fprintf(stderr, "inkpress inspect: one edition at a time\n");
        return 2;
    }
    if (n == 0) {
        fprintf(stderr, "usage: inkpress inspect [--verify] [--brief] EDITION.ink|EDITION.uf2\n");
        return 2;
    }
    const char *path = argv[1];
    int list = !verify && !brief;
    loaded_t l;
    ink_bundle_t b;
    int rc = load("inspect", path, &l, &b);
    if (rc)
        return rc;
    int damaged = 0;
    FILE *o = verify ? NULL : stdout;
    if (o) {
        printf("%s: inkpress bundle v%u.%u, %u bytes", path, b.major, b.minor, b.size);
        if (l.uf2)
            printf(" (in UF2 at 0x%08x, family 0x%08x)", l.base, l.family);
        printf("\nedition: %s, %s\n", ink_bundle_name(&b), ink_bundle_date(&b) ? ink_bundle_date(&b) : "(no date)");
        printf("\nsection  offset      length   crc32     check\n");
    }
    uint32_t nsect = ink_rd16(l.data + INK_HDR_OFF_NSECT);
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = l.data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        char t[5];
        uint32_t off = ink_rd32(e + 4), len = ink_rd32(e + 8), crc = ink_rd32(e + 12);
        int ok = ink_crc32(0, l.data + off, len) == crc;
        damaged |= !ok;
        if (o)
            printf("%-6s %8u %11u   %08x  %s\n", tag_name(ink_rd32(e), t), off, len, crc, ok ? "ok" : "BAD CRC");
        else if (!ok)
            printf("%s: section %s: checksum mismatch\n", path, tag_name(ink_rd32(e), t));
    }
    if (o) {
        printf("\n%u sections, %u articles in %u streams, %u title chunks, ", b.nsections, b.narticles, b.ngroups,
               b.nchunks);
        if (b.dict_len)
            printf("dictionary %u bytes (deflated to %u)\n", b.dict_len, b.dict.len - INK_DICT_HEAD);
        else
            printf("no dictionary\n");
        if (b.ordr.len) { /* the texts in an order of their own */
            uint32_t moved = 0;
            for (uint32_t i = 0; i < b.narticles; i++) {
                ink_article_info_t a;
                moved += ink_bundle_article(&b, i, &a) == INK_OK && a.stored != i;
            }
            printf("storage order (ORDR): %u of %u articles' texts stored apart from their reading place\n", moved,
                   b.narticles);
        }
    }
    /* The faces: each must open in FreeType, as the reader opens them. */
    ink_font_data_t faces[INK_FONT_MAX_FACES];
    int nfaces;
    if (ink_bundle_faces(&b, faces, &nfaces) == INK_OK) {
        static uint8_t fpoolmem[INK_POOL_BYTES];
        ink_pool_t fpool;
        ink_font_t font;
        ink_pool_init(&fpool, fpoolmem, sizeof fpoolmem);
        ink_err_t ferr = ink_font_open_n(&font, &fpool, faces, nfaces, INK_RENDER_GRAY, 128);
        if (o) {
            printf("fonts: %d faces (regular, bold, italic", nfaces);
            for (int f = INK_FACE_COUNT; f < nfaces && !ferr; f++)
                printf("%s U+%04X-U+%04X", f == INK_FACE_COUNT ? "; other scripts:" : ",", (unsigned)font.lo[f],
                       (unsigned)font.hi[f]);
            printf(")%s\n", ferr ? ", DAMAGED" : "");
        }
        if (ferr) {
            damaged = 1;
            printf("%s: FONT section: the faces do not open: %s\n", path, ink_err_str(ferr));
        } else {
            ink_font_close(&font);
        }
    }
    uint64_t raw = 0;
    size_t worst_hw = 0;
    static ink_titles_t titles = {NULL, -1, NULL, 0};
    ink_pool_t tpool;
    static uint8_t tpoolmem[INK_TITLE_CHUNK_MAX + 64 * 1024];
    ink_pool_init(&tpool, tpoolmem, sizeof tpoolmem);
    titles.chunk = -1;
    titles.buf = NULL;
    for (uint32_t s = 0; s < b.nsections; s++) {
        ink_section_info_t sec;
        ink_bundle_section(&b, s, &sec);
        if (list) {
            char sn[256];
            snprintf(sn, sizeof sn, "%s", sec.name);
            article_unhint(sn, strlen(sn)); /* shaped runs and levels out */
            printf("\n[%s]\n   #  stream     text  check  title\n", sn);
        }
        for (uint32_t i = sec.first; i < sec.first + sec.count; i++) {
            ink_article_info_t a;
            ink_bundle_article(&b, i, &a);
            uint8_t *text = NULL;
            uint32_t len = 0;
            size_t hw = 0;
            const char *why, *twhy;
            ink_err_t err = inflate_article(&b, i, &text, &len, &hw, &why);
            const char *title;
            ink_err_t terr = ink_bundle_title_why(&b, i, &tpool, &titles, &title, &twhy);
            if (hw > worst_hw)
                worst_hw = hw;
            ink_text_head_t th = {0};
            if (!err)
                ink_text_head(text, len, &th);
            damaged |= err != INK_OK || terr != INK_OK;
            raw += a.text_len;
            char tt[INK_TITLE_MAX + 1] = "";
            if (!terr) {
                snprintf(tt, sizeof tt, "%s", title);
                article_unhint(tt, strlen(tt));
            }
            /* the source as text: a shaped one (Bengali, Tamil...) has its
             * glyph records in front of each run */
            char src[INK_TITLE_MAX + 1] = "";
            if (th.source) {
                snprintf(src, sizeof src, "%.*s", (int)th.source_len, th.source);
                article_unhint(src, strlen(src));
            }
            if (list)
                printf("%4u %7u %8u  %-5s  %s%s%s%s%.*s\n", i + 1, a.group + 1, a.text_len, err || terr ? "BAD" : "ok",
                       tt, th.source ? " | " : "", src, th.date ? " | " : "", (int)th.date_len, th.date ? th.date : "");
            if (err)
                printf("%s: article %u: %s (%s)\n", path, i + 1, ink_err_str(err), why);
            if (terr)
                printf("%s: title of article %u: %s (%s)\n", path, i + 1, ink_err_str(terr), twhy);
            free(text);
        }
    }
    ink_bundle_titles_free(&titles);
    if (b.npics) {
        /* every picture inflated and checked, with its stored size */
        static uint8_t ppoolmem[64 * 1024];
        ink_pool_t ppool;
        ink_pool_init(&ppool, ppoolmem, sizeof ppoolmem);
        uint64_t all = 0;
        if (o)
            printf("\n[pictures]\n   #      size    bytes  check\n");
        for (uint32_t i = 0; i < b.npics; i++) {
            int w = 0, h = 0;
            uint32_t bytes = 0;
            ink_bundle_pic(&b, i, &w, &h);
            ink_err_t err = ink_bundle_pic_check(&b, i, &ppool, &bytes);
            all += bytes;
            if (o)
                printf("%4u %5dx%-5d %7u  %s\n", i, w, h, bytes, err ? "BAD" : "ok");
            if (err) {
                damaged = 1;
                printf("%s: picture %u: %s\n", path, i, ink_err_str(err));
            }
        }
        if (o)
            printf("%u pictures, %llu bytes (%.1f KiB a picture)\n", b.npics, (unsigned long long)all,
                   (double)all / 1024.0 / b.npics);
    }
    if (ink_bundle_check_text(&b) != INK_OK) {
        damaged = 1;
        printf("%s: TEXT section: checksum mismatch\n", path);
    }
    long pages = 0;
    int nprofiles = 0;
    clock_t t0 = clock();
    if (device_check(path, l.data, l.len, verify, &pages, &nprofiles))
        damaged = 1;
    if (verify)
        fprintf(stderr, "inkpress inspect: %ld pages drawn at %d profiles in %.1f s\n", pages, nprofiles,
                (double)(clock() - t0) / CLOCKS_PER_SEC);
    if (o)
        printf("\ntext %llu bytes in a %u-byte bundle (%.2f:1); opening an article took at most %zu bytes of pool\n",
               (unsigned long long)raw, b.size, b.size ? (double)raw / (double)b.size : 0.0, worst_hw);
    printf("%s%s\n", verify ? path : "",
           damaged ? (verify ? ": DAMAGED" : "DAMAGED") : (verify ? ": all checks passed" : "all checks passed"));
    unload(&l);
    return damaged ? 3 : 0;
}

/* Writes every picture of b as DIR/picture-NNN.png (8-bit gray). */
static int write_pictures(const ink_bundle_t *b, const char *dir, const char *path)
{
    static uint8_t ppoolmem[64 * 1024];
    ink_pool_t pool;
    ink_pool_init(&pool, ppoolmem, sizeof ppoolmem);
    ink_pic_src_t src;
    ink_bundle_pic_src(b, &src);
    int rc = 0;
    for (uint32_t i = 0; i < b->npics; i++) {
        int w, h;
        void *rd = NULL;
        ink_bundle_pic(b, i, &w, &h);
        picture_t p = {w, h, malloc((size_t)w * h)};
        uint8_t *row = malloc(((size_t)w + 1) / 2);
        ink_err_t err = p.px && row ? src.open(src.ctx, i, &pool, &rd) : INK_ERR_NOMEM;
        for (int y = 0; y < h && !err; y++) {
            err = src.row(src.ctx, rd, row);
            for (int x = 0; x < w && !err; x++)
                p.px[(size_t)y * w + x] = (uint8_t)(17 * (x & 1 ? row[x / 2] & 15 : row[x / 2] >> 4));
        }
        src.close(src.ctx, rd, &pool);
        char out[4096];
        snprintf(out, sizeof out, "%s/picture-%03u.png", dir, i);
        if (err) {
            fprintf(stderr, "inkpress extract: %s: picture %u: %s\n", path, i, ink_err_str(err));
            rc = 3;
        } else if (picture_write_png(out, &p)) {
            fprintf(stderr, "inkpress extract: cannot write %s\n", out);
            rc = 4;
        }
        free(row);
        picture_free(&p);
    }
    return rc;
}

int cmd_extract(int argc, char **argv)
{
    const char *picdir = NULL;
    const cliopt_t opts[] = {
        {"--pictures", "DIR", CLIOPT_STR, &picdir,
         .help = "also write every picture of the edition as DIR/picture-NNN.png (gray, as stored)"},
        {0},
    };
    const cliopt_t *const tables[] = {opts, NULL};
    int n = cliopt_parse("inkpress extract", tables, argc, argv);
    if (n == CLIOPT_HELP) {
        printf("usage: inkpress extract EDITION.ink|EDITION.uf2 [N] [--pictures DIR]\n"
               "Prints the cleaned text of article N (1-based), or of every article, in the\n"
               "form 'inkpress clean' prints (articles separated by a form feed line; a\n"
               "picture as ![caption](picture N) credit).\n");
        cliopt_help(stdout, tables);
        printf("example: inkpress extract build/sample.ink 3\n");
        return 0;
    }
    if (n == CLIOPT_USAGE)
        return 2;
    if (n < 1 || n > 2) {
        fprintf(stderr, "usage: inkpress extract EDITION.ink [N] [--pictures DIR]\n");
        return 2;
    }
    argc = n + 1;
    loaded_t l;
    ink_bundle_t b;
    int rc = load("extract", argv[1], &l, &b);
    if (rc)
        return rc;
    uint32_t first = 0, last = b.narticles;
    if (argc == 3) {
        char *end;
        unsigned long k = strtoul(argv[2], &end, 10);
        if (*end || k < 1 || k > b.narticles) {
            fprintf(stderr, "inkpress extract: no article %s (the edition has 1 to %u)\n", argv[2], b.narticles);
            unload(&l);
            return 2;
        }
        first = (uint32_t)k - 1;
        last = first + 1;
    }
    static uint8_t tpoolmem[INK_TITLE_CHUNK_MAX + 64 * 1024];
    ink_pool_t tpool;
    ink_pool_init(&tpool, tpoolmem, sizeof tpoolmem);
    ink_titles_t titles = {NULL, -1, NULL, 0};
    for (uint32_t i = first; i < last; i++) {
        ink_article_info_t info;
        ink_section_info_t sec;
        ink_bundle_article(&b, i, &info);
        ink_bundle_section(&b, info.section, &sec);
        uint8_t *text = NULL;
        uint32_t len = 0;
        const char *title, *why;
        ink_err_t err = ink_bundle_title_why(&b, i, &tpool, &titles, &title, &why);
        if (!err)
            err = inflate_article(&b, i, &text, &len, NULL, &why);
        if (err) {
            fprintf(stderr, "inkpress extract: %s: article %u: %s (%s)\n", argv[1], i + 1, ink_err_str(err), why);
            rc = 3;
            continue;
        }
        article_t a = {0};
        a.title = article_strndup(title, strlen(title));
        if (a.title)
            article_unhint(a.title, strlen(a.title));
        a.section = article_strndup(sec.name, strlen(sec.name));
        if (a.section) /* the text form: hints out of section names too */
            article_unhint(a.section, strlen(a.section));
        if (article_decode_text(&a, text, len) == 0) {
            if (i != first)
                fputs("\f\n", stdout);
            article_print(stdout, &a);
        }
        article_free(&a);
        free(text);
    }
    ink_bundle_titles_free(&titles);
    if (picdir) {
        int pr = write_pictures(&b, picdir, argv[1]);
        if (pr > rc)
            rc = pr;
    }
    unload(&l);
    if (fflush(stdout) != 0)
        return 4;
    return rc;
}

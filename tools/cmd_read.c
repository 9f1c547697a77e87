/* SPDX-License-Identifier: MIT */
/* cmd_read.c: inspect, extract and preview, all through the device's own
 * bundle reader (firmware/ink_bundle) and renderer. */
#include "cmd.h"

#include "article.h"
#include "hal/ink_hal.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_format.h"
#include "ink_nav.h"
#include "sim_io.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *tag_name(uint32_t tag, char out[5])
{
    for (int i = 0; i < 4; i++) {
        char c = (char)(tag >> (8 * i));
        out[i] = (c >= 0x20 && c < 0x7F) ? c : '?';
    }
    out[4] = '\0';
    return out;
}

/* Opens path as a bundle; on failure says why and returns the exit status. */
static int open_bundle(const char *cmd, const char *path, sim_file_t *f, ink_bundle_t *b)
{
    if (sim_file_open(f, path) != 0) {
        fprintf(stderr, "inkpress %s: %s: %s\n", cmd, path, strerror(errno));
        return 2;
    }
    ink_err_t err = ink_bundle_open(b, f->data, f->len);
    if (err) {
        fprintf(stderr, "inkpress %s: %s: %s\n", cmd, path, ink_err_str(err));
        sim_file_close(f);
        return 3;
    }
    return 0;
}

/* Inflates article i with a host pool big enough for any article. */
static ink_err_t inflate_article(const ink_bundle_t *b, uint32_t i, uint8_t **text, uint32_t *len)
{
    static uint8_t poolmem[64 * 1024];
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);
    ink_article_info_t a;
    ink_err_t err = ink_bundle_article(b, i, &a);
    if (err)
        return err;
    if (a.text_len > INK_ARTICLE_MAX_BYTES)
        return INK_ERR_TOO_BIG;
    *text = malloc(a.text_len ? a.text_len : 1);
    if (!*text)
        return INK_ERR_NOMEM;
    err = ink_bundle_inflate(b, i, &pool, *text, a.text_len);
    if (err) {
        free(*text);
        *text = NULL;
    }
    *len = a.text_len;
    return err;
}

int cmd_inspect(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
            printf("usage: inkpress inspect EDITION.ink\n"
                   "Prints the header, the sections, the article table with sizes, and checks\n"
                   "every CRC and every article's text. Exit status 3 when anything is damaged.\n"
                   "example: inkpress inspect build/sample.ink\n");
            return 0;
        }
        fprintf(stderr, "usage: inkpress inspect EDITION.ink\n");
        return 2;
    }
    sim_file_t f;
    ink_bundle_t b;
    int rc = open_bundle("inspect", argv[1], &f, &b);
    if (rc)
        return rc;
    int damaged = 0;
    printf("%s: inkpress bundle v%u.%u, %u bytes (file %zu)\n", argv[1], b.major, b.minor, b.size, f.len);
    printf("edition: %s, %s\n", ink_bundle_name(&b), ink_bundle_date(&b) ? ink_bundle_date(&b) : "(no date)");
    uint32_t nsect = ink_rd16(f.data + INK_HDR_OFF_NSECT);
    printf("\nsection  offset      length   crc32     check\n");
    for (uint32_t i = 0; i < nsect; i++) {
        const uint8_t *e = f.data + INK_HDR_SIZE + i * INK_SECT_ENTRY_SIZE;
        char t[5];
        uint32_t off = ink_rd32(e + 4), len = ink_rd32(e + 8), crc = ink_rd32(e + 12);
        int ok = ink_crc32(0, f.data + off, len) == crc;
        damaged |= !ok;
        printf("%-6s %8u %11u   %08x  %s\n", tag_name(ink_rd32(e), t), off, len, crc, ok ? "ok" : "BAD CRC");
    }
    printf("\n%u sections, %u articles\n", b.nsections, b.narticles);
    uint64_t raw = 0, comp = 0;
    for (uint32_t s = 0; s < b.nsections; s++) {
        ink_section_info_t sec;
        ink_bundle_section(&b, s, &sec);
        printf("\n[%s]\n", sec.name);
        printf("   #   deflate     text  check  title\n");
        for (uint32_t i = sec.first; i < sec.first + sec.count; i++) {
            ink_article_info_t a;
            ink_bundle_article(&b, i, &a);
            uint8_t *text;
            uint32_t len;
            ink_err_t err = inflate_article(&b, i, &text, &len);
            if (!err)
                free(text);
            damaged |= err != INK_OK;
            raw += a.text_len;
            comp += a.data_len;
            printf("%4u %9u %8u  %-5s  %s%s%s%s%s\n", i + 1, a.data_len, a.text_len, err ? "BAD" : "ok", a.title,
                   a.source ? " | " : "", a.source ? a.source : "", a.date ? " | " : "", a.date ? a.date : "");
            if (err)
                printf("          %s\n", ink_err_str(err));
        }
    }
    printf("\ntext %llu bytes, deflated %llu bytes (%.2f:1); bundle %u bytes\n", (unsigned long long)raw,
           (unsigned long long)comp, comp ? (double)raw / (double)comp : 0.0, b.size);
    printf("%s\n", damaged ? "DAMAGED" : "all checks passed");
    sim_file_close(&f);
    return damaged ? 3 : 0;
}

int cmd_extract(int argc, char **argv)
{
    if (argc < 2 || argc > 3 || argv[1][0] == '-') {
        if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
            printf("usage: inkpress extract EDITION.ink [N]\n"
                   "Prints the cleaned text of article N (1-based), or of every article, in the\n"
                   "form 'inkpress clean' prints (articles separated by a form feed line).\n"
                   "example: inkpress extract build/sample.ink 3\n");
            return 0;
        }
        fprintf(stderr, "usage: inkpress extract EDITION.ink [N]\n");
        return 2;
    }
    sim_file_t f;
    ink_bundle_t b;
    int rc = open_bundle("extract", argv[1], &f, &b);
    if (rc)
        return rc;
    uint32_t first = 0, last = b.narticles;
    if (argc == 3) {
        char *end;
        unsigned long n = strtoul(argv[2], &end, 10);
        if (*end || n < 1 || n > b.narticles) {
            fprintf(stderr, "inkpress extract: no article %s (the edition has 1 to %u)\n", argv[2], b.narticles);
            sim_file_close(&f);
            return 2;
        }
        first = (uint32_t)n - 1;
        last = first + 1;
    }
    for (uint32_t i = first; i < last; i++) {
        ink_article_info_t info;
        ink_section_info_t sec;
        ink_bundle_article(&b, i, &info);
        ink_bundle_section(&b, info.section, &sec);
        uint8_t *text;
        uint32_t len;
        ink_err_t err = inflate_article(&b, i, &text, &len);
        if (err) {
            fprintf(stderr, "inkpress extract: %s: article %u: %s\n", argv[1], i + 1, ink_err_str(err));
            rc = 3;
            continue;
        }
        article_t a = { 0 };
        a.title = art_strndup(info.title, strlen(info.title));
        a.date = info.date ? art_strndup(info.date, strlen(info.date)) : NULL;
        a.section = art_strndup(sec.name, strlen(sec.name));
        a.source = info.source ? art_strndup(info.source, strlen(info.source)) : NULL;
        a.byline = info.byline ? art_strndup(info.byline, strlen(info.byline)) : NULL;
        if (article_decode_body(&a, text, len) == 0) {
            if (i != first)
                fputs("\f\n", stdout);
            article_print(stdout, &a);
        }
        article_free(&a);
        free(text);
    }
    sim_file_close(&f);
    if (fflush(stdout) != 0)
        return 4;
    return rc;
}

/* Preview's display: nothing to refresh, the command writes what it draws. */
static ink_err_t null_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)ctx;
    (void)fb;
    (void)area;
    (void)mode;
    return INK_OK;
}

static const ink_display_ops_t null_display = { null_refresh, NULL };

int cmd_preview(int argc, char **argv)
{
    const char *bundle_path = NULL, *out = NULL, *fonts_dir = NULL, *profile_name = ink_profiles[0].name;
    int size = -1, only_article = 0, only_page = 0, render = -1, threshold = -1, dry = 0;
    unsigned long pool_bytes = INK_POOL_BYTES;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = !strcmp(a, "-o") || !strcmp(a, "--profile") || !strcmp(a, "-p") || !strcmp(a, "--fonts") ||
                    !strcmp(a, "--size") || !strcmp(a, "--article") || !strcmp(a, "--page") ||
                    !strcmp(a, "--pool-bytes") || !strcmp(a, "--render") || !strcmp(a, "--threshold");
        if (!strcmp(a, "--dry-run")) {
            dry = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            printf("usage: inkpress preview EDITION.ink -o DIR [options]\n"
                   "Writes the library screen and every page of every article as 1-bit PNGs\n"
                   "(DIR/library.png, DIR/NNN-PPP.png), laid out by the device code itself.\n"
                   "  -p, --profile NAME  panel (default %s; see 'inkpress profiles')\n"
                   "  --size N            text size 0 (small), 1 (medium), 2 (large)\n"
                   "  --article N         only article N (1-based)\n"
                   "  --page P            only page P (1-based) of that article\n"
                   "  --fonts DIR         regular.ttf, bold.ttf, italic.ttf (default: beside the program)\n"
                   "  --pool-bytes N      device pool size (default %u)\n"
                   "  --render MODE       glyphs: mono (hinted, 1-bit) or gray (unhinted, thresholded)\n"
                   "  --threshold N       coverage 1-255 at which a gray pixel becomes ink\n"
                   "  --dry-run           render every page but write no PNG (for timing)\n"
                   "example: inkpress preview build/sample.ink -o build/preview --profile kobo-clara\n",
                   ink_profiles[0].name, (unsigned)INK_POOL_BYTES);
            return 0;
        }
        if (takes && !v) {
            fprintf(stderr, "inkpress preview: %s needs a value\n", a);
            return 2;
        }
        if (!strcmp(a, "-o")) out = v;
        else if (!strcmp(a, "-p") || !strcmp(a, "--profile")) profile_name = v;
        else if (!strcmp(a, "--fonts")) fonts_dir = v;
        else if (!strcmp(a, "--size")) size = atoi(v);
        else if (!strcmp(a, "--article")) only_article = atoi(v);
        else if (!strcmp(a, "--page")) only_page = atoi(v);
        else if (!strcmp(a, "--pool-bytes")) pool_bytes = strtoul(v, NULL, 10);
        else if (!strcmp(a, "--threshold")) threshold = atoi(v);
        else if (!strcmp(a, "--render")) {
            render = !strcmp(v, "mono") ? INK_RENDER_MONO : !strcmp(v, "gray") ? INK_RENDER_GRAY : -2;
            if (render == -2) {
                fprintf(stderr, "inkpress preview: --render takes mono or gray\n");
                return 2;
            }
        }
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "inkpress preview: unknown option %s\n", a);
            return 2;
        } else if (!bundle_path) {
            bundle_path = a;
            continue;
        } else {
            fprintf(stderr, "inkpress preview: one edition at a time\n");
            return 2;
        }
        i++;
    }
    if (!bundle_path || !out) {
        fprintf(stderr, "usage: inkpress preview EDITION.ink -o DIR [options]\n");
        return 2;
    }
    const ink_profile_t *found = ink_profile_find(profile_name);
    if (!found) {
        fprintf(stderr, "inkpress preview: no profile called '%s'\n", profile_name);
        return 2;
    }
    ink_profile_t custom = *found;
    if (render >= 0)
        custom.render_mode = (unsigned char)render;
    if (threshold > 0 && threshold < 256)
        custom.threshold = (unsigned char)threshold;
    const ink_profile_t *profile = &custom;
    if (pool_bytes < 4096) {
        fprintf(stderr, "inkpress preview: --pool-bytes wants at least 4096\n");
        return 2;
    }
    if (size >= INK_SIZE_COUNT) {
        fprintf(stderr, "inkpress preview: --size takes 0 to %d\n", INK_SIZE_COUNT - 1);
        return 2;
    }
    sim_file_t bf;
    if (sim_file_open(&bf, bundle_path) != 0) {
        fprintf(stderr, "inkpress preview: %s: %s\n", bundle_path, strerror(errno));
        return 2;
    }
    sim_file_t ff[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (sim_fonts_load(fonts_dir, ff, fonts) != 0) {
        sim_file_close(&bf);
        return 2;
    }
    if (sim_mkdirs(out) != 0) {
        fprintf(stderr, "inkpress preview: cannot create %s: %s\n", out, strerror(errno));
        return 4;
    }
    int rc = 0, pages = 0;
    uint8_t *fbmem = malloc(ink_fb_bytes(profile->w, profile->h));
    void *poolmem = malloc(pool_bytes);
    static ink_app_t app;
    ink_fb_t fb;
    ink_pool_t pool;
    ink_hal_t hal = { &null_display, NULL, NULL, NULL };
    char path[PATH_MAX];
    const char *why;
    if (!fbmem || !poolmem) {
        fprintf(stderr, "inkpress preview: out of memory\n");
        rc = 1;
        goto out;
    }
    ink_fb_init(&fb, fbmem, profile->w, profile->h);
    ink_pool_init(&pool, poolmem, pool_bytes);
    clock_t t0 = clock();
    ink_err_t err = ink_app_start(&app, &hal, &pool, &fb, profile, bf.data, bf.len, fonts);
    if (err) {
        fprintf(stderr, "inkpress preview: %s: %s %s\n", bundle_path, app.error_where, ink_err_str(err));
        rc = 3;
        goto stop;
    }
    if (size >= 0)
        app.state.size = (uint8_t)size;
    if (!only_article && !dry) {
        ink_app_draw(&app);
        snprintf(path, sizeof path, "%s/library.png", out);
        if (sim_png_write(path, &fb, &why) != 0) {
            fprintf(stderr, "inkpress preview: %s: %s\n", path, why);
            rc = 4;
            goto stop;
        }
    }
    for (uint32_t i = 0; i < app.bundle.narticles; i++) {
        if (only_article && i + 1 != (uint32_t)only_article)
            continue;
        err = ink_app_open_article(&app, i);
        if (err) {
            fprintf(stderr, "inkpress preview: %s: article %u: %s\n", bundle_path, i + 1, ink_err_str(err));
            rc = 3;
            continue;
        }
        app.screen = INK_SCREEN_ARTICLE;
        for (int p = 0; p < app.layout.npages; p++) {
            if (only_page && p + 1 != only_page)
                continue;
            app.page = p;
            ink_app_draw(&app);
            if (app.screen == INK_SCREEN_ERROR) {
                fprintf(stderr, "inkpress preview: article %u page %d: %s\n", i + 1, p + 1, ink_err_str(app.error));
                rc = 3;
                app.screen = INK_SCREEN_ARTICLE;
                continue;
            }
            snprintf(path, sizeof path, "%s/%03u-%03d.png", out, i + 1, p + 1);
            if (!dry && sim_png_write(path, &fb, &why) != 0) {
                fprintf(stderr, "inkpress preview: %s: %s\n", path, why);
                rc = 4;
                goto stop;
            }
            pages++;
        }
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    printf("%d pages of %u articles %s %s (%s, %dx%d @%d dpi) in %.2f s, %.0f pages/s; pool high-water %zu of %lu bytes\n",
           pages, only_article ? 1u : app.bundle.narticles, dry ? "rendered, not written, for" : "in", out,
           profile->name, profile->w, profile->h, profile->dpi, secs, secs > 0 ? pages / secs : 0.0,
           ink_pool_high_water(&pool), pool_bytes);
stop:
    ink_app_stop(&app);
out:
    free(fbmem);
    free(poolmem);
    sim_fonts_close(ff);
    sim_file_close(&bf);
    return rc;
}

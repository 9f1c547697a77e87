/* SPDX-License-Identifier: MIT */
/* cmd_preview.c: preview, every page as PNG through the device code
 * (firmware/ink_nav and render/). */
#include "cmd.h"

#include "hal/ink_hal.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_nav.h"
#include "sim_io.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

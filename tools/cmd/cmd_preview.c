/* SPDX-License-Identifier: MIT */
/* cmd_preview.c: preview, every page as PNG through the device code
 * (firmware/ink_app and render/), and contact sheets: many pages shrunk
 * onto one grayscale PNG, each with its page number. */
#include "cmd.h"

#include "cliopt.h"
#include "hal/ink_hal.h"
#include "ink_bundle.h"
#include "ink_conf.h"
#include "ink_app.h"
#include "progress.h"
#include "sim_io.h"
#include "textnorm.h"

#include <errno.h>
#include <limits.h>
#include <png.h>
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

static const ink_display_ops_t null_display = {null_refresh, NULL};

/* --- contact sheets --------------------------------------------------------
 * Pages are shrunk by a whole factor, each output pixel the share of paper
 * in its square of panel pixels (0 ink .. 255 paper), and set in a grid with
 * a label under each; the labels and the title are set with the edition's
 * own fonts, straight at the sheet's resolution. */

#define SHEET_MARGIN 20
#define SHEET_GAP 18
#define SHEET_LABEL_PX 16
#define SHEET_TITLE_PX 18
#define SHEET_LABEL_H 26
#define SHEET_TITLE_H 40

typedef struct thumb {
    uint8_t *gray; /* tw * th */
    char label[64];
} thumb_t;

typedef struct sheet {
    int scale, tw, th, cols;
    thumb_t *v;
    size_t n, cap;
} sheet_t;

static int sheet_add(sheet_t *sh, const ink_fb_t *fb, const char *label)
{
    if (sh->n == sh->cap) {
        size_t cap = sh->cap ? sh->cap * 2 : 16;
        thumb_t *v = realloc(sh->v, cap * sizeof *v);
        if (!v)
            return -1;
        sh->v = v;
        sh->cap = cap;
    }
    thumb_t *t = &sh->v[sh->n];
    t->gray = malloc((size_t)sh->tw * (size_t)sh->th);
    if (!t->gray)
        return -1;
    snprintf(t->label, sizeof t->label, "%s", label);
    int s = sh->scale, area = s * s;
    for (int ty = 0; ty < sh->th; ty++)
        for (int tx = 0; tx < sh->tw; tx++) {
            int ink = 0;
            for (int y = ty * s; y < ty * s + s; y++)
                for (int x = tx * s; x < tx * s + s; x++)
                    ink += ink_fb_get(fb, x, y);
            t->gray[(size_t)ty * (size_t)sh->tw + (size_t)tx] = (uint8_t)(255 - (255 * ink + area / 2) / area);
        }
    sh->n++;
    return 0;
}

static void sheet_free(sheet_t *sh)
{
    for (size_t i = 0; i < sh->n; i++)
        free(sh->v[i].gray);
    free(sh->v);
    memset(sh, 0, sizeof *sh);
}

/* Width of text in face at px, in whole pixels. */
static int text_width(ink_font_t *f, ink_face_id_t face, int px, const char *text)
{
    int32_t pen = 0;
    size_t len = strlen(text), n;
    for (size_t i = 0; i < len; i += n) {
        const ink_glyph_t *g = ink_font_glyph(f, face, px, ink_utf8_next((const uint8_t *)text + i, len - i, &n));
        if (g)
            pen += g->adv;
    }
    return (int)((pen + 32) >> 6);
}

/* Cuts text (a buffer of size bytes) at a character so that it and an
 * ellipsis fit in max_w pixels. */
static void text_fit(ink_font_t *f, ink_face_id_t face, int px, char *text, size_t size, int max_w)
{
    size_t len = strlen(text);
    if (text_width(f, face, px, text) <= max_w)
        return;
    while (len > 0) {
        do /* back over UTF-8 continuation bytes */
            len--;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
        if (len + 4 <= size) {
            memcpy(text + len, "\xe2\x80\xa6", 4); /* U+2026 and the NUL */
            if (text_width(f, face, px, text) <= max_w)
                return;
        }
    }
}

/* Sets text in ink on the gray image img (w x h) with its baseline at y,
 * starting at x, stopping before max_x. */
static void text_draw(ink_font_t *f, ink_face_id_t face, int px, const char *text, uint8_t *img, int w, int h, int x,
                      int y, int max_x)
{
    int32_t pen = x * 64;
    size_t len = strlen(text), n;
    for (size_t i = 0; i < len; i += n) {
        const ink_glyph_t *g = ink_font_glyph(f, face, px, ink_utf8_next((const uint8_t *)text + i, len - i, &n));
        if (!g)
            continue;
        int gx = (int)((pen + 32) >> 6) + g->left, gy = y - g->top;
        if (gx + g->w > max_x)
            break;
        for (int r = 0; r < g->h && g->bits; r++)
            for (int c = 0; c < g->w; c++)
                if ((g->bits[(size_t)r * g->pitch + (size_t)(c >> 3)] & (0x80u >> (c & 7))) && gx + c >= 0 &&
                    gx + c < w && gy + r >= 0 && gy + r < h)
                    img[(size_t)(gy + r) * (size_t)w + (size_t)(gx + c)] = 0;
        pen += g->adv;
    }
}

/* Lays the thumbnails out in rows of sh->cols under a title line and writes
 * the sheet as an 8-bit grayscale PNG to path ("-": standard output). */
static int sheet_write(const sheet_t *sh, ink_font_t *font, const char *title, const char *path, const char **why)
{
    int cols = (int)sh->n < sh->cols ? (int)sh->n : sh->cols;
    int rows = (int)((sh->n + (size_t)sh->cols - 1) / (size_t)sh->cols);
    if (cols < 1)
        cols = 1;
    int w = 2 * SHEET_MARGIN + cols * sh->tw + (cols - 1) * SHEET_GAP;
    int h = SHEET_MARGIN + SHEET_TITLE_H + rows * (sh->th + SHEET_LABEL_H) + (rows > 0 ? rows - 1 : 0) * SHEET_GAP +
            SHEET_MARGIN;
    uint8_t *img = malloc((size_t)w * (size_t)h);
    if (!img) {
        *why = "out of memory";
        return -1;
    }
    memset(img, 255, (size_t)w * (size_t)h);
    char head[256];
    snprintf(head, sizeof head, "%s", title);
    text_fit(font, INK_FACE_BOLD, SHEET_TITLE_PX, head, sizeof head, w - 2 * SHEET_MARGIN);
    text_draw(font, INK_FACE_BOLD, SHEET_TITLE_PX, head, img, w, h, SHEET_MARGIN, SHEET_MARGIN + SHEET_TITLE_PX,
              w - SHEET_MARGIN);
    for (size_t i = 0; i < sh->n; i++) {
        int x0 = SHEET_MARGIN + (int)(i % (size_t)sh->cols) * (sh->tw + SHEET_GAP);
        int y0 = SHEET_MARGIN + SHEET_TITLE_H + (int)(i / (size_t)sh->cols) * (sh->th + SHEET_LABEL_H + SHEET_GAP);
        for (int y = 0; y < sh->th; y++)
            memcpy(img + (size_t)(y0 + y) * (size_t)w + (size_t)x0, sh->v[i].gray + (size_t)y * (size_t)sh->tw,
                   (size_t)sh->tw);
        /* A hairline round each page: white pages on white paper. */
        for (int x = x0 - 1; x <= x0 + sh->tw; x++) {
            img[(size_t)(y0 - 1) * (size_t)w + (size_t)x] = 150;
            img[(size_t)(y0 + sh->th) * (size_t)w + (size_t)x] = 150;
        }
        for (int y = y0 - 1; y <= y0 + sh->th; y++) {
            img[(size_t)y * (size_t)w + (size_t)(x0 - 1)] = 150;
            img[(size_t)y * (size_t)w + (size_t)(x0 + sh->tw)] = 150;
        }
        int lw = text_width(font, INK_FACE_REGULAR, SHEET_LABEL_PX, sh->v[i].label);
        int lx = x0 + (sh->tw > lw ? (sh->tw - lw) / 2 : 0);
        text_draw(font, INK_FACE_REGULAR, SHEET_LABEL_PX, sh->v[i].label, img, w, h, lx,
                  y0 + sh->th + SHEET_LABEL_H - 6, x0 + sh->tw);
    }
    png_image pi;
    memset(&pi, 0, sizeof pi);
    pi.version = PNG_IMAGE_VERSION;
    pi.width = (png_uint_32)w;
    pi.height = (png_uint_32)h;
    pi.format = PNG_FORMAT_GRAY;
    int ok;
    errno = 0;
    if (!strcmp(path, "-"))
        ok = png_image_write_to_stdio(&pi, stdout, 0, img, 0, NULL) && fflush(stdout) == 0;
    else
        ok = png_image_write_to_file(&pi, path, 0, img, 0, NULL);
    free(img);
    if (!ok) {
        *why = errno ? strerror(errno) : "libpng could not write it";
        png_image_free(&pi);
        return -1;
    }
    return 0;
}

/* The bundle from standard input: read into memory, as sim_file_t owns it.
 * Returns 0, or -1 with the reason in *why. */
static int read_stdin(sim_file_t *f, const char **why)
{
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, stdin);
        n += r;
        if (r == 0)
            break;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
    }
    if (!buf || ferror(stdin) || (n == cap)) {
        free(buf);
        *why = ferror(stdin) ? strerror(EIO) : "out of memory";
        return -1;
    }
    f->data = buf;
    f->len = n;
    f->mapped = 0;
    return 0;
}

/* What the command line asks for (preview_args), then done (preview_run). */
typedef struct preview_args {
    const char *bundle, *out, *fonts_dir, *profile, *sheet;
    int size, article, page, render, threshold, dry, stats, breaker, columns, thumb_w;
    size_t pool_bytes;
} preview_args_t;

/* Reads the command line into *a. Returns -1 to go on, else the exit status. */
static int preview_args(preview_args_t *a, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->profile = ink_profiles[0].name;
    a->size = -1;
    a->render = -1;
    a->breaker = INK_BREAK_TOTAL_FIT;
    a->columns = 4;
    a->thumb_w = 200;
    a->pool_bytes = INK_POOL_BYTES;
    char profile_help[96], pool_help[64], size_bad[64];
    snprintf(profile_help, sizeof profile_help, "panel (default %s; see 'inkpress profiles')", ink_profiles[0].name);
    snprintf(pool_help, sizeof pool_help, "device pool size (default %u)", (unsigned)INK_POOL_BYTES);
    snprintf(size_bad, sizeof size_bad, "--size takes 0 to %d", INK_SIZE_COUNT - 1);
    const cliopt_t opts[] = {
        {"-o", "DIR", CLIOPT_STR, &a->out, .help = "where the page PNGs go (none without it, with --sheet)"},
        {"-p|--profile", "NAME", CLIOPT_STR, &a->profile, .help = profile_help},
        {"--size", "N", CLIOPT_INT, &a->size, 0, INK_SIZE_COUNT - 1, .bad = size_bad,
         .help = "text size 0 (small), 1 (medium), 2 (large)"},
        {"--article", "N", CLIOPT_INT, &a->article, 1, INT_MAX, .bad = "--article takes an article's number, from 1",
         .help = "only article N (1-based)"},
        {"--page", "P", CLIOPT_INT, &a->page, 1, INT_MAX, .bad = "--page takes a page's number, from 1",
         .help = "only page P (1-based) of that article"},
        {"--stats", NULL, CLIOPT_FLAG, &a->stats, 1,
         .help = "typesetting figures over every page: lines, hyphenated lines and runs, loose lines (spaces "
                 "over 1.5x and 2x the font's), overfull lines, widows and orphans, straight quotes left in the "
                 "text; with no -o nothing is written"},
        {"--greedy", NULL, CLIOPT_FLAG, &a->breaker, INK_BREAK_GREEDY,
         .help = "break lines first-fit instead of total-fit, to compare"},
        {"--fonts", "DIR", CLIOPT_STR, &a->fonts_dir,
         .help = "regular.ttf, bold.ttf, italic.ttf (default: beside the program)"},
        {"--pool-bytes", "N", CLIOPT_SIZE, &a->pool_bytes, 4096, 4294967295.0,
         .bad = "--pool-bytes wants at least 4096", .help = pool_help},
        {"--render", "MODE", CLIOPT_CHOICE, &a->render, .choices = "mono|gray",
         .help = "glyphs: mono (hinted, 1-bit) or gray (unhinted, thresholded)"},
        {"--threshold", "N", CLIOPT_INT, &a->threshold, 1, 255,
         .help = "coverage 1-255 at which a gray pixel becomes ink"},
        {"--dry-run", NULL, CLIOPT_FLAG, &a->dry, 1, .help = "render every page but write no PNG (for timing)"},
        {"--sheet", "FILE", CLIOPT_STR, &a->sheet, .help = "write a contact sheet to FILE (- for standard output)"},
        {"--columns", "N", CLIOPT_INT, &a->columns, 1, 64, .help = "pages across the sheet (default 4)"},
        {"--thumb-width", "PX", CLIOPT_INT, &a->thumb_w, 16, 100000,
         .help = "about how wide a page is on the sheet (default 200)"},
        {"-q|--quiet", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_QUIET, .help = "no summary line"},
        {"-v|--verbose", NULL, CLIOPT_FLAG, &progress_level, PROGRESS_VERBOSE, .help = "the same as without it"},
        {0},
    };
    const cliopt_t *const tables[] = {opts, NULL};
    int n = cliopt_parse("inkpress preview", tables, argc, argv);
    if (n == CLIOPT_HELP) {
        printf("usage: inkpress preview EDITION.ink -o DIR [options]\n"
               "       inkpress preview EDITION.ink --sheet SHEET.png [--article N] [options]\n"
               "Writes the library screen and every page of every article as 1-bit PNGs\n"
               "(DIR/library.png, DIR/NNN-PPP.png), laid out by the device code itself,\n"
               "and with --sheet a contact sheet: the first page of every article, or with\n"
               "--article every page of that article, shrunk onto one grayscale PNG in a\n"
               "grid with page numbers. EDITION.ink may be - (standard input).\n");
        cliopt_help(stdout, tables);
        printf("examples: inkpress preview build/sample.ink -o build/preview --profile kobo-clara\n"
               "          inkpress preview build/sample.ink --sheet sheet.png\n"
               "          inkpress preview build/sample.ink --article 7 --sheet - | display\n");
        return 0;
    }
    if (n == CLIOPT_USAGE)
        return 2;
    if (n > 1) {
        fprintf(stderr, "inkpress preview: one edition at a time\n");
        return 2;
    }
    a->bundle = n ? argv[1] : NULL;
    if (a->render >= 0) /* the index in "mono|gray" */
        a->render = a->render == 0 ? INK_RENDER_MONO : INK_RENDER_GRAY;
    if (!a->bundle || (!a->out && !a->sheet && !a->stats && !a->dry)) {
        fprintf(stderr,
                "usage: inkpress preview EDITION.ink -o DIR [options]  (or --sheet FILE, --stats, --dry-run)\n");
        return 2;
    }
    if (a->page && !a->article) {
        fprintf(stderr, "inkpress preview: --page P goes with --article N (both from 1)\n");
        return 2;
    }
    return -1;
}

/* Every page drawn by the device code, written as asked. */
static int preview_run(const preview_args_t *a)
{
    const char *bundle_path = a->bundle, *out = a->out, *sheet_path = a->sheet;
    int size = a->size, only_article = a->article, only_page = a->page, dry = a->dry, stats = a->stats;
    int breaker = a->breaker;
    size_t pool_bytes = a->pool_bytes;
    ink_layout_stats_t st;
    memset(&st, 0, sizeof st);
    /* straight quotes on the pages: in prose, and in addresses and code */
    size_t quotes = 0, quotes_code = 0, quotes_arts = 0;
    uint32_t quotes_first = 0;
    const ink_profile_t *found = ink_profile_find(a->profile);
    if (!found) {
        fprintf(stderr, "inkpress preview: no profile called '%s'\n", a->profile);
        return 2;
    }
    ink_profile_t custom = *found;
    if (a->render >= 0)
        custom.render_mode = (unsigned char)a->render;
    if (a->threshold)
        custom.threshold = (unsigned char)a->threshold;
    const ink_profile_t *profile = &custom;
    sim_file_t bf;
    const char *why = NULL;
    if (!strcmp(bundle_path, "-") ? read_stdin(&bf, &why) != 0 : sim_file_open(&bf, bundle_path) != 0) {
        fprintf(stderr, "inkpress preview: %s: %s\n", bundle_path, why ? why : strerror(errno));
        return 2;
    }
    sim_file_t ff[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (sim_fonts_load(a->fonts_dir, ff, fonts) != 0) {
        sim_file_close(&bf);
        return 2;
    }
    if (out && sim_mkdirs(out) != 0) {
        fprintf(stderr, "inkpress preview: cannot create %s: %s\n", out, strerror(errno));
        sim_fonts_close(ff);
        sim_file_close(&bf);
        return 4;
    }
    /* The sheet shrinks pages by a whole factor to about thumb_w wide. */
    sheet_t sheet = {0};
    sheet.scale = (profile->w + a->thumb_w / 2) / a->thumb_w;
    if (sheet.scale < 1)
        sheet.scale = 1;
    sheet.tw = profile->w / sheet.scale;
    sheet.th = profile->h / sheet.scale;
    sheet.cols = a->columns;
    int rc = 0, pages = 0;
    uint8_t *fbmem = malloc(ink_fb_bytes(profile->w, profile->h));
    void *poolmem = malloc(pool_bytes);
    static ink_app_t app;
    ink_fb_t fb;
    ink_pool_t pool;
    ink_hal_t hal = {&null_display, NULL, NULL, NULL};
    char path[PATH_MAX];
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
    app.breaker = breaker;
    if (stats && !out && !sheet_path)
        dry = 1;
    if (only_article && (uint32_t)only_article > app.bundle.narticles) {
        fprintf(stderr, "inkpress preview: %s has %u articles, not %d\n", bundle_path, app.bundle.narticles,
                only_article);
        rc = 2;
        goto stop;
    }
    if (!only_article && !dry && out) {
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
        if (stats && (err = ink_layout_stats(&app.layout, &st)) != INK_OK) {
            fprintf(stderr, "inkpress preview: %s: article %u: %s\n", bundle_path, i + 1, ink_err_str(err));
            rc = 3;
        }
        if (stats) {
            size_t code = 0;
            size_t q = textnorm_straight_quotes((const char *)app.layout.text, app.layout.len, &code);
            if (q > code && !quotes_arts++)
                quotes_first = i + 1;
            quotes += q - code;
            quotes_code += code;
        }
        if (only_page > app.layout.npages) {
            fprintf(stderr, "inkpress preview: article %u has %d pages, not %d\n", i + 1, app.layout.npages, only_page);
            rc = 2;
            goto stop;
        }
        for (int p = 0; p < app.layout.npages; p++) {
            if (only_page && p + 1 != only_page)
                continue;
            if (sheet_path && !out && !only_article && p > 0)
                break; /* only the edition's sheet is wanted: first pages are enough */
            app.page = p;
            ink_app_draw(&app);
            if (app.screen == INK_SCREEN_ERROR) {
                fprintf(stderr, "inkpress preview: article %u page %d: %s\n", i + 1, p + 1, ink_err_str(app.error));
                rc = 3;
                app.screen = INK_SCREEN_ARTICLE;
                continue;
            }
            if (out)
                snprintf(path, sizeof path, "%s/%03u-%03d.png", out, i + 1, p + 1);
            if (!dry && out && sim_png_write(path, &fb, &why) != 0) {
                fprintf(stderr, "inkpress preview: %s: %s\n", path, why);
                rc = 4;
                goto stop;
            }
            pages++;
            /* On the edition's sheet each article shows its first page. */
            if (sheet_path && (only_article || only_page || p == 0)) {
                char label[64];
                if (only_article)
                    snprintf(label, sizeof label, "page %d / %d", p + 1, app.layout.npages);
                else
                    snprintf(label, sizeof label, "%u \xc2\xb7 page %d / %d", i + 1, p + 1, app.layout.npages);
                if (sheet_add(&sheet, &fb, label) != 0) {
                    fprintf(stderr, "inkpress preview: out of memory\n");
                    rc = 1;
                    goto stop;
                }
            }
        }
    }
    if (sheet_path && !dry) {
        char title[200];
        const char *name = ink_bundle_name(&app.bundle), *date = ink_bundle_date(&app.bundle);
        if (only_article) {
            const char *at;
            int ok = ink_bundle_title(&app.bundle, (uint32_t)only_article - 1, app.pool, &app.titles, &at) == INK_OK;
            snprintf(title, sizeof title, "%d \xc2\xb7 %s", only_article, ok ? at : "");
        } else {
            snprintf(title, sizeof title, "%s%s%s  (%s, %d\xc3\x97%d at %d dpi)", name ? name : "",
                     date ? " \xc2\xb7 " : "", date ? date : "", profile->name, profile->w, profile->h, profile->dpi);
        }
        if (sheet_write(&sheet, &app.font, title, sheet_path, &why) != 0) {
            fprintf(stderr, "inkpress preview: %s: %s\n", sheet_path, why);
            rc = 4;
            goto stop;
        }
    }
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (progress_level > PROGRESS_QUIET)
        fprintf(
            strcmp(sheet_path ? sheet_path : "", "-") ? stdout : stderr,
            "%d page%s of %u article%s %s %s (%s, %dx%d @%d dpi) in %.2f s, %.0f pages/s; pool high-water %zu of %zu bytes\n",
            pages, pages == 1 ? "" : "s", only_article ? 1u : app.bundle.narticles,
            only_article || app.bundle.narticles == 1 ? "" : "s", dry ? "rendered, not written, for" : "in",
            out          ? out
            : sheet_path ? sheet_path
                         : "(nothing written)",
            profile->name, profile->w, profile->h, profile->dpi, secs, secs > 0 ? pages / secs : 0.0,
            ink_pool_high_water(&pool), pool_bytes);
    if (stats) {
        double j = st.justified ? 100.0 / (double)st.justified : 0.0;
        char first_buf[32] = "";
        if (quotes_arts)
            snprintf(first_buf, sizeof first_buf, " (the first: %u)", quotes_first);
        printf("%s line breaking at %s, text size %d: %ld pages, %ld lines in %ld blocks (%ld broken greedily)\n"
               "  hyphenated lines %ld (%.2f%%), runs of consecutive hyphens %ld\n"
               "  justified lines %ld: spaces over 1.5x natural %ld (%.2f%%), over 2x %ld (%.2f%%)\n"
               "  justified lines set flush (one word would be spread across the measure) %ld\n"
               "  overfull lines %ld, widows %ld, orphans %ld\n"
               "  straight quotes %zu in %zu article%s%s, and %zu in addresses and code (left as typed)\n",
               breaker == INK_BREAK_GREEDY ? "greedy" : "total-fit", profile->name, app.state.size, st.pages, st.lines,
               st.blocks, breaker == INK_BREAK_GREEDY ? st.blocks : st.greedy_blocks, st.hyphenated,
               st.lines ? 100.0 * (double)st.hyphenated / (double)st.lines : 0.0, st.hyphen_runs, st.justified,
               st.loose15, (double)st.loose15 * j, st.loose20, (double)st.loose20 * j, st.flush, st.overfull, st.widows,
               st.orphans, quotes, quotes_arts, quotes_arts == 1 ? "" : "s", first_buf, quotes_code);
    }
stop:
    ink_app_stop(&app);
    sheet_free(&sheet);
out:
    free(fbmem);
    free(poolmem);
    sim_fonts_close(ff);
    sim_file_close(&bf);
    return rc;
}

int cmd_preview(int argc, char **argv)
{
    preview_args_t a;
    int rc = preview_args(&a, argc, argv);
    return rc >= 0 ? rc : preview_run(&a);
}

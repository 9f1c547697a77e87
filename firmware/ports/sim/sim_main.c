/* SPDX-License-Identifier: MIT */
/* sim_main.c: inkpress-sim, the firmware on a PC. The display writes one
 * PNG per refresh and a line per refresh to refresh.log; keys come from a
 * script; the storage HAL is a small file. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hal/ink_hal.h"
#include "ink_conf.h"
#include "ink_nav.h"
#include "sim_io.h"
#include "sim_window.h"

#include <png.h>

typedef struct sim_display {
    const char *dir;
    FILE *log;
    int frames;
    int failed;
    sim_window_t *win; /* --window: the screen on the desktop too */
    int pbm;           /* --pbm: each frame also as a raw PBM, as the board port writes it */
    uint8_t *panel;    /* --ghosting: the pixels the panel shows now (one byte each) */
    uint8_t *ghost;    /* pixels changed by fast refreshes since the last full one */
    FILE *ghost_log;
} sim_display_t;

/* frame-NNNN.pbm: "P4", the size, then the framebuffer's bytes as they are
 * (MSB = leftmost pixel, 1 = black, rows padded to a byte), which is what
 * the board port writes through semihosting: `make qemu-test` compares the
 * two with cmp. */
static int write_pbm(const char *path, const ink_fb_t *fb)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    fprintf(f, "P4\n%d %d\n", fb->w, fb->h);
    size_t n = (size_t)fb->stride * (size_t)fb->h;
    int bad = fwrite(fb->bits, 1, n, f) != n;
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

/* The ghosting model: a fast 1-bit waveform leaves a trace of what a pixel
 * was; a full (flashing) refresh clears every trace. ghost-NNNN.png shows
 * the frame in black over the traces in grey, and ghosting.log how many
 * pixels carry one. */
static int ghost_update(sim_display_t *d, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode, const char *path)
{
    size_t w = (size_t)fb->w, h = (size_t)fb->h;
    if (mode == INK_WAVE_FULL)
        memset(d->ghost, 0, w * h);
    size_t traces = 0;
    for (int y = area.y; y < area.y + area.h && y < fb->h; y++)
        for (int x = area.x; x < area.x + area.w && x < fb->w; x++) {
            uint8_t v = (uint8_t)ink_fb_get(fb, x, y);
            size_t i = (size_t)y * w + (size_t)x;
            if (mode == INK_WAVE_FAST && v != d->panel[i])
                d->ghost[i] = 1;
            d->panel[i] = v;
        }
    for (size_t i = 0; i < w * h; i++)
        traces += d->ghost[i];
    if (d->ghost_log)
        fprintf(d->ghost_log, "frame %04d %s ghost pixels %zu\n", d->frames, mode == INK_WAVE_FULL ? "full" : "fast",
                traces);
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = (png_uint_32)w;
    img.height = (png_uint_32)h;
    img.format = PNG_FORMAT_GRAY;
    uint8_t *gray = malloc(w * h);
    if (!gray)
        return -1;
    for (size_t i = 0; i < w * h; i++)
        gray[i] = d->panel[i] ? 0 : d->ghost[i] ? 168 : 255;
    int ok = png_image_write_to_file(&img, path, 0, gray, 0, NULL);
    free(gray);
    return ok ? 0 : -1;
}

static ink_err_t sim_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    sim_display_t *d = ctx;
    d->frames++;
    if (d->win)
        sim_window_show(d->win, fb, area, mode);
    if (!d->dir) /* a window without -o: no frames written */
        return INK_OK;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/frame-%04d.png", d->dir, d->frames);
    const char *why = NULL;
    if (sim_png_write(path, fb, &why) != 0) {
        fprintf(stderr, "inkpress-sim: %s: %s\n", path, why);
        d->failed = 1;
        return INK_ERR_IO;
    }
    if (d->pbm) {
        snprintf(path, sizeof path, "%s/frame-%04d.pbm", d->dir, d->frames);
        if (write_pbm(path, fb) != 0) {
            fprintf(stderr, "inkpress-sim: %s: %s\n", path, strerror(errno));
            d->failed = 1;
            return INK_ERR_IO;
        }
    }
    if (d->ghost) {
        snprintf(path, sizeof path, "%s/ghost-%04d.png", d->dir, d->frames);
        if (ghost_update(d, fb, area, mode, path) != 0) {
            fprintf(stderr, "inkpress-sim: %s: cannot write\n", path);
            d->failed = 1;
            return INK_ERR_IO;
        }
    }
    if (d->log)
        fprintf(d->log, "frame %04d %s x=%d y=%d w=%d h=%d\n", d->frames, mode == INK_WAVE_FULL ? "full" : "fast",
                area.x, area.y, area.w, area.h);
    return INK_OK;
}

static const ink_display_ops_t sim_display_ops = { sim_refresh, NULL };

/* Storage: a file of 1 KiB; reads past its end give erased flash (0xFF). */
typedef struct sim_storage {
    const char *path;
} sim_storage_t;

static ink_err_t sim_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
    sim_storage_t *s = ctx;
    memset(buf, 0xFF, len);
    int fd = open(s->path, O_RDONLY);
    if (fd < 0)
        return errno == ENOENT ? INK_OK : INK_ERR_IO;
    ssize_t n = pread(fd, buf, len, off);
    close(fd);
    return n < 0 ? INK_ERR_IO : INK_OK;
}

static ink_err_t sim_write(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
    sim_storage_t *s = ctx;
    int fd = open(s->path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return INK_ERR_IO;
    ssize_t n = pwrite(fd, buf, len, off);
    int rc = close(fd);
    return (n == (ssize_t)len && rc == 0) ? INK_OK : INK_ERR_IO;
}

static const ink_storage_ops_t sim_storage_ops = { sim_read, sim_write, 2 * INK_STATE_SLOT };

static void usage(FILE *f)
{
    fprintf(f,
            "usage: inkpress-sim EDITION.ink [options]\n"
            "  -k, --keys \"KEYS\"     buttons to press: prev next select back menu (or p n s b m)\n"
            "      --keys-file F     the same, read from a file\n"
            "  -o, --out DIR         where frames and refresh.log go (default: sim-out)\n"
            "  -p, --profile NAME    panel profile (default: %s; 'inkpress profiles' lists them)\n"
            "      --fonts DIR       regular.ttf, bold.ttf, italic.ttf (default: beside the program)\n"
            "      --pool-bytes N    device pool size (default: %u)\n"
            "      --greedy          break lines first-fit instead of total-fit (to compare)\n"
            "      --cold-glyphs     empty the glyph cache before every key (to measure)\n"
            "      --no-frames       write no frames or log (to measure)\n"
            "      --state FILE      reading state storage (default: none, start fresh)\n"
            "      --pbm             each frame also as frame-NNNN.pbm, the raw framebuffer (as the\n"
            "                        board port writes it)\n"
            "      --ghosting        model e-ink ghosting: ghost-NNNN.png shows the frame over grey\n"
            "                        traces of pixels changed by fast refreshes since the last full\n"
            "                        one; ghosting.log counts them\n"
            "      --window          read in a desktop window at the panel's size: Left/Up = prev,\n"
            "                        Right/Down = next, Enter = select, Backspace = back, M = menu,\n"
            "                        Escape or Q quits; --keys are pressed first; frames are\n"
            "                        written only with -o\n"
            "exit status: 0 done; 1 a frame could not be written or the pool leaked; 2 usage;\n"
            "  3 an error screen was shown (a damaged edition, article or font), even when a\n"
            "  later key left it\n"
            "example: inkpress-sim build/sample.ink --keys \"select next next back\" -o build/sim\n"
            "         inkpress-sim build/sample.ink --window --profile kobo-clara --state reading.bin\n",
            ink_profiles[0].name, (unsigned)INK_POOL_BYTES);
}

/* Says on stderr what the error screen shows, the first time one is up
 * (each later one too, when it differs). Returns 1 while it is up. */
static int note_error(const ink_app_t *app, const char *path, int before)
{
    static char last[sizeof app->error_where + 64];
    if (app->screen != INK_SCREEN_ERROR)
        return 0;
    char now[sizeof last];
    snprintf(now, sizeof now, "%s %s", app->error_where, ink_err_str(app->error));
    if (!before || strcmp(now, last) != 0)
        fprintf(stderr, "inkpress-sim: %s: %s\n", path, now);
    memcpy(last, now, sizeof last);
    return 1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int c;
    while (buf && (c = fgetc(f)) != EOF) {
        if (n + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        buf[n++] = (char)c;
    }
    if (buf)
        buf[n] = '\0';
    fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    const char *bundle_path = NULL, *keys = NULL, *keys_file = NULL, *out = "sim-out", *fonts_dir = NULL;
    const char *profile_name = ink_profiles[0].name, *state_path = NULL;
    unsigned long pool_bytes = INK_POOL_BYTES;
    int window = 0, out_given = 0, pbm = 0, ghosting = 0, greedy = 0, cold = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        }
        if (!strcmp(a, "--pbm") || !strcmp(a, "--ghosting")) {
            *(a[2] == 'p' ? &pbm : &ghosting) = 1;
            continue;
        }
        if (!strcmp(a, "--window")) {
            window = 1;
            continue;
        }
        if (!strcmp(a, "--greedy") || !strcmp(a, "--cold-glyphs")) {
            *(a[2] == 'g' ? &greedy : &cold) = 1;
            continue;
        }
        if (!strcmp(a, "--no-frames")) { /* draw and refresh, write nothing: for measuring */
            out = NULL;
            out_given = 1;
            continue;
        }
        int takes = !strcmp(a, "-k") || !strcmp(a, "--keys") || !strcmp(a, "--keys-file") || !strcmp(a, "-o") ||
                    !strcmp(a, "--out") || !strcmp(a, "-p") || !strcmp(a, "--profile") || !strcmp(a, "--fonts") ||
                    !strcmp(a, "--pool-bytes") || !strcmp(a, "--state");
        if (takes && !v) {
            fprintf(stderr, "inkpress-sim: %s needs a value\n", a);
            return 2;
        }
        if (!strcmp(a, "-k") || !strcmp(a, "--keys")) keys = v;
        else if (!strcmp(a, "--keys-file")) keys_file = v;
        else if (!strcmp(a, "-o") || !strcmp(a, "--out")) out = v, out_given = 1;
        else if (!strcmp(a, "-p") || !strcmp(a, "--profile")) profile_name = v;
        else if (!strcmp(a, "--fonts")) fonts_dir = v;
        else if (!strcmp(a, "--state")) state_path = v;
        else if (!strcmp(a, "--pool-bytes")) {
            char *end;
            pool_bytes = strtoul(v, &end, 10);
            if (*end || pool_bytes < 1024) {
                fprintf(stderr, "inkpress-sim: --pool-bytes wants a number of bytes (at least 1024)\n");
                return 2;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "inkpress-sim: unknown option %s\n", a);
            usage(stderr);
            return 2;
        } else if (!bundle_path) {
            bundle_path = a;
            continue;
        } else {
            fprintf(stderr, "inkpress-sim: one edition at a time (%s?)\n", a);
            return 2;
        }
        i++;
    }
    if (!bundle_path) {
        usage(stderr);
        return 2;
    }
    const ink_profile_t *profile = ink_profile_find(profile_name);
    if (!profile) {
        fprintf(stderr, "inkpress-sim: no profile called '%s'\n", profile_name);
        return 2;
    }
    char *script = keys_file ? slurp(keys_file) : NULL;
    if (keys_file && !script) {
        fprintf(stderr, "inkpress-sim: %s: %s\n", keys_file, strerror(errno));
        return 2;
    }
    sim_file_t bundle;
    if (sim_file_open(&bundle, bundle_path) != 0) {
        fprintf(stderr, "inkpress-sim: %s: %s\n", bundle_path, strerror(errno));
        free(script);
        return 2;
    }
    sim_file_t font_files[INK_FACE_COUNT];
    ink_font_data_t fonts[INK_FACE_COUNT];
    if (sim_fonts_load(fonts_dir, font_files, fonts) != 0) {
        sim_file_close(&bundle);
        free(script);
        return 2;
    }
    if (window && !out_given)
        out = NULL;
    if (out && sim_mkdirs(out) != 0) {
        fprintf(stderr, "inkpress-sim: cannot create %s: %s\n", out, strerror(errno));
        return 2;
    }
    char logpath[PATH_MAX];
    snprintf(logpath, sizeof logpath, "%s/refresh.log", out ? out : ".");
    sim_display_t disp = { out, out ? fopen(logpath, "w") : NULL, 0, 0, NULL, out && pbm, NULL, NULL, NULL };
    if (ghosting && out) {
        disp.panel = calloc((size_t)profile->w * (size_t)profile->h, 1);
        disp.ghost = calloc((size_t)profile->w * (size_t)profile->h, 1);
        snprintf(logpath, sizeof logpath, "%s/ghosting.log", out);
        disp.ghost_log = fopen(logpath, "w");
        if (!disp.panel || !disp.ghost) {
            fprintf(stderr, "inkpress-sim: out of memory\n");
            return 1;
        }
    }
    if (window) {
        char title[PATH_MAX + 64];
        const char *why = "";
        snprintf(title, sizeof title, "inkpress-sim: %s (%s)", bundle_path, profile->name);
        disp.win = sim_window_open(title, profile->w, profile->h, &why);
        if (!disp.win) {
            fprintf(stderr, "inkpress-sim: --window: %s\n", why);
            return 2;
        }
    }
    sim_storage_t store = { state_path };
    ink_hal_t hal = { &sim_display_ops, &disp, state_path ? &sim_storage_ops : NULL, &store };

    /* The device's memory: a framebuffer and the pool, taken once here. */
    uint8_t *fbmem = malloc(ink_fb_bytes(profile->w, profile->h));
    void *poolmem = malloc(pool_bytes);
    if (!fbmem || !poolmem) {
        fprintf(stderr, "inkpress-sim: out of memory\n");
        return 1;
    }
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, profile->w, profile->h);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, pool_bytes);
    static ink_app_t app;
    ink_err_t err = ink_app_start(&app, &hal, &pool, &fb, profile, bundle.data, bundle.len, fonts);
    int rc = 0, shown_error = 0;
    if (err) {
        fprintf(stderr, "inkpress-sim: %s: %s %s\n", bundle_path, app.error_where, ink_err_str(err));
        rc = 3;
        while (disp.win && sim_window_wait_key(disp.win) != INK_KEY_NONE)
            ; /* the error screen stays until the window closes */
    } else {
        char *text = script ? script : (keys ? strdup(keys) : NULL);
        script = text;
        for (char *tok = text ? strtok(text, " \t\r\n,") : NULL; tok; tok = strtok(NULL, " \t\r\n,")) {
            if (tok[0] == '#') { /* a comment runs to the end of its line */
                strtok(NULL, "\n");
                continue;
            }
            ink_key_t k = ink_key_parse(tok);
            if (k == INK_KEY_NONE) {
                fprintf(stderr, "inkpress-sim: unknown key '%s' (use prev next select back menu)\n", tok);
                rc = 2;
                break;
            }
            app.breaker = greedy ? INK_BREAK_GREEDY : INK_BREAK_TOTAL_FIT;
            if (cold && app.font_ok)
                ink_font_flush(&app.font);
            ink_app_key(&app, k);
            shown_error |= note_error(&app, bundle_path, shown_error);
        }
        /* The window: a person presses the buttons until it closes. */
        for (ink_key_t k; rc == 0 && disp.win && (k = sim_window_wait_key(disp.win)) != INK_KEY_NONE;) {
            ink_app_key(&app, k);
            shown_error |= note_error(&app, bundle_path, shown_error);
        }
        /* An error screen was shown: status 3, even when a later key left it. */
        if (rc == 0 && shown_error)
            rc = 3;
    }
    printf("%d frames in %s; pool high-water %zu of %lu bytes\n", disp.frames, out ? out : (window ? "the window" : "no files"),
           ink_pool_high_water(&pool), pool_bytes);
    sim_window_close(disp.win);
    ink_app_stop(&app);
    if (ink_pool_used(&pool) != 0) {
        fprintf(stderr, "inkpress-sim: %zu bytes still in use after stop (a leak)\n", ink_pool_used(&pool));
        rc = rc ? rc : 1;
    }
    if (disp.log)
        fclose(disp.log);
    if (disp.ghost_log)
        fclose(disp.ghost_log);
    free(disp.panel);
    free(disp.ghost);
    if (disp.failed && !rc)
        rc = 1;
    free(script);
    free(fbmem);
    free(poolmem);
    sim_fonts_close(font_files);
    sim_file_close(&bundle);
    return rc;
}

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

#include "cliopt.h"
#include "hal/ink_hal.h"
#include "ink_conf.h"
#include "ink_app.h"
#include "sim_io.h"
#include "sim_window.h"

#include <png.h>

typedef struct sim_display {
    const char *dir;
    FILE *log;
    int frames;
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
        return INK_ERR_IO;
    }
    if (d->pbm) {
        snprintf(path, sizeof path, "%s/frame-%04d.pbm", d->dir, d->frames);
        if (write_pbm(path, fb) != 0) {
            fprintf(stderr, "inkpress-sim: %s: %s\n", path, strerror(errno));
            return INK_ERR_IO;
        }
    }
    if (d->ghost) {
        snprintf(path, sizeof path, "%s/ghost-%04d.png", d->dir, d->frames);
        if (ghost_update(d, fb, area, mode, path) != 0) {
            fprintf(stderr, "inkpress-sim: %s: cannot write\n", path);
            return INK_ERR_IO;
        }
    }
    if (d->log)
        fprintf(d->log, "frame %04d %s x=%d y=%d w=%d h=%d\n", d->frames, mode == INK_WAVE_FULL ? "full" : "fast",
                area.x, area.y, area.w, area.h);
    return INK_OK;
}

static const ink_display_ops_t sim_display_ops = {sim_refresh, NULL};

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

static const ink_storage_ops_t sim_storage_ops = {sim_read, sim_write, 2 * INK_STATE_SLOT};

/* What the command line asks for (parse_args), then done (run). */
typedef struct sim_args {
    const char *bundle, *keys, *keys_file, *out, *fonts_dir, *profile, *state;
    size_t pool_bytes;
    int window, no_frames, pbm, ghosting, greedy, cold;
} sim_args_t;

static void usage(FILE *f, const cliopt_t *const *tables)
{
    fprintf(f, "usage: inkpress-sim EDITION.ink [options]\n");
    cliopt_help(f, tables);
    fprintf(f, "exit status: 0 done; 1 a frame could not be written or the pool leaked; 2 usage;\n"
               "  3 an error screen was shown (a damaged edition, article or font), even when a\n"
               "  later key left it\n"
               "example: inkpress-sim build/sample.ink --keys \"select next next back\" -o build/sim\n"
               "         inkpress-sim build/sample.ink --window --profile kobo-clara --state reading.bin\n");
}

/* Reads the command line into *a. Returns -1 to go on, else the exit status. */
static int parse_args(sim_args_t *a, int argc, char **argv)
{
    static char profile_help[96], pool_help[64];
    memset(a, 0, sizeof *a);
    a->profile = ink_profiles[0].name;
    a->pool_bytes = INK_POOL_BYTES;
    snprintf(profile_help, sizeof profile_help, "panel profile (default: %s; 'inkpress profiles' lists them)",
             ink_profiles[0].name);
    snprintf(pool_help, sizeof pool_help, "device pool size (default: %u)", (unsigned)INK_POOL_BYTES);
    const cliopt_t opts[] = {
        {"-k|--keys", "\"KEYS\"", CLIOPT_STR, &a->keys,
         .help = "buttons to press: prev next select back menu (or p n s b m)"},
        {"--keys-file", "F", CLIOPT_STR, &a->keys_file, .help = "the same, read from a file"},
        {"-o|--out", "DIR", CLIOPT_STR, &a->out, .help = "where frames and refresh.log go (default: sim-out)"},
        {"-p|--profile", "NAME", CLIOPT_STR, &a->profile, .help = profile_help},
        {"--fonts", "DIR", CLIOPT_STR, &a->fonts_dir,
         .help = "regular.ttf, bold.ttf, italic.ttf (default: beside the program)"},
        {"--pool-bytes", "N", CLIOPT_SIZE, &a->pool_bytes, 1024, 4294967295.0,
         .bad = "--pool-bytes wants a number of bytes (at least 1024)", .help = pool_help},
        {"--greedy", NULL, CLIOPT_FLAG, &a->greedy, 1,
         .help = "break lines first-fit instead of total-fit (to compare)"},
        {"--cold-glyphs", NULL, CLIOPT_FLAG, &a->cold, 1,
         .help = "empty the glyph cache before every key (to measure)"},
        {"--no-frames", NULL, CLIOPT_FLAG, &a->no_frames, 1, .help = "write no frames or log (to measure)"},
        {"--state", "FILE", CLIOPT_STR, &a->state, .help = "reading state storage (default: none, start fresh)"},
        {"--pbm", NULL, CLIOPT_FLAG, &a->pbm, 1,
         .help = "each frame also as frame-NNNN.pbm, the raw framebuffer (as the board port writes it)"},
        {"--ghosting", NULL, CLIOPT_FLAG, &a->ghosting, 1,
         .help = "model e-ink ghosting: ghost-NNNN.png shows the frame over grey traces of pixels changed by "
                 "fast refreshes since the last full one; ghosting.log counts them"},
        {"--window", NULL, CLIOPT_FLAG, &a->window, 1,
         .help = "read in a desktop window at the panel's size: Left/Up = prev, Right/Down = next, Enter = "
                 "select, Backspace = back, M = menu, Escape or Q quits; --keys are pressed first; frames are "
                 "written only with -o"},
        {0},
    };
    const cliopt_t *const tables[] = {opts, NULL};
    int n = cliopt_parse("inkpress-sim", tables, argc, argv);
    if (n == CLIOPT_HELP) {
        usage(stdout, tables);
        return 0;
    }
    if (n == CLIOPT_USAGE)
        return 2;
    if (n > 1) {
        fprintf(stderr, "inkpress-sim: one edition at a time (%s?)\n", argv[2]);
        return 2;
    }
    if (n == 0) {
        usage(stderr, tables);
        return 2;
    }
    a->bundle = argv[1];
    /* frames go to sim-out unless told otherwise; a window alone writes none */
    if (a->no_frames)
        a->out = NULL;
    else if (!a->out && !a->window)
        a->out = "sim-out";
    return -1;
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

/* The firmware on the edition: keys pressed, frames written. */
static int run(const sim_args_t *a)
{
    const char *bundle_path = a->bundle, *out = a->out, *state_path = a->state;
    size_t pool_bytes = a->pool_bytes;
    const ink_profile_t *profile = ink_profile_find(a->profile);
    if (!profile) {
        fprintf(stderr, "inkpress-sim: no profile called '%s'\n", a->profile);
        return 2;
    }
    char *script = a->keys_file ? slurp(a->keys_file) : NULL;
    if (a->keys_file && !script) {
        fprintf(stderr, "inkpress-sim: %s: %s\n", a->keys_file, strerror(errno));
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
    if (sim_fonts_load(a->fonts_dir, font_files, fonts) != 0) {
        sim_file_close(&bundle);
        free(script);
        return 2;
    }
    if (out && sim_mkdirs(out) != 0) {
        fprintf(stderr, "inkpress-sim: cannot create %s: %s\n", out, strerror(errno));
        return 2;
    }
    char logpath[PATH_MAX];
    snprintf(logpath, sizeof logpath, "%s/refresh.log", out ? out : ".");
    sim_display_t disp = {out, out ? fopen(logpath, "w") : NULL, 0, NULL, out && a->pbm, NULL, NULL, NULL};
    if (a->ghosting && out) {
        disp.panel = calloc((size_t)profile->w * (size_t)profile->h, 1);
        disp.ghost = calloc((size_t)profile->w * (size_t)profile->h, 1);
        snprintf(logpath, sizeof logpath, "%s/ghosting.log", out);
        disp.ghost_log = fopen(logpath, "w");
        if (!disp.panel || !disp.ghost) {
            fprintf(stderr, "inkpress-sim: out of memory\n");
            return 1;
        }
    }
    if (a->window) {
        char title[PATH_MAX + 64];
        const char *why = "";
        snprintf(title, sizeof title, "inkpress-sim: %s (%s)", bundle_path, profile->name);
        disp.win = sim_window_open(title, profile->w, profile->h, &why);
        if (!disp.win) {
            fprintf(stderr, "inkpress-sim: --window: %s\n", why);
            return 2;
        }
    }
    sim_storage_t store = {state_path};
    ink_hal_t hal = {&sim_display_ops, &disp, state_path ? &sim_storage_ops : NULL, &store};

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
    int display_failed = app.display_error != INK_OK; /* a frame not written: said by sim_refresh */
    if (err) {
        fprintf(stderr, "inkpress-sim: %s: %s %s\n", bundle_path, app.error_where, ink_err_str(err));
        rc = 3;
        while (disp.win && sim_window_wait_key(disp.win) != INK_KEY_NONE)
            ; /* the error screen stays until the window closes */
    } else {
        char *text = script ? script : (a->keys ? strdup(a->keys) : NULL);
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
            app.breaker = a->greedy ? INK_BREAK_GREEDY : INK_BREAK_TOTAL_FIT;
            if (a->cold && app.font_ok)
                ink_font_flush(&app.font);
            display_failed |= ink_app_key(&app, k) != INK_OK;
            shown_error |= note_error(&app, bundle_path, shown_error);
        }
        /* The window: a person presses the buttons until it closes. */
        for (ink_key_t k; rc == 0 && disp.win && (k = sim_window_wait_key(disp.win)) != INK_KEY_NONE;) {
            display_failed |= ink_app_key(&app, k) != INK_OK;
            shown_error |= note_error(&app, bundle_path, shown_error);
        }
        /* An error screen was shown: status 3, even when a later key left it. */
        if (rc == 0 && shown_error)
            rc = 3;
    }
    printf("%d frames in %s; pool high-water %zu of %zu bytes\n", disp.frames,
           out ? out : (a->window ? "the window" : "no files"), ink_pool_high_water(&pool), pool_bytes);
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
    if (display_failed && !rc)
        rc = 1;
    free(script);
    free(fbmem);
    free(poolmem);
    sim_fonts_close(font_files);
    sim_file_close(&bundle);
    return rc;
}

int main(int argc, char **argv)
{
    sim_args_t a;
    int rc = parse_args(&a, argc, argv);
    return rc >= 0 ? rc : run(&a);
}

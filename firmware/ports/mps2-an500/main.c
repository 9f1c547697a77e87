/* SPDX-License-Identifier: MIT */
/* main.c: the reader firmware on the MPS2 AN500 board (Cortex-M7), with
 * ARM semihosting for what a board would have as hardware: the edition and
 * the fonts are read from host files into the XIP region (memory-mapped
 * flash on a board), buttons come from a key script, and the panel is a
 * folder: each refresh writes the whole framebuffer as a binary PBM
 * (frame-NNNN.pbm, the framebuffer's own bytes after a short header) and a
 * line to refresh.log in the simulator's format, so frames compare byte for
 * byte with `inkpress-sim --pbm`.
 *
 * Command line (QEMU's -append):
 *   EDITION.ink KEYS-FILE OUT-DIR [FONTS-DIR] [PROFILE]
 * Exit status: 0 ok, 1 a frame could not be written, 2 usage or a file
 * could not be read, 3 the edition shows the error screen, 4 pool leak. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hal/ink_hal.h"
#include "ink_conf.h"
#include "ink_nav.h"
#include "mps2_port.h"

/* The panel this board drives; profiles larger than it are refused. */
#ifndef MPS2_FB_W
#define MPS2_FB_W 800
#endif
#ifndef MPS2_FB_H
#define MPS2_FB_H 600
#endif

void initialise_monitor_handles(void);

extern uint8_t __xip_start__[], __xip_end__[];
extern uint32_t __stack_limit__[], __stack_top__[];
extern char end[];

static uint8_t fbmem[(MPS2_FB_W + 7) / 8 * MPS2_FB_H];
static uint8_t poolmem[INK_POOL_BYTES] __attribute__((aligned(8)));
static ink_app_t app;

/* --- semihosting: the command line, messages --------------------------- */

static int semihost(int op, void *arg)
{
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        write(1, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void mps2_fault(const char *what)
{
    say("mps2-an500: %s\n", what);
    _exit(70);
}

/* SYS_GET_CMDLINE (0x15): QEMU gives the -kernel file, then the text of
 * -append; the program's name is left out. */
static char cmdline[512];

static int get_args(char **argv, int max)
{
    struct { char *buf; int len; } blk = { cmdline, (int)sizeof cmdline - 1 };
    if (semihost(0x15, &blk) != 0)
        return 0;
    cmdline[blk.len < (int)sizeof cmdline ? blk.len : (int)sizeof cmdline - 1] = '\0';
    int n = 0;
    char *tok = strtok(cmdline, " ");
    for (tok = tok ? strtok(NULL, " ") : NULL; tok && n < max; tok = strtok(NULL, " "))
        argv[n++] = tok;
    return n;
}

/* --- memory-mapped data ----------------------------------------------- */

static uint8_t *xip_next = __xip_start__;

/* Reads a whole host file into XIP; *len is its size. NULL when it cannot. */
static const uint8_t *xip_load(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    off_t size = lseek(fd, 0, SEEK_END);
    lseek(fd, 0, SEEK_SET);
    uint8_t *at = xip_next;
    if (size < 0 || (size_t)size > (size_t)(__xip_end__ - at)) {
        close(fd);
        return NULL;
    }
    size_t got = 0;
    while (got < (size_t)size) {
        ssize_t r = read(fd, at + got, (size_t)size - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (got != (size_t)size)
        return NULL;
    xip_next = at + ((got + 7u) & ~(size_t)7u);
    *len = got;
    return at;
}

/* --- the panel: a folder of PBM frames and a log ------------------------- */

typedef struct panel {
    const char *dir;
    int log;
    int frames;
    int failed;
} panel_t;

static ink_err_t panel_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    panel_t *p = ctx;
    char path[160], head[32], line[96];
    p->frames++;
    snprintf(path, sizeof path, "%s/frame-%04d.pbm", p->dir, p->frames);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int hn = snprintf(head, sizeof head, "P4\n%d %d\n", fb->w, fb->h);
    size_t bytes = (size_t)fb->stride * (size_t)fb->h;
    if (fd < 0 || write(fd, head, (size_t)hn) != hn || write(fd, fb->bits, bytes) != (ssize_t)bytes) {
        say("mps2-an500: cannot write %s\n", path);
        p->failed = 1;
        if (fd >= 0)
            close(fd);
        return INK_ERR_IO;
    }
    close(fd);
    int n = snprintf(line, sizeof line, "frame %04d %s x=%d y=%d w=%d h=%d\n", p->frames,
                     mode == INK_WAVE_FULL ? "full" : "fast", area.x, area.y, area.w, area.h);
    if (p->log >= 0)
        write(p->log, line, (size_t)n);
    return INK_OK;
}

static const ink_display_ops_t panel_ops = { panel_refresh, NULL };

/* --- storage: a RAM copy of the two state slots (a board's flash page) --- */

static uint8_t store[2 * INK_STATE_SLOT];

static ink_err_t store_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
    (void)ctx;
    if (off > sizeof store || len > sizeof store - off)
        return INK_ERR_IO;
    memcpy(buf, store + off, len);
    return INK_OK;
}

static ink_err_t store_write(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
    (void)ctx;
    if (off > sizeof store || len > sizeof store - off)
        return INK_ERR_IO;
    memcpy(store + off, buf, len);
    return INK_OK;
}

static const ink_storage_ops_t store_ops = { store_read, store_write, sizeof store };

/* --- the run ------------------------------------------------------------ */

static size_t stack_depth(void)
{
    const uint32_t *p = __stack_limit__;
    while (p < __stack_top__ && *p == MPS2_STACK_PAINT)
        p++;
    return (size_t)((const uint8_t *)__stack_top__ - (const uint8_t *)p);
}

static char keys[8192];

int main(void)
{
    initialise_monitor_handles();
    char *argv[8];
    int argc = get_args(argv, 8);
    if (argc < 3) {
        say("usage: EDITION.ink KEYS-FILE OUT-DIR [FONTS-DIR] [PROFILE] (QEMU -append)\n");
        return 2;
    }
    const char *fonts_dir = argc > 3 ? argv[3] : "build/fonts";
    const ink_profile_t *profile = ink_profile_find(argc > 4 ? argv[4] : ink_profiles[0].name);
    if (!profile || profile->w > MPS2_FB_W || profile->h > MPS2_FB_H) {
        say("mps2-an500: no profile '%s' that fits a %dx%d panel\n", argc > 4 ? argv[4] : "", MPS2_FB_W, MPS2_FB_H);
        return 2;
    }
    size_t len;
    const uint8_t *bundle = xip_load(argv[0], &len);
    if (!bundle) {
        say("mps2-an500: cannot read %s\n", argv[0]);
        return 2;
    }
    static const char *const face_files[INK_FACE_COUNT] = { "regular.ttf", "bold.ttf", "italic.ttf" };
    ink_font_data_t fonts[INK_FACE_COUNT];
    for (int i = 0; i < INK_FACE_COUNT; i++) {
        char path[160];
        snprintf(path, sizeof path, "%s/%s", fonts_dir, face_files[i]);
        fonts[i].data = xip_load(path, &fonts[i].len);
        if (!fonts[i].data) {
            say("mps2-an500: cannot read %s\n", path);
            return 2;
        }
    }
    int kfd = open(argv[1], O_RDONLY);
    ssize_t kn = kfd >= 0 ? read(kfd, keys, sizeof keys - 1) : -1;
    if (kfd >= 0)
        close(kfd);
    if (kn < 0) {
        say("mps2-an500: cannot read %s\n", argv[1]);
        return 2;
    }
    keys[kn] = '\0';

    char logpath[160];
    snprintf(logpath, sizeof logpath, "%s/refresh.log", argv[2]);
    panel_t panel = { argv[2], open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0644), 0, 0 };
    memset(store, 0xFF, sizeof store);
    ink_hal_t hal = { &panel_ops, &panel, &store_ops, NULL };
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, profile->w, profile->h);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);

    int rc = 0;
    ink_err_t err = ink_app_start(&app, &hal, &pool, &fb, profile, bundle, len, fonts);
    if (err) {
        say("mps2-an500: %s %s\n", app.error_where, ink_err_str(err));
        rc = 3;
    } else {
        for (char *tok = strtok(keys, " \t\r\n,"); tok; tok = strtok(NULL, " \t\r\n,")) {
            if (tok[0] == '#') { /* a comment runs to the end of its line */
                strtok(NULL, "\n");
                continue;
            }
            ink_key_t k = ink_key_parse(tok);
            if (k == INK_KEY_NONE) {
                say("mps2-an500: unknown key '%s'\n", tok);
                rc = 2;
                break;
            }
            ink_app_key(&app, k);
        }
        if (rc == 0 && app.screen == INK_SCREEN_ERROR) {
            say("mps2-an500: %s %s\n", app.error_where, ink_err_str(app.error));
            rc = 3;
        }
    }
    size_t high = ink_pool_high_water(&pool);
    ink_app_stop(&app);
    if (ink_pool_used(&pool) != 0) {
        say("mps2-an500: %u bytes still in use after stop (a leak)\n", (unsigned)ink_pool_used(&pool));
        rc = rc ? rc : 4;
    }
    if (panel.log >= 0)
        close(panel.log);
    if (panel.failed && !rc)
        rc = 1;
    char *brk = sbrk(0);
    say("%d frames in %s; pool high-water %u of %u bytes; stack %u of %u bytes; sbrk heap %u bytes\n",
        panel.frames, argv[2], (unsigned)high, (unsigned)sizeof poolmem, (unsigned)stack_depth(),
        (unsigned)((uint8_t *)__stack_top__ - (uint8_t *)__stack_limit__), (unsigned)(brk - end));
    return rc;
}

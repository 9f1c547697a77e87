/* SPDX-License-Identifier: MIT */
/* board_main.c: the reader firmware on an emulated board (the Cortex-M7
 * mps2-an500 and the RISC-V rv32-virt ports share it), with semihosting
 * for what a board would have as hardware: the edition and
 * the fonts are read from host files into the XIP region (memory-mapped
 * flash on a board), buttons come from a key script, and the panel is a
 * folder: each refresh writes the whole framebuffer as a binary PBM
 * (frame-NNNN.pbm, the framebuffer's own bytes after a short header) and a
 * line to refresh.log in the simulator's format, so frames compare byte for
 * byte with `inkpress-sim --pbm`. When the port can count instructions
 * (board_instructions), it reports them per page turn and per article
 * opened.
 *
 * Command line (QEMU's -append):
 *   EDITION.ink KEYS-FILE OUT-DIR [FONTS-DIR] [PROFILE]
 * Exit status: 0 ok, 1 a frame could not be written, 2 usage or a file
 * could not be read, 3 the edition shows the error screen, 4 pool leak or
 * the C library's heap grew past its reserve. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hal/ink_hal.h"
#include "ink_conf.h"
#include "ink_app.h"
#include "board.h"

/* The panel this board drives; profiles larger than it are refused. */
#ifndef BOARD_FB_W
#define BOARD_FB_W 800
#endif
#ifndef BOARD_FB_H
#define BOARD_FB_H 600
#endif

static uint8_t fbmem[(BOARD_FB_W + 7) / 8 * BOARD_FB_H];
static uint8_t poolmem[INK_POOL_BYTES] __attribute__((aligned(8)));
static ink_app_t app;

/* --- semihosting: the command line, messages --------------------------- */

static void say(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        board_print(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void board_fault(const char *what)
{
    say(INK_BOARD_NAME ": %s\n", what);
    _exit(70);
}

/* QEMU gives the -kernel file, then the text of -append; the program's
 * name is left out. */
static char cmdline[512];

static int get_args(char **argv, int max)
{
    if (board_cmdline(cmdline, (int)sizeof cmdline) < 0)
        return 0;
    int n = 0;
    char *save = NULL; /* strtok_r: newlib's strtok takes its state from the heap */
    char *tok = strtok_r(cmdline, " ", &save);
    for (tok = tok ? strtok_r(NULL, " ", &save) : NULL; tok && n < max; tok = strtok_r(NULL, " ", &save))
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
        say(INK_BOARD_NAME ": cannot write %s\n", path);
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

static const ink_display_ops_t panel_ops = {panel_refresh, NULL};

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

static const ink_storage_ops_t store_ops = {store_read, store_write, sizeof store};

/* --- the run ------------------------------------------------------------ */

static size_t stack_depth(void)
{
    const uint32_t *p = __stack_limit__;
    while (p < __stack_top__ && *p == BOARD_STACK_PAINT)
        p++;
    return (size_t)((const uint8_t *)__stack_top__ - (const uint8_t *)p);
}

/* The key script: the longest, bench-firmware's 900 pages at three sizes
 * (tests/qemu.sh), is about 4.6 KB. */
static char keys[6144];

/* Instructions per key, by kind: a page turn (the same article, another
 * page) and an article opened from the library. */
typedef struct insn_stat {
    unsigned n;
    uint64_t sum, min, max, first;
} insn_stat_t;

static void insn_add(insn_stat_t *st, uint64_t v)
{
    if (st->n == 0)
        st->first = st->min = st->max = v;
    st->min = v < st->min ? v : st->min;
    st->max = v > st->max ? v : st->max;
    st->sum += v;
    st->n++;
}

/* A 64-bit count in decimal (newlib-nano's printf has no %llu). */
static const char *u64_str(uint64_t v, char buf[24])
{
    char *p = buf + 23;
    *p = '\0';
    do {
        *--p = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    return p;
}

static void insn_say(const char *what, const insn_stat_t *st)
{
    char a[24], b[24], c[24], d[24];
    if (st->n)
        say("%s: %u, instructions mean %s, min %s, max %s, first %s\n", what, st->n, u64_str(st->sum / st->n, a),
            u64_str(st->min, b), u64_str(st->max, c), u64_str(st->first, d));
}

int main(void)
{
    board_init();
    char *argv[8];
    int argc = get_args(argv, 8);
    if (argc < 3) {
        say("usage: EDITION.ink KEYS-FILE OUT-DIR [FONTS-DIR] [PROFILE] (QEMU -append)\n");
        return 2;
    }
    const char *fonts_dir = argc > 3 ? argv[3] : "build/fonts";
    const ink_profile_t *profile = ink_profile_find(argc > 4 ? argv[4] : ink_profiles[0].name);
    if (!profile || profile->w > BOARD_FB_W || profile->h > BOARD_FB_H) {
        say(INK_BOARD_NAME ": no profile '%s' that fits a %dx%d panel\n", argc > 4 ? argv[4] : "", BOARD_FB_W,
            BOARD_FB_H);
        return 2;
    }
    size_t len;
    const uint8_t *bundle = xip_load(argv[0], &len);
    if (!bundle) {
        say(INK_BOARD_NAME ": cannot read %s\n", argv[0]);
        return 2;
    }
    static const char *const face_files[INK_FACE_COUNT] = {"regular.ttf", "bold.ttf", "italic.ttf"};
    ink_font_data_t fonts[INK_FACE_COUNT];
    for (int i = 0; i < INK_FACE_COUNT; i++) {
        char path[160];
        snprintf(path, sizeof path, "%s/%s", fonts_dir, face_files[i]);
        fonts[i].data = xip_load(path, &fonts[i].len);
        if (!fonts[i].data) {
            say(INK_BOARD_NAME ": cannot read %s\n", path);
            return 2;
        }
    }
    int kfd = open(argv[1], O_RDONLY);
    ssize_t kn = kfd >= 0 ? read(kfd, keys, sizeof keys - 1) : -1;
    if (kfd >= 0)
        close(kfd);
    if (kn < 0) {
        say(INK_BOARD_NAME ": cannot read %s\n", argv[1]);
        return 2;
    }
    keys[kn] = '\0';

    char logpath[160];
    snprintf(logpath, sizeof logpath, "%s/refresh.log", argv[2]);
    panel_t panel = {argv[2], open(logpath, O_WRONLY | O_CREAT | O_TRUNC, 0644), 0};
    memset(store, 0xFF, sizeof store);
    ink_hal_t hal = {&panel_ops, &panel, &store_ops, NULL};
    ink_fb_t fb;
    ink_fb_init(&fb, fbmem, profile->w, profile->h);
    ink_pool_t pool;
    ink_pool_init(&pool, poolmem, sizeof poolmem);

    int rc = 0;
    insn_stat_t turns = {0}, opens = {0};
    uint64_t start = board_instructions();
    ink_err_t err = ink_app_start(&app, &hal, &pool, &fb, profile, bundle, len, fonts);
    int display_failed = app.display_error != INK_OK; /* a frame not written: said by panel_refresh */
    if (err) {
        say(INK_BOARD_NAME ": %s %s\n", app.error_where, ink_err_str(err));
        rc = 3;
    } else {
        char *save = NULL;
        for (char *tok = strtok_r(keys, " \t\r\n,", &save); tok; tok = strtok_r(NULL, " \t\r\n,", &save)) {
            if (tok[0] == '#') { /* a comment runs to the end of its line */
                strtok_r(NULL, "\n", &save);
                continue;
            }
            ink_key_t k = ink_key_parse(tok);
            if (k == INK_KEY_NONE) {
                say(INK_BOARD_NAME ": unknown key '%s'\n", tok);
                rc = 2;
                break;
            }
            ink_screen_t screen = app.screen;
            int32_t article = app.open_article;
            int page = app.page;
            uint64_t t0 = board_instructions();
            display_failed |= ink_app_key(&app, k) != INK_OK;
            uint64_t spent = board_instructions() - t0;
            if (t0 == 0)
                continue;
            if (screen == INK_SCREEN_ARTICLE && app.screen == INK_SCREEN_ARTICLE && app.open_article == article &&
                app.page != page)
                insn_add(&turns, spent);
            else if (screen == INK_SCREEN_LIBRARY && app.screen == INK_SCREEN_ARTICLE)
                insn_add(&opens, spent);
        }
        if (rc == 0 && app.screen == INK_SCREEN_ERROR) {
            say(INK_BOARD_NAME ": %s %s\n", app.error_where, ink_err_str(app.error));
            rc = 3;
        }
    }
    size_t high = ink_pool_high_water(&pool);
    ink_app_stop(&app);
    if (ink_pool_used(&pool) != 0) {
        say(INK_BOARD_NAME ": %u bytes still in use after stop (a leak)\n", (unsigned)ink_pool_used(&pool));
        rc = rc ? rc : 4;
    }
    if (panel.log >= 0)
        close(panel.log);
    if (display_failed && !rc)
        rc = 1;
    size_t heap = (size_t)((char *)sbrk(0) - __heap_base__);
    size_t reserve = (size_t)(__heap_limit__ - __heap_base__);
    if (heap > reserve) {
        say(INK_BOARD_NAME ": the C library's heap grew to %u bytes, past its reserve of %u\n", (unsigned)heap,
            (unsigned)reserve);
        rc = rc ? rc : 4;
    }
    say("%d frames in %s; pool high-water %u of %u bytes; stack %u of %u bytes; sbrk heap %u of %u bytes\n",
        panel.frames, argv[2], (unsigned)high, (unsigned)sizeof poolmem, (unsigned)stack_depth(),
        (unsigned)((uint8_t *)__stack_top__ - (uint8_t *)__stack_limit__), (unsigned)heap, (unsigned)reserve);
    if (start) {
        char total[24];
        say("instructions: %s for the session (%s)\n", u64_str(board_instructions() - start, total),
            board_counter_note());
        insn_say("page turns", &turns);
        insn_say("articles opened", &opens);
    } else {
        say("instructions: not counted (%s)\n", board_counter_note());
    }
    return rc;
}

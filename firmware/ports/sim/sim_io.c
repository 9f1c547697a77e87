/* SPDX-License-Identifier: MIT */
/* sim_io.c: files, fonts and PNGs for the simulator and previews. */
#define _DEFAULT_SOURCE
#include "sim_io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int sim_file_open(sim_file_t *f, const char *path)
{
    memset(f, 0, sizeof *f);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        close(fd);
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    if (st.st_size == 0) {
        close(fd);
        return 0;
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
        f->data = p;
        f->len = (size_t)st.st_size;
        f->mapped = 1;
        close(fd);
        return 0;
    }
    /* Not mappable (a pipe, say): read it. */
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            close(fd);
            errno = ENOMEM;
            return -1;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb)
                free(buf);
            buf = nb;
            cap *= 2;
        }
    }
    close(fd);
    f->data = buf;
    f->len = n;
    return 0;
}

void sim_file_close(sim_file_t *f)
{
    if (f->mapped)
        munmap((void *)(uintptr_t)f->data, f->len);
    else
        free((void *)(uintptr_t)f->data);
    memset(f, 0, sizeof *f);
}

static int try_dir(const char *dir, sim_file_t files[INK_FACE_COUNT])
{
    static const char *const names[INK_FACE_COUNT] = { "regular.ttf", "bold.ttf", "italic.ttf" };
    char path[PATH_MAX];
    for (int i = 0; i < INK_FACE_COUNT; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (sim_file_open(&files[i], path) != 0 || !files[i].len) {
            for (int j = 0; j <= i; j++)
                sim_file_close(&files[j]);
            return -1;
        }
    }
    return 0;
}

int sim_fonts_load(const char *dir, sim_file_t files[INK_FACE_COUNT], ink_font_data_t data[INK_FACE_COUNT])
{
    memset(files, 0, sizeof(sim_file_t) * INK_FACE_COUNT);
    int ok = -1;
    if (dir) {
        ok = try_dir(dir, files);
    } else {
        const char *env = getenv("INKPRESS_FONTS");
        if (env && *env)
            ok = try_dir(env, files);
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (ok != 0 && n > 0) {
            exe[n] = '\0';
            char *slash = strrchr(exe, '/');
            if (slash) {
                *slash = '\0';
                char d[PATH_MAX];
                snprintf(d, sizeof d, "%.*s/fonts", (int)(sizeof d - 8), exe);
                ok = try_dir(d, files);
                if (ok != 0) {
                    snprintf(d, sizeof d, "%.*s/../share/inkpress/fonts", (int)(sizeof d - 32), exe);
                    ok = try_dir(d, files);
                }
            }
        }
    }
    if (ok != 0) {
        fprintf(stderr, "inkpress: cannot find the fonts (regular.ttf, bold.ttf, italic.ttf) in %s; "
                        "run 'make' or give --fonts DIR\n", dir ? dir : "$INKPRESS_FONTS or beside the program");
        return -1;
    }
    for (int i = 0; i < INK_FACE_COUNT; i++) {
        data[i].data = files[i].data;
        data[i].len = files[i].len;
    }
    return 0;
}

void sim_fonts_close(sim_file_t files[INK_FACE_COUNT])
{
    for (int i = 0; i < INK_FACE_COUNT; i++)
        sim_file_close(&files[i]);
}

int sim_png_write(const char *path, const ink_fb_t *fb, const char **why)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        *why = strerror(errno);
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    uint8_t *row = malloc((size_t)fb->stride);
    if (!png || !info || !row) {
        png_destroy_write_struct(&png, &info);
        free(row);
        fclose(f);
        *why = "out of memory";
        return -1;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(row);
        fclose(f);
        *why = "libpng failed";
        return -1;
    }
    png_init_io(png, f);
    png_set_compression_level(png, 9);
    png_set_IHDR(png, info, (png_uint_32)fb->w, (png_uint_32)fb->h, 1, PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < fb->h; y++) {
        /* PNG gray: 0 is black; ours: 1 is ink. */
        const uint8_t *src = fb->bits + (size_t)y * fb->stride;
        for (int i = 0; i < fb->stride; i++)
            row[i] = (uint8_t)~src[i];
        png_write_row(png, row);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(row);
    if (fclose(f) != 0) {
        *why = strerror(errno);
        return -1;
    }
    return 0;
}

int sim_png_read(const char *path, ink_fb_t *fb, uint8_t **bits)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    *bits = NULL;
    if (!png_image_begin_read_from_file(&img, path))
        return -1;
    img.format = PNG_FORMAT_GRAY;
    size_t n = PNG_IMAGE_SIZE(img);
    uint8_t *gray = malloc(n);
    if (!gray || !png_image_finish_read(&img, NULL, gray, 0, NULL)) {
        free(gray);
        png_image_free(&img);
        return -1;
    }
    int w = (int)img.width, h = (int)img.height;
    uint8_t *b = malloc(ink_fb_bytes(w, h));
    if (!b) {
        free(gray);
        return -1;
    }
    ink_fb_init(fb, b, w, h);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (gray[(size_t)y * w + x] < 128)
                ink_fb_set(fb, x, y, 1);
    free(gray);
    *bits = b;
    return 0;
}

int sim_mkdirs(const char *dir)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf)
        return -1;
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

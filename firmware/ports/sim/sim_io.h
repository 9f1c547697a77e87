/* SPDX-License-Identifier: MIT */
/* sim_io.h: the PC side of the simulator, also used by the host tool's
 * preview: files in memory, the fonts, PNG output. Host code: may malloc. */
#ifndef SIM_IO_H
#define SIM_IO_H

#include <stddef.h>
#include <stdint.h>

#include "ink_fb.h"
#include "ink_font.h"

/** A read-only file in memory (mmap when it can). */
typedef struct sim_file {
    const uint8_t *data;
    size_t len;
    int mapped;
} sim_file_t;

/** Maps or reads path. Returns 0, or -1 with errno set. An empty file gives
 * data == NULL, len == 0. */
int sim_file_open(sim_file_t *f, const char *path);
void sim_file_close(sim_file_t *f);

/** Loads regular.ttf, bold.ttf and italic.ttf from dir (NULL: $INKPRESS_FONTS,
 * then fonts/ beside the executable, then ../share/inkpress/fonts beside it).
 * On failure writes a message to stderr and returns -1. */
int sim_fonts_load(const char *dir, sim_file_t files[INK_FACE_COUNT], ink_font_data_t data[INK_FACE_COUNT]);
void sim_fonts_close(sim_file_t files[INK_FACE_COUNT]);

/** Writes fb as a 1-bit grayscale PNG (ink black). Deterministic: no time
 * stamp. Returns 0, or -1 with a reason in *why. */
int sim_png_write(const char *path, const ink_fb_t *fb, const char **why);

/** Reads a 1-bit or 8-bit grayscale PNG into a framebuffer (dark = ink);
 * *bits is malloc'd. For golden-image tests. Returns 0 or -1. */
int sim_png_read(const char *path, ink_fb_t *fb, uint8_t **bits);

/** Creates dir and its parents as needed. Returns 0 or -1. */
int sim_mkdirs(const char *dir);

#endif

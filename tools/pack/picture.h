/* SPDX-License-Identifier: MIT */
/* picture.h: the host's side of pictures: decoding JPEG, PNG, WebP and the
 * first frame of a GIF with Debian's libraries, graying, scaling to the
 * widest text column any panel has, and coding for the bundle's PICS
 * section (docs/FORMAT.md): 4-bit gray, two pixels a byte, raw deflate with
 * a 4 KiB window so the device inflates a row at a time. Host only. */
#ifndef INK_PICTURE_H
#define INK_PICTURE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "article.h"

/** An 8-bit gray picture, row-major, 0 black, 255 white. */
typedef struct picture {
    int w, h;
    uint8_t *px; /**< w * h bytes, malloc'd */
} picture_t;

/** Decodes the picture in buf[0..len) (JPEG, PNG, WebP, GIF: by its first
 * bytes) into *out as gray; transparent pixels become white. Returns 0, or
 * -1 with the reason in *why. */
int picture_decode(const uint8_t *buf, size_t len, picture_t *out, const char **why);

/** picture_decode of the file at path. */
int picture_load(const char *path, picture_t *out, const char **why);

/** Scales p down (never up) to at most maxw wide and maxh high, averaging
 * the box of source pixels each one covers. Returns 0 or -1. */
int picture_fit(picture_t *p, int maxw, int maxh);

/** Codes p as a PICS picture: 4-bit gray rows deflated (window 4 KiB).
 * *out is malloc'd; *crc is the CRC-32 of the raw rows. Returns 0 or -1. */
int picture_encode(const picture_t *p, uint8_t **out, size_t *len, uint32_t *crc);

void picture_free(picture_t *p);

/** Writes p as an 8-bit gray PNG at path. Returns 0, or -1 (errno set by the
 * failing call, or EIO). */
int picture_write_png(const char *path, const picture_t *p);

/** The widest text column of the built-in panel profiles, in pixels: no
 * stored picture is wider. */
int picture_max_width(void);

/** Which pictures go in the bundle. */
typedef enum { PICS_NONE = 0, PICS_LEAD = 1, PICS_ALL = 2 } pics_mode_t;

/** The edition's pictures: the PICS section being built. */
typedef struct pics {
    uint8_t *table, *data; /**< entries (16 bytes each) and the streams, malloc'd */
    size_t n, data_len;
    size_t *bytes;         /**< stored bytes per picture */
    char **src;            /**< where each came from */
    uint32_t *hash;        /**< CRC of each one's raw rows, to store a picture once */
    size_t dropped, failed, over_budget, dups;
} pics_t;

/**
 * Loads the pictures the articles' picture blocks refer to, as mode says
 * (none: every picture block is left out; lead: each article's first
 * picture only; all), leaves out what is no picture to show (smaller than
 * 100 x 60 pixels: icons and tracking pixels; longer than 4:1 either way:
 * rules and banners), the same picture twice in an article, and whatever
 * would take the edition past budget bytes (0: no limit); numbers the rest
 * (block.pic), storing each picture once. A picture that cannot be read is
 * named on log (when not NULL) with its article's title and left out.
 * Returns 0, or -1 when out of memory.
 */
int pics_prepare(article_t *arts, size_t n, pics_mode_t mode, size_t budget, pics_t *out, FILE *log);

/** The PICS section for out (npics, the table with offsets, the streams)
 * in *sec (malloc'd). Returns 0 or -1. */
int pics_section(const pics_t *p, uint8_t **sec, size_t *len);

void pics_free(pics_t *p);

#endif

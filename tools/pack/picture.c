/* SPDX-License-Identifier: MIT */
/* picture.c: decoding, graying, scaling and coding pictures for PICS. */
#include "picture.h"

#include "ink_format.h"
#include "ink_profile.h"
#include "ink_text.h"

#include <gif_lib.h>
#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <webp/decode.h>
#include <zlib.h>

void picture_free(picture_t *p)
{
    free(p->px);
    memset(p, 0, sizeof *p);
}

int picture_write_png(const char *path, const picture_t *p)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    im.width = (png_uint_32)p->w;
    im.height = (png_uint_32)p->h;
    im.format = PNG_FORMAT_GRAY;
    return png_image_write_to_file(&im, path, 0, p->px, p->w, NULL) ? 0 : -1;
}

/* ---- decoders ------------------------------------------------------------ */

typedef struct jerr {
    struct jpeg_error_mgr mgr;
    jmp_buf jb;
} jerr_t;

static void jpeg_fail(j_common_ptr c)
{
    longjmp(((jerr_t *)(void *)c->err)->jb, 1);
}

static void jpeg_quiet(j_common_ptr c, int level)
{
    (void)c;
    (void)level;
}

static int dec_jpeg(const uint8_t *buf, size_t len, picture_t *out, const char **why)
{
    struct jpeg_decompress_struct d;
    jerr_t je;
    uint8_t *volatile px = NULL;
    d.err = jpeg_std_error(&je.mgr);
    je.mgr.error_exit = jpeg_fail;
    je.mgr.emit_message = jpeg_quiet;
    if (setjmp(je.jb)) {
        jpeg_destroy_decompress(&d);
        free(px);
        *why = "damaged JPEG";
        return -1;
    }
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, buf, (unsigned long)len);
    jpeg_read_header(&d, TRUE);
    d.out_color_space = JCS_GRAYSCALE; /* libjpeg's own Y of YCbCr (and CMYK refused below) */
    if (d.jpeg_color_space == JCS_CMYK || d.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&d);
        *why = "CMYK JPEG";
        return -1;
    }
    /* a big photo is decoded at a fraction of its size straight away */
    int maxw = picture_max_width();
    d.scale_num = 1;
    d.scale_denom = 1;
    while (d.scale_denom < 8 && d.image_width / (d.scale_denom * 2) >= (unsigned)maxw)
        d.scale_denom *= 2;
    jpeg_start_decompress(&d);
    if (d.output_components != 1 || d.output_width > 30000 || d.output_height > 30000) {
        jpeg_destroy_decompress(&d);
        *why = "JPEG too large or not gray";
        return -1;
    }
    px = malloc((size_t)d.output_width * d.output_height);
    if (!px) {
        jpeg_destroy_decompress(&d);
        *why = "out of memory";
        return -1;
    }
    while (d.output_scanline < d.output_height) {
        JSAMPROW r = px + (size_t)d.output_scanline * d.output_width;
        jpeg_read_scanlines(&d, &r, 1);
    }
    out->w = (int)d.output_width;
    out->h = (int)d.output_height;
    out->px = px;
    jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    return 0;
}

static int dec_png(const uint8_t *buf, size_t len, picture_t *out, const char **why)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&im, buf, len)) {
        *why = "damaged PNG";
        return -1;
    }
    if (im.width > 30000 || im.height > 30000) {
        png_image_free(&im);
        *why = "PNG too large";
        return -1;
    }
    im.format = PNG_FORMAT_GRAY; /* alpha composed over the background below */
    png_color white = {255, 255, 255};
    uint8_t *px = malloc((size_t)im.width * im.height);
    if (!px) {
        png_image_free(&im);
        *why = "out of memory";
        return -1;
    }
    if (!png_image_finish_read(&im, &white, px, (png_int_32)im.width, NULL)) {
        free(px);
        png_image_free(&im);
        *why = "damaged PNG";
        return -1;
    }
    out->w = (int)im.width;
    out->h = (int)im.height;
    out->px = px;
    return 0;
}

/* Rec. 601 luma of 8-bit RGB, alpha over white. */
static uint8_t gray_of(int r, int g, int b, int a)
{
    int y = (r * 299 + g * 587 + b * 114 + 500) / 1000;
    return (uint8_t)((y * a + 255 * (255 - a) + 127) / 255);
}

static int dec_webp(const uint8_t *buf, size_t len, picture_t *out, const char **why)
{
    int w, h;
    uint8_t *rgba = WebPDecodeRGBA(buf, len, &w, &h);
    if (!rgba) {
        *why = "damaged WebP";
        return -1;
    }
    uint8_t *px = malloc((size_t)w * h);
    if (!px) {
        WebPFree(rgba);
        *why = "out of memory";
        return -1;
    }
    for (size_t i = 0; i < (size_t)w * h; i++)
        px[i] = gray_of(rgba[4 * i], rgba[4 * i + 1], rgba[4 * i + 2], rgba[4 * i + 3]);
    WebPFree(rgba);
    out->w = w;
    out->h = h;
    out->px = px;
    return 0;
}

typedef struct gifmem {
    const uint8_t *p;
    size_t n, at;
} gifmem_t;

static int gif_read(GifFileType *g, GifByteType *dst, int n)
{
    gifmem_t *m = g->UserData;
    size_t k = m->n - m->at < (size_t)n ? m->n - m->at : (size_t)n;
    memcpy(dst, m->p + m->at, k);
    m->at += k;
    return (int)k;
}

static int dec_gif(const uint8_t *buf, size_t len, picture_t *out, const char **why)
{
    gifmem_t m = {buf, len, 0};
    int e = 0;
    GifFileType *g = DGifOpen(&m, gif_read, &e);
    if (!g) {
        *why = "damaged GIF";
        return -1;
    }
    /* The whole file is read; the first frame is what is shown. */
    if (DGifSlurp(g) != GIF_OK || g->ImageCount < 1 || g->SWidth <= 0 || g->SHeight <= 0 || g->SWidth > 30000 ||
        g->SHeight > 30000) {
        DGifCloseFile(g, &e);
        *why = "damaged GIF";
        return -1;
    }
    SavedImage *f = &g->SavedImages[0];
    ColorMapObject *cm = f->ImageDesc.ColorMap ? f->ImageDesc.ColorMap : g->SColorMap;
    int trans = -1;
    GraphicsControlBlock gcb;
    if (DGifSavedExtensionToGCB(g, 0, &gcb) == GIF_OK)
        trans = gcb.TransparentColor;
    int W = g->SWidth, H = g->SHeight;
    uint8_t *px = malloc((size_t)W * H);
    if (!px || !cm) {
        free(px);
        DGifCloseFile(g, &e);
        *why = px ? "GIF without colours" : "out of memory";
        return -1;
    }
    memset(px, 255, (size_t)W * H);
    GifImageDesc *d = &f->ImageDesc;
    for (int y = 0; y < d->Height; y++)
        for (int x = 0; x < d->Width; x++) {
            int X = d->Left + x, Y = d->Top + y;
            if (X < 0 || Y < 0 || X >= W || Y >= H)
                continue;
            int c = f->RasterBits[(size_t)y * d->Width + x];
            if (c == trans || c >= cm->ColorCount)
                continue;
            GifColorType *col = &cm->Colors[c];
            px[(size_t)Y * W + X] = gray_of(col->Red, col->Green, col->Blue, 255);
        }
    DGifCloseFile(g, &e);
    out->w = W;
    out->h = H;
    out->px = px;
    return 0;
}

int picture_decode(const uint8_t *buf, size_t len, picture_t *out, const char **why)
{
    memset(out, 0, sizeof *out);
    *why = "not a JPEG, PNG, WebP or GIF picture";
    if (len >= 3 && buf[0] == 0xFF && buf[1] == 0xD8 && buf[2] == 0xFF)
        return dec_jpeg(buf, len, out, why);
    if (len >= 8 && !memcmp(buf, "\x89PNG\r\n\x1a\n", 8))
        return dec_png(buf, len, out, why);
    if (len >= 12 && !memcmp(buf, "RIFF", 4) && !memcmp(buf + 8, "WEBP", 4))
        return dec_webp(buf, len, out, why);
    if (len >= 6 && (!memcmp(buf, "GIF87a", 6) || !memcmp(buf, "GIF89a", 6)))
        return dec_gif(buf, len, out, why);
    return -1;
}

int picture_load(const char *path, picture_t *out, const char **why)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "rb");
    if (!f) {
        *why = "cannot open it";
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (n < cap)
            break;
        if (cap >= (size_t)256 << 20) { /* 256 MB: no picture of a page */
            free(buf);
            buf = NULL;
            break;
        }
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
        cap *= 2;
    }
    int err = ferror(f);
    fclose(f);
    if (!buf || err) {
        free(buf);
        *why = err ? "cannot read it" : "too large, or out of memory";
        return -1;
    }
    int rc = picture_decode(buf, n, out, why);
    free(buf);
    return rc;
}

int picture_fit(picture_t *p, int maxw, int maxh)
{
    if (p->w <= maxw && p->h <= maxh)
        return 0;
    int w = p->w, h = p->h;
    if (w > maxw) {
        h = (int)((int64_t)h * maxw / w);
        w = maxw;
    }
    if (h > maxh) {
        w = (int)((int64_t)w * maxh / h);
        h = maxh;
    }
    if (w < 1)
        w = 1;
    if (h < 1)
        h = 1;
    uint8_t *q = malloc((size_t)w * h);
    if (!q)
        return -1;
    /* area average: each target pixel the mean of the source box it covers */
    for (int y = 0; y < h; y++) {
        int y0 = (int)((int64_t)y * p->h / h), y1 = (int)((int64_t)(y + 1) * p->h / h);
        if (y1 <= y0)
            y1 = y0 + 1;
        for (int x = 0; x < w; x++) {
            int x0 = (int)((int64_t)x * p->w / w), x1 = (int)((int64_t)(x + 1) * p->w / w);
            if (x1 <= x0)
                x1 = x0 + 1;
            uint32_t s = 0;
            for (int yy = y0; yy < y1; yy++)
                for (int xx = x0; xx < x1; xx++)
                    s += p->px[(size_t)yy * p->w + xx];
            q[(size_t)y * w + x] = (uint8_t)((s + (uint32_t)((x1 - x0) * (y1 - y0)) / 2) /
                                             (uint32_t)((x1 - x0) * (y1 - y0)));
        }
    }
    free(p->px);
    p->px = q;
    p->w = w;
    p->h = h;
    return 0;
}

int picture_encode(const picture_t *p, uint8_t **out, size_t *len, uint32_t *crc)
{
    size_t rb = ((size_t)p->w + 1) / 2, raw_len = rb * (size_t)p->h;
    uint8_t *raw = calloc(raw_len ? raw_len : 1, 1);
    if (!raw)
        return -1;
    for (int y = 0; y < p->h; y++)
        for (int x = 0; x < p->w; x++) {
            unsigned v = (p->px[(size_t)y * p->w + x] * 15u + 127u) / 255u;
            raw[(size_t)y * rb + (size_t)x / 2] |= (uint8_t)(x & 1 ? v : v << 4);
        }
    /* Each nibble less the one above it, modulo 16 (PNG's Up filter, per
     * pixel): photos deflate 7 to 13% smaller so, and the reader undoes it
     * with the row it just gave. From the last row up, so each still sees
     * the raw row above it. */
    for (size_t y = (size_t)p->h; y-- > 1;)
        for (size_t i = 0; i < rb; i++) {
            uint8_t *c = raw + y * rb + i, a = raw[(y - 1) * rb + i];
            *c = (uint8_t)((((unsigned)(*c >> 4) - (unsigned)(a >> 4)) & 15u) << 4 |
                           (((unsigned)(*c & 15) - (unsigned)(a & 15)) & 15u));
        }
    *crc = (uint32_t)crc32(0, raw, (uInt)raw_len);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 9, Z_DEFLATED, -INK_PIC_WBITS, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(raw);
        return -1;
    }
    size_t cap = deflateBound(&z, (uLong)raw_len);
    uint8_t *buf = malloc(cap);
    if (!buf) {
        deflateEnd(&z);
        free(raw);
        return -1;
    }
    z.next_in = raw;
    z.avail_in = (uInt)raw_len;
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    int zr = deflate(&z, Z_FINISH);
    *len = cap - z.avail_out;
    deflateEnd(&z);
    free(raw);
    if (zr != Z_STREAM_END) {
        free(buf);
        return -1;
    }
    *out = buf;
    return 0;
}

int picture_max_width(void)
{
    int m = 0;
    for (const ink_profile_t *p = ink_profiles; p->name; p++) {
        /* the reader's column: the panel less its margins (ink_app.c) */
        int col = p->w - 2 * (p->dpi * 22 / 100);
        if (col > m)
            m = col;
    }
    return m < (int)INK_PIC_MAX_W ? m : (int)INK_PIC_MAX_W;
}

/* ---- the edition's pictures ------------------------------------------------ */

void pics_free(pics_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->src[i]);
    free(p->src);
    free(p->table);
    free(p->data);
    free(p->bytes);
    free(p->hash);
    memset(p, 0, sizeof *p);
}

static int pics_add(pics_t *p, const picture_t *pic, const char *src, uint32_t *index, size_t *bytes, size_t budget,
                    size_t spent)
{
    uint8_t *s;
    size_t len;
    uint32_t crc;
    if (picture_encode(pic, &s, &len, &crc))
        return -1;
    for (size_t i = 0; i < p->n; i++)
        if (p->hash[i] == crc &&
            !memcmp(p->table + 16 * i,
                    (uint8_t[4]){(uint8_t)pic->w, (uint8_t)(pic->w >> 8), (uint8_t)pic->h, (uint8_t)(pic->h >> 8)},
                    4)) {
            free(s);
            *index = (uint32_t)i; /* the same picture again: stored once */
            *bytes = 0;
            p->dups++;
            return 0;
        }
    if (budget && spent + len > budget) {
        free(s);
        *bytes = len;
        return 1;
    }
    size_t n = p->n + 1;
    uint8_t *t = realloc(p->table, 16 * n), *d = t ? realloc(p->data, p->data_len + len) : NULL;
    if (t)
        p->table = t;
    if (d)
        p->data = d;
    size_t *b = d ? realloc(p->bytes, n * sizeof *b) : NULL;
    if (b)
        p->bytes = b;
    char **sv = b ? realloc(p->src, n * sizeof *sv) : NULL;
    if (sv)
        p->src = sv;
    uint32_t *h = sv ? realloc(p->hash, n * sizeof *h) : NULL;
    if (h)
        p->hash = h;
    char *sc = h ? article_strndup(src, strlen(src)) : NULL;
    if (!sc) {
        free(s);
        return -1;
    }
    uint8_t *e = p->table + 16 * p->n;
    ink_wr16(e, (uint16_t)pic->w);
    ink_wr16(e + 2, (uint16_t)pic->h);
    ink_wr32(e + 4, (uint32_t)p->data_len); /* relative to the data; pics_section moves it */
    ink_wr32(e + 8, (uint32_t)len);
    ink_wr32(e + 12, crc);
    memcpy(p->data + p->data_len, s, len);
    free(s);
    p->data_len += len;
    p->bytes[p->n] = len;
    p->src[p->n] = sc;
    p->hash[p->n] = crc;
    *index = (uint32_t)p->n++;
    *bytes = len;
    return 0;
}

int pics_prepare(article_t *arts, size_t n, pics_mode_t mode, size_t budget, pics_t *out, FILE *log)
{
    memset(out, 0, sizeof *out);
    int maxw = picture_max_width();
    for (size_t a = 0; a < n; a++) {
        article_t *ar = &arts[a];
        int taken = 0;
        for (size_t i = 0; i < ar->nblocks; i++) {
            article_block_t *b = &ar->blocks[i];
            if (b->kind != ARTICLE_BLOCK_PIC)
                continue;
            b->pic = -1;
            if (mode == PICS_NONE || (mode == PICS_LEAD && taken) || !b->src)
                continue;
            /* the same source twice in one article: the lead and its copy in the body */
            int seen = 0;
            for (size_t j = 0; j < i && !seen; j++)
                seen = ar->blocks[j].kind == ARTICLE_BLOCK_PIC && ar->blocks[j].src &&
                       !strcmp(ar->blocks[j].src, b->src);
            if (seen) {
                out->dups++;
                continue;
            }
            if (!strncasecmp(b->src, "http://", 7) || !strncasecmp(b->src, "https://", 8) || strstr(b->src, "://") ||
                !strncasecmp(b->src, "data:", 5)) {
                if (log)
                    fprintf(log,
                            "picture %s (in \"%s\"): not a file here (inkpress fetch downloads pictures); left out\n",
                            b->src, ar->title ? ar->title : "");
                out->failed++;
                continue;
            }
            picture_t p;
            const char *why;
            if (picture_load(b->src, &p, &why)) {
                if (log)
                    fprintf(log, "picture %s (in \"%s\"): %s; left out\n", b->src, ar->title ? ar->title : "", why);
                out->failed++;
                continue;
            }
            /* icons, tracking pixels, rules and banners are no pictures to show */
            if (p.w < 100 || p.h < 60 || p.w > 4 * p.h || p.h > 4 * p.w) {
                picture_free(&p);
                out->dropped++;
                continue;
            }
            if (picture_fit(&p, maxw, (int)INK_PIC_MAX_H)) {
                picture_free(&p);
                return -1;
            }
            uint32_t idx;
            size_t bytes;
            int r = pics_add(out, &p, b->src, &idx, &bytes, budget, out->data_len);
            picture_free(&p);
            if (r < 0)
                return -1;
            if (r > 0) {
                if (log)
                    fprintf(log, "picture %s (in \"%s\"): %zu bytes past --image-budget; left out\n", b->src,
                            ar->title ? ar->title : "", bytes);
                out->over_budget++;
                continue;
            }
            /* the lead's duplicate further down the same article */
            int again = 0;
            for (size_t j = 0; j < i && !again; j++)
                again = ar->blocks[j].kind == ARTICLE_BLOCK_PIC && ar->blocks[j].pic == (int)idx;
            if (again) {
                out->dups++;
                continue;
            }
            b->pic = (int)idx;
            taken++;
        }
    }
    return 0;
}

int pics_section(const pics_t *p, uint8_t **sec, size_t *len)
{
    size_t head = INK_PICS_HEAD + INK_PICS_ENTRY_SIZE * p->n, total = head + p->data_len;
    uint8_t *s = malloc(total ? total : 1);
    if (!s)
        return -1;
    ink_wr32(s, (uint32_t)p->n);
    for (size_t i = 0; i < p->n; i++) {
        uint8_t *e = s + INK_PICS_HEAD + INK_PICS_ENTRY_SIZE * i;
        memcpy(e, p->table + 16 * i, 16);
        ink_wr32(e + 4, (uint32_t)(ink_rd32(e + 4) + head));
    }
    memcpy(s + head, p->data, p->data_len);
    *sec = s;
    *len = total;
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* ink_font.c: FreeType from pool memory, glyph rendering to 1 bit, cache. */
#include "ink_font.h"

#include "ink_conf.h"
#include "ink_profile.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_FONT_FORMATS_H
#include FT_MODULE_H
#include FT_OUTLINE_H
#include FT_SYSTEM_H

#include <string.h>

/* FreeType's allocator hooks, all through the pool. */
static void *ft_alloc(FT_Memory m, long size)
{
    return ink_pool_alloc(m->user, (size_t)size);
}

static void ft_free(FT_Memory m, void *block)
{
    ink_pool_free(m->user, block);
}

static void *ft_realloc(FT_Memory m, long cur, long size, void *block)
{
    (void)cur;
    return ink_pool_realloc(m->user, block, (size_t)size);
}

/* 1 for a CFF face (Noto CJK), whose thin strokes take_bitmap keeps. */
static int thin_strokes(FT_Face face)
{
    const char *format = FT_Get_Font_Format(face);
    return format && !strcmp(format, "CFF");
}

static ink_err_t ft_err(FT_Error e)
{
    if (e == FT_Err_Out_Of_Memory)
        return INK_ERR_NOMEM;
    return INK_ERR_FONT;
}

ink_err_t ink_font_open(ink_font_t *f, ink_pool_t *pool, const ink_font_data_t data[INK_FACE_COUNT],
                        int mode, int threshold)
{
    return ink_font_open_n(f, pool, data, INK_FACE_COUNT, mode, threshold);
}

ink_err_t ink_font_open_n(ink_font_t *f, ink_pool_t *pool, const ink_font_data_t *data, int n, int mode,
                          int threshold)
{
    ink_err_t err = INK_OK;
    FT_Error fe;
    memset(f, 0, sizeof *f);
    f->pool = pool;
    f->mode = mode;
    f->threshold = threshold;
    if (!data[INK_FACE_REGULAR].data || !data[INK_FACE_REGULAR].len || n < INK_FACE_COUNT ||
        n > (int)INK_FONT_MAX_FACES)
        return INK_ERR_ARG;
    FT_Memory mem = ink_pool_alloc(pool, sizeof *mem);
    if (!mem)
        return INK_ERR_NOMEM;
    mem->user = pool;
    mem->alloc = ft_alloc;
    mem->free = ft_free;
    mem->realloc = ft_realloc;
    f->ft_mem = mem;
    FT_Library lib;
    fe = FT_New_Library(mem, &lib);
    if (fe) {
        err = ft_err(fe);
        goto out;
    }
    f->ft_lib = lib;
    /* The host's FreeType is Debian's shared build, which exports no module
     * classes, so it gets its default set; the board build compiles FreeType
     * with only the TrueType driver, sfnt and the rasterisers. */
    FT_Add_Default_Modules(lib);
    /* FT_Add_Default_Modules says nothing when a module cannot be added,
     * which for built-in modules only memory does; without these the faces
     * would open with no driver or render with no rasteriser, for good. */
    if (!FT_Get_Module(lib, "truetype") || !FT_Get_Module(lib, "sfnt") ||
        !FT_Get_Module(lib, mode == INK_RENDER_MONO ? "raster1" : "smooth")) {
        err = INK_ERR_NOMEM;
        goto out;
    }
    for (int i = 0; i < n; i++) {
        const ink_font_data_t *d = data[i].len ? &data[i] : &data[INK_FACE_REGULAR];
        FT_Face face;
        if (d->len > 0x7FFFFFFF) {
            err = INK_ERR_FONT;
            goto out;
        }
        fe = FT_New_Memory_Face(lib, d->data, (FT_Long)d->len, 0, &face);
        if (fe) {
            err = ft_err(fe);
            goto out;
        }
        f->nfaces = i + 1;
        f->upem[i] = face->units_per_EM;
        f->data[i] = *d;
        if (i < INK_FACE_COUNT) {
            f->face[i] = face;
            f->thin[i] = (uint8_t)thin_strokes(face);
            continue;
        }
        /* A fallback is opened when a character in its range asks for it,
         * so that only a few hold pool at a time. */
        FT_UInt gi;
        FT_ULong c = FT_Get_First_Char(face, &gi);
        f->lo[i] = gi ? (uint32_t)c : 1;
        f->hi[i] = 0;
        for (; gi; c = FT_Get_Next_Char(face, c, &gi))
            f->hi[i] = (uint32_t)c;
        FT_Done_Face(face);
    }
    f->cache = ink_pool_calloc(pool, INK_GLYPH_CACHE_SLOTS, sizeof(ink_glyph_t));
    f->bitmaps_mem = ink_pool_alloc(pool, INK_GLYPH_CACHE_BYTES);
    if (!f->cache || !f->bitmaps_mem || ink_pool_init(&f->bitmaps, f->bitmaps_mem, INK_GLYPH_CACHE_BYTES))
        err = INK_ERR_NOMEM;
out:
    if (err != INK_OK)
        ink_font_close(f);
    return err;
}

/* A bitmap lives in the cache's region, or, when it was too big for it, in
 * the main pool. */
static void free_bits(ink_font_t *f, uint8_t *bits)
{
    const uint8_t *lo = f->bitmaps_mem;
    if (lo && bits >= lo && bits < lo + INK_GLYPH_CACHE_BYTES)
        ink_pool_free(&f->bitmaps, bits);
    else
        ink_pool_free(f->pool, bits);
}

void ink_font_close_fallbacks(ink_font_t *f)
{
    for (int i = INK_FACE_COUNT; i < f->nfaces; i++)
        if (f->face[i]) {
            FT_Done_Face(f->face[i]);
            f->face[i] = NULL;
            f->face_px[i] = 0;
        }
}

ink_err_t ink_font_reopen(ink_font_t *f)
{
    ink_font_data_t d[INK_FONT_MAX_FACES];
    int n = f->nfaces, mode = f->mode, threshold = f->threshold;
    ink_pool_t *pool = f->pool;
    unsigned long failures = f->failures, boxes = f->boxes;
    int prefer = f->prefer;
    memcpy(d, f->data, sizeof d);
    ink_font_close(f);
    ink_err_t err = ink_font_open_n(f, pool, d, n, mode, threshold);
    f->failures = failures;
    f->boxes = boxes;
    f->prefer = err ? 0 : prefer;
    return err;
}

void ink_font_flush(ink_font_t *f)
{
    if (!f->cache)
        return;
    for (unsigned i = 0; i < INK_GLYPH_CACHE_SLOTS; i++) {
        free_bits(f, f->cache[i].bits);
        memset(&f->cache[i], 0, sizeof f->cache[i]);
    }
}

void ink_font_close(ink_font_t *f)
{
    if (f->cache) {
        ink_font_flush(f);
        ink_pool_free(f->pool, f->cache);
    }
    ink_pool_free(f->pool, f->bitmaps_mem);
    for (int i = 0; i < (int)INK_FONT_MAX_FACES; i++)
        if (f->face[i])
            FT_Done_Face(f->face[i]);
    if (f->ft_lib)
        FT_Done_Library(f->ft_lib);
    ink_pool_free(f->pool, f->ft_mem);
    memset(f, 0, sizeof *f);
}

static ink_err_t set_size(ink_font_t *f, int face, int px)
{
    if (f->face_px[face] == px)
        return INK_OK;
    FT_Error fe = FT_Set_Pixel_Sizes(f->face[face], 0, (FT_UInt)px);
    if (fe)
        return ft_err(fe);
    f->face_px[face] = px;
    return INK_OK;
}

ink_err_t ink_font_vmetrics(ink_font_t *f, ink_face_id_t face, int px, ink_vmetrics_t *out)
{
    ink_err_t err = set_size(f, face, px);
    if (err)
        return err;
    FT_Size_Metrics *m = &((FT_Face)f->face[face])->size->metrics;
    out->ascent = (int)((m->ascender + 63) >> 6);
    out->descent = (int)((-m->descender + 63) >> 6);
    out->line = (int)((m->height + 63) >> 6);
    return INK_OK;
}

/* The cache is set-associative: a glyph can sit in any entry of its set
 * of INK_GLYPH_CACHE_WAYS, and one not drawn lately gives way. A page
 * of Chinese draws some 250 different glyphs; direct-mapped, the 256
 * entries threw out glyphs of the page being drawn for others of it. */
#define WAYS INK_GLYPH_CACHE_WAYS
_Static_assert(INK_GLYPH_CACHE_SLOTS % WAYS == 0 && WAYS <= 16, "INK_GLYPH_CACHE_WAYS must divide the slots");

static ink_glyph_t *set_of(ink_font_t *f, uint32_t key, int px, int face)
{
    uint32_t h = key * 2654435761u ^ (uint32_t)px * 40503u ^ (uint32_t)face * 97u;
    return &f->cache[((h >> 7) % (INK_GLYPH_CACHE_SLOTS / WAYS)) * WAYS];
}

/* The entry holding (key, px, face) (*hit set), else the one to fill: an
 * empty one of its set, else one not used since the set last filled up
 * (each entry has a used bit, set when it is drawn: a hit costs a store). */
static ink_glyph_t *lookup(ink_font_t *f, uint32_t key, int px, int face, int *hit)
{
    ink_glyph_t *set = set_of(f, key, px, face);
    for (unsigned w = 0; w < WAYS; w++)
        if (set[w].cp == key && key && set[w].px == px && set[w].face == face) {
            set[w].used = 1;
            *hit = 1;
            return &set[w];
        }
    *hit = 0;
    for (unsigned w = 0; w < WAYS; w++)
        if (!set[w].cp || !set[w].used)
            return &set[w];
    /* all used lately: start the round again, and this one gives way */
    for (unsigned w = 0; w < WAYS; w++)
        set[w].used = 0;
    return &set[key % WAYS];
}

/* Fills entry g of the cache with t, marked used. */
static ink_glyph_t *fill(ink_glyph_t *g, const ink_glyph_t *t)
{
    *g = *t;
    g->used = 1;
    return g;
}

/* Bitmap memory from the cache's region; when it is full, cached glyphs
 * give theirs up, round the cache, until n bytes are free in one piece
 * (before, the whole cache was dropped). */
static uint8_t *region_alloc(ink_font_t *f, size_t n)
{
    uint8_t *p = ink_pool_alloc(&f->bitmaps, n);
    const uint8_t *lo = f->bitmaps_mem;
    for (unsigned i = 0; !p && i < INK_GLYPH_CACHE_SLOTS; i++) {
        ink_glyph_t *e = &f->cache[f->hand];
        f->hand = (f->hand + 1) % INK_GLYPH_CACHE_SLOTS;
        if (!e->bits || e->bits < lo || e->bits >= lo + INK_GLYPH_CACHE_BYTES)
            continue;
        ink_pool_free(&f->bitmaps, e->bits);
        memset(e, 0, sizeof *e);
        p = ink_pool_alloc(&f->bitmaps, n);
    }
    return p;
}

/* Coverage at (x, y) of a gray bitmap, 0 outside it. */
static unsigned cov(const FT_Bitmap *bm, int x, int y)
{
    if (x < 0 || y < 0 || x >= (int)bm->width || y >= (int)bm->rows)
        return 0;
    return bm->buffer[(long)y * bm->pitch + x];
}

/* A stroke thinner than a pixel that falls across two rows (or columns)
 * leaves each under the threshold and would vanish: a thin horizontal of a
 * CJK ideograph at 18 px, 0.7 px thick, is two rows of 35% each. When a
 * pixel and the next one across the stroke are both under the threshold,
 * the pixels beyond them are too (nothing of the stroke shows yet), and
 * the two together reach it, the darker of the two (the first on a tie) is
 * set: the stroke is drawn one pixel thick, and a thick stroke's soft edge,
 * which has its solid side next to it, is left as it was. */
static int keeps_stroke(const FT_Bitmap *bm, int x, int y, unsigned thr)
{
    unsigned v = cov(bm, x, y);
    if (!v || v >= thr)
        return 0;
    static const int dir[2][2] = { { 0, 1 }, { 1, 0 } };
    for (int d = 0; d < 2; d++) {
        int dx = dir[d][0], dy = dir[d][1];
        unsigned before = cov(bm, x - dx, y - dy), after = cov(bm, x + dx, y + dy);
        /* the pair (x, y) and the next across the stroke, v the darker or first */
        if (after < thr && v >= after && v + after >= thr && before < thr &&
            cov(bm, x + 2 * dx, y + 2 * dy) < thr)
            return 1;
        /* the pair before it and (x, y), v strictly darker */
        if (before < thr && v > before && v + before >= thr && after < thr &&
            cov(bm, x - 2 * dx, y - 2 * dy) < thr)
            return 1;
    }
    return 0;
}

/* Copies FreeType's bitmap into a pool buffer as 1 bit a pixel; thin
 * strokes are kept (keeps_stroke) for the faces that have them: the CFF
 * faces, which are Noto CJK's (on the Latin, Indic and Arabic faces it
 * would only put nubs on serifs and crossbars). */
/* Copies bm (gray or 1-bit) into a 1-bit bitmap of the cache; thin:
 * strokes thinner than a pixel kept (thin_strokes); xs, ys: emboldened,
 * every pixel spread xs pixels to the right and ys up (the bitmap grows by
 * as much; g->top is the caller's, raised by ys here). */
static ink_err_t take_bitmap(ink_font_t *f, const FT_Bitmap *bm, int thin, unsigned xs, unsigned ys,
                             ink_glyph_t *g)
{
    g->w = (uint16_t)(bm->width ? bm->width + xs : 0);
    g->h = (uint16_t)(bm->rows ? bm->rows + ys : 0);
    g->pitch = (uint16_t)((g->w + 7u) / 8u);
    g->bits = NULL;
    if (!g->w || !g->h)
        return INK_OK;
    g->top = (int16_t)(g->top + (int)ys);
    size_t n = (size_t)g->pitch * g->h;
    g->bits = region_alloc(f, n);
    if (!g->bits) /* a glyph bigger than the whole region */
        g->bits = ink_pool_alloc(f->pool, n);
    if (!g->bits)
        return INK_ERR_NOMEM;
    memset(g->bits, 0, n);
    for (unsigned y = 0; y < bm->rows; y++) {
        const unsigned char *src = bm->buffer + (long)y * bm->pitch;
        uint8_t *dst = g->bits + (size_t)(y + ys) * g->pitch;
        if (bm->pixel_mode == FT_PIXEL_MODE_MONO) {
            memcpy(dst, src, (bm->width + 7u) / 8u);
        } else {
            for (unsigned x = 0; x < bm->width; x++)
                if (src[x] >= f->threshold || (thin && keeps_stroke(bm, (int)x, (int)y, (unsigned)f->threshold)))
                    dst[x >> 3] |= (uint8_t)(0x80u >> (x & 7));
        }
    }
    /* Synthetic bold on the bitmap, not the outline: FT_Outline_Embolden
     * pushes every contour out by the outline's one orientation, and the
     * CJK faces mix clockwise and counter-clockwise strokes in a glyph
     * (に: its left stroke thinned away, the dakuten of で cut). Each row
     * ORed with itself shifted right, from its last byte back so that each
     * byte reads its left neighbour unchanged; then each row with the ys
     * rows under it, top down, so that each reads rows not yet spread. */
    for (unsigned y = 0; xs && y < g->h; y++) {
        uint8_t *row = g->bits + (size_t)y * g->pitch;
        for (unsigned s = 0; s < xs; s++)
            for (unsigned b = g->pitch; b-- > 0;)
                row[b] = (uint8_t)(row[b] | row[b] >> 1 | (b ? (row[b - 1] & 1u) << 7 : 0));
    }
    for (unsigned y = 0; ys && y < g->h; y++) {
        uint8_t *row = g->bits + (size_t)y * g->pitch;
        for (unsigned d = 1; d <= ys && y + d < g->h; d++)
            for (unsigned b = 0; b < g->pitch; b++)
                row[b] |= row[(size_t)d * g->pitch + b];
    }
    return INK_OK;
}

/* Renders glyph gid of face fi at its current size into *t (bitmap,
 * advance, bearings), after emptying cache entry g, whose place t is to
 * take; bold: emboldened (a fallback face set in bold, which has no bold
 * of its own). Hinting runs the font's bytecode, whose interpreter state
 * costs some 30 KB of pool a face; unhinted outlines cost almost nothing. */
static ink_err_t render_glyph(ink_font_t *f, int fi, uint32_t gid, int bold, int oblique, ink_glyph_t *g,
                              ink_glyph_t *t)
{
    FT_Face ft = f->face[fi];
    int mono = f->mode == INK_RENDER_MONO;
    if (FT_Load_Glyph(ft, gid, FT_LOAD_DEFAULT | (mono ? (FT_LOAD_TARGET_MONO | FT_LOAD_MONOCHROME)
                                                     : (FT_LOAD_NO_HINTING | FT_LOAD_TARGET_NORMAL))))
        return INK_ERR_FONT;
    /* Synthetic italic, as for a face without one: the outline leans right
     * about its baseline; the advance stays. */
    if (oblique && ft->glyph->format == FT_GLYPH_FORMAT_OUTLINE) {
        FT_Matrix m = { 0x10000, INK_FONT_OBLIQUE, 0, 0x10000 };
        FT_Outline_Transform(&ft->glyph->outline, &m);
    }
    if (FT_Render_Glyph(ft->glyph, mono ? FT_RENDER_MODE_MONO : FT_RENDER_MODE_NORMAL))
        return INK_ERR_FONT;
    free_bits(f, g->bits);
    memset(g, 0, sizeof *g);
    t->adv = (int32_t)ft->glyph->advance.x;
    t->left = (int16_t)ft->glyph->bitmap_left;
    t->top = (int16_t)ft->glyph->bitmap_top;
    /* Synthetic bold, as e-readers do for a face without one: the glyph
     * grows by 1/INK_FONT_EMBOLDEN of the em to the right (and half as
     * much up, from 48 px); the advance stays, since the host shaped the
     * run with the regular's. */
    unsigned xs = 0, ys = 0;
    if (bold) {
        unsigned px = f->face_px[fi];
        xs = (px + INK_FONT_EMBOLDEN / 2) / INK_FONT_EMBOLDEN;
        xs = xs ? xs : 1;
        ys = px >= 48 ? xs / 2 : 0;
    }
    return take_bitmap(f, &ft->glyph->bitmap, f->thin[fi], xs, ys, t);
}

/* Opens fallback face i, closing the one asked for longest ago when
 * INK_FONT_OPEN_FALLBACKS are open. 0 when it cannot be had. */
static int open_fallback(ink_font_t *f, int i)
{
    f->used[i] = ++f->tick;
    if (f->face[i])
        return 1;
    unsigned open = 0;
    int oldest = -1;
    /* One CFF face open at a time: a CJK face takes about 40 KB of pool,
     * and an edition in several CJK languages has one for each (a library
     * page shows their titles one under another). */
    int cff = f->data[i].len >= 4 && !memcmp(f->data[i].data, "OTTO", 4);
    for (int j = INK_FACE_COUNT; j < f->nfaces; j++)
        if (f->face[j] && cff && f->thin[j]) {
            FT_Done_Face(f->face[j]);
            f->face[j] = NULL;
            f->face_px[j] = 0;
        }
    for (int j = INK_FACE_COUNT; j < f->nfaces; j++)
        if (f->face[j]) {
            open++;
            if (oldest < 0 || f->used[j] < f->used[oldest])
                oldest = j;
        }
    if (open >= INK_FONT_OPEN_FALLBACKS && oldest >= 0) {
        FT_Done_Face(f->face[oldest]);
        f->face[oldest] = NULL;
        f->face_px[oldest] = 0;
    }
    FT_Face face;
    if (FT_New_Memory_Face(f->ft_lib, f->data[i].data, (FT_Long)f->data[i].len, 0, &face))
        return 0;
    f->face[i] = face;
    f->thin[i] = (uint8_t)thin_strokes(face);
    return 1;
}

/* cp's glyph index in fallback face i, opening it when cp is in its
 * range; 0 when it has none. */
static FT_UInt fallback_index(ink_font_t *f, int i, uint32_t cp)
{
    if (cp < f->lo[i] || cp > f->hi[i] || !open_fallback(f, i))
        return 0;
    return FT_Get_Char_Index(f->face[i], cp);
}

/* The face that draws cp for style face: the style's own, regular, then
 * the fallbacks in order; its glyph index in *gi, 0 when none has it. */
static int face_for(ink_font_t *f, ink_face_id_t face, uint32_t cp, FT_UInt *gi)
{
    *gi = FT_Get_Char_Index(f->face[face], cp);
    if (*gi)
        return face;
    if (face != INK_FACE_REGULAR) {
        *gi = FT_Get_Char_Index(f->face[INK_FACE_REGULAR], cp);
        if (*gi)
            return INK_FACE_REGULAR;
    }
    /* the article's own CJK face first (ink_font_prefer: 0 or a fallback),
     * then the fallbacks in order */
    if (f->prefer && (*gi = fallback_index(f, f->prefer, cp)))
        return f->prefer;
    for (int i = INK_FACE_COUNT; i < f->nfaces; i++)
        if (i != f->prefer && (*gi = fallback_index(f, i, cp)))
            return i;
    return face;
}

void ink_font_prefer(ink_font_t *f, int face)
{
    f->prefer = face >= INK_FACE_COUNT && face < f->nfaces ? face : 0;
}

int ink_font_has(ink_font_t *f, ink_face_id_t face, uint32_t cp)
{
    FT_UInt gi;
    if ((unsigned)face >= INK_FACE_COUNT || !f->face[face])
        return 0;
    face_for(f, face, cp, &gi);
    return gi != 0;
}

int ink_cp_ignorable(uint32_t c)
{
    /* Unicode 15's Default_Ignorable_Code_Point, by range */
    static const uint32_t r[][2] = {
        { 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x061C, 0x061C }, { 0x115F, 0x1160 },
        { 0x17B4, 0x17B5 }, { 0x180B, 0x180F }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
        { 0x2060, 0x206F }, { 0x3164, 0x3164 }, { 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF },
        { 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFF8 }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
        { 0xE0000, 0xE0FFF },
    };
    if (c < 0xAD)
        return 0;
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
        if (c >= r[i][0] && c <= r[i][1])
            return 1;
    return 0;
}

/* Scripts whose italic is a slanted form of their roman (Latin, Greek,
 * Cyrillic, Armenian): in an italic run, a fallback face's glyph of them
 * is slanted (INK_FONT_OBLIQUE). Arabic, Hebrew, the Indic and CJK scripts
 * have no such italic and stay upright. */
static int slants(uint32_t c)
{
    return (c >= 0x41 && c <= 0x24F) || (c >= 0x370 && c <= 0x58F) || (c >= 0x1C80 && c <= 0x1C8F) ||
           (c >= 0x1E00 && c <= 0x1FFF) || (c >= 0x2DE0 && c <= 0x2DFF) || (c >= 0xA640 && c <= 0xA69F) ||
           (c >= 0xFB13 && c <= 0xFB17);
}

/* A replacement box for a character no face has, as readers draw one: an
 * outlined rectangle half an em wide and as tall as a capital, so the loss
 * shows on the page. */
static ink_err_t box_glyph(ink_font_t *f, int px, ink_glyph_t *g)
{
    int w = px / 2 < 4 ? 4 : px / 2, h = px * 7 / 10 < 6 ? 6 : px * 7 / 10, t = px >= 40 ? 2 : 1;
    g->left = (int16_t)(px / 10 + 1);
    g->top = (int16_t)h;
    g->adv = (int32_t)(w + 2 * g->left) << 6;
    g->w = (uint16_t)w;
    g->h = (uint16_t)h;
    g->pitch = (uint16_t)((w + 7) / 8);
    size_t n = (size_t)g->pitch * (size_t)h;
    g->bits = region_alloc(f, n);
    if (!g->bits)
        return INK_ERR_NOMEM;
    memset(g->bits, 0, n);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            if (y < t || y >= h - t || x < t || x >= w - t)
                g->bits[(size_t)y * g->pitch + (size_t)(x >> 3)] |= (uint8_t)(0x80u >> (x & 7));
    return INK_OK;
}

int ink_font_upem(const ink_font_t *f, int face)
{
    return face >= 0 && face < f->nfaces ? f->upem[face] : 0;
}

const ink_glyph_t *ink_font_glyph_id(ink_font_t *f, int face, int px, uint32_t gid, int bold)
{
    if (face < 0 || face >= f->nfaces || gid > 0xFFFFFFu) {
        f->failures++;
        return NULL;
    }
    bold = bold && face >= INK_FACE_COUNT; /* the styled faces draw their own weight */
    uint32_t key = 0x80000000u | (bold ? 0x40000000u : 0) | (uint32_t)face << 24 | gid;
    int hit;
    ink_glyph_t *g = lookup(f, key, px, face, &hit);
    if (hit) {
        f->hits++;
        return g;
    }
    f->misses++;
    if ((face >= INK_FACE_COUNT && !open_fallback(f, face)) || set_size(f, face, px))
        goto fail;
    ink_glyph_t tmp = { 0 };
    if (gid >= (uint32_t)((FT_Face)f->face[face])->num_glyphs || render_glyph(f, face, gid, bold, 0, g, &tmp))
        goto fail;
    tmp.cp = key;
    tmp.px = (uint16_t)px;
    tmp.face = (uint8_t)face;
    return fill(g, &tmp);
fail:
    f->failures++;
    return NULL;
}

static const ink_glyph_t *glyph_get(ink_font_t *f, ink_face_id_t face, int px, uint32_t cp)
{
    if (ink_cp_ignorable(cp))
        return &f->blank;
    int hit;
    /* a character's glyph depends on the face preferred (one code point,
     * a Japanese and a Chinese form), which the entry's face keeps too */
    int slot = (int)face | f->prefer << 2;
    ink_glyph_t *g = lookup(f, cp ? cp : 0xFFFFFFFFu, px, slot, &hit);
    if (hit) {
        f->hits++;
        return g;
    }
    f->misses++;
    FT_UInt gi;
    int fi = face_for(f, face, cp, &gi);
    ink_glyph_t tmp = { 0 };
    if (!gi && cp) {
        /* Evict whatever held the slot first: the box's bits go in its place. */
        free_bits(f, g->bits);
        memset(g, 0, sizeof *g);
        if (box_glyph(f, px, &tmp))
            return NULL;
        f->boxes++;
    } else {
        if (set_size(f, fi, px))
            return NULL;
        /* whatever held the entry goes; it is rendered again when asked */
        if (render_glyph(f, fi, gi, face == INK_FACE_BOLD && fi >= INK_FACE_COUNT,
                         face == INK_FACE_ITALIC && fi >= INK_FACE_COUNT && slants(cp), g, &tmp))
            return NULL;
    }
    tmp.cp = cp ? cp : 0xFFFFFFFFu;
    tmp.px = (uint16_t)px;
    tmp.face = (uint8_t)slot;
    return fill(g, &tmp);
}

const ink_glyph_t *ink_font_glyph(ink_font_t *f, ink_face_id_t face, int px, uint32_t cp)
{
    const ink_glyph_t *g = glyph_get(f, face, px, cp);
    if (!g)
        f->failures++;
    return g;
}

void ink_font_draw(ink_fb_t *fb, const ink_glyph_t *g, int x, int y)
{
    if (g->bits)
        ink_fb_blit1(fb, x + g->left, y - g->top, g->bits, g->w, g->h, g->pitch, 0);
}

/* SPDX-License-Identifier: MIT */
/* shape.c: shaped runs for complex scripts (HarfBuzz on the subset faces). */
#include "shape.h"
#include "txbuf.h"

#include "ink_run.h"

#include <stdlib.h>
#include <string.h>

struct shaper {
    hb_font_t *font[INK_FONT_MAX_FACES];
    hb_set_t *cps[INK_FONT_MAX_FACES];
    hb_set_t *gids[INK_FONT_MAX_FACES];
    const hb_map_t *map[INK_FONT_MAX_FACES];
    hb_buffer_t *buf;
};

shaper_t *shaper_new(void)
{
    shaper_t *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->buf = hb_buffer_create();
    if (!hb_buffer_allocation_successful(s->buf)) {
        shaper_free(s);
        return NULL;
    }
    return s;
}

void shaper_free(shaper_t *s)
{
    if (!s)
        return;
    for (unsigned i = 0; i < INK_FONT_MAX_FACES; i++) {
        hb_font_destroy(s->font[i]);
        hb_set_destroy(s->cps[i]);
        hb_set_destroy(s->gids[i]);
    }
    hb_buffer_destroy(s->buf);
    free(s);
}

int shaper_add_face(shaper_t *s, int index, const uint8_t *data, size_t len, const hb_set_t *cps)
{
    if (index < INK_FACE_COUNT || index >= (int)INK_FONT_MAX_FACES || s->font[index])
        return -1;
    hb_blob_t *blob = hb_blob_create((const char *)data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    s->font[index] = hb_font_create(face); /* scale: font units */
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    s->cps[index] = hb_set_copy(cps);
    s->gids[index] = hb_set_create();
    return hb_set_allocation_successful(s->cps[index]) && hb_set_allocation_successful(s->gids[index]) ? 0 : -1;
}

const hb_set_t *shaper_gids(const shaper_t *s, int index)
{
    return index >= 0 && index < (int)INK_FONT_MAX_FACES ? s->gids[index] : NULL;
}

void shaper_set_map(shaper_t *s, int index, const hb_map_t *map)
{
    if (index >= 0 && index < (int)INK_FONT_MAX_FACES)
        s->map[index] = map;
}

/* The face that shapes c, or 0. Joiners go with the run they are in. */
static int face_of(const shaper_t *s, uint32_t c)
{
    for (int i = INK_FACE_COUNT; i < (int)INK_FONT_MAX_FACES; i++)
        if (s->font[i] && hb_set_has(s->cps[i], c))
            return i;
    return 0;
}

/* Where a run of n glyphs too many for one (Khmer, Lao, Myanmar text has
 * no spaces, so a sentence is one run) may be cut in two: the start of a
 * cluster HarfBuzz marks safe to break at, nearest the middle of the text;
 * 0 when there is none. Shaping each part alone then gives the same glyphs. */
static size_t safe_cut(hb_buffer_t *b, size_t len)
{
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
    size_t best = 0;
    for (unsigned i = 1; i < n; i++) {
        size_t c = info[i].cluster;
        if (c == 0 || c >= len || (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) ||
            info[i].cluster == info[i - 1].cluster)
            continue;
        size_t d = c > len / 2 ? c - len / 2 : len / 2 - c, e = best > len / 2 ? best - len / 2 : len / 2 - best;
        if (!best || d < e)
            best = c;
    }
    return best;
}

/* Shapes text[0..len) with face index f and writes the run (or runs, when
 * one cannot hold its glyphs), or the text as it is when it cannot be
 * shaped. Returns how many runs it wrote. */
static int shape_run(shaper_t *s, int f, const uint8_t *text, size_t len, txbuf_t *o, size_t *glyphs)
{
    hb_buffer_t *b = s->buf;
    hb_buffer_clear_contents(b);
    hb_buffer_add_utf8(b, (const char *)text, (int)len, 0, (int)len);
    hb_buffer_guess_segment_properties(b);
    hb_shape(s->font[f], b, NULL, 0);
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, NULL);
    if (n > INK_RUN_MAX_GLYPHS && hb_buffer_allocation_successful(b)) {
        size_t c = safe_cut(b, len);
        if (c) /* b is shaped again by each part */
            return shape_run(s, f, text, c, o, glyphs) + shape_run(s, f, text + c, len - c, o, glyphs);
    }
    ink_run_glyph_t g[INK_RUN_MAX_GLYPHS];
    int ok = n > 0 && n <= INK_RUN_MAX_GLYPHS && hb_buffer_allocation_successful(b);
    for (unsigned i = 0; ok && i < n; i++) {
        g[i].gid = info[i].codepoint;
        g[i].adv = pos[i].x_advance;
        g[i].dx = pos[i].x_offset;
        g[i].dy = pos[i].y_offset;
        g[i].cluster = info[i].cluster;
        if (!g[i].gid) /* a character the face lacks: leave it to the cmap */
            ok = 0;
        else if (!s->map[f])
            hb_set_add(s->gids[f], g[i].gid);
        else if (!hb_map_has(s->map[f], g[i].gid))
            ok = 0;
        else
            g[i].gid = hb_map_get(s->map[f], g[i].gid);
    }
    uint8_t *d = ok ? txbuf_room(o, INK_RUN_HEAD + (size_t)n * INK_RUN_REC + len) : NULL;
    size_t w = d ? ink_run_write(d, (uint8_t)f, g, n, text, len) : 0;
    if (w) {
        o->n += w;
        if (glyphs)
            *glyphs += n;
        return 1;
    }
    txbuf_put(o, text, len);
    return 0;
}

int shaper_text(shaper_t *s, const uint8_t *text, size_t len, uint8_t **out, size_t *outlen, size_t *runs,
                size_t *glyphs)
{
    txbuf_t o;
    txbuf_init(&o, len);
    size_t i = 0;
    while (i < len) {
        size_t k;
        uint32_t c = text[i] < 0x80 ? text[i] : ink_utf8_next(text + i, len - i, &k);
        if (text[i] < 0x80)
            k = 1;
        int f = text[i] > ' ' ? face_of(s, c) : 0;
        if (!f || c == 0x200C || c == 0x200D) {
            txbuf_put(&o, text + i, k);
            i += k;
            continue;
        }
        /* the run: characters of face f, and joiners between them */
        size_t j = i + k;
        while (j < len && text[j] >= 0x80) {
            size_t m;
            uint32_t d = ink_utf8_next(text + j, len - j, &m);
            if (d != 0x200C && d != 0x200D && face_of(s, d) != f)
                break;
            j += m;
        }
        int r = shape_run(s, f, text + i, j - i, &o, glyphs);
        if (runs)
            *runs += (size_t)r;
        i = j;
    }
    return txbuf_finish(&o, out, outlen);
}

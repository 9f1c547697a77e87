/* SPDX-License-Identifier: MIT */
/* fontsub.c: font subsets (hb-subset) and kerning pairs (hb-shape) for the
 * characters an edition uses. */
#include "fontsub.h"

#include "ink_format.h"
#include "ink_kern.h"
#include "ink_text.h"

#include <hb-subset.h>
#include <hb.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A set of 64-bit keys (face << 42 | left << 21 | right), open addressing;
 * 0 marks a free slot, and no key is 0 (a pair never has left 0). */
typedef struct keyset {
    uint64_t *v;
    size_t n, cap;
} keyset_t;

struct fontsub_use {
    hb_set_t *cps;
    keyset_t pairs;
    size_t npairs[INK_FACE_COUNT];
    /* the pairs of two ASCII characters in pairs, a bit each: most pairs
     * are, and are met again and again */
    uint64_t ascii_pairs[INK_FACE_COUNT][128 * 128 / 64];
};

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return k;
}

/* Returns 1 when added, 0 when there, -1 when out of memory. */
static int keyset_add(keyset_t *s, uint64_t key)
{
    if (2 * (s->n + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1024;
        uint64_t *v = calloc(cap, sizeof *v);
        if (!v)
            return -1;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->v[i])
                continue;
            size_t j = mix(s->v[i]) & (cap - 1);
            while (v[j])
                j = (j + 1) & (cap - 1);
            v[j] = s->v[i];
        }
        free(s->v);
        s->v = v;
        s->cap = cap;
    }
    size_t j = mix(key) & (s->cap - 1);
    while (s->v[j]) {
        if (s->v[j] == key)
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->v[j] = key;
    s->n++;
    return 1;
}

fontsub_use_t *fontsub_use_new(void)
{
    fontsub_use_t *u = calloc(1, sizeof *u);
    if (!u)
        return NULL;
    u->cps = hb_set_create();
    if (!hb_set_allocation_successful(u->cps)) {
        hb_set_destroy(u->cps);
        free(u);
        return NULL;
    }
    return u;
}

void fontsub_use_free(fontsub_use_t *u)
{
    if (!u)
        return;
    hb_set_destroy(u->cps);
    free(u->pairs.v);
    free(u);
}

int fontsub_use_merge(fontsub_use_t *to, const fontsub_use_t *from)
{
    hb_set_union(to->cps, from->cps);
    for (size_t i = 0; i < from->pairs.cap; i++) {
        uint64_t key = from->pairs.v[i];
        if (!key)
            continue;
        int a = keyset_add(&to->pairs, key);
        if (a < 0)
            return -1;
        to->npairs[key >> 42] += (size_t)a;
    }
    return hb_set_allocation_successful(to->cps) ? 0 : -1;
}

hb_set_t *fontsub_use_cps(const fontsub_use_t *u)
{
    return u->cps;
}

size_t fontsub_use_count(const fontsub_use_t *u)
{
    return hb_set_get_population(u->cps);
}

size_t fontsub_use_pairs(const fontsub_use_t *u, unsigned face)
{
    return face < INK_FACE_COUNT ? u->npairs[face] : 0;
}

static int add_pair(fontsub_use_t *u, unsigned faces, uint32_t l, uint32_t r)
{
    int ascii = l < 128 && r < 128;
    size_t bit = (size_t)l * 128 + r;
    for (unsigned f = 0; f < INK_FACE_COUNT; f++) {
        if (!(faces & (1u << f)))
            continue;
        if (ascii && u->ascii_pairs[f][bit / 64] >> bit % 64 & 1)
            continue; /* there already */
        int a = keyset_add(&u->pairs, (uint64_t)f << 42 | (uint64_t)l << 21 | r);
        if (a < 0)
            return -1;
        u->npairs[f] += (size_t)a;
        if (ascii)
            u->ascii_pairs[f][bit / 64] |= (uint64_t)1 << bit % 64;
    }
    return 0;
}

/* Characters that take part in no pair: spaces (the device stretches
 * them) and the invisible break marks. */
static int pairless(uint32_t c)
{
    return c == ' ' || c == 0xA0 || c == 0x200B || c == 0xAD || c == 0xFFFD;
}

int fontsub_use_text(fontsub_use_t *u, const char *text, size_t len, unsigned flags)
{
    const uint8_t *s = (const uint8_t *)text;
    unsigned base = flags & (FS_REGULAR | FS_BOLD | FS_ITALIC);
    int italic = 0, bold = 0;
    uint32_t prev = 0;
    unsigned prev_faces = 0;
    uint64_t ascii[2] = {0, 0}; /* the ASCII characters added by this call */
    for (size_t i = 0, k; i < len; i += k) {
        uint32_t c = s[i] < 0x80 ? (k = 1, s[i]) : ink_utf8_next(s + i, len - i, &k);
        if (c < 0x20) {
            if (flags & FS_STYLED) {
                if (c == INK_TX_ITALIC_ON || c == INK_TX_ITALIC_OFF)
                    italic = c == INK_TX_ITALIC_ON;
                else if (c == INK_TX_BOLD_ON || c == INK_TX_BOLD_OFF)
                    bold = c == INK_TX_BOLD_ON;
            }
            continue;
        }
        unsigned faces = base;
        if (flags & FS_STYLED) {
            int it = italic ^ ((flags & FS_INVERT) != 0);
            /* bold wins over italic on the device; both get the pair when
             * a run is both, which costs little */
            if (bold || it)
                faces = (bold ? FS_BOLD : 0) | (it ? FS_ITALIC : 0);
            if (base & FS_BOLD) /* a subheading is bold throughout */
                faces = FS_BOLD;
        }
        if (c >= 0x80 || !(ascii[c / 64] >> c % 64 & 1)) {
            hb_set_add(u->cps, c);
            if (c < 0x80)
                ascii[c / 64] |= (uint64_t)1 << c % 64;
        }
        if (c == 0xAD) {
            hb_set_add(u->cps, '-');
            if (prev && add_pair(u, prev_faces, prev, '-'))
                return -1;
            continue; /* the letters either side still pair */
        }
        if (pairless(c)) {
            prev = 0;
            continue;
        }
        if (prev && faces == prev_faces && add_pair(u, faces, prev, c))
            return -1;
        prev = c;
        prev_faces = faces;
    }
    return hb_set_allocation_successful(u->cps) ? 0 : -1;
}

int fontsub_use_ui(fontsub_use_t *u)
{
    static const uint32_t extra[] = { 0xA0, 0xAD, 0xB7, 0xD7, 0x2010, 0x2013, 0x2014, 0x2018, 0x2019,
                                      0x201C, 0x201D, 0x2022, 0x2026, 0xFFFD };
    hb_set_add_range(u->cps, 0x20, 0x7E);
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
        hb_set_add(u->cps, extra[i]);
    return hb_set_allocation_successful(u->cps) ? 0 : -1;
}

int fontsub_subset(const uint8_t *ttf, size_t len, const fontsub_use_t *u, unsigned flags, uint8_t **out,
                   size_t *outlen, const char **why)
{
    return fontsub_subset_face(ttf, len, 0, u, flags, out, outlen, why);
}

int fontsub_subset_face(const uint8_t *ttf, size_t len, unsigned index, const fontsub_use_t *u, unsigned flags,
                        uint8_t **out, size_t *outlen, const char **why)
{
    return fontsub_subset_glyphs(ttf, len, index, u, NULL, flags, NULL, out, outlen, why);
}

int fontsub_subset_glyphs(const uint8_t *ttf, size_t len, unsigned index, const fontsub_use_t *u,
                          const hb_set_t *gids, unsigned flags, hb_map_t *map, uint8_t **out, size_t *outlen,
                          const char **why)
{
    int rc = -1;
    *why = "out of memory";
    hb_blob_t *blob = hb_blob_create((const char *)ttf, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, index);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_face_t *sub = NULL;
    hb_blob_t *res = NULL;
    if (!in)
        goto out;
    if (hb_face_get_glyph_count(face) == 0) {
        *why = "not a TrueType or OpenType font";
        goto out;
    }
    hb_set_union(hb_subset_input_unicode_set(in), u->cps);
    if (gids)
        hb_set_union(hb_subset_input_glyph_set(in), gids);
    /* CFF outlines (Noto CJK) without subroutines: FreeType keeps two
     * tables of a pointer or offset per subroutine, global and per font DICT,
     * for as long as the face is open (about 60 KB of the pool for a CJK
     * edition's face, 103 KB against 42 KB open); inlined, the subset is no
     * larger (185,040 -> 177,752 B for the world edition's CJK face) and
     * deflates better. A TrueType font is unchanged by it. */
    hb_subset_input_set_flags(in, ((flags & FS_KEEP_HINTS) ? HB_SUBSET_FLAGS_DEFAULT : HB_SUBSET_FLAGS_NO_HINTING) |
                                      HB_SUBSET_FLAGS_DESUBROUTINIZE |
                                      ((flags & FS_GLYPH_NAMES) ? HB_SUBSET_FLAGS_GLYPH_NAMES : 0));
    /* The device reads outlines and metrics only; kerning goes in KERN. */
    static const char *const drop[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "DSIG",
                                        "Feat", "Glat", "Gloc", "Silf", "Sill", "morx", "feat", "LTSH",
                                        "VDMX", "hdmx", "PCLT", "vhea", "vmtx", "gasp" };
    hb_set_t *dt = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        hb_set_add(dt, hb_tag_from_string(drop[i], -1));
    /* Names: copyright, trademark, licence and its URL only. */
    hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
    hb_set_clear(names);
    hb_set_add(names, 0);
    hb_set_add(names, 7);
    hb_set_add(names, 13);
    hb_set_add(names, 14);
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    if (sub && map && gids) {
        const hb_map_t *o2n = hb_subset_plan_old_to_new_glyph_mapping(plan);
        for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(gids, &g);)
            if (hb_map_has(o2n, g))
                hb_map_set(map, g, hb_map_get(o2n, g));
    }
    hb_subset_plan_destroy(plan);
    if (!sub) {
        *why = "hb-subset failed";
        goto out;
    }
    res = hb_face_reference_blob(sub);
    unsigned n = 0;
    const char *d = hb_blob_get_data(res, &n);
    if (!n) {
        *why = "hb-subset gave an empty font";
        goto out;
    }
    *out = malloc(n);
    if (!*out)
        goto out;
    memcpy(*out, d, n);
    *outlen = n;
    rc = 0;
out:
    hb_blob_destroy(res);
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return rc;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The pair's adjustment in font units: how far kerning moves the right
 * glyph from where the nominal advance puts it. */
static int pair_adjust(hb_font_t *font, hb_buffer_t *buf, const hb_feature_t *feat, unsigned nfeat, uint32_t l,
                       uint32_t r, int *units)
{
    hb_codepoint_t g;
    if (!hb_font_get_nominal_glyph(font, l, &g) || !hb_font_get_nominal_glyph(font, r, &g))
        return 0;
    const uint32_t two[2] = { l, r };
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf32(buf, two, 2, 0, 2);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(font, buf, feat, nfeat);
    unsigned n = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
    if (n != 2 || !info[0].codepoint || !info[1].codepoint)
        return 0;
    *units = pos[0].x_advance - hb_font_get_glyph_h_advance(font, info[0].codepoint) + pos[1].x_offset;
    return 1;
}

int fontsub_kern(const ink_font_data_t faces[INK_FACE_COUNT], const fontsub_use_t *u, uint8_t **out,
                 size_t *outlen, size_t npairs[INK_FACE_COUNT], const char **why)
{
    int rc = -1;
    *why = "out of memory";
    /* Pairs sorted by face, left, right: the order of the section. */
    uint64_t *keys = malloc((u->pairs.n + 1) * sizeof *keys);
    int8_t *adj = malloc(u->pairs.n + 1);
    uint32_t *cps = malloc(2 * (u->pairs.n + 1) * sizeof *cps), *ent = malloc((u->pairs.n + 1) * sizeof *ent);
    hb_buffer_t *buf = hb_buffer_create();
    size_t nk = 0, ncps = 0;
    uint8_t *sec = NULL;
    if (!keys || !adj || !cps || !ent || !hb_buffer_allocation_successful(buf))
        goto out;
    for (size_t i = 0; i < u->pairs.cap; i++)
        if (u->pairs.v[i])
            keys[nk++] = u->pairs.v[i];
    qsort(keys, nk, sizeof *keys, cmp_u64);
    hb_feature_t feat[5];
    static const char *const fs[] = { "kern", "-liga", "-clig", "-calt", "-dlig" };
    for (unsigned i = 0; i < 5; i++)
        hb_feature_from_string(fs[i], -1, &feat[i]);
    size_t k = 0, kept = 0;
    for (unsigned f = 0; f < INK_FACE_COUNT; f++) {
        hb_blob_t *blob = faces[f].len ? hb_blob_create((const char *)faces[f].data, (unsigned)faces[f].len,
                                                        HB_MEMORY_MODE_READONLY, NULL, NULL)
                                       : hb_blob_get_empty();
        hb_face_t *face = hb_face_create(blob, 0);
        hb_font_t *font = hb_font_create(face); /* scale: font units */
        double upem = hb_face_get_upem(face);
        for (; k < nk && (keys[k] >> 42) == f; k++) {
            uint32_t l = (uint32_t)(keys[k] >> 21) & 0x1FFFFF, r = (uint32_t)keys[k] & 0x1FFFFF;
            int units;
            if (!faces[f].len || !pair_adjust(font, buf, feat, 5, l, r, &units) || !units)
                continue;
            long a = lround(units * 256.0 / upem);
            if (a == 0)
                continue;
            keys[kept] = keys[k];
            adj[kept++] = (int8_t)(a < -128 ? -128 : a > 127 ? 127 : a);
            cps[ncps++] = l;
            cps[ncps++] = r;
        }
        hb_font_destroy(font);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
    }
    /* The code points of the kept pairs, once each, ascending. */
    qsort(cps, ncps, sizeof *cps, cmp_u32);
    size_t nu = 0;
    for (size_t i = 0; i < ncps; i++)
        if (!nu || cps[nu - 1] != cps[i])
            cps[nu++] = cps[i];
    if (nu > INK_KERN_MAX_CPS)
        nu = INK_KERN_MAX_CPS; /* pairs with characters past the cap are dropped below */
    size_t np[INK_FACE_COUNT] = { 0 }, ne = 0;
    for (size_t i = 0; i < kept; i++) {
        uint32_t l = (uint32_t)(keys[i] >> 21) & 0x1FFFFF, r = (uint32_t)keys[i] & 0x1FFFFF;
        uint32_t *pl = bsearch(&l, cps, nu, sizeof *cps, cmp_u32), *pr = bsearch(&r, cps, nu, sizeof *cps, cmp_u32);
        if (!pl || !pr)
            continue;
        /* keys are sorted by face, left, right and indexes keep that order */
        ent[ne++] = (uint32_t)(pl - cps) << 20 | (uint32_t)(pr - cps) << 8 | (uint8_t)adj[i];
        np[keys[i] >> 42]++;
    }
    size_t len = 16 + 4 * nu + 4 * ne;
    sec = malloc(len);
    if (!sec)
        goto out;
    ink_wr32(sec, (uint32_t)nu);
    for (unsigned f = 0; f < INK_FACE_COUNT; f++) {
        ink_wr32(sec + 4 + 4 * f, (uint32_t)np[f]);
        if (npairs)
            npairs[f] = np[f];
    }
    for (size_t i = 0; i < nu; i++)
        ink_wr32(sec + 16 + 4 * i, cps[i]);
    for (size_t i = 0; i < ne; i++)
        ink_wr32(sec + 16 + 4 * nu + 4 * i, ent[i]);
    *out = sec;
    *outlen = len;
    sec = NULL;
    rc = 0;
out:
    free(keys);
    free(adj);
    free(cps);
    free(ent);
    free(sec);
    hb_buffer_destroy(buf);
    return rc;
}

int fontsub_font_section(const ink_font_data_t faces[INK_FACE_COUNT], uint8_t **out, size_t *outlen)
{
    return fontsub_font_section_n(faces, INK_FACE_COUNT, out, outlen);
}

int fontsub_font_section_n(const ink_font_data_t *faces, size_t n, uint8_t **out, size_t *outlen)
{
    if (n < INK_FACE_COUNT || n > INK_FONT_MAX_FACES)
        return -1;
    size_t table = 4 + 8 * n, len = table;
    for (size_t f = 0; f < n; f++)
        len = ((len + 3) & ~(size_t)3) + faces[f].len;
    uint8_t *sec = calloc(1, len);
    if (!sec)
        return -1;
    ink_wr32(sec, (uint32_t)n);
    size_t at = table;
    for (size_t f = 0; f < n; f++) {
        at = (at + 3) & ~(size_t)3;
        ink_wr32(sec + 4 + 8 * f, (uint32_t)at);
        ink_wr32(sec + 8 + 8 * f, (uint32_t)faces[f].len);
        if (faces[f].len)
            memcpy(sec + at, faces[f].data, faces[f].len);
        at += faces[f].len;
    }
    *out = sec;
    *outlen = len;
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* scriptfont.c: fallback faces per script from Debian's Noto packages, and
 * the characters none of them has. */
#include "scriptfont.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* In the order they are tried. Serif faces where Noto has one, to sit
 * beside the edition's serif; one weight (regular) for every style. The
 * CJK collection's face is picked per edition (cjk below). complex: its
 * script needs shaping (reordering, conjuncts, joining, marks). */
static const struct { const char *file; int complex; } faces[] = {
    { "NotoSerif-Regular.ttf", 0 },          /* Latin, Greek, Cyrillic the edition's face lacks */
    { "NotoSerifDevanagari-Regular.ttf", 1 },
    { "NotoSerifBengali-Regular.ttf", 1 },
    { "NotoSerifTamil-Regular.ttf", 1 },
    { "NotoNaskhArabic-Regular.ttf", 1 },    /* Arabic, Persian, Urdu */
    { "NotoSerifHebrew-Regular.ttf", 1 },
    { "NotoSerifThai-Regular.ttf", 1 },
    { "NotoSerifGujarati-Regular.ttf", 1 },
    { "NotoSerifGurmukhi-Regular.ttf", 1 },
    { "NotoSerifKannada-Regular.ttf", 1 },
    { "NotoSerifMalayalam-Regular.ttf", 1 },
    { "NotoSerifTelugu-Regular.ttf", 1 },
    { "NotoSerifSinhala-Regular.ttf", 1 },
    { "NotoSerifKhmer-Regular.ttf", 1 },
    { "NotoSerifLao-Regular.ttf", 1 },
    { "NotoSerifMyanmar-Regular.ttf", 1 },
    { "NotoSerifArmenian-Regular.ttf", 0 },
    { "NotoSerifGeorgian-Regular.ttf", 0 },
    { "NotoSerifEthiopic-Regular.ttf", 0 },
    { "NotoSerifCJK-Regular.ttc", 0 },       /* Chinese, Japanese, Korean (CFF) */
    { "NotoSans-Regular.ttf", 0 },
    { "NotoSansSymbols-Regular.ttf", 0 },
    { "NotoSansSymbols2-Regular.ttf", 0 },
    { "NotoSansMath-Regular.ttf", 0 },
};
#define CJK_FILE "NotoSerifCJK-Regular.ttc"

int scriptfont_cjk_index(const char *lang)
{
    if (!lang)
        return -1;
    char l[3] = { 0 };
    for (int i = 0; i < 2 && lang[i]; i++)
        l[i] = (char)(lang[i] | 0x20);
    if (lang[0] && lang[1] && lang[2] && lang[2] != '-' && lang[2] != '_')
        return -1; /* a three-letter code */
    if (!strcmp(l, "ja"))
        return 0;
    if (!strcmp(l, "ko"))
        return 1;
    if (strcmp(l, "zh"))
        return -1;
    const char *r = lang + 2;
    if (strstr(r, "Hant") || strstr(r, "hant") || strstr(r, "TW") || strstr(r, "tw"))
        return 3;
    if (strstr(r, "HK") || strstr(r, "hk") || strstr(r, "MO") || strstr(r, "mo"))
        return 4;
    return 2;
}

/* The whole of dir/file, or NULL when it is not there. */
static uint8_t *read_file(const char *dirs, const char *file, size_t *len, int *err)
{
    *err = 0;
    const char *d = dirs;
    while (*d) {
        const char *e = strchr(d, ':');
        size_t dl = e ? (size_t)(e - d) : strlen(d);
        char *path = malloc(dl + strlen(file) + 2);
        if (!path) {
            *err = 1;
            return NULL;
        }
        memcpy(path, d, dl);
        path[dl] = '/';
        strcpy(path + dl + 1, file);
        FILE *f = dl ? fopen(path, "rb") : NULL;
        free(path);
        if (f) {
            uint8_t *buf = NULL;
            long n = -1;
            if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
                (buf = malloc((size_t)n)) && fread(buf, 1, (size_t)n, f) == (size_t)n) {
                fclose(f);
                *len = (size_t)n;
                return buf;
            }
            free(buf);
            fclose(f);
            *err = 1;
            return NULL;
        }
        d += dl;
        if (*d == ':')
            d++;
    }
    return NULL;
}

void scriptfont_free(scriptfont_t *sf)
{
    for (size_t i = 0; i < sf->n; i++) {
        if (!sf->face[i].borrowed)
            free(sf->face[i].data);
        fontsub_use_free(sf->face[i].use);
    }
    fontsub_use_free(sf->missing);
    hb_set_destroy(sf->taken);
    memset(sf, 0, sizeof *sf);
}

/* Scripts the regular face may cover in part, each a list of blocks. */
static const struct { uint32_t lo, hi; uint8_t script; } script_blocks[] = {
    { 0x0370, 0x03FF, 1 }, { 0x1F00, 0x1FFF, 1 },                         /* Greek */
    { 0x0400, 0x052F, 2 }, { 0x1C80, 0x1C8F, 2 }, { 0x2DE0, 0x2DFF, 2 }, /* Cyrillic */
    { 0xA640, 0xA69F, 2 },
};

/* Moves into miss (and taken) every character of used in a script of
 * script_blocks of which miss already holds one. 0, or -1 out of memory. */
static int take_whole_scripts(hb_set_t *miss, const hb_set_t *used, hb_set_t *taken)
{
    const size_t nb = sizeof script_blocks / sizeof script_blocks[0];
    for (uint8_t script = 1; script <= 2; script++) {
        int lacks = 0;
        for (size_t b = 0; b < nb && !lacks; b++) {
            hb_codepoint_t c = script_blocks[b].lo - 1;
            lacks = script_blocks[b].script == script && hb_set_next(miss, &c) && c <= script_blocks[b].hi;
        }
        for (size_t b = 0; b < nb && lacks; b++) {
            if (script_blocks[b].script != script)
                continue;
            for (hb_codepoint_t c = script_blocks[b].lo - 1; hb_set_next(used, &c) && c <= script_blocks[b].hi;)
                if (!hb_set_has(miss, c)) {
                    hb_set_add(miss, c);
                    hb_set_add(taken, c);
                }
        }
    }
    return hb_set_allocation_successful(miss) && hb_set_allocation_successful(taken) ? 0 : -1;
}

int scriptfont_choose(scriptfont_t *sf, const ink_font_data_t *regular, const fontsub_use_t *u, const char *dirs,
                      int cjk, const char **why)
{
    int rc = -1;
    memset(sf, 0, sizeof *sf);
    *why = "out of memory";
    if (!dirs) {
        dirs = getenv("INKPRESS_SCRIPT_FONTS");
        if (!dirs || !*dirs)
            dirs = SCRIPTFONT_DIRS_DEFAULT;
    }
    hb_set_t *have = hb_set_create(), *cov = hb_set_create();
    if (!(sf->missing = fontsub_use_new()))
        goto out;
    hb_set_t *miss = fontsub_use_cps(sf->missing);
    hb_set_union(miss, fontsub_use_cps(u));
    /* what the edition's own regular face draws */
    hb_blob_t *rb = hb_blob_create((const char *)regular->data, (unsigned)regular->len, HB_MEMORY_MODE_READONLY,
                                   NULL, NULL);
    hb_face_t *rf = hb_face_create(rb, 0);
    hb_face_collect_unicodes(rf, have);
    hb_face_destroy(rf);
    hb_blob_destroy(rb);
    hb_set_subtract(miss, have);
    for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(miss, &c);)
        if (c < 0x20 || ink_cp_ignorable(c))
            hb_set_add(cov, c);
    hb_set_subtract(miss, cov);
    if (!(sf->taken = hb_set_create()) || take_whole_scripts(miss, fontsub_use_cps(u), sf->taken))
        goto out;
    if (cjk < 0) {
        int kana = hb_set_get_population(miss) && (hb_set_has(miss, 0x3042) || hb_set_has(miss, 0x30A2) ||
                                                   hb_set_has(miss, 0x306E) || hb_set_has(miss, 0x30F3));
        int hangul = 0;
        hb_codepoint_t c = 0xABFF;
        if (hb_set_next(miss, &c) && c <= 0xD7A3)
            hangul = 1;
        cjk = kana ? 0 : hangul ? 1 : 2;
    }
    for (size_t i = 0; i < sizeof faces / sizeof faces[0] && !hb_set_is_empty(miss); i++) {
        if (sf->n == SCRIPTFONT_MAX)
            break;
        size_t len = 0;
        int err;
        uint8_t *data = read_file(dirs, faces[i].file, &len, &err);
        if (!data) {
            if (err) {
                *why = "a script font cannot be read";
                goto out;
            }
            continue;
        }
        unsigned index = strcmp(faces[i].file, CJK_FILE) ? 0 : (unsigned)cjk;
        hb_blob_t *b = hb_blob_create((const char *)data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
        hb_face_t *f = hb_face_create(b, index);
        hb_set_clear(cov);
        hb_face_collect_unicodes(f, cov);
        hb_face_destroy(f);
        hb_blob_destroy(b);
        hb_set_intersect(cov, miss);
        if (hb_set_is_empty(cov)) {
            free(data);
            continue;
        }
        scriptfont_face_t *sfc = &sf->face[sf->n];
        sfc->use = fontsub_use_new();
        if (!sfc->use) {
            free(data);
            goto out;
        }
        hb_set_union(fontsub_use_cps(sfc->use), cov);
        sfc->file = faces[i].file;
        sfc->complex = faces[i].complex;
        sfc->index = index;
        sfc->cjk = !strcmp(faces[i].file, CJK_FILE);
        sfc->data = data;
        sfc->len = len;
        sf->n++;
        hb_set_subtract(miss, cov);
    }
    /* what no fallback draws of a script taken whole stays the regular's */
    hb_set_clear(cov);
    hb_set_union(cov, sf->taken);
    hb_set_intersect(cov, miss);
    hb_set_subtract(miss, cov);
    hb_set_subtract(sf->taken, cov);
    if (!hb_set_allocation_successful(miss) || !hb_set_allocation_successful(cov) ||
        !hb_set_allocation_successful(sf->taken))
        goto out;
    rc = 0;
out:
    hb_set_destroy(have);
    hb_set_destroy(cov);
    if (rc)
        scriptfont_free(sf);
    return rc;
}

int scriptfont_cjk_face(const scriptfont_t *sf)
{
    for (size_t i = 0; i < sf->n; i++)
        if (sf->face[i].cjk)
            return (int)i;
    return -1;
}

int scriptfont_add_cjk(scriptfont_t *sf, int index, const hb_set_t *cps, hb_set_t *left)
{
    int c = scriptfont_cjk_face(sf);
    if (c < 0 || sf->n == SCRIPTFONT_MAX || index < 0 || index > 4)
        return -1;
    scriptfont_face_t *f = &sf->face[sf->n];
    memset(f, 0, sizeof *f);
    if (!(f->use = fontsub_use_new()))
        return -1;
    hb_set_t *has = fontsub_use_cps(f->use);
    hb_blob_t *b = hb_blob_create((const char *)sf->face[c].data, (unsigned)sf->face[c].len,
                                  HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *hf = hb_face_create(b, (unsigned)index);
    hb_face_collect_unicodes(hf, has);
    hb_face_destroy(hf);
    hb_blob_destroy(b);
    hb_set_t *rest = hb_set_copy(cps);
    hb_set_intersect(has, cps);
    hb_set_subtract(rest, has);
    hb_set_union(left, rest);
    int ok = hb_set_allocation_successful(has) && hb_set_allocation_successful(rest) &&
             hb_set_allocation_successful(left) && !hb_set_is_empty(has);
    hb_set_destroy(rest);
    if (!ok) {
        fontsub_use_free(f->use);
        f->use = NULL;
        return -1;
    }
    f->file = sf->face[c].file;
    f->index = (unsigned)index;
    f->cjk = 1;
    f->borrowed = 1;
    f->data = sf->face[c].data;
    f->len = sf->face[c].len;
    return (int)sf->n++;
}

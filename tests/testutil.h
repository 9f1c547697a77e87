/* SPDX-License-Identifier: MIT */
/* testutil.h: shared pieces of the cmocka tests (header-only). */
#ifndef INK_TESTUTIL_H
#define INK_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "article.h"
#include "bundle_write.h"
#include "ink_font.h"
#include "scriptfont.h"
#include "sim_io.h"

/* The fonts the build ships, loaded from build/fonts (tests run from the
 * repository's top folder). */
static sim_file_t tu_font_files[INK_FACE_COUNT];
static ink_font_data_t tu_fonts[INK_FACE_COUNT];

static inline void tu_load_fonts(void)
{
    if (!tu_fonts[0].data)
        assert_int_equal(sim_fonts_load("build/fonts", tu_font_files, tu_fonts), 0);
}

/* Packing options for a bundle read with the build's fonts (loaded): the
 * defaults, the fonts subset into it, zlib instead of zopfli (fast). */
static inline bundle_opts_t tu_opts_with_fonts(void)
{
    tu_load_fonts();
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.fonts = tu_fonts;
    opts.zopfli = 0;
    return opts;
}

/* The path of a Noto face for other scripts, where the packer looks for
 * them (SCRIPTFONT_DIRS_DEFAULT); fails the test when it is not there. */
static inline void tu_noto_path(const char *file, char *out, size_t cap)
{
    char dirs[] = SCRIPTFONT_DIRS_DEFAULT;
    for (char *d = strtok(dirs, ":"); d; d = strtok(NULL, ":")) {
        snprintf(out, cap, "%s/%s", d, file);
        FILE *f = fopen(out, "rb");
        if (f) {
            fclose(f);
            return;
        }
    }
    fail_msg("%s not found (make deps installs fonts-noto-core)", file);
}

/* That face's bytes (malloc'd, *len of them). */
static inline uint8_t *tu_noto_face(const char *file, size_t *len)
{
    char path[512];
    tu_noto_path(file, path, sizeof path);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n > 0);
    rewind(f);
    uint8_t *data = malloc((size_t)n);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return data;
}

/* An article with the given title, section and paragraphs (NULL-ended). */
static inline void tu_article(article_t *a, const char *title, const char *section, const char *const *paras)
{
    memset(a, 0, sizeof *a);
    a->title = strdup(title);
    a->section = section ? strdup(section) : NULL;
    a->source = strdup("Test Wire");
    a->date = strdup("2026-11-29");
    for (size_t i = 0; paras[i]; i++)
        assert_int_equal(article_add_block(a, ARTICLE_BLOCK_PARA, paras[i], strlen(paras[i])), 0);
}

/* Story i of a made-up edition, in section: np paragraphs of one sentence
 * with words[0..nw) put in, varied enough from story to story for a
 * dictionary to be trained on them (about 300 bytes a paragraph). */
static inline void tu_story(article_t *a, int i, int np, const char *const *words, int nw, const char *section)
{
    static char para[32][400];
    const char *paras[33];
    assert_true(np <= 32);
    for (int p = 0; p < np; p++) {
        snprintf(para[p], sizeof para[p],
                 "The %s said on %s that the %s for the %s would rise by %d percent, according to a %s "
                 "published by the %s office, and the %s of the %s were told to expect a %s next year.",
                 words[(i + p) % nw], words[(i * 7 + p) % nw], words[(i * 3 + p * 5) % nw], words[p % nw],
                 (i * 31 + p * 17) % 97, words[(i + 2 * p) % nw], words[(p * 11) % nw], words[(i * 5) % nw],
                 words[(i + p * 3) % nw], words[(i * 13 + p) % nw]);
        paras[p] = para[p];
    }
    paras[np] = NULL;
    char title[80];
    snprintf(title, sizeof title, "Story %d about the %s and the %s", i, words[i % nw], words[(i * 5) % nw]);
    tu_article(a, title, section, paras);
}

/* A small bundle of n articles across two sections; *len bytes, malloc'd. */
static inline uint8_t *tu_bundle(size_t n, size_t *len)
{
    static const char *const paras[] = {
        "The council met on Tuesday to discuss the harbour budget, which has grown by a third in two years.",
        "Residents said the new ferry timetable had made their commutes longer, not shorter, and asked for a review.",
        "A spokesperson said the figures would be published next month, after an audit by an outside firm.",
        NULL,
    };
    article_t *arts = calloc(n, sizeof *arts);
    assert_non_null(arts);
    for (size_t i = 0; i < n; i++) {
        char title[64];
        snprintf(title, sizeof title, "Test article number %zu", i + 1);
        tu_article(&arts[i], title, i % 2 ? "Business" : "World", paras);
    }
    bundle_opts_t opts = BUNDLE_OPTS_DEFAULT;
    opts.name = "Test Edition";
    opts.date = "2026-11-29";
    uint8_t *out;
    const char *why;
    assert_int_equal(bundle_write(arts, n, &opts, &out, len, &why), 0);
    for (size_t i = 0; i < n; i++)
        article_free(&arts[i]);
    free(arts);
    return out;
}


#include "ink_layout.h"
#include "ink_text.h"

/* Text rebuilt from laid-out lines: blocks joined by '\n', the lines of a
 * block by ' ' (nothing after a line cut inside a word), style codes left
 * out. Keeps body blocks only (headline: want = INK_TX_HEADLINE). Counts
 * lines wider than their measure. */
typedef struct tu_text {
    const uint8_t *text;
    char *s;
    size_t n, cap;
    int started, prev_split;
    int want;
    int overfull;
    int lines;
} tu_text_t;

static inline void tu_put(tu_text_t *t, const char *s, size_t n)
{
    if (t->n + n + 1 > t->cap) {
        t->cap = (t->n + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->n, s, n);
    t->n += n;
    t->s[t->n] = '\0';
}

static inline int tu_line(void *ctx, const ink_line_t *ln)
{
    tu_text_t *t = ctx;
    t->lines++;
    if (ln->width - ln->shrink > (int32_t)ln->avail * 64)
        t->overfull++;
    int body = ln->kind != INK_TX_HEADLINE && ln->kind != INK_TX_META;
    if (t->want ? ln->kind != t->want : !body)
        return 0;
    if (t->started) {
        if (ln->first)
            tu_put(t, "\n", 1);
        else if (!t->prev_split)
            tu_put(t, " ", 1);
    }
    t->started = 1;
    for (uint32_t p = ln->start; p < ln->end; p++) {
        const uint8_t *c = t->text + p;
        if (c[0] == 0xC2 && p + 1 < ln->end && c[1] == 0xAD) { /* soft hyphen: a layout hint */
            p++;
            continue;
        }
        if (c[0] == 0xE2 && p + 2 < ln->end && c[1] == 0x80 && c[2] == 0x8B) { /* zero-width space */
            p += 2;
            continue;
        }
        if (c[0] == 0x14) /* a no-break space the packer marked: a space in the text */
            tu_put(t, " ", 1);
        else if (c[0] >= 0x20)
            tu_put(t, (const char *)c, 1);
    }
    t->prev_split = ln->split;
    return 0;
}

/* Runs tu_line over every page of L. */
static inline void tu_layout_text(ink_layout_t *L, tu_text_t *t)
{
    t->text = L->text;
    for (int p = 0; p < L->npages; p++)
        assert_int_equal(ink_layout_each_line(L, p, tu_line, t), INK_OK);
    if (!t->s)
        tu_put(t, "", 0);
}

#include "hal/ink_hal.h"
#include "ink_state.h"
#include "input.h"

/* A display that shows nothing: for tests that only need the reader to run. */
static inline ink_err_t tu_no_refresh(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)ctx;
    (void)fb;
    (void)area;
    (void)mode;
    return INK_OK;
}

static inline const ink_display_ops_t *tu_no_display(void)
{
    static const ink_display_ops_t ops = {tu_no_refresh, NULL};
    return &ops;
}

/* Reading-state storage in RAM: two slots, no power cuts. */
typedef struct tu_ram {
    uint8_t bytes[2 * INK_STATE_SLOT];
} tu_ram_t;

static inline ink_err_t tu_ram_read(void *ctx, uint32_t off, void *buf, uint32_t len)
{
    memcpy(buf, ((tu_ram_t *)ctx)->bytes + off, len);
    return INK_OK;
}

static inline ink_err_t tu_ram_write(void *ctx, uint32_t off, const void *buf, uint32_t len)
{
    memcpy(((tu_ram_t *)ctx)->bytes + off, buf, len);
    return INK_OK;
}

static inline const ink_storage_ops_t *tu_ram_ops(void)
{
    static const ink_storage_ops_t ops = {tu_ram_read, tu_ram_write, 2 * INK_STATE_SLOT};
    return &ops;
}

/* Pixels set in a framebuffer. */
static inline int tu_count_ink(const ink_fb_t *fb)
{
    int n = 0;
    for (int y = 0; y < fb->h; y++)
        for (int x = 0; x < fb->w; x++)
            n += ink_fb_get(fb, x, y);
    return n;
}

static inline int tu_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The BBC corpus's articles under dir (NNN.txt in the section folders, not
 * its README.TXT), sorted by path. */
static inline void tu_bbc_files(const char *dir, input_list_t *files)
{
    int bad = 0;
    memset(files, 0, sizeof *files);
    assert_int_equal(input_add(files, dir, &bad), 0);
    assert_int_equal(bad, 0);
    size_t keep = 0;
    for (size_t i = 0; i < files->n; i++) {
        const char *base = strrchr(files->paths[i], '/');
        base = base ? base + 1 : files->paths[i];
        if (base[0] >= '0' && base[0] <= '9')
            files->paths[keep++] = files->paths[i];
        else
            free(files->paths[i]);
    }
    files->n = keep;
    qsort(files->paths, files->n, sizeof *files->paths, tu_cmp_str);
    assert_true(files->n >= 2225);
}

/* Those files, each cleaned into one article of arts, in the same order. */
static inline void tu_bbc_articles(const char *dir, input_list_t *files, article_list_t *arts)
{
    tu_bbc_files(dir, files);
    memset(arts, 0, sizeof *arts);
    for (size_t i = 0; i < files->n; i++) {
        const char *why = NULL;
        if (input_load(files->paths[i], arts, &why) != 1)
            fail_msg("%s: %s", files->paths[i], why ? why : "not one article");
    }
}

#endif

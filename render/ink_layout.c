/* SPDX-License-Identifier: MIT */
/* ink_layout.c: greedy line breaking, justification and pagination. */
#include "ink_layout.h"

#include "ink_conf.h"
#include "ink_text.h"

#include <string.h>

/* Packed cursor for the page table: 24 bits of offset, then kind, style. */
static uint32_t pack(ink_cursor_t c)
{
    return c.off | (uint32_t)(c.kind & 0x0F) << 24 | (uint32_t)(c.style & 0x0F) << 28;
}

static ink_cursor_t unpack(uint32_t v)
{
    ink_cursor_t c = { v & 0xFFFFFFu, (uint8_t)((v >> 24) & 0x0F), (uint8_t)(v >> 28) };
    return c;
}

static int kind_px(const ink_layout_cfg_t *cfg, int kind)
{
    switch (kind) {
    case INK_TX_HEADLINE: return cfg->head_px;
    case INK_TX_META: return cfg->meta_px;
    default: return cfg->body_px;
    }
}

static ink_face_id_t kind_face(int kind, unsigned style)
{
    if (kind == INK_TX_HEADLINE || kind == INK_TX_SUBHEAD)
        return INK_FACE_BOLD;
    if (kind == INK_TX_QUOTE || kind == INK_TX_META)
        style ^= INK_STYLE_ITALIC; /* quotes are set in italic; italic inside them in roman */
    if (style & INK_STYLE_BOLD)
        return INK_FACE_BOLD;
    if (style & INK_STYLE_ITALIC)
        return INK_FACE_ITALIC;
    return INK_FACE_REGULAR;
}

static int kind_indent(const ink_layout_cfg_t *cfg, int kind)
{
    if (kind == INK_TX_QUOTE)
        return cfg->body_px * 3 / 2;
    if (kind == INK_TX_LIST)
        return cfg->body_px * 5 / 4;
    return 0;
}

static int is_justified(int kind)
{
    return kind == INK_TX_PARA || kind == INK_TX_QUOTE || kind == INK_TX_LIST;
}

static unsigned apply_style(unsigned style, uint8_t c)
{
    switch (c) {
    case INK_TX_ITALIC_ON: return style | INK_STYLE_ITALIC;
    case INK_TX_ITALIC_OFF: return style & ~INK_STYLE_ITALIC;
    case INK_TX_BOLD_ON: return style | INK_STYLE_BOLD;
    case INK_TX_BOLD_OFF: return style & ~INK_STYLE_BOLD;
    }
    return style;
}

static int32_t glyph_adv(ink_layout_t *L, ink_face_id_t face, int px, uint32_t cp, ink_err_t *err)
{
    const ink_glyph_t *g = ink_font_glyph(L->font, face, px, cp);
    if (!g) {
        *err = INK_ERR_FONT;
        return 0;
    }
    return g->adv;
}

/* Measures the word at p (up to a space, a block code or the end). When
 * limit >= 0 it stops before the first character that would cross limit
 * (taking at least one), for words too long for any line. Returns the width
 * (26.6); *end and *style are where it stopped and the style there. */
static int32_t measure_word(ink_layout_t *L, int kind, uint32_t p, int32_t limit, uint32_t *end,
                            unsigned *style, ink_err_t *err)
{
    const uint8_t *t = L->text;
    int px = kind_px(&L->cfg, kind);
    int32_t w = 0;
    int taken = 0;
    while (p < L->len && t[p] != ' ' && !INK_TX_IS_BLOCK(t[p])) {
        if (INK_TX_IS_INLINE(t[p]) || t[p] < 0x20) {
            *style = apply_style(*style, t[p]);
            p++;
            continue;
        }
        size_t n;
        uint32_t cp = ink_utf8_next(t + p, L->len - p, &n);
        int32_t a = glyph_adv(L, kind_face(kind, *style), px, cp, err);
        if (limit >= 0 && taken && w + a > limit)
            break;
        w += a;
        taken = 1;
        p += (uint32_t)n;
    }
    *end = p;
    return w;
}

static void line_box(ink_layout_t *L, int kind, ink_line_t *out)
{
    ink_vmetrics_t m = { 0, 0, 0 };
    int px = kind_px(&L->cfg, kind);
    ink_font_vmetrics(L->font, kind_face(kind, 0), px, &m);
    /* Leading from the size, not the font's line gap (which differs a lot
     * between faces): tight for headlines, 1.35 for reading. */
    int lh = kind == INK_TX_HEADLINE ? px * 6 / 5 : (px * 27 + 10) / 20;
    if (lh < m.ascent + m.descent / 2)
        lh = m.ascent + m.descent / 2;
    out->height = lh;
    out->ascent = (lh - (m.ascent + m.descent)) / 2 + m.ascent;
    switch (kind) {
    case INK_TX_HEADLINE: out->gap_before = 0; break;
    case INK_TX_META: out->gap_before = L->cfg.para_gap; break;
    case INK_TX_SUBHEAD: out->gap_before = L->cfg.para_gap * 2; break;
    default: out->gap_before = L->cfg.para_gap; break;
    }
}

ink_err_t ink_layout_line(ink_layout_t *L, ink_cursor_t at, ink_line_t *out)
{
    const uint8_t *t = L->text;
    ink_err_t err = INK_OK;
    uint32_t p = at.off;
    unsigned style = at.style;
    memset(out, 0, sizeof *out);
    out->kind = at.kind;
    if (p < L->len && INK_TX_IS_BLOCK(t[p])) {
        out->kind = t[p++];
        out->first = 1;
        style = 0;
    }
    int kind = out->kind;
    int px = kind_px(&L->cfg, kind);
    out->indent = kind_indent(&L->cfg, kind);
    out->avail = L->cfg.w - out->indent;
    int32_t avail = (int32_t)out->avail * 64;
    while (p < L->len && t[p] == ' ')
        p++;
    out->start = out->end = p;
    out->style = (uint8_t)style;
    int32_t w = 0;
    int words = 0, space = 0;
    for (;;) {
        if (p >= L->len || INK_TX_IS_BLOCK(t[p])) {
            out->last = 1;
            break;
        }
        if (t[p] == ' ') {
            while (p < L->len && t[p] == ' ')
                p++;
            space = 1;
            continue;
        }
        uint32_t q;
        unsigned st = style;
        int32_t ww = measure_word(L, kind, p, -1, &q, &st, &err);
        int32_t sp = (space && words) ? glyph_adv(L, kind_face(kind, style), px, ' ', &err) : 0;
        if (err)
            return err;
        if (!words && ww > avail) {
            /* Nothing else fits on a line with this word: cut it. */
            st = style;
            ww = measure_word(L, kind, p, avail, &q, &st, &err);
            w = ww;
            out->end = q;
            out->split = 1;
            p = q;
            style = st;
            break;
        }
        if (words && w + sp + ww > avail) {
            /* A word longer than any line (a URL) starts here and is cut at
             * the margin, rather than leaving this line half empty. */
            int32_t room = avail - w - sp;
            if (ww > avail && room >= 3 * px * 64) {
                st = style;
                ww = measure_word(L, kind, p, room, &q, &st, &err);
                w += sp + ww;
                out->gaps += space;
                out->end = q;
                out->split = 1;
                p = q;
                style = st;
            }
            break;
        }
        w += sp + ww;
        if (words && space)
            out->gaps++;
        words++;
        space = 0;
        out->end = q;
        p = q;
        style = st;
    }
    out->width = w;
    out->next.off = p;
    out->next.kind = (uint8_t)kind;
    out->next.style = (uint8_t)style;
    line_box(L, kind, out);
    if (kind == INK_TX_META && out->last)
        out->height += L->cfg.para_gap * 2; /* room for the rule under it */
    return err;
}

void ink_layout_init(ink_layout_t *L, ink_font_t *font, ink_pool_t *pool, const ink_layout_cfg_t *cfg)
{
    memset(L, 0, sizeof *L);
    L->font = font;
    L->pool = pool;
    L->cfg = *cfg;
}

void ink_layout_clear(ink_layout_t *L)
{
    ink_pool_free(L->pool, L->pages);
    L->pages = NULL;
    L->npages = 0;
    L->text = NULL;
    L->len = 0;
}

ink_err_t ink_layout_set_text(ink_layout_t *L, const uint8_t *text, uint32_t len)
{
    ink_layout_clear(L);
    if (len >= (1u << 24))
        return INK_ERR_TOO_BIG;
    L->text = text;
    L->len = len;
    L->truncated = 0;
    L->pages = ink_pool_alloc_top(L->pool, INK_MAX_PAGES * sizeof *L->pages);
    if (!L->pages)
        return INK_ERR_NOMEM;
    ink_cursor_t c = { 0, 0, 0 };
    L->pages[0] = pack(c);
    L->npages = 1;
    int y = 0, on_page = 0;
    while (c.off < L->len) {
        ink_line_t ln;
        ink_err_t err = ink_layout_line(L, c, &ln);
        if (err)
            return err;
        int h = ln.height + ((ln.first && on_page) ? ln.gap_before : 0);
        if (on_page && y + h > L->cfg.h) {
            if (L->npages == (int)INK_MAX_PAGES) {
                L->truncated = 1;
                break;
            }
            L->pages[L->npages++] = pack(c);
            y = 0;
            on_page = 0;
            h = ln.height;
        }
        y += h;
        on_page++;
        if (ln.next.off <= c.off)
            return INK_ERR_FORMAT; /* cannot happen: every line consumes text */
        c = ln.next;
    }
    return INK_OK;
}

uint32_t ink_layout_page_offset(const ink_layout_t *L, int p)
{
    if (p < 0 || p >= L->npages)
        return L->len;
    return unpack(L->pages[p]).off;
}

int ink_layout_page_of(const ink_layout_t *L, uint32_t pos)
{
    int lo = 0, hi = L->npages - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (unpack(L->pages[mid]).off <= pos)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

ink_err_t ink_layout_each_line(ink_layout_t *L, int p, int (*fn)(void *ctx, const ink_line_t *line), void *ctx)
{
    if (p < 0 || p >= L->npages)
        return INK_ERR_ARG;
    ink_cursor_t c = unpack(L->pages[p]);
    uint32_t end = p + 1 < L->npages ? unpack(L->pages[p + 1]).off : L->len;
    while (c.off < end) {
        ink_line_t ln;
        ink_err_t err = ink_layout_line(L, c, &ln);
        if (err)
            return err;
        if (fn(ctx, &ln))
            break;
        c = ln.next;
    }
    return INK_OK;
}

typedef struct draw_ctx {
    ink_layout_t *L;
    ink_fb_t *fb;
    int y;
    int lines;
    ink_err_t err;
} draw_ctx_t;

static void draw_line(ink_layout_t *L, ink_fb_t *fb, const ink_line_t *ln, int top, ink_err_t *err)
{
    const uint8_t *t = L->text;
    int kind = ln->kind;
    int px = kind_px(&L->cfg, kind);
    int base = top + ln->ascent;
    int32_t x = (int32_t)(L->cfg.x + ln->indent) * 64;
    int32_t extra = 0;
    if (L->cfg.justify && is_justified(kind) && !ln->last && !ln->split && ln->gaps > 0)
        extra = (int32_t)ln->avail * 64 - ln->width;
    if (extra < 0)
        extra = 0;
    if (kind == INK_TX_LIST && ln->first) {
        const ink_glyph_t *b = ink_font_glyph(L->font, INK_FACE_REGULAR, px, 0x2022);
        if (b)
            ink_font_draw(fb, b, L->cfg.x + ln->indent - px * 3 / 4, base);
    }
    unsigned style = ln->style;
    int gap = 0;
    uint32_t p = ln->start;
    while (p < ln->end) {
        uint8_t c = t[p];
        if (c == ' ') {
            while (p < ln->end && t[p] == ' ')
                p++;
            x += glyph_adv(L, kind_face(kind, style), px, ' ', err);
            if (extra) {
                x += (int32_t)((int64_t)extra * (gap + 1) / ln->gaps - (int64_t)extra * gap / ln->gaps);
                gap++;
            }
            continue;
        }
        if (c < 0x20) {
            style = apply_style(style, c);
            p++;
            continue;
        }
        size_t n;
        uint32_t cp = ink_utf8_next(t + p, ln->end - p, &n);
        const ink_glyph_t *g = ink_font_glyph(L->font, kind_face(kind, style), px, cp);
        if (!g) {
            *err = INK_ERR_FONT;
            return;
        }
        ink_font_draw(fb, g, (int)((x + 32) >> 6), base);
        x += g->adv;
        p += (uint32_t)n;
    }
    if (kind == INK_TX_META && ln->last) {
        ink_rect_t rule = { L->cfg.x, top + ln->height - L->cfg.para_gap, L->cfg.w, 1 + px / 16 };
        ink_fb_fill_rect(fb, rule, 1);
    }
}

static int draw_one(void *ctx, const ink_line_t *ln)
{
    draw_ctx_t *d = ctx;
    if (ln->first && d->lines)
        d->y += ln->gap_before;
    draw_line(d->L, d->fb, ln, d->y, &d->err);
    d->y += ln->height;
    d->lines++;
    return d->err != INK_OK;
}

ink_err_t ink_layout_draw_page(ink_layout_t *L, ink_fb_t *fb, int p)
{
    draw_ctx_t d = { L, fb, L->cfg.y, 0, INK_OK };
    ink_err_t err = ink_layout_each_line(L, p, draw_one, &d);
    return err ? err : d.err;
}

int32_t ink_text_width(ink_font_t *font, ink_face_id_t face, int px, const char *s, size_t n)
{
    int32_t w = 0;
    const uint8_t *u = (const uint8_t *)s;
    for (size_t i = 0; i < n;) {
        size_t k;
        if (u[i] < 0x20) {
            i++;
            continue;
        }
        uint32_t cp = ink_utf8_next(u + i, n - i, &k);
        const ink_glyph_t *g = ink_font_glyph(font, face, px, cp);
        if (g)
            w += g->adv;
        i += k;
    }
    return w;
}

int ink_text_draw(ink_fb_t *fb, ink_font_t *font, ink_face_id_t face, int px, int x, int y, const char *s,
                  size_t n, int maxw)
{
    const uint8_t *u = (const uint8_t *)s;
    int32_t limit = maxw > 0 ? (int32_t)maxw * 64 : INT32_MAX;
    int32_t full = maxw > 0 ? ink_text_width(font, face, px, s, n) : 0;
    /* Glyph pointers live only until the next lookup (the cache is direct
     * mapped), so the ellipsis is looked up again where it is drawn. */
    const ink_glyph_t *ell = ink_font_glyph(font, face, px, 0x2026);
    int32_t ell_w = ell ? ell->adv : 0;
    int cut = full > limit;
    int32_t pen = (int32_t)x * 64;
    for (size_t i = 0; i < n;) {
        size_t k;
        if (u[i] < 0x20) {
            i++;
            continue;
        }
        uint32_t cp = ink_utf8_next(u + i, n - i, &k);
        const ink_glyph_t *g = ink_font_glyph(font, face, px, cp);
        if (!g)
            break;
        if (cut && pen + g->adv + ell_w > (int32_t)x * 64 + limit) {
            ell = ink_font_glyph(font, face, px, 0x2026);
            if (ell)
                ink_font_draw(fb, ell, (int)((pen + 32) >> 6), y);
            pen += ell_w;
            break;
        }
        ink_font_draw(fb, g, (int)((pen + 32) >> 6), y);
        pen += g->adv;
        i += k;
    }
    return (int)((pen + 32) >> 6);
}

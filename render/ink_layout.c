/* SPDX-License-Identifier: MIT */
/* ink_layout.c: total-fit and greedy line breaking, justification,
 * pagination with widow, orphan and heading control. */
#include "ink_layout.h"

#include "ink_brk.h"
#include "ink_run.h"

#include "ink_conf.h"
#include "ink_text.h"

#include <string.h>

/* ---- small helpers ------------------------------------------------------- */

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
    case INK_TX_META:
    case INK_TX_PIC: return cfg->meta_px;
    default: return cfg->body_px;
    }
}

static ink_face_id_t kind_face(int kind, unsigned style)
{
    if (kind == INK_TX_HEADLINE || kind == INK_TX_SUBHEAD)
        return INK_FACE_BOLD;
    if (kind == INK_TX_QUOTE || kind == INK_TX_META || kind == INK_TX_PIC)
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
    case INK_TX_CREDIT: return style | INK_STYLE_ITALIC; /* a caption's credit, in roman */
    }
    return style;
}

#define CP_SHY 0x00ADu
#define CP_ZWSP 0x200Bu

/* The packer's one-byte layout hints (ink_text.h) as the characters they
 * stand for; 0 for any other byte. */
static uint32_t hint_cp(uint8_t c)
{
    switch (c) {
    case INK_TX_NOBREAK: return 0x00A0u;
    case INK_TX_SHY: return CP_SHY;
    case INK_TX_ZWSP: return CP_ZWSP;
    }
    return 0;
}

static int breaks_after(uint32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2013 || cp == 0x2014;
}

/* Whether the CJK rule (ink_brk.h) breaks between prev and cp, two
 * characters of one word with no mark between them: an inter-character
 * gap, which also takes the stretch of a justified line. 0 for prev means
 * a line start, a space or a break mark before cp. After a hyphen or dash
 * the break is the dash's own. */
static int cjk_gap(uint32_t prev, uint32_t cp)
{
    return prev && !breaks_after(prev) && ink_brk_between(prev, cp);
}

/* Whether the zero-width break mark at s[p] (INK_TX_ZWSP) lies between two
 * words of a script written without spaces between them (Thai, Khmer,
 * Lao, Myanmar: the packer marks their word ends): a shaped run right after
 * it, a character's last byte right before it. Such a break stretches a
 * justified line as a CJK gap does, so that a line with few spaces is not
 * opened at them alone. */
static int word_gap(const uint8_t *s, uint32_t p, uint32_t end)
{
    return s[p] == INK_TX_ZWSP && p > 0 && s[p - 1] >= 0x80 && p + 1 < end && s[p + 1] == INK_TX_GLYPHS;
}

/* Stretch of one inter-character gap of a justified line, 26.6: an eighth
 * of an em (a line of 30 ideographs may open by nearly four em in all). */
static int32_t cjk_stretch(const ink_layout_cfg_t *cfg, int kind)
{
    return (int32_t)kind_px(cfg, kind) * 8;
}

/* ---- measuring ----------------------------------------------------------- */

/* Walks the glyphs of [p, end): advances with kerning between neighbours
 * of one face. Measuring and drawing both go through it, so they agree. */
typedef struct walk {
    ink_layout_t *L;
    int kind, px;
    unsigned style;
    uint32_t prev_cp;     /* for kerning; 0 after a break in the run */
    ink_face_id_t prev_face;
    ink_err_t err;
} walk_t;

static void walk_init(walk_t *w, ink_layout_t *L, int kind, unsigned style)
{
    w->L = L;
    w->kind = kind;
    w->px = kind_px(&L->cfg, kind);
    w->style = style;
    w->prev_cp = 0;
    w->prev_face = INK_FACE_REGULAR;
    w->err = INK_OK;
}

/* Advance (26.6) of cp set after the previous glyph of the walk; *g gets
 * the glyph (valid until the next lookup). */
static int32_t walk_adv(walk_t *w, uint32_t cp, const ink_glyph_t **g)
{
    ink_face_id_t face = kind_face(w->kind, w->style);
    const ink_glyph_t *gl = ink_font_glyph(w->L->font, face, w->px, cp);
    if (g)
        *g = gl;
    if (!gl) {
        w->err = INK_ERR_FONT;
        return 0;
    }
    int32_t a = gl->adv;
    if (w->prev_cp && w->prev_face == face && w->L->kern) {
        int k = ink_kern_get(w->L->kern, (unsigned)face, w->prev_cp, cp);
        a += (int32_t)k * w->px / 4; /* 1/256 em at px pixels, in 26.6 */
    }
    w->prev_cp = cp;
    w->prev_face = face;
    return a;
}

/* A shaped run (ink_run.h) at s[0..avail): its width at px in 26.6, the
 * sum of its advances scaled as they are drawn; *len its bytes. A damaged
 * run sets *err and measures 0. */
static int32_t run_width(ink_font_t *font, int px, const uint8_t *s, size_t avail, uint32_t *len, ink_err_t *err)
{
    ink_run_t r;
    if (ink_run_parse(s, avail, &r) != INK_OK || !ink_font_upem(font, r.face)) {
        *err = INK_ERR_FORMAT;
        *len = (uint32_t)avail;
        return 0;
    }
    int upem = ink_font_upem(font, r.face);
    int32_t w = 0;
    for (unsigned i = 0; i < r.n; i++) {
        ink_run_glyph_t g;
        ink_run_glyph(&r, i, &g);
        w += ink_run_scale(g.adv, px, upem);
    }
    *len = r.len;
    return w;
}

/* Draws the shaped run at s[0..avail) with its pen at x (26.6) on
 * baseline base, emboldened when set in face INK_FACE_BOLD; returns the
 * pen after it. */
static int32_t run_draw(ink_fb_t *fb, ink_font_t *font, ink_face_id_t face, int px, const uint8_t *s, size_t avail,
                        int32_t x, int base, uint32_t *len, ink_err_t *err)
{
    ink_run_t r;
    if (ink_run_parse(s, avail, &r) != INK_OK || !ink_font_upem(font, r.face)) {
        *err = INK_ERR_FORMAT;
        *len = (uint32_t)avail;
        return x;
    }
    int upem = ink_font_upem(font, r.face);
    for (unsigned i = 0; i < r.n; i++) {
        ink_run_glyph_t g;
        ink_run_glyph(&r, i, &g);
        const ink_glyph_t *gl = ink_font_glyph_id(font, r.face, px, g.gid, face == INK_FACE_BOLD);
        if (!gl) {
            *err = INK_ERR_FONT;
            break;
        }
        int32_t gx = x + ink_run_scale(g.dx, px, upem), gy = ink_run_scale(g.dy, px, upem);
        ink_font_draw(fb, gl, (int)((gx + 32) >> 6), base - (int)((gy + 32) >> 6));
        x += ink_run_scale(g.adv, px, upem);
    }
    *len = r.len;
    return x;
}

static int32_t space_width(ink_layout_t *L, int kind, unsigned style, ink_err_t *err)
{
    const ink_glyph_t *g = ink_font_glyph(L->font, kind_face(kind, style), kind_px(&L->cfg, kind), ' ');
    if (!g) {
        *err = INK_ERR_FONT;
        return 64;
    }
    return g->adv;
}

static int32_t hyphen_width(ink_layout_t *L, int kind, unsigned style, ink_err_t *err)
{
    const ink_glyph_t *g = ink_font_glyph(L->font, kind_face(kind, style), kind_px(&L->cfg, kind), '-');
    if (!g) {
        *err = INK_ERR_FONT;
        return 0;
    }
    return g->adv;
}

/* ---- items: boxes, glue and penalties ------------------------------------ */

enum { IT_BOX, IT_GLUE, IT_PEN, IT_END };

typedef struct item {
    int32_t width;      /* 26.6; a penalty's width is drawn only when broken at */
    uint32_t pos : 24;  /* where it starts; for a penalty, where a line broken there ends
                           (flow offsets stay below 2^24: ink_layout_set_text) */
    uint32_t type : 2;  /* IT_* */
    uint32_t style : 2; /* INK_STYLE_* */
    uint32_t how : 3;   /* ink_line_end_t */
    uint32_t pad : 1;   /* a CJK gap */
} item_t;
_Static_assert(sizeof(item_t) == 8, "total fit keeps a block's items: 8 bytes each");

/* Reads items from a block one at a time; restartable at any line start. */
typedef struct tok {
    ink_layout_t *L;
    uint32_t p, end;
    int kind;
    unsigned style;
    int32_t limit;      /* longest box that fits a line, 26.6 */
    int cut_next;       /* a box was cut: a CUT penalty comes next */
    int have_run;       /* run holds the letters around p (patterns) */
    ink_hyph_run_t run;
} tok_t;

static uint32_t block_end(const ink_layout_t *L, uint32_t p)
{
    while (p < L->len && !INK_TX_IS_BLOCK(L->text[p]))
        p++;
    return p;
}

static void tok_init(tok_t *t, ink_layout_t *L, uint32_t p, uint32_t end, int kind, unsigned style, int32_t limit)
{
    t->L = L;
    t->p = p;
    t->end = end;
    t->kind = kind;
    t->style = style;
    t->limit = limit;
    t->cut_next = 0;
    t->have_run = 0;
}

/* Whether the edition's patterns (L->hyph, body text only) break the word
 * right before text[t->p]: a soft hyphen that is not in the text. */
static int tok_pattern_break(tok_t *t)
{
    const ink_hyph_t *h = t->L->hyph;
    uint8_t c = t->L->text[t->p];
    if (!h || t->kind < INK_TX_PARA || t->kind > INK_TX_LIST || !ink_hyph_in_run(c) || c == INK_TX_SHY)
        return 0;
    if (!t->have_run || t->p < t->run.start || t->p >= t->run.end) {
        ink_hyph_run(h, t->L->text, t->L->len, t->p, &t->run);
        t->have_run = 1;
    }
    uint32_t j = t->p - t->run.start; /* runs longer than INK_HYPH_RUN_MAX have no breaks */
    return j < INK_HYPH_RUN_MAX && (t->run.breaks >> j & 1);
}

static uint32_t cp_at(const ink_layout_t *L, uint32_t p, uint32_t end, size_t *n)
{
    return ink_utf8_next(L->text + p, end - p, n);
}

/* The next item, or IT_END. */
static void tok_next(tok_t *t, item_t *it, ink_err_t *err)
{
    const uint8_t *s = t->L->text;
    memset(it, 0, sizeof *it);
    it->pos = t->p;
    it->style = (uint8_t)t->style;
    if (t->cut_next == 1) {
        t->cut_next = 0;
        it->type = IT_PEN;
        it->how = INK_END_CUT;
        return;
    }
    if (t->cut_next == 5) { /* an inter-character gap of the CJK rule */
        t->cut_next = 0;
        it->type = IT_GLUE;
        it->how = INK_END_ZWSP;
        it->pad = 1;
        return;
    }
    if (t->cut_next == 4) { /* a break the patterns found */
        t->cut_next = 0;
        it->type = IT_PEN;
        it->how = INK_END_SHY;
        it->width = hyphen_width(t->L, t->kind, t->style, err);
        return;
    }
    if (t->p >= t->end) {
        it->type = IT_END;
        return;
    }
    if (s[t->p] == ' ') {
        while (t->p < t->end && s[t->p] == ' ')
            t->p++;
        it->type = IT_GLUE;
        it->width = space_width(t->L, t->kind, t->style, err);
        return;
    }
    size_t n;
    uint32_t cp = hint_cp(s[t->p]);
    if (cp)
        n = 1;
    else
        cp = cp_at(t->L, t->p, t->end, &n);
    if (word_gap(s, t->p, t->end)) { /* a break between words that stretches */
        t->p++;
        it->type = IT_GLUE;
        it->how = INK_END_ZWSP;
        it->pad = 1;
        return;
    }
    if (cp == CP_SHY || cp == CP_ZWSP) {
        t->p += (uint32_t)n;
        it->type = IT_PEN;
        it->how = cp == CP_SHY ? INK_END_SHY : INK_END_ZWSP;
        it->width = cp == CP_SHY ? hyphen_width(t->L, t->kind, t->style, err) : 0;
        return;
    }
    /* A box: up to a space, a soft hyphen, a zero-width space, the block's
     * end, or just after a hyphen or dash with more of the word after it. */
    walk_t w;
    walk_init(&w, t->L, t->kind, t->style);
    it->type = IT_BOX;
    int taken = 0, join = 0;
    uint32_t prev = 0;
    while (t->p < t->end && s[t->p] != ' ') {
        if (taken && tok_pattern_break(t)) {
            t->cut_next = 4; /* the penalty comes as the next item */
            break;
        }
        if (s[t->p] == INK_TX_JOIN) {
            join = 1;
            t->p++;
            continue;
        }
        cp = hint_cp(s[t->p]);
        if (!cp && s[t->p] == INK_TX_LEVEL) { /* bidi level: no width (the line's order comes from it) */
            t->p += t->end - t->p >= 2 ? 2 : 1;
            continue;
        }
        if (!cp && s[t->p] == INK_TX_GLYPHS) {
            /* a shaped run: one piece of the box, never cut inside */
            uint32_t rl;
            int32_t a = run_width(t->L->font, w.px, s + t->p, t->end - t->p, &rl, err);
            w.prev_cp = 0;
            if (taken && it->width + a > t->limit) {
                t->cut_next = 1;
                break;
            }
            it->width += a;
            taken = 1;
            t->p += rl;
            continue;
        }
        if (cp) {
            n = 1;
        } else if (s[t->p] < 0x20) {
            t->style = apply_style(t->style, s[t->p]);
            w.style = t->style;
            t->p++;
            continue;
        } else {
            cp = cp_at(t->L, t->p, t->end, &n);
        }
        if (cp == CP_SHY || cp == CP_ZWSP)
            break;
        if (taken && !join && cjk_gap(prev, cp)) {
            t->cut_next = 5; /* the gap comes as the next item */
            break;
        }
        int32_t a = walk_adv(&w, cp, NULL);
        if (taken && it->width + a > t->limit && !ink_brk_inside_cluster(prev, cp)) {
            t->cut_next = 1; /* a word wider than the line: cut it here, between clusters */
            break;
        }
        it->width += a;
        taken = 1;
        prev = cp;
        join = 0;
        t->p += (uint32_t)n;
        if (breaks_after(cp) && t->p < t->end && s[t->p] != ' ') {
            size_t m;
            uint32_t nx = hint_cp(s[t->p]);
            if (!nx)
                nx = cp_at(t->L, t->p, t->end, &m);
            if (nx != CP_SHY && nx != CP_ZWSP && !breaks_after(nx)) {
                /* the penalty after it comes as the next item */
                t->cut_next = 3;
                break;
            }
        }
    }
    if (w.err)
        *err = w.err;
}

/* The penalty after a hyphen inside a word comes as the item after the box
 * (tok_next leaves cut_next at 3): returns 1 when one is due and fills it. */
static int tok_hyphen_due(tok_t *t, item_t *it)
{
    if (t->cut_next != 3)
        return 0;
    t->cut_next = 0;
    memset(it, 0, sizeof *it);
    it->pos = t->p;
    it->style = (uint8_t)t->style;
    it->type = IT_PEN;
    it->how = INK_END_HYPHEN;
    return 1;
}

static void tok_item(tok_t *t, item_t *it, ink_err_t *err)
{
    if (!tok_hyphen_due(t, it))
        tok_next(t, it, err);
}

/* ---- breaking a block ---------------------------------------------------- */

/* The widest box a line of avail (26.6) takes: a word wider than that is
 * cut, leaving room for the hyphen a soft break after it would draw. */
static int32_t box_limit(const ink_layout_t *L, int kind, int32_t avail)
{
    return avail - kind_px(&L->cfg, kind) * 32;
}

/* Line arrays being built. When they are full, the line that did not fit
 * is remembered: the next piece of the block starts with it. */
typedef struct lines {
    uint32_t *start, *end;
    uint8_t *how, *style;
    uint16_t n, cap;
    uint8_t full, over_style;
    uint32_t over_start;
} lines_t;

static int lines_add(lines_t *ls, uint32_t start, uint32_t end, uint8_t how, uint8_t style)
{
    if (ls->n == ls->cap) {
        if (!ls->full) {
            ls->full = 1;
            ls->over_start = start;
            ls->over_style = style;
        }
        return -1;
    }
    ls->start[ls->n] = start;
    ls->end[ls->n] = end;
    ls->how[ls->n] = how;
    ls->style[ls->n] = style;
    ls->n++;
    return 0;
}

/* Greedy: each line takes what fits, up to its last break opportunity. */
static ink_err_t break_greedy(ink_layout_t *L, uint32_t p, uint32_t end, int kind, unsigned style, int32_t avail,
                              lines_t *ls)
{
    ink_err_t err = INK_OK;
    for (;;) {
        tok_t t;
        tok_init(&t, L, p, end, kind, style, box_limit(L, kind, avail));
        item_t it;
        /* skip leading glue */
        uint32_t start = p;
        unsigned start_style = style;
        int32_t w = 0;
        int have_box = 0;
        /* the best break so far: where the line ends, where the next starts */
        uint32_t b_end = 0, b_next = 0;
        uint8_t b_how = 0, b_style = 0;
        int have_break = 0;
        uint32_t last_end = start;
        int done = 0;
        for (;;) {
            tok_item(&t, &it, &err);
            if (err)
                return err;
            if (it.type == IT_END) {
                done = 1;
                break;
            }
            if (it.type == IT_GLUE) {
                if (!have_box) {
                    start = t.p;
                    start_style = t.style;
                    last_end = start;
                    continue;
                }
                have_break = 1;
                b_end = it.pos;
                b_next = t.p;
                b_how = it.how; /* INK_END_SPACE, or INK_END_ZWSP at a CJK gap */
                b_style = (uint8_t)t.style;
                w += it.width;
                continue;
            }
            if (it.type == IT_PEN) {
                if (have_box && w + it.width <= avail) {
                    have_break = 1;
                    b_end = it.pos;
                    b_next = t.p;
                    b_how = it.how;
                    b_style = (uint8_t)t.style;
                }
                if (it.how == INK_END_CUT) { /* must break here */
                    if (!have_break || b_end != it.pos)
                        b_end = it.pos, b_next = t.p, b_how = INK_END_CUT, b_style = (uint8_t)t.style;
                    have_break = 1;
                    break;
                }
                continue;
            }
            /* a box */
            if (have_box && w + it.width > avail && have_break)
                break;
            w += it.width;
            have_box = 1;
            last_end = t.p;
        }
        if (done) {
            if (lines_add(ls, start, last_end, INK_END_LAST, (uint8_t)start_style))
                return INK_ERR_NOMEM;
            return INK_OK;
        }
        if (lines_add(ls, start, b_end, b_how, (uint8_t)start_style))
            return INK_ERR_NOMEM;
        p = b_next;
        style = b_style;
    }
}

/* Knuth and Plass's total fit, after "Breaking Paragraphs into Lines"
 * (1981): boxes, glue (stretch 1/2, shrink 1/3 of a space), penalties
 * (soft hyphen 50, after a hyphen 50, cut 0), integer badness as in TeX,
 * demerits (10 + b)^2 + p^2, plus 10000 for two hyphenated lines running
 * and for lines of fitness classes more than one apart. Three passes: no
 * hyphenation with tolerance 100; hyphenation with tolerance 200; any
 * badness (a line with a cut word or a lone long word). */
#define KP_INF_BAD 10000
#ifndef KP_LINE_PENALTY
#define KP_LINE_PENALTY 10
#endif
#ifndef KP_HYPHEN_PENALTY
#define KP_HYPHEN_PENALTY 50
#endif
#ifndef KP_DOUBLE_HYPHEN
#define KP_DOUBLE_HYPHEN 10000
#endif
#ifndef KP_ADJ
#define KP_ADJ 10000
#endif
#ifndef KP_FINAL_HYPHEN
#define KP_FINAL_HYPHEN 5000
#endif
#ifndef KP_TOL2
#define KP_TOL2 200
#endif
/* Spaces stretch by half and shrink by half of their width. TeX shrinks
 * by a third; on a 1-bit page at 65 characters a line, letting spaces
 * close to half (about 3 pixels at 10 pt and 167 dpi, still a clear gap)
 * cuts the lines stretched past 1.5 spaces from 2.3% to 0.6% of the BBC
 * corpus and halves the hyphenated lines (preview --stats). */
#ifndef KP_SHRINK_NUM
#define KP_SHRINK_NUM 1
#define KP_SHRINK_DEN 2
#endif

/* A feasible break (28 bytes): items and nodes stay below 65535. */
#define NO_NODE 0xFFFFu
typedef struct node {
    uint16_t item;    /* break after which the line starts; NO_NODE for the block start */
    uint16_t prev;    /* node index, NO_NODE for none */
    uint16_t next_active;
    uint16_t line;
    int32_t tw, ty, tz;
    uint32_t demerits; /* saturating */
    uint8_t fitness, flagged;
} node_t;

static int badness(int32_t t, int32_t s)
{
    if (t == 0)
        return 0;
    if (s <= 0)
        return KP_INF_BAD;
    int64_t r;
    if (t <= 7230584)
        r = (int64_t)t * 297 / s;
    else if (s >= 1663497)
        r = t / (s / 297);
    else
        r = t;
    if (r > 1290)
        return KP_INF_BAD;
    return (int)((r * r * r + 0x20000) / 0x40000);
}

static int pen_value(const item_t *it)
{
    switch (it->how) {
    case INK_END_SHY: case INK_END_HYPHEN: return KP_HYPHEN_PENALTY;
    default: return 0;
    }
}

static ink_err_t break_total_fit(ink_layout_t *L, uint32_t p, uint32_t end, int kind, unsigned style, int32_t avail,
                                 lines_t *ls, int *ok)
{
    ink_err_t err = INK_OK;
    *ok = 0;
    /* The items, read once into pool memory: room for one every two bytes
     * of text to start with (a word of English makes about one every
     * three), more when the block needs it, the rest given back after;
     * a long block's counted first. */
    tok_t t;
    item_t it;
    int32_t limit = box_limit(L, kind, avail);
    uint32_t n = 0, cap = (end - p) / 2 + 8;
    if (cap > INK_KP_MAX_ITEMS)
        cap = INK_KP_MAX_ITEMS;
    if (2u * (end - p) + 1u > INK_KP_MAX_ITEMS) {
        /* A block this long may make more items than total fit takes
         * (two a byte at most): they are counted first, before any memory
         * is taken, as greedy then needs none (measuring them may open a
         * fallback face, which wants the room). */
        tok_init(&t, L, p, end, kind, style, limit);
        do {
            tok_item(&t, &it, &err);
            if (err)
                return err;
            n++;
        } while (it.type != IT_END && n <= INK_KP_MAX_ITEMS);
        if (n > INK_KP_MAX_ITEMS)
            return INK_OK; /* too long a block: greedy */
        cap = n;
        n = 0;
    }
    node_t *nodes = NULL;
    item_t *items = ink_pool_alloc(L->pool, (size_t)cap * sizeof *items);
    if (!items)
        return INK_OK; /* no memory: greedy */
    tok_init(&t, L, p, end, kind, style, limit);
    do {
        if (n == cap) {
            if (cap == INK_KP_MAX_ITEMS)
                goto out; /* too long a block: greedy */
            uint32_t more = cap + cap / 2 + 16;
            if (more > INK_KP_MAX_ITEMS)
                more = INK_KP_MAX_ITEMS;
            item_t *grown = ink_pool_realloc(L->pool, items, (size_t)more * sizeof *items);
            if (!grown)
                goto out; /* no memory: greedy */
            items = grown;
            cap = more;
        }
        tok_item(&t, &items[n], &err);
        if (err)
            goto out;
    } while (items[n++].type != IT_END);
    if (n < cap) {
        item_t *fit = ink_pool_realloc(L->pool, items, (size_t)n * sizeof *items); /* in place */
        if (fit)
            items = fit;
    }
    /* Feasible breaks number about one a word; a block that makes more
     * than this falls back a pass (and at last to greedy) rather than
     * taking the pool. */
    uint32_t cap_nodes = 2 * n + 32;
    if (cap_nodes > INK_KP_MAX_NODES)
        cap_nodes = INK_KP_MAX_NODES;
    nodes = ink_pool_alloc(L->pool, (size_t)cap_nodes * sizeof *nodes);
    if (!nodes)
        goto out; /* no memory: greedy */
    /* items[n-1] is IT_END: it stands for the final glue and forced break. */
    int32_t kst = cjk_stretch(&L->cfg, kind);
    for (int pass = 0; pass < 3 && !*ok; pass++) {
        int tol = pass == 0 ? 100 : pass == 1 ? KP_TOL2 : KP_INF_BAD;
        uint32_t nn = 1, active = 0;
        memset(&nodes[0], 0, sizeof nodes[0]);
        nodes[0].item = NO_NODE;
        nodes[0].prev = NO_NODE;
        nodes[0].next_active = NO_NODE;
        nodes[0].fitness = 1;
        int32_t tw = 0, ty = 0, tz = 0;
        int full = 0;
        for (uint32_t i = 0; i < n && active != NO_NODE && !full; i++) {
            item_t *x = &items[i];
            int legal = 0, pen = 0, flagged = 0;
            int32_t pw = 0;
            if (x->type == IT_BOX) {
                tw += x->width;
                continue;
            }
            if (x->type == IT_GLUE) {
                legal = i > 0 && items[i - 1].type == IT_BOX;
            } else if (x->type == IT_PEN) {
                legal = !(pass == 0 && x->how == INK_END_SHY);
                pen = pen_value(x);
                flagged = x->how == INK_END_SHY || x->how == INK_END_HYPHEN;
                pw = x->how == INK_END_SHY ? x->width : 0;
                if (x->how == INK_END_CUT)
                    legal = pass == 2; /* cutting a word only when nothing else works */
            } else {
                legal = 1; /* the end: infinite stretch, forced break */
            }
            if (legal) {
                /* Best new node per fitness class. */
                uint64_t best_d[4] = { UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX };
                uint32_t best_prev[4] = { 0, 0, 0, 0 };
                uint32_t prev_a = NO_NODE;
                for (uint32_t a = active; a != NO_NODE;) {
                    node_t *A = &nodes[a];
                    uint32_t next = A->next_active;
                    int32_t W = tw - A->tw + pw;
                    int32_t Y = ty - A->ty, Z = tz - A->tz;
                    int b, fit;
                    int deactivate = 0;
                    if (x->type == IT_END) {
                        b = W <= avail ? 0 : (W - avail > Z ? KP_INF_BAD + 1 : badness(W - avail, Z));
                        fit = 1;
                        deactivate = 1;
                    } else if (W < avail) {
                        b = badness(avail - W, Y);
                        fit = b > 99 ? 3 : b > 12 ? 2 : 1;
                    } else if (W > avail) {
                        if (W - avail > Z) {
                            b = KP_INF_BAD + 1; /* overfull: this start can reach no further */
                            deactivate = 1;
                        } else {
                            b = badness(W - avail, Z);
                        }
                        fit = b > 12 ? 0 : 1;
                    } else {
                        b = 0;
                        fit = 1;
                    }
                    if (b <= tol) {
                        uint64_t d = (uint64_t)(KP_LINE_PENALTY + b) * (uint64_t)(KP_LINE_PENALTY + b);
                        d += (uint64_t)pen * (uint64_t)pen;
                        if (flagged && A->flagged)
                            d += KP_DOUBLE_HYPHEN;
                        if (x->type == IT_END && A->flagged)
                            d += KP_FINAL_HYPHEN;
                        if ((fit > A->fitness ? fit - A->fitness : A->fitness - fit) > 1)
                            d += KP_ADJ;
                        d += A->demerits;
                        if (d < best_d[fit]) {
                            best_d[fit] = d;
                            best_prev[fit] = a;
                        }
                    }
                    if (deactivate) {
                        if (prev_a == NO_NODE)
                            active = next;
                        else
                            nodes[prev_a].next_active = next;
                    } else {
                        prev_a = a;
                    }
                    a = next;
                }
                /* Totals after the break: the glue it breaks at is gone. */
                int32_t atw = tw, aty = ty, atz = tz;
                if (x->type == IT_GLUE) {
                    atw += x->width;
                    aty += x->pad ? kst : x->width / 2;
                    atz += x->pad ? 0 : x->width * KP_SHRINK_NUM / KP_SHRINK_DEN;
                }
                for (int f = 0; f < 4; f++) {
                    if (best_d[f] == UINT64_MAX)
                        continue;
                    if (nn == cap_nodes) {
                        full = 1;
                        break;
                    }
                    node_t *N = &nodes[nn];
                    N->item = (uint16_t)i;
                    N->prev = (uint16_t)best_prev[f];
                    N->tw = atw;
                    N->ty = aty;
                    N->tz = atz;
                    N->demerits = best_d[f] > UINT32_MAX ? UINT32_MAX : (uint32_t)best_d[f];
                    N->line = (uint16_t)(nodes[best_prev[f]].line + 1);
                    N->fitness = (uint8_t)f;
                    N->flagged = (uint8_t)flagged;
                    /* append to the active list */
                    N->next_active = NO_NODE;
                    if (active == NO_NODE) {
                        active = nn;
                    } else {
                        uint32_t a = active;
                        while (nodes[a].next_active != NO_NODE)
                            a = nodes[a].next_active;
                        nodes[a].next_active = (uint16_t)nn;
                    }
                    nn++;
                }
            }
            if (x->type == IT_GLUE) {
                tw += x->width;
                ty += x->pad ? kst : x->width / 2;
                tz += x->pad ? 0 : x->width * KP_SHRINK_NUM / KP_SHRINK_DEN;
            }
        }
        if (full)
            break;
        /* The winner ends at the last item. */
        uint32_t best = NO_NODE;
        for (uint32_t k = 1; k < nn; k++)
            if (nodes[k].item == n - 1 && (best == NO_NODE || nodes[k].demerits < nodes[best].demerits))
                best = k;
        if (best == NO_NODE)
            continue;
        /* Walk back to the start, then emit the lines in order. */
        uint32_t count = nodes[best].line;
        if (count > ls->cap)
            break;
        ls->n = (uint16_t)count;
        uint32_t k = best;
        for (uint32_t line = count; line-- > 0;) {
            node_t *N = &nodes[k];
            node_t *P = &nodes[N->prev];
            item_t *e = &items[N->item];
            uint32_t start_item = P->item == NO_NODE ? 0 : P->item + 1u;
            /* leading glue is not part of a line */
            while (start_item < N->item && items[start_item].type == IT_GLUE)
                start_item++;
            ls->start[line] = items[start_item].pos;
            ls->style[line] = items[start_item].style;
            ls->end[line] = e->pos;
            ls->how[line] = e->type == IT_END ? INK_END_LAST : e->how; /* glue: a space, or a CJK gap */
            k = N->prev;
        }
        /* A line ends where its last box ends, before any trailing glue. */
        for (uint32_t q = 0; q < count; q++)
            while (ls->end[q] > ls->start[q] && L->text[ls->end[q] - 1] == ' ')
                ls->end[q]--;
        *ok = 1;
    }
out:
    ink_pool_free(L->pool, nodes);
    ink_pool_free(L->pool, items);
    return err;
}

/* Headlines: as many lines as greedy needs, but each as long as the others:
 * the narrowest measure that keeps the line count. */
static ink_err_t break_balanced(ink_layout_t *L, uint32_t p, uint32_t end, int kind, unsigned style, int32_t avail,
                                lines_t *ls)
{
    ink_err_t err = break_greedy(L, p, end, kind, style, avail, ls);
    if (err || ls->n <= 1)
        return err;
    uint16_t want = ls->n;
    int32_t lo = avail / 2, hi = avail;
    while (hi - lo > 64) {
        int32_t mid = lo + (hi - lo) / 2;
        ls->n = 0;
        err = break_greedy(L, p, end, kind, style, mid, ls);
        if (err == INK_ERR_NOMEM || (!err && ls->n > want))
            lo = mid;
        else if (err)
            return err;
        else
            hi = mid;
    }
    ls->n = 0;
    return break_greedy(L, p, end, kind, style, hi, ls);
}

/* The picture block at b: its picture's number in *num, and where its
 * caption starts (past the number and its space). */
static uint32_t pic_caption(const ink_layout_t *L, uint32_t b, uint32_t *num)
{
    uint32_t p = b + 1, n = 0;
    while (p < L->len && L->text[p] >= '0' && L->text[p] <= '9' && n < 100000u)
        n = n * 10 + (uint32_t)(L->text[p++] - '0');
    if (p < L->len && L->text[p] == ' ')
        p++;
    *num = n;
    return p;
}

/* Breaks the piece of the block at `block` that starts at flow offset
 * `from` (the block code itself for its first piece) with inline style
 * `style`, into L->bl. At most INK_LAYOUT_MAX_LINES lines: a block that
 * needs more ends this piece where the line that did not fit starts, and
 * the next piece is broken from there, greedily, as the lines would have
 * run on anyway (first fit looks no further back than its line). */
static ink_err_t break_piece(ink_layout_t *L, uint32_t block, uint32_t from, unsigned style, uint32_t index0)
{
    ink_block_lines_t *bl = &L->bl;
    ink_pool_free(L->pool, bl->start);
    memset(bl, 0, sizeof *bl);
    bl->block = UINT32_MAX;
    int kind = L->text[block];
    uint32_t p = from > block ? from : block + 1, end = block_end(L, block + 1);
    if (kind == INK_TX_PIC && from <= block) {
        uint32_t num;
        p = pic_caption(L, block, &num);
    }
    while (p < end && L->text[p] == ' ')
        p++;
    int32_t avail = (int32_t)(L->cfg.w - kind_indent(&L->cfg, kind)) * 64;
    /* A line holds a glyph at least: one a 2 bytes is plenty for a short
     * block, and a long one is broken in pieces. */
    uint32_t cap = (end - p) / 2 + 2;
    if (cap > INK_LAYOUT_MAX_LINES)
        cap = INK_LAYOUT_MAX_LINES;
    uint8_t *mem = ink_pool_alloc(L->pool, (size_t)cap * 10);
    if (!mem)
        return INK_ERR_NOMEM;
    lines_t ls = { (uint32_t *)(void *)mem, (uint32_t *)(void *)(mem + 4 * (size_t)cap), mem + 8 * (size_t)cap,
                   mem + 9 * (size_t)cap, 0, (uint16_t)cap, 0, 0, 0 };
    ink_err_t err = INK_OK;
    int ok = 0;
    if (from > block) {
        /* a later piece: first fit, as the first piece ended */
    } else if (kind == INK_TX_HEADLINE) {
        err = break_balanced(L, p, end, kind, style, avail, &ls);
        ok = !ls.full;
    } else if (L->cfg.breaker == INK_BREAK_TOTAL_FIT && kind != INK_TX_META) {
        err = break_total_fit(L, p, end, kind, style, avail, &ls, &ok);
        bl->total_fit = ok;
    }
    if (!ok && (!err || ls.full)) {
        ls.n = 0;
        ls.full = 0;
        err = break_greedy(L, p, end, kind, style, avail, &ls);
    }
    if (ls.full && ls.n > 0 && ls.over_start > ls.start[ls.n - 1]) {
        err = INK_OK; /* the lines go on in the next piece */
        bl->more = 1;
        bl->next = ls.over_start;
        bl->next_style = ls.over_style;
    } else {
        bl->next = end;
    }
    if (!err && ls.n == 0)
        err = lines_add(&ls, p, p, INK_END_LAST, (uint8_t)style) ? INK_ERR_NOMEM : INK_OK;
    if (err) {
        ink_pool_free(L->pool, mem);
        return err;
    }
    bl->block = block;
    bl->from = from;
    bl->index0 = (uint16_t)(index0 < 0xFFFFu ? index0 : 0xFFFFu);
    bl->n = ls.n;
    bl->start = ls.start; /* one allocation: start[cap], end[cap], how[cap], style[cap] */
    bl->end = ls.end;
    bl->how = ls.how;
    bl->style = ls.style;
    bl->width = avail;
    return INK_OK;
}

/* Makes L->bl the piece of the block at `block` that holds the line
 * starting at `off`: the one there already, or the chain of pieces broken
 * from the nearest known start (the block's, or the end of the piece
 * there when it lies before off). */
static ink_err_t break_block(ink_layout_t *L, uint32_t block, uint32_t off)
{
    ink_block_lines_t *bl = &L->bl;
    if (bl->block == block && bl->start && off >= bl->from && (!bl->more || off < bl->next))
        return INK_OK;
    uint32_t from = block, index0 = 0;
    unsigned style = 0;
    if (bl->block == block && bl->start && bl->more && off >= bl->next) {
        from = bl->next;
        style = bl->next_style;
        index0 = (uint32_t)bl->index0 + bl->n;
    }
    for (;;) {
        ink_err_t err = break_piece(L, block, from, style, index0);
        if (err || !bl->more || off < bl->next)
            return err;
        from = bl->next;
        style = bl->next_style;
        index0 += bl->n;
    }
}

/* ---- lines --------------------------------------------------------------- */

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
    case INK_TX_PIC: out->gap_before = 0; break; /* the caption, right under its picture */
    default: out->gap_before = L->cfg.para_gap; break;
    }
}

/* Finds the code of the block holding offset off. */
static uint32_t block_of(const ink_layout_t *L, uint32_t off)
{
    uint32_t b = off < L->len ? off : L->len;
    while (b > 0 && !INK_TX_IS_BLOCK(L->text[b]))
        b--;
    return b;
}

/* The box a picture of sw x sh takes in the column: the column's width, or
 * twice its own when that is less; no taller than the page less room for
 * two caption lines. A picture the source does not have gets a frame of
 * half the column's width in height. */
static void pic_box(ink_layout_t *L, uint32_t num, int *w, int *h)
{
    int sw = 0, sh = 0, W = L->cfg.w > 1 ? L->cfg.w : 1;
    if (!L->pics || L->pics->size(L->pics->ctx, num, &sw, &sh) != INK_OK || sw <= 0 || sh <= 0) {
        sw = 2;
        sh = 1;
    }
    int dw = sw * 2 < W && sw > 2 ? sw * 2 : W;
    int dh = (int)((int64_t)sh * dw / sw);
    ink_line_t cap;
    line_box(L, INK_TX_PIC, &cap);
    int room = L->cfg.h - 2 * cap.height - L->cfg.para_gap;
    if (room < L->cfg.h / 2)
        room = L->cfg.h / 2;
    if (dh > room) {
        dh = room;
        dw = (int)((int64_t)sw * dh / sh);
    }
    *w = dw > 0 ? dw : 1;
    *h = dh > 0 ? dh : 1;
}

/* The line that is a picture block's picture: no text, its box's height
 * and a little room under it before the caption. */
static ink_err_t pic_line(ink_layout_t *L, uint32_t block, ink_line_t *out)
{
    uint32_t num, cap = pic_caption(L, block, &num), end = block_end(L, block + 1);
    out->kind = INK_TX_PIC;
    out->start = out->end = block;
    out->first = 1;
    out->last = cap >= end;
    out->end_how = INK_END_LAST;
    out->nlines = 1;
    out->avail = L->cfg.w;
    pic_box(L, num, &out->pic_w, &out->pic_h);
    out->pic = num;
    out->height = out->pic_h + L->cfg.para_gap / 2;
    out->ascent = 0;
    out->gap_before = L->cfg.para_gap;
    out->next.off = cap < end ? cap : end;
    out->next.kind = INK_TX_PIC;
    out->next.style = 0;
    return INK_OK;
}

/* A picture that does not fit below `used` pixels of its page is made
 * smaller to fit there (with its caption's first line) when that leaves it
 * a third of the page at least; else it goes to the next page whole.
 * Pagination and drawing both call this at the same place, so they agree. */
static void pic_fit_rest(ink_layout_t *L, ink_line_t *ln, int used)
{
    int gap = used ? ln->gap_before : 0;
    if (!ln->pic_h || !used || used + gap + ln->height <= L->cfg.h)
        return;
    ink_line_t cap;
    line_box(L, INK_TX_PIC, &cap);
    int pad = ln->height - ln->pic_h;
    int rest = L->cfg.h - used - gap - pad - (ln->last ? 0 : cap.height);
    if (rest < L->cfg.h / 3 || rest >= ln->pic_h)
        return;
    ln->pic_w = (int)((int64_t)ln->pic_w * rest / ln->pic_h);
    ln->pic_h = rest;
    if (ln->pic_w < 1)
        ln->pic_w = 1;
    ln->height = rest + pad;
}

ink_err_t ink_layout_line(ink_layout_t *L, ink_cursor_t at, ink_line_t *out)
{
    memset(out, 0, sizeof *out);
    if (at.off >= L->len || !INK_TX_IS_BLOCK(L->text[block_of(L, at.off)]))
        return INK_ERR_ARG;
    uint32_t block = block_of(L, at.off);
    if (L->text[block] == INK_TX_PIC && at.off == block)
        return pic_line(L, block, out);
    ink_err_t err = break_block(L, block, at.off);
    if (err)
        return err;
    ink_block_lines_t *bl = &L->bl;
    uint32_t *ends = bl->end;
    /* the line that starts at or covers at.off */
    uint32_t k = 0;
    while (k + 1 < bl->n && bl->start[k + 1] <= at.off)
        k++;
    int kind = L->text[block];
    out->kind = (uint8_t)kind;
    out->start = bl->start[k];
    out->end = ends[k];
    out->end_how = bl->how[k];
    out->style = bl->style[k];
    /* In a block of several pieces, a line's number counts from the block's
     * first; the count of lines is known only in the last piece, and is
     * taken as one more than this piece's before it (no widow is moved). */
    uint32_t index = (uint32_t)bl->index0 + k, nlines = (uint32_t)bl->index0 + bl->n + (bl->more ? 1u : 0u);
    out->index = (uint16_t)(index < 0xFFFFu ? index : 0xFFFFu);
    out->nlines = (uint16_t)(nlines < 0xFFFFu ? nlines : 0xFFFFu);
    out->first = k == 0 && bl->index0 == 0;
    out->last = k + 1 == bl->n && !bl->more;
    out->split = out->end_how != INK_END_SPACE && out->end_how != INK_END_LAST;
    out->indent = kind_indent(&L->cfg, kind);
    out->avail = L->cfg.w - out->indent;
    if (out->last) {
        out->next.off = block_end(L, block + 1);
        out->next.kind = (uint8_t)kind;
        out->next.style = 0;
    } else if (k + 1 < bl->n) {
        out->next.off = bl->start[k + 1];
        out->next.kind = (uint8_t)kind;
        out->next.style = bl->style[k + 1];
    } else { /* the next piece's first line */
        out->next.off = bl->next;
        out->next.kind = (uint8_t)kind;
        out->next.style = bl->next_style;
    }
    /* Measure it: widths, spaces. */
    walk_t w;
    walk_init(&w, L, kind, out->style);
    const uint8_t *s = L->text;
    int32_t width = 0;
    uint32_t prev = 0; /* as the tokenizer sees it, for the CJK gaps */
    int join = 0;
    for (uint32_t p = out->start; p < out->end;) {
        if (s[p] == ' ') {
            while (p < out->end && s[p] == ' ')
                p++;
            width += space_width(L, kind, w.style, &err);
            out->gaps++;
            w.prev_cp = 0;
            prev = 0;
            continue;
        }
        size_t n = 1;
        uint32_t cp = hint_cp(s[p]);
        if (!cp && s[p] == INK_TX_LEVEL) {
            p += out->end - p >= 2 ? 2 : 1;
            continue;
        }
        if (!cp && s[p] == INK_TX_GLYPHS) {
            uint32_t rl;
            width += run_width(L->font, w.px, s + p, out->end - p, &rl, &err);
            w.prev_cp = 0;
            p += rl;
            continue;
        }
        if (!cp && s[p] < 0x20) {
            join |= s[p] == INK_TX_JOIN;
            w.style = apply_style(w.style, s[p++]);
            continue;
        }
        if (!cp)
            cp = ink_utf8_next(s + p, out->end - p, &n);
        p += (uint32_t)n;
        if (cp == CP_SHY || cp == CP_ZWSP) {
            out->kgaps += word_gap(s, p - (uint32_t)n, out->end);
            w.prev_cp = 0;
            prev = 0;
            continue;
        }
        if (!join && cjk_gap(prev, cp))
            out->kgaps++;
        prev = cp;
        join = 0;
        width += walk_adv(&w, cp, NULL);
    }
    if (out->end_how == INK_END_SHY)
        width += hyphen_width(L, kind, w.style, &err);
    out->width = width;
    out->space = space_width(L, kind, out->style, &err);
    out->shrink = out->gaps * (out->space * KP_SHRINK_NUM / KP_SHRINK_DEN);
    out->kstretch = out->kgaps * cjk_stretch(&L->cfg, kind);
    line_box(L, kind, out);
    if (kind == INK_TX_META && out->last)
        out->height += L->cfg.para_gap * 2; /* room for the rule under it */
    return err ? err : w.err;
}

void ink_layout_init(ink_layout_t *L, ink_font_t *font, ink_pool_t *pool, const ink_layout_cfg_t *cfg)
{
    memset(L, 0, sizeof *L);
    L->font = font;
    L->pool = pool;
    L->cfg = *cfg;
    L->bl.block = UINT32_MAX;
}

void ink_layout_clear(ink_layout_t *L)
{
    ink_pool_free(L->pool, L->pages);
    ink_pool_free(L->pool, L->bl.start);
    memset(&L->bl, 0, sizeof L->bl);
    L->bl.block = UINT32_MAX;
    L->pages = NULL;
    L->npages = 0;
    L->text = NULL;
    L->len = 0;
}

/* ---- pagination ---------------------------------------------------------- */

/* Where each line on the page being filled starts, to move a break back.
 * Only the last INK_PAGE_LOOKBACK lines are kept (a ring on the stack: a
 * break moves back one line, or past a run of subheadings): the page's
 * every line would hold 2 KiB on the stack under a CFF glyph's load. */
#define INK_PAGE_LOOKBACK 16
typedef struct onpage {
    ink_cursor_t c;
    uint8_t kind;
    uint8_t pic; /* a picture */
    uint16_t index, nlines;
} onpage_t;

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
    onpage_t ring[INK_PAGE_LOOKBACK];
#define ONPAGE(j) ring[(unsigned)(j) % INK_PAGE_LOOKBACK]
    int on = 0, y = 0;
    while (c.off < L->len) {
        ink_line_t ln;
        ink_err_t err = ink_layout_line(L, c, &ln);
        if (err)
            return err;
        pic_fit_rest(L, &ln, on ? y : 0);
        int h = ln.height + ((ln.first && on) ? ln.gap_before : 0);
        if (on && y + h > L->cfg.h) {
            /* The page is full before this line. Move the break back when
             * that keeps a heading with its text or a paragraph's single
             * line from standing alone. Line j is remembered while
             * j >= low. */
            int low = on > INK_PAGE_LOOKBACK ? on - INK_PAGE_LOOKBACK : 0;
            int back = on; /* lines that stay on this page */
            if (ln.nlines >= 4 && ln.index == 1 && back >= 2)
                back -= 1; /* orphan: take the paragraph's first line along */
            else if (ln.nlines >= 4 && ln.index + 1u == ln.nlines && ln.index >= 3 && back >= 2)
                back -= 1; /* widow: bring a second line over */
            if (ln.kind == INK_TX_PIC && !ln.pic_h && ln.index == 0 && back == on && back >= 2 &&
                back - 1 >= low && ONPAGE(back - 1).pic)
                back -= 1; /* a caption's first line goes with its picture */
            /* A heading goes with the two lines after it: when one of the last
             * lines kept is a subheading, it moves to the next page. */
            int k = back;
            for (int j = back - 1; j >= low && j >= back - 3; j--)
                if (ONPAGE(j).kind == INK_TX_SUBHEAD) {
                    k = j;
                    while (k > low && ONPAGE(k - 1).kind == INK_TX_SUBHEAD)
                        k--;
                    break;
                }
            if (k < back && k > 0)
                back = k;
            if (back < on)
                c = ONPAGE(back).c;
            if (L->npages == (int)INK_MAX_PAGES) {
                L->truncated = 1;
                break;
            }
            L->pages[L->npages++] = pack(c);
            y = 0;
            on = 0;
            continue; /* lay the line at c out again, now opening a page */
        }
        ONPAGE(on).c = c;
        ONPAGE(on).kind = ln.kind;
        ONPAGE(on).pic = ln.pic_h > 0;
        ONPAGE(on).index = ln.index;
        ONPAGE(on).nlines = ln.nlines;
        y += h;
        on++;
        if (ln.next.off <= c.off)
            return INK_ERR_FORMAT; /* cannot happen: every line consumes text */
        c = ln.next;
    }
#undef ONPAGE
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

/* ---- drawing ------------------------------------------------------------- */

/* A justified line that would show one word spread across the measure: no
 * space between words (one word, or a run of CJK text between longer
 * words) or a single one, opened past twice what its gaps may stretch. It
 * is set flush instead, like a last line. */
static int lone_word(const ink_line_t *ln)
{
    if (!(ln->gaps == 0 || (ln->gaps == 1 && ln->kgaps == 0)))
        return 0;
    int64_t extra = (int64_t)ln->avail * 64 - ln->width;
    return extra > (int64_t)ln->space * ln->gaps + 2 * (int64_t)ln->kstretch;
}

typedef struct draw_ctx {
    ink_layout_t *L;
    ink_fb_t *fb;
    int y;
    int lines;
    ink_err_t err;
} draw_ctx_t;

/* ---- right to left: a line's pieces in the order of their levels ----- */

/* What a line of a block with bidi levels is made of, in the order of the
 * text: glyphs, shaped runs and spaces, each with its level. */
typedef struct atom {
    uint32_t pos;     /* the run's offset (runs) */
    uint32_t cp;      /* the character (glyphs) */
    int32_t a;        /* advance with kerning, 26.6 */
    uint8_t kind;     /* ATOM_* */
    uint8_t level;
    uint8_t face;     /* ink_face_id_t (glyphs) */
    uint8_t pad;
} atom_t;

enum { ATOM_GLYPH, ATOM_RUN, ATOM_SPACE };

/** Most pieces a line reorders; a longer line is drawn in the text's order. */
#define INK_BIDI_ATOMS 160

/* The paragraph direction of the block at b (1: right to left) and the
 * level in force at off, from the block's level codes; -1 when the block
 * has none. */
static int bidi_state(const uint8_t *t, uint32_t len, uint32_t b, uint32_t off, int *level)
{
    if (b + 2 >= len || t[b + 1] != INK_TX_LEVEL ||
        ((t[b + 2] & 0x3Fu) != INK_LEVEL_PARA_LTR && (t[b + 2] & 0x3Fu) != INK_LEVEL_PARA_RTL) ||
        (t[b + 2] & 0xC0u) != 0x80u)
        return -1;
    int rtl = (t[b + 2] & 0x3Fu) == INK_LEVEL_PARA_RTL;
    *level = rtl;
    for (uint32_t p = b + 3; p + 1 < off && p + 1 < len; p++) {
        if (t[p] == INK_TX_GLYPHS) { /* skip a run's bytes: they hold no codes, but may be long */
            ink_run_t r;
            if (ink_run_parse(t + p, len - p, &r) == INK_OK)
                p += r.len - 1;
            continue;
        }
        if (t[p] == INK_TX_LEVEL && (t[p + 1] & 0xC0u) == 0x80u && (t[p + 1] & 0x3Fu) < INK_LEVEL_PARA_LTR)
            *level = t[p + 1] & 0x3F;
    }
    return rtl;
}

/* UAX #9 L2 on a line's pieces (ink_bidi_order). */
static void bidi_reorder(atom_t *v, int n)
{
    uint8_t lv[INK_BIDI_ATOMS] = { 0 };
    uint16_t ord[INK_BIDI_ATOMS];
    atom_t tmp[INK_BIDI_ATOMS];
    if (n <= 0 || n > INK_BIDI_ATOMS)
        return;
    for (int i = 0; i < n; i++) {
        lv[i] = v[i].level;
        tmp[i] = v[i];
    }
    ink_bidi_order(lv, n, ord);
    for (int i = 0; i < n; i++)
        v[i] = tmp[ord[i]];
}

/* The mirrored form of a bracket set right to left (UAX #9 L4, the pairs
 * news text uses). */
static uint32_t mirror(uint32_t c)
{
    static const uint32_t pairs[][2] = { { '(', ')' }, { '[', ']' }, { '{', '}' }, { '<', '>' },
                                         { 0xAB, 0xBB }, { 0x2039, 0x203A } };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (c == pairs[i][0])
            return pairs[i][1];
        if (c == pairs[i][1])
            return pairs[i][0];
    }
    return c;
}

/* Draws a line of a block with levels in visual order; returns 0 when it
 * has more pieces than INK_BIDI_ATOMS (the caller then draws it in the
 * text's order). */
static int draw_line_bidi(ink_layout_t *L, ink_fb_t *fb, const ink_line_t *ln, int base, int32_t x, int32_t extra,
                          int64_t w_space, int64_t w_kgap, int64_t w_all, int rtl, int level, ink_err_t *err)
{
    const uint8_t *t = L->text;
    int kind = ln->kind;
    int px = kind_px(&L->cfg, kind);
    atom_t v[INK_BIDI_ATOMS];
    int n = 0;
    walk_t w;
    walk_init(&w, L, kind, ln->style);
    uint32_t prev = 0; /* for the CJK rule's gaps, as draw_line finds them */
    int join = 0;
    for (uint32_t p = ln->start; p < ln->end;) {
        uint8_t c = t[p];
        if (n == INK_BIDI_ATOMS)
            return 0;
        if (c == ' ') {
            while (p < ln->end && t[p] == ' ')
                p++;
            v[n++] = (atom_t){ p, ' ', space_width(L, kind, w.style, err), ATOM_SPACE, (uint8_t)level, 0, 0 };
            w.prev_cp = 0;
            prev = 0;
            continue;
        }
        if (c == INK_TX_LEVEL) {
            if (p + 1 < ln->end && (t[p + 1] & 0x3Fu) < INK_LEVEL_PARA_LTR)
                level = t[p + 1] & 0x3F;
            p += 2;
            continue;
        }
        if (c == INK_TX_GLYPHS) {
            uint32_t rl;
            int32_t a = run_width(L->font, px, t + p, ln->end - p, &rl, err);
            /* pad: a word gap (word_gap) before the run */
            uint8_t gap = p > ln->start && word_gap(t, p - 1, ln->end);
            v[n++] = (atom_t){ p, 0, a, ATOM_RUN, (uint8_t)level, (uint8_t)kind_face(kind, w.style), gap };
            w.prev_cp = 0;
            p += rl;
            continue;
        }
        size_t k = 1;
        uint32_t cp = hint_cp(c);
        if (!cp && c < 0x20) {
            join |= c == INK_TX_JOIN;
            w.style = apply_style(w.style, c);
            p++;
            continue;
        }
        if (!cp)
            cp = ink_utf8_next(t + p, ln->end - p, &k);
        p += (uint32_t)k;
        if (cp == CP_SHY || cp == CP_ZWSP) {
            w.prev_cp = 0;
            prev = 0;
            continue;
        }
        if (cp == 0xA0) { /* a no-break space stretches like a space */
            v[n++] = (atom_t){ p, ' ', space_width(L, kind, w.style, err), ATOM_SPACE, (uint8_t)level, 0, 0 };
            w.prev_cp = 0;
            prev = 0;
            continue;
        }
        /* pad: a CJK gap before this character (in the text's order) */
        uint8_t gap = !join && cjk_gap(prev, cp);
        prev = cp;
        join = 0;
        int32_t a = walk_adv(&w, cp, NULL);
        v[n++] = (atom_t){ p, cp, a, ATOM_GLYPH, (uint8_t)level, (uint8_t)kind_face(kind, w.style), gap };
    }
    bidi_reorder(v, n);
    /* a right-to-left line that is not stretched to the measure sits at
     * the right */
    if (rtl && !extra) {
        int32_t room = (int32_t)ln->avail * 64 - ln->width;
        if (room > 0)
            x += room;
    }
    /* The extra goes to the spaces and the CJK gaps as in draw_line. A CJK
     * gap lies before its character in the text's order: on its left at an
     * even level, on its right at an odd one (the pair is reversed). */
    int64_t w_done = 0;
    if (w_all <= 0)
        extra = 0;
    for (int i = 0; i < n; i++) {
        int kg = v[i].kind != ATOM_SPACE && v[i].pad && extra && w_kgap;
        if (kg && !(v[i].level & 1)) {
            x += (int32_t)((int64_t)extra * (w_done + w_kgap) / w_all - (int64_t)extra * w_done / w_all);
            w_done += w_kgap;
        }
        if (v[i].kind == ATOM_SPACE) {
            x += v[i].a;
            if (extra) {
                x += (int32_t)((int64_t)extra * (w_done + w_space) / w_all - (int64_t)extra * w_done / w_all);
                w_done += w_space;
            }
        } else if (v[i].kind == ATOM_RUN) {
            uint32_t rl;
            x = run_draw(fb, L->font, (ink_face_id_t)v[i].face, px, t + v[i].pos, ln->end - v[i].pos, x, base, &rl,
                         err);
        } else {
            uint32_t cp = (v[i].level & 1) ? mirror(v[i].cp) : v[i].cp;
            const ink_glyph_t *g = ink_font_glyph(L->font, (ink_face_id_t)v[i].face, px, cp);
            if (!g) {
                *err = INK_ERR_FONT;
                return 1;
            }
            int32_t ga = (v[i].level & 1) ? g->adv : v[i].a; /* kerning is for left-to-right pairs */
            ink_font_draw(fb, g, (int)((x + (ga - g->adv) + 32) >> 6), base);
            x += ga;
        }
        if (kg && (v[i].level & 1)) {
            x += (int32_t)((int64_t)extra * (w_done + w_kgap) / w_all - (int64_t)extra * w_done / w_all);
            w_done += w_kgap;
        }
    }
    if (ln->end_how == INK_END_SHY && !rtl) {
        const ink_glyph_t *g = ink_font_glyph(L->font, kind_face(kind, w.style), px, '-');
        if (g)
            ink_font_draw(fb, g, (int)((x + 32) >> 6), base);
    }
    return 1;
}

static void draw_line(ink_layout_t *L, ink_fb_t *fb, const ink_line_t *ln, int top, ink_err_t *err)
{
    const uint8_t *t = L->text;
    int kind = ln->kind;
    int px = kind_px(&L->cfg, kind);
    int base = top + ln->ascent;
    int32_t x = (int32_t)(L->cfg.x + ln->indent) * 64;
    /* Justified lines stretch or shrink their spaces to the measure; any
     * line broken to shrink (total fit may shrink even a last line) shrinks. */
    int32_t extra = 0;
    int32_t room = (int32_t)ln->avail * 64 - ln->width;
    if (ln->gaps + ln->kgaps > 0 && ln->end_how != INK_END_CUT &&
        ((L->cfg.justify && is_justified(kind) && !ln->last && !lone_word(ln)) || room < 0))
        extra = room;
    if (extra < -ln->shrink)
        extra = -ln->shrink;
    /* The extra goes to the gaps in proportion to what each may stretch
     * (or, when the line shrinks, shrink): a space half its width, a CJK
     * gap an eighth of an em, which does not shrink. */
    int64_t w_space = ln->space / 2 > 0 ? ln->space / 2 : 1;
    int64_t w_kgap = extra > 0 ? cjk_stretch(&L->cfg, kind) : 0;
    int64_t w_all = w_space * ln->gaps + w_kgap * ln->kgaps, w_done = 0;
    if (w_all == 0)
        extra = 0;
    uint32_t prev = 0;
    int join = 0;
    if (kind == INK_TX_LIST && ln->first) {
        const ink_glyph_t *b = ink_font_glyph(L->font, INK_FACE_REGULAR, px, 0x2022);
        if (b)
            ink_font_draw(fb, b, L->cfg.x + ln->indent - px * 3 / 4, base);
    }
    int level = 0;
    int rtl = bidi_state(t, L->len, block_of(L, ln->start), ln->start, &level);
    if (rtl >= 0 && draw_line_bidi(L, fb, ln, base, x, extra, w_space, w_kgap, w_all, rtl, level, err)) {
        if (kind == INK_TX_META && ln->last) {
            ink_rect_t rule = { L->cfg.x, top + ln->height - L->cfg.para_gap, L->cfg.w, 1 + px / 16 };
            ink_fb_fill_rect(fb, rule, 1);
        }
        return;
    }
    walk_t w;
    walk_init(&w, L, kind, ln->style);
    uint32_t p = ln->start;
    while (p < ln->end) {
        uint8_t c = t[p];
        if (c == ' ') {
            while (p < ln->end && t[p] == ' ')
                p++;
            x += space_width(L, kind, w.style, err);
            w.prev_cp = 0;
            prev = 0;
            if (extra) {
                x += (int32_t)((int64_t)extra * (w_done + w_space) / w_all - (int64_t)extra * w_done / w_all);
                w_done += w_space;
            }
            continue;
        }
        size_t n = 1;
        uint32_t cp = hint_cp(c);
        if (!cp && c == INK_TX_LEVEL) {
            p += ln->end - p >= 2 ? 2 : 1;
            continue;
        }
        if (!cp && c == INK_TX_GLYPHS) {
            uint32_t rl;
            x = run_draw(fb, L->font, kind_face(kind, w.style), px, t + p, ln->end - p, x, base, &rl, err);
            w.prev_cp = 0;
            p += rl;
            if (*err)
                return;
            continue;
        }
        if (!cp && c < 0x20) {
            join |= c == INK_TX_JOIN;
            w.style = apply_style(w.style, c);
            p++;
            continue;
        }
        if (!cp)
            cp = ink_utf8_next(t + p, ln->end - p, &n);
        p += (uint32_t)n;
        if (cp == CP_SHY || cp == CP_ZWSP) {
            if (extra && w_kgap && word_gap(t, p - (uint32_t)n, ln->end)) {
                x += (int32_t)((int64_t)extra * (w_done + w_kgap) / w_all - (int64_t)extra * w_done / w_all);
                w_done += w_kgap;
            }
            w.prev_cp = 0;
            prev = 0;
            continue;
        }
        if (!join && cjk_gap(prev, cp) && extra && w_kgap) {
            x += (int32_t)((int64_t)extra * (w_done + w_kgap) / w_all - (int64_t)extra * w_done / w_all);
            w_done += w_kgap;
        }
        prev = cp;
        join = 0;
        const ink_glyph_t *g;
        int32_t a = walk_adv(&w, cp, &g);
        if (!g) {
            *err = INK_ERR_FONT;
            return;
        }
        /* kerning moves the glyph, the advance moves the pen after it */
        ink_font_draw(fb, g, (int)((x + (a - g->adv) + 32) >> 6), base);
        x += a;
    }
    if (ln->end_how == INK_END_SHY) {
        const ink_glyph_t *g = ink_font_glyph(L->font, kind_face(kind, w.style), px, '-');
        if (g)
            ink_font_draw(fb, g, (int)((x + 32) >> 6), base);
    }
    if (kind == INK_TX_META && ln->last) {
        ink_rect_t rule = { L->cfg.x, top + ln->height - L->cfg.para_gap, L->cfg.w, 1 + px / 16 };
        ink_fb_fill_rect(fb, rule, 1);
    }
}

static int draw_one(void *ctx, const ink_line_t *ln)
{
    draw_ctx_t *d = ctx;
    ink_line_t fit;
    if (ln->pic_h) {
        fit = *ln;
        pic_fit_rest(d->L, &fit, d->lines ? d->y - d->L->cfg.y : 0);
        ln = &fit;
    }
    if (ln->first && d->lines)
        d->y += ln->gap_before;
    if (ln->pic_h) {
        ink_layout_t *L = d->L;
        int x = L->cfg.x + (L->cfg.w - ln->pic_w) / 2;
        ink_err_t e = L->pics ? ink_pic_draw(d->fb, L->pool, L->pics, ln->pic, x, d->y, ln->pic_w, ln->pic_h,
                                             ink_pic_look_for_dpi(L->cfg.dpi ? L->cfg.dpi : 167))
                              : INK_ERR_NOT_FOUND;
        if (e == INK_ERR_NOMEM) {
            d->err = e;
        } else if (e) {
            /* a damaged picture: an empty frame, and its caption below */
            ink_fb_fill_rect(d->fb, (ink_rect_t){ x, d->y, ln->pic_w, ln->pic_h }, 0);
            ink_pic_frame(d->fb, x, d->y, ln->pic_w, ln->pic_h);
        }
        d->y += ln->height;
        d->lines++;
        return d->err != INK_OK;
    }
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

/* ---- statistics ---------------------------------------------------------- */

typedef struct stat_ctx {
    ink_layout_t *L;
    ink_layout_stats_t *st;
    int prev_hyph, in_run;
    int first_line;
} stat_ctx_t;

static int stat_line(void *ctx, const ink_line_t *ln)
{
    stat_ctx_t *c = ctx;
    ink_layout_stats_t *st = c->st;
    st->lines++;
    if (ln->first) {
        st->blocks++;
        if (c->L->cfg.breaker == INK_BREAK_TOTAL_FIT && is_justified(ln->kind) && !c->L->bl.total_fit)
            st->greedy_blocks++;
    }
    if (ln->width - ln->shrink > (int32_t)ln->avail * 64)
        st->overfull++;
    int hyph = ln->end_how == INK_END_SHY || ln->end_how == INK_END_HYPHEN;
    st->hyphenated += hyph;
    if (hyph && c->prev_hyph && !c->in_run) {
        st->hyphen_runs++;
        c->in_run = 1;
    }
    if (!hyph)
        c->in_run = 0;
    c->prev_hyph = hyph;
    if (c->L->cfg.justify && is_justified(ln->kind) && !ln->last && ln->end_how != INK_END_CUT &&
        ln->gaps + ln->kgaps > 0) {
        st->justified++;
        int64_t extra = (int64_t)ln->avail * 64 - ln->width;
        /* space drawn = natural + extra / gaps; compare with 1.5 and 2 times
         * natural: past its stretch (half a space), or twice its stretch; a
         * CJK gap past an eighth of an em or a quarter */
        int64_t st2 = (int64_t)ln->space * ln->gaps + 2 * (int64_t)ln->kstretch;
        if (lone_word(ln)) {
            st->flush++; /* drawn flush, not stretched */
        } else {
            if (extra * 2 > st2)
                st->loose15++;
            if (extra > st2)
                st->loose20++;
        }
    }
    if (c->first_line) {
        /* A paragraph continued from the previous page. */
        if (!ln->first && ln->nlines >= 4) {
            if (ln->index == 1)
                st->orphans++;
            if (ln->index + 1u == ln->nlines)
                st->widows++;
        }
        c->first_line = 0;
    }
    return 0;
}

ink_err_t ink_layout_stats(ink_layout_t *L, ink_layout_stats_t *st)
{
    stat_ctx_t c = { L, st, 0, 0, 0 };
    for (int p = 0; p < L->npages; p++) {
        c.first_line = p > 0;
        ink_err_t err = ink_layout_each_line(L, p, stat_line, &c);
        if (err)
            return err;
        st->pages++;
    }
    return INK_OK;
}

/* ---- one-line text (library, menus) -------------------------------------- */

/* The next character of one-line text at u[*i..n) to set, advancing *i:
 * style codes, soft hyphens and zero-width breaks are skipped, a no-break
 * mark is a no-break space. Returns 0 at the end, 1 at a shaped run. */
static uint32_t next_shown(const uint8_t *u, size_t n, size_t *i)
{
    while (*i < n) {
        size_t k = 1;
        if (u[*i] == INK_TX_GLYPHS)
            return 1; /* a shaped run: the caller draws it */
        if (u[*i] == INK_TX_LEVEL) {
            *i += n - *i >= 2 ? 2 : 1;
            continue;
        }
        uint32_t cp = hint_cp(u[*i]);
        if (!cp && u[*i] >= 0x20)
            cp = ink_utf8_next(u + *i, n - *i, &k);
        *i += k;
        if (cp && cp != CP_SHY && cp != CP_ZWSP)
            return cp;
    }
    return 0;
}

int32_t ink_text_width(ink_font_t *font, ink_face_id_t face, int px, const char *s, size_t n)
{
    int32_t w = 0;
    size_t i = 0;
    const uint8_t *u = (const uint8_t *)s;
    for (uint32_t cp;;) {
        if (i < n && u[i] == INK_TX_GLYPHS) {
            uint32_t rl;
            ink_err_t err = INK_OK;
            w += run_width(font, px, u + i, n - i, &rl, &err);
            i += rl;
            continue;
        }
        if (!(cp = next_shown(u, n, &i)))
            break;
        if (cp == 1)
            continue;
        const ink_glyph_t *g = ink_font_glyph(font, face, px, cp);
        if (g)
            w += g->adv;
    }
    return w;
}

/* ink_text_draw for text with bidi levels (a title of right-to-left
 * text): its pieces, cut with an ellipsis where it is too wide, in the
 * order of their levels. 0 when it has too many pieces for that. */
static int text_draw_bidi(ink_fb_t *fb, ink_font_t *font, ink_face_id_t face, int px, int32_t *pen, int y,
                          const uint8_t *u, size_t n, int32_t limit, int cut, int32_t ell_w)
{
    atom_t v[INK_BIDI_ATOMS];
    int na = 0, rtl = (u[1] & 0x3Fu) == INK_LEVEL_PARA_RTL, level = rtl;
    int32_t w = 0;
    for (size_t i = 2; i < n;) {
        if (na == INK_BIDI_ATOMS - 1)
            return 0;
        if (u[i] == INK_TX_LEVEL) {
            if (i + 1 < n && (u[i + 1] & 0x3Fu) < INK_LEVEL_PARA_LTR)
                level = u[i + 1] & 0x3F;
            i += 2;
            continue;
        }
        atom_t a = { (uint32_t)i, 0, 0, ATOM_GLYPH, (uint8_t)level, (uint8_t)face, 0 };
        if (u[i] == INK_TX_GLYPHS) {
            uint32_t rl;
            ink_err_t err = INK_OK;
            a.kind = ATOM_RUN;
            a.a = run_width(font, px, u + i, n - i, &rl, &err);
            if (err)
                return 0;
            i += rl;
        } else {
            size_t j = i;
            uint32_t cp = next_shown(u, n, &j);
            if (!cp || cp == 1) {
                i = j > i ? j : i + 1;
                continue;
            }
            const ink_glyph_t *g = ink_font_glyph(font, face, px, cp);
            if (!g)
                return 0;
            a.cp = cp;
            a.a = g->adv;
            i = j;
        }
        if (cut && w + a.a + ell_w > limit) {
            v[na++] = (atom_t){ 0, 0x2026, ell_w, ATOM_GLYPH, (uint8_t)rtl, (uint8_t)face, 0 };
            break;
        }
        w += a.a;
        v[na++] = a;
    }
    bidi_reorder(v, na);
    for (int i = 0; i < na; i++) {
        if (v[i].kind == ATOM_RUN) {
            uint32_t rl;
            ink_err_t err = INK_OK;
            *pen = run_draw(fb, font, face, px, u + v[i].pos, n - v[i].pos, *pen, y, &rl, &err);
            continue;
        }
        uint32_t cp = (v[i].level & 1) ? mirror(v[i].cp) : v[i].cp;
        const ink_glyph_t *g = ink_font_glyph(font, face, px, cp);
        if (g)
            ink_font_draw(fb, g, (int)((*pen + 32) >> 6), y);
        *pen += v[i].a;
    }
    return 1;
}

int ink_text_draw(ink_fb_t *fb, ink_font_t *font, ink_face_id_t face, int px, int x, int y, const char *s,
                  size_t n, int maxw)
{
    int32_t limit = maxw > 0 ? (int32_t)maxw * 64 : INT32_MAX;
    int32_t full = maxw > 0 ? ink_text_width(font, face, px, s, n) : 0;
    /* Glyph pointers live only until the next lookup (the cache is direct
     * mapped), so the ellipsis is looked up again where it is drawn. */
    const ink_glyph_t *ell = ink_font_glyph(font, face, px, 0x2026);
    int32_t ell_w = ell ? ell->adv : 0;
    int cut = full > limit;
    int32_t pen = (int32_t)x * 64;
    size_t i = 0;
    const uint8_t *u = (const uint8_t *)s;
    if (n >= 2 && u[0] == INK_TX_LEVEL && (u[1] & 0xC0u) == 0x80u && (u[1] & 0x3Fu) >= INK_LEVEL_PARA_LTR) {
        int32_t p0 = pen;
        if (text_draw_bidi(fb, font, face, px, &pen, y, u, n, limit, cut, ell_w))
            return (int)((pen + 32) >> 6);
        pen = p0;
    }
    for (uint32_t cp;;) {
        if (i < n && u[i] == INK_TX_GLYPHS) {
            uint32_t rl;
            ink_err_t err = INK_OK;
            int32_t rw = run_width(font, px, u + i, n - i, &rl, &err);
            if (err || (cut && pen + rw + ell_w > (int32_t)x * 64 + limit)) {
                ell = ink_font_glyph(font, face, px, 0x2026);
                if (ell)
                    ink_font_draw(fb, ell, (int)((pen + 32) >> 6), y);
                pen += ell_w;
                break;
            }
            pen = run_draw(fb, font, face, px, u + i, n - i, pen, y, &rl, &err);
            i += rl;
            continue;
        }
        if (!(cp = next_shown(u, n, &i)))
            break;
        if (cp == 1)
            continue;
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
    }
    return (int)((pen + 32) >> 6);
}

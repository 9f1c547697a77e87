/* SPDX-License-Identifier: MIT */
/* ink_app.c: screens and the button state machine. */
#include "ink_app.h"

#include "ink_run.h"

#include "ink_conf.h"
#include "ink_format.h"
#include "ink_text.h"
#include "ink_utf8.h"

#include <stdio.h>
#include <string.h>

enum { MENU_SIZE, MENU_REFRESH, MENU_LIBRARY, MENU_CLOSE, MENU_COUNT };

static const uint8_t refresh_choices[] = {0, 1, 2, 4, 6, 10, 20};

/* Geometry, all derived from the panel's dpi and the chosen size. */
typedef struct geom {
    int margin, top, body_px, head_px, meta_px, small_px, footer_h;
} geom_t;

static geom_t geometry(const ink_app_t *app)
{
    const ink_profile_t *p = app->profile;
    geom_t g;
    g.body_px = ink_pt10_to_px(p->size_pt10[app->state.size], p->dpi);
    g.head_px = g.body_px * 8 / 5;
    g.meta_px = g.body_px * 17 / 20;
    g.small_px = ink_pt10_to_px(75, p->dpi);
    g.margin = p->dpi * 22 / 100;
    g.top = p->dpi * 18 / 100;
    g.footer_h = g.small_px * 2;
    return g;
}

static void layout_cfg(const ink_app_t *app, ink_layout_cfg_t *cfg)
{
    geom_t g = geometry(app);
    cfg->x = g.margin;
    cfg->y = g.top;
    cfg->w = app->fb->w - 2 * g.margin;
    cfg->h = app->fb->h - g.top - g.footer_h - g.small_px / 2;
    cfg->body_px = g.body_px;
    cfg->head_px = g.head_px;
    cfg->meta_px = g.meta_px;
    cfg->para_gap = g.body_px / 2;
    cfg->justify = 1;
    cfg->breaker = app->breaker;
    cfg->dpi = app->profile->dpi;
}

static void fail(ink_app_t *app, ink_err_t err, const char *where)
{
    app->error = err;
    snprintf(app->error_where, sizeof app->error_where, "%s", where);
    app->screen = INK_SCREEN_ERROR;
    app->want_full = 1;
}

static void save_state(ink_app_t *app)
{
    /* The state is kept up to date with or without storage, so a board
     * with it and the simulator without it show the same screens. */
    if (!app->bundle_ok)
        return;
    app->state.article = app->article;
    app->state.screen = app->screen == INK_SCREEN_ARTICLE ? 1 : 0;
    if (app->open_article >= 0 && app->layout.npages) {
        /* The position of the article open (not of the library's cursor). */
        uint32_t p = ink_layout_page_offset(&app->layout, app->page);
        ink_state_set_offset(&app->state, (uint32_t)app->open_article, p > app->body_off ? p - app->body_off : 0);
    }
    app->state.offset = ink_state_offset(&app->state, app->article);
    if (!app->hal->storage)
        return;
    /* A failed save keeps the last good record; reading goes on. */
    (void)ink_state_save(app->hal->storage, app->hal->storage_ctx, &app->state);
}

static void close_article(ink_app_t *app)
{
    ink_layout_clear(&app->layout);
    ink_pool_free(app->pool, app->flow_mem);
    app->flow_mem = NULL;
    app->flow = NULL;
    app->flow_len = 0;
    app->open_article = -1;
    if (app->font_ok)
        ink_font_close_fallbacks(&app->font);
}

/* 1 when the first strong character of s is right to left (Hebrew, Arabic,
 * Syriac, Thaana, N'Ko... and their presentation forms), 0 when it is left
 * to right or there is none; shaped runs' glyph bytes are passed over. */
static int starts_rtl(const char *s, size_t len)
{
    size_t n;
    for (size_t i = 0; i < len; i += n ? n : 1) {
        uint32_t c = ink_utf8_next((const uint8_t *)s + i, len - i, &n);
        if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
            (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF))
            return 1;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c != 0xFFFD && c != 0xD7 && c != 0xF7))
            return 0;
    }
    return 0;
}

/* Appends s to the meta line being built in buf, with a separator. In an
 * article whose paragraphs run right to left (rtl), the line does too: it
 * opens with the paragraph's level, the separators sit at level 1 and each
 * piece at 1 or, when it reads left to right (a date, a Latin name), 2 --
 * so the source stands at the right and the section at the left. */
/* The most of one piece (source, date, section) the meta line shows, and
 * of the whole line: a source shaped on the host carries its glyphs too
 * (a Bengali byline of two words is 177 bytes, the Thai สำนักข่าวอิงค์เพรส,
 * one run of 19 glyphs, 268, which a cap of 256 left out whole). */
#define META_PIECE_MAX 384u
#define META_BYTES 512u

static size_t meta_add(char *buf, size_t at, size_t cap, const char *s, size_t len, int rtl)
{
    if (!s || !len)
        return at;
    if (len > META_PIECE_MAX) /* no piece crowds the others out */
        len = ink_text_safe_cut((const uint8_t *)s, len, META_PIECE_MAX);
    char sep[16];
    size_t sl = 0;
    if (rtl && !at) {
        sep[sl++] = INK_TX_LEVEL;
        sep[sl++] = (char)(0x80 | INK_LEVEL_PARA_RTL);
    }
    if (rtl && at) {
        sep[sl++] = INK_TX_LEVEL;
        sep[sl++] = (char)(0x80 | 1);
    }
    if (at) {
        memcpy(sep + sl, " \xC2\xB7 ", 4);
        sl += 4;
    }
    if (rtl) {
        sep[sl++] = INK_TX_LEVEL;
        sep[sl++] = (char)(0x80 | (starts_rtl(s, len) ? 1 : 2));
    }
    if (at + sl + 1 >= cap)
        return at;
    /* a piece that does not fit is cut where it cuts no character and no
     * shaped run */
    size_t l = ink_text_safe_cut((const uint8_t *)s, len, cap - at - sl - 1);
    if (!l)
        return at;
    memcpy(buf + at, sep, sl);
    memcpy(buf + at + sl, s, l);
    at += sl + l;
    buf[at] = '\0';
    return at;
}

static ink_err_t open_article(ink_app_t *app, uint32_t i)
{
    ink_article_info_t a;
    ink_section_info_t s;
    ink_err_t err = ink_bundle_article(&app->bundle, i, &a);
    if (err)
        return err;
    if (ink_bundle_section(&app->bundle, a.section, &s))
        s.name = "";
    close_article(app);
    if (a.text_len > INK_ARTICLE_MAX_BYTES)
        return INK_ERR_TOO_BIG;
    const char *title;
    err = ink_bundle_title(&app->bundle, i, app->pool, &app->titles, &title);
    if (err)
        return err;
    size_t tlen = 0;
    while (title[tlen] && tlen < INK_TITLE_MAX)
        tlen++;
    if (title[tlen]) /* a very long title is cut, on a character boundary */
        while (tlen && ((unsigned char)title[tlen] & 0xC0) == 0x80)
            tlen--;
    /* The text is inflated behind room for the headline and the meta line,
     * which are then written to end exactly where its body begins. */
    char meta[META_BYTES];
    uint32_t room = (uint32_t)(2 + tlen + sizeof meta);
    uint8_t *mem = ink_pool_alloc_top(app->pool, room + a.text_len);
    if (!mem)
        return INK_ERR_NOMEM;
    uint8_t *text = mem + room;
    err = ink_bundle_inflate(&app->bundle, i, app->pool, text, a.text_len);
    if (err) {
        ink_pool_free(app->pool, mem);
        return err;
    }
    ink_text_head_t th;
    ink_text_head(text, a.text_len, &th);
    size_t m = 0;
    meta[0] = '\0';
    /* the body's first paragraph says the article's direction */
    const uint8_t *b = text + th.body;
    int rtl = th.body + 2 < a.text_len && b[1] == INK_TX_LEVEL && b[2] == (0x80 | INK_LEVEL_PARA_RTL);
    m = meta_add(meta, m, sizeof meta, th.source, th.source_len, rtl);
    m = meta_add(meta, m, sizeof meta, th.date, th.date_len, rtl);
    m = meta_add(meta, m, sizeof meta, s.name, strlen(s.name), rtl);
    uint32_t head = (uint32_t)(1 + tlen + (m ? 1 + m : 0));
    uint8_t *flow = text + th.body - head;
    uint32_t k = 0;
    flow[k++] = INK_TX_HEADLINE;
    memcpy(flow + k, title, tlen);
    k += (uint32_t)tlen;
    if (m) {
        flow[k++] = INK_TX_META;
        memcpy(flow + k, meta, m);
    }
    app->flow_mem = mem;
    app->flow = flow;
    app->flow_len = head + (a.text_len - th.body);
    app->body_off = head;
    app->open_article = (int32_t)i;
    app->article = i;
    app->page = 0;
    ink_layout_cfg_t cfg;
    layout_cfg(app, &cfg);
    ink_font_prefer(&app->font, ink_bundle_article_face(&app->bundle, i));
    ink_layout_init(&app->layout, &app->font, app->pool, &cfg);
    app->layout.kern = &app->kern;
    app->layout.hyph = ink_hyph_article(&app->hyph, i) ? &app->hyph : NULL;
    ink_bundle_pic_src(&app->bundle, &app->pics);
    app->layout.pics = &app->pics;
    err = ink_layout_set_text(&app->layout, app->flow, app->flow_len);
    if (err)
        close_article(app);
    return err;
}

ink_err_t ink_app_open_article(ink_app_t *app, uint32_t i)
{
    ink_err_t err = open_article(app, i);
    if (err != INK_ERR_NOMEM || !app->font_ok)
        return err;
    /* The pool may have the room, only not in one piece: the faces and
     * what FreeType grew for them while earlier pages were drawn lie
     * scattered through it. Open the fonts again (they go back to the
     * bottom, together) and try once more. */
    close_article(app);
    ink_bundle_titles_free(&app->titles);
    if (ink_font_reopen(&app->font) != INK_OK) {
        app->font_ok = 0;
        return INK_ERR_NOMEM;
    }
    return open_article(app, i);
}

/* Opens article i for reading at body offset off (or its last page when
 * last), with a full refresh; failures go to the error screen. */
static void enter_article(ink_app_t *app, uint32_t i, uint32_t off, int last)
{
    app->article = i;
    ink_err_t err = ink_app_open_article(app, i);
    if (err) {
        char where[64];
        snprintf(where, sizeof where, "Opening article %u", (unsigned)i + 1);
        fail(app, err, where);
        return;
    }
    app->screen = INK_SCREEN_ARTICLE;
    if (last)
        app->page = app->layout.npages - 1;
    else if (off)
        app->page = ink_layout_page_of(&app->layout, app->body_off + off);
    ink_state_mark(&app->state, i);
    app->want_full = 1;
}

int ink_app_pages(const ink_app_t *app)
{
    return app->open_article >= 0 ? app->layout.npages : 0;
}

/* --- drawing ----------------------------------------------------------- */

static void draw_footer(ink_app_t *app, const char *left, const char *mid, const char *right, int permille)
{
    geom_t g = geometry(app);
    ink_fb_t *fb = app->fb;
    int base = fb->h - g.footer_h / 2;
    int w = fb->w - 2 * g.margin;
    if (left)
        ink_text_draw(fb, &app->font, INK_FACE_REGULAR, g.small_px, g.margin, base, left, strlen(left), w / 3);
    if (mid) {
        int tw = (int)(ink_text_width(&app->font, INK_FACE_REGULAR, g.small_px, mid, strlen(mid)) >> 6);
        ink_text_draw(fb, &app->font, INK_FACE_REGULAR, g.small_px, (fb->w - tw) / 2, base, mid, strlen(mid), 0);
    }
    if (right) {
        int tw = (int)(ink_text_width(&app->font, INK_FACE_REGULAR, g.small_px, right, strlen(right)) >> 6);
        ink_text_draw(fb, &app->font, INK_FACE_REGULAR, g.small_px, fb->w - g.margin - tw, base, right, strlen(right),
                      0);
    }
    if (permille >= 0) {
        /* Progress through the edition: a hairline with a thicker filled part. */
        int y = fb->h - g.footer_h / 6 - 2;
        ink_rect_t line = {g.margin, y + 1, w, 1};
        ink_rect_t done = {g.margin, y, w * permille / 1000, 3};
        ink_fb_fill_rect(fb, line, 1);
        ink_fb_fill_rect(fb, done, 1);
    }
}

static int article_row(const ink_app_t *app, uint32_t i)
{
    ink_article_info_t a;
    if (ink_bundle_article(&app->bundle, i, &a))
        return 0;
    return (int)(i + a.section + 1);
}

static void draw_library(ink_app_t *app)
{
    geom_t g = geometry(app);
    ink_fb_t *fb = app->fb;
    int px = g.body_px, w = fb->w - 2 * g.margin;
    int row_h = px * 16 / 10;
    const char *name = ink_bundle_name(&app->bundle);
    const char *date = ink_bundle_date(&app->bundle);
    int y = g.top + g.head_px;
    ink_text_draw(fb, &app->font, INK_FACE_BOLD, g.head_px, g.margin, y, name, strlen(name), w * 2 / 3);
    if (date) {
        int tw = (int)(ink_text_width(&app->font, INK_FACE_ITALIC, g.meta_px, date, strlen(date)) >> 6);
        ink_text_draw(fb, &app->font, INK_FACE_ITALIC, g.meta_px, fb->w - g.margin - tw, y, date, strlen(date), 0);
    }
    y += g.head_px / 2;
    ink_rect_t rule = {g.margin, y, w, 2};
    ink_fb_fill_rect(fb, rule, 1);
    y += px / 2;
    int list_top = y;
    int rows_per_page = (fb->h - g.footer_h - list_top) / row_h;
    if (rows_per_page < 1)
        rows_per_page = 1;
    int nrows = (int)(app->bundle.narticles + app->bundle.nsections);
    int cur = article_row(app, app->article);
    int lpage = cur / rows_per_page, lpages = (nrows + rows_per_page - 1) / rows_per_page;
    int first = lpage * rows_per_page;
    /* Walk sections and articles in order, drawing the rows of this page. */
    int row = 0;
    for (uint32_t s = 0; s < app->bundle.nsections; s++) {
        ink_section_info_t sec;
        ink_bundle_section(&app->bundle, s, &sec);
        for (int k = -1; k < (int)sec.count; k++, row++) {
            if (row < first || row >= first + rows_per_page)
                continue;
            int top = list_top + (row - first) * row_h;
            int base = top + row_h * 7 / 10;
            /* each row in its article's CJK face: the section's name in its first's */
            ink_font_prefer(&app->font, ink_bundle_article_face(&app->bundle, sec.first + (uint32_t)(k < 0 ? 0 : k)));
            if (k < 0) {
                ink_text_draw(fb, &app->font, INK_FACE_BOLD, g.meta_px, g.margin, base, sec.name, strlen(sec.name), w);
                ink_rect_t r = {g.margin, top + row_h - 2, w, 1};
                ink_fb_fill_rect(fb, r, 1);
                continue;
            }
            uint32_t i = sec.first + (uint32_t)k;
            const char *title;
            if (ink_bundle_title(&app->bundle, i, app->pool, &app->titles, &title))
                title = "(title unreadable)";
            int x = g.margin + px;
            if (!ink_state_is_marked(&app->state, i)) {
                /* Unread: a small filled square before the title. */
                int d = px / 4;
                ink_rect_t dot = {g.margin + px / 4, base - px / 3 - d / 2, d, d};
                ink_fb_fill_rect(fb, dot, 1);
            }
            ink_text_draw(fb, &app->font, INK_FACE_REGULAR, px, x, base, title, strlen(title), fb->w - g.margin - x);
            if (i == app->article) {
                ink_rect_t bar = {g.margin - px / 4, top + 1, w + px / 2, row_h - 2};
                ink_fb_invert_rect(fb, bar);
            }
        }
    }
    ink_font_prefer(&app->font, 0);
    char mid[32], right[48];
    snprintf(mid, sizeof mid, "%d / %d", lpage + 1, lpages);
    snprintf(right, sizeof right, "%u articles", (unsigned)app->bundle.narticles);
    draw_footer(app, "Library", mid, right, -1);
}

static void draw_article(ink_app_t *app)
{
    ink_err_t err = ink_layout_draw_page(&app->layout, app->fb, app->page);
    if (err) {
        fail(app, err, "Drawing a page");
        return;
    }
    ink_article_info_t a;
    ink_section_info_t s;
    ink_bundle_article(&app->bundle, app->article, &a);
    if (ink_bundle_section(&app->bundle, a.section, &s))
        s.name = "";
    char mid[32], right[48];
    snprintf(mid, sizeof mid, "page %d / %d", app->page + 1, app->layout.npages);
    snprintf(right, sizeof right, "article %u / %u", (unsigned)app->article + 1, (unsigned)app->bundle.narticles);
    int n = (int)app->bundle.narticles;
    int permille = (int)((1000LL * app->article + 1000LL * (app->page + 1) / app->layout.npages) / n);
    draw_footer(app, s.name, mid, right, permille);
}

static const char *size_name(int i)
{
    static const char *const names[INK_SIZE_COUNT] = {"small", "medium", "large"};
    return names[i];
}

static void draw_menu(ink_app_t *app)
{
    geom_t g = geometry(app);
    ink_fb_t *fb = app->fb;
    int px = g.body_px, w = fb->w - 2 * g.margin;
    int y = g.top + g.head_px;
    ink_text_draw(fb, &app->font, INK_FACE_BOLD, g.head_px, g.margin, y, "Menu", 4, 0);
    y += g.head_px / 2;
    ink_rect_t rule = {g.margin, y, w, 2};
    ink_fb_fill_rect(fb, rule, 1);
    y += px;
    int row_h = px * 2;
    for (int i = 0; i < MENU_COUNT; i++) {
        char line[96];
        switch (i) {
        case MENU_SIZE:
            snprintf(line, sizeof line, "Text size: %s (%d.%d pt)", size_name(app->state.size),
                     app->profile->size_pt10[app->state.size] / 10, app->profile->size_pt10[app->state.size] % 10);
            break;
        case MENU_REFRESH:
            if (app->state.refresh_every)
                snprintf(line, sizeof line, "Full refresh: every %u pages", (unsigned)app->state.refresh_every);
            else
                snprintf(line, sizeof line, "Full refresh: never");
            break;
        case MENU_LIBRARY: snprintf(line, sizeof line, "Back to library"); break;
        default: snprintf(line, sizeof line, "Close menu"); break;
        }
        int top = y + i * row_h;
        ink_text_draw(fb, &app->font, INK_FACE_REGULAR, px, g.margin + px / 2, top + row_h * 2 / 3, line, strlen(line),
                      w - px);
        if (i == app->menu_item) {
            ink_rect_t bar = {g.margin, top + row_h / 8, w, row_h * 3 / 4 + 2};
            ink_fb_invert_rect(fb, bar);
        }
    }
    draw_footer(app, "Menu", NULL, "select: change  back: close", -1);
}

static void draw_error(ink_app_t *app)
{
    ink_fb_t *fb = app->fb;
    if (!app->font_ok) {
        /* Without a font, a hatched frame still says something is wrong;
         * the port reports the sentence through its own channel. */
        for (int y = 0; y < fb->h; y += 8)
            for (int x = (y / 8) % 2 * 8; x < fb->w; x += 16) {
                ink_rect_t r = {x, y, 8, 8};
                ink_fb_fill_rect(fb, r, 1);
            }
        return;
    }
    geom_t g = geometry(app);
    int w = fb->w - 2 * g.margin;
    int y = fb->h / 3;
    ink_text_draw(fb, &app->font, INK_FACE_BOLD, g.head_px, g.margin, y, "Cannot show this", 16, w);
    y += g.head_px;
    const char *msg = ink_err_str(app->error);
    ink_text_draw(fb, &app->font, INK_FACE_REGULAR, g.body_px, g.margin, y, msg, strlen(msg), w);
    y += g.body_px * 3 / 2;
    ink_text_draw(fb, &app->font, INK_FACE_ITALIC, g.meta_px, g.margin, y, app->error_where, strlen(app->error_where),
                  w);
    if (app->bundle_ok)
        draw_footer(app, NULL, "Press any button to return to the library", NULL, -1);
}

void ink_app_draw(ink_app_t *app)
{
    ink_fb_clear(app->fb);
    /* an article's page in its own CJK face; the other screens choose per row */
    if (app->font_ok)
        ink_font_prefer(&app->font, app->screen == INK_SCREEN_ARTICLE && app->open_article >= 0
                                        ? ink_bundle_article_face(&app->bundle, (uint32_t)app->open_article)
                                        : 0);
    switch (app->screen) {
    case INK_SCREEN_LIBRARY: draw_library(app); break;
    case INK_SCREEN_ARTICLE: draw_article(app); break;
    case INK_SCREEN_MENU: draw_menu(app); break;
    case INK_SCREEN_ERROR: break;
    }
    if (app->screen == INK_SCREEN_ERROR) {
        ink_fb_clear(app->fb); /* drawing may have failed half way */
        draw_error(app);
    }
}

static void show(ink_app_t *app)
{
    /* Text on the library, the menu and the footers skips a glyph that
     * cannot be had, and the library shows "(title unreadable)" for a title
     * it cannot inflate, with no error to show. When that happened for want
     * of memory, draw once more; when glyphs are still missing, say so
     * rather than leave a screen with holes. */
    unsigned long failures = app->font.failures;
    size_t refused = app->pool->refused;
    ink_app_draw(app);
    if (app->screen != INK_SCREEN_ERROR &&
        (app->font.failures != failures || (app->screen == INK_SCREEN_LIBRARY && app->pool->refused != refused))) {
        failures = app->font.failures;
        ink_app_draw(app);
        if (app->font.failures != failures) {
            fail(app, INK_ERR_NOMEM, "Drawing the screen");
            ink_app_draw(app);
        }
    }
    ink_rect_t area;
    ink_wave_t mode;
    app->display_error = INK_OK;
    if (ink_refresh_plan(&app->refresh, app->fb, app->want_full, &area, &mode))
        app->display_error = app->hal->display->refresh(app->hal->display_ctx, app->fb, area, mode);
    /* A refresh the panel refused leaves it showing something else than the
     * plan thinks: the next one redraws it whole. */
    app->want_full = app->display_error != INK_OK;
}

/* --- the state machine ---------------------------------------------------- */

static void relayout(ink_app_t *app)
{
    if (app->open_article < 0)
        return;
    uint32_t off = ink_layout_page_offset(&app->layout, app->page);
    ink_layout_cfg_t cfg;
    layout_cfg(app, &cfg);
    ink_font_flush(&app->font);
    app->layout.cfg = cfg;
    ink_err_t err = ink_layout_set_text(&app->layout, app->flow, app->flow_len);
    if (err) {
        close_article(app);
        fail(app, err, "Setting the new text size");
        return;
    }
    app->page = ink_layout_page_of(&app->layout, off);
}

static void key_library(ink_app_t *app, ink_key_t key)
{
    uint32_t n = app->bundle.narticles;
    switch (key) {
    case INK_KEY_NEXT: app->article = (app->article + 1) % n; break;
    case INK_KEY_PREV: app->article = (app->article + n - 1) % n; break;
    case INK_KEY_SELECT: {
        /* An article read before resumes at the page where it was left. */
        uint32_t off = ink_state_offset(&app->state, app->article);
        enter_article(app, app->article, off, 0);
        break;
    }
    case INK_KEY_MENU:
        app->menu_from = INK_SCREEN_LIBRARY;
        app->menu_item = 0;
        app->screen = INK_SCREEN_MENU;
        break;
    default: break;
    }
}

static void key_article(ink_app_t *app, ink_key_t key)
{
    uint32_t n = app->bundle.narticles;
    switch (key) {
    case INK_KEY_NEXT:
        if (app->page + 1 < app->layout.npages)
            app->page++;
        else if (app->article + 1 < n)
            enter_article(app, app->article + 1, 0, 0);
        break;
    case INK_KEY_PREV:
        if (app->page > 0)
            app->page--;
        else if (app->article > 0)
            enter_article(app, app->article - 1, 0, 1);
        break;
    case INK_KEY_SELECT:
        if (app->article + 1 < n)
            enter_article(app, app->article + 1, 0, 0);
        break;
    case INK_KEY_BACK: app->screen = INK_SCREEN_LIBRARY; break;
    case INK_KEY_MENU:
        app->menu_from = INK_SCREEN_ARTICLE;
        app->menu_item = 0;
        app->screen = INK_SCREEN_MENU;
        break;
    default: break;
    }
}

static void key_menu(ink_app_t *app, ink_key_t key)
{
    switch (key) {
    case INK_KEY_NEXT: app->menu_item = (app->menu_item + 1) % MENU_COUNT; break;
    case INK_KEY_PREV: app->menu_item = (app->menu_item + MENU_COUNT - 1) % MENU_COUNT; break;
    case INK_KEY_BACK:
    case INK_KEY_MENU: app->screen = app->menu_from; break;
    case INK_KEY_SELECT:
        if (app->menu_item == MENU_SIZE) {
            app->state.size = (uint8_t)((app->state.size + 1) % INK_SIZE_COUNT);
            relayout(app);
        } else if (app->menu_item == MENU_REFRESH) {
            size_t k = 0, nc = sizeof refresh_choices;
            while (k < nc && refresh_choices[k] != app->state.refresh_every)
                k++;
            app->state.refresh_every = refresh_choices[(k + 1) % nc];
            app->refresh.every = app->state.refresh_every;
        } else if (app->menu_item == MENU_LIBRARY) {
            app->screen = INK_SCREEN_LIBRARY;
        } else {
            app->screen = app->menu_from;
        }
        break;
    default: break;
    }
    if (app->screen == INK_SCREEN_ARTICLE && app->open_article < 0)
        app->screen = INK_SCREEN_LIBRARY;
}

ink_err_t ink_app_key(ink_app_t *app, ink_key_t key)
{
    if (key == INK_KEY_NONE)
        return INK_OK;
    switch (app->screen) {
    case INK_SCREEN_LIBRARY: key_library(app, key); break;
    case INK_SCREEN_ARTICLE: key_article(app, key); break;
    case INK_SCREEN_MENU: key_menu(app, key); break;
    case INK_SCREEN_ERROR:
        if (!app->bundle_ok || !app->font_ok)
            return INK_OK; /* nothing to go back to */
        app->screen = INK_SCREEN_LIBRARY;
        app->want_full = 1;
        break;
    }
    if (app->screen != INK_SCREEN_ERROR)
        save_state(app);
    show(app);
    return app->display_error;
}

ink_err_t ink_app_start(ink_app_t *app, const ink_hal_t *hal, ink_pool_t *pool, ink_fb_t *fb,
                        const ink_profile_t *profile, const uint8_t *data, size_t len,
                        const ink_font_data_t fonts[INK_FACE_COUNT])
{
    memset(app, 0, sizeof *app);
    app->hal = hal;
    app->pool = pool;
    app->fb = fb;
    app->profile = profile;
    app->open_article = -1;
    app->titles.chunk = -1;
    ink_state_init(&app->state, profile->default_size, INK_REFRESH_FULL_EVERY);
    app->want_full = 1;
    ink_err_t err = ink_refresh_init(&app->refresh, pool, fb->h, fb->stride, app->state.refresh_every);
    if (err) {
        fail(app, err, "Starting up");
        show(app);
        return err;
    }
    /* The edition's own faces when it carries them (subset to its text);
     * else, and for the error screen of an edition that will not open, the
     * faces the port has. */
    ink_err_t berr = ink_bundle_open(&app->bundle, data, len);
    ink_font_data_t own[INK_FONT_MAX_FACES];
    const ink_font_data_t *use = fonts;
    int nown = INK_FACE_COUNT;
    if (!berr && ink_bundle_faces(&app->bundle, own, &nown) == INK_OK)
        use = own;
    err = use ? ink_font_open_n(&app->font, pool, use, use == own ? nown : INK_FACE_COUNT, profile->render_mode,
                                profile->threshold)
              : INK_ERR_FONT;
    if (err && use == own && fonts) /* the edition's faces are damaged: say so in the port's */
        if (ink_font_open(&app->font, pool, fonts, profile->render_mode, profile->threshold) == INK_OK) {
            app->font_ok = 1;
            fail(app, err, "Loading the edition's fonts");
            show(app);
            return err;
        }
    app->font_ok = err == INK_OK;
    if (err) {
        fail(app, err, "Loading the fonts");
        show(app);
        return err;
    }
    if (berr) {
        fail(app, berr, "Opening the edition");
        show(app);
        return berr;
    }
    app->bundle_ok = 1;
    ink_bundle_kern(&app->bundle, &app->kern);
    ink_bundle_hyph(&app->bundle, &app->hyph);
    uint32_t edition = app->bundle.id;
    ink_state_t saved;
    if (hal->storage && ink_state_load(hal->storage, hal->storage_ctx, &saved) == INK_OK) {
        if (saved.edition == edition && saved.article < app->bundle.narticles) {
            if (saved.size >= INK_SIZE_COUNT)
                saved.size = profile->default_size;
            app->state = saved;
            app->refresh.every = saved.refresh_every;
        } else {
            app->state.seq = saved.seq; /* keep counting: the next save goes to the older slot */
        }
    }
    app->state.edition = edition;
    app->article = app->state.article;
    if (app->state.screen == 1)
        enter_article(app, app->article, app->state.offset, 0);
    show(app);
    return app->screen == INK_SCREEN_ERROR ? app->error : INK_OK;
}

void ink_app_stop(ink_app_t *app)
{
    close_article(app);
    ink_bundle_titles_free(&app->titles);
    if (app->font_ok)
        ink_font_close(&app->font);
    app->font_ok = 0;
    ink_refresh_free(&app->refresh);
}

ink_key_t ink_key_parse(const char *name)
{
    static const struct {
        const char *name;
        ink_key_t key;
    } keys[] = {
        {"prev", INK_KEY_PREV},     {"p", INK_KEY_PREV},   {"next", INK_KEY_NEXT}, {"n", INK_KEY_NEXT},
        {"select", INK_KEY_SELECT}, {"s", INK_KEY_SELECT}, {"back", INK_KEY_BACK}, {"b", INK_KEY_BACK},
        {"menu", INK_KEY_MENU},     {"m", INK_KEY_MENU},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(name, keys[i].name) == 0)
            return keys[i].key;
    return INK_KEY_NONE;
}

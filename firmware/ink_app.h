/* SPDX-License-Identifier: MIT */
/* ink_app.h: the reader application: screens (library, article, menu,
 * error) and the button state machine that moves between them.
 *
 * Buttons: in the library PREV/NEXT move the cursor, SELECT opens, MENU
 * opens the menu. In an article PREV/NEXT turn pages (past the last page to
 * the next article), SELECT jumps to the next article, BACK returns to the
 * library, MENU opens the menu. In the menu PREV/NEXT move, SELECT changes
 * or activates, BACK closes. On the error screen any button returns to the
 * library when the edition itself is readable. */
#ifndef INK_APP_H
#define INK_APP_H

#include <stddef.h>
#include <stdint.h>

#include "hal/ink_hal.h"
#include "ink_bundle.h"
#include "ink_err.h"
#include "ink_fb.h"
#include "ink_font.h"
#include "ink_layout.h"
#include "ink_pool.h"
#include "ink_profile.h"
#include "ink_refresh.h"
#include "ink_state.h"

typedef enum ink_screen {
    INK_SCREEN_LIBRARY = 0,
    INK_SCREEN_ARTICLE = 1,
    INK_SCREEN_MENU = 2,
    INK_SCREEN_ERROR = 3,
} ink_screen_t;

typedef struct ink_app {
    const ink_hal_t *hal;
    ink_pool_t *pool;
    ink_fb_t *fb;
    const ink_profile_t *profile;
    ink_bundle_t bundle;
    int bundle_ok, font_ok;
    ink_font_t font;
    ink_layout_t layout;
    uint8_t *flow_mem;   /**< the open article's buffer; pool */
    uint8_t *flow;       /**< headline + meta + body of the open article, in flow_mem */
    ink_titles_t titles; /**< the title chunk last inflated */
    ink_kern_t kern;     /**< the edition's kerning pairs (empty: none) */
    ink_hyph_t hyph;     /**< the edition's hyphenation patterns (empty: none) */
    ink_pic_src_t pics;  /**< the edition's pictures (PICS) as the layout reads them */
    uint32_t flow_len, body_off;
    int32_t open_article; /**< article whose text is in flow, -1 none */
    ink_screen_t screen, menu_from;
    uint32_t article; /**< current article (cursor in the library) */
    int page;
    int menu_item;
    int want_full; /**< next refresh is a full one */
    int breaker;   /**< ink_breaker_t for article text (total fit unless a tool asks) */
    ink_refresh_t refresh;
    ink_state_t state;
    ink_err_t error;         /**< shown by the error screen */
    ink_err_t display_error; /**< what the display's refresh said of the last screen (INK_OK: shown) */
    char error_where[64];    /**< what failed, e.g. "Opening article 3" */
} ink_app_t;

/** Starts the reader on the bundle at data[0..len) with the given fonts,
 * restores the saved state when it belongs to this edition, and shows the
 * first screen. A damaged bundle or font shows the error screen; the return
 * value says what went wrong (INK_OK when the library or article shows).
 * What the display said of that first screen is in app->display_error. */
ink_err_t ink_app_start(ink_app_t *app, const ink_hal_t *hal, ink_pool_t *pool, ink_fb_t *fb,
                        const ink_profile_t *profile, const uint8_t *data, size_t len,
                        const ink_font_data_t fonts[INK_FACE_COUNT]);

/** Handles one button press and refreshes the panel. Returns INK_OK, or
 * the display's error when the panel refused the refresh (the next refresh
 * is then a full one); what the screen itself shows is in app->screen. */
ink_err_t ink_app_key(ink_app_t *app, ink_key_t key);

/** Gives every pool allocation back (the pool is empty afterwards). */
void ink_app_stop(ink_app_t *app);

/** Number of pages of the open article (0 when none is open). */
int ink_app_pages(const ink_app_t *app);

/** Opens article i at page 0 without drawing (for previews and tests). */
ink_err_t ink_app_open_article(ink_app_t *app, uint32_t i);

/** Draws the current screen into the framebuffer without refreshing. */
void ink_app_draw(ink_app_t *app);

/** Parses a key name (prev, next, select, back, menu; or p n s b m). */
ink_key_t ink_key_parse(const char *name);

#endif

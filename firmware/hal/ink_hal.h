/* SPDX-License-Identifier: MIT */
/* ink_hal.h: what the firmware needs from a board. One const instance of
 * each ops struct per port, chosen at link time; optional ops may be NULL. */
#ifndef INK_HAL_H
#define INK_HAL_H

#include <stdint.h>

#include "ink_err.h"
#include "ink_fb.h"

typedef enum ink_wave {
    INK_WAVE_FULL = 0,  /**< flashing refresh that clears ghosting */
    INK_WAVE_FAST = 1,  /**< fast 1-bit update of a region */
} ink_wave_t;

typedef enum ink_key {
    INK_KEY_NONE = 0,
    INK_KEY_PREV,
    INK_KEY_NEXT,
    INK_KEY_SELECT,
    INK_KEY_BACK,
    INK_KEY_MENU,
} ink_key_t;

typedef struct ink_display_ops {
    /** Shows area of fb on the panel with waveform mode. */
    ink_err_t (*refresh)(void *ctx, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode);
    void (*sleep)(void *ctx); /* may be NULL */
} ink_display_ops_t;

/** Small non-volatile store for the reading state. A write may be cut by a
 * power loss at any byte; ink_state copes with that. */
typedef struct ink_storage_ops {
    ink_err_t (*read)(void *ctx, uint32_t off, void *buf, uint32_t len);
    ink_err_t (*write)(void *ctx, uint32_t off, const void *buf, uint32_t len);
    uint32_t size; /**< bytes available */
} ink_storage_ops_t;

typedef struct ink_hal {
    const ink_display_ops_t *display;
    void *display_ctx;
    const ink_storage_ops_t *storage; /* may be NULL: no state kept */
    void *storage_ctx;
} ink_hal_t;

#endif

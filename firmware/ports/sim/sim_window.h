/* SPDX-License-Identifier: MIT */
/* sim_window.h: the simulator's desktop window (inkpress-sim --window): the
 * device screen at the panel's size, keyboard keys as the five buttons.
 * Built on SDL2 when the build has it (INK_HAVE_SDL); otherwise every
 * window fails to open with a reason, and the simulator runs headless.
 *
 * Keys: Left or Up = PREV, Right or Down = NEXT, Enter = SELECT,
 * Backspace = BACK, M = MENU; Escape, Q or closing the window ends it.
 * Host code: may malloc. */
#ifndef SIM_WINDOW_H
#define SIM_WINDOW_H

#include "hal/ink_hal.h"
#include "ink_fb.h"

typedef struct sim_window sim_window_t;

/** Opens a window of w x h pixels (the panel) called title. Returns the
 * window, or NULL with a reason in *why (static text): no SDL2 in this
 * build, no display, out of memory. */
sim_window_t *sim_window_open(const char *title, int w, int h, const char **why);

/** Shows fb (w x h as opened) in the window. A full waveform flashes the
 * panel black first, as e-paper does; fast refreshes just show the frame.
 * area is where the firmware refreshed; the whole frame is copied. */
void sim_window_show(sim_window_t *win, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode);

/** Waits for the next button. Returns INK_KEY_NONE when the person closes
 * the window (or presses Escape or Q). */
ink_key_t sim_window_wait_key(sim_window_t *win);

/** Closes the window and frees it. NULL is ignored. */
void sim_window_close(sim_window_t *win);

#endif

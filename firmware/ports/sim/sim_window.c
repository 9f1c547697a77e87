/* SPDX-License-Identifier: MIT */
/* sim_window.c: the device screen in an SDL2 window (see sim_window.h).
 * Compiled with -DINK_HAVE_SDL and SDL2's flags when pkg-config finds sdl2
 * (mk/window.mk); without it only the fallbacks at the end are built,
 * which say why no window can open. */
#include "sim_window.h"

#ifdef INK_HAVE_SDL

#include <SDL.h>
#include <stdint.h>
#include <stdlib.h>

/* Paper a little warm and ink not quite black, as a panel looks; both are
 * far from the middle so a screenshot thresholds back to the same bits. */
#define PAPER 0x00F2F0EAu
#define INK 0x00141414u
#define FLASH_MS 90

struct sim_window {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex;
    uint32_t *pixels; /* w * h, XRGB8888: what the panel shows now */
    int w, h;
};

static void present(sim_window_t *sw)
{
    SDL_UpdateTexture(sw->tex, NULL, sw->pixels, sw->w * (int)sizeof(uint32_t));
    SDL_SetRenderDrawColor(sw->ren, 0x60, 0x60, 0x60, 0xFF);
    SDL_RenderClear(sw->ren);
    SDL_RenderCopy(sw->ren, sw->tex, NULL, NULL);
    SDL_RenderPresent(sw->ren);
}

sim_window_t *sim_window_open(const char *title, int w, int h, const char **why)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        *why = "cannot open a window (no display? SDL2 says so; see SDL_VIDEODRIVER)";
        return NULL;
    }
    sim_window_t *sw = calloc(1, sizeof *sw);
    if (!sw || !(sw->pixels = malloc((size_t)w * (size_t)h * sizeof(uint32_t)))) {
        free(sw);
        SDL_Quit();
        *why = "out of memory";
        return NULL;
    }
    sw->w = w;
    sw->h = h;
    for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
        sw->pixels[i] = PAPER;
    /* Pixels stay square and sharp when the window is scaled. */
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "nearest");
    sw->win = SDL_CreateWindow(title, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, w, h,
                               SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (sw->win) {
        sw->ren = SDL_CreateRenderer(sw->win, -1, SDL_RENDERER_PRESENTVSYNC);
        if (!sw->ren) /* no GL on this display: SDL's own software renderer */
            sw->ren = SDL_CreateRenderer(sw->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (sw->ren) {
        SDL_RenderSetLogicalSize(sw->ren, w, h);
        sw->tex = SDL_CreateTexture(sw->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, w, h);
    }
    if (!sw->tex) {
        *why = "SDL2 could not create the window";
        sim_window_close(sw);
        return NULL;
    }
    present(sw);
    return sw;
}

void sim_window_show(sim_window_t *sw, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)area;
    if (!sw || fb->w != sw->w || fb->h != sw->h)
        return;
    if (mode == INK_WAVE_FULL) {
        /* The flash of a full refresh: the panel goes dark, then the page. */
        for (size_t i = 0; i < (size_t)sw->w * (size_t)sw->h; i++)
            sw->pixels[i] = INK;
        present(sw);
        SDL_Delay(FLASH_MS);
    }
    for (int y = 0; y < fb->h; y++) {
        const uint8_t *row = fb->bits + (size_t)y * (size_t)fb->stride;
        uint32_t *out = sw->pixels + (size_t)y * (size_t)sw->w;
        for (int x = 0; x < fb->w; x++)
            out[x] = (row[x >> 3] & (0x80u >> (x & 7))) ? INK : PAPER;
    }
    present(sw);
}

static ink_key_t key_of(SDL_Keycode k)
{
    switch (k) {
    case SDLK_LEFT:
    case SDLK_UP:
    case SDLK_PAGEUP:
        return INK_KEY_PREV;
    case SDLK_RIGHT:
    case SDLK_DOWN:
    case SDLK_PAGEDOWN:
    case SDLK_SPACE:
        return INK_KEY_NEXT;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return INK_KEY_SELECT;
    case SDLK_BACKSPACE:
        return INK_KEY_BACK;
    case SDLK_m:
        return INK_KEY_MENU;
    default:
        return INK_KEY_NONE;
    }
}

ink_key_t sim_window_wait_key(sim_window_t *sw)
{
    SDL_Event ev;
    while (sw && SDL_WaitEvent(&ev)) {
        switch (ev.type) {
        case SDL_QUIT:
            return INK_KEY_NONE;
        case SDL_WINDOWEVENT:
            if (ev.window.event == SDL_WINDOWEVENT_EXPOSED || ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                present(sw);
            break;
        case SDL_KEYDOWN: {
            SDL_Keycode k = ev.key.keysym.sym;
            if (k == SDLK_ESCAPE || k == SDLK_q)
                return INK_KEY_NONE;
            ink_key_t b = key_of(k);
            /* A held key does not repeat: the device has buttons. */
            if (b != INK_KEY_NONE && !ev.key.repeat)
                return b;
            break;
        }
        default:
            break;
        }
    }
    return INK_KEY_NONE;
}

void sim_window_close(sim_window_t *sw)
{
    if (!sw)
        return;
    if (sw->tex)
        SDL_DestroyTexture(sw->tex);
    if (sw->ren)
        SDL_DestroyRenderer(sw->ren);
    if (sw->win)
        SDL_DestroyWindow(sw->win);
    free(sw->pixels);
    free(sw);
    SDL_Quit();
}

#else /* no SDL2 in this build */

#include <stddef.h>

sim_window_t *sim_window_open(const char *title, int w, int h, const char **why)
{
    (void)title;
    (void)w;
    (void)h;
    *why = "this inkpress-sim was built without SDL2 (install libsdl2-dev, then make)";
    return NULL;
}

void sim_window_show(sim_window_t *win, const ink_fb_t *fb, ink_rect_t area, ink_wave_t mode)
{
    (void)win;
    (void)fb;
    (void)area;
    (void)mode;
}

ink_key_t sim_window_wait_key(sim_window_t *win)
{
    (void)win;
    return INK_KEY_NONE;
}

void sim_window_close(sim_window_t *win)
{
    (void)win;
}

#endif

# SPDX-License-Identifier: MIT
# mk/window.mk: inkpress-sim --window, the device screen in an SDL2 window
# on the desktop. Built with SDL2 when pkg-config finds it; without it the
# simulator still builds and --window says it is not there.
#
#   make window-test   read an edition in the window under Xvfb, pressing
#                      real X keys (xdotool), and compare screenshots with
#                      the frames the headless simulator writes
DEB_PKGS += libsdl2-dev xvfb xauth xdotool x11-apps netpbm

SDL_OK     := $(shell pkg-config --exists sdl2 2>/dev/null && echo yes)
WINDOW_OBJ  = $(B)/obj/firmware/ports/sim/sim_window.o

ifeq ($(SDL_OK),yes)
SDL_CFLAGS := $(shell pkg-config --cflags sdl2)
SDL_LIBS   := $(shell pkg-config --libs sdl2)
$(WINDOW_OBJ): CPPFLAGS += -DINK_HAVE_SDL $(SDL_CFLAGS)
endif

# Rebuild sim_window.o when SDL2 comes or goes (after make deps, say): the
# stamp changes only when the flags do.
WINDOW_FLAGS := $(if $(SDL_OK),sdl $(SDL_CFLAGS),no sdl)
$(B)/window.flags: window-flags-check
	@mkdir -p $(B)
	@echo '$(WINDOW_FLAGS)' | cmp -s - $@ || echo '$(WINDOW_FLAGS)' >$@
.PHONY: window-flags-check
window-flags-check: ;
$(WINDOW_OBJ): $(B)/window.flags

# sim_window.o is not part of the device library (only the sim binary has a
# window); it goes onto the link line through $^, SDL after it.
$(B)/inkpress-sim: $(WINDOW_OBJ)
$(B)/inkpress-sim: PKG_LIBS += $(SDL_LIBS)

-include $(WINDOW_OBJ:.o=.d)

.PHONY: window-test
window-test: all $(SAMPLE) $(B)/tests/pngcmp
	sh tests/window.sh

ifeq ($(SDL_OK),yes)
ifneq ($(shell command -v xvfb-run >/dev/null && command -v xdotool >/dev/null && command -v xwd >/dev/null && echo yes),)
TEST_EXTRA += window-test
endif
endif

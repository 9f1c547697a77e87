# inkpress: offline news for e-ink readers. Plain GNU make + pkg-config.
#
#   make deps    install what is missing (apt-get), quiet when all is there
#   make         build/inkpress (host tool) and build/inkpress-sim (firmware + sim port)
#   make demo    deps, build, pack the sample edition, preview it, run the simulator
#   make test    unit tests, golden frames, end to end, the BBC corpus
#   make bench   figures: pack speed, sizes, render speed, pool high-water
#   make golden-update   rewrite tests/golden/ after a deliberate rendering change

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wstrict-prototypes -Wundef -Wshadow -Wwrite-strings
ifneq ($(CI),)
WARN    += -Werror
endif
PKGS     = freetype2 libpng zlib libxml-2.0
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
HOST_LIBS   = -lzopfli   # the packer's deflate encoder (Debian's libzopfli-dev has no .pc)
CPPFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -Irender -Ifirmware -Ifirmware/ports/sim -Itools/clean -Itools/pack -Itools/cmd $(PKG_CFLAGS)
ALL_CFLAGS = $(CPPFLAGS) $(WARN) $(CFLAGS) -MMD -MP

B := build
TEST_EXTRA :=   # more test targets, added by mk/*.mk
BENCH_EXTRA :=  # more bench targets, added by mk/*.mk
SHARED ?= ../shared
BBC     = $(SHARED)/data/bbc

# The face set the build ships (fonts/README.md says why this one).
FONT ?= charis
FONT_DIR_charis    = /usr/share/fonts/truetype/charis
FONT_FILES_charis  = CharisSIL-Regular.ttf CharisSIL-Bold.ttf CharisSIL-Italic.ttf
FONT_PKG_charis    = fonts-sil-charis
FONT_DIR_dejavu    = /usr/share/fonts/truetype/dejavu
FONT_FILES_dejavu  = DejaVuSerif.ttf DejaVuSerif-Bold.ttf DejaVuSerif-Italic.ttf
FONT_PKG_dejavu    = fonts-dejavu-core fonts-dejavu-extra
FONT_DIR_noto      = /usr/share/fonts/truetype/noto
FONT_FILES_noto    = NotoSerif-Regular.ttf NotoSerif-Bold.ttf NotoSerif-Italic.ttf
FONT_PKG_noto      = fonts-noto-core
FONT_DIR_liberation   = /usr/share/fonts/truetype/liberation2
FONT_FILES_liberation = LiberationSerif-Regular.ttf LiberationSerif-Bold.ttf LiberationSerif-Italic.ttf
FONT_PKG_liberation   = fonts-liberation2
FONT_SRC = $(addprefix $(FONT_DIR_$(FONT))/,$(FONT_FILES_$(FONT)))

DEB_PKGS = gcc make pkg-config python3 libfreetype-dev libpng-dev zlib1g-dev libxml2-dev \
           libcmocka-dev libzopfli-dev xz-utils zstd bc time $(FONT_PKG_$(FONT))
DEPS_EXTRA :=   # downloads `make deps` also does (source packages), added by mk/*.mk

# Device code (render/, firmware/: libinkdev.a, nothing of the host in it);
# the PC side of the sim port (libinksim.a: files, mmap, PNG); the host
# tool's own files (tools/clean, tools/pack, tools/cmd: libinktools.a); one
# cmocka program per tests/test_*.c (test_corpus takes the BBC folder and
# runs apart).
SIM_SRC   = firmware/ports/sim/sim_io.c firmware/ports/sim/cliopt.c
DEV_SRC   = $(wildcard render/*.c) $(wildcard firmware/*.c)
TOOL_SRC  = $(filter-out tools/cmd/inkpress.c,$(wildcard tools/*/*.c))
TESTS     = $(filter-out test_corpus test_memory,$(patsubst tests/%.c,%,$(wildcard tests/test_*.c)))
TEST_BINS = $(addprefix $(B)/tests/,$(TESTS)) $(B)/tests/test_corpus $(B)/tests/pngcmp

DEV_OBJ  = $(DEV_SRC:%.c=$(B)/obj/%.o)
SIM_OBJ  = $(SIM_SRC:%.c=$(B)/obj/%.o)
TOOL_OBJ = $(TOOL_SRC:%.c=$(B)/obj/%.o)
LIBDEV   = $(B)/libinkdev.a
LIBSIM   = $(B)/libinksim.a
LIBTOOLS = $(B)/libinktools.a
FONTS    = $(B)/fonts/regular.ttf $(B)/fonts/bold.ttf $(B)/fonts/italic.ttf
SAMPLE   = $(B)/sample.ink
# samples/world/: articles in other scripts (mk/scripts.mk)
WORLD    = $(B)/world.ink

.PHONY: all deps demo test bench clean golden-update check-deps
all: $(B)/inkpress $(B)/inkpress-sim $(FONTS)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || \
	    { echo "make deps: apt-get could not install$$missing"; exit 1; }; \
	fi
	@for t in $(DEPS_EXTRA); do $(MAKE) --no-print-directory $$t || exit 1; done

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# Device code includes only the C library's freestanding-friendly headers,
# FreeType, zlib and its own headers: a host header (stdlib's malloc, POSIX,
# libpng, a tool's header) in render/ or firmware/ stops the build.
DEV_HEADERS_OK = stddef.h stdint.h stdbool.h stdarg.h string.h stdio.h limits.h ft2build.h zlib.h
$(B)/device-headers.ok: $(wildcard render/*.[ch] firmware/*.[ch] firmware/hal/*.h)
	@bad=$$(grep -Ho '^[[:space:]]*#[[:space:]]*include[[:space:]]*<[^>]*>' $^ | sed 's/:.*</ /; s/>$$//' | \
	  while read -r f h; do case " $(DEV_HEADERS_OK) " in *" $$h "*|*" FT_"*) ;; *) echo "$$f: <$$h>";; esac; done; \
	  grep -Ho '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]*"' $^ | sed 's/:.*"\(.*\)"/ \1/' | \
	  while read -r f h; do [ -f render/$$h ] || [ -f firmware/$$h ] || echo "$$f: \"$$h\""; done); \
	if [ -n "$$bad" ]; then echo "device code includes a host header:"; echo "$$bad"; exit 1; fi
	@mkdir -p $(dir $@) && touch $@

$(LIBDEV): $(DEV_OBJ) $(B)/device-headers.ok
	@rm -f $@
	ar rcs $@ $(DEV_OBJ)

$(LIBSIM): $(SIM_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(LIBTOOLS): $(TOOL_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/inkpress: $(B)/obj/tools/cmd/inkpress.o $(LIBTOOLS) $(LIBSIM) $(LIBDEV)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(HOST_LIBS)

$(B)/inkpress-sim: $(B)/obj/firmware/ports/sim/sim_main.o $(LIBSIM) $(LIBDEV)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

$(B)/fonts/regular.ttf: $(word 1,$(FONT_SRC))
$(B)/fonts/bold.ttf: $(word 2,$(FONT_SRC))
$(B)/fonts/italic.ttf: $(word 3,$(FONT_SRC))
$(FONTS):
	@test -f "$<" || { echo "missing $< : run 'make deps' (package $(FONT_PKG_$(FONT)))"; exit 1; }
	@mkdir -p $(dir $@)
	cp $< $@

# --- the sample edition ----------------------------------------------------

$(SAMPLE): $(B)/inkpress $(wildcard samples/*.txt)
	$(B)/inkpress pack -o $@ --name "The Inkpress Sample" --date 2026-11-29 samples/*.txt

DEMO_KEYS = select next next next menu select back next select next back next next select
demo: deps
	@$(MAKE) --no-print-directory all $(SAMPLE)
	$(B)/inkpress inspect $(SAMPLE) | tail -n 3
	$(B)/inkpress preview $(SAMPLE) -o $(B)/preview
	$(B)/inkpress-sim $(SAMPLE) --keys "$(DEMO_KEYS)" -o $(B)/sim
	@echo "demo: pages in $(B)/preview/, simulator frames and refresh.log in $(B)/sim/"

# --- tests -------------------------------------------------------------------

$(B)/tests/%: tests/%.c $(LIBTOOLS) $(LIBSIM) $(LIBDEV)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBTOOLS) $(LIBSIM) $(LIBDEV) $(PKG_LIBS) $(HOST_LIBS) -lcmocka

$(B)/tests/pngcmp: tests/pngcmp.c $(LIBSIM) $(LIBDEV)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBSIM) $(LIBDEV) $(PKG_LIBS)

test: all $(TEST_BINS)
	@set -e; for t in $(TESTS); do echo "== $$t"; INK_SHARED_DATA=$(SHARED)/data $(B)/tests/$$t; done
	@echo "== end to end"; sh tests/e2e.sh
	@if [ -d "$(BBC)" ]; then echo "== BBC corpus"; $(B)/tests/test_corpus $(BBC); \
	 else echo "== BBC corpus: $(BBC) not found, skipped"; fi
	@for t in $(TEST_EXTRA); do echo "== $$t"; $(MAKE) --no-print-directory $$t || exit 1; done

golden-update: all
	sh tests/e2e.sh --update

# --- benchmarks --------------------------------------------------------------

bench: all $(B)/tests/test_corpus
	@sh tests/bench.sh $(BBC)
	@for t in $(BENCH_EXTRA); do $(MAKE) --no-print-directory $$t || exit 1; done

clean:
	rm -rf $(B)

# Further targets live in mk/*.mk, one file a topic (board ports, fuzzing,
# install), each adding to DEB_PKGS what it needs.
-include $(sort $(wildcard mk/*.mk))

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)

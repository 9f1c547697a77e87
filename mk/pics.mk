# SPDX-License-Identifier: MIT
# mk/pics.mk: pictures (issue 17). The host decodes JPEG, PNG, WebP and GIF
# with Debian's libraries (libjpeg-turbo, libpng, libwebp, giflib), grays and
# scales them, and packs them 4-bit deflated (tools/pack/picture.c); the
# device scales and dithers them a row at a time (render/ink_pic.c).
# The test photos come from Debian's mate-backgrounds (real photographs,
# JPEG) and gnome-backgrounds (WebP): never committed, read where Debian
# puts them or converted into the build folder.
#
#   make pics-test   the picture sample edition: pack, inspect, extract, draw
DEB_PKGS += libjpeg62-turbo-dev libwebp-dev libgif-dev mate-backgrounds gnome-backgrounds
PIC_CFLAGS := $(shell pkg-config --cflags libjpeg libwebp 2>/dev/null)
PIC_LIBS := $(shell pkg-config --libs libjpeg libwebp 2>/dev/null)
PKG_CFLAGS += $(PIC_CFLAGS)
HOST_LIBS += $(if $(PIC_LIBS),$(PIC_LIBS),-ljpeg -lwebp) -lgif

# The picture sample: samples/pics/*.html saved as "Save Page As, complete"
# does (page.html beside page_files/), the photos copied in from Debian's
# packages (never committed).
PICS_DIR = $(B)/pics
PICS_INK = $(B)/pics.ink
MATE_NATURE = /usr/share/backgrounds/mate/nature
$(PICS_DIR)/.stamp: $(wildcard samples/pics/*.html)
	@test -f $(MATE_NATURE)/LadyBird.jpg -a -f /usr/share/backgrounds/gnome/wood-l.webp || \
	  { echo "missing the test photos: run 'make deps' (mate-backgrounds, gnome-backgrounds)"; exit 1; }
	@mkdir -p $(PICS_DIR)/ladybird_files $(PICS_DIR)/wood_files
	cp samples/pics/*.html $(PICS_DIR)/
	cp $(MATE_NATURE)/LadyBird.jpg $(MATE_NATURE)/Storm.jpg $(PICS_DIR)/ladybird_files/
	cp /usr/share/backgrounds/gnome/wood-l.webp $(PICS_DIR)/wood_files/
	@touch $@

$(PICS_INK): $(B)/inkpress $(FONTS) $(PICS_DIR)/.stamp
	$(B)/inkpress pack -o $@ --name "Pictures" --date 2026-11-29 $(PICS_DIR)/*.html

.PHONY: pics-memory-test bench-pics pic-looks

# Every page of the picture edition drawn at every profile and size in the
# default pool (the largest picture the packer stores, 1306 pixels wide).
pics-memory-test: $(B)/tests/test_memory $(FONTS) $(PICS_DIR)/.stamp
	@$(B)/tests/test_memory --pics $(PICS_DIR) >$(B)/memory-pics.out 2>&1 || \
	   { cat $(B)/memory-pics.out; echo "memory-test: the picture edition failed"; exit 1; }
	@grep '^memory: worst' $(B)/memory-pics.out | sed 's/^memory: /memory-test: pictures: /'

memory-test: pics-memory-test

# Figures: bytes per picture and edition with and without pictures,
# instructions to draw a page with a picture, pool high-water per profile.
bench-pics: all $(PICS_DIR)/.stamp
	@B=$(B) sh tests/bench_pics.sh $(PICS_DIR)

BENCH_EXTRA += bench-pics


# The sheets the dither and tone per dpi were chosen on (render/ink_pic.c):
# three photos at 125, 167 and 300 dpi, four looks side by side.
pic-looks: $(B)/tests/pic_looks
	@mkdir -p $(B)/pic-looks
	@for f in Storm Dune LadyBird; do $(B)/tests/pic_looks $(MATE_NATURE)/$$f.jpg $(B)/pic-looks/$$f || exit 1; done
	@echo "pic-looks: $(B)/pic-looks/{Storm,Dune,LadyBird}-{125,167,300}.png: FS, FS darker, Atkinson, Atkinson lighter"

# qemu-test reads the picture edition on every board too: its frames must
# equal the simulator's byte for byte (mk/firmware.mk).
FW_TEST_EDITIONS += $(PICS_INK)

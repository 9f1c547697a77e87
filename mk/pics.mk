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

# SPDX-License-Identifier: MIT
# mk/deflate.mk: the packer's default compressor (issue 19). libdeflate's
# near-optimal parser at level 12 (tools/pack/zdict.c writes its parse of
# each stream again with the edition's preset dictionary as history), one
# stream a thread on every core (tools/pack/bundle_write.c).
DEB_PKGS += libdeflate-dev
HOST_LIBS += $(shell pkg-config --libs libdeflate 2>/dev/null || echo -ldeflate) -pthread
CPPFLAGS += $(shell pkg-config --cflags libdeflate 2>/dev/null)

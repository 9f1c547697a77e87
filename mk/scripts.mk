# SPDX-License-Identifier: MIT
# mk/scripts.mk: text in every script (issue 13). The Noto faces the packer
# picks per script for the characters the edition's own faces lack
# (fonts-noto-core: Devanagari, Bengali, Tamil, Arabic, Hebrew, Thai...;
# fonts-noto-cjk: Chinese, Japanese, Korean, CFF-flavoured), hb-shape to
# check the device's glyphs against, fribidi for the bidi levels.
DEB_PKGS += fonts-noto-core fonts-noto-cjk libharfbuzz-bin libfribidi-dev

# SPDX-License-Identifier: MIT
# mk/deflate.mk: the packer's default compressor (issue 19): a near-optimal
# deflate parser of our own (tools/pack/zdict.c) whose preset dictionary is
# searched once for every stream, one stream a thread on every core
# (tools/pack/bundle_write.c). Only zopfli's length-limited Huffman codes
# (libzopfli, which the Makefile links) and zlib's inflate (the check) besides.
HOST_LIBS += -pthread

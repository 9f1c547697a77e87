# SPDX-License-Identifier: MIT
# mk/fetch.mk: `inkpress fetch` (tools/fetch/): feeds and pages over HTTP(S)
# with libcurl, and its test against local servers (tests/fetch.sh: python3's
# http.server on 127.0.0.1, HTTPS with a certificate openssl makes at test
# time; nothing else is reached).
#
#   make fetch-test   the fetcher's end-to-end test (part of make test)
DEB_PKGS += libcurl4-openssl-dev openssl python3 python3-brotli
CPPFLAGS += -Itools/fetch
CURL_CFLAGS := $(shell pkg-config --cflags libcurl 2>/dev/null)
CURL_LIBS := $(shell pkg-config --libs libcurl 2>/dev/null)
PKG_CFLAGS += $(CURL_CFLAGS)
HOST_LIBS += $(if $(CURL_LIBS),$(CURL_LIBS),-lcurl)
TEST_EXTRA += fetch-test

.PHONY: fetch-test
fetch-test: $(B)/inkpress
	@B=$(B) sh tests/fetch.sh

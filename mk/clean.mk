# SPDX-License-Identifier: MIT
# mk/clean.mk: the cleaner's benchmark.
#
#   make bench-clean   pages/s and MB/s of `inkpress clean --json` over the
#                      Readability test pages, one process on one core; and,
#                      when npm can install @mozilla/readability and jsdom
#                      (into build/node, never committed), Readability.js on
#                      the same pages in one Node process, for comparison.
DEB_PKGS += bc
BENCH_EXTRA += bench-clean
READABILITY = $(SHARED)/data/readability

.PHONY: bench-clean
bench-clean: $(B)/inkpress
	@sh tests/bench_clean.sh $(B) $(READABILITY)

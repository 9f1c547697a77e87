# SPDX-License-Identifier: MIT
# mk/asan.mk: the whole test suite under sanitizers, and the end-to-end run
# under Valgrind's memcheck.
#
#   make asan       builds everything with AddressSanitizer (leaks included)
#                   and UndefinedBehaviorSanitizer into build/asan and runs
#                   `make test` there: unit tests, e2e, the BBC corpus and the
#                   extra tests (not qemu-test: the board build has no ASan)
#   make valgrind   the end-to-end run (pack the samples, preview every page,
#                   inkpress-sim with tests/keys/tour.keys) under memcheck;
#                   any error or leak fails it
DEB_PKGS += valgrind

ASAN_B      = $(B)/asan
ASAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# detect_leaks is on by default on x86-64 Linux; said here so that it stays so.
# A leak inside a system library (tests/sanitizers/lsan.supp says which and
# why) is suppressed.
ASAN_ENV    = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1 \
              LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizers/lsan.supp:print_suppressions=0 \
              UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
              BADINPUT_MAX_KB=3145728
# (tests/badinput.sh bounds a pack's peak memory at 1 GiB in the plain
# build; ASan's shadow memory and quarantine take about three times the
# program's own, so under ASan the bound is 3 GiB.)

.PHONY: asan valgrind

asan:
	@echo "== make test with ASan and UBSan in $(ASAN_B)"
	@$(ASAN_ENV) $(MAKE) --no-print-directory B=$(ASAN_B) CFLAGS="$(ASAN_CFLAGS)" \
	  REGRESS_B=$(B)/fuzz-regress TEST_EXTRA="$(filter-out qemu-test window-test,$(TEST_EXTRA))" test

VG_B   = $(B)/valgrind
VG_RUN = valgrind -q --error-exitcode=99 --suppressions=tests/sanitizers/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
         --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes

valgrind: all
	@command -v valgrind >/dev/null || { echo "valgrind: not installed (make deps)"; exit 1; }
	@rm -rf $(VG_B) && mkdir -p $(VG_B)
	@echo "== valgrind: pack the samples"
	@$(VG_RUN) --log-file=$(VG_B)/pack.vg $(B)/inkpress pack -q -o $(VG_B)/sample.ink \
	  --name "The Inkpress Sample" --date 2026-11-29 samples/*.txt || { cat $(VG_B)/pack.vg; exit 1; }
	@echo "== valgrind: preview every page"
	@$(VG_RUN) --log-file=$(VG_B)/preview.vg $(B)/inkpress preview $(VG_B)/sample.ink -o $(VG_B)/preview \
	  >/dev/null || { cat $(VG_B)/preview.vg; exit 1; }
	@echo "== valgrind: inkpress-sim with tests/keys/tour.keys"
	@$(VG_RUN) --log-file=$(VG_B)/sim.vg $(B)/inkpress-sim $(VG_B)/sample.ink --keys-file tests/keys/tour.keys \
	  -o $(VG_B)/sim >/dev/null || { cat $(VG_B)/sim.vg; exit 1; }
	@for f in $(VG_B)/*.vg; do [ ! -s $$f ] || { echo "valgrind: $$f is not empty:"; cat $$f; exit 1; }; done
	@echo "valgrind: pack, preview and inkpress-sim clean under memcheck (no errors, no leaks)"

# --- bad inputs ---------------------------------------------------------------
#
#   make badinput-test   bad inputs for the packer (tests/badinput.sh) and
#                        bad bundles and fonts for the device (tests/badbundle.sh)
.PHONY: badinput-test
TEST_EXTRA += badinput-test
badinput-test: all $(B)/tests/test_badbundle
	@B=$(B) sh tests/badinput.sh
	@B=$(B) sh tests/badbundle.sh

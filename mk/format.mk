# SPDX-License-Identifier: MIT
# mk/format.mk: the code's format, file by file.
#
#   make format         formats the files in FORMAT_FILES in place
#   make format-check   fails, naming each, when a file in FORMAT_FILES is not
#                       as .clang-format says (part of make test)
#
# .clang-format matches the code as it was written: on the tree it came
# with, clang-format 14 would still change 993 of 22,386 lines (LLVM's own
# style: 17,780). Files join FORMAT_FILES once formatted, so the tree gets
# there piece by piece without reformatting work in progress elsewhere.
DEB_PKGS += clang-format
TEST_EXTRA += format-check

FORMAT_FILES = \
	render/ink_text.c render/ink_text.h render/ink_utf8.c render/ink_utf8.h firmware/ink_app.c firmware/ink_app.h \
	firmware/ink_bundle.c firmware/ink_bundle.h firmware/ink_crc32.c firmware/ink_crc32.h firmware/ink_state.c \
	firmware/ports/board/board_main.c firmware/ports/sim/cliopt.c firmware/ports/sim/cliopt.h \
	firmware/ports/sim/sim_main.c tools/clean/charset.c tools/clean/charset.h tools/clean/html.c \
	tools/clean/html_arena.c tools/clean/html_arena.h tools/clean/html_dom.c tools/clean/html_emit.c tools/clean/html_meta.c tools/clean/html_priv.h \
	tools/clean/html_score.c tools/clean/html_trim.c tools/cmd/cmd_fetch.c tools/cmd/cmd_inspect.c \
	tools/cmd/cmd_preview.c tools/cmd/inkpress.c tools/cmd/packcli.c tools/cmd/packcli.h tools/pack/bundle_write.c \
	tools/pack/order.c tools/pack/order.h tools/pack/picture.c tools/pack/zdict.c tools/pack/zdict.h tests/test_zdict.c tests/fuzz/fuzz_bundle.c tests/test_badbundle.c tests/test_bidi.c tests/test_bundle.c \
	tests/test_charset.c tests/test_cliopt.c tests/test_corpus.c tests/test_dict.c tests/test_failinject.c \
	tests/test_font.c tests/test_fontsub.c tests/test_input.c tests/test_json.c tests/test_memory.c \
	tests/test_nav.c tests/test_order.c tests/test_par.c tests/test_pic.c tests/test_profile.c tests/test_scripts.c \
	tests/test_shape.c tests/test_state.c tests/test_uf2.c tests/test_utf8.c tests/testutil.h tests/decbench.c

.PHONY: format format-check
format:
	clang-format -i $(FORMAT_FILES)

format-check:
	@command -v clang-format >/dev/null || { echo "format-check: clang-format not found: run 'make deps'"; exit 1; }
	@bad=""; for f in $(FORMAT_FILES); do \
	  clang-format --dry-run --Werror "$$f" >/dev/null 2>&1 || bad="$$bad $$f"; \
	done; \
	if [ -n "$$bad" ]; then echo "format-check: not formatted (make format):$$bad"; exit 1; fi; \
	echo "format-check: $(words $(FORMAT_FILES)) files formatted"

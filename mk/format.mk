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
	render/ink_utf8.c render/ink_utf8.h \
	tools/clean/charset.c tools/clean/charset.h \
	tools/clean/html.c tools/clean/html_dom.c tools/clean/html_emit.c tools/clean/html_meta.c \
	tools/clean/html_priv.h tools/clean/html_score.c tools/clean/html_trim.c \
	tests/test_charset.c tests/test_dict.c tests/test_font.c tests/test_input.c tests/test_json.c \
	tests/test_profile.c tests/test_uf2.c tests/test_utf8.c

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

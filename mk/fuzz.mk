# SPDX-License-Identifier: MIT
# mk/fuzz.mk: libFuzzer targets (Debian's clang), and the replay of every
# input they ever crashed on, which is part of `make test`.
#
#   make fuzz                 builds build/fuzz/fuzz_{bundle,scrape,html,feed}
#                             and their seed corpora in build/fuzz/seed/
#   make fuzz-run FUZZ_SECONDS=600 [FUZZ_TARGETS="bundle html"]
#                             runs the targets, two at a time, each for
#                             FUZZ_SECONDS; corpora grow in build/fuzz/corpus/,
#                             crashes land in build/fuzz/crash/<target>/
#   make fuzz-regress         replays tests/fuzz/regress/<target>/* (every input
#                             a fuzzer crashed on, minimized) and our own seeds
#                             in tests/fuzz/seeds/<target>/ through the same
#                             entry points, built with gcc and ASan+UBSan (no
#                             libFuzzer needed), as part of `make test`
#
# A crash: minimize it (build/fuzz/fuzz_T -minimize_crash=1 -runs=10000
# -exact_artifact_path=tests/fuzz/regress/T/NAME CRASH), fix the code, and
# commit the input with the fix; make fuzz-regress replays it from then on.
#
# The project's sources are built once more with clang into build/fuzz (the
# top Makefile honours B, CC and CFLAGS), instrumented for coverage
# (-fsanitize=fuzzer-no-link) and checked with ASan and UBSan.
DEB_PKGS += clang libclang-rt-14-dev

FUZZ_B       = $(B)/fuzz
FUZZ_CC     ?= clang
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS  = -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
               -fsanitize-coverage-ignorelist=tests/fuzz/coverage-ignore.txt
FUZZ_TARGETS ?= bundle scrape html feed
FUZZ_BINS    = $(addprefix $(FUZZ_B)/fuzz_,$(FUZZ_TARGETS))
FUZZ_SECONDS ?= 600
FUZZ_JOBS    ?= 2
FUZZ_OPTS    ?= -timeout=10 -rss_limit_mb=2048
# Longest input tried: pages and feeds past 64 KiB only slow the search
# down; a bundle with its fonts is about 70 KiB.
FUZZ_MAXLEN  ?= 65536
FUZZ_MAXLEN_bundle ?= 131072
# The bundle target's dictionary: tags, limits, codes (tests/fuzz/bundle.dict).
FUZZ_DICT_bundle = -dict=tests/fuzz/bundle.dict
TEST_EXTRA  += fuzz-regress

.PHONY: fuzz fuzz-run fuzz-libs fuzz-seed fuzz-regress

fuzz: $(FUZZ_BINS) fuzz-seed

# The libraries, instrumented: a make of their own in build/fuzz.
fuzz-libs:
	@$(MAKE) --no-print-directory B=$(FUZZ_B) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" \
	  $(FUZZ_B)/libinkdev.a $(FUZZ_B)/libinksim.a $(FUZZ_B)/libinktools.a

$(FUZZ_B)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.h fuzz-libs $(FONTS)
	$(FUZZ_CC) $(CPPFLAGS) $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
	  $(FUZZ_B)/libinktools.a $(FUZZ_B)/libinksim.a $(FUZZ_B)/libinkdev.a $(PKG_LIBS) $(HOST_LIBS)

# Seed corpora: the samples, our own small feeds, the shared data when it is
# there, and bundles packed from the samples (one with fallback faces for
# Devanagari and Hebrew from samples/world/) and from 58 BBC articles (which
# have a dictionary and ORDR), and the sound rows of the reader's table of damaged
# bundles (tests/test_badbundle.c: a bundle with DICT, HYPH, FONT, ORDR and KERN
# pairs, and the variants the spec allows); fuzz-regress replays every row,
# damaged ones too. Each of these lays out 40 articles: a run goes at 10
# inputs a second on an idle core, fewer under load (generated, never
# committed).
FUZZ_SEED = $(FUZZ_B)/seed
fuzz-seed: $(B)/inkpress $(SAMPLE) $(B)/tests/test_badbundle
	@rm -rf $(FUZZ_SEED) && mkdir -p $(FUZZ_SEED)/bundle $(FUZZ_SEED)/scrape $(FUZZ_SEED)/html $(FUZZ_SEED)/feed
	@cp $(SAMPLE) $(FUZZ_SEED)/bundle/sample.ink
	@$(B)/inkpress pack -q --fast --no-fonts -o $(FUZZ_SEED)/bundle/sample-nofonts.ink samples/*.txt
	@for f in samples/*.txt; do n=$$(basename $$f .txt); \
	  $(B)/inkpress pack -q --fast --no-fonts -o $(FUZZ_SEED)/bundle/$$n.ink $$f || exit 1; done
	@$(B)/inkpress pack -q --fast -o $(FUZZ_SEED)/bundle/fonts.ink samples/08*.txt
	@$(B)/inkpress pack -q --fast -o $(FUZZ_SEED)/bundle/world-fallbacks.ink samples/world/hi-*.txt samples/world/he-*.txt
	@cp samples/world/*.txt $(FUZZ_SEED)/scrape/
	@$(B)/inkpress pack -q --fast --no-fonts --patterns -o $(FUZZ_SEED)/bundle/patterns.ink samples/07*.txt
	@$(B)/inkpress pack -q --fast --no-fonts --no-dict --group-bytes 1 -o $(FUZZ_SEED)/bundle/nodict.ink samples/01*.txt samples/05*.txt
	@$(B)/inkpress pack -q --fast --no-fonts -o $(FUZZ_SEED)/bundle/feeds.ink tests/fuzz/seeds/feed
	@$(B)/inkpress pack -q --fast --patterns -o $(FUZZ_SEED)/bundle/patterns-fonts.ink samples/*.txt samples/pics/ samples/world/
	@mkdir -p $(FUZZ_B)/table && $(B)/tests/test_badbundle $(FUZZ_B)/table >/dev/null
	@awk '$$2 == 0 && $$3 == 0 && $$4 == 0 { print $$1 }' $(FUZZ_B)/table/rows.txt | while read -r r; do \
	  [ $$(wc -c <$(FUZZ_B)/table/$$r.ink) -le $(FUZZ_MAXLEN_bundle) ] && cp $(FUZZ_B)/table/$$r.ink $(FUZZ_SEED)/bundle/table-$$r.ink; done; true
	@cp samples/*.txt $(FUZZ_SEED)/scrape/
	@for t in scrape html feed; do cp tests/fuzz/seeds/$$t/* $(FUZZ_SEED)/$$t/; done
	@if [ -d $(SHARED)/data ]; then \
	  cp $(SHARED)/data/seed/*.txt $(FUZZ_SEED)/scrape/ 2>/dev/null; \
	  $(B)/inkpress pack -q --fast --no-fonts -o $(FUZZ_SEED)/bundle/dict.ink $(BBC)/tech/0[0-5]?.txt; \
	  for d in $(BBC)/*/; do s=$$(basename $$d); for f in $$d/00*.txt; do cp $$f $(FUZZ_SEED)/scrape/$$s-$$(basename $$f); done; done; \
	  for d in $(SHARED)/data/readability/*/; do [ -f $$d/source.html ] && cp $$d/source.html $(FUZZ_SEED)/html/$$(basename $$d).html; done; \
	fi; true
	@cp $(FUZZ_SEED)/html/* $(FUZZ_SEED)/feed/ 2>/dev/null; true
	@for t in bundle scrape html feed; do echo "fuzz-seed: $$t $$(ls $(FUZZ_SEED)/$$t | wc -l) inputs"; done

# Each target for FUZZ_SECONDS, FUZZ_JOBS at a time, on the binaries `make
# fuzz` built (a run does not rebuild them); the last status line of each
# log (execs, cov, ft) is printed at the end.
fuzz-run:
	@for b in $(FUZZ_BINS); do [ -x $$b ] || { echo "fuzz-run: no $$b: run 'make fuzz' first"; exit 1; }; done
	@mkdir -p $(FUZZ_B)/log
	@printf '%s\n' $(FUZZ_TARGETS) | xargs -P $(FUZZ_JOBS) -I{} sh -c '\
	  mkdir -p $(FUZZ_B)/corpus/{} $(FUZZ_B)/crash/{}; \
	  $(FUZZ_B)/fuzz_{} $(FUZZ_OPTS) $$(case {} in bundle) echo "$(FUZZ_DICT_bundle)";; esac) -max_len=$$(case {} in bundle) echo $(FUZZ_MAXLEN_bundle);; *) echo $(FUZZ_MAXLEN);; esac) -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ_B)/crash/{}/ $(FUZZ_B)/corpus/{} $(FUZZ_SEED)/{} >$(FUZZ_B)/log/{}.log 2>&1; \
	  echo "fuzz {}: exit $$?; $$(grep -E "^#[0-9]+.*(DONE|cov)" $(FUZZ_B)/log/{}.log | tail -n 1)"'

# --- replaying the crashes found so far ---------------------------------------

REGRESS_B     ?= $(B)/fuzz-regress
REGRESS_CFLAGS = -O1 -g $(FUZZ_SAN)

$(REGRESS_B)/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_util.h regress-libs $(FONTS)
	$(CC) $(CPPFLAGS) $(WARN) $(REGRESS_CFLAGS) -o $@ tests/fuzz/replay.c $< \
	  $(REGRESS_B)/libinktools.a $(REGRESS_B)/libinksim.a $(REGRESS_B)/libinkdev.a $(PKG_LIBS) $(HOST_LIBS)

.PHONY: regress-libs
regress-libs:
	@$(MAKE) --no-print-directory B=$(REGRESS_B) CFLAGS="$(REGRESS_CFLAGS)" \
	  $(REGRESS_B)/libinkdev.a $(REGRESS_B)/libinksim.a $(REGRESS_B)/libinktools.a

# Bundles are not committed: the bundle seeds are packed here from the
# samples (with fonts, patterns, no dictionary), like fuzz-seed's.
REGRESS_SEED = $(REGRESS_B)/seed-bundle
fuzz-regress: $(addprefix $(REGRESS_B)/replay_,bundle scrape html feed) $(B)/inkpress $(SAMPLE) $(B)/tests/test_badbundle
	@rm -rf $(REGRESS_SEED) && mkdir -p $(REGRESS_SEED)
	@cp $(SAMPLE) $(REGRESS_SEED)/sample.ink
	@$(B)/inkpress pack -q --fast -o $(REGRESS_SEED)/world-fallbacks.ink samples/world/hi-*.txt samples/world/he-*.txt
	@$(B)/inkpress pack -q --fast --no-fonts --patterns -o $(REGRESS_SEED)/patterns.ink samples/07*.txt
	@$(B)/inkpress pack -q --fast --no-fonts --no-dict --group-bytes 1 -o $(REGRESS_SEED)/nodict.ink samples/01*.txt samples/05*.txt
	@$(B)/inkpress pack -q --fast --no-fonts -o $(REGRESS_SEED)/feeds.ink tests/fuzz/seeds/feed
	@$(B)/tests/test_badbundle $(REGRESS_SEED) >/dev/null && rm -f $(REGRESS_SEED)/rows.txt
	@set -e; for t in bundle scrape html feed; do \
	  seeds=tests/fuzz/seeds/$$t; [ $$t = bundle ] && seeds=$(REGRESS_SEED); \
	  INKPRESS_FONTS=$(B)/fonts $(REGRESS_B)/replay_$$t tests/fuzz/regress/$$t $$seeds; done

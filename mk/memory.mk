# SPDX-License-Identifier: MIT
# mk/memory.mk: the device's memory over the whole BBC corpus and through
# allocation failures.
#
#   make memory-test    every BBC article opened, paginated and drawn at
#                       every profile and text size in the default pool
#                       (tests/test_memory.c; skipped without the corpus)
#                       and the world edition (samples/world/: Hindi,
#                       Bengali, Tamil, Arabic, Persian, Hebrew and more,
#                       with a fallback face per script) the same way
#   make bench-memory   the same with every page drawn at every size (--all):
#                       pool high-water per profile and size, and the
#                       article that needed most
#
# tests/test_failinject.c (allocation failure at every allocation of a
# reading session) is a plain cmocka test that `make test` runs by itself.

.PHONY: memory-test bench-memory

memory-test: $(B)/tests/test_memory $(FONTS)
	@$(B)/tests/test_memory --world samples/world >$(B)/memory-world.out 2>&1 || \
	   { cat $(B)/memory-world.out; echo "memory-test: the world edition failed"; exit 1; }
	@grep '^memory: worst' $(B)/memory-world.out | sed 's/^memory: /memory-test: world: /'
	@if [ -d "$(BBC)" ]; then $(B)/tests/test_memory $(BBC) >$(B)/memory.out 2>&1 || \
	   { cat $(B)/memory.out; echo "memory-test: failed"; exit 1; }; \
	   grep '^memory: worst' $(B)/memory.out | sed 's/^memory: /memory-test: /'; \
	 else echo "memory-test: $(BBC) not found, skipped"; fi

bench-memory: $(B)/tests/test_memory $(FONTS)
	@echo "== pool high-water over the BBC corpus, every profile and size (test_memory)"
	@$(B)/tests/test_memory --world samples/world --all 2>&1 | grep '^memory:' | sed 's/^memory: /memory:  world: /'
	@if [ -d "$(BBC)" ]; then $(B)/tests/test_memory $(BBC) --all 2>&1 | grep '^memory:' | sed 's/^memory: /memory:  /'; \
	 else echo "memory: $(BBC) not found, skipped"; fi

TEST_EXTRA  += memory-test
BENCH_EXTRA += bench-memory

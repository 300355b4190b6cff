# Makefile -- a reproducible verification harness for textbook derivations
# in probabilistic machine learning.  `make help` lists the targets.
#
# GNU conventions: the user's CFLAGS, CPPFLAGS and LDFLAGS are respected and
# come last; the flags the build needs live in HARNESS_* variables.  Tools
# are variables (CC, GNUPLOT).  `make -j` is safe.

CC      ?= cc
# The build folder: build/ normally, build/san for the sanitizer build.
B       ?= build
PEERS   ?= 0
CFLAGS  ?= -O2 -g
GNUPLOT ?= gnuplot
export GNUPLOT

GSL_CFLAGS := $(shell pkg-config --cflags gsl 2>/dev/null)
GSL_LIBS   := $(shell pkg-config --libs gsl 2>/dev/null || echo -lgsl -lgslcblas -lm)

# HAVE_INLINE: GSL accessors (gsl_vector_get, ...) inline, as GSL recommends.
HARNESS_CPPFLAGS = -Ilib -Ibuild/gen -DHAVE_INLINE $(GSL_CFLAGS)
HARNESS_CFLAGS   = -std=gnu11 -Wall -Wextra -Wshadow -Wstrict-prototypes
HARNESS_LIBS     = $(GSL_LIBS) -lm

SLUGS    := $(sort $(basename $(notdir $(wildcard problems/*.c))))
LIB_SRC  := $(sort $(wildcard lib/*.c))
LIB_OBJ  := $(LIB_SRC:lib/%.c=$(B)/obj/%.o)
BINS     := $(SLUGS:%=$(B)/bin/%)
TESTS    := $(sort $(basename $(notdir $(wildcard tests/test_*.c))))
TEST_BINS := $(TESTS:%=$(B)/tests/%)

# Which claims `make check` runs, and where its outputs go.  The committed
# reports/ and figures/ are the default-seed, full-size run; a run with
# SEED= or QUICK=1 writes to build/out unless OUTDIR= says otherwise.
PROBLEM ?=
RUN_SLUGS := $(if $(PROBLEM),$(PROBLEM),$(SLUGS))
ifneq ($(SEED)$(QUICK),)
OUTDIR ?= build/out
else
OUTDIR ?= .
endif
# Each claim's TAP of the last run, which the index is made from.  A test
# that runs make check beside another gives each its own RESULTS folder.
RESULTS ?= build/results
RUN_ARGS := --outdir $(OUTDIR) $(if $(SEED),--seed $(SEED)) $(if $(QUICK),--quick)

.PHONY: all check test png sanitize fuzz memcheck calibrate mutate new-claim bench clean \
        soak concurrency \
        distclean help deps references FORCE

all: $(BINS)

help:
	@echo "make              build the library and every claim program"
	@echo "make check        verify every claim; regenerate reports/ and figures/"
	@echo "                  (SEED=N, QUICK=1, PROBLEM=slug, OUTDIR=dir)"
	@echo "make test         test the harness itself (unit tests, negative"
	@echo "                  controls, 10 seeds (TEST_SEEDS=N), reproducibility, bad input,"
	@echo "                  sanitizers)"
	@echo "                  (PROBLEM=slug: one claim, in seconds)"
	@echo "make png          every figure as a PNG beside its SVG"
	@echo "make sanitize     every test and claim under ASan and UBSan"
	@echo "make soak         kill a claim $(SOAK_KILLS) times at random moments; 0 mixed"
	@echo "                  output sets and 0 stray files expected (SOAK_KILLS=N)"
	@echo "make concurrency  $(CONCURRENCY_RUNS) pairs of runs of one claim into one folder;"
	@echo "                  0 mixed sets expected (CONCURRENCY_RUNS=N)"
	@echo "make calibrate    false alarms over many seeds -> reports/calibration.md"
	@echo "                  (SIZE=quick|default|edges, CALIBRATE_SEEDS=N per claim, PROBLEM=slug)"
	@echo "make mutate       every mutant of every claim -> reports/mutation.md"
	@echo "make fuzz         fuzz the option parser with libFuzzer (FUZZ_SECONDS=$(FUZZ_SECONDS))"
	@echo "make memcheck     every claim (quick) under valgrind memcheck"
	@echo "make bench        speed and memory -> reports/bench.md (PEERS=1: against numpy, torch, posterior)"
	@echo "make references   regenerate tests/reference/ (mpmath, scipy, R posterior)"
	@echo "make new-claim NAME=slug   start problems/slug.c from the template"
	@echo "make clean        remove build/"
	@echo "claims: $(SLUGS)"

deps:
	@tools/deps.sh

# ---------------------------------------------------------------- building

build/gen/figure_style.inc: lib/figure_style.gp
	@mkdir -p $(@D)
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/.*/"&\\n"/' $< > $@.tmp && mv $@.tmp $@

$(B)/obj/figure.o: build/gen/figure_style.inc

$(B)/obj/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CPPFLAGS) $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/lib/libharness.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && $(AR) rcs $@ $^

$(B)/bin/%: problems/%.c $(B)/lib/libharness.a
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CPPFLAGS) $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) -MMD -MP -MF $(B)/obj/$*.bin.d $< -o $@ $(B)/lib/libharness.a $(LDFLAGS) $(HARNESS_LIBS)

$(B)/tests/%: tests/%.c $(B)/lib/libharness.a
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CPPFLAGS) -Itests $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) -MMD -MP -MF $(B)/obj/$*.test.d $< -o $@ $(B)/lib/libharness.a $(LDFLAGS) $(HARNESS_LIBS)

-include $(wildcard $(B)/obj/*.d)

# ---------------------------------------------------------------- checking

$(RESULTS)/%.tap: $(B)/bin/% FORCE
	@mkdir -p $(@D) $(OUTDIR)
	@tools/run_problem.sh $< $@ $(RUN_ARGS)

check: deps
	@$(MAKE) --no-print-directory $(RUN_SLUGS:%=$(B)/bin/%)
	@rm -f $(RUN_SLUGS:%=$(RESULTS)/%.tap)
	@echo "Verifying $(words $(RUN_SLUGS)) claim(s); outputs in $(OUTDIR)/reports and $(OUTDIR)/figures"
	@$(MAKE) --no-print-directory $(RUN_SLUGS:%=$(RESULTS)/%.tap)
	@tools/index.sh "$(if $(PROBLEM),,$(OUTDIR))" $(RUN_SLUGS:%=$(RESULTS)/%.tap)
	@# PROBLEM=slug: refresh that claim's row of the index from the last
	@# results of every claim, when a whole run has left them all
	@$(if $(PROBLEM),[ "$$(ls $(SLUGS:%=$(RESULTS)/%.tap) 2>/dev/null | wc -l)" -ne $(words $(SLUGS)) ] \
	  || tools/index.sh "$(OUTDIR)" $(SLUGS:%=$(RESULTS)/%.tap) > /dev/null,true)

FORCE:

# ---------------------------------------------------------------- testing

# PROBLEM=slug: that claim only, in seconds (negative controls, 3 seeds,
# reproducibility, bad input).
# make test builds on every core unless the caller chose its own -j.
BUILD_JOBS = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))

test: deps
ifneq ($(PROBLEM),)
	@$(MAKE) --no-print-directory $(B)/bin/$(PROBLEM)
	@tests/check_problem.sh $(B)/bin/$(PROBLEM) $(or $(TEST_SEEDS),3)
else
	@$(MAKE) $(BUILD_JOBS) --no-print-directory all $(TEST_BINS) $(B)/tests/fuzz_cli $(B)/tools/calibrate
	@tests/run_all.sh $(B) "$(TESTS)" "$(SLUGS)"
endif

# Every figure of OUTDIR as a PNG beside its SVG (for viewers without SVG).
png:
	@tools/deps_pkg.sh librsvg2-bin rsvg-convert
	@# gnuplot's SVG puts the space after a subscript at the start of a
	@# tspan, which librsvg drops ("L_k closes" as "L_kcloses") unless
	@# whitespace is declared preserved
	@set -e; for f in $(OUTDIR)/figures/*.svg; do \
	  sed '0,/<svg /s//<svg xml:space="preserve" /' "$$f" | rsvg-convert -o "$${f%.svg}.png"; done
	@echo "png: $$(ls $(OUTDIR)/figures/*.png | wc -l) figure(s) in $(OUTDIR)/figures"

# Interrupts and concurrent runs at scale (make test runs short forms).
SOAK_KILLS       ?= 2000
CONCURRENCY_RUNS ?= 300
OUTPUT_TEST_SLUG ?= $(firstword $(SLUGS))

soak: deps
	@$(MAKE) --no-print-directory $(B)/bin/$(OUTPUT_TEST_SLUG)
	@tests/soak.sh $(B) $(OUTPUT_TEST_SLUG) $(SOAK_KILLS)

concurrency: deps
	@$(MAKE) --no-print-directory $(B)/bin/$(OUTPUT_TEST_SLUG)
	@tests/concurrency.sh $(B) $(OUTPUT_TEST_SLUG) $(CONCURRENCY_RUNS)

# -g1: line tables only, enough for the reports' file:line, and a fifth of
# the sanitizer build's time less than -g (52 -> 42 CPU-s)
SAN_FLAGS = -O1 -g1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

sanitize: deps
	@$(MAKE) $(BUILD_JOBS) --no-print-directory B=build/san CFLAGS="$(SAN_FLAGS)" \
	  LDFLAGS="-fsanitize=address,undefined" all $(TESTS:%=build/san/tests/%)
	@tests/run_sanitized.sh build/san "$(TESTS)" "$(SLUGS)"

# ---------------------------------------------------------------- trust

FUZZ_SECONDS   ?= 60
CLANG          ?= clang

$(B)/tools/calibrate: tools/calibrate.c
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CPPFLAGS) $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) $< -o $@ $(LDFLAGS) $(HARNESS_LIBS)

$(B)/tests/fuzz_cli: tests/fuzz_cli.c $(B)/lib/libharness.a
	@mkdir -p $(@D)
	$(CC) -DFUZZ_STANDALONE $(HARNESS_CPPFLAGS) $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) $< -o $@ $(B)/lib/libharness.a $(LDFLAGS) $(HARNESS_LIBS)

# SIZE=quick (default), SIZE=default (the sizes make check uses) or
# SIZE=edges (the smallest --samples and both ends of every --set range);
# PROBLEM=slug recalibrates one claim, keeping the other claims' runs.
SIZE ?= quick
CALIBRATE_SEEDS ?= 200
calibrate: deps
	@$(MAKE) --no-print-directory all $(B)/tools/calibrate
	@tools/calibrate.sh $(B) "$(RUN_SLUGS)" $(CALIBRATE_SEEDS) $(SIZE) reports/calibration.md

mutate: deps
	@$(MAKE) --no-print-directory all
	@tools/mutate.sh $(B) reports/mutation.md "$(SLUGS)"

fuzz: deps build/gen/figure_style.inc
	@tools/deps.sh $(CLANG)
	@mkdir -p build/fuzz/corpus build/fuzz/crashes
	$(CLANG) -g -O1 -fsanitize=fuzzer,address,undefined $(HARNESS_CPPFLAGS) \
	  tests/fuzz_cli.c $(LIB_SRC) -o build/fuzz/fuzz_cli $(HARNESS_LIBS)
	@cp tests/fuzz_corpus/* build/fuzz/corpus/
	@cd build/fuzz && ./fuzz_cli -max_total_time=$(FUZZ_SECONDS) -max_len=512 \
	  -artifact_prefix=crashes/ -print_final_stats=1 corpus 2>fuzz.log \
	  || { tail -n 30 fuzz.log; echo "fuzz: crash found; copy build/fuzz/crashes/* into tests/fuzz_corpus/ to keep it as a regression test"; exit 1; }
	@grep -E '^stat::number_of_executed_units' build/fuzz/fuzz.log | sed 's/.*: */fuzz: executed inputs: /'
	@echo "1 passed, 0 failed"

# The tail of the quasi-Monte Carlo t-statistic (lib/rqmc.c's measurements).
$(B)/tools/rqmc_tail: tools/rqmc_tail.c $(B)/lib/libharness.a
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CPPFLAGS) $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) $< -o $@ $(B)/lib/libharness.a $(LDFLAGS) $(HARNESS_LIBS)

$(B)/tools/bench: tools/bench.c $(B)/lib/libharness.a
	@mkdir -p $(@D)
	$(CC) $(HARNESS_CPPFLAGS) $(CPPFLAGS) $(HARNESS_CFLAGS) $(CFLAGS) $< -o $@ $(B)/lib/libharness.a $(LDFLAGS) $(HARNESS_LIBS)

bench: deps
	@tools/deps.sh time
	@$(MAKE) --no-print-directory all $(B)/tools/bench
	@PEERS=$(PEERS) tools/bench.sh $(B) "$(SLUGS)" reports/bench.md

memcheck: deps
	@tools/deps.sh valgrind
	@$(MAKE) --no-print-directory all
	@tests/run_memcheck.sh $(B) "$(SLUGS)"

# ---------------------------------------------------------------- references

# Regenerate tests/reference/*.tsv from independent tools (mpmath, scipy,
# R's posterior); the results are committed, so make test needs none of them.
references:
	@tools/reference_deps.sh
	@set -e; cd tests/reference; \
	  for g in gen_*.py; do [ -f "$$g" ] || continue; echo "references: $$g"; /usr/bin/python3 "$$g"; done; \
	  for g in gen_*.R; do [ -f "$$g" ] || continue; echo "references: $$g"; Rscript "$$g"; done

# ---------------------------------------------------------------- adding a claim

new-claim:
	@test -n "$(NAME)" || { echo "new-claim: say NAME=<slug>, e.g. make new-claim NAME=gaussian_entropy"; exit 2; }
	@echo "$(NAME)" | grep -Eq '^[a-z][a-z0-9_]*$$' || { echo "new-claim: NAME must be lower case letters, digits and _"; exit 2; }
	@test ! -e problems/$(NAME).c || { echo "new-claim: problems/$(NAME).c exists already"; exit 2; }
	@sed 's/@SLUG@/$(NAME)/g' tools/claim_template.c > problems/$(NAME).c.tmp && mv problems/$(NAME).c.tmp problems/$(NAME).c
	@echo "new-claim: wrote problems/$(NAME).c; try: make check PROBLEM=$(NAME)"

clean:
	rm -rf build

distclean: clean

#!/bin/sh
# run_all.sh BUILD "TESTS" "SLUGS" -- the whole `make test`:
#   1. every unit test (BUILD/tests/test_*), each a TAP program;
#   2. every claim program through tests/check_problem.sh (negative controls,
#      10 seeds (TEST_SEEDS), reproducibility, bad input);
#   3. the harness end to end (tests/test_harness.sh), interrupts at every
#      named point (tests/test_interrupt.sh), and short forms of make soak
#      (40 random kills) and make concurrency (20 pairs of runs);
#   4. the sanitizer build (tests/run_sanitized.sh via make sanitize).
# The closing section lists the wall time of the slowest pieces.
# They run two at a time (below), and report in this order.
# Closes with "N passed, N failed" over every test; exits 1 on any failure.
build=$1; tests=$2; slugs=$3
logs=$(mktemp -d); trap 'rm -rf "$logs"' EXIT
seeds=${TEST_SEEDS:-10}

report_tap() {   # NAME STATUS: the summary line of a kept log
  name=$1; st=$2
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$name.log" | tail -n 1)
  [ -n "$counts" ] || counts="0 passed, 1 failed"
  [ "$st" -eq 0 ] || case "$counts" in *", 0 failed") counts="${counts%, 0 failed}, 1 failed";; esac
  printf '%-34s %s\n' "$name" "$counts"
  echo "$counts" >> "$logs/counts"
  if [ "$st" -ne 0 ]; then grep -E '^not ok|^#' "$logs/$name.log" | head -n 20 | sed 's/^/    /'; fi
}

# Everything runs in one queue of jobs, two at a time (the machine's
# cores), the longest first so that the two workers end together: the
# sanitizer build and runs, the end-to-end lanes and the slowest claims,
# then the other claims, then the unit tests and the short lanes, which
# fill the tail.  (Two pools, claims first and lanes after, left a core
# idle at each pool's end: make test on a built tree took 2:55 that way,
# 2:45 in the one queue.)
# No two jobs share a file: each make check below has its own OUTDIR and
# RESULTS, and every test works in a folder of its own.  The results
# report in a fixed order once the queue is done.
first=$(echo $slugs | awk '{ print $1 }')
# the interrupt test stops a claim at each named point of its output
# sequence, some fifty runs: a claim that runs in 0.04 s keeps it short,
# and a make check of four claims stands in for the whole one
fast=masked_convolution; case " $slugs " in *" $fast "*) ;; *) fast=$first ;; esac
four=$(echo $slugs | cut -d' ' -f1-4)
long="l:sanitize p:iwae_bound l:harness p:mean_field p:kl_gaussians
      l:calibration_short p:mcmc_gmm p:elbo_gap l:regress_quad_seeds
      p:gradient_estimators l:regress_mean_field l:regress_mcmc_gmm"
short="l:calibrate_tool l:fuzz_regressions"
# one job of the queue: KIND:NAME, its log and status kept under $logs.
# calibration_short runs tools/calibrate end to end on one seed of each
# claim at quick sizes: its tables and its verdict on unexpected outcomes;
# the false-alarm statistics themselves are make calibrate's, 200 seeds.
job='
  kind=${1%%:*}; name=${1#*:}; b=$RA_BUILD; log="$RA_LOGS/$name.log"
  [ "$kind" = p ] && log="$RA_LOGS/$name.problem.log"
  t0=$(date +%s.%N)
  case $kind:$name in
    p:*) tests/check_problem.sh "$b/bin/$name" "$RA_SEEDS" ;;
    t:*) "$b/tests/$name" ;;
    l:sanitize) make --no-print-directory sanitize ;;
    l:interrupt) tests/test_interrupt.sh "$b" "$RA_FAST" "$RA_FOUR" ;;
    l:soak_short) tests/soak.sh "$b" "$RA_FIRST" 40 ;;
    l:concurrency_short) tests/concurrency.sh "$b" "$RA_FIRST" 20 ;;
    l:fuzz_regressions) "$b/tests/fuzz_cli" tests/fuzz_corpus/* ;;
    l:calibration_short) CALIBRATION_CACHE=$RA_LOGS/cal tools/calibrate.sh "$b" "$RA_SLUGS" 1 quick "$RA_LOGS/calibration.md" ;;
    l:harness) tests/test_harness.sh "$b" "$RA_SLUGS" ;;
    l:calibrate_tool) tests/test_calibrate.sh "$b" ;;
    l:regress_*) "tests/$name.sh" "$b" ;;
    *) echo "run_all: unknown job $1"; false ;;
  esac > "$log" 2>&1
  st=$?
  case $kind in p) echo $st > "$RA_LOGS/$name.problem.st" ;; *) echo $st > "$RA_LOGS/$name.st" ;; esac
  echo "$name $t0 $(date +%s.%N)" >> "$RA_LOGS/times"'
queue_start=$(date +%s.%N)
# The interrupt, soak and concurrency tests spend much of their time
# waiting (for a run to reach its stop point, for a random delay): in a
# worker's slot that would idle a core, so they run beside the queue, one
# after another, as a third process.
( for j in interrupt soak_short concurrency_short; do echo "l:$j"; done \
    | RA_BUILD=$build RA_LOGS=$logs RA_FIRST=$first RA_FAST=$fast RA_FOUR=$four \
      xargs -n 1 sh -c "$job" run_all ) &
{
  for j in $long; do
    case $j in p:*) case " $slugs " in *" ${j#p:} "*) echo "$j";; esac ;; *) echo "$j";; esac
  done
  for s in $slugs; do echo "p:$s"; done
  for t in $tests; do echo "t:$t"; done
  for j in $short; do echo "$j"; done
} | awk '!seen[$0]++' \
  | RA_BUILD=$build RA_LOGS=$logs RA_SEEDS=$seeds RA_SLUGS=$slugs RA_FIRST=$first \
    RA_FAST=$fast RA_FOUR=$four xargs -P 2 -n 1 sh -c "$job" run_all
wait
echo "queue $queue_start $(date +%s.%N)" >> "$logs/times"
[ -z "${RA_KEEP_TIMES:-}" ] || cp "$logs/times" "$RA_KEEP_TIMES"

echo "== unit tests"
for t in $tests; do report_tap "$t" "$(cat "$logs/$t.st" 2>/dev/null || echo 1)"; done

echo "== claim programs (negative controls, $seeds seeds, reproducibility, bad input)"
for s in $slugs; do
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$s.problem.log" | tail -n 1)
  [ -n "$counts" ] || counts="0 passed, 1 failed"
  printf '%-34s %s\n' "$s" "$counts"
  echo "$counts" >> "$logs/counts"
  [ "$(cat "$logs/$s.problem.st" 2>/dev/null)" = 0 ] || grep -E '^not ok|^#' "$logs/$s.problem.log" | head -n 20 | sed 's/^/    /'
done

st_of() { cat "$logs/$1.st" 2>/dev/null || echo 1; }
echo "== fuzz regression inputs, short calibration"
for t in fuzz_regressions calibration_short; do report_tap "$t" "$(st_of "$t")"; done
echo "== the harness end to end"
for t in harness calibrate_tool regress_mean_field regress_mcmc_gmm regress_quad_seeds interrupt soak_short concurrency_short; do
  report_tap "$t" "$(st_of "$t")"
done
echo "== sanitizers (AddressSanitizer, UndefinedBehaviorSanitizer)"
report_tap sanitize "$(st_of sanitize)"

# the wall time of each piece, the slowest first: where make test's minutes go
echo "== wall time of the slowest pieces (seconds; two run at once)"
awk '{ printf "%-34s %6.1f\n", $1, $3 - $2 }' "$logs/times" | sort -k2,2 -rn | head -n 14

awk -F'[ ,]+' '{ p += $1; f += $3 } END { printf "\n%d passed, %d failed\n", p, f; exit f > 0 }' "$logs/counts"

#!/bin/sh
# run_all.sh BUILD "TESTS" "SLUGS" -- the whole `make test`:
#   1. every unit test (BUILD/tests/test_*), each a TAP program;
#   2. every claim program through tests/check_problem.sh (negative controls,
#      10 seeds (TEST_SEEDS), reproducibility, bad input);
#   3. the harness end to end (tests/test_harness.sh), interrupts at every
#      named point (tests/test_interrupt.sh), and short forms of make soak
#      (40 random kills) and make concurrency (20 pairs of runs);
#   4. the sanitizer build (tests/run_sanitized.sh via make sanitize).
# They run side by side (below), and report in this order.
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

# Everything runs in two pools that keep both cores busy, and reports in a
# fixed order once its pool is done.  Pool 1: every claim program (the
# slowest first, so that the two workers end together) and then every unit
# test, which fill the tail.  Pool 2: three lanes side by side -- the
# sanitizer build and runs; the interrupt, soak and concurrency tests; and
# the rest of the harness end to end.  No two of them share a file: each
# make check below has its own OUTDIR and RESULTS.
pool1=$(date +%s.%N)
slow="iwae_bound mean_field mcmc_gmm kl_gaussians gradient_estimators elbo_gap"
{
  for s in $slow $slugs; do case " $slugs " in *" $s "*) echo "p $s";; esac; done | awk '!seen[$0]++'
  for t in $tests; do echo "t $t"; done
} | RA_BUILD=$build RA_LOGS=$logs RA_SEEDS=$seeds xargs -P 2 -n 2 sh -c '
  t0=$(date +%s.%N)
  if [ "$1" = p ]; then
    tests/check_problem.sh "$RA_BUILD/bin/$2" "$RA_SEEDS" > "$RA_LOGS/$2.problem.log" 2>&1
    echo $? > "$RA_LOGS/$2.problem.st"
  else
    "$RA_BUILD/tests/$2" > "$RA_LOGS/$2.log" 2>&1; echo $? > "$RA_LOGS/$2.st"
  fi
  echo "$2 $t0 $(date +%s.%N)" >> "$RA_LOGS/times"' run_all

echo "pool:claims+units $pool1 $(date +%s.%N)" >> "$logs/times"
echo "== unit tests"
for t in $tests; do report_tap "$t" "$(cat "$logs/$t.st" 2>/dev/null || echo 1)"; done

echo "== claim programs (negative controls, $seeds seeds, reproducibility, bad input)"
for s in $slugs; do
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$s.problem.log" | tail -n 1)
  [ -n "$counts" ] || counts="0 passed, 1 failed"
  printf '%-34s %s\n' "$s" "$counts"
  echo "$counts" >> "$logs/counts"
  [ "$(cat "$logs/$s.problem.st")" = 0 ] || grep -E '^not ok|^#' "$logs/$s.problem.log" | head -n 20 | sed 's/^/    /'
done

lane() {   # NAME COMMAND...: run in the background, keep log, status, time
  name=$1; shift
  t0=$(date +%s.%N)
  "$@" > "$logs/$name.log" 2>&1; echo $? > "$logs/$name.st"
  echo "$name $t0 $(date +%s.%N)" >> "$logs/times"
}
pool2=$(date +%s.%N)
first=$(echo $slugs | awk '{ print $1 }')
( lane sanitize make --no-print-directory sanitize ) &
# the interrupt test stops a claim at each named point of its output
# sequence, some fifty runs: a claim that runs in 0.04 s keeps it short,
# and a make check of four claims stands in for the whole one
fast=masked_convolution; case " $slugs " in *" $fast "*) ;; *) fast=$first ;; esac
( lane interrupt tests/test_interrupt.sh "$build" "$fast" "$(echo $slugs | cut -d' ' -f1-4)"
  lane soak_short tests/soak.sh "$build" "$first" 40
  lane concurrency_short tests/concurrency.sh "$build" "$first" 20 ) &
( lane fuzz_regressions "$build/tests/fuzz_cli" tests/fuzz_corpus/*
  CALIBRATION_CACHE=$logs/cal lane calibration_short tools/calibrate.sh "$build" "$slugs" 2 quick "$logs/calibration.md"
  lane harness tests/test_harness.sh "$build" "$slugs"
  lane calibrate_tool tests/test_calibrate.sh "$build"
  lane regress_mean_field tests/regress_mean_field.sh "$build"
  lane regress_mcmc_gmm tests/regress_mcmc_gmm.sh "$build"
  lane regress_quad_seeds tests/regress_quad_seeds.sh "$build" ) &
wait
echo "pool:lanes $pool2 $(date +%s.%N)" >> "$logs/times"

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
echo "== wall time of the slowest pieces (seconds; two run at once in each pool)"
awk '{ printf "%-34s %6.1f\n", $1, $3 - $2 }' "$logs/times" | sort -k2,2 -rn | head -n 14

awk -F'[ ,]+' '{ p += $1; f += $3 } END { printf "\n%d passed, %d failed\n", p, f; exit f > 0 }' "$logs/counts"

#!/bin/sh
# run_all.sh BUILD "TESTS" "SLUGS" -- the whole `make test`:
#   1. every unit test (BUILD/tests/test_*), each a TAP program;
#   2. every claim program through tests/check_problem.sh (negative controls,
#      20 seeds, reproducibility, bad input), two at a time;
#   3. the harness end to end (tests/test_harness.sh), interrupts at every
#      named point (tests/test_interrupt.sh), and short forms of make soak
#      (40 random kills) and make concurrency (20 pairs of runs);
#   4. the sanitizer build (tests/run_sanitized.sh via make sanitize).
# Closes with "N passed, N failed" over every test; exits 1 on any failure.
build=$1; tests=$2; slugs=$3
logs=$(mktemp -d); trap 'rm -rf "$logs"' EXIT
seeds=${TEST_SEEDS:-20}

run_tap() {   # NAME COMMAND... : run, keep its output, echo a summary line
  # (a VAR=value prefix on the call is exported to COMMAND by the shell)
  name=$1; shift
  "$@" > "$logs/$name.log" 2>&1
  report_tap "$name" $?
}

report_tap() {   # NAME STATUS: the summary line of a kept log
  name=$1; st=$2
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$name.log" | tail -n 1)
  [ -n "$counts" ] || counts="0 passed, 1 failed"
  [ "$st" -eq 0 ] || case "$counts" in *", 0 failed") counts="${counts%, 0 failed}, 1 failed";; esac
  printf '%-34s %s\n' "$name" "$counts"
  echo "$counts" >> "$logs/counts"
  if [ "$st" -ne 0 ]; then grep -E '^not ok|^#' "$logs/$name.log" | head -n 20 | sed 's/^/    /'; fi
}

echo "== unit tests"
# two at a time (the machine's cores), reported in a fixed order
for t in $tests; do echo "$t"; done | xargs -P 2 -I{} sh -c \
  "'$build/tests/{}' > '$logs/{}.log' 2>&1; echo \$? > '$logs/{}.st'"
for t in $tests; do report_tap "$t" "$(cat "$logs/$t.st" 2>/dev/null || echo 1)"; done

echo "== claim programs (negative controls, $seeds seeds, reproducibility, bad input)"
# The slowest claims start first, so that the two workers end together
# (the slowest started last used to run alone for a minute).
slow="iwae_bound mean_field mcmc_gmm kl_gaussians gradient_estimators elbo_gap"
for s in $slow $slugs; do case " $slugs " in *" $s "*) echo "$s";; esac; done | awk '!seen[$0]++' | xargs -P 2 -I{} sh -c \
  "tests/check_problem.sh '$build/bin/{}' $seeds > '$logs/{}.problem.log' 2>&1; echo \$? > '$logs/{}.problem.st'"
for s in $slugs; do
  counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/$s.problem.log" | tail -n 1)
  [ -n "$counts" ] || counts="0 passed, 1 failed"
  printf '%-34s %s\n' "$s" "$counts"
  echo "$counts" >> "$logs/counts"
  [ "$(cat "$logs/$s.problem.st")" = 0 ] || grep -E '^not ok|^#' "$logs/$s.problem.log" | head -n 20 | sed 's/^/    /'
done

echo "== fuzz regression inputs, short calibration"
run_tap fuzz_regressions "$build/tests/fuzz_cli" tests/fuzz_corpus/*
CALIBRATION_CACHE=$logs/cal run_tap calibration_short tools/calibrate.sh "$build" "$slugs" 3 quick "$logs/calibration.md"

echo "== the harness end to end"
run_tap harness tests/test_harness.sh "$build" "$slugs"
run_tap regress_mean_field tests/regress_mean_field.sh "$build"
run_tap regress_mcmc_gmm tests/regress_mcmc_gmm.sh "$build"
run_tap regress_quad_seeds tests/regress_quad_seeds.sh "$build"
run_tap interrupt tests/test_interrupt.sh "$build" "$(echo $slugs | awk '{ print $1 }')"
run_tap soak_short tests/soak.sh "$build" "$(echo $slugs | awk '{ print $1 }')" 40
run_tap concurrency_short tests/concurrency.sh "$build" "$(echo $slugs | awk '{ print $1 }')" 20

echo "== sanitizers (AddressSanitizer, UndefinedBehaviorSanitizer)"
run_tap sanitize make --no-print-directory sanitize

awk -F'[ ,]+' '{ p += $1; f += $3 } END { printf "\n%d passed, %d failed\n", p, f; exit f > 0 }' "$logs/counts"

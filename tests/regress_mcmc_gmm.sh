#!/bin/sh
# regress_mcmc_gmm.sh BUILD -- issue 10 for mcmc_gmm:
#  - leapfrog_energy_order used a guessed bound (the ratio of mean |ΔH|,
#    bound |r_last - r_before|) and failed at --samples 1000 --seed 23;
#  - --samples 1000 was accepted, with 1% false alarms of the moment checks;
#  - --set separation=3 made the moment checks fail at every seed, though
#    the chains had only not mixed.
# Now: --samples 1000 is refused with one line; --seed 23 passes at the
# minimum; separation=3 gives inconclusive (not a failure) for the two
# moment checks and nothing else unexpected, exit 1 (the repository
# expects them to hold).  Prints TAP, closes with "N passed, N failed".
build=${1:-build}
bin=$build/bin/mcmc_gmm
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "#   $2"; }
# the smallest --samples the program accepts, from its --help ("N >= 60000")
min=$("$bin" --help | sed -n 's/.*--samples N.*N >= \([0-9]*\).*/\1/p' | head -n 1)

"$bin" --outdir "$tmp" --samples 1000 --seed 23 > "$tmp/a.out" 2> "$tmp/a.err"; st=$?
[ $st -eq 2 ] && [ "$(wc -l < "$tmp/a.err")" -eq 1 ] && grep -q "too few" "$tmp/a.err" \
  && ok "--samples 1000 is refused with one line (exit 2)" || nok "--samples 1000 is refused with one line (exit 2)" "exit $st: $(cat "$tmp/a.err")"

"$bin" --outdir "$tmp" --samples "$min" --seed 23 > "$tmp/b.out" 2>&1; st=$?
[ $st -eq 0 ] && grep -Eq '^ok [0-9]+ - leapfrog_energy_order ' "$tmp/b.out" \
  && ok "--samples $min --seed 23: all as expected, leapfrog_energy_order holds" \
  || nok "--samples $min --seed 23: all as expected, leapfrog_energy_order holds" "exit $st: $(grep -E '^not ok' "$tmp/b.out" | tr '\n' ' ')"

for seed in 1 2; do
  "$bin" --outdir "$tmp" --quick --seed $seed --set separation=3 > "$tmp/c.out" 2>&1; st=$?
  inc=$(grep -Ec '^not ok [0-9]+ - (s001_2_1_mh_moments|hmc_moments) \(.*\) # inconclusive: .*R-hat' "$tmp/c.out")
  other=$(grep -E '^not ok' "$tmp/c.out" | grep -Evc ' # inconclusive: ')
  if [ $st -eq 1 ] && [ "$inc" -eq 2 ] && [ "$other" -eq 0 ] \
     && grep -q 'inconclusive: the 6 chains did not mix' "$tmp/reports/mcmc_gmm.md"; then
    ok "--set separation=3 --seed $seed: both moment checks inconclusive (R-hat), nothing fails, exit 1"
  else
    nok "--set separation=3 --seed $seed: both moment checks inconclusive (R-hat), nothing fails, exit 1" \
      "exit $st, $inc inconclusive, $other other failures"
  fi
done
echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

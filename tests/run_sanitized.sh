#!/bin/sh
# run_sanitized.sh BUILD "TESTS" "SLUGS" -- every unit test and every claim
# program (quick sizes) built with -fsanitize=address,undefined must run
# clean: any report makes the program exit non-zero (halt_on_error).  Two
# run at a time (the machine's cores); the results print in a fixed order.
build=$1; tests=$2; slugs=$3
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=86:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
{ for t in $tests; do echo "t $t"; done; for s in $slugs; do echo "p $s"; done; } > "$out/jobs"
# the slowest under the sanitizers start first, so that the two workers end together
{ grep -E ' (test_gof|test_rqmc|kl_gaussians|iwae_bound|mean_field|test_quad_nested)$' "$out/jobs"
  grep -vE ' (test_gof|test_rqmc|kl_gaussians|iwae_bound|mean_field|test_quad_nested)$' "$out/jobs"; } > "$out/order"
# gnuplot is not the code under test: the claims hand their scripts to
# tools/figure_blank.sh, which writes the SVG through the same files
SAN_BUILD=$build SAN_OUT=$out; export SAN_BUILD SAN_OUT
GNUPLOT=$(cd "$(dirname "$0")/.." && pwd)/tools/figure_blank.sh; export GNUPLOT
xargs -P 2 -n 2 sh -c '
  if [ "$1" = t ]; then "$SAN_BUILD/tests/$2" > "$SAN_OUT/$2.log" 2>&1
  else mkdir -p "$SAN_OUT/o.$2"; "$SAN_BUILD/bin/$2" --quick --outdir "$SAN_OUT/o.$2" > "$SAN_OUT/$2.log" 2>&1; fi
  echo $? > "$SAN_OUT/$2.st"' run_sanitized < "$out/order"
n=0; failed=0
while read -r kind name; do
  n=$((n + 1))
  what="$name under sanitizers"; [ "$kind" = p ] && what="$name --quick under sanitizers"
  if [ "$(cat "$out/$name.st" 2>/dev/null)" = 0 ]; then echo "ok $n - $what"
  else failed=$((failed + 1)); echo "not ok $n - $what"; grep -E 'ERROR|runtime error|^not ok' "$out/$name.log" | head -n 5 | sed 's/^/#   /'; fi
done < "$out/jobs"
echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

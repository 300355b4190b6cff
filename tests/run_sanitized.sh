#!/bin/sh
# run_sanitized.sh BUILD "TESTS" "SLUGS" -- every unit test and every claim
# program (quick sizes) built with -fsanitize=address,undefined must run
# clean: any report makes the program exit non-zero (halt_on_error).
build=$1; tests=$2; slugs=$3
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=86:detect_leaks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
n=0; failed=0
for t in $tests; do
  n=$((n + 1))
  if "$build/tests/$t" > "$out/log" 2>&1; then echo "ok $n - $t under sanitizers"
  else failed=$((failed + 1)); echo "not ok $n - $t under sanitizers"; grep -E 'ERROR|runtime error|not ok' "$out/log" | head -n 5 | sed 's/^/#   /'; fi
done
for s in $slugs; do
  n=$((n + 1))
  if "$build/bin/$s" --quick --outdir "$out" > "$out/log" 2>&1; then echo "ok $n - $s --quick under sanitizers"
  else failed=$((failed + 1)); echo "not ok $n - $s --quick under sanitizers"; grep -E 'ERROR|runtime error|^not ok' "$out/log" | head -n 5 | sed 's/^/#   /'; fi
done
echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

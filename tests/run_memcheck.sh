#!/bin/sh
# run_memcheck.sh BUILD "SLUGS" -- every claim program (quick sizes) under
# valgrind memcheck: no invalid access, no use of uninitialised values, no
# leak.  TAP, closing with "N passed, N failed".
build=$1; slugs=$2
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
n=0; failed=0
for s in $slugs; do
  n=$((n + 1))
  if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
       --trace-children=no "$build/bin/$s" --quick --outdir "$out" > /dev/null 2> "$out/$s.vg"; then
    echo "ok $n - $s --quick under valgrind memcheck"
  else
    failed=$((failed + 1)); echo "not ok $n - $s --quick under valgrind memcheck"
    head -n 20 "$out/$s.vg" | sed 's/^/#   /'
  fi
done
echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

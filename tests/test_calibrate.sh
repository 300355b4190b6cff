#!/bin/sh
# test_calibrate.sh BUILD -- tools/calibrate on synthetic seed-runs whose z's
# are known: standard normal z's pass; a mean shifted by 0.5 and a spread
# doubled are flagged (exit 1); a configuration that repeats another's
# runs of the same seeds (the same printed z) adds no z's.  Prints TAP,
# closes with "N passed, N failed".
build=${1:-build}
cal=$build/tools/calibrate
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; failed=0
ok() {   # CONDITION-STATUS DESCRIPTION
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else failed=$((failed + 1)); echo "not ok $n - $2"; fi
}
# runs DIR CONFIG SHIFT SCALE: 200 seed-runs of one check "demo", one z
# each, z = SHIFT + SCALE * (a normal from awk's fixed generator, seed s)
runs() {
  mkdir -p "$1"
  awk -v dir="$1" -v cfg="$2" -v m="$3" -v sc="$4" 'BEGIN {
    for (s = 1001; s <= 1200; s++) {
      srand(s); u = rand(); v = rand(); if (u < 1e-12) u = 1e-12
      z = m + sc * sqrt(-2 * log(u)) * cos(6.283185307179586 * v)
      f = dir "/demo." cfg "." s ".tap"
      printf "TAP version 13\n1..1\n# demo: seed %d, samples 1000\nok 1 - demo: holds\n", s > f
      printf "#   data\tdemo\tholds\t1\t1\t0\t%.6g\t0.1\t0.5\t=\t1000\tmc\n", z > f
      printf "#   zpt\tdemo\tholds\t%.6g\n", z > f
      close(f) } }'
}
n_of() { awk -F'|' '$3 ~ /demo/ { gsub(/ /, "", $8); print $8 }' "$1"; }

runs "$tmp/good" q 0 1
"$cal" --size quick "$tmp"/good/*.tap > "$tmp/good.md" 2>&1
ok $? "standard normal z's: exit 0"
[ "$(n_of "$tmp/good.md")" = 200 ]; ok $? "200 runs give 200 z's (got $(n_of "$tmp/good.md"))"

runs "$tmp/shift" q 0.5 1
"$cal" --size quick "$tmp"/shift/*.tap > "$tmp/shift.md" 2>&1
[ $? -eq 1 ]; ok $? "z's with mean 0.5: flagged, exit 1"

runs "$tmp/wide" q 0 2
"$cal" --size quick "$tmp"/wide/*.tap > "$tmp/wide.md" 2>&1
[ $? -eq 1 ]; ok $? "z's with sd 2: flagged, exit 1"

# the same seeds again under another configuration name, z for z
runs "$tmp/good" copy 0 1
"$cal" --size edges "$tmp"/good/*.tap > "$tmp/dup.md" 2>&1
[ "$(n_of "$tmp/dup.md")" = 200 ]; ok $? "a configuration repeating the same seeds' z's adds none (got $(n_of "$tmp/dup.md"))"
# ... but a configuration with z's of its own adds them
runs "$tmp/good" other 0.01 1
"$cal" --size edges "$tmp"/good/*.tap > "$tmp/more.md" 2>&1
[ "$(n_of "$tmp/more.md")" = 400 ]; ok $? "a configuration with z's of its own adds its 200 (got $(n_of "$tmp/more.md"))"

echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

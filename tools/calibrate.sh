#!/bin/sh
# calibrate.sh BUILD "SLUGS" RUNS OUT -- run every claim program over enough
# seeds (quick sizes) for RUNS seed-runs in all, then write the false-alarm
# table (tools/calibrate.c) to OUT, atomically.  OUT may be "-" for stdout.
build=$1; slugs=$2; runs=$3; out=$4
n=$(echo $slugs | wc -w)
per=$(( (runs + n - 1) / n ))
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
CAL_TMP=$tmp; CAL_BUILD=$build; export CAL_TMP CAL_BUILD
for s in $slugs; do
  i=1; while [ $i -le $per ]; do echo "$s $((1000 + i))"; i=$((i + 1)); done
done | xargs -P 2 -n 2 sh -c '
  d="$CAL_TMP/o.$1.$2"; mkdir -p "$d"
  "$CAL_BUILD/bin/$1" --quick --seed "$2" --outdir "$d" > "$CAL_TMP/$1.$2.tap" 2>/dev/null
  rm -rf "$d"' calibrate
if [ "$out" = - ]; then
  "$build/tools/calibrate" "$tmp"/*.tap
else
  "$build/tools/calibrate" "$tmp"/*.tap > "$out.tmp"; st=$?
  mv "$out.tmp" "$out"
  [ $st -eq 0 ] && echo "calibration: $(( per * n )) seed-runs, no check flagged" || echo "calibration: some check flagged (see $out)"
  [ $st -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
  exit $st
fi

#!/bin/sh
# calibrate.sh BUILD "SLUGS" PER SIZE OUT -- run each claim program over PER
# seeds at SIZE (quick or default) sample sizes, keep the TAP outputs in
# build/calibration/SIZE/ (a later run for a few claims replaces only
# theirs), then write the false-alarm tables of both sizes, from every TAP
# output kept, to OUT (tools/calibrate.c), atomically.
build=$1; slugs=$2; per=$3; size=$4; out=$5
case "$size" in quick) flag=--quick ;; default) flag= ;;
  *) echo "calibrate: SIZE must be quick or default, not '$size'" >&2; exit 2 ;; esac
root=${CALIBRATION_CACHE:-build/calibration}
cache=$root/$size
mkdir -p "$cache"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in $slugs; do rm -f "$cache/$s".*.tap; done
CAL_TMP=$tmp; CAL_BUILD=$build; CAL_CACHE=$cache; CAL_FLAG=$flag
export CAL_TMP CAL_BUILD CAL_CACHE CAL_FLAG
for s in $slugs; do
  i=1; while [ $i -le "$per" ]; do echo "$s $((1000 + i))"; i=$((i + 1)); done
done | xargs -P 2 -n 2 sh -c '
  d="$CAL_TMP/o.$1.$2"; mkdir -p "$d"
  "$CAL_BUILD/bin/$1" $CAL_FLAG --seed "$2" --outdir "$d" > "$CAL_CACHE/$1.$2.tap.tmp" 2>/dev/null
  mv "$CAL_CACHE/$1.$2.tap.tmp" "$CAL_CACHE/$1.$2.tap"
  rm -rf "$d"' calibrate
st=0
{
  echo "# Calibration: false alarms over many seeds"
  echo
  echo "Produced by \`make calibrate\` (quick sample sizes) and \`make calibrate SIZE=default\`"
  echo "(the sizes \`make check\` uses). Each section comes from every seed-run kept for that size."
  for z in quick default; do
    [ -n "$(ls "$root/$z"/*.tap 2>/dev/null | head -n 1)" ] || continue
    echo
    "$build/tools/calibrate" --size "$z" "$root/$z"/*.tap || st=1
  done
} > "$out.tmp"
mv "$out.tmp" "$out"
n=$(ls "$cache"/*.tap | wc -l)
[ $st -eq 0 ] && echo "calibration ($size): $n seed-runs kept, no check flagged" \
  || echo "calibration: some check flagged (see $out)"
[ $st -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $st

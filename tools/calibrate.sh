#!/bin/sh
# calibrate.sh BUILD "SLUGS" PER SIZE OUT -- run each claim program over PER
# seeds and keep the TAP outputs in build/calibration/SIZE/ (a later run for
# a few claims replaces only theirs), then write the tables of every size
# kept, from every TAP output kept, to OUT, atomically.
#
# SIZE is quick (--quick), default (the sizes make check uses) or edges:
# the limits a user may choose, each in a run configuration of its own --
# the smallest --samples the claim accepts, and each --set parameter at the
# two ends of its range (with --quick, the others at their defaults).  The
# limits are read from the program's --help, so a range changed in a claim
# is calibrated as it now stands.
#
# Quick and default give per-check false-alarm tables (tools/calibrate.c);
# every size also lists each run with an unexpected outcome of any kind
# (a failure, an unexpected inconclusive, a runtime error), and exits 1 if
# there is one.
build=$1; slugs=$2; per=$3; size=$4; out=$5
case "$size" in quick|default|edges) ;;
  *) echo "calibrate: SIZE must be quick, default or edges, not '$size'" >&2; exit 2 ;; esac
root=${CALIBRATION_CACHE:-build/calibration}
cache=$root/$size
mkdir -p "$cache"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# The run configurations of one claim, one per line: "NAME OPTIONS...".
configs () {
  case "$size" in
    quick) echo "q --quick" ;;
    default) echo "d" ;;
    edges) "$build/bin/$1" --help | awk '
      /--samples N/ { for (i = 1; i <= NF; i++) if ($i == ">=") print "samples_min --samples " $(i + 1) }
      /range [^ ]+ to [^ ]+\)$/ {
        lo = $(NF - 2); hi = $NF; sub(/\)$/, "", hi)
        print $1 "_lo --quick --set " $1 "=" lo
        print $1 "_hi --quick --set " $1 "=" hi }' ;;
  esac
}

for s in $slugs; do rm -f "$cache/$s".*.tap "$cache/$s".*.args; done
for s in $slugs; do
  configs "$s" | while read -r name opts; do
    echo "$opts" > "$cache/$s.$name.args"
    i=1; while [ $i -le "$per" ]; do echo "$s $name $((1000 + i))"; i=$((i + 1)); done
  done
done > "$tmp/jobs"
CAL_TMP=$tmp; CAL_BUILD=$build; CAL_CACHE=$cache
GNUPLOT=$(cd "$(dirname "$0")" && pwd)/figure_blank.sh   # figures are thrown away
export CAL_TMP CAL_BUILD CAL_CACHE GNUPLOT
xargs -r -P 2 -n 3 sh -c '
  d="$CAL_TMP/o.$1.$2.$3"; mkdir -p "$d"; f="$CAL_CACHE/$1.$2.$3.tap"
  "$CAL_BUILD/bin/$1" $(cat "$CAL_CACHE/$1.$2.args") --seed "$3" --outdir "$d" > "$f.tmp" 2>/dev/null
  echo "# exit $?" >> "$f.tmp"
  mv "$f.tmp" "$f"
  rm -rf "$d"' calibrate < "$tmp/jobs"

# How a kept run ended: ok, inconclusive (every check that did not come out
# as expected says its evidence is broken: a chain that did not mix...),
# false-alarm (some check that should hold failed) or error (exit 2, 3, or
# a missing exit line after a truncated run).
run_outcome () {
  rc=$(sed -n 's/^# exit //p' "$1")
  case "${rc:-0}" in
    0) grep -q '^#   UNEXPECTED' "$1" && echo false-alarm || echo ok ;;
    1) if grep '^not ok' "$1" | grep -v '# TODO' | grep -qv '# inconclusive\|: inconclusive'; then
         echo false-alarm; else echo inconclusive; fi ;;
    *) echo error ;;
  esac
}

# Every run kept that did not end ok, as table rows: size, claim,
# configuration, seed, what happened.
unexpected_rows () {
  for f in "$root/$1"/*.tap; do
    [ -e "$f" ] || continue
    o=$(run_outcome "$f")
    [ "$o" = ok ] && continue
    # an inconclusive run at a user's limit is counted in the edges table,
    # where it is an honest outcome: listing each would bury the failures
    [ "$1" = edges ] && [ "$o" = inconclusive ] && continue
    b=${f##*/}; b=${b%.tap}; seed=${b##*.}; b=${b%.*}; cfg=${b#*.}; slug=${b%%.*}
    what=$(grep '^#   UNEXPECTED' "$f" | sed 's/^#   UNEXPECTED: //; s/ was expected to be: .*//' | tr '\n' ' ')
    echo "| $1 | $slug | \`$(cat "$root/$1/$slug.$cfg.args" 2>/dev/null)\` | $seed | $o: ${what:-(no check line: the run stopped)} |"
  done
}

edges_table () {
  echo "## The limits a user may choose"
  echo
  echo "Each claim at the smallest \`--samples\` it accepts, and with each \`--set\` parameter at"
  echo "either end of its range (at quick sizes, the other parameters at their defaults), read"
  echo "from its \`--help\`. A *false alarm* is a run in which a check that should hold failed;"
  echo "an *inconclusive* run is one whose only departures are checks that declared their own"
  echo "evidence broken (chains that did not mix, a tail diagnostic), which is the honest outcome"
  echo "where a user's setting breaks an estimator; a *runtime error* is a run that stopped."
  echo
  echo "| claim | options | seed-runs | false alarms | inconclusive | runtime errors |"
  echo "|---|---|---|---|---|---|"
  for a in "$root/edges"/*.args; do
    [ -e "$a" ] || continue
    b=${a##*/}; b=${b%.args}; slug=${b%%.*}; cfg=${b#*.}
    n=0; fa=0; inc=0; er=0
    for f in "$root/edges/$slug.$cfg".*.tap; do
      [ -e "$f" ] || continue
      n=$((n + 1))
      case $(run_outcome "$f") in false-alarm) fa=$((fa + 1)) ;; inconclusive) inc=$((inc + 1)) ;; error) er=$((er + 1)) ;; esac
    done
    echo "| $slug | \`$(cat "$a")\` | $n | $fa | $inc | $er |"
  done
}

st=0
{
  echo "# Calibration: false alarms over many seeds"
  echo
  echo "Produced by \`make calibrate SIZE=quick\`, \`make calibrate SIZE=default\` (the sizes"
  echo "\`make check\` uses) and \`make calibrate SIZE=edges\` (the limits of \`--samples\` and of"
  echo "every \`--set\` range). Each section comes from every seed-run kept for that size."
  for z in quick default; do
    [ -n "$(ls "$root/$z"/*.tap 2>/dev/null | head -n 1)" ] || continue
    echo
    "$build/tools/calibrate" --size "$z" "$root/$z"/*.tap || st=1
  done
  if [ -n "$(ls "$root/edges"/*.tap 2>/dev/null | head -n 1)" ]; then
    echo
    edges_table
  fi
  echo
  echo "## Runs with an unexpected outcome"
  echo
  echo "Every run of every size that did not end with each check as expected, except the"
  echo "inconclusive runs at the edges, which the edges table counts per configuration."
  echo
  rows=$(for z in quick default edges; do unexpected_rows "$z"; done)
  if [ -z "$rows" ]; then
    echo "None: every run kept, of every size (at the edges, every run that was not"
    echo "inconclusive), ended with every check as expected."
  else
    # a false alarm or a stop fails every size; an inconclusive fails the
    # sizes make check uses (make check would be red), not the edges
    echo "$rows" | grep -q '| false-alarm:\|| error:\|^| quick | .*| inconclusive:\|^| default | .*| inconclusive:' && st=1
    echo "| size | claim | options | seed | outcome |"
    echo "|---|---|---|---|---|"
    echo "$rows"
  fi
} > "$out.tmp"
mv "$out.tmp" "$out"
n=$(ls "$cache"/*.tap | wc -l)
[ $st -eq 0 ] && echo "calibration ($size): $n seed-runs kept, no check flagged, no unexpected outcome" \
  || echo "calibration: some check flagged or some run unexpected (see $out)"
[ $st -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $st

#!/bin/sh
# soak.sh BUILD SLUG KILLS -- kill one claim program KILLS times at random
# moments (uniform over 1.2 times its run time) with SIGINT, SIGTERM, SIGHUP
# and SIGKILL in turn, each time into a folder holding the complete outputs
# of another seed.  After each kill the claim's set must be wholly the old
# one or wholly the new one and no other file may be left.  A SIGKILL cannot
# be caught: what it leaves is repaired by the next run of the claim, so
# after one the test first starts a run that recovers and then fails (no
# gnuplot) and judges the folder after that.  `make soak` runs 2000 kills;
# `make test` runs a short form.
build=$1; slug=$2; kills=${3:-2000}
bin="$build/bin/$slug"
. "$(dirname "$0")/output_sets.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
make_reference "$bin" "$tmp/old" 1
make_reference "$bin" "$tmp/new" 2
t0=$(date +%s%N); "$bin" --quick --seed 2 --outdir "$tmp/new" > /dev/null 2>&1; t1=$(date +%s%N)
runtime_ms=$(( (t1 - t0) / 1000000 + 1 ))
awk -v n="$kills" -v r="$runtime_ms" 'BEGIN { srand(2024); for (i = 1; i <= n; i++) printf "%.4f\n", rand() * r * 1.2 / 1000 }' > "$tmp/delays"
i=0; mixed=0; left=0; outcome_old=0; outcome_new=0
while read -r delay; do
  i=$((i + 1))
  case $((i % 4)) in 0) sig=KILL;; 1) sig=INT;; 2) sig=TERM;; 3) sig=HUP;; esac
  rm -rf "$tmp/work"; cp -r "$tmp/old" "$tmp/work"
  "$bin" --quick --seed 2 --outdir "$tmp/work" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"; kill -s $sig $pid 2>/dev/null; wait $pid 2>/dev/null
  [ $sig = KILL ] && GNUPLOT=/nonexistent/gnuplot "$bin" --quick --seed 3 --outdir "$tmp/work" > /dev/null 2>&1
  origin=$(set_origin "$tmp/work" "$slug" "$tmp/old" "$tmp/new")
  extra=$(leftovers "$tmp/work" "$slug" | head -n 3 | tr '\n' ' ')
  case $origin in
    "$tmp/old") outcome_old=$((outcome_old + 1));;
    "$tmp/new") outcome_new=$((outcome_new + 1));;
    *) mixed=$((mixed + 1)); echo "# kill $i (SIG$sig after ${delay}s): $origin";;
  esac
  [ -z "$extra" ] || { left=$((left + 1)); echo "# kill $i (SIG$sig after ${delay}s): left $extra"; }
done < "$tmp/delays"
echo "# $slug: $i kills at random moments over ${runtime_ms} ms runs: $outcome_old old sets, $outcome_new new, $mixed mixed, $left with leftovers"
if [ $mixed -eq 0 ] && [ $left -eq 0 ]; then
  echo "ok 1 - $i random kills: every set old or new, nothing left behind"
  echo "1..1"; echo "1 passed, 0 failed"
else
  echo "not ok 1 - $i random kills: $mixed mixed sets, $left with leftovers"
  echo "1..1"; echo "0 passed, 1 failed"; exit 1
fi

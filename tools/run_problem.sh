#!/bin/sh
# run_problem.sh BIN TAPFILE [ARGS...] -- run one claim program, keep its TAP
# output in TAPFILE (with its exit status), print one progress line.
# Never fails itself: tools/index.sh judges all the results together.
bin=$1; tap=$2; shift 2
slug=$(basename "$bin")
start=$(date +%s.%N)
"$bin" "$@" > "$tap.tmp" 2> "$tap.err"
status=$?
end=$(date +%s.%N)
# Killed by a signal (an interrupted make check): leave no result and die
# of the same signal, so that make stops and no index is written from a
# partial run.
if [ $status -gt 128 ]; then
  rm -f "$tap.tmp" "$tap.err"
  trap - INT TERM HUP
  kill -$((status - 128)) $$
  exit $status
fi
echo "# exit-status $status" >> "$tap.tmp"
mv "$tap.tmp" "$tap"
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
line=$(grep -E "^# $slug: [0-9]+ of [0-9]+ checks" "$tap" | tail -n 1)
if [ -n "$line" ]; then
  echo "$line" | awk -v s="$secs" -v st="$status" -F'[: ,]+' '{
    printf "%-24s %3d/%-3d checks as expected  %2d finding(s)  %6s s%s\n",
      $2, $3, $5, $9, s, (st == 0 ? "" : "  UNEXPECTED") }'
else
  printf "%-24s did not finish (exit %d): %s\n" "$slug" "$status" \
    "$(head -n 1 "$tap.err")"
fi
exit 0

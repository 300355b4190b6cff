#!/bin/sh
# test_interrupt.sh BUILD SLUG ["CLAIMS"] -- interrupting a run never leaves a mixed
# output set or a stray file: the claim's report, .dat, .gp and .svg are
# afterwards all the old ones or all the new ones (compared byte for byte),
# and nothing else is in the folder.
#   - at every named point of the output sequence (stop_point.h: after a
#     temporary is created, before it is registered, between the renames,
#     ...) the program is stopped there exactly and sent SIGINT, SIGTERM or
#     SIGHUP; and SIGKILL, after which the next run must repair the folder;
#   - a rename that fails in the middle of the commit replaces nothing;
#   - a second run of the claim waits for the first's output lock, or gives
#     up with exit 3 and one line;
#   - a failed write to stdout (/dev/full, closed) exits 3 with one line;
#   - a whole `make check` (of CLAIMS, default every claim) is interrupted
#     at random moments of its length;
#   - a full disk (a 64 KiB tmpfs, when this machine lets us mount one)
#     gives a clear error and no file.
# Random kills at natural timing: tests/soak.sh (make soak).
build=$1; slug=$2; claims=${3:-}
bin="$build/bin/$slug"
. "$(dirname "$0")/output_sets.sh"
tmp=$(mktemp -d); trap 'umount "$tmp/tiny" 2>/dev/null; rm -rf "$tmp"' EXIT
n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "#   $2"; }

make_reference "$bin" "$tmp/old" 1
make_reference "$bin" "$tmp/new" 2
fresh_work() { rm -rf "$tmp/work"; cp -r "$tmp/old" "$tmp/work"; }
# old or new set, nothing else: prints what is wrong
judge() {
  origin=$(set_origin "$tmp/work" "$slug" "$tmp/old" "$tmp/new")
  extra=$(leftovers "$tmp/work" "$slug" | tr '\n' ' ')
  case $origin in "$tmp/old"|"$tmp/new") ;; *) echo "set $origin"; return 1;; esac
  [ -z "$extra" ] || { echo "left: $extra"; return 1; }
}
# start_stopped K [ENV...]: run into work, stopped at the K-th point
start_stopped() {
  k=$1; shift
  env HARNESS_STOP_AT="$k" "$@" "$bin" --quick --seed 2 --outdir "$tmp/work" > /dev/null 2> "$tmp/run.err" &
  pid=$!
  wait_stopped $pid
}

# -- every named point, each signal
HARNESS_STOP_AT=list "$bin" --quick --seed 2 --outdir "$tmp/new" 2>&1 > /dev/null | grep '^stop-point ' > "$tmp/points"
points=$(wc -l < "$tmp/points")
[ "$points" -ge 20 ] && ok "the output sequence has $points named stop points" || nok "the output sequence has named stop points" "$points"
for sig in INT TERM HUP KILL; do
  k=1; all=1
  while [ $k -le "$points" ]; do
    fresh_work
    name=$(sed -n "${k}p" "$tmp/points" | cut -d' ' -f3-)
    if start_stopped $k; then
      kill -s $sig $pid; kill -s CONT $pid 2>/dev/null; wait $pid 2>/dev/null
      # what SIGKILL leaves, the next run repairs (this one then fails)
      [ $sig = KILL ] && GNUPLOT=/nonexistent/gnuplot "$bin" --quick --seed 3 --outdir "$tmp/work" > /dev/null 2>&1
      msg=$(judge) || { all=0; nok "SIG$sig at point $k ($name): old or new set, nothing left" "$msg"; }
    else
      all=0; nok "the run stops at point $k ($name)"; wait $pid 2>/dev/null
    fi
    k=$((k + 1))
  done
  [ $all -eq 1 ] && ok "SIG$sig at each of the $points points: every set old or new, nothing left"
done

# -- a rename failing in the middle of the commit (the report's temporary
#    vanishes after the figures have been renamed into place)
k=$(grep -n "before-rename $slug.md\$" "$tmp/points" | cut -d: -f1)
fresh_work
if [ -n "$k" ] && start_stopped "$k"; then
  rm -f "$tmp/work/reports/.$slug.md.$pid.tmp"
  kill -s CONT $pid; wait $pid; st=$?
  origin=$(set_origin "$tmp/work" "$slug" "$tmp/old" "$tmp/new"); extra=$(leftovers "$tmp/work" "$slug" | tr '\n' ' ')
  [ $st -eq 3 ] && [ "$(wc -l < "$tmp/run.err")" -eq 1 ] && [ "$origin" = "$tmp/old" ] && [ -z "$extra" ] \
    && ok "the report's rename fails after the figures': exit 3, one line, the old set restored" \
    || nok "the report's rename fails after the figures': exit 3, one line, the old set restored" "exit $st, set $origin, left $extra: $(cat "$tmp/run.err")"
else
  nok "the run stops before renaming the report"
fi

# -- the output lock: a second run waits, or gives up after its timeout
lockpoint=$(grep -n ' locked$' "$tmp/points" | cut -d: -f1)
fresh_work
if start_stopped "$lockpoint"; then
  first=$pid
  HARNESS_LOCK_TIMEOUT=0 "$bin" --quick --seed 2 --outdir "$tmp/work" > /dev/null 2> "$tmp/lock.err"; st=$?
  [ $st -eq 3 ] && [ "$(wc -l < "$tmp/lock.err")" -eq 1 ] && grep -q "pid $first" "$tmp/lock.err" \
    && ok "while another run holds the lock, HARNESS_LOCK_TIMEOUT=0: exit 3, one line naming it" \
    || nok "while another run holds the lock, HARNESS_LOCK_TIMEOUT=0: exit 3, one line naming it" "exit $st: $(cat "$tmp/lock.err")"
  "$bin" --quick --seed 2 --outdir "$tmp/work" > /dev/null 2> "$tmp/wait.err" &
  second=$!
  sleep 0.3; kill -s CONT $first; wait $first; s1=$?; wait $second; s2=$?
  msg=$(judge)
  [ $s1 -eq 0 ] && [ $s2 -eq 0 ] && grep -q "waiting for another run (pid $first)" "$tmp/wait.err" && [ -z "$msg" ] \
    && ok "a second run says it waits for the first, then succeeds; nothing left" \
    || nok "a second run says it waits for the first, then succeeds; nothing left" "exit $s1 $s2, $msg: $(cat "$tmp/wait.err")"
else
  nok "the run stops once it holds the lock"
fi

# -- stdout that cannot be written
fresh_work
"$bin" --quick --seed 2 --outdir "$tmp/work" > /dev/full 2> "$tmp/full.err"; st=$?
[ $st -eq 3 ] && [ "$(wc -l < "$tmp/full.err")" -eq 1 ] && [ -z "$(judge)" ] && [ "$(set_origin "$tmp/work" "$slug" "$tmp/old")" = "$tmp/old" ] \
  && ok "stdout on /dev/full: exit 3, one line, nothing replaced" || nok "stdout on /dev/full: exit 3, one line, nothing replaced" "exit $st: $(cat "$tmp/full.err")"
"$bin" --quick --seed 2 --outdir "$tmp/work" >&- 2> "$tmp/closed.err"; st=$?
[ $st -eq 3 ] && [ "$(wc -l < "$tmp/closed.err")" -eq 1 ] && [ -z "$(judge)" ] \
  && ok "stdout closed: exit 3, one line, no stray file" || nok "stdout closed: exit 3, one line, no stray file" "exit $st: $(cat "$tmp/closed.err")"
"$bin" --help > /dev/full 2> "$tmp/help.err"; st=$?
[ $st -eq 3 ] && [ "$(wc -l < "$tmp/help.err")" -eq 1 ] \
  && ok "--help on /dev/full: exit 3, one line" || nok "--help on /dev/full: exit 3, one line" "exit $st: $(cat "$tmp/help.err")"

# old or new for every file of a whole make check output folder
old_or_new() {
  work=$1; old=$2; new=$3; bad=""
  for f in $(cd "$new" && find . -type f); do
    if [ -e "$work/$f" ] && ! cmp -s "$work/$f" "$new/$f" && ! cmp -s "$work/$f" "$old/$f"; then
      bad="$bad $f"
    fi
  done
  left=$(find "$work" -name '*.tmp*' -o -name '.*.old' -o -name '.*.none' -o -name '.*.commit' -o -name '.*.lock' | head -n 3)
  [ -z "$bad$left" ] || { echo "mixed:$bad leftovers: $left"; return 1; }
}
# -- make check, killed at random moments of its length: the new set is
# made by a serial run, as the killed ones are, and timed
mc() { make --no-print-directory check QUICK=1 ${claims:+SLUGS="$claims"} "$@" > /dev/null 2>&1; }
mc -j2 SEED=1 OUTDIR="$tmp/mold" RESULTS="$tmp/rmold"
t0=$(date +%s.%N); mc SEED=2 OUTDIR="$tmp/mnew" RESULTS="$tmp/rmnew"; t1=$(date +%s.%N)
[ -s "$tmp/mold/reports/README.md" ] && [ -s "$tmp/mnew/reports/README.md" ] \
  || nok "make check QUICK=1 produced reference outputs for the interrupt test"
i=1; all=1
while [ $i -le 3 ] && [ -d "$tmp/mold" ]; do
  rm -rf "$tmp/mwork"; cp -r "$tmp/mold" "$tmp/mwork"
  delay=$(awk -v s=$i -v a="$t0" -v b="$t1" 'BEGIN { srand(100 + s); printf "%.2f", 0.05 + rand() * (b - a) }')
  sig=INT; [ $((i % 2)) -eq 0 ] && sig=TERM
  setsid make --no-print-directory check QUICK=1 ${claims:+SLUGS="$claims"} SEED=2 OUTDIR="$tmp/mwork" RESULTS="$tmp/rmwork" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"; kill -s $sig -- -$pid 2>/dev/null; wait $pid 2>/dev/null
  msg=$(old_or_new "$tmp/mwork" "$tmp/mold" "$tmp/mnew") || { all=0; nok "make check killed by SIG$sig after ${delay}s: old or new files only" "$msg"; }
  i=$((i + 1))
done
[ $all -eq 1 ] && ok "make check killed 3 times at random moments: every file old or new"

# -- a full disk
mkdir -p "$tmp/tiny"
if mount -t tmpfs -o size=64k tmpfs "$tmp/tiny" 2>/dev/null; then
  "$build/bin/$slug" --quick --outdir "$tmp/tiny" > /dev/null 2> "$tmp/full.err"; st=$?
  files=$(find "$tmp/tiny" -type f | wc -l)
  [ $st -eq 3 ] && [ "$(wc -l < "$tmp/full.err")" -eq 1 ] && [ "$files" -eq 0 ] \
    && ok "full disk: exit 3, one line, no file" \
    || nok "full disk: exit 3, one line, no file" "exit $st, $files file(s): $(cat "$tmp/full.err")"
  umount "$tmp/tiny"
else
  n=$((n + 1)); echo "ok $n - full disk # SKIP cannot mount a tmpfs here"
fi
echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

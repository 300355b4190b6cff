#!/bin/sh
# test_interrupt.sh BUILD SLUG -- interrupting a run (SIGINT or SIGTERM at a
# random moment, repeated) never leaves a truncated or mixed output: every
# file is byte for byte either the old one or the new one, and no temporary
# file is left behind.  Both one claim program (fine-grained timing) and a
# whole `make check` are interrupted.  Also: a full disk (a 64 KiB tmpfs,
# when this machine lets us mount one) gives a clear error and no file.
build=$1; slug=$2
tmp=$(mktemp -d); trap 'umount "$tmp/tiny" 2>/dev/null; rm -rf "$tmp"' EXIT
n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "#   $2"; }

# every file of NEW must be, in WORK, the old version or the new one
old_or_new() {
  work=$1; old=$2; new=$3; bad=""
  for f in $(cd "$new" && find . -type f); do
    if [ -e "$work/$f" ] && ! cmp -s "$work/$f" "$new/$f" && ! cmp -s "$work/$f" "$old/$f"; then
      bad="$bad $f"
    fi
  done
  left=$(find "$work" -name '*.tmp*' | head -n 3)
  [ -z "$bad$left" ] || { echo "mixed:$bad leftovers: $left"; return 1; }
}

# -- one claim program, killed at random moments
mkdir -p "$tmp/old" "$tmp/new"
"$build/bin/$slug" --quick --seed 1 --outdir "$tmp/old" > /dev/null 2>&1
"$build/bin/$slug" --quick --seed 2 --outdir "$tmp/new" > /dev/null 2>&1
t0=$(date +%s%N); "$build/bin/$slug" --quick --seed 2 --outdir "$tmp/new" > /dev/null 2>&1; t1=$(date +%s%N)
runtime_ms=$(( (t1 - t0) / 1000000 + 1 ))
i=1; all=1
while [ $i -le 20 ]; do
  rm -rf "$tmp/work"; cp -r "$tmp/old" "$tmp/work"
  delay=$(awk -v s=$i -v r="$runtime_ms" 'BEGIN { srand(s); printf "%.3f", rand() * r * 1.1 / 1000 }')
  sig=INT; [ $((i % 2)) -eq 0 ] && sig=TERM
  "$build/bin/$slug" --quick --seed 2 --outdir "$tmp/work" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"; kill -s $sig $pid 2>/dev/null; wait $pid 2>/dev/null
  msg=$(old_or_new "$tmp/work" "$tmp/old" "$tmp/new") || { all=0; nok "$slug killed by SIG$sig after ${delay}s: old or new files only" "$msg"; }
  i=$((i + 1))
done
[ $all -eq 1 ] && ok "$slug killed 20 times at random moments: every file old or new, no temporary left"

# -- make check, killed at random moments
make --no-print-directory check QUICK=1 SEED=1 OUTDIR="$tmp/mold" > /dev/null 2>&1
make --no-print-directory check QUICK=1 SEED=2 OUTDIR="$tmp/mnew" > /dev/null 2>&1
[ -s "$tmp/mold/reports/README.md" ] && [ -s "$tmp/mnew/reports/README.md" ] \
  || nok "make check QUICK=1 produced reference outputs for the interrupt test"
i=1; all=1
while [ $i -le 3 ] && [ -d "$tmp/mold" ]; do
  rm -rf "$tmp/mwork"; cp -r "$tmp/mold" "$tmp/mwork"
  delay=$(awk -v s=$i 'BEGIN { srand(100 + s); printf "%.2f", 0.3 + rand() * 3 }')
  sig=INT; [ $((i % 2)) -eq 0 ] && sig=TERM
  setsid make --no-print-directory check QUICK=1 SEED=2 OUTDIR="$tmp/mwork" > /dev/null 2>&1 &
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

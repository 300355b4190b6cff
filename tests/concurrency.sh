#!/bin/sh
# concurrency.sh BUILD SLUG RUNS -- RUNS times, start two runs of one claim
# with different seeds into the same folder at once (the folder holding a
# third seed's outputs).  Both must succeed (the second waits for the
# first's output lock), and the claim's set must then be wholly one run's,
# with no other file left.  `make concurrency` runs 300; `make test` a
# short form.
build=$1; slug=$2; runs=${3:-300}
bin="$build/bin/$slug"
. "$(dirname "$0")/output_sets.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
make_reference "$bin" "$tmp/old" 1
make_reference "$bin" "$tmp/a" 2
make_reference "$bin" "$tmp/b" 3
i=0; bad=0; won_a=0; won_b=0
while [ $i -lt "$runs" ]; do
  i=$((i + 1))
  rm -rf "$tmp/work"; cp -r "$tmp/old" "$tmp/work"
  "$bin" --quick --seed 2 --outdir "$tmp/work" > /dev/null 2> "$tmp/a.err" &
  pa=$!
  "$bin" --quick --seed 3 --outdir "$tmp/work" > /dev/null 2> "$tmp/b.err" &
  pb=$!
  wait $pa; sa=$?; wait $pb; sb=$?
  origin=$(set_origin "$tmp/work" "$slug" "$tmp/a" "$tmp/b")
  extra=$(leftovers "$tmp/work" "$slug" | head -n 3 | tr '\n' ' ')
  case $origin in
    "$tmp/a") won_a=$((won_a + 1));;
    "$tmp/b") won_b=$((won_b + 1));;
  esac
  if [ $sa -ne 0 ] || [ $sb -ne 0 ] || [ -n "$extra" ] || { [ "$origin" != "$tmp/a" ] && [ "$origin" != "$tmp/b" ]; }; then
    bad=$((bad + 1))
    echo "# try $i: exit $sa and $sb, set $origin, left: $extra $(head -n 1 "$tmp/a.err") $(head -n 1 "$tmp/b.err")"
  fi
done
echo "# $slug: $i pairs of concurrent runs: last writer seed 2 in $won_a, seed 3 in $won_b, $bad bad (mixed, failed or leftovers)"
if [ $bad -eq 0 ]; then
  echo "ok 1 - $i pairs of concurrent runs into one folder: every set one run's, both runs succeed"
  echo "1..1"; echo "1 passed, 0 failed"
else
  echo "not ok 1 - $i pairs of concurrent runs: $bad bad"
  echo "1..1"; echo "0 passed, 1 failed"; exit 1
fi

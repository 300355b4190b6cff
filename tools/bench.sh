#!/bin/sh
# bench.sh BUILD "SLUGS" OUT -- measure the harness and write OUT
# (reports/bench.md): Monte Carlo kernels against the raw limits of the
# generator, each claim program's wall time (default and quick) and peak
# memory, the whole `make check` with -j2, and `make test` on a fresh clone,
# each against its target.
# Timings vary from run to run; every figure is the median of several.
# With PEERS=1 in the environment (`make bench PEERS=1`) it also installs
# and times the peers (tools/peer_deps.sh, tools/bench_peers.sh) and adds
# their "Peers" section after the kernels.
build=$1; slugs=$2; out=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/o"
here=$(dirname "$0")
if [ "${PEERS:-0}" = 1 ]; then
  "$here/peer_deps.sh" >&2
  "$here/bench_peers.sh" "$build" 5 > "$tmp/peers.md" \
    || { echo "bench: the peers' run failed" >&2; exit 1; }
fi
{
  echo "# Benchmarks"
  echo
  echo "Produced by \`make bench\` on $(nproc) core(s), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),"
  echo "$(${CC:-cc} --version | head -n 1), GSL $(pkg-config --modversion gsl 2>/dev/null || echo '?'). Each number is a median of"
  echo "several runs; they vary with the machine's load, so this file is a measurement, not a"
  echo "regenerated output."
  echo
  echo "## Monte Carlo kernels"
  echo
  "$build/tools/bench" kernels
  echo
  echo "Targets: Gaussian KL in d = 1 and IWAE weights at least 0.5 of the raw rate; Gaussian KL"
  echo "in d = 10 at least 5 million draws per second. The KL kernel draws antithetic pairs, so"
  echo "one normal serves two draws in d = 1 (a ratio above 1 is possible)."
  echo
  [ -s "$tmp/peers.md" ] && { cat "$tmp/peers.md"; echo; }
  echo "## Claim programs"
  echo
  echo "| claim | default: wall s | quick: wall s | peak memory MiB | memory < 64 MiB |"
  echo "|---|---|---|---|---|"
} > "$out.tmp"
for s in $slugs; do
  set -- $("$build/tools/bench" run 3 "$build/bin/$s" --outdir "$tmp/o")
  d_wall=$1; d_mem=$2
  set -- $("$build/tools/bench" run 5 "$build/bin/$s" --quick --outdir "$tmp/o")
  q_wall=$1; q_mem=$2
  mem=$(awk -v a="$d_mem" -v b="$q_mem" 'BEGIN { print (a > b ? a : b) }')
  okm=$(awk -v m="$mem" 'BEGIN { print (m < 64 ? "yes" : "**no**") }')
  echo "| $s | $d_wall | $q_wall | $mem | $okm |" >> "$out.tmp"
done
# Resolution: every Monte Carlo line's detectable relative error and draws
# (tools/resolution.sh), at default sizes.
"$here/resolution.sh" "$build" "$slugs" > "$tmp/resolution.md"
t_full=$( { /usr/bin/env time -f %e make --no-print-directory -j2 check OUTDIR="$tmp/o" > /dev/null; } 2>&1 | tail -n 1 )
t_quick=$( { /usr/bin/env time -f %e make --no-print-directory -j2 check QUICK=1 OUTDIR="$tmp/o" > /dev/null; } 2>&1 | tail -n 1 )
# make test as CI runs it: on a fresh clone of the last commit (its two
# builds included), green or not
if git -C "$here/.." rev-parse --verify -q HEAD > /dev/null; then
  git clone -q "$here/.." "$tmp/clone"
  /usr/bin/env time -f %e -o "$tmp/test.time" make -C "$tmp/clone" --no-print-directory test > "$tmp/test.log" 2>&1
  t_test=$(tail -n 1 "$tmp/test.time")
  test_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp/test.log" | tail -n 1)
  rm -rf "$tmp/clone"
fi
{
  echo
  echo "## The whole run"
  echo
  echo "| run | wall s | target | met |"
  echo "|---|---|---|---|"
  echo "| \`make -j2 check\` | $t_full | 30 | $(awk -v t="$t_full" 'BEGIN { print (t + 0 < 30 ? "yes" : "**no**") }') |"
  echo "| \`make -j2 check QUICK=1\` | $t_quick | 10 | $(awk -v t="$t_quick" 'BEGIN { print (t + 0 < 10 ? "yes" : "**no**") }') |"
  if [ -n "${t_test:-}" ]; then
    echo "| \`make test\`, fresh clone of $(git -C "$here/.." rev-parse --short HEAD), both builds included (${test_line:-no closing line}) | $t_test | 180 | $(awk -v t="$t_test" -v l="$test_line" 'BEGIN { print (t + 0 < 180 && l ~ /, 0 failed$/ ? "yes" : "**no**") }') |"
  else
    echo "| \`make test\` | not measured: not a git checkout | 180 | - |"
  fi
} >> "$out.tmp"
{ echo; cat "$tmp/resolution.md"; } >> "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"

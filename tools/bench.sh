#!/bin/sh
# bench.sh BUILD "SLUGS" OUT -- measure the harness and write OUT
# (reports/bench.md): Monte Carlo kernels against the raw limits of the
# generator, each claim program's wall time (default and quick) and peak
# memory, and the whole `make check` with -j2, each against its target.
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
# Resolution: for every single-point Monte Carlo check, the smallest
# relative error it detects (detectable / |reference|) at default sizes.
for s in $slugs; do
  "$build/bin/$s" --outdir "$tmp/o" 2>/dev/null | awk -v slug="$s" '
    /^#   [a-z0-9_]+ (=|<=|>=|!=) / { id = $2; for (i = 1; i <= NF; i++) if ($i == "reference") { r = $(i + 1); sub(/,$/, "", r); ref[id] = r } }
    /^#   data\t/ { split($0, f, "\t"); if (f[7] != "nan" && f[10] == "=") {
        r = ref[f[2]] + 0; if (r < 0) r = -r
        if (r > 1e-2) printf "%s\t%s\t%.3g\t%.3g\n", slug, f[2], f[9] / r, r } }'
done > "$tmp/resolution"
{
  echo
  echo "## Resolution of the Monte Carlo checks"
  echo
  total=$(wc -l < "$tmp/resolution")
  met=$(awk -F'\t' '$3 <= 1e-3' "$tmp/resolution" | wc -l)
  echo "Of $total single-point Monte Carlo equality checks whose reference is not near 0"
  echo "(|reference| > 0.01), $met detect a relative error of 1e-3 with 90% probability at"
  echo "default sizes (target: all). The others, with the relative error they do detect:"
  echo
  echo "| claim | check | detectable relative error | \|reference\| |"
  echo "|---|---|---|---|"
  sort -t"$(printf '\t')" -k3,3gr "$tmp/resolution" | awk -F'\t' '$3 > 1e-3 { printf "| %s | `%s` | %s | %s |\n", $1, $2, $3, $4 }'
  echo
  echo "Why the target is missed, and what was tried: relative errors of 1e-3 in closed-form"
  echo "lines are caught by the deterministic comparisons at random parameter points (bounds"
  echo "near 1e-13), so the Monte Carlo checks are the independent second route, not the only"
  echo "one. For the Gaussian KL, antithetic pairs remove the part of log p/q odd in z (a gain"
  echo "of about 1.2 in d = 5, stated in reports/kl_gaussians.md); what remains is a quadratic"
  echo "form in z, and a control variate that removes its variance (z_i z_j for all i, j) is"
  echo "the closed form itself, which would make the check circular (|z|^2 alone gains 1.07 in"
  echo "d = 5, 1.00 in d = 20). Reaching 1e-3 there needs about 25 times the draws: some 5 s"
  echo "per check at the measured kernel rate, affordable in make check (now a few seconds)"
  echo "but multiplied by every mutant run in make test. Hierarchical_elbo sums its discrete"
  echo "latent exactly (Rao-Blackwellisation) for the same reason."
} > "$tmp/resolution.md"
t_full=$( { /usr/bin/env time -f %e make --no-print-directory -j2 check OUTDIR="$tmp/o" > /dev/null; } 2>&1 | tail -n 1 )
t_quick=$( { /usr/bin/env time -f %e make --no-print-directory -j2 check QUICK=1 OUTDIR="$tmp/o" > /dev/null; } 2>&1 | tail -n 1 )
{
  echo
  echo "## The whole run"
  echo
  echo "| run | wall s | target | met |"
  echo "|---|---|---|---|"
  echo "| \`make -j2 check\` | $t_full | 60 | $(awk -v t="$t_full" 'BEGIN { print (t + 0 < 60 ? "yes" : "**no**") }') |"
  echo "| \`make -j2 check QUICK=1\` | $t_quick | 10 | $(awk -v t="$t_quick" 'BEGIN { print (t + 0 < 10 ? "yes" : "**no**") }') |"
} >> "$out.tmp"
cat "$tmp/resolution.md" >> "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"

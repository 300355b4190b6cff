#!/bin/sh
# bench_peers.sh BUILD [REPS] -- the "Peers" section of reports/bench.md
# (`make bench PEERS=1`): our kernels against numpy (with scipy), torch and
# R's posterior on the same work, measured side by side in one run.
#
# Each repeat runs every side once, interleaved (ours, then the peers; the
# order is reversed on even repeats so neither side always runs first on a
# warm or a cold cache), each timing one run after a warm-up inside its own
# process (interpreter start-up and imports are not timed).  A ratio is the
# median over repeats of the ratio within a repeat, so load that changes
# between repeats cancels.  A peer that cannot be imported prints `absent`
# and is reported absent, not estimated.
build=$1; reps=${2:-5}
here=$(dirname "$0")
py=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$build/tools/bench" params 1 > "$tmp/p1" && "$build/tools/bench" params 10 > "$tmp/p10" \
  && "$build/tools/bench" chain "$tmp/chain" || { echo "bench_peers: bench failed" >&2; exit 1; }
peer_run () {   # peer_run PEER KERNEL -> draws/s (or seconds for ess), or absent
  case $1 in
    ours) "$build/tools/bench" one "$2" | cut -d' ' -f1 ;;
    posterior) Rscript "$here/bench_peers.R" "$tmp/chain" 2>/dev/null | cut -d' ' -f1 ;;
    *) $py "$here/bench_peers.py" "$1" "$2" "$tmp/p${2#kl}" 2>/dev/null ;;
  esac
}
r=1
while [ "$r" -le "$reps" ]; do
  for k in kl1 kl10 iwae ess; do
    if [ "$k" = ess ]; then sides="ours posterior"; else sides="ours numpy torch"; fi
    [ $((r % 2)) -eq 0 ] && sides=$(echo "$sides" | awk '{ for (i = NF; i > 0; i--) printf "%s ", $i }')
    for s in $sides; do
      v=$(peer_run "$s" "$k"); [ -n "$v" ] || v=absent
      echo "$r $k $s $v" >> "$tmp/t"
    done
  done
  echo "$r raw ours $("$build/tools/bench" one raw)" >> "$tmp/t"
  echo "$r fastest ours $("$build/tools/bench" one raw_fastest)" >> "$tmp/t"
  r=$((r + 1))
done
"$build/tools/bench" one ess > "$tmp/ess_ours"
Rscript "$here/bench_peers.R" "$tmp/chain" > "$tmp/ess_posterior" 2>/dev/null || echo absent > "$tmp/ess_posterior"
torch_v=$($py -c 'import torch; print(torch.__version__)' 2>/dev/null || echo absent)
numpy_v=$($py -c 'import numpy, scipy; print(numpy.__version__, "/ scipy", scipy.__version__)' 2>/dev/null || echo absent)
post_v=$(Rscript -e 'cat(as.character(packageVersion("posterior")))' 2>/dev/null || echo absent)
echo "## Peers"
echo
echo "Our kernels against numpy $numpy_v, torch $torch_v (Debian's /usr/bin/python3) and"
echo "R's posterior $post_v, on the same work: the same Gaussians, the same number of draws,"
echo "the same estimator (antithetic pairs for the KL, as mvn_kl_mc), float64, one thread on"
echo "each side (our kernels are single-threaded; torch.set_num_threads(1), OpenBLAS/OpenMP at"
echo "1 thread). Peers work vectorised in chunks of 2^16 rows; see tools/bench_peers.py."
echo "Each ratio is the median over $reps interleaved repeats of (our rate / the peer's rate)"
echo "within a repeat, that is, the peer's time over ours for the same work."
echo
awk -v reps="$reps" '
  function med(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : 0.5 * (a[n / 2] + a[n / 2 + 1]) }
  { v[$1, $2, $3] = $4; if ($2 == "fastest") fastest = $5 }
  function ratio(k, p, inv,   r, n, a) { n = 0
    for (r = 1; r <= reps; r++) { if (v[r, k, p] == "absent" || v[r, k, p] + 0 <= 0 || v[r, k, "ours"] + 0 <= 0) return -1
      a[++n] = inv ? v[r, k, p] / v[r, k, "ours"] : v[r, k, "ours"] / v[r, k, p] }
    return med(a, n) }
  # the time ratio a kernel that only drew its normals (PER a draw) on the
  # fastest GSL generator would reach: no kernel on GSL generators beats it
  function ceiling(k, p, per, gen,   r, n, a) { n = 0
    for (r = 1; r <= reps; r++) { if (v[r, k, p] == "absent" || v[r, k, p] + 0 <= 0) return -1
      a[++n] = v[r, gen, "ours"] / per / v[r, k, p] }
    return med(a, n) }
  function rawfrac(k, per,   r, n, a) { n = 0
    for (r = 1; r <= reps; r++) a[++n] = v[r, k, "ours"] * per / v[r, "raw", "ours"]
    return med(a, n) }
  function cell(k, p, per, gen,   c) { c = per ? ceiling(k, p, per, gen) : -1
    return c < 0 ? "-" : sprintf("%.2f", c) }
  function row(label, k, p, target, inv, per,   x, cs) { x = ratio(k, p, inv)
    cs = cell(k, p, per, "raw") " | " cell(k, p, per, "fastest")
    if (x < 0) printf "| %s | %s | absent | %s | %s | absent |\n", label, p, cs, target
    else printf "| %s | %s | %.2f | %s | %s | %s |\n", label, p, x, cs, target, (target == "-" ? "-" : (x >= target + 0 ? "yes" : "**no**")) }
  END {
    print "| workload | peer | ours faster by (time ratio) | at most, on mt19937 | at most, on GSL generators | target | met |"
    print "|---|---|---|---|---|---|---|"
    row("Gaussian KL, d = 1, 2*10^7 draws", "kl1", "numpy", 3, 0, 0.5)
    row("Gaussian KL, d = 1, 2*10^7 draws", "kl1", "torch", 5, 0, 0.5)
    row("Gaussian KL, d = 10, 4*10^6 draws", "kl10", "numpy", 2, 0, 5)
    row("Gaussian KL, d = 10, 4*10^6 draws", "kl10", "torch", 5, 0, 5)
    row("IWAE log-weights, k = 64, 10^7 draws", "iwae", "numpy", "-")
    row("IWAE log-weights, k = 64, 10^7 draws", "iwae", "torch", "-")
    row("ESS of a 10^6 AR(1) chain", "ess", "posterior", 10, 1)
    print ""
    printf "*At most*: the ratio a kernel would reach that did nothing but draw its normals (one per\n"
    printf "antithetic pair in d = 1, five in d = 10) under gsl_ran_gaussian_ziggurat, on mt19937 (the\n"
    printf "harness'"'"'s generator: every report'"'"'s streams and calibration rest on it) and on the fastest\n"
    printf "of GSL'"'"'s simulation-quality generators (%s), both timed in each repeat beside the\n", fastest
    printf "peers. A target above a column cannot be met by any kernel on that generator.\n"
    print ""
    print "Our kernels against the raw generator (standard normals, ziggurat on mt19937), in the"
    print "same repeats: draws per second over raw normals per second, and the normals the kernel"
    print "consumes per second over the raw rate (d/2 per KL draw with antithetic pairs, 1 per"
    print "IWAE draw). Target: at least 0.5."
    print ""
    print "| kernel | draws/s over raw normals/s | normals used/s over raw normals/s | met (normals used) |"
    print "|---|---|---|---|"
    split("kl1 kl10 iwae", ks, " "); split("0.5 5 1", per, " ")
    split("Gaussian KL, d = 1|Gaussian KL, d = 10|IWAE log-weights", names, "|")
    for (i = 1; i <= 3; i++) { a = rawfrac(ks[i], 1); b = rawfrac(ks[i], per[i])
      printf "| %s | %.2f | %.2f | %s |\n", names[i], a, b, (b >= 0.5 ? "yes" : "**no**") }
  }' "$tmp/t"
echo
read -r es_ours ess_ours < "$tmp/ess_ours"
read -r es_post ess_post < "$tmp/ess_posterior"
if [ "$es_post" = absent ]; then
  echo "ESS estimates of the chain: ours $ess_ours; posterior absent."
else
  echo "ESS estimates of the chain (the same estimator, so they agree to rounding): ours"
  echo "$ess_ours, posterior::ess_basic(split = FALSE) $ess_post."
fi

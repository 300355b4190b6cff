#!/bin/sh
# peer_deps.sh -- the peers `make bench PEERS=1` times our kernels against:
# numpy, scipy and torch for Debian's python3, R with the posterior package.
# Installs what is missing with apt-get (through sudo when not root).  A
# package apt cannot install is left missing: bench_peers reports that peer
# as absent, so this script never fails the benchmark.
set -u
py=/usr/bin/python3
missing=""
$py -c 'import numpy' 2>/dev/null || missing="$missing python3-numpy"
$py -c 'import scipy' 2>/dev/null || missing="$missing python3-scipy"
$py -c 'import torch' 2>/dev/null || missing="$missing python3-torch"
Rscript -e 'library(posterior)' >/dev/null 2>&1 || missing="$missing r-cran-posterior"
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "peer_deps: no apt-get; absent:$missing" >&2; exit 0; }
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "peer_deps: installing$missing with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
# One package at a time, so that one that cannot be installed leaves the
# others installed.
for p in $missing; do
  if $sudo apt-get install -y -qq --no-install-recommends "$p" >/dev/null 2>&1; then
    echo "peer_deps: installed $p"
  else
    echo "peer_deps: could not install $p; it will be reported as absent" >&2
  fi
done
exit 0

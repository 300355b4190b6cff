#!/bin/sh
# reference_deps.sh -- the tools the reference generators use (tests/reference/):
# mpmath and scipy for Debian's python3, R with the posterior package.
# Installs what is missing with apt-get (through sudo when not root).
set -eu
missing=""
/usr/bin/python3 -c 'import mpmath' 2>/dev/null || missing="$missing python3-mpmath"
/usr/bin/python3 -c 'import scipy' 2>/dev/null || missing="$missing python3-scipy python3-numpy"
Rscript -e 'library(posterior)' >/dev/null 2>&1 || missing="$missing r-cran-posterior"
Rscript -e 'library(loo)' >/dev/null 2>&1 || missing="$missing r-cran-loo"
[ -z "$missing" ] && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "reference_deps: missing:$missing" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "reference_deps: installing$missing with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "reference_deps: installed$missing"

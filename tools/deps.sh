#!/bin/sh
# deps.sh [TOOL...] -- make sure GSL's development files and gnuplot are
# present, and each TOOL named (a command installed by the Debian package of
# the same name, e.g. valgrind, clang).
# On Debian/Ubuntu, install what is missing with apt-get (through sudo when
# not root), saying so; elsewhere stop with one line naming what to install.
set -eu

have_gsl() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; then
    return 0
  fi
  [ -f /usr/include/gsl/gsl_rng.h ] || [ -f /usr/local/include/gsl/gsl_rng.h ]
}
have_gnuplot() { command -v "${GNUPLOT:-gnuplot}" >/dev/null 2>&1; }

missing=""
have_gsl || missing="$missing libgsl-dev"
have_gnuplot || missing="$missing gnuplot-nox"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
for tool in "$@"; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "deps: missing:$missing -- install GSL (development files) and gnuplot with your package manager" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if [ -n "$sudo" ] && ! command -v sudo >/dev/null 2>&1; then
  echo "deps: missing:$missing -- run as root: apt-get install$missing" >&2
  exit 1
fi
echo "deps: installing$missing with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
have_gsl && have_gnuplot || { echo "deps: installation of$missing failed" >&2; exit 1; }
for tool in "$@"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "deps: installation of $tool failed" >&2; exit 1; }
done
echo "deps: installed$missing"

#!/bin/sh
# deps_pkg.sh PACKAGE COMMAND -- install the Debian PACKAGE that provides
# COMMAND when COMMAND is missing (with apt-get, through sudo when not root).
set -eu
pkg=$1; cmd=$2
command -v "$cmd" >/dev/null 2>&1 && exit 0
command -v apt-get >/dev/null 2>&1 || { echo "deps: missing $cmd -- install $pkg" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
echo "deps: installing $pkg with apt-get"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
command -v "$cmd" >/dev/null 2>&1 || { echo "deps: installation of $pkg failed" >&2; exit 1; }

# output_sets.sh -- sourced by the interrupt, soak and concurrency tests:
# what a claim's output set in a folder is, judged by content.
#
#   make_reference BIN DIR SEED     a complete set of SEED's outputs in DIR
#   set_origin WORK SLUG REF...     prints the name of the REF whose set the
#                                   four files in WORK all equal byte for byte
#                                   ("none" when all four are absent), or
#                                   "mixed: <which file differs>"
#   leftovers WORK SLUG             prints every file in WORK that is not one
#                                   of the claim's four outputs (temporaries,
#                                   backups, journal markers, a lock file)
#   wait_stopped PID                waits (at most 30 s) until PID is stopped
#                                   by SIGSTOP; fails if it is gone instead

set_files() { echo "reports/$1.md figures/$1.dat figures/$1.gp figures/$1.svg"; }

make_reference() {
  mkdir -p "$2"
  "$1" --quick --seed "$3" --outdir "$2" > /dev/null 2>&1
}

set_origin() {
  work=$1; slug=$2; shift 2
  absent=0
  for f in $(set_files "$slug"); do [ -e "$work/$f" ] || absent=$((absent + 1)); done
  [ $absent -eq 4 ] && { echo none; return; }
  for ref in "$@"; do
    same=1
    for f in $(set_files "$slug"); do
      cmp -s "$work/$f" "$ref/$f" || { same=0; break; }
    done
    [ $same -eq 1 ] && { echo "$ref"; return; }
  done
  detail=""
  for f in $(set_files "$slug"); do
    w="?"; [ -e "$work/$f" ] || w="absent"
    for ref in "$@"; do cmp -s "$work/$f" "$ref/$f" && w=$(basename "$ref"); done
    detail="$detail $f=$w"
  done
  echo "mixed:$detail"
}

leftovers() {
  (cd "$1" && find . -type f | sed 's|^\./||') | while read -r f; do
    case " $(set_files "$2") " in *" $f "*) ;; *) echo "$f" ;; esac
  done
}

wait_stopped() {
  tries=0
  while [ $tries -lt 3000 ]; do
    state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
    [ "$state" = T ] && return 0
    [ -n "$state" ] || return 1
    [ "$state" = Z ] && return 1
    sleep 0.01; tries=$((tries + 1))
  done
  return 1
}

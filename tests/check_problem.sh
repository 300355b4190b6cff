#!/bin/sh
# check_problem.sh BIN [SEEDS] -- test one claim program as a user would:
#   - every mutant (negative control) makes the check it names fail;
#   - the verdicts are the same for SEEDS different seeds (default 10, quick);
#   - the same seed gives byte-identical report and figure;
#   - each kind of bad option gets one line on stderr, exit 2, no file, and
#     the line names the option (a newline or control byte typed into an
#     argument is escaped, not printed).
# Prints TAP and closes with "N passed, N failed"; exits 1 on any failure.
bin=$1; seeds=${2:-10}
slug=$(basename "$bin")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0; failed=0
# printf, not echo: dash's echo would turn a "\n" in a test name into a newline.
ok() { n=$((n + 1)); printf 'ok %d - %s: %s\n' $n "$slug" "$1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); printf 'not ok %d - %s: %s\n' $n "$slug" "$1"; [ -n "${2:-}" ] && printf '#   %s\n' "$2"; }

# -- negative controls: each mutant must be caught by the check it names.
# A mutant runs at quick sizes first (their job here is to catch gross
# mutants, and quick runs keep make test short); one that quick sizes miss
# runs again at default sizes, where it must be caught, and says so.
# Verdicts never depend on figures, so the mutant and seed runs skip
# rendering (tools/figure_blank.sh stands in for gnuplot); the
# reproducibility runs below render theirs.
blank="$(cd "$(dirname "$0")/.." && pwd)/tools/figure_blank.sh"
# A mutant run stops once its check has failed (--stop-when-caught): what
# comes after it is not the negative control's business.
caught() {   # ID CHECK [OPTION]: run the mutant, 0 if CHECK failed
  mkdir -p "$tmp/m"
  GNUPLOT=$blank "$bin" --outdir "$tmp/m" --mutant "$1" --stop-when-caught $3 > "$tmp/m.tap" 2> "$tmp/m.err"
  st=$?
  [ $st -eq 1 ] && grep -Eq "^not ok [0-9]+ - $2 \(" "$tmp/m.tap"
}
"$bin" --list-mutants > "$tmp/mutants" || nok "--list-mutants runs"
while IFS="$(printf '\t')" read -r id check desc; do
  if caught "$id" "$check" --quick; then
    ok "mutant $id is caught by $check (quick sizes)"
  elif caught "$id" "$check"; then
    ok "mutant $id is caught by $check (default sizes; quick sizes miss it)"
  else
    nok "mutant $id is caught by $check" "exit $st; $(grep -E " - $check " "$tmp/m.tap" | head -n 1) $(head -n 1 "$tmp/m.err")"
  fi
done < "$tmp/mutants"
[ -s "$tmp/mutants" ] || nok "declares at least one mutant"

# -- seed independence: the same verdicts for many seeds (quick sizes),
# against those of seed 42, whose run (with its figure drawn) is also the
# first of the reproducibility pair below
mkdir -p "$tmp/s" "$tmp/r1" "$tmp/r2"
"$bin" --outdir "$tmp/r1" --quick --seed 42 2> /dev/null | grep -E '^(not )?ok ' > "$tmp/verdicts.ref"
same=1; s=1
while [ $s -le "$seeds" ]; do
  GNUPLOT=$blank "$bin" --outdir "$tmp/s" --quick --seed $((s * 7919)) > "$tmp/s.tap" 2>&1
  st=$?
  grep -E '^(not )?ok ' "$tmp/s.tap" > "$tmp/verdicts"
  if [ $st -ne 0 ] || ! cmp -s "$tmp/verdicts" "$tmp/verdicts.ref"; then
    same=0; nok "verdicts at seed $((s * 7919)) (quick)" "exit $st; $(diff "$tmp/verdicts.ref" "$tmp/verdicts" | grep '^>' | head -n 2 | tr '\n' ' ')"
  fi
  s=$((s + 1))
done
[ $same -eq 1 ] && ok "same verdicts, all as expected, for $seeds seeds (quick)"

# -- reproducibility: byte-identical outputs for the same seed
"$bin" --outdir "$tmp/r2" --quick --seed 42 > /dev/null 2>&1
if cmp -s "$tmp/r1/reports/$slug.md" "$tmp/r2/reports/$slug.md" &&
   cmp -s "$tmp/r1/figures/$slug.svg" "$tmp/r2/figures/$slug.svg" &&
   cmp -s "$tmp/r1/figures/$slug.dat" "$tmp/r2/figures/$slug.dat"; then
  ok "same seed, byte-identical report and figure"
else
  nok "same seed, byte-identical report and figure"
fi

# -- bad input: one line, exit 2, nothing written
bad() {
  what=$1; shift
  rm -rf "$tmp/b"; mkdir -p "$tmp/b"
  "$bin" --outdir "$tmp/b" "$@" > /dev/null 2> "$tmp/b.err"
  st=$?
  lines=$(wc -l < "$tmp/b.err")
  files=$(find "$tmp/b" -type f | wc -l)
  if [ $st -eq 2 ] && [ "$lines" -eq 1 ] && [ "$files" -eq 0 ]; then
    ok "bad input ($what): exit 2, one line, no file"
  else
    nok "bad input ($what): exit 2, one line, no file" "exit $st, $lines line(s), $files file(s): $(head -n 1 "$tmp/b.err")"
  fi
}
bad "unknown option" --bogus
bad "seed not a number" --seed abc
bad "negative seed" --seed -3
bad "seed too large" --seed 99999999999
bad "zero samples" --samples 0
bad "one sample" --samples 1
bad "negative samples" --samples -5
bad "samples with garbage" --samples 12x
bad "missing value" --samples
bad "unknown mutant" --mutant no_such_mutant
bad "unknown parameter" --set no_such_param=1
bad "parameter not a number" --set "$( "$bin" --help | awk '/^Model parameters:/ {f=1; next} f && NF {print $1; exit}' )=abc"
bad "stray argument" stray
# The line must stay one line whatever the user typed, and name the option.
says() {   # WHAT TEXT: the last bad input's message contains TEXT
  if grep -qF -- "$2" "$tmp/b.err"; then ok "bad input ($1): says '$2'"
  else nok "bad input ($1): says '$2'" "$(head -n 2 "$tmp/b.err" | tr '\n' '|')"; fi
}
nl='
'
bad "newline in a value" --mutant "no${nl}such"
says "newline in a value" 'no\nsuch'
bad "newline in an option" "--bo${nl}gus"
says "newline in an option" '--bo\ngus: unknown option'
bad "control bytes in a value" --set "x$(printf '\033[2J\t\001')=1"
says "control bytes in a value" 'x\x1b[2J\t\x01'
bad "newline in --outdir" --outdir "$tmp/no${nl}such"
bad "invalid UTF-8" --mutant "$(printf 'a\377b')"
says "invalid UTF-8" 'a\xffb'
bad "short option cluster" -xyz
says "short option cluster" ": -x: unknown option in '-xyz'"
bad "short option after a value" --seed 3 -qz
says "short option after a value" ": -q: unknown option in '-qz'"
bad "flag given a value" --quick=1
says "flag given a value" ": --quick=1: takes no value"
# A whole-number parameter rejects a fraction (it used to be truncated).
"$bin" --help > "$tmp/help"
int_param=$(awk '/^Model parameters:/ {f=1; next} f && /\(whole number; default / {
  r = $0; sub(/.*, range /, "", r); split(r, b, " "); print $1 "=" b[1] + 0.5; exit }' "$tmp/help")
if [ -n "$int_param" ]; then
  bad "fraction for a whole number" --set "$int_param"
  says "fraction for a whole number" "is not a whole number"
else
  ok "bad input (fraction for a whole number) # SKIP no whole-number parameter"
fi
# A value just below a bound is shown with enough digits to differ from it.
real_param=$(awk '/^Model parameters:/ {f=1; next} f && / \(default .*, range / {
  r = $0; sub(/.*, range /, "", r); split(r, b, " "); m = b[1] + 0
  d = m == 0 ? -1e-300 : m - (m < 0 ? -m : m) * 2^-52
  printf "%s=%.17g\n", $1, d; exit }' "$tmp/help")
if [ -n "$real_param" ]; then
  bad "just below the range" --set "$real_param"
  shown=$(sed -n 's/.*: \([^ ]*\) is outside \([^ ]*\) to .*/\1 \2/p' "$tmp/b.err")
  if [ -n "$shown" ] && echo "$shown ${real_param#*=}" | awk '{ exit !($1 != $2 && $1 + 0 == $3 + 0) }'; then
    ok "bad input (just below the range): value shown exactly, unlike the bound"
  else
    nok "bad input (just below the range): value shown exactly, unlike the bound" "$(head -n 1 "$tmp/b.err")"
  fi
else
  ok "bad input (just below the range) # SKIP no real parameter"
fi
rm -rf "$tmp/ro"; mkdir -p "$tmp/ro"; chmod 555 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
  "$bin" --outdir "$tmp/ro" > /dev/null 2> "$tmp/ro.err"; st=$?
  [ $st -eq 2 ] && ok "unwritable --outdir: exit 2" || nok "unwritable --outdir: exit 2" "exit $st"
fi
"$bin" --outdir "$tmp/nonexistent" > /dev/null 2> "$tmp/ne.err"; st=$?
[ $st -eq 2 ] && [ "$(wc -l < "$tmp/ne.err")" -eq 1 ] && ok "missing --outdir: exit 2, one line" || nok "missing --outdir: exit 2, one line" "exit $st"
"$bin" --help > /dev/null && ok "--help exits 0" || nok "--help exits 0"
[ "$("$bin" --list | wc -l)" -ge 1 ] && ok "--list prints the checks" || nok "--list prints the checks"

echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

#!/bin/sh
# mutate.sh BUILD OUT "SLUGS" -- mutation testing: run every mutant of every
# claim program at default size and write OUT (reports/mutation.md): per
# mutant, the check that must catch it, the discrepancy it caused, the
# check's detectable discrepancy in the unmutated run, and whether it was
# caught.  Also lists checks that should hold but no mutant covers.
# Closes with the mutation score; exits 1 if any mutant survived.
build=$1; out=$2; slugs=$3
MUT_TMP=$(mktemp -d); MUT_BUILD=$build
GNUPLOT=$(cd "$(dirname "$0")" && pwd)/figure_blank.sh   # figures are thrown away
export MUT_TMP MUT_BUILD GNUPLOT
trap 'rm -rf "$MUT_TMP"' EXIT
mkdir -p "$MUT_TMP/o"
for s in $slugs; do
  "$build/bin/$s" --outdir "$MUT_TMP/o" > "$MUT_TMP/$s.base.tap" 2>/dev/null
  "$build/bin/$s" --list-mutants > "$MUT_TMP/$s.mutants"
  "$build/bin/$s" --list > "$MUT_TMP/$s.checks"
done
for s in $slugs; do
  cut -f1 "$MUT_TMP/$s.mutants" | while read -r m; do echo "$s $m"; done
done | xargs -P 2 -n 2 sh -c '
  d="$MUT_TMP/o.$1.$2"; mkdir -p "$d"
  "$MUT_BUILD/bin/$1" --outdir "$d" --mutant "$2" > "$MUT_TMP/$1.$2.tap" 2>/dev/null
  rm -rf "$d"' mutate

{
  echo "# Mutation testing"
  echo
  echo "Produced by \`make mutate\`. Each mutant is a deliberate error in the formula or algorithm"
  echo "a check tests (switched on with \`--mutant ID\`); the check it names must then fail."
  echo "*|Δ| under the mutant* is the largest discrepancy the check saw with the mutant on;"
  echo "*detectable* is the discrepancy the unmutated check finds with 90% probability."
  echo "A mutant with |Δ| at or above *detectable* must be caught; one below may or may not be."
  echo
  echo "| claim | mutant | what it changes | check | \|Δ\| under the mutant | detectable | caught |"
  echo "|---|---|---|---|---|---|---|"
} > "$out.tmp"
total=0; caught=0; inconsistent=0
for s in $slugs; do
  while IFS="$(printf '\t')" read -r m check desc; do
    total=$((total + 1))
    # a check's data line, or a derivation line's step (else statement)
    pick() { grep -P "^#   data\t$check(\.step|\.statement)?\t" "$1" | head -n 1; }
    line=$(pick "$MUT_TMP/$s.$m.tap"); base=$(pick "$MUT_TMP/$s.base.tap")
    held=$(echo "$line" | cut -f4); diff=$(echo "$line" | cut -f8)
    det=$(echo "$base" | cut -f9)
    # caught: the check's (or line's) TAP verdict is no longer as expected
    if grep -Eq "^not ok [0-9]+ - $check \(" "$MUT_TMP/$s.$m.tap"; then
      held=0; word=yes; caught=$((caught + 1)); else word="**no**"; fi
    if [ "$held" != 0 ] && awk -v a="$diff" -v b="$det" 'BEGIN { exit !(a >= b) }'; then
      inconsistent=$((inconsistent + 1)); word="**no (above detectable)**"
    fi
    desc=$(printf "%s" "$desc" | sed "s/|/\\\\|/g")
    echo "| $s | \`$m\` | $desc | \`$check\` | $diff | $det | $word |" >> "$out.tmp"
  done < "$MUT_TMP/$s.mutants"
done
{
  echo
  echo "## Checks that should hold and no mutant covers"
  echo
  none=1
  for s in $slugs; do
    awk -F'\t' '$3 == "holds" { print $1 }' "$MUT_TMP/$s.checks" | while read -r c; do
      cut -f2 "$MUT_TMP/$s.mutants" | grep -qx "$c" || echo "- $s: \`$c\`"
    done
  done > "$MUT_TMP/uncovered"
  if [ -s "$MUT_TMP/uncovered" ]; then cat "$MUT_TMP/uncovered"; else echo "None: every such check has at least one mutant."; fi
  echo
  echo "Mutation score: $caught of $total mutants caught."
} >> "$out.tmp"
mv "$out.tmp" "$out"
echo "mutation score: $caught of $total mutants caught"
echo "$caught passed, $((total - caught)) failed"
[ "$caught" -eq "$total" ]

#!/bin/sh
# test_harness.sh BUILD "SLUGS" -- the harness end to end, as a user meets it:
# `make check` in quick mode writes every report, the index and a closing
# line; failures of the environment (no gnuplot, an unwritable folder) give
# one clear line and leave earlier outputs untouched.
build=$1; slugs=$2
tmp=$(mktemp -d); trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "#   $2"; }
first=$(echo "$slugs" | awk '{ print $1 }')

# make check, quick, into a scratch folder
make --no-print-directory check QUICK=1 OUTDIR="$tmp/out" RESULTS="$tmp/results" > "$tmp/check.log" 2>&1
st=$?
[ $st -eq 0 ] && ok "make check QUICK=1 exits 0" || nok "make check QUICK=1 exits 0" "exit $st: $(tail -n 3 "$tmp/check.log" | tr '\n' ' ')"
tail -n 1 "$tmp/check.log" | grep -Eq '^[0-9]+ passed, 0 failed$' && ok "make check closes with 'N passed, 0 failed'" || nok "make check closes with 'N passed, 0 failed'" "$(tail -n 1 "$tmp/check.log")"
for s in $slugs; do
  if [ -s "$tmp/out/reports/$s.md" ] && [ -s "$tmp/out/figures/$s.svg" ] && grep -q "($s.md)" "$tmp/out/reports/README.md"; then
    ok "$s: report, figure and index row"
  else
    nok "$s: report, figure and index row"
  fi
done
leftovers=$(find "$tmp/out" -name '*.tmp*' | wc -l)
[ "$leftovers" -eq 0 ] && ok "no temporary files left behind" || nok "no temporary files left behind" "$leftovers"

# a failing environment: gnuplot missing
mkdir -p "$tmp/g"
GNUPLOT=/nonexistent/gnuplot "$build/bin/$first" --quick --outdir "$tmp/g" > /dev/null 2> "$tmp/g.err"; st=$?
files=$(find "$tmp/g" -type f | wc -l)
[ $st -eq 3 ] && [ "$(wc -l < "$tmp/g.err")" -eq 1 ] && [ "$files" -eq 0 ] && ok "no gnuplot: exit 3, one line, no file" || nok "no gnuplot: exit 3, one line, no file" "exit $st, $files files: $(cat "$tmp/g.err")"

# an earlier report survives a run that cannot write its figure
mkdir -p "$tmp/w"
"$build/bin/$first" --quick --outdir "$tmp/w" > /dev/null 2>&1
cp "$tmp/w/reports/$first.md" "$tmp/before.md"
chmod 555 "$tmp/w/figures"
if [ "$(id -u)" -ne 0 ]; then
  "$build/bin/$first" --quick --seed 5 --outdir "$tmp/w" > /dev/null 2> "$tmp/w.err"; st=$?
  [ $st -ne 0 ] && cmp -s "$tmp/before.md" "$tmp/w/reports/$first.md" && ok "unwritable figures/: failure, old report intact" || nok "unwritable figures/: failure, old report intact" "exit $st"
fi
chmod 755 "$tmp/w/figures"

# deps.sh asks apt-get for what is missing (a stand-in apt-get records the
# call) and says so; when the install does not bring it, one clear line
mkdir -p "$tmp/fakebin"
printf '#!/bin/sh\necho "$*" >> "%s/apt.log"\n' "$tmp" > "$tmp/fakebin/apt-get"
chmod +x "$tmp/fakebin/apt-get"
GNUPLOT=/nonexistent/gnuplot PATH="$tmp/fakebin:$PATH" tools/deps.sh > "$tmp/deps.out" 2> "$tmp/deps.err"; st=$?
if grep -q "install .*gnuplot-nox" "$tmp/apt.log" 2>/dev/null && grep -q "deps: installing gnuplot-nox" "$tmp/deps.out" \
   && [ $st -ne 0 ] && [ "$(wc -l < "$tmp/deps.err")" -eq 1 ]; then
  ok "deps.sh installs a missing gnuplot with apt-get, and fails clearly if that does not help"
else
  nok "deps.sh installs a missing gnuplot with apt-get, and fails clearly if that does not help" "exit $st: $(cat "$tmp/deps.out" "$tmp/deps.err" | tr '\n' ' ')"
fi
tools/deps.sh > "$tmp/deps2.out" 2>&1 && [ ! -s "$tmp/deps2.out" ] \
  && ok "deps.sh is silent when nothing is missing" || nok "deps.sh is silent when nothing is missing"

# the claim template builds and passes as it stands
sed 's/@SLUG@/template_probe/g' tools/claim_template.c > "$tmp/template_probe.c"
if ${CC:-cc} -std=gnu11 -Wall -Wextra -Werror -DHAVE_INLINE -Ilib -Ibuild/gen "$tmp/template_probe.c" \
     "$build/lib/libharness.a" -o "$tmp/template_probe" -lgsl -lgslcblas -lm 2> "$tmp/tp.err"; then
  ok "the new-claim template compiles warning-free"
  tests/check_problem.sh "$tmp/template_probe" 3 > "$tmp/tp.log" 2>&1 \
    && ok "the new-claim template passes check_problem.sh as it stands" \
    || nok "the new-claim template passes check_problem.sh as it stands" "$(grep '^not ok' "$tmp/tp.log" | head -n 2)"
else
  nok "the new-claim template compiles warning-free" "$(head -n 3 "$tmp/tp.err")"
fi


# every counterexample a report prints is reproduced by --point: the same
# values for the line and its truth (a quick run, so the test is fast)
cx_dir="$tmp/cx"; mkdir -p "$cx_dir"
"$build/bin/kl_gaussians" --quick --seed 5 --outdir "$cx_dir" > /dev/null 2>&1
cx_ok=1; cx_n=0
awk '/^<a id="finding-/ { id = $0; sub(/.*finding-/, "", id); sub(/".*/, "", id) }
     /Counterexample:/ { pt = $0; sub(/^[^`]*`/, "", pt); sub(/`.*/, "", pt)
       v = substr($0, index($0, " gives ") + 7); sub(/[ ,;].*/, "", v)
       t = $0; sub(/.*(the true value is|must be at (least|most)) /, "", t); sub(/[ ;].*/, "", t)
       print id "\t" pt "\t" v "\t" t }' "$cx_dir/reports/kl_gaussians.md" > "$tmp/cx.tsv"
while IFS="$(printf '\t')" read -r id pt v t; do
  cx_n=$((cx_n + 1))
  got=$("$build/bin/kl_gaussians" --quick --seed 5 --point "$pt" | grep "^$id ")
  gv=$(echo "$got" | sed 's/^[^:]*): //; s/[ ,].*//')
  gt=$(echo "$got" | sed 's/.*true value //; s/ .*//')
  awk -v a="$v" -v b="$gv" -v c="$t" -v d="$gt" 'function near(x, y) { return (x - y)^2 <= (1e-7 * (x < 0 ? -x : x) + 1e-12)^2 }
    BEGIN { exit !(near(a, b) && near(c, d)) }' || { cx_ok=0; echo "# $id at '$pt': report $v / $t, --point $gv / $gt"; }
done < "$tmp/cx.tsv"
[ $cx_ok -eq 1 ] && [ $cx_n -ge 5 ] && ok "--point reproduces every counterexample of a report ($cx_n findings)" \
  || nok "--point reproduces every counterexample of a report ($cx_n findings)"

# every claim evaluates each counterexample its committed report prints
# (--point runs before the claim's main work: a claim whose lines need
# something main builds would crash here; see claim.setup)
pt_bad=""; pt_n=0
for s in $slugs; do
  [ -f "reports/$s.md" ] || continue
  sed -n 's/^- \*\*Counterexample:\*\* `\([^`]*\)`.*/\1/p' "reports/$s.md" > "$tmp/pts.$s"
  while IFS= read -r pt; do
    pt_n=$((pt_n + 1))
    "$build/bin/$s" --quick --point "$pt" > /dev/null 2> "$tmp/pt.err" || pt_bad="$pt_bad $s($?: $(head -c 80 "$tmp/pt.err"))"
  done < "$tmp/pts.$s"
done
[ -z "$pt_bad" ] && [ $pt_n -ge 20 ] && ok "--point evaluates every counterexample of every committed report ($pt_n)" \
  || nok "--point evaluates every counterexample of every committed report ($pt_n)" "$pt_bad"

# --stop-when-caught: a mutant run ends at the check that catches it, with
# that check's TAP line, "Bail out!", exit 1 and no file; the full run of
# the same mutant prints more; without --mutant it is a usage error
b="$build/bin/$first"
"$b" --list-mutants | head -n 1 > "$tmp/mut"
IFS="$(printf '\t')" read -r mid mcheck mdesc < "$tmp/mut"
mkdir -p "$tmp/st" "$tmp/sf"
"$b" --quick --outdir "$tmp/st" --mutant "$mid" --stop-when-caught > "$tmp/st.tap" 2>&1; st=$?
"$b" --quick --outdir "$tmp/sf" --mutant "$mid" > "$tmp/sf.tap" 2>&1
files=$(find "$tmp/st" -type f | wc -l)
if [ $st -eq 1 ] && [ "$files" -eq 0 ] && grep -Eq "^not ok [0-9]+ - $mcheck \(" "$tmp/st.tap" &&
   tail -n 1 "$tmp/st.tap" | grep -q "^Bail out! mutant $mid caught by $mcheck" &&
   ! grep -Eq '^[0-9]+ passed, [0-9]+ failed$' "$tmp/st.tap" &&
   [ "$(grep -c '^\(not \)\{0,1\}ok ' "$tmp/st.tap")" -lt "$(grep -c '^\(not \)\{0,1\}ok ' "$tmp/sf.tap")" ]; then
  ok "--stop-when-caught: $mid stops at $mcheck, exit 1, no file"
else
  nok "--stop-when-caught: $mid stops at $mcheck, exit 1, no file" "exit $st, $files file(s): $(tail -n 1 "$tmp/st.tap")"
fi
"$b" --quick --outdir "$tmp/st" --stop-when-caught > /dev/null 2> "$tmp/st.err"; st=$?
[ $st -eq 2 ] && grep -q -- "--stop-when-caught: needs --mutant" "$tmp/st.err" \
  && ok "--stop-when-caught without --mutant: exit 2, says why" \
  || nok "--stop-when-caught without --mutant: exit 2, says why" "exit $st: $(head -n 1 "$tmp/st.err")"

echo "1..$n"
echo "$((n - failed)) passed, $failed failed"
[ $failed -eq 0 ]

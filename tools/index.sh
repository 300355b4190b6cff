#!/bin/sh
# index.sh OUTDIR TAPFILE... -- from the claim programs' TAP output, print
# the summary table and the closing line "N passed, N failed", and (when
# OUTDIR is given) write OUTDIR/reports/README.md, the index a reader opens
# first.  Exits 1 when any check did not come out as the repository expects
# or any program did not finish.
#
# The index is written like every other output: to a temporary beside it
# that names its owner (reports/.README.md.<pid>.tmp), removed if we are
# interrupted, renamed over reports/README.md only when complete.
outdir=$1; shift
tmpout=""
if [ -n "$outdir" ]; then
  tmpout="$outdir/reports/.README.md.$$.tmp"
  trap 'rm -f "$tmpout"' EXIT
  trap 'rm -f "$tmpout"; trap - INT; kill -INT $$' INT
  trap 'rm -f "$tmpout"; trap - TERM; kill -TERM $$' TERM
  trap 'rm -f "$tmpout"; trap - HUP; kill -HUP $$' HUP
fi
awk -v outdir="$outdir" -v out="$tmpout" -F'\t' '
function flush_file() {
  if (slug == "") return
  if (!finished) { failed += plan; broken++; rows[++nrows] = "| " slug " | did not finish | | | |"
                  summary[++nsum] = sprintf("%-26s %9s", slug, "did not finish"); return }
}
FNR == 1 { flush_file(); slug = ""; finished = 0; plan = 0
           f = FILENAME; sub(/.*\//, "", f); sub(/\.tap$/, "", f); slug = f }
/^1\.\.[0-9]+$/ { plan = substr($0, 4) + 0 }
/^# index\t/ {
  finished = 1
  gsub(/\|/, "\\|", $3); gsub(/\|/, "\\|", $4)   # pipes inside table cells
  split($5, pf, "/"); passed += pf[1]; failed += pf[2] - pf[1]
  title[slug] = $3
  summary[++nsum] = sprintf("%-26s %9s %9d", $2, $5, $6)
  rows[++nrows] = "| [" $2 "](" $2 ".md) | " $3 " | " $4 " | " $5 " | " ($6 > 0 ? $6 : "none") " |"
  nfind += $6
}
/^# seedline\t/ {
  seed = $2
  line = "- " $3 ", `" $6 "` ([" $5 "](" $5 ".md" ($4 == "does not hold" ? "#finding-" $6 : "") ")): " ($4 == "does not hold" ? "**does not hold**" : $4)
  seeds[seed] = seeds[seed] line "\n"
}
/^# exit-status / { if ($0 !~ / [01]$/) { broken++ } }
END {
  flush_file()
  if (outdir != "") {
    print "# Verification reports\n" > out
    print "Produced by `make check` from the derivations in `../shared/seeds/`. Each claim is one program in `problems/`; each row links to its report. *Checks as expected* counts checks whose outcome is what the repository expects: relations that hold, and seed lines known to be wrong that were found wrong again. *Findings* counts seed lines that do not hold.\n" > out
    print "| claim | title | sources | checks as expected | findings |" > out
    print "|---|---|---|---|---|" > out
    for (i = 1; i <= nrows; i++) print rows[i] > out
    print "\n" passed " checks as expected, " failed " not; " nfind " seed line(s) found wrong in all.\n" > out
    print "## Per seed: which derivation lines hold\n" > out
    n = 0; for (s in seeds) keys[++n] = s
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (keys[j] < keys[i]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
    for (i = 1; i <= n; i++) printf "### Seed %s\n\n%s\n", keys[i], seeds[keys[i]] > out
    print "Wall times vary from run to run, so they are printed by `make check` and kept out of this committed file.\n" > out
    if (close(out) != 0) { print "index: cannot write " out > "/dev/stderr"; exit 3 }
  }
  printf "\n%-26s %9s %9s\n", "claim", "checks", "findings"
  for (i = 1; i <= nsum; i++) print summary[i]
  printf "%-26s %9s %9d\n", "all", passed "/" passed + failed, nfind
  printf "\n%d passed, %d failed\n", passed, failed
  exit (failed > 0 || broken > 0) ? 1 : 0
}' "$@"
st=$?
[ $st -eq 3 ] && exit 3
if [ -n "$tmpout" ]; then
  grep -q '^Wall times vary' "$tmpout" 2>/dev/null && mv -f "$tmpout" "$outdir/reports/README.md" \
    || { echo "index: cannot write $outdir/reports/README.md" >&2; exit 3; }
fi
exit $st

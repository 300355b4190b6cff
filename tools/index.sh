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
  seed = $2; kind = $7
  finding = (kind == "error" || kind == "slip" || kind == "carried" || kind == "finding")
  if (kind == "error") nerr++
  if (kind == "slip") nslip++
  if (kind == "carried") ncarried++
  if (kind == "finding") nold++
  line = "- " $3 ", `" $6 "` ([" $5 "](" $5 ".md" (finding ? "#finding-" $6 : "") ")): " (finding ? "**" $4 "**" : $4)
  # document order: by the line number in the seed when the claim gives it
  nl[seed]++; lines[seed, nl[seed]] = line; at[seed, nl[seed]] = ($8 == "" ? 0 : $8 + 0)
}
/^# exit-status / { if ($0 !~ / [01]$/) { broken++ } }
END {
  flush_file()
  if (outdir != "") {
    print "# Verification reports\n" > out
    print "Produced by `make check` from the derivations in `../shared/seeds/`. Each claim is one program in `problems/`; each row links to its report. *Verdicts as expected* counts seed lines and harness checks whose verdict is what the repository expects: lines that hold, and lines known to be wrong that were found wrong again. *Findings* counts seed lines that are errors, slips or carry an earlier error.\n" > out
    print "| claim | title | sources | verdicts as expected | findings |" > out
    print "|---|---|---|---|---|" > out
    for (i = 1; i <= nrows; i++) print rows[i] > out
    print "\n" passed " verdicts as expected, " failed " not. Findings: " nerr + 0 " error(s), " nslip + 0 " slip(s), " ncarried + 0 " line(s) carrying an earlier error" (nold ? ", and " nold " seed line(s) found wrong by a harness check outside the derivation tables" : "") ".\n" > out
    print "Verdicts: *holds*; *holds as a step, carries the error of X* (the line follows from the one before, which was wrong); *slip* (the line as written is wrong, but a reading that the surrounding lines of the student use holds); *error* (no plausible reading holds); *no answer in the seed*; *not checkable numerically* (with the reason); *inconclusive* (the assumptions of the estimator failed).\n" > out
    print "## Per seed: every statement in document order, with its verdict\n" > out
    n = 0; for (s in nl) keys[++n] = s
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (keys[j] < keys[i]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
    for (i = 1; i <= n; i++) {
      s = keys[i]; m = nl[s]
      for (a = 1; a <= m; a++) ord[a] = a
      for (a = 2; a <= m; a++) for (b = a; b > 1 && at[s, ord[b]] < at[s, ord[b - 1]]; b--) { t = ord[b]; ord[b] = ord[b - 1]; ord[b - 1] = t }
      printf "### Seed %s\n\n", s > out
      for (a = 1; a <= m; a++) print lines[s, ord[a]] > out
      print "" > out
    }
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

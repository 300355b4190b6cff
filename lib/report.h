/* report.h -- reports/<slug>.md and the lines the index is built from.
 *
 * A report states the claim and its sources, a verdict, a table of every
 * check (observed, reference, error, statistic, rule, the smallest
 * discrepancy the check could detect, expected and actual outcome), the
 * findings (seed lines that do not hold: which, by how much, and what is
 * right), per seed which lines hold, the program's own notes, the figure,
 * how to reproduce, and the environment.  It contains nothing that varies
 * between runs with the same seed (no times, no dates, no paths). */
#ifndef HARNESS_REPORT_H
#define HARNESS_REPORT_H

#include "harness.h"

/* Write the report to a pending temporary file; harness_end commits it
   together with the figure (atomic_file_commit_all). */
void report_write (const harness * h);

/* '#'-prefixed TAB-separated lines on stdout from which tools/index.sh
   builds reports/README.md. */
void report_print_index_lines (const harness * h, int as_expected,
                               int findings);

#endif

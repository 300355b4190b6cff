/* line_row.h -- a derivation table's row (lib/derivation.h) in the shape
 * most rows share: one line of a seed, numbered as an equation, evaluated
 * one way, with one negative control evaluated the same way.
 *
 * Written out, such a row names its function three times over (the id, the
 * evaluation, the mutant's id beside the mutant's function) and spells its
 * source by hand; an id that drifts from its function, or a source whose
 * document differs from the id's prefix, is a mistake the report then
 * carries silently.  These macros derive the id from the function's name
 * and the source from the document and the equation number, so that the
 * row reads as the seed line, its text, its function and its mutant:
 *
 *   {LINE_ROW_SEED ("004", "2.12", "δL(q)/δm1 = -m1(1 + θ1²) ...", LINE_CLOSED,
 *                   eq2_12, eq2_12_cross_sign, "(2.12) with + θ1θ2m2"), .truth = "dL_dm"}
 *
 * is {.id = "s004_eq2_12", .source = "004 eq. (2.12)", .text = ..., .eval =
 * LINE_CLOSED (eq2_12), .mutants = {{"eq2_12_cross_sign", "(2.12) with ...",
 * LINE_CLOSED (eq2_12_cross_sign)}}}.  The row's other fields (.truth,
 * .expect, .correction, ...) follow as designated initialisers.  Rows of
 * another shape (several mutants, readings, a source that is not an
 * equation) are written out. */
#ifndef HARNESS_LINE_ROW_H
#define HARNESS_LINE_ROW_H

#include "derivation.h"

/* The fields of seed DOC's equation (EQ) as TEXT_, evaluated as KIND (F)
   (LINE_CLOSED, LINE_EXPECT, LINE_POINTWISE), id "s" DOC "_" F, and its
   mutant M, described by WHAT, evaluated as KIND (M), id M.  DOC and EQ are
   string literals ("004", "2.12"). */
#define LINE_ROW_SEED(doc, eq, text_, kind, f, m, what) .id = "s" doc "_" #f, \
  .source = doc " eq. (" eq ")", .text = (text_), .eval = kind (f), \
  .mutants = {{#m, (what), kind (m)}}

/* The same for a closed form or integrand of the harness's own (a function
   the seed's lines are checked against): id F, source "harness". */
#define LINE_ROW_OWN(text_, kind, f, m, what) .id = #f, .source = "harness", \
  .text = (text_), .eval = kind (f), .mutants = {{#m, (what), kind (m)}}

#endif

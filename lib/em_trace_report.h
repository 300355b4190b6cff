/* em_trace_report.h -- an EM trace (lib/em_trace) in a claim's outputs:
 * a line of notes and a data block per run, and the panels of two runs.
 *
 * The block of a run, per iteration t = 0..iters: the gaps ll* + b - value
 * of F after the E half-step (at t), of F after the M half-step (at t + ½)
 * and of log p(x|θ^t), then the rises of F at the E and the M half-step
 * (NaN where not positive: rounding, at convergence; and NaN where there
 * is no half-step).  b is the rounding bound of the last log-likelihood:
 * F and log p(x|θ) reach ll* to within it, so the gaps, lifted by it, stay
 * on a log scale.  The run's bound is also the script's variable bound_Nd
 * (N = the data's dimension), drawn as the floor under the rises.
 *
 * The panels are those of em_coordinate_ascent's figure, a 1-D run and a
 * 2-D run in a 2 x 3 multiplot whose first column is the claim's. */
#ifndef HARNESS_EM_TRACE_REPORT_H
#define HARNESS_EM_TRACE_REPORT_H

#include "em_trace.h"
#include "harness.h"

/* Run T of EM on the data X (n x d), named NAME ("1-D"), into H's notes
   ("EM stopped after ..." first if it broke down, then "- NAME: n = ...
   points, ... checked iterations; log-likelihood from ... to ...
   (converged: ...)") and as the next data block of H's figure, with the
   script's variable bound_Nd. */
void em_trace_report_run (harness * h, const char *name, const gsl_matrix * x,
                          const em_trace * t);

/* The four panels of a 1-D run in data block BLOCK and a 2-D run in BLOCK
   + 1, over t in [0, ITERS] on a log y axis, in the right two thirds of a
   multiplot (the caller's own panel has the left third): top, each run's
   gaps below ll* (log p(x|θ^t) a line, F after the E and the M half-step
   points); bottom, each run's rises of F at each half-step over the
   rounding bound of F. */
void em_trace_report_panels (harness * h, int block, int iters);

#endif

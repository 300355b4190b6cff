/* quad_log.h -- ∫ e^{f(w)} dw over a finite interval, for an f whose
 * values span hundreds of orders of magnitude (a log density far into
 * its tails, times another one).
 *
 * The interval is cut into pieces of width at most 2 QUAD_SPLIT SCALE (so
 * that features of width SCALE are seen), each piece scaled by its own
 * largest value on a grid and integrated by both rules of lib/quad.h
 * (quad_try_interval), so that both rules work at values near 1 and their
 * absolute tolerances mean what they say.  Written for hierarchical_elbo's
 * log p(x) = log ∫ p(w) p(x|w) dw. */
#ifndef HARNESS_QUAD_LOG_H
#define HARNESS_QUAD_LOG_H

#include "quad.h"

/* ∫_LO^HI e^{LOG_F(w) - SHIFT} dw, LOG_F called with PARAMS, in pieces as
   above (no half-lines: the caller bounds what lies outside).  A piece the
   two rules disagree on is halved, to depth 30, then die_runtime names
   WHAT and the piece.  ABSERR: the rules' bounds of every piece, DBL_MIN
   per piece for a rescaled value that underflows, and (pieces) u Σ|piece|
   for the sum (Higham (4.4)). */
quad_result quad_log_pieces (quad_fn log_f, void *params, double shift,
                             double lo, double hi, double scale,
                             const char *what);

#endif

/* normal_expect.h -- E_{w~N(m, s²)} of a function of w, by quadrature.
 *
 * An expectation over a one-dimensional Gaussian q(w) = N(m, s²) (a
 * variational posterior q_ψ(w|x), a prior) of a function G that is smooth
 * on the scale of s, such as a sum of log densities, is the integral of
 * q(w) G(w) over the real line: taken by lib/quad's two rules
 * (quad_real_line_at, split at m ± 8 s), not under a sampler, it has no
 * standard error and does not meet the heavy-tailed draws a log density's
 * quadratic terms make (Pareto k̂ above 1 in hierarchical_elbo).  q(w) is
 * exp (normal_log_pdf (w, m, s)), and where that log is below -745, where
 * exp underflows to (almost) 0 anyway, the integrand is 0 without
 * evaluating G: a G that overflows far in the tails (a softmax saturated,
 * a log density of 1e300) does not turn 0 · inf into NaN.
 *
 * A function that states the rounding bound of its own evaluation (a
 * derivation line evaluated as written) gives two expectations: its value
 * and its bound.  The expectation of the bound bounds the evaluation's
 * error in the expectation, and that quadrature's own error is added. */
#ifndef HARNESS_NORMAL_EXPECT_H
#define HARNESS_NORMAL_EXPECT_H

#include "estimate.h"
#include "quad.h"

/* A function of W (PARAMS its data) that returns its value and writes a
   bound on the rounding of that value to *BOUND. */
typedef double (*normal_expect_fn) (double w, void *params, double *bound);

/* E_{w~N(M, S²)}[G(w)] for G a quad_fn with PARAMS, by quad_real_line_at
   of N(w; M, S²) G(w) around M at scale S (S > 0): an EST_QUAD, the two
   rules' bound (lib/quad.h).  Dies (die_runtime) where the rules fail or
   disagree. */
estimate normal_expect (quad_fn g, void *params, double m, double s);

/* E_{w~N(M, S²)}[F(w)] with the rounding F states: the expectation of
   F's value (an EST_QUAD), plus an exact part whose bound is the
   expectation of F's *BOUND and that quadrature's own bound. */
estimate normal_expect_bounded (normal_expect_fn f, void *params, double m, double s);

#endif

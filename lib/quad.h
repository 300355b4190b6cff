/* quad.h -- one-dimensional quadrature whose error bound is established by
 * two independent rules that must agree.
 *
 * What is guaranteed.  A result is returned only when two independent GSL
 * rules, run on the same integral, each reached the requested tolerance by
 * its own error estimate and agree within the sum of those estimates:
 *
 *   finite [a, b]:   QAGS (21-point Gauss-Kronrod, adaptive bisection, Wynn
 *                    epsilon extrapolation) and CQUAD (doubly adaptive
 *                    Clenshaw-Curtis, nested 5..33-point rules, Gonnet 2010).
 *                    CQUAD reports success even when it stops short of its
 *                    tolerance; its estimate is checked here against it.
 *   half-line:       in y = |x - a| / s (s the caller's scale): QAGIU
 *                    (15-point Gauss-Kronrod after y = (1-t)/t) and CQUAD
 *                    after y = t/(1-t).
 *   real line:       quad_real_line_at splits at center +- QUAD_SPLIT scale:
 *                    the middle is a finite interval (in pieces of width
 *                    <= 2 QUAD_SPLIT scale for _span and _hull), the tails
 *                    half-lines.  Each piece passes the test on its own;
 *                    pieces are asked for max (epsabs, epsrel |I|), |I|
 *                    from one 21-point rule per piece.
 *
 * The returned abserr is |v1 - v2| + max(e1, e2) + 32 ulps of |v| per
 * piece (v1, v2 the two values, e1, e2 their estimates), so it is at least
 * the distance between the two rules, plus the rounding of the sum of
 * pieces.
 *
 * When the two disagree, both run once more at tolerances 100 times below
 * the tighter of the requested one and the disagreement d, epsrel no lower
 * than 64 DBL_EPSILON (each rule then subdivides further).  The retried pair is held to the same contract, and
 * must also explain the disagreement: one first run lies within its own
 * estimate of the retried result.  Then three results of two independent
 * rules agree, two of them resolved 100 times below d, and the retried
 * pair's bound is returned; otherwise the call is refused as below.  (On
 * conjugate_duals and exclusive_inclusive_kl at default sizes, QAGS's
 * estimate on smooth pieces was 3 to 20 times below its actual error, with
 * CQUAD right to 1e-16; tests/test_quad.c.)  The retry is not one rule
 * checked against itself at two tolerances, which is never used: on
 * tests/reference/quad.tsv QAGS at epsrel and at 1000 epsrel agreed while
 * both were 10 times their estimate off (narrow Gaussians, where x - m is
 * noisy); each retried result is checked against the other rule.
 *
 * When a rule fails, returns a
 * non-finite value, misses its tolerance, or the two differ by more than
 * e1 + e2 (plus 32 ulps), there is no bound: the quad_try_* functions return
 * a non-zero status (a GSL status, or QUAD_EDISAGREE) and the others call
 * die_runtime (one line, exit 3).  An error estimate that could be smaller
 * than the actual error never reaches the check layer silently.
 *
 * What is not guaranteed.  Two rules can both miss a feature neither
 * samples.  The middle interval [c - 8s, c + 8s] is first sampled every
 * ~0.6 s by both rules, so a peak of width ~s anywhere in it is seen; the
 * caller must pass a center and scale such that every feature of the
 * integrand narrower than ~s lies inside it (for a density: its mean and
 * standard deviation, or the smallest sd of a mixture and a center inside
 * the components' span of a few s).  tests/test_quad.c measures the bound
 * against 50-digit mpmath references (tests/reference/quad.tsv): Beta end
 * point singularities down to exponents 0.05, entropies of such Betas,
 * Gaussians of sd 1e-6 and centred at 1e4 and 1e8, Cauchy and Student-t
 * tails, log singularities, oscillatory integrands: on every accepted case
 * the actual error was at most 0.2 of abserr.  About half of those cases
 * are refused, by design: where an end-point singularity has mass within
 * an ulp of the end point, or the integrand is evaluated with noise above
 * the tolerance, CQUAD stops short and no bound is established. */
#ifndef HARNESS_QUAD_H
#define HARNESS_QUAD_H

#include <stddef.h>

typedef double (*quad_fn) (double x, void *params);

typedef struct
{
  double value;
  double abserr;
} quad_result;

/* Tolerances used unless a caller needs others. */
#define QUAD_EPSABS 1e-13
#define QUAD_EPSREL 1e-11

/* The real line is split at center +- QUAD_SPLIT * scale. */
#define QUAD_SPLIT 8.0
#define QUAD_MAX_PIECES 64

/* Status of quad_try_*: the two rules disagree beyond their estimates.
   (GSL's own statuses are small positive integers.) */
#define QUAD_EDISAGREE 1001

/* A message for a status of quad_try_* (GSL's, or QUAD_EDISAGREE). */
const char *quad_strerror (int status);

/* What the last refusal of this module was, in detail: the status, and
   each rule's value, estimate and own status. */
const char *quad_last_failure (void);

/* Non-dying variants: 0 (GSL_SUCCESS) and *OUT set, or a non-zero status
   and *OUT holding the primary rule's value and the bound it would have
   had (for a message only). */
int quad_try_interval (quad_fn f, void *params, double a, double b,
                       double epsabs, double epsrel, quad_result * out);
/* The same pair, returning CQUAD's value (quad_interval_cquad). */
int quad_try_interval_cquad (quad_fn f, void *params, double a, double b,
                             double epsabs, double epsrel,
                             quad_result * out);
int quad_try_upper (quad_fn f, void *params, double a, double scale,
                    double epsabs, double epsrel, quad_result * out);
int quad_try_lower (quad_fn f, void *params, double b, double scale,
                    double epsabs, double epsrel, quad_result * out);
int quad_try_real_line_at (quad_fn f, void *params, double center,
                           double scale, double epsabs, double epsrel,
                           quad_result * out);
/* The line split at LO and HI, [LO, HI] cut into pieces of width at most
   2 QUAD_SPLIT SCALE (at most QUAD_MAX_PIECES of them): for integrands with
   several features of width >= SCALE, all inside [LO, HI]. */
int quad_try_real_line_span (quad_fn f, void *params, double lo, double hi,
                             double scale, double epsabs, double epsrel,
                             quad_result * out);
/* The same for an integrand evaluated with an error whose integral over
   the line is at most NOISE (e.g. an inner quadrature, bounded by the
   caller): the rules may then differ by 2 NOISE more, and the returned
   abserr includes NOISE. */
int quad_try_real_line_span_noisy (quad_fn f, void *params, double lo,
                                   double hi, double scale, double epsabs,
                                   double epsrel, double noise,
                                   quad_result * out);

/* Dying variants: a result with a bound, or die_runtime. */
quad_result quad_interval (quad_fn f, void *params, double a, double b);
quad_result quad_interval_tol (quad_fn f, void *params, double a, double b,
                               double epsabs, double epsrel);
quad_result quad_real_line_at (quad_fn f, void *params, double center,
                               double scale);
quad_result quad_real_line_at_tol (quad_fn f, void *params, double center,
                                   double scale, double epsabs,
                                   double epsrel);
quad_result quad_real_line_span (quad_fn f, void *params, double lo,
                                 double hi, double scale);
/* For an integrand with N bumps (CENTER[i], SCALE[i]), e.g. weighted by
   several densities: the span of CENTER[i] +- QUAD_SPLIT SCALE[i] at the
   smallest SCALE[i]. */
quad_result quad_real_line_hull (quad_fn f, void *params, size_t n,
                                 const double *center, const double *scale);

/* The same pair of rules on [a, b] with epsabs 0, returning CQUAD's value.
   For integrands with algebraic-logarithmic end-point behaviour
   ((x - a)^(alpha - 1) log(x - a), non-integer alpha) QAGS's extrapolated
   estimate alone can be optimistic (10 times on Beta pairs, jsd_disjoint;
   7 times on the Beta(0.1, 0.5) entropy); the bound covers the
   difference to CQUAD either way. */
quad_result quad_interval_cquad (quad_fn f, void *params, double a,
                                 double b, double epsrel);
/* With an absolute tolerance too: pieces far below the whole need one, or
   CQUAD cannot meet a relative tolerance on a value of 1e-75. */
quad_result quad_interval_cquad_tol (quad_fn f, void *params, double a,
                                     double b, double epsabs, double epsrel);

/* There is deliberately no quad_real_line (f, params): QAGI over the whole
   line returned 0 +- 0 for peaks it never sampled.  Pass a location and a
   scale. */

/* E[(f(e) - MEAN)^POWER] for e ~ N(0, 1): quad_real_line_at of
   phi(e) (f(e) - MEAN)^POWER around 0 at scale 1 (the moments of an
   estimator that is a function of one standard normal draw). */
quad_result quad_normal_moment (quad_fn f, void *params, double mean,
                                int power);

#endif

/* normal_pair.h -- two univariate normals a = N(ma, sa²), b = N(mb, sb²) on
 * the real line: random pairs, the log-ratio, KL, and the quadrature span of
 * an integrand weighted by them.
 *
 * The one-dimensional counterpart of gauss_pair.h, for claims that take
 * expectations of a function of x under one of two densities (a critic T
 * against p and q, a discriminator D against f0 and f1).  Scales are
 * standard deviations, as in normal.h. */
#ifndef HARNESS_NORMAL_PAIR_H
#define HARNESS_NORMAL_PAIR_H

#include "estimate.h"
#include "point.h"
#include "quad.h"

#include <gsl/gsl_rng.h>

typedef struct
{
  double ma, sa, mb, sb;
} normal_pair;

/* The pair (V[0], V[1], V[2], V[3]) = (ma, sa, mb, sb): a derivation's
   point, or any array, laid out as the struct is. */
normal_pair normal_pair_from_array (const double v[4]);

/* A random pair: means standard normal, standard deviations e^U with U
   uniform on [LOG_SD_LO, LOG_SD_HI]; drawn in the order ma, sa, mb, sb. */
normal_pair normal_pair_draw (const gsl_rng * r, double log_sd_lo,
                              double log_sd_hi);

/* A derivation's prepare step (DERIVATION_PREPARE (normal_pair,
   normal_pair_prepare)): the pair (ma, sa, mb, sb) = P's first four
   coordinates v[0], v[1], v[2], v[3], in that order, written to the
   normal_pair at PREP. */
void normal_pair_prepare (const point * p, void *prep);

/* log a(x) - log b(x) */
double normal_pair_log_ratio (const normal_pair * g, double x);

/* KL(a || b) in closed form (normal_kl). */
double normal_pair_kl (const normal_pair * g);

/* The integral over the line of F, an integrand weighted by a, b and by a
   third bump of width SCALE at CENTER (a tilted density, say; pass ma, sa
   for none): quad_real_line_hull over the three, so every feature of width
   down to the smallest scale lies inside its finite middle.  Dies (exit 3)
   when the two rules of lib/quad disagree. */
quad_result normal_pair_quad (quad_fn f, void *params, const normal_pair * g,
                              double center, double scale);

/* Quadrature maps reach |x| ~ 1e300, where x² overflows and inf - inf is
   NaN; an integrand with a Gaussian factor is zero in double precision long
   before 1e100, and returns 0 where this is true. */
int normal_pair_far_tail (double x);

/* ---- a critic's objective (optimal_discriminator) ----
   Variational bounds on divergences (a GAN discriminator, the NWJ and
   Donsker-Varadhan critics) are objectives V = E_a[LA(T(x))] + E_b[LB(T(x))]
   of a critic T: for a discriminator D = sigma(T) of b against a,
   LB = log sigma and LA(t) = log sigma(-t); the NWJ bound of KL(b||a):
   LB(t) = t, LA(t) = -e^{t-1}.  A NULL link drops its term. */
typedef double (*normal_pair_critic) (double x, void *params);
typedef double (*normal_pair_link) (double t);

/* V by normal_pair_quad (no third bump): a term is 0 where its density is
   0 (so log D = -inf where b underflows is harmless), the integrand 0
   beyond normal_pair_far_tail.  Dies (exit 3) if the two rules disagree. */
quad_result normal_pair_objective_quad (const normal_pair * g,
                                        normal_pair_critic t, void *params,
                                        normal_pair_link la,
                                        normal_pair_link lb);

/* V from N draws of each density, in turn one of b and then one of a;
   a standard error per expectation (both links needed). */
estimate normal_pair_objective_mc (const gsl_rng * r, const normal_pair * g,
                                   normal_pair_critic t, void *params,
                                   normal_pair_link la, normal_pair_link lb,
                                   long n);

/* A bound on the rounding error of normal_pair_log_ratio (G, X): the two
   log-densities' bounds (normal_log_pdf_error_bound) and the subtraction's
   u.  KL(a || b)'s is normal_kl_error_bound. */
double normal_pair_log_ratio_error_bound (const normal_pair * g, double x);

/* KL(a || b) by quadrature: ∫ a log(a/b) dx, log a - log b by normal_log_pdf,
   over a's span (normal_pair_quad); an independent route to
   normal_pair_kl.  Dies (exit 3) when the two rules disagree. */
quad_result normal_pair_kl_quad (const normal_pair * g);

/* ---- the midpoint mixture m = (a + b)/2 (jsd_disjoint) ----
   The Jensen-Shannon divergence JSD(a, b) = ½ KL(a||m) + ½ KL(b||m) (Lin
   1991) has no closed form for two normals.  Its integrands are written in
   log space, log m = log(e^{log a} + e^{log b}) - log 2 (log_add_exp), so
   that they stay finite where one density underflows and the other does
   not; a finite interval suffices because both vanish together. */

/* ∫ F dx over [min(ma, mb) - 40 s, max(ma, mb) + 40 s], s = max(sa, sb):
   beyond 40 standard deviations of both, a and b underflow to exactly 0.
   CQUAD's value, both rules of lib/quad to EPSABS, EPSREL
   (quad_interval_cquad_tol: kinks and log singularities are the caller's
   concern); F is called with PARAMS.  Dies (exit 3) when the rules
   disagree. */
quad_result normal_pair_quad_interval (quad_fn f, void *params,
                                       const normal_pair * g, double epsabs,
                                       double epsrel);

/* KL(a || m) = ∫ a (log a - log m) by normal_pair_quad_interval; between 0
   (a = b) and log 2 (disjoint supports). */
quad_result normal_pair_kl_mid_quad (const normal_pair * g, double epsabs,
                                     double epsrel);

/* JSD(a, b) = ∫ ½ a (log a - log m) + ½ b (log b - log m), one integrand,
   by normal_pair_quad_interval; between 0 and log 2. */
quad_result normal_pair_jsd_quad (const normal_pair * g, double epsabs,
                                  double epsrel);

#endif

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

#include "quad.h"

#include <gsl/gsl_rng.h>

typedef struct
{
  double ma, sa, mb, sb;
} normal_pair;

/* A random pair: means standard normal, standard deviations e^U with U
   uniform on [LOG_SD_LO, LOG_SD_HI]; drawn in the order ma, sa, mb, sb. */
normal_pair normal_pair_draw (const gsl_rng * r, double log_sd_lo,
                              double log_sd_hi);

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

/* A bound on the rounding error of normal_pair_log_ratio (G, X): the two
   log-densities' bounds (normal_log_pdf_error_bound) and the subtraction's
   u.  KL(a || b)'s is normal_kl_error_bound. */
double normal_pair_log_ratio_error_bound (const normal_pair * g, double x);

#endif

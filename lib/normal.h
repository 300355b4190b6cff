/* normal.h -- the univariate normal N(mu, sigma^2): log-density, entropy, KL.
 *
 * One home for what the claims used to write again (twelve copies under
 * three names, some taking a variance, some a standard deviation).  As in
 * GSL, the scale is always the standard deviation SIGMA > 0, and the
 * density is exp of the log-density.  Bishop, PRML 1.2.4 and 2.3. */
#ifndef HARNESS_NORMAL_H
#define HARNESS_NORMAL_H

/* log N(x; mu, sigma^2) = -((x - mu)/sigma)^2 / 2 - log sigma - log(2 pi)/2 */
double normal_log_pdf (double x, double mu, double sigma);
double normal_pdf (double x, double mu, double sigma);

/* The mass P(LO <= x <= HI) = Phi((HI - mu)/sigma) - Phi((LO - mu)/sigma)
   (gsl_cdf_gaussian_P; LO > HI gives its negative). */
double normal_mass (double lo, double hi, double mu, double sigma);

/* H[N(mu, sigma^2)] = (1 + log(2 pi sigma^2)) / 2 */
double normal_entropy (double sigma);

/* KL(N(m1, s1^2) || N(m2, s2^2)) = log(s2/s1) + (s1^2 + (m1-m2)^2)/(2 s2^2) - 1/2 */
double normal_kl (double m1, double s1, double m2, double s2);

/* log N(x; m1, s1^2) - log N(x; m0, s0^2) = theta . [1, x, x^2]:
   theta = (m0^2/(2 s0^2) - m1^2/(2 s1^2) + log(s0/s1), m1/s1^2 - m0/s0^2,
   1/(2 s0^2) - 1/(2 s1^2)), into THETA[0..2]. */
void normal_log_ratio_coefficients (double m1, double s1, double m0,
                                    double s0, double *theta);

/* N(x; m, s^2) e^{b x + c x^2} is proportional to N(x; *CENTER, *SCALE^2)
   with precision 1/s^2 - 2c and centre (m/s^2 + b) / precision, when that
   precision is positive; returns the precision (not positive: the product
   is not integrable, and *CENTER, *SCALE are left alone). */
double normal_tilt (double m, double s, double b, double c, double *center,
                    double *scale);
/* ---- with its rounding carried (lib/rounding.h) ----
   For closed forms whose rounding bound must follow the sizes of the terms
   that cancel in them (mean_field, exclusive_inclusive_kl). */
#include "rounding.h"

/* log √(2π), correctly rounded */
#define NORMAL_LOG_SQRT_2PI 0.91893853320467274178

/* normal_log_pdf in its own order of operations, -½((x - mu)/sigma)² -
   log sigma - log √(2π), with the rounding of X and MU carried; log 1 = 0
   is exact, so sigma = 1 adds no rounding for it. */
rnd normal_log_pdf_rnd (rnd x, rnd mu, double sigma);

/* Bounds on the rounding error |fl(f) - f| of each function above, for
   finite arguments and sigma > 0 (derivations in normal.c).  The KL's is
   relative near s1 = s2 (gamma_24 KL): a tiny KL of nearly equal normals
   keeps its relative accuracy.  A value beyond DBL_MAX in magnitude
   overflows to an infinity, and the bound is then meaningless. */
double normal_log_pdf_error_bound (double x, double mu, double sigma);
double normal_pdf_error_bound (double x, double mu, double sigma);
double normal_entropy_error_bound (double sigma);
double normal_kl_error_bound (double m1, double s1, double m2, double s2);

#endif

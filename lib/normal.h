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

/* H[N(mu, sigma^2)] = (1 + log(2 pi sigma^2)) / 2 */
double normal_entropy (double sigma);

/* KL(N(m1, s1^2) || N(m2, s2^2)) = log(s2/s1) + (s1^2 + (m1-m2)^2)/(2 s2^2) - 1/2 */
double normal_kl (double m1, double s1, double m2, double s2);

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

/* psis.h -- Pareto k-hat: can an importance-sampling or Monte Carlo mean
 * be trusted?
 *
 * Vehtari, Simpson, Gelman, Yao & Gabry, "Pareto smoothed importance
 * sampling", JMLR 25(72), 2024: fit a generalized Pareto distribution to
 * the M largest values of a sample (M = ceil(min(n/5, 3 sqrt(n))), as in
 * loo::psis and posterior::pareto_khat for independent draws, r_eff = 1)
 * over the next-largest value as threshold.  The shape k-hat estimates how
 * many moments exist: 1/k.  For k-hat > 0.7 the variance is infinite or
 * the tail too heavy for the central limit theorem to have set in at this
 * n, so the standard error of the mean cannot be trusted: the caller
 * reports "inconclusive".  (For n < 2200 the paper's threshold is the
 * stricter min(1 - 1/log10(n), 0.7).)
 *
 * The fit is Zhang & Stephens' empirical-Bayes estimate (Technometrics 51,
 * 2009) with the weakly informative prior of loo's gpdfit: a grid of
 * 30 + floor(sqrt(M)) values of theta = -k/sigma, the profile likelihood
 * as weights, then k = mean(log1p(-theta x)) shrunk towards 0.5 as
 * k M / (M + 10) + 5 / (M + 10).  Algorithm and constants are loo 2.5's
 * (gpdfit, psis_smooth_tail, n_pareto): tests/reference/diagnostics.tsv
 * holds loo's values and test_psis compares to near rounding.
 *
 * Special values (NaN = undefined, which the caller treats as
 * inconclusive, not as a pass): n with M < 5 (n <= 20); any NaN or +inf;
 * a tail whose M values are all equal (loo says Inf there).  -inf in
 * LOG_W is a weight of 0 and allowed. */
#ifndef HARNESS_PSIS_H
#define HARNESS_PSIS_H

#include <stddef.h>

#define PSIS_KHAT_MAX 0.7

/* k-hat of the importance weights exp(LOG_W[0..n-1]) (any common shift
   of the log-weights gives the same k-hat). */
double psis_khat (const double *log_w, size_t n);

/* k-hat of the right tail of the sample X[0..n-1] (e.g. |f(x_i)| of a
   Monte Carlo integrand: k-hat > 0.5 says the variance is infinite). */
double psis_khat_tail (const double *x, size_t n);

/* The tail length M for n draws: ceil(min(n/5, 3 sqrt(n))). */
size_t psis_tail_length (size_t n);

/* Zhang-Stephens estimate of the shape of a generalized Pareto
   distribution from the ascending exceedances X[0..m-1] > 0, with loo's
   prior adjustment.  NaN if m < 1. */
double psis_gpd_shape (const double *x, size_t m);

#endif

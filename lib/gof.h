/* gof.h -- goodness-of-fit tests with stated false-alarm rates.
 *
 * For samplers and transformations: does a sample come from a distribution
 * whose CDF (exact, or by quadrature) we know?  Kolmogorov-Smirnov with the
 * asymptotic Kolmogorov distribution (Marsaglia, Tsang & Wang 2003 for the
 * p-value), and a binned chi-square test with bins of equal expected mass.
 * For MCMC output, which is correlated, the caller must thin or use an
 * effective sample size; these tests assume independent draws.
 *
 * KS p-values: for n <= GOF_KS_EXACT_MAX the exact finite-n distribution of
 * D_n by Durbin's matrix method as made practical by Marsaglia, Tsang &
 * Wang, "Evaluating Kolmogorov's distribution", J. Stat. Soft. 8(18), 2003,
 * except in the upper tail: for D_n >= 1/2 exactly twice Smirnov's
 * one-sided sum, and where n D_n^2 > 7.24 (or > 3.76 with n > 99), i.e.
 * p < ~1e-3, MTW's closed approximation (a few significant digits).  For
 * n > GOF_KS_EXACT_MAX the limiting Kolmogorov distribution at Stephens'
 * corrected argument (sqrt(n) + 0.12 + 0.11/sqrt(n)) D_n (Stephens, JRSS B
 * 32, 1970): measured against the exact distribution at n = 1000 its
 * p-values are within 3e-4 where p < 0.1 and within 5e-3 everywhere, the
 * error shrinking like 1/sqrt(n).  Cost: up to 10 ms per p-value at
 * n = 1000, under 1 ms for n <= 200.
 *
 * Special values: n = 0 or any NaN in the sample gives statistic and
 * p-value NaN.  Bad arguments (nbins < 2, a bracket [lo, hi] that does not
 * hold the quantiles) are GSL errors (GSL_EINVAL). */
#ifndef HARNESS_GOF_H
#define HARNESS_GOF_H

#include <stddef.h>

typedef double (*gof_cdf) (double x, void *params);

typedef struct
{
  double statistic;   /* D_n (KS) or X^2 (chi-square) */
  double p_value;
  size_t n;
  size_t dof;         /* chi-square degrees of freedom; 0 for KS */
} gof_result;

/* KS test of X[0..n-1] (sorted in place) against CDF. */
gof_result gof_ks (double *x, size_t n, gof_cdf cdf, void *params);
/* Chi-square test with NBINS bins of equal mass under CDF (bin edges found
   by bisection on CDF over [lo, hi]). */
gof_result gof_chisq_equal_mass (const double *x, size_t n, gof_cdf cdf,
                                 void *params, size_t nbins, double lo,
                                 double hi);

/* ---- additions: the distributions behind the p-values ---- */

#define GOF_KS_EXACT_MAX 1000

/* The limiting Kolmogorov distribution K(x) = P(sup |B(t)| <= x) for a
   Brownian bridge B: 1 - 2 sum_k (-1)^(k-1) exp(-2 k^2 x^2) for x >= 1,
   the Jacobi-theta form sqrt(2 pi)/x sum_k exp(-(2k-1)^2 pi^2 / (8 x^2))
   below.  0 for x <= 0, NaN for NaN. */
double gof_kolmogorov_cdf (double x);
/* P(D_n < d) for a sample of N uniforms: exact (Marsaglia-Tsang-Wang) for
   n <= GOF_KS_EXACT_MAX, else the Stephens-corrected limit. */
double gof_ks_cdf (size_t n, double d);

#endif

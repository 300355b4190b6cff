/* gof.h -- goodness-of-fit tests with stated false-alarm rates.
 *
 * For samplers and transformations: does a sample come from a distribution
 * whose CDF (exact, or by quadrature) we know?  Kolmogorov-Smirnov with the
 * asymptotic Kolmogorov distribution (Marsaglia, Tsang & Wang 2003 for the
 * p-value), and a binned chi-square test with bins of equal expected mass.
 * For MCMC output, which is correlated, the caller must thin or use an
 * effective sample size; these tests assume independent draws.
 *
 * KS p-values P(D_n >= d) for n <= GOF_KS_EXACT_MAX: in the upper tail
 * (d >= 1/2 or n d^2 >= 4, i.e. p < ~7e-4) twice Smirnov's one-sided sum
 * (Birnbaum & Tingey 1951), every term positive: exact for d >= 1/2;
 * below, it leaves out P(D^+ >= d and D^- >= d), relatively
 * ~exp(-6 n d^2) <= 4e-11 of p.  Elsewhere the exact finite-n
 * distribution by Durbin's matrix method as made practical by Marsaglia,
 * Tsang & Wang, "Evaluating Kolmogorov's distribution", J. Stat. Soft.
 * 8(18), 2003, carried out in full (no tail shortcut).  Measured against
 * the same matrix at 60 digits (tests/reference/gof.tsv, n = 1..1000, p
 * down to 1e-40) the relative error of p is below 1e-9 everywhere
 * (test_gof prints the worst).  For n > GOF_KS_EXACT_MAX the limiting
 * Kolmogorov distribution at Stephens' corrected argument
 * (sqrt(n) + 0.12 + 0.11/sqrt(n)) D_n (Stephens, JRSS B 32, 1970):
 * measured against the exact distribution at n = 1000 its p-values are
 * within 3e-4 where p < 0.1 and within 5e-3 everywhere, the error
 * shrinking like 1/sqrt(n); its relative error in the far tail is not
 * bounded (the one-sided sum, O(n) per p-value, would be exact there but
 * too slow for the critical-value bisections of n = 4e5).  Cost: up to
 * 40 ms per p-value at n = 1000 (a 127 x 127 matrix power).
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
/* P(D_n < d) for a sample of N uniforms: as above; 1 - the p-value in
   the upper tail. */
double gof_ks_cdf (size_t n, double d);
/* P(D_n >= d), computed on the upper side, so small p-values keep their
   relative accuracy (1 - gof_ks_cdf would not below ~1e-10).  1 for
   d <= 1/(2n), 0 for d >= 1, NaN for n = 0 or d = NaN. */
double gof_ks_p_value (size_t n, double d);

/* The critical value of D_n at false-alarm rate ALPHA: the d with
   P(D_n >= d) = ALPHA (gof_ks_p_value), by bisection on [0, 1] to 1e-15,
   the upper end returned, so that D_n <= d is the same as p >= ALPHA. */
double gof_ks_critical_value (size_t n, double alpha);

#endif

/* gof.c -- Kolmogorov-Smirnov and equal-mass chi-square tests (see gof.h). */
#include "gof.h"
#include "errors.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sort.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static gof_result
result_nan (size_t n, size_t dof)
{
  gof_result r = { NAN, NAN, n, dof };
  return r;
}

static int
any_nan (const double *x, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (isnan (x[i]))
      return 1;
  return 0;
}

/* ------------------------------------------------ Kolmogorov's limit */

/* Both series converge fast on their side of x = 1.18 (where the terms of
   either fall below 1e-16 within 5 terms); the alternating one gives the
   upper tail Q = 1 - K directly, so small p-values keep their digits. */
static double
kolmogorov_upper_alternating (double x)
{
  double q = 0.0;
  for (int k = 1; k <= 100; k++)
    {
      double term = exp (-2.0 * k * k * x * x);
      q += (k % 2 ? 2.0 : -2.0) * term;
      if (term < 1e-17 * q)
        break;
    }
  return q;
}

static double
kolmogorov_lower_theta (double x)
{
  double s = 0.0, c = M_PI * M_PI / (8.0 * x * x);
  for (int k = 1; k <= 100; k++)
    {
      double term = exp (-(2.0 * k - 1) * (2.0 * k - 1) * c);
      s += term;
      if (term < 1e-17 * s || term == 0.0)
        break;
    }
  return sqrt (2.0 * M_PI) / x * s;
}

double
gof_kolmogorov_cdf (double x)
{
  if (isnan (x))
    return NAN;
  if (x <= 0.0)
    return 0.0;
  return x < 1.18 ? kolmogorov_lower_theta (x)
    : 1.0 - kolmogorov_upper_alternating (x);
}

static double
kolmogorov_upper (double x)
{
  if (x <= 0.0)
    return 1.0;
  return x < 1.18 ? 1.0 - kolmogorov_lower_theta (x)
    : kolmogorov_upper_alternating (x);
}

/* ------------------------------------------------ exact D_n (Durbin) */

/* Matrices here are m x m with m = 2k - 1 < 2 sqrt(GOF_KS_TAIL_ND2 n) + 1,
   at most 127 at n = GOF_KS_EXACT_MAX, so a plain triple loop is fast
   enough (about 20 products of 2e6 multiply-adds). */
static void
square_multiply (const double *a, const double *b, double *c, size_t m)
{
  /* i-l-j order: the inner loop runs along rows of B and C */
  memset (c, 0, m * m * sizeof *c);
  for (size_t i = 0; i < m; i++)
    for (size_t l = 0; l < m; l++)
      {
        double ail = a[i * m + l];
        for (size_t j = 0; j < m; j++)
          c[i * m + j] += ail * b[l * m + j];
      }
}

/* V = H^n by repeated squaring, with V's scale kept apart as a power of
   two (*exp2) so that neither overflows: D_n's probability is n!/n^n
   times an entry of H^n, and both factors leave double range for n ~ 200. */
static void
matrix_power_scaled (const double *h, size_t m, size_t n, double *v,
                     long *exp2)
{
  double *base = xmalloc (m * m * sizeof *base);
  double *tmp = xmalloc (m * m * sizeof *tmp);
  long base_exp = 0;
  memcpy (base, h, m * m * sizeof *base);
  memset (v, 0, m * m * sizeof *v);
  for (size_t i = 0; i < m; i++)
    v[i * m + i] = 1.0;
  *exp2 = 0;
  for (size_t e = n; e > 0; e >>= 1)
    {
      if (e & 1)
        {
          square_multiply (v, base, tmp, m);
          memcpy (v, tmp, m * m * sizeof *v);
          *exp2 += base_exp;
          int shift;
          frexp (v[(m / 2) * m + m / 2], &shift);
          for (size_t i = 0; i < m * m; i++)
            v[i] = ldexp (v[i], -shift);
          *exp2 += shift;
        }
      if (e > 1)
        {
          square_multiply (base, base, tmp, m);
          memcpy (base, tmp, m * m * sizeof *base);
          base_exp *= 2;
          int shift;
          frexp (base[(m / 2) * m + m / 2], &shift);
          for (size_t i = 0; i < m * m; i++)
            base[i] = ldexp (base[i], -shift);
          base_exp += shift;
        }
    }
  free (base);
  free (tmp);
}

/* P(D_n < d), Marsaglia, Tsang & Wang (2003), section 2: with
   k = floor(n d) + 1, m = 2k - 1, h = k - n d, the m x m matrix H below,
   P(D_n < d) = n!/n^n (H^n)_{kk}. */
static double
ks_cdf_exact (size_t n, double d)
{
  double nd = (double) n * d;
  size_t k = (size_t) floor (nd) + 1, m = 2 * k - 1;
  double h = (double) k - nd;
  double *hm = xmalloc (m * m * sizeof *hm), *v = xmalloc (m * m * sizeof *v);

  /* compute: H_ij = 1 for i - j + 1 >= 0, else 0; corrections on the
     first column and last row; then divide by (i - j + 1)!. */
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < m; j++)
      hm[i * m + j] = (i + 1 >= j) ? 1.0 : 0.0;
  for (size_t i = 0; i < m; i++)
    {
      hm[i * m] -= pow (h, (double) (i + 1));
      hm[(m - 1) * m + i] -= pow (h, (double) (m - i));
    }
  if (2.0 * h - 1.0 > 0.0)
    hm[(m - 1) * m] += pow (2.0 * h - 1.0, (double) m);
  for (size_t i = 0; i < m; i++)
    for (size_t j = 0; j < m; j++)
      if (i + 1 > j)
        hm[i * m + j] /= gsl_sf_fact ((unsigned) (i + 1 - j));

  long exp2;
  matrix_power_scaled (hm, m, n, v, &exp2);
  /* n!/n^n as a running product, rescaled so it never underflows */
  double s = v[(k - 1) * m + (k - 1)];
  for (size_t i = 1; i <= n; i++)
    {
      s *= (double) i / (double) n;
      int shift;
      frexp (s, &shift);
      s = ldexp (s, -shift);
      exp2 += shift;
    }
  free (hm);
  free (v);
  return ldexp (s, (int) exp2);
}

/* P(D_n^+ >= d) exactly, Smirnov's finite sum (Birnbaum & Tingey 1951):
   d sum_{j=0}^{floor(n(1-d))} C(n,j) (1 - d - j/n)^(n-j) (d + j/n)^(j-1),
   every term positive.  For d >= 1/2 the events D^+ >= d and D^- >= d
   are disjoint, so P(D_n >= d) = 2 P(D_n^+ >= d) exactly there. */
static double
ks_one_sided_upper (size_t n, double d)
{
  double s = 0.0, rn = (double) n;
  for (size_t j = 0; (double) j <= rn * (1.0 - d); j++)
    {
      double a = 1.0 - d - (double) j / rn, b = d + (double) j / rn;
      if (a <= 0.0)
        {
          if (j == n)
            s += pow (b, (double) j - 1.0) * d;   /* 0^0 = 1 */
          continue;
        }
      double log_term = gsl_sf_lnchoose ((unsigned) n, (unsigned) j)
        + (double) (n - j) * log (a) + ((double) j - 1.0) * log (b);
      s += d * exp (log_term);
    }
  return s;
}

/* The upper tail, where P(D_n >= d) is computed as 2 P(D_n^+ >= d).
   The difference is I = P(D_n^+ >= d and D_n^- >= d): 0 for d >= 1/2,
   and for the Brownian bridge limit I / p ~ exp(-6 n d^2) (the second
   term of Kolmogorov's series against the first), about 4e-11 at
   n d^2 = 4.  Below that the matrix is used, whose 1 - P(D_n < d) loses
   log10(1/p) digits to cancellation (p >= 6.7e-4 there: at most 3.2
   digits).  Switching at n d^2 = 4 balances the two; the actual error on
   both sides is measured against the 60-digit Durbin matrix in
   tests/reference/gof.tsv. */
#define GOF_KS_TAIL_ND2 4.0

static int
ks_upper_tail (size_t n, double d)
{
  return d >= 0.5 || d * d * (double) n >= GOF_KS_TAIL_ND2;
}

static double
ks_stephens_argument (size_t n, double d)
{
  double rn = sqrt ((double) n);
  return (rn + 0.12 + 0.11 / rn) * d;
}

double
gof_ks_cdf (size_t n, double d)
{
  if (isnan (d) || n == 0)
    return NAN;
  if (d <= 0.5 / (double) n)
    return 0.0;                 /* D_n >= 1/(2n) always */
  if (d >= 1.0)
    return 1.0;
  if (n > GOF_KS_EXACT_MAX)
    return gof_kolmogorov_cdf (ks_stephens_argument (n, d));
  if (ks_upper_tail (n, d))
    return 1.0 - 2.0 * ks_one_sided_upper (n, d);
  return ks_cdf_exact (n, d);
}

double
gof_ks_p_value (size_t n, double d)
{
  if (isnan (d) || n == 0)
    return NAN;
  if (d <= 0.5 / (double) n)
    return 1.0;
  if (d >= 1.0)
    return 0.0;
  if (n > GOF_KS_EXACT_MAX)
    return kolmogorov_upper (ks_stephens_argument (n, d));
  if (ks_upper_tail (n, d))
    return 2.0 * ks_one_sided_upper (n, d);
  return GSL_MAX (0.0, 1.0 - ks_cdf_exact (n, d));
}

/* D_n = max_i max(i/n - F(x_(i)), F(x_(i)) - (i-1)/n). */
gof_result
gof_ks (double *x, size_t n, gof_cdf cdf, void *params)
{
  if (n == 0 || any_nan (x, n))
    return result_nan (n, 0);
  gsl_sort (x, 1, n);
  double dn = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      double f = cdf (x[i], params);
      if (isnan (f))
        return result_nan (n, 0);
      double above = (double) (i + 1) / (double) n - f;
      double below = f - (double) i / (double) n;
      dn = GSL_MAX (dn, GSL_MAX (above, below));
    }
  gof_result r = { dn, gof_ks_p_value (n, dn), n, 0 };
  return r;
}

/* ------------------------------------------------ chi-square */

/* The point q in [lo, hi] with CDF(q) = target, by bisection to the last
   representable midpoint (CDF is only assumed monotone). */
static double
cdf_quantile_bisect (gof_cdf cdf, void *params, double target, double lo,
                     double hi)
{
  for (int it = 0; it < 2000; it++)
    {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi)
        break;
      if (cdf (mid, params) < target)
        lo = mid;
      else
        hi = mid;
    }
  return 0.5 * (lo + hi);
}

/* Index of the bin holding V: the number of edges strictly below V. */
static size_t
bin_of (const double *edges, size_t n_edges, double v)
{
  size_t a = 0, b = n_edges;
  while (a < b)
    {
      size_t mid = a + (b - a) / 2;
      if (edges[mid] < v)
        a = mid + 1;
      else
        b = mid;
    }
  return a;
}

/* X^2 = sum_j (O_j - n/k)^2 / (n/k) over k bins of mass 1/k each, with
   k - 1 degrees of freedom (no parameters estimated).  The chi-square
   approximation wants n/k >= 5 or so; that is the caller's choice. */
gof_result
gof_chisq_equal_mass (const double *x, size_t n, gof_cdf cdf, void *params,
                      size_t nbins, double lo, double hi)
{
  if (nbins < 2)
    GSL_ERROR_VAL ("gof_chisq_equal_mass: needs at least 2 bins",
                   GSL_EINVAL, result_nan (n, 0));
  if (!(lo < hi) || !(cdf (lo, params) < 1.0 / (double) nbins)
      || !(cdf (hi, params) > 1.0 - 1.0 / (double) nbins))
    GSL_ERROR_VAL ("gof_chisq_equal_mass: [lo, hi] does not bracket the "
                   "bin edges", GSL_EINVAL, result_nan (n, nbins - 1));
  if (n == 0 || any_nan (x, n))
    return result_nan (n, nbins - 1);

  double *edges = xmalloc ((nbins - 1) * sizeof *edges);
  size_t *count = xcalloc (nbins, sizeof *count);
  for (size_t j = 1; j < nbins; j++)
    edges[j - 1] = cdf_quantile_bisect (cdf, params,
                                        (double) j / (double) nbins, lo, hi);
  for (size_t i = 0; i < n; i++)
    count[bin_of (edges, nbins - 1, x[i])]++;

  double expected = (double) n / (double) nbins, x2 = 0.0;
  for (size_t j = 0; j < nbins; j++)
    {
      double dev = (double) count[j] - expected;
      x2 += dev * dev / expected;
    }
  free (edges);
  free (count);
  gof_result r = { x2, gsl_cdf_chisq_Q (x2, (double) (nbins - 1)), n,
    nbins - 1 };
  return r;
}

double
gof_ks_critical_value (size_t n, double alpha)
{
  double lo = 0, hi = 1;
  for (int i = 0; i < 200 && hi - lo > 1e-15; i++)
    {
      double mid = 0.5 * (lo + hi);
      *(gof_ks_p_value (n, mid) > alpha ? &lo : &hi) = mid;
    }
  return hi;
}

/* test_discrete.c -- unit tests for lib/discrete.c.
 *
 * References are independent of the code under test: small cases worked by
 * hand (in closed form with log of rationals), long-double brute force of
 * the definitions on random vectors, series expansions for nearly equal
 * vectors, and the special values the conventions fix (0 log 0 = 0,
 * p > 0 = q gives +inf, disjoint supports give JSD = log 2, NaN in gives
 * NaN out).  The seed is fixed and can be overridden with HARNESS_SEED. */
#include "discrete.h"
#include "vsum.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>

#define N_OF(a) (sizeof (a) / sizeof ((a)[0]))

static const double EPS = DBL_EPSILON;

/* ----------------------------------------------------------------------
 * Long-double brute force of the definitions (no log1p, no compensation)
 * ---------------------------------------------------------------------- */

static long double
brute_kl (const double *p, const double *q, size_t n)
{
  long double s = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] > 0)
      s += (long double) p[i] * (logl ((long double) p[i])
                                 - logl ((long double) q[i]));
  return s;
}

static long double
brute_entropy (const double *p, size_t n)
{
  long double s = 0;
  for (size_t i = 0; i < n; i++)
    if (p[i] > 0)
      s -= (long double) p[i] * logl ((long double) p[i]);
  return s;
}

/* JSD = 1/2 KL(p||r) + 1/2 KL(q||r) with r formed explicitly. */
static long double
brute_jsd (const double *p, const double *q, size_t n)
{
  long double s = 0;
  for (size_t i = 0; i < n; i++)
    {
      long double r = 0.5L * ((long double) p[i] + (long double) q[i]);
      if (p[i] > 0)
        s += 0.5L * p[i] * (logl ((long double) p[i]) - logl (r));
      if (q[i] > 0)
        s += 0.5L * q[i] * (logl ((long double) q[i]) - logl (r));
    }
  return s;
}

/* A random probability vector: Dirichlet(alpha, ..., alpha), with each
   entry zeroed with probability ZERO_FRAC (then renormalised). */
static void
random_distribution (const gsl_rng * r, size_t n, double alpha,
                     double zero_frac, double *p)
{
  double *a = calloc (n, sizeof *a);
  for (size_t i = 0; i < n; i++)
    a[i] = alpha;
  gsl_ran_dirichlet (r, n, a, p);
  free (a);
  double s = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (gsl_rng_uniform (r) < zero_frac)
        p[i] = 0;
      s += p[i];
    }
  if (s == 0)
    {
      p[0] = 1;
      s = 1;
    }
  for (size_t i = 0; i < n; i++)
    p[i] /= s;
}

/* ----------------------------------------------------------------------
 * Validation and normalisation
 * ---------------------------------------------------------------------- */

static void
test_validate (void)
{
  const double good[] = { 0.25, 0.5, 0.25 };
  const double zeros[] = { 0.0, 1.0, 0.0 };
  const double neg[] = { -0.25, 1.0, 0.25 };
  const double nan3[] = { 0.5, NAN, 0.5 };
  const double inf3[] = { INFINITY, 0.0, 0.0 };
  const double short_sum[] = { 0.25, 0.5, 0.2 };
  const double nan_neg[] = { -1.0, NAN, 2.0 };
  double tol = discrete_sum_tolerance (3);
  tap_ok (discrete_validate (good, 3, tol) == DISCRETE_OK, "validate: 1/4 1/2 1/4 is a distribution");
  tap_ok (discrete_validate (zeros, 3, tol) == DISCRETE_OK, "validate: zeros allowed");
  tap_ok (discrete_validate (good, 0, tol) == DISCRETE_EMPTY, "validate: n = 0 is empty");
  tap_ok (discrete_validate (neg, 3, 1.0) == DISCRETE_NEGATIVE, "validate: negative entry");
  tap_ok (discrete_validate (nan3, 3, 1.0) == DISCRETE_NAN, "validate: NaN entry");
  tap_ok (discrete_validate (inf3, 3, 1.0) == DISCRETE_INF, "validate: infinite entry");
  tap_ok (discrete_validate (nan_neg, 3, 1.0) == DISCRETE_NAN, "validate: NaN reported before negative");
  tap_ok (discrete_validate (short_sum, 3, tol) == DISCRETE_SUM, "validate: sum 0.95 rejected");
  tap_ok (discrete_validate (short_sum, 3, 0.06) == DISCRETE_OK, "validate: sum 0.95 within tolerance 0.06");
  /* 0.1 + 0.2 + 0.7 in binary is not exactly 1, but within the tolerance */
  const double tenths[] = { 0.1, 0.2, 0.7 };
  tap_ok (discrete_validate (tenths, 3, tol) == DISCRETE_OK, "validate: 0.1 0.2 0.7 within the default tolerance");
  const double off[] = { 0.1, 0.2, 0.7 + 1e-12 };
  tap_ok (discrete_validate (off, 3, tol) == DISCRETE_SUM, "validate: sum 1 + 1e-12 rejected by the default tolerance");
  tap_ok (discrete_strerror (DISCRETE_NEGATIVE) != NULL && discrete_strerror (999) != NULL,
          "strerror: known and unknown codes");
}

static void
test_normalize (const gsl_rng * r)
{
  const double w[] = { 1.0, 2.0, 1.0 };
  double p[3];
  tap_ok (discrete_normalize (w, 3, p) == DISCRETE_OK, "normalize: status ok");
  tap_ok (p[0] == 0.25 && p[1] == 0.5 && p[2] == 0.25, "normalize: 1 2 1 -> 1/4 1/2 1/4 exactly");
  const double huge[] = { DBL_MAX, DBL_MAX, DBL_MAX / 2 };
  tap_ok (discrete_normalize (huge, 3, p) == DISCRETE_OK && p[0] == 0.4
          && p[2] == 0.2, "normalize: weights near DBL_MAX do not overflow");
  const double tiny[] = { 4.9406564584124654e-324, 4.9406564584124654e-324 };
  tap_ok (discrete_normalize (tiny, 2, p) == DISCRETE_OK && p[0] == 0.5,
          "normalize: subnormal weights");
  const double zero[] = { 0.0, 0.0 };
  p[0] = 7;
  tap_ok (discrete_normalize (zero, 2, p) == DISCRETE_ZERO_SUM && p[0] == 7,
          "normalize: all zero -> ZERO_SUM, output untouched");
  const double negw[] = { 1.0, -1.0 };
  tap_ok (discrete_normalize (negw, 2, p) == DISCRETE_NEGATIVE, "normalize: negative weight");
  const double nanw[] = { 1.0, NAN };
  tap_ok (discrete_normalize (nanw, 2, p) == DISCRETE_NAN, "normalize: NaN weight");
  const double infw[] = { 1.0, INFINITY };
  tap_ok (discrete_normalize (infw, 2, p) == DISCRETE_INF, "normalize: infinite weight");
  tap_ok (discrete_normalize (w, 0, p) == DISCRETE_EMPTY, "normalize: n = 0");
  /* in place, and the result validates, for random lengths */
  int all_valid = 1;
  for (int k = 0; k < 200; k++)
    {
      size_t n = 1 + gsl_rng_uniform_int (r, 2000);
      double *v = malloc (n * sizeof *v);
      for (size_t i = 0; i < n; i++)
        v[i] = exp (20 * gsl_ran_gaussian (r, 1.0));
      all_valid &= discrete_normalize (v, n, v) == DISCRETE_OK
        && discrete_validate (v, n, discrete_sum_tolerance (n)) == DISCRETE_OK;
      free (v);
    }
  tap_ok (all_valid, "normalize: 200 random weight vectors (n up to 2000, weights e^(20 z)) validate in place");
}

static void
test_normalize_log (void)
{
  const double lw[] = { -1000.0, -1000.0 + M_LN2 };
  double p[3], lp[3];
  tap_ok (discrete_normalize_log (lw, 2, p, lp) == DISCRETE_OK, "normalize_log: status ok");
  /* the inputs themselves are rounded at magnitude 1000 (ulp 1.1e-13):
     log space is exact to a few ulps of max |log w|, no better */
  double tol_log = 4 * 1000 * EPS;
  tap_close (p[0], 1.0 / 3, tol_log, "normalize_log: e^-1000, 2 e^-1000 -> 1/3");
  tap_close (p[1], 2.0 / 3, tol_log, "normalize_log: ... and 2/3");
  tap_close (lp[0], -log (3.0), tol_log, "normalize_log: log p_0 = -log 3");
  const double lw2[] = { 0.0, -INFINITY, -2000.0 };
  tap_ok (discrete_normalize_log (lw2, 3, p, lp) == DISCRETE_OK && p[0] == 1.0 && p[1] == 0.0
          && p[2] == 0.0 && lp[2] == -2000.0 && lp[1] == -INFINITY,
          "normalize_log: -inf is a zero weight; log p keeps -2000 where p underflows");
  const double none[] = { -INFINITY, -INFINITY };
  tap_ok (discrete_normalize_log (none, 2, p, NULL) == DISCRETE_ZERO_SUM, "normalize_log: all -inf -> ZERO_SUM");
  const double pinf[] = { 0.0, INFINITY };
  tap_ok (discrete_normalize_log (pinf, 2, p, NULL) == DISCRETE_INF, "normalize_log: +inf -> INF");
  const double lnan[] = { 0.0, NAN };
  tap_ok (discrete_normalize_log (lnan, 2, p, NULL) == DISCRETE_NAN, "normalize_log: NaN -> NAN");
  tap_ok (discrete_normalize_log (lw, 0, p, NULL) == DISCRETE_EMPTY, "normalize_log: n = 0");
  double inplace[] = { log (1.0), log (3.0) };
  discrete_normalize_log (inplace, 2, inplace, NULL);
  tap_close (inplace[1], 0.75, 2 * EPS, "normalize_log: in place, 1 3 -> 1/4 3/4");
}

/* ----------------------------------------------------------------------
 * Entropy, cross-entropy, KL
 * ---------------------------------------------------------------------- */

static void
test_entropy (void)
{
  const double u4[] = { 0.25, 0.25, 0.25, 0.25 };
  const double point[] = { 0.0, 1.0, 0.0 };
  const double half[] = { 0.5, 0.25, 0.25 };
  tap_close (discrete_entropy (u4, 4), log (4.0), 2 * EPS, "entropy: uniform on 4 = log 4");
  tap_ok (discrete_entropy (point, 3) == 0.0, "entropy: point mass = 0 exactly (0 log 0 = 0)");
  tap_close (discrete_entropy (half, 3), 1.5 * M_LN2, 2 * EPS, "entropy: 1/2 1/4 1/4 = 3/2 log 2");
  const double bad[] = { 0.5, NAN, 0.5 };
  const double neg[] = { 1.5, -0.5 };
  tap_ok (isnan (discrete_entropy (bad, 3)), "entropy: NaN in -> NaN");
  tap_ok (isnan (discrete_entropy (neg, 2)), "entropy: negative entry -> NaN");
  tap_ok (discrete_entropy (u4, 0) == 0.0, "entropy: n = 0 -> 0 (empty sum)");
}

static void
test_cross_entropy (void)
{
  const double p[] = { 0.5, 0.5, 0.0 };
  const double q[] = { 0.25, 0.25, 0.5 };
  const double q0[] = { 0.5, 0.0, 0.5 };
  tap_close (discrete_cross_entropy (p, q, 3), log (4.0), 2 * EPS, "cross-entropy: H(1/2 1/2 0, 1/4 1/4 1/2) = log 4");
  tap_ok (discrete_cross_entropy (p, q0, 3) == INFINITY, "cross-entropy: p > 0 = q -> +inf");
  tap_ok (discrete_cross_entropy (q0, p, 3) == INFINITY, "cross-entropy: (reversed) p > 0 = q -> +inf");
  const double pz[] = { 1.0, 0.0 };
  const double qz[] = { 1.0, 0.0 };
  tap_ok (discrete_cross_entropy (pz, qz, 2) == 0.0, "cross-entropy: 0 log 0 = 0 where both vanish");
  const double qn[] = { 0.5, NAN, 0.5 };
  tap_ok (isnan (discrete_cross_entropy (p, qn, 3)), "cross-entropy: NaN in q -> NaN");
}

static void
test_kl_small_cases (void)
{
  const double p[] = { 0.5, 0.5 };
  const double q[] = { 0.25, 0.75 };
  /* 1/2 log 2 + 1/2 log(2/3) = 1/2 log(4/3) */
  tap_close (discrete_kl (p, q, 2), 0.5 * log (4.0 / 3.0), 4 * EPS, "KL(1/2 1/2 || 1/4 3/4) = 1/2 log(4/3)");
  /* 1/4 log(1/2) + 3/4 log(3/2) = 3/4 log 3 - log 2 */
  tap_close (discrete_kl (q, p, 2), 0.75 * log (3.0) - M_LN2, 4 * EPS, "KL(1/4 3/4 || 1/2 1/2) = 3/4 log 3 - log 2");
  const double pt[] = { 0.0, 1.0 };
  tap_close (discrete_kl (pt, p, 2), M_LN2, 2 * EPS, "KL(0 1 || 1/2 1/2) = log 2 (0 log 0 = 0)");
  tap_ok (discrete_kl (p, pt, 2) == INFINITY, "KL(1/2 1/2 || 0 1) = +inf (p > 0 = q)");
  tap_ok (discrete_kl (pt, pt, 2) == 0.0, "KL(0 1 || 0 1) = 0: outcomes outside supp p never count");
  tap_ok (discrete_kl (q, q, 2) == 0.0, "KL(q || q) = 0 exactly");
  const double a[] = { 0.25, 0.0, 0.75 };
  const double b[] = { 0.0, 1.0, 0.0 };
  tap_ok (discrete_kl (a, b, 3) == INFINITY && discrete_kl (b, a, 3) == INFINITY,
          "KL of disjoint supports = +inf both ways");
  const double pn[] = { NAN, 1.0 };
  tap_ok (isnan (discrete_kl (pn, p, 2)) && isnan (discrete_kl (p, pn, 2)), "KL: NaN in either -> NaN");
  const double qneg[] = { 1.5, -0.5 };
  tap_ok (isnan (discrete_kl (p, qneg, 2)), "KL: negative entry -> NaN");
  const double qi[] = { INFINITY, 0.5 };
  tap_ok (isnan (discrete_kl (p, qi, 2)), "KL: infinite entry -> NaN");
  const double p10[] = { 1.0, 0.0 }, qn2[] = { 0.5, NAN };
  tap_ok (isnan (discrete_kl (p10, qn2, 2)), "KL: NaN in q -> NaN even where p = 0");
  tap_ok (discrete_kl (p, q, 0) == 0.0, "KL: n = 0 -> 0 (empty sum)");
}

static void
test_kl_extremes (void)
{
  /* a naive p/q overflows: 1 / 4.9e-324 = inf */
  const double one[] = { 1.0 };
  const double sub[] = { 4.9406564584124654e-324 };
  tap_close (discrete_kl (one, sub, 1), 744.44007192138126, 1e-13,
             "KL(1 || 4.9e-324) = -log(2^-1074) = 744.44..., no overflow");
  tap_close (discrete_kl (sub, one, 1), sub[0] * -744.44007192138126, 2 * sub[0],
             "KL(4.9e-324 || 1): a subnormal mass");
  /* a = 1e-20 against b = 1: log1p((a - b)/b) would give -inf */
  const double pa[] = { 1e-20, 1.0 - 1e-20 };
  const double pb[] = { 1.0, 0.0 };
  tap_ok (discrete_kl (pa, pb, 2) == INFINITY, "KL with a vanishing q component is +inf");
  const double ga[] = { 1e-20 }, gb[] = { 1.0 };
  tap_close (discrete_gen_kl (ga, gb, 1), 1e-20 * log (1e-20), 1e-33,
             "gen KL 1e-20 log(1e-20 / 1): no cancellation in the ratio");
  /* nearly equal: Bernoulli(1/2 + d) || Bernoulli(1/2) =
     sum_k (2d)^(2k) / (2k (2k - 1)); d = 2^-e so that 1/2 +- d are exact.
     The result (~2d^2) is a small difference of terms of size d: the
     compensated sum must keep it to 1e-8 relative. */
  for (int e = 7; e <= 21; e += 7)
    {
      double d = ldexp (1.0, -e);
      const double p[] = { 0.5 + d, 0.5 - d };
      const double q[] = { 0.5, 0.5 };
      double x = 4 * d * d, series = 0, xk = x;
      for (int k = 1; k <= 6; k++, xk *= x)
        series += xk / (2.0 * k * (2.0 * k - 1));
      tap_close (discrete_kl (p, q, 2), series, 1e-8 * series,
                 "KL(Bernoulli(1/2 + 2^-%d) || Bernoulli(1/2)) to 1e-8 relative (series)", e);
    }
}

static void
test_kl_brute_force (const gsl_rng * r)
{
  double worst_kl = 0, worst_h = 0, worst_ce = 0;
  int nonneg = 1, bound_ok = 1;
  for (int k = 0; k < 500; k++)
    {
      size_t n = 1 + gsl_rng_uniform_int (r, 300);
      double *p = malloc (n * sizeof *p), *q = malloc (n * sizeof *q);
      double alpha = exp (gsl_ran_gaussian (r, 1.5));
      random_distribution (r, n, alpha, 0.2, p);
      random_distribution (r, n, alpha, 0.0, q);
      for (size_t i = 0; i < n; i++)
        q[i] = q[i] > 0 ? q[i] : 1e-300;        /* keep KL finite */
      double kl = discrete_kl (p, q, n);
      long double ref = brute_kl (p, q, n);
      double bound = discrete_gen_kl_rounding_bound (p, q, n);
      double err = fabs (kl - (double) ref);
      worst_kl = fmax (worst_kl, err / fmax (1e-300, bound));
      bound_ok &= err <= bound + 1e-18L * fabsl (ref);
      nonneg &= kl >= 0;
      long double h = brute_entropy (p, n);
      worst_h = fmax (worst_h, fabs (discrete_entropy (p, n) - (double) h)
                      / (4 * EPS * (double) (n + 1) * fmax (1.0, (double) h)));
      double ce = discrete_cross_entropy (p, q, n);
      worst_ce = fmax (worst_ce, fabs (ce - (double) (h + ref))
                       / (8 * EPS * (double) (n + 1) * fmax (1.0, ce)));
      free (p);
      free (q);
    }
  tap_ok (bound_ok, "KL: 500 random pairs (n up to 300, Dirichlet, zeros) within the rounding bound of long-double brute force (worst |err|/bound %.3g)", worst_kl);
  tap_ok (nonneg, "KL >= 0 on 500 random pairs (Gibbs)");
  tap_ok (worst_h <= 1, "entropy within 4 (n+1) eps of long-double brute force (worst %.3g of the tolerance)", worst_h);
  tap_ok (worst_ce <= 1, "cross-entropy = H(p) + KL(p||q) within 8 (n+1) eps (worst %.3g)", worst_ce);
}

/* ----------------------------------------------------------------------
 * JSD and the generalised KL
 * ---------------------------------------------------------------------- */

static void
test_jsd_small_cases (void)
{
  const double p[] = { 1.0, 0.0 };
  const double q[] = { 0.5, 0.5 };
  /* r = 3/4 1/4: KL(p||r) = log(4/3), KL(q||r) = 1/2 log(4/3) */
  tap_close (discrete_jsd (p, q, 2), 0.75 * log (4.0 / 3.0), 2 * EPS, "JSD(1 0, 1/2 1/2) = 3/4 log(4/3)");
  tap_ok (discrete_jsd (p, q, 2) == discrete_jsd (q, p, 2), "JSD symmetric");
  tap_ok (discrete_jsd (q, q, 2) == 0.0, "JSD(q, q) = 0 exactly");
  const double d1[] = { 0.5, 0.0, 0.25, 0.0, 0.25 };
  const double d2[] = { 0.0, 0.125, 0.0, 0.875, 0.0 };
  tap_ok (discrete_jsd (d1, d2, 5) == M_LN2, "JSD of disjoint supports (sums exactly 1) = log 2 exactly");
  const double e1[] = { 1.0, 0.0 }, e2[] = { 0.0, 1.0 };
  tap_ok (discrete_jsd (e1, e2, 2) == M_LN2, "JSD(point masses apart) = log 2 exactly");
  const double t1[] = { 0.1, 0.2, 0.0, 0.7 }, t2[] = { 0.0, 0.0, 1.0, 0.0 };
  tap_close (discrete_jsd (t1, t2, 4), M_LN2, 2 * EPS, "JSD of disjoint supports 0.1 0.2 0.7 vs 1 = log 2 within rounding");
  const double pn[] = { NAN, 1.0 };
  tap_ok (isnan (discrete_jsd (pn, q, 2)) && isnan (discrete_jsd (q, pn, 2)), "JSD: NaN in -> NaN");
  const double neg[] = { 1.5, -0.5 };
  tap_ok (isnan (discrete_jsd (neg, q, 2)), "JSD: negative entry -> NaN");
  /* tiny against large mass: log1p argument overflow path */
  const double ta[] = { 4.9406564584124654e-324, 1.0 };
  const double tb[] = { 1.0, 4.9406564584124654e-324 };
  tap_close (discrete_jsd (ta, tb, 2), M_LN2, 2 * EPS, "JSD(2^-1074 1, 1 2^-1074) = log 2 within rounding, no overflow");
  /* nearly equal: JSD ~ 1/8 sum (p - q)^2 / p; Bernoulli(1/2 + d) vs
     Bernoulli(1/2 - d): JSD = log 2 - H(1/2 + d) ... = sum_k (2d)^(2k) / (2k (2k - 1)) as well */
  double d = ldexp (1.0, -20);
  const double b1[] = { 0.5 + d, 0.5 - d }, b2[] = { 0.5 - d, 0.5 + d };
  double x = 4 * d * d;
  double series = x / 2 + x * x / 12;
  tap_close (discrete_jsd (b1, b2, 2), series, 1e-9 * series,
             "JSD(Bernoulli(1/2 + 2^-20), Bernoulli(1/2 - 2^-20)) to 1e-9 relative (series)");
}

static void
test_jsd_brute_force (const gsl_rng * r)
{
  double worst = 0;
  int in_range = 1, definition = 1, exact_disjoint = 1;
  for (int k = 0; k < 500; k++)
    {
      size_t n = 2 + gsl_rng_uniform_int (r, 300);
      double *p = malloc (n * sizeof *p), *q = malloc (n * sizeof *q);
      double *m = malloc (n * sizeof *m);
      double alpha = exp (gsl_ran_gaussian (r, 1.5));
      random_distribution (r, n, alpha, 0.3, p);
      random_distribution (r, n, alpha, 0.3, q);
      double jsd = discrete_jsd (p, q, n);
      long double ref = brute_jsd (p, q, n);
      double err = fabs (jsd - (double) ref);
      worst = fmax (worst, err / (8 * EPS * (double) n));
      in_range &= jsd >= 0 && jsd <= M_LN2 * (1 + 4 * EPS * (double) n);
      /* against the definition through discrete_kl and an explicit r */
      for (size_t i = 0; i < n; i++)
        m[i] = 0.5 * (p[i] + q[i]);
      double def = 0.5 * discrete_kl (p, m, n) + 0.5 * discrete_kl (q, m, n);
      definition &= fabs (def - jsd) <= 16 * EPS * (double) n;
      /* disjoint: p on the even outcomes, q on the odd, dyadic masses */
      for (size_t i = 0; i < n; i++)
        {
          p[i] = q[i] = 0;
        }
      size_t half = n / 2;
      for (size_t i = 0; i < half; i++)
        {
          p[2 * i] = ldexp (1.0, -(int) (i + 1));
          q[2 * i + 1] = ldexp (1.0, -(int) (i + 1));
        }
      p[2 * (half - 1)] *= 2;                 /* make the sums exactly 1 */
      q[2 * (half - 1) + 1] *= 2;
      exact_disjoint &= discrete_jsd (p, q, n) == M_LN2;
      free (p);
      free (q);
      free (m);
    }
  tap_ok (worst <= 1, "JSD: 500 random pairs within 8 n eps of long-double brute force (worst %.3g of the tolerance)", worst);
  tap_ok (in_range, "0 <= JSD <= log 2 on 500 random pairs");
  tap_ok (definition, "JSD = 1/2 KL(p||r) + 1/2 KL(q||r) with r = (p + q)/2 formed explicitly");
  tap_ok (exact_disjoint, "JSD = log 2 exactly for 500 disjoint dyadic pairs (n up to 301)");
}

static void
test_gen_kl (const gsl_rng * r)
{
  const double a[] = { 1.0, 2.0 }, b[] = { 3.0, 4.0 };
  /* 1 log(1/3) + 2 log(2/4) = -log 3 - 2 log 2 = -log 12 */
  tap_close (discrete_gen_kl (a, b, 2), -log (12.0), 4 * EPS, "gen KL(1 2 || 3 4) = -log 12 (may be negative)");
  const double z[] = { 0.0, 2.0 }, bz[] = { 0.0, 1.0 };
  tap_close (discrete_gen_kl (z, bz, 2), 2 * M_LN2, 4 * EPS, "gen KL(0 2 || 0 1) = 2 log 2 (0 log 0/0 = 0)");
  tap_ok (discrete_gen_kl (b, bz, 2) == INFINITY, "gen KL(a > 0 = b) = +inf");
  const double big[] = { 1e300, 1e300 }, small[] = { 1e-300, 1e-300 };
  tap_close (discrete_gen_kl (big, small, 2), 2e300 * 600 * log (10.0), 1e288,
             "gen KL(1e300 1e300 || 1e-300 1e-300) = 2e300 log 1e600, no overflow in the ratio");
  /* scaling: gen_kl(c p, c q) = c KL(p, q); log-sum inequality */
  int scaling = 1, log_sum = 1;
  for (int k = 0; k < 300; k++)
    {
      size_t n = 1 + gsl_rng_uniform_int (r, 100);
      double *p = malloc (n * sizeof *p), *q = malloc (n * sizeof *q);
      double *cp = malloc (n * sizeof *cp), *cq = malloc (n * sizeof *cq);
      random_distribution (r, n, 1.0, 0.0, p);
      random_distribution (r, n, 1.0, 0.0, q);
      double c = exp (gsl_ran_gaussian (r, 5.0));
      double sa = 0, sb = 0;
      for (size_t i = 0; i < n; i++)
        {
          cp[i] = c * p[i];
          cq[i] = c * q[i] * exp (gsl_ran_gaussian (r, 1.0));
          sa += cp[i];
          sb += cq[i];
        }
      double lhs = discrete_gen_kl (cp, cq, n);
      double bound = discrete_gen_kl_rounding_bound (cp, cq, n);
      log_sum &= lhs >= sa * log (sa / sb) - bound - 8 * EPS * fabs (sa * log (sa / sb)) * (double) n;
      for (size_t i = 0; i < n; i++)
        cq[i] = c * q[i];
      double scaled = discrete_gen_kl (cp, cq, n), kl = discrete_kl (p, q, n);
      scaling &= fabs (scaled - c * kl) <= discrete_gen_kl_rounding_bound (cp, cq, n)
        + c * discrete_gen_kl_rounding_bound (p, q, n) + 8 * EPS * c * (double) n;
      free (p);
      free (q);
      free (cp);
      free (cq);
    }
  tap_ok (scaling, "gen KL(c p || c q) = c KL(p || q) on 300 random pairs, c = e^(5 z)");
  tap_ok (log_sum, "log-sum inequality sum a log(a/b) >= A log(A/B) on 300 random vectors");
  const double an[] = { 1.0, NAN };
  tap_ok (isnan (discrete_gen_kl (an, b, 2)), "gen KL: NaN in -> NaN");
  tap_ok (discrete_gen_kl_rounding_bound (b, bz, 2) == 0.0, "rounding bound is 0 for an infinite value");
}


/* ----------------------------------------------------------------------
 * Reference values (tests/reference/gen_discrete.py, mpmath at 60 digits):
 * every actual error within the stated bound.
 * ---------------------------------------------------------------------- */

typedef struct
{
  reftsv_tally kl, jsd;
  double worst_rel;             /* of JSD, in units of u = DBL_EPSILON / 2 */
} discrete_ref;

/* One pair: its name, n, p, q, KL(p||q), JSD(p, q). */
static int
reference_case (char **fl, size_t nf, void *ctx)
{
  discrete_ref *t = ctx;
  size_t n = nf >= 6 ? strtoul (fl[1], NULL, 10) : 0;
  double *p = malloc ((n + 1) * sizeof *p), *q = malloc ((n + 1) * sizeof *q);
  int read = n > 0 && reftsv_doubles (fl[2], p, n) == n && reftsv_doubles (fl[3], q, n) == n;
  if (read)
    {
      reftsv_tally_add_text (&t->kl, fl[0], discrete_kl (p, q, n), fl[4],
                             discrete_gen_kl_rounding_bound (p, q, n));
      double got = discrete_jsd (p, q, n);
      long double want = strtold (fl[5], NULL);
      reftsv_tally_add_text (&t->jsd, fl[0], got, fl[5], discrete_jsd_rounding_bound (p, q, n));
      reftsv_tally_require (&t->jsd, fl[0], got >= 0, "JSD >= 0");
      if (want > 1e-300L)
        t->worst_rel = fmax (t->worst_rel, (double) (fabsl (got - want) / want) / (DBL_EPSILON / 2));
    }
  free (p);
  free (q);
  return read;
}

static void
test_reference (void)
{
  /* the infinite values (and a NaN result) exactly */
  discrete_ref t = { REFTSV_TALLY ("KL", REFTSV_SPECIAL), REFTSV_TALLY ("JSD", REFTSV_SPECIAL), 0 };
  int read = reftsv_each ("discrete", reference_case, &t);
  reftsv_tally_report (&t.kl, read, "KL within discrete_gen_kl_rounding_bound of mpmath on %d reference pairs (nearly equal, zeros, n up to 1000; worst error/bound %.3g)", t.kl.cases, t.kl.worst);
  reftsv_tally_report (&t.jsd, read, "JSD >= 0 and within discrete_jsd_rounding_bound on the same pairs (worst error/bound %.3g, %s; worst relative error %.3g u)", t.jsd.worst, t.jsd.worst_name, t.worst_rel);
}

/* The reproducer: JSD of nearly equal vectors summed as the
   definition reads (a log(2a/(a+b)) + b log(2b/(a+b)), parts of size
   |a - b| of both signs) keeps no relative accuracy.  References from
   gen_discrete.py (mpmath). */
static void
test_jsd_regressions (void)
{
  double d = ldexp (1.0, -40);
  const double b1[] = { 0.5 + d, 0.5 - d }, b2[] = { 0.5 - d, 0.5 + d };
  double want = 1.654361225106055349742818e-24;
  tap_close (discrete_jsd (b1, b2, 2), want, 50 * EPS * want,
             "JSD(Bernoulli(1/2 + 2^-40), Bernoulli(1/2 - 2^-40)) to 50 eps relative");
  tap_ok (discrete_jsd_rounding_bound (b1, b2, 2) <= 30 * EPS * want,
          "... and its stated bound is relative (%.3g)", discrete_jsd_rounding_bound (b1, b2, 2));
  /* q = p (1 + (i - 1) 1e-9): parts of size 1e-10, JSD 6e-20 */
  const double p3[] = { 0.25, 0.5, 0.25 };
  double q3[3];
  for (int i = 0; i < 3; i++)
    q3[i] = p3[i] * (1 + (i - 1) * 1e-9);
  /* exact: 1/2 sum T with T = a log(2a/(a+b)) + b log(2b/(a+b)); the
     series gives 1/8 sum (a - b)^2 / m to 1e-18 relative */
  long double s = 0;
  for (int i = 0; i < 3; i++)
    {
      long double a = p3[i], b = q3[i], m = (a + b) / 2, dl = (a - b) / (a + b);
      s += m * (dl * dl + dl * dl * dl * dl / 6);
    }
  double got = discrete_jsd (p3, q3, 3);
  tap_ok (fabsl (got - s / 2) <= 50 * EPS * (s / 2), "regression: JSD of p, p (1 +- 1e-9) to 50 eps relative (got %.17g, want %.17Lg)", got, s / 2);
}

/* ----------------------------------------------------------------------
 * The log-sum inequality's pieces: x log(x/y), the right side's bound,
 * Pinsker's bound on the gap, mixtures.  References: hand-worked values,
 * long-double brute force of A log(A/B) and of (A/2)||a/A - b/B||^2.
 * ---------------------------------------------------------------------- */

/* N positive entries e^(±5 u) in A and B, B = A (1 + NEAR z) when NEAR > 0 */
static void
positive_vectors (const gsl_rng * r, size_t n, double near, double *a, double *b)
{
  for (size_t i = 0; i < n; i++)
    {
      a[i] = exp (5 * (2 * gsl_rng_uniform (r) - 1));
      b[i] = near > 0 ? a[i] * (1 + near * gsl_ran_gaussian (r, 1.0))
        : exp (5 * (2 * gsl_rng_uniform (r) - 1));
    }
}

static void
test_xlogxy (void)
{
  tap_close (discrete_xlogxy (2, 1), 2 * M_LN2, 4 * EPS, "xlogxy(2, 1) = 2 log 2");
  tap_ok (discrete_xlogxy (0, 5) == 0 && discrete_xlogxy (3, 3) == 0,
          "xlogxy(0, 5) = 0, xlogxy(3, 3) = 0");
  tap_ok (discrete_xlogxy (1, 0) == INFINITY, "xlogxy(1, 0) = +inf");
  double x = 1 + 1e-12, v = discrete_xlogxy (x, 1), b = discrete_xlogxy_rounding_bound (x, 1);
  long double want = (long double) x * log1pl ((long double) x - 1);
  tap_ok (fabsl (v - want) <= b && b < 1e-26,
          "xlogxy(1 + 1e-12, 1) within its bound %.3g (relative accuracy kept)", b);
}

static void
test_log_sum_rhs_bound (const gsl_rng * r)
{
  double a[500], b[500];
  int ok = 1, control = 1;
  for (int k = 0; k < 200; k++)
    {
      size_t n = 1 + gsl_rng_uniform_int (r, 500);
      positive_vectors (r, n, 0, a, b);
      long double sa = 0, sb = 0;
      for (size_t i = 0; i < n; i++)
        sa += a[i], sb += b[i];
      long double want = sa * logl (sa / sb);
      double got = discrete_xlogxy (vsum_plain (a, n), vsum_plain (b, n));
      double bound = discrete_log_sum_rhs_rounding_bound (a, b, n);
      ok &= fabsl (got - want) <= bound;
      if (n >= 2)             /* B without its last term */
        {
          double dropped = discrete_xlogxy (vsum_plain (a, n), vsum_plain (b, n - 1));
          control &= fabsl (dropped - want) > bound;
        }
    }
  tap_ok (ok, "A log(A/B) of plain sums within discrete_log_sum_rhs_rounding_bound of long"
          " double, 200 pairs");
  tap_ok (control, "negative control: B summed over n - 1 terms lies outside that bound");
}

static void
test_pinsker (const gsl_rng * r)
{
  /* a = (1, 3), b = (1, 1): a/A = (1/4, 3/4), b/B = (1/2, 1/2), L1 = 1/2 */
  const double a2[] = { 1, 3 }, b2[] = { 1, 1 };
  tap_close (discrete_pinsker_gap (a2, b2, 2), 0.5, 4 * EPS,
             "Pinsker (4/2)(1/2)^2 = 1/2 for a = (1, 3), b = (1, 1)");
  double gap = discrete_gen_kl (a2, b2, 2) - discrete_xlogxy (4, 2);
  tap_ok (gap >= 0.5 && fabs (gap - (3 * log (3.0) - 4 * M_LN2)) < 8 * EPS,
          "its log-sum gap 3 log 3 - 4 log 2 = %.6f >= 1/2", gap);
  double a[500], b[500];
  int brute = 1, holds = 1, control = 0;
  for (int k = 0; k < 200; k++)
    {
      size_t n = 2 + gsl_rng_uniform_int (r, 499);
      positive_vectors (r, n, k % 2 ? 1e-3 : 0, a, b);
      long double sa = 0, sb = 0, l1 = 0;
      for (size_t i = 0; i < n; i++)
        sa += a[i], sb += b[i];
      for (size_t i = 0; i < n; i++)
        l1 += fabsl (a[i] / sa - b[i] / sb);
      double pin = discrete_pinsker_gap (a, b, n);
      brute &= fabsl (pin - 0.5L * sa * l1 * l1) <= discrete_pinsker_gap_rounding_bound (a, b, n);
      double g = discrete_log_sum_gap (a, b, n);
      double slack = discrete_gen_kl_rounding_bound (a, b, n)
        + discrete_log_sum_rhs_rounding_bound (a, b, n);
      holds &= g + slack >= pin - discrete_pinsker_gap_rounding_bound (a, b, n);
    }
  /* two outcomes, a near b: the gap ~ 2 e^2 = Pinsker's bound, so 4 times it fails */
  const double an[] = { 0.5 + 1e-3, 0.5 - 1e-3 }, bn[] = { 0.5, 0.5 };
  control = discrete_gen_kl (an, bn, 2) < 4 * discrete_pinsker_gap (an, bn, 2);
  tap_ok (brute, "Pinsker's bound within its rounding bound of long double, 200 pairs");
  tap_ok (holds, "the log-sum gap >= Pinsker's bound on 200 pairs (independent and"
          " near-proportional)");
  tap_ok (control, "negative control: 4 x Pinsker's bound exceeds the gap of (1/2 ± 1e-3)"
          " against (1/2, 1/2)");
}

static void
test_log_sum_gap (const gsl_rng * r)
{
  const double a2[] = { 1, 3 }, b2[] = { 1, 1 };
  tap_close (discrete_log_sum_gap (a2, b2, 2), 3 * log (3.0) - 4 * M_LN2, 8 * EPS,
             "log-sum gap of (1, 3) against (1, 1): 3 log 3 - 4 log 2");
  double a[300], b[300], ones[300];
  int brute = 1, equality = 1, control = 1;
  for (int k = 0; k < 200; k++)
    {
      size_t n = 2 + gsl_rng_uniform_int (r, 299);
      positive_vectors (r, n, 0, a, b);
      long double sa = 0, sb = 0, lhs = 0;
      for (size_t i = 0; i < n; i++)
        sa += a[i], sb += b[i], lhs += a[i] * logl ((long double) a[i] / b[i]);
      double bound = discrete_gen_kl_rounding_bound (a, b, n)
        + discrete_log_sum_rhs_rounding_bound (a, b, n);
      double gap = discrete_log_sum_gap (a, b, n);
      brute &= fabsl (gap - (lhs - sa * logl (sa / sb))) <= bound + EPS * fabs (gap);
      for (size_t i = 0; i < n; i++)
        b[i] = 0.25 * a[i], ones[i] = 1;
      equality &= fabs (discrete_log_sum_gap (a, b, n)) <= discrete_gen_kl_rounding_bound (a, b, n)
        + discrete_log_sum_rhs_rounding_bound (a, b, n);
      /* a = 1, b = w against a = w, b = 1: different gaps */
      control &= fabs (discrete_log_sum_gap (ones, a, n) - discrete_log_sum_gap (a, ones, n))
        > discrete_log_sum_rhs_rounding_bound (ones, a, n)
        + discrete_log_sum_rhs_rounding_bound (a, ones, n)
        + discrete_gen_kl_rounding_bound (ones, a, n) + discrete_gen_kl_rounding_bound (a, ones, n);
    }
  tap_ok (brute, "the log-sum gap within its sides' bounds of long double, 200 pairs");
  tap_ok (equality, "gap 0 within the bounds for proportional a = 4 b");
  tap_ok (control, "negative control: the roles exchanged (a = w, b = 1 for a = 1, b = w) give"
          " another gap");
}

static void
test_kl_convex (const gsl_rng * r)
{
  const double p1[] = { 1, 0 }, q1[] = { 0.5, 0.5 }, p2[] = { 0.3, 0.7 };
  double b, v = discrete_kl_convex (0.25, p1, q1, p2, p2, 2, &b);
  tap_close (v, 0.25 * M_LN2, b, "0.25 KL((1, 0) || (1/2, 1/2)) + 0.75 KL(p || p) = (log 2)/4");
  double a1[8], c1[8], a2[8], c2[8], mp[8], mq[8];
  int brute = 1, convex = 1, control = 1;
  for (int k = 0; k < 300; k++)
    {
      size_t n = 2 + gsl_rng_uniform_int (r, 7);
      random_distribution (r, n, 1.0, 0.0, a1), random_distribution (r, n, 1.0, 0.0, c1);
      random_distribution (r, n, 1.0, 0.0, a2), random_distribution (r, n, 1.0, 0.0, c2);
      double l = 0.05 + 0.4 * gsl_rng_uniform (r);
      v = discrete_kl_convex (l, a1, c1, a2, c2, n, &b);
      long double want = l * brute_kl (a1, c1, n) + (1 - (long double) l) * brute_kl (a2, c2, n);
      brute &= fabsl (v - want) <= b;
      discrete_mix (l, a1, a2, n, mp), discrete_mix (l, c1, c2, n, mq);
      convex &= discrete_kl (mp, mq, n) <= v + b + discrete_gen_kl_rounding_bound (mp, mq, n);
      double bx, crossed = discrete_kl_convex (1 - l, a1, c1, a2, c2, n, &bx);
      if (fabsl (brute_kl (a1, c1, n) - brute_kl (a2, c2, n)) > 0.05)
        control &= fabs (crossed - v) > b + bx;
    }
  tap_ok (brute, "λ KL1 + (1-λ) KL2 within its bound of long double, 300 quadruples");
  tap_ok (convex, "KL of the mixtures <= it (joint convexity), 300 quadruples");
  tap_ok (control, "negative control: the weights crossed lie outside the bound when KL1 != KL2");
}

static void
test_mix (void)
{
  const double p[] = { 1, 0, 0.5 }, q[] = { 0, 1, 0.5 };
  double m[3];
  discrete_mix (0.25, p, q, 3, m);
  tap_ok (m[0] == 0.25 && m[1] == 0.75 && m[2] == 0.5,
          "0.25 (1, 0, 1/2) + 0.75 (0, 1, 1/2) = (1/4, 3/4, 1/2)");
  discrete_mix (1, p, q, 3, m);
  tap_ok (m[0] == 1 && m[1] == 0 && m[2] == 0.5, "λ = 1 gives P");
  double pq[] = { 0.2, 0.8 }, qq[] = { 0.6, 0.4 };
  discrete_mix (0.5, pq, qq, 2, pq);
  tap_close (pq[0], 0.4, EPS, "in place (OUT = P): (0.2 + 0.6)/2 = 0.4");
  tap_close (pq[1], 0.6, EPS, "in place (OUT = P): (0.8 + 0.4)/2 = 0.6");
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, env && *env ? strtoul (env, NULL, 10) : 20261122UL);
  test_validate ();
  test_normalize (r);
  test_normalize_log ();
  test_entropy ();
  test_cross_entropy ();
  test_kl_small_cases ();
  test_kl_extremes ();
  test_kl_brute_force (r);
  test_jsd_small_cases ();
  test_jsd_brute_force (r);
  test_gen_kl (r);
  test_jsd_regressions ();
  test_xlogxy ();
  test_log_sum_rhs_bound (r);
  test_pinsker (r);
  test_log_sum_gap (r);
  test_kl_convex (r);
  test_mix ();
  test_reference ();
  gsl_rng_free (r);
  return tap_done ();
}

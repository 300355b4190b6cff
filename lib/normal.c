/* normal.c -- the univariate normal (see normal.h). */
#include "normal.h"
#include "estimate.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <math.h>

#define LOG_SQRT_2PI 0.91893853320467274178

/* (x - mu)/sigma, also where x - mu overflows and the quotient does not:
   halving is exact for such x and mu (|x|, |mu| >= 2^1023 / 2 >> DBL_MIN),
   so either way it is two roundings of the exact value. */
static double
standardise (double x, double mu, double sigma)
{
  double d = x - mu;
  if (isinf (d) && isfinite (x) && isfinite (mu))
    return 2 * ((0.5 * x - 0.5 * mu) / sigma);
  return d / sigma;
}

double
normal_log_pdf (double x, double mu, double sigma)
{
  double z = standardise (x, mu, sigma);
  return -0.5 * z * z - log (sigma) - LOG_SQRT_2PI;
}

double
normal_pdf (double x, double mu, double sigma)
{
  return exp (normal_log_pdf (x, mu, sigma));
}

double
normal_mass (double lo, double hi, double mu, double sigma)
{
  return gsl_cdf_gaussian_P (hi - mu, sigma) - gsl_cdf_gaussian_P (lo - mu, sigma);
}

double
normal_entropy (double sigma)
{
  return 0.5 + LOG_SQRT_2PI + log (sigma);
}

/* x - log(1 + x) for |x| <= 1/2, where its two terms cancel to ~x²/2.
   With t = x/(2 + x), log(1 + x) = 2 atanh t = 2 (t + t³/3 + t⁵/5 + ...)
   and x = 2t/(1 - t), so x - 2t = 2t²/(1 - t) and
       x - log(1 + x) = 2t² (1/(1 - t) - t/3 - t³/5 - t⁵/7 - ...),
   a bracket in [0.87, 1.12] for |t| <= 1/3 (x in [-1/2, 1/2]): nothing
   cancels.  The series stops at t^47, whose tail is below 3^-49 < 1e-23. */
static double
x_minus_log1p (double x)
{
  double t = x / (2 + x), t2 = t * t, s = 0, p = t;
  for (int k = 1; k <= 24; k++, p *= t2)
    s += p / (2 * k + 1);
  return 2 * t2 * (1 / (1 - t) - s);
}

/* KL = S + dm²/2, S = (r² - 1)/2 - log r, r = s1/s2, dm = (m1 - m2)/s2.
   Near r = 1 (|r - 1| <= 1/2) the naive form cancels -log r against r²/2
   and loses all relative accuracy of a tiny KL; there, with e = r - 1 =
   (s1 - s2)/s2 (s1 - s2 exact by Sterbenz's lemma),
       S = (e - log(1 + e)) + e²/2,
   a sum of non-negative terms.  Elsewhere the naive form, with log r as
   log s2 - log s1 when r underflows or overflows (then r² and KL are inf).

   Rounding (Higham 2.2, |d| <= u per operation; libm within an ulp, i.e.
   a relative 2u).  Near r = 1: e carries one rounding; e -> x - log1p(x)
   has relative condition x h'(x)/h(x) <= 2.6 on [-1/2, 1/2]; the
   evaluation of h from e: t (2 roundings, condition <= 3: 6u), t² (1),
   the bracket (1/(1 - t): 2; its series at most 12% of it, each term
   within 4u: < 1u), the products (2): so h within (2.6 + 6 + 1 + 3 + 2) u
   < 15u; e²/2 within 3u; dm² within 5u (m1 - m2, /s2, square); two more
   additions of non-negative terms: |fl(KL) - KL| <= gamma_18 KL, or
   gamma_24 KL with second-order terms to spare, plus an underflow of dm²
   or e² to the subnormal range (2 DBL_TRUE_MIN).
   Elsewhere: a sum of -log r (absolute u from r's rounding, relative 2u),
   r²/2 (3u), dm²/2 (5u) and -1/2 through 3 additions: at most gamma_10
   times M = |log r| + r²/2 + dm²/2 + 1/2 (with |log s1| + |log s2| for
   |log r| when r underflows, each log within 2u of its size). */
static double
kl_and_bound (double m1, double s1, double m2, double s2, double *bound)
{
  double r = s1 / s2, dm = standardise (m1, m2, s2), c = 0.5 * dm * dm;
  if (r >= 0.5 && r <= 1.5)
    {
      double e = (s1 - s2) / s2;
      double kl = x_minus_log1p (e) + 0.5 * e * e + c;
      *bound = est_gamma (24) * kl + 2 * DBL_TRUE_MIN;
      return kl;
    }
  double lr, mag;
  if (r >= DBL_MIN && r <= DBL_MAX)
    {
      lr = log (r);
      mag = fabs (lr);
    }
  else
    {
      double l1 = log (s1), l2 = log (s2);
      lr = l1 - l2;
      mag = fabs (l1) + fabs (l2);
    }
  double kl = -lr + 0.5 * (r * r + dm * dm) - 0.5;
  *bound = est_gamma (10) * (mag + 0.5 * r * r + c + 0.5);
  return kl;
}

double
normal_kl (double m1, double s1, double m2, double s2)
{
  double b;
  return kl_and_bound (m1, s1, m2, s2, &b);
}

/* ---- rounding bounds (Higham 2.2: each operation within a relative u;
   log and exp, as in glibc, within an ulp: 2u) ---- */

/* z = (x - mu)/sigma carries 2 roundings, z² then 5, -z²/2 - log sigma - c
   adds log's 2 and the constant's 1 and two subtractions: every term of
   the sum is within gamma_7 of itself, and so |error| <= gamma_7 M with
   M = z²/2 + |log sigma| + log sqrt(2 pi).  M is itself computed within
   gamma_3 of itself: gamma_10 M covers both.  An underflow of z or z² to
   the subnormal range is absolutely below u log sqrt(2 pi). */
double
normal_log_pdf_error_bound (double x, double mu, double sigma)
{
  double z = standardise (x, mu, sigma);
  return est_gamma (10) * (0.5 * z * z + fabs (log (sigma)) + LOG_SQRT_2PI);
}

/* exp of a computed log-density L' within b of the true L, exp within 2u:
   |fl(p) - p| <= p (expm1(b) + 2u), and p <= e^(L' + b); one more u for
   the rounding of this bound's e^(L' + b), and the subnormal spacing for
   an exp that underflows (where e^(L' + b) is 0, p and fl(p) are both
   below it). */
double
normal_pdf_error_bound (double x, double mu, double sigma)
{
  double b = normal_log_pdf_error_bound (x, mu, sigma);
  double p_hi = exp (normal_log_pdf (x, mu, sigma) + b);
  if (p_hi == 0)
    return 2 * DBL_TRUE_MIN;
  return (expm1 (b) + 3 * EST_U) * p_hi / (1 - 2 * EST_U) + 2 * DBL_TRUE_MIN;
}

/* (1/2 + log sqrt(2 pi)) is one rounded constant (2 roundings of a value
   1.42), log sigma within 2u, one addition: gamma_5 (1.42 + |log sigma|). */
double
normal_entropy_error_bound (double sigma)
{
  return est_gamma (5) * (0.5 + LOG_SQRT_2PI + fabs (log (sigma)));
}

double
normal_kl_error_bound (double m1, double s1, double m2, double s2)
{
  double b;
  kl_and_bound (m1, s1, m2, s2, &b);
  return b;
}

void
normal_log_ratio_coefficients (double m1, double s1, double m0, double s0,
                               double *theta)
{
  double v0 = s0 * s0, v1 = s1 * s1;
  theta[0] = -m1 * m1 / (2 * v1) + m0 * m0 / (2 * v0) - log (s1) + log (s0);
  theta[1] = m1 / v1 - m0 / v0;
  theta[2] = -1 / (2 * v1) + 1 / (2 * v0);
}

double
normal_tilt (double m, double s, double b, double c, double *center,
             double *scale)
{
  double precision = 1 / (s * s) - 2 * c;
  if (precision > 0)
    {
      *center = (m / (s * s) + b) / precision;
      *scale = 1 / sqrt (precision);
    }
  return precision;
}

rnd
normal_log_pdf_rnd (rnd x, rnd mu, double sigma)
{
  rnd s = rnd_exact (sigma), z = rnd_div (rnd_sub (x, mu), s);
  rnd lg = sigma == 1 ? rnd_exact (0) : rnd_log (s);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (z, z)), lg),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}

/* discrete.c -- probability vectors and their divergences (see discrete.h). */
#include "discrete.h"
#include "csum.h"
#include "logsumexp.h"
#include "vsum.h"

#include <float.h>
#include <math.h>

/* ----------------------------------------------------------------------
 * Validation and normalisation
 * ---------------------------------------------------------------------- */

const char *
discrete_strerror (int status)
{
  switch (status)
    {
    case DISCRETE_OK:
      return "a valid probability vector";
    case DISCRETE_EMPTY:
      return "the vector is empty";
    case DISCRETE_NAN:
      return "an entry is NaN";
    case DISCRETE_INF:
      return "an entry is infinite";
    case DISCRETE_NEGATIVE:
      return "an entry is negative";
    case DISCRETE_ZERO_SUM:
      return "every weight is zero";
    case DISCRETE_SUM:
      return "the entries do not sum to 1 within the tolerance";
    }
  return "unknown status";
}

double
discrete_sum_tolerance (size_t n)
{
  return 2.0 * ((double) n + 1.0) * DBL_EPSILON;
}

/* The first entry-wise failure over the whole vector, in the order NaN,
   infinite, negative; DISCRETE_OK if every entry is finite and >= 0. */
static int
entry_status (const double *w, size_t n)
{
  int nan = 0, inf = 0, neg = 0;
  for (size_t i = 0; i < n; i++)
    {
      nan |= isnan (w[i]);
      inf |= isinf (w[i]);
      neg |= w[i] < 0;
    }
  return nan ? DISCRETE_NAN : inf ? DISCRETE_INF
    : neg ? DISCRETE_NEGATIVE : DISCRETE_OK;
}

int
discrete_validate (const double *p, size_t n, double tol)
{
  if (n == 0)
    return DISCRETE_EMPTY;
  int status = entry_status (p, n);
  if (status != DISCRETE_OK)
    return status;
  csum s = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    csum_add (&s, p[i]);
  return fabs (csum_value (&s) - 1.0) <= tol ? DISCRETE_OK : DISCRETE_SUM;
}

int
discrete_normalize (const double *w, size_t n, double *p)
{
  if (n == 0)
    return DISCRETE_EMPTY;
  int status = entry_status (w, n);
  if (status != DISCRETE_OK)
    return status;
  double m = 0.0;
  for (size_t i = 0; i < n; i++)
    m = fmax (m, w[i]);
  if (m == 0.0)
    return DISCRETE_ZERO_SUM;
  /* compute: s = sum w_i / m, in [1, n], so nothing overflows */
  csum s = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    csum_add (&s, w[i] / m);
  double total = csum_value (&s);
  for (size_t i = 0; i < n; i++)
    p[i] = (w[i] / m) / total;
  return DISCRETE_OK;
}

int
discrete_normalize_log (const double *logw, size_t n, double *p,
                        double *logp)
{
  if (n == 0)
    return DISCRETE_EMPTY;
  int any_nan = 0, any_pos_inf = 0;
  for (size_t i = 0; i < n; i++)
    {
      any_nan |= isnan (logw[i]);
      any_pos_inf |= logw[i] == INFINITY;
    }
  if (any_nan)
    return DISCRETE_NAN;
  if (any_pos_inf)
    return DISCRETE_INF;
  double lse = log_sum_exp (logw, n);
  if (lse == -INFINITY)
    return DISCRETE_ZERO_SUM;
  for (size_t i = 0; i < n; i++)
    {
      double lp = logw[i] - lse;      /* read before P or LOGP may overwrite */
      if (logp)
        logp[i] = lp;
      p[i] = exp (lp);
    }
  return DISCRETE_OK;
}

/* ----------------------------------------------------------------------
 * Divergences
 * ---------------------------------------------------------------------- */

static int
invalid_entry (double x)
{
  return !(x >= 0) || isinf (x);        /* NaN, negative or infinite */
}

static int
any_invalid (const double *a, const double *b, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (invalid_entry (a[i]) || (b && invalid_entry (b[i])))
      return 1;
  return 0;
}

/* log(a / b) for a, b > 0.  Near a = b, log1p of the exactly computed
   relative difference keeps the small result accurate; for a < b/2 the
   argument of log1p would cancel against -1, and for huge ratios a / b
   could overflow, so there the logs are subtracted. */
static double
log_ratio (double a, double b)
{
  if (a >= 0.5 * b)
    {
      double x = (a - b) / b;
      if (isfinite (x))
        return log1p (x);
    }
  return log (a) - log (b);
}

double
discrete_entropy (const double *p, size_t n)
{
  if (any_invalid (p, NULL, n))
    return NAN;
  csum s = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    if (p[i] > 0)
      csum_add (&s, -p[i] * log (p[i]));
  return csum_value (&s);
}

double
discrete_cross_entropy (const double *p, const double *q, size_t n)
{
  if (any_invalid (p, q, n))
    return NAN;
  csum s = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      if (p[i] == 0)
        continue;               /* 0 log q = 0, whatever q */
      if (q[i] == 0)
        return INFINITY;
      csum_add (&s, -p[i] * log (q[i]));
    }
  return csum_value (&s);
}

double
discrete_gen_kl (const double *a, const double *b, size_t n)
{
  if (any_invalid (a, b, n))
    return NAN;
  csum s = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      if (a[i] == 0)
        continue;               /* 0 log(0 / b) = 0, also for b = 0 */
      if (b[i] == 0)
        return INFINITY;        /* a log(a / 0) = +inf for a > 0 */
      csum_add (&s, a[i] * log_ratio (a[i], b[i]));
    }
  return csum_value (&s);
}

double
discrete_kl (const double *p, const double *q, size_t n)
{
  return discrete_gen_kl (p, q, n);
}

/* The rounding of discrete_gen_kl, term by term (u = DBL_EPSILON / 2;
   log and log1p within 2 ulps, 4u).  log_ratio (a, b):
   - a >= b/2, by log1p((a - b)/b): the argument carries gamma_2 (a - b is
     exact for a <= 2b), log1p 4u, and its relative condition
     x / ((1+x) log1p x) is <= 1.443 for x >= -1/2: within 7u |l|;
   - a < b/2, by log a - log b: 4u (|log a| + |log b|) + u |l|.
   The product a l adds u |a l|.  So each term t = a l is within
     a (8u |l| + 4u (|log a| + |log b|))
   and, in the subnormal range, 2^-1073 more.  The terms have both signs;
   the compensated sum is within (2u + 4 n u^2) sum |t| (Higham (4.9)).
   This is a bound on the absolute error; relative to the value it is
   large when the terms cancel (nearly equal p, q: the value is ~ sum
   p e^2, the terms ~ p e), which is what the header says. */
double
discrete_gen_kl_rounding_bound (const double *a, const double *b, size_t n)
{
  const double u = DBL_EPSILON / 2;
  double per_term = 0.0, size = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      if (!(a[i] > 0))
        continue;
      if (!(b[i] > 0) || !isfinite (a[i]) || !isfinite (b[i]))
        return 0.0;             /* infinite or NaN: no rounding to bound */
      double l = log_ratio (a[i], b[i]);
      per_term += a[i] * (8.0 * fabs (l)
                          + 4.0 * (fabs (log (a[i])) + fabs (log (b[i]))));
      size += fabs (a[i] * l);
    }
  double dn = (double) n;
  return (u * per_term + (2.0 * u + 4.0 * dn * u * u) * size
          + dn * 0x1p-1073) * (1.0 + 2.0 * (dn + 8.0) * u);
}

double
discrete_xlogxy (double x, double y)
{
  return discrete_gen_kl (&x, &y, 1);
}

double
discrete_xlogxy_rounding_bound (double x, double y)
{
  return discrete_gen_kl_rounding_bound (&x, &y, 1);
}

/* ----------------------------------------------------------------------
 * The log-sum inequality's right side, Pinsker's bound on its gap, and
 * mixtures
 * ---------------------------------------------------------------------- */

double
discrete_log_sum_rhs_rounding_bound (const double *a, const double *b, size_t n)
{
  double sa = vsum_plain (a, n), sb = vsum_plain (b, n);
  return discrete_xlogxy_rounding_bound (sa, sb)
    + 2.0 * (double) n * DBL_EPSILON * sa * (fabs (log (sa / sb)) + 2.0);
}

double
discrete_log_sum_gap (const double *a, const double *b, size_t n)
{
  return discrete_gen_kl (a, b, n) - discrete_xlogxy (vsum_plain (a, n), vsum_plain (b, n));
}

double
discrete_pinsker_gap (const double *a, const double *b, size_t n)
{
  double sa = vsum_plain (a, n), sb = vsum_plain (b, n), l1 = 0;
  for (size_t i = 0; i < n; i++)
    l1 += fabs (a[i] / sa - b[i] / sb);
  return 0.5 * sa * l1 * l1;
}

double
discrete_pinsker_gap_rounding_bound (const double *a, const double *b, size_t n)
{
  double pin = discrete_pinsker_gap (a, b, n);
  return 4.0 * (double) n * DBL_EPSILON * (pin + vsum_plain (a, n));
}

double
discrete_kl_convex (double l, const double *p1, const double *q1, const double *p2,
                    const double *q2, size_t n, double *bound)
{
  double k1 = discrete_kl (p1, q1, n), k2 = discrete_kl (p2, q2, n);
  *bound = discrete_gen_kl_rounding_bound (p1, q1, n)
    + discrete_gen_kl_rounding_bound (p2, q2, n) + 4 * DBL_EPSILON * (k1 + k2);
  return l * k1 + (1 - l) * k2;
}

void
discrete_mix (double l, const double *p, const double *q, size_t n, double *out)
{
  for (size_t i = 0; i < n; i++)
    out[i] = l * p[i] + (1 - l) * q[i];
}

/* ----------------------------------------------------------------------
 * Jensen-Shannon divergence, as a sum of terms that are each >= 0.
 *
 * Per outcome with a = p_i > 0 and b = q_i > 0 the contribution to
 * 2 JSD is
 *   T(a, b) = a log(2a / (a + b)) + b log(2b / (a + b)),
 * a positive and a negative part that cancel: for nearly equal a, b each
 * is ~ (a - b)/2 and T ~ (a - b)^2 / (4a).  Summing the parts, as the
 * definition reads, leaves the rounding of the parts (u |a - b|) in a
 * result of size (a - b)^2: no relative accuracy at all.  Instead, with
 * w = a + b and delta = (a - b)/w,
 *   T = (w/2) phi(delta),  phi(d) = (1+d) log1p(d) + (1-d) log1p(-d)
 *                                 = sum_{k>=1} d^(2k) / (k (2k - 1)),
 * a series of positive terms.  Two regimes, chosen exactly:
 *
 * (i) b/2 <= a <= 2b, so |delta| <= 1/3 and x = delta^2 <= 1/9: phi by
 *     Horner on K = 17 terms (the tail is below 1e-19 relative).
 *     a - b is exact (Sterbenz), so delta^ = delta (1 + th), |th| <=
 *     gamma_2, and x^ = x (1 + th'), |th'| <= gamma_5.  phi's relative
 *     condition in x is sum k c_k x^k / sum c_k x^k <= 1.02 on [0, 1/9];
 *     Horner with positive coefficients (each rounded) at x >= 0 is
 *     within gamma_{2K} relative (Higham 5.1, (5.3)); the product w phi
 *     and the rounding of w add 2u:  |T^ - T| <= (1.02 gamma_5 + gamma_34
 *     + 2u) T <= 42 u T.
 * (ii) otherwise (ratio beyond 2): the two parts by log_two_a_over_sum,
 *     -log1p(((b - a)/a) / 2), whose argument is in [-1/2, -1/4) for
 *     the larger entry and > 1/4 for the smaller.  The argument carries
 *     gamma_2, log1p 4u and has relative condition x / ((1+x) log1p x)
 *     <= 1.443 there, so each log is within 6.9u, each part within 7.9u;
 *     where the argument overflows (ratio beyond DBL_MAX) the logs are
 *     subtracted, |log a| + |log b| <= 2.1 |log(2a/(a+b))|, within
 *     18.4u.  The parts cancel by at most (|pa| + |pb|) / T <= 5.78
 *     (the maximum, at ratio 2), so |T^ - T| <= (5.78 * 7.9u + u) T
 *     <= 47 u T.
 *
 * Outcomes where only one of a, b is positive contribute (mass) log 2:
 * the masses are summed apart (per side, compensated) and multiplied by
 * log 2 once, so disjoint supports summing to exactly 1 give exactly
 * log 2.
 *
 * The sum.  Every T^ >= 0, so the compensated sum of the n terms is
 * within (2u + 4 n u^2) of its exact value relatively (Higham (4.9)), and
 * relative errors of the terms pass to the sum unchanged: nothing
 * cancels.  log 2 * lone (5u) and the final addition (u) stay below that.
 * So, for entries that do not underflow,
 *   |JSD^ - JSD| <= (50 u + 4 n u^2) JSD,
 * and a product or square in the subnormal range adds at most
 * 2^-1073 (1 + w_i) per outcome (discrete_jsd_rounding_bound).
 * ---------------------------------------------------------------------- */

/* log(2a / (a + b)) = -log1p(((b - a) / a) / 2) for a > 0, b > 0 with a
   ratio beyond 2 either way; the halving is exact there (|(b-a)/a| > 1/2).
   Only the argument's overflow (b / a beyond DBL_MAX) needs the
   subtracted logs. */
static double
log_two_a_over_sum (double a, double b)
{
  double x = ((b - a) / a) * 0.5;
  if (isfinite (x))
    return -log1p (x);
  return M_LN2 + log (a) - log (b) - log1p (a / b);
}

#define JSD_SERIES_TERMS 17

/* phi(delta) for x = delta^2 <= 1/9: x sum_k x^(k-1) / (k (2k - 1)). */
static double
jsd_phi_series (double x)
{
  static const double c[JSD_SERIES_TERMS] = {
    1.0 / 1, 1.0 / 6, 1.0 / 15, 1.0 / 28, 1.0 / 45, 1.0 / 66, 1.0 / 91,
    1.0 / 120, 1.0 / 153, 1.0 / 190, 1.0 / 231, 1.0 / 276, 1.0 / 325,
    1.0 / 378, 1.0 / 435, 1.0 / 496, 1.0 / 561
  };
  double s = c[JSD_SERIES_TERMS - 1];
  for (int k = JSD_SERIES_TERMS - 2; k >= 0; k--)
    s = s * x + c[k];
  return s * x;
}

/* T(a, b) = a log(2a/(a+b)) + b log(2b/(a+b)) >= 0 for a, b > 0. */
static double
jsd_term (double a, double b)
{
  if (a > 2 * b || b > 2 * a)
    return a * log_two_a_over_sum (a, b) + b * log_two_a_over_sum (b, a);
  double scale = 1.0;
  if (isinf (a + b))            /* entries near DBL_MAX: halve, exactly */
    {
      a *= 0.5;
      b *= 0.5;
      scale = 2.0;
    }
  double w = a + b, delta = (a - b) / w;
  return scale * (0.5 * w) * jsd_phi_series (delta * delta);
}

double
discrete_jsd (const double *p, const double *q, size_t n)
{
  if (any_invalid (p, q, n))
    return NAN;
  csum lone_p = { 0, 0 }, lone_q = { 0, 0 }, both = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      double a = p[i], b = q[i];
      if (a > 0 && b > 0)
        csum_add (&both, jsd_term (a, b));
      else if (a > 0)
        csum_add (&lone_p, a);
      else if (b > 0)
        csum_add (&lone_q, b);
    }
  double lone = csum_value (&lone_p) + csum_value (&lone_q);
  return 0.5 * (M_LN2 * lone + csum_value (&both));
}

double
discrete_jsd_rounding_bound (const double *p, const double *q, size_t n)
{
  if (any_invalid (p, q, n))
    return 0.0;                 /* NaN: a refusal, not a rounded number */
  const double u = DBL_EPSILON / 2;
  double mass = 0.0;
  for (size_t i = 0; i < n; i++)
    mass += p[i] + q[i];
  double jsd = discrete_jsd (p, q, n), dn = (double) n;
  double rel = 50.0 * u + 4.0 * dn * u * u;
  /* J <= J^ / (1 - rel); the bound's own few roundings: 1 + 8u */
  return (rel * jsd / (1.0 - rel) + 0x1p-1073 * (dn + mass))
    * (1.0 + 8.0 * u + 2.0 * dn * u);
}

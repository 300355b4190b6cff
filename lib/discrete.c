/* discrete.c -- probability vectors and their divergences (see discrete.h). */
#include "discrete.h"
#include "logsumexp.h"

#include <float.h>
#include <math.h>

/* ----------------------------------------------------------------------
 * Compensated summation (Neumaier 1974): divergences of nearly equal
 * vectors are small sums of large terms of both signs.
 * ---------------------------------------------------------------------- */

typedef struct
{
  double sum, comp;
} csum;

static void
csum_add (csum * s, double x)
{
  double t = s->sum + x;
  if (fabs (s->sum) >= fabs (x))
    s->comp += (s->sum - t) + x;
  else
    s->comp += (x - t) + s->sum;
  s->sum = t;
}

static double
csum_value (const csum * s)
{
  return s->sum + s->comp;
}

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

double
discrete_gen_kl_rounding_bound (const double *a, const double *b, size_t n)
{
  double per_term = 0.0, size = 0.0;
  for (size_t i = 0; i < n; i++)
    {
      if (!(a[i] > 0))
        continue;
      if (!(b[i] > 0) || !isfinite (a[i]) || !isfinite (b[i]))
        return 0.0;             /* infinite or NaN: no rounding to bound */
      double t = a[i] * log_ratio (a[i], b[i]);
      per_term += a[i] * (fabs (log (a[i])) + fabs (log (b[i])) + 1.0);
      size += fabs (t);
    }
  return 4.0 * DBL_EPSILON * per_term + (double) n * DBL_EPSILON * size;
}

/* log(2a / (a + b)) = -log1p((b - a) / (2a)) for a > 0, b > 0.  The
   argument is >= -1/2, so log1p never cancels; only its overflow (b / a
   beyond DBL_MAX) needs the subtracted logs. */
static double
log_two_a_over_sum (double a, double b)
{
  double x = ((b - a) * 0.5) / a;
  if (isfinite (x))
    return -log1p (x);
  return M_LN2 + log (a) - log (b) - log1p (a / b);
}

double
discrete_jsd (const double *p, const double *q, size_t n)
{
  if (any_invalid (p, q, n))
    return NAN;
  /* Outcomes where only one side is positive contribute (mass) log 2 / 2;
     their masses are summed apart, per side, and multiplied once. */
  csum lone_p = { 0, 0 }, lone_q = { 0, 0 }, both = { 0, 0 };
  for (size_t i = 0; i < n; i++)
    {
      double a = p[i], b = q[i];
      if (a > 0 && b > 0)
        {
          csum_add (&both, a * log_two_a_over_sum (a, b));
          csum_add (&both, b * log_two_a_over_sum (b, a));
        }
      else if (a > 0)
        csum_add (&lone_p, a);
      else if (b > 0)
        csum_add (&lone_q, b);
    }
  double lone = csum_value (&lone_p) + csum_value (&lone_q);
  return 0.5 * (M_LN2 * lone + csum_value (&both));
}

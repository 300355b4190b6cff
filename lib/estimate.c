/* estimate.c -- estimates and their arithmetic (see estimate.h). */
#include "estimate.h"
#include "errors.h"

#include <math.h>

double
est_gamma (double n)
{
  return n * EST_U / (1 - n * EST_U);
}

estimate
est_exact (double value, double rounding_bound)
{
  estimate e = { value, fabs (rounding_bound), EST_EXACT, 0 };
  return e;
}

estimate
est_mc (double mean, double se)
{
  estimate e = { mean, se, EST_MC, 0 };
  return e;
}

estimate
est_mc_acc (const mc_acc * a)
{
  return est_mc (mc_mean (a), mc_se (a));
}

estimate
est_opt (double value, double tolerance)
{
  estimate e = { value, fabs (tolerance), EST_OPT, 0 };
  return e;
}

estimate
est_numeric (double value, double error_bound)
{
  estimate e = { value, fabs (error_bound), EST_NUMERIC, 0 };
  return e;
}

double
est_se (estimate e)
{
  return e.kind == EST_MC ? e.err : 0.0;
}

double
est_bound (estimate e)
{
  return e.kind == EST_MC ? e.bound : e.err;
}

/* The kind of a combination: random if either part is, else the less
   exact of the two (an optimiser's tolerance dominates a rounding bound). */
static est_kind
combined_kind (estimate a, estimate b)
{
  if (a.kind == EST_MC || b.kind == EST_MC)
    return EST_MC;
  return a.kind > b.kind ? a.kind : b.kind;
}

static estimate
combine (double value, estimate a, estimate b, double extra_bound)
{
  estimate e;
  e.value = value;
  e.kind = combined_kind (a, b);
  double bound = est_bound (a) + est_bound (b) + extra_bound;
  if (e.kind == EST_MC)
    {
      e.err = hypot (est_se (a), est_se (b));
      e.bound = bound;
    }
  else
    {
      e.err = bound;
      e.bound = 0;
    }
  return e;
}

estimate
est_add (estimate a, estimate b)
{
  double v = a.value + b.value;
  return combine (v, a, b, EST_U * fabs (v));
}

estimate
est_sub (estimate a, estimate b)
{
  double v = a.value - b.value;
  return combine (v, a, b, EST_U * fabs (v));
}

estimate
est_scale (double c, estimate a)
{
  estimate zero = est_exact (0, 0);
  estimate e = combine (c * a.value, a, zero, EST_U * fabs (c * a.value));
  if (e.kind == EST_MC)
    {
      e.err = fabs (c) * est_se (a);
      e.bound = fabs (c) * est_bound (a) + EST_U * fabs (c * a.value);
    }
  else
    e.err = fabs (c) * est_bound (a) + EST_U * fabs (c * a.value);
  return e;
}

estimate
est_sum_terms (const double *t, size_t n, double rel)
{
  double s = 0, abs_sum = 0;
  for (size_t i = 0; i < n; i++)
    {
      s += t[i];
      abs_sum += fabs (t[i]);
    }
  double g = n > 1 ? est_gamma ((double) (n - 1)) : 0.0;
  return est_exact (s, (g + rel) * abs_sum);
}

estimate
est_log (estimate v)
{
  if (v.kind == EST_MC)
    die_internal ("est_log: a Monte Carlo estimate (%g ± %g SE) has no"
                  " deterministic log bound", v.value, v.err);
  if (!(v.value > v.err))
    die_runtime ("the estimate %g ± %g is too uncertain to take its log",
                 v.value, v.err);
  double l = log (v.value);
  estimate e = { l, v.err / (v.value - v.err) + 2 * EST_U * fabs (l), v.kind, 0 };
  return e;
}

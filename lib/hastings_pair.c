/* hastings_pair.c -- a proposal pair and its acceptance (see
   hastings_pair.h). */
#include "hastings_pair.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <math.h>

hastings_pair
hastings_pair_at (const point * p, double (*log_pi) (const double *x, void *params),
                  void *params)
{
  const double *v = p->v;
  hastings_pair q = { {v[0], v[1]}, {v[0] + v[4] * v[2], v[1] + v[4] * v[3]}, v[4], 0, 0 };
  q.lp = log_pi (q.x, params);
  q.lpp = log_pi (q.xp, params);
  return q;
}

/* exp(y)'s relative error is about u (|y| + 1): the error of y itself, a
   few ulps of |y|, is amplified by exp into the same relative error. */
double
hastings_pair_ratio_bound (const hastings_pair * q, double log_q, double ratio)
{
  return 4 * DBL_EPSILON * (fabs (q->lp) + fabs (q->lpp) + 2 * fabs (log_q) + 16) * ratio;
}

estimate
hastings_pair_acceptance (const hastings_pair * q, double ratio, double log_q)
{
  double a = GSL_MIN (1.0, ratio);
  return est_exact (a, hastings_pair_ratio_bound (q, log_q, a));
}

estimate
hastings_pair_accept_in_logs (hastings_pair q)
{
  double a = exp (GSL_MIN (0.0, q.lpp - q.lp));
  return est_exact (a, hastings_pair_ratio_bound (&q, 0, a));
}

double
hastings_pair_iso_normal (double v1, double v2, double s)
{
  return exp (-(v1 * v1 + v2 * v2) / (2 * s * s)) / (2 * M_PI * s * s);
}

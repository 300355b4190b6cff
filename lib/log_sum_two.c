/* log_sum_two.c -- the two-term log-sum inequality (see log_sum_two.h). */
#include "log_sum_two.h"
#include "complex_step.h"
#include "discrete.h"
#include "errors.h"
#include "minimize.h"

#include <float.h>
#include <math.h>

log_sum_two
log_sum_two_at (const double *v)
{
  log_sum_two t = { v[0], v[1], v[2], v[3], v[4] };
  return t;
}

double
log_sum_two_mix_p (const log_sum_two * t)
{
  return t->lambda * t->p1 + (1 - t->lambda) * t->p2;
}

double
log_sum_two_mix_q (const log_sum_two * t)
{
  return t->lambda * t->q1 + (1 - t->lambda) * t->q2;
}

double
log_sum_two_lhs (const log_sum_two * t)
{
  return discrete_xlogxy (log_sum_two_mix_p (t), log_sum_two_mix_q (t));
}

double
log_sum_two_rhs (const log_sum_two * t)
{
  return t->lambda * discrete_xlogxy (t->p1, t->q1)
    + (1 - t->lambda) * discrete_xlogxy (t->p2, t->q2);
}

double
log_sum_two_gap (const log_sum_two * t)
{
  return log_sum_two_rhs (t) - log_sum_two_lhs (t);
}

double
log_sum_two_bound (const log_sum_two * t)
{
  double mp = log_sum_two_mix_p (t), mq = log_sum_two_mix_q (t);
  return 2.0 * (discrete_xlogxy_rounding_bound (mp, mq)
                + discrete_xlogxy_rounding_bound (t->p1, t->q1)
                + discrete_xlogxy_rounding_bound (t->p2, t->q2))
    + 8.0 * DBL_EPSILON * (fabs (log_sum_two_lhs (t)) + fabs (log_sum_two_rhs (t)) + mp);
}

estimate
log_sum_two_lhs_exact (const log_sum_two * t)
{
  return est_exact (log_sum_two_lhs (t), log_sum_two_bound (t));
}

/* Only q1 is complex: the second term of the right side and m_p are
   real, and log p1 - log q1 keeps the first term analytic in q1. */
double complex
log_sum_two_gap_of_q1 (double complex q1, void *params)
{
  const log_sum_two *t = params;
  double l = t->lambda, mp = log_sum_two_mix_p (t);
  double complex mq = l * q1 + (1 - l) * t->q2;
  return l * t->p1 * (log (t->p1) - clog (q1)) + (1 - l) * discrete_xlogxy (t->p2, t->q2)
    - mp * (log (mp) - clog (mq));
}

double
log_sum_two_dgap (const log_sum_two * t)
{
  return -t->lambda * t->p1 / t->q1 + t->lambda * log_sum_two_mix_p (t) / log_sum_two_mix_q (t);
}

double
log_sum_two_dgap_complex_step (const log_sum_two * t)
{
  return complex_step_derivative (log_sum_two_gap_of_q1, (void *) t, t->q1);
}

double
log_sum_two_dgap_bound (const log_sum_two * t)
{
  return 16.0 * DBL_EPSILON * (t->p1 / t->q1 + log_sum_two_mix_p (t) / log_sum_two_mix_q (t));
}

/* F over s = log q1, for the minimiser: q1 spans e^±15 on an even grid. */
static double
gap_of_log_q1 (double s, void *params)
{
  log_sum_two t = *(const log_sum_two *) params;
  t.q1 = exp (s);
  return log_sum_two_gap (&t);
}

estimate
log_sum_two_argmin_log_q1 (const log_sum_two * t0)
{
  if (t0->lambda <= 0 || t0->lambda >= 1)
    {
      double s = log (t0->p1 * t0->q2 / t0->p2);
      return est_exact (s, 4 * DBL_EPSILON * (fabs (s) + 1));
    }
  min1d_result m = minimize_1d_grid (gap_of_log_q1, (void *) t0, -15.0, 15.0, 61, 1e-6, 0.0, 200);
  if (!m.converged)
    die_runtime ("Brent did not converge on F(q1) (λ = %g)", t0->lambda);
  /* compute: F_ss = F''(q1) q1^2, the curvature in s, at the minimiser */
  log_sum_two t = *t0;
  t.q1 = exp (m.x);
  double f2 = complex_step_second_difference (log_sum_two_gap_of_q1, &t, t.q1, 1e-6 * t.q1);
  double fss = fmax (f2 * t.q1 * t.q1, 1e-300);
  double sides = fabs (log_sum_two_lhs (&t)) + fabs (log_sum_two_rhs (&t));
  double noise = 8.0 * DBL_EPSILON * (sides + 1.0);
  return est_opt (m.x, m.x_err + 2.0 * sqrt (2.0 * noise / fss));
}

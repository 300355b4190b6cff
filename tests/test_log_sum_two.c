/* test_log_sum_two.c -- lib/log_sum_two against references it does not use.
 *
 * The sides and F = RHS - LHS: a case worked by hand (λ = 1/2, p = (1, 3),
 * q = (1, 1): LHS = 2 log 2, RHS = (3/2) log 3) and, at random points, the
 * sides written out in long double with plain logs, within the stated
 * bound; F >= 0 everywhere and F = 0 at q = p/k.  ∂F/∂q1: the closed form
 * and the complex step against a central difference of F in long double
 * (an independent algorithm, within its truncation).  The minimiser over
 * log q1: against the closed form log(p1 q2 / p2), also at λ = 0 and 1.
 * Negative controls: the seed's ∂F/∂q1 without the chain rule's λ, the
 * left side with its ratio inverted, and the seed's wrong stationary point
 * q1 = λp1q2/(λp1 + p2) must each lie outside the bound. */
#include "log_sum_two.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_rng.h>
#include <math.h>

/* The sides and F in long double, as written (the reference). */
static long double
lhs_ld (const log_sum_two * t)
{
  long double l = t->lambda, mp = l * t->p1 + (1 - l) * t->p2, mq = l * t->q1 + (1 - l) * t->q2;
  return mp * logl (mp / mq);
}
static long double
rhs_ld (const log_sum_two * t)
{
  long double l = t->lambda;
  return l * t->p1 * logl ((long double) t->p1 / t->q1)
    + (1 - l) * t->p2 * logl ((long double) t->p2 / t->q2);
}
static long double
gap_ld (const log_sum_two * t, long double q1)
{
  log_sum_two s = *t;
  long double l = s.lambda, mp = l * s.p1 + (1 - l) * s.p2, mq = l * q1 + (1 - l) * s.q2;
  return l * s.p1 * logl (s.p1 / q1) + (1 - l) * s.p2 * logl ((long double) s.p2 / s.q2)
    - mp * logl (mp / mq);
}
/* ∂F/∂q1 by the central difference of F in long double, step h = 1e-4 q1:
   truncation h^2 |F'''| / 6, rounding 2^-63 |F| / h */
static double
dgap_central (const log_sum_two * t)
{
  long double h = 1e-4L * t->q1;
  return (double) ((gap_ld (t, t->q1 + h) - gap_ld (t, t->q1 - h)) / (2 * h));
}

static void
test_by_hand (void)
{
  double v[5] = { 0.5, 1.0, 3.0, 1.0, 1.0 };
  log_sum_two t = log_sum_two_at (v);
  tap_ok (t.lambda == 0.5 && t.p1 == 1 && t.p2 == 3 && t.q1 == 1 && t.q2 == 1,
          "log_sum_two_at reads (λ, p1, p2, q1, q2) in order");
  tap_close (log_sum_two_mix_p (&t), 2.0, 0, "m_p = 2 by hand");
  tap_close (log_sum_two_mix_q (&t), 1.0, 0, "m_q = 1 by hand");
  double b = log_sum_two_bound (&t);
  tap_close (log_sum_two_lhs (&t), 2 * M_LN2, b, "LHS = 2 log 2 within %.3g", b);
  tap_close (log_sum_two_rhs (&t), 1.5 * log (3.0), b, "RHS = (3/2) log 3 within %.3g", b);
  tap_close (log_sum_two_gap (&t), 1.5 * log (3.0) - 2 * M_LN2, 2 * b, "F = RHS - LHS by hand");
  estimate e = log_sum_two_lhs_exact (&t);
  tap_ok (e.value == log_sum_two_lhs (&t) && e.err == b, "lhs_exact: the left side within its bound");
  /* ∂F/∂q1 at q1 = 1: -1/2 + (1/2)(2/1) = 1/2 */
  tap_close (log_sum_two_dgap (&t), 0.5, log_sum_two_dgap_bound (&t), "∂F/∂q1 = 1/2 by hand");
  tap_close (log_sum_two_dgap_complex_step (&t), 0.5, log_sum_two_dgap_bound (&t),
             "complex step: ∂F/∂q1 = 1/2");
}

/* A random point: λ uniform on [0.05, 0.95], the rest log-uniform on e^±3. */
static log_sum_two
random_point (gsl_rng * r)
{
  double v[5] = { 0.05 + 0.9 * gsl_rng_uniform (r) };
  for (int i = 1; i < 5; i++)
    v[i] = exp (3.0 * (2 * gsl_rng_uniform (r) - 1));
  return log_sum_two_at (v);
}

static void
test_sides (gsl_rng * r)
{
  int lhs_ok = 1, rhs_ok = 1, gap_ok = 1, zero_ok = 1, inverted_caught = 0;
  const int n = 2000;
  for (int i = 0; i < n; i++)
    {
      log_sum_two t = random_point (r);
      double b = log_sum_two_bound (&t), lhs = log_sum_two_lhs (&t);
      double slack = 8 * DBL_EPSILON * (fabs (lhs) + 1);  /* the reference's own rounding */
      lhs_ok &= fabsl (lhs - lhs_ld (&t)) <= b + slack;
      rhs_ok &= fabsl (log_sum_two_rhs (&t) - rhs_ld (&t)) <= b + slack;
      gap_ok &= log_sum_two_gap (&t) >= -2 * b;
      /* negative control: the left side with its log's ratio inverted */
      double mp = log_sum_two_mix_p (&t), mq = log_sum_two_mix_q (&t);
      inverted_caught += fabsl (mp * log (mq / mp) - lhs_ld (&t)) > b + slack;
      /* q = p/k: the equality case */
      double k = exp (2 * gsl_rng_uniform (r) - 1);
      log_sum_two z = t;
      z.q1 = z.p1 / k, z.q2 = z.p2 / k;
      zero_ok &= fabs (log_sum_two_gap (&z)) <= 2 * log_sum_two_bound (&z);
    }
  tap_ok (lhs_ok, "LHS within its bound of long double at %d random points", n);
  tap_ok (rhs_ok, "RHS within its bound of long double at %d random points", n);
  tap_ok (gap_ok, "F = RHS - LHS >= 0 within the bounds at %d random points", n);
  tap_ok (zero_ok, "F = 0 within the bounds at q = p/k (%d points)", n);
  tap_ok (inverted_caught > n * 9 / 10, "negative control: LHS with the ratio inverted"
          " caught at %d of %d points", inverted_caught, n);
}

static void
test_derivative (gsl_rng * r)
{
  int closed_ok = 1, cs_ok = 1, seed_caught = 0;
  double worst = 0;
  const int n = 2000;
  for (int i = 0; i < n; i++)
    {
      log_sum_two t = random_point (r);
      double d = log_sum_two_dgap (&t), cs = log_sum_two_dgap_complex_step (&t);
      double b = log_sum_two_dgap_bound (&t), fd = dgap_central (&t);
      /* the central difference's truncation, ~1e-8 of the terms' size */
      double fd_tol = 1e-7 * (t.p1 / t.q1 + log_sum_two_mix_p (&t) / log_sum_two_mix_q (&t));
      closed_ok &= fabs (d - fd) <= fd_tol;
      cs_ok &= fabs (cs - d) <= b;
      worst = fmax (worst, fabs (cs - d) / b);
      /* negative control: the seed's derivative, no λ on the second term */
      double seed = -t.lambda * t.p1 / t.q1 + log_sum_two_mix_p (&t) / log_sum_two_mix_q (&t);
      seed_caught += fabs (seed - cs) > b;
    }
  tap_ok (closed_ok, "∂F/∂q1 closed form = central difference in long double (%d points)", n);
  tap_ok (cs_ok, "complex step = closed form within the bound (%d points, worst %.3g of it)",
          n, worst);
  tap_ok (seed_caught == n, "negative control: ∂F/∂q1 without the λ caught at %d of %d points",
          seed_caught, n);
}

static void
test_argmin (gsl_rng * r)
{
  int ok = 1, wrong_caught = 0, tight = 1;
  const int n = 200;
  for (int i = 0; i < n; i++)
    {
      log_sum_two t = random_point (r);
      estimate e = log_sum_two_argmin_log_q1 (&t);
      double s = log (t.p1 * t.q2 / t.p2), mp = t.lambda * t.p1;
      ok &= fabs (e.value - s) <= e.err;
      tight &= e.err < 1e-4;
      /* negative control: where the seed's derivative vanishes */
      double wrong = log (mp * t.q2 / (mp + t.p2));
      wrong_caught += fabs (e.value - wrong) > e.err;
    }
  tap_ok (ok, "Brent's argmin of F in log q1 = log(p1 q2/p2) within its error (%d points)", n);
  tap_ok (tight, "its error below 1e-4 at every point");
  tap_ok (wrong_caught == n, "negative control: q1 = λp1q2/(λp1 + p2) outside the error at %d"
          " of %d points", wrong_caught, n);
  for (int end = 0; end <= 1; end++)
    {
      double v[5] = { end, 2.0, 0.5, 7.0, 3.0 };
      log_sum_two t = log_sum_two_at (v);
      estimate e = log_sum_two_argmin_log_q1 (&t);
      tap_close (e.value, log (12.0), e.err, "λ = %d: the stationary point log(p1 q2/p2) = log 12",
                 end);
    }
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261203);
  test_by_hand ();
  test_sides (r);
  test_derivative (r);
  test_argmin (r);
  gsl_rng_free (r);
  return tap_done ();
}

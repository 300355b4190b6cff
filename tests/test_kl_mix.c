/* test_kl_mix.c -- lib/kl_mix: both sides at a point worked by hand in
 * closed form (logs of rationals); at random points of 2 to 64 outcomes,
 * both forms of the left side and the right side against a long-double
 * brute force of the definitions within their bound, and the left side
 * below the right (joint convexity); negative controls: Q's weights
 * crossed, and the right side's weights exchanged, told from the truth by
 * far more than the bound. */
#include "kl_mix.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>

/* P1 = (1/2, 1/2), P2 = (1/4, 3/4), Q1 = (1/3, 2/3), Q2 = (3/4, 1/4) */
static const double HAND[] = { 0.5, 0.5, 0.25, 0.75, 1.0 / 3, 2.0 / 3, 0.75, 0.25 };

static void
test_by_hand (void)
{
  /* λ = 1/2: m_P = (3/8, 5/8), m_Q = (13/24, 11/24) */
  double lhs = 0.375 * log (9.0 / 13) + 0.625 * log (15.0 / 11);
  double kl1 = 0.5 * log (1.5) + 0.5 * log (0.75), kl2 = 0.25 * log (1.0 / 3) + 0.75 * log (3);
  estimate w = kl_mix_lhs (HAND, 2, 0.5, 0.5, 0), s = kl_mix_lhs (HAND, 2, 0.5, 0.5, 1);
  estimate r = kl_mix_rhs (HAND, 2, 0.5);
  tap_close (w.value, lhs, 4 * DBL_EPSILON, "written out: 3/8 log(9/13) + 5/8 log(15/11)");
  tap_close (s.value, lhs, 4 * DBL_EPSILON, "stable: the same");
  tap_ok (w.err > 0 && w.err < 1e-14 && w.err == s.err, "one small bound for both forms");
  tap_close (r.value, 0.5 * kl1 + 0.5 * kl2, 4 * DBL_EPSILON,
             "right side: KL(P1||Q1)/2 + KL(P2||Q2)/2 by hand");
  tap_ok (s.value <= r.value, "joint convexity at the hand point (%.6f <= %.6f)", s.value, r.value);
  /* λ = 1/4: m_P = (5/16, 11/16), m_Q = (31/48, 17/48) */
  tap_close (kl_mix_lhs (HAND, 2, 0.25, 0.25, 1).value,
             5.0 / 16 * log (15.0 / 31) + 11.0 / 16 * log (33.0 / 17), 4 * DBL_EPSILON,
             "λ = 1/4: 5/16 log(15/31) + 11/16 log(33/17)");
  tap_close (kl_mix_rhs (HAND, 2, 0.25).value, 0.25 * kl1 + 0.75 * kl2, 4 * DBL_EPSILON,
             "λ = 1/4: the right side's weights 1/4 and 3/4");
  /* negative controls: λ = 1/4 with Q's weights crossed (m_Q = (7/16, 9/16)),
     and the right side with 3/4 and 1/4 */
  estimate crossed = kl_mix_lhs (HAND, 2, 0.25, 0.75, 0);
  tap_close (crossed.value, 5.0 / 16 * log (5.0 / 7) + 11.0 / 16 * log (11.0 / 9),
             4 * DBL_EPSILON, "crossed Q weights: the mixture 3/4 Q1 + 1/4 Q2");
  tap_ok (fabs (crossed.value - kl_mix_lhs (HAND, 2, 0.25, 0.25, 1).value) > 1e6 * crossed.err,
          "negative control: crossed Q weights are told from the truth");
  tap_ok (fabs (kl_mix_rhs (HAND, 2, 0.75).value - (0.25 * kl1 + 0.75 * kl2)) > 0.01,
          "negative control: the right side's weights exchanged are told from it");
}

static long double
brute_kl (const long double *p, const long double *q, size_t n)
{
  long double s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] * logl (p[i] / q[i]);
  return s;
}

/* V = (P1, P2, Q1, Q2) uniform on the simplex, N outcomes each */
static void
draw (gsl_rng * r, size_t n, double *v)
{
  double alpha[KL_MIX_MAX_N];
  for (size_t i = 0; i < n; i++)
    alpha[i] = 1;
  for (int j = 0; j < 4; j++)
    gsl_ran_dirichlet (r, n, alpha, v + j * n);
}

static void
test_random (gsl_rng * r)
{
  static const size_t ns[] = { 2, 3, 8, 64 };
  int within = 1, convex = 1;
  for (int t = 0; t < 400; t++)
    {
      size_t n = ns[t % 4];
      double v[4 * KL_MIX_MAX_N], l = gsl_rng_uniform (r);
      long double mp[KL_MIX_MAX_N], mq[KL_MIX_MAX_N], k1, k2;
      draw (r, n, v);
      for (size_t i = 0; i < n; i++)
        {
          mp[i] = (long double) l * v[i] + (1 - (long double) l) * v[n + i];
          mq[i] = (long double) l * v[2 * n + i] + (1 - (long double) l) * v[3 * n + i];
        }
      long double lhs = brute_kl (mp, mq, n), rhs;
      long double p1[KL_MIX_MAX_N], p2[KL_MIX_MAX_N], q1[KL_MIX_MAX_N], q2[KL_MIX_MAX_N];
      for (size_t i = 0; i < n; i++)
        p1[i] = v[i], p2[i] = v[n + i], q1[i] = v[2 * n + i], q2[i] = v[3 * n + i];
      k1 = brute_kl (p1, q1, n), k2 = brute_kl (p2, q2, n);
      rhs = l * k1 + (1 - (long double) l) * k2;
      estimate w = kl_mix_lhs (v, n, l, l, 0), s = kl_mix_lhs (v, n, l, l, 1);
      estimate c = kl_mix_rhs (v, n, l);
      within &= fabsl (w.value - lhs) <= w.err && fabsl (s.value - lhs) <= s.err
        && fabsl (c.value - rhs) <= c.err;
      convex &= s.value <= c.value + s.err + c.err;
    }
  tap_ok (within, "400 random points, n = 2 to 64: both left sides and the right side"
          " within their bounds of the long-double sums");
  tap_ok (convex, "... and the left side below the right at every one");
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 2027);
  test_by_hand ();
  test_random (r);
  gsl_rng_free (r);
  return tap_done ();
}

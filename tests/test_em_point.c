/* test_em_point.c -- lib/em_point: EM at one observation as a point.
 *
 * Hand-worked (K = 2): at x = 0, θ = ½ N(-1, 1) + ½ N(1, 1) has posterior
 * (½, ½) by symmetry, log p(0) = -½ - ½ log 2π and log p(0, z) = log ½ +
 * log p(0); θ^t = 0.3 N(0, 1) + 0.7 N(2, 2²) has the posterior of Bayes'
 * rule with the densities written out, e^{-z²/2}/(σ sqrt 2π), and entropies
 * ½ log(2πe σ²).  The point's vectors land where the layout says (w, q,
 * w^t), and the E-step q^t (the student's route) is the posterior (GSL's).
 * At a K = 3 point, F = Σ q (log p(x, z) - log q) and log p(x) - KL(q ||
 * p(z|x)) by the two routes agree within em_point_bound, a bound far below
 * 1e-12; the truth em_point_gap_at_t is the entropy H(q^t) by hand.
 * Negative control: the seed's literal H(X|Z) = Σ w^t H(N(μ^t, σ^t²)) is
 * not the gap, and the comparison rejects it. */
#include "em_point.h"
#include "tap.h"

#include <math.h>

static point pt;        /* static: a point holds POINT_MAX doubles */

/* the point (x, μ, σ, μ^t, σ^t; w, q, w^t) of K components */
static void
set_point (size_t k, double x, const double *mu, const double *sd, const double *mut,
           const double *sdt, const double *w, const double *q, const double *wt)
{
  const double *parts[7] = { mu, sd, mut, sdt, w, q, wt };
  pt.d = k, pt.n = 1 + 7 * k, pt.v[0] = x;
  for (size_t i = 0; i < 7; i++)
    for (size_t z = 0; z < k; z++)
      pt.v[1 + i * k + z] = parts[i][z];
}

static double
pdf_by_hand (double x, double m, double s)
{
  return exp (-(x - m) * (x - m) / (2 * s * s)) / (s * sqrt (2 * M_PI));
}

static void
test_hand (void)
{
  static const double mu[] = { -1, 1 }, sd[] = { 1, 1 }, w[] = { 0.5, 0.5 };
  static const double mut[] = { 0, 2 }, sdt[] = { 1, 2 }, wt[] = { 0.3, 0.7 }, q[] = { 0.8, 0.2 };
  set_point (2, 0, mu, sd, mut, sdt, w, q, wt);
  em_point e;
  em_point_prepare (&pt, &e);
  double lp = -0.5 - 0.5 * log (2 * M_PI);
  tap_ok (e.k == 2 && fabs (e.post[0] - 0.5) < 1e-15 && fabs (e.post[1] - 0.5) < 1e-15,
          "K = 2: posterior (½, ½) at the symmetric point");
  tap_close (e.gpx, lp, 1e-15, "log p(0) = -½ - ½ log 2π by hand (GSL's route)");
  tap_close (e.lpx, lp, 1e-15, "log p(0) by log-sum-exp of the joint (lib/normal's route)");
  tap_close (e.lj[0], log (0.5) + lp, 1e-15, "log p(0, z) = log ½ + log p(0)");
  double a = 0.3 * pdf_by_hand (0, 0, 1), b = 0.7 * pdf_by_hand (0, 2, 2);
  tap_close (e.postt[0], a / (a + b), 1e-15, "p_θ^t(z = 1 | 0) by Bayes' rule by hand");
  tap_close (e.gpxt, log (a + b), 1e-14, "log p_θ^t(0) by hand");
  tap_ok (fabs (e.qt[0] - e.postt[0]) < 1e-15 && fabs (e.qt[1] - e.postt[1]) < 1e-15,
          "the E-step q^t = exp (log p(x, z) - log p(x)) is GSL's posterior");
  tap_close (e.ht[1], 0.5 * log (2 * M_PI * M_E * 4), 1e-15, "H(N(2, 2²)) = ½ log(2πe·4)");
  tap_ok (e.q[0] == 0.8 && e.q[1] == 0.2 && e.wt[0] == 0.3 && e.wt[1] == 0.7,
          "q and w^t read from the layout's vectors");
}

static void
test_bound_and_gap (void)
{
  static const double mu[] = { -1.2, 0.4, 2.5 }, sd[] = { 0.7, 1.5, 0.9 }, w[] = { 0.2, 0.5, 0.3 };
  static const double mut[] = { -2, 0.1, 1.7 }, sdt[] = { 1.1, 0.6, 1.9 };
  static const double wt[] = { 0.6, 0.1, 0.3 }, q[] = { 0.15, 0.05, 0.8 };
  set_point (3, 0.9, mu, sd, mut, sdt, w, q, wt);
  em_point e;
  em_point_prepare (&pt, &e);
  double f_student = 0, kl = 0, h = 0, hxz = 0, joint[3], px = 0;
  for (int z = 0; z < 3; z++)
    joint[z] = wt[z] * pdf_by_hand (0.9, mut[z], sdt[z]), px += joint[z];
  for (int z = 0; z < 3; z++)
    {
      f_student += e.q[z] * (e.lj[z] - log (e.q[z]));
      kl += e.q[z] * log (e.q[z] / e.post[z]);
      h -= joint[z] / px * log (joint[z] / px);         /* H(q^t), q^t by hand */
      hxz += wt[z] * 0.5 * log (2 * M_PI * M_E * sdt[z] * sdt[z]);
    }
  double bound = em_point_bound (3, e.q, e.lj, e.lpx);
  tap_ok (fabs (f_student - (e.gpx - kl)) <= bound && bound > 0 && bound < 1e-12,
          "K = 3: F by the two routes within em_point_bound = %.3g", bound);
  estimate gap = em_point_gap_at_t (&pt, &e);
  tap_ok (fabs (gap.value - h) <= gap.err + 1e-14 && gap.err < 1e-12,
          "the gap F - Q at θ^t = %.17g is H(q^t) = %.17g by hand", gap.value, h);
  tap_ok (fabs (gap.value - hxz) > 1e-3,
          "negative control: H(X|Z) = %.6g is not the gap %.6g", hxz, gap.value);
}

int
main (void)
{
  test_hand ();
  test_bound_and_gap ();
  return tap_done ();
}

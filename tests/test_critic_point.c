/* test_critic_point.c -- lib/critic_point against references that share no
   code with it or lib/critic: E_q[e^{a + bx + cx²}] by completing the square
   in x (not in the standardised z of critic_log_mgf), E_p[T] = a + b mp +
   c (mp² + sp²) by hand, the bounds R1, R2 from those two, and KL of two
   normals by its textbook formula, at points (mp, sp, mq, sq, a, b, c).
   Negative controls: the shift taken with the wrong sign (e^{T - shift}),
   the critic's mean under q instead of p, R1 with e^T in place of e^{T-1},
   and p and q swapped in KL must each be detected. */
#include "critic_point.h"
#include "tap.h"

#include <math.h>

static point pt;        /* static: a point holds POINT_MAX doubles */

/* E_q[e^{a + b x + c x²}], q = N(m, s²): precision P = 1/s² - 2c, exponent
   a + (m/s² + b)²/(2P) - m²/(2s²), factor 1/(s sqrt P). */
static double
mgf_by_hand (double m, double s, double a, double b, double c)
{
  double prec = 1 / (s * s) - 2 * c, h = m / (s * s) + b;
  return exp (a + h * h / (2 * prec) - m * m / (2 * s * s)) / (s * sqrt (prec));
}

/* KL(N(m1, s1²) || N(m2, s2²)) = log(s2/s1) + (s1² + (m1 - m2)²)/(2 s2²) - 1/2 */
static double
kl_by_hand (double m1, double s1, double m2, double s2)
{
  return log (s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;
}

/* a closed form E within its bound of WANT (plus WANT's own rounding), the
   bound itself tight */
static int
within (estimate e, double want)
{
  double size = 1 + fabs (want);
  return fabs (e.value - want) <= e.err + 1e-14 * size && e.err < 1e-13 * size;
}

static void
test_point (const double v[7])
{
  for (int i = 0; i < 7; i++)
    pt.v[i] = v[i];
  double mgf = mgf_by_hand (v[2], v[3], v[4], v[5], v[6]);
  double ep = v[4] + v[5] * v[0] + v[6] * (v[0] * v[0] + v[1] * v[1]);
  double eq_t = v[4] + v[5] * v[2] + v[6] * (v[2] * v[2] + v[3] * v[3]);
  critic t = critic_point_critic (&pt);
  tap_ok (t.kind == CRITIC_QUADRATIC && t.a == v[4] && t.b == v[5] && t.c == v[6]
          && t.eps == 0, "point a = %g: the critic a + bx + cx², unperturbed", v[4]);
  tap_close (critic_point_log_mgf (&pt, NULL).value, log (mgf), 1e-13 * (1 + fabs (log (mgf))),
             "point a = %g: log E_q[e^T] in closed form", v[4]);
  const double shifts[3] = { -1, 0.25, 0.7 };
  for (int i = 0; i < 3; i++)
    {
      double shift = shifts[i], want = mgf * exp (shift);
      estimate q = critic_point_eq (&pt, shift);
      tap_close (q.value, want, 1e-9 * want, "point a = %g: E_q[e^{T%+g}] by quadrature", v[4],
                 shift);
      tap_close (critic_point_log_eq (&pt, shift).value, log (mgf) + shift, 1e-9,
                 "point a = %g: log E_q[e^{T%+g}] by quadrature", v[4], shift);
      tap_ok (fabs (q.value - mgf * exp (-shift)) > 1e-3 * want,
              "point a = %g: negative control e^{T%+g} detected", v[4], -shift);
    }
  tap_close (critic_point_mean (&pt, NULL).value, ep, 1e-14 * (1 + fabs (ep)),
             "point a = %g: E_p[T] in closed form", v[4]);
  /* R2 = E_p[T] - log E_q[e^T] and R1 = E_p[T] - E_q[e^{T-1}], closed forms
     within their bounds; R1 with e^T in place of e^{T-1} detected */
  double r2 = ep - log (mgf), r1 = ep - mgf * exp (-1), r1_wrong = ep - mgf;
  estimate dv = critic_point_dv (&pt, NULL), nwj = critic_point_nwj (&pt, NULL);
  tap_ok (within (dv, r2), "point a = %g: R2 = %.17g in closed form, within its bound", v[4], r2);
  tap_ok (within (nwj, r1), "point a = %g: R1 = %.17g in closed form, within its bound", v[4], r1);
  tap_ok (fabs (nwj.value - r1_wrong) > 1e-3, "point a = %g: negative control E_p[T] - E_q[e^T]"
          " detected", v[4]);
  tap_close (critic_point_ep_t (&pt).value, ep, 1e-9, "point a = %g: E_p[T] by quadrature", v[4]);
  tap_ok (fabs (critic_point_ep_t (&pt).value - eq_t) > 1e-3,
          "point a = %g: negative control E_q[T] detected", v[4]);
  double kl = kl_by_hand (v[0], v[1], v[2], v[3]), kl_qp = kl_by_hand (v[2], v[3], v[0], v[1]);
  estimate e = critic_point_kl (&pt, NULL);
  tap_ok (within (e, kl), "point a = %g: KL(p||q) in closed form within its bound", v[4]);
  tap_close (critic_point_kl_quad (&pt, NULL).value, kl, 1e-10,
             "point a = %g: KL(p||q) by quadrature", v[4]);
  tap_ok (fabs (e.value - kl_qp) > 1e-3, "point a = %g: negative control KL(q||p) detected", v[4]);
}

int
main (void)
{
  const double points[3][7] = { {0.3, 1.2, -0.4, 0.8, 0.5, 0.2, -0.1},
                                {-1, 0.7, 1.2, 1.6, -1.5, 1.3, 0.1},
                                {1.4, 1.8, 0, 1, 2, -1, -0.45} };
  for (size_t i = 0; i < 3; i++)
    test_point (points[i]);
  const double v[4] = { 0.1, 2, -3, 0.5 };
  normal_pair g = normal_pair_from_array (v);
  tap_ok (g.ma == 0.1 && g.sa == 2 && g.mb == -3 && g.sb == 0.5,
          "normal_pair_from_array reads (ma, sa, mb, sb) in that order");
  return tap_done ();
}

/* test_lingauss_point.c -- lib/lingauss_point's layout and closed forms
 * against formulas written out by hand here.
 *
 *   - d = 1: log p(x) = log N(x; w m0, s² + v0 w²), KL(N(qm, qv) ||
 *     N(m0, v0)) = ½ (log(v0/qv) + (qv + (qm - m0)²)/v0 - 1);
 *   - d = 2: E_q[log p(x|z)], E_q[log p(x, z)] and the ELBO (both routes)
 *     by quadrature over z ~ q of the log-densities written out here,
 *     H(q) = ½ log(2πe qv) added for the ELBO;
 *   - coordinates after the layout (a NaN there) are not read;
 *   - lingauss_point_elbo_grad: q and no baseline from the point, its log
 *     joint = the one written out here, its derivative in z = GSL's central
 *     differences of it; negative control: the derivative of log p(x|z)
 *     alone (the prior's term dropped) is told apart;
 *   - negative control: the ELBO with H(q) missing its e (½ log(2π qv)),
 *     ½ off, is caught at the tolerance the true one passes. */
#include "lingauss_point.h"
#include "quad.h"
#include "tap.h"

#include <gsl/gsl_deriv.h>
#include <gsl/gsl_math.h>
#include <math.h>

static size_t d1 = 1, d2 = 2;              /* the PARAMS of the closed forms */

/* s, w1, w2, m0, v0, x1, x2, qm, qv, then a direction that must not be read */
static double V2[] = { 0.7, 1.2, -0.4, 0.3, 1.6, 0.9, -1.1, 0.2, 0.45, NAN };

/* log p(x | z), log p(x, z) for V2 written out by hand */
static double
log_lik2 (double z)
{
  double s2 = V2[0] * V2[0], r1 = V2[5] - V2[1] * z, r2 = V2[6] - V2[2] * z;
  return -log (2 * M_PI * s2) - (r1 * r1 + r2 * r2) / (2 * s2);
}
static double
log_joint2 (double z)
{
  return log_lik2 (z) - 0.5 * log (2 * M_PI * V2[4]) - (z - V2[3]) * (z - V2[3]) / (2 * V2[4]);
}
/* the integrands at z = qm + √qv e, e ~ N(0, 1) */
static double
lik_at (double e, void *u)
{
  (void) u;
  return log_lik2 (V2[7] + sqrt (V2[8]) * e);
}
static double
joint_at (double e, void *u)
{
  (void) u;
  return log_joint2 (V2[7] + sqrt (V2[8]) * e);
}

static void
test_d1 (void)
{
  double v[] = { 0.8, 1.5, -0.2, 0.7, 0.6, 0.1, 1.3 };     /* s, w, m0, v0, x, qm, qv */
  gsl_vector_view t = gsl_vector_view_array (v, 7);
  double s2 = 0.64, var = s2 + 0.7 * 1.5 * 1.5, r = 0.6 - 1.5 * -0.2;
  tap_close (lingauss_point_evidence (&t.vector, &d1),
             -0.5 * log (2 * M_PI * var) - r * r / (2 * var), 1e-14,
             "d = 1: log p(x) = log N(x; w m0, s² + v0 w²)");
  double kl = 0.5 * (log (0.7 / 1.3) + (1.3 + 0.3 * 0.3) / 0.7 - 1);
  tap_close (lingauss_point_kl_prior (&t.vector, &d1), kl, 1e-14, "d = 1: KL(q || p(z)) by hand");
  lingauss_point p = lingauss_point_of (v, 1);
  tap_ok (p.m.d == 1 && p.m.w == v + 1 && p.m.noise_var == 0.8 * 0.8 && p.m.prior_mean == -0.2
          && p.m.prior_var == 0.7 && p.x == v + 4 && p.qm == 0.1 && p.qv == 1.3,
          "d = 1: the layout (s, w, m0, v0, x, qm, qv)");
}

static void
test_d2 (void)
{
  gsl_vector_view t = gsl_vector_view_array (V2, 10);
  double ell = quad_normal_moment (lik_at, NULL, 0, 1).value;
  double elj = quad_normal_moment (joint_at, NULL, 0, 1).value;
  double h = 0.5 * log (2 * M_PI * M_E * V2[8]);
  tap_close (lingauss_point_expected_log_lik (&t.vector, &d2), ell, 1e-10,
             "d = 2: E_q[log p(x|z)] = quadrature");
  tap_close (lingauss_point_expected_log_joint (&t.vector, &d2), elj, 1e-10,
             "d = 2: E_q[log p(x, z)] = quadrature");
  tap_close (lingauss_point_termwise (&t.vector, &d2), elj + h, 1e-10,
             "d = 2: ELBO term by term = quadrature + H(q)");
  tap_close (lingauss_point_elbo (&t.vector, &d2), elj + h, 1e-10,
             "d = 2: ELBO by the posterior route = quadrature + H(q)");
  tap_ok (isfinite (lingauss_point_elbo (&t.vector, &d2)),
          "d = 2: the NaN after the layout is not read");
  double wrong = elj + 0.5 * log (2 * M_PI * V2[8]);
  tap_ok (fabs (lingauss_point_elbo (&t.vector, &d2) - wrong) > 1e3 * 1e-10,
          "negative control: H(q) without its e (off by ½) is caught at the same tolerance");
}

/* log p(x | z) and log p(x, z) of V2 as gsl_function's of z */
static double lik_z (double z, void *u) { (void) u; return log_lik2 (z); }
static double joint_z (double z, void *u) { (void) u; return log_joint2 (z); }

static void
test_elbo_grad (void)
{
  lingauss_point p = lingauss_point_of (V2, 2);
  normal_elbo_grad g = lingauss_point_elbo_grad (&p);
  tap_ok (g.mean == V2[7] && g.var == V2[8] && g.baseline == 0 && g.params == &p,
          "ELBO gradient: q = N(qm, qv) of the point, no baseline");
  static const double Z[] = { -1.3, 0.2, 2.1 };
  int ok_joint = 1, ok_d = 1, caught = 1;
  for (int k = 0; k < 3; k++)
    {
      gsl_function fj = { joint_z, NULL }, fl = { lik_z, NULL };
      double dj, ej, dl, el, got = g.dlog_joint_dz (Z[k], g.params);
      gsl_deriv_central (&fj, Z[k], 1e-3, &dj, &ej);
      gsl_deriv_central (&fl, Z[k], 1e-3, &dl, &el);
      ok_joint &= fabs (g.log_joint (Z[k], g.params) - log_joint2 (Z[k])) <= 1e-12;
      ok_d &= fabs (got - dj) <= 1e-8 + ej;
      caught &= fabs (got - dl) > 1e-8 + el;
    }
  tap_ok (ok_joint, "ELBO gradient: log p(x, z) = by hand at three z");
  tap_ok (ok_d, "ELBO gradient: d log p(x, z)/dz = central differences at three z");
  tap_ok (caught, "negative control: d log p(x|z)/dz (no prior term) is told apart");
}

int
main (void)
{
  test_d1 ();
  test_d2 ();
  test_elbo_grad ();
  return tap_done ();
}

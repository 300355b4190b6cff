/* test_flow_check.c -- lib/flow_check.c on the harmonic oscillator.
 *
 * H = (q² + p²)/2 in d = 1.  Leapfrog is the linear map
 *   q' = (1 - ε²/2) q + ε p,  p' = -ε (1 - ε²/4) q + (1 - ε²/2) p
 * per step, with determinant 1; it is reversible, and its energy error
 * is O(ε²) at fixed trajectory length (ratio 16 per halving of ε).
 * Explicit Euler, q' = q + ε p, p' = p - ε q, has determinant 1 + ε² per
 * step, is not reversible, and its energy error is O(ε) (ratio 4). */
#include "flow_check.h"
#include "fixture_harness.h"
#include "tap.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
leapfrog (double eps, size_t n, const double *z, double *out, void *params)
{
  (void) params;
  double q = z[0], p = z[1];
  for (size_t i = 0; i < n; i++)
    {
      p -= 0.5 * eps * q;
      q += eps * p;
      p -= 0.5 * eps * q;
    }
  out[0] = q, out[1] = p;
}

static void
euler (double eps, size_t n, const double *z, double *out, void *params)
{
  (void) params;
  double q = z[0], p = z[1];
  for (size_t i = 0; i < n; i++)
    {
      double qn = q + eps * p;
      p -= eps * q;
      q = qn;
    }
  out[0] = q, out[1] = p;
}

static double
energy (const double *z, void *params)
{
  (void) params;
  return 0.5 * (z[0] * z[0] + z[1] * z[1]);
}

static double
det2 (const gsl_matrix * j)
{
  return gsl_matrix_get (j, 0, 0) * gsl_matrix_get (j, 1, 1)
    - gsl_matrix_get (j, 0, 1) * gsl_matrix_get (j, 1, 0);
}

/* A nonlinear symplectic map in d = 2: leapfrog on the separable
   H = |p|²/2 + q1⁴/4 + q2²/2 + 0.3 q1 q2, whose determinant is exactly 1
   (any leapfrog of a separable H is a composition of shears). */
static void
quartic (double eps, size_t n, const double *z, double *out, void *params)
{
  (void) params;
  double q1 = z[0], q2 = z[1], p1 = z[2], p2 = z[3];
  for (size_t i = 0; i < n; i++)
    {
      p1 -= 0.5 * eps * (q1 * q1 * q1 + 0.3 * q2), p2 -= 0.5 * eps * (q2 + 0.3 * q1);
      q1 += eps * p1, q2 += eps * p2;
      p1 -= 0.5 * eps * (q1 * q1 * q1 + 0.3 * q2), p2 -= 0.5 * eps * (q2 + 0.3 * q1);
    }
  out[0] = q1, out[1] = q2, out[2] = p1, out[3] = p2;
}

/* flow_probe's determinant bound against the exact det = 1 of a symplectic
   map at N random starts (a bound must hold at every one; its first form,
   an estimate, was exceeded at 12 of 1000 starts of the oscillator, by up
   to 1.5 times), and not so loose that a 0.1% damping per step hides. */
static void
test_det_bound (const flow * f, const char *what, size_t n)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  size_t misses = 0;
  double worst = 0, loosest = 0;
  for (size_t s = 0; s < n; s++)
    {
      double z[4];
      for (size_t i = 0; i < f->dim; i++)
        z[i] = gsl_ran_gaussian (r, 1.0);
      estimate rv, det;
      flow_probe (f, 0.1, 30, z, 1e-4, &rv, &det);
      misses += !(fabs (det.value - 1) <= det.err);
      worst = fmax (worst, fabs (det.value - 1) / det.err);
      loosest = fmax (loosest, det.err);
    }
  tap_ok (misses == 0, "%s: |det - 1| within the bound at all %zu random starts (worst %.3g of it)",
          what, n, worst);
  tap_ok (loosest < 1e-3, "%s: the bound stays below 1e-3 (largest %.3g; damping by 0.1%% per step"
          " moves det by about 0.03 to 0.06)", what, loosest);
  gsl_rng_free (r);
}

/* The harness checks, inside a claim of their own (TAP to /dev/null): leapfrog's three hold,
   Euler's three fail. */
#define C(id) {id, "harness", "", REL_EQ, EXPECT_HOLDS, NULL}
static const check_spec CHECKS[] = { C ("lf_rev"), C ("lf_vol"), C ("lf_order"), C ("eu_rev"),
  C ("eu_vol"), C ("eu_order") };
static const claim CLAIM = {
  .slug = "test_flow_check", .title = "", .claim = "", .sources = "", .checks = CHECKS,
  .n_checks = COUNT_OF (CHECKS), .samples_default = 1000, .samples_quick = 1000,
  .figure_caption = "",
};

static void
test_harness_checks (const flow * lf, const flow * eu)
{
  fixture_harness f;
  harness *h = fixture_harness_begin (&f, &CLAIM);
  double starts[4][2] = { {1, 0}, {0.3, -0.8}, {-1.2, 0.4}, {0.7, -1.3} }, err[6];
  flow_check_probes (h, "lf_rev", "lf_vol", lf, starts[0], 4, "by hand", 0.1, 30);
  flow_check_order (h, "lf_order", lf, energy, NULL, starts[0], 4, 2.0, 16, 6, err);
  flow_check_probes (h, "eu_rev", "eu_vol", eu, starts[0], 4, "by hand", 0.1, 30);
  flow_check_order (h, "eu_order", eu, energy, NULL, starts[0], 4, 2.0, 16, 6, err);
  fixture_harness_loud (&f);
  tap_ok (fixture_held (h, "lf_rev") == 1 && fixture_held (h, "lf_vol") == 1 && fixture_held (h, "lf_order") == 1,
          "flow_check_probes, flow_check_order: leapfrog's checks hold");
  tap_ok (err[0] > err[5], "flow_check_order fills the errors");
  tap_ok (fixture_held (h, "eu_rev") == 0 && fixture_held (h, "eu_vol") == 0 && fixture_held (h, "eu_order") != 1,
          "Euler's fail (its order check: not held)");
  fixture_harness_end (&f);
}

int
main (void)
{
  flow lf = { leapfrog, NULL, 2 }, eu = { euler, NULL, 2 };
  double z[2] = { 0.7, -1.3 }, scale;
  double rev = flow_reversal_error (&lf, 0.1, 30, z, &scale);
  tap_ok (rev < 1e-13, "leapfrog is reversible: error %.3g", rev);
  tap_ok (scale >= 1.3 && scale < 2, "scale %.4g is the largest coordinate", scale);
  double rev_e = flow_reversal_error (&eu, 0.1, 30, z, &scale);
  tap_ok (rev_e > 0.1, "Euler is not: error %.3g", rev_e);

  gsl_matrix *j = gsl_matrix_alloc (2, 2);
  flow_jacobian (&lf, 0.1, 1, z, 1e-4, j);
  /* one step, the exact linear map */
  tap_close (gsl_matrix_get (j, 0, 0), 1 - 0.005, 1e-10, "∂q'/∂q = 1 - ε²/2");
  tap_close (gsl_matrix_get (j, 0, 1), 0.1, 1e-10, "∂q'/∂p = ε");
  tap_close (gsl_matrix_get (j, 1, 0), -0.1 * (1 - 0.0025), 1e-10, "∂p'/∂q = -ε(1 - ε²/4)");
  flow_jacobian (&lf, 0.1, 30, z, 1e-4, j);
  tap_close (det2 (j), 1, 1e-9, "leapfrog preserves volume over 30 steps");
  tap_ok (flow_growth (j) >= 1 && flow_growth (j) < 2.5, "growth %.4g of a rotation-like map",
          flow_growth (j));
  flow_jacobian (&eu, 0.1, 30, z, 1e-4, j);
  tap_close (det2 (j), pow (1.01, 30), 1e-8, "Euler's determinant (1 + ε²)^30");
  gsl_matrix_set_zero (j);
  tap_ok (flow_growth (j) == 1, "growth of the zero map is 1 (the floor)");
  gsl_matrix_free (j);

  double starts[3][2] = { {1, 0}, {0.3, -0.8}, {-1.2, 0.4} }, err[6], ratio[5];
  flow_energy_errors (&lf, energy, NULL, starts[0], 3, 2.0, 16, 6, err, ratio);
  tap_close (ratio[4], 16, 0.01, "leapfrog: error ratio per halving tends to 16 (%.5f)", ratio[4]);
  tap_ok (err[0] > err[5] && err[5] > 0, "errors fall with ε (%.3g to %.3g)", err[0], err[5]);
  flow_energy_errors (&eu, energy, NULL, starts[0], 3, 2.0, 16, 6, err, ratio);
  tap_close (ratio[4], 4, 0.05, "Euler: ratio tends to 4, first order (%.5f)", ratio[4]);

  /* the order estimate: leapfrog's ratios converge on 16, Euler's on 4 */
  estimate lim;
  double el, eb;
  flow_energy_errors (&lf, energy, NULL, starts[0], 3, 2.0, 16, 6, err, ratio);
  /* the estimate first: the arguments of one call are evaluated in no set
     order, so el and eb beside it could be printed before they are set */
  int asymptotic = flow_order_estimate (ratio, 5, &lim, &el, &eb);
  tap_ok (asymptotic, "leapfrog's ratios are asymptotic (%.3g, %.3g)", el, eb);
  tap_ok (fabs (lim.value - 16) <= lim.err && lim.err < 0.01, "and their limit is 16 within %.3g", lim.err);
  double far[5] = { 30, 20, 16.5, 16.4, 10 };
  asymptotic = flow_order_estimate (far, 5, &lim, &el, &eb);
  tap_ok (!asymptotic, "ratios that jump are not asymptotic (%.3g, %.3g)", el, eb);
  flow_energy_errors (&eu, energy, NULL, starts[0], 3, 2.0, 16, 6, err, ratio);
  tap_ok (!flow_order_estimate (ratio, 5, &lim, &el, &eb) || fabs (lim.value - 16) > lim.err,
          "Euler's limit is not 16");

  /* the probe: leapfrog reversible and volume-preserving within its bounds, Euler not */
  estimate rv, det;
  flow_probe (&lf, 0.1, 30, z, 1e-4, &rv, &det);
  tap_ok (rv.value <= rv.err && rv.err < 1e-12, "leapfrog reversal %.3g within %.3g", rv.value, rv.err);
  tap_ok (fabs (det.value - 1) <= det.err && det.err < 1e-6, "leapfrog det %.12f within %.3g of 1", det.value, det.err);
  flow_probe (&eu, 0.1, 30, z, 1e-4, &rv, &det);
  tap_ok (rv.value > rv.err, "Euler's reversal %.3g exceeds its bound %.3g", rv.value, rv.err);
  tap_ok (fabs (det.value - 1) > det.err, "Euler's det %.6f is not 1 within %.3g", det.value, det.err);
  flow quartic_flow = { quartic, NULL, 4 };
  test_det_bound (&lf, "oscillator", 2000);
  test_det_bound (&quartic_flow, "quartic, d = 2", 2000);

  /* E[exp(-ΔH)]: for ΔH ~ N(σ²/2, σ²) exactly 1 (the lognormal mean) */
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  size_t n = 100000;
  double *dh = malloc (n * sizeof *dh), mean_dh;
  for (size_t i = 0; i < n; i++)
    dh[i] = 0.02 + gsl_ran_gaussian (r, 0.2);
  ess_result e = flow_exp_energy_error (dh, n, &mean_dh);
  tap_ok (fabs (e.mean - 1) < 5 * e.se, "E[exp(-ΔH)] = %.5f ± %.5f is 1", e.mean, e.se);
  tap_close (mean_dh, 0.02, 5 * 0.2 / sqrt ((double) n), "mean ΔH");
  for (size_t i = 0; i < n; i++)
    dh[i] += 0.05;
  e = flow_exp_energy_error (dh, n, &mean_dh);
  tap_ok (fabs (e.mean - 1) > 5 * e.se, "shifted by 0.05 it is not (%.5f ± %.5f)", e.mean, e.se);
  free (dh);
  gsl_rng_free (r);
  test_harness_checks (&lf, &eu);
  return tap_done ();
}

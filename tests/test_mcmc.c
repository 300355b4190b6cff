/* test_mcmc.c -- Metropolis-Hastings and HMC against known answers.
 *
 * Sample moments on N(0, 1) within MCMC standard errors from the ESS;
 * the random-walk acceptance rate against its closed form
 * (2/pi) arctan(2/sigma) for a standard normal target; one leapfrog step
 * by hand; leapfrog energy error O(eps^2) at fixed trajectory length
 * (ratio 4 when eps halves), reversibility and volume preservation (the
 * Jacobian determinant by central differences) on a non-Gaussian 2-D
 * target; bookkeeping and bad arguments. */
#include "ess.h"
#include "mcmc.h"
#include "rng.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- targets */

static double
std_normal_log (const gsl_vector * x, void *params)
{
  (void) params;
  double s = 0;
  for (size_t i = 0; i < x->size; i++)
    s += gsl_vector_get (x, i) * gsl_vector_get (x, i);
  return -0.5 * s;
}

static void
std_normal_grad (const gsl_vector * x, gsl_vector * g, void *params)
{
  (void) params;
  gsl_vector_memcpy (g, x);
  gsl_vector_scale (g, -1.0);
}

/* A banana-and-quartic 2-D target, far from Gaussian, so the leapfrog map
   is nonlinear: log pi = -q1^4/4 - q1^2/2 - (q2 - q1^2/2)^2 / 2. */
static double
banana_log (const gsl_vector * x, void *params)
{
  (void) params;
  double a = gsl_vector_get (x, 0), b = gsl_vector_get (x, 1);
  double c = b - 0.5 * a * a;
  return -0.25 * a * a * a * a - 0.5 * a * a - 0.5 * c * c;
}

static void
banana_grad (const gsl_vector * x, gsl_vector * g, void *params)
{
  (void) params;
  double a = gsl_vector_get (x, 0), b = gsl_vector_get (x, 1);
  double c = b - 0.5 * a * a;
  gsl_vector_set (g, 0, -a * a * a - a + c * a);
  gsl_vector_set (g, 1, -c);
}

static double
nowhere_log (const gsl_vector * x, void *params)
{
  (void) x;
  (void) params;
  return -INFINITY;
}

static const mcmc_target NORMAL_1D =
  { 1, std_normal_log, std_normal_grad, NULL };
static const mcmc_target BANANA = { 2, banana_log, banana_grad, NULL };

/* ---------------------------------------------------------------- moments */

/* mean 0 and E x^2 = 1 within 5 ESS-based standard errors (the z for a
   two-sided 6e-7 false alarm); the ESS itself is reported. */
static void
check_normal_moments (const gsl_matrix * chain, const char *name)
{
  size_t n = chain->size1;
  double *sq = malloc (n * sizeof *sq);
  for (size_t i = 0; i < n; i++)
    sq[i] = gsl_matrix_get (chain, i, 0) * gsl_matrix_get (chain, i, 0);
  ess_result m = ess_geyer (chain->data, chain->tda, n);
  ess_result s = ess_geyer (sq, 1, n);
  tap_close (m.mean, 0, 5 * m.se, "%s: E x = 0 (%.4f +- %.4f, ESS %.0f of "
             "%zu)", name, m.mean, m.se, m.ess, n);
  tap_close (s.mean, 1, 5 * s.se, "%s: E x^2 = 1 (%.4f +- %.4f, ESS %.0f)",
             name, s.mean, s.se, s.ess);
  free (sq);
}

/* The acceptance rate is the mean of the indicators "row i differs from
   row i-1"; its standard error comes from their own ESS. */
static void
check_mh_acceptance (const gsl_matrix * chain, double sigma, double start,
                     double reported)
{
  size_t n = chain->size1;
  double *moved = malloc (n * sizeof *moved), prev = start;
  for (size_t i = 0; i < n; i++)
    {
      double x = gsl_matrix_get (chain, i, 0);
      moved[i] = x != prev;
      prev = x;
    }
  ess_result e = ess_geyer (moved, 1, n);
  double want = 2.0 / M_PI * atan (2.0 / sigma);
  /* an accepted proposal can equal x in floating point (|sigma z| below
     half an ulp of x): allow a couple of such moves */
  tap_close (e.mean, reported, 3.0 / (double) n, "MH: reported acceptance "
             "rate = fraction of moves");
  tap_close (e.mean, want, 5 * e.se, "MH: acceptance %.4f = (2/pi) "
             "arctan(2/sigma) = %.4f, sigma = %g", e.mean, want, sigma);
  free (moved);
}

static void
test_mh_normal (gsl_rng * r)
{
  const size_t n = 200000;
  const double sigma = 2.4;
  gsl_matrix *chain = gsl_matrix_alloc (n, 1);
  gsl_vector *x0 = gsl_vector_alloc (1);
  gsl_vector_set (x0, 0, gsl_ran_gaussian (r, 1.0));    /* stationary start */
  mcmc_stats st;
  int status = mcmc_mh (r, &NORMAL_1D, sigma, x0, chain, &st);
  tap_ok (status == GSL_SUCCESS && st.n_proposed == n
          && st.n_density_evals == n + 1 && st.n_gradient_evals == 0,
          "MH bookkeeping: n proposals, n + 1 density evaluations");
  check_normal_moments (chain, "MH on N(0,1)");
  check_mh_acceptance (chain, sigma, gsl_vector_get (x0, 0),
                       st.acceptance_rate);
  gsl_matrix_free (chain);
  gsl_vector_free (x0);
}

static void
test_hmc_normal (gsl_rng * r)
{
  const size_t n = 50000;
  mcmc_hmc_options o = { 0.3, 5, 0.2 };
  gsl_matrix *chain = gsl_matrix_alloc (n, 1);
  gsl_vector *x0 = gsl_vector_alloc (1);
  double *de = malloc (n * sizeof *de);
  gsl_vector_set (x0, 0, gsl_ran_gaussian (r, 1.0));
  mcmc_stats st;
  int status = mcmc_hmc (r, &NORMAL_1D, &o, x0, chain, de, &st);
  tap_ok (status == GSL_SUCCESS && st.n_proposed == n
          && st.n_gradient_evals == n * o.n_leapfrog + 1
          && st.n_density_evals == n + 1,
          "HMC bookkeeping: L gradients per trajectory, + 1 at the start");
  check_normal_moments (chain, "HMC on N(0,1)");
  /* E[exp(-dH)] = 1 for an exact volume-preserving reversible integrator
     (Neal 2011, 5.4.1 -- a consequence of detailed balance); the mean of
     min(1, exp(-dH)) is the acceptance rate */
  ess_result e;
  double *w = malloc (n * sizeof *w);
  for (size_t i = 0; i < n; i++)
    w[i] = exp (-de[i]);
  e = ess_geyer (w, 1, n);
  tap_close (e.mean, 1, 5 * e.se, "HMC: E[exp(-dH)] = 1 (%.5f +- %.5f)",
             e.mean, e.se);
  tap_ok (st.acceptance_rate > 0.9 && st.acceptance_rate < 1,
          "HMC acceptance %.4f high for eps = 0.3", st.acceptance_rate);
  free (w);
  free (de);
  gsl_matrix_free (chain);
  gsl_vector_free (x0);
}

/* ---------------------------------------------------------------- leapfrog */

static void
test_leapfrog_by_hand (void)
{
  /* N(0,1): p' = p - eps/2 q; q1 = q + eps p'; p1 = p' - eps/2 q1 */
  double q = 0.7, p = -1.3, eps = 0.25;
  double ph = p - 0.5 * eps * q, q1 = q + eps * ph, p1 = ph - 0.5 * eps * q1;
  gsl_vector *vq = gsl_vector_alloc (1), *vp = gsl_vector_alloc (1);
  gsl_vector *g = gsl_vector_alloc (1);
  gsl_vector_set (vq, 0, q);
  gsl_vector_set (vp, 0, p);
  gsl_vector_set (g, 0, -q);
  mcmc_leapfrog (&NORMAL_1D, eps, 1, vq, vp, g);
  tap_close (gsl_vector_get (vq, 0), q1, 1e-16, "one leapfrog step: q");
  tap_close (gsl_vector_get (vp, 0), p1, 1e-16, "one leapfrog step: p");
  tap_close (gsl_vector_get (g, 0), -q1, 1e-16, "gradient at the new q");
  mcmc_leapfrog (&NORMAL_1D, eps, 0, vq, vp, g);
  tap_close (gsl_vector_get (vq, 0), q1, 0, "zero steps: unchanged");
  gsl_vector_free (vq);
  gsl_vector_free (vp);
  gsl_vector_free (g);
}

/* The leapfrog map over a trajectory of length T = steps * eps on BANANA. */
static void
flow (double eps, size_t steps, const double *in, double *out)
{
  gsl_vector *q = gsl_vector_alloc (2), *p = gsl_vector_alloc (2);
  gsl_vector *g = gsl_vector_alloc (2);
  for (size_t i = 0; i < 2; i++)
    {
      gsl_vector_set (q, i, in[i]);
      gsl_vector_set (p, i, in[2 + i]);
    }
  banana_grad (q, g, NULL);
  mcmc_leapfrog (&BANANA, eps, steps, q, p, g);
  for (size_t i = 0; i < 2; i++)
    {
      out[i] = gsl_vector_get (q, i);
      out[2 + i] = gsl_vector_get (p, i);
    }
  gsl_vector_free (q);
  gsl_vector_free (p);
  gsl_vector_free (g);
}

static double
energy (const double *z)
{
  gsl_vector_const_view q = gsl_vector_const_view_array (z, 2);
  gsl_vector_const_view p = gsl_vector_const_view_array (z + 2, 2);
  return mcmc_hamiltonian (&BANANA, &q.vector, &p.vector);
}

/* mean |dH| over 50 fixed starts at eps = T/8 ... T/128: the ratios of
   successive means tend to 4 with an O(eps^2) correction, so the last
   ratio is within |r_last - r_previous| of 4 (the correction shrinks 4x
   per halving). */
static void
test_energy_order (gsl_rng * r)
{
  double starts[50][4], mean_err[5], tlen = 1.6;
  for (int s = 0; s < 50; s++)
    for (int i = 0; i < 4; i++)
      starts[s][i] = gsl_ran_gaussian (r, 1.0);
  for (int level = 0; level < 5; level++)
    {
      size_t steps = (size_t) 8 << level;
      double eps = tlen / (double) steps, sum = 0, out[4];
      for (int s = 0; s < 50; s++)
        {
          flow (eps, steps, starts[s], out);
          sum += fabs (energy (out) - energy (starts[s]));
        }
      mean_err[level] = sum / 50;
    }
  double r3 = mean_err[2] / mean_err[3], r4 = mean_err[3] / mean_err[4];
  tap_close (r4, 4, fabs (r4 - r3) + 1e-6,
             "energy error ratio when eps halves: %.4f (previous %.4f)",
             r4, r3);
  tap_ok (mean_err[4] < mean_err[0] / 200, "energy error falls: %.3g at eps"
          " = %.4f from %.3g at %.3f", mean_err[4], tlen / 128, mean_err[0],
          tlen / 8);
}

static void
test_reversibility (gsl_rng * r)
{
  double worst = 0, scale = 0;
  for (int s = 0; s < 20; s++)
    {
      double z[4], y[4], back[4];
      for (int i = 0; i < 4; i++)
        z[i] = gsl_ran_gaussian (r, 1.0);
      flow (0.05, 40, z, y);
      y[2] = -y[2];
      y[3] = -y[3];
      flow (0.05, 40, y, back);
      back[2] = -back[2];
      back[3] = -back[3];
      for (int i = 0; i < 4; i++)
        {
          worst = fmax (worst, fabs (back[i] - z[i]));
          scale = fmax (scale, fmax (fabs (z[i]), fabs (y[i])));
        }
    }
  /* 80 steps, each a few flops per coordinate: rounding of order
     80 * 8 ulps of the largest coordinate, times a modest growth */
  tap_close (worst, 0, 80 * 8 * DBL_EPSILON * scale * 10,
             "leapfrog reversible: flip p, run back, flip p (max %.3g)",
             worst);
}

/* det of the 4x4 Jacobian of the leapfrog map by central differences,
   at steps h and h/2: agreement bounds the O(h^2) truncation. */
static double
jacobian_det (const double *z, double h)
{
  gsl_matrix *j = gsl_matrix_alloc (4, 4);
  gsl_permutation *perm = gsl_permutation_alloc (4);
  for (int c = 0; c < 4; c++)
    {
      double zp[4], zm[4], fp[4], fm[4];
      for (int i = 0; i < 4; i++)
        zp[i] = zm[i] = z[i];
      zp[c] += h;
      zm[c] -= h;
      flow (0.05, 40, zp, fp);
      flow (0.05, 40, zm, fm);
      for (int i = 0; i < 4; i++)
        gsl_matrix_set (j, i, c, (fp[i] - fm[i]) / (2 * h));
    }
  int sign;
  gsl_linalg_LU_decomp (j, perm, &sign);
  double det = gsl_linalg_LU_det (j, sign);
  gsl_matrix_free (j);
  gsl_permutation_free (perm);
  return det;
}

static void
test_volume (gsl_rng * r)
{
  for (int s = 0; s < 5; s++)
    {
      double z[4];
      for (int i = 0; i < 4; i++)
        z[i] = gsl_ran_gaussian (r, 1.0);
      double d1 = jacobian_det (z, 1e-4), d2 = jacobian_det (z, 5e-5);
      tap_close (d2, 1, 2 * fabs (d1 - d2) + 1e-7,
                 "leapfrog preserves volume: det J = %.10f", d2);
    }
}

/* ---------------------------------------------------------------- errors */

static void
test_bad_arguments (gsl_rng * r)
{
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  gsl_matrix *chain = gsl_matrix_alloc (10, 1);
  gsl_matrix *wide = gsl_matrix_alloc (10, 2);
  gsl_vector *x0 = gsl_vector_calloc (1);
  mcmc_hmc_options o = { 0.1, 0, 0 };
  mcmc_target no_grad = { 1, std_normal_log, NULL, NULL };
  mcmc_target nowhere = { 1, nowhere_log, std_normal_grad, NULL };
  tap_ok (mcmc_mh (r, &NORMAL_1D, 0.0, x0, chain, NULL) == GSL_EINVAL,
          "MH: sigma = 0 refused");
  tap_ok (mcmc_mh (r, &NORMAL_1D, NAN, x0, chain, NULL) == GSL_EINVAL,
          "MH: sigma = NaN refused");
  tap_ok (mcmc_mh (r, &NORMAL_1D, 1.0, x0, wide, NULL) == GSL_EINVAL,
          "MH: chain of the wrong width refused");
  tap_ok (mcmc_mh (r, &nowhere, 1.0, x0, chain, NULL) == GSL_EINVAL,
          "MH: start where log pi = -inf refused");
  tap_ok (mcmc_hmc (r, &NORMAL_1D, &o, x0, chain, NULL, NULL) == GSL_EINVAL,
          "HMC: zero leapfrog steps refused");
  o.n_leapfrog = 3;
  o.step_jitter = 1.0;
  tap_ok (mcmc_hmc (r, &NORMAL_1D, &o, x0, chain, NULL, NULL) == GSL_EINVAL,
          "HMC: jitter 1 refused");
  o.step_jitter = 0;
  tap_ok (mcmc_hmc (r, &no_grad, &o, x0, chain, NULL, NULL) == GSL_EINVAL,
          "HMC: no gradient refused");
  tap_ok (mcmc_hmc (r, &nowhere, &o, x0, chain, NULL, NULL) == GSL_EINVAL,
          "HMC: start where log pi = -inf refused");
  /* a proposal where log pi is NaN is rejected, never accepted */
  gsl_vector_set (x0, 0, 0.0);
  o.step_size = 1e200;          /* leapfrog overflows to inf/NaN at once */
  double de[10];
  mcmc_stats st;
  int status = mcmc_hmc (r, &NORMAL_1D, &o, x0, chain, de, &st);
  tap_ok (status == GSL_SUCCESS && st.n_accepted == 0 && isinf (de[0])
          && gsl_matrix_get (chain, 9, 0) == 0.0,
          "HMC: diverging trajectories rejected, energy error +inf");
  gsl_set_error_handler (old);
  gsl_matrix_free (chain);
  gsl_matrix_free (wide);
  gsl_vector_free (x0);
}

int
main (void)
{
  const char *env = getenv ("HARNESS_SEED");
  gsl_rng *r = rng_new (env ? strtoul (env, NULL, 10) : RNG_DEFAULT_SEED);
  test_leapfrog_by_hand ();
  test_mh_normal (r);
  test_hmc_normal (r);
  test_energy_order (r);
  test_reversibility (r);
  test_volume (r);
  test_bad_arguments (r);
  gsl_rng_free (r);
  return tap_done ();
}

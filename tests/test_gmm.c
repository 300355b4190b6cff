/* test_gmm.c -- unit tests for lib/gmm.c against independent values.
 *
 * Densities against GSL's own Gaussian densities summed directly, the
 * normalisation by QUADPACK, the gradient against gsl_deriv_central (whose
 * error estimate sets the tolerance), sampling by z-scores against the exact
 * moments and bin masses, the M-step against a hand computation in exact
 * binary fractions, and EM's monotone log-likelihood.  The seed is fixed;
 * HARNESS_SEED overrides it. */
#include "errors.h"
#include "gmm.h"
#include "mc.h"
#include "quad.h"
#include "rng.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <stdlib.h>

#define Z_MAX 5.0       /* z-score bound for sampling tests: p ~ 6e-7 each */

/* The base seed: RNG_DEFAULT_SEED, or HARNESS_SEED from the environment. */
static unsigned long
base_seed (void)
{
  const char *s = getenv ("HARNESS_SEED");
  return s && *s ? strtoul (s, NULL, 10) : RNG_DEFAULT_SEED;
}

/* ---------------------------------------------------------------- fixtures */

static const double W1[] = { 0.2, 0.5, 0.3 };
static const double MU1[] = { -2.0, 0.0, 3.0 };
static const double SD1[] = { 1.0, 0.5, 2.0 };

static void
set_1d (gmm * g, size_t j, double w, double mu, double sd)
{
  gsl_vector_view m = gsl_vector_view_array (&mu, 1);
  double v = sd * sd;
  gsl_matrix_view s = gsl_matrix_view_array (&v, 1, 1);
  if (gmm_set_component (g, j, w, &m.vector, &s.matrix) != GSL_SUCCESS)
    abort ();
}

static gmm *
mixture_1d (void)
{
  gmm *g = gmm_alloc (3, 1);
  for (size_t j = 0; j < 3; j++)
    set_1d (g, j, W1[j], MU1[j], SD1[j]);
  gmm_normalise_weights (g);
  return g;
}

/* Three correlated components in 3-D. */
static const double MU3[3][3] = { {0, 0, 0}, {2, -1, 0.5}, {-1.5, 1, 2} };
static const double SIG3[3][9] = {
  {1.0, 0.3, 0.1, 0.3, 0.8, -0.2, 0.1, -0.2, 1.5},
  {0.5, 0.0, 0.1, 0.0, 0.4, 0.05, 0.1, 0.05, 0.3},
  {2.0, -0.6, 0.0, -0.6, 1.0, 0.2, 0.0, 0.2, 0.7},
};
static const double W3[] = { 0.5, 0.3, 0.2 };

static gmm *
mixture_3d (void)
{
  gmm *g = gmm_alloc (3, 3);
  for (size_t j = 0; j < 3; j++)
    {
      gsl_vector_const_view m = gsl_vector_const_view_array (MU3[j], 3);
      gsl_matrix_const_view s = gsl_matrix_const_view_array (SIG3[j], 3, 3);
      if (gmm_set_component (g, j, W3[j], &m.vector, &s.matrix) != GSL_SUCCESS)
        abort ();
    }
  gmm_normalise_weights (g);
  return g;
}

/* The density summed directly from GSL's univariate pdf. */
static double
direct_pdf_1d (double x)
{
  double s = 0.0;
  for (size_t j = 0; j < 3; j++)
    s += W1[j] * gsl_ran_gaussian_pdf (x - MU1[j], SD1[j]);
  return s;
}

/* log w_j + log N_j(x) from GSL's multivariate log-density (own Cholesky). */
static double
direct_log_joint_3d (const gsl_vector * x, size_t j)
{
  gsl_matrix *l = gsl_matrix_alloc (3, 3);
  gsl_vector *work = gsl_vector_alloc (3);
  gsl_matrix_const_view s = gsl_matrix_const_view_array (SIG3[j], 3, 3);
  gsl_vector_const_view m = gsl_vector_const_view_array (MU3[j], 3);
  gsl_matrix_memcpy (l, &s.matrix);
  gsl_linalg_cholesky_decomp1 (l);
  double lp;
  gsl_ran_multivariate_gaussian_log_pdf (x, &m.vector, l, &lp, work);
  gsl_vector_free (work);
  gsl_matrix_free (l);
  return log (W3[j]) + lp;
}

/* ---------------------------------------------------------------- density */

static double
pdf_for_quad (double x, void *params)
{
  return gmm_pdf_1d (params, x);
}

static void
test_normalisation (void)
{
  gmm *g = mixture_1d ();
  quad_result q = quad_real_line_hull (pdf_for_quad, g, 3, MU1, SD1);
  tap_close (q.value, 1.0, 4 * q.abserr + 1e-12, "1-D density integrates to 1");
  gmm_free (g);
}

static void
test_log_pdf_1d (void)
{
  gmm *g = mixture_1d ();
  double worst = 0.0;
  for (double x = -10.0; x <= 12.0; x += 0.25)
    {
      double want = log (direct_pdf_1d (x));
      worst = fmax (worst, fabs (gmm_log_pdf_1d (g, x) - want)
                    / fmax (1.0, fabs (want)));
    }
  tap_ok (worst < 1e-13, "1-D log-pdf = log of direct sum, worst rel %.3g", worst);

  /* Far tail: the direct sum underflows to 0, the log-sum-exp does not.
     At x = 90 the sd-2 component dominates (exp(-946) < DBL_TRUE_MIN);
     the others add exp(< -4000) relative to it. */
  double x = 90.0;
  double dominant = log (W1[2] / (SD1[2] * sqrt (2 * M_PI)))
    - 0.5 * gsl_pow_2 ((x - MU1[2]) / SD1[2]);
  tap_ok (direct_pdf_1d (x) == 0.0, "direct sum underflows at x = 90");
  tap_close (gmm_log_pdf_1d (g, x), dominant, 1e-13 * fabs (dominant),
             "log-pdf at x = 90 equals the dominant term");
  tap_ok (isnan (gmm_log_pdf_1d (g, NAN)), "log-pdf(NaN) is NaN");
  tap_ok (gmm_log_pdf_1d (g, INFINITY) == -INFINITY, "log-pdf(+inf) = -inf");
  tap_ok (gmm_log_pdf_1d (g, -INFINITY) == -INFINITY, "log-pdf(-inf) = -inf");
  gmm_free (g);
}

static void
test_log_pdf_3d (void)
{
  gmm *g = mixture_3d ();
  gsl_rng *r = rng_new (base_seed ());
  gsl_vector *x = gsl_vector_alloc (3), *work = gsl_vector_alloc (3);
  double worst = 0.0, worst_r = 0.0, worst_sum = 0.0;
  for (int t = 0; t < 200; t++)
    {
      for (size_t i = 0; i < 3; i++)
        gsl_vector_set (x, i, 3.0 * gsl_ran_gaussian (r, 1.0));
      double lj[3], s = 0.0, resp[3];
      for (size_t j = 0; j < 3; j++)
        s += exp (lj[j] = direct_log_joint_3d (x, j));
      double want = log (s);
      worst = fmax (worst, fabs (gmm_log_pdf (g, x, work) - want)
                    / fmax (1.0, fabs (want)));
      gmm_responsibilities (g, x, resp);
      double rs = 0.0;
      for (size_t j = 0; j < 3; j++)
        {
          worst_r = fmax (worst_r, fabs (resp[j] - exp (lj[j]) / s));
          rs += resp[j];
        }
      worst_sum = fmax (worst_sum, fabs (rs - 1.0));
    }
  tap_ok (worst < 1e-12, "3-D log-pdf = log sum of GSL densities, worst rel %.3g",
          worst);
  /* the array form: the same value bit for bit, and the log sum of GSL's
     densities; at the point with its coordinates reversed it is not
     (negative control: the array is read in order) */
  double xa[3] = { 0.3, -1.7, 2.2 }, xr[3] = { 2.2, -1.7, 0.3 }, sa = 0.0;
  gsl_vector_view xav = gsl_vector_view_array (xa, 3);
  for (size_t j = 0; j < 3; j++)
    sa += exp (direct_log_joint_3d (&xav.vector, j));
  tap_ok (gmm_log_pdf_array (g, xa) == gmm_log_pdf (g, &xav.vector, work),
          "gmm_log_pdf_array = gmm_log_pdf, bit for bit");
  tap_close (gmm_log_pdf_array (g, xa), log (sa), 1e-12 * fabs (log (sa)),
             "gmm_log_pdf_array = log sum of GSL densities at (0.3, -1.7, 2.2)");
  tap_ok (fabs (gmm_log_pdf_array (g, xr) - log (sa)) > 1e-3,
          "at (2.2, -1.7, 0.3) it is not (negative control)");
  tap_ok (worst_r < 1e-12, "3-D responsibilities = w_j N_j / p, worst %.3g", worst_r);
  tap_ok (worst_sum < 8 * DBL_EPSILON, "responsibilities sum to 1, worst %.3g",
          worst_sum);

  /* far away every joint underflows; the responsibilities stay a
     distribution */
  double resp[3];
  gsl_vector_set_all (x, 80.0);
  gmm_responsibilities (g, x, resp);
  int finite = 1;
  for (size_t j = 0; j < 3; j++)
    finite &= isfinite (resp[j]) && resp[j] >= 0.0 && resp[j] <= 1.0;
  tap_ok (finite && fabs (resp[0] + resp[1] + resp[2] - 1.0) < 8 * DBL_EPSILON,
          "responsibilities at x = (80,80,80) are finite and sum to 1");
  tap_ok (isfinite (gmm_log_pdf (g, x, work)), "3-D log-pdf finite at (80,80,80)");
  gsl_vector_set (x, 1, NAN);
  gmm_responsibilities (g, x, resp);
  tap_ok (isnan (resp[0]) && isnan (resp[1]) && isnan (resp[2]),
          "responsibilities at a NaN point are NaN");
  gsl_vector_free (work);
  gsl_vector_free (x);
  gsl_rng_free (r);
  gmm_free (g);
}

/* ---------------------------------------------------------------- gradient */

typedef struct
{
  const gmm *g;
  gsl_vector *x;
  size_t i;
} partial_params;

static double
log_pdf_along (double t, void *params)
{
  partial_params *p = params;
  gsl_vector *y = gsl_vector_alloc (p->x->size), *work = gsl_vector_alloc (p->x->size);
  gsl_vector_memcpy (y, p->x);
  gsl_vector_set (y, p->i, t);
  double v = gmm_log_pdf (p->g, y, work);
  gsl_vector_free (work);
  gsl_vector_free (y);
  return v;
}

static void
test_gradient (void)
{
  gmm *g = mixture_3d ();
  gsl_rng *r = rng_new (base_seed () + 1);
  gsl_vector *x = gsl_vector_alloc (3), *grad = gsl_vector_alloc (3);
  int bad = 0;
  double worst = 0.0;
  for (int t = 0; t < 50; t++)
    {
      for (size_t i = 0; i < 3; i++)
        gsl_vector_set (x, i, 2.0 * gsl_ran_gaussian (r, 1.0));
      gmm_grad_log_pdf (g, x, grad);
      for (size_t i = 0; i < 3; i++)
        {
          partial_params p = { g, x, i };
          gsl_function f = { log_pdf_along, &p };
          double d, err;
          gsl_deriv_central (&f, gsl_vector_get (x, i), 1e-3, &d, &err);
          double diff = fabs (gsl_vector_get (grad, i) - d);
          bad += !(diff <= 4 * err + 1e-9 * fmax (1.0, fabs (d)));
          worst = fmax (worst, diff);
        }
    }
  tap_ok (bad == 0, "gradient = central differences (150 partials), worst |diff| %.3g",
          worst);

  /* one component: grad log N = -Sigma^-1 (x - mu), by hand in 1-D */
  gmm *one = gmm_alloc (1, 1);
  set_1d (one, 0, 1.0, 1.5, 2.0);
  double xv = 4.0, gv;
  gsl_vector_view xs = gsl_vector_view_array (&xv, 1);
  gsl_vector_view gs = gsl_vector_view_array (&gv, 1);
  gmm_grad_log_pdf (one, &xs.vector, &gs.vector);
  tap_close (gv, -(4.0 - 1.5) / 4.0, 4 * DBL_EPSILON, "1-D single Gaussian gradient");
  gmm_free (one);
  gsl_vector_free (grad);
  gsl_vector_free (x);
  gsl_rng_free (r);
  gmm_free (g);
}

/* ---------------------------------------------------------------- moments */

static void
test_moments_by_hand (void)
{
  gmm *g = mixture_1d ();
  double m = 0.0, s2 = 0.0;
  for (size_t j = 0; j < 3; j++)
    {
      m += W1[j] * MU1[j];
      s2 += W1[j] * (SD1[j] * SD1[j] + MU1[j] * MU1[j]);
    }
  double mv, cv;
  gsl_vector_view mean = gsl_vector_view_array (&mv, 1);
  gsl_matrix_view cov = gsl_matrix_view_array (&cv, 1, 1);
  gmm_mean (g, &mean.vector);
  gmm_covariance (g, &cov.matrix);
  tap_close (mv, m, 8 * DBL_EPSILON, "1-D mean = sum w mu");
  tap_close (cv, s2 - m * m, 32 * DBL_EPSILON, "1-D variance = E[x^2] - m^2");
  gmm_free (g);
}

static void
test_sample_moments (void)
{
  gmm *g = mixture_3d ();
  gsl_rng *r = rng_new (base_seed () + 2);
  gsl_vector *x = gsl_vector_alloc (3), *m = gsl_vector_alloc (3);
  gsl_matrix *c = gsl_matrix_alloc (3, 3);
  gmm_mean (g, m);
  gmm_covariance (g, c);
  mc_acc mean[3], prod[3][3];
  for (size_t a = 0; a < 3; a++)
    {
      mc_init (&mean[a]);
      for (size_t b = 0; b < 3; b++)
        mc_init (&prod[a][b]);
    }
  const long n = 200000;
  for (long t = 0; t < n; t++)
    {
      gmm_sample (r, g, x);
      for (size_t a = 0; a < 3; a++)
        {
          double da = gsl_vector_get (x, a) - gsl_vector_get (m, a);
          mc_add (&mean[a], gsl_vector_get (x, a));
          for (size_t b = 0; b < 3; b++)
            mc_add (&prod[a][b], da * (gsl_vector_get (x, b) - gsl_vector_get (m, b)));
        }
    }
  /* centred at the exact mean, E[(x_a - m_a)(x_b - m_b)] = C_ab exactly,
     so each entry is a plain Monte Carlo mean with its own SE */
  double zm = 0.0, zc = 0.0;
  for (size_t a = 0; a < 3; a++)
    {
      zm = fmax (zm, fabs (mc_mean (&mean[a]) - gsl_vector_get (m, a)) / mc_se (&mean[a]));
      for (size_t b = 0; b < 3; b++)
        zc = fmax (zc, fabs (mc_mean (&prod[a][b]) - gsl_matrix_get (c, a, b))
                   / mc_se (&prod[a][b]));
    }
  tap_ok (zm < Z_MAX, "3-D sample mean = gmm_mean, max |z| %.2f", zm);
  tap_ok (zc < Z_MAX, "3-D sample covariance = gmm_covariance, max |z| %.2f", zc);
  gsl_matrix_free (c);
  gsl_vector_free (m);
  gsl_vector_free (x);
  gsl_rng_free (r);
  gmm_free (g);
}

/* Counts in bins against the mass from quadrature of the density. */
static void
test_sample_bins_1d (void)
{
  gmm *g = mixture_1d ();
  gsl_rng *r = rng_new (base_seed () + 3);
  enum { NB = 12 };
  const double lo = -6.0, hi = 9.0;
  long count[NB + 2] = { 0 };
  const long n = 100000;
  double xv;
  gsl_vector_view x = gsl_vector_view_array (&xv, 1);
  for (long t = 0; t < n; t++)
    {
      gmm_sample (r, g, &x.vector);
      long b = xv < lo ? 0 : xv >= hi ? NB + 1 : 1 + (long) ((xv - lo) / (hi - lo) * NB);
      count[b]++;
    }
  double zmax = 0.0;
  for (int b = 1; b <= NB; b++)
    {
      double a = lo + (b - 1) * (hi - lo) / NB, e = lo + b * (hi - lo) / NB;
      double p = quad_interval (pdf_for_quad, g, a, e).value;
      double z = (count[b] - n * p) / sqrt (n * p * (1 - p));
      zmax = fmax (zmax, fabs (z));
    }
  tap_ok (zmax < Z_MAX, "1-D bin counts = n x quadrature mass, max |z| %.2f", zmax);
  gsl_rng_free (r);
  gmm_free (g);
}

/* ---------------------------------------------------------------- EM */

/* x = {0, 1, 2, 4}, r1 = {1, 1/2, 1/2, 0}: by hand N1 = N2 = 2, w = 1/2,
   mu1 = 3/4, mu2 = 11/4, var1 = 11/16, var2 = 27/16 (exact in binary). */
static void
test_m_step_1d (void)
{
  double xs[] = { 0, 1, 2, 4 };
  double rs[] = { 1, 0, 0.5, 0.5, 0.5, 0.5, 0, 1 };
  gsl_matrix_view x = gsl_matrix_view_array (xs, 4, 1);
  gsl_matrix_view resp = gsl_matrix_view_array (rs, 4, 2);
  gmm *g = gmm_alloc (2, 1);
  int st = gmm_m_step (g, &x.matrix, &resp.matrix, 0.0);
  tap_ok (st == GSL_SUCCESS, "M-step 1-D succeeds");
  tap_ok (g->weights[0] == 0.5 && g->weights[1] == 0.5, "M-step weights 1/2, 1/2");
  tap_close (gsl_vector_get (g->comp[0]->mu, 0), 0.75, 4 * DBL_EPSILON, "M-step mu1 = 3/4");
  tap_close (gsl_vector_get (g->comp[1]->mu, 0), 2.75, 4 * DBL_EPSILON, "M-step mu2 = 11/4");
  tap_close (gsl_matrix_get (g->comp[0]->sigma, 0, 0), 0.6875, 4 * DBL_EPSILON,
             "M-step var1 = 11/16");
  tap_close (gsl_matrix_get (g->comp[1]->sigma, 0, 0), 1.6875, 4 * DBL_EPSILON,
             "M-step var2 = 27/16");
  st = gmm_m_step (g, &x.matrix, &resp.matrix, 0.125);
  tap_close (gsl_matrix_get (g->comp[0]->sigma, 0, 0), 0.8125, 4 * DBL_EPSILON,
             "M-step ridge 1/8 adds to var1");
  gmm_free (g);
}

/* Unit square corners, r1 = {1,1,1,0}: mu1 = (1/3,1/3), Sigma1 = [2 -1; -1 2]/9,
   w = (3/4, 1/4); component 2 has one point, so its covariance is 0 (not
   SPD) unless a ridge is added. */
static void
test_m_step_2d (void)
{
  double xs[] = { 0, 0, 1, 0, 0, 1, 1, 1 };
  double rs[] = { 1, 0, 1, 0, 1, 0, 0, 1 };
  gsl_matrix_view x = gsl_matrix_view_array (xs, 4, 2);
  gsl_matrix_view resp = gsl_matrix_view_array (rs, 4, 2);
  gmm *g = gmm_alloc (2, 2);
  tap_ok (gmm_m_step (g, &x.matrix, &resp.matrix, 0.0) == GSL_EDOM,
          "M-step with a one-point component and no ridge: GSL_EDOM");
  tap_ok (gmm_m_step (g, &x.matrix, &resp.matrix, 0.5) == GSL_SUCCESS,
          "M-step with ridge 1/2 succeeds");
  tap_close (g->weights[0], 0.75, 2 * DBL_EPSILON, "M-step 2-D w1 = 3/4");
  tap_close (gsl_vector_get (g->comp[0]->mu, 1), 1.0 / 3, 4 * DBL_EPSILON,
             "M-step 2-D mu1_y = 1/3");
  tap_close (gsl_matrix_get (g->comp[0]->sigma, 0, 0), 2.0 / 9 + 0.5, 8 * DBL_EPSILON,
             "M-step 2-D Sigma1_xx = 2/9 + ridge");
  tap_close (gsl_matrix_get (g->comp[0]->sigma, 0, 1), -1.0 / 9, 8 * DBL_EPSILON,
             "M-step 2-D Sigma1_xy = -1/9");
  tap_close (gsl_matrix_get (g->comp[0]->sigma, 1, 0), -1.0 / 9, 8 * DBL_EPSILON,
             "M-step 2-D Sigma1_yx = -1/9 (symmetric)");
  tap_ok (gsl_matrix_get (g->comp[1]->sigma, 0, 0) == 0.5
          && gsl_matrix_get (g->comp[1]->sigma, 0, 1) == 0.0,
          "M-step 2-D Sigma2 = ridge I");
  double r0[] = { 1, 0, 1, 0, 1, 0, 1, 0 };
  gsl_matrix_view resp0 = gsl_matrix_view_array (r0, 4, 2);
  tap_ok (gmm_m_step (g, &x.matrix, &resp0.matrix, 0.5) == GSL_EDOM,
          "M-step with an empty component: GSL_EDOM");
  gmm_free (g);
}

static int
em_monotone (gmm * g, const gsl_matrix * x, int iters, double *gain)
{
  gsl_matrix *resp = gsl_matrix_alloc (x->size1, g->k);
  double ll = gmm_log_likelihood (g, x), ll0 = ll;
  int ok = 1;
  for (int t = 0; t < iters; t++)
    {
      gmm_e_step (g, x, resp);
      if (gmm_m_step (g, x, resp, 0.0) != GSL_SUCCESS)
        ok = 0;
      double next = gmm_log_likelihood (g, x);
      /* rounding in a sum of n terms: n eps |ll| at most */
      if (next < ll - (double) x->size1 * DBL_EPSILON * fabs (ll))
        ok = 0;
      ll = next;
    }
  *gain = ll - ll0;
  gsl_matrix_free (resp);
  return ok;
}

static void
test_em (void)
{
  gsl_rng *r = rng_new (base_seed () + 4);
  gmm *truth = mixture_1d ();
  gsl_matrix *x = gsl_matrix_alloc (500, 1);
  for (size_t i = 0; i < 500; i++)
    {
      gsl_vector_view xi = gsl_matrix_row (x, i);
      gmm_sample (r, truth, &xi.vector);
    }
  gmm *fit = gmm_alloc (3, 1);
  set_1d (fit, 0, 1, -0.5, 3.0);
  set_1d (fit, 1, 1, 0.1, 3.0);
  set_1d (fit, 2, 1, 0.5, 3.0);
  gmm_normalise_weights (fit);
  double gain;
  tap_ok (em_monotone (fit, x, 60, &gain), "1-D EM: log-likelihood never decreases");
  tap_ok (gain > 10.0, "1-D EM: log-likelihood rises (by %.1f)", gain);
  gmm_free (fit);
  gsl_matrix_free (x);
  gmm_free (truth);

  truth = mixture_3d ();
  x = gsl_matrix_alloc (400, 3);
  for (size_t i = 0; i < 400; i++)
    {
      gsl_vector_view xi = gsl_matrix_row (x, i);
      gmm_sample (r, truth, &xi.vector);
    }
  fit = gmm_alloc (3, 3);
  for (size_t j = 0; j < 3; j++)
    gsl_vector_set (fit->comp[j]->mu, j, 0.5);   /* distinct starts */
  for (size_t j = 0; j < 3; j++)
    gmm_set_component (fit, j, 1, fit->comp[j]->mu, fit->comp[j]->sigma);
  gmm_normalise_weights (fit);
  tap_ok (em_monotone (fit, x, 40, &gain), "3-D EM: log-likelihood never decreases");
  gmm_free (fit);
  gsl_matrix_free (x);
  gmm_free (truth);
  gsl_rng_free (r);
}

/* gmm_em against EM's theorems, independent of its loop: after it RESP is
   the E-step of the G it returns, so F(θ, q) = log p(x|θ) (gmm_free_energy
   against gmm_log_likelihood_err, two routes); one call of 2t iterations is
   t and t more, bit for bit; the log-likelihood rises; and at EM's fixed
   point (3000 iterations) one more moves no mean by 1e-8.  Negative
   control: a component at 1e4, far from data near 0, gets no
   responsibility, and gmm_em reports the breakdown (GSL_EDOM). */
static void
test_gmm_em (void)
{
  static const double w0[] = { 1, 1, 1 }, mu0[] = { -1, 0, 1 }, var0[] = { 4, 4, 4 };
  static const double far[] = { -1, 0, 1e4 };
  gsl_rng *r = rng_new (base_seed () + 40);
  gmm *truth = mixture_1d (), *a = gmm_alloc_from (3, 1, w0, mu0, var0, 1.0);
  gmm *b = gmm_alloc_from (3, 1, w0, mu0, var0, 1.0);
  gmm *bad = gmm_alloc_from (3, 1, w0, far, var0, 1.0);
  gsl_matrix *x = gmm_sample_n (r, truth, 300), *q = gsl_matrix_alloc (300, 3);
  double ll0 = gmm_log_likelihood (a, x), bl, bf;
  int st = gmm_em (a, x, q, 10);
  double f = gmm_free_energy (a, x, q, &bf), ll = gmm_log_likelihood_err (a, x, &bl);
  tap_ok (st == GSL_SUCCESS && fabs (f - ll) <= bf + bl && ll > ll0 + 10,
          "gmm_em: RESP is the E-step at the G returned, F = log p(x|θ) = %.10g (from %.6g)",
          ll, ll0);
  st = gmm_em (b, x, q, 5) | gmm_em (b, x, q, 5);
  int same = st == GSL_SUCCESS;
  for (size_t j = 0; j < 3; j++)
    same &= gsl_vector_get (a->comp[j]->mu, 0) == gsl_vector_get (b->comp[j]->mu, 0)
      && a->weights[j] == b->weights[j];
  tap_ok (same, "gmm_em: 5 then 5 iterations are 10, bit for bit");
  gmm_em (a, x, q, 2990);
  gmm_memcpy (b, a);
  gmm_em (b, x, q, 1);
  double moved = 0;
  for (size_t j = 0; j < 3; j++)
    moved = fmax (moved, fabs (gsl_vector_get (a->comp[j]->mu, 0)
                               - gsl_vector_get (b->comp[j]->mu, 0)));
  tap_ok (moved < 1e-8, "gmm_em: at the fixed point one more iteration moves a mean by %.2g",
          moved);
  tap_ok (gmm_em (bad, x, q, 3) == GSL_EDOM,
          "gmm_em: a component without data is a breakdown (GSL_EDOM)");
  gsl_matrix_free (q), gsl_matrix_free (x);
  gmm_free (bad), gmm_free (b), gmm_free (a), gmm_free (truth);
  gsl_rng_free (r);
}

/* ---------------------------------------------------------------- set-up */

static void
test_setup (void)
{
  gmm *g = gmm_alloc (2, 1);
  tap_close (gmm_log_pdf_1d (g, 0.0), -0.5 * log (2 * M_PI), 4 * DBL_EPSILON,
             "default mixture is N(0,1) (k = 2, equal weights)");
  double mu = 1.0, bad = -1.0;
  gsl_vector_view m = gsl_vector_view_array (&mu, 1);
  gsl_matrix_view s = gsl_matrix_view_array (&bad, 1, 1);
  tap_ok (gmm_set_component (g, 0, 0.5, &m.vector, &s.matrix) == GSL_EDOM,
          "negative variance: GSL_EDOM");
  tap_ok (gsl_vector_get (g->comp[0]->mu, 0) == 0.0
          && gsl_matrix_get (g->comp[0]->sigma, 0, 0) == 1.0,
          "a failed set leaves the component unchanged");
  double one = 1.0;
  gsl_matrix_view s1 = gsl_matrix_view_array (&one, 1, 1);
  tap_ok (gmm_set_component (g, 0, NAN, &m.vector, &s1.matrix) == GSL_EDOM,
          "NaN weight: GSL_EDOM");
  tap_ok (gmm_set_component (g, 0, 0.0, &m.vector, &s1.matrix) == GSL_EDOM,
          "zero weight: GSL_EDOM");
  set_1d (g, 0, 3.0, 0.0, 1.0);
  set_1d (g, 1, 1.0, 0.0, 1.0);
  gmm_normalise_weights (g);
  tap_ok (g->weights[0] == 0.75 && g->weights[1] == 0.25, "weights 3:1 normalise to 3/4, 1/4");
  gmm *copy = gmm_alloc (2, 1);
  gmm_memcpy (copy, g);
  tap_ok (copy->weights[0] == 0.75 && gmm_log_pdf_1d (copy, 0.3) == gmm_log_pdf_1d (g, 0.3),
          "gmm_memcpy copies weights and components");
  gmm_free (copy);
  gmm_free (g);
  gmm_free (NULL);
  tap_ok (1, "gmm_free (NULL) is a no-op");
}

/* The MCMC claims' target: its moments by two routes, its callbacks. */
static void
test_mcmc_example (void)
{
  gmm *g = gmm_alloc_mcmc_example (2.0);
  tap_close (g->weights[0] + g->weights[1] + g->weights[2], 1, 4e-16, "example weights sum to 1");
  tap_close (gsl_vector_get (g->comp[1]->mu, 1), 1.2, 1e-15, "means scale with the separation");
  gsl_matrix *m2 = gsl_matrix_alloc (2, 2), *cov = gsl_matrix_alloc (2, 2);
  gsl_vector *mean = gsl_vector_alloc (2), *grad = gsl_vector_alloc (2);
  gsl_vector *x = gsl_vector_alloc (2), *work = gsl_vector_alloc (2);
  gmm_second_moment (g, m2);
  gmm_mean (g, mean);
  gmm_covariance (g, cov);
  double worst = 0;
  for (size_t a = 0; a < 2; a++)
    for (size_t b = 0; b < 2; b++)
      worst = fmax (worst, fabs (gsl_matrix_get (m2, a, b) - gsl_matrix_get (cov, a, b)
                                 - gsl_vector_get (mean, a) * gsl_vector_get (mean, b)));
  tap_close (worst, 0, 1e-14, "E xxᵀ = Cov + mean meanᵀ (law of total variance)");
  /* E x1² by hand at separation 2: Σ w (σ11 + μ1²) */
  double hand = 0.45 * (0.55 + 3.2 * 3.2) + 0.35 * (0.45 + 3.2 * 3.2) + 0.20 * (0.70 + 0.04);
  tap_close (gsl_matrix_get (m2, 0, 0), hand, 1e-14, "E x1² by hand");
  gmm_target t = { g, 0.5, work };
  gsl_vector_set (x, 0, 0.3);
  gsl_vector_set (x, 1, -0.7);
  tap_close (gmm_target_log_pdf (x, &t), 0.5 * gmm_log_pdf (g, x, work), 1e-15,
             "target log density is log p / T");
  gmm_target_grad_log_pdf (x, grad, &t);
  double h = 1e-5, fd[2];
  for (size_t a = 0; a < 2; a++)
    {
      double x0 = gsl_vector_get (x, a);
      gsl_vector_set (x, a, x0 + h);
      double fp = gmm_target_log_pdf (x, &t);
      gsl_vector_set (x, a, x0 - h);
      double fm = gmm_target_log_pdf (x, &t);
      gsl_vector_set (x, a, x0);
      fd[a] = (fp - fm) / (2 * h);
    }
  tap_close (gsl_vector_get (grad, 0), fd[0], 1e-8, "target gradient ∂/∂x1 against central differences");
  tap_close (gsl_vector_get (grad, 1), fd[1], 1e-8, "target gradient ∂/∂x2 against central differences");
  gsl_matrix_free (m2);
  gsl_matrix_free (cov);
  gsl_vector_free (mean);
  gsl_vector_free (grad);
  gsl_vector_free (x);
  gsl_vector_free (work);
  gmm_free (g);
}

/* θ round trip; F(θ, q) = log-likelihood at q = the responsibilities and
   below it elsewhere; dF/dθ against central differences of F. */
static void
test_free_energy (void)
{
  gsl_rng *r = rng_new (base_seed () + 7);
  gmm *g = mixture_3d (), *h = gmm_alloc (g->k, g->d);
  size_t n = 40, np = gmm_theta_size (g->k, g->d);
  tap_ok (np == 2 + 9 + 18, "θ of 3 components in 3-D has 29 coordinates");
  gsl_matrix *x = gsl_matrix_alloc (n, g->d), *q = gsl_matrix_alloc (n, g->k);
  for (size_t i = 0; i < n; i++)
    {
      gsl_vector_view xi = gsl_matrix_row (x, i);
      gmm_sample (r, g, &xi.vector);
    }
  gsl_vector *th = gsl_vector_alloc (np), *th2 = gsl_vector_alloc (np);
  gsl_vector *grad = gsl_vector_alloc (np);
  gmm_theta_pack (g, th);
  tap_ok (gmm_theta_unpack (th, h) == GSL_SUCCESS, "θ unpacks");
  gmm_theta_pack (h, th2);
  double worst = 0;
  for (size_t i = 0; i < np; i++)
    worst = fmax (worst, fabs (gsl_vector_get (th, i) - gsl_vector_get (th2, i)));
  tap_ok (worst < 1e-12, "θ pack, unpack, pack round trip (%.2g)", worst);
  gmm_e_step (g, x, q);
  double b, f = gmm_free_energy (g, x, q, &b), ll = gmm_log_likelihood (g, x);
  tap_ok (fabs (f - ll) <= b && b < 1e-10 * fabs (ll),
          "F(θ, p(z|x)) = log p(x|θ) within its bound (%.2g, bound %.2g)", f - ll, b);
  for (size_t i = 0; i < n; i++)
    for (size_t z = 0; z < g->k; z++)
      gsl_matrix_set (q, i, z, (z == i % g->k) ? 0.8 : 0.1);
  tap_ok (gmm_free_energy (g, x, q, NULL) < ll, "F(θ, q) < log p(x|θ) for q not the posterior");
  gmm_free_energy_grad (g, x, q, grad);
  double worst_rel = 0;
  for (size_t j = 0; j < np; j++)
    {
      double e = 1e-5, t = gsl_vector_get (th, j);
      gsl_vector_set (th2, j, t + e);
      gmm_theta_unpack (th2, h);
      double fp = gmm_free_energy (h, x, q, NULL);
      gsl_vector_set (th2, j, t - e);
      gmm_theta_unpack (th2, h);
      double fm = gmm_free_energy (h, x, q, NULL);
      gsl_vector_set (th2, j, t);
      double fd = (fp - fm) / (2 * e), an = gsl_vector_get (grad, j);
      worst_rel = fmax (worst_rel, fabs (fd - an) / (1 + fabs (an)));
    }
  tap_ok (worst_rel < 1e-5, "dF/dθ against central differences (worst %.2g)", worst_rel);
  gsl_vector_free (grad);
  gsl_vector_free (th2);
  gsl_vector_free (th);
  gsl_matrix_free (q);
  gsl_matrix_free (x);
  gmm_free (h);
  gmm_free (g);
  gsl_rng_free (r);
}

/* gmm_sample_n draws what gmm_sample draws in turn; the bounded
   log-likelihood is gmm_log_likelihood and its bound covers the distance
   to a long-double sum; the argmax of F(·, q) by BFGS agrees with the
   closed-form M-step (Bishop PRML 9.24-9.26) within its tolerance. */
static void
test_data_sets_and_argmax (void)
{
  gmm *g = mixture_1d ();
  gsl_rng *r1 = rng_new (base_seed () + 11), *r2 = rng_new (base_seed () + 11);
  gsl_matrix *x = gmm_sample_n (r1, g, 300);
  gsl_vector *xi = gsl_vector_alloc (1);
  int same = x->size1 == 300 && x->size2 == 1;
  for (size_t i = 0; i < 300 && same; i++)
    {
      gmm_sample (r2, g, xi);
      same = gsl_vector_get (xi, 0) == gsl_matrix_get (x, i, 0);
    }
  tap_ok (same, "gmm_sample_n: the draws of gmm_sample in turn, one per row");
  double b, ll = gmm_log_likelihood_err (g, x, &b);
  long double ref = 0;
  for (size_t i = 0; i < 300; i++)
    ref += gmm_log_pdf_1d (g, gsl_matrix_get (x, i, 0));
  tap_ok (ll == gmm_log_likelihood (g, x), "gmm_log_likelihood_err: the value of gmm_log_likelihood");
  tap_ok (fabsl (ll - ref) <= b && b < 1e-11 * fabs (ll),
          "gmm_log_likelihood_err: |ll - long double sum| %.2Lg <= bound %.2g", fabsl (ll - ref), b);

  gmm *start = gmm_alloc (3, 1), *c = gmm_alloc (3, 1);
  for (size_t j = 0; j < 3; j++)
    set_1d (start, j, 1, (double) j - 1, 2);
  gmm_normalise_weights (start);
  gsl_matrix *q = gsl_matrix_alloc (300, 3);
  gmm_e_step (start, x, q);
  gmm_memcpy (c, start);
  if (gmm_m_step (c, x, q, 0.0) != GSL_SUCCESS)
    abort ();
  size_t np = gmm_theta_size (3, 1);
  gsl_vector *closed = gsl_vector_alloc (np), *opt = gsl_vector_alloc (np);
  gmm_theta_pack (c, closed);
  double tol = gmm_free_energy_argmax (start, x, q, opt);
  double worst = 0;
  for (size_t i = 0; i < np; i++)
    worst = fmax (worst, fabs (gsl_vector_get (opt, i) - gsl_vector_get (closed, i)));
  tap_ok (tol > 0 && tol < 1e-4, "gmm_free_energy_argmax: tolerance %.3g in (0, 1e-4)", tol);
  tap_ok (worst <= tol + 1e-12, "gmm_free_energy_argmax: the closed-form M-step within"
          " it (%.3g)", worst);
  /* q = 0: F is flat in θ, its Hessian 0, so no tolerance */
  gsl_matrix_set_all (q, 0.0);
  tap_ok (isnan (gmm_free_energy_argmax (start, x, q, opt)),
          "gmm_free_energy_argmax: q = 0 (F flat) gives no tolerance (NaN)");
  gsl_vector_free (opt), gsl_vector_free (closed), gsl_vector_free (xi);
  gsl_matrix_free (q), gsl_matrix_free (x);
  gmm_free (c), gmm_free (start), gmm_free (g);
  gsl_rng_free (r1), gsl_rng_free (r2);
}
/* gmm_alloc_from against gmm_set_component; the M-step's rounding bound
   against the closed form in long double. */
static void
test_alloc_from_and_m_step_rounding (void)
{
  const double w[] = { 2, 5, 3 }, mu[] = { -1, 0, 1.5 }, var[] = { 1, 0.25, 4 };
  gmm *g = gmm_alloc_from (3, 1, w, mu, var, 2.0), *ref = mixture_1d ();
  int same = 1;
  for (size_t j = 0; j < 3; j++)
    same &= fabs (g->weights[j] - W1[j]) <= 2 * DBL_EPSILON
      && gsl_vector_get (g->comp[j]->mu, 0) == 2 * mu[j]
      && gsl_matrix_get (g->comp[j]->sigma, 0, 0) == var[j];
  tap_ok (same, "gmm_alloc_from: weights normalised, means scaled, variances as given");
  tap_ok (fabs (gmm_log_pdf_1d (g, 0.7) - log (0.2 * gsl_ran_gaussian_pdf (0.7 + 2, 1)
                                              + 0.5 * gsl_ran_gaussian_pdf (0.7, 0.5)
                                              + 0.3 * gsl_ran_gaussian_pdf (0.7 - 3, 2))) < 1e-14,
          "gmm_alloc_from: the density of the mixture it describes");
  gsl_rng *r = rng_new (base_seed () + 13);
  gsl_matrix *x = gmm_sample_n (r, ref, 500), *q = gsl_matrix_alloc (500, 3);
  gmm_e_step (g, x, q);
  if (gmm_m_step (g, x, q, 0.0) != GSL_SUCCESS)
    abort ();
  gsl_vector *th = gsl_vector_alloc (gmm_theta_size (3, 1));
  gmm_theta_pack (g, th);
  long double nj[3] = { 0 }, sx[3] = { 0 }, ss[3] = { 0 }, m[3];
  for (size_t i = 0; i < 500; i++)
    for (size_t j = 0; j < 3; j++)
      {
        nj[j] += gsl_matrix_get (q, i, j);
        sx[j] += (long double) gsl_matrix_get (q, i, j) * gsl_matrix_get (x, i, 0);
      }
  for (size_t j = 0; j < 3; j++)
    m[j] = sx[j] / nj[j];
  for (size_t i = 0; i < 500; i++)
    for (size_t j = 0; j < 3; j++)
      {
        long double dx = gsl_matrix_get (x, i, 0) - m[j];
        ss[j] += gsl_matrix_get (q, i, j) * dx * dx;
      }
  double bound = gmm_m_step_rounding (x), worst = 0;
  for (size_t j = 0; j < 3; j++)
    {
      if (j < 2)
        worst = fmax (worst, fabs (gsl_vector_get (th, j) - (double) logl (nj[j] / nj[2])));
      worst = fmax (worst, fabs (gsl_vector_get (th, 2 + 2 * j) - (double) m[j]));
      worst = fmax (worst, fabs (gsl_vector_get (th, 3 + 2 * j) - (double) (0.5L * logl (ss[j] / nj[j]))));
    }
  tap_ok (worst <= bound && bound < 1e-9, "gmm_m_step_rounding: the M-step's θ within %.3g of"
          " long double (%.3g)", bound, worst);
  gsl_vector_free (th);
  gsl_matrix_free (q), gsl_matrix_free (x);
  gsl_rng_free (r);
  gmm_free (ref), gmm_free (g);
}

/* (was test_gmm_from_arrays.c) a 2-D mixture from arrays: its components,
   moments and samples; the rounding-carrying closed forms against the
   moments by another route (gmm_mean, gmm_covariance). */
static void
test_alloc_from_2d (void)
{
  const double w[3] = { 0.5, 0.3, 0.2 };
  const double mu[3][2] = { {-2, 0}, {1.5, 2}, {3, -1.5} };
  const double cov[3][4] = { {0.5, 0.2, 0.2, 1.5}, {1.0, -0.6, -0.6, 0.8}, {0.3, 0, 0, 0.3} };
  gmm *g = gmm_alloc_from (3, 2, w, &mu[0][0], &cov[0][0], 1.0);
  int same = g->k == 3 && g->d == 2;
  for (size_t j = 0; j < 3; j++)
    {
      same &= g->weights[j] == w[j];
      for (size_t a = 0; a < 2; a++)
        {
          same &= gsl_vector_get (g->comp[j]->mu, a) == mu[j][a];
          for (size_t b = 0; b < 2; b++)
            same &= gsl_matrix_get (g->comp[j]->sigma, a, b) == cov[j][2 * a + b];
        }
    }
  tap_ok (same, "gmm_alloc_from (2-D, weights summing to 1): weights, means and covariances are the arrays'");
  gsl_vector *m = gsl_vector_alloc (2);
  gmm_mean (g, m);
  tap_close (gsl_vector_get (m, 0), 0.5 * -2 + 0.3 * 1.5 + 0.2 * 3, 1e-15, "E[x1] = Σ w_k m_k1");
  tap_close (gsl_vector_get (m, 1), 0.3 * 2 + 0.2 * -1.5, 1e-15, "E[x2] = Σ w_k m_k2");
  /* samples: the mean within 5 standard errors */
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 3);
  gsl_matrix *c = gsl_matrix_alloc (2, 2);
  gmm_covariance (g, c);
  double s0 = 0, s1 = 0;
  const int n = 200000;
  for (int i = 0; i < n; i++)
    {
      gmm_sample (r, g, m);
      s0 += gsl_vector_get (m, 0), s1 += gsl_vector_get (m, 1);
    }
  tap_close (s0 / n, 0.05, 5 * sqrt (gsl_matrix_get (c, 0, 0) / n), "sample mean of x1");
  tap_close (s1 / n, 0.3, 5 * sqrt (gsl_matrix_get (c, 1, 1) / n), "sample mean of x2");
  /* E_p[x] and E_p[log N(x; μ, I)] = -log 2π - ½ (tr Cov + |E x - μ|²) */
  gmm_mean (g, m);
  for (size_t a = 0; a < 2; a++)
    {
      rnd e = gmm_mean_rnd (g, a);
      tap_ok (fabs (e.value - gsl_vector_get (m, a)) <= rnd_bound (e) + 4e-16,
              "gmm_mean_rnd (%zu) = gmm_mean within its bound", a);
    }
  const double mus[][2] = { {0, 0}, {2.5, -1}, {-3, 3} };
  for (size_t i = 0; i < 3; i++)
    {
      double d0 = gsl_vector_get (m, 0) - mus[i][0], d1 = gsl_vector_get (m, 1) - mus[i][1];
      double want = -log (2 * M_PI) - 0.5 * (gsl_matrix_get (c, 0, 0) + gsl_matrix_get (c, 1, 1)
                                             + d0 * d0 + d1 * d1);
      rnd e = gmm_e_log_normal_iso_rnd (g, mus[i]);
      tap_close (e.value, want, 1e-13, "E_p[log N(x; (%g, %g), I)] by the moments", mus[i][0], mus[i][1]);
      tap_ok (rnd_bound (e) > 0 && rnd_bound (e) < 1e-13, "... with a rounding bound %.3g", rnd_bound (e));
    }
  gsl_matrix_free (c);
  gsl_vector_free (m);
  gsl_rng_free (r);
  gmm_free (g);
}

/* (was test_gmm_1d.c) gmm_alloc_1d against the mixture density summed by
   hand from GSL's normal density. */
static void
test_alloc_1d (void)
{
  const double w[3] = { 2, 1, 1 }, mu[3] = { -1, 0.5, 4 }, sd[3] = { 0.3, 1, 2.5 };
  gmm *g = gmm_alloc_1d (3, w, mu, sd);
  tap_ok (g->k == 3 && g->d == 1, "three components in 1-D");
  tap_close (g->weights[0], 0.5, DBL_EPSILON, "weights renormalised: 0.5");
  tap_close (g->weights[2], 0.25, DBL_EPSILON, "weights renormalised: 0.25");
  double worst = 0;
  for (double x = -5; x <= 10; x += 0.37)
    {
      double want = 0;
      for (int j = 0; j < 3; j++)
        want += w[j] / 4 * gsl_ran_gaussian_pdf (x - mu[j], sd[j]);
      worst = fmax (worst, fabs (gmm_pdf_1d (g, x) - want) / want);
    }
  tap_ok (worst < 1e-13, "density matches the sum by hand (worst relative %.3g)", worst);
  gmm_free (g);
}

/* p's density integrated by quadrature (a route other than the cdfs) */
static double
pdf_1d_integrand (double x, void *params)
{
  return gmm_pdf_1d (params, x);
}

/* gmm_moments_1d against the mean and the variance E[x²] - E[x]² by hand,
   gmm_mass_1d against quadrature of the density and against 1 over the
   whole line; negative controls: the variance within the components
   alone (no between term) and the mass with the weights swapped are
   other numbers, far beyond the tolerances.  gmm_mean_1d_estimate's
   value and gmm_var_1d are the moments by hand; with weights (1, 2)/3,
   rounded, its bound covers the mean in long double from the weights as
   given, which the double misses (negative control: a bound of 0 would
   not hold), and its bound is gamma_3 (|w_1 μ_1| + |w_2 μ_2|). */
static void
test_moments_mass_1d (void)
{
  const double w[2] = { 0.6, 0.4 }, mu[2] = { -3.75, 4.5 }, sd[2] = { 0.8, 1.1 };
  gmm *g = gmm_alloc_1d (2, w, mu, sd);
  double mean, var, want_mean = 0.6 * -3.75 + 0.4 * 4.5;
  double want_var = 0.6 * (0.64 + 3.75 * 3.75) + 0.4 * (1.21 + 4.5 * 4.5) - want_mean * want_mean;
  gmm_moments_1d (g, &mean, &var);
  tap_close (mean, want_mean, 1e-14, "1-D mean by hand: %.15g", mean);
  tap_close (var, want_var, 1e-13, "1-D variance by hand: %.15g", var);
  tap_ok (fabs (var - (0.6 * 0.64 + 0.4 * 1.21)) > 10, "negative control: within-component variance alone");
  const double iv[3][2] = { {-2.15, 2.3}, {-10, 10}, {4.5, 9} };
  for (int i = 0; i < 3; i++)
    {
      quad_result q = quad_interval (pdf_1d_integrand, g, iv[i][0], iv[i][1]);
      tap_close (gmm_mass_1d (g, iv[i][0], iv[i][1]), q.value, 1e-13 + q.abserr,
                 "mass of [%g, %g] = quadrature %.12g", iv[i][0], iv[i][1], q.value);
    }
  tap_close (gmm_mass_1d (g, -60, 60), 1.0, 4 * DBL_EPSILON, "the mass of the line is 1");
  const double ws[2] = { 0.4, 0.6 };
  gmm *swapped = gmm_alloc_1d (2, ws, mu, sd);
  tap_ok (fabs (gmm_mass_1d (swapped, 4.5, 9) - gmm_mass_1d (g, 4.5, 9)) > 0.05,
          "negative control: the weights swapped move the mass of [4.5, 9]");
  gmm_free (swapped);
  estimate m = gmm_mean_1d_estimate (g);
  tap_ok (m.value == mean && gmm_var_1d (g) == var,
          "gmm_mean_1d_estimate and gmm_var_1d: the moments");
  tap_close (m.err, est_gamma (3) * (0.6 * 3.75 + 0.4 * 4.5), 1e-30,
             "the mean's bound: gamma_3 Σ w|μ|");
  const double w3[2] = { 1, 2 }, mu3[2] = { 0.1, 0.7 };
  gmm *thirds = gmm_alloc_1d (2, w3, mu3, sd);
  estimate t = gmm_mean_1d_estimate (thirds);
  long double exact = (1.0L * mu3[0] + 2.0L * mu3[1]) / 3.0L;
  long double miss = fabsl ((long double) t.value - exact);
  tap_ok (miss <= t.err, "weights 1/3, 2/3: the mean within its bound (miss %.3Lg, bound %.3g)",
          miss, t.err);
  tap_ok (miss > 0, "negative control: the double is not the exact mean (a bound of 0 would fail)");
  gmm_free (thirds), gmm_free (g);
}

/* ---------------------------------------------------------------------
 * Reference mixtures (tests/reference/gmm.tsv, gen_gmm.py: mpmath at 80
 * digits, covariances as mpmath matrices): gmm_log_pdf, gmm_log_pdf_1d,
 * gmm_responsibilities and gmm_grad_log_pdf within their stated bounds
 * (gmm_*_error_bound), or refused (a NaN bound).
 * --------------------------------------------------------------------- */

/* One mixture and point (columns as gen_gmm.py writes them) into the four
   tallies T: log_pdf, log_pdf_1d, responsibilities, gradient. */
static int
reference_case (char **fl, size_t nf, void *tallies)
{
  reftsv_tally *t = tallies;
  size_t k = nf == 10 ? strtoul (fl[1], NULL, 10) : 0, d = nf == 10 ? strtoul (fl[2], NULL, 10) : 0;
  if (k == 0 || d == 0 || k > 16 || d > 8)
    return 0;
  double w[16], mu[16 * 8], sig[16 * 64], x[8];
  long double lp, resp[16], grad[8];
  if (reftsv_doubles (fl[3], w, k) != k || reftsv_doubles (fl[4], mu, k * d) != k * d
      || reftsv_doubles (fl[5], sig, k * d * d) != k * d * d || reftsv_doubles (fl[6], x, d) != d
      || reftsv_long_doubles (fl[7], &lp, 1) != 1 || reftsv_long_doubles (fl[8], resp, k) != k
      || reftsv_long_doubles (fl[9], grad, d) != d)
    return 0;
  gmm *g = gmm_alloc (k, d);
  int set_ok = 1;
  for (size_t j = 0; j < k; j++)
    {
      gsl_vector_view m = gsl_vector_view_array (mu + j * d, d);
      gsl_matrix_view s = gsl_matrix_view_array (sig + j * d * d, d, d);
      set_ok &= gmm_set_component (g, j, w[j], &m.vector, &s.matrix) == GSL_SUCCESS;
    }
  if (!set_ok)
    {
      printf ("# %s: a covariance is not SPD in floating point\n", fl[0]);
      gmm_free (g);
      return 0;
    }
  gsl_vector_view xv = gsl_vector_view_array (x, d);
  gsl_vector *work = gsl_vector_alloc (d), *gr = gsl_vector_alloc (d), *ge = gsl_vector_alloc (d);
  double b = gmm_log_pdf_error_bound (g, &xv.vector);
  reftsv_tally_add (&t[0], fl[0], gmm_log_pdf (g, &xv.vector, work), lp, b);
  if (d == 1)
    reftsv_tally_add (&t[1], fl[0], gmm_log_pdf_1d (g, x[0]), lp, b);
  double r[16], re[16];
  gmm_responsibilities (g, &xv.vector, r);
  gmm_responsibilities_error_bound (g, &xv.vector, re);
  for (size_t j = 0; j < k; j++)
    reftsv_tally_add (&t[2], fl[0], r[j], resp[j], re[j]);
  gmm_grad_log_pdf (g, &xv.vector, gr);
  gmm_grad_log_pdf_error_bound (g, &xv.vector, ge);
  for (size_t i = 0; i < d; i++)
    reftsv_tally_add (&t[3], fl[0], gsl_vector_get (gr, i), grad[i], gsl_vector_get (ge, i));
  gsl_vector_free (work);
  gsl_vector_free (gr);
  gsl_vector_free (ge);
  gmm_free (g);
  return 1;
}

static void
test_reference (void)
{
  /* a NaN bound is a refusal; a reference beyond the double range must
     overflow to the infinity of its sign */
  const unsigned rule = REFTSV_REFUSE | REFTSV_OVERFLOW | REFTSV_FINITE;
  reftsv_tally t[4] = { REFTSV_TALLY ("log_pdf", rule), REFTSV_TALLY ("log_pdf_1d", rule),
                        REFTSV_TALLY ("responsibility", rule), REFTSV_TALLY ("gradient", rule) };
  int read = reftsv_each ("gmm", reference_case, t);
  reftsv_tally_report_each (t, 4, read, "gmm.tsv", "its bound");
}

/* The isotropic fit's ground truths against the moments: ∂/∂μ_i of
   E_p[log N(x; μ, I)] is E_p[x_i] - μ_i, its maximiser E_p[x]. */
static void
test_iso_fit_truths (void)
{
  const double w[3] = { 0.5, 0.3, 0.2 };
  const double mu[3][2] = { {-2, 0}, {1.5, 2}, {3, -1.5} };
  const double cov[3][4] = { {0.5, 0.2, 0.2, 1.5}, {1.0, -0.6, -0.6, 0.8}, {0.3, 0, 0, 0.3} };
  gmm *g = gmm_alloc_from (3, 2, w, &mu[0][0], &cov[0][0], 1.0);
  gsl_vector *m = gsl_vector_alloc (2);
  gmm_mean (g, m);
  const double at[][2] = { {0, 0}, {2.5, -1}, {-3, 3} };
  for (size_t k = 0; k < 3; k++)
    for (size_t i = 0; i < 2; i++)
      {
        estimate d = gmm_e_log_normal_iso_partial (g, at[k], i);
        double want = gsl_vector_get (m, i) - at[k][i];
        tap_ok (fabs (d.value - want) <= d.err + 1e-12 && d.err < 1e-6,
                "∂E_p[log N]/∂μ_%zu at (%g, %g) = E_p[x] - μ (err %.2g)", i, at[k][0],
                at[k][1], d.err);
        estimate a = gmm_e_log_normal_iso_argmax (g, at[k], i);
        tap_ok (fabs (a.value - gsl_vector_get (m, i)) <= a.err && a.err < 1e-5,
                "argmax_μ from (%g, %g), coordinate %zu = E_p[x] (within %.2g)", at[k][0],
                at[k][1], i, a.err);
      }
  gsl_vector_free (m);
  gmm_free (g);
}

int
main (void)
{
  errors_set_program ("test_gmm");
  errors_install_gsl_handler ();
  test_setup ();
  test_normalisation ();
  test_log_pdf_1d ();
  test_log_pdf_3d ();
  test_gradient ();
  test_moments_by_hand ();
  test_sample_moments ();
  test_sample_bins_1d ();
  test_m_step_1d ();
  test_m_step_2d ();
  test_em ();
  test_gmm_em ();
  test_mcmc_example ();
  test_free_energy ();
  test_data_sets_and_argmax ();
  test_alloc_from_and_m_step_rounding ();
  test_alloc_from_2d ();
  test_alloc_1d ();
  test_moments_mass_1d ();
  test_iso_fit_truths ();
  test_reference ();
  return tap_done ();
}

/* test_mvn.c -- multivariate Gaussians against independent values. */
#include "mvn.h"
#include "rng.h"
#include "mc.h"
#include "reftsv.h"
#include "tap.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_math.h>

static mvn *
random_mvn (gsl_rng * r, size_t d, double cond)
{
  mvn *g = mvn_alloc (d);
  gsl_vector *mu = gsl_vector_alloc (d);
  gsl_matrix *s = gsl_matrix_alloc (d, d);
  for (size_t i = 0; i < d; i++)
    gsl_vector_set (mu, i, gsl_ran_gaussian (r, 1.0));
  spd_random (r, 0.5, cond, s);
  mvn_set (g, mu, s);
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  return g;
}

/* log-density against GSL's own gsl_ran_multivariate_gaussian_log_pdf */
static void
test_log_pdf (gsl_rng * r)
{
  for (size_t d = 1; d <= 12; d += 3)
    {
      mvn *g = random_mvn (r, d, 100.0);
      gsl_vector *x = gsl_vector_alloc (d), *w = gsl_vector_alloc (d);
      gsl_matrix *l = gsl_matrix_alloc (d, d);
      gsl_matrix_memcpy (l, g->sigma);
      gsl_linalg_cholesky_decomp1 (l);
      double worst = 0;
      for (int k = 0; k < 50; k++)
        {
          mvn_sample (r, g, x);
          double ours = mvn_log_pdf (g, x, w), theirs;
          gsl_ran_multivariate_gaussian_log_pdf (x, g->mu, l, &theirs, w);
          worst = fmax (worst, fabs (ours - theirs) / fmax (1, fabs (theirs)));
        }
      tap_close (worst, 0, 1e-12, "log-pdf = GSL's, d = %zu (max rel diff)", d);
      gsl_vector_free (x);
      gsl_vector_free (w);
      gsl_matrix_free (l);
      mvn_free (g);
    }
}

/* 1-D: KL and entropy against the textbook scalar formulas */
static void
test_scalar_formulas (void)
{
  mvn *p = mvn_alloc (1), *q = mvn_alloc (1);
  gsl_vector *m = gsl_vector_alloc (1);
  gsl_matrix *s = gsl_matrix_alloc (1, 1);
  gsl_vector_set (m, 0, 0.3);
  gsl_matrix_set (s, 0, 0, 4.0);
  mvn_set (p, m, s);
  gsl_vector_set (m, 0, -1.2);
  gsl_matrix_set (s, 0, 0, 0.25);
  mvn_set (q, m, s);
  double s0 = 2, s1 = 0.5, dm = 1.5;
  double kl = log (s1 / s0) + (s0 * s0 + dm * dm) / (2 * s1 * s1) - 0.5;
  tap_close (mvn_kl (p, q), kl, 1e-13, "1-D KL = log(s1/s0) + (s0^2 + dm^2)/(2 s1^2) - 1/2");
  tap_close (mvn_entropy (p), 0.5 * log (2 * M_PI * M_E * 4.0), 1e-14,
             "1-D entropy = 1/2 log(2 pi e s^2)");
  tap_close (mvn_kl (p, p), 0, 1e-15, "KL(p||p) = 0");
  tap_close (mvn_condition (p), 1, 1e-15, "1-D condition number 1");
  mvn_free (p);
  mvn_free (q);
  gsl_vector_free (m);
  gsl_matrix_free (s);
}

/* sampling: mean and covariance within z-bounds (alpha 1e-7 per entry) */
static void
test_sampling (gsl_rng * r)
{
  size_t d = 3, n = 200000;
  mvn *g = random_mvn (r, d, 10.0);
  gsl_vector *x = gsl_vector_alloc (d);
  mc_acc mean[3], cov01;
  for (size_t i = 0; i < d; i++)
    mc_init (&mean[i]);
  mc_init (&cov01);
  for (size_t k = 0; k < n; k++)
    {
      mvn_sample (r, g, x);
      for (size_t i = 0; i < d; i++)
        mc_add (&mean[i], gsl_vector_get (x, i));
      mc_add (&cov01, (gsl_vector_get (x, 0) - gsl_vector_get (g->mu, 0))
              * (gsl_vector_get (x, 1) - gsl_vector_get (g->mu, 1)));
    }
  for (size_t i = 0; i < d; i++)
    tap_close (mc_mean (&mean[i]), gsl_vector_get (g->mu, i),
               5.33 * mc_se (&mean[i]), "sample mean %zu within 5.33 SE", i);
  tap_close (mc_mean (&cov01), gsl_matrix_get (g->sigma, 0, 1),
             5.33 * mc_se (&cov01), "sample covariance (0,1) within 5.33 SE");
  gsl_vector_free (x);
  mvn_free (g);
}

static void
test_spd_random (gsl_rng * r)
{
  gsl_matrix *s = gsl_matrix_alloc (10, 10);
  spd_random (r, 1e-3, 1e6, s);
  mvn *g = mvn_alloc (10);
  gsl_vector *mu = gsl_vector_calloc (10);
  tap_ok (mvn_set (g, mu, s) == GSL_SUCCESS, "cond 1e6 covariance is SPD");
  tap_close (mvn_condition (g), 1e6, 1e6 * 1e-6, "condition number is 1e6");
  tap_close (g->logdet, 10 * log (1e-3) + 5 * log (1e6), 1e-9,
             "log det = sum of log eigenvalues");
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  mvn_free (g);
}

static void
test_not_positive_definite (void)
{
  mvn *g = mvn_alloc (2);
  gsl_vector *mu = gsl_vector_calloc (2);
  gsl_matrix *s = gsl_matrix_alloc (2, 2);
  gsl_matrix_set (s, 0, 0, 1);
  gsl_matrix_set (s, 1, 1, 1);
  gsl_matrix_set (s, 0, 1, 2);
  gsl_matrix_set (s, 1, 0, 2);
  tap_ok (mvn_set (g, mu, s) == GSL_EDOM, "indefinite covariance rejected");
  gsl_matrix_set (s, 0, 1, 0.5);
  tap_ok (mvn_set (g, mu, s) == GSL_EDOM, "non-symmetric covariance rejected");
  gsl_matrix_set_zero (s);
  tap_ok (mvn_set (g, mu, s) == GSL_EDOM, "zero covariance rejected");
  gsl_matrix_set (s, 0, 0, -1);
  gsl_matrix_set (s, 1, 1, 1);
  tap_ok (mvn_set (g, mu, s) == GSL_EDOM, "negative variance rejected");
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  mvn_free (g);
}


/* ----------------------------------------------------------------------
 * Reference values (tests/reference/gen_mvn.py, mpmath at 60 digits): the
 * closed-form KL within mvn_kl_rounding_bound, or the bound refuses (NaN).
 * ---------------------------------------------------------------------- */

/* A Gaussian from a mean and a lower triangle; NULL if not SPD. */
static mvn *
mvn_from_text (size_t d, const char *mu_text, const char *low_text)
{
  size_t nl = d * (d + 1) / 2;
  double *mu = malloc (d * sizeof *mu), *low = malloc (nl * sizeof *low);
  mvn *g = NULL;
  if (reftsv_doubles (mu_text, mu, d) == d && reftsv_doubles (low_text, low, nl) == nl)
    {
      gsl_vector_view m = gsl_vector_view_array (mu, d);
      gsl_matrix *s = gsl_matrix_alloc (d, d);
      for (size_t i = 0, k = 0; i < d; i++)
        for (size_t j = 0; j <= i; j++, k++)
          {
            gsl_matrix_set (s, i, j, low[k]);
            gsl_matrix_set (s, j, i, low[k]);
          }
      g = mvn_alloc (d);
      if (mvn_set (g, &m.vector, s) != GSL_SUCCESS)
        {
          mvn_free (g);
          g = NULL;
        }
      gsl_matrix_free (s);
    }
  free (mu);
  free (low);
  return g;
}

/* One pair: its name, d, the mean and lower triangle of p, of q, KL(p||q).
   A pair that cannot be read or is not SPD in floating point is malformed
   (and the test fails). */
static int
reference_case (char **fl, size_t nf, void *tally)
{
  size_t d = nf >= 7 ? strtoul (fl[1], NULL, 10) : 0;
  mvn *p = d ? mvn_from_text (d, fl[2], fl[3]) : NULL;
  mvn *q = d ? mvn_from_text (d, fl[4], fl[5]) : NULL;
  int read = p && q;
  if (read)
    reftsv_tally_add_text (tally, fl[0], mvn_kl (p, q), fl[6], mvn_kl_rounding_bound (p, q));
  mvn_free (p);
  mvn_free (q);
  return read;
}

static void
test_reference (void)
{
  reftsv_tally t = REFTSV_TALLY ("KL", REFTSV_REFUSE);   /* a NaN bound refuses */
  int read = reftsv_each ("mvn", reference_case, &t);
  reftsv_tally_report (&t, read, "mvn_kl within mvn_kl_rounding_bound of mpmath on %d reference pairs (d up to 50, cond up to 1e10; %d refused; worst error/bound %.3g, %s)", t.cases + t.refused, t.refused, t.worst, t.worst_name);
}

/* The reproducer: p = N(0, I_2), q = N(0, [[1, r], [r, 1]]) with r
   the double nearest 0.99999999.  The exact KL of those doubles (mpmath,
   gen_mvn.py) is 49999990.134995257..., the computed value 0.0276 away;
   the old bound (16 u d^2 sqrt(cond) size) was 0.0201. */
static void
test_kl_bound_regression (void)
{
  mvn *p = mvn_alloc (2), *q = mvn_alloc (2);
  gsl_vector *mu = gsl_vector_calloc (2);
  gsl_matrix *s = gsl_matrix_alloc (2, 2);
  gsl_matrix_set_identity (s);
  mvn_set (p, mu, s);
  gsl_matrix_set (s, 0, 1, 0.99999999);
  gsl_matrix_set (s, 1, 0, 0.99999999);
  mvn_set (q, mu, s);
  long double exact = 4.999999013499525706210904e+7L;
  double err = (double) fabsl (mvn_kl (p, q) - exact);
  double bound = mvn_kl_rounding_bound (p, q);
  tap_ok (err <= bound, "regression: KL(N(0, I) || N(0, [[1, r], [r, 1]])), r = 0.99999999: error %.3g within the bound %.3g", err, bound);
  gsl_vector_free (mu);
  gsl_matrix_free (s);
  mvn_free (p);
  mvn_free (q);
}

int
main (void)
{
  gsl_rng *r = rng_new (RNG_DEFAULT_SEED);
  test_log_pdf (r);
  test_scalar_formulas ();
  test_sampling (r);
  test_spd_random (r);
  test_not_positive_definite ();
  test_kl_bound_regression ();
  test_reference ();
  gsl_rng_free (r);
  return tap_done ();
}

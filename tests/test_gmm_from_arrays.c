/* test_gmm_from_arrays.c -- a mixture built from arrays: its components,
   moments and samples; the rounding-carrying closed forms against the
   moments by another route (gmm_mean, gmm_covariance). */
#include "gmm.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>

int
main (void)
{
  const double w[3] = { 0.5, 0.3, 0.2 };
  const double mu[3][2] = { {-2, 0}, {1.5, 2}, {3, -1.5} };
  const double cov[3][4] = { {0.5, 0.2, 0.2, 1.5}, {1.0, -0.6, -0.6, 0.8}, {0.3, 0, 0, 0.3} };
  gmm *g = gmm_from_arrays (3, 2, w, &mu[0][0], &cov[0][0]);
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
  tap_ok (same, "weights, means and covariances are the arrays'");
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
  return tap_done ();
}

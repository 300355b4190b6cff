/* vector_check.c -- a closed-form vector against another route to it,
 * point by point (see vector_check.h). */
#include "vector_check.h"
#include "errors.h"
#include "gradcheck.h"
#include "optimum.h"
#include "rounding.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdlib.h>

void
vector_check_equal (harness * h, const char *id, const double *obs, const double *obs_bound,
                    const double *ref, const double *ref_bound, size_t n)
{
  for (size_t i = 0; i < n; i++)
    check_point (h, id, est_exact (obs[i], obs_bound[i]), est_exact (ref[i], ref_bound[i]));
}

void
vector_check_gradient (harness * h, const char *id, minnd_fn f, vector_check_grad g,
                       void *params, const gsl_vector * x, double f_size)
{
  gradcheck_options o = { 1.0, 0, GRADCHECK_F_REL_ERR * f_size, 0 };
  gsl_vector *grad = gsl_vector_alloc (x->size);
  double *bound = xmalloc (x->size * sizeof *bound);
  g (x, params, grad, bound);
  for (size_t i = 0; i < x->size; i++)
    {
      gradcheck_partial d;
      int status = gradcheck_partial_derivative (f, params, x, i, &o, &d);
      if (status != GSL_SUCCESS)
        die_runtime ("vector_check_gradient: the finite difference in coordinate %zu failed (%s)",
                     i, gsl_strerror (status));
      check_point (h, id, est_exact (gsl_vector_get (grad, i), bound[i]),
                   est_exact (d.value, d.err));
    }
  gsl_vector_free (grad);
  free (bound);
}

vector_check_bfgs
vector_check_minimiser (harness * h, const char *id, minnd_fn f, minnd_grad g, void *params,
                        const gsl_vector * x0, const double *closed, const double *closed_bound,
                        vector_check_side side)
{
  double radius;
  minnd_result opt = optimum_bfgs (f, g, params, x0, &radius);
  for (size_t i = 0; i < x0->size; i++)
    {
      estimate m = est_opt (gsl_vector_get (opt.x, i), radius);
      estimate c = est_exact (closed[i], closed_bound[i]);
      if (side == VECTOR_CHECK_OBSERVED)
        check_point (h, id, m, c);
      else
        check_point (h, id, c, m);
    }
  vector_check_bfgs b = { opt.converged, opt.iterations, opt.f, radius };
  minimize_result_free (&opt);
  return b;
}

void
vector_check_lsq (harness * h, const char *id, const double *coef, const double *truth,
                  const double *truth_bound, const double *inv_diag, size_t p, double s2_hat,
                  double s2, long m)
{
  if (m <= (long) p || !(s2 > 0))
    die_internal ("vector_check_lsq: %ld rows for %zu columns, noise variance %g", m, p, s2);
  double sd = sqrt (s2);
  for (size_t j = 0; j < p; j++)
    check_point (h, id, est_mc (coef[j], sd * sqrt (inv_diag[j])),
                 est_exact (truth[j], truth_bound[j]));
  /* compute: M s2_hat / S2 = RSS / S2 ~ χ²_ν; its Wilson-Hilferty score */
  double nu = (double) m - (double) p;
  double wh = cbrt (s2_hat * (double) m / (s2 * nu));
  rnd centre = rnd_sub (rnd_exact (1), rnd_div (rnd_exact (2), rnd_scale (9, rnd_exact (nu))));
  check_point (h, id, est_mc (wh, sqrt (2 / (9 * nu))), rnd_estimate (centre));
}

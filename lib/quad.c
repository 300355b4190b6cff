/* quad.c -- QAGS/QAGI wrappers (see quad.h). */
#include "quad.h"
#include "errors.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <math.h>

#define QUAD_LIMIT 2000

static quad_result
finish (int status, double value, double abserr, const char *what)
{
  if (status != GSL_SUCCESS)
    die_runtime ("quadrature over %s did not converge: %s (estimate %.17g"
                 " +- %.3g)", what, gsl_strerror (status), value, abserr);
  quad_result q = { value, abserr };
  return q;
}

quad_result
quad_interval_tol (quad_fn f, void *params, double a, double b,
                   double epsabs, double epsrel)
{
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (QUAD_LIMIT);
  gsl_function fn = { f, params };
  double value = 0.0, abserr = 0.0;
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_integration_qags (&fn, a, b, epsabs, epsrel, QUAD_LIMIT,
                                     w, &value, &abserr);
  gsl_set_error_handler (old);
  gsl_integration_workspace_free (w);
  return finish (status, value, abserr, "a finite interval");
}

quad_result
quad_real_line_tol (quad_fn f, void *params, double epsabs, double epsrel)
{
  gsl_integration_workspace *w = gsl_integration_workspace_alloc (QUAD_LIMIT);
  gsl_function fn = { f, params };
  double value = 0.0, abserr = 0.0;
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_integration_qagi (&fn, epsabs, epsrel, QUAD_LIMIT, w,
                                     &value, &abserr);
  gsl_set_error_handler (old);
  gsl_integration_workspace_free (w);
  return finish (status, value, abserr, "the real line");
}

quad_result
quad_interval (quad_fn f, void *params, double a, double b)
{
  return quad_interval_tol (f, params, a, b, QUAD_EPSABS, QUAD_EPSREL);
}

quad_result
quad_real_line (quad_fn f, void *params)
{
  return quad_real_line_tol (f, params, QUAD_EPSABS, QUAD_EPSREL);
}

#define CQUAD_INTERVALS 200

quad_result
quad_interval_cquad (quad_fn f, void *params, double a, double b,
                     double epsrel)
{
  gsl_integration_cquad_workspace *w =
    gsl_integration_cquad_workspace_alloc (CQUAD_INTERVALS);
  gsl_function fn = { f, params };
  double value = 0.0, abserr = 0.0;
  size_t nevals = 0;
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_integration_cquad (&fn, a, b, 0.0, epsrel, w, &value,
                                      &abserr, &nevals);
  gsl_set_error_handler (old);
  gsl_integration_cquad_workspace_free (w);
  if (status == GSL_SUCCESS && !(isfinite (value) && isfinite (abserr)))
    status = GSL_EBADFUNC;
  return finish (status, value, abserr, "an interval (CQUAD)");
}

/* iw_gauss.c -- importance weights of a Gaussian proposal for a Gaussian
   target, and the gap log p(x) - L_k by quadrature (see iw_gauss.h). */
#include "iw_gauss.h"
#include "errors.h"
#include "quad_nested.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_log.h>
#include <math.h>

double
iw_gauss_moment (const iw_gauss * g, double n)
{
  double v1 = g->v, m1 = g->mu, v2 = g->vq, m2 = g->m;
  double A = n / v1 + (1 - n) / v2;
  if (A <= 0)
    return GSL_POSINF;
  double B = n * m1 / v1 + (1 - n) * m2 / v2;
  double C = n * m1 * m1 / v1 + (1 - n) * m2 * m2 / v2;
  double log_c = -0.5 * n * log (2 * M_PI * v1)
    - 0.5 * (1 - n) * log (2 * M_PI * v2);
  return exp (log_c + 0.5 * log (2 * M_PI / A) - 0.5 * (C - B * B / A));
}

double
iw_gauss_min (const iw_gauss * g)
{
  double d = g->m - g->mu;
  return exp (0.5 * log (g->vq / g->v) - d * d / (2 * (g->v - g->vq)));
}

/* ---- the gap by quadrature ---- */

#define INNER_EPSREL_MC 1e-10
#define OUTER_EPSREL_MC 1e-8
#define INNER_EPSREL 1e-12
#define OUTER_EPSREL 1e-10
#define ERROR_PASS_EPSREL 1e-3
#define INNER_LIMIT 1000

typedef struct
{
  double m, sd;             /* q = N(m, sd^2): z = m + sd y, y ~ N(0, 1) */
  double mu, v, log_half;   /* log w~(z) = log_half - (z-mu)^2/2v + y^2/2 */
  double k;
  double r, log_r;          /* the argument of phi and chi */
  double inner_epsrel;
  int error_pass;
  gsl_integration_workspace *workspace;   /* for the inner integrals */
} gap_integral;

static double
log_wtilde (const gap_integral * g, double y)
{
  double d = g->m + g->sd * y - g->mu;
  return g->log_half - d * d / (2 * g->v) + 0.5 * y * y;
}

/* e^{-Y} - 1 + Y >= 0 without cancellation for small Y. */
static double
exp_minus_one_plus (double Y)
{
  if (Y < 1e-3)
    return Y * Y * (0.5 - Y * (1.0 / 6 - Y * (1.0 / 24 - Y / 120)));
  return expm1 (-Y) + Y;
}

/* chi(r) integrand over y ~ N(0, 1): N(y) (e^{-r w~} - 1 + r w~). */
static double
chi_integrand (double y, void *params)
{
  const gap_integral *g = params;
  double log_n = -0.5 * y * y - 0.5 * log (2 * M_PI);
  double log_rw = g->log_r + log_wtilde (g, y);
  if (log_rw > 40)              /* e^{-r w~} = e^{-2e17}: zero in double */
    return exp (log_n + log_rw) - exp (log_n);
  return exp (log_n) * exp_minus_one_plus (exp (log_rw));
}

/* phi(r) integrand: N(y) e^{-r w~}. */
static double
phi_integrand (double y, void *params)
{
  const gap_integral *g = params;
  double log_n = -0.5 * y * y - 0.5 * log (2 * M_PI);
  double log_rw = g->log_r + log_wtilde (g, y);
  return log_rw > 700 ? 0.0 : exp (log_n - exp (log_rw));
}

/* An inner integral over y ~ N(0, 1) by QAGI.  GSL's success means
   abserr <= epsrel |value|.  Far in the tail phi(r) falls below
   1e-50 and QAGI can stop on roundoff (or, at r ~ 1e50 in the outer
   rule's tail, call the vanishing series divergent) before reaching that
   relative tolerance; such a result is kept when its error is below INNER_FLOOR,
   and the error pass carries the reported error either way.  Anything else
   is a runtime error, as in lib/quad.c. */
#define INNER_FLOOR 1e-40

static quad_result
inner_integral (quad_fn f, gap_integral * g)
{
  gsl_function fn = { f, g };
  quad_result q;
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_integration_qagi (&fn, 0, g->inner_epsrel, INNER_LIMIT,
                                     g->workspace, &q.value, &q.abserr);
  gsl_set_error_handler (old);
  if (status != GSL_SUCCESS
      && !((status == GSL_EROUND || status == GSL_EDIVERGE)
           && isfinite (q.value) && q.abserr <= INNER_FLOOR))
    die_runtime ("inner quadrature at r = %g did not converge: %s (estimate"
                 " %.17g +- %.3g)", g->r, gsl_strerror (status), q.value,
                 q.abserr);
  /* chi and phi integrate functions >= 0, so they are >= 0: QAGI's
     extrapolation can return -3.6e-83 +- 1.8e-75 for a phi near 0
     (iwae_bound seed 1019, u = 248), whose log was NaN; 0 is no farther
     from the integral, so the estimate still bounds it. */
  q.value = fmax (q.value, 0.0);
  q.abserr = fmax (q.abserr, g->inner_epsrel * fabs (q.value));
  return q;
}

/* The outer integrand in u = log t: phi(t/k)^k - e^{-t}, or for the error
   pass k phi^(k-1) err(I), the error of the inner integral I (chi or phi)
   as it reaches the outer integrand. */
static double
gap_integrand (double u, void *params)
{
  gap_integral *g = params;
  double t = exp (u), k = g->k;
  if (t == 0)
    return 0.0;
  g->r = t / k;
  g->log_r = u - log (k);
  quad_result inner;
  double log_phi, value;
  if (g->r < 1)
    {
      /* phi = 1 - r + chi; D = k log(phi) + t computed as
         k [log(1 + x) - x] + k chi with x = chi - r. */
      inner = inner_integral (chi_integrand, g);
      double x = inner.value - g->r;
      log_phi = log1p (x);
      double D = k * gsl_sf_log_1plusx_mx (x) + k * inner.value;
      value = fabs (D) < 0.5 ? exp (-t) * expm1 (D)
        : exp (k * log_phi) - exp (-t);
    }
  else
    {
      inner = inner_integral (phi_integrand, g);
      log_phi = log (inner.value);
      value = exp (k * log_phi) - exp (-t);
    }
  if (g->error_pass)
    return k * (k > 1 ? exp ((k - 1) * log_phi) : 1.0) * inner.abserr;
  return value;
}

/* The outer integral over u = log t: smooth at unit scale in u, its mass
   in t within [1e-13, 3e6] (below, phi(t/k)^k - e^{-t} = O(t^2); above,
   both terms are below e^{-t w~min}). */
#define GAP_U_LO -30.0
#define GAP_U_HI 15.0

quad_result
iw_gauss_gap (const iw_gauss * w, double k, iw_gap_precision precision,
              double epsabs)
{
  gap_integral g = { w->m, sqrt (w->vq), w->mu, w->v,
    0.5 * log (w->vq / w->v), k, 0, 0,
    precision == IW_GAP_PRECISE ? INNER_EPSREL : INNER_EPSREL_MC, 0,
    gsl_integration_workspace_alloc (INNER_LIMIT)
  };
  /* the inner errors first: they bound the noise of the outer integrand
     (lib/quad_nested) */
  quad_result main;
  int status = quad_try_nested_span (gap_integrand, &g, &g.error_pass,
                                     GAP_U_LO, GAP_U_HI, 1.0, epsabs,
                                     ERROR_PASS_EPSREL,
                                     precision == IW_GAP_PRECISE
                                     ? OUTER_EPSREL : OUTER_EPSREL_MC, &main);
  gsl_integration_workspace_free (g.workspace);
  if (status)
    die_runtime ("outer quadrature of the gap at k = %g refused: %s", k,
                 quad_last_failure ());
  return main;
}

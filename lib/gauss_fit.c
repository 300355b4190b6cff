/* gauss_fit.c -- one Gaussian fitted to a 1-D mixture (see gauss_fit.h). */
#include "gauss_fit.h"
#include "errors.h"
#include "minimize.h"
#include "optimum.h"
#include "normal.h"
#include "quad.h"

#include <float.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_sort.h>
#include <math.h>

const gauss_fit_variant gauss_fit_kl = { 1.0, 1.0 };

enum
{
  P_LOG_P_OVER_Q, P_DM, P_DLS,        /* inclusive: value, d/dm, d/dls */
  Q_LOG_P, Q_DLOGP, Q_DLOGP_X         /* exclusive: E_q[log p], E_q[(log p)'], E_q[(log p)'(x-m)] */
};

typedef struct
{
  const gmm *p;
  const gauss_fit_variant *v;
  double m, s;
  int what;
} fit_params;

static double mean_of (const gmm * p, size_t k) { return gsl_vector_get (p->comp[k]->mu, 0); }
static double var_of (const gmm * p, size_t k) { return gsl_matrix_get (p->comp[k]->sigma, 0, 0); }

static double
integrand (double x, void *params)
{
  const fit_params *f = params;
  double lp = gmm_log_pdf_1d (f->p, x), c = f->v->quad_scale;
  double z = (x - f->m) / f->s, w = exp (f->v->p_power * lp), g;
  gsl_vector_view xv = gsl_vector_view_array (&x, 1), gv = gsl_vector_view_array (&g, 1);
  switch (f->what)
    {
    case P_LOG_P_OVER_Q:
      return w > 0 ? w * (lp - (-0.5 * c * z * z - log (f->s) - 0.5 * log (2 * M_PI))) : 0.0;
    case P_DM:
      return -w * c * z / f->s;
    case P_DLS:
      return w * (1.0 - c * z * z);
    default:
      break;
    }
  double q = normal_pdf (x, f->m, f->s);
  if (f->what == Q_LOG_P)
    return q > 0 ? q * lp : 0.0;
  gmm_grad_log_pdf (f->p, &xv.vector, &gv.vector);
  return f->what == Q_DLOGP ? q * g : q * g * (x - f->m);
}

static quad_result
integrate_p (fit_params * f, int what)
{
  double lo = INFINITY, hi = -INFINITY, scale = INFINITY;
  for (size_t k = 0; k < f->p->k; k++)
    {
      double m = mean_of (f->p, k), s = sqrt (var_of (f->p, k));
      lo = fmin (lo, m - QUAD_SPLIT * s);
      hi = fmax (hi, m + QUAD_SPLIT * s);
      scale = fmin (scale, s);
    }
  f->what = what;
  return quad_real_line_span (integrand, f, lo, hi, scale);
}

/* log p of two components bends at the roots of log w1 N1 - log w2 N2 =
   a x² + b x + c, within about 1/|2 a x + b| of each.  Stores up to 2
   roots and those widths. */
static int
crossings (const gmm * p, double *root, double *width)
{
  if (p->k != 2)
    return 0;
  double m1 = mean_of (p, 0), m2 = mean_of (p, 1), v1 = var_of (p, 0), v2 = var_of (p, 1);
  double a = 0.5 / v2 - 0.5 / v1, b = m1 / v1 - m2 / v2;
  double c = log (p->weights[0] / sqrt (v1)) - log (p->weights[1] / sqrt (v2))
    - 0.5 * m1 * m1 / v1 + 0.5 * m2 * m2 / v2;
  double disc = b * b - 4 * a * c;
  if (a == 0 || disc < 0)
    return 0;
  double t = -0.5 * (b + copysign (sqrt (disc), b));   /* no cancellation */
  root[0] = t / a, root[1] = c / t;
  for (int i = 0; i < 2; i++)
    width[i] = 1.0 / fabs (2 * a * root[i] + b);
  return 2;
}

static quad_result
integrate_q (fit_params * f, int what)
{
  double lo = f->m - 14 * f->s, hi = f->m + 14 * f->s, cut[9], root[2], width[2];
  size_t n = 0;
  cut[n++] = lo, cut[n++] = f->m, cut[n++] = hi;
  int nr = crossings (f->p, root, width);
  for (int i = 0; i < nr; i++)
    for (int j = -1; j <= 1; j++)
      {
        double x = root[i] + 4 * j * width[i];
        if (x > lo && x < hi)
          cut[n++] = x;
      }
  gsl_sort (cut, 1, n);
  f->what = what;
  quad_result total = { 0, 0 };
  double absum = 0;
  for (size_t i = 0; i + 1 < n; i++)
    if (cut[i + 1] > cut[i])
      {
        quad_result r = quad_interval (integrand, f, cut[i], cut[i + 1]);
        total.value += r.value, total.abserr += r.abserr, absum += fabs (r.value);
      }
  total.abserr += (double) n * DBL_EPSILON * absum;
  return total;
}

typedef struct
{
  const gmm *p;
  gauss_fit_direction dir;
  const gauss_fit_variant *v;
} objective;

static double
kl_at (const gsl_vector * theta, void *params)
{
  const objective *o = params;
  fit_params f = { o->p, o->v, gsl_vector_get (theta, 0), exp (gsl_vector_get (theta, 1)), 0 };
  if (!(f.s > 1e-6 && f.s < 1e6))
    return GSL_POSINF;
  if (o->dir == GAUSS_FIT_INCLUSIVE)
    return integrate_p (&f, P_LOG_P_OVER_Q).value;
  return -normal_entropy (f.s) - integrate_q (&f, Q_LOG_P).value;
}

static void
kl_gradient (const gsl_vector * theta, void *params, gsl_vector * g)
{
  const objective *o = params;
  fit_params f = { o->p, o->v, gsl_vector_get (theta, 0), exp (gsl_vector_get (theta, 1)), 0 };
  if (o->dir == GAUSS_FIT_INCLUSIVE)
    {
      gsl_vector_set (g, 0, integrate_p (&f, P_DM).value);
      gsl_vector_set (g, 1, integrate_p (&f, P_DLS).value);
      return;
    }
  gsl_vector_set (g, 0, -integrate_q (&f, Q_DLOGP).value);
  gsl_vector_set (g, 1, -1.0 - integrate_q (&f, Q_DLOGP_X).value);
}

/* A bound on |∇ computed - ∇ true| at THETA: the quadratures' abserr
   summed over both components (the 1-norm bounds the 2-norm). */
static double
kl_gradient_abserr (const gsl_vector * theta, const objective * o)
{
  fit_params f = { o->p, o->v, gsl_vector_get (theta, 0), exp (gsl_vector_get (theta, 1)), 0 };
  if (o->dir == GAUSS_FIT_INCLUSIVE)
    return integrate_p (&f, P_DM).abserr + integrate_p (&f, P_DLS).abserr;
  return integrate_q (&f, Q_DLOGP).abserr + integrate_q (&f, Q_DLOGP_X).abserr;
}

/* The error radius at THETA, |∇| = GNORM as computed.  The true gradient
   is within the quadratures' abserr e of it, so |θ - θ*| <= (|∇| + e)/λ
   for λ a lower bound on the Hessian's eigenvalues between θ and θ*.  The
   Hessian is taken to be about diag(1/s², 2) (exact for the inclusive KL at
   its optimum; for the exclusive one the KL against the mode's own
   component), λ = min(1/s², 2)/2; that is checked against the smallest
   eigenvalue of the Hessian by differences of the gradient (over 1.1 for
   their error and for the Hessian's change over a radius of ~1e-9; over
   a grid of starts at separations 1 and 1.5 (and 3, up to a quadrature
   refusal) it was at least 0.9 min(1/s², 2)), and where that is lower it
   is used.
   INFINITY where no eigenvalue bound is positive: no minimum to bound. */
static double
fit_radius (const objective * o, const gsl_vector * theta, double gnorm, double s)
{
  double g = gnorm + kl_gradient_abserr (theta, o), mu = fmin (1.0 / (s * s), 2.0);
  double lmin = optimum_min_curvature (kl_gradient, (void *) o, theta, 1e-5, 1e-5) / 1.1;
  if (lmin >= 0.5 * mu)
    return 2.0 * g / mu;
  return lmin > 0 ? g / lmin : INFINITY;
}

double
gauss_fit_objective (const gmm * p, gauss_fit_direction dir, const gauss_fit_variant * v, double m, double s)
{
  objective o = { p, dir, v };
  double t[2] = { m, log (s) };
  gsl_vector_view tv = gsl_vector_view_array (t, 2);
  return kl_at (&tv.vector, &o);
}

double
gauss_fit_kl_at (const gmm * p, gauss_fit_direction dir, const gauss_fit * fit)
{
  return gauss_fit_objective (p, dir, &gauss_fit_kl, fit->m, fit->s);
}

gauss_fit
gauss_fit_minimise (const gmm * p, gauss_fit_direction dir, double m0, double s0, const gauss_fit_variant * v)
{
  if (p->d != 1)
    die_internal ("gauss_fit_minimise: the mixture is %zu-D, not 1-D", p->d);
  objective o = { p, dir, v };
  double start[2] = { m0, log (s0) };
  gsl_vector_view x0 = gsl_vector_view_array (start, 2);
  minnd_result r = minimize_nd_grad (kl_at, kl_gradient, &o, &x0.vector, 0.1, 1e-7, 500);
  for (int restart = 0; restart < 5 && !r.converged; restart++)
    {
      minnd_result again = minimize_nd_grad (kl_at, kl_gradient, &o, r.x, 0.01, 1e-7, 500);
      minimize_result_free (&r);
      r = again;
    }
  /* Where BFGS stalls it is its line search that stalls: near θ* a step
     must lower the KL by about |∇|²/(2 λ), at |∇| = 1e-7 and λ = 2 some
     3e-15, a few ulps of a KL near 1 and below the quadrature's rounding
     of it (seeds 1027 and 1097 stopped there at |∇| = 1.04e-7).  The
     gradient itself is resolved far below 1e-7, so Newton's method on it
     alone finishes the descent. */
  if (!r.converged)
    {
      r.size = minimize_newton_gradient (kl_gradient, &o, r.x, 1e-7, 10);
      r.converged = r.size < 1e-7;
    }
  gauss_fit fit = { gsl_vector_get (r.x, 0), exp (gsl_vector_get (r.x, 1)), 0, m0, s0, r.converged };
  fit.tol = fit_radius (&o, r.x, r.size, fit.s);
  fit.converged = fit.converged && isfinite (fit.tol);
  minimize_result_free (&r);
  return fit;
}

double
gauss_fit_distance (const gmm * p, size_t k, double m, double s)
{
  double sd = sqrt (var_of (p, k));
  return fmax (fabs (m - mean_of (p, k)) / sd, fabs (s / sd - 1.0));
}

size_t
gauss_fit_nearest (const gmm * p, double m, double s)
{
  size_t best = 0;
  for (size_t k = 1; k < p->k; k++)
    if (gauss_fit_distance (p, k, m, s) < gauss_fit_distance (p, best, m, s))
      best = k;
  return best;
}

estimate
gauss_fit_lock (const gmm * p, const gauss_fit * fit)
{
  if (!fit->converged)
    die_runtime ("BFGS from m0 = %g did not converge", fit->m0);
  size_t k = gauss_fit_nearest (p, fit->m, fit->s);
  double sd = sqrt (var_of (p, k));
  double tol = fmax (fit->tol / sd, fit->s / sd * expm1 (fit->tol));
  return est_opt (gauss_fit_distance (p, k, fit->m, fit->s), tol);
}

estimate
gauss_fit_mean_estimate (gauss_fit fit)
{
  return est_opt (fit.m, fit.tol);
}

estimate
gauss_fit_log_s_estimate (gauss_fit fit)
{
  return est_opt (log (fit.s), fit.tol);
}

gauss_fit
gauss_fit_minimise_memo (gauss_fit_memo * memo, const gmm * p, gauss_fit_direction dir,
                         double m0, double s0, const gauss_fit_variant * v)
{
  if (memo->p != p || memo->dir != dir || memo->v != v || memo->fit.m0 != m0 || memo->fit.s0 != s0)
    *memo = (gauss_fit_memo) { p, dir, v, gauss_fit_minimise (p, dir, m0, s0, v) };
  return memo->fit;
}

void
gauss_fit_write_list (sbuf * out, const gmm * p, const gauss_fit * fits, size_t n)
{
  for (size_t i = 0; i < n; i++)
    sbuf_printf (out, "- from m0 = %g: m = %.6g, s = %.6g (component %zu)\n", fits[i].m0, fits[i].m,
                 fits[i].s, gauss_fit_nearest (p, fits[i].m, fits[i].s) + 1);
}

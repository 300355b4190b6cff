/* ratio_fit.c -- a density ratio by a logistic discriminator (see ratio_fit.h). */
#include "ratio_fit.h"
#include "errors.h"
#include "matrix.h"
#include "minimize.h"
#include "normal.h"

#include <float.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

#define D_GRID_N 401

typedef struct
{
  double on_log_d, on_log_1md;
} weights;

/* a log D + b log(1 - D); 1 - D is exact for D >= 1/2 (Sterbenz) and within half an ulp
   below, log within an ulp, each product and the sum half an ulp:
   4 eps (|a log D| + |b log(1 - D)| + a + b) bounds it. */
static double
weighted_log (double d, void *params, double *rounding)
{
  const weights *w = params;
  double a = w->on_log_d * log (d), b = w->on_log_1md * log1p (-d);
  *rounding = 4 * DBL_EPSILON * (fabs (a) + fabs (b) + w->on_log_d + w->on_log_1md);
  return a + b;
}

estimate
ratio_fit_argmax (double a, double b)
{
  static double grid[D_GRID_N];
  if (grid[D_GRID_N - 1] == 0)
    for (size_t i = 0; i < D_GRID_N; i++)
      grid[i] = logistic_sigmoid (-20.0 + 40.0 * (double) i / (D_GRID_N - 1));
  weights w = { a, b };
  concave_max m = maximize_concave_1d (weighted_log, &w, grid, D_GRID_N, 1e-15, 3e-7);
  return est_opt (m.x, m.x_err);
}

void
ratio_fit_logistic (const double *x, const double *y, size_t n1, size_t n0, ratio_fit * fit)
{
  if (logistic_fit_poly (x, y, n1 + n0, RATIO_FIT_FEATURES, &fit->lf) != GSL_SUCCESS)
    die_runtime ("the logistic fit did not converge (|grad| = %g)", fit->lf.grad_norm);
  *gsl_matrix_ptr (fit->lf.cov, 0, 0) -= 1.0 / (double) n0 + 1.0 / (double) n1;
  fit->n1 = n1;
  fit->n0 = n0;
}

void
ratio_fit_free (ratio_fit * fit)
{
  logistic_fit_free (&fit->lf);
}

double
ratio_fit_log_f1 (const ratio_fit * fit, double m0, double s0, double x, double *se)
{
  *se = logistic_score_se (&fit->lf, x);
  double d = logistic_sigmoid (logistic_score (fit->lf.theta, x));
  double f0 = exp (normal_log_pdf (x, m0, s0));
  return log (f0 * d / (1 - d));
}

void
ratio_fit_grid (const ratio_fit * fit, const normal_pair * g, double lo, double hi, size_t n,
                ratio_fit_point * at)
{
  for (size_t i = 0; i <= n; i++)
    {
      ratio_fit_point *p = &at[i];
      p->x = lo + (hi - lo) * (double) i / (double) n;
      p->log_f0 = normal_log_pdf (p->x, g->ma, g->sa);
      p->log_f1 = normal_log_pdf (p->x, g->mb, g->sb);
      p->log_f1_hat = ratio_fit_log_f1 (fit, g->ma, g->sa, p->x, &p->se);
    }
}

typedef struct
{
  quad_fn f;
  void *params;
  int j;                /* < 0: F itself */
} moment;

static double
moment_at (double x, void *params)
{
  const moment *m = params;
  double v = m->f (x, m->params), phi[RATIO_FIT_FEATURES];
  if (m->j < 0 || v == 0)
    return v;
  logistic_features (x, RATIO_FIT_FEATURES, phi);
  return v * phi[m->j];
}

double
ratio_fit_normaliser (const ratio_fit * fit, double m0, double s0, quad_fn f, void *params,
                      double *abserr, double *se)
{
  const gsl_vector *th = fit->lf.theta;
  double center, scale;
  if (normal_tilt (m0, s0, gsl_vector_get (th, 1), gsl_vector_get (th, 2), &center, &scale) <= 0)
    return INFINITY;
  moment m = { f, params, -1 };
  quad_result total = quad_real_line_at (moment_at, &m, center, scale);
  gsl_vector *grad = gsl_vector_alloc (RATIO_FIT_FEATURES);
  for (int j = 0; j < RATIO_FIT_FEATURES; j++)
    {
      m.j = j;
      gsl_vector_set (grad, j, quad_real_line_at (moment_at, &m, center, scale).value);
    }
  *se = sqrt (matrix_quadratic (grad, fit->lf.cov));
  *abserr = total.abserr;
  gsl_vector_free (grad);
  return total.value;
}

void
ratio_fit_draw (const gsl_rng * r, const normal_pair * g, size_t n1, size_t n0, double *x,
                double *y)
{
  for (size_t i = 0; i < n1 + n0; i++)
    {
      int from_f1 = i < n1;
      x[i] = from_f1 ? g->mb + gsl_ran_gaussian (r, g->sb) : g->ma + gsl_ran_gaussian (r, g->sa);
      y[i] = from_f1;
    }
}

estimate
ratio_fit_theta (const ratio_fit * fit, int j)
{
  double se = sqrt (gsl_matrix_get (fit->lf.cov, j, j));
  estimate e = est_mc (gsl_vector_get (fit->lf.theta, j), se);
  e.bound = fit->lf.newton_step;
  return e;
}

void
ratio_fit_normals (const gsl_rng * r, const normal_pair * g, size_t n1, size_t n0,
                   int swap_labels, ratio_fit * fit)
{
  double *x = xmalloc ((n1 + n0) * sizeof *x), *y = xmalloc ((n1 + n0) * sizeof *y);
  ratio_fit_draw (r, g, n1, n0, x, y);
  for (size_t i = 0; swap_labels && i < n1 + n0; i++)
    y[i] = !y[i];
  ratio_fit_logistic (x, y, n1, n0, fit);
  free (x);
  free (y);
}

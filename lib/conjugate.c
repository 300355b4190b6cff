/* conjugate.c -- convex conjugates by maximize_concave_1d on fixed grids. */
#include "conjugate.h"
#include "complex_step.h"

#include <math.h>

#define POSITIVE_N 161
#define REAL_N 2401
static double positive_grid[POSITIVE_N], real_grid[REAL_N];
static int grids_ready;

static void
grids_init (void)
{
  for (size_t i = 0; i < POSITIVE_N; i++)
    positive_grid[i] = 1e-8 * pow (1e16, (double) i / (POSITIVE_N - 1));
  for (size_t i = 0; i < REAL_N; i++)
    real_grid[i] = -300.0 + 600.0 * (double) i / (REAL_N - 1);
  grids_ready = 1;
}

concave_max
conjugate_sup_positive (concave_fn g, void *params)
{
  if (!grids_ready)
    grids_init ();
  return maximize_concave_1d (g, params, positive_grid, POSITIVE_N, 1e-12, CONJUGATE_XTOL_REL);
}

concave_max
conjugate_sup_real (concave_fn g, void *params)
{
  if (!grids_ready)
    grids_init ();
  return maximize_concave_1d (g, params, real_grid, REAL_N, 3e-7, CONJUGATE_XTOL_REL);
}

double
conjugate_diff (double a, double b, double *rounding)
{
  *rounding = 4 * EST_U * (fabs (a) + fabs (b));
  return a - b;
}

/* ---- u log u and e^{t-1} ---- */

double
conjugate_ulogu_objective (double u, void *params, double *rounding)
{
  return conjugate_diff (u * *(double *) params, u * log (u), rounding);
}

double
conjugate_exp_objective (double t, void *params, double *rounding)
{
  return conjugate_diff (t * *(double *) params, exp (t - 1), rounding);
}

concave_max
conjugate_ulogu_star (double t)
{
  return conjugate_sup_positive (conjugate_ulogu_objective, &t);
}

concave_max
conjugate_exp_star (double u)
{
  return conjugate_sup_real (conjugate_exp_objective, &u);
}

/* tu - f*(t), f*(t) the numerical supremum (PARAMS: u) */
static double
nested_objective (double t, void *params, double *rounding)
{
  concave_max in = conjugate_ulogu_star (t);
  double v = conjugate_diff (t * *(double *) params, in.value, rounding);
  *rounding += in.err;
  return v;
}

static const double nested_grid[] = { -10, -8, -6, -4, -3, -2, -1, 0, 1,
                                      2, 3, 4, 5, 6, 7, 8, 10, 12 };
#define NESTED_N (sizeof nested_grid / sizeof nested_grid[0])

concave_max
conjugate_ulogu_biconjugate (double u)
{
  return maximize_concave_1d (nested_objective, &u, nested_grid, NESTED_N, 3e-7,
                              CONJUGATE_XTOL_REL);
}

static double complex
ulogu_objective_c (double complex u, void *t)
{
  return u * *(double *) t - u * clog (u);
}

estimate
conjugate_ulogu_slope (double t, double u)
{
  return est_exact (complex_step_derivative (ulogu_objective_c, &t, u),
                    8 * EST_U * (fabs (t) + fabs (log (u)) + 1));
}

estimate
conjugate_ulogu_slope_at_max (double t, concave_max m)
{
  estimate d = conjugate_ulogu_slope (t, m.x);
  d.err += m.x_err / (m.x - m.x_err);
  return d;
}

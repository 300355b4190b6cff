/* conjugate.c -- convex conjugates by maximize_concave_1d on fixed grids. */
#include "conjugate.h"

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

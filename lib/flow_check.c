/* flow_check.c -- an integrator tested by experiment (see flow_check.h). */
#include "flow_check.h"
#include "errors.h"

#include <math.h>
#include <stdlib.h>

double
flow_reversal_error (const flow * f, double eps, size_t n_steps, const double *z, double *scale)
{
  size_t n = f->dim, d = n / 2;
  double *y = xmalloc (2 * n * sizeof *y), *back = y + n, worst = 0;
  f->map (eps, n_steps, z, y, f->params);
  for (size_t i = d; i < n; i++)
    y[i] = -y[i];
  f->map (eps, n_steps, y, back, f->params);
  for (size_t i = d; i < n; i++)
    back[i] = -back[i];
  *scale = 0;
  for (size_t i = 0; i < n; i++)
    {
      worst = fmax (worst, fabs (back[i] - z[i]));
      *scale = fmax (*scale, fmax (fabs (z[i]), fabs (y[i])));
    }
  free (y);
  return worst;
}

void
flow_jacobian (const flow * f, double eps, size_t n_steps, const double *z, double h, gsl_matrix * j)
{
  size_t n = f->dim;
  if (j->size1 != n || j->size2 != n)
    die_internal ("flow_jacobian: J is not %zu x %zu", n, n);
  double *zp = xmalloc (4 * n * sizeof *zp), *zm = zp + n, *fp = zm + n, *fm = fp + n;
  for (size_t c = 0; c < n; c++)
    {
      for (size_t i = 0; i < n; i++)
        zp[i] = zm[i] = z[i];
      zp[c] += h;
      zm[c] -= h;
      f->map (eps, n_steps, zp, fp, f->params);
      f->map (eps, n_steps, zm, fm, f->params);
      for (size_t i = 0; i < n; i++)
        gsl_matrix_set (j, i, c, (fp[i] - fm[i]) / (2 * h));
    }
  free (zp);
}

double
flow_growth (const gsl_matrix * j)
{
  double best = 0;
  for (size_t i = 0; i < j->size1; i++)
    {
      double s = 0;
      for (size_t k = 0; k < j->size2; k++)
        s += fabs (gsl_matrix_get (j, i, k));
      best = fmax (best, s);
    }
  return fmax (1, best);
}

void
flow_energy_errors (const flow * f, flow_energy_fn energy, void *eparams, const double *starts,
                    size_t n_starts, double tlen, size_t steps0, size_t levels, double *err,
                    double *ratio)
{
  double *out = xmalloc (f->dim * sizeof *out);
  for (size_t level = 0; level < levels; level++)
    {
      size_t steps = steps0 << level;
      double eps = tlen / (double) steps, sum = 0;
      for (size_t s = 0; s < n_starts; s++)
        {
          const double *z = starts + s * f->dim;
          f->map (eps, steps, z, out, f->params);
          double dh = energy (out, eparams) - energy (z, eparams);
          sum += dh * dh;
        }
      err[level] = sqrt (sum / (double) n_starts);
      if (level > 0)
        ratio[level - 1] = (err[level - 1] * err[level - 1]) / (err[level] * err[level]);
    }
  free (out);
}

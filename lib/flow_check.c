/* flow_check.c -- an integrator tested by experiment (see flow_check.h). */
#include "flow_check.h"
#include "errors.h"
#include "mc.h"
#include "matrix.h"

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

/* A bound on |det(J) - det(Ĵ)|, Ĵ the central differences of step H at Z
   of a map whose images carry at most ROUND of rounding each.  Column c
   of Ĵ is (Φ(z+) - Φ(z-)) / 2h with z± = fl(z_c ± h): the steps taken
   differ from ±h by at most u (|z_c| + h) each, the two images carry
   2 ROUND, and the subtraction and division round by 2u, so that, beside
   the difference's truncation (flow_probe's Richardson term), entry (i, c)
   is off by at most ρ |J_ic| + ROUND / h + 2u |Ĵ_ic|, ρ = u (|z_c| + h) / h;
   with |J_ic| <= |Ĵ_ic| + e_ic that is at most
       e_ic = (ρ |Ĵ_ic| + ROUND / h + 2u |Ĵ_ic|) / (1 - ρ)
   (no bound when ρ >= 1: a step below the rounding of z_c).  The LU
   determinant of Ĵ is that of Ĵ + ΔA with |ΔA_ic| <= γ_n n 2^(n-1)
   max|Ĵ| (Higham, Accuracy and Stability, Thm 9.3, with partial
   pivoting's |l| <= 1 and growth <= 2^(n-1)), which joins e, and the
   product of U's diagonal rounds by γ_n of it (at most Π_c (||Ĵ_c|| +
   ||e_c||) by Hadamard).  The determinant is linear in each
   column and |det M| <= Π_c ||M_c||_2 (Hadamard), so expanding det(Ĵ + E)
   column by column gives
       |det(Ĵ + E) - det(Ĵ)| <= Π_c (||Ĵ_c|| + ||e_c||) - Π_c ||Ĵ_c||. */
static double
jacobian_det_bound (const gsl_matrix * jhat, const double *z, double h, double round)
{
  size_t n = jhat->size1;
  double u = DBL_EPSILON / 2, gamma = n * u / (1 - n * u), top = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t c = 0; c < n; c++)
      top = fmax (top, fabs (gsl_matrix_get (jhat, i, c)));
  double lu = gamma * n * ldexp (1.0, (int) n - 1) * top, with = 1, without = 1;
  for (size_t c = 0; c < n; c++)
    {
      double col = 0, err = 0;
      for (size_t i = 0; i < n; i++)
        {
          double a = fabs (gsl_matrix_get (jhat, i, c));
          double rho = u * (fabs (z[c]) + h) / h;
          if (!(rho < 1))
            return INFINITY;
          double e = (rho * a + round / h + 2 * u * a + lu) / (1 - rho);
          col += a * a;
          err += e * e;
        }
      with *= sqrt (col) + sqrt (err);
      without *= sqrt (col);
    }
  return (with - without) * (1 + 4 * n * u) + gamma * with;
}

void
flow_probe (const flow * f, double eps, size_t n_steps, const double *z, double h,
            estimate * reversal, estimate * det)
{
  gsl_matrix *j1 = gsl_matrix_alloc (f->dim, f->dim), *j2 = gsl_matrix_alloc (f->dim, f->dim);
  double scale, worst = flow_reversal_error (f, eps, n_steps, z, &scale);
  flow_jacobian (f, eps, n_steps, z, h, j1);
  flow_jacobian (f, eps, n_steps, z, h / 2, j2);
  double growth = flow_growth (j2);
  /* one run of the map rounds by at most L · 8 ε · scale · G (the model of
     the reversal's bound, which runs it twice) */
  double round = n_steps * 8 * DBL_EPSILON * scale * growth;
  *reversal = est_exact (worst, 2 * n_steps * 8 * DBL_EPSILON * scale * growth);
  double d1 = matrix_det (j1), d2 = matrix_det (j2);
  /* the truncation, O(h²): the two steps' determinants agree to it */
  *det = est_numeric (d2, fabs (d2 - d1) + jacobian_det_bound (j2, z, h / 2, round));
  gsl_matrix_free (j1);
  gsl_matrix_free (j2);
}

int
flow_order_estimate (const double *ratio, size_t n, estimate * out, double *e_last, double *e_before)
{
  if (n < 3)
    die_internal ("flow_order_estimate: %zu ratios, 3 needed", n);
  size_t L = n - 1;
  *e_last = fabs (ratio[L - 1] - ratio[L]) / 3, *e_before = fabs (ratio[L - 2] - ratio[L - 1]) / 12;
  double tiny = 64 * DBL_EPSILON * 16, hi = fmax (*e_last, *e_before);
  if (hi > tiny && hi > 8 * fmax (fmin (*e_last, *e_before), tiny))
    return 0;
  *out = est_numeric (ratio[L], 3 * hi);
  return 1;
}

ess_result
flow_exp_energy_error (const double *dh, size_t n, double *mean_dh)
{
  double *w = xmalloc (n * sizeof *w);
  mc_acc a;
  mc_init (&a);
  for (size_t i = 0; i < n; i++)
    {
      w[i] = exp (-dh[i]);
      mc_add (&a, dh[i]);
    }
  ess_result e = ess_geyer (w, 1, n);
  free (w);
  *mean_dh = mc_mean (&a);
  return e;
}

void
flow_check_probes (harness * h, const char *rev_id, const char *vol_id, const flow * f,
                   const double *starts, size_t n, const char *what, double eps, size_t n_steps)
{
  for (size_t s = 0; s < n; s++)
    {
      estimate reversal, det;
      flow_probe (f, eps, n_steps, starts + s * f->dim, 1e-4, &reversal, &det);
      check_point (h, rev_id, reversal, est_exact (0, 0));
      check_point (h, vol_id, det, est_exact (1, 0));
    }
  check_close (h, rev_id, "%zu phase points %s; %zu steps of ε = %g", n, what, n_steps, eps);
  check_close (h, vol_id, "%zu phase points; central differences at 1e-4 and 5e-5, %zu steps"
               " of ε = %g", n, n_steps, eps);
}

void
flow_check_order (harness * h, const char *id, const flow * f, flow_energy_fn energy,
                  void *eparams, const double *starts, size_t n, double tlen, size_t steps0,
                  size_t levels, double *err)
{
  double *ratio = xmalloc ((levels - 1) * sizeof *ratio), e_last, e_before;
  estimate limit;
  flow_energy_errors (f, energy, eparams, starts, n, tlen, steps0, levels, err, ratio);
  if (!flow_order_estimate (ratio, levels - 1, &limit, &e_last, &e_before))
    check_inconclusive (h, id, "the ratios are not in their asymptotic regime: distance from 16 "
                        "estimated as %.3g and %.3g", e_last, e_before);
  else
    {
      double fine = (double) (steps0 << (levels - 1)) / tlen;
      check_compare (h, id, limit, est_exact (16, 0), "ratio %.4f at ε = 1/%g → 1/%g (before: %.4f,"
                     " %.4f); %zu starts, T = %g", ratio[levels - 2], fine / 2, fine,
                     ratio[levels - 3], ratio[levels - 4], n, tlen);
    }
  free (ratio);
}

/* iw_sweep.c -- L_k over a grid of k by Monte Carlo and quadrature (see
   iw_sweep.h). */
#include "iw_sweep.h"
#include "check.h"
#include "errors.h"
#include "psis.h"

#include <math.h>

void
iw_sweep_add_k (iw_sweep * s, double k)
{
  if (s->n_k == IW_SWEEP_MAX_K)
    die_internal ("k grid full");
  s->k[s->n_k++] = k;
}

void
iw_sweep_grid (iw_sweep * s, double kmax, int sparse)
{
  static const double steps[] = { 1, 2, 5 };
  size_t n_steps = sparse ? 1 : sizeof steps / sizeof steps[0];
  if (sparse)
    kmax = fmin (kmax, 1000);
  for (double decade = 1; decade <= kmax; decade *= 10)
    for (size_t i = 0; i < n_steps; i++)
      if (steps[i] * decade <= kmax)
        iw_sweep_add_k (s, steps[i] * decade);
  if (s->k[s->n_k - 1] < kmax)
    iw_sweep_add_k (s, floor (kmax));
  s->n_mc = s->n_k;
  for (double k = 1e5; k <= 1e8; k *= 10)
    if (k > kmax && (!sparse || k == 1e6 || k == 1e8))
      iw_sweep_add_k (s, k);
}

void
iw_sweep_replicates (iw_sweep * s, double samples)
{
  double floor_reps = fmax (100, samples / 2500);
  for (size_t i = 0; i < s->n_mc; i++)
    s->reps[i] = (size_t) fmax (floor_reps, ceil (samples / s->k[i]));
}

/* Var(w~), and the bound at every k where it applies. */
static void
sweep_rates (iw_sweep * s, size_t p)
{
  const iw_gauss *g = &s->q[p].g;
  s->var_w[p] = iw_gauss_variance (g);
  int bounded = g->vq < g->v && isfinite (s->var_w[p]);
  for (size_t i = 0; i < s->n_k; i++)
    s->bound[p][i] = bounded ? iw_gauss_gap_bound (g, s->k[i]) : NAN;
}

void
iw_sweep_run (iw_sweep * s, gsl_rng * r, const iw_estimators * estimators)
{
  if (s->n_q > IW_SWEEP_MAX_Q || s->n_mc > s->n_k)
    die_internal ("iw_sweep_run: %zu proposals (at most %d), %zu Monte Carlo k"
                  " of %zu", s->n_q, IW_SWEEP_MAX_Q, s->n_mc, s->n_k);
  for (size_t p = 0; p < s->n_q; p++)
    {
      const iw_model *q = &s->q[p];
      for (size_t i = 0; i < s->n_mc; i++)
        iw_mc_run (r, &q->f, estimators, q->log_px, (size_t) s->k[i],
                   s->reps[i], &s->mc[p][i]);
      for (size_t i = 0; i < s->n_k; i++)
        s->gap[p][i] = iw_gauss_gap (&q->g, s->k[i], i < s->n_mc
                                     ? IW_GAP_FOR_MC : IW_GAP_PRECISE, 0.0);
      sweep_rates (s, p);
    }
}

estimate
iw_sweep_lk_quad (const iw_sweep * s, size_t p, size_t i)
{
  return est_quad ((quad_result) { s->q[p].log_px - s->gap[p][i].value,
                                   s->gap[p][i].abserr });
}

int
iw_sweep_trusted (const iw_sweep * s, size_t p, size_t i)
{
  double threshold = fmin (1 - 1 / log10 ((double) s->reps[i]),
                           PSIS_KHAT_MAX);
  return s->mc[p][i].khat <= threshold;
}

iw_sweep_left_out
iw_sweep_untrusted (const iw_sweep * s)
{
  iw_sweep_left_out out = { 0, 0, 0, 0 };
  for (size_t p = 0; p < s->n_q; p++)
    for (size_t i = 0; i < s->n_mc; i++)
      if (!iw_sweep_trusted (s, p, i))
        {
          if (!(s->mc[p][i].khat <= out.khat))
            out.khat = s->mc[p][i].khat, out.p = p, out.k = s->k[i];
          out.n++;
        }
  return out;
}

double
iw_sweep_slope (const iw_sweep * s, size_t p)
{
  size_t n = s->n_k;
  return log (s->gap[p][n - 1].value / s->gap[p][n - 2].value)
    / log (s->k[n - 1] / s->k[n - 2]);
}

/* ---- data and table ---- */

/* How many q have a finite Var(w~) (FINITE) or an infinite one. */
static size_t
count_finite (const iw_sweep * s, int finite)
{
  size_t n = 0;
  for (size_t p = 0; p < s->n_q; p++)
    n += (isfinite (s->var_w[p]) != 0) == finite;
  return n;
}

/* Their names, as "a", "a and b", "a, b and c". */
static void
append_names (sbuf * b, const iw_sweep * s, int finite)
{
  size_t n = 0, total = count_finite (s, finite);
  for (size_t p = 0; p < s->n_q; p++)
    if ((isfinite (s->var_w[p]) != 0) == finite)
      {
        n++;
        sbuf_printf (b, "%s%s", n == 1 ? "" : n == total ? " and " : ", ",
                     s->name[p]);
      }
}

static void
write_quad_block (sbuf * b, const iw_sweep * s)
{
  sbuf_append (b, "\n\n# block B0: quadrature, log p(x) - L_k\n# k");
  for (size_t p = 0; p < s->n_q; p++)
    sbuf_printf (b, "  gap_%s err", s->name[p]);
  for (size_t p = 0; p < s->n_q; p++)
    if (!isnan (s->bound[p][0]))
      sbuf_printf (b, "  bound_%s", s->name[p]);
  for (size_t p = 0; p < s->n_q; p++)
    if (isfinite (s->var_w[p]))
      sbuf_printf (b, "  asym_%s", s->name[p]);
  sbuf_append (b, "\n");
  for (size_t i = 0; i < s->n_k; i++)
    {
      double k = s->k[i];
      sbuf_printf (b, "%g", k);
      for (size_t p = 0; p < s->n_q; p++)
        sbuf_printf (b, " %.10g %.3g", s->gap[p][i].value,
                     s->gap[p][i].abserr);
      for (size_t p = 0; p < s->n_q; p++)
        if (!isnan (s->bound[p][i]))
          sbuf_printf (b, " %.10g", s->bound[p][i]);
      for (size_t p = 0; p < s->n_q; p++)
        if (isfinite (s->var_w[p]))
          sbuf_printf (b, " %.10g", s->var_w[p] / (2 * k));
      sbuf_append (b, "\n");
    }
}

static void
write_mc_block (sbuf * b, const iw_sweep * s)
{
  sbuf_append (b, "\n\n# block B1 = B0 + 1: Monte Carlo gap; ");
  append_names (b, s, 1);
  if (count_finite (s, 1))
    sbuf_append (b, " by the control-variate estimator");
  if (count_finite (s, 1) && count_finite (s, 0))
    sbuf_append (b, ", ");
  append_names (b, s, 0);
  if (count_finite (s, 0))
    sbuf_append (b, " by log p(x) - mean log-mean-exp");
  sbuf_append (b, "\n# k  replicates");
  for (size_t p = 0; p < s->n_q; p++)
    sbuf_printf (b, "  %s se", s->name[p]);
  sbuf_append (b, "\n");
  for (size_t i = 0; i < s->n_mc; i++)
    {
      sbuf_printf (b, "%g %zu", s->k[i], s->reps[i]);
      for (size_t p = 0; p < s->n_q; p++)
        {
          const iw_mc *m = &s->mc[p][i];
          if (isfinite (s->var_w[p]))
            sbuf_printf (b, " %.10g %.3g", mc_mean (&m->gap_cv),
                         mc_se (&m->gap_cv));
          else
            sbuf_printf (b, " %.10g %.3g", s->q[p].log_px - mc_mean (&m->lk),
                         mc_se (&m->lk));
        }
      sbuf_append (b, "\n");
    }
}

void
iw_sweep_write_data (sbuf * b, const iw_sweep * s)
{
  write_quad_block (b, s);
  write_mc_block (b, s);
}

void
iw_sweep_write_table (sbuf * b, const iw_sweep * s)
{
  sbuf_append (b, "\n| k | replicates |");
  for (size_t p = 0; p < s->n_q; p++)
    sbuf_printf (b, " L_k %s (MC) | L_k %s (quad) |", s->name[p], s->name[p]);
  sbuf_append (b, "\n|---|---|");
  for (size_t p = 0; p < s->n_q; p++)
    sbuf_append (b, "---|---|");
  sbuf_append (b, "\n");
  for (size_t i = 0; i < s->n_mc; i++)
    {
      sbuf_printf (b, "| %g | %zu |", s->k[i], s->reps[i]);
      for (size_t p = 0; p < s->n_q; p++)
        sbuf_printf (b, " %.5f ± %.1e | %.8f |", mc_mean (&s->mc[p][i].lk),
                     mc_se (&s->mc[p][i].lk),
                     iw_sweep_lk_quad (s, p, i).value);
      sbuf_append (b, "\n");
    }
  sbuf_printf (b, "\nlog p(x) = %.8f.\n", s->q[0].log_px);
}

/* iw_sweep.c -- L_k over a grid of k by Monte Carlo and quadrature (see
   iw_sweep.h). */
#include "iw_sweep.h"
#include "check.h"
#include "errors.h"
#include "psis.h"

#include <float.h>
#include <math.h>

void
iw_sweep_proposals (iw_sweep * s, double a, double sd, double x, size_t n,
                    const char *const name[], const double shift[], const double c[])
{
  if (n > IW_SWEEP_MAX_Q)
    die_internal ("iw_sweep_proposals: %zu proposals (at most %d)", n, IW_SWEEP_MAX_Q);
  s->n_q = n;
  for (size_t p = 0; p < n; p++)
    {
      s->name[p] = name[p];
      iw_model_init (&s->q[p], a, sd, x, shift[p], c[p]);
    }
}

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

/* ---- the proposals in notes ---- */

/* Which q a note names: all, those with a finite Var(w~) or an infinite
   one, those with a bound. */
enum sweep_set { SET_ALL, SET_FINITE, SET_INFINITE, SET_BOUNDED };

static int
in_set (const iw_sweep * s, size_t p, enum sweep_set set)
{
  switch (set)
    {
    case SET_FINITE:
      return isfinite (s->var_w[p]);
    case SET_INFINITE:
      return !isfinite (s->var_w[p]);
    case SET_BOUNDED:
      return !isnan (s->bound[p][0]);
    default:
      return 1;
    }
}

static size_t
count_set (const iw_sweep * s, enum sweep_set set)
{
  size_t n = 0;
  for (size_t p = 0; p < s->n_q; p++)
    n += in_set (s, p, set) != 0;
  return n;
}

/* The set's names, as "a", "a and b", "a, b and c" (LAST " and "), or
   "a, b, c" (LAST ", "); with FMT, VALUE[p] so printed in place of each. */
static void
append_list (sbuf * b, const iw_sweep * s, enum sweep_set set, const char *last,
             const char *fmt, const double *value)
{
  size_t n = 0, total = count_set (s, set);
  for (size_t p = 0; p < s->n_q; p++)
    if (in_set (s, p, set))
      {
        n++;
        sbuf_append (b, n == 1 ? "" : n == total ? last : ", ");
        if (fmt)
          sbuf_printf (b, fmt, value[p]);
        else
          sbuf_append (b, s->name[p]);
      }
}

static void
append_names (sbuf * b, const iw_sweep * s, enum sweep_set set, const char *last)
{
  append_list (b, s, set, last, NULL, NULL);
}

/* ---- data and table ---- */

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
  append_names (b, s, SET_FINITE, " and ");
  if (count_set (s, SET_FINITE))
    sbuf_append (b, " by the control-variate estimator");
  if (count_set (s, SET_FINITE) && count_set (s, SET_INFINITE))
    sbuf_append (b, ", ");
  append_names (b, s, SET_INFINITE, " and ");
  if (count_set (s, SET_INFINITE))
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

/* ---- the checks ---- */

/* The order of IW_SWEEP_IDS. */
enum { CHECK_L1, CHECK_LK, CHECK_GAP_CV, CHECK_BOUND, CHECK_DELTA, CHECK_MEAN_W,
       CHECK_LOO };

/* check_close with the note built in NOTE, which is freed. */
static void
close_with (harness * h, const char *id, sbuf * note)
{
  check_close (h, id, "%s", sbuf_str (note));
  sbuf_free (note);
}

static void
check_l1 (harness * h, const iw_sweep * s, const char *id)
{
  for (size_t p = 0; p < s->n_q; p++)
    check_point (h, id, iw_sweep_lk_quad (s, p, 0), iw_model_elbo (&s->q[p]));
  sbuf note;
  sbuf_init (&note);
  append_names (&note, s, SET_ALL, ", ");
  sbuf_append (&note, " q; nested QAGI");
  close_with (h, id, &note);
}

/* The points of one Monte Carlo (P, I), the notes say which enter. */
static void
check_mc_point (harness * h, const iw_sweep * s, const char *const ids[],
                size_t p, size_t i)
{
  const iw_mc *m = &s->mc[p][i];
  double p_x = exp (s->q[0].log_px);
  check_point (h, ids[CHECK_LK], est_mc_acc (&m->lk), iw_sweep_lk_quad (s, p, i));
  check_point (h, ids[CHECK_LOO], est_mc_acc (&m->loo), iw_sweep_lk_quad (s, p, i));
  if (!isfinite (s->var_w[p]))     /* E[w^2] = inf: no trustworthy SE */
    return;
  check_point (h, ids[CHECK_MEAN_W], est_mc_acc (&m->mean_w),
               est_exact (p_x, 4 * DBL_EPSILON * p_x));
  if (s->reps[i] >= IW_SWEEP_GAP_CV_MIN_REPLICATES)
    check_point (h, ids[CHECK_GAP_CV], est_mc_acc (&m->gap_cv), est_quad (s->gap[p][i]));
}

/* "k = 1 .. kmax (n values), " */
static void
append_mc_grid (sbuf * b, const iw_sweep * s)
{
  sbuf_printf (b, "k = 1 .. %g (%zu values), ", s->k[s->n_mc - 1], s->n_mc);
}

static void
close_lk (harness * h, const iw_sweep * s, const char *id)
{
  iw_sweep_left_out out = iw_sweep_untrusted (s);
  size_t n_in = s->n_q * s->n_mc - out.n;
  if (n_in == 0)
    {
      check_inconclusive (h, id, "Pareto k-hat of L_k's replicates above its threshold"
                          " at every point (largest %.2f): the standard errors cannot be"
                          " trusted", out.khat);
      return;
    }
  sbuf note;
  sbuf_init (&note);
  append_mc_grid (&note, s);
  append_names (&note, s, SET_ALL, ", ");
  sbuf_printf (&note, " q; %zu to %zu replicates; %zu points, %zu left out by Pareto"
               " k-hat (largest %.2f: %s q, k = %g)", s->reps[s->n_mc - 1], s->reps[0],
               n_in, out.n, out.khat, out.n ? s->name[out.p] : "none", out.k);
  close_with (h, id, &note);
}

static void
check_mc (harness * h, const iw_sweep * s, const char *const ids[])
{
  size_t n_cv = 0, cv_q = 0;         /* cv_q: the first q with a finite Var(w~) */
  double k_cv = 0;                   /* its largest k of a gap point */
  while (cv_q < s->n_q && !isfinite (s->var_w[cv_q]))
    cv_q++;
  for (size_t p = 0; p < s->n_q; p++)
    for (size_t i = 0; i < s->n_mc; i++)
      if (iw_sweep_trusted (s, p, i))
        {
          check_mc_point (h, s, ids, p, i);
          if (p == cv_q && s->reps[i] >= IW_SWEEP_GAP_CV_MIN_REPLICATES)
            n_cv++, k_cv = s->k[i];
        }
  close_lk (h, s, ids[CHECK_LK]);
  close_lk (h, s, ids[CHECK_LOO]);
  sbuf note;
  sbuf_init (&note);
  append_mc_grid (&note, s);
  append_names (&note, s, SET_FINITE, " and ");
  sbuf_printf (&note, " q; %zu to %zu replicates", s->reps[s->n_mc - 1], s->reps[0]);
  close_with (h, ids[CHECK_MEAN_W], &note);
  sbuf_init (&note);
  append_names (&note, s, SET_FINITE, " and ");
  sbuf_printf (&note, " q at the %zu values of k with at least %d replicates (k <= %g)",
               n_cv, IW_SWEEP_GAP_CV_MIN_REPLICATES, k_cv);
  close_with (h, ids[CHECK_GAP_CV], &note);
}

/* The bound at every k, and the delta method's limit at 10^6 and 10^8. */
static void
check_rates (harness * h, const iw_sweep * s, const char *const ids[])
{
  for (size_t i = 0; i < s->n_k; i++)
    {
      double k = s->k[i];
      for (size_t p = 0; p < s->n_q; p++)
        if (in_set (s, p, SET_BOUNDED))
          check_point (h, ids[CHECK_BOUND], est_quad (s->gap[p][i]),
                       est_exact (s->bound[p][i], 8 * DBL_EPSILON * s->bound[p][i]));
      if (k != 1e6 && k != 1e8)
        continue;
      for (size_t p = 0; p < s->n_q; p++)
        if (in_set (s, p, SET_FINITE))
          {
            quad_result kg = { k * s->gap[p][i].value, k * s->gap[p][i].abserr };
            check_point (h, ids[CHECK_DELTA], est_quad (kg),
                         est_exact (s->var_w[p] / 2,
                                    2 * fabs (iw_gauss_delta_c1 (&s->q[p].g)) / k));
          }
    }
  double w_min[IW_SWEEP_MAX_Q];
  for (size_t p = 0; p < s->n_q; p++)
    w_min[p] = iw_gauss_min (&s->q[p].g);
  sbuf note;
  sbuf_init (&note);
  append_names (&note, s, SET_BOUNDED, " and ");
  sbuf_append (&note, " q, w_min/p(x) = ");
  append_list (&note, s, SET_BOUNDED, " and ", "%.4g", w_min);
  sbuf_printf (&note, ", k = 1 .. %g", s->k[s->n_k - 1]);
  close_with (h, ids[CHECK_BOUND], &note);
  sbuf_init (&note);
  append_names (&note, s, SET_FINITE, " and ");
  sbuf_append (&note, " q, k = 10^6 and 10^8; Var(w)/p(x)^2 = ");
  append_list (&note, s, SET_FINITE, " and ", "%.6g", s->var_w);
  close_with (h, ids[CHECK_DELTA], &note);
}

void
iw_sweep_check (harness * h, const iw_sweep * s, const char *const ids[7])
{
  check_l1 (h, s, ids[CHECK_L1]);
  check_mc (h, s, ids);
  check_rates (h, s, ids);
}

/* ---- the method, for a report ---- */

void
iw_sweep_write_method (sbuf * b, const iw_sweep * s, const char *l1_check,
                       const char *bars)
{
  sbuf_printf (b,
    "Every L_k has an exact reference by quadrature whose cost does not depend on k: with"
    " w~ = w/p(x) (so E_q[w~] = 1), Frullani's integral gives log p(x) - L_k = ∫₀^∞"
    " (φ(t/k)^k - e^{-t}) dt/t with φ(r) = E_q[e^{-r w~}] (nested GSL QAGI; the inner integrals'"
    " errors are carried to the outer one by a second pass). At k = 1 it reproduces the"
    " closed-form KL(q || p(z|x)) to ~1e-15 (check `%s`).\n\n", l1_check);
  sbuf_append (b,
    "Monte Carlo: each replicate draws k+1 weights; log_mean_exp gives L_k and L_{k+1}; the seed's"
    " E_M term (the average over the k+1 leave-one-out subsets) gives a second estimate of L_k."
    " Replicates per k: samples/k, at least max(100, samples/2500), so that at k = 10⁴ there are"
    " 200 replicates (2·10⁶ weights), enough for the normal critical values the checks use. The"
    " figure's gap estimates for ");
  append_names (b, s, SET_FINITE, " and ");
  sbuf_append (b, " q use E[e - log(1+e)], e = mean_k(w)/p(x) - 1,"
    " unbiased because E[e] = 0 exactly; its relative error does not grow with k, whereas log"
    " p(x) - mean(L̂_k) has a standard error ~ sqrt(Var(w~)/(kR)), far above the gap at large k.");
  int infinite = count_set (s, SET_INFINITE) > 0;
  if (infinite)
    {
      sbuf_append (b, " For ");
      append_names (b, s, SET_INFINITE, " and ");
      sbuf_append (b, " q that estimator has infinite variance, so the ");
      append_names (b, s, SET_INFINITE, " and ");
      sbuf_printf (b, " points are log p(x) - mean(L̂_k)%s.", bars);
    }
  sbuf_printf (b, "\n\n"
    "Which points the Monte Carlo checks use: every L_k point enters, unless the Pareto k-hat of"
    " its replicates (lib/psis.h, Vehtari et al.) exceeds min(1 - 1/log10 n, %g): then that point"
    " is left out (a check with no point left would be inconclusive).", PSIS_KHAT_MAX);
  if (infinite)
    {
      sbuf_append (b, " For ");
      append_names (b, s, SET_INFINITE, " and ");
      sbuf_append (b, " q the log-mean of weights with an infinite variance still has an"
        " exponential right tail, so its k-hat is mostly near 0 (the checks' notes count the"
        " points left out). Left out: averages of the weights themselves for ");
      append_names (b, s, SET_INFINITE, " and ");
      sbuf_append (b, " q (E_q[w²] = ∞ in closed form), and");
    }
  else
    sbuf_append (b, " Left out:");
  sbuf_printf (b, " the gap estimator with fewer than %d replicates, since at large k it is"
    " close to a scaled chi-square with one degree of freedom, whose t-statistic from 200"
    " replicates falls below -6 about 1e-5 of the time (simulated), not 1e-9.\n\n",
    IW_SWEEP_GAP_CV_MIN_REPLICATES);
}

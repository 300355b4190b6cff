/* gmm_quantile.c -- mixture quantiles at a normal score, and the 2-D
 * Rosenblatt transform (see gmm_quantile.h).
 *
 * The equation.  On e's side s = sign(e) (+1 for e >= 0), the tail of the
 * mixture is T(x) = Σ_k w_k Q(s u_k), u_k = (x - m_k)/σ_k, Q(u) = Φ(-u),
 * the upper tail 1 - F for s = +1 and the lower tail F for s = -1.  The
 * quantile solves g(x) = log T(x) - log Q(|e|) = 0.  On the log of the
 * tail, not F(x) - Φ(e): a tail of 1e-19 (e = 9) is then known to its
 * full relative precision, where F - Φ(e) near 1 would have lost it all.
 * g is monotone (decreasing for s = +1, increasing for s = -1) with
 * g' = -s p(x) / T(x), p the mixture density.
 *
 * The bracket.  At x = m_k + σ_k e component k's own tail is Q(|e|), so
 * at the least of these quantiles every component's tail on the upper
 * side is at least Q(|e|) (and at the greatest at most): T, a weighted
 * mean of them, is on the right side of Q(|e|) at both ends, and the
 * mixture's quantile lies between the components' own.
 *
 * The iteration.  Newton's method on g from the bracket's end on e's far
 * side (for a log-concave tail, as one normal's, Newton converges
 * monotonically from there; a mixture's is nearly so), kept inside the
 * bracket, which every evaluation narrows; a step that would leave it is
 * replaced by bisection, so the iteration converges for any mixture.
 *
 * When to stop, and how exact x is.  g is computed with an absolute error
 * of about eps_g = 8 u (1 + |log Q(|e|)|) (u = 2^-53: Q's few ulps, those
 * of u_k, which a log tail of size ½u² turns into ~ u² ulps, the sum's
 * and the log's), so g cannot tell apart points closer than eps_g / |g'|,
 * and x itself is stored to u |x|.  The iteration runs until a Newton
 * step is below tol = 4 u |x| + eps_g / |g'| (then the step after it
 * would be O(step²), far below), or the bracket holds no double between
 * its ends, and returns the last Newton iterate: x is then within about
 * tol of the exact quantile of the stored parameters, that is a few ulps
 * of x plus the quantile's own condition (a tail known to relative eps_g
 * fixes x only to eps_g / |d log T/dx|: eps_g σ near the centre, eps_g σ
 * / |e| in the tails).  That is the size of the rounding of the sampler
 * the map stands in for (gmm_sample's m + L z is a few roundings of
 * terms of size max(|m|, |L z|)).  So a caller integrating h(x(e)) needs
 * no bound for the map beyond the one for evaluating h at a rounded
 * draw; in particular the derivation engine's default rounding bound of
 * an integrand, 64 u |h|, covers a perturbation |δx_i| <= 4 u (|x_i| +
 * σ) wherever Σ_i |∂h/∂x_i| (|x_i| + σ) <= 16 |h| -- e.g. for h = log
 * N(x; μ, I) with |μ_i| <= 3, σ <= 1.3, where |h| >= log 2π + ½|x - μ|²
 * (checked by tests/test_gmm_quantile: the quantile's tail within 1e-12
 * relative of Q(|e|) on |e| <= 9, and its implied distance from the root
 * within a few ulps). */
#include "gmm_quantile.h"
#include "errors.h"
#include "logsumexp.h"
#include "scratch.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_erf.h>
#include <math.h>
#include <stdlib.h>

#define GQ_U (DBL_EPSILON / 2)
#define GQ_ITER_MAX 200         /* Newton + bisection to a double's width:
                                   ~ 10 in practice, 2100 bits at most */
/* Below this a tail or density is summed in logs: above it a sum of
   k <= 2^20 positive terms stays a normal number */
#define GQ_DIRECT_MIN 1e-290
enum { GQ_STACK_MAX = SCRATCH_STACK_MAX };

/* One 1-D problem: K components with weights and their logs (normalised),
   means and sds; S the side of the tail (±1) and log Q(|e|) its target. */
typedef struct
{
  size_t k;
  const double *w, *logw, *m, *sd;
  double *work;                 /* 2 k doubles for the log-space sums */
  double s, log_target;
} gq_problem;

/* ---------------------------------------------------------------- the tail */

/* log Q(u) = log Φ(-u): the log of GSL's Q while Q is a normal number,
   GSL's log erfc (asymptotic series) beyond, where Q underflows */
static double
gq_log_q (double u)
{
  return u < 30 ? log (gsl_cdf_ugaussian_Q (u))
    : gsl_sf_log_erfc (u * M_SQRT1_2) - M_LN2;
}

/* log T(x) and d log T/dx in logs, term by term (log-sum-exp): for far
   tails, where the direct sums would underflow */
static double
gq_log_tail_in_logs (const gq_problem * q, double x, double *dlog)
{
  double *t = q->work, *d = q->work + q->k;
  for (size_t j = 0; j < q->k; j++)
    {
      double u = (x - q->m[j]) / q->sd[j];
      t[j] = q->logw[j] + gq_log_q (q->s * u);
      d[j] = q->logw[j] - log (q->sd[j]) - 0.5 * u * u - 0.5 * log (2 * M_PI);
    }
  double lt = log_sum_exp (t, q->k);
  *dlog = -q->s * exp (log_sum_exp (d, q->k) - lt);
  return lt;
}

/* log T(x) and d log T/dx = -s p(x) / T(x): summed directly (k terms, all
   positive, so each sum keeps its relative precision) while both are
   normal numbers, in logs otherwise */
static double
gq_log_tail (const gq_problem * q, double x, double *dlog)
{
  double tail = 0, dens = 0;
  for (size_t j = 0; j < q->k; j++)
    {
      double u = (x - q->m[j]) / q->sd[j];
      tail += q->w[j] * gsl_cdf_ugaussian_Q (q->s * u);
      dens += q->w[j] * gsl_ran_ugaussian_pdf (u) / q->sd[j];
    }
  if (!(tail > GQ_DIRECT_MIN && dens > GQ_DIRECT_MIN))
    return gq_log_tail_in_logs (q, x, dlog);
  *dlog = -q->s * dens / tail;
  return log (tail);
}

/* ---------------------------------------------------------------- solving */

/* The components' own quantiles m_k + σ_k e, the least into *LO and the
   greatest into *HI (components of weight 0 left out) */
static void
gq_bracket (const gq_problem * q, double e, double *lo, double *hi)
{
  *lo = INFINITY, *hi = -INFINITY;
  for (size_t j = 0; j < q->k; j++)
    if (q->logw[j] > -INFINITY)
      {
        double c = q->m[j] + q->sd[j] * e;
        *lo = GSL_MIN (*lo, c), *hi = GSL_MAX (*hi, c);
      }
}

/* Newton's method on g, safeguarded by the bracket (the header comment
   gives the stopping rule and why) */
static double
gq_solve (gq_problem * q, double e)
{
  q->s = e >= 0 ? 1 : -1;
  q->log_target = gq_log_q (fabs (e));
  double lo, hi;
  gq_bracket (q, e, &lo, &hi);
  double x = q->s > 0 ? hi : lo;
  double eps_g = 8 * GQ_U * (1 + fabs (q->log_target));
  for (int it = 0; it < GQ_ITER_MAX; it++)
    {
      double dg, g = gq_log_tail (q, x, &dg) - q->log_target;
      if (g == 0)
        return x;
      if (g * q->s > 0)         /* x is below the root */
        lo = x;
      else
        hi = x;
      double step = g / dg, nx = x - step;
      if (!(nx > lo && nx < hi))
        nx = lo + 0.5 * (hi - lo);
      else if (fabs (step) <= 4 * GQ_U * fabs (x) + eps_g / fabs (dg))
        return nx;
      if (nx <= lo || nx >= hi) /* no double left between lo and hi */
        return x;
      x = nx;
    }
  return x;
}

/* ---------------------------------------------------------------- API */

/* Dies unless every weight is >= 0 and finite (one positive), every mean
   finite and every sd > 0 and finite; returns the weights' sum */
static double
gq_validate (size_t k, const double *w, const double *mu, const double *sd)
{
  double sum = 0;
  for (size_t j = 0; j < k; j++)
    {
      if (!(w[j] >= 0 && isfinite (w[j]) && isfinite (mu[j])
            && sd[j] > 0 && isfinite (sd[j])))
        die_internal ("gmm_quantile: component %zu has weight %g, mean %g,"
                      " sd %g", j, w[j], mu[j], sd[j]);
      sum += w[j];
    }
  if (!(sum > 0))
    die_internal ("gmm_quantile: no component has a positive weight");
  return sum;
}

double
gmm_quantile_1d_normal_score (size_t k, const double *w, const double *mu,
                              const double *sd, double e)
{
  if (k == 0)
    die_internal ("gmm_quantile: a mixture of 0 components");
  double sum = gq_validate (k, w, mu, sd);
  if (isnan (e) || isinf (e))
    return e;
  double buf[4 * GQ_STACK_MAX], *b = scratch_doubles (buf, 4 * GQ_STACK_MAX, 4 * k);
  for (size_t j = 0; j < k; j++)
    b[j] = w[j] / sum, b[k + j] = log (b[j]);
  gq_problem q = {.k = k, .w = b, .logw = b + k, .m = mu, .sd = sd,
                  .work = b + 2 * k };
  double x = gq_solve (&q, e);
  scratch_free (b, buf);
  return x;
}

/* The conditional mixture of coordinate 1 given x1 = X0 (Bishop PRML
   2.3.1), into W, LOGW, M, SD (k each).  With Σ_k = L Lᵀ (the component's
   Cholesky factor), L00 = √Σ_k00, L10 = Σ_k10 / L00 and L11² = Σ_k11 -
   Σ_k10² / Σ_k00: the conditional variance is L11², the regression slope
   Σ_k10 / Σ_k00 = L10 / L00, and the weights ∝ w_k N(x1; m_k0, L00²). */
static void
gq_conditional (const gmm * g, double x0, double *w, double *logw, double *m,
                double *sd)
{
  for (size_t j = 0; j < g->k; j++)
    {
      const gsl_matrix *l = g->comp[j]->chol;
      double l00 = gsl_matrix_get (l, 0, 0), l10 = gsl_matrix_get (l, 1, 0);
      double d = (x0 - gsl_vector_get (g->comp[j]->mu, 0)) / l00;
      logw[j] = log (g->weights[j]) - log (l00) - 0.5 * d * d;
      m[j] = gsl_vector_get (g->comp[j]->mu, 1) + l10 * d;
      sd[j] = gsl_matrix_get (l, 1, 1);
    }
  double lse = log_sum_exp (logw, g->k);
  for (size_t j = 0; j < g->k; j++)
    logw[j] -= lse, w[j] = exp (logw[j]);
}

/* The marginal of coordinate 0: weights, means m_k0, sds L00 = √Σ_k00 */
static void
gq_marginal (const gmm * g, double *w, double *logw, double *m, double *sd)
{
  for (size_t j = 0; j < g->k; j++)
    {
      w[j] = g->weights[j], logw[j] = log (w[j]);
      m[j] = gsl_vector_get (g->comp[j]->mu, 0);
      sd[j] = gsl_matrix_get (g->comp[j]->chol, 0, 0);
    }
}

void
gmm_rosenblatt_2d (const gmm * g, const double e[2], double x[2])
{
  if (g->d != 2)
    die_internal ("gmm_rosenblatt_2d: a mixture of dimension %zu, not 2", g->d);
  size_t k = g->k;
  double buf[6 * GQ_STACK_MAX], *b = scratch_doubles (buf, 6 * GQ_STACK_MAX, 6 * k);
  double *w = b, *logw = b + k, *m = b + 2 * k, *sd = b + 3 * k;
  gq_problem q = {.k = k, .w = w, .logw = logw, .m = m, .sd = sd,
                  .work = b + 4 * k };
  gq_marginal (g, w, logw, m, sd);
  x[0] = isfinite (e[0]) ? gq_solve (&q, e[0]) : e[0];
  if (isfinite (x[0]))
    {
      gq_conditional (g, x[0], w, logw, m, sd);
      x[1] = isfinite (e[1]) ? gq_solve (&q, e[1]) : e[1];
    }
  else
    x[1] = NAN;                 /* no conditional given x1 = ±inf or NaN */
  scratch_free (b, buf);
}

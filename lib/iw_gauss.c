/* iw_gauss.c -- importance weights of a Gaussian proposal for a Gaussian
   target, and the gap log p(x) - L_k by quadrature (see iw_gauss.h). */
#include "iw_gauss.h"
#include "errors.h"
#include "lingauss.h"
#include "logsumexp.h"
#include "psis.h"
#include "quad_nested.h"
#include "scratch.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_log.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
  struct inner_memo *memo;
} gap_integral;

/* The inner integral at u, remembered: the error pass and the integral
   itself, and the outer rules within each, ask for it at many of the same
   u (about 45% of the calls), and it is a function of u alone, so a
   remembered value is the value.  Open addressing on u's bits; a full
   table stops remembering, never answers wrongly. */
#define INNER_MEMO_SIZE 8192    /* a power of two */
#define INNER_MEMO_FILL 6144

struct inner_memo
{
  size_t n;
  unsigned char used[INNER_MEMO_SIZE];
  double u[INNER_MEMO_SIZE];
  quad_result inner[INNER_MEMO_SIZE];
};

static size_t
inner_memo_slot (const struct inner_memo *m, double u)
{
  uint64_t b;
  memcpy (&b, &u, sizeof b);
  size_t i = (size_t) ((b * 0x9E3779B97F4A7C15u) >> 51) & (INNER_MEMO_SIZE - 1);
  while (m->used[i] && memcmp (&m->u[i], &u, sizeof u) != 0)
    i = (i + 1) & (INNER_MEMO_SIZE - 1);
  return i;
}

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

/* chi(r) for r < 1, else phi(r), at r = e^u / k (G's r, set by the
   caller), remembered. */
static quad_result
inner_at (gap_integral * g, double u)
{
  struct inner_memo *m = g->memo;
  size_t slot = inner_memo_slot (m, u);
  if (m->used[slot])
    return m->inner[slot];
  quad_result inner = inner_integral (g->r < 1 ? chi_integrand
                                      : phi_integrand, g);
  if (m->n < INNER_MEMO_FILL)
    {
      m->used[slot] = 1;
      m->u[slot] = u;
      m->inner[slot] = inner;
      m->n++;
    }
  return inner;
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
  quad_result inner = inner_at (g, u);
  double log_phi, value;
  if (g->r < 1)
    {
      /* phi = 1 - r + chi; D = k log(phi) + t computed as
         k [log(1 + x) - x] + k chi with x = chi - r. */
      double x = inner.value - g->r;
      log_phi = log1p (x);
      double D = k * gsl_sf_log_1plusx_mx (x) + k * inner.value;
      value = fabs (D) < 0.5 ? exp (-t) * expm1 (D)
        : exp (k * log_phi) - exp (-t);
    }
  else
    {
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
    gsl_integration_workspace_alloc (INNER_LIMIT),
    xcalloc (1, sizeof (struct inner_memo))
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
  free (g.memo);
  if (status)
    die_runtime ("outer quadrature of the gap at k = %g refused: %s", k,
                 quad_last_failure ());
  return main;
}

/* ---- the model's weights, the estimators, and the gap's rates ---- */

iw_log_weight
iw_log_weight_init (double a, double s, double x, double m, double vq)
{
  iw_log_weight f = { x, a, s * s, m, vq, 0, 0 };
  double lik = -0.5 * log (2 * M_PI * f.s2), prior = -0.5 * log (2 * M_PI);
  double lq = -0.5 * log (2 * M_PI * vq);
  f.log_norm = lik + prior - lq;
  f.norm_size = fabs (lik) + fabs (prior) + fabs (lq);
  return f;
}

double
iw_log_weight_at (const iw_log_weight * f, double z, double *size)
{
  double r = f->x - f->a * z, d = z - f->m;
  double lik = r * r / (2 * f->s2), prior = 0.5 * z * z;
  double lq = d * d / (2 * f->v);
  if (size)
    *size = f->norm_size + lik + prior + lq;
  return f->log_norm - lik - prior + lq;
}

double
iw_loo_mean_log (const double *lw, size_t n, double *work)
{
  double top = lw[0];
  for (size_t i = 1; i < n; i++)
    top = fmax (top, lw[i]);
  double *scaled = work, *suffix = work + n;
  suffix[n] = 0.0;
  for (size_t i = n; i-- > 0;)
    {
      scaled[i] = exp (lw[i] - top);
      suffix[i] = suffix[i + 1] + scaled[i];
    }
  double k = (double) n - 1;
  double prefix = 0.0, acc = 0.0;
  for (size_t j = 0; j < n; j++)
    {
      acc += log ((prefix + suffix[j + 1]) / k);
      prefix += scaled[j];
    }
  return acc / (double) n + top;
}

double
iw_gap_summand (double l)
{
  return expm1 (l) - l;
}

void
iw_mc_run (gsl_rng * r, const iw_log_weight * f,
           const iw_estimators * est, double log_px, size_t k, size_t reps,
           iw_mc * out)
{
  static const iw_estimators correct;
  if (!est)
    est = &correct;
  double *lw = xmalloc ((k + 2) * sizeof *lw);
  double *work = xmalloc ((2 * k + 3) * sizeof *work);
  double *lks = xmalloc (reps * sizeof *lks);
  double sd = sqrt (f->v);
  mc_acc *all[] = { &out->lk, &out->loo, &out->gap_cv, &out->mean_w };
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
    mc_init (all[i]);
  for (size_t rep = 0; rep < reps; rep++)
    {
      for (size_t i = 0; i <= k; i++)
        lw[i] = iw_log_weight_at (f, f->m + gsl_ran_gaussian_ziggurat (r, sd),
                                  NULL);
      double (*log_mean) (const double *, size_t) =
        est->log_mean ? est->log_mean : log_mean_exp;
      double lk = log_mean (lw, k);
      double loo = est->loo_mean_log ? est->loo_mean_log (lw, k + 1, work)
        : iw_loo_mean_log (lw, k + 1, work);
      double l = lk - log_px;
      mc_add (&out->lk, lk);
      lks[rep] = lk;
      mc_add (&out->loo, loo);
      mc_add (&out->gap_cv, est->gap_summand ? est->gap_summand (l)
              : iw_gap_summand (l));
      mc_add (&out->mean_w, est->mean_weight ? est->mean_weight (lk, k)
              : exp (lk));
    }
  /* the tail the standard error of L_k depends on: either side */
  double mean = mc_mean (&out->lk);
  for (size_t rep = 0; rep < reps; rep++)
    lks[rep] = fabs (lks[rep] - mean);
  out->khat = psis_khat_tail (lks, reps);
  free (lks);
  free (work);
  free (lw);
}

#define GAP_CACHE 256

typedef struct
{
  iw_gauss g;
  double k, epsabs;
  iw_gap_precision precision;
  quad_result r;
} gap_cache_entry;

quad_result
iw_gauss_gap_cached (const iw_gauss * g, double k,
                     iw_gap_precision precision, double epsabs)
{
  static gap_cache_entry cache[GAP_CACHE];
  static size_t n, next;
  for (size_t i = 0; i < n; i++)
    {
      const gap_cache_entry *c = &cache[i];
      if (c->g.mu == g->mu && c->g.v == g->v && c->g.m == g->m
          && c->g.vq == g->vq && c->k == k && c->epsabs == epsabs
          && c->precision == precision)
        return c->r;
    }
  quad_result r = iw_gauss_gap (g, k, precision, epsabs);
  cache[next] = (gap_cache_entry) { *g, k, epsabs, precision, r };
  next = (next + 1) % GAP_CACHE;
  n += n < GAP_CACHE;
  return r;
}

double
iw_gauss_variance (const iw_gauss * g)
{
  return iw_gauss_moment (g, 2) - 1;
}

double
iw_gauss_delta_c1 (const iw_gauss * g)
{
  double e2 = iw_gauss_moment (g, 2), e3 = iw_gauss_moment (g, 3);
  double m2 = e2 - 1, m3 = e3 - 3 * e2 + 2;
  return 0.75 * m2 * m2 - m3 / 3;
}

double
iw_gauss_gap_bound (const iw_gauss * g, double k)
{
  return iw_gauss_variance (g) / (2 * k * iw_gauss_min (g));
}

quad_result
iw_gauss_gap_limit (const iw_gauss * w, double k)
{
  quad_result g[4];
  for (int i = 0; i < 4; i++)
    g[i] = iw_gauss_gap (w, k * (1 << i), IW_GAP_PRECISE, 0.0);
  double d1 = (8 * g[2].value - 6 * g[1].value + g[0].value) / 3;
  double d2 = (8 * g[3].value - 6 * g[2].value + g[1].value) / 3;
  quad_result d = { d2, (8 * g[3].abserr + 6 * g[2].abserr + g[1].abserr) / 3
    + fabs (d2 - d1)
  };
  return d;
}

/* ---- the 1-D model with a proposal in units of its posterior ---- */

void
iw_model_init (iw_model * md, double a, double s, double x, double shift,
               double c)
{
  md->a = a, md->s = s, md->x = x;
  lingauss m = { 1, &md->a, NULL, s * s, 0.0, 1.0 };
  md->log_px = lingauss_log_evidence (&m, &md->x).value;
  lingauss_posterior (&m, &md->x, &md->mu, &md->v);
  md->m = md->mu + shift * sqrt (md->v);
  md->vq = c * md->v;
  md->g = (iw_gauss) { md->mu, md->v, md->m, md->vq };
  md->f = iw_log_weight_init (a, s, x, md->m, md->vq);
}

estimate
iw_model_elbo (const iw_model * md)
{
  lingauss m = { 1, &md->a, NULL, md->s * md->s, 0.0, 1.0 };
  return lingauss_elbo (&m, &md->x, md->m, md->vq);
}

quad_result
iw_model_integral (const iw_model * md, quad_fn f, void *params)
{
  double center[2] = { md->m, md->mu };
  double scale[2] = { sqrt (md->vq), sqrt (md->v) };
  return quad_real_line_hull (f, params, 2, center, scale);
}

/* ---- one draw's log weights ---- */

double
iw_log_weights (const iw_log_weight * f, const double *z, size_t n,
                double *lw, double *size)
{
  double top = -DBL_MAX, sz;
  *size = 0;
  for (size_t i = 0; i < n; i++)
    {
      lw[i] = iw_log_weight_at (f, z[i], &sz);
      top = fmax (top, lw[i]), *size = fmax (*size, sz);
    }
  return top;
}

double
iw_log_mean_weight (const iw_log_weight * f, const double *z, size_t n,
                    double denom, double *bound)
{
  double buf[SCRATCH_STACK_MAX], size;
  double *lw = scratch_doubles (buf, SCRATCH_STACK_MAX, n);
  iw_log_weights (f, z, n, lw, &size);
  if (bound)
    *bound = ((double) n + 8) * EST_U * (1 + size);
  double l = log_sum_exp (lw, n) - log (denom);
  scratch_free (lw, buf);
  return l;
}

double
iw_scaled_weights (const iw_log_weight * f, const double *z, size_t n,
                   double *a, double *size)
{
  double top = iw_log_weights (f, z, n, a, size);
  for (size_t i = 0; i < n; i++)
    a[i] = exp (a[i] - top);
  return top;
}

double
iw_subset_mean (const double *a, int k, double denom)
{
  double total = 0;
  for (unsigned mask = 0; mask < (1u << (k + 1)); mask++)
    if (__builtin_popcount (mask) == k)
      {
        double sum = 0;
        for (int i = 0; i <= k; i++)
          sum += (mask & (1u << i)) ? a[i] : 0;
        total += sum / denom;
      }
  return total / (k + 1);
}

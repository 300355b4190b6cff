/* recog.c -- a linear-Gaussian recognition model for the linear-Gaussian
   model with one latent in the plane.  Every formula keeps wake_sleep's
   evaluation order (recog.h says why). */
#include "recog.h"
#include "errors.h"
#include "lingauss.h"
#include "mc.h"
#include "normal.h"
#include "rounding.h"

#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

#define DIM RECOG_D
#define V(i) gsl_vector_get (v, i)

recog_theta
recog_theta_from_vector (const gsl_vector * v)
{
  return (recog_theta) { {V (0), V (1)}, {V (2), V (3)}, exp (V (4)) };
}

recog_phi
recog_phi_from_vector (const gsl_vector * v)
{
  return (recog_phi) { {V (0), V (1)}, V (2), exp (V (3)) };
}

void
recog_theta_to_vector (const recog_theta * t, gsl_vector * v)
{
  const double a[RECOG_N_THETA] = { t->w[0], t->w[1], t->b[0], t->b[1], log (t->s2) };
  for (int i = 0; i < RECOG_N_THETA; i++)
    gsl_vector_set (v, i, a[i]);
}

void
recog_phi_to_vector (const recog_phi * p, gsl_vector * v)
{
  const double a[RECOG_N_PHI] = { p->a[0], p->a[1], p->c, log (p->tau2) };
  for (int i = 0; i < RECOG_N_PHI; i++)
    gsl_vector_set (v, i, a[i]);
}

double
recog_dot (const double *u, const double *v)
{
  double s = 0;
  for (int j = 0; j < DIM; j++)
    s += u[j] * v[j];
  return s;
}

double
recog_mean (const recog_phi * p, const double *x)
{
  return recog_dot (p->a, x) + p->c;
}

double
recog_log_q (const recog_phi * p, double z, const double *x)
{
  return normal_log_pdf (z, recog_mean (p, x), sqrt (p->tau2));
}

/* ---- the closed forms in rnd arithmetic (lib/rounding) ----
   Each is computed once, with rnd values: the value of every rnd operation
   is the plain double operation, in the order recog.h's formulas are
   written, so the functions without a bound return exactly those doubles;
   the _bounded ones also return each coordinate's bound on |fl - exact|.
   W, b, a, c, the data and u_i are exact inputs; s², τ² and E2 are taken as
   leaves within an ulp (K = 2), as exp of lib/minimize's log-coordinates
   makes them (for an exact s², as in a struct, that is conservative). */

static void
exact_leaves (rnd * out, const double *x)
{
  for (int j = 0; j < DIM; j++)
    out[j] = rnd_exact (x[j]);
}

static rnd
rnd_dot (const rnd * u, const rnd * v)
{
  rnd s = rnd_exact (0);
  for (int j = 0; j < DIM; j++)
    s = rnd_add (s, rnd_mul (u[j], v[j]));
  return s;
}

/* log x's bound for an x > 0 within DELTA of its exact value: δ/(x - δ) by
   the mean value theorem (times 1 + 16u for the bound's own rounding),
   plus log's own rounding (rnd_log's, within an ulp with a floor).  Dies
   unless δ < x/2. */
static double
log_of_bounded (double x, double delta)
{
  if (!(delta < x / 2))
    die_internal ("recog: log of %g within %g", x, delta);
  return delta / (x - delta) * (1 + 16 * EST_U) + rnd_bound (rnd_log (rnd_exact (x)));
}

/* log X's bound, X an rnd value (its relative error through rnd_as_leaf) */
static double
log_bound (rnd x)
{
  return rnd_bound (rnd_log (rnd_as_leaf (x)));
}

typedef struct { rnd a[DIM], c, tau2; } phi_rnd;

static recog_phi
phi_values (const phi_rnd * p, double *bound)
{
  recog_phi v = { {p->a[0].value, p->a[1].value}, p->c.value, p->tau2.value };
  if (bound)
    {
      for (int j = 0; j < DIM; j++)
        bound[RECOG_A0 + j] = rnd_bound (p->a[j]);
      bound[RECOG_C] = rnd_bound (p->c);
      bound[RECOG_LOGTAU2] = log_bound (p->tau2);
    }
  return v;
}

static phi_rnd
posterior_rnd (const recog_theta * t)
{
  rnd w[DIM], b[DIM], s2 = rnd_leaf (t->s2, 2);
  exact_leaves (w, t->w);
  exact_leaves (b, t->b);
  phi_rnd p;
  p.tau2 = rnd_div (rnd_exact (1), rnd_add (rnd_exact (1), rnd_div (rnd_dot (w, w), s2)));
  for (int j = 0; j < DIM; j++)
    p.a[j] = rnd_div (rnd_mul (p.tau2, w[j]), s2);
  p.c = rnd_scale (-1, rnd_dot (p.a, b));
  return p;
}

recog_phi
recog_posterior_bounded (const recog_theta * t, double *bound)
{
  phi_rnd p = posterior_rnd (t);
  return phi_values (&p, bound);
}

recog_phi
recog_posterior (const recog_theta * t)
{
  return recog_posterior_bounded (t, NULL);
}

/* The solve's bound, a posteriori (Higham, Accuracy and Stability of
   Numerical Algorithms, 2nd ed., section 7.2): the computed â has
   â - a = C⁻¹ r, r = Câ - W, and C = WWᵀ + s²I has smallest eigenvalue s²
   (WWᵀ has rank one and d >= 2), so every coordinate of â is within
   e = ‖r‖₂ / s².  r_j = W_j (W·â) + s² â_j - W_j in rnd arithmetic, from
   the exact â, is within |r̂_j| + β_j of the true residual.  Then each
   quantity's error is its inputs' plus its own rounding: explained = â·W
   within β(â·W) + e Σ|W_j|, c = -â·b within β(â·b) + e Σ|b_j|,
   τ² = 1 - explained within that plus u τ², and log τ² within
   δ/(τ² - δ) (the mean value theorem) plus log's own rounding.  The factor
   1 + 16u covers the rounding of these bound formulas themselves (a dozen
   operations on positive terms, each within u) and s²'s own ulp in the
   eigenvalue. */
static void
regression_bound (const recog_theta * t, const recog_phi * p, double *bound)
{
  rnd w[DIM], b[DIM], a[DIM], s2 = rnd_leaf (t->s2, 2);
  exact_leaves (w, t->w);
  exact_leaves (b, t->b);
  exact_leaves (a, p->a);
  rnd wa = rnd_dot (w, a), ba = rnd_dot (b, a);
  double r2 = 0, sw = 0, sb = 0, safe = 1 + 16 * EST_U;
  for (int j = 0; j < DIM; j++)
    {
      rnd r = rnd_sub (rnd_add (rnd_mul (w[j], wa), rnd_mul (s2, a[j])), w[j]);
      double rj = fabs (r.value) + rnd_bound (r);
      r2 += rj * rj, sw += fabs (t->w[j]), sb += fabs (t->b[j]);
    }
  double e = sqrt (r2) / t->s2 * safe;
  double tau_err = (rnd_bound (wa) + e * sw + EST_U * fabs (p->tau2)) * safe;
  for (int j = 0; j < DIM; j++)
    bound[RECOG_A0 + j] = e;
  bound[RECOG_C] = (rnd_bound (ba) + e * sb) * safe;
  bound[RECOG_LOGTAU2] = log_of_bounded (p->tau2, tau_err);
}

recog_phi
recog_regression (const recog_theta * t, double *explained)
{
  return recog_regression_bounded (t, explained, NULL);
}

recog_phi
recog_regression_bounded (const recog_theta * t, double *explained, double *bound)
{
  double cm[DIM * DIM];
  for (int i = 0; i < DIM; i++)
    for (int j = 0; j < DIM; j++)
      cm[i * DIM + j] = t->w[i] * t->w[j] + (i == j ? t->s2 : 0);
  recog_phi p;
  gsl_matrix_view c = gsl_matrix_view_array (cm, DIM, DIM);
  gsl_vector_const_view w = gsl_vector_const_view_array (t->w, DIM);
  gsl_vector_view a = gsl_vector_view_array (p.a, DIM);
  gsl_linalg_cholesky_decomp1 (&c.matrix);
  gsl_linalg_cholesky_solve (&c.matrix, &w.vector, &a.vector);
  *explained = recog_dot (p.a, t->w);
  p.tau2 = 1 - *explained;
  p.c = -recog_dot (p.a, t->b);
  if (bound)
    regression_bound (t, &p, bound);
  return p;
}

double
recog_elbo (const recog_theta * t, const recog_phi * p, const double *x)
{
  lingauss m = { DIM, t->w, t->b, t->s2, 0, 1 };
  return lingauss_elbo (&m, x, recog_mean (p, x), p->tau2).value;
}

double
recog_average_elbo (const recog_theta * t, const recog_phi * p, const recog_data * d)
{
  double s = 0;
  for (size_t i = 0; i < d->n; i++)
    s += recog_elbo (t, p, d->x[i]);
  return s / (double) d->n;
}

double
recog_average_log_lik (const recog_theta * t, const recog_data * d)
{
  lingauss m = { DIM, t->w, t->b, t->s2, 0, 1 };
  double s = 0;
  for (size_t i = 0; i < d->n; i++)
    s += lingauss_log_evidence (&m, d->x[i]).value;
  return s / (double) d->n;
}

static void
vector_values (const rnd * g, gsl_vector * out, double *bound, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      gsl_vector_set (out, i, g[i].value);
      if (bound)
        bound[i] = rnd_bound (g[i]);
    }
}

void
recog_wake_gradient_bounded (const recog_theta * t, const recog_phi * p, double tau2_w,
                             const recog_data * d, gsl_vector * g, double *bound)
{
  rnd w[DIM], b[DIM], a[DIM], gw[DIM], gb[DIM], x[DIM], out[RECOG_N_THETA];
  rnd s2 = rnd_leaf (t->s2, 2), tw = rnd_leaf (tau2_w, 2), c = rnd_exact (p->c);
  rnd acc = rnd_exact (0), n = rnd_exact ((double) d->n);
  exact_leaves (w, t->w), exact_leaves (b, t->b), exact_leaves (a, p->a);
  for (int j = 0; j < DIM; j++)
    gw[j] = gb[j] = rnd_exact (0);
  for (size_t i = 0; i < d->n; i++)
    {
      exact_leaves (x, d->x[i]);
      rnd mu = rnd_add (rnd_dot (a, x), c);
      for (int j = 0; j < DIM; j++)
        {
          rnd r = rnd_sub (rnd_sub (x[j], b[j]), rnd_mul (w[j], mu));
          gw[j] = rnd_add (gw[j], rnd_sub (rnd_mul (r, mu), rnd_mul (w[j], tw)));
          gb[j] = rnd_add (gb[j], r);
          acc = rnd_add (acc, rnd_mul (r, r));
        }
    }
  acc = rnd_div (rnd_add (acc, rnd_mul (rnd_mul (n, rnd_dot (w, w)), rnd_leaf (p->tau2, 2))), n);
  rnd ns2 = rnd_mul (n, s2);
  for (int j = 0; j < DIM; j++)
    {
      out[RECOG_W0 + j] = rnd_div (gw[j], ns2);
      out[RECOG_B0 + j] = rnd_div (gb[j], ns2);
    }
  out[RECOG_LOGS2] = rnd_add (rnd_exact (-0.5 * DIM), rnd_div (acc, rnd_scale (2, s2)));
  vector_values (out, g, bound, RECOG_N_THETA);
}

void
recog_wake_gradient (const recog_theta * t, const recog_phi * p, double tau2_w,
                     const recog_data * d, gsl_vector * g)
{
  recog_wake_gradient_bounded (t, p, tau2_w, d, g, NULL);
}

/* q_φ's distance from the exact posterior over x ~ p_θ: with
   δ(x) = (a* - a)·x + (c* - c), E δ² = δaᵀ C δa + (δa·b + δc)². */
typedef struct { phi_rnd e; rnd w[DIM], b[DIM], s2, tau2, da[DIM], wda, m, e_d2; } post_gap;

static post_gap
gap_to_posterior (const recog_theta * t, const recog_phi * p)
{
  post_gap g = { .e = posterior_rnd (t), .s2 = rnd_leaf (t->s2, 2),
                 .tau2 = rnd_leaf (p->tau2, 2) };
  exact_leaves (g.w, t->w), exact_leaves (g.b, t->b);
  for (int j = 0; j < DIM; j++)
    g.da[j] = rnd_sub (g.e.a[j], rnd_exact (p->a[j]));
  g.wda = rnd_dot (g.w, g.da);
  g.m = rnd_add (rnd_dot (g.da, g.b), rnd_sub (g.e.c, rnd_exact (p->c)));
  g.e_d2 = rnd_add (rnd_add (rnd_mul (g.wda, g.wda), rnd_mul (g.s2, rnd_dot (g.da, g.da))),
                    rnd_mul (g.m, g.m));
  return g;
}

double
recog_inclusive_kl (const recog_theta * t, const recog_phi * p)
{
  post_gap g = gap_to_posterior (t, p);
  double e_tau2 = g.e.tau2.value;
  return 0.5 * (e_tau2 / p->tau2 + g.e_d2.value / p->tau2 - 1 + log (p->tau2 / e_tau2));
}

/* ∂/∂a = -(C δa + (δa·b + δc) b)/τ², ∂/∂c = -(δa·b + δc)/τ²,
   ∂/∂log τ² = ½(1 - (τ*² + E δ²)/τ²), δa = a* - a, δc = c* - c. */
void
recog_inclusive_kl_gradient_bounded (const recog_theta * t, const recog_phi * p, gsl_vector * g,
                                     double *bound)
{
  post_gap e = gap_to_posterior (t, p);
  rnd out[RECOG_N_PHI];
  for (int j = 0; j < DIM; j++)
    {
      rnd cda = rnd_add (rnd_mul (e.w[j], e.wda), rnd_mul (e.s2, e.da[j]));
      out[RECOG_A0 + j] = rnd_div (rnd_scale (-1, rnd_add (cda, rnd_mul (e.m, e.b[j]))), e.tau2);
    }
  out[RECOG_C] = rnd_div (rnd_scale (-1, e.m), e.tau2);
  out[RECOG_LOGTAU2] = rnd_scale (0.5, rnd_sub (rnd_exact (1),
                                                rnd_div (rnd_add (e.e.tau2, e.e_d2), e.tau2)));
  vector_values (out, g, bound, RECOG_N_PHI);
}

void
recog_inclusive_kl_gradient (const recog_theta * t, const recog_phi * p, gsl_vector * g)
{
  recog_inclusive_kl_gradient_bounded (t, p, g, NULL);
}

double
recog_inclusive_kl_fn (const gsl_vector * v, void *params)
{
  recog_phi p = recog_phi_from_vector (v);
  return recog_inclusive_kl (params, &p);
}

void
recog_inclusive_kl_grad_fn (const gsl_vector * v, void *params, gsl_vector * g)
{
  recog_inclusive_kl_grad_bounded_fn (v, params, g, NULL);
}

void
recog_inclusive_kl_grad_bounded_fn (const gsl_vector * v, void *params, gsl_vector * g,
                                    double *bound)
{
  recog_phi p = recog_phi_from_vector (v);
  recog_inclusive_kl_gradient_bounded (params, &p, g, bound);
}

/* E(z - a·x - c)² = 1 - 2 a·W + aᵀCa + (a·b + c)² */
double
recog_sleep_objective (const recog_theta * t, const recog_phi * p)
{
  double aw = recog_dot (p->a, t->w), m = recog_dot (p->a, t->b) + p->c;
  double e_r2 = 1 - 2 * aw + aw * aw + t->s2 * recog_dot (p->a, p->a) + m * m;
  return -0.5 * log (2 * M_PI * p->tau2) - e_r2 / (2 * p->tau2);
}

double
recog_expected_fprime (const recog_theta * t, const recog_phi * p)
{
  double c00 = t->w[0] * t->w[0] + t->s2, c01 = t->w[0] * t->w[1];
  double c11 = t->w[1] * t->w[1] + t->s2;
  double entropy = 0.5 * (DIM * log (2 * M_PI * M_E) + log (c00 * c11 - c01 * c01));
  return entropy + recog_inclusive_kl (t, p);
}

/* recog_regress_x on rnd u_i; BOUND (RECOG_N_THETA, or NULL) in θ's vector
   order.  The counts Σ 1 are exact; the determinant and the numerators
   cancel, so the determinant divides as a leaf of its own bound.

   s²'s bound.  A = Σ_ij (x_ij - b_j - W_j u_i)² + N Σ_j W_j² ER is summed
   with the computed Ŵ, b̂ as exact leaves (its rounding, u_i's carried),
   and their errors δ = (Ŵ_j - W_j, b̂_j - b_j) enter through A's expansion
   about the exact (W_j, b_j), which is exact because A is quadratic:
   A(Ŵ, b̂) - A(W, b) = ∇A·δ + ½ δᵀ H δ per j, H = 2 [[Σu² + N ER, Σu],
   [Σu, N]], whose largest eigenvalue is at most its trace.  The normal
   equations make ∂A/∂b = 0 and ∂A/∂W_j = 2 N W_j (ER - E2): zero for the
   M-step (E2 = ER), kept for the mutants that break it.  With |W_j| at most
   |Ŵ_j| + its bound, the factor 1 + 16u covers the rounding of these bound
   formulas and the difference between H at the computed and exact u_i. */
static recog_theta
regress_x_rnd (const recog_data * d, const rnd * u, double e2, double er, double denom,
               double *bound)
{
  rnd s00 = rnd_exact (0), s01 = s00, s11 = s00, sx0[DIM], sx1[DIM], x;
  rnd re2 = rnd_leaf (e2, 2), rer = rnd_leaf (er, 2), w[DIM], b[DIM], a = rnd_exact (0);
  for (int j = 0; j < DIM; j++)
    sx0[j] = sx1[j] = rnd_exact (0);
  for (size_t i = 0; i < d->n; i++)
    {
      s00 = rnd_add (s00, rnd_add (rnd_mul (u[i], u[i]), re2));
      s01 = rnd_add (s01, u[i]);
      s11 = rnd_exact (s11.value + 1);
      for (int j = 0; j < DIM; j++)
        {
          x = rnd_exact (d->x[i][j]);
          sx0[j] = rnd_add (sx0[j], rnd_mul (x, u[i])), sx1[j] = rnd_add (sx1[j], x);
        }
    }
  rnd det = rnd_as_leaf (rnd_sub (rnd_mul (s00, s11), rnd_mul (s01, s01)));
  for (int j = 0; j < DIM; j++)
    {
      w[j] = rnd_div (rnd_sub (rnd_mul (sx0[j], s11), rnd_mul (sx1[j], s01)), det);
      b[j] = rnd_div (rnd_sub (rnd_mul (sx1[j], s00), rnd_mul (sx0[j], s01)), det);
    }
  double uu = 0, n = (double) d->n, safe = 1 + 16 * EST_U, a_err = 0;
  for (size_t i = 0; i < d->n; i++)
    for (int j = 0; j < DIM; j++)
      {
        rnd wj = rnd_exact (w[j].value), bj = rnd_exact (b[j].value);
        rnd r = rnd_sub (rnd_sub (rnd_exact (d->x[i][j]), bj), rnd_mul (wj, u[i]));
        a = rnd_add (a, rnd_add (rnd_mul (r, r), rnd_mul (rnd_mul (wj, wj), rer)));
        uu += j == 0 ? u[i].value * u[i].value : 0;
      }
  for (int j = 0; j < DIM; j++)
    {
      double bw = rnd_bound (w[j]), bb = rnd_bound (b[j]);
      a_err += (uu + n * er + n) * (bw * bw + bb * bb)
        + 2 * n * (fabs (w[j].value) + bw) * fabs (er - e2) * bw;
    }
  rnd s2 = rnd_div (a, rnd_exact (denom));
  recog_theta t = { {w[0].value, w[1].value}, {b[0].value, b[1].value}, s2.value };
  if (bound)
    {
      for (int j = 0; j < DIM; j++)
        bound[RECOG_W0 + j] = rnd_bound (w[j]), bound[RECOG_B0 + j] = rnd_bound (b[j]);
      /* s² within its rounding plus A's error over DENOM */
      bound[RECOG_LOGS2] = log_of_bounded (s2.value, rnd_bound (s2) + a_err * safe / denom);
    }
  return t;
}

recog_theta
recog_regress_x (const recog_data * d, const double *u, double e2, double er, double denom)
{
  rnd *ur = xmalloc (d->n * sizeof *ur);
  for (size_t i = 0; i < d->n; i++)
    ur[i] = rnd_exact (u[i]);
  recog_theta t = regress_x_rnd (d, ur, e2, er, denom, NULL);
  free (ur);
  return t;
}

recog_theta
recog_mstep_bounded (const recog_data * d, const recog_phi * p, double e2, double denom,
                     double *bound)
{
  rnd *mu = xmalloc (d->n * sizeof *mu), a[DIM], x[DIM];
  exact_leaves (a, p->a);
  for (size_t i = 0; i < d->n; i++)
    {
      exact_leaves (x, d->x[i]);
      mu[i] = rnd_add (rnd_dot (a, x), rnd_exact (p->c));
    }
  recog_theta t = regress_x_rnd (d, mu, e2, p->tau2, denom, bound);
  free (mu);
  return t;
}

recog_theta
recog_mstep (const recog_data * d, const recog_phi * p, double e2, double denom)
{
  return recog_mstep_bounded (d, p, e2, denom, NULL);
}

recog_theta
recog_wake_step (const gsl_rng * r, const recog_data * d, const recog_phi * p)
{
  double *z = xmalloc (d->n * sizeof *z);
  for (size_t i = 0; i < d->n; i++)
    z[i] = recog_mean (p, d->x[i]) + gsl_ran_gaussian_ziggurat (r, sqrt (p->tau2));
  recog_theta t = recog_regress_x (d, z, 0, 0, (double) (d->n * DIM));
  free (z);
  return t;
}

void
recog_sample (const gsl_rng * r, const recog_theta * t, double *z, double *x)
{
  *z = gsl_ran_gaussian_ziggurat (r, 1.0);
  double sd = sqrt (t->s2);
  for (int j = 0; j < DIM; j++)
    x[j] = t->w[j] * *z + t->b[j] + gsl_ran_gaussian_ziggurat (r, sd);
}

recog_data
recog_data_sample (const gsl_rng * r, const recog_theta * t, size_t n)
{
  recog_data d = { n, xmalloc (n * sizeof *d.x) };
  for (size_t i = 0; i < n; i++)
    {
      double z;
      recog_sample (r, t, &z, d.x[i]);
    }
  return d;
}

recog_phi
recog_sleep_fit (const gsl_rng * r, const recog_theta * t, long m, double *inv_diag,
                 double *z_var)
{
  double xtx[(DIM + 1) * (DIM + 1)] = { 0 }, xtz[DIM + 1] = { 0 }, beta[DIM + 1];
  double (*xs)[DIM + 1] = xmalloc ((size_t) m * sizeof *xs);
  double *zs = xmalloc ((size_t) m * sizeof *zs);
  for (long i = 0; i < m; i++)
    {
      recog_sample (r, t, &zs[i], xs[i]);
      xs[i][DIM] = 1;
      for (int j = 0; j <= DIM; j++)
        {
          xtz[j] += xs[i][j] * zs[i];
          for (int k = 0; k <= DIM; k++)
            xtx[j * (DIM + 1) + k] += xs[i][j] * xs[i][k];
        }
    }
  gsl_matrix_view a = gsl_matrix_view_array (xtx, DIM + 1, DIM + 1);
  gsl_vector_view y = gsl_vector_view_array (xtz, DIM + 1);
  gsl_vector_view bv = gsl_vector_view_array (beta, DIM + 1);
  gsl_linalg_cholesky_decomp1 (&a.matrix);
  gsl_linalg_cholesky_solve (&a.matrix, &y.vector, &bv.vector);
  gsl_linalg_cholesky_invert (&a.matrix);
  recog_phi p = { {beta[0], beta[1]}, beta[DIM], 0 };
  double rss = 0;
  mc_acc z;
  mc_init (&z);
  for (long i = 0; i < m; i++)
    {
      double e = zs[i] - recog_dot (p.a, xs[i]) - p.c;
      rss += e * e;
      mc_add (&z, zs[i]);
    }
  p.tau2 = rss / (double) m;
  *z_var = mc_variance (&z);
  for (int j = 0; j <= DIM; j++)
    inv_diag[j] = xtx[j * (DIM + 1) + j];
  free (xs);
  free (zs);
  return p;
}

double
recog_max_log_lik (const recog_data * d)
{
  double m[DIM] = { 0 }, s[3] = { 0 }, n = (double) d->n;
  for (size_t i = 0; i < d->n; i++)
    for (int j = 0; j < DIM; j++)
      m[j] += d->x[i][j] / n;
  for (size_t i = 0; i < d->n; i++)
    {
      double u = d->x[i][0] - m[0], v = d->x[i][1] - m[1];
      s[0] += u * u / n, s[1] += u * v / n, s[2] += v * v / n;
    }
  return -0.5 * (DIM * log (2 * M_PI) + log (s[0] * s[2] - s[1] * s[1]) + DIM);
}

recog_theta
recog_theta_perturb (const gsl_rng * r, const recog_theta * t0, double sd)
{
  recog_theta t = *t0;
  for (int j = 0; j < RECOG_D; j++)
    {
      t.w[j] += gsl_ran_gaussian (r, sd);
      t.b[j] += gsl_ran_gaussian (r, sd);
    }
  t.s2 *= exp (gsl_ran_gaussian (r, sd));
  return t;
}

recog_phi
recog_phi_random (const gsl_rng * r)
{
  recog_phi p;
  for (int j = 0; j < RECOG_D; j++)
    p.a[j] = gsl_ran_gaussian (r, 0.5);
  p.c = gsl_ran_gaussian (r, 0.5);
  p.tau2 = gsl_ran_flat (r, 0.2, 0.6);
  return p;
}

double
recog_wake_fn (const gsl_vector * v, void *params)
{
  const recog_wake *w = params;
  recog_theta t = recog_theta_from_vector (v);
  return recog_average_elbo (&t, &w->phi, w->data);
}

void
recog_wake_grad_fn (const gsl_vector * v, void *params, gsl_vector * g)
{
  recog_wake_grad_bounded_fn (v, params, g, NULL);
}

void
recog_wake_grad_bounded_fn (const gsl_vector * v, void *params, gsl_vector * g, double *bound)
{
  const recog_wake *w = params;
  recog_theta t = recog_theta_from_vector (v);
  recog_wake_gradient_bounded (&t, &w->phi, w->tau2_w, w->data, g, bound);
}

double
recog_wake_neg_fn (const gsl_vector * v, void *params)
{
  return -recog_wake_fn (v, params);
}

void
recog_wake_neg_grad_fn (const gsl_vector * v, void *params, gsl_vector * g)
{
  recog_wake_grad_fn (v, params, g);
  gsl_vector_scale (g, -1.0);
}

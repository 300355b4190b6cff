/* lingauss2.c -- the two-latent linear-Gaussian model (see lingauss2.h). */
#include "lingauss2.h"
#include "check.h"
#include "errors.h"
#include "normal.h"
#include "optimum.h"
#include "quad.h"
#include "rounding_short.h"

#include <gsl/gsl_deriv.h>
#include <math.h>


/* The exact special cases of mean_field's b = 0, ψ = 1 are taken exactly
   (x - 0, a/1 and log 1 round nothing), so that its rounding bounds are
   not widened by operations that do not happen. */
static rnd
resid (const lingauss2 * g)     /* x - b */
{
  return g->b == 0 ? X (g->x) : rnd_leaf (g->x - g->b, 1);
}

static rnd
over_psi (const lingauss2 * g, rnd a)     /* a / ψ */
{
  return g->psi == 1 ? a : rnd_div (a, X (g->psi));
}

static rnd
minus_half_log_psi (const lingauss2 * g, rnd a)   /* a - ½ log ψ */
{
  return g->psi == 1 ? a : rnd_sub (a, rnd_scale (0.5, rnd_log (X (g->psi))));
}

static void
check_psi (const lingauss2 * g)
{
  if (!(g->psi > 0))
    die_internal ("lingauss2: noise variance ψ = %g is not positive", g->psi);
}

rnd
lingauss2_dot (const double theta[2], double z1, double z2)
{
  return rnd_add (rnd_mul (X (theta[0]), X (z1)), rnd_mul (X (theta[1]), X (z2)));
}

rnd
lingauss2_v (const lingauss2 * g)
{
  check_psi (g);
  return rnd_add (X (g->psi), rnd_add (sq (X (g->theta[0])), sq (X (g->theta[1]))));
}

rnd
lingauss2_log_joint (const lingauss2 * g, double z1, double z2)
{
  double sd = sqrt (g->psi);
  if (sd * sd != g->psi)
    die_internal ("lingauss2_log_joint: √ψ of ψ = %g is not exact", g->psi);
  rnd prior = rnd_add (normal_log_pdf_rnd (X (z1), X (0), 1),
                       normal_log_pdf_rnd (X (z2), X (0), 1));
  rnd mean = lingauss2_dot (g->theta, z1, z2);
  if (g->b != 0)
    mean = rnd_add (mean, X (g->b));
  return rnd_add (prior, normal_log_pdf_rnd (X (g->x), mean, sd));
}

rnd
lingauss2_log_evidence (const lingauss2 * g)
{
  rnd v = lingauss2_v (g);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_div (sq (resid (g)), v)),
                           rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_post_mean (const lingauss2 * g, int i)
{
  return rnd_div (rnd_mul (X (g->theta[i]), resid (g)), lingauss2_v (g));
}

rnd
lingauss2_post_var (const lingauss2 * g, int i)
{
  return rnd_sub (X (1), rnd_div (sq (X (g->theta[i])), lingauss2_v (g)));
}

rnd
lingauss2_post_cov (const lingauss2 * g)
{
  rnd t12 = rnd_mul (X (g->theta[0]), X (g->theta[1]));
  return rnd_scale (-1, rnd_div (t12, lingauss2_v (g)));
}

rnd
lingauss2_log_posterior (const lingauss2 * g, double z1, double z2)
{
  rnd v = lingauss2_v (g);
  rnd t1 = X (g->theta[0]), t2 = X (g->theta[1]), r = resid (g);
  rnd d1 = rnd_sub (X (z1), rnd_div (rnd_mul (t1, r), v));
  rnd d2 = rnd_sub (X (z2), rnd_div (rnd_mul (t2, r), v));
  rnd quad = rnd_add (rnd_add (sq (d1), sq (d2)),
                      over_psi (g, sq (rnd_add (rnd_mul (t1, d1), rnd_mul (t2, d2)))));
  /* log det Λ = log (v/ψ) */
  rnd a = minus_half_log_psi (g, rnd_add (rnd_scale (-0.5, quad), rnd_scale (0.5, rnd_log (v))));
  return rnd_sub (a, rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_elbo (const lingauss2 * g)
{
  check_psi (g);
  rnd log2pi = rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1), prior = rnd_scale (-1, log2pi);
  rnd r = resid (g), lik_var = X (0), entropy = X (0);
  for (int i = 0; i < 2; i++)
    {
      rnd m = X (g->m[i]), s2 = sq (X (g->s[i])), t = X (g->theta[i]);
      prior = rnd_sub (prior, rnd_scale (0.5, rnd_add (sq (m), s2)));
      r = rnd_sub (r, rnd_mul (t, m));
      lik_var = rnd_add (lik_var, rnd_mul (sq (t), s2));
      entropy = rnd_add (entropy, rnd_add (rnd_scale (0.5, rnd_add (log2pi, X (1))),
                                           rnd_log (X (g->s[i]))));
    }
  rnd lik = minus_half_log_psi (g, rnd_scale (-0.5, rnd_add (rnd_add (log2pi, over_psi (g, sq (r))),
                                                             over_psi (g, lik_var))));
  return rnd_add (rnd_add (prior, lik), entropy);
}

/* ---- the ELBO's decomposition (elbo_gap; was lingauss_fa2_*) ---- */

rnd
lingauss2_expected_log_lik (const lingauss2 * g)
{
  check_psi (g);
  rnd r = rnd_sub (resid (g), rnd_add (rnd_mul (X (g->theta[0]), X (g->m[0])),
                                       rnd_mul (X (g->theta[1]), X (g->m[1]))));
  rnd spread = rnd_add (sq (rnd_mul (X (g->theta[0]), X (g->s[0]))),
                        sq (rnd_mul (X (g->theta[1]), X (g->s[1]))));
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (rnd_add (sq (r), spread),
                                                     inv (X (g->psi)))),
                           rnd_scale (0.5, rnd_log (X (g->psi)))),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_kl_prior (const lingauss2 * g)
{
  rnd s = X (0);
  for (int j = 0; j < 2; j++)
    s = rnd_add (s, rnd_sub (rnd_scale (0.5, rnd_sub (rnd_add (sq (X (g->s[j])),
                                                               sq (X (g->m[j]))),
                                                      X (1))),
                             rnd_log (X (g->s[j]))));
  return s;
}

/* log1p(t) for a positive t carrying gamma_n: since t/(1+t) <= log1p(t),
   the propagated error n u t/(1+t) plus log1p's own ulp is at most
   (n + 1) u log1p(t) -- a leaf of relative error (n + 2) u. */
static rnd log1p_rnd (rnd t) { return rnd_leaf (log1p (t.value), t.n + 2); }

/* Λ = I + w wᵀ/ψ written out: tr ΛS = Σ s_j² + Σ w_j² s_j²/ψ,
   dᵀΛd = |d|² + (w·d)²/ψ, log det Λ = log1p(|w|²/ψ). */
rnd
lingauss2_kl_post (const lingauss2 * g)
{
  check_psi (g);
  rnd ipsi = inv (X (g->psi)), d[2], tr = X (0), dd = X (0), wd = X (0);
  rnd ws = X (0);
  for (int j = 0; j < 2; j++)
    {
      d[j] = rnd_sub (X (g->m[j]), lingauss2_post_mean (g, j));
      tr = rnd_add (tr, sq (X (g->s[j])));
      ws = rnd_add (ws, sq (rnd_mul (X (g->theta[j]), X (g->s[j]))));
      dd = rnd_add (dd, sq (d[j]));
      wd = rnd_add (wd, rnd_mul (X (g->theta[j]), d[j]));
    }
  rnd t = rnd_mul (rnd_add (sq (X (g->theta[0])), sq (X (g->theta[1]))), ipsi);
  rnd sum = rnd_add (rnd_add (tr, rnd_mul (ws, ipsi)),
                     rnd_add (dd, rnd_mul (sq (wd), ipsi)));
  sum = rnd_sub (rnd_sub (sum, X (2)), log1p_rnd (t));
  return rnd_sub (rnd_sub (rnd_scale (0.5, sum), rnd_log (X (g->s[0]))),
                  rnd_log (X (g->s[1])));
}

void
lingauss2_set_q_optimum (lingauss2 * g)
{
  for (int j = 0; j < 2; j++)
    {
      g->m[j] = lingauss2_post_mean (g, j).value;
      g->s[j] = sqrt (g->psi / (g->psi + g->theta[j] * g->theta[j]));
    }
}

rnd
lingauss2_scale_argmax (const lingauss2 * g)
{
  rnd tm = lingauss2_dot (g->theta, g->m[0], g->m[1]);
  rnd den = add (sq (tm), add (sq (mul (X (g->theta[0]), X (g->s[0]))),
                               sq (mul (X (g->theta[1]), X (g->s[1])))));
  return mul (mul (rnd_leaf (g->x - g->b, 1), tm), inv (rnd_as_leaf (den)));
}

/* ---- p(x) by nested quadrature ---- */

typedef struct { double t1, t2, x, z1, b, psi; } px_params;

static double
px_inner (double z2, void *params)
{
  const px_params *p = params;
  return exp (normal_log_pdf (z2, 0, 1)
              + normal_log_pdf (p->x, p->t1 * p->z1 + p->t2 * z2 + p->b, sqrt (p->psi)));
}

/* The inner integral I(z1) is within max(PX_EPSABS, QUAD_EPSREL I) of the
   truth (QAGI stops only there), so p(x) = ∫ N(z1) I(z1) dz1 is within
   PX_EPSABS + QUAD_EPSREL p(x) of the outer integral, beside the outer
   routine's own estimate.  PX_EPSABS is 1e-12 of p(x) for p(x) > 1e-4
   (mean_field's points: N(4; 0, 1) > 1e-4). */
#define PX_EPSABS 1e-16
static double
px_outer (double z1, void *params)
{
  px_params p = *(const px_params *) params;
  p.z1 = z1;
  /* in z2 the integrand is a Gaussian of precision 1 + θ2²/ψ, centred at
     θ2 (x - b - θ1 z1)/ψ over that precision */
  double prec = 1 + p.t2 * p.t2 / p.psi, w = normal_pdf (z1, 0, 1);
  if (w == 0)                   /* also at z1 = ±inf, where a tail rule may look */
    return 0;
  return w
    * quad_real_line_at_tol (px_inner, &p, p.t2 * (p.x - p.b - p.t1 * z1) / p.psi / prec,
                             1 / sqrt (prec), PX_EPSABS, QUAD_EPSREL).value;
}

estimate
lingauss2_evidence_quad (const lingauss2 * g)
{
  check_psi (g);
  px_params pp = { g->theta[0], g->theta[1], g->x, 0, g->b, g->psi };
  /* in z1, N(z1) N(x; θ1 z1 + b, ψ + θ2²): precision 1 + θ1²/(ψ + θ2²) */
  double v2 = pp.psi + pp.t2 * pp.t2, prec = 1 + pp.t1 * pp.t1 / v2;
  quad_result q = quad_real_line_at_tol (px_outer, &pp, pp.t1 * (pp.x - pp.b) / v2 / prec,
                                         1 / sqrt (prec), 0, QUAD_EPSREL);
  return est_quad ((quad_result) { q.value, q.abserr + PX_EPSABS + QUAD_EPSREL * q.value });
}

/* ---- the ELBO's terms by quadrature ---- */

/* q(z) log r(z) for q = N(m, s²) and log r the log-density of
   N(R_M, R_S²), or (R_S = 0) log q itself */
typedef struct { double m, s, r_m, r_s; } q_log_r;

static double
q_log_r_at (double z, void *params)
{
  const q_log_r *a = params;
  double lq = normal_log_pdf (z, a->m, a->s);
  return exp (lq) * (a->r_s == 0 ? lq : normal_log_pdf (z, a->r_m, a->r_s));
}

static estimate
e_q_log_r (double m, double s, double r_m, double r_s)
{
  q_log_r a = { m, s, r_m, r_s };
  return est_quad (quad_interval (q_log_r_at, &a, m - 40 * s, m + 40 * s));
}

estimate
lingauss2_e_log_prior_quad (const lingauss2 * g)
{
  return est_add (e_q_log_r (g->m[0], g->s[0], 0, 1), e_q_log_r (g->m[1], g->s[1], 0, 1));
}

estimate
lingauss2_e_log_q_quad (const lingauss2 * g, int i)
{
  return e_q_log_r (g->m[i], g->s[i], 0, 0);
}

typedef struct { double mean, sd, x, b, psi; } lik_params;

static double
u_log_lik (double u, void *params)
{
  const lik_params *a = params;
  return exp (normal_log_pdf (u, a->mean, a->sd)) * normal_log_pdf (a->x, u + a->b, sqrt (a->psi));
}

estimate
lingauss2_e_log_lik_quad (const lingauss2 * g)
{
  lik_params a = { g->theta[0] * g->m[0] + g->theta[1] * g->m[1],
    hypot (g->theta[0] * g->s[0], g->theta[1] * g->s[1]), g->x, g->b, g->psi };
  check_psi (g);
  if (a.sd == 0)                /* θ = 0: θᵀz = 0 is not random */
    {
      rnd l = g->psi == 1 ? normal_log_pdf_rnd (X (g->x), X (g->b), 1)
        : lingauss2_expected_log_lik (g);       /* = log N(x; b, ψ) */
      return est_exact (l.value, rnd_bound (l));
    }
  return est_quad (quad_interval (u_log_lik, &a, a.mean - 40 * a.sd, a.mean + 40 * a.sd));
}

estimate
lingauss2_elbo_quad (const lingauss2 * g)
{
  return est_sub (est_add (lingauss2_e_log_prior_quad (g), lingauss2_e_log_lik_quad (g)),
                  est_add (lingauss2_e_log_q_quad (g, 0), lingauss2_e_log_q_quad (g, 1)));
}

/* ---- the ELBO along one parameter of q, and over all of q ---- */

/* The grid and the curvature these use are derived for b = 0, ψ = 1. */
static void
mean_field_only (const lingauss2 * g, const char *who)
{
  if (g->b != 0 || g->psi != 1)
    die_internal ("%s: derived for b = 0, ψ = 1 (got %g, %g)", who, g->b, g->psi);
}

typedef struct { lingauss2 g; int coord; } slice;

static double
elbo_along_rounding (double a, void *params, double *rounding)
{
  const slice *sl = params;
  lingauss2 v = sl->g;
  *(sl->coord & 1 ? &v.s[sl->coord >> 1] : &v.m[sl->coord >> 1]) = a;
  rnd e = lingauss2_elbo (&v);
  if (rounding)
    *rounding = rnd_bound (e);
  return e.value;
}

static double
elbo_along (double a, void *params)
{
  return elbo_along_rounding (a, params, NULL);
}

estimate
lingauss2_elbo_partial (const lingauss2 * g, int coord)
{
  slice sl = { *g, coord };
  gsl_function f = { elbo_along, &sl };
  int i = coord >> 1, is_s = coord & 1;
  double at = is_s ? g->s[i] : g->m[i], d, err;
  gsl_deriv_central (&f, at, is_s ? 1e-2 * at : 1e-2, &d, &err);
  return est_numeric (d, err);
}

concave_max
lingauss2_elbo_argmax_along (const lingauss2 * g, int coord)
{
  mean_field_only (g, "lingauss2_elbo_argmax_along");
  slice sl = { *g, coord };
  int is_s = coord & 1, j = 1 - (coord >> 1);
  double lo = is_s ? 0.05 : -(4 + 2 * (fabs (g->x) + fabs (g->m[j])));
  double hi = is_s ? 3 : -lo, grid[81];
  for (int k = 0; k < 81; k++)
    grid[k] = lo + (hi - lo) * k / 80.0;
  return maximize_concave_1d (elbo_along_rounding, &sl, grid, 81, 1e-7, 1e-7);
}

static double
neg_elbo_vec (const gsl_vector * a, void *params)
{
  lingauss2 v = *(const lingauss2 *) params;
  v.m[0] = gsl_vector_get (a, 0);
  v.m[1] = gsl_vector_get (a, 1);
  v.s[0] = exp (gsl_vector_get (a, 2));
  v.s[1] = exp (gsl_vector_get (a, 3));
  return -lingauss2_elbo (&v).value;
}

double
lingauss2_elbo_maximize (const lingauss2 * g, const double start[4], double best[4])
{
  mean_field_only (g, "lingauss2_elbo_maximize");
  lingauss2 v = *g;
  gsl_vector_const_view x0 = gsl_vector_const_view_array (start, 4);
  minnd_result res = minimize_nd (neg_elbo_vec, &v, &x0.vector, 0.5, 1e-6, 20000);
  if (!res.converged)
    die_runtime ("Nelder-Mead did not converge on the ELBO");
  double tol = optimum_distance_bound (neg_elbo_vec, &v, res.x, 0.5);
  if (!(tol < 0.3))
    die_runtime ("Nelder-Mead stopped too far from the ELBO's maximum");
  for (size_t k = 0; k < 4; k++)
    best[k] = gsl_vector_get (res.x, k);
  minimize_result_free (&res);
  return tol;
}

rnd
lingauss2_cavi_mean (const lingauss2 * g, int i)
{
  mean_field_only (g, "lingauss2_cavi_mean");
  int j = 1 - i;
  rnd num = rnd_mul (X (g->theta[i]), rnd_sub (X (g->x), rnd_mul (X (g->theta[j]), X (g->m[j]))));
  return rnd_div (num, rnd_add (X (1), sq (X (g->theta[i]))));
}

rnd
lingauss2_cavi_var (const lingauss2 * g, int i)
{
  mean_field_only (g, "lingauss2_cavi_var");
  return inv (rnd_add (X (1), sq (X (g->theta[i]))));
}

/* A Gauss-Seidel sweep on the means contracts errors by ρ = c1 c2,
   c_i = θ1θ2/(1 + θ_i²) (the m1 error is -c1 times the previous m2
   error); one sweep's own rounding is that of the two mean updates. */
double
lingauss2_cavi_bound (const lingauss2 * g, double delta)
{
  double t1 = g->theta[0], t2 = g->theta[1];
  double c1 = t1 * t2 / (1 + t1 * t1), c2 = t1 * t2 / (1 + t2 * t2);
  double rho = fabs (c1 * c2);
  double r = rnd_bound (lingauss2_cavi_mean (g, 0)) + rnd_bound (lingauss2_cavi_mean (g, 1));
  return ((1 + fabs (c1)) * delta + 2 * r) / (1 - rho);
}

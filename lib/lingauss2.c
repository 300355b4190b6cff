/* lingauss2.c -- the two-latent linear-Gaussian model (see lingauss2.h). */
#include "lingauss2.h"
#include "check.h"
#include "errors.h"
#include "normal.h"
#include "optimum.h"
#include "quad.h"

#include <gsl/gsl_deriv.h>
#include <math.h>

static rnd X (double v) { return rnd_exact (v); }
static rnd sq (rnd a) { return rnd_mul (a, a); }

rnd
lingauss2_dot (const double theta[2], double z1, double z2)
{
  return rnd_add (rnd_mul (X (theta[0]), X (z1)), rnd_mul (X (theta[1]), X (z2)));
}

rnd
lingauss2_v (const double theta[2])
{
  return rnd_add (X (1), rnd_add (sq (X (theta[0])), sq (X (theta[1]))));
}

rnd
lingauss2_log_joint (const lingauss2 * g, double z1, double z2)
{
  rnd prior = rnd_add (normal_log_pdf_rnd (X (z1), X (0), 1),
                       normal_log_pdf_rnd (X (z2), X (0), 1));
  return rnd_add (prior, normal_log_pdf_rnd (X (g->x), lingauss2_dot (g->theta, z1, z2), 1));
}

rnd
lingauss2_log_evidence (const lingauss2 * g)
{
  rnd v = lingauss2_v (g->theta);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_div (sq (X (g->x)), v)),
                           rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_post_mean (const lingauss2 * g, int i)
{
  return rnd_div (rnd_mul (X (g->theta[i]), X (g->x)), lingauss2_v (g->theta));
}

rnd
lingauss2_post_var (const lingauss2 * g, int i)
{
  return rnd_sub (X (1), rnd_div (sq (X (g->theta[i])), lingauss2_v (g->theta)));
}

rnd
lingauss2_post_cov (const lingauss2 * g)
{
  rnd t12 = rnd_mul (X (g->theta[0]), X (g->theta[1]));
  return rnd_scale (-1, rnd_div (t12, lingauss2_v (g->theta)));
}

rnd
lingauss2_log_posterior (const lingauss2 * g, double z1, double z2)
{
  rnd v = lingauss2_v (g->theta);
  rnd t1 = X (g->theta[0]), t2 = X (g->theta[1]), x = X (g->x);
  rnd d1 = rnd_sub (X (z1), rnd_div (rnd_mul (t1, x), v));
  rnd d2 = rnd_sub (X (z2), rnd_div (rnd_mul (t2, x), v));
  rnd quad = rnd_add (rnd_add (sq (d1), sq (d2)),
                      sq (rnd_add (rnd_mul (t1, d1), rnd_mul (t2, d2))));
  return rnd_sub (rnd_add (rnd_scale (-0.5, quad), rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1));
}

rnd
lingauss2_elbo (const lingauss2 * g)
{
  rnd log2pi = rnd_leaf (2 * NORMAL_LOG_SQRT_2PI, 1), prior = rnd_scale (-1, log2pi);
  rnd resid = X (g->x), lik_var = X (0), entropy = X (0);
  for (int i = 0; i < 2; i++)
    {
      rnd m = X (g->m[i]), s2 = sq (X (g->s[i])), t = X (g->theta[i]);
      prior = rnd_sub (prior, rnd_scale (0.5, rnd_add (sq (m), s2)));
      resid = rnd_sub (resid, rnd_mul (t, m));
      lik_var = rnd_add (lik_var, rnd_mul (sq (t), s2));
      entropy = rnd_add (entropy, rnd_add (rnd_scale (0.5, rnd_add (log2pi, X (1))),
                                           rnd_log (X (g->s[i]))));
    }
  rnd lik = rnd_scale (-0.5, rnd_add (rnd_add (log2pi, sq (resid)), lik_var));
  return rnd_add (rnd_add (prior, lik), entropy);
}

/* ---- p(x) by nested quadrature ---- */

typedef struct { double t1, t2, x, z1; } px_params;

static double
px_inner (double z2, void *params)
{
  const px_params *p = params;
  return exp (normal_log_pdf (z2, 0, 1)
              + normal_log_pdf (p->x, p->t1 * p->z1 + p->t2 * z2, 1));
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
  /* in z2 the integrand is a Gaussian of precision 1 + θ2² */
  double prec = 1 + p.t2 * p.t2, w = normal_pdf (z1, 0, 1);
  if (w == 0)                   /* also at z1 = ±inf, where a tail rule may look */
    return 0;
  return w
    * quad_real_line_at_tol (px_inner, &p, p.t2 * (p.x - p.t1 * z1) / prec,
                             1 / sqrt (prec), PX_EPSABS, QUAD_EPSREL).value;
}

estimate
lingauss2_evidence_quad (const lingauss2 * g)
{
  px_params pp = { g->theta[0], g->theta[1], g->x, 0 };
  /* in z1, N(z1) N(x; θ1 z1, 1 + θ2²): precision 1 + θ1²/(1 + θ2²) */
  double v2 = 1 + pp.t2 * pp.t2, prec = 1 + pp.t1 * pp.t1 / v2;
  quad_result q = quad_real_line_at_tol (px_outer, &pp, pp.t1 * pp.x / v2 / prec,
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

typedef struct { double mean, sd, x; } lik_params;

static double
u_log_lik (double u, void *params)
{
  const lik_params *a = params;
  return exp (normal_log_pdf (u, a->mean, a->sd)) * normal_log_pdf (a->x, u, 1);
}

estimate
lingauss2_e_log_lik_quad (const lingauss2 * g)
{
  lik_params a = { g->theta[0] * g->m[0] + g->theta[1] * g->m[1],
    hypot (g->theta[0] * g->s[0], g->theta[1] * g->s[1]), g->x };
  if (a.sd == 0)                /* θ = 0: θᵀz = 0 is not random */
    {
      rnd l = normal_log_pdf_rnd (X (g->x), X (0), 1);
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

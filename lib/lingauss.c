/* lingauss.c -- the conjugate linear-Gaussian model with one latent. */
#include "lingauss.h"

#include <gsl/gsl_math.h>
#include <math.h>

static double
offset (const lingauss * m, size_t i)
{
  return m->b ? m->b[i] : 0.0;
}

/* x - w z - b, accurate to its own size: the residual of data that the
   model fits cancels (x ~ w z + b to many digits), and the naive
   fl(fl(x - fl(w z)) - b) carries an error u (|x| + |w z| + |b|) that is
   then larger than the residual itself.  Error-free transformations
   (Ogita, Rump & Oishi 2005): w z = p + ep exactly (fma), x - p = s + es
   and s - b = t + et exactly (TwoSum), so x - w z - b = t + (es + et - ep)
   exactly, and the correction's three roundings leave |error| <= u |r| +
   gamma_3 u (|x| + |w z| + |b|) (each of es, et, ep at most u of a
   partial result). */
static double
residual (double x, double w, double z, double b)
{
  double p = w * z, ep = fma (w, z, -p);
  double s = x - p, sp = s - x, es = (x - (s - sp)) + (-p - sp);
  double t = s - b, tb = t - s, et = (s - (t - tb)) + (-b - tb);
  return t + (es + et - ep);
}

/* The absolute part of residual's bound, u gamma_3 (|x| + |w z| + |b|). */
static double
residual_abs_err (double x, double w, double z, double b)
{
  return EST_U * est_gamma (3) * (fabs (x) + fabs (w * z) + fabs (b)) * (1 + 4 * EST_U);
}

/* The relative rounding of one term: a dot product of length d (Higham's
   gamma_d, with a residual's subtraction in each product), then at most
   three multiplications or divisions and one log1p or log, each within
   u: (d + 6) u, doubled for gamma's second-order terms. */
static double
term_rel (const lingauss * m)
{
  return 2.0 * ((double) m->d + 6.0) * EST_U;
}

double
lingauss_log_joint (const lingauss * m, const double *x, double z)
{
  double ss = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = x[i] - m->w[i] * z - offset (m, i);
      ss += r * r;
    }
  double dz = z - m->prior_mean;
  return -0.5 * ((double) m->d * log (2 * M_PI * m->noise_var)
                 + ss / m->noise_var
                 + log (2 * M_PI * m->prior_var) + dz * dz / m->prior_var);
}

void
lingauss_posterior (const lingauss * m, const double *x, double *mean,
                    double *var)
{
  double ww = 0, wr = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      ww += m->w[i] * m->w[i];
      wr += m->w[i] * (x[i] - offset (m, i));
    }
  double prec = 1 / m->prior_var + ww / m->noise_var;
  *var = 1 / prec;
  *mean = (m->prior_mean / m->prior_var + wr / m->noise_var) / prec;
}

/* r = x - w m0 - b; C = s^2 I + v0 w w^T:
     log det C = d log s^2 + log(1 + v0 |w|^2 / s^2)   (determinant lemma),
     r' C^-1 r = (|r|^2 - v0 (w.r)^2 / (s^2 + v0 |w|^2)) / s^2
                                                      (Sherman-Morrison).
   The quadratic form is a difference of two non-negative terms: both go
   into the rounding bound as separate terms. */
estimate
lingauss_log_evidence (const lingauss * m, const double *x)
{
  double ww = 0, wr = 0, rr = 0, rr_err = 0, wr_err = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = residual (x[i], m->w[i], m->prior_mean, offset (m, i));
      double e = residual_abs_err (x[i], m->w[i], m->prior_mean, offset (m, i));
      ww += m->w[i] * m->w[i];
      wr += m->w[i] * r;
      rr += r * r;
      rr_err += (2 * fabs (r) + e) * e;
      wr_err += fabs (m->w[i]) * e;
    }
  double s2 = m->noise_var, v0 = m->prior_var, d = (double) m->d;
  double sm = s2 * (s2 + v0 * ww);
  estimate e = est_sum_terms ((const double[]) {-0.5 * d * log (2 * M_PI * s2),
                  -0.5 * log1p (v0 * ww / s2),
                  -0.5 * rr / s2,
                  0.5 * v0 * wr * wr / sm}, 4,
                        term_rel (m));
  /* the residuals' absolute errors e_i: in rr, (2 |r_i| + e_i) e_i; in wr,
     E = sum |w_i| e_i, and so (2 |wr| + E) E in wr^2 */
  e.err += (rr_err / (2 * s2) + (2 * fabs (wr) + wr_err) * wr_err * v0 / (2 * sm))
    * (1 + 8 * EST_U);
  return e;
}

/* E_q[log N(x; w z + b, s^2 I)] = -d/2 log(2 pi s^2)
     - (|x - w qm - b|^2 + |w|^2 qv) / (2 s^2);
   E_q[log N(z; m0, v0)] = -1/2 log(2 pi v0) - ((qm - m0)^2 + qv) / (2 v0);
   H[q] = 1/2 log(2 pi e qv). */
estimate
lingauss_elbo (const lingauss * m, const double *x, double qm, double qv)
{
  double ww = 0, rr = 0, rr_err = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = residual (x[i], m->w[i], qm, offset (m, i));
      double e = residual_abs_err (x[i], m->w[i], qm, offset (m, i));
      ww += m->w[i] * m->w[i];
      rr += r * r;
      rr_err += (2 * fabs (r) + e) * e;
    }
  double s2 = m->noise_var, v0 = m->prior_var, dm = qm - m->prior_mean;
  estimate e = est_sum_terms ((const double[]) {
                        -0.5 * (double) m->d * log (2 * M_PI * s2),
                        -rr / (2 * s2), -ww * qv / (2 * s2),
                        -0.5 * log (2 * M_PI * v0), -(dm * dm + qv) / (2 * v0),
                        0.5 * log (2 * M_PI * M_E * qv)}, 6, term_rel (m));
  /* the residuals' absolute error: |r'^2 - r^2| <= (2 |r'| + e) e */
  e.err += rr_err / (2 * s2) * (1 + 4 * EST_U);
  return e;
}

/* Higham 2.2 and 3.1 (|d| <= u per operation):
     ww = sum w_i^2, positive terms:          within gamma_d ww;
     r_i = x_i - b_i (one rounding), wr = sum w_i r_i:
                                  |err| <= gamma_{d+1} A, A = sum |w_i| |r_i|;
     prec = 1/v0 + ww/s^2, positive terms:    within gamma_{d+2} prec;
     var = 1/prec:                            within gamma_{d+3} var;
     num = m0/v0 + wr/s^2:   |err| <= gamma_{d+3} N, N = |m0|/v0 + A/s^2;
     mean = num/prec: |err| <= (gamma_{d+3} N + |num| gamma_{d+3}) / prec
                               + u |mean|  <=  gamma_{2d+7} N / prec,
   since |num| <= N; 1/prec is var within gamma_{d+3}: gamma_{2d+10} N var
   and gamma_{d+4} var cover the bounds' own rounding. */
void
lingauss_posterior_error_bound (const lingauss * m, const double *x,
                                double *mean_err, double *var_err)
{
  double mean, var, a = 0, d = (double) m->d;
  lingauss_posterior (m, x, &mean, &var);
  for (size_t i = 0; i < m->d; i++)
    a += fabs (m->w[i]) * fabs (x[i] - offset (m, i));
  double n = fabs (m->prior_mean) / m->prior_var + a / m->noise_var;
  *mean_err = est_gamma (2 * d + 10) * n * var;
  *var_err = est_gamma (d + 4) * var;
}

/* ---- the two-latent factor model ---- */

#define LOG_SQRT_2PI 0.91893853320467274178
#define LOG_2PI 1.8378770664093454836

static rnd X (double v) { return rnd_exact (v); }
static rnd sq (rnd a) { return rnd_mul (a, a); }
static rnd inv (rnd a) { return rnd_div (X (1), a); }

/* ψ + |w|² */
static rnd
marginal_var (const lingauss_fa2 * f)
{
  return rnd_add (X (f->psi), rnd_add (sq (X (f->w[0])), sq (X (f->w[1]))));
}

/* Woodbury on Λ⁻¹ wᵀ/ψ */
rnd
lingauss_fa2_post_mean (const lingauss_fa2 * f, int j)
{
  rnd r = rnd_leaf (f->x - f->b, 1);
  return rnd_mul (rnd_mul (X (f->w[j]), r), inv (marginal_var (f)));
}

/* -(|d|² + (wᵀd)²/ψ)/2 + log det Λ / 2 - log 2π, d = z - μ */
double
lingauss_fa2_log_post (const lingauss_fa2 * f, const double *z)
{
  double d0 = z[0] - lingauss_fa2_post_mean (f, 0).value;
  double d1 = z[1] - lingauss_fa2_post_mean (f, 1).value;
  double wd = f->w[0] * d0 + f->w[1] * d1;
  double w2 = f->w[0] * f->w[0] + f->w[1] * f->w[1];
  return -0.5 * (d0 * d0 + d1 * d1 + wd * wd / f->psi)
    + 0.5 * log1p (w2 / f->psi) - LOG_2PI;
}

rnd
lingauss_fa2_log_evidence (const lingauss_fa2 * f)
{
  rnd r = rnd_leaf (f->x - f->b, 1), v = marginal_var (f);
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (sq (r), inv (v))),
                           rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (LOG_SQRT_2PI, 1));
}

rnd
lingauss_fa2_expected_log_lik (const lingauss_fa2 * f, const lingauss_fa2_q * q)
{
  rnd r = rnd_sub (rnd_leaf (f->x - f->b, 1),
                   rnd_add (rnd_mul (X (f->w[0]), X (q->m[0])),
                            rnd_mul (X (f->w[1]), X (q->m[1]))));
  rnd spread = rnd_add (sq (rnd_mul (X (f->w[0]), X (q->s[0]))),
                        sq (rnd_mul (X (f->w[1]), X (q->s[1]))));
  return rnd_sub (rnd_sub (rnd_scale (-0.5, rnd_mul (rnd_add (sq (r), spread),
                                                     inv (X (f->psi)))),
                           rnd_scale (0.5, rnd_log (X (f->psi)))),
                  rnd_leaf (LOG_SQRT_2PI, 1));
}

rnd
lingauss_fa2_kl_prior (const lingauss_fa2_q * q)
{
  rnd s = X (0);
  for (int j = 0; j < 2; j++)
    s = rnd_add (s, rnd_sub (rnd_scale (0.5, rnd_sub (rnd_add (sq (X (q->s[j])),
                                                               sq (X (q->m[j]))),
                                                      X (1))),
                             rnd_log (X (q->s[j]))));
  return s;
}

/* log1p(t) for a positive t carrying gamma_n: since t/(1+t) <= log1p(t),
   the propagated error n u t/(1+t) plus log1p's own ulp is at most
   (n + 1) u log1p(t) -- a leaf of relative error (n + 2) u. */
static rnd log1p_rnd (rnd t) { return rnd_leaf (log1p (t.value), t.n + 2); }

/* Λ = I + w wᵀ/ψ written out: tr ΛS = Σ s_j² + Σ w_j² s_j²/ψ,
   dᵀΛd = |d|² + (w·d)²/ψ, log det Λ = log1p(|w|²/ψ). */
rnd
lingauss_fa2_kl_post (const lingauss_fa2 * f, const lingauss_fa2_q * q)
{
  rnd ipsi = inv (X (f->psi)), d[2], tr = X (0), dd = X (0), wd = X (0);
  rnd ws = X (0);
  for (int j = 0; j < 2; j++)
    {
      d[j] = rnd_sub (X (q->m[j]), lingauss_fa2_post_mean (f, j));
      tr = rnd_add (tr, sq (X (q->s[j])));
      ws = rnd_add (ws, sq (rnd_mul (X (f->w[j]), X (q->s[j]))));
      dd = rnd_add (dd, sq (d[j]));
      wd = rnd_add (wd, rnd_mul (X (f->w[j]), d[j]));
    }
  rnd t = rnd_mul (rnd_add (sq (X (f->w[0])), sq (X (f->w[1]))), ipsi);
  rnd sum = rnd_add (rnd_add (tr, rnd_mul (ws, ipsi)),
                     rnd_add (dd, rnd_mul (sq (wd), ipsi)));
  sum = rnd_sub (rnd_sub (sum, X (2)), log1p_rnd (t));
  return rnd_sub (rnd_sub (rnd_scale (0.5, sum), rnd_log (X (q->s[0]))),
                  rnd_log (X (q->s[1])));
}

rnd
lingauss_fa2_elbo (const lingauss_fa2 * f, const lingauss_fa2_q * q)
{
  return rnd_sub (lingauss_fa2_expected_log_lik (f, q), lingauss_fa2_kl_prior (q));
}

/* ---- the one-latent model, continued ---- */

estimate
lingauss_expected_log_lik (const lingauss * m, const double *x, double qm,
                           double qv)
{
  double ww = 0, rr = 0, rr_err = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = residual (x[i], m->w[i], qm, offset (m, i));
      double e = residual_abs_err (x[i], m->w[i], qm, offset (m, i));
      ww += m->w[i] * m->w[i];
      rr += r * r;
      rr_err += (2 * fabs (r) + e) * e;
    }
  double s2 = m->noise_var;
  double terms[] = { -0.5 * (double) m->d * log (2 * M_PI * s2),
    -rr / (2 * s2), -ww * qv / (2 * s2) };
  estimate est = est_sum_terms (terms, 3, term_rel (m));
  /* the residuals' absolute error, as in lingauss_elbo */
  est.err += rr_err / (2 * s2) * (1 + 4 * EST_U);
  return est;
}

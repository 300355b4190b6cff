/* lingauss.c -- the conjugate linear-Gaussian model with one latent. */
#include "lingauss.h"

#include <gsl/gsl_math.h>
#include <math.h>

static double
offset (const lingauss * m, size_t i)
{
  return m->b ? m->b[i] : 0.0;
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
  double ww = 0, wr = 0, rr = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = x[i] - m->w[i] * m->prior_mean - offset (m, i);
      ww += m->w[i] * m->w[i];
      wr += m->w[i] * r;
      rr += r * r;
    }
  double s2 = m->noise_var, v0 = m->prior_var, d = (double) m->d;
  return est_sum_terms ((const double[]) {-0.5 * d * log (2 * M_PI * s2),
                  -0.5 * log1p (v0 * ww / s2),
                  -0.5 * rr / s2,
                  0.5 * v0 * wr * wr / (s2 * (s2 + v0 * ww))}, 4,
                        term_rel (m));
}

/* E_q[log N(x; w z + b, s^2 I)] = -d/2 log(2 pi s^2)
     - (|x - w qm - b|^2 + |w|^2 qv) / (2 s^2);
   E_q[log N(z; m0, v0)] = -1/2 log(2 pi v0) - ((qm - m0)^2 + qv) / (2 v0);
   H[q] = 1/2 log(2 pi e qv). */
estimate
lingauss_elbo (const lingauss * m, const double *x, double qm, double qv)
{
  double ww = 0, rr = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = x[i] - m->w[i] * qm - offset (m, i);
      ww += m->w[i] * m->w[i];
      rr += r * r;
    }
  double s2 = m->noise_var, v0 = m->prior_var, dm = qm - m->prior_mean;
  return est_sum_terms ((const double[]) {
                        -0.5 * (double) m->d * log (2 * M_PI * s2),
                        -rr / (2 * s2), -ww * qv / (2 * s2),
                        -0.5 * log (2 * M_PI * v0), -(dm * dm + qv) / (2 * v0),
                        0.5 * log (2 * M_PI * M_E * qv)}, 6, term_rel (m));
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
  double ww = 0, rr = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = x[i] - offset (m, i) - m->w[i] * qm;
      ww += m->w[i] * m->w[i];
      rr += r * r;
    }
  double s2 = m->noise_var;
  double terms[] = { -0.5 * (double) m->d * log (2 * M_PI * s2),
    -rr / (2 * s2), -ww * qv / (2 * s2) };
  return est_sum_terms (terms, 3, term_rel (m));
}

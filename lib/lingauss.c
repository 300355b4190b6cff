/* lingauss.c -- the conjugate linear-Gaussian model with one latent. */
#include "lingauss.h"
#include "normal.h"
#include "errors.h"

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
lingauss_residual_sq (const lingauss * m, const double *x, double z)
{
  double ss = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = x[i] - m->w[i] * z - offset (m, i);
      ss += r * r;
    }
  return ss;
}

double
lingauss_w_dot_residual (const lingauss * m, const double *x, double z)
{
  double s = 0;
  for (size_t i = 0; i < m->d; i++)
    s += m->w[i] * (x[i] - m->w[i] * z - offset (m, i));
  return s;
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

void
lingauss_posterior_scaled (const lingauss * m, const double *x, double shift,
                           double c, double *qm, double *qv)
{
  double mean, var;
  lingauss_posterior (m, x, &mean, &var);
  *qm = mean + shift * sqrt (var);
  *qv = c * var;
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

rnd
lingauss_log_evidence_1d_rnd (const lingauss * m, double x)
{
  if (m->d != 1)
    die_internal ("lingauss_log_evidence_1d_rnd: d = %zu, not 1", m->d);
  rnd w = rnd_exact (m->w[0]);
  rnd r = rnd_sub (rnd_leaf (x - offset (m, 0), 1), rnd_mul (w, rnd_exact (m->prior_mean)));
  rnd v = rnd_add (rnd_mul (rnd_mul (w, w), rnd_exact (m->prior_var)), rnd_exact (m->noise_var));
  rnd quad = rnd_scale (-0.5, rnd_mul (rnd_mul (r, r), rnd_div (rnd_exact (1), v)));
  return rnd_sub (rnd_sub (quad, rnd_scale (0.5, rnd_log (v))),
                  rnd_leaf (NORMAL_LOG_SQRT_2PI, 1));
}

/* |w|^2, |x - w qm - b|^2 and the latter's absolute error from the
   residuals' own: |r'^2 - r^2| <= (2 |r'| + e) e. */
static void
residual_sums (const lingauss * m, const double *x, double qm, double *ww,
               double *rr, double *rr_err)
{
  *ww = *rr = *rr_err = 0;
  for (size_t i = 0; i < m->d; i++)
    {
      double r = residual (x[i], m->w[i], qm, offset (m, i));
      double e = residual_abs_err (x[i], m->w[i], qm, offset (m, i));
      *ww += m->w[i] * m->w[i];
      *rr += r * r;
      *rr_err += (2 * fabs (r) + e) * e;
    }
}

/* E_q[log N(x; w z + b, s^2 I)] = -d/2 log(2 pi s^2)
     - (|x - w qm - b|^2 + |w|^2 qv) / (2 s^2);
   E_q[log N(z; m0, v0)] = -1/2 log(2 pi v0) - ((qm - m0)^2 + qv) / (2 v0);
   H[q] = 1/2 log(2 pi e qv). */
estimate
lingauss_elbo (const lingauss * m, const double *x, double qm, double qv)
{
  double ww, rr, rr_err;
  residual_sums (m, x, qm, &ww, &rr, &rr_err);
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

estimate
lingauss_expected_log_lik (const lingauss * m, const double *x, double qm,
                           double qv)
{
  double ww, rr, rr_err;
  residual_sums (m, x, qm, &ww, &rr, &rr_err);
  double s2 = m->noise_var;
  double terms[] = { -0.5 * (double) m->d * log (2 * M_PI * s2),
    -rr / (2 * s2), -ww * qv / (2 * s2) };
  estimate est = est_sum_terms (terms, 3, term_rel (m));
  /* the residuals' absolute error, as in lingauss_elbo */
  est.err += rr_err / (2 * s2) * (1 + 4 * EST_U);
  return est;
}

double
lingauss_dlog_joint_dz (const lingauss * m, const double *x, double z)
{
  double s = 0;
  for (size_t i = 0; i < m->d; i++)
    s += m->w[i] * (x[i] - m->w[i] * z - offset (m, i));
  return s / m->noise_var - (z - m->prior_mean) / m->prior_var;
}

/* The KL with r = qv/v, t = (mu - qm)/sqrt(v) is (-log r + r + t^2 - 1)/2.
   Its own rounding, from exact mu and v, is within 16u (|log r| + r + t^2
   + 1), 32u times the size of its terms.  The posterior's errors come on
   top (lingauss_posterior_error_bound): v off by a relative rho <=
   gamma_{d+4} moves the KL by (rho/2) |1 - r - t^2| to first order, within
   rho (1 + r + t^2) with the second order; mu off by delta <= gamma_{2d+10}
   (|m0|/v0 + sum |w_i (x_i - b_i)|/s^2) v moves t^2/2 by at most
   |t| delta/sqrt(v) + delta^2/(2v). */
estimate
lingauss_elbo_via_posterior (const lingauss * m, const double *x, double qm,
                             double qv)
{
  double mu, v, mu_err, v_err;
  lingauss_posterior (m, x, &mu, &v);
  lingauss_posterior_error_bound (m, x, &mu_err, &v_err);
  double r = qv / v, t = (mu - qm) / sqrt (v);
  double dl = mu_err / sqrt (v), rho = v_err / v;
  double kl = normal_kl (qm, sqrt (qv), mu, sqrt (v));
  double bound = 16 * EST_U * (fabs (log (r)) + r + t * t + 1)
    + rho * (1 + r + t * t) + fabs (t) * dl + dl * dl / 2;
  return est_sub (lingauss_log_evidence (m, x), est_exact (kl, bound));
}

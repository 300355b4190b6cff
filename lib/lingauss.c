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

/* mvn.c -- multivariate Gaussians through a Cholesky factor (see mvn.h). */
#include "mvn.h"
#include "errors.h"

#include <float.h>
#include <gsl/gsl_blas.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_randist.h>
#include <math.h>

mvn *
mvn_alloc (size_t d)
{
  if (d == 0)
    die_internal ("mvn_alloc: dimension 0");
  mvn *g = xmalloc (sizeof *g);
  g->d = d;
  g->mu = gsl_vector_calloc (d);
  g->sigma = gsl_matrix_calloc (d, d);
  g->chol = gsl_matrix_calloc (d, d);
  g->logdet = 0.0;
  return g;
}

void
mvn_free (mvn * g)
{
  if (!g)
    return;
  gsl_vector_free (g->mu);
  gsl_matrix_free (g->sigma);
  gsl_matrix_free (g->chol);
  free (g);
}

static int
is_symmetric (const gsl_matrix * m)
{
  for (size_t i = 0; i < m->size1; i++)
    for (size_t j = 0; j < i; j++)
      {
        double a = gsl_matrix_get (m, i, j), b = gsl_matrix_get (m, j, i);
        if (fabs (a - b) > 8 * DBL_EPSILON * (fabs (a) + fabs (b)))
          return 0;
      }
  return 1;
}

int
mvn_set (mvn * g, const gsl_vector * mu, const gsl_matrix * sigma)
{
  if (mu->size != g->d || sigma->size1 != g->d || sigma->size2 != g->d)
    die_internal ("mvn_set: dimension mismatch");
  if (!is_symmetric (sigma))
    return GSL_EDOM;
  gsl_vector_memcpy (g->mu, mu);
  gsl_matrix_memcpy (g->sigma, sigma);
  gsl_matrix_memcpy (g->chol, sigma);
  /* A covariance that is not positive definite is a caller's data problem,
     not a crash: silence GSL's handler for this one call. */
  gsl_error_handler_t *old = gsl_set_error_handler_off ();
  int status = gsl_linalg_cholesky_decomp1 (g->chol);
  gsl_set_error_handler (old);
  if (status != GSL_SUCCESS)
    return GSL_EDOM;
  /* decomp1 leaves L^T in the upper triangle; keep L alone, so that the
     factor can be used as a full matrix (e.g. in dtrsm on another L). */
  for (size_t i = 0; i < g->d; i++)
    for (size_t j = i + 1; j < g->d; j++)
      gsl_matrix_set (g->chol, i, j, 0.0);
  double logdet = 0.0;
  for (size_t i = 0; i < g->d; i++)
    {
      double lii = gsl_matrix_get (g->chol, i, i);
      if (!(lii > 0.0) || !isfinite (lii))
        return GSL_EDOM;
      logdet += log (lii);
    }
  g->logdet = 2.0 * logdet;
  return GSL_SUCCESS;
}

mvn *
mvn_from_arrays (size_t d, const double *mu, const double *sigma)
{
  gsl_vector_const_view m = gsl_vector_const_view_array (mu, d);
  gsl_matrix_const_view s = gsl_matrix_const_view_array (sigma, d, d);
  mvn *g = mvn_alloc (d);
  if (mvn_set (g, &m.vector, &s.matrix) != GSL_SUCCESS)
    die_runtime ("a covariance (d = %zu) is not positive definite in"
                 " floating point", d);
  return g;
}

double
mvn_log_pdf (const mvn * g, const gsl_vector * x, gsl_vector * work)
{
  /* compute: work = L^{-1} (x - mu) */
  gsl_vector_memcpy (work, x);
  gsl_vector_sub (work, g->mu);
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, g->chol, work);
  double q;
  gsl_blas_ddot (work, work, &q);
  return -0.5 * q - 0.5 * g->logdet - 0.5 * (double) g->d * log (2 * M_PI);
}

void
mvn_sample (const gsl_rng * r, const mvn * g, gsl_vector * x)
{
  for (size_t i = 0; i < g->d; i++)
    gsl_vector_set (x, i, gsl_ran_gaussian_ziggurat (r, 1.0));
  /* compute: x = mu + L z */
  gsl_blas_dtrmv (CblasLower, CblasNoTrans, CblasNonUnit, g->chol, x);
  gsl_vector_add (x, g->mu);
}

double
mvn_entropy (const mvn * g)
{
  return 0.5 * (double) g->d * (1.0 + log (2 * M_PI)) + 0.5 * g->logdet;
}

void
mvn_kl_parts (const mvn * p, const mvn * q, mvn_kl_terms * t)
{
  size_t d = p->d;
  if (q->d != d)
    die_internal ("mvn_kl: dimension mismatch");
  /* compute: M = Lq^{-1} Lp, so tr(Sq^-1 Sp) = ||M||_F^2 */
  gsl_matrix *m = gsl_matrix_alloc (d, d);
  gsl_matrix_memcpy (m, p->chol);
  gsl_blas_dtrsm (CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, 1.0,
                  q->chol, m);
  double tr = 0.0;
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j <= i; j++)     /* M is lower triangular */
      tr += gsl_matrix_get (m, i, j) * gsl_matrix_get (m, i, j);
  gsl_matrix_free (m);
  /* compute: v = Lq^{-1} (mq - mp) */
  gsl_vector *v = gsl_vector_alloc (d);
  gsl_vector_memcpy (v, q->mu);
  gsl_vector_sub (v, p->mu);
  gsl_blas_dtrsv (CblasLower, CblasNoTrans, CblasNonUnit, q->chol, v);
  double maha;
  gsl_blas_ddot (v, v, &maha);
  gsl_vector_free (v);
  t->trace = tr;
  t->mahalanobis = maha;
  t->logdet_p = p->logdet;
  t->logdet_q = q->logdet;
  t->d = (double) d;
}

double
mvn_kl (const mvn * p, const mvn * q)
{
  mvn_kl_terms t;
  mvn_kl_parts (p, q, &t);
  return 0.5 * (t.trace + t.mahalanobis - t.d + t.logdet_q - t.logdet_p);
}

/* ----------------------------------------------------------------------
 * The rounding error of mvn_kl (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed.; u = DBL_EPSILON / 2, gamma_k = ku/(1-ku)).
 *
 * mvn_kl evaluates K = 1/2 [T + V - d + ld_q - ld_p], T = ||Lq^-1 Lp||_F^2,
 * V = ||Lq^-1 (mq - mp)||^2, ld = 2 sum log L_ii, from the computed
 * Cholesky factors.  Their errors, stage by stage:
 *
 * 1. Cholesky (Thm 10.3): L^ L^T = S + dS, |dS| <= gamma_{d+1} |L^||L^T|.
 *    So S_q + dS_q = L (I + E) L^T with E = L^-1 dS L^-T and
 *      ||E||_2 <= gamma_{d+1} ||L^-1||^2 || |L||L^T| ||_2
 *             <= gamma_{d+1} d cond_2(S_q) =: eps_q
 *    (|| |L| ||_2 <= sqrt(d) ||L||_2, Lemma 6.6).  With M = L^-1 Lp,
 *    v = L^-1 (mq - mp) and X = M M^T + v v^T >= 0, T + V = tr X becomes
 *    tr((I + E)^-1 X), and |tr(B X)| <= ||B||_2 tr X for X >= 0, so T + V
 *    moves by at most e (T + V), e = eps_q / (1 - eps_q); log det moves by
 *    |log det(I + E)| <= -d log(1 - eps_q) <= d e.  Likewise for S_p, with
 *    eps_p = gamma_{d+1} d cond_2(S_p): T moves by f T, f = eps_p/(1-eps_p)
 *    (tr(M F M^T) <= ||F|| T), log det S_p by d f.
 *    This is the term that grows like cond * u: an error of relative size
 *    u in an entry of S_q is an error of relative size cond u in S_q^-1.
 *    (The old bound, 16 u d^2 sqrt(cond) (|T| + ...), missed it: at
 *    p = N(0, I_2), S_q = [[1, r], [r, 1]], r = 0.99999999, the error is
 *    0.0276 and that bound 0.0201.)
 * 2. The solves M = Lq^-1 Lp (column by column) and v = Lq^-1 (mq - mp):
 *    (Lq + dL) m^ = l, |dL| <= gamma_d |Lq| (Thm 8.5), so
 *    |m^ - m| <= eta/(1 - eta) |m|, eta = gamma_d || |Lq^-1||Lq| ||_2
 *    <= gamma_d d sqrt(cond(S_q)).  The difference of means carries u per
 *    entry, ||Lq^-1 dmu|| <= u sqrt(cond(S_q)) |v|.  The sums of squares:
 *    gamma_{d(d+1)/2 + 1} for T (Thm 3.1), gamma_d for V (ddot).
 * 3. ld = 2 sum log L_ii: log within 2 ulps (4u), the sum gamma_{d-1}:
 *    within gamma_{d+4} 2 sum |log L_ii|.
 * 4. The final sum of five terms: gamma_4 (T + V + d + |ld_q| + |ld_p|).
 * Relative errors of successive stages compose as products (1 + a)(1 + b);
 * the bound below works with upper bounds of the exact intermediate values
 * (computed value / (1 - relative error)), so no second-order term is
 * dropped.  cond_2 is from GSL's symmetric eigensolver; its eigenvalues are
 * within p(d) u ||S||_2 (backward stability and Weyl; p(d) taken as 4 d^2),
 * so the cond used is cond^ / (1 - 4 d^2 u cond^).  The bound refuses (NaN)
 * where the first-order picture would not hold: eps_q, eps_p or eta above
 * 0.1 (e.g. d = 50, cond 1e13) -- there the closed form itself is not
 * trustworthy.  Its own evaluation (about 40 roughly positive operations)
 * is covered by the factor 1 + 64u.
 * ---------------------------------------------------------------------- */

static double
gamma_k (double k)
{
  const double u = DBL_EPSILON / 2;
  return k * u / (1.0 - k * u);
}

/* An upper bound on cond_2(S) from the eigensolver's estimate, or NaN. */
static double
condition_upper (const mvn * g)
{
  const double u = DBL_EPSILON / 2;
  double c = mvn_condition (g), d = (double) g->d;
  double slack = 4.0 * d * d * u * c;
  return c >= 1.0 && slack <= 0.5 ? c / (1.0 - slack) : NAN;
}

static double
sum_abs_log_diag (const mvn * g)
{
  double s = 0.0;
  for (size_t i = 0; i < g->d; i++)
    s += fabs (log (gsl_matrix_get (g->chol, i, i)));
  return s;
}

double
mvn_kl_rounding_bound (const mvn * p, const mvn * q)
{
  const double u = DBL_EPSILON / 2;
  mvn_kl_terms t;
  mvn_kl_parts (p, q, &t);
  double d = t.d, cq = condition_upper (q), cp = condition_upper (p);
  double eps_q = gamma_k (d + 1) * d * cq, eps_p = gamma_k (d + 1) * d * cp;
  double eta = gamma_k (d) * d * sqrt (cq);
  if (!(eps_q <= 0.1 && eps_p <= 0.1 && eta <= 0.1))
    return NAN;                 /* beyond what the analysis covers */
  double e = eps_q / (1 - eps_q), f = eps_p / (1 - eps_p);
  double m = eta / (1 - eta), dmu = u * sqrt (cq);
  /* stage 2: the computed T, V against T, V of the computed factors */
  double t_rel = (1 + m) * (1 + m) * (1 + gamma_k (d * (d + 1) / 2 + 1)) - 1;
  double v_rel = (1 + m) * (1 + m) * (1 + dmu) * (1 + dmu)
    * (1 + gamma_k (d)) - 1;
  double t2 = t.trace / (1 - t_rel), v2 = t.mahalanobis / (1 - v_rel);
  double err_eval = t_rel * t2 + v_rel * v2;
  /* stage 1: the factors against the exact covariances */
  double s1 = (t2 + v2) / (1 - e);
  double err_q = e * s1 + d * e;
  double err_p = f * s1 + d * f;
  /* stages 3 and 4 */
  double err_ld = gamma_k (d + 4) * 2.0 * (sum_abs_log_diag (p)
                                           + sum_abs_log_diag (q));
  double err_sum = gamma_k (4) * (t.trace + t.mahalanobis + d
                                  + fabs (t.logdet_q) + fabs (t.logdet_p));
  return 0.5 * (err_eval + err_q + err_p + err_ld + err_sum) * (1 + 64 * u);
}

double
mvn_condition (const mvn * g)
{
  size_t d = g->d;
  gsl_matrix *a = gsl_matrix_alloc (d, d);
  gsl_vector *eval = gsl_vector_alloc (d);
  gsl_eigen_symm_workspace *w = gsl_eigen_symm_alloc (d);
  gsl_matrix_memcpy (a, g->sigma);
  gsl_eigen_symm (a, eval, w);
  double lo = gsl_vector_min (eval), hi = gsl_vector_max (eval);
  gsl_eigen_symm_free (w);
  gsl_vector_free (eval);
  gsl_matrix_free (a);
  return hi / lo;
}

/* A Haar-distributed orthogonal matrix: QR of a standard Gaussian matrix,
   with the signs of R's diagonal moved into Q (Mezzadri 2007). */
static void
random_orthogonal (const gsl_rng * r, gsl_matrix * q)
{
  size_t d = q->size1;
  gsl_matrix *a = gsl_matrix_alloc (d, d);
  gsl_matrix *rr = gsl_matrix_alloc (d, d);
  gsl_vector *tau = gsl_vector_alloc (d);
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j < d; j++)
      gsl_matrix_set (a, i, j, gsl_ran_gaussian (r, 1.0));
  gsl_linalg_QR_decomp (a, tau);
  gsl_linalg_QR_unpack (a, tau, q, rr);
  for (size_t j = 0; j < d; j++)
    if (gsl_matrix_get (rr, j, j) < 0)
      {
        gsl_vector_view col = gsl_matrix_column (q, j);
        gsl_vector_scale (&col.vector, -1.0);
      }
  gsl_vector_free (tau);
  gsl_matrix_free (rr);
  gsl_matrix_free (a);
}

void
spd_random (const gsl_rng * r, double scale, double cond, gsl_matrix * out)
{
  size_t d = out->size1;
  gsl_matrix *q = gsl_matrix_alloc (d, d);
  gsl_vector *lambda = gsl_vector_alloc (d);
  random_orthogonal (r, q);
  for (size_t i = 0; i < d; i++)
    {
      double frac = d > 1 ? (double) i / (double) (d - 1) : 0.0;
      gsl_vector_set (lambda, i, scale * pow (cond, frac));
    }
  gsl_ran_shuffle (r, lambda->data, d, sizeof (double));
  /* compute: out = Q diag(lambda) Q^T, then symmetrise exactly */
  for (size_t i = 0; i < d; i++)
    for (size_t j = 0; j <= i; j++)
      {
        double s = 0.0;
        for (size_t k = 0; k < d; k++)
          s += gsl_matrix_get (q, i, k) * gsl_vector_get (lambda, k)
            * gsl_matrix_get (q, j, k);
        gsl_matrix_set (out, i, j, s);
        gsl_matrix_set (out, j, i, s);
      }
  gsl_vector_free (lambda);
  gsl_matrix_free (q);
}

/* The kernel is written with plain loops over the factors' storage: for
   d <= 20 the per-call overhead of CBLAS (dtrmv, dtrsv on vector views)
   dominated the arithmetic -- 2.9 million draws per second in d = 10
   against 5.2 million with these loops (make bench). */
#define KL_MC_MAX_D 256
/* Values are accumulated a block at a time (mc_add_block): Welford's
   division per value was a third of a pair's time in d = 1 (make bench). */
#define KL_MC_BLOCK 1024

void
mvn_kl_mc (const gsl_rng * r, const mvn * p, const mvn * q, size_t pairs,
           mc_acc * acc)
{
  size_t d = p->d;
  if (q->d != d || d > KL_MC_MAX_D)
    die_internal ("mvn_kl_mc: dimension %zu", d);
  double z[KL_MC_MAX_D], y[KL_MC_MAX_D], u[KL_MC_MAX_D], v[KL_MC_MAX_D];
  double c[KL_MC_MAX_D];
  const double *lp = p->chol->data, *lq = q->chol->data;
  size_t tp = p->chol->tda, tq = q->chol->tda;
  for (size_t i = 0; i < d; i++)
    c[i] = gsl_vector_get (p->mu, i) - gsl_vector_get (q->mu, i);
  double half_logdet = 0.5 * (q->logdet - p->logdet);
  double f[KL_MC_BLOCK];
  size_t nf = 0;
  for (size_t k = 0; k < pairs; k++)
    {
      double zz = 0.0, uu = 0.0, vv = 0.0;
      for (size_t i = 0; i < d; i++)
        {
          z[i] = gsl_ran_gaussian_ziggurat (r, 1.0);
          zz += z[i] * z[i];
        }
      /* compute: y = L_p z */
      for (size_t i = 0; i < d; i++)
        {
          double s = 0.0;
          for (size_t j = 0; j <= i; j++)
            s += lp[i * tp + j] * z[j];
          y[i] = s;
        }
      /* compute: u = L_q^{-1} (x+ - mu_q), v = L_q^{-1} (x- - mu_q) */
      for (size_t i = 0; i < d; i++)
        {
          const double *row = lq + i * tq;
          double su = c[i] + y[i], sv = c[i] - y[i];
          for (size_t j = 0; j < i; j++)
            {
              su -= row[j] * u[j];
              sv -= row[j] * v[j];
            }
          u[i] = su / row[i];
          v[i] = sv / row[i];
          uu += u[i] * u[i];
          vv += v[i] * v[i];
        }
      /* log p - log q at x+ and x-, averaged */
      f[nf++] = 0.25 * (uu + vv) - 0.5 * zz + half_logdet;
      if (nf == KL_MC_BLOCK)
        {
          mc_add_block (acc, f, nf);
          nf = 0;
        }
    }
  mc_add_block (acc, f, nf);
}

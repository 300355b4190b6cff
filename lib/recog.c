/* recog.c -- a linear-Gaussian recognition model for the linear-Gaussian
   model with one latent in the plane.  Every formula keeps wake_sleep's
   evaluation order (recog.h says why). */
#include "recog.h"
#include "errors.h"
#include "lingauss.h"
#include "mc.h"

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

recog_phi
recog_posterior (const recog_theta * t)
{
  recog_phi p;
  p.tau2 = 1 / (1 + recog_dot (t->w, t->w) / t->s2);
  for (int j = 0; j < DIM; j++)
    p.a[j] = p.tau2 * t->w[j] / t->s2;
  p.c = -recog_dot (p.a, t->b);
  return p;
}

recog_phi
recog_regression (const recog_theta * t, double *explained)
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

void
recog_wake_gradient (const recog_theta * t, const recog_phi * p, double tau2_w,
                     const recog_data * d, gsl_vector * g)
{
  double gw[DIM] = { 0 }, gb[DIM] = { 0 }, a = 0, n = (double) d->n;
  for (size_t i = 0; i < d->n; i++)
    {
      const double *x = d->x[i];
      double mu = recog_mean (p, x);
      for (int j = 0; j < DIM; j++)
        {
          double r = x[j] - t->b[j] - t->w[j] * mu;
          gw[j] += r * mu - t->w[j] * tau2_w;
          gb[j] += r;
          a += r * r;
        }
    }
  a = (a + n * recog_dot (t->w, t->w) * p->tau2) / n;
  for (int j = 0; j < DIM; j++)
    {
      gsl_vector_set (g, RECOG_W0 + j, gw[j] / (n * t->s2));
      gsl_vector_set (g, RECOG_B0 + j, gb[j] / (n * t->s2));
    }
  gsl_vector_set (g, RECOG_LOGS2, -0.5 * DIM + a / (2 * t->s2));
}

/* q_φ's distance from the exact posterior over x ~ p_θ: with
   δ(x) = (a* - a)·x + (c* - c), E δ² = δaᵀ C δa + (δa·b + δc)². */
typedef struct { recog_phi e; double da[DIM], wda, m, e_d2; } post_gap;

static post_gap
gap_to_posterior (const recog_theta * t, const recog_phi * p)
{
  post_gap g = { recog_posterior (t), {0}, 0, 0, 0 };
  for (int j = 0; j < DIM; j++)
    g.da[j] = g.e.a[j] - p->a[j];
  g.wda = recog_dot (t->w, g.da), g.m = recog_dot (g.da, t->b) + (g.e.c - p->c);
  g.e_d2 = g.wda * g.wda + t->s2 * recog_dot (g.da, g.da) + g.m * g.m;
  return g;
}

double
recog_inclusive_kl (const recog_theta * t, const recog_phi * p)
{
  post_gap g = gap_to_posterior (t, p);
  return 0.5 * (g.e.tau2 / p->tau2 + g.e_d2 / p->tau2 - 1 + log (p->tau2 / g.e.tau2));
}

/* ∂/∂a = -(C δa + (δa·b + δc) b)/τ², ∂/∂c = -(δa·b + δc)/τ²,
   ∂/∂log τ² = ½(1 - (τ*² + E δ²)/τ²), δa = a* - a, δc = c* - c. */
void
recog_inclusive_kl_gradient (const recog_theta * t, const recog_phi * p, gsl_vector * g)
{
  post_gap e = gap_to_posterior (t, p);
  for (int j = 0; j < DIM; j++)
    gsl_vector_set (g, RECOG_A0 + j,
                    -(t->w[j] * e.wda + t->s2 * e.da[j] + e.m * t->b[j]) / p->tau2);
  gsl_vector_set (g, RECOG_C, -e.m / p->tau2);
  gsl_vector_set (g, RECOG_LOGTAU2, 0.5 * (1 - (e.e.tau2 + e.e_d2) / p->tau2));
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
  recog_phi p = recog_phi_from_vector (v);
  recog_inclusive_kl_gradient (params, &p, g);
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

recog_theta
recog_regress_x (const recog_data * d, const double *u, double e2, double er, double denom)
{
  double suu[2][2] = { {0, 0}, {0, 0} }, sxu[DIM][2] = { {0, 0}, {0, 0} };
  for (size_t i = 0; i < d->n; i++)
    {
      suu[0][0] += u[i] * u[i] + e2;
      suu[0][1] += u[i];
      suu[1][1] += 1;
      for (int j = 0; j < DIM; j++)
        sxu[j][0] += d->x[i][j] * u[i], sxu[j][1] += d->x[i][j];
    }
  double det = suu[0][0] * suu[1][1] - suu[0][1] * suu[0][1], a = 0;
  recog_theta t;
  for (int j = 0; j < DIM; j++)
    {
      t.w[j] = (sxu[j][0] * suu[1][1] - sxu[j][1] * suu[0][1]) / det;
      t.b[j] = (sxu[j][1] * suu[0][0] - sxu[j][0] * suu[0][1]) / det;
    }
  for (size_t i = 0; i < d->n; i++)
    for (int j = 0; j < DIM; j++)
      {
        double r = d->x[i][j] - t.b[j] - t.w[j] * u[i];
        a += r * r + t.w[j] * t.w[j] * er;
      }
  t.s2 = a / denom;
  return t;
}

recog_theta
recog_mstep (const recog_data * d, const recog_phi * p, double e2, double denom)
{
  double *mu = xmalloc (d->n * sizeof *mu);
  for (size_t i = 0; i < d->n; i++)
    mu[i] = recog_mean (p, d->x[i]);
  recog_theta t = recog_regress_x (d, mu, e2, p->tau2, denom);
  free (mu);
  return t;
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
  const recog_wake *w = params;
  recog_theta t = recog_theta_from_vector (v);
  recog_wake_gradient (&t, &w->phi, w->tau2_w, w->data, g);
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

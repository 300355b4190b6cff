/* logistic.c -- the logistic function and logistic regression (see
 * logistic.h). */
#include "logistic.h"
#include "matrix.h"
#include "minimize.h"

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <math.h>

double
logistic_log_sigmoid (double eta)
{
  return eta >= 0 ? -log1p (exp (-eta)) : eta - log1p (exp (eta));
}

double
logistic_sigmoid (double eta)
{
  return eta >= 0 ? 1 / (1 + exp (-eta)) : exp (eta) / (1 + exp (eta));
}

void
logistic_features (double x, size_t p, double *phi)
{
  phi[0] = 1.0;
  for (size_t j = 1; j < p; j++)
    phi[j] = j == 1 ? x : phi[j - 1] * x;
}

static double
dot_phi (const gsl_vector * theta, const double *phi)
{
  double eta = 0.0;
  for (size_t j = 0; j < theta->size; j++)
    eta += gsl_vector_get (theta, j) * phi[j];
  return eta;
}

double
logistic_score (const gsl_vector * theta, double x)
{
  double phi[LOGISTIC_MAX_FEATURES];
  logistic_features (x, theta->size, phi);
  return dot_phi (theta, phi);
}

typedef struct
{
  const double *x, *y;
  size_t n;
} labelled;

/* The mean negative log-likelihood: log(1 + e^eta) - y eta. */
static double
mean_nll (const gsl_vector * theta, void *params)
{
  const labelled *s = params;
  double sum = 0.0, phi[LOGISTIC_MAX_FEATURES];
  for (size_t i = 0; i < s->n; i++)
    {
      logistic_features (s->x[i], theta->size, phi);
      double eta = dot_phi (theta, phi);
      sum += -logistic_log_sigmoid (eta) + (1 - s->y[i]) * eta;
    }
  return sum / (double) s->n;
}

static void
mean_nll_grad (const gsl_vector * theta, void *params, gsl_vector * grad)
{
  const labelled *s = params;
  size_t p = theta->size;
  double phi[LOGISTIC_MAX_FEATURES], g[LOGISTIC_MAX_FEATURES] = { 0 };
  for (size_t i = 0; i < s->n; i++)
    {
      logistic_features (s->x[i], p, phi);
      double resid = logistic_sigmoid (dot_phi (theta, phi)) - s->y[i];
      for (size_t j = 0; j < p; j++)
        g[j] += resid * phi[j];
    }
  for (size_t j = 0; j < p; j++)
    gsl_vector_set (grad, j, g[j] / (double) s->n);
}

/* The inverse of the Hessian of the total NLL, sum sigma (1 - sigma)
   phi phi^T. */
static void
covariance (const gsl_vector * theta, const labelled * s, gsl_matrix * cov)
{
  size_t p = theta->size;
  gsl_matrix *hess = gsl_matrix_calloc (p, p);
  double phi[LOGISTIC_MAX_FEATURES];
  for (size_t i = 0; i < s->n; i++)
    {
      logistic_features (s->x[i], p, phi);
      double q = logistic_sigmoid (dot_phi (theta, phi)), w = q * (1 - q);
      for (size_t a = 0; a < p; a++)
        for (size_t b = 0; b < p; b++)
          *gsl_matrix_ptr (hess, a, b) += w * phi[a] * phi[b];
    }
  matrix_inverse (hess, cov);
  gsl_matrix_free (hess);
}

int
logistic_fit_poly (const double *x, const double *y, size_t n, size_t p,
                   logistic_fit * fit)
{
  if (p < 1 || p > LOGISTIC_MAX_FEATURES || n == 0)
    GSL_ERROR ("logistic_fit_poly: bad size", GSL_EINVAL);
  labelled s = { x, y, n };
  gsl_vector *start = gsl_vector_calloc (p);
  minnd_result m = minimize_nd_grad (mean_nll, mean_nll_grad, &s, start,
                                     0.1, 1e-6, 1000);
  gsl_vector_free (start);
  fit->grad_norm = m.size;
  fit->converged = m.converged;
  fit->theta = NULL;
  fit->cov = NULL;
  if (!m.converged)
    {
      minimize_result_free (&m);
      return GSL_EMAXITER;
    }
  fit->theta = m.x;
  fit->cov = gsl_matrix_alloc (p, p);
  gsl_vector *grad = gsl_vector_alloc (p), *step = gsl_vector_alloc (p);
  for (int it = 0; it < 4; it++)
    {
      covariance (fit->theta, &s, fit->cov);
      mean_nll_grad (fit->theta, &s, grad);
      gsl_vector_scale (grad, (double) n);
      gsl_blas_dgemv (CblasNoTrans, 1.0, fit->cov, grad, 0.0, step);
      gsl_vector_sub (fit->theta, step);
      fit->newton_step = gsl_blas_dnrm2 (step);
    }
  covariance (fit->theta, &s, fit->cov);
  gsl_vector_free (grad);
  gsl_vector_free (step);
  return GSL_SUCCESS;
}

void
logistic_fit_free (logistic_fit * fit)
{
  gsl_vector_free (fit->theta);
  gsl_matrix_free (fit->cov);
  fit->theta = NULL;
  fit->cov = NULL;
}

double
logistic_score_se (const logistic_fit * fit, double x)
{
  double phi[LOGISTIC_MAX_FEATURES];
  logistic_features (x, fit->theta->size, phi);
  gsl_vector_view v = gsl_vector_view_array (phi, fit->theta->size);
  return sqrt (matrix_quadratic (&v.vector, fit->cov));
}

double
logistic_log_sigmoid_neg (double t)
{
  return logistic_log_sigmoid (-t);
}

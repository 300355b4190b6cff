/* logistic.h -- the logistic function and logistic regression.
 *
 * sigma(eta) = 1 / (1 + e^-eta) and its log, without overflow at any eta.
 *
 * Logistic regression of binary labels y_i on polynomial features
 * phi(x) = [1, x, ..., x^(p-1)]: theta maximises the log-likelihood
 * sum_i y_i log sigma(theta.phi_i) + (1 - y_i) log sigma(-theta.phi_i).
 * BFGS (lib/minimize) on the mean negative log-likelihood, then Newton
 * steps theta -= H^-1 grad on the total: BFGS stalls near |grad| ~ 1e-7
 * (line searches on a sum of 1e4 terms), Newton finishes quadratically,
 * and the last step taken bounds the error of the iterate before it.  The
 * covariance is the inverse Hessian sum_i sigma (1 - sigma) phi phi^T at
 * the end, the asymptotic covariance of theta (Bishop PRML 4.3.3).
 * Separable labels have no maximum: the fit then stops where the gradient
 * vanishes far out, and the covariance is huge (tests/test_logistic.c). */
#ifndef HARNESS_LOGISTIC_H
#define HARNESS_LOGISTIC_H

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

/* log sigma(eta) = -log(1 + e^-eta), and sigma(eta). */
double logistic_log_sigmoid (double eta);
double logistic_sigmoid (double eta);

#define LOGISTIC_MAX_FEATURES 8

/* phi(x) = [1, x, ..., x^(p-1)] into PHI[0..p-1], and theta.phi(x). */
void logistic_features (double x, size_t p, double *phi);
double logistic_score (const gsl_vector * theta, double x);

typedef struct
{
  gsl_vector *theta;    /* the maximum-likelihood coefficients */
  gsl_matrix *cov;      /* the inverse Hessian of the total NLL */
  double newton_step;   /* |H^-1 grad| of the last Newton step */
  double grad_norm;     /* BFGS's |grad| when it stopped */
  int converged;        /* BFGS reached |grad| < 1e-6 */
} logistic_fit;

/* Fit P <= LOGISTIC_MAX_FEATURES coefficients to the N pairs (X[i], Y[i]),
   Y[i] in {0, 1}.  Returns 0, or GSL_EMAXITER when BFGS did not converge
   (then FIT holds no allocations; FIT->grad_norm says how far it got). */
int logistic_fit_poly (const double *x, const double *y, size_t n, size_t p,
                       logistic_fit * fit);
void logistic_fit_free (logistic_fit * fit);

/* The standard error of theta.phi(x) under FIT's covariance,
   sqrt(phi^T cov phi): theta.phi is linear in theta. */
double logistic_score_se (const logistic_fit * fit, double x);

/* log(1 - sigma(t)) = log sigma(-t): the link of log(1 - D) for a discriminator D = sigma(t)
   (a GAN objective's second term), without overflow at any t. */
double logistic_log_sigmoid_neg (double t);

#endif

/* ratio_fit_check.c -- a fitted density ratio against its normals (see ratio_fit_check.h). */
#include "ratio_fit_check.h"
#include "normal.h"

#include <float.h>
#include <math.h>

void
ratio_fit_check_theta (harness * h, const char *id, const ratio_fit * fit,
                       const normal_pair * g, double truth[RATIO_FIT_FEATURES])
{
  normal_log_ratio_coefficients (g->mb, g->sb, g->ma, g->sa, truth);
  for (int j = 0; j < RATIO_FIT_FEATURES; j++)
    check_point (h, id, ratio_fit_theta (fit, j),
                 est_exact (truth[j], 8 * DBL_EPSILON * (1 + fabs (truth[j]))));
}

void
ratio_fit_check_theta_close (harness * h, const char *id, const ratio_fit * fit,
                             const normal_pair * g)
{
  double truth[RATIO_FIT_FEATURES];
  const gsl_vector *theta = fit->lf.theta;
  ratio_fit_check_theta (h, id, fit, g, truth);
  check_close (h, id, "θ = (%.4f, %.4f, %.4f) against (%.4f, %.4f, %.4f); %zu draws of P1,"
               " %zu of P0; BFGS then Newton, last step %.2g", gsl_vector_get (theta, 0),
               gsl_vector_get (theta, 1), gsl_vector_get (theta, 2), truth[0], truth[1],
               truth[2], fit->n1, fit->n0, fit->lf.newton_step);
}

ratio_fit_grid_check
ratio_fit_check_grid (harness * h, const char *id, const ratio_fit_point * at, size_t n,
                      size_t step, double center, double halfwidth)
{
  ratio_fit_grid_check c = { 0, 0.0, 0.0 };
  for (size_t i = 0; i < n; i += step)
    if (fabs (at[i].x - center) <= halfwidth)
      {
        double lf1 = at[i].log_f1, rel = fabs (expm1 (at[i].log_f1_hat - lf1));
        c.n++;
        check_point (h, id, est_mc (at[i].log_f1_hat, at[i].se),
                     est_exact (lf1, 4 * DBL_EPSILON * (1 + fabs (lf1))));
        if (rel > c.worst_rel)
          {
            c.worst_rel = rel;
            c.worst_se = at[i].se;
          }
      }
  return c;
}

typedef struct
{
  const ratio_fit *fit;
  double m0, s0;
  int without_odds;
} f1_hat;

/* f0 D/(1 - D) = exp(log f0 + log σ(η) - log σ(-η)), η = θ·φ(x); 0 beyond the far tail */
static double
f1_hat_at (double x, void *params)
{
  const f1_hat *e = params;
  if (normal_pair_far_tail (x))
    return 0.0;
  double eta = logistic_score (e->fit->lf.theta, x);
  double log_f0_d = normal_log_pdf (x, e->m0, e->s0) + logistic_log_sigmoid (eta);
  return e->without_odds ? exp (log_f0_d) : exp (log_f0_d - logistic_log_sigmoid (-eta));
}

double
ratio_fit_check_mass (const ratio_fit * fit, double m0, double s0, int without_odds,
                      double *abserr, double *se)
{
  f1_hat e = { fit, m0, s0, without_odds };
  return ratio_fit_normaliser (fit, m0, s0, f1_hat_at, &e, abserr, se);
}

/* The integral diverges when the fitted x² coefficient reaches 1/(2 s0²): then no standard
   error describes it, and the check fails on +inf with the coefficient that caused it. */
void
ratio_fit_check_normalised (harness * h, const char *id, const ratio_fit * fit,
                            const normal_pair * g, int without_odds)
{
  double abserr, se, total = ratio_fit_check_mass (fit, g->ma, g->sa, without_odds, &abserr,
                                                   &se);
  if (isinf (total))
    check_compare (h, id, est_mc (INFINITY, 0), est_exact (1.0, 0.0),
                   "the estimate is not integrable: fitted x² coefficient %.3g",
                   gsl_vector_get (fit->lf.theta, 2));
  else
    check_compare (h, id, est_mc (total, se), est_exact (1.0, 0.0),
                   "quadrature error ±%.2g (negligible), delta-method standard error %.3g",
                   abserr, se);
}

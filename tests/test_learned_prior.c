/* test_learned_prior.c -- lib/learned_prior: the model under a learned
   prior r_λ against a hand-worked case and closed forms written here
   (the marginal N(X; w λ1 + b, w² λ2 + ψ), KL of two normals by hand):
   Bayes' rule at several z, both quadrature integrals within their stated
   bounds, Jensen's gap E_q[log p r/q] = log p(X) - KL(q || p(z|X)) by
   GSL's QAGI, the map z = m + s e.  Negative controls: r_λ replaced by
   N(0, 1) and the prior's sd in place of the posterior's are caught. */
#include "learned_prior.h"
#include "tap.h"

#include <gsl/gsl_integration.h>
#include <math.h>
#include <string.h>

/* The marginal by hand: X ~ N(w λ1 + b, w² λ2 + ψ) */
static double
log_marginal (const learned_prior * a)
{
  double v = a->w * a->w * a->l2 + a->psi, r = a->x - a->b - a->w * a->l1;
  return -0.5 * r * r / v - 0.5 * log (2 * M_PI * v);
}

/* KL(N(m1, s1²) || N(m2, s2²)) by hand */
static double
kl_by_hand (double m1, double s1, double m2, double s2)
{
  return log (s2 / s1) + (s1 * s1 + (m1 - m2) * (m1 - m2)) / (2 * s2 * s2) - 0.5;
}

static double
q_times_log_ratio (double z, void *a)
{
  return exp (learned_prior_log_q (a, z)) * learned_prior_log_ratio (a, z);
}

/* E_q[log p r / q] by GSL's QAGI over the whole line */
static double
jensen_mean (const learned_prior * a)
{
  gsl_integration_workspace *ws = gsl_integration_workspace_alloc (200);
  gsl_function f = { q_times_log_ratio, (void *) a };
  double v, err;
  gsl_integration_qagi (&f, 1e-12, 1e-12, 200, ws, &v, &err);
  gsl_integration_workspace_free (ws);
  return v;
}

/* log p(X|z) + log r(z) - log N(z; MEAN, SD²) at Z: log p(X) for the
   posterior N(MEAN, SD²), Bayes' rule */
static double
bayes (const learned_prior * a, double z, double mean, double sd)
{
  return learned_prior_log_lik (a, z) + learned_prior_log_r (a, z)
    - (-0.5 * (z - mean) * (z - mean) / (sd * sd) - log (sd * sqrt (2 * M_PI)));
}

static void
hand_worked (void)
{
  /* w = 1, b = 0, ψ = 1, X = 1, r = N(0, 1): X ~ N(0, 2), the posterior
     N(1/2, 1/2) */
  learned_prior a = { 1, 0, 1, 1, 0, 1, 0.3, 0.8 };
  double mean, sd;
  learned_prior_posterior (&a, &mean, &sd);
  tap_close (mean, 0.5, 1e-15, "hand-worked: posterior mean 1/2");
  tap_close (sd, sqrt (0.5), 1e-15, "hand-worked: posterior sd 1/√2");
  tap_close (learned_prior_log_evidence (&a).value, -0.25 - 0.5 * log (4 * M_PI), 1e-15,
             "hand-worked: log p(X) = log N(1; 0, 2)");
  tap_close (learned_prior_kl_post (&a), kl_by_hand (0.3, 0.8, 0.5, sqrt (0.5)), 1e-14,
             "hand-worked: KL(q || N(1/2, 1/2))");
  double z[1], e = 1.5;
  point p = {.n = 8 };
  memcpy (p.v, &a, sizeof a);
  learned_prior_map_q (&p, NULL, &e, z);
  tap_close (z[0], 0.3 + 0.8 * 1.5, 1e-15, "map: z = m + s e at e = 1.5");
}

static void
against_closed_forms (const learned_prior * a, int k)
{
  double truth = log_marginal (a), mean, sd;
  estimate ev = learned_prior_log_evidence (a);
  tap_close (ev.value, truth, ev.err + 1e-13, "point %d: log p(X) closed form", k);
  learned_prior_posterior (a, &mean, &sd);
  static const double zs[] = { -2.5, -0.4, 0, 1.3, 3.1 };
  for (int i = 0; i < 5; i++)
    tap_close (bayes (a, zs[i], mean, sd), truth, 1e-12,
               "point %d: Bayes' rule at z = %g", k, zs[i]);
  estimate r = learned_prior_log_mean_r (a), q = learned_prior_log_mean_q (a);
  tap_ok (r.err < 1e-8 && q.err < 1e-8, "point %d: the integrals resolved (%.2g, %.2g)",
          k, r.err, q.err);
  tap_close (r.value, truth, r.err + 1e-13, "point %d: log E_r[p(X|z)] = log p(X)", k);
  tap_close (q.value, truth, q.err + 1e-13, "point %d: log E_q[p r/q] = log p(X)", k);
  double gap = truth - kl_by_hand (a->m, a->s, mean, sd);
  tap_close (jensen_mean (a), gap, 1e-9, "point %d: E_q[log p r/q] = log p(X) - KL", k);
  tap_ok (jensen_mean (a) <= truth, "point %d: Jensen, E_q[log p r/q] <= log p(X)", k);

  /* negative controls: r_λ taken as N(0, 1), the prior's sd for the
     posterior's; each misses log p(X) by far more than its bound */
  learned_prior wrong = *a;
  wrong.l1 = 0, wrong.l2 = 1;
  estimate w = learned_prior_log_mean_r (&wrong);
  tap_ok (fabs (w.value - truth) > 100 * (w.err + 1e-13),
          "point %d: negative control, r = N(0, 1) caught (off by %.3g)", k, w.value - truth);
  tap_ok (fabs (bayes (a, 1.3, mean, sqrt (a->l2)) - truth) > 1e-3,
          "point %d: negative control, the prior's sd in Bayes' rule caught", k);
}

int
main (void)
{
  hand_worked ();
  static const learned_prior points[] = {
    {0.5, -1, 0.2, -3, -1, 0.2, -2, 0.2},
    {1.3, 0.4, 1.1, 0.7, 0.6, 2.5, 0.9, 1.4},
    {2, 1, 2, 3, 1, 3, 2, 2},
    {0.8, -0.3, 0.5, 1.9, -0.7, 0.9, -1.2, 0.6},
  };
  for (int k = 0; k < 4; k++)
    against_closed_forms (&points[k], k);
  return tap_done ();
}

/* test_lingauss2_draw.c -- lib/lingauss2_draw: the densities at a draw
   against lib/lingauss2's rnd closed forms and a hand-written q: log p(x|z)
   + log p(z) = lingauss2_log_joint where √ψ is exact, Bayes' rule
   log p(x|z) + log p(z) - log p(z|x) = log p(x) for any ψ at several z,
   log q by hand, and the map z = m + s e.  Negative controls: ψ taken as
   the standard deviation (the slip of elbo_gap's mutant q21_l1_var) breaks
   Bayes' rule, and q's two standard deviations swapped miss log q. */
#include "lingauss2_draw.h"
#include "tap.h"

#include <math.h>

static double
log_prior (const double *z)
{
  return -0.5 * (z[0] * z[0] + z[1] * z[1]) - log (2 * M_PI);
}

/* log q by hand: Σ_j -½ ((z_j - m_j)/s_j)² - log s_j - ½ log 2π */
static double
log_q_by_hand (const lingauss2 * g, const double *z)
{
  double v = -log (2 * M_PI);
  for (int j = 0; j < 2; j++)
    v += -0.5 * pow ((z[j] - g->m[j]) / g->s[j], 2) - log (g->s[j]);
  return v;
}

/* log p(x|z) + log p(z) - log p(z|x) - log p(x), 0 by Bayes' rule */
static double
bayes_residual (const lingauss2 * g, double log_lik, const double *z)
{
  return log_lik + log_prior (z) - lingauss2_log_posterior (g, z[0], z[1]).value
    - lingauss2_log_evidence (g).value;
}

static void
check_model (const lingauss2 * g, const char *name)
{
  static const double zs[][2] = { {0, 0}, {-1.5, 0.7}, {2.2, -2.9}, {0.3, 1.8} };
  double worst = 0, worst_q = 0, worst_var = 0;
  for (int i = 0; i < 4; i++)
    {
      const double *z = zs[i];
      worst = fmax (worst, fabs (bayes_residual (g, lingauss2_draw_log_lik (g, z), z)));
      worst_q = fmax (worst_q, fabs (lingauss2_draw_log_q (g, z) - log_q_by_hand (g, z)));
      /* negative control: ψ as the standard deviation */
      double mean = g->theta[0] * z[0] + g->theta[1] * z[1] + g->b;
      double slip = -0.5 * pow ((g->x - mean) / g->psi, 2) - log (g->psi * sqrt (2 * M_PI));
      worst_var = fmax (worst_var, fabs (bayes_residual (g, slip, z)));
    }
  tap_ok (worst < 1e-12, "%s: log p(x|z) + log p(z) - log p(z|x) = log p(x) (worst %.3g)",
          name, worst);
  tap_ok (worst_q < 1e-13, "%s: log q(z) = the hand-written density (worst %.3g)", name, worst_q);
  tap_ok (worst_var > 1e-3, "%s: negative control, ψ as the sd breaks Bayes' rule (%.3g)",
          name, worst_var);
  lingauss2 swapped = *g;
  swapped.s[0] = g->s[1], swapped.s[1] = g->s[0];
  tap_ok (fabs (lingauss2_draw_log_q (&swapped, zs[1]) - log_q_by_hand (g, zs[1])) > 1e-3,
          "%s: negative control, q's sds swapped miss log q", name);
}

int
main (void)
{
  check_model (&(lingauss2) { {1.2, 0.7}, -1.3, {0.2, -0.9}, {0.6, 1.1}, 0.4, 0.5 }, "b, ψ");
  check_model (&(lingauss2) { {1.9, 1.6}, 2.9, {-1.5, 1.8}, {0.25, 0.3}, -0.8, 0.2 },
               "b, ψ, correlated");
  /* √ψ exact (ψ = 0.25, 4): the joint against lingauss2's rnd route */
  static const double psis[] = { 0.25, 4 };
  for (int k = 0; k < 2; k++)
    {
      lingauss2 g = { {0.8, -1.1}, 1.7, {0.5, 0.1}, {0.9, 0.4}, 0.3, psis[k] };
      double z[2] = { -0.6, 1.4 };
      rnd joint = lingauss2_log_joint (&g, z[0], z[1]);
      tap_close (lingauss2_draw_log_lik (&g, z) + log_prior (z), joint.value,
                 rnd_bound (joint) + 1e-14, "ψ = %g: log p(x|z) + log p(z) = lingauss2_log_joint",
                 psis[k]);
    }
  /* the map: z_j = m_j + s_j e_j of the prepared q */
  lingauss2 g = { {1, 1}, 0, {0.5, -2}, {0.3, 1.5}, 0, 1 };
  double e[2] = { 2, -1 }, z[2];
  lingauss2_draw_map_q (NULL, &g, e, z);
  tap_ok (z[0] == 0.5 + 0.3 * 2 && z[1] == -2 - 1.5, "map: z = (%g, %g) = m + s e", z[0], z[1]);
  return tap_done ();
}

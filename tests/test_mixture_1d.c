/* test_mixture_1d.c -- lib/mixture_1d: a 1-D mixture at one observation.
 *
 * Hand-worked: at x = 0 the mixture ½ N(-1, 1) + ½ N(1, 1) has posterior
 * (½, ½) by symmetry and log p(0) = log φ(1) = -½ - ½ log 2π; at x = 1
 * with weights (0.3, 0.7) the posterior of the first component is
 * 0.3 e^{-2} / (0.3 e^{-2} + 0.7) (the densities' ratio e^{-2}).  Against a
 * different implementation, lib/gmm on the same mixture (gmm_log_pdf_1d,
 * gmm_responsibilities) at 41 points of [-6, 6] for three components; and
 * the two routes of the module agree: log_sum_exp of the joint is log p(x),
 * exp (joint - log p(x)) the posterior.
 * Negative control: the variances passed where the module wants standard
 * deviations give a log p(x) that the comparison with lib/gmm rejects. */
#include "gmm.h"
#include "logsumexp.h"
#include "mixture_1d.h"
#include "tap.h"

#include <math.h>

int
main (void)
{
  static const double wh[] = { 0.5, 0.5 }, muh[] = { -1, 1 }, sdh[] = { 1, 1 };
  double post[3], lj[3];
  double lp = mixture_1d_posterior (0, 2, wh, muh, sdh, post);
  tap_close (lp, -0.5 - 0.5 * log (2 * M_PI), 1e-15, "log p(0) = log φ(1) by hand");
  tap_ok (post[0] == 0.5 && post[1] == 0.5, "posterior (½, ½) at the symmetric point");
  static const double wa[] = { 0.3, 0.7 };
  mixture_1d_posterior (1, 2, wa, muh, sdh, post);
  double p1 = 0.3 * exp (-2) / (0.3 * exp (-2) + 0.7);
  tap_close (post[0], p1, 1e-15, "p(z = 1 | x = 1) = 0.3 e^-2 / (0.3 e^-2 + 0.7) by hand");

  static const double w[] = { 0.5, 0.3, 0.2 }, mu[] = { -3, 0.5, 4 }, sd[] = { 1.5, 0.5, 0.7 };
  static const double var[] = { 2.25, 0.25, 0.49 };
  gmm *g = gmm_alloc_1d (3, w, mu, sd);
  gsl_vector *xv = gsl_vector_alloc (1);
  double worst_lp = 0, worst_post = 0, worst_routes = 0, worst_wrong = 0;
  for (int i = 0; i <= 40; i++)
    {
      double x = -6 + 12.0 * i / 40, r[3], wrong[3];
      lp = mixture_1d_posterior (x, 3, w, mu, sd, post);
      mixture_1d_log_joint (x, 3, w, mu, sd, lj);
      gsl_vector_set (xv, 0, x);
      gmm_responsibilities (g, xv, r);
      double lse = log_sum_exp (lj, 3);
      worst_lp = fmax (worst_lp, fabs (lp - gmm_log_pdf_1d (g, x)) / (1 + fabs (lp)));
      worst_routes = fmax (worst_routes, fabs (lp - lse) / (1 + fabs (lp)));
      for (int z = 0; z < 3; z++)
        {
          worst_post = fmax (worst_post, fabs (post[z] - r[z]));
          worst_routes = fmax (worst_routes, fabs (post[z] - exp (lj[z] - lse)));
        }
      double lw = mixture_1d_posterior (x, 3, w, mu, var, wrong);
      worst_wrong = fmax (worst_wrong, fabs (lw - gmm_log_pdf_1d (g, x)) / (1 + fabs (lp)));
    }
  tap_ok (worst_lp < 1e-13, "log p(x) = lib/gmm's at 41 points (worst relative %.2g)", worst_lp);
  tap_ok (worst_post < 1e-13, "p(z|x) = lib/gmm's responsibilities (worst %.2g)", worst_post);
  tap_ok (worst_routes < 1e-13, "log_sum_exp (joint) = log p(x), exp (joint - log p(x)) = p(z|x)"
          " (worst %.2g)", worst_routes);
  tap_ok (worst_wrong > 1e-3, "negative control: variances for standard deviations fail the"
          " comparison with lib/gmm (worst relative %.2g)", worst_wrong);
  gsl_vector_free (xv);
  gmm_free (g);
  return tap_done ();
}

/* test_em_variant.c -- lib/em_variant: the M-step and its three variants.
 *
 * Against a hand-worked M-step: four 1-D points 0, 1, 2, 5 with
 * responsibilities (1, 1, ½, 0) and (0, 0, ½, 1) give N = (2.5, 1.5), so
 * w = (0.625, 0.375), μ = (0.8, 4), σ² = (1.4 / 2.5, 3 / 1.5) = (0.56, 2)
 * (Bishop 9.24-9.26 by hand); from μ^t = (0, 3), ω = 2.5 gives μ = (2, 5.5)
 * and λ = 0.1 gives w = (0.6125, 0.3875).  Four 2-D points (0, 0), (2, 2),
 * (1, 0), (1, 2) in one component give Σ = [[½, ½], [½, 1]], diagonal
 * [[½, 0], [0, 1]].  Against a different algorithm (em_variant_argmax): the
 * hand-worked θ, and on 300 draws the closed-form θ, is argmax_θ F(θ, q)
 * as BFGS finds it, every coordinate within BFGS's tolerance and the
 * M-step's rounding; likewise after three EM iterations on a data set
 * drawn by seed (em_variant_argmax_drawn).
 * Negative controls: each variant's θ has a lower F(θ, q) than the closed
 * form's, and the over-relaxed one is far from BFGS's argmax: the
 * comparison that passes the M-step catches it; another seed's M-step
 * misses a data set's argmax. */
#include "em_variant.h"
#include "rng.h"
#include "tap.h"

#include <gsl/gsl_errno.h>

#define MU(g, j) gsl_vector_get ((g)->comp[j]->mu, 0)
#define VAR(g, j) gsl_matrix_get ((g)->comp[j]->sigma, 0, 0)

/* The four points of the hand-worked 1-D step, G at μ^t = (0, 3), then V. */
static gmm *
hand_step (const em_variant * v)
{
  static const double xs[] = { 0, 1, 2, 5 }, qs[] = { 1, 0, 1, 0, 0.5, 0.5, 0, 1 };
  static const double w0[] = { 1, 1 }, mu0[] = { 0, 3 }, var0[] = { 1, 1 };
  gsl_matrix_const_view x = gsl_matrix_const_view_array (xs, 4, 1);
  gsl_matrix_const_view q = gsl_matrix_const_view_array (qs, 4, 2);
  gmm *g = gmm_alloc_from (2, 1, w0, mu0, var0, 1.0);
  if (em_variant_m_step (g, &x.matrix, &q.matrix, v) != GSL_SUCCESS)
    tap_ok (0, "the hand-worked M-step broke down");
  return g;
}

/* θ = (log w1/w2, μ1, log σ1, μ2, log σ2) of the hand-worked step, with
   the start's θ as BFGS's starting point. */
static void
test_hand_theta (void)
{
  static const double xs[] = { 0, 1, 2, 5 }, qs[] = { 1, 0, 1, 0, 0.5, 0.5, 0, 1 };
  static const double w0[] = { 1, 1 }, mu0[] = { 0, 3 }, var0[] = { 1, 1 };
  const double want[5] = { log (0.625 / 0.375), 0.8, 0.5 * log (0.56), 4, 0.5 * log (2) };
  gsl_matrix_const_view x = gsl_matrix_const_view_array (xs, 4, 1);
  gsl_matrix_const_view q = gsl_matrix_const_view_array (qs, 4, 2);
  gmm *g = gmm_alloc_from (2, 1, w0, mu0, var0, 1.0), *after = hand_step (&EM_VARIANT_NONE);
  estimate closed[5], opt[5];
  em_variant_argmax (g, after, &x.matrix, &q.matrix, closed, opt);
  int hand = 1, bfgs = 1;
  for (int i = 0; i < 5; i++)
    {
      hand &= fabs (closed[i].value - want[i]) <= 1e-14
        && closed[i].err > 0 && closed[i].err < 1e-12;
      bfgs &= fabs (opt[i].value - want[i]) <= opt[i].err + closed[i].err && opt[i].err < 1e-4;
    }
  tap_ok (hand, "em_variant_argmax: the closed θ is (log 5/3, 0.8, ½ log 0.56, 4, ½ log 2)"
          " within its bound");
  tap_ok (bfgs, "em_variant_argmax: BFGS's argmax within its tolerance of the hand-worked θ");
  gmm_free (after), gmm_free (g);
}

static void
test_hand_worked (void)
{
  const double e = 1e-14;
  gmm *g = hand_step (&EM_VARIANT_NONE);
  tap_ok (fabs (g->weights[0] - 0.625) <= e && fabs (g->weights[1] - 0.375) <= e,
          "M-step weights N_j / n = (0.625, 0.375): (%.17g, %.17g)", g->weights[0], g->weights[1]);
  tap_ok (fabs (MU (g, 0) - 0.8) <= e && fabs (MU (g, 1) - 4) <= e, "M-step means (0.8, 4)");
  tap_ok (fabs (VAR (g, 0) - 0.56) <= e && fabs (VAR (g, 1) - 2) <= e,
          "M-step variances (0.56, 2)");
  gmm_free (g);
  g = hand_step (&(em_variant) { 0.0, 2.5, 0 });
  tap_ok (fabs (MU (g, 0) - 2) <= e && fabs (MU (g, 1) - 5.5) <= e && fabs (VAR (g, 0) - 0.56) <= e
          && fabs (g->weights[0] - 0.625) <= e,
          "ω = 2.5: means μ^t + 2.5 (μ - μ^t) = (2, 5.5), the rest as before");
  gmm_free (g);
  g = hand_step (&(em_variant) { 0.1, 1.0, 0 });
  tap_ok (fabs (g->weights[0] - 0.6125) <= e && fabs (g->weights[1] - 0.3875) <= e
          && fabs (MU (g, 1) - 4) <= e, "λ = 0.1: weights 0.9 w + 0.05 = (0.6125, 0.3875)");
  gmm_free (g);

  static const double xs[] = { 0, 0, 2, 2, 1, 0, 1, 2 }, qs[] = { 1, 1, 1, 1 };
  static const double w0[] = { 1 }, mu0[] = { 0, 0 }, s0[] = { 1, 0, 0, 1 };
  gsl_matrix_const_view x = gsl_matrix_const_view_array (xs, 4, 2);
  gsl_matrix_const_view q = gsl_matrix_const_view_array (qs, 4, 1);
  gmm *full = gmm_alloc_from (1, 2, w0, mu0, s0, 1.0);
  gmm *diag = gmm_alloc_from (1, 2, w0, mu0, s0, 1.0);
  int st = em_variant_m_step (full, &x.matrix, &q.matrix, &EM_VARIANT_NONE);
  st |= em_variant_m_step (diag, &x.matrix, &q.matrix, &(em_variant) { 0.0, 1.0, 1 });
  const gsl_matrix *sf = full->comp[0]->sigma, *sd = diag->comp[0]->sigma;
  tap_ok (st == GSL_SUCCESS && fabs (gsl_matrix_get (sf, 0, 0) - 0.5) <= e
          && fabs (gsl_matrix_get (sf, 0, 1) - 0.5) <= e
          && fabs (gsl_matrix_get (sf, 1, 1) - 1) <= e,
          "2-D M-step covariance [[½, ½], [½, 1]]");
  tap_ok (gsl_matrix_get (sd, 0, 1) == 0 && gsl_matrix_get (sd, 1, 0) == 0
          && gsl_matrix_get (sd, 0, 0) == gsl_matrix_get (sf, 0, 0)
          && gsl_matrix_get (sd, 1, 1) == gsl_matrix_get (sf, 1, 1), "diagonal: [[½, 0], [0, 1]]");
  gmm_free (full), gmm_free (diag);
}

/* G's M-step by V from the E-step at G, against BFGS's argmax_θ F(θ, q)
   (em_variant_argmax): the largest |closed - BFGS| over θ's coordinates in
   units of tolerance plus rounding; *DF = F(θ_V, q) - F(θ_closed, q), *DFB
   its bound. */
static double
against_bfgs (const gmm * g, const gsl_matrix * x, const em_variant * v, double *df, double *dfb)
{
  size_t np = gmm_theta_size (g->k, g->d);
  estimate closed[np], opt[np];
  gsl_matrix *q = gsl_matrix_alloc (x->size1, g->k);
  gmm *c = gmm_alloc (g->k, g->d), *e = gmm_alloc (g->k, g->d);
  gmm_e_step (g, x, q);
  gmm_memcpy (c, g), gmm_memcpy (e, g);
  if (em_variant_m_step (c, x, q, v) != GSL_SUCCESS || gmm_m_step (e, x, q, 0.0) != GSL_SUCCESS)
    tap_ok (0, "an M-step broke down on the draws");
  em_variant_argmax (g, c, x, q, closed, opt);
  double worst = 0;
  for (size_t i = 0; i < np; i++)
    worst = fmax (worst, fabs (closed[i].value - opt[i].value) / (closed[i].err + opt[i].err));
  double bc, be;
  *df = gmm_free_energy (c, x, q, &bc) - gmm_free_energy (e, x, q, &be), *dfb = bc + be;
  gmm_free (e), gmm_free (c);
  gsl_matrix_free (q);
  return worst;
}

static void
test_argmax (void)
{
  static const double w[] = { 0.6, 0.4 }, mu[] = { -2, 1.5 }, var[] = { 0.5, 1.0 };
  static const double w0[] = { 1, 1 }, mu0[] = { -0.5, 0.5 }, var0[] = { 4, 4 };
  static const double w2[] = { 0.5, 0.5 }, mu2[] = { -1.5, 0, 1.5, 0.5 };
  static const double s2[] = { 1, 0.7, 0.7, 1, 0.8, -0.3, -0.3, 0.6 };
  static const double s20[] = { 2, 0, 0, 2, 2, 0, 0, 2 };
  gsl_rng *r = rng_new (4242);
  gmm *truth = gmm_alloc_from (2, 1, w, mu, var, 1.0);
  gmm *start = gmm_alloc_from (2, 1, w0, mu0, var0, 1.0);
  gmm *truth2 = gmm_alloc_from (2, 2, w2, mu2, s2, 1.0);
  gmm *start2 = gmm_alloc_from (2, 2, w0, mu2, s20, 0.5);   /* means halved */
  gsl_matrix *x = gmm_sample_n (r, truth, 300), *x2 = gmm_sample_n (r, truth2, 300);
  double df, dfb, far = against_bfgs (start, x, &EM_VARIANT_NONE, &df, &dfb);
  tap_ok (far <= 1 && fabs (df) <= dfb, "1-D: the M-step is BFGS's argmax_θ F(θ, q) (worst %.3g of"
          " tolerance), F as gmm_m_step's within rounding", far);
  far = against_bfgs (start2, x2, &EM_VARIANT_NONE, &df, &dfb);
  tap_ok (far <= 1, "2-D, full covariances: the M-step is BFGS's argmax (worst %.3g of"
          " tolerance)", far);
  static const struct { const char *what; em_variant v; int two_d; } BAD[] = {
    {"λ = 0.1", {0.1, 1.0, 0}, 0}, {"ω = 2.5", {0.0, 2.5, 0}, 0}, {"diagonal", {0.0, 1.0, 1}, 1} };
  for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++)
    {
      const gmm *g = BAD[i].two_d ? start2 : start;
      far = against_bfgs (g, BAD[i].two_d ? x2 : x, &BAD[i].v, &df, &dfb);
      tap_ok (df < -dfb && far > 10, "negative control %s: F(θ, q) lower by %.3g (bound %.2g),"
              " %.3g tolerances from BFGS's argmax", BAD[i].what, -df, dfb, far);
    }
  gsl_matrix_free (x2), gsl_matrix_free (x);
  gmm_free (truth), gmm_free (start), gmm_free (truth2), gmm_free (start2);
  gsl_rng_free (r);
}

/* em_variant_argmax_drawn: on a drawn data set, the closed-form M-step
   after ITERS iterations against BFGS (a different algorithm) coordinate by
   coordinate, AFTER's weights a probability vector, the same seed the same
   data set.  Negative control: the closed form from another seed's data
   set must miss this one's BFGS argmax. */
static void
test_drawn (void)
{
  static const double w[] = { 0.6, 0.4 }, mu[] = { -2, 1.5 }, var[] = { 0.5, 1.0 };
  static const double w0[] = { 1, 1 }, mu0[] = { -0.5, 0.5 }, var0[] = { 4, 4 };
  gmm *truth = gmm_alloc_from (2, 1, w, mu, var, 1.0);
  gmm *start = gmm_alloc_from (2, 1, w0, mu0, var0, 1.0);
  size_t np = gmm_theta_size (2, 1);
  estimate closed[np], opt[np], again[np], again_opt[np], other[np], other_opt[np];
  double wa[2], wb[2], wc[2];
  em_variant_argmax_drawn (truth, start, 300, 77, 3, closed, opt, wa);
  em_variant_argmax_drawn (truth, start, 300, 77, 3, again, again_opt, wb);
  em_variant_argmax_drawn (truth, start, 300, 78, 3, other, other_opt, wc);
  double worst = 0, worst_other = 0;
  int same = wa[0] == wb[0] && wa[1] == wb[1];
  for (size_t i = 0; i < np; i++)
    {
      double tol = closed[i].err + opt[i].err;
      worst = fmax (worst, fabs (closed[i].value - opt[i].value) / tol);
      worst_other = fmax (worst_other, fabs (other[i].value - opt[i].value) / tol);
      same &= again[i].value == closed[i].value && again_opt[i].value == opt[i].value;
    }
  tap_ok (worst <= 1, "drawn data set: the M-step after 3 iterations is BFGS's argmax (worst %.3g"
          " of tolerance)", worst);
  tap_ok (wa[0] > 0 && wa[1] > 0 && fabs (wa[0] + wa[1] - 1) < 1e-12,
          "drawn data set: the M-step's weights %.6g, %.6g sum to 1", wa[0], wa[1]);
  tap_ok (same, "drawn data set: the same seed, the same M-step and argmax");
  tap_ok (worst_other > 10, "negative control: another seed's M-step %.3g tolerances from this"
          " argmax", worst_other);
  gmm_free (truth), gmm_free (start);
}

int
main (void)
{
  test_hand_worked ();
  test_hand_theta ();
  test_argmax ();
  test_drawn ();
  return tap_done ();
}

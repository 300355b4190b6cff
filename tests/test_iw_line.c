/* test_iw_line.c -- the importance-weighted seed lines' quantities at a
 * point, against references by hand: a draw of K + 1 = 3 weights written
 * out as products of Gaussian densities (not lib/iw_gauss's summed
 * normalisers), its three 2-subsets listed one by one for the subset mean,
 * the log-subset mean and the leave-one-out term, the first K log weights
 * for their mean and maximum; the integrands against the densities by
 * hand, and their integrals against p(x) = N(x; 0, a² + s²) and the ELBO
 * log p(x) - KL(q || p(z|x)) of two normals; the weights as a seed writes
 * them, at q = the posterior, against log p(x), and otherwise by hand.
 * Negative controls: the subset mean over K + 1, a leave-one-out term over
 * all weights, a maximum over all K + 1 weights, the naive product q (p/q)
 * in the far tail, weights without log q's -1/2 log vq, and written
 * weights under q without the prior's precision, each shown to miss its
 * reference. */
#include "iw_line.h"
#include "logsumexp.h"
#include "tap.h"

#include <float.h>
#include <math.h>

/* N(y; mean, var), written out */
static double
npdf (double y, double mean, double var)
{
  return exp (-(y - mean) * (y - mean) / (2 * var)) / sqrt (2 * M_PI * var);
}

static double
weight (const iw_model * md, double z)
{
  return npdf (md->x, md->a * z, md->s * md->s) * npdf (z, 0, 1) / npdf (z, md->m, md->vq);
}

/* the claim's negative control: every subset's sum over all k+1 weights */
static double
loo_full_sum (const double *lw, size_t n, double *work)
{
  (void) work;
  return log_sum_exp (lw, n) - log ((double) n - 1);
}

static void
test_draw (const iw_point * d)
{
  const iw_model *md = &d->md;
  double sd = sqrt (md->vq);
  double z[3] = { md->m - 0.3 * sd, md->m + 0.7 * sd, md->mu - 0.2 * sd };
  double w[3], lw[3];
  for (int i = 0; i < 3; i++)
    w[i] = weight (md, z[i]), lw[i] = log (w[i]);
  double top = fmax (w[0], fmax (w[1], w[2])), sum = w[0] + w[1] + w[2], bound;
  tap_ok (w[2] > w[0] && w[2] > w[1], "the draw's last weight is its largest");
  double ms = iw_line_mean_scaled (d, z, &bound);
  tap_close (ms, sum / (3 * top), 1e-14, "mean of a_i = w_i / max w: %.15g", ms);
  tap_ok (bound > 0 && bound < 1e-14, "... its rounding bound %.3g", bound);
  /* the three 2-subsets {1,2}, {1,3}, {2,3}, each sum over K = 2 */
  double sub = ((w[0] + w[1]) / 2 + (w[0] + w[2]) / 2 + (w[1] + w[2]) / 2) / 3;
  double sm = iw_line_subset_mean (d, z, 2, &bound);
  tap_close (sm, sub / top, 1e-14, "subset mean = the 3 subsets by hand: %.15g", sm);
  tap_close (sm, ms, 4 * DBL_EPSILON, "... = the mean of the a_i (001 line 86's identity)");
  tap_ok (bound > 0 && bound < 1e-14 && iw_line_subset_mean (d, z, 2, NULL) == sm,
          "... its bound %.3g, optional", bound);
  double sm1 = iw_line_subset_mean (d, z, 3, NULL);
  tap_ok (fabs (sm1 - ms) > 0.1 * ms, "negative control: over K + 1 the identity fails (%.6g"
          " against %.6g)", sm1, ms);
  double ls = iw_line_log_subset_mean (d, z, 2, &bound);
  tap_close (ls, log (sub), 1e-13, "log subset mean = log of the subsets by hand");
  tap_ok (bound > 0 && bound < 1e-13, "... its bound %.3g", bound);
  tap_close (iw_line_log_subset_mean (d, z, 3, NULL), log (sub * 2 / 3), 1e-13,
             "... over K + 1: log (2/3) lower");
  double loo = (log ((w[0] + w[1]) / 2) + log ((w[0] + w[2]) / 2)
                + log ((w[1] + w[2]) / 2)) / 3;
  tap_close (iw_line_loo (d, z, NULL), loo, 1e-13, "E_M log (1/K) sum_M w = %.15g by hand",
             loo);
  double full = iw_line_loo (d, z, loo_full_sum);
  tap_ok (full - loo > 1e-3, "negative control: the full sum over K exceeds it (%.6g > %.6g)",
          full, loo);
  tap_close (iw_line_mean_log_w (d, z, 2), (lw[0] + lw[1]) / 2, 1e-13,
             "mean of the first K log weights");
  tap_close (iw_line_mean_log_w (d, z, 4), (lw[0] + lw[1]) / 4, 1e-13, "... over DENOM = 4");
  double mx = iw_line_max_log_w (d, z);
  tap_close (mx, fmax (lw[0], lw[1]), 1e-13, "max of the first K log weights");
  tap_ok (log (top) - mx > 1e-3, "negative control: the (K+1)-th weight, the largest, is"
          " not among them (%.6g > %.6g)", log (top), mx);
}

static void
test_integrands (const iw_point * d)
{
  const iw_model *md = &d->md;
  double h = md->mu + 0.4, joint = npdf (md->x, md->a * h, md->s * md->s) * npdf (h, 0, 1);
  tap_close (iw_line_q (d, h), npdf (h, md->m, md->vq), 1e-15, "q(h) = N(h; m, vq)");
  tap_close (iw_line_joint (h, (void *) d), joint, 1e-14 * joint, "p(x, h) by hand");
  tap_close (iw_line_q_times_ratio (h, (void *) d), joint, 1e-14 * joint, "q (p/q) = p(x, h)");
  tap_close (iw_line_q_times_w (h, (void *) d), joint, 1e-13 * joint, "q w = p(x, h)");
  double qlw = npdf (h, md->m, md->vq) * log (weight (md, h));
  tap_close (iw_line_q_log_w (h, (void *) d), qlw, 1e-13 * fabs (qlw), "q log w by hand");
  double px = npdf (md->x, 0, md->a * md->a + md->s * md->s);
  tap_close (iw_line_integral (d, iw_line_joint).value, px, 1e-10 * px, "∫ p(x, h) = p(x)");
  tap_close (iw_line_integral (d, iw_line_q_times_ratio).value, px, 1e-10 * px,
             "∫ q (p/q) = p(x)");
  tap_close (iw_line_integral (d, iw_line_q_times_w).value, px, 1e-10 * px, "∫ q w = p(x)");
  double c = md->vq / md->v, dm = md->m - md->mu;
  double elbo = log (px) - 0.5 * (c + dm * dm / md->v - 1 - log (c));
  estimate e = iw_line_integral (d, iw_line_q_log_w);
  tap_close (e.value, elbo, 1e-10, "∫ q log w = log p(x) - KL(q || p(z|x)) = %.12g", elbo);
  tap_ok (e.err > 0 && e.err < 1e-8, "... with the quadrature's error %.3g", e.err);
  /* negative control: log q without its -1/2 log vq scales w by 1/sqrt(vq) */
  iw_point bad = *d;
  bad.md.f.log_norm += 0.5 * log (bad.md.vq);
  double wrong = iw_line_integral (&bad, iw_line_q_times_w).value;
  tap_ok (fabs (wrong - px) > 1e-3 * px, "negative control: weights without the log-det"
          " integrate to %.6g, not p(x) = %.6g", wrong, px);
}

/* q = 0.01 the posterior's variance: at log q(h) = -735, q is subnormal
   but positive, p(x, h) is not small, and p/q overflows */
static void
test_far_tail (const point * pt)
{
  point narrow = *pt;
  narrow.v[IW_POINT_SHIFT] = 0, narrow.v[IW_POINT_C] = 0.01;
  iw_point d;
  iw_point_prepare (&narrow, &d);
  double t = sqrt (2 * (735 - 0.5 * log (2 * M_PI * d.md.vq)));
  double h = d.md.m + t * sqrt (d.md.vq), qh = iw_line_q (&d, h);
  double joint = iw_line_joint (h, &d);
  tap_ok (qh > 0 && joint > 1e-10 && isinf (joint / qh),
          "far tail: q = %.3g > 0, p(x, h) = %.3g, p/q overflows", qh, joint);
  tap_ok (isinf (qh * (joint / qh)), "negative control: the naive q (p/q) is inf there");
  tap_ok (iw_line_q_times_ratio (h, &d) == joint, "q (p/q) as written is p(x, h) there");
}

/* The weights as a seed writes them, at q = the posterior N(mu, v): each
   is p(x) = N(x; 0, a² + s²) whatever z; with q = N(mu, s²/a²) (the
   prior's precision left out, the negative control) or a constant in
   place of the likelihood, the two weights by hand. */
static void
test_written (const point * pt)
{
  iw_point d;
  iw_point_prepare_posterior (pt, &d);
  const iw_model *md = &d.md;
  double z[2] = { md->mu - 0.9, md->mu + 1.3 }, v0 = md->s * md->s / (md->a * md->a);
  double px = npdf (md->x, 0, md->a * md->a + md->s * md->s), lik = -1.25, w0[2], wl[2];
  tap_close (iw_line_log_mean_written (&d, z, sqrt (md->v), NULL), log (px), 1e-14,
             "q = p(z|x): log mean of the written weights = log p(x)");
  for (int j = 0; j < 2; j++)
    {
      w0[j] = npdf (md->x, md->a * z[j], md->s * md->s) * npdf (z[j], 0, 1) / npdf (z[j], md->mu, v0);
      wl[j] = exp (lik) * npdf (z[j], 0, 1) / npdf (z[j], md->mu, md->v);
    }
  double no_prior = iw_line_log_mean_written (&d, z, sqrt (v0), NULL);
  tap_close (no_prior, log ((w0[0] + w0[1]) / 2), 1e-14, "q = N(mu, s²/a²): the weights by hand");
  tap_ok (fabs (no_prior - log (px)) > 1e-3, "negative control: then it misses log p(x)"
          " (%.6g, not %.6g)", no_prior, log (px));
  tap_close (iw_line_log_mean_written (&d, z, sqrt (md->v), &lik), log ((wl[0] + wl[1]) / 2),
             1e-14, "a constant log-likelihood in place of p(x|z_j): by hand");
}

int
main (void)
{
  point pt = { .n = 6, .v = { 1.5, 0.8, 2.0, 0.5, 0.9, 2 } };
  iw_point d;
  iw_point_prepare (&pt, &d);
  test_draw (&d);
  test_integrands (&d);
  test_far_tail (&pt);
  test_written (&pt);
  return tap_done ();
}

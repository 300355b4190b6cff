/* test_iw_point.c -- the derivation point of the importance-weighted
 * bounds: prepare against the textbook posterior of the 1-D model, the
 * draw map against m + sd e by hand, log p(x) against lib/normal, L_1 and
 * the ELBO against log p(x) - KL(q || p(z|x)) of two normals by hand, L_K
 * at the posterior against log p(x), and L_K < L_{K+1} < log p(x); the
 * K-term means against sums by hand. */
#include "iw_point.h"
#include "normal.h"
#include "tap.h"

#include <float.h>
#include <math.h>

int
main (void)
{
  double a = 1.5, s = 0.8, x = 2.0, shift = 0.5, c = 0.9;
  point pt = { .n = 6, .v = { a, s, x, shift, c, 1 } };
  iw_point d, post;
  iw_point_prepare (&pt, &d);
  iw_point_prepare_posterior (&pt, &post);
  double mu = a * x / (a * a + s * s), v = s * s / (a * a + s * s);
  tap_close (d.md.mu, mu, 4 * DBL_EPSILON, "posterior mean a x / (a² + s²)");
  tap_close (d.md.v, v, 4 * DBL_EPSILON, "posterior variance s² / (a² + s²)");
  tap_close (d.md.m, mu + shift * sqrt (v), 8 * DBL_EPSILON, "q's mean mu + shift sd");
  tap_close (d.md.vq, c * v, 4 * DBL_EPSILON, "q's variance c v");
  tap_ok (d.k == 1 && post.md.m == post.md.mu && post.md.vq == post.md.v,
          "K = 1; the posterior preparation ignores shift and c");
  pt.v[IW_POINT_K] = 3;
  tap_ok (iw_point_draw_len (&pt) == 4, "a draw has K + 1 = 4 values");
  double e[4] = { -1, 0, 0.5, 2 }, z[4];
  iw_point_map (&pt, &d, e, z);
  for (int i = 0; i < 4; i++)
    tap_close (z[i], d.md.m + sqrt (d.md.vq) * e[i], 0, "z_%d = m + sd e_%d", i, i);
  double log_px = normal_log_pdf (x, 0, sqrt (a * a + s * s));
  estimate lp = iw_point_log_px (&pt, &d);
  tap_close (lp.value, log_px, 1e-14, "log p(x) = log N(x; 0, a² + s²)");
  tap_ok (lp.err > 0 && lp.err < 1e-14, "its rounding bound %.3g", lp.err);
  /* K = 1: L_1 = ELBO = log p(x) - KL(q || p(z|x)) */
  double dm = d.md.m - mu;
  double kl = 0.5 * (c + dm * dm / v - 1 - log (c));
  pt.v[IW_POINT_K] = 1;
  tap_close (iw_point_lk (&pt, &d).value, log_px - kl, 1e-9, "L_1 = log p(x) - KL");
  tap_close (iw_point_elbo (&pt, &d).value, log_px - kl, 1e-13, "ELBO = log p(x) - KL");
  d.k = 3;
  double l3 = iw_point_lk (&pt, &d).value, l4 = iw_point_lk1 (&pt, &d).value;
  tap_ok (log_px - kl < l3 && l3 < l4 && l4 < log_px,
          "L_1 < L_3 < L_4 < log p(x): %.10g %.10g %.10g %.10g", log_px - kl, l3, l4,
          log_px);
  quad_result g = iw_point_gap (&d, 3);
  tap_close (g.value, log_px - l3, 4 * DBL_EPSILON, "the gap is log p(x) - L_K");
  post.k = 3;
  estimate lpost = iw_point_lk (&pt, &post);
  tap_close (lpost.value, log_px, lpost.err + 1e-14, "q = posterior: L_K = log p(x)");
  /* K = 3 terms of 0.5 (error 1e-3): 1.5 / 3 = 0.5 and 1.5 / 4 = 0.375,
     the error 1e-3 K / DENOM plus 4 u |value|, by hand */
  estimate m3 = iw_point_mean_of_k (&d, est_exact (0.5, 1e-3), 3);
  estimate m4 = iw_point_mean_of_k (&d, est_exact (0.5, 1e-3), 4);
  tap_ok (m3.value == 0.5 && m4.value == 0.375, "(1/3) and (1/4) of 3 terms of 0.5");
  tap_close (m3.err, 1e-3 + 4 * EST_U * 0.5, 1e-18, "... error 1e-3 + 4 u 0.5");
  tap_close (m4.err, 0.75e-3 + 4 * EST_U * 0.375, 1e-18, "... error 0.75e-3 + 4 u 0.375");
  estimate lm = iw_point_log_mean_of_k_exp (&d, log (2.0), 8, 4);
  tap_close (lm.value, log (1.5), 4 * DBL_EPSILON, "log (1/4) 3 e^{log 2} = log 1.5");
  tap_ok (lm.err > 0 && lm.err < 1e-14, "... with a rounding bound %.3g", lm.err);
  return tap_done ();
}

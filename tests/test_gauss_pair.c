/* test_gauss_pair.c -- the literal (LU) and Cholesky routes agree; the
   expectations E_a[log a] and E_a[log b] against their closed forms worked
   by hand in two dimensions and by lib/normal in one, and a pair taken the
   wrong way round (E_b[log a]) is told apart from E_a[log b]. */
#include "gauss_pair.h"
#include "normal.h"
#include "tap.h"

#include <math.h>

int
main (void)
{
  point p = { .d = 2, .n = 12,
    .v = { 0.5, -1, 2, 0.3, 0.3, 1, /* μa, Σa */ 1, 0, 4, -1, -1, 3 } };
  gauss_pair g;
  gauss_pair_prepare (&p, &g);
  double x[2] = { 0.7, -0.2 }, err;
  /* (x - μb)ᵀ Σb⁻¹ (x - μb) by LU against the Cholesky route */
  double lu = gauss_pair_form (g.inv_b, x, point_mean (&p, 1), 2);
  double ch = gauss_pair_maha_b (&p, &g, x, &err);
  tap_close (lu, ch, g.lu_rel * lu + err, "quadratic form: LU = Cholesky");
  tap_close (g.det_a, 2 * 1 - 0.09, 1e-15, "LU determinant of Σa");
  tap_ok (gauss_pair_kl (&p, &g).value > 0, "KL(a||b) > 0 for a != b");
  /* By hand: det Σa = 1.91, det Σb = 11, Σb⁻¹ = [3 1; 1 4]/11, δ = (0.5, 1),
     tr(Σb⁻¹Σa) = 10.6/11, δᵀΣb⁻¹δ = 5.75/11. */
  double e_aa = -(1 + log (2 * M_PI)) - 0.5 * log (1.91);
  double e_ab = -log (2 * M_PI) - 0.5 * log (11) - 0.5 * (10.6 + 5.75) / 11;
  estimate ea = gauss_pair_e_log_a (&p, &g), eb = gauss_pair_e_log_b (&p, &g);
  tap_close (ea.value, e_aa, ea.err + 1e-14, "E_a[log a] = -H[a] by hand (d = 2)");
  tap_close (eb.value, e_ab, eb.err + 1e-14, "E_a[log b] by hand (d = 2)");
  tap_ok (ea.err > 0 && ea.err < 1e-13 && eb.err > ea.err, "their bounds: small, KL's added");
  gauss_pair_release (&g);
  /* negative control: the pair the wrong way round gives E_b[log a], far
     from E_a[log b] by hand */
  point swapped = { .d = 2, .n = 12,
    .v = { 1, 0, 4, -1, -1, 3, /* μb, Σb */ 0.5, -1, 2, 0.3, 0.3, 1 } };
  gauss_pair_prepare (&swapped, &g);
  tap_ok (fabs (gauss_pair_e_log_b (&swapped, &g).value - e_ab) > 1,
          "negative control: E_b[log a] is not E_a[log b]");
  gauss_pair_release (&g);
  /* one dimension: the log ratio against lib/normal */
  point q = { .d = 1, .n = 4, .v = { 0.2, 4, -1, 0.25 } };
  gauss_pair_prepare (&q, &g);
  double lr = gauss_pair_log_ratio (&q, &g, x, &err);
  tap_close (lr, normal_log_pdf (x[0], 0.2, 2) - normal_log_pdf (x[0], -1, 0.5),
             err + 1e-15, "log ratio = normal_log_pdf difference (d = 1)");
  tap_close (gauss_pair_kl (&q, &g).value, normal_kl (0.2, 2, -1, 0.5), 1e-14,
             "KL = normal_kl (d = 1)");
  /* one dimension: E_a[log b] = -½ log(2π σb²) - (σa² + (μa - μb)²)/(2σb²),
     E_a[log a] = -½ log(2πe σa²) */
  tap_close (gauss_pair_e_log_a (&q, &g).value, -0.5 * log (2 * M_PI * M_E * 4), 1e-14,
             "E_a[log a] = -½ log(2πe σa²) (d = 1)");
  tap_close (gauss_pair_e_log_b (&q, &g).value,
             -0.5 * log (2 * M_PI * 0.25) - (4 + 1.44) / (2 * 0.25), 1e-13,
             "E_a[log b] in closed form (d = 1)");
  gauss_pair_release (&g);
  return tap_done ();
}

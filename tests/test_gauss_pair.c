/* test_gauss_pair.c -- the literal (LU) and Cholesky routes agree. */
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
  gauss_pair_release (&g);
  /* one dimension: the log ratio against lib/normal */
  point q = { .d = 1, .n = 4, .v = { 0.2, 4, -1, 0.25 } };
  gauss_pair_prepare (&q, &g);
  double lr = gauss_pair_log_ratio (&q, &g, x, &err);
  tap_close (lr, normal_log_pdf (x[0], 0.2, 2) - normal_log_pdf (x[0], -1, 0.5),
             err + 1e-15, "log ratio = normal_log_pdf difference (d = 1)");
  tap_close (gauss_pair_kl (&q, &g).value, normal_kl (0.2, 2, -1, 0.5), 1e-14,
             "KL = normal_kl (d = 1)");
  gauss_pair_release (&g);
  return tap_done ();
}

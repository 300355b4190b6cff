/* test_gauss_pair_terms.c -- the literal terms against the Cholesky route
   (lib/mvn) and hand-worked 2 x 2 inverses, with negative controls; the
   expanded log-density against gauss_pair_log_pdf's Cholesky solve, and
   with the seeds' det Σ for det Σ^½ told apart by ½ log det Σ. */
#include "gauss_pair_terms.h"
#include "matrix.h"
#include "tap.h"

#include <math.h>

int
main (void)
{
  /* μa = (0.5, -1), Σa = [2 .3; .3 1]; μb = (1, 0), Σb = [4 -1; -1 3]:
     Σa⁻¹ = [1 -.3; -.3 2] / 1.91, Σb⁻¹ = [3 1; 1 4] / 11 by hand */
  point p = { .d = 2, .n = 12,
    .v = { 0.5, -1, 2, 0.3, 0.3, 1, /* μa, Σa */ 1, 0, 4, -1, -1, 3 } };
  gauss_pair g;
  gauss_pair_prepare (&p, &g);
  gauss_pair_terms t = gauss_pair_terms_literal (&p, &g);
  mvn_kl_terms k;
  mvn_kl_parts (g.a, g.b, &k);
  tap_close (t.tr, k.trace, 1e-14, "tr(Σb⁻¹Σa): LU = Cholesky");
  tap_close (t.maha, k.mahalanobis, 1e-14, "δᵀΣb⁻¹δ: LU = Cholesky");
  tap_close (t.m1, 2.55 / 1.91, 1e-14, "μaᵀΣa⁻¹μa by hand");
  tap_close (t.a, 3.75 / 11, 1e-14, "μaᵀΣb⁻¹μa by hand");
  tap_close (t.b, 3.0 / 11, 1e-14, "μbᵀΣb⁻¹μb by hand");
  tap_close (t.c, 0.5 / 11, 1e-14, "μbᵀΣb⁻¹μa by hand");
  double kl = 0.5 * (log (g.det_b / g.det_a) - 2 + t.tr + t.maha);
  estimate e = gauss_pair_terms_exact (kl, &p, &g);
  estimate truth = gauss_pair_kl (&p, &g);
  tap_ok (e.value == kl && e.err > 0 && e.err < 1e-10,
          "exact: V with a small bound");
  tap_close (e.value, truth.value, e.err + truth.err,
             "½[log|Σb|/|Σa| - d + tr + δᵀΣb⁻¹δ] = KL");
  /* negative control: the trace the other way round, tr(Σa⁻¹Σb), is caught */
  double wrong = matrix_trace_product (g.inv_a, g.b->sigma);
  tap_ok (fabs (wrong - k.trace) > 1e-3,
          "negative control: tr(Σa⁻¹Σb) for tr(Σb⁻¹Σa) detected");
  /* the split form about μa against (x - μb)ᵀΣb⁻¹(x - μb) by Cholesky */
  double x[2] = { 0.7, -0.2 }, err, cerr;
  const double *ma = point_mean (&p, 0), *mb = point_mean (&p, 1);
  double q = gauss_pair_terms_form_split (&g, x, ma, mb, 2, &err);
  double ch = gauss_pair_maha_b (&p, &g, x, &cerr);
  tap_close (q, ch, err + cerr, "split form = Cholesky form");
  tap_ok (err > 0 && err < 1e-13, "split form: a small positive bound");
  /* negative control: the split without its shift (m1 = m0) is caught */
  double bad = gauss_pair_terms_form_split (&g, x, ma, ma, 2, &err);
  tap_ok (fabs (bad - ch) > 100 * (err + cerr), "negative control: unshifted split detected");
  /* cancellation: x next to μb, μa far away; the bound covers the loss */
  double far[2] = { 1e6, -1e6 }, near[2] = { 1 + 1e-3, 1e-3 };
  q = gauss_pair_terms_form_split (&g, near, far, mb, 2, &err);
  double exact = (3 * 1e-6 + 2 * 1e-6 + 4 * 1e-6) / 11;
  tap_ok (fabs (q - exact) <= err && err > g.lu_rel * q,
          "cancellation covered by 6u aᵀ|Σb⁻¹|a");
  /* the expanded log-density against the Cholesky route, both Gaussians */
  for (int i = 0; i < 2; i++)
    {
      double lp = gauss_pair_terms_log_pdf_expanded (&g, i, x, 0.5, &err);
      double chol = gauss_pair_log_pdf (&g, i, x);
      tap_close (lp, chol, err + 1e-14, "expanded log N(x; μ%d, Σ%d) = Cholesky", i, i);
      tap_ok (err > 0 && err < 1e-12, "expanded: a small positive bound (%d)", i);
      /* negative control: det Σi for det Σi^½ is caught, off by -½ log det Σi */
      double det = i ? 11 : 1.91;
      double bad_lp = gauss_pair_terms_log_pdf_expanded (&g, i, x, 1, &err);
      tap_close (bad_lp - chol, -0.5 * log (det), err + 1e-14,
                 "negative control: det Σ%d for its square root, off by -½ log det", i);
      tap_ok (fabs (bad_lp - chol) > 100 * err, "negative control: detected (%d)", i);
    }
  gauss_pair_release (&g);
  return tap_done ();
}

/* test_figure_ellipse.c -- every written point lies at its Mahalanobis
   radius, computed independently with the inverse covariance; 201 points
   per ellipse and a blank line after each, for two covariances (the second
   was test_mvn_ellipses.c's, before mvn_write_ellipses merged into this
   module). */
#include "figure_ellipse.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void
check_ellipses (const double mu[2], const double cov[4])
{
  double det = cov[0] * cov[3] - cov[1] * cov[2];
  double inv[4] = { cov[3] / det, -cov[1] / det, -cov[2] / det, cov[0] / det };
  sbuf b;
  sbuf_init (&b);
  figure_ellipse_write (&b, mu, cov, 3);
  const char *s = sbuf_str (&b);
  int points = 0, blocks = 0, radius_ok = 1, r = 1, in_block = 0;
  double worst = 0;
  while (*s)
    {
      if (*s == '\n')
        {
          blocks += in_block, r += in_block, in_block = 0, s++;
          continue;
        }
      double x, y;
      int len;
      if (sscanf (s, "%lf %lf%n", &x, &y, &len) != 2)
        break;
      s += len + (s[len] == '\n');
      double dx = x - mu[0], dy = y - mu[1];
      double q = dx * dx * inv[0] + 2 * dx * dy * inv[1] + dy * dy * inv[3];
      worst = fmax (worst, fabs (sqrt (q) - r));
      radius_ok &= fabs (sqrt (q) - r) < 1e-5 * (r + 1) * 10;
      points++, in_block = 1;
    }
  tap_ok (points == 3 * 201, "Σ = (%g %g; %g %g): 3 ellipses of 201 points (got %d)",
          cov[0], cov[1], cov[2], cov[3], points);
  tap_ok (blocks == 3, "each ellipse ends with a blank line (got %d)", blocks);
  tap_ok (radius_ok, "every point at Mahalanobis radius 1, 2 or 3 (worst miss %.2g)", worst);
  sbuf_free (&b);
}

int
main (void)
{
  check_ellipses ((const double[2]) { 0.5, -1.25 }, (const double[4]) { 2.0, -0.9, -0.9, 0.75 });
  check_ellipses ((const double[2]) { 0.5, -1 }, (const double[4]) { 2, -0.7, -0.7, 0.5 });
  return tap_done ();
}

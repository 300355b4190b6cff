/* test_figure_ellipse.c -- every written point lies at its Mahalanobis
   radius, computed independently with the inverse covariance; 201 points
   per ellipse and a blank line after each, for two covariances (the second
   was test_mvn_ellipses.c's, before mvn_write_ellipses merged into this
   module). */
#include "figure_ellipse.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
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

/* the draws block holds the first FIGURE_ELLIPSE_DRAWS draws, as written;
   the ellipse block 3 x 201 points; both close with two blank lines */
static void
check_sample (long n)
{
  double *xs = malloc ((size_t) n * 2 * sizeof *xs);
  for (long t = 0; t < 2 * n; t++)
    xs[t] = 0.25 * (double) t;
  sbuf b;
  sbuf_init (&b);
  figure_ellipse_sample (&b, 4, "a sampler", "Σ", "g1 g2", xs, n, (const double[2]) { 0, 0 },
                         (const double[4]) { 1, 0, 0, 1 });
  const char *s = sbuf_str (&b);
  const char *head = "# block 4: first draws of a sampler\n# g1 g2\n";
  int head_ok = strncmp (s, head, strlen (head)) == 0;
  const char *e = strstr (s, "\n\n# block 5: ellipses of N(μ, Σ), radius 1, 2, 3\n# g1 g2\n");
  long rows = 0, want = n < FIGURE_ELLIPSE_DRAWS ? n : FIGURE_ELLIPSE_DRAWS, last = -1;
  for (const char *c = s + strlen (head); e && c < e + 1; c = strchr (c, '\n') + 1)
    {
      double x, y;
      if (sscanf (c, "%lf %lf", &x, &y) == 2)
        rows++, last = (x == 0.25 * (double) (2 * rows - 2) && y == x + 0.25) ? last + 1 : -1000;
    }
  size_t len = strlen (s);
  tap_ok (head_ok && e, "n = %ld: both blocks are headed", n);
  tap_ok (rows == want && last == want - 1,
          "the draws block holds the first %ld draws in order (got %ld)", want, rows);
  tap_ok (len > 2 && s[len - 1] == '\n' && s[len - 2] == '\n' && s[len - 3] == '\n',
          "the ellipse block ends with two blank lines");
  sbuf_free (&b);
  sbuf_init (&b);
  figure_ellipse_sample_plot (&b, "T", 7, "#80112233");
  tap_ok (strstr (sbuf_str (&b), "set title 'T'\nplot datafile index 7 using 1:2 with points")
          && strstr (sbuf_str (&b), "lc rgb '#80112233'")
          && strstr (sbuf_str (&b), "'' index 8 using 1:2"),
          "the panel plots blocks 7 and 8");
  sbuf_free (&b);
  free (xs);
}

int
main (void)
{
  check_sample (10);
  check_sample (2500);
  check_ellipses ((const double[2]) { 0.5, -1.25 }, (const double[4]) { 2.0, -0.9, -0.9, 0.75 });
  check_ellipses ((const double[2]) { 0.5, -1 }, (const double[4]) { 2, -0.7, -0.7, 0.5 });
  return tap_done ();
}

/* test_mvn_ellipses.c -- mvn_write_ellipses: every point at its
   Mahalanobis radius, 201 points per ellipse, a blank line after each. */
#include "mvn.h"
#include "sbuf.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int
main (void)
{
  const double mu[2] = { 0.5, -1 }, sig[4] = { 2, -0.7, -0.7, 0.5 };
  mvn *g = mvn_from_arrays (2, mu, sig);
  sbuf s;
  sbuf_init (&s);
  mvn_write_ellipses (&s, g, 3);
  double det = sig[0] * sig[3] - sig[1] * sig[2], worst = 0;
  int points = 0, blanks = 0, radius = 1;
  const char *c = sbuf_str (&s);
  while (*c)
    {
      const char *nl = strchr (c, '\n');
      double a, b;
      if (nl == c)
        blanks++, radius++;
      else if (sscanf (c, "%lf %lf", &a, &b) == 2)
        {
          double d0 = a - mu[0], d1 = b - mu[1];
          double m2 = (sig[3] * d0 * d0 - 2 * sig[1] * d0 * d1 + sig[0] * d1 * d1) / det;
          worst = fmax (worst, fabs (sqrt (m2) - radius));
          points++;
        }
      c = nl + 1;
    }
  tap_ok (points == 3 * 201 && blanks == 3, "3 ellipses of 201 points, each closed by"
          " a blank line (%d points, %d blank lines)", points, blanks);
  tap_ok (worst < 1e-5, "every point at its Mahalanobis radius (worst %.3g, printed to 6 digits)", worst);
  sbuf_free (&s);
  mvn_free (g);
  return tap_done ();
}

/* test_point_affine.c -- the affine-map point kind: draws are valid and
   well conditioned, print/parse round trip, shrink candidates, and the
   singular values against hand-computed ones. */
#include "point_affine.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void
test_singular_range (void)
{
  double lo, hi;
  const double diag[] = { 3, 0, 0, -0.5 };
  point_affine_singular_range (diag, 2, &lo, &hi);
  tap_ok (lo == 0.5 && hi == 3, "singular values of diag(3, -0.5): 0.5 and 3 (got %g, %g)", lo, hi);
  /* [[1, 1], [0, 1]]: the singular values are the golden ratio and its inverse */
  const double shear[] = { 1, 1, 0, 1 };
  double phi = (1 + sqrt (5.0)) / 2;
  point_affine_singular_range (shear, 2, &lo, &hi);
  tap_close (hi, phi, 1e-14, "largest singular value of a shear is the golden ratio");
  tap_close (lo, 1 / phi, 1e-14, "smallest is its inverse");
  const double one[] = { -2.5 };
  point_affine_singular_range (one, 1, &lo, &hi);
  tap_ok (lo == 2.5 && hi == 2.5, "d = 1: |S|");
}

static void
test_kind (const gsl_rng * r)
{
  const point_kind *k = &point_affine_template;
  point *p = malloc (sizeof *p), *q = malloc (sizeof *q);
  point *c = malloc (POINT_SHRINK_MAX * sizeof *c);
  int valid = 1, cond = 1, positive = 1, roundtrip = 1, cand_valid = 1, has_identity = 1;
  size_t dims = 0;
  for (int t = 0; t < 200; t++)
    {
      k->draw (k, r, p);
      valid &= k->valid (k, p) && p->n == 2 * p->d + p->d * p->d;
      dims |= (size_t) 1 << p->d;
      double lo, hi;
      point_affine_singular_range (point_affine_s (p), p->d, &lo, &hi);
      cond &= lo > 0 && hi <= 100 * lo;
      for (size_t i = 0; i < p->d; i++)
        positive &= point_affine_sigma (p)[i] > 0;
      sbuf b;
      sbuf_init (&b);
      k->print (k, &b, p);
      char err[200];
      roundtrip &= k->parse (k, sbuf_str (&b), q, err, sizeof err) == 0 && q->n == p->n
        && memcmp (q->v, p->v, p->n * sizeof (double)) == 0;
      sbuf_free (&b);
      size_t n = k->shrink (k, p, c, POINT_SHRINK_MAX);
      int identity = 0;
      for (size_t i = 0; i < n; i++)
        {
          cand_valid &= k->valid (k, &c[i]);
          int id = c[i].d == p->d;
          for (size_t a = 0; id && a < p->d * p->d; a++)
            id = point_affine_s (&c[i])[a] == (a % (p->d + 1) == 0);
          identity |= id;
        }
      has_identity &= identity;
    }
  tap_ok (valid, "200 draws are valid, with 2d + d² values");
  tap_ok (dims == 0x7e, "every d from 1 to 6 is drawn");
  tap_ok (cond, "S has condition number at most 100");
  tap_ok (positive, "σ is positive");
  tap_ok (roundtrip, "print then parse gives the same point");
  tap_ok (cand_valid, "every shrink candidate is valid");
  tap_ok (has_identity, "shrinking proposes S = I");
  char err[200];
  tap_ok (k->parse (k, "d = 2, μ = (0, 0), σ = (1, 1), S = ((1, 2), (2, 4))", q, err, sizeof err) != 0,
          "a singular S is rejected");
  tap_ok (k->parse (k, "d = 1, μ = 0, σ = -1, S = 1", q, err, sizeof err) != 0,
          "a negative σ is rejected");
  tap_ok (k->parse (k, "d = 7, μ = 0, σ = 1, S = 1", q, err, sizeof err) != 0, "d out of range is rejected");
  tap_ok (k->parse (k, "d = 2, μ = (0.5, -1), σ = (1, 2), S = ((1, 0.5), (0, 2))", q, err, sizeof err) == 0
          && q->d == 2 && point_affine_mu (q)[1] == -1 && point_affine_sigma (q)[1] == 2
          && point_affine_s (q)[1] == 0.5 && point_affine_s (q)[3] == 2, "a hand-written point parses");
  free (p), free (q), free (c);
}

/* d = 2, condition number <= 10: the singular values of a 2 x 2 S by hand,
   s² = (|S|_F² ± sqrt(|S|_F⁴ - 4 det² S)) / 2 */
static void
test_draw_fixed (const gsl_rng * r)
{
  point p;
  int dim = 1, cond = 1;
  double worst = 0;
  for (int t = 0; t < 200; t++)
    {
      point_affine_draw_fixed (r, 2, 10, &p);
      const double *s = point_affine_s (&p);
      double f = s[0] * s[0] + s[1] * s[1] + s[2] * s[2] + s[3] * s[3];
      double det = s[0] * s[3] - s[1] * s[2];
      double root = sqrt (f * f - 4 * det * det);
      double k = sqrt ((f + root) / (f - root));
      dim &= p.d == 2 && p.n == 8;
      cond &= k <= 10 * (1 + 1e-12);
      worst = fmax (worst, k);
    }
  tap_ok (dim, "draw_fixed: 200 points with d = 2 (8 values)");
  tap_ok (cond && worst > 3, "their condition numbers are at most 10 (largest %.3g)", worst);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 20261122);
  test_singular_range ();
  test_kind (r);
  test_draw_fixed (r);
  gsl_rng_free (r);
  return tap_done ();
}

/* test_point.c -- point kinds: draw, print/parse round trip, shrink.
 *
 * The lead's kinds get their tests here too; this file so far covers the
 * probability-vectors-with-scalars kind (point_prob_box_template), in its
 * own functions so that other sections can be added beside them. */
#include "point.h"
#include "rng.h"
#include "tap.h"

#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- probability vectors with scalars ---- */

static const point_coord MIX_COORDS[] = { {"λ", 0, 1, 0, 0}, {"c", 0.5, 8, 1, 0} };

static point_kind
mix_kind (void)
{
  point_kind k = point_prob_box_template;
  k.coords = MIX_COORDS, k.n_coords = 2;
  k.names[0] = "P1", k.names[1] = "P2", k.names[2] = "Q1";
  return k;
}

static int
same_point (const point * a, const point * b)
{
  return a->d == b->d && a->n == b->n
    && memcmp (a->v, b->v, a->n * sizeof (double)) == 0;
}

static void
test_mix_draw_print_parse (const point_kind * k, gsl_rng * r)
{
  point *p = malloc (sizeof *p), *q = malloc (sizeof *q);
  int valid = 1, layout = 1, round_trip = 1;
  for (int t = 0; t < 200; t++)
    {
      k->draw (k, r, p);
      valid &= k->valid (k, p);
      layout &= p->n == 2 + 3 * p->d && p->v[0] >= 0 && p->v[0] <= 1
        && p->v[1] >= 0.5 && p->v[1] <= 8;
      sbuf b;
      sbuf_init (&b);
      k->print (k, &b, p);
      char err[160];
      round_trip &= k->parse (k, sbuf_str (&b), q, err, sizeof err) == 0
        && same_point (p, q);
      sbuf_free (&b);
    }
  tap_ok (valid, "prob_box: 200 draws are valid");
  tap_ok (layout, "prob_box: scalars first, then three vectors of length n");
  tap_ok (round_trip, "prob_box: print then parse gives the same point");
  char err[160];
  tap_ok (k->parse (k, "λ = 0.25, c = 1, n = 2, P1 = (0.5, 0.5), P2 = (0.25, 0.75), Q1 = (1, 0)",
                    q, err, sizeof err) != 0, "prob_box: a zero entry is rejected");
  tap_ok (k->parse (k, "λ = 2, c = 1, n = 2, P1 = (0.5, 0.5), P2 = (0.25, 0.75), Q1 = (0.5, 0.5)",
                    q, err, sizeof err) != 0, "prob_box: a scalar out of range is rejected");
  tap_ok (k->parse (k, "c = 1, n = 2, P1 = (0.5, 0.5), P2 = (0.25, 0.75), Q1 = (0.5, 0.5)",
                    q, err, sizeof err) != 0, "prob_box: a missing scalar is rejected");
  tap_ok (k->parse (k, "λ = 0.25, c = 1, n = 2, P1 = (0.5, 0.5), P2 = (0.25, 0.75), Q1 = (0.5, 0.5)",
                    q, err, sizeof err) == 0 && q->v[0] == 0.25 && q->v[2] == 0.5
          && q->v[5] == 0.75 && q->d == 2, "prob_box: a hand-written point parses");
  free (p);
  free (q);
}

/* Every candidate is valid and keeps the other part; repeated shrinking
   along the first candidate ends at a simple point. */
static void
test_mix_shrink (const point_kind * k, gsl_rng * r)
{
  point *p = malloc (sizeof *p);
  point *c = malloc (POINT_SHRINK_MAX * sizeof *c);
  int valid = 1, one_part = 1, any = 0, all_simpler = 1;
  for (int t = 0; t < 50; t++)
    {
      k->draw (k, r, p);
      size_t n = k->shrink (k, p, c, POINT_SHRINK_MAX);
      any |= n > 0;
      int some_simpler = 0;
      for (size_t i = 0; i < n; i++)
        {
          valid &= k->valid (k, &c[i]);
          some_simpler |= point_complexity (&c[i]) < point_complexity (p);
          int box_same = c[i].v[0] == p->v[0] && c[i].v[1] == p->v[1];
          int vec_same = c[i].d == p->d
            && memcmp (c[i].v + 2, p->v + 2, 3 * p->d * sizeof (double)) == 0;
          one_part &= box_same || vec_same;
        }
      all_simpler &= some_simpler;
    }
  tap_ok (any, "prob_box: shrinking proposes candidates");
  tap_ok (valid, "prob_box: every shrink candidate is valid");
  tap_ok (one_part, "prob_box: a candidate changes the scalars or the vectors, not both");
  /* (the vector shrinker may also propose rounder but not simpler
     vectors; the engine skips those) */
  tap_ok (all_simpler, "prob_box: every point has a simpler candidate");
  /* shrink greedily: always the first simpler candidate */
  k->draw (k, r, p);
  for (int step = 0; step < 200; step++)
    {
      size_t n = k->shrink (k, p, c, POINT_SHRINK_MAX), i = 0;
      while (i < n && !(point_complexity (&c[i]) < point_complexity (p)))
        i++;
      if (i == n)
        break;
      *p = c[i];
    }
  tap_ok (p->d == 2 && p->v[0] == 0 && p->v[1] == 1 && p->v[2] == 0.5,
          "prob_box: greedy shrinking ends at λ = 0, c = 1, n = 2, uniform vectors"
          " (got n = %zu, λ = %g, c = %g, P1[0] = %g)", p->d, p->v[0], p->v[1], p->v[2]);
  free (p);
  free (c);
}

/* The mixture kind: printed points read back exactly, shrinking ends at
   one standard component, and every candidate is valid. */
static void
test_mixture_kind (const gsl_rng * r)
{
  const point_kind *k = &point_mixture_template;
  point *p = malloc (sizeof *p), *q = malloc (sizeof *q);
  point *c = malloc (POINT_SHRINK_MAX * sizeof *c);
  int roundtrip = 1, valid = 1;
  for (int t = 0; t < 50; t++)
    {
      k->draw (k, r, p);
      valid &= k->valid (k, p);
      sbuf b;
      sbuf_init (&b);
      k->print (k, &b, p);
      char err[200];
      roundtrip &= k->parse (k, sbuf_str (&b), q, err, sizeof err) == 0
        && q->n == p->n && memcmp (q->v, p->v, p->n * sizeof (double)) == 0;
      sbuf_free (&b);
      size_t n = k->shrink (k, p, c, POINT_SHRINK_MAX);
      for (size_t i = 0; i < n; i++)
        valid &= k->valid (k, &c[i]);
    }
  tap_ok (valid, "mixture: drawn points and every shrink candidate are valid");
  tap_ok (roundtrip, "mixture: printed points parse back to the same doubles");
  k->draw (k, r, p);
  for (int step = 0; step < 200; step++)
    {
      size_t n = k->shrink (k, p, c, POINT_SHRINK_MAX), i = 0;
      while (i < n && !(point_complexity (&c[i]) < point_complexity (p)))
        i++;
      if (i == n)
        break;
      *p = c[i];
    }
  tap_ok (p->d == 1 && p->v[0] == 1 && p->v[1] == 0 && p->v[2] == 1,
          "mixture: greedy shrinking ends at K = 1, w = 1, m = 0, s = 1 (got K = %zu,"
          " m = %g, s = %g)", p->d, p->v[1], p->v[2]);
  free (p);
  free (q);
  free (c);
}

/* point_box: the template with the coordinates and description set; its
   draws stay inside the box, the log-uniform coordinate positive. */
static void
test_point_box (const gsl_rng * r)
{
  static const point_coord c[] = { {"t", -4, 4, 0, 0}, {"u", 0.05, 7.4, 1, 0} };
  point_kind k = point_box (c, 2, "a box"), k0 = point_box (c, 2, NULL);
  tap_ok (k.coords == c && k.n_coords == 2 && strcmp (k.description, "a box") == 0,
          "point_box: coordinates and description set");
  tap_ok (k0.description == point_box_template.description && k0.draw == point_box_template.draw,
          "point_box with no description keeps the template's");
  point *p = malloc (sizeof *p);
  int inside = 1;
  for (int i = 0; i < 200; i++)
    {
      k.draw (&k, r, p);
      inside &= p->n == 2 && p->v[0] >= -4 && p->v[0] <= 4 && p->v[1] >= 0.05 && p->v[1] <= 7.4;
    }
  tap_ok (inside, "point_box: 200 draws inside the box");
  free (p);
}

/* POINT_BOX, the static initializer, is point_box field by field: the
   template's functions, name and (NULL) description, or the ones given.
   POINT_BOX_OF's compound literal is static only at file scope. */
static const point_kind of = POINT_BOX_OF ("two", {"t", -4, 4, 0, 0}, {"u", 0.05, 7.4, 1, 0});

static void
test_point_box_initializer (void)
{
  static const point_coord c[] = { {"t", -4, 4, 0, 0}, {"u", 0.05, 7.4, 1, 0}, {"i", 1, 2, 0, 1} };
  static const point_kind s = POINT_BOX (c, NULL), s2 = POINT_BOX_N (c, 2, "a box"),
    named = POINT_BOX_NAMED ("entries", c, NULL);
  point_kind k = point_box (c, 3, NULL);
  tap_ok (s.coords == c && s.n_coords == 3 && s.draw == k.draw && s.print == k.print
          && s.parse == k.parse && s.shrink == k.shrink && s.valid == k.valid
          && strcmp (s.name, k.name) == 0 && strcmp (s.description, k.description) == 0,
          "POINT_BOX: the kind point_box builds, every function and text alike");
  tap_ok (s2.n_coords == 2 && strcmp (s2.description, "a box") == 0,
          "POINT_BOX_N: the first N coordinates, the description given");
  tap_ok (strcmp (named.name, "entries") == 0 && named.n_coords == 3
          && strcmp (named.description, POINT_BOX_DESCRIPTION) == 0,
          "POINT_BOX_NAMED: the name given, the template's description");
  tap_ok (of.n_coords == 2 && strcmp (of.coords[1].name, "u") == 0 && of.coords[1].hi == 7.4
          && of.coords[1].log_scale && of.draw == k.draw && strcmp (of.description, "two") == 0,
          "POINT_BOX_OF: its own two coordinates, in order, the description given");
}

/* POINT_PROB_BOX, likewise, is point_prob_box_template with its fields
   set; its points are drawn as the template's (scalars, then the vectors),
   and a vector off the simplex is refused (the negative control). */
static const point_coord PB[] = { {"x", -4, 4, 0, 0}, {"s", 0.5, 2, 1, 0} };
static const point_kind pb = POINT_PROB_BOX (PB, 3, 3, NULL, "w", "q"),
  pb1 = POINT_PROB_BOX_N (PB, 1, 2, 8, "given", "p");

static void
test_point_prob_box_initializer (gsl_rng * r)
{
  const point_kind *t = &point_prob_box_template;
  tap_ok (pb.draw == t->draw && pb.print == t->print && pb.parse == t->parse
          && pb.shrink == t->shrink && pb.valid == t->valid && strcmp (pb.name, t->name) == 0
          && strcmp (pb.description, t->description) == 0 && pb.coords == PB && pb.n_coords == 2
          && pb.dmin == 3 && pb.dmax == 3 && strcmp (pb.names[1], "q") == 0 && pb.names[2] == NULL,
          "POINT_PROB_BOX: the template's functions and texts, its own scalars, n and names");
  tap_ok (pb1.n_coords == 1 && pb1.dmin == 2 && pb1.dmax == 8 && strcmp (pb1.names[0], "p") == 0
          && pb1.names[1] == NULL && strcmp (pb1.description, "given") == 0,
          "POINT_PROB_BOX_N: the first N scalars, the description given");
  point *p = malloc (sizeof *p);
  int ok = 1;
  for (int i = 0; i < 100; i++)
    {
      pb.draw (&pb, r, p);
      ok &= p->d == 3 && p->n == 2 + 2 * 3 && pb.valid (&pb, p)
        && fabs (p->v[2] + p->v[3] + p->v[4] - 1) < 1e-12 && p->v[1] >= 0.5 && p->v[1] <= 2;
    }
  tap_ok (ok, "POINT_PROB_BOX: 100 draws valid, two scalars then two vectors on the simplex");
  p->v[2] += 0.5;
  tap_ok (!pb.valid (&pb, p), "POINT_PROB_BOX: negative control, w summing to 1.5 is refused");
  free (p);
}

int
main (void)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (r, 12345);
  point_kind k = mix_kind ();
  test_mix_draw_print_parse (&k, r);
  test_mix_shrink (&k, r);
  test_mixture_kind (r);
  test_point_box (r);
  test_point_box_initializer ();
  test_point_prob_box_initializer (r);
  gsl_rng_free (r);
  return tap_done ();
}

/* test_point_box.c -- point_box: the box template with its coordinates. */
#include "point.h"
#include "tap.h"

#include <string.h>

int
main (void)
{
  static const point_coord c[] = { {"a", -1, 1, 0, 0}, {"b", 2, 2, 0, 0} };
  point_kind k = point_box (c, 2, "a uniform, b fixed");
  tap_ok (k.coords == c && k.n_coords == 2, "coordinates set");
  tap_ok (strcmp (k.description, "a uniform, b fixed") == 0, "description set");
  tap_ok (k.draw == point_box_template.draw && k.valid == point_box_template.valid, "the box's functions");
  point_kind d = point_box (c, 2, NULL);
  tap_ok (strcmp (d.description, point_box_template.description) == 0, "NULL keeps the template's description");
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  point p;
  k.draw (&k, r, &p);
  tap_ok (p.n == 2 && p.v[0] >= -1 && p.v[0] <= 1 && p.v[1] == 2, "a drawn point: a = %g, b = %g", p.v[0], p.v[1]);
  tap_ok (k.valid (&k, &p), "is valid");
  p.v[1] = 2.5;
  tap_ok (!k.valid (&k, &p), "outside the box is not");
  gsl_rng_free (r);
  return tap_done ();
}

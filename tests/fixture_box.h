/* fixture_box.h -- the point kind of the engine's tests: a box point
 * (a, b) in [-3, 3]², and CLOSED_FN for a closed-form line or truth of it
 * (the value and rounding of EST_SUM of its terms).  Call
 * box = point_box (BOX, COUNT_OF (BOX), NULL) before the engine runs. */
#ifndef HARNESS_FIXTURE_BOX_H
#define HARNESS_FIXTURE_BOX_H

#include "point.h"

static const point_coord BOX[] = { {"a", -3, 3, 0, 0}, {"b", -3, 3, 0, 0} };
static point_kind box;
#define A (p->v[0])
#define B (p->v[1])
#define CLOSED_FN(name, ...) \
  static estimate name (const point * p, const void *u) { (void) u; return EST_SUM (__VA_ARGS__); }

#endif

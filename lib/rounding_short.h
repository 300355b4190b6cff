/* rounding_short.h -- short names for rnd arithmetic (lib/rounding.h), so
 * that a closed form written with its rounding bound reads as the seed
 * writes the formula:
 *
 *   rnd v = add (mul (sq (X (m)), X (1 + t * t)), inv (X (s)));
 *
 * X (x) is an exact leaf; add, sub, mul, sq and inv the operations.  The
 * names are short on purpose and static: a file includes this header only
 * where nothing else of its own is called so. */
#ifndef HARNESS_ROUNDING_SHORT_H
#define HARNESS_ROUNDING_SHORT_H

#include "rounding.h"

static inline rnd X (double v) { return rnd_exact (v); }
static inline rnd add (rnd a, rnd b) { return rnd_add (a, b); }
static inline rnd sub (rnd a, rnd b) { return rnd_sub (a, b); }
static inline rnd mul (rnd a, rnd b) { return rnd_mul (a, b); }
static inline rnd sq (rnd a) { return rnd_mul (a, a); }
static inline rnd inv (rnd a) { return rnd_div (rnd_exact (1), a); }

#endif

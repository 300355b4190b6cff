/* line_root.h -- a derivation line that is an equation in one unknown D in (0, 1), evaluated
 * as the D it determines: the root of its g, 0 = g(D), by bisection with a bracket whose ends
 * have certain signs (lib/root).
 *
 * A seed that rearranges an equation step by step (0 = f0/D - f1/(1 - D), then
 * f1 D = f0 (1 - D), ...) writes the same root in each form: evaluated as its root, "this
 * line follows from the last" becomes "both determine the same D", a comparison of two
 * estimates within their brackets.  The bracket is [2⁻⁴⁰, 1 - 2⁻⁴⁰], inside (0, 1) so that
 * 1/D and 1/(1 - D) are finite at its ends; the value is NaN when no D satisfies the line
 * (g not finite, a zero denominator, or no change of sign).
 *
 *   LINE_ROOT (line4, eq_line4)                   the root of a root_fn of the point's values
 *   LINE_ROOT_SIDES (line5, v[1] * d, -, v[0] * (1 - d), 4)
 *                                                 0 = A op B, two positive sides of D and v
 *   LINE_ROOT_QUOTIENT (line4, v[0] * (1 - d), v[1] * d, d * (1 - d), 4)
 *                                                 0 = (A - B) / DEN, the same over a common
 *                                                 denominator
 *
 * LINE_ROOT_SIDES defines NAME_eq, g(D) = A op B (op + or -) with EXPR A and B in the unknown
 * d and the point's values v, and bounds its rounding by K ε (A + B): a side of r such
 * roundings of u = ε/2 each is within r u (1 + O(u)) of itself and the sum or difference
 * adds u (A + B), so K >= r + 1 suffices (the caller counts r).  LINE_ROOT_QUOTIENT
 * defines NAME_eq, g(D) = (A - B) / DEN, bounded by K ε (A + B + |A - B|) / |DEN|: the
 * numerator's as above, and the denominator's rounding and the quotient's, u each relative to
 * the quotient, add 2u |A - B| / |DEN| (1 + O(u)), within the same K >= r + 1 when DEN has at
 * most one rounding.  A DEN of 0 (a denominator printed as D·1 - D) makes g infinite: no D
 * satisfies the line, NaN. */
#ifndef HARNESS_LINE_ROOT_H
#define HARNESS_LINE_ROOT_H

#include "line_fn.h"
#include "root.h"

#include <float.h>
#include <math.h>

/* The bracket's lower end; the upper is 1 - LINE_ROOT_LO. */
#define LINE_ROOT_LO 0x1p-40

/* The root of G (called with V as its params) in [LINE_ROOT_LO, 1 - LINE_ROOT_LO] by
   root_bisect_estimate: est_opt within the bracket's half-width, NaN when none is certain. */
estimate line_root_unit (root_fn g, const double *v);

#define LINE_ROOT(name, g) LINE_FN_CLOSED (name, line_root_unit (g, p->v))
#define LINE_ROOT_SIDES(name, a_expr, op, b_expr, k) \
  static double name##_eq (double d, void *params, double *rounding) \
  { \
    const double *v = params; \
    double a = (a_expr), b = (b_expr); \
    *rounding = (k) * DBL_EPSILON * (a + b); \
    return a op b; \
  } \
  LINE_ROOT (name, name##_eq)
#define LINE_ROOT_QUOTIENT(name, a_expr, b_expr, den_expr, k) \
  static double name##_eq (double d, void *params, double *rounding) \
  { \
    const double *v = params; \
    double a = (a_expr), b = (b_expr), top = a - b, den = (den_expr); \
    *rounding = (k) * DBL_EPSILON * (a + b + fabs (top)) / fabs (den); \
    return top / den; \
  } \
  LINE_ROOT (name, name##_eq)

#endif

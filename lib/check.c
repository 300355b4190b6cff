/* check.c -- estimates and the decision rule (see check.h). */
#include "check.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

estimate
est_quad (quad_result q)
{
  estimate e = { q.value, q.abserr, EST_QUAD, 0 };
  return e;
}

int
check_source_is_harness (const char *source)
{
  return source && strncmp (source, "harness", 7) == 0
    && (source[7] == '\0' || source[7] == ' ');
}

const char *
relation_symbol (relation rel)
{
  switch (rel)
    {
    case REL_EQ:
      return "=";
    case REL_LE:
      return "<=";
    case REL_GE:
      return ">=";
    case REL_NE:
      return "!=";
    }
  return "?";
}

int
check_as_expected (const check_result * r)
{
  if (!r->evaluated)
    return 0;
  if (r->inconclusive || r->spec->expect == EXPECT_INCONCLUSIVE)
    return r->inconclusive && r->spec->expect == EXPECT_INCONCLUSIVE;
  return r->spec->expect == EXPECT_HOLDS ? r->held : !r->held;
}

int
check_found_seed_error (const check_result * r)
{
  return r->evaluated && !r->inconclusive
    && r->spec->expect == EXPECT_SEED_ERROR && !r->held;
}

/* ----------------------------------------------------------------------
 * The decision rule
 * ---------------------------------------------------------------------- */

#include "decision.h"

/* Deterministic errors add; random ones add in quadrature. */
static void
split_error (estimate e, double *var, double *bound)
{
  double se = est_se (e);
  *var += se * se;
  *bound += est_bound (e);
}

double
check_critical_value (relation rel, double alpha)
{
  return rel == REL_EQ || rel == REL_NE
    ? gsl_cdf_ugaussian_Qinv (alpha / 2) : gsl_cdf_ugaussian_Qinv (alpha);
}

/* The signed excess that the relation forbids: for = and != it is |diff|,
   for <= it is diff, for >= it is -diff. */
static double
excess (relation rel, double diff)
{
  switch (rel)
    {
    case REL_LE:
      return diff;
    case REL_GE:
      return -diff;
    default:
      return fabs (diff);
    }
}

static double
point_diff (estimate obs, estimate ref)
{
  /* Equal infinities (e.g. two infinite KLs) are equal, not NaN apart. */
  if (obs.value == ref.value)
    return 0.0;
  return obs.value - ref.value;
}

decision
decide (relation rel, estimate obs, estimate ref, double alpha)
{
  decision d;
  double var = 0.0, bound = 0.0;
  split_error (obs, &var, &bound);
  split_error (ref, &var, &bound);
  double scale = fmax (fabs (obs.value), fabs (ref.value));
  if (isfinite (scale))
    bound += 4 * DBL_EPSILON * scale;
  d.diff = point_diff (obs, ref);
  d.se = sqrt (var);
  d.bound = bound;
  d.crit = d.se > 0 ? check_critical_value (rel, alpha) : 0.0;
  d.margin = d.crit * d.se + d.bound;
  double ex = excess (rel, d.diff);
  d.stat_is_z = d.se > 0;
  if (d.stat_is_z)
    d.statistic = (ex - (rel == REL_NE ? 0 : d.bound)) / d.se;
  else
    d.statistic = d.bound > 0 ? ex / d.bound : (ex == 0 ? 0 : INFINITY);
  if (isnan (d.diff) || isnan (d.margin))
    d.held = 0;                 /* NaN never satisfies any relation */
  else if (rel == REL_NE)
    d.held = ex > d.margin;
  else
    d.held = ex <= d.margin;
  d.detectable = (d.se > 0 ? (d.crit + CHECK_POWER_Z) * d.se : 0) + d.bound;
  return d;
}

int
check_decide_point (relation rel, estimate obs, estimate ref, double alpha)
{
  return decide (rel, obs, ref, alpha).held;
}

/* check.h -- checks, decision rules and verdicts.
 *
 * A check compares an observed value with a reference under a relation
 * (=, <=, >=, !=).  Each side is an estimate: a value with an error of a
 * stated kind.  Monte Carlo errors are standard errors (random); closed
 * forms, quadrature and optimisers carry deterministic bounds.  The rule,
 * for a difference diff = observed - reference, is
 *
 *     |diff| <= z * se + bound          (relation =)
 *      diff  <= z * se + bound          (relation <=, mirrored for >=)
 *     |diff| >  z * se + bound          (relation !=)
 *
 * where se combines the random errors in quadrature, bound adds the
 * deterministic ones plus a few ulps of the larger side, and z is the normal
 * critical value for the per-check false-alarm probability CHECK_ALPHA
 * (two-sided for =, one-sided for inequalities).  A check over several
 * parameter points splits CHECK_ALPHA among them (Bonferroni), so the
 * check's own false-alarm probability stays CHECK_ALPHA.
 *
 * Family-wise: a full `make check` evaluates fewer than 1000 checks, so the
 * probability that any check which should hold fails by chance is at most
 * 1000 * CHECK_ALPHA = 1e-4 (union bound). */
#ifndef HARNESS_CHECK_H
#define HARNESS_CHECK_H

#include "estimate.h"
#include "mc.h"
#include "quad.h"

#include <stddef.h>

#define CHECK_ALPHA 1e-7
#define CHECK_POWER_Z 1.2815515655446004   /* 90% power: Phi^-1(0.9) */

typedef enum { REL_EQ, REL_LE, REL_GE, REL_NE } relation;
/* EXPECT_INCONCLUSIVE: the evidence is expected not to decide (a
   diagnostic of the estimator's own assumptions fails by design). */
typedef enum { EXPECT_HOLDS, EXPECT_SEED_ERROR, EXPECT_INCONCLUSIVE } expectation;

estimate est_quad (quad_result q);

/* Is SOURCE the harness's own ("harness", or "harness" and more words),
   not a line of a seed?  The one test the report, the index and the
   figures use (a teaching assistant's file may be called "h" or "harn"). */
int check_source_is_harness (const char *source);

/* What a check claims; a program declares all of them in one table. */
typedef struct
{
  const char *id;          /* short, unique, [a-z0-9_] */
  const char *source;      /* seed and line, e.g. "004 eq. (1.8)", or "harness" */
  const char *statement;   /* the line as written, or the property checked */
  relation rel;            /* observed REL reference */
  expectation expect;      /* holds, or a known error in the seed */
  const char *correction;  /* for EXPECT_SEED_ERROR: the correct expression */
} check_spec;

/* A row of a claim's CHECKS table for one of the harness's own checks (a
   property of the method, not a line of a seed), expected to hold:
   source "harness", no correction.  The rows of seed lines spell out all
   six fields, so that a reader sees each line's source and expectation. */
#define CHECK_HARNESS(id, rel, statement) \
  { (id), "harness", (statement), (rel), EXPECT_HOLDS, NULL }

/* What the evidence said. */
typedef struct
{
  const check_spec *spec;
  int evaluated;
  int held;                /* the relation held under the decision rule */
  int inconclusive;        /* closed by check_inconclusive: no verdict */
  size_t n_points, n_failed;
  estimate obs, ref;       /* at the deciding point: worst, or for != best */
  double diff;             /* obs - ref there */
  double statistic;        /* z (random error) or |diff| / bound */
  int stat_is_z;
  double crit;             /* z critical value, or 1 for a pure bound */
  double alpha;            /* per-point false-alarm probability; 0 if none */
  double detectable;       /* smallest |diff| detected with 90% power */
  double se, bound;        /* random and deterministic error at that point */
  double max_abs_diff, max_rel_diff;
  char note[512];
  /* points are kept until the check is closed */
  estimate *pts_obs, *pts_ref;
  size_t pts_cap;
} check_result;

int check_as_expected (const check_result * r);
/* Closed, conclusive, and a known seed error detected (a finding). */
int check_found_seed_error (const check_result * r);
const char *relation_symbol (relation rel);

/* The normal critical value a check uses: two-sided for = and !=,
   one-sided for <= and >=. */
double check_critical_value (relation rel, double alpha);

/* Decide one point, without recording it (used by tests and helpers). */
int check_decide_point (relation rel, estimate obs, estimate ref,
                        double alpha);

#endif

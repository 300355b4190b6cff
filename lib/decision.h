/* decision.h -- the arithmetic of the decision rule (see check.h). */
#ifndef HARNESS_DECISION_H
#define HARNESS_DECISION_H

#include "check.h"

typedef struct
{
  double diff;        /* obs - ref */
  double se;          /* random part, combined in quadrature */
  double bound;       /* deterministic part, plus a few ulps */
  double crit;        /* z critical value for the relation and alpha */
  double margin;      /* crit * se + bound */
  double statistic;   /* z = (|diff| - bound) / se, or |diff| / bound */
  int stat_is_z;
  int held;
  double detectable;  /* (crit + z_0.9) * se + bound */
} decision;

decision decide (relation rel, estimate obs, estimate ref, double alpha);

#endif

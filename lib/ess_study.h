/* ess_study.h -- how well an ESS estimator (lib/ess: ess_geyer) does on
 * AR(1) chains, whose ESS is known exactly (lib/ar1), over R independent
 * replicate chains: the median and the spread of log(ESS-hat / ESS), the
 * 10% and 90% points of ESS-hat / n, how often the estimator is undefined,
 * and how often the chain's true mean 0 lies within ±1.96 of its se.
 *
 * The spread is the plain standard deviation over the defined replicates,
 * not a robust one: with R = 8 a median absolute deviation is too often
 * near 0, and a heavy tail only widens the sd, which makes a check on it
 * more lenient, never falsely strict.  An undefined replicate (σ²_asy <=
 * 0: ESS not positive and finite) counts as +inf in the median and the
 * percentiles -- it sorts above every finite value, so the median stays
 * defined while fewer than half fail -- and is left out of the sd and the
 * coverage. */
#ifndef HARNESS_ESS_STUDY_H
#define HARNESS_ESS_STUDY_H

#include "ess.h"
#include "mc.h"
#include "sbuf.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

/* A change of the estimator's result, applied to every replicate before
   it is summarised (a claim's negative control), or NULL for none. */
typedef void (*ess_study_variant) (ess_result * e);

typedef struct
{
  double rho, ess_true;          /* the chain's ρ and its exact ESS n / τ_n */
  double median_log, sd_log;     /* of log(ESS-hat / ESS) over replicates */
  double q10, q90;               /* percentiles of ESS-hat / n (+inf: undefined) */
  size_t undefined;              /* replicates where σ²_asy <= 0 */
  double coverage;               /* fraction with |mean| <= 1.96 se */
} ess_study;

/* REPS chains of length N at RHO from R, each estimated by ess_geyer and
   changed by VARIANT; the summary in *S.  |z| = |mean / se| of every
   defined replicate goes into ABS_Z when it is not NULL. */
void ess_study_ar1 (const gsl_rng * r, double rho, size_t n, size_t reps,
                    ess_study_variant variant, ess_study * s, mc_acc * abs_z);

/* The studies S[0..N_S-1] (chains of length N, REPS replicates each) as a
   Markdown table appended to B, one row per ρ: the exact ESS/n, the
   median ratio e^{median_log}, sd_log, the 10%–90% range of ESS-hat/n (a
   90% point among the undefined replicates is written "undefined", not
   "inf": it is not infinite), the undefined count of REPS and the
   coverage. */
void ess_study_write_table (sbuf * b, const ess_study * s, size_t n_s, size_t n,
                            size_t reps);

#endif

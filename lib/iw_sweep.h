/* iw_sweep.h -- the importance-weighted bounds L_k over a grid of k, for
 * several proposals of one model: at every k, Monte Carlo replicates of k
 * weights (iw_mc_run) and the exact gap log p(x) - L_k by quadrature
 * (iw_gauss_gap), and the data a figure and a report table show of them.
 *
 * The experiment that tells how fast L_k closes on log p(x): Monte Carlo
 * says where the estimators agree with the exact gap, the quadrature,
 * whose cost does not depend on k, carries the grid on to k = 10^8 where
 * rates and limits are read.
 *
 * Proposals (iw_sweep_proposals): the 1-D model of lib/iw_gauss at one x,
 * each q placed in units of its posterior (iw_model_init).
 * Grid (iw_sweep_grid): 1, 2, 5, 10, ... up to kmax, and kmax itself, by
 * both; then the decades above kmax up to 10^8 by quadrature alone.
 * Sparse: kmax at most 1000, one k a decade, and above it 10^6 and 10^8.
 * Replicates at k (iw_sweep_replicates): samples / k, never fewer than
 * max(100, samples / 2500), so that the largest k keep enough replicates
 * for a normal critical value.  A point's standard error of L_k is
 * trusted (iw_sweep_trusted) when the Pareto k-hat of its replicates
 * (lib/psis.h) is at most min(1 - 1/log10 n, PSIS_KHAT_MAX).
 *
 * The sweep's own checks (iw_sweep_check): its Monte Carlo against the
 * quadrature, the quadrature against the closed-form ELBO, the bound,
 * the delta-method limit, the unbiased mean weight and the leave-one-out
 * estimate; and the description of its method for a report
 * (iw_sweep_write_method), written beside the code it describes so that
 * the two cannot drift apart. */
#ifndef HARNESS_IW_SWEEP_H
#define HARNESS_IW_SWEEP_H

#include "harness.h"
#include "iw_gauss.h"
#include "sbuf.h"

#define IW_SWEEP_MAX_K 40
#define IW_SWEEP_MAX_Q 4

typedef struct
{
  size_t n_q;
  const char *name[IW_SWEEP_MAX_Q];     /* "wide": for data and tables */
  iw_model q[IW_SWEEP_MAX_Q];           /* the model under each q; the
                                           Monte Carlo draws with q[p].f */
  double k[IW_SWEEP_MAX_K];             /* k[0 .. n_mc) by Monte Carlo, */
  size_t n_mc, n_k;                     /* all n_k by quadrature */
  size_t reps[IW_SWEEP_MAX_K];          /* replicates at k[0 .. n_mc) */
  iw_mc mc[IW_SWEEP_MAX_Q][IW_SWEEP_MAX_K];
  quad_result gap[IW_SWEEP_MAX_Q][IW_SWEEP_MAX_K];   /* log p(x) - L_k */
  double var_w[IW_SWEEP_MAX_Q];         /* Var_q(w~), inf when infinite */
  /* iw_gauss_gap_bound at every k for a q narrower than the target with
     a finite Var(w~); NaN for the others */
  double bound[IW_SWEEP_MAX_Q][IW_SWEEP_MAX_K];
} iw_sweep;

/* N proposals for the 1-D model z ~ N(0, 1), x | z ~ N(A z, SD^2) at one
   observation X: q P named NAME[P] and placed at N(mu + SHIFT[P] sqrt(v),
   C[P] v) in units of the posterior N(mu, v) (iw_model_init).  Dies
   (die_internal) on more than IW_SWEEP_MAX_Q. */
void iw_sweep_proposals (iw_sweep * s, double a, double sd, double x, size_t n,
                         const char *const name[], const double shift[],
                         const double c[]);

/* Append K to the grid; dies (die_internal) when it is full. */
void iw_sweep_add_k (iw_sweep * s, double k);

/* The grid above, up to KMAX by Monte Carlo (SPARSE: the sparse one). */
void iw_sweep_grid (iw_sweep * s, double kmax, int sparse);

/* The replicates at each Monte Carlo k for SAMPLES weights a point. */
void iw_sweep_replicates (iw_sweep * s, double samples);

/* For each q in turn, the Monte Carlo runs at k[0 .. n_mc) on R (in that
   order: the draws are reproducible), with ESTIMATORS (NULL: the correct
   ones); then the gaps (IW_GAP_FOR_MC where Monte Carlo ran,
   IW_GAP_PRECISE beyond), Var(w~) and the bounds. */
void iw_sweep_run (iw_sweep * s, gsl_rng * r,
                   const iw_estimators * estimators);

/* L_k = log p(x) - gap by quadrature under q P at k[I]. */
estimate iw_sweep_lk_quad (const iw_sweep * s, size_t p, size_t i);

/* Whether the standard error of L_k's Monte Carlo mean at (P, I) can be
   trusted (the Pareto k-hat rule above); a NaN k-hat is not. */
int iw_sweep_trusted (const iw_sweep * s, size_t p, size_t i);

/* The points iw_sweep_trusted leaves out: how many, and the largest
   k-hat among them (a NaN one counts as the largest) with its q and k;
   0, 0 and 0 when there are none. */
typedef struct
{
  size_t n, p;
  double khat, k;
} iw_sweep_left_out;

iw_sweep_left_out iw_sweep_untrusted (const iw_sweep * s);

/* The local log-log slope of q P's quadrature gap between the last two k. */
double iw_sweep_slope (const iw_sweep * s, size_t p);

/* Two data blocks, each after two blank lines.  The first, over all k:
   k, per q the gap and its error, then each bound, then each asymptote
   Var(w~)/(2k) where Var(w~) is finite.  The second, over the Monte Carlo
   k: k, the replicates, per q the gap estimate and its standard error: the
   control-variate estimator iw_gap_summand where Var(w~) is finite, else
   log p(x) - the mean log-mean-exp. */
void iw_sweep_write_data (sbuf * b, const iw_sweep * s);

/* A markdown table of L_k by Monte Carlo (± SE) and by quadrature, per q,
   at the Monte Carlo k, and then log p(x). */
void iw_sweep_write_table (sbuf * b, const iw_sweep * s);

/* ---- the sweep's checks ---- */

/* The gap estimator's points need this many replicates: at large k it is
   close to a scaled chi-square with one degree of freedom, whose
   t-statistic from fewer replicates has tails far beyond the normal's. */
#define IW_SWEEP_GAP_CV_MIN_REPLICATES 1000

/* The seven checks of a run sweep S, ids IDS[0..6] in the order of
   IW_SWEEP_IDS, each closed with a note saying what entered it:
   IDS[0] L_1 by quadrature = iw_model_elbo, every q;
   IDS[1] L_k by Monte Carlo = L_k by quadrature, and IDS[6] the E_M
   (leave-one-out) estimate = L_k by quadrature, at every Monte Carlo
   point iw_sweep_trusted keeps (inconclusive when it keeps none);
   IDS[5] the mean weight = p(x) there, for q with a finite Var(w~);
   IDS[2] the gap estimator = the quadrature gap there, for those q, at k
   with at least IW_SWEEP_GAP_CV_MIN_REPLICATES replicates;
   IDS[3] the quadrature gap <= the bound, every k, q with a bound;
   IDS[4] k times the gap = Var(w~)/2 within 2 |c1| / k
   (iw_gauss_delta_c1) at k = 10^6 and 10^8, q with a finite Var(w~).
   What is checked is what S holds, so that a claim's negative controls
   may break S between iw_sweep_run and this. */
void iw_sweep_check (harness * h, const iw_sweep * s, const char *const ids[7]);

/* The seven checks' table entries, ids IW_SWEEP_IDS, for a sweep whose
   proposals a claim names as ALL ("three"), FINITE (those with a finite
   Var(w~): "wide and narrow") and BOUNDED (those with a bound) */
#define IW_SWEEP_CHECKS(all, finite, bounded) \
  {"quad_l1_vs_elbo", "harness", "the quadrature L_1 (Frullani representation, k = 1) =" \
   " the closed-form ELBO, for the " all " proposals", REL_EQ, EXPECT_HOLDS, NULL}, \
  {"lk_mc_vs_quad", "harness", "L_k by Monte Carlo (log_mean_exp over replicates) = L_k by" \
   " quadrature, k from 1 to kmax, " all " proposals", REL_EQ, EXPECT_HOLDS, NULL}, \
  {"gap_cv_vs_quad", "harness", "the gap estimator E[e - log(1+e)], e = mean_k(w)/p(x) - 1" \
   " (control variate E[e] = 0), = log p(x) - L_k by quadrature (" finite " q)", \
   REL_EQ, EXPECT_HOLDS, NULL}, \
  {"unbounded_gap_bound", "harness", bounded " q (p/q unbounded, but w >= w_min > 0):" \
   " log p(x) - L_k (quadrature) <= Var_q(w) / (2 k p(x) w_min) for k up to 10^8", \
   REL_LE, EXPECT_HOLDS, NULL}, \
  {"delta_method_limit", "harness", "k (log p(x) - L_k) (quadrature, k = 10^6 and 10^8) =" \
   " Var_q(w)/(2 p(x)^2) (delta method) within twice the next term, 2|c1|/k; " finite " q", \
   REL_EQ, EXPECT_HOLDS, NULL}, \
  {"mean_weight_unbiased", "harness", "E[(1/k) sum_i w_i] by Monte Carlo = p(x) (the weights" \
   " are unbiased), " finite " q", REL_EQ, EXPECT_HOLDS, NULL}, \
  {"loo_equals_lk", "harness", "E[E_M log (1/k) sum_{j in M} w_j] over k+1 draws = L_k by" \
   " quadrature, every k of the grid", REL_EQ, EXPECT_HOLDS, NULL}
#define IW_SWEEP_IDS \
  ((const char *const[7]) {"quad_l1_vs_elbo", "lk_mc_vs_quad", "gap_cv_vs_quad", \
                           "unbounded_gap_bound", "delta_method_limit", \
                           "mean_weight_unbiased", "loo_equals_lk"})

/* Three paragraphs on the method: the quadrature reference (its check is
   L1_CHECK), the Monte Carlo with its replicates and gap estimator, and
   which points the checks use (the k-hat rule, the points left out).
   BARS is appended to the sentence on the points of q with an infinite
   Var(w~), which the data give as log p(x) - the mean log-mean-exp: how
   a claim's figure draws their error bars ("" for nothing). */
void iw_sweep_write_method (sbuf * b, const iw_sweep * s, const char *l1_check,
                            const char *bars);

#endif

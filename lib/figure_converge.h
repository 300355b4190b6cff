/* figure_converge.h -- the declarative panel of an estimate converging,
 * with its band, on a closed form.
 *
 * The picture most Monte Carlo claims draw: over x (a sample size, a number
 * of samples k, a separation, a grid of points) the estimate of each series
 * with the band ±z·SE its check decides with, on the closed form it must
 * agree with (a constant line or a curve over x); closed-form bounds (a
 * lower and an upper one) where the claim has them; other reference curves
 * (an asymptote, a rate) in grey; and the value a seed line claims, drawn
 * distinctly (vermillion, dash-dot, squares) and labelled, so that a
 * finding shows on the panel.  In the manner of
 * figure_panel.h and figure_mcmc.h: the claim describes the panel in a
 * figure_converge_spec, the panel writes data block *BLOCK (and advances
 * it) and the gnuplot commands, inside a multiplot the claim opens and
 * closes, and resets the axes for the claim's next panel.
 *
 *   figure_converge_series s = { .label = "score function (MC)",
 *     .estimate = var, .se = var_se, .truth = var_exact,
 *     .truth_label = "quadrature / K" };
 *   figure_converge_spec p = { .title = "Variance against K",
 *     .xlabel = "K", .ylabel = "Var", .x = k, .n = 6, .log_x = 1,
 *     .log_y = 1, .z = check_critical_value (REL_EQ, CHECK_ALPHA),
 *     .series = &s, .n_series = 1 };
 *   figure_converge (h, &block, &p);
 *
 * The data block's columns (named in its header): x, then per series the
 * estimate, the band's lower and upper edge, the closed form, the spread's
 * lower and upper end; then each seed line's value; then the lower and
 * the upper bound; then each reference curve; then, per series with point
 * labels, its labels as quoted strings.  Columns a description
 * leaves out hold NaN.  On a log y axis a band's lower edge <= 0 is drawn
 * at a tenth of the estimate (the header says so).  Series are drawn in line styles 1, 3, 4, 5, 6 of lib/figure_style.gp
 * (2, vermillion, is the findings' colour). */
#ifndef HARNESS_FIGURE_CONVERGE_H
#define HARNESS_FIGURE_CONVERGE_H

#include "harness.h"

#define FIGURE_CONVERGE_MAX_SERIES 5
#define FIGURE_CONVERGE_MAX_SEEDS 3
#define FIGURE_CONVERGE_MAX_REFS 3

/* One estimate over x.  ESTIMATE[i] is its value at x[i] (NaN or an
   infinity where it is undefined: not drawn), SE[i] its standard error
   (>= 0; NaN: no band there; SE NULL when it has none worth a band, as a
   quadrature's).  The band is ESTIMATE ± z·SE, or, when SE_OF_LOG is set (a check made on the log
   scale), ESTIMATE·exp(±z·SE).  The closed form is TRUTH[i] at each x, or
   the constant TRUTH_VALUE when TRUTH is NULL (TRUTH_LABEL NULL: "closed
   form").  SPREAD_LO and SPREAD_HI (both or neither) are a spread drawn as
   bars on the estimate, e.g. the 10th and 90th percentile of replicates,
   labelled SPREAD_LABEL.  Z, when not 0, is this series' own critical
   value (two checks on one panel), else the panel's. */
typedef struct
{
  const char *label;
  const double *estimate, *se;
  int se_of_log;
  double z;
  const double *truth;
  double truth_value;
  const char *truth_label;
  const double *spread_lo, *spread_hi;
  const char *spread_label;
  /* POINT_LABEL[i], when given, is written beside the estimate at x[i]
     (e.g. "ρ = 0.9": the parameter a point stands for); NULL: none there.
     No double quote or newline (the labels are a quoted data column). */
  const char *const *point_label;
} figure_converge_series;

/* A curve over x: VALUE[i] at each x, or the constant CONSTANT when VALUE
   is NULL.  As a seed line: the value the line claims, LABEL naming the
   line and its verdict; as a reference: an asymptote or a rate. */
typedef struct
{
  const char *label;
  const double *value;
  double constant;
} figure_converge_curve;

typedef struct
{
  const char *title, *xlabel, *ylabel;
  const double *x;             /* N values, strictly increasing, finite */
  size_t n;
  int log_x, log_y;            /* log scale: x > 0; on a log y a constant
                                  closed form and the bounds > 0, while an
                                  estimate, spread, seed value or closed
                                  form over x <= 0 (noise, a quadrature
                                  under a mutant, or a claim) stays in the
                                  data, not drawn */
  double z;                    /* the band's half-width in SEs: the check's
                                  critical value, check_critical_value () */
  const figure_converge_series *series;   /* 1 .. MAX_SERIES */
  size_t n_series;
  const figure_converge_curve *seeds;     /* 0 .. MAX_SEEDS */
  size_t n_seeds;
  const figure_converge_curve *refs;      /* 0 .. MAX_REFS, grey */
  size_t n_refs;
  /* closed-form bounds lo <= estimate <= hi at each x (both or neither),
     drawn as a grey band */
  const double *bracket_lo, *bracket_hi;
  const char *bracket_label;
  double xlo, xhi, ylo, yhi;   /* ranges; lo == hi (0, 0): automatic */
  const char *key;             /* gnuplot key placement; NULL: below the
                                  axes, where it covers no data */
  int bars;                    /* the band as error bars on points (few,
                                  separate x) instead of a filled tube */
} figure_converge_spec;

/* The critical value z that check ID decides its points with (after
   check_close): CHECK_ALPHA split among its points, so that the panel's
   band is the decision's band (one point's z if it was closed
   inconclusive).  Dies (EXIT_RUNTIME) if ID is not a check of the claim or
   is not closed yet. */
double figure_converge_z (const harness * h, const char *id);

/* 0 when S describes a panel; otherwise -1 and the reason in WHY (SIZE
   bytes): no title or axis label, fewer than 2 x, x not finite or not
   increasing, no series or too many (seeds, references), a series, seed,
   reference, spread or bounds without a label, a negative SE, z not
   positive and finite (the panel's, or a series' own when given), a closed
   form not finite, a point label with a double quote or a newline, a
   spread or bounds given by one end only, bounds lo > hi, an x <= 0 on a
   log x axis, a constant closed form or a bound <= 0 on a log y axis, a range with
   lo >= hi.  What it refuses is a defect of the claim's description,
   never of its data: estimates, SEs and seed values that noise (or a
   mutant) makes NaN or <= 0 are drawn where they can be. */
int figure_converge_validate (const figure_converge_spec * s, char *why,
                              size_t size);

/* Write the panel S as data block *BLOCK of the figure and its plot
   commands (advancing *BLOCK).  A description figure_converge_validate
   refuses is a defect of the claim: one line, EXIT_RUNTIME. */
void figure_converge (harness * h, int *block, const figure_converge_spec * s);

#endif

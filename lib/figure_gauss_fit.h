/* figure_gauss_fit.h -- the picture of lib/gauss_fit: one Gaussian fitted
 * to a 1-D mixture by the inclusive and by the exclusive KL.
 *
 * One panel, inside a multiplot the claim opens and closes: the target p
 * shaded, its inclusive fit argmin KL(p||q) dashed, and per component of p
 * one curve of an exclusive fit argmin KL(q||p) that reached it (runs that
 * reach the same component give the same fit to the optimiser's tolerance,
 * so the first one is drawn), keyed by the starting means that reached it;
 * under the curves the starting means, marked in the colour of the
 * component they reached (gauss_fit_nearest).  Component k is drawn in
 * line style FIGURE_GAUSS_FIT_STYLES[k] of lib/figure_style.gp.
 *
 * Data: block BLOCK holds x, p(x), the inclusive q(x) and one column per
 * component (NaN where no run reached it), at 601 points over [xlo, xhi];
 * block BLOCK + 1 one row per exclusive run: m0, the component reached
 * (from 1), m and s.  Both follow a blank-line pair (never the first
 * block). */
#ifndef HARNESS_FIGURE_GAUSS_FIT_H
#define HARNESS_FIGURE_GAUSS_FIT_H

#include "gauss_fit.h"
#include "harness.h"
#include "sbuf.h"

#define FIGURE_GAUSS_FIT_MAX_COMPONENTS 4
extern const int FIGURE_GAUSS_FIT_STYLES[FIGURE_GAUSS_FIT_MAX_COMPONENTS];   /* 1, 3, 4, 5 */

typedef struct
{
  const gmm *p;                 /* the 1-D target, at most MAX_COMPONENTS */
  const gauss_fit *incl;        /* the inclusive fit */
  const gauss_fit *excl;        /* N exclusive fits, one per start */
  size_t n;
  const char *title;            /* in single quotes: no '\'' */
  double xlo, xhi, ymax;        /* the ranges: [xlo:xhi], [0:ymax] */
} figure_gauss_fit_spec;

/* Blocks BLOCK and BLOCK + 1 of S into FIG and the panel's gnuplot
   commands into GP.  A target of more components than there are styles,
   or no exclusive fit, is refused (die_runtime). */
void figure_gauss_fit (sbuf * fig, sbuf * gp, int block,
                       const figure_gauss_fit_spec * s);

/* A claim's whole figure as a multiplot of two panels side by side: each
   line against its truth (figure_lines_against_truth, lib/figure_panel,
   titled LINES_TITLE), then figure_gauss_fit's panel of S from the block
   after the lines panel's, into H's figure data and script. */
void figure_gauss_fit_page (harness * h, const char *lines_title,
                            const figure_gauss_fit_spec * s);

#endif

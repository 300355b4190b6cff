/* figure_ratio_fit.h -- the picture of lib/ratio_fit: a density f1 recovered from f0 by a
 * fitted discriminator, f̂1 = f0 D/(1 - D), over a grid of x (ratio_fit_grid).
 *
 * Two panels side by side in the lower half of a multiplot the claim opens and closes:
 *
 *   left    "Densities and discriminators": f0, f1, f̂1 with its band f̂1 e^{±z·se} (z for
 *           α = CHECK_ALPHA, one point's), and on the right axis the optimal discriminator
 *           D* = f1/(f0 + f1) and the one with the classes swapped, f0/(f0 + f1);
 *   right   the error log f̂1 - log f1 over f1's bulk (x within 3 s1 of m1), with the band
 *           ±z·se of the check that decides it (figure_converge).
 *
 * The left panel's data are block BLOCK of the figure data (columns x f0 f1 D* SWAPPED f̂1,
 * then the band's lower and upper edge), the right panel's block BLOCK + 1.  The right
 * panel is drawn first (figure_converge writes its data and commands together), then the
 * left; the key font, origins, sizes and margins are set here, the axes reset after. */
#ifndef HARNESS_FIGURE_RATIO_FIT_H
#define HARNESS_FIGURE_RATIO_FIT_H

#include "harness.h"
#include "ratio_fit.h"

typedef struct
{
  const normal_pair *g;         /* f0 = N(g->ma, g->sa²), f1 = N(g->mb, g->sb²) */
  const ratio_fit *fit;         /* its class counts go in the data's header */
  const ratio_fit_point *at;    /* the grid (ratio_fit_grid), N points, x increasing */
  size_t n;
  double z_error;               /* the right panel's band: its check's figure_converge_z */
  const char *swapped_column;   /* the data header's name of f0/(f0 + f1) (no spaces) */
  const char *swapped_label;    /* its legend */
} figure_ratio_fit_spec;

/* Both panels, from S, into H's figure data and script. */
void figure_ratio_fit (harness * h, int block, const figure_ratio_fit_spec * s);

/* The claim's whole figure: a multiplot under TITLE, each line of its derivations against its
   truth (figure_lines_against_truth, lib/figure_panel, under LINES_TITLE) across the upper
   half, then both panels of S below (key font 11), their data after that panel's blocks. */
void figure_ratio_fit_page (harness * h, const char *title, const char *lines_title,
                            const figure_ratio_fit_spec * s);

#endif

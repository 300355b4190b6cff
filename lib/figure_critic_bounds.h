/* figure_critic_bounds.h -- the picture of lib/critic_bounds: R1[T], R2[T]
 * and KL(p||q) as the critic leaves its optimum, for p = N(0, 1),
 * q = N(1, 1.5²), along two paths of critics:
 *
 *   T = log(p/q) + c,             c on [-2, 4]:   R2 flat at KL, R1
 *                                                 touching it at c = 1;
 *   T = 1 + log(p/q) + ε sin(1.5x), ε on [-1.5, 1.5]: both peak at ε = 0,
 *                                                 R2 above R1.
 *
 * Two panels of a multiplot the claim opens and closes, with the bounds as
 * the claim computes them (its mutants show), R2 in line style 1, R1 in 2,
 * KL in 7. */
#ifndef HARNESS_FIGURE_CRITIC_BOUNDS_H
#define HARNESS_FIGURE_CRITIC_BOUNDS_H

#include "critic_bounds.h"

/* Both paths' data as blocks BLOCK and BLOCK + 1 of H's figure data (61
   rows each: the path's parameter, R1, R2, KL), and their two panels. */
void figure_critic_bounds (harness * h, const critic_bounds * b, int block);

/* The claim's whole figure: a multiplot of three panels in a row, each
   line of its derivations against its truth (figure_lines_against_truth,
   lib/figure_panel, under TITLE), then the two panels above, their data
   after that panel's blocks. */
void figure_critic_bounds_page (harness * h, const critic_bounds * b, const char *title);

#endif

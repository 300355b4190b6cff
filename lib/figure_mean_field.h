/* figure_mean_field.h -- the picture of mean-field coordinate ascent on
 * the two-latent linear-Gaussian model (lib/lingauss2_ascent), as two
 * panels of a multiplot the claim opens and closes.
 *
 * Left, Bishop's PRML Fig. 10.2a for this model: the exact posterior
 * p(z|x)'s contours (Mahalanobis radius 1 and 2), the mean-field fit q*'s,
 * which is centred on the posterior mean but too narrow along its long
 * axis, and the path of the mean updates from a poor start.  Right (a
 * figure_converge panel): the ELBO after each update, rising to its
 * maximum log p(x) - KL(q*||p) below log p(x), and a seed's value of the
 * ELBO at q* drawn as a finding.  The updates are the caller's
 * (lingauss2_ascent_update), so the picture is of the updates checked.
 * figure_mean_field_page opens and closes the multiplot itself, with the
 * lines panel on the left, for a claim whose figure is just this. */
#ifndef HARNESS_FIGURE_MEAN_FIELD_H
#define HARNESS_FIGURE_MEAN_FIELD_H

#include "harness.h"
#include "lingauss2_ascent.h"

typedef struct
{
  lingauss2 model;              /* θ and x (b = 0, ψ = 1), and q's start s */
  double start_shift[2];        /* q's start m = posterior mean + this */
  lingauss2_ascent_update update;
  const char *path_label;       /* the path's key: "updates (2.13)" */
  /* the seed's ELBO at q*, its key "seed NAME at q* (verdict)" with the
     verdict of the derivation line SEED_LINE (NULL: none named) */
  rnd (*seed_value) (const lingauss2 * q_star);
  const char *seed_name, *seed_line;
} figure_mean_field_spec;

/* Run S's updates from S's start (lingauss2_ascent_run, traced), and
   write data blocks *BLOCK .. *BLOCK + 3 (posterior contours, the path of
   the means, q*'s contours, the ELBO panel's) and both panels' gnuplot
   commands, advancing *BLOCK. */
void figure_mean_field (harness * h, int *block, const figure_mean_field_spec * s);

/* A claim's whole figure as a multiplot of three panels: each line against
   its truth (figure_lines_against_truth, titled LINES_TITLE), then
   figure_mean_field's two from block 0 on. */
void figure_mean_field_page (harness * h, const char *lines_title,
                             const figure_mean_field_spec * s);

/* The figure's model as the claim's parameters theta1, theta2 and x
   (--set), defaults T1, T2, X: rows of its param_spec table; and the model
   they give (b = 0, ψ = 1) with q's start m = (0, 0), s = (1, 1). */
#define FIGURE_MEAN_FIELD_PARAMS(t1, t2, x) \
  {"theta1", (t1), -10.0, 10.0, "θ1 of the figure's model", PARAM_REAL}, \
  {"theta2", (t2), -10.0, 10.0, "θ2 of the figure's model", PARAM_REAL}, \
  {"x", (x), -20.0, 20.0, "the observation x of the figure's model", PARAM_REAL}
lingauss2 figure_mean_field_model (const harness * h);

#endif

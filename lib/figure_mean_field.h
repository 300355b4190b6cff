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
 * (lingauss2_ascent_update), so the picture is of the updates checked. */
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

#endif

/* amortized_fa_report.h -- the amortization gap of lib/amortized_fa in a
 * claim's outputs: the harness checks of the two optima and of the gap,
 * and the figure panel of the per-datapoint KLs.
 *
 * The checks take two routes to each optimum (amortized_fa.h): the closed
 * form (q_i*'s s_j = Λ_jj^-½; the least-squares encoder's coefficients)
 * against a concave 1-D maximiser of the ELBO along that one parameter.
 * q_i*'s mean, μ(x_i), is where ½ dᵀΛd = 0, so it has nothing to search.
 * The gap check asks that the mean gap over the data, in closed form with
 * its rounding, be non-zero: an encoder that sees too few inputs pays it.
 * The claim declares the three checks (its table, its ids); these
 * functions record their points and close them with their notes.
 * (elbo_gap, 003 Q2.2-Q2.3; Cremer, Li and Duvenaud 2018.) */
#ifndef HARNESS_AMORTIZED_FA_REPORT_H
#define HARNESS_AMORTIZED_FA_REPORT_H

#include "amortized_fa.h"
#include "harness.h"

/* The ids of the claim's three checks: q_i*'s s_j = the maximiser (=),
   the encoder's coefficients = the maximisers (=), the mean gap != 0. */
typedef struct
{
  const char *per_instance, *amortized, *gap;
} amortized_fa_report_checks;

/* Check A's optima and gap as above, into H's checks IDS: per_instance at
   j = 1, 2, amortized at each of the 2 (n_in + 1) coefficients, gap at one
   point.  S_SCALE multiplies the closed-form s_j* (1; a negative control's
   1 + 1e-3 must be caught).  A must have been fitted (amortized_fa_fit). */
void amortized_fa_report_optima (harness * h, const amortized_fa * a,
                                 const amortized_fa_report_checks * ids,
                                 double s_scale);

/* One panel of H's figure, in the multiplot the claim opens and closes:
   A's per-datapoint KLs written as data block BLOCK (amortized_fa_write_kl),
   drawn sorted, the amortization gap as the band between KL(q_i*) and
   KL(q_φ*), its mean in the title; ENCODER_KEY is the amortized curve's
   key (gnuplot enhanced text, no single quote).  Returns that mean gap. */
double amortized_fa_report_panel (harness * h, const amortized_fa * a, int block,
                                  const char *encoder_key);

#endif

/* @SLUG@.c -- ONE LINE SAYING WHAT IS CLAIMED.
 *
 * Sources: NNN SECTION (the document and the lines checked).
 * Ground truth: how the harness knows the right answer (a closed form it
 * derives, Monte Carlo, quadrature, an optimiser, brute force).
 *
 * Made by `make new-claim NAME=@SLUG@`.  As it stands it checks an example
 * derivation -- Jensen's inequality for X = exp(N(m, s²)) with one wrong
 * line -- so that it builds, runs and passes.  Replace it by the seed's own
 * lines, keeping the shape (lib/derivation.h explains each field):
 *   1. a point kind: where the derivation is checked (here a box of two
 *      named scalars; lib/point.h has Gaussians, pairs, probability vectors;
 *      a kind of your own supplies draw, print, parse, shrink, valid);
 *   2. the truths: what the harness itself computes, independently;
 *   3. the lines, in the seed's order: each its source, its text as
 *      written, its function, the relation to the line it comes from, what
 *      the repository expects, and for a wrong line the correct expression;
 *   4. a mutant beside every line that should hold (a negative control). */
#include "harness.h"
#include "figure_panel.h"
#include "line_fn.h"

#include <gsl/gsl_randist.h>
#include <math.h>

/* each coordinate: name, range, log-uniform?, whole numbers?  (NULL: the
   default description of how points are drawn) */
static const point_kind box = POINT_BOX_OF (NULL, {"m", -2, 2, 0, 0}, {"s", 0.1, 2, 1, 0});

#define M (p->v[0])
#define S (p->v[1])

/* The sampler draws x = exp(m + s z); integrands see one draw at a time. */
static void
sample (const gsl_rng * r, const point * p, const void *prep, double *x)
{
  (void) prep;
  x[0] = exp (M + S * gsl_ran_gaussian_ziggurat (r, 1.0));
}

/* Truths.  A closed form carries its rounding bound: EST_SUM adds its
   terms and bounds the sum by Higham's gamma_{n-1} sum |t_i| (estimate.h).
   LINE_FN_CLOSED and LINE_FN_PLAIN (lib/line_fn.h) define a line's
   function from its expression in the point P (and the draw Z). */
LINE_FN_CLOSED (e_log_x, est_exact (M, 0))

/* The lines as written: an integrand (under the sampler), closed forms. */
LINE_FN_PLAIN (log_x, log (z[0]))
LINE_FN_CLOSED (log_e_x, EST_SUM (M, S * S / 2))
LINE_FN_CLOSED (log_e_x_mutant, EST_SUM (M, -S * S / 2))
LINE_FN_CLOSED (wrong_sign, EST_SUM (M, -S * S / 2))
LINE_FN_CLOSED (rewritten, EST_SUM (M, -0.5 * S * S))
LINE_FN_CLOSED (rewritten_mutant, EST_SUM (M, -S * S))

static const derivation_truth TRUTHS[] = {
  {"e_log_x", "E[log X] = m (the mean of a normal)", LINE_CLOSED (e_log_x)},
};

static const derivation_line LINES[] = {
  {.id = "ex_e_log", .source = "NNN eq. (1)", .text = "E[log X]",
   .eval = LINE_EXPECT (log_x), .truth = "e_log_x"},
  {.id = "ex_jensen", .source = "NNN eq. (1)", .text = "≤ log E[X] = m + s²/2",
   .eval = LINE_CLOSED (log_e_x), .rel = REL_LE,
   .mutants = {{"ex_jensen_flipped", "log E[X] = m - s²/2", LINE_CLOSED (log_e_x_mutant)}}},
  {.id = "ex_wrong", .source = "NNN eq. (2)", .text = "= m - s²/2",
   .eval = LINE_CLOSED (wrong_sign), .expect = V_ERROR,
   .correction = "log E[X] = m + s²/2: the sign of s²/2 is wrong"},
  {.id = "ex_carried", .source = "NNN eq. (3)", .text = "= m - ½ s·s",
   .eval = LINE_CLOSED (rewritten), .expect = V_CARRIES,
   .mutants = {{"ex_carried_doubled", "m - s·s: the step then fails", LINE_CLOSED (rewritten_mutant)}}},
  {.id = "ex_hence", .source = "NNN eq. (3)", .text = "hence the bound",
   LINE_NOT_CHECKABLE ("prose: the conclusion in words of the lines above")},
};

/* 50 points of the box, 4 of them with Monte Carlo; a draw is one x */
DERIVATION_DEFINE (jensen, "jensen", "NNN: an example chain", box, 50, TRUTHS, LINES,
                   .n_mc_points = 4, .x_dim = 1, .sample = sample);

static const claim CLAIM = {
  .slug = "@SLUG@",
  .title = "TITLE OF THE CLAIM",
  .claim = "The claim in our words.",
  .sources = "NNN SECTION",
  CLAIM_DERIVATIONS (&jensen),
  .samples_default = 1000000, .samples_quick = 40000,
  .figure_caption = "Each line against its truth at every point.",
};

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  derivation_run (h, &jensen);
  figure_lines_against_truth (h, "TITLE: each line against its truth");
  return harness_end (h);
}

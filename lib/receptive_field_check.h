/* receptive_field_check.h -- receptive fields (lib/receptive_field) as
 * harness checks.
 *
 * Three statements a claim about masked convolutions makes of the field of
 * one output pixel: a field probed on the running network equals its
 * ground truth, input by input; an autoregressive network sees nothing at
 * or after the output pixel in raster order; and inputs that no path of
 * bounded tap potential can reach (receptive_field_tap_potential: the
 * PixelCNN blind spot) stay unseen.  Each function adds exact points,
 * seen (1) or not (0), to a check the claim names, in raster order, and
 * leaves closing it (check_close, with the claim's note) to the claim. */
#ifndef HARNESS_RECEPTIVE_FIELD_CHECK_H
#define HARNESS_RECEPTIVE_FIELD_CHECK_H

#include "harness.h"
#include "receptive_field.h"
#include "sbuf.h"

/* One point of check ID per input pixel: PROBED's seen (observed) against
   TRUTH's (reference), two fields of one map. */
void receptive_field_check_equal (harness * h, const char *id, const receptive_field * probed,
                                  const receptive_field * truth);

/* One point of check ID per input at or after F's output pixel: seen
   against 0, but the output pixel itself against SEES_OUTPUT (a network
   whose first mask keeps its centre tap sees it). */
void receptive_field_check_causal (harness * h, const char *id, const receptive_field * f,
                                   int sees_output);

/* The inputs before the output pixel of the N fields F[0 .. N) (one
   geometry, F[0]'s) that lie beyond REACH in di + dj from it, (di, dj) the
   input's row and column less the output's: a path through L layers of
   masks of tap potential s moves by at most L s, so for REACH = L s no
   path gets there.  For each such input, in raster order, its label
   appended to LABELS (" 25") and one point of check ID per field: seen
   against 0.  Returns how many inputs. */
int receptive_field_check_unreachable (harness * h, const char *id, const receptive_field * f,
                                       size_t n, int reach, sbuf * labels);

#endif

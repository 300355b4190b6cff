/* normal_rnd.h -- the normal log-density with its rounding carried.
 *
 * For closed forms whose rounding bound must follow the sizes of the terms
 * that cancel in them (lib/rounding.h): normal_log_pdf (lib/normal.c) in
 * its own order of operations, -½((x - mu)/sigma)² - log sigma - log √(2π),
 * with the rounding of X and MU carried.  log 1 = 0 is exact, so sigma = 1
 * adds no rounding for it.  (mean_field has the same function; the two are
 * one.) */
#ifndef HARNESS_NORMAL_RND_H
#define HARNESS_NORMAL_RND_H

#include "rounding.h"

/* log √(2π), correctly rounded */
#define NORMAL_LOG_SQRT_2PI 0.91893853320467274178

rnd normal_log_pdf_rnd (rnd x, rnd mu, double sigma);

#endif

/* lingauss2_draw.c -- lib/lingauss2's densities at a draw (see
   lingauss2_draw.h). */
#include "lingauss2_draw.h"
#include "normal.h"

#include <math.h>

double
lingauss2_draw_log_lik (const lingauss2 * g, const double *z)
{
  return normal_log_pdf (g->x, g->theta[0] * z[0] + g->theta[1] * z[1] + g->b, sqrt (g->psi));
}

double
lingauss2_draw_log_q (const lingauss2 * g, const double *z)
{
  return normal_log_pdf (z[0], g->m[0], g->s[0]) + normal_log_pdf (z[1], g->m[1], g->s[1]);
}

void
lingauss2_draw_map_q (const point * p, const void *prep, const double *e, double *z)
{
  (void) p;
  const lingauss2 *g = prep;
  for (int j = 0; j < 2; j++)
    z[j] = g->m[j] + g->s[j] * e[j];
}

/* figure_gauss_fit.c -- the inclusive and the exclusive fits of one
 * Gaussian to a 1-D mixture, drawn over it (figure_gauss_fit.h). */
#include "figure_gauss_fit.h"
#include "errors.h"
#include "figure_panel.h"
#include "normal.h"

#include <gsl/gsl_math.h>
#include <stdio.h>
#include <string.h>

/* Style 2 is the inclusive fit's: the components skip it. */
const int FIGURE_GAUSS_FIT_STYLES[FIGURE_GAUSS_FIT_MAX_COMPONENTS] = { 1, 3, 4, 5 };

#define GRID 600                /* intervals of the density block */

typedef struct
{
  int rep[FIGURE_GAUSS_FIT_MAX_COMPONENTS];           /* a run that reached k, or -1 */
  char from[FIGURE_GAUSS_FIT_MAX_COMPONENTS][128];    /* the starts that did: "-5, 0" */
} reached;

/* Which run represents each component, and the starting means of all
   that reached it */
static reached
reached_of (const figure_gauss_fit_spec * s)
{
  reached r;
  for (size_t k = 0; k < FIGURE_GAUSS_FIT_MAX_COMPONENTS; k++)
    r.rep[k] = -1, r.from[k][0] = '\0';
  for (size_t i = 0; i < s->n; i++)
    {
      size_t k = gauss_fit_nearest (s->p, s->excl[i].m, s->excl[i].s);
      if (r.rep[k] < 0)
        r.rep[k] = (int) i;
      size_t len = strlen (r.from[k]);
      snprintf (r.from[k] + len, sizeof r.from[k] - len, "%s%g", len ? ", " : "", s->excl[i].m0);
    }
  return r;
}

/* Block B: the densities over the grid; block B + 1: the runs */
static void
write_data (sbuf * fig, int b, const figure_gauss_fit_spec * s, const reached * r)
{
  const gmm *p = s->p;
  sbuf_printf (fig, "\n\n# block %d: x  p(x)  inclusive_q(x)", b);
  for (size_t k = 0; k < p->k; k++)
    sbuf_printf (fig, "  exclusive_q_mode%zu(x)", k + 1);
  sbuf_append (fig, "\n");
  for (int j = 0; j <= GRID; j++)
    {
      double x = s->xlo + (s->xhi - s->xlo) * j / (double) GRID;
      sbuf_printf (fig, "%.6g %.8g %.8g", x, gmm_pdf_1d (p, x), normal_pdf (x, s->incl->m, s->incl->s));
      for (size_t k = 0; k < p->k; k++)
        sbuf_printf (fig, " %.8g", r->rep[k] < 0 ? GSL_NAN
                     : normal_pdf (x, s->excl[r->rep[k]].m, s->excl[r->rep[k]].s));
      sbuf_append (fig, "\n");
    }
  sbuf_printf (fig, "\n\n# block %d: start m0, mode reached (1", b + 1);
  for (size_t k = 2; k <= p->k; k++)
    sbuf_printf (fig, "%s%zu", k == p->k ? " or " : ", ", k);
  sbuf_append (fig, "), fitted m, s\n");
  for (size_t i = 0; i < s->n; i++)
    sbuf_printf (fig, "%g %zu %.10g %.10g\n", s->excl[i].m0,
                 gauss_fit_nearest (p, s->excl[i].m, s->excl[i].s) + 1, s->excl[i].m, s->excl[i].s);
}

void
figure_gauss_fit (sbuf * fig, sbuf * gp, int b, const figure_gauss_fit_spec * s)
{
  if (s->p->d != 1 || s->p->k > FIGURE_GAUSS_FIT_MAX_COMPONENTS || s->n == 0)
    die_runtime ("figure_gauss_fit: a 1-D target of at most %d components (d %zu, k %zu)"
                 " and at least one exclusive fit (%zu)", FIGURE_GAUSS_FIT_MAX_COMPONENTS,
                 s->p->d, s->p->k, s->n);
  reached r = reached_of (s);
  write_data (fig, b, s, &r);
  sbuf_printf (gp,
    "set title '%s'\nset xlabel 'x'\nset ylabel 'density'\nset xrange [%g:%g]\nset yrange [0:%g]\n"
    "set key top center maxrows 3 width -2\n"
    "plot datafile index %d using 1:2 with filledcurves y1=0 ls 8 fc rgb '#999999' title 'target p', \\\n"
    "     '' index %d using 1:3 with lines ls 2 dt 2 lw 3 title 'inclusive fit (moment match)'",
    s->title, s->xlo, s->xhi, s->ymax, b, b);
  for (size_t k = 0; k < s->p->k; k++)
    if (r.rep[k] >= 0)
      sbuf_printf (gp, ", \\\n     '' index %d using 1:%zu with lines ls %d title"
                   " 'exclusive fit from m0 = %s'", b, 4 + k, FIGURE_GAUSS_FIT_STYLES[k], r.from[k]);
  for (size_t k = 0; k < s->p->k; k++)
    sbuf_printf (gp, ", \\\n     '' index %d using 1:($2 == %zu ? %g : NaN) with points ls %d pt 9 ps 1.8"
                 " notitle", b + 1, k + 1, 0.016 * s->ymax, FIGURE_GAUSS_FIT_STYLES[k]);
  sbuf_append (gp, "\n");
}

void
figure_gauss_fit_page (harness * h, const char *lines_title, const figure_gauss_fit_spec * s)
{
  sbuf *gp = harness_figure_script (h);
  sbuf_append (gp, "set multiplot layout 1,2\n");
  int b = figure_lines_against_truth (h, lines_title);
  figure_gauss_fit (harness_figure_data (h), gp, b, s);
  sbuf_append (gp, "unset multiplot\n");
}

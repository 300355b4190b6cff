/* figure_ratio_fit.c -- a density recovered by a fitted discriminator (see
 * figure_ratio_fit.h). */
#include "figure_ratio_fit.h"
#include "check.h"
#include "errors.h"
#include "figure_converge.h"
#include "figure_panel.h"
#include "logistic.h"

#include <math.h>
#include <stdlib.h>

/* block BLOCK: x f0 f1 D* swapped f̂1 and f̂1 e^{∓z·se}, one row per grid point */
static void
write_densities (sbuf * fig, const figure_ratio_fit_spec * s, int block)
{
  double z = check_critical_value (REL_EQ, CHECK_ALPHA);
  /* blocks are two blank lines apart; the file does not start with them */
  sbuf_printf (fig, "%s# f0 = N(%g,%g), f1 = N(%g, %g^2); %zu + %zu draws\n"
               "# block %d: x f0 f1 D* %s recovered_f1 lo hi\n", fig->len ? "\n\n" : "",
               s->g->ma, s->g->sa, s->g->mb, s->g->sb, s->fit->n1, s->fit->n0, block,
               s->swapped_column);
  for (size_t i = 0; i < s->n; i++)
    {
      const ratio_fit_point *p = &s->at[i];
      double l = p->log_f1_hat;
      sbuf_printf (fig, "%.5f %.8g %.8g %.8g %.8g %.8g %.8g %.8g\n", p->x, exp (p->log_f0),
                   exp (p->log_f1), logistic_sigmoid (p->log_f1 - p->log_f0),
                   logistic_sigmoid (p->log_f0 - p->log_f1), exp (l), exp (l - z * p->se),
                   exp (l + z * p->se));
    }
}

/* bottom right: log f̂1 - log f1 within 3 s1 of m1, block BLOCK */
static void
draw_error (harness * h, const figure_ratio_fit_spec * s, int block)
{
  double *xs = xmalloc (s->n * sizeof *xs), *err = xmalloc (s->n * sizeof *err);
  double *ses = xmalloc (s->n * sizeof *ses);
  size_t n = 0;
  for (size_t i = 0; i < s->n; i++)
    if (fabs (s->at[i].x - s->g->mb) <= 3 * s->g->sb)
      {
        xs[n] = s->at[i].x;
        err[n] = s->at[i].log_f1_hat - s->at[i].log_f1;
        ses[n++] = s->at[i].se;
      }
  sbuf_append (harness_figure_script (h), "set origin 0.5,0\nset size 0.5,0.5\nset bmargin 9\n");
  const figure_converge_series fitted = { .label = "fitted logistic D", .estimate = err,
    .se = ses, .truth_value = 0, .truth_label = "exact" };
  const figure_converge_spec panel = {
    .title = "Error of the recovered log-density (f1 within ±3 s1)", .xlabel = "x",
    .ylabel = "log(f0 D/(1-D)) - log f1", .x = xs, .n = n, .z = s->z_error,
    .series = &fitted, .n_series = 1, .key = "outside below horizontal font ',10'" };
  figure_converge (h, &block, &panel);
  free (xs);
  free (err);
  free (ses);
}

/* bottom left: the densities and the discriminators, from block BLOCK */
static void
draw_densities (harness * h, const figure_ratio_fit_spec * s, int block)
{
  sbuf_printf (harness_figure_script (h),
    "set origin 0,0\nset size 0.5,0.5\n"
    "set title 'Densities and discriminators'\n"
    "set xlabel 'x' offset 0,0.3\nset ylabel 'density'\nset y2label 'D(x)'\n"
    "set y2range [0:1]\nset y2tics 0.25 nomirror\nset ytics nomirror\n"
    "set key outside below horizontal maxcols 2 font ',10' spacing 1.1\nset bmargin 9\n"
    "plot datafile index %d using 1:7:8 with filledcurves ls 3 title 'f0 D/(1-D) ± z·SE', \\\n"
    "     '' index %d using 1:2 with lines ls 4 title 'f0', \\\n"
    "     '' index %d using 1:3 with lines ls 7 title 'f1 (truth)', \\\n"
    "     '' index %d using 1:6 with lines ls 3 title 'f0 D/(1-D), fitted D', \\\n"
    "     '' index %d using 1:4 axes x1y2 with lines ls 1 title 'D* = f1/(f0+f1)', \\\n"
    "     '' index %d using 1:5 axes x1y2 with lines ls 2 dt 4 title '%s'\n"
    "unset y2label\nunset y2tics\nset ytics mirror\n",
    block, block, block, block, block, block, s->swapped_label);
}

void
figure_ratio_fit (harness * h, int block, const figure_ratio_fit_spec * s)
{
  write_densities (harness_figure_data (h), s, block);
  draw_error (h, s, block + 1);
  draw_densities (h, s, block);
}

void
figure_ratio_fit_page (harness * h, const char *title, const char *lines_title,
                       const figure_ratio_fit_spec * s)
{
  sbuf_printf (harness_figure_script (h), "set multiplot title '%s'\nset origin 0,0.5\n"
               "set size 1,0.47\n", title);
  int block = figure_lines_against_truth (h, lines_title);
  sbuf_append (harness_figure_script (h), "set key font ',11'\n");
  figure_ratio_fit (h, block, s);
  sbuf_append (harness_figure_script (h), "unset multiplot\n");
}

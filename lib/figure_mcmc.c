/* figure_mcmc.c -- figure panels of samplers (see figure_mcmc.h). */
#include "figure_mcmc.h"
#include "ess.h"

#include <gsl/gsl_math.h>
#include <math.h>

static const char *const DRAW_COLOUR[] = { "#800072B2", "#80D55E00", "#80009E73", "#80CC79A7" };
#define N_COLOURS (sizeof DRAW_COLOUR / sizeof DRAW_COLOUR[0])

double
figure_mcmc_draws (harness * h, int *block, const char *title,
                   double (*log_density) (const double *x, void *params), void *params,
                   const double box[4], const figure_mcmc_sampler * s, size_t n_s)
{
  sbuf *fig = harness_figure_data (h), *gp = harness_figure_script (h);
  int b = *block;
  double best = 0;
  sbuf_printf (fig, "\n\n# block %d: density on a grid\n# x1  x2  p(x)\n", b);
  for (int i = 0; i <= 60; i++, sbuf_append (fig, "\n"))
    for (int j = 0; j <= 60; j++)
      {
        double x[2] = { box[0] + (box[1] - box[0]) * i / 60, box[2] + (box[3] - box[2]) * j / 60 };
        double p = exp (log_density (x, params));
        best = fmax (best, p);
        sbuf_printf (fig, "%.4g %.4g %.5g\n", x[0], x[1], p);
      }
  for (size_t k = 0; k < n_s; k++)
    {
      size_t n = s[k].draws->size1, stride = GSL_MAX (1, n / 1500);
      sbuf_printf (fig, "\n\n# block %d: %s draws (every %zu-th)\n# x1  x2\n", b + 1 + (int) k, s[k].label, stride);
      for (size_t i = 0; i < n; i += stride)
        sbuf_printf (fig, "%.4g %.4g\n", gsl_matrix_get (s[k].draws, i, 0), gsl_matrix_get (s[k].draws, i, 1));
    }
  sbuf_printf (gp, "set title '%s'\nset xlabel 'x_1'\nset ylabel 'x_2'\nset xrange [%g:%g]\nset yrange [%g:%g]\n"
               "set contour base\nunset surface\nset view map\nset cntrparam levels 8\nset table $contours\n"
               "splot datafile index %d using 1:2:3 with lines\nunset table\nunset contour\nset key top left\nplot",
               title, box[0], box[1], box[2], box[3], b);
  for (size_t k = 0; k < n_s; k++)
    sbuf_printf (gp, "%s index %d using 1:2 with points pt 7 ps 0.25 lc rgb '%s' title '%s', \\\n    ",
                 k ? " ''" : " datafile", b + 1 + (int) k, DRAW_COLOUR[k % N_COLOURS], s[k].label);
  sbuf_append (gp, " $contours using 1:2 with lines lw 1.2 lc rgb '#404040' dt 1 title 'density contours'\n"
               "set autoscale\nunset xrange\nunset yrange\n");
  *block = b + 1 + (int) n_s;
  return best;
}

/* plot datafile index B using 1:(k+2) with STYLE ls k+1 EXTRA, for each sampler */
static void
plot_columns (sbuf * gp, int b, const figure_mcmc_sampler * s, size_t n_s, const char *style, const char *extra)
{
  sbuf_append (gp, "plot");
  for (size_t k = 0; k < n_s; k++)
    sbuf_printf (gp, "%s index %d using 1:%zu with %s ls %zu %s title '%s'%s", k ? " \\\n    ''" : " datafile",
                 b, k + 2, style, k + 1, extra, s[k].label, k + 1 < n_s ? "," : "");
}

void
figure_mcmc_traces (harness * h, int *block, const char *title, const figure_mcmc_sampler * s, size_t n_s,
                    size_t len)
{
  sbuf *fig = harness_figure_data (h), *gp = harness_figure_script (h);
  for (size_t k = 0; k < n_s; k++)
    len = GSL_MIN (len, s[k].n);
  sbuf_printf (fig, "\n\n# block %d: traces of x1\n# iteration", *block);
  for (size_t k = 0; k < n_s; k++)
    sbuf_printf (fig, "  %s", s[k].label);
  for (size_t i = 0; i < len; i++)
    {
      sbuf_printf (fig, "\n%zu", i + 1);
      for (size_t k = 0; k < n_s; k++)
        sbuf_printf (fig, " %.4g", gsl_matrix_get (s[k].draws, i, 0));
    }
  sbuf_printf (gp, "set title '%s'\nset xlabel 'iteration'\nset ylabel 'x_1'\nset key top right\n", title);
  plot_columns (gp, *block, s, n_s, "lines", "lw 1");
  sbuf_append (fig, "\n");
  sbuf_append (gp, "\n");
  (*block)++;
}

void
figure_mcmc_acf (harness * h, int *block, const char *title, const figure_mcmc_sampler * s, size_t n_s,
                 size_t max_lag)
{
  sbuf *fig = harness_figure_data (h), *gp = harness_figure_script (h);
  double acf[4][61];
  max_lag = GSL_MIN (max_lag, 60), n_s = GSL_MIN (n_s, 4);
  for (size_t k = 0; k < n_s; k++)
    ess_autocovariance (s[k].draws->data, s[k].draws->tda, s[k].n, acf[k], max_lag);
  sbuf_printf (fig, "\n\n# block %d: autocorrelation of x1\n# lag", *block);
  for (size_t k = 0; k < n_s; k++)
    sbuf_printf (fig, "  %s", s[k].label);
  for (size_t j = 0; j <= max_lag; j++)
    {
      sbuf_printf (fig, "\n%zu", j);
      for (size_t k = 0; k < n_s; k++)
        sbuf_printf (fig, " %.5f", acf[k][j] / acf[k][0]);
    }
  sbuf_printf (gp, "set title '%s'\nset xlabel 'lag'\nset ylabel 'ρ_k'\nset key top right\n", title);
  plot_columns (gp, *block, s, n_s, "linespoints", "ps 0.4");
  sbuf_append (fig, "\n");
  sbuf_append (gp, ", \\\n     0 with lines ls 8 notitle\n");
  (*block)++;
}

void
figure_mcmc_order (harness * h, int *block, const figure_mcmc_order_spec * o, const double *step,
                   const double *err, size_t n)
{
  sbuf *fig = harness_figure_data (h), *gp = harness_figure_script (h);
  sbuf_printf (fig, "\n\n# block %d: %s\n# step  error\n", *block, o->title);
  for (size_t i = 0; i < n; i++)
    sbuf_printf (fig, "%.6g %.6g\n", step[i], err[i]);
  sbuf_printf (gp, "c_ref = %.6g\nset title '%s'\nset logscale xy\nset xrange [%g:%g]\nset xlabel '%s'\n"
               "set ylabel '%s'\nset format x '%%g'\nset format y '10^{%%L}'\nset key top left\n"
               "plot c_ref * x**%d with lines ls 7 title '%s', \\\n"
               "     datafile index %d using 1:2 with points ls 1 ps 1.4 title '%s'\n"
               "unset logscale\nset autoscale x\nset format x '%%g'\nset format y '%%g'\n",
               err[n - 1] / pow (step[n - 1], o->order), o->title, o->xlo, o->xhi, o->xlabel, o->ylabel, o->order,
               o->ref_label, *block, o->label);
  (*block)++;
}

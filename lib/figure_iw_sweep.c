/* figure_iw_sweep.c -- the gap log p(x) - L_k and k times it, against k
   (see figure_iw_sweep.h). */
#include "figure_iw_sweep.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

/* One item of a plot command, N of them before it: "plot datafile " the
   first (a DATA item), the others after a continued line; a DATA item
   reads the data file ("''" after the first). */
static void
plot_item (sbuf * gp, int *n, int data, const char *fmt, ...)
{
  char text[256];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (text, sizeof text, fmt, ap);
  va_end (ap);
  sbuf_append (gp, *n == 0 ? "plot datafile " : data ? ", \\\n     '' " : ", \\\n     ");
  sbuf_append (gp, text);
  (*n)++;
}

/* The gap panel.  Columns of block B0: k, per q the gap and its error,
   the bounds, the asymptotes; of B1: k, the replicates, per q the
   estimate and its standard error. */
static void
gap_panel (sbuf * gp, const iw_sweep * s, const char *const what[])
{
  size_t nq = s->n_q, col = 2 + 2 * nq;   /* the first bound's column */
  size_t n_bounds = 0, n_asym = 0;
  int n = 0;
  sbuf_append (gp,
    "set logscale xy\nset format x '10^{%L}'\nset format y '10^{%L}'\n"
    "set xlabel 'number of samples k'\n"
    "set title 'gap log p(x) - L_k'\nset ylabel 'log p(x) - L_k (nats)'\n"
    "set key bottom left font ',11' spacing 1.0\nset yrange [1e-12:10]\n");
  for (size_t p = 0; p < nq; p++)
    {
      plot_item (gp, &n, 1, "index B0 using 1:%zu with lines ls %zu title '%s q (%s), exact'",
                 2 + 2 * p, p + 1, s->name[p], what[p]);
      n_bounds += !isnan (s->bound[p][0]);
    }
  for (size_t p = 0; p < nq; p++)
    {
      size_t c = 3 + 2 * p, e = c + 1;
      if (isfinite (s->var_w[p]))
        plot_item (gp, &n, 1, "index B1 using 1:%zu:($%zu-$%zu):($%zu+$%zu) with yerrorbars"
                   " ls %zu notitle", c, c, e, c, e, p + 1);
      else
        plot_item (gp, &n, 1, "index B1 using 1:%zu:($%zu-$%zu > 0 ? $%zu-$%zu : $%zu/10)"
                   ":($%zu+$%zu) with yerrorbars ls %zu notitle", c, c, e, c, e, c, c, e, p + 1);
    }
  plot_item (gp, &n, 0, "keyentry with yerrorbars lc rgb 'black' pt 7 title 'Monte Carlo ± SE'");
  for (size_t p = 0; p < nq; p++)
    if (isfinite (s->var_w[p]))
      {
        plot_item (gp, &n, 1, "index B0 using 1:%zu with lines ls 7 %s", col + n_bounds + n_asym,
                   n_asym == 0 ? "title 'Var(w)/(2k p(x)^2)'" : "notitle");
        n_asym++;
      }
  for (size_t p = 0; p < nq; p++)
    if (!isnan (s->bound[p][0]))
      plot_item (gp, &n, 1, "index B0 using 1:%zu with lines ls 8 title 'bound"
                 " Var(w)/(2k p(x) w_{min}), %s'", col++, s->name[p]);
  sbuf_append (gp, "\n");
}

/* The panel of k times the gap. */
static void
rate_panel (sbuf * gp, const iw_sweep * s)
{
  int n = 0, n_limits = 0;
  sbuf_append (gp,
    "set title 'k times the gap: flat = 1/k rate'\nset ylabel 'k (log p(x) - L_k)'\n"
    "set format y '%g'\nset key top left\nset yrange [*:*]\n");
  for (size_t p = 0; p < s->n_q; p++)
    plot_item (gp, &n, 1, "index B0 using 1:($1*$%zu) with linespoints ls %zu title '%s q'",
               2 + 2 * p, p + 1, s->name[p]);
  for (size_t p = 0; p < s->n_q; p++)
    if (isfinite (s->var_w[p]))
      plot_item (gp, &n, 0, "half_var_%s with lines ls 7 %s", s->name[p],
                 n_limits++ == 0 ? "title 'Var(w)/(2 p(x)^2)'" : "notitle");
  sbuf_append (gp, "\n");
}

void
figure_iw_sweep (sbuf * gp, sbuf * data, const iw_sweep * s, int block,
                 const char *const what[])
{
  iw_sweep_write_data (data, s);
  sbuf_printf (gp, "B0 = %d\nB1 = %d\n", block, block + 1);
  for (size_t p = 0; p < s->n_q; p++)
    if (isfinite (s->var_w[p]))
      sbuf_printf (gp, "half_var_%s = %.10g\n", s->name[p], s->var_w[p] / 2);
  gap_panel (gp, s, what);
  rate_panel (gp, s);
}

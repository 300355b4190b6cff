/* figure_curves.c -- a panel of functions of one variable (see
 * figure_curves.h). */
#include "figure_curves.h"
#include "errors.h"
#include "figure.h"

#include <math.h>

static size_t
n_curves (const figure_curves_spec * s)
{
  size_t n = 0;
  while (n < FIGURE_CURVES_MAX && s->curves[n].column)
    n++;
  return n;
}

static size_t
n_marks (const figure_curves_spec * s)
{
  size_t n = 0;
  while (n < FIGURE_CURVES_MAX_MARKS && s->marks[n].name)
    n++;
  return n;
}

static void
validate (const figure_curves_spec * s)
{
  if (!s->title || !s->xlabel || !s->ylabel || !s->what || !s->x_column)
    die_runtime ("figure_curves: a title, axis labels, a header and an x column are needed");
  if (n_curves (s) < 1)
    die_runtime ("figure_curves: no curve to draw");
  if (!s->at || s->coord >= s->at->n)
    die_runtime ("figure_curves: no point, or coordinate %zu beyond its values", s->coord);
  if (s->n < 1 || !(s->xlo < s->xhi) || !(s->ylo < s->yhi) || (s->log_x && !(s->xlo > 0)))
    die_runtime ("figure_curves: bad grid or ranges (n = %d, x [%g, %g], y [%g, %g]%s)", s->n,
                 s->xlo, s->xhi, s->ylo, s->yhi, s->log_x ? ", log x" : "");
}

double
figure_curves_x (const figure_curves_spec * s, int j)
{
  if (s->log_x)
    return exp (log (s->xlo) + j * log (s->xhi / s->xlo) / s->n);
  return s->xlo + j * (s->xhi - s->xlo) / s->n;
}

static void
write_data (sbuf * data, const figure_curves_spec * s)
{
  sbuf_printf (data, "\n\n# %s\n# %s", s->what, s->x_column);
  for (size_t c = 0; c < n_curves (s); c++)
    sbuf_printf (data, "  %s", s->curves[c].column);
  sbuf_append (data, "\n");
  point p = *s->at;
  for (int j = 0; j <= s->n; j++)
    {
      p.v[s->coord] = figure_curves_x (s, j);
      sbuf_printf (data, "%.6g", p.v[s->coord]);
      for (size_t c = 0; c < n_curves (s); c++)
        sbuf_printf (data, " %.10g", s->curves[c].f (&p, s->prep).value);
      sbuf_append (data, "\n");
    }
}

/* compute: the marks as variables, the axes, a line and a label per mark */
static void
write_axes (sbuf * gp, const figure_curves_spec * s)
{
  for (size_t m = 0; m < n_marks (s); m++)
    sbuf_printf (gp, "%s = %.10g\n", s->marks[m].name, s->marks[m].x);
  sbuf_printf (gp, "set title \"%s\"\nset xlabel ", s->title);
  figure_gp_string (gp, s->xlabel);
  sbuf_append (gp, "\nset ylabel ");
  figure_gp_string (gp, s->ylabel);
  sbuf_printf (gp, "\n%sset xrange [%g:%g]\nset yrange [%g:%g]\nset key %s\n",
               s->log_x ? "set logscale x\n" : "", s->xlo, s->xhi, s->ylo, s->yhi,
               s->key ? s->key : "inside right top");
  for (size_t m = 0; m < n_marks (s); m++)
    sbuf_printf (gp, "set arrow %zu from %s, graph 0 to %s, graph 1 nohead ls 8\n", m + 1,
                 s->marks[m].name, s->marks[m].name);
  for (size_t m = 0; m < n_marks (s); m++)
    {
      sbuf_printf (gp, "set label %zu ", m + 1);
      figure_gp_string (gp, s->marks[m].label);
      sbuf_printf (gp, " at %s, graph 0.06 offset 0.5,0\n", s->marks[m].name);
    }
}

void
figure_curves (sbuf * data, sbuf * gp, int block, const figure_curves_spec * s)
{
  validate (s);
  write_data (data, s);
  write_axes (gp, s);
  for (size_t c = 0; c < n_curves (s); c++)
    {
      sbuf_printf (gp, c ? ", \\\n     '' index %d using 1:%zu with lines %s title "
                   : "plot datafile index %d using 1:%zu with lines %s title ",
                   block, c + 2, s->curves[c].style);
      figure_gp_string (gp, s->curves[c].label);
    }
  sbuf_append (gp, s->zero_line ? ", \\\n     0 with lines ls 7 notitle\n" : "\n");
}

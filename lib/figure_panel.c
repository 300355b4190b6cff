/* figure_panel.c -- declarative figure panels (see figure_panel.h). */
#include "figure_panel.h"
#include "figure.h"

#include <math.h>
#include <string.h>

#define RATIO_FLOOR 1e-3        /* smaller misses are drawn at the left edge */

/* Seed lines; harness lines only in a claim that has no seed line. */
static int with_harness_lines;

static int
line_is_drawn (const line_result * r)
{
  return r->statement.evaluated && r->statement.pts_ratio
    && (with_harness_lines || !check_source_is_harness (r->line->source));
}

/* An error in the step of a true line (it does not follow from the line
   before it, but is right): its statement's misses are all below 1, so
   the row shows the step's misses -- against the line before -- which are
   what the verdict rests on, and its label says so. */
static int
error_is_in_step (const line_result * r)
{
  return r->verdict == V_ERROR && r->statement.held && r->step.evaluated
    && !r->step.held && r->step.pts_ratio
    && r->step.n_points == r->statement.n_points;
}

/* One block per line: the miss over the margin at each point, floored
   (and capped, for the infinities of a line with no value). */
static void
write_block (sbuf * data, const line_result * r, int block)
{
  const line_compare *c = error_is_in_step (r) ? &r->step : &r->statement;
  sbuf_printf (data, "%s# block %d: %s (%s), %s\n# |miss| / margin\n",
               block ? "\n\n" : "", block, r->line->source, r->line->id,
               verdict_name (r->verdict));
  for (size_t j = 0; j < c->n_points; j++)
    {
      double x = c->pts_ratio[j];
      x = isnan (x) || x > 1e300 ? 1e300 : x < RATIO_FLOOR ? RATIO_FLOOR : x;
      sbuf_printf (data, "%.6g\n", x);
    }
}

/* The largest miss over the margin drawn (a NaN, a line with no value, as
   1e300, as write_block draws it). */
static double
largest_drawn_ratio (const harness * h)
{
  double m = RATIO_FLOOR;
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      {
        const line_result *r = &h->dres[d].lines[i];
        if (!line_is_drawn (r))
          continue;
        const line_compare *c = error_is_in_step (r) ? &r->step : &r->statement;
        for (size_t j = 0; j < c->n_points; j++)
          if (isnan (c->pts_ratio[j]) || c->pts_ratio[j] > m)
            m = isnan (c->pts_ratio[j]) ? 1e300 : c->pts_ratio[j];
      }
  return m;
}

static int
count_drawn (const harness * h)
{
  int n = 0;
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      n += line_is_drawn (&h->dres[d].lines[i]);
  return n;
}

static void
put_label (sbuf * gp, const line_result * r, int row, int first)
{
  char label[200];
  snprintf (label, sizeof label, "%s (%s)", r->line->source,
            verdict_is_finding (r->verdict) ? verdict_name (r->verdict)
            : r->verdict == V_HOLDS ? "holds" : verdict_name (r->verdict));
  if (strstr (label, "carries"))
    snprintf (label, sizeof label, "%s (carries an error)", r->line->source);
  if (error_is_in_step (r))
    snprintf (label, sizeof label, "%s (error: does not follow)",
              r->line->source);
  sbuf_append (gp, first ? "" : ", ");
  figure_gp_string (gp, label);
  sbuf_printf (gp, " %d", row);
}

int
figure_lines_against_truth (harness * h, const char *title)
{
  sbuf *data = harness_figure_data (h), *gp = harness_figure_script (h);
  with_harness_lines = 0;
  if (count_drawn (h) == 0)
    with_harness_lines = 1;
  int rows = count_drawn (h), block = 0;
  sbuf_append (gp, "set title ");
  figure_gp_string (gp, title);
  /* the x range reaches past 1 when every miss is below it, so that the
     "holds" line at 1 lies inside the panel: gnuplot does not clip an arrow
     to its panel, and one beyond an autoscaled range is drawn across the
     page's next panel (an autoscaling constraint "1<*" is not kept by the
     axis gnuplot draws) */
  const char *xmax = largest_drawn_ratio (h) < 1 ? "2" : "*";
  sbuf_printf (gp, "\nset logscale x\nset format x '10^{%%L}'\n"
               "set xrange [%g:%s]\nset yrange [%d.5:0.5]\n"
               "set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'\n"
               "unset ylabel\nset key off\nset grid xtics\n"
               "set arrow from 1, graph 0 to 1, graph 1 nohead ls 7\n"
               "set ytics font ',10' (", RATIO_FLOOR / 2, xmax, rows);
  int row = 0;
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      if (line_is_drawn (&h->dres[d].lines[i]))
        {
          row++;
          put_label (gp, &h->dres[d].lines[i], row, row == 1);
        }
  sbuf_append (gp, ")\nplot ");
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      {
        const line_result *r = &h->dres[d].lines[i];
        if (!line_is_drawn (r))
          continue;
        write_block (data, r, block);
        /* findings vermillion squares, the rest blue circles */
        int ls = verdict_is_finding (r->verdict) ? 2 : 1;
        sbuf_printf (gp, "%sdatafile index %d using 1:(%d) with points ls %d",
                     block ? ", \\\n     " : "", block, block + 1, ls);
        block++;
      }
  if (!block)
    sbuf_append (gp, "1/0 notitle");
  sbuf_append (gp, "\nunset arrow\nunset logscale x\nset format x\nset xrange [*:*]"
               "\nset yrange [*:*]\nset ytics font ''\nset ytics auto\nset grid"
               "\n" FIGURE_STYLE_KEY);
  return block;
}

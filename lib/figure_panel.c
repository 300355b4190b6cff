/* figure_panel.c -- declarative figure panels (see figure_panel.h). */
#include "figure_panel.h"

#include <math.h>
#include <string.h>

/* gnuplot single-quoted string: a quote is doubled. */
static void
put_gp_string (sbuf * b, const char *s)
{
  sbuf_append (b, "'");
  for (; *s; s++)
    sbuf_append (b, *s == '\'' ? "''" : (char[2]) { *s, 0 });
  sbuf_append (b, "'");
}

static int
line_has_points (const line_result * r)
{
  return r->statement.evaluated && r->statement.pts_obs
    && strncmp (r->line->source, "harness", 7) != 0;
}

static void
write_block (sbuf * data, const line_result * r, int block)
{
  const line_compare *c = &r->statement;
  sbuf_printf (data, "%s# block %d: %s (%s), %s\n# truth  line  line_se\n",
               block ? "\n\n" : "", block, r->line->source, r->line->id,
               verdict_name (r->verdict));
  for (size_t j = 0; j < c->n_points; j++)
    sbuf_printf (data, "%.10g %.10g %.3g\n", c->pts_ref[j].value,
                 c->pts_obs[j].value, est_se (c->pts_obs[j]));
}

int
figure_lines_against_truth (harness * h, const char *title)
{
  sbuf *data = harness_figure_data (h), *gp = harness_figure_script (h);
  sbuf_append (gp, "set title ");
  put_gp_string (gp, title);
  sbuf_append (gp, "\nset xlabel 'ground truth'\nset ylabel 'the line as"
               " written'\nset key outside right top font ',11'\nplot x with lines ls 8"
               " title 'line = truth'");
  int block = 0, ok_style = 0, bad_style = 0;
  for (size_t d = 0; d < h->c->n_derivations; d++)
    for (size_t i = 0; h->dres[d].dv && i < h->dres[d].dv->n_lines; i++)
      {
        const line_result *r = &h->dres[d].lines[i];
        if (!line_has_points (r))
          continue;
        write_block (data, r, block);
        int finding = verdict_is_finding (r->verdict);
        /* findings: vermillion, orange, purple; others: blues and green */
        static const int warm[] = { 2, 5, 4 }, cool[] = { 1, 6, 3 };
        int ls = finding ? warm[bad_style++ % 3] : cool[ok_style++ % 3];
        char label[200];
        snprintf (label, sizeof label, "%s: %s", r->line->source,
                  finding ? verdict_name (r->verdict) : "holds");
        sbuf_printf (gp, ", \\\n     datafile index %d using 1:2 with points"
                     " ls %d title ", block, ls);
        put_gp_string (gp, label);
        block++;
      }
  sbuf_append (gp, "\n");
  return block;
}

/* figure_mean_field.c -- the posterior, its mean-field fit and the ELBO
 * along coordinate ascent (figure_mean_field.h). */
#include "figure_mean_field.h"
#include "figure_converge.h"
#include "figure_ellipse.h"
#include "figure_panel.h"

#include <stdio.h>

/* The ELBO along the updates, rising to its maximum log p(x) - KL(q*||p)
   below log p(x), and the seed's ELBO at q* */
static void
elbo_panel (harness * h, int *block, const figure_mean_field_spec * s,
            const lingauss2 * q_star, const lingauss2_ascent_trace * t)
{
  double log_px = lingauss2_log_evidence (q_star).value;
  const figure_converge_series ascent = { .label = "ELBO", .estimate = t->elbo,
    .truth_value = log_px - lingauss2_kl_post (q_star).value,
    .truth_label = "log p(x) - KL(q*||p)" };
  const figure_converge_curve evidence = { .label = "log p(x)", .constant = log_px };
  char label[100];
  const line_result *r = s->seed_line ? derivation_find (h, s->seed_line) : NULL;
  if (r)
    snprintf (label, sizeof label, "seed %s at q* (%s)", s->seed_name, verdict_name (r->verdict));
  else
    snprintf (label, sizeof label, "seed %s at q*", s->seed_name);
  const figure_converge_curve seed = { .label = label, .constant = s->seed_value (q_star).value };
  figure_converge (h, block, &(figure_converge_spec) {
    .title = "ELBO after each update (m_1, s_1, m_2, s_2, ...)",
    .xlabel = "update", .ylabel = "nats", .x = t->update, .n = t->n, .z = 1,
    .series = &ascent, .n_series = 1, .seeds = &seed, .n_seeds = 1,
    .refs = &evidence, .n_refs = 1, .key = "inside bottom right" });
}

/* The plot of blocks B (posterior), B + 1 (path) and B + 2 (q*) */
static void
contour_plot (sbuf * gp, const lingauss2 * v, const char *path_label, int b,
              const double mu[2])
{
  sbuf_printf (gp,
    "set title 'p(z|x) and q*(z), θ = (%g, %g), x = %g'\n"
    "set xlabel 'z_1'\nset ylabel 'z_2'\nset size ratio -1\n"
    "set key inside top right font ',11' spacing 1\n"
    "plot datafile index %d using 1:2 with lines ls 3 title 'p(z|x) exact', \\\n"
    "     datafile index %d using 1:2 with lines ls 2 title 'q*(z) mean-field', \\\n"
    "     datafile index %d using 1:2 with linespoints ls 1 pt 7 ps 0.6 title '%s', \\\n"
    "     '+' using (%.10g):(%.10g) every ::0::0 with points ls 7 pt 2 ps 2"
    " title 'posterior mean'\n"
    "set size noratio\n", v->theta[0], v->theta[1], v->x, b, b + 2, b + 1, path_label,
    mu[0], mu[1]);
}

void
figure_mean_field (harness * h, int *block, const figure_mean_field_spec * s)
{
  lingauss2 v = s->model;
  double c = lingauss2_post_cov (&v).value;
  double mu[2] = { lingauss2_post_mean (&v, 0).value, lingauss2_post_mean (&v, 1).value };
  double sig[4] = { lingauss2_post_var (&v, 0).value, c, c, lingauss2_post_var (&v, 1).value };
  v.m[0] = mu[0] + s->start_shift[0];
  v.m[1] = mu[1] + s->start_shift[1];
  sbuf *fig = harness_figure_data (h);
  int b = *block;
  sbuf_printf (fig, "\n\n# block %d: exact posterior, Mahalanobis radius 1 and 2\n", b);
  figure_ellipse_write (fig, mu, sig, 2);
  lingauss2_ascent_trace trace;
  lingauss2_ascent_run (&v, s->update, NULL, NULL, &trace);
  sbuf_printf (fig, "\n# block %d: m after each mean update\n", b + 1);
  for (size_t k = 0; k < trace.n_m; k++)
    sbuf_printf (fig, "%.10g %.10g\n", trace.m[k][0], trace.m[k][1]);
  double qm[2] = { v.m[0], v.m[1] }, qs[4] = { v.s[0] * v.s[0], 0, 0, v.s[1] * v.s[1] };
  sbuf_printf (fig, "\n\n# block %d: mean-field fit q*\n", b + 2);
  figure_ellipse_write (fig, qm, qs, 2);
  contour_plot (harness_figure_script (h), &v, s->path_label, b, mu);
  *block = b + 3;
  elbo_panel (h, block, s, &v, &trace);
}

void
figure_mean_field_page (harness * h, const char *lines_title, const figure_mean_field_spec * s)
{
  sbuf *gp = harness_figure_script (h);
  sbuf_append (gp, "set multiplot layout 1,3\n");
  int b = figure_lines_against_truth (h, lines_title);
  figure_mean_field (h, &b, s);
  sbuf_append (gp, "unset multiplot\n");
}

lingauss2
figure_mean_field_model (const harness * h)
{
  return (lingauss2) { {harness_param (h, "theta1"), harness_param (h, "theta2")},
    harness_param (h, "x"), {0, 0}, {1, 1}, 0, 1 };
}

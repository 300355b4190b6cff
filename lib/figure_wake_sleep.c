/* figure_wake_sleep.c -- wake-sleep iterations and their two panels
 * (figure_wake_sleep.h). */
#include "figure_wake_sleep.h"
#include "figure_panel.h"

/* One row of the data block: iteration IT, and the inclusive KL after the
   wake step KL_WAKE (not printed at iteration 0, where there is none). */
static void
trace_row (sbuf * fig, int it, const figure_wake_sleep_spec * s, double kl_wake)
{
  const recog_theta *t = &s->theta;
  double elbo = recog_average_elbo (t, &s->phi, s->data), ll = recog_average_log_lik (t, s->data);
  if (it == 0)
    sbuf_printf (fig, "0 %.8g %.8g NaN %.8g\n", elbo, ll, recog_inclusive_kl (t, &s->phi));
  else
    sbuf_printf (fig, "%d %.8g %.8g %.8g %.8g\n", it, elbo, ll, kl_wake,
                 recog_inclusive_kl (t, &s->phi));
}

/* The panels of block B: ELBO and log-likelihood under the maximum MLE
   (a gnuplot variable), then the inclusive KLs on a log scale */
static void
panels (sbuf * gp, int b)
{
  sbuf_printf (gp,
    "set title 'Wake objective and log-likelihood'\n"
    "set xlabel 'iteration'\nset ylabel 'average over the data (nats)'\n"
    "set key bottom right font ',10'\nunset logscale\nset autoscale\nset format y '%%g'\n"
    "plot mle with lines ls 7 title 'maximum log-likelihood', \\\n"
    "     datafile index %d using 1:3 with linespoints ls 2 title 'log p_θ(x) (average)', \\\n"
    "     '' index %d using 1:2 with linespoints ls 1 title 'ELBO L(θ, φ) (wake objective)'\n"
    "set title 'Sleep objective: inclusive KL'\n"
    "set ylabel 'E_x KL(p_θ(z|x) || q_φ(z|x))'\n"
    "set logscale y\nset format y '10^{%%L}'\n"
    "set key top right\n"
    "plot datafile index %d using 1:4 with linespoints ls 2 title 'after the wake step', \\\n"
    "     '' index %d using 1:5 with linespoints ls 1 title 'after the sleep step'\n"
    "unset multiplot\n", b, b, b, b);
}

double
figure_wake_sleep (harness * h, int *block, figure_wake_sleep_spec * s)
{
  gsl_rng *r = harness_rng (h);
  sbuf *fig = harness_figure_data (h);
  sbuf_printf (fig, "\n\n# block %d: wake-sleep, N = %zu data, M = %ld sleep samples per"
               " iteration\n# iteration  ELBO  log-lik  inclusive KL after wake"
               "  inclusive KL after sleep\n", *block, s->data->n, s->m);
  trace_row (fig, 0, s, 0);
  for (int it = 1; it <= s->iterations; it++)
    {
      double inv_diag[RECOG_D + 1];
      s->theta = recog_wake_step (r, s->data, &s->phi);
      double kl_wake = recog_inclusive_kl (&s->theta, &s->phi);
      s->phi = s->sleep (s->ctx, &s->theta, s->m, inv_diag);
      trace_row (fig, it, s, kl_wake);
    }
  double mle = recog_max_log_lik (s->data);
  sbuf_printf (harness_figure_script (h), "mle = %.8g\n", mle);
  panels (harness_figure_script (h), (*block)++);
  return mle;
}

double
figure_wake_sleep_page (harness * h, const char *title, const char *lines_title,
                        figure_wake_sleep_spec * s)
{
  sbuf_printf (harness_figure_script (h), "set multiplot layout 1,3 title '%s'\n", title);
  int b = figure_lines_against_truth (h, lines_title);
  sbuf_append (harness_figure_script (h), "set key font ',8' spacing 0.75\n");
  return figure_wake_sleep (h, &b, s);
}

/* amortized_fa_report.c -- the amortization gap's checks and panel (see
   amortized_fa_report.h). */
#include "amortized_fa_report.h"

#include <math.h>

/* Each coordinate's s_j against its maximiser, each coefficient against its. */
static void
point_optima (harness * h, const amortized_fa * a, const amortized_fa_report_checks * ids,
              double s_scale)
{
  for (int j = 0; j < 2; j++)
    {
      concave_max s = amortized_fa_argmax_s (a, j);
      double s_star = sqrt (1 / a->lam[j][j]) * s_scale;
      check_point (h, ids->per_instance, est_exact (s_star, 4 * EST_U * s_star),
                   concave_max_x (s));
      for (size_t k = 0; k <= a->n_in; k++)
        {
          concave_max m = amortized_fa_argmax_coef (a, j, k);
          check_point (h, ids->amortized, est_exact (amortized_fa_coef (a, j, k), 0),
                       concave_max_x (m));
        }
    }
}

void
amortized_fa_report_optima (harness * h, const amortized_fa * a,
                            const amortized_fa_report_checks * ids, double s_scale)
{
  point_optima (h, a, ids, s_scale);
  /* The mean's optimum m = μ(x_i) is where ½ dᵀΛd = 0: nothing to search. */
  check_close (h, ids->per_instance, "s_j of q_i* for j = 1, 2 (Λ of the data set)");
  check_close (h, ids->amortized, "%zu datapoints, %zu inputs and an offset per coordinate",
               a->n, a->n_in);
  estimate mean = est_exact (0, 0);
  for (size_t i = 0; i < a->n; i++)
    mean = est_add (mean, est_scale (1.0 / a->n, rnd_estimate (amortized_fa_gap (a, a->coef, i))));
  check_point (h, ids->gap, mean, est_exact (0, 0));
  check_close (h, ids->gap, "%zu datapoints; closed-form optima", a->n);
}

double
amortized_fa_report_panel (harness * h, const amortized_fa * a, int block,
                           const char *encoder_key)
{
  sbuf *gp = harness_figure_script (h);
  sbuf_append (gp, "set key font ',8' spacing 0.75\n");
  double mean = amortized_fa_write_kl (a, harness_figure_data (h), block);
  sbuf_printf (gp, "set title 'per-datapoint KL to the posterior (mean gap %.4g nats)'\n"
               "set xlabel 'datapoint (sorted by the amortized KL)'\n"
               "set ylabel 'KL(q || p(z|x_i)) (nats)'\n"
               "set key top left font ',10'\nset yrange [0:*]\nunset logscale\nset autoscale x\n"
               "plot datafile index %d using 1:2:3 with filledcurves ls 2 title 'amortization gap', \\\n"
               "     '' index %d using 1:3 with linespoints ls 2 title '%s', \\\n"
               "     '' index %d using 1:2 with lines ls 1 title 'per-datapoint q_i^* (approximation gap)'\n",
               mean, block, block, encoder_key, block);
  return mean;
}

/* em_trace_report.c -- an EM trace in notes and a figure (see
   em_trace_report.h). */
#include "em_trace_report.h"

#include <gsl/gsl_math.h>

/* The data block: gaps below ll* + the bound, then the rises of F. */
static void
write_block (sbuf * fig, const char *name, size_t n, const em_trace * t)
{
  const double *fe = t->f_e, *fm = t->f_m, *ll = t->ll;
  double bound = t->ll_bound, top = t->ll_star + bound;
  int iters = t->iters;
  sbuf_printf (fig, "\n\n# EM, %s, n = %zu; ll* = %.12g, rounding bound %.3g\n"
               "# t gap_F_E gap_F_M gap_loglik dF_E dF_M\n", name, n, t->ll_star, bound);
  for (int i = 0; i <= iters; i++)
    {
      int in = i < iters;
      double de = in && i > 0 ? fe[i] - fm[i - 1] : GSL_NAN, dm = in ? fm[i] - fe[i] : GSL_NAN;
      sbuf_printf (fig, "%d %.10g %.10g %.10g %.10g %.10g\n", i, in ? top - fe[i] : GSL_NAN,
                   in ? top - fm[i] : GSL_NAN, top - ll[i], de > 0 ? de : GSL_NAN,
                   dm > 0 ? dm : GSL_NAN);
    }
}

void
em_trace_report_run (harness * h, const char *name, const gsl_matrix * x, const em_trace * t)
{
  if (t->broke_down)
    sbuf_printf (harness_notes (h), "EM stopped after %d iterations: the M-step"
                 " found a singular covariance (a component collapsed).\n", t->iters);
  write_block (harness_figure_data (h), name, x->size1, t);
  sbuf_printf (harness_figure_script (h), "bound_%zud = %.6g\n", x->size2, t->ll_bound);
  sbuf_printf (harness_notes (h), "- %s: n = %zu points, %d checked iterations; log-likelihood"
               " from %.6g to %.6g (converged: %.6g).\n", name, x->size1, t->iters,
               t->ll[0], t->ll[t->iters], t->ll_star);
}

void
em_trace_report_panels (harness * h, int b, int iters)
{
  sbuf_printf (harness_figure_script (h), "set xrange [0:%d]\nset logscale y\nset format y '10^{%%L}'\n"
    "do for [blk=0:1] {\n  set origin (1 + blk) / 3.0, 0.5\n  set size 1 / 3.0, 0.5\n"
    "  set title (blk == 0 ? '1-D EM: gap below the converged log-likelihood ll*' : '2-D EM: gap below ll*')\n"
    "  set xlabel 'iteration t (E half-step at t, M half-step at t + ½)'\n  set ylabel 'll* - value'\n"
    "  plot datafile index (%d+blk) using 1:4 with lines ls 7 title 'log p(x|θ^t)', \\\n"
    "       '' index (%d+blk) using 1:2 with points ls 1 title 'F after E-step', \\\n"
    "       '' index (%d+blk) using ($1+0.5):3 with points ls 2 title 'F after M-step'\n}\n"
    "do for [blk=0:1] {\n  set origin (1 + blk) / 3.0, 0\n"
    "  set title (blk == 0 ? '1-D: rise of F at each half-step' : '2-D: rise of F at each half-step')\n"
    "  set ylabel 'increase of F'\n  bb = (blk == 0 ? bound_1d : bound_2d)\n"
    "  plot datafile index (%d+blk) using 1:5 with points ls 1 title 'E half-step', \\\n"
    "       '' index (%d+blk) using ($1+0.5):6 with points ls 2 title 'M half-step', \\\n"
    "       bb with lines ls 8 title 'rounding bound of F'\n}\nunset multiplot\n",
    iters, b, b, b, b, b);
}

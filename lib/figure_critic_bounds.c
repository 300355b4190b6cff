/* figure_critic_bounds.c -- R1, R2 and KL along two paths of critics (see
   figure_critic_bounds.h). */
#include "figure_critic_bounds.h"
#include "figure_panel.h"

static void
write_paths (sbuf * fig, const critic_bounds * b)
{
  static const char *head[2] = {
    "\n\n# p = N(0,1), q = N(1,1.5^2), T = log(p/q) + c\n# c  R1  R2  KL\n",
    "\n\n# T = 1 + log(p/q) + eps sin(1.5 x)\n# eps  R1  R2  KL\n" };
  normal_pair g = { 0.0, 1.0, 1.0, 1.5 };
  for (int path = 0; path < 2; path++)
    {
      sbuf_append (fig, head[path]);
      for (int i = 0; i <= 60; i++)
        {
          critic t = { CRITIC_LOG_RATIO, 1.0, 0, 0, 0, path ? CRITIC_SIN : CRITIC_FLAT, 0,
                       path ? 1.5 : 0, 0 };
          double x = path ? (t.eps = -1.5 + 0.05 * i) : (t.shift = -2.0 + 0.1 * i);
          critic_integrals ci = critic_integrate (&g, &t, b->with_q_t);
          sbuf_printf (fig, "%.3f %.10g %.10g %.10g\n", x, b->r1 (&ci).value,
                       b->r2 (&ci).value, normal_pair_kl (&g));
        }
    }
}

void
figure_critic_bounds (harness * h, const critic_bounds * b, int block)
{
  write_paths (harness_figure_data (h), b);
  sbuf_printf (harness_figure_script (h),
    "unset logscale\nset autoscale\nset key top center\n"
    "set title 'Critic T = log(p/q) + c  (p = N(0,1), q = N(1,1.5^2))'\n"
    "set xlabel 'shift c'\nset ylabel 'R1[T], R2[T] and KL(p||q)'\nset yrange [-0.6:0.8]\n"
    "plot datafile index %d using 1:3 with lines ls 1 title 'R2 = E_p[T] - log E_q[e^T]', \\\n"
    "     '' index %d using 1:2 with lines ls 2 title 'R1 = E_p[T] - E_q[e^{T-1}]', \\\n"
    "     '' index %d using 1:4 with lines ls 7 title 'KL(p||q)'\n"
    "set title 'Critic T = 1 + log(p/q) + ε sin(1.5x)'\nset xlabel 'perturbation ε'\n"
    "plot datafile index %d using 1:3 with lines ls 1 title 'R2', \\\n"
    "     '' index %d using 1:2 with lines ls 2 title 'R1', \\\n"
    "     '' index %d using 1:4 with lines ls 7 title 'KL(p||q)'\n",
    block, block, block, block + 1, block + 1, block + 1);
}

void
figure_critic_bounds_page (harness * h, const critic_bounds * b, const char *title)
{
  sbuf_append (harness_figure_script (h), "set multiplot layout 1,3\n");
  int block = figure_lines_against_truth (h, title);
  figure_critic_bounds (h, b, block);
  sbuf_append (harness_figure_script (h), "unset multiplot\n");
}

/* mixture_1d.c -- a 1-D Gaussian mixture at one observation (see
   mixture_1d.h). */
#include "mixture_1d.h"
#include "normal.h"

#include <gsl/gsl_randist.h>
#include <math.h>

void
mixture_1d_log_joint (double x, size_t k, const double *w, const double *mu,
                      const double *sd, double *lj)
{
  for (size_t z = 0; z < k; z++)
    lj[z] = log (w[z]) + normal_log_pdf (x, mu[z], sd[z]);
}

double
mixture_1d_posterior (double x, size_t k, const double *w, const double *mu,
                      const double *sd, double *post)
{
  double s = 0;
  for (size_t z = 0; z < k; z++)
    {
      post[z] = w[z] * gsl_ran_gaussian_pdf (x - mu[z], sd[z]);
      s += post[z];
    }
  for (size_t z = 0; z < k; z++)
    post[z] /= s;
  return log (s);
}

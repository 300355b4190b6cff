/* rng.c -- the program's generator (see rng.h). */
#include "rng.h"
#include "errors.h"

gsl_rng *
rng_new (unsigned long seed)
{
  gsl_rng *r = gsl_rng_alloc (gsl_rng_mt19937);
  if (!r)
    die_runtime ("cannot allocate the random generator");
  gsl_rng_set (r, seed);
  return r;
}

const char *
rng_type_name (const gsl_rng * r)
{
  return gsl_rng_name (r);
}

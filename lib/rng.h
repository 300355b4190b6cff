/* rng.h -- the one explicit random generator of a program.
 *
 * Every program owns exactly one gsl_rng, created here from the seed given
 * by --seed, else the environment variable HARNESS_SEED, else the default.
 * It is passed explicitly to whatever draws (no hidden global state), so the
 * same seed reproduces the same report byte for byte. */
#ifndef HARNESS_RNG_H
#define HARNESS_RNG_H

#include <gsl/gsl_rng.h>

#define RNG_DEFAULT_SEED 20261122UL

/* Mersenne Twister: long period, fast, and GSL's own default. */
gsl_rng *rng_new (unsigned long seed);
const char *rng_type_name (const gsl_rng * r);

#endif

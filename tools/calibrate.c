/* calibrate.c -- the false-alarm table from many seed-runs.
 *
 * Reads the TAP output of claim programs run over many seeds (files named
 * on the command line; each begins "# <slug>: seed N, ...") and prints, per
 * check that should hold: the stated per-check false-alarm probability,
 * the number of runs, the failures observed, and -- for single-point Monte
 * Carlo checks -- the calibration of the standardised differences
 * z = diff / se, which under a correct standard error are N(0, 1): their
 * mean, their standard deviation, and the p-value of sum z^2 ~ chi^2(n).
 * A quasi-Monte Carlo z is Student-t with R - 1 degrees of freedom (its
 * "#   zpt" line gives them in a fifth field): it enters as its normal
 * score Φ⁻¹(F_t(z)), which is N(0, 1) exactly when the t law holds -- the
 * raw t has variance (R - 1) / (R - 3), 1.069 at R = 32, and its Σz² would
 * fail χ²(n) (p ~ 1e-3 at n = 1200) even with a perfect standard error.
 * A shifted mean is tested on its own, z̄ √n ~ N(0, 1) (p(z̄)): Σz²
 * hardly sees it (the old quasi-Monte Carlo estimator's mean 0.13 over
 * 1200 z's, 4.5 standard errors, moved Σz² to p = 0.008 only).
 * The z of a check's "#   data" line (one-point checks) repeats its zpt
 * value on another scale, so it is used only for rows without zpt lines.
 * A z that another run of the same seed already gave -- the same check, the
 * same printed value -- is counted once: an edge configuration whose --set
 * does not touch a derivation repeats the quick size's runs of it draw for
 * draw, and counting those copies would test one sample as if it were
 * several (elbo_gap's four --set edges repeated its quick seeds 1001-1100,
 * and p(z̄) read 1e-5 from 100 seeds' z's counted four times).
 * A standard error that is too small (e.g. an i.i.d. SE on a correlated
 * chain) shows as a large sum z^2 long before it causes false alarms.
 * Exits 1 if any check failed more often than its rate allows (more than
 * 0 failures at these run counts) or its z calibration p-value is below
 * 1e-4. */
#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define MAX_ROWS 4096
#define SEEN_BITS 22            /* room for 4M distinct z's */

typedef struct
{
  char slug[64], check[128];
  int runs, failures, nz, nt;
  double sz, szz;
  int nd;                       /* z's from data lines, used without zpt */
  double dz, dzz;
} row;

/* The N(0, 1) score of a Student-t(DOF) value: Φ⁻¹ of its CDF, from the
   nearer tail so that |t| up to 1e4 keeps full accuracy. */
static double
normal_score (double t, double dof)
{
  return t >= 0 ? gsl_cdf_ugaussian_Qinv (gsl_cdf_tdist_Q (t, dof))
    : gsl_cdf_ugaussian_Pinv (gsl_cdf_tdist_P (t, dof));
}

static row rows[MAX_ROWS];
static int nrows;

/* The z's seen, as 64-bit FNV-1a hashes of "slug seed check value" in an
   open-addressing table (0 marks an empty slot); a collision between
   distinct keys has probability about n² / 2^65, 1e-6 at 4M keys. */
static uint64_t seen[(size_t) 1 << SEEN_BITS];
static size_t nseen;

static uint64_t
fnv1a (const char *s)
{
  uint64_t h = 1469598103934665603u;
  for (; *s; s++)
    h = (h ^ (unsigned char) *s) * 1099511628211u;
  return h ? h : 1;
}

/* 1 the first time KEY is offered, 0 after */
static int
first_time (const char *key)
{
  size_t mask = ((size_t) 1 << SEEN_BITS) - 1;
  uint64_t h = fnv1a (key);
  for (size_t i = (size_t) h & mask;; i = (i + 1) & mask)
    {
      if (seen[i] == h)
        return 0;
      if (seen[i] == 0)
        {
          if (++nseen > mask / 2)
            {
              fprintf (stderr, "calibrate: too many z values\n");
              exit (3);
            }
          seen[i] = h;
          return 1;
        }
    }
}

static row *
find_row (const char *slug, const char *check)
{
  for (int i = 0; i < nrows; i++)
    if (!strcmp (rows[i].slug, slug) && !strcmp (rows[i].check, check))
      return &rows[i];
  if (nrows == MAX_ROWS)
    {
      fprintf (stderr, "calibrate: too many checks\n");
      exit (3);
    }
  row *r = &rows[nrows++];
  memset (r, 0, sizeof *r);
  snprintf (r->slug, sizeof r->slug, "%s", slug);
  snprintf (r->check, sizeof r->check, "%s", check);
  return r;
}

static void
read_tap (const char *path, double *alpha, int *files)
{
  FILE *f = fopen (path, "r");
  if (!f)
    return;
  char line[8192], slug[64] = "?";
  unsigned long seed = 0;
  (*files)++;
  while (fgets (line, sizeof line, f))
    {
      if (strncmp (line, "#   ", 4) != 0 && strstr (line, ": seed ")
          && sscanf (line, "# %63[^:]: seed %lu", slug, &seed) >= 1)
        continue;
      if (strncmp (line, "#   zpt\t", 8) == 0)
        {
          char zcheck[128], zexpect[32];
          double zz, dof = 0;
          int got = sscanf (line + 8, "%127[^\t]\t%31[^\t]\t%lf\t%lf",
                            zcheck, zexpect, &zz, &dof);
          char key[8400];
          snprintf (key, sizeof key, "%s %lu %s", slug, seed, line + 8);
          if (got >= 3 && strcmp (zexpect, "holds") == 0 && isfinite (zz)
              && first_time (key))
            {
              row *zr = find_row (slug, zcheck);
              if (got == 4 && dof > 0)
                {
                  zz = normal_score (zz, dof);
                  zr->nt++;
                }
              zr->nz++;
              zr->sz += zz;
              zr->szz += zz * zz;
            }
          continue;
        }
      if (strncmp (line, "#   data\t", 9) != 0)
        continue;
      char check[128], expect[32];
      int held;
      size_t pts, failed;
      double z;
      char zs[64], rel[8] = "=";
      double maxdiff, detectable;
      if (sscanf (line + 9, "%127[^\t]\t%31[^\t]\t%d\t%zu\t%zu\t%63[^\t]"
                  "\t%lf\t%lf\t%7s", check, expect, &held, &pts, &failed, zs,
                  &maxdiff, &detectable, rel) < 6)
        continue;
      if (strcmp (expect, "holds") != 0)
        continue;
      row *r = find_row (slug, check);
      r->runs++;
      r->failures += !held;
      /* Only an equality's z is N(0, 1) when it holds: an inequality that
         holds strictly has z far below 0 by design. */
      z = strtod (zs, NULL);
      char key[8400];
      snprintf (key, sizeof key, "%s %lu %s", slug, seed, line);
      if (isfinite (z) && strcmp (rel, "=") == 0 && first_time (key))
        {
          r->nd++;
          r->dz += z;
          r->dzz += z * z;
        }
    }
  fclose (f);
  (void) alpha;
}

int
main (int argc, char **argv)
{
  double alpha = 1e-7;
  int files = 0, bad = 0, total_runs = 0, total_fail = 0, first = 1;
  const char *size = "quick";
  if (argc > 2 && strcmp (argv[1], "--size") == 0)
    {
      size = argv[2];
      first = 3;
    }
  for (int i = first; i < argc; i++)
    read_tap (argv[i], &alpha, &files);
  printf ("## %s sample sizes\n\n"
          "From %d seed-runs.", strcmp (size, "default") == 0
          ? "Default (make check)" : "Quick", files);
  printf (
          " Each check that should hold states a false-alarm probability"
          " α = %.0e per run; *expected* is runs × α. For single-point Monte"
          " Carlo checks the standardised differences z = Δ / se must be"
          " N(0, 1) if the standard errors are right: their mean, standard"
          " deviation, and the p-value of Σz² against χ²(n) are shown (a"
          " p-value below 1e-4 flags a miscalibrated error).\n\n"
          "The z columns hold one z per Monte Carlo point of an equality."
          " A quasi-Monte Carlo comparison gives a Student-t value with R - 1"
          " degrees of freedom (variance 1.07 at R = 32), which enters as its"
          " normal score Φ⁻¹(F_t(t)), N(0, 1) exactly when the t law holds;"
          " *t* counts those.\n\n"
          " p(z̄) tests the mean alone (z̄ √n against N(0, 1)), which Σz²"
          " hardly sees; either below 1e-4 flags the row.\n\n"
          "| claim | check | α | runs | failures | expected | z: n | t | mean | sd | p(Σz²) | p(z̄) |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|\n", alpha);
  for (int i = 0; i < nrows; i++)
    {
      row *r = &rows[i];
      total_runs += r->runs;
      total_fail += r->failures;
      printf ("| %s | `%s` | %.0e | %d | %d | %.1e |", r->slug, r->check,
              alpha, r->runs, r->failures, r->runs * alpha);
      if (r->nz == 0)           /* no zpt lines: the data lines' z */
        {
          r->nz = r->nd;
          r->sz = r->dz;
          r->szz = r->dzz;
        }
      if (r->nz >= 2)
        {
          double mean = r->sz / r->nz;
          double sd = sqrt ((r->szz - r->nz * mean * mean) / (r->nz - 1));
          double p = gsl_cdf_chisq_Q (r->szz, r->nz);
          double p2 = 2 * fmin (p, 1 - p);      /* too small or too large */
          double pm = 2 * gsl_cdf_ugaussian_Q (fabs (mean) * sqrt ((double) r->nz));
          printf (" %d | %d | %.2f | %.2f | %.2g | %.2g |\n", r->nz, r->nt, mean, sd,
                  p2, pm);
          if (p2 < 1e-4 || pm < 1e-4)
            bad++;
        }
      else
        printf (" | | | | | |\n");
      if (r->failures > 0)
        bad++;
    }
  printf ("\nIn all: %d check-runs, %d false alarms (expected %.1e)."
          " A full `make check` evaluates %d checks that should hold; with"
          " α = %.0e each, the family-wise false-alarm probability is at most"
          " %.1e (union bound).\n", total_runs, total_fail,
          total_runs * alpha, nrows, alpha, nrows * alpha);
  fprintf (stderr, "calibrate (%s): %d check-runs, %d false alarms, %d"
           " flagged\n", size, total_runs, total_fail, bad);
  return bad ? 1 : 0;
}

/* point.h -- parameter points: drawn at random, printed, read back, shrunk.
 *
 * A derivation is checked at random parameter points (two Gaussians, a
 * probability vector, a few scalars).  When a line fails, the failing point
 * is shrunk the way QuickCheck and Hypothesis shrink a failing input: the
 * engine tries ever simpler neighbours -- a smaller dimension, identity or
 * diagonal covariances, equal means, then rounder numbers (0, 1, integers,
 * halves) -- and keeps one while the line still fails, so the counterexample
 * in the report is one a student can redo with a calculator.
 *
 * A point is a flat array of doubles whose layout its kind defines; a kind
 * carries the functions that draw, print, parse, shrink and validate it,
 * and the description of how points are drawn, which the report prints, so
 * a note can never disagree with the code that draws.
 *
 * The printed form is "name = value, name = value", a value a number or a
 * parenthesised list, numbers in the shortest form that reads back to the
 * same double; point_kind.parse reads that form back (--point). */
#ifndef HARNESS_POINT_H
#define HARNESS_POINT_H

#include "sbuf.h"

#include <gsl/gsl_matrix.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

#define POINT_MAX 1024          /* doubles in a point; two Gaussians in d <= 22 */
#define POINT_SHRINK_MAX 256    /* candidates one shrink step may propose */

typedef struct
{
  size_t d;                     /* dimension, for kinds that have one */
  size_t n;                     /* values in use */
  double v[POINT_MAX];
} point;

/* One coordinate of a box of scalar parameters. */
typedef struct
{
  const char *name;             /* as the seed writes it: "θ1", "s1" */
  double lo, hi;                /* the range points are drawn from */
  int log_scale;                /* drawn log-uniformly (lo > 0) */
  int integer;                  /* whole numbers only */
} point_coord;

typedef struct point_kind point_kind;
struct point_kind
{
  const char *name;             /* "two Gaussians" */
  const char *description;      /* how points are drawn (for the report) */
  void (*draw) (const point_kind * k, const gsl_rng * r, point * p);
  void (*print) (const point_kind * k, sbuf * b, const point * p);
  /* 0 on success, else -1 with a one-line message in ERR */
  int (*parse) (const point_kind * k, const char *text, point * p,
                char *err, size_t errlen);
  /* simpler neighbours of P, simplest first; returns how many */
  size_t (*shrink) (const point_kind * k, const point * p, point * out,
                    size_t max);
  int (*valid) (const point_kind * k, const point * p);

  /* configuration, read by the functions above */
  size_t dmin, dmax;            /* dimension range */
  double cond_max;              /* covariance condition numbers up to this */
  double scale_sd;              /* log-normal sd of covariance scales */
  int second_diagonal;          /* pair: the second covariance is diagonal */
  const point_coord *coords;    /* box */
  size_t n_coords;
  const char *names[4];         /* field names: "μ1", "Σ1", "μ2", "Σ2" */
};

/* ---- the library's kinds ---- */

/* One Gaussian N(μ, Σ): v = μ (d), Σ (d x d, row major). */
extern const point_kind point_gaussian_template;
/* Two Gaussians: v = μ1, Σ1, μ2, Σ2. */
extern const point_kind point_gaussian_pair_template;
/* A box of named scalars: v = the coordinates in order. */
extern const point_kind point_box_template;
/* K probability vectors of length n (dmin..dmax), strictly positive:
   v = p_1 (n), ..., p_K (n); names[] gives the K names. */
extern const point_kind point_prob_template;
/* Named scalars and K probability vectors (a mixture's weights and its
   components): v = the coordinates (coords), then p_1 (n), ..., p_K (n);
   each part drawn, printed, parsed and shrunk as by the two kinds above. */
extern const point_kind point_prob_box_template;
/* A one-dimensional Gaussian mixture of K components (dmin..dmax):
   v = w (K weights, positive, summing to 1), m (K means), s (K standard
   deviations > 0); printed "K = 2, w = (0.5, 0.5), m = (-1, 1), s = (1, 1)". */
extern const point_kind point_mixture_template;

/* Two Gaussians whose fields are named as a seed names them, e.g.
   ("μ0", "Σ0", "μ1", "Σ1"). */
point_kind point_gaussian_pair_named (const char *mu1, const char *sigma1,
                                      const char *mu2, const char *sigma2);

/* ---- layout accessors ---- */

/* Gaussian I of a single (I = 0) or pair (I = 0, 1) point: its mean
   (d values) and covariance (d x d, row major). */
const double *point_mean (const point * p, int i);
const double *point_cov (const point * p, int i);
/* Coordinate NAME of a box point (dies if the kind has none). */
double point_get (const point_kind * k, const point * p, const char *name);
/* Probability vector I of a prob point. */
const double *point_prob (const point * p, int i);

/* ---- helpers shared by kinds (and by claims with kinds of their own) ---- */

/* The shortest decimal form that reads back to X. */
void point_put_number (sbuf * b, double x);
/* X[0..N-1] as a number (N = 1) or a parenthesised list. */
void point_put_list (sbuf * b, const double *x, size_t n);
/* Numbers of "name = value" for NAME in TEXT, flattened (a nested list
   gives its numbers in order).  Returns how many were found (at most MAX),
   or -1 if NAME is absent or a number is malformed. */
int point_parse_field (const char *text, const char *name, double *out,
                       size_t max);
/* Simpler values than X, simplest first: 0, ±1, the nearest integer, the
   nearest half, one and two significant digits.  Returns how many (<= 8). */
size_t point_simpler_numbers (double x, double *out);
/* How complicated X is to write (0 for 0, then whole numbers, halves,
   ..., then by significant digits), and a point's total: shrinking only
   ever moves to a point of smaller complexity, so it ends. */
double point_number_complexity (double x);
double point_complexity (const point * p);
/* Is the d x d row-major matrix A symmetric positive definite (a Cholesky
   factorisation succeeds)? */
int point_spd (const double *a, size_t d);

/* A box of the named scalars C[0..N-1] (point_box_template with its
   coordinates set), described as DESCRIPTION (NULL: the template's). */
point_kind point_box (const point_coord * c, size_t n,
                      const char *description);

/* The same box as a static initializer, so that a claim declares its
   points where it declares their coordinates (no line in main):
     static const point_kind tu = POINT_BOX (TU, NULL);
   POINT_BOX_N takes the first N coordinates only; POINT_BOX_NAMED names
   the kind for the report ("scalar parameters" otherwise); POINT_BOX_OF
   takes the coordinates themselves, for a box that needs no array (at
   file scope, where its compound literal is static):
     static const point_kind t = POINT_BOX_OF (NULL, {"t", -4, 4, 0, 0}); */
#define POINT_BOX_DESCRIPTION "each coordinate uniform (or log-uniform) over its range"
#define POINT_BOX_N(c_, n_, desc_) POINT_BOX_KIND ("scalar parameters", c_, n_, desc_)
#define POINT_BOX_NAMED(name_, c_, desc_) \
  POINT_BOX_KIND (name_, c_, sizeof (c_) / sizeof ((c_)[0]), desc_)
#define POINT_BOX_KIND(name_, c_, n_, desc_) { .name = (name_), \
    .description = (desc_) ? (desc_) : POINT_BOX_DESCRIPTION, \
    .draw = point_box_draw, .print = point_box_print, .parse = point_box_parse, \
    .shrink = point_box_shrink, .valid = point_box_valid, .coords = (c_), .n_coords = (n_) }
#define POINT_BOX(c_, desc_) POINT_BOX_N (c_, sizeof (c_) / sizeof ((c_)[0]), desc_)
#define POINT_BOX_OF(desc_, ...) POINT_BOX (((const point_coord[]) { __VA_ARGS__ }), desc_)
/* The probability-vectors-and-scalars kind (point_prob_box_template) as a
   static initializer, likewise: the scalars C (POINT_PROB_BOX_N: the
   first N of them), vectors of DMIN..DMAX outcomes named by the strings
   that follow (at most four), described as DESC (NULL: the template's):
     static const point_kind p = POINT_PROB_BOX (C, 3, 3, NULL, "w", "q"); */
#define POINT_PROB_BOX_NAME "probability vectors and scalars"
#define POINT_PROB_BOX_DESCRIPTION "each scalar uniform (or log-uniform) over its range; n" \
  " from 2 to 8 outcomes, each vector uniform on the simplex (Dirichlet(1, ..., 1))"
#define POINT_PROB_BOX_N(c_, n_, dmin_, dmax_, desc_, ...) { .name = POINT_PROB_BOX_NAME, \
    .description = (desc_) ? (desc_) : POINT_PROB_BOX_DESCRIPTION, \
    .draw = point_prob_box_draw, .print = point_prob_box_print, \
    .parse = point_prob_box_parse, .shrink = point_prob_box_shrink, \
    .valid = point_prob_box_valid, .dmin = (dmin_), .dmax = (dmax_), \
    .coords = (c_), .n_coords = (n_), .names = { __VA_ARGS__ } }
#define POINT_PROB_BOX(c_, dmin_, dmax_, desc_, ...) \
  POINT_PROB_BOX_N (c_, sizeof (c_) / sizeof ((c_)[0]), dmin_, dmax_, desc_, __VA_ARGS__)
void point_prob_box_draw (const point_kind * k, const gsl_rng * r, point * p);
void point_prob_box_print (const point_kind * k, sbuf * b, const point * p);
int point_prob_box_parse (const point_kind * k, const char *text, point * p,
                          char *err, size_t errlen);
size_t point_prob_box_shrink (const point_kind * k, const point * p, point * out,
                              size_t max);
int point_prob_box_valid (const point_kind * k, const point * p);
void point_box_draw (const point_kind * k, const gsl_rng * r, point * p);
void point_box_print (const point_kind * k, sbuf * b, const point * p);
int point_box_parse (const point_kind * k, const char *text, point * p, char *err,
                     size_t errlen);
size_t point_box_shrink (const point_kind * k, const point * p, point * out, size_t max);
int point_box_valid (const point_kind * k, const point * p);

#endif

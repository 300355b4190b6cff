/* lingauss2_point.h -- the two-latent linear-Gaussian model of
 * lib/lingauss2 (b = 0, ψ = 1) at a derivation's point, and the harness's
 * ground truths there, in the shape of derivation.h's line functions.
 *
 * Two layouts of point.h's boxes, as gauss_pair.h prepares two Gaussians:
 *   a model point        (θ1, θ2, x): v[0..2];
 *   a variational point  (θ1, θ2, x, m1, s1, m2, s2): v[0..6], q =
 *                        N(m1, s1²) N(m2, s2²); with a coordinate index
 *                        i in {1, 2} in v[7] for the truths along m_i, s_i.
 * The truths take no closed form of what a seed derives: the posterior by
 * conjugacy and Bayes' rule at a draw, the ELBO's terms by quadrature, the
 * updates by GSL's central differences and a 1-D maximiser of the ELBO
 * (lib/lingauss2 derives and tests each). */
#ifndef HARNESS_LINGAUSS2_POINT_H
#define HARNESS_LINGAUSS2_POINT_H

#include "derivation.h"
#include "line_fn.h"
#include "lingauss2.h"
#include "point.h"

#include <gsl/gsl_rng.h>

/* The model, and the model with q, of a point P (a const lingauss2 *) */
#define LINGAUSS2_POINT_MODEL(p) \
  (&(lingauss2) { {(p)->v[0], (p)->v[1]}, (p)->v[2], {0, 0}, {0, 0}, 0, 1 })
#define LINGAUSS2_POINT_Q(p) (&(lingauss2) { {(p)->v[0], (p)->v[1]}, (p)->v[2], \
  {(p)->v[3], (p)->v[5]}, {(p)->v[4], (p)->v[6]}, 0, 1 })
/* i - 1 of a variational point with an index: 0 or 1 */
#define LINGAUSS2_POINT_INDEX(p) ((int) (p)->v[7] - 1)

/* ---- at a model point ---- */

/* .prep_size = sizeof (estimate), .prepare: p(x) by nested quadrature,
   without conjugacy (lingauss2_evidence_quad) */
void lingauss2_point_prepare_evidence (const point * p, void *prep);
/* .sample (.x_dim = 4): two latents z, z' ~ N(0, 2² I) by the ziggurat,
   wider than the prior N(0, I), for the lines claimed at every z */
void lingauss2_point_sample_latents (const gsl_rng * r, const point * p,
                                     const void *prep, double *z);
/* That sampler as a derivation's fields, with the length of a draw */
#define LINGAUSS2_POINT_LATENT_DRAWS .x_dim = 4, .sample = lingauss2_point_sample_latents
/* At a draw Z of two latents z = Z[0..1] (and z' = Z[2..3]), with their
   rounding bounds: log p(z|x) of the conjugate posterior; and log p(z|x)
   - log p(z'|x) by Bayes' rule, log p(x, z) - log p(x, z'), where the
   evidence cancels. */
double lingauss2_point_log_post (const point * p, const void *prep,
                                 const double *z, double *bound);
double lingauss2_point_log_ratio (const point * p, const void *prep,
                                  const double *z, double *bound);

/* At a draw Z (z = Z[0..1]) with the prep of
   lingauss2_point_prepare_evidence: log p(x, z) - log p(x), Bayes' rule
   with p(x) = ∫ p(x|z) p(z) dz by quadrature; the bound adds to the
   difference's rounding what the quadrature's relative error e adds to
   log p(x), at most e / (1 - e) (est_log). */
double lingauss2_point_log_post_quad (const point * p, const void *prep,
                                      const double *z, double *bound);

/* The mixed second difference of F (G, z1, z2, A) over (z1, z2) with unit
   steps, F(1, 1) - F(1, 0) - F(0, 1) + F(0, 0), with its rounding bound:
   a density factorises over (z1, z2) exactly when that of its log
   vanishes everywhere, and for a log-density quadratic in z it is the
   coefficient of z1z2.  A is passed through (a coefficient of F, and
   the values its mutants give it). */
typedef rnd (*lingauss2_latent_fn) (const lingauss2 * g, double z1, double z2, double a);
rnd lingauss2_mixed_difference (lingauss2_latent_fn f, const lingauss2 * g, double a);
/* That of log p(x, z) (here -θ1θ2) */
estimate lingauss2_point_interaction (const point * p, const void *prep);

/* E_{z ~ p(z)}[log p(x|z)] = -½(log 2π + x² + θᵀθ) of the model G: the
   log taken inside the evidence's integral, below log p(x) by Jensen's
   gap ½(θᵀθ - log v) + x²θᵀθ/(2v), 0 only at θ = 0 */
rnd lingauss2_e_log_lik_prior (const lingauss2 * g);

/* ---- at a variational point ---- */

/* z ~ q as a map of standard normals, z_i = m_i + s_i e_i (.base_dim =
   derivation_two_normals, .transform: the engine integrates by RQMC) */
void lingauss2_point_map_q (const point * p, const void *prep, const double *e,
                            double *z);
/* That map as a derivation's fields, with the length of a draw z = z[0..1] */
#define LINGAUSS2_POINT_Q_DRAWS .x_dim = 2, .base_dim = derivation_two_normals, \
  .transform = lingauss2_point_map_q
/* The ELBO's terms by quadrature: E_q[log p(z)], E_q[log p(x|z)],
   E_q[log q1], E_q[log q2], and their sum L(q) */
estimate lingauss2_point_e_log_prior (const point * p, const void *prep);
estimate lingauss2_point_e_log_lik (const point * p, const void *prep);
estimate lingauss2_point_e_log_q1 (const point * p, const void *prep);
estimate lingauss2_point_e_log_q2 (const point * p, const void *prep);
estimate lingauss2_point_elbo (const point * p, const void *prep);
/* Along m_i and s_i of a point with an index: ∂L/∂m_i and ∂L/∂s_i by
   central differences of the closed-form ELBO; argmax over m_i, and
   (argmax over s_i)² with the error of a square */
estimate lingauss2_point_dl_dm (const point * p, const void *prep);
estimate lingauss2_point_dl_ds (const point * p, const void *prep);
estimate lingauss2_point_m_star (const point * p, const void *prep);
estimate lingauss2_point_s2_star (const point * p, const void *prep);

/* The five log-densities at a draw Z of q, each with its rounding
   (normal_log_pdf_rnd): log N(z1; 0, 1), log N(z2; 0, 1), log N(x; θᵀz,
   1), log N(z1; m1, s1²), log N(z2; m2, s2²) */
typedef struct { rnd prior1, prior2, lik, q1, q2; } lingauss2_log_terms;
lingauss2_log_terms lingauss2_log_terms_at (const lingauss2 * v, const double *z);
/* A line NAME (line_integrand_fn) of a variational point at a draw Z of
   q from those five: EXPR, an rnd in T (the lingauss2_log_terms), whose
   rounding bound it states (line_fn.h's LINE_FN_RND, for the ELBO's lines):
     LINGAUSS2_POINT_TERMS_LINE (log_pq, rnd_sub (t.lik, rnd_add (t.q1, t.q2))) */
#define LINGAUSS2_POINT_TERMS_LINE(name, expr) static double \
  name (const point * p, const void *u, const double *z, double *bound) \
  { (void) u; lingauss2_log_terms t = lingauss2_log_terms_at (LINGAUSS2_POINT_Q (p), z); \
    return line_fn_bounded ((expr), bound); }

/* ---- the truths as a derivation's table entries (derivation_truth),
   each with its id and what it computes ---- */
#define LINGAUSS2_POINT_POSTERIOR_TRUTHS \
  {"log_post", "log p(z|x) of the conjugate posterior N(θx/v, (I + θθᵀ)⁻¹)", \
   LINE_POINTWISE (lingauss2_point_log_post)}, \
  {"log_ratio", "log p(z|x) - log p(z'|x) = log p(x, z) - log p(x, z')" \
   " (Bayes' rule, lib/normal)", LINE_POINTWISE (lingauss2_point_log_ratio)}, \
  {"interaction", "the mixed second difference of log p(x, z) over (z1, z2)", \
   LINE_CLOSED (lingauss2_point_interaction)}
#define LINGAUSS2_POINT_ELBO_TRUTHS \
  {"elbo", "L(q) = E_q[log p(z)] + E_q[log p(x|z)] - E_q[log q1] - E_q[log q2]," \
   " each by quadrature", LINE_CLOSED (lingauss2_point_elbo)}, \
  {"e_log_prior", "E_q[log p(z)] by quadrature (GSL QAGS)", \
   LINE_CLOSED (lingauss2_point_e_log_prior)}, \
  {"e_log_lik", "E_q[log p(x|z)] by quadrature over θᵀz ~ N(θᵀm, Σθ_i²s_i²)", \
   LINE_CLOSED (lingauss2_point_e_log_lik)}, \
  {"e_log_q1", "E_q[log q1] = -H[N(m1, s1²)] by quadrature", \
   LINE_CLOSED (lingauss2_point_e_log_q1)}, \
  {"e_log_q2", "E_q[log q2] by quadrature", LINE_CLOSED (lingauss2_point_e_log_q2)}
#define LINGAUSS2_POINT_UPDATE_TRUTHS \
  {"dL_dm", "∂L/∂m_i by GSL's central difference of the closed-form ELBO", \
   LINE_CLOSED (lingauss2_point_dl_dm)}, \
  {"m_star", "argmax over m_i of the ELBO (Brent, rounding-proof bracket)", \
   LINE_CLOSED (lingauss2_point_m_star)}, \
  {"dL_ds", "∂L/∂s_i by GSL's central difference", LINE_CLOSED (lingauss2_point_dl_ds)}, \
  {"s2_star", "(argmax over s_i of the ELBO)²", LINE_CLOSED (lingauss2_point_s2_star)}

#endif

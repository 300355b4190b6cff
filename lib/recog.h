/* recog.h -- a linear-Gaussian recognition model for the linear-Gaussian
 * model with one latent in the plane (lib/lingauss with d = 2 and
 * z ~ N(0, 1); wake_sleep):
 *
 *     z ~ N(0, 1),   x | z ~ N(W z + b, s² I₂),    θ = (W, b, s²),
 *     q_φ(z|x) = N(a·x + c, τ²),                   φ = (a, c, τ²).
 *
 * The family contains the exact posterior
 *     p_θ(z|x) = N(a*·x + c*, τ*²),  τ*² = 1/(1 + ‖W‖²/s²),
 *     a* = τ*² W / s²,  c* = -a*·b,
 * so every objective of wake-sleep has a closed form: the ELBO, the sleep
 * objective E_{p_θ(z,x)}[log q_φ(z|x)] and the inclusive KL
 * E_{p_θ(x)}[KL(p_θ(z|x) || q_φ(z|x))], with their gradients in the
 * optimisers' coordinates (W, b, log s²) and (a, c, log τ²).  The M-step
 * and the sleep fit are least-squares regressions.
 *
 * The closed forms carry their rounding: the _bounded variants return, in
 * the vector order below, a bound on each coordinate's |fl - exact|,
 * derived by lib/rounding's arithmetic (the a-posteriori residual bound for
 * the regression's solve), for exact W, b, a, c and data and s², τ² within
 * an ulp (as exp of the vectors' log-coordinates gives them).
 *
 * recog_elbo is lingauss_elbo's value at q_φ(z|x).  tests/test_recog.c
 * checks the closed forms against lib/lingauss, finite differences, Monte
 * Carlo and each other. */
#ifndef HARNESS_RECOG_H
#define HARNESS_RECOG_H

#include <gsl/gsl_rng.h>
#include <gsl/gsl_vector.h>
#include <stddef.h>

#define RECOG_D 2

typedef struct { double w[RECOG_D], b[RECOG_D], s2; } recog_theta;
typedef struct { double a[RECOG_D], c, tau2; } recog_phi;
typedef struct { size_t n; double (*x)[RECOG_D]; } recog_data;

/* θ = (W0, W1, b0, b1, log s²) and φ = (a0, a1, c, log τ²) as vectors */
enum { RECOG_W0, RECOG_B0 = RECOG_W0 + RECOG_D, RECOG_LOGS2 = RECOG_B0 + RECOG_D, RECOG_N_THETA };
enum { RECOG_A0, RECOG_C = RECOG_A0 + RECOG_D, RECOG_LOGTAU2, RECOG_N_PHI };

recog_theta recog_theta_from_vector (const gsl_vector * v);
recog_phi recog_phi_from_vector (const gsl_vector * v);
void recog_theta_to_vector (const recog_theta * t, gsl_vector * v);
void recog_phi_to_vector (const recog_phi * p, gsl_vector * v);

/* u·v over the RECOG_D coordinates, in order */
double recog_dot (const double *u, const double *v);
/* q_φ's mean a·x + c */
double recog_mean (const recog_phi * p, const double *x);
/* log q_φ(Z|X) = log N(Z; a·X + c, τ²) (normal_log_pdf), at any X: the
   sleep objective's integrand at a drawn (z, x) */
double recog_log_q (const recog_phi * p, double z, const double *x);

/* The exact posterior's (a*, c*, τ*²), in precision form. */
recog_phi recog_posterior (const recog_theta * t);
/* The population least-squares regression of z on x under p_θ(z, x):
   a = C⁻¹W = C⁻¹ Cov(x, z) through a Cholesky solve of C = WWᵀ + s²I,
   c = -a·b, τ² = 1 - *EXPLAINED, *EXPLAINED = WᵀC⁻¹W. */
recog_phi recog_regression (const recog_theta * t, double *explained);
/* The same with BOUND (RECOG_N_PHI values) on φ's vector, a, c, log τ² */
recog_phi recog_posterior_bounded (const recog_theta * t, double *bound);
recog_phi recog_regression_bounded (const recog_theta * t, double *explained, double *bound);

/* ELBO(θ, φ; x) = E_q[log p_θ(x|z)] + E_q[log p(z)] + H(q), and its
   average over the data (the wake objective L(θ)). */
double recog_elbo (const recog_theta * t, const recog_phi * p, const double *x);
double recog_average_elbo (const recog_theta * t, const recog_phi * p, const recog_data * d);
/* (1/N) Σ log p_θ(x^i) (lingauss_log_evidence) */
double recog_average_log_lik (const recog_theta * t, const recog_data * d);
/* ∇L in θ's coordinates: ∂L/∂W = (1/N) Σ (r_i μ_i - W TAU2_W)/s²,
   ∂L/∂b = (1/N) Σ r_i / s², ∂L/∂log s² = -d/2 + A/(2 s²),
   r_i = x_i - b - W μ_i, A = (1/N) Σ (‖r_i‖² + ‖W‖² τ²); TAU2_W is τ²
   (a mutant drops it). */
void recog_wake_gradient (const recog_theta * t, const recog_phi * p, double tau2_w,
                          const recog_data * d, gsl_vector * g);
/* The same with BOUND (RECOG_N_THETA values) on each partial */
void recog_wake_gradient_bounded (const recog_theta * t, const recog_phi * p, double tau2_w,
                                  const recog_data * d, gsl_vector * g, double *bound);

/* E_{x~p_θ}[KL(p_θ(z|x) || q_φ(z|x))] and its gradient in φ's coordinates */
double recog_inclusive_kl (const recog_theta * t, const recog_phi * p);
void recog_inclusive_kl_gradient (const recog_theta * t, const recog_phi * p, gsl_vector * g);
/* The same with BOUND (RECOG_N_PHI values) on each partial */
void recog_inclusive_kl_gradient_bounded (const recog_theta * t, const recog_phi * p,
                                          gsl_vector * g, double *bound);
/* The same as functions of φ's vector for lib/minimize and lib/gradcheck,
   PARAMS a const recog_theta * */
double recog_inclusive_kl_fn (const gsl_vector * v, void *params);
void recog_inclusive_kl_grad_fn (const gsl_vector * v, void *params, gsl_vector * g);
void recog_inclusive_kl_grad_bounded_fn (const gsl_vector * v, void *params, gsl_vector * g,
                                         double *bound);
/* E_{p_θ(z,x)}[log q_φ(z|x)] */
double recog_sleep_objective (const recog_theta * t, const recog_phi * p);
/* E_{p_θ(x)}[F'] = E[-log p(x)] + E_x KL = H[N(b, C)] + inclusive KL */
double recog_expected_fprime (const recog_theta * t, const recog_phi * p);

/* Least squares of x on (u, 1) with second moments E[u_i²] = u_i² + E2:
   W and b, and s² = Σ (‖x_i - b - W u_i‖² + ‖W‖² ER) / DENOM.  The M-step
   takes u_i = E_q[z|x^i] (E2 = ER = τ²); the sampled wake step u_i = z^i
   (E2 = ER = 0). */
recog_theta recog_regress_x (const recog_data * d, const double *u, double e2, double er,
                             double denom);

/* The M-step argmax_θ (1/N) Σ_i E_q[log p_θ(x^i|z)]: recog_regress_x with
   the expected statistics E[z] = μ_i, E[z²] = μ_i² + E2 (E2 = τ²), ER = τ²
   and DENOM = N d. */
recog_theta recog_mstep (const recog_data * d, const recog_phi * p, double e2, double denom);
/* The same with BOUND (RECOG_N_THETA values) on θ's vector, W, b, log s² */
recog_theta recog_mstep_bounded (const recog_data * d, const recog_phi * p, double e2,
                                 double denom, double *bound);
/* One wake step as the seed writes it: z^i ~ q_φ(z|x^i), then
   max_θ (1/N) Σ log p_θ(x^i|z^i), a least-squares fit of x on (z, 1) and
   the residual variance that maximises the sampled likelihood. */
recog_theta recog_wake_step (const gsl_rng * r, const recog_data * d, const recog_phi * p);

/* One draw (z, x) ~ p_θ; N draws of x (free d.x). */
void recog_sample (const gsl_rng * r, const recog_theta * t, double *z, double *x);
recog_data recog_data_sample (const gsl_rng * r, const recog_theta * t, size_t n);
/* The sleep fit: max_φ (1/M) Σ log q_φ(z^i|x^i) over M draws from p_θ,
   i.e. least squares of z on (x, 1) and τ² = RSS/M.  Returns the fitted φ,
   (XᵀX)⁻¹'s diagonal (RECOG_D + 1 values) for the standard errors, and in
   *Z_VAR the sample variance of z. */
recog_phi recog_sleep_fit (const gsl_rng * r, const recog_theta * t, long m, double *inv_diag,
                           double *z_var);

/* The maximum of the average log-likelihood over θ.  With d = 2 and one
   latent, C = W Wᵀ + s² I has eigenvalues |W|² + s² >= s² along any
   direction, so it is any SPD matrix: the model's maximum is the Gaussian
   one, at C = S (the 1/N sample covariance) and b = x̄, where
   (1/N) Σ log N(x^i; x̄, S) = -(d log 2π + log det S + d)/2. */
double recog_max_log_lik (const recog_data * d);

/* Random models, with R in this order: T0 moved by N(0, SD²) in each w_j, b_j (j in order,
   w_j before b_j) and s² scaled by exp N(0, SD²); a recognition model with a_j, c ~ N(0, 0.5²)
   and τ² uniform on [0.2, 0.6] (away from a posterior, for checks of the wake phase). */
recog_theta recog_theta_perturb (const gsl_rng * r, const recog_theta * t0, double sd);
recog_phi recog_phi_random (const gsl_rng * r);

/* The wake objective L(θ) = recog_average_elbo at fixed φ, and its gradient recog_wake_gradient
   (with TAU2_W), as functions of θ's vector for lib/minimize and lib/gradcheck (PARAMS a
   recog_wake *); the _neg pair is -L and -∇L, to maximise L by a minimiser. */
typedef struct { const recog_data *data; recog_phi phi; double tau2_w; } recog_wake;
double recog_wake_fn (const gsl_vector * v, void *params);
void recog_wake_grad_fn (const gsl_vector * v, void *params, gsl_vector * g);
void recog_wake_grad_bounded_fn (const gsl_vector * v, void *params, gsl_vector * g,
                                 double *bound);
double recog_wake_neg_fn (const gsl_vector * v, void *params);
void recog_wake_neg_grad_fn (const gsl_vector * v, void *params, gsl_vector * g);

#endif

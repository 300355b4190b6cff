/* conjugate_duals.c -- the convex conjugate of u log u and two variational
 * lower bounds on KL(p||q): seed 003 Question 6, line by line.
 *
 *   Q6.1(a)  f*(t) = sup_u ut - u log u = e^{t-1}, f**(u) = u log u;
 *   Q6.1(b)  sup_T R1[T] = KL(p||q), R1[T] = E_p[T] - E_q[e^{T-1}];
 *   Q6.2(a)  r q, r = e^T / E_q[e^T], integrates to 1;
 *   Q6.2(b)  KL >= R2[T] = E_p[T] - log E_q[e^T] (no answer in the seed);
 *   Q6.3     R2 >= R1, from log x <= x - 1.
 *
 * Ground truth (NOTES below says more): every supremum computed (lib/conjugate),
 * never substituted; derivatives by the complex step (exact to rounding);
 * expectations under 1-D Gaussians by two agreeing quadrature rules (lib/quad,
 * lib/critic); KL(p||q) and a quadratic critic's E_q[e^T], E_p[T] in closed
 * form.  The claims over all critics are harness checks at random critics
 * (lib/critic_bounds). */
#include "critic_bounds.h"
#include "critic_point.h"
#include "fenchel.h"
#include "figure_critic_bounds.h"
#include "harness.h"
#include "line_fn.h"

#include <gsl/gsl_math.h>
#include <gsl/gsl_sf_log.h>
#include <math.h>

/* A row of 003 Question 6: its part ("1(a)": Q6.1(a)), its id and its line
   in the seed; EVAL (f, id, what, g): its value f, and its one mutant ID,
   which does WHAT, of value g. */
#define Q6(part, id_, at_) .id = id_, .source = "003 Q6." part, .at = at_
#define EVAL(f, id_, what, g) .eval = LINE_CLOSED (f), .mutants = {{id_, what, LINE_CLOSED (g)}}

/* ---- Q6.1(a), the derivative line: d/du (ut - u log u) at any (t, u) ---- */

static const point_kind tu_points = POINT_BOX_OF (NULL, {"t", -4, 4, 0, 0}, {"u", 0.05, 7.4, 1, 0});

LINE_FN_CLOSED (v_du, EST_SUM (p->v[0], -log (p->v[1]), -1.0))
LINE_FN_CLOSED (m_du_no_1, EST_SUM (p->v[0], -log (p->v[1])))

static const derivation_truth DU_TRUTHS[] = {
  {"du", "d/du (ut - u log u) by the complex step Im g(u + ih)/h", LINE_CLOSED (fenchel_ulogu_slope)},
};
static const derivation_line DU_LINES[] = {
  {Q6 ("1(a)", "s003_q61a_derivative", 266), .truth = "du",
   .text = "d/du(ut - u log u) = t - log u - 1",
   EVAL (v_du, "q61a_derivative_no_1", "t - log u (the -1 of d(u log u)/du dropped)", m_du_no_1)},
};
DERIVATION_DEFINE (du_dv, "s003_q61a_derivative", "003 Q6.1(a): the derivative of ut - u log u",
                   tu_points, 100, DU_TRUTHS, DU_LINES);

/* ---- Q6.1(a), the conjugate: at each t, Brent's maximiser over u ---- */

static const point_kind t_points = POINT_BOX_OF (NULL, {"t", -4, 4, 0, 0});

#define CONJ(prep) (*(const concave_max *) (prep))
LINE_FN_CLOSED (m_conj_stationary_no_1, fenchel_star_stationary (p->v[0], CONJ (u), 0.0))
LINE_FN_CLOSED (v_exp_t1, est_exact (exp (p->v[0] - 1), 2 * EST_U * exp (p->v[0] - 1)))
LINE_FN_CLOSED (m_exp_t1_rel5, est_scale (1 + 1e-5, v_exp_t1 (p, u)))
LINE_FN_CLOSED (m_exp_t1_rel6, est_scale (1 + 1e-6, v_exp_t1 (p, u)))

static const derivation_truth CONJ_TRUTHS[] = {
  {"sup", "f*(t) = sup_u ut - u log u by Brent (grid u in [1e-8, 1e8])",
   LINE_CLOSED (fenchel_star_sup)},
  {"argmax", "the maximiser over u by Brent", LINE_CLOSED (fenchel_star_argmax)},
  {"du_at_max", "d/du (ut - u log u) at Brent's maximiser, by the complex step",
   LINE_CLOSED (fenchel_star_slope)},
  {"zero", "0", LINE_CLOSED (line_fn_zero)},
};
static const derivation_line CONJ_LINES[] = {
  {Q6 ("1(a)", "s003_q61a_definition", 262),
   .text = "f*(t) = sup_{u ∈ dom f} ut - f(u) = sup_{u ∈ dom f} ut - u log u",
   LINE_NOT_CHECKABLE ("the definition of f*, with f(u) = u log u substituted")},
  {Q6 ("1(a)", "s003_q61a_method", 264),
   .text = "for a fixed value of t we maximize the function ut - u log u by setting it to 0",
   LINE_NOT_CHECKABLE ("the method in words (\"it\" is the derivative, as the display below"
                       " shows); the rows below are checked")},
  {Q6 ("1(a)", "s003_q61a_dangling", 266), .truth = "du_at_max",
   .text = "= d/du(ut - u log u)  (the row has no left side; at the maximiser)",
   /* read literally: f*(t), the chain above */
   .eval = LINE_CLOSED (fenchel_star_sup), .expect = V_SLIP,
   .readings = {{"0 = d/du(ut - u log u)", "the sentence above says \"by setting it to 0\" and the"
                 " third row writes 0 = t - [log u* + 1]", 0, LINE_CLOSED (line_fn_zero), 0}},
   .correction = "0 = d/du(ut - u log u): the display's leading \"=\" continues, as written, the chain"
     " f*(t) = sup_u ut - u log u above, and f*(t) = e^{t-1} is not the derivative (0 at the maximiser)"},
  {Q6 ("1(a)", "s003_q61a_stationary", 266), .truth = "zero",
   .text = "0 = t - [log u* + 1]  (at Brent's maximiser u*)",
   EVAL (fenchel_star_stationary_at_max, "q61a_stationary_no_1", "0 = t - log u*", m_conj_stationary_no_1)},
  {Q6 ("1(a)", "s003_q61a_maximiser", 266), .truth = "argmax", .text = "u* = e^{t-1}",
   EVAL (v_exp_t1, "q61a_maximiser_rel_1e-5", "u* = e^{t-1} (1 + 1e-5)", m_exp_t1_rel5)},
  {Q6 ("1(a)", "s003_q61a_conjugate", 268), .truth = "sup", .text = "Therefore, f*(t) = e^{t-1}",
   EVAL (v_exp_t1, "q61a_conjugate_rel_1e-6", "f*(t) = e^{t-1} (1 + 1e-6)", m_exp_t1_rel6)},
};
DERIVATION_DEFINE (conj_dv, "s003_q61a_conjugate", "003 Q6.1(a): the conjugate f*(t) of u log u",
                   t_points, 60, CONJ_TRUTHS, CONJ_LINES,
                   DERIVATION_PREPARE (concave_max, fenchel_star_prepare));

/* ---- Q6.1(a), the biconjugate: at each u, Brent over t, and nested ---- */

static const point_kind u_points = POINT_BOX_OF (NULL, {"u", 0.02, 55, 1, 0});

/* d/dt (tu - e^{t-1}) at Brent's t_B with the wrong sign */
#define BI(prep) ((const fenchel_bi *) (prep))
LINE_FN_CLOSED (m_bi_stationary_sign, fenchel_bi_slope (p->v[0], BI (u)->bi, 1.0))
#define U (p->v[0])      /* the point's u */
LINE_FN_CLOSED (v_ulogu, est_exact (U * log (U), 4 * EST_U * fabs (U * log (U))))
LINE_FN_CLOSED (m_ulog2u, est_exact (U * log2 (U), 4 * EST_U * fabs (U * log2 (U))))
LINE_FN_CLOSED (m_ulogu_rel6, est_exact (U * log (U * (1 + 1e-6)),
                                          4 * EST_U * (fabs (U * log (U)) + U)))
/* f*(t) taken as e^t: sup_t tu - e^t = u log u - u */
LINE_FN_CLOSED (m_bi_sup_no_1, EST_SUM (U * log (U), -U))
LINE_FN_CLOSED (v_tstar, EST_SUM (log (U), 1.0))
LINE_FN_CLOSED (m_tstar_sign, EST_SUM (log (U), -1.0))
/* t* u - f*(t*) at t* = log u + 1, and its expansion u (log u + 1) - e^{log u + 1 - 1} */
LINE_FN_CLOSED (v_bi_subst, EST_SUM ((log (U) + 1) * U, -exp (log (U) + 1 - 1)))
LINE_FN_CLOSED (m_bi_subst_plus, EST_SUM ((log (U) + 1) * U, exp (log (U) + 1 - 1)))
LINE_FN_CLOSED (v_bi_expanded, EST_SUM (U * (log (U) + 1), -exp (log (U) + 1 - 1)))
LINE_FN_CLOSED (m_bi_expanded_exponent, EST_SUM (U * (log (U) + 1), -exp (log (U) + 1)))
#undef U

static const derivation_truth BI_TRUTHS[] = {
  {"nested", "f**(u) = sup_t [tu - f*(t)], f*(t) itself sup_u [ut - u log u]: nested Brent, no closed form",
   LINE_CLOSED (fenchel_bi_nested)},
  {"sup", "sup_t tu - e^{t-1} by Brent (grid t in [-300, 300])", LINE_CLOSED (fenchel_bi_sup)},
  {"argmax", "the maximiser over t by Brent", LINE_CLOSED (fenchel_bi_argmax)},
  {"dt_at_max", "d/dt (tu - e^{t-1}) at Brent's maximiser", LINE_CLOSED (fenchel_bi_slope_at_max)},
  {"zero", "0", LINE_CLOSED (line_fn_zero)},
};
static const derivation_line BI_LINES[] = {
  {Q6 ("1(a)", "s003_q61a_bi_goal", 272), .truth = "nested", .text = "f**(u) = (f*)*(u) = u log u",
   EVAL (v_ulogu, "q61a_bi_goal_log2", "u log2 u", m_ulog2u)},
  {Q6 ("1(a)", "s003_q61a_bi_sup", 272),
   .text = "= sup_{t ∈ dom(u)} tu - f*(t), f*(t) = e^{t-1}  (t over ℝ)",
   EVAL (fenchel_bi_sup, "q61a_bi_sup_no_1", "f*(t) taken as e^t", m_bi_sup_no_1)},
  {Q6 ("1(a)", "s003_q61a_bi_method", 274),
   .text = "For a fixed value of u, we find the value of t that maximizes tu - e^{t-1} by setting it to 0",
   LINE_NOT_CHECKABLE ("the method in words; the rows below are checked")},
  {Q6 ("1(a)", "s003_q61a_bi_dangling", 276), .truth = "dt_at_max",
   .text = "= d/dt(tu - e^{t-1})  (the row has no left side; at the maximiser)",
   /* read literally: f**(u), the chain above */
   .eval = LINE_CLOSED (fenchel_bi_sup), .expect = V_SLIP,
   .readings = {{"0 = d/dt(tu - e^{t-1})", "the sentence above says \"by setting it to 0\" and the"
                 " next row writes 0 = u - e^{t-1}", 0, LINE_CLOSED (line_fn_zero), 0}},
   .correction = "0 = d/dt(tu - e^{t-1}): as written the row continues the chain f**(u) = sup_t tu - f*(t)"
     " above, and f**(u) = u log u is not the derivative (0 at the maximiser)"},
  {Q6 ("1(a)", "s003_q61a_bi_stationary", 276), .truth = "zero",
   .text = "0 = u - e^{t-1}  (at Brent's maximiser)",
   EVAL (fenchel_bi_slope_at_max, "q61a_bi_stationary_sign", "0 = u + e^{t-1}", m_bi_stationary_sign)},
  {Q6 ("1(a)", "s003_q61a_bi_maximiser", 276), .truth = "argmax", .text = "t* = log u + 1",
   EVAL (v_tstar, "q61a_bi_maximiser_sign", "t* = log u - 1", m_tstar_sign)},
  {Q6 ("1(a)", "s003_q61a_bi_substitute", 278),
   .text = "Now we substitute this back into the above equation",
   LINE_NOT_CHECKABLE ("the method in words; the substitution is the next row")},
  {Q6 ("1(a)", "s003_q61a_bi_substituted", 280), .truth = "sup", .text = "f**(u) = t*u - f*(t*)",
   EVAL (v_bi_subst, "q61a_bi_substituted_plus", "t*u + f*(t*)", m_bi_subst_plus)},
  {Q6 ("1(a)", "s003_q61a_bi_expanded", 280),
   .text = "= u·(log u + 1) [= u log u + u] - e^{log u + 1 - 1} [= u]",
   EVAL (v_bi_expanded, "q61a_bi_expanded_exponent", "e^{log u + 1} in place of e^{log u + 1 - 1}",
         m_bi_expanded_exponent)},
  {Q6 ("1(a)", "s003_q61a_biconjugate", 280), .text = "f**(u) = u log u",
   EVAL (v_ulogu, "q61a_biconjugate_rel_1e-6", "u log(u (1 + 1e-6))", m_ulogu_rel6)},
  {Q6 ("1(a)", "s003_q61a_fenchel_moreau", 282),
   .text = "footnote 3: f** = f if f is lower semi-continuous and convex (\"Fenchel-Monreau\")",
   LINE_NOT_CHECKABLE ("a theorem quoted for every such f (Fenchel-Moreau, misspelt); its instance"
                       " f = u log u is row s003_q61a_bi_goal, checked against the nested"
                       " numerical biconjugate")},
};
DERIVATION_DEFINE (biconj_dv, "s003_q61a_biconjugate", "003 Q6.1(a): the biconjugate f**(u) of u log u",
                   u_points, 40, BI_TRUTHS, BI_LINES,
                   DERIVATION_PREPARE (fenchel_bi, fenchel_bi_prepare));

/* ---- Q6.1(b): the integrand at x = mp + sp z, and the integral ---- */

/* p = N(mp, sp²), q = N(mq, sq²): the first coordinates of the points below */
#define PAIR_COORDS {"mp", -1.5, 1.5, 0, 0}, {"sp", 0.6, 1.8, 1, 0}, {"mq", -1.5, 1.5, 0, 0}, \
    {"sq", 0.6, 1.8, 1, 0}
static const point_kind pair_x_points = POINT_BOX_OF ("p = N(mp, sp²), q = N(mq, sq²), x = mp + sp z",
                                                     PAIR_COORDS, {"z", -3, 3, 0, 0});

#define PW(prep) ((const fenchel_kl_point *) (prep))

/* the prep, Brent's suprema, p log(p/q) and the rows' other forms of it: lib/fenchel */
LINE_FN_CLOSED (m_pw_q2_sup_f, est_scale (PW (u)->q, fenchel_kl_q_f_sup (p, u)))
/* the mutant with f*(t) = e^t in the objective: sup_t pt - q e^t = p log(p/q) - p */
LINE_FN_CLOSED (m_pw_whole_no_1, est_sub (fenchel_kl_closed (p, u), est_exact (PW (u)->p, 0)))

static const derivation_truth PW_TRUTHS[] = {
  {"p_log", "p log(p/q) at x, log p and log q by lib/normal", LINE_CLOSED (fenchel_kl_closed)},
  {"sup_f", "sup_t t p/q - e^{t-1} by Brent", LINE_CLOSED (fenchel_kl_f_sup)},
};
static const derivation_line PW_LINES[] = {
  {Q6 ("1(b)", "s003_q61b_given", 290), .truth = "p_log",
   .text = "sup_T R1[T] = ∫ sup_t p(x)t - q(x)e^{t-1} dx  (the given step; its integrand at x, by Brent)",
   EVAL (fenchel_kl_whole_sup, "q61b_given_no_1", "p t - q e^t inside the supremum", m_pw_whole_no_1)},
  {Q6 ("1(b)", "s003_q61b_factored", 290),
   .text = "= ∫ sup_t q(x)·(t·p(x)/q(x) - e^{t-1}) dx  (integrand, by Brent)",
   EVAL (fenchel_kl_inside_sup, "q61b_factored_no_q", "sup_t (t p/q - e^{t-1}) without the factor q",
         fenchel_kl_f_sup)},
  {Q6 ("1(b)", "s003_q61b_factor_rule", 292),
   .text = "since q(x) ≥ 0, sup q(x)·F = q(x) sup F  (F = t p/q - e^{t-1})",
   EVAL (fenchel_kl_q_f_sup, "q61b_factor_rule_q2", "q² sup F", m_pw_q2_sup_f)},
  {Q6 ("1(b)", "s003_q61b_factor_out", 294),
   .text = "= ∫ q(x) sup_t (t·p(x)/q(x) - e^{t-1}) dx  (integrand)",
   EVAL (fenchel_kl_q_f_sup, "q61b_factor_out_no_q", "sup F without q", fenchel_kl_f_sup)},
  {Q6 ("1(b)", "s003_q61b_conjugate_of_fstar", 296), .truth = "sup_f",
   .text = "the convex conjugate of f*(t) = e^{t-1} from the above question: sup_t (tu - e^{t-1}) = u log u at u = p/q",
   EVAL (fenchel_kl_u_log_u, "q61b_conjugate_is_fstar",
         "f*(p/q) = e^{p/q-1} substituted for the conjugate of f*", fenchel_kl_star_at_ratio)},
  {Q6 ("1(b)", "s003_q61b_substituted", 298), .from = {"s003_q61b_factor_out"},
   .text = "sup_T R1[T] = ∫ q(x)·(p(x)/q(x)·log p(x)/q(x)) dx  (integrand)",
   EVAL (fenchel_kl_q_u_log_u, "q61b_substituted_inverted", "q (p/q) log(q/p)",
         fenchel_kl_q_u_log_inverse)},
  {Q6 ("1(b)", "s003_q61b_p_log", 298), .text = "= ∫ p(x)·log p(x)/q(x) dx  (integrand)",
   EVAL (fenchel_kl_p_log, "q61b_p_log_q", "q log(p/q)", fenchel_kl_q_log)},
};
DERIVATION_DEFINE (pointwise_dv, "s003_q61b_pointwise", "003 Q6.1(b): the integrands at x = mp + sp z",
                   pair_x_points, 60, PW_TRUTHS, PW_LINES,
                   DERIVATION_PREPARE (fenchel_kl_point, fenchel_kl_prepare));

/* The integral: KL(p||q) in closed form against quadrature. */
static const point_kind pair_points = POINT_BOX_OF ("p = N(mp, sp²), q = N(mq, sq²)", PAIR_COORDS);

/* KL = log(sq/sp) + (sp² + d²)/(2 sq²) - 1/2 (lib/normal); the mutant
   drops its -1/2 */
LINE_FN_CLOSED (m_kl_no_half, est_add (critic_point_kl (p, u), est_exact (0.5, 0)))

static const derivation_truth KL_TRUTHS[] =
  { {"kl_quad", "∫ p log(p/q) dx by two quadrature rules", LINE_CLOSED (critic_point_kl_quad)} };
static const derivation_line KL_LINES[] = {
  {Q6 ("1(b)", "s003_q61b_kl", 298), .truth = "kl_quad",
   .text = "sup_T R1[T] = KL(p(x)||q(x))  (the Gaussian closed form)",
   EVAL (critic_point_kl, "q61b_kl_no_half", "the closed form without its -1/2", m_kl_no_half)},
};
DERIVATION_DEFINE (kl_dv, "s003_q61b_kl", "003 Q6.1(b): the integral is KL(p||q)",
                   pair_points, 30, KL_TRUTHS, KL_LINES);

/* ---- Q6.2(a) and Q6.3 at a quadratic critic T = a + bx + cx² ---- */

static const point_kind critic_points =
  POINT_BOX_OF ("p = N(mp, sp²), q = N(mq, sq²), critic T(x) = a + bx + cx²", PAIR_COORDS,
                {"a", -2, 2, 0, 0}, {"b", -1.5, 1.5, 0, 0}, {"c", -0.5, 0.12, 0, 0});  /* c sq² < 1/2 */

/* The point's p, q and critic, read by lib/critic_point: ∫ e^{T + shift} q dx
   and ∫ p T dx by quadrature, log E_q[e^T] and E_p[T] in closed form */
#define LOG_Z (critic_point_log_mgf (p, u).value)

/* ∫ r q dx with r = e^T / E_q[e^T] (E_q[e^T] in closed form) */
LINE_FN_CLOSED (v_rq, critic_point_eq (p, -LOG_Z))
LINE_FN_CLOSED (m_rq_exponent, critic_point_eq (p, 1 - LOG_Z))
LINE_FN_CLOSED (v_rq_pulled, est_scale (exp (-LOG_Z), critic_point_eq (p, 0)))
LINE_FN_CLOSED (m_rq_pulled_twice, est_scale (exp (-2 * LOG_Z), critic_point_eq (p, 0)))
LINE_FN_CLOSED (v_rq_one, est_exact ((1 / exp (LOG_Z)) * exp (LOG_Z), 2 * EST_U))
LINE_FN_CLOSED (m_rq_one_e, est_exact (M_E, 0))

static const derivation_truth RQ_TRUTHS[] = { {"one", "1", LINE_CLOSED (line_fn_one)} };
static const derivation_line RQ_LINES[] = {
  {Q6 ("2(a)", "s003_q62a_domain", 304), .text = "For x ∈ ℝ,",
   LINE_NOT_CHECKABLE ("the domain of x, no statement")},
  {Q6 ("2(a)", "s003_q62a_integral", 306), .truth = "one", .text = "= ∫_x r(x)·q(x)·dx",
   EVAL (v_rq, "q62a_normaliser_exponent", "r normalised by E_q[e^{T-1}]", m_rq_exponent)},
  {Q6 ("2(a)", "s003_q62a_expanded", 306), .text = "= ∫_x e^{T(x)}/E_q[e^{T(x)}]·q(x)·dx",
   EVAL (v_rq, "q62a_expanded_plus_1", "e^{T+1} in the numerator", m_rq_exponent)},
  {Q6 ("2(a)", "s003_q62a_pulled", 306), .text = "= 1/E_q[e^{T(x)}] ∫_x e^{T(x)}·q(x)·dx",
   EVAL (v_rq_pulled, "q62a_pulled_twice", "1/E_q[e^T]² in front", m_rq_pulled_twice)},
  {Q6 ("2(a)", "s003_q62a_one", 306), .text = "= 1/E_q[e^{T(x)}]·E_q[e^{T(x)}] = 1",
   EVAL (v_rq_one, "q62a_one_e", "the ratio taken as e", m_rq_one_e)},
  {Q6 ("2(a)", "s003_q62a_density", 308), .text = "Therefore, rq is a proper density function.",
   LINE_NOT_CHECKABLE ("the conclusion in words of row s003_q62a_one (rq = e^T q / E_q[e^T] ≥ 0"
                       " is evident)")},
  {Q6 ("2(b)", "s003_q62b", 310),
   .text = "Show that KL(p||q) ≥ R2[T], with equality iff T(x) = log(p(x)/q(x)) + c",
   LINE_NO_ANSWER ("the seed gives no answer; the claim itself is harness checks r2_*")},
};
DERIVATION_DEFINE (rq_dv, "s003_q62a", "003 Q6.2(a): r q integrates to 1 (quadratic critics)",
                   critic_points, 30, RQ_TRUTHS, RQ_LINES);

/* Q6.3: log x <= x - 1 and 1 + log x <= x on (0, inf) */
static const point_kind x_points = POINT_BOX_OF (NULL, {"x", 0.0183, 54.6, 1, 0});    /* e^±4 */

/* log x by GSL, within gsl_sf_log_e's own error 2ε|log x| */
LINE_FN_CLOSED (tr_log, est_exact (gsl_sf_log (p->v[0]),
                                   2 * DBL_EPSILON * fabs (gsl_sf_log (p->v[0]))))
LINE_FN_CLOSED (v_log, est_exact (log (p->v[0]), EST_U * fabs (log (p->v[0]))))
LINE_FN_CLOSED (m_log_plus, EST_SUM (v_log (p, u).value, 0.01))
LINE_FN_CLOSED (v_x_minus_1, EST_SUM (p->v[0], -1.0))
LINE_FN_CLOSED (m_half_x_minus_1, EST_SUM (p->v[0] / 2, -0.5))
LINE_FN_CLOSED (tr_one_plus_log, est_add (est_exact (1, 0), tr_log (p, u)))
LINE_FN_CLOSED (v_one_plus_log, EST_SUM (1.0, log (p->v[0])))
LINE_FN_CLOSED (m_one_plus_log2, EST_SUM (1.0, log2 (p->v[0])))
LINE_FN_CLOSED (v_x, est_exact (p->v[0], 0))
LINE_FN_CLOSED (m_half_x, est_exact (p->v[0] / 2, 0))

static const derivation_truth LOGX_TRUTHS[] = {
  {"log", "log x by gsl_sf_log_e", LINE_CLOSED (tr_log)},
  {"one_plus_log", "1 + log x by gsl_sf_log_e", LINE_CLOSED (tr_one_plus_log)},
};
static const derivation_line LOGX_LINES[] = {
  {Q6 ("3", "s003_q63_log_x", 314), .truth = "log", .text = "log x  (x ∈ (0, +∞))",
   EVAL (v_log, "q63_log_x_plus", "log x + 0.01", m_log_plus)},
  {Q6 ("3", "s003_q63_log_bound", 314), .rel = REL_LE, .text = "≤ (x - 1)",
   EVAL (v_x_minus_1, "q63_log_bound_half", "≤ (x - 1)/2", m_half_x_minus_1)},
  {Q6 ("3", "s003_q63_one_plus_log", 314), .truth = "one_plus_log", .text = "And thus (1 + log x)",
   EVAL (v_one_plus_log, "q63_one_plus_log2", "1 + log2 x", m_one_plus_log2)},
  {Q6 ("3", "s003_q63_shifted_bound", 314), .rel = REL_LE, .text = "≤ x",
   EVAL (v_x, "q63_shifted_bound_half", "≤ x/2", m_half_x)},
};
DERIVATION_DEFINE (logx_dv, "s003_q63_log_bound", "003 Q6.3: log x ≤ x - 1",
                   x_points, 100, LOGX_TRUTHS, LOGX_LINES);

/* Q6.3: the shift and R2 >= R1, rows by quadrature, truths closed */
LINE_FN_CLOSED (v_log_eq, critic_point_log_eq (p, 0))
LINE_FN_CLOSED (m_log_eq_minus_1, critic_point_log_eq (p, -1))
LINE_FN_CLOSED (v_log_eq_m1p1, critic_point_log_eq (p, -1.0 + 1.0))
LINE_FN_CLOSED (m_log_eq_m1p2, critic_point_log_eq (p, -1.0 + 2.0))
LINE_FN_CLOSED (v_log_eq_times_e, est_log (est_quad ((quad_result) {
                  M_E * critic_point_eq (p, -1).value, M_E * critic_point_eq (p, -1).err })))
LINE_FN_CLOSED (v_log_e_plus, est_add (est_exact (log (M_E), EST_U), critic_point_log_eq (p, -1)))
LINE_FN_CLOSED (m_log_e_as_e, est_add (est_exact (M_E, 0), critic_point_log_eq (p, -1)))
LINE_FN_CLOSED (v_one_plus_log_eq, est_add (est_exact (1, 0), critic_point_log_eq (p, -1)))
LINE_FN_CLOSED (m_two_plus_log_eq, est_add (est_exact (2, 0), critic_point_log_eq (p, -1)))
LINE_FN_CLOSED (v_eq_m1, critic_point_eq (p, -1))
LINE_FN_CLOSED (m_eq_m1_minus_half, est_sub (critic_point_eq (p, -1), est_exact (0.5, 0)))
LINE_FN_CLOSED (v_r2_quad, est_sub (critic_point_ep_t (p), critic_point_log_eq (p, 0)))
LINE_FN_CLOSED (m_r2_jensen, est_sub (critic_point_ep_t (p),
                                      est_sub (critic_point_eq (p, 0), est_exact (1, 0))))
LINE_FN_CLOSED (v_r1_quad, est_sub (critic_point_ep_t (p), critic_point_eq (p, -1)))
LINE_FN_CLOSED (m_r1_quad_plus, est_add (critic_point_ep_t (p), est_exact (0.5, 0)))
LINE_FN_CLOSED (m_r1_sign, est_add (critic_point_mean (p, u),
                                    est_sub (critic_point_mean (p, u), critic_point_nwj (p, u))))

static const derivation_truth SHIFT_TRUTHS[] = {
  {"log_mgf", "log E_q[e^T] in closed form (a Gaussian integral)", LINE_CLOSED (critic_point_log_mgf)},
  {"r2", "R2[T] = E_p[T] - log E_q[e^T] in closed form", LINE_CLOSED (critic_point_dv)},
};
static const derivation_line SHIFT_LINES[] = {
  {Q6 ("3", "s003_q63_log_z", 316), .truth = "log_mgf", .text = "log E_q[e^{T(x)}]  (quadrature)",
   EVAL (v_log_eq, "q63_log_z_exponent", "log E_q[e^{T-1}]", m_log_eq_minus_1)},
  {Q6 ("3", "s003_q63_plus_one", 316), .text = "= log E_q[e^{T(x)-1+1}]",
   EVAL (v_log_eq_m1p1, "q63_plus_two", "e^{T-1+2}", m_log_eq_m1p2)},
  {Q6 ("3", "s003_q63_times_e", 316), .text = "= log E_q[e^{T(x)-1}·e]",
   EVAL (v_log_eq_times_e, "q63_times_e_dropped", "the factor e dropped", m_log_eq_minus_1)},
  {Q6 ("3", "s003_q63_log_e", 316), .text = "= log e + log E_q[e^{T(x)-1}]",
   EVAL (v_log_e_plus, "q63_log_e_as_e", "log e evaluated as e", m_log_e_as_e)},
  {Q6 ("3", "s003_q63_shift", 316), .text = "= 1 + log E_q[e^{T(x)-1}]",
   EVAL (v_one_plus_log_eq, "q63_shift_two", "2 + log E_q[e^{T-1}]", m_two_plus_log_eq)},
  {Q6 ("3", "s003_q63_step", 316), .rel = REL_LE, .text = "1 + log E_q[e^{T(x)-1}] ≤ E_q[e^{T(x)-1}]",
   EVAL (v_eq_m1, "q63_step_minus_half", "≤ E_q[e^{T-1}] - 0.5", m_eq_m1_minus_half)},
  {Q6 ("3", "s003_q63_using", 318),
   .text = "For a fixed value of T(x), p(x) and q(x) and using the result in the above equation",
   LINE_NOT_CHECKABLE ("the method in words")},
  {Q6 ("3", "s003_q63_r2", 320), .truth = "r2",
   .text = "R2[T] = E_p[T(x)] - log E_q[e^{T(x)}]  (quadrature)",
   EVAL (v_r2_quad, "q63_r2_no_log", "E_q[e^T] - 1 in place of log E_q[e^T]", m_r2_jensen)},
  {Q6 ("3", "s003_q63_ge", 320), .rel = REL_GE,
   .text = "E_p[T(x)] - log E_q[e^{T(x)}] ≥ E_p[T(x)] - E_q[e^{T(x)-1}]",
   EVAL (v_r1_quad, "q63_ge_plus", "≥ E_p[T] + 0.5", m_r1_quad_plus)},
  {Q6 ("3", "s003_q63_r2_ge_r1", 320), .text = "R2[T] ≥ R1[T]  (R1 in closed form)",
   EVAL (critic_point_nwj, "q63_r1_sign", "R1 = E_p[T] + E_q[e^{T-1}]", m_r1_sign)},
};
DERIVATION_DEFINE (shift_dv, "s003_q63", "003 Q6.3: R2[T] ≥ R1[T] (quadratic critics)",
                   critic_points, 30, SHIFT_TRUTHS, SHIFT_LINES);

static const check_spec CHECKS[] = {
  CHECK_HARNESS ("r1_at_optimum", REL_EQ, "Q6.1(b)'s claim, attained: R1[T] = KL(p||q) at T = 1 + log(p/q)"),
  CHECK_HARNESS ("r1_below_kl", REL_LE, "Q6.1(b)'s claim, bounded: R1[T] = E_p[T] - E_q[e^{T-1}] <= KL(p||q) for random critics T"),
  CHECK_HARNESS ("r2_below_kl", REL_LE, "Q6.2(b)'s claim: KL(p||q) >= R2[T] = E_p[T] - log E_q[e^T] for random critics T"),
  CHECK_HARNESS ("r2_equal_at_shift", REL_EQ, "Q6.2(b), if: R2[log(p/q) + c] = KL(p||q) for random constants c"),
  CHECK_HARNESS ("r2_strict", REL_LE, "Q6.2(b), only if: R2[T] + D_1/2(p || rq) <= KL, the Renyi divergence D_1/2 = -2 log ∫ sqrt(p rq) dx > 0 unless T - log(p/q) is constant"),
  CHECK_HARNESS ("kl_gap_identity", REL_EQ, "KL(p||q) - R2[T] = KL(p || rq), by quadrature (the argument for Q6.2(b))"),
  CHECK_HARNESS ("r2_ge_r1_random", REL_GE, "Q6.3's answer beyond quadratic critics: R2[T] >= R1[T] for random critics T"),
};
static const mutant_spec MUTANTS[] = {
  {"r1_exponent", "R1 with E_q[e^T] in place of E_q[e^{T-1}]", "r1_at_optimum"},
  {"r1_penalty_0.99", "R1 with 0.99 E_q[e^{T-1}]", "r1_below_kl"},
  {"r2_jensen_wrong_way", "R2 with E_q[T] in place of log E_q[e^T]", "r2_below_kl"},
  {"r2_no_log", "R2 with E_q[e^T] - 1 in place of log E_q[e^T]", "r2_equal_at_shift"},
  {"r2_shift_0.01", "R2 with log E_q[e^T] lowered by 0.01", "r2_strict"},
  {"klrq_unnormalised", "KL(p || rq) without log E_q[e^T]", "kl_gap_identity"},
  {"r1_sign", "R1 = E_p[T] + E_q[e^{T-1}]", "r2_ge_r1_random"},
};
/* ---- the claims over all critics (harness checks): random critics ----
   lib/critic_bounds runs the checks; the bounds are the seed's, below. */

/* the harness checks' mutants, in the order of MUTANTS (set once in main) */
enum { R1_EXPONENT, R1_PENALTY, R2_JENSEN, R2_NO_LOG, R2_SHIFT, KLRQ_UNNORMALISED, R1_SIGN };
static int mut[COUNT_OF (MUTANTS)];

/* R1[T] = E_p[T] - E_q[e^{T-1}] (003 Q6.1). */
static estimate
r1_under_test (const critic_integrals * ci)
{
  quad_result penalty = mut[R1_EXPONENT] ? ci->e_q_exp_t : ci->e_q_exp_t_m1;
  double k = mut[R1_PENALTY] ? 0.99 : 1.0;
  return est_quad (critic_combine (1.0, ci->e_p_t, mut[R1_SIGN] ? k : -k, penalty));
}

/* R2[T] = E_p[T] - log E_q[e^T] (003 Q6.2). */
static estimate
r2_under_test (const critic_integrals * ci)
{
  quad_result log_z = critic_log (ci->e_q_exp_t);
  if (mut[R2_JENSEN])
    log_z = ci->e_q_t;
  if (mut[R2_NO_LOG])
    log_z = ci->e_q_exp_t, log_z.value -= 1.0;
  if (mut[R2_SHIFT])
    log_z.value -= 0.01;
  return est_quad (critic_combine (1.0, ci->e_p_t, -1.0, log_z));
}

/* log E_q[e^T], the normaliser of rq in KL(p || rq) (lib/critic_bounds) */
static quad_result
klrq_log_z (const critic_integrals * ci)
{
  quad_result log_z = critic_bounds_log_z (ci);
  if (mut[KLRQ_UNNORMALISED])
    log_z.value = 0.0;
  return log_z;
}

static const char NOTES[] =
  "**Q6.1(a).** Every supremum is computed (a grid, then Brent, with bounds from"
  " concavity: lib/minimize.h), never substituted. The two displays that set a"
  " derivative to zero begin with a bare \"=\": slips, read as the surrounding lines"
  " use them (Findings). \"Therefore, f*(t) = e^{t−1}\" follows the maximiser u* = e^{t−1}"
  " without substituting it; it is right because here u*t − u* log u* = u*. The"
  " biconjugate's \"t ∈ dom(u)\" is read as t ∈ ℝ. The seed treats u > 0 only:"
  " f**(0) = 0 = f(0) is approached (t* → −∞), and f** = +∞ = f for u < 0.\n\n"
  "**Q6.1(b).** The pointwise rows are checked as their integrands at x = mp + sp z,"
  " each supremum by Brent; the integral by two quadrature rules against the closed"
  " form. \"The convex conjugate of f*(t) = e^{t−1}\" (row `s003_q61b_conjugate_of_fstar`)"
  " read literally is f** = u log u at u = p/q, which is what the next row uses: it"
  " holds (the other reading, f* itself substituted, is its mutant). That sup_T R1 is"
  " attained at T = 1 + log(p/q) and bounds every R1 are harness checks at random critics.\n\n"
  "**Q6.2.** (a) holds row by row for quadratic critics, where E_q[e^T] has a closed"
  " form. (b) has no answer in the seed; the claim is checked: KL − R2[T] = KL(p || rq)"
  " (`kl_gap_identity`), ≥ 0 and zero exactly when rq = p, i.e. T = log(p/q) + c;"
  " strictness through the Rényi divergence of order ½, D_½ = −2 log ∫ √(p·rq) dx ≤"
  " KL(p || rq), zero only when rq = p (van Erven & Harremoës 2014).\n\n"
  "**Q6.3.** log x ≤ x − 1, the shift log E_q[e^T] = 1 + log E_q[e^{T−1}] and"
  " 1 + log E ≤ E hold row by row (quadratic critics, rows by quadrature, truths in"
  " closed form), and R2 ≥ R1 at random non-quadratic critics too. The gap R2 − R1 ="
  " E − 1 − log E is zero exactly when E_q[e^{T−1}] = 1, e.g. at the optimum of R1.\n";

static const claim CLAIM = {
  .slug = "conjugate_duals",
  .title = "Convex conjugates of u log u and variational forms of KL",
  .claim = "f(u) = u log u has convex conjugate f*(t) = e^{t-1} and "
    "biconjugate f** = f. Hence KL(p||q) = sup_T R1[T] with "
    "R1[T] = E_p[T] - E_q[e^{T-1}], attained at T = 1 + log(p/q); "
    "r q with r = e^T / E_q[e^T] is a density; KL(p||q) >= R2[T] = "
    "E_p[T] - log E_q[e^T] with equality exactly at T = log(p/q) + c; and "
    "R2[T] >= R1[T] for every T.",
  .sources = "003 Q6.1(a)-(b), Q6.2(a)-(b), Q6.3",
  CLAIM_CHECKS (CHECKS), CLAIM_MUTANTS (MUTANTS),
  CLAIM_DERIVATIONS (&du_dv, &conj_dv, &biconj_dv, &pointwise_dv, &kl_dv, &rq_dv, &logx_dv,
                     &shift_dv),
  .samples_default = 240, .samples_quick = 40, .samples_min = 8,
  .samples_min_why = "one critic in eight is the optimum of R1",
  .figure_caption = "Left: every line of 003 Q6 against its ground truth at each point; a"
    " line that holds lies on the diagonal (the two slips, read literally, do not)."
    " Middle and right: R1[T], R2[T] and KL(p||q) for p = N(0, 1), q = N(1, 1.5²) as the"
    " critic leaves its optimum: T = log(p/q) + c (R2 flat at KL, R1 touches it at c = 1),"
    " T = 1 + log(p/q) + ε sin(1.5x) (both peak at ε = 0, R2 above R1).",
  .figure_width = 1800, .figure_height = 620,
};

int
main (int argc, char **argv)
{
  harness *h = harness_begin (&CLAIM, argc, argv);
  harness_mutant_flags (h, mut, COUNT_OF (mut));
  harness_run_derivations (h);
  critic_bounds b = { r1_under_test, r2_under_test, klrq_log_z, mut[R2_JENSEN] };
  critic_bounds_check (h, &b, harness_samples (h));
  /* the figure: the lines, and R1, R2 and KL as the critic leaves its optimum */
  figure_critic_bounds_page (h, &b, "003 Q6: each line against its truth");
  sbuf_append (harness_notes (h), NOTES);
  return harness_end (h);
}

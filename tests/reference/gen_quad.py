#!/usr/bin/python3
"""gen_quad.py -- adversarial one-dimensional integrals for lib/quad.c,
with values from mpmath at 50 digits (closed forms where they exist,
mpmath.quad / quadosc on split intervals otherwise).  Writes quad.tsv.

Columns: id, integrand, method, a, b, p1, p2, epsabs, epsrel, reference.
  method 'interval': quad_try_interval on [a, b];
  method 'cquad':    quad_try_interval_cquad on [a, b] (epsabs may be 0);
  method 'line':     quad_try_real_line_at with center a, scale b.
tests/test_quad.c implements each integrand by name (p1, p2 its
parameters) and requires |result - reference| <= abserr or a refusal."""
import mpmath as mp
import sys

mp.mp.dps = 50
EPSABS, EPSREL = "1e-13", "1e-11"
rows = []


def add(ident, integrand, method, a, b, p1, p2, ref, epsabs=EPSABS,
        epsrel=EPSREL):
    rows.append((ident, integrand, method, a, b, p1, p2, epsabs, epsrel,
                 mp.nstr(mp.mpf(ref), 25, min_fixed=1, max_fixed=0)))


def beta_entropy(a, b):
    a, b = mp.mpf(a), mp.mpf(b)
    return (mp.log(mp.beta(a, b)) - (a - 1) * mp.digamma(a)
            - (b - 1) * mp.digamma(b) + (a + b - 2) * mp.digamma(a + b))


# Beta-type end-point singularities x^(a-1) (1-x)^(b-1) on [0, 1]
shapes = ["0.05", "0.1", "0.3", "0.5", "0.9", "2.5"]
for a in shapes:
    for b in shapes:
        add("beta_kernel_%s_%s" % (a, b), "beta_kernel", "interval", "0", "1",
            a, b, mp.beta(mp.mpf(a), mp.mpf(b)))
# the reproducer of the CQUAD wrapper: 11.065 +- 0.202 reported as success
add("cquad_beta_0.5_0.1", "beta_kernel", "cquad", "0", "1", "0.5", "0.1",
    mp.beta(mp.mpf("0.5"), mp.mpf("0.1")), epsabs="0", epsrel="1e-12")
add("cquad_beta_0.5_0.5", "beta_kernel", "cquad", "0", "1", "0.5", "0.5",
    mp.pi, epsabs="0", epsrel="1e-12")

# entropies -p log p of Beta(a, b)
for a, b in [("0.1", "0.5"), ("0.5", "0.1"), ("0.1", "0.1"), ("0.05", "0.3"),
             ("0.3", "0.3"), ("0.5", "0.5"), ("0.9", "2.5"), ("2.5", "0.2")]:
    add("beta_entropy_%s_%s" % (a, b), "beta_entropy", "interval", "0", "1",
        a, b, beta_entropy(a, b))
    add("beta_entropy_cquad_%s_%s" % (a, b), "beta_entropy", "cquad", "0",
        "1", a, b, beta_entropy(a, b), epsabs="1e-13", epsrel="1e-11")

# Gaussians on the real line: narrow, far off, both; density and -p log p
for m in ["0", "1", "1e4", "1e8", "-1e4"]:
    for s in ["1e-6", "1e-3", "1", "1e3"]:
        add("gauss_pdf_%s_%s" % (m, s), "gauss_pdf", "line", m, s, m, s, 1)
        h = mp.mpf("0.5") * mp.log(2 * mp.pi * mp.e * mp.mpf(s) ** 2)
        add("gauss_entropy_%s_%s" % (m, s), "gauss_neg_p_log_p", "line", m, s,
            m, s, h)

# heavy tails: Student-t densities (p1 = nu) at scale p2, and x^2 t_nu
for nu in ["1", "1.1", "1.5", "2", "3"]:
    for s in ["1e-6", "1", "1e3"]:
        add("student_pdf_%s_%s" % (nu, s), "student_pdf", "line", "0", s, nu,
            s, 1)
for nu in ["3", "4", "10"]:
    n = mp.mpf(nu)
    add("student_x2_%s" % nu, "student_x2", "line", "0", "1", nu, "1",
        n / (n - 2))
add("student_pdf_far_1", "student_pdf", "line", "1e4", "1", "1", "1", 1)

# log singularities
add("log", "log_x", "interval", "0", "1", "0", "0", -1)
add("log_squared", "log_x_squared", "interval", "0", "1", "0", "0", 2)
add("x_m05_log", "x_pow_log", "interval", "0", "1", "-0.5", "0", -4)
add("x_m09_log", "x_pow_log", "interval", "0", "1", "-0.9", "0", -100)
c = mp.mpf(1.0 / 3)                     # the double nearest 1/3
add("log_abs_third", "log_abs_minus", "interval", "0", "1", repr(1.0 / 3),
    "0", c * mp.log(c) + (1 - c) * mp.log(1 - c) - 1)
add("log_log", "log_one_minus_log", "interval", "0", "1", "0", "0",
    2 - mp.pi ** 2 / 6)

# oscillatory but integrable
add("sin_over_x_50pi", "sin_over_x", "interval", "0", repr(50 * 3.141592653589793),
    "0", "0", mp.si(mp.mpf(50 * 3.141592653589793)))
add("cos100_exp", "cos_exp", "interval", "0", "10", "100", "0",
    (mp.exp(-10) * (100 * mp.sin(1000) - mp.cos(1000)) + 1) / 10001)
add("x_sin30x", "x_sin", "interval", "0", "1", "30", "0",
    (mp.sin(30) - 30 * mp.cos(30)) / 900)
# sin(1/x) on [0.01, 1] = int_1^100 sin(u)/u^2 du = [ci(u) - sin(u)/u]
top = 1 / mp.mpf(0.01)                  # from the double nearest 0.01
add("sin_inv_x", "sin_inv_x", "interval", "0.01", "1", "0", "0",
    (mp.ci(top) - mp.sin(top) / top) - (mp.ci(1) - mp.sin(1)))
add("gauss_cos_line", "gauss_cos", "line", "0", "1", "20", "0",
    mp.sqrt(2 * mp.pi) * mp.exp(-mp.mpf(200)))
add("gauss_cos5_line", "gauss_cos", "line", "0", "1", "5", "0",
    mp.sqrt(2 * mp.pi) * mp.exp(-mp.mpf(25) / 2))

with open("quad.tsv", "w") as out:
    out.write("# quad.tsv -- written by gen_quad.py; do not edit\n")
    out.write("# mpmath %s at %d digits, python %s\n"
              % (mp.__version__, mp.mp.dps, sys.version.split()[0]))
    out.write("# id\tintegrand\tmethod\ta\tb\tp1\tp2\tepsabs\tepsrel\treference\n")
    for r in rows:
        out.write("\t".join(str(c) for c in r) + "\n")
print("quad.tsv: %d cases" % len(rows))

#!/usr/bin/python3
"""gen_minimize.py -- exact optima for lib/minimize.

Writes minimize.tsv: one case per line,
  name  min1d    fn  a  lo  guess  hi  xtol_abs  xtol_rel  x_star  f_star
  name  concave  fn  a  lo  hi  n  xtol_abs  xtol_rel  x_star  g_star
fn names a function of tests/test_minimize.c (the same formula there, with
the parameter a as the double given); lo, hi the interval (for concave,
the grid of n equally spaced points on it).  x_star and f_star (g_star)
are the exact minimiser and minimum (maximiser and maximum) of that
function of those doubles, in closed form (a, log a, e^(a - 1), 1/a,
1/(1 + e^-a)), by mpmath at 50 digits, printed to 25 significant digits.  Cases include flat minima where f's
rounding hides x* over a wide range (1 + 1e-10 (x - a)^2, (x - a)^4), a
minimiser at 1e8 (relative tolerance), and tolerances below what rounding
allows.
"""
import sys

import mpmath
from mpmath import mp

mp.dps = 50


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def optimum(fn, a):
    a = mp.mpf(a)
    if fn == "quad":
        return a, mp.mpf(0)
    if fn == "cosh":
        return a, mp.mpf(2)
    if fn == "exp_lin":          # e^x - a x, a > 0
        return mp.log(a), a - a * mp.log(a)
    if fn == "x_log_x":          # x log x - a x: min at e^(a - 1)
        x = mp.exp(a - 1)
        return x, x * mp.log(x) - a * x
    if fn == "flat":             # 1 + 1e-10 (x - a)^2
        return a, mp.mpf(1)
    if fn == "quartic":          # (x - a)^4
        return a, mp.mpf(0)
    if fn == "big":              # 1 + ((x - a)/a)^2
        return a, mp.mpf(1)
    if fn == "neg_quad":         # concave: -(x - a)^2
        return a, mp.mpf(0)
    if fn == "log_lin":          # concave: log x - a x, max at 1/a
        return 1 / a, -mp.log(a) - 1
    if fn == "neg_cosh":
        return a, mp.mpf(-1)
    if fn == "neg_flat":         # 1 - 1e-10 (x - a)^2
        return a, mp.mpf(1)
    if fn == "entropy_like":     # -x log x - (1 - x) log(1 - x) + a x: max at 1/(1 + e^-a)
        x = 1 / (1 + mp.exp(-a))
        return x, -x * mp.log(x) - (1 - x) * mp.log(1 - x) + a * x
    raise ValueError(fn)


MIN1D = [  # fn, a, lo, guess, hi
    ("quad", 0.3, -2.0, 0.1, 2.0), ("quad", -1.7e-5, -1.0, 0.2, 1.0),
    ("cosh", 0.7, -3.0, 0.0, 3.0), ("exp_lin", 2.0, -1.0, 0.5, 3.0),
    ("exp_lin", 7.5, 0.0, 1.0, 5.0), ("x_log_x", 1.0, 0.05, 0.5, 3.0),
    ("x_log_x", -3.0, 1e-4, 0.01, 1.0), ("flat", 0.3, -2.0, 0.0, 2.0),
    ("quartic", 0.3, -2.0, 0.0, 2.0), ("big", 1e8, 0.0, 1.2e8, 3e8),
]
TOLS = [(1e-6, 0.0), (1e-10, 0.0), (1e-14, 0.0), (0.0, 1e-8), (0.0, 1e-13)]
CONCAVE = [  # fn, a, lo, hi, n
    ("neg_quad", 0.3, -2.0, 2.0, 9), ("neg_quad", 1e-7, -1.0, 1.0, 5),
    ("log_lin", 2.0, 0.05, 4.0, 12), ("log_lin", 1e-3, 1.0, 3000.0, 30, [(1e-4, 0.0), (0.0, 1e-6)]),
    ("neg_cosh", -0.4, -3.0, 3.0, 7), ("neg_flat", 0.3, -2.0, 2.0, 9, [(1e-2, 0.0)]),
    ("entropy_like", 0.5, 1e-6, 1 - 1e-6, 11), ("entropy_like", 3.0, 1e-9, 1 - 1e-9, 21),
]


def main():
    out = ["# minimize.tsv -- written by gen_minimize.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\tmin1d\tfn\ta\tlo\tguess\thi\txtol_abs\txtol_rel\tx_star\tf_star",
           "# name\tconcave\tfn\ta\tlo\thi\tn\txtol_abs\txtol_rel\tx_star\tg_star"]
    for fn, a, lo, guess, hi in MIN1D:
        xs, fs = optimum(fn, a)
        for ta, tr in TOLS:
            out.append("\t".join(["min_%s_a%g_tol%g_%g" % (fn, a, ta, tr), "min1d", fn]
                                 + [fmt(v) for v in (a, lo, guess, hi, ta, tr)] + [ref(xs), ref(fs)]))
    # maximize_concave_1d dies where Brent does not converge (neg_flat's
    # rounding hides x* over ~1e-3: only a tolerance above that; and GSL's
    # Brent takes no step below 1.5e-8 |x|, so no tolerance below that)
    for fn, a, lo, hi, n, *tols in CONCAVE:
        xs, gs = optimum(fn, a)
        for ta, tr in (tols[0] if tols else [(1e-6, 0.0), (0.0, 1e-6)]):
            out.append("\t".join(["max_%s_a%g_tol%g_%g" % (fn, a, ta, tr), "concave", fn]
                                 + [fmt(a), fmt(lo), fmt(hi), str(n), fmt(ta), fmt(tr)]
                                 + [ref(xs), ref(gs)]))
    with open("minimize.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

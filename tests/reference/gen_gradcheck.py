#!/usr/bin/python3
"""gen_gradcheck.py -- exact partial derivatives for lib/gradcheck.

Writes gradcheck.tsv: one case per line,
  name <TAB> fn <TAB> n <TAB> x <TAB> i <TAB> f_abs_err <TAB> derivative
fn names a function of tests/test_gradcheck.c (the same formula there), x
its n arguments (comma-separated, %.17g), i the coordinate, f_abs_err the
absolute evaluation error the test declares (gradcheck_options; 0 for
none), derivative = df/dx_i at exactly those doubles in closed form by
mpmath at 60 digits, checked against mpmath.diff (120 digits) to 40
digits, printed to 25 significant digits.  Functions: smooth products, Rosenbrock, a log of a
polynomial, a fast oscillation (sin 1e3 x), a steep exponential (e^(30x)),
log x near its singularity (x = 1e-3, 1e-4: the step's reach), x^5 at its
flat point, a sum that cancels 16 digits (with its f_abs_err declared),
a 6-dimensional Gaussian log-density with scales 1e-3..1e3.
"""
import sys

import mpmath
from mpmath import mp

mp.dps = 60

S6 = [1e-3, 0.1, 1.0, 3.0, 100.0, 1e3]
M6 = [0.5, -1.0, 2.0, 0.0, 10.0, -300.0]

FNS = {
    "exp_sin": (lambda x: mp.exp(x[0]) * mp.sin(x[1]),
                lambda x, i: mp.exp(x[0]) * (mp.sin(x[1]) if i == 0 else mp.cos(x[1]))),
    "rosen": (lambda x: 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2,
              lambda x, i: (-400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0])) if i == 0
              else 200 * (x[1] - x[0] ** 2)),
    "log_poly": (lambda x: mp.log(1 + x[0] ** 2 + x[1] ** 4),
                 lambda x, i: (2 * x[0] if i == 0 else 4 * x[1] ** 3) / (1 + x[0] ** 2 + x[1] ** 4)),
    "high_freq": (lambda x: mp.sin(1000 * x[0]) + x[1],
                  lambda x, i: 1000 * mp.cos(1000 * x[0]) if i == 0 else mp.mpf(1)),
    "steep": (lambda x: mp.exp(30 * x[0]), lambda x, i: 30 * mp.exp(30 * x[0])),
    "log": (lambda x: mp.log(x[0]), lambda x, i: 1 / x[0]),
    "poly5": (lambda x: x[0] ** 5, lambda x, i: 5 * x[0] ** 4),
    "cancel": (lambda x: (x[0] + 10 ** 8) ** 2 - 10 ** 16 - 2 * 10 ** 8 * x[0],
               lambda x, i: 2 * x[0]),
    "gauss6": (lambda x: -sum((x[k] - mp.mpf(M6[k])) ** 2 / (2 * mp.mpf(S6[k]) ** 2) for k in range(6)),
               lambda x, i: -(x[i] - mp.mpf(M6[i])) / mp.mpf(S6[i]) ** 2),
}

CASES = [
    ("exp_sin", [0.3, 1.1], 0), ("exp_sin", [0.3, 1.1], 1), ("exp_sin", [-20.0, 3.0], 1),
    ("exp_sin", [5.0, 1e-8], 0),
    ("rosen", [-1.2, 1.0], 0), ("rosen", [-1.2, 1.0], 1), ("rosen", [1.0, 1.0], 0),
    ("rosen", [1e3, -2e3], 0),
    ("log_poly", [0.0, 0.0], 0), ("log_poly", [1e-6, 2.0], 0), ("log_poly", [3.0, 1e4], 1),
    ("high_freq", [0.1, 0.0], 0), ("high_freq", [2.5, 7.0], 0), ("high_freq", [0.0, 0.0], 1),
    ("steep", [0.0], 0), ("steep", [10.0], 0), ("steep", [-10.0], 0),
    ("log", [1.0], 0), ("log", [1e-3], 0), ("log", [1e-4], 0), ("log", [1e10], 0),
    ("poly5", [0.0], 0), ("poly5", [10.0], 0), ("poly5", [-1e-3], 0),
    ("cancel", [1.0], 0), ("cancel", [-3.5], 0),
]
for k in range(6):
    CASES.append(("gauss6", [M6[j] + S6[j] * (0.7 - 0.3 * j) for j in range(6)], k))


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def main():
    out = ["# gradcheck.tsv -- written by gen_gradcheck.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\tfn\tn\tx\ti\tf_abs_err\tderivative"]
    for fn, x, i in CASES:
        f, df = FNS[fn]
        xm = [mp.mpf(v) for v in x]
        order = [1 if j == i else 0 for j in range(len(x))]
        with mp.workdps(120):
            d = mp.diff(lambda *a: f(list(a)), xm, order)
        exact = df(xm, i)
        assert abs(d - exact) <= mp.mpf(10) ** -40 * (1 + abs(exact)), (fn, x, i, d, exact)
        # the cancelling sum: terms of size ~1e16, each rounded
        abs_err = 16 * 2.0 ** -53 * 3e16 if fn == "cancel" else 0.0
        out.append("\t".join(["%s_x%s_d%d" % (fn, "_".join("%g" % v for v in x), i), fn,
                              str(len(x)), ",".join(map(fmt, x)), str(i), fmt(abs_err), ref(exact)]))
    with open("gradcheck.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""gen_rqmc.py -- reference Student-t critical values for lib/rqmc.

Writes rqmc.tsv: one case per line,
  name <TAB> alpha <TAB> dof <TAB> critical <TAB> scipy <TAB> sensitivity
critical = c with P(|T| > c) = alpha for T ~ Student-t(dof), by mpmath at
40 digits (root of 1/2 I_{dof/(dof + c^2)}(dof/2, 1/2) = alpha/2, the
regularised incomplete beta); scipy = scipy.stats.t.isf(alpha/2, dof),
which must agree with it to 1e-8 relative (asserted here).  The largest
disagreement, written in the header, is scipy's error: 3.9e-9 at alpha 0.1,
dof 31 with scipy 1.10.1, where mpmath's c is confirmed by a quadrature of
the density's tail and by scipy's own t.sf(c) = 0.05.  sensitivity =
2 c f(c) / alpha (f the t density): a relative error d in c changes the
false-alarm rate alpha by a relative d * sensitivity, to first order.
Printed to 25, 17 and 25 significant digits.  alpha from 0.5 to 1e-12, dof from 0.5 to 1e8
(non-integer too: rqmc uses replicates - 1, any positive dof is allowed).
"""
import sys

import mpmath
import scipy
from mpmath import mp
from scipy import stats

mp.dps = 40


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def upper_tail(c, nu):
    return mp.betainc(nu / 2, mp.mpf(1) / 2, 0, nu / (nu + c * c), regularized=True) / 2


def density(c, nu):
    return (mp.gamma((nu + 1) / 2) / (mp.sqrt(nu * mp.pi) * mp.gamma(nu / 2))
            * (1 + c * c / nu) ** (-(nu + 1) / 2))


def critical(alpha, dof, guess):
    nu, a = mp.mpf(dof), mp.mpf(alpha) / 2
    # solve in log c for a well-scaled root
    g = lambda lc: mp.log(upper_tail(mp.exp(lc), nu)) - mp.log(a)
    return mp.exp(mp.findroot(g, mp.log(guess)))


def main():
    out = ["# rqmc.tsv -- written by gen_rqmc.py; do not edit",
           "# python %s, mpmath %s, scipy %s, mp.dps = %d"
           % (sys.version.split()[0], mpmath.__version__, scipy.__version__, mp.dps),
           "# name\talpha\tdof\tcritical\tscipy\tsensitivity"]
    worst, rows = (0.0, 0, 0), []
    for alpha in (0.5, 0.1, 0.05, 0.01, 1e-3, 1e-6, 1e-9, 1e-12):
        for dof in (0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 7.0, 9.0, 15.0, 19.0, 29.0,
                    31.0, 63.0, 99.0, 1e3, 1e4, 1e6, 1e8):
            s = float(stats.t.isf(alpha / 2, dof))
            c = critical(alpha, dof, s)
            assert abs(c - s) <= 1e-8 * c, (alpha, dof, c, s)
            worst = max(worst, (abs(c - s) / c, alpha, dof))
            rows.append("\t".join(["t_a%g_dof%g" % (alpha, dof), fmt(alpha), fmt(dof), ref(c), fmt(s),
                                  ref(2 * c * density(c, mp.mpf(dof)) / alpha)]))
    out.insert(2, "# scipy's largest relative disagreement: %.2g (alpha %g, dof %g)" % worst)
    out += rows
    with open("rqmc.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

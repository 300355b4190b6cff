#!/usr/bin/python3
"""gen_gmm.py -- reference values for lib/gmm's density, responsibilities
and gradient.

Writes gmm.tsv: one case per line,
  name k d weights means covariances x log_pdf responsibilities gradient
weights (k), means (k d, component after component), covariances (k d d,
each row-major) and x (d) comma-separated with %.17g; the weights are used
as given (not renormalised), so the mixture density is sum_j w_j N(x; mu_j,
Sigma_j) of exactly these doubles.  References by mpmath at 80 digits, the
covariances inverted and their determinants taken as mpmath matrices:
log_pdf, the k responsibilities w_j N_j / sum_i w_i N_i, and the gradient
-sum_j r_j Sigma_j^-1 (x - mu_j), to 25 significant digits (a log-density
below -1e4900 or a responsibility below 1e-4900 is beyond long double: the
responsibilities are printed as 0 there).  Cases: x at and near the
components and far off (|x| to 1e150), weights down to 1e-300, nearly
singular covariances (cond to 1e10), d = 1, 2, 3, k up to 5, random
mixtures (random.Random, fixed seed).
"""
import math
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 80


def fmt(x):
    return "%.17g" % x


def ref(x):
    if abs(x) < mp.mpf("1e-4900"):
        x = mp.mpf(0)
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def references(w, mus, sigmas, x):
    d = len(x)
    X = mp.matrix([mp.mpf(v) for v in x])
    logs, vs = [], []
    for wj, mu, s in zip(w, mus, sigmas):
        S = mp.matrix(d, d)
        for a in range(d):
            for b in range(d):
                S[a, b] = mp.mpf(s[a * d + b])
        r = X - mp.matrix([mp.mpf(v) for v in mu])
        v = mp.lu_solve(S, r)
        q = (r.T * v)[0]
        logs.append(mp.log(mp.mpf(wj)) - (d * mp.log(2 * mp.pi) + mp.log(mp.det(S)) + q) / 2)
        vs.append(v)
    m = max(logs)
    lse = m + mp.log(sum(mp.exp(l - m) for l in logs))
    resp = [mp.exp(l - lse) for l in logs]
    grad = [-sum(resp[j] * vs[j][i] for j in range(len(w))) for i in range(d)]
    return lse, resp, grad


def spd(rnd, d, scale, cond):
    """Q diag(l) Q^T from a random rotation (Gram-Schmidt in double)."""
    cols = []
    for _ in range(d):
        v = [rnd.gauss(0, 1) for _ in range(d)]
        for c in cols:
            p = sum(a * b for a, b in zip(v, c))
            v = [a - p * b for a, b in zip(v, c)]
        n = math.sqrt(sum(a * a for a in v))
        cols.append([a / n for a in v])
    ls = [scale * cond ** (i / (d - 1)) if d > 1 else scale for i in range(d)]
    m = [[sum(cols[k][a] * ls[k] * cols[k][b] for k in range(d)) for b in range(d)]
         for a in range(d)]
    return [m[a][b] if a <= b else m[b][a] for a in range(d) for b in range(d)]


def mixtures(rnd):
    g = rnd.gauss
    for k_ in range(20):
        k, d = rnd.randint(1, 5), rnd.choice([1, 2, 3])
        w = [math.exp(g(0, 1)) for _ in range(k)]
        mus = [[g(0, 3) for _ in range(d)] for _ in range(k)]
        sig = [spd(rnd, d, math.exp(g(0, 1)), math.exp(rnd.uniform(0, 4))) for _ in range(k)]
        yield "random_%02d_k%d_d%d" % (k_, k, d), w, mus, sig
    yield "tiny_weight_1d", [1e-300, 1.0], [[5.0], [0.0]], [[0.25], [1.0]]
    yield "tiny_weights_2d", [1e-300, 1e-150, 1.0], [[3.0, 3.0], [-3.0, 1.0], [0.0, 0.0]], \
        [[0.5, 0.1, 0.1, 0.5], [1.0, 0.0, 0.0, 2.0], [1.0, 0.3, 0.3, 1.0]]
    for cond in (1e4, 1e8, 1e10):
        rho = 1 - 2 / (cond + 1)  # eigenvalues 1 +- rho: cond = (1 + rho)/(1 - rho)
        yield "near_singular_%g" % cond, [0.4, 0.6], [[0.0, 0.0], [1.0, -1.0]], \
            [[1.0, rho, rho, 1.0], [1.0, -0.2, -0.2, 1.0]]
    yield "near_singular_3d", [1.0, 2.0], [[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]], \
        [spd(rnd, 3, 1e-3, 1e7), spd(rnd, 3, 1.0, 3.0)]
    yield "narrow_wide_1d", [0.5, 0.5], [[0.0], [0.0]], [[1e-10], [1e10]]


def points(rnd, mus, sig, d):
    yield "at_mean", list(mus[0])
    yield "near", [mus[-1][i] + 0.3 * math.sqrt(sig[-1][i * d + i]) for i in range(d)]
    for far in (1e3, 1e8, 1e50, 1e150):
        yield "far%g" % far, [far * rnd.choice((-1, 1)) * (1 + 0.1 * i) for i in range(d)]


def main():
    rnd = random.Random(20261205)
    out = ["# gmm.tsv -- written by gen_gmm.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\tk\td\tweights\tmeans\tcovariances\tx\tlog_pdf\tresponsibilities\tgradient"]
    for name, w, mus, sig in mixtures(rnd):
        d = len(mus[0])
        for pname, x in points(rnd, mus, sig, d):
            lse, resp, grad = references(w, mus, sig, x)
            out.append("\t".join([name + "_" + pname, str(len(w)), str(d), ",".join(map(fmt, w)),
                                  ",".join(fmt(v) for mu in mus for v in mu),
                                  ",".join(fmt(v) for s in sig for v in s), ",".join(map(fmt, x)),
                                  ref(lse), ",".join(map(ref, resp)), ",".join(map(ref, grad))]))
    with open("gmm.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""gen_lingauss.py -- reference values for lib/lingauss.

Writes lingauss.tsv: one case per line,
  name d w b x noise_var prior_mean prior_var qm qv
       post_mean post_var log_evidence elbo expected_log_lik
w, b, x comma-separated (b "-" for none), all inputs with %.17g.  The
references, by mpmath at 60 digits, take the route lib/lingauss does not:
the joint Gaussian of (z, x) with the d x d covariance C = s^2 I + v0 w w^T
as an mpmath matrix,
  log p(x)   = -1/2 (d log 2 pi + log det C + r^T C^-1 r), r = x - w m0 - b
  p(z | x)   : mean m0 + v0 w^T C^-1 r, variance v0 - v0^2 w^T C^-1 w
  ELBO(q)    = log p(x) - KL(q || p(z | x))
  E_q[log p(x | z)] = ELBO(q) - E_q[log p(z)] - H[q]
(no determinant lemma, no Sherman-Morrison, no closed-form ELBO), printed
to 25 significant digits.  Models: random, and ill-conditioned -- noise
variance down to 1e-20, loadings to 1e8, prior variances from 1e-10 to
1e10, data on the prior predictive mean to 1e-10 (residuals that cancel),
d up to 50; q at, near and far from the posterior.
"""
import math
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 60


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def references(w, b, x, s2, m0, v0, qm, qv):
    d = len(w)
    W = mp.matrix([mp.mpf(v) for v in w])
    r = mp.matrix([mp.mpf(x[i]) - mp.mpf(w[i]) * mp.mpf(m0) - (mp.mpf(b[i]) if b else 0)
                   for i in range(d)])
    C = mp.mpf(s2) * mp.eye(d) + mp.mpf(v0) * (W * W.T)
    Ci_r = mp.lu_solve(C, r)
    Ci_w = mp.lu_solve(C, W)
    logdet = mp.log(mp.det(C))
    quad = (r.T * Ci_r)[0]
    lpx = -(d * mp.log(2 * mp.pi) + logdet + quad) / 2
    mean = mp.mpf(m0) + mp.mpf(v0) * (W.T * Ci_r)[0]
    var = mp.mpf(v0) - mp.mpf(v0) ** 2 * (W.T * Ci_w)[0]
    qm, qv = mp.mpf(qm), mp.mpf(qv)
    kl = (mp.log(var / qv) + (qv + (qm - mean) ** 2) / var - 1) / 2
    m0, v0 = mp.mpf(m0), mp.mpf(v0)
    e_log_prior = -(mp.log(2 * mp.pi * v0) + ((qm - m0) ** 2 + qv) / v0) / 2
    entropy = mp.log(2 * mp.pi * mp.e * qv) / 2
    return mean, var, lpx, lpx - kl, lpx - kl - e_log_prior - entropy


def models(rnd):
    g = rnd.gauss
    for k in range(25):
        d = rnd.choice([1, 2, 3, 5, 10, 20])
        w = [g(0, 1.5) for _ in range(d)]
        b = [g(0, 1) for _ in range(d)] if rnd.random() < 0.5 else None
        s2, m0, v0 = math.exp(g(0, 1)), g(0, 1), math.exp(g(0, 1))
        yield "random_%02d_d%d" % (k, d), w, b, s2, m0, v0, 1.0
    for s2 in (1e-6, 1e-12, 1e-20):
        yield "tiny_noise_%g" % s2, [0.7, -1.3, 2.1], [0.1, 0.0, -0.2], s2, 0.3, 1.0, 1.0
    for scale in (1e4, 1e8):
        yield "huge_loadings_%g" % scale, [scale * v for v in (0.3, -1.1)], None, 1.0, 0.0, 1.0, 1.0
    for v0 in (1e-10, 1e10):
        yield "prior_var_%g" % v0, [1.2, 0.4], None, 0.5, -0.7, v0, 1.0
    for d in (30, 50):
        w = [g(0, 1) for _ in range(d)]
        yield "d%d" % d, w, [g(0, 1) for _ in range(d)], 0.3, 0.2, 2.0, 1.0
    # data on the prior predictive mean w m0 + b: residuals that cancel
    for eps in (1e-6, 1e-10):
        yield "residual_cancel_%g" % eps, [3.0, -0.7], [0.1, 0.2], 1e-8, 0.1, 1.0, eps
        # the same with the prior and the noise as tight as the residual
        yield "residual_cancel_tight_%g" % eps, [3.0, -0.7], [0.1, 0.2], eps * eps, 0.1, eps * eps, eps


def main():
    rnd = random.Random(20261204)
    out = ["# lingauss.tsv -- written by gen_lingauss.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\td\tw\tb\tx\tnoise_var\tprior_mean\tprior_var\tqm\tqv"
           "\tpost_mean\tpost_var\tlog_evidence\telbo\texpected_log_lik"]
    for name, w, b, s2, m0, v0, spread in models(rnd):
        d = len(w)
        if name.startswith("residual_cancel"):
            x = [w[i] * m0 + b[i] + spread * rnd.gauss(0, 1) for i in range(d)]
        else:
            z = m0 + math.sqrt(v0) * rnd.gauss(0, 1)
            x = [w[i] * z + (b[i] if b else 0) + math.sqrt(s2) * rnd.gauss(0, 1) for i in range(d)]
        mean, var, _, _, _ = references(w, b, x, s2, m0, v0, 0.0, 1.0)
        for tag, qm, qv in (("post", float(mean), float(var)),
                            ("near", float(mean + mp.sqrt(var) / 10), float(var * 1.1)),
                            ("far", float(mean + 5 * mp.sqrt(var)), float(var * 9))):
            mean, var, lpx, elbo, ell = references(w, b, x, s2, m0, v0, qm, qv)
            out.append("\t".join([name + "_q" + tag, str(d), ",".join(map(fmt, w)),
                                  ",".join(map(fmt, b)) if b else "-", ",".join(map(fmt, x)),
                                  fmt(s2), fmt(m0), fmt(v0), fmt(qm), fmt(qv),
                                  ref(mean), ref(var), ref(lpx), ref(elbo), ref(ell)]))
    with open("lingauss.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""gen_mvn.py -- reference values of KL(N(mu_p, S_p) || N(mu_q, S_q)).

Writes mvn.tsv: one case per line,
  name <TAB> d <TAB> mu_p <TAB> S_p <TAB> mu_q <TAB> S_q <TAB> kl
vectors comma-separated, matrices as their lower triangles row by row
(S[0][0], S[1][0], S[1][1], S[2][0], ...; the matrix is symmetric), every
number with %.17g so that strtod gives back the exact doubles.  kl is
  1/2 [tr(S_q^-1 S_p) + (mu_q - mu_p)^T S_q^-1 (mu_q - mu_p) - d
       + log det S_q - log det S_p]
of exactly those doubles, by mpmath at 60 digits, printed to 25 digits.
Covariances are Q diag(l) Q^T with Q a product of d random Householder
reflections, eigenvalues geometric over the condition number (1 to 1e10),
formed at 60 digits and rounded once; d from 1 to 50.  Deterministic:
random.Random with a fixed seed.
"""
import random
import sys

import mpmath
from mpmath import mp

mp.dps = 60


def fmt(x):
    return "%.17g" % x


def ref(x):
    return mp.nstr(x, 25, min_fixed=1, max_fixed=0)


def householder_orthogonal(rnd, d):
    q = mp.eye(d)
    for _ in range(d):
        v = mp.matrix([rnd.gauss(0, 1) for _ in range(d)])
        vv = sum(x * x for x in v)
        # q = q (I - 2 v v^T / v^T v)
        qv = q * v
        for i in range(d):
            for j in range(d):
                q[i, j] -= 2 * qv[i] * v[j] / vv
    return q


def spd(rnd, d, scale, cond):
    """The lower triangle (doubles) of Q diag(l) Q^T, l geometric."""
    q = householder_orthogonal(rnd, d)
    lam = [mp.mpf(scale) * mp.mpf(cond) ** (mp.mpf(k) / max(d - 1, 1)) for k in range(d)]
    rnd.shuffle(lam)
    low = []
    for i in range(d):
        for j in range(i + 1):
            low.append(float(mp.fsum(q[i, k] * lam[k] * q[j, k] for k in range(d))))
    return low


def full(low, d):
    s = mp.matrix(d, d)
    k = 0
    for i in range(d):
        for j in range(i + 1):
            s[i, j] = s[j, i] = mp.mpf(low[k])
            k += 1
    return s


def logdet(s):
    l = mp.cholesky(s)
    return 2 * mp.fsum(mp.log(l[i, i]) for i in range(s.rows))


def kl(d, mp_, sp, mq, sq):
    sp, sq = full(sp, d), full(sq, d)
    inv = mp.inverse(sq)
    tr = mp.fsum(inv[i, k] * sp[k, i] for i in range(d) for k in range(d))
    dm = mp.matrix([mp.mpf(a) - mp.mpf(b) for a, b in zip(mq, mp_)])
    maha = mp.fsum(dm[i] * inv[i, j] * dm[j] for i in range(d) for j in range(d))
    return (tr + maha - d + logdet(sq) - logdet(sp)) / 2


def identity_low(d):
    return [1.0 if i == j else 0.0 for i in range(d) for j in range(i + 1)]


def cases():
    # the reproducer: p = N(0, I_2), q = N(0, [[1, r], [r, 1]])
    r = 0.99999999
    yield "regress_r_0.99999999", 2, [0.0, 0.0], identity_low(2), [0.0, 0.0], [1.0, r, 1.0]
    for r in (0.9, 0.9999, 0.999999, 0.9999999999):
        yield "corr_r_%g" % r, 2, [0.0, 0.0], identity_low(2), [0.1, -0.2], [1.0, r, 1.0]
    rnd = random.Random(20261201)
    grid = [(d, c) for d in (1, 2, 3, 5, 10, 20) for c in (1.0, 1e2, 1e4, 1e6, 1e8, 1e10)]
    grid += [(50, 1e2), (50, 1e6), (50, 1e8), (50, 1e10)]
    for d, c in grid:
        if d == 1 and c != 1.0:
            continue
        for kind in ("both", "p_ident", "q_ident"):
            if d == 50 and kind == "q_ident":
                continue
            mu_p = [rnd.gauss(0, 1) for _ in range(d)]
            mu_q = [rnd.gauss(0, 1) for _ in range(d)]
            scale_p = 10 ** rnd.uniform(-2, 2)
            sp = identity_low(d) if kind == "p_ident" else spd(rnd, d, scale_p, c)
            sq = identity_low(d) if kind == "q_ident" else spd(rnd, d, scale_p / c ** 0.5 if kind == "both" else 1.0, c)
            yield "d%d_cond%g_%s" % (d, c, kind), d, mu_p, sp, mu_q, sq
    # nearly equal p and q (KL ~ 1e-20): the bound is absolute, by the sizes
    for d, c in ((3, 1e2), (10, 1e6)):
        sp = spd(rnd, d, 1.0, c)
        sq = [x * (1 + 1e-10 * rnd.gauss(0, 1)) if i != j else x * (1 + 1e-10)
              for (i, j), x in zip([(i, j) for i in range(d) for j in range(i + 1)], sp)]
        mu = [rnd.gauss(0, 1) for _ in range(d)]
        yield "near_d%d_cond%g" % (d, c), d, mu, sp, [m + 1e-10 for m in mu], sq


def main():
    out = ["# mvn.tsv -- written by gen_mvn.py; do not edit",
           "# python %s, mpmath %s, mp.dps = %d" % (sys.version.split()[0], mpmath.__version__, mp.dps),
           "# name\td\tmu_p\tS_p (lower triangle)\tmu_q\tS_q (lower triangle)\tkl"]
    for name, d, mu_p, sp, mu_q, sq in cases():
        j = lambda v: ",".join(map(fmt, v))
        out.append("\t".join([name, str(d), j(mu_p), j(sp), j(mu_q), j(sq),
                              ref(kl(d, mu_p, sp, mu_q, sq))]))
    with open("mvn.tsv", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

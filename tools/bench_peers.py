#!/usr/bin/python3
"""bench_peers.py -- the peers' side of `make bench PEERS=1`.

    bench_peers.py PEER KERNEL [FILE]

PEER is numpy (numpy, with scipy.linalg.solve_triangular) or torch; KERNEL
is kl1 or kl10 (FILE: the Gaussians from `bench params 1|10`) or iwae.
Prints draws per second of one timed run, after a warm-up of 1/100 of the
size, or `absent` (exit 0) when the peer cannot be imported.

The work is the work of tools/bench.c, draw for draw:
  kl1, kl10  KL(p || q) by Monte Carlo with ANTITHETIC pairs, as mvn_kl_mc:
             z ~ N(0, I_d), y = L_p z, u = L_q^{-1}(mu_p - mu_q + y),
             v = L_q^{-1}(mu_p - mu_q - y), one value per pair
             (|u|^2 + |v|^2)/4 - |z|^2/2 + (log det S_q - log det S_p)/2,
             accumulated as a sum and a sum of squares (mean and variance);
             20 million draws (10^7 pairs) in d = 1, 4 million in d = 10.
  iwae       10^7 IWAE log-weights of z ~ N(0,1), x|z ~ N(a z, s^2), proposal
             N(m, sd^2), and log-mean-exp over blocks of k = 64, summed.
float64 throughout.  Both peers work in chunks of CHUNK rows (vectorised),
which was the fastest of 2^14, 2^16, 2^18 for numpy on this machine.  One
thread: our kernels are single-threaded, so torch.set_num_threads(1) and
OpenBLAS/OpenMP limited to 1 thread (set before numpy is imported).
"""
import os
import sys
import time

for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"

CHUNK = 1 << 16
SIZES = {"kl1": 20000000, "kl10": 4000000, "iwae": 10000000}
IWAE = dict(x=1.3, a=2.0, s=0.5, m=0.4, sd=0.3)
K = 64


def read_params(path):
    with open(path) as f:
        v = [float(t) for t in f.read().split()]
    d = int(v[0])
    v = v[1:]
    out = []
    for g in range(2):
        mu, L = v[:d], v[d:d + d * d]
        v = v[d + d * d:]
        out.append((mu, [L[i * d:(i + 1) * d] for i in range(d)]))
    return d, out


class Numpy:
    def __init__(self):
        import numpy as np
        import scipy.linalg
        self.np, self.solve = np, scipy.linalg.solve_triangular
        self.rng = np.random.default_rng(1)

    def kl(self, params, draws):
        np = self.np
        d, ((mp, lp), (mq, lq)) = params
        Lp, Lq = np.array(lp), np.array(lq)
        c = np.array(mp) - np.array(mq)
        half_logdet = np.log(np.diag(Lq)).sum() - np.log(np.diag(Lp)).sum()
        pairs, s, s2 = draws // 2, 0.0, 0.0
        while pairs > 0:
            m = min(CHUNK, pairs)
            z = self.rng.standard_normal((m, d))
            y = z @ Lp.T
            if d == 1:
                u, v = (c + y) / Lq[0, 0], (c - y) / Lq[0, 0]
                uu, vv = (u * u)[:, 0], (v * v)[:, 0]
            else:
                u = self.solve(Lq, (c + y).T, lower=True, check_finite=False)
                v = self.solve(Lq, (c - y).T, lower=True, check_finite=False)
                uu, vv = (u * u).sum(0), (v * v).sum(0)
            f = 0.25 * (uu + vv) - 0.5 * (z * z).sum(1) + half_logdet
            s += f.sum()
            s2 += (f * f).sum()
            pairs -= m
        return s, s2

    def iwae(self, draws):
        np, p = self.np, IWAE
        c = -0.5 * np.log(2 * np.pi)
        norm = c + (c - np.log(p["s"])) - (c - np.log(p["sd"]))   # as tools/bench.c
        blocks, total = draws // K, 0.0
        rows = max(1, CHUNK // K)
        while blocks > 0:
            b = min(rows, blocks)
            e = self.rng.standard_normal((b, K))
            z = p["m"] + p["sd"] * e
            rx = (p["x"] - p["a"] * z) / p["s"]
            lw = norm - 0.5 * z * z - 0.5 * rx * rx + 0.5 * e * e
            mx = lw.max(axis=1)
            total += (np.log(np.exp(lw - mx[:, None]).mean(axis=1)) + mx).sum()
            blocks -= b
        return total


class Torch:
    def __init__(self):
        import torch
        torch.set_num_threads(1)
        self.t = torch
        self.g = torch.Generator().manual_seed(1)

    def kl(self, params, draws):
        t = self.t
        d, ((mp, lp), (mq, lq)) = params
        f64 = t.float64
        Lp, Lq = t.tensor(lp, dtype=f64), t.tensor(lq, dtype=f64)
        c = t.tensor(mp, dtype=f64) - t.tensor(mq, dtype=f64)
        half_logdet = float(t.log(t.diagonal(Lq)).sum() - t.log(t.diagonal(Lp)).sum())
        pairs, s, s2 = draws // 2, 0.0, 0.0
        with t.no_grad():
            while pairs > 0:
                m = min(CHUNK, pairs)
                z = t.randn((m, d), generator=self.g, dtype=f64)
                y = z @ Lp.T
                if d == 1:
                    u, v = (c + y) / Lq[0, 0], (c - y) / Lq[0, 0]
                    uu, vv = (u * u)[:, 0], (v * v)[:, 0]
                else:
                    u = t.linalg.solve_triangular(Lq, (c + y).T, upper=False)
                    v = t.linalg.solve_triangular(Lq, (c - y).T, upper=False)
                    uu, vv = (u * u).sum(0), (v * v).sum(0)
                f = 0.25 * (uu + vv) - 0.5 * (z * z).sum(1) + half_logdet
                s += float(f.sum())
                s2 += float((f * f).sum())
                pairs -= m
        return s, s2

    def iwae(self, draws):
        t, p = self.t, IWAE
        import math
        c = -0.5 * math.log(2 * math.pi)
        norm = c + (c - math.log(p["s"])) - (c - math.log(p["sd"]))   # as tools/bench.c
        blocks, total = draws // K, 0.0
        rows = max(1, CHUNK // K)
        with t.no_grad():
            while blocks > 0:
                b = min(rows, blocks)
                e = t.randn((b, K), generator=self.g, dtype=t.float64)
                z = p["m"] + p["sd"] * e
                rx = (p["x"] - p["a"] * z) / p["s"]
                lw = norm - 0.5 * z * z - 0.5 * rx * rx + 0.5 * e * e
                total += float((t.logsumexp(lw, dim=1) - math.log(K)).sum())
                blocks -= b
        return total


def main(argv):
    if len(argv) < 3 or argv[1] not in ("numpy", "torch") or argv[2] not in SIZES \
            or (argv[2] != "iwae" and len(argv) != 4):
        sys.stderr.write("usage: bench_peers.py numpy|torch kl1|kl10 PARAMS | iwae\n")
        return 2
    try:
        peer = Numpy() if argv[1] == "numpy" else Torch()
    except ImportError:
        print("absent")
        return 0
    n = SIZES[argv[2]]
    if argv[2] == "iwae":
        run = peer.iwae
    else:
        params = read_params(argv[3])
        def run(draws):
            return peer.kl(params, draws)
    run(n // 100)
    t0 = time.perf_counter()
    run(n)
    print("%.6g" % (n / (time.perf_counter() - t0)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env Rscript
# bench_peers.R CHAIN -- posterior's side of `make bench PEERS=1`: the ESS of
# the 10^6-long AR(1) chain `bench chain` wrote (raw native doubles).
# posterior::ess_basic(x, split = FALSE) is the estimator of our ess_geyer:
# one chain, FFT autocovariance, Geyer's initial monotone sequence (the
# default split = TRUE would halve the chain into two).  Prints the seconds
# of one estimate after a warm-up on 10^4 draws, then the ESS, or `absent`
# when posterior is not installed.
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) {
  cat("usage: bench_peers.R CHAIN\n", file = stderr())
  quit(status = 2)
}
if (!suppressMessages(requireNamespace("posterior", quietly = TRUE))) {
  cat("absent\n")
  quit(status = 0)
}
x <- readBin(args[1], "double", n = 1e6)
if (length(x) != 1e6) {
  cat("bench_peers.R: the chain has", length(x), "draws, not 10^6\n", file = stderr())
  quit(status = 1)
}
invisible(posterior::ess_basic(x[1:1e4], split = FALSE))
t0 <- Sys.time()
e <- posterior::ess_basic(x, split = FALSE)
t <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
cat(sprintf("%.6g %.6g\n", t, e))

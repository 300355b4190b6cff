/* stop_point.h -- named points of the output sequence, for interrupt tests.
 *
 * The output code calls stop_point ("name") at every moment where an
 * interrupt must be harmless: after a temporary is created, before it is
 * registered, between the renames of a commit, ...  Normally this does
 * nothing.  The environment variable HARNESS_STOP_AT makes it a test hook:
 *
 *   HARNESS_STOP_AT=list   print "stop-point K NAME" on stderr at each point
 *   HARNESS_STOP_AT=K      stop the process (raise SIGSTOP) at the K-th point
 *
 * tests/test_interrupt.sh lists the points of a run, then for every K starts
 * the program, waits until it has stopped, sends it a signal and SIGCONT:
 * every point is interrupted exactly, not by the luck of a timer.  SIGSTOP
 * cannot be blocked, so this works inside the regions where the fatal
 * signals are blocked (the signal is then delivered when they are unblocked,
 * which is what the test checks).  Async-signal-safe apart from the first
 * call, which reads the environment. */
#ifndef HARNESS_STOP_POINT_H
#define HARNESS_STOP_POINT_H

void stop_point (const char *name);

/* stop_point with "NAME FILE" (the base name of FILE) as its name. */
void stop_point_file (const char *name, const char *file);

#endif

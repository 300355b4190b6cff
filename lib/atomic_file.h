/* atomic_file.h -- write a set of files wholly or not at all.
 *
 * Every output of the harness goes through here.  A claim's outputs (its
 * report and its figure's .dat, .gp and .svg) form a set: a reader, an
 * interrupted run or a failed run must find either the old set or the new
 * one, never new figures beside an old report.
 *
 * Temporaries.  Each file is written to DIR/.<name>.<pid>.tmp beside its
 * destination (e.g. figures/.kl_gaussians.svg.4242.tmp), flushed and
 * fsync'ed.  The name says whose it is: the claim (<name> is <slug>.<ext>)
 * and the process.  A temporary is created and registered for clean-up
 * with SIGINT/SIGTERM/SIGHUP blocked, so no signal can fall between the two.
 * Those signals remove every registered temporary (after killing a gnuplot
 * still writing one) and end the process with the usual 128+signal status.
 *
 * The set commit (atomic_file_commit_all), only once every temporary is
 * complete, with the fatal signals blocked throughout:
 *   1. create the journal marker DIR/.<first>.<pid>.commit;
 *   2. for each destination keep its old file as a hard link
 *      .<name>.<pid>.old (or, when there is none, an empty .<name>.<pid>.none);
 *   3. rename each temporary over its destination;
 *   4. unlink the marker: this is the commit point;
 *   5. unlink the backups.
 * rename(2) of one file is atomic, a set of renames is not; the backups make
 * it restorable.  If keeping a backup or a rename fails (step 2 or 3), the
 * files already replaced are put back by renaming their .old links over
 * them (or removing them, for .none), and the run dies with one line: a
 * failed commit replaces nothing.  What SIGKILL or a crash leaves (it cannot
 * be blocked) is repaired by the next run of the claim, before it writes
 * anything (atomic_file_recover): temporaries of dead processes are
 * removed; if a dead process's marker is still there, its commit was cut
 * short before the commit point and all its backups are renamed back, so
 * the old set returns; with no marker its commit had completed and its
 * backups are removed.  Recovery only touches files whose owner process is
 * gone, and is itself restartable (markers go last).  The caller holds the
 * claim's output lock (output_lock.h), so no live run of the same claim
 * writes into the folder meanwhile.
 *
 * Not covered: power loss (directories are not fsync'ed) and file systems
 * without hard links (the commit then fails with one line, replacing
 * nothing).
 *
 * Test hooks (stop_point.h) mark every step: tmp-created, tmp-registered,
 * filled, commit-begin, backed-up, before-rename, committed. */
#ifndef HARNESS_ATOMIC_FILE_H
#define HARNESS_ATOMIC_FILE_H

#include <stddef.h>
#include <sys/types.h>

/* Install handlers so that SIGINT/SIGTERM/SIGHUP remove pending temporary
   files (and the output lock) before the process ends with the
   conventional 128+signal status. */
void atomic_file_install_signal_handlers (void);

/* Create the temporary file beside PATH and return its name (owned by this
   module until committed or abandoned).  Dies with EXIT_RUNTIME on failure. */
const char *atomic_file_begin (const char *path);

/* Write LEN bytes of DATA to PATH atomically.  Dies on any failure (disk
   full, unwritable folder), leaving PATH untouched. */
void atomic_file_write (const char *path, const char *data, size_t len);

/* Write LEN bytes of DATA into the temporary file TMP, flushed to disk;
   dies on a short write (disk full). */
void atomic_file_fill (const char *tmp, const char *data, size_t len);

/* Rename the temporary file made by atomic_file_begin(PATH) over PATH
   (one file: rename(2) alone is atomic). */
void atomic_file_commit (const char *path);

/* Commit every pending file as one set, as described above: all replaced,
   or (dying with one line) none. */
void atomic_file_commit_all (void);

/* Register (PID > 0) or forget (0) a child process that writes into a
   pending file; a fatal signal kills it before removing the files. */
void atomic_file_set_writer (pid_t pid);

/* Remove every pending temporary file; safe to call from a signal handler. */
void atomic_file_abandon_all (void);

/* Repair what dead runs left for the outputs DIRS[i]/<STEM>.<ext>: remove
   their temporaries and finish or roll back their commits (see above).
   Call with the output lock held, before the first atomic_file_begin.
   Returns the number of leftover files handled; dies if a restore fails. */
int atomic_file_recover (const char *const *dirs, int ndirs,
                         const char *stem);

#endif

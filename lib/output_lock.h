/* output_lock.h -- one run at a time per claim and output folder.
 *
 * Two runs of the same claim into the same OUTDIR would each commit a
 * complete set, but their temporaries, backups and clean-up of leftovers
 * would meet.  So a run holds flock(2) on OUTDIR/.<slug>.lock from before
 * its first output file until after its commit.  The lock is per claim, not
 * per folder: different claims never share a file, and `make -j2 check`
 * runs them into one folder at once.  A second run of the same claim waits,
 * saying so in one line on stderr, for at most HARNESS_LOCK_TIMEOUT seconds
 * (default 300; 0 means do not wait), and then exits with status 3 and one
 * line.  The kernel drops a flock when its holder dies, even by SIGKILL, so
 * a lock is never stale.
 *
 * The lock file is removed on release (and on every fatal path), so that a
 * run leaves no file behind that it did not mean to write.  A run that
 * locked the file just before it was unlinked notices that the path no
 * longer names the file it locked, and locks afresh. */
#ifndef HARNESS_OUTPUT_LOCK_H
#define HARNESS_OUTPUT_LOCK_H

/* Lock OUTDIR/.SLUG.lock, waiting as described above; dies with
   EXIT_RUNTIME on timeout or when the lock file cannot be made. */
void output_lock_acquire (const char *outdir, const char *slug);

/* Remove the lock file and drop the lock; does nothing when none is held.
   Async-signal-safe (unlink, close). */
void output_lock_release (void);

#endif

/* atomic_file.h -- write a whole file or nothing.
 *
 * Every output of the harness goes through here: the content is written to a
 * temporary file in the destination folder, flushed, and renamed over the
 * destination.  rename(2) within one file system is atomic, so a reader (or
 * an interrupted run) sees either the old file or the new one, never a
 * truncated or mixed one.  Temporary files still pending when the program
 * dies -- a fatal error, SIGINT, SIGTERM, SIGHUP -- are removed. */
#ifndef HARNESS_ATOMIC_FILE_H
#define HARNESS_ATOMIC_FILE_H

#include <stddef.h>
#include <sys/types.h>

/* Install handlers so that SIGINT/SIGTERM/SIGHUP remove pending temporary
   files before the process ends with the conventional 128+signal status. */
void atomic_file_install_signal_handlers (void);

/* Create a temporary file beside PATH and return its name (owned by this
   module until committed or abandoned).  Dies with EXIT_RUNTIME on failure. */
const char *atomic_file_begin (const char *path);

/* Write LEN bytes of DATA to PATH atomically.  Dies on any failure (disk
   full, unwritable folder), leaving PATH untouched. */
void atomic_file_write (const char *path, const char *data, size_t len);

/* Write LEN bytes of DATA into the temporary file TMP, flushed to disk;
   dies on a short write (disk full). */
void atomic_file_fill (const char *tmp, const char *data, size_t len);

/* Rename the temporary file made by atomic_file_begin(PATH) over PATH. */
void atomic_file_commit (const char *path);

/* Commit every pending file, in the order they were begun.  A program
   fills all its outputs first and commits them together, so a failure
   while writing any of them (disk full) replaces none. */
void atomic_file_commit_all (void);

/* Register (PID > 0) or forget (0) a child process that writes into a
   pending file; a fatal signal kills it before removing the files. */
void atomic_file_set_writer (pid_t pid);

/* Remove every pending temporary file; safe to call from a signal handler. */
void atomic_file_abandon_all (void);

#endif

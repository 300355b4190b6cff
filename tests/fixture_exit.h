/* fixture_exit.h -- how a call ends the process, for the tests of refusals:
 * a lib function that dies on bad input (errors.h: one line on stderr and
 * an exit status) is run in a child, stderr silenced, and the child's exit
 * status read back. */
#ifndef HARNESS_FIXTURE_EXIT_H
#define HARNESS_FIXTURE_EXIT_H

#include "errors.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* RUN (ARG) in a child with stderr to /dev/null: the child's exit status
   (0 when RUN returns), or -1 when it did not exit (a signal). */
static int
fixture_exit_status (void (*run) (const void *arg), const void *arg)
{
  fflush (NULL);
  pid_t pid = fork ();
  if (pid == 0)
    {
      int fd = open ("/dev/null", O_WRONLY);
      dup2 (fd, 2);
      run (arg);
      _exit (0);
    }
  int status = 0;
  waitpid (pid, &status, 0);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Whether RUN (ARG) is refused: the process ends with EXIT_RUNTIME. */
__attribute__ ((unused))
static int
fixture_refused (void (*run) (const void *arg), const void *arg)
{
  return fixture_exit_status (run, arg) == EXIT_RUNTIME;
}

#endif

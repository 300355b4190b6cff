/* figure.c -- write and render the figure (see figure.h). */
#include "figure.h"
#include "atomic_file.h"
#include "stop_point.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <unistd.h>

static const char figure_style[] =
#include "figure_style.inc"
  ;

const char *
figure_gnuplot (void)
{
  const char *g = getenv ("GNUPLOT");
  return g && *g ? g : "gnuplot";
}

static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? slash + 1 : path;
}

/* Run gnuplot in folder DIR on SCRIPT with the given data and output file
   names; die unless it exits 0.  fork/exec rather than popen: the exit
   status is what tells whether the figure was drawn. */
static void
run_gnuplot (const char *dir, const char *script, const char *data,
             const char *out)
{
  char vars[2048];
  snprintf (vars, sizeof vars, "datafile='%s'; outfile='%s'", data, out);
  fflush (NULL);
  /* Block the fatal signals until the child is registered, so that an
     interrupt can never find a gnuplot it does not know about. */
  sigset_t fatal, old;
  sigemptyset (&fatal);
  sigaddset (&fatal, SIGINT);
  sigaddset (&fatal, SIGTERM);
  sigaddset (&fatal, SIGHUP);
  sigprocmask (SIG_BLOCK, &fatal, &old);
  pid_t parent = getpid ();
  pid_t pid = fork ();
  if (pid < 0)
    die_runtime ("cannot start gnuplot: %s", strerror (errno));
  if (pid == 0)
    {
      sigprocmask (SIG_SETMASK, &old, NULL);
#ifdef __linux__
      /* A parent killed by SIGKILL cannot stop gnuplot, which would then
         recreate the temporary the next run's recovery removes. */
      if (prctl (PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid () != parent)
        _exit (126);
#endif
      if (chdir (dir) != 0)
        _exit (126);
      execlp (figure_gnuplot (), figure_gnuplot (), "-e", vars, script,
              (char *) NULL);
      _exit (127);
    }
  atomic_file_set_writer (pid);
  sigprocmask (SIG_SETMASK, &old, NULL);
  stop_point ("gnuplot-started");
  int status;
  while (waitpid (pid, &status, 0) < 0)
    if (errno != EINTR)
      die_runtime ("waiting for gnuplot: %s", strerror (errno));
  atomic_file_set_writer (0);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 127)
    die_runtime ("gnuplot not found (tried '%s'): install gnuplot, e.g."
                 " apt-get install gnuplot-nox", figure_gnuplot ());
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    die_runtime ("gnuplot failed on %s/%s (status %d)", dir, script,
                 WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

/* gnuplot exits 0 even when it could not finish writing (disk full), so a
   complete SVG is recognised by its closing tag. */
static void
check_svg_complete (const char *path)
{
  FILE *f = fopen (path, "rb");
  char tail[64] = { 0 };
  if (!f)
    die_runtime ("gnuplot wrote no figure (%s)", path);
  long size = 0;
  if (fseek (f, 0, SEEK_END) == 0)
    size = ftell (f);
  if (size > 32 && fseek (f, -32, SEEK_END) == 0)
    {
      size_t n = fread (tail, 1, 32, f);
      tail[n] = 0;
    }
  fclose (f);
  if (!strstr (tail, "</svg>"))
    die_runtime ("gnuplot's figure is incomplete (disk full?): %s", path);
}

static void
compose_script (const harness * h, sbuf * gp)
{
  const char *slug = h->c->slug;
  sbuf_printf (gp, "# %s.gp -- written by %s; render with"
               " `gnuplot %s.gp` in this folder.\n", slug, slug, slug);
  sbuf_printf (gp, "if (!exists(\"datafile\")) datafile = '%s.dat'\n", slug);
  sbuf_printf (gp, "if (!exists(\"outfile\")) outfile = '%s.svg'\n", slug);
  sbuf_printf (gp, "fig_w = %d\nfig_h = %d\n",
               h->c->figure_width ? h->c->figure_width : 960,
               h->c->figure_height ? h->c->figure_height : 620);
  sbuf_append (gp, figure_style);
  sbuf_append (gp, "set output outfile\n");
  sbuf_append (gp, sbuf_str (&h->fig_script));
  sbuf_append (gp, "unset output\n");
}

void
figure_write (harness * h)
{
  if (h->fig_script.len == 0)
    die_internal ("%s draws no figure", h->c->slug);
  char dir[4096], dat[4200], gpf[4200], svg[4200];
  snprintf (dir, sizeof dir, "%s/figures", h->opt.outdir);
  snprintf (dat, sizeof dat, "%s/%s.dat", dir, h->c->slug);
  snprintf (gpf, sizeof gpf, "%s/%s.gp", dir, h->c->slug);
  snprintf (svg, sizeof svg, "%s/%s.svg", dir, h->c->slug);
  if (access (dir, W_OK | X_OK) != 0)
    die_runtime ("cannot write to %s: %s", dir, strerror (errno));

  sbuf gp;
  sbuf_init (&gp);
  compose_script (h, &gp);
  const char *dat_tmp = atomic_file_begin (dat);
  const char *gp_tmp = atomic_file_begin (gpf);
  const char *svg_tmp = atomic_file_begin (svg);
  atomic_file_fill (dat_tmp, sbuf_str (&h->fig_data), h->fig_data.len);
  atomic_file_fill (gp_tmp, sbuf_str (&gp), gp.len);
  sbuf_free (&gp);
  run_gnuplot (dir, base_name (gp_tmp), base_name (dat_tmp),
               base_name (svg_tmp));
  check_svg_complete (svg_tmp);
  /* Committed by harness_end with the report (atomic_file_commit_all). */
}

void
figure_gp_string (sbuf * b, const char *s)
{
  sbuf_append (b, "'");
  for (; *s; s++)
    sbuf_append (b, *s == '\'' ? "''" : (char[2]) { *s, 0 });
  sbuf_append (b, "'");
}

/* bench-startup.c — time to the first frame: our window on a plan against a minimal libadwaita window
 *
 * One measurement per process, started fresh:
 *
 *   bench-startup-minimal minimal  an AdwApplication whose AdwApplicationWindow
 *                                  holds an AdwHeaderBar and a label
 *   bench-startup app PLAN         our application opening PLAN as
 *                                  `sofia-seminars PLAN` does, until the
 *                                  plan is shown
 *   bench-startup window PLAN      the same, until the window's first frame
 *                                  (the plan may still be loading)
 *
 * The clock starts before the program is executed: the process reads the
 * monotonic clock and executes itself again with the reading in the
 * environment, so loading the shared libraries, initialising GTK and
 * registering on the session bus all count, in both modes alike. The minimal
 * mode is built into its own program linking libadwaita alone
 * (BENCH_STARTUP_MINIMAL), as a minimal application would be.
 *
 * The clock stops at the end of the first frame painted: for the minimal
 * window the first "after-paint" of its frame clock once it is mapped; for
 * ours in "window" mode the same; in "app" mode the first "after-paint" once
 * the window holds the loaded plan (its "document" is set, the spinner gives
 * way to the plan), so the load, the models and the first layout of the
 * content all count.
 *
 * Prints "SECONDS MAX_RSS_KIB", as the other benchmarks do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#ifndef BENCH_STARTUP_MINIMAL
#include "sem-application.h"
#include "sem-window.h"
#endif

#define START_VARIABLE "BENCH_STARTUP_START_US"
#define TIMEOUT_SECONDS 120

typedef struct
{
  GApplication *app;
  gint64        start_us;
  gboolean      with_plan;      /* run as `sofia-seminars PLAN` */
  gboolean      want_document;  /* wait for the window to hold the plan */
  gboolean      reported;
} Bench;

static void
report (Bench *bench)
{
  double seconds = (g_get_monotonic_time () - bench->start_us) / (double) G_USEC_PER_SEC;
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%.4f %ld\n", seconds, usage.ru_maxrss);
}

static gboolean
has_content (Bench     *bench,
             GtkWidget *window)
{
  if (!bench->want_document)
    return TRUE;

#ifndef BENCH_STARTUP_MINIMAL
  if (SEM_IS_WINDOW (window))
    return sem_window_get_document (SEM_WINDOW (window)) != NULL;
#endif

  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  Bench *bench = g_object_get_data (G_OBJECT (window), "bench");

  if (bench->reported || !has_content (bench, window))
    return;

  bench->reported = TRUE;
  report (bench);
  g_application_quit (bench->app);
}

static void
window_map_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), window, 0);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Bench          *bench)
{
  g_object_set_data (G_OBJECT (window), "bench", bench);
  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), NULL);
}

static void
minimal_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Sofia Seminars");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  /* The size our window opens at. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("No frame with content after %d s", TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

/* Executes this program again with the clock's reading in the environment. */
static void
start_clock (char *argv[])
{
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());

  g_setenv (START_VARIABLE, start, TRUE);
  execv ("/proc/self/exe", argv);
  g_error ("Could not execute %s again: %s", argv[0], g_strerror (errno));
}

static int
usage (void)
{
#ifdef BENCH_STARTUP_MINIMAL
  g_printerr ("Usage: bench-startup-minimal minimal\n");
#else
  g_printerr ("Usage: bench-startup app|window PLAN\n");
#endif
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *start = g_getenv (START_VARIABLE);
  const char *mode = argc > 1 ? argv[1] : "";
  const char *localedir;
  Bench bench = { 0, };
  int status;

  if (start == NULL)
    start_clock (argv);
  bench.start_us = g_ascii_strtoll (start, NULL, 10);
  g_unsetenv (START_VARIABLE);

  /* What main.c does first, in both modes. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("SOFIA_SEMINARS_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_str_equal (mode, "minimal") && argc == 2)
    {
      app = G_APPLICATION (adw_application_new (APPLICATION_ID ".BenchMinimal", G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (app, "activate", G_CALLBACK (minimal_activate_cb), NULL);
    }
#ifndef BENCH_STARTUP_MINIMAL
  else if ((g_str_equal (mode, "app") || g_str_equal (mode, "window")) && argc == 3)
    {
      app = G_APPLICATION (sem_application_new ());
      bench.with_plan = TRUE;
      bench.want_document = g_str_equal (mode, "app");
    }
#endif
  else
    return usage ();

  bench.app = app;
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &bench);
  g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);

  /* `sofia-seminars PLAN`: the plan is opened as a file given to the program. */
  if (bench.with_plan)
    {
      char *app_argv[] = { argv[0], argv[2], NULL };

#ifndef BENCH_STARTUP_MINIMAL
      /* As main.c does: the plan loads while GTK starts up. */
      sem_application_read_ahead (2, app_argv);
#endif
      status = g_application_run (app, 2, app_argv);
    }
  else
    status = g_application_run (app, 1, argv);

  if (status == 0 && !bench.reported)
    {
      g_printerr ("The application quit before painting a frame with content\n");
      return 1;
    }
  return status;
}

/* sem-screenshot.c — the window's pages rendered to PNG files (build-aux/screenshots)
 *
 *   sem-screenshot [OPTION…] OUTDIR PAGE…
 *
 * Opens the real window on a plan (by default a copy of the bundled demo plan
 * in a temporary folder), shows each PAGE through the window action
 * "win.page" and saves OUTDIR/PAGE.png. The page "window" is the window as it
 * opens, without activating anything. A page the window cannot show (no such
 * action yet) is skipped with a message.
 *
 *   --plan FILE      open FILE instead of a copy of the demo plan
 *   --width N        the window's width (1280)
 *   --height N       the window's height (800)
 *   --suffix TEXT    appended to each file's name, e.g. "-narrow"
 *   --check          read every PNG written back and fail unless it has the
 *                    window's requested size and is not one flat colour
 *
 * Needs a display: run it under `xvfb-run -a dbus-run-session --` with
 * GSK_RENDERER=cairo. Exits 77 (a skip for meson) without one. The language
 * is the environment's (LANGUAGE, LC_ALL, SOFIA_SEMINARS_LOCALEDIR).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-screenshot"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "sem-application.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-plan-codec.h"
#include "sem-window.h"

#define EXIT_SKIP 77
#define LOAD_TIMEOUT_SECONDS 30
/* Long enough for a page's transition to end even with animations on. */
#define SETTLE_MS 400
#define SETTLE_FRAMES 3

static char *opt_plan;
static int opt_width = 1280;
static int opt_height = 800;
static char *opt_suffix;
static gboolean opt_check;

static const GOptionEntry entries[] = {
  { "plan", 0, 0, G_OPTION_ARG_FILENAME, &opt_plan, "Open FILE instead of a copy of the demo plan", "FILE" },
  { "width", 0, 0, G_OPTION_ARG_INT, &opt_width, "The window's width (1280)", "N" },
  { "height", 0, 0, G_OPTION_ARG_INT, &opt_height, "The window's height (800)", "N" },
  { "suffix", 0, 0, G_OPTION_ARG_STRING, &opt_suffix, "Appended to each file's name", "TEXT" },
  { "check", 0, 0, G_OPTION_ARG_NONE, &opt_check, "Read each PNG back and check it", NULL },
  { NULL }
};

static guint frames_painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames_painted++;
}

/* Keeps frames coming while waiting: an idle window paints no more. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until the window has painted @frames more frames and
 * @ms have passed. */
static void
settle (GtkWidget *window,
        guint      frames,
        guint      ms)
{
  guint until = frames_painted + frames;
  gint64 deadline = g_get_monotonic_time () + ms * 1000;
  gint64 give_up = deadline + 10 * G_USEC_PER_SEC;
  guint tick_id = gtk_widget_add_tick_callback (window, tick_cb, NULL, NULL);

  while ((frames_painted < until || g_get_monotonic_time () < deadline) &&
         g_get_monotonic_time () < give_up)
    {
      iterate ();
      g_usleep (2000);
    }
  gtk_widget_remove_tick_callback (window, tick_id);
  if (frames_painted < until)
    g_printerr ("Only %u of %u frames were painted\n", frames + frames_painted - until, frames);
}

static gboolean
save_png (GtkWidget   *window,
          const char  *path,
          GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Nothing to render for %s", path);
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }
  return TRUE;
}

/* The window's surface also holds the frame's margins (the resize borders
 * without a compositor): grow the default size by them so that the window
 * itself has the size asked for. */
static void
fit_window (GtkWidget *window)
{
  int dw = opt_width - gtk_widget_get_width (window);
  int dh = opt_height - gtk_widget_get_height (window);
  int width, height;

  if (dw != 0 || dh != 0)
    {
      gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (window), width + dw, height + dh);
      settle (window, SETTLE_FRAMES, SETTLE_MS);
    }

  if (gtk_widget_get_width (window) != opt_width || gtk_widget_get_height (window) != opt_height)
    g_printerr ("The window is %d×%d, not %d×%d: its size request or the screen does not allow it\n",
                gtk_widget_get_width (window), gtk_widget_get_height (window), opt_width, opt_height);
}

/* The PNG at @path read back: the requested size, and more than one colour. */
static gboolean
check_png (const char  *path,
           GError     **error)
{
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, error);
  g_autofree guint32 *pixels = NULL;
  int width, height;
  gboolean flat = TRUE;

  if (texture == NULL)
    return FALSE;

  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  if (width != opt_width || height != opt_height)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is %d×%d, not %d×%d",
                   path, width, height, opt_width, opt_height);
      return FALSE;
    }

  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (gsize i = 1; flat && i < (gsize) width * height; i++)
    flat = pixels[i] == pixels[0];
  if (flat)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s is one flat colour", path);
      return FALSE;
    }
  return TRUE;
}

/* Shows @page; FALSE when the window has no way to show it. */
static gboolean
show_page (GtkWidget  *window,
           const char *page)
{
  if (g_str_equal (page, "window"))
    return TRUE;

  /* The window's stateful action "win.page" (string state): FALSE when it
   * does not exist (yet). */
  return gtk_widget_activate_action (window, "win.page", "s", page);
}

static char *
write_demo_plan (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sem_demo_get_bytes ();
  char *path = g_build_filename (dir, "plan.json", NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!sem_plan_codec_write_file (path, data, length, &error))
    g_error ("Could not write the demo plan: %s", error->message);
  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SemApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *plan_path = NULL;
  const char *localedir = g_getenv ("SOFIA_SEMINARS_LOCALEDIR");
  const char *outdir;
  GtkWidget *window;
  gint64 deadline;
  guint n_written = 0;
  guint n_failed = 0;

  /* As main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("OUTDIR PAGE… — the window's pages as PNG files");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc < 3 || opt_width <= 0 || opt_height <= 0)
    {
      g_printerr ("Usage: %s [OPTION…] OUTDIR PAGE…\n", g_get_prgname ());
      return 2;
    }
  outdir = argv[1];

  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run -a dbus-run-session --\n");
      return EXIT_SKIP;
    }
  adw_init ();
  /* Pages change at once: no transition half-way in a picture. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (g_mkdir_with_parents (outdir, 0755) != 0)
    g_error ("Could not create %s: %s", outdir, g_strerror (errno));

  if (opt_plan != NULL)
    plan_path = g_strdup (opt_plan);
  else
    {
      tmpdir = g_dir_make_tmp ("sem-screenshot-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("%s", error->message);
      plan_path = write_demo_plan (tmpdir);
    }

  app = sem_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  window = GTK_WIDGET (sem_window_new (app));
  gtk_window_set_default_size (GTK_WINDOW (window), opt_width, opt_height);
  file = g_file_new_for_path (plan_path);
  sem_window_open_file (SEM_WINDOW (window), file);
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + LOAD_TIMEOUT_SECONDS * G_USEC_PER_SEC;
  while (sem_window_get_document (SEM_WINDOW (window)) == NULL || !gtk_widget_get_mapped (window))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not load within %d s", plan_path, LOAD_TIMEOUT_SECONDS);
      iterate ();
      g_usleep (2000);
    }
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), NULL);
  settle (window, SETTLE_FRAMES, SETTLE_MS);
  fit_window (window);

  for (int i = 2; i < argc; i++)
    {
      const char *page = argv[i];
      g_autofree char *name = g_strdup_printf ("%s%s.png", page, opt_suffix != NULL ? opt_suffix : "");
      g_autofree char *path = g_build_filename (outdir, name, NULL);
      g_autoptr(GError) page_error = NULL;

      if (!show_page (window, page))
        {
          g_printerr ("%s: skipped: the window has no action win.page to show it\n", page);
          continue;
        }
      settle (window, SETTLE_FRAMES, SETTLE_MS);

      if (!save_png (window, path, &page_error) ||
          (opt_check && !check_png (path, &page_error)))
        {
          g_printerr ("%s: %s\n", page, page_error->message);
          n_failed++;
          continue;
        }
      g_print ("%s\n", path);
      n_written++;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  if (tmpdir != NULL)
    remove_dir (tmpdir);

  if (n_failed > 0)
    return 1;
  /* Checking: at least one picture must have been made. */
  if (opt_check && n_written == 0)
    {
      g_printerr ("No page could be shown\n");
      return 1;
    }
  return 0;
}

/* test-document-ui.c — the window and its plan's file: the plan to start with, saving before a plan is let go, autosave off
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sem-application.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-session.h"
#include "sem-window.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"

static SemApplication *app;
static char *tmp_dir;

/* Starting */

static gboolean
active_window_has_document (gconstpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return SEM_IS_WINDOW (window) && sem_window_get_document (SEM_WINDOW (window)) != NULL;
}

/* Activates the application and returns the file of the plan it shows. */
static GFile *
activate_and_wait (void)
{
  GtkWindow *window;
  GFile *file;

  g_application_activate (G_APPLICATION (app));
  g_assert_true (sem_test_wait_until (active_window_has_document, NULL, 10));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  file = g_object_ref (sem_document_get_file (sem_window_get_document (SEM_WINDOW (window))));
  gtk_window_destroy (window);
  sem_test_gui_iterate ();
  return file;
}

/* The first start makes the default plan from the demo plan and shows it;
 * a later one shows the plan open last. Files are looked at (and the demo
 * plan written) on a worker thread. */
static void
test_first_start (void)
{
  g_autoptr(GFile) default_plan = sem_application_get_default_plan (app);
  g_autofree char *last_path = g_build_filename (tmp_dir, "last.json", NULL);
  g_autoptr(GFile) last = g_file_new_for_path (last_path);
  g_autoptr(GFile) shown = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_str_has_prefix (g_file_peek_path (default_plan), tmp_dir));
  g_assert_false (g_file_query_exists (default_plan, NULL));
  g_settings_reset (sem_test_app_settings (app), "last-plan");

  shown = activate_and_wait ();
  g_assert_true (g_file_equal (shown, default_plan));
  plan = sem_test_load_path (g_file_peek_path (default_plan));
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS)), >, 0);

  /* The plan open last, if it is still there. */
  g_assert_true (g_file_copy (default_plan, last, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_settings_set_string (sem_test_app_settings (app), "last-plan", last_path);
  g_clear_object (&shown);
  shown = activate_and_wait ();
  g_assert_cmpstr (g_file_peek_path (shown), ==, last_path);

  /* Gone: the default plan again. */
  g_assert_true (g_unlink (last_path) == 0);
  g_settings_set_string (sem_test_app_settings (app), "last-plan", last_path);
  g_clear_object (&shown);
  shown = activate_and_wait ();
  g_assert_true (g_file_equal (shown, default_plan));
  g_settings_reset (sem_test_app_settings (app), "last-plan");
}

/* Autosave off */

typedef struct
{
  SemPlan     *plan;
  SemDocument *document;
  SemWindow   *window;
  char        *path;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  sem_test_reset_settings (app);
  f->plan = sem_demo_load (&error);
  g_assert_no_error (error);
  f->path = g_build_filename (tmp_dir, "plan.json", NULL);
  file = g_file_new_for_path (f->path);

  f->document = sem_document_new (f->plan, file);
  g_assert_true (sem_document_save (f->document, &error));
  g_assert_no_error (error);
  sem_document_set_autosave_delay (f->document, 20);

  f->window = sem_window_new (app);
  sem_window_set_document (f->window, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  sem_window_select_event (f->window, EVENT_ID);
  sem_test_gui_iterate ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  sem_test_gui_iterate ();
  g_clear_object (&f->document);
  g_clear_object (&f->plan);
  g_unlink (f->path);
  g_free (f->path);
  sem_test_reset_settings (app);
}

static char *
saved_capacity (const char *path,
                const char *session_id)
{
  g_autoptr(SemPlan) saved = sem_test_load_path (path);
  SemEntity *session = sem_plan_lookup (saved, SEM_COLLECTION_SESSIONS, session_id);

  g_assert_nonnull (session);
  return g_strdup_printf ("%d", sem_session_get_capacity (SEM_SESSION (session)));
}

static SemSession *
first_session (SemPlan *plan)
{
  g_autoptr(SemSession) session = g_list_model_get_item (sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS), 0);

  return session;  /* the plan keeps it */
}

static void
test_autosave_off (Fixture      *f,
                   gconstpointer data)
{
  SemSession *session = first_session (f->plan);
  const char *id = sem_entity_get_id (SEM_ENTITY (session));
  GtkWindow *dialog;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* The window's document follows the setting. */
  g_assert_true (sem_document_get_autosave (f->document));
  g_settings_set_boolean (sem_test_app_settings (app), "autosave", FALSE);
  g_assert_false (sem_document_get_autosave (f->document));

  before = saved_capacity (f->path, id);
  sem_plan_set (f->plan, SEM_ENTITY (session), "capacity", 321, NULL);
  sem_test_run_for (200);
  g_assert_true (sem_document_get_modified (f->document));
  after = saved_capacity (f->path, id);
  g_assert_cmpstr (after, ==, before);

  /* Ctrl+S saves. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (sem_document_get_modified (f->document) && g_get_monotonic_time () < deadline)
      sem_test_run_for (10);
  }
  g_assert_false (sem_document_get_modified (f->document));
  g_free (after);
  after = saved_capacity (f->path, id);
  g_assert_cmpstr (after, ==, "321");

  /* Closing with changes asks; Cancel keeps the window. */
  sem_plan_set (f->plan, SEM_ENTITY (session), "capacity", 654, NULL);
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = sem_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* A response given in code does not close the dialog as a click does. */
  gtk_window_destroy (dialog);
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (sem_document_get_modified (f->document));

  /* Discard closes without writing. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  dialog = sem_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  sem_test_run_for (100);
  g_assert_null (f->window);
  g_free (after);
  after = saved_capacity (f->path, id);
  g_assert_cmpstr (after, ==, "321");
}

static gboolean
pointer_cleared (gconstpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
document_replaced (gconstpointer data)
{
  const Fixture *f = data;

  return sem_window_get_document (f->window) != f->document;
}

/* With autosave on (the default) closing saves and asks nothing. The save
 * is not done on the main thread: the window is hidden at once, and goes
 * once the plan is written. */
static void
test_autosave_on_closes (Fixture      *f,
                         gconstpointer data)
{
  SemSession *session = first_session (f->plan);
  g_autofree char *after = NULL;

  /* Edited, not yet autosaved. */
  sem_document_set_autosave_delay (f->document, 60 * 1000);
  sem_plan_set (f->plan, SEM_ENTITY (session), "capacity", 77, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_nonnull (f->window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (sem_document_get_modified (f->document));

  g_assert_true (sem_test_wait_until (pointer_cleared, &f->window, 10));
  g_assert_false (sem_document_get_modified (f->document));
  g_assert_null (sem_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL, TRUE));
  after = saved_capacity (f->path, sem_entity_get_id (SEM_ENTITY (session)));
  g_assert_cmpstr (after, ==, "77");
}

static gboolean
document_shown (gconstpointer data)
{
  return sem_window_get_document ((SemWindow *) data) != NULL;
}

/* A new plan: shown, and with no file yet. */
static gboolean
document_shown_is_new (gconstpointer data)
{
  SemDocument *document = sem_window_get_document ((SemWindow *) data);

  return document != NULL && sem_document_get_file (document) == NULL;
}

/* Opening another plan, or starting a new one, with edits not yet written:
 * they are written in the background first, the plan shown until then. */
static void
test_replacing_saves_first (Fixture      *f,
                            gconstpointer data)
{
  SemSession *session = first_session (f->plan);
  g_autofree char *other_path = g_build_filename (tmp_dir, "other.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) other_plan = sem_demo_load (&error);
  g_autoptr(SemDocument) opened = sem_document_new (other_plan, other);
  g_autofree char *after = NULL;

  g_assert_true (sem_document_save (opened, &error));
  g_assert_no_error (error);
  g_clear_object (&opened);

  sem_document_set_autosave_delay (f->document, 60 * 1000);
  sem_plan_set (f->plan, SEM_ENTITY (session), "capacity", 88, NULL);
  sem_window_open_file (f->window, other);
  g_assert_true (sem_window_get_document (f->window) == f->document);
  g_assert_true (sem_test_wait_until (document_replaced, f, 10));
  after = saved_capacity (f->path, sem_entity_get_id (SEM_ENTITY (session)));
  g_assert_cmpstr (after, ==, "88");

  /* The other plan, once loaded, is edited in turn, then a new plan made. */
  g_assert_true (sem_test_wait_until (document_shown, f->window, 10));
  opened = g_object_ref (sem_window_get_document (f->window));
  g_assert_true (g_file_equal (sem_document_get_file (opened), other));
  sem_document_set_autosave_delay (opened, 60 * 1000);
  session = first_session (sem_document_get_plan (opened));
  sem_plan_set (sem_document_get_plan (opened), SEM_ENTITY (session), "capacity", 99, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  g_assert_true (sem_window_get_document (f->window) == opened);
  g_assert_true (sem_test_wait_until (document_shown_is_new, f->window, 10));
  g_free (after);
  after = saved_capacity (other_path, sem_entity_get_id (SEM_ENTITY (session)));
  g_assert_cmpstr (after, ==, "99");
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "New plan: it is saved", TRUE));
  g_unlink (other_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Before GTK starts: the user's data folder (where the default plan
   * goes) is read once. */
  tmp_dir = g_dir_make_tmp ("test-document-ui-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  app = sem_test_gui_init ();
  if (app == NULL)
    {
      sem_test_remove_tree (tmp_dir);
      return 0;
    }

  g_test_add_func ("/document-ui/first-start", test_first_start);
  g_test_add ("/document-ui/autosave-off", Fixture, NULL,
              fixture_set_up, test_autosave_off, fixture_tear_down);
  g_test_add ("/document-ui/replacing-saves-first", Fixture, NULL,
              fixture_set_up, test_replacing_saves_first, fixture_tear_down);
  g_test_add ("/document-ui/autosave-on-closes", Fixture, NULL,
              fixture_set_up, test_autosave_on_closes, fixture_tear_down);

  status = g_test_run ();

  sem_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_object_unref (app);
  return status;
}

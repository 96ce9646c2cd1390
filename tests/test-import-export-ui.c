/* test-import-export-ui.c — the window imports and exports calendars, with a report dialog
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-import-export-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include <adwaita.h>

#include "sem-application.h"
#include "sem-city.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-event.h"
#include "sem-export-dialog.h"
#include "sem-ical-import.h"
#include "sem-import-dialog.h"
#include "sem-session.h"
#include "sem-venue.h"
#include "sem-window.h"
#include "sem-test-ui.h"

/* Titles in tests/data/bom.ics */
#define BOM_TITLE "Delegation heads’ dinner"

static SemImportDialog *
find_import_dialog (void)
{
  return (SemImportDialog *) sem_test_find_toplevel (SEM_TYPE_IMPORT_DIALOG);
}

/* Runs the main loop until the import dialog shows its reports. */
static SemImportDialog *
wait_for_report (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  SemImportDialog *dialog = NULL;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      dialog = find_import_dialog ();
      if (dialog != NULL && !sem_import_dialog_get_busy (dialog) &&
          gtk_widget_get_mapped (GTK_WIDGET (dialog)))
        return dialog;
      g_usleep (10 * 1000);
    }
  return NULL;
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static SemApplication *app;

typedef struct
{
  SemPlan     *plan;
  SemDocument *document;
  SemWindow   *window;
  SemEvent    *seminar;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->plan = sem_test_load_demo ();
  f->seminar = sem_test_find_brussels_seminar (f->plan);
  g_assert_nonnull (f->seminar);

  f->document = sem_document_new (f->plan, NULL);
  f->window = sem_test_window_new (app, f->document, 900, 3000, sem_entity_get_id (SEM_ENTITY (f->seminar)));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  sem_test_window_close (f->window);
  g_assert_null (find_import_dialog ());
  g_clear_object (&f->document);
  g_clear_object (&f->plan);
}

static guint
n_sessions (SemPlan *plan)
{
  return g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS));
}

static void
test_import_needs_event (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *path = data_path ("bom.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Without a plan there is no event to import into: it says so, no dialog. */
  sem_window_set_document (f->window, NULL);
  g_assert_null (sem_window_get_selected_event (f->window));
  sem_window_import_file (f->window, file);
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "Choose an event to import", TRUE));
  g_assert_null (find_import_dialog ());
}

static void
test_import_report_undo (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *path = data_path ("bom.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = n_sessions (f->plan);
  SemImportDialog *dialog;

  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), BOM_TITLE, FALSE));
  sem_window_import_file (f->window, file);
  dialog = wait_for_report ();
  g_assert_nonnull (dialog);

  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), "1 created, 0 updated, 0 unchanged, 0 skipped"),
                    ==, 1);
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), BOM_TITLE), ==, 1);
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), "Created"), ==, 1);
  g_assert_cmpuint (n_sessions (f->plan), ==, before + 1);

  /* The new session is among the event's sessions in the window. */
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), BOM_TITLE, TRUE));

  /* The whole import is one step to undo. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), BOM_TITLE, FALSE));
  g_assert_cmpuint (n_sessions (f->plan), ==, before);
  g_assert_null (find_import_dialog ());
}

static void
test_import_malformed (Fixture      *f,
                       gconstpointer data)
{
  g_autofree char *path = data_path ("not-ical.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = n_sessions (f->plan);
  SemImportDialog *dialog;

  sem_window_import_file (f->window, file);
  dialog = wait_for_report ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), "line 1"), ==, 1);
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), "not-ical.ics"), >=, 1);
  g_assert_cmpuint (n_sessions (f->plan), ==, before);
  g_assert_false (sem_history_get_can_undo (sem_plan_get_history (f->plan)));
}

static void
test_import_several (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *bom = data_path ("bom.ics");
  g_autofree char *bad = data_path ("not-ical.ics");
  g_autoptr(GFile) bom_file = g_file_new_for_path (bom);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  guint before = n_sessions (f->plan);
  SemImportDialog *dialog;

  /* One after the other, into one dialog; the bad file spoils only itself. */
  sem_window_import_file (f->window, bad_file);
  sem_window_import_file (f->window, bom_file);
  dialog = wait_for_report ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), "line 1"), ==, 1);
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (dialog), "1 created"), ==, 1);
  g_assert_cmpuint (n_sessions (f->plan), ==, before + 1);
}

static void
test_import_cancel (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *path = data_path ("bom.ics");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = n_sessions (f->plan);
  SemImportDialog *dialog;
  gint64 deadline;

  sem_window_import_file (f->window, file);
  sem_window_import_file (f->window, file);
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (sem_import_dialog_get_busy (dialog));

  /* Closing the dialog while it reads cancels this file and the next. */
  gtk_window_close (GTK_WINDOW (dialog));
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      g_usleep (10 * 1000);
    }
  g_assert_null (find_import_dialog ());
  g_assert_cmpuint (n_sessions (f->plan), ==, before);
}

/* Export Calendar… (Ctrl+E) on the event shown, written to @file as the
 * dialog's file chooser would. */
static void
export_through_dialog (Fixture *f,
                       GFile   *file)
{
  SemExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-calendar", NULL));
  sem_test_gui_iterate ();
  dialog = SEM_EXPORT_DIALOG (sem_test_find_toplevel (SEM_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpint (sem_export_dialog_get_scope (dialog), ==, SEM_SCOPE_EVENT);
  g_assert_cmpstr (sem_export_dialog_get_id (dialog), ==, sem_entity_get_id (SEM_ENTITY (f->seminar)));
  sem_export_dialog_export_to_file (dialog, file);
}

static void
test_export (Fixture      *f,
             gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sem-export-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SemIcalImportOptions) options = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;
  const char *id = sem_entity_get_id (SEM_ENTITY (f->seminar));
  g_autoptr(GPtrArray) sessions = sem_test_event_sessions (f->plan, id);
  guint expected = sessions->len;

  g_assert_no_error (error);
  path = g_build_filename (dir, "brussels.ics", NULL);
  file = g_file_new_for_path (path);

  export_through_dialog (f, file);
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "Calendar saved to", TRUE));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  options = sem_ical_import_options_new_for_event (f->plan, id, &error);
  g_assert_no_error (error);
  parsed = sem_ical_import_parse_file (file, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (sem_ical_import_get_n_events (parsed), ==, expected);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_export_error (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-sem-folder/calendar.ics");

  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *error_dialog = NULL;

  export_through_dialog (f, file);
  /* The dialog says why, and stays for another try. */
  while (error_dialog == NULL && g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      error_dialog = sem_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL, TRUE);
      if (error_dialog == NULL)
        g_usleep (10 * 1000);
    }
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (error_dialog)), ==,
                   "Could Not Export the Calendar");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)),
                            "/nonexistent-sem-folder/calendar.ics"));
  g_assert_nonnull (sem_test_find_toplevel (SEM_TYPE_EXPORT_DIALOG));
  gtk_window_destroy (error_dialog);
  gtk_window_destroy (GTK_WINDOW (sem_test_find_toplevel (SEM_TYPE_EXPORT_DIALOG)));
  sem_test_gui_iterate ();
}

static void
busy_notify_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_dialog_busy (void)
{
  SemImportDialog *dialog = g_object_ref (sem_import_dialog_new (NULL));
  g_autoptr(SemIcalImportOptions) options = sem_ical_import_options_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  guint notified = 0;

  g_signal_connect (dialog, "notify::busy", G_CALLBACK (busy_notify_cb), &notified);
  g_assert_false (sem_import_dialog_get_busy (dialog));
  sem_import_dialog_begin (dialog, "a.ics", options, cancellable);
  g_assert_true (sem_import_dialog_get_busy (dialog));
  sem_import_dialog_begin (dialog, "b.ics", options, cancellable);
  g_assert_cmpuint (notified, ==, 1);
  sem_import_dialog_add_error (dialog, "b.ics", "b.ics: line 1: broken");
  sem_import_dialog_finish (dialog);
  g_assert_false (sem_import_dialog_get_busy (dialog));
  g_assert_cmpuint (notified, ==, 2);
  sem_import_dialog_finish (dialog);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (g_cancellable_is_cancelled (cancellable));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add_func ("/import-export-ui/dialog-busy", test_dialog_busy);
  g_test_add ("/import-export-ui/import-needs-event", Fixture, NULL,
              fixture_set_up, test_import_needs_event, fixture_tear_down);
  g_test_add ("/import-export-ui/import-report-undo", Fixture, NULL,
              fixture_set_up, test_import_report_undo, fixture_tear_down);
  g_test_add ("/import-export-ui/import-malformed", Fixture, NULL,
              fixture_set_up, test_import_malformed, fixture_tear_down);
  g_test_add ("/import-export-ui/import-several", Fixture, NULL,
              fixture_set_up, test_import_several, fixture_tear_down);
  g_test_add ("/import-export-ui/import-cancel", Fixture, NULL,
              fixture_set_up, test_import_cancel, fixture_tear_down);
  g_test_add ("/import-export-ui/export", Fixture, NULL,
              fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/import-export-ui/export-error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

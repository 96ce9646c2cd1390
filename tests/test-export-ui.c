/* test-export-ui.c — the export dialog: what it offers, its preview, the file it writes, a file it cannot write
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-export-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sem-application.h"
#include "sem-document.h"
#include "sem-export-dialog.h"
#include "sem-scope.h"
#include "sem-window.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define DELEGATION_ID "dcc-brussels-2018-sofia"
#define PERSON_ID "p-desislava-ivanova"

static SemApplication *app;
static char *tmp_dir;

/* The demo plan's window. */
typedef SemTestDemoWindow Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  sem_test_demo_window_open (f, app, 0, 0, EVENT_ID);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  sem_test_demo_window_close (f);
}

/* Export dialog */

static guint
scope_count (SemPlan    *plan,
             SemScope    scope,
             const char *id)
{
  g_autoptr(GPtrArray) sessions = sem_scope_sessions (plan, scope, id);
  g_autoptr(GPtrArray) tombstones = sem_scope_tombstones (plan, scope, id, sem_plan_now (plan) - 30 * 24 * 3600);

  g_assert_nonnull (sessions);
  return sessions->len + tombstones->len;
}

static guint
count_vevents (const char *path)
{
  g_autofree char *text = sem_test_read_file (path, NULL);
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    n++;
  return n;
}

static void
exported_cb (SemExportDialog *dialog,
             GFile           *file,
             guint            count,
             guint           *exported)
{
  *exported = count;
}

/* Exports what the dialog shows and checks the file against the preview. */
static void
export_and_check (SemExportDialog *dialog,
                  const char      *name,
                  guint            expected)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkLabel *preview = GTK_LABEL (sem_test_find_named (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "preview-label"));
  g_autofree char *number = g_strdup_printf ("%u ", expected);
  guint exported = G_MAXUINT;
  gint64 deadline;

  g_assert_cmpuint (sem_export_dialog_get_count (dialog), ==, expected);
  g_assert_nonnull (preview);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (preview), number));

  /* The dialog closes once it has written the file. */
  g_object_ref (dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  sem_export_dialog_export_to_file (dialog, file);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (exported == G_MAXUINT && g_get_monotonic_time () < deadline)
    sem_test_run_for (10);
  g_signal_handlers_disconnect_by_func (dialog, exported_cb, &exported);
  g_object_unref (dialog);

  g_assert_cmpuint (exported, ==, expected);
  g_assert_cmpuint (count_vevents (path), ==, expected);
  g_unlink (path);
}

static SemExportDialog *
open_export_dialog (Fixture *f)
{
  SemExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-calendar", NULL));
  dialog = SEM_EXPORT_DIALOG (sem_test_wait_for_window (SEM_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_export_event (Fixture      *f,
                   gconstpointer data)
{
  SemExportDialog *dialog = open_export_dialog (f);
  g_autofree char *name = NULL;
  guint count = scope_count (f->plan, SEM_SCOPE_EVENT, EVENT_ID);

  /* The shown event, at first. */
  g_assert_cmpint (sem_export_dialog_get_scope (dialog), ==, SEM_SCOPE_EVENT);
  g_assert_cmpstr (sem_export_dialog_get_id (dialog), ==, EVENT_ID);
  name = sem_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, EVENT_ID ".ics");
  g_assert_cmpuint (count, >, 0);

  /* The preview follows edits. */
  sem_plan_remove (f->plan, SEM_ENTITY (g_ptr_array_index (sem_scope_sessions (f->plan, SEM_SCOPE_EVENT, EVENT_ID), 0)));
  g_assert_cmpuint (sem_export_dialog_get_count (dialog), ==, scope_count (f->plan, SEM_SCOPE_EVENT, EVENT_ID));
  sem_plan_undo (f->plan);
  g_assert_cmpuint (sem_export_dialog_get_count (dialog), ==, count);

  export_and_check (dialog, "event.ics", count);
  sem_test_gui_iterate ();
  /* Done: the dialog closed, the window says where. */
  g_assert_null (sem_test_find_window (SEM_TYPE_EXPORT_DIALOG, NULL, TRUE));
}

static void
test_export_delegation_person (Fixture      *f,
                               gconstpointer data)
{
  SemExportDialog *dialog = open_export_dialog (f);
  AdwComboRow *kind_row = ADW_COMBO_ROW (sem_test_find_named (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind-row"));
  GtkDropDown *items = GTK_DROP_DOWN (sem_test_find_named (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, "item-dropdown"));
  AdwComboRow *language_row = ADW_COMBO_ROW (sem_test_find_named (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "language-row"));
  GListModel *labels;
  guint sofia = GTK_INVALID_LIST_POSITION;
  guint n_sofia = 0;

  g_assert_nonnull (kind_row);
  g_assert_nonnull (items);
  g_assert_nonnull (language_row);

  /* A delegation, chosen as a person would: the kind, then Sofia's. */
  adw_combo_row_set_selected (kind_row, 1);
  g_assert_cmpint (sem_export_dialog_get_scope (dialog), ==, SEM_SCOPE_DELEGATION);
  labels = gtk_drop_down_get_model (items);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "Sofia — "))
      {
        /* The shown event's own delegations come first. */
        if (sofia == GTK_INVALID_LIST_POSITION)
          sofia = i;
        n_sofia++;
      }
  g_assert_cmpuint (sofia, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (items, sofia);
  g_assert_cmpstr (sem_export_dialog_get_id (dialog), ==, DELEGATION_ID);
  {
    g_autofree char *name = sem_export_dialog_suggest_name (dialog);

    g_assert_cmpstr (name, ==, DELEGATION_ID ".ics");
  }

  /* Languages: Bulgarian and English chosen, whatever the default. */
  adw_combo_row_set_selected (language_row, 1);
  g_assert_cmpstr (sem_export_dialog_get_language (dialog), ==, "bg");
  adw_combo_row_set_selected (language_row, 2);
  g_assert_cmpstr (sem_export_dialog_get_language (dialog), ==, "en");
  adw_combo_row_set_selected (language_row, 0);

  /* The Sofia delegation's calendar holds what sem-scope says it does. */
  g_assert_cmpuint (scope_count (f->plan, SEM_SCOPE_DELEGATION, DELEGATION_ID), >, 0);
  g_assert_cmpuint (sem_export_dialog_get_count (dialog), ==,
                    scope_count (f->plan, SEM_SCOPE_DELEGATION, DELEGATION_ID));

  /* A person: searchable, in their own language. */
  adw_combo_row_set_selected (kind_row, 2);
  g_assert_true (gtk_drop_down_get_enable_search (items));
  g_assert_true (sem_export_dialog_select (dialog, SEM_SCOPE_PERSON, PERSON_ID));
  g_assert_cmpstr (sem_export_dialog_get_id (dialog), ==, PERSON_ID);
  g_assert_cmpuint (sem_export_dialog_get_count (dialog), ==,
                    scope_count (f->plan, SEM_SCOPE_PERSON, PERSON_ID));

  /* Back to the delegation, and export it. */
  g_assert_true (sem_export_dialog_select (dialog, SEM_SCOPE_DELEGATION, DELEGATION_ID));
  export_and_check (dialog, "delegation.ics", scope_count (f->plan, SEM_SCOPE_DELEGATION, DELEGATION_ID));
}

static void
test_export_person (Fixture      *f,
                    gconstpointer data)
{
  SemExportDialog *dialog = open_export_dialog (f);
  guint count = scope_count (f->plan, SEM_SCOPE_PERSON, PERSON_ID);

  g_assert_true (sem_export_dialog_select (dialog, SEM_SCOPE_PERSON, PERSON_ID));
  g_assert_cmpuint (count, >, 0);
  export_and_check (dialog, "person.ics", count);
}

/* A file that cannot be written: an error dialog says what and where, and
 * the export dialog stays. */
static void
test_export_error (Fixture      *f,
                   gconstpointer data)
{
  SemExportDialog *dialog = open_export_dialog (f);
  g_autofree char *path = g_build_filename (tmp_dir, "no-such-folder", "x.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *error_dialog;

  sem_export_dialog_export_to_file (dialog, file);
  error_dialog = ADW_MESSAGE_DIALOG (sem_test_wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "Could Not Export the Calendar");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog), path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (error_dialog, "close");
  sem_test_gui_iterate ();
  g_assert_true (sem_test_find_window (SEM_TYPE_EXPORT_DIALOG, NULL, TRUE) == GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
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

  tmp_dir = g_dir_make_tmp ("test-export-ui-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add ("/export-ui/event", Fixture, NULL,
              fixture_set_up, test_export_event, fixture_tear_down);
  g_test_add ("/export-ui/delegation-person", Fixture, NULL,
              fixture_set_up, test_export_delegation_person, fixture_tear_down);
  g_test_add ("/export-ui/person", Fixture, NULL,
              fixture_set_up, test_export_person, fixture_tear_down);
  g_test_add ("/export-ui/error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);

  status = g_test_run ();

  sem_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_object_unref (app);
  return status;
}

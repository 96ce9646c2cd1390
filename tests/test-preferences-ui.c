/* test-preferences-ui.c — preferences change the settings, autosave off, the export dialog
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-preferences-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sem-application.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-export-dialog.h"
#include "sem-preferences-window.h"
#include "sem-scope.h"
#include "sem-session.h"
#include "sem-window.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define DELEGATION_ID "dcc-brussels-2018-sofia"
#define PERSON_ID "p-desislava-ivanova"

static SemApplication *app;
static char *tmp_dir;

/* The first widget under @widget named @name (gtk_widget_set_name), or of @type. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (widget, type)) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWindow *window;

      sem_test_gui_iterate ();
      if ((window = sem_test_find_window (type, NULL, TRUE)) != NULL)
        return window;
      g_usleep (10 * 1000);
    }
  return NULL;
}

static GSettings *
app_settings (void)
{
  GSettings *settings = sem_application_get_settings (app);

  g_assert_nonnull (settings);
  return settings;
}

static void
reset_settings (void)
{
  g_settings_reset (app_settings (), "default-timezone");
  g_settings_reset (app_settings (), "travel-buffer");
  g_settings_reset (app_settings (), "autosave");
}

/* Preferences */

static void
test_preferences (void)
{
  GSettings *settings = app_settings ();
  SemPreferencesWindow *preferences;
  AdwComboRow *timezone_row;
  GtkSpinButton *spin;
  GtkSwitch *toggle;
  GListModel *zones;
  guint brussels = GTK_INVALID_LIST_POSITION;

  reset_settings ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = SEM_PREFERENCES_WINDOW (wait_for_toplevel (SEM_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_true (sem_preferences_window_get_settings (preferences) == settings);

  timezone_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, NULL));
  spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON, NULL));
  toggle = GTK_SWITCH (find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH, NULL));
  g_assert_nonnull (timezone_row);
  g_assert_nonnull (spin);
  g_assert_nonnull (toggle);

  /* The defaults are shown. */
  zones = adw_combo_row_get_model (timezone_row);
  g_assert_cmpuint (g_list_model_get_n_items (zones), >, 300);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones),
                                               adw_combo_row_get_selected (timezone_row)),
                   ==, "Europe/Sofia");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);
  g_assert_true (gtk_switch_get_active (toggle));

  /* Changing the widgets changes the settings. */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (zones), i), "Europe/Brussels") == 0)
      brussels = i;
  g_assert_cmpuint (brussels, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (timezone_row, brussels);
  gtk_spin_button_set_value (spin, 45);
  gtk_widget_activate (GTK_WIDGET (toggle));
  {
    /* The switch moves with an animation, then changes state. */
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (gtk_switch_get_active (toggle) && g_get_monotonic_time () < deadline)
      sem_test_run_for (10);
  }

  {
    g_autofree char *zone = g_settings_get_string (settings, "default-timezone");

    g_assert_cmpstr (zone, ==, "Europe/Brussels");
  }
  g_assert_cmpint (g_settings_get_int (settings, "travel-buffer"), ==, 45);
  g_assert_false (g_settings_get_boolean (settings, "autosave"));

  /* And the other way round. */
  g_settings_set_int (settings, "travel-buffer", 10);
  g_settings_set_boolean (settings, "autosave", TRUE);
  g_settings_set_string (settings, "default-timezone", "Asia/Tokyo");
  sem_test_gui_iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (zones),
                                               adw_combo_row_get_selected (timezone_row)),
                   ==, "Asia/Tokyo");

  gtk_window_close (GTK_WINDOW (preferences));
  sem_test_gui_iterate ();
  g_assert_null (sem_test_find_window (SEM_TYPE_PREFERENCES_WINDOW, NULL, TRUE));
  reset_settings ();
}

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
  g_settings_reset (app_settings (), "last-plan");

  shown = activate_and_wait ();
  g_assert_true (g_file_equal (shown, default_plan));
  plan = sem_test_load_path (g_file_peek_path (default_plan));
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS)), >, 0);

  /* The plan open last, if it is still there. */
  g_assert_true (g_file_copy (default_plan, last, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_settings_set_string (app_settings (), "last-plan", last_path);
  g_clear_object (&shown);
  shown = activate_and_wait ();
  g_assert_cmpstr (g_file_peek_path (shown), ==, last_path);

  /* Gone: the default plan again. */
  g_assert_true (g_unlink (last_path) == 0);
  g_settings_set_string (app_settings (), "last-plan", last_path);
  g_clear_object (&shown);
  shown = activate_and_wait ();
  g_assert_true (g_file_equal (shown, default_plan));
  g_settings_reset (app_settings (), "last-plan");
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

  reset_settings ();
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
  reset_settings ();
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
  g_settings_set_boolean (app_settings (), "autosave", FALSE);
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
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
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
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
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
  GtkLabel *preview = GTK_LABEL (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "preview-label"));
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
  dialog = SEM_EXPORT_DIALOG (wait_for_toplevel (SEM_TYPE_EXPORT_DIALOG));
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
  AdwComboRow *kind_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind-row"));
  GtkDropDown *items = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, "item-dropdown"));
  AdwComboRow *language_row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "language-row"));
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
  error_dialog = ADW_MESSAGE_DIALOG (wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (error_dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "Could Not Export the Calendar");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog), path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (error_dialog, "close");
  sem_test_gui_iterate ();
  g_assert_true (sem_test_find_window (SEM_TYPE_EXPORT_DIALOG, NULL, TRUE) == GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
}

/* Files */

static void
test_desktop_mime (void)
{
  g_autofree char *desktop = g_test_build_filename (G_TEST_DIST, "..", "org.sofia.Seminars.desktop", NULL);
  g_autofree char *mime = g_test_build_filename (G_TEST_DIST, "..", "data", "org.sofia.Seminars.mime.xml.in", NULL);
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;
  g_autofree char *xml = NULL;

  g_assert_true (g_key_file_load_from_file (keys, desktop, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  types = g_key_file_get_string_list (keys, "Desktop Entry", "MimeType", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_contains ((const char * const *) types, "text/calendar"));
  g_assert_true (g_strv_contains ((const char * const *) types, "application/x-sofia-seminars-plan"));

  /* The type the desktop file claims is the one the MIME file defines. */
  xml = sem_test_read_file (mime, NULL);
  g_assert_nonnull (strstr (xml, "type=\"application/x-sofia-seminars-plan\""));
  g_assert_nonnull (strstr (xml, "org.sofia.Seminars.plan"));
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
  tmp_dir = g_dir_make_tmp ("test-preferences-ui-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  app = sem_test_gui_init ();
  if (app == NULL)
    {
      sem_test_remove_tree (tmp_dir);
      return 0;
    }

  g_test_add_func ("/preferences-ui/desktop-mime", test_desktop_mime);
  g_test_add_func ("/preferences-ui/preferences", test_preferences);
  g_test_add_func ("/preferences-ui/first-start", test_first_start);
  g_test_add ("/preferences-ui/autosave-off", Fixture, NULL,
              fixture_set_up, test_autosave_off, fixture_tear_down);
  g_test_add ("/preferences-ui/replacing-saves-first", Fixture, NULL,
              fixture_set_up, test_replacing_saves_first, fixture_tear_down);
  g_test_add ("/preferences-ui/autosave-on-closes", Fixture, NULL,
              fixture_set_up, test_autosave_on_closes, fixture_tear_down);
  g_test_add ("/preferences-ui/export-event", Fixture, NULL,
              fixture_set_up, test_export_event, fixture_tear_down);
  g_test_add ("/preferences-ui/export-delegation-person", Fixture, NULL,
              fixture_set_up, test_export_delegation_person, fixture_tear_down);
  g_test_add ("/preferences-ui/export-person", Fixture, NULL,
              fixture_set_up, test_export_person, fixture_tear_down);
  g_test_add ("/preferences-ui/export-error", Fixture, NULL,
              fixture_set_up, test_export_error, fixture_tear_down);

  status = g_test_run ();

  sem_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_object_unref (app);
  return status;
}

/* test-window.c — SemWindow shows an event's sessions, undoes edits, reports save errors
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "sem-application.h"
#include "sem-city.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-event.h"
#include "sem-session.h"
#include "sem-sessions-page.h"
#include "sem-venue.h"
#include "sem-window.h"
#include "sem-test-ui.h"

static SemSession *
find_session (SemPlan        *plan,
              const char     *event_id,
              SemSessionKind  kind)
{
  GListModel *sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (sem_session_get_event (session), event_id) == 0 &&
          sem_session_get_kind (session) == kind)
        return session;
    }
  return NULL;
}

/* One application for all tests: it stays exported on the session bus. */
static SemApplication *app;

typedef struct
{
  SemPlan        *plan;
  SemDocument    *document;
  SemWindow      *window;
  SemEvent       *seminar;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GFile) file = data != NULL ? g_file_new_for_path (data) : NULL;

  f->plan = sem_test_load_demo ();
  f->seminar = sem_test_find_brussels_seminar (f->plan);
  g_assert_nonnull (f->seminar);

  f->document = sem_document_new (f->plan, file);
  /* Tall enough for all of a seminar's sessions. */
  f->window = sem_test_window_new (app, f->document, 900, 3000,
                                   sem_entity_get_id (SEM_ENTITY (f->seminar)));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  sem_test_window_close (f->window);
  g_clear_object (&f->document);
  g_clear_object (&f->plan);
}

static void
test_seminar_sessions_shown (Fixture      *f,
                             gconstpointer data)
{
  const char *id = sem_entity_get_id (SEM_ENTITY (f->seminar));
  SemSession *opening = find_session (f->plan, id, SEM_SESSION_KIND_OPENING);
  SemSession *special = find_session (f->plan, id, SEM_SESSION_KIND_SPECIAL);

  g_assert_nonnull (opening);
  g_assert_nonnull (special);
  g_assert_cmpstr (sem_window_get_selected_event (f->window), ==, id);
  g_assert_cmpuint (sem_test_event_sessions (f->plan, id)->len, >=, 2);

  /* The opening is on the timetable's first day; the Sessions page lists all. */
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), sem_session_get_title (opening, "en"), TRUE));
  sem_window_show_page (f->window, "sessions");
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), sem_session_get_title (special, "en"), TRUE));
}

static void
test_undo_redo (Fixture      *f,
                gconstpointer data)
{
  SemSession *opening = find_session (f->plan, sem_entity_get_id (SEM_ENTITY (f->seminar)),
                                      SEM_SESSION_KIND_OPENING);
  g_autofree char *title = g_strdup (sem_session_get_title (opening, "en"));
  GtkWidget *undo;

  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), title, TRUE));
  undo = sem_test_find_action_button (GTK_WIDGET (f->window), "win.undo", TRUE);
  g_assert_nonnull (undo);
  g_assert_false (gtk_widget_get_sensitive (undo));

  sem_plan_set (f->plan, SEM_ENTITY (opening), "title-en", "A renamed opening", NULL);
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "A renamed opening", TRUE));
  g_assert_true (gtk_widget_get_sensitive (undo));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "A renamed opening", FALSE));
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (f->window), title), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (undo));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "A renamed opening", TRUE));
  g_assert_true (gtk_widget_get_sensitive (undo));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  return (AdwMessageDialog *) sem_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
message_dialog_shown (gconstpointer data)
{
  return sem_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_save_error_toast (Fixture      *f,
                       gconstpointer data)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) sessions = sem_test_event_sessions (f->plan, sem_window_get_selected_event (f->window));
  SemSession *first = g_ptr_array_index (sessions, 0);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_autoptr(GFile) other = NULL;

  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), sem_session_get_title (first, "en"), TRUE));
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (f->window), "Could not save"), ==, 0);
  sem_document_set_autosave_delay (f->document, 20);
  sem_plan_set (f->plan, SEM_ENTITY (first), "title-en", "Renamed to fail", NULL);
  while (sem_document_get_save_error (f->document) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (sem_document_get_save_error (f->document));

  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "Could not save the plan: ", TRUE));
  g_assert_cmpuint (sem_test_count_shown (GTK_WIDGET (f->window), "Could not save the plan: "), ==, 1);

  /* Closing tries the save again in the background, the window hidden; as
   * that fails too, the window comes back and asks, the edit kept. */
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (sem_test_wait_until (message_dialog_shown, NULL, 10));
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save the Changes Elsewhere?");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (sem_session_get_title (first, "en"), ==, "Renamed to fail");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Nor does a new plan take its place: the save fails (here with another
   * message, so a toast of its own) and the plan stays, edit and all. */
  other = g_file_new_for_path ("/nonexistent-sem-folder/elsewhere.json");
  sem_document_set_file (f->document, other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-plan", NULL));
  g_assert_true (sem_test_wait_for_text (GTK_WIDGET (f->window), "elsewhere.json", TRUE));
  g_assert_true (sem_window_get_document (f->window) == f->document);
  g_assert_true (sem_document_get_modified (f->document));
  g_assert_cmpstr (sem_session_get_title (first, "en"), ==, "Renamed to fail");
}

/* A plan with no file yet (as a new plan is) is not saved by itself: the
 * title marks its changes, and Quit asks about them instead of ending the
 * application. */
static void
test_unsaved_mark_and_quit (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr(GPtrArray) sessions = sem_test_event_sessions (f->plan, sem_window_get_selected_event (f->window));
  g_autofree char *clean = g_strdup (gtk_window_get_title (GTK_WINDOW (f->window)));
  const char *title;
  AdwMessageDialog *dialog;

  g_assert_null (sem_document_get_file (f->document));
  g_assert_true (sem_document_get_autosave (f->document));
  g_assert_false (g_str_has_prefix (clean, "• "));
  sem_plan_set (f->plan, g_ptr_array_index (sessions, 0), "title-en", "Renamed, not saved", NULL);
  g_assert_true (sem_document_get_modified (f->document));
  title = gtk_window_get_title (GTK_WINDOW (f->window));
  g_assert_true (g_str_has_prefix (title, "• "));
  g_assert_cmpstr (title + strlen ("• "), ==, clean);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save the New Plan?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  adw_message_dialog_response (dialog, "cancel");
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (sem_document_get_modified (f->document));
  g_assert_cmpstr (sem_session_get_title (g_ptr_array_index (sessions, 0), "en"), ==, "Renamed, not saved");
}

/* Mapped, and no wider than 360 px. */
static gboolean
window_is_narrow (gconstpointer data)
{
  GtkWidget *window = GTK_WIDGET (data);

  return gtk_widget_get_mapped (window) && gtk_widget_get_width (window) <= 360;
}

/* Each line of @label after the first starts where a word does. */
static void
assert_whole_words (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  while (pango_layout_iter_next_line (iter))
    {
      int start = pango_layout_iter_get_index (iter);

      if (start > 0 && text[start - 1] != ' ')
        g_error ("“%s” breaks mid-word at byte %d", text, start);
    }
  pango_layout_iter_free (iter);
}

/* Down to 360 px wide (a phone): the sidebar folds away and every page fits,
 * whatever the window controls are. */
static void
test_narrow (Fixture      *f,
             gconstpointer data)
{
  static const char * const pages[] = {
    "timetable", "sessions", "delegations", "people", "rooms", "conflicts", "feeds",
  };
  SemWindow *window = sem_window_new (app);
  g_autoptr(GPtrArray) titles = NULL;
  AdwLeaflet *leaflet;
  GtkWindow *editor;

  sem_window_set_document (window, f->document);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  sem_window_select_event (window, sem_entity_get_id (SEM_ENTITY (f->seminar)));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      int min_width;

      sem_window_show_page (window, pages[i]);
      do
        sem_test_gui_iterate ();
      while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) ||
              gtk_widget_get_width (GTK_WIDGET (window)) != 360) &&
             g_get_monotonic_time () < deadline);

      /* The content: the window's own measure adds its shadow. */
      gtk_widget_measure (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                          GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_test_message ("%s: %d px wide, at least %d", pages[i],
                      gtk_widget_get_width (GTK_WIDGET (window)), min_width);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
      g_assert_cmpint (min_width, <=, 360);
    }

  leaflet = ADW_LEAFLET (sem_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* The event's editor as narrow: no row's title breaks mid-word. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-event", NULL));
  editor = sem_test_find_window (GTK_TYPE_WINDOW, "Edit Event", TRUE);
  g_assert_nonnull (editor);
  gtk_window_set_default_size (editor, 360, 640);
  g_assert_true (sem_test_wait_until (window_is_narrow, editor, 5));
  titles = g_ptr_array_new ();
  sem_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_LABEL, "title", NULL, titles);
  g_assert_cmpuint (titles->len, >, 5);
  for (guint i = 0; i < titles->len; i++)
    assert_whole_words (titles->pdata[i]);
  gtk_window_destroy (editor);
  gtk_window_destroy (GTK_WINDOW (window));
  sem_test_gui_iterate ();
}

/* Every page shows the event chosen in the sidebar, and follows a change. */
static void
test_pages_follow_event (Fixture      *f,
                         gconstpointer data)
{
  GListModel *events = sem_plan_get_collection (f->plan, SEM_COLLECTION_EVENTS);
  SemSessionsPage *page;
  guint n_checked = 0;

  /* Built when first shown. */
  g_assert_null (sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_SESSIONS_PAGE, NULL));
  sem_window_show_page (f->window, "sessions");
  page = SEM_SESSIONS_PAGE (sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_SESSIONS_PAGE, NULL));
  g_assert_nonnull (page);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SemEvent) event = g_list_model_get_item (events, i);
      const char *id = sem_entity_get_id (SEM_ENTITY (event));
      g_autoptr(GPtrArray) sessions = sem_test_event_sessions (f->plan, id);

      sem_window_select_event (f->window, id);
      sem_test_gui_iterate ();
      g_assert_true (sem_event_page_get_event (SEM_EVENT_PAGE (page)) == event);
      g_assert_cmpuint (sem_sessions_page_get_n_shown (page), ==, sessions->len);
      n_checked += sessions->len > 0;
    }
  g_assert_cmpuint (n_checked, >=, 2);
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

  g_test_add ("/window/seminar-sessions-shown", Fixture, NULL,
              fixture_set_up, test_seminar_sessions_shown, fixture_tear_down);
  g_test_add ("/window/undo-redo", Fixture, NULL,
              fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/window/save-error-toast", Fixture, "/nonexistent-sem-folder/plan.json",
              fixture_set_up, test_save_error_toast, fixture_tear_down);
  g_test_add ("/window/unsaved-mark-and-quit", Fixture, NULL,
              fixture_set_up, test_unsaved_mark_and_quit, fixture_tear_down);
  g_test_add ("/window/narrow", Fixture, NULL,
              fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/window/pages-follow-event", Fixture, NULL,
              fixture_set_up, test_pages_follow_event, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

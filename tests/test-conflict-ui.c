/* test-conflict-ui.c — the window counts, lists and marks the shown event's conflicts
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-conflict-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-application.h"
#include "sem-conflict-list.h"
#include "sem-conflicts-page.h"
#include "sem-sessions-page.h"
#include "sem-timetable.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-window.h"
#include "sem-test-util.h"

#define EVENT_ID "dcc-brussels-2018"
/* Two workshops at the same time in two rooms: one moves into the other's. */
#define SESSION_A_ID "dcc-brussels-2018-maturity-a"
#define SESSION_B_ID "dcc-brussels-2018-maturity-b"

static SemApplication *app;

typedef struct
{
  SemPlan     *plan;
  SemDocument *document;
  SemWindow   *window;
} Fixture;

/* The texts of the labels under @widget with @css_class. */
static void
collect_texts (GtkWidget  *widget,
               const char *css_class,
               GPtrArray  *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, css_class, texts);
}

/* The timetable block of @session_id, once the window shows it. */
static GtkWidget *
wait_for_block (Fixture    *f,
                const char *session_id)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWidget *timetable = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_TIMETABLE, NULL);
      GtkWidget *block;

      sem_test_gui_iterate ();
      if (timetable != NULL)
        {
          g_autofree char *day = sem_timetable_dup_session_day (SEM_TIMETABLE (timetable), session_id);

          if (day != NULL && g_strcmp0 (day, sem_timetable_get_day (SEM_TIMETABLE (timetable))) != 0)
            sem_timetable_set_day (SEM_TIMETABLE (timetable), day);
        }
      block = timetable != NULL ? sem_timetable_get_block (SEM_TIMETABLE (timetable), session_id) : NULL;
      if (block != NULL)
        return block;
      g_usleep (10 * 1000);
    }
  g_test_message ("gave up waiting for the block of %s", session_id);
  return NULL;
}

static const char *
count_text (Fixture *f)
{
  GtkWidget *label = sem_test_find_widget (GTK_WIDGET (f->window), GTK_TYPE_LABEL, "sem-conflict-count");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* Runs the main loop until the count shown differs from @old (or equals it),
 * for up to ten seconds. */
static gboolean
wait_for_count (Fixture    *f,
                const char *old,
                gboolean    differ)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if ((g_strcmp0 (count_text (f), old) != 0) == differ)
        return TRUE;
      g_usleep (10 * 1000);
    }
  g_test_message ("gave up waiting for the count “%s” to %s", old, differ ? "change" : "return");
  return FALSE;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->plan = sem_demo_load (&error);
  g_assert_no_error (error);

  f->document = sem_document_new (f->plan, NULL);
  f->window = sem_window_new (app);
  /* Tall enough for all of the seminar's sessions. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 3000);
  sem_window_set_document (f->window, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  sem_window_select_event (f->window, EVENT_ID);
  g_assert_cmpstr (sem_window_get_selected_event (f->window), ==, EVENT_ID);
  sem_test_gui_iterate ();
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  sem_test_gui_iterate ();
  g_clear_object (&f->document);
  g_clear_object (&f->plan);
}

static void
test_room_clash_shown (Fixture      *f,
                       gconstpointer data)
{
  SemConflictList *list;
  SemSession *a = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, SESSION_A_ID));
  SemSession *b = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, SESSION_B_ID));
  SemRoom *room;
  g_autofree char *original = NULL;
  g_autoptr(GPtrArray) explanations = g_ptr_array_new_with_free_func (g_free);
  const char *room_name;
  GtkWidget *card;
  gboolean found = FALSE;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  room = SEM_ROOM (sem_plan_lookup (f->plan, SEM_COLLECTION_ROOMS, sem_session_get_room (a)));
  g_assert_nonnull (room);
  room_name = sem_room_get_name (room, "en");

  list = SEM_CONFLICT_LIST (sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICT_LIST, NULL));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  original = g_strdup (count_text (f));
  g_assert_cmpuint (g_ascii_strtoull (original, NULL, 10), ==,
                    sem_conflict_list_get_n_problems (list));

  /* Nothing is marked as clashing before. */
  card = wait_for_block (f, SESSION_B_ID);
  g_assert_nonnull (card);
  g_assert_false (gtk_widget_has_css_class (card, "error"));

  /* B moves onto A's time and room. */
  sem_plan_set (f->plan, SEM_ENTITY (b),
                "start", sem_session_get_start (a),
                "end", sem_session_get_end (a),
                "room", sem_session_get_room (a),
                NULL);
  g_assert_true (wait_for_count (f, original, TRUE));
  g_assert_cmpuint (sem_conflict_list_get_n_problems (list), >, 0);

  sem_conflict_list_popup (list);
  sem_test_gui_iterate ();
  collect_texts (GTK_WIDGET (list), "sem-conflict-explanation", explanations);
  for (guint i = 0; i < explanations->len; i++)
    {
      g_test_message ("conflict: %s", (const char *) explanations->pdata[i]);
      found |= strstr (explanations->pdata[i], room_name) != NULL;
    }
  g_assert_true (found);
  sem_conflict_list_popdown (list);

  card = wait_for_block (f, SESSION_B_ID);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "error"));
  card = wait_for_block (f, SESSION_A_ID);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "error"));

  /* Following the clash from the Conflicts page selects both sessions. */
  {
    GtkWidget *page = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICTS_PAGE, NULL);
    GtkWidget *sessions_page = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_SESSIONS_PAGE, NULL);
    GtkWidget *column_view;
    GtkSelectionModel *selection;
    g_autoptr(GtkBitset) selected = NULL;
    GtkListBoxRow *row = NULL;

    g_assert_nonnull (page);
    g_assert_nonnull (sessions_page);
    sem_window_show_page (f->window, "conflicts");
    sem_test_gui_iterate ();
    for (GtkWidget *w = sem_test_find_widget (page, GTK_TYPE_LIST_BOX, NULL), *child = w ? gtk_widget_get_first_child (w) : NULL;
         child != NULL && row == NULL; child = gtk_widget_get_next_sibling (child))
      {
        SemConflict *conflict = g_object_get_data (G_OBJECT (child), "sem-conflict");

        if (conflict != NULL && sem_conflict_involves_session (conflict, SESSION_A_ID) &&
            sem_conflict_involves_session (conflict, SESSION_B_ID))
          row = GTK_LIST_BOX_ROW (child);
      }
    g_assert_nonnull (row);
    g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
    sem_test_gui_iterate ();
    g_assert_cmpstr (sem_window_get_page (f->window), ==, "sessions");
    column_view = sem_test_find_widget (sessions_page, GTK_TYPE_COLUMN_VIEW, NULL);
    g_assert_nonnull (column_view);
    selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
    selected = gtk_selection_model_get_selection (selection);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
    sem_window_show_page (f->window, "timetable");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (wait_for_count (f, original, FALSE));
  g_assert_cmpstr (count_text (f), ==, original);
  card = wait_for_block (f, SESSION_B_ID);
  g_assert_nonnull (card);
  g_assert_false (gtk_widget_has_css_class (card, "error"));
}

static void
test_travel_buffer_setting (Fixture      *f,
                            gconstpointer data)
{
  GSettings *settings = sem_application_get_settings (app);
  SemConflictList *list =
    SEM_CONFLICT_LIST (sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICT_LIST, NULL));

  if (settings == NULL)
    {
      g_test_skip ("no GSettings schema");
      return;
    }

  g_assert_cmpint (sem_conflict_list_get_travel_buffer (list), ==,
                   g_settings_get_int (settings, "travel-buffer"));
  g_settings_set_int (settings, "travel-buffer", 45);
  sem_test_gui_iterate ();
  g_assert_cmpint (sem_conflict_list_get_travel_buffer (list), ==, 45);
  g_settings_reset (settings, "travel-buffer");
  sem_test_gui_iterate ();
  g_assert_cmpint (sem_conflict_list_get_travel_buffer (list), ==, 30);
}

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  GtkWidget *list;

  g_assert_no_error (error);
  list = g_object_ref_sink (sem_conflict_list_new ());
  sem_conflict_list_set_plan (SEM_CONFLICT_LIST (list), plan);
  g_assert_false (gtk_widget_get_visible (list));
  sem_conflict_list_set_event_id (SEM_CONFLICT_LIST (list), EVENT_ID);
  g_assert_true (gtk_widget_get_visible (list));
  g_assert_true (sem_conflict_list_get_plan (SEM_CONFLICT_LIST (list)) == plan);
  g_assert_finalize_object (list);
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

  g_test_add_func ("/conflict-ui/create-destroy", test_create_destroy);
  g_test_add ("/conflict-ui/room-clash-shown", Fixture, NULL,
              fixture_set_up, test_room_clash_shown, fixture_tear_down);
  g_test_add ("/conflict-ui/travel-buffer-setting", Fixture, NULL,
              fixture_set_up, test_travel_buffer_setting, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

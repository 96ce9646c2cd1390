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
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
/* Two workshops at the same time in two rooms: one moves into the other's. */
#define SESSION_A_ID "dcc-brussels-2018-maturity-a"
#define SESSION_B_ID "dcc-brussels-2018-maturity-b"
/* Enough sessions for a plan whose conflicts no list could show at once. */
#define N_BIG_SESSIONS 2000
/* GTK 4.8's list views keep up to 200 rows around the one in sight, and a
 * couple more above and below, whatever the list's length. */
#define MAX_ROW_WIDGETS 210
#define BIG_ROOM_ID "room-brussels-211"

static SemApplication *app;

/* The demo plan's window. */
typedef SemTestDemoWindow Fixture;

/* The conflict rows under @widget that have widgets now, into @rows. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (gtk_widget_has_css_class (widget, "sem-conflict-row") &&
      g_object_get_data (G_OBJECT (widget), "sem-conflict") != NULL)
    {
      g_ptr_array_add (rows, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static guint
count_rows (GtkWidget *widget)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (widget, rows);
  return rows->len;
}

/* Runs the main loop until a list view under @widget shows rows: list views
 * make them when they are laid out. */
static gboolean
wait_for_rows (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if (count_rows (widget) > 0)
        return TRUE;
      g_usleep (10 * 1000);
    }
  g_test_message ("gave up waiting for conflict rows");
  return FALSE;
}

/* The row under @widget of the conflict between @a and @b, or the first
 * warning's when @a is %NULL. */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *a,
          const char *b)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (widget, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      SemConflict *conflict = g_object_get_data (G_OBJECT (rows->pdata[i]), "sem-conflict");

      if (a != NULL
          ? sem_conflict_involves_session (conflict, a) && sem_conflict_involves_session (conflict, b)
          : sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_WARNING)
        return rows->pdata[i];
    }
  return NULL;
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
  /* Tall enough for all of the seminar's sessions. */
  sem_test_demo_window_open (f, app, 900, 3000, EVENT_ID);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  sem_test_demo_window_close (f);
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
  g_assert_true (wait_for_rows (GTK_WIDGET (list)));
  sem_test_collect_texts (GTK_WIDGET (list), "sem-conflict-explanation", SEM_TEST_TEXTS_ALL, explanations);
  for (guint i = 0; i < explanations->len; i++)
    {
      g_test_message ("conflict: %s", (const char *) explanations->pdata[i]);
      found |= strstr (explanations->pdata[i], room_name) != NULL;
    }
  g_assert_true (found);
  g_assert_nonnull (find_row (GTK_WIDGET (list), SESSION_A_ID, SESSION_B_ID));
  sem_conflict_list_popdown (list);

  card = wait_for_block (f, SESSION_B_ID);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "error"));
  card = wait_for_block (f, SESSION_A_ID);
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_has_css_class (card, "error"));

  /* Following the clash from the Conflicts page selects both sessions. */
  {
    GtkWidget *page;
    GtkWidget *sessions_page;
    GtkWidget *column_view;
    GtkWidget *row;
    GtkSelectionModel *selection;
    g_autoptr(GtkBitset) selected = NULL;

    sem_test_show_page (f->window, "conflicts");
    page = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICTS_PAGE, NULL);
    g_assert_nonnull (page);
    g_assert_nonnull (sem_test_find_widget (page, GTK_TYPE_LIST_VIEW, NULL));
    g_assert_true (wait_for_rows (page));
    row = find_row (page, SESSION_A_ID, SESSION_B_ID);
    g_assert_nonnull (row);
    /* As Enter on the row does. */
    g_assert_true (gtk_widget_activate (gtk_widget_get_parent (row)));
    sem_test_gui_iterate ();
    g_assert_cmpstr (sem_window_get_page (f->window), ==, "sessions");
    sessions_page = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_SESSIONS_PAGE, NULL);
    g_assert_nonnull (sessions_page);
    column_view = sem_test_find_widget (sessions_page, GTK_TYPE_COLUMN_VIEW, NULL);
    g_assert_nonnull (column_view);
    selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
    selected = gtk_selection_model_get_selection (selection);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(GObject) table_row = g_list_model_get_item (G_LIST_MODEL (selection),
                                                              gtk_bitset_get_nth (selected, i));
        g_autoptr(SemEntity) session = NULL;
        const char *id;

        /* The table's rows say which session they show. */
        g_object_get (table_row, "session", &session, NULL);
        id = sem_entity_get_id (session);

        g_assert_true (g_str_equal (id, SESSION_A_ID) || g_str_equal (id, SESSION_B_ID));
      }
    sem_test_show_page (f->window, "timetable");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (wait_for_count (f, original, FALSE));
  g_assert_cmpstr (count_text (f), ==, original);
  card = wait_for_block (f, SESSION_B_ID);
  g_assert_nonnull (card);
  g_assert_false (gtk_widget_has_css_class (card, "error"));
}

/* A warning accepted with its row's toggle stops counting; the toggle takes
 * the acceptance back. */
static void
test_accept_warning (Fixture      *f,
                     gconstpointer data)
{
  SemConflictList *list =
    SEM_CONFLICT_LIST (sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICT_LIST, NULL));
  SemSession *a = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, SESSION_A_ID));
  SemEntity *room;
  g_autofree char *crowded = NULL;
  g_autofree char *conflict_id = NULL;
  GtkWidget *row;
  GtkWidget *check;
  SemConflict *conflict;
  guint n_problems;

  g_assert_nonnull (list);
  g_assert_nonnull (a);
  room = sem_plan_lookup (f->plan, SEM_COLLECTION_ROOMS, sem_session_get_room (a));
  g_assert_nonnull (room);

  /* A room for one: its workshop is over capacity, a warning. */
  {
    g_autofree char *original = g_strdup (count_text (f));

    sem_plan_set (f->plan, room, "capacity", 1, NULL);
    g_assert_true (wait_for_count (f, original, TRUE));
  }
  crowded = g_strdup (count_text (f));
  n_problems = sem_conflict_list_get_n_problems (list);
  g_assert_cmpuint (n_problems, >, 0);

  sem_conflict_list_popup (list);
  g_assert_true (wait_for_rows (GTK_WIDGET (list)));
  row = find_row (GTK_WIDGET (list), NULL, NULL);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "conflict-warning"));
  conflict = g_object_get_data (G_OBJECT (row), "sem-conflict");
  conflict_id = g_strdup (sem_conflict_get_id (conflict));
  g_assert_false (sem_plan_get_conflict_accepted (f->plan, conflict_id));
  check = sem_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_visible (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  /* "Accept" alone would not say what: the toggle and the list are named. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (check),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (check),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_true (gtk_test_accessible_has_property (
    GTK_ACCESSIBLE (sem_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW, NULL)),
    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* Clicked, as a person would. */
  g_assert_true (gtk_widget_activate (check));
  g_assert_true (sem_plan_get_conflict_accepted (f->plan, conflict_id));
  g_assert_true (wait_for_count (f, crowded, TRUE));
  g_assert_cmpuint (sem_conflict_list_get_n_problems (list), ==, n_problems - 1);
  /* The list stays open and shows the warning as accepted. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (
    GTK_MENU_BUTTON (sem_test_find_widget (GTK_WIDGET (list), GTK_TYPE_MENU_BUTTON, NULL))))));
  /* The row now shows the accepted warning; its toggle takes it back. */
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *accepted_check = NULL;

    collect_rows (GTK_WIDGET (list), rows);
    for (guint i = 0; i < rows->len; i++)
      {
        SemConflict *c = g_object_get_data (G_OBJECT (rows->pdata[i]), "sem-conflict");

        if (g_str_equal (sem_conflict_get_id (c), conflict_id))
          {
            g_assert_true (sem_conflict_get_accepted (c));
            accepted_check = sem_test_find_widget (rows->pdata[i], GTK_TYPE_CHECK_BUTTON, NULL);
          }
      }
    g_assert_nonnull (accepted_check);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (accepted_check)));
    g_assert_true (gtk_widget_activate (accepted_check));
  }
  g_assert_false (sem_plan_get_conflict_accepted (f->plan, conflict_id));
  g_assert_true (wait_for_count (f, crowded, FALSE));
  g_assert_cmpuint (sem_conflict_list_get_n_problems (list), ==, n_problems);

  /* Each toggle is an edit: Undo accepts the warning again, Redo counts it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (sem_plan_get_conflict_accepted (f->plan, conflict_id));
  g_assert_true (wait_for_count (f, crowded, TRUE));
  g_assert_cmpuint (sem_conflict_list_get_n_problems (list), ==, n_problems - 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_false (sem_plan_get_conflict_accepted (f->plan, conflict_id));
  g_assert_true (wait_for_count (f, crowded, FALSE));
  sem_conflict_list_popdown (list);
}

/* 2 000 sessions in one room, each overlapping the next: the lists hold
 * every conflict but make widgets only for the rows in sight. */
static void
big_fixture_set_up (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = g_date_time_new_from_iso8601 ("2018-02-20T06:00:00Z", NULL);
  gint64 start = g_date_time_to_unix (first);

  f->plan = sem_test_load_demo ();
  for (guint i = 0; i < N_BIG_SESSIONS; i++)
    {
      g_autofree char *id = g_strdup_printf ("big-%04u", i);
      SemSession *session = sem_session_new (id);

      g_object_set (session,
                    "event", EVENT_ID,
                    "room", BIG_ROOM_ID,
                    "title-en", id,
                    "start", start + i * 30,
                    "end", start + i * 30 + 60,
                    NULL);
      g_ptr_array_add (sessions, session);
    }
  sem_plan_add_all (f->plan, sessions);

  f->document = sem_document_new (f->plan, NULL);
  f->window = sem_test_window_new (app, f->document, 900, 700, EVENT_ID);
  sem_test_gui_iterate ();
}

static guint
count_explained (GListModel *conflicts)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(SemConflict) conflict = g_list_model_get_item (conflicts, i);

      n += sem_conflict_is_explained (conflict);
    }
  return n;
}

static void
test_many_conflicts (Fixture      *f,
                     gconstpointer data)
{
  SemConflictList *list =
    SEM_CONFLICT_LIST (sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICT_LIST, NULL));
  GListModel *conflicts;
  GtkWidget *page;
  GtkWidget *list_view;
  guint n_rows;

  g_assert_nonnull (list);
  conflicts = sem_conflict_list_get_conflicts (list);
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), >=, N_BIG_SESSIONS - 1);
  g_assert_cmpuint (sem_conflict_list_get_n_problems (list), >=, N_BIG_SESSIONS - 1);
  /* Nothing is made for a list nobody opened, */
  g_assert_cmpuint (count_rows (GTK_WIDGET (list)), ==, 0);
  /* nor is any sentence written out, even when an edit runs the check again. */
  g_assert_cmpuint (count_explained (conflicts), ==, 0);
  {
    g_autoptr(SemEntity) session = g_list_model_get_item (sem_plan_get_collection (f->plan, SEM_COLLECTION_SESSIONS), 0);

    sem_plan_set (f->plan, session, "title-en", "Renamed", NULL);
    sem_conflict_list_refresh (list);
    g_assert_cmpuint (count_explained (conflicts), ==, 0);
  }

  sem_conflict_list_popup (list);
  g_assert_true (wait_for_rows (GTK_WIDGET (list)));
  list_view = sem_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  g_assert_true (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)) != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))),
                    ==, g_list_model_get_n_items (conflicts));
  n_rows = count_rows (list_view);
  g_test_message ("popover: %u rows for %u conflicts", n_rows, g_list_model_get_n_items (conflicts));
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, <=, MAX_ROW_WIDGETS);
  sem_conflict_list_popdown (list);

  sem_test_show_page (f->window, "conflicts");
  page = sem_test_find_widget (GTK_WIDGET (f->window), SEM_TYPE_CONFLICTS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (wait_for_rows (page));
  n_rows = count_rows (page);
  g_test_message ("page: %u rows for %u conflicts", n_rows, g_list_model_get_n_items (conflicts));
  g_assert_cmpuint (n_rows, <=, MAX_ROW_WIDGETS);

  /* The last conflict is still there to scroll to. */
  list_view = sem_test_find_widget (page, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (list_view, "list.scroll-to-item", "u",
                                             g_list_model_get_n_items (conflicts) - 1));
  {
    g_autoptr(SemConflict) last = g_list_model_get_item (conflicts, g_list_model_get_n_items (conflicts) - 1);
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    gboolean shown = FALSE;

    while (!shown && g_get_monotonic_time () < deadline)
      {
        g_autoptr(GPtrArray) rows = g_ptr_array_new ();

        sem_test_gui_iterate ();
        collect_rows (page, rows);
        for (guint i = 0; i < rows->len && !shown; i++)
          shown = g_object_get_data (G_OBJECT (rows->pdata[i]), "sem-conflict") == last;
        if (!shown)
          g_usleep (10 * 1000);
      }
    g_assert_true (shown);
  }
  g_assert_cmpuint (count_rows (page), <=, MAX_ROW_WIDGETS);
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

  /* Accessible properties recorded where the tests can read them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add_func ("/conflict-ui/create-destroy", test_create_destroy);
  g_test_add ("/conflict-ui/room-clash-shown", Fixture, NULL,
              fixture_set_up, test_room_clash_shown, fixture_tear_down);
  g_test_add ("/conflict-ui/accept-warning", Fixture, NULL,
              fixture_set_up, test_accept_warning, fixture_tear_down);
  g_test_add ("/conflict-ui/many-conflicts", Fixture, NULL,
              big_fixture_set_up, test_many_conflicts, fixture_tear_down);
  g_test_add ("/conflict-ui/travel-buffer-setting", Fixture, NULL,
              fixture_set_up, test_travel_buffer_setting, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

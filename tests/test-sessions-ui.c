/* test-sessions-ui.c — the Sessions page: rows, search, sorting, selection, edits, deleting
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-sessions-ui"

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "sem-demo.h"
#include "sem-delegation.h"
#include "sem-entity-editor.h"
#include "sem-event.h"
#include "sem-session.h"
#include "sem-sessions-page.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define FIRST_ID "dcc-brussels-2018-registration"
#define MATURITY_A_ID "dcc-brussels-2018-maturity-a"
#define MATURITY_B_ID "dcc-brussels-2018-maturity-b"

/* Under AddressSanitizer everything is a few times slower. */
#if defined(__SANITIZE_ADDRESS__)
#define LARGE_N 20000
#else
#define LARGE_N 100000
#endif

static SemApplication *app;

/* Milliseconds of this thread's processor time: the machine may be busy. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1.0e6;
}

typedef struct
{
  SemPlan         *plan;
  GtkWindow       *window;
  SemSessionsPage *page;
} Fixture;

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* The name of the visible page of the stack that has a page called @name. */
static const char *
visible_page (GtkWidget  *widget,
              const char *name)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL)
    return gtk_stack_get_visible_child_name (GTK_STACK (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = visible_page (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkColumnView *
column_view (Fixture *f)
{
  GtkWidget *view = sem_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW, NULL);

  g_assert_nonnull (view);
  return GTK_COLUMN_VIEW (view);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view,
               const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

/* The session shown at @position of the table. */
static SemSession *
session_at (GtkColumnView *view,
            guint          position)
{
  g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)),
                                                  position);
  SemSession *session = NULL;

  g_assert_nonnull (row);
  g_object_get (row, "session", &session, NULL);
  g_object_unref (session);  /* the plan holds it */
  return session;
}

static guint
n_rows (GtkColumnView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static guint
count_event_sessions (SemPlan    *plan,
                      const char *event_id)
{
  GListModel *sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      count += g_strcmp0 (sem_session_get_event (session), event_id) == 0;
    }
  return count;
}

/* Types @text into the search entry and waits for the table to follow. */
static void
search_for (Fixture    *f,
            const char *text,
            guint       expected)
{
  GtkWidget *entry = sem_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, NULL);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  while (sem_sessions_page_get_n_shown (f->page) != expected &&
         g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      g_usleep (5 * 1000);
    }
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, expected);
  g_assert_cmpuint (n_rows (column_view (f)), ==, expected);
}

/* ---- fixture ------------------------------------------------------------ */

static void
show_page (Fixture *f,
           SemPlan *plan)
{
  f->plan = plan;
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 1000);
  f->page = SEM_SESSIONS_PAGE (sem_sessions_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  sem_event_page_set_plan (SEM_EVENT_PAGE (f->page), f->plan);
  sem_event_page_set_event (SEM_EVENT_PAGE (f->page),
                            SEM_EVENT (sem_plan_lookup (f->plan, SEM_COLLECTION_EVENTS, EVENT_ID)));
  sem_test_gui_iterate ();
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);

  g_assert_no_error (error);
  show_page (f, plan);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  GtkWindow *editor;

  while ((editor = sem_test_find_window (GTK_TYPE_WINDOW, NULL, TRUE)) != NULL && editor != f->window)
    gtk_window_destroy (editor);
  gtk_window_destroy (f->window);
  sem_test_gui_iterate ();
  g_clear_object (&f->plan);
}

/* ---- tests -------------------------------------------------------------- */

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  GtkWidget *page;
  guint notified = 0;

  g_assert_no_error (error);
  page = g_object_ref_sink (sem_sessions_page_new ());
  g_signal_connect (page, "notify::plan", G_CALLBACK (sem_test_count_notify_cb), &notified);
  sem_event_page_set_plan (SEM_EVENT_PAGE (page), plan);
  sem_event_page_set_plan (SEM_EVENT_PAGE (page), plan);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (sem_event_page_get_plan (SEM_EVENT_PAGE (page)) == plan);
  g_assert_cmpstr (visible_page (page, "no-event"), ==, "no-event");
  g_assert_cmpuint (sem_sessions_page_get_n_shown (SEM_SESSIONS_PAGE (page)), ==, 0);

  g_object_set (page, "event", sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, EVENT_ID), NULL);
  g_assert_cmpuint (sem_sessions_page_get_n_shown (SEM_SESSIONS_PAGE (page)), ==,
                    count_event_sessions (plan, EVENT_ID));
  g_assert_cmpstr (visible_page (page, "list"), ==, "list");

  sem_event_page_set_event (SEM_EVENT_PAGE (page), NULL);
  g_assert_cmpuint (sem_sessions_page_get_n_shown (SEM_SESSIONS_PAGE (page)), ==, 0);
  g_assert_cmpstr (visible_page (page, "no-event"), ==, "no-event");
  g_assert_finalize_object (page);
}

static void
test_rows (Fixture      *f,
           gconstpointer data)
{
  GtkColumnView *view = column_view (f);
  guint expected = count_event_sessions (f->plan, EVENT_ID);

  g_assert_cmpuint (expected, >, 10);
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, expected);
  g_assert_cmpuint (n_rows (view), ==, expected);
  g_assert_cmpstr (visible_page (GTK_WIDGET (f->page), "list"), ==, "list");

  /* By time at first; the registration opens the seminar, at 08:30 in Brussels. */
  g_assert_cmpstr (sem_entity_get_id (SEM_ENTITY (session_at (view, 0))), ==, FIRST_ID);
  for (guint i = 1; i < expected; i++)
    g_assert_cmpint (sem_session_get_start (session_at (view, i - 1)), <=,
                     sem_session_get_start (session_at (view, i)));
  g_assert_true (has_label (GTK_WIDGET (view), "Tue 20 Feb  08:30–09:30"));
  g_assert_true (has_label (GTK_WIDGET (view), "Registration and welcome coffee"));
}

static void
test_search (Fixture      *f,
             gconstpointer data)
{
  GtkColumnView *view = column_view (f);
  guint all = count_event_sessions (f->plan, EVENT_ID);
  GtkWidget *bar = sem_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_BAR, NULL);
  GtkWidget *entry = sem_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *focus;

  /* Ctrl+F: the search bar opens with the keyboard in its entry. */
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "sessions.search", NULL));
  sem_test_gui_iterate ();
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  focus = gtk_window_get_focus (f->window);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  /* Titles, in either language and any case. */
  search_for (f, "maturity", 3);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (strstr (sem_session_get_title (session_at (view, i), "en"), "maturity"));
  search_for (f, "ЗРЯЛОСТ", 3);
  /* Every word must match: the kind and the title here. */
  search_for (f, "workshop group", 2);
  g_assert_cmpstr (sem_entity_get_id (SEM_ENTITY (session_at (view, 0))), ==, MATURITY_A_ID);
  g_assert_cmpstr (sem_entity_get_id (SEM_ENTITY (session_at (view, 1))), ==, MATURITY_B_ID);
  /* Rooms and facilitators. */
  search_for (f, "copper", 2);
  search_for (f, "Медна", 2);
  search_for (f, "virtanen", 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (g_strv_contains (sem_session_get_facilitators (session_at (view, i)),
                                    "p-anna-virtanen"));

  search_for (f, "no such session anywhere", 0);
  g_assert_cmpstr (visible_page (GTK_WIDGET (f->page), "list"), ==, "no-match");
  search_for (f, "", all);
  g_assert_cmpstr (visible_page (GTK_WIDGET (f->page), "list"), ==, "list");

  /* The kind filter. */
  {
    GtkWidget *dropdown = sem_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN, NULL);

    g_assert_nonnull (dropdown);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1 + SEM_SESSION_KIND_BREAK);
    g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, 5);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpint (sem_session_get_kind (session_at (view, i)), ==, SEM_SESSION_KIND_BREAK);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
    g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, all);
  }
}

static guint
attendance_of (SemPlan    *plan,
               const char *session_id)
{
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (delegations); i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);
      const char * const *pairs = sem_delegation_get_attendance (delegation);

      if (g_strcmp0 (sem_delegation_get_event (delegation), EVENT_ID) != 0)
        continue;
      for (guint j = 0; pairs != NULL && pairs[j] != NULL; j++)
        count += g_str_has_suffix (pairs[j], session_id) && pairs[j][strlen (pairs[j]) - strlen (session_id) - 1] == ':';
    }
  return count;
}

static void
test_sort (Fixture      *f,
           gconstpointer data)
{
  GtkColumnView *view = column_view (f);
  guint n = n_rows (view);
  guint most;

  gtk_column_view_sort_by_column (view, column_titled (view, "Title"), GTK_SORT_ASCENDING);
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *a = g_utf8_casefold (sem_session_get_title (session_at (view, i - 1), "en"), -1);
      g_autofree char *b = g_utf8_casefold (sem_session_get_title (session_at (view, i), "en"), -1);

      g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
    }
  g_assert_cmpstr (sem_session_get_title (session_at (view, 0), "en"), ==,
                   "Blueprint city Amsterdam: open data and interactive city apps");

  gtk_column_view_sort_by_column (view, column_titled (view, "Attendance"), GTK_SORT_DESCENDING);
  most = attendance_of (f->plan, sem_entity_get_id (SEM_ENTITY (session_at (view, 0))));
  g_assert_cmpuint (most, >, 1);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (attendance_of (f->plan, sem_entity_get_id (SEM_ENTITY (session_at (view, i - 1)))), >=,
                      attendance_of (f->plan, sem_entity_get_id (SEM_ENTITY (session_at (view, i)))));
  {
    g_autofree char *text = g_strdup_printf ("%u", most);

    g_assert_true (has_label (GTK_WIDGET (view), text));
  }

  gtk_column_view_sort_by_column (view, column_titled (view, "Room"), GTK_SORT_ASCENDING);
  g_assert_cmpstr (sem_session_get_room (session_at (view, 0)), ==, "room-brussels-copper");
  g_assert_cmpstr (sem_session_get_room (session_at (view, n - 1)), ==, "room-brussels-silver-hall");

  /* Sorting keeps the selection. */
  {
    const char *ids[] = { FIRST_ID, MATURITY_B_ID, NULL };
    GtkSelectionModel *model = gtk_column_view_get_model (view);
    g_autoptr(GtkBitset) selected = NULL;
    GtkBitsetIter iter;
    guint position;

    sem_sessions_page_select_sessions (f->page, ids);
    gtk_column_view_sort_by_column (view, column_titled (view, "Kind"), GTK_SORT_DESCENDING);
    selected = gtk_selection_model_get_selection (model);
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
    for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
         more = gtk_bitset_iter_next (&iter, &position))
      g_assert_true (g_strv_contains (ids, sem_entity_get_id (SEM_ENTITY (session_at (view, position)))));
  }
}

static void
test_select (Fixture      *f,
             gconstpointer data)
{
  GtkColumnView *view = column_view (f);
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  const char *ids[] = { MATURITY_B_ID, MATURITY_A_ID, NULL };
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  /* Even when the search hides them. */
  search_for (f, "coffee", 4);
  sem_sessions_page_select_sessions (f->page, ids);
  sem_test_gui_iterate ();
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==,
                    count_event_sessions (f->plan, EVENT_ID));

  selected = gtk_selection_model_get_selection (model);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_assert_true (g_strv_contains (ids, sem_entity_get_id (SEM_ENTITY (session_at (view, position)))));

  /* Another call replaces the selection. */
  ids[1] = NULL;
  sem_sessions_page_select_sessions (f->page, ids);
  g_clear_pointer (&selected, gtk_bitset_unref);
  selected = gtk_selection_model_get_selection (model);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
  g_assert_cmpstr (sem_entity_get_id (SEM_ENTITY (session_at (view, gtk_bitset_get_minimum (selected)))),
                   ==, MATURITY_B_ID);
}

static void
test_edit_follows (Fixture      *f,
                   gconstpointer data)
{
  GtkColumnView *view = column_view (f);
  SemSession *first = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, FIRST_ID));
  g_autofree char *old_title = g_strdup (sem_session_get_title (first, "en"));

  g_assert_true (has_label (GTK_WIDGET (view), old_title));
  sem_plan_set (f->plan, SEM_ENTITY (first), "title-en", "Café in Iași", NULL);
  sem_test_gui_iterate ();
  g_assert_true (has_label (GTK_WIDGET (view), "Café in Iași"));
  g_assert_false (has_label (GTK_WIDGET (view), old_title));
  g_assert_true (session_at (view, 0) == first);

  /* Without accents, in capitals. */
  search_for (f, "CAFE IASI", 1);
  g_assert_true (session_at (view, 0) == first);
  search_for (f, "", count_event_sessions (f->plan, EVENT_ID));

  /* Moving it to the evening moves it down the table. */
  sem_plan_set (f->plan, SEM_ENTITY (first),
                "start", sem_session_get_start (first) + 12 * 3600,
                "end", sem_session_get_end (first) + 12 * 3600,
                NULL);
  g_assert_true (session_at (view, 0) != first);

  g_assert_true (sem_plan_undo (f->plan));
  g_assert_true (sem_plan_undo (f->plan));
  sem_test_gui_iterate ();
  g_assert_true (session_at (view, 0) == first);
  g_assert_true (has_label (GTK_WIDGET (view), old_title));
  g_assert_false (has_label (GTK_WIDGET (view), "Café in Iași"));
}

static void
test_delete (Fixture      *f,
             gconstpointer data)
{
  GtkWidget *button = sem_test_find_action_button (GTK_WIDGET (f->page), "sessions.delete", FALSE);
  SemHistory *history = sem_plan_get_history (f->plan);
  guint all = count_event_sessions (f->plan, EVENT_ID);
  const char *one[] = { MATURITY_A_ID, NULL };
  const char *two[] = { MATURITY_A_ID, MATURITY_B_ID, NULL };
  GtkWindow *dialog;

  g_assert_nonnull (button);
  g_assert_false (gtk_widget_is_sensitive (button));

  /* One: no question asked. */
  sem_sessions_page_select_sessions (f->page, one);
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sem_test_gui_iterate ();
  g_assert_null (sem_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL, TRUE));
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_A_ID));
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, all - 1);
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_nonnull (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_A_ID));
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, all);

  /* Two: asked first, and Cancel keeps them. */
  sem_sessions_page_select_sessions (f->page, two);
  g_signal_emit_by_name (button, "clicked");
  sem_test_gui_iterate ();
  dialog = sem_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL, TRUE);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  sem_test_gui_iterate ();
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, all);

  g_signal_emit_by_name (button, "clicked");
  sem_test_gui_iterate ();
  dialog = sem_test_find_window (ADW_TYPE_MESSAGE_DIALOG, NULL, TRUE);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "delete");
  sem_test_gui_iterate ();
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_A_ID));
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_B_ID));
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, all - 2);
  g_assert_cmpstr (sem_history_get_undo_label (history), ==, "Delete Sessions");

  /* One step brings both back. */
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_nonnull (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_A_ID));
  g_assert_nonnull (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_B_ID));
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, all);
  g_assert_cmpuint (n_rows (column_view (f)), ==, all);
}

static void
test_editors (Fixture      *f,
              gconstpointer data)
{
  GtkColumnView *view = column_view (f);
  GtkWidget *add = sem_test_find_action_button (GTK_WIDGET (f->page), "sessions.add", FALSE);
  GtkWindow *editor;

  /* Activating a row edits its session. */
  g_signal_emit_by_name (view, "activate", 0);
  sem_test_gui_iterate ();
  editor = sem_test_find_window (SEM_TYPE_ENTITY_EDITOR, NULL, TRUE);
  g_assert_nonnull (editor);
  g_assert_true (sem_entity_editor_get_entity (SEM_ENTITY_EDITOR (editor)) ==
                 SEM_ENTITY (session_at (view, 0)));
  gtk_window_destroy (editor);
  sem_test_gui_iterate ();

  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  sem_test_gui_iterate ();
  editor = sem_test_find_window (SEM_TYPE_ENTITY_EDITOR, NULL, TRUE);
  g_assert_nonnull (editor);
  gtk_window_destroy (editor);
}

static void
test_empty_event (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr(SemEvent) event = NULL;

  /* An event nobody has planned anything for yet. */
  event = g_object_new (SEM_TYPE_EVENT, "id", "empty-event", "title-en", "Empty",
                        "timezone", "Europe/Sofia", "start-date", "2018-03-01",
                        "end-date", "2018-03-01", NULL);
  sem_plan_add (f->plan, SEM_ENTITY (event));
  sem_event_page_set_event (SEM_EVENT_PAGE (f->page), event);
  g_assert_cmpuint (sem_sessions_page_get_n_shown (f->page), ==, 0);
  g_assert_cmpstr (visible_page (GTK_WIDGET (f->page), "list"), ==, "empty");
  g_assert_true (gtk_widget_is_sensitive (sem_test_find_action_button (GTK_WIDGET (f->page), "sessions.add", FALSE)));
}

/* How many conflict marks of @css_class the table shows. */
static guint
count_marks (GtkWidget  *widget,
             const char *css_class)
{
  guint count = 0;

  if (GTK_IS_IMAGE (widget) && gtk_widget_get_visible (widget) &&
      gtk_widget_has_css_class (widget, css_class))
    count++;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_marks (child, css_class);
  return count;
}

static gboolean
wait_for_marks (Fixture *f,
                guint    expected)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if (count_marks (GTK_WIDGET (column_view (f)), "error") == expected)
        return TRUE;
      g_usleep (10 * 1000);
    }
  return FALSE;
}

static void
test_conflict_marks (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(GtkWidget) list = g_object_ref_sink (sem_conflict_list_new ());
  SemSession *a = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_A_ID));
  SemSession *b = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, MATURITY_B_ID));

  sem_conflict_list_set_plan (SEM_CONFLICT_LIST (list), f->plan);
  sem_conflict_list_set_event_id (SEM_CONFLICT_LIST (list), EVENT_ID);
  sem_sessions_page_set_conflicts (f->page, SEM_CONFLICT_LIST (list));
  g_assert_true (sem_sessions_page_get_conflicts (f->page) == SEM_CONFLICT_LIST (list));
  g_assert_true (wait_for_marks (f, 0));

  /* B moves into A's room: both are marked as errors, and no longer after undo. */
  sem_plan_set (f->plan, SEM_ENTITY (b), "room", sem_session_get_room (a), NULL);
  g_assert_true (wait_for_marks (f, 2));
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_true (wait_for_marks (f, 0));

  sem_sessions_page_set_conflicts (f->page, NULL);
}

/* ---- a large plan --------------------------------------------------------- */

static void
test_large_sort (void)
{
  static const char *words[] = { "Workshop", "plenary", "Ábside", "coffee", "Zoning", "Опера", "énergie", "data" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  Fixture fixture = { NULL, };
  Fixture *f = &fixture;
  GtkColumnView *view;
  SemSession *edited;
  SemPlan *plan;
  gint64 base = 1519113600; /* 2018-02-20T08:00:00Z */
  double t;
  guint n;

  plan = sem_demo_load (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < LARGE_N; i++)
    {
      /* A permutation, so that neither order follows the plan's. */
      guint k = (guint) (((guint64) i * 7919) % LARGE_N);
      g_autofree char *id = g_strdup_printf ("large-%06u", i);
      g_autofree char *title = g_strdup_printf ("%s %06u", words[k % G_N_ELEMENTS (words)], k);

      g_ptr_array_add (sessions, g_object_new (SEM_TYPE_SESSION,
                                               "id", id,
                                               "event", EVENT_ID,
                                               "title-en", title,
                                               "start", base + (gint64) ((k * 37) % LARGE_N) * 60,
                                               "end", base + (gint64) ((k * 37) % LARGE_N) * 60 + 1800,
                                               NULL));
    }
  sem_plan_add_all (plan, sessions);

  t = cpu_ms ();
  show_page (f, plan);
  g_test_message ("%u sessions shown in %.0f ms of CPU", LARGE_N,
                  cpu_ms () - t);
  view = column_view (f);
  n = n_rows (view);
  g_assert_cmpuint (n, >, LARGE_N);
  g_assert_cmpuint (n, ==, count_event_sessions (plan, EVENT_ID));

  t = cpu_ms ();
  gtk_column_view_sort_by_column (view, column_titled (view, "Title"), GTK_SORT_ASCENDING);
  g_test_message ("sorted by title in %.0f ms of CPU", cpu_ms () - t);
  {
    g_autofree char *previous = NULL;

    for (guint i = 0; i < n; i++)
      {
        g_autofree char *folded = g_utf8_casefold (sem_session_get_title (session_at (view, i), "en"), -1);
        g_autofree char *key = g_utf8_collate_key (folded, -1);

        if (previous != NULL)
          g_assert_cmpint (strcmp (previous, key), <=, 0);
        g_free (previous);
        previous = g_steal_pointer (&key);
      }
  }

  t = cpu_ms ();
  gtk_column_view_sort_by_column (view, column_titled (view, "Time"), GTK_SORT_DESCENDING);
  g_test_message ("sorted by time in %.0f ms of CPU", cpu_ms () - t);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (sem_session_get_start (session_at (view, i - 1)), >=,
                     sem_session_get_start (session_at (view, i)));

  /* Following a conflict to the last row scrolls down to it. */
  {
    const char *ids[] = { sem_entity_get_id (SEM_ENTITY (session_at (view, n - 1))), NULL };
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0.0);
    sem_sessions_page_select_sessions (f->page, ids);
    sem_test_gui_iterate ();
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 1000.0);
    g_assert_true (gtk_selection_model_is_selected (gtk_column_view_get_model (view), n - 1));
  }

  /* One edit replaces one row, and the table stays sorted. */
  gtk_column_view_sort_by_column (view, column_titled (view, "Title"), GTK_SORT_ASCENDING);
  edited = sessions->pdata[LARGE_N / 2];
  t = cpu_ms ();
  sem_plan_set (plan, SEM_ENTITY (edited), "title-en", "Aaa first of all", NULL);
  g_test_message ("one edit followed in %.0f ms of CPU", cpu_ms () - t);
  g_assert_true (session_at (view, 0) == edited);
  g_assert_cmpuint (n_rows (view), ==, n);

  t = cpu_ms ();
  g_assert_true (sem_plan_undo (plan));
  g_test_message ("undone in %.0f ms of CPU", cpu_ms () - t);
  g_assert_true (session_at (view, 0) != edited);

  fixture_tear_down (f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add_func ("/sessions-ui/create-destroy", test_create_destroy);
  g_test_add ("/sessions-ui/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/sessions-ui/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/sessions-ui/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/sessions-ui/select", Fixture, NULL, fixture_set_up, test_select, fixture_tear_down);
  g_test_add ("/sessions-ui/edit-follows", Fixture, NULL,
              fixture_set_up, test_edit_follows, fixture_tear_down);
  g_test_add ("/sessions-ui/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/sessions-ui/editors", Fixture, NULL, fixture_set_up, test_editors, fixture_tear_down);
  g_test_add ("/sessions-ui/empty-event", Fixture, NULL,
              fixture_set_up, test_empty_event, fixture_tear_down);
  g_test_add ("/sessions-ui/conflict-marks", Fixture, NULL,
              fixture_set_up, test_conflict_marks, fixture_tear_down);
  g_test_add_func ("/sessions-ui/large-sort", test_large_sort);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

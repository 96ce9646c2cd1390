/* test-editor-ui.c — the entity editor, driven as a person would
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editor-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-delegation.h"
#include "sem-demo.h"
#include "sem-entity-editor.h"
#include "sem-event.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define SESSION_ID "dcc-brussels-2018-registration"
#define PERSON_ID "p-desislava-ivanova"

static SemApplication *app;

typedef struct
{
  SemPlan         *plan;
  SemEntityEditor *editor;
} Fixture;

static GtkWidget *
save_button (Fixture *f)
{
  GtkWidget *button = sem_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_BUTTON, "suggested-action");

  g_assert_nonnull (button);
  return button;
}

/* The entries of an INSTANT row: its day and its time. */
static void
instant_entries (GtkWidget    *row,
                 GtkEditable **day,
                 GtkEditable **time)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  GtkWidget *stack[64];
  guint n = 0;

  stack[n++] = row;
  while (n > 0)
    {
      GtkWidget *w = stack[--n];

      if (GTK_IS_ENTRY (w))
        g_ptr_array_insert (entries, 0, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < 64; c = gtk_widget_get_next_sibling (c))
        stack[n++] = c;
    }
  g_assert_cmpuint (entries->len, ==, 2);
  *day = GTK_EDITABLE (g_ptr_array_index (entries, 0));
  *time = GTK_EDITABLE (g_ptr_array_index (entries, 1));
}

static void
open_editor (Fixture         *f,
             SemEntityEditor *editor)
{
  f->editor = g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  sem_test_gui_iterate ();
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->plan = sem_demo_load (&error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->editor != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->editor));
      sem_test_gui_iterate ();
      g_assert_finalize_object (f->editor);
    }
  g_clear_object (&f->plan);
}

static void
test_create_session (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr(SemSession) defaults = sem_session_new ("defaults");
  GListModel *sessions = sem_plan_get_collection (f->plan, SEM_COLLECTION_SESSIONS);
  guint n_before = g_list_model_get_n_items (sessions);
  GtkWidget *english;
  SemEntity *created;

  g_object_set (defaults, "event", EVENT_ID,
                "start", sem_test_utc ("2018-02-21T13:00:00Z"), "end", sem_test_utc ("2018-02-21T14:30:00Z"), NULL);
  open_editor (f, sem_entity_editor_new_create (NULL, f->plan, SEM_COLLECTION_SESSIONS,
                                                SEM_ENTITY (defaults)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "New Session");

  /* No title yet: nothing to save. */
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
  english = sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Title", "English");
  gtk_editable_set_text (GTK_EDITABLE (english), "Smart mobility lab");
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));
  gtk_editable_set_text (GTK_EDITABLE (english), "   ");
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
  g_assert_true (gtk_widget_has_css_class (english, "error"));
  gtk_editable_set_text (GTK_EDITABLE (english), "Smart mobility lab");
  g_assert_false (gtk_widget_has_css_class (english, "error"));

  sem_test_click_save (GTK_WINDOW (f->editor));
  created = sem_entity_editor_get_entity (f->editor);
  g_assert_nonnull (created);
  g_assert_true (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, sem_entity_get_id (created)) == created);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_before + 1);
  g_assert_cmpstr (sem_session_get_title (SEM_SESSION (created), "en"), ==, "Smart mobility lab");
  g_assert_cmpstr (sem_session_get_event (SEM_SESSION (created)), ==, EVENT_ID);
  g_assert_cmpint (sem_session_get_start (SEM_SESSION (created)), ==, sem_test_utc ("2018-02-21T13:00:00Z"));
  g_assert_cmpint (sem_session_get_end (SEM_SESSION (created)), ==, sem_test_utc ("2018-02-21T14:30:00Z"));

  /* One undo takes it away again. */
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, sem_entity_get_id (created)));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_before);
}

static void
test_edit_session (Fixture      *f,
                   gconstpointer data)
{
  SemSession *session = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, SESSION_ID));
  g_autofree char *title_en = g_strdup (sem_session_get_title (session, "en"));
  gint64 start = sem_session_get_start (session);
  GtkEditable *day, *time;
  GtkWidget *ends;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (session)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "Edit Session");
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));

  sem_test_fill_row (GTK_WIDGET (f->editor), "Title", "Български", "Регистрация");
  ends = sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Time and Place", "Ends");
  instant_entries (ends, &day, &time);
  /* Shown in the event's timezone: 08:30 UTC is 09:30 in Brussels. */
  g_assert_cmpstr (gtk_editable_get_text (day), ==, "2018-02-20");
  g_assert_cmpstr (gtk_editable_get_text (time), ==, "09:30");

  gtk_editable_set_text (time, "08:00");
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
  g_assert_true (gtk_widget_has_css_class (ends, "error"));
  gtk_editable_set_text (time, "25:00");
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
  gtk_editable_set_text (time, "10:00");
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));
  g_assert_false (gtk_widget_has_css_class (ends, "error"));
  /* Nothing reaches the plan before Save. */
  g_assert_cmpstr (sem_session_get_title (session, "bg"), !=, "Регистрация");

  sem_test_click_save (GTK_WINDOW (f->editor));
  g_assert_cmpstr (sem_session_get_title (session, "bg"), ==, "Регистрация");
  g_assert_cmpstr (sem_session_get_title (session, "en"), ==, title_en);
  g_assert_cmpint (sem_session_get_end (session), ==, sem_test_utc ("2018-02-20T09:00:00Z"));
  g_assert_cmpint (sem_session_get_start (session), ==, start);

  /* Both changes are one step. */
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_cmpstr (sem_session_get_title (session, "bg"), ==, "Регистрация и кафе за добре дошли");
  g_assert_cmpint (sem_session_get_end (session), ==, sem_test_utc ("2018-02-20T08:30:00Z"));
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  SemEntity *session = sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, SESSION_ID);
  SemHistory *history = sem_plan_get_history (f->plan);
  gboolean can_undo;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, session));
  sem_test_fill_row (GTK_WIDGET (f->editor), "Title", "English", "Changed");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "window.close", NULL);
  sem_test_gui_iterate ();
  g_object_get (history, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);
  g_assert_cmpstr (sem_entity_get_text (session, "title", "en"), ==, "Registration and welcome coffee");
}

static void
test_edit_person (Fixture      *f,
                  gconstpointer data)
{
  SemPerson *person = SEM_PERSON (sem_plan_lookup (f->plan, SEM_COLLECTION_PEOPLE, PERSON_ID));
  GtkWidget *email;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (person)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "Edit Person");
  email = sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Contact", "Email");
  gtk_editable_set_text (GTK_EDITABLE (email), "desislava at example.org");
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
  g_assert_true (gtk_widget_has_css_class (email, "error"));
  gtk_editable_set_text (GTK_EDITABLE (email), "d.ivanova@example.org");
  sem_test_fill_row (GTK_WIDGET (f->editor), "Person", "Organisation", "Sofia Municipality");
  sem_test_click_save (GTK_WINDOW (f->editor));

  g_assert_cmpstr (sem_person_get_email (person), ==, "d.ivanova@example.org");
  g_assert_cmpstr (sem_person_get_organisation (person), ==, "Sofia Municipality");
  g_assert_cmpstr (sem_person_get_name (person), ==, "Desislava Ivanova");
}

static void
test_create_room (Fixture      *f,
                  gconstpointer data)
{
  AdwComboRow *venue;
  GListModel *venues;
  guint position = GTK_INVALID_LIST_POSITION;
  SemRoom *room;

  open_editor (f, sem_entity_editor_new_create (NULL, f->plan, SEM_COLLECTION_ROOMS, NULL));
  sem_test_fill_row (GTK_WIDGET (f->editor), "Name", "English", "Studio");
  /* A room needs its venue. */
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));

  venue = ADW_COMBO_ROW (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, "Details", "Venue"));
  venues = adw_combo_row_get_model (venue);
  for (guint i = 0; i < g_list_model_get_n_items (venues); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (venues, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), "The Square"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (venue, position);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sem_test_find_titled (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Details", "Seats"),
                                                           GTK_TYPE_SPIN_BUTTON, NULL, FALSE)), 40);
  sem_test_click_save (GTK_WINDOW (f->editor));

  room = SEM_ROOM (sem_entity_editor_get_entity (f->editor));
  g_assert_nonnull (room);
  g_assert_true (sem_plan_lookup (f->plan, SEM_COLLECTION_ROOMS, sem_entity_get_id (SEM_ENTITY (room))) ==
                 SEM_ENTITY (room));
  g_assert_cmpstr (sem_room_get_name (room, "en"), ==, "Studio");
  g_assert_cmpstr (sem_room_get_venue (room), ==, "venue-brussels-square");
  g_assert_cmpint (sem_room_get_capacity (room), ==, 40);
}

static void
test_timezone (Fixture      *f,
               gconstpointer data)
{
  SemEvent *event = SEM_EVENT (sem_plan_lookup (f->plan, SEM_COLLECTION_EVENTS, EVENT_ID));
  GtkWidget *search;
  GtkListView *list;
  GListModel *shown;
  g_autoptr(GtkStringObject) first = NULL;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (event)));
  search = sem_test_find_titled (GTK_WIDGET (f->editor), GTK_TYPE_SEARCH_ENTRY, "timezone-search", FALSE);
  list = GTK_LIST_VIEW (sem_test_find_titled (GTK_WIDGET (f->editor), GTK_TYPE_LIST_VIEW, "timezone-list", FALSE));
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  shown = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >, 300);

  /* The list opens on the event's zone, selected and in sight (it is far
   * down the list: a row is made for it only once scrolled to). */
  {
    GtkWidget *button = sem_test_find_titled (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW,
                                                                 "Dates and Place", "Timezone"),
                                              GTK_TYPE_MENU_BUTTON, NULL, FALSE);
    g_autoptr(GtkStringObject) selected = NULL;

    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    selected = g_list_model_get_item (shown, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (shown)));
    g_assert_nonnull (selected);
    g_assert_cmpstr (gtk_string_object_get_string (selected), ==, "Europe/Brussels");
    g_assert_true (sem_test_wait_for_text (GTK_WIDGET (list), "Europe/Brussels", TRUE));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
    sem_test_gui_iterate ();
  }

  gtk_editable_set_text (GTK_EDITABLE (search), "sofia");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Europe/Sofia");
  gtk_editable_set_text (GTK_EDITABLE (search), "new york");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "Sofia");
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (sem_event_get_timezone (event), ==, "Europe/Brussels");

  sem_test_click_save (GTK_WINDOW (f->editor));
  g_assert_cmpstr (sem_event_get_timezone (event), ==, "Europe/Sofia");
}

/* The day button of a DATE row, and its calendar. */
static GtkMenuButton *
date_button (Fixture    *f,
             const char *group_title,
             const char *row_title)
{
  GtkWidget *button = sem_test_find_titled (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, group_title, row_title),
                                   GTK_TYPE_MENU_BUTTON, NULL, FALSE);

  g_assert_nonnull (button);
  return GTK_MENU_BUTTON (button);
}

/* An event's days are shown in words and chosen from a calendar. */
static void
test_event_dates (Fixture      *f,
                  gconstpointer data)
{
  SemEvent *event = SEM_EVENT (sem_plan_lookup (f->plan, SEM_COLLECTION_EVENTS, EVENT_ID));
  GtkMenuButton *first;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *error = NULL;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (event)));
  first = date_button (f, "Dates and Place", "First Day");
  g_assert_cmpstr (gtk_menu_button_get_label (first), ==, "20 February 2018");
  g_assert_cmpstr (gtk_menu_button_get_label (date_button (f, "Dates and Place", "Last Day")), ==,
                   "21 February 2018");
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (first), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "First Day");
  g_assert_null (error);
  /* A required day cannot be cleared. */
  g_assert_null (sem_test_find_titled (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Dates and Place", "First Day"),
                              GTK_TYPE_BUTTON, "clear-date", FALSE));

  /* Reached with the keyboard; the calendar opens on the field's day. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (first)));
  sem_test_open_calendar (first);
  calendar = GTK_CALENDAR (sem_test_find_widget (gtk_popover_get_child (gtk_menu_button_get_popover (first)),
                                                  GTK_TYPE_CALENDAR, NULL));
  /* The calendar takes the keys; Escape closes the popover (autohide). */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (calendar)));
  g_assert_true (gtk_popover_get_autohide (gtk_menu_button_get_popover (first)));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2018);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 20);
  gtk_menu_button_popdown (first);
  sem_test_gui_iterate ();

  sem_test_pick_day (first, "2018-02-21");
  g_assert_cmpstr (gtk_menu_button_get_label (first), ==, "21 February 2018");
  /* Nothing reaches the plan before Save. */
  g_assert_cmpstr (sem_event_get_start_date (event), ==, "2018-02-20");
  sem_test_click_save (GTK_WINDOW (f->editor));
  g_assert_cmpstr (sem_event_get_start_date (event), ==, "2018-02-21");
  g_assert_cmpstr (sem_event_get_end_date (event), ==, "2018-02-21");
}

/* The last day cannot come before the first. */
static void
test_event_dates_order (Fixture      *f,
                        gconstpointer data)
{
  SemEvent *event = SEM_EVENT (sem_plan_lookup (f->plan, SEM_COLLECTION_EVENTS, EVENT_ID));
  GtkWidget *last_row;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (event)));
  last_row = sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Dates and Place", "Last Day");
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));

  sem_test_pick_day (date_button (f, "Dates and Place", "Last Day"), "2018-02-19");
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
  g_assert_true (gtk_widget_has_css_class (last_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (last_row)), ==,
                   "Comes before the first day");

  /* Moving the first day back puts it right again. */
  sem_test_pick_day (date_button (f, "Dates and Place", "First Day"), "2018-02-18");
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));
  g_assert_false (gtk_widget_has_css_class (last_row, "error"));
  sem_test_click_save (GTK_WINDOW (f->editor));
  g_assert_cmpstr (sem_event_get_start_date (event), ==, "2018-02-18");
  g_assert_cmpstr (sem_event_get_end_date (event), ==, "2018-02-19");
}

/* An optional day (a delegation's arrival) can be taken away. */
static void
test_clear_date (Fixture      *f,
                 gconstpointer data)
{
  SemDelegation *delegation = SEM_DELEGATION (sem_plan_lookup (f->plan, SEM_COLLECTION_DELEGATIONS,
                                                               EVENT_ID "-thessaloniki"));
  GtkWidget *arrival_row;
  GtkWidget *clear;
  g_autofree char *error = NULL;

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (delegation)));
  arrival_row = sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Details", "Arrival");
  g_assert_cmpstr (gtk_menu_button_get_label (date_button (f, "Details", "Arrival")), ==,
                   "19 February 2018");
  clear = sem_test_find_titled (arrival_row, GTK_TYPE_BUTTON, "clear-date", FALSE);
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_visible (clear));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              "Remove");
  g_assert_null (error);

  g_signal_emit_by_name (clear, "clicked");
  g_assert_false (gtk_widget_get_visible (clear));
  g_assert_cmpstr (gtk_menu_button_get_label (date_button (f, "Details", "Arrival")), ==,
                   "Not set");
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));
  sem_test_click_save (GTK_WINDOW (f->editor));
  g_assert_null (sem_delegation_get_arrival (delegation));
  g_assert_cmpstr (sem_delegation_get_departure (delegation), ==, "2018-02-21");

  /* In a new editor, the calendar's Today sets the empty day to today
   * (clicking the day the calendar shows selected would not). */
  {
    GtkMenuButton *arrival;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    gtk_window_destroy (GTK_WINDOW (f->editor));
    sem_test_gui_iterate ();
    g_assert_finalize_object (g_steal_pointer (&f->editor));
    open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (delegation)));
    arrival = date_button (f, "Details", "Arrival");
    g_assert_cmpstr (gtk_menu_button_get_label (arrival), ==, "Not set");
    clear = sem_test_find_titled (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW,
                                                     "Details", "Arrival"),
                                  GTK_TYPE_BUTTON, "clear-date", FALSE);
    /* Today is long after the delegation's departure: that goes first. */
    g_signal_emit_by_name (sem_test_find_titled (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW,
                                                                    "Details", "Departure"),
                                                 GTK_TYPE_BUTTON, "clear-date", FALSE),
                           "clicked");
    sem_test_open_calendar (arrival);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (arrival))));
    sem_test_click (GTK_WIDGET (gtk_menu_button_get_popover (arrival)), "Today");
    sem_test_gui_iterate ();
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (arrival))));
    g_assert_true (gtk_widget_get_visible (clear));
    g_assert_cmpstr (gtk_menu_button_get_label (arrival), !=, "Not set");
    sem_test_click_save (GTK_WINDOW (f->editor));
    g_assert_cmpstr (sem_delegation_get_arrival (delegation), ==, today);
  }
}

static void
tick_row (GtkWidget  *parent,
          const char *title)
{
  GtkWidget *row = sem_test_find_titled (parent, ADW_TYPE_ACTION_ROW, title, FALSE);

  g_assert_nonnull (row);
  /* Activating the row toggles its check, as a click on it does. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static gboolean
row_ticked (GtkWidget  *parent,
            const char *title)
{
  GtkWidget *row = sem_test_find_titled (parent, ADW_TYPE_ACTION_ROW, title, FALSE);

  g_assert_nonnull (row);
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (sem_test_find_titled (row, GTK_TYPE_CHECK_BUTTON, NULL, FALSE)));
}

/* The attendance checklists follow the members row before Save. */
static void
test_delegation_members (Fixture      *f,
                         gconstpointer data)
{
  SemDelegation *delegation = SEM_DELEGATION (sem_plan_lookup (f->plan, SEM_COLLECTION_DELEGATIONS,
                                                               EVENT_ID "-thessaloniki"));
  const char *opening = sem_entity_get_text (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS,
                                                              EVENT_ID "-opening"), "title", "en");
  const char *amsterdam = sem_entity_get_text (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS,
                                                                EVENT_ID "-amsterdam"), "title", "en");
  const char *members_before[] = { "p-konstantinos-alexiou", "p-maria-theodorou", NULL };
  const char *attendance_before[] = { "p-maria-theodorou:" EVENT_ID "-amsterdam", NULL };
  const char *members_after[] = { "p-konstantinos-alexiou", "p-laura-moretti", NULL };
  const char *attendance_after[] = { "p-laura-moretti:" EVENT_ID "-opening", NULL };
  GtkWidget *members, *attendance, *laura, *maria;

  g_assert_true (g_strv_equal (sem_delegation_get_members (delegation), members_before));
  g_assert_true (g_strv_equal (sem_delegation_get_attendance (delegation), attendance_before));

  open_editor (f, sem_entity_editor_new_edit (NULL, f->plan, SEM_ENTITY (delegation)));
  members = sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_EXPANDER_ROW, "People", "Members");
  attendance = sem_test_find_titled (GTK_WIDGET (f->editor), ADW_TYPE_PREFERENCES_GROUP, "Attendance", FALSE);
  g_assert_nonnull (attendance);
  maria = sem_test_find_titled (attendance, ADW_TYPE_EXPANDER_ROW, "Maria Theodorou", FALSE);
  g_assert_nonnull (maria);
  g_assert_true (gtk_widget_is_visible (maria));
  g_assert_true (row_ticked (maria, amsterdam));
  g_assert_null (sem_test_find_titled (attendance, ADW_TYPE_EXPANDER_ROW, "Laura Moretti", FALSE));

  /* A new member gets a checklist of the event's sessions at once. */
  gtk_widget_activate (members);
  tick_row (members, "Laura Moretti");
  laura = sem_test_find_titled (attendance, ADW_TYPE_EXPANDER_ROW, "Laura Moretti", FALSE);
  g_assert_nonnull (laura);
  g_assert_true (gtk_widget_is_visible (laura));
  g_assert_false (row_ticked (laura, opening));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (laura)), ==, "None");
  tick_row (laura, opening);
  g_assert_true (row_ticked (laura, opening));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (laura)), ==, "1 chosen");

  /* Taking a member off hides their checklist; back on, it has its ticks. */
  tick_row (members, "Maria Theodorou");
  g_assert_false (gtk_widget_is_visible (maria));
  tick_row (members, "Maria Theodorou");
  g_assert_true (gtk_widget_is_visible (maria));
  g_assert_true (row_ticked (maria, amsterdam));
  tick_row (members, "Maria Theodorou");
  g_assert_false (gtk_widget_is_visible (maria));

  /* Nothing reaches the plan before Save. */
  g_assert_true (g_strv_equal (sem_delegation_get_members (delegation), members_before));
  g_assert_true (g_strv_equal (sem_delegation_get_attendance (delegation), attendance_before));

  /* Saved: the new member and their session; a former member attends nothing. */
  sem_test_click_save (GTK_WINDOW (f->editor));
  g_assert_true (g_strv_equal (sem_delegation_get_members (delegation), members_after));
  g_assert_true (g_strv_equal (sem_delegation_get_attendance (delegation), attendance_after));

  /* One undo restores both. */
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_true (g_strv_equal (sem_delegation_get_members (delegation), members_before));
  g_assert_true (g_strv_equal (sem_delegation_get_attendance (delegation), attendance_before));
}

/* An empty plan: nothing to refer to yet. */
static void
fixture_set_up_empty (Fixture      *f,
                      gconstpointer data)
{
  f->plan = sem_plan_new ();
}

/* The shown editor that stays above @parent. */
static SemEntityEditor *
find_nested_editor (SemEntityEditor *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (SEM_IS_ENTITY_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (parent))
        return SEM_ENTITY_EDITOR (window);
    }
  return NULL;
}

static const char *
combo_selected_label (AdwComboRow *combo)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (combo);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the display show @widget. */
static void
wait_mapped (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!gtk_widget_get_mapped (widget) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  g_assert_true (gtk_widget_get_mapped (widget));
}

/* Opens a "create room" editor on the empty plan and clicks its venue's
 * New… button; returns the nested venue editor (borrowed). */
static SemEntityEditor *
open_nested_venue (Fixture      *f,
                   AdwComboRow **venue)
{
  SemEntityEditor *nested;
  GtkWidget *button;

  open_editor (f, sem_entity_editor_new_create (NULL, f->plan, SEM_COLLECTION_ROOMS, NULL));
  sem_test_fill_row (GTK_WIDGET (f->editor), "Name", "English", "Studio");
  *venue = ADW_COMBO_ROW (sem_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, "Details", "Venue"));
  /* No venue to choose: only “None”, and Save waits for one. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (*venue)), ==, 1);
  g_assert_cmpstr (combo_selected_label (*venue), ==, "None");
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));

  button = sem_test_find_titled (GTK_WIDGET (*venue), GTK_TYPE_BUTTON, "New Venue", FALSE);
  g_assert_nonnull (button);
  /* Named for screen readers once on screen. */
  wait_mapped (button);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, "New Venue");
  g_assert_null (find_nested_editor (f->editor));
  g_signal_emit_by_name (button, "clicked");
  sem_test_gui_iterate ();

  nested = find_nested_editor (f->editor);
  g_assert_nonnull (nested);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (nested)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (nested)), ==, "New Venue");
  return nested;
}

/* A room needs a venue; with none in the plan, the venue row makes one. */
static void
test_new_reference (Fixture      *f,
                    gconstpointer data)
{
  GListModel *venues = sem_plan_get_collection (f->plan, SEM_COLLECTION_VENUES);
  GtkWidget *nested_save;
  GtkWidget *search;
  GtkListView *list;
  AdwComboRow *venue;
  SemEntityEditor *nested;
  SemEntity *created;
  g_autofree char *venue_id = NULL;
  SemRoom *room;

  nested = open_nested_venue (f, &venue);
  g_object_add_weak_pointer (G_OBJECT (nested), (gpointer *) &nested);
  gtk_editable_set_text (GTK_EDITABLE (sem_test_find_row (GTK_WIDGET (nested), ADW_TYPE_ENTRY_ROW, "Name", "English")),
                         "Hall One");
  gtk_editable_set_text (GTK_EDITABLE (sem_test_find_row (GTK_WIDGET (nested), ADW_TYPE_ENTRY_ROW, "Name", "Български")),
                         "Зала едно");
  search = sem_test_find_titled (GTK_WIDGET (nested), GTK_TYPE_SEARCH_ENTRY, "timezone-search", FALSE);
  list = GTK_LIST_VIEW (sem_test_find_titled (GTK_WIDGET (nested), GTK_TYPE_LIST_VIEW, "timezone-list", FALSE));
  g_assert_nonnull (search);
  g_assert_nonnull (list);
  gtk_editable_set_text (GTK_EDITABLE (search), "brussels");
  g_signal_emit_by_name (list, "activate", 0);

  nested_save = sem_test_find_widget (GTK_WIDGET (nested), GTK_TYPE_BUTTON, "suggested-action");
  g_assert_true (gtk_widget_get_sensitive (nested_save));
  g_signal_emit_by_name (nested_save, "clicked");
  sem_test_gui_iterate ();
  g_assert_null (nested);

  /* In the plan at once, and the room's venue. */
  g_assert_cmpuint (g_list_model_get_n_items (venues), ==, 1);
  created = g_list_model_get_item (venues, 0);
  venue_id = g_strdup (sem_entity_get_id (created));
  g_assert_cmpstr (sem_venue_get_name (SEM_VENUE (created), "en"), ==, "Hall One");
  g_assert_cmpstr (sem_venue_get_name (SEM_VENUE (created), "bg"), ==, "Зала едно");
  g_assert_cmpstr (sem_venue_get_timezone (SEM_VENUE (created)), ==, "Europe/Brussels");
  g_object_unref (created);
  g_assert_cmpstr (combo_selected_label (venue), ==, "Hall One");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  g_assert_true (gtk_widget_get_sensitive (save_button (f)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (venue), "error"));

  sem_test_click_save (GTK_WINDOW (f->editor));
  room = SEM_ROOM (sem_entity_editor_get_entity (f->editor));
  g_assert_nonnull (room);
  g_assert_cmpstr (sem_room_get_name (room, "en"), ==, "Studio");
  g_assert_cmpstr (sem_room_get_venue (room), ==, venue_id);

  /* Two steps: the room, then the venue. */
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_ROOMS, sem_entity_get_id (SEM_ENTITY (room))));
  g_assert_nonnull (sem_plan_lookup (f->plan, SEM_COLLECTION_VENUES, venue_id));
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_VENUES, venue_id));
}

/* Cancelling the nested editor changes nothing. */
static void
test_new_reference_cancel (Fixture      *f,
                           gconstpointer data)
{
  GListModel *venues = sem_plan_get_collection (f->plan, SEM_COLLECTION_VENUES);
  SemHistory *history = sem_plan_get_history (f->plan);
  GListModel *choices_before;
  GtkWidget *cancel;
  AdwComboRow *venue;
  SemEntityEditor *nested;
  gboolean can_undo;

  nested = open_nested_venue (f, &venue);
  choices_before = adw_combo_row_get_model (venue);
  g_object_add_weak_pointer (G_OBJECT (nested), (gpointer *) &nested);
  gtk_editable_set_text (GTK_EDITABLE (sem_test_find_row (GTK_WIDGET (nested), ADW_TYPE_ENTRY_ROW, "Name", "English")),
                         "Hall One");
  cancel = sem_test_find_titled (GTK_WIDGET (nested), GTK_TYPE_BUTTON, "_Cancel", FALSE);
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  sem_test_gui_iterate ();
  g_assert_null (nested);

  g_assert_cmpuint (g_list_model_get_n_items (venues), ==, 0);
  g_object_get (history, "can-undo", &can_undo, NULL);
  g_assert_false (can_undo);
  g_assert_true (adw_combo_row_get_model (venue) == choices_before);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (venue)), ==, 1);
  g_assert_cmpstr (combo_selected_label (venue), ==, "None");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));
  g_assert_false (gtk_widget_get_sensitive (save_button (f)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Accessible properties to check (the suite turns them off). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  sem_resources_register ();
  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add ("/editor/create-session", Fixture, NULL, fixture_set_up, test_create_session, fixture_tear_down);
  g_test_add ("/editor/edit-session", Fixture, NULL, fixture_set_up, test_edit_session, fixture_tear_down);
  g_test_add ("/editor/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/editor/edit-person", Fixture, NULL, fixture_set_up, test_edit_person, fixture_tear_down);
  g_test_add ("/editor/create-room", Fixture, NULL, fixture_set_up, test_create_room, fixture_tear_down);
  g_test_add ("/editor/timezone", Fixture, NULL, fixture_set_up, test_timezone, fixture_tear_down);
  g_test_add ("/editor/event-dates", Fixture, NULL, fixture_set_up, test_event_dates, fixture_tear_down);
  g_test_add ("/editor/event-dates-order", Fixture, NULL, fixture_set_up, test_event_dates_order,
              fixture_tear_down);
  g_test_add ("/editor/clear-date", Fixture, NULL, fixture_set_up, test_clear_date, fixture_tear_down);
  g_test_add ("/editor/delegation-members", Fixture, NULL, fixture_set_up, test_delegation_members,
              fixture_tear_down);

  g_test_add ("/editor/new-reference", Fixture, NULL, fixture_set_up_empty, test_new_reference,
              fixture_tear_down);
  g_test_add ("/editor/new-reference-cancel", Fixture, NULL, fixture_set_up_empty,
              test_new_reference_cancel, fixture_tear_down);

  return g_test_run ();
}

/* test-journey-ui.c — a new user plans the Brussels academy seminar from an
 * empty plan, through the window alone: programme, event, rooms, people,
 * sessions, a delegation and its attendance; sees a clash, fixes it, undoes
 * and redoes the fix, exports the delegation's calendar and saves the plan.
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-journey-ui"

#include "config.h"

#include <adwaita.h>
#include <libical/ical.h>

#include "sem-city.h"
#include "sem-conflict-list.h"
#include "sem-conflicts-page.h"
#include "sem-delegation.h"
#include "sem-delegations-page.h"
#include "sem-document.h"
#include "sem-entity-editor.h"
#include "sem-entity-list-page.h"
#include "sem-event.h"
#include "sem-export-dialog.h"
#include "sem-ical.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-timetable.h"
#include "sem-timetable-page.h"
#include "sem-venue.h"
#include "sem-window.h"
#include "sem-test-ui.h"

static SemApplication *app;

typedef struct
{
  SemWindow *window;
  SemPlan   *plan;
  char      *dir;
  char      *event, *venue, *city, *head, *member, *delegation;
  char      *rooms[2];
  char      *sessions[3];   /* the opening, workshop A, workshop B */
} Journey;

/* Widgets ------------------------------------------------------------------ */

typedef gboolean (*Check) (Journey *j, gconstpointer data);

typedef struct
{
  Journey      *j;
  Check         check;
  gconstpointer data;
} Waiting;

static gboolean
waiting_cb (gconstpointer data)
{
  const Waiting *w = data;

  return w->check (w->j, w->data);
}

/* Runs the main loop until @check holds, for up to ten seconds. */
static gboolean
wait_for (Journey       *j,
          Check          check,
          gconstpointer  data)
{
  Waiting w = { j, check, data };

  return sem_test_wait_until (waiting_cb, &w, 10);
}

/* Under @root, the first widget of @type whose string data @key is @value. */
static GtkWidget *
find_with_data (GtkWidget  *root,
                GType       type,
                const char *key,
                const char *value)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && g_strcmp0 (g_object_get_data (G_OBJECT (root), key), value) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_data (child, type, key, value);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shown toplevel of @type titled @title (NULL: any). */
static GtkWindow *
find_toplevel (GType       type,
               const char *title)
{
  GtkWindow *window = sem_test_find_window (type, title, TRUE);

  if (window == NULL)
    g_error ("no window “%s” of type %s is shown", title, g_type_name (type));
  return window;
}

/* Editors ------------------------------------------------------------------ */

static void
type_title (GtkWindow  *editor,
            const char *group,
            const char *en,
            const char *bg)
{
  sem_test_fill_row (GTK_WIDGET (editor), group, "English", en);
  sem_test_fill_row (GTK_WIDGET (editor), group, "Български", bg);
}

/* A day (First Day, Arrival…) is picked from its button's calendar. */
static void
pick_day (GtkWindow  *editor,
          const char *group,
          const char *title,
          const char *day)
{
  GtkWidget *row = sem_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, group, title);
  GtkWidget *button = sem_test_find_titled (row, GTK_TYPE_MENU_BUTTON, NULL, FALSE);

  g_assert_nonnull (button);
  sem_test_pick_day (GTK_MENU_BUTTON (button), day);
}

/* An Starts/Ends row: its day entry, then its time entry. */
static void
type_instant (GtkWindow  *editor,
              const char *title,
              const char *day,
              const char *time)
{
  GtkWidget *r = sem_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Time and Place", title);
  GtkWidget *day_entry = sem_test_find_titled (r, GTK_TYPE_ENTRY, NULL, FALSE);
  GtkWidget *time_entry = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (day_entry));

  g_assert_true (GTK_IS_ENTRY (time_entry));
  gtk_editable_set_text (GTK_EDITABLE (day_entry), day);
  gtk_editable_set_text (GTK_EDITABLE (time_entry), time);
}

/* Types @query in the timezone search and presses Enter. */
static void
choose_timezone (GtkWindow  *editor,
                 const char *query)
{
  GtkWidget *search = sem_test_find_titled (GTK_WIDGET (editor), GTK_TYPE_SEARCH_ENTRY, "timezone-search", FALSE);

  g_assert_nonnull (search);
  gtk_editable_set_text (GTK_EDITABLE (search), query);
  g_signal_emit_by_name (search, "activate");
}

/* Ticks the check of the row titled @title, as clicking it does. */
static void
tick (GtkWindow  *editor,
      const char *group,
      const char *title)
{
  GtkWidget *check = sem_test_find_titled (sem_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, group, title), GTK_TYPE_CHECK_BUTTON, NULL, FALSE);

  g_assert_nonnull (check);
  g_assert_true (gtk_widget_activate (check));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* Clicks Save: the editor closes and the entity is in the plan. Returns its id. */
static char *
save (Journey   *j,
      GtkWindow *editor)
{
  g_autoptr(GtkWindow) keep = g_object_ref (editor);
  SemEntity *entity;

  sem_test_click_save (editor);
  entity = sem_entity_editor_get_entity (SEM_ENTITY_EDITOR (editor));
  g_assert_nonnull (entity);
  g_assert_true (sem_plan_lookup (j->plan, sem_collection_for_type (G_OBJECT_TYPE (entity)), sem_entity_get_id (entity)) == entity);
  return g_strdup (sem_entity_get_id (entity));
}

#define EDITOR(title) find_toplevel (SEM_TYPE_ENTITY_EDITOR, title)
#define N_ITEMS(collection) g_list_model_get_n_items (sem_plan_get_collection (j->plan, collection))
#define LOOKUP(collection, id) sem_plan_lookup (j->plan, collection, id)

/* Steps -------------------------------------------------------------------- */

/* A new plan is empty; its empty state leads to a programme, then an event. */
static void
step_programme_and_event (Journey *j)
{
  GtkWindow *editor;
  SemEvent *event;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.new-plan", NULL));
  sem_test_gui_iterate ();
  j->plan = g_object_ref (sem_document_get_plan (sem_window_get_document (j->window)));
  g_assert_cmpuint (N_ITEMS (SEM_COLLECTION_PROGRAMMES) + N_ITEMS (SEM_COLLECTION_EVENTS), ==, 0);

  sem_test_click (GTK_WIDGET (j->window), "New Programme…");
  editor = EDITOR ("New Programme");
  type_title (editor, "Name", "Digital Cities Challenge", "Предизвикателство „Дигитални градове“");
  g_free (save (j, editor));
  g_assert_cmpuint (N_ITEMS (SEM_COLLECTION_PROGRAMMES), ==, 1);

  sem_test_click (GTK_WIDGET (j->window), "New Event…");
  editor = EDITOR ("New Event");
  type_title (editor, "Title", "First Academy Seminar, Brussels", "Първи академичен семинар, Брюксел");
  pick_day (editor, "Dates and Place", "First Day", "2018-02-20");
  pick_day (editor, "Dates and Place", "Last Day", "2018-02-21");
  choose_timezone (editor, "Brussels");
  j->event = save (j, editor);

  event = SEM_EVENT (LOOKUP (SEM_COLLECTION_EVENTS, j->event));
  g_assert_cmpstr (sem_event_get_title (event, "bg"), ==, "Първи академичен семинар, Брюксел");
  g_assert_cmpstr (sem_event_get_timezone (event), ==, "Europe/Brussels");
  g_assert_cmpstr (sem_event_get_start_date (event), ==, "2018-02-20");
  g_assert_cmpstr (sem_event_get_end_date (event), ==, "2018-02-21");
  g_assert_nonnull (sem_event_get_programme (event));
  /* The new event is shown at once, with its pages. */
  g_assert_cmpstr (sem_window_get_selected_event (j->window), ==, j->event);
  sem_test_find_shown (GTK_WIDGET (j->window), SEM_TYPE_TIMETABLE_PAGE, NULL);
  sem_test_find_shown (GTK_WIDGET (j->window), GTK_TYPE_BUTTON, "Add Session");
}

/* The venue, chosen for the event. No menu item or button makes a venue yet
 * (a room needs one): the New action's "venues" target does. */
static void
step_venue (Journey *j)
{
  GtkWindow *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.new-entity", "s", "venues"));
  editor = EDITOR ("New Venue");
  type_title (editor, "Name", "The Square – Brussels Meeting Centre", "Конгресен център „Скуеър“, Брюксел");
  sem_test_fill_row (GTK_WIDGET (editor), "Details", "Address", "Rue Mont des Arts, 1000 Brussels");
  choose_timezone (editor, "Brussels");
  j->venue = save (j, editor);
  g_assert_cmpstr (sem_venue_get_timezone (SEM_VENUE (LOOKUP (SEM_COLLECTION_VENUES, j->venue))), ==,
                   "Europe/Brussels");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.edit-event", NULL));
  editor = EDITOR ("Edit Event");
  sem_test_choose (GTK_WIDGET (editor), "Dates and Place", "Venue", "The Square");
  g_free (save (j, editor));
  g_assert_cmpstr (sem_event_get_venue (SEM_EVENT (LOOKUP (SEM_COLLECTION_EVENTS, j->event))), ==, j->venue);
}

static gboolean
rows_shown (Journey       *j,
            gconstpointer  n)
{
  GtkWidget *page = sem_test_find_titled (GTK_WIDGET (j->window), SEM_TYPE_ENTITY_LIST_PAGE, NULL, TRUE);
  GtkWidget *list = page != NULL ? sem_test_find_titled (page, GTK_TYPE_LIST_BOX, NULL, TRUE) : NULL;
  guint shown = 0;

  for (GtkWidget *r = list != NULL ? gtk_widget_get_first_child (list) : NULL; r != NULL;
       r = gtk_widget_get_next_sibling (r))
    shown += g_object_get_data (G_OBJECT (r), "entity") != NULL;
  return shown == GPOINTER_TO_UINT (n);
}

/* Two rooms: one from the Rooms page, in the event's venue; one from the menu. */
static void
step_rooms (Journey *j)
{
  GtkWindow *editor;

  sem_test_show_page (j->window, "rooms");
  sem_test_click (GTK_WIDGET (j->window), "Add Room");
  editor = EDITOR ("New Room");
  type_title (editor, "Name", "Silver Hall", "Сребърна зала");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sem_test_find_titled (sem_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, "Details", "Seats"),
                                                    GTK_TYPE_SPIN_BUTTON, NULL, FALSE)), 300);
  j->rooms[0] = save (j, editor);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.new-entity", "s", "rooms"));
  editor = EDITOR ("New Room");
  type_title (editor, "Name", "Meeting Room 211", "Зала 211");
  sem_test_choose (GTK_WIDGET (editor), "Details", "Venue", "The Square");
  j->rooms[1] = save (j, editor);

  g_assert_cmpuint (N_ITEMS (SEM_COLLECTION_ROOMS), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (sem_room_get_venue (SEM_ROOM (LOOKUP (SEM_COLLECTION_ROOMS, j->rooms[i]))), ==, j->venue);
  g_assert_cmpint (sem_room_get_capacity (SEM_ROOM (LOOKUP (SEM_COLLECTION_ROOMS, j->rooms[0]))), ==, 300);
  g_assert_true (wait_for (j, rows_shown, GUINT_TO_POINTER (2)));
}

static char *
add_person (Journey    *j,
            const char *button,
            const char *name)
{
  GtkWindow *editor;

  sem_test_click (GTK_WIDGET (j->window), button);
  editor = EDITOR ("New Person");
  sem_test_fill_row (GTK_WIDGET (editor), "Person", "Full Name", name);
  sem_test_fill_row (GTK_WIDGET (editor), "Person", "Organisation", "Sofia Investment Agency");
  sem_test_choose (GTK_WIDGET (editor), "Contact", "Home City", "Sofia");
  tick (editor, "Roles", "Delegate");
  return save (j, editor);
}

/* The city (again no menu item: the "cities" target of the New action), then
 * the people from the People page. */
static void
step_people (Journey *j)
{
  GtkWindow *editor;
  SemPerson *head;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.new-entity", "s", "cities"));
  editor = EDITOR ("New City");
  type_title (editor, "Name", "Sofia", "София");
  sem_test_fill_row (GTK_WIDGET (editor), "Details", "Country Code", "BG");
  choose_timezone (editor, "Sofia");
  j->city = save (j, editor);

  sem_test_show_page (j->window, "people");
  j->head = add_person (j, "Add Person", "Desislava Ivanova");
  g_assert_true (wait_for (j, rows_shown, GUINT_TO_POINTER (1)));
  j->member = add_person (j, "Add Person", "Petya Stoyanova");
  g_assert_true (wait_for (j, rows_shown, GUINT_TO_POINTER (2)));

  head = SEM_PERSON (LOOKUP (SEM_COLLECTION_PEOPLE, j->head));
  g_assert_cmpstr (sem_person_get_name (head), ==, "Desislava Ivanova");
  g_assert_cmpstr (sem_person_get_city (head), ==, j->city);
  g_assert_cmpstr (sem_city_get_timezone (SEM_CITY (LOOKUP (SEM_COLLECTION_CITIES, j->city))), ==, "Europe/Sofia");
}

static const struct
{
  const char *en, *bg, *day, *start, *end, *utc_start, *utc_end;
  guint room;
} sessions[] = {
  { "Opening session: welcome to the Digital Cities Challenge", "Откриваща сесия",
    "2018-02-20", "09:30", "10:15", "2018-02-20T08:30:00Z", "2018-02-20T09:15:00Z", 0 },
  { "Workshop: assessing digital maturity (group A)", "Работилница (група А)",
    "2018-02-21", "09:30", "11:00", "2018-02-21T08:30:00Z", "2018-02-21T10:00:00Z", 1 },
  /* In the same room from ten, while A runs until eleven: a clash. */
  { "Workshop: assessing digital maturity (group B)", "Работилница (група Б)",
    "2018-02-21", "10:00", "11:30", "2018-02-21T09:00:00Z", "2018-02-21T10:30:00Z", 1 },
};

/* Three sessions on the timetable: the first from its empty state, the
 * others with Ctrl+N. */
static void
step_sessions (Journey *j)
{
  sem_test_show_page (j->window, "timetable");
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      GtkWindow *editor;
      SemSession *session;

      if (i == 0)
        sem_test_click (GTK_WIDGET (j->window), "Add Session");
      else
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.new-session", NULL));
      editor = EDITOR ("New Session");
      type_title (editor, "Title", sessions[i].en, sessions[i].bg);
      type_instant (editor, "Starts", sessions[i].day, sessions[i].start);
      type_instant (editor, "Ends", sessions[i].day, sessions[i].end);
      sem_test_choose (GTK_WIDGET (editor), "Time and Place", "Room", i == 0 ? "Silver Hall" : "Meeting Room 211");
      j->sessions[i] = save (j, editor);

      session = SEM_SESSION (LOOKUP (SEM_COLLECTION_SESSIONS, j->sessions[i]));
      g_assert_cmpstr (sem_session_get_event (session), ==, j->event);
      g_assert_cmpstr (sem_session_get_title (session, "en"), ==, sessions[i].en);
      g_assert_cmpint (sem_session_get_start (session), ==, sem_test_utc (sessions[i].utc_start));
      g_assert_cmpint (sem_session_get_end (session), ==, sem_test_utc (sessions[i].utc_end));
      g_assert_cmpstr (sem_session_get_room (session), ==, j->rooms[sessions[i].room]);
    }
  g_assert_cmpuint (N_ITEMS (SEM_COLLECTION_SESSIONS), ==, 3);
}

/* Sofia's delegation from the Delegations page, then who attends what. */
static void
step_delegation (Journey *j)
{
  /* The head attends the opening and workshop A, the member workshop B. */
  const guint attends[][2] = { { 0, 0 }, { 0, 1 }, { 1, 2 } };
  GtkWindow *editor;
  GtkWidget *page, *list;
  SemDelegation *delegation;
  AdwExpanderRow *members;

  sem_test_show_page (j->window, "delegations");
  sem_test_click (GTK_WIDGET (j->window), "Add Delegation");
  editor = EDITOR ("New Delegation");
  sem_test_choose (GTK_WIDGET (editor), "Details", "City", "Sofia");
  sem_test_choose (GTK_WIDGET (editor), "Details", "Status", "Confirmed");
  pick_day (editor, "Details", "Arrival", "2018-02-19");
  pick_day (editor, "Details", "Departure", "2018-02-21");
  sem_test_choose (GTK_WIDGET (editor), "People", "Head of Delegation", "Desislava Ivanova");
  members = ADW_EXPANDER_ROW (sem_test_find_row (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW, "People", "Members"));
  adw_expander_row_set_expanded (members, TRUE);
  tick (editor, "People", "Desislava Ivanova");
  tick (editor, "People", "Petya Stoyanova");
  j->delegation = save (j, editor);

  delegation = SEM_DELEGATION (LOOKUP (SEM_COLLECTION_DELEGATIONS, j->delegation));
  g_assert_cmpstr (sem_delegation_get_event (delegation), ==, j->event);
  g_assert_cmpstr (sem_delegation_get_city (delegation), ==, j->city);
  g_assert_cmpstr (sem_delegation_get_head (delegation), ==, j->head);
  g_assert_cmpuint (g_strv_length ((char **) sem_delegation_get_members (delegation)), ==, 2);

  /* The delegation's row, clicked; then its attendance matrix. */
  page = sem_test_find_shown (GTK_WIDGET (j->window), SEM_TYPE_DELEGATIONS_PAGE, NULL);
  list = sem_test_find_titled (page, GTK_TYPE_LIST_BOX, NULL, TRUE);
  g_assert_nonnull (list);
  for (GtkWidget *r = gtk_widget_get_first_child (list); r != NULL; r = gtk_widget_get_next_sibling (r))
    if (g_object_get_data (G_OBJECT (r), "delegation") == (gpointer) delegation)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (r));
        g_signal_emit_by_name (list, "row-activated", r);
      }
  sem_test_gui_iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (attends); i++)
    {
      const char *person = attends[i][0] == 0 ? j->head : j->member;
      g_autofree char *pair = g_strconcat (person, ":", j->sessions[attends[i][1]], NULL);
      GtkWidget *check = find_with_data (page, GTK_TYPE_CHECK_BUTTON, "pair", pair);

      g_assert_nonnull (check);
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      g_assert_true (gtk_widget_activate (check));
      sem_test_gui_iterate ();
      g_assert_true (g_strv_contains (sem_delegation_get_attendance (delegation), pair));
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
  g_assert_cmpuint (g_strv_length ((char **) sem_delegation_get_attendance (delegation)), ==, 3);
}

/* The clash of the two workshops -------------------------------------------- */

/* The block of @session on the timetable, on its day (a person picks the day's tab). */
static GtkWidget *
block (Journey    *j,
       const char *session)
{
  SemTimetable *timetable = SEM_TIMETABLE (sem_test_find_titled (GTK_WIDGET (j->window), SEM_TYPE_TIMETABLE, NULL, TRUE));
  g_autofree char *day = NULL;

  g_assert_nonnull (timetable);
  day = sem_timetable_dup_session_day (timetable, session);
  if (day != NULL && g_strcmp0 (day, sem_timetable_get_day (timetable)) != 0)
    sem_timetable_set_day (timetable, day);
  return sem_timetable_get_block (timetable, session);
}

/* Shown or not: one error in the header's count, both workshops' blocks
 * marked, the opening's never. */
static gboolean
clash_shown (Journey       *j,
             gconstpointer  shown)
{
  SemConflictList *list = SEM_CONFLICT_LIST (sem_test_find_titled (GTK_WIDGET (j->window), SEM_TYPE_CONFLICT_LIST, NULL, TRUE));
  GtkWidget *count = list != NULL ? sem_test_find_widget (GTK_WIDGET (list), GTK_TYPE_LABEL, "sem-conflict-count") : NULL;
  GtkWidget *opening = block (j, j->sessions[0]), *a, *b;

  /* Blocks are the shown day's: the opening's first, then the workshops'. */
  if (list == NULL || count == NULL || opening == NULL || gtk_widget_has_css_class (opening, "error"))
    return FALSE;
  a = block (j, j->sessions[1]);
  b = block (j, j->sessions[2]);
  if (a == NULL || b == NULL)
    return FALSE;
  if (shown != NULL)
    return sem_conflict_list_get_n_problems (list) == 1 && gtk_widget_get_visible (count) &&
           g_str_equal (gtk_label_get_text (GTK_LABEL (count)), "1") &&
           g_str_equal (sem_conflict_list_get_summary (list), "1 error") &&
           gtk_widget_has_css_class (a, "error") && gtk_widget_has_css_class (b, "error");
  return sem_conflict_list_get_n_problems (list) == 0 && !gtk_widget_get_visible (count) &&
         !gtk_widget_has_css_class (a, "error") && !gtk_widget_has_css_class (b, "error");
}

/* The Conflicts page lists the clash alone, the room's, and following it
 * selects both workshops on the Sessions page. */
static void
step_see_clash (Journey *j)
{
  GtkWidget *view;
  GListModel *conflicts;
  g_autoptr(SemConflict) conflict = NULL;
  g_autoptr(GtkBitset) selected = NULL;

  sem_test_show_page (j->window, "timetable");
  g_assert_true (wait_for (j, clash_shown, GINT_TO_POINTER (TRUE)));

  sem_test_show_page (j->window, "conflicts");
  view = sem_test_find_titled (sem_test_find_shown (GTK_WIDGET (j->window), SEM_TYPE_CONFLICTS_PAGE, NULL), GTK_TYPE_LIST_VIEW, NULL, TRUE);
  g_assert_nonnull (view);
  conflicts = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  conflict = g_list_model_get_item (conflicts, 0);
  g_assert_cmpint (sem_conflict_get_kind (conflict), ==, SEM_CONFLICT_ROOM_DOUBLE_BOOKED);
  g_assert_cmpint (sem_conflict_get_severity (conflict), ==, SEM_CONFLICT_SEVERITY_ERROR);
  g_assert_true (sem_conflict_involves_session (conflict, j->sessions[1]));
  g_assert_true (sem_conflict_involves_session (conflict, j->sessions[2]));

  g_signal_emit_by_name (view, "activate", 0);
  sem_test_gui_iterate ();
  g_assert_cmpstr (sem_window_get_page (j->window), ==, "sessions");
  view = sem_test_find_shown (GTK_WIDGET (j->window), GTK_TYPE_COLUMN_VIEW, NULL);
  selected = gtk_selection_model_get_selection (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 2);
}

/* Workshop B moves to half past eleven in its editor, opened from the
 * Sessions page; undo brings the clash back, redo takes it away. */
static void
step_fix_undo_redo (Journey *j)
{
  SemSession *b = SEM_SESSION (LOOKUP (SEM_COLLECTION_SESSIONS, j->sessions[2]));
  GtkWidget *view;
  GListModel *rows;
  GtkWindow *editor;
  guint position = GTK_INVALID_LIST_POSITION;

  sem_test_show_page (j->window, "sessions");
  view = sem_test_find_shown (GTK_WIDGET (j->window), GTK_TYPE_COLUMN_VIEW, NULL);
  rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);
      g_autoptr(SemSession) session = NULL;

      g_object_get (item, "session", &session, NULL);
      if (session == b)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (view, "activate", position);
  sem_test_gui_iterate ();
  editor = EDITOR ("Edit Session");
  type_instant (editor, "Starts", "2018-02-21", "11:30");
  type_instant (editor, "Ends", "2018-02-21", "13:00");
  g_free (save (j, editor));
  g_assert_cmpint (sem_session_get_start (b), ==, sem_test_utc ("2018-02-21T10:30:00Z"));
  g_assert_cmpint (sem_session_get_end (b), ==, sem_test_utc ("2018-02-21T12:00:00Z"));

  sem_test_show_page (j->window, "timetable");
  g_assert_true (wait_for (j, clash_shown, NULL));

  /* One Ctrl+Z undoes both times. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.undo", NULL));
  g_assert_cmpint (sem_session_get_start (b), ==, sem_test_utc (sessions[2].utc_start));
  g_assert_cmpint (sem_session_get_end (b), ==, sem_test_utc (sessions[2].utc_end));
  g_assert_true (wait_for (j, clash_shown, GINT_TO_POINTER (TRUE)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.redo", NULL));
  g_assert_cmpint (sem_session_get_start (b), ==, sem_test_utc ("2018-02-21T10:30:00Z"));
  g_assert_true (wait_for (j, clash_shown, NULL));
}

/* Export and save ----------------------------------------------------------- */

static gboolean
closed (Journey       *j,
        gconstpointer  window)
{
  return !gtk_widget_get_visible (GTK_WIDGET (window));
}

/* The delegation's calendar, in English: its three sessions, at their times. */
static void
step_export (Journey *j)
{
  g_autofree char *path = g_build_filename (j->dir, "sofia.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *ics = NULL;
  g_autoptr(SemExportDialog) dialog = NULL;
  icalcomponent *calendar;
  guint seen = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.export-calendar", NULL));
  sem_test_gui_iterate ();
  dialog = g_object_ref (SEM_EXPORT_DIALOG (find_toplevel (SEM_TYPE_EXPORT_DIALOG, NULL)));
  adw_combo_row_set_selected (ADW_COMBO_ROW (sem_test_find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "kind-row", FALSE)), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (sem_test_find_titled (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "language-row", FALSE)), 2);
  sem_test_gui_iterate ();
  g_assert_cmpint (sem_export_dialog_get_scope (dialog), ==, SEM_SCOPE_DELEGATION);
  g_assert_cmpstr (sem_export_dialog_get_id (dialog), ==, j->delegation);
  g_assert_cmpuint (sem_export_dialog_get_count (dialog), ==, 3);

  /* What Export… does once a file is chosen: it writes, then closes. */
  sem_export_dialog_export_to_file (dialog, file);
  g_assert_true (wait_for (j, closed, dialog));

  ics = sem_test_read_file (path, NULL);
  sem_ical_lock ();
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
      icaltimetype start = icalcomponent_get_dtstart (event);
      icaltimezone *zone = NULL;
      guint i = 0;

      while (i < G_N_ELEMENTS (sessions) && g_strcmp0 (icalcomponent_get_summary (event), sessions[i].en) != 0)
        i++;
      g_assert_cmpuint (i, <, G_N_ELEMENTS (sessions));
      g_assert_false (seen & (1u << i));
      seen |= 1u << i;
      if (tzid != NULL)
        {
          g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Brussels");
          zone = icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid));
          g_assert_nonnull (zone);
        }
      else
        g_assert_true (icaltime_is_utc (start));
      /* Workshop B at its fixed time. */
      g_assert_cmpint (icaltime_as_timet_with_zone (start, zone), ==,
                       i == 2 ? sem_test_utc ("2018-02-21T10:30:00Z") : sem_test_utc (sessions[i].utc_start));
    }
  icalcomponent_free (calendar);
  sem_ical_unlock ();
  g_assert_cmpuint (seen, ==, 7);
}

static gboolean
saved (Journey       *j,
       gconstpointer  path)
{
  SemDocument *document = sem_window_get_document (j->window);

  return g_file_test (path, G_FILE_TEST_EXISTS) && sem_document_get_file (document) != NULL &&
         !sem_document_get_modified (document);
}

/* Save As… into a new file, which reads back as the same plan. */
static void
step_save (Journey *j)
{
  g_autofree char *path = g_build_filename (j->dir, "brussels.json", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (j->dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) loaded = NULL;
  g_autofree char *expected = NULL, *got = NULL;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (j->window), "win.save-as", NULL));
  sem_test_gui_iterate ();
  chooser = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "brussels.json");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_for (j, saved, path));

  loaded = sem_test_load_path (path);
  expected = sem_test_normalised_data (j->plan);
  got = sem_test_normalised_data (loaded);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (loaded, SEM_COLLECTION_SESSIONS)), ==, 3);
}

static void
test_brussels_seminar (void)
{
  g_autoptr(GError) error = NULL;
  Journey j = { NULL, };

  j.dir = g_dir_make_tmp ("sem-journey-XXXXXX", &error);
  g_assert_no_error (error);
  j.window = sem_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (j.window), 1200, 900);
  gtk_window_present (GTK_WINDOW (j.window));
  sem_test_gui_iterate ();

  step_programme_and_event (&j);
  step_venue (&j);
  step_rooms (&j);
  step_people (&j);
  step_sessions (&j);
  step_delegation (&j);
  step_see_clash (&j);
  step_fix_undo_redo (&j);
  step_export (&j);
  step_save (&j);

  gtk_window_destroy (GTK_WINDOW (j.window));
  sem_test_gui_iterate ();
  g_clear_object (&j.plan);
  sem_test_remove_tree (j.dir);
  g_free (j.dir);
  g_free (j.event); g_free (j.venue); g_free (j.city); g_free (j.head); g_free (j.member); g_free (j.delegation);
  for (guint i = 0; i < 2; i++)
    g_free (j.rooms[i]);
  for (guint i = 0; i < 3; i++)
    g_free (j.sessions[i]);
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

  g_test_add_func ("/journey-ui/brussels-seminar", test_brussels_seminar);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

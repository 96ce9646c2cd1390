/* test-delegations-ui.c — the Delegations, People and Rooms pages on the demo plan
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-delegations-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-delegation.h"
#include "sem-delegations-page.h"
#include "sem-demo.h"
#include "sem-entity-list-page.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define SOFIA_ID "dcc-brussels-2018-sofia"
#define PERSON_ID "p-desislava-ivanova"
/* A session Desislava Ivanova does not attend in the demo plan. */
#define SESSION_ID "dcc-brussels-2018-milestones"

static SemApplication *app;

typedef struct
{
  SemPlan   *plan;
  SemEvent  *event;
  GtkWindow *window;
  GtkWidget *page;
} Fixture;

static GPtrArray *
find_all (Fixture    *f,
          GType       type,
          const char *data_key)
{
  GPtrArray *found = g_ptr_array_new ();

  sem_test_collect_widgets (f->page, type, NULL, data_key, found);
  return found;
}

static void
show_page (Fixture   *f,
           GtkWidget *page)
{
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->page = page;
  g_object_set (page, "plan", f->plan, "event", f->event, NULL);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (f->window, overlay);
  gtk_window_present (f->window);
  sem_test_gui_iterate ();
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->plan = sem_demo_load (&error);
  g_assert_no_error (error);
  f->event = g_object_ref (SEM_EVENT (sem_plan_lookup (f->plan, SEM_COLLECTION_EVENTS, EVENT_ID)));
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 900);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (f->window);
  sem_test_gui_iterate ();
  g_clear_object (&f->event);
  g_clear_object (&f->plan);
}

static guint
count_event_sessions (Fixture *f)
{
  GListModel *sessions = sem_plan_get_collection (f->plan, SEM_COLLECTION_SESSIONS);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      n += g_strcmp0 (sem_session_get_event (session), EVENT_ID) == 0;
    }
  return n;
}

static GtkCheckButton *
find_check (Fixture    *f,
            const char *data_key,
            const char *value)
{
  g_autoptr(GPtrArray) checks = find_all (f, GTK_TYPE_CHECK_BUTTON, data_key);

  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (g_object_get_data (checks->pdata[i], data_key), value) == 0)
      return checks->pdata[i];
  return NULL;
}

/* Every check of the matrix is ticked exactly when the model has its pair. */
static void
assert_matrix_matches (Fixture       *f,
                       SemDelegation *delegation)
{
  g_autoptr(GPtrArray) checks = find_all (f, GTK_TYPE_CHECK_BUTTON, "pair");
  const char * const *members = sem_delegation_get_members (delegation);
  const char * const *pairs = sem_delegation_get_attendance (delegation);
  guint n_ticked = 0;

  g_assert_cmpuint (checks->len, ==, g_strv_length ((char **) members) * count_event_sessions (f));
  for (guint i = 0; i < checks->len; i++)
    {
      const char *pair = g_object_get_data (checks->pdata[i], "pair");
      gboolean active = gtk_check_button_get_active (checks->pdata[i]);

      g_assert_cmpint (active, ==, pairs != NULL && g_strv_contains (pairs, pair));
      n_ticked += active;
    }
  g_assert_cmpuint (n_ticked, ==, pairs != NULL ? g_strv_length ((char **) pairs) : 0);
}

static gboolean
model_has_pair (SemDelegation *delegation,
                const char    *pair)
{
  const char * const *pairs = sem_delegation_get_attendance (delegation);

  return pairs != NULL && g_strv_contains (pairs, pair);
}

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  GtkWidget *pages[] = {
    sem_delegations_page_new (),
    sem_entity_list_page_new (SEM_COLLECTION_PEOPLE),
    sem_entity_list_page_new (SEM_COLLECTION_ROOMS),
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      SemEvent *event = SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, EVENT_ID));
      guint notified = 0;

      g_object_ref_sink (pages[i]);
      g_signal_connect (pages[i], "notify::event", G_CALLBACK (sem_test_count_notify_cb), &notified);
      g_object_set (pages[i], "plan", plan, "event", event, NULL);
      g_object_set (pages[i], "event", event, NULL);
      g_assert_cmpuint (notified, ==, 1);
      g_assert_finalize_object (pages[i]);
    }
}

static void
test_delegation_list (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) all_rows = NULL;
  SemDelegation *sofia = SEM_DELEGATION (sem_plan_lookup (f->plan, SEM_COLLECTION_DELEGATIONS, SOFIA_ID));

  show_page (f, sem_delegations_page_new ());
  rows = find_all (f, GTK_TYPE_LIST_BOX_ROW, "delegation");
  g_assert_cmpuint (rows->len, ==, 7);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (sem_delegation_get_event (g_object_get_data (rows->pdata[i], "delegation")), ==, EVENT_ID);

  sem_delegations_page_show_delegation (SEM_DELEGATIONS_PAGE (f->page), SOFIA_ID);
  sem_test_gui_iterate ();
  assert_matrix_matches (f, sofia);

  /* Removing a delegation removes its row; undo brings it back, still shown. */
  sem_plan_remove (f->plan, SEM_ENTITY (sofia));
  sem_test_gui_iterate ();
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_all (f, GTK_TYPE_LIST_BOX_ROW, "delegation");
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_null (find_check (f, "pair", PERSON_ID ":" SESSION_ID));

  g_assert_true (sem_plan_undo (f->plan));
  sem_test_gui_iterate ();
  all_rows = find_all (f, GTK_TYPE_LIST_BOX_ROW, "delegation");
  g_assert_cmpuint (all_rows->len, ==, 7);
  sem_delegations_page_show_delegation (SEM_DELEGATIONS_PAGE (f->page), SOFIA_ID);
  sem_test_gui_iterate ();
  assert_matrix_matches (f, sofia);
}

static void
test_tick_undo_redo (Fixture      *f,
                     gconstpointer data)
{
  SemDelegation *sofia = SEM_DELEGATION (sem_plan_lookup (f->plan, SEM_COLLECTION_DELEGATIONS, SOFIA_ID));
  const char *pair = PERSON_ID ":" SESSION_ID;
  GtkCheckButton *check;

  show_page (f, sem_delegations_page_new ());
  sem_delegations_page_show_delegation (SEM_DELEGATIONS_PAGE (f->page), SOFIA_ID);
  sem_test_gui_iterate ();

  check = find_check (f, "pair", pair);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (model_has_pair (sofia, pair));

  /* A person clicks the check. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  sem_test_gui_iterate ();
  g_assert_true (model_has_pair (sofia, pair));
  assert_matrix_matches (f, sofia);

  g_assert_true (sem_plan_undo (f->plan));
  sem_test_gui_iterate ();
  g_assert_false (model_has_pair (sofia, pair));
  g_assert_false (gtk_check_button_get_active (check));
  assert_matrix_matches (f, sofia);

  g_assert_true (sem_plan_redo (f->plan));
  sem_test_gui_iterate ();
  g_assert_true (model_has_pair (sofia, pair));
  g_assert_true (gtk_check_button_get_active (check));

  /* Unticking removes the pair and nothing else. */
  gtk_check_button_set_active (check, FALSE);
  sem_test_gui_iterate ();
  g_assert_false (model_has_pair (sofia, pair));
  assert_matrix_matches (f, sofia);
}

static void
test_whole_delegation (Fixture      *f,
                       gconstpointer data)
{
  SemDelegation *sofia = SEM_DELEGATION (sem_plan_lookup (f->plan, SEM_COLLECTION_DELEGATIONS, SOFIA_ID));
  g_auto(GStrv) before = g_strdupv ((char **) sem_delegation_get_attendance (sofia));
  const char * const *members = sem_delegation_get_members (sofia);
  GtkCheckButton *toggle = NULL;
  g_autoptr(GPtrArray) toggles = NULL;

  show_page (f, sem_delegations_page_new ());
  sem_delegations_page_show_delegation (SEM_DELEGATIONS_PAGE (f->page), SOFIA_ID);
  sem_test_gui_iterate ();

  /* The column toggles carry a session and no pair. */
  toggles = find_all (f, GTK_TYPE_CHECK_BUTTON, "session");
  for (guint i = 0; i < toggles->len; i++)
    if (g_object_get_data (toggles->pdata[i], "pair") == NULL &&
        g_strcmp0 (g_object_get_data (toggles->pdata[i], "session"), SESSION_ID) == 0)
      toggle = toggles->pdata[i];
  g_assert_nonnull (toggle);
  /* Petya Stoyanova alone attends the milestones session. */
  g_assert_true (gtk_check_button_get_inconsistent (toggle));

  g_assert_true (gtk_widget_activate (GTK_WIDGET (toggle)));
  sem_test_gui_iterate ();
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *pair = g_strconcat (members[i], ":", SESSION_ID, NULL);

      g_assert_true (model_has_pair (sofia, pair));
    }
  g_assert_true (gtk_check_button_get_active (toggle));
  g_assert_false (gtk_check_button_get_inconsistent (toggle));
  assert_matrix_matches (f, sofia);

  /* One undo takes the whole column back. */
  g_assert_true (sem_plan_undo (f->plan));
  sem_test_gui_iterate ();
  g_assert_cmpstrv (sem_delegation_get_attendance (sofia), before);
  g_assert_true (gtk_check_button_get_inconsistent (toggle));
  assert_matrix_matches (f, sofia);

  /* Ticked again, then unticked: a full column empties. */
  g_assert_true (sem_plan_redo (f->plan));
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_activate (GTK_WIDGET (toggle)));
  sem_test_gui_iterate ();
  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *pair = g_strconcat (members[i], ":", SESSION_ID, NULL);

      g_assert_false (model_has_pair (sofia, pair));
    }
  assert_matrix_matches (f, sofia);
}

static guint
count_rows (Fixture *f)
{
  g_autoptr(GPtrArray) rows = find_all (f, GTK_TYPE_LIST_BOX_ROW, "entity");
  guint n = 0;

  /* Rows being removed may linger unparented for a moment: count the shown ones. */
  for (guint i = 0; i < rows->len; i++)
    n += gtk_widget_get_parent (rows->pdata[i]) != NULL;
  return n;
}

static gboolean
wait_for_rows (Fixture *f,
               guint    n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if (count_rows (f) == n)
        return TRUE;
      g_usleep (10 * 1000);
    }
  g_test_message ("gave up waiting for %u rows, have %u", n, count_rows (f));
  return FALSE;
}

static void
test_people (Fixture      *f,
             gconstpointer data)
{
  GListModel *people = sem_plan_get_collection (f->plan, SEM_COLLECTION_PEOPLE);
  g_autoptr(GPtrArray) entries = NULL;
  guint expected = 0;

  show_page (f, sem_entity_list_page_new (SEM_COLLECTION_PEOPLE));
  g_assert_cmpuint (g_list_model_get_n_items (people), >, 0);
  g_assert_cmpuint (count_rows (f), ==, g_list_model_get_n_items (people));

  /* Everyone from Sofia's investment agency, by organisation. */
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SemPerson) person = g_list_model_get_item (people, i);

      expected += g_strcmp0 (sem_person_get_organisation (person), "Sofia Investment Agency") == 0;
    }
  g_assert_cmpuint (expected, >, 1);
  g_assert_cmpuint (expected, <, g_list_model_get_n_items (people));

  entries = find_all (f, GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_cmpuint (entries->len, ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "sofia INVESTMENT");
  g_assert_true (wait_for_rows (f, expected));

  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "Desislava");
  g_assert_true (wait_for_rows (f, 1));

  gtk_editable_set_text (GTK_EDITABLE (entries->pdata[0]), "");
  g_assert_true (wait_for_rows (f, g_list_model_get_n_items (people)));
}

static void
test_rooms (Fixture      *f,
            gconstpointer data)
{
  GListModel *rooms = sem_plan_get_collection (f->plan, SEM_COLLECTION_ROOMS);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autofree char *room_id = NULL;
  GtkWidget *row = NULL;
  guint n_venue = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(SemRoom) room = g_list_model_get_item (rooms, i);

      n_venue += g_strcmp0 (sem_room_get_venue (room), sem_event_get_venue (f->event)) == 0;
    }
  g_assert_cmpuint (n_venue, >, 1);
  g_assert_cmpuint (n_venue, <, g_list_model_get_n_items (rooms));

  /* The event's venue's rooms. */
  show_page (f, sem_entity_list_page_new (SEM_COLLECTION_ROOMS));
  g_assert_cmpuint (count_rows (f), ==, n_venue);

  /* Without an event, every room. */
  g_object_set (f->page, "event", NULL, NULL);
  g_assert_true (wait_for_rows (f, g_list_model_get_n_items (rooms)));
  g_object_set (f->page, "event", f->event, NULL);
  g_assert_true (wait_for_rows (f, n_venue));

  /* Delete the first row's room with its button. */
  rows = find_all (f, GTK_TYPE_LIST_BOX_ROW, "entity");
  row = rows->pdata[0];
  room_id = g_strdup (sem_entity_get_id (g_object_get_data (G_OBJECT (row), "entity")));
  buttons = find_all (f, GTK_TYPE_BUTTON, NULL);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_is_ancestor (buttons->pdata[i], row))
      {
        g_assert_cmpstr (gtk_widget_get_tooltip_text (buttons->pdata[i]), ==, "Delete");
        g_signal_emit_by_name (buttons->pdata[i], "clicked");
        break;
      }
  sem_test_gui_iterate ();
  g_assert_null (sem_plan_lookup (f->plan, SEM_COLLECTION_ROOMS, room_id));
  g_assert_true (wait_for_rows (f, n_venue - 1));

  g_assert_true (sem_plan_undo (f->plan));
  g_assert_nonnull (sem_plan_lookup (f->plan, SEM_COLLECTION_ROOMS, room_id));
  g_assert_true (wait_for_rows (f, n_venue));
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

  g_test_add_func ("/delegations-ui/create-destroy", test_create_destroy);
  g_test_add ("/delegations-ui/delegation-list", Fixture, NULL,
              fixture_set_up, test_delegation_list, fixture_tear_down);
  g_test_add ("/delegations-ui/tick-undo-redo", Fixture, NULL,
              fixture_set_up, test_tick_undo_redo, fixture_tear_down);
  g_test_add ("/delegations-ui/whole-delegation", Fixture, NULL,
              fixture_set_up, test_whole_delegation, fixture_tear_down);
  g_test_add ("/delegations-ui/people", Fixture, NULL,
              fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/delegations-ui/rooms", Fixture, NULL,
              fixture_set_up, test_rooms, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

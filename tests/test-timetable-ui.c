/* test-timetable-ui.c — the Timetable page: days, blocks, dragging, undo, marks, home times
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-timetable-ui"

#include "config.h"

#include <adwaita.h>

#include "sem-conflict-list.h"
#include "sem-demo.h"
#include "sem-event.h"
#include "sem-session.h"
#include "sem-timetable.h"
#include "sem-timetable-page.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define DAY_1    "2018-02-20"
#define DAY_2    "2018-02-21"
/* 09:15–10:15 UTC, 10:15–11:15 in Brussels, in the Silver Hall */
#define CONCEPT_ID  "dcc-brussels-2018-concept"
#define OPENING_ID  "dcc-brussels-2018-opening"
#define BUSINESS_ID "dcc-brussels-2018-business"
#define REGISTRATION_ID "dcc-brussels-2018-registration"
/* Two workshops at the same time in two rooms on day 2 */
#define SESSION_A_ID "dcc-brussels-2018-maturity-a"
#define SESSION_B_ID "dcc-brussels-2018-maturity-b"

static SemApplication *app;

typedef struct
{
  SemPlan          *plan;
  SemConflictList  *conflicts;
  GtkWindow        *window;
  SemTimetablePage *page;
  SemTimetable     *timetable;
  gint64            now;
} Fixture;

static SemSession *
session (Fixture    *f,
         const char *id)
{
  SemSession *s = SEM_SESSION (sem_plan_lookup (f->plan, SEM_COLLECTION_SESSIONS, id));

  g_assert_nonnull (s);
  return s;
}

static graphene_rect_t
block_bounds (Fixture    *f,
              const char *id)
{
  GtkWidget *block = sem_timetable_get_block (f->timetable, id);
  graphene_rect_t bounds;

  g_assert_nonnull (block);
  sem_test_gui_iterate ();
  /* Lay out now rather than at the next frame. */
  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_VERTICAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (f->window),
                            &(GtkAllocation) { 0, 0, gtk_widget_get_width (GTK_WIDGET (f->window)),
                                               gtk_widget_get_height (GTK_WIDGET (f->window)) }, -1);
  g_assert_true (gtk_widget_compute_bounds (block, GTK_WIDGET (f->timetable), &bounds));
  return bounds;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SemEvent *event;

  f->plan = sem_demo_load (&error);
  g_assert_no_error (error);
  /* Tuesday 20 February 2018, 10:00 in Brussels */
  f->now = 1519117200;
  sem_plan_set_clock (f->plan, sem_test_clock_cb, &f->now);
  event = SEM_EVENT (sem_plan_lookup (f->plan, SEM_COLLECTION_EVENTS, EVENT_ID));
  g_assert_nonnull (event);

  f->conflicts = g_object_ref_sink (SEM_CONFLICT_LIST (sem_conflict_list_new ()));
  sem_conflict_list_set_plan (f->conflicts, f->plan);
  sem_conflict_list_set_event_id (f->conflicts, EVENT_ID);
  sem_conflict_list_refresh (f->conflicts);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 1100);
  f->page = SEM_TIMETABLE_PAGE (sem_timetable_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  g_object_set (f->page, "plan", f->plan, "event", event, "conflicts", f->conflicts, NULL);
  gtk_window_present (f->window);
  sem_test_gui_iterate ();

  f->timetable = SEM_TIMETABLE (sem_test_find_widget (GTK_WIDGET (f->page), SEM_TYPE_TIMETABLE, NULL));
  g_assert_nonnull (f->timetable);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (f->window);
  sem_test_gui_iterate ();
  g_clear_object (&f->conflicts);
  g_clear_object (&f->plan);
}

static void
test_days_and_blocks (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  GListModel *sessions = sem_plan_get_collection (f->plan, SEM_COLLECTION_SESSIONS);
  guint expected = 0;

  sem_test_collect_widgets (GTK_WIDGET (f->page), G_TYPE_INVALID, "timetable-day", NULL, buttons);
  g_assert_cmpuint (buttons->len, ==, 2);
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[0]), ==, "Tue 20 Feb");
  g_assert_cmpstr (gtk_button_get_label (buttons->pdata[1]), ==, "Wed 21 Feb");
  g_assert_true (gtk_toggle_button_get_active (buttons->pdata[0]));
  g_assert_cmpstr (sem_timetable_get_day (f->timetable), ==, DAY_1);

  /* One block per session of the first day, in Brussels (UTC+1). */
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) s = g_list_model_get_item (sessions, i);
      gint64 start = sem_session_get_start (s);

      if (g_strcmp0 (sem_session_get_event (s), EVENT_ID) != 0)
        continue;
      if (start >= 1519081200 && start < 1519081200 + 86400)
        {
          expected++;
          g_assert_nonnull (sem_timetable_get_block (f->timetable, sem_entity_get_id (SEM_ENTITY (s))));
        }
      else
        g_assert_null (sem_timetable_get_block (f->timetable, sem_entity_get_id (SEM_ENTITY (s))));
    }
  sem_test_collect_widgets (GTK_WIDGET (f->timetable), G_TYPE_INVALID, "timetable-block", NULL, blocks);
  g_assert_cmpuint (expected, ==, 11);
  g_assert_cmpuint (blocks->len, ==, expected);

  /* It is 10:00 on the first day: the time is marked; not on the second. */
  g_assert_true (gtk_widget_get_visible (sem_test_find_widget (GTK_WIDGET (f->timetable), G_TYPE_INVALID, "timetable-now")));

  g_signal_emit_by_name (buttons->pdata[1], "clicked");
  sem_test_gui_iterate ();
  g_assert_cmpstr (sem_timetable_get_day (f->timetable), ==, DAY_2);
  g_assert_false (gtk_toggle_button_get_active (buttons->pdata[0]));
  g_assert_null (sem_timetable_get_block (f->timetable, CONCEPT_ID));
  g_assert_nonnull (sem_timetable_get_block (f->timetable, SESSION_A_ID));
  g_assert_false (gtk_widget_get_visible (sem_test_find_widget (GTK_WIDGET (f->timetable), G_TYPE_INVALID, "timetable-now")));
}

static void
test_drag_undo_redo (Fixture      *f,
                     gconstpointer data)
{
  SemSession *concept = session (f, CONCEPT_ID);
  SemHistory *history = sem_plan_get_history (f->plan);
  gint64 start = sem_session_get_start (concept);
  gint64 end = sem_session_get_end (concept);
  g_autofree char *room = g_strdup (sem_session_get_room (concept));
  const char *foyer = sem_session_get_room (session (f, REGISTRATION_ID));
  graphene_rect_t before = block_bounds (f, CONCEPT_ID);
  graphene_rect_t foyer_bounds = block_bounds (f, REGISTRATION_ID);
  graphene_rect_t after;

  /* 1.1 hours down snaps to one hour; across to the foyer's lane. */
  sem_timetable_drag_session_for_test (f->timetable, CONCEPT_ID,
                                       foyer_bounds.origin.x - before.origin.x,
                                       SEM_TIMETABLE_HOUR_HEIGHT * 1.1);
  g_assert_cmpint (sem_session_get_start (concept), ==, start + 3600);
  g_assert_cmpint (sem_session_get_end (concept), ==, end + 3600);
  g_assert_cmpstr (sem_session_get_room (concept), ==, foyer);
  g_assert_cmpstr (sem_history_get_undo_label (history), ==, "Move Session");
  after = block_bounds (f, CONCEPT_ID);
  g_assert_cmpfloat_with_epsilon (after.origin.y - before.origin.y, SEM_TIMETABLE_HOUR_HEIGHT, 1.5);
  g_assert_cmpfloat_with_epsilon (after.origin.x, foyer_bounds.origin.x, 1.5);

  /* One undo puts it all back, block included. */
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_cmpint (sem_session_get_start (concept), ==, start);
  g_assert_cmpint (sem_session_get_end (concept), ==, end);
  g_assert_cmpstr (sem_session_get_room (concept), ==, room);
  after = block_bounds (f, CONCEPT_ID);
  g_assert_cmpfloat_with_epsilon (after.origin.y, before.origin.y, 0.5);
  g_assert_cmpfloat_with_epsilon (after.origin.x, before.origin.x, 0.5);

  g_assert_true (sem_plan_redo (f->plan));
  g_assert_cmpint (sem_session_get_start (concept), ==, start + 3600);
  g_assert_cmpstr (sem_session_get_room (concept), ==, foyer);
  g_assert_true (sem_plan_undo (f->plan));

  /* Up by 20 minutes snaps to 15; a small wobble is no move at all. */
  sem_timetable_drag_session_for_test (f->timetable, CONCEPT_ID, 3, -SEM_TIMETABLE_HOUR_HEIGHT / 3.0);
  g_assert_cmpint (sem_session_get_start (concept), ==, start - 900);
  g_assert_cmpint (sem_session_get_end (concept), ==, end - 900);
  g_assert_cmpstr (sem_session_get_room (concept), ==, room);
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_false (sem_history_get_can_undo (history));
  sem_timetable_drag_session_for_test (f->timetable, CONCEPT_ID, 2, 4);
  g_assert_cmpint (sem_session_get_start (concept), ==, start);
  g_assert_false (sem_history_get_can_undo (history));
}

static void
test_resize (Fixture      *f,
             gconstpointer data)
{
  SemSession *business = session (f, BUSINESS_ID);
  gint64 start = sem_session_get_start (business);
  gint64 end = sem_session_get_end (business);
  graphene_rect_t before = block_bounds (f, BUSINESS_ID);
  graphene_rect_t after;

  /* 34 minutes longer snaps to 30. */
  sem_timetable_resize_session_for_test (f->timetable, BUSINESS_ID, SEM_TIMETABLE_HOUR_HEIGHT * 34 / 60.0);
  g_assert_cmpint (sem_session_get_start (business), ==, start);
  g_assert_cmpint (sem_session_get_end (business), ==, end + 1800);
  g_assert_cmpstr (sem_history_get_undo_label (sem_plan_get_history (f->plan)), ==, "Resize Session");
  after = block_bounds (f, BUSINESS_ID);
  g_assert_cmpfloat_with_epsilon (after.size.height - before.size.height, SEM_TIMETABLE_HOUR_HEIGHT / 2.0, 1.5);

  /* Never shorter than a quarter hour. */
  sem_timetable_resize_session_for_test (f->timetable, BUSINESS_ID, -SEM_TIMETABLE_HOUR_HEIGHT * 10);
  g_assert_cmpint (sem_session_get_end (business), ==, start + 900);

  g_assert_true (sem_plan_undo (f->plan));
  g_assert_true (sem_plan_undo (f->plan));
  g_assert_cmpint (sem_session_get_end (business), ==, end);
  after = block_bounds (f, BUSINESS_ID);
  g_assert_cmpfloat_with_epsilon (after.size.height, before.size.height, 0.5);
}

static void
test_conflict_marks (Fixture      *f,
                     gconstpointer data)
{
  SemSession *a = session (f, SESSION_A_ID);
  SemSession *b = session (f, SESSION_B_ID);
  GtkWidget *block_a, *block_b;

  sem_timetable_page_show_session (f->page, SESSION_B_ID);
  sem_test_gui_iterate ();
  g_assert_cmpstr (sem_timetable_get_day (f->timetable), ==, DAY_2);
  block_a = sem_timetable_get_block (f->timetable, SESSION_A_ID);
  block_b = sem_timetable_get_block (f->timetable, SESSION_B_ID);
  g_assert_nonnull (block_a);
  g_assert_true (gtk_widget_is_focus (block_b));
  g_assert_true (gtk_widget_has_css_class (block_b, "timetable-highlight"));
  g_assert_false (gtk_widget_has_css_class (block_a, "error"));
  g_assert_false (gtk_widget_has_css_class (block_b, "error"));

  /* B moves onto A's room: both are marked. */
  sem_plan_set (f->plan, SEM_ENTITY (b), "room", sem_session_get_room (a), NULL);
  sem_conflict_list_refresh (f->conflicts);
  sem_test_gui_iterate ();
  g_assert_true (sem_timetable_get_block (f->timetable, SESSION_B_ID) == block_b);
  g_assert_true (gtk_widget_has_css_class (block_a, "error"));
  g_assert_true (gtk_widget_has_css_class (block_b, "error"));
  g_assert_true (gtk_widget_get_visible (sem_test_find_widget (block_b, GTK_TYPE_IMAGE, "timetable-conflict-icon")));
  {
    g_autofree char *tooltip = sem_timetable_dup_tooltip (f->timetable, SESSION_B_ID);

    /* The conflict's explanation names the room. */
    g_assert_nonnull (strstr (tooltip, "⚠"));
  }
  /* Side by side in the lane, not on top of each other. */
  {
    graphene_rect_t ra = block_bounds (f, SESSION_A_ID);
    graphene_rect_t rb = block_bounds (f, SESSION_B_ID);

    g_assert_false (graphene_rect_intersection (&ra, &rb, NULL));
  }

  g_assert_true (sem_plan_undo (f->plan));
  sem_conflict_list_refresh (f->conflicts);
  sem_test_gui_iterate ();
  g_assert_false (gtk_widget_has_css_class (block_a, "error"));
  g_assert_false (gtk_widget_has_css_class (block_b, "error"));
}

static void
test_tooltip_home_time (Fixture      *f,
                        gconstpointer data)
{
  GtkWidget *block = sem_timetable_get_block (f->timetable, OPENING_ID);
  g_autofree char *tooltip = NULL;

  g_assert_nonnull (block);
  g_assert_true (gtk_widget_get_has_tooltip (block));
  tooltip = sem_timetable_dup_tooltip (f->timetable, OPENING_ID);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (tooltip);
  /* 08:30–09:15 UTC: Brussels' time first, then Sofia's. */
  g_assert_nonnull (strstr (tooltip, "09:30–10:15"));
  g_assert_nonnull (strstr (tooltip, "Sofia: 10:30–11:15"));
  /* No line for a city with Brussels' own time. */
  g_assert_null (strstr (tooltip, "Brussels:"));
}

/* Two hundred sessions on one day: all shown, the rebuild quick. */
static void
test_many_sessions (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  gint64 t0;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("bulk-%u", i);
      SemSession *s = sem_session_new (id);

      g_object_set (s, "event", EVENT_ID, "title-en", id,
                    "start", (gint64) 1519113600 + (i % 40) * 900,
                    "end", (gint64) 1519113600 + (i % 40) * 900 + 1800, NULL);
      g_ptr_array_add (added, s);
    }
  t0 = g_get_monotonic_time ();
  sem_plan_add_all (f->plan, added);
  g_test_message ("add: %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  sem_timetable_set_day (f->timetable, DAY_2);
  g_test_message ("day 2: %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  sem_timetable_set_day (f->timetable, DAY_1);
  g_test_message ("two rebuilds and a switch: %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC / 2);
  sem_test_collect_widgets (GTK_WIDGET (f->timetable), G_TYPE_INVALID, "timetable-block", NULL, blocks);
  g_assert_cmpuint (blocks->len, ==, 211);
  block_bounds (f, "bulk-0");
}

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  GtkWidget *page;
  guint notified = 0;

  g_assert_no_error (error);
  page = g_object_ref_sink (sem_timetable_page_new ());
  g_signal_connect (page, "notify::plan", G_CALLBACK (sem_test_count_notify_cb), &notified);
  sem_timetable_page_set_plan (SEM_TIMETABLE_PAGE (page), plan);
  sem_timetable_page_set_plan (SEM_TIMETABLE_PAGE (page), plan);
  g_assert_cmpuint (notified, ==, 1);
  sem_timetable_page_set_event (SEM_TIMETABLE_PAGE (page),
                                SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, EVENT_ID)));
  g_assert_true (sem_timetable_page_get_plan (SEM_TIMETABLE_PAGE (page)) == plan);
  g_assert_finalize_object (page);
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

  g_test_add_func ("/timetable-ui/create-destroy", test_create_destroy);
  g_test_add ("/timetable-ui/days-and-blocks", Fixture, NULL,
              fixture_set_up, test_days_and_blocks, fixture_tear_down);
  g_test_add ("/timetable-ui/drag-undo-redo", Fixture, NULL,
              fixture_set_up, test_drag_undo_redo, fixture_tear_down);
  g_test_add ("/timetable-ui/resize", Fixture, NULL,
              fixture_set_up, test_resize, fixture_tear_down);
  g_test_add ("/timetable-ui/conflict-marks", Fixture, NULL,
              fixture_set_up, test_conflict_marks, fixture_tear_down);
  g_test_add ("/timetable-ui/tooltip-home-time", Fixture, NULL,
              fixture_set_up, test_tooltip_home_time, fixture_tear_down);
  g_test_add ("/timetable-ui/many-sessions", Fixture, NULL,
              fixture_set_up, test_many_sessions, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

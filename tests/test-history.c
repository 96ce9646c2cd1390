/* test-history.c — SemHistory through the plan: undo and redo restore exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-test-util.h"

typedef struct
{
  SemPlan *plan;
  gint64   now;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = sem_test_load_rich_plan ();
  fixture->now = 1600000000;
  sem_plan_set_clock (fixture->plan, sem_test_clock_cb, &fixture->now);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->plan);
}

/* Checks that undoing everything gives back @start exactly, and redoing
 * everything gives back @end exactly, entity by entity and as saved. */
static void
assert_undo_redo_exact (Fixture   *fixture,
                        GPtrArray *start,
                        const char *start_text)
{
  g_autoptr(GPtrArray) end = sem_test_snapshot (fixture->plan);
  g_autofree char *end_text = sem_test_normalised_data (fixture->plan);
  g_autofree char *undone_text = NULL;
  g_autofree char *redone_text = NULL;

  while (sem_plan_undo (fixture->plan))
    fixture->now++;
  sem_test_assert_snapshot (fixture->plan, start);
  undone_text = sem_test_normalised_data (fixture->plan);
  g_assert_cmpstr (undone_text, ==, start_text);

  while (sem_plan_redo (fixture->plan))
    fixture->now++;
  sem_test_assert_snapshot (fixture->plan, end);
  redone_text = sem_test_normalised_data (fixture->plan);
  g_assert_cmpstr (redone_text, ==, end_text);
}

static void
test_undo_set (Fixture       *fixture,
               gconstpointer  data)
{
  SemEntity *session = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "opening");
  g_autoptr(GPtrArray) start = sem_test_snapshot (fixture->plan);
  g_autofree char *start_text = sem_test_normalised_data (fixture->plan);
  const char *roles[] = { "blueprint", NULL };
  gint64 revision = sem_entity_get_revision (session);

  sem_plan_set (fixture->plan, session, "title-en", "Welcome", "title-bg", NULL, NULL);
  sem_plan_set (fixture->plan, session, "room", NULL, "capacity", 0, NULL);
  sem_plan_set (fixture->plan, session, "audience-roles", roles, "kind", SEM_SESSION_KIND_PLENARY, NULL);
  /* With no Bulgarian title, the English one stands in. */
  g_assert_cmpstr (sem_session_get_title (SEM_SESSION (session), "bg"), ==, "Welcome");

  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_false (sem_plan_undo (fixture->plan));
  sem_test_assert_snapshot (fixture->plan, start);
  g_assert_cmpstr (sem_session_get_title (SEM_SESSION (session), "bg"), ==, "Откриване");
  /* Undo is a visible change too: the revision only grows. */
  g_assert_cmpint (sem_entity_get_revision (session), >, revision + 3);

  while (sem_plan_redo (fixture->plan))
    ;
  g_assert_cmpstr (sem_session_get_title (SEM_SESSION (session), "en"), ==, "Welcome");
  g_assert_null (sem_session_get_room (SEM_SESSION (session)));
  assert_undo_redo_exact (fixture, start, start_text);
}

static void
test_undo_add_remove_group (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) start = sem_test_snapshot (fixture->plan);
  g_autofree char *start_text = sem_test_normalised_data (fixture->plan);
  g_autoptr(SemRoom) room = sem_room_new ("room-c");
  g_autoptr(SemPerson) person = sem_person_new ("new-person");

  g_object_set (room, "venue", "hub", "name-en", "Room C", "capacity", 12, NULL);
  sem_plan_add (fixture->plan, SEM_ENTITY (room));
  sem_plan_set (fixture->plan, sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "special"),
                "room", "room-c", NULL);

  sem_plan_begin_group (fixture->plan, "Several");
  g_object_set (person, "name", "Ana", NULL);
  sem_plan_add (fixture->plan, SEM_ENTITY (person));
  sem_plan_remove (fixture->plan, sem_plan_lookup (fixture->plan, SEM_COLLECTION_PEOPLE, "ivanova"));
  sem_plan_remove (fixture->plan, sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "opening"));
  sem_plan_end_group (fixture->plan);
  g_assert_cmpstr (sem_history_get_undo_label (sem_plan_get_history (fixture->plan)), ==, "Several");

  /* The group is one step. */
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_nonnull (sem_plan_lookup (fixture->plan, SEM_COLLECTION_PEOPLE, "ivanova"));
  g_assert_nonnull (sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "opening"));
  g_assert_null (sem_plan_lookup (fixture->plan, SEM_COLLECTION_PEOPLE, "new-person"));
  g_assert_true (sem_plan_redo (fixture->plan));
  g_assert_null (sem_plan_lookup (fixture->plan, SEM_COLLECTION_PEOPLE, "ivanova"));

  assert_undo_redo_exact (fixture, start, start_text);
}

static void
test_notify_and_redo_cleared (Fixture       *fixture,
                              gconstpointer  data)
{
  SemHistory *history = sem_plan_get_history (fixture->plan);
  SemEntity *room = sem_plan_lookup (fixture->plan, SEM_COLLECTION_ROOMS, "hall");
  guint can_undo = 0, can_redo = 0;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (sem_test_count_notify_cb), &can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (sem_test_count_notify_cb), &can_redo);
  g_assert_false (sem_history_get_can_undo (history));
  g_assert_false (sem_history_get_can_redo (history));

  sem_plan_set (fixture->plan, room, "capacity", 150, NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  sem_plan_set (fixture->plan, room, "capacity", 160, NULL);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (can_redo, ==, 0);

  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_true (sem_history_get_can_undo (history));
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_false (sem_history_get_can_undo (history));
  g_assert_true (sem_history_get_can_redo (history));
  g_assert_cmpint (sem_room_get_capacity (SEM_ROOM (room)), ==, 120);

  /* A new edit forgets what could be redone. */
  sem_plan_set (fixture->plan, room, "capacity", 99, NULL);
  g_assert_false (sem_history_get_can_redo (history));
  g_assert_cmpuint (can_redo, ==, 2);
  g_assert_false (sem_plan_redo (fixture->plan));
  g_assert_cmpint (sem_room_get_capacity (SEM_ROOM (room)), ==, 99);

  g_signal_handlers_disconnect_by_func (history, sem_test_count_notify_cb, &can_undo);
  g_signal_handlers_disconnect_by_func (history, sem_test_count_notify_cb, &can_redo);
}

static SemEntity *
random_entity (SemPlan       *plan,
               SemCollection  collection)
{
  GListModel *model = sem_plan_get_collection (plan, collection);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(SemEntity) entity = NULL;

  if (n == 0)
    return NULL;
  entity = g_list_model_get_item (model, g_test_rand_int_range (0, n));
  return entity; /* the plan keeps it alive */
}

static void
random_edit (Fixture *fixture)
{
  SemPlan *plan = fixture->plan;
  SemEntity *session = random_entity (plan, SEM_COLLECTION_SESSIONS);
  SemEntity *event = random_entity (plan, SEM_COLLECTION_EVENTS);
  g_autofree char *text = g_strdup_printf ("text %d", g_test_rand_int_range (0, 1000));
  gint64 start = 1519000000 + g_test_rand_int_range (0, 100000);

  switch (g_test_rand_int_range (0, 10))
    {
    case 0:
      if (session != NULL)
        sem_plan_set (plan, session, "title-en", text, NULL);
      break;
    case 1:
      if (session != NULL)
        sem_plan_set (plan, session, "start", start, "end", start + 3600,
                      "capacity", g_test_rand_int_range (0, 200), NULL);
      break;
    case 2:
    case 3:
      if (event != NULL)
        {
          g_autofree char *id = sem_plan_new_id (plan, SEM_COLLECTION_SESSIONS, "s");
          g_autoptr(SemSession) added = sem_session_new (id);

          g_object_set (added, "event", sem_entity_get_id (event), "title-bg", text,
                        "start", start, "end", start + 60, NULL);
          sem_plan_add (plan, SEM_ENTITY (added));
        }
      break;
    case 4:
      {
        SemEntity *victim = random_entity (plan, g_test_rand_int_range (0, SEM_N_COLLECTIONS));
        if (victim != NULL && g_test_rand_int_range (0, 3) == 0)
          sem_plan_remove (plan, victim);
      }
      break;
    case 5:
      if (session != NULL)
        sem_plan_remove (plan, session);
      break;
    case 6:
      sem_plan_begin_group (plan, "Group");
      if (session != NULL)
        sem_plan_set (plan, session, "status", SEM_STATUS_CANCELLED, "title-en", text, NULL);
      if (event != NULL)
        sem_plan_set (plan, event, "title-bg", text, "mode", SEM_EVENT_MODE_VIRTUAL, NULL);
      sem_plan_end_group (plan);
      break;
    case 7:
      sem_plan_undo (plan);
      break;
    case 8:
      sem_plan_redo (plan);
      break;
    case 9:
      {
        SemEntity *person = random_entity (plan, SEM_COLLECTION_PEOPLE);
        if (person != NULL)
          sem_plan_set (plan, person, "roles", g_test_rand_int_range (0, 16), NULL);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_random_sequence (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) start = sem_test_snapshot (fixture->plan);
  g_autofree char *start_text = sem_test_normalised_data (fixture->plan);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SemPlan) reloaded = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      char *saved;

      fixture->now += g_test_rand_int_range (0, 3);
      random_edit (fixture);

      /* Whatever the edits did, the plan still saves into a valid file. */
      saved = sem_plan_codec_to_data (fixture->plan, &length);
      bytes = g_bytes_new_take (saved, length);
      reloaded = sem_plan_codec_load_bytes (bytes, "step.json", &error);
      g_assert_no_error (error);
    }

  while (sem_plan_redo (fixture->plan))
    ;
  assert_undo_redo_exact (fixture, start, start_text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/history/undo-set", test_undo_set);
  ADD ("/history/undo-add-remove-group", test_undo_add_remove_group);
  ADD ("/history/notify-and-redo-cleared", test_notify_and_redo_cleared);
  ADD ("/history/random-sequence", test_random_sequence);
#undef ADD

  return g_test_run ();
}

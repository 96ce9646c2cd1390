/* test-plan.c — SemPlan: edits, stamps, signals, tombstones and cascades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-plan"

#include "config.h"


#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-test-util.h"
#include "sem-tombstone.h"
#include "sem-venue.h"

typedef struct
{
  SemPlan *plan;
  gint64   now;
  guint    changed;
} Fixture;

static void
changed_cb (SemPlan *plan,
            Fixture *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = sem_test_load_rich_plan ();
  fixture->now = 1600000000;
  sem_plan_set_clock (fixture->plan, sem_test_clock_cb, &fixture->now);
  g_signal_connect (fixture->plan, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->plan);
}

static SemEntity *
lookup (Fixture       *fixture,
        SemCollection  collection,
        const char    *id)
{
  SemEntity *entity = sem_plan_lookup (fixture->plan, collection, id);

  g_assert_nonnull (entity);
  return entity;
}

/* The plan as saved must load again: no edit may leave a dangling reference. */
static void
assert_saved_plan_loads (SemPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) loaded = NULL;
  gsize length;
  char *data = sem_plan_codec_to_data (plan, &length);
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, length);

  loaded = sem_plan_codec_load_bytes (bytes, "saved.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

typedef struct
{
  guint count;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->count++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  GListModel *sessions = sem_plan_get_collection (fixture->plan, SEM_COLLECTION_SESSIONS);
  g_autoptr(SemSession) session = sem_session_new ("added");
  ItemsChanged record = { 0 };

  g_signal_connect (sessions, "items-changed", G_CALLBACK (items_changed_cb), &record);
  g_object_set (session, "event", "brussels-1", "title-en", "Networking lunch",
                "start", (gint64) 1519120800, "end", (gint64) 1519124400, NULL);

  fixture->now = 1600000100;
  sem_plan_add (fixture->plan, SEM_ENTITY (session));

  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.position, ==, 2);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, 1);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
  g_assert_true (lookup (fixture, SEM_COLLECTION_SESSIONS, "added") == SEM_ENTITY (session));
  g_assert_cmpint (sem_entity_get_revision (SEM_ENTITY (session)), ==, 1);
  g_assert_cmpint (sem_entity_get_modified (SEM_ENTITY (session)), ==, 1600000100);
  g_assert_true (sem_history_get_can_undo (sem_plan_get_history (fixture->plan)));
  assert_saved_plan_loads (fixture->plan);

  g_signal_handlers_disconnect_by_func (sessions, items_changed_cb, &record);
}

/* Many at once: one edit, one items-changed, undone and redone as one. */
static void
test_add_all (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *sessions = sem_plan_get_collection (fixture->plan, SEM_COLLECTION_SESSIONS);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  ItemsChanged record = { 0 };
  guint before = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("batch-%u", i);
      SemSession *session = sem_session_new (id);

      g_object_set (session, "event", "brussels-1", "title-en", id,
                    "start", (gint64) 1519120800 + i * 60, "end", (gint64) 1519120800 + i * 60 + 45, NULL);
      g_ptr_array_add (batch, session);
    }

  g_signal_connect (sessions, "items-changed", G_CALLBACK (items_changed_cb), &record);
  fixture->now = 1600000200;
  sem_plan_add_all (fixture->plan, batch);

  g_assert_cmpuint (record.count, ==, 1);
  g_assert_cmpuint (record.added, ==, 50);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, before + 50);
  g_assert_true (lookup (fixture, SEM_COLLECTION_SESSIONS, "batch-49") == g_ptr_array_index (batch, 49));
  g_assert_cmpint (sem_entity_get_revision (g_ptr_array_index (batch, 0)), ==, 1);
  g_assert_cmpint (sem_entity_get_modified (g_ptr_array_index (batch, 0)), ==, 1600000200);
  assert_saved_plan_loads (fixture->plan);

  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, before);
  g_assert_null (sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "batch-0"));
  g_assert_true (sem_plan_redo (fixture->plan));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, before + 50);
  g_assert_cmpint (sem_entity_get_revision (g_ptr_array_index (batch, 0)), ==, 2);

  g_signal_handlers_disconnect_by_func (sessions, items_changed_cb, &record);
}

static void
test_set (Fixture       *fixture,
          gconstpointer  data)
{
  SemEntity *session = lookup (fixture, SEM_COLLECTION_SESSIONS, "opening");
  gint64 revision = sem_entity_get_revision (session);

  g_assert_cmpint (revision, ==, 2);

  fixture->now = 1600000200;
  sem_plan_set (fixture->plan, session, "title-en", "Welcome", NULL);
  g_assert_cmpstr (sem_session_get_title (SEM_SESSION (session), "en"), ==, "Welcome");
  g_assert_cmpint (sem_entity_get_revision (session), ==, revision + 1);
  g_assert_cmpint (sem_entity_get_modified (session), ==, 1600000200);
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* Several properties in one call are one edit, one revision per property. */
  fixture->now = 1600000300;
  sem_plan_set (fixture->plan, session, "capacity", 80, "start", (gint64) 1519115000, NULL);
  g_assert_cmpint (sem_session_get_capacity (SEM_SESSION (session)), ==, 80);
  g_assert_cmpint (sem_session_get_start (SEM_SESSION (session)), ==, 1519115000);
  g_assert_cmpint (sem_entity_get_revision (session), >=, revision + 2);
  g_assert_cmpint (sem_entity_get_modified (session), ==, 1600000300);
  g_assert_cmpuint (fixture->changed, ==, 2);

  /* The same value again is not a visible change: nothing happens. */
  revision = sem_entity_get_revision (session);
  fixture->now = 1600000400;
  sem_plan_set (fixture->plan, session, "title-en", "Welcome", "capacity", 80, NULL);
  g_assert_cmpint (sem_entity_get_revision (session), ==, revision);
  g_assert_cmpint (sem_entity_get_modified (session), ==, 1600000300);
  g_assert_cmpuint (fixture->changed, ==, 2);
}

/* Clearing a venue's coordinates is an edit like any other. */
static void
test_set_geo_unset (Fixture       *fixture,
                    gconstpointer  data)
{
  SemEntity *venue = lookup (fixture, SEM_COLLECTION_VENUES, "hub");
  SemHistory *history = sem_plan_get_history (fixture->plan);

  g_assert_cmpfloat (sem_venue_get_geo (SEM_VENUE (venue))->latitude, ==, 50.8467);
  sem_plan_set (fixture->plan, venue, "geo", &(SemGeo) { 42.6977, 23.3219 }, NULL);
  g_assert_cmpfloat (sem_venue_get_geo (SEM_VENUE (venue))->latitude, ==, 42.6977);
  sem_plan_set (fixture->plan, venue, "geo", NULL, NULL);
  g_assert_null (sem_venue_get_geo (SEM_VENUE (venue)));
  g_assert_cmpstr (sem_history_get_undo_label (history), !=, NULL);

  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_cmpfloat (sem_venue_get_geo (SEM_VENUE (venue))->latitude, ==, 42.6977);
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_cmpfloat (sem_venue_get_geo (SEM_VENUE (venue))->longitude, ==, 4.3525);
}

static void
test_remove_session_tombstone (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(SemEntity) session = g_object_ref (lookup (fixture, SEM_COLLECTION_SESSIONS, "special"));
  GListModel *tombstones = sem_plan_get_tombstones (fixture->plan);
  g_autoptr(SemTombstone) tombstone = NULL;
  SemEntity *delegation = lookup (fixture, SEM_COLLECTION_DELEGATIONS, "sofia-dcc");
  const char *attendance_after[] = { "ivanova:opening", NULL };
  gint64 revision = sem_entity_get_revision (session);

  g_assert_cmpuint (g_list_model_get_n_items (tombstones), ==, 1);

  fixture->now = 1600000500;
  sem_plan_remove (fixture->plan, session);
  g_assert_null (sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "special"));
  g_assert_cmpuint (fixture->changed, ==, 1);
  /* The delegation's attendance of the session goes with it. */
  g_assert_cmpstrv (sem_delegation_get_attendance (SEM_DELEGATION (delegation)), attendance_after);

  g_assert_cmpuint (g_list_model_get_n_items (tombstones), ==, 2);
  tombstone = g_list_model_get_item (tombstones, 1);
  g_assert_cmpstr (sem_entity_get_id (SEM_ENTITY (tombstone)), ==, "special");
  g_assert_cmpint (sem_tombstone_get_deleted (tombstone), ==, 1600000500);
  g_assert_cmpint (sem_entity_get_revision (SEM_ENTITY (tombstone)), >, revision);
  assert_saved_plan_loads (fixture->plan);

  /* Undo brings the session back above its tombstone's revision, and drops the tombstone. */
  fixture->now = 1600000600;
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_cmpuint (g_list_model_get_n_items (tombstones), ==, 1);
  g_assert_true (lookup (fixture, SEM_COLLECTION_SESSIONS, "special") == session);
  g_assert_cmpint (sem_entity_get_revision (session), >,
                   sem_entity_get_revision (SEM_ENTITY (tombstone)));
  g_assert_cmpint (sem_entity_get_modified (session), ==, 1600000600);
  g_assert_cmpuint (g_strv_length ((char **) sem_delegation_get_attendance (SEM_DELEGATION (delegation))), ==, 2);
  assert_saved_plan_loads (fixture->plan);
}

typedef struct
{
  SemCollection collection;
  const char   *id;
} Removal;

static void
test_remove_cascades (Fixture       *fixture,
                      gconstpointer  data)
{
  static const Removal removals[] = {
    { SEM_COLLECTION_CITIES, "brussels" },
    { SEM_COLLECTION_CITIES, "sofia" },
    { SEM_COLLECTION_PEOPLE, "ivanova" },
    { SEM_COLLECTION_ROOMS, "hall" },
    { SEM_COLLECTION_VENUES, "hub" },
    { SEM_COLLECTION_EVENTS, "brussels-1" },
    { SEM_COLLECTION_PROGRAMMES, "dcc" },
    { SEM_COLLECTION_DELEGATIONS, "sofia-dcc" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (removals); i++)
    {
      g_autoptr(GPtrArray) before = sem_test_snapshot (fixture->plan);
      g_autofree char *before_text = sem_test_normalised_data (fixture->plan);
      g_autofree char *after_text = NULL;

      g_test_message ("removing %s", removals[i].id);
      sem_plan_remove (fixture->plan, lookup (fixture, removals[i].collection, removals[i].id));
      g_assert_null (sem_plan_lookup (fixture->plan, removals[i].collection, removals[i].id));
      assert_saved_plan_loads (fixture->plan);

      g_assert_true (sem_plan_undo (fixture->plan));
      sem_test_assert_snapshot (fixture->plan, before);
      after_text = sem_test_normalised_data (fixture->plan);
      g_assert_cmpstr (after_text, ==, before_text);
    }

  /* What needs the event goes with it: its sessions and delegations. */
  sem_plan_remove (fixture->plan, lookup (fixture, SEM_COLLECTION_EVENTS, "brussels-1"));
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (fixture->plan, SEM_COLLECTION_SESSIONS)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (fixture->plan, SEM_COLLECTION_DELEGATIONS)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_tombstones (fixture->plan)), ==, 3);
  /* …as one edit. */
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_false (sem_plan_undo (fixture->plan));
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (fixture->plan, SEM_COLLECTION_SESSIONS)), ==, 2);

  /* An optional reference is cleared instead. */
  sem_plan_remove (fixture->plan, lookup (fixture, SEM_COLLECTION_ROOMS, "hall"));
  g_assert_null (sem_session_get_room (SEM_SESSION (lookup (fixture, SEM_COLLECTION_SESSIONS, "opening"))));
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (fixture->plan, SEM_COLLECTION_SESSIONS)), ==, 2);
}

static void
test_new_id (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = sem_plan_new_id (fixture->plan, SEM_COLLECTION_SESSIONS, "old-session");
  g_autofree char *room_id = sem_plan_new_id (fixture->plan, SEM_COLLECTION_ROOMS, "room");

  g_assert_true (sem_id_is_valid (id));
  g_assert_null (sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, id));
  g_assert_cmpstr (id, ==, "old-session-3");
  g_assert_cmpstr (room_id, ==, "room-3");
}

/* An edit that would leave a plan the loader refuses is a caller's bug:
 * it is refused loudly and nothing is recorded. */
static void
test_set_refuses_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  SemEntity *session = lookup (fixture, SEM_COLLECTION_SESSIONS, "special");
  SemHistory *history = sem_plan_get_history (fixture->plan);
  g_autofree char *before = g_strdup (sem_session_get_room (SEM_SESSION (session)));
  gboolean could_undo = sem_history_get_can_undo (history);

  g_test_expect_message ("sem-plan", G_LOG_LEVEL_CRITICAL, "*room*missing*nowhere*");
  sem_plan_set (fixture->plan, session, "room", "nowhere", NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpstr (sem_session_get_room (SEM_SESSION (session)), ==, before);

  g_test_expect_message ("sem-plan", G_LOG_LEVEL_CRITICAL, "*event*required*");
  sem_plan_set (fixture->plan, session, "event", NULL, NULL);
  g_test_assert_expected_messages ();
  g_assert_nonnull (sem_session_get_event (SEM_SESSION (session)));

  g_assert_cmpint (sem_history_get_can_undo (history), ==, could_undo);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan/add", test_add);
  ADD ("/plan/add-all", test_add_all);
  ADD ("/plan/set", test_set);
  ADD ("/plan/set-geo-unset", test_set_geo_unset);
  ADD ("/plan/remove/session-tombstone", test_remove_session_tombstone);
  ADD ("/plan/remove/cascades", test_remove_cascades);
  ADD ("/plan/new-id", test_new_id);
  ADD ("/plan/set-refuses-invalid", test_set_refuses_invalid);
#undef ADD

  return g_test_run ();
}

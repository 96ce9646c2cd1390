/* test-entity.c — SemEntity and its subclasses: life cycle, properties, copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-entity"

#include "config.h"


#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-feed.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-test-util.h"
#include "sem-tombstone.h"
#include "sem-venue.h"

typedef SemEntity *(*NewFunc) (const char *id);

static const struct {
  const char *name;
  NewFunc     new_func;
  GType     (*type_func) (void);
} entity_types[] = {
  { "programme", (NewFunc) sem_programme_new, sem_programme_get_type },
  { "city", (NewFunc) sem_city_new, sem_city_get_type },
  { "venue", (NewFunc) sem_venue_new, sem_venue_get_type },
  { "room", (NewFunc) sem_room_new, sem_room_get_type },
  { "person", (NewFunc) sem_person_new, sem_person_get_type },
  { "event", (NewFunc) sem_event_new, sem_event_get_type },
  { "session", (NewFunc) sem_session_new, sem_session_get_type },
  { "delegation", (NewFunc) sem_delegation_new, sem_delegation_get_type },
  { "feed", (NewFunc) sem_feed_new, sem_feed_get_type },
  { "external-event", (NewFunc) sem_external_event_new, sem_external_event_get_type },
  { "tombstone", (NewFunc) sem_tombstone_new, sem_tombstone_get_type },
};

static void
test_create_destroy (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  SemEntity *entity = entity_types[i].new_func ("an-id");
  SemEntity *copy;

  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (entity, entity_types[i].type_func ()));
  g_assert_cmpstr (sem_entity_get_id (entity), ==, "an-id");
  g_assert_cmpint (sem_entity_get_revision (entity), ==, 0);
  g_assert_cmpint (sem_entity_get_modified (entity), ==, 0);

  copy = sem_entity_copy (entity);
  g_assert_true (sem_entity_fields_equal (entity, copy));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (entity);
}

/* Sets @property twice to the value in @value: one notify, then none. */
static void
assert_notifies_once (SemEntity    *entity,
                      const char   *property,
                      const GValue *value)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint count = 0;
  gulong id = g_signal_connect (entity, signal, G_CALLBACK (sem_test_count_notify_cb), &count);

  g_object_set_property (G_OBJECT (entity), property, value);
  g_assert_cmpuint (count, ==, 1);
  g_object_set_property (G_OBJECT (entity), property, value);
  g_assert_cmpuint (count, ==, 1);

  g_signal_handler_disconnect (entity, id);
}

static void
test_notify (void)
{
  SemSession *session = sem_session_new ("s1");
  SemVenue *venue = sem_venue_new ("v1");
  SemPerson *person = sem_person_new ("p1");
  SemFeed *feed = sem_feed_new ("f1");
  const char *facilitators[] = { "p1", "p2", NULL };
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Opening");
  assert_notifies_once (SEM_ENTITY (session), "title-en", &value);
  g_value_set_string (&value, "Откриване");
  assert_notifies_once (SEM_ENTITY (session), "title-bg", &value);
  g_value_set_string (&value, "hall");
  assert_notifies_once (SEM_ENTITY (session), "room", &value);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, 1519115400);
  assert_notifies_once (SEM_ENTITY (session), "start", &value);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 42);
  assert_notifies_once (SEM_ENTITY (session), "capacity", &value);
  g_value_unset (&value);

  g_value_init (&value, SEM_TYPE_SESSION_KIND);
  g_value_set_enum (&value, SEM_SESSION_KIND_SPECIAL);
  assert_notifies_once (SEM_ENTITY (session), "kind", &value);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, facilitators);
  assert_notifies_once (SEM_ENTITY (session), "facilitators", &value);
  g_value_unset (&value);

  g_value_init (&value, SEM_TYPE_GEO);
  g_value_take_boxed (&value, sem_geo_new (42.6977, 23.3219));
  assert_notifies_once (SEM_ENTITY (venue), "geo", &value);
  g_value_unset (&value);

  g_value_init (&value, SEM_TYPE_PERSON_ROLE);
  g_value_set_flags (&value, SEM_PERSON_ROLE_EXPERT | SEM_PERSON_ROLE_MENTOR);
  assert_notifies_once (SEM_ENTITY (person), "roles", &value);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, TRUE);
  assert_notifies_once (SEM_ENTITY (feed), "enabled", &value);
  g_value_unset (&value);

  g_assert_cmpstr (sem_session_get_title (session, "en"), ==, "Opening");
  g_assert_cmpstr (sem_session_get_title (session, "bg"), ==, "Откриване");
  g_assert_cmpstr (sem_session_get_room (session), ==, "hall");
  g_assert_cmpint (sem_session_get_start (session), ==, 1519115400);
  g_assert_cmpint (sem_session_get_capacity (session), ==, 42);
  g_assert_cmpint (sem_session_get_kind (session), ==, SEM_SESSION_KIND_SPECIAL);
  g_assert_cmpstrv (sem_session_get_facilitators (session), facilitators);
  g_assert_cmpfloat (sem_venue_get_geo (venue)->latitude, ==, 42.6977);
  g_assert_cmpfloat (sem_venue_get_geo (venue)->longitude, ==, 23.3219);
  g_assert_cmpuint (sem_person_get_roles (person), ==,
                    SEM_PERSON_ROLE_EXPERT | SEM_PERSON_ROLE_MENTOR);
  g_assert_true (sem_feed_get_enabled (feed));

  g_assert_finalize_object (feed);
  g_assert_finalize_object (person);
  g_assert_finalize_object (venue);
  g_assert_finalize_object (session);
}

/* A venue without coordinates has no geo; clearing it is a change too. */
static void
test_geo_unset (void)
{
  SemVenue *venue = sem_venue_new ("v1");
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_null (sem_venue_get_geo (venue));
  g_object_set (venue, "geo", &(SemGeo) { 42.0, 23.0 }, NULL);
  g_assert_nonnull (sem_venue_get_geo (venue));

  g_value_init (&value, SEM_TYPE_GEO);
  assert_notifies_once (SEM_ENTITY (venue), "geo", &value);
  g_assert_null (sem_venue_get_geo (venue));
  g_assert_finalize_object (venue);
}

static void
test_touch (void)
{
  SemEvent *event = sem_event_new ("e1");
  guint revision_notifies = 0, modified_notifies = 0;

  g_signal_connect (event, "notify::revision", G_CALLBACK (sem_test_count_notify_cb), &revision_notifies);
  g_signal_connect (event, "notify::modified", G_CALLBACK (sem_test_count_notify_cb), &modified_notifies);

  sem_entity_touch (SEM_ENTITY (event), 1000);
  g_assert_cmpint (sem_entity_get_revision (SEM_ENTITY (event)), ==, 1);
  g_assert_cmpint (sem_entity_get_modified (SEM_ENTITY (event)), ==, 1000);
  g_assert_cmpuint (revision_notifies, ==, 1);
  g_assert_cmpuint (modified_notifies, ==, 1);

  sem_entity_touch (SEM_ENTITY (event), 2000);
  g_assert_cmpint (sem_entity_get_revision (SEM_ENTITY (event)), ==, 2);
  g_assert_cmpint (sem_entity_get_modified (SEM_ENTITY (event)), ==, 2000);

  /* A clock that goes back never makes the modified time go back. */
  sem_entity_touch (SEM_ENTITY (event), 1500);
  g_assert_cmpint (sem_entity_get_revision (SEM_ENTITY (event)), ==, 3);
  g_assert_cmpint (sem_entity_get_modified (SEM_ENTITY (event)), ==, 2000);
  g_assert_cmpuint (revision_notifies, ==, 3);
  g_assert_cmpuint (modified_notifies, ==, 2);

  g_assert_finalize_object (event);
}

static void
test_text (void)
{
  SemProgramme *programme = sem_programme_new ("dcc");
  g_autofree char *en = NULL;
  g_autofree char *bg = NULL;

  g_assert_null (sem_programme_get_name (programme, "en"));
  g_object_set (programme, "name-en", "Digital Cities", NULL);
  /* Only one language set: both fall back to it. */
  g_assert_cmpstr (sem_programme_get_name (programme, "en"), ==, "Digital Cities");
  g_assert_cmpstr (sem_programme_get_name (programme, "bg"), ==, "Digital Cities");

  g_object_set (programme, "name-bg", "Дигитални градове", NULL);
  g_assert_cmpstr (sem_programme_get_name (programme, "bg"), ==, "Дигитални градове");
  g_assert_cmpstr (sem_programme_get_name (programme, "en"), ==, "Digital Cities");
  g_assert_cmpstr (sem_programme_get_name (programme, NULL), ==, "Digital Cities");
  g_assert_cmpstr (sem_entity_get_text (SEM_ENTITY (programme), "name", "bg"), ==,
                   "Дигитални градове");

  g_object_get (programme, "name-en", &en, "name-bg", &bg, NULL);
  g_assert_cmpstr (en, ==, "Digital Cities");
  g_assert_cmpstr (bg, ==, "Дигитални градове");

  /* An empty text counts as missing. */
  g_object_set (programme, "name-en", "", NULL);
  g_assert_cmpstr (sem_programme_get_name (programme, "en"), ==, "Дигитални градове");

  g_assert_finalize_object (programme);
}

static void
test_copy_equal (void)
{
  SemSession *session = sem_session_new ("s1");
  const char *interpretation[] = { "bg", "fr", NULL };
  SemSession *copy;

  g_object_set (session, "title-en", "Opening", "title-bg", "Откриване", "start", (gint64) 100,
                "end", (gint64) 200, "capacity", 30, "interpretation", interpretation,
                "status", SEM_STATUS_CONFIRMED, NULL);
  sem_entity_touch (SEM_ENTITY (session), 5000);

  copy = SEM_SESSION (sem_entity_copy (SEM_ENTITY (session)));
  g_assert_true (copy != session);
  g_assert_true (sem_entity_fields_equal (SEM_ENTITY (session), SEM_ENTITY (copy)));
  g_assert_cmpint (sem_entity_get_revision (SEM_ENTITY (copy)), ==, 1);
  g_assert_cmpint (sem_entity_get_modified (SEM_ENTITY (copy)), ==, 5000);
  g_assert_cmpstr (sem_session_get_title (copy, "bg"), ==, "Откриване");
  g_assert_cmpstrv (sem_session_get_interpretation (copy), interpretation);

  /* The copy is detached: changing it leaves the original alone. */
  g_object_set (copy, "title-bg", "Начало", NULL);
  g_assert_false (sem_entity_fields_equal (SEM_ENTITY (session), SEM_ENTITY (copy)));
  g_assert_cmpstr (sem_session_get_title (session, "bg"), ==, "Откриване");
  g_object_set (copy, "title-bg", "Откриване", NULL);
  g_assert_true (sem_entity_fields_equal (SEM_ENTITY (session), SEM_ENTITY (copy)));

  /* Stamps are not fields. */
  sem_entity_touch (SEM_ENTITY (copy), 9000);
  g_assert_true (sem_entity_fields_equal (SEM_ENTITY (session), SEM_ENTITY (copy)));

  g_object_set (copy, "capacity", 31, NULL);
  g_assert_false (sem_entity_fields_equal (SEM_ENTITY (session), SEM_ENTITY (copy)));

  g_assert_finalize_object (copy);
  g_assert_finalize_object (session);
}

static void
test_equal_needs_same_type_and_id (void)
{
  SemRoom *room = sem_room_new ("x");
  SemRoom *other_id = sem_room_new ("y");
  SemCity *other_type = sem_city_new ("x");

  g_assert_false (sem_entity_fields_equal (SEM_ENTITY (room), SEM_ENTITY (other_id)));
  g_assert_false (sem_entity_fields_equal (SEM_ENTITY (room), SEM_ENTITY (other_type)));

  g_assert_finalize_object (other_type);
  g_assert_finalize_object (other_id);
  g_assert_finalize_object (room);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entity_types); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entity/create-destroy/%s", entity_types[i].name);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_create_destroy);
    }
  g_test_add_func ("/entity/notify", test_notify);
  g_test_add_func ("/entity/geo-unset", test_geo_unset);
  g_test_add_func ("/entity/touch", test_touch);
  g_test_add_func ("/entity/text", test_text);
  g_test_add_func ("/entity/copy-equal", test_copy_equal);
  g_test_add_func ("/entity/equal-type-and-id", test_equal_needs_same_type_and_id);

  return g_test_run ();
}

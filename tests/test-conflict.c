/* test-conflict.c — the conflict engine, rule by rule, and on the demo plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-conflict"

#include "config.h"

#include <string.h>

#include "sem-city.h"
#include "sem-conflict.h"
#include "sem-programme.h"
#include "sem-delegation.h"
#include "sem-demo.h"
#include "sem-event.h"
#include "sem-feed.h"
#include "sem-external-event.h"
#include "sem-person.h"
#include "sem-room.h"
#include "sem-scope.h"
#include "sem-session.h"
#include "sem-venue.h"

#include "sem-test-util.h"

static gint64
instant (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static void
add_session (SemPlan    *plan,
             const char *id,
             const char *event,
             const char *room,
             const char *start,
             const char *end,
             const char *facilitators)
{
  g_auto(GStrv) people = facilitators != NULL ? g_strsplit (facilitators, ",", -1) : NULL;
  g_autoptr(SemSession) session = g_object_new (SEM_TYPE_SESSION, "id", id, "event", event,
                                                "title-en", id, "title-bg", id,
                                                "start", instant (start), "end", instant (end),
                                                "room", room, "facilitators", people, NULL);

  sem_plan_add (plan, SEM_ENTITY (session));
}

static void
set (SemPlan    *plan,
     SemCollection collection,
     const char *id,
     const char *property,
     ...)
{
  SemEntity *entity = sem_plan_lookup (plan, collection, id);
  va_list args;

  g_assert_nonnull (entity);
  va_start (args, property);
  g_object_set_valist (G_OBJECT (entity), property, args);
  va_end (args);
}

/* Two venues, three rooms, three events in three timezones, four people
 * and a confirmed delegation of two staying 24–25 March 2018. */
static SemPlan *
base_plan (void)
{
  SemPlan *plan = sem_plan_new ();
  const char *attendance[] = { NULL };
  const char *members[] = { "p1", "p2", NULL };
  struct { const char *id, *zone, *first, *last; } events[] = {
    { "sofia", "Europe/Sofia", "2018-03-24", "2018-03-26" },
    { "brussels", "Europe/Brussels", "2018-03-24", "2018-03-26" },
    { "london", "Europe/London", "2018-03-24", "2018-03-26" },
  };

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("v%u", i + 1);
      g_autoptr(SemVenue) venue = g_object_new (SEM_TYPE_VENUE, "id", id, "name-en", id,
                                                "timezone", "Europe/Sofia", NULL);
      sem_plan_add (plan, SEM_ENTITY (venue));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);
      g_autoptr(SemRoom) room = g_object_new (SEM_TYPE_ROOM, "id", id, "name-en", id,
                                              "venue", i < 2 ? "v1" : "v2", "capacity", 10, NULL);
      sem_plan_add (plan, SEM_ENTITY (room));
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);
      g_autoptr(SemPerson) person = g_object_new (SEM_TYPE_PERSON, "id", id, "name", id, NULL);
      sem_plan_add (plan, SEM_ENTITY (person));
    }
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(SemEvent) event = g_object_new (SEM_TYPE_EVENT, "id", events[i].id,
                                                "title-en", events[i].id, "timezone", events[i].zone,
                                                "start-date", events[i].first,
                                                "end-date", events[i].last, NULL);
      sem_plan_add (plan, SEM_ENTITY (event));
    }
  {
    g_autoptr(SemDelegation) delegation = g_object_new (SEM_TYPE_DELEGATION, "id", "d1", "event", "sofia",
                                                        "members", members, "attendance", attendance,
                                                        "arrival", "2018-03-24", "departure", "2018-03-25",
                                                        "status", SEM_DELEGATION_STATUS_CONFIRMED, NULL);
    sem_plan_add (plan, SEM_ENTITY (delegation));
  }
  return plan;
}

static void
attend (SemPlan    *plan,
        const char *pair)
{
  SemDelegation *d = SEM_DELEGATION (sem_plan_lookup (plan, SEM_COLLECTION_DELEGATIONS, "d1"));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) pairs = NULL;

  if (sem_delegation_get_attendance (d) != NULL)
    g_strv_builder_addv (builder, (const char **) sem_delegation_get_attendance (d));
  g_strv_builder_add (builder, pair);
  pairs = g_strv_builder_end (builder);
  g_object_set (d, "attendance", pairs, NULL);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The conflicts' ids, sorted, joined by spaces. */
static char *
conflict_ids (GPtrArray *conflicts)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < conflicts->len; i++)
    g_ptr_array_add (ids, (gpointer) sem_conflict_get_id (g_ptr_array_index (conflicts, i)));
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static char *
check_ids (SemPlan                  *plan,
           const SemConflictOptions *options)
{
  g_autoptr(GPtrArray) conflicts = sem_conflict_check (plan, NULL, options);

  return conflict_ids (conflicts);
}

typedef struct
{
  const char *name;
  void      (*setup) (SemPlan *plan, SemConflictOptions *options);
  const char *expected;
} Case;

static void
room_overlap (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "a", "sofia", "r1", "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", NULL);
  add_session (plan, "b", "sofia", "r1", "2018-03-24T09:59:00+02", "2018-03-24T11:00:00+02", NULL);
  add_session (plan, "c", "sofia", "r2", "2018-03-24T09:30:00+02", "2018-03-24T10:30:00+02", NULL);
}

static void
room_touching (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "a", "sofia", "r1", "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", NULL);
  add_session (plan, "b", "sofia", "r1", "2018-03-24T10:00:00+02", "2018-03-24T11:00:00+02", NULL);
}

static void
room_cancelled (SemPlan *plan, SemConflictOptions *options)
{
  room_overlap (plan, options);
  set (plan, SEM_COLLECTION_SESSIONS, "b", "status", SEM_STATUS_CANCELLED, NULL);
}

static void
room_three (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "a", "sofia", "r1", "2018-03-24T09:00:00+02", "2018-03-24T12:00:00+02", NULL);
  add_session (plan, "b", "sofia", "r1", "2018-03-24T10:00:00+02", "2018-03-24T10:30:00+02", NULL);
  add_session (plan, "c", "sofia", "r1", "2018-03-24T10:30:00+02", "2018-03-24T11:00:00+02", NULL);
}

/* Sofia moves from EET to EEST at 03:00 on 25 March 2018: 01:30–04:30 on
 * the wall clock is two hours, 23:30Z–01:30Z. */
static void
dst_night (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "a", "sofia", "r1", "2018-03-24T23:30:00Z", "2018-03-25T01:30:00Z", NULL);
  /* 04:15 EEST: inside. */
  add_session (plan, "b", "sofia", "r1", "2018-03-25T01:15:00Z", "2018-03-25T02:00:00Z", NULL);
  /* 04:30 EEST: touches. */
  add_session (plan, "c", "sofia", "r2", "2018-03-25T01:30:00Z", "2018-03-25T02:00:00Z", NULL);
  /* 01:00 EET to 04:45 EEST: overlaps c. */
  add_session (plan, "d", "sofia", "r2", "2018-03-24T23:00:00Z", "2018-03-25T01:45:00Z", NULL);
}

static void
two_zones_same_instant (SemPlan *plan, SemConflictOptions *options)
{
  /* 10:00 in Brussels and 09:00 in London are the same instant. */
  add_session (plan, "bru", "brussels", NULL, "2018-03-24T10:00:00+01", "2018-03-24T11:00:00+01", "p3");
  add_session (plan, "lon", "london", NULL, "2018-03-24T09:00:00Z", "2018-03-24T10:00:00Z", "p3");
}

static void
two_zones_same_clock (SemPlan *plan, SemConflictOptions *options)
{
  /* 10:00 on both walls: an hour apart, touching. */
  add_session (plan, "bru", "brussels", NULL, "2018-03-24T10:00:00+01", "2018-03-24T11:00:00+01", "p3");
  add_session (plan, "lon", "london", NULL, "2018-03-24T10:00:00Z", "2018-03-24T11:00:00Z", "p3");
}

static void
person_attends_and_leads (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "a", "sofia", NULL, "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", "p1");
  add_session (plan, "b", "sofia", NULL, "2018-03-24T09:30:00+02", "2018-03-24T10:30:00+02", NULL);
  attend (plan, "p1:b");
  attend (plan, "p1:a");   /* leads and attends a: still one person in it */
}

static void
declined_attendance (SemPlan *plan, SemConflictOptions *options)
{
  person_attends_and_leads (plan, options);
  set (plan, SEM_COLLECTION_DELEGATIONS, "d1", "status", SEM_DELEGATION_STATUS_DECLINED, NULL);
}

static void
outside_stay (SemPlan *plan, SemConflictOptions *options)
{
  /* The stay ends at midnight after 25 March, Sofia time. */
  add_session (plan, "late", "sofia", NULL, "2018-03-25T23:30:00+03", "2018-03-26T00:30:00+03", NULL);
  add_session (plan, "last", "sofia", NULL, "2018-03-25T22:00:00+03", "2018-03-26T00:00:00+03", NULL);
  attend (plan, "p2:late");
  attend (plan, "p1:last");
}

static void
over_capacity (SemPlan *plan, SemConflictOptions *options)
{
  set (plan, SEM_COLLECTION_ROOMS, "r1", "capacity", 1, NULL);
  /* Open to all: the confirmed delegation's two members are expected. */
  add_session (plan, "all", "sofia", "r1", "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", NULL);
  /* One attends: one is expected. */
  add_session (plan, "one", "sofia", "r1", "2018-03-24T11:00:00+02", "2018-03-24T12:00:00+02", NULL);
  attend (plan, "p1:one");
  /* Unknown capacity: nothing to compare. */
  add_session (plan, "big", "sofia", "r3", "2018-03-24T11:00:00+02", "2018-03-24T12:00:00+02", NULL);
  set (plan, SEM_COLLECTION_ROOMS, "r3", "capacity", 0, NULL);
}

static void
outside_dates (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "early", "sofia", NULL, "2018-03-23T23:30:00+02", "2018-03-24T00:30:00+02", NULL);
  add_session (plan, "first", "sofia", NULL, "2018-03-24T00:00:00+02", "2018-03-24T00:30:00+02", NULL);
  add_session (plan, "last", "sofia", NULL, "2018-03-26T23:00:00+03", "2018-03-27T00:00:00+03", NULL);
  add_session (plan, "after", "sofia", NULL, "2018-03-26T23:00:00+03", "2018-03-27T00:01:00+03", NULL);
  add_session (plan, "backwards", "sofia", NULL, "2018-03-24T10:00:00+02", "2018-03-24T09:00:00+02", NULL);
}

static void
mandatory (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "must", "sofia", NULL, "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", NULL);
  add_session (plan, "kept", "sofia", NULL, "2018-03-24T11:00:00+02", "2018-03-24T12:00:00+02", NULL);
  set (plan, SEM_COLLECTION_SESSIONS, "must", "mandatory", TRUE, NULL);
  set (plan, SEM_COLLECTION_SESSIONS, "kept", "mandatory", TRUE, NULL);
  attend (plan, "p2:kept");
}

static void
busy (SemPlan *plan, SemConflictOptions *options)
{
  g_autoptr(SemFeed) feed = g_object_new (SEM_TYPE_FEED, "id", "f", "name", "f", "url", "https://example.org/f.ics",
                                          "people", (const char *[]) { "p4", NULL }, NULL);
  g_autoptr(SemExternalEvent) ext = g_object_new (SEM_TYPE_EXTERNAL_EVENT, "id", "uid-1", "summary", "Board",
                                                  "start", instant ("2018-03-24T09:30:00+02"),
                                                  "end", instant ("2018-03-24T10:30:00+02"), NULL);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (events, g_object_ref (ext));
  g_object_set (feed, "events", events, NULL);
  g_ptr_array_unref (events);
  sem_plan_add (plan, SEM_ENTITY (feed));

  add_session (plan, "a", "sofia", NULL, "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", "p4");
  add_session (plan, "b", "sofia", NULL, "2018-03-24T10:30:00+02", "2018-03-24T11:00:00+02", "p4");
  add_session (plan, "c", "sofia", NULL, "2018-03-24T12:00:00+02", "2018-03-24T13:00:00+02", NULL);
  attend (plan, "p1:c");
  sem_conflict_options_add_busy (options, SEM_CONFLICT_OWNER_DELEGATION, "d1", "lunch",
                                 instant ("2018-03-24T12:30:00+02"), instant ("2018-03-24T14:00:00+02"),
                                 "Lunch");
}

static void
travel (SemPlan *plan, SemConflictOptions *options)
{
  add_session (plan, "a", "sofia", "r1", "2018-03-24T09:00:00+02", "2018-03-24T10:00:00+02", "p3");
  add_session (plan, "b", "sofia", "r3", "2018-03-24T10:29:00+02", "2018-03-24T11:00:00+02", "p3");
  /* Same venue: no travel. */
  add_session (plan, "c", "sofia", "r2", "2018-03-24T11:00:00+02", "2018-03-24T12:00:00+02", "p4");
  add_session (plan, "d", "sofia", "r1", "2018-03-24T12:10:00+02", "2018-03-24T13:00:00+02", "p4");
  /* Exactly the buffer: fine. */
  add_session (plan, "e", "sofia", "r3", "2018-03-24T13:30:00+02", "2018-03-24T14:00:00+02", "p4");
}

static const Case cases[] = {
  { "room/overlap", room_overlap, "room:r1:a:b" },
  { "room/touching", room_touching, "" },
  { "room/cancelled", room_cancelled, "" },
  { "room/three", room_three, "room:r1:a:b room:r1:a:c" },
  { "room/dst-night", dst_night, "room:r1:a:b room:r2:c:d" },
  { "person/two-zones-same-instant", two_zones_same_instant, "person:p3:bru:lon" },
  { "person/two-zones-same-clock", two_zones_same_clock, "" },
  { "person/attends-and-leads", person_attends_and_leads, "person:p1:a:b" },
  { "person/declined", declined_attendance, "" },
  { "stay", outside_stay, "stay:d1:p2:late" },
  { "capacity", over_capacity, "capacity:all" },
  { "dates", outside_dates, "dates:after dates:early ends-before-start:backwards" },
  { "mandatory", mandatory, "mandatory:d1:must" },
  { "busy", busy, "busy-delegation:d1:c:lunch busy-person:p4:a:f/uid-1" },
  { "travel", travel, "travel:p3:a:b" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(SemPlan) plan = base_plan ();
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  g_autofree char *ids = NULL;

  sem_conflict_options_set_language (options, "en");
  c->setup (plan, options);
  ids = check_ids (plan, options);
  g_assert_cmpstr (ids, ==, c->expected);
}

static void
test_explanation (void)
{
  g_autoptr(SemPlan) plan = base_plan ();
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  SemConflict *conflict;

  sem_conflict_options_set_language (options, "en");
  dst_night (plan, options);
  conflicts = sem_conflict_check (plan, NULL, options);
  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = g_ptr_array_index (conflicts, 1);
  /* The wall clock of the event, across the change to summer time. */
  g_assert_cmpstr (sem_conflict_get_id (conflict), ==, "room:r2:c:d");
  g_assert_cmpstr (sem_conflict_get_explanation (conflict), ==,
                   "r2 is booked for “d” (01:00–04:45) and “c” (04:30–05:00) on 25 March 2018");
  g_assert_cmpint (sem_conflict_get_severity (conflict), ==, SEM_CONFLICT_SEVERITY_ERROR);
}

static void
changed_cb (SemPlan *plan,
            guint   *count)
{
  (*count)++;
}

static void
test_accepted (void)
{
  g_autoptr(SemPlan) plan = base_plan ();
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *data = NULL;
  guint changed = 0;

  travel (plan, options);
  add_session (plan, "x", "sofia", "r1", "2018-03-24T09:00:00+02", "2018-03-24T09:10:00+02", NULL);
  g_signal_connect (plan, "changed", G_CALLBACK (changed_cb), &changed);

  sem_plan_set_conflict_accepted (plan, "travel:p3:a:b", TRUE);
  sem_plan_set_conflict_accepted (plan, "room:r1:a:x", TRUE);
  sem_plan_set_conflict_accepted (plan, "room:r1:a:x", TRUE);
  g_assert_cmpuint (changed, ==, 2);
  conflicts = sem_conflict_check (plan, NULL, options);
  for (guint i = 0; i < conflicts->len; i++)
    {
      SemConflict *conflict = g_ptr_array_index (conflicts, i);

      /* Only warnings can be accepted. */
      g_assert_cmpint (sem_conflict_get_accepted (conflict), ==,
                       g_str_equal (sem_conflict_get_id (conflict), "travel:p3:a:b"));
    }
  g_assert_true (sem_plan_get_conflict_accepted (plan, "room:r1:a:x"));

  /* Saved and read back, sorted. */
  {
    g_autoptr(SemProgramme) programme = g_object_new (SEM_TYPE_PROGRAMME, "id", "prog", "name-en", "P", NULL);

    sem_plan_add (plan, SEM_ENTITY (programme));
    for (guint i = 0; i < 3; i++)
      set (plan, SEM_COLLECTION_EVENTS, (const char *[]) { "sofia", "brussels", "london" }[i],
           "programme", "prog", NULL);
    set (plan, SEM_COLLECTION_DELEGATIONS, "d1", "city", "c", NULL);
    {
      g_autoptr(SemCity) city = g_object_new (SEM_TYPE_CITY, "id", "c", "name-en", "C", "country", "BG",
                                              "timezone", "Europe/Sofia", NULL);
      sem_plan_add (plan, SEM_ENTITY (city));
    }
  }
  data = sem_plan_codec_to_data (plan, NULL);
  g_assert_nonnull (strstr (data, "\"accepted_conflicts\" : [\n    \"room:r1:a:x\",\n    \"travel:p3:a:b\"\n  ],"));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (data, strlen (data));
    g_autoptr(GError) error = NULL;
    g_autoptr(SemPlan) loaded = sem_plan_codec_load_bytes (bytes, "test", &error);

    g_assert_no_error (error);
    g_assert_true (sem_plan_get_conflict_accepted (loaded, "travel:p3:a:b"));
    /* Read, not edited: nothing to undo. */
    g_assert_false (sem_history_get_can_undo (sem_plan_get_history (loaded)));
  }

  changed = 0;
  sem_plan_set_conflict_accepted (plan, "room:r1:a:x", FALSE);
  g_assert_false (sem_plan_get_conflict_accepted (plan, "room:r1:a:x"));
  g_assert_cmpuint (changed, ==, 1);

  /* Each mark is an edit of its own: undone and redone. */
  g_assert_cmpstr (sem_history_get_undo_label (sem_plan_get_history (plan)), ==, "Count Warning Again");
  g_assert_true (sem_plan_undo (plan));
  g_assert_true (sem_plan_get_conflict_accepted (plan, "room:r1:a:x"));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (sem_plan_redo (plan));
  g_assert_false (sem_plan_get_conflict_accepted (plan, "room:r1:a:x"));
}

static void
test_stable_ids (void)
{
  g_autoptr(SemPlan) plan = base_plan ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  room_overlap (plan, NULL);
  two_zones_same_instant (plan, NULL);
  first = check_ids (plan, NULL);
  second = check_ids (plan, NULL);
  g_assert_cmpstr (first, ==, second);

  /* Unrelated edits: a title, another session. */
  set (plan, SEM_COLLECTION_SESSIONS, "a", "title-en", "Renamed", NULL);
  add_session (plan, "z", "london", "r2", "2018-03-25T09:00:00Z", "2018-03-25T10:00:00Z", NULL);
  third = check_ids (plan, NULL);
  g_assert_cmpstr (first, ==, third);
}

static void
test_event_filter (void)
{
  g_autoptr(SemPlan) plan = base_plan ();
  g_autoptr(GPtrArray) conflicts = NULL;

  two_zones_same_instant (plan, NULL);
  room_overlap (plan, NULL);
  conflicts = sem_conflict_check (plan, "london", NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (sem_conflict_get_id (g_ptr_array_index (conflicts, 0)), ==, "person:p3:bru:lon");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = sem_conflict_check (plan, "sofia", NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
}

/* The demo plan, then one clash added by hand for each kind. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  g_autofree char *none = NULL;
  g_autofree char *ids = NULL;
  const char *members[] = { "x-q", NULL };
  const char *pairs[] = { "x-q:x-stay", NULL };
  const char *patras[] = { "dcc-brussels-2018-patras", NULL };
  const char *nobody[] = { NULL };
  SemEntity *opening;
  g_autofree char *opening_room = NULL;
  g_autofree char *room_id = NULL;

  g_assert_no_error (error);
  none = check_ids (plan, options);
  g_assert_cmpstr (none, ==, "");

  for (guint i = 0; i < 4; i++)
    {
      const char *ids_[] = { "x-p", "x-q", "x-b", "x-t" };
      g_autoptr(SemPerson) person = g_object_new (SEM_TYPE_PERSON, "id", ids_[i], "name", ids_[i], NULL);
      sem_plan_add (plan, SEM_ENTITY (person));
    }

  /* Room: a session in the opening's room during the opening. */
  opening = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-opening");
  opening_room = g_strdup (sem_session_get_room (SEM_SESSION (opening)));
  add_session (plan, "x-room", "dcc-brussels-2018", opening_room,
               "2018-02-20T09:45:00+01", "2018-02-20T10:00:00+01", NULL);
  set (plan, SEM_COLLECTION_SESSIONS, "x-room", "audience", SEM_AUDIENCE_DELEGATIONS,
       "audience-delegations", nobody, NULL);
  /* Person: two sessions without rooms, one facilitator. */
  add_session (plan, "x-a", "dcc-brussels-2018", NULL, "2018-02-21T18:00:00+01", "2018-02-21T19:00:00+01", "x-p");
  add_session (plan, "x-b", "dcc-brussels-2018", NULL, "2018-02-21T18:30:00+01", "2018-02-21T19:00:00+01", "x-p");
  /* Outside the stay: a delegate of a new delegation arriving the next day. */
  add_session (plan, "x-stay", "dcc-brussels-2018", NULL, "2018-02-20T20:00:00+01", "2018-02-20T21:00:00+01", NULL);
  {
    g_autoptr(SemDelegation) delegation = g_object_new (SEM_TYPE_DELEGATION, "id", "x-d",
                                                        "event", "dcc-brussels-2018", "city", "sofia",
                                                        "members", members, "attendance", pairs,
                                                        "arrival", "2018-02-21", "departure", "2018-02-21",
                                                        NULL);
    sem_plan_add (plan, SEM_ENTITY (delegation));
  }
  /* Capacity: a room for one, open to everyone. */
  {
    SemRoom *london = SEM_ROOM (sem_plan_lookup (plan, SEM_COLLECTION_ROOMS, "room-london-workshop"));
    g_autoptr(SemRoom) room = g_object_new (SEM_TYPE_ROOM, "id", "x-tiny", "name-en", "Tiny",
                                            "venue", sem_room_get_venue (london), "capacity", 1, NULL);
    sem_plan_add (plan, SEM_ENTITY (room));
  }
  add_session (plan, "x-cap", "bdii-london-2020", "x-tiny", "2020-01-29T12:00:00Z", "2020-01-29T13:00:00Z", NULL);
  /* Dates; ends before it starts. */
  add_session (plan, "x-date", "dcc-brussels-2018", NULL, "2018-02-22T10:00:00+01", "2018-02-22T11:00:00+01", NULL);
  add_session (plan, "x-neg", "dcc-brussels-2018", NULL, "2018-02-20T10:00:00+01", "2018-02-20T09:00:00+01", NULL);
  /* Mandatory for Patras, who sends nobody. */
  add_session (plan, "x-m", "dcc-brussels-2018", NULL, "2018-02-21T20:00:00+01", "2018-02-21T20:30:00+01", NULL);
  set (plan, SEM_COLLECTION_SESSIONS, "x-m", "mandatory", TRUE, "audience", SEM_AUDIENCE_DELEGATIONS,
       "audience-delegations", patras, NULL);
  /* Busy elsewhere. */
  add_session (plan, "x-busy", "dcc-brussels-2018", NULL, "2018-02-21T21:00:00+01", "2018-02-21T22:00:00+01", "x-b");
  sem_conflict_options_add_busy (options, SEM_CONFLICT_OWNER_PERSON, "x-b", "ext-1",
                                 instant ("2018-02-21T21:30:00+01"), instant ("2018-02-21T23:00:00+01"), "Dinner");
  /* Travel: Brussels, then London ten minutes later. */
  room_id = g_strdup ("room-brussels-211");
  add_session (plan, "x-t1", "dcc-brussels-2018", room_id, "2018-02-21T19:00:00Z", "2018-02-21T19:30:00Z", "x-t");
  add_session (plan, "x-t2", "dcc-brussels-2018", "room-london-workshop", "2018-02-21T19:40:00Z", "2018-02-21T20:00:00Z", "x-t");
  set (plan, SEM_COLLECTION_SESSIONS, "x-t1", "audience", SEM_AUDIENCE_DELEGATIONS, "audience-delegations", nobody, NULL);
  set (plan, SEM_COLLECTION_SESSIONS, "x-t2", "audience", SEM_AUDIENCE_DELEGATIONS, "audience-delegations", nobody, NULL);

  ids = check_ids (plan, options);
  {
    g_autofree char *expected = g_strdup_printf ("busy-person:x-b:x-busy:ext-1 capacity:x-cap dates:x-date "
                                                 "ends-before-start:x-neg mandatory:dcc-brussels-2018-patras:x-m "
                                                 "person:x-p:x-a:x-b room:%s:dcc-brussels-2018-opening:x-room "
                                                 "stay:x-d:x-q:x-stay travel:x-t:x-t1:x-t2", opening_room);
    g_assert_cmpstr (ids, ==, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  sem_resources_register ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/conflict/rule/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/conflict/explanation", test_explanation);
  g_test_add_func ("/conflict/accepted", test_accepted);
  g_test_add_func ("/conflict/stable-ids", test_stable_ids);
  g_test_add_func ("/conflict/event-filter", test_event_filter);
  g_test_add_func ("/conflict/demo", test_demo);

  return g_test_run ();
}

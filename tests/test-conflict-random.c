/* test-conflict-random.c — the conflict engine against a brute-force checker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many small random plans (seeded: run with --seed to repeat one), each
 * checked by the engine and by an O(n²) checker written from the rules
 * alone; the sets of conflict ids must be equal.
 */

#define G_LOG_DOMAIN "test-conflict-random"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sem-conflict.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-scope.h"
#include "sem-session.h"
#include "sem-venue.h"

#include "sem-test-util.h"

#define BASE 1521842400   /* 2018-03-24T00:00:00+02 */
#define N_PEOPLE 8

static const char *zones[] = { "Europe/Sofia", "Europe/London" };
static const char *roles[] = { "participant", "blueprint" };

typedef struct
{
  gint64      start;
  gint64      end;
  const char *owner;
  gboolean    delegation;
  char       *id;
} Busy;

static char *
person_id (guint i)
{
  return g_strdup_printf ("p%u", i);
}

static GStrv
random_people (guint max)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = g_test_rand_int_range (0, max + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = person_id (g_test_rand_int_range (0, N_PEOPLE));
      g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

static SemPlan *
random_plan (guint   n_sessions,
             GArray *busy)
{
  SemPlan *plan = sem_plan_new ();
  const char *cities[] = { "c0:participant", "c1:blueprint", "c2:participant", NULL };

  {
    g_autoptr(SemProgramme) programme = g_object_new (SEM_TYPE_PROGRAMME, "id", "prog", "name-en", "P",
                                                      "cities", cities, NULL);
    sem_plan_add (plan, SEM_ENTITY (programme));
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *first = g_strdup_printf ("2018-03-%02u", 24 + g_test_rand_int_range (0, 2));
      g_autoptr(SemEvent) event = g_object_new (SEM_TYPE_EVENT, "id", id, "programme", "prog",
                                                "title-en", id, "timezone", zones[i],
                                                "start-date", first, "end-date", "2018-03-26", NULL);
      g_autofree char *venue_id = g_strdup_printf ("v%u", i);
      g_autoptr(SemVenue) venue = g_object_new (SEM_TYPE_VENUE, "id", venue_id, "name-en", venue_id,
                                                "timezone", zones[i], NULL);

      sem_plan_add (plan, SEM_ENTITY (event));
      sem_plan_add (plan, SEM_ENTITY (venue));
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_autoptr(SemRoom) room = g_object_new (SEM_TYPE_ROOM, "id", id, "name-en", id, "venue", i < 2 ? "v0" : "v1",
                                              "capacity", g_test_rand_int_range (0, 5), NULL);
      sem_plan_add (plan, SEM_ENTITY (room));
    }
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *id = person_id (i);
      g_autoptr(SemPerson) person = g_object_new (SEM_TYPE_PERSON, "id", id, "name", id, NULL);
      sem_plan_add (plan, SEM_ENTITY (person));
    }
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%02u", i);
      g_autofree char *event = g_strdup_printf ("e%d", g_test_rand_int_range (0, 2));
      g_autofree char *room = g_test_rand_bit () ? g_strdup_printf ("r%d", g_test_rand_int_range (0, 4)) : NULL;
      g_auto(GStrv) facilitators = random_people (2);
      gint64 start = BASE - 3600 + (gint64) g_test_rand_int_range (0, 4 * 24 * 4) * 900;
      gint64 end = start + (gint64) g_test_rand_int_range (-1, 12) * 900;
      int audience = g_test_rand_int_range (0, 3);
      const char *audience_delegations[] = { g_test_rand_bit () ? "d0" : "d1", NULL };
      const char *audience_roles[] = { roles[g_test_rand_int_range (0, 2)], NULL };
      g_autoptr(SemSession) session = g_object_new (SEM_TYPE_SESSION, "id", id, "event", event,
                                                    "title-en", id, "start", start, "end", end,
                                                    "room", room, "facilitators", facilitators,
                                                    "audience", audience,
                                                    "audience-delegations", audience_delegations,
                                                    "audience-roles", audience_roles,
                                                    "mandatory", g_test_rand_int_range (0, 6) == 0,
                                                    "status", g_test_rand_int_range (0, 8) == 0
                                                              ? SEM_STATUS_CANCELLED : SEM_STATUS_CONFIRMED,
                                                    NULL);
      sem_plan_add (plan, SEM_ENTITY (session));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("d%u", i);
      g_autofree char *event = g_strdup_printf ("e%d", g_test_rand_int_range (0, 2));
      g_autofree char *city = g_strdup_printf ("c%u", i);
      g_autofree char *arrival = g_strdup_printf ("2018-03-%02d", 23 + g_test_rand_int_range (0, 3));
      g_autofree char *departure = g_strdup_printf ("2018-03-%02d", 25 + g_test_rand_int_range (0, 2));
      g_auto(GStrv) members = random_people (3);
      g_autofree char *head = person_id (g_test_rand_int_range (0, N_PEOPLE));
      g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();
      g_auto(GStrv) attendance = NULL;
      g_autoptr(SemDelegation) delegation = NULL;

      for (guint k = 0; members[k] != NULL; k++)
        for (int a = g_test_rand_int_range (0, 4); a > 0; a--)
          {
            g_autofree char *pair = g_strdup_printf ("%s:s%02d", members[k],
                                                     g_test_rand_int_range (0, n_sessions));
            g_strv_builder_add (pairs, pair);
          }
      attendance = g_strv_builder_end (pairs);
      delegation = g_object_new (SEM_TYPE_DELEGATION, "id", id, "event", event, "city", city,
                                 "head", g_test_rand_bit () ? head : NULL, "members", members,
                                 "attendance", attendance,
                                 "arrival", g_test_rand_bit () ? arrival : NULL,
                                 "departure", g_test_rand_bit () ? departure : NULL,
                                 "status", g_test_rand_int_range (0, 3), NULL);
      sem_plan_add (plan, SEM_ENTITY (delegation));
    }
  for (guint i = 0; i < 4; i++)
    {
      Busy b;

      b.delegation = g_test_rand_bit ();
      b.owner = b.delegation ? (const char *[]) { "d0", "d1", "d2" }[g_test_rand_int_range (0, 3)]
                             : (const char *[]) { "p0", "p1", "p2", "p3" }[g_test_rand_int_range (0, 4)];
      b.start = BASE + (gint64) g_test_rand_int_range (0, 3 * 24 * 4) * 900;
      b.end = b.start + (gint64) g_test_rand_int_range (1, 12) * 900;
      b.id = g_strdup_printf ("b%u", i);
      g_array_append_val (busy, b);
    }
  return plan;
}

/* The brute-force checker, from the rules. */

static gboolean
overlap (SemSession *a,
         SemSession *b)
{
  return sem_session_get_start (a) < sem_session_get_end (b) &&
         sem_session_get_start (b) < sem_session_get_end (a);
}

static gboolean
valid (SemSession *s)
{
  return sem_session_get_status (s) != SEM_STATUS_CANCELLED && sem_session_get_end (s) > sem_session_get_start (s);
}

static const char *
sid (gpointer entity)
{
  return sem_entity_get_id (SEM_ENTITY (entity));
}

static char *
pair (const char *prefix,
      const char *owner,
      SemSession *a,
      SemSession *b)
{
  gboolean swap = strcmp (sid (a), sid (b)) > 0;

  return g_strdup_printf ("%s:%s:%s:%s", prefix, owner, sid (swap ? b : a), sid (swap ? a : b));
}

static gint64
midnight (SemPlan    *plan,
          const char *event_id,
          const char *date,
          int         days)
{
  SemEvent *event = SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id));
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (sem_event_get_timezone (event));
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) next = NULL;
  int y, m, d;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  dt = g_date_time_new (tz, y, m, d, 0, 0, 0);
  next = g_date_time_add_days (dt, days);
  return g_date_time_to_unix (next);
}

static gboolean
attends (SemDelegation *d,
         const char    *person,
         SemSession    *s)
{
  g_autofree char *wanted = g_strdup_printf ("%s:%s", person, sid (s));
  const char * const *pairs = sem_delegation_get_attendance (d);

  return pairs != NULL && g_strv_contains (pairs, wanted);
}

static gboolean
counts (SemDelegation *d)
{
  return sem_delegation_get_status (d) != SEM_DELEGATION_STATUS_DECLINED;
}

/* Whether @person facilitates or attends @s with a delegation that counts. */
static gboolean
takes_part (GPtrArray  *delegations,
            const char *person,
            SemSession *s)
{
  const char * const *facilitators = sem_session_get_facilitators (s);

  if (facilitators != NULL && g_strv_contains (facilitators, person))
    return TRUE;
  for (guint i = 0; i < delegations->len; i++)
    if (counts (delegations->pdata[i]) && attends (delegations->pdata[i], person, s))
      return TRUE;
  return FALSE;
}

static const char *
venue_of (SemPlan    *plan,
          SemSession *s)
{
  SemEntity *room = sem_plan_lookup (plan, SEM_COLLECTION_ROOMS, sem_session_get_room (s));

  return room != NULL ? sem_room_get_venue (SEM_ROOM (room)) : NULL;
}

static gboolean
key_before (GPtrArray *sessions, guint a, guint b)
{
  SemSession *x = sessions->pdata[a], *y = sessions->pdata[b];

  if (sem_session_get_start (x) != sem_session_get_start (y))
    return sem_session_get_start (x) < sem_session_get_start (y);
  if (sem_session_get_end (x) != sem_session_get_end (y))
    return sem_session_get_end (x) < sem_session_get_end (y);
  return a < b;
}

static GPtrArray *
items_of (SemPlan      *plan,
          SemCollection collection)
{
  GListModel *model = sem_plan_get_collection (plan, collection);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static GHashTable *
brute_force (SemPlan *plan,
             GArray  *busy)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sessions = items_of (plan, SEM_COLLECTION_SESSIONS);
  g_autoptr(GPtrArray) delegations = items_of (plan, SEM_COLLECTION_DELEGATIONS);
  g_autoptr(GPtrArray) people = items_of (plan, SEM_COLLECTION_PEOPLE);

  for (guint i = 0; i < sessions->len; i++)
    {
      SemSession *a = sessions->pdata[i];
      SemEvent *event = SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, sem_session_get_event (a)));
      SemEntity *room = sem_plan_lookup (plan, SEM_COLLECTION_ROOMS, sem_session_get_room (a));

      if (sem_session_get_status (a) == SEM_STATUS_CANCELLED)
        continue;
      if (sem_session_get_end (a) <= sem_session_get_start (a))
        {
          g_hash_table_add (ids, g_strdup_printf ("ends-before-start:%s", sid (a)));
          continue;
        }
      if (sem_session_get_start (a) < midnight (plan, sid (event), sem_event_get_start_date (event), 0) ||
          sem_session_get_end (a) > midnight (plan, sid (event), sem_event_get_end_date (event), 1))
        g_hash_table_add (ids, g_strdup_printf ("dates:%s", sid (a)));

      for (guint j = 0; j < sessions->len; j++)
        {
          SemSession *b = sessions->pdata[j];

          if (j <= i || !valid (b) || !overlap (a, b))
            continue;
          if (room != NULL && g_strcmp0 (sem_session_get_room (a), sem_session_get_room (b)) == 0)
            g_hash_table_add (ids, pair ("room", sid (room), a, b));
          for (guint p = 0; p < people->len; p++)
            if (takes_part (delegations, sid (people->pdata[p]), a) &&
                takes_part (delegations, sid (people->pdata[p]), b))
              g_hash_table_add (ids, pair ("person", sid (people->pdata[p]), a, b));
        }

      /* Travel: b is the next of the person's sessions after a. */
      for (guint p = 0; p < people->len; p++)
        {
          const char *person = sid (people->pdata[p]);
          int next = -1;

          if (!takes_part (delegations, person, a))
            continue;
          for (guint j = 0; j < sessions->len; j++)
            if (j != i && valid (sessions->pdata[j]) && takes_part (delegations, person, sessions->pdata[j]) &&
                key_before (sessions, i, j) && (next < 0 || key_before (sessions, j, next)))
              next = j;
          if (next >= 0)
            {
              SemSession *b = sessions->pdata[next];
              gint64 gap = sem_session_get_start (b) - sem_session_get_end (a);
              const char *va = venue_of (plan, a), *vb = venue_of (plan, b);

              if (va != NULL && vb != NULL && !g_str_equal (va, vb) && gap >= 0 && gap < 30 * 60)
                g_hash_table_add (ids, pair ("travel", person, a, b));
            }
        }

      /* Stay, capacity, mandatory. */
      {
        g_autoptr(GHashTable) attending = g_hash_table_new (g_str_hash, g_str_equal);
        gint64 audience = 0;

        for (guint d = 0; d < delegations->len; d++)
          {
            SemDelegation *delegation = delegations->pdata[d];
            const char *arrival = sem_delegation_get_arrival (delegation);
            const char *departure = sem_delegation_get_departure (delegation);
            gboolean sends = FALSE;

            if (!counts (delegation))
              continue;
            for (guint p = 0; p < people->len; p++)
              if (attends (delegation, sid (people->pdata[p]), a))
                {
                  sends = TRUE;
                  g_hash_table_add (attending, (gpointer) sid (people->pdata[p]));
                  if ((arrival != NULL &&
                       sem_session_get_start (a) < midnight (plan, sem_delegation_get_event (delegation), arrival, 0)) ||
                      (departure != NULL &&
                       sem_session_get_end (a) > midnight (plan, sem_delegation_get_event (delegation), departure, 1)))
                    g_hash_table_add (ids, g_strdup_printf ("stay:%s:%s:%s", sid (delegation),
                                                            sid (people->pdata[p]), sid (a)));
                }
            if (sem_delegation_get_status (delegation) == SEM_DELEGATION_STATUS_CONFIRMED &&
                sem_scope_session_open_to (plan, a, delegation))
              {
                g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
                const char * const *list = sem_delegation_get_members (delegation);

                for (guint k = 0; list != NULL && list[k] != NULL; k++)
                  g_hash_table_add (members, (gpointer) list[k]);
                if (sem_delegation_get_head (delegation) != NULL)
                  g_hash_table_add (members, (gpointer) sem_delegation_get_head (delegation));
                audience += g_hash_table_size (members);
                if (sem_session_get_mandatory (a) && !sends)
                  g_hash_table_add (ids, g_strdup_printf ("mandatory:%s:%s", sid (delegation), sid (a)));
              }
          }
        if (room != NULL && sem_room_get_capacity (SEM_ROOM (room)) > 0 &&
            (g_hash_table_size (attending) > 0 ? g_hash_table_size (attending) : audience) >
            sem_room_get_capacity (SEM_ROOM (room)))
          g_hash_table_add (ids, g_strdup_printf ("capacity:%s", sid (a)));
      }

      /* Busy: a person's sessions, or a delegation's (attended or invited by name). */
      for (guint k = 0; k < busy->len; k++)
        {
          Busy *b = &g_array_index (busy, Busy, k);
          gboolean mine;

          if (!(sem_session_get_start (a) < b->end && b->start < sem_session_get_end (a)))
            continue;
          if (b->delegation)
            {
              SemDelegation *d = SEM_DELEGATION (sem_plan_lookup (plan, SEM_COLLECTION_DELEGATIONS, b->owner));
              const char * const *invited = sem_session_get_audience_delegations (a);

              mine = FALSE;
              for (guint p = 0; p < people->len; p++)
                mine |= attends (d, sid (people->pdata[p]), a);
              mine |= sem_session_get_audience (a) == SEM_AUDIENCE_DELEGATIONS && invited != NULL &&
                      g_strv_contains (invited, b->owner) &&
                      g_strcmp0 (sem_delegation_get_event (d), sem_session_get_event (a)) == 0;
              mine &= counts (d);
            }
          else
            mine = takes_part (delegations, b->owner, a);
          if (mine)
            g_hash_table_add (ids, g_strdup_printf ("busy-%s:%s:%s:%s", b->delegation ? "delegation" : "person",
                                                    b->owner, sid (a), b->id));
        }
    }

  return ids;
}

static void
test_random (void)
{
  guint n_plans = g_test_slow () ? 2000 : 300;

  for (guint round = 0; round < n_plans; round++)
    {
      g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (Busy));
      g_autoptr(SemPlan) plan = random_plan (g_test_rand_int_range (2, 40), busy);
      g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
      g_autoptr(GHashTable) expected = brute_force (plan, busy);
      g_autoptr(GPtrArray) conflicts = NULL;
      GHashTableIter iter;
      gpointer key;

      for (guint k = 0; k < busy->len; k++)
        {
          Busy *b = &g_array_index (busy, Busy, k);

          sem_conflict_options_add_busy (options, b->delegation ? SEM_CONFLICT_OWNER_DELEGATION
                                                                : SEM_CONFLICT_OWNER_PERSON,
                                         b->owner, b->id, b->start, b->end, NULL);
        }
      conflicts = sem_conflict_check (plan, NULL, options);

      for (guint i = 0; i < conflicts->len; i++)
        {
          const char *id = sem_conflict_get_id (g_ptr_array_index (conflicts, i));

          if (!g_hash_table_remove (expected, id))
            {
              g_autofree char *data = sem_plan_codec_to_data (plan, NULL);
              g_test_message ("%s", data);
              g_error ("round %u: the engine found %s, brute force did not", round, id);
            }
        }
      g_hash_table_iter_init (&iter, expected);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_autofree char *data = sem_plan_codec_to_data (plan, NULL);
          g_test_message ("%s", data);
          g_error ("round %u: brute force found %s, the engine did not", round, (char *) key);
        }
      for (guint k = 0; k < busy->len; k++)
        g_free (g_array_index (busy, Busy, k).id);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/conflict/random-vs-brute-force", test_random);

  return g_test_run ();
}

/* bench-conflict.c — the conflict engine on big generated plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-conflict check N   time sem_conflict_check() on N sessions
 *   bench-conflict brute N   time a brute-force O(n²) pairwise check of the
 *                            same plan's rooms and people
 * Each prints "SECONDS MAX_RSS_KIB" of the timed part; the plan is built
 * in memory first (20 000 people, facilitators, rooms, delegations and
 * attendance), from a fixed seed.
 */

#define G_LOG_DOMAIN "bench-conflict"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sem-conflict.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-person.h"
#include "sem-plan-private.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"

#include "bench-common.h"

#define N_PEOPLE 20000
#define SESSIONS_PER_EVENT 100
#define ROOMS_PER_EVENT 10
#define DELEGATIONS_PER_EVENT 5

static void
splice (SemPlan       *plan,
        SemCollection  collection,
        GPtrArray     *batch)
{
  sem_plan_splice_loaded (plan, collection, batch);
  g_ptr_array_set_size (batch, 0);
}

static SemPlan *
generate (guint n_sessions)
{
  SemPlan *plan = sem_plan_new ();
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20180220);
  guint n_events = MAX (1, n_sessions / SESSIONS_PER_EVENT);
  gint64 base = 1519113600;   /* 2018-02-20T08:00:00Z */

  for (guint v = 0; v < 20; v++)
    {
      g_autofree char *id = g_strdup_printf ("venue-%u", v);
      g_ptr_array_add (batch, g_object_new (SEM_TYPE_VENUE, "id", id, "name-en", id,
                                            "timezone", "Europe/Brussels", NULL));
    }
  splice (plan, SEM_COLLECTION_VENUES, batch);
  for (guint r = 0; r < 20 * ROOMS_PER_EVENT; r++)
    {
      g_autofree char *id = g_strdup_printf ("room-%u", r);
      g_autofree char *venue = g_strdup_printf ("venue-%u", r / ROOMS_PER_EVENT);
      g_ptr_array_add (batch, g_object_new (SEM_TYPE_ROOM, "id", id, "venue", venue, "name-en", id,
                                            "capacity", 40, NULL));
    }
  splice (plan, SEM_COLLECTION_ROOMS, batch);
  for (guint p = 0; p < N_PEOPLE; p++)
    {
      g_autofree char *id = g_strdup_printf ("person-%u", p);
      g_ptr_array_add (batch, g_object_new (SEM_TYPE_PERSON, "id", id, "name", id, NULL));
    }
  splice (plan, SEM_COLLECTION_PEOPLE, batch);

  for (guint e = 0; e < n_events; e++)
    {
      g_autofree char *id = g_strdup_printf ("event-%u", e);
      g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (base + (gint64) e * 3 * 86400);
      g_autofree char *first = g_date_time_format (day, "%Y-%m-%d");
      g_autoptr(GDateTime) next = g_date_time_add_days (day, 1);
      g_autofree char *last = g_date_time_format (next, "%Y-%m-%d");

      g_ptr_array_add (batch, g_object_new (SEM_TYPE_EVENT, "id", id, "title-en", id,
                                            "timezone", "Europe/Brussels",
                                            "start-date", first, "end-date", last, NULL));
    }
  splice (plan, SEM_COLLECTION_EVENTS, batch);

  /* Each event: ten rooms of one venue, ten sessions a room over two days,
   * back to back, with now and then one that overruns into the next. */
  for (guint i = 0; i < n_sessions; i++)
    {
      guint e = i / SESSIONS_PER_EVENT % n_events;
      guint k = i % SESSIONS_PER_EVENT;
      guint room = (e % 20) * ROOMS_PER_EVENT + k % ROOMS_PER_EVENT;
      guint slot = k / ROOMS_PER_EVENT;
      gint64 start = base + (gint64) e * 3 * 86400 + (slot / 5) * 86400 + (slot % 5) * 5400;
      gint64 end = start + 5400 + (g_rand_int_range (rand, 0, 100) == 0 ? 900 : 0);
      g_autofree char *id = g_strdup_printf ("session-%u", i);
      g_autofree char *event = g_strdup_printf ("event-%u", e);
      g_autofree char *room_id = g_strdup_printf ("room-%u", room);
      g_autofree char *facilitator = g_strdup_printf ("person-%d", g_rand_int_range (rand, 0, N_PEOPLE));
      const char *facilitators[] = { facilitator, NULL };
      const char *nobody[] = { NULL };

      g_ptr_array_add (batch, g_object_new (SEM_TYPE_SESSION, "id", id, "event", event,
                                            "title-en", id, "title-bg", id, "start", start, "end", end,
                                            "room", room_id, "facilitators", facilitators,
                                            "audience", SEM_AUDIENCE_DELEGATIONS,
                                            "audience-delegations", nobody, NULL));
    }
  splice (plan, SEM_COLLECTION_SESSIONS, batch);

  /* Delegations of four, each member attending two sessions of its event. */
  for (guint e = 0; e < n_events; e++)
    for (guint d = 0; d < DELEGATIONS_PER_EVENT; d++)
      {
        g_autofree char *id = g_strdup_printf ("delegation-%u-%u", e, d);
        g_autofree char *event = g_strdup_printf ("event-%u", e);
        g_autoptr(GStrvBuilder) members = g_strv_builder_new ();
        g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();
        g_auto(GStrv) member_list = NULL;
        g_auto(GStrv) pair_list = NULL;

        for (guint m = 0; m < 4; m++)
          {
            g_autofree char *person = g_strdup_printf ("person-%d", g_rand_int_range (rand, 0, N_PEOPLE));

            g_strv_builder_add (members, person);
            for (guint a = 0; a < 2; a++)
              {
                guint s = e * SESSIONS_PER_EVENT + g_rand_int_range (rand, 0, SESSIONS_PER_EVENT);
                g_autofree char *pair = g_strdup_printf ("%s:session-%u", person, MIN (s, n_sessions - 1));

                g_strv_builder_add (pairs, pair);
              }
          }
        member_list = g_strv_builder_end (members);
        pair_list = g_strv_builder_end (pairs);
        g_ptr_array_add (batch, g_object_new (SEM_TYPE_DELEGATION, "id", id, "event", event, "city", "city",
                                              "members", member_list, "attendance", pair_list,
                                              "status", SEM_DELEGATION_STATUS_CONFIRMED, NULL));
      }
  splice (plan, SEM_COLLECTION_DELEGATIONS, batch);

  return plan;
}

/* Every pair of sessions: same room, or a person in both. */
static guint
brute_force (SemPlan *plan)
{
  GListModel *model = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  GListModel *delegations = sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray **people = g_new0 (GPtrArray *, n);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      SemSession *s = g_list_model_get_item (model, i);
      const char * const *facilitators = sem_session_get_facilitators (s);

      g_ptr_array_add (sessions, s);
      g_hash_table_insert (index, (gpointer) sem_entity_get_id (SEM_ENTITY (s)), GUINT_TO_POINTER (i));
      people[i] = g_ptr_array_new_with_free_func (g_free);
      for (guint k = 0; facilitators != NULL && facilitators[k] != NULL; k++)
        g_ptr_array_add (people[i], g_strdup (facilitators[k]));
    }
  for (guint d = 0; d < g_list_model_get_n_items (delegations); d++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, d);
      const char * const *pairs = sem_delegation_get_attendance (delegation);

      for (guint k = 0; pairs != NULL && pairs[k] != NULL; k++)
        {
          const char *colon = strchr (pairs[k], ':');
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, colon + 1));

          g_ptr_array_add (people[i], g_strndup (pairs[k], colon - pairs[k]));
        }
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        SemSession *a = sessions->pdata[i];
        SemSession *b = sessions->pdata[j];

        if (!(sem_session_get_start (a) < sem_session_get_end (b) &&
              sem_session_get_start (b) < sem_session_get_end (a)))
          continue;
        if (g_strcmp0 (sem_session_get_room (a), sem_session_get_room (b)) == 0)
          found++;
        for (guint p = 0; p < people[i]->len; p++)
          for (guint q = 0; q < people[j]->len; q++)
            if (g_str_equal (people[i]->pdata[p], people[j]->pdata[q]))
              found++;
      }

  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (people[i]);
  g_free (people);
  return found;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  guint n;
  gint64 start;

  if (argc != 3)
    {
      g_printerr ("usage: bench-conflict check|brute N\n");
      return 2;
    }
  n = atoi (argv[2]);
  plan = generate (n);
  sem_conflict_options_set_language (options, "en");

  start = g_get_monotonic_time ();
  if (g_str_equal (argv[1], "check"))
    {
      g_autoptr(GPtrArray) conflicts = sem_conflict_check (plan, NULL, options);

      g_printerr ("%u conflicts\n", conflicts->len);
    }
  else
    g_printerr ("%u clashes\n", brute_force (plan));
  bench_report (start);

  return 0;
}

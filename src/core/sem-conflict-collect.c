/* sem-conflict-collect.c — the conflict engine reads the plan into flat arrays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entity is read once, with its getters, into a small struct; ids are
 * interned to indexes so that the rules in sem-conflict-check.c compare
 * integers. Attendance pairs name sessions by id: they are resolved through
 * the plan's own index and a map from the session object to its index
 * (sem-conflict-index.c), so the sessions' ids need no table of their own.
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sem-conflict-private.h"
#include "sem-programme.h"
#include "sem-venue.h"

#define NONE SEM_CONFLICT_NONE

static guint32
index_lookup (GHashTable *index,
              const char *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (index, id, NULL, &value))
    return NONE;
  return GPOINTER_TO_UINT (value);
}

/* Ids repeat in runs (the sessions of one event, one room): the last answer
 * is often the right one, and a strcmp() is cheaper than hashing. */
typedef struct
{
  const char *id;
  guint32     index;
} LastLookup;

static guint32
index_lookup_cached (GHashTable *index,
                     LastLookup *last,
                     const char *id)
{
  if (id == NULL)
    return NONE;
  if (last->id != NULL && strcmp (last->id, id) == 0)
    return last->index;
  last->id = id;
  last->index = index_lookup (index, id);
  return last->index;
}

/* Midnight starting @date ("YYYY-MM-DD"), plus @days, in @tz. */
static gint64
local_midnight (GTimeZone  *tz,
                const char *date,
                int         days,
                gint64      fallback)
{
  unsigned y, m, d;
  GDate day;
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return fallback;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  g_date_add_days (&day, days);
  dt = g_date_time_new (tz, g_date_get_year (&day), g_date_get_month (&day),
                        g_date_get_day (&day), 0, 0, 0);
  return dt != NULL ? g_date_time_to_unix (dt) : fallback;
}

static const char *
city_role (SemPlan    *plan,
           SemEvent   *event,
           const char *city_id)
{
  SemEntity *programme;
  const char * const *cities;
  gsize len;

  if (event == NULL || city_id == NULL)
    return NULL;
  programme = sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES, sem_event_get_programme (event));
  if (programme == NULL)
    return NULL;
  len = strlen (city_id);
  cities = sem_programme_get_cities (SEM_PROGRAMME (programme));
  for (guint i = 0; cities != NULL && cities[i] != NULL; i++)
    if (strncmp (cities[i], city_id, len) == 0 && cities[i][len] == ':')
      return cities[i] + len + 1;
  return NULL;
}

static void
collect_events (SemConflictRun *run)
{
  GListModel *model = sem_plan_get_collection (run->plan, SEM_COLLECTION_EVENTS);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemEvent) event = g_list_model_get_item (model, i);
      const char *zone = sem_event_get_timezone (event);
      SemConflictEvent e = { event, NULL, G_MININT64, G_MAXINT64, NULL, 0 };

      e.tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
      if (e.tz == NULL)
        e.tz = g_time_zone_new_utc ();
      e.day_start = local_midnight (e.tz, sem_event_get_start_date (event), 0, G_MININT64);
      e.day_end = local_midnight (e.tz, sem_event_get_end_date (event), 1, G_MAXINT64);
      e.confirmed = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (run->events, e);
      g_hash_table_insert (run->event_index,
                           (gpointer) sem_entity_get_id (SEM_ENTITY (event)), GUINT_TO_POINTER (i));
    }
}

static void
collect_places (SemConflictRun *run)
{
  GListModel *venues = sem_plan_get_collection (run->plan, SEM_COLLECTION_VENUES);
  GListModel *rooms = sem_plan_get_collection (run->plan, SEM_COLLECTION_ROOMS);
  GListModel *people = sem_plan_get_collection (run->plan, SEM_COLLECTION_PEOPLE);
  guint n;

  n = g_list_model_get_n_items (venues);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemVenue) venue = g_list_model_get_item (venues, i);
      SemVenue *borrowed = venue;

      g_array_append_val (run->venues, borrowed);
      g_hash_table_insert (run->venue_index,
                           (gpointer) sem_entity_get_id (SEM_ENTITY (venue)), GUINT_TO_POINTER (i));
    }

  n = g_list_model_get_n_items (rooms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemRoom) room = g_list_model_get_item (rooms, i);
      SemConflictRoom r = { room, index_lookup (run->venue_index, sem_room_get_venue (room)),
                            sem_room_get_capacity (room) };

      g_array_append_val (run->rooms, r);
      g_hash_table_insert (run->room_index,
                           (gpointer) sem_entity_get_id (SEM_ENTITY (room)), GUINT_TO_POINTER (i));
    }

  n = g_list_model_get_n_items (people);
  g_array_set_size (run->people, n);
  sem_conflict_id_table_init (&run->person_index, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemPerson) person = g_list_model_get_item (people, i);
      SemConflictPerson *p = SEM_CONFLICT_PERSON (run, i);

      p->id = sem_entity_get_id (SEM_ENTITY (person));
      p->person = person;
      sem_conflict_run_set_person (run, p->id, i);
    }
}

static void
collect_sessions (SemConflictRun        *run,
                  const char            *event_id,
                  SemConflictSessionMap *session_index)
{
  GListModel *model = sem_plan_get_collection (run->plan, SEM_COLLECTION_SESSIONS);
  guint n = g_list_model_get_n_items (model);
  LastLookup last_event = { NULL, NONE };
  LastLookup last_room = { NULL, NONE };

  g_array_set_size (run->sessions, n);
  sem_conflict_session_map_init (session_index, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (model, i);
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      const char *event = sem_session_get_event (session);

      s->session = session;
      s->id = sem_entity_get_id (SEM_ENTITY (session));
      s->facilitators = sem_session_get_facilitators (session);
      s->start = sem_session_get_start (session);
      s->end = sem_session_get_end (session);
      s->event = index_lookup_cached (run->event_index, &last_event, event);
      s->room = index_lookup_cached (run->room_index, &last_room, sem_session_get_room (session));
      s->venue = s->room != NONE ? SEM_CONFLICT_ROOM (run, s->room)->venue : NONE;
      s->n_attending = 0;
      s->audience = sem_session_get_audience (session);
      if (s->audience == SEM_AUDIENCE_DELEGATIONS)
        s->audience_list = sem_session_get_audience_delegations (session);
      else if (s->audience == SEM_AUDIENCE_ROLES)
        s->audience_list = sem_session_get_audience_roles (session);
      else
        s->audience_list = NULL;
      s->cancelled = sem_session_get_status (session) == SEM_STATUS_CANCELLED;
      s->valid = !s->cancelled && s->end > s->start;
      s->in_scope = event_id == NULL || g_strcmp0 (event, event_id) == 0;
      s->mandatory = sem_session_get_mandatory (session);
      sem_conflict_session_map_insert (session_index, session, i);
    }
}

static gint64
delegation_size (SemDelegation *delegation)
{
  const char * const *members = sem_delegation_get_members (delegation);
  const char *head = sem_delegation_get_head (delegation);
  gint64 size = 0;

  /* Members are few: a quadratic look for repeats costs less than a set. */
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      gboolean repeated = FALSE;

      for (guint k = 0; k < i && !repeated; k++)
        repeated = g_str_equal (members[k], members[i]);
      size += !repeated;
    }
  if (head != NULL && (members == NULL || !g_strv_contains (members, head)))
    size++;
  return size;
}

static void
collect_delegations (SemConflictRun *run)
{
  GListModel *model = sem_plan_get_collection (run->plan, SEM_COLLECTION_DELEGATIONS);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (model, i);
      SemDelegationStatus status = sem_delegation_get_status (delegation);
      SemConflictDelegation d = { delegation, sem_entity_get_id (SEM_ENTITY (delegation)), NONE, FALSE,
                                  G_MININT64, G_MAXINT64, 0, NULL };
      guint32 index = run->delegations->len;

      d.event = index_lookup (run->event_index, sem_delegation_get_event (delegation));
      d.confirmed = status == SEM_DELEGATION_STATUS_CONFIRMED;
      /* Declined delegations neither attend nor count. */
      if (status == SEM_DELEGATION_STATUS_DECLINED)
        d.event = NONE;
      if (d.event != NONE)
        {
          SemConflictEvent *e = SEM_CONFLICT_EVENT (run, d.event);

          d.stay_start = local_midnight (e->tz, sem_delegation_get_arrival (delegation), 0, G_MININT64);
          d.stay_end = local_midnight (e->tz, sem_delegation_get_departure (delegation), 1, G_MAXINT64);
          d.size = delegation_size (delegation);
          d.role = city_role (run->plan, e->event, sem_delegation_get_city (delegation));
          if (d.confirmed)
            {
              g_array_append_val (e->confirmed, index);
              e->confirmed_size += d.size;
            }
        }
      g_array_append_val (run->delegations, d);
      g_hash_table_insert (run->delegation_index, (gpointer) d.id, GUINT_TO_POINTER (index));
    }
}

static inline void
add_item (GArray  *items,
          guint32  key,
          guint32  index,
          gint64   start,
          gint64   end,
          guint32  flags,
          guint32  delegation)
{
  SemConflictItem item = { key, index, start, end, flags, delegation };

  g_array_append_val (items, item);
}

/* Facilitators and attendance pairs: who is in which session. */
static void
collect_people (SemConflictRun              *run,
                const SemConflictSessionMap *session_index)
{
  for (guint i = 0; i < run->sessions->len; i++)
    {
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      const char * const *facilitators = s->facilitators;

      if (!s->valid)
        continue;
      for (guint k = 0; facilitators != NULL && facilitators[k] != NULL; k++)
        add_item (run->person_items, sem_conflict_run_intern_person (run, facilitators[k]), i,
                  s->start, s->end, SEM_CONFLICT_ITEM_FACILITATES, NONE);
    }

  for (guint d = 0; d < run->delegations->len; d++)
    {
      SemConflictDelegation *delegation = SEM_CONFLICT_DELEGATION (run, d);
      const char * const *pairs;

      if (delegation->event == NONE)
        continue;
      pairs = sem_delegation_get_attendance (delegation->delegation);
      for (guint k = 0; pairs != NULL && pairs[k] != NULL; k++)
        {
          const char *colon = strchr (pairs[k], ':');
          guint32 person, session;
          gsize len;
          SemConflictSession *s;

          if (colon == NULL || (len = colon - pairs[k]) >= 256)
            continue;
          session = sem_conflict_session_map_lookup (run, session_index,
                                        sem_plan_lookup (run->plan, SEM_COLLECTION_SESSIONS, colon + 1));
          if (session == NONE || !(s = SEM_CONFLICT_SESSION (run, session))->valid)
            continue;
          person = sem_conflict_run_find_person_n (run, pairs[k], len);
          if (person == NONE)
            continue;

          add_item (run->person_items, person, session, s->start, s->end, SEM_CONFLICT_ITEM_ATTENDS, d);
          add_item (run->attendance, person, session, s->start, s->end, SEM_CONFLICT_ITEM_ATTENDS, d);
          add_item (run->delegation_items, d, session, s->start, s->end, SEM_CONFLICT_ITEM_ATTENDS, d);
          if (s->mandatory)
            {
              guint64 key = (guint64) d << 32 | session;

              g_array_append_val (run->mandatory_attended, key);
            }
        }
    }

  /* A delegation explicitly invited to a session has it in its calendar. */
  for (guint i = 0; i < run->sessions->len; i++)
    {
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      const char * const *list = s->audience_list;

      if (!s->valid || s->audience != SEM_AUDIENCE_DELEGATIONS)
        continue;
      for (guint k = 0; list != NULL && list[k] != NULL; k++)
        {
          guint32 d = index_lookup (run->delegation_index, list[k]);

          if (d != NONE && SEM_CONFLICT_DELEGATION (run, d)->event != NONE &&
              SEM_CONFLICT_DELEGATION (run, d)->event == s->event)
            add_item (run->delegation_items, d, i, s->start, s->end, 0, d);
        }
    }
}

static void
add_busy (SemConflictRun      *run,
          SemConflictOwner     owner_kind,
          const char          *owner_id,
          SemConflictBusyTime *busy)
{
  guint32 owner;
  guint32 index = run->busy->len;

  if (busy->end <= busy->start)
    return;
  if (owner_kind == SEM_CONFLICT_OWNER_PERSON)
    owner = sem_conflict_run_find_person (run, owner_id);
  else
    owner = index_lookup (run->delegation_index, owner_id);
  if (owner == NONE)
    return;

  g_array_append_val (run->busy, *busy);
  add_item (owner_kind == SEM_CONFLICT_OWNER_PERSON ? run->person_busy : run->delegation_busy,
            owner, index, busy->start, busy->end, SEM_CONFLICT_ITEM_BUSY, NONE);
}

static void
collect_busy (SemConflictRun *run)
{
  GArray *extra = run->options->busy;

  for (guint i = 0; i < extra->len; i++)
    {
      SemConflictBusy *b = &g_array_index (extra, SemConflictBusy, i);
      SemConflictBusyTime busy = { b->start, b->end, b->label, NULL, NULL, b->busy_id };

      add_busy (run, b->owner_kind, b->owner_id, &busy);
    }

  if (run->options->use_feeds)
    {
      GListModel *feeds = sem_plan_get_collection (run->plan, SEM_COLLECTION_FEEDS);

      for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
        {
          g_autoptr(SemFeed) feed = g_list_model_get_item (feeds, i);
          const char * const *people = sem_feed_get_people (feed);
          const char * const *delegations = sem_feed_get_delegations (feed);
          GPtrArray *events = sem_feed_get_events (feed);

          for (guint k = 0; events != NULL && k < events->len; k++)
            {
              SemExternalEvent *ext = g_ptr_array_index (events, k);
              SemConflictBusyTime busy = { sem_external_event_get_start (ext),
                                           sem_external_event_get_end (ext),
                                           sem_external_event_get_summary (ext), feed, ext, NULL };

              for (guint p = 0; people != NULL && people[p] != NULL; p++)
                add_busy (run, SEM_CONFLICT_OWNER_PERSON, people[p], &busy);
              for (guint d = 0; delegations != NULL && delegations[d] != NULL; d++)
                add_busy (run, SEM_CONFLICT_OWNER_DELEGATION, delegations[d], &busy);
            }
        }
    }
}

/* Reads the whole plan; the items are left unsorted. */
void
sem_conflict_run_collect (SemConflictRun *run,
                          const char     *event_id)
{
  SemConflictSessionMap session_index = { NULL, 0 };

  collect_events (run);
  collect_places (run);
  collect_sessions (run, event_id, &session_index);
  collect_delegations (run);
  /* Reserve: every session has a facilitator or two most of the time. */
  g_array_set_size (run->person_items, run->sessions->len * 2);
  g_array_set_size (run->person_items, 0);
  collect_people (run, &session_index);
  collect_busy (run);
  g_free (session_index.slots);
}

static void
clear_event (gpointer data)
{
  SemConflictEvent *e = data;

  g_clear_pointer (&e->tz, g_time_zone_unref);
  g_clear_pointer (&e->confirmed, g_array_unref);
}

void
sem_conflict_run_init (SemConflictRun           *run,
                       SemPlan                  *plan,
                       const SemConflictOptions *options)
{
  memset (run, 0, sizeof *run);
  run->plan = plan;
  run->options = options;
  run->lang = sem_conflict_ui_language (options);
  run->events = g_array_new (FALSE, FALSE, sizeof (SemConflictEvent));
  g_array_set_clear_func (run->events, clear_event);
  run->sessions = g_array_new (FALSE, FALSE, sizeof (SemConflictSession));
  run->rooms = g_array_new (FALSE, FALSE, sizeof (SemConflictRoom));
  run->venues = g_array_new (FALSE, FALSE, sizeof (SemVenue *));
  run->delegations = g_array_new (FALSE, FALSE, sizeof (SemConflictDelegation));
  run->people = g_array_new (FALSE, FALSE, sizeof (SemConflictPerson));
  run->busy = g_array_new (FALSE, FALSE, sizeof (SemConflictBusyTime));
  run->event_index = g_hash_table_new (g_str_hash, g_str_equal);
  run->room_index = g_hash_table_new (g_str_hash, g_str_equal);
  run->venue_index = g_hash_table_new (g_str_hash, g_str_equal);
  run->delegation_index = g_hash_table_new (g_str_hash, g_str_equal);
  run->person_items = g_array_new (FALSE, FALSE, sizeof (SemConflictItem));
  run->attendance = g_array_new (FALSE, FALSE, sizeof (SemConflictItem));
  run->delegation_items = g_array_new (FALSE, FALSE, sizeof (SemConflictItem));
  run->person_busy = g_array_new (FALSE, FALSE, sizeof (SemConflictItem));
  run->delegation_busy = g_array_new (FALSE, FALSE, sizeof (SemConflictItem));
  run->mandatory_attended = g_array_new (FALSE, FALSE, sizeof (guint64));
  run->found = g_array_new (FALSE, FALSE, sizeof (SemConflictFound));
  run->active = g_array_new (FALSE, FALSE, sizeof (guint32));
}

void
sem_conflict_run_clear (SemConflictRun *run)
{
  g_clear_pointer (&run->events, g_array_unref);
  g_clear_pointer (&run->sessions, g_array_unref);
  g_clear_pointer (&run->rooms, g_array_unref);
  g_clear_pointer (&run->venues, g_array_unref);
  g_clear_pointer (&run->delegations, g_array_unref);
  g_clear_pointer (&run->people, g_array_unref);
  g_clear_pointer (&run->busy, g_array_unref);
  g_clear_pointer (&run->event_index, g_hash_table_unref);
  g_clear_pointer (&run->room_index, g_hash_table_unref);
  g_clear_pointer (&run->venue_index, g_hash_table_unref);
  g_clear_pointer (&run->delegation_index, g_hash_table_unref);
  sem_conflict_id_table_clear (&run->person_index);
  g_clear_pointer (&run->person_items, g_array_unref);
  g_clear_pointer (&run->attendance, g_array_unref);
  g_clear_pointer (&run->delegation_items, g_array_unref);
  g_clear_pointer (&run->person_busy, g_array_unref);
  g_clear_pointer (&run->delegation_busy, g_array_unref);
  g_clear_pointer (&run->mandatory_attended, g_array_unref);
  g_clear_pointer (&run->found, g_array_unref);
  g_clear_pointer (&run->active, g_array_unref);
}

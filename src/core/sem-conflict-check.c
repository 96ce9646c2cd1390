/* sem-conflict-check.c — the conflict engine: one sort-and-sweep per resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan is read once into flat arrays of small structs (sessions, rooms,
 * people, delegations, events), resources are interned to indexes, and each
 * rule runs over arrays sorted by (resource, start) with qsort: the whole
 * check is O(n log n + k) for n sessions and attendance pairs and k
 * conflicts. Strings — ids and explanations — are only built for the
 * conflicts found.
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sem-city.h"
#include "sem-conflict-private.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-feed.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"

#define NONE G_MAXUINT32

typedef struct
{
  SemEvent  *event;
  GTimeZone *tz;
  gint64     day_start;   /* G_MININT64 when the event has no start date */
  gint64     day_end;     /* G_MAXINT64 when it has no end date */
  GArray    *confirmed;   /* guint32 indexes of its confirmed delegations */
  gint64     confirmed_size;
} Event;

typedef struct
{
  SemSession *session;
  const char *id;
  gint64      start;
  gint64      end;
  guint32     event;
  guint32     room;
  guint32     venue;
  guint32     n_attending;
  guint       valid : 1;        /* not cancelled, end after start */
  guint       in_scope : 1;     /* of the event the check was asked for */
  guint       mandatory : 1;
} Session;

typedef struct
{
  SemRoom *room;
  guint32  venue;
  int      capacity;
} Room;

typedef struct
{
  SemDelegation *delegation;
  const char    *id;
  guint32        event;
  gboolean       confirmed;
  gint64         stay_start;
  gint64         stay_end;
  gint64         size;
  const char    *role;
} Delegation;

typedef struct
{
  const char *id;
  SemPerson  *person;   /* NULL for an id the plan does not hold */
} Person;

typedef struct
{
  gint64      start;
  gint64      end;
  const char *label;
  SemFeed    *feed;             /* with ext, or… */
  SemExternalEvent *ext;
  const char *busy_id;          /* …an interval of the options */
} Busy;

/* One resource's use of a session, or of a busy interval. */
typedef struct
{
  guint32 key;
  guint32 index;    /* into sessions, or into busy */
  gint64  start;
  gint64  end;
  guint32 flags;
  guint32 delegation;
} Item;

enum {
  ITEM_FACILITATES = 1 << 0,
  ITEM_ATTENDS     = 1 << 1,
  ITEM_BUSY        = 1 << 2,
};

typedef struct
{
  SemConflictKind kind;
  guint32         a;          /* session */
  guint32         b;          /* second session, or NONE */
  guint32         person;
  guint32         delegation;
  guint32         busy;
  gint64          number;     /* expected attendance, gap… */
} Found;

typedef struct
{
  SemPlan                  *plan;
  const SemConflictOptions *options;
  const char               *lang;
  GArray                   *events;       /* Event */
  GArray                   *sessions;     /* Session */
  GArray                   *rooms;        /* Room */
  GArray                   *venues;       /* SemVenue * */
  GArray                   *delegations;  /* Delegation */
  GArray                   *people;       /* Person */
  GArray                   *busy;         /* Busy */
  GHashTable               *event_index;
  GHashTable               *session_index;
  GHashTable               *room_index;
  GHashTable               *venue_index;
  GHashTable               *delegation_index;
  GHashTable               *person_index;
  GArray                   *person_items;      /* Item, deduplicated, by person then start */
  GArray                   *attendance;        /* Item: key = person, one per pair */
  GArray                   *delegation_items;  /* Item, deduplicated */
  GArray                   *mandatory_attended; /* guint64: delegation << 32 | session */
  GArray                   *found;        /* Found */
  GArray                   *active;       /* guint32, scratch for the sweeps */
} Check;

#define SESSION(c, i)    (&g_array_index ((c)->sessions, Session, (i)))
#define EVENT(c, i)      (&g_array_index ((c)->events, Event, (i)))
#define ROOM(c, i)       (&g_array_index ((c)->rooms, Room, (i)))
#define DELEGATION(c, i) (&g_array_index ((c)->delegations, Delegation, (i)))
#define PERSON(c, i)     (&g_array_index ((c)->people, Person, (i)))
#define BUSY(c, i)       (&g_array_index ((c)->busy, Busy, (i)))

static guint32
index_lookup (GHashTable *index,
              const char *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (index, id, NULL, &value))
    return NONE;
  return GPOINTER_TO_UINT (value);
}

static guint32
intern_person (Check      *check,
               const char *id)
{
  guint32 i = index_lookup (check->person_index, id);
  Person person = { id, NULL };

  if (i != NONE)
    return i;
  i = check->people->len;
  g_array_append_val (check->people, person);
  g_hash_table_insert (check->person_index, (gpointer) id, GUINT_TO_POINTER (i));
  return i;
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
collect_events (Check *check)
{
  GListModel *model = sem_plan_get_collection (check->plan, SEM_COLLECTION_EVENTS);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemEvent) event = g_list_model_get_item (model, i);
      const char *zone = sem_event_get_timezone (event);
      Event e = { event, NULL, G_MININT64, G_MAXINT64, NULL, 0 };

      e.tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
      if (e.tz == NULL)
        e.tz = g_time_zone_new_utc ();
      e.day_start = local_midnight (e.tz, sem_event_get_start_date (event), 0, G_MININT64);
      e.day_end = local_midnight (e.tz, sem_event_get_end_date (event), 1, G_MAXINT64);
      e.confirmed = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (check->events, e);
      g_hash_table_insert (check->event_index,
                           (gpointer) sem_entity_get_id (SEM_ENTITY (event)), GUINT_TO_POINTER (i));
    }
}

static void
collect_places (Check *check)
{
  GListModel *venues = sem_plan_get_collection (check->plan, SEM_COLLECTION_VENUES);
  GListModel *rooms = sem_plan_get_collection (check->plan, SEM_COLLECTION_ROOMS);
  GListModel *people = sem_plan_get_collection (check->plan, SEM_COLLECTION_PEOPLE);
  guint n;

  n = g_list_model_get_n_items (venues);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemVenue) venue = g_list_model_get_item (venues, i);
      SemVenue *borrowed = venue;

      g_array_append_val (check->venues, borrowed);
      g_hash_table_insert (check->venue_index,
                           (gpointer) sem_entity_get_id (SEM_ENTITY (venue)), GUINT_TO_POINTER (i));
    }

  n = g_list_model_get_n_items (rooms);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemRoom) room = g_list_model_get_item (rooms, i);
      Room r = { room, index_lookup (check->venue_index, sem_room_get_venue (room)),
                 sem_room_get_capacity (room) };

      g_array_append_val (check->rooms, r);
      g_hash_table_insert (check->room_index,
                           (gpointer) sem_entity_get_id (SEM_ENTITY (room)), GUINT_TO_POINTER (i));
    }

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemPerson) person = g_list_model_get_item (people, i);
      Person p = { sem_entity_get_id (SEM_ENTITY (person)), person };

      g_array_append_val (check->people, p);
      g_hash_table_insert (check->person_index, (gpointer) p.id, GUINT_TO_POINTER (i));
    }
}

static void
collect_sessions (Check      *check,
                  const char *event_id)
{
  GListModel *model = sem_plan_get_collection (check->plan, SEM_COLLECTION_SESSIONS);
  guint n = g_list_model_get_n_items (model);

  g_array_set_size (check->sessions, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (model, i);
      Session *s = SESSION (check, i);
      const char *event = sem_session_get_event (session);

      s->session = session;
      s->id = sem_entity_get_id (SEM_ENTITY (session));
      s->start = sem_session_get_start (session);
      s->end = sem_session_get_end (session);
      s->event = index_lookup (check->event_index, event);
      s->room = index_lookup (check->room_index, sem_session_get_room (session));
      s->venue = s->room != NONE ? ROOM (check, s->room)->venue : NONE;
      s->n_attending = 0;
      s->valid = sem_session_get_status (session) != SEM_STATUS_CANCELLED && s->end > s->start;
      s->in_scope = event_id == NULL || g_strcmp0 (event, event_id) == 0;
      s->mandatory = sem_session_get_mandatory (session);
      g_hash_table_insert (check->session_index, (gpointer) s->id, GUINT_TO_POINTER (i));
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
collect_delegations (Check *check)
{
  GListModel *model = sem_plan_get_collection (check->plan, SEM_COLLECTION_DELEGATIONS);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (model, i);
      SemDelegationStatus status = sem_delegation_get_status (delegation);
      Delegation d = { delegation, sem_entity_get_id (SEM_ENTITY (delegation)), NONE, FALSE,
                       G_MININT64, G_MAXINT64, 0, NULL };
      guint32 index = check->delegations->len;

      d.event = index_lookup (check->event_index, sem_delegation_get_event (delegation));
      d.confirmed = status == SEM_DELEGATION_STATUS_CONFIRMED;
      /* Declined delegations neither attend nor count. */
      if (status == SEM_DELEGATION_STATUS_DECLINED)
        d.event = NONE;
      if (d.event != NONE)
        {
          Event *e = EVENT (check, d.event);

          d.stay_start = local_midnight (e->tz, sem_delegation_get_arrival (delegation), 0, G_MININT64);
          d.stay_end = local_midnight (e->tz, sem_delegation_get_departure (delegation), 1, G_MAXINT64);
          d.size = delegation_size (delegation);
          d.role = city_role (check->plan, e->event, sem_delegation_get_city (delegation));
          if (d.confirmed)
            {
              g_array_append_val (e->confirmed, index);
              e->confirmed_size += d.size;
            }
        }
      g_array_append_val (check->delegations, d);
      g_hash_table_insert (check->delegation_index, (gpointer) d.id, GUINT_TO_POINTER (index));
    }
}

static void
add_item (GArray  *items,
          guint32  key,
          guint32  index,
          gint64   start,
          gint64   end,
          guint32  flags,
          guint32  delegation)
{
  Item item = { key, index, start, end, flags, delegation };

  g_array_append_val (items, item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if ((x->flags & ITEM_BUSY) != (y->flags & ITEM_BUSY))
    return (x->flags & ITEM_BUSY) ? 1 : -1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return 0;
}

/* Sorts, then folds repeated (key, index) pairs into one, or-ing their flags. */
static void
sort_unique (GArray *items)
{
  guint out = 0;

  if (items->len == 0)
    return;
  if (items->len > 1)
    qsort (items->data, items->len, sizeof (Item), compare_items);
  for (guint i = 1; i < items->len; i++)
    {
      Item *last = &g_array_index (items, Item, out);
      Item *item = &g_array_index (items, Item, i);

      if (item->key == last->key && item->index == last->index &&
          (item->flags & ITEM_BUSY) == (last->flags & ITEM_BUSY))
        last->flags |= item->flags;
      else
        g_array_index (items, Item, ++out) = *item;
    }
  g_array_set_size (items, out + 1);
}

/* Facilitators and attendance pairs: who is in which session. */
static void
collect_people (Check *check)
{
  for (guint i = 0; i < check->sessions->len; i++)
    {
      Session *s = SESSION (check, i);
      const char * const *facilitators;

      if (!s->valid)
        continue;
      facilitators = sem_session_get_facilitators (s->session);
      for (guint k = 0; facilitators != NULL && facilitators[k] != NULL; k++)
        add_item (check->person_items, intern_person (check, facilitators[k]), i,
                  s->start, s->end, ITEM_FACILITATES, NONE);
    }

  for (guint d = 0; d < check->delegations->len; d++)
    {
      Delegation *delegation = DELEGATION (check, d);
      const char * const *pairs;

      if (delegation->event == NONE)
        continue;
      pairs = sem_delegation_get_attendance (delegation->delegation);
      for (guint k = 0; pairs != NULL && pairs[k] != NULL; k++)
        {
          const char *colon = strchr (pairs[k], ':');
          char person_id[256];
          guint32 person, session;
          Session *s;

          if (colon == NULL || (gsize) (colon - pairs[k]) >= sizeof person_id)
            continue;
          session = index_lookup (check->session_index, colon + 1);
          if (session == NONE || !(s = SESSION (check, session))->valid)
            continue;
          memcpy (person_id, pairs[k], colon - pairs[k]);
          person_id[colon - pairs[k]] = '\0';
          person = index_lookup (check->person_index, person_id);
          if (person == NONE)
            continue;

          add_item (check->person_items, person, session, s->start, s->end, ITEM_ATTENDS, d);
          add_item (check->attendance, person, session, s->start, s->end, ITEM_ATTENDS, d);
          add_item (check->delegation_items, d, session, s->start, s->end, ITEM_ATTENDS, d);
          if (s->mandatory)
            {
              guint64 key = (guint64) d << 32 | session;

              g_array_append_val (check->mandatory_attended, key);
            }
        }
    }

  /* A delegation explicitly invited to a session has it in its calendar. */
  for (guint i = 0; i < check->sessions->len; i++)
    {
      Session *s = SESSION (check, i);
      const char * const *list;

      if (!s->valid || sem_session_get_audience (s->session) != SEM_AUDIENCE_DELEGATIONS)
        continue;
      list = sem_session_get_audience_delegations (s->session);
      for (guint k = 0; list != NULL && list[k] != NULL; k++)
        {
          guint32 d = index_lookup (check->delegation_index, list[k]);

          if (d != NONE && DELEGATION (check, d)->event != NONE &&
              DELEGATION (check, d)->event == s->event)
            add_item (check->delegation_items, d, i, s->start, s->end, 0, d);
        }
    }

  sort_unique (check->person_items);
  sort_unique (check->delegation_items);
}

static void
found (Check           *check,
       SemConflictKind  kind,
       guint32          a,
       guint32          b,
       guint32          person,
       guint32          delegation,
       guint32          busy,
       gint64           number)
{
  Found f = { kind, a, b, person, delegation, busy, number };

  if (!SESSION (check, a)->in_scope && (b == NONE || !SESSION (check, b)->in_scope))
    return;
  g_array_append_val (check->found, f);
}

/* Items of one key, sorted by start: each overlapping pair once, O(n + k). */
static void
sweep_pairs (Check           *check,
             GArray          *items,
             SemConflictKind  kind)
{
  for (guint lo = 0, hi; lo < items->len; lo = hi)
    {
      Item *first = &g_array_index (items, Item, lo);

      g_array_set_size (check->active, 0);
      for (hi = lo; hi < items->len && g_array_index (items, Item, hi).key == first->key; hi++)
        {
          Item *item = &g_array_index (items, Item, hi);
          guint kept = 0;

          for (guint j = 0; j < check->active->len; j++)
            {
              guint32 a = g_array_index (check->active, guint32, j);
              Item *other = &g_array_index (items, Item, a);

              if (other->end <= item->start)
                continue;
              g_array_index (check->active, guint32, kept++) = a;
              found (check, kind, other->index, item->index,
                     kind == SEM_CONFLICT_PERSON_DOUBLE_BOOKED ? item->key : NONE, NONE, NONE, 0);
            }
          g_array_set_size (check->active, kept);
          g_array_append_val (check->active, hi);
        }
    }
}

static void
check_rooms (Check *check)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));

  for (guint i = 0; i < check->sessions->len; i++)
    {
      Session *s = SESSION (check, i);

      if (s->valid && s->room != NONE)
        add_item (items, s->room, i, s->start, s->end, 0, NONE);
    }
  if (items->len > 1)
    qsort (items->data, items->len, sizeof (Item), compare_items);
  sweep_pairs (check, items, SEM_CONFLICT_ROOM_DOUBLE_BOOKED);
}

/* Consecutive sessions of a person, by start, in different venues. */
static void
check_travel (Check *check)
{
  GArray *items = check->person_items;
  gint64 buffer = check->options->travel_buffer;

  for (guint i = 0; i + 1 < items->len; i++)
    {
      Item *a = &g_array_index (items, Item, i);
      Item *b = &g_array_index (items, Item, i + 1);
      guint32 va, vb;
      gint64 gap;

      if (a->key != b->key)
        continue;
      va = SESSION (check, a->index)->venue;
      vb = SESSION (check, b->index)->venue;
      gap = b->start - a->end;
      if (va != NONE && vb != NONE && va != vb && gap >= 0 && gap < buffer)
        found (check, SEM_CONFLICT_TRAVEL_TOO_SHORT, a->index, b->index, a->key, NONE, NONE, gap);
    }
}

static void
check_stays (Check *check)
{
  for (guint i = 0; i < check->attendance->len; i++)
    {
      Item *item = &g_array_index (check->attendance, Item, i);
      Delegation *d = DELEGATION (check, item->delegation);

      if (item->start < d->stay_start || item->end > d->stay_end)
        found (check, SEM_CONFLICT_OUTSIDE_STAY, item->index, NONE, item->key, item->delegation, NONE, 0);
    }
}

static void
check_dates (Check *check)
{
  for (guint i = 0; i < check->sessions->len; i++)
    {
      Session *s = SESSION (check, i);
      Event *e;

      if (sem_session_get_status (s->session) == SEM_STATUS_CANCELLED)
        continue;
      if (s->end <= s->start)
        {
          found (check, SEM_CONFLICT_ENDS_BEFORE_START, i, NONE, NONE, NONE, NONE, 0);
          continue;
        }
      if (s->event == NONE)
        continue;
      e = EVENT (check, s->event);
      if (s->start < e->day_start || s->end > e->day_end)
        found (check, SEM_CONFLICT_OUTSIDE_EVENT_DATES, i, NONE, NONE, NONE, NONE, 0);
    }
}

/* The same answer as sem_scope_session_open_to(), from the precomputed roles. */
static gboolean
open_to (Check      *check,
         Session    *s,
         Delegation *d)
{
  const char * const *list;

  if (d->event != s->event || s->event == NONE)
    return FALSE;
  switch (sem_session_get_audience (s->session))
    {
    case SEM_AUDIENCE_ALL:
      return TRUE;
    case SEM_AUDIENCE_DELEGATIONS:
      list = sem_session_get_audience_delegations (s->session);
      return list != NULL && g_strv_contains (list, d->id);
    case SEM_AUDIENCE_ROLES:
      list = sem_session_get_audience_roles (s->session);
      return list != NULL && d->role != NULL && g_strv_contains (list, d->role);
    default:
      return FALSE;
    }
}

static void
check_capacity (Check *check)
{
  for (guint i = 0; i < check->person_items->len; i++)
    {
      Item *item = &g_array_index (check->person_items, Item, i);

      if (item->flags & ITEM_ATTENDS)
        SESSION (check, item->index)->n_attending++;
    }

  for (guint i = 0; i < check->sessions->len; i++)
    {
      Session *s = SESSION (check, i);
      gint64 expected = s->n_attending;
      int capacity;

      if (!s->valid || s->room == NONE || (capacity = ROOM (check, s->room)->capacity) <= 0)
        continue;
      if (expected == 0 && s->event != NONE)
        {
          Event *e = EVENT (check, s->event);

          if (sem_session_get_audience (s->session) == SEM_AUDIENCE_ALL)
            expected = e->confirmed_size;
          else
            for (guint k = 0; k < e->confirmed->len; k++)
              {
                Delegation *d = DELEGATION (check, g_array_index (e->confirmed, guint32, k));

                if (open_to (check, s, d))
                  expected += d->size;
              }
        }
      if (expected > capacity)
        found (check, SEM_CONFLICT_OVER_CAPACITY, i, NONE, NONE, NONE, NONE, expected);
    }
}

static int
compare_guint64 (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

static void
check_mandatory (Check *check)
{
  GArray *attended = check->mandatory_attended;

  if (attended->len > 1)
    qsort (attended->data, attended->len, sizeof (guint64), compare_guint64);
  for (guint i = 0; i < check->sessions->len; i++)
    {
      Session *s = SESSION (check, i);
      Event *e;

      if (!s->valid || !s->mandatory || s->event == NONE)
        continue;
      e = EVENT (check, s->event);
      for (guint k = 0; k < e->confirmed->len; k++)
        {
          guint32 index = g_array_index (e->confirmed, guint32, k);
          guint64 key = (guint64) index << 32 | i;

          if (open_to (check, s, DELEGATION (check, index)) &&
              (attended->len == 0 ||
               bsearch (&key, attended->data, attended->len, sizeof (guint64), compare_guint64) == NULL))
            found (check, SEM_CONFLICT_MANDATORY_MISSED, i, NONE, NONE, index, NONE, 0);
        }
    }
}

static void
add_busy (Check      *check,
          GArray     *person_busy,
          GArray     *delegation_busy,
          SemConflictOwner owner_kind,
          const char *owner_id,
          Busy       *busy)
{
  guint32 owner;
  guint32 index = check->busy->len;

  if (busy->end <= busy->start)
    return;
  if (owner_kind == SEM_CONFLICT_OWNER_PERSON)
    owner = index_lookup (check->person_index, owner_id);
  else
    owner = index_lookup (check->delegation_index, owner_id);
  if (owner == NONE)
    return;

  g_array_append_val (check->busy, *busy);
  add_item (owner_kind == SEM_CONFLICT_OWNER_PERSON ? person_busy : delegation_busy,
            owner, index, busy->start, busy->end, ITEM_BUSY, NONE);
}

static void
collect_busy (Check  *check,
              GArray *person_busy,
              GArray *delegation_busy)
{
  GArray *extra = check->options->busy;

  for (guint i = 0; i < extra->len; i++)
    {
      SemConflictBusy *b = &g_array_index (extra, SemConflictBusy, i);
      Busy busy = { b->start, b->end, b->label, NULL, NULL, b->busy_id };

      add_busy (check, person_busy, delegation_busy, b->owner_kind, b->owner_id, &busy);
    }

  if (check->options->use_feeds)
    {
      GListModel *feeds = sem_plan_get_collection (check->plan, SEM_COLLECTION_FEEDS);

      for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
        {
          g_autoptr(SemFeed) feed = g_list_model_get_item (feeds, i);
          const char * const *people = sem_feed_get_people (feed);
          const char * const *delegations = sem_feed_get_delegations (feed);
          GPtrArray *events = sem_feed_get_events (feed);

          for (guint k = 0; events != NULL && k < events->len; k++)
            {
              SemExternalEvent *ext = g_ptr_array_index (events, k);
              Busy busy = { sem_external_event_get_start (ext), sem_external_event_get_end (ext),
                            sem_external_event_get_summary (ext), feed, ext, NULL };

              for (guint p = 0; people != NULL && people[p] != NULL; p++)
                add_busy (check, person_busy, delegation_busy, SEM_CONFLICT_OWNER_PERSON, people[p], &busy);
              for (guint d = 0; delegations != NULL && delegations[d] != NULL; d++)
                add_busy (check, person_busy, delegation_busy, SEM_CONFLICT_OWNER_DELEGATION,
                          delegations[d], &busy);
            }
        }
    }
}

/* Sessions and busy intervals of one owner, merged by start: each session
 * meets the busy intervals still open when it starts, and the other way. */
static void
sweep_busy (Check            *check,
            GArray           *sessions,
            GArray           *busy,
            SemConflictOwner  owner_kind)
{
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (Item), sessions->len + busy->len);
  g_autoptr(GArray) active_busy = g_array_new (FALSE, FALSE, sizeof (guint32));
  GArray *active = check->active;

  if (busy->len == 0)
    return;
  g_array_append_vals (items, sessions->data, sessions->len);
  g_array_append_vals (items, busy->data, busy->len);
  if (items->len > 1)
    qsort (items->data, items->len, sizeof (Item), compare_items);

  for (guint lo = 0, hi; lo < items->len; lo = hi)
    {
      guint32 key = g_array_index (items, Item, lo).key;

      g_array_set_size (active, 0);
      g_array_set_size (active_busy, 0);
      for (hi = lo; hi < items->len && g_array_index (items, Item, hi).key == key; hi++)
        {
          Item *item = &g_array_index (items, Item, hi);
          gboolean is_busy = (item->flags & ITEM_BUSY) != 0;
          GArray *others = is_busy ? active : active_busy;
          guint kept = 0;

          for (guint j = 0; j < others->len; j++)
            {
              guint32 o = g_array_index (others, guint32, j);
              Item *other = &g_array_index (items, Item, o);

              if (other->end <= item->start)
                continue;
              g_array_index (others, guint32, kept++) = o;
              found (check, SEM_CONFLICT_BUSY_ELSEWHERE,
                     is_busy ? other->index : item->index, NONE,
                     owner_kind == SEM_CONFLICT_OWNER_PERSON ? key : NONE,
                     owner_kind == SEM_CONFLICT_OWNER_DELEGATION ? key : NONE,
                     is_busy ? item->index : other->index, 0);
            }
          g_array_set_size (others, kept);
          g_array_append_val (is_busy ? active_busy : active, hi);
        }
    }
}

static void
check_busy (Check *check)
{
  g_autoptr(GArray) person_busy = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) delegation_busy = g_array_new (FALSE, FALSE, sizeof (Item));

  collect_busy (check, person_busy, delegation_busy);
  sweep_busy (check, check->person_items, person_busy, SEM_CONFLICT_OWNER_PERSON);
  sweep_busy (check, check->delegation_items, delegation_busy, SEM_CONFLICT_OWNER_DELEGATION);
}

/* Explanations */

static const char *
ui_language (const SemConflictOptions *options)
{
  const char * const *names;

  if (options->lang != NULL)
    return options->lang;
  names = g_get_language_names ();
  return names[0] != NULL && g_str_has_prefix (names[0], "bg") ? "bg" : "en";
}

static GTimeZone *
session_zone (Check   *check,
              Session *s)
{
  return s->event != NONE ? EVENT (check, s->event)->tz : NULL;
}

static char *
format_instant (GTimeZone  *tz,
                gint64      instant,
                const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) fallback = NULL;

  if (utc == NULL)
    return g_strdup ("?");
  if (tz == NULL)
    tz = fallback = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, format);
}

static char *
format_date (GTimeZone *tz,
             gint64     instant)
{
  /* Translators: a date in an explanation of a conflict, as in “on 20
   * February 2018”; see g_date_time_format() for the codes.
   * xgettext:no-c-format */
  return format_instant (tz, instant, _("%-d %B %Y"));
}

static char *
format_time (GTimeZone *tz,
             gint64     instant)
{
  return format_instant (tz, instant, "%H:%M");
}

/* “09:30–10:15” in the session's event's timezone. */
static char *
format_span (Check   *check,
             Session *s)
{
  GTimeZone *tz = session_zone (check, s);
  g_autofree char *start = format_time (tz, s->start);
  g_autofree char *end = format_time (tz, s->end);

  return g_strdup_printf ("%s–%s", start, end);
}

static const char *
session_title (Check   *check,
               Session *s)
{
  const char *title = sem_session_get_title (s->session, check->lang);

  return title != NULL ? title : s->id;
}

static const char *
person_name (Check   *check,
             guint32  person)
{
  Person *p = PERSON (check, person);
  const char *name = p->person != NULL ? sem_person_get_name (p->person) : NULL;

  return name != NULL ? name : p->id;
}

static const char *
room_name (Check   *check,
           guint32  room)
{
  SemRoom *r = ROOM (check, room)->room;
  const char *name = sem_room_get_name (r, check->lang);

  return name != NULL ? name : sem_entity_get_id (SEM_ENTITY (r));
}

static const char *
venue_name (Check   *check,
            guint32  venue)
{
  SemVenue *v = g_array_index (check->venues, SemVenue *, venue);
  const char *name = sem_venue_get_name (v, check->lang);

  return name != NULL ? name : sem_entity_get_id (SEM_ENTITY (v));
}

static const char *
delegation_name (Check   *check,
                 guint32  delegation)
{
  Delegation *d = DELEGATION (check, delegation);
  SemEntity *city = sem_plan_lookup (check->plan, SEM_COLLECTION_CITIES,
                                     sem_delegation_get_city (d->delegation));
  const char *name = city != NULL ? sem_city_get_name (SEM_CITY (city), check->lang) : NULL;

  return name != NULL ? name : d->id;
}

static char *
busy_id (Busy *busy)
{
  const char *rid;

  if (busy->ext == NULL)
    return g_strdup (busy->busy_id);
  rid = sem_external_event_get_recurrence_id (busy->ext);
  return g_strconcat (sem_entity_get_id (SEM_ENTITY (busy->feed)), "/",
                      sem_entity_get_id (SEM_ENTITY (busy->ext)),
                      rid != NULL ? "/" : NULL, rid, NULL);
}

static char *
pair_id (const char *prefix,
         const char *owner,
         Session    *a,
         Session    *b)
{
  gboolean swap = strcmp (a->id, b->id) > 0;

  return g_strconcat (prefix, ":", owner, ":", swap ? b->id : a->id, ":", swap ? a->id : b->id, NULL);
}

static GStrv
strv_of (const char *a,
         const char *b)
{
  GStrv strv = g_new0 (char *, 3);

  strv[0] = g_strdup (a);
  strv[1] = g_strdup (b);
  return strv;
}

static SemConflict *
explain (Check *check,
         Found *f)
{
  Session *a = SESSION (check, f->a);
  Session *b = f->b != NONE ? SESSION (check, f->b) : NULL;
  GTimeZone *tz = session_zone (check, a);
  g_autofree char *span_a = format_span (check, a);
  g_autofree char *span_b = NULL;
  g_autofree char *date = NULL;
  char *id = NULL;
  char *text = NULL;
  gint64 start = a->start;
  GStrv rooms = NULL;
  GStrv people = NULL;
  GStrv delegations = NULL;
  GStrv sessions;

  /* Pairs are told in the order they happen. */
  if (b != NULL && (b->start < a->start || (b->start == a->start && strcmp (b->id, a->id) < 0)) &&
      f->kind != SEM_CONFLICT_TRAVEL_TOO_SHORT)
    {
      Session *t = a;

      a = b;
      b = t;
      g_free (span_a);
      span_a = format_span (check, a);
      tz = session_zone (check, a);
    }
  if (b != NULL)
    {
      span_b = format_span (check, b);
      start = MAX (a->start, b->start);
    }
  sessions = strv_of (a->id, b != NULL ? b->id : NULL);
  if (f->person != NONE)
    people = strv_of (PERSON (check, f->person)->id, NULL);
  if (f->delegation != NONE)
    delegations = strv_of (DELEGATION (check, f->delegation)->id, NULL);

  switch (f->kind)
    {
    case SEM_CONFLICT_ROOM_DOUBLE_BOOKED:
      date = format_date (tz, start);
      id = pair_id ("room", sem_entity_get_id (SEM_ENTITY (ROOM (check, a->room)->room)), a, b);
      rooms = strv_of (sem_entity_get_id (SEM_ENTITY (ROOM (check, a->room)->room)), NULL);
      /* Translators: a conflict. The room, the first session's title and
       * times, the second's, and the date. */
      text = g_strdup_printf (_("%s is booked for “%s” (%s) and “%s” (%s) on %s"),
                              room_name (check, a->room), session_title (check, a), span_a,
                              session_title (check, b), span_b, date);
      break;

    case SEM_CONFLICT_PERSON_DOUBLE_BOOKED:
      date = format_date (tz, start);
      id = pair_id ("person", PERSON (check, f->person)->id, a, b);
      /* Translators: a conflict. The person, the first session's title and
       * times, the second's, and the date. */
      text = g_strdup_printf (_("%s is expected at “%s” (%s) and at “%s” (%s) on %s"),
                              person_name (check, f->person), session_title (check, a), span_a,
                              session_title (check, b), span_b, date);
      break;

    case SEM_CONFLICT_TRAVEL_TOO_SHORT:
      {
        int minutes = (int) (f->number / 60);

        date = format_date (tz, b->start);
        start = a->end;
        id = pair_id ("travel", PERSON (check, f->person)->id, a, b);
        /* Translators: a conflict. The person; the minutes between two
         * sessions; the first session's title, venue and times; the second's;
         * the date; the travel buffer in minutes. */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s has %d minute between “%s” at %s (%s) and “%s” at %s (%s) on %s, less than the %d-minute travel buffer",
                                             "%s has %d minutes between “%s” at %s (%s) and “%s” at %s (%s) on %s, less than the %d-minute travel buffer",
                                             minutes),
                                person_name (check, f->person), minutes,
                                session_title (check, a), venue_name (check, a->venue), span_a,
                                session_title (check, b), venue_name (check, b->venue), span_b,
                                date, (int) (check->options->travel_buffer / 60));
        break;
      }

    case SEM_CONFLICT_OUTSIDE_STAY:
      {
        Delegation *d = DELEGATION (check, f->delegation);
        GTimeZone *stay_tz = d->event != NONE ? EVENT (check, d->event)->tz : tz;
        g_autofree char *arrival = NULL;
        g_autofree char *departure = NULL;

        date = format_date (tz, a->start);
        arrival = d->stay_start != G_MININT64 ? format_date (stay_tz, d->stay_start) : g_strdup ("…");
        departure = d->stay_end != G_MAXINT64 ? format_date (stay_tz, d->stay_end - 1) : g_strdup ("…");
        id = g_strconcat ("stay:", d->id, ":", PERSON (check, f->person)->id, ":", a->id, NULL);
        /* Translators: a conflict. The person, the session's title, date and
         * times, the delegation (its city), its arrival and departure dates. */
        text = g_strdup_printf (_("%s attends “%s” on %s (%s), outside the stay of the %s delegation from %s to %s"),
                                person_name (check, f->person), session_title (check, a), date, span_a,
                                delegation_name (check, f->delegation), arrival, departure);
        break;
      }

    case SEM_CONFLICT_OVER_CAPACITY:
      {
        int capacity = ROOM (check, a->room)->capacity;

        date = format_date (tz, a->start);
        id = g_strconcat ("capacity:", a->id, NULL);
        rooms = strv_of (sem_entity_get_id (SEM_ENTITY (ROOM (check, a->room)->room)), NULL);
        /* Translators: a conflict. The session's title, date and times, the
         * number of people expected, the room and how many it holds. */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "“%s” on %s (%s) expects %d person but %s holds %d",
                                             "“%s” on %s (%s) expects %d people but %s holds %d",
                                             (gulong) f->number),
                                session_title (check, a), date, span_a, (int) f->number,
                                room_name (check, a->room), capacity);
        break;
      }

    case SEM_CONFLICT_OUTSIDE_EVENT_DATES:
      {
        Event *e = EVENT (check, a->event);
        const char *event_title = sem_event_get_title (e->event, check->lang);
        const char *first = sem_event_get_start_date (e->event);
        const char *last = sem_event_get_end_date (e->event);

        date = format_date (tz, a->start);
        id = g_strconcat ("dates:", a->id, NULL);
        /* Translators: a conflict. The session's title, date and times, the
         * event's title, its first and last days (YYYY-MM-DD). */
        text = g_strdup_printf (_("“%s” on %s (%s) is outside the dates of “%s”, %s to %s"),
                                session_title (check, a), date, span_a,
                                event_title != NULL ? event_title : sem_entity_get_id (SEM_ENTITY (e->event)),
                                first != NULL ? first : "…", last != NULL ? last : "…");
        break;
      }

    case SEM_CONFLICT_ENDS_BEFORE_START:
      {
        g_autofree char *end_date = format_date (tz, a->end);

        date = format_date (tz, a->start);
        id = g_strconcat ("ends-before-start:", a->id, NULL);
        g_autofree char *start_time = format_time (tz, a->start);
        g_autofree char *end_time = format_time (tz, a->end);

        /* Translators: a conflict. The session's title, the date and time
         * of its start, the date and time of its end. */
        text = g_strdup_printf (_("“%s” starts on %s at %s but ends on %s at %s"),
                                session_title (check, a), date, start_time, end_date, end_time);
        break;
      }

    case SEM_CONFLICT_MANDATORY_MISSED:
      date = format_date (tz, a->start);
      id = g_strconcat ("mandatory:", DELEGATION (check, f->delegation)->id, ":", a->id, NULL);
      /* Translators: a conflict. The delegation (its city), the session's
       * title, date and times. */
      text = g_strdup_printf (_("Nobody of the %s delegation attends “%s” on %s (%s), which every delegation must attend"),
                              delegation_name (check, f->delegation), session_title (check, a), date, span_a);
      break;

    case SEM_CONFLICT_BUSY_ELSEWHERE:
      {
        Busy *busy = BUSY (check, f->busy);
        g_autofree char *what = busy_id (busy);
        g_autofree char *busy_start = format_time (tz, busy->start);
        g_autofree char *busy_end = format_time (tz, busy->end);
        const char *label = busy->label != NULL ? busy->label : what;

        start = MAX (a->start, busy->start);
        date = format_date (tz, start);
        if (f->person != NONE)
          {
            id = g_strconcat ("busy-person:", PERSON (check, f->person)->id, ":", a->id, ":", what, NULL);
            /* Translators: a conflict. The person, what they are busy with and
             * its times, the session's title and times, the date. */
            text = g_strdup_printf (_("%s is busy with “%s” (%s–%s) during “%s” (%s) on %s"),
                                    person_name (check, f->person), label, busy_start, busy_end,
                                    session_title (check, a), span_a, date);
          }
        else
          {
            id = g_strconcat ("busy-delegation:", DELEGATION (check, f->delegation)->id, ":", a->id,
                              ":", what, NULL);
            /* Translators: a conflict. The delegation (its city), what it is
             * busy with and its times, the session's title and times, the date. */
            text = g_strdup_printf (_("The %s delegation is busy with “%s” (%s–%s) during “%s” (%s) on %s"),
                                    delegation_name (check, f->delegation), label, busy_start, busy_end,
                                    session_title (check, a), span_a, date);
          }
        break;
      }

    default:
      g_assert_not_reached ();
    }

  if (rooms == NULL && b != NULL && a->room != NONE && b->room != NONE &&
      f->kind == SEM_CONFLICT_TRAVEL_TOO_SHORT)
    rooms = strv_of (sem_entity_get_id (SEM_ENTITY (ROOM (check, a->room)->room)),
                     sem_entity_get_id (SEM_ENTITY (ROOM (check, b->room)->room)));

  return sem_conflict_new_internal (f->kind, id, sem_plan_get_conflict_accepted (check->plan, id),
                                    text, start, sessions, people, rooms, delegations);
}

static int
compare_conflicts (gconstpointer a,
                   gconstpointer b)
{
  SemConflict *x = *(SemConflict **) a;
  SemConflict *y = *(SemConflict **) b;

  if (sem_conflict_get_severity (x) != sem_conflict_get_severity (y))
    return sem_conflict_get_severity (x) > sem_conflict_get_severity (y) ? -1 : 1;
  if (sem_conflict_get_start (x) != sem_conflict_get_start (y))
    return sem_conflict_get_start (x) < sem_conflict_get_start (y) ? -1 : 1;
  return strcmp (sem_conflict_get_id (x), sem_conflict_get_id (y));
}

static void
clear_event (gpointer data)
{
  Event *e = data;

  g_clear_pointer (&e->tz, g_time_zone_unref);
  g_clear_pointer (&e->confirmed, g_array_unref);
}

/**
 * sem_conflict_check:
 * @event_id: (nullable): report only conflicts involving this event's sessions
 * @options: (nullable): %NULL for the defaults
 *
 * Finds every conflict of the plan; see sem-conflict.h for the rules.
 *
 * Returns: (transfer full) (element-type SemConflict): the conflicts, errors
 *   first, then by start, then by id
 */
GPtrArray *
sem_conflict_check (SemPlan                  *plan,
                    const char               *event_id,
                    const SemConflictOptions *options)
{
  g_autoptr(SemConflictOptions) defaults = NULL;
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *result;
  Check check = { 0 };

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);

  if (options == NULL)
    options = defaults = sem_conflict_options_new ();

  check.plan = plan;
  check.options = options;
  check.lang = ui_language (options);
  check.events = g_array_new (FALSE, FALSE, sizeof (Event));
  g_array_set_clear_func (check.events, clear_event);
  check.sessions = g_array_new (FALSE, FALSE, sizeof (Session));
  check.rooms = g_array_new (FALSE, FALSE, sizeof (Room));
  check.venues = g_array_new (FALSE, FALSE, sizeof (SemVenue *));
  check.delegations = g_array_new (FALSE, FALSE, sizeof (Delegation));
  check.people = g_array_new (FALSE, FALSE, sizeof (Person));
  check.busy = g_array_new (FALSE, FALSE, sizeof (Busy));
  check.event_index = g_hash_table_new (g_str_hash, g_str_equal);
  check.session_index = g_hash_table_new (g_str_hash, g_str_equal);
  check.room_index = g_hash_table_new (g_str_hash, g_str_equal);
  check.venue_index = g_hash_table_new (g_str_hash, g_str_equal);
  check.delegation_index = g_hash_table_new (g_str_hash, g_str_equal);
  check.person_index = g_hash_table_new (g_str_hash, g_str_equal);
  check.person_items = g_array_new (FALSE, FALSE, sizeof (Item));
  check.attendance = g_array_new (FALSE, FALSE, sizeof (Item));
  check.delegation_items = g_array_new (FALSE, FALSE, sizeof (Item));
  check.mandatory_attended = g_array_new (FALSE, FALSE, sizeof (guint64));
  check.found = g_array_new (FALSE, FALSE, sizeof (Found));
  check.active = g_array_new (FALSE, FALSE, sizeof (guint32));

  collect_events (&check);
  collect_places (&check);
  collect_sessions (&check, event_id);
  collect_delegations (&check);
  collect_people (&check);

  check_dates (&check);
  check_rooms (&check);
  sweep_pairs (&check, check.person_items, SEM_CONFLICT_PERSON_DOUBLE_BOOKED);
  check_travel (&check);
  check_stays (&check);
  check_capacity (&check);
  check_mandatory (&check);
  check_busy (&check);

  result = g_ptr_array_new_full (check.found->len, g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < check.found->len; i++)
    {
      SemConflict *conflict = explain (&check, &g_array_index (check.found, Found, i));

      /* A pair listed twice in a delegation's attendance is one conflict. */
      if (g_hash_table_contains (seen, sem_conflict_get_id (conflict)))
        {
          g_object_unref (conflict);
          continue;
        }
      g_hash_table_add (seen, (gpointer) sem_conflict_get_id (conflict));
      g_ptr_array_add (result, conflict);
    }
  g_ptr_array_sort (result, compare_conflicts);

  g_array_unref (check.events);
  g_array_unref (check.sessions);
  g_array_unref (check.rooms);
  g_array_unref (check.venues);
  g_array_unref (check.delegations);
  g_array_unref (check.people);
  g_array_unref (check.busy);
  g_hash_table_unref (check.event_index);
  g_hash_table_unref (check.session_index);
  g_hash_table_unref (check.room_index);
  g_hash_table_unref (check.venue_index);
  g_hash_table_unref (check.delegation_index);
  g_hash_table_unref (check.person_index);
  g_array_unref (check.person_items);
  g_array_unref (check.attendance);
  g_array_unref (check.delegation_items);
  g_array_unref (check.mandatory_attended);
  g_array_unref (check.found);
  g_array_unref (check.active);

  return result;
}

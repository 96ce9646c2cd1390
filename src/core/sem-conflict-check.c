/* sem-conflict-check.c — the conflict engine: one sort-and-sweep per resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sem-conflict-collect.c reads the plan once into flat arrays of small
 * structs with resources interned to indexes; each rule here runs over
 * arrays sorted by (resource, start): the whole check is O(n log n + k)
 * for n sessions and attendance pairs and k conflicts. Keys are dense
 * indexes, so the items are put in resource order by a counting sort and
 * only the short run of each resource is sorted by start. Strings are only
 * built for the conflicts found: their ids at once, their explanations
 * when first asked for (sem-conflict-explain.c).
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sem-conflict-private.h"

#define NONE SEM_CONFLICT_NONE

typedef SemConflictItem Item;

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
  if ((x->flags & SEM_CONFLICT_ITEM_BUSY) != (y->flags & SEM_CONFLICT_ITEM_BUSY))
    return (x->flags & SEM_CONFLICT_ITEM_BUSY) ? 1 : -1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return 0;
}

/* The items of one key; most keys (people, delegations) have a handful. */
static void
sort_run (Item  *run,
          guint  n)
{
  if (n > 24)
    {
      qsort (run, n, sizeof (Item), compare_items);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      Item item = run[i];
      guint j = i;

      for (; j > 0 && compare_items (&run[j - 1], &item) > 0; j--)
        run[j] = run[j - 1];
      run[j] = item;
    }
}

/* Keys are dense indexes below @n_keys: a counting sort puts each key's
 * items together in one pass, then each run is sorted by compare_items(). */
static void
sort_items (GArray *items,
            guint   n_keys)
{
  Item *data = (Item *) items->data;
  guint n = items->len;
  g_autofree guint *offsets = NULL;
  g_autofree Item *sorted = NULL;

  if (n < 2)
    return;
  offsets = g_new0 (guint, (gsize) n_keys + 1);
  for (guint i = 0; i < n; i++)
    {
      g_assert (data[i].key < n_keys);
      offsets[data[i].key + 1]++;
    }
  for (guint k = 0; k < n_keys; k++)
    offsets[k + 1] += offsets[k];
  sorted = g_new (Item, n);
  for (guint i = 0; i < n; i++)
    sorted[offsets[data[i].key]++] = data[i];
  memcpy (data, sorted, n * sizeof (Item));

  for (guint lo = 0, hi; lo < n; lo = hi)
    {
      for (hi = lo + 1; hi < n && data[hi].key == data[lo].key; hi++)
        ;
      sort_run (data + lo, hi - lo);
    }
}

/* Sorts, then folds repeated (key, index) pairs into one, or-ing their flags. */
static void
sort_unique (GArray *items,
             guint   n_keys)
{
  guint out = 0;

  if (items->len == 0)
    return;
  sort_items (items, n_keys);
  for (guint i = 1; i < items->len; i++)
    {
      Item *last = &g_array_index (items, Item, out);
      Item *item = &g_array_index (items, Item, i);

      if (item->key == last->key && item->index == last->index &&
          (item->flags & SEM_CONFLICT_ITEM_BUSY) == (last->flags & SEM_CONFLICT_ITEM_BUSY))
        last->flags |= item->flags;
      else
        g_array_index (items, Item, ++out) = *item;
    }
  g_array_set_size (items, out + 1);
}

static void
found (SemConflictRun  *run,
       SemConflictKind  kind,
       guint32          a,
       guint32          b,
       guint32          person,
       guint32          delegation,
       guint32          busy,
       gint64           number)
{
  SemConflictFound f = { kind, a, b, person, delegation, busy, number };

  if (!SEM_CONFLICT_SESSION (run, a)->in_scope &&
      (b == NONE || !SEM_CONFLICT_SESSION (run, b)->in_scope))
    return;
  g_array_append_val (run->found, f);
}

/* Items of one key, sorted by start: each overlapping pair once, O(n + k). */
static void
sweep_pairs (SemConflictRun  *run,
             GArray          *items,
             SemConflictKind  kind)
{
  for (guint lo = 0, hi; lo < items->len; lo = hi)
    {
      Item *first = &g_array_index (items, Item, lo);

      g_array_set_size (run->active, 0);
      for (hi = lo; hi < items->len && g_array_index (items, Item, hi).key == first->key; hi++)
        {
          Item *item = &g_array_index (items, Item, hi);
          guint kept = 0;

          for (guint j = 0; j < run->active->len; j++)
            {
              guint32 a = g_array_index (run->active, guint32, j);
              Item *other = &g_array_index (items, Item, a);

              if (other->end <= item->start)
                continue;
              g_array_index (run->active, guint32, kept++) = a;
              found (run, kind, other->index, item->index,
                     kind == SEM_CONFLICT_PERSON_DOUBLE_BOOKED ? item->key : NONE, NONE, NONE, 0);
            }
          g_array_set_size (run->active, kept);
          g_array_append_val (run->active, hi);
        }
    }
}

static void
check_rooms (SemConflictRun *run)
{
  g_autoptr(GArray) items = g_array_sized_new (FALSE, FALSE, sizeof (Item), run->sessions->len);

  for (guint i = 0; i < run->sessions->len; i++)
    {
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      Item item = { s->room, i, s->start, s->end, 0, NONE };

      if (s->valid && s->room != NONE)
        g_array_append_val (items, item);
    }
  sort_items (items, run->rooms->len);
  sweep_pairs (run, items, SEM_CONFLICT_ROOM_DOUBLE_BOOKED);
}

/* Consecutive sessions of a person, by start, in different venues. */
static void
check_travel (SemConflictRun *run)
{
  GArray *items = run->person_items;
  gint64 buffer = run->options->travel_buffer;

  for (guint i = 0; i + 1 < items->len; i++)
    {
      Item *a = &g_array_index (items, Item, i);
      Item *b = &g_array_index (items, Item, i + 1);
      guint32 va, vb;
      gint64 gap;

      if (a->key != b->key)
        continue;
      va = SEM_CONFLICT_SESSION (run, a->index)->venue;
      vb = SEM_CONFLICT_SESSION (run, b->index)->venue;
      gap = b->start - a->end;
      if (va != NONE && vb != NONE && va != vb && gap >= 0 && gap < buffer)
        found (run, SEM_CONFLICT_TRAVEL_TOO_SHORT, a->index, b->index, a->key, NONE, NONE, gap);
    }
}

static void
check_stays (SemConflictRun *run)
{
  for (guint i = 0; i < run->attendance->len; i++)
    {
      Item *item = &g_array_index (run->attendance, Item, i);
      SemConflictDelegation *d = SEM_CONFLICT_DELEGATION (run, item->delegation);

      if (item->start < d->stay_start || item->end > d->stay_end)
        found (run, SEM_CONFLICT_OUTSIDE_STAY, item->index, NONE, item->key, item->delegation, NONE, 0);
    }
}

static void
check_dates (SemConflictRun *run)
{
  for (guint i = 0; i < run->sessions->len; i++)
    {
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      SemConflictEvent *e;

      if (s->cancelled)
        continue;
      if (s->end <= s->start)
        {
          found (run, SEM_CONFLICT_ENDS_BEFORE_START, i, NONE, NONE, NONE, NONE, 0);
          continue;
        }
      if (s->event == NONE)
        continue;
      e = SEM_CONFLICT_EVENT (run, s->event);
      if (s->start < e->day_start || s->end > e->day_end)
        found (run, SEM_CONFLICT_OUTSIDE_EVENT_DATES, i, NONE, NONE, NONE, NONE, 0);
    }
}

/* The same answer as sem_scope_session_open_to(), from the precomputed roles. */
static gboolean
open_to (SemConflictSession    *s,
         SemConflictDelegation *d)
{
  const char * const *list = s->audience_list;

  if (d->event != s->event || s->event == NONE)
    return FALSE;
  switch (s->audience)
    {
    case SEM_AUDIENCE_ALL:
      return TRUE;
    case SEM_AUDIENCE_DELEGATIONS:
      return list != NULL && g_strv_contains (list, d->id);
    case SEM_AUDIENCE_ROLES:
      return list != NULL && d->role != NULL && g_strv_contains (list, d->role);
    default:
      return FALSE;
    }
}

static void
check_capacity (SemConflictRun *run)
{
  for (guint i = 0; i < run->person_items->len; i++)
    {
      Item *item = &g_array_index (run->person_items, Item, i);

      if (item->flags & SEM_CONFLICT_ITEM_ATTENDS)
        SEM_CONFLICT_SESSION (run, item->index)->n_attending++;
    }

  for (guint i = 0; i < run->sessions->len; i++)
    {
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      gint64 expected = s->n_attending;
      int capacity;

      if (!s->valid || s->room == NONE || (capacity = SEM_CONFLICT_ROOM (run, s->room)->capacity) <= 0)
        continue;
      if (expected == 0 && s->event != NONE)
        {
          SemConflictEvent *e = SEM_CONFLICT_EVENT (run, s->event);

          if (s->audience == SEM_AUDIENCE_ALL)
            expected = e->confirmed_size;
          else if (s->audience_list != NULL && s->audience_list[0] != NULL)
            for (guint k = 0; k < e->confirmed->len; k++)
              {
                SemConflictDelegation *d =
                  SEM_CONFLICT_DELEGATION (run, g_array_index (e->confirmed, guint32, k));

                if (open_to (s, d))
                  expected += d->size;
              }
        }
      if (expected > capacity)
        found (run, SEM_CONFLICT_OVER_CAPACITY, i, NONE, NONE, NONE, NONE, expected);
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
check_mandatory (SemConflictRun *run)
{
  GArray *attended = run->mandatory_attended;

  if (attended->len > 1)
    qsort (attended->data, attended->len, sizeof (guint64), compare_guint64);
  for (guint i = 0; i < run->sessions->len; i++)
    {
      SemConflictSession *s = SEM_CONFLICT_SESSION (run, i);
      SemConflictEvent *e;

      if (!s->valid || !s->mandatory || s->event == NONE)
        continue;
      e = SEM_CONFLICT_EVENT (run, s->event);
      for (guint k = 0; k < e->confirmed->len; k++)
        {
          guint32 index = g_array_index (e->confirmed, guint32, k);
          guint64 key = (guint64) index << 32 | i;

          if (open_to (s, SEM_CONFLICT_DELEGATION (run, index)) &&
              (attended->len == 0 ||
               bsearch (&key, attended->data, attended->len, sizeof (guint64), compare_guint64) == NULL))
            found (run, SEM_CONFLICT_MANDATORY_MISSED, i, NONE, NONE, index, NONE, 0);
        }
    }
}

/* Sessions and busy intervals of one owner, merged by start: each session
 * meets the busy intervals still open when it starts, and the other way. */
static void
sweep_busy (SemConflictRun   *run,
            GArray           *sessions,
            GArray           *busy,
            guint             n_keys,
            SemConflictOwner  owner_kind)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) active_busy = NULL;
  GArray *active = run->active;

  if (busy->len == 0)
    return;
  items = g_array_sized_new (FALSE, FALSE, sizeof (Item), sessions->len + busy->len);
  active_busy = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_vals (items, sessions->data, sessions->len);
  g_array_append_vals (items, busy->data, busy->len);
  sort_items (items, n_keys);

  for (guint lo = 0, hi; lo < items->len; lo = hi)
    {
      guint32 key = g_array_index (items, Item, lo).key;

      g_array_set_size (active, 0);
      g_array_set_size (active_busy, 0);
      for (hi = lo; hi < items->len && g_array_index (items, Item, hi).key == key; hi++)
        {
          Item *item = &g_array_index (items, Item, hi);
          gboolean is_busy = (item->flags & SEM_CONFLICT_ITEM_BUSY) != 0;
          GArray *others = is_busy ? active : active_busy;
          guint kept = 0;

          for (guint j = 0; j < others->len; j++)
            {
              guint32 o = g_array_index (others, guint32, j);
              Item *other = &g_array_index (items, Item, o);

              if (other->end <= item->start)
                continue;
              g_array_index (others, guint32, kept++) = o;
              found (run, SEM_CONFLICT_BUSY_ELSEWHERE,
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
  SemConflictRun run;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);

  if (options == NULL)
    options = defaults = sem_conflict_options_new ();

  sem_conflict_run_init (&run, plan, options);
  sem_conflict_run_collect (&run, event_id);
  sort_unique (run.person_items, run.people->len);
  sort_unique (run.delegation_items, run.delegations->len);

  check_dates (&run);
  check_rooms (&run);
  sweep_pairs (&run, run.person_items, SEM_CONFLICT_PERSON_DOUBLE_BOOKED);
  check_travel (&run);
  check_stays (&run);
  check_capacity (&run);
  check_mandatory (&run);
  sweep_busy (&run, run.person_items, run.person_busy, run.people->len, SEM_CONFLICT_OWNER_PERSON);
  sweep_busy (&run, run.delegation_items, run.delegation_busy, run.delegations->len,
              SEM_CONFLICT_OWNER_DELEGATION);

  result = g_ptr_array_new_full (run.found->len, g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < run.found->len; i++)
    {
      SemConflict *conflict = sem_conflict_explain (&run, &g_array_index (run.found, SemConflictFound, i));

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

  sem_conflict_run_clear (&run);

  return result;
}

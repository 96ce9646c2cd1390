/* sem-conflict-index.c — the conflict engine's lookups from ids and objects to indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two open-addressing tables, with no allocation per entry and slots small
 * enough to stay in the cache; keys are compared through the engine's own
 * arrays rather than stored. Sessions are found by object (the plan's own
 * index gives the object for an id: hashing a pointer costs less than an
 * id), people by id, as facilitators and attendance pairs name them.
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include <string.h>

#include "sem-conflict-private.h"

#define NONE SEM_CONFLICT_NONE

static inline gsize
pointer_hash (gconstpointer pointer)
{
  guint64 x = (guintptr) pointer;

  x ^= x >> 33;
  x *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (gsize) x;
}

void
sem_conflict_session_map_init (SemConflictSessionMap *map,
                               guint                  n)
{
  gsize size = 16;

  while (size < (gsize) n * 2)
    size *= 2;
  map->slots = g_new0 (guint32, size);
  map->mask = size - 1;
}

/* Sessions are distinct objects: a new key is never in the map yet. */
void
sem_conflict_session_map_insert (SemConflictSessionMap *map,
                                 SemSession            *session,
                                 guint32                index)
{
  gsize i = pointer_hash (session) & map->mask;

  while (map->slots[i] != 0)
    i = (i + 1) & map->mask;
  map->slots[i] = index + 1;
}

guint32
sem_conflict_session_map_lookup (SemConflictRun              *run,
                                 const SemConflictSessionMap *map,
                                 SemEntity                   *session)
{
  if (session == NULL)
    return NONE;
  for (gsize i = pointer_hash (session) & map->mask; map->slots[i] != 0; i = (i + 1) & map->mask)
    if ((SemEntity *) SEM_CONFLICT_SESSION (run, map->slots[i] - 1)->session == session)
      return map->slots[i] - 1;
  return NONE;
}

/* djb2, like g_str_hash(), over the first @len bytes of @id. */
static inline guint32
id_hash (const char *id,
         gsize       len)
{
  guint32 h = 5381;

  for (gsize i = 0; i < len; i++)
    h = (h << 5) + h + (guchar) id[i];
  return h;
}

static inline gsize
id_slot (const SemConflictIdTable *table,
         guint32                   hash)
{
  return (gsize) (hash * 2654435761u) & table->mask;
}

void
sem_conflict_id_table_init (SemConflictIdTable *table,
                            guint               n)
{
  gsize size = 64;

  while (size < (gsize) n * 2)
    size *= 2;
  table->slots = g_new0 (guint64, size);
  table->mask = size - 1;
  table->n = 0;
}

static void
id_table_grow (SemConflictIdTable *table)
{
  guint64 *old = table->slots;
  gsize old_size = table->mask + 1;

  table->slots = g_new0 (guint64, old_size * 2);
  table->mask = old_size * 2 - 1;
  for (gsize k = 0; k < old_size; k++)
    if (old[k] != 0)
      {
        gsize i = id_slot (table, (guint32) (old[k] >> 32));

        while (table->slots[i] != 0)
          i = (i + 1) & table->mask;
        table->slots[i] = old[k];
      }
  g_free (old);
}

/* The index of the person whose id is the first @len bytes of @id. */
guint32
sem_conflict_run_find_person_n (SemConflictRun *run,
                                const char     *id,
                                gsize           len)
{
  SemConflictIdTable *table = &run->person_index;
  guint32 hash = id_hash (id, len);

  for (gsize i = id_slot (table, hash); table->slots[i] != 0; i = (i + 1) & table->mask)
    if ((guint32) (table->slots[i] >> 32) == hash)
      {
        guint32 index = (guint32) table->slots[i] - 1;
        const char *other = SEM_CONFLICT_PERSON (run, index)->id;

        if (strncmp (other, id, len) == 0 && other[len] == '\0')
          return index;
      }
  return NONE;
}

guint32
sem_conflict_run_find_person (SemConflictRun *run,
                              const char     *id)
{
  gsize len;

  if (id == NULL)
    return NONE;
  len = strlen (id);
  return sem_conflict_run_find_person_n (run, id, len);
}

/* Points @id at person @index; a repeated id takes the later person. */
void
sem_conflict_run_set_person (SemConflictRun *run,
                             const char     *id,
                             guint32         index)
{
  SemConflictIdTable *table = &run->person_index;
  gsize len = strlen (id);
  guint32 hash = id_hash (id, len);
  gsize i;

  for (i = id_slot (table, hash); table->slots[i] != 0; i = (i + 1) & table->mask)
    if ((guint32) (table->slots[i] >> 32) == hash &&
        strcmp (SEM_CONFLICT_PERSON (run, (guint32) table->slots[i] - 1)->id, id) == 0)
      break;
  if (table->slots[i] == 0)
    table->n++;
  table->slots[i] = (guint64) hash << 32 | (index + 1);
  if ((gsize) table->n * 2 > table->mask + 1)
    id_table_grow (table);
}

guint32
sem_conflict_run_intern_person (SemConflictRun *run,
                                const char     *id)
{
  guint32 i = sem_conflict_run_find_person (run, id);
  SemConflictPerson person = { id, NULL };

  if (i != NONE)
    return i;
  i = run->people->len;
  g_array_append_val (run->people, person);
  sem_conflict_run_set_person (run, id, i);
  return i;
}

void
sem_conflict_id_table_clear (SemConflictIdTable *table)
{
  g_clear_pointer (&table->slots, g_free);
}

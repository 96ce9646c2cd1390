/* sem-tombstone.c — what is left of a deleted session, so calendars can hear it was cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-tombstone"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-tombstone.h"

/* What a calendar needs to announce the cancellation, and whose calendars
 * had the session; plain strings, since what they named may be gone too. */
struct _SemTombstone
{
  SemEntity parent_instance;

  gint64    deleted;
  char     *event;
  char     *room;
  SemText   title;
  gint64    start;
  gint64    end;
  char    **people;
  char    **delegations;
};

G_DEFINE_FINAL_TYPE (SemTombstone, sem_tombstone, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemTombstone, member)

static const SemFieldInfo fields[] = {
  { FIELD (deleted, INSTANT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (event, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (room, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (title, TEXT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (start, INSTANT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (end, INSTANT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (people, STRV), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (delegations, STRV), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_tombstone_class_init (SemTombstoneClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_tombstone_init (SemTombstone *self)
{
}

/**
 * sem_tombstone_new:
 *
 * Returns: (transfer full): a new, empty tombstone with @id
 */
SemTombstone *
sem_tombstone_new (const char *id)
{
  return g_object_new (SEM_TYPE_TOMBSTONE, "id", id, NULL);
}

gint64
sem_tombstone_get_deleted (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), 0);

  return self->deleted;
}

const char *
sem_tombstone_get_event (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), NULL);

  return self->event;
}

const char *
sem_tombstone_get_room (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), NULL);

  return self->room;
}

/**
 * sem_tombstone_get_title:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the deleted session's title
 */
const char *
sem_tombstone_get_title (SemTombstone *self,
                         const char   *lang)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "title", lang);
}

gint64
sem_tombstone_get_start (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), 0);

  return self->start;
}

gint64
sem_tombstone_get_end (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), 0);

  return self->end;
}

/**
 * sem_tombstone_get_people:
 *
 * Returns: (transfer none) (nullable): the people whose calendars had the session
 */
const char * const *
sem_tombstone_get_people (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), NULL);

  return (const char * const *) self->people;
}

/**
 * sem_tombstone_get_delegations:
 *
 * Returns: (transfer none) (nullable): the delegations the session was open to
 */
const char * const *
sem_tombstone_get_delegations (SemTombstone *self)
{
  g_return_val_if_fail (SEM_IS_TOMBSTONE (self), NULL);

  return (const char * const *) self->delegations;
}

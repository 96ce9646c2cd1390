/* sem-external-event.c — an event cached from a feed; its id is the feed's UID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-external-event"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-external-event.h"

struct _SemExternalEvent
{
  SemEntity parent_instance;

  char     *recurrence_id;
  char     *summary;
  char     *location;
  char     *description;
  gint64    start;
  gint64    end;
  gboolean  all_day;
  int       sequence;
};

G_DEFINE_FINAL_TYPE (SemExternalEvent, sem_external_event, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemExternalEvent, member)

static const SemFieldInfo fields[] = {
  { FIELD (recurrence_id, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (summary, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (location, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (description, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (start, INSTANT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (end, INSTANT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (all_day, BOOL), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (sequence, INT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_external_event_class_init (SemExternalEventClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_external_event_init (SemExternalEvent *self)
{
}

/**
 * sem_external_event_new:
 *
 * Returns: (transfer full): a new, empty external event with @id
 */
SemExternalEvent *
sem_external_event_new (const char *id)
{
  return g_object_new (SEM_TYPE_EXTERNAL_EVENT, "id", id, NULL);
}

const char *
sem_external_event_get_recurrence_id (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), NULL);

  return self->recurrence_id;
}

const char *
sem_external_event_get_summary (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), NULL);

  return self->summary;
}

const char *
sem_external_event_get_location (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), NULL);

  return self->location;
}

const char *
sem_external_event_get_description (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), NULL);

  return self->description;
}

gint64
sem_external_event_get_start (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), 0);

  return self->start;
}

gint64
sem_external_event_get_end (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), 0);

  return self->end;
}

gboolean
sem_external_event_get_all_day (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), FALSE);

  return self->all_day;
}

int
sem_external_event_get_sequence (SemExternalEvent *self)
{
  g_return_val_if_fail (SEM_IS_EXTERNAL_EVENT (self), 0);

  return self->sequence;
}

/* sem-event.c — an event of a programme: an academy seminar, a webinar…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-event"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-event.h"

struct _SemEvent
{
  SemEntity parent_instance;

  char    *programme;
  int      kind;
  SemText  title;
  SemText  description;
  char    *venue;
  char    *timezone;
  int      mode;
  char    *online_link;
  char    *start_date;
  char    *end_date;
  int      status;
};

G_DEFINE_FINAL_TYPE (SemEvent, sem_event, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemEvent, member)

static const SemFieldInfo fields[] = {
  { FIELD (programme, REF), SEM_FIELD_REQUIRED, SEM_COLLECTION_PROGRAMMES, SEM_COLLECTION_NONE, NULL },
  { FIELD (kind, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_event_kind_get_type },
  { FIELD (title, TEXT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (description, TEXT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (venue, REF), 0, SEM_COLLECTION_VENUES, SEM_COLLECTION_NONE, NULL },
  { FIELD (timezone, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (mode, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_event_mode_get_type },
  { FIELD (online_link, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (start_date, DATE), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (end_date, DATE), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (status, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_status_get_type },
};

#undef FIELD

static void
sem_event_class_init (SemEventClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_event_init (SemEvent *self)
{
}

/**
 * sem_event_new:
 *
 * Returns: (transfer full): a new, empty event with @id
 */
SemEvent *
sem_event_new (const char *id)
{
  return g_object_new (SEM_TYPE_EVENT, "id", id, NULL);
}

const char *
sem_event_get_programme (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return self->programme;
}

SemEventKind
sem_event_get_kind (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), 0);

  return (SemEventKind) self->kind;
}

/**
 * sem_event_get_title:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the title in @lang, or in the other language
 */
const char *
sem_event_get_title (SemEvent *self,
                     const char *lang)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "title", lang);
}

/**
 * sem_event_get_description:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the description in @lang, or in the other language
 */
const char *
sem_event_get_description (SemEvent *self,
                           const char *lang)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "description", lang);
}

const char *
sem_event_get_venue (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return self->venue;
}

const char *
sem_event_get_timezone (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return self->timezone;
}

SemEventMode
sem_event_get_mode (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), 0);

  return (SemEventMode) self->mode;
}

const char *
sem_event_get_online_link (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return self->online_link;
}

const char *
sem_event_get_start_date (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return self->start_date;
}

const char *
sem_event_get_end_date (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), NULL);

  return self->end_date;
}

SemStatus
sem_event_get_status (SemEvent *self)
{
  g_return_val_if_fail (SEM_IS_EVENT (self), 0);

  return (SemStatus) self->status;
}

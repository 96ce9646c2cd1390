/* sem-session.c — a timed session of an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-session"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-session.h"

struct _SemSession
{
  SemEntity parent_instance;

  char     *event;
  int       kind;
  SemText   title;
  SemText   description;
  gint64    start;
  gint64    end;
  char     *room;
  char    **facilitators;
  int       audience;
  char    **audience_delegations;
  char    **audience_roles;
  char     *language;
  char    **interpretation;
  int       capacity;
  int       status;
  char     *ical_uid;
  char     *ical_recurrence_id;
  gboolean  mandatory;
};

G_DEFINE_FINAL_TYPE (SemSession, sem_session, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemSession, member)

static const SemFieldInfo fields[] = {
  { FIELD (event, REF), SEM_FIELD_REQUIRED, SEM_COLLECTION_EVENTS, SEM_COLLECTION_NONE, NULL },
  { FIELD (kind, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_session_kind_get_type },
  { FIELD (title, TEXT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (description, TEXT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (start, INSTANT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (end, INSTANT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (room, REF), 0, SEM_COLLECTION_ROOMS, SEM_COLLECTION_NONE, NULL },
  { FIELD (facilitators, REFS), 0, SEM_COLLECTION_PEOPLE, SEM_COLLECTION_NONE, NULL },
  { FIELD (audience, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_audience_get_type },
  { FIELD (audience_delegations, REFS), 0, SEM_COLLECTION_DELEGATIONS, SEM_COLLECTION_NONE, NULL },
  { FIELD (audience_roles, STRV), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (language, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (interpretation, STRV), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (capacity, INT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (status, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_status_get_type },
  /* The identity of a session imported from a foreign calendar, so that a
   * new copy of that calendar updates it instead of duplicating it. */
  { FIELD (ical_uid, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (ical_recurrence_id, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  /* Every delegation the session is open to must send someone to it. */
  { FIELD (mandatory, BOOL), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_session_class_init (SemSessionClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_session_init (SemSession *self)
{
}

/**
 * sem_session_new:
 *
 * Returns: (transfer full): a new, empty session with @id
 */
SemSession *
sem_session_new (const char *id)
{
  return g_object_new (SEM_TYPE_SESSION, "id", id, NULL);
}

const char *
sem_session_get_event (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return self->event;
}

SemSessionKind
sem_session_get_kind (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), 0);

  return (SemSessionKind) self->kind;
}

/**
 * sem_session_get_title:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the title in @lang, or in the other language
 */
const char *
sem_session_get_title (SemSession *self,
                       const char *lang)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "title", lang);
}

/**
 * sem_session_get_description:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the description in @lang, or in the other language
 */
const char *
sem_session_get_description (SemSession *self,
                             const char *lang)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "description", lang);
}

gint64
sem_session_get_start (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), 0);

  return self->start;
}

gint64
sem_session_get_end (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), 0);

  return self->end;
}

const char *
sem_session_get_room (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return self->room;
}

const char * const *
sem_session_get_facilitators (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return (const char * const *) self->facilitators;
}

SemAudience
sem_session_get_audience (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), 0);

  return (SemAudience) self->audience;
}

const char * const *
sem_session_get_audience_delegations (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return (const char * const *) self->audience_delegations;
}

const char * const *
sem_session_get_audience_roles (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return (const char * const *) self->audience_roles;
}

const char *
sem_session_get_language (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return self->language;
}

const char * const *
sem_session_get_interpretation (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return (const char * const *) self->interpretation;
}

int
sem_session_get_capacity (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), 0);

  return self->capacity;
}

SemStatus
sem_session_get_status (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), 0);

  return (SemStatus) self->status;
}

/**
 * sem_session_get_ical_uid:
 *
 * Returns: (transfer none) (nullable): the UID of the foreign calendar event
 *   this session was imported from
 */
const char *
sem_session_get_ical_uid (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return self->ical_uid;
}

/**
 * sem_session_get_ical_recurrence_id:
 *
 * Returns: (transfer none) (nullable): the RECURRENCE-ID of the imported
 *   occurrence, as UTC "YYYYMMDDTHHMMSSZ" or a DATE "YYYYMMDD"
 */
const char *
sem_session_get_ical_recurrence_id (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), NULL);

  return self->ical_recurrence_id;
}

/**
 * sem_session_get_mandatory:
 *
 * Returns: whether every delegation the session is open to must attend it
 */
gboolean
sem_session_get_mandatory (SemSession *self)
{
  g_return_val_if_fail (SEM_IS_SESSION (self), FALSE);

  return self->mandatory;
}

/* sem-delegation.c — a city's delegation to an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-delegation"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-delegation.h"

struct _SemDelegation
{
  SemEntity parent_instance;

  char  *event;
  char  *city;
  char  *head;
  char **members;
  char  *arrival;
  char  *departure;
  int    status;
  char  *notes;
  char **attendance;
};

G_DEFINE_FINAL_TYPE (SemDelegation, sem_delegation, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemDelegation, member)

static const SemFieldInfo fields[] = {
  { FIELD (event, REF), SEM_FIELD_REQUIRED, SEM_COLLECTION_EVENTS, SEM_COLLECTION_NONE, NULL },
  { FIELD (city, REF), SEM_FIELD_REQUIRED, SEM_COLLECTION_CITIES, SEM_COLLECTION_NONE, NULL },
  { FIELD (head, REF), 0, SEM_COLLECTION_PEOPLE, SEM_COLLECTION_NONE, NULL },
  { FIELD (members, REFS), 0, SEM_COLLECTION_PEOPLE, SEM_COLLECTION_NONE, NULL },
  { FIELD (arrival, DATE), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (departure, DATE), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (status, ENUM), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_delegation_status_get_type },
  { FIELD (notes, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (attendance, PAIRS), 0, SEM_COLLECTION_PEOPLE, SEM_COLLECTION_SESSIONS, NULL, "person", "session" },
};

#undef FIELD

static void
sem_delegation_class_init (SemDelegationClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_delegation_init (SemDelegation *self)
{
}

/**
 * sem_delegation_new:
 *
 * Returns: (transfer full): a new, empty delegation with @id
 */
SemDelegation *
sem_delegation_new (const char *id)
{
  return g_object_new (SEM_TYPE_DELEGATION, "id", id, NULL);
}

const char *
sem_delegation_get_event (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return self->event;
}

const char *
sem_delegation_get_city (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return self->city;
}

const char *
sem_delegation_get_head (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return self->head;
}

const char * const *
sem_delegation_get_members (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return (const char * const *) self->members;
}

const char *
sem_delegation_get_arrival (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return self->arrival;
}

const char *
sem_delegation_get_departure (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return self->departure;
}

SemDelegationStatus
sem_delegation_get_status (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), 0);

  return (SemDelegationStatus) self->status;
}

const char *
sem_delegation_get_notes (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return self->notes;
}

const char * const *
sem_delegation_get_attendance (SemDelegation *self)
{
  g_return_val_if_fail (SEM_IS_DELEGATION (self), NULL);

  return (const char * const *) self->attendance;
}

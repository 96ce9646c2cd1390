/* sem-person.c — a delegate, expert, mentor or member of staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-person"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-person.h"

struct _SemPerson
{
  SemEntity parent_instance;

  char    *name;
  char    *organisation;
  SemText  position;
  char    *email;
  char    *phone;
  char    *city;
  char    *language;
  guint    roles;
};

G_DEFINE_FINAL_TYPE (SemPerson, sem_person, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemPerson, member)

static const SemFieldInfo fields[] = {
  { FIELD (name, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (organisation, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (position, TEXT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (email, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (phone, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (city, REF), 0, SEM_COLLECTION_CITIES, SEM_COLLECTION_NONE, NULL },
  { FIELD (language, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (roles, FLAGS), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, sem_person_role_get_type },
};

#undef FIELD

static void
sem_person_class_init (SemPersonClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_person_init (SemPerson *self)
{
}

/**
 * sem_person_new:
 *
 * Returns: (transfer full): a new, empty person with @id
 */
SemPerson *
sem_person_new (const char *id)
{
  return g_object_new (SEM_TYPE_PERSON, "id", id, NULL);
}

const char *
sem_person_get_name (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return self->name;
}

const char *
sem_person_get_organisation (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return self->organisation;
}

/**
 * sem_person_get_position:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the position in @lang, or in the other language
 */
const char *
sem_person_get_position (SemPerson *self,
                         const char *lang)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "position", lang);
}

const char *
sem_person_get_email (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return self->email;
}

const char *
sem_person_get_phone (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return self->phone;
}

const char *
sem_person_get_city (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return self->city;
}

const char *
sem_person_get_language (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), NULL);

  return self->language;
}

SemPersonRole
sem_person_get_roles (SemPerson *self)
{
  g_return_val_if_fail (SEM_IS_PERSON (self), 0);

  return (SemPersonRole) self->roles;
}

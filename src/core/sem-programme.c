/* sem-programme.c — a programme: the Digital Cities Challenge, a Bloomberg initiative…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-programme"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-programme.h"

struct _SemProgramme
{
  SemEntity parent_instance;

  SemText   name;
  char     *organiser;
  char     *start_date;
  char     *end_date;
  char     *url;
  SemText   description;
  char    **cities;
};

G_DEFINE_FINAL_TYPE (SemProgramme, sem_programme, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemProgramme, member)

static const SemFieldInfo fields[] = {
  { FIELD (name, TEXT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (organiser, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (start_date, DATE), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (end_date, DATE), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (url, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (description, TEXT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (cities, PAIRS), 0, SEM_COLLECTION_CITIES, SEM_COLLECTION_NONE, sem_city_role_get_type, "city", "role" },
};

#undef FIELD

static void
sem_programme_class_init (SemProgrammeClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_programme_init (SemProgramme *self)
{
}

/**
 * sem_programme_new:
 *
 * Returns: (transfer full): a new, empty programme with @id
 */
SemProgramme *
sem_programme_new (const char *id)
{
  return g_object_new (SEM_TYPE_PROGRAMME, "id", id, NULL);
}

/**
 * sem_programme_get_name:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the name in @lang, or in the other language
 */
const char *
sem_programme_get_name (SemProgramme *self,
                        const char *lang)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "name", lang);
}

const char *
sem_programme_get_organiser (SemProgramme *self)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return self->organiser;
}

const char *
sem_programme_get_start_date (SemProgramme *self)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return self->start_date;
}

const char *
sem_programme_get_end_date (SemProgramme *self)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return self->end_date;
}

const char *
sem_programme_get_url (SemProgramme *self)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return self->url;
}

/**
 * sem_programme_get_description:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the description in @lang, or in the other language
 */
const char *
sem_programme_get_description (SemProgramme *self,
                               const char *lang)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "description", lang);
}

const char * const *
sem_programme_get_cities (SemProgramme *self)
{
  g_return_val_if_fail (SEM_IS_PROGRAMME (self), NULL);

  return (const char * const *) self->cities;
}

/* sem-city.c — a city taking part in programmes, with its timezone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-city"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-city.h"

struct _SemCity
{
  SemEntity parent_instance;

  SemText  name;
  char    *country;
  char    *timezone;
};

G_DEFINE_FINAL_TYPE (SemCity, sem_city, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemCity, member)

static const SemFieldInfo fields[] = {
  { FIELD (name, TEXT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (country, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (timezone, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_city_class_init (SemCityClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_city_init (SemCity *self)
{
}

/**
 * sem_city_new:
 *
 * Returns: (transfer full): a new, empty city with @id
 */
SemCity *
sem_city_new (const char *id)
{
  return g_object_new (SEM_TYPE_CITY, "id", id, NULL);
}

/**
 * sem_city_get_name:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the name in @lang, or in the other language
 */
const char *
sem_city_get_name (SemCity *self,
                   const char *lang)
{
  g_return_val_if_fail (SEM_IS_CITY (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "name", lang);
}

const char *
sem_city_get_country (SemCity *self)
{
  g_return_val_if_fail (SEM_IS_CITY (self), NULL);

  return self->country;
}

const char *
sem_city_get_timezone (SemCity *self)
{
  g_return_val_if_fail (SEM_IS_CITY (self), NULL);

  return self->timezone;
}

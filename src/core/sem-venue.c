/* sem-venue.c — a place where events happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-venue"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-venue.h"

struct _SemVenue
{
  SemEntity parent_instance;

  SemText  name;
  char    *address;
  char    *city;
  char    *timezone;
  SemGeo  *geo;
};

G_DEFINE_FINAL_TYPE (SemVenue, sem_venue, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemVenue, member)

static const SemFieldInfo fields[] = {
  { FIELD (name, TEXT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (address, STRING), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (city, REF), 0, SEM_COLLECTION_CITIES, SEM_COLLECTION_NONE, NULL },
  { FIELD (timezone, STRING), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (geo, GEO), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_venue_class_init (SemVenueClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_venue_init (SemVenue *self)
{
}

/**
 * sem_venue_new:
 *
 * Returns: (transfer full): a new, empty venue with @id
 */
SemVenue *
sem_venue_new (const char *id)
{
  return g_object_new (SEM_TYPE_VENUE, "id", id, NULL);
}

/**
 * sem_venue_get_name:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the name in @lang, or in the other language
 */
const char *
sem_venue_get_name (SemVenue *self,
                    const char *lang)
{
  g_return_val_if_fail (SEM_IS_VENUE (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "name", lang);
}

const char *
sem_venue_get_address (SemVenue *self)
{
  g_return_val_if_fail (SEM_IS_VENUE (self), NULL);

  return self->address;
}

const char *
sem_venue_get_city (SemVenue *self)
{
  g_return_val_if_fail (SEM_IS_VENUE (self), NULL);

  return self->city;
}

const char *
sem_venue_get_timezone (SemVenue *self)
{
  g_return_val_if_fail (SEM_IS_VENUE (self), NULL);

  return self->timezone;
}

/**
 * sem_venue_get_geo:
 *
 * Returns: (transfer none) (nullable): where the venue is on the map
 */
const SemGeo *
sem_venue_get_geo (SemVenue *self)
{
  g_return_val_if_fail (SEM_IS_VENUE (self), NULL);

  return self->geo;
}

/* sem-room.c — a room of a venue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-room"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-room.h"

struct _SemRoom
{
  SemEntity parent_instance;

  char    *venue;
  SemText  name;
  int      capacity;
};

G_DEFINE_FINAL_TYPE (SemRoom, sem_room, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemRoom, member)

static const SemFieldInfo fields[] = {
  { FIELD (venue, REF), SEM_FIELD_REQUIRED, SEM_COLLECTION_VENUES, SEM_COLLECTION_NONE, NULL },
  { FIELD (name, TEXT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
  { FIELD (capacity, INT), 0, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
};

#undef FIELD

static void
sem_room_class_init (SemRoomClass *klass)
{
  sem_entity_class_install_fields (SEM_ENTITY_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
sem_room_init (SemRoom *self)
{
}

/**
 * sem_room_new:
 *
 * Returns: (transfer full): a new, empty room with @id
 */
SemRoom *
sem_room_new (const char *id)
{
  return g_object_new (SEM_TYPE_ROOM, "id", id, NULL);
}

const char *
sem_room_get_venue (SemRoom *self)
{
  g_return_val_if_fail (SEM_IS_ROOM (self), NULL);

  return self->venue;
}

/**
 * sem_room_get_name:
 * @lang: (nullable): "bg" or "en"
 *
 * Returns: (transfer none) (nullable): the name in @lang, or in the other language
 */
const char *
sem_room_get_name (SemRoom *self,
                   const char *lang)
{
  g_return_val_if_fail (SEM_IS_ROOM (self), NULL);

  return sem_entity_get_text (SEM_ENTITY (self), "name", lang);
}

int
sem_room_get_capacity (SemRoom *self)
{
  g_return_val_if_fail (SEM_IS_ROOM (self), 0);

  return self->capacity;
}

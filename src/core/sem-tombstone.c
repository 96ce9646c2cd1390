/* sem-tombstone.c — what is left of a deleted session, so calendars can hear it was cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-tombstone"

#include "config.h"

#include "sem-entity-private.h"
#include "sem-tombstone.h"

struct _SemTombstone
{
  SemEntity parent_instance;

  gint64 deleted;
};

G_DEFINE_FINAL_TYPE (SemTombstone, sem_tombstone, SEM_TYPE_ENTITY)

#define FIELD(member, kind) #member, SEM_FIELD_##kind, G_STRUCT_OFFSET (SemTombstone, member)

static const SemFieldInfo fields[] = {
  { FIELD (deleted, INSTANT), SEM_FIELD_REQUIRED, SEM_COLLECTION_NONE, SEM_COLLECTION_NONE, NULL },
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

/* sem-entity-private.h — what only the model's own files may touch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

/* Layout of the SemEntity instance, for the field tables' offsets. */
typedef struct
{
  char   *id;
  gint64  revision;
  gint64  modified;
} SemEntityPrivate;

SemEntityPrivate *sem_entity_get_private_data (SemEntity *self);
void              sem_entity_set_id_internal  (SemEntity *self,
                                               const char *id);
void              sem_entity_set_stamp        (SemEntity *self,
                                               gint64     revision,
                                               gint64     modified);
const SemFieldInfo *sem_entity_find_field     (SemEntityClass *klass,
                                               const char     *name);
const SemFieldInfo *sem_entity_class_field_for_pspec
                                              (SemEntityClass *klass,
                                               GParamSpec     *pspec);
gboolean          sem_pair_split              (const char  *pair,
                                               char       **a,
                                               const char **b);

G_END_DECLS

/* sem-tombstone.h — what is left of a deleted session, so calendars can hear it was cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_TOMBSTONE (sem_tombstone_get_type ())

G_DECLARE_FINAL_TYPE (SemTombstone, sem_tombstone, SEM, TOMBSTONE, SemEntity)

SemTombstone  *sem_tombstone_new         (const char *id);
gint64         sem_tombstone_get_deleted (SemTombstone *self);

G_END_DECLS

/* sem-tombstone.h — what is left of a deleted session, so calendars can hear it was cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_TOMBSTONE (sem_tombstone_get_type ())

G_DECLARE_FINAL_TYPE (SemTombstone, sem_tombstone, SEM, TOMBSTONE, SemEntity)

SemTombstone        *sem_tombstone_new             (const char   *id);
gint64               sem_tombstone_get_deleted     (SemTombstone *self);
const char          *sem_tombstone_get_event       (SemTombstone *self);
const char          *sem_tombstone_get_room        (SemTombstone *self);
const char          *sem_tombstone_get_title       (SemTombstone *self,
                                                    const char   *lang);
gint64               sem_tombstone_get_start       (SemTombstone *self);
gint64               sem_tombstone_get_end         (SemTombstone *self);
const char * const  *sem_tombstone_get_people      (SemTombstone *self);
const char * const  *sem_tombstone_get_delegations (SemTombstone *self);

G_END_DECLS

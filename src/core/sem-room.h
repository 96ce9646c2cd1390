/* sem-room.h — a room of a venue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_ROOM (sem_room_get_type ())

G_DECLARE_FINAL_TYPE (SemRoom, sem_room, SEM, ROOM, SemEntity)

SemRoom     *sem_room_new          (const char *id);
const char  *sem_room_get_venue    (SemRoom *self);
const char  *sem_room_get_name     (SemRoom    *self,
                                    const char *lang);
int          sem_room_get_capacity (SemRoom *self);

G_END_DECLS

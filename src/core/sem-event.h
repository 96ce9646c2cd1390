/* sem-event.h — an event of a programme: an academy seminar, a webinar…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_EVENT (sem_event_get_type ())

G_DECLARE_FINAL_TYPE (SemEvent, sem_event, SEM, EVENT, SemEntity)

SemEvent    *sem_event_new             (const char *id);
const char  *sem_event_get_programme   (SemEvent *self);
SemEventKind sem_event_get_kind        (SemEvent *self);
const char  *sem_event_get_title       (SemEvent   *self,
                                        const char *lang);
const char  *sem_event_get_description (SemEvent   *self,
                                        const char *lang);
const char  *sem_event_get_venue       (SemEvent *self);
const char  *sem_event_get_timezone    (SemEvent *self);
SemEventMode sem_event_get_mode        (SemEvent *self);
const char  *sem_event_get_online_link (SemEvent *self);
const char  *sem_event_get_start_date  (SemEvent *self);
const char  *sem_event_get_end_date    (SemEvent *self);
SemStatus    sem_event_get_status      (SemEvent *self);

G_END_DECLS

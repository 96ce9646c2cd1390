/* sem-external-event.h — an event cached from a feed; its id is the feed's UID
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_EXTERNAL_EVENT (sem_external_event_get_type ())

G_DECLARE_FINAL_TYPE (SemExternalEvent, sem_external_event, SEM, EXTERNAL_EVENT, SemEntity)

SemExternalEvent  *sem_external_event_new               (const char *id);
const char        *sem_external_event_get_recurrence_id (SemExternalEvent *self);
const char        *sem_external_event_get_summary       (SemExternalEvent *self);
const char        *sem_external_event_get_location      (SemExternalEvent *self);
const char        *sem_external_event_get_description   (SemExternalEvent *self);
gint64             sem_external_event_get_start         (SemExternalEvent *self);
gint64             sem_external_event_get_end           (SemExternalEvent *self);
gboolean           sem_external_event_get_all_day       (SemExternalEvent *self);
int                sem_external_event_get_sequence      (SemExternalEvent *self);

G_END_DECLS

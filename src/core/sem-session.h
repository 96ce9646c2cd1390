/* sem-session.h — a timed session of an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_SESSION (sem_session_get_type ())

G_DECLARE_FINAL_TYPE (SemSession, sem_session, SEM, SESSION, SemEntity)

SemSession          *sem_session_new                      (const char *id);
const char          *sem_session_get_event                (SemSession *self);
SemSessionKind       sem_session_get_kind                 (SemSession *self);
const char          *sem_session_get_title                (SemSession *self,
                                                           const char *lang);
const char          *sem_session_get_description          (SemSession *self,
                                                           const char *lang);
gint64               sem_session_get_start                (SemSession *self);
gint64               sem_session_get_end                  (SemSession *self);
const char          *sem_session_get_room                 (SemSession *self);
const char * const  *sem_session_get_facilitators         (SemSession *self);
SemAudience          sem_session_get_audience             (SemSession *self);
const char * const  *sem_session_get_audience_delegations (SemSession *self);
const char * const  *sem_session_get_audience_roles       (SemSession *self);
const char          *sem_session_get_language             (SemSession *self);
const char * const  *sem_session_get_interpretation       (SemSession *self);
int                  sem_session_get_capacity             (SemSession *self);
SemStatus            sem_session_get_status               (SemSession *self);
const char          *sem_session_get_ical_uid             (SemSession *self);
const char          *sem_session_get_ical_recurrence_id   (SemSession *self);
gboolean             sem_session_get_mandatory            (SemSession *self);

G_END_DECLS

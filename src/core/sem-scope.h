/* sem-scope.h — which sessions belong to an event, a delegation, a person…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-plan.h"

G_BEGIN_DECLS

typedef enum
{
  SEM_SCOPE_EVENT,
  SEM_SCOPE_PROGRAMME,
  SEM_SCOPE_DELEGATION,
  SEM_SCOPE_PERSON,
  SEM_SCOPE_ROOM,
} SemScope;

gboolean   sem_scope_session_open_to   (SemPlan       *plan,
                                        SemSession    *session,
                                        SemDelegation *delegation);
gboolean   sem_scope_person_takes_part (SemPlan       *plan,
                                        SemSession    *session,
                                        const char    *person_id);
GStrv      sem_scope_people_of         (SemPlan       *plan,
                                        SemSession    *session);
GStrv      sem_scope_delegations_of    (SemPlan       *plan,
                                        SemSession    *session);
SemEntity *sem_scope_lookup            (SemPlan       *plan,
                                        SemScope       scope,
                                        const char    *id);
GPtrArray *sem_scope_sessions          (SemPlan       *plan,
                                        SemScope       scope,
                                        const char    *id);
GPtrArray *sem_scope_tombstones        (SemPlan       *plan,
                                        SemScope       scope,
                                        const char    *id,
                                        gint64         since);

G_END_DECLS

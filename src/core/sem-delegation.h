/* sem-delegation.h — a city's delegation to an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_DELEGATION (sem_delegation_get_type ())

G_DECLARE_FINAL_TYPE (SemDelegation, sem_delegation, SEM, DELEGATION, SemEntity)

SemDelegation       *sem_delegation_new            (const char *id);
const char          *sem_delegation_get_event      (SemDelegation *self);
const char          *sem_delegation_get_city       (SemDelegation *self);
const char          *sem_delegation_get_head       (SemDelegation *self);
const char * const  *sem_delegation_get_members    (SemDelegation *self);
const char          *sem_delegation_get_arrival    (SemDelegation *self);
const char          *sem_delegation_get_departure  (SemDelegation *self);
SemDelegationStatus  sem_delegation_get_status     (SemDelegation *self);
const char          *sem_delegation_get_notes      (SemDelegation *self);
const char * const  *sem_delegation_get_attendance (SemDelegation *self);

G_END_DECLS

/* sem-person.h — a delegate, expert, mentor or member of staff
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_PERSON (sem_person_get_type ())

G_DECLARE_FINAL_TYPE (SemPerson, sem_person, SEM, PERSON, SemEntity)

SemPerson    *sem_person_new              (const char *id);
const char   *sem_person_get_name         (SemPerson *self);
const char   *sem_person_get_organisation (SemPerson *self);
const char   *sem_person_get_position     (SemPerson  *self,
                                           const char *lang);
const char   *sem_person_get_email        (SemPerson *self);
const char   *sem_person_get_phone        (SemPerson *self);
const char   *sem_person_get_city         (SemPerson *self);
const char   *sem_person_get_language     (SemPerson *self);
SemPersonRole sem_person_get_roles        (SemPerson *self);

G_END_DECLS

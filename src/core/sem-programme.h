/* sem-programme.h — a programme: the Digital Cities Challenge, a Bloomberg initiative…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_PROGRAMME (sem_programme_get_type ())

G_DECLARE_FINAL_TYPE (SemProgramme, sem_programme, SEM, PROGRAMME, SemEntity)

SemProgramme        *sem_programme_new             (const char *id);
const char          *sem_programme_get_name        (SemProgramme *self,
                                                    const char   *lang);
const char          *sem_programme_get_organiser   (SemProgramme *self);
const char          *sem_programme_get_start_date  (SemProgramme *self);
const char          *sem_programme_get_end_date    (SemProgramme *self);
const char          *sem_programme_get_url         (SemProgramme *self);
const char          *sem_programme_get_description (SemProgramme *self,
                                                    const char   *lang);
const char * const  *sem_programme_get_cities      (SemProgramme *self);

G_END_DECLS

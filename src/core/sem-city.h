/* sem-city.h — a city taking part in programmes, with its timezone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_CITY (sem_city_get_type ())

G_DECLARE_FINAL_TYPE (SemCity, sem_city, SEM, CITY, SemEntity)

SemCity     *sem_city_new          (const char *id);
const char  *sem_city_get_name     (SemCity    *self,
                                    const char *lang);
const char  *sem_city_get_country  (SemCity *self);
const char  *sem_city_get_timezone (SemCity *self);

G_END_DECLS

/* sem-venue.h — a place where events happen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_VENUE (sem_venue_get_type ())

G_DECLARE_FINAL_TYPE (SemVenue, sem_venue, SEM, VENUE, SemEntity)

SemVenue      *sem_venue_new          (const char *id);
const char    *sem_venue_get_name     (SemVenue   *self,
                                       const char *lang);
const char    *sem_venue_get_address  (SemVenue *self);
const char    *sem_venue_get_city     (SemVenue *self);
const char    *sem_venue_get_timezone (SemVenue *self);
const SemGeo  *sem_venue_get_geo      (SemVenue *self);

G_END_DECLS

/* sem-ical-export.h — calendars for an event, a programme, a delegation, a person or a room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-plan.h"
#include "sem-scope.h"

G_BEGIN_DECLS

/* How long a deleted session is still announced as cancelled. */
#define SEM_ICAL_CANCEL_GRACE (30 * 24 * 3600)

typedef enum
{
  SEM_ICAL_EXPORT_NONE       = 0,
  SEM_ICAL_EXPORT_FOR_CALDAV = 1 << 0,  /* no METHOD: a CalDAV server refuses it */
} SemIcalExportFlags;

char *sem_ical_export (SemPlan             *plan,
                       SemScope             scope,
                       const char          *id,
                       const char          *within_event,
                       const char          *lang,
                       SemIcalExportFlags   flags,
                       gsize               *length,
                       GError             **error);

G_END_DECLS

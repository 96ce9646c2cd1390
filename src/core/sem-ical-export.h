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

/* One session as a CalDAV resource (`UID.ics`). */
typedef struct
{
  char     *uid;
  char     *text;        /* a VCALENDAR with the one VEVENT, no METHOD */
  gsize     length;
  gboolean  cancelled;   /* cancelled, or deleted and still announced */
} SemIcalResource;

void       sem_ical_resource_free    (SemIcalResource *resource);

GPtrArray *sem_ical_export_resources (SemPlan     *plan,
                                      SemScope     scope,
                                      const char  *id,
                                      const char  *within_event,
                                      const char  *lang,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemIcalResource, sem_ical_resource_free)

G_END_DECLS

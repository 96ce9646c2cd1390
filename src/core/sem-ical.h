/* sem-ical.h — what the iCalendar exporter and importer share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libical/ical.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_ICAL_ERROR (sem_ical_error_quark ())

typedef enum
{
  SEM_ICAL_ERROR_NOT_FOUND,     /* the event, person… to export does not exist */
  SEM_ICAL_ERROR_TIMEZONE,      /* a timezone libical does not know */
  SEM_ICAL_ERROR_TOO_LARGE,     /* input over a cap */
  SEM_ICAL_ERROR_SYNTAX,        /* input that is not iCalendar */
  SEM_ICAL_ERROR_INVALID,       /* iCalendar we cannot use */
} SemIcalError;

/* The default end of a plan's UIDs, when the plan file names none. */
#define SEM_ICAL_DEFAULT_UID_DOMAIN "plan.sofia-seminars.invalid"

GQuark         sem_ical_error_quark     (void);

/* libical's timezone cache is process-wide and not thread-safe: hold this
 * lock around every use of libical. */
void           sem_ical_lock            (void);
void           sem_ical_unlock          (void);

icaltimezone  *sem_ical_get_timezone    (const char  *tzid);
icalcomponent *sem_ical_new_vtimezone   (const char  *tzid,
                                         gint64       from,
                                         gint64       until);
icaltimetype   sem_ical_time_from_instant (gint64     instant,
                                         icaltimezone *zone);
gint64         sem_ical_time_to_instant (icaltimetype time,
                                         icaltimezone *fallback);
char          *sem_ical_session_uid     (SemPlan     *plan,
                                         const char  *session_id);
char          *sem_ical_uid_to_id       (SemPlan     *plan,
                                         const char  *uid);
char          *sem_ical_event_uid       (SemPlan     *plan,
                                         const char  *event_id);
gboolean       sem_ical_uid_is_event    (SemPlan     *plan,
                                         const char  *uid);

G_END_DECLS

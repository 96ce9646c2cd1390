/* sem-caldav.h — publishing an event's sessions to a CalDAV collection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_CALDAV_ERROR (sem_caldav_error_quark ())

typedef enum
{
  SEM_CALDAV_ERROR_URL,          /* not an http(s) URL */
  SEM_CALDAV_ERROR_AUTH,         /* the server refused the user name or password */
  SEM_CALDAV_ERROR_NETWORK,      /* no answer */
  SEM_CALDAV_ERROR_SERVER,       /* an answer we cannot use */
} SemCaldavError;

/* What became of one resource. */
typedef enum
{
  SEM_CALDAV_CREATED,
  SEM_CALDAV_UPDATED,
  SEM_CALDAV_UNCHANGED,
  SEM_CALDAV_DELETED,
  SEM_CALDAV_CONFLICT,     /* someone else changed it: left as they made it */
  SEM_CALDAV_FAILED,
  SEM_CALDAV_N_OUTCOMES
} SemCaldavOutcome;

typedef struct
{
  guint      counts[SEM_CALDAV_N_OUTCOMES];
  GPtrArray *lines;        /* (element-type utf8): one per resource that needed a word */
} SemCaldavReport;

GQuark           sem_caldav_error_quark        (void);

void             sem_caldav_report_free        (SemCaldavReport *report);
gboolean         sem_caldav_report_is_clean    (SemCaldavReport *report);
char            *sem_caldav_report_totals      (SemCaldavReport *report);

char            *sem_caldav_split_user_info    (const char      *url,
                                                char           **user,
                                                char           **password,
                                                GError         **error);
GFile           *sem_caldav_default_state_file (const char      *url);

SemCaldavReport *sem_caldav_publish            (SemPlan         *plan,
                                                const char      *event_id,
                                                const char      *lang,
                                                const char      *url,
                                                const char      *user,
                                                const char      *password,
                                                GFile           *state,
                                                GCancellable    *cancellable,
                                                GError         **error);

void             sem_caldav_publish_async      (SemPlan             *plan,
                                                const char          *event_id,
                                                const char          *lang,
                                                const char          *url,
                                                const char          *user,
                                                const char          *password,
                                                GFile               *state,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
SemCaldavReport *sem_caldav_publish_finish     (SemPlan             *plan,
                                                GAsyncResult        *result,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemCaldavReport, sem_caldav_report_free)

G_END_DECLS

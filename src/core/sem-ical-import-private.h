/* sem-ical-import-private.h — shared by the parts of the iCalendar importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libical/ical.h>

#include "sem-ical-import.h"

G_BEGIN_DECLS

/* The last instant a plan can hold, 9999-12-31T23:59:59Z; the first is 0
 * (sem-plan-codec.c refuses anything else when it loads a plan). */
#define SEM_ICAL_IMPORT_MAX_INSTANT G_GINT64_CONSTANT (253402300799)

struct _SemIcalImportOptions
{
  char   *timezone;       /* IANA zone of floating times; NULL: UTC */
  gint64  window_start;   /* where RRULEs are expanded; 0: the file's own range */
  gint64  window_end;
  guint   max_instances;
  gint64  budget_usec;
  int     progress;       /* per mille, atomic */
};

struct _SemIcalImport
{
  GObject     parent_instance;

  char       *display_name;
  GPtrArray  *events;      /* SemIcalEvent */
  GPtrArray  *skipped;     /* SemIcalReportEntry, refused while parsing */
  GPtrArray  *warnings;    /* char *, NULL-terminated */
  guint       n_lic_errors;
};

/* Where the expansion of every RRULE of one file stands. */
typedef struct
{
  const char  *display_name;
  gint64       window_start;
  gint64       window_end;
  guint        max_instances;
  gint64       deadline;   /* monotonic µs */
  gboolean     out_of_time;
} SemIcalExpansion;

SemIcalEvent  *sem_ical_event_copy        (const SemIcalEvent *event);
void           sem_ical_report_entry_free (SemIcalReportEntry *entry);
SemIcalReportEntry *sem_ical_report_entry_new (SemIcalOutcome  outcome,
                                               const char     *uid,
                                               const char     *recurrence_id,
                                               const char     *title,
                                               const char     *reason);

/* The scan of a file fed in chunks (sem-ical-prescan.c): the checks on
 * hostile input, with the line where it goes wrong. */
typedef struct _SemIcalScanner SemIcalScanner;

/* Gets the text of one VEVENT of the calendar (not one nested deeper) as it
 * is in the file, from its BEGIN:VEVENT line to past its END:VEVENT line,
 * and the line it starts on. Returns %FALSE to stop the scan. */
typedef gboolean (*SemIcalVeventFunc) (const char *text,
                                       gsize       length,
                                       guint       line,
                                       gpointer    user_data);

SemIcalScanner *sem_ical_scanner_new      (const char         *display_name,
                                           GCancellable       *cancellable,
                                           GString            *skeleton,
                                           SemIcalVeventFunc   vevent_func,
                                           gpointer            user_data);
void           sem_ical_scanner_free      (SemIcalScanner     *self);
gboolean       sem_ical_scanner_feed      (SemIcalScanner     *self,
                                           const char         *data,
                                           gsize               length);
gboolean       sem_ical_scanner_finish    (SemIcalScanner     *self,
                                           GError            **error);
guint          sem_ical_scanner_get_n_vevents (SemIcalScanner *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemIcalScanner, sem_ical_scanner_free)

void           sem_ical_event_window      (SemEvent           *event,
                                           gint64             *start,
                                           gint64             *end);

char          *sem_ical_format_recurrence_id (gint64           instant,
                                              gboolean         all_day);

/* Appends one SemIcalEvent per occurrence of @master to @out, or returns a
 * translated reason why the rule is refused. */
char          *sem_ical_expand_rrule      (SemIcalExpansion   *expansion,
                                           icalcomponent      *vevent,
                                           const SemIcalEvent *master,
                                           icaltimetype        dtstart,
                                           icaltimezone       *zone,
                                           GPtrArray          *out,
                                           GPtrArray          *warnings);

G_END_DECLS

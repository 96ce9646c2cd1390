/* sem-ical-import.h — sessions from a foreign or our own iCalendar file
 *
 * Importing is two steps: sem_ical_import_parse () reads and normalises the
 * file without touching a plan (so it may run on a worker thread), and
 * sem_ical_import_apply () merges the result into the plan on the main
 * thread, as one undoable edit, and says what it did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-plan.h"

G_BEGIN_DECLS

/* Caps on hostile input. */
#define SEM_ICAL_IMPORT_MAX_BYTES       (50u * 1024u * 1024u)
#define SEM_ICAL_IMPORT_MAX_LINE        (1024u * 1024u)   /* unfolded, in bytes */
#define SEM_ICAL_IMPORT_MAX_PROPERTIES  1000u             /* per component */
#define SEM_ICAL_IMPORT_MAX_COMPONENTS  200000u
#define SEM_ICAL_IMPORT_MAX_DEPTH       10u
#define SEM_ICAL_IMPORT_MAX_INSTANCES   1000u             /* per recurring event */
#define SEM_ICAL_IMPORT_BUDGET_USEC     (2 * G_USEC_PER_SEC)

/* ---- options ---------------------------------------------------------- */

typedef struct _SemIcalImportOptions SemIcalImportOptions;

#define SEM_TYPE_ICAL_IMPORT_OPTIONS (sem_ical_import_options_get_type ())

GType                  sem_ical_import_options_get_type     (void) G_GNUC_CONST;
SemIcalImportOptions  *sem_ical_import_options_new          (void);
SemIcalImportOptions  *sem_ical_import_options_new_for_event (SemPlan    *plan,
                                                             const char *event_id,
                                                             GError    **error);
SemIcalImportOptions  *sem_ical_import_options_ref          (SemIcalImportOptions *self);
void                   sem_ical_import_options_unref        (SemIcalImportOptions *self);
void                   sem_ical_import_options_set_timezone (SemIcalImportOptions *self,
                                                             const char           *tzid);
void                   sem_ical_import_options_set_window   (SemIcalImportOptions *self,
                                                             gint64                start,
                                                             gint64                end);
void                   sem_ical_import_options_set_limits   (SemIcalImportOptions *self,
                                                             guint                 max_instances,
                                                             gint64                budget_usec);
double                 sem_ical_import_options_get_fraction (SemIcalImportOptions *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemIcalImportOptions, sem_ical_import_options_unref)

/* ---- what the parser found -------------------------------------------- */

/**
 * SemIcalEvent:
 *
 * One VEVENT (or one occurrence of a recurring one), normalised. Times are
 * UTC instants; when @floating is set they are wall-clock times written as
 * if in UTC, to be read in the timezone of the session's event.
 */
typedef struct
{
  char      *uid;
  char      *recurrence_id;   /* UTC "YYYYMMDDTHHMMSSZ" or DATE "YYYYMMDD"; NULL */
  char      *summary;
  char      *description;
  char      *location;
  gint64     start;
  gint64     end;
  SemStatus  status;
  gint64     sequence;
  gint64     last_modified;   /* 0 when the file gives none */
  guint      line;            /* of its BEGIN:VEVENT */
  guint      all_day : 1;
  guint      floating : 1;
  guint      generated : 1;   /* expanded from an RRULE */
} SemIcalEvent;

typedef enum
{
  SEM_ICAL_OUTCOME_CREATED,
  SEM_ICAL_OUTCOME_UPDATED,
  SEM_ICAL_OUTCOME_UNCHANGED,
  SEM_ICAL_OUTCOME_SKIPPED,
  SEM_ICAL_N_OUTCOMES,
} SemIcalOutcome;

/**
 * SemIcalReportEntry:
 *
 * What became of one calendar event.
 */
typedef struct
{
  SemIcalOutcome  outcome;
  char           *uid;
  char           *recurrence_id;  /* (nullable) */
  char           *title;
  char           *reason;         /* (nullable): why it was skipped, translated */
  char           *session_id;     /* (nullable): the session created or matched */
} SemIcalReportEntry;

#define SEM_TYPE_ICAL_IMPORT (sem_ical_import_get_type ())

G_DECLARE_FINAL_TYPE (SemIcalImport, sem_ical_import, SEM, ICAL_IMPORT, GObject)

SemIcalImport      *sem_ical_import_parse          (GBytes               *bytes,
                                                    const char           *display_name,
                                                    SemIcalImportOptions *options,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
SemIcalImport      *sem_ical_import_parse_stream   (GInputStream         *stream,
                                                    const char           *display_name,
                                                    SemIcalImportOptions *options,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
SemIcalImport      *sem_ical_import_parse_file     (GFile                *file,
                                                    SemIcalImportOptions *options,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void                sem_ical_import_parse_async    (GFile                *file,
                                                    SemIcalImportOptions *options,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SemIcalImport      *sem_ical_import_parse_finish   (GAsyncResult         *result,
                                                    GError              **error);

const char         *sem_ical_import_get_display_name (SemIcalImport *self);
guint               sem_ical_import_get_n_events   (SemIcalImport        *self);
const SemIcalEvent *sem_ical_import_get_event      (SemIcalImport        *self,
                                                    guint                 index);
SemIcalEvent       *sem_ical_import_steal_event    (SemIcalImport        *self,
                                                    guint                 index);
void                sem_ical_event_free            (SemIcalEvent         *event);
const char * const *sem_ical_import_get_warnings   (SemIcalImport        *self);
guint               sem_ical_import_get_n_lic_errors (SemIcalImport      *self);

/* ---- what the merge did ----------------------------------------------- */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemIcalEvent, sem_ical_event_free)

#define SEM_TYPE_ICAL_REPORT (sem_ical_report_get_type ())

G_DECLARE_FINAL_TYPE (SemIcalReport, sem_ical_report, SEM, ICAL_REPORT, GObject)

SemIcalReport            *sem_ical_import_apply          (SemPlan        *plan,
                                                          SemIcalImport  *parsed,
                                                          const char     *event_id,
                                                          const char     *lang);

guint                     sem_ical_report_get_n_entries  (SemIcalReport  *self);
const SemIcalReportEntry *sem_ical_report_get_entry      (SemIcalReport  *self,
                                                          guint           index);
guint                     sem_ical_report_count          (SemIcalReport  *self,
                                                          SemIcalOutcome  outcome);
const char * const       *sem_ical_report_get_warnings   (SemIcalReport  *self);
gboolean                  sem_ical_report_changed_plan   (SemIcalReport  *self);
char                     *sem_ical_report_format_entry   (const SemIcalReportEntry *entry);
char                     *sem_ical_report_format_totals  (SemIcalReport  *self);

G_END_DECLS

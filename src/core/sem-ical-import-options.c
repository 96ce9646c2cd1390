/* sem-ical-import-options.c — how an .ics is read: timezone, window, caps
 *
 * Options are shared with the worker thread that parses, which reports its
 * progress through them; everything but the progress is set before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-ical-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sem-event.h"
#include "sem-ical.h"
#include "sem-ical-import-private.h"

G_DEFINE_BOXED_TYPE (SemIcalImportOptions, sem_ical_import_options,
                     sem_ical_import_options_ref, sem_ical_import_options_unref)

static void
options_clear (gpointer data)
{
  SemIcalImportOptions *self = data;

  g_free (self->timezone);
}

/**
 * sem_ical_import_options_new:
 *
 * Returns: (transfer full): options with no timezone (floating times are
 *   read in their session's event's timezone) and the file's own range
 */
SemIcalImportOptions *
sem_ical_import_options_new (void)
{
  SemIcalImportOptions *self = g_atomic_rc_box_new0 (SemIcalImportOptions);

  self->max_instances = SEM_ICAL_IMPORT_MAX_INSTANCES;
  self->budget_usec = SEM_ICAL_IMPORT_BUDGET_USEC;
  return self;
}

SemIcalImportOptions *
sem_ical_import_options_ref (SemIcalImportOptions *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
sem_ical_import_options_unref (SemIcalImportOptions *self)
{
  g_atomic_rc_box_release_full (self, options_clear);
}

void
sem_ical_import_options_set_timezone (SemIcalImportOptions *self,
                                      const char           *tzid)
{
  g_return_if_fail (self != NULL);

  g_free (self->timezone);
  self->timezone = g_strdup (tzid);
}

/**
 * sem_ical_import_options_set_window:
 *
 * Recurring events are expanded only from @start (inclusive) to @end
 * (exclusive), Unix seconds; 0 and 0 for the file's own range.
 */
void
sem_ical_import_options_set_window (SemIcalImportOptions *self,
                                    gint64                start,
                                    gint64                end)
{
  g_return_if_fail (self != NULL);

  self->window_start = start;
  self->window_end = end;
}

void
sem_ical_import_options_set_limits (SemIcalImportOptions *self,
                                    guint                 max_instances,
                                    gint64                budget_usec)
{
  g_return_if_fail (self != NULL);

  self->max_instances = max_instances;
  self->budget_usec = budget_usec;
}

/**
 * sem_ical_import_options_get_fraction:
 *
 * May be called from any thread while a parse with these options runs.
 *
 * Returns: how far the parse is, from 0 to 1
 */
double
sem_ical_import_options_get_fraction (SemIcalImportOptions *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_atomic_int_get (&self->progress) / 1000.0;
}

/* Midnight starting @date ("YYYY-MM-DD") in @tz. */
static gint64
date_start (const char *date,
            GTimeZone  *tz,
            int         add_days)
{
  unsigned y, m, d;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return 0;
  day = g_date_time_new (tz, y, m, d, 0, 0, 0);
  if (day == NULL)
    return 0;
  later = g_date_time_add_days (day, add_days);
  return g_date_time_to_unix (later);
}

/**
 * sem_ical_import_options_new_for_event:
 *
 * Options for importing into @event_id: its timezone for floating times, its
 * dates as the window where recurring events are expanded.
 *
 * Returns: (transfer full) (nullable): the options, or %NULL with @error set
 *   if there is no such event
 */
SemIcalImportOptions *
sem_ical_import_options_new_for_event (SemPlan     *plan,
                                       const char  *event_id,
                                       GError     **error)
{
  g_autoptr(SemIcalImportOptions) self = sem_ical_import_options_new ();
  gint64 start, end;
  SemEntity *entity;
  SemEvent *event;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);

  if (event_id == NULL)
    return g_steal_pointer (&self);

  entity = sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id);
  if (entity == NULL)
    {
      g_set_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_NOT_FOUND,
                   _("There is no event with the id “%s”."), event_id);
      return NULL;
    }
  event = SEM_EVENT (entity);
  sem_ical_event_window (event, &start, &end);
  sem_ical_import_options_set_timezone (self, sem_event_get_timezone (event));
  sem_ical_import_options_set_window (self, start, end);
  return g_steal_pointer (&self);
}

/**
 * sem_ical_event_window:
 *
 * From midnight of the first day of @event to midnight after its last, in
 * its timezone.
 */
void
sem_ical_event_window (SemEvent *event,
                       gint64   *start,
                       gint64   *end)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (sem_event_get_timezone (event));

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  *start = date_start (sem_event_get_start_date (event), tz, 0);
  *end = date_start (sem_event_get_end_date (event), tz, 1);
}

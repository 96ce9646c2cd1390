/* bench-ical.c — iCalendar export (and import) against bare libical
 *
 * One measurement per process:
 *
 *   bench-ical export PLAN.json OUT.ics   our export of the programme "dcc"
 *   bench-ical bare-export IN.ics         libical building the same calendar (a
 *                                         clone of it, parsed beforehand),
 *                                         serialising it and letting it go —
 *                                         what our export does, minus the plan
 *   bench-ical import PLAN.json IN.ics EVENT
 *                                         our import into EVENT: checks,
 *                                         parsing, normalising and merging
 *                                         into the plan (every session new)
 *   bench-ical read PLAN.json IN.ics EVENT
 *                                         the same, without the merge: what
 *                                         the worker thread does
 *   bench-ical bare-import IN.ics         libical parsing it (and letting it go)
 *
 * Each timed mode prints "SECONDS MAX_RSS_KIB".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-ical"

#include "config.h"

#include <libical/ical.h>
#include <malloc.h>

#include "bench-common.h"
#include "sem-ical.h"
#include "sem-ical-export.h"
#include "sem-ical-import.h"
#include "sem-plan-codec.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *mode = argc > 2 ? argv[1] : "";
  gint64 start;

  if (g_str_equal (mode, "export") && argc == 4)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (bytes, argv[2], &error);
      g_autofree char *text = NULL;
      gsize length;

      if (plan == NULL)
        g_error ("%s", error->message);
      g_clear_pointer (&bytes, g_bytes_unref);
      /* Loading freed a big JSON tree: let malloc tidy up now, not on the
       * clock; and load libical's time zone data, once per process. */
      malloc_trim (0);
      sem_ical_lock ();
      sem_ical_get_timezone ("Europe/Brussels");
      sem_ical_unlock ();

      start = g_get_monotonic_time ();
      text = sem_ical_export (plan, SEM_SCOPE_PROGRAMME, "dcc", NULL, "en",
                              SEM_ICAL_EXPORT_NONE, &length, &error);
      if (text == NULL)
        g_error ("%s", error->message);
      bench_report (start);
      bench_write_durable (argv[3], text, length);
      return 0;
    }

  if (g_str_equal (mode, "bare-export") && argc == 3)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      icalcomponent *calendar = icalparser_parse_string (g_bytes_get_data (bytes, NULL));
      icalcomponent *copy;
      char *text;

      if (calendar == NULL)
        g_error ("libical could not parse %s", argv[2]);
      g_clear_pointer (&bytes, g_bytes_unref);

      start = g_get_monotonic_time ();
      copy = icalcomponent_new_clone (calendar);
      text = icalcomponent_as_ical_string_r (copy);
      icalcomponent_free (copy);
      bench_report (start);
      g_free (text);
      icalcomponent_free (calendar);
      return 0;
    }

  if ((g_str_equal (mode, "import") || g_str_equal (mode, "read")) && argc == 5)
    {
      g_autoptr(GBytes) plan_bytes = bench_read_file (argv[2]);
      g_autoptr(GBytes) bytes = bench_read_file (argv[3]);
      g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (plan_bytes, argv[2], &error);
      g_autoptr(SemIcalImportOptions) options = NULL;
      g_autoptr(SemIcalImport) parsed = NULL;
      g_autoptr(SemIcalReport) report = NULL;

      if (plan == NULL)
        g_error ("%s", error->message);
      g_clear_pointer (&plan_bytes, g_bytes_unref);
      options = sem_ical_import_options_new_for_event (plan, argv[4], &error);
      if (options == NULL)
        g_error ("%s", error->message);
      malloc_trim (0);
      sem_ical_lock ();
      sem_ical_get_timezone ("Europe/Brussels");
      sem_ical_unlock ();

      start = g_get_monotonic_time ();
      parsed = sem_ical_import_parse (bytes, argv[3], options, NULL, &error);
      if (parsed == NULL)
        g_error ("%s", error->message);
      if (g_str_equal (mode, "read"))
        {
          g_clear_object (&parsed);
          bench_report (start);
          return 0;
        }
      report = sem_ical_import_apply (plan, parsed, argv[4], "en");
      bench_report (start);
      {
        g_autofree char *totals = sem_ical_report_format_totals (report);
        g_printerr ("%s\n", totals);
      }
      return 0;
    }

  if (g_str_equal (mode, "bare-import") && argc == 3)
    {
      g_autoptr(GBytes) bytes = bench_read_file (argv[2]);
      icalcomponent *calendar;

      start = g_get_monotonic_time ();
      calendar = icalparser_parse_string (g_bytes_get_data (bytes, NULL));
      if (calendar == NULL)
        g_error ("libical could not parse %s", argv[2]);
      icalcomponent_free (calendar);
      bench_report (start);
      return 0;
    }

  g_printerr ("usage: bench-ical export PLAN.json OUT.ics | bare-export IN.ics | bare-import IN.ics\n");
  return 2;
}

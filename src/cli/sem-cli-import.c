/* sem-cli-import.c — `sofia-seminars import PLAN IN.ics [--event ID] [--lang bg|en] [--dry-run]`
 *
 * Prints one line per calendar event (created, updated, unchanged, skipped)
 * and the totals; warnings go to stderr. The plan is saved durably only
 * when something changed, and never on a file-level error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-cli-import.h"
#include "sem-cli-private.h"
#include "sem-ical-import.h"
#include "sem-plan-codec.h"

/**
 * sem_cli_import:
 * @argv: argv[1] is "import"
 *
 * Returns: 0 (also when some events were skipped), 1 on failure, 2 on a usage error
 */
int
sem_cli_import (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json IN.ics"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) plan_file = NULL;
  g_autoptr(GFile) ics_file = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(SemIcalImportOptions) options = NULL;
  g_autoptr(SemIcalImport) parsed = NULL;
  g_autoptr(SemIcalReport) report = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *totals = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event_id, N_("The event that new sessions belong to"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The language of the calendar’s texts: bg or en"), N_("LANG") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print what would change, but do not save the plan"), NULL },
    { NULL }
  };
  const char * const *warnings;

  g_option_context_set_summary (context, _("Create or update sessions from an iCalendar file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sem_cli_fail_usage (context, error->message);
  if (argc != 4)
    return sem_cli_fail_usage (context, _("Name one plan file and one iCalendar file."));
  if (lang != NULL && !g_str_equal (lang, "bg") && !g_str_equal (lang, "en"))
    return sem_cli_fail_usage (context, _("The language must be bg or en."));

  plan_file = g_file_new_for_commandline_arg (argv[2]);
  plan = sem_plan_codec_load_file (plan_file, 0, NULL, &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  options = sem_ical_import_options_new_for_event (plan, event_id, &error);
  if (options == NULL)
    return sem_cli_fail (error->message);

  ics_file = g_file_new_for_commandline_arg (argv[3]);
  parsed = sem_ical_import_parse_file (ics_file, options, NULL, &error);
  if (parsed == NULL)
    return sem_cli_fail (error->message);

  report = sem_ical_import_apply (plan, parsed, event_id, lang != NULL ? lang : sem_cli_user_language ());

  warnings = sem_ical_report_get_warnings (report);
  for (guint i = 0; warnings[i] != NULL; i++)
    g_printerr (_("warning: %s\n"), warnings[i]);

  for (guint i = 0; i < sem_ical_report_get_n_entries (report); i++)
    {
      g_autofree char *line = sem_ical_report_format_entry (sem_ical_report_get_entry (report, i));
      g_print ("%s\n", line);
    }
  totals = sem_ical_report_format_totals (report);
  g_print ("%s\n", totals);

  if (!dry_run && sem_ical_report_changed_plan (report))
    {
      g_autofree char *path = g_file_get_path (plan_file);
      gsize length = 0;
      g_autofree char *data = sem_plan_codec_to_data (plan, &length);

      if (path == NULL)
        return sem_cli_fail (_("The plan can only be saved to a local file."));
      if (!sem_plan_codec_write_file (path, data, length, &error))
        return sem_cli_fail (error->message);
    }

  return 0;
}

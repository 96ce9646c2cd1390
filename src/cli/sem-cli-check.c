/* sem-cli-check.c — `sofia-seminars check`: the conflicts of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-cli-check"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sem-cli-check.h"
#include "sem-cli-private.h"
#include "sem-conflict.h"
#include "sem-plan-codec.h"

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
print_json (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      SemConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (sem_conflict_get_start (conflict));
      g_autofree char *start_text = start != NULL ? g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ") : NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, sem_conflict_get_id (conflict));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, sem_conflict_kind_to_nick (sem_conflict_get_kind (conflict)));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_ERROR
                                     ? "error" : "warning");
      json_builder_set_member_name (builder, "accepted");
      json_builder_add_boolean_value (builder, sem_conflict_get_accepted (conflict));
      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, start_text);
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, sem_conflict_get_explanation (conflict));
      add_strv (builder, "sessions", sem_conflict_get_sessions (conflict));
      add_strv (builder, "people", sem_conflict_get_people (conflict));
      add_strv (builder, "rooms", sem_conflict_get_rooms (conflict));
      add_strv (builder, "delegations", sem_conflict_get_delegations (conflict));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

static void
print_lines (GPtrArray *conflicts)
{
  guint errors = sem_conflict_count_errors (conflicts);
  guint accepted = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      SemConflict *conflict = g_ptr_array_index (conflicts, i);
      gboolean error = sem_conflict_get_severity (conflict) == SEM_CONFLICT_SEVERITY_ERROR;

      accepted += sem_conflict_get_accepted (conflict);
      /* The first two columns are fixed words that scripts may look for. */
      g_print ("%-8s %s  %s%s%s\n", error ? "error" : "warning", sem_conflict_get_id (conflict),
               sem_conflict_get_explanation (conflict),
               sem_conflict_get_accepted (conflict) ? " " : "",
               /* Translators: after a warning the user accepted */
               sem_conflict_get_accepted (conflict) ? _("(accepted)") : "");
    }

  if (conflicts->len == 0)
    {
      g_print ("%s\n", _("No conflicts."));
      return;
    }
  /* Translators: the totals line of “sofia-seminars check”; the next
   * sentence gives the warnings. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u error, ", "%u errors, ", errors), errors);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", conflicts->len - errors),
           conflicts->len - errors);
  if (accepted > 0)
    /* Translators: how many of the warnings were accepted */
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u accepted)", " (%u accepted)", accepted), accepted);
  g_print ("\n");
}

/**
 * sem_cli_check:
 *
 * `check PLAN.json [--event ID] [--travel-buffer MINUTES] [--json]`
 *
 * Returns: the exit status: 1 when an error-level conflict exists (or the
 *   plan cannot be read), 2 on a usage error, else 0
 */
int
sem_cli_check (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(SemConflictOptions) options = sem_conflict_options_new ();
  g_autofree char *event = NULL;
  int travel_buffer = SEM_CONFLICT_DEFAULT_TRAVEL_BUFFER / 60;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("Only the conflicts of this event's sessions"), N_("ID") },
    { "travel-buffer", 0, 0, G_OPTION_ARG_INT, &travel_buffer, N_("The least time between sessions in different venues (default 30)"), N_("MINUTES") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Print the scheduling conflicts of a plan. Exits with 1 when one of them is an error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sem_cli_fail_usage (context, error->message);
  if (argc != 3)
    return sem_cli_fail_usage (context, _("Name one plan file."));
  if (travel_buffer < 0 || travel_buffer > 24 * 60)
    return sem_cli_fail_usage (context, _("The travel buffer must be between 0 and 1440 minutes."));

  file = g_file_new_for_commandline_arg (argv[2]);
  plan = sem_plan_codec_load_file (file, 0, NULL, &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);
  if (event != NULL && sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no event “%s” in the plan."), event);

      return sem_cli_fail (message);
    }

  sem_conflict_options_set_travel_buffer (options, (gint64) travel_buffer * 60);
  conflicts = sem_conflict_check (plan, event, options);

  if (json)
    print_json (conflicts);
  else
    print_lines (conflicts);

  return sem_conflict_count_errors (conflicts) > 0 ? 1 : 0;
}

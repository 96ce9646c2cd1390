/* sem-cli-export.c — `sofia-seminars export`: a calendar file from a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-cli-export"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sem-cli-export.h"
#include "sem-cli-private.h"
#include "sem-ical-export.h"
#include "sem-plan-codec.h"

/* With no scope given, a plan of one event exports that event. */
static const char *
only_event (SemPlan *plan)
{
  GListModel *events = sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS);
  g_autoptr(SemEntity) event = NULL;

  if (g_list_model_get_n_items (events) != 1)
    return NULL;
  event = g_list_model_get_item (events, 0);
  return sem_entity_get_id (event);
}

/**
 * sem_cli_export:
 *
 * `export PLAN.json -o OUT.ics [--event ID | --programme ID]
 *  [--delegation ID | --person ID | --room ID] [--lang bg|en]`
 *
 * Returns: the exit status
 */
int
sem_cli_export (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *output = NULL;
  g_autofree char *event = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *delegation = NULL;
  g_autofree char *person = NULL;
  g_autofree char *room = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the calendar (- for the standard output)"), N_("FILE") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("The sessions of this event"), N_("ID") },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme, N_("The events and sessions of this programme"), N_("ID") },
    { "delegation", 0, 0, G_OPTION_ARG_STRING, &delegation, N_("The sessions open to this delegation"), N_("ID") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("The sessions this person attends or leads"), N_("ID") },
    { "room", 0, 0, G_OPTION_ARG_STRING, &room, N_("The sessions in this room"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The language of the titles: bg or en"), N_("LANG") },
    { NULL }
  };
  SemScope scope;
  const char *id;
  const char *within = NULL;
  gsize length;

  g_option_context_set_summary (context, _("Write an iCalendar file for an event, a programme, a delegation, a person or a room."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sem_cli_fail_usage (context, error->message);
  if (argc != 3)
    return sem_cli_fail_usage (context, _("Name one plan file."));
  if (output == NULL)
    return sem_cli_fail_usage (context, _("Say where to write the calendar with -o FILE."));
  if (lang != NULL && !g_str_equal (lang, "bg") && !g_str_equal (lang, "en"))
    return sem_cli_fail_usage (context, _("The language must be bg or en."));
  if ((delegation != NULL) + (person != NULL) + (room != NULL) + (programme != NULL) > 1)
    return sem_cli_fail_usage (context, _("Choose one of --programme, --delegation, --person and --room."));

  file = g_file_new_for_commandline_arg (argv[2]);
  plan = sem_plan_codec_load_file (file, 0, NULL, &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  if (delegation != NULL || person != NULL || room != NULL)
    {
      scope = delegation ? SEM_SCOPE_DELEGATION : person ? SEM_SCOPE_PERSON : SEM_SCOPE_ROOM;
      id = delegation ? delegation : person ? person : room;
      within = event;
    }
  else if (programme != NULL)
    {
      if (event != NULL)
        return sem_cli_fail_usage (context, _("Choose either --event or --programme."));
      scope = SEM_SCOPE_PROGRAMME;
      id = programme;
    }
  else
    {
      scope = SEM_SCOPE_EVENT;
      id = event != NULL ? event : only_event (plan);
      if (id == NULL)
        return sem_cli_fail_usage (context, _("Choose what to export: --event, --programme, --delegation, --person or --room."));
    }

  text = sem_ical_export (plan, scope, id, within, lang, SEM_ICAL_EXPORT_NONE, &length, &error);
  if (text == NULL)
    return sem_cli_fail (error->message);

  if (g_str_equal (output, "-"))
    {
      fwrite (text, 1, length, stdout);
      return 0;
    }
  if (!g_file_set_contents_full (output, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
    return sem_cli_fail (error->message);

  return 0;
}

/* sem-cli.c — the headless commands of sofia-seminars
 *
 * No display is needed: every command works on a plan file and exits
 * non-zero with a one-line reason on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sem-city.h"
#include "sem-cli.h"
#include "sem-cli-private.h"
#include "sem-cli-check.h"
#include "sem-cli-export.h"
#include "sem-cli-feed.h"
#include "sem-cli-import.h"
#include "sem-cli-publish.h"
#include "sem-delegation.h"
#include "sem-demo.h"
#include "sem-event.h"
#include "sem-feed.h"
#include "sem-person.h"
#include "sem-plan-codec.h"
#include "sem-room.h"
#include "sem-session.h"

typedef int (*CommandFunc) (int argc, char **argv);

static int run_demo     (int argc, char **argv);
static int run_validate (int argc, char **argv);
static int run_list     (int argc, char **argv);
static int run_help     (int argc, char **argv);
static int run_version  (int argc, char **argv);

static const struct {
  const char  *name;
  CommandFunc  func;
} commands[] = {
  { "demo", run_demo },
  { "validate", run_validate },
  { "list", run_list },
  { "export", sem_cli_export },
  { "import", sem_cli_import },
  { "check", sem_cli_check },
  { "publish", sem_cli_publish },
  { "serve", sem_cli_serve },
  { "feed-add", sem_cli_feed_add },
  { "sync", sem_cli_sync },
  { "help", run_help },
  { "--help", run_help },
  { "-h", run_help },
  { "--version", run_version },
};

/**
 * sem_cli_is_command:
 *
 * Returns: whether the arguments ask for a headless command rather than the
 *   window (which is what no arguments, or file names, ask for)
 */
gboolean
sem_cli_is_command (int    argc,
                    char **argv)
{
  if (argc < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return TRUE;
  return FALSE;
}

/**
 * sem_cli_fail:
 *
 * Prints "sofia-seminars: MESSAGE", the one line a failed command gives.
 *
 * Returns: 1, the exit status of a failure
 */
int
sem_cli_fail (const char *message)
{
  g_printerr ("sofia-seminars: %s\n", message);
  return 1;
}

/**
 * sem_cli_fail_usage:
 *
 * Prints the problem and the command's usage.
 *
 * Returns: 2, the exit status of a usage error
 */
int
sem_cli_fail_usage (GOptionContext *context,
                    const char     *message)
{
  g_autofree char *usage = g_option_context_get_help (context, TRUE, NULL);

  g_printerr ("sofia-seminars: %s\n\n%s", message, usage);
  return 2;
}

/**
 * sem_cli_user_language:
 *
 * Returns: "bg" when the user reads Bulgarian, else "en": the language of
 *   the plan's texts to print
 */
const char *
sem_cli_user_language (void)
{
  const char * const *names = g_get_language_names ();

  return g_str_has_prefix (names[0], "bg") ? "bg" : "en";
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv,
               int             *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = sem_cli_fail_usage (context, error->message);
      return FALSE;
    }
  return TRUE;
}

static SemPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return sem_plan_codec_load_file (file, 0, NULL, error);
}

static int
run_demo (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the plan"), N_("FILE") },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Write the bundled demo plan."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (output == NULL || argc != 2)
    return sem_cli_fail_usage (context, _("Say where to write the plan with -o FILE."));

  bytes = sem_demo_get_bytes ();
  if (!sem_plan_codec_write_file (output, g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &error))
    return sem_cli_fail (error->message);

  return 0;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  int status = 0;

  g_option_context_set_summary (context, _("Load a plan, check it and print what it holds."));
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sem_cli_fail_usage (context, _("Name one plan file."));

  plan = load_plan (argv[2], &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  /* Translators: one line per kind of entry, e.g. "sessions: 42" */
  g_print (_("programmes: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_PROGRAMMES)));
  g_print (_("cities: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_CITIES)));
  g_print (_("venues: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_VENUES)));
  g_print (_("rooms: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_ROOMS)));
  g_print (_("people: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_PEOPLE)));
  g_print (_("events: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS)));
  g_print (_("sessions: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS)));
  g_print (_("delegations: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_DELEGATIONS)));
  g_print (_("feeds: %u\n"), g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS)));
  g_print (_("%s is a valid plan.\n"), argv[2]);

  return 0;
}

/* Formats an instant in the timezone of its event, as people read it. */
static char *
format_local (gint64      instant,
              const char *tzid)
{
  g_autoptr(GTimeZone) tz = tzid ? g_time_zone_new_identifier (tzid) : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);
  g_autoptr(GDateTime) local = tz ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
describe (SemPlan   *plan,
          SemEntity *entity)
{
  const char *lang = sem_cli_user_language ();

  if (SEM_IS_EVENT (entity))
    {
      SemEvent *event = SEM_EVENT (entity);
      return g_strdup_printf ("%s – %s  %s", sem_event_get_start_date (event),
                              sem_event_get_end_date (event), sem_event_get_title (event, lang));
    }
  if (SEM_IS_SESSION (entity))
    {
      SemSession *session = SEM_SESSION (entity);
      SemEntity *event = sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, sem_session_get_event (session));
      const char *tzid = event ? sem_event_get_timezone (SEM_EVENT (event)) : NULL;
      g_autofree char *start = format_local (sem_session_get_start (session), tzid);
      g_autofree char *end = format_local (sem_session_get_end (session), tzid);

      return g_strdup_printf ("%s – %s  %s", start, end + 11, sem_session_get_title (session, lang));
    }
  if (SEM_IS_DELEGATION (entity))
    {
      SemDelegation *delegation = SEM_DELEGATION (entity);
      SemEntity *city = sem_plan_lookup (plan, SEM_COLLECTION_CITIES, sem_delegation_get_city (delegation));
      const char * const *members = sem_delegation_get_members (delegation);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u member, %s", "%s, %u members, %s",
                                           members ? g_strv_length ((char **) members) : 0),
                              city ? sem_city_get_name (SEM_CITY (city), lang) : "",
                              members ? g_strv_length ((char **) members) : 0,
                              sem_enum_to_label (SEM_TYPE_DELEGATION_STATUS,
                                                 sem_delegation_get_status (delegation)));
    }
  if (SEM_IS_PERSON (entity))
    {
      SemPerson *person = SEM_PERSON (entity);
      return g_strdup_printf ("%s, %s", sem_person_get_name (person),
                              sem_person_get_organisation (person) ? sem_person_get_organisation (person) : "");
    }
  if (SEM_IS_ROOM (entity))
    {
      SemRoom *room = SEM_ROOM (entity);
      int seats = sem_room_get_capacity (room);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%d seat)", "%s (%d seats)", seats),
                              sem_room_get_name (room, lang), seats);
    }
  if (SEM_IS_FEED (entity))
    {
      SemFeed *feed = SEM_FEED (entity);
      return g_strdup_printf ("%s  %s", sem_feed_get_name (feed), sem_feed_get_url (feed));
    }
  return g_strdup ("");
}

static int
run_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json events|sessions|delegations|people|rooms|feeds"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  gboolean as_json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print JSON, as stored in the plan"), NULL },
    { NULL }
  };
  static const char * const kinds[] = { "events", "sessions", "delegations", "people", "rooms", "feeds", NULL };
  SemCollection collection;
  GListModel *model;
  int status = 0;

  g_option_context_set_summary (context, _("List one kind of entry of a plan."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return sem_cli_fail_usage (context, _("Name one plan file and what to list."));
  if (!g_strv_contains (kinds, argv[3]))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot list “%s”: choose events, sessions, delegations, people, rooms or feeds."), argv[3]);
      return sem_cli_fail_usage (context, message);
    }

  plan = load_plan (argv[2], &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  collection = sem_collection_from_name (argv[3]);
  model = sem_plan_get_collection (plan, collection);

  if (as_json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *text = NULL;
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);
          json_array_add_element (array, sem_plan_codec_entity_to_json (entity));
        }
      json_node_take_array (root, array);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return 0;
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);
      g_autofree char *line = describe (plan, entity);

      g_print ("%-28s %s\n", sem_entity_get_id (entity), line);
    }

  return 0;
}

static int
run_help (int    argc,
          char **argv)
{
  g_print ("%s\n\n", _("Usage: sofia-seminars [FILE…] | COMMAND [OPTION…]"));
  g_print ("%s\n", _("With no command, or with plan files, the application opens."));
  g_print ("\n%s\n", _("Commands:"));
  g_print ("  demo -o PLAN.json                 %s\n", _("Write the bundled demo plan"));
  g_print ("  validate PLAN.json                %s\n", _("Load and check a plan, print counts"));
  g_print ("  list PLAN.json WHAT [--json]      %s\n", _("List events, sessions, delegations, people, rooms or feeds"));
  g_print ("  export PLAN.json -o OUT.ics …     %s\n", _("Write an iCalendar file (see export --help)"));
  g_print ("  import PLAN.json IN.ics …         %s\n", _("Merge an iCalendar file into a plan (see import --help)"));
  g_print ("  check PLAN.json [--event ID]      %s\n", _("Print the scheduling conflicts; exit 1 if one is an error"));
  g_print ("  feed-add PLAN.json URL …          %s\n", _("Subscribe to an iCalendar feed (see feed-add --help)"));
  g_print ("  sync PLAN.json                    %s\n", _("Refresh every feed; exit 1 if one failed"));
  g_print ("  publish PLAN.json --event ID URL  %s\n", _("Put an event’s sessions into a CalDAV calendar; exit 1 on an error or a conflict"));
  g_print ("  serve PLAN.json [--port N]        %s\n", _("Serve each delegation’s and person’s calendar over HTTP"));
  g_print ("  --version                         %s\n", _("Print the version"));
  return 0;
}

static int
run_version (int    argc,
             char **argv)
{
  g_print ("sofia-seminars %s\n", PACKAGE_VERSION);
  return 0;
}

/**
 * sem_cli_run:
 *
 * Returns: the exit status: 0 on success, 1 on failure, 2 on a usage error
 */
int
sem_cli_run (int    argc,
             char **argv)
{
  g_return_val_if_fail (sem_cli_is_command (argc, argv), 2);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        g_autofree char *name = g_strdup_printf ("sofia-seminars %s", argv[1]);

        /* So that usage reads "sofia-seminars export [OPTION…] PLAN.json". */
        g_set_prgname (name);
        return commands[i].func (argc, argv);
      }

  g_assert_not_reached ();
}

/* sem-cli-feed.c — `sofia-seminars feed-add` and `sofia-seminars sync`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-cli-feed.h"
#include "sem-cli-private.h"
#include "sem-feed-sync.h"
#include "sem-plan-codec.h"

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

static gboolean
save_plan (SemPlan     *plan,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *local = g_file_get_path (file);
  g_autofree char *data = NULL;
  gsize length = 0;

  data = sem_plan_codec_to_data (plan, &length);
  return sem_plan_codec_write_file (local ? local : path, data, length, error);
}

static SemPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return sem_plan_codec_load_file (file, 0, NULL, error);
}

int
sem_cli_feed_add (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json URL"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(SemFeed) feed = NULL;
  g_autofree char *name = NULL;
  g_autofree char *person = NULL;
  g_autofree char *delegation = NULL;
  g_autofree char *colour = NULL;
  g_autofree char *user = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *id = NULL;
  gboolean token = FALSE;
  int interval = SEM_FEED_SYNC_DEFAULT_INTERVAL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The feed’s name (default: the server’s name)"), N_("NAME") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, N_("Whose busy time the feed is: a person"), N_("ID") },
    { "delegation", 0, 0, G_OPTION_ARG_STRING, &delegation, N_("Whose busy time the feed is: a delegation"), N_("ID") },
    { "interval", 0, 0, G_OPTION_ARG_INT, &interval, N_("Minutes between refreshes (default: 60)"), N_("MINUTES") },
    { "colour", 0, 0, G_OPTION_ARG_STRING, &colour, N_("A colour such as #3584e4"), N_("COLOUR") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("The user name the server asks for (the password is read from SEMINARS_PASSWORD at sync)"), N_("NAME") },
    { "token-from-env", 0, 0, G_OPTION_ARG_NONE, &token, N_("The server asks for an access token, read from SEMINARS_TOKEN at sync (never kept in the plan)"), NULL },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context, _("Subscribe a plan to an iCalendar feed (http, https, webcal, webcals)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 4)
    return sem_cli_fail_usage (context, _("Name one plan file and one feed address."));
  if (person != NULL && delegation != NULL)
    return sem_cli_fail_usage (context, _("Give --person or --delegation, not both."));
  if (token && user != NULL)
    return sem_cli_fail_usage (context, _("Give --user or --token-from-env, not both."));
  if (interval < 1 || interval > 24 * 60)
    return sem_cli_fail_usage (context, _("The interval must be 1 to 1440 minutes."));

  resolved = sem_feed_sync_resolve_url (argv[3], &error);
  if (resolved == NULL)
    return sem_cli_fail (error->message);

  plan = load_plan (argv[2], &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  if (person != NULL && sem_plan_lookup (plan, SEM_COLLECTION_PEOPLE, person) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The plan has no person “%s”"), person);
      return sem_cli_fail (message);
    }
  if (delegation != NULL && sem_plan_lookup (plan, SEM_COLLECTION_DELEGATIONS, delegation) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The plan has no delegation “%s”"), delegation);
      return sem_cli_fail (message);
    }

  if (name == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (resolved, G_URI_FLAGS_ENCODED, NULL);
      name = g_strdup (uri ? g_uri_get_host (uri) : argv[3]);
    }

  id = sem_plan_new_id (plan, SEM_COLLECTION_FEEDS, "feed");
  feed = sem_feed_new (id);
  g_object_set (feed,
                "name", name,
                "url", argv[3],
                "refresh-interval", interval,
                "enabled", TRUE,
                NULL);
  if (colour != NULL)
    g_object_set (feed, "colour", colour, NULL);
  if (user != NULL && *user != '\0')
    g_object_set (feed, "user", user, NULL);
  if (token)
    g_object_set (feed, "auth", SEM_FEED_AUTH_TOKEN, NULL);
  if (person != NULL)
    {
      const char * const people[] = { person, NULL };
      g_object_set (feed, "people", people, NULL);
    }
  if (delegation != NULL)
    {
      const char * const delegations[] = { delegation, NULL };
      g_object_set (feed, "delegations", delegations, NULL);
    }
  sem_plan_add (plan, SEM_ENTITY (feed));

  if (!save_plan (plan, argv[2], &error))
    return sem_cli_fail (error->message);

  g_print ("%s\n", id);
  return 0;
}

typedef struct
{
  GMainLoop *loop;
  GPtrArray *results;
  GError    *error;
} SyncWait;

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->results = sem_feed_sync_all_finish (SEM_FEED_SYNC (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* The password or token comes from the environment, never from the plan or
 * the command line (where other users could see it), and is never printed. */
static gboolean
environment_credentials_cb (SemFeed   *feed,
                            char     **user,
                            char     **password,
                            gpointer   data)
{
  const char *name = sem_feed_get_user (feed);
  const char *secret = g_getenv ("SEMINARS_PASSWORD");

  if (sem_feed_get_effective_auth (feed) == SEM_FEED_AUTH_TOKEN)
    {
      const char *token = g_getenv ("SEMINARS_TOKEN");

      if (token == NULL || *token == '\0')
        return FALSE;
      *password = g_strdup (token);
      return TRUE;
    }

  if (name == NULL || *name == '\0')
    name = g_getenv ("SEMINARS_USER");
  if (name == NULL || *name == '\0' || secret == NULL)
    return FALSE;

  *user = g_strdup (name);
  *password = g_strdup (secret);
  return TRUE;
}

int
sem_cli_sync (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(SemFeedSync) sync = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *description = NULL;
  SyncWait wait = { 0 };
  gboolean failed = FALSE;
  int status = 0;

  g_option_context_set_summary (context, _("Refresh every enabled feed of a plan and print what each did."));
  description = g_strdup_printf ("%s %s",
                                 _("A feed behind a user name and password takes the password "
                                   "from SEMINARS_PASSWORD and the user name from the feed, "
                                   "else from SEMINARS_USER."),
                                 _("A feed behind an access token takes it from SEMINARS_TOKEN."));
  g_option_context_set_description (context, description);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return sem_cli_fail_usage (context, _("Name one plan file."));

  plan = load_plan (argv[2], &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  sync = sem_feed_sync_new ();
  sem_feed_sync_set_credentials_func (sync, environment_credentials_cb, NULL, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  sem_feed_sync_all_async (sync, plan, NULL, sync_done_cb, &wait);
  g_main_loop_run (loop);

  if (wait.results == NULL)
    {
      g_autoptr(GError) sync_error = wait.error;
      return sem_cli_fail (sync_error->message);
    }

  for (guint i = 0; i < wait.results->len; i++)
    {
      SemFeedSyncResult *result = g_ptr_array_index (wait.results, i);
      SemEntity *feed;
      const char *name;

      if (result == NULL)
        continue;
      feed = sem_plan_lookup (plan, SEM_COLLECTION_FEEDS, result->feed_id);
      name = feed ? sem_feed_get_name (SEM_FEED (feed)) : result->feed_id;
      switch (result->status)
        {
        case SEM_FEED_SYNC_UNCHANGED:
          g_print ("%s  %s\n", C_("feed sync", "unchanged"), name);
          break;
        case SEM_FEED_SYNC_UPDATED:
          g_print ("%s  %s  +%u ~%u -%u\n", C_("feed sync", "updated"), name,
                   result->added, result->changed, result->removed);
          break;
        case SEM_FEED_SYNC_FAILED:
        default:
          g_print ("%s  %s  %s\n", C_("feed sync", "error"), name,
                   result->error ? result->error->message : "");
          failed = TRUE;
          break;
        }
    }
  g_ptr_array_unref (wait.results);

  if (sem_history_get_can_undo (sem_plan_get_history (plan)) && !save_plan (plan, argv[2], &error))
    return sem_cli_fail (error->message);

  return failed ? 1 : 0;
}

/* sem-cli-publish.c — `sofia-seminars publish` (CalDAV) and `sofia-seminars serve` (live feed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-cli-publish"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "sem-caldav.h"
#include "sem-cli-private.h"
#include "sem-cli-publish.h"
#include "sem-live-feed.h"
#include "sem-plan-codec.h"

static void
forget_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

/**
 * sem_cli_publish:
 *
 * `publish PLAN.json --event ID URL [--lang bg|en]`: the user name and
 * password come from the URL's user-info or from SEMINARS_USER and
 * SEMINARS_PASSWORD, and are never printed.
 *
 * Returns: the exit status: 1 when anything failed or was in conflict
 */
int
sem_cli_publish (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json URL"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) state = NULL;
  g_autoptr(SemCaldavReport) report = NULL;
  g_autofree char *event = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *state_path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *totals = NULL;
  char *password = NULL;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_("The event whose sessions to publish"), N_("ID") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("The language of the titles: bg or en"), N_("LANG") },
    { "state", 0, 0, G_OPTION_ARG_FILENAME, &state_path, N_("Where to remember what was published (a default per URL otherwise)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Put an event’s sessions into a CalDAV calendar, one resource per session. "
                                           "The user name and password come from the URL (https://user:password@host/…) "
                                           "or from SEMINARS_USER and SEMINARS_PASSWORD."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sem_cli_fail_usage (context, error->message);
  if (argc != 4)
    return sem_cli_fail_usage (context, _("Name one plan file and one calendar URL."));
  if (event == NULL)
    return sem_cli_fail_usage (context, _("Choose the event to publish with --event ID."));
  if (lang != NULL && !g_str_equal (lang, "bg") && !g_str_equal (lang, "en"))
    return sem_cli_fail_usage (context, _("The language must be bg or en."));

  url = sem_caldav_split_user_info (argv[3], &user, &password, &error);
  if (url == NULL)
    return sem_cli_fail (error->message);
  if (user == NULL && g_getenv ("SEMINARS_USER") != NULL)
    {
      user = g_strdup (g_getenv ("SEMINARS_USER"));
      forget_secret (&password);
      password = g_strdup (g_getenv ("SEMINARS_PASSWORD"));
    }
  else if (password == NULL && g_getenv ("SEMINARS_PASSWORD") != NULL)
    password = g_strdup (g_getenv ("SEMINARS_PASSWORD"));

  file = g_file_new_for_commandline_arg (argv[2]);
  plan = sem_plan_codec_load_file (file, 0, NULL, &error);
  if (plan == NULL)
    {
      forget_secret (&password);
      return sem_cli_fail (error->message);
    }

  if (state_path != NULL)
    state = g_file_new_for_commandline_arg (state_path);
  report = sem_caldav_publish (plan, event, lang, url, user, password, state, NULL, &error);
  forget_secret (&password);
  if (report == NULL)
    return sem_cli_fail (error->message);

  for (guint i = 0; i < report->lines->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (report->lines, i));
  totals = sem_caldav_report_totals (report);
  g_print ("%s\n", totals);

  return sem_caldav_report_is_clean (report) ? 0 : 1;
}

typedef struct
{
  SemLiveFeed *feed;
  GFile       *file;
  guint        reload_id;
} Serve;

/* The plan file was saved again: serve what it holds now, or keep the last
 * good plan when it does not load. */
static gboolean
reload_cb (gpointer user_data)
{
  Serve *serve = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;

  serve->reload_id = 0;
  plan = sem_plan_codec_load_file (serve->file, 0, NULL, &error);
  if (plan == NULL)
    {
      g_printerr (_("sofia-seminars: the plan could not be read again, still serving the last one: %s\n"),
                  error->message);
      return G_SOURCE_REMOVE;
    }
  sem_live_feed_set_plan (serve->feed, plan);
  g_print ("%s\n", _("The plan changed: serving it as it is now."));
  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 gpointer           user_data)
{
  Serve *serve = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
      /* Saves come in bursts (write, rename, .bak): read once they settle. */
      g_clear_handle_id (&serve->reload_id, g_source_remove);
      serve->reload_id = g_timeout_add (300, reload_cb, serve);
      break;
    default:
      break;
    }
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static void
print_urls (SemLiveFeed      *feed,
            SemPlan          *plan,
            SemCollection     collection,
            const char       *kind)
{
  GListModel *items = sem_plan_get_collection (plan, collection);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (items, i);
      g_autofree char *url = sem_live_feed_dup_url (feed, kind, sem_entity_get_id (entity));

      g_print ("%s %s %s\n", kind, sem_entity_get_id (entity), url);
    }
}

/**
 * sem_cli_serve:
 *
 * `serve PLAN.json [--port N] [--token T] [--all-interfaces]`: serves each
 * delegation's and person's calendar until interrupted, reading the plan
 * again whenever its file changes.
 *
 * Returns: the exit status
 */
int
sem_cli_serve (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN.json"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SemLiveFeed) feed = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GFileMonitor) monitor = NULL;
  g_autofree char *token = NULL;
  Serve serve = { 0 };
  gboolean all_interfaces = FALSE;
  int port = 0;
  guint sigint, sigterm;
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("The TCP port (any free one otherwise)"), N_("N") },
    { "token", 0, 0, G_OPTION_ARG_STRING, &token, N_("The secret part of the URLs (a new random one otherwise)"), N_("TOKEN") },
    { "all-interfaces", 0, 0, G_OPTION_ARG_NONE, &all_interfaces, N_("Listen on the local network too, not only on this computer"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("Serve each delegation’s and person’s calendar over HTTP until interrupted."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return sem_cli_fail_usage (context, error->message);
  if (argc != 3)
    return sem_cli_fail_usage (context, _("Name one plan file."));
  if (port < 0 || port > G_MAXUINT16)
    return sem_cli_fail_usage (context, _("The port must be between 0 and 65535."));
  if (token != NULL && (strlen (token) < 16 || strspn (token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") != strlen (token)))
    return sem_cli_fail_usage (context, _("The token must be at least 16 characters long, made only of letters, digits, - and _."));

  file = g_file_new_for_commandline_arg (argv[2]);
  plan = sem_plan_codec_load_file (file, 0, NULL, &error);
  if (plan == NULL)
    return sem_cli_fail (error->message);

  feed = sem_live_feed_new (plan, token);
  if (!sem_live_feed_listen (feed, (guint) port, all_interfaces, &error))
    return sem_cli_fail (error->message);

  print_urls (feed, plan, SEM_COLLECTION_DELEGATIONS, "delegation");
  print_urls (feed, plan, SEM_COLLECTION_PEOPLE, "person");
  g_print ("%s\n", _("Serving until interrupted (Ctrl+C)."));

  serve.feed = feed;
  serve.file = file;
  monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (monitor != NULL)
    g_signal_connect (monitor, "changed", G_CALLBACK (plan_changed_cb), &serve);

  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_clear_handle_id (&serve.reload_id, g_source_remove);
  if (monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (monitor, plan_changed_cb, &serve);
      g_file_monitor_cancel (monitor);
    }
  sem_live_feed_disconnect (feed);

  return 0;
}

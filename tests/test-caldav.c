/* test-caldav.c — publishing to a real Radicale on 127.0.0.1
 *
 * One Radicale for the whole program, with htpasswd authentication; each
 * test publishes into a calendar of its own with a state file of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-caldav"

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "sem-caldav.h"
#include "sem-demo.h"
#include "sem-ical.h"
#include "sem-ical-export.h"
#include "sem-session.h"
#include "sem-test-util.h"

#define EVENT "dcc-brussels-2018"
#define USER "user"
#define PASSWORD "s3cret pass"

static GSubprocess *radicale;
static char *server_dir;
static guint server_port;

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (socket);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
server_answers (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection =
    g_socket_client_connect_to_host (client, "127.0.0.1", server_port, NULL, NULL);

  return connection != NULL;
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
start_radicale (void)
{
  g_autofree char *program = g_find_program_in_path ("radicale");
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *users_path = NULL;
  g_autofree char *storage = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;

  if (program == NULL)
    return FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* Not left behind when a failed assertion ends the test. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);

  server_dir = g_dir_make_tmp ("test-caldav-XXXXXX", &error);
  g_assert_no_error (error);
  users_path = g_build_filename (server_dir, "users", NULL);
  storage = g_build_filename (server_dir, "collections", NULL);
  config_path = g_build_filename (server_dir, "config", NULL);
  sem_test_write_file (users_path, USER ":" PASSWORD "\n", -1);

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      server_port = free_port ();
      config = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n"
                                "[auth]\ntype = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\n"
                                "[storage]\nfilesystem_folder = %s\n"
                                "[rights]\ntype = owner_only\n"
                                "[logging]\nlevel = error\n",
                                server_port, users_path, storage);
      sem_test_write_file (config_path, config, -1);
      g_clear_pointer (&config, g_free);

      radicale = g_subprocess_launcher_spawn (launcher, &error, program, "--config", config_path, NULL);
      g_assert_no_error (error);

      for (guint i = 0; i < 200 && !server_answers (); i++)
        {
          if (g_subprocess_get_identifier (radicale) == NULL)
            break;   /* it exited */
          g_usleep (50 * 1000);
        }
      if (server_answers ())
        return TRUE;

      /* The port was taken meanwhile: another one. */
      g_subprocess_force_exit (radicale);
      g_subprocess_wait (radicale, NULL, NULL);
      g_clear_object (&radicale);
    }
  g_error ("Radicale did not start");
}

static void
stop_radicale (void)
{
  if (radicale == NULL)
    return;
  g_subprocess_force_exit (radicale);
  g_subprocess_wait (radicale, NULL, NULL);
  g_clear_object (&radicale);
  sem_test_remove_tree (server_dir);
  g_clear_pointer (&server_dir, g_free);
}

typedef struct
{
  SemPlan *plan;
  char    *url;
  char    *state_dir;
  GFile   *state;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (g_test_get_path ());
  g_autofree char *state_path = NULL;

  if (radicale == NULL)
    return;
  fixture->plan = sem_demo_load (&error);
  g_assert_no_error (error);
  fixture->url = g_strdup_printf ("http://127.0.0.1:%u/" USER "/%s/", server_port, name);
  fixture->state_dir = g_dir_make_tmp ("test-caldav-state-XXXXXX", &error);
  g_assert_no_error (error);
  state_path = g_build_filename (fixture->state_dir, "state.ini", NULL);
  fixture->state = g_file_new_for_path (state_path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->state);
  g_clear_pointer (&fixture->url, g_free);
  if (fixture->state_dir != NULL)
    sem_test_remove_tree (fixture->state_dir);
  g_clear_pointer (&fixture->state_dir, g_free);
}

static gboolean
need_radicale (void)
{
  if (radicale != NULL)
    return TRUE;
  g_test_skip ("radicale is not installed (build-aux/setup installs it)");
  return FALSE;
}

static SemCaldavReport *
publish (Fixture    *fixture,
         const char *password,
         GFile      *state,
         GError    **error)
{
  return sem_caldav_publish (fixture->plan, EVENT, "en", fixture->url, USER, password,
                             state != NULL ? state : fixture->state, NULL, error);
}

static SemCaldavReport *
publish_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SemCaldavReport *report = publish (fixture, PASSWORD, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A request of our own beside the publisher's. */
static char *
request (const char *method,
         const char *url,
         const char *body,
         const char *depth,
         guint      *status)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autofree char *encoded = g_base64_encode ((const guchar *) USER ":" PASSWORD, strlen (USER ":" PASSWORD));
  g_autofree char *authorization = g_strconcat ("Basic ", encoded, NULL);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  if (depth != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", depth);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "text/calendar; charset=utf-8", bytes);
    }
  answer = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  return g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

/* How many resources the collection holds, as the server lists them. */
static guint
count_resources (Fixture *fixture)
{
  g_autofree char *listing = NULL;
  guint status, count = 0;

  listing = request ("PROPFIND", fixture->url, NULL, "1", &status);
  g_assert_cmpuint (status, ==, 207);
  for (const char *p = strstr (listing, ".ics</"); p != NULL; p = strstr (p + 1, ".ics</"))
    count++;
  return count;
}

static char *
resource_url (Fixture    *fixture,
              const char *session_id)
{
  g_autofree char *uid = sem_ical_session_uid (fixture->plan, session_id);

  return g_strconcat (fixture->url, uid, ".ics", NULL);
}

static guint
n_sessions (Fixture *fixture)
{
  g_autoptr(GPtrArray) resources = sem_ical_export_resources (fixture->plan, SEM_SCOPE_EVENT, EVENT,
                                                              NULL, "en", NULL);

  g_assert_nonnull (resources);
  return resources->len;
}

static void
assert_counts (SemCaldavReport *report,
               guint            created,
               guint            updated,
               guint            unchanged,
               guint            deleted,
               guint            conflicts)
{
  g_assert_cmpuint (report->counts[SEM_CALDAV_CREATED], ==, created);
  g_assert_cmpuint (report->counts[SEM_CALDAV_UPDATED], ==, updated);
  g_assert_cmpuint (report->counts[SEM_CALDAV_UNCHANGED], ==, unchanged);
  g_assert_cmpuint (report->counts[SEM_CALDAV_DELETED], ==, deleted);
  g_assert_cmpuint (report->counts[SEM_CALDAV_CONFLICT], ==, conflicts);
  g_assert_cmpuint (report->counts[SEM_CALDAV_FAILED], ==, 0);
}

/* Each resource: one VEVENT with its VTIMEZONE, no METHOD, as libical reads it. */
static void
test_resources (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  resources = sem_ical_export_resources (plan, SEM_SCOPE_EVENT, EVENT, NULL, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resources->len, >, 5);

  for (guint i = 0; i < resources->len; i++)
    {
      SemIcalResource *resource = g_ptr_array_index (resources, i);
      icalcomponent *calendar, *event;
      icalproperty *dtstart;
      icalparameter *tzid;

      g_assert_cmpuint (strlen (resource->text), ==, resource->length);
      g_assert_null (strstr (resource->text, "METHOD"));
      g_assert_null (strstr (resource->text, "X-WR-CALNAME"));
      g_assert_true (g_hash_table_add (uids, resource->uid));

      sem_ical_lock ();
      calendar = icalparser_parse_string (resource->text);
      g_assert_nonnull (calendar);
      g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);
      event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, resource->uid);
      dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
      g_assert_nonnull (icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid)));
      icalcomponent_free (calendar);
      sem_ical_unlock ();
    }

  g_assert_null (sem_ical_export_resources (plan, SEM_SCOPE_EVENT, "no-such-event", NULL, "en", &error));
  g_assert_error (error, SEM_ICAL_ERROR, SEM_ICAL_ERROR_NOT_FOUND);
}

static void
test_user_info (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  g_autofree char *url = sem_caldav_split_user_info ("https://anna:p%40ss@dav.example.org:8443/cal/seminar",
                                                     &user, &password, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "https://dav.example.org:8443/cal/seminar/");
  g_assert_cmpstr (user, ==, "anna");
  g_assert_cmpstr (password, ==, "p@ss");

  g_assert_null (sem_caldav_split_user_info ("ftp://anna:secret@example.org/", NULL, NULL, &error));
  g_assert_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_URL);
  g_assert_null (strstr (error->message, "secret"));
}

/* First all created, then nothing to do; another desktop updates, never duplicates. */
static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SemCaldavReport) first = NULL;
  g_autoptr(SemCaldavReport) again = NULL;
  g_autoptr(SemCaldavReport) elsewhere = NULL;
  g_autoptr(GFile) other_state = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!need_radicale ())
    return;
  n = n_sessions (fixture);

  first = publish_ok (fixture);
  assert_counts (first, n, 0, 0, 0, 0);
  g_assert_cmpuint (first->lines->len, ==, n);
  g_assert_true (sem_caldav_report_is_clean (first));
  g_assert_cmpuint (count_resources (fixture), ==, n);

  again = publish_ok (fixture);
  assert_counts (again, 0, 0, n, 0, 0);
  g_assert_cmpuint (count_resources (fixture), ==, n);

  /* A desktop that never published here: If-Match with the server's ETags. */
  other_path = g_build_filename (fixture->state_dir, "other.ini", NULL);
  other_state = g_file_new_for_path (other_path);
  elsewhere = publish (fixture, PASSWORD, other_state, &error);
  g_assert_no_error (error);
  assert_counts (elsewhere, 0, n, 0, 0, 0);
  g_assert_cmpuint (count_resources (fixture), ==, n);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SemCaldavReport) first = NULL;
  g_autoptr(SemCaldavReport) second = NULL;
  g_autofree char *url = resource_url (fixture, "dcc-brussels-2018-espoo");
  g_autofree char *body = NULL;
  SemEntity *session = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-espoo");
  guint n, status;

  if (!need_radicale ())
    return;
  n = n_sessions (fixture);
  g_assert_nonnull (session);

  first = publish_ok (fixture);
  assert_counts (first, n, 0, 0, 0, 0);

  sem_plan_set (fixture->plan, session, "title-en", "Espoo: the city as a service platform", NULL);
  second = publish_ok (fixture);
  assert_counts (second, 0, 1, n - 1, 0, 0);
  g_assert_true (sem_caldav_report_is_clean (second));

  body = request ("GET", url, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (body, "SUMMARY:Espoo: the city as a service platform"));
  g_assert_cmpuint (count_resources (fixture), ==, n);
}

/* Someone changed a resource on the server: our PUT with the old ETag is
 * refused, and their version stays. */
static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SemCaldavReport) first = NULL;
  g_autoptr(SemCaldavReport) second = NULL;
  g_autofree char *url = resource_url (fixture, "dcc-brussels-2018-amsterdam");
  g_autofree char *theirs = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ours = NULL;
  g_autoptr(GString) changed = NULL;
  SemEntity *session = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-amsterdam");
  const char *summary;
  guint n, status;

  if (!need_radicale ())
    return;
  n = n_sessions (fixture);

  first = publish_ok (fixture);
  assert_counts (first, n, 0, 0, 0, 0);

  /* Behind our back. */
  theirs = request ("GET", url, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  summary = strstr (theirs, "SUMMARY:");
  g_assert_nonnull (summary);
  changed = g_string_new_len (theirs, summary - theirs);
  g_string_append (changed, "SUMMARY:Changed by a colleague\r\n");
  g_string_append (changed, strstr (summary, "\r\n") + 2);
  answer = request ("PUT", url, changed->str, NULL, &status);
  g_assert_true (status == 201 || status == 204);

  sem_plan_set (fixture->plan, session, "title-en", "Our new title", NULL);
  second = publish_ok (fixture);
  assert_counts (second, 0, 0, n - 1, 0, 1);
  g_assert_false (sem_caldav_report_is_clean (second));
  ours = sem_ical_session_uid (fixture->plan, "dcc-brussels-2018-amsterdam");
  g_assert_cmpuint (second->lines->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (second->lines, 0), ours));
  g_assert_nonnull (strstr (g_ptr_array_index (second->lines, 0), "someone else"));

  after = request ("GET", url, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (strstr (after, "SUMMARY:Changed by a colleague"));
  g_assert_null (strstr (after, "Our new title"));
}

/* Cancelled and deleted sessions: updated, then deleted; then gone for good. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SemCaldavReport) first = NULL;
  g_autoptr(SemCaldavReport) second = NULL;
  g_autoptr(SemCaldavReport) third = NULL;
  g_autofree char *cancelled_url = resource_url (fixture, "dcc-brussels-2018-business");
  g_autofree char *deleted_url = resource_url (fixture, "dcc-brussels-2018-reception");
  g_autofree char *body = NULL;
  SemEntity *cancelled = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-business");
  SemEntity *deleted = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-reception");
  guint n, status;

  if (!need_radicale ())
    return;
  n = n_sessions (fixture);
  g_assert_nonnull (cancelled);
  g_assert_nonnull (deleted);

  first = publish_ok (fixture);
  assert_counts (first, n, 0, 0, 0, 0);

  sem_plan_set (fixture->plan, cancelled, "status", SEM_STATUS_CANCELLED, NULL);
  sem_plan_remove (fixture->plan, deleted);
  g_assert_cmpuint (n_sessions (fixture), ==, n);   /* the deleted one still announced */

  second = publish_ok (fixture);
  assert_counts (second, 0, 0, n - 2, 2, 0);
  g_assert_true (sem_caldav_report_is_clean (second));
  g_assert_cmpuint (count_resources (fixture), ==, n - 2);
  body = request ("GET", cancelled_url, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 404);
  g_clear_pointer (&body, g_free);
  body = request ("GET", deleted_url, NULL, NULL, &status);
  g_assert_cmpuint (status, ==, 404);

  third = publish_ok (fixture);
  assert_counts (third, 0, 0, n - 2, 0, 0);
}

static void
test_wrong_password (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SemCaldavReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (!need_radicale ())
    return;

  report = publish (fixture, "not the password", NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (strstr (error->message, "not the password"));
  g_clear_error (&error);

  report = publish (fixture, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_AUTH);
}

typedef struct
{
  char     *out;
  char     *err;
  gboolean  done;
} ToolRun;

static void
tool_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ToolRun *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->done = TRUE;
}

static gboolean
tool_timeout_cb (gpointer user_data)
{
  g_subprocess_force_exit (user_data);
  return G_SOURCE_REMOVE;
}

/* Runs a tool with stdin closed (as in CI: a prompt must not hang it), for
 * at most 20 seconds; its stderr goes to the test log. Returns stdout. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  ToolRun run = { NULL, NULL, FALSE };
  guint timeout_id;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  /* No input: stdin is closed at once. */
  g_subprocess_communicate_utf8_async (process, NULL, NULL, tool_done_cb, &run);
  timeout_id = g_timeout_add_seconds (20, tool_timeout_cb, process);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout_id);
  g_test_message ("%s: %s%s", argv[0], run.out, run.err);
  g_free (run.err);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  return run.out;
}

/* `khal list` of every event in @vdir, one "UID<tab>title" line each. */
static char *
khal_list (Fixture    *fixture,
           const char *program,
           const char *vdir)
{
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;

  config = g_strdup_printf ("[calendars]\n[[seminar]]\npath = %s\ntype = calendar\n"
                            "[sqlite]\npath = %s/khal.db\n"
                            "[locale]\nlocal_timezone = UTC\ndefault_timezone = UTC\n"
                            "timeformat = %%H:%%M\ndateformat = %%Y-%%m-%%d\n"
                            "longdateformat = %%Y-%%m-%%d\ndatetimeformat = %%Y-%%m-%%dT%%H:%%M\n"
                            "longdatetimeformat = %%Y-%%m-%%dT%%H:%%M\n"
                            "[default]\ndefault_calendar = seminar\n",
                            vdir, fixture->state_dir);
  config_path = g_build_filename (fixture->state_dir, "khal.conf", NULL);
  sem_test_write_file (config_path, config, -1);

  return run_tool ((const char * const[]) { program, "-c", config_path, "list", "--once",
                                            "--day-format", "", "--format", "{uid}\t{title}",
                                            "1900-01-01", "2200-01-01", NULL });
}

/* What the server holds, read back by khal: every resource it lists, put
 * in a vdir as it is, shows the sessions with their titles. */
static void
test_khal (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SemCaldavReport) report = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path ("khal");
  g_autofree char *listing = NULL;
  g_autofree char *vdir = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint status, n_files = 0, n_listed = 0;

  if (!need_radicale ())
    return;
  /* build-aux/setup installs khal: its absence is a failure. */
  g_assert_nonnull (program);

  report = publish_ok (fixture);
  resources = sem_ical_export_resources (fixture->plan, SEM_SCOPE_EVENT, EVENT, NULL, "en", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < resources->len; i++)
    {
      SemIcalResource *resource = g_ptr_array_index (resources, i);
      g_autofree char *uid = g_strdup (resource->uid);
      SemEntity *session = NULL;
      char *at = strchr (uid, '@');

      *at = '\0';
      session = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, uid);
      g_assert_nonnull (session);
      g_hash_table_insert (expected, g_strdup (resource->uid),
                           g_strdup (sem_session_get_title (SEM_SESSION (session), "en")));
    }

  vdir = g_build_filename (fixture->state_dir, "calendar", NULL);
  g_assert_cmpint (g_mkdir (vdir, 0700), ==, 0);
  listing = request ("PROPFIND", fixture->url, NULL, "1", &status);
  g_assert_cmpuint (status, ==, 207);
  for (const char *p = strstr (listing, "href>"); p != NULL; p = strstr (p + 1, "href>"))
    {
      const char *end = strchr (p, '<');
      g_autofree char *href = g_strndup (p + strlen ("href>"), end - p - strlen ("href>"));
      g_autofree char *url = NULL;
      g_autofree char *body = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (href, ".ics"))
        continue;
      url = g_strdup_printf ("http://127.0.0.1:%u%s", server_port, href);
      body = request ("GET", url, NULL, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      name = g_path_get_basename (href);
      path = g_build_filename (vdir, name, NULL);
      sem_test_write_file (path, body, -1);
      n_files++;
      p = end;
    }
  g_assert_cmpuint (n_files, ==, resources->len);

  out = khal_list (fixture, program, vdir);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (*lines[i] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpstr (g_hash_table_lookup (expected, fields[0]), ==, fields[1]);
      g_assert_true (g_hash_table_remove (expected, fields[0]));
      n_listed++;
    }
  g_assert_cmpuint (n_listed, ==, resources->len);
  g_assert_cmpuint (g_hash_table_size (expected), ==, 0);
}

/* The issue's "done when": the Brussels seminar published to Radicale and
 * synced by vdirsyncer into a vdir holds the plan's sessions — the same
 * UIDs, titles and start times — and khal lists them from there. */
static void
test_vdirsyncer (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SemCaldavReport) report = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *program = g_find_program_in_path ("vdirsyncer");
  g_autofree char *khal = g_find_program_in_path ("khal");
  g_autofree char *vdir = NULL;
  g_autofree char *status_dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *listing = NULL;
  g_auto(GStrv) lines = NULL;
  const char *name;
  guint n_files = 0, n_listed = 0;

  if (!need_radicale ())
    return;
  /* build-aux/setup installs vdirsyncer: its absence is a failure. */
  g_assert_nonnull (program);

  report = publish_ok (fixture);
  resources = sem_ical_export_resources (fixture->plan, SEM_SCOPE_EVENT, EVENT, NULL, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resources->len, >, 0);
  for (guint i = 0; i < resources->len; i++)
    {
      SemIcalResource *resource = g_ptr_array_index (resources, i);
      g_autofree char *id = g_strndup (resource->uid, strcspn (resource->uid, "@"));
      SemEntity *session = sem_plan_lookup (fixture->plan, SEM_COLLECTION_SESSIONS, id);

      g_assert_nonnull (session);
      g_hash_table_insert (expected, g_strdup (resource->uid), session);
    }

  vdir = g_build_filename (fixture->state_dir, "vdir", NULL);
  status_dir = g_build_filename (fixture->state_dir, "status", NULL);
  g_assert_cmpint (g_mkdir (vdir, 0700), ==, 0);
  config = g_strdup_printf ("[general]\nstatus_path = \"%s/\"\n\n"
                            "[pair seminar]\na = \"seminar_remote\"\nb = \"seminar_local\"\n"
                            "collections = null\n\n"
                            "[storage seminar_remote]\ntype = \"caldav\"\nurl = \"%s\"\n"
                            "username = \"" USER "\"\npassword = \"" PASSWORD "\"\n\n"
                            "[storage seminar_local]\ntype = \"filesystem\"\npath = \"%s/\"\n"
                            "fileext = \".ics\"\n",
                            status_dir, fixture->url, vdir);
  config_path = g_build_filename (fixture->state_dir, "vdirsyncer.conf", NULL);
  sem_test_write_file (config_path, config, -1);

  g_free (run_tool ((const char * const[]) { program, "-c", config_path, "discover", NULL }));
  g_free (run_tool ((const char * const[]) { program, "-c", config_path, "sync", NULL }));

  dir = g_dir_open (vdir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (vdir, name, NULL);
      g_autofree char *text = sem_test_read_file (path, NULL);
      icalcomponent *calendar;
      icalcomponent *vevent;
      struct icaltimetype start;
      SemSession *session;

      g_assert_true (g_str_has_suffix (name, ".ics"));
      calendar = icalparser_parse_string (text);
      g_assert_nonnull (calendar);
      vevent = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
      g_assert_nonnull (vevent);
      session = g_hash_table_lookup (expected, icalcomponent_get_uid (vevent));
      g_assert_nonnull (session);
      g_assert_cmpstr (icalcomponent_get_summary (vevent), ==, sem_session_get_title (session, "en"));
      start = icalcomponent_get_dtstart (vevent);
      g_assert_cmpint (icaltime_as_timet_with_zone (start, start.zone != NULL ? start.zone
                                                           : icaltimezone_get_utc_timezone ()),
                       ==, sem_session_get_start (session));
      icalcomponent_free (calendar);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, resources->len);

  /* And khal reads that vdir. */
  g_assert_nonnull (khal);
  listing = khal_list (fixture, khal, vdir);
  lines = g_strsplit (listing, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 2);
      SemSession *session;

      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      session = g_hash_table_lookup (expected, fields[0]);
      g_assert_nonnull (session);
      g_assert_cmpstr (fields[1], ==, sem_session_get_title (session, "en"));
      g_assert_true (g_hash_table_remove (expected, fields[0]));
      n_listed++;
    }
  g_assert_cmpuint (n_listed, ==, resources->len);
}

/* Runs `sofia-seminars ARGS…` with @environment added; returns the exit status. */
static int
run_cli (const char * const  *args,
         const char          *user,
         const char          *password,
         char               **out,
         char               **err)
{
  const char *cli = g_getenv ("SEM_TEST_CLI");
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "SEMINARS_USER");
  g_subprocess_launcher_unsetenv (launcher, "SEMINARS_PASSWORD");
  if (user != NULL)
    g_subprocess_launcher_setenv (launcher, "SEMINARS_USER", user, TRUE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "SEMINARS_PASSWORD", password, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", *out, *err);
  return g_subprocess_get_exit_status (process);
}

/* `publish`: credentials from the URL or the environment, never printed. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) demo = sem_demo_get_bytes ();
  g_autofree char *plan_path = g_build_filename (fixture->state_dir, "plan.json", NULL);
  g_autofree char *state_path = g_file_get_path (fixture->state);
  g_autofree char *with_user = NULL;
  g_autofree char *created = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n;

  if (!need_radicale ())
    return;
  n = n_sessions (fixture);
  sem_test_write_file (plan_path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));
  with_user = g_strdup_printf ("http://" USER ":s3cret%%20pass@127.0.0.1:%u/" USER "/cli/", server_port);
  created = g_strdup_printf ("%u created, 0 updated, 0 unchanged", n);

  {
    const char *args[] = { "publish", plan_path, "--event", EVENT, with_user, "--state", state_path, NULL };

    g_assert_cmpint (run_cli (args, NULL, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, created));
    g_assert_null (strstr (out, "s3cret"));
    g_assert_null (strstr (err, "s3cret"));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *args[] = { "publish", plan_path, "--event", EVENT, fixture->url, "--state", state_path, NULL };
    g_autofree char *unchanged = g_strdup_printf ("0 created, 0 updated, %u unchanged", n);

    g_assert_cmpint (run_cli (args, USER, PASSWORD, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, unchanged));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);

    g_assert_cmpint (run_cli (args, USER, "wrong-secret", &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "refused the user name or password"));
    g_assert_null (strstr (out, "wrong-secret"));
    g_assert_null (strstr (err, "wrong-secret"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  {
    const char *args[] = { "publish", plan_path, fixture->url, NULL };

    g_assert_cmpint (run_cli (args, USER, PASSWORD, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--event"));
  }
}

static void
published_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static SemCaldavReport *
publish_async (Fixture       *fixture,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sem_caldav_publish_async (fixture->plan, EVENT, "en", fixture->url, USER, PASSWORD, fixture->state,
                            cancellable, published_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return sem_caldav_publish_finish (fixture->plan, result, error);
}

/* The window's way: the requests in a worker, the plan free to change meanwhile. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SemCaldavReport) report = NULL;
  g_autoptr(SemCaldavReport) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  if (!need_radicale ())
    return;
  n = n_sessions (fixture);

  g_cancellable_cancel (cancellable);
  cancelled = publish_async (fixture, cancellable, &error);
  g_assert_null (cancelled);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  report = publish_async (fixture, NULL, &error);
  g_assert_no_error (error);
  assert_counts (report, n, 0, 0, 0, 0);
  g_assert_cmpuint (count_resources (fixture), ==, n);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  start_radicale ();

  g_test_add_func ("/caldav/resources", test_resources);
  g_test_add_func ("/caldav/user-info", test_user_info);
  g_test_add ("/caldav/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/caldav/update", Fixture, NULL, fixture_set_up, test_update, fixture_tear_down);
  g_test_add ("/caldav/conflict", Fixture, NULL, fixture_set_up, test_conflict, fixture_tear_down);
  g_test_add ("/caldav/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/caldav/khal", Fixture, NULL, fixture_set_up, test_khal, fixture_tear_down);
  g_test_add ("/caldav/vdirsyncer", Fixture, NULL, fixture_set_up, test_vdirsyncer, fixture_tear_down);
  g_test_add ("/caldav/cli", Fixture, NULL, fixture_set_up, test_cli, fixture_tear_down);
  g_test_add ("/caldav/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/caldav/wrong-password", Fixture, NULL, fixture_set_up, test_wrong_password, fixture_tear_down);

  status = g_test_run ();
  stop_radicale ();
  return status;
}

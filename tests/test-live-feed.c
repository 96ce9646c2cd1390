/* test-live-feed.c — delegations' and people's calendars over HTTP
 *
 * The feed serves in this thread's main context, so the requests here are
 * asynchronous and the test spins the context until they finish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-live-feed"

#include "config.h"

#include <libical/ical.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sem-demo.h"
#include "sem-ical.h"
#include "sem-ical-export.h"
#include "sem-live-feed.h"
#include "sem-session.h"
#include "sem-test-util.h"

#define DELEGATION "dcc-brussels-2018-sofia"
#define PERSON "p-desislava-ivanova"

typedef struct
{
  SoupMessage *message;
  GBytes      *body;
  GError      *error;
  gboolean     done;
} Fetch;

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &fetch->error);
  fetch->done = TRUE;
}

/* GET @url; returns the body, with the status and the ETag. */
static char *
fetch (const char  *method,
       const char  *url,
       const char  *if_none_match,
       guint       *status,
       char       **etag)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  Fetch state = { soup_message_new (method, url), NULL, NULL, FALSE };
  char *body;

  g_assert_nonnull (state.message);
  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (state.message), "If-None-Match", if_none_match);
  soup_session_send_and_read_async (session, state.message, G_PRIORITY_DEFAULT, NULL, fetched_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (state.error);
  *status = soup_message_get_status (state.message);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (state.message), "ETag"));
  body = g_strndup (g_bytes_get_size (state.body) > 0 ? g_bytes_get_data (state.body, NULL) : "",
                    g_bytes_get_size (state.body));
  g_bytes_unref (state.body);
  g_object_unref (state.message);
  return body;
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fetch *fetch = user_data;

  g_subprocess_communicate_finish (G_SUBPROCESS (source), result, &fetch->body, NULL, &fetch->error);
  fetch->done = TRUE;
}

static char *
fetch_with_curl (const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) curl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                  "curl", "-s", "-f", url, NULL);
  Fetch state = { 0 };
  char *body;

  /* build-aux/setup installs curl: its absence is a failure. */
  g_assert_no_error (error);
  g_subprocess_communicate_async (curl, NULL, NULL, communicated_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_subprocess_wait (curl, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (curl));

  body = g_strndup (g_bytes_get_data (state.body, NULL), g_bytes_get_size (state.body));
  g_bytes_unref (state.body);
  return body;
}

/* As the exports are checked: libical reads it without errors, every TZID
 * has its VTIMEZONE, no floating times. */
static void
assert_well_formed (const char *ics,
                    gboolean    person_file)
{
  icalcomponent *calendar;
  icalcomponent *event;
  guint n_events = 0;

  g_assert_null (strstr (ics, "freeassociation"));
  g_assert_nonnull (strstr (ics, "\r\nMETHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (ics, "\r\nX-WR-CALNAME:"));
  g_assert_nonnull (strstr (ics, "\r\nREFRESH-INTERVAL;VALUE=DURATION:"));
  g_assert_cmpint (person_file, ==, strstr (ics, "ATTENDEE") != NULL);

  sem_ical_lock ();
  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);

      n_events++;
      g_assert_nonnull (icalcomponent_get_uid (event));
      g_assert_nonnull (tzid);
      g_assert_nonnull (icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid)));
    }
  g_assert_cmpuint (n_events, >, 0);
  icalcomponent_free (calendar);
  sem_ical_unlock ();
}

static SemPlan *
load_demo (void)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);

  g_assert_no_error (error);
  return plan;
}

static void
test_create (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  SemLiveFeed *feed = sem_live_feed_new (plan, NULL);
  SemLiveFeed *other = sem_live_feed_new (plan, NULL);
  SemLiveFeed *given = sem_live_feed_new (plan, "a-token-of-my-own");
  const char *token = sem_live_feed_get_token (feed);

  g_assert_cmpuint (strlen (token), ==, 64);
  g_assert_cmpuint (strspn (token, "0123456789abcdef"), ==, 64);
  g_assert_cmpstr (token, !=, sem_live_feed_get_token (other));
  g_assert_cmpstr (sem_live_feed_get_token (given), ==, "a-token-of-my-own");
  g_assert_true (sem_live_feed_get_plan (feed) == plan);
  g_assert_cmpuint (sem_live_feed_get_port (feed), ==, 0);
  g_assert_null (sem_live_feed_dup_url (feed, "delegation", DELEGATION));

  g_assert_finalize_object (feed);
  g_assert_finalize_object (other);
  g_assert_finalize_object (given);
}

static void
test_port_notify (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(GError) error = NULL;
  SemLiveFeed *feed = sem_live_feed_new (plan, NULL);
  guint notified = 0;
  guint port = 0;

  g_signal_connect (feed, "notify::port", G_CALLBACK (sem_test_count_notify_cb), &notified);
  g_assert_true (sem_live_feed_listen (feed, 0, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (feed, "port", &port, NULL);
  g_assert_cmpuint (port, >, 0);
  g_assert_cmpuint (port, ==, sem_live_feed_get_port (feed));

  sem_live_feed_disconnect (feed);
  g_assert_cmpuint (notified, ==, 2);
  sem_live_feed_disconnect (feed);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_finalize_object (feed);
}

static void
test_fetch (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(SemLiveFeed) feed = sem_live_feed_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *again = NULL;
  g_autofree char *again_etag = NULL;
  g_autofree char *with_curl = NULL;
  g_autofree char *expected = NULL;
  guint status;

  g_assert_true (sem_live_feed_listen (feed, 0, FALSE, &error));
  g_assert_no_error (error);
  url = sem_live_feed_dup_url (feed, "delegation", DELEGATION);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_nonnull (strstr (url, sem_live_feed_get_token (feed)));

  body = fetch ("GET", url, NULL, &status, &etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (etag);
  expected = sem_ical_export (plan, SEM_SCOPE_DELEGATION, DELEGATION, NULL, NULL, SEM_ICAL_EXPORT_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (body, ==, expected);
  assert_well_formed (body, FALSE);

  /* Unchanged: 304 by ETag. */
  again = fetch ("GET", url, etag, &status, &again_etag);
  g_assert_cmpuint (status, ==, 304);
  g_assert_cmpstr (again, ==, "");
  g_assert_cmpstr (again_etag, ==, etag);

  /* curl gets the same bytes. */
  with_curl = fetch_with_curl (url);
  g_assert_cmpstr (with_curl, ==, body);
}

static void
test_changed (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(SemLiveFeed) feed = sem_live_feed_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *changed_etag = NULL;
  SemEntity *session = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-opening");
  guint status;

  g_assert_true (sem_live_feed_listen (feed, 0, FALSE, &error));
  url = sem_live_feed_dup_url (feed, "delegation", DELEGATION);
  body = fetch ("GET", url, NULL, &status, &etag);
  g_assert_cmpuint (status, ==, 200);

  /* A change in the plan is served at once, with a new ETag. */
  sem_plan_set (plan, session, "title-en", "Opening, moved", NULL);
  changed = fetch ("GET", url, etag, &status, &changed_etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (changed_etag, !=, etag);
  g_assert_nonnull (strstr (changed, "SUMMARY:Opening\\, moved"));
}

static void
test_person (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(SemLiveFeed) feed = sem_live_feed_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *en_url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *en = NULL;
  guint status;

  g_assert_true (sem_live_feed_listen (feed, 0, FALSE, &error));
  url = sem_live_feed_dup_url (feed, "person", PERSON);
  body = fetch ("GET", url, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  assert_well_formed (body, TRUE);

  /* The person's own language by default, another when asked. */
  en_url = g_strconcat (url, "?lang=en", NULL);
  en = fetch ("GET", en_url, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  assert_well_formed (en, TRUE);
  g_assert_cmpstr (en, !=, body);
}

static void
test_not_found (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(SemLiveFeed) feed = sem_live_feed_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  const char *token = sem_live_feed_get_token (feed);
  g_autofree char *base = NULL;
  g_autofree char *good = NULL;
  /* After "/TOKEN", or the whole path when there is no token. */
  const struct {
    gboolean    token;
    const char *rest;
  } paths[] = {
    { TRUE, "/delegation/" DELEGATION ".ics" },     /* with a wrong token */
    { FALSE, "/" },
    { FALSE, "/delegation/" DELEGATION ".ics" },
    { TRUE, "" },
    { TRUE, "/delegation/" },
    { TRUE, "/delegation/no-such-delegation.ics" },
    { TRUE, "/person/no-such-person.ics" },
    { TRUE, "/room/room-brussels-silver-hall.ics" },
    { TRUE, "/delegation/" DELEGATION },
    { TRUE, "/delegation/" DELEGATION ".ics/more" },
  };
  guint status;

  g_assert_true (sem_live_feed_listen (feed, 0, FALSE, &error));
  base = g_strdup_printf ("http://127.0.0.1:%u", sem_live_feed_get_port (feed));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *wrong = g_strdup (token);
      g_autofree char *path = NULL;
      g_autofree char *url = NULL;
      g_autofree char *body = NULL;

      wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
      if (paths[i].token)
        path = g_strconcat ("/", i == 0 ? wrong : token, paths[i].rest, NULL);
      else
        path = g_strdup (paths[i].rest);
      url = g_strconcat (base, path, NULL);
      body = fetch ("GET", url, NULL, &status, NULL);
      g_test_message ("%s", path);
      g_assert_cmpuint (status, ==, 404);
      g_assert_null (strstr (body, "BEGIN:VCALENDAR"));
    }

  /* Only reading. */
  good = sem_live_feed_dup_url (feed, "delegation", DELEGATION);
  g_free (fetch ("POST", good, NULL, &status, NULL));
  g_assert_cmpuint (status, ==, 405);
}

/* Another plan (the file read again): served at once, with a new ETag. */
static void
test_set_plan (void)
{
  g_autoptr(SemPlan) plan = load_demo ();
  g_autoptr(SemPlan) newer = load_demo ();
  g_autoptr(SemLiveFeed) feed = sem_live_feed_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *changed_etag = NULL;
  SemEntity *session = sem_plan_lookup (newer, SEM_COLLECTION_SESSIONS, "dcc-brussels-2018-closing");
  guint notified = 0;
  guint status;

  g_signal_connect (feed, "notify::plan", G_CALLBACK (sem_test_count_notify_cb), &notified);
  g_assert_true (sem_live_feed_listen (feed, 0, FALSE, &error));
  url = sem_live_feed_dup_url (feed, "delegation", DELEGATION);
  body = fetch ("GET", url, NULL, &status, &etag);
  g_assert_cmpuint (status, ==, 200);

  sem_plan_set (newer, session, "title-en", "Closing and farewell", NULL);
  sem_live_feed_set_plan (feed, newer);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (sem_live_feed_get_plan (feed) == newer);
  sem_live_feed_set_plan (feed, newer);
  g_assert_cmpuint (notified, ==, 1);

  changed = fetch ("GET", url, etag, &status, &changed_etag);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpstr (changed_etag, !=, etag);
  g_assert_nonnull (strstr (changed, "SUMMARY:Closing and farewell"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live-feed/create", test_create);
  g_test_add_func ("/live-feed/port-notify", test_port_notify);
  g_test_add_func ("/live-feed/fetch", test_fetch);
  g_test_add_func ("/live-feed/changed", test_changed);
  g_test_add_func ("/live-feed/set-plan", test_set_plan);
  g_test_add_func ("/live-feed/person", test_person);
  g_test_add_func ("/live-feed/not-found", test_not_found);

  return g_test_run ();
}

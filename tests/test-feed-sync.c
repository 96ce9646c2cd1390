/* test-feed-sync.c — feed subscriptions against a SoupServer on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-feed-sync"

#include "config.h"

#include <libsoup/soup.h>

#include "sem-external-event.h"
#include "sem-feed-sync.h"
#include "sem-test-util.h"

#define CAL_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//feed//EN\r\n"

#define EVENT(uid, summary, start, end) \
  "BEGIN:VEVENT\r\nUID:" uid "\r\nDTSTAMP:20180101T000000Z\r\nSUMMARY:" summary "\r\n" \
  "DTSTART:" start "\r\nDTEND:" end "\r\nEND:VEVENT\r\n"

static const char cal_a[] =
  CAL_HEAD
  "X-PUBLISHED-TTL:PT1M\r\n"
  EVENT ("a@test", "Commission meeting", "20180220T080000Z", "20180220T100000Z")
  EVENT ("b@test", "Course", "20180221T080000Z", "20180221T100000Z")
  "END:VCALENDAR\r\n";

static const char cal_b[] =
  CAL_HEAD
  "REFRESH-INTERVAL;VALUE=DURATION:PT48H\r\n"
  EVENT ("a@test", "Commission meeting (moved)", "20180220T090000Z", "20180220T110000Z")
  EVENT ("c@test", "Webinar", "20180222T080000Z", "20180222T100000Z")
  "END:VCALENDAR\r\n";

/* libsoup 3.2's server keeps one reference too many to each socket it
 * accepts. Under AddressSanitizer, tell the leak checker so. */
extern void __lsan_ignore_object (const void *p) __attribute__ ((weak));

#define ETAG "\"v1\""
#define AUTH_USER "alice"
#define AUTH_PASSWORD "s3cret-Pw0rd"
#define AUTH_TOKEN "tok.3n-Ab_c~9+/=="
#define LAST_MODIFIED "Tue, 20 Feb 2018 08:00:00 GMT"

typedef struct
{
  SoupServer  *server;
  char        *base;
  const char  *body;          /* what /cal, /lm and /noval serve */
  guint        hits_304;
  guint        hits;
  char        *authorization; /* what the last request to /bearer… carried */
  char        *elsewhere;     /* the other origin /bearer-away redirects to */
  SemPlan     *plan;
  SemFeed     *feed;
  SemFeedSync *sync;
} Fixture;

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_COPY, body, strlen (body));
}

static void
redirect (Fixture           *fixture,
          SoupServerMessage *msg,
          guint              status,
          const char        *path)
{
  g_autofree char *location = g_strconcat (fixture->base, path, NULL);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static GBytes *
gzip_bytes (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

#define CHUNKS_EVENTS 400

/* A calendar of CHUNKS_EVENTS events in a timezone of its own, whose
 * VTIMEZONE comes after them, as some servers write it. */
static char *
chunks_calendar (void)
{
  GString *text = g_string_new (CAL_HEAD "REFRESH-INTERVAL;VALUE=DURATION:PT20H\r\n");

  for (guint i = 0; i < CHUNKS_EVENTS; i++)
    g_string_append_printf (text,
                            "BEGIN:VEVENT\r\nUID:chunk-%u@test\r\nDTSTAMP:20180101T000000Z\r\n"
                            "SUMMARY:Среща %u — София\r\nDTSTART;TZID=Sofia Custom:201802%02uT120000\r\n"
                            "DTEND;TZID=Sofia Custom:201802%02uT130000\r\nDESCRIPTION:Дълго описание, "
                            "сгънато на два\r\n  реда.\r\nEND:VEVENT\r\n",
                            i, i, 1 + i % 28, 1 + i % 28);
  g_string_append (text,
                   "BEGIN:VTIMEZONE\r\nTZID:Sofia Custom\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                   "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0200\r\nTZNAME:EET\r\nEND:STANDARD\r\n"
                   "END:VTIMEZONE\r\nEND:VCALENDAR\r\n");
  return g_string_free (text, FALSE);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  fixture->hits++;
  if (__lsan_ignore_object != NULL)
    __lsan_ignore_object (soup_server_message_get_socket (msg));

  if (g_str_equal (path, "/cal"))
    {
      soup_message_headers_replace (response, "ETag", ETAG);
      if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), ETAG) == 0 &&
          fixture->body == cal_a)
        {
          fixture->hits_304++;
          respond (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      respond (msg, SOUP_STATUS_OK, fixture->body);
    }
  else if (g_str_equal (path, "/lm"))
    {
      soup_message_headers_replace (response, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (soup_message_headers_get_one (request, "If-Modified-Since"), LAST_MODIFIED) == 0)
        {
          fixture->hits_304++;
          respond (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      respond (msg, SOUP_STATUS_OK, fixture->body);
    }
  else if (g_str_equal (path, "/auth"))
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) AUTH_USER ":" AUTH_PASSWORD,
                                                  strlen (AUTH_USER ":" AUTH_PASSWORD));
      g_autofree char *expected = g_strconcat ("Basic ", encoded, NULL);

      if (g_strcmp0 (soup_message_headers_get_one (request, "Authorization"), expected) == 0)
        respond (msg, SOUP_STATUS_OK, cal_b);
      else
        {
          soup_message_headers_replace (response, "WWW-Authenticate", "Basic realm=\"test\"");
          respond (msg, SOUP_STATUS_UNAUTHORIZED, "who are you");
        }
    }
  else if (g_str_equal (path, "/bearer"))
    {
      g_free (fixture->authorization);
      fixture->authorization = g_strdup (soup_message_headers_get_one (request, "Authorization"));
      if (g_strcmp0 (fixture->authorization, "Bearer " AUTH_TOKEN) == 0)
        respond (msg, SOUP_STATUS_OK, cal_b);
      else
        {
          soup_message_headers_replace (response, "WWW-Authenticate", "Bearer realm=\"test\"");
          respond (msg, SOUP_STATUS_UNAUTHORIZED, "who are you");
        }
    }
  else if (g_str_equal (path, "/bearer-here"))
    redirect (fixture, msg, 302, "/bearer");
  else if (g_str_equal (path, "/bearer-away"))
    {
      soup_server_message_set_status (msg, 302, NULL);
      soup_message_headers_replace (response, "Location", fixture->elsewhere);
    }
  else if (g_str_equal (path, "/noval"))
    respond (msg, SOUP_STATUS_OK, fixture->body);
  else if (g_str_equal (path, "/moved"))
    redirect (fixture, msg, 301, "/cal");
  else if (g_str_equal (path, "/found"))
    redirect (fixture, msg, 302, "/cal");
  else if (g_str_equal (path, "/temporary"))
    redirect (fixture, msg, 307, "/cal");
  else if (g_str_equal (path, "/permanent"))
    redirect (fixture, msg, 308, "/cal");
  else if (g_str_equal (path, "/loop-a"))
    redirect (fixture, msg, 302, "/loop-b");
  else if (g_str_equal (path, "/loop-b"))
    redirect (fixture, msg, 302, "/loop-a");
  else if (g_str_has_prefix (path, "/hop/"))
    {
      guint64 n = g_ascii_strtoull (path + 5, NULL, 10);
      g_autofree char *next = n >= 6 ? g_strdup ("/cal") : g_strdup_printf ("/hop/%" G_GUINT64_FORMAT, n + 1);

      redirect (fixture, msg, 302, next);
    }
  else if (g_str_equal (path, "/gone"))
    respond (msg, SOUP_STATUS_GONE, "gone");
  else if (g_str_equal (path, "/broken"))
    respond (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "oops");
  else if (g_str_equal (path, "/slow"))
    soup_server_message_pause (msg);
  else if (g_str_equal (path, "/big") || g_str_equal (path, "/big-chunked"))
    {
      g_autoptr(GString) big = g_string_new (CAL_HEAD);

      while (big->len < 8000)
        g_string_append (big, "X-FILLER:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n");
      g_string_append (big, "END:VCALENDAR\r\n");
      if (g_str_equal (path, "/big-chunked"))
        soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      respond (msg, SOUP_STATUS_OK, big->str);
    }
  else if (g_str_equal (path, "/gzip"))
    {
      g_autoptr(GBytes) bytes = gzip_bytes (cal_b);

      soup_message_headers_replace (response, "Content-Encoding", "gzip");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  else if (g_str_equal (path, "/bom"))
    {
      g_autofree char *text = g_strconcat ("\xEF\xBB\xBF", cal_b, NULL);
      respond (msg, SOUP_STATUS_OK, text);
    }
  else if (g_str_equal (path, "/garbage"))
    respond (msg, SOUP_STATUS_OK, "<html><body>Not a calendar</body></html>\n");
  else if (g_str_equal (path, "/chunks"))
    {
      g_autofree char *text = chunks_calendar ();
      SoupMessageBody *body = soup_server_message_get_response_body (msg);
      gsize length = strlen (text);

      /* Many small chunks, cut anywhere: in lines, in characters. */
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_replace (response, "Content-Type", "text/calendar");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      for (gsize at = 0; at < length; at += 97)
        soup_message_body_append (body, SOUP_MEMORY_COPY, text + at, MIN (97, length - at));
      soup_message_body_complete (body);
    }
  else
    respond (msg, SOUP_STATUS_NOT_FOUND, "not found");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, handler_cb, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  fixture->body = cal_a;

  fixture->plan = sem_plan_new ();
  fixture->feed = sem_feed_new ("partner");
  g_object_set (fixture->feed, "name", "Partner", "refresh-interval", 60, "enabled", TRUE, NULL);
  sem_plan_add (fixture->plan, SEM_ENTITY (fixture->feed));
  fixture->sync = sem_feed_sync_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->sync);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  /* Let the server's connections see the client go, and free themselves. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->feed);
  g_clear_object (&fixture->plan);
  g_free (fixture->base);
  g_free (fixture->authorization);
  g_free (fixture->elsewhere);
}

static void
set_path (Fixture    *fixture,
          const char *path)
{
  g_autofree char *url = g_strconcat (fixture->base, path, NULL);

  sem_plan_set (fixture->plan, SEM_ENTITY (fixture->feed), "url", url, NULL);
}

static void
sync_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SemFeedSyncResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sem_feed_sync_finish (SEM_FEED_SYNC (object), result, &error);
  g_assert_no_error (error);
}

static SemFeedSyncResult *
run_sync (Fixture *fixture)
{
  SemFeedSyncResult *result = NULL;

  sem_feed_sync_async (fixture->sync, fixture->plan, fixture->feed, NULL, sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return result;
}

static void
assert_updated (SemFeedSyncResult *result,
                guint              added,
                guint              changed,
                guint              removed)
{
  g_assert_no_error (result->error);
  g_assert_cmpint (result->status, ==, SEM_FEED_SYNC_UPDATED);
  g_assert_cmpuint (result->added, ==, added);
  g_assert_cmpuint (result->changed, ==, changed);
  g_assert_cmpuint (result->removed, ==, removed);
}

static SemExternalEvent *
find_event (SemFeed    *feed,
            const char *uid)
{
  GPtrArray *events = sem_feed_get_events (feed);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (g_str_equal (sem_entity_get_id (g_ptr_array_index (events, i)), uid))
      return g_ptr_array_index (events, i);
  return NULL;
}

/* Syncs cal_a from /cal: two events. */
static GPtrArray *
sync_first (Fixture *fixture)
{
  g_autoptr(SemFeedSyncResult) result = NULL;

  set_path (fixture, "/cal");
  result = run_sync (fixture);
  assert_updated (result, 2, 0, 0);
  g_assert_cmpuint (sem_feed_get_events (fixture->feed)->len, ==, 2);
  g_assert_cmpstr (sem_feed_get_etag (fixture->feed), ==, ETAG);
  g_assert_nonnull (sem_feed_get_body_hash (fixture->feed));
  g_assert_null (sem_feed_get_last_error (fixture->feed));
  g_assert_cmpint (sem_feed_get_last_sync (fixture->feed), >, 0);
  g_assert_cmpstr (sem_external_event_get_summary (find_event (fixture->feed, "a@test")), ==,
                   "Commission meeting");
  return g_ptr_array_ref (sem_feed_get_events (fixture->feed));
}

/* Syncs @path, which must fail, and checks nothing was lost. */
static SemFeedSyncResult *
sync_failing (Fixture    *fixture,
              const char *path,
              GPtrArray  *events)
{
  SemFeedSyncResult *result;

  set_path (fixture, path);
  result = run_sync (fixture);
  g_assert_cmpint (result->status, ==, SEM_FEED_SYNC_FAILED);
  g_assert_nonnull (result->error);
  g_assert_true (sem_feed_get_events (fixture->feed) == events);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (sem_external_event_get_summary (find_event (fixture->feed, "a@test")), ==,
                   "Commission meeting");
  g_assert_nonnull (find_event (fixture->feed, "b@test"));
  g_assert_cmpstr (sem_feed_get_last_error (fixture->feed), ==, result->error->message);
  g_assert_cmpstr (sem_feed_get_etag (fixture->feed), ==, ETAG);
  return result;
}

static void
test_etag (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) again = run_sync (fixture);
  g_autoptr(SemFeedSyncResult) changed = NULL;

  g_assert_cmpint (again->status, ==, SEM_FEED_SYNC_UNCHANGED);
  g_assert_cmpuint (fixture->hits_304, ==, 1);
  g_assert_true (sem_feed_get_events (fixture->feed) == events);

  /* The feed asks for a minute: clamped to 15, below the hour of the feed. */
  g_assert_cmpint (sem_feed_sync_get_refresh_seconds (fixture->sync, fixture->feed), ==, 3600);

  fixture->body = cal_b;
  changed = run_sync (fixture);
  assert_updated (changed, 1, 1, 1);
  g_assert_cmpstr (sem_external_event_get_summary (find_event (fixture->feed, "a@test")), ==,
                   "Commission meeting (moved)");
  g_assert_null (find_event (fixture->feed, "b@test"));
  g_assert_nonnull (find_event (fixture->feed, "c@test"));
  /* REFRESH-INTERVAL of 48 hours, clamped to 24. */
  g_assert_cmpint (sem_feed_sync_get_refresh_seconds (fixture->sync, fixture->feed), ==, 24 * 3600);

  /* One undoable edit per sync. */
  g_assert_true (sem_plan_undo (fixture->plan));
  g_assert_true (sem_feed_get_events (fixture->feed) == events);
}

static void
test_last_modified (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(SemFeedSyncResult) first = NULL;
  g_autoptr(SemFeedSyncResult) again = NULL;

  set_path (fixture, "/lm");
  first = run_sync (fixture);
  assert_updated (first, 2, 0, 0);
  g_assert_null (sem_feed_get_etag (fixture->feed));
  g_assert_cmpstr (sem_feed_get_http_last_modified (fixture->feed), ==, LAST_MODIFIED);

  again = run_sync (fixture);
  g_assert_cmpint (again->status, ==, SEM_FEED_SYNC_UNCHANGED);
  g_assert_cmpuint (fixture->hits_304, ==, 1);
}

static void
test_same_body (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SemFeedSyncResult) first = NULL;
  g_autoptr(SemFeedSyncResult) again = NULL;
  GPtrArray *events;

  set_path (fixture, "/noval");
  first = run_sync (fixture);
  assert_updated (first, 2, 0, 0);
  events = sem_feed_get_events (fixture->feed);

  again = run_sync (fixture);
  g_assert_cmpint (again->status, ==, SEM_FEED_SYNC_UNCHANGED);
  g_assert_true (sem_feed_get_events (fixture->feed) == events);
  g_assert_cmpuint (fixture->hits, ==, 2);
}

static void
check_redirect (Fixture    *fixture,
                const char *path,
                gboolean    permanent)
{
  g_autoptr(SemFeedSyncResult) result = NULL;
  g_autofree char *from = g_strconcat (fixture->base, path, NULL);
  g_autofree char *to = g_strconcat (fixture->base, "/cal", NULL);

  set_path (fixture, path);
  result = run_sync (fixture);
  g_assert_cmpint (result->status, !=, SEM_FEED_SYNC_FAILED);
  g_assert_cmpstr (sem_feed_get_url (fixture->feed), ==, permanent ? to : from);
  g_assert_cmpuint (sem_feed_get_events (fixture->feed)->len, ==, 2);
}

static void
test_redirects (Fixture       *fixture,
                gconstpointer  data)
{
  check_redirect (fixture, "/found", FALSE);
  check_redirect (fixture, "/temporary", FALSE);
  check_redirect (fixture, "/moved", TRUE);
  check_redirect (fixture, "/permanent", TRUE);
}

static void
test_redirect_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) loop = sync_failing (fixture, "/loop-a", events);
  g_autoptr(SemFeedSyncResult) hops = NULL;
  g_autoptr(SemFeedSyncResult) five = NULL;

  g_assert_error (loop->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT);

  /* /hop/0 → … → /hop/6 → /cal is seven redirects. */
  hops = sync_failing (fixture, "/hop/0", events);
  g_assert_error (hops->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT);

  /* /hop/2 → … → /cal is five: allowed. */
  set_path (fixture, "/hop/2");
  five = run_sync (fixture);
  g_assert_cmpint (five->status, !=, SEM_FEED_SYNC_FAILED);
}

static void
test_follow_redirect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *down = NULL;
  g_autofree char *secure = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *up = NULL;
  g_autofree char *other = NULL;

  down = sem_feed_sync_follow_redirect ("https://cal.example.org/a.ics", "http://cal.example.org/b.ics", &error);
  g_assert_null (down);
  g_assert_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT);
  g_clear_error (&error);

  secure = sem_feed_sync_follow_redirect ("https://cal.example.org/a.ics", "https://other.example.org/b.ics", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secure, ==, "https://other.example.org/b.ics");

  relative = sem_feed_sync_follow_redirect ("https://cal.example.org/x/a.ics", "b.ics", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (relative, ==, "https://cal.example.org/x/b.ics");

  up = sem_feed_sync_follow_redirect ("http://cal.example.org/a.ics", "https://cal.example.org/a.ics", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (up, ==, "https://cal.example.org/a.ics");

  other = sem_feed_sync_follow_redirect ("http://cal.example.org/a.ics", "file:///etc/passwd", &error);
  g_assert_null (other);
  g_assert_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT);
}

static void
test_resolve_url (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "http://example.org/a.ics", "http://example.org/a.ics" },
    { "https://example.org/a.ics", "https://example.org/a.ics" },
    { "webcal://example.org/a.ics?x=1", "https://example.org/a.ics?x=1" },
    { "webcals://example.org/a.ics", "https://example.org/a.ics" },
    { "WEBCAL://127.0.0.1:8080/a.ics", "http://127.0.0.1:8080/a.ics" },
    { "webcal://localhost/a.ics", "http://localhost/a.ics" },
    { "ftp://example.org/a.ics", NULL },
    { "not a url", NULL },
    { "file:///tmp/a.ics", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = sem_feed_sync_resolve_url (cases[i].in, &error);

      g_assert_cmpstr (out, ==, cases[i].out);
      if (cases[i].out == NULL)
        g_assert_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_URL);
    }
}

static void
test_scan_refresh (void)
{
  g_autoptr(GBytes) a = g_bytes_new_static (cal_a, strlen (cal_a));
  g_autoptr(GBytes) b = g_bytes_new_static (cal_b, strlen (cal_b));
  static const char late[] = CAL_HEAD EVENT ("x", "x", "20180220T080000Z", "20180220T100000Z")
                             "REFRESH-INTERVAL:PT1H\r\nEND:VCALENDAR\r\n";
  g_autoptr(GBytes) c = g_bytes_new_static (late, strlen (late));

  g_assert_cmpint (sem_feed_sync_scan_refresh (a), ==, 60);
  g_assert_cmpint (sem_feed_sync_scan_refresh (b), ==, 48 * 3600);
  g_assert_cmpint (sem_feed_sync_scan_refresh (c), ==, 0);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) result = sync_failing (fixture, "/nothing-here", events);

  g_assert_error (result->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_HTTP);
  g_assert_nonnull (strstr (result->error->message, "404"));
  g_assert_true (sem_feed_get_enabled (fixture->feed));
}

typedef struct
{
  const char *password;
  guint       calls;
} Credentials;

static gboolean
credentials_cb (SemFeed   *feed,
                char     **user,
                char     **password,
                gpointer   data)
{
  Credentials *credentials = data;

  credentials->calls++;
  *user = g_strdup (sem_feed_get_user (feed) != NULL ? sem_feed_get_user (feed) : AUTH_USER);
  *password = g_strdup (credentials->password);
  return TRUE;
}

static void
test_auth (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) result = NULL;
  g_autoptr(SemFeedSyncResult) wrong = NULL;
  g_autoptr(SemFeedSyncResult) right = NULL;
  Credentials credentials = { "not-the-password", 0 };
  g_autofree char *text = NULL;
  gsize length = 0;

  /* No credentials func: the 401 fails the sync, the events stay. */
  result = sync_failing (fixture, "/auth", events);
  g_assert_error (result->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH);
  g_assert_cmpstr (result->error->message, ==, "The server asks for a user name and password");

  /* A wrong password: asked once after the 401, retried once, fails. */
  sem_feed_sync_set_credentials_func (fixture->sync, credentials_cb, &credentials, NULL);
  fixture->hits = 0;
  wrong = sync_failing (fixture, "/auth", events);
  g_assert_error (wrong->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH);
  g_assert_cmpuint (credentials.calls, ==, 1);
  g_assert_cmpuint (fixture->hits, ==, 2);

  /* The feed has a user name: asked before the request, which succeeds at once. */
  sem_plan_set (fixture->plan, SEM_ENTITY (fixture->feed), "user", AUTH_USER, NULL);
  credentials.password = AUTH_PASSWORD;
  credentials.calls = 0;
  fixture->hits = 0;
  right = run_sync (fixture);
  assert_updated (right, 1, 1, 1);
  g_assert_cmpuint (credentials.calls, ==, 1);
  g_assert_cmpuint (fixture->hits, ==, 1);
  g_assert_null (sem_feed_get_last_error (fixture->feed));
  g_assert_cmpstr (sem_feed_get_user (fixture->feed), ==, AUTH_USER);

  /* The plan keeps the user name, never the password. */
  text = sem_plan_codec_to_data (fixture->plan, &length);
  g_assert_nonnull (strstr (text, "\"user\" : \"" AUTH_USER "\""));
  g_assert_null (strstr (text, AUTH_PASSWORD));
  g_assert_null (strstr (text, "not-the-password"));
  sem_feed_sync_set_credentials_func (fixture->sync, NULL, NULL, NULL);
}

static gboolean
token_cb (SemFeed   *feed,
          char     **user,
          char     **password,
          gpointer   data)
{
  Credentials *credentials = data;

  credentials->calls++;
  g_assert_cmpint (sem_feed_get_effective_auth (feed), ==, SEM_FEED_AUTH_TOKEN);
  *password = g_strdup (credentials->password);
  return TRUE;
}

/* The other origin: records what a redirect brought it. */
static void
elsewhere_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  GPtrArray *seen = user_data;
  const char *authorization =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Authorization");

  if (__lsan_ignore_object != NULL)
    __lsan_ignore_object (soup_server_message_get_socket (msg));
  g_ptr_array_add (seen, g_strdup (authorization != NULL ? authorization : "(none)"));
  respond (msg, SOUP_STATUS_OK, cal_b);
}

static void
test_token (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) missing = NULL;
  g_autoptr(SemFeedSyncResult) wrong = NULL;
  g_autoptr(SemFeedSyncResult) right = NULL;
  g_autoptr(SemFeedSyncResult) here = NULL;
  g_autoptr(SemFeedSyncResult) away = NULL;
  g_autoptr(SoupServer) other = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SemPlan) loaded = NULL;
  Credentials credentials = { "not-the-token", 0 };
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  GSList *uris;
  gsize length = 0;

  /* No auth: the plan has no "auth" member, so older files keep their bytes. */
  before = sem_plan_codec_to_data (fixture->plan, &length);
  g_assert_null (strstr (before, "\"auth\""));
  g_assert_cmpint (sem_feed_get_auth (fixture->feed), ==, SEM_FEED_AUTH_NONE);

  sem_plan_set (fixture->plan, SEM_ENTITY (fixture->feed), "auth", SEM_FEED_AUTH_TOKEN, NULL);

  /* No token to be had: the 401 fails the sync, the events stay. */
  missing = sync_failing (fixture, "/bearer", events);
  g_assert_error (missing->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH);
  g_assert_cmpstr (missing->error->message, ==, "The server asks for an access token");
  g_assert_null (fixture->authorization);

  /* A wrong token: asked before the request, sent once, refused. */
  sem_feed_sync_set_credentials_func (fixture->sync, token_cb, &credentials, NULL);
  fixture->hits = 0;
  wrong = sync_failing (fixture, "/bearer", events);
  g_assert_error (wrong->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH);
  g_assert_cmpstr (wrong->error->message, ==, "The server did not accept the access token");
  g_assert_cmpstr (fixture->authorization, ==, "Bearer not-the-token");
  g_assert_cmpuint (credentials.calls, ==, 1);
  g_assert_cmpuint (fixture->hits, ==, 1);

  /* The right one, as "Authorization: Bearer TOKEN". */
  credentials.password = AUTH_TOKEN;
  credentials.calls = 0;
  fixture->hits = 0;
  right = run_sync (fixture);
  assert_updated (right, 1, 1, 1);
  g_assert_cmpstr (fixture->authorization, ==, "Bearer " AUTH_TOKEN);
  g_assert_cmpuint (credentials.calls, ==, 1);
  g_assert_cmpuint (fixture->hits, ==, 1);
  g_assert_null (sem_feed_get_last_error (fixture->feed));

  /* A redirect on the same origin keeps it. */
  g_clear_pointer (&fixture->authorization, g_free);
  set_path (fixture, "/bearer-here");
  here = run_sync (fixture);
  g_assert_no_error (here->error);
  g_assert_cmpint (here->status, ==, SEM_FEED_SYNC_UNCHANGED);
  g_assert_cmpstr (fixture->authorization, ==, "Bearer " AUTH_TOKEN);

  /* The plan says "token", never the token; and reads back so. */
  text = sem_plan_codec_to_data (fixture->plan, &length);
  g_assert_nonnull (strstr (text, "\"auth\" : \"token\""));
  g_assert_null (strstr (text, AUTH_TOKEN));
  g_assert_null (strstr (text, "not-the-token"));
  bytes = g_bytes_new (text, length);
  loaded = sem_plan_codec_load_bytes (bytes, "plan.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sem_feed_get_auth (SEM_FEED (sem_plan_lookup (loaded, SEM_COLLECTION_FEEDS, "partner"))),
                   ==, SEM_FEED_AUTH_TOKEN);

  /* Never to another origin a redirect leads to. */
  other = soup_server_new (NULL, NULL);
  soup_server_add_handler (other, NULL, elsewhere_cb, seen, NULL);
  soup_server_listen_local (other, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (other);
  fixture->elsewhere = g_strdup_printf ("http://127.0.0.1:%d/cal", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  credentials.calls = 0;
  set_path (fixture, "/bearer-away");
  away = run_sync (fixture);
  g_assert_no_error (away->error);
  g_assert_cmpuint (credentials.calls, ==, 1);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "(none)");

  sem_feed_sync_set_credentials_func (fixture->sync, NULL, NULL, NULL);
  soup_server_disconnect (other);
}

static void
test_gone (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) result = sync_failing (fixture, "/gone", events);

  g_assert_error (result->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_GONE);
  g_assert_nonnull (strstr (result->error->message, "410"));
  g_assert_false (sem_feed_get_enabled (fixture->feed));
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  gint64 previous = sem_feed_sync_get_retry_delay (fixture->sync, fixture->feed);
  g_autoptr(SemFeedSyncResult) recovered = NULL;

  g_assert_cmpint (previous, ==, 3600);
  for (guint i = 1; i <= 7; i++)
    {
      g_autoptr(SemFeedSyncResult) result = sync_failing (fixture, "/broken", events);
      gint64 delay = sem_feed_sync_get_retry_delay (fixture->sync, fixture->feed);

      g_assert_nonnull (strstr (result->error->message, "500"));
      g_assert_cmpuint (sem_feed_sync_get_failures (fixture->sync, fixture->feed), ==, i);
      g_assert_cmpint (delay, <=, 24 * 3600);
      if (i <= 4)
        g_assert_cmpint (delay, ==, previous * 2);
      else
        g_assert_cmpint (delay, ==, 24 * 3600);
      previous = delay;
    }

  set_path (fixture, "/cal");
  recovered = run_sync (fixture);
  g_assert_cmpint (recovered->status, ==, SEM_FEED_SYNC_UNCHANGED);
  g_assert_null (sem_feed_get_last_error (fixture->feed));
  g_assert_cmpuint (sem_feed_sync_get_failures (fixture->sync, fixture->feed), ==, 0);
  g_assert_cmpint (sem_feed_sync_get_retry_delay (fixture->sync, fixture->feed), ==, 3600);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();

  sem_feed_sync_set_timeout (fixture->sync, 1);
  result = sync_failing (fixture, "/slow", events);
  g_assert_error (result->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) sized = NULL;
  g_autoptr(SemFeedSyncResult) chunked = NULL;

  sem_feed_sync_set_max_bytes (fixture->sync, 4096);
  sized = sync_failing (fixture, "/big", events);
  g_assert_error (sized->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TOO_LARGE);
  chunked = sync_failing (fixture, "/big-chunked", events);
  g_assert_error (chunked->error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TOO_LARGE);
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) result = sync_failing (fixture, "/garbage", events);

  g_assert_cmpstr (sem_feed_get_body_hash (fixture->feed), !=, NULL);
}

static void
check_cal_b (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GPtrArray) events = sync_first (fixture);
  g_autoptr(SemFeedSyncResult) result = NULL;

  set_path (fixture, path);
  result = run_sync (fixture);
  assert_updated (result, 1, 1, 1);
  g_assert_cmpstr (sem_external_event_get_summary (find_event (fixture->feed, "a@test")), ==,
                   "Commission meeting (moved)");
  g_assert_cmpint (sem_external_event_get_start (find_event (fixture->feed, "a@test")), ==,
                   1519117200);
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  check_cal_b (fixture, "/gzip");
}

static void
test_bom (Fixture       *fixture,
          gconstpointer  data)
{
  check_cal_b (fixture, "/bom");
}

/* No temporary file of a sync is left in the temporary directory. */
static guint
count_spools (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "sofia-seminars-feed-");
  return n;
}

static void
test_chunks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SemFeedSyncResult) result = NULL;
  g_autoptr(SemFeedSyncResult) again = NULL;
  SemExternalEvent *event;

  set_path (fixture, "/chunks");
  result = run_sync (fixture);
  assert_updated (result, CHUNKS_EVENTS, 0, 0);
  g_assert_cmpuint (sem_feed_get_events (fixture->feed)->len, ==, CHUNKS_EVENTS);

  /* 2018-02-04 12:00 at +02:00, read with the VTIMEZONE that follows. */
  event = find_event (fixture->feed, "chunk-3@test");
  g_assert_nonnull (event);
  g_assert_cmpstr (sem_external_event_get_summary (event), ==, "Среща 3 — София");
  g_assert_cmpstr (sem_external_event_get_description (event), ==, "Дълго описание, сгънато на два реда.");
  g_assert_cmpint (sem_external_event_get_start (event), ==, 1517738400);
  g_assert_cmpint (sem_external_event_get_end (event) - sem_external_event_get_start (event), ==, 3600);
  g_assert_cmpint (sem_feed_sync_get_refresh_seconds (fixture->sync, fixture->feed), ==, 20 * 3600);
  g_assert_cmpuint (count_spools (), ==, 0);

  /* The same body again: the hash of the chunks is the hash of the body. */
  again = run_sync (fixture);
  g_assert_cmpint (again->status, ==, SEM_FEED_SYNC_UNCHANGED);
  g_assert_cmpuint (count_spools (), ==, 0);
}

static void
test_webcal (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SemFeedSyncResult) result = NULL;
  g_autofree char *url = g_strconcat ("webcal", fixture->base + 4, "/cal", NULL);

  sem_plan_set (fixture->plan, SEM_ENTITY (fixture->feed), "url", url, NULL);
  result = run_sync (fixture);
  assert_updated (result, 2, 0, 0);
  g_assert_cmpstr (sem_feed_get_url (fixture->feed), ==, url);
}

static void
all_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sem_feed_sync_all_finish (SEM_FEED_SYNC (object), result, &error);
  g_assert_no_error (error);
}

static void
test_all (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  SemFeedSyncResult *result;

  set_path (fixture, "/cal");
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      g_autofree char *url = g_strconcat (fixture->base, i == 4 ? "/broken" : "/lm", NULL);
      g_autoptr(SemFeed) feed = sem_feed_new (id);

      g_object_set (feed, "name", id, "url", url, "enabled", i != 8, NULL);
      sem_plan_add (fixture->plan, SEM_ENTITY (feed));
    }

  sem_feed_sync_all_async (fixture->sync, fixture->plan, NULL, all_done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (results->len, ==, 9);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->feed_id, ==, "partner");
  assert_updated (result, 2, 0, 0);
  result = g_ptr_array_index (results, 5);
  g_assert_cmpstr (result->feed_id, ==, "extra-4");
  g_assert_cmpint (result->status, ==, SEM_FEED_SYNC_FAILED);
  result = g_ptr_array_index (results, 8);
  g_assert_cmpstr (result->feed_id, ==, "extra-7");
  assert_updated (result, 2, 0, 0);
}

static void
cli_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static char *
run_cli (int         *status,
         const char  *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gboolean done = FALSE;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SEM_TEST_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  /* The server answers from this main loop while the program runs. */
  g_subprocess_wait_async (process, NULL, cli_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  {
    GInputStream *stream = g_subprocess_get_stdout_pipe (process);
    g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

    g_output_stream_splice (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
    g_assert_no_error (error);
    g_output_stream_write_all (memory, "", 1, NULL, NULL, NULL);
    out = g_strdup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)));
  }
  *status = g_subprocess_get_exit_status (process);
  return g_steal_pointer (&out);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-feed-sync-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *good = g_strconcat ("webcal", fixture->base + 4, "/cal", NULL);
  g_autofree char *bad = g_strconcat (fixture->base, "/broken", NULL);
  g_autofree char *out = NULL;
  g_autoptr(SemPlan) plan = NULL;
  SemEntity *feed;
  int status = -1;

  g_assert_no_error (error);
  g_free (run_cli (&status, "demo", "-o", path, NULL));
  g_assert_cmpint (status, ==, 0);

  out = run_cli (&status, "feed-add", path, good, "--name", "Commission", "--interval", "30", NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);

  out = run_cli (&status, "sync", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "updated  Commission  +2 ~0 -0\n"));
  g_clear_pointer (&out, g_free);

  out = run_cli (&status, "sync", path, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "unchanged  Commission\n"));
  g_clear_pointer (&out, g_free);

  /* Behind Basic auth: the user name in the plan, the password from the environment. */
  {
    g_autofree char *locked = g_strconcat (fixture->base, "/auth", NULL);
    g_autofree char *text = NULL;

    g_unsetenv ("SEMINARS_PASSWORD");
    g_unsetenv ("SEMINARS_USER");
    out = run_cli (&status, "feed-add", path, locked, "--name", "Locked", "--user", AUTH_USER, NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);

    out = run_cli (&status, "sync", path, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (out, "error  Locked  The server asks for a user name and password\n"));
    g_clear_pointer (&out, g_free);

    g_setenv ("SEMINARS_PASSWORD", AUTH_PASSWORD, TRUE);
    out = run_cli (&status, "sync", path, NULL);
    g_unsetenv ("SEMINARS_PASSWORD");
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "updated  Locked  +2 ~0 -0\n"));
    g_assert_null (strstr (out, AUTH_PASSWORD));
    g_clear_pointer (&out, g_free);

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\"user\" : \"" AUTH_USER "\""));
    g_assert_null (strstr (text, AUTH_PASSWORD));
  }

  /* Behind a bearer token: the plan says so, the token comes from the environment. */
  {
    g_autofree char *locked = g_strconcat (fixture->base, "/bearer", NULL);
    g_autofree char *text = NULL;

    g_unsetenv ("SEMINARS_TOKEN");
    out = run_cli (&status, "feed-add", path, locked, "--name", "Token", "--token-from-env", "--user", AUTH_USER, NULL);
    g_assert_cmpint (status, ==, 2);
    g_clear_pointer (&out, g_free);
    out = run_cli (&status, "feed-add", path, locked, "--name", "Token", "--token-from-env", NULL);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);

    out = run_cli (&status, "sync", path, NULL);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (out, "error  Token  The server asks for an access token\n"));
    g_clear_pointer (&out, g_free);

    g_setenv ("SEMINARS_TOKEN", AUTH_TOKEN, TRUE);
    g_setenv ("SEMINARS_PASSWORD", AUTH_PASSWORD, TRUE);   /* for "Locked" */
    out = run_cli (&status, "sync", path, NULL);
    g_unsetenv ("SEMINARS_TOKEN");
    g_unsetenv ("SEMINARS_PASSWORD");
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "updated  Token  +2 ~0 -0\n"));
    g_assert_null (strstr (out, AUTH_TOKEN));
    g_assert_cmpstr (fixture->authorization, ==, "Bearer " AUTH_TOKEN);
    g_clear_pointer (&out, g_free);

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "\"auth\" : \"token\""));
    g_assert_null (strstr (text, AUTH_TOKEN));
  }

  out = run_cli (&status, "feed-add", path, bad, NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_cli (&status, "sync", path, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "error  127.0.0.1  The server answered 500"));
  g_clear_pointer (&out, g_free);

  out = run_cli (&status, "feed-add", path, "ftp://example.org/x.ics", NULL);
  g_assert_cmpint (status, ==, 1);

  plan = sem_test_load_path (path);
  feed = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS)); i++)
    {
      g_autoptr(SemFeed) item = g_list_model_get_item (sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS), i);
      if (g_strcmp0 (sem_feed_get_name (item), "Commission") == 0)
        feed = SEM_ENTITY (item);
    }
  g_assert_nonnull (feed);
  g_assert_cmpuint (sem_feed_get_events (SEM_FEED (feed))->len, ==, 2);
  g_assert_cmpint (sem_feed_get_refresh_interval (SEM_FEED (feed)), ==, 30);
  g_assert_cmpstr (sem_feed_get_etag (SEM_FEED (feed)), ==, ETAG);

  sem_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/feed-sync/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/feed-sync/resolve-url", test_resolve_url);
  g_test_add_func ("/feed-sync/follow-redirect", test_follow_redirect);
  g_test_add_func ("/feed-sync/scan-refresh", test_scan_refresh);
  ADD ("etag", test_etag);
  ADD ("last-modified", test_last_modified);
  ADD ("same-body", test_same_body);
  ADD ("redirects", test_redirects);
  ADD ("redirect-errors", test_redirect_errors);
  ADD ("not-found", test_not_found);
  ADD ("auth", test_auth);
  ADD ("token", test_token);
  ADD ("gone", test_gone);
  ADD ("server-error", test_server_error);
  ADD ("timeout", test_timeout);
  ADD ("too-large", test_too_large);
  ADD ("garbage", test_garbage);
  ADD ("gzip", test_gzip);
  ADD ("bom", test_bom);
  ADD ("chunks", test_chunks);
  ADD ("webcal", test_webcal);
  ADD ("all", test_all);
  ADD ("cli", test_cli);

#undef ADD

  return g_test_run ();
}

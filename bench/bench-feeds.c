/* bench-feeds.c — feed sync against a SoupServer on loopback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-feeds 304 N    sync N feeds whose server answers 304 to each
 *   bench-feeds big MB   sync one feed of about MB megabytes (a calendar of
 *                        events with long descriptions)
 * Each prints "SECONDS MAX_RSS_KIB" of the timed part (sem_feed_sync_all);
 * `big` adds the body size in bytes and the RSS in KiB before the sync
 * starts (the server's copy of the body included), so that the growth
 * during the sync is the peak minus it. The server runs in a thread of its
 * own with its own main context; for `big` it holds the body once, which
 * the peak memory includes.
 */

#define G_LOG_DOMAIN "bench-feeds"

#include "config.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "sem-feed-sync.h"

#include "bench-common.h"

#define ETAG "\"bench\""

typedef struct
{
  GMutex      lock;
  GCond       cond;
  int         port;
  GBytes     *body;
  GMainLoop  *loop;
} Server;

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Server *self = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", ETAG);
  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), ETAG) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_STATIC,
                                    g_bytes_get_data (self->body, NULL), g_bytes_get_size (self->body));
}

static gpointer
server_thread (gpointer data)
{
  Server *self = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler_cb, self, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (server);

  g_mutex_lock (&self->lock);
  self->port = g_uri_get_port (uris->data);
  self->loop = g_main_loop_new (context, FALSE);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (self->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static GBytes *
generate_calendar (gsize size)
{
  GString *text = g_string_sized_new (size + 4096);
  g_autofree char *padding = g_strnfill (300, 'x');
  guint n = 0;

  g_string_append (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//feeds//EN\r\n");
  while (text->len + 600 < size)
    {
      gint64 start = 1519113600 + (gint64) (n % 100000) * 3600;
      g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (start);
      g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (start + 1800);
      g_autofree char *dtstart = g_date_time_format (from, "%Y%m%dT%H%M%SZ");
      g_autofree char *dtend = g_date_time_format (to, "%Y%m%dT%H%M%SZ");

      g_string_append_printf (text,
                              "BEGIN:VEVENT\r\nUID:bench-%u@feeds.invalid\r\nDTSTAMP:20180101T000000Z\r\n"
                              "DTSTART:%s\r\nDTEND:%s\r\nSUMMARY:Course %u\r\n"
                              "DESCRIPTION:%s\r\nEND:VEVENT\r\n",
                              n, dtstart, dtend, n, padding);
      n++;
    }
  g_string_append (text, "END:VCALENDAR\r\n");
  return g_string_free_to_bytes (text);
}

/* The resident set now, in KiB; 0 when it cannot be read. */
static long
current_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "\nVmRSS:");
  return line != NULL ? strtol (line + 8, NULL, 10) : 0;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sem_feed_sync_all_finish (SEM_FEED_SYNC (object), result, &error);
  if (*out == NULL)
    g_error ("%s", error->message);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SemPlan) plan = sem_plan_new ();
  g_autoptr(SemFeedSync) sync = sem_feed_sync_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GThread) thread = NULL;
  Server server = { 0 };
  gboolean big;
  guint n;
  gint64 start;
  long rss_before;

  if (argc != 3 || (!g_str_equal (argv[1], "304") && !g_str_equal (argv[1], "big")))
    {
      g_printerr ("usage: bench-feeds 304 N | big MB\n");
      return 2;
    }
  big = g_str_equal (argv[1], "big");
  n = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  server.body = big ? generate_calendar ((gsize) n * 1024 * 1024 - 4096)
                    : g_bytes_new_static ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", 33);
  g_mutex_init (&server.lock);
  g_cond_init (&server.cond);
  thread = g_thread_new ("server", server_thread, &server);
  g_mutex_lock (&server.lock);
  while (server.loop == NULL)
    g_cond_wait (&server.cond, &server.lock);
  g_mutex_unlock (&server.lock);

  for (guint i = 0; i < (big ? 1 : n); i++)
    {
      g_autofree char *id = g_strdup_printf ("feed-%u", i);
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%d/feed-%u.ics", server.port, i);
      g_autoptr(SemFeed) feed = sem_feed_new (id);

      g_object_set (feed, "name", id, "url", url, "enabled", TRUE, "etag", big ? NULL : ETAG, NULL);
      sem_plan_add (plan, SEM_ENTITY (feed));
    }

  rss_before = current_rss_kib ();
  start = g_get_monotonic_time ();
  sem_feed_sync_all_async (sync, plan, NULL, done_cb, &results);
  while (results == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < results->len; i++)
    {
      SemFeedSyncResult *result = g_ptr_array_index (results, i);

      if (result->status == SEM_FEED_SYNC_FAILED ||
          result->status != (big ? SEM_FEED_SYNC_UPDATED : SEM_FEED_SYNC_UNCHANGED))
        g_error ("feed %s: %s", result->feed_id, result->error ? result->error->message : "unexpected result");
    }

  if (big)
    {
      double seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      g_print ("%.4f %ld %" G_GSIZE_FORMAT " %ld\n", seconds, usage.ru_maxrss, g_bytes_get_size (server.body),
               rss_before);
    }
  else
    bench_report (start);

  g_main_loop_quit (server.loop);
  g_thread_join (g_steal_pointer (&thread));
  g_main_loop_unref (server.loop);
  g_bytes_unref (server.body);
  return 0;
}

/* sem-feed-sync.c — pulling iCalendar feeds over HTTP into the plan
 *
 * Everything but the parse runs on the main thread with libsoup's async
 * API; the parse (and the scan for REFRESH-INTERVAL) runs in a GTask
 * worker. The body is never whole in memory: each chunk read goes into a
 * checksum and, with async writes, into an unlinked temporary file, which
 * the worker parses as a stream and turns into the feed's events. SemIcalImport does not expose the calendar's REFRESH-INTERVAL
 * or X-PUBLISHED-TTL, so sem_feed_sync_scan_refresh () reads them from the
 * first 64 KB of the body, before the first VEVENT.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-feed-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sem-external-event.h"
#include "sem-feed-sync.h"
#include "sem-ical.h"
#include "sem-ical-import.h"

#define READ_CHUNK    (64 * 1024)
#define SCAN_BYTES    (64 * 1024)

struct _SemFeedSync
{
  GObject      parent_instance;

  SoupSession *session;
  guint        timeout;
  gsize        max_bytes;
  GHashTable  *failures;   /* feed id → GUINT_TO_POINTER (count) */
  GHashTable  *refresh;    /* feed id → gint64 * seconds the feed asked for */

  SemFeedCredentialsFunc credentials_func;
  gpointer               credentials_data;
  GDestroyNotify         credentials_destroy;
};

G_DEFINE_FINAL_TYPE (SemFeedSync, sem_feed_sync, G_TYPE_OBJECT)

G_DEFINE_QUARK (sem-feed-sync-error-quark, sem_feed_sync_error)

G_DEFINE_BOXED_TYPE (SemFeedSyncResult, sem_feed_sync_result,
                     sem_feed_sync_result_copy, sem_feed_sync_result_free)

SemFeedSyncResult *
sem_feed_sync_result_copy (const SemFeedSyncResult *result)
{
  SemFeedSyncResult *copy = g_new0 (SemFeedSyncResult, 1);

  *copy = *result;
  copy->feed_id = g_strdup (result->feed_id);
  copy->error = result->error ? g_error_copy (result->error) : NULL;
  return copy;
}

void
sem_feed_sync_result_free (SemFeedSyncResult *result)
{
  if (result == NULL)
    return;
  g_free (result->feed_id);
  g_clear_error (&result->error);
  g_free (result);
}

static void
sem_feed_sync_finalize (GObject *object)
{
  SemFeedSync *self = SEM_FEED_SYNC (object);

  soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_pointer (&self->refresh, g_hash_table_unref);
  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);

  G_OBJECT_CLASS (sem_feed_sync_parent_class)->finalize (object);
}

static void
sem_feed_sync_class_init (SemFeedSyncClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sem_feed_sync_finalize;
}

static void
sem_feed_sync_init (SemFeedSync *self)
{
  self->timeout = SEM_FEED_SYNC_TIMEOUT_SECONDS;
  self->max_bytes = SEM_FEED_SYNC_MAX_BYTES;
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "max-conns", (int) (2 * SEM_FEED_SYNC_MAX_IN_FLIGHT),
                                "max-conns-per-host", (int) SEM_FEED_SYNC_MAX_IN_FLIGHT,
                                "user-agent", "sofia-seminars/" PACKAGE_VERSION " ",
                                NULL);
  soup_session_set_timeout (self->session, self->timeout);
  soup_session_set_idle_timeout (self->session, self->timeout);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->refresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * sem_feed_sync_new:
 *
 * Returns: (transfer full): a syncer with its own HTTP session
 */
SemFeedSync *
sem_feed_sync_new (void)
{
  return g_object_new (SEM_TYPE_FEED_SYNC, NULL);
}

/**
 * sem_feed_sync_set_timeout:
 *
 * Sets the connect and I/O timeout; the overall deadline of a request is
 * four times as long. For tests.
 */
void
sem_feed_sync_set_timeout (SemFeedSync *self,
                           guint        seconds)
{
  g_return_if_fail (SEM_IS_FEED_SYNC (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  soup_session_set_idle_timeout (self->session, seconds);
}

/**
 * sem_feed_sync_set_credentials_func:
 * @func: (nullable): gives a feed's user name and password, or its token
 * @destroy: (nullable): frees @data
 *
 * Sets where the credentials of a feed behind HTTP Basic authentication,
 * or the access token of one behind a bearer token, come from. Without
 * one, a 401 fails the sync.
 */
void
sem_feed_sync_set_credentials_func (SemFeedSync            *self,
                                    SemFeedCredentialsFunc  func,
                                    gpointer                data,
                                    GDestroyNotify          destroy)
{
  g_return_if_fail (SEM_IS_FEED_SYNC (self));

  if (self->credentials_destroy != NULL)
    self->credentials_destroy (self->credentials_data);
  self->credentials_func = func;
  self->credentials_data = data;
  self->credentials_destroy = destroy;
}

/**
 * sem_feed_sync_set_max_bytes:
 *
 * Sets the cap on a (decoded) body. For tests.
 */
void
sem_feed_sync_set_max_bytes (SemFeedSync *self,
                             gsize        max_bytes)
{
  g_return_if_fail (SEM_IS_FEED_SYNC (self));
  g_return_if_fail (max_bytes > 0);

  self->max_bytes = max_bytes;
}

/**
 * sem_feed_sync_get_failures:
 *
 * Returns: how many syncs of @feed failed in a row in this session
 */
guint
sem_feed_sync_get_failures (SemFeedSync *self,
                            SemFeed     *feed)
{
  g_return_val_if_fail (SEM_IS_FEED_SYNC (self), 0);
  g_return_val_if_fail (SEM_IS_FEED (feed), 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->failures, sem_entity_get_id (SEM_ENTITY (feed))));
}

/**
 * sem_feed_sync_get_refresh_seconds:
 *
 * Returns: how long to wait between two syncs of @feed that succeed: its
 *   refresh interval, or longer when the calendar's REFRESH-INTERVAL or
 *   X-PUBLISHED-TTL (clamped to 15 minutes – 24 hours) asks for it
 */
gint64
sem_feed_sync_get_refresh_seconds (SemFeedSync *self,
                                   SemFeed     *feed)
{
  int minutes;
  gint64 seconds;
  gint64 *asked;

  g_return_val_if_fail (SEM_IS_FEED_SYNC (self), 0);
  g_return_val_if_fail (SEM_IS_FEED (feed), 0);

  minutes = sem_feed_get_refresh_interval (feed);
  if (minutes <= 0)
    minutes = SEM_FEED_SYNC_DEFAULT_INTERVAL;
  seconds = (gint64) minutes * 60;

  asked = g_hash_table_lookup (self->refresh, sem_entity_get_id (SEM_ENTITY (feed)));
  if (asked != NULL)
    seconds = MAX (seconds, CLAMP (*asked, SEM_FEED_SYNC_MIN_REFRESH, SEM_FEED_SYNC_MAX_REFRESH));
  return seconds;
}

/**
 * sem_feed_sync_get_retry_delay:
 *
 * Returns: seconds until @feed should be synced again: the refresh time
 *   after a success, else interval × 2^failures, at most 24 hours
 */
gint64
sem_feed_sync_get_retry_delay (SemFeedSync *self,
                               SemFeed     *feed)
{
  gint64 delay = sem_feed_sync_get_refresh_seconds (self, feed);
  guint failures = sem_feed_sync_get_failures (self, feed);

  for (guint i = 0; i < failures && delay < SEM_FEED_SYNC_MAX_REFRESH; i++)
    delay *= 2;
  if (failures > 0)
    delay = MIN (delay, SEM_FEED_SYNC_MAX_REFRESH);
  return delay;
}

/* ---- the decisions ----------------------------------------------------- */

static gboolean
host_is_loopback (const char *host)
{
  return host != NULL &&
         (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
          g_ascii_strcasecmp (host, "localhost") == 0);
}

/**
 * sem_feed_sync_resolve_url:
 * @url: a feed's URL as the user gave it
 *
 * Returns: (transfer full) (nullable): the http or https URL to fetch
 */
char *
sem_feed_sync_resolve_url (const char  *url,
                           GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) mapped = NULL;
  const char *scheme;
  const char *to;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_URL,
                   _("“%s” is not a web address"), url);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    return g_uri_to_string (uri);
  if (g_ascii_strcasecmp (scheme, "webcals") == 0)
    to = "https";
  else if (g_ascii_strcasecmp (scheme, "webcal") == 0)
    to = host_is_loopback (g_uri_get_host (uri)) ? "http" : "https";
  else
    {
      g_set_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_URL,
                   _("“%s” is not an http, https, webcal or webcals address"), url);
      return NULL;
    }

  mapped = g_uri_build (G_URI_FLAGS_ENCODED, to, g_uri_get_userinfo (uri), g_uri_get_host (uri),
                        g_uri_get_port (uri), g_uri_get_path (uri), g_uri_get_query (uri),
                        g_uri_get_fragment (uri));
  return g_uri_to_string (mapped);
}

/**
 * sem_feed_sync_follow_redirect:
 * @from: the URL that answered with a redirect
 * @location: its Location header
 *
 * Returns: (transfer full) (nullable): the absolute URL to go to, or %NULL
 *   when it may not be followed: not http(s), or https → http
 */
char *
sem_feed_sync_follow_redirect (const char  *from,
                               const char  *location,
                               GError     **error)
{
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) target = NULL;
  const char *scheme;

  g_return_val_if_fail (from != NULL, NULL);

  base = g_uri_parse (from, G_URI_FLAGS_ENCODED, NULL);
  if (base != NULL && location != NULL)
    target = g_uri_parse_relative (base, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL)
    {
      g_set_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                   _("The server redirected to an invalid address “%s”"), location ? location : "");
      return NULL;
    }

  scheme = g_uri_get_scheme (target);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_set_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                   _("The server redirected to “%s”, which is not an http or https address"), location);
      return NULL;
    }
  if (g_ascii_strcasecmp (g_uri_get_scheme (base), "https") == 0 &&
      g_ascii_strcasecmp (scheme, "http") == 0)
    {
      g_set_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                   _("The server redirected from a secure address to an insecure one (%s); not followed"),
                   location);
      return NULL;
    }

  return g_uri_to_string (target);
}

/**
 * sem_feed_sync_scan_refresh:
 *
 * Reads REFRESH-INTERVAL (or else X-PUBLISHED-TTL) from the calendar's own
 * properties, in the first 64 KB before the first VEVENT.
 *
 * Returns: the duration in seconds, or 0 when there is none
 */
gint64
sem_feed_sync_scan_refresh (GBytes *body)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  gsize end = MIN (size, SCAN_BYTES);
  gint64 refresh = 0;
  gint64 ttl = 0;

  for (gsize at = 0; at < end;)
    {
      const char *line = data + at;
      const char *nl = memchr (line, '\n', end - at);
      gsize len = nl ? (gsize) (nl - line) : end - at;
      gint64 *target = NULL;

      at += len + 1;
      if (len > 0 && line[len - 1] == '\r')
        len--;

      if (len >= 12 && g_ascii_strncasecmp (line, "BEGIN:VEVENT", 12) == 0)
        break;
      if (len > 16 && g_ascii_strncasecmp (line, "REFRESH-INTERVAL", 16) == 0 &&
          (line[16] == ':' || line[16] == ';'))
        target = &refresh;
      else if (len > 15 && g_ascii_strncasecmp (line, "X-PUBLISHED-TTL", 15) == 0 &&
               (line[15] == ':' || line[15] == ';'))
        target = &ttl;

      if (target != NULL)
        {
          const char *colon = memchr (line, ':', len);
          g_autofree char *value = NULL;
          struct icaldurationtype duration;

          if (colon == NULL)
            continue;
          value = g_strstrip (g_strndup (colon + 1, line + len - colon - 1));
          sem_ical_lock ();
          duration = icaldurationtype_from_string (value);
          if (!icaldurationtype_is_bad_duration (duration) && !duration.is_neg)
            *target = icaldurationtype_as_int (duration);
          icalerror_clear_errno ();
          sem_ical_unlock ();
        }
    }

  return refresh > 0 ? refresh : ttl;
}

/* ---- one feed ----------------------------------------------------------- */

typedef struct
{
  SemFeedSync   *self;
  SemPlan       *plan;
  SemFeed       *feed;
  char          *url;          /* the one being fetched */
  char          *permanent;    /* where the feed moved for good, or NULL */
  gboolean       all_permanent;
  GHashTable    *visited;
  guint          hops;
  SoupMessage   *message;
  GInputStream  *stream;
  GFileIOStream *spool;        /* the body so far, in an unlinked temporary file */
  GBytes        *chunk;        /* being written to it */
  gsize          body_size;
  GChecksum     *checksum;
  char          *etag;
  char          *last_modified;
  GCancellable  *cancellable;  /* ours: the caller's, or the deadline */
  gulong         cancelled_id;
  GCancellable  *parent;
  guint          deadline_id;
  gboolean       timed_out;
  char          *authorization; /* "Basic …", "Bearer …", or NULL */
  char          *auth_origin;   /* the only scheme://host:port it is sent to */
  gboolean       asked;         /* the credentials func was called */
  gboolean       auth_sent;     /* the last request carried it */
} SyncData;

static void
sync_data_free (SyncData *data)
{
  g_clear_handle_id (&data->deadline_id, g_source_remove);
  if (data->parent != NULL)
    g_cancellable_disconnect (data->parent, data->cancelled_id);
  g_clear_object (&data->parent);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->self);
  g_clear_object (&data->plan);
  g_clear_object (&data->feed);
  g_free (data->url);
  g_free (data->permanent);
  g_clear_pointer (&data->visited, g_hash_table_unref);
  g_clear_object (&data->message);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->chunk, g_bytes_unref);
  if (data->spool != NULL && !g_io_stream_is_closed (G_IO_STREAM (data->spool)) &&
      !g_io_stream_has_pending (G_IO_STREAM (data->spool)))
    g_io_stream_close_async (G_IO_STREAM (data->spool), G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_clear_object (&data->spool);
  g_clear_pointer (&data->checksum, g_checksum_free);
  g_free (data->etag);
  g_free (data->last_modified);
  if (data->authorization != NULL)
    memset (data->authorization, 0, strlen (data->authorization));
  g_free (data->authorization);
  g_free (data->auth_origin);
  g_free (data);
}

static char *
uri_origin (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), g_uri_get_host (uri), g_uri_get_port (uri));
}

static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

/* A bearer token is one header value: nothing outside printable ASCII,
 * no spaces (RFC 6750's b64token, leniently). */
static gboolean
token_is_valid (const char *token)
{
  if (*token == '\0')
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (*p <= ' ' || *p >= 0x7f)
      return FALSE;
  return TRUE;
}

/* Asks the caller for the feed's credentials, once per sync; builds the
 * Authorization header for the URL being fetched now: Bearer for a feed
 * whose auth is a token, else Basic. */
static gboolean
ask_credentials (SyncData *data)
{
  SemFeedSync *self = data->self;
  g_autofree char *user = NULL;
  char *password = NULL;
  char *pair;
  gsize len;

  if (data->asked || self->credentials_func == NULL)
    return FALSE;
  data->asked = TRUE;

  if (sem_feed_get_effective_auth (data->feed) == SEM_FEED_AUTH_TOKEN)
    {
      gboolean valid;

      if (!self->credentials_func (data->feed, &user, &password, self->credentials_data) ||
          password == NULL)
        {
          wipe_free (password);
          return FALSE;
        }
      g_strstrip (password);
      valid = token_is_valid (password);
      if (valid)
        data->authorization = g_strconcat ("Bearer ", password, NULL);
      wipe_free (password);
      if (!valid)
        return FALSE;
      data->auth_origin = uri_origin (data->url);
      return TRUE;
    }

  if (!self->credentials_func (data->feed, &user, &password, self->credentials_data) ||
      user == NULL || password == NULL)
    {
      wipe_free (password);
      return FALSE;
    }

  pair = g_strconcat (user, ":", password, NULL);
  len = strlen (pair);
  {
    g_autofree char *encoded = g_base64_encode ((const guchar *) pair, len);

    data->authorization = g_strconcat ("Basic ", encoded, NULL);
    memset (encoded, 0, strlen (encoded));
  }
  memset (pair, 0, len);
  g_free (pair);
  memset (password, 0, strlen (password));
  g_free (password);

  data->auth_origin = uri_origin (data->url);
  return TRUE;
}

/* Closes a body we do not need, without blocking. */
static void
close_stream (GInputStream *stream)
{
  if (!g_input_stream_is_closed (stream) && !g_input_stream_has_pending (stream))
    g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
}

static void
parent_cancelled_cb (GCancellable *parent,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static gboolean
deadline_cb (gpointer user_data)
{
  SyncData *data = user_data;

  data->deadline_id = 0;
  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

static SemFeedSyncResult *
new_result (SyncData          *data,
            SemFeedSyncStatus  status)
{
  SemFeedSyncResult *result = g_new0 (SemFeedSyncResult, 1);

  result->feed_id = g_strdup (sem_entity_get_id (SEM_ENTITY (data->feed)));
  result->status = status;
  return result;
}

static void
reset_failures (SyncData *data)
{
  g_hash_table_remove (data->self->failures, sem_entity_get_id (SEM_ENTITY (data->feed)));
}

/* Ends the sync with a failure: the events stay, the error is recorded. */
static void
fail (GTask  *task,
      GError *error)
{
  SyncData *data = g_task_get_task_data (task);
  const char *id = sem_entity_get_id (SEM_ENTITY (data->feed));
  SemFeedSyncResult *result;
  g_autofree char *message = NULL;
  guint failures;

  /* Cancelled by the caller (quit): nothing to record. */
  if (g_cancellable_is_cancelled (data->parent) ||
      (!data->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (data->timed_out)
    {
      g_clear_error (&error);
      g_set_error (&error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TIMED_OUT,
                   _("The server did not answer within %u seconds"), 4 * data->self->timeout);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_clear_error (&error);
      g_set_error (&error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TIMED_OUT,
                   _("The server did not answer within %u seconds"), data->self->timeout);
    }

  failures = GPOINTER_TO_UINT (g_hash_table_lookup (data->self->failures, id)) + 1;
  g_hash_table_insert (data->self->failures, g_strdup (id), GUINT_TO_POINTER (failures));

  sem_plan_begin_group (data->plan, C_("undo action", "Sync Feed"));
  if (g_error_matches (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_GONE))
    sem_plan_set (data->plan, SEM_ENTITY (data->feed), "enabled", FALSE, NULL);
  sem_plan_set (data->plan, SEM_ENTITY (data->feed),
                "last-error", error->message,
                "last-sync", sem_plan_now (data->plan),
                NULL);
  sem_plan_end_group (data->plan);

  result = new_result (data, SEM_FEED_SYNC_FAILED);
  result->error = error;
  g_task_return_pointer (task, result, (GDestroyNotify) sem_feed_sync_result_free);
  g_object_unref (task);
}

/* Ends the sync with nothing to parse: only the validators may change. */
static void
finish_unchanged (GTask *task)
{
  SyncData *data = g_task_get_task_data (task);
  SemFeed *feed = data->feed;

  reset_failures (data);
  sem_plan_begin_group (data->plan, C_("undo action", "Sync Feed"));
  if (data->etag != NULL && g_strcmp0 (data->etag, sem_feed_get_etag (feed)) != 0)
    sem_plan_set (data->plan, SEM_ENTITY (feed), "etag", data->etag, NULL);
  if (data->last_modified != NULL &&
      g_strcmp0 (data->last_modified, sem_feed_get_http_last_modified (feed)) != 0)
    sem_plan_set (data->plan, SEM_ENTITY (feed), "http-last-modified", data->last_modified, NULL);
  if (data->permanent != NULL)
    sem_plan_set (data->plan, SEM_ENTITY (feed), "url", data->permanent, NULL);
  if (sem_feed_get_last_error (feed) != NULL)
    sem_plan_set (data->plan, SEM_ENTITY (feed), "last-error", NULL, NULL);
  sem_plan_set (data->plan, SEM_ENTITY (feed), "last-sync", sem_plan_now (data->plan), NULL);
  sem_plan_end_group (data->plan);

  g_task_return_pointer (task, new_result (data, SEM_FEED_SYNC_UNCHANGED),
                         (GDestroyNotify) sem_feed_sync_result_free);
  g_object_unref (task);
}

static char *
event_key (const char *uid,
           const char *recurrence_id)
{
  return g_strconcat (uid, "\x1f", recurrence_id ? recurrence_id : "", NULL);
}

static gboolean
external_differs (SemExternalEvent *a,
                  SemExternalEvent *b)
{
  return g_strcmp0 (sem_external_event_get_summary (a), sem_external_event_get_summary (b)) != 0 ||
         g_strcmp0 (sem_external_event_get_location (a), sem_external_event_get_location (b)) != 0 ||
         g_strcmp0 (sem_external_event_get_description (a), sem_external_event_get_description (b)) != 0 ||
         sem_external_event_get_start (a) != sem_external_event_get_start (b) ||
         sem_external_event_get_end (a) != sem_external_event_get_end (b) ||
         sem_external_event_get_all_day (a) != sem_external_event_get_all_day (b) ||
         sem_external_event_get_sequence (a) != sem_external_event_get_sequence (b);
}

typedef struct
{
  GPtrArray *events;    /* SemExternalEvent */
  gint64     refresh;
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_clear_pointer (&parsed->events, g_ptr_array_unref);
  g_free (parsed);
}

typedef struct
{
  GFileIOStream *spool;
  char          *name;
} ParseInput;

static void
parse_input_free (ParseInput *input)
{
  g_clear_object (&input->spool);
  g_free (input->name);
  g_free (input);
}

/* The feed's events from what the parser found, taking them out of
 * @parsed one at a time so that the two copies are never whole at once. */
static GPtrArray *
build_events (SemIcalImport *parsed,
              GCancellable  *cancellable)
{
  g_autoptr(GHashTable) fresh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < sem_ical_import_get_n_events (parsed); i++)
    {
      g_autoptr(SemIcalEvent) item = sem_ical_import_steal_event (parsed, i);
      char *key;

      if ((i & 0x3ff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;

      /* Cancelled occurrences are no one's busy time. */
      if (item->uid == NULL || item->start == 0 || item->status == SEM_STATUS_CANCELLED)
        continue;
      key = event_key (item->uid, item->recurrence_id);
      if (g_hash_table_contains (fresh, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (fresh, key);
      g_ptr_array_add (events, g_object_new (SEM_TYPE_EXTERNAL_EVENT,
                                             "id", item->uid,
                                             "recurrence-id", item->recurrence_id,
                                             "summary", item->summary,
                                             "location", item->location,
                                             "description", item->description,
                                             "start", item->start,
                                             "end", item->end,
                                             "all-day", (gboolean) item->all_day,
                                             "sequence", (int) CLAMP (item->sequence, 0, G_MAXINT),
                                             NULL));
    }
  return events;
}

/* Reads the spooled body as a stream: its REFRESH-INTERVAL from its start,
 * then its events, made into the feed's events here so that the main
 * thread only swaps them in. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseInput *input = task_data;
  GInputStream *stream = g_io_stream_get_input_stream (G_IO_STREAM (input->spool));
  g_autoptr(SemIcalImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = g_malloc (SCAN_BYTES);
  gsize head_size = 0;
  Parsed *parsed;

  if (!g_seekable_seek (G_SEEKABLE (input->spool), 0, G_SEEK_SET, cancellable, &error) ||
      !g_input_stream_read_all (stream, head, SCAN_BYTES, &head_size, cancellable, &error) ||
      !g_seekable_seek (G_SEEKABLE (input->spool), 0, G_SEEK_SET, cancellable, &error))
    {
      g_io_stream_close (G_IO_STREAM (input->spool), NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  import = sem_ical_import_parse_stream (stream, input->name, NULL, cancellable, &error);
  g_io_stream_close (G_IO_STREAM (input->spool), NULL, NULL);
  if (import == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  parsed = g_new0 (Parsed, 1);
  {
    g_autoptr(GBytes) start = g_bytes_new_take (g_steal_pointer (&head), head_size);

    parsed->refresh = sem_feed_sync_scan_refresh (start);
  }
  parsed->events = build_events (import, cancellable);
  g_clear_object (&import);
  if (g_task_return_error_if_cancelled (task))
    {
      parsed_free (parsed);
      return;
    }
  g_task_return_pointer (task, parsed, (GDestroyNotify) parsed_free);
}

static void
parse_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  GTask *task = user_data;
  SyncData *data = g_task_get_task_data (task);
  SemFeed *feed = data->feed;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *previous = sem_feed_get_events (feed);
  SemFeedSyncResult *result;
  Parsed *parsed;
  guint matched = 0;

  parsed = g_task_propagate_pointer (G_TASK (res), &error);
  if (parsed == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  if (parsed->refresh > 0)
    {
      gint64 *seconds = g_new (gint64, 1);

      *seconds = parsed->refresh;
      g_hash_table_insert (data->self->refresh, g_strdup (sem_entity_get_id (SEM_ENTITY (feed))), seconds);
    }
  else
    g_hash_table_remove (data->self->refresh, sem_entity_get_id (SEM_ENTITY (feed)));

  result = new_result (data, SEM_FEED_SYNC_UPDATED);

  for (guint i = 0; previous != NULL && i < previous->len; i++)
    {
      SemExternalEvent *event = g_ptr_array_index (previous, i);

      g_hash_table_insert (old, event_key (sem_entity_get_id (SEM_ENTITY (event)),
                                           sem_external_event_get_recurrence_id (event)), event);
    }

  events = g_steal_pointer (&parsed->events);
  parsed_free (parsed);
  for (guint i = 0; i < events->len; i++)
    {
      SemExternalEvent *event = g_ptr_array_index (events, i);
      g_autofree char *key = event_key (sem_entity_get_id (SEM_ENTITY (event)),
                                        sem_external_event_get_recurrence_id (event));
      SemExternalEvent *before = g_hash_table_lookup (old, key);

      if (before == NULL)
        result->added++;
      else
        {
          matched++;
          if (external_differs (before, event))
            result->changed++;
        }
    }
  result->removed = g_hash_table_size (old) - matched;

  reset_failures (data);
  sem_plan_begin_group (data->plan, C_("undo action", "Sync Feed"));
  if (data->permanent != NULL)
    sem_plan_set (data->plan, SEM_ENTITY (feed), "url", data->permanent, NULL);
  sem_plan_set (data->plan, SEM_ENTITY (feed),
                "events", events,
                "etag", data->etag,
                "http-last-modified", data->last_modified,
                "body-hash", g_checksum_get_string (data->checksum),
                "last-sync", sem_plan_now (data->plan),
                "last-error", NULL,
                NULL);
  sem_plan_end_group (data->plan);

  g_task_return_pointer (task, result, (GDestroyNotify) sem_feed_sync_result_free);
  g_object_unref (task);
}

static void
body_complete (GTask *task)
{
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GTask) parse = NULL;
  const char *hash = g_checksum_get_string (data->checksum);
  ParseInput *input;

  close_stream (data->stream);

  if (g_strcmp0 (hash, sem_feed_get_body_hash (data->feed)) == 0)
    {
      finish_unchanged (task);
      return;
    }

  input = g_new0 (ParseInput, 1);
  input->spool = g_steal_pointer (&data->spool);
  input->name = g_strdup (sem_feed_get_name (data->feed) ? sem_feed_get_name (data->feed) : data->url);
  parse = g_task_new (data->self, data->cancellable, parse_done_cb, task);
  g_task_set_source_tag (parse, body_complete);
  g_task_set_task_data (parse, input, (GDestroyNotify) parse_input_free);
  g_task_run_in_thread (parse, parse_thread);
}

static void read_cb (GObject      *object,
                     GAsyncResult *res,
                     gpointer      user_data);

/* One chunk of the body is in the spool: read the next. */
static void
write_cb (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  GTask *task = user_data;
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&data->chunk, g_bytes_unref);
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), res, NULL, &error))
    {
      close_stream (data->stream);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autoptr(GError) wrapped = g_error_new (G_IO_ERROR, error->code,
                                                   _("Could not make a temporary file for the feed: %s"),
                                                   error->message);

          g_clear_error (&error);
          error = g_steal_pointer (&wrapped);
        }
      fail (task, g_steal_pointer (&error));
      return;
    }

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize size;
  const guint8 *bytes;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), res, &error);
  if (chunk == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  bytes = g_bytes_get_data (chunk, &size);
  if (size == 0)
    {
      body_complete (task);
      return;
    }

  if (data->body_size + size > data->self->max_bytes)
    {
      g_autofree char *cap = g_format_size (data->self->max_bytes);

      close_stream (data->stream);
      fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TOO_LARGE,
                               _("The feed is larger than %s"), cap));
      return;
    }

  g_checksum_update (data->checksum, bytes, size);
  data->body_size += size;
  data->chunk = g_steal_pointer (&chunk);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (G_IO_STREAM (data->spool)),
                                   bytes, size, G_PRIORITY_DEFAULT, data->cancellable, write_cb, task);
}

/* Makes the file the body is spooled to, on a worker: created and unlinked
 * at once, so that no way the sync ends can leave it behind. */
static void
spool_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GFileIOStream) spool = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  file = g_file_new_tmp ("sofia-seminars-feed-XXXXXX.ics", &spool, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_file_delete (file, NULL, NULL);
  g_task_return_pointer (task, g_steal_pointer (&spool), g_object_unref);
}

static void
spool_cb (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  GTask *task = user_data;
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->spool = g_task_propagate_pointer (G_TASK (res), &error);
  if (data->spool == NULL)
    {
      close_stream (data->stream);
      fail (task, g_error_new (G_IO_ERROR, error->code,
                               _("Could not make a temporary file for the feed: %s"), error->message));
      return;
    }
  if (g_cancellable_set_error_if_cancelled (data->cancellable, &error))
    {
      close_stream (data->stream);
      fail (task, g_steal_pointer (&error));
      return;
    }

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, task);
}

static void send_request (GTask *task);

static char *
header_dup (SoupMessage *message,
            const char  *name)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message), name);

  return value && *value ? g_strdup (value) : NULL;
}

static void
send_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  guint status;
  goffset length;

  stream = soup_session_send_finish (SOUP_SESSION (object), res, &error);
  if (stream == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (data->message);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (soup_message_get_response_headers (data->message),
                                                           "Location");
      g_autofree char *next = NULL;

      close_stream (stream);
      next = sem_feed_sync_follow_redirect (data->url, location, &error);
      if (next == NULL)
        {
          fail (task, g_steal_pointer (&error));
          return;
        }
      if (++data->hops > SEM_FEED_SYNC_MAX_HOPS)
        {
          fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                                   _("The server redirected more than %u times"), SEM_FEED_SYNC_MAX_HOPS));
          return;
        }
      if (g_hash_table_contains (data->visited, next))
        {
          fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                                   _("The server redirected in a loop (back to %s)"), next));
          return;
        }

      /* Only a chain of permanent redirects moves the feed for good. */
      if ((status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_PERMANENT_REDIRECT) &&
          data->all_permanent)
        {
          g_free (data->permanent);
          data->permanent = g_strdup (next);
        }
      else
        data->all_permanent = FALSE;

      g_free (data->url);
      data->url = g_steal_pointer (&next);
      send_request (task);
      return;
    }

  data->etag = header_dup (data->message, "ETag");
  data->last_modified = header_dup (data->message, "Last-Modified");

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      close_stream (stream);
      finish_unchanged (task);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      gboolean sent = data->auth_sent;

      gboolean token = sem_feed_get_effective_auth (data->feed) == SEM_FEED_AUTH_TOKEN;

      close_stream (stream);
      if (!sent && ask_credentials (data))
        {
          send_request (task);
          return;
        }
      if (sent && token)
        fail (task, g_error_new_literal (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH,
                                         _("The server did not accept the access token")));
      else if (sent)
        fail (task, g_error_new_literal (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH,
                                         _("The server did not accept the user name and password")));
      else if (token)
        fail (task, g_error_new_literal (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH,
                                         _("The server asks for an access token")));
      else
        fail (task, g_error_new_literal (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH,
                                         _("The server asks for a user name and password")));
      return;
    }

  if (status == SOUP_STATUS_GONE)
    {
      close_stream (stream);
      fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_GONE,
                               _("The feed is gone (HTTP 410): it was turned off")));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      const char *reason = soup_message_get_reason_phrase (data->message);

      close_stream (stream);
      fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_HTTP,
                               /* Translators: an HTTP status, e.g. "404 Not Found" */
                               _("The server answered %u %s"), status,
                               reason ? reason : soup_status_get_phrase (status)));
      return;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (data->message));
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (data->message)) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (soup_message_get_response_headers (data->message), "Content-Encoding") == NULL &&
      length > (goffset) data->self->max_bytes)
    {
      g_autofree char *cap = g_format_size (data->self->max_bytes);

      close_stream (stream);
      fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TOO_LARGE,
                               _("The feed is larger than %s"), cap));
      return;
    }

  data->stream = g_steal_pointer (&stream);
  data->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  {
    g_autoptr(GTask) spool = g_task_new (data->self, NULL, spool_cb, task);

    g_task_set_source_tag (spool, spool_thread);
    g_task_run_in_thread (spool, spool_thread);
  }
}

static void
send_request (GTask *task)
{
  SyncData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;
  const char *etag = sem_feed_get_etag (data->feed);
  const char *last_modified = sem_feed_get_http_last_modified (data->feed);

  uri = g_uri_parse (data->url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_URL,
                               _("“%s” is not a web address"), data->url));
      return;
    }
  g_hash_table_add (data->visited, g_strdup (data->url));

  g_clear_object (&data->message);
  data->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_message_add_flags (data->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->message);
  soup_message_headers_replace (headers, "Accept", "text/calendar, */*;q=0.5");
  if (etag != NULL && *etag != '\0')
    soup_message_headers_replace (headers, "If-None-Match", etag);
  else if (last_modified != NULL && *last_modified != '\0')
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
  data->auth_sent = FALSE;
  if (data->authorization != NULL)
    {
      g_autofree char *origin = uri_origin (data->url);

      /* Never to another server a redirect led to. */
      if (g_strcmp0 (origin, data->auth_origin) == 0)
        {
          soup_message_headers_replace (headers, "Authorization", data->authorization);
          data->auth_sent = TRUE;
        }
    }

  soup_session_send_async (data->self->session, data->message, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, task);
}

/**
 * sem_feed_sync_async:
 * @feed: a feed of @plan
 *
 * Fetches @feed and, when it changed, replaces its events in @plan as one
 * undoable edit. A failure keeps the events and sets the feed's last error.
 */
void
sem_feed_sync_async (SemFeedSync         *self,
                     SemPlan             *plan,
                     SemFeed             *feed,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  GTask *task;
  SyncData *data;

  g_return_if_fail (SEM_IS_FEED_SYNC (self));
  g_return_if_fail (SEM_IS_PLAN (plan));
  g_return_if_fail (SEM_IS_FEED (feed));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_feed_sync_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (SyncData, 1);
  data->self = g_object_ref (self);
  data->plan = g_object_ref (plan);
  data->feed = g_object_ref (feed);
  data->all_permanent = TRUE;
  data->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  data->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      data->parent = g_object_ref (cancellable);
      data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (parent_cancelled_cb),
                                                  data->cancellable, NULL);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) sync_data_free);

  data->url = sem_feed_sync_resolve_url (sem_feed_get_url (feed) ? sem_feed_get_url (feed) : "", &error);
  if (data->url == NULL)
    {
      fail (task, g_steal_pointer (&error));
      return;
    }

  data->deadline_id = g_timeout_add_seconds (4 * self->timeout, deadline_cb, data);
  /* Asked before the first request; a feed without any, only after a 401. */
  if (sem_feed_get_effective_auth (feed) != SEM_FEED_AUTH_NONE)
    ask_credentials (data);
  send_request (task);
}

/**
 * sem_feed_sync_finish:
 *
 * Returns: (transfer full): what the sync did, a failure included; %NULL
 *   with @error only when it was cancelled
 */
SemFeedSyncResult *
sem_feed_sync_finish (SemFeedSync   *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- every feed --------------------------------------------------------- */

typedef struct
{
  SemPlan   *plan;
  GPtrArray *feeds;
  GPtrArray *results;
  guint      next;
  guint      pending;
  GError    *error;
} AllData;

static void
all_data_free (AllData *data)
{
  g_clear_object (&data->plan);
  g_clear_pointer (&data->feeds, g_ptr_array_unref);
  g_clear_pointer (&data->results, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static void start_next (GTask *task);

static void
all_one_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  GTask *task = user_data;
  AllData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SemFeedSyncResult *result;

  result = sem_feed_sync_finish (SEM_FEED_SYNC (object), res, &error);
  data->pending--;
  if (result == NULL)
    {
      if (data->error == NULL)
        data->error = g_steal_pointer (&error);
    }
  else
    {
      for (guint i = 0; i < data->feeds->len; i++)
        if (g_str_equal (sem_entity_get_id (g_ptr_array_index (data->feeds, i)), result->feed_id))
          {
            sem_feed_sync_result_free (g_ptr_array_index (data->results, i));
            g_ptr_array_index (data->results, i) = result;
            result = NULL;
            break;
          }
      g_clear_pointer (&result, sem_feed_sync_result_free);
    }
  start_next (task);
}

static void
start_next (GTask *task)
{
  AllData *data = g_task_get_task_data (task);
  SemFeedSync *self = g_task_get_source_object (task);

  while (data->error == NULL && data->pending < SEM_FEED_SYNC_MAX_IN_FLIGHT &&
         data->next < data->feeds->len)
    {
      data->pending++;
      sem_feed_sync_async (self, data->plan, g_ptr_array_index (data->feeds, data->next++),
                           g_task_get_cancellable (task), all_one_cb, g_object_ref (task));
    }

  if (data->pending == 0)
    {
      if (data->error != NULL)
        g_task_return_error (task, g_steal_pointer (&data->error));
      else
        g_task_return_pointer (task, g_steal_pointer (&data->results), (GDestroyNotify) g_ptr_array_unref);
    }
  g_object_unref (task);
}

/**
 * sem_feed_sync_all_async:
 *
 * Syncs every enabled feed of @plan, at most SEM_FEED_SYNC_MAX_IN_FLIGHT
 * at a time.
 */
void
sem_feed_sync_all_async (SemFeedSync         *self,
                         SemPlan             *plan,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GListModel *model;
  GTask *task;
  AllData *data;

  g_return_if_fail (SEM_IS_FEED_SYNC (self));
  g_return_if_fail (SEM_IS_PLAN (plan));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_feed_sync_all_async);

  data = g_new0 (AllData, 1);
  data->plan = g_object_ref (plan);
  data->feeds = g_ptr_array_new_with_free_func (g_object_unref);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify) sem_feed_sync_result_free);
  model = sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SemFeed) feed = g_list_model_get_item (model, i);

      if (sem_feed_get_enabled (feed))
        {
          g_ptr_array_add (data->feeds, g_object_ref (feed));
          g_ptr_array_add (data->results, NULL);
        }
    }
  g_task_set_task_data (task, data, (GDestroyNotify) all_data_free);

  /* start_next () drops one reference: this one is the caller's. */
  start_next (g_object_ref (task));
  g_object_unref (task);
}

/**
 * sem_feed_sync_all_finish:
 *
 * Returns: (transfer full) (element-type SemFeedSyncResult): one result per
 *   enabled feed, in the plan's order
 */
GPtrArray *
sem_feed_sync_all_finish (SemFeedSync   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

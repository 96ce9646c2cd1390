/* sem-feed-sync-http.c — one feed's sync over HTTP: its requests, their answers, the body
 *
 * Everything here runs on the main thread with libsoup's async API.
 * Redirects are followed here rather than by libsoup, so that each hop is
 * checked and a permanent move can be recorded. The body is never whole in
 * memory: each chunk read goes into a checksum and, with async writes, into
 * an unlinked temporary file, which sem-feed-sync-calendar.c then parses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-feed-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-feed-sync-private.h"

#define READ_CHUNK    (64 * 1024)

static void
wipe_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
sync_job_free (SemFeedSyncJob *data)
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
  wipe_free (data->authorization);
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
 * whose auth is a token, else Basic. Every copy of the secret is wiped. */
static gboolean
ask_credentials (SemFeedSyncJob *data)
{
  SemFeedSync *self = data->self;
  gboolean token = sem_feed_get_effective_auth (data->feed) == SEM_FEED_AUTH_TOKEN;
  g_autofree char *user = NULL;
  char *password = NULL;

  if (data->asked || self->credentials_func == NULL)
    return FALSE;
  data->asked = TRUE;

  if (!self->credentials_func (data->feed, &user, &password, self->credentials_data) ||
      password == NULL || (!token && user == NULL))
    {
      wipe_free (password);
      return FALSE;
    }

  if (token)
    {
      g_strstrip (password);
      if (token_is_valid (password))
        data->authorization = g_strconcat ("Bearer ", password, NULL);
    }
  else
    {
      char *pair = g_strconcat (user, ":", password, NULL);
      char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

      data->authorization = g_strconcat ("Basic ", encoded, NULL);
      wipe_free (encoded);
      wipe_free (pair);
    }
  wipe_free (password);
  if (data->authorization == NULL)
    return FALSE;

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
  SemFeedSyncJob *data = user_data;

  data->deadline_id = 0;
  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  return G_SOURCE_REMOVE;
}

/* Ends the sync because the body is over the cap, by its Content-Length
 * or by what was read of it. */
static void
fail_too_large (GTask        *task,
                GInputStream *stream)
{
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autofree char *cap = g_format_size (data->self->max_bytes);

  close_stream (stream);
  _sem_feed_sync_fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TOO_LARGE,
                                          _("The feed is larger than %s"), cap));
}

/* Ends the sync because the spool could not be made or written to; a
 * cancellation stays one, so that fail () can tell. */
static void
fail_spool (GTask  *task,
            GError *error)
{
  SemFeedSyncJob *data = g_task_get_task_data (task);

  close_stream (data->stream);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GError *wrapped = g_error_new (G_IO_ERROR, error->code,
                                     _("Could not make a temporary file for the feed: %s"),
                                     error->message);

      g_error_free (error);
      error = wrapped;
    }
  _sem_feed_sync_fail (task, error);
}

static void read_cb (GObject      *object,
                     GAsyncResult *res,
                     gpointer      user_data);

static void
read_next_chunk (GTask *task)
{
  SemFeedSyncJob *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, task);
}

/* One chunk of the body is in the spool: read the next. */
static void
write_cb (GObject      *object,
          GAsyncResult *res,
          gpointer      user_data)
{
  GTask *task = user_data;
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&data->chunk, g_bytes_unref);
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), res, NULL, &error))
    {
      fail_spool (task, g_steal_pointer (&error));
      return;
    }

  read_next_chunk (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize size;
  const guint8 *bytes;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), res, &error);
  if (chunk == NULL)
    {
      _sem_feed_sync_fail (task, g_steal_pointer (&error));
      return;
    }

  bytes = g_bytes_get_data (chunk, &size);
  if (size == 0)
    {
      close_stream (data->stream);
      _sem_feed_sync_parse_body (task);
      return;
    }

  if (data->body_size + size > data->self->max_bytes)
    {
      fail_too_large (task, data->stream);
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
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->spool = g_task_propagate_pointer (G_TASK (res), &error);
  if (data->spool == NULL)
    {
      fail_spool (task, g_steal_pointer (&error));
      return;
    }
  if (g_cancellable_set_error_if_cancelled (data->cancellable, &error))
    {
      close_stream (data->stream);
      _sem_feed_sync_fail (task, g_steal_pointer (&error));
      return;
    }

  read_next_chunk (task);
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
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  SoupMessageHeaders *headers;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (object), res, &error);
  if (stream == NULL)
    {
      _sem_feed_sync_fail (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (data->message);
  headers = soup_message_get_response_headers (data->message);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *next = NULL;

      close_stream (stream);
      next = sem_feed_sync_follow_redirect (data->url, location, &error);
      if (next == NULL)
        {
          _sem_feed_sync_fail (task, g_steal_pointer (&error));
          return;
        }
      if (++data->hops > SEM_FEED_SYNC_MAX_HOPS)
        {
          _sem_feed_sync_fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                                                  _("The server redirected more than %u times"),
                                                  SEM_FEED_SYNC_MAX_HOPS));
          return;
        }
      if (g_hash_table_contains (data->visited, next))
        {
          _sem_feed_sync_fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_REDIRECT,
                                                  _("The server redirected in a loop (back to %s)"),
                                                  next));
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
      _sem_feed_sync_finish_unchanged (task);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      gboolean sent = data->auth_sent;
      gboolean token = sem_feed_get_effective_auth (data->feed) == SEM_FEED_AUTH_TOKEN;
      const char *message;

      close_stream (stream);
      if (!sent && ask_credentials (data))
        {
          send_request (task);
          return;
        }
      if (sent)
        message = token ? _("The server did not accept the access token")
                        : _("The server did not accept the user name and password");
      else
        message = token ? _("The server asks for an access token")
                        : _("The server asks for a user name and password");
      _sem_feed_sync_fail (task, g_error_new_literal (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_AUTH,
                                                      message));
      return;
    }

  if (status == SOUP_STATUS_GONE)
    {
      close_stream (stream);
      _sem_feed_sync_fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_GONE,
                                              _("The feed is gone (HTTP 410): it was turned off")));
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      const char *reason = soup_message_get_reason_phrase (data->message);

      close_stream (stream);
      _sem_feed_sync_fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_HTTP,
                                              /* Translators: an HTTP status, e.g. "404 Not Found" */
                                              _("The server answered %u %s"), status,
                                              reason ? reason : soup_status_get_phrase (status)));
      return;
    }

  /* A compressed body's length says nothing of its size once decoded. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      soup_message_headers_get_content_length (headers) > (goffset) data->self->max_bytes)
    {
      fail_too_large (task, stream);
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
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  SoupMessageHeaders *headers;
  const char *etag = sem_feed_get_etag (data->feed);
  const char *last_modified = sem_feed_get_http_last_modified (data->feed);

  uri = g_uri_parse (data->url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      _sem_feed_sync_fail (task, g_error_new (SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_URL,
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
  SemFeedSyncJob *data;

  g_return_if_fail (SEM_IS_FEED_SYNC (self));
  g_return_if_fail (SEM_IS_PLAN (plan));
  g_return_if_fail (SEM_IS_FEED (feed));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sem_feed_sync_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (SemFeedSyncJob, 1);
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
  g_task_set_task_data (task, data, (GDestroyNotify) sync_job_free);

  data->url = sem_feed_sync_resolve_url (sem_feed_get_url (feed) ? sem_feed_get_url (feed) : "", &error);
  if (data->url == NULL)
    {
      _sem_feed_sync_fail (task, g_steal_pointer (&error));
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

/* sem-feed-sync.c — pulling iCalendar feeds over HTTP into the plan
 *
 * The syncer itself: its session and limits, when to sync a feed again
 * (refresh and back-off), the rules for URLs and redirects, and syncing
 * every feed. One feed's requests are in sem-feed-sync-http.c; its body is
 * parsed, and the sync's outcome written into the plan, in
 * sem-feed-sync-calendar.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-feed-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-feed-sync-private.h"

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

/* sem-feed-sync-calendar.c — a fetched feed turned into events, and each sync's end in the plan
 *
 * The parse (and the scan for REFRESH-INTERVAL) runs in a GTask worker that
 * reads the spooled body as a stream and makes the feed's events there, so
 * that the main thread only swaps them in. SemIcalImport does not expose
 * the calendar's REFRESH-INTERVAL or X-PUBLISHED-TTL, so
 * sem_feed_sync_scan_refresh () reads them from the first 64 KB of the
 * body, before the first VEVENT. Whichever way a sync ends, it ends here:
 * one undoable edit of the feed, and the count of failures in a row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-feed-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-external-event.h"
#include "sem-feed-sync-private.h"
#include "sem-ical.h"
#include "sem-ical-import.h"

#define SCAN_BYTES    (64 * 1024)

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

/* ---- how a sync ends ---------------------------------------------------- */

static SemFeedSyncResult *
new_result (SemFeedSyncJob    *data,
            SemFeedSyncStatus  status)
{
  SemFeedSyncResult *result = g_new0 (SemFeedSyncResult, 1);

  result->feed_id = g_strdup (sem_entity_get_id (SEM_ENTITY (data->feed)));
  result->status = status;
  return result;
}

/* Drops the reference the sync held: the task is done. */
static void
return_result (GTask             *task,
               SemFeedSyncResult *result)
{
  g_task_return_pointer (task, result, (GDestroyNotify) sem_feed_sync_result_free);
  g_object_unref (task);
}

static void
reset_failures (SemFeedSyncJob *data)
{
  g_hash_table_remove (data->self->failures, sem_entity_get_id (SEM_ENTITY (data->feed)));
}

/* Ends the sync with a failure: the events stay, the error is recorded. */
void
_sem_feed_sync_fail (GTask  *task,
                     GError *error)
{
  SemFeedSyncJob *data = g_task_get_task_data (task);
  SemFeedSyncResult *result;
  guint failures;

  /* Cancelled by the caller (quit): nothing to record. */
  if (g_cancellable_is_cancelled (data->parent) ||
      (!data->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Our own deadline, for the whole sync, is four times the session's. */
  if (data->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      guint seconds = data->timed_out ? 4 * data->self->timeout : data->self->timeout;

      g_clear_error (&error);
      g_set_error (&error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_TIMED_OUT,
                   _("The server did not answer within %u seconds"), seconds);
    }

  failures = sem_feed_sync_get_failures (data->self, data->feed) + 1;
  g_hash_table_insert (data->self->failures, g_strdup (sem_entity_get_id (SEM_ENTITY (data->feed))),
                       GUINT_TO_POINTER (failures));

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
  return_result (task, result);
}

/* Ends the sync with nothing to parse: only the validators may change. */
void
_sem_feed_sync_finish_unchanged (GTask *task)
{
  SemFeedSyncJob *data = g_task_get_task_data (task);
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

  return_result (task, new_result (data, SEM_FEED_SYNC_UNCHANGED));
}

/* ---- a changed body ------------------------------------------------------ */

static char *
event_key (const char *uid,
           const char *recurrence_id)
{
  return g_strconcat (uid, "\x1f", recurrence_id ? recurrence_id : "", NULL);
}

static char *
external_event_key (SemExternalEvent *event)
{
  return event_key (sem_entity_get_id (SEM_ENTITY (event)),
                    sem_external_event_get_recurrence_id (event));
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
  SemFeedSyncJob *data = g_task_get_task_data (task);
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
      _sem_feed_sync_fail (task, g_steal_pointer (&error));
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

      g_hash_table_insert (old, external_event_key (event), event);
    }

  events = g_steal_pointer (&parsed->events);
  parsed_free (parsed);
  for (guint i = 0; i < events->len; i++)
    {
      SemExternalEvent *event = g_ptr_array_index (events, i);
      g_autofree char *key = external_event_key (event);
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

  return_result (task, result);
}

/* The whole body is in the spool: parse it, unless it is the body that
 * was parsed last time. */
void
_sem_feed_sync_parse_body (GTask *task)
{
  SemFeedSyncJob *data = g_task_get_task_data (task);
  g_autoptr(GTask) parse = NULL;
  const char *hash = g_checksum_get_string (data->checksum);
  ParseInput *input;

  if (g_strcmp0 (hash, sem_feed_get_body_hash (data->feed)) == 0)
    {
      _sem_feed_sync_finish_unchanged (task);
      return;
    }

  input = g_new0 (ParseInput, 1);
  input->spool = g_steal_pointer (&data->spool);
  input->name = g_strdup (sem_feed_get_name (data->feed) ? sem_feed_get_name (data->feed) : data->url);
  parse = g_task_new (data->self, data->cancellable, parse_done_cb, task);
  g_task_set_source_tag (parse, _sem_feed_sync_parse_body);
  g_task_set_task_data (parse, input, (GDestroyNotify) parse_input_free);
  g_task_run_in_thread (parse, parse_thread);
}

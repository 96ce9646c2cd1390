/* sem-feed-sync-private.h — shared by the parts of the feed syncer
 *
 * sem-feed-sync.c owns the object, sem-feed-sync-http.c runs one sync's
 * requests, sem-feed-sync-calendar.c parses the body and ends the sync.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "sem-feed-sync.h"

G_BEGIN_DECLS

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

/* One sync of one feed: the task data of the GTask of sem_feed_sync_async (). */
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
} SemFeedSyncJob;

/* How a sync ends (sem-feed-sync-calendar.c). Each takes over the reference
 * the sync holds on @task and, in the end, returns its result. */
void _sem_feed_sync_fail             (GTask  *task,
                                      GError *error);
void _sem_feed_sync_finish_unchanged (GTask  *task);
void _sem_feed_sync_parse_body       (GTask  *task);

G_END_DECLS

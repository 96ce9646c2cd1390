/* sem-feed-sync.h — pulling iCalendar feeds over HTTP into the plan
 *
 * One SemFeedSync owns one SoupSession. Each sync sends a conditional GET
 * (If-None-Match with the stored ETag, else If-Modified-Since), follows
 * redirects itself (301/308 update the stored URL, 302/303/307 do not; at
 * most SEM_FEED_SYNC_MAX_HOPS, no loops, never https → http), streams the
 * body under a size cap, parses it on a worker thread and replaces the
 * feed's cached events as a whole in one undoable edit. A failed sync keeps
 * the events and records the error.
 *
 * URLs: http and https as they are; webcals → https; webcal → https, except
 * for a loopback host (127.0.0.1, ::1, localhost), where it means http.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-feed.h"
#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_FEED_SYNC_MAX_BYTES          (50u * 1024u * 1024u)
#define SEM_FEED_SYNC_TIMEOUT_SECONDS    30u
#define SEM_FEED_SYNC_MAX_HOPS           5u
#define SEM_FEED_SYNC_MAX_IN_FLIGHT      4u
#define SEM_FEED_SYNC_DEFAULT_INTERVAL   60     /* minutes, when the feed names none */
#define SEM_FEED_SYNC_MIN_REFRESH        (15 * 60)
#define SEM_FEED_SYNC_MAX_REFRESH        (24 * 60 * 60)

#define SEM_FEED_SYNC_ERROR (sem_feed_sync_error_quark ())

typedef enum
{
  SEM_FEED_SYNC_ERROR_URL,        /* not http, https, webcal or webcals */
  SEM_FEED_SYNC_ERROR_REDIRECT,   /* a loop, too many hops, https → http */
  SEM_FEED_SYNC_ERROR_HTTP,       /* a status that is not 200 or 304 */
  SEM_FEED_SYNC_ERROR_GONE,       /* 410: the feed was disabled */
  SEM_FEED_SYNC_ERROR_TOO_LARGE,  /* the body is over the cap */
  SEM_FEED_SYNC_ERROR_TIMED_OUT,  /* the overall deadline passed */
  SEM_FEED_SYNC_ERROR_AUTH,       /* 401: no credentials, or wrong ones */
} SemFeedSyncError;

typedef enum
{
  SEM_FEED_SYNC_UNCHANGED,
  SEM_FEED_SYNC_UPDATED,
  SEM_FEED_SYNC_FAILED,
} SemFeedSyncStatus;

/**
 * SemFeedSyncResult:
 *
 * What one sync of one feed did. @error is set when @status is
 * %SEM_FEED_SYNC_FAILED; its message is what the feed's last-error says.
 */
typedef struct
{
  char              *feed_id;
  SemFeedSyncStatus  status;
  guint              added;
  guint              changed;
  guint              removed;
  GError            *error;
} SemFeedSyncResult;

#define SEM_TYPE_FEED_SYNC_RESULT (sem_feed_sync_result_get_type ())

GType              sem_feed_sync_result_get_type (void) G_GNUC_CONST;
SemFeedSyncResult *sem_feed_sync_result_copy     (const SemFeedSyncResult *result);
void               sem_feed_sync_result_free     (SemFeedSyncResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SemFeedSyncResult, sem_feed_sync_result_free)

#define SEM_TYPE_FEED_SYNC (sem_feed_sync_get_type ())

G_DECLARE_FINAL_TYPE (SemFeedSync, sem_feed_sync, SEM, FEED_SYNC, GObject)

/**
 * SemFeedCredentialsFunc:
 * @feed: the feed being synced
 * @user: (out) (transfer full): the user name; not needed for a token
 * @password: (out) (transfer full): the password, or the access token when
 *   sem_feed_get_effective_auth (@feed) is %SEM_FEED_AUTH_TOKEN
 *
 * Gives the credentials for @feed's server, asked for before the request
 * when the feed authenticates (a user name, or a token), else after a 401.
 * A password goes out as HTTP Basic, a token as `Authorization: Bearer`,
 * and either only to the origin (scheme, host, port) of the URL that was
 * being fetched when it was asked for, never to one a redirect leads to.
 * The core keeps neither; the secret is wiped once the header is built.
 *
 * Returns: %TRUE when @password (and, for Basic, @user) were set
 */
typedef gboolean (*SemFeedCredentialsFunc) (SemFeed   *feed,
                                            char     **user,
                                            char     **password,
                                            gpointer   data);

GQuark             sem_feed_sync_error_quark     (void);

SemFeedSync       *sem_feed_sync_new             (void);

void               sem_feed_sync_async           (SemFeedSync          *self,
                                                  SemPlan              *plan,
                                                  SemFeed              *feed,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
SemFeedSyncResult *sem_feed_sync_finish          (SemFeedSync          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
void               sem_feed_sync_all_async       (SemFeedSync          *self,
                                                  SemPlan              *plan,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray         *sem_feed_sync_all_finish      (SemFeedSync          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

guint              sem_feed_sync_get_failures    (SemFeedSync          *self,
                                                  SemFeed              *feed);
gint64             sem_feed_sync_get_refresh_seconds (SemFeedSync      *self,
                                                  SemFeed              *feed);
gint64             sem_feed_sync_get_retry_delay (SemFeedSync          *self,
                                                  SemFeed              *feed);

void               sem_feed_sync_set_credentials_func (SemFeedSync            *self,
                                                  SemFeedCredentialsFunc  func,
                                                  gpointer                data,
                                                  GDestroyNotify          destroy);

/* For tests: shorter limits. */
void               sem_feed_sync_set_timeout     (SemFeedSync          *self,
                                                  guint                 seconds);
void               sem_feed_sync_set_max_bytes   (SemFeedSync          *self,
                                                  gsize                 max_bytes);

/* The decisions, on their own. */
char              *sem_feed_sync_resolve_url     (const char           *url,
                                                  GError              **error);
char              *sem_feed_sync_follow_redirect (const char           *from,
                                                  const char           *location,
                                                  GError              **error);
gint64             sem_feed_sync_scan_refresh    (GBytes               *body);

G_END_DECLS

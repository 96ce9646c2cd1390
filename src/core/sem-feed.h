/* sem-feed.h — a partner's iCalendar feed and the events cached from it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-entity.h"

G_BEGIN_DECLS

#define SEM_TYPE_FEED (sem_feed_get_type ())

G_DECLARE_FINAL_TYPE (SemFeed, sem_feed, SEM, FEED, SemEntity)

/**
 * SemFeedAuth:
 * @SEM_FEED_AUTH_NONE: no authentication, unless the feed has a user name
 *   (files written before this field: a user name means a password)
 * @SEM_FEED_AUTH_PASSWORD: HTTP Basic, a user name and a password
 * @SEM_FEED_AUTH_TOKEN: an access token sent as `Authorization: Bearer`
 *
 * How a feed's server authenticates. The password or token itself is kept
 * in the keyring (or the environment, for the CLI), never in the plan.
 */
typedef enum
{
  SEM_FEED_AUTH_NONE,
  SEM_FEED_AUTH_PASSWORD,
  SEM_FEED_AUTH_TOKEN,
} SemFeedAuth;

#define SEM_TYPE_FEED_AUTH (sem_feed_auth_get_type ())

GType        sem_feed_auth_get_type          (void) G_GNUC_CONST;

SemFeed     *sem_feed_new                    (const char *id);
const char  *sem_feed_get_name               (SemFeed *self);
const char  *sem_feed_get_url                (SemFeed *self);
const char  *sem_feed_get_user                (SemFeed *self);
SemFeedAuth  sem_feed_get_auth               (SemFeed *self);
SemFeedAuth  sem_feed_get_effective_auth     (SemFeed *self);
const char  *sem_feed_get_colour             (SemFeed *self);
int          sem_feed_get_refresh_interval   (SemFeed *self);
gboolean     sem_feed_get_enabled            (SemFeed *self);
const char  *sem_feed_get_etag               (SemFeed *self);
const char  *sem_feed_get_http_last_modified (SemFeed *self);
const char  *sem_feed_get_body_hash          (SemFeed *self);
gint64       sem_feed_get_last_sync          (SemFeed *self);
const char  *sem_feed_get_last_error         (SemFeed *self);
GPtrArray   *sem_feed_get_events             (SemFeed *self);
const char * const *sem_feed_get_people      (SemFeed *self);
const char * const *sem_feed_get_delegations (SemFeed *self);

G_END_DECLS

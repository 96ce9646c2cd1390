/* sem-live-feed.h — each delegation's and person's calendar, served over HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_LIVE_FEED (sem_live_feed_get_type ())

G_DECLARE_FINAL_TYPE (SemLiveFeed, sem_live_feed, SEM, LIVE_FEED, GObject)

SemLiveFeed *sem_live_feed_new            (SemPlan      *plan,
                                           const char   *token);
SemPlan     *sem_live_feed_get_plan       (SemLiveFeed  *self);
void         sem_live_feed_set_plan       (SemLiveFeed  *self,
                                           SemPlan      *plan);
const char  *sem_live_feed_get_token      (SemLiveFeed  *self);
gboolean     sem_live_feed_listen         (SemLiveFeed  *self,
                                           guint         port,
                                           gboolean      all_interfaces,
                                           GError      **error);
guint        sem_live_feed_get_port       (SemLiveFeed  *self);
void         sem_live_feed_disconnect     (SemLiveFeed  *self);
char        *sem_live_feed_dup_url        (SemLiveFeed  *self,
                                           const char   *kind,
                                           const char   *id);

G_END_DECLS

/* sem-feeds-dialog.h — the plan's calendar subscriptions: add, edit, refresh, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-feed.h"
#include "sem-window.h"

G_BEGIN_DECLS

#define SEM_TYPE_FEEDS_DIALOG (sem_feeds_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SemFeedsDialog, sem_feeds_dialog, SEM, FEEDS_DIALOG, AdwWindow)

SemFeedsDialog *sem_feeds_dialog_new          (SemWindow       *window);
SemFeed        *sem_feeds_dialog_add_feed     (SemFeedsDialog  *self,
                                               const char      *name,
                                               const char      *url,
                                               const char      *person_id,
                                               const char      *delegation_id,
                                               GError         **error);
void            sem_feeds_dialog_refresh_feed (SemFeedsDialog  *self,
                                               const char      *feed_id);
void            sem_feeds_dialog_refresh_all  (SemFeedsDialog  *self);
void            sem_feeds_dialog_update       (SemFeedsDialog  *self);
const char     *sem_feeds_dialog_get_status   (SemFeedsDialog  *self,
                                               const char      *feed_id,
                                               gboolean        *is_error);

G_END_DECLS

/* sem-publish-dialog.h — publishing an event's sessions to a CalDAV server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_PUBLISH_DIALOG (sem_publish_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SemPublishDialog, sem_publish_dialog, SEM, PUBLISH_DIALOG, AdwWindow)

SemPublishDialog *sem_publish_dialog_new      (GtkWindow        *parent,
                                               SemPlan          *plan,
                                               const char       *event_id,
                                               const char       *lang,
                                               GHashTable       *remembered);
void              sem_publish_dialog_publish  (SemPublishDialog *self,
                                               const char       *url,
                                               const char       *user,
                                               const char       *password);
gboolean          sem_publish_dialog_get_busy (SemPublishDialog *self);

G_END_DECLS

/* sem-window-private.h — what the window's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-window.h"

G_BEGIN_DECLS

const char         *sem_window_ui_language        (void);
SemPlan            *sem_window_get_plan           (SemWindow   *self);
GTimeZone          *sem_window_get_event_timezone (SemWindow   *self);
const char         *sem_window_get_language       (SemWindow   *self);

/* sem-window-rows.c */
char               *sem_format_date_range         (const char  *start_date,
                                                   const char  *end_date);
GtkWidget          *sem_event_row_new             (SemWindow   *self,
                                                   SemEvent    *event);
void                sem_event_row_header_cb       (GtkListBoxRow *row,
                                                   GtkListBoxRow *before,
                                                   gpointer       user_data);
GtkListItemFactory *sem_session_factory_new       (SemWindow   *self);

G_END_DECLS

/* sem-window.h — the main window: a plan's events and their sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-application.h"
#include "sem-document.h"

G_BEGIN_DECLS

#define SEM_TYPE_WINDOW (sem_window_get_type ())

G_DECLARE_FINAL_TYPE (SemWindow, sem_window, SEM, WINDOW, AdwApplicationWindow)

SemWindow   *sem_window_new               (SemApplication *app);
SemDocument *sem_window_get_document      (SemWindow      *self);
void         sem_window_set_document      (SemWindow      *self,
                                           SemDocument    *document);
void         sem_window_open_file         (SemWindow      *self,
                                           GFile          *file);
void         sem_window_select_event      (SemWindow      *self,
                                           const char     *event_id);
const char  *sem_window_get_selected_event (SemWindow     *self);
void         sem_window_show_page         (SemWindow      *self,
                                           const char     *name);
const char  *sem_window_get_page          (SemWindow      *self);
GtkWindow   *sem_window_get_shortcuts_window (SemWindow    *self);
void         sem_window_import_file       (SemWindow      *self,
                                           GFile          *file);
gboolean     sem_window_get_live_feed     (SemWindow      *self);
void         sem_window_set_live_feed     (SemWindow      *self,
                                           gboolean        live_feed);
char        *sem_window_dup_live_url      (SemWindow      *self,
                                           const char     *kind,
                                           const char     *id);

G_END_DECLS

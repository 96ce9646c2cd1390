/* sem-sidebar-model.h — the window's sidebar: events under their programmes' headings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SEM_TYPE_SIDEBAR_HEADING (sem_sidebar_heading_get_type ())

G_DECLARE_FINAL_TYPE (SemSidebarHeading, sem_sidebar_heading, SEM, SIDEBAR_HEADING, GObject)

const char *sem_sidebar_heading_get_programme (SemSidebarHeading *self);

#define SEM_TYPE_SIDEBAR_MODEL (sem_sidebar_model_get_type ())

G_DECLARE_FINAL_TYPE (SemSidebarModel, sem_sidebar_model, SEM, SIDEBAR_MODEL, GObject)

SemSidebarModel *sem_sidebar_model_new          (GListModel      *events);
guint            sem_sidebar_model_find_event   (SemSidebarModel *self,
                                                 const char      *event_id);

G_END_DECLS

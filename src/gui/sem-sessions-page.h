/* sem-sessions-page.h — the chosen event's sessions as a sortable, searchable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-conflict-list.h"
#include "sem-event-page.h"

G_BEGIN_DECLS

#define SEM_TYPE_SESSIONS_PAGE (sem_sessions_page_get_type ())

G_DECLARE_FINAL_TYPE (SemSessionsPage, sem_sessions_page, SEM, SESSIONS_PAGE, SemEventPage)

GtkWidget       *sem_sessions_page_new             (void);
SemConflictList *sem_sessions_page_get_conflicts   (SemSessionsPage    *self);
void             sem_sessions_page_set_conflicts   (SemSessionsPage    *self,
                                                    SemConflictList    *conflicts);
void             sem_sessions_page_select_sessions (SemSessionsPage    *self,
                                                    const char * const *session_ids);
void             sem_sessions_page_focus_search    (SemSessionsPage    *self);
guint            sem_sessions_page_get_n_shown     (SemSessionsPage    *self);

G_END_DECLS

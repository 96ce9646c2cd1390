/* sem-conflict-list.h — the window's conflicts: a count in the header bar and a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-conflict.h"

G_BEGIN_DECLS

#define SEM_TYPE_CONFLICT_LIST (sem_conflict_list_get_type ())

G_DECLARE_FINAL_TYPE (SemConflictList, sem_conflict_list, SEM, CONFLICT_LIST, GtkWidget)

GtkWidget  *sem_conflict_list_new                  (void);
SemPlan    *sem_conflict_list_get_plan             (SemConflictList *self);
void        sem_conflict_list_set_plan             (SemConflictList *self,
                                                    SemPlan         *plan);
const char *sem_conflict_list_get_event_id         (SemConflictList *self);
void        sem_conflict_list_set_event_id         (SemConflictList *self,
                                                    const char      *event_id);
int         sem_conflict_list_get_travel_buffer    (SemConflictList *self);
void        sem_conflict_list_set_travel_buffer    (SemConflictList *self,
                                                    int              minutes);
const char *sem_conflict_list_get_language         (SemConflictList *self);
void        sem_conflict_list_set_language         (SemConflictList *self,
                                                    const char      *lang);
GListModel *sem_conflict_list_get_conflicts        (SemConflictList *self);
guint       sem_conflict_list_get_n_problems       (SemConflictList *self);
gboolean    sem_conflict_list_get_session_severity (SemConflictList     *self,
                                                    const char          *session_id,
                                                    SemConflictSeverity *severity);
const char *sem_conflict_list_get_summary          (SemConflictList *self);
GtkListItemFactory *sem_conflict_list_create_factory (SemConflictList *self);
void        sem_conflict_list_activate             (SemConflictList *self,
                                                    SemConflict     *conflict);
void        sem_conflict_list_refresh              (SemConflictList *self);
void        sem_conflict_list_popup                (SemConflictList *self);
void        sem_conflict_list_popdown              (SemConflictList *self);

G_END_DECLS

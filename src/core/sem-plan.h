/* sem-plan.h — the plan: every collection, the id index and the edit history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sem-types.h"
#include "sem-entity.h"
#include "sem-history.h"

G_BEGIN_DECLS

#define SEM_TYPE_PLAN (sem_plan_get_type ())

G_DECLARE_FINAL_TYPE (SemPlan, sem_plan, SEM, PLAN, GObject)

/**
 * SemClockFunc:
 *
 * Returns: the current time in Unix seconds, UTC
 */
typedef gint64 (*SemClockFunc) (gpointer user_data);

SemPlan       *sem_plan_new                 (void);

GListModel    *sem_plan_get_collection      (SemPlan        *self,
                                             SemCollection   collection);
GListModel    *sem_plan_get_tombstones      (SemPlan        *self);
SemEntity     *sem_plan_lookup              (SemPlan        *self,
                                             SemCollection   collection,
                                             const char     *id);
SemHistory    *sem_plan_get_history         (SemPlan        *self);
const char    *sem_plan_get_uid_domain      (SemPlan        *self);
void           sem_plan_set_uid_domain      (SemPlan        *self,
                                             const char     *uid_domain);

gboolean       sem_plan_get_conflict_accepted (SemPlan      *self,
                                               const char   *id);
void           sem_plan_set_conflict_accepted (SemPlan      *self,
                                               const char   *id,
                                               gboolean      accepted);
GStrv          sem_plan_dup_accepted_conflicts (SemPlan     *self);

void           sem_plan_set_clock           (SemPlan        *self,
                                             SemClockFunc    func,
                                             gpointer        user_data);
gint64         sem_plan_now                 (SemPlan        *self);

/* Edits: each is an undoable command recorded in the history. */
void           sem_plan_set_property        (SemPlan        *self,
                                             SemEntity      *entity,
                                             const char     *property,
                                             const GValue   *value);
void           sem_plan_set                 (SemPlan        *self,
                                             SemEntity      *entity,
                                             const char     *first_property,
                                             ...) G_GNUC_NULL_TERMINATED;
void           sem_plan_add                 (SemPlan        *self,
                                             SemEntity      *entity);
void           sem_plan_add_all             (SemPlan        *self,
                                             GPtrArray      *entities);
void           sem_plan_remove              (SemPlan        *self,
                                             SemEntity      *entity);
void           sem_plan_begin_group         (SemPlan        *self,
                                             const char     *label);
void           sem_plan_end_group           (SemPlan        *self);
gboolean       sem_plan_undo                (SemPlan        *self);
gboolean       sem_plan_redo                (SemPlan        *self);

char          *sem_plan_new_id              (SemPlan        *self,
                                             SemCollection   collection,
                                             const char     *prefix);

SemCollection  sem_collection_for_type      (GType           type);
GType          sem_collection_get_item_type (SemCollection   collection);
const char    *sem_collection_get_name      (SemCollection   collection);
SemCollection  sem_collection_from_name     (const char     *name);

G_END_DECLS

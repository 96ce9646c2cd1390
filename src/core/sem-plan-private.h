/* sem-plan-private.h — for the plan's close collaborators: commands and codec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sem-plan.h"
#include "sem-tombstone.h"

G_BEGIN_DECLS

/* Raw changes, no history: commands and the loader call these. */
void          sem_plan_insert_internal     (SemPlan       *self,
                                            SemEntity     *entity,
                                            guint          position);
guint         sem_plan_remove_internal     (SemPlan       *self,
                                            SemEntity     *entity);
void          sem_plan_splice_loaded       (SemPlan       *self,
                                            SemCollection  collection,
                                            GPtrArray     *entities);
void          sem_plan_add_tombstone       (SemPlan       *self,
                                            SemTombstone  *tombstone);
void          sem_plan_remove_tombstone    (SemPlan       *self,
                                            SemTombstone  *tombstone);
SemTombstone *sem_plan_find_tombstone      (SemPlan       *self,
                                            const char    *id);
gboolean      sem_plan_mark_conflict_accepted (SemPlan    *self,
                                            const char    *id,
                                            gboolean       accepted);

G_END_DECLS

/* sem-command.h — one undoable edit of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sem-types.h"

G_BEGIN_DECLS

#define SEM_TYPE_COMMAND (sem_command_get_type ())

G_DECLARE_FINAL_TYPE (SemCommand, sem_command, SEM, COMMAND, GObject)

SemCommand *sem_command_new_set     (SemEntity    *entity,
                                     GParamSpec   *pspec,
                                     const GValue *value);
SemCommand *sem_command_new_add     (SemEntity    *entity);
SemCommand *sem_command_new_add_all (GPtrArray    *entities);
SemCommand *sem_command_new_remove  (SemPlan      *plan,
                                     SemEntity    *entity);
SemCommand *sem_command_new_group   (const char   *label);
SemCommand *sem_command_new_accept  (const char   *conflict_id,
                                     gboolean      accepted);

void        sem_command_append      (SemCommand   *group,
                                     SemCommand   *child);
guint       sem_command_get_n_children (SemCommand *self);
const char *sem_command_get_label   (SemCommand   *self);
void        sem_command_set_label   (SemCommand   *self,
                                     const char   *label);
void        sem_command_apply       (SemCommand   *self,
                                     SemPlan      *plan);
void        sem_command_revert      (SemCommand   *self,
                                     SemPlan      *plan);

G_END_DECLS

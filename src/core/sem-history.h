/* sem-history.h — the undo and redo stacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sem-types.h"

G_BEGIN_DECLS

#define SEM_TYPE_HISTORY (sem_history_get_type ())

G_DECLARE_FINAL_TYPE (SemHistory, sem_history, SEM, HISTORY, GObject)

SemHistory *sem_history_new            (void);
void        sem_history_push           (SemHistory *self,
                                        SemCommand *command);
SemCommand *sem_history_take_undo      (SemHistory *self);
SemCommand *sem_history_take_redo      (SemHistory *self);
gboolean    sem_history_get_can_undo   (SemHistory *self);
gboolean    sem_history_get_can_redo   (SemHistory *self);
const char *sem_history_get_undo_label (SemHistory *self);
const char *sem_history_get_redo_label (SemHistory *self);
void        sem_history_clear          (SemHistory *self);

G_END_DECLS

/* sem-entity-editor.h — a window that edits or creates any plan entity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sem-plan.h"

G_BEGIN_DECLS

#define SEM_TYPE_ENTITY_EDITOR (sem_entity_editor_get_type ())

G_DECLARE_FINAL_TYPE (SemEntityEditor, sem_entity_editor, SEM, ENTITY_EDITOR, AdwWindow)

/* Edits @entity, an entity of @plan. Nothing reaches the plan until Save,
 * which applies every changed field in one undoable step. */
SemEntityEditor *sem_entity_editor_new_edit   (GtkWindow      *parent,
                                               SemPlan        *plan,
                                               SemEntity      *entity);
/* Creates an entity of @collection. @defaults (nullable) is an entity not
 * in the plan whose fields are the starting values (a session's event,
 * start, end and room, say); Save adds a copy with a new id. */
SemEntityEditor *sem_entity_editor_new_create (GtkWindow      *parent,
                                               SemPlan        *plan,
                                               SemCollection   collection,
                                               SemEntity      *defaults);
/* The entity being edited; after a Save that created one, the new entity. */
SemEntity       *sem_entity_editor_get_entity (SemEntityEditor *self);

G_END_DECLS

/* sem-history.c — the undo and redo stacks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-history"

#include "config.h"

#include "sem-command.h"
#include "sem-history.h"

/* Past this many steps the oldest are forgotten, so memory stays bounded. */
#define MAX_UNDO 500

struct _SemHistory
{
  GObject    parent_instance;

  GPtrArray *undo;
  GPtrArray *redo;
};

G_DEFINE_FINAL_TYPE (SemHistory, sem_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sem_history_finalize (GObject *object)
{
  SemHistory *self = SEM_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (sem_history_parent_class)->finalize (object);
}

static void
sem_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SemHistory *self = SEM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sem_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sem_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sem_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sem_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_history_class_init (SemHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sem_history_finalize;
  object_class->get_property = sem_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sem_history_init (SemHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

SemHistory *
sem_history_new (void)
{
  return g_object_new (SEM_TYPE_HISTORY, NULL);
}

/* Notifies whatever the change to the stacks made different. */
static void
stacks_changed (SemHistory *self,
                gboolean    could_undo,
                gboolean    could_redo)
{
  if (could_undo != sem_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != sem_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/**
 * sem_history_push:
 * @command: (transfer none): a command that has just been applied
 *
 * Records @command as the next to undo; what could be redone is forgotten.
 */
void
sem_history_push (SemHistory *self,
                  SemCommand *command)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (SEM_IS_HISTORY (self));
  g_return_if_fail (SEM_IS_COMMAND (command));

  could_undo = sem_history_get_can_undo (self);
  could_redo = sem_history_get_can_redo (self);

  g_ptr_array_set_size (self->redo, 0);
  g_ptr_array_add (self->undo, g_object_ref (command));
  if (self->undo->len > MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);

  stacks_changed (self, could_undo, could_redo);
}

static SemCommand *
move_top (SemHistory *self,
          GPtrArray  *from,
          GPtrArray  *to)
{
  gboolean could_undo = sem_history_get_can_undo (self);
  gboolean could_redo = sem_history_get_can_redo (self);
  SemCommand *command;

  if (from->len == 0)
    return NULL;

  command = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, command);
  stacks_changed (self, could_undo, could_redo);

  return command;
}

/**
 * sem_history_take_undo:
 *
 * Moves the command to undo onto the redo stack.
 *
 * Returns: (transfer none) (nullable): the command to revert
 */
SemCommand *
sem_history_take_undo (SemHistory *self)
{
  g_return_val_if_fail (SEM_IS_HISTORY (self), NULL);

  return move_top (self, self->undo, self->redo);
}

/**
 * sem_history_take_redo:
 *
 * Moves the command to redo back onto the undo stack.
 *
 * Returns: (transfer none) (nullable): the command to apply again
 */
SemCommand *
sem_history_take_redo (SemHistory *self)
{
  g_return_val_if_fail (SEM_IS_HISTORY (self), NULL);

  return move_top (self, self->redo, self->undo);
}

gboolean
sem_history_get_can_undo (SemHistory *self)
{
  g_return_val_if_fail (SEM_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
sem_history_get_can_redo (SemHistory *self)
{
  g_return_val_if_fail (SEM_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * sem_history_get_undo_label:
 *
 * Returns: (transfer none) (nullable): what undo would take back, for people
 */
const char *
sem_history_get_undo_label (SemHistory *self)
{
  g_return_val_if_fail (SEM_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;
  return sem_command_get_label (g_ptr_array_index (self->undo, self->undo->len - 1));
}

/**
 * sem_history_get_redo_label:
 *
 * Returns: (transfer none) (nullable): what redo would do again, for people
 */
const char *
sem_history_get_redo_label (SemHistory *self)
{
  g_return_val_if_fail (SEM_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;
  return sem_command_get_label (g_ptr_array_index (self->redo, self->redo->len - 1));
}

void
sem_history_clear (SemHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (SEM_IS_HISTORY (self));

  could_undo = sem_history_get_can_undo (self);
  could_redo = sem_history_get_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  stacks_changed (self, could_undo, could_redo);
}

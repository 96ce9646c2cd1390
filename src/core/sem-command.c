/* sem-command.c — one undoable edit of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-command"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-command.h"
#include "sem-entity-private.h"
#include "sem-plan-private.h"
#include "sem-scope.h"
#include "sem-session.h"

typedef enum
{
  COMMAND_SET,
  COMMAND_ADD,
  COMMAND_ADD_ALL,
  COMMAND_REMOVE,
  COMMAND_GROUP,
  COMMAND_ACCEPT,
} CommandKind;

struct _SemCommand
{
  GObject       parent_instance;

  CommandKind   kind;
  char         *label;
  SemEntity    *entity;

  /* COMMAND_SET */
  GParamSpec   *pspec;
  GValue        old_value;
  GValue        new_value;

  /* COMMAND_REMOVE: where the entity stood, and its tombstone if a session */
  guint         position;
  SemTombstone *tombstone;

  /* COMMAND_GROUP; COMMAND_ADD_ALL: the entities */
  GPtrArray    *children;

  /* COMMAND_ACCEPT: a warning, and whether it becomes accepted */
  char         *conflict_id;
  gboolean      accepted;
};

G_DEFINE_FINAL_TYPE (SemCommand, sem_command, G_TYPE_OBJECT)

static void
sem_command_finalize (GObject *object)
{
  SemCommand *self = SEM_COMMAND (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->entity);
  g_clear_object (&self->tombstone);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->conflict_id, g_free);
  if (G_IS_VALUE (&self->old_value))
    g_value_unset (&self->old_value);
  if (G_IS_VALUE (&self->new_value))
    g_value_unset (&self->new_value);

  G_OBJECT_CLASS (sem_command_parent_class)->finalize (object);
}

static void
sem_command_class_init (SemCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sem_command_finalize;
}

static void
sem_command_init (SemCommand *self)
{
}

/**
 * sem_command_new_set:
 * @entity: an entity of the plan
 * @pspec: one of its field properties
 * @value: the new value
 *
 * The old value is read now, so create the command just before applying it.
 *
 * Returns: (transfer full): a command that sets @pspec of @entity to @value
 */
SemCommand *
sem_command_new_set (SemEntity    *entity,
                     GParamSpec   *pspec,
                     const GValue *value)
{
  SemCommand *self;

  g_return_val_if_fail (SEM_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (G_IS_PARAM_SPEC (pspec), NULL);

  self = g_object_new (SEM_TYPE_COMMAND, NULL);
  self->kind = COMMAND_SET;
  self->entity = g_object_ref (entity);
  self->pspec = pspec;
  self->label = g_strdup (C_("undo action", "Edit"));
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), pspec->name, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_transform (value, &self->new_value);

  return self;
}

/**
 * sem_command_new_accept:
 * @conflict_id: the id of a warning (sem_conflict_get_id())
 * @accepted: whether the command accepts it or counts it again
 *
 * Returns: (transfer full): a command that marks a warning as accepted, or not
 */
SemCommand *
sem_command_new_accept (const char *conflict_id,
                        gboolean    accepted)
{
  SemCommand *self;

  g_return_val_if_fail (conflict_id != NULL, NULL);

  self = g_object_new (SEM_TYPE_COMMAND, NULL);
  self->kind = COMMAND_ACCEPT;
  self->conflict_id = g_strdup (conflict_id);
  self->accepted = accepted;
  self->label = g_strdup (accepted ? C_("undo action", "Accept Warning")
                                   : C_("undo action", "Count Warning Again"));

  return self;
}

/**
 * sem_command_new_add:
 *
 * Returns: (transfer full): a command that adds @entity to its collection
 */
SemCommand *
sem_command_new_add (SemEntity *entity)
{
  SemCommand *self;

  g_return_val_if_fail (SEM_IS_ENTITY (entity), NULL);

  self = g_object_new (SEM_TYPE_COMMAND, NULL);
  self->kind = COMMAND_ADD;
  self->entity = g_object_ref (entity);
  self->label = g_strdup (C_("undo action", "Add"));

  return self;
}

/* What calendars will need to announce that @session is cancelled, read
 * while the plan still says who had it. */
static SemTombstone *
tombstone_for (SemPlan    *plan,
               SemSession *session)
{
  g_auto(GStrv) people = sem_scope_people_of (plan, session);
  g_auto(GStrv) delegations = sem_scope_delegations_of (plan, session);

  return g_object_new (SEM_TYPE_TOMBSTONE,
                       "id", sem_entity_get_id (SEM_ENTITY (session)),
                       "event", sem_session_get_event (session),
                       "room", sem_session_get_room (session),
                       "title-en", sem_session_get_title (session, "en"),
                       "title-bg", sem_session_get_title (session, "bg"),
                       "start", sem_session_get_start (session),
                       "end", sem_session_get_end (session),
                       "people", people,
                       "delegations", delegations,
                       NULL);
}

/**
 * sem_command_new_add_all:
 * @entities: (element-type SemEntity): new entities
 *
 * Returns: (transfer full): a command that adds @entities, a collection's
 *   worth in one splice
 */
SemCommand *
sem_command_new_add_all (GPtrArray *entities)
{
  SemCommand *self;

  g_return_val_if_fail (entities != NULL, NULL);

  self = g_object_new (SEM_TYPE_COMMAND, NULL);
  self->kind = COMMAND_ADD_ALL;
  self->label = g_strdup (C_("undo action", "Add"));
  self->children = g_ptr_array_new_full (entities->len, g_object_unref);
  for (guint i = 0; i < entities->len; i++)
    g_ptr_array_add (self->children, g_object_ref (g_ptr_array_index (entities, i)));

  return self;
}

/**
 * sem_command_new_remove:
 * @plan: the plan @entity is in, before anything refers to it less
 *
 * Returns: (transfer full): a command that removes @entity from its collection
 */
SemCommand *
sem_command_new_remove (SemPlan   *plan,
                        SemEntity *entity)
{
  SemCommand *self;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SEM_IS_ENTITY (entity), NULL);

  self = g_object_new (SEM_TYPE_COMMAND, NULL);
  self->kind = COMMAND_REMOVE;
  self->entity = g_object_ref (entity);
  self->label = g_strdup (C_("undo action", "Delete"));
  if (SEM_IS_SESSION (entity))
    self->tombstone = tombstone_for (plan, SEM_SESSION (entity));

  return self;
}

/**
 * sem_command_new_group:
 * @label: what the group does, for the Undo menu
 *
 * Returns: (transfer full): a command made of others, undone as one
 */
SemCommand *
sem_command_new_group (const char *label)
{
  SemCommand *self = g_object_new (SEM_TYPE_COMMAND, NULL);

  self->kind = COMMAND_GROUP;
  self->label = g_strdup (label);
  self->children = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

void
sem_command_append (SemCommand *group,
                    SemCommand *child)
{
  g_return_if_fail (SEM_IS_COMMAND (group));
  g_return_if_fail (group->kind == COMMAND_GROUP);
  g_return_if_fail (SEM_IS_COMMAND (child));

  g_ptr_array_add (group->children, g_object_ref (child));
}

guint
sem_command_get_n_children (SemCommand *self)
{
  g_return_val_if_fail (SEM_IS_COMMAND (self), 0);

  return self->kind == COMMAND_GROUP ? self->children->len : 0;
}

/**
 * sem_command_get_label:
 *
 * Returns: (transfer none): what the command does, for people
 */
const char *
sem_command_get_label (SemCommand *self)
{
  g_return_val_if_fail (SEM_IS_COMMAND (self), NULL);

  return self->label;
}

void
sem_command_set_label (SemCommand *self,
                       const char *label)
{
  g_return_if_fail (SEM_IS_COMMAND (self));

  g_free (self->label);
  self->label = g_strdup (label);
}

static void
restore_after_tombstone (SemCommand *self,
                         SemPlan    *plan,
                         SemTombstone *tombstone)
{
  /* The entity comes back with a revision above its tombstone's, so every
   * calendar that saw the cancellation takes the session back. */
  sem_entity_set_stamp (self->entity,
                        sem_entity_get_revision (SEM_ENTITY (tombstone)) + 1,
                        sem_plan_now (plan));
  sem_plan_remove_tombstone (plan, tombstone);
}

static void
add_entity (SemCommand *self,
            SemPlan    *plan,
            guint       position)
{
  SemTombstone *tombstone = sem_plan_find_tombstone (plan, sem_entity_get_id (self->entity));

  sem_plan_insert_internal (plan, self->entity, position);
  if (SEM_IS_SESSION (self->entity) && tombstone != NULL)
    restore_after_tombstone (self, plan, tombstone);
  else
    sem_entity_touch (self->entity, sem_plan_now (plan));
}

/* Appends the entities, one splice per collection, stamped as add_entity ()
 * stamps one. */
static void
add_entities (SemCommand *self,
              SemPlan    *plan)
{
  gint64 now = sem_plan_now (plan);

  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();

      for (guint i = 0; i < self->children->len; i++)
        {
          SemEntity *entity = g_ptr_array_index (self->children, i);
          SemTombstone *tombstone;

          if (sem_collection_for_type (G_OBJECT_TYPE (entity)) != c)
            continue;
          tombstone = c == SEM_COLLECTION_SESSIONS
                      ? sem_plan_find_tombstone (plan, sem_entity_get_id (entity))
                      : NULL;
          if (tombstone != NULL)
            {
              sem_entity_set_stamp (entity, sem_entity_get_revision (SEM_ENTITY (tombstone)) + 1, now);
              sem_plan_remove_tombstone (plan, tombstone);
            }
          else
            sem_entity_touch (entity, now);
          g_ptr_array_add (batch, entity);
        }

      if (batch->len > 0)
        sem_plan_splice_loaded (plan, c, batch);
    }
}

static void
remove_entity (SemCommand *self,
               SemPlan    *plan)
{
  gint64 now = sem_plan_now (plan);

  self->position = sem_plan_remove_internal (plan, self->entity);

  if (self->tombstone != NULL)
    {
      g_object_set (self->tombstone, "deleted", now, NULL);
      sem_entity_set_stamp (SEM_ENTITY (self->tombstone),
                            sem_entity_get_revision (self->entity) + 1, now);
      sem_plan_add_tombstone (plan, self->tombstone);
    }
}

/**
 * sem_command_apply:
 *
 * Does the command (again); every entity it changes is touched.
 */
void
sem_command_apply (SemCommand *self,
                   SemPlan    *plan)
{
  g_return_if_fail (SEM_IS_COMMAND (self));
  g_return_if_fail (SEM_IS_PLAN (plan));

  switch (self->kind)
    {
    case COMMAND_SET:
      g_object_set_property (G_OBJECT (self->entity), self->pspec->name, &self->new_value);
      sem_entity_touch (self->entity, sem_plan_now (plan));
      break;
    case COMMAND_ADD:
      add_entity (self, plan, G_MAXUINT);
      break;
    case COMMAND_ADD_ALL:
      add_entities (self, plan);
      break;
    case COMMAND_REMOVE:
      remove_entity (self, plan);
      break;
    case COMMAND_GROUP:
      for (guint i = 0; i < self->children->len; i++)
        sem_command_apply (g_ptr_array_index (self->children, i), plan);
      break;
    case COMMAND_ACCEPT:
      sem_plan_mark_conflict_accepted (plan, self->conflict_id, self->accepted);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * sem_command_revert:
 *
 * Undoes the command. The values come back exactly; the revisions still grow.
 */
void
sem_command_revert (SemCommand *self,
                    SemPlan    *plan)
{
  g_return_if_fail (SEM_IS_COMMAND (self));
  g_return_if_fail (SEM_IS_PLAN (plan));

  switch (self->kind)
    {
    case COMMAND_SET:
      g_object_set_property (G_OBJECT (self->entity), self->pspec->name, &self->old_value);
      sem_entity_touch (self->entity, sem_plan_now (plan));
      break;
    case COMMAND_ADD:
      sem_plan_remove_internal (plan, self->entity);
      break;
    case COMMAND_ADD_ALL:
      for (guint i = self->children->len; i > 0; i--)
        sem_plan_remove_internal (plan, g_ptr_array_index (self->children, i - 1));
      break;
    case COMMAND_REMOVE:
      add_entity (self, plan, self->position);
      break;
    case COMMAND_GROUP:
      for (guint i = self->children->len; i > 0; i--)
        sem_command_revert (g_ptr_array_index (self->children, i - 1), plan);
      break;
    case COMMAND_ACCEPT:
      sem_plan_mark_conflict_accepted (plan, self->conflict_id, !self->accepted);
      break;
    default:
      g_assert_not_reached ();
    }
}

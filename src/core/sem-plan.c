/* sem-plan.c — the plan: every collection, the id index and the edit history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>
#include <stdlib.h>
#include <string.h>

#include "sem-city.h"
#include "sem-command.h"
#include "sem-delegation.h"
#include "sem-entity-private.h"
#include "sem-event.h"
#include "sem-feed.h"
#include "sem-person.h"
#include "sem-plan-codec.h"
#include "sem-plan-private.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-venue.h"

struct _SemPlan
{
  GObject       parent_instance;

  GListStore   *stores[SEM_N_COLLECTIONS];
  /* Held so that the field tables can be peeked at any time, even for a
   * kind of entity that was never instantiated. */
  gpointer      classes[SEM_N_COLLECTIONS];
  GHashTable   *index[SEM_N_COLLECTIONS];   /* id → SemEntity, borrowed */
  GListStore   *tombstones;
  SemHistory   *history;

  /* Open groups, innermost last; edits go into the innermost. */
  GPtrArray    *groups;

  SemClockFunc  clock;
  gpointer      clock_data;

  /* What every calendar UID of this plan ends with, e.g. "dcc.seminars.example.org" */
  char         *uid_domain;

  /* Ids of the warnings the user accepted (SemConflict ids), a set. */
  GHashTable   *accepted_conflicts;
};

G_DEFINE_FINAL_TYPE (SemPlan, sem_plan, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *name;
  GType     (*type_func) (void);
} collections[SEM_N_COLLECTIONS] = {
  [SEM_COLLECTION_PROGRAMMES]  = { "programmes", sem_programme_get_type },
  [SEM_COLLECTION_CITIES]      = { "cities", sem_city_get_type },
  [SEM_COLLECTION_VENUES]      = { "venues", sem_venue_get_type },
  [SEM_COLLECTION_ROOMS]       = { "rooms", sem_room_get_type },
  [SEM_COLLECTION_PEOPLE]      = { "people", sem_person_get_type },
  [SEM_COLLECTION_EVENTS]      = { "events", sem_event_get_type },
  [SEM_COLLECTION_SESSIONS]    = { "sessions", sem_session_get_type },
  [SEM_COLLECTION_DELEGATIONS] = { "delegations", sem_delegation_get_type },
  [SEM_COLLECTION_FEEDS]       = { "feeds", sem_feed_get_type },
};

static void
sem_plan_dispose (GObject *object)
{
  SemPlan *self = SEM_PLAN (object);

  for (guint i = 0; i < SEM_N_COLLECTIONS; i++)
    {
      g_clear_pointer (&self->index[i], g_hash_table_unref);
      g_clear_object (&self->stores[i]);
      g_clear_pointer (&self->classes[i], g_type_class_unref);
    }
  g_clear_object (&self->tombstones);
  g_clear_object (&self->history);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->uid_domain, g_free);
  g_clear_pointer (&self->accepted_conflicts, g_hash_table_unref);

  G_OBJECT_CLASS (sem_plan_parent_class)->dispose (object);
}

static void
sem_plan_class_init (SemPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sem_plan_dispose;

  /**
   * SemPlan::changed:
   *
   * Emitted once after every edit, undo or redo: the plan differs from what
   * was last saved. Loading does not emit it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
sem_plan_init (SemPlan *self)
{
  for (guint i = 0; i < SEM_N_COLLECTIONS; i++)
    {
      self->stores[i] = g_list_store_new (collections[i].type_func ());
      self->classes[i] = g_type_class_ref (collections[i].type_func ());
      self->index[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  self->tombstones = g_list_store_new (SEM_TYPE_TOMBSTONE);
  self->history = sem_history_new ();
  self->groups = g_ptr_array_new_with_free_func (g_object_unref);
  self->clock = real_clock;
  self->accepted_conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * sem_plan_new:
 *
 * Returns: (transfer full): an empty plan
 */
SemPlan *
sem_plan_new (void)
{
  return g_object_new (SEM_TYPE_PLAN, NULL);
}

/**
 * sem_plan_get_collection:
 *
 * Returns: (transfer none): the live list of one kind of entity
 */
GListModel *
sem_plan_get_collection (SemPlan       *self,
                         SemCollection  collection)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, NULL);

  return G_LIST_MODEL (self->stores[collection]);
}

/**
 * sem_plan_get_tombstones:
 *
 * Returns: (transfer none): the deleted sessions still announced as cancelled
 */
GListModel *
sem_plan_get_tombstones (SemPlan *self)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);

  return G_LIST_MODEL (self->tombstones);
}

/**
 * sem_plan_lookup:
 *
 * Returns: (transfer none) (nullable): the entity with @id in @collection
 */
SemEntity *
sem_plan_lookup (SemPlan       *self,
                 SemCollection  collection,
                 const char    *id)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->index[collection], id);
}

/**
 * sem_plan_get_history:
 *
 * Returns: (transfer none): the undo and redo stacks
 */
SemHistory *
sem_plan_get_history (SemPlan *self)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);

  return self->history;
}

/**
 * sem_plan_get_uid_domain:
 *
 * Returns: (transfer none) (nullable): what the plan's calendar UIDs end with
 */
const char *
sem_plan_get_uid_domain (SemPlan *self)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);

  return self->uid_domain;
}

/**
 * sem_plan_set_uid_domain:
 * @uid_domain: (nullable): a domain-like name, unique to this plan
 *
 * Set once when a plan is created: changing it later would make every
 * delegate's calendar see new events instead of updates.
 */
void
sem_plan_set_uid_domain (SemPlan    *self,
                         const char *uid_domain)
{
  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (uid_domain == NULL || sem_id_is_valid (uid_domain));

  g_free (self->uid_domain);
  self->uid_domain = g_strdup (uid_domain);
}

/**
 * sem_plan_get_conflict_accepted:
 * @id: the id of a conflict (sem_conflict_get_id())
 *
 * Returns: whether the user accepted the warning with @id
 */
gboolean
sem_plan_get_conflict_accepted (SemPlan    *self,
                                const char *id)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), FALSE);

  return id != NULL && g_hash_table_contains (self->accepted_conflicts, id);
}

static void execute (SemPlan    *self,
                     SemCommand *command);

/* Marks a warning without the history: the loader and commands call this.
 * Returns whether anything changed. */
gboolean
sem_plan_mark_conflict_accepted (SemPlan    *self,
                                 const char *id,
                                 gboolean    accepted)
{
  if (accepted)
    return g_hash_table_add (self->accepted_conflicts, g_strdup (id));
  return g_hash_table_remove (self->accepted_conflicts, id);
}

/**
 * sem_plan_set_conflict_accepted:
 * @id: the id of a conflict (sem_conflict_get_id())
 *
 * Marks a warning as accepted or not, as an undoable edit; the mark is saved
 * in the plan file.
 */
void
sem_plan_set_conflict_accepted (SemPlan    *self,
                                const char *id,
                                gboolean    accepted)
{
  g_autoptr(SemCommand) command = NULL;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (id != NULL && *id != '\0');

  if (sem_plan_get_conflict_accepted (self, id) == accepted)
    return;

  command = sem_command_new_accept (id, accepted);
  execute (self, command);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * sem_plan_dup_accepted_conflicts:
 *
 * Returns: (transfer full): the ids of the accepted warnings, sorted
 */
GStrv
sem_plan_dup_accepted_conflicts (SemPlan *self)
{
  guint n;
  const char **keys;
  GStrv result;

  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->accepted_conflicts, &n);
  qsort (keys, n, sizeof (char *), compare_strings);
  result = g_new (char *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = g_strdup (keys[i]);
  result[n] = NULL;
  g_free (keys);

  return result;
}

/**
 * sem_plan_set_clock:
 * @func: (nullable): where the time of an edit comes from; %NULL for the real clock
 */
void
sem_plan_set_clock (SemPlan      *self,
                    SemClockFunc  func,
                    gpointer      user_data)
{
  g_return_if_fail (SEM_IS_PLAN (self));

  self->clock = func != NULL ? func : real_clock;
  self->clock_data = user_data;
}

gint64
sem_plan_now (SemPlan *self)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), 0);

  return self->clock (self->clock_data);
}

/* Runs a fresh command and records it, in the open group if there is one. */
static void
execute (SemPlan    *self,
         SemCommand *command)
{
  sem_command_apply (command, self);

  if (self->groups->len > 0)
    {
      sem_command_append (g_ptr_array_index (self->groups, self->groups->len - 1), command);
      return;
    }

  sem_history_push (self->history, command);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* An edit must leave a plan that loads: required fields filled in and every
 * reference pointing at an entity of the plan. Breaking that is a bug in the
 * caller, not a user error, so it is refused with a critical. */
static gboolean
value_keeps_plan_valid (SemPlan            *self,
                        SemEntity          *entity,
                        GParamSpec         *pspec,
                        const GValue       *value)
{
  const SemFieldInfo *field = sem_entity_class_field_for_pspec (SEM_ENTITY_GET_CLASS (entity), pspec);

  if (field == NULL)
    return TRUE;

  if (field->kind == SEM_FIELD_TEXT && (field->flags & SEM_FIELD_REQUIRED))
    {
      const SemText *text = sem_entity_field_ptr (entity, field);
      const char *other = g_str_has_suffix (pspec->name, "-bg") ? text->en : text->bg;
      const char *s = g_value_get_string (value);

      /* One language may be empty, not both: the other one still shows. */
      if ((s == NULL || *s == '\0') && (other == NULL || *other == '\0'))
        {
          g_critical ("“%s” needs a text in at least one language", field->name);
          return FALSE;
        }
      return TRUE;
    }

  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_TEXT:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      {
        const char *s = g_value_get_string (value);

        if ((field->flags & SEM_FIELD_REQUIRED) && field->kind != SEM_FIELD_TEXT &&
            (s == NULL || *s == '\0'))
          {
            g_critical ("“%s” is required and cannot be emptied", field->name);
            return FALSE;
          }
        if (field->kind == SEM_FIELD_REF && s != NULL &&
            sem_plan_lookup (self, field->target, s) == NULL)
          {
            g_critical ("“%s” cannot refer to the missing “%s”", field->name, s);
            return FALSE;
          }
        return TRUE;
      }
    case SEM_FIELD_REFS:
      {
        char **ids = g_value_get_boxed (value);

        for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
          if (sem_plan_lookup (self, field->target, ids[i]) == NULL)
            {
              g_critical ("“%s” cannot refer to the missing “%s”", field->name, ids[i]);
              return FALSE;
            }
        return TRUE;
      }
    case SEM_FIELD_INSTANT:
      if ((field->flags & SEM_FIELD_REQUIRED) && g_value_get_int64 (value) == 0)
        {
          g_critical ("“%s” is required and cannot be emptied", field->name);
          return FALSE;
        }
      return TRUE;
    default:
      return TRUE;
    }
}

/**
 * sem_plan_set_property:
 * @entity: an entity of this plan
 * @property: the name of one of its field properties
 * @value: the new value
 *
 * Changes one field as an undoable edit. Setting the value it already has
 * records nothing.
 */
void
sem_plan_set_property (SemPlan      *self,
                       SemEntity    *entity,
                       const char   *property,
                       const GValue *value)
{
  g_autoptr(SemCommand) command = NULL;
  g_auto(GValue) current = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (SEM_IS_ENTITY (entity));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);
  g_return_if_fail (pspec != NULL && (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0);
  g_return_if_fail (pspec->owner_type != SEM_TYPE_ENTITY);
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));
  if (!value_keeps_plan_valid (self, entity, pspec, value))
    return;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (G_OBJECT (entity), property, &current);
  if (!G_VALUE_HOLDS_BOXED (value) && g_param_values_cmp (pspec, &current, value) == 0)
    return;

  command = sem_command_new_set (entity, pspec, value);
  execute (self, command);
}

/**
 * sem_plan_set:
 * @entity: an entity of this plan
 * @first_property: the first property name, then its value, and so on, %NULL-terminated
 *
 * Like g_object_set(), as one undoable edit.
 */
void
sem_plan_set (SemPlan    *self,
              SemEntity  *entity,
              const char *first_property,
              ...)
{
  va_list args;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (SEM_IS_ENTITY (entity));

  sem_plan_begin_group (self, C_("undo action", "Edit"));

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), name);

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (entity), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }
      sem_plan_set_property (self, entity, name, &value);
    }
  va_end (args);

  sem_plan_end_group (self);
}

/**
 * sem_plan_add:
 * @entity: a new entity, with an id not yet used in its collection
 *
 * Adds @entity to its collection as an undoable edit.
 */
void
sem_plan_add (SemPlan   *self,
              SemEntity *entity)
{
  g_autoptr(SemCommand) command = NULL;
  SemCollection collection;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (SEM_IS_ENTITY (entity));

  collection = sem_collection_for_type (G_OBJECT_TYPE (entity));
  g_return_if_fail (collection < SEM_N_COLLECTIONS);
  g_return_if_fail (sem_plan_lookup (self, collection, sem_entity_get_id (entity)) == NULL);

  command = sem_command_new_add (entity);
  sem_command_set_label (command, C_("undo action", "Add"));
  execute (self, command);
}

/**
 * sem_plan_add_all:
 * @entities: (element-type SemEntity): new entities, with ids not yet used
 *
 * Adds @entities as one undoable edit, each collection's in one splice so
 * that a view of it changes once, not once per entity.
 */
void
sem_plan_add_all (SemPlan   *self,
                  GPtrArray *entities)
{
  g_autoptr(SemCommand) command = NULL;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (entities != NULL);

  if (entities->len == 0)
    return;
  for (guint i = 0; i < entities->len; i++)
    {
      SemEntity *entity = g_ptr_array_index (entities, i);
      SemCollection collection = sem_collection_for_type (G_OBJECT_TYPE (entity));

      g_return_if_fail (collection < SEM_N_COLLECTIONS);
      g_return_if_fail (sem_plan_lookup (self, collection, sem_entity_get_id (entity)) == NULL);
    }

  command = sem_command_new_add_all (entities);
  execute (self, command);
}

/* Removes @id from what refers to it, or removes the referrer itself where the
 * reference is required (a session without its event makes no sense). */
static void
detach_references (SemPlan       *self,
                   SemCollection  target,
                   const char    *id)
{
  for (guint c = 0; c < SEM_N_COLLECTIONS; c++)
    {
      GListModel *model = G_LIST_MODEL (self->stores[c]);
      SemEntityClass *klass = self->classes[c];
      g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);

          for (guint f = 0; f < klass->n_fields; f++)
            {
              const SemFieldInfo *field = &klass->fields[f];
              gpointer mem = sem_entity_field_ptr (entity, field);
              GParamSpec *pspec = klass->pspecs[2 * f];

              if (field->kind == SEM_FIELD_REF && field->target == target &&
                  g_strcmp0 (*(char **) mem, id) == 0)
                {
                  if (field->flags & SEM_FIELD_REQUIRED)
                    g_ptr_array_add (doomed, g_object_ref (entity));
                  else
                    sem_plan_set (self, entity, pspec->name, NULL, NULL);
                }
              else if ((field->kind == SEM_FIELD_REFS && field->target == target) ||
                       (field->kind == SEM_FIELD_PAIRS &&
                        (field->target == target || field->target_b == target)))
                {
                  char **strv = *(char ***) mem;
                  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
                  g_auto(GStrv) result = NULL;
                  gboolean found = FALSE;

                  for (guint k = 0; strv != NULL && strv[k] != NULL; k++)
                    {
                      g_autofree char *a = NULL;
                      const char *b = NULL;
                      gboolean hit;

                      if (field->kind == SEM_FIELD_REFS)
                        hit = g_str_equal (strv[k], id);
                      else
                        hit = sem_pair_split (strv[k], &a, &b) &&
                              ((field->target == target && g_str_equal (a, id)) ||
                               (field->target_b == target && g_str_equal (b, id)));
                      if (hit)
                        found = TRUE;
                      else
                        g_strv_builder_add (kept, strv[k]);
                    }

                  if (found)
                    {
                      result = g_strv_builder_end (kept);
                      sem_plan_set (self, entity, pspec->name, result, NULL);
                    }
                }
            }
        }

      for (guint i = 0; i < doomed->len; i++)
        sem_plan_remove (self, g_ptr_array_index (doomed, i));
    }
}

/**
 * sem_plan_remove:
 * @entity: an entity of this plan
 *
 * Removes @entity as one undoable edit, together with the references to it;
 * what cannot stand without it (an event's sessions) goes too. A removed
 * session leaves a tombstone so calendars can announce the cancellation.
 */
void
sem_plan_remove (SemPlan   *self,
                 SemEntity *entity)
{
  g_autoptr(SemCommand) command = NULL;
  g_autoptr(SemEntity) hold = NULL;
  SemCollection collection;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (SEM_IS_ENTITY (entity));

  collection = sem_collection_for_type (G_OBJECT_TYPE (entity));
  g_return_if_fail (collection < SEM_N_COLLECTIONS);
  if (sem_plan_lookup (self, collection, sem_entity_get_id (entity)) != entity)
    return;

  hold = g_object_ref (entity);
  sem_plan_begin_group (self, C_("undo action", "Delete"));
  /* Made first: a session's tombstone records who had it in their calendars. */
  command = sem_command_new_remove (self, entity);
  detach_references (self, collection, sem_entity_get_id (entity));
  execute (self, command);
  sem_plan_end_group (self);
}

/**
 * sem_plan_begin_group:
 * @label: what the group does, for the Undo menu
 *
 * Edits until the matching sem_plan_end_group() are undone as one.
 */
void
sem_plan_begin_group (SemPlan    *self,
                      const char *label)
{
  g_return_if_fail (SEM_IS_PLAN (self));

  g_ptr_array_add (self->groups, sem_command_new_group (label));
}

void
sem_plan_end_group (SemPlan *self)
{
  g_autoptr(SemCommand) group = NULL;

  g_return_if_fail (SEM_IS_PLAN (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (sem_command_get_n_children (group) == 0)
    return;

  if (self->groups->len > 0)
    {
      sem_command_append (g_ptr_array_index (self->groups, self->groups->len - 1), group);
      return;
    }

  sem_history_push (self->history, group);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sem_plan_undo:
 *
 * Returns: whether there was something to undo
 */
gboolean
sem_plan_undo (SemPlan *self)
{
  SemCommand *command;

  g_return_val_if_fail (SEM_IS_PLAN (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  command = sem_history_take_undo (self->history);
  if (command == NULL)
    return FALSE;

  sem_command_revert (command, self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * sem_plan_redo:
 *
 * Returns: whether there was something to redo
 */
gboolean
sem_plan_redo (SemPlan *self)
{
  SemCommand *command;

  g_return_val_if_fail (SEM_IS_PLAN (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  command = sem_history_take_redo (self->history);
  if (command == NULL)
    return FALSE;

  sem_command_apply (command, self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/**
 * sem_plan_new_id:
 * @prefix: what the id starts with, e.g. "session"
 *
 * Returns: (transfer full): an id not used in @collection nor by a tombstone
 */
char *
sem_plan_new_id (SemPlan       *self,
                 SemCollection  collection,
                 const char    *prefix)
{
  g_return_val_if_fail (SEM_IS_PLAN (self), NULL);
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, NULL);

  for (guint n = g_hash_table_size (self->index[collection]) + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);

      if (sem_plan_lookup (self, collection, id) == NULL &&
          sem_plan_find_tombstone (self, id) == NULL)
        return g_steal_pointer (&id);
    }
}

void
sem_plan_insert_internal (SemPlan   *self,
                          SemEntity *entity,
                          guint      position)
{
  SemCollection collection = sem_collection_for_type (G_OBJECT_TYPE (entity));
  GListStore *store = self->stores[collection];

  g_assert (collection < SEM_N_COLLECTIONS);

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_hash_table_insert (self->index[collection], (char *) sem_entity_get_id (entity), entity);
  g_list_store_insert (store, position, entity);
}

guint
sem_plan_remove_internal (SemPlan   *self,
                          SemEntity *entity)
{
  SemCollection collection = sem_collection_for_type (G_OBJECT_TYPE (entity));
  GListStore *store = self->stores[collection];
  guint position = 0;

  g_assert (collection < SEM_N_COLLECTIONS);

  if (!g_list_store_find (store, entity, &position))
    g_return_val_if_reached (0);

  g_hash_table_remove (self->index[collection], sem_entity_get_id (entity));
  g_list_store_remove (store, position);

  return position;
}

/* Appends a loaded collection in one splice, so views see one change. */
void
sem_plan_splice_loaded (SemPlan       *self,
                        SemCollection  collection,
                        GPtrArray     *entities)
{
  GListStore *store = self->stores[collection];

  for (guint i = 0; i < entities->len; i++)
    {
      SemEntity *entity = g_ptr_array_index (entities, i);

      g_hash_table_insert (self->index[collection], (char *) sem_entity_get_id (entity), entity);
    }

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                       entities->pdata, entities->len);
}

void
sem_plan_add_tombstone (SemPlan      *self,
                        SemTombstone *tombstone)
{
  g_list_store_append (self->tombstones, tombstone);
}

void
sem_plan_remove_tombstone (SemPlan      *self,
                           SemTombstone *tombstone)
{
  guint position;

  if (g_list_store_find (self->tombstones, tombstone, &position))
    g_list_store_remove (self->tombstones, position);
}

SemTombstone *
sem_plan_find_tombstone (SemPlan    *self,
                         const char *id)
{
  GListModel *model = G_LIST_MODEL (self->tombstones);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemTombstone) tombstone = g_list_model_get_item (model, i);

      if (g_strcmp0 (sem_entity_get_id (SEM_ENTITY (tombstone)), id) == 0)
        return tombstone;
    }

  return NULL;
}

SemCollection
sem_collection_for_type (GType type)
{
  for (guint i = 0; i < SEM_N_COLLECTIONS; i++)
    if (collections[i].type_func () == type)
      return i;
  return SEM_COLLECTION_NONE;
}

GType
sem_collection_get_item_type (SemCollection collection)
{
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, G_TYPE_INVALID);

  return collections[collection].type_func ();
}

/**
 * sem_collection_get_name:
 *
 * Returns: (transfer none): the collection's member name in the plan file
 */
const char *
sem_collection_get_name (SemCollection collection)
{
  g_return_val_if_fail (collection < SEM_N_COLLECTIONS, NULL);

  return collections[collection].name;
}

SemCollection
sem_collection_from_name (const char *name)
{
  for (guint i = 0; i < SEM_N_COLLECTIONS; i++)
    if (g_strcmp0 (collections[i].name, name) == 0)
      return i;
  return SEM_COLLECTION_NONE;
}

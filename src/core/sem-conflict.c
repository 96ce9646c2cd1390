/* sem-conflict.c — one clash found by the conflict engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-conflict"

#include "config.h"

#include <string.h>

#include "sem-conflict-private.h"

G_DEFINE_ENUM_TYPE (SemConflictKind, sem_conflict_kind,
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_ROOM_DOUBLE_BOOKED, "room-double-booked"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_PERSON_DOUBLE_BOOKED, "person-double-booked"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_OUTSIDE_STAY, "outside-stay"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_OVER_CAPACITY, "over-capacity"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_OUTSIDE_EVENT_DATES, "outside-event-dates"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_ENDS_BEFORE_START, "ends-before-start"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_MANDATORY_MISSED, "mandatory-missed"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_BUSY_ELSEWHERE, "busy-elsewhere"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_TRAVEL_TOO_SHORT, "travel-too-short"))

G_DEFINE_ENUM_TYPE (SemConflictSeverity, sem_conflict_severity,
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_SEVERITY_ERROR, "error"))

G_DEFINE_ENUM_TYPE (SemConflictOwner, sem_conflict_owner,
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_OWNER_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (SEM_CONFLICT_OWNER_DELEGATION, "delegation"))

struct _SemConflict
{
  GObject             parent_instance;

  SemConflictKind     kind;
  char               *id;
  gboolean            accepted;
  char               *explanation;   /* NULL until first asked for… */
  SemConflictPending *pending;       /* …then written from this */
  gint64              start;
  GStrv               sessions;
  GStrv               people;
  GStrv               rooms;
  GStrv               delegations;
};

G_DEFINE_FINAL_TYPE (SemConflict, sem_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_ID,
  PROP_ACCEPTED,
  PROP_EXPLANATION,
  PROP_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sem_conflict_finalize (GObject *object)
{
  SemConflict *self = SEM_CONFLICT (object);

  g_free (self->id);
  g_free (self->explanation);
  g_clear_pointer (&self->pending, sem_conflict_pending_free);
  g_strfreev (self->sessions);
  g_strfreev (self->people);
  g_strfreev (self->rooms);
  g_strfreev (self->delegations);

  G_OBJECT_CLASS (sem_conflict_parent_class)->finalize (object);
}

static void
sem_conflict_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SemConflict *self = SEM_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, sem_conflict_get_severity (self));
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ACCEPTED:
      g_value_set_boolean (value, self->accepted);
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, sem_conflict_get_explanation (self));
      break;
    case PROP_START:
      g_value_set_int64 (value, self->start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_conflict_class_init (SemConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sem_conflict_finalize;
  object_class->get_property = sem_conflict_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, SEM_TYPE_CONFLICT_KIND, SEM_CONFLICT_ROOM_DOUBLE_BOOKED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, SEM_TYPE_CONFLICT_SEVERITY,
                       SEM_CONFLICT_SEVERITY_WARNING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_int64 ("start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sem_conflict_init (SemConflict *self)
{
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
sorted_or_empty (GStrv strv)
{
  if (strv == NULL)
    return g_new0 (char *, 1);
  if (strv[0] != NULL)
    g_qsort_with_data (strv, g_strv_length (strv), sizeof (char *),
                       compare_strings, NULL);
  return strv;
}

/* Takes every argument it is given. */
SemConflict *
sem_conflict_new_internal (SemConflictKind     kind,
                           char               *id,
                           gboolean            accepted,
                           SemConflictPending *pending,
                           gint64              start,
                           GStrv               sessions,
                           GStrv               people,
                           GStrv               rooms,
                           GStrv               delegations)
{
  SemConflict *self = g_object_new (SEM_TYPE_CONFLICT, NULL);

  self->kind = kind;
  self->id = id;
  self->pending = pending;
  self->start = start;
  self->sessions = sorted_or_empty (sessions);
  self->people = sorted_or_empty (people);
  self->rooms = sorted_or_empty (rooms);
  self->delegations = sorted_or_empty (delegations);
  self->accepted = accepted && sem_conflict_get_severity (self) == SEM_CONFLICT_SEVERITY_WARNING;

  return self;
}

SemConflictKind
sem_conflict_get_kind (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), 0);

  return self->kind;
}

/**
 * sem_conflict_get_severity:
 *
 * Double bookings of rooms and people and sessions outside their event's
 * dates or ending before they start are errors: the plan cannot work. The
 * rest are warnings, which a coordinator may know to be fine and accept.
 *
 * Returns: how bad the conflict is
 */
SemConflictSeverity
sem_conflict_get_severity (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), 0);

  switch (self->kind)
    {
    case SEM_CONFLICT_ROOM_DOUBLE_BOOKED:
    case SEM_CONFLICT_PERSON_DOUBLE_BOOKED:
    case SEM_CONFLICT_OUTSIDE_EVENT_DATES:
    case SEM_CONFLICT_ENDS_BEFORE_START:
      return SEM_CONFLICT_SEVERITY_ERROR;
    case SEM_CONFLICT_OUTSIDE_STAY:
    case SEM_CONFLICT_OVER_CAPACITY:
    case SEM_CONFLICT_MANDATORY_MISSED:
    case SEM_CONFLICT_BUSY_ELSEWHERE:
    case SEM_CONFLICT_TRAVEL_TOO_SHORT:
    default:
      return SEM_CONFLICT_SEVERITY_WARNING;
    }
}

/**
 * sem_conflict_get_id:
 *
 * Returns: (transfer none): the stable identity of the conflict
 */
const char *
sem_conflict_get_id (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), NULL);

  return self->id;
}

/**
 * sem_conflict_get_accepted:
 *
 * Returns: whether this is a warning the plan marks as accepted
 */
gboolean
sem_conflict_get_accepted (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), FALSE);

  return self->accepted;
}

/**
 * sem_conflict_get_explanation:
 *
 * Written the first time it is asked for (most conflicts of a big plan
 * never are), from the objects the conflict keeps.
 *
 * Returns: (transfer none): one translated sentence saying what clashes
 */
const char *
sem_conflict_get_explanation (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), NULL);

  if (self->explanation == NULL && self->pending != NULL)
    {
      self->explanation = sem_conflict_pending_build (self->pending);
      g_clear_pointer (&self->pending, sem_conflict_pending_free);
    }
  return self->explanation;
}

/**
 * sem_conflict_is_explained:
 *
 * Returns: whether the explanation has been written (someone asked for it)
 */
gboolean
sem_conflict_is_explained (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), FALSE);

  return self->explanation != NULL;
}

/**
 * sem_conflict_get_start:
 *
 * Returns: when the clash begins, Unix seconds (UTC)
 */
gint64
sem_conflict_get_start (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), 0);

  return self->start;
}

/**
 * sem_conflict_get_sessions:
 *
 * Returns: (transfer none): the ids of the sessions involved, sorted
 */
const char * const *
sem_conflict_get_sessions (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), NULL);

  return (const char * const *) self->sessions;
}

/**
 * sem_conflict_get_people:
 *
 * Returns: (transfer none): the ids of the people involved, sorted
 */
const char * const *
sem_conflict_get_people (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), NULL);

  return (const char * const *) self->people;
}

/**
 * sem_conflict_get_rooms:
 *
 * Returns: (transfer none): the ids of the rooms involved, sorted
 */
const char * const *
sem_conflict_get_rooms (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), NULL);

  return (const char * const *) self->rooms;
}

/**
 * sem_conflict_get_delegations:
 *
 * Returns: (transfer none): the ids of the delegations involved, sorted
 */
const char * const *
sem_conflict_get_delegations (SemConflict *self)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), NULL);

  return (const char * const *) self->delegations;
}

/**
 * sem_conflict_involves_session:
 *
 * Returns: whether the session with @session_id is one of those that clash
 */
gboolean
sem_conflict_involves_session (SemConflict *self,
                               const char  *session_id)
{
  g_return_val_if_fail (SEM_IS_CONFLICT (self), FALSE);

  return session_id != NULL && g_strv_contains ((const char * const *) self->sessions, session_id);
}

/**
 * sem_conflict_count_errors:
 * @conflicts: (element-type SemConflict): what sem_conflict_check() found
 *
 * Returns: how many of @conflicts are errors
 */
guint
sem_conflict_count_errors (GPtrArray *conflicts)
{
  guint n = 0;

  g_return_val_if_fail (conflicts != NULL, 0);

  for (guint i = 0; i < conflicts->len; i++)
    if (sem_conflict_get_severity (g_ptr_array_index (conflicts, i)) == SEM_CONFLICT_SEVERITY_ERROR)
      n++;
  return n;
}

/**
 * sem_conflict_kind_to_nick:
 *
 * Returns: (transfer none): the kind's name, such as "room-double-booked"
 */
const char *
sem_conflict_kind_to_nick (SemConflictKind kind)
{
  GEnumValue *value = g_enum_get_value (g_type_class_peek (SEM_TYPE_CONFLICT_KIND) != NULL
                                        ? g_type_class_peek (SEM_TYPE_CONFLICT_KIND)
                                        : g_type_class_ref (SEM_TYPE_CONFLICT_KIND), kind);

  return value != NULL ? value->value_nick : NULL;
}

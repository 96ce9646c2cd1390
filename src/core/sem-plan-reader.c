/* sem-plan-reader.c — one entity of a plan file, read and checked
 *
 * Every value is checked against the entity's field table; every error
 * names the file, the JSON path and the problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-plan-codec"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sem-entity-private.h"
#include "sem-external-event.h"
#include "sem-plan-codec-private.h"
#include "sem-plan-private.h"
#include "sem-tombstone.h"

static void
append_path (GString    *out,
             const Path *path)
{
  if (path == NULL)
    {
      g_string_append_c (out, '$');
      return;
    }
  append_path (out, path->parent);
  if (path->member != NULL)
    g_string_append_printf (out, ".%s", path->member);
  else
    g_string_append_printf (out, "[%u]", path->index);
}

gboolean
sem_plan_reader_fail (Reader       *reader,
      SemPlanError  code,
      const Path   *path,
      const char   *format,
      ...)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  append_path (where, path);
  /* Translators: a plan file could not be loaded. The first %s is the file
   * name, the second where in the file (such as $.sessions[3].start), the
   * third what is wrong there. */
  g_set_error (reader->error, SEM_PLAN_ERROR, code, _("%s: at %s: %s"),
               reader->display_name, where->str, problem);
  return FALSE;
}

/* ---- finding a member's field ----------------------------------------- */

/* Each member of an entity's object goes to a slot: the three members every
 * entity has, then the class's fields in table order. The members are found
 * in one pass over the object, then read in slot order, so that of several
 * problems the same one is reported whatever the order of the members. */
enum
{
  SLOT_ID,
  SLOT_REVISION,
  SLOT_MODIFIED,
  N_COMMON_SLOTS
};

#define MAX_SLOTS 64
#define N_BUCKETS 128   /* a power of two, more than MAX_SLOTS */

typedef struct
{
  const char *name;     /* NULL when the bucket is empty */
  gsize       length;
  guint       slot;
} Bucket;

struct _ClassIndex
{
  guint         n_slots;
  Bucket        buckets[N_BUCKETS];   /* open addressing, linear probing */
  /* Per field, what reading its values needs, found once. */
  GTypeClass  **value_classes;        /* ENUM, FLAGS, PAIRS of an enum; else NULL */
  Checks      **child_checks;         /* CHILDREN; else NULL */
};

/* The member names of a class differ in their first and last characters or
 * in their length, nearly always; a clash only costs a probe. */
static inline guint
bucket_of (const char *name,
           gsize       length)
{
  guint first = (guchar) name[0];
  guint last = length > 0 ? (guchar) name[length - 1] : 0;

  return (first * 31u + last * 7u + (guint) length) & (N_BUCKETS - 1);
}

static void
class_index_add (ClassIndex *index,
                 const char *name,
                 guint       slot)
{
  gsize length = strlen (name);
  guint b = bucket_of (name, length);

  while (index->buckets[b].name != NULL)
    b = (b + 1) & (N_BUCKETS - 1);
  index->buckets[b].name = name;
  index->buckets[b].length = length;
  index->buckets[b].slot = slot;
}

/* Returns the slot of the member @name, or -1 when the class has no such member. */
static inline int
class_index_find (const ClassIndex *index,
                  const char       *name)
{
  gsize length = strlen (name);

  for (guint b = bucket_of (name, length); index->buckets[b].name != NULL; b = (b + 1) & (N_BUCKETS - 1))
    if (index->buckets[b].length == length && memcmp (index->buckets[b].name, name, length) == 0)
      return (int) index->buckets[b].slot;
  return -1;
}

static ClassIndex *
class_index_new (SemEntityClass *klass)
{
  ClassIndex *index = g_new0 (ClassIndex, 1);

  g_assert (klass->n_fields + N_COMMON_SLOTS <= MAX_SLOTS);
  index->n_slots = klass->n_fields + N_COMMON_SLOTS;
  index->value_classes = g_new0 (GTypeClass *, klass->n_fields);
  index->child_checks = g_new0 (Checks *, klass->n_fields);
  class_index_add (index, "id", SLOT_ID);
  class_index_add (index, "revision", SLOT_REVISION);
  class_index_add (index, "modified", SLOT_MODIFIED);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SemFieldInfo *field = &klass->fields[i];

      class_index_add (index, field->name, N_COMMON_SLOTS + i);
      switch (field->kind)
        {
        case SEM_FIELD_ENUM:
        case SEM_FIELD_FLAGS:
          index->value_classes[i] = g_type_class_ref (field->type_func ());
          break;
        case SEM_FIELD_PAIRS:
          if (field->type_func != NULL)
            index->value_classes[i] = g_type_class_ref (field->type_func ());
          break;
        case SEM_FIELD_CHILDREN:
          {
            /* The class stays referenced as long as the index lives. */
            SemEntityClass *child_class = g_type_class_ref (field->type_func ());

            index->value_classes[i] = (GTypeClass *) child_class;
            index->child_checks[i] = g_new0 (Checks, 1);
            sem_plan_reader_checks_init (index->child_checks[i], child_class);
          }
          break;
        case SEM_FIELD_STRING:
        case SEM_FIELD_TEXT:
        case SEM_FIELD_INSTANT:
        case SEM_FIELD_DATE:
        case SEM_FIELD_INT:
        case SEM_FIELD_GEO:
        case SEM_FIELD_BOOL:
        case SEM_FIELD_STRV:
        case SEM_FIELD_REF:
        case SEM_FIELD_REFS:
        default:
          break;
        }
    }

  return index;
}

static void
class_index_free (ClassIndex *index,
                  guint       n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      g_clear_pointer (&index->value_classes[i], g_type_class_unref);
      g_free (index->child_checks[i]);
    }
  g_free (index->value_classes);
  g_free (index->child_checks);
  g_free (index);
}

/* The indexes of the classes, for the life of the process: readers on
 * several threads, of one plan or of several, share them. */
G_LOCK_DEFINE_STATIC (class_indexes);
static GHashTable *class_indexes;   /* GType → ClassIndex */

static const ClassIndex *
class_index_get (SemEntityClass *klass)
{
  gpointer type = GSIZE_TO_POINTER (G_TYPE_FROM_CLASS (klass));
  ClassIndex *index = NULL;
  ClassIndex *found = NULL;

  G_LOCK (class_indexes);
  if (class_indexes != NULL)
    index = g_hash_table_lookup (class_indexes, type);
  G_UNLOCK (class_indexes);
  if (index != NULL)
    return index;

  /* Built unlocked, since the index of a class with children asks for
   * theirs; when two threads build the same one, the first one stays. */
  index = class_index_new (klass);
  G_LOCK (class_indexes);
  if (class_indexes == NULL)
    class_indexes = g_hash_table_new (g_direct_hash, g_direct_equal);
  found = g_hash_table_lookup (class_indexes, type);
  if (found == NULL)
    g_hash_table_insert (class_indexes, type, index);
  G_UNLOCK (class_indexes);

  if (found != NULL)
    {
      class_index_free (index, klass->n_fields);
      index = found;
    }
  return index;
}

/* sem_id_is_valid () in one pass: the ids are most of the strings read. */
static inline gboolean
id_is_valid (const char *id)
{
  const char *p;

  for (p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return p != id && p - id <= 200;
}

/* ---- reading ---------------------------------------------------------- */

static const char *
type_problem (SemFieldKind kind)
{
  switch (kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_REF:
      return _("expected text");
    case SEM_FIELD_TEXT:
      return _("expected an object with “en” and “bg” texts");
    case SEM_FIELD_INSTANT:
      return _("expected a date and time such as “2018-02-20T09:00:00Z”");
    case SEM_FIELD_DATE:
      return _("expected a date such as “2018-02-20”");
    case SEM_FIELD_INT:
      return _("expected a whole number");
    case SEM_FIELD_GEO:
      return _("expected an object with a “latitude” and a “longitude” in degrees");
    case SEM_FIELD_BOOL:
      return _("expected true or false");
    case SEM_FIELD_ENUM:
      return _("expected one of the names listed in the documentation");
    case SEM_FIELD_FLAGS:
    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
      return _("expected a list of texts");
    case SEM_FIELD_PAIRS:
    case SEM_FIELD_CHILDREN:
      return _("expected a list of objects");
    default:
      g_assert_not_reached ();
    }
}

const char *
sem_plan_reader_node_string (JsonNode *node)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_enum_nick (Reader     *reader,
                const Path *path,
                GEnumClass *klass,
                const char *nick,
                int        *out)
{
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;
  g_autoptr(GString) allowed = NULL;

  if (value != NULL)
    {
      *out = value->value;
      return TRUE;
    }

  allowed = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (allowed, "%s%s", i ? ", " : "", klass->values[i].value_nick);
  return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, path,
               _("“%s” is not one of: %s"), nick ? nick : "", allowed->str);
}

static char **
read_string_array (Reader     *reader,
                   const Path *path,
                   JsonNode   *node,
                   SemFieldKind kind)
{
  g_auto(GStrv) strv = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (kind));
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  strv = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const char *s = sem_plan_reader_node_string (json_array_get_element (array, i));
      Path item = { path, NULL, i };

      if (s == NULL)
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &item, "%s", _("expected text"));
          return NULL;
        }
      if (kind == SEM_FIELD_REFS && !id_is_valid (s))
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &item, _("“%s” is not a valid id"), s);
          return NULL;
        }
      strv[i] = g_strdup (s);
    }

  return g_steal_pointer (&strv);
}

static char **
read_pairs (Reader             *reader,
            const Path         *path,
            JsonNode           *node,
            const SemFieldInfo *field,
            GEnumClass         *b_class)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      return NULL;
    }

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      Path item_path = { path, NULL, i };
      Path a_path = { &item_path, field->pair_a, 0 };
      Path b_path = { &item_path, field->pair_b, 0 };
      JsonObject *object;
      const char *a, *b;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &item_path, "%s", _("expected an object"));
          return NULL;
        }
      object = json_node_get_object (item);
      a = sem_plan_reader_node_string (json_object_get_member (object, field->pair_a));
      b = sem_plan_reader_node_string (json_object_get_member (object, field->pair_b));
      if (a == NULL || !id_is_valid (a))
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_MISSING, &a_path, "%s", _("expected an id"));
          return NULL;
        }
      if (b == NULL)
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_MISSING, &b_path, "%s", _("expected text"));
          return NULL;
        }
      if (b_class != NULL)
        {
          int ignored;
          if (!read_enum_nick (reader, &b_path, b_class, b, &ignored))
            return NULL;
        }
      else if (!id_is_valid (b))
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &b_path, _("“%s” is not a valid id"), b);
          return NULL;
        }
      if (json_object_get_size (object) != 2)
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &item_path,
                _("expected only “%s” and “%s”"), field->pair_a, field->pair_b);
          return NULL;
        }
      {
        g_autofree char *pair = g_strconcat (a, ":", b, NULL);
        g_strv_builder_add (builder, pair);
      }
    }

  return g_strv_builder_end (builder);
}

void
sem_plan_reader_checks_init (Checks         *checks,
             SemEntityClass *klass)
{
  checks->start = sem_entity_find_field (klass, "start");
  checks->end = sem_entity_find_field (klass, "end");
  checks->start_date = sem_entity_find_field (klass, "start_date");
  checks->end_date = sem_entity_find_field (klass, "end_date");
  checks->timezone = sem_entity_find_field (klass, "timezone");
  checks->index = class_index_get (klass);
}

static gboolean
check_entity (Reader       *reader,
              const Path   *path,
              SemEntity    *entity,
              const Checks *checks)
{
  if (checks->start != NULL && checks->end != NULL)
    {
      gint64 s = *(gint64 *) sem_entity_field_ptr (entity, checks->start);
      gint64 e = *(gint64 *) sem_entity_field_ptr (entity, checks->end);
      Path end_path = { path, "end", 0 };

      if (e != 0 && e < s)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &end_path, "%s", _("it ends before it starts"));
    }

  if (checks->start_date != NULL && checks->end_date != NULL)
    {
      const char *s = *(char **) sem_entity_field_ptr (entity, checks->start_date);
      const char *e = *(char **) sem_entity_field_ptr (entity, checks->end_date);
      Path end_path = { path, "end_date", 0 };

      if (s != NULL && e != NULL && strcmp (e, s) < 0)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &end_path, "%s", _("it ends before it starts"));
    }

  /* Loading a time zone reads and expands its data: once per name. */
  if (checks->timezone != NULL)
    {
      const char *tzid = *(char **) sem_entity_field_ptr (entity, checks->timezone);
      Path tz_path = { path, "timezone", 0 };

      if (tzid != NULL && !g_hash_table_contains (reader->known_zones, tzid))
        {
          g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (tzid);

          if (tz == NULL)
            return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &tz_path,
                         _("“%s” is not a known time zone such as “Europe/Sofia”"), tzid);
          g_hash_table_add (reader->known_zones, g_strdup (tzid));
        }
    }

  return TRUE;
}

static gboolean
read_field (Reader             *reader,
            const Path         *path,
            SemEntity          *entity,
            const ClassIndex   *index,
            guint               f,
            const SemFieldInfo *field,
            JsonNode           *node)
{
  gpointer mem = sem_entity_field_ptr (entity, field);
  const char *s;

  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_REF:
    case SEM_FIELD_DATE:
      if ((s = sem_plan_reader_node_string (node)) == NULL)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      if (field->kind == SEM_FIELD_DATE && !sem_date_is_valid (s))
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, path, "%s", type_problem (field->kind));
      if (field->kind == SEM_FIELD_REF && !id_is_valid (s))
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, path, _("“%s” is not a valid id"), s);
      *(char **) mem = g_strdup (s);
      return TRUE;

    case SEM_FIELD_TEXT:
      {
        SemText *text = mem;
        JsonNode *members[2] = { NULL, NULL };
        gboolean others = FALSE;
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          {
            if (name[0] == 'e' && name[1] == 'n' && name[2] == '\0')
              members[0] = member;
            else if (name[0] == 'b' && name[1] == 'g' && name[2] == '\0')
              members[1] = member;
            else
              others = TRUE;
          }
        for (guint i = 0; i < 2; i++)
          {
            Path lang_path = { path, i ? "bg" : "en", 0 };

            if (members[i] == NULL)
              continue;
            if ((s = sem_plan_reader_node_string (members[i])) == NULL)
              return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &lang_path, "%s", _("expected text"));
            *(i ? &text->bg : &text->en) = g_strdup (s);
          }
        if (others)
          return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, path, "%s",
                       _("expected only “en” and “bg” texts"));
        return TRUE;
      }

    case SEM_FIELD_INSTANT:
      if ((s = sem_plan_reader_node_string (node)) == NULL || !sem_instant_parse (s, (gint64 *) mem))
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      return TRUE;

    case SEM_FIELD_INT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      *(int *) mem = (int) json_node_get_int (node);
      return TRUE;

    case SEM_FIELD_GEO:
      {
        JsonObject *object;
        double coordinates[2];

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
        object = json_node_get_object (node);
        for (guint i = 0; i < 2; i++)
          {
            const char *name = i ? "longitude" : "latitude";
            double limit = i ? 180.0 : 90.0;
            JsonNode *member = json_object_get_member (object, name);
            Path member_path = { path, name, 0 };

            if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
                (json_node_get_value_type (member) != G_TYPE_DOUBLE &&
                 json_node_get_value_type (member) != G_TYPE_INT64))
              return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &member_path, "%s", _("expected a number"));
            coordinates[i] = json_node_get_double (member);
            if (!(coordinates[i] >= -limit && coordinates[i] <= limit))
              return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &member_path,
                           _("expected a number from %g to %g"), -limit, limit);
          }
        if (json_object_get_size (object) != 2)
          return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, path, "%s",
                       _("expected only “latitude” and “longitude”"));
        *(SemGeo **) mem = sem_geo_new (coordinates[0], coordinates[1]);
        return TRUE;
      }

    case SEM_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      *(gboolean *) mem = json_node_get_boolean (node);
      return TRUE;

    case SEM_FIELD_ENUM:
      if ((s = sem_plan_reader_node_string (node)) == NULL)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", _("expected text"));
      return read_enum_nick (reader, path, (GEnumClass *) index->value_classes[f], s, (int *) mem);

    case SEM_FIELD_FLAGS:
      {
        g_auto(GStrv) nicks = read_string_array (reader, path, node, field->kind);
        GFlagsClass *klass = (GFlagsClass *) index->value_classes[f];
        guint flags = 0;

        if (nicks == NULL)
          return FALSE;
        for (guint i = 0; nicks[i] != NULL; i++)
          {
            GFlagsValue *value = g_flags_get_value_by_nick (klass, nicks[i]);
            Path item = { path, NULL, i };

            if (value == NULL)
              return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &item,
                           _("“%s” is not a known role"), nicks[i]);
            flags |= value->value;
          }
        *(guint *) mem = flags;
        return TRUE;
      }

    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
      *(char ***) mem = read_string_array (reader, path, node, field->kind);
      return *(char ***) mem != NULL;

    case SEM_FIELD_PAIRS:
      *(char ***) mem = read_pairs (reader, path, node, field, (GEnumClass *) index->value_classes[f]);
      return *(char ***) mem != NULL;

    case SEM_FIELD_CHILDREN:
      {
        const Checks *checks = index->child_checks[f];
        GType child_type = G_TYPE_FROM_CLASS (index->value_classes[f]);
        GPtrArray *children;
        JsonArray *array;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
        array = json_node_get_array (node);
        children = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
        *(GPtrArray **) mem = children;
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            Path item = { path, NULL, i };
            SemEntity *child = sem_plan_reader_read_entity (reader, &item, json_array_get_element (array, i),
                                            child_type, checks);
            if (child == NULL)
              return FALSE;
            g_ptr_array_add (children, child);
          }
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

SemEntity *
sem_plan_reader_read_entity (Reader       *reader,
             const Path   *path,
             JsonNode     *node,
             GType         type,
             const Checks *checks)
{
  g_autoptr(SemEntity) entity = NULL;
  const ClassIndex *index = checks->index;
  JsonNode *members[MAX_SLOTS];
  SemEntityPrivate *priv;
  SemEntityClass *klass;
  JsonObjectIter iter;
  JsonObject *object;
  JsonNode *member;
  const char *name;
  const char *id;
  gint64 modified = 0;
  gint64 revision = 0;
  gboolean unknown = FALSE;
  Path id_path = { path, "id", 0 };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  /* One pass over the members, each put in its slot; they are read below in
   * slot order. The names and nodes of a chunk of members are all asked for
   * before the first is looked at, so that their cache misses overlap. */
  memset (members, 0, index->n_slots * sizeof (JsonNode *));
  json_object_iter_init (&iter, object);
  for (gboolean more = TRUE; more; )
    {
      const char *names[MAX_SLOTS];
      JsonNode *nodes[MAX_SLOTS];
      guint n = 0;

      while (n < MAX_SLOTS && (more = json_object_iter_next (&iter, &name, &member)))
        {
          SEM_PREFETCH (name);
          SEM_PREFETCH (member);
          names[n] = name;
          nodes[n++] = member;
        }
      for (guint k = 0; k < n; k++)
        {
          int slot = class_index_find (index, names[k]);

          if (slot >= 0)
            members[slot] = nodes[k];
          else
            unknown = TRUE;
        }
    }

  id = sem_plan_reader_node_string (members[SLOT_ID]);
  if (id == NULL)
    {
      sem_plan_reader_fail (reader, SEM_PLAN_ERROR_MISSING, &id_path, "%s", _("every entry needs an id"));
      return NULL;
    }
  /* Feed events keep their calendar's UID, which may hold any character. */
  if (type != SEM_TYPE_EXTERNAL_EVENT && !id_is_valid (id))
    {
      sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &id_path,
            _("“%s” is not a valid id: use letters, digits, “.”, “_” and “-”"), id);
      return NULL;
    }

  entity = g_object_new (type, NULL);
  sem_entity_get_private_data (entity)->id = g_strdup (id);

  if ((member = members[SLOT_REVISION]) != NULL)
    {
      Path rev_path = { path, "revision", 0 };

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < 0)
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &rev_path, "%s", _("expected a whole number"));
          return NULL;
        }
      revision = json_node_get_int (member);
    }
  if ((member = members[SLOT_MODIFIED]) != NULL)
    {
      Path mod_path = { path, "modified", 0 };
      const char *s = sem_plan_reader_node_string (member);

      if (s == NULL || !sem_instant_parse (s, &modified))
        {
          sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &mod_path, "%s",
                type_problem (SEM_FIELD_INSTANT));
          return NULL;
        }
    }
  priv = sem_entity_get_private_data (entity);
  priv->revision = revision;
  priv->modified = modified;

  klass = SEM_ENTITY_GET_CLASS (entity);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SemFieldInfo *field = &klass->fields[i];
      Path field_path = { path, field->name, 0 };

      member = members[N_COMMON_SLOTS + i];
      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        {
          if (field->flags & SEM_FIELD_REQUIRED)
            {
              sem_plan_reader_fail (reader, SEM_PLAN_ERROR_MISSING, &field_path, "%s", _("this is required"));
              return NULL;
            }
          continue;
        }
      if (!read_field (reader, &field_path, entity, index, i, field, member))
        return NULL;
    }

  /* The first unknown member in the order of the file. */
  if (unknown)
    {
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "id") && !g_str_equal (l->data, "revision") &&
            !g_str_equal (l->data, "modified") && sem_entity_find_field (klass, l->data) == NULL)
          {
            sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, path, _("unknown member “%s”"),
                  (const char *) l->data);
            return NULL;
          }
    }

  if (!check_entity (reader, path, entity, checks))
    return NULL;

  return g_steal_pointer (&entity);
}

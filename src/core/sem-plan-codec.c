/* sem-plan-codec.c — the plan file: versioned JSON through json-glib
 *
 * The field tables of the entities drive both directions, so a field is
 * declared once. Loading never trusts the input: size, nesting, types, ids
 * and references are all checked, and every error names the file, the JSON
 * path and the problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-plan-codec"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sem-entity-private.h"
#include "sem-external-event.h"
#include "sem-plan-codec.h"
#include "sem-plan-private.h"
#include "sem-tombstone.h"

G_DEFINE_QUARK (sem-plan-error-quark, sem_plan_error)

/* Where in the document we are; lives on the stack, formatted only on error. */
typedef struct _Path Path;
struct _Path
{
  const Path *parent;
  const char *member;   /* or NULL, then index */
  guint       index;
};

typedef struct
{
  const char  *display_name;
  GError     **error;
  GHashTable  *known_zones;   /* time zone names already found good */
} Reader;

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

static gboolean fail (Reader     *reader,
                      SemPlanError code,
                      const Path *path,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader       *reader,
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

gboolean
sem_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 200)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

gboolean
sem_date_is_valid (const char *text)
{
  unsigned y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's). */
static gint64
days_from_civil (gint64 y,
                 unsigned m,
                 unsigned d)
{
  gint64 era;
  unsigned yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (unsigned) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

/**
 * sem_instant_parse:
 * @text: an ISO 8601 date and time with a zone, as written in plan files
 * @out: (out): Unix seconds
 *
 * Returns: whether @text was a valid instant
 */
gboolean
sem_instant_parse (const char *text,
                   gint64     *out)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *p = text;

  /* The canonical "YYYY-MM-DDTHH:MM:SSZ" is read directly: plans hold
   * hundreds of thousands of them. */
  if (strlen (text) == 20 && p[4] == '-' && p[7] == '-' && p[10] == 'T' &&
      p[13] == ':' && p[16] == ':' && p[19] == 'Z')
    {
      static const guint8 digits[] = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
      unsigned y, mo, d, h, mi, s;
      gboolean ok = TRUE;

      for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
        ok &= g_ascii_isdigit (p[digits[i]]);
      if (ok)
        {
          y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
          mo = (p[5] - '0') * 10 + (p[6] - '0');
          d = (p[8] - '0') * 10 + (p[9] - '0');
          h = (p[11] - '0') * 10 + (p[12] - '0');
          mi = (p[14] - '0') * 10 + (p[15] - '0');
          s = (p[17] - '0') * 10 + (p[18] - '0');
          if (y < 1970 || !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || s > 59)
            return FALSE;
          *out = days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
          return TRUE;
        }
    }

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL || g_date_time_to_unix (dt) < 0)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into @out, which holds at least 21 bytes. */
static void
format_instant (gint64 instant,
                char   out[21])
{
  time_t t = (time_t) instant;
  struct tm tm;

  gmtime_r (&t, &tm);
  g_snprintf (out, 21, "%04d-%02d-%02dT%02d:%02d:%02dZ",
              tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/**
 * sem_instant_format:
 *
 * Returns: (transfer full): @instant as "YYYY-MM-DDTHH:MM:SSZ"
 */
char *
sem_instant_format (gint64 instant)
{
  char buffer[21];

  format_instant (instant, buffer);
  return g_strdup (buffer);
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

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_enum_nick (Reader     *reader,
                const Path *path,
                GType       type,
                const char *nick,
                int        *out)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
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
  return fail (reader, SEM_PLAN_ERROR_INVALID, path,
               _("“%s” is not one of: %s"), nick ? nick : "", allowed->str);
}

static char **
read_string_array (Reader     *reader,
                   const Path *path,
                   JsonNode   *node,
                   SemFieldKind kind)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (kind));
      return NULL;
    }

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      const char *s = node_string (json_array_get_element (array, i));
      Path item = { path, NULL, i };

      if (s == NULL)
        {
          fail (reader, SEM_PLAN_ERROR_TYPE, &item, "%s", _("expected text"));
          return NULL;
        }
      if (kind == SEM_FIELD_REFS && !sem_id_is_valid (s))
        {
          fail (reader, SEM_PLAN_ERROR_INVALID, &item, _("“%s” is not a valid id"), s);
          return NULL;
        }
      g_strv_builder_add (builder, s);
    }

  return g_strv_builder_end (builder);
}

static char **
read_pairs (Reader             *reader,
            const Path         *path,
            JsonNode           *node,
            const SemFieldInfo *field)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
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
          fail (reader, SEM_PLAN_ERROR_TYPE, &item_path, "%s", _("expected an object"));
          return NULL;
        }
      object = json_node_get_object (item);
      a = node_string (json_object_get_member (object, field->pair_a));
      b = node_string (json_object_get_member (object, field->pair_b));
      if (a == NULL || !sem_id_is_valid (a))
        {
          fail (reader, SEM_PLAN_ERROR_MISSING, &a_path, "%s", _("expected an id"));
          return NULL;
        }
      if (b == NULL)
        {
          fail (reader, SEM_PLAN_ERROR_MISSING, &b_path, "%s", _("expected text"));
          return NULL;
        }
      if (field->type_func != NULL)
        {
          int ignored;
          if (!read_enum_nick (reader, &b_path, field->type_func (), b, &ignored))
            return NULL;
        }
      else if (!sem_id_is_valid (b))
        {
          fail (reader, SEM_PLAN_ERROR_INVALID, &b_path, _("“%s” is not a valid id"), b);
          return NULL;
        }
      if (json_object_get_size (object) != 2)
        {
          fail (reader, SEM_PLAN_ERROR_INVALID, &item_path,
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

/* The fields that check_entity () looks at, found once per class. */
typedef struct
{
  const SemFieldInfo *start;
  const SemFieldInfo *end;
  const SemFieldInfo *start_date;
  const SemFieldInfo *end_date;
  const SemFieldInfo *timezone;
} Checks;

static void
checks_init (Checks         *checks,
             SemEntityClass *klass)
{
  checks->start = sem_entity_find_field (klass, "start");
  checks->end = sem_entity_find_field (klass, "end");
  checks->start_date = sem_entity_find_field (klass, "start_date");
  checks->end_date = sem_entity_find_field (klass, "end_date");
  checks->timezone = sem_entity_find_field (klass, "timezone");
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
        return fail (reader, SEM_PLAN_ERROR_INVALID, &end_path, "%s", _("it ends before it starts"));
    }

  if (checks->start_date != NULL && checks->end_date != NULL)
    {
      const char *s = *(char **) sem_entity_field_ptr (entity, checks->start_date);
      const char *e = *(char **) sem_entity_field_ptr (entity, checks->end_date);
      Path end_path = { path, "end_date", 0 };

      if (s != NULL && e != NULL && strcmp (e, s) < 0)
        return fail (reader, SEM_PLAN_ERROR_INVALID, &end_path, "%s", _("it ends before it starts"));
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
            return fail (reader, SEM_PLAN_ERROR_INVALID, &tz_path,
                         _("“%s” is not a known time zone such as “Europe/Sofia”"), tzid);
          g_hash_table_add (reader->known_zones, g_strdup (tzid));
        }
    }

  return TRUE;
}

static SemEntity *read_entity (Reader       *reader,
                               const Path   *path,
                               JsonNode     *node,
                               GType         type,
                               const Checks *checks);

static gboolean
read_field (Reader             *reader,
            const Path         *path,
            SemEntity          *entity,
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
      if ((s = node_string (node)) == NULL)
        return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      if (field->kind == SEM_FIELD_DATE && !sem_date_is_valid (s))
        return fail (reader, SEM_PLAN_ERROR_INVALID, path, "%s", type_problem (field->kind));
      if (field->kind == SEM_FIELD_REF && !sem_id_is_valid (s))
        return fail (reader, SEM_PLAN_ERROR_INVALID, path, _("“%s” is not a valid id"), s);
      *(char **) mem = g_strdup (s);
      return TRUE;

    case SEM_FIELD_TEXT:
      {
        SemText *text = mem;
        JsonObject *object;
        guint found = 0;

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
        object = json_node_get_object (node);
        for (guint i = 0; i < 2; i++)
          {
            const char *lang = i ? "bg" : "en";
            JsonNode *member = json_object_get_member (object, lang);
            Path lang_path = { path, lang, 0 };

            if (member == NULL)
              continue;
            if ((s = node_string (member)) == NULL)
              return fail (reader, SEM_PLAN_ERROR_TYPE, &lang_path, "%s", _("expected text"));
            *(i ? &text->bg : &text->en) = g_strdup (s);
            found++;
          }
        if (json_object_get_size (object) != found)
          return fail (reader, SEM_PLAN_ERROR_INVALID, path, "%s",
                       _("expected only “en” and “bg” texts"));
        return TRUE;
      }

    case SEM_FIELD_INSTANT:
      if ((s = node_string (node)) == NULL || !sem_instant_parse (s, (gint64 *) mem))
        return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      return TRUE;

    case SEM_FIELD_INT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
        return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      *(int *) mem = (int) json_node_get_int (node);
      return TRUE;

    case SEM_FIELD_GEO:
      {
        JsonObject *object;
        double coordinates[2];

        if (!JSON_NODE_HOLDS_OBJECT (node))
          return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
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
              return fail (reader, SEM_PLAN_ERROR_TYPE, &member_path, "%s", _("expected a number"));
            coordinates[i] = json_node_get_double (member);
            if (!(coordinates[i] >= -limit && coordinates[i] <= limit))
              return fail (reader, SEM_PLAN_ERROR_INVALID, &member_path,
                           _("expected a number from %g to %g"), -limit, limit);
          }
        if (json_object_get_size (object) != 2)
          return fail (reader, SEM_PLAN_ERROR_INVALID, path, "%s",
                       _("expected only “latitude” and “longitude”"));
        *(SemGeo **) mem = sem_geo_new (coordinates[0], coordinates[1]);
        return TRUE;
      }

    case SEM_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
      *(gboolean *) mem = json_node_get_boolean (node);
      return TRUE;

    case SEM_FIELD_ENUM:
      if ((s = node_string (node)) == NULL)
        return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", _("expected text"));
      return read_enum_nick (reader, path, field->type_func (), s, (int *) mem);

    case SEM_FIELD_FLAGS:
      {
        g_auto(GStrv) nicks = read_string_array (reader, path, node, field->kind);
        g_autoptr(GFlagsClass) klass = NULL;
        guint flags = 0;

        if (nicks == NULL)
          return FALSE;
        klass = g_type_class_ref (field->type_func ());
        for (guint i = 0; nicks[i] != NULL; i++)
          {
            GFlagsValue *value = g_flags_get_value_by_nick (klass, nicks[i]);
            Path item = { path, NULL, i };

            if (value == NULL)
              return fail (reader, SEM_PLAN_ERROR_INVALID, &item,
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
      *(char ***) mem = read_pairs (reader, path, node, field);
      return *(char ***) mem != NULL;

    case SEM_FIELD_CHILDREN:
      {
        SemEntityClass *klass;
        GPtrArray *children;
        JsonArray *array;
        Checks checks;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", type_problem (field->kind));
        array = json_node_get_array (node);
        children = g_ptr_array_new_full (json_array_get_length (array), g_object_unref);
        klass = g_type_class_ref (field->type_func ());
        checks_init (&checks, klass);
        g_type_class_unref (klass);
        *(GPtrArray **) mem = children;
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            Path item = { path, NULL, i };
            SemEntity *child = read_entity (reader, &item, json_array_get_element (array, i),
                                            field->type_func (), &checks);
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

static SemEntity *
read_entity (Reader       *reader,
             const Path   *path,
             JsonNode     *node,
             GType         type,
             const Checks *checks)
{
  g_autoptr(SemEntity) entity = NULL;
  SemEntityPrivate *priv;
  SemEntityClass *klass;
  JsonObject *object;
  JsonNode *member;
  const char *id;
  gint64 modified = 0;
  gint64 revision = 0;
  guint known = 1;
  Path id_path = { path, "id", 0 };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, SEM_PLAN_ERROR_TYPE, path, "%s", _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  id = node_string (json_object_get_member (object, "id"));
  if (id == NULL)
    {
      fail (reader, SEM_PLAN_ERROR_MISSING, &id_path, "%s", _("every entry needs an id"));
      return NULL;
    }
  /* Feed events keep their calendar's UID, which may hold any character. */
  if (type != SEM_TYPE_EXTERNAL_EVENT && !sem_id_is_valid (id))
    {
      fail (reader, SEM_PLAN_ERROR_INVALID, &id_path,
            _("“%s” is not a valid id: use letters, digits, “.”, “_” and “-”"), id);
      return NULL;
    }

  entity = g_object_new (type, NULL);
  sem_entity_get_private_data (entity)->id = g_strdup (id);

  if ((member = json_object_get_member (object, "revision")) != NULL)
    {
      Path rev_path = { path, "revision", 0 };

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64 ||
          json_node_get_int (member) < 0)
        {
          fail (reader, SEM_PLAN_ERROR_TYPE, &rev_path, "%s", _("expected a whole number"));
          return NULL;
        }
      revision = json_node_get_int (member);
      known++;
    }
  if ((member = json_object_get_member (object, "modified")) != NULL)
    {
      Path mod_path = { path, "modified", 0 };
      const char *s = node_string (member);

      if (s == NULL || !sem_instant_parse (s, &modified))
        {
          fail (reader, SEM_PLAN_ERROR_TYPE, &mod_path, "%s",
                type_problem (SEM_FIELD_INSTANT));
          return NULL;
        }
      known++;
    }
  priv = sem_entity_get_private_data (entity);
  priv->revision = revision;
  priv->modified = modified;

  klass = SEM_ENTITY_GET_CLASS (entity);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const SemFieldInfo *field = &klass->fields[i];
      Path field_path = { path, field->name, 0 };

      member = json_object_get_member (object, field->name);
      if (member == NULL || JSON_NODE_HOLDS_NULL (member))
        {
          if (field->flags & SEM_FIELD_REQUIRED)
            {
              fail (reader, SEM_PLAN_ERROR_MISSING, &field_path, "%s", _("this is required"));
              return NULL;
            }
          known += member != NULL;
          continue;
        }
      known++;
      if (!read_field (reader, &field_path, entity, field, member))
        return NULL;
    }

  if (json_object_get_size (object) != known)
    {
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "id") && !g_str_equal (l->data, "revision") &&
            !g_str_equal (l->data, "modified") && sem_entity_find_field (klass, l->data) == NULL)
          {
            fail (reader, SEM_PLAN_ERROR_INVALID, path, _("unknown member “%s”"),
                  (const char *) l->data);
            return NULL;
          }
    }

  if (!check_entity (reader, path, entity, checks))
    return NULL;

  return g_steal_pointer (&entity);
}

static char *
dangling_problem (SemCollection  target,
                  const char    *id)
{
  switch (target)
    {
    case SEM_COLLECTION_PROGRAMMES: return g_strdup_printf (_("there is no programme with the id “%s”"), id);
    case SEM_COLLECTION_CITIES: return g_strdup_printf (_("there is no city with the id “%s”"), id);
    case SEM_COLLECTION_VENUES: return g_strdup_printf (_("there is no venue with the id “%s”"), id);
    case SEM_COLLECTION_ROOMS: return g_strdup_printf (_("there is no room with the id “%s”"), id);
    case SEM_COLLECTION_PEOPLE: return g_strdup_printf (_("there is no person with the id “%s”"), id);
    case SEM_COLLECTION_EVENTS: return g_strdup_printf (_("there is no event with the id “%s”"), id);
    case SEM_COLLECTION_SESSIONS: return g_strdup_printf (_("there is no session with the id “%s”"), id);
    case SEM_COLLECTION_DELEGATIONS: return g_strdup_printf (_("there is no delegation with the id “%s”"), id);
    case SEM_COLLECTION_FEEDS: return g_strdup_printf (_("there is no feed with the id “%s”"), id);
    case SEM_N_COLLECTIONS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_reference (Reader        *reader,
                 SemPlan       *plan,
                 const Path    *path,
                 SemCollection  target,
                 const char    *id)
{
  g_autofree char *problem = NULL;

  if (sem_plan_lookup (plan, target, id) != NULL)
    return TRUE;
  problem = dangling_problem (target, id);
  return fail (reader, SEM_PLAN_ERROR_DANGLING, path, "%s", problem);
}

/* Every reference must name an entity of the plan. */
static gboolean
check_references (Reader  *reader,
                  SemPlan *plan)
{
  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    {
      GListModel *model = sem_plan_get_collection (plan, c);
      /* The plan holds a reference on each collection's class. */
      SemEntityClass *klass = g_type_class_peek (sem_collection_get_item_type (c));
      guint n = g_list_model_get_n_items (model);
      Path collection_path = { NULL, sem_collection_get_name (c), 0 };

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);
          Path entity_path = { &collection_path, NULL, i };

          for (guint f = 0; f < klass->n_fields; f++)
            {
              const SemFieldInfo *field = &klass->fields[f];
              gpointer mem = sem_entity_field_ptr (entity, field);
              Path field_path = { &entity_path, field->name, 0 };

              if (field->kind == SEM_FIELD_REF && *(char **) mem != NULL)
                {
                  if (!check_reference (reader, plan, &field_path, field->target, *(char **) mem))
                    return FALSE;
                }
              else if ((field->kind == SEM_FIELD_REFS || field->kind == SEM_FIELD_PAIRS) &&
                       *(char ***) mem != NULL)
                {
                  char **strv = *(char ***) mem;

                  for (guint k = 0; strv[k] != NULL; k++)
                    {
                      Path item_path = { &field_path, NULL, k };
                      g_autofree char *a = NULL;
                      const char *b = NULL;

                      if (field->kind == SEM_FIELD_REFS)
                        {
                          if (!check_reference (reader, plan, &item_path, field->target, strv[k]))
                            return FALSE;
                          continue;
                        }

                      sem_pair_split (strv[k], &a, &b);
                      if (!check_reference (reader, plan, &item_path, field->target, a))
                        return FALSE;
                      if (field->target_b != SEM_COLLECTION_NONE &&
                          !check_reference (reader, plan, &item_path, field->target_b, b))
                        return FALSE;
                    }
                }
            }
        }
    }

  return TRUE;
}

static gboolean
read_collection (Reader        *reader,
                 SemPlan       *plan,
                 JsonObject    *root,
                 SemCollection  collection)
{
  const char *name = sem_collection_get_name (collection);
  JsonNode *node = json_object_get_member (root, name);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) seen = NULL;
  Path path = { NULL, name, 0 };
  GType type = sem_collection_get_item_type (collection);
  SemEntityClass *klass;
  JsonArray *array;
  Checks checks;
  guint n;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  entities = g_ptr_array_new_full (n, g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  klass = g_type_class_ref (type);
  checks_init (&checks, klass);
  g_type_class_unref (klass);

  for (guint i = 0; i < n; i++)
    {
      Path item = { &path, NULL, i };
      SemEntity *entity = read_entity (reader, &item, json_array_get_element (array, i),
                                       type, &checks);

      if (entity == NULL)
        return FALSE;
      g_ptr_array_add (entities, entity);
      if (!g_hash_table_add (seen, (char *) sem_entity_get_id (entity)))
        {
          Path id_path = { &item, "id", 0 };
          return fail (reader, SEM_PLAN_ERROR_DUPLICATE, &id_path,
                       _("the id “%s” is used twice"), sem_entity_get_id (entity));
        }
    }

  sem_plan_splice_loaded (plan, collection, entities);
  return TRUE;
}

static gboolean
read_tombstones (Reader     *reader,
                 SemPlan    *plan,
                 JsonObject *root)
{
  JsonNode *node = json_object_get_member (root, "tombstones");
  Path path = { NULL, "tombstones", 0 };
  SemEntityClass *klass;
  JsonArray *array;
  Checks checks;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list"));

  array = json_node_get_array (node);
  klass = g_type_class_ref (SEM_TYPE_TOMBSTONE);
  checks_init (&checks, klass);
  g_type_class_unref (klass);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path item = { &path, NULL, i };
      g_autoptr(SemEntity) tombstone = read_entity (reader, &item,
                                                    json_array_get_element (array, i),
                                                    SEM_TYPE_TOMBSTONE, &checks);
      if (tombstone == NULL)
        return FALSE;
      sem_plan_add_tombstone (plan, SEM_TOMBSTONE (tombstone));
    }

  return TRUE;
}

/* json-glib has no nesting limit and recurses, so hostile input is measured
 * before it is parsed. Returns the line of the first too-deep bracket, or 0. */
static guint
find_excess_nesting (const char *data,
                     gsize       length,
                     guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '\n':
          line++;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return line;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return 0;
}

/* The ids of the warnings the user accepted: made of entity ids and of
 * feed UIDs, so any short printable text. */
static gboolean
read_accepted_conflicts (Reader   *reader,
                         SemPlan  *plan,
                         JsonNode *node)
{
  Path path = { NULL, "accepted_conflicts", 0 };
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list of conflict ids"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path item_path = { &path, NULL, i };
      const char *id = node_string (json_array_get_element (array, i));
      gboolean valid = id != NULL && *id != '\0' && strlen (id) <= 1000 &&
                       g_utf8_validate (id, -1, NULL);

      for (const char *p = id; valid && *p != '\0'; p++)
        if (g_ascii_iscntrl (*p))
          valid = FALSE;
      if (!valid)
        return fail (reader, SEM_PLAN_ERROR_INVALID, &item_path, "%s",
                     _("expected the id of a conflict, as “sofia-seminars check” prints it"));
      sem_plan_set_conflict_accepted (plan, id, TRUE);
    }

  return TRUE;
}

/**
 * sem_plan_codec_load_bytes:
 * @bytes: the content of a plan file
 * @display_name: how to name the file in errors
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 *   to a #SemPlanError that names the file, the place and the problem
 */
SemPlan *
sem_plan_codec_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autoptr(GHashTable) known_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Reader reader = { display_name, error, known_zones };
  Path format_path = { NULL, "format", 0 };
  Path version_path = { NULL, "version", 0 };
  JsonObject *root;
  JsonNode *version;
  JsonNode *member;
  const char *data;
  gsize length;
  gsize i;
  guint line;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_EMPTY,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }

  if ((line = find_excess_nesting (data, length, SEM_PLAN_MAX_DEPTH)) != 0)
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_TOO_DEEP,
                   _("%s: line %u: the data is nested deeper than %u levels"),
                   display_name, line, SEM_PLAN_MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      /* json-glib reports "<data>:LINE:COLUMN: message"; keep the message. */
      const char *message = json_error->message;
      const char *tail = strstr (message, ": ");
      guint err_line = 0;

      if (g_str_has_prefix (message, "<data>:"))
        err_line = (guint) g_ascii_strtoull (message + strlen ("<data>:"), NULL, 10);
      if (tail != NULL && err_line > 0)
        message = tail + 2;
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_SYNTAX,
                   _("%s: line %u: the file is not valid JSON (%s); it may be truncated or damaged"),
                   display_name, err_line, message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_NOT_A_PLAN,
                   _("%s: this is not a Sofia Seminars plan"), display_name);
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (node_string (json_object_get_member (root, "format")), SEM_PLAN_FORMAT) != 0)
    {
      fail (&reader, SEM_PLAN_ERROR_NOT_A_PLAN, &format_path,
            _("this is not a Sofia Seminars plan (expected “%s”)"), SEM_PLAN_FORMAT);
      return NULL;
    }

  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      fail (&reader, SEM_PLAN_ERROR_VERSION, &version_path, "%s",
            _("the format version is missing"));
      return NULL;
    }
  if (json_node_get_int (version) != SEM_PLAN_FORMAT_VERSION)
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      fail (&reader, SEM_PLAN_ERROR_VERSION, &version_path,
            _("format version %s is not supported; this version of Sofia Seminars reads version %d"),
            version_text, SEM_PLAN_FORMAT_VERSION);
      return NULL;
    }

  {
    g_autoptr(GList) names = json_object_get_members (root);

    for (GList *l = names; l != NULL; l = l->next)
      if (!g_str_equal (l->data, "format") && !g_str_equal (l->data, "version") &&
          !g_str_equal (l->data, "tombstones") && !g_str_equal (l->data, "uid_domain") &&
          !g_str_equal (l->data, "accepted_conflicts") &&
          sem_collection_from_name (l->data) == SEM_COLLECTION_NONE)
        {
          fail (&reader, SEM_PLAN_ERROR_INVALID, NULL, _("unknown member “%s”"),
                (const char *) l->data);
          return NULL;
        }
  }

  plan = sem_plan_new ();

  if ((member = json_object_get_member (root, "uid_domain")) != NULL)
    {
      Path domain_path = { NULL, "uid_domain", 0 };
      const char *domain = node_string (member);

      if (domain == NULL || !sem_id_is_valid (domain) || strchr (domain, '.') == NULL)
        {
          fail (&reader, SEM_PLAN_ERROR_INVALID, &domain_path, "%s",
                _("expected a domain name such as “seminars.example.org”"));
          return NULL;
        }
      sem_plan_set_uid_domain (plan, domain);
    }

  if ((member = json_object_get_member (root, "accepted_conflicts")) != NULL &&
      !read_accepted_conflicts (&reader, plan, member))
    return NULL;

  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    if (!read_collection (&reader, plan, root, c))
      return NULL;
  if (!read_tombstones (&reader, plan, root))
    return NULL;
  if (!check_references (&reader, plan))
    return NULL;

  return g_steal_pointer (&plan);
}

/**
 * sem_plan_codec_load_file:
 * @max_bytes: the largest file to read; 0 for %SEM_PLAN_MAX_BYTES
 *
 * Reads and checks a plan file. The file is only read, never changed.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error set
 */
SemPlan *
sem_plan_codec_load_file (GFile         *file,
                          gsize          max_bytes,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_parse_name (file);
  if (max_bytes == 0)
    max_bytes = SEM_PLAN_MAX_BYTES;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_IO,
                   _("%s: could not read the file: %s"), display_name, local_error->message);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size < 0 || (guint64) size > max_bytes)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *max_text = g_format_size (max_bytes);

      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_TOO_LARGE,
                   _("%s: the file is %s, more than the %s a plan may have"),
                   display_name, size_text, max_text);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_IO,
                   _("%s: could not read the file: %s"), display_name, local_error->message);
      return NULL;
    }
  /* It may have grown between the check and the read. */
  if (g_bytes_get_size (bytes) > max_bytes)
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_TOO_LARGE,
                   _("%s: the file grew past the size a plan may have while it was read"),
                   display_name);
      return NULL;
    }

  return sem_plan_codec_load_bytes (bytes, display_name, error);
}

/* ---- writing ---------------------------------------------------------- */

/* json_node_init_object () would take a second reference: hand ours over. */
static JsonNode *
take_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
strv_node (char **strv)
{
  JsonArray *array = json_array_sized_new (g_strv_length (strv));

  for (guint i = 0; strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);
  return take_array (array);
}

static JsonNode *entity_node (SemEntity *entity);

static void
write_field (JsonObject         *object,
             SemEntity          *entity,
             const SemFieldInfo *field)
{
  gpointer mem = sem_entity_field_ptr (entity, field);

  switch (field->kind)
    {
    case SEM_FIELD_STRING:
    case SEM_FIELD_DATE:
    case SEM_FIELD_REF:
      if (*(char **) mem != NULL)
        json_object_set_string_member (object, field->name, *(char **) mem);
      break;

    case SEM_FIELD_TEXT:
      {
        SemText *text = mem;
        JsonObject *lang;

        if (text->en == NULL && text->bg == NULL)
          break;
        lang = json_object_new ();
        if (text->en != NULL)
          json_object_set_string_member (lang, "en", text->en);
        if (text->bg != NULL)
          json_object_set_string_member (lang, "bg", text->bg);
        json_object_set_object_member (object, field->name, lang);
        break;
      }

    case SEM_FIELD_INSTANT:
      if (*(gint64 *) mem != 0)
        {
          char text[21];

          format_instant (*(gint64 *) mem, text);
          json_object_set_string_member (object, field->name, text);
        }
      break;

    case SEM_FIELD_INT:
      json_object_set_int_member (object, field->name, *(int *) mem);
      break;

    case SEM_FIELD_GEO:
      if (*(SemGeo **) mem != NULL)
        {
          const SemGeo *geo = *(SemGeo **) mem;
          JsonObject *point = json_object_new ();

          json_object_set_double_member (point, "latitude", geo->latitude);
          json_object_set_double_member (point, "longitude", geo->longitude);
          json_object_set_object_member (object, field->name, point);
        }
      break;

    case SEM_FIELD_BOOL:
      /* False is what an absent member reads as: leaving it out keeps the
       * files written before a flag was added byte-identical. */
      if (*(gboolean *) mem)
        json_object_set_boolean_member (object, field->name, TRUE);
      break;

    case SEM_FIELD_ENUM:
      json_object_set_string_member (object, field->name,
                                     sem_enum_to_nick (field->type_func (), *(int *) mem));
      break;

    case SEM_FIELD_FLAGS:
      {
        g_autoptr(GFlagsClass) klass = g_type_class_ref (field->type_func ());
        JsonArray *array = json_array_new ();
        guint flags = *(guint *) mem;

        for (guint i = 0; i < klass->n_values; i++)
          if (flags & klass->values[i].value)
            json_array_add_string_element (array, klass->values[i].value_nick);
        json_object_set_array_member (object, field->name, array);
        break;
      }

    case SEM_FIELD_STRV:
    case SEM_FIELD_REFS:
      if (*(char ***) mem != NULL)
        json_object_set_member (object, field->name, strv_node (*(char ***) mem));
      break;

    case SEM_FIELD_PAIRS:
      {
        char **strv = *(char ***) mem;
        JsonArray *array;

        if (strv == NULL)
          break;
        array = json_array_sized_new (g_strv_length (strv));
        for (guint i = 0; strv[i] != NULL; i++)
          {
            JsonObject *pair = json_object_new ();
            g_autofree char *a = NULL;
            const char *b = NULL;

            sem_pair_split (strv[i], &a, &b);
            json_object_set_string_member (pair, field->pair_a, a);
            json_object_set_string_member (pair, field->pair_b, b);
            json_array_add_object_element (array, pair);
          }
        json_object_set_array_member (object, field->name, array);
        break;
      }

    case SEM_FIELD_CHILDREN:
      {
        GPtrArray *children = *(GPtrArray **) mem;
        JsonArray *array;

        if (children == NULL)
          break;
        array = json_array_sized_new (children->len);
        for (guint i = 0; i < children->len; i++)
          json_array_add_element (array, entity_node (g_ptr_array_index (children, i)));
        json_object_set_array_member (object, field->name, array);
        break;
      }

    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
entity_node (SemEntity *entity)
{
  SemEntityClass *klass = SEM_ENTITY_GET_CLASS (entity);
  JsonObject *object = json_object_new ();
  gint64 modified = sem_entity_get_modified (entity);

  json_object_set_string_member (object, "id", sem_entity_get_id (entity));
  json_object_set_int_member (object, "revision", sem_entity_get_revision (entity));
  if (modified != 0)
    {
      char text[21];

      format_instant (modified, text);
      json_object_set_string_member (object, "modified", text);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    write_field (object, entity, &klass->fields[i]);

  return take_object (object);
}

/* Appends @text with every line indented by @indent. Generated JSON escapes
 * newlines inside strings, so every raw newline is between tokens. */
static void
append_indented (GString    *out,
                 const char *text,
                 gsize       length,
                 const char *indent)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *newline = memchr (text, '\n', end - text);
      const char *stop = newline != NULL ? newline + 1 : end;

      g_string_append (out, indent);
      g_string_append_len (out, text, stop - text);
      text = stop;
    }
}

/* Entries of one collection, generated into their own text: the unit of
 * work that the saver spreads over the processors. */
typedef struct
{
  SemEntity **entities;
  guint       n_entities;
  GString    *text;
} Chunk;

static gpointer
generate_chunk (gpointer data)
{
  Chunk *chunk = data;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) scratch = g_string_sized_new (4096);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  for (guint i = 0; i < chunk->n_entities; i++)
    {
      g_autoptr(JsonNode) node = entity_node (chunk->entities[i]);

      g_string_truncate (scratch, 0);
      json_generator_set_root (generator, node);
      json_generator_to_gstring (generator, scratch);
      g_string_append (chunk->text, i == 0 ? "\n" : ",\n");
      append_indented (chunk->text, scratch->str, scratch->len, "    ");
    }

  return NULL;
}

/* Below this many entries one thread is quicker than starting more. */
#define MIN_ENTRIES_PER_THREAD 4096

static void
append_list (GString    *out,
             const char *name,
             GListModel *model,
             gboolean    last)
{
  guint n = g_list_model_get_n_items (model);
  guint n_chunks = CLAMP (n / MIN_ENTRIES_PER_THREAD, 1, MIN (g_get_num_processors (), 8));
  g_autoptr(GPtrArray) entities = g_ptr_array_new_full (n, g_object_unref);
  Chunk chunks[8];
  GThread *threads[8] = { NULL };

  g_assert (n_chunks <= G_N_ELEMENTS (chunks));

  /* The model is read here, on the calling thread; the workers only read the
   * entities, which nobody changes until this function returns. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entities, g_list_model_get_item (model, i));

  g_string_append_printf (out, "  \"%s\" : [", name);

  /* The first chunk is generated straight into @out, the others into their
   * own text on worker threads, appended in order once they are done. */
  for (guint c = 0; c < n_chunks; c++)
    {
      guint first = (guint) ((guint64) n * c / n_chunks);
      guint next = (guint) ((guint64) n * (c + 1) / n_chunks);

      chunks[c].entities = (SemEntity **) entities->pdata + first;
      chunks[c].n_entities = next - first;
      chunks[c].text = c == 0 ? out : g_string_sized_new (chunks[c].n_entities * 512 + 16);
      if (c > 0)
        threads[c] = g_thread_new ("sem-plan-save", generate_chunk, &chunks[c]);
    }
  generate_chunk (&chunks[0]);

  for (guint c = 1; c < n_chunks; c++)
    {
      g_autoptr(GString) text = chunks[c].text;

      g_thread_join (threads[c]);
      /* Each chunk starts its first entry with a bare newline. */
      g_string_append_c (out, ',');
      g_string_append_len (out, text->str, text->len);
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");
  g_string_append (out, last ? "\n" : ",\n");
}

/* After uid_domain, sorted, and only when there are some: the files of
 * plans without accepted warnings stay as they were. */
static void
append_accepted_conflicts (GString *out,
                           SemPlan *plan)
{
  g_auto(GStrv) ids = sem_plan_dup_accepted_conflicts (plan);

  if (ids[0] == NULL)
    return;

  g_string_append (out, "  \"accepted_conflicts\" : [");
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), ids[i]);
      g_autofree char *text = json_to_string (node, FALSE);

      g_string_append_printf (out, "%s\n    %s", i > 0 ? "," : "", text);
    }
  g_string_append (out, "\n  ],\n");
}

/**
 * sem_plan_codec_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Writes the plan file's text, pretty-printed, in a canonical order: an
 * unchanged plan always gives the same bytes. Each entry is generated by
 * json-glib on its own and the few lines around them are written here, so
 * that a big plan never needs a second, whole-document tree in memory, and
 * a big collection is generated on all processors.
 *
 * Returns: (transfer full): the plan file's text
 */
char *
sem_plan_codec_to_data (SemPlan *plan,
                        gsize   *length)
{
  GString *out;

  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);

  out = g_string_sized_new (1 << 16);
  g_string_append_printf (out, "{\n  \"format\" : \"%s\",\n  \"version\" : %d,\n",
                          SEM_PLAN_FORMAT, SEM_PLAN_FORMAT_VERSION);
  /* Checked on load to be made of letters, digits, '.', '-' and '_': no escaping needed. */
  if (sem_plan_get_uid_domain (plan) != NULL)
    g_string_append_printf (out, "  \"uid_domain\" : \"%s\",\n", sem_plan_get_uid_domain (plan));
  append_accepted_conflicts (out, plan);
  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    append_list (out, sem_collection_get_name (c), sem_plan_get_collection (plan, c), FALSE);
  append_list (out, "tombstones", sem_plan_get_tombstones (plan), TRUE);
  g_string_append (out, "}\n");

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Keeps the file as it is now beside it as FILE.bak: a hard link where the
 * file system has them, so the old bytes are never copied nor half-written. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *temp = g_strconcat (path, ".bak~", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  g_unlink (temp);
  if (link (path, temp) == 0)
    {
      if (g_rename (temp, backup) == 0)
        return TRUE;
      g_unlink (temp);
    }

  source = g_file_new_for_path (path);
  target = g_file_new_for_path (backup);
  return g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/**
 * sem_plan_codec_write_file:
 * @path: where the plan lives
 *
 * Saves atomically and durably: the previous version is kept as PATH.bak,
 * the new text is written to a temporary file, flushed to disk and renamed
 * over PATH, so a crash at any moment leaves the old or the new file.
 *
 * Returns: whether the file was saved; on failure PATH is as it was
 */
gboolean
sem_plan_codec_write_file (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!keep_backup (path, &local_error) ||
      !g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_IO,
                   _("Could not save “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * sem_plan_codec_entity_to_json:
 *
 * Returns: (transfer full): one entity as it is written in the plan file
 */
JsonNode *
sem_plan_codec_entity_to_json (SemEntity *entity)
{
  g_return_val_if_fail (SEM_IS_ENTITY (entity), NULL);

  return entity_node (entity);
}

/* sem-plan-loader.c — a whole plan file: size, nesting, format, collections, references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-plan-codec"

#include "config.h"

#include <glib/gi18n.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>

#include "sem-entity-private.h"
#include "sem-external-event.h"
#include "sem-plan-codec-private.h"
#include "sem-plan-private.h"
#include "sem-tombstone.h"

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
  return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_DANGLING, path, "%s", problem);
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
    return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  entities = g_ptr_array_new_full (n, g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  klass = g_type_class_ref (type);
  sem_plan_reader_checks_init (&checks, klass);
  g_type_class_unref (klass);

  for (guint i = 0; i < n; i++)
    {
      Path item = { &path, NULL, i };
      SemEntity *entity = sem_plan_reader_read_entity (reader, &item, json_array_get_element (array, i),
                                       type, &checks);

      if (entity == NULL)
        return FALSE;
      g_ptr_array_add (entities, entity);
      if (!g_hash_table_add (seen, (char *) sem_entity_get_id (entity)))
        {
          Path id_path = { &item, "id", 0 };
          return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_DUPLICATE, &id_path,
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
    return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list"));

  array = json_node_get_array (node);
  klass = g_type_class_ref (SEM_TYPE_TOMBSTONE);
  sem_plan_reader_checks_init (&checks, klass);
  g_type_class_unref (klass);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path item = { &path, NULL, i };
      g_autoptr(SemEntity) tombstone = sem_plan_reader_read_entity (reader, &item,
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
    return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list of conflict ids"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Path item_path = { &path, NULL, i };
      const char *id = sem_plan_reader_node_string (json_array_get_element (array, i));
      gboolean valid = id != NULL && *id != '\0' && strlen (id) <= 1000 &&
                       g_utf8_validate (id, -1, NULL);

      for (const char *p = id; valid && *p != '\0'; p++)
        if (g_ascii_iscntrl (*p))
          valid = FALSE;
      if (!valid)
        return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_INVALID, &item_path, "%s",
                     _("expected the id of a conflict, as “sofia-seminars check” prints it"));
      sem_plan_set_conflict_accepted (plan, id, TRUE);
    }

  return TRUE;
}

/* The parsed tree of a big plan takes a good part of the load to free, and
 * nothing of the plan points into it: it is let go on a thread of its own,
 * so that the plan reaches whoever waits for it (the window, at start-up)
 * that much sooner. */
#define RELEASE_IN_BACKGROUND_BYTES (1024 * 1024)

static gpointer
release_thread (gpointer data)
{
#ifdef SCHED_IDLE
  /* Freeing can wait: the cores go first to whatever shows the plan. */
  struct sched_param param = { 0, };

  pthread_setschedparam (pthread_self (), SCHED_IDLE, &param);
#endif
  g_object_unref (data);
  return NULL;
}

static void
release_in_background (JsonParser *parser)
{
  GThread *thread = g_thread_try_new ("sem-json-release", release_thread, parser, NULL);

  if (thread != NULL)
    g_thread_unref (thread);
  else
    g_object_unref (parser);
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
  if (g_strcmp0 (sem_plan_reader_node_string (json_object_get_member (root, "format")), SEM_PLAN_FORMAT) != 0)
    {
      sem_plan_reader_fail (&reader, SEM_PLAN_ERROR_NOT_A_PLAN, &format_path,
            _("this is not a Sofia Seminars plan (expected “%s”)"), SEM_PLAN_FORMAT);
      return NULL;
    }

  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64)
    {
      sem_plan_reader_fail (&reader, SEM_PLAN_ERROR_VERSION, &version_path, "%s",
            _("the format version is missing"));
      return NULL;
    }
  if (json_node_get_int (version) != SEM_PLAN_FORMAT_VERSION)
    {
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      sem_plan_reader_fail (&reader, SEM_PLAN_ERROR_VERSION, &version_path,
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
          sem_plan_reader_fail (&reader, SEM_PLAN_ERROR_INVALID, NULL, _("unknown member “%s”"),
                (const char *) l->data);
          return NULL;
        }
  }

  plan = sem_plan_new ();

  if ((member = json_object_get_member (root, "uid_domain")) != NULL)
    {
      Path domain_path = { NULL, "uid_domain", 0 };
      const char *domain = sem_plan_reader_node_string (member);

      if (domain == NULL || !sem_id_is_valid (domain) || strchr (domain, '.') == NULL)
        {
          sem_plan_reader_fail (&reader, SEM_PLAN_ERROR_INVALID, &domain_path, "%s",
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

  if (length >= RELEASE_IN_BACKGROUND_BYTES)
    release_in_background (g_steal_pointer (&parser));

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

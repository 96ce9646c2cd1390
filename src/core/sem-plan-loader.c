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

/* The longest collection, when this long, is read on two threads; any
 * collection this long has its references checked on two. */
#define PARALLEL_MIN_ENTRIES 2000

/* Whether to split a collection of @n entries in two halves. */
static gboolean
split_in_halves (guint n)
{
  return n >= PARALLEL_MIN_ENTRIES && g_get_num_processors () > 1;
}

/* The entities of each collection as read, in the order of the file; the
 * references are checked on these rather than on the plan's list models,
 * which are not to be read from two threads. */
typedef struct
{
  GPtrArray *collections[SEM_N_COLLECTIONS];
} Loaded;

static void
loaded_clear (Loaded *loaded)
{
  for (guint c = 0; c < SEM_N_COLLECTIONS; c++)
    g_clear_pointer (&loaded->collections[c], g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loaded, loaded_clear)

/* The entries [begin, end) of one collection, checked by one thread. */
typedef struct
{
  Reader          reader;     /* its own: its own error */
  GError         *error;
  SemPlan        *plan;
  GPtrArray      *entities;
  SemEntityClass *klass;
  const Path     *path;
  guint           begin;
  guint           end;
  gint           *abandon;    /* or NULL; set when an earlier part failed */
} RefsPart;

/* Every reference of the part's entities must name an entity of the plan;
 * stops at the first that does not (with part->error set). */
static void
check_references_part (RefsPart *part)
{
  SemEntityClass *klass = part->klass;

  for (guint i = part->begin; i < part->end; i++)
    {
      SemEntity *entity = g_ptr_array_index (part->entities, i);
      Path entity_path = { part->path, NULL, i };

      if (part->abandon != NULL && g_atomic_int_get (part->abandon))
        return;
      for (guint f = 0; f < klass->n_fields; f++)
        {
          const SemFieldInfo *field = &klass->fields[f];
          Path field_path = { &entity_path, field->name, 0 };
          gpointer mem;

          if (field->kind != SEM_FIELD_REF && field->kind != SEM_FIELD_REFS && field->kind != SEM_FIELD_PAIRS)
            continue;
          mem = sem_entity_field_ptr (entity, field);
          if (field->kind == SEM_FIELD_REF && *(char **) mem != NULL)
            {
              if (!check_reference (&part->reader, part->plan, &field_path, field->target, *(char **) mem))
                return;
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
                      if (!check_reference (&part->reader, part->plan, &item_path, field->target, strv[k]))
                        return;
                      continue;
                    }

                  sem_pair_split (strv[k], &a, &b);
                  if (!check_reference (&part->reader, part->plan, &item_path, field->target, a))
                    return;
                  if (field->target_b != SEM_COLLECTION_NONE &&
                      !check_reference (&part->reader, part->plan, &item_path, field->target_b, b))
                    return;
                }
            }
        }
    }
}

static gpointer
check_references_thread (gpointer data)
{
  check_references_part (data);
  return NULL;
}

/* Every reference must name an entity of the plan. The plan is only read
 * here, and its indexes may be read from two threads at once. */
static gboolean
check_references (Reader       *reader,
                  SemPlan      *plan,
                  const Loaded *loaded)
{
  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    {
      GPtrArray *entities = loaded->collections[c];
      /* The plan holds a reference on each collection's class. */
      SemEntityClass *klass = g_type_class_peek (sem_collection_get_item_type (c));
      Path collection_path = { NULL, sem_collection_get_name (c), 0 };
      RefsPart parts[2];
      guint n_parts = 1;
      gint abandon = FALSE;
      guint n;

      if (entities == NULL)
        continue;
      n = entities->len;
      for (guint p = 0; p < 2; p++)
        {
          parts[p].reader = *reader;
          parts[p].reader.error = &parts[p].error;
          parts[p].error = NULL;
          parts[p].plan = plan;
          parts[p].entities = entities;
          parts[p].klass = klass;
          parts[p].path = &collection_path;
          parts[p].begin = p == 0 ? 0 : n / 2;
          parts[p].end = n;
          parts[p].abandon = p == 0 ? NULL : &abandon;
        }

      if (split_in_halves (n))
        {
          GThread *thread = g_thread_try_new ("sem-plan-refs", check_references_thread, &parts[1], NULL);

          if (thread != NULL)
            {
              n_parts = 2;
              parts[0].end = n / 2;
              check_references_part (&parts[0]);
              if (parts[0].error != NULL)
                g_atomic_int_set (&abandon, TRUE);
              g_thread_join (thread);
            }
        }
      if (n_parts == 1)
        check_references_part (&parts[0]);

      /* The first dangling reference, as one thread would have found it. */
      for (guint p = 0; p < n_parts; p++)
        if (parts[p].error != NULL)
          {
            g_propagate_error (reader->error, g_steal_pointer (&parts[p].error));
            for (guint q = p + 1; q < n_parts; q++)
              g_clear_error (&parts[q].error);
            return FALSE;
          }
    }

  return TRUE;
}

/* One part of a collection's entries, read by one thread. */
typedef struct
{
  Reader        reader;     /* its own: its own error and time zone cache */
  GError       *error;
  JsonArray    *array;
  const Path   *path;
  GType         type;
  const Checks *checks;
  guint         begin;
  guint         end;
  GPtrArray    *entities;   /* those read, in order, up to the first that failed */
  GHashTable   *seen;       /* the ids of @entities */
  gboolean      repeated;   /* the last of @entities repeats an id of the part */
  gint         *abandon;    /* or NULL; set when an earlier part failed */
} Part;

/* Reads the entries [begin, end) of the part; stops at the first that fails
 * (with part->error set), at the first that repeats an id of the part, or
 * when the part is abandoned. */
static void
read_part (Part *part)
{
  for (guint i = part->begin; i < part->end; i++)
    {
      Path item = { part->path, NULL, i };
      SemEntity *entity;

      /* An earlier part failed: what this one finds would not be reported. */
      if (part->abandon != NULL && g_atomic_int_get (part->abandon))
        return;
      /* The entry after next, and the object of the next one. */
      if (i + 2 < part->end)
        {
          JsonNode *next = json_array_get_element (part->array, i + 1);

          SEM_PREFETCH (json_array_get_element (part->array, i + 2));
          if (JSON_NODE_HOLDS_OBJECT (next))
            SEM_PREFETCH (json_node_get_object (next));
        }
      entity = sem_plan_reader_read_entity (&part->reader, &item, json_array_get_element (part->array, i),
                                            part->type, part->checks);
      if (entity == NULL)
        return;
      g_ptr_array_add (part->entities, entity);
      if (!g_hash_table_add (part->seen, (char *) sem_entity_get_id (entity)))
        {
          part->repeated = TRUE;
          return;
        }
    }
}

static gpointer
read_part_thread (gpointer data)
{
  read_part (data);
  return NULL;
}

static void
part_init (Part          *part,
           const Reader  *reader,
           GHashTable    *known_zones,
           JsonArray     *array,
           const Path    *path,
           GType          type,
           const Checks  *checks,
           guint          begin,
           guint          end)
{
  part->reader = *reader;
  part->reader.error = &part->error;
  part->reader.known_zones = known_zones;
  part->error = NULL;
  part->array = array;
  part->path = path;
  part->type = type;
  part->checks = checks;
  part->begin = begin;
  part->end = end;
  part->entities = g_ptr_array_new_full (end - begin, g_object_unref);
  part->seen = g_hash_table_new (g_str_hash, g_str_equal);
  part->repeated = FALSE;
  part->abandon = NULL;
}

static void
part_clear (Part *part)
{
  g_clear_error (&part->error);
  g_clear_pointer (&part->seen, g_hash_table_unref);
  g_clear_pointer (&part->entities, g_ptr_array_unref);
}

/* The second part of the longest collection is read from the start, on a
 * thread of its own, beside all the collections before it. */
typedef struct
{
  SemCollection  collection;   /* SEM_COLLECTION_NONE: there is no such part */
  Path           path;
  Checks         checks;
  GHashTable    *known_zones;
  Part           part;
  GThread       *thread;       /* until joined */
  gint           abandon;
} EarlyPart;

static void
early_part_start (EarlyPart    *early,
                  const Reader *reader,
                  JsonObject   *root)
{
  SemCollection longest = SEM_COLLECTION_NONE;
  JsonArray *array = NULL;
  SemEntityClass *klass;
  GType type;
  guint total = 0;
  guint n = 0;
  guint take;

  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    {
      JsonNode *node = json_object_get_member (root, sem_collection_get_name (c));
      guint length;

      if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
        continue;
      length = json_array_get_length (json_node_get_array (node));
      total += length;
      if (length > n)
        {
          n = length;
          longest = c;
          array = json_node_get_array (node);
        }
    }
  if (longest == SEM_COLLECTION_NONE || !split_in_halves (n))
    return;

  /* Half of all the entries, and at least half of its collection's. */
  take = MIN (n, MAX (n - n / 2, total / 2));
  type = sem_collection_get_item_type (longest);
  klass = g_type_class_ref (type);
  sem_plan_reader_checks_init (&early->checks, klass);
  g_type_class_unref (klass);
  early->path.parent = NULL;
  early->path.member = sem_collection_get_name (longest);
  early->path.index = 0;
  early->known_zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  early->abandon = FALSE;
  part_init (&early->part, reader, early->known_zones, array, &early->path, type, &early->checks, n - take, n);
  early->part.abandon = &early->abandon;
  early->collection = longest;
  early->thread = g_thread_try_new ("sem-plan-reader", read_part_thread, &early->part, NULL);
  if (early->thread == NULL)
    {
      part_clear (&early->part);
      g_clear_pointer (&early->known_zones, g_hash_table_unref);
      early->collection = SEM_COLLECTION_NONE;
    }
}

/* Stops the part if it still runs: the load failed before its collection. */
static void
early_part_clear (EarlyPart *early)
{
  if (early->thread != NULL)
    {
      g_atomic_int_set (&early->abandon, TRUE);
      g_thread_join (early->thread);
      early->thread = NULL;
    }
  if (early->collection != SEM_COLLECTION_NONE)
    {
      part_clear (&early->part);
      g_clear_pointer (&early->known_zones, g_hash_table_unref);
      early->collection = SEM_COLLECTION_NONE;
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EarlyPart, early_part_clear)

static gboolean
read_collection (Reader        *reader,
                 SemPlan       *plan,
                 JsonObject    *root,
                 SemCollection  collection,
                 EarlyPart     *early,
                 Loaded        *loaded)
{
  const char *name = sem_collection_get_name (collection);
  JsonNode *node = json_object_get_member (root, name);
  g_autoptr(GPtrArray) entities = NULL;
  Path path = { NULL, name, 0 };
  GType type = sem_collection_get_item_type (collection);
  SemEntityClass *klass;
  JsonArray *array;
  Checks checks;
  Part own;
  Part *parts[2] = { &own, NULL };
  guint n_parts = 1;
  gboolean ok = TRUE;
  guint n;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return sem_plan_reader_fail (reader, SEM_PLAN_ERROR_TYPE, &path, "%s", _("expected a list"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  klass = g_type_class_ref (type);
  sem_plan_reader_checks_init (&checks, klass);
  g_type_class_unref (klass);

  /* The longest collection is read in two parts at once: the first here,
   * the second on a thread of its own, started before the collections were
   * read (see early_part_start ()). Everything the reader calls is safe
   * on two threads: the class indexes and classes it needs are found before
   * the thread starts, GObject and GTimeZone lock what they share, and each
   * part has its own time zone cache and error. */
  if (early->collection == collection)
    {
      n_parts = 2;
      part_init (&own, reader, reader->known_zones, array, &path, type, &checks, 0, early->part.begin);
      parts[1] = &early->part;
      read_part (parts[0]);
      if (parts[0]->error != NULL || parts[0]->repeated)
        g_atomic_int_set (&early->abandon, TRUE);
      g_thread_join (early->thread);
      early->thread = NULL;
    }
  else
    {
      part_init (&own, reader, reader->known_zones, array, &path, type, &checks, 0, n);
      read_part (&own);
    }

  /* The error is the one the entries read one by one would give: the
   * first entry that fails or repeats an id. */
  entities = g_ptr_array_new_full (n, g_object_unref);
  for (guint p = 0; ok && p < n_parts; p++)
    {
      Part *part = parts[p];
      guint repeated = G_MAXUINT;

      /* A part has checked its own ids; here they meet those of the parts before. */
      for (guint k = 0; k < part->entities->len && repeated == G_MAXUINT; k++)
        for (guint q = 0; q < p; q++)
          if (g_hash_table_contains (parts[q]->seen, sem_entity_get_id (g_ptr_array_index (part->entities, k))))
            {
              repeated = k;
              break;
            }
      if (repeated == G_MAXUINT && part->repeated)
        repeated = part->entities->len - 1;
      if (repeated != G_MAXUINT)
        {
          SemEntity *entity = g_ptr_array_index (part->entities, repeated);
          Path item = { &path, NULL, part->begin + repeated };
          Path id_path = { &item, "id", 0 };

          ok = sem_plan_reader_fail (reader, SEM_PLAN_ERROR_DUPLICATE, &id_path,
                                     _("the id “%s” is used twice"), sem_entity_get_id (entity));
        }
      else if (part->error != NULL)
        {
          g_propagate_error (reader->error, g_steal_pointer (&part->error));
          ok = FALSE;
        }
    }
  for (guint p = 0; ok && p < n_parts; p++)
    g_ptr_array_extend_and_steal (entities, g_steal_pointer (&parts[p]->entities));
  for (guint p = 0; p < n_parts; p++)
    part_clear (parts[p]);
  if (!ok)
    return FALSE;

  sem_plan_splice_loaded (plan, collection, entities);
  loaded->collections[collection] = g_steal_pointer (&entities);
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
      sem_plan_mark_conflict_accepted (plan, id, TRUE);
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
  g_auto(Loaded) loaded = { { NULL, } };
  g_auto(EarlyPart) early = { .collection = SEM_COLLECTION_NONE, .thread = NULL };
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

  early_part_start (&early, &reader, root);
  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    if (!read_collection (&reader, plan, root, c, &early, &loaded))
      return NULL;
  if (!read_tombstones (&reader, plan, root))
    return NULL;
  if (!check_references (&reader, plan, &loaded))
    return NULL;

  if (length >= RELEASE_IN_BACKGROUND_BYTES)
    release_in_background (g_steal_pointer (&parser));

  return g_steal_pointer (&plan);
}

/* The file's bytes. A local file is read into one buffer of its size;
 * GIO's g_file_load_bytes () reads 8 KiB at a time, growing its buffer as it
 * goes: for a 9 MB plan, ~10 ms more before the parse can start. */
static GBytes *
load_bytes (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *path = g_file_peek_path (file);
  char *contents;
  gsize length;

  if (path == NULL)
    return g_file_load_bytes (file, cancellable, NULL, error);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return g_bytes_new_take (contents, length);
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

  bytes = load_bytes (file, cancellable, &local_error);
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

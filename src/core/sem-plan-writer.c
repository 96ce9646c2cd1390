/* sem-plan-writer.c — the plan file written: canonical, pretty, durable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-plan-codec"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sem-entity-private.h"
#include "sem-plan-codec-private.h"

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

          sem_instant_format_into (*(gint64 *) mem, text);
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
      /* Like a false flag: an enum added later keeps older files' bytes. */
      if ((field->flags & SEM_FIELD_OMIT_DEFAULT) != 0 && *(int *) mem == 0)
        break;
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

      sem_instant_format_into (modified, text);
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

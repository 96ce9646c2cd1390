/* sem-test-util.c — what several tests share: a rich plan, a fake clock, comparisons (no GTK)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-test"

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>

#include "sem-city.h"
#include "sem-entity.h"
#include "sem-session.h"
#include "sem-venue.h"
#include "sem-test-util.h"

const char *const sem_test_rich_plan_json =
  "{\n"
  "  \"format\": \"org.sofia.Seminars.plan\",\n"
  "  \"version\": 1,\n"
  "  \"programmes\": [\n"
  "    {\"id\": \"dcc\", \"revision\": 3, \"modified\": \"2018-01-10T10:00:00Z\",\n"
  "     \"name\": {\"en\": \"Digital Cities Challenge\", \"bg\": \"Предизвикателство „Дигитални градове“\"},\n"
  "     \"organiser\": \"European Commission\", \"start_date\": \"2018-01-01\",\n"
  "     \"end_date\": \"2019-06-30\", \"url\": \"https://example.org/dcc\",\n"
  "     \"description\": {\"en\": \"Five academy seminars\"},\n"
  "     \"cities\": [{\"city\": \"sofia\", \"role\": \"participant\"},\n"
  "                {\"city\": \"brussels\", \"role\": \"partner\"}]}\n"
  "  ],\n"
  "  \"cities\": [\n"
  "    {\"id\": \"sofia\", \"name\": {\"en\": \"Sofia\", \"bg\": \"София\"}, \"country\": \"BG\",\n"
  "     \"timezone\": \"Europe/Sofia\"},\n"
  "    {\"id\": \"brussels\", \"name\": {\"en\": \"Brussels\", \"bg\": \"Брюксел\"}, \"country\": \"BE\",\n"
  "     \"timezone\": \"Europe/Brussels\"}\n"
  "  ],\n"
  "  \"venues\": [\n"
  "    {\"id\": \"hub\", \"name\": {\"en\": \"Innovation Hub\", \"bg\": \"Иновационен център\"},\n"
  "     \"address\": \"Rue de la Loi 1\", \"city\": \"brussels\", \"timezone\": \"Europe/Brussels\",\n"
  "     \"geo\": {\"latitude\": 50.8467, \"longitude\": 4.3525}}\n"
  "  ],\n"
  "  \"rooms\": [\n"
  "    {\"id\": \"hall\", \"venue\": \"hub\", \"name\": {\"en\": \"Main hall\", \"bg\": \"Голяма зала\"},\n"
  "     \"capacity\": 120},\n"
  "    {\"id\": \"room-b\", \"venue\": \"hub\", \"name\": {\"en\": \"Room B\"}, \"capacity\": 30}\n"
  "  ],\n"
  "  \"people\": [\n"
  "    {\"id\": \"ivanova\", \"name\": \"Maria Ivanova\", \"organisation\": \"Sofia Municipality\",\n"
  "     \"position\": {\"en\": \"Director\", \"bg\": \"Директор\"}, \"email\": \"m@example.org\",\n"
  "     \"phone\": \"+359 2 000 0000\", \"city\": \"sofia\", \"language\": \"bg\",\n"
  "     \"roles\": [\"delegate\", \"staff\"]},\n"
  "    {\"id\": \"peeters\", \"name\": \"Jan Peeters\", \"roles\": [\"expert\"]}\n"
  "  ],\n"
  "  \"events\": [\n"
  "    {\"id\": \"brussels-1\", \"programme\": \"dcc\", \"kind\": \"academy-seminar\",\n"
  "     \"title\": {\"en\": \"First academy seminar\", \"bg\": \"Първи семинар\"},\n"
  "     \"description\": {\"bg\": \"Два дни\"}, \"venue\": \"hub\", \"timezone\": \"Europe/Brussels\",\n"
  "     \"mode\": \"hybrid\", \"online_link\": \"https://meet.example.org/1\",\n"
  "     \"start_date\": \"2018-02-20\", \"end_date\": \"2018-02-21\", \"status\": \"confirmed\"}\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    {\"id\": \"opening\", \"revision\": 2, \"modified\": \"2018-02-01T12:00:00Z\",\n"
  "     \"event\": \"brussels-1\", \"kind\": \"opening\",\n"
  "     \"title\": {\"en\": \"Opening session\", \"bg\": \"Откриване\"},\n"
  "     \"start\": \"2018-02-20T08:30:00Z\", \"end\": \"2018-02-20T09:30:00Z\", \"room\": \"hall\",\n"
  "     \"facilitators\": [\"peeters\"], \"audience\": \"all\", \"language\": \"en\",\n"
  "     \"interpretation\": [\"bg\", \"fr\"], \"capacity\": 100, \"status\": \"confirmed\"},\n"
  "    {\"id\": \"special\", \"event\": \"brussels-1\", \"kind\": \"special\",\n"
  "     \"title\": {\"en\": \"What digitalisation means for business\"},\n"
  "     \"description\": {\"en\": \"A special session\", \"bg\": \"Специална сесия\"},\n"
  "     \"start\": \"2018-02-21T13:00:00Z\", \"end\": \"2018-02-21T15:00:00Z\", \"room\": \"room-b\",\n"
  "     \"audience\": \"delegations\", \"audience_delegations\": [\"sofia-dcc\"],\n"
  "     \"audience_roles\": [\"participant\"], \"status\": \"tentative\"}\n"
  "  ],\n"
  "  \"delegations\": [\n"
  "    {\"id\": \"sofia-dcc\", \"event\": \"brussels-1\", \"city\": \"sofia\", \"head\": \"ivanova\",\n"
  "     \"members\": [\"ivanova\"], \"arrival\": \"2018-02-19\", \"departure\": \"2018-02-22\",\n"
  "     \"status\": \"confirmed\", \"notes\": \"Flights booked\",\n"
  "     \"attendance\": [{\"person\": \"ivanova\", \"session\": \"opening\"},\n"
  "                    {\"person\": \"ivanova\", \"session\": \"special\"}]}\n"
  "  ],\n"
  "  \"feeds\": [\n"
  "    {\"id\": \"ec\", \"name\": \"Commission calendar\", \"url\": \"https://example.org/ec.ics\",\n"
  "     \"colour\": \"#3584e4\", \"refresh_interval\": 3600, \"enabled\": true, \"etag\": \"\\\"abc\\\"\",\n"
  "     \"http_last_modified\": \"Tue, 20 Feb 2018 08:00:00 GMT\", \"body_hash\": \"sha256:00ff\",\n"
  "     \"last_sync\": \"2018-02-19T07:00:00Z\", \"last_error\": \"\",\n"
  "     \"events\": [{\"id\": \"uid-1@example.org\", \"summary\": \"Info day\",\n"
  "                 \"location\": \"Berlaymont\", \"description\": \"Line one\\nline two\",\n"
  "                 \"start\": \"2018-02-22T00:00:00Z\", \"end\": \"2018-02-23T00:00:00Z\",\n"
  "                 \"all_day\": true, \"sequence\": 4}]}\n"
  "  ],\n"
  "  \"tombstones\": [\n"
  "    {\"id\": \"old-session\", \"revision\": 5, \"modified\": \"2018-02-02T00:00:00Z\",\n"
  "     \"deleted\": \"2018-02-02T00:00:00Z\"}\n"
  "  ]\n"
  "}\n";

SemPlan *
sem_test_load_rich_plan (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (sem_test_rich_plan_json,
                                                strlen (sem_test_rich_plan_json));
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_plan_codec_load_bytes (bytes, "rich.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

gint64
sem_test_clock_cb (gpointer user_data)
{
  return *(gint64 *) user_data;
}

static void
snapshot_model (GPtrArray  *out,
                GListModel *model)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);
      g_ptr_array_add (copies, sem_entity_copy (entity));
    }
  g_ptr_array_add (out, copies);
}

GPtrArray *
sem_test_snapshot (SemPlan *plan)
{
  GPtrArray *snapshot = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (SemCollection c = 0; c < SEM_N_COLLECTIONS; c++)
    snapshot_model (snapshot, sem_plan_get_collection (plan, c));
  snapshot_model (snapshot, sem_plan_get_tombstones (plan));
  return snapshot;
}

void
sem_test_assert_snapshot (SemPlan   *plan,
                          GPtrArray *snapshot)
{
  g_assert_cmpuint (snapshot->len, ==, SEM_N_COLLECTIONS + 1);

  for (guint c = 0; c < snapshot->len; c++)
    {
      GPtrArray *copies = g_ptr_array_index (snapshot, c);
      GListModel *model = c < SEM_N_COLLECTIONS ? sem_plan_get_collection (plan, c)
                                                : sem_plan_get_tombstones (plan);

      g_assert_cmpuint (g_list_model_get_n_items (model), ==, copies->len);
      for (guint i = 0; i < copies->len; i++)
        {
          g_autoptr(SemEntity) entity = g_list_model_get_item (model, i);
          SemEntity *copy = g_ptr_array_index (copies, i);

          /* A tombstone's "deleted" is when the removal was (re)done, a stamp
           * like "modified": only its id must come back. */
          if (c == SEM_N_COLLECTIONS)
            {
              g_assert_cmpstr (sem_entity_get_id (entity), ==, sem_entity_get_id (copy));
              continue;
            }
          if (!sem_entity_fields_equal (entity, copy))
            g_test_message ("collection %u item %u (“%s”) differs from its snapshot “%s”", c, i,
                            sem_entity_get_id (entity), sem_entity_get_id (copy));
          g_assert_true (sem_entity_fields_equal (entity, copy));
        }
    }
}

static void
strip_stamps (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = NULL;

      json_object_remove_member (object, "revision");
      json_object_remove_member (object, "modified");
      members = json_object_get_values (object);
      for (GList *l = members; l != NULL; l = l->next)
        strip_stamps (l->data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        strip_stamps (json_array_get_element (array, i));
    }
}

char *
sem_test_normalised_data (SemPlan *plan)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonArray *tombstones;
  JsonNode *root;
  gsize length;

  data = sem_plan_codec_to_data (plan, &length);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  tombstones = json_object_get_array_member (json_node_get_object (root), "tombstones");

  strip_stamps (root);
  for (guint i = 0; i < json_array_get_length (tombstones); i++)
    json_object_remove_member (json_array_get_object_element (tombstones, i), "deleted");
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
sem_test_read_file (const char *path,
                    gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

void
sem_test_write_file (const char *path,
                     const char *data,
                     gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Loads a plan file, failing the test if it does not load. */
SemPlan *
sem_test_load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_plan_codec_load_file (file, 0, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  gint64 start_a = sem_session_get_start (*(SemSession **) a);
  gint64 start_b = sem_session_get_start (*(SemSession **) b);

  return start_a < start_b ? -1 : start_a > start_b;
}

GPtrArray *
sem_test_event_sessions (SemPlan    *plan,
                         const char *event_id)
{
  GListModel *sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (sem_session_get_event (session), event_id) == 0)
        g_ptr_array_add (found, session);  /* the plan keeps it alive */
    }
  g_ptr_array_sort (found, compare_start);

  return found;
}

/* Removes @dir and everything in it. */
void
sem_test_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        sem_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
sem_test_count_notify_cb (GObject    *object,
                          GParamSpec *pspec,
                          guint      *count)
{
  (*count)++;
}

gint64
sem_test_utc (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

SemEvent *
sem_test_find_brussels_seminar (SemPlan *plan)
{
  GListModel *events = sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(SemEvent) event = g_list_model_get_item (events, i);
      SemEntity *venue = sem_plan_lookup (plan, SEM_COLLECTION_VENUES, sem_event_get_venue (event));
      SemEntity *city = venue ? sem_plan_lookup (plan, SEM_COLLECTION_CITIES,
                                                 sem_venue_get_city (SEM_VENUE (venue))) : NULL;

      if (sem_event_get_kind (event) == SEM_EVENT_KIND_ACADEMY_SEMINAR && city != NULL &&
          g_strcmp0 (sem_city_get_name (SEM_CITY (city), "en"), "Brussels") == 0)
        return event;  /* the plan keeps it alive */
    }
  return NULL;
}

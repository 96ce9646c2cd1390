/* test-plan-codec.c — the plan file: round trips, every bad input, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-plan-codec"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sem-demo.h"
#include "sem-external-event.h"
#include "sem-session.h"
#include "sem-test-util.h"

static char *tmp_dir;

static void
assert_plans_equal (SemPlan *a,
                    SemPlan *b)
{
  g_autoptr(GPtrArray) snapshot = sem_test_snapshot (a);

  sem_test_assert_snapshot (b, snapshot);
}

static void
assert_round_trip (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (bytes, "first.json", &error);
  g_autoptr(SemPlan) again = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;
  g_autofree char *resaved = NULL;
  char *saved;
  gsize length, relength;

  g_assert_no_error (error);
  saved = sem_plan_codec_to_data (plan, &length);
  saved_bytes = g_bytes_new_take (saved, length);
  again = sem_plan_codec_load_bytes (saved_bytes, "second.json", &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, again);

  resaved = sem_plan_codec_to_data (again, &relength);
  g_assert_cmpmem (resaved, relength, saved, length);
}

/* Loading feed events must not depend on anything having used their class before. */
static void
test_fresh_process (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SemPlan) plan = sem_test_load_rich_plan ();
      g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS)), ==, 1);
      return;
    }
  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    {
      /* Fail without aborting, so the other tests still run. */
      g_test_message ("core bug: sem-plan-codec.c read_field() CHILDREN passes "
                      "g_type_class_peek (SemExternalEvent) = NULL to checks_init()");
      g_test_fail ();
    }
}

static void
test_demo_round_trip (void)
{
  g_autoptr(GBytes) bytes = sem_demo_get_bytes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autofree char *saved = NULL;
  gsize length;

  g_assert_nonnull (bytes);
  plan = sem_plan_codec_load_bytes (bytes, "demo-plan.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS)), >, 0);

  /* The bundled file is canonical: saving it unchanged gives the same bytes. */
  saved = sem_plan_codec_to_data (plan, &length);
  g_assert_cmpmem (saved, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_round_trip (bytes);
}

/* Big collections are generated in chunks on several threads: the joins
 * must give the same bytes, one comma between entries and nothing lost. */
static void
test_big_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(SemPlan) reloaded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const guint n_extra = 20000;
  guint n_sessions;
  gsize length;

  g_assert_no_error (error);
  for (guint i = 0; i < n_extra; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%05u", i);
      g_autoptr(SemSession) session = g_object_new (SEM_TYPE_SESSION, "id", id,
                                                    "event", "dcc-brussels-2018",
                                                    "title-en", id, "title-bg", "Сесия",
                                                    "start", (gint64) 1519113600 + i * 60,
                                                    "end", (gint64) 1519113600 + i * 60 + 45,
                                                    NULL);
      sem_plan_add (plan, SEM_ENTITY (session));
    }
  n_sessions = g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS));
  g_assert_cmpuint (n_sessions, >, n_extra);

  first = sem_plan_codec_to_data (plan, &length);
  g_assert_true (json_parser_load_from_data (parser, first, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (json_parser_get_root (parser)), "sessions")),
                    ==, n_sessions);

  bytes = g_bytes_new_static (first, length);
  reloaded = sem_plan_codec_load_bytes (bytes, "big.json", &error);
  g_assert_no_error (error);
  second = sem_plan_codec_to_data (reloaded, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_rich_round_trip (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (sem_test_rich_plan_json, strlen (sem_test_rich_plan_json));
  g_autoptr(SemPlan) plan = sem_test_load_rich_plan ();
  SemEntity *session = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, "opening");
  const char *interpretation[] = { "bg", "fr", NULL };

  g_assert_cmpint (sem_entity_get_revision (session), ==, 2);
  g_assert_cmpint (sem_entity_get_modified (session), ==, 1517486400);
  g_assert_cmpint (sem_session_get_start ((SemSession *) session), ==, 1519115400);
  g_assert_cmpstrv (sem_session_get_interpretation ((SemSession *) session), interpretation);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_tombstones (plan)), ==, 1);
  assert_round_trip (bytes);
}

typedef struct
{
  const char   *name;
  const char   *content;     /* NULL: see the test */
  SemPlanError  code;
  const char   *where;       /* must appear in the message */
  const char   *what;
} BadCase;

#define HEAD "{\"format\": \"org.sofia.Seminars.plan\", \"version\": 1,\n"
#define BASE \
  "\"programmes\": [{\"id\": \"p\", \"name\": {\"en\": \"P\"}}],\n" \
  "\"rooms\": [],\n"
#define EVENT(extra) \
  "\"events\": [{\"id\": \"e\", \"programme\": \"p\", \"title\": {\"en\": \"E\"},\n" \
  " \"timezone\": \"Europe/Brussels\", \"start_date\": \"2018-02-20\", \"end_date\": \"2018-02-21\"" extra "}],\n"
#define SESSION(extra) \
  "\"sessions\": [{\"id\": \"s\", \"event\": \"e\", \"title\": {\"en\": \"S\"},\n" \
  " \"start\": \"2018-02-20T08:00:00Z\", \"end\": \"2018-02-20T09:00:00Z\"" extra "}]}\n"
#define PLAN_E(extra) HEAD BASE EVENT (extra) SESSION ("")
#define PLAN_S(extra) HEAD BASE EVENT ("") SESSION (extra)

static const BadCase bad_cases[] = {
  { "empty", "", SEM_PLAN_ERROR_EMPTY, "", "empty" },
  { "whitespace", "  \n\t\n  ", SEM_PLAN_ERROR_EMPTY, "", "empty" },
  { "not-json", "this is not JSON\n", SEM_PLAN_ERROR_SYNTAX, "line 1", "not valid JSON" },
  { "not-object", "[1, 2]\n", SEM_PLAN_ERROR_NOT_A_PLAN, "", "not a Sofia Seminars plan" },
  { "format", "{\"format\": \"org.example.other\", \"version\": 1}", SEM_PLAN_ERROR_NOT_A_PLAN, "$.format", "org.sofia.Seminars.plan" },
  { "version", "{\"format\": \"org.sofia.Seminars.plan\", \"version\": 2}", SEM_PLAN_ERROR_VERSION, "$.version", "version 2" },
  { "root-member", HEAD "\"colours\": []}", SEM_PLAN_ERROR_INVALID, "at $:", "colours" },
  { "start-number", PLAN_S (", \"start\": 5"), SEM_PLAN_ERROR_TYPE, "$.sessions[0].start", "date and time" },
  { "capacity-text", PLAN_S (", \"capacity\": \"ten\""), SEM_PLAN_ERROR_TYPE, "$.sessions[0].capacity", "whole number" },
  { "title-text", HEAD BASE EVENT ("") "\"sessions\": [{\"id\": \"s\", \"event\": \"e\", \"title\": \"S\", \"start\": \"2018-02-20T08:00:00Z\", \"end\": \"2018-02-20T09:00:00Z\"}]}",
    SEM_PLAN_ERROR_TYPE, "$.sessions[0].title", "“en” and “bg”" },
  { "missing-title", HEAD BASE EVENT ("") "\"sessions\": [{\"id\": \"s\", \"event\": \"e\", \"start\": \"2018-02-20T08:00:00Z\"}]}",
    SEM_PLAN_ERROR_MISSING, "$.sessions[0].title", "required" },
  { "missing-id", HEAD "\"cities\": [{\"name\": {\"en\": \"Sofia\"}}]}", SEM_PLAN_ERROR_MISSING, "$.cities[0].id", "id" },
  { "bad-id", HEAD "\"people\": [{\"id\": \"a b\", \"name\": \"A\"}]}", SEM_PLAN_ERROR_INVALID, "$.people[0].id", "a b" },
  { "enum", PLAN_S (", \"kind\": \"party\""), SEM_PLAN_ERROR_INVALID, "$.sessions[0].kind", "party" },
  { "flags", HEAD "\"people\": [{\"id\": \"a\", \"name\": \"A\", \"roles\": [\"king\"]}]}", SEM_PLAN_ERROR_INVALID, "$.people[0].roles[0]", "king" },
  { "date", HEAD BASE "\"events\": [{\"id\": \"e\", \"programme\": \"p\", \"title\": {\"en\": \"E\"}, \"timezone\": \"UTC\", \"start_date\": \"2018-02-30\", \"end_date\": \"2018-03-01\"}]}",
    SEM_PLAN_ERROR_INVALID, "$.events[0].start_date", "2018-02-20" },
  { "end-before-start", PLAN_S (", \"end\": \"2018-02-20T07:00:00Z\""), SEM_PLAN_ERROR_INVALID, "$.sessions[0].end", "ends before it starts" },
  { "dates-reversed", HEAD BASE "\"events\": [{\"id\": \"e\", \"programme\": \"p\", \"title\": {\"en\": \"E\"}, \"timezone\": \"UTC\", \"start_date\": \"2018-02-21\", \"end_date\": \"2018-02-20\"}]}",
    SEM_PLAN_ERROR_INVALID, "$.events[0].end_date", "ends before it starts" },
  { "timezone", PLAN_E (", \"timezone\": \"Europe/Atlantis\""), SEM_PLAN_ERROR_INVALID, "$.events[0].timezone", "Europe/Atlantis" },
  { "unknown-member", PLAN_S (", \"colour\": \"red\""), SEM_PLAN_ERROR_INVALID, "$.sessions[0]", "colour" },
  { "duplicate", HEAD "\"people\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}", SEM_PLAN_ERROR_DUPLICATE, "$.people[1].id", "“a”" },
  { "dangling-room", PLAN_S (", \"room\": \"nowhere\""), SEM_PLAN_ERROR_DANGLING, "$.sessions[0].room", "nowhere" },
  { "dangling-facilitator", PLAN_S (", \"facilitators\": [\"ghost\"]"), SEM_PLAN_ERROR_DANGLING, "$.sessions[0].facilitators[0]", "ghost" },
  { "dangling-event", HEAD BASE "\"sessions\": [{\"id\": \"s\", \"event\": \"gone\", \"title\": {\"en\": \"S\"}, \"start\": \"2018-02-20T08:00:00Z\", \"end\": \"2018-02-20T09:00:00Z\"}]}",
    SEM_PLAN_ERROR_DANGLING, "$.sessions[0].event", "gone" },
  { "collection-type", HEAD "\"people\": {}}", SEM_PLAN_ERROR_TYPE, "$.people", "list" },
};

static void
stat_file (const char  *path,
           struct stat *buf)
{
  g_assert_cmpint (g_stat (path, (GStatBuf *) buf), ==, 0);
}

/* Loads @path expecting @code; the message must name the file, @where and
 * @what, and the file must be exactly as it was. */
static void
assert_load_fails (const char   *path,
                   gsize         max_bytes,
                   SemPlanError  code,
                   const char   *where,
                   const char   *what)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;
  struct stat st_before, st_after;
  gboolean small;

  stat_file (path, &st_before);
  small = st_before.st_size < 1024 * 1024;
  if (small)
    before = sem_test_read_file (path, &before_length);

  plan = sem_plan_codec_load_file (file, max_bytes, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, SEM_PLAN_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, what));

  stat_file (path, &st_after);
  g_assert_cmpint (st_after.st_size, ==, st_before.st_size);
  g_assert_cmpint (st_after.st_mtim.tv_sec, ==, st_before.st_mtim.tv_sec);
  g_assert_cmpint (st_after.st_mtim.tv_nsec, ==, st_before.st_mtim.tv_nsec);
  if (small)
    {
      after = sem_test_read_file (path, &after_length);
      g_assert_cmpmem (after, after_length, before, before_length);
    }
}

/* ---- big plans: read in halves on two threads ------------------------- */

#define BIG_N_SESSIONS 4000

typedef struct
{
  guint       index;
  const char *session;    /* the whole object of session @index, or NULL */
} BigEdit;

/* A plan of BIG_N_SESSIONS sessions "session-N", session N as @edits says,
 * after @head (the format, programmes, rooms and events). */
static GBytes *
big_plan_bytes_full (const char    *head,
                     const BigEdit *edits,
                     guint          n_edits)
{
  GString *out = g_string_new (head);

  g_string_append (out, "\"people\": [{\"id\": \"a\", \"name\": \"A\"}],\n\"sessions\": [\n");
  for (guint i = 0; i < BIG_N_SESSIONS; i++)
    {
      const char *edited = NULL;

      for (guint k = 0; k < n_edits; k++)
        if (edits[k].index == i)
          edited = edits[k].session;
      if (i > 0)
        g_string_append (out, ",\n");
      if (edited != NULL)
        g_string_append (out, edited);
      else
        g_string_append_printf (out,
                                "{\"id\": \"session-%u\", \"revision\": 1, \"event\": \"e\", "
                                "\"kind\": \"workshop\", \"title\": {\"en\": \"S %u\", \"bg\": \"С\"}, "
                                "\"start\": \"2018-02-20T08:00:00Z\", \"end\": \"2018-02-20T09:00:00Z\", "
                                "\"facilitators\": [\"a\"], \"capacity\": %u}",
                                i, i, i);
    }
  g_string_append (out, "]}\n");
  return g_string_free_to_bytes (out);
}

static GBytes *
big_plan_bytes (const BigEdit *edits,
                guint          n_edits)
{
  return big_plan_bytes_full (HEAD BASE EVENT (""), edits, n_edits);
}

/* Loading the plan fails with exactly @message. */
static void
assert_big_plan_fails (const BigEdit *edits,
                       guint          n_edits,
                       SemPlanError   code,
                       const char    *message)
{
  g_autoptr(GBytes) bytes = big_plan_bytes (edits, n_edits);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (bytes, "big.json", &error);

  g_assert_null (plan);
  g_assert_error (error, SEM_PLAN_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

#define BIG_SESSION(id, members) \
  "{\"id\": \"" id "\", \"event\": \"e\", \"title\": {\"en\": \"S\"}" members "}"
#define BIG_TIMES ", \"start\": \"2018-02-20T08:00:00Z\", \"end\": \"2018-02-20T09:00:00Z\""

/* Of two bad sessions, one in each half, the first one is reported. */
static void
test_big_first_error_wins (void)
{
  const BigEdit edits[] = {
    { 3000, BIG_SESSION ("session-3000", ", \"start\": 5, \"end\": \"2018-02-20T09:00:00Z\"") },
    { 100, "{\"id\": \"session-100\", \"event\": \"e\"" BIG_TIMES "}" },
  };

  assert_big_plan_fails (edits, G_N_ELEMENTS (edits), SEM_PLAN_ERROR_MISSING,
                         "big.json: at $.sessions[100].title: this is required");
}

static void
test_big_error_in_second_half (void)
{
  const BigEdit edits[] = {
    { 3500, BIG_SESSION ("session-3500", BIG_TIMES ", \"colour\": \"red\"") },
  };

  assert_big_plan_fails (edits, G_N_ELEMENTS (edits), SEM_PLAN_ERROR_INVALID,
                         "big.json: at $.sessions[3500]: unknown member “colour”");
}

static void
test_big_duplicate (void)
{
  const BigEdit edits[] = {
    { 3900, BIG_SESSION ("session-10", BIG_TIMES) },
  };

  assert_big_plan_fails (edits, G_N_ELEMENTS (edits), SEM_PLAN_ERROR_DUPLICATE,
                         "big.json: at $.sessions[3900].id: the id “session-10” is used twice");
}

/* A repeated id comes before a bad session after it, in either half, and
 * after a bad session before it. */
static void
test_big_duplicate_and_error (void)
{
  const BigEdit dup_then_error[] = {
    { 2500, BIG_SESSION ("session-10", BIG_TIMES) },
    { 3000, BIG_SESSION ("session-3000", ", \"start\": 5, \"end\": \"2018-02-20T09:00:00Z\"") },
  };
  const BigEdit dup_across_then_error[] = {
    { 3900, BIG_SESSION ("session-1990", BIG_TIMES) },
    { 3950, BIG_SESSION ("session-3950", BIG_TIMES ", \"kind\": \"party\"") },
  };
  const BigEdit error_then_dup[] = {
    { 1500, BIG_SESSION ("session-1500", BIG_TIMES ", \"capacity\": -1") },
    { 1600, BIG_SESSION ("session-10", BIG_TIMES) },
  };
  const BigEdit first_half_dup_then_second_half_error[] = {
    { 1999, BIG_SESSION ("session-0", BIG_TIMES) },
    { 2000, BIG_SESSION ("session-2000", BIG_TIMES ", \"room\": \"a b\"") },
  };

  const BigEdit across_before_within[] = {
    { 3050, BIG_SESSION ("session-5", BIG_TIMES) },
    { 3100, BIG_SESSION ("session-3000", BIG_TIMES) },
  };
  const BigEdit within_before_across[] = {
    { 3050, BIG_SESSION ("session-3000", BIG_TIMES) },
    { 3100, BIG_SESSION ("session-5", BIG_TIMES) },
  };

  assert_big_plan_fails (across_before_within, G_N_ELEMENTS (across_before_within), SEM_PLAN_ERROR_DUPLICATE,
                         "big.json: at $.sessions[3050].id: the id “session-5” is used twice");
  assert_big_plan_fails (within_before_across, G_N_ELEMENTS (within_before_across), SEM_PLAN_ERROR_DUPLICATE,
                         "big.json: at $.sessions[3050].id: the id “session-3000” is used twice");
  assert_big_plan_fails (dup_then_error, G_N_ELEMENTS (dup_then_error), SEM_PLAN_ERROR_DUPLICATE,
                         "big.json: at $.sessions[2500].id: the id “session-10” is used twice");
  assert_big_plan_fails (dup_across_then_error, G_N_ELEMENTS (dup_across_then_error), SEM_PLAN_ERROR_DUPLICATE,
                         "big.json: at $.sessions[3900].id: the id “session-1990” is used twice");
  assert_big_plan_fails (error_then_dup, G_N_ELEMENTS (error_then_dup), SEM_PLAN_ERROR_TYPE,
                         "big.json: at $.sessions[1500].capacity: expected a whole number");
  assert_big_plan_fails (first_half_dup_then_second_half_error,
                         G_N_ELEMENTS (first_half_dup_then_second_half_error), SEM_PLAN_ERROR_DUPLICATE,
                         "big.json: at $.sessions[1999].id: the id “session-0” is used twice");
}

/* The references are checked in halves too: the first dangling one wins. */
static void
test_big_dangling (void)
{
  const BigEdit both[] = {
    { 3000, BIG_SESSION ("session-3000", BIG_TIMES ", \"facilitators\": [\"a\", \"ghost\"]") },
    { 100, BIG_SESSION ("session-100", BIG_TIMES ", \"room\": \"nowhere\"") },
  };
  const BigEdit second[] = {
    { 3999, BIG_SESSION ("session-3999", BIG_TIMES ", \"facilitators\": [\"a\", \"ghost\"]") },
  };

  assert_big_plan_fails (both, G_N_ELEMENTS (both), SEM_PLAN_ERROR_DANGLING,
                         "big.json: at $.sessions[100].room: there is no room with the id “nowhere”");
  assert_big_plan_fails (second, G_N_ELEMENTS (second), SEM_PLAN_ERROR_DANGLING,
                         "big.json: at $.sessions[3999].facilitators[1]: there is no person with the id “ghost”");
}

/* The sessions are read beside the collections before them: an error in
 * those is the one reported, whatever the sessions hold. */
static void
test_big_earlier_collection_fails (void)
{
  const BigEdit edits[] = {
    { 3000, BIG_SESSION ("session-3000", ", \"start\": 5") },
  };
  g_autoptr(GBytes) bytes = big_plan_bytes_full (HEAD BASE EVENT (", \"timezone\": \"Europe/Atlantis\""),
                                                 edits, G_N_ELEMENTS (edits));
  g_autoptr(GBytes) clean = big_plan_bytes_full (HEAD BASE EVENT (", \"kind\": \"party\""), NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (bytes, "big.json", &error);

  g_assert_null (plan);
  g_assert_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "big.json: at $.events[0].timezone: “Europe/Atlantis” is not a known time zone such as “Europe/Sofia”");
  g_clear_error (&error);

  plan = sem_plan_codec_load_bytes (clean, "big.json", &error);
  g_assert_null (plan);
  g_assert_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "big.json: at $.events[0].kind: “party” is not one of: "));
}

/* A good big plan gives every session, in the order of the file. */
static void
test_big_clean (void)
{
  const BigEdit edits[] = {
    { 2000, BIG_SESSION ("session-2000", BIG_TIMES ", \"kind\": \"plenary\", \"description\": {\"bg\": \"О\"}") },
  };
  g_autoptr(GBytes) bytes = big_plan_bytes (edits, G_N_ELEMENTS (edits));
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_plan_codec_load_bytes (bytes, "big.json", &error);
  GListModel *sessions;

  g_assert_no_error (error);
  sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, BIG_N_SESSIONS);
  for (guint i = 0; i < BIG_N_SESSIONS; i++)
    {
      g_autoptr(SemEntity) session = g_list_model_get_item (sessions, i);
      g_autofree char *id = g_strdup_printf ("session-%u", i);

      g_assert_cmpstr (sem_entity_get_id (session), ==, id);
      g_assert_true (sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, id) == session);
      if (i != 2000)
        {
          g_autofree char *title = g_strdup_printf ("S %u", i);

          g_assert_cmpstr (sem_entity_get_text (session, "title", "en"), ==, title);
          g_assert_cmpint (sem_entity_get_revision (session), ==, 1);
        }
    }
  assert_round_trip (bytes);
}

static void
test_bad_input (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *name = g_strconcat (bad->name, ".json", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  sem_test_write_file (path, bad->content, -1);
  assert_load_fails (path, 0, bad->code, bad->where, bad->what);
}

static void
test_truncated (void)
{
  g_autoptr(GBytes) demo = sem_demo_get_bytes ();
  g_autofree char *path = g_build_filename (tmp_dir, "truncated.json", NULL);
  g_autofree char *rich_path = g_build_filename (tmp_dir, "truncated-rich.json", NULL);

  sem_test_write_file (path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo) / 2);
  assert_load_fails (path, 0, SEM_PLAN_ERROR_SYNTAX, "line ", "truncated");
  sem_test_write_file (rich_path, sem_test_rich_plan_json, strlen (sem_test_rich_plan_json) / 2);
  assert_load_fails (rich_path, 0, SEM_PLAN_ERROR_SYNTAX, "line ", "truncated");
}

static void
test_too_deep (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "deep.json", NULL);
  GString *text = g_string_new (HEAD "\"people\": [{\"id\": \"a\", \"name\": \"A\",\n\"notes\":\n");

  for (guint i = 0; i < 100; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}]}\n");

  sem_test_write_file (path, text->str, text->len);
  assert_load_fails (path, 0, SEM_PLAN_ERROR_TOO_DEEP, "line 4", "64");
  g_string_free (text, TRUE);
}

static void
test_too_large (void)
{
  g_autoptr(GBytes) demo = sem_demo_get_bytes ();
  g_autofree char *path = g_build_filename (tmp_dir, "large.json", NULL);
  g_autofree char *sparse = g_build_filename (tmp_dir, "sparse.json", NULL);
  int fd;

  /* A valid plan, but bigger than the cap the caller gives. */
  sem_test_write_file (path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));
  assert_load_fails (path, 1000, SEM_PLAN_ERROR_TOO_LARGE, "", "more than");

  /* A file past SEM_PLAN_MAX_BYTES is refused before a byte of it is read. */
  fd = g_open (sparse, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) SEM_PLAN_MAX_BYTES + 4096), ==, 0);
  close (fd);
  assert_load_fails (sparse, 0, SEM_PLAN_ERROR_TOO_LARGE, "", "more than");
  g_unlink (sparse);
}

typedef struct { const char *text; gboolean valid; gint64 value; } InstantCase;

static void
test_instants (void)
{
  static const InstantCase cases[] = {
    { "1970-01-01T00:00:00Z", TRUE, 0 },
    { "2018-02-20T08:30:00Z", TRUE, 1519115400 },
    { "2020-02-29T23:59:59Z", TRUE, 1583020799 },
    { "2018-02-20T09:30:00+01:00", TRUE, 1519115400 },
    { "2038-01-19T03:14:08Z", TRUE, 2147483648 },
    { "2018-02-30T08:30:00Z", FALSE, 0 },
    { "2019-02-29T00:00:00Z", FALSE, 0 },
    { "2018-02-20T24:00:00Z", FALSE, 0 },
    { "2018-02-20T08:60:00Z", FALSE, 0 },
    { "2018-13-01T00:00:00Z", FALSE, 0 },
    { "1969-12-31T23:59:59Z", FALSE, 0 },
    { "2018-02-20", FALSE, 0 },
    { "2018-02-20T08:30:00", FALSE, 0 },
    { "2018-02-2xT08:30:00Z", FALSE, 0 },
    { "", FALSE, 0 },
    { "yesterday", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = -1;
      gboolean valid = sem_instant_parse (cases[i].text, &value);

      g_test_message ("instant “%s”", cases[i].text);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (valid)
        {
          g_autofree char *formatted = sem_instant_format (value);
          g_autofree char *reformatted = NULL;
          gint64 again = -1;

          g_assert_cmpint (value, ==, cases[i].value);
          g_assert_true (sem_instant_parse (formatted, &again));
          g_assert_cmpint (again, ==, value);
          reformatted = sem_instant_format (again);
          g_assert_cmpstr (reformatted, ==, formatted);
          if (g_str_has_suffix (cases[i].text, "Z"))
            g_assert_cmpstr (formatted, ==, cases[i].text);
        }
    }
}

static void
test_dates_and_ids (void)
{
  static const struct { const char *text; gboolean valid; } dates[] = {
    { "2018-02-20", TRUE }, { "2020-02-29", TRUE }, { "2019-02-29", FALSE },
    { "2018-04-31", FALSE }, { "2018-2-20", FALSE }, { "2018-02-20x", FALSE },
    { "20180220", FALSE }, { "", FALSE }, { NULL, FALSE }, { "2018-00-10", FALSE },
  }, ids[] = {
    { "session-1", TRUE }, { "a.b_c-D9", TRUE }, { "x", TRUE }, { "", FALSE },
    { "a b", FALSE }, { "a/b", FALSE }, { "é", FALSE }, { "a:b", FALSE }, { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpint (sem_date_is_valid (dates[i].text), ==, dates[i].valid);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (sem_id_is_valid (ids[i].text), ==, ids[i].valid);
}

static void
test_write_keeps_backup (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "saved.json", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *old = NULL;

  g_assert_true (sem_plan_codec_write_file (path, "first", 5, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  first = sem_test_read_file (path, NULL);
  g_assert_cmpstr (first, ==, "first");

  g_assert_true (sem_plan_codec_write_file (path, "second", 6, &error));
  g_assert_no_error (error);
  second = sem_test_read_file (path, NULL);
  old = sem_test_read_file (backup, NULL);
  g_assert_cmpstr (second, ==, "second");
  g_assert_cmpstr (old, ==, "first");

  /* A directory that does not exist: an error, nothing written. */
  {
    g_autofree char *bad = g_build_filename (tmp_dir, "missing", "plan.json", NULL);
    g_assert_false (sem_plan_codec_write_file (bad, "x", 1, &error));
    g_assert_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_IO);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-codec/fresh-process", test_fresh_process);
  g_test_add_func ("/plan-codec/round-trip/demo", test_demo_round_trip);
  g_test_add_func ("/plan-codec/round-trip/rich", test_rich_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-codec/bad/", bad_cases[i].name, NULL);
      g_test_add_data_func (path, &bad_cases[i], test_bad_input);
    }
  g_test_add_func ("/plan-codec/bad/truncated", test_truncated);
  g_test_add_func ("/plan-codec/bad/too-deep", test_too_deep);
  g_test_add_func ("/plan-codec/bad/too-large", test_too_large);
  g_test_add_func ("/plan-codec/big-round-trip", test_big_round_trip);
  g_test_add_func ("/plan-codec/big/first-error-wins", test_big_first_error_wins);
  g_test_add_func ("/plan-codec/big/error-in-second-half", test_big_error_in_second_half);
  g_test_add_func ("/plan-codec/big/duplicate", test_big_duplicate);
  g_test_add_func ("/plan-codec/big/duplicate-and-error", test_big_duplicate_and_error);
  g_test_add_func ("/plan-codec/big/dangling", test_big_dangling);
  g_test_add_func ("/plan-codec/big/earlier-collection-fails", test_big_earlier_collection_fails);
  g_test_add_func ("/plan-codec/big/clean", test_big_clean);
  g_test_add_func ("/plan-codec/instants", test_instants);
  g_test_add_func ("/plan-codec/dates-and-ids", test_dates_and_ids);
  g_test_add_func ("/plan-codec/write-keeps-backup", test_write_keeps_backup);

  tmp_dir = g_dir_make_tmp ("test-plan-codec-XXXXXX", &error);
  g_assert_no_error (error);
  status = g_test_run ();
  sem_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

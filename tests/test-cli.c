/* test-cli.c — the headless commands, run as the real program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "sem-demo.h"
#include "sem-test-util.h"

static char *tmp_dir;

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the program with the arguments, NULL-terminated; returns its exit code. */
static int
run_cli (Run *run,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("SEM_TEST_CLI"));
  va_start (args, run);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return run->status;
}

static guint
demo_count (SemCollection collection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (sem_plan_get_collection (plan, collection));
}

static char *
write_demo (const char *name)
{
  g_auto(Run) run = { 0 };
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (run_cli (&run, "demo", "-o", path, NULL), ==, 0);
  return path;
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  g_assert_cmpint (run_cli (&run, "--version", NULL), ==, 0);
  g_assert_cmpstr (run.out, ==, "sofia-seminars " PACKAGE_VERSION "\n");
}

static void
test_demo (void)
{
  g_autofree char *path = write_demo ("demo.json");
  g_autoptr(GBytes) bundled = sem_demo_get_bytes ();
  g_autofree char *written = NULL;
  gsize length;
  g_auto(Run) run = { 0 };

  written = sem_test_read_file (path, &length);
  g_assert_cmpmem (written, length, g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));

  /* Without -o it is a usage error. */
  g_assert_cmpint (run_cli (&run, "demo", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "-o"));
}

static void
test_validate (void)
{
  g_autofree char *path = write_demo ("validate.json");
  g_autofree char *sessions = g_strdup_printf ("sessions: %u\n", demo_count (SEM_COLLECTION_SESSIONS));
  g_autofree char *events = g_strdup_printf ("events: %u\n", demo_count (SEM_COLLECTION_EVENTS));
  g_auto(Run) run = { 0 };

  g_assert_cmpint (run_cli (&run, "validate", path, NULL), ==, 0);
  g_assert_nonnull (strstr (run.out, sessions));
  g_assert_nonnull (strstr (run.out, events));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_broken (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "broken.json", NULL);
  const char *broken =
    "{\"format\": \"org.sofia.Seminars.plan\", \"version\": 1,\n"
    " \"rooms\": [{\"id\": \"r\", \"venue\": \"nowhere\", \"name\": {\"en\": \"R\"}}]}\n";
  g_autofree char *after = NULL;
  GStatBuf before_stat, after_stat;
  g_auto(Run) run = { 0 };

  sem_test_write_file (path, broken, -1);
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  g_assert_cmpint (run_cli (&run, "validate", path, NULL), ==, 1);
  g_assert_nonnull (strstr (run.err, path));
  g_assert_nonnull (strstr (run.err, "$.rooms[0].venue"));
  g_assert_nonnull (strstr (run.err, "nowhere"));
  /* One line. */
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  g_assert_cmpstr (run.out, ==, "");

  after = sem_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, broken);
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_mtime, ==, before_stat.st_mtime);
  {
    g_autofree char *backup = g_strconcat (path, ".bak", NULL);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  /* A missing file is a failure too, not a crash. */
  run_clear (&run);
  {
    g_autofree char *missing = g_build_filename (tmp_dir, "missing.json", NULL);
    g_assert_cmpint (run_cli (&run, "validate", missing, NULL), ==, 1);
    g_assert_nonnull (strstr (run.err, missing));
  }
}

static void
test_list (void)
{
  g_autofree char *path = write_demo ("list.json");
  guint n_sessions = demo_count (SEM_COLLECTION_SESSIONS);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  JsonArray *array;

  g_assert_cmpint (run_cli (&run, "list", path, "sessions", NULL), ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  /* One line per session, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, n_sessions + 1);
  g_assert_cmpstr (lines[n_sessions], ==, "");

  run_clear (&run);
  g_assert_cmpint (run_cli (&run, "list", path, "sessions", "--json", NULL), ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, n_sessions);
  g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (array, 0), "id"));

  run_clear (&run);
  g_assert_cmpint (run_cli (&run, "list", path, "planets", NULL), ==, 2);
  g_assert_nonnull (strstr (run.err, "planets"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("SEM_TEST_CLI") == NULL)
    {
      g_printerr ("SEM_TEST_CLI is not set: run through meson test\n");
      return 77;
    }

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/demo", test_demo);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/validate-broken", test_validate_broken);
  g_test_add_func ("/cli/list", test_list);

  tmp_dir = g_dir_make_tmp ("test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  status = g_test_run ();
  sem_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

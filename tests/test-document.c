/* test-document.c — SemDocument: autosave, saving, loading, never overwriting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sem-demo.h"
#include "sem-document.h"
#include "sem-session.h"
#include "sem-test-util.h"

static char *tmp_dir;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out: %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @document is saved ("modified" FALSE), or fails. */
static void
wait_until_saved (SemDocument *document)
{
  guint timeout = g_timeout_add_seconds (5, timeout_cb, (gpointer) "waiting for the save");

  while (sem_document_get_modified (document))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* Drops the last reference to @document and checks it goes. A save's task
 * can hold the document a moment longer than its callback runs: the worker
 * thread lets go of the task after handing back the result. */
static void
assert_finalized (SemDocument *document)
{
  gpointer weak = document;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_object_add_weak_pointer (G_OBJECT (document), &weak);
  g_object_unref (document);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (weak != NULL)
        g_usleep (1000);
    }
  g_assert_null (weak);
}

static SemDocument *
new_demo_document (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_unlink (path);
  return sem_document_new (plan, file);
}

static SemSession *
first_session (SemPlan *plan)
{
  g_autoptr(SemSession) session = g_list_model_get_item (sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS), 0);

  g_assert_nonnull (session);
  return session; /* the plan keeps it */
}

static void
test_create_destroy (void)
{
  SemDocument *document = sem_document_new (NULL, NULL);

  g_assert_nonnull (sem_document_get_plan (document));
  g_assert_null (sem_document_get_file (document));
  g_assert_false (sem_document_get_modified (document));
  g_assert_cmpuint (sem_document_get_autosave_delay (document), ==, SEM_DOCUMENT_AUTOSAVE_DELAY_MS);
  assert_finalized (document);
}

static void
test_autosave (void)
{
  SemDocument *document = new_demo_document ("autosave.json");
  SemPlan *plan = sem_document_get_plan (document);
  SemSession *session = first_session (plan);
  g_autofree char *id = g_strdup (sem_entity_get_id (SEM_ENTITY (session)));
  const char *path = g_file_peek_path (sem_document_get_file (document));
  g_autoptr(SemPlan) saved = NULL;
  SemEntity *saved_session;
  guint modified_notifies = 0, delay_notifies = 0;

  g_signal_connect (document, "notify::modified", G_CALLBACK (sem_test_count_notify_cb), &modified_notifies);
  g_signal_connect (document, "notify::autosave-delay", G_CALLBACK (sem_test_count_notify_cb), &delay_notifies);
  sem_document_set_autosave_delay (document, 50);
  sem_document_set_autosave_delay (document, 50);
  g_assert_cmpuint (delay_notifies, ==, 1);

  sem_plan_set (plan, SEM_ENTITY (session), "title-en", "Autosaved title", NULL);
  g_assert_true (sem_document_get_modified (document));
  g_assert_cmpuint (modified_notifies, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  wait_until_saved (document);
  g_assert_cmpuint (modified_notifies, ==, 2);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  saved = sem_test_load_path (path);
  saved_session = sem_plan_lookup (saved, SEM_COLLECTION_SESSIONS, id);
  g_assert_nonnull (saved_session);
  g_assert_cmpstr (sem_session_get_title (SEM_SESSION (saved_session), "en"), ==, "Autosaved title");
  g_assert_true (sem_entity_fields_equal (saved_session, SEM_ENTITY (session)));

  g_signal_handlers_disconnect_by_func (document, sem_test_count_notify_cb, &modified_notifies);
  g_signal_handlers_disconnect_by_func (document, sem_test_count_notify_cb, &delay_notifies);
  assert_finalized (document);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  g_assert_true (sem_document_save_finish (SEM_DOCUMENT (object), result, error));
}

/* An autosave that cannot write says why, keeps the changes, and clears
 * the error once a save goes through. */
static void
test_autosave_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autofree char *missing_dir = g_build_filename (tmp_dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing_dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SemDocument *document;
  guint error_notifies = 0;
  guint timeout;

  g_assert_no_error (error);
  document = sem_document_new (plan, file);
  g_signal_connect (document, "notify::save-error", G_CALLBACK (sem_test_count_notify_cb), &error_notifies);
  sem_document_set_autosave_delay (document, 20);

  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "title-en", "Kept in memory", NULL);
  timeout = g_timeout_add_seconds (5, timeout_cb, (gpointer) "waiting for the failed save");
  while (sem_document_get_save_error (document) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_cmpuint (error_notifies, ==, 1);
  g_assert_nonnull (strstr (sem_document_get_save_error (document), path));
  g_assert_true (sem_document_get_modified (document));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_mkdir (missing_dir, 0700), ==, 0);
  g_assert_true (sem_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_null (sem_document_get_save_error (document));
  g_assert_cmpuint (error_notifies, ==, 2);
  g_assert_false (sem_document_get_modified (document));

  g_signal_handlers_disconnect_by_func (document, sem_test_count_notify_cb, &error_notifies);
  assert_finalized (document);
}

static void
test_save_async (void)
{
  SemDocument *document = new_demo_document ("save-async.json");
  SemPlan *plan = sem_document_get_plan (document);
  const char *path = g_file_peek_path (sem_document_get_file (document));
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  gsize expected_length, written_length;

  sem_document_set_autosave_delay (document, 0);
  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "capacity", 77, NULL);
  g_assert_true (sem_document_get_modified (document));

  sem_document_save_async (document, NULL, save_done_cb, &error);
  wait_until_saved (document);
  g_assert_no_error (error);

  expected = sem_plan_codec_to_data (plan, &expected_length);
  written = sem_test_read_file (path, &written_length);
  g_assert_cmpmem (written, written_length, expected, expected_length);

  /* A synchronous save keeps the previous version as .bak. */
  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "capacity", 78, NULL);
  g_assert_true (sem_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (sem_document_get_modified (document));
  {
    g_autofree char *backup = g_strconcat (path, ".bak", NULL);
    g_autofree char *old = sem_test_read_file (backup, NULL);
    g_assert_cmpstr (old, ==, expected);
  }

  assert_finalized (document);
}

static void
test_no_file_never_writes (void)
{
  g_autoptr(GError) error = NULL;
  SemPlan *plan = sem_demo_load (&error);
  SemDocument *document = sem_document_new (plan, NULL);
  g_autoptr(GDir) dir = NULL;
  gint64 end;

  g_assert_no_error (error);
  sem_document_set_autosave_delay (document, 10);
  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "capacity", 5, NULL);
  g_assert_true (sem_document_get_modified (document));

  /* Give autosave every chance to run. */
  end = g_get_monotonic_time () + 200 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);

  g_assert_true (sem_document_get_modified (document));
  g_assert_null (sem_document_get_file (document));
  dir = g_dir_open (tmp_dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));

  g_object_unref (plan);
  assert_finalized (document);
}

/* With autosave off nothing is written until asked; turning it back on
 * saves what is pending. */
static void
test_autosave_off (void)
{
  SemDocument *document = new_demo_document ("autosave-off.json");
  SemPlan *plan = sem_document_get_plan (document);
  g_autofree char *path = g_file_get_path (sem_document_get_file (document));
  g_autofree char *bak = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) saved = NULL;
  guint notifies = 0;
  gint64 end;

  g_assert_true (sem_document_get_autosave (document));
  g_signal_connect (document, "notify::autosave", G_CALLBACK (sem_test_count_notify_cb), &notifies);
  sem_document_set_autosave_delay (document, 10);
  g_object_set (document, "autosave", FALSE, NULL);
  sem_document_set_autosave (document, FALSE);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_false (sem_document_get_autosave (document));

  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "capacity", 7, NULL);
  g_assert_true (sem_document_get_modified (document));

  /* Far longer than the delay. */
  end = g_get_monotonic_time () + 300 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (sem_document_get_modified (document));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An edit scheduled while on is dropped when it is turned off. */
  sem_document_set_autosave (document, TRUE);
  sem_document_set_autosave_delay (document, 200);
  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "capacity", 8, NULL);
  sem_document_set_autosave (document, FALSE);
  end = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (notifies, ==, 3);

  /* Saving by hand still works. */
  g_assert_true (sem_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (sem_document_get_modified (document));
  saved = sem_test_load_path (path);
  g_assert_cmpint (sem_session_get_capacity (SEM_SESSION (sem_plan_lookup (saved, SEM_COLLECTION_SESSIONS,
                   sem_entity_get_id (SEM_ENTITY (first_session (plan)))))), ==, 8);

  /* On again: the next edit is saved by itself. */
  sem_document_set_autosave_delay (document, 10);
  sem_document_set_autosave (document, TRUE);
  sem_plan_set (plan, SEM_ENTITY (first_session (plan)), "capacity", 9, NULL);
  wait_until_saved (document);

  g_signal_handlers_disconnect_by_func (document, sem_test_count_notify_cb, &notifies);
  assert_finalized (document);
  g_unlink (path);
  bak = g_strconcat (path, ".bak", NULL);
  g_unlink (bak);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(SemDocument) document = sem_document_load_finish (result, error);

  g_assert_null (document);
  g_assert_nonnull (*error);
}

static void
test_load_broken (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *broken = "{\"format\": \"org.sofia.Seminars.plan\", \"version\": 1, \"sessions\": [";
  guint timeout = g_timeout_add_seconds (5, timeout_cb, (gpointer) "waiting for the load");
  GStatBuf before_stat, after_stat;

  sem_test_write_file (path, broken, -1);
  g_assert_cmpint (g_stat (path, &before_stat), ==, 0);

  sem_document_load_async (file, NULL, load_done_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  g_assert_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, path));
  after = sem_test_read_file (path, NULL);
  g_assert_cmpstr (after, ==, broken);
  g_assert_cmpint (g_stat (path, &after_stat), ==, 0);
  g_assert_cmpint (after_stat.st_mtime, ==, before_stat.st_mtime);
  g_unlink (path);
}

static void
load_any_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *outcome = user_data;
  GError *error = NULL;
  SemDocument *document = sem_document_load_finish (result, &error);

  if (document != NULL)
    g_task_return_pointer (outcome, document, g_object_unref);
  else
    g_task_return_error (outcome, error);
  g_object_unref (outcome);
}

static void
outcome_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Loads @file as the window does: the document, or NULL with @error set. */
static SemDocument *
load (GFile   *file,
      GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint timeout = g_timeout_add_seconds (10, timeout_cb, (gpointer) "waiting for the load");

  sem_document_load_async (file, NULL, load_any_cb, g_task_new (NULL, NULL, outcome_done_cb, &result));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A plan read ahead (as `sofia-seminars PLAN.json` does while GTK starts) is
 * what the first load of that file gets, once; other files load as ever. */
static void
test_read_ahead (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "ahead.json", NULL);
  g_autofree char *other_path = g_build_filename (tmp_dir, "other.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GBytes) demo = sem_demo_get_bytes ();
  g_autoptr(SemDocument) from_other = NULL;
  g_autoptr(SemDocument) second = NULL;
  g_autoptr(GError) error = NULL;

  /* Broken when read ahead, mended before the window asks for it: the
   * answer is what was read ahead. */
  sem_test_write_file (path, "{\"format\": \"org.sofia.Seminars.plan\", \"version\": 1, \"rooms\": [", -1);
  sem_test_write_file (other_path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));
  sem_document_read_ahead (file);
  /* Not a timing assertion: the file is read long before this. */
  g_usleep (G_USEC_PER_SEC);
  sem_test_write_file (path, g_bytes_get_data (demo, NULL), g_bytes_get_size (demo));

  from_other = load (other, &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_other);

  g_assert_null (load (file, &error));
  g_assert_error (error, SEM_PLAN_ERROR, SEM_PLAN_ERROR_SYNTAX);
  g_clear_error (&error);

  /* Taken once: the next load reads the file as it is now. */
  second = load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (sem_document_get_plan (second),
                                                                       SEM_COLLECTION_SESSIONS)),
                    ==,
                    g_list_model_get_n_items (sem_plan_get_collection (sem_document_get_plan (from_other),
                                                                       SEM_COLLECTION_SESSIONS)));
  g_unlink (path);
  g_unlink (other_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/create-destroy", test_create_destroy);
  g_test_add_func ("/document/no-file-never-writes", test_no_file_never_writes);
  g_test_add_func ("/document/autosave", test_autosave);
  g_test_add_func ("/document/autosave-failure", test_autosave_failure);
  g_test_add_func ("/document/save-async", test_save_async);
  g_test_add_func ("/document/load-broken", test_load_broken);
  g_test_add_func ("/document/read-ahead", test_read_ahead);
  g_test_add_func ("/document/autosave-off", test_autosave_off);

  tmp_dir = g_dir_make_tmp ("test-document-XXXXXX", &error);
  g_assert_no_error (error);
  status = g_test_run ();
  sem_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}

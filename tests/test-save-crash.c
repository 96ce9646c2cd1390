/* test-save-crash.c — a save killed at any moment leaves a plan that loads
 *
 * A child process (save-loop) saves two different plans in turn over one
 * file; we SIGKILL it at random moments and check after each kill that the
 * file, and its .bak, hold one of the two plans exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-save-crash"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "sem-demo.h"
#include "sem-session.h"
#include "sem-test-util.h"

#define ROUNDS 40

static gint64
fixed_clock_cb (gpointer user_data)
{
  return 1600000000;
}

/* Plan A is the demo; plan B the demo with one more session. */
static void
make_plans (char  **a,
            gsize  *a_length,
            char  **b,
            gsize  *b_length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(SemSession) extra = sem_session_new ("crash-test-extra");
  g_autoptr(SemEntity) event = NULL;

  g_assert_no_error (error);
  *a = sem_plan_codec_to_data (plan, a_length);

  event = g_list_model_get_item (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS), 0);
  g_assert_nonnull (event);
  g_object_set (extra, "event", sem_entity_get_id (event), "title-en", "Added before the crash",
                "start", (gint64) 1519120800, "end", (gint64) 1519124400, NULL);
  sem_plan_set_clock (plan, fixed_clock_cb, NULL);
  sem_plan_add (plan, SEM_ENTITY (extra));
  *b = sem_plan_codec_to_data (plan, b_length);

  g_assert_cmpmem (*a, MIN (*a_length, 16), *b, MIN (*b_length, 16));
  g_assert_true (*a_length != *b_length || memcmp (*a, *b, *a_length) != 0);
}

/* @path must load and be byte-equal to @a or @b. */
static void
assert_one_of (const char *path,
               const char *a,
               gsize       a_length,
               const char *b,
               gsize       b_length)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_plan_codec_load_file (file, 0, NULL, &error);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  data = sem_test_read_file (path, &length);
  g_assert_true ((length == a_length && memcmp (data, a, a_length) == 0) ||
                 (length == b_length && memcmp (data, b, b_length) == 0));
}

static void
wait_ready (int fd)
{
  char buf[6] = { 0 };
  gsize got = 0;

  while (got < 6)
    {
      gssize n = read (fd, buf + got, 6 - got);
      g_assert_cmpint (n, >, 0);
      got += n;
    }
  g_assert_cmpmem (buf, 6, "ready\n", 6);
}

static void
test_kill_while_saving (void)
{
  const char *save_loop = g_getenv ("SEM_TEST_SAVE_LOOP");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL, *backup = NULL, *a_path = NULL, *b_path = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize a_length, b_length;
  gint64 deadline = g_get_monotonic_time () + 25 * G_USEC_PER_SEC;
  guint rounds = 0;

  if (save_loop == NULL)
    {
      g_test_skip ("SEM_TEST_SAVE_LOOP is not set: run through meson test");
      return;
    }

  dir = g_dir_make_tmp ("test-save-crash-XXXXXX", &error);
  g_assert_no_error (error);
  target = g_build_filename (dir, "plan.json", NULL);
  backup = g_strconcat (target, ".bak", NULL);
  a_path = g_build_filename (dir, "a.json", NULL);
  b_path = g_build_filename (dir, "b.json", NULL);

  make_plans (&a, &a_length, &b, &b_length);
  sem_test_write_file (a_path, a, a_length);
  sem_test_write_file (b_path, b, b_length);
  sem_test_write_file (target, a, a_length);

  for (; rounds < ROUNDS && g_get_monotonic_time () < deadline; rounds++)
    {
      const char *argv[] = { save_loop, target, a_path, b_path, NULL };
      GPid pid;
      int out_fd, status;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);
      wait_ready (out_fd);
      g_usleep (g_test_rand_int_range (0, 20001));

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
      g_spawn_close_pid (pid);
      close (out_fd);

      assert_one_of (target, a, a_length, b, b_length);
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        assert_one_of (backup, a, a_length, b, b_length);
    }

  g_test_message ("%u rounds", rounds);
  g_assert_cmpuint (rounds, >=, 10);

  /* Leave nothing behind, whatever temporary files the saves left. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save-crash/kill-while-saving", test_kill_while_saving);
  return g_test_run ();
}

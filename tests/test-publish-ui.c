/* test-publish-ui.c — live calendars and publishing to a server, from the window
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 * No keyring runs there: publishing must work without one and say once that
 * the password was not kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-publish-ui"

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "sem-application.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-publish-dialog.h"
#include "sem-test-ui.h"
#include "sem-window.h"

#define EVENT_ID "dcc-brussels-2018"
#define DELEGATION_ID "dcc-brussels-2018-sofia"

static SemApplication *app;

/* The demo plan's window. */
typedef SemTestDemoWindow Fixture;

static SemPublishDialog *
find_publish_dialog (void)
{
  return (SemPublishDialog *) sem_test_find_window (SEM_TYPE_PUBLISH_DIALOG, NULL, TRUE);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  sem_test_demo_window_open (f, app, 0, 0, EVENT_ID);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  sem_test_demo_window_close (f);
}

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Fetches @url while the main loop runs: the feed serves from it. */
static GBytes *
fetch (const char  *url,
       guint       *status,
       GError     **error)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) result = NULL;

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL,
                                    fetch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  *status = soup_message_get_status (message);
  return soup_session_send_and_read_finish (session, result, error);
}

static void
test_live_feed (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *url = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  g_assert_false (sem_window_get_live_feed (f->window));
  g_assert_null (sem_window_dup_live_url (f->window, "delegation", DELEGATION_ID));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.live-feed", NULL));
  g_assert_true (sem_window_get_live_feed (f->window));
  url = sem_window_dup_live_url (f->window, "delegation", DELEGATION_ID);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_test_message ("live URL: %s", url);

  body = fetch (url, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  "BEGIN:VCALENDAR"));

  /* The list of addresses opens over the window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.live-urls", NULL));
  sem_test_gui_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.live-feed", NULL));
  g_assert_false (sem_window_get_live_feed (f->window));
  g_assert_null (sem_window_dup_live_url (f->window, "delegation", DELEGATION_ID));

  refused = fetch (url, &status, &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

static void
refuse_everyone_cb (SoupServer        *server,
                    SoupServerMessage *message,
                    const char        *path,
                    GHashTable        *query,
                    gpointer           user_data)
{
  guint *n_requests = user_data;

  (*n_requests)++;
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "WWW-Authenticate", "Basic realm=\"test\"");
  soup_server_message_set_status (message, SOUP_STATUS_UNAUTHORIZED, NULL);
}

/* Whether a Secret Service could answer on this session bus. */
static gboolean
have_keyring (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **names = NULL;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, NULL);
  if (reply == NULL)
    return FALSE;
  g_variant_get (reply, "(^a&s)", &names);
  return g_strv_contains (names, "org.freedesktop.secrets");
}

static gboolean
wait_until_idle (SemPublishDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (sem_publish_dialog_get_busy (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return !sem_publish_dialog_get_busy (dialog);
}

static void
test_publish_auth_error (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) headings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  SemPublishDialog *dialog;
  GtkWidget *remember;
  GtkWidget *url_row;
  guint n_requests = 0;
  gint64 deadline;

  soup_server_add_handler (server, NULL, refuse_everyone_cb, &n_requests, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  url = g_strconcat (base, "calendars/user/seminar/", NULL);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  sem_test_gui_iterate ();
  dialog = find_publish_dialog ();
  g_assert_nonnull (dialog);

  remember = sem_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (remember);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (remember), TRUE);

  sem_publish_dialog_publish (dialog, url, "someone", "not-the-password");
  g_assert_true (sem_publish_dialog_get_busy (dialog));
  g_assert_true (wait_until_idle (dialog));
  sem_test_gui_iterate ();

  g_assert_cmpuint (n_requests, >, 0);
  sem_test_collect_texts (GTK_WIDGET (dialog), "sem-publish-error", SEM_TEST_TEXTS_VISIBLE, errors);
  g_assert_cmpuint (errors->len, ==, 1);
  g_test_message ("error: %s", (const char *) errors->pdata[0]);
  sem_test_collect_texts (GTK_WIDGET (dialog), "title-4", SEM_TEST_TEXTS_VISIBLE, headings);
  g_assert_true (g_ptr_array_find_with_equal_func (headings,
                                                   "The Server Refused the User Name or Password",
                                                   g_str_equal, NULL));

  /* Without a keyring the password is not kept, and the dialog says so once. */
  if (!have_keyring ())
    {
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

      deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
      while (warnings->len == 0 && g_get_monotonic_time () < deadline)
        {
          g_main_context_iteration (NULL, FALSE);
          sem_test_collect_texts (GTK_WIDGET (dialog), "sem-publish-keyring", SEM_TEST_TEXTS_VISIBLE, warnings);
          g_usleep (1000);
        }
      g_assert_cmpuint (warnings->len, ==, 1);
      g_test_message ("keyring: %s", (const char *) warnings->pdata[0]);
      g_assert_true (g_str_has_prefix (warnings->pdata[0],
                                       "The password could not be kept in the keyring: "));
    }
  else
    g_test_message ("a keyring answers: not checking the warning");

  /* The URL is remembered for the event, for the session. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL));
  sem_test_gui_iterate ();
  dialog = find_publish_dialog ();
  g_assert_nonnull (dialog);
  url_row = sem_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (url_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, url);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sem_test_gui_iterate ();
}

/* Without a plan there is nothing to publish or share. */
static void
test_disabled_without_plan (Fixture      *f,
                            gconstpointer data)
{
  sem_window_set_document (f->window, NULL);
  sem_test_gui_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.publish", NULL);
  sem_test_gui_iterate ();
  g_assert_null (find_publish_dialog ());
  sem_window_set_live_feed (f->window, TRUE);
  sem_test_gui_iterate ();
  g_assert_false (sem_window_get_live_feed (f->window));
}

static void
test_create_destroy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  SemPublishDialog *dialog;

  g_assert_no_error (error);
  dialog = sem_publish_dialog_new (NULL, plan, EVENT_ID, "en", NULL);
  g_object_ref (dialog);
  g_assert_false (sem_publish_dialog_get_busy (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state_dir = NULL;
  int status;

  /* Whatever the CalDAV code keeps goes to a directory of the test's own
   * (not G_TEST_OPTION_ISOLATE_DIRS: GTK needs the system's data dirs). */
  state_dir = g_dir_make_tmp ("test-publish-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add_func ("/publish-ui/create-destroy", test_create_destroy);
  g_test_add ("/publish-ui/live-feed", Fixture, NULL,
              fixture_set_up, test_live_feed, fixture_tear_down);
  g_test_add ("/publish-ui/auth-error", Fixture, NULL,
              fixture_set_up, test_publish_auth_error, fixture_tear_down);
  g_test_add ("/publish-ui/disabled-without-plan", Fixture, NULL,
              fixture_set_up, test_disabled_without_plan, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  sem_test_remove_tree (state_dir);
  return status;
}

/* test-feeds-ui.c — calendar subscriptions in the window: add, refresh, busy time, errors
 *
 * Needs a display: run under `xvfb-run -a dbus-run-session -- meson test …`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-feeds-ui"

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "sem-application.h"
#include "sem-demo.h"
#include "sem-document.h"
#include "sem-feeds-dialog.h"
#include "sem-plan-codec.h"
#include "sem-window-private.h"
#include "sem-test-ui.h"

#define EVENT_ID "dcc-brussels-2018"
#define SUMMARY "Board meeting of the partner city"

static SemApplication *app;

static const char calendar[] =
  "BEGIN:VCALENDAR\r\n"
  "VERSION:2.0\r\n"
  "PRODID:-//Sofia Seminars//test//EN\r\n"
  "BEGIN:VEVENT\r\n"
  "UID:board-2018-02-20@partner.example\r\n"
  "DTSTAMP:20180201T000000Z\r\n"
  "DTSTART:20180220T090000Z\r\n"
  "DTEND:20180220T110000Z\r\n"
  "SUMMARY:" SUMMARY "\r\n"
  "END:VEVENT\r\n"
  "END:VCALENDAR\r\n";

typedef struct
{
  SoupServer     *server;
  char           *url;
  guint           status;    /* what the server answers */
  SemPlan        *plan;
  SemDocument    *document;
  SemWindow      *window;
  SemFeedsDialog *dialog;
} Fixture;

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Fixture *f = user_data;

  soup_server_message_set_status (msg, f->status, NULL);
  if (f->status == SOUP_STATUS_OK)
    soup_server_message_set_response (msg, "text/calendar", SOUP_MEMORY_STATIC,
                                      calendar, strlen (calendar));
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (texts, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (texts, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static char *
busy_texts (Fixture *f)
{
  GString *texts = g_string_new (NULL);

  collect_texts (GTK_WIDGET (_sem_window_get_busy_list (f->window)), texts);
  return g_string_free (texts, FALSE);
}

/* Runs the main loop until the feed is no longer being synced. */
static gboolean
wait_for_sync (Fixture    *f,
               const char *feed_id)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      sem_test_gui_iterate ();
      if (!_sem_window_is_syncing_feed (f->window, feed_id))
        return TRUE;
      g_usleep (10 * 1000);
    }
  return FALSE;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->server = soup_server_new (NULL, NULL);
  f->status = SOUP_STATUS_OK;
  soup_server_add_handler (f->server, NULL, handler_cb, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  g_assert_nonnull (uris);
  f->url = g_strdup_printf ("http://127.0.0.1:%d/partner.ics", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->plan = sem_test_load_demo ();
  f->document = sem_document_new (f->plan, NULL);
  f->window = sem_test_window_new (app, f->document, 1000, 800, EVENT_ID);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.feeds", NULL);
  sem_test_gui_iterate ();
  f->dialog = f->window->feeds_dialog;
  g_assert_nonnull (f->dialog);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  sem_test_window_close (f->window);
  g_assert_null (f->dialog);
  g_clear_object (&f->document);
  g_clear_object (&f->plan);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_free (f->url);
}

static void
screenshot_pause (void)
{
  const char *seconds = g_getenv ("SEM_TEST_SCREENSHOT_PAUSE");

  if (seconds == NULL)
    return;
  sem_test_run_for (g_ascii_strtoll (seconds, NULL, 10) * 1000);
}

static void
test_add_refresh_fail (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *texts = NULL;
  SemFeed *feed;
  const char *status;
  gboolean is_error = TRUE;

  /* Not an address one can subscribe to: nothing is added. */
  g_assert_null (sem_feeds_dialog_add_feed (f->dialog, "Bad", "ftp://example.org/x.ics",
                                            NULL, NULL, &error));
  g_assert_error (error, SEM_FEED_SYNC_ERROR, SEM_FEED_SYNC_ERROR_URL);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (sem_plan_get_collection (f->plan, SEM_COLLECTION_FEEDS)), ==, 0);

  feed = sem_feeds_dialog_add_feed (f->dialog, "Partner city", f->url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  id = g_strdup (sem_entity_get_id (SEM_ENTITY (feed)));
  sem_test_gui_iterate ();
  status = sem_feeds_dialog_get_status (f->dialog, id, &is_error);
  g_assert_nonnull (status);
  g_assert_false (is_error);
  g_assert_cmpint (sem_feed_get_last_sync (feed), ==, 0);

  sem_feeds_dialog_refresh_feed (f->dialog, id);
  g_assert_true (_sem_window_is_syncing_feed (f->window, id));
  g_assert_true (wait_for_sync (f, id));
  feed = SEM_FEED (sem_plan_lookup (f->plan, SEM_COLLECTION_FEEDS, id));
  g_assert_cmpint (sem_feed_get_last_sync (feed), >, 0);
  g_assert_cmpuint (sem_feed_get_events (feed)->len, ==, 1);

  status = sem_feeds_dialog_get_status (f->dialog, id, &is_error);
  g_test_message ("status: %s", status);
  g_assert_false (is_error);
  texts = busy_texts (f);
  g_test_message ("busy: %s", texts);
  g_assert_nonnull (strstr (texts, SUMMARY));
  g_assert_nonnull (strstr (texts, "Partner city"));
  /* 09:00 UTC is 10:00 in Brussels. */
  g_assert_nonnull (strstr (texts, "10:00"));
  g_assert_true (gtk_widget_get_visible (f->window->busy_box));
  screenshot_pause ();

  /* The server fails: the row says so, the last good data stays. */
  f->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  sem_feeds_dialog_refresh_feed (f->dialog, id);
  g_assert_true (wait_for_sync (f, id));
  status = sem_feeds_dialog_get_status (f->dialog, id, &is_error);
  g_test_message ("status: %s", status);
  g_assert_true (is_error);
  g_clear_pointer (&texts, g_free);
  texts = busy_texts (f);
  g_assert_nonnull (strstr (texts, SUMMARY));
  screenshot_pause ();

  /* Disabling it from the dialog hides its busy time; undo shows it again. */
  sem_plan_set (f->plan, SEM_ENTITY (feed), "enabled", FALSE, NULL);
  sem_test_gui_iterate ();
  g_assert_false (gtk_widget_get_visible (f->window->busy_box));
  sem_plan_undo (f->plan);
  sem_test_gui_iterate ();
  g_assert_true (gtk_widget_get_visible (f->window->busy_box));
}

static void
test_cancel_on_close (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  SemFeed *feed = sem_feeds_dialog_add_feed (f->dialog, NULL, f->url, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sem_feed_get_name (feed), ==, "127.0.0.1");
  /* Due at once: never synced. */
  _sem_window_sync_due_feeds (f->window);
  g_assert_true (_sem_window_is_syncing_feed (f->window, sem_entity_get_id (SEM_ENTITY (feed))));
  /* The tear-down closes the window while the sync runs. */
}

static void
test_add_form (Fixture      *f,
               gconstpointer data)
{
  GtkWidget *add = sem_test_find_titled (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "_Add…", FALSE);
  GtkWidget *save;
  GtkWindow *form;

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  sem_test_gui_iterate ();
  form = sem_test_find_window (GTK_TYPE_WINDOW, "Add Subscription", FALSE);
  g_assert_nonnull (form);
  g_assert_true (gtk_window_get_transient_for (form) == GTK_WINDOW (f->dialog));
  /* No address yet: it cannot be added. */
  save = sem_test_find_titled (GTK_WIDGET (form), GTK_TYPE_BUTTON, "_Add", FALSE);
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_get_sensitive (save));
  screenshot_pause ();
  gtk_window_destroy (form);
  sem_test_gui_iterate ();
}

/* A plan that opens with a due feed syncs it at once, not a minute later. */
static void
test_sync_on_load (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SemPlan) plan = sem_demo_load (&error);
  g_autoptr(SemDocument) document = NULL;
  g_autoptr(SemFeed) feed = sem_feed_new ("partner");

  g_assert_no_error (error);
  g_object_set (feed, "name", "Partner", "url", f->url, "enabled", TRUE, NULL);
  sem_plan_add (plan, SEM_ENTITY (feed));
  document = sem_document_new (plan, NULL);

  sem_window_set_document (f->window, document);
  g_assert_true (_sem_window_is_syncing_feed (f->window, "partner"));
  g_assert_true (wait_for_sync (f, "partner"));
  g_assert_null (sem_feed_get_last_error (feed));
  g_assert_cmpint (sem_feed_get_last_sync (feed), >, 0);
  g_assert_cmpuint (sem_feed_get_events (feed)->len, ==, 1);
}

static GtkWidget *
find_mnemonic_target (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), label) == 0)
    return gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mnemonic_target (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The form's sign-in choice: a token goes to the keyring, the plan only
 * says "token". Without a Secret Service (CI) keeping it fails, and says so. */
static void
test_token_form (Fixture      *f,
                 gconstpointer data)
{
  GListModel *feeds = sem_plan_get_collection (f->plan, SEM_COLLECTION_FEEDS);
  g_autoptr(SemFeed) feed = NULL;
  g_autofree char *text = NULL;
  GtkWidget *user, *token, *url;
  GtkDropDown *auth;
  GtkWindow *form;
  gsize length = 0;

  g_signal_emit_by_name (sem_test_find_titled (GTK_WIDGET (f->dialog), GTK_TYPE_BUTTON, "_Add…", FALSE), "clicked");
  sem_test_gui_iterate ();
  form = sem_test_find_window (GTK_TYPE_WINDOW, "Add Subscription", FALSE);
  g_assert_nonnull (form);
  auth = GTK_DROP_DOWN (find_mnemonic_target (GTK_WIDGET (form), "_Sign in with"));
  user = find_mnemonic_target (GTK_WIDGET (form), "_User name");
  token = find_mnemonic_target (GTK_WIDGET (form), "Access _token");
  url = find_mnemonic_target (GTK_WIDGET (form), "_Address");
  g_assert_nonnull (auth);
  g_assert_nonnull (token);

  /* None at first: no user name, no token asked for. */
  g_assert_cmpuint (gtk_drop_down_get_selected (auth), ==, SEM_FEED_AUTH_NONE);
  g_assert_false (gtk_widget_get_visible (user));
  g_assert_false (gtk_widget_get_visible (token));
  gtk_drop_down_set_selected (auth, SEM_FEED_AUTH_PASSWORD);
  g_assert_true (gtk_widget_get_visible (user));
  g_assert_false (gtk_widget_get_visible (token));
  gtk_drop_down_set_selected (auth, SEM_FEED_AUTH_TOKEN);
  g_assert_false (gtk_widget_get_visible (user));
  g_assert_true (gtk_widget_get_visible (token));

  gtk_editable_set_text (GTK_EDITABLE (url), f->url);
  gtk_editable_set_text (GTK_EDITABLE (token), "form-T0ken-value");
  g_signal_emit_by_name (sem_test_find_titled (GTK_WIDGET (form), GTK_TYPE_BUTTON, "_Add", FALSE), "clicked");
  sem_test_gui_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (feeds), ==, 1);
  feed = g_list_model_get_item (feeds, 0);
  g_assert_cmpint (sem_feed_get_auth (feed), ==, SEM_FEED_AUTH_TOKEN);
  g_assert_null (sem_feed_get_user (feed));
  text = sem_plan_codec_to_data (f->plan, &length);
  g_assert_nonnull (strstr (text, "\"auth\" : \"token\""));
  g_assert_null (strstr (text, "form-T0ken-value"));

  /* Whether or not the keyring kept it, the feed is synced. */
  for (gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
       sem_feed_get_last_sync (feed) == 0 && sem_feed_get_last_error (feed) == NULL &&
       g_get_monotonic_time () < deadline;)
    {
      sem_test_gui_iterate ();
      g_usleep (10 * 1000);
    }
  g_assert_true (wait_for_sync (f, sem_entity_get_id (SEM_ENTITY (feed))));
  g_assert_true (sem_feed_get_last_sync (feed) > 0 || sem_feed_get_last_error (feed) != NULL);

  form = sem_test_find_window (GTK_TYPE_WINDOW, "Access Token Not Kept", FALSE);
  if (form != NULL)
    gtk_window_destroy (form);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  app = sem_test_gui_init ();
  if (app == NULL)
    return 0;

  g_test_add ("/feeds-ui/add-refresh-fail", Fixture, NULL,
              fixture_set_up, test_add_refresh_fail, fixture_tear_down);
  g_test_add ("/feeds-ui/add-form", Fixture, NULL,
              fixture_set_up, test_add_form, fixture_tear_down);
  g_test_add ("/feeds-ui/sync-on-load", Fixture, NULL,
              fixture_set_up, test_sync_on_load, fixture_tear_down);
  g_test_add ("/feeds-ui/token-form", Fixture, NULL,
              fixture_set_up, test_token_form, fixture_tear_down);
  g_test_add ("/feeds-ui/cancel-on-close", Fixture, NULL,
              fixture_set_up, test_cancel_on_close, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}

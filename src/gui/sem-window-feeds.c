/* sem-window-feeds.c — the window's calendar subscriptions: syncing feeds
 * and the busy times they bring beside the timetable
 *
 * Each feed syncs when it is due (checked every minute, and at once when a
 * plan is shown); its password or token comes from the keyring first, without
 * blocking. The syncs belong to the document shown and stop with it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-secret.h"
#include "sem-window-private.h"

#define FEED_CHECK_SECONDS 60

/* Syncing */

gboolean
_sem_window_is_syncing_feed (SemWindow  *self,
                             const char *feed_id)
{
  return feed_id != NULL && g_hash_table_contains (self->feeds_syncing, feed_id);
}

void
_sem_window_set_feeds_dialog (SemWindow      *self,
                              SemFeedsDialog *dialog)
{
  self->feeds_dialog = dialog;
}

GtkListBox *
_sem_window_get_busy_list (SemWindow *self)
{
  return self->busy_list;
}

typedef struct
{
  GWeakRef      window;       /* a sync must not keep a closed window alive */
  GCancellable *cancellable;
  char         *feed_id;
  char         *secret;       /* from the keyring, until the sync takes it */
} FeedSyncData;

static void
wipe_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
feed_sync_data_free (FeedSyncData *data)
{
  g_weak_ref_clear (&data->window);
  g_clear_object (&data->cancellable);
  g_free (data->feed_id);
  wipe_secret (&data->secret);
  g_free (data);
}

static void
feed_sync_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  FeedSyncData *data = user_data;
  g_autoptr(SemWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(SemFeedSyncResult) sync_result = NULL;
  g_autoptr(GError) error = NULL;

  sync_result = sem_feed_sync_finish (SEM_FEED_SYNC (object), result, &error);
  if (sync_result == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Feed %s: %s", data->feed_id, error->message);

  /* A cancelled sync belongs to a document the window no longer shows. */
  if (self != NULL && self->feeds_syncing != NULL && data->cancellable == self->feed_cancellable)
    {
      g_hash_table_remove (self->feeds_syncing, data->feed_id);
      if (self->feeds_dialog != NULL)
        sem_feeds_dialog_update (self->feeds_dialog);
    }

  feed_sync_data_free (data);
}

/* Under which user name the keyring keeps the feed's secret: its user name
 * for a password, a name no Basic user can have for a token. */
static const char *
feed_secret_user (SemFeed *feed)
{
  const char *user = sem_feed_get_user (feed);

  switch (sem_feed_get_effective_auth (feed))
    {
    case SEM_FEED_AUTH_TOKEN:
      return SEM_SECRET_FEED_TOKEN_USER;
    case SEM_FEED_AUTH_PASSWORD:
      return user != NULL && *user != '\0' ? user : NULL;
    case SEM_FEED_AUTH_NONE:
    default:
      return NULL;
    }
}

static void
feed_secret_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FeedSyncData *data = user_data;
  g_autoptr(SemWindow) self = g_weak_ref_get (&data->window);
  g_autoptr(GError) error = NULL;
  char *secret = sem_secret_lookup_finish (result, &error);
  SemPlan *plan;
  SemEntity *feed;

  if (secret == NULL && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("No keyring for feed %s: %s", data->feed_id, error->message);

  /* The window closed or shows another document: nothing to sync. */
  if (self == NULL || data->cancellable != self->feed_cancellable ||
      g_cancellable_is_cancelled (data->cancellable))
    {
      wipe_secret (&secret);
      feed_sync_data_free (data);
      return;
    }

  /* Without a secret the sync still runs, and says what the server wants. */
  data->secret = secret;
  plan = sem_window_get_plan (self);
  feed = plan != NULL ? sem_plan_lookup (plan, SEM_COLLECTION_FEEDS, data->feed_id) : NULL;
  if (feed == NULL)
    {
      /* Removed meanwhile. */
      g_hash_table_remove (self->feeds_syncing, data->feed_id);
      feed_sync_data_free (data);
      if (self->feeds_dialog != NULL)
        sem_feeds_dialog_update (self->feeds_dialog);
      return;
    }
  sem_feed_sync_async (self->feed_sync, plan, SEM_FEED (feed), data->cancellable,
                       feed_sync_done_cb, data);
  /* The credentials func took it, or it was not needed. */
  wipe_secret (&data->secret);
}

/**
 * _sem_window_sync_feed:
 *
 * Syncs @feed now unless it is being synced already; the window's feed
 * syncs stop when it closes or shows another document.
 */
void
_sem_window_sync_feed (SemWindow *self,
                       SemFeed   *feed)
{
  SemPlan *plan = sem_window_get_plan (self);
  const char *id = sem_entity_get_id (SEM_ENTITY (feed));
  SemFeedAuth auth = sem_feed_get_effective_auth (feed);
  const char *url = sem_feed_get_url (feed);
  FeedSyncData *data;

  if (plan == NULL || _sem_window_is_syncing_feed (self, id))
    return;

  data = g_new0 (FeedSyncData, 1);
  g_weak_ref_init (&data->window, self);
  data->cancellable = g_object_ref (self->feed_cancellable);
  data->feed_id = g_strdup (id);
  /* The credentials func finds the secret through it. */
  g_hash_table_insert (self->feeds_syncing, g_strdup (id), data);

  /* The keyring first, without blocking: a locked one may prompt. */
  if (auth != SEM_FEED_AUTH_NONE && url != NULL && feed_secret_user (feed) != NULL)
    sem_secret_feed_lookup_async (url, feed_secret_user (feed), data->cancellable,
                                  feed_secret_cb, data);
  else
    sem_feed_sync_async (self->feed_sync, plan, feed, data->cancellable,
                         feed_sync_done_cb, data);
  if (self->feeds_dialog != NULL)
    sem_feeds_dialog_update (self->feeds_dialog);
}

/**
 * _sem_window_sync_due_feeds:
 *
 * Syncs each enabled feed whose refresh time (or, after failures, whose
 * retry delay) has passed since its last sync.
 */
void
_sem_window_sync_due_feeds (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  GListModel *feeds;
  gint64 now;

  if (plan == NULL)
    return;

  now = sem_plan_now (plan);
  feeds = sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS);
  for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
    {
      g_autoptr(SemFeed) feed = g_list_model_get_item (feeds, i);
      gint64 last_sync = sem_feed_get_last_sync (feed);

      if (!sem_feed_get_enabled (feed))
        continue;
      if (last_sync == 0 || now >= last_sync + sem_feed_sync_get_retry_delay (self->feed_sync, feed))
        _sem_window_sync_feed (self, feed);
    }
}

static gboolean
feed_timer_cb (gpointer user_data)
{
  _sem_window_sync_due_feeds (SEM_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

/**
 * _sem_window_cancel_feed_syncs:
 *
 * Stops the syncs of the document shown; new ones get a new cancellable.
 */
void
_sem_window_cancel_feed_syncs (SemWindow *self)
{
  g_cancellable_cancel (self->feed_cancellable);
  g_clear_object (&self->feed_cancellable);
  self->feed_cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->feeds_syncing);
}

/**
 * _sem_window_show_feeds:
 *
 * Presents the Calendar Subscriptions dialog of the plan shown.
 */
void
_sem_window_show_feeds (SemWindow *self)
{
  if (sem_window_get_plan (self) == NULL)
    return;

  if (self->feeds_dialog == NULL)
    sem_feeds_dialog_new (self);
  gtk_window_present (GTK_WINDOW (self->feeds_dialog));
}

/* The busy list: "From your subscriptions" */

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  return date != NULL && sscanf (date, "%d-%d-%d", year, month, day) == 3;
}

static char *
format_busy_time (SemExternalEvent *event,
                  GTimeZone        *tz)
{
  g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (sem_external_event_get_start (event));
  g_autoptr(GDateTime) end_utc = g_date_time_new_from_unix_utc (sem_external_event_get_end (event));
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *day = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (start_utc == NULL)
    return g_strdup ("");

  if (sem_external_event_get_all_day (event))
    {
      /* All-day dates are kept as UTC midnights: show them as they are. */
      /* Translators: a day, see g_date_time_format(); e.g. "Tue 20 Feb" */
      day = g_date_time_format (start_utc, _("%a %-e %b"));
      /* Translators: %s is a day, e.g. "Tue 20 Feb" */
      return g_strdup_printf (_("%s, all day"), day);
    }

  start = g_date_time_to_timezone (start_utc, tz);
  end = end_utc != NULL ? g_date_time_to_timezone (end_utc, tz) : g_date_time_ref (start);
  /* Translators: a day, see g_date_time_format(); e.g. "Tue 20 Feb" */
  day = g_date_time_format (start, _("%a %-e %b"));
  from = g_date_time_format (start, "%H:%M");
  to = g_date_time_format (end, "%H:%M");
  /* Translators: a day, then the start and end times, e.g. "Tue 20 Feb, 09:00–12:00" */
  return g_strdup_printf (_("%s, %s–%s"), day, from, to);
}

static int
compare_busy (gconstpointer a,
              gconstpointer b)
{
  SemExternalEvent *ea = *(SemExternalEvent **) a;
  SemExternalEvent *eb = *(SemExternalEvent **) b;
  gint64 sa = sem_external_event_get_start (ea);
  gint64 sb = sem_external_event_get_start (eb);

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

static GtkWidget *
busy_row_new (SemWindow        *self,
              SemExternalEvent *event,
              SemFeed          *feed)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *when = format_busy_time (event, self->event_tz);
  const char *summary = sem_external_event_get_summary (event);
  const char *feed_name = sem_feed_get_name (feed);
  g_autofree char *source = NULL;
  GtkWidget *time_label = gtk_label_new (when);
  GtkWidget *summary_label;
  GtkWidget *source_label;
  GtkWidget *row;

  /* Translators: a busy time in a subscribed calendar; %s is its summary */
  summary_label = gtk_label_new (NULL);
  {
    g_autofree char *text = g_strdup_printf (_("Busy — %s"),
                                             summary != NULL && *summary != '\0' ? summary : _("Untitled"));

    gtk_label_set_text (GTK_LABEL (summary_label), text);
  }
  /* Translators: the subscription a busy time comes from, in brackets */
  source = g_strdup_printf (_("(%s)"), feed_name != NULL ? feed_name : "");
  source_label = gtk_label_new (source);

  gtk_widget_add_css_class (time_label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (time_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (summary_label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (summary_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (summary_label, TRUE);
  gtk_widget_add_css_class (summary_label, "sem-busy-summary");
  gtk_widget_add_css_class (source_label, "caption");
  gtk_box_append (GTK_BOX (box), time_label);
  gtk_box_append (GTK_BOX (box), summary_label);
  gtk_box_append (GTK_BOX (box), source_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  g_object_set_data (G_OBJECT (row), "sem-feed", feed);
  return row;
}

/**
 * _sem_window_update_busy_list:
 *
 * Lists the subscribed calendars' events on the shown event's days.
 */
void
_sem_window_update_busy_list (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  SemEvent *event = NULL;
  g_autoptr(GPtrArray) busy = g_ptr_array_new ();
  g_autoptr(GHashTable) feed_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) until = NULL;
  GListModel *feeds;
  GtkWidget *child;
  int y1, m1, d1, y2, m2, d2;

  if (plan != NULL && self->event_id != NULL)
    event = SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, self->event_id));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->busy_list))) != NULL)
    gtk_list_box_remove (self->busy_list, child);

  if (plan == NULL || event == NULL ||
      !parse_date (sem_event_get_start_date (event), &y1, &m1, &d1))
    {
      gtk_widget_set_visible (self->busy_box, FALSE);
      return;
    }
  if (!parse_date (sem_event_get_end_date (event), &y2, &m2, &d2))
    {
      y2 = y1;
      m2 = m1;
      d2 = d1;
    }

  from = g_date_time_new (self->event_tz, y1, m1, d1, 0, 0, 0);
  first_day = g_date_time_new (self->event_tz, y2, m2, d2, 0, 0, 0);
  until = first_day != NULL ? g_date_time_add_days (first_day, 1) : NULL;
  if (from == NULL || until == NULL)
    {
      gtk_widget_set_visible (self->busy_box, FALSE);
      return;
    }

  feeds = sem_plan_get_collection (plan, SEM_COLLECTION_FEEDS);
  for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
    {
      g_autoptr(SemFeed) feed = g_list_model_get_item (feeds, i);
      GPtrArray *events = sem_feed_get_events (feed);

      if (!sem_feed_get_enabled (feed) || events == NULL)
        continue;
      for (guint j = 0; j < events->len; j++)
        {
          SemExternalEvent *ext = g_ptr_array_index (events, j);
          gint64 start = sem_external_event_get_start (ext);
          gint64 end = MAX (sem_external_event_get_end (ext), start);

          if (start < g_date_time_to_unix (until) && end > g_date_time_to_unix (from))
            {
              g_ptr_array_add (busy, ext);
              g_hash_table_insert (feed_of, ext, feed);  /* the plan keeps it */
            }
        }
    }

  g_ptr_array_sort (busy, compare_busy);
  for (guint i = 0; i < busy->len; i++)
    {
      SemExternalEvent *ext = g_ptr_array_index (busy, i);

      gtk_list_box_append (self->busy_list, busy_row_new (self, ext, g_hash_table_lookup (feed_of, ext)));
    }
  gtk_widget_set_visible (self->busy_box, busy->len > 0);
}

/* Starting and stopping */

/* A feed's password or token: the one looked up in the keyring (without
 * blocking) before its sync started, handed over once. */
static gboolean
feed_credentials_cb (SemFeed   *feed,
                     char     **user,
                     char     **password,
                     gpointer   data)
{
  g_autoptr(SemWindow) self = g_weak_ref_get (data);
  FeedSyncData *sync_data;

  if (self == NULL || self->feeds_syncing == NULL || feed_secret_user (feed) == NULL)
    return FALSE;
  sync_data = g_hash_table_lookup (self->feeds_syncing, sem_entity_get_id (SEM_ENTITY (feed)));
  if (sync_data == NULL || sync_data->secret == NULL)
    return FALSE;

  if (sem_feed_get_effective_auth (feed) == SEM_FEED_AUTH_PASSWORD)
    *user = g_strdup (sem_feed_get_user (feed));
  *password = g_steal_pointer (&sync_data->secret);
  return TRUE;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* A plan just shown: its due feeds at once, not a minute later. */
static void
document_feeds_cb (SemWindow  *self,
                   GParamSpec *pspec)
{
  if (self->feed_cancellable != NULL && !g_cancellable_is_cancelled (self->feed_cancellable))
    _sem_window_sync_due_feeds (self);
}

/**
 * _sem_window_init_feeds:
 *
 * Sets up the feed syncs, their timer and the busy list under the timetable.
 */
void
_sem_window_init_feeds (SemWindow *self)
{
  GtkWidget *title = gtk_label_new (_("From your subscriptions"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  GWeakRef *window_ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (window_ref, self);
  self->feed_sync = sem_feed_sync_new ();
  sem_feed_sync_set_credentials_func (self->feed_sync, feed_credentials_cb, window_ref,
                                      (GDestroyNotify) weak_ref_free);
  self->feed_cancellable = g_cancellable_new ();
  /* feed id: its FeedSyncData (borrowed) while it syncs */
  self->feeds_syncing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self, "notify::document", G_CALLBACK (document_feeds_cb), NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "heading");
  self->busy_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->busy_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->busy_list), "boxed-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->busy_list), "sem-busy-list");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->busy_list));
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);

  self->busy_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->busy_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->busy_box), scroller);
  gtk_widget_set_visible (self->busy_box, FALSE);
  /* Under the timetable: busy time beside the sessions. */
  gtk_box_append (self->timetable_box, self->busy_box);

  self->feed_timer_id = g_timeout_add_seconds (FEED_CHECK_SECONDS, feed_timer_cb, self);
}

/**
 * _sem_window_stop_feeds:
 *
 * The window closes: no more syncs, and no Subscriptions dialog.
 */
void
_sem_window_stop_feeds (SemWindow *self)
{
  g_clear_handle_id (&self->feed_timer_id, g_source_remove);
  if (self->feed_cancellable != NULL)
    g_cancellable_cancel (self->feed_cancellable);
  if (self->feeds_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->feeds_dialog));
}

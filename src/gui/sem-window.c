/* sem-window.c — the main window: a plan's events and their sessions
 *
 * The window shows one document. A plan that fails to load never becomes a
 * document, so nothing in the window can save over the file that failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-demo.h"
#include "sem-event.h"
#include "sem-external-event.h"
#include "sem-programme.h"
#include "sem-session.h"
#include "sem-secret.h"
#include "sem-venue.h"
#include "sem-tab-stop.h"
#include "sem-window-private.h"

G_DEFINE_FINAL_TYPE (SemWindow, sem_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LIVE_FEED,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * sem_window_ui_language:
 *
 * Returns: "bg" when the user interface is in Bulgarian, else "en"
 */
const char *
sem_window_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "bg") ? "bg" : "en";
}

SemPlan *
sem_window_get_plan (SemWindow *self)
{
  return self->document != NULL ? sem_document_get_plan (self->document) : NULL;
}

GTimeZone *
sem_window_get_event_timezone (SemWindow *self)
{
  return self->event_tz;
}

const char *
sem_window_get_language (SemWindow *self)
{
  return self->lang;
}

static SemEvent *
lookup_event (SemWindow  *self,
              const char *event_id)
{
  SemPlan *plan = sem_window_get_plan (self);

  if (plan == NULL || event_id == NULL)
    return NULL;

  return SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, event_id));
}

void
_sem_window_update_title (SemWindow *self)
{
  GFile *file = self->document != NULL ? sem_document_get_file (self->document) : self->failed_file;
  SemPlan *plan = sem_window_get_plan (self);
  SemEvent *event = lookup_event (self, self->event_id);
  SemProgramme *programme = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *unsaved = NULL;
  const char *title = NULL;

  if (file != NULL)
    basename = g_file_get_basename (file);

  if (plan != NULL && event != NULL && sem_event_get_programme (event) != NULL)
    programme = SEM_PROGRAMME (sem_plan_lookup (plan, SEM_COLLECTION_PROGRAMMES,
                                                sem_event_get_programme (event)));
  if (programme == NULL && plan != NULL)
    {
      GListModel *programmes = sem_plan_get_collection (plan, SEM_COLLECTION_PROGRAMMES);

      if (g_list_model_get_n_items (programmes) > 0)
        {
          g_autoptr(SemProgramme) first = g_list_model_get_item (programmes, 0);

          programme = first;  /* the plan keeps it alive */
        }
    }

  if (programme != NULL)
    title = sem_programme_get_name (programme, self->lang);
  if (title == NULL || *title == '\0')
    title = basename != NULL ? basename : _("Sofia Seminars");

  /* Changes wait for Save with autosave off, or in a new plan; with it on
   * they are written within a second, and a mark would only flicker. */
  if (self->document != NULL && sem_document_get_modified (self->document) &&
      (file == NULL || !sem_document_get_autosave (self->document)))
    {
      /* Translators: the title of a window whose plan has unsaved changes */
      unsaved = g_strdup_printf (C_("window title", "• %s"), title);
      title = unsaved;
    }

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename != NULL ? basename : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void update_busy_list (SemWindow *self);

static void
update_content_page (SemWindow *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, self->event_id != NULL ? "event" : "empty");
  _sem_window_update_empty_page (self);
  _sem_window_update_edit_actions (self);
}

static void
update_conflicts_badge (SemWindow *self)
{
  guint n = sem_conflict_list_get_n_problems (self->conflict_list);

  adw_view_stack_page_set_badge_number (self->conflicts_stack_page, n);
  adw_view_stack_page_set_needs_attention (self->conflicts_stack_page, n > 0);
}

/* The state of win.page follows the page shown, however it was chosen. */
static void
view_stack_notify_visible_child_cb (SemWindow *self)
{
  /* Before the window has its pages, when the template sets the first one. */
  if (self->pages[SEM_WINDOW_PAGE_TIMETABLE] != NULL)
    _sem_window_update_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/**
 * sem_window_show_page:
 * @name: "timetable", "sessions", "delegations", "people", "rooms",
 *   "conflicts" or "feeds"
 *
 * Shows one of the event's pages (win.page does the same).
 */
void
sem_window_show_page (SemWindow  *self,
                      const char *name)
{
  g_return_if_fail (SEM_IS_WINDOW (self));

  if (name == NULL || adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_debug ("No page %s", name);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/**
 * sem_window_get_page:
 *
 * Returns: the name of the page shown
 */
const char *
sem_window_get_page (SemWindow *self)
{
  g_return_val_if_fail (SEM_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

static void
show_event (SemWindow  *self,
            const char *event_id)
{
  SemEvent *event = lookup_event (self, event_id);
  const char *tz_id = NULL;

  g_free (self->event_id);
  self->event_id = event != NULL ? g_strdup (event_id) : NULL;

  if (event != NULL)
    {
      tz_id = sem_event_get_timezone (event);
      if (tz_id == NULL || *tz_id == '\0')
        {
          SemVenue *venue = SEM_VENUE (sem_plan_lookup (sem_window_get_plan (self),
                                                        SEM_COLLECTION_VENUES,
                                                        sem_event_get_venue (event)));

          tz_id = venue != NULL ? sem_venue_get_timezone (venue) : NULL;
        }
    }

  g_clear_pointer (&self->event_tz, g_time_zone_unref);
  if (tz_id != NULL && *tz_id != '\0')
    self->event_tz = g_time_zone_new_identifier (tz_id);
  if (self->event_tz == NULL)
    self->event_tz = g_time_zone_new_utc ();

  sem_conflict_list_set_event_id (self->conflict_list, self->event_id);
  update_busy_list (self);
  update_content_page (self);
  _sem_window_update_title (self);
  _sem_window_update_actions (self);
  _sem_window_update_pages (self);
}

static int
event_sort_func (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SemEvent *ea = SEM_EVENT ((gpointer) a);
  SemEvent *eb = SEM_EVENT ((gpointer) b);
  int cmp;

  /* Events grouped by programme, each programme's in date order. */
  if ((cmp = g_strcmp0 (sem_event_get_programme (ea), sem_event_get_programme (eb))) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (sem_event_get_start_date (ea), sem_event_get_start_date (eb))) != 0)
    return cmp;

  return g_strcmp0 (sem_entity_get_id (SEM_ENTITY (ea)), sem_entity_get_id (SEM_ENTITY (eb)));
}

/* The first academy seminar that has sessions, else the first event. */
static char *
find_initial_event (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  GListModel *sessions;
  GListModel *events = G_LIST_MODEL (self->event_model);
  g_autoptr(GHashTable) with_sessions = NULL;
  guint n_events = g_list_model_get_n_items (events);
  guint n_sessions;

  if (plan == NULL || n_events == 0)
    return NULL;

  sessions = sem_plan_get_collection (plan, SEM_COLLECTION_SESSIONS);
  n_sessions = g_list_model_get_n_items (sessions);
  /* The ids are the sessions', which the plan keeps while this runs. */
  with_sessions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(SemSession) session = g_list_model_get_item (sessions, i);

      if (sem_session_get_event (session) != NULL)
        g_hash_table_add (with_sessions, (char *) sem_session_get_event (session));
    }

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(SemEvent) event = g_list_model_get_item (events, i);
      const char *id = sem_entity_get_id (SEM_ENTITY (event));

      if (sem_event_get_kind (event) == SEM_EVENT_KIND_ACADEMY_SEMINAR &&
          g_hash_table_contains (with_sessions, id))
        return g_strdup (id);
    }

  {
    g_autoptr(SemEvent) first = g_list_model_get_item (events, 0);

    return g_strdup (sem_entity_get_id (SEM_ENTITY (first)));
  }
}

static void
history_notify_cb (SemWindow *self)
{
  _sem_window_update_actions (self);
}

/* The file's name and whether it has unsaved changes show in the title. */
static void
document_notify_file_cb (SemWindow *self)
{
  _sem_window_update_title (self);
}

static void
plan_changed_cb (SemWindow *self)
{
  update_busy_list (self);
  /* An event that went away (or the first one added) changes what is shown. */
  if (self->event_id != NULL && lookup_event (self, self->event_id) == NULL)
    show_event (self, NULL);
  if (self->event_id == NULL)
    {
      g_autofree char *initial = find_initial_event (self);

      if (initial != NULL)
        sem_window_select_event (self, initial);
    }
  update_content_page (self);
  _sem_window_update_title (self);
}

/* Conflicts */

/* Selects the conflict's sessions on the Sessions page; a clash with another
 * event's session (a person's) shows that event first. */
static void
conflict_activated_cb (SemWindow   *self,
                       SemConflict *conflict)
{
  const char * const *session_ids = sem_conflict_get_sessions (conflict);
  SemPlan *plan = sem_window_get_plan (self);
  GtkWidget *page;
  SemEntity *first;

  if (plan == NULL || session_ids[0] == NULL)
    return;

  first = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, session_ids[0]);
  if (first != NULL && sem_session_get_event (SEM_SESSION (first)) != NULL &&
      g_strcmp0 (sem_session_get_event (SEM_SESSION (first)), self->event_id) != 0)
    {
      gboolean here = FALSE;

      for (guint i = 1; session_ids[i] != NULL && !here; i++)
        {
          SemEntity *other = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, session_ids[i]);

          here = other != NULL && g_strcmp0 (sem_session_get_event (SEM_SESSION (other)), self->event_id) == 0;
        }
      if (!here)
        sem_window_select_event (self, sem_session_get_event (SEM_SESSION (first)));
    }

  sem_window_show_page (self, "sessions");
  page = _sem_window_get_page_widget (self, SEM_WINDOW_PAGE_SESSIONS);
  sem_sessions_page_select_sessions (SEM_SESSIONS_PAGE (page), session_ids);
}

/* Calendar subscriptions */

#define FEED_CHECK_SECONDS 60

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

/* Stops the syncs of the document shown; new ones get a new cancellable. */
static void
cancel_feed_syncs (SemWindow *self)
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

/* Lists the subscribed calendars' events on the shown event's days. */
static void
update_busy_list (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  SemEvent *event = lookup_event (self, self->event_id);
  g_autoptr(GPtrArray) busy = g_ptr_array_new ();
  g_autoptr(GHashTable) feed_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) first_day = NULL;
  g_autoptr(GDateTime) until = NULL;
  GListModel *feeds;
  GtkWidget *child;
  int y1, m1, d1, y2, m2, d2;

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

static void
init_feeds (SemWindow *self)
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

static void
stop_feeds (SemWindow *self)
{
  g_clear_handle_id (&self->feed_timer_id, g_source_remove);
  if (self->feed_cancellable != NULL)
    g_cancellable_cancel (self->feed_cancellable);
  if (self->feeds_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->feeds_dialog));
}

/* The document shown */

static void
unbind_document (SemWindow *self)
{
  SemPlan *plan;

  if (self->document == NULL)
    return;

  plan = sem_document_get_plan (self->document);
  sem_conflict_list_set_plan (self->conflict_list, NULL);
  _sem_window_let_go_of_pages (self);
  g_signal_handlers_disconnect_by_data (sem_plan_get_history (plan), self);
  g_signal_handlers_disconnect_by_data (plan, self);
  g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->save_error_toast != NULL)
    adw_toast_dismiss (self->save_error_toast);
  g_clear_object (&self->document);
}

/**
 * sem_window_set_document:
 * @document: (nullable): the document to show
 *
 * Shows @document; the edits of a document shown before that are not yet
 * written are written in the background.
 */
void
sem_window_set_document (SemWindow   *self,
                         SemDocument *document)
{
  g_autofree char *initial = NULL;
  SemPlan *plan;

  g_return_if_fail (SEM_IS_WINDOW (self));
  g_return_if_fail (document == NULL || SEM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* Edits of the document let go are saved in the background; a failure is
   * shown in a toast. */
  _sem_window_save_detached (self);
  cancel_feed_syncs (self);
  if (self->feeds_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->feeds_dialog));
  unbind_document (self);
  g_clear_pointer (&self->event_id, g_free);

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_clear_object (&self->failed_file);
      plan = sem_document_get_plan (document);

      g_signal_connect_object (sem_plan_get_history (plan), "notify::can-undo",
                               G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (sem_plan_get_history (plan), "notify::can-redo",
                               G_CALLBACK (history_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (plan, "changed",
                               G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file",
                               G_CALLBACK (document_notify_file_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (document_notify_file_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::autosave",
                               G_CALLBACK (document_notify_file_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::save-error",
                               G_CALLBACK (_sem_window_document_notify_save_error_cb), self, G_CONNECT_SWAPPED);

      gtk_sort_list_model_set_model (self->event_model,
                                     sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS));
      /* No event yet: the check runs once, when one is shown. */
      sem_conflict_list_set_event_id (self->conflict_list, NULL);
      sem_conflict_list_set_plan (self->conflict_list, plan);
      gtk_stack_set_visible_child_name (self->main_stack, "plan");
    }
  else
    gtk_sort_list_model_set_model (self->event_model, NULL);

  initial = find_initial_event (self);
  if (initial != NULL)
    sem_window_select_event (self, initial);
  else
    show_event (self, NULL);

  _sem_window_update_live_feed (self);
  _sem_window_update_actions (self);
  _sem_window_update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * sem_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
SemDocument *
sem_window_get_document (SemWindow *self)
{
  g_return_val_if_fail (SEM_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * sem_window_get_selected_event:
 *
 * Returns: (nullable): the id of the event whose sessions are shown
 */
const char *
sem_window_get_selected_event (SemWindow *self)
{
  g_return_val_if_fail (SEM_IS_WINDOW (self), NULL);

  return self->event_id;
}

/**
 * sem_window_select_event:
 * @event_id: an event of the plan
 *
 * Selects the event in the sidebar and shows its sessions.
 */
void
sem_window_select_event (SemWindow  *self,
                         const char *event_id)
{
  guint position;

  g_return_if_fail (SEM_IS_WINDOW (self));
  g_return_if_fail (event_id != NULL);

  position = sem_sidebar_model_find_event (self->sidebar_model, event_id);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_debug ("No event %s to select", event_id);
      return;
    }

  gtk_single_selection_set_selected (self->event_selection, position);
  /* Selecting the selected row emits nothing: show it anyway. */
  if (g_strcmp0 (self->event_id, event_id) != 0)
    show_event (self, event_id);
}

static void
event_selected_cb (SemWindow *self)
{
  gpointer item = gtk_single_selection_get_selected_item (self->event_selection);

  if (SEM_IS_EVENT (item) && g_strcmp0 (self->event_id, sem_entity_get_id (SEM_ENTITY (item))) != 0)
    show_event (self, sem_entity_get_id (SEM_ENTITY (item)));
  /* A heading is not chosen: the event shown stays selected. */
  else if (SEM_IS_SIDEBAR_HEADING (item) && self->event_id != NULL)
    gtk_single_selection_set_selected (self->event_selection,
                                       sem_sidebar_model_find_event (self->sidebar_model, self->event_id));
}

/**
 * _sem_window_show_content:
 *
 * Folded, goes from the sidebar on to the shown event's pages.
 */
void
_sem_window_show_content (SemWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
event_activated_cb (SemWindow *self,
                    guint      position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_model), position);

  if (SEM_IS_EVENT (item))
    _sem_window_show_content (self);
}

static void
back_clicked_cb (SemWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Loading */

static gboolean
sem_window_close_request (GtkWindow *window)
{
  SemWindow *self = SEM_WINDOW (window);

  if (!self->discard_changes && !_sem_window_ready_to_close (self))
    return TRUE;

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  _sem_window_cancel_imports (self);
  stop_feeds (self);
  _sem_window_stop_live_feed (self);

  return GTK_WINDOW_CLASS (sem_window_parent_class)->close_request (window);
}

static void
bind_travel_buffer (SemWindow *self,
                    GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema != NULL && g_settings_schema_has_key (schema, "travel-buffer"))
    g_settings_bind (settings, "travel-buffer", self->conflict_list, "travel-buffer",
                     G_SETTINGS_BIND_GET);
}

/* Properties given to g_object_new() that are not construct properties, the
 * application among them, are set after constructed(): bind when it comes. */
static void
application_notify_cb (SemWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (self->settings_bound || !SEM_IS_APPLICATION (app))
    return;

  settings = sem_application_get_settings (SEM_APPLICATION (app));
  if (settings == NULL)
    return;

  self->settings_bound = TRUE;
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  bind_travel_buffer (self, settings);
}

static void
sem_window_dispose (GObject *object)
{
  SemWindow *self = SEM_WINDOW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  _sem_window_cancel_imports (self);
  stop_feeds (self);
  _sem_window_stop_live_feed (self);

  unbind_document (self);
  g_clear_object (&self->save_error_toast);
  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_WINDOW);

  G_OBJECT_CLASS (sem_window_parent_class)->dispose (object);
}

static void
sem_window_finalize (GObject *object)
{
  SemWindow *self = SEM_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->feed_cancellable);
  g_clear_object (&self->feed_sync);
  g_clear_pointer (&self->feeds_syncing, g_hash_table_unref);
  g_clear_object (&self->failed_file);
  g_clear_object (&self->event_selection);
  g_clear_object (&self->sidebar_model);
  g_clear_object (&self->event_model);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->event_tz, g_time_zone_unref);
  g_clear_pointer (&self->publish_targets, g_hash_table_unref);

  G_OBJECT_CLASS (sem_window_parent_class)->finalize (object);
}

static void
sem_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SemWindow *self = SEM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LIVE_FEED:
      g_value_set_boolean (value, sem_window_get_live_feed (self));
      break;
    case PROP_PAGE:
      g_value_set_string (value, sem_window_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SemWindow *self = SEM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      sem_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_LIVE_FEED:
      sem_window_set_live_feed (self, g_value_get_boolean (value));
      break;
    case PROP_PAGE:
      sem_window_show_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_window_class_init (SemWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sem_window_dispose;
  object_class->finalize = sem_window_finalize;
  object_class->get_property = sem_window_get_property;
  object_class->set_property = sem_window_set_property;

  window_class->close_request = sem_window_close_request;

  /**
   * SemWindow:document:
   *
   * The document shown; %NULL while loading or when a plan failed to load.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SEM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SemWindow:live-feed:
   *
   * Whether the shown plan's live calendars are served on 127.0.0.1; the
   * state of win.live-feed.
   */
  properties[PROP_LIVE_FEED] =
    g_param_spec_boolean ("live-feed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SemWindow:page:
   *
   * The name of the event's page shown: the state of win.page.
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "timetable",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "win.page", "page");

  /* Tests build windows without running the application. */
  sem_resources_register ();
  g_type_ensure (SEM_TYPE_CONFLICT_LIST);
  g_type_ensure (SEM_TYPE_TAB_STOP);
  g_type_ensure (SEM_TYPE_TIMETABLE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sofia/Seminars/ui/sem-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SemWindow, conflict_list);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, empty_button);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, conflicts_bin);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, delegations_bin);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, feeds_bin);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, people_bin);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, rooms_bin);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, sessions_bin);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, timetable_page);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, timetable_box);
  gtk_widget_class_bind_template_child (widget_class, SemWindow, conflicts_stack_page);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, conflict_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, event_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_stack_notify_visible_child_cb);

  _sem_window_class_init_actions (widget_class);
  _sem_window_class_init_edit_actions (widget_class);
}

static void
sem_window_init (SemWindow *self)
{
  GtkCustomSorter *event_sorter;
  g_autoptr(GtkListItemFactory) event_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = sem_window_ui_language ();
  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  self->event_tz = g_time_zone_new_utc ();

  event_sorter = gtk_custom_sorter_new (event_sort_func, NULL, NULL);
  self->event_model = gtk_sort_list_model_new (NULL, GTK_SORTER (event_sorter));
  self->sidebar_model = sem_sidebar_model_new (G_LIST_MODEL (self->event_model));
  self->event_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sidebar_model)));
  gtk_single_selection_set_autoselect (self->event_selection, FALSE);
  g_signal_connect_object (self->event_selection, "notify::selected-item",
                           G_CALLBACK (event_selected_cb), self, G_CONNECT_SWAPPED);
  /* Only the rows on screen are made: a plan may have hundreds of events. */
  event_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (event_factory, "setup", G_CALLBACK (_sem_window_event_row_setup_cb), self, 0);
  g_signal_connect_object (event_factory, "bind", G_CALLBACK (_sem_window_event_row_bind_cb), self, 0);
  g_signal_connect_object (event_factory, "unbind", G_CALLBACK (_sem_window_event_row_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->event_list, event_factory);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->event_selection));

  _sem_window_init_pages (self);
  /* Folded, Back takes Redo's place (Shift+Ctrl+Z still redoes): the
   * header bar then fits 360 px, window controls and all. */
  g_object_bind_property (self->leaflet, "folded", self->redo_button, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_notify_cb), NULL);
  sem_conflict_list_set_language (self->conflict_list, self->lang);
  g_signal_connect_object (self->conflict_list, "notify::n-problems",
                           G_CALLBACK (update_conflicts_badge), self, G_CONNECT_SWAPPED);

  init_feeds (self);
  _sem_window_init_drop (self);
  _sem_window_update_actions (self);
  update_content_page (self);
  _sem_window_update_title (self);
}

/**
 * sem_window_new:
 * @app: the application
 *
 * Returns: (transfer full): a window without a document
 */
SemWindow *
sem_window_new (SemApplication *app)
{
  g_return_val_if_fail (app == NULL || SEM_IS_APPLICATION (app), NULL);

  return g_object_new (SEM_TYPE_WINDOW, "application", app, NULL);
}

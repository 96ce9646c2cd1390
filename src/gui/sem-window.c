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
#include "sem-programme.h"
#include "sem-session.h"
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
  _sem_window_update_busy_list (self);
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
  _sem_window_update_busy_list (self);
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
  _sem_window_cancel_feed_syncs (self);
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
  _sem_window_stop_feeds (self);
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
  _sem_window_stop_feeds (self);
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

  _sem_window_init_feeds (self);
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

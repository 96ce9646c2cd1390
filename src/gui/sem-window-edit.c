/* sem-window-edit.c — the window's New and Edit actions, and the empty states
 *
 * A new plan starts empty; its empty state leads to the first programme
 * and event. Each New action opens the entity editor with defaults taken
 * from what is shown (the event, its first day, its programme).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-delegation.h"
#include "sem-entity-editor.h"
#include "sem-event.h"
#include "sem-programme.h"
#include "sem-session.h"
#include "sem-window-private.h"

#define DEFAULT_TIMEZONE "Europe/Sofia"

static const char * const pages[] = {
  "timetable", "sessions", "delegations", "people", "rooms", "conflicts", "feeds",
};

static SemEvent *
selected_event (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  const char *id = sem_window_get_selected_event (self);

  if (plan == NULL || id == NULL)
    return NULL;
  return SEM_EVENT (sem_plan_lookup (plan, SEM_COLLECTION_EVENTS, id));
}

static void
present_editor (SemEntityEditor *editor)
{
  if (editor != NULL)
    gtk_window_present (GTK_WINDOW (editor));
}

static char *
default_timezone (SemWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  /* Tests run windows without the application's settings. */
  GSettings *settings = SEM_IS_APPLICATION (app) ? sem_application_get_settings (SEM_APPLICATION (app)) : NULL;
  g_autofree char *zone = settings != NULL ? g_settings_get_string (settings, "default-timezone") : NULL;

  return zone != NULL && *zone != '\0' ? g_steal_pointer (&zone) : g_strdup (DEFAULT_TIMEZONE);
}

/* The shown event's programme, else the plan's first. */
static const char *
default_programme (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  SemEvent *event = selected_event (self);
  GListModel *programmes;

  if (event != NULL && sem_event_get_programme (event) != NULL)
    return sem_event_get_programme (event);

  programmes = sem_plan_get_collection (plan, SEM_COLLECTION_PROGRAMMES);
  if (g_list_model_get_n_items (programmes) > 0)
    {
      g_autoptr(SemEntity) first = g_list_model_get_item (programmes, 0);

      return sem_entity_get_id (first);  /* the plan keeps it */
    }
  return NULL;
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  g_autoptr(SemPlan) plan = sem_plan_new ();
  g_autoptr(SemDocument) document = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *domain = g_strconcat (uuid, ".seminars.invalid", NULL);

  /* Every new plan's calendar UIDs are its own, for good. */
  sem_plan_set_uid_domain (plan, domain);
  document = sem_document_new (plan, NULL);
  _sem_window_replace_document (self, document);
}

static void
new_programme_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  SemPlan *plan = sem_window_get_plan (self);

  if (plan != NULL)
    present_editor (sem_entity_editor_new_create (GTK_WINDOW (self), plan,
                                                  SEM_COLLECTION_PROGRAMMES, NULL));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  SemPlan *plan = sem_window_get_plan (self);
  g_autoptr(SemEntity) defaults = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  g_autofree char *zone = NULL;

  if (plan == NULL)
    return;

  zone = default_timezone (self);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  defaults = g_object_new (SEM_TYPE_EVENT,
                           "id", "new",
                           "programme", default_programme (self),
                           "timezone", zone,
                           "start-date", today,
                           "end-date", today,
                           NULL);
  present_editor (sem_entity_editor_new_create (GTK_WINDOW (self), plan,
                                                SEM_COLLECTION_EVENTS, defaults));
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  SemEvent *event = selected_event (self);

  if (event != NULL)
    present_editor (sem_entity_editor_new_edit (GTK_WINDOW (self), sem_window_get_plan (self),
                                                SEM_ENTITY (event)));
}

/* A new session on the event's first day, 09:00 to 10:00 there. */
static void
new_session_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  SemEvent *event = selected_event (self);
  g_autoptr(SemEntity) defaults = NULL;
  g_autoptr(GDateTime) start = NULL;
  int year = 0, month = 0, day = 0;

  if (event == NULL)
    return;

  if (sem_event_get_start_date (event) == NULL ||
      sscanf (sem_event_get_start_date (event), "%d-%d-%d", &year, &month, &day) != 3)
    return;
  start = g_date_time_new (sem_window_get_event_timezone (self), year, month, day, 9, 0, 0);
  if (start == NULL)
    return;

  defaults = g_object_new (SEM_TYPE_SESSION,
                           "id", "new",
                           "event", sem_entity_get_id (SEM_ENTITY (event)),
                           "start", g_date_time_to_unix (start),
                           "end", g_date_time_to_unix (start) + 3600,
                           NULL);
  present_editor (sem_entity_editor_new_create (GTK_WINDOW (self), sem_window_get_plan (self),
                                                SEM_COLLECTION_SESSIONS, defaults));
}

static void
new_delegation_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  SemEvent *event = selected_event (self);
  g_autoptr(SemEntity) defaults = NULL;

  if (event == NULL)
    return;

  defaults = g_object_new (SEM_TYPE_DELEGATION, "id", "new",
                           "event", sem_entity_get_id (SEM_ENTITY (event)), NULL);
  present_editor (sem_entity_editor_new_create (GTK_WINDOW (self), sem_window_get_plan (self),
                                                SEM_COLLECTION_DELEGATIONS, defaults));
}

static void
new_entity_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  SemPlan *plan = sem_window_get_plan (self);
  SemCollection collection = sem_collection_from_name (g_variant_get_string (parameter, NULL));

  if (plan == NULL || collection == SEM_COLLECTION_NONE)
    return;
  present_editor (sem_entity_editor_new_create (GTK_WINDOW (self), plan, collection, NULL));
}

/* Ctrl+F: the Sessions page's search. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);

  if (sem_window_get_selected_event (self) == NULL)
    return;
  sem_window_show_page (self, "sessions");
  sem_sessions_page_focus_search (SEM_SESSIONS_PAGE (_sem_window_get_page_widget (self, SEM_WINDOW_PAGE_SESSIONS)));
}

/**
 * _sem_window_update_empty_page:
 *
 * Says what to do next when no event is shown: plan the first one, or
 * choose one.
 */
void
_sem_window_update_empty_page (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  guint n_events = plan != NULL ? g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_EVENTS)) : 0;
  guint n_programmes = plan != NULL ? g_list_model_get_n_items (sem_plan_get_collection (plan, SEM_COLLECTION_PROGRAMMES)) : 0;

  if (plan != NULL && n_events == 0)
    {
      adw_status_page_set_title (self->empty_page, _("Start Planning"));
      adw_status_page_set_description (self->empty_page,
                                       n_programmes == 0
                                       ? _("Add the programme your events belong to, such as the Digital Cities Challenge, then its first event.")
                                       : _("Add the first event: an academy seminar, a city delegation or a workshop."));
      gtk_button_set_label (self->empty_button, n_programmes == 0 ? _("_New Programme…") : _("_New Event…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_button),
                                      n_programmes == 0 ? "win.new-programme" : "win.new-event");
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), TRUE);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Event Selected"));
      adw_status_page_set_description (self->empty_page, _("Choose an event to see its sessions."));
      gtk_widget_set_visible (GTK_WIDGET (self->empty_button), FALSE);
    }
}

/**
 * _sem_window_update_edit_actions:
 *
 * Enables the New and Edit actions that make sense for what is shown.
 */
void
_sem_window_update_edit_actions (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  gboolean has_event = selected_event (self) != NULL;
  gboolean has_programme = plan != NULL && default_programme (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-programme", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-event", has_programme);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-entity", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-event", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-session", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-delegation", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_event);
}

/**
 * _sem_window_class_init_edit_actions:
 *
 * Installs the New and Edit actions and their shortcuts; from class_init.
 */
void
_sem_window_class_init_edit_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.new-programme", NULL, new_programme_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.edit-event", NULL, edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, new_session_action);
  gtk_widget_class_install_action (widget_class, "win.new-delegation", NULL, new_delegation_action);
  gtk_widget_class_install_action (widget_class, "win.new-entity", "s", new_entity_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.edit-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);

  /* Alt+1 … Alt+7 for the pages, in the switcher's order. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.page", "s", pages[i]);
}

/* sem-window-actions.c — the window's actions: open, save, save as, undo, redo, calendars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-window-private.h"

/**
 * _sem_window_update_actions:
 *
 * Decides which of the window's actions are enabled.
 */
void
_sem_window_update_actions (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  SemHistory *history = plan != NULL ? sem_plan_get_history (plan) : NULL;
  gboolean has_event = plan != NULL && sem_window_get_selected_event (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 history != NULL && sem_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 history != NULL && sem_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-calendar", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-calendar", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.publish", has_event);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.feeds", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.live-feed", plan != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.live-urls", has_event);
}

static GtkFileFilter *
plan_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Plans"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  SemWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _sem_window_load_file (self, file, TRUE);
    }

  g_object_unref (native);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = plan_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open a Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
save_as_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SemWindow) self = user_data;
  SemDocument *document = SEM_DOCUMENT (object);
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  if (!sem_document_save_finish (document, result, &error))
    {
      /* The document's save-error may already have said so: this shows it once. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sem_window_show_save_error (self, error->message);
      return;
    }

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SEM_IS_APPLICATION (app) && sem_document_get_file (document) != NULL)
    sem_application_remember_plan (SEM_APPLICATION (app), sem_document_get_file (document));
}

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  SemWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && g_file_peek_path (file) != NULL)
        {
          sem_document_set_file (self->document, file);
          sem_document_save_async (self->document, self->cancellable,
                                   save_as_done_cb, g_object_ref (self));
        }
      else if (file != NULL)
        _sem_window_show_toast (self, _("Plans can only be saved to local files"));
    }

  g_object_unref (native);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = plan_file_filter_new ();
  GFile *current;

  if (self->document == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save the Plan As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  current = sem_document_get_file (self->document);
  if (current != NULL)
    {
      g_autofree char *name = g_file_get_basename (current);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }
  else
    /* Translators: the suggested file name of a new plan */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("plan.json"));

  g_signal_connect_object (native, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Saves now: what Ctrl+S does, needed when autosave is off. A plan that has
 * no file yet asks where. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SemWindow *self = SEM_WINDOW (widget);

  if (self->document == NULL)
    return;

  if (sem_document_get_file (self->document) == NULL)
    {
      gtk_widget_activate_action (widget, "win.save-as", NULL);
      return;
    }

  sem_document_save_async (self->document, self->cancellable, save_as_done_cb,
                           g_object_ref (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SemPlan *plan = sem_window_get_plan (SEM_WINDOW (widget));

  if (plan != NULL)
    sem_plan_undo (plan);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SemPlan *plan = sem_window_get_plan (SEM_WINDOW (widget));

  if (plan != NULL)
    sem_plan_redo (plan);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _sem_window_export_calendar (SEM_WINDOW (widget));
}

static void
import_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _sem_window_import_calendar (SEM_WINDOW (widget));
}

static void
feeds_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _sem_window_show_feeds (SEM_WINDOW (widget));
}

static void
publish_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _sem_window_publish (SEM_WINDOW (widget));
}

static void
live_urls_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _sem_window_show_live_urls (SEM_WINDOW (widget));
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window as GtkApplication's help overlay would be: it is a big
 * window few open, and building it delayed the first frame. */
static void
shortcuts_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_present (sem_window_get_shortcuts_window (SEM_WINDOW (widget)));
}

/**
 * sem_window_get_shortcuts_window:
 *
 * Returns: (transfer none): the window's shortcuts window, built on first use
 *   and not shown
 */
GtkWindow *
sem_window_get_shortcuts_window (SemWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  g_return_val_if_fail (SEM_IS_WINDOW (self), NULL);

  if (self->shortcuts_window != NULL)
    return self->shortcuts_window;

  builder = gtk_builder_new_from_resource ("/org/sofia/Seminars/ui/help-overlay.ui");
  self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
  gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (self->shortcuts_window, TRUE);
  gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);

  return self->shortcuts_window;
}

/**
 * _sem_window_class_init_actions:
 *
 * Installs the window's actions and their shortcuts; called from class_init.
 */
void
_sem_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL,
                                   export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.import-calendar", NULL,
                                   import_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.publish", NULL, publish_action);
  gtk_widget_class_install_action (widget_class, "win.feeds", NULL, feeds_action);
  gtk_widget_class_install_action (widget_class, "win.live-urls", NULL, live_urls_action);
  gtk_widget_class_install_property_action (widget_class, "win.live-feed", "live-feed");
  gtk_widget_class_install_action (widget_class, "win.shortcuts", NULL, shortcuts_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-calendar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-calendar", NULL);
}

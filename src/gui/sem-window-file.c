/* sem-window-file.c — the window's plan file: loading it, saving errors, unsaved changes
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
#include "sem-window-private.h"

static AdwToast *
toast_new (const char *text)
{
  /* A toast's title is markup in libadwaita 1.2; ours are plain text, error
   * messages and file names included. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  return toast;
}

/**
 * _sem_window_show_toast:
 * @text: plain text
 */
void
_sem_window_show_toast (SemWindow  *self,
                        const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast_new (text));
}

static void
save_error_toast_dismissed_cb (SemWindow *self,
                               AdwToast  *toast)
{
  if (self->save_error_toast == toast)
    g_clear_object (&self->save_error_toast);
}

/**
 * _sem_window_show_save_error:
 * @message: why the plan could not be saved
 *
 * Says that saving failed, once: the toast already shown for the same
 * message stays, one for another message gives way.
 */
void
_sem_window_show_save_error (SemWindow  *self,
                             const char *message)
{
  g_autofree char *text = g_strdup_printf (_("Could not save the plan: %s"), message);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  if (self->save_error_toast != NULL &&
      g_strcmp0 (adw_toast_get_title (self->save_error_toast), escaped) == 0)
    return;

  if (self->save_error_toast != NULL)
    adw_toast_dismiss (self->save_error_toast);

  toast = toast_new (text);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_object (&self->save_error_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (save_error_toast_dismissed_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_sem_window_document_notify_save_error_cb (SemWindow *self)
{
  const char *message = sem_document_get_save_error (self->document);

  if (message != NULL)
    _sem_window_show_save_error (self, message);
  else if (self->save_error_toast != NULL)
    /* Saved after all: the toast is no longer true. */
    adw_toast_dismiss (self->save_error_toast);
}

/* A document that is let go keeps its edits: save them now. Returns FALSE,
 * with the reason shown, when they could not be saved. */
gboolean
_sem_window_flush_document (SemWindow *self)
{
  g_autoptr(GError) error = NULL;
  SemDocument *document = self->document;

  if (document == NULL || !sem_document_get_modified (document) ||
      sem_document_get_file (document) == NULL)
    return TRUE;

  if (sem_document_save (document, &error))
    return TRUE;

  _sem_window_show_save_error (self, error->message);
  return FALSE;
}

typedef struct
{
  SemWindow *self;
  GFile     *file;
  gboolean   keep_document;  /* on failure: keep what is shown, say why in a toast */
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
show_load_error (SemWindow    *self,
                 GFile        *file,
                 const GError *error)
{
  if (!_sem_window_flush_document (self))
    return;
  sem_window_set_document (self, NULL);
  g_set_object (&self->failed_file, file);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  _sem_window_update_title (self);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  SemWindow *self = data->self;
  g_autoptr(SemDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  document = sem_document_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);

  if (document == NULL)
    {
      if (data->keep_document && self->document != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not open the plan: %s"), error->message);

          _sem_window_show_toast (self, text);
        }
      else
        show_load_error (self, data->file, error);
      return;
    }

  /* The plan shown is saved before another replaces it; if that fails it
   * stays, with the reason in a toast. */
  if (!_sem_window_flush_document (self))
    return;

  sem_window_set_document (self, document);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SEM_IS_APPLICATION (app))
    sem_application_remember_plan (SEM_APPLICATION (app), data->file);
}

/**
 * _sem_window_load_file:
 * @keep_document: on failure, keep the document shown and say why in a toast
 */
void
_sem_window_load_file (SemWindow *self,
                       GFile     *file,
                       gboolean   keep_document)
{
  LoadData *data;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  if (!keep_document || self->document == NULL)
    {
      sem_window_set_document (self, NULL);
      g_set_object (&self->failed_file, file);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      gtk_spinner_start (self->spinner);
      _sem_window_update_title (self);
    }

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->keep_document = keep_document;
  sem_document_load_async (file, self->load_cancellable, load_done_cb, data);
}

/**
 * sem_window_open_file:
 * @file: a plan file
 *
 * Loads @file in the background and shows it. If it fails to load, the
 * window shows why and holds no document at all.
 */
void
sem_window_open_file (SemWindow *self,
                      GFile     *file)
{
  g_return_if_fail (SEM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _sem_window_load_file (self, file, FALSE);
}

/* GObject */

static void
unsaved_response_cb (SemWindow  *self,
                     const char *response)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->discard_changes = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save-as") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
    }
}

/* The plan could not be saved: closing now would lose the changes, so ask. */
void
_sem_window_ask_about_unsaved_changes (SemWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save the Changes Elsewhere?"),
                                   _("The plan could not be saved where it is. If you close "
                                     "the window now, the latest changes are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Open"),
                                    "discard", _("_Close Without Saving"),
                                    "save-as", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}


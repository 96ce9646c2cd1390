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

/* Set on a document whose changes the user chose to throw away. */
#define DISCARD_KEY "sem-window-discard-changes"

/* Whether letting the document go needs the user's word first: its changes
 * are not saved by themselves (autosave is off). */
static gboolean
needs_confirmation (SemWindow *self)
{
  SemDocument *document = self->document;

  /* A new plan has nowhere to be saved until the user says where. */
  return document != NULL && sem_document_get_modified (document) &&
         (sem_document_get_file (document) == NULL || !sem_document_get_autosave (document)) &&
         g_object_get_data (G_OBJECT (document), DISCARD_KEY) == NULL;
}

/* A document that is let go keeps its edits: save them now. Returns FALSE,
 * with the reason shown, when they could not be saved — or, with autosave
 * off, when the user has not yet said whether to save them. */
gboolean
_sem_window_flush_document (SemWindow *self)
{
  g_autoptr(GError) error = NULL;
  SemDocument *document = self->document;

  if (document == NULL || !sem_document_get_modified (document) ||
      g_object_get_data (G_OBJECT (document), DISCARD_KEY) != NULL)
    return TRUE;

  if (needs_confirmation (self))
    return FALSE;

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

typedef void (*ConfirmedFunc) (SemWindow   *self,
                               SemDocument *document,
                               GFile       *file);

typedef struct
{
  SemWindow     *self;
  ConfirmedFunc  func;
  SemDocument   *document;  /* (nullable): passed on to func */
  GFile         *file;      /* (nullable): passed on to func */
} ConfirmData;

static void
confirm_data_free (ConfirmData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data);
}

static gboolean
confirmed_idle_cb (gpointer user_data)
{
  ConfirmData *data = user_data;

  data->func (data->self, data->document, data->file);
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ConfirmData *data = user_data;
  SemWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  /* One answer: @data is let go below, whatever else the dialog emits. */
  g_signal_handlers_disconnect_by_data (dialog, data);

  if (g_strcmp0 (response, "save-as") == 0)
    {
      /* A new plan: once it has a place the user can go on. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      confirm_data_free (data);
      return;
    }
  else if (g_strcmp0 (response, "save") == 0 && self->document != NULL)
    {
      if (!sem_document_save (self->document, &error))
        {
          /* Nothing is let go: the changes stay, and the reason is shown. */
          _sem_window_show_save_error (self, error->message);
          confirm_data_free (data);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") == 0 && self->document != NULL)
    g_object_set_data (G_OBJECT (self->document), DISCARD_KEY, GINT_TO_POINTER (TRUE));
  else if (g_strcmp0 (response, "discard") != 0)
    {
      confirm_data_free (data);
      return;
    }

  /* After the dialog is gone: closing the window under it would pull the
   * dialog's parent away while it still answers. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, confirmed_idle_cb, data,
                   (GDestroyNotify) confirm_data_free);
}

/* Asks whether to save the unsaved changes, then (unless cancelled, or the
 * save failed) calls @func. Steals @document. */
static void
confirm_then (SemWindow     *self,
              ConfirmedFunc  func,
              SemDocument   *document,
              GFile         *file)
{
  GtkWidget *dialog;
  GFile *current = sem_document_get_file (self->document);
  ConfirmData *data;

  data = g_new0 (ConfirmData, 1);
  data->self = g_object_ref (self);
  data->func = func;
  data->document = document;
  data->file = file != NULL ? g_object_ref (file) : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  if (current != NULL)
    {
      g_autofree char *name = g_file_get_basename (current);

      /* Translators: the heading of the dialog asking what to do with the changes
       * of a plan that is not saved automatically; %s is its file name */
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Save Changes to “%s”?"), name);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The plan has changes that are not saved. If you don’t save "
                                     "them, they are lost."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save", _("_Save"),
                                        NULL);
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Save the New Plan?"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The new plan has not been saved yet. If you don’t save "
                                     "it, it is lost."));
      /* Translators: the answer that asks where to save a new plan; keep it
       * short, three answers share the dialog's width */
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        "save-as", C_("new plan", "_Save…"),
                                        NULL);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              current != NULL ? "save" : "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           current != NULL ? "save" : "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_loaded_document (SemWindow   *self,
                      SemDocument *document,
                      GFile       *file)
{
  GtkApplication *app;

  /* The plan shown is saved before another replaces it; if that fails it
   * stays, with the reason in a toast. */
  if (!_sem_window_flush_document (self))
    return;

  sem_window_set_document (self, document);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SEM_IS_APPLICATION (app))
    sem_application_remember_plan (SEM_APPLICATION (app), file);
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

  /* Edited while the other plan loaded, with autosave off: ask again. */
  if (needs_confirmation (self))
    {
      confirm_then (self, show_loaded_document, g_steal_pointer (&document), data->file);
      return;
    }

  show_loaded_document (self, document, data->file);
}

static void
replace_confirmed (SemWindow   *self,
                   SemDocument *document,
                   GFile       *file)
{
  sem_window_set_document (self, document);
}

/**
 * _sem_window_replace_document:
 * @document: a new plan
 *
 * Shows @document in place of the plan shown, once the changes of that one
 * are saved, or dropped as the user says.
 */
void
_sem_window_replace_document (SemWindow   *self,
                              SemDocument *document)
{
  if (needs_confirmation (self))
    {
      confirm_then (self, replace_confirmed, g_object_ref (document), NULL);
      return;
    }
  if (!_sem_window_flush_document (self))
    return;

  sem_window_set_document (self, document);
}

/**
 * _sem_window_load_file:
 * @keep_document: on failure, keep the document shown and say why in a toast
 */
static void
load_file_confirmed (SemWindow   *self,
                     SemDocument *document,
                     GFile       *file)
{
  _sem_window_load_file (self, file, TRUE);
}

void
_sem_window_load_file (SemWindow *self,
                       GFile     *file,
                       gboolean   keep_document)
{
  LoadData *data;

  /* With autosave off the changes shown are saved or dropped first, as the
   * user says. */
  if (needs_confirmation (self))
    {
      confirm_then (self, load_file_confirmed, NULL, file);
      return;
    }

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

static void
close_confirmed (SemWindow   *self,
                 SemDocument *document,
                 GFile       *file)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* The plan could not be saved (or, with autosave off, is not saved yet):
 * closing now would lose the changes, so ask. */
void
_sem_window_ask_about_unsaved_changes (SemWindow *self)
{
  GtkWidget *dialog;

  if (needs_confirmation (self) && sem_document_get_save_error (self->document) == NULL)
    {
      confirm_then (self, close_confirmed, NULL, NULL);
      return;
    }

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


/* Settings */

static void
document_bind_settings_cb (SemWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = SEM_IS_APPLICATION (app) ? sem_application_get_settings (SEM_APPLICATION (app))
                                                 : NULL;

  /* The document saves by itself only while the preference says so. */
  if (self->document != NULL && settings != NULL)
    g_settings_bind (settings, "autosave", self->document, "autosave", G_SETTINGS_BIND_GET);
}

/**
 * _sem_window_init_file:
 *
 * Makes each document the window shows follow the "autosave" setting;
 * called from init.
 */
void
_sem_window_init_file (SemWindow *self)
{
  g_signal_connect (self, "notify::document", G_CALLBACK (document_bind_settings_cb), NULL);
}

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

/* Whether the document shown has edits still to be written to its file. */
static gboolean
has_unsaved_edits (SemWindow *self)
{
  SemDocument *document = self->document;

  return document != NULL && sem_document_get_modified (document) &&
         sem_document_get_file (document) != NULL &&
         g_object_get_data (G_OBJECT (document), DISCARD_KEY) == NULL;
}

typedef void (*LetGoFunc) (SemWindow   *self,
                           SemDocument *document,
                           GFile       *file);

/* What to do once the document shown can be let go. */
typedef struct
{
  SemWindow   *self;
  LetGoFunc    func;
  SemDocument *document;  /* (nullable): passed on to func */
  GFile       *file;      /* (nullable): passed on to func */
} LetGo;

/* Steals @document. */
static LetGo *
let_go_new (SemWindow   *self,
            LetGoFunc    func,
            SemDocument *document,
            GFile       *file)
{
  LetGo *data = g_new0 (LetGo, 1);

  data->self = g_object_ref (self);
  data->func = func;
  data->document = document;
  data->file = file != NULL ? g_object_ref (file) : NULL;
  return data;
}

static void
let_go_free (LetGo *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data);
}

static void ask_about_unsaved_changes (SemWindow *self);
static void save_then                 (LetGo     *data);

static void
close_confirmed (SemWindow   *self,
                 SemDocument *document,
                 GFile       *file)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
let_go_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LetGo *data = user_data;
  SemWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean saved = sem_document_save_finish (SEM_DOCUMENT (object), result, &error);

  /* The window closed meanwhile (a later request won): nothing is left to do. */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      let_go_free (data);
      return;
    }

  if (!saved)
    {
      /* Nothing is let go: the changes stay, and the reason is shown. */
      _sem_window_show_save_error (self, error->message);
      if (data->func == close_confirmed)
        {
          gtk_window_present (GTK_WINDOW (self));
          ask_about_unsaved_changes (self);
        }
      let_go_free (data);
      return;
    }

  /* Edits made while it was written are saved in turn. */
  save_then (data);
}

/* Writes the edits of the document shown on a worker thread, then calls
 * @data's function, or shows why they could not be written and keeps
 * everything as it is. A window being closed is hidden meanwhile. Takes
 * @data. */
static void
save_then (LetGo *data)
{
  SemWindow *self = data->self;

  if (!has_unsaved_edits (self))
    {
      data->func (self, data->document, data->file);
      let_go_free (data);
      return;
    }

  if (data->func == close_confirmed)
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  /* Not the window's cancellable: a save that was begun is finished. */
  sem_document_save_async (self->document, NULL, let_go_saved_cb, data);
}

static gboolean
confirmed_idle_cb (gpointer user_data)
{
  save_then (user_data);
  return G_SOURCE_REMOVE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  LetGo *data = user_data;
  SemWindow *self = data->self;

  /* One answer: @data is let go below, whatever else the dialog emits. */
  g_signal_handlers_disconnect_by_data (dialog, data);

  if (g_strcmp0 (response, "save-as") == 0)
    {
      /* A new plan: once it has a place the user can go on. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
      let_go_free (data);
      return;
    }
  else if (g_strcmp0 (response, "discard") == 0 && self->document != NULL)
    g_object_set_data (G_OBJECT (self->document), DISCARD_KEY, GINT_TO_POINTER (TRUE));
  else if (g_strcmp0 (response, "save") != 0 && g_strcmp0 (response, "discard") != 0)
    {
      let_go_free (data);
      return;
    }

  /* After the dialog is gone: closing the window under it would pull the
   * dialog's parent away while it still answers. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, confirmed_idle_cb, data, NULL);
}

/* Asks whether to save the unsaved changes, then (unless cancelled, or the
 * save failed) goes on with @data. Takes @data. */
static void
confirm_then (LetGo *data)
{
  SemWindow *self = data->self;
  GtkWidget *dialog;
  GFile *current = sem_document_get_file (self->document);

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

/* Calls @func once the document shown can be let go: when its edits are
 * written (in the background, never on the main thread) or, with autosave
 * off, saved or dropped as the user says. If they cannot be saved, the reason
 * is shown and everything stays. Requests made while a save runs each go on
 * when it ends, in turn: the last one made is what the window is left with.
 * Steals @document. */
static void
let_go_then (SemWindow   *self,
             LetGoFunc    func,
             SemDocument *document,
             GFile       *file)
{
  LetGo *data = let_go_new (self, func, document, file);

  if (needs_confirmation (self))
    confirm_then (data);
  else
    save_then (data);
}

static void
detached_saved_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SemWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sem_document_save_finish (SEM_DOCUMENT (object), result, &error) &&
      !g_cancellable_is_cancelled (self->cancellable))
    _sem_window_show_save_error (self, error->message);
}

/**
 * _sem_window_save_detached:
 *
 * Called as the window lets its document go without asking (as
 * sem_window_set_document() does): edits not yet written are written in
 * the background, and a failure is shown.
 */
void
_sem_window_save_detached (SemWindow *self)
{
  if (has_unsaved_edits (self))
    sem_document_save_async (self->document, NULL, detached_saved_cb, g_object_ref (self));
}

/**
 * _sem_window_ready_to_close:
 *
 * Returns: whether the window can close now. If not, the plan's edits are
 * being written, with the window hidden, and it closes once they are (or
 * comes back, saying why and asking what to do, if they cannot be); or the
 * user is asked about them first.
 */
gboolean
_sem_window_ready_to_close (SemWindow *self)
{
  if (!needs_confirmation (self) && !has_unsaved_edits (self))
    return TRUE;

  let_go_then (self, close_confirmed, NULL, NULL);
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
  g_set_object (&self->failed_file, file);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  _sem_window_update_title (self);
}

static void
show_loaded_document (SemWindow   *self,
                      SemDocument *document,
                      GFile       *file)
{
  GtkApplication *app;

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
      /* The plan kept (or one made meanwhile) stays; the reason is a toast. */
      if (self->document != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not open the plan: %s"), error->message);

          _sem_window_show_toast (self, text);
        }
      else
        show_load_error (self, data->file, error);
      return;
    }

  /* The plan shown is saved (or, edited meanwhile with autosave off, the
   * user asked) before the new one replaces it; if that fails it stays,
   * with the reason in a toast. */
  let_go_then (self, show_loaded_document, g_steal_pointer (&document), data->file);
}

static void
replace_confirmed (SemWindow   *self,
                   SemDocument *document,
                   GFile       *file)
{
  sem_window_set_document (self, document);
  if (sem_document_get_file (document) == NULL)
    _sem_window_show_toast (self, _("New plan: it is saved when you choose where"));
}

/**
 * _sem_window_replace_document:
 * @document: a new plan, with no file yet
 *
 * Shows @document in place of the plan shown, once the changes of that one
 * are saved, or dropped as the user says.
 */
void
_sem_window_replace_document (SemWindow   *self,
                              SemDocument *document)
{
  let_go_then (self, replace_confirmed, g_object_ref (document), NULL);
}

static void
begin_load (SemWindow *self,
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

static void
begin_load_keeping (SemWindow   *self,
                    SemDocument *document,
                    GFile       *file)
{
  begin_load (self, file, TRUE);
}

static void
begin_load_replacing (SemWindow   *self,
                      SemDocument *document,
                      GFile       *file)
{
  begin_load (self, file, FALSE);
}

/**
 * _sem_window_load_file:
 * @keep_document: keep the plan shown while @file loads, and on failure
 *   keep it and say why in a toast
 */
void
_sem_window_load_file (SemWindow *self,
                       GFile     *file,
                       gboolean   keep_document)
{
  if (!keep_document)
    /* The plan shown goes first, its edits saved. */
    let_go_then (self, begin_load_replacing, NULL, file);
  else if (needs_confirmation (self))
    /* With autosave off the user says first what becomes of the changes;
     * the plan stays shown while the other loads. */
    confirm_then (let_go_new (self, begin_load_keeping, NULL, file));
  else
    begin_load (self, file, TRUE);
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

/* Closing */

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
static void
ask_about_unsaved_changes (SemWindow *self)
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

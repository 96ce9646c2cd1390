/* sem-window-import.c — the window's calendars: export, import, drag and drop
 *
 * An import reads the file on a worker thread while a dialog shows how far it
 * is, then merges it into the selected event on the main thread as one
 * undoable edit. Calendars dropped together are imported one after the other
 * into one dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-event.h"
#include "sem-export-dialog.h"
#include "sem-ical-export.h"
#include "sem-window-private.h"

static GtkFileFilter *
calendar_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_pattern (filter, "*.ICS");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  return filter;
}

static gboolean
has_suffix (GFile      *file,
            const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *folded = basename != NULL ? g_utf8_strdown (basename, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, suffix);
}

/* Export */

static void
exported_cb (SemWindow       *self,
             GFile           *file,
             guint            count,
             SemExportDialog *dialog)
{
  g_autofree char *where = g_file_get_parse_name (file);
  g_autofree char *message = g_strdup_printf (_("Calendar saved to %s"), where);

  _sem_window_show_toast (self, message);
}

/**
 * _sem_window_export_calendar:
 *
 * Shows the export dialog: what to export (the shown event at first), in
 * which language, and where.
 */
void
_sem_window_export_calendar (SemWindow *self)
{
  SemPlan *plan = sem_window_get_plan (self);
  SemExportDialog *dialog;

  if (plan == NULL)
    return;

  dialog = sem_export_dialog_new (GTK_WINDOW (self), plan, sem_window_get_selected_event (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import */

typedef struct
{
  SemWindow *self;
  GFile     *file;
  SemPlan   *plan;       /* the plan imported into: it must still be shown */
  char      *event_id;
  char      *display_name;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_clear_object (&data->plan);
  g_free (data->event_id);
  g_free (data->display_name);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static void start_next_import (SemWindow *self);

static SemImportDialog *
ensure_import_dialog (SemWindow *self)
{
  if (self->import_dialog == NULL)
    {
      g_set_weak_pointer (&self->import_dialog, sem_import_dialog_new (GTK_WINDOW (self)));
      gtk_window_present (GTK_WINDOW (self->import_dialog));
    }
  return self->import_dialog;
}

/* After each file: the next one, or the reports. */
static void
import_done (SemWindow *self)
{
  g_clear_object (&self->import_cancellable);

  if (!g_queue_is_empty (&self->import_queue))
    start_next_import (self);
  else if (self->import_dialog != NULL)
    sem_import_dialog_finish (self->import_dialog);
}

static void
parse_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ImportData) data = user_data;
  SemWindow *self = data->self;
  g_autoptr(SemIcalImport) parsed = NULL;
  g_autoptr(SemIcalReport) report = NULL;
  g_autoptr(GError) error = NULL;

  parsed = sem_ical_import_parse_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancel stops the files still waiting too. */
      _sem_window_cancel_imports (self);
      return;
    }

  ensure_import_dialog (self);
  if (parsed == NULL)
    sem_import_dialog_add_error (self->import_dialog, data->display_name, error->message);
  else if (sem_window_get_plan (self) != data->plan ||
           sem_plan_lookup (data->plan, SEM_COLLECTION_EVENTS, data->event_id) == NULL)
    sem_import_dialog_add_error (self->import_dialog, data->display_name,
                                 _("The event to import into is no longer open."));
  else
    {
      report = sem_ical_import_apply (data->plan, parsed, data->event_id, self->lang);
      sem_import_dialog_add_report (self->import_dialog, data->display_name, report);
    }

  import_done (self);
}

static void
start_next_import (SemWindow *self)
{
  g_autoptr(SemIcalImportOptions) options = NULL;
  g_autoptr(GFile) file = g_queue_pop_head (&self->import_queue);
  g_autoptr(GError) error = NULL;
  const char *event_id = sem_window_get_selected_event (self);
  SemPlan *plan = sem_window_get_plan (self);
  ImportData *data;

  g_assert (file != NULL);
  g_assert (self->import_cancellable == NULL);

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->display_name = g_file_get_basename (file);

  if (plan == NULL || event_id == NULL)
    {
      ensure_import_dialog (self);
      sem_import_dialog_add_error (self->import_dialog, data->display_name,
                                   _("Choose an event to import the calendar into."));
      import_data_free (data);
      import_done (self);
      return;
    }

  options = sem_ical_import_options_new_for_event (plan, event_id, &error);
  if (options == NULL)
    {
      ensure_import_dialog (self);
      sem_import_dialog_add_error (self->import_dialog, data->display_name, error->message);
      import_data_free (data);
      import_done (self);
      return;
    }

  data->plan = g_object_ref (plan);
  data->event_id = g_strdup (event_id);
  self->import_cancellable = g_cancellable_new ();
  sem_import_dialog_begin (ensure_import_dialog (self), data->display_name, options,
                           self->import_cancellable);
  sem_ical_import_parse_async (file, options, self->import_cancellable, parse_done_cb, data);
}

/**
 * sem_window_import_file:
 * @file: an iCalendar file
 *
 * Imports @file into the selected event, after any import in progress, and
 * shows what it did. A file that cannot be read leaves the plan untouched.
 */
void
sem_window_import_file (SemWindow *self,
                        GFile     *file)
{
  g_return_if_fail (SEM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (sem_window_get_plan (self) == NULL || sem_window_get_selected_event (self) == NULL)
    {
      _sem_window_show_toast (self, _("Choose an event to import the calendar into"));
      return;
    }

  g_queue_push_tail (&self->import_queue, g_object_ref (file));
  if (self->import_cancellable == NULL)
    start_next_import (self);
}

/**
 * _sem_window_cancel_imports:
 *
 * Stops the import in progress, forgets those waiting and closes the dialog.
 */
void
_sem_window_cancel_imports (SemWindow *self)
{
  g_queue_clear_full (&self->import_queue, g_object_unref);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->import_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->import_dialog));
  g_clear_weak_pointer (&self->import_dialog);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  SemWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        sem_window_import_file (self, file);
    }

  g_object_unref (native);
}

/**
 * _sem_window_import_calendar:
 *
 * Asks for a calendar file, then imports it into the selected event.
 */
void
_sem_window_import_calendar (SemWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = calendar_file_filter_new ();

  if (sem_window_get_selected_event (self) == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Import a Calendar"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Drag and drop */

/* Plans are JSON; "*.seminars" is the name the shared-mime-info type
 * application/x-sofia-seminars-plan gives them too. */
static gboolean
is_plan_file (GFile *file)
{
  return has_suffix (file, ".json") || has_suffix (file, ".seminars");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  SemWindow *self = SEM_WINDOW (user_data);
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list != NULL ? gdk_file_list_get_files (list) : NULL;
  GFile *plan_file = NULL;
  gboolean accepted = FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (has_suffix (l->data, ".ics"))
        {
          sem_window_import_file (self, l->data);
          accepted = TRUE;
        }
      else if (plan_file == NULL && is_plan_file (l->data))
        plan_file = l->data;
    }

  /* A plan replaces what is shown (after asking about unsaved changes, when
   * they are not saved by themselves): only when no calendar came with it. */
  if (!accepted && plan_file != NULL)
    {
      _sem_window_load_file (self, plan_file, TRUE);
      accepted = TRUE;
    }

  if (!accepted)
    _sem_window_show_toast (self, _("Drop calendars (.ics) or a plan (.json)"));

  return accepted;
}

/**
 * _sem_window_init_drop:
 *
 * Lets calendars and plans be dropped on the window; called from init.
 */
void
_sem_window_init_drop (SemWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->toast_overlay), GTK_EVENT_CONTROLLER (target));

  /* FIXME: sem_window_init () should call this itself, beside this one. */
  _sem_window_init_file (self);
}

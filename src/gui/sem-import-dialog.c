/* sem-import-dialog.c — the progress of a calendar import, then what it did
 *
 * The dialog does no importing itself: the window parses and merges, and the
 * dialog shows how far the parse is, offers to cancel it, and lists the
 * report of each file. Several files imported one after the other share one
 * dialog, a section each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-demo.h"
#include "sem-import-dialog.h"

/* A report of thousands of events lists the first ones; the totals say the rest. */
#define MAX_ROWS 500

struct _SemImportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkButton            *cancel_button;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkBox               *results_box;
  GtkStack             *stack;

  /* owned */
  SemIcalImportOptions *options;
  GCancellable         *cancellable;
  guint                 poll_id;
};

G_DEFINE_FINAL_TYPE (SemImportDialog, sem_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
poll_progress_cb (gpointer user_data)
{
  SemImportDialog *self = user_data;

  if (self->options != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   sem_ical_import_options_get_fraction (self->options));
  return G_SOURCE_CONTINUE;
}

static void
stop_polling (SemImportDialog *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->options, sem_ical_import_options_unref);
  g_clear_object (&self->cancellable);
}

static void
cancel_clicked_cb (SemImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

/**
 * sem_import_dialog_begin:
 * @display_name: the file being read, for people
 * @options: the options of the parse, polled for its progress
 * @cancellable: cancelled by the Cancel button, or by closing the dialog
 *
 * Shows the progress of a parse.
 */
void
sem_import_dialog_begin (SemImportDialog      *self,
                         const char           *display_name,
                         SemIcalImportOptions *options,
                         GCancellable         *cancellable)
{
  g_autofree char *text = NULL;
  gboolean was_busy;

  g_return_if_fail (SEM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  was_busy = sem_import_dialog_get_busy (self);
  stop_polling (self);
  self->options = sem_ical_import_options_ref (options);
  self->cancellable = g_object_ref (cancellable);
  self->poll_id = g_timeout_add (100, poll_progress_cb, self);

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Reading “%s”…"), display_name);
  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "progress");

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * sem_import_dialog_finish:
 *
 * Shows the reports added since the dialog opened.
 */
void
sem_import_dialog_finish (SemImportDialog *self)
{
  gboolean was_busy;

  g_return_if_fail (SEM_IS_IMPORT_DIALOG (self));

  was_busy = sem_import_dialog_get_busy (self);
  stop_polling (self);
  gtk_stack_set_visible_child_name (self->stack, "report");
  /* Focus would land on the first selectable label and select all of it. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/**
 * sem_import_dialog_get_busy:
 *
 * Returns: whether a parse is in progress
 */
gboolean
sem_import_dialog_get_busy (SemImportDialog *self)
{
  g_return_val_if_fail (SEM_IS_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
add_heading (SemImportDialog *self,
             const char      *heading,
             const char      *display_name)
{
  GtkWidget *title = label_new (heading, "title-4");
  GtkWidget *name = label_new (display_name, "dim-label");

  gtk_widget_set_margin_top (title, 18);
  gtk_box_append (self->results_box, title);
  gtk_box_append (self->results_box, name);
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 6);
  return list;
}

static const char *
outcome_label (SemIcalOutcome outcome)
{
  switch (outcome)
    {
    case SEM_ICAL_OUTCOME_CREATED:
      return C_("import outcome", "Created");
    case SEM_ICAL_OUTCOME_UPDATED:
      return C_("import outcome", "Updated");
    case SEM_ICAL_OUTCOME_UNCHANGED:
      return C_("import outcome", "Unchanged");
    case SEM_ICAL_OUTCOME_SKIPPED:
    case SEM_ICAL_N_OUTCOMES:
    default:
      return C_("import outcome", "Skipped");
    }
}

static GtkWidget *
entry_row_new (const SemIcalReportEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *outcome = gtk_label_new (outcome_label (entry->outcome));
  const char *title = entry->title != NULL && *entry->title != '\0' ? entry->title : entry->uid;

  /* Titles and reasons come from the file: plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (entry->outcome == SEM_ICAL_OUTCOME_SKIPPED && entry->reason != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->reason);
  else if (entry->recurrence_id != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->recurrence_id);

  gtk_widget_add_css_class (outcome, entry->outcome == SEM_ICAL_OUTCOME_SKIPPED ? "warning"
                                                                                : "dim-label");
  gtk_widget_add_css_class (outcome, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);
  return row;
}

static GtkWidget *
more_row_new (guint n)
{
  g_autofree char *text = g_strdup_printf (ngettext ("and %u more event", "and %u more events", n), n);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  return row;
}

/**
 * sem_import_dialog_add_report:
 * @display_name: the file imported
 * @report: what the merge did
 *
 * Adds a section with the totals, each event's outcome and the warnings.
 */
void
sem_import_dialog_add_report (SemImportDialog *self,
                              const char      *display_name,
                              SemIcalReport   *report)
{
  g_autofree char *totals = NULL;
  const char * const *warnings;
  guint n_entries;
  guint n_warnings;

  g_return_if_fail (SEM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (SEM_IS_ICAL_REPORT (report));

  totals = sem_ical_report_format_totals (report);
  add_heading (self, totals, display_name);

  n_entries = sem_ical_report_get_n_entries (report);
  if (n_entries > 0)
    {
      GtkWidget *list = boxed_list_new ();

      for (guint i = 0; i < MIN (n_entries, MAX_ROWS); i++)
        gtk_list_box_append (GTK_LIST_BOX (list),
                             entry_row_new (sem_ical_report_get_entry (report, i)));
      if (n_entries > MAX_ROWS)
        gtk_list_box_append (GTK_LIST_BOX (list), more_row_new (n_entries - MAX_ROWS));
      gtk_box_append (self->results_box, list);
    }

  warnings = sem_ical_report_get_warnings (report);
  n_warnings = warnings != NULL ? g_strv_length ((char **) warnings) : 0;
  if (n_warnings > 0)
    {
      GtkWidget *heading = label_new (_("Warnings"), "heading");
      GtkWidget *list = boxed_list_new ();

      gtk_widget_set_margin_top (heading, 12);
      gtk_box_append (self->results_box, heading);
      for (guint i = 0; i < MIN (n_warnings, MAX_ROWS); i++)
        {
          GtkWidget *label = label_new (warnings[i], NULL);

          gtk_widget_set_margin_top (label, 9);
          gtk_widget_set_margin_bottom (label, 9);
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_list_box_append (GTK_LIST_BOX (list), label);
        }
      gtk_box_append (self->results_box, list);
    }
}

/**
 * sem_import_dialog_add_error:
 * @display_name: the file that could not be imported
 * @message: why, naming the file and line
 *
 * Adds a section saying the file was not imported.
 */
void
sem_import_dialog_add_error (SemImportDialog *self,
                             const char      *display_name,
                             const char      *message)
{
  GtkWidget *label;

  g_return_if_fail (SEM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (message != NULL);

  add_heading (self, _("Nothing Imported"), display_name);
  label = label_new (message, "error");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (self->results_box, label);
}

static gboolean
sem_import_dialog_close_request (GtkWindow *window)
{
  SemImportDialog *self = SEM_IMPORT_DIALOG (window);

  /* Closing the dialog while it reads is a cancel. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (sem_import_dialog_parent_class)->close_request (window);
}

static void
sem_import_dialog_dispose (GObject *object)
{
  SemImportDialog *self = SEM_IMPORT_DIALOG (object);

  stop_polling (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (sem_import_dialog_parent_class)->dispose (object);
}

static void
sem_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SemImportDialog *self = SEM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sem_import_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_import_dialog_class_init (SemImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sem_import_dialog_dispose;
  object_class->get_property = sem_import_dialog_get_property;
  window_class->close_request = sem_import_dialog_close_request;

  /**
   * SemImportDialog:busy:
   *
   * Whether a parse is in progress; once it is not, the reports are shown.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sem_resources_register ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SemImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SemImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SemImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SemImportDialog, results_box);
  gtk_widget_class_bind_template_child (widget_class, SemImportDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sem_import_dialog_init (SemImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sem_import_dialog_new:
 * @parent: (nullable): the window imported into
 *
 * Returns: (transfer none): a dialog over @parent, not yet shown
 */
SemImportDialog *
sem_import_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (SEM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
}

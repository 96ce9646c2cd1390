/* sem-publish-dialog.c — publishing an event's sessions to a CalDAV server
 *
 * The dialog asks for the collection URL, the user name and the password,
 * publishes on a worker thread with a Cancel button, then shows the report.
 * The URL and user name are remembered per event for the session only (in
 * a table the window owns); the password, when asked to, in the keyring and
 * nowhere else. Without a keyring publishing works all the same: the dialog
 * says once that the password could not be kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-publish-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-caldav.h"
#include "sem-demo.h"
#include "sem-publish-dialog.h"
#include "sem-secret.h"

struct _SemPublishDialog
{
  AdwWindow         parent_instance;

  /* template widgets */
  GtkButton        *cancel_button;
  GtkLabel         *keyring_label;
  AdwComboRow      *language_row;
  GtkPasswordEntry *password_entry;
  GtkButton        *publish_button;
  GtkCheckButton   *remember_check;
  GtkBox           *results_box;
  GtkSpinner       *spinner;
  GtkStack         *stack;
  AdwEntryRow      *url_row;
  AdwEntryRow      *user_row;

  /* owned */
  SemPlan          *plan;
  char             *event_id;
  GHashTable       *remembered;        /* event id → GStrv { url, user } */
  GCancellable     *cancellable;       /* the dialog's lifetime */
  GCancellable     *publish_cancellable; /* the publish in progress, or NULL */
  gboolean          keyring_failed;
};

G_DEFINE_FINAL_TYPE (SemPublishDialog, sem_publish_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The order of the language row's items. */
static const char * const languages[] = { "bg", "en" };

/* Callbacks hold the dialog weakly: a last reference dropped there, after
 * the parent window is gone, would finalize the dialog too late. */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static SemPublishDialog *
weak_ref_steal (gpointer user_data)
{
  GWeakRef *ref = user_data;
  SemPublishDialog *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static void
show_keyring_error (SemPublishDialog *self,
                    const GError     *error)
{
  g_autofree char *text = NULL;

  /* Once: every later attempt fails the same way. */
  if (self->keyring_failed)
    return;
  self->keyring_failed = TRUE;

  text = g_strdup_printf (_("The password could not be kept in the keyring: %s"), error->message);
  gtk_label_set_text (self->keyring_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->keyring_label), TRUE);
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SemPublishDialog) self = weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (!sem_secret_store_finish (result, &error) && self != NULL &&
      !g_cancellable_is_cancelled (self->cancellable))
    show_keyring_error (self, error);
}

static void
clear_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to forget where there is no keyring. */
  if (!sem_secret_clear_finish (result, &error) && error != NULL)
    g_debug ("Could not clear a password: %s", error->message);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SemPublishDialog) self = weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = sem_secret_lookup_finish (result, &error);

  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  if (password == NULL)
    {
      if (error != NULL)
        g_debug ("Could not look up a password: %s", error->message);
      return;
    }

  if (*gtk_editable_get_text (GTK_EDITABLE (self->password_entry)) == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password);
      gtk_check_button_set_active (self->remember_check, TRUE);
    }
}

static void
set_busy (SemPublishDialog *self,
          GCancellable     *cancellable)
{
  gboolean was_busy = sem_publish_dialog_get_busy (self);

  g_set_object (&self->publish_cancellable, cancellable);
  gtk_spinner_set_spinning (self->spinner, cancellable != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), cancellable != NULL);
  if (was_busy != (cancellable != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
clear_results (SemPublishDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_box))) != NULL)
    gtk_box_remove (self->results_box, child);
}

static void
show_report (SemPublishDialog *self,
             SemCaldavReport  *report)
{
  g_autofree char *totals = sem_caldav_report_totals (report);
  GtkWidget *heading = label_new (totals, "title-4");

  gtk_widget_add_css_class (heading, "sem-publish-totals");
  gtk_widget_set_margin_top (heading, 18);
  gtk_box_append (self->results_box, heading);

  if (report->lines != NULL && report->lines->len > 0)
    {
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_widget_set_margin_top (list, 6);
      for (guint i = 0; i < report->lines->len; i++)
        {
          GtkWidget *line = label_new (g_ptr_array_index (report->lines, i), "sem-publish-line");

          gtk_widget_set_margin_top (line, 9);
          gtk_widget_set_margin_bottom (line, 9);
          gtk_widget_set_margin_start (line, 12);
          gtk_widget_set_margin_end (line, 12);
          gtk_list_box_append (GTK_LIST_BOX (list), line);
        }
      gtk_box_append (self->results_box, list);
    }
}

static void
show_error (SemPublishDialog *self,
            const GError     *error)
{
  const char *title;
  GtkWidget *heading;
  GtkWidget *message;

  if (g_error_matches (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_AUTH))
    title = _("The Server Refused the User Name or Password");
  else if (g_error_matches (error, SEM_CALDAV_ERROR, SEM_CALDAV_ERROR_NETWORK))
    title = _("The Server Could Not Be Reached");
  else
    title = _("Nothing Published");

  heading = label_new (title, "title-4");
  gtk_widget_set_margin_top (heading, 18);
  gtk_box_append (self->results_box, heading);
  message = label_new (error->message, "error");
  gtk_widget_add_css_class (message, "sem-publish-error");
  gtk_box_append (self->results_box, message);
}

static void
publish_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SemPublishDialog) self = weak_ref_steal (user_data);
  g_autoptr(SemCaldavReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = sem_caldav_publish_finish (SEM_PLAN (object), result, &error);
  if (self == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;   /* the dialog is gone */

  set_busy (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), TRUE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_stack_set_visible_child_name (self->stack, "form");
      return;
    }

  clear_results (self);
  if (report != NULL)
    show_report (self, report);
  else
    show_error (self, error);
  gtk_button_set_label (self->publish_button, _("_Publish Again"));
  gtk_stack_set_visible_child_name (self->stack, "report");
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
remember (SemPublishDialog *self,
          const char       *url,
          const char       *user,
          const char       *password)
{
  char *target[] = { (char *) url, (char *) user, NULL };

  if (self->remembered != NULL)
    g_hash_table_replace (self->remembered, g_strdup (self->event_id), g_strdupv (target));

  if (*url == '\0' || *user == '\0')
    return;
  if (gtk_check_button_get_active (self->remember_check) && *password != '\0')
    sem_secret_store_async (url, user, password, self->cancellable,
                            store_done_cb, weak_ref_new (self));
  else if (!gtk_check_button_get_active (self->remember_check))
    sem_secret_clear_async (url, user, self->cancellable, clear_done_cb, NULL);
}

/**
 * sem_publish_dialog_publish:
 * @url: the collection URL
 * @user: the user name, or ""
 * @password: the password, or ""
 *
 * Publishes the event's sessions to @url, in the language chosen, with a
 * Cancel button, then shows the report; what the Publish button does.
 */
void
sem_publish_dialog_publish (SemPublishDialog *self,
                            const char       *url,
                            const char       *user,
                            const char       *password)
{
  g_autoptr(GCancellable) cancellable = NULL;
  guint selected;

  g_return_if_fail (SEM_IS_PUBLISH_DIALOG (self));
  g_return_if_fail (url != NULL && user != NULL && password != NULL);

  if (sem_publish_dialog_get_busy (self))
    return;

  remember (self, url, user, password);

  selected = adw_combo_row_get_selected (self->language_row);
  cancellable = g_cancellable_new ();
  set_busy (self, cancellable);
  gtk_widget_set_visible (GTK_WIDGET (self->publish_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  sem_caldav_publish_async (self->plan, self->event_id,
                            languages[selected < G_N_ELEMENTS (languages) ? selected : 0],
                            url, *user != '\0' ? user : NULL, *password != '\0' ? password : NULL,
                            NULL, cancellable, publish_done_cb, weak_ref_new (self));
}

static void
publish_clicked_cb (SemPublishDialog *self)
{
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "report"))
    {
      gtk_button_set_label (self->publish_button, _("_Publish"));
      gtk_stack_set_visible_child_name (self->stack, "form");
      return;
    }

  sem_publish_dialog_publish (self,
                              gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
}

static void
cancel_clicked_cb (SemPublishDialog *self)
{
  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

static void
url_changed_cb (SemPublishDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  gtk_widget_set_sensitive (GTK_WIDGET (self->publish_button), *url != '\0');
}

/**
 * sem_publish_dialog_get_busy:
 *
 * Returns: whether a publish is in progress
 */
gboolean
sem_publish_dialog_get_busy (SemPublishDialog *self)
{
  g_return_val_if_fail (SEM_IS_PUBLISH_DIALOG (self), FALSE);

  return self->publish_cancellable != NULL;
}

static gboolean
sem_publish_dialog_close_request (GtkWindow *window)
{
  SemPublishDialog *self = SEM_PUBLISH_DIALOG (window);

  /* Closing the dialog while it publishes is a cancel. */
  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);

  return GTK_WINDOW_CLASS (sem_publish_dialog_parent_class)->close_request (window);
}

static void
sem_publish_dialog_dispose (GObject *object)
{
  SemPublishDialog *self = SEM_PUBLISH_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->publish_cancellable != NULL)
    g_cancellable_cancel (self->publish_cancellable);
  g_clear_object (&self->publish_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_PUBLISH_DIALOG);

  G_OBJECT_CLASS (sem_publish_dialog_parent_class)->dispose (object);
}

static void
sem_publish_dialog_finalize (GObject *object)
{
  SemPublishDialog *self = SEM_PUBLISH_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->remembered, g_hash_table_unref);
  g_free (self->event_id);

  G_OBJECT_CLASS (sem_publish_dialog_parent_class)->finalize (object);
}

static void
sem_publish_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SemPublishDialog *self = SEM_PUBLISH_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, sem_publish_dialog_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_publish_dialog_class_init (SemPublishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sem_publish_dialog_dispose;
  object_class->finalize = sem_publish_dialog_finalize;
  object_class->get_property = sem_publish_dialog_get_property;
  window_class->close_request = sem_publish_dialog_close_request;

  /**
   * SemPublishDialog:busy:
   *
   * Whether a publish is in progress; once it is not, the report is shown.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sem_resources_register ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-publish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, publish_button);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, results_box);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, SemPublishDialog, user_row);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sem_publish_dialog_init (SemPublishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->url_row, "changed", G_CALLBACK (url_changed_cb), self,
                           G_CONNECT_SWAPPED);
  url_changed_cb (self);
}

/**
 * sem_publish_dialog_new:
 * @parent: (nullable): the window of the plan
 * @plan: the plan
 * @event_id: the event whose sessions are published
 * @lang: "bg" or "en", the language chosen at first
 * @remembered: (nullable): event id → GStrv { url, user } of this session,
 *   read and updated
 *
 * Returns: (transfer none): a dialog over @parent, not yet shown
 */
SemPublishDialog *
sem_publish_dialog_new (GtkWindow  *parent,
                        SemPlan    *plan,
                        const char *event_id,
                        const char *lang,
                        GHashTable *remembered)
{
  SemPublishDialog *self;
  const char * const *target;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  self = g_object_new (SEM_TYPE_PUBLISH_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->event_id = g_strdup (event_id);
  self->remembered = remembered != NULL ? g_hash_table_ref (remembered) : NULL;
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (lang, "en") == 0 ? 1 : 0);

  target = remembered != NULL ? g_hash_table_lookup (remembered, event_id) : NULL;
  if (target != NULL && target[0] != NULL && target[1] != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), target[0]);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), target[1]);
      if (*target[0] != '\0' && *target[1] != '\0')
        sem_secret_lookup_async (target[0], target[1], self->cancellable,
                                 lookup_done_cb, weak_ref_new (self));
    }
  return self;
}

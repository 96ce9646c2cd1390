/* sem-export-dialog.c — choose a calendar to export: what, in which language, where
 *
 * The count shown is worked out by the same scope code the export uses
 * (sem_scope_sessions () and the cancellations still announced), so the
 * file holds exactly what the dialog promised. The calendar text is made on
 * the main thread, which owns the plan; only the writing runs on a worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-event.h"
#include "sem-export-dialog.h"
#include "sem-ical-export.h"
#include "sem-person.h"
#include "sem-programme.h"
#include "sem-room.h"
#include "sem-venue.h"

struct _SemExportDialog
{
  AdwWindow      parent_instance;

  /* template widgets */
  GtkLabel      *detail_label;
  GtkButton     *export_button;
  GtkDropDown   *item_dropdown;
  AdwActionRow  *item_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *language_row;
  GtkLabel      *preview_label;

  /* owned */
  SemPlan       *plan;
  char          *event_id;     /* the event shown in the window */
  GtkStringList *item_labels;
  GPtrArray     *item_ids;     /* char*, in the order of item_labels */
  GCancellable  *cancellable;
  guint          count;
  gboolean       rebuilding;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (SemExportDialog, sem_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_EVENT_ID,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The rows of the kind combo, in order. */
static const SemScope kind_scopes[] = {
  SEM_SCOPE_EVENT,
  SEM_SCOPE_DELEGATION,
  SEM_SCOPE_PERSON,
  SEM_SCOPE_ROOM,
  SEM_SCOPE_PROGRAMME,
};

static const char *
ui_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "bg") ? "bg" : "en";
}

/* Items */

typedef struct
{
  char *id;
  char *label;
  char *key;    /* sorts: the shown event's own first, then by label */
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->id);
  g_free (item->label);
  g_free (item->key);
  g_free (item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = *(Item * const *) a;
  const Item *ib = *(Item * const *) b;

  return strcmp (ia->key, ib->key);
}

static const char *
entity_text (SemPlan       *plan,
             SemCollection  collection,
             const char    *id,
             const char    *field,
             const char    *lang)
{
  SemEntity *entity = id != NULL ? sem_plan_lookup (plan, collection, id) : NULL;

  return entity != NULL ? sem_entity_get_text (entity, field, lang) : NULL;
}

static char *
item_label (SemExportDialog *self,
            SemScope         scope,
            SemEntity       *entity,
            gboolean        *own)
{
  const char *lang = ui_language ();
  const char *id = sem_entity_get_id (entity);
  const char *name = NULL;
  const char *other = NULL;

  *own = FALSE;
  switch (scope)
    {
    case SEM_SCOPE_EVENT:
      name = sem_event_get_title (SEM_EVENT (entity), lang);
      *own = g_strcmp0 (id, self->event_id) == 0;
      break;
    case SEM_SCOPE_PROGRAMME:
      name = sem_programme_get_name (SEM_PROGRAMME (entity), lang);
      break;
    case SEM_SCOPE_DELEGATION:
      name = entity_text (self->plan, SEM_COLLECTION_CITIES,
                          sem_delegation_get_city (SEM_DELEGATION (entity)), "name", lang);
      other = entity_text (self->plan, SEM_COLLECTION_EVENTS,
                           sem_delegation_get_event (SEM_DELEGATION (entity)), "title", lang);
      *own = g_strcmp0 (sem_delegation_get_event (SEM_DELEGATION (entity)), self->event_id) == 0;
      break;
    case SEM_SCOPE_PERSON:
      name = sem_person_get_name (SEM_PERSON (entity));
      other = sem_person_get_organisation (SEM_PERSON (entity));
      break;
    case SEM_SCOPE_ROOM:
      {
        SemEntity *event = self->event_id != NULL
          ? sem_plan_lookup (self->plan, SEM_COLLECTION_EVENTS, self->event_id) : NULL;
        const char *venue = sem_room_get_venue (SEM_ROOM (entity));

        name = sem_room_get_name (SEM_ROOM (entity), lang);
        other = entity_text (self->plan, SEM_COLLECTION_VENUES, venue, "name", lang);
        *own = event != NULL && g_strcmp0 (sem_event_get_venue (SEM_EVENT (event)), venue) == 0;
      }
      break;
    default:
      g_assert_not_reached ();
    }

  if (name == NULL || *name == '\0')
    name = id;
  if (other != NULL && *other != '\0')
    /* Translators: an item to export, e.g. "Sofia — First Academy Seminar"
     * (a delegation's city and event) or "Silver Hall — Residence Palace" */
    return g_strdup_printf (C_("export item", "%s — %s"), name, other);
  return g_strdup (name);
}

static SemCollection
collection_of (SemScope scope)
{
  switch (scope)
    {
    case SEM_SCOPE_EVENT: return SEM_COLLECTION_EVENTS;
    case SEM_SCOPE_PROGRAMME: return SEM_COLLECTION_PROGRAMMES;
    case SEM_SCOPE_DELEGATION: return SEM_COLLECTION_DELEGATIONS;
    case SEM_SCOPE_PERSON: return SEM_COLLECTION_PEOPLE;
    case SEM_SCOPE_ROOM: return SEM_COLLECTION_ROOMS;
    default: g_assert_not_reached ();
    }
}

static const char *
item_row_title (SemScope scope)
{
  switch (scope)
    {
    case SEM_SCOPE_EVENT: return C_("export item", "_Event");
    case SEM_SCOPE_PROGRAMME: return C_("export item", "_Programme");
    case SEM_SCOPE_DELEGATION: return C_("export item", "_Delegation");
    case SEM_SCOPE_PERSON: return C_("export item", "_Person");
    case SEM_SCOPE_ROOM: return C_("export item", "_Room");
    default: g_assert_not_reached ();
    }
}

/* The shown event's programme, to preselect. */
static const char *
shown_programme (SemExportDialog *self)
{
  SemEntity *event = self->event_id != NULL
    ? sem_plan_lookup (self->plan, SEM_COLLECTION_EVENTS, self->event_id) : NULL;

  return event != NULL ? sem_event_get_programme (SEM_EVENT (event)) : NULL;
}

static void update_preview (SemExportDialog *self);

/* Fills the item list for the chosen kind with one splice. */
static void
rebuild_items (SemExportDialog *self)
{
  SemScope scope = sem_export_dialog_get_scope (self);
  GListModel *entities = sem_plan_get_collection (self->plan, collection_of (scope));
  guint n = g_list_model_get_n_items (entities);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, item_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_full (n + 1, NULL);
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->item_labels));
  const char *preferred = NULL;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemEntity) entity = g_list_model_get_item (entities, i);
      Item *item = g_new0 (Item, 1);
      g_autofree char *folded = NULL;
      gboolean own;

      item->id = g_strdup (sem_entity_get_id (entity));
      item->label = item_label (self, scope, entity, &own);
      /* Events in date order; everything else by name. */
      if (scope == SEM_SCOPE_EVENT)
        folded = g_strdup (sem_event_get_start_date (SEM_EVENT (entity)));
      else
        folded = g_utf8_collate_key (item->label, -1);
      item->key = g_strdup_printf ("%d%s\x01%s", own ? 0 : 1, folded != NULL ? folded : "",
                                   item->id);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_items);

  if (scope == SEM_SCOPE_EVENT)
    preferred = self->event_id;
  else if (scope == SEM_SCOPE_PROGRAMME)
    preferred = shown_programme (self);

  g_ptr_array_set_size (self->item_ids, 0);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);

      g_ptr_array_add (self->item_ids, g_strdup (item->id));
      g_ptr_array_add (labels, item->label);
      if (preferred != NULL && g_strcmp0 (item->id, preferred) == 0)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  self->rebuilding = TRUE;
  gtk_string_list_splice (self->item_labels, 0, old_n, (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->item_dropdown, items->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  self->rebuilding = FALSE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->item_row), item_row_title (scope));
  /* Searching helps in long lists, the people above all. */
  gtk_drop_down_set_enable_search (self->item_dropdown, scope == SEM_SCOPE_PERSON || items->len > 12);
  gtk_widget_set_sensitive (GTK_WIDGET (self->item_dropdown), items->len > 0);

  update_preview (self);
}

/* Preview */

static const char *
resolved_language (SemExportDialog *self)
{
  SemScope scope = sem_export_dialog_get_scope (self);
  const char *id = sem_export_dialog_get_id (self);
  SemEntity *person = NULL;
  const char *lang;

  switch (adw_combo_row_get_selected (self->language_row))
    {
    case 1:
      return "bg";
    case 2:
      return "en";
    default:
      break;
    }

  /* Automatic: a person's calendar in their own language, a delegation's
   * in its head's; others in the language of the app. */
  if (id != NULL && scope == SEM_SCOPE_PERSON)
    person = sem_plan_lookup (self->plan, SEM_COLLECTION_PEOPLE, id);
  else if (id != NULL && scope == SEM_SCOPE_DELEGATION)
    {
      SemEntity *delegation = sem_plan_lookup (self->plan, SEM_COLLECTION_DELEGATIONS, id);
      const char *head = delegation != NULL ? sem_delegation_get_head (SEM_DELEGATION (delegation)) : NULL;

      person = head != NULL ? sem_plan_lookup (self->plan, SEM_COLLECTION_PEOPLE, head) : NULL;
    }

  lang = person != NULL ? sem_person_get_language (SEM_PERSON (person)) : NULL;
  if (g_strcmp0 (lang, "bg") == 0 || g_strcmp0 (lang, "en") == 0)
    return g_intern_string (lang);
  if (person != NULL && scope == SEM_SCOPE_PERSON)
    return "en";  /* what the export does for a person without one */
  return ui_language ();
}

static guint
count_sessions (SemExportDialog *self)
{
  const char *id = sem_export_dialog_get_id (self);
  SemScope scope = sem_export_dialog_get_scope (self);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) tombstones = NULL;

  if (id == NULL)
    return 0;

  sessions = sem_scope_sessions (self->plan, scope, id);
  if (sessions == NULL)
    return 0;
  tombstones = sem_scope_tombstones (self->plan, scope, id,
                                     sem_plan_now (self->plan) - SEM_ICAL_CANCEL_GRACE);
  return sessions->len + tombstones->len;
}

static void
update_preview (SemExportDialog *self)
{
  g_autofree char *text = NULL;
  guint count;

  if (self->rebuilding)
    return;

  count = count_sessions (self);
  if (sem_export_dialog_get_id (self) == NULL)
    text = g_strdup (_("There is nothing of this kind to export."));
  else if (count == 0)
    text = g_strdup (_("No sessions will be exported."));
  else
    text = g_strdup_printf (ngettext ("%u session will be exported.",
                                      "%u sessions will be exported.", count), count);
  gtk_label_set_text (self->preview_label, text);

  gtk_label_set_text (self->detail_label, g_str_equal (resolved_language (self), "bg")
                                          ? _("Titles and descriptions in Bulgarian.")
                                          : _("Titles and descriptions in English."));

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            !self->busy && sem_export_dialog_get_id (self) != NULL);

  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

static void
kind_selected_cb (SemExportDialog *self)
{
  if (self->plan != NULL)
    rebuild_items (self);
}

static void
item_selected_cb (SemExportDialog *self)
{
  if (self->plan != NULL)
    update_preview (self);
}

static void
language_selected_cb (SemExportDialog *self)
{
  if (self->plan != NULL)
    update_preview (self);
}

/* Writing */

typedef struct
{
  GFile  *file;
  GBytes *bytes;
} WriteJob;

static void
write_job_free (gpointer data)
{
  WriteJob *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->bytes, &length);
  gboolean written;

  if (g_file_peek_path (job->file) != NULL)
    written = g_file_set_contents_full (g_file_peek_path (job->file), data, length,
                                        G_FILE_SET_CONTENTS_CONSISTENT, 0666, &error);
  else
    written = g_file_replace_contents (job->file, data, length, NULL, FALSE,
                                       G_FILE_CREATE_NONE, NULL, cancellable, &error);

  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
show_error (SemExportDialog *self,
            GFile           *file,
            const GError    *error,
            gboolean         writing)
{
  g_autofree char *where = g_file_get_parse_name (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export the Calendar"), NULL);
  if (writing)
    /* Translators: %1$s is a file name, %2$s why it could not be written */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The calendar could not be written to “%1$s”: %2$s"),
                                    where, error->message);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The calendar for “%1$s” could not be made: %2$s"),
                                    where, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_busy (SemExportDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            !busy && sem_export_dialog_get_id (self) != NULL);
}

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  SemExportDialog *self = SEM_EXPORT_DIALOG (object);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE);
          show_error (self, job->file, error, TRUE);
        }
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[EXPORTED], 0, job->file, self->count);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * sem_export_dialog_export_to_file:
 * @file: where to write the calendar
 *
 * Writes the calendar chosen to @file, as Export… does once a file is
 * chosen: #SemExportDialog::exported and the dialog closes, or an error
 * dialog says what went wrong and where.
 */
void
sem_export_dialog_export_to_file (SemExportDialog *self,
                                  GFile           *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  const char *id;
  WriteJob *job;
  char *text;
  gsize length = 0;

  g_return_if_fail (SEM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  id = sem_export_dialog_get_id (self);
  if (id == NULL || self->busy)
    return;

  text = sem_ical_export (self->plan, sem_export_dialog_get_scope (self), id, NULL,
                          resolved_language (self), SEM_ICAL_EXPORT_NONE, &length, &error);
  if (text == NULL)
    {
      show_error (self, file, error, FALSE);
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->file = g_object_ref (file);
  job->bytes = g_bytes_new_take (text, length);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, write_done_cb, NULL);
  g_task_set_source_tag (task, sem_export_dialog_export_to_file);
  g_task_set_task_data (task, job, write_job_free);
  g_task_run_in_thread (task, write_thread);
}

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                gpointer         user_data)
{
  SemExportDialog *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        sem_export_dialog_export_to_file (self, file);
    }

  g_object_unref (native);
}

static void
export_clicked_cb (SemExportDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = sem_export_dialog_suggest_name (self);

  if (sem_export_dialog_get_id (self) == NULL)
    return;

  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");

  native = gtk_file_chooser_native_new (_("Export the Calendar"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Drop-down rows: the button ellipsizes so that the dialog fits 360 px. */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static GtkListItemFactory *
label_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  return factory;
}

/* GObject */

static void
sem_export_dialog_constructed (GObject *object)
{
  SemExportDialog *self = SEM_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (sem_export_dialog_parent_class)->constructed (object);

  g_assert (self->plan != NULL);
  /* The counts follow every edit, undo and redo. */
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (update_preview), self,
                           G_CONNECT_SWAPPED);
  rebuild_items (self);
}

static void
sem_export_dialog_dispose (GObject *object)
{
  SemExportDialog *self = SEM_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SEM_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (sem_export_dialog_parent_class)->dispose (object);
}

static void
sem_export_dialog_finalize (GObject *object)
{
  SemExportDialog *self = SEM_EXPORT_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->item_labels);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->item_ids, g_ptr_array_unref);
  g_clear_pointer (&self->event_id, g_free);

  G_OBJECT_CLASS (sem_export_dialog_parent_class)->finalize (object);
}

static void
sem_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SemExportDialog *self = SEM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SemExportDialog *self = SEM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_export_dialog_class_init (SemExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sem_export_dialog_constructed;
  object_class->dispose = sem_export_dialog_dispose;
  object_class->finalize = sem_export_dialog_finalize;
  object_class->get_property = sem_export_dialog_get_property;
  object_class->set_property = sem_export_dialog_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SemExportDialog:event-id:
   *
   * The event shown in the window: chosen at first, and its delegations
   * and rooms listed first.
   */
  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SemExportDialog:count:
   *
   * How many sessions (cancellations still announced included) the
   * calendar chosen holds.
   */
  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SemExportDialog::exported:
   * @file: the file written
   * @count: the number of sessions in it
   *
   * The calendar was written; the dialog closes next.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, item_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, SemExportDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_selected_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sem_export_dialog_init (SemExportDialog *self)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory_new (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory_new (FALSE);
  GtkExpression *expression;

  self->item_labels = gtk_string_list_new (NULL);
  self->item_ids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_factory (self->item_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->item_dropdown, list_factory);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->item_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->item_dropdown, G_LIST_MODEL (self->item_labels));
}

/**
 * sem_export_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @plan: the plan to export from
 * @event_id: (nullable): the event shown, chosen at first
 *
 * Returns: (transfer full): an export dialog, not yet shown
 */
SemExportDialog *
sem_export_dialog_new (GtkWindow  *parent,
                       SemPlan    *plan,
                       const char *event_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SEM_IS_PLAN (plan), NULL);

  return g_object_new (SEM_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "plan", plan,
                       "event-id", event_id,
                       NULL);
}

/**
 * sem_export_dialog_get_plan:
 *
 * Returns: (transfer none): the plan
 */
SemPlan *
sem_export_dialog_get_plan (SemExportDialog *self)
{
  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), NULL);

  return self->plan;
}

/**
 * sem_export_dialog_select:
 * @scope: the kind of calendar
 * @id: the event, delegation, person, room or programme
 *
 * Chooses in the dialog what a person would choose in its two lists.
 *
 * Returns: whether @id is one of the items of that kind
 */
gboolean
sem_export_dialog_select (SemExportDialog *self,
                          SemScope         scope,
                          const char      *id)
{
  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (kind_scopes); k++)
    if (kind_scopes[k] == scope)
      adw_combo_row_set_selected (self->kind_row, k);

  for (guint i = 0; i < self->item_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->item_ids, i), id) == 0)
      {
        gtk_drop_down_set_selected (self->item_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

SemScope
sem_export_dialog_get_scope (SemExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), SEM_SCOPE_EVENT);

  selected = adw_combo_row_get_selected (self->kind_row);
  return selected < G_N_ELEMENTS (kind_scopes) ? kind_scopes[selected] : SEM_SCOPE_EVENT;
}

/**
 * sem_export_dialog_get_id:
 *
 * Returns: (nullable): the id of the item chosen
 */
const char *
sem_export_dialog_get_id (SemExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), NULL);

  selected = gtk_drop_down_get_selected (self->item_dropdown);
  return selected < self->item_ids->len ? g_ptr_array_index (self->item_ids, selected) : NULL;
}

/**
 * sem_export_dialog_get_language:
 *
 * Returns: "bg" or "en": the language the calendar will be in
 */
const char *
sem_export_dialog_get_language (SemExportDialog *self)
{
  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), NULL);

  return resolved_language (self);
}

/**
 * sem_export_dialog_get_count:
 *
 * Returns: the number of sessions the preview promises
 */
guint
sem_export_dialog_get_count (SemExportDialog *self)
{
  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), 0);

  return self->count;
}

/**
 * sem_export_dialog_suggest_name:
 *
 * Returns: (transfer full): a file name for the chosen calendar, e.g.
 *   "dcc-brussels-2018-sofia.ics" (ids are safe in file names)
 */
char *
sem_export_dialog_suggest_name (SemExportDialog *self)
{
  const char *id;

  g_return_val_if_fail (SEM_IS_EXPORT_DIALOG (self), NULL);

  id = sem_export_dialog_get_id (self);
  return g_strconcat (id != NULL ? id : "calendar", ".ics", NULL);
}

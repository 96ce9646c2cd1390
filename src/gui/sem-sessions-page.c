/* sem-sessions-page.c — the chosen event's sessions as a sortable, searchable table
 *
 * Each session is wrapped in a SemSessionRow holding everything the table
 * sorts and searches on, computed once when the row is made: the column
 * sorters and the filter only compare those keys. A row is kept while its
 * session's revision and what it shows from other entities (rooms, people,
 * attendance, the event's timezone) stay the same, so that after an edit
 * only the rows that changed are replaced in the store, which is kept in
 * the table's order.
 *
 * This file holds the page widget: its view, actions and API. The rows and
 * columns are in sem-session-row.c, the store and the filter in
 * sem-sessions-model.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-sessions-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sem-entity-editor.h"
#include "sem-sessions-page-private.h"
#include "sem-window-private.h"

/* ---- the page ---------------------------------------------------------- */

enum
{
  PROP_0,
  PROP_CONFLICTS,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SemSessionsPage, sem_sessions_page, SEM_TYPE_EVENT_PAGE)

/* ---- the view ---------------------------------------------------------- */

void
_sem_sessions_page_update_view (SemSessionsPage *self)
{
  SemEventPage *page = SEM_EVENT_PAGE (self);
  guint total;
  guint shown;
  g_autofree char *count = NULL;

  if (self->filter_model == NULL)  /* disposed */
    return;

  total = self->rows->len;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  if (sem_event_page_get_plan (page) == NULL || sem_event_page_get_event (page) == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-event");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "event");

  if (total == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", total),
                             total);
  else
    /* Translators: how many sessions the search leaves, e.g. "3 of 19 sessions" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u session",
                                          "%u of %u sessions", total),
                             shown, total);
  /* Empty, not hidden: it keeps the search button at the end. */
  gtk_label_set_label (self->count_label, total > 0 ? count : "");
}

void
_sem_sessions_page_update_actions (SemSessionsPage *self)
{
  SemEventPage *page = SEM_EVENT_PAGE (self);
  gboolean can_add = sem_event_page_get_plan (page) != NULL && sem_event_page_get_event (page) != NULL;
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)  /* disposed */
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.add", can_add);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.delete",
                                 can_add && !gtk_bitset_is_empty (selected));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.search", can_add);
}

/* ---- actions ------------------------------------------------------------ */

static GtkWindow *
parent_window (SemSessionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
column_view_activate_cb (SemSessionsPage *self,
                         guint            position)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  g_autoptr(SemSessionRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  SemEntityEditor *editor;

  if (row == NULL || plan == NULL)
    return;

  editor = sem_entity_editor_new_edit (parent_window (self), plan, SEM_ENTITY (row->session));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (widget);
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemEvent *event = sem_event_page_get_event (SEM_EVENT_PAGE (self));
  g_autoptr(SemSession) defaults = NULL;
  g_autoptr(GDateTime) start = NULL;
  const char *date;
  SemEntityEditor *editor;
  int year = 0, month = 0, day = 0;

  if (plan == NULL || event == NULL)
    return;

  /* Nine in the morning of the event's first day, where it takes place. */
  date = sem_event_get_start_date (event);
  if (date != NULL && sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    start = g_date_time_new (self->tz, year, month, day, 9, 0, 0);
  if (start == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (self->tz);

      start = g_date_time_new (self->tz, g_date_time_get_year (now),
                               g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), 9, 0, 0);
    }

  defaults = g_object_new (SEM_TYPE_SESSION,
                           "id", "new",
                           "event", event_id (self),
                           "start", g_date_time_to_unix (start),
                           "end", g_date_time_to_unix (start) + 60 * 60,
                           NULL);
  editor = sem_entity_editor_new_create (parent_window (self), plan,
                                         SEM_COLLECTION_SESSIONS, SEM_ENTITY (defaults));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
delete_sessions (SemSessionsPage *self,
                 GPtrArray       *sessions)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));

  if (plan == NULL || sessions->len == 0)
    return;

  sem_plan_begin_group (plan, sessions->len == 1
                              ? C_("undo action", "Delete Session")
                              : C_("undo action", "Delete Sessions"));
  for (guint i = 0; i < sessions->len; i++)
    sem_plan_remove (plan, sessions->pdata[i]);
  sem_plan_end_group (plan);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SemSessionsPage  *self)
{
  GPtrArray *sessions = g_object_get_data (G_OBJECT (dialog), "sem-sessions");

  if (g_strcmp0 (response, "delete") == 0)
    delete_sessions (self, sessions);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (sem_event_page_get_plan (SEM_EVENT_PAGE (self)) == NULL)
    return;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(SemSessionRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (row != NULL)
        g_ptr_array_add (sessions, g_object_ref (row->session));
    }

  if (sessions->len <= 1)
    {
      delete_sessions (self, sessions);
      return;
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Session?",
                                          "Delete %u Sessions?", sessions->len),
                             sessions->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("You can undo this with Ctrl+Z.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sem-sessions", g_steal_pointer (&sessions),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sem_sessions_page_focus_search (SEM_SESSIONS_PAGE (widget));
}

static void
selection_changed_cb (SemSessionsPage *self)
{
  _sem_sessions_page_update_actions (self);
}

static void
filter_items_changed_cb (SemSessionsPage *self)
{
  _sem_sessions_page_update_view (self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
rebind (SemEventPage *page,
        gboolean      new_plan)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (page);

  self->have_deps = FALSE;
  /* Another plan's rows share nothing with this one's. */
  if (new_plan)
    g_hash_table_remove_all (self->row_by_session);
  _sem_sessions_page_rebuild (self);
}

static void
plan_changed (SemEventPage *page)
{
  _sem_sessions_page_plan_changed_cb (SEM_SESSIONS_PAGE (page));
}

static void
sem_sessions_page_dispose (GObject *object)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  if (self->conflict_model != NULL)
    g_signal_handlers_disconnect_by_data (self->conflict_model, self);
  /* Taking the columns away changes it: no sorting on the way out. */
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);

  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }

  /* AdwBin's child is the template's top: dropping it disposes the rest
   * (gtk_widget_dispose_template() would unparent it a second time). */
  adw_bin_set_child (ADW_BIN (self), NULL);

  g_clear_object (&self->conflicts);
  g_clear_object (&self->conflict_model);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->row_by_session, g_hash_table_unref);
  g_clear_pointer (&self->attendance, g_hash_table_unref);
  g_clear_pointer (&self->bound_marks, g_hash_table_unref);

  G_OBJECT_CLASS (sem_sessions_page_parent_class)->dispose (object);
}

static void
sem_sessions_page_finalize (GObject *object)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->tz_name);
  g_free (self->query);
  g_strfreev (self->words);

  G_OBJECT_CLASS (sem_sessions_page_parent_class)->finalize (object);
}

static void
sem_sessions_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_sessions_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SemSessionsPage *self = SEM_SESSIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONFLICTS:
      sem_sessions_page_set_conflicts (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_sessions_page_class_init (SemSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SemEventPageClass *page_class = SEM_EVENT_PAGE_CLASS (klass);

  object_class->dispose = sem_sessions_page_dispose;
  object_class->finalize = sem_sessions_page_finalize;
  object_class->get_property = sem_sessions_page_get_property;
  object_class->set_property = sem_sessions_page_set_property;

  page_class->rebind = rebind;
  page_class->plan_changed = plan_changed;

  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, SEM_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sofia/Seminars/ui/sem-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SemSessionsPage, status_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "filter_dropdown_cb",
                                                G_CALLBACK (_sem_sessions_page_filter_dropdown_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_sem_sessions_page_search_changed_cb));

  gtk_widget_class_install_action (widget_class, "sessions.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "sessions.search", NULL, search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "sessions.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "sessions.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "sessions.delete", NULL);

}

/* Ranks of @n labels of @enum_type in the user's alphabetical order. */
static void
rank_labels (GType  enum_type,
             int    n,
             int   *ranks)
{
  for (int i = 0; i < n; i++)
    {
      const char *label = sem_enum_to_label (enum_type, i);

      ranks[i] = 0;
      for (int j = 0; j < n; j++)
        {
          int order = g_utf8_collate (sem_enum_to_label (enum_type, j), label);

          if (order < 0 || (order == 0 && j < i))
            ranks[i]++;
        }
    }
}

static void
sem_sessions_page_init (SemSessionsPage *self)
{
  GtkColumnViewColumn *time_column;
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->lang = sem_window_ui_language ();
  self->kind_filter = -1;
  self->status_filter = -1;
  self->tz = g_time_zone_new_utc ();
  self->tz_name = g_strdup ("UTC");
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->row_by_session = g_hash_table_new (NULL, NULL);
  self->attendance = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_marks = g_hash_table_new (NULL, NULL);
  rank_labels (SEM_TYPE_SESSION_KIND, N_KINDS, self->kind_rank);
  rank_labels (SEM_TYPE_STATUS, N_STATUSES, self->status_rank);

  column = _sem_sessions_page_add_column (self, COLUMN_MARK, NULL);
  gtk_column_view_column_set_fixed_width (column, 36);
  time_column = _sem_sessions_page_add_column (self, COLUMN_TIME, C_("sessions column", "Time"));
  column = _sem_sessions_page_add_column (self, COLUMN_TITLE, C_("sessions column", "Title"));
  gtk_column_view_column_set_expand (column, TRUE);
  _sem_sessions_page_add_column (self, COLUMN_ROOM, C_("sessions column", "Room"));
  _sem_sessions_page_add_column (self, COLUMN_KIND, C_("sessions column", "Kind"));
  _sem_sessions_page_add_column (self, COLUMN_STATUS, C_("sessions column", "Status"));
  _sem_sessions_page_add_column (self, COLUMN_ATTENDANCE, C_("sessions column", "Attendance"));

  /* The store is kept in the table's order: sorting an array of rows on
   * their keys, then one splice, is much quicker than GtkSortListModel,
   * and an edit moves one row to its place by bisection. */
  self->store = g_list_store_new (SEM_TYPE_SESSION_ROW);
  self->sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->filter = gtk_custom_filter_new (_sem_sessions_page_filter_row_cb, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)), NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->filter_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, time_column, GTK_SORT_ASCENDING);
  g_signal_connect_object (self->sorter, "changed",
                           G_CALLBACK (_sem_sessions_page_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (filter_items_changed_cb), self, G_CONNECT_SWAPPED);

  _sem_sessions_page_set_up_dropdown (self->kind_dropdown, SEM_TYPE_SESSION_KIND, N_KINDS,
                                      _("All Kinds"), _("Filter by kind"));
  _sem_sessions_page_set_up_dropdown (self->status_dropdown, SEM_TYPE_STATUS, N_STATUSES,
                                      _("Any Status"), _("Filter by status"));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sessions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search sessions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Session"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->empty_add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Session"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Selected Sessions"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);

  _sem_sessions_page_update_view (self);
  _sem_sessions_page_update_actions (self);
}

/* ---- public API ------------------------------------------------------------ */

/**
 * sem_sessions_page_new:
 *
 * Returns: (transfer floating): a page showing nothing until it has a plan and an event
 */
GtkWidget *
sem_sessions_page_new (void)
{
  return g_object_new (SEM_TYPE_SESSIONS_PAGE, NULL);
}

/**
 * sem_sessions_page_get_conflicts:
 *
 * Returns: (transfer none) (nullable): where the conflict marks come from
 */
SemConflictList *
sem_sessions_page_get_conflicts (SemSessionsPage *self)
{
  g_return_val_if_fail (SEM_IS_SESSIONS_PAGE (self), NULL);

  return self->conflicts;
}

/**
 * sem_sessions_page_set_conflicts:
 * @conflicts: (nullable): the window's conflict list, for the marks
 */
void
sem_sessions_page_set_conflicts (SemSessionsPage *self,
                                 SemConflictList *conflicts)
{
  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));
  g_return_if_fail (conflicts == NULL || SEM_IS_CONFLICT_LIST (conflicts));

  if (self->conflicts == conflicts)
    return;

  if (self->conflict_model != NULL)
    g_signal_handlers_disconnect_by_data (self->conflict_model, self);
  g_clear_object (&self->conflict_model);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL && sem_conflict_list_get_conflicts (conflicts) != NULL)
    {
      self->conflict_model = g_object_ref (sem_conflict_list_get_conflicts (conflicts));
      g_signal_connect_object (self->conflict_model, "items-changed",
                               G_CALLBACK (_sem_sessions_page_conflicts_changed_cb), self, G_CONNECT_SWAPPED);
    }

  _sem_sessions_page_conflicts_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

/* The list view inside the column view, which can scroll to a row. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static void
scroll_to_position (SemSessionsPage *self)
{
  GtkWidget *list_view = find_list_view (GTK_WIDGET (self->column_view));

  if (list_view != NULL &&
      self->scroll_position < g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", self->scroll_position);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SemSessionsPage *self = user_data;
  GtkWidget *list_view = find_list_view (widget);

  /* Not before the table has been given its size once. */
  if (list_view != NULL && gtk_widget_get_height (list_view) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  scroll_to_position (self);
  return G_SOURCE_REMOVE;
}

/**
 * sem_sessions_page_select_sessions:
 * @session_ids: (array zero-terminated=1): the ids of sessions of the event
 *
 * Selects these sessions, and only these, and scrolls to the first of them
 * in the table's order. A search or filter that hides one is cleared.
 */
void
sem_sessions_page_select_sessions (SemSessionsPage    *self,
                                   const char * const *session_ids)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (NULL, NULL);
  g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  gboolean hidden = FALSE;
  SemPlan *plan;
  GListModel *model;
  guint first = GTK_INVALID_LIST_POSITION;
  guint n;

  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));

  plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));

  for (guint i = 0; plan != NULL && session_ids != NULL && session_ids[i] != NULL; i++)
    {
      SemEntity *session = sem_plan_lookup (plan, SEM_COLLECTION_SESSIONS, session_ids[i]);
      SemSessionRow *row = session != NULL ? g_hash_table_lookup (self->row_by_session, session) : NULL;

      if (row == NULL)
        continue;
      g_hash_table_add (wanted, row);
      hidden |= !_sem_sessions_page_filter_row_cb (row, self);
    }

  if (hidden)
    {
      /* The user asked to see them: show everything. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      _sem_sessions_page_search_changed_cb (self);
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      gtk_drop_down_set_selected (self->status_dropdown, 0);
    }

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && g_hash_table_size (wanted) > 0; i++)
    {
      g_autoptr(SemSessionRow) row = g_list_model_get_item (model, i);

      if (g_hash_table_contains (wanted, row))
        {
          gtk_bitset_add (selected, i);
          first = MIN (first, i);
        }
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);

  if (first != GTK_INVALID_LIST_POSITION)
    {
      /* Now, and once more when the table has its size: a table that has
       * not been shown yet does not scroll. */
      self->scroll_position = first;
      scroll_to_position (self);
      if (self->scroll_tick_id == 0)
        self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                             scroll_tick_cb, self, NULL);
    }
}

/**
 * sem_sessions_page_focus_search:
 *
 * Shows the search bar and puts the keyboard focus in its entry.
 */
void
sem_sessions_page_focus_search (SemSessionsPage *self)
{
  SemEventPage *page = SEM_EVENT_PAGE (self);

  g_return_if_fail (SEM_IS_SESSIONS_PAGE (self));

  if (sem_event_page_get_plan (page) == NULL || sem_event_page_get_event (page) == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * sem_sessions_page_get_n_shown:
 *
 * Returns: how many sessions the search and the filters leave in the table
 */
guint
sem_sessions_page_get_n_shown (SemSessionsPage *self)
{
  g_return_val_if_fail (SEM_IS_SESSIONS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

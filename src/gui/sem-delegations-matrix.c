/* sem-delegations-matrix.c — the delegations page's attendance matrix
 *
 * The chosen delegation's members by the event's sessions, where each tick
 * is one undoable edit of the delegation's "attendance" pairs, and a column
 * of checks that ticks the whole delegation. The matrix is rebuilt only
 * when its shape changes; otherwise only the ticks move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-delegations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-session.h"
#include "sem-delegations-page-private.h"

static int
session_start_cmp (gconstpointer a,
                   gconstpointer b)
{
  SemSession *sa = *(SemSession **) a;
  SemSession *sb = *(SemSession **) b;
  gint64 x = sem_session_get_start (sa);
  gint64 y = sem_session_get_start (sb);

  if (x != y)
    return x < y ? -1 : 1;
  return strcmp (sem_entity_get_id (SEM_ENTITY (sa)), sem_entity_get_id (SEM_ENTITY (sb)));
}

/* The event's sessions, by start. */
GPtrArray *
_sem_delegations_page_event_sessions (SemDelegationsPage *self)
{
  SemEventPage *page = SEM_EVENT_PAGE (self);
  GListModel *sessions = sem_plan_get_collection (sem_event_page_get_plan (page), SEM_COLLECTION_SESSIONS);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  const char *event_id = sem_entity_get_id (SEM_ENTITY (sem_event_page_get_event (page)));
  guint n = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n; i++)
    {
      SemSession *session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (sem_session_get_event (session), event_id) == 0)
        g_ptr_array_add (result, session);
      else
        g_object_unref (session);
    }
  g_ptr_array_sort (result, session_start_cmp);
  return result;
}

static char *
pair_key (const char *person_id,
          const char *session_id)
{
  return g_strconcat (person_id, ":", session_id, NULL);
}

static gboolean
attends (SemDelegation *delegation,
         const char    *pair)
{
  const char * const *pairs = sem_delegation_get_attendance (delegation);

  return pairs != NULL && g_strv_contains (pairs, pair);
}

/* Sets the checks from the model, without feeding them back. */
void
_sem_delegations_page_sync_checks (SemDelegationsPage *self,
                                   SemDelegation      *delegation)
{
  self->syncing = TRUE;

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->cells, i);
      const char *pair = g_object_get_data (G_OBJECT (check), "pair");

      gtk_check_button_set_active (check, attends (delegation, pair));
    }

  for (guint i = 0; i < self->column_toggles->len; i++)
    {
      GtkCheckButton *toggle = g_ptr_array_index (self->column_toggles, i);
      const char *session_id = g_object_get_data (G_OBJECT (toggle), "session");
      const char * const *members = sem_delegation_get_members (delegation);
      guint n = 0, ticked = 0;

      for (; members != NULL && members[n] != NULL; n++)
        {
          g_autofree char *pair = pair_key (members[n], session_id);

          if (attends (delegation, pair))
            ticked++;
        }
      gtk_check_button_set_active (toggle, n > 0 && ticked == n);
      gtk_check_button_set_inconsistent (toggle, ticked > 0 && ticked < n);
    }

  self->syncing = FALSE;
}

/* Sets whether @person_ids attend @session_id, as one undoable step. */
static void
set_attendance (SemDelegationsPage *self,
                const char * const *person_ids,
                const char         *session_id,
                gboolean            attend)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemDelegation *delegation = _sem_delegations_page_selected_delegation (self);
  const char * const *pairs;
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (delegation == NULL)
    return;

  for (guint i = 0; person_ids[i] != NULL; i++)
    g_hash_table_add (wanted, pair_key (person_ids[i], session_id));

  pairs = sem_delegation_get_attendance (delegation);
  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i++)
    {
      if (g_hash_table_contains (wanted, pairs[i]))
        {
          if (!attend)
            continue;
          g_hash_table_remove (wanted, pairs[i]);
        }
      g_ptr_array_add (next, g_strdup (pairs[i]));
    }
  if (attend)
    for (guint i = 0; person_ids[i] != NULL; i++)
      {
        g_autofree char *pair = pair_key (person_ids[i], session_id);

        if (g_hash_table_contains (wanted, pair))
          g_ptr_array_add (next, g_steal_pointer (&pair));
      }
  g_ptr_array_add (next, NULL);

  sem_plan_begin_group (plan, C_("undo action", "Change Attendance"));
  sem_plan_set (plan, SEM_ENTITY (delegation), "attendance", (char **) next->pdata, NULL);
  sem_plan_end_group (plan);

  /* An edit that changed nothing leaves no "changed" to resync on. */
  _sem_delegations_page_sync_checks (self, delegation);
}

static void
cell_toggled_cb (GtkCheckButton     *check,
                 SemDelegationsPage *self)
{
  const char *person_ids[] = { g_object_get_data (G_OBJECT (check), "person"), NULL };

  if (self->syncing)
    return;
  set_attendance (self, person_ids, g_object_get_data (G_OBJECT (check), "session"),
                  gtk_check_button_get_active (check));
}

static void
column_toggled_cb (GtkCheckButton     *toggle,
                   SemDelegationsPage *self)
{
  SemDelegation *delegation = _sem_delegations_page_selected_delegation (self);
  const char *session_id = g_object_get_data (G_OBJECT (toggle), "session");
  const char * const *members;
  gboolean all = TRUE;

  if (self->syncing || delegation == NULL)
    return;

  /* Ticks everyone unless everyone was already ticked. */
  members = sem_delegation_get_members (delegation);
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      g_autofree char *pair = pair_key (members[i], session_id);

      all = all && attends (delegation, pair);
    }
  if (members != NULL)
    set_attendance (self, members, session_id, !all);
}

void
_sem_delegations_page_clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static GtkWidget *
name_cell (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Column headers are narrow: the title in at most three short lines, cut with
 * an ellipsis. Wrapped by hand because a wrapping label asks a scrolled
 * window for the height it would need at its narrowest. */
#define HEADER_CHARS 12
#define HEADER_LINES 3

static char *
wrap_title (const char *title)
{
  g_auto(GStrv) words = g_strsplit (title != NULL ? title : "", " ", -1);
  GString *text = g_string_new (NULL);
  glong line_chars = 0;
  guint lines = 1;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong chars = g_utf8_strlen (words[i], -1);

      if (chars == 0)
        continue;
      if (line_chars > 0 && line_chars + 1 + chars > HEADER_CHARS)
        {
          if (lines == HEADER_LINES)
            {
              g_string_append (text, "…");
              break;
            }
          g_string_append_c (text, '\n');
          lines++;
          line_chars = 0;
        }
      else if (line_chars > 0)
        {
          g_string_append_c (text, ' ');
          line_chars++;
        }
      if (chars > HEADER_CHARS)
        {
          const char *cut = g_utf8_offset_to_pointer (words[i], HEADER_CHARS - 1);

          g_string_append_len (text, words[i], cut - words[i]);
          g_string_append (text, "…");
          line_chars = HEADER_CHARS;
        }
      else
        {
          g_string_append (text, words[i]);
          line_chars += chars;
        }
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
session_header (SemSession *session,
                GTimeZone  *tz)
{
  g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (sem_session_get_start (session));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (start, tz);
  g_autofree char *time = g_date_time_format (local, "%H:%M");
  const char *title = sem_session_get_title (session, ui_lang ());
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *time_label = gtk_label_new (time);
  g_autofree char *short_title = wrap_title (title);
  GtkWidget *title_label = gtk_label_new (short_title);

  gtk_widget_add_css_class (time_label, "caption-heading");
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (title_label, "caption");
  gtk_label_set_width_chars (GTK_LABEL (title_label), HEADER_CHARS);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_valign (title_label, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (box, title);
  if (sem_session_get_status (session) == SEM_STATUS_CANCELLED)
    gtk_widget_add_css_class (box, "dim-label");
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), time_label);
  gtk_box_append (GTK_BOX (box), title_label);
  return box;
}

static GtkWidget *
check_cell (SemDelegationsPage *self,
            const char         *a11y_label,
            GtkSizeGroup       *row_group,
            GCallback           callback)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, a11y_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y_label, -1);
  gtk_size_group_add_widget (row_group, check);
  g_signal_connect (check, "toggled", callback, self);
  return check;
}

/* Rows: 0 the days, 1 the sessions, 2 "whole delegation", then one per member. */
void
_sem_delegations_page_build_matrix (SemDelegationsPage *self,
                                    SemDelegation      *delegation,
                                    GPtrArray          *sessions)
{
  const char * const *members = sem_delegation_get_members (delegation);
  guint n_members = members != NULL ? g_strv_length ((char **) members) : 0;
  g_autoptr(GPtrArray) row_groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day_of_previous = NULL;
  GtkWidget *day_label = NULL;
  int day_first_column = 0;

  _sem_delegations_page_clear_grid (self->names_grid);
  _sem_delegations_page_clear_grid (self->sessions_grid);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->column_toggles, 0);

  if (sessions->len == 0 || n_members == 0)
    {
      gtk_label_set_label (self->matrix_empty_label,
                           sessions->len == 0 ? _("The event has no sessions yet")
                                              : _("The delegation has no members yet"));
      gtk_stack_set_visible_child_name (self->matrix_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->matrix_stack, "matrix");

  for (guint r = 0; r < n_members + 3; r++)
    g_ptr_array_add (row_groups, gtk_size_group_new (GTK_SIZE_GROUP_VERTICAL));

  gtk_grid_attach (self->names_grid, name_cell ("", NULL), 0, 0, 1, 1);
  gtk_grid_attach (self->names_grid, name_cell ("", NULL), 0, 1, 1, 1);
  gtk_grid_attach (self->names_grid, name_cell (_("Whole delegation"), "heading"), 0, 2, 1, 1);
  for (guint r = 0; r < 3; r++)
    gtk_size_group_add_widget (g_ptr_array_index (row_groups, r),
                               gtk_grid_get_child_at (self->names_grid, 0, r));

  for (guint m = 0; m < n_members; m++)
    {
      GtkWidget *label = name_cell (_sem_delegations_page_person_name (self, members[m]), NULL);

      gtk_widget_set_size_request (label, -1, 36);
      gtk_grid_attach (self->names_grid, label, 0, m + 3, 1, 1);
      gtk_size_group_add_widget (g_ptr_array_index (row_groups, m + 3), label);
    }

  for (guint s = 0; s < sessions->len; s++)
    {
      SemSession *session = g_ptr_array_index (sessions, s);
      const char *session_id = sem_entity_get_id (SEM_ENTITY (session));
      const char *title = sem_session_get_title (session, ui_lang ());
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sem_session_get_start (session));
      g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->tz);
      g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *whole = NULL;
      GtkWidget *header;
      GtkWidget *toggle;

      if (g_strcmp0 (day, day_of_previous) != 0)
        {
          /* Translators: a day heading, see g_date_time_format(); e.g. "Tuesday 20 February" */
          /* xgettext:no-c-format */
          g_autofree char *text = g_date_time_format (local, _("%A %-e %B"));

          if (day_label != NULL)
            gtk_grid_attach (self->sessions_grid, day_label, day_first_column, 0, s - day_first_column, 1);
          day_label = name_cell (text, "heading");
          gtk_widget_set_margin_top (day_label, 6);
          gtk_widget_set_margin_bottom (day_label, 6);
          gtk_widget_set_margin_start (day_label, 6);
          gtk_size_group_add_widget (g_ptr_array_index (row_groups, 0), day_label);
          day_first_column = s;
          g_free (day_of_previous);
          day_of_previous = g_steal_pointer (&day);
        }

      header = session_header (session, self->tz);
      gtk_grid_attach (self->sessions_grid, header, s, 1, 1, 1);
      gtk_size_group_add_widget (g_ptr_array_index (row_groups, 1), header);

      /* Translators: the accessible name of the check that ticks a whole delegation */
      whole = g_strdup_printf (_("Whole delegation attends %s"), title);
      toggle = check_cell (self, whole, g_ptr_array_index (row_groups, 2), G_CALLBACK (column_toggled_cb));
      g_object_set_data_full (G_OBJECT (toggle), "session", g_strdup (session_id), g_free);
      gtk_grid_attach (self->sessions_grid, toggle, s, 2, 1, 1);
      g_ptr_array_add (self->column_toggles, toggle);

      for (guint m = 0; m < n_members; m++)
        {
          /* Translators: the accessible name of a check, e.g. "Desislava Ivanova attends Opening session" */
          g_autofree char *a11y = g_strdup_printf (_("%s attends %s"), _sem_delegations_page_person_name (self, members[m]), title);
          GtkWidget *check = check_cell (self, a11y, g_ptr_array_index (row_groups, m + 3),
                                         G_CALLBACK (cell_toggled_cb));

          gtk_widget_set_size_request (check, -1, 36);
          g_object_set_data_full (G_OBJECT (check), "person", g_strdup (members[m]), g_free);
          g_object_set_data_full (G_OBJECT (check), "session", g_strdup (session_id), g_free);
          g_object_set_data_full (G_OBJECT (check), "pair", pair_key (members[m], session_id), g_free);
          gtk_grid_attach (self->sessions_grid, check, s, m + 3, 1, 1);
          g_ptr_array_add (self->cells, check);
        }
    }
  if (day_label != NULL)
    gtk_grid_attach (self->sessions_grid, day_label, day_first_column, 0, sessions->len - day_first_column, 1);
}

/* What the matrix depends on, besides the ticks. */
char *
_sem_delegations_page_matrix_shape (SemDelegationsPage *self,
                                    SemDelegation      *delegation,
                                    GPtrArray          *sessions)
{
  GString *shape = g_string_new (sem_entity_get_id (SEM_ENTITY (delegation)));
  const char * const *members = sem_delegation_get_members (delegation);

  g_string_append_printf (shape, "|%s|%s", ui_lang (), g_time_zone_get_identifier (self->tz));
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    g_string_append_printf (shape, "|%s=%s", members[i], _sem_delegations_page_person_name (self, members[i]));
  for (guint i = 0; i < sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (sessions, i);

      g_string_append_printf (shape, "|%s@%" G_GINT64_FORMAT "=%d:%s",
                              sem_entity_get_id (SEM_ENTITY (session)),
                              sem_session_get_start (session),
                              sem_session_get_status (session),
                              sem_session_get_title (session, ui_lang ()));
    }
  return g_string_free (shape, FALSE);
}

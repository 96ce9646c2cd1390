/* sem-session-row.c — the rows of the sessions table and their columns
 *
 * SemSessionRow: a session and the keys the table sorts and searches on,
 * computed once when the row is made; the columns' cells, the conflict
 * marks and the column sorters, which compare only those keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-sessions-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sem-person.h"
#include "sem-room.h"
#include "sem-sessions-page-private.h"

/* ---- SemSessionRow: a session and its precomputed keys ---------------- */

enum
{
  ROW_PROP_0,
  ROW_PROP_SESSION,
  ROW_N_PROPS,
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (SemSessionRow, sem_session_row, G_TYPE_OBJECT)

static void
sem_session_row_finalize (GObject *object)
{
  SemSessionRow *self = SEM_SESSION_ROW (object);

  g_clear_object (&self->session);
  g_free (self->title);
  g_free (self->title_key);
  g_free (self->room);
  g_free (self->room_key);
  g_free (self->search_text);
  g_free (self->time_text);
  G_OBJECT_CLASS (sem_session_row_parent_class)->finalize (object);
}

static void
sem_session_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SemSessionRow *self = SEM_SESSION_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_session_row_class_init (SemSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sem_session_row_finalize;
  object_class->get_property = sem_session_row_get_property;

  /* For the tests: which session a row of the table shows. */
  row_properties[ROW_PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SEM_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
sem_session_row_init (SemSessionRow *self)
{
}

/* Lower case without accents, so that "iasi" finds "Iași" and "софия" "СОФИЯ". */
char *
_sem_sessions_page_fold_text (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;
  gboolean ascii = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return g_ascii_strdown (text, -1);

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          break;

        default:
          g_string_append_unichar (bare, c);
        }
    }
  return g_utf8_casefold (bare->str, bare->len);
}

static inline const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static char *
sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return g_utf8_collate_key (folded, -1);
}

gboolean
_sem_sessions_page_rows_show_the_same (SemSessionRow *a,
                                       SemSessionRow *b)
{
  return a->start == b->start && a->end == b->end && a->kind == b->kind &&
         a->status == b->status && a->attendance == b->attendance &&
         g_strcmp0 (a->title, b->title) == 0 && g_strcmp0 (a->room, b->room) == 0 &&
         g_strcmp0 (a->search_text, b->search_text) == 0;
}

SemSessionRow *
_sem_sessions_page_session_row_new (SemSessionsPage *self,
                                    SemSession      *session)
{
  SemPlan *plan = sem_event_page_get_plan (SEM_EVENT_PAGE (self));
  SemSessionRow *row = g_object_new (SEM_TYPE_SESSION_ROW, NULL);
  SemEntity *entity = SEM_ENTITY (session);
  const char *title = sem_entity_get_text (entity, "title", self->lang);
  const char *room_id = sem_session_get_room (session);
  const char * const *facilitators = sem_session_get_facilitators (session);
  SemRoom *room = NULL;
  g_autoptr(GString) search = g_string_new (NULL);

  row->session = g_object_ref (session);
  row->id = sem_entity_get_id (entity);
  row->revision = sem_entity_get_revision (entity);
  row->start = sem_session_get_start (session);
  row->end = sem_session_get_end (session);
  row->kind = CLAMP ((int) sem_session_get_kind (session), 0, N_KINDS - 1);
  row->status = CLAMP ((int) sem_session_get_status (session), 0, N_STATUSES - 1);
  row->kind_rank = self->kind_rank[row->kind];
  row->status_rank = self->status_rank[row->status];
  row->attendance = GPOINTER_TO_UINT (g_hash_table_lookup (self->attendance, row->id));
  row->title = g_strdup (title != NULL ? title : "");
  row->title_key = sort_key (row->title);

  if (room_id != NULL)
    room = SEM_ROOM (sem_plan_lookup (plan, SEM_COLLECTION_ROOMS, room_id));
  if (room != NULL)
    {
      const char *name = sem_room_get_name (room, self->lang);

      row->room = g_strdup (name != NULL ? name : "");
      g_string_append_printf (search, "%s\n%s\n",
                              or_empty (sem_entity_get_text (SEM_ENTITY (room), "name", "en")),
                              or_empty (sem_entity_get_text (SEM_ENTITY (room), "name", "bg")));
    }
  else
    row->room = g_strdup ("");
  row->room_key = sort_key (row->room);

  g_string_append_printf (search, "%s\n%s\n%s\n",
                          or_empty (sem_entity_get_text (entity, "title", "en")),
                          or_empty (sem_entity_get_text (entity, "title", "bg")),
                          sem_enum_to_label (SEM_TYPE_SESSION_KIND, row->kind));
  for (guint i = 0; facilitators != NULL && facilitators[i] != NULL; i++)
    {
      SemEntity *person = sem_plan_lookup (plan, SEM_COLLECTION_PEOPLE, facilitators[i]);

      if (person != NULL)
        g_string_append_printf (search, "%s\n", or_empty (sem_person_get_name (SEM_PERSON (person))));
    }
  row->search_text = _sem_sessions_page_fold_text (search->str);

  return row;
}

static const char *
row_time_text (SemSessionsPage *self,
               SemSessionRow   *row)
{
  if (row->time_text == NULL)
    {
      g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (row->start);
      g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (row->end);
      g_autoptr(GDateTime) local_start = NULL;
      g_autoptr(GDateTime) local_end = NULL;
      g_autofree char *day = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      if (start == NULL || end == NULL)
        return "";
      local_start = g_date_time_to_timezone (start, self->tz);
      local_end = g_date_time_to_timezone (end, self->tz);
      /* Translators: the day of a session in the sessions table, see
       * g_date_time_format(); e.g. "Tue 20 Feb" */
      /* xgettext:no-c-format */
      day = g_date_time_format (local_start, _("%a %-e %b"));
      from = g_date_time_format (local_start, "%H:%M");
      to = g_date_time_format (local_end, "%H:%M");
      /* Translators: a session's day, start and end, e.g. "Tue 20 Feb  08:30–09:15" */
      row->time_text = g_strdup_printf (_("%s  %s–%s"), day, from, to);
    }
  return row->time_text;
}

/* ---- conflict marks ---------------------------------------------------- */

static void
render_mark (SemSessionsPage *self,
             GtkListItem     *item)
{
  GtkWidget *image = gtk_list_item_get_child (item);
  SemSessionRow *row = gtk_list_item_get_item (item);
  SemConflictSeverity severity = SEM_CONFLICT_SEVERITY_WARNING;
  gboolean marked = FALSE;

  if (self->conflicts != NULL && row != NULL)
    marked = sem_conflict_list_get_session_severity (self->conflicts, row->id, &severity);

  gtk_widget_remove_css_class (image, "error");
  gtk_widget_remove_css_class (image, "warning");
  gtk_widget_set_visible (image, marked);
  if (!marked)
    return;

  if (severity == SEM_CONFLICT_SEVERITY_ERROR)
    {
      gtk_widget_add_css_class (image, "error");
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-error-symbolic");
      gtk_widget_set_tooltip_text (image, _("This session has a conflict that must be fixed"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This session has a conflict that must be fixed"), -1);
    }
  else
    {
      gtk_widget_add_css_class (image, "warning");
      gtk_image_set_from_icon_name (GTK_IMAGE (image), "dialog-warning-symbolic");
      gtk_widget_set_tooltip_text (image, _("This session has a warning"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This session has a warning"), -1);
    }
}

void
_sem_sessions_page_conflicts_changed_cb (SemSessionsPage *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_marks);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    render_mark (self, item);
}

static void
setup_mark_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               SemSessionsPage          *self)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_visible (image, FALSE);
  gtk_list_item_set_child (item, image);
}

static void
bind_mark_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SemSessionsPage          *self)
{
  g_hash_table_add (self->bound_marks, item);
  render_mark (self, item);
}

static void
unbind_mark_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                SemSessionsPage          *self)
{
  g_hash_table_remove (self->bound_marks, item);
}

/* ---- the text columns -------------------------------------------------- */

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sem-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_TIME || column == COLUMN_ATTENDANCE)
    gtk_widget_add_css_class (label, "numeric");
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* On a narrow window the table scrolls sideways rather than leave
   * a few letters of each name. */
  if (column == COLUMN_TITLE)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  else if (column == COLUMN_ROOM || column == COLUMN_KIND || column == COLUMN_STATUS)
    gtk_label_set_width_chars (GTK_LABEL (label), 9);
  gtk_list_item_set_child (item, label);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              SemSessionsPage          *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "sem-column"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  SemSessionRow *row = gtk_list_item_get_item (item);
  g_autofree char *number = NULL;
  const char *text = "";

  switch (column)
    {
    case COLUMN_TIME:
      text = row_time_text (self, row);
      break;

    case COLUMN_TITLE:
      text = row->title;
      break;

    case COLUMN_ROOM:
      text = row->room;
      break;

    case COLUMN_KIND:
      text = sem_enum_to_label (SEM_TYPE_SESSION_KIND, row->kind);
      break;

    case COLUMN_STATUS:
      text = sem_enum_to_label (SEM_TYPE_STATUS, row->status);
      break;

    case COLUMN_ATTENDANCE:
      number = g_strdup_printf ("%u", row->attendance);
      text = number;
      break;

    case COLUMN_MARK:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text);
  if (column == COLUMN_TITLE)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
  if (row->status == SEM_STATUS_CANCELLED)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

int
_sem_sessions_page_compare_rows_cb (gconstpointer a,
                                    gconstpointer b,
                                    gpointer      user_data)
{
  const SemSessionRow *ra = a;
  const SemSessionRow *rb = b;
  int result = 0;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TITLE:
      result = strcmp (ra->title_key, rb->title_key);
      break;

    case COLUMN_ROOM:
      result = strcmp (ra->room_key, rb->room_key);
      break;

    case COLUMN_KIND:
      result = ra->kind_rank - rb->kind_rank;
      break;

    case COLUMN_STATUS:
      result = ra->status_rank - rb->status_rank;
      break;

    case COLUMN_ATTENDANCE:
      result = (ra->attendance > rb->attendance) - (ra->attendance < rb->attendance);
      break;

    case COLUMN_TIME:
    case COLUMN_MARK:
    case N_COLUMNS:
    default:
      break;
    }

  if (result == 0)
    result = (ra->start > rb->start) - (ra->start < rb->start);
  if (result == 0)
    result = (ra->end > rb->end) - (ra->end < rb->end);
  if (result == 0)
    result = strcmp (ra->id, rb->id);
  return (result > 0) - (result < 0);
}

GtkColumnViewColumn *
_sem_sessions_page_add_column (SemSessionsPage *self,
                               Column           column,
                               const char      *title)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "sem-column", GINT_TO_POINTER (column));
  if (column == COLUMN_MARK)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_mark_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_mark_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_mark_cb), self);
    }
  else
    {
      g_autoptr(GtkCustomSorter) sorter =
        gtk_custom_sorter_new (_sem_sessions_page_compare_rows_cb, GINT_TO_POINTER (column), NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_text_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_text_cb), self);
      view_column = gtk_column_view_column_new (title, g_object_ref (factory));
      gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (view_column, TRUE);
    }
  if (view_column == NULL)
    view_column = gtk_column_view_column_new (title, g_object_ref (factory));

  gtk_column_view_append_column (self->column_view, view_column);
  return view_column;
}

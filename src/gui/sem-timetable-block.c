/* sem-timetable-block.c — a session's block on the timetable
 *
 * The block widget, and what the timetable shows on it: the session's
 * title and times, its conflict marks, its accessible name and tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-timetable"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-room.h"
#include "sem-timetable-private.h"

/* ------------------------------------------------------------------------ */
/* A session's block */

G_DEFINE_FINAL_TYPE (SemTimetableBlock, sem_timetable_block, GTK_TYPE_WIDGET)

static void
sem_timetable_block_dispose (GObject *object)
{
  SemTimetableBlock *self = SEM_TIMETABLE_BLOCK (object);

  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_pointer (&self->handle, gtk_widget_unparent);
  g_clear_object (&self->session);
  g_clear_pointer (&self->cities, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (sem_timetable_block_parent_class)->dispose (object);
}

/* Short sessions are shorter than their text: the block asks for nothing
 * and clips what does not fit. */
static void
sem_timetable_block_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  SemTimetableBlock *self = SEM_TIMETABLE_BLOCK (widget);
  int min, nat;

  gtk_widget_measure (self->content, orientation, -1, &min, &nat, NULL, NULL);
  *minimum = 0;
  *natural = nat;
}

static void
sem_timetable_block_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  SemTimetableBlock *self = SEM_TIMETABLE_BLOCK (widget);
  int min_width, min_height;

  gtk_widget_measure (self->content, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (self->content, GTK_ORIENTATION_VERTICAL, MAX (width, min_width),
                      &min_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->content,
                            &(GtkAllocation) { 0, 0, MAX (width, min_width), MAX (height, min_height) },
                            -1);
  gtk_widget_size_allocate (self->handle,
                            &(GtkAllocation) { 0, MAX (0, height - HANDLE_HEIGHT), width, HANDLE_HEIGHT },
                            -1);
}

static void
sem_timetable_block_class_init (SemTimetableBlockClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = sem_timetable_block_dispose;
  widget_class->measure = sem_timetable_block_measure;
  widget_class->size_allocate = sem_timetable_block_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "block");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
sem_timetable_block_init (SemTimetableBlock *self)
{
  GtkWidget *row;
  g_autoptr(GdkCursor) move_cursor = gdk_cursor_new_from_name ("grab", NULL);
  g_autoptr(GdkCursor) resize_cursor = gdk_cursor_new_from_name ("ns-resize", NULL);

  gtk_widget_add_css_class (GTK_WIDGET (self), "timetable-block");
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_cursor (GTK_WIDGET (self), move_cursor);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->content, "timetable-block-content");
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  /* The time on top: the title below takes the lines the block has room
   * for, whatever its length (an inscription does not measure its text). */
  self->time = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->time), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->time), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->time, "timetable-block-time");
  gtk_widget_add_css_class (self->time, "caption");
  gtk_widget_add_css_class (self->time, "numeric");
  gtk_box_append (GTK_BOX (self->content), self->time);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (self->content), row);

  self->title = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->title), 0);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (self->title), 0);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (self->title), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_set_valign (self->title, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->title, "timetable-block-title");
  gtk_box_append (GTK_BOX (row), self->title);

  self->icon = gtk_image_new ();
  gtk_widget_set_valign (self->icon, GTK_ALIGN_START);
  gtk_widget_set_visible (self->icon, FALSE);
  gtk_widget_add_css_class (self->icon, "timetable-conflict-icon");
  gtk_box_append (GTK_BOX (row), self->icon);

  /* The bottom edge: dragging it resizes the session. */
  self->handle = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->handle, "timetable-block-handle");
  gtk_widget_set_cursor (self->handle, resize_cursor);
  gtk_widget_set_parent (self->handle, GTK_WIDGET (self));

  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Blocks: text, marks, tooltip */

char *
_sem_timetable_block_dup_tooltip (SemTimetable      *self,
                                  SemTimetableBlock *block)
{
  SemSession *session = block->session;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();  /* const char *: distinct identifiers */
  g_autofree char *title = g_markup_escape_text (sem_session_get_title (session, lang ()), -1);
  g_autofree char *range = _sem_timetable_format_range (self->tz, sem_session_get_start (session),
                                                        sem_session_get_end (session));
  const char *room_id = sem_session_get_room (session);
  SemRoom *room = room_id != NULL ? SEM_ROOM (sem_plan_lookup (self->plan, SEM_COLLECTION_ROOMS, room_id)) : NULL;
  g_autoptr(GDateTime) at = _sem_timetable_local_time (self, sem_session_get_start (session));

  g_string_append_printf (markup, "<b>%s</b>\n%s", title, range);
  if (room != NULL)
    {
      g_autofree char *name = g_markup_escape_text (sem_room_get_name (room, lang ()), -1);

      g_string_append_printf (markup, " · %s", name);
    }
  g_string_append_printf (markup, "\n%s", sem_enum_to_label (SEM_TYPE_SESSION_KIND,
                                                             sem_session_get_kind (session)));
  if (sem_session_get_status (session) == SEM_STATUS_CANCELLED)
    g_string_append_printf (markup, " · %s", _("Cancelled"));

  /* The delegates' home times: one line per timezone that differs from the event's. */
  for (guint i = 0; block->cities != NULL && i < block->cities->len; i++)
    {
      SemCity *city = g_ptr_array_index (block->cities, i);
      const char *zone = sem_city_get_timezone (city);
      g_autoptr(GString) names = g_string_new (NULL);
      g_autoptr(GTimeZone) tz = NULL;
      g_autoptr(GDateTime) home = NULL;
      g_autofree char *home_range = NULL;
      g_autofree char *escaped = NULL;

      if (zone == NULL || g_ptr_array_find_with_equal_func (zones, zone, g_str_equal, NULL))
        continue;
      g_ptr_array_add (zones, (gpointer) zone);
      tz = g_time_zone_new_identifier (zone);
      if (tz == NULL)
        continue;
      home = g_date_time_to_timezone (at, tz);
      if (g_date_time_get_utc_offset (home) == g_date_time_get_utc_offset (at))
        continue;

      for (guint j = i; j < block->cities->len; j++)
        {
          SemCity *other = g_ptr_array_index (block->cities, j);

          if (g_strcmp0 (sem_city_get_timezone (other), zone) != 0)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, sem_city_get_name (other, lang ()));
        }
      home_range = _sem_timetable_format_range (tz, sem_session_get_start (session), sem_session_get_end (session));
      escaped = g_markup_escape_text (names->str, -1);
      /* Translators: a delegation's home time in a tooltip, e.g. "Sofia: 10:15–11:15" */
      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, _("%s: %s"), escaped, home_range);
    }

  for (guint i = 0; i < block->conflicts->len; i++)
    {
      SemConflict *conflict = g_ptr_array_index (block->conflicts, i);
      g_autofree char *text = g_markup_escape_text (sem_conflict_get_explanation (conflict), -1);

      g_string_append_printf (markup, "\n⚠ %s", text);
    }

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Made when asked for: formatting them all is most of a rebuild's time. */
gboolean
_sem_timetable_block_query_tooltip_cb (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_mode,
                                       GtkTooltip *tooltip,
                                       gpointer    user_data)
{
  SemTimetable *self = SEM_TIMETABLE (gtk_widget_get_parent (widget));
  g_autofree char *markup = NULL;

  if (self == NULL || self->plan == NULL)
    return FALSE;
  markup = _sem_timetable_block_dup_tooltip (self, SEM_TIMETABLE_BLOCK (widget));
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
block_update_accessible (SemTimetable      *self,
                         SemTimetableBlock *block)
{
  g_autofree char *range = _sem_timetable_format_range (self->tz, sem_session_get_start (block->session),
                                                        sem_session_get_end (block->session));
  const Lane *lane = block->lane < self->lanes->len ? g_ptr_array_index (self->lanes, block->lane) : NULL;
  const char *room = lane != NULL ? gtk_label_get_text (GTK_LABEL (lane->header)) : "";
  g_autofree char *label = NULL;

  if (block->conflicts->len > 0)
    /* Translators: a session's block for screen readers: title, time, room */
    label = g_strdup_printf (_("%s, %s, %s, has conflicts"),
                             sem_session_get_title (block->session, lang ()), range, room);
  else
    /* Translators: a session's block for screen readers: title, time, room */
    label = g_strdup_printf (_("%s, %s, %s"),
                             sem_session_get_title (block->session, lang ()), range, room);
  gtk_accessible_update_property (GTK_ACCESSIBLE (block), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
_sem_timetable_block_update (SemTimetable      *self,
                             SemTimetableBlock *block)
{
  SemSession *session = block->session;
  GtkWidget *widget = GTK_WIDGET (block);
  gint64 duration;
  int height, lines;
  g_autofree char *range = NULL;
  g_autofree char *kind_class = NULL;
  const char *kind_nick;

  block->start = sem_session_get_start (session);
  block->end = MAX (sem_session_get_end (session), block->start + SNAP_SECONDS);

  gtk_inscription_set_text (GTK_INSCRIPTION (block->title), sem_session_get_title (session, lang ()));
  range = _sem_timetable_format_range (self->tz, block->start, sem_session_get_end (session));
  gtk_inscription_set_text (GTK_INSCRIPTION (block->time), range);

  /* As many lines of title as the block has room for, the time below it
   * when there is room for that too. */
  duration = block->end - block->start;
  height = (int) (duration * PX_PER_SECOND) - 2 - 8;
  gtk_widget_set_visible (block->time, height >= 40);
  lines = (height - (height >= 40 ? 16 : 0)) / 18;
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (block->title), MAX (lines, 1));

  kind_nick = sem_enum_to_nick (SEM_TYPE_SESSION_KIND, sem_session_get_kind (session));
  kind_class = g_strconcat ("timetable-kind-", kind_nick, NULL);
  if (!gtk_widget_has_css_class (widget, kind_class))
    {
      const char *classes[] = { "timetable-block", kind_class, NULL };

      gtk_widget_set_css_classes (widget, classes);
      if (g_strcmp0 (sem_entity_get_id (SEM_ENTITY (session)), self->highlight_id) == 0)
        gtk_widget_add_css_class (widget, "timetable-highlight");
      /* The marks are added back by update_marks (). */
    }
  if (sem_session_get_status (session) == SEM_STATUS_CANCELLED)
    gtk_widget_add_css_class (widget, "timetable-cancelled");
  else
    gtk_widget_remove_css_class (widget, "timetable-cancelled");
  if (sem_session_get_status (session) == SEM_STATUS_TENTATIVE)
    gtk_widget_add_css_class (widget, "timetable-tentative");
  else
    gtk_widget_remove_css_class (widget, "timetable-tentative");
}

void
_sem_timetable_update_marks (SemTimetable *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = self->conflict_model != NULL ? g_list_model_get_n_items (self->conflict_model) : 0;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_set_size (SEM_TIMETABLE_BLOCK (value)->conflicts, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemConflict) conflict = g_list_model_get_item (self->conflict_model, i);
      const char * const *sessions = sem_conflict_get_sessions (conflict);

      if (sem_conflict_get_accepted (conflict))
        continue;
      for (guint j = 0; sessions[j] != NULL; j++)
        {
          SemTimetableBlock *block = g_hash_table_lookup (self->blocks, sessions[j]);

          if (block != NULL)
            g_ptr_array_add (block->conflicts, g_object_ref (conflict));
        }
    }

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SemTimetableBlock *block = value;
      GtkWidget *widget = value;
      SemConflictSeverity severity = SEM_CONFLICT_SEVERITY_WARNING;
      gboolean marked = self->conflicts != NULL &&
                        sem_conflict_list_get_session_severity (self->conflicts,
                                                                sem_entity_get_id (SEM_ENTITY (block->session)),
                                                                &severity);
      gboolean error = marked && severity == SEM_CONFLICT_SEVERITY_ERROR;

      if (marked && error)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      if (marked && !error)
        gtk_widget_add_css_class (widget, "warning");
      else
        gtk_widget_remove_css_class (widget, "warning");
      gtk_widget_set_visible (block->icon, marked);
      if (marked)
        gtk_image_set_from_icon_name (GTK_IMAGE (block->icon),
                                      error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
      block_update_accessible (self, block);
    }
}

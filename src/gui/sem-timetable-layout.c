/* sem-timetable-layout.c — the timetable's geometry: time, lanes, layout, drawing
 *
 * The event's local time and days, the rooms as lanes, where a block
 * stands (sessions that clash stand side by side) and the grid's lines
 * and hour labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-timetable"

#include "config.h"

#include <glib/gi18n.h>

#include <math.h>

#include "sem-room.h"
#include "sem-timetable-private.h"

/* ------------------------------------------------------------------------ */
/* Time and lanes */

void
_sem_timetable_lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->room_id);
  g_clear_pointer (&lane->header, gtk_widget_unparent);
  g_free (lane);
}

GDateTime *
_sem_timetable_local_time (SemTimetable *self,
                           gint64        instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, self->tz);
}

char *
_sem_timetable_format_range (GTimeZone *tz,
                             gint64     start,
                             gint64     end)
{
  g_autoptr(GDateTime) s_utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) e_utc = g_date_time_new_from_unix_utc (end);
  g_autoptr(GDateTime) s = g_date_time_to_timezone (s_utc, tz);
  g_autoptr(GDateTime) e = g_date_time_to_timezone (e_utc, tz);
  g_autofree char *first = g_date_time_format (s, "%H:%M");
  g_autofree char *last = g_date_time_format (e, "%H:%M");

  /* Translators: a time range, e.g. "09:15–10:15" */
  return g_strdup_printf (_("%s–%s"), first, last);
}

char *
_sem_timetable_day_of (SemTimetable *self,
                       gint64        instant)
{
  g_autoptr(GDateTime) dt = _sem_timetable_local_time (self, instant);

  return g_date_time_format (dt, "%Y-%m-%d");
}

gint64
_sem_timetable_local_instant (SemTimetable *self,
                              const char   *day,
                              int           hour)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return 0;
  dt = g_date_time_new (self->tz, y, m, d, 0, 0, 0);
  if (dt == NULL)
    return 0;
  return g_date_time_to_unix (dt) + (gint64) hour * 3600;
}

double
_sem_timetable_y_for_instant (SemTimetable *self,
                              gint64        instant)
{
  return GRID_TOP + (instant - self->grid_start) * PX_PER_SECOND;
}

double
_sem_timetable_lane_width (SemTimetable *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n = MAX (self->lanes->len, 1);

  return MAX ((double) MIN_LANE_WIDTH, (width - GUTTER_WIDTH - RIGHT_PAD) / (double) n);
}

/* The rooms of the event's venue, then any other room its sessions use,
 * then "No Room" when a session has none. */
GPtrArray *
_sem_timetable_collect_lanes (SemTimetable *self,
                              GPtrArray    *event_sessions)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *rooms = sem_plan_get_collection (self->plan, SEM_COLLECTION_ROOMS);
  const char *venue = sem_event_get_venue (self->event);
  gboolean no_room = FALSE;
  guint n = g_list_model_get_n_items (rooms);

  for (guint i = 0; venue != NULL && i < n; i++)
    {
      g_autoptr(SemRoom) room = g_list_model_get_item (rooms, i);

      if (g_strcmp0 (sem_room_get_venue (room), venue) == 0)
        g_ptr_array_add (ids, g_strdup (sem_entity_get_id (SEM_ENTITY (room))));
    }
  for (guint i = 0; i < event_sessions->len; i++)
    {
      const char *room = sem_session_get_room (g_ptr_array_index (event_sessions, i));

      if (room == NULL || *room == '\0')
        no_room = TRUE;
      else if (!g_ptr_array_find_with_equal_func (ids, room, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (room));
    }
  if (no_room || ids->len == 0)
    g_ptr_array_add (ids, NULL);
  return ids;
}

void
_sem_timetable_set_lanes (SemTimetable *self,
                          GPtrArray    *ids)
{
  gboolean same = ids->len == self->lanes->len;

  for (guint i = 0; same && i < ids->len; i++)
    same = g_strcmp0 (g_ptr_array_index (ids, i),
                      ((Lane *) g_ptr_array_index (self->lanes, i))->room_id) == 0;

  if (!same)
    {
      g_ptr_array_set_size (self->lanes, 0);
      for (guint i = 0; i < ids->len; i++)
        {
          Lane *lane = g_new0 (Lane, 1);

          lane->room_id = g_strdup (g_ptr_array_index (ids, i));
          lane->header = gtk_label_new (NULL);
          gtk_label_set_ellipsize (GTK_LABEL (lane->header), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (lane->header, "timetable-room-header");
          gtk_widget_add_css_class (lane->header, "heading");
          gtk_widget_set_parent (lane->header, GTK_WIDGET (self));
          g_ptr_array_add (self->lanes, lane);
        }
    }

  /* Names may have changed (or the language). */
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      SemRoom *room = lane->room_id != NULL
        ? SEM_ROOM (sem_plan_lookup (self->plan, SEM_COLLECTION_ROOMS, lane->room_id)) : NULL;
      const char *name = room != NULL ? sem_room_get_name (room, lang ()) : _("No Room");

      gtk_label_set_text (GTK_LABEL (lane->header), name);
      gtk_widget_set_tooltip_text (lane->header, name);
    }
}

guint
_sem_timetable_lane_for_room (SemTimetable *self,
                              const char   *room_id)
{
  if (room_id != NULL && *room_id == '\0')
    room_id = NULL;
  for (guint i = 0; i < self->lanes->len; i++)
    if (g_strcmp0 (((Lane *) g_ptr_array_index (self->lanes, i))->room_id, room_id) == 0)
      return i;
  return 0;
}

/* ------------------------------------------------------------------------ */
/* Layout and drawing */

static int
compare_blocks_cb (gconstpointer a,
                   gconstpointer b)
{
  const SemTimetableBlock *x = *(SemTimetableBlock * const *) a;
  const SemTimetableBlock *y = *(SemTimetableBlock * const *) b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

/* Sessions that overlap in a lane (a clash) stand side by side. */
static void
layout_columns (SemTimetable *self,
                GPtrArray    *sorted)
{
  guint cluster_start = 0;
  gint64 cluster_end = G_MININT64;
  guint cluster_lane = G_MAXUINT;
  g_autoptr(GArray) column_ends = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i <= sorted->len; i++)
    {
      SemTimetableBlock *block = i < sorted->len ? g_ptr_array_index (sorted, i) : NULL;

      if (block == NULL || block->lane != cluster_lane || block->start >= cluster_end)
        {
          for (guint j = cluster_start; j < i; j++)
            SEM_TIMETABLE_BLOCK (g_ptr_array_index (sorted, j))->n_columns = column_ends->len;
          if (block == NULL)
            break;
          cluster_start = i;
          cluster_end = G_MININT64;
          cluster_lane = block->lane;
          g_array_set_size (column_ends, 0);
        }

      block->column = column_ends->len;
      for (guint c = 0; c < column_ends->len; c++)
        if (g_array_index (column_ends, gint64, c) <= block->start)
          {
            block->column = c;
            break;
          }
      if (block->column == column_ends->len)
        g_array_append_val (column_ends, block->end);
      else
        g_array_index (column_ends, gint64, block->column) = block->end;
      cluster_end = MAX (cluster_end, block->end);
    }
}

void
_sem_timetable_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  SemTimetable *self = SEM_TIMETABLE (widget);
  guint n = MAX (self->lanes->len, 1);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = GUTTER_WIDTH + RIGHT_PAD + n * MIN_LANE_WIDTH;
      *natural = GUTTER_WIDTH + RIGHT_PAD + n * NAT_LANE_WIDTH;
    }
  else
    {
      *minimum = *natural = GRID_TOP + GRID_BOTTOM_PAD +
                            (self->last_hour - self->first_hour) * SEM_TIMETABLE_HOUR_HEIGHT;
    }
}

void
_sem_timetable_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SemTimetable *self = SEM_TIMETABLE (widget);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (g_hash_table_size (self->blocks));
  double lane_w = _sem_timetable_lane_width (self);
  double header_y = 0;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_blocks_cb);
  layout_columns (self, sorted);

  for (guint i = 0; i < sorted->len; i++)
    {
      SemTimetableBlock *block = g_ptr_array_index (sorted, i);
      double column_w = (lane_w - 6) / MAX (block->n_columns, 1);
      double x = GUTTER_WIDTH + block->lane * lane_w + 3 + block->column * column_w;
      double y = _sem_timetable_y_for_instant (self, block->start);
      double bottom = _sem_timetable_y_for_instant (self, block->end);

      gtk_widget_size_allocate (GTK_WIDGET (block),
                                &(GtkAllocation) { (int) x + 1, (int) y + 1,
                                                   MAX ((int) column_w - 2, 1),
                                                   MAX ((int) (bottom - y) - 2, 8) },
                                -1);
    }

  if (gtk_widget_get_visible (self->now_line))
    {
      double y = _sem_timetable_y_for_instant (self, self->plan != NULL ? sem_plan_now (self->plan) : 0);

      gtk_widget_size_allocate (self->now_line,
                                &(GtkAllocation) { GUTTER_WIDTH - 4, (int) y - 1,
                                                   width - GUTTER_WIDTH + 4, 2 },
                                -1);
    }

  /* The room headers stay on top of the scrolled grid. */
  if (self->vadjustment != NULL)
    header_y = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, height - HEADER_HEIGHT));
  gtk_widget_size_allocate (self->header_bg,
                            &(GtkAllocation) { 0, (int) header_y, width, HEADER_HEIGHT },
                            -1);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);

      gtk_widget_size_allocate (lane->header,
                                &(GtkAllocation) { (int) (GUTTER_WIDTH + i * lane_w) + 6, (int) header_y,
                                                   MAX ((int) lane_w - 12, 1), HEADER_HEIGHT },
                                -1);
    }
}

static void
append_line (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

void
_sem_timetable_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SemTimetable *self = SEM_TIMETABLE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  double lane_w = _sem_timetable_lane_width (self);
  double grid_bottom = GRID_TOP + (self->last_hour - self->first_hour) * SEM_TIMETABLE_HOUR_HEIGHT;
  GdkRGBA fg, hour_line, half_line, lane_line, label_color;

  gtk_style_context_get_color (context, &fg);
  hour_line = fg;
  hour_line.alpha *= 0.12;
  half_line = fg;
  half_line.alpha *= 0.05;
  lane_line = fg;
  lane_line.alpha *= 0.08;
  label_color = fg;
  label_color.alpha *= 0.55;

  for (int h = self->first_hour; h <= self->last_hour; h++)
    {
      double y = GRID_TOP + (h - self->first_hour) * SEM_TIMETABLE_HOUR_HEIGHT;
      g_autoptr(GDateTime) dt = _sem_timetable_local_time (self, self->day_start + (gint64) h * 3600);
      g_autofree char *text = g_date_time_format (dt, "%H:%M");
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
      int text_w, text_h;

      append_line (snapshot, &hour_line, GUTTER_WIDTH - 6, y, width - GUTTER_WIDTH + 6, 1);
      if (h < self->last_hour)
        append_line (snapshot, &half_line, GUTTER_WIDTH, y + SEM_TIMETABLE_HOUR_HEIGHT / 2.0,
                     width - GUTTER_WIDTH, 1);

      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (GUTTER_WIDTH - 12 - text_w, y - text_h / 2.0));
      gtk_snapshot_append_layout (snapshot, layout, &label_color);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
    }

  for (guint i = 0; i <= self->lanes->len; i++)
    append_line (snapshot, &lane_line, GUTTER_WIDTH + i * lane_w, GRID_TOP, 1, grid_bottom - GRID_TOP);

  /* Chains up to GtkWidget, as sem_timetable_parent_class would. */
  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->snapshot (widget, snapshot);
}

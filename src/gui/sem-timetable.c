/* sem-timetable.c — one day of an event: rooms as lanes, sessions as blocks
 *
 * The day's hours run down, the rooms across. Each session of the day is a
 * focusable block widget (so focus, tooltips and accessibility come for
 * free); the grid lines and hour labels are drawn. Only the shown day's
 * sessions have blocks, and a rebuild reuses the blocks it already has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sem-timetable"

#include "config.h"

#include <glib/gi18n.h>

#include "sem-city.h"
#include "sem-delegation.h"
#include "sem-entity-editor.h"
#include "sem-room.h"
#include "sem-session.h"
#include "sem-timetable.h"
#include "sem-window-private.h"

#define HEADER_HEIGHT   40
#define GRID_TOP        (HEADER_HEIGHT + 12)
#define GRID_BOTTOM_PAD 12
#define GUTTER_WIDTH    60
#define RIGHT_PAD       8
#define MIN_LANE_WIDTH  128
#define NAT_LANE_WIDTH  200
#define HANDLE_HEIGHT   6
#define SNAP_SECONDS    (15 * 60)
#define PX_PER_SECOND   (SEM_TIMETABLE_HOUR_HEIGHT / 3600.0)

/* ------------------------------------------------------------------------ */
/* A session's block */

#define SEM_TYPE_TIMETABLE_BLOCK (sem_timetable_block_get_type ())
G_DECLARE_FINAL_TYPE (SemTimetableBlock, sem_timetable_block, SEM, TIMETABLE_BLOCK, GtkWidget)

struct _SemTimetableBlock
{
  GtkWidget   parent_instance;

  GtkWidget  *content;
  GtkWidget  *title;
  GtkWidget  *time;
  GtkWidget  *icon;
  GtkWidget  *handle;

  SemSession *session;
  GPtrArray  *cities;        /* SemCity: the attending delegations' cities */
  GPtrArray  *conflicts;     /* SemConflict: the session's, not accepted;
                              * explained only when a tooltip asks */
  gint64      start;         /* as shown: the model's, or a drag's preview */
  gint64      end;
  guint       lane;
  guint       column;        /* among the blocks overlapping it in its lane */
  guint       n_columns;
  guint       seen : 1;
};

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

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (self->content), row);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->title, TRUE);
  gtk_widget_set_valign (self->title, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->title, "timetable-block-title");
  gtk_box_append (GTK_BOX (row), self->title);

  self->icon = gtk_image_new ();
  gtk_widget_set_valign (self->icon, GTK_ALIGN_START);
  gtk_widget_set_visible (self->icon, FALSE);
  gtk_widget_add_css_class (self->icon, "timetable-conflict-icon");
  gtk_box_append (GTK_BOX (row), self->icon);

  self->time = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->time), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->time), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->time, "timetable-block-time");
  gtk_widget_add_css_class (self->time, "caption");
  gtk_widget_add_css_class (self->time, "numeric");
  gtk_box_append (GTK_BOX (self->content), self->time);

  /* The bottom edge: dragging it resizes the session. */
  self->handle = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->handle, "timetable-block-handle");
  gtk_widget_set_cursor (self->handle, resize_cursor);
  gtk_widget_set_parent (self->handle, GTK_WIDGET (self));

  self->conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/* ------------------------------------------------------------------------ */
/* The grid */

typedef struct
{
  char      *room_id;  /* NULL: the sessions without a room */
  GtkWidget *header;
} Lane;

struct _SemTimetable
{
  GtkWidget        parent_instance;

  /* owned */
  SemPlan         *plan;
  SemEvent        *event;
  SemConflictList *conflicts;
  GListModel      *conflict_model;
  GtkAdjustment   *vadjustment;
  GTimeZone       *tz;
  char            *day;
  GStrv            days;
  GPtrArray       *lanes;          /* Lane */
  GHashTable      *blocks;         /* session id → SemTimetableBlock (a child) */
  GtkWidget       *now_line;       /* children, in this order: blocks, now line, */
  GtkWidget       *header_bg;      /* header background, room headers */
  GtkGesture      *drag;
  char            *highlight_id;
  guint            n_sessions;     /* of the event, all days */
  guint            now_timer_id;
  guint            highlight_id_timeout;
  guint            scroll_idle_id;
  double           scroll_to;      /* < 0: nothing pending */

  /* the day's grid, in the event's timezone */
  gint64           day_start;
  gint64           day_end;
  gint64           grid_start;
  int              first_hour;
  int              last_hour;

  /* a drag in progress */
  SemTimetableBlock *drag_block;
  gboolean         drag_resize;
  gboolean         dragging;
  gboolean         drag_cancelled;
  double           drag_x;
  double           drag_y;
};

enum
{
  PROP_0,
  PROP_PLAN,
  PROP_EVENT,
  PROP_CONFLICTS,
  PROP_DAY,
  PROP_DAYS,
  PROP_N_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SemTimetable, sem_timetable, GTK_TYPE_WIDGET)

static void rebuild (SemTimetable *self);
static void update_marks (SemTimetable *self);

static void
lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->room_id);
  g_clear_pointer (&lane->header, gtk_widget_unparent);
  g_free (lane);
}

static const char *
lang (void)
{
  return sem_window_ui_language ();
}

static GDateTime *
local_time (SemTimetable *self,
            gint64        instant)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (instant);

  return g_date_time_to_timezone (utc, self->tz);
}

static char *
format_range (GTimeZone *tz,
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

static char *
day_of (SemTimetable *self,
        gint64        instant)
{
  g_autoptr(GDateTime) dt = local_time (self, instant);

  return g_date_time_format (dt, "%Y-%m-%d");
}

static gint64
local_instant (SemTimetable *self,
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

static double
y_for_instant (SemTimetable *self,
               gint64        instant)
{
  return GRID_TOP + (instant - self->grid_start) * PX_PER_SECOND;
}

static double
lane_width (SemTimetable *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n = MAX (self->lanes->len, 1);

  return MAX ((double) MIN_LANE_WIDTH, (width - GUTTER_WIDTH - RIGHT_PAD) / (double) n);
}

static int
lane_at (SemTimetable *self,
         double        x)
{
  int lane = (int) floor ((x - GUTTER_WIDTH) / lane_width (self));

  return CLAMP (lane, 0, (int) self->lanes->len - 1);
}

static gint64
snap (SemTimetable *self,
      gint64        instant)
{
  double steps = (instant - self->grid_start) / (double) SNAP_SECONDS;

  return self->grid_start + (gint64) round (steps) * SNAP_SECONDS;
}

static SemTimetableBlock *
block_at (SemTimetable *self,
          double        x,
          double        y,
          gboolean     *on_handle)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (on_handle != NULL)
    *on_handle = FALSE;
  for (GtkWidget *w = picked; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    {
      if (SEM_IS_TIMETABLE_BLOCK (w))
        {
          if (on_handle != NULL)
            *on_handle = picked == SEM_TIMETABLE_BLOCK (w)->handle;
          return SEM_TIMETABLE_BLOCK (w);
        }
    }
  return NULL;
}

static SemTimetableBlock *
focused_block (SemTimetable *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));

  return SEM_IS_TIMETABLE_BLOCK (child) ? SEM_TIMETABLE_BLOCK (child) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Blocks: text, marks, tooltip */

static char *
block_dup_tooltip (SemTimetable      *self,
                   SemTimetableBlock *block)
{
  SemSession *session = block->session;
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GPtrArray) zones = g_ptr_array_new ();  /* const char *: distinct identifiers */
  g_autofree char *title = g_markup_escape_text (sem_session_get_title (session, lang ()), -1);
  g_autofree char *range = format_range (self->tz, sem_session_get_start (session),
                                         sem_session_get_end (session));
  const char *room_id = sem_session_get_room (session);
  SemRoom *room = room_id != NULL ? SEM_ROOM (sem_plan_lookup (self->plan, SEM_COLLECTION_ROOMS, room_id)) : NULL;
  g_autoptr(GDateTime) at = local_time (self, sem_session_get_start (session));

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
      home_range = format_range (tz, sem_session_get_start (session), sem_session_get_end (session));
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
static gboolean
block_query_tooltip_cb (GtkWidget  *widget,
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
  markup = block_dup_tooltip (self, SEM_TIMETABLE_BLOCK (widget));
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
block_update_accessible (SemTimetable      *self,
                         SemTimetableBlock *block)
{
  g_autofree char *range = format_range (self->tz, sem_session_get_start (block->session),
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

static void
block_update (SemTimetable      *self,
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

  gtk_label_set_text (GTK_LABEL (block->title), sem_session_get_title (session, lang ()));
  range = format_range (self->tz, block->start, sem_session_get_end (session));
  gtk_label_set_text (GTK_LABEL (block->time), range);

  /* As many lines of title as the block has room for, the time below it
   * when there is room for that too. */
  duration = block->end - block->start;
  height = (int) (duration * PX_PER_SECOND) - 2 - 8;
  gtk_widget_set_visible (block->time, height >= 40);
  lines = (height - (height >= 40 ? 16 : 0)) / 18;
  gtk_label_set_lines (GTK_LABEL (block->title), MAX (lines, 1));

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

static void
update_marks (SemTimetable *self)
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

/* ------------------------------------------------------------------------ */
/* Rebuilding from the model */

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static int
compare_strings_cb (gconstpointer a,
                    gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The rooms of the event's venue, then any other room its sessions use,
 * then "No Room" when a session has none. */
static GPtrArray *
collect_lanes (SemTimetable *self,
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

static void
set_lanes (SemTimetable *self,
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

static guint
lane_for_room (SemTimetable *self,
               const char   *room_id)
{
  if (room_id != NULL && *room_id == '\0')
    room_id = NULL;
  for (guint i = 0; i < self->lanes->len; i++)
    if (g_strcmp0 (((Lane *) g_ptr_array_index (self->lanes, i))->room_id, room_id) == 0)
      return i;
  return 0;
}

/* session id → GPtrArray of SemCity: the cities of the delegations attending it */
static GHashTable *
collect_attending_cities (SemTimetable *self)
{
  GHashTable *cities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  GListModel *delegations = sem_plan_get_collection (self->plan, SEM_COLLECTION_DELEGATIONS);
  const char *event_id = sem_entity_get_id (SEM_ENTITY (self->event));
  guint n = g_list_model_get_n_items (delegations);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SemDelegation) delegation = g_list_model_get_item (delegations, i);
      const char * const *attendance = sem_delegation_get_attendance (delegation);
      const char *city_id = sem_delegation_get_city (delegation);
      SemCity *city;

      if (g_strcmp0 (sem_delegation_get_event (delegation), event_id) != 0 ||
          sem_delegation_get_status (delegation) == SEM_DELEGATION_STATUS_DECLINED ||
          attendance == NULL || city_id == NULL)
        continue;
      city = SEM_CITY (sem_plan_lookup (self->plan, SEM_COLLECTION_CITIES, city_id));
      if (city == NULL)
        continue;

      for (guint j = 0; attendance[j] != NULL; j++)
        {
          const char *session_id = strchr (attendance[j], ':');
          GPtrArray *list;

          if (session_id == NULL || !g_hash_table_contains (self->blocks, session_id + 1))
            continue;
          session_id++;
          list = g_hash_table_lookup (cities, session_id);
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (cities, g_strdup (session_id), list);
            }
          if (!g_ptr_array_find (list, city, NULL))
            g_ptr_array_add (list, g_object_ref (city));
        }
    }
  return cities;
}

static void
remove_block (SemTimetable      *self,
              SemTimetableBlock *block)
{
  if (self->drag_block == block)
    self->drag_block = NULL;
  gtk_widget_unparent (GTK_WIDGET (block));
}

static void
clear_blocks (SemTimetable *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      remove_block (self, value);
      g_hash_table_iter_remove (&iter);
    }
}

static void
update_now (SemTimetable *self)
{
  gboolean shown = FALSE;

  if (self->plan != NULL && self->day != NULL)
    {
      gint64 now = sem_plan_now (self->plan);
      gint64 grid_end = self->grid_start + (gint64) (self->last_hour - self->first_hour) * 3600;

      shown = now >= self->grid_start && now <= grid_end;
    }
  gtk_widget_set_visible (self->now_line, shown);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_days (SemTimetable *self,
          GStrv         days)
{
  if (strv_equal0 (self->days, days))
    {
      g_strfreev (days);
      return;
    }
  g_strfreev (self->days);
  self->days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS]);
}

static void
rebuild (SemTimetable *self)
{
  g_autoptr(GPtrArray) event_sessions = g_ptr_array_new ();
  g_autoptr(GPtrArray) day_sessions = g_ptr_array_new ();
  g_autoptr(GPtrArray) day_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lane_ids = NULL;
  g_autoptr(GHashTable) cities = NULL;
  GHashTableIter iter;
  gpointer value;
  GListModel *sessions;
  const char *event_id;
  gint64 first = G_MAXINT64, last = G_MININT64;
  guint n;

  if (self->plan == NULL || self->event == NULL)
    {
      clear_blocks (self);
      g_ptr_array_set_size (self->lanes, 0);
      set_days (self, NULL);
      if (self->n_sessions != 0)
        {
          self->n_sessions = 0;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SESSIONS]);
        }
      gtk_widget_queue_resize (GTK_WIDGET (self));
      return;
    }

  event_id = sem_entity_get_id (SEM_ENTITY (self->event));
  sessions = sem_plan_get_collection (self->plan, SEM_COLLECTION_SESSIONS);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      SemSession *session = g_list_model_get_item (sessions, i);

      /* The plan holds a reference for as long as the session is in it. */
      g_object_unref (session);
      if (g_strcmp0 (sem_session_get_event (session), event_id) == 0)
        g_ptr_array_add (event_sessions, session);
    }

  /* The days: the event's dates and any day a session starts on. */
  {
    const char *start_date = sem_event_get_start_date (self->event);
    const char *end_date = sem_event_get_end_date (self->event);
    g_autoptr(GDateTime) d = NULL;
    g_autoptr(GPtrArray) strv = NULL;

    if (start_date != NULL)
      {
        int y, m, dd;

        if (sscanf (start_date, "%4d-%2d-%2d", &y, &m, &dd) == 3)
          d = g_date_time_new_utc (y, m, dd, 0, 0, 0);
      }
    for (int i = 0; d != NULL && i < 366; i++)
      {
        g_autofree char *text = g_date_time_format (d, "%Y-%m-%d");
        GDateTime *next;

        g_ptr_array_add (day_list, g_steal_pointer (&text));
        if (end_date == NULL || strcmp (g_ptr_array_index (day_list, day_list->len - 1), end_date) >= 0)
          break;
        next = g_date_time_add_days (d, 1);
        g_date_time_unref (d);
        d = next;
      }
    for (guint i = 0; i < event_sessions->len; i++)
      {
        g_autofree char *day = day_of (self, sem_session_get_start (g_ptr_array_index (event_sessions, i)));

        if (!g_ptr_array_find_with_equal_func (day_list, day, g_str_equal, NULL))
          g_ptr_array_add (day_list, g_steal_pointer (&day));
      }
    g_ptr_array_sort (day_list, compare_strings_cb);
    strv = g_ptr_array_new ();
    for (guint i = 0; i < day_list->len; i++)
      g_ptr_array_add (strv, g_strdup (g_ptr_array_index (day_list, i)));
    g_ptr_array_add (strv, NULL);
    set_days (self, (GStrv) g_ptr_array_free (g_steal_pointer (&strv), FALSE));
  }

  if (self->n_sessions != event_sessions->len)
    {
      self->n_sessions = event_sessions->len;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SESSIONS]);
    }

  if (self->day == NULL || !g_strv_contains ((const char * const *) self->days, self->day))
    {
      g_free (self->day);
      self->day = self->days != NULL && self->days[0] != NULL ? g_strdup (self->days[0]) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }

  self->day_start = local_instant (self, self->day, 0);
  {
    /* The next local midnight, whatever the day's length. */
    g_autoptr(GDateTime) start = local_time (self, self->day_start);
    g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);

    self->day_end = g_date_time_to_unix (next);
  }

  for (guint i = 0; i < event_sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (event_sessions, i);
      gint64 start = sem_session_get_start (session);

      if (start < self->day_start || start >= self->day_end)
        continue;
      g_ptr_array_add (day_sessions, session);
      first = MIN (first, start);
      last = MAX (last, MAX (sem_session_get_end (session), start + SNAP_SECONDS));
    }

  /* 08:00–19:00, wider when a session starts earlier (with an hour before
   * it) or ends later. */
  self->first_hour = 8;
  self->last_hour = 19;
  if (first != G_MAXINT64)
    {
      int first_hour = (int) ((first - self->day_start) / 3600) - 1;
      int last_hour = (int) ((MIN (last, self->day_end) - self->day_start + 3599) / 3600);

      self->first_hour = CLAMP (MIN (self->first_hour, first_hour), 0, 23);
      self->last_hour = CLAMP (MAX (self->last_hour, last_hour), self->first_hour + 1, 24);
    }
  self->grid_start = self->day_start + (gint64) self->first_hour * 3600;

  lane_ids = collect_lanes (self, event_sessions);
  set_lanes (self, lane_ids);

  /* Reuse the blocks there are; make the missing ones; drop the rest. */
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    SEM_TIMETABLE_BLOCK (value)->seen = FALSE;

  for (guint i = 0; i < day_sessions->len; i++)
    {
      SemSession *session = g_ptr_array_index (day_sessions, i);
      const char *id = sem_entity_get_id (SEM_ENTITY (session));
      SemTimetableBlock *block = g_hash_table_lookup (self->blocks, id);

      if (block == NULL)
        {
          block = g_object_new (SEM_TYPE_TIMETABLE_BLOCK, NULL);
          block->session = g_object_ref (session);
          g_signal_connect (block, "query-tooltip", G_CALLBACK (block_query_tooltip_cb), NULL);
          gtk_widget_insert_before (GTK_WIDGET (block), GTK_WIDGET (self), self->now_line);
          g_hash_table_insert (self->blocks, g_strdup (id), block);
        }
      block->seen = TRUE;
      if (block != self->drag_block)
        {
          block_update (self, block);
          block->lane = lane_for_room (self, sem_session_get_room (session));
        }
    }

  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (!SEM_TIMETABLE_BLOCK (value)->seen)
      {
        remove_block (self, value);
        g_hash_table_iter_remove (&iter);
      }

  cities = collect_attending_cities (self);
  g_hash_table_iter_init (&iter, self->blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SemTimetableBlock *block = value;
      GPtrArray *list = g_hash_table_lookup (cities, sem_entity_get_id (SEM_ENTITY (block->session)));

      g_clear_pointer (&block->cities, g_ptr_array_unref);
      block->cities = list != NULL ? g_ptr_array_ref (list) : NULL;
    }

  update_marks (self);
  update_now (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Editing */

static void
open_block (SemTimetable      *self,
            SemTimetableBlock *block)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SemEntityEditor *editor;

  editor = sem_entity_editor_new_edit (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->plan, SEM_ENTITY (block->session));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
create_session (SemTimetable *self,
                guint         lane,
                gint64        start)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(SemSession) defaults = sem_session_new ("new-session");
  const Lane *l = lane < self->lanes->len ? g_ptr_array_index (self->lanes, lane) : NULL;
  SemEntityEditor *editor;

  g_object_set (defaults,
                "event", sem_entity_get_id (SEM_ENTITY (self->event)),
                "start", start,
                "end", start + 3600,
                "room", l != NULL ? l->room_id : NULL,
                NULL);
  editor = sem_entity_editor_new_create (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         self->plan, SEM_COLLECTION_SESSIONS, SEM_ENTITY (defaults));
  gtk_window_present (GTK_WINDOW (editor));
}

/* Where a drag by (@dx, @dy) from the session's place puts it. */
static void
drag_result (SemTimetable      *self,
             SemTimetableBlock *block,
             gboolean           resize,
             double             dx,
             double             dy,
             gint64            *start,
             gint64            *end,
             guint             *lane)
{
  gint64 old_start = sem_session_get_start (block->session);
  gint64 old_end = MAX (sem_session_get_end (block->session), old_start);
  gint64 delta = (gint64) round (dy / PX_PER_SECOND);
  gint64 grid_end = self->grid_start + (gint64) (self->last_hour - self->first_hour) * 3600;
  double lane_w = lane_width (self);

  if (resize)
    {
      *start = old_start;
      *end = MAX (snap (self, old_end + delta), old_start + SNAP_SECONDS);
      *lane = lane_for_room (self, sem_session_get_room (block->session));
      return;
    }

  *start = snap (self, old_start + delta);
  *start = CLAMP (*start, self->grid_start, MAX (self->grid_start, grid_end - SNAP_SECONDS));
  *end = *start + (old_end - old_start);
  *lane = lane_at (self, GUTTER_WIDTH + (lane_for_room (self, sem_session_get_room (block->session)) + 0.5) * lane_w + dx);
}

/* Puts the session where the drag left it, as one undoable step. */
static void
commit (SemTimetable      *self,
        SemTimetableBlock *block,
        gboolean           resize,
        gint64             start,
        gint64             end,
        guint              lane)
{
  SemSession *session = block->session;
  const char *old_room = sem_session_get_room (session);
  const char *room = lane < self->lanes->len ? ((Lane *) g_ptr_array_index (self->lanes, lane))->room_id : old_room;

  if (start == sem_session_get_start (session) && end == sem_session_get_end (session) &&
      g_strcmp0 (room, old_room) == 0)
    {
      block_update (self, block);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  sem_plan_begin_group (self->plan, resize ? C_("undo action", "Resize Session")
                                           : C_("undo action", "Move Session"));
  if (g_strcmp0 (room, old_room) != 0)
    sem_plan_set (self->plan, SEM_ENTITY (session), "start", start, "end", end, "room", room, NULL);
  else
    sem_plan_set (self->plan, SEM_ENTITY (session), "start", start, "end", end, NULL);
  sem_plan_end_group (self->plan);
}

static void
finish_drag (SemTimetable      *self,
             SemTimetableBlock *block,
             gboolean           resize,
             double             dx,
             double             dy)
{
  gint64 start, end;
  guint lane;

  drag_result (self, block, resize, dx, dy, &start, &end, &lane);
  self->drag_block = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (block), "timetable-dragging");
  commit (self, block, resize, start, end, lane);
}

static void
cancel_drag (SemTimetable *self)
{
  SemTimetableBlock *block = self->drag_block;

  if (block == NULL)
    return;
  self->drag_cancelled = TRUE;
  self->drag_block = NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (block), "timetable-dragging");
  block_update (self, block);
  block->lane = lane_for_room (self, sem_session_get_room (block->session));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SemTimetable   *self)
{
  gboolean on_handle;
  SemTimetableBlock *block = block_at (self, x, y, &on_handle);

  self->drag_block = block;
  self->drag_resize = on_handle;
  self->dragging = FALSE;
  self->drag_cancelled = FALSE;
  self->drag_x = x;
  self->drag_y = y;
  if (block == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (block));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SemTimetable   *self)
{
  SemTimetableBlock *block = self->drag_block;
  gint64 start, end;
  guint lane;

  if (block == NULL || self->drag_cancelled)
    return;
  if (!self->dragging)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_x, (int) self->drag_y,
                                     (int) (self->drag_x + dx), (int) (self->drag_y + dy)))
        return;
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_add_css_class (GTK_WIDGET (block), "timetable-dragging");
    }

  drag_result (self, block, self->drag_resize, dx, dy, &start, &end, &lane);
  block->start = start;
  block->end = end;
  block->lane = lane;
  {
    g_autofree char *range = format_range (self->tz, start, end);

    gtk_label_set_text (GTK_LABEL (block->time), range);
  }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SemTimetable   *self)
{
  SemTimetableBlock *block = self->drag_block;

  if (block == NULL || self->drag_cancelled)
    return;
  if (self->dragging)
    finish_drag (self, block, self->drag_resize, dx, dy);
  else
    {
      self->drag_block = NULL;
      open_block (self, block);
    }
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SemTimetable    *self)
{
  gint64 start;

  if (n_press != 2 || self->plan == NULL || self->event == NULL || y < GRID_TOP ||
      x < GUTTER_WIDTH || block_at (self, x, y, NULL) != NULL)
    return;

  /* The quarter hour that was clicked. */
  start = self->grid_start + (gint64) floor ((y - GRID_TOP) / PX_PER_SECOND / SNAP_SECONDS) * SNAP_SECONDS;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  create_session (self, lane_at (self, x), start);
}

/* Alt+Up/Down moves the focused session by a quarter hour, Alt+Left/Right to
 * the next room, Shift+Alt+Up/Down changes its end. */
static void
nudge (SemTimetable      *self,
       SemTimetableBlock *block,
       int                minutes,
       int                lanes,
       gboolean           resize)
{
  SemSession *session = block->session;
  gint64 start = sem_session_get_start (session);
  gint64 end = sem_session_get_end (session);
  int lane = (int) lane_for_room (self, sem_session_get_room (session)) + lanes;

  if (resize)
    end = MAX (end + minutes * 60, start + SNAP_SECONDS);
  else
    {
      start += minutes * 60;
      end += minutes * 60;
    }
  commit (self, block, resize, start, end, CLAMP (lane, 0, (int) self->lanes->len - 1));
  gtk_widget_grab_focus (GTK_WIDGET (block));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SemTimetable          *self)
{
  SemTimetableBlock *block;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (keyval == GDK_KEY_Escape && self->drag_block != NULL)
    {
      cancel_drag (self);
      gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
      return GDK_EVENT_STOP;
    }

  block = focused_block (self);
  if (block == NULL || self->plan == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (alt)
        return GDK_EVENT_PROPAGATE;
      open_block (self, block);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!alt)
        return GDK_EVENT_PROPAGATE;
      nudge (self, block, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -15 : 15, 0, shift);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (!alt || shift)
        return GDK_EVENT_PROPAGATE;
      nudge (self, block, 0, keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left ? -1 : 1, FALSE);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
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

static void
sem_timetable_measure (GtkWidget      *widget,
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

static void
sem_timetable_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SemTimetable *self = SEM_TIMETABLE (widget);
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (g_hash_table_size (self->blocks));
  double lane_w = lane_width (self);
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
      double y = y_for_instant (self, block->start);
      double bottom = y_for_instant (self, block->end);

      gtk_widget_size_allocate (GTK_WIDGET (block),
                                &(GtkAllocation) { (int) x + 1, (int) y + 1,
                                                   MAX ((int) column_w - 2, 1),
                                                   MAX ((int) (bottom - y) - 2, 8) },
                                -1);
    }

  if (gtk_widget_get_visible (self->now_line))
    {
      double y = y_for_instant (self, self->plan != NULL ? sem_plan_now (self->plan) : 0);

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

static void
sem_timetable_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SemTimetable *self = SEM_TIMETABLE (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  double lane_w = lane_width (self);
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
      g_autoptr(GDateTime) dt = local_time (self, self->day_start + (gint64) h * 3600);
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

  GTK_WIDGET_CLASS (sem_timetable_parent_class)->snapshot (widget, snapshot);
}

/* ------------------------------------------------------------------------ */
/* GObject */

static void
plan_changed_cb (SemTimetable *self)
{
  rebuild (self);
}

static void
conflicts_changed_cb (SemTimetable *self)
{
  update_marks (self);
}

static void
vadjustment_changed_cb (SemTimetable *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
now_timer_cb (gpointer user_data)
{
  update_now (SEM_TIMETABLE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
sem_timetable_map (GtkWidget *widget)
{
  SemTimetable *self = SEM_TIMETABLE (widget);

  GTK_WIDGET_CLASS (sem_timetable_parent_class)->map (widget);
  update_now (self);
  if (self->now_timer_id == 0)
    self->now_timer_id = g_timeout_add_seconds (30, now_timer_cb, self);
}

static void
sem_timetable_unmap (GtkWidget *widget)
{
  SemTimetable *self = SEM_TIMETABLE (widget);

  g_clear_handle_id (&self->now_timer_id, g_source_remove);
  GTK_WIDGET_CLASS (sem_timetable_parent_class)->unmap (widget);
}

static void
sem_timetable_dispose (GObject *object)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  sem_timetable_set_plan (self, NULL);
  sem_timetable_set_conflicts (self, NULL);
  sem_timetable_set_vadjustment (self, NULL);
  g_clear_handle_id (&self->now_timer_id, g_source_remove);
  g_clear_handle_id (&self->highlight_id_timeout, g_source_remove);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  if (self->blocks != NULL)
    clear_blocks (self);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->now_line, gtk_widget_unparent);
  g_clear_pointer (&self->header_bg, gtk_widget_unparent);
  g_clear_object (&self->event);
  G_OBJECT_CLASS (sem_timetable_parent_class)->dispose (object);
}

static void
sem_timetable_finalize (GObject *object)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_clear_pointer (&self->days, g_strfreev);
  g_free (self->day);
  g_free (self->highlight_id);
  G_OBJECT_CLASS (sem_timetable_parent_class)->finalize (object);
}

static void
sem_timetable_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_CONFLICTS:
      g_value_set_object (value, self->conflicts);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PROP_DAYS:
      g_value_set_boxed (value, self->days);
      break;
    case PROP_N_SESSIONS:
      g_value_set_uint (value, self->n_sessions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_timetable_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SemTimetable *self = SEM_TIMETABLE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sem_timetable_set_plan (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      sem_timetable_set_event (self, g_value_get_object (value));
      break;
    case PROP_CONFLICTS:
      sem_timetable_set_conflicts (self, g_value_get_object (value));
      break;
    case PROP_DAY:
      sem_timetable_set_day (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sem_timetable_class_init (SemTimetableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sem_timetable_dispose;
  object_class->finalize = sem_timetable_finalize;
  object_class->get_property = sem_timetable_get_property;
  object_class->set_property = sem_timetable_set_property;
  widget_class->measure = sem_timetable_measure;
  widget_class->size_allocate = sem_timetable_size_allocate;
  widget_class->snapshot = sem_timetable_snapshot;
  widget_class->map = sem_timetable_map;
  widget_class->unmap = sem_timetable_unmap;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, SEM_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, SEM_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICTS] =
    g_param_spec_object ("conflicts", NULL, NULL, SEM_TYPE_CONFLICT_LIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] =
    g_param_spec_boxed ("days", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SESSIONS] =
    g_param_spec_uint ("n-sessions", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timetable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
sem_timetable_init (SemTimetable *self)
{
  GtkEventController *key;
  GtkGesture *click;

  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tz = g_time_zone_new_utc ();
  self->first_hour = 8;
  self->last_hour = 19;
  self->scroll_to = -1;

  gtk_widget_add_css_class (GTK_WIDGET (self), "timetable");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timetable"), -1);

  self->now_line = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->now_line, "timetable-now");
  gtk_widget_set_can_target (self->now_line, FALSE);
  gtk_widget_set_visible (self->now_line, FALSE);
  gtk_widget_set_parent (self->now_line, GTK_WIDGET (self));

  self->header_bg = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->header_bg, "timetable-header");
  gtk_widget_set_parent (self->header_bg, GTK_WIDGET (self));

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

/* ------------------------------------------------------------------------ */
/* API */

GtkWidget *
sem_timetable_new (void)
{
  return g_object_new (SEM_TYPE_TIMETABLE, NULL);
}

SemPlan *
sem_timetable_get_plan (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->plan;
}

void
sem_timetable_set_plan (SemTimetable *self,
                        SemPlan      *plan)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));
  g_return_if_fail (plan == NULL || SEM_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
  self->drag_block = NULL;
  clear_blocks (self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

SemEvent *
sem_timetable_get_event (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->event;
}

void
sem_timetable_set_event (SemTimetable *self,
                         SemEvent     *event)
{
  const char *zone;

  g_return_if_fail (SEM_IS_TIMETABLE (self));
  g_return_if_fail (event == NULL || SEM_IS_EVENT (event));

  if (self->event == event)
    return;
  g_set_object (&self->event, event);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  zone = event != NULL ? sem_event_get_timezone (event) : NULL;
  self->tz = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
  if (self->tz == NULL)
    self->tz = g_time_zone_new_utc ();
  self->drag_block = NULL;
  clear_blocks (self);
  g_clear_pointer (&self->day, g_free);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

SemConflictList *
sem_timetable_get_conflicts (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->conflicts;
}

void
sem_timetable_set_conflicts (SemTimetable    *self,
                             SemConflictList *conflicts)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));
  g_return_if_fail (conflicts == NULL || SEM_IS_CONFLICT_LIST (conflicts));

  if (self->conflicts == conflicts)
    return;
  if (self->conflict_model != NULL)
    g_signal_handlers_disconnect_by_func (self->conflict_model, conflicts_changed_cb, self);
  g_clear_object (&self->conflict_model);
  g_set_object (&self->conflicts, conflicts);
  if (conflicts != NULL)
    {
      self->conflict_model = g_object_ref (sem_conflict_list_get_conflicts (conflicts));
      g_signal_connect_object (self->conflict_model, "items-changed",
                               G_CALLBACK (conflicts_changed_cb), self, G_CONNECT_SWAPPED);
    }
  update_marks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICTS]);
}

const char *
sem_timetable_get_day (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return self->day;
}

void
sem_timetable_set_day (SemTimetable *self,
                       const char   *day)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  self->drag_block = NULL;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

const char * const *
sem_timetable_get_days (SemTimetable *self)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return (const char * const *) self->days;
}

char *
sem_timetable_dup_session_day (SemTimetable *self,
                               const char   *session_id)
{
  SemSession *session;

  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);

  if (self->plan == NULL || session_id == NULL)
    return NULL;
  session = SEM_SESSION (sem_plan_lookup (self->plan, SEM_COLLECTION_SESSIONS, session_id));
  return session != NULL ? day_of (self, sem_session_get_start (session)) : NULL;
}

void
sem_timetable_set_vadjustment (SemTimetable  *self,
                               GtkAdjustment *vadjustment)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));

  if (self->vadjustment == vadjustment)
    return;
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, vadjustment_changed_cb, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    g_signal_connect_object (vadjustment, "value-changed",
                             G_CALLBACK (vadjustment_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

GtkWidget *
sem_timetable_get_block (SemTimetable *self,
                         const char   *session_id)
{
  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);
  return session_id != NULL ? g_hash_table_lookup (self->blocks, session_id) : NULL;
}

void
sem_timetable_add_session (SemTimetable *self)
{
  g_return_if_fail (SEM_IS_TIMETABLE (self));

  if (self->plan == NULL || self->event == NULL || self->day == NULL)
    return;
  create_session (self, 0, self->day_start + 9 * 3600);
}

/**
 * sem_timetable_dup_tooltip:
 *
 * Returns: (transfer full) (nullable): the Pango markup of the tooltip of
 *   the block of @session_id on the shown day
 */
char *
sem_timetable_dup_tooltip (SemTimetable *self,
                           const char   *session_id)
{
  SemTimetableBlock *block;

  g_return_val_if_fail (SEM_IS_TIMETABLE (self), NULL);

  block = session_id != NULL ? g_hash_table_lookup (self->blocks, session_id) : NULL;
  return block != NULL ? block_dup_tooltip (self, block) : NULL;
}

static gboolean
unhighlight_cb (gpointer user_data)
{
  SemTimetable *self = user_data;
  SemTimetableBlock *block = g_hash_table_lookup (self->blocks, self->highlight_id);

  self->highlight_id_timeout = 0;
  if (block != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (block), "timetable-highlight");
  g_clear_pointer (&self->highlight_id, g_free);
  return G_SOURCE_REMOVE;
}

static gboolean
scroll_idle_cb (gpointer user_data)
{
  SemTimetable *self = user_data;

  self->scroll_idle_id = 0;
  if (self->vadjustment != NULL && self->scroll_to >= 0)
    gtk_adjustment_set_value (self->vadjustment, self->scroll_to);
  self->scroll_to = -1;
  return G_SOURCE_REMOVE;
}

gboolean
sem_timetable_focus_session (SemTimetable *self,
                             const char   *session_id)
{
  SemTimetableBlock *block;

  g_return_val_if_fail (SEM_IS_TIMETABLE (self), FALSE);

  block = session_id != NULL ? g_hash_table_lookup (self->blocks, session_id) : NULL;
  if (block == NULL)
    return FALSE;

  if (self->highlight_id != NULL)
    unhighlight_cb (self);
  g_clear_handle_id (&self->highlight_id_timeout, g_source_remove);
  self->highlight_id = g_strdup (session_id);
  gtk_widget_add_css_class (GTK_WIDGET (block), "timetable-highlight");
  self->highlight_id_timeout = g_timeout_add_seconds (3, unhighlight_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (block));

  /* After the next layout, when the scrolled window knows the new day's height. */
  self->scroll_to = MAX (0, y_for_instant (self, block->start) - GRID_TOP - 24);
  if (self->scroll_idle_id == 0)
    self->scroll_idle_id = g_timeout_add (50, scroll_idle_cb, self);
  return TRUE;
}

/* The same as the end of a pointer drag of the session's block by (@dx, @dy). */
void
sem_timetable_drag_session_for_test (SemTimetable *self,
                                     const char   *session_id,
                                     double        dx,
                                     double        dy)
{
  SemTimetableBlock *block;

  g_return_if_fail (SEM_IS_TIMETABLE (self));
  block = g_hash_table_lookup (self->blocks, session_id);
  g_return_if_fail (block != NULL);
  finish_drag (self, block, FALSE, dx, dy);
}

/* The same as the end of a pointer drag of the block's bottom edge by @dy. */
void
sem_timetable_resize_session_for_test (SemTimetable *self,
                                       const char   *session_id,
                                       double        dy)
{
  SemTimetableBlock *block;

  g_return_if_fail (SEM_IS_TIMETABLE (self));
  block = g_hash_table_lookup (self->blocks, session_id);
  g_return_if_fail (block != NULL);
  finish_drag (self, block, TRUE, 0, dy);
}
